/*
 * manifest.h: what a build made, kept with the site so that the next build can reuse the
 * pages whose inputs have not changed (issue 4, "Incremental builds").
 *
 * The manifest lives in the output folder, <site>/.suture/manifest.json, and is swapped in
 * with the site it describes, so the two always agree. For each page it records a
 * fingerprint of everything the page was made from (see site.c) and the articles the page
 * links to, whose metadata the next fingerprint must include:
 *
 *     {"format": 1,
 *      "pages": {"articles/dimpling/index.html":
 *                  {"fingerprint": "<32 hex digits>", "links": ["layers.md"]}}}
 *
 * A fingerprint is XXH3-128 (libxxhash) over a sequence of fields, each written with its
 * length, so that no two sequences give the same bytes.
 */
#ifndef SUTURE_MANIFEST_H
#define SUTURE_MANIFEST_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* ---- fingerprints ---- */

typedef struct fingerprint fingerprint;

fingerprint *fingerprint_new(void);
void fingerprint_free(fingerprint *f);
/* Add a field: bytes, a C string, or a number. */
void fingerprint_bytes(fingerprint *f, const void *data, size_t len);
void fingerprint_str(fingerprint *f, const char *s);
void fingerprint_u64(fingerprint *f, uint64_t n);
/* The fingerprint of the fields added so far, as 32 lower-case hex digits and a '\0'. */
void fingerprint_hex(const fingerprint *f, char out[33]);

/* ---- the manifest ---- */

typedef struct manifest manifest;

/* An empty manifest, to fill while building. */
manifest *manifest_new(void);

/*
 * The manifest of the site in site_dir, or an empty one when it has none, or one this
 * version cannot read (a damaged or older manifest only costs a full build). Never NULL.
 */
manifest *manifest_load(const char *site_dir);

void manifest_free(manifest *m);

/*
 * The fingerprint recorded for the page at rel_path (a path inside the site, such as
 * "articles/x/index.html"), or NULL. links, when not NULL, receives the page's recorded
 * link targets (article file names, appended; the strings are copies).
 */
const char *manifest_page(const manifest *m, const char *rel_path, strlist *links);

/*
 * Record a page. Safe to call from several threads at once. A page recorded twice keeps
 * the last record.
 */
void manifest_set_page(manifest *m, const char *rel_path, const char *fingerprint,
                       const strlist *links);

/* Forget a page (one that must be made again next time). */
void manifest_drop_page(manifest *m, const char *rel_path);

/*
 * The manifest as JSON, keys sorted so that the same pages always give the same bytes
 * (malloc'd; the caller frees it; *len receives its length).
 */
char *manifest_json(const manifest *m, size_t *len);

/* Where the manifest lives inside a site folder. */
#define MANIFEST_PATH ".suture/manifest.json"

#endif
