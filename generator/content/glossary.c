/* glossary.c: glossary terms per language (see glossary.h); glossary_link.c compiles each
 * language's matcher and links the terms. */
#define _GNU_SOURCE
#include "content/glossary.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "content/glossary_private.h"
#include "content/yamldoc.h"

static const char *const S_keys[] = {"id", "term", "aliases", "definition", NULL};
/* A term or alias another entry (or this one) has already ("'%s'": it, "'%s'": the entry). */
#define S_DEFINED "'%s' is already defined by glossary entry '%s'"
#define S_DEFINED_KO "'%s'은(는) 용어 사전 항목 '%s'에 이미 정의되어 있습니다"

/* What the loading of one file shares. */
typedef struct {
    ydoc *doc;
    const ltext_langs *langs;
    glossary *g;
} S_loader;

/* The text of t written in exactly lang, or NULL. */
static const char *S_exact(const ltext *t, const char *lang)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->values[i].lang, lang) == 0)
            return t->values[i].text;
    return NULL;
}

/* The entry that already uses phrase (as term or alias) in lang, caselessly, or NULL. */
static const glossary_term *S_phrase_owner(const glossary *g, const char *lang,
                                           const char *phrase)
{
    for (size_t i = 0; i < g->n_terms; i++) {
        const glossary_term *t = &g->terms[i];
        const char *term = S_exact(&t->term, lang);
        if (term && strcasecmp(term, phrase) == 0)
            return t;
        for (size_t l = 0; l < t->n_alias_langs; l++)
            for (size_t a = 0; strcmp(t->aliases[l].lang, lang) == 0 && a < t->aliases[l].n; a++)
                if (strcasecmp(t->aliases[l].items[a], phrase) == 0)
                    return t;
    }
    return NULL;
}

/* Report each text of the entry's term another entry already uses in its language, at the
 * text; false when there was one. */
static bool S_term_is_new(S_loader *ld, yaml_node_t *tn, const ltext *term)
{
    bool ok = true;
    for (size_t i = 0; i < term->n; i++) {
        const glossary_term *owner = S_phrase_owner(ld->g, term->values[i].lang,
                                                    term->values[i].text);
        if (!owner)
            continue;
        yaml_node_t *at = tn->type == YAML_MAPPING_NODE
                              ? ydoc_map_get(ld->doc, tn, term->values[i].lang)
                              : tn;
        ydoc_error(ld->doc, at ? at : tn, ydoc_korean(ld->doc) ? S_DEFINED_KO : S_DEFINED,
                   term->values[i].text, owner->id);
        ok = false;
    }
    return ok;
}

/* The aliases in seq, a list, for lang, into out; each new to the glossary in lang and not
 * the entry's own term (id: the entry's, for messages). */
static void S_load_alias_list(S_loader *ld, yaml_node_t *seq, const char *lang, const char *id,
                              const ltext *term, glossary_aliases *out)
{
    size_t n = ydoc_len(seq);
    out->lang = xstrdup(lang);
    out->items = xcalloc(n + 1, sizeof *out->items);
    const char *own = S_exact(term, lang);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = ydoc_seq_item(ld->doc, seq, i);
        const char *alias =
            ydoc_expect_string(ld->doc, item, ydoc_korean(ld->doc) ? "각 별칭" : "each alias");
        if (!alias)
            continue;
        const glossary_term *owner = S_phrase_owner(ld->g, lang, alias);
        if (owner || (own && strcasecmp(alias, own) == 0)) {
            ydoc_error(ld->doc, item, ydoc_korean(ld->doc) ? S_DEFINED_KO : S_DEFINED, alias,
                       owner ? owner->id : (id ? id : "?"));
            continue;
        }
        out->items[out->n++] = xstrdup(alias);
    }
}

/* Add a list of aliases for lang to e, from seq; what names it in messages. */
static void S_add_alias_list(S_loader *ld, yaml_node_t *seq, const char *what, const char *lang,
                             const char *id, glossary_term *e)
{
    /* Kept, empty, when it is no list: the language was given, and is not missing. */
    e->aliases = xreallocarray(e->aliases, e->n_alias_langs + 1, sizeof *e->aliases);
    glossary_aliases *list = &e->aliases[e->n_alias_langs++];
    memset(list, 0, sizeof *list);
    if (ydoc_expect_seq(ld->doc, seq, what))
        S_load_alias_list(ld, seq, lang, id, &e->term, list);
    else
        list->lang = xstrdup(lang);
}

