/* siteverify_policy.c: the locked-down page of siteverify.h: its Content-Security-Policy,
 * its referrer policy, and no script written into it. */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/str.h"
#include "base/url.h"
#include "check/siteverify_private.h"

/* ---- the locked-down page: Content-Security-Policy, referrer policy, no inline script ---- */

/* The policy suture puts on every page (page.h), quoted in the fixes. */
#define CSP_EXAMPLE                                                                            \
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; object-src "   \
    "'none'; base-uri 'none'; form-action 'self'\">"

/* Whether a directive takes a source list (CSP3 "fetch directives", base-uri, form-action). */
static bool S_csp_source_directive(const char *name)
{
    return str_ends_with(name, "-src") || strcmp(name, "base-uri") == 0 ||
           strcmp(name, "form-action") == 0;
}

/* At most 60 bytes of s, control characters written as \t, \n, \r or \xHH so the finding
 * stays on one line and shows what is really there, with "..." when cut (at a character
 * boundary); caller frees. */
static char *S_short(const char *s)
{
    strbuf b = STRBUF_INIT;
    size_t i = 0;
    for (; s[i] && b.len < 60; i++) {
        unsigned char u = (unsigned char)s[i];
        if (u == '\t')
            strbuf_puts(&b, "\\t");
        else if (u == '\n')
            strbuf_puts(&b, "\\n");
        else if (u == '\r')
            strbuf_puts(&b, "\\r");
        else if (u < 0x20 || u == 0x7f)
            strbuf_printf(&b, "\\x%02X", u);
        else
            strbuf_putc(&b, (char)u);
    }
    while (s[i] && !sv_char_start(s, i)) /* finish the character */
        strbuf_putc(&b, s[i++]);
    if (s[i])
        strbuf_puts(&b, "...");
    return strbuf_detach(&b);
}

/* One Content-Security-Policy (CSP3 "parse a serialized CSP"): default-src must be there, and
 * every source list may hold only 'self' and 'none'. */
static void S_check_csp_text(sv_page *p, const xmlNode *meta, const char *policy)
{
    unsigned line = sv_line(meta);
    char *copy = xstrdup(policy);
    bool has_default = false, any = false;
    char *save = NULL;
    for (char *d = strtok_r(copy, ";", &save); d; d = strtok_r(NULL, ";", &save)) {
        char *inner = NULL;
        char *name = strtok_r(d, " \t\n\r\f", &inner);
        if (!name)
            continue;
        any = true;
        for (char *c = name; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        if (!S_csp_source_directive(name))
            continue;
        if (strcmp(name, "default-src") == 0)
            has_default = true;
        bool empty = true;
        for (char *t = strtok_r(NULL, " \t\n\r\f", &inner); t;
             t = strtok_r(NULL, " \t\n\r\f", &inner)) {
            empty = false;
            if (strcasecmp(t, "'self'") == 0 || strcasecmp(t, "'none'") == 0)
                continue;
            char *shown = S_short(t);
            sv_report(p, line, 1, R_CSP, REF_CSP,
                      "the Content-Security-Policy's %s allows %s, looser than these pages need; "
                      "allow only 'self' (or 'none'), and copy into the site whatever the page "
                      "loads",
                      name, shown);
            free(shown);
        }
        if (empty)
            sv_report(p, line, 1, R_CSP, REF_CSP,
                      "the Content-Security-Policy's %s has no source, which browsers read as "
                      "'none'; write %s 'self' or %s 'none'",
                      name, name, name);
    }
    if (!any)
        sv_report(p, line, 1, R_CSP, REF_CSP,
                  "the Content-Security-Policy is empty, so it allows everything; use "
                  CSP_EXAMPLE);
    else if (!has_default)
        sv_report(p, line, 1, R_CSP, REF_CSP,
                  "the Content-Security-Policy has no default-src, so whatever it does not name "
                  "may load from anywhere; add default-src 'self'");
    free(copy);
}

void sv_check_csp(sv_page *p, xmlNodePtr head, unsigned head_line)
{
    xmlXPathObjectPtr res = sv_eval(p->xpath, "//meta[translate(@http-equiv, "
                                             "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                                             "'abcdefghijklmnopqrstuvwxyz') = "
                                             "'content-security-policy']");
    int in_head = 0;
    for (int i = 0; i < sv_count(res); i++) {
        xmlNodePtr meta = res->nodesetval->nodeTab[i];
        if (!head || meta->parent != head) {
            sv_report(p, sv_line(meta), 1, R_CSP, REF_CSP,
                      "this Content-Security-Policy <meta> is outside <head>, where browsers "
                      "ignore it; move it into <head>, right after <meta charset>");
            continue;
        }
        in_head++;
        /* A policy in <meta> covers only what comes after it (CSP3, section 3.3). */
        for (xmlNodePtr c = head->children; c && c != meta; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            const char *n = (const char *)c->name;
            if (strcmp(n, "link") == 0 || strcmp(n, "script") == 0 || strcmp(n, "style") == 0 ||
                strcmp(n, "base") == 0) {
                sv_report(p, sv_line(meta), 1, R_CSP, REF_CSP,
                          "the Content-Security-Policy <meta> comes after the <%s> on line %u, "
                          "which it therefore does not cover; move it right after <meta charset>",
                          n, sv_line(c));
                break;
            }
        }
        char *content = sv_prop(meta, "content");
        S_check_csp_text(p, meta, content ? content : "");
        free(content);
    }
    if (in_head == 0 && sv_count(res) == 0)
        sv_report(p, head_line, 1, R_CSP, REF_CSP,
                  "this page has no Content-Security-Policy; add " CSP_EXAMPLE
                  " right after <meta charset> (suture puts it on every page it builds)");
    xmlXPathFreeObject(res);
}

