/* precompress.c: .gz and .br copies beside the published text files (see precompress.h). */
#define _GNU_SOURCE
#include "build/precompress.h"

#include <brotli/encode.h>
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "base/alloc.h"

bool precompress_wanted(const char *name)
{
    static const char *const ext[] = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt",
                                      NULL};
    size_t n = strlen(name);
    for (size_t i = 0; ext[i]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && strcasecmp(name + n - e, ext[i]) == 0)
            return true;
    }
    return false;
}

/* data gzipped (zlib at level 9, gzip wrapping with no time or name) into a malloc'd buffer
 * of *out_len bytes; NULL when zlib fails. */
static unsigned char *S_gzip(const char *data, size_t len, size_t *out_len)
{
    z_stream z = {0};
    /* 15 + 16: the largest window, with a gzip header and trailer. */
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return NULL;
    uLong cap = deflateBound(&z, (uLong)len);
    unsigned char *out = xmalloc(cap);
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    *out_len = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

/* data in Brotli's format into a malloc'd buffer of *out_len bytes; NULL on failure. */
static unsigned char *S_brotli(const char *data, size_t len, size_t *out_len)
{
    size_t cap = BrotliEncoderMaxCompressedSize(len);
    if (cap == 0)
        return NULL;
    unsigned char *out = xmalloc(cap);
    *out_len = cap;
    if (!BrotliEncoderCompress(PRECOMPRESS_BROTLI_QUALITY, BROTLI_DEFAULT_WINDOW,
                               BROTLI_MODE_TEXT, len, (const uint8_t *)data, out_len, out)) {
        free(out);
        return NULL;
    }
    return out;
}

int precompress(const char *data, size_t len, precompressed *out)
{
    *out = (precompressed){0};
    size_t gz_len = 0, br_len = 0;
    unsigned char *gz = S_gzip(data, len, &gz_len);
    unsigned char *br = S_brotli(data, len, &br_len);
    if (!gz || !br) {
        free(gz);
        free(br);
        errno = ENOMEM;
        return -1;
    }
    if (gz_len < len)
        *out = (precompressed){.gz = gz, .gz_len = gz_len};
    else
        free(gz);
    if (br_len < len) {
        out->br = br;
        out->br_len = br_len;
    } else {
        free(br);
    }
    return 0;
}

void precompressed_free(precompressed *p)
{
    free(p->gz);
    free(p->br);
    *p = (precompressed){0};
}
