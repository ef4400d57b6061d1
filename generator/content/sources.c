/* sources.c: the bibliography (see sources.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "content/sources.h"

#include <libxml/uri.h>
#include <pcre2.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/alloc.h"
#include "base/date.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "content/yamldoc.h"

/* Crossref's pattern for modern DOIs (sources.h), anchored, without case. */
static const char S_doi_pattern[] = "^10\\.[0-9]{4,9}/[-._;()/:a-z0-9]+$";

bool sources_doi_valid(const char *doi)
{
    if (!doi)
        return false;
    int err;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)S_doi_pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_CASELESS, &err, &at, NULL);
    if (!re)
        return false;
    pcre2_match_data *m = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)doi, strlen(doi), 0, 0, m, NULL);
    pcre2_match_data_free(m);
    pcre2_code_free(re);
    return rc >= 0;
}

bool sources_pmid_valid(const char *pmid)
{
    if (!pmid || pmid[0] < '1' || pmid[0] > '9')
        return false;
    size_t n = strspn(pmid, "0123456789");
    return pmid[n] == '\0' && n <= 8;
}

bool sources_url_valid(const char *url)
{
    if (!url)
        return false;
    xmlURIPtr uri = xmlParseURI(url);
    bool ok = uri && uri->scheme && uri->server && uri->server[0] &&
              (strcmp(uri->scheme, "http") == 0 || strcmp(uri->scheme, "https") == 0);
    xmlFreeURI(uri);
    return ok;
}

/* What loading one file shares. */
typedef struct {
    ydoc *doc;
    sources *s;
    strlist seen;  /* the ids met so far, right or not */
    int last_year; /* next year: a source in press may carry it */
} S_loader;

/* The text under key of entry, checked; NULL (reported when required) when there is none. */
static const char *S_text(S_loader *ld, yaml_node_t *entry, const char *key, const char *name,
                          const char *required)
{
    yaml_node_t *n = ydoc_map_get(ld->doc, entry, key);
    bool ko = ydoc_korean(ld->doc);
    if (!n) {
        if (required)
            ydoc_error(ld->doc, entry, ko ? "%s에 '%s'이(가) 없습니다. %s" : "%s has no '%s'; %s",
                       name, key, required);
        return NULL;
    }
    char *what = ko ? xasprintf("%s의 '%s'", name, key) : xasprintf("'%s' of %s", key, name);
    const char *v = ydoc_expect_string(ld->doc, n, what);
    free(what);
    return v;
}

/* The doi, pmid and url of entry into src, each checked; false when one is wrong. */
static bool S_locators(S_loader *ld, yaml_node_t *entry, const char *name, source_entry *src)
{
    ydoc *doc = ld->doc;
    bool ok = true, ko = ydoc_korean(doc);
    const char *doi = S_text(ld, entry, "doi", name, NULL);
    if (doi && (strncmp(doi, "http", 4) == 0 || strncmp(doi, "doi:", 4) == 0)) {
        ydoc_error(doc, ydoc_map_get(doc, entry, "doi"),
                   ko ? "%s의 DOI는 앞에 'https://doi.org/'나 'doi:'를 붙이지 말고 "
                        "10.1097/00006534-197607000-00013처럼 DOI만 써 주십시오"
                      : "write the DOI of %s alone, like 10.1097/00006534-197607000-00013, "
                        "without 'https://doi.org/' or 'doi:' in front",
                   name);
        ok = false;
    } else if (doi && !sources_doi_valid(doi)) {
        ydoc_error(doc, ydoc_map_get(doc, entry, "doi"),
                   ko ? "'%s'은(는) DOI가 아닙니다. DOI는 10., 4~9자리 숫자, '/'로 시작하니 "
                        "10.1097/00006534-197607000-00013처럼 써 주십시오"
                      : "'%s' is not a DOI; a DOI starts with 10., a number of 4 to 9 digits "
                        "and a '/', like 10.1097/00006534-197607000-00013",
                   doi);
        ok = false;
    }
    const char *pmid = NULL;
    yaml_node_t *pn = ydoc_map_get(doc, entry, "pmid");
    if (pn) {
        pmid = ydoc_is_null(pn) ? "" : ydoc_scalar(pn);
        if (!pmid || !sources_pmid_valid(pmid)) {
            ydoc_error(doc, pn,
                       ko ? "%s의 'pmid'에는 940929처럼 1~8자리 PubMed 번호를 써 주십시오"
                          : "'pmid' of %s must be a PubMed number of 1 to 8 digits, like "
                            "940929",
                       name);
            pmid = NULL;
            ok = false;
        }
    }
    const char *url = S_text(ld, entry, "url", name, NULL);
    if (url && !sources_url_valid(url)) {
        ydoc_error(doc, ydoc_map_get(doc, entry, "url"),
                   ko ? "%s의 'url'에는 '%s'이(가) 아니라 https://www.example.org/report처럼 "
                        "전체 웹 주소를 써 주십시오"
                      : "'url' of %s must be a full web address, like "
                        "https://www.example.org/report, not '%s'",
                   name, url);
        ok = false;
    }
    if (ok && !doi && !pmid && !url) {
        ydoc_error(doc, entry,
                   ko ? "%s을(를) 찾을 방법이 없습니다. 'doi', 'pmid', 'url' 가운데 하나를 "
                        "추가해 주십시오"
                      : "%s gives no way to find it; add its 'doi', its 'pmid' or its 'url'",
                   name);
        ok = false;
    }
    src->doi = ok && doi ? xstrdup(doi) : NULL;
    src->pmid = ok && pmid ? xstrdup(pmid) : NULL;
    src->url = ok && url ? xstrdup(url) : NULL;
    return ok;
}

