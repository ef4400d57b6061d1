/*
 * incremental.h: incremental builds (issue 4, "Incremental builds"): what the site being
 * replaced holds, which of its pages this build can take unchanged, and what this build
 * made, for the manifest (manifest.h) the next build reads.
 *
 * Every call names a page by its page path: the path of the page's file in the site,
 * "articles/dimpling/index.html". A build goes through four phases:
 *
 *   1. incremental_open reads the old site's manifest. While the articles are loaded,
 *      incremental_take_heading_ids hands over what it recorded of an unchanged article
 *      file, and incremental_add_article / incremental_add_page declare this build's pages.
 *   2. incremental_plan sorts the pages and pairs each with its old record (an article's
 *      page with an article's record, any other page with another page's); the old records
 *      are freed.
 *   3. While pages are rendered: incremental_check, incremental_made, incremental_take and
 *      their like, for one page each.
 *   4. incremental_forget* drops the pages that had something to say, then incremental_write
 *      writes the manifest.
 *
 * Threads: in phase 1, incremental_take_heading_ids and incremental_add_* may be called
 * from several threads at once. In phase 3, the calls about one page may come from any
 * thread, as long as one thread alone makes each page (calls about different pages may
 * run at once). incremental_open, incremental_plan and phase 4 run on one thread, with no
 * other call running. Two declarations of one page (two articles with one slug, an error
 * of the build) make one page that is never taken unchanged and whose records are ignored.
 */
#ifndef SUTURE_INCREMENTAL_H
#define SUTURE_INCREMENTAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/fingerprint.h"
#include "base/str.h"
#include "build/publish.h"

typedef struct incremental incremental;

/* ---- 1. the old site, and this build's pages ---- */

/*
 * Read the manifest of the site in site_dir (manifest_read), kept if it was written by the
 * program whose fingerprint is program (this build writes that one into the new manifest).
 * A missing, damaged or foreign manifest is no error: the pages are then made again.
 * precompressed: whether this build writes the .gz and .br copies (precompress.h); a site
 * that had them and one that did not differ even when every page is the same.
 * Returns a new incremental build; free it with incremental_free. Never NULL.
 */
incremental *incremental_open(const char *site_dir, const fingerprint_digest *program,
                              bool precompressed);

/* Free inc and everything it holds; NULL is allowed. */
void incremental_free(incremental *inc);

/* How many pages the old manifest recorded (0 without one). */
size_t incremental_old_count(const incremental *inc);

/*
 * The heading ids the old manifest recorded for the article page at page, when its article
 * file had the bytes whose fingerprint is source then too: the same bytes have the same
 * headings, so the article need not be parsed for them. Returns them packed (manifest.h),
 * with their count in *n; the caller owns them (free). NULL when unknown or when they were
 * handed out already (each record's ids are handed out once).
 */
char *incremental_take_heading_ids(incremental *inc, const char *page,
                                   const fingerprint_digest *source, uint32_t *n);

/*
 * Declare an article's page that this build makes: the fingerprint of its file's bytes
 * (source) and its body's heading ids, packed, n_ids of them. heading_ids is borrowed: it
 * must live until incremental_write is done.
 */
void incremental_add_article(incremental *inc, const char *page,
                             const fingerprint_digest *source, const char *heading_ids,
                             uint32_t n_ids);

/* Declare a page that is not an article's (home, topic lists, compare, glossary...). */
void incremental_add_page(incremental *inc, const char *page);

/* ---- 2. ---- */

/* Sort the declared pages by page path and pair each with its old record. */
void incremental_plan(incremental *inc);

/* ---- 3. one page each ---- */

/* The article file's fingerprint declared for page; NULL for a page not declared so. */
const fingerprint_digest *incremental_source(const incremental *inc, const char *page);

/*
 * The links (article file names, packed, *n of them) the old manifest recorded for page.
 * False when the page has no old record; *links and *n are then NULL and 0.
 */
bool incremental_old_links(const incremental *inc, const char *page, const char **links,
                           size_t *n);

/*
 * Whether fp, the fingerprint of what page would be made from, is what the old manifest
 * recorded for it: the page in the old site is then what this build would make. Remembered
 * for incremental_unchanged and incremental_nothing_changed. False for a page not declared.
 */
bool incremental_check(incremental *inc, const char *page, const fingerprint_digest *fp);

/* What incremental_check or incremental_made found for page last: true when unchanged. */
bool incremental_unchanged(const incremental *inc, const char *page);

/*
 * Take page from the old site in from_dir into the staging folder stage (publish_link: a
 * hard link, or a copy), when incremental_unchanged says it is this build's and the old
 * site still has its file; the page then records the old fingerprint and links again.
 * True when it was taken; false otherwise (the page is to be made: nothing is reported).
 */
bool incremental_take(incremental *inc, const char *page, publish_stage *stage,
                      const char *from_dir);

/*
 * Record what this build made page from: fp, and the article file names it links to (links,
 * NULL for none; copied). Returns whether fp is what the old manifest recorded (the page may
 * then be taken from the old site instead of being made).
 */
bool incremental_made(incremental *inc, const char *page, const fingerprint_digest *fp,
                      const strlist *links);

/*
 * True when the old site is this build's: every declared article page was found unchanged
 * by incremental_check, every other page has an old record, there is at least one article
 * page, the old manifest recorded no other page (none was removed), and the old site has
 * the .gz and .br copies exactly when this build makes them.
 */
bool incremental_nothing_changed(const incremental *inc);

/* ---- 4. ---- */

/* Leave page out of the new manifest: it is made again next time. */
void incremental_forget(incremental *inc, const char *page);

/* Leave every page that is not an article's out, and the articles' too when articles. */
void incremental_forget_pages(incremental *inc, bool articles);

/*
 * Write the new manifest to out: the header naming the program, then a record for each
 * page made or kept and not forgotten, in page-path order. Write errors show in out
 * (ferror).
 */
void incremental_write(const incremental *inc, FILE *out);

#endif
