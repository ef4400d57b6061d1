/* siteverify_page.c: one built page parsed and checked against the document rules of
 * siteverify.h (disclaimer, lang, title, description, h1, what each element links or
 * loads); the policy and address rules are in siteverify_policy.c and siteverify_links.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "base/utf8.h"
#include "check/siteverify_private.h"
#include "content/svgcheck.h"

#define NOT_UTF8_FIX "the file is not valid UTF-8 here; save it with the UTF-8 encoding"

/* HTML5 elements libxml2 2.9 does not know (listed in siteverify.h); sorted for bsearch. */
static const char *const S_html5[] = {
    "article", "aside",    "audio",  "bdi",     "canvas",   "data",     "datalist",
    "details", "dialog",   "figcaption", "figure", "footer", "header",  "hgroup",
    "main",    "mark",     "math",   "meter",   "nav",      "output",   "picture",
    "progress", "rp",      "rt",     "ruby",    "search",   "section",  "slot",
    "source",  "summary",  "svg",    "template", "time",    "track",    "video",
    "wbr",
};

static const sv_what W_LINK = {"link", false, true, R_LINK, REF_OUTPUT, NULL};
static const sv_what W_HEAD_LINK = {"link", false, false, R_LINK, REF_OUTPUT, NULL};
static const sv_what W_ALTERNATE = {"hreflang alternate", false, false, R_HREFLANG,
                                    REF_HREFLANG, NULL};
static const sv_what W_STYLESHEET = {"stylesheet", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const sv_what W_ICON = {"icon", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const sv_what W_PRELOAD = {"preloaded file", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const sv_what W_CONNECT = {"connection hint", true, false, R_LINK, REF_OUTPUT,
                                  "remove it"};
static const sv_what W_MANIFEST = {"web app manifest", true, false, R_LINK, REF_OUTPUT,
                                   FIX_COPY};
static const sv_what W_SCRIPT = {"script", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const sv_what W_FRAME = {"frame", true, false, R_LINK, REF_OUTPUT,
                                "put the page it shows into the site, or link to it instead"};
static const sv_what W_OBJECT = {"embedded object", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const sv_what W_MEDIA = {"media file", true, false, R_LINK, REF_OUTPUT, FIX_COPY};
static const sv_what W_IMAGE = {"image", true, false, R_IMAGE, REF_IMAGE, FIX_COPY};
static const sv_what W_IMAGE_BUTTON = {"image button", true, false, R_IMAGE, REF_IMAGE,
                                       FIX_COPY};

/* ---- parsing ---- */

/* True for an unknown tag that is HTML5 after all (see siteverify.h). */
static bool S_known_html5(const xmlError *err)
{
    const char *name = err->str1;
    if (!name)
        return false;
    if (bsearch(&name, S_html5, sizeof S_html5 / sizeof *S_html5, sizeof *S_html5, sv_cmp_str))
        return true;
    if (strchr(name, '-'))
        return true;
    /* Inside <svg> or <math>: the open elements, the tag itself last. */
    const xmlParserCtxt *ctxt = err->ctxt;
    for (int i = 0; ctxt && i + 1 < ctxt->nameNr; i++) {
        const char *open = (const char *)ctxt->nameTab[i];
        if (open && (strcmp(open, "svg") == 0 || strcmp(open, "math") == 0))
            return true;
    }
    return false;
}

/* libxml2's message on one line, without the trailing newline; caller frees. */
static char *S_library_message(const xmlError *err)
{
    return sv_squeeze(err->message ? err->message : "unknown error");
}

/* A structured error handler: each parser error of the page ctx becomes a site-html finding. */
static void S_on_parse_error(void *ctx, xmlErrorPtr err)
{
    sv_page *p = ctx;
    if (!p || !err)
        return;
    if (err->code == XML_HTML_UNKNOWN_TAG && S_known_html5(err))
        return;
    unsigned line = err->line > 0 ? (unsigned)err->line : 1;
    unsigned column = err->int2 > 0 ? (unsigned)err->int2 : 1;
    const char *name = err->str1 ? err->str1 : "";
    char *said = S_library_message(err);
    p->parse_errors++;
    if (strstr(said, "Excessive depth")) {
        /* libxml2 gives up here (xmlParserMaxDepth) and suggests an option of its own. */
        p->halted = true;
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "the page nests elements more than %u levels deep here, more than any "
                  "reader can follow: take out levels (close the elements left open); the "
                  "rest of this page is not checked until then",
                  xmlParserMaxDepth);
        free(said);
        return;
    }
    switch (err->code) {
    case XML_HTML_UNKNOWN_TAG:
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "<%s> is not an HTML element; correct the tag name or use a standard element",
                  name);
        break;
    case XML_ERR_TAG_NAME_MISMATCH:
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "the end tag </%s> does not close the element that is open here (%s); "
                  "remove it or add the missing tag",
                  name, said);
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "a '&' here does not start a complete character reference; write a plain "
                  "ampersand as '&amp;' (in addresses too), or end the reference with ';'");
        break;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "an attribute's value is not quoted properly (%s); close the quotation "
                  "marks around the value",
                  said);
        break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "the attribute '%s' is given twice on one element; keep one", name);
        break;
    case XML_ERR_GT_REQUIRED:
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "the start tag <%s> is not closed with '>'; check its quotation marks and "
                  "close it",
                  name);
        break;
    case XML_ERR_INVALID_ENCODING:
        sv_report(p, line, column, R_HTML, REF_OUTPUT, NOT_UTF8_FIX);
        break;
    case XML_ERR_DOCUMENT_EMPTY:
        sv_report(p, line, column, R_HTML, REF_OUTPUT,
                  "the file has no HTML in it; write the page or remove the file");
        break;
    default:
        if (err->code == XML_ERR_NAME_REQUIRED && strstr(said, "EntityRef"))
            sv_report(p, line, column, R_HTML, REF_OUTPUT,
                      "a '&' stands on its own; write it as '&amp;'");
        else if (err->code == XML_ERR_NAME_REQUIRED && strstr(said, "attribute name"))
            sv_report(p, line, column, R_HTML, REF_OUTPUT,
                      "a tag here holds something that is not an attribute (%s); check that "
                      "every quotation mark in this tag, and in the tags before it, is closed",
                      said);
        else
            sv_report(p, line, column, R_HTML, REF_OUTPUT,
                      "the HTML is malformed (%s); fix the markup, because browsers repair "
                      "broken HTML in different ways",
                      said);
        break;
    }
    free(said);
}

