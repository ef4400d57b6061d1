/* frontmatter.c: article front matter (see frontmatter.h). */
#define _GNU_SOURCE
#include "content/frontmatter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "content/config.h"
#include "content/yamldoc.h"

static const char *const S_keys[] = {"title", "summary", "topics", "date", "reviewed",
                                     "reviewer", "procedures", "slug", "draft", "lang",
                                     "translation_of", "source_reviewed", NULL};
static const char *const S_required[] = {"title", "summary", "topics", "date", "reviewed",
                                         "reviewer", NULL};
/* A site page's (content/pages/, issue 18): what every page shows, and no article's keys. */
static const char *const S_page_keys[] = {"title", "summary", "reviewed", "clinic_details",
                                          "draft", NULL};
static const char *const S_page_required[] = {"title", "summary", "reviewed", NULL};

/* Where key's value was written, or 0:0. */
static fm_pos S_pos(ydoc *doc, yaml_node_t *root, const char *key)
{
    yaml_node_t *n = ydoc_map_get(doc, root, key);
    return n ? (fm_pos){ydoc_line(doc, n), ydoc_column(doc, n)} : (fm_pos){0, 0};
}

/* Find the end of the line starting at p; returns the start of the next line. */
static const char *S_next_line(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl + 1 : end;
}

/* True when the line [p, next) is exactly a fence (---, or ... to close), maybe with CR. */
static bool S_is_fence(const char *p, const char *next, bool closing)
{
    size_t n = (size_t)(next - p);
    while (n && (p[n - 1] == '\n' || p[n - 1] == '\r'))
        n--;
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    return n == 3 && (memcmp(p, "---", 3) == 0 || (closing && memcmp(p, "...", 3) == 0));
}

/* The date under key into *out; a mistake is reported (in Korean when ko). */
static void S_read_date(ydoc *doc, yaml_node_t *root, const char *key, bool ko, date_ymd *out)
{
    yaml_node_t *n = ydoc_map_get(doc, root, key);
    if (!n)
        return;
    const char *s = ydoc_scalar(n);
    if (!s || ydoc_is_null(n)) {
        ydoc_error(doc, n,
                   ko ? "'%s'에는 날짜를 2026-11-20처럼 YYYY-MM-DD 형식으로 써 주십시오"
                      : "'%s' must be a date written as YYYY-MM-DD, like 2026-11-20",
                   key);
        return;
    }
    if (!date_parse(s, out))
        ydoc_error(doc, n,
                   ko ? "'%s'의 '%s'은(는) 올바른 날짜가 아닙니다. 2026-11-20처럼 YYYY-MM-DD "
                        "형식으로 써 주십시오"
                      : "'%s' is not a valid date: '%s'; write it as YYYY-MM-DD, like "
                        "2026-11-20",
                   key, s);
}

static const char *S_read_string(ydoc *doc, yaml_node_t *root, const char *key);

/* A language tag under key (a copy for the caller), or NULL: absent, or reported (in Korean
 * when ko). */
static char *S_read_language(ydoc *doc, yaml_node_t *root, const char *key, bool ko)
{
    const char *s = S_read_string(doc, root, key);
    if (!s)
        return NULL;
    if (slug_is_language_tag(s))
        return xstrdup(s);
    ydoc_error(doc, ydoc_map_get(doc, root, key),
               ko ? "'%s'에는 '%s'이(가) 아니라 en이나 ko 같은 언어 코드를 써 주십시오"
                  : "'%s' must be a language code such as en or ko, not '%s'",
               key, s);
    return NULL;
}

static const char *S_read_string(ydoc *doc, yaml_node_t *root, const char *key)
{
    yaml_node_t *n = ydoc_map_get(doc, root, key);
    if (!n)
        return NULL;
    char what[32];
    snprintf(what, sizeof what, "'%s'", key);
    return ydoc_expect_string(doc, n, what);
}

/* Read a list of ids; a single value is accepted as a list of one. An id listed twice is
 * reported (in Korean when ko). */
