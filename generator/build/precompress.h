/*
 * precompress.h: compressed copies beside the published text files (issue 20,
 * "Publishing"), for servers that send a file's .gz or .br instead of compressing it on
 * every request (nginx gzip_static and brotli_static, Netlify, Cloudflare Pages):
 *
 *     articles/smas/index.html      43 KiB
 *     articles/smas/index.html.gz    9 KiB   gzip (RFC 1952), zlib at its highest level
 *     articles/smas/index.html.br    8 KiB   Brotli (RFC 7932)
 *
 * Each copy is written only when it is smaller than the file. The bytes depend on the
 * file's bytes alone (the gzip header carries no time or name), so a full and an
 * incremental build publish the same copies.
 */
#ifndef SUTURE_PRECOMPRESS_H
#define SUTURE_PRECOMPRESS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Brotli's quality (0 to 11). 11 makes a 50 KB page about 12 % smaller than 5 does but
 * takes some 40 ms for it, seven minutes for 10,000 pages; 5 takes under 1 ms and still
 * beats gzip -9 by about 9 % (measured on the benchmark's pages, bench/run).
 */
#define PRECOMPRESS_BROTLI_QUALITY 5

/* Whether a file of this name (a path or a name) gets compressed copies: .html, .css, .js,
 * .json, .xml, .svg and .txt, any case. */
bool precompress_wanted(const char *name);

/* The compressed forms of a file's contents: each NULL (and its length 0) when it would not
 * be smaller than the file. */
typedef struct precompressed {
    unsigned char *gz; /* gzip (RFC 1952): zlib at level 9, no time or name in its header */
    size_t gz_len;
    unsigned char *br; /* Brotli (RFC 7932) at PRECOMPRESS_BROTLI_QUALITY */
    size_t br_len;
} precompressed;

/*
 * Compress data (len bytes, a file's contents) both ways into *out (free with
 * precompressed_free). Returns 0, or -1 with errno ENOMEM when a compressor fails (*out is
 * then empty).
 */
int precompress(const char *data, size_t len, precompressed *out);
void precompressed_free(precompressed *p);

#endif
