/* manifest.c: the record of a build for incremental builds (see manifest.h). */
#define _GNU_SOURCE
#include "build/manifest.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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

size_t manifest_read(const char *site_dir, const fingerprint_digest *program, bool *precompressed,
                     manifest_page_fn fn, void *ctx)
{
    if (precompressed)
        *precompressed = false;
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
        memcmp(&written_by, program, sizeof written_by) == 0) {
        if (precompressed)
            *precompressed = json_is_true(json_object_get(head, "precompressed"));
        while (getline(&line, &cap, in) > 0)
            n += S_record(line, fn, ctx);
    }
    json_decref(head);
    free(line);
    fclose(in);
    return n;
}

/* ---- writing ---- */

char *manifest_pack(const strlist *l)
{
    size_t total = 0;
    for (size_t i = 0; i < l->len; i++)
        total += strlen(l->items[i]) + 1;
    char *packed = xmalloc(total + 1);
    char *p = packed;
    for (size_t i = 0; i < l->len; i++) {
        size_t n = strlen(l->items[i]) + 1;
        memcpy(p, l->items[i], n);
        p += n;
    }
    return packed;
}

void manifest_write_header(FILE *out, const fingerprint_digest *program, bool precompressed)
{
    char hex[33];
    fingerprint_hex(program, hex);
    fprintf(out, "{\"format\": %d, \"program\": \"%s\", \"precompressed\": %s}\n",
            MANIFEST_FORMAT, hex, precompressed ? "true" : "false");
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