static void S_source_free(source_entry *src)
{
    free(src->id);
    free(src->authors);
    free(src->title);
    free(src->journal);
    free(src->publisher);
    free(src->doi);
    free(src->pmid);
    free(src->url);
    free(src->language);
}

/* Where (journal or publisher) and when (year) the source appeared, into src; false after
 * reporting what is wrong. */
static bool S_where_when(S_loader *ld, yaml_node_t *entry, const char *name, source_entry *src)
{
    ydoc *doc = ld->doc;
    bool ok = true, ko = ydoc_korean(doc);
    const char *journal = S_text(ld, entry, "journal", name, NULL);
    const char *publisher = S_text(ld, entry, "publisher", name, NULL);
    if (!journal && !publisher) {
        if (!ydoc_map_get(doc, entry, "journal") && !ydoc_map_get(doc, entry, "publisher"))
            ydoc_error(doc, entry,
                       ko ? "%s이(가) 어디에 실렸는지 알 수 없습니다. 'journal'을, 책이나 "
                            "보고서라면 'publisher'를 추가해 주십시오"
                          : "%s does not say where it appeared; add its 'journal', or "
                            "the 'publisher' of a book or report",
                       name);
        ok = false;
    } else if (journal && publisher) {
        ydoc_error(doc, ydoc_map_get(doc, entry, "publisher"),
                   ko ? "%s에 'journal'과 'publisher'가 모두 있습니다. 실제로 실린 곳 하나만 "
                        "남겨 주십시오"
                      : "%s has both a 'journal' and a 'publisher'; keep the one it "
                        "appeared in",
                   name);
        ok = false;
    }
    yaml_node_t *yn = ydoc_map_get(doc, entry, "year");
    long year = 0;
    if (!yn) {
        ydoc_error(doc, entry,
                   ko ? "%s에 'year'가 없습니다. 발표된 연도를 추가해 주십시오"
                      : "%s has no 'year'; add the year it was published",
                   name);
        ok = false;
    } else {
        char *what = ko ? xasprintf("%s의 'year'", name) : xasprintf("'year' of %s", name);
        ok = ydoc_expect_int(doc, yn, what, 1800, ld->last_year, &year) && ok;
        free(what);
    }
    src->journal = journal ? xstrdup(journal) : NULL;
    src->publisher = publisher ? xstrdup(publisher) : NULL;
    src->year = (int)year;
    return ok;
}