/* 'aliases' as a mapping from language to list, on a site that declares its languages. */
static void S_load_alias_map(S_loader *ld, yaml_node_t *an, const char *entry,
                             const char *subject, const char *id, glossary_term *e)
{
    ydoc *doc = ld->doc;
    bool ko = ydoc_korean(doc);
    for (size_t i = 0; i < ydoc_len(an); i++) {
        yaml_node_t *key = ydoc_map_key(doc, an, i);
        if (!ltext_check_key(doc, key, subject, "list", ld->langs))
            continue;
        const char *code = ydoc_scalar(key);
        bool twice = false;
        for (size_t l = 0; l < e->n_alias_langs; l++)
            twice |= strcmp(e->aliases[l].lang, code) == 0;
        if (twice) {
            ltext_report_twice(doc, key, subject);
            continue;
        }
        char *what = ko ? xasprintf("%s의 '%s' 별칭", entry, code)
                        : xasprintf("the '%s' aliases of %s", code, entry);
        S_add_alias_list(ld, ydoc_map_value(doc, an, i), what, code, id, e);
        free(what);
    }
    for (size_t c = 0; ld->langs->codes && ld->langs->codes[c]; c++) {
        const char *code = ld->langs->codes[c];
        bool given = false;
        for (size_t l = 0; l < e->n_alias_langs; l++)
            given |= strcmp(e->aliases[l].lang, code) == 0;
        if (!given)
            ydoc_error(doc, an,
                       ko ? "%s에 '%s' 목록이 없습니다. '%s: […]'을(를) 추가하고, 별칭이 없으면 "
                            "'%s: []'라고 써 주십시오"
                          : "%s has no '%s' list; add '%s: […]', or '%s: []' when it has none",
                       subject, code, code, code);
    }
}

/*
 * An entry's 'aliases' (an): a list on a site in one language (its messages as they always
 * were), or a list per language.
 */
static void S_load_aliases(S_loader *ld, yaml_node_t *an, const char *entry, const char *id,
                           glossary_term *e)
{
    const ltext_langs *langs = ld->langs;
    if (an->type != YAML_MAPPING_NODE && !langs->multilingual) {
        const char *lang = langs->codes && langs->codes[0] ? langs->codes[0] : "";
        S_add_alias_list(ld, an, "'aliases'", lang, id, e);
        return;
    }
    bool ko = ydoc_korean(ld->doc);
    char *subject = ko ? xasprintf("%s의 'aliases'", entry) : xasprintf("'aliases' of %s", entry);
    if (an->type != YAML_MAPPING_NODE) {
        char *list = ltext_language_list(langs);
        ydoc_error(ld->doc, an,
                   ko ? "%s은(는) {ko: […], en: […]}처럼 언어마다 목록을 하나씩 써야 합니다. "
                        "site.yaml에 선언된 언어: %s"
                      : "%s must give a list per language, like {ko: […], en: […]}: "
                        "site.yaml declares %s",
                   subject, list);
        free(list);
    } else {
        S_load_alias_map(ld, an, entry, subject, id, e);
    }
    free(subject);
}

static void S_term_free(glossary_term *t)
{
    free(t->id);
    ltext_free(&t->term);
    ltext_free(&t->definition);
    for (size_t l = 0; l < t->n_alias_langs; l++) {
        for (size_t a = 0; a < t->aliases[l].n; a++)
            free(t->aliases[l].items[a]);
        free(t->aliases[l].items);
        free(t->aliases[l].lang);
    }
    free(t->aliases);
}

