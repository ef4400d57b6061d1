/* manifest.c: the record of a build for incremental builds (see manifest.h). */
#include "manifest.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
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
    if (!f->state || XXH3_128bits_reset(f->state) != XXH_OK) {
        fputs("suture: out of memory\n", stderr);
        abort();
    }
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
        fingerprint_u64(f, UINT64_MAX); /* NULL is not "" */
        return;
    }
    fingerprint_bytes(f, s, strlen(s));
}

void fingerprint_hex(const fingerprint *f, char out[33])
{
    XXH128_hash_t h = XXH3_128bits_digest(f->state);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
             (unsigned long long)h.low64);
}

/* ---- the manifest ---- */

struct manifest {
    pthread_mutex_t lock;
    json_t *pages; /* path -> {"fingerprint": ..., "links": [...]} */
};

manifest *manifest_new(void)
{
    manifest *m = xcalloc(1, sizeof *m);
    pthread_mutex_init(&m->lock, NULL);
    m->pages = json_object();
    return m;
}

/* True when v is {"fingerprint": "<32 hex>", "links": ["...", ...]}. */
static bool S_valid_page(json_t *v)
{
    json_t *fp = json_object_get(v, "fingerprint");
    json_t *links = json_object_get(v, "links");
    if (!json_is_object(v) || !json_is_string(fp) || strlen(json_string_value(fp)) != 32 ||
        !json_is_array(links))
        return false;
    size_t i;
    json_t *l;
    json_array_foreach(links, i, l) if (!json_is_string(l)) return false;
    return true;
}

manifest *manifest_load(const char *site_dir)
{
    manifest *m = manifest_new();
    char *path = path_join(site_dir, MANIFEST_PATH);
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    free(path);
    json_t *pages = root ? json_object_get(root, "pages") : NULL;
    json_t *format = root ? json_object_get(root, "format") : NULL;
    if (json_is_object(pages) && json_is_integer(format) && json_integer_value(format) == 1) {
        const char *key;
        json_t *v;
        json_object_foreach(pages, key, v) if (S_valid_page(v))
            json_object_set(m->pages, key, v);
    }
    json_decref(root);
    return m;
}

void manifest_free(manifest *m)
{
    if (!m)
        return;
    json_decref(m->pages);
    pthread_mutex_destroy(&m->lock);
    free(m);
}

const char *manifest_page(const manifest *m, const char *rel_path, strlist *links)
{
    json_t *v = json_object_get(m->pages, rel_path);
    if (!v)
        return NULL;
    if (links) {
        size_t i;
        json_t *l;
        json_array_foreach(json_object_get(v, "links"), i, l)
            strlist_push(links, json_string_value(l));
    }
    return json_string_value(json_object_get(v, "fingerprint"));
}

void manifest_set_page(manifest *m, const char *rel_path, const char *fp, const strlist *links)
{
    json_t *list = json_array();
    for (size_t i = 0; links && i < links->len; i++)
        json_array_append_new(list, json_string(links->items[i]));
    json_t *v = json_pack("{s:s, s:o}", "fingerprint", fp, "links", list);
    pthread_mutex_lock(&m->lock);
    json_object_set_new(m->pages, rel_path, v);
    pthread_mutex_unlock(&m->lock);
}

void manifest_drop_page(manifest *m, const char *rel_path)
{
    pthread_mutex_lock(&m->lock);
    json_object_del(m->pages, rel_path);
    pthread_mutex_unlock(&m->lock);
}

char *manifest_json(const manifest *m, size_t *len)
{
    json_t *root = json_pack("{s:i, s:O}", "format", 1, "pages", m->pages);
    char *text = json_dumps(root, JSON_SORT_KEYS | JSON_INDENT(1));
    json_decref(root);
    if (!text) {
        fputs("suture: out of memory\n", stderr);
        abort();
    }
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, text);
    strbuf_putc(&b, '\n');
    free(text);
    *len = b.len;
    return strbuf_detach(&b);
}
