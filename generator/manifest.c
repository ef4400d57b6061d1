/* manifest.c: the record of a build for incremental builds (see manifest.h). */
#define _GNU_SOURCE
#include "manifest.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

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

/* ---- reading ---- */

/* The strings of a JSON array into l; false when it is not an array of strings. */
static bool S_strings(const json_t *array, strlist *l)
{
    if (!json_is_array(array))
        return false;
    size_t i;
    json_t *v;
    json_array_foreach(array, i, v) {
        if (!json_is_string(v))
            return false;
        strlist_push(l, json_string_value(v));
    }
    return true;
}

/* A digest given as 32 hex digits in member name of v; false when it is not one. */
static bool S_digest(const json_t *v, const char *name, fingerprint_digest *d)
{
    const json_t *hex = json_object_get(v, name);
    return json_is_string(hex) && fingerprint_parse(json_string_value(hex), d);
}

/* Pass one record line to fn when it is well formed; true when it was. */
static bool S_record(const char *line, manifest_page_fn fn, void *ctx)
{
    json_error_t err;
    json_t *v = json_loads(line, 0, &err);
    json_t *page = json_object_get(v, "page");
    strlist links = STRLIST_INIT, ids = STRLIST_INIT;
    manifest_page p = {.links = &links, .heading_ids = &ids};
    bool ok = json_is_object(v) && json_is_string(page) &&
              S_digest(v, "fingerprint", &p.fingerprint) &&
              S_strings(json_object_get(v, "links"), &links);
    if (ok && json_object_get(v, "source")) {
        p.has_source = true;
        ok = S_digest(v, "source", &p.source) && S_strings(json_object_get(v, "ids"), &ids);
    }
    if (ok) {
        p.page = json_string_value(page);
        fn(ctx, &p);
    }
    strlist_free(&links);
    strlist_free(&ids);
    json_decref(v);
    return ok;
}

size_t manifest_read(const char *site_dir, const fingerprint_digest *program,
                     manifest_page_fn fn, void *ctx)
{
    char *path = path_join(site_dir, MANIFEST_PATH);
    FILE *in = file_open_regular(path);
    free(path);
    if (!in)
        return 0;
    char *line = NULL;
    size_t cap = 0, n = 0;
    ssize_t got = getline(&line, &cap, in);
    json_error_t err;
    json_t *head = got > 0 ? json_loads(line, 0, &err) : NULL;
    json_t *format = json_object_get(head, "format");
    fingerprint_digest written_by;
    if (json_is_integer(format) && json_integer_value(format) == MANIFEST_FORMAT &&
        S_digest(head, "program", &written_by) &&
        memcmp(&written_by, program, sizeof written_by) == 0)
        while (getline(&line, &cap, in) > 0)
            n += S_record(line, fn, ctx);
    json_decref(head);
    free(line);
    fclose(in);
    return n;
}

/* ---- writing ---- */

void manifest_write_header(FILE *out, const fingerprint_digest *program)
{
    char hex[33];
    fingerprint_hex(program, hex);
    fprintf(out, "{\"format\": %d, \"program\": \"%s\"}\n", MANIFEST_FORMAT, hex);
}

/* n packed strings as a JSON array; NULL when one is not UTF-8 (JSON cannot hold it). */
static json_t *S_array(const char *packed, size_t n)
{
    json_t *list = json_array();
    const char *p = packed;
    for (size_t i = 0; list && i < n; i++, p += strlen(p) + 1)
        if (json_array_append_new(list, json_string(p)) != 0) {
            json_decref(list);
            list = NULL;
        }
    return list;
}

void manifest_write_page(FILE *out, const char *page, const fingerprint_digest *fp,
                         const char *links, size_t n_links, const fingerprint_digest *source,
                         const char *heading_ids, size_t n_heading_ids)
{
    char hex[33];
    fingerprint_hex(fp, hex);
    json_t *list = S_array(links, n_links);
    json_t *page_name = json_string(page);
    /* A page or link that JSON cannot hold is left out: the page is made again next time. */
    if (!list || !page_name) {
        json_decref(list);
        json_decref(page_name);
        return;
    }
    json_t *v = json_pack("{s:o, s:s, s:o}", "page", page_name, "fingerprint", hex, "links",
                          list);
    json_t *ids = v && source ? S_array(heading_ids, n_heading_ids) : NULL;
    if (ids) {
        char src[33];
        fingerprint_hex(source, src);
        json_object_set_new(v, "source", json_string(src));
        json_object_set_new(v, "ids", ids);
    }
    char *text = v ? json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    if (!text)
        out_of_memory();
    fputs(text, out);
    fputc('\n', out);
    free(text);
    json_decref(v);
}
