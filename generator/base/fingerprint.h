/*
 * fingerprint.h: a digest of what something was made from, for incremental builds
 * (build/manifest.h records them; build/incremental.h compares them).
 *
 * A fingerprint is XXH3-128 (libxxhash, https://xxhash.com) over a sequence of fields,
 * each written with its length (a little-endian 64-bit count, then the bytes), so that no
 * two sequences of fields give the same bytes. It is not a cryptographic hash: it tells
 * an unchanged input from a changed one, not a forged one from a true one.
 */
#ifndef SUTURE_FINGERPRINT_H
#define SUTURE_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fingerprint fingerprint;

/* A digest: 16 bytes. */
typedef struct fingerprint_digest {
    unsigned char bytes[16];
} fingerprint_digest;

/* A new fingerprint with no fields, owned by the caller (fingerprint_free). Aborts through
 * out_of_memory() when memory runs out. */
fingerprint *fingerprint_new(void);
/* Free f; NULL is allowed. */
void fingerprint_free(fingerprint *f);
/* Add a field: len bytes, a C string (NULL differs from ""), or a number. */
void fingerprint_bytes(fingerprint *f, const void *data, size_t len);
void fingerprint_str(fingerprint *f, const char *s);
void fingerprint_u64(fingerprint *f, uint64_t n);
/* The digest of the fields added so far (f can take more fields afterwards). */
fingerprint_digest fingerprint_digest_of(const fingerprint *f);
/* The digest of a fingerprint whose one field is data (len bytes): what an incremental build
 * records of a source file's bytes, wherever they were read. */
fingerprint_digest fingerprint_digest_bytes(const void *data, size_t len);
/* A digest as 32 lower-case hex digits and a '\0', and back (false for anything else:
 * upper case, another length, a NULL hex). */
void fingerprint_hex(const fingerprint_digest *d, char out[33]);
bool fingerprint_parse(const char *hex, fingerprint_digest *d);

#endif
