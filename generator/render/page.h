/*
 * page.h: page XML to HTML. Applies a page kind's XSLT stylesheet (templates/<kind>.xsl,
 * compiled once per build and shared read-only between threads), puts the medical
 * disclaimer in, checks there is exactly one, and serialises HTML5 with <!DOCTYPE html>
 * in UTF-8. The page XML format is documented in templates/README.md.
 */
#ifndef SUTURE_PAGE_H
#define SUTURE_PAGE_H

#include <libxml/tree.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/str.h"

typedef enum page_kind {
    PAGE_HOME,
    PAGE_ARTICLE,
    PAGE_TOPIC,
    PAGE_COMPARE,
    PAGE_GLOSSARY,
    PAGE_NOT_FOUND,
    PAGE_SEARCH, /* /search/: every article, and the search form and script */
    PAGE_SITE,   /* a site page of content/pages/: About, Privacy... (sitepages.h) */
    PAGE_KIND_COUNT
} page_kind;

/* The kind's name in page XML ("not-found") and its stylesheet's file name ("404.xsl"). */
const char *page_kind_name(page_kind kind);
const char *page_kind_stylesheet(page_kind kind);

typedef struct page_templates page_templates;

/*
 * The namespace of the XPath functions suture gives every template (templates/README.md):
 *   suture:string($strings, $id, $lang)  the <t> of interface string $id in strings.xml for
 *                                         the language $lang, else its primary subtag, else
 *                                         "en" (an empty node-set when there is none)
 */
#define PAGE_XSLT_NAMESPACE "urn:suture:xslt"

/*
 * The Content-Security-Policy and referrer policy every page carries (issue 6, "A
 * locked-down site"), as <meta> elements suture puts in <head>: everything from the site's
 * own origin only, no plugins, no <base> elsewhere, forms only to the site; and the full
 * address of a page is never sent to another site.
 */
#define PAGE_CONTENT_SECURITY_POLICY \
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
#define PAGE_REFERRER_POLICY "strict-origin-when-cross-origin"

/*
 * Call once, before any thread renders: initialises libxml2, libxslt and EXSLT, registers
 * suture's XPath functions (PAGE_XSLT_NAMESPACE) and routes their messages to suture's
 * diagnostics.
 */
void page_init(void);
/* Release what page_init set up, at exit. */
void page_cleanup(void);

/*
 * Parse and compile every kind's stylesheet in dir. Reports, with file, line and column, a
 * stylesheet that is missing, is not well-formed XML, or does not compile (including its
 * imports). Stylesheets may read files (document()) but not write files or use the
 * network. Returns the set (free with page_templates_free) or NULL when any failed.
 *
 * One cause, one message: first every *.xsl and *.xml file directly in dir (the
 * stylesheets, what they import, strings.xml) must be valid UTF-8 or declare another
 * encoding; each that is not is reported once (utf8.h, category "template") and nothing is
 * compiled. Then each must be well-formed XML; each that is not is reported once, at its
 * first problem, in plain words (xmlmsg.h: "the tag <xsl:template> opened on line 12 is
 * closed by </xsl:templat>: make the names match, or close <xsl:template> before this"),
 * and neither it nor what imports it is reported again. A message about a file that
 * several stylesheets import is reported once, and an import's "unable to load" is left out
 * when the file's own error was reported. What libxml2 says about a file it parses while a
 * stylesheet compiles or a page renders is said the same way, once per file. libxslt's
 * messages are said at the file and line of the instruction they are about (layout.xsl's
 * own, not the importer's), once; an XPath expression that does not compile is one message.
 * Then what libxslt accepts but is a mistake (templates/README.md, "When a template has a
 * mistake"): a call of a template nobody defines, an interface string id strings.xml does
 * not hold (both with did-you-mean), "{{ ... }}" in a text or an attribute.
 */
page_templates *page_templates_load(const char *dir, diag_list *diags);
void page_templates_free(page_templates *t);

/*
 * The URLs of the style sheets and scripts of assets/ that are published under
 * fingerprinted names (assetnames.h), as pairs in urls: the plain URL ("/assets/site.css"),
 * then the fingerprinted one ("/assets/site.3f9a0c12d4e5.css"). page_render then rewrites
 * every href and src of a page that names a plain one, whatever template wrote it. Copied;
 * call before pages render. NULL or an empty list: nothing is rewritten.
 */
void page_templates_set_asset_urls(page_templates *t, const strlist *urls);

/*
 * Render one page: apply the kind's stylesheet to page (which is not modified), check the
 * result's structure, inject disclaimer (an <aside>, see disclaimer_new) and serialise. On
 * success returns 0 and sets *html (malloc'd; the caller frees) and *len. Returns -1 when
 * the stylesheet fails at run time or its result is not a well-made page (content outside
 * <html>, no <head> or <body>, body content such as <li> in <head>, two <main>): these are
 * kept in t and said once each, however many pages meet them, by page_templates_report,
 * at the template's file and line. Reports to diags and returns -1 when its result has no
 * place for the disclaimer ("the template has neither <div id="medical-disclaimer"/> nor
 * <main>"), or when it wrote a disclaimer itself. page_name names the page in messages
 * ("/articles/x/").
 */
int page_render(page_templates *t, page_kind kind, xmlDocPtr page, const xmlNode *disclaimer,
                const char *page_name, diag_list *diags, char **html, size_t *len);

/*
 * Add to diags the errors met while pages rendered since the last call (page_render), each
 * once: "while rendering /kb/ and 12 other pages: ...". Call after the pages have rendered,
 * before deciding whether the build failed.
 */
void page_templates_report(page_templates *t, diag_list *diags);

#endif
