/*
 * markdown.h: CommonMark to a libxml2 element tree, with cmark (SPEC.md, "Markdown").
 *
 * cmark parses the text with source positions; this module walks cmark's tree and builds
 * the matching HTML elements with libxml2, so no HTML is ever assembled from strings. On
 * top of CommonMark it gives every heading a stable id and a self-link, leaves raw HTML
 * and unsafe URLs (javascript:, vbscript:, file:, data: other than images) out, and hands
 * links, images and fenced blocks to hooks, so the caller decides what internal links,
 * media and ```compare blocks become. It knows nothing about files, pages or XSLT.
 */
#ifndef SUTURE_MARKDOWN_H
#define SUTURE_MARKDOWN_H

#include <cmark.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/str.h"

typedef struct markdown_hooks {
    void *ctx;
    /*
     * Called for every link destination that is not unsafe. Returns a new URL (allocated
     * with malloc; the renderer frees it) to use instead, or NULL to keep url as written.
     * line/column point at the link in the file. May add diagnostics.
     */
    char *(*link)(void *ctx, const char *url, unsigned line, unsigned column);
    /* The same for image sources; alt is the image's plain text. */
    char *(*image)(void *ctx, const char *url, const char *alt, unsigned line,
                   unsigned column);
    /*
     * Called for a fenced code block whose info string's first word is info. content
     * (len bytes) starts at line/column of the file. Returns true when it handled the block:
     * it appended what the block becomes to parent, or reported why it cannot. Returns
     * false to render the block as ordinary code.
     */
    bool (*fenced)(void *ctx, const char *info, const char *content, size_t len,
                   unsigned line, unsigned column, xmlNodePtr parent);
    /*
     * Called for each id of a citation in the text ([@id], citation.h). Returns the number
     * the source has on this page, 1 and up in the order first cited, the same each time
     * it is cited again, and sets *first when this is the first place the page cites it
     * (a page's citations may come from several renders: an article's text and its
     * comparison tables, or every definition of the glossary); or returns 0 when it cannot
     * be cited here (the hook says why). NULL: citations are published as written. A
     * citation renders as citation_render does (citation.h); a bracket with an id that
     * gives 0 is left as written. A malformed bracket is an error here.
     */
    unsigned (*cite)(void *ctx, const char *id, unsigned line, unsigned column, bool *first);
    /*
     * Called, before `image`, for an image that stands alone in its paragraph (or list
     * item), and whose URL is not unsafe: url as written, alt its plain text, title its
     * title ("" without one; a diagram's caption). Returns true when it handled it: it
     * appended what the image becomes (a block, such as a diagram's <figure>, diagram.h) to
     * parent, or reported why it cannot; the paragraph is then not rendered. false: the
     * paragraph is rendered as usual. NULL: never called.
     */
    bool (*figure)(void *ctx, const char *url, const char *alt, const char *title,
                   unsigned line, unsigned column, xmlNodePtr parent);
} markdown_hooks;

typedef struct markdown_heading {
    int level;    /* 2..6 */
    char *id;
    char *text;   /* plain text */
} markdown_heading;

typedef struct markdown_result {
    xmlNodePtr body;              /* an unlinked <body> element holding the blocks */
    markdown_heading *headings;   /* in document order */
    size_t n_headings;
    /* How many errors markdown_render reported itself (a level-1 heading, nesting too
     * deep); the hooks count their own. */
    size_t errors;
} markdown_result;

/* Options for markdown_render. */
/* How deeply block containers (quotes, lists, list items) may nest in one text. */
#define MARKDOWN_MAX_NESTING 64

enum {
    /* A level-1 heading is an error: the page title is the page's only <h1>. */
    MARKDOWN_NO_H1 = 1 << 0,
    /* The body is only checked, never published (site_validate, `suture check`): its text
     * (words, line breaks, code) is left out of the tree, which keeps its elements, so
     * that what the hooks see and every message, heading and id are the same as without
     * it. A third of the tree's nodes, and of their cost, are text. */
    MARKDOWN_NO_TEXT = 1 << 1,
    /* The text is Korean (its writer's language): its mistakes are told in Korean. */
    MARKDOWN_KOREAN = 1 << 2,
};

/*
 * Render text (len bytes of UTF-8) whose first line is line first_line of file. hooks may
 * be NULL. Reports: block containers nested deeper than MARKDOWN_MAX_NESTING (an error; the
 * body is then empty), a level-1 heading under MARKDOWN_NO_H1, unsafe link destinations
 * (warning; the link is left out, its text kept), raw HTML other than comments (warning;
 * left out), and whatever the hooks report. Returns the result (free with
 * markdown_result_free), never NULL.
 */
markdown_result *markdown_render(const char *file, const char *text, size_t len,
                                 unsigned first_line, int options,
                                 const markdown_hooks *hooks, diag_list *diags);
/* Free the result, including body unless the caller has set it to NULL after taking it. */
void markdown_result_free(markdown_result *r);

/*
 * The ids that markdown_render gives the headings of text, in order, without rendering it
 * (used to check links to #headings of other articles). Adds them to ids.
 */
void markdown_heading_ids(const char *text, size_t len, strlist *ids);

/*
 * The same ids of a document already parsed (a cmark tree of the same text, parsed with any
 * options that leave the text of headings as it is: CMARK_OPT_SOURCEPOS, not
 * CMARK_OPT_SMART, and from valid UTF-8, as markdown_render would replace invalid bytes),
 * so that a caller that has parsed an article once need not parse it again (suture build
 * takes them from its lint, cli/lintbuild.h). Adds them to ids.
 */
void markdown_heading_ids_of(cmark_node *doc, strlist *ids);

/*
 * True when a URL's scheme makes it unsafe to publish: javascript:, vbscript:, file:, and
 * data: except (for images, when image is true) data:image/png, gif, jpeg or webp.
 */
bool markdown_url_is_unsafe(const char *url, bool image);

/*
 * Give every id under root (root's own included) the prefix, and the references to those
 * ids inside root along: href="#id" and xlink:href (white space before the '#' allowed, as
 * browsers skip it), url(#id) in any attribute (SVG's marker-end, fill...), and the id
 * lists of aria-labelledby, aria-describedby, aria-controls, aria-owns, for, headers and
 * popovertarget. References to ids outside root stay as they are. For a drawing placed in a
 * page (diagram_render) and a text rendered into a place of other pages (a glossary term's
 * popover, the disclaimer): their ids would otherwise repeat the page's own, and a page
 * with one id twice is broken HTML (HTML Living Standard, "The id attribute").
 */
void markdown_prefix_ids(xmlNodePtr root, const char *prefix);

#endif