/*
 * Parse text as an HTML page named name. With report, every parser error becomes a finding
 * of that page; without, errors are dropped. The thread's structured error handler is put
 * back as it was. Returns the document (caller frees) or NULL.
 */
static xmlDocPtr S_parse(const char *text, size_t len, const char *name, sv_page *report)
{
    xmlStructuredErrorFunc old = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(report, S_on_parse_error);
    xmlDocPtr doc = NULL;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt) {
        doc = htmlCtxtReadMemory(ctxt, text, (int)len, name, "UTF-8", HTML_PARSE_NONET);
        htmlFreeParserCtxt(ctxt);
    }
    xmlSetStructuredErrorFunc(old_ctx, old);
    return doc;
}

/* ---- ids ---- */

static void S_ids_collect(sv_idset *set, xmlDocPtr doc)
{
    set->loaded = true;
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr res = ctx ? sv_eval(ctx, "//@id | //a/@name") : NULL;
    for (int i = 0; i < sv_count(res); i++) {
        xmlChar *v = xmlNodeGetContent(res->nodesetval->nodeTab[i]);
        if (v)
            strlist_push(&set->ids, (const char *)v);
        xmlFree(v);
    }
    xmlXPathFreeObject(res);
    xmlXPathFreeContext(ctx);
    if (set->ids.len)
        qsort(set->ids.items, set->ids.len, sizeof *set->ids.items, sv_cmp_str);
}