static void S_load_term(S_loader *ld, yaml_node_t *t)
{
    ydoc *doc = ld->doc;
    glossary *g = ld->g;
    bool ko = ydoc_korean(doc);
    if (!ydoc_expect_entry(doc, t, ko ? "'terms'의 각 항목" : "each glossary entry", S_keys,
                           ko ? "용어 사전 항목" : "a glossary entry"))
        return;
    yaml_node_t *idn;
    const char *id =
        ydoc_expect_id(doc, t, ko ? "용어의 'id'" : "a term's 'id'",
                       ko ? "이 용어 사전 항목에 'id'가 없습니다. 'id: smas'처럼 추가해 주십시오"
                          : "this glossary entry has no 'id'; add one, like 'id: smas'",
                       ko ? "용어" : "term", &idn);
    char *entry = id ? xasprintf(ko ? "용어 사전 항목 '%s'" : "glossary entry '%s'", id)
                     : xstrdup(ko ? "이 용어 사전 항목" : "this glossary entry");
    yaml_node_t *tn = ydoc_map_get(doc, t, "term");
    yaml_node_t *dn = ydoc_map_get(doc, t, "definition");
    yaml_node_t *an = ydoc_map_get(doc, t, "aliases");
    glossary_term e = {0};
    bool ok = tn && ltext_read_or_plain(doc, tn, "'term'", "'term'", entry, ld->langs, &e.term);
    ok = (dn && ltext_read_or_plain(doc, dn, "'definition'", "'definition'", entry, ld->langs,
                                    &e.definition)) && ok;
    if (!tn)
        ydoc_error(doc, t, ko ? "이 용어 사전 항목에 'term'이 없습니다. 정의하는 낱말을 추가해 "
                                "주십시오"
                              : "this glossary entry has no 'term'; add the word being defined");
    if (!dn)
        ydoc_error(doc, t, ko ? "이 용어 사전 항목에 'definition'이 없습니다. 용어를 쉬운 말로 "
                                "설명해 주십시오"
                              : "this glossary entry has no 'definition'; explain the term in "
                                "plain words");
    for (size_t i = 0; id && i < g->n_terms; i++)
        if (strcmp(g->terms[i].id, id) == 0) {
            ydoc_error(doc, idn,
                       ko ? "용어 사전 id '%s'이(가) 두 번 쓰였습니다. 하나만 남겨 주십시오"
                          : "glossary id '%s' is used twice; keep one",
                       id);
            id = NULL;
        }
    ok = S_term_is_new(ld, tn, &e.term) && ok;
    if (an)
        S_load_aliases(ld, an, entry, id, &e);
    free(entry);
    if (!id || !ok) {
        S_term_free(&e);
        return;
    }
    e.id = xstrdup(id);
    e.line = ydoc_line(doc, t);
    e.column = ydoc_column(doc, t);
    g->terms[g->n_terms++] = e;
}

/* ---- views: the terms of one language --------------------------------------------------- */

static int S_by_term(const void *a, const void *b, void *ctx)
{
    const glossary_view *v = ctx;
    const glossary_term *ta = &v->g->terms[*(const size_t *)a];
    const glossary_term *tb = &v->g->terms[*(const size_t *)b];
    return strcasecmp(S_exact(&ta->term, v->lang), S_exact(&tb->term, v->lang));
}

/* Add a view for lang, unless there is one: its terms sorted; the matcher is compiled
 * later. */
static void S_add_view(glossary *g, const char *lang)
{
    for (size_t i = 0; i < g->n_views; i++)
        if (strcmp(g->views[i].lang, lang) == 0)
            return;
    g->views = xreallocarray(g->views, g->n_views + 1, sizeof *g->views);
    glossary_view *v = &g->views[g->n_views++];
    memset(v, 0, sizeof *v);
    v->g = g;
    v->lang = xstrdup(lang);
    v->sorted = xcalloc(g->n_terms + 1, sizeof *v->sorted);
    for (size_t i = 0; i < g->n_terms; i++)
        if (S_exact(&g->terms[i].term, lang))
            v->sorted[v->n_sorted++] = i;
    qsort_r(v->sorted, v->n_sorted, sizeof *v->sorted, S_by_term, v);
}

/* A view per declared language; without them, per language written, or the default. */
static bool S_make_views(glossary *g, const ltext_langs *langs, diag_list *diags)
{
    for (size_t c = 0; langs->codes && langs->codes[c]; c++)
        S_add_view(g, langs->codes[c]);
    for (size_t i = 0; !langs->codes && i < g->n_terms; i++)
        for (size_t v = 0; v < g->terms[i].term.n; v++)
            S_add_view(g, g->terms[i].term.values[v].lang);
    if (g->n_views == 0)
        S_add_view(g, g->lang);
    /* Compiled once every view is made: adding a view moves the others. */
    for (size_t i = 0; i < g->n_views; i++)
        if (!glossary_view_compile(&g->views[i], diags))
            return false;
    return true;
}