void sv_check_referrer(sv_page *p, unsigned head_line)
{
    /* Referrer Policy, section 3: the values that never send a page's address to another
     * site, or never over plain HTTP. */
    static const char *const safe[] = {"no-referrer", "same-origin", "strict-origin",
                                       "strict-origin-when-cross-origin"};
    static const char *const leaky[] = {"unsafe-url", "no-referrer-when-downgrade", "origin",
                                        "origin-when-cross-origin"};
    xmlNodePtr meta = sv_first(p, "/html/head/meta[translate(@name, 'REFERR', 'referr') = "
                                 "'referrer']");
    if (!meta) {
        sv_report(p, head_line, 1, R_REFERRER, REF_REFERRER,
                  "this page has no referrer policy; add <meta name=\"referrer\" "
                  "content=\"strict-origin-when-cross-origin\">, so that no other site learns "
                  "which page a patient was reading");
        return;
    }
    char *raw = sv_prop(meta, "content");
    char *value = sv_squeeze(raw ? raw : "");
    free(raw);
    bool ok = false, known = false;
    for (size_t i = 0; i < sizeof safe / sizeof *safe; i++)
        if (strcasecmp(value, safe[i]) == 0)
            ok = known = true;
    for (size_t i = 0; i < sizeof leaky / sizeof *leaky; i++)
        if (strcasecmp(value, leaky[i]) == 0)
            known = true;
    if (!ok) {
        char *shown = S_short(value);
        if (known)
            sv_report(p, sv_line(meta), 1, R_REFERRER, REF_REFERRER,
                      "the referrer policy '%s' tells other sites, or anyone on plain HTTP, "
                      "which page a patient came from; use strict-origin-when-cross-origin, "
                      "strict-origin, same-origin or no-referrer",
                      shown);
        else
            sv_report(p, sv_line(meta), 1, R_REFERRER, REF_REFERRER,
                      "'%s' is not a referrer policy, so browsers ignore it; use "
                      "strict-origin-when-cross-origin, strict-origin, same-origin or "
                      "no-referrer",
                      shown);
        free(shown);
    }
    free(value);
}

/* Whether a <script type> is JavaScript (HTML, "the script element": empty, a JavaScript
 * MIME type, or "module"); any other type is a data block, which browsers never run. */
static bool S_runs_as_script(const char *type)
{
    static const char *const js[] = {
        "application/ecmascript", "application/javascript", "application/x-ecmascript",
        "application/x-javascript", "text/ecmascript", "text/javascript",
        "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
        "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
        "text/x-ecmascript", "text/x-javascript", "module"};
    if (!type)
        return true;
    char *t = sv_squeeze(type);
    char *semi = strchr(t, ';'); /* parameters do not change what it is */
    if (semi)
        *semi = '\0';
    bool yes = !*t;
    for (size_t i = 0; i < sizeof js / sizeof *js && !yes; i++)
        yes = strcasecmp(t, js[i]) == 0;
    free(t);
    return yes;
}