/* The ids of the HTML file rel (below the top), parsing it if needed; NULL if unknown. */
const sv_idset *sv_ids_of(sv_site *s, const char *rel)
{
    char **hit = s->html.len ? bsearch(&rel, s->html.items, s->html.len, sizeof *s->html.items,
                                       sv_cmp_str)
                             : NULL;
    if (!hit)
        return NULL;
    sv_idset *set = &s->ids[hit - s->html.items];
    if (set->loaded)
        return set;
    set->loaded = true;
    char *path = path_join(s->opt->dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    free(path);
    if (!text)
        return set; /* its own check reports that it cannot be read */
    xmlDocPtr doc = S_parse(text, len, rel, NULL);
    free(text);
    if (doc) {
        S_ids_collect(set, doc);
        sv_collect_alternates(s, set, doc, hit[0]);
    }
    xmlFreeDoc(doc);
    return set;
}

/* ---- page rules ---- */

#define CLASS_MATCH(cls) "contains(concat(' ', normalize-space(@class), ' '), ' " cls " ')"

/* Elements whose text starts on a new line: a space goes between them and their neighbours. */
static bool S_block(const xmlNode *n)
{
    static const char *const blocks[] = {"address", "blockquote", "br", "dd", "div", "dl", "dt",
                                         "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p",
                                         "section", "table", "td", "th", "tr", "ul"};
    for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
        if (strcmp((const char *)n->name, blocks[i]) == 0)
            return true;
    return false;
}

/* The text of n's descendants, blocks separated by a space. */
static void S_text(const xmlNode *n, strbuf *out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            strbuf_puts(out, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            bool block = S_block(c);
            if (block)
                strbuf_putc(out, ' ');
            S_text(c, out);
            if (block)
                strbuf_putc(out, ' ');
        }
    }
}

/*
 * About 24 characters of s before the byte offset at and 36 from it, cut at spaces where
 * there are some, with "..." where text was left out; caller frees.
 */
static char *S_excerpt(const char *s, size_t at)
{
    size_t len = strlen(s);
    size_t from = at, to = at;
    for (int n = 0; n < 24 && from > 0; n++)
        do
            from--;
        while (from > 0 && !sv_char_start(s, from));
    for (int n = 0; n < 36 && to < len; n++)
        do
            to++;
        while (to < len && !sv_char_start(s, to));
    if (from > 0) {
        const char *space = memchr(s + from, ' ', at - from);
        if (space)
            from = (size_t)(space - s) + 1;
    }
    if (to < len)
        for (size_t k = to; k > at; k--)
            if (s[k] == ' ') {
                to = k;
                break;
            }
    return xasprintf("%s%.*s%s", from > 0 ? "..." : "", (int)(to - from), s + from,
                     to < len ? "..." : "");
}

/* The text of n as a reader sees it, white space squeezed; caller frees. */
static char *S_reader_text(const xmlNode *n)
{
    strbuf b = STRBUF_INIT;
    S_text(n, &b);
    char *text = sv_squeeze(strbuf_str(&b));
    strbuf_free(&b);
    return text;
}

/* Whether got and expected are the same text, white space ignored (the page may break
 * paragraphs where the text has a space); *gi and *ei: where they first differ. */
static bool S_same_text(const char *got, const char *expected, size_t *gi, size_t *ei)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (sv_is_space(got[i]))
            i++;
        while (sv_is_space(expected[j]))
            j++;
        if (!got[i] || !expected[j] || got[i] != expected[j])
            break;
        i++;
        j++;
    }
    if (gi)
        *gi = i;
    if (ei)
        *ei = j;
    return got[i] == expected[j];
}

/* Report that the disclaimer at aside (or a part of it) reads got, not expected. */
static void S_report_text(sv_page *p, const xmlNode *aside, const char *got, const char *text)
{
    size_t i, j;
    char *expected = sv_squeeze(text);
    if (S_same_text(got, expected, &i, &j)) {
        free(expected);
        return;
    }
    if (!*got) {
        sv_report(p, sv_line(aside), 1, R_DISCLAIMER, REF_DISCLAIMER,
                  "the medical disclaimer is empty; put the disclaimer text from site.yaml "
                  "in it");
    } else {
        char *a = S_excerpt(got, i), *e = S_excerpt(expected, j);
        sv_report(p, sv_line(aside), 1, R_DISCLAIMER, REF_DISCLAIMER,
                  "the medical disclaimer's text differs from the disclaimer in site.yaml: "
                  "the page has '%s' where it should read '%s'; copy the exact text from "
                  "site.yaml, or rebuild the page with suture",
                  a, e);
        free(a);
        free(e);
    }
    free(expected);
}