static fm_ref *S_read_ids(ydoc *doc, yaml_node_t *root, const char *key, bool ko,
                          size_t *count)
{
    yaml_node_t *n = ydoc_map_get(doc, root, key);
    *count = 0;
    if (!n)
        return NULL;
    char what[48];
    snprintf(what, sizeof what, "'%s'", key);
    if (n->type == YAML_SCALAR_NODE && !ydoc_is_null(n)) {
        const char *id = ydoc_expect_string(doc, n, what);
        if (!id)
            return NULL;
        fm_ref *refs = xcalloc(1, sizeof *refs);
        refs[0].id = xstrdup(id);
        refs[0].line = ydoc_line(doc, n);
        refs[0].column = ydoc_column(doc, n);
        *count = 1;
        return refs;
    }
    if (!ydoc_expect_seq(doc, n, what))
        return NULL;
    size_t len = ydoc_len(n);
    fm_ref *refs = xcalloc(len, sizeof *refs);
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *item = ydoc_seq_item(doc, n, i);
        snprintf(what, sizeof what, ko ? "'%s'의 각 항목" : "each of '%s'", key);
        const char *id = ydoc_expect_string(doc, item, what);
        if (!id)
            continue;
        bool dup = false;
        for (size_t j = 0; j < *count; j++)
            if (strcmp(refs[j].id, id) == 0)
                dup = true;
        if (dup) {
            ydoc_error(doc, item,
                       ko ? "'%s'에 '%s'이(가) 두 번 있습니다. 하나만 남겨 주십시오"
                          : "'%s' lists '%s' twice; keep one",
                       key, id);
            continue;
        }
        refs[*count].id = xstrdup(id);
        refs[*count].line = ydoc_line(doc, item);
        refs[*count].column = ydoc_column(doc, item);
        (*count)++;
    }
    return refs;
}

/*
 * Find the front matter between the opening '---' (after a byte order mark, if any) and
 * the closing '---' or '...': sets *yaml and *yaml_len to the text between them, *body and
 * *body_line to what follows. Returns false after an error when there is no opening or
 * closing fence, or the front matter holds a NUL byte (in Korean when ko).
 */
static bool S_split(const char *file, const char *text, size_t len, bool page, bool ko,
                    diag_list *diags, const char **yaml, size_t *yaml_len, const char **body,
                    unsigned *body_line)
{
    const char *end = text + len;
    const char *p = text;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    const char *next = S_next_line(p, end);
    if (!S_is_fence(p, next, false)) {
        if (page)
            diag_error(diags, file, 1, 1, "front-matter", "%s",
                       ko ? "페이지는 프런트 매터로 시작해야 합니다. '---' 한 줄, 항목들(title, "
                            "summary, reviewed), 그리고 다시 '---' 한 줄을 써 주십시오"
                          : "the page must start with front matter: a line '---', the fields "
                            "(title, summary, reviewed), and another '---'");
        else
            diag_error(diags, file, 1, 1, "front-matter", "%s",
                       ko ? "글은 프런트 매터로 시작해야 합니다. '---' 한 줄, 항목들(title, "
                            "summary, topics, date, reviewed, reviewer), 그리고 다시 '---' 한 "
                            "줄을 써 주십시오"
                          : "the article must start with front matter: a line '---', the "
                            "fields (title, summary, topics, date, reviewed, reviewer), and "
                            "another '---'");
        return false;
    }
    const char *yaml_start = next;
    const char *line = next;
    unsigned lineno = 2;
    while (line < end) {
        const char *after = S_next_line(line, end);
        if (S_is_fence(line, after, true))
            break;
        line = after;
        lineno++;
    }
    if (line >= end) {
        diag_error(diags, file, 1, 1, "front-matter", "%s",
                   ko ? "프런트 매터가 닫히지 않았습니다. 마지막 항목 뒤에 '---' 한 줄을 넣어 "
                        "주십시오"
                      : "the front matter is not closed; add a line '---' after its last "
                        "field");
        return false;
    }
    if (memchr(yaml_start, '\0', (size_t)(line - yaml_start))) {
        diag_error(diags, file, 2, 1, "front-matter", "%s",
                   ko ? "프런트 매터에 NUL 바이트가 있습니다. 파일이 손상되었을 수 있으니 일반 "
                        "UTF-8 텍스트로 다시 저장해 주십시오"
                      : "the front matter contains a NUL byte; the file may be damaged: save "
                        "it again as plain UTF-8 text");
        return false;
    }
    *yaml = yaml_start;
    *yaml_len = (size_t)(line - yaml_start);
    *body = S_next_line(line, end);
    *body_line = lineno + 1;
    return true;
}

