/* fingerprint.c: XXH3-128 digests over length-prefixed fields (see fingerprint.h). */
#include "base/fingerprint.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "base/alloc.h"

struct fingerprint {
    XXH3_state_t *state;
};

fingerprint *fingerprint_new(void)
{
    fingerprint *f = xcalloc(1, sizeof *f);
    f->state = XXH3_createState();
    if (!f->state || XXH3_128bits_reset(f->state) != XXH_OK)
        out_of_memory();
    return f;
}

void fingerprint_free(fingerprint *f)
{
    if (!f)
        return;
    XXH3_freeState(f->state);
    free(f);
}

void fingerprint_u64(fingerprint *f, uint64_t n)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(n >> (8 * i));
    XXH3_128bits_update(f->state, b, sizeof b);
}

void fingerprint_bytes(fingerprint *f, const void *data, size_t len)
{
    fingerprint_u64(f, len);
    if (len)
        XXH3_128bits_update(f->state, data, len);
}

void fingerprint_str(fingerprint *f, const char *s)
{
    if (!s) {
        fingerprint_u64(f, UINT64_MAX);
        return;
    }
    fingerprint_bytes(f, s, strlen(s));
}

fingerprint_digest fingerprint_digest_of(const fingerprint *f)
{
    XXH128_hash_t h = XXH3_128bits_digest(f->state);
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, h);
    fingerprint_digest d;
    memcpy(d.bytes, c.digest, sizeof d.bytes);
    return d;
}

fingerprint_digest fingerprint_digest_bytes(const void *data, size_t len)
{
    fingerprint *f = fingerprint_new();
    fingerprint_bytes(f, data, len);
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_free(f);
    return d;
}

void fingerprint_hex(const fingerprint_digest *d, char out[33])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[d->bytes[i] >> 4];
        out[2 * i + 1] = hex[d->bytes[i] & 15];
    }
    out[32] = '\0';
}

static int S_nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool fingerprint_parse(const char *hex, fingerprint_digest *d)
{
    if (!hex || strlen(hex) != 32)
        return false;
    for (int i = 0; i < 16; i++) {
        int hi = S_nibble(hex[2 * i]), lo = S_nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        d->bytes[i] = (unsigned char)(hi << 4 | lo);
    }
    return true;
}