/* The disclaimer aside of a page of a site in several languages: its own language's. */
static void S_check_disclaimer_language(sv_page *p, const xmlNode *aside)
{
    const siteverify_options *opt = p->site->opt;
    const siteverify_language *own = sv_language_of(p->site, p->lang);
    char *got = S_reader_text(aside);
    const siteverify_language *same = NULL;
    for (size_t i = 0; i < opt->n_languages && !same; i++)
        if (S_same_text(got, opt->languages[i].disclaimer_text, NULL, NULL))
            same = &opt->languages[i];
    if (own && same && same != own)
        sv_report(p, sv_line(aside), 1, R_DISCLAIMER_LANGUAGE, REF_DISCLAIMER,
                  "this page is in %s (<html lang=\"%s\">), but its medical disclaimer is the "
                  "one in %s; put the %s disclaimer from site.yaml here (a page built by "
                  "suture has it)", own->code, p->lang, same->code, own->code);
    else if (!same)
        S_report_text(p, aside, got, (own ? own : &opt->languages[0])->disclaimer_text);
    free(got);
}

/*
 * The disclaimer of /404.html made of one <div lang> per language (siteverify_options):
 * true when aside is such (any child element with lang), after checking each part.
 */
static bool S_check_disclaimer_parts(sv_page *p, const xmlNode *aside)
{
    const siteverify_options *opt = p->site->opt;
    if (strcmp(p->rel, "404.html") != 0)
        return false;
    bool parts = false;
    bool *seen = xcalloc(opt->n_languages + 1, sizeof *seen);
    for (const xmlNode *c = aside->children; c; c = c->next) {
        char *lang = c->type == XML_ELEMENT_NODE ? sv_prop(c, "lang") : NULL;
        if (!lang)
            continue;
        parts = true;
        const siteverify_language *l = sv_language_of(p->site, lang);
        char *got = S_reader_text(c);
        if (!l)
            sv_report(p, sv_line(c), 1, R_DISCLAIMER_LANGUAGE, REF_DISCLAIMER,
                      "this part of the medical disclaimer is in '%s', which is not one of the "
                      "site's languages; give each part the lang of a language in site.yaml",
                      lang);
        else
            S_report_text(p, c, got, l->disclaimer_text);
        if (l)
            seen[l - opt->languages] = true;
        free(got);
        free(lang);
    }
    for (size_t i = 0; parts && i < opt->n_languages; i++)
        if (!seen[i])
            sv_report(p, sv_line(aside), 1, R_DISCLAIMER_LANGUAGE, REF_DISCLAIMER,
                      "this page's medical disclaimer has a part for each language but none "
                      "in %s; add <div lang=\"%s\"> with the %s disclaimer from site.yaml",
                      opt->languages[i].code, opt->languages[i].code, opt->languages[i].code);
    free(seen);
    return parts;
}

static void S_check_disclaimer_text(sv_page *p, const xmlNode *aside, const char *expected)
{
    if (p->site->opt->n_languages) {
        if (!S_check_disclaimer_parts(p, aside))
            S_check_disclaimer_language(p, aside);
        return;
    }
    char *got = S_reader_text(aside);
    S_report_text(p, aside, got, expected);
    free(got);
}

