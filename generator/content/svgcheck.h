/*
 * svgcheck.h: SVG is untrusted input, like Markdown. A diagram in content/media/ is published
 * as a file of the site (a reader may open it on its own, where a script in it runs with the
 * site's rights) and drawn inline in article pages (where its elements become the page's);
 * so suture build refuses a diagram that can run script, load or point at anything outside
 * itself, or restyle the page, and `suture check --site` refuses the same in a published
 * site, in its .svg files and in the <svg> elements of its pages.
 *
 * The file is parsed with libxml2 so that nothing is ever fetched or expanded: no
 * XML_PARSE_NOENT (entities are not substituted), no XML_PARSE_DTDLOAD or DTDVALID (no
 * external DTD), XML_PARSE_NONET; and the parse stops at a <!DOCTYPE> before its internal
 * subset is read, so no entity is declared at all (OWASP XML External Entity Prevention
 * Cheat Sheet: XXE, "billion laughs").
 *
 * What is refused, each an error at the file's line and column (of the element's '<' or
 * the attribute's name; column 1 in a tree without its source text), under the caller's
 * category, with the reference named:
 *   - a file that is not well-formed XML (libxml2's message)               XML 1.0
 *   - a <!DOCTYPE> (and with it every <!ENTITY>) and any processing
 *     instruction (<?xml-stylesheet href=...?> loads a style sheet)       OWASP XXE cheat sheet
 *   - a root that is not <svg> in the SVG namespace                        SVG 2, "Document structure"
 *   - <script>; any on* event attribute                                   SVG 2, "Scripting and interactivity"
 *   - <foreignObject> (HTML inside the drawing)                            SVG 2, "Embedded content"
 *   - <style> and style="" (inline in a page, a <style> restyles the whole page; the site's
 *     Content-Security-Policy applies neither)                             CSP Level 3 (W3C), style-src
 *   - an href or xlink:href that does not start with '#', and url(...) in any attribute
 *     that does not point at '#id' of the file (a CSS escape, '\', beside a '(' is refused
 *     too, since it can spell url( unseen)                                 OWASP XSS Prevention Cheat Sheet
 *   - javascript: or vbscript: in any attribute value (spaces and control characters inside
 *     it ignored, any case)                                                OWASP XSS Prevention Cheat Sheet
 *   - <image>: a photo or a drawing in pixels, whose labels no reader can enlarge, select or
 *     read aloud, and which could load from elsewhere; draw with shapes and <text>
 *   - animation (<animate>, <set>, <animateMotion>, <animateTransform>, <discard>): it can
 *     turn a link into javascript: after the check (an <animate> or <set> on href), and
 *     the site has no animation                                            SVG 2, "Animation"; WCAG 2.2 SC 2.3.3
 *   - any other element than the ones listed in svgcheck_elements (the shapes, text,
 *     groups, markers, gradients, clip paths and masks of SVG), and any element or attribute
 *     of another namespace (editors' own data, such as Inkscape's), except xlink:href,
 *     xml:space and xml:lang
 *   - a root whose first two elements are not a non-empty <title> and <desc> (what screen
 *     readers announce)                                                    SVG 2, "The 'desc' and 'title' elements"
 *
 * Why <image> with a data: raster is refused too, though a raster cannot run script: the
 * issue asks for labels as text in the page's language, and a picture inside a diagram is
 * the way to lose them. Photos go in the article as images (README.md, "Writing an
 * article").
 *
 * The messages are English, or Korean with SVGCHECK_KOREAN: the caller knows the drawing's
 * language (the build, from its folder: content/media/diagrams/ko/), and its writer reads
 * what is wrong in it. The references stay as their documents name themselves.
 */
#ifndef SUTURE_SVGCHECK_H
#define SUTURE_SVGCHECK_H

#include <libxml/tree.h>
#include <stddef.h>

#include "base/diag.h"

/* The SVG namespace (SVG 2, "Namespace"). */
#define SVGCHECK_NS "http://www.w3.org/2000/svg"

/*
 * The most refusals reported for one drawing; past it one error says there are more (the
 * count, *errors and the return values, still counts them all).
 */
#define SVGCHECK_MAX_REPORTED 50

/* svgcheck_tree's flags. */
enum {
    /* The tree comes from an HTML parser (libxml2's, as `suture check --site` reads pages):
     * names are in lower case and namespaces are not resolved, so xmlns and xlink:href are
     * plain attributes and element names are compared without case. */
    SVGCHECK_HTML = 1 << 0,
    /* No <title> and <desc> required: what the build asks of the diagrams it draws into
     * pages, not a safety rule; `suture check --site` checks any site's SVG, which may be
     * shown through <img alt="..."> and named by its alt. */
    SVGCHECK_NO_TITLE = 1 << 1,
    /* The drawing is a Korean one (its writer's language): every refusal is told in
     * Korean, with the same reference. */
    SVGCHECK_KOREAN = 1 << 2,
};

/*
 * Parse text (len bytes), the SVG file named file, as described above, and check it; flags:
 * 0, or SVGCHECK_NO_TITLE and SVGCHECK_KOREAN or'ed.
 * Returns the document (the caller frees it with xmlFreeDoc) when it is well formed and
 * passes every check; NULL otherwise. Every refusal is one error in diags (NULL: none is
 * reported, for a caller that knows another pass reports them) with category; the number
 * of them goes to *errors (errors may be NULL). The calling thread's libxml2 error handlers
 * are left as they were.
 */
xmlDocPtr svgcheck_parse(const char *file, const char *text, size_t len, unsigned flags,
                         const char *category, diag_list *diags, size_t *errors);

/*
 * Check the <svg> element svg and everything in it, as svgcheck_parse does after parsing.
 * text (len bytes) is the source it was parsed from, for columns, with svg its root
 * element; NULL (as for an <svg> inside a page) gives column 1 and the element's line.
 * flags: 0, or SVGCHECK_HTML, SVGCHECK_NO_TITLE and SVGCHECK_KOREAN or'ed. Reports into diags (may be NULL) with category; returns the
 * number of errors.
 */
size_t svgcheck_tree(const char *file, const char *text, size_t len, const xmlNode *svg,
                     unsigned flags, const char *category, diag_list *diags);

/* The elements a diagram may hold (local names in the SVG namespace), NULL-terminated. */
extern const char *const svgcheck_elements[];

#endif
