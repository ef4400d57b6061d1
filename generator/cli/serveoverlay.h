/*
 * serveoverlay.h: the compliance findings shown in `suture serve`'s preview (issue 17,
 * "Enforced where pages are made"). Each phrase the lint flagged is wrapped in a <mark> on
 * the page where the reader sees it, with its rule id beside it, and a list at the top of
 * the page gives every finding's place, message (in its language) and rule, and says that
 * errors block publishing. The overlay is made in the served copy of a page only, as a
 * libxml2 tree (parsed, the text found and wrapped, serialised), never in the files the
 * build writes: the output folder stays exactly what `suture build` makes.
 */
#ifndef SUTURE_SERVEOVERLAY_H
#define SUTURE_SERVEOVERLAY_H

#include <stddef.h>

#include "base/str.h"
#include "check/check.h"

/* Where the overlay's style sheet is served (a file: the pages' Content-Security-Policy
 * allows no inline style), and its text. */
#define SERVE_OVERLAY_CSS_PATH "/__suture/overlay.css"
extern const char serve_overlay_css[];

typedef struct serve_overlay serve_overlay;

/*
 * The findings of one build: marks (check_lint's; moved into the overlay, and marks is left
 * empty) and article_pages (site_options.article_pages: each article's file, then its
 * page's URL). A finding in an article is shown on that article's page; one in a data file
 * (site.yaml, procedures.yaml, glossary.yaml) on every page. The overlay is shared by the
 * server's threads and freed by its last serve_overlay_release; NULL when marks is empty.
 */
serve_overlay *serve_overlay_new(check_marks *marks, const strlist *article_pages);

/* Take a reference to ov (NULL: none) for the time a page is served; returns ov. */
serve_overlay *serve_overlay_hold(serve_overlay *ov);

/* Drop a reference; the last one frees the overlay. Accepts NULL. */
void serve_overlay_release(serve_overlay *ov);

/*
 * The page html (len bytes), requested as url (a path such as /kb/articles/x/ or
 * /kb/articles/x/index.html), with its findings marked and listed, the overlay's style
 * sheet linked and the script script_src added at the end of the body. Returns the new
 * document (malloc'd, *out_len bytes), or NULL when the page has no finding or is not
 * HTML libxml2 can read (the caller serves it as it is).
 */
char *serve_overlay_page(const serve_overlay *ov, const char *url, const char *html, size_t len,
                         const char *script_src, size_t *out_len);

#endif