static void S_check_disclaimer(sv_page *p)
{
    xmlXPathObjectPtr res = sv_eval(p->xpath, "//aside[" CLASS_MATCH("medical-disclaimer") "]");
    int n = sv_count(res);
    if (n == 0) {
        xmlNodePtr at = sv_first(p, "//main");
        if (!at)
            at = sv_first(p, "/html/body");
        sv_report(p, sv_line(at), 1, R_DISCLAIMER, REF_DISCLAIMER,
                  "this page has no medical disclaimer; every page needs exactly one <aside "
                  "class=\"medical-disclaimer\" role=\"note\"> with the disclaimer text from "
                  "site.yaml, so add it (a page built by suture shows how)");
    } else if (n > 1) {
        sv_report(p, sv_line(res->nodesetval->nodeTab[1]), 1, R_DISCLAIMER, REF_DISCLAIMER,
                  "this page has %d medical disclaimers; keep exactly one <aside "
                  "class=\"medical-disclaimer\"> and remove the others",
                  n);
    }
    const char *expected = p->site->opt->disclaimer_text;
    if (expected || p->site->opt->n_languages) {
        char *want = expected ? sv_squeeze(expected) : NULL;
        for (int i = 0; i < n; i++)
            S_check_disclaimer_text(p, res->nodesetval->nodeTab[i], want);
        free(want);
    }
    xmlXPathFreeObject(res);
}

/* True when the attribute is missing or holds only white space. */
static bool S_blank(const char *v)
{
    if (!v)
        return true;
    while (sv_is_space(*v))
        v++;
    return !*v;
}

static void S_check_head(sv_page *p, xmlNodePtr root)
{
    xmlNodePtr head = sv_first(p, "/html/head");
    unsigned head_line = head ? sv_line(head) : sv_line(root);
    xmlNodePtr title = sv_first(p, "/html/head/title");
    if (!title) {
        sv_report(p, head_line, 1, R_TITLE, REF_TITLE,
                  "this page has no <title>; add one that names the page: browsers show it in "
                  "the tab and screen readers announce it first");
    } else {
        xmlChar *text = xmlNodeGetContent(title);
        if (S_blank((const char *)text))
            sv_report(p, sv_line(title), 1, R_TITLE, REF_TITLE,
                      "the page's <title> is empty; write one that names the page");
        xmlFree(text);
    }

    xmlNodePtr meta =
        sv_first(p, "/html/head/meta[translate(@name, 'DESCRIPTION', 'description')"
                   " = 'description']");
    if (!meta) {
        sv_report(p, head_line, 1, R_DESCRIPTION, REF_OUTPUT,
                  "this page has no <meta name=\"description\">; add one with a sentence or "
                  "two about the page, which search engines show");
    } else {
        char *content = sv_prop(meta, "content");
        if (S_blank(content))
            sv_report(p, sv_line(meta), 1, R_DESCRIPTION, REF_OUTPUT,
                      "the page's meta description is empty; write a sentence or two about the "
                      "page in its content attribute");
        free(content);
    }
    sv_check_csp(p, head, head_line);
    sv_check_referrer(p, head_line);
}

static void S_check_h1(sv_page *p, xmlNodePtr root)
{
    xmlXPathObjectPtr res = sv_eval(p->xpath, "//h1");
    int n = sv_count(res);
    if (n == 0) {
        xmlNodePtr body = sv_first(p, "/html/body");
        sv_report(p, sv_line(body ? body : root), 1, R_H1, REF_OUTPUT,
                  "this page has no <h1>; give it one main heading that names the page");
    } else if (n > 1) {
        sv_report(p, sv_line(res->nodesetval->nodeTab[1]), 1, R_H1, REF_OUTPUT,
                  "this page has %d <h1> headings; keep one main heading and make the others "
                  "<h2>",
                  n);
    }
    xmlXPathFreeObject(res);
}