/* Whether the media type at the start of a data: address's rest makes a page: read as a
 * browser does (tabs and new lines dropped, lower case, leading spaces skipped), from at most
 * the first 58 bytes that remain once tabs and new lines are dropped. */
static bool S_data_makes_page(const char *rest)
{
    static const char *const types[] = {"text/html", "application/xhtml", "image/svg",
                                        "text/xml", "application/xml"};
    char head[59];
    size_t n = 0;
    for (const char *c = rest; *c && n + 1 < sizeof head; c++) {
        if (*c == '\t' || *c == '\n' || *c == '\r')
            continue;
        head[n++] = *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
    }
    head[n] = '\0';
    const char *type = head;
    while (*type == ' ')
        type++;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (str_starts_with(type, types[i]))
            return true;
    return false;
}

const char *sv_script_scheme(const char *address)
{
    char scheme[16];
    const char *rest;
    if (!url_browser_scheme(address, scheme, sizeof scheme, &rest))
        return NULL;
    if (strcmp(scheme, "javascript") == 0)
        return "javascript";
    if (strcmp(scheme, "vbscript") == 0)
        return "vbscript";
    if (strcmp(scheme, "data") == 0 && S_data_makes_page(rest))
        return "data";
    return NULL;
}

/* Attributes that hold an address a browser may open or load. */
static bool S_url_attribute(const char *name)
{
    static const char *const names[] = {"action", "background", "cite",   "data",     "formaction",
                                        "href",   "poster",     "src",    "xlink:href", "ping"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcasecmp(name, names[i]) == 0)
            return true;
    return false;
}

/* Script in the element n itself: inline <script>, on* handlers, script addresses, srcdoc. */
static void S_check_script_in(sv_page *p, xmlNodePtr n)
{
    {
        const char *name = (const char *)n->name;
        if (strcmp(name, "script") == 0 && !xmlHasProp(n, BAD_CAST "src")) {
            char *type = sv_prop(n, "type");
            if (S_runs_as_script(type))
                sv_report(p, sv_line(n), 1, R_SCRIPT, REF_CSP,
                          "this <script> has its code written into the page, which suture never "
                          "does and the Content-Security-Policy blocks; move the code into a file "
                          "under templates/assets/ and load it with <script src=\"...\">");
            free(type);
        }
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            const char *an = (const char *)a->name;
            if (strncasecmp(an, "on", 2) == 0 && an[2]) {
                char *v = sv_prop(n, an);
                char *shown = S_short(v ? v : "");
                sv_report(p, sv_line(n), 1, R_SCRIPT, REF_CSP,
                          "<%s %s=\"%s\"> runs script written into the page, which the "
                          "Content-Security-Policy blocks; remove the attribute, and attach the "
                          "handler from a script file with addEventListener if it is needed",
                          name, an, shown);
                free(shown);
                free(v);
            } else if (strcasecmp(an, "srcdoc") == 0) {
                sv_report(p, sv_line(n), 1, R_SCRIPT, REF_CSP,
                          "<%s srcdoc> writes a whole page into an attribute, script and all; put "
                          "that page into the site and use src instead",
                          name);
            } else if (S_url_attribute(an)) {
                char *v = sv_prop(n, an);
                const char *scheme = v ? sv_script_scheme(v) : NULL;
                if (scheme) {
                    char *shown = S_short(v);
                    sv_report(p, sv_line(n), 1, R_SCRIPT, REF_CSP,
                              "<%s %s=\"%s\"> is a %s: address, which %s; link to a page of the "
                              "site instead",
                              name, an, shown, scheme,
                              strcmp(scheme, "data") == 0
                                 ? "makes a page, script and all, out of the address itself"
                                 : "runs the script it carries");
                    free(shown);
                }
                free(v);
            }
        }
    }
}

/* S_check_script_in on every element under root, without recursion (pages may nest deep). */
void sv_check_inline_script(sv_page *p, xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE)
            S_check_script_in(p, n);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
}