glossary *glossary_load(const char *path, const ltext_langs *langs, diag_list *diags)
{
    static const char *const keys[] = {"terms", "reviewed", NULL};
    static const ltext_langs any = {0};
    if (!langs)
        langs = &any;
    glossary *g = xcalloc(1, sizeof *g);
    g->file = xstrdup(path);
    g->lang = xstrdup(langs->codes && langs->codes[0] ? langs->codes[0] : "");
    bool absent;
    /* glossary.yaml serves every language: told in the site's default one. */
    bool ko = langs->codes && langs->codes[0] && slug_language_in(langs->codes[0], "ko");
    ydoc *doc = ydoc_load_file_in(path, NULL, "the glossary", &absent, ko, diags);
    if (!doc && !absent) {
        glossary_free(g);
        return NULL;
    }
    /* No file is an empty glossary. */
    yaml_node_t *root = doc ? ydoc_root_map(doc, keys, "glossary.yaml", NULL, true) : NULL;
    yaml_node_t *terms =
        root ? ydoc_require_seq(doc, root, "terms",
                                ko ? "glossary.yaml에 'terms'가 없습니다. 그 아래에 용어를 나열해 "
                                     "주십시오"
                                   : "glossary.yaml has no 'terms'; list the terms under it")
             : NULL;
    yaml_node_t *reviewed = root ? ydoc_map_get(doc, root, "reviewed") : NULL;
    if (reviewed) {
        const char *s = ydoc_is_null(reviewed) ? NULL : ydoc_scalar(reviewed);
        g->has_reviewed = s && date_parse(s, &g->reviewed);
        if (!g->has_reviewed)
            ydoc_error(doc, reviewed,
                       ko ? "'reviewed'에는 용어 사전을 마지막으로 확인한 날짜를 2026-12-07처럼 "
                            "YYYY-MM-DD 형식으로 써 주십시오"
                          : "'reviewed' is the date the glossary was last checked, written as "
                            "YYYY-MM-DD, like 2026-12-07");
    }
    size_t n = ydoc_len(terms);
    g->terms = xcalloc(n + 1, sizeof *g->terms);
    S_loader ld = {.doc = doc, .langs = langs, .g = g};
    for (size_t i = 0; i < n; i++)
        S_load_term(&ld, ydoc_seq_item(doc, terms, i));
    bool failed = doc && ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed || !S_make_views(g, langs, diags)) {
        glossary_free(g);
        return NULL;
    }
    return g;
}

void glossary_free(glossary *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_terms; i++)
        S_term_free(&g->terms[i]);
    free(g->terms);
    for (size_t i = 0; i < g->n_views; i++) {
        glossary_view_free_matcher(&g->views[i]);
        free(g->views[i].sorted);
        free(g->views[i].lang);
    }
    free(g->views);
    free(g->lang);
    free(g->file);
    free(g);
}

const date_ymd *glossary_reviewed(const glossary *g)
{
    return g && g->has_reviewed ? &g->reviewed : NULL;
}

const char *glossary_file_name(const glossary *g)
{
    return g->file;
}

size_t glossary_count(const glossary *g)
{
    return g->n_terms;
}

const glossary_term *glossary_get(const glossary *g, size_t i)
{
    return i < g->n_terms ? &g->terms[i] : NULL;
}

const char *glossary_text(const glossary *g, const ltext *t, const char *lang)
{
    const char *text = ltext_get(t, lang);
    return text ? text : ltext_get(t, g->lang);
}

const char *const *glossary_term_aliases(const glossary_term *t, const char *lang, size_t *n)
{
    long i = ltext_find_language(t->aliases, t->n_alias_langs, sizeof *t->aliases,
                                 offsetof(glossary_aliases, lang), lang);
    *n = i >= 0 ? t->aliases[i].n : 0;
    return i >= 0 ? (const char *const *)t->aliases[i].items : NULL;
}

const glossary_view *glossary_for_language(const glossary *g, const char *lang)
{
    size_t at = offsetof(glossary_view, lang);
    long i = ltext_find_language(g->views, g->n_views, sizeof *g->views, at, lang);
    if (i < 0)
        i = ltext_find_language(g->views, g->n_views, sizeof *g->views, at, g->lang);
    return &g->views[i >= 0 ? i : 0];
}

const char *glossary_view_language(const glossary_view *v)
{
    return v->lang;
}

const size_t *glossary_view_sorted(const glossary_view *v, size_t *n)
{
    *n = v->n_sorted;
    return v->sorted;
}
