/* config.c: content/site.yaml (see config.h). */
#define _GNU_SOURCE
#include "content/config.h"

#include <ctype.h>
#include <errno.h>
#include <libxml/uri.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "content/config_private.h"
#include "content/yamldoc.h"

/* Split base_url into the normalised URL and its path; reports what is wrong. */
static bool S_base_url(ydoc *doc, yaml_node_t *node, const char *url, config *cfg)
{
    xmlURIPtr uri = xmlParseURI(url);
    if (!uri || !uri->scheme || !uri->server ||
        (strcmp(uri->scheme, "http") != 0 && strcmp(uri->scheme, "https") != 0) ||
        uri->query || uri->fragment) {
        ydoc_error(doc, node,
                   ydoc_korean(doc)
                       ? "'base_url'에는 '%s'이(가) 아니라 \"https://example.org/\"처럼 사이트의 "
                         "절대 주소를 써 주십시오"
                       : "'base_url' must be the site's absolute address, like "
                         "\"https://example.org/\", not '%s'",
                   url);
        xmlFreeURI(uri);
        return false;
    }
    /* xmlParseURI decodes %-escapes in uri->path; the base path goes into every link, so
     * take it from the URL as written, after "scheme://host[:port]". */
    const char *after_scheme = strstr(url, "://");
    const char *path = after_scheme ? strchr(after_scheme + 3, '/') : NULL;
    if (!path)
        path = "/";
    strbuf p = STRBUF_INIT;
    if (path[0] != '/')
        strbuf_putc(&p, '/');
    strbuf_puts(&p, path);
    if (p.data[p.len - 1] != '/')
        strbuf_putc(&p, '/');
    cfg->base_path = strbuf_detach(&p);
    size_t n = strlen(url);
    cfg->base_url = n && url[n - 1] == '/' ? xstrdup(url) : xasprintf("%s/", url);
    xmlFreeURI(uri);
    return true;
}

/* The largest reading_grade_max: beyond a university graduate's grade, no limit at all. */
#define READING_GRADE_LIMIT 20
/* A reading_grade_max that is no number ("%s": what, "'%s'": the value). */
#define S_NOT_NUMBER "%s must be a number such as 9 or 8.5, but it is '%s'"
#define S_NOT_NUMBER_KO "%s에는 '%s'이(가) 아니라 9나 8.5 같은 숫자를 써 주십시오"

/*
 * reading_grade_max: a plain decimal number ("9", "8.5") from 1 to READING_GRADE_LIMIT,
 * read without strtod so that no locale can make "8.5" mean something else. A sign is
 * read so that "-3" is out of range rather than not a number.
 */
static void S_reading_grade_max(ydoc *doc, yaml_node_t *node, config *cfg)
{
    const char *v = ydoc_scalar(node);
    const char *what = "'reading_grade_max'";
    bool ko = ydoc_korean(doc);
    if (!v || ydoc_is_null(node) || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
        if (v && !ydoc_is_null(node))
            ydoc_error(doc, node, ko ? S_NOT_NUMBER_KO : S_NOT_NUMBER, what, v);
        else if (ko)
            ydoc_error(doc, node, "%s에는 9나 8.5 같은 숫자를 써야 하는데 %s입니다", what,
                       v ? "빈 값" : node->type == YAML_SEQUENCE_NODE ? "목록"
                                                                      : "매핑('key: value' 줄)");
        else
            ydoc_error(doc, node, "%s must be a number such as 9 or 8.5, but it is %s", what,
                       v ? "nothing"
                         : node->type == YAML_SEQUENCE_NODE ? "a list"
                                                            : "a mapping (key: value lines)");
        return;
    }
    double value = 0, scale = 1;
    bool point = false, digits = false, ok = true;
    bool negative = *v == '-';
    for (const char *p = v + (*v == '-' || *v == '+'); *p && ok; p++) {
        if (*p >= '0' && *p <= '9') {
            digits = true;
            if (point)
                value += (scale /= 10) * (*p - '0');
            else if (value < 1e6)
                value = value * 10 + (*p - '0');
        } else if (*p == '.' && !point && digits && p[1]) {
            point = true;
        } else {
            ok = false;
        }
    }
    if (!ok || !digits) {
        ydoc_error(doc, node, ko ? S_NOT_NUMBER_KO : S_NOT_NUMBER, what, v);
        return;
    }
    if (negative || value < 1 || value > READING_GRADE_LIMIT) {
        ydoc_error(doc, node,
                   ko ? "%s은(는) 1에서 %d 사이의 학년이어야 합니다. %s은(는) 쓸 수 없습니다"
                      : "%s must be between 1 and %d (a school grade), not %s",
                   what, READING_GRADE_LIMIT, v);
        return;
    }
    cfg->reading_grade_max = value;
}