/* One entry of 'sources', appended to ld->s when it is right. */
static void S_load_source(S_loader *ld, yaml_node_t *entry)
{
    static const char *const keys[] = {"id",   "authors", "title", "journal", "publisher",
                                       "year", "doi",     "pmid",  "url",     "language",
                                       NULL};
    ydoc *doc = ld->doc;
    bool ko = ydoc_korean(doc);
    if (!ydoc_expect_entry(doc, entry, ko ? "'sources'의 각 항목" : "each source", keys,
                           ko ? "출처 항목" : "a source"))
        return;
    yaml_node_t *idn;
    const char *id = ydoc_expect_id(
        doc, entry, ko ? "출처의 'id'" : "a source's 'id'",
        ko ? "이 출처에 'id'가 없습니다. 인용할 때 쓰는 키를 'id: mitz1976'처럼 추가해 "
             "주십시오([@mitz1976]로 인용합니다)"
           : "this source has no 'id'; add the key it is cited by, like 'id: mitz1976' for "
             "[@mitz1976]",
        ko ? "출처" : "source", &idn);
    if (id && strlist_contains(&ld->seen, id)) {
        ydoc_error(doc, idn,
                   ko ? "출처 '%s'이(가) 두 번 있습니다. 하나만 남겨 주십시오"
                      : "source '%s' is listed twice; keep one",
                   id);
        return;
    }
    if (id)
        strlist_push(&ld->seen, id);
    /* How the messages name it: by the id written, even one that is not a slug. */
    const char *written = idn && idn->type == YAML_SCALAR_NODE ? ydoc_scalar(idn) : NULL;
    const char *shown = id ? id : written;
    char *name = shown ? xasprintf(ko ? "출처 '%s'" : "source '%s'", shown)
                       : xstrdup(ko ? "이 출처" : "this source");
    source_entry src = {.line = ydoc_line(doc, entry), .column = ydoc_column(doc, entry)};
    const char *authors = S_text(ld, entry, "authors", name,
                                 ko ? "\"Mitz V, Peyronie M\"처럼 출처에 적힌 대로 추가해 "
                                      "주십시오"
                                    : "add them as the source lists them, like "
                                      "\"Mitz V, Peyronie M\"");
    const char *title = S_text(ld, entry, "title", name,
                               ko ? "발표된 제목을 추가해 주십시오" : "add its title as published");
    bool ok = id && authors && title;
    ok = S_where_when(ld, entry, name, &src) && ok;
    ok = S_locators(ld, entry, name, &src) && ok;
    const char *language = S_text(ld, entry, "language", name, NULL);
    if (language && !slug_is_language_tag(language)) {
        ydoc_error(doc, ydoc_map_get(doc, entry, "language"),
                   ko ? "%s의 'language'에는 '%s'이(가) 아니라 en이나 ko처럼 제목의 언어 "
                        "코드를 써 주십시오"
                      : "'language' of %s must be the language code of its title, like en or "
                        "ko, not '%s'",
                   name, language);
        ok = false;
    }
    free(name);
    if (!ok) {
        S_source_free(&src);
        return;
    }
    src.id = xstrdup(id);
    src.authors = xstrdup(authors);
    src.title = xstrdup(title);
    src.language = xstrdup(language ? language : "en");
    ld->s->items[ld->s->n++] = src;
}

sources *sources_load(const char *path, diag_list *diags)
{
    return sources_load_in(path, false, diags);
}

sources *sources_load_in(const char *path, bool korean, diag_list *diags)
{
    static const char *const keys[] = {"sources", NULL};
    sources *s = xcalloc(1, sizeof *s);
    s->file = xstrdup(path);
    bool absent;
    ydoc *doc = ydoc_load_file_in(path, NULL, "the sources", &absent, korean, diags);
    if (!doc) {
        if (absent)
            return s; /* no file: nothing to cite, nothing wrong */
        sources_free(s);
        return NULL;
    }
    yaml_node_t *root = ydoc_root_map(doc, keys, "sources.yaml", NULL, true);
    yaml_node_t *list =
        root ? ydoc_require_seq(doc, root, "sources",
                                korean ? "sources.yaml에 'sources'가 없습니다. 그 아래에 "
                                         "출처를 나열해 주십시오"
                                       : "sources.yaml has no 'sources'; list the sources "
                                         "under it")
             : NULL;
    size_t n = ydoc_len(list);
    s->items = xcalloc(n + 1, sizeof *s->items);
    S_loader ld = {.doc = doc, .s = s,
                   .last_year = date_from_time((long long)time(NULL)).year + 1};
    for (size_t i = 0; i < n; i++)
        S_load_source(&ld, ydoc_seq_item(doc, list, i));
    strlist_free(&ld.seen);
    bool failed = ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed) {
        sources_free(s);
        return NULL;
    }
    return s;
}

void sources_free(sources *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        S_source_free(&s->items[i]);
    free(s->items);
    free(s->file);
    free(s);
}

const source_entry *sources_find(const sources *s, const char *id)
{
    for (size_t i = 0; s && id && i < s->n; i++)
        if (strcmp(s->items[i].id, id) == 0)
            return &s->items[i];
    return NULL;
}

const char *sources_suggest(const sources *s, const char *id)
{
    if (!s || !id || s->n == 0)
        return NULL;
    return suggest_closest_in(id, s->items, s->n, sizeof *s->items, offsetof(source_entry, id));
}
