/*
 * siteverify_private.h: what the files of the site verifier share (check/siteverify*.c);
 * no other file includes it. siteverify.c walks the folder and holds the small helpers
 * below, siteverify_page.c parses a page and checks its document rules,
 * siteverify_links.c its addresses and style sheets, siteverify_policy.c its
 * Content-Security-Policy, referrer policy and script.
 */
#ifndef SUTURE_SITEVERIFY_PRIVATE_H
#define SUTURE_SITEVERIFY_PRIVATE_H

#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "check/siteverify.h"

/* The rules (siteverify.h) and where each comes from. */
#define R_DISCLAIMER "site-disclaimer"
#define R_LANG "site-lang"
#define R_TITLE "site-title"
#define R_DESCRIPTION "site-description"
#define R_H1 "site-h1"
#define R_LINK "site-link"
#define R_ANCHOR "site-anchor"
#define R_IMAGE "site-image"
#define R_EXTERNAL "site-external"
#define R_HTML "site-html"
#define R_CSP "site-csp"
#define R_REFERRER "site-referrer"
#define R_SCRIPT "site-script"
#define R_FILE "site-file"
#define R_DISCLAIMER_LANGUAGE "site-disclaimer-language"
#define R_HREFLANG "site-hreflang"
#define R_SVG "site-svg"

#define REF_DISCLAIMER "README.md, 'Two languages'"
#define REF_LANG "WCAG 2.2 SC 3.1.1"
#define REF_TITLE "WCAG 2.2 SC 2.4.2"
#define REF_OUTPUT "README.md, 'Where the output goes'"
#define REF_ANCHOR "WCAG 2.2 SC 2.4.4"
#define REF_IMAGE "WCAG 2.2 SC 1.1.1"
#define REF_EXTERNAL "README.md, 'Compliance checks'"
#define REF_CSP "Content Security Policy Level 3 (W3C)"
#define REF_REFERRER "Referrer Policy (W3C)"
#define REF_HREFLANG "Google Search Central: localized versions (hreflang)"

#define FIX_COPY "copy the file into the site and use a local address"
/* One <link rel="alternate" hreflang> of a page. */
typedef struct {
    char *code;      /* the hreflang value, white space trimmed */
    char *target;    /* the HTML file it leads to, below the top; NULL: none of the site */
} sv_alt;

/* What other pages need of one page, loaded when first needed: its ids (and <a name>s),
 * sorted; its <html lang>; its hreflang alternates. */
typedef struct {
    strlist ids;
    char *lang;      /* NULL without one, or one that is no BCP 47 tag */
    sv_alt *alts;
    size_t n_alts;
    bool loaded;
} sv_idset;

typedef struct {
    const siteverify_options *opt;
    diag_list *diags;
    char *host;      /* base_url's host (and port), or NULL */
    char *base_path; /* starts and ends with '/' */
    strlist html;    /* the HTML files' paths below opt->dir, sorted */
    sv_idset *ids;    /* one per html item */
} sv_site;

typedef struct {
    sv_site *site;
    size_t index;     /* in site->html */
    const char *rel;  /* "articles/x/index.html" */
    char *file;       /* opt->dir joined with rel: the diagnostics' file */
    char *dir;        /* the page's folder below the top: "" or "articles/x/" */
    char *lang;       /* <html lang>, trimmed; NULL without one, or one that is no tag */
    size_t parse_errors;
    bool halted;      /* the parser gave up part-way: the tree is incomplete */
    xmlDocPtr doc;
    xmlXPathContextPtr xpath;
} sv_page;

/* What an address in an element stands for, and how its findings read. */
typedef struct {
    const char *noun;    /* "the <noun> '<address>' ..." */
    bool loads;          /* the browser fetches it with the page: another host is an error */
    bool anchors;        /* a #fragment must name an element of the target page */
    const char *missing_rule, *missing_ref; /* when the file does not exist */
    const char *fix;     /* what to do when it is on another host */
} sv_what;

/* ---- small helpers (siteverify.c) ---- */

/* HTML's ASCII white space: space, tab, LF, CR, FF. */
bool sv_is_space(char c);

/* s with runs of white space turned into one space and the ends trimmed; caller frees. */
char *sv_squeeze(const char *s);

/* The source line of node, 1 when unknown or node is NULL. */
unsigned sv_line(const xmlNode *node);

/* The value of attribute name of el, or NULL; caller frees with free. */
char *sv_prop(const xmlNode *el, const char *name);