static void S_load_topics(ydoc *doc, yaml_node_t *node, config *cfg)
{
    static const char *const keys[] = {"id", "title", "description", NULL};
    if (!ydoc_expect_seq(doc, node, "'topics'"))
        return;
    size_t n = ydoc_len(node);
    bool ko = ydoc_korean(doc);
    if (n == 0) {
        ydoc_error(doc, node, ko ? "'topics'이(가) 비어 있습니다. 주제를 하나 이상 써 주십시오"
                                 : "'topics' is empty; declare at least one topic");
        return;
    }
    ltext_langs langs = config_ltext_langs(cfg);
    cfg->topics = xcalloc(n, sizeof *cfg->topics);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *t = ydoc_seq_item(doc, node, i);
        if (!ydoc_expect_entry(doc, t, ko ? "'topics'의 각 항목" : "each topic", keys,
                               ko ? "주제" : "a topic"))
            continue;
        yaml_node_t *idn;
        const char *id =
            ydoc_expect_id(doc, t, ko ? "주제의 'id'" : "a topic's 'id'",
                           ko ? "이 주제에 'id'가 없습니다. 'id: anatomy'처럼 추가해 주십시오"
                              : "this topic has no 'id'; add one, like 'id: anatomy'",
                           ko ? "주제" : "topic", &idn);
        if (id && config_find_topic(cfg, id)) {
            ydoc_error(doc, idn,
                       ko ? "주제 '%s'이(가) 두 번 선언되어 있습니다. 하나만 남겨 주십시오"
                          : "topic '%s' is declared twice; keep one",
                       id);
            id = NULL;
        }
        char *entry = xasprintf(ko ? "주제 '%s'" : "topic '%s'", id ? id : "?");
        config_topic topic = {0};
        bool ok = id != NULL;
        yaml_node_t *tn = ydoc_map_get(doc, t, "title");
        if (!tn)
            ydoc_error(doc, t, ko ? "이 주제에 'title'이 없습니다. 독자에게 보일 이름을 추가해 "
                                    "주십시오"
                                  : "this topic has no 'title'; add the name readers will see");
        ok = (tn && ltext_read(doc, tn, "'title'", entry, &langs, &topic.title)) && ok;
        yaml_node_t *dn = ydoc_map_get(doc, t, "description");
        if (!dn)
            ydoc_error(doc, t, ko ? "이 주제에 'description'이 없습니다. 쉬운 문장 하나를 "
                                    "추가해 주십시오"
                                  : "this topic has no 'description'; add one plain sentence");
        ok = (dn && ltext_read(doc, dn, "'description'", entry, &langs, &topic.description)) &&
             ok;
        free(entry);
        if (!ok) {
            ltext_free(&topic.title);
            ltext_free(&topic.description);
            continue;
        }
        topic.id = xstrdup(id);
        cfg->topics[cfg->n_topics++] = topic;
    }
}