/* Whether the file is in Korean (site->lang), so that its mistakes are told in Korean. */
static bool S_korean(const frontmatter_site *site)
{
    return site && site->lang && slug_language_in(site->lang, "ko");
}

/* An empty topic list: which topics there are, when the caller knows, in the article's
 * language (Korean for ko, English otherwise). */
static void S_empty_topics(ydoc *doc, yaml_node_t *topics, const frontmatter_site *site)
{
    char *list = site && site->cfg && site->cfg->n_topics ? config_topic_list(site->cfg, site->lang)
                                                           : NULL;
    if (!list)
        ydoc_error(doc, topics, "'topics' is empty; list at least one topic from site.yaml");
    else if (S_korean(site))
        ydoc_error(doc, topics, "'topics'가 비어 있습니다. site.yaml에 있는 주제 가운데 하나 "
                   "이상을 쓰세요: %s", list);
    else
        ydoc_error(doc, topics, "'topics' is empty; list at least one of the topics in "
                   "site.yaml: %s", list);
    free(list);
}

/* Read the fields of the front matter's mapping (root) into fm, reporting through doc. */
static void S_read_fields(ydoc *doc, yaml_node_t *root, const frontmatter_site *site,
                          frontmatter *fm)
{
    bool page = site && site->page;
    bool ko = S_korean(site);
    const char *const *required = page ? S_page_required : S_required;
    for (size_t i = 0; required[i]; i++)
        if (!ydoc_map_get(doc, root, required[i]))
            ydoc_error_at(doc, 1, 1, "front-matter",
                          ko ? "프런트 매터에 '%s'이(가) 없습니다. 모든 %s에 필요하니 두 '---' "
                               "줄 사이에 '%s: ...' 한 줄을 넣어 주십시오"
                             : "the front matter has no '%s'; every %s needs one: add a line "
                               "'%s: ...' between the two '---' lines",
                          required[i],
                          ko ? (page ? "페이지" : "글") : (page ? "page" : "article"),
                          required[i]);
    yaml_node_t *details = ydoc_map_get(doc, root, "clinic_details");
    if (details)
        ydoc_expect_bool(doc, details, "'clinic_details'", &fm->clinic_details);
    const char *s;
    if ((s = S_read_string(doc, root, "title")))
        fm->title = xstrdup(s);
    if ((s = S_read_string(doc, root, "summary")))
        fm->summary = xstrdup(s);
    if ((s = S_read_string(doc, root, "reviewer")))
        fm->reviewer = xstrdup(s);
    if ((s = S_read_string(doc, root, "slug"))) {
        if (slug_is_valid(s))
            fm->slug = xstrdup(s);
        else
            ydoc_error(doc, ydoc_map_get(doc, root, "slug"),
                       ko ? "'slug'에는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다. '%s'은(는) "
                            "쓸 수 없습니다"
                          : "'slug' may use only lower-case letters, digits and hyphens, not "
                            "'%s'",
                       s);
    }
    fm->lang = S_read_language(doc, root, "lang", ko);
    fm->translation_of = S_read_language(doc, root, "translation_of", ko);
    fm->lang_at = S_pos(doc, root, "lang");
    fm->translation_of_at = S_pos(doc, root, "translation_of");
    fm->source_reviewed_at = S_pos(doc, root, "source_reviewed");
    S_read_date(doc, root, "source_reviewed", ko, &fm->source_reviewed);
    yaml_node_t *of = ydoc_map_get(doc, root, "translation_of");
    yaml_node_t *src = ydoc_map_get(doc, root, "source_reviewed");
    if (of && !src)
        ydoc_error(doc, of, "%s",
                   ko ? "번역에는 'source_reviewed'가 필요합니다. 따르는 원문의 'reviewed' "
                        "날짜를 'source_reviewed: 2026-11-20'처럼 써 주십시오"
                      : "a translation needs 'source_reviewed': the 'reviewed' date of the "
                        "source it follows, like 'source_reviewed: 2026-11-20'");
    if (src && !of)
        ydoc_error(doc, src, "%s",
                   ko ? "'source_reviewed'는 번역에 쓰는 항목입니다. 'translation_of'(원문의 "
                        "언어)를 더하거나 이 항목을 지워 주십시오"
                      : "'source_reviewed' is for a translation; add 'translation_of' (the "
                        "source's language), or remove it");
    fm->title_at = S_pos(doc, root, "title");
    fm->summary_at = S_pos(doc, root, "summary");
    fm->reviewer_at = S_pos(doc, root, "reviewer");
    fm->reviewed_at = S_pos(doc, root, "reviewed");
    S_read_date(doc, root, "date", ko, &fm->date);
    S_read_date(doc, root, "reviewed", ko, &fm->reviewed);
    yaml_node_t *draft = ydoc_map_get(doc, root, "draft");
    if (draft)
        ydoc_expect_bool(doc, draft, "'draft'", &fm->draft);
    fm->topics = S_read_ids(doc, root, "topics", ko, &fm->n_topics);
    /* An empty list is the one way to list no topic without another error. */
    yaml_node_t *topics = ydoc_map_get(doc, root, "topics");
    if (topics && topics->type == YAML_SEQUENCE_NODE && ydoc_len(topics) == 0)
        S_empty_topics(doc, topics, site);
    fm->procedures = S_read_ids(doc, root, "procedures", ko, &fm->n_procedures);
}

