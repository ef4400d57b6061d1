/*
 * manifest.h: what a build made, kept with the site so that the next build can reuse the
 * pages whose inputs have not changed (issue 4, "Incremental builds").
 *
 * The manifest lives in the output folder, <site>/.suture/manifest.jsonl, and is swapped
 * in with the site it describes, so the two always agree. It is JSON Lines, read and
 * written a line at a time so that a site of 100,000 pages never holds it whole:
 *
 *     {"format": 3, "program": "<32 hex digits>"}
 *     {"page": "articles/dimpling/index.html", "fingerprint": "<32 hex digits>",
 *      "links": ["layers.md"], "source": "<32 hex digits>", "ids": ["causes", "risks"]}
 *     {"page": "topics/smas/index.html", "fingerprint": "<32 hex digits>", "links": []}
 *
 * (each record on one line), one record per page, sorted by page. "program" identifies the
 * suture binary that wrote it: a manifest from another one is not read at all. The
 * fingerprint covers everything the page was made from (build/articlepage.c for an
 * article's page, build/output.c for the others); links are the articles the page links
 * to, whose metadata the next build's fingerprint must cover too.
 * An article's page also records its source (the fingerprint of the article file's bytes)
 * and the ids of its headings, so that the next build need not parse an unchanged article
 * to know which #anchors other articles may link to.
 *
 * Fingerprints are base/fingerprint.h's. This module reads and writes the file;
 * build/incremental.h compares what it holds with what a build makes.
 */
#ifndef SUTURE_MANIFEST_H
#define SUTURE_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "base/fingerprint.h"
#include "base/str.h"

/* Where the manifest lives inside a site folder. */
#define MANIFEST_PATH ".suture/manifest.jsonl"
/* The format version this suture reads and writes. */
#define MANIFEST_FORMAT 3

/* ---- reading ---- */

/* One record: what the build that wrote it knew of one page. */
typedef struct manifest_page {
    const char *page;               /* the page's file in the site */
    fingerprint_digest fingerprint; /* of everything the page was made from */
    const strlist *links;           /* article file names the page links to */
    bool has_source;                /* an article's page: the next two are set */
    fingerprint_digest source;      /* of the article file's bytes */
    const strlist *heading_ids;     /* of the article's body, in order */
} manifest_page;

/* Called for each record of a manifest; p and what it points to live for the call only. */
typedef void (*manifest_page_fn)(void *ctx, const manifest_page *p);

/*
 * Read the manifest of the site in site_dir, written by the program whose fingerprint is
 * program, calling fn for each well-formed record. A missing manifest, a damaged line,
 * another format version or another program is not an error: those pages are simply made
 * again. *precompressed (when not NULL) receives whether the header says the site has the
 * .gz and .br copies (precompress.h); false when it does not say. Returns how many records
 * it passed to fn.
 */
size_t manifest_read(const char *site_dir, const fingerprint_digest *program, bool *precompressed,
                     manifest_page_fn fn, void *ctx);

/* ---- writing ---- */

/*
 * The strings of l packed as manifest_write_page takes them: one after another, each
 * ending in '\0', in one allocation (a site of 100,000 pages keeps them all: one
 * allocation each would cost far more). The caller frees the result; never NULL.
 */
char *manifest_pack(const strlist *l);

/*
 * The header line, naming the program that writes the manifest and whether the site has the
 * .gz and .br copies beside its text files (precompressed); then manifest_write_page for
 * each page, in the order of their paths. links and heading_ids are packed: n strings one
 * after another, each ending in '\0' (NULL when n is 0); source is NULL for a page that is
 * not an article's, and heading_ids is then ignored.
 */
void manifest_write_header(FILE *out, const fingerprint_digest *program, bool precompressed);
void manifest_write_page(FILE *out, const char *page, const fingerprint_digest *fp,
                         const char *links, size_t n_links, const fingerprint_digest *source,
                         const char *heading_ids, size_t n_heading_ids);

#endif