static void S_load_notices(ydoc *doc, yaml_node_t *node, config_language *lang)
{
    if (!ydoc_expect_map(doc, node, "'notices'"))
        return;
    size_t n = ydoc_len(node);
    lang->notices = xcalloc(n, sizeof *lang->notices);
    for (size_t i = 0; i < n; i++) {
        const char *id = ydoc_scalar(ydoc_map_key(doc, node, i));
        const char *text = ydoc_expect_string(doc, ydoc_map_value(doc, node, i),
                                              ydoc_korean(doc) ? "안내문" : "a notice");
        if (!id || !text)
            continue;
        lang->notices[lang->n_notices].id = xstrdup(id);
        lang->notices[lang->n_notices].text = xstrdup(text);
        lang->n_notices++;
    }
    if (!config_find_notice(lang, "before_after"))
        ydoc_error(doc, node,
                   ydoc_korean(doc)
                       ? "'notices'에 'before_after'가 없습니다. 전후 사진 아래에 보이는 동의 "
                         "안내문을 추가해 주십시오"
                       : "'notices' has no 'before_after'; add the consent notice shown under "
                         "before-and-after photos");
}

static bool S_check_date_format(ydoc *doc, yaml_node_t *node, const char *code,
                                const char *pattern)
{
    bool quoted = false, year = false, month = false, day = false;
    for (const char *p = pattern; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        else if (!quoted) {
            year |= *p == 'y';
            month |= *p == 'M' || *p == 'L';
            day |= *p == 'd';
        }
    }
    UChar upat[256];
    int32_t n = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(upat, 256, &n, pattern, -1, &status);
    UDateFormat *fmt = U_SUCCESS(status)
                           ? udat_open(UDAT_PATTERN, UDAT_PATTERN, code, u"UTC", -1, upat, n,
                                       &status)
                           : NULL;
    if (fmt)
        udat_close(fmt);
    if (U_FAILURE(status) || !year || !month || !day) {
        ydoc_error(doc, node,
                   ydoc_korean(doc)
                       ? "'date_format' '%s'은(는) 연도(y), 월(M), 일(d)이 모두 있는 날짜 "
                         "패턴이 아닙니다. \"y년 M월 d일\"이나 \"d MMMM y\"처럼 써 "
                         "주십시오(Unicode UTS #35 날짜 패턴)"
                       : "'date_format' '%s' is not a date pattern with a year (y), a "
                         "month (M) and a day (d); write one like \"y년 M월 d일\" or "
                         "\"d MMMM y\" (Unicode UTS #35 date patterns)",
                   pattern);
        return false;
    }
    return true;
}

/* The code of one language: a BCP 47 tag of a language ICU knows; NULL after reporting. */
static const char *S_language_code(ydoc *doc, yaml_node_t *node, const char *what)
{
    const char *s = ydoc_expect_string(doc, node, what);
    if (!s)
        return NULL;
    bool ko = ydoc_korean(doc);
    if (!slug_is_language_tag(s)) {
        ydoc_error(doc, node,
                   ko ? "%s에는 '%s'이(가) 아니라 en이나 ko 같은 언어 코드를 써 주십시오"
                      : "%s must be a language code such as en or ko, not '%s'",
                   what, s);
        return NULL;
    }
    if (!slug_is_known_language(s)) {
        ydoc_error(doc, node,
                   ko ? "%s '%s'은(는) 알려진 언어가 아닙니다. ko(한국어)나 en(영어)처럼 "
                        "ISO 639 코드를 써 주십시오"
                      : "%s '%s' names no known language; use its ISO 639 code, such "
                        "as ko (Korean) or en (English)",
                   what, s);
        return NULL;
    }
    return s;
}

/* Fill the texts of lang from map (a language entry, or the root of a one-language file). */
static void S_language_texts(ydoc *doc, yaml_node_t *map, config_language *lang)
{
    yaml_node_t *n;
    const char *s;
    if ((n = ydoc_map_get(doc, map, "name")) && (s = ydoc_expect_string(doc, n, "'name'")))
        lang->name = xstrdup(s);
    if ((n = ydoc_map_get(doc, map, "title")) && (s = ydoc_expect_string(doc, n, "'title'")))
        lang->title = xstrdup(s);
    if ((n = ydoc_map_get(doc, map, "description")) &&
        (s = ydoc_expect_string(doc, n, "'description'")))
        lang->description = xstrdup(s);
    if ((n = ydoc_map_get(doc, map, "date_format")) &&
        (s = ydoc_expect_string(doc, n, "'date_format'")) &&
        (!lang->code || S_check_date_format(doc, n, lang->code, s)))
        lang->date_format = xstrdup(s);
    if ((n = ydoc_map_get(doc, map, "disclaimer")) &&
        (s = ydoc_expect_string(doc, n, "'disclaimer'"))) {
        lang->disclaimer = xstrdup(s);
        lang->disclaimer_line = ydoc_line(doc, n);
    }
    if ((n = ydoc_map_get(doc, map, "notices")))
        S_load_notices(doc, n, lang);
    if (!lang->description && lang->title)
        lang->description = xstrdup(lang->title);
    if (!lang->name && lang->code)
        lang->name = slug_language_name(lang->code, lang->code);
    if (!lang->name && lang->code)
        lang->name = xstrdup(lang->code);
    if (lang->code)
        lang->og_locale = slug_og_locale(lang->code);
}

