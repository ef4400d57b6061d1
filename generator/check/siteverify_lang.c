/* siteverify_lang.c: a built page's language (siteverify.h): its <html lang>, and its
 * hreflang alternates, which must be valid, lead to pages of the site and be reciprocal. */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "check/siteverify_private.h"

/* s without the white space around it; caller frees. */
static char *S_trim(const char *s)
{
    while (sv_is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n && sv_is_space(s[n - 1]))
        n--;
    return xstrndup(s, n);
}

/* Whether tag is a BCP 47 tag, ASCII case ignored (HTML's lang and hreflang ignore it). */
static bool S_valid_tag(const char *tag)
{
    char *lower = xstrdup(tag);
    for (char *c = lower; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    bool ok = slug_is_language_tag(lower);
    free(lower);
    return ok;
}

/* The codes of the site's languages, "ko, en"; caller frees. */
static char *S_codes(const sv_site *s)
{
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < s->opt->n_languages; i++)
        strbuf_printf(&b, "%s%s", i ? ", " : "", s->opt->languages[i].code);
    return strbuf_detach(&b);
}

const siteverify_language *sv_language_of(const sv_site *s, const char *lang)
{
    if (!lang)
        return NULL;
    for (size_t i = 0; i < s->opt->n_languages; i++)
        if (strcasecmp(s->opt->languages[i].code, lang) == 0)
            return &s->opt->languages[i];
    size_t n = strcspn(lang, "-");
    for (size_t i = 0; i < s->opt->n_languages; i++) {
        const char *code = s->opt->languages[i].code;
        if (strlen(code) == n && strncasecmp(code, lang, n) == 0)
            return &s->opt->languages[i];
    }
    return NULL;
}

void sv_check_lang(sv_page *p, xmlNodePtr root)
{
    char *lang = sv_prop(root, "lang");
    char *trimmed = lang ? S_trim(lang) : NULL;
    free(lang);
    if (!trimmed) {
        sv_report(p, sv_line(root), 1, R_LANG, REF_LANG,
                  "<html> has no lang attribute; set the page's language, like <html "
                  "lang=\"en\">, so screen readers pronounce it correctly");
    } else if (!*trimmed) {
        sv_report(p, sv_line(root), 1, R_LANG, REF_LANG,
                  "<html lang> is empty; set the page's language, like <html lang=\"en\">, so "
                  "screen readers pronounce it correctly");
    } else if (!S_valid_tag(trimmed)) {
        sv_report(p, sv_line(root), 1, R_LANG, REF_LANG,
                  "<html lang=\"%s\"> is not a BCP 47 language tag; write the page's language "
                  "as a code, like \"ko\" or \"en\"", trimmed);
    } else if (p->site->opt->n_languages && !sv_language_of(p->site, trimmed)) {
        char *codes = S_codes(p->site);
        sv_report(p, sv_line(root), 1, R_LANG, REF_LANG,
                  "<html lang=\"%s\"> is not one of the site's languages (site.yaml declares "
                  "%s); set the page's language, or declare it in site.yaml", trimmed, codes);
        free(codes);
    }
    /* A lang that is no language tag says nothing the alternates could be compared with. */
    if (trimmed && S_valid_tag(trimmed))
        p->lang = trimmed;
    else
        free(trimmed);
}

/* The hreflang alternates of doc: <link rel="alternate" hreflang href>, rel having the token
 * "alternate" (any case). Caller frees with xmlXPathFreeObject. */
static xmlXPathObjectPtr S_alternates(xmlXPathContextPtr ctx)
{
    return sv_eval(ctx, "//link[@hreflang][@href][contains(concat(' ', translate("
                        "normalize-space(@rel), 'ALTERNATE', 'alternate'), ' '), "
                        "' alternate ')]");
}

void sv_collect_alternates(sv_site *s, sv_idset *set, xmlDocPtr doc, const char *rel)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char *lang = root ? sv_prop(root, "lang") : NULL;
    set->lang = lang ? S_trim(lang) : NULL;
    free(lang);
    if (set->lang && !S_valid_tag(set->lang)) {
        free(set->lang);
        set->lang = NULL;
    }
    const char *slash = strrchr(rel, '/');
    char *dir = slash ? xstrndup(rel, (size_t)(slash - rel) + 1) : xstrdup("");
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr res = ctx ? S_alternates(ctx) : NULL;
    int n = sv_count(res);
    set->alts = xcalloc((size_t)n + 1, sizeof *set->alts);
    for (int i = 0; i < n; i++) {
        xmlNodePtr el = res->nodesetval->nodeTab[i];
        char *code = sv_prop(el, "hreflang"), *href = sv_prop(el, "href");
        set->alts[set->n_alts].code = S_trim(code);
        set->alts[set->n_alts++].target = sv_page_of(s, rel, dir, href, NULL);
        free(code);
        free(href);
    }
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    free(dir);
}