/* What a <link> loads, from its rel tokens. */
static const sv_what *S_link_what(const xmlNode *el)
{
    char *rel = sv_prop(el, "rel");
    const sv_what *what = xmlHasProp(el, BAD_CAST "hreflang") ? &W_ALTERNATE : &W_HEAD_LINK;
    char *save = NULL;
    for (char *t = rel ? strtok_r(rel, " \t\n\r\f", &save) : NULL; t;
         t = strtok_r(NULL, " \t\n\r\f", &save)) {
        if (strcasecmp(t, "stylesheet") == 0) {
            what = &W_STYLESHEET;
            break;
        } else if (strcasecmp(t, "icon") == 0 || strcasecmp(t, "apple-touch-icon") == 0 ||
                   strcasecmp(t, "apple-touch-icon-precomposed") == 0 ||
                   strcasecmp(t, "mask-icon") == 0) {
            what = &W_ICON;
        } else if (strcasecmp(t, "preload") == 0 || strcasecmp(t, "modulepreload") == 0 ||
                   strcasecmp(t, "prefetch") == 0 || strcasecmp(t, "prerender") == 0) {
            what = &W_PRELOAD;
        } else if (strcasecmp(t, "preconnect") == 0 || strcasecmp(t, "dns-prefetch") == 0) {
            what = &W_CONNECT;
        } else if (strcasecmp(t, "manifest") == 0) {
            what = &W_MANIFEST;
        }
    }
    free(rel);
    return what;
}

static void S_check_img(sv_page *p, const xmlNode *el)
{
    char *src = sv_prop(el, "src");
    if (!xmlHasProp(el, BAD_CAST "alt")) {
        if (src)
            sv_report(p, sv_line(el), 1, R_IMAGE, REF_IMAGE,
                      "the image '%s' has no alt attribute; describe what it shows in alt=\"...\", "
                      "or write alt=\"\" if it is only decoration",
                      src);
        else
            sv_report(p, sv_line(el), 1, R_IMAGE, REF_IMAGE,
                      "this image has no alt attribute; describe what it shows in alt=\"...\", "
                      "or write alt=\"\" if it is only decoration");
    }
    if (S_blank(src))
        sv_report(p, sv_line(el), 1, R_IMAGE, REF_IMAGE,
                  "this image has no src; give it the address of an image file");
    else
        sv_check_address(p, el, src, &W_IMAGE);
    free(src);
    sv_check_srcset(p, el, &W_IMAGE);
}

/* Every element that links, loads or styles, in document order. */
static const char S_elements[] =
    "//a[@href] | //area[@href] | //link[@href] | //script[@src] | //iframe[@src]"
    " | //frame[@src] | //embed[@src] | //object[@data] | //img | //source | //video"
    " | //audio[@src] | //track[@src] | //input[@src] | //image | //style | //*[@style]";

static void S_check_element(sv_page *p, const xmlNode *el)
{
    const char *name = (const char *)el->name;
    if (strcmp(name, "a") == 0 || strcmp(name, "area") == 0) {
        sv_check_attr(p, el, "href", &W_LINK);
    } else if (strcmp(name, "link") == 0) {
        sv_check_attr(p, el, "href", S_link_what(el));
    } else if (strcmp(name, "script") == 0) {
        sv_check_attr(p, el, "src", &W_SCRIPT);
    } else if (strcmp(name, "iframe") == 0 || strcmp(name, "frame") == 0) {
        sv_check_attr(p, el, "src", &W_FRAME);
    } else if (strcmp(name, "embed") == 0) {
        sv_check_attr(p, el, "src", &W_OBJECT);
    } else if (strcmp(name, "object") == 0) {
        sv_check_attr(p, el, "data", &W_OBJECT);
    } else if (strcmp(name, "img") == 0) {
        S_check_img(p, el);
    } else if (strcmp(name, "source") == 0) {
        sv_check_attr(p, el, "src", &W_MEDIA);
        sv_check_srcset(p, el, &W_IMAGE);
    } else if (strcmp(name, "video") == 0) {
        sv_check_attr(p, el, "src", &W_MEDIA);
        sv_check_attr(p, el, "poster", &W_IMAGE);
    } else if (strcmp(name, "audio") == 0 || strcmp(name, "track") == 0) {
        sv_check_attr(p, el, "src", &W_MEDIA);
    } else if (strcmp(name, "input") == 0) {
        sv_check_attr(p, el, "src", &W_IMAGE_BUTTON);
    } else if (strcmp(name, "image") == 0) { /* SVG */
        sv_check_attr(p, el, "href", &W_IMAGE);
        sv_check_attr(p, el, "xlink:href", &W_IMAGE);
    } else if (strcmp(name, "style") == 0) {
        xmlChar *css = xmlNodeGetContent(el);
        if (css)
            sv_check_css(p, (const char *)css, sv_line(el), false);
        xmlFree(css);
    }
    char *style = sv_prop(el, "style");
    if (style)
        sv_check_css(p, style, sv_line(el), false);
    free(style);
}