/* The site path of lang's pages: the base path for the default, else base path + code/. */
static void S_set_prefix(config *cfg, config_language *lang, bool is_default)
{
    if (is_default || !cfg->base_path) {
        lang->prefix = xstrdup(cfg->base_path ? cfg->base_path : "/");
        return;
    }
    char *lower = xstrdup(lang->code);
    for (char *p = lower; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    lang->prefix = xasprintf("%s%s/", cfg->base_path, lower);
    free(lower);
}

/* One entry of 'languages'; false after reporting what makes it unusable. */
static bool S_load_language(ydoc *doc, yaml_node_t *entry, config *cfg)
{
    static const char *const keys[] = {"code",       "name",       "title",   "description",
                                       "date_format", "disclaimer", "notices", NULL};
    bool ko = ydoc_korean(doc);
    if (!ydoc_expect_entry(doc, entry, ko ? "'languages'의 각 항목" : "each language", keys,
                           ko ? "언어 항목" : "a language"))
        return false;
    yaml_node_t *cn = ydoc_map_get(doc, entry, "code");
    if (!cn) {
        ydoc_error(doc, entry, ko ? "이 언어에 'code'가 없습니다. 'code: ko'처럼 추가해 주십시오"
                                  : "this language has no 'code'; add one, like 'code: ko'");
        return false;
    }
    const char *code = S_language_code(doc, cn, "'code'");
    if (!code)
        return false;
    for (size_t i = 0; i < cfg->n_languages; i++) {
        const config_language *other = &cfg->languages[i];
        if (strcmp(other->code, code) == 0) {
            ydoc_error(doc, cn,
                       ko ? "언어 '%s'이(가) 두 번 선언되어 있습니다. 하나만 남겨 주십시오"
                          : "language '%s' is declared twice; keep one",
                       code);
            return false;
        }
        /* Codes that differ only in case publish into one folder. */
        if (strcasecmp(other->code, code) == 0) {
            config_language probe = {.code = (char *)code};
            S_set_prefix(cfg, &probe, false);
            ydoc_error(doc, cn,
                       ko ? "언어 '%s'과(와) '%s'은(는) 둘 다 %s 아래에 게시됩니다. 하나만 "
                            "남겨 주십시오"
                          : "languages '%s' and '%s' would both publish under %s; keep one",
                       other->code, code, probe.prefix);
            free(probe.prefix);
            return false;
        }
    }
    static const char *const required[][3] = {
        {"title", "this language has no 'title'; add the site's title in that language",
         "이 언어에 'title'이 없습니다. 그 언어로 된 사이트 제목을 추가해 주십시오"},
        {"disclaimer", "this language has no 'disclaimer'; every page carries the medical "
                       "disclaimer in its own language: add it (Markdown)",
         "이 언어에 'disclaimer'가 없습니다. 모든 페이지에는 그 페이지의 언어로 된 의료 면책 "
         "문구가 들어가니 추가해 주십시오(Markdown)"},
        {"notices", "this language has no 'notices'; add 'notices:' with 'before_after', the "
                    "consent notice under before-and-after photos",
         "이 언어에 'notices'가 없습니다. 전후 사진 아래에 보이는 동의 안내문 'before_after'와 "
         "함께 'notices:'를 추가해 주십시오"},
    };
    bool ok = true;
    for (size_t r = 0; r < sizeof required / sizeof *required; r++)
        if (!ydoc_map_get(doc, entry, required[r][0])) {
            ydoc_error(doc, entry, ko ? "%s(언어 '%s')" : "%s (language '%s')",
                       required[r][ko ? 2 : 1], code);
            ok = false;
        }
    config_language *lang = &cfg->languages[cfg->n_languages++];
    lang->code = xstrdup(code);
    S_language_texts(doc, entry, lang);
    S_set_prefix(cfg, lang, cfg->n_languages == 1);
    return ok;
}

/* 'languages': the site's languages in order. */
static void S_load_languages(ydoc *doc, yaml_node_t *node, config *cfg)
{
    if (!ydoc_expect_seq(doc, node, "'languages'"))
        return;
    size_t n = ydoc_len(node);
    if (n == 0) {
        ydoc_error(doc, node,
                   ydoc_korean(doc) ? "'languages'이(가) 비어 있습니다. 언어를 하나 이상, 기본 "
                                      "언어를 맨 앞에 두어 써 주십시오"
                                    : "'languages' is empty; declare at least one language, "
                                      "the default first");
        return;
    }
    cfg->languages = xcalloc(n, sizeof *cfg->languages);
    for (size_t i = 0; i < n; i++)
        S_load_language(doc, ydoc_seq_item(doc, node, i), cfg);
}

/* The one-language form: title, description, language, disclaimer, notices at the top. */
static void S_load_one_language(ydoc *doc, yaml_node_t *root, config *cfg)
{
    cfg->languages = xcalloc(1, sizeof *cfg->languages);
    config_language *lang = &cfg->languages[0];
    cfg->n_languages = 1;
    yaml_node_t *n = ydoc_map_get(doc, root, "language");
    const char *code = n ? S_language_code(doc, n, "'language'") : NULL;
    lang->code = xstrdup(code ? code : "en");
    S_language_texts(doc, root, lang);
    S_set_prefix(cfg, lang, true);
}

/* Keys of each form: with 'languages' the one-language keys are mistakes, and the other way. */
static void S_check_form(ydoc *doc, yaml_node_t *root, bool multilingual)
{
    bool ko = ydoc_korean(doc);
    static const char *const one_language[] = {"title", "description", "language",
                                               "disclaimer", "notices", NULL};
    static const char *const required_one[] = {"title", "language", "disclaimer", "notices",
                                               NULL};
    if (multilingual) {
        for (size_t k = 0; one_language[k]; k++) {
            yaml_node_t *key = NULL;
            for (size_t i = 0; i < ydoc_len(root); i++) {
                const char *name = ydoc_scalar(ydoc_map_key(doc, root, i));
                if (name && strcmp(name, one_language[k]) == 0)
                    key = ydoc_map_key(doc, root, i);
            }
            if (key)
                ydoc_error(doc, key,
                           ko ? "site.yaml에 'languages'가 있으면 '%s'은(는) 'languages'의 "
                                "각 항목 아래에 써야 합니다. 그리로 옮겨 주십시오"
                              : "'%s' belongs under each entry of 'languages' when "
                                "site.yaml declares them; move it there",
                           one_language[k]);
        }
        if (!ydoc_map_get(doc, root, "translation_max_lag_days"))
            ydoc_error(doc, root,
                       ko ? "site.yaml에 'translation_max_lag_days'가 없습니다. 번역이 원문의 "
                            "더 새로운 감수보다 며칠까지 늦어도 되는지 "
                            "'translation_max_lag_days: 90'처럼 추가해 주십시오"
                          : "site.yaml has no 'translation_max_lag_days'; add how many "
                            "days a translation may lag behind a newer review of its source, "
                            "like 'translation_max_lag_days: 90'");
        return;
    }
    for (size_t k = 0; required_one[k]; k++)
        if (!ydoc_map_get(doc, root, required_one[k]))
            ydoc_error(doc, root,
                       ko ? "site.yaml에 '%s'이(가) 없습니다. 추가하거나 'languages:'를 "
                            "선언해 주십시오(README.md의 'The other content files')"
                          : "site.yaml has no '%s'; add it, or declare 'languages:' "
                            "(see README.md, 'The other content files')",
                       required_one[k]);
}

/* `footer_pages: [about, contact]`: the names of content/pages/ files, each once. */
static void S_load_footer_pages(ydoc *doc, yaml_node_t *node, config *cfg)
{
    if (!ydoc_expect_seq(doc, node, "'footer_pages'"))
        return;
    size_t n = ydoc_len(node);
    cfg->footer_pages = xcalloc(n + 1, sizeof *cfg->footer_pages);
    bool ko = ydoc_korean(doc);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = ydoc_seq_item(doc, node, i);
        const char *name =
            ydoc_expect_string(doc, item, ko ? "'footer_pages'의 페이지" : "a page in 'footer_pages'");
        if (!name)
            continue;
        if (!slug_is_valid(name)) {
            ydoc_error(doc, item,
                       ko ? "'%s'은(는) 페이지 이름이 아닙니다. content/pages/에 있는 페이지의 "
                            "파일 이름을 '.md' 없이 'about'처럼 써 주십시오"
                          : "'%s' is not a page's name: write the file name of a page in "
                            "content/pages/ without '.md', like 'about'",
                       name);
            continue;
        }
        bool twice = false;
        for (size_t k = 0; k < cfg->n_footer_pages && !twice; k++)
            twice = strcmp(cfg->footer_pages[k].name, name) == 0;
        if (twice) {
            ydoc_error(doc, item,
                       ko ? "'footer_pages'에 '%s'이(가) 두 번 있습니다. 하나만 남겨 주십시오"
                          : "'footer_pages' lists '%s' twice; keep one",
                       name);
            continue;
        }
        cfg->footer_pages[cfg->n_footer_pages++] = (config_page_ref){
            xstrdup(name), ydoc_line(doc, item), ydoc_column(doc, item)};
    }
}