frontmatter *frontmatter_parse(const char *file, const char *text, size_t len,
                               diag_list *diags, const char **body, unsigned *body_line)
{
    return frontmatter_parse_for(file, text, len, NULL, diags, body, body_line);
}

frontmatter *frontmatter_parse_for(const char *file, const char *text, size_t len,
                                   const frontmatter_site *site, diag_list *diags,
                                   const char **body, unsigned *body_line)
{
    const char *yaml;
    size_t yaml_len;
    bool page = site && site->page;
    if (!S_split(file, text, len, page, S_korean(site), diags, &yaml, &yaml_len, body,
                 body_line))
        return NULL;
    /* The front matter starts on line 2 of the article. */
    bool ko = S_korean(site);
    ydoc *doc = ydoc_load_in(file, yaml, yaml_len, 1, 0, ko, diags);
    if (!doc)
        return NULL;
    const char *form =
        page ? (ko ? "프런트 매터는 'key: value' 줄(title, summary, reviewed)로 써야 합니다"
                   : "the front matter must be 'key: value' lines (title, summary, reviewed)")
             : (ko ? "프런트 매터는 'key: value' 줄(title, summary, topics, date, reviewed, "
                     "reviewer)로 써야 합니다"
                   : "the front matter must be 'key: value' lines (title, summary, topics, "
                     "date, reviewed, reviewer)");
    yaml_node_t *root =
        ydoc_root_map(doc, page ? S_page_keys : S_keys, ko ? "프런트 매터" : "the front matter",
                      form, false);
    if (!root) {
        ydoc_free(doc);
        return NULL;
    }
    frontmatter *fm = xcalloc(1, sizeof *fm);
    fm->line = 1;
    S_read_fields(doc, root, site, fm);
    bool failed = ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed) {
        frontmatter_free(fm);
        return NULL;
    }
    return fm;
}

void frontmatter_free(frontmatter *fm)
{
    if (!fm)
        return;
    free(fm->title);
    free(fm->summary);
    free(fm->reviewer);
    free(fm->slug);
    free(fm->lang);
    free(fm->translation_of);
    for (size_t i = 0; i < fm->n_topics; i++)
        free(fm->topics[i].id);
    free(fm->topics);
    for (size_t i = 0; i < fm->n_procedures; i++)
        free(fm->procedures[i].id);
    free(fm->procedures);
    free(fm);
}
