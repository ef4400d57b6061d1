/*
 * manifest.h: what a build made, kept with the site so that the next build can reuse the
 * pages whose inputs have not changed (issue 4, "Incremental builds").
 *
 * The manifest lives in the output folder, <site>/.suture/manifest.jsonl, and is swapped
 * in with the site it describes, so the two always agree. It is JSON Lines, read and
 * written a line at a time so that a site of 100,000 pages never holds it whole:
 *
 *     {"format": 2}
 *     {"page": "articles/dimpling/index.html", "fingerprint": "<32 hex digits>",
 *      "links": ["layers.md"]}
 *
 * (each record on one line), one record per page, sorted by page. The fingerprint covers
 * everything the page was made from (see site.c); links are the articles the page links
 * to, whose metadata the next build's fingerprint must cover too.
 *
 * A fingerprint is XXH3-128 (libxxhash) over a sequence of fields, each written with its
 * length, so that no two sequences give the same bytes.
 */
#ifndef SUTURE_MANIFEST_H
#define SUTURE_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

/* Where the manifest lives inside a site folder. */
#define MANIFEST_PATH ".suture/manifest.jsonl"

/* ---- fingerprints ---- */

typedef struct fingerprint fingerprint;

/* A digest: 16 bytes. */
typedef struct fingerprint_digest {
    unsigned char bytes[16];
} fingerprint_digest;

fingerprint *fingerprint_new(void);
void fingerprint_free(fingerprint *f);
/* Add a field: bytes, a C string (NULL differs from ""), or a number. */
void fingerprint_bytes(fingerprint *f, const void *data, size_t len);
void fingerprint_str(fingerprint *f, const char *s);
void fingerprint_u64(fingerprint *f, uint64_t n);
/* The digest of the fields added so far. */
fingerprint_digest fingerprint_digest_of(const fingerprint *f);
/* A digest as 32 lower-case hex digits and a '\0', and back (false for anything else). */
void fingerprint_hex(const fingerprint_digest *d, char out[33]);
bool fingerprint_parse(const char *hex, fingerprint_digest *d);

/* ---- reading ---- */

/* Called for each page of a manifest; links holds the page's link targets. */
typedef void (*manifest_page_fn)(void *ctx, const char *page, const fingerprint_digest *fp,
                                 const strlist *links);

/*
 * Read the manifest of the site in site_dir, calling fn for each well-formed record.
 * A missing manifest, a damaged line or another format version is not an error: those
 * pages are simply made again. Returns how many records it passed to fn.
 */
size_t manifest_read(const char *site_dir, manifest_page_fn fn, void *ctx);

/* ---- writing ---- */

/* The header line; then manifest_write_page for each page, in the order of their paths. */
void manifest_write_header(FILE *out);
void manifest_write_page(FILE *out, const char *page, const fingerprint_digest *fp,
                         const char *links, size_t n_links);

#endif
