/* datasources.c: the sources behind procedures.yaml and glossary.yaml
 * (datasources.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "check/datasources.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "content/glossary.h"
#include "content/procedures.h"
#include "markdown/citation.h"

/* The ids cited in text, each pushed once onto ids. */
static void S_cited_in(const char *text, strlist *ids)
{
    size_t len = strlen(text), at = 0;
    citation_group g;
    while (citation_next(text, len, at, &g)) {
        for (size_t i = 0; i < g.n_ids; i++) {
            char *id = xstrndup(text + g.ids[i].at, g.ids[i].len);
            if (!strlist_contains(ids, id))
                strlist_push(ids, id);
            free(id);
        }
        at = g.end;
    }
}

static void S_cited_in_ltext(const ltext *t, strlist *ids)
{
    for (size_t i = 0; i < t->n; i++)
        S_cited_in(t->values[i].text, ids);
}

/* The data file, read without a word: the build reports its mistakes. */
static procedure_data *S_load_procedures(const char *content_dir, const config *cfg)
{
    char *path = path_join(content_dir, "data/procedures.yaml");
    ltext_langs langs = config_ltext_langs(cfg);
    diag_list *quiet = diag_list_new();
    procedure_data *data = procedures_load(path, &langs, quiet);
    diag_list_free(quiet);
    free(path);
    return data;
}

void datasources_cited(const char *content_dir, const config *cfg, strlist *ids)
{
    procedure_data *data = S_load_procedures(content_dir, cfg);
    for (size_t p = 0; data && p < data->n_procedures; p++)
        for (size_t a = 0; a < data->n_attributes; a++)
            S_cited_in_ltext(&data->procedures[p].values[a].source, ids);
    procedures_free(data);

    char *path = path_join(content_dir, "glossary.yaml");
    ltext_langs langs = config_ltext_langs(cfg);
    diag_list *quiet = diag_list_new();
    glossary *g = glossary_load(path, &langs, quiet);
    diag_list_free(quiet);
    for (size_t i = 0; g && i < glossary_count(g); i++)
        S_cited_in_ltext(&glossary_get(g, i)->definition, ids);
    glossary_free(g);
    free(path);
}

/*
 * A number (digits, a range of them, or a number word) and a unit of length or
 * time, in English; digits and a unit, or a Korean word for "a few" or a native
 * number and a unit, in Korean (Hangul has no word boundary before a particle:
 * 2주간, 1년 뒤).
 */
static const char S_figure_pattern[] =
    "(?i)(?:\\b(?:\\d+(?:[.,]\\d+)?(?:\\s*(?:-|\xE2\x80\x93|to)\\s*\\d+(?:[.,]"
    "\\d+)?)?"
    "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\\s+few|"
    "several|a)"
    "\\s*(?:mm|cm|millimet(?:re|er)s?|centimet(?:re|er)s?|min(?:ute)?s?|hours?|"
    "days?|"
    "nights?|weeks?|months?|years?)\\b"
    "|\\d+(?:[.,]\\d+)?(?:\\s*[~\\-\xE2\x80\x93]\\s*\\d+(?:[.,]\\d+)?)?\\s*"
    /* 분 but not 3분의 1 (a fraction); 년 but not 2019년 (a year) */
    "(?:mm|cm|\xEB\xB0\x80\xEB\xA6\xAC|\xEC\x84\xBC\xED\x8B\xB0|"
    "\xEB\xB6\x84(?!\xEC\x9D\x98)|"
    "\xEC\x8B\x9C\xEA\xB0\x84|\xEC\x9D\xBC|\xEC\xA3\xBC|"
    "\xEA\xB0\x9C\xEC\x9B\x94|"
    "\xEB\x8B\xAC|(?<!\\d{4})\xEB\x85\x84)"
    "|\xEB\xA9\xB0\xEC\xB9\xA0"
    "|(?:\xEB\xAA\x87|\xED\x95\x9C|\xEB\x91\x90|\xEC\x84\xB8|\xEC\x84\x9D|"
    "\xEB\x84\x89)"
    "\\s*(?:mm|cm|\xEC\xA3\xBC|\xEB\x8B\xAC|\xEA\xB0\x9C\xEC\x9B\x94|"
    "\xEB\x85\x84|"
    "\xEC\x8B\x9C\xEA\xB0\x84))";

bool datasources_has_figure(const char *text, size_t *at, size_t *len)
{
    if (!text)
        return false;
    /* Compiled per call: it is asked of a few dozen values, once per check. */
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)S_figure_pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                                   &err, &off, NULL);
    if (!re)
        return false; /* a constant pattern: cannot happen (test_datasources
                         compiles it) */
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    bool found = pcre2_match(re, (PCRE2_SPTR)text, strlen(text), 0, 0, md, NULL) >= 0;
    if (found) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (at)
            *at = ov[0];
        if (len)
            *len = ov[1] - ov[0];
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return found;
}

/* The first figure of any language's text of t, or NULL; its length in *len. */
static const char *S_figure(const ltext *t, size_t *len)
{
    for (size_t i = 0; i < t->n; i++) {
        size_t at;
        if (datasources_has_figure(t->values[i].text, &at, len))
            return t->values[i].text + at;
    }
    return NULL;
}

static const char S_reference[] = "Medical Service Act (Korea) art. 56(2)(8); CAP Code rule 3.7";

unsigned datasources_check_figures(const char *content_dir, const config *cfg, diag_list *diags)
{
    procedure_data *data = S_load_procedures(content_dir, cfg);
    if (!data)
        return 0;
    const char *lang = config_default_language(cfg)->code;
    bool korean = slug_language_in(lang, "ko");
    unsigned n = 0;
    for (size_t p = 0; p < data->n_procedures; p++)
        for (size_t a = 0; a < data->n_attributes; a++) {
            const proc_value *v = &data->procedures[p].values[a];
            size_t len;
            const char *figure =
                v->source.n || v->clinic_experience ? NULL : S_figure(&v->text, &len);
            if (!figure)
                continue;
            const char *proc = data->procedures[p].id, *attr = data->attributes[a].id;
            if (korean)
                diag_add_lang(diags, DIAG_WARNING, data->file, v->line, v->column,
                              "figure-unsourced", S_reference, lang,
                              "'%s'의 '%s' 값에 나오는 수치 '%.*s'의 근거가 없습니다. 발표된 "
                              "수치라면 content/sources.yaml의 문헌을 source: \"[@id]\"로 "
                              "밝히고, 병원의 경험이라면 basis: clinic-experience라고 적어 "
                              "주십시오",
                              proc, attr, (int)len, figure);
            else
                diag_add_lang(diags, DIAG_WARNING, data->file, v->line, v->column,
                              "figure-unsourced", S_reference, lang,
                              "the figure '%.*s' in '%s' of procedure '%s' has no source: cite "
                              "the published source, as source: \"[@id]\" "
                              "with an id of content/sources.yaml, or write basis: "
                              "clinic-experience when it is the clinic's own experience",
                              (int)len, figure, attr, proc);
            n++;
        }
    procedures_free(data);
    return n;
}