/* Whether the language tag that starts at p (after spaces and a quote, up to eol) is Korean. */
static bool S_tag_is_korean(const char *p, const char *eol)
{
    while (p < eol && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
        p++;
    char tag[36];
    size_t n = 0;
    while (p + n < eol && n < sizeof tag - 1 &&
           (isalnum((unsigned char)p[n]) || p[n] == '-' || p[n] == '_'))
        n++;
    memcpy(tag, p, n);
    tag[n] = '\0';
    return n && slug_is_language_tag(tag) && slug_language_in(tag, "ko");
}

/* Whether the line [line, eol) starts with key at its first column. */
static bool S_top_key(const char *line, const char *eol, const char *key)
{
    size_t n = strlen(key);
    return (size_t)(eol - line) >= n && memcmp(line, key, n) == 0;
}

/*
 * Whether the raw text of site.yaml, which may not be valid YAML, names Korean as the
 * site's language: the first 'code:' after a 'languages:' line and before the next line
 * that starts another key at the first column, or else a 'language:' line. A guess for
 * the messages of a file that does not load; one that loads is read properly
 * (S_korean_site).
 */
static bool S_text_korean(const char *text, size_t len)
{
    const char *end = text + len;
    bool in_languages = false;
    for (const char *line = text; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *eol = nl ? nl : end;
        bool top = line < eol && !strchr(" \t\r#-", *line);
        if (top && in_languages)
            return false; /* the list ended without a code */
        if (top && S_top_key(line, eol, "language:"))
            return S_tag_is_korean(line + 9, eol);
        in_languages |= top && S_top_key(line, eol, "languages:");
        for (const char *c = line; in_languages && c + 5 <= eol; c++)
            if (memcmp(c, "code:", 5) == 0 && (c == line || strchr(" \t{,-", c[-1])))
                return S_tag_is_korean(c + 5, eol);
        line = nl ? nl + 1 : end;
    }
    return false;
}

/*
 * Whether site.yaml's default language is Korean: the code of the first entry of
 * 'languages', or 'language' on a site without them. A site whose languages cannot be
 * told (no such key, a broken list) is told its mistakes in English.
 */
static bool S_korean_site(ydoc *doc)
{
    yaml_node_t *root = ydoc_root(doc);
    if (!root || root->type != YAML_MAPPING_NODE)
        return false;
    yaml_node_t *list = ydoc_map_get(doc, root, "languages");
    yaml_node_t *code = ydoc_map_get(doc, root, "language");
    if (list) {
        yaml_node_t *first = list->type == YAML_SEQUENCE_NODE && ydoc_len(list)
                                 ? ydoc_seq_item(doc, list, 0)
                                 : NULL;
        code = first && first->type == YAML_MAPPING_NODE ? ydoc_map_get(doc, first, "code")
                                                         : NULL;
    }
    const char *tag = ydoc_scalar(code);
    return tag && slug_is_language_tag(tag) && slug_language_in(tag, "ko");
}

/* site.yaml loaded, its messages in the site's default language (README.md). */
static ydoc *S_load_doc(const char *path, diag_list *diags)
{
    size_t len;
    char *text = file_read(path, &len);
    if (!text) {
        diag_file_problem(diags, path, errno, NULL, "the site settings");
        return NULL;
    }
    ydoc *doc = ydoc_load_in(path, text, len, 0, 0, S_text_korean(text, len), diags);
    free(text);
    if (doc)
        ydoc_set_korean(doc, S_korean_site(doc));
    return doc;
}

config *config_load(const char *path, diag_list *diags)
{
    static const char *const keys[] = {
        "base_url",    "languages",           "title",
        "description", "language",            "disclaimer",
        "notices",     "review_max_age_days", "translation_max_lag_days",
        "reading_grade_max", "reading_eojeol_max", "topics", "clinic", "reviewers",
        "footer_pages", NULL};
    ydoc *doc = S_load_doc(path, diags);
    if (!doc)
        return NULL;
    yaml_node_t *root = ydoc_root_map(doc, keys, "site.yaml", NULL, false);
    if (!root) {
        ydoc_free(doc);
        return NULL;
    }
    config *cfg = xcalloc(1, sizeof *cfg);
    cfg->file = xstrdup(path);
    static const char *const required[] = {"base_url", "review_max_age_days", "topics", NULL};
    for (size_t k = 0; required[k]; k++)
        if (!ydoc_map_get(doc, root, required[k]))
            ydoc_error(doc, root,
                       ydoc_korean(doc) ? "site.yaml에 '%s'이(가) 없습니다. 추가해 "
                                          "주십시오(README.md의 'The other content files')"
                                        : "site.yaml has no '%s'; add it (see README.md, 'The "
                                          "other content files')",
                       required[k]);
    yaml_node_t *n;
    const char *s;
    if ((n = ydoc_map_get(doc, root, "base_url")) &&
        (s = ydoc_expect_string(doc, n, "'base_url'")))
        S_base_url(doc, n, s, cfg);
    yaml_node_t *languages = ydoc_map_get(doc, root, "languages");
    cfg->multilingual = languages != NULL;
    S_check_form(doc, root, cfg->multilingual);
    if (languages)
        S_load_languages(doc, languages, cfg);
    else
        S_load_one_language(doc, root, cfg);
    cfg->language_codes = xcalloc(cfg->n_languages + 1, sizeof *cfg->language_codes);
    for (size_t i = 0; i < cfg->n_languages; i++)
        cfg->language_codes[i] = cfg->languages[i].code;
    if ((n = ydoc_map_get(doc, root, "review_max_age_days")))
        ydoc_expect_int(doc, n, "'review_max_age_days'", 1, 3650, &cfg->review_max_age_days);
    if ((n = ydoc_map_get(doc, root, "translation_max_lag_days")))
        ydoc_expect_int(doc, n, "'translation_max_lag_days'", 0, 3650,
                        &cfg->translation_max_lag_days);
    if ((n = ydoc_map_get(doc, root, "reading_grade_max")))
        S_reading_grade_max(doc, n, cfg);
    /* 5 어절 is one short clause; a mean of 50 is no limit a reader would notice. */
    if ((n = ydoc_map_get(doc, root, "reading_eojeol_max")))
        ydoc_expect_int(doc, n, "'reading_eojeol_max'", 5, 50, &cfg->reading_eojeol_max);
    if ((n = ydoc_map_get(doc, root, "topics")))
        S_load_topics(doc, n, cfg);
    config_load_identity(doc, root, cfg);
    if ((n = ydoc_map_get(doc, root, "footer_pages")))
        S_load_footer_pages(doc, n, cfg);
    bool failed = ydoc_error_count(doc) > 0 || cfg->n_languages == 0;
    ydoc_free(doc);
    if (failed) {
        config_free(cfg);
        return NULL;
    }
    return cfg;
}

void config_free(config *cfg)
{
    if (!cfg)
        return;
    for (size_t i = 0; i < cfg->n_footer_pages; i++)
        free(cfg->footer_pages[i].name);
    free(cfg->footer_pages);
    free(cfg->file);
    free(cfg->base_url);
    free(cfg->base_path);
    config_free_identity(cfg);
    for (size_t i = 0; i < cfg->n_languages; i++) {
        config_language *l = &cfg->languages[i];
        free(l->code);
        free(l->name);
        free(l->og_locale);
        free(l->prefix);
        free(l->title);
        free(l->description);
        free(l->date_format);
        free(l->disclaimer);
        for (size_t k = 0; k < l->n_notices; k++) {
            free(l->notices[k].id);
            free(l->notices[k].text);
        }
        free(l->notices);
    }
    free(cfg->languages);
    free(cfg->language_codes);
    for (size_t i = 0; i < cfg->n_topics; i++) {
        free(cfg->topics[i].id);
        ltext_free(&cfg->topics[i].title);
        ltext_free(&cfg->topics[i].description);
    }
    free(cfg->topics);
    free(cfg);
}

const config_topic *config_find_topic(const config *cfg, const char *id)
{
    for (size_t i = 0; i < cfg->n_topics; i++)
        if (strcmp(cfg->topics[i].id, id) == 0)
            return &cfg->topics[i];
    return NULL;
}

char *config_topic_list(const config *cfg, const char *lang)
{
    strbuf b = STRBUF_INIT;
    for (size_t t = 0; t < cfg->n_topics; t++) {
        const config_topic *topic = &cfg->topics[t];
        const char *title = ltext_get(&topic->title, lang);
        strbuf_printf(&b, "%s%s", t ? ", " : "", topic->id);
        if (title && *title)
            strbuf_printf(&b, " (%s)", title);
    }
    return strbuf_detach(&b);
}

const char *config_find_notice(const config_language *lang, const char *id)
{
    for (size_t i = 0; i < lang->n_notices; i++)
        if (strcmp(lang->notices[i].id, id) == 0)
            return lang->notices[i].text;
    return NULL;
}

const config_language *config_find_language(const config *cfg, const char *code)
{
    for (size_t i = 0; code && i < cfg->n_languages; i++)
        if (strcasecmp(cfg->languages[i].code, code) == 0)
            return &cfg->languages[i];
    return NULL;
}

const config_language *config_language_for(const config *cfg, const char *code)
{
    const config_language *l = config_find_language(cfg, code);
    if (l || !code)
        return l ? l : config_default_language(cfg);
    size_t primary = strcspn(code, "-_");
    for (size_t i = 0; i < cfg->n_languages; i++)
        if (strlen(cfg->languages[i].code) == primary &&
            strncasecmp(cfg->languages[i].code, code, primary) == 0)
            return &cfg->languages[i];
    return config_default_language(cfg);
}

const config_language *config_default_language(const config *cfg)
{
    return &cfg->languages[0];
}

ltext_langs config_ltext_langs(const config *cfg)
{
    return (ltext_langs){.codes = cfg->language_codes, .multilingual = cfg->multilingual};
}

const char *config_text(const config *cfg, const ltext *t, const char *lang)
{
    const char *v = ltext_get(t, lang);
    return v ? v : ltext_get(t, config_default_language(cfg)->code);
}