void sv_alternates_free(sv_idset *set)
{
    for (size_t i = 0; i < set->n_alts; i++) {
        free(set->alts[i].code);
        free(set->alts[i].target);
    }
    free(set->alts);
    free(set->lang);
}

/* Whether set lists the page rel among its alternates in a language (x-default is none);
 * *code is then the hreflang. */
static bool S_lists(const sv_idset *set, const char *rel, const char **code)
{
    for (size_t i = 0; set && i < set->n_alts; i++)
        if (set->alts[i].target && strcmp(set->alts[i].target, rel) == 0 &&
            strcasecmp(set->alts[i].code, "x-default") != 0) {
            *code = set->alts[i].code;
            return true;
        }
    return false;
}

/* The alternate a of page p leads to the other page target: its language and its way back. */
static void S_check_other(sv_page *p, unsigned line, const sv_alt *a, const char *href)
{
    const sv_idset *other = sv_ids_of(p->site, a->target);
    char *file = path_join(p->site->opt->dir, a->target);
    const char *back = NULL;
    if (other && other->lang && strcasecmp(other->lang, a->code) != 0)
        sv_report(p, line, 1, R_HREFLANG, REF_HREFLANG,
                  "the alternate hreflang=\"%s\" leads to %s, whose <html lang> is \"%s\"; give "
                  "the language of the page it leads to, or lead to the page in %s",
                  a->code, file, other->lang, a->code);
    if (!S_lists(other, p->rel, &back))
        sv_report(p, line, 1, R_HREFLANG, REF_HREFLANG,
                  "the alternate hreflang=\"%s\" (%s) leads to %s, which does not list this "
                  "page back; add <link rel=\"alternate\" hreflang=\"%s\" href=\"(this page's "
                  "address)\"> to it: search engines ignore alternates that are not reciprocal",
                  a->code, href, file, p->lang ? p->lang : "(this page's language)");
    else if (p->lang && strcasecmp(back, p->lang) != 0)
        sv_report(p, line, 1, R_HREFLANG, REF_HREFLANG,
                  "%s lists this page back as hreflang=\"%s\", but this page's <html lang> is "
                  "\"%s\"; make them the same", file, back, p->lang);
    free(file);
}

/* One alternate of p, el; true when it leads to p itself. */
static bool S_check_alternate(sv_page *p, xmlNodePtr el, const sv_alt *a)
{
    unsigned line = sv_line(el);
    if (strcasecmp(a->code, "x-default") != 0 && !S_valid_tag(a->code)) {
        sv_report(p, line, 1, R_HREFLANG, REF_HREFLANG,
                  "hreflang=\"%s\" is not a BCP 47 language tag; write the language of the page "
                  "it leads to, like \"ko\" or \"en\", or \"x-default\"", a->code);
        return false;
    }
    char *href = sv_prop(el, "href");
    bool elsewhere = false;
    char *target = sv_page_of(p->site, p->rel, p->dir, href, &elsewhere);
    bool self = target && strcmp(target, p->rel) == 0 && strcasecmp(a->code, "x-default") != 0;
    if (elsewhere)
        sv_report(p, line, 1, R_HREFLANG, REF_HREFLANG,
                  "the alternate hreflang=\"%s\" leads to '%s', which is not a page of this "
                  "site; lead to the page in %s on this site (under its base_url)",
                  a->code, href, a->code);
    /* No file there: site-link's finding, made when the address is checked. */
    if (target && str_ends_with(target, ".html") && strcasecmp(a->code, "x-default") != 0) {
        if (self && p->lang && strcasecmp(a->code, p->lang) != 0)
            sv_report(p, line, 1, R_HREFLANG, REF_HREFLANG,
                      "this page lists itself as hreflang=\"%s\", but its <html lang> is "
                      "\"%s\"; make them the same", a->code, p->lang);
        else if (!self)
            S_check_other(p, line, a, href);
    }
    free(target);
    free(href);
    return self;
}

void sv_check_hreflang(sv_page *p)
{
    xmlXPathObjectPtr res = S_alternates(p->xpath);
    const sv_idset *own = &p->site->ids[p->index];
    int n = sv_count(res);
    bool self = false;
    for (int i = 0; i < n && (size_t)i < own->n_alts; i++)
        self |= S_check_alternate(p, res->nodesetval->nodeTab[i], &own->alts[i]);
    if (n && !self)
        sv_report(p, sv_line(res->nodesetval->nodeTab[0]), 1, R_HREFLANG, REF_HREFLANG,
                  "this page lists hreflang alternates but not itself; add <link "
                  "rel=\"alternate\" hreflang=\"%s\" href=\"(this page's address)\">",
                  p->lang ? p->lang : "(its language)");
    xmlXPathFreeObject(res);
}