/* Each <svg> drawn into the page (not those inside another: one is checked with all it
 * holds), as suture build checks a diagram. */
static void S_check_inline_svg(sv_page *p)
{
    xmlXPathObjectPtr res = sv_eval(p->xpath, "//svg[not(ancestor::svg)]");
    for (int i = 0; i < sv_count(res); i++)
        svgcheck_tree(p->file, NULL, 0, res->nodesetval->nodeTab[i],
                      SVGCHECK_HTML | SVGCHECK_NO_TITLE, R_SVG,
                      p->site->diags);
    xmlXPathFreeObject(res);
}

void sv_check_page(sv_site *s, size_t index)
{
    sv_page p = {.site = s, .index = index, .rel = s->html.items[index]};
    p.file = path_join(s->opt->dir, p.rel);
    const char *slash = strrchr(p.rel, '/');
    p.dir = slash ? xstrndup(p.rel, (size_t)(slash - p.rel) + 1) : xstrdup("");
    size_t len;
    char *text = file_read(p.file, &len);
    if (!text) {
        diag_error(s->diags, p.file, 0, 0, NULL, "cannot read this file: %s", strerror(errno));
        goto done;
    }
    /* Not UTF-8: one finding, and no parse, whose guesses would cause knock-on findings. */
    utf8_position bad;
    if (!utf8_valid(text, len, &bad)) {
        sv_report(&p, bad.line, bad.column, R_HTML, REF_OUTPUT, NOT_UTF8_FIX);
        free(text);
        goto done;
    }
    p.doc = S_parse(text, len, p.file, &p);
    free(text);
    xmlNodePtr root = p.doc ? xmlDocGetRootElement(p.doc) : NULL;
    /* What the parser did not reach would be reported as missing: the depth finding says it. */
    if (p.halted)
        goto done;
    if (!root) {
        if (!p.parse_errors)
            sv_report(&p, 1, 1, R_HTML, REF_OUTPUT,
                      "the file could not be read as HTML; write the page or remove the file");
        goto done;
    }
    p.xpath = xmlXPathNewContext(p.doc);
    if (!p.xpath)
        goto done;
    if (!s->ids[index].loaded) {
        S_ids_collect(&s->ids[index], p.doc);
        sv_collect_alternates(s, &s->ids[index], p.doc, p.rel);
    }
    sv_check_lang(&p, root);
    S_check_disclaimer(&p);
    S_check_head(&p, root);
    S_check_h1(&p, root);
    xmlXPathObjectPtr res = sv_eval(p.xpath, S_elements);
    for (int i = 0; i < sv_count(res); i++)
        S_check_element(&p, res->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(res);
    sv_check_hreflang(&p);
    sv_check_inline_script(&p, root);
    S_check_inline_svg(&p);
done:
    xmlXPathFreeContext(p.xpath);
    xmlFreeDoc(p.doc);
    free(p.lang);
    free(p.dir);
    free(p.file);
}

void sv_check_svg_file(sv_site *s, const char *rel)
{
    char *file = path_join(s->opt->dir, rel);
    size_t len;
    char *text = file_read(file, &len);
    if (!text)
        diag_error(s->diags, file, 0, 0, NULL, "cannot read this file: %s", strerror(errno));
    else
        xmlFreeDoc(svgcheck_parse(file, text, len, SVGCHECK_NO_TITLE, R_SVG, s->diags, NULL));
    free(text);
    free(file);
}

void sv_check_css_file(sv_site *s, const char *rel)
{
    sv_page p = {.site = s, .rel = rel};
    p.file = path_join(s->opt->dir, rel);
    size_t len;
    char *css = file_read(p.file, &len);
    if (!css)
        diag_error(s->diags, p.file, 0, 0, NULL, "cannot read this file: %s", strerror(errno));
    else
        sv_check_css(&p, css, 1, true);
    free(css);
    free(p.file);
}