/* An error finding of page p at line:column, under rule with its reference ref. */
void sv_report(sv_page *p, unsigned line, unsigned column, const char *rule, const char *ref,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* strcmp on two char * elements, for qsort and bsearch. */
int sv_cmp_str(const void *a, const void *b);

/* Whether the sorted list l holds s. */
bool sv_sorted_contains(const strlist *l, const char *s);

/* The XPath expression expr evaluated in ctx (caller frees with xmlXPathFreeObject). */
xmlXPathObjectPtr sv_eval(xmlXPathContextPtr ctx, const char *expr);

/* The number of nodes res holds, 0 for NULL or a result that is not a node set. */
int sv_count(xmlXPathObjectPtr res);

/* The first node expr finds in the page, or NULL. */
xmlNodePtr sv_first(sv_page *p, const char *expr);

/* Whether s[i] starts a UTF-8 character (is not a continuation byte). */
bool sv_char_start(const char *s, size_t i);

/* ---- pages (siteverify_page.c) ---- */

/* Check the page s->html.items[index]: every rule of siteverify.h. */
void sv_check_page(sv_site *s, size_t index);

/* Check the style sheet rel (below the top) for addresses on other hosts. */
void sv_check_css_file(sv_site *s, const char *rel);

/* Check the SVG file rel (below the top) as suture build checks a diagram (svgcheck.h). */
void sv_check_svg_file(sv_site *s, const char *rel);

/* The ids of the HTML file rel (below the top), parsing it if needed; NULL if unknown. */
const sv_idset *sv_ids_of(sv_site *s, const char *rel);

/* ---- addresses and styles (siteverify_links.c) ---- */

/* Check one address of el, standing for what (see sv_what). */
void sv_check_address(sv_page *p, const xmlNode *el, const char *address, const sv_what *what);

/* Check the address in attribute attr of el, when it has one. */
void sv_check_attr(sv_page *p, const xmlNode *el, const char *attr, const sv_what *what);

/* Each address of el's srcset ("a.jpg 1x, b.jpg 2x", HTML "srcset attributes"). */
void sv_check_srcset(sv_page *p, const xmlNode *el, const sv_what *what);

/* The url() and @import addresses of the style sheet text css, starting at line; in_file:
 * css is a whole .css file, and findings give real columns (else column 1). */
void sv_check_css(sv_page *p, const char *css, unsigned line, bool in_file);

/*
 * The HTML file (below the top; caller frees) that address, written on the page rel whose
 * folder is dir, leads to: "" and other folders mean their index.html, only a fragment or
 * query means rel itself. NULL when it leads to no existing file; *elsewhere (may be NULL)
 * is then set when the address is not one of the site's at all (another host, another
 * scheme, outside the base path, above the top).
 */
char *sv_page_of(const sv_site *s, const char *rel, const char *dir, const char *address,
                 bool *elsewhere);

/* ---- languages (siteverify_lang.c) ---- */

/* Check the page's <html lang> (site-lang) and keep it in p->lang. */
void sv_check_lang(sv_page *p, xmlNodePtr root);

/* The declared language of a page in lang (see siteverify_options), or NULL: none declared,
 * or lang NULL. */
const siteverify_language *sv_language_of(const sv_site *s, const char *lang);

/* Collect the <html lang> and the hreflang alternates of doc, the page rel, into set. */
void sv_collect_alternates(sv_site *s, sv_idset *set, xmlDocPtr doc, const char *rel);

/* Check the page's hreflang alternates (site-hreflang); its own set must be collected. */
void sv_check_hreflang(sv_page *p);

/* Free what sv_collect_alternates put in set. */
void sv_alternates_free(sv_idset *set);

/* ---- the locked-down page (siteverify_policy.c) ---- */

/* The page's Content-Security-Policy <meta>s in head (NULL: none), reported at head_line. */
void sv_check_csp(sv_page *p, xmlNodePtr head, unsigned head_line);

/* The page's referrer policy, reported at head_line when missing. */
void sv_check_referrer(sv_page *p, unsigned head_line);

/* Script written into the page under root: inline <script>, on* handlers, script
 * addresses, srcdoc. */
void sv_check_inline_script(sv_page *p, xmlNodePtr root);

/*
 * "javascript", "vbscript" or "data" (with an HTML, XHTML, SVG or XML media type) when
 * address, read as a browser reads it (base/url.h), makes a page or runs code; NULL
 * otherwise.
 */
const char *sv_script_scheme(const char *address);

#endif
