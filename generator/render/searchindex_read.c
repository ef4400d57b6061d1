/* searchindex_read.c: an old search index read back, and the entries of unchanged
 * articles taken from it (see searchindex.h). */
#define _GNU_SOURCE
#include "render/searchindex.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/hash.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "render/searchindex_private.h"

/* ---- reading an index back ---- */

/* The value of a lower-case hex digit, or -1. */
static int S_hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decode a postings string (as searchindex_write.c encodes it) of an index of n articles
 * into p. False when it is not one. */
static bool S_decode_postings(const char *s, size_t n, si_postings *p)
{
    if (s[0] == '#') {
        size_t digits = strlen(s + 1), bytes = (n + 7) / 8;
        if (digits % 2 || digits / 2 > bytes || p->n || p->bits)
            return false;
        p->bits = xcalloc(bytes + 1, 1);
        for (size_t j = 0; j < digits / 2; j++) {
            int hi = S_hex(s[1 + 2 * j]), lo = S_hex(s[2 + 2 * j]);
            if (hi < 0 || lo < 0)
                return false;
            p->bits[j] = (unsigned char)(hi << 4 | lo);
        }
        /* No article past the last. */
        return n % 8 == 0 || digits / 2 < bytes || !(p->bits[bytes - 1] >> (n % 8));
    }
    unsigned long long at = 0;
    bool first = true;
    for (const char *q = s; *q;) {
        char *end;
        errno = 0;
        unsigned long long gap = strtoull(q, &end, 36);
        if (end == q || errno || (*end && *end != ' ') || (!first && gap == 0) || *q == '-' ||
            *q == '+' || *q == ' ')
            return false;
        at = first ? gap : at + gap;
        if (at >= n)
            return false;
        si_postings_add(p, (uint32_t)at, n);
        first = false;
        q = *end ? end + 1 : end;
    }
    return true;
}

searchindex *searchindex_read(const char *path)
{
    /* Read as every file is (file_read): a named pipe in its place cannot block the build. */
    size_t len = 0;
    char *data = file_read(path, &len);
    if (!data)
        return NULL;
    json_error_t error;
    json_t *root = json_loadb(data, len, 0, &error);
    free(data);
    if (!root)
        return NULL;
    json_t *format = json_object_get(root, "format");
    json_t *articles = json_object_get(root, "articles");
    json_t *headings = json_object_get(root, "headings");
    json_t *words = json_object_get(root, "words");
    json_t *postings = json_object_get(root, "postings");
    if (!json_is_integer(format) || json_integer_value(format) != SEARCHINDEX_FORMAT ||
        !json_is_array(articles) || !json_is_array(headings) || !json_is_array(words) ||
        !json_is_array(postings) ||
        json_array_size(words) != json_array_size(postings) ||
        json_array_size(articles) >= SI_NONE) {
        json_decref(root);
        return NULL;
    }
    size_t n = json_array_size(articles);
    searchindex *si = searchindex_new(n);
    si->by_url = xmlHashCreate((int)(n < 64 ? 64 : n));
    bool ok = si->by_url != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        json_t *a = json_array_get(articles, i);
        json_t *url = json_object_get(a, "url");
        json_t *hs = json_object_get(a, "headings");
        if (!json_is_string(url) || !json_is_array(hs)) {
            ok = false;
            break;
        }
        searchindex_set_article(si, i, json_string_value(url), "", "", "");
        strbuf packed = STRBUF_INIT;
        for (size_t h = 0; ok && h < json_array_size(hs); h++) {
            json_t *number = json_array_get(hs, h);
            json_t *pair = json_is_integer(number) && json_integer_value(number) >= 0
                               ? json_array_get(headings, (size_t)json_integer_value(number))
                               : NULL;
            json_t *text = json_array_get(pair, 0), *id = json_array_get(pair, 1);
            ok = json_is_array(pair) && json_array_size(pair) == 2 && json_is_string(text) &&
                 json_is_string(id);
            if (ok) {
                strbuf_append(&packed, json_string_value(text), strlen(json_string_value(text)) + 1);
                strbuf_append(&packed, json_string_value(id), strlen(json_string_value(id)) + 1);
            }
        }
        si->articles[i].headings = strbuf_detach(&packed);
        si->articles[i].n_headings = (uint32_t)json_array_size(hs);
        /* The excerpt; an index without one is not this format's. */
        json_t *text = json_object_get(a, "text");
        ok = ok && json_is_array(text);
        strbuf sentences = STRBUF_INIT;
        for (size_t k = 0; ok && k < json_array_size(text); k++) {
            json_t *sentence = json_array_get(text, k);
            ok = json_is_string(sentence);
            if (ok)
                strbuf_append(&sentences, json_string_value(sentence),
                              strlen(json_string_value(sentence)) + 1);
        }
        si->articles[i].text = strbuf_detach(&sentences);
        si->articles[i].n_text = ok ? (uint32_t)json_array_size(text) : 0;
        si->articles[i].has_body = true;
        /* Two articles at one address: the first is taken, as in the file's order. */
        xmlHashAddEntry(si->by_url, BAD_CAST json_string_value(url), (void *)(uintptr_t)(i + 1));
    }
    for (size_t k = 0; ok && k < json_array_size(words); k++) {
        json_t *w = json_array_get(words, k), *p = json_array_get(postings, k);
        /* An earlier word's number: that word's postings (which are a string). */
        if (json_is_integer(p) && json_integer_value(p) >= 0 &&
            (size_t)json_integer_value(p) < k)
            p = json_array_get(postings, (size_t)json_integer_value(p));
        if (!json_is_string(w) || !json_is_string(p) ||
            xmlHashLookup(si->vocab, BAD_CAST json_string_value(w))) {
            ok = false;
            break;
        }
        size_t id = si_word_id(si, json_string_value(w));
        ok = S_decode_postings(json_string_value(p), n, &si->postings[id]);
    }
    json_decref(root);
    if (!ok) {
        searchindex_free(si);
        return NULL;
    }
    return si;
}

/* A copy of n packed strings (each ending in '\0') at p; "" for none. */
static char *S_packed_copy(const char *p, uint32_t n)
{
    const char *end = p;
    for (uint32_t k = 0; p && k < n; k++)
        end += strlen(end) + 1;
    size_t size = (size_t)(end - p);
    char *copy = xmalloc(size + 1);
    if (size)
        memcpy(copy, p, size);
    copy[size] = '\0';
    return copy;
}

/* Copy old article o's packed headings and excerpt into a, which then counts as having
 * its body. */
static void S_take_headings(si_article *a, const si_article *o)
{
    free(a->text);
    a->text = S_packed_copy(o->text, o->n_text);
    a->n_text = o->n_text;
    a->headings = S_packed_copy(o->headings, 2 * o->n_headings);
    a->n_headings = o->n_headings;
    a->has_body = true;
}

/*
 * Match the articles of si still without a body to old's by address: to[j] becomes the new
 * number of old article j (SI_NONE when none takes it), and the taken articles get old's
 * headings. Returns whether any was taken.
 */
static bool S_match_articles(searchindex *si, const searchindex *old, uint32_t *to)
{
    for (size_t j = 0; j < old->n; j++)
        to[j] = SI_NONE;
    bool any = false;
    for (size_t i = 0; i < si->n; i++) {
        si_article *a = &si->articles[i];
        if (a->has_body || !a->url)
            continue;
        void *found = xmlHashLookup(old->by_url, BAD_CAST a->url);
        size_t j = found ? (size_t)(uintptr_t)found - 1 : SIZE_MAX;
        if (j >= old->n || to[j] != SI_NONE)
            continue;
        to[j] = (uint32_t)i;
        S_take_headings(a, &old->articles[j]);
        any = true;
    }
    return any;
}

/* The taken articles' field words, as searchindex_add_body adds them. */
static void S_add_taken_fields(searchindex *si, const searchindex *old, const uint32_t *to)
{
    for (size_t j = 0; j < old->n; j++) {
        if (to[j] == SI_NONE)
            continue;
        si_wordbuf wb = {STRBUF_INIT, NULL, 0, 0};
        si_collect_fields(&si->articles[to[j]], &wb);
        si_add_words(si, to[j], &wb);
        si_wordbuf_free(&wb);
    }
}

/*
 * When the articles keep their numbers (an edit, the usual incremental build), a bit set is
 * taken a byte at a time, masked to the articles taken: the mask (bytes + 1 bytes, caller
 * frees), else NULL.
 */
static unsigned char *S_same_numbers_mask(const searchindex *si, const searchindex *old,
                                          const uint32_t *to, size_t bytes)
{
    bool same_numbers = old->n == si->n;
    for (size_t j = 0; same_numbers && j < old->n; j++)
        same_numbers = to[j] == SI_NONE || to[j] == j;
    unsigned char *mask = same_numbers ? xcalloc(bytes + 1, 1) : NULL;
    for (size_t j = 0; mask && j < old->n; j++)
        if (to[j] != SI_NONE)
            mask[j / 8] |= (unsigned char)(1u << (j % 8));
    return mask;
}

/* Or old's bit set for word into si's postings of the same word, masked (bytes long). */
static void S_take_bits(searchindex *si, const char *word, const unsigned char *old_bits,
                        const unsigned char *mask, size_t bytes)
{
    size_t id = si_word_id(si, word); /* may move si->postings */
    si_postings *p = &si->postings[id];
    /* Into a bit set: an article's numbers, if any, are set as bits first. */
    if (!p->bits) {
        unsigned char *set = xcalloc(bytes + 1, 1);
        for (uint32_t m = 0; m < p->n; m++)
            set[p->ids[m] / 8] |= (unsigned char)(1u << (p->ids[m] % 8));
        free(p->ids);
        *p = (si_postings){.bits = set};
    }
    for (size_t j = 0; j < bytes; j++)
        p->bits[j] |= old_bits[j] & mask[j];
}

/* The body postings of the taken articles, word by word, renumbered through to. */
static void S_take_postings(searchindex *si, const searchindex *old, const uint32_t *to)
{
    size_t bytes = (si->n + 7) / 8;
    unsigned char *mask = S_same_numbers_mask(si, old, to, bytes);
    uint32_t *ids = xcalloc(old->n + 1, sizeof *ids);
    for (size_t k = 0; k < old->n_words; k++) {
        if (mask && old->postings[k].bits) {
            S_take_bits(si, old->words[k], old->postings[k].bits, mask, bytes);
            continue;
        }
        size_t n = si_postings_list(&old->postings[k], old->n, ids);
        size_t id = SIZE_MAX;
        for (size_t m = 0; m < n; m++) {
            if (to[ids[m]] == SI_NONE)
                continue;
            if (id == SIZE_MAX)
                id = si_word_id(si, old->words[k]);
            si_postings_add(&si->postings[id], to[ids[m]], si->n);
        }
    }
    free(ids);
    free(mask);
}

size_t searchindex_take_from(searchindex *si, const searchindex *old)
{
    if (old && old->by_url && old->n) {
        uint32_t *to = xcalloc(old->n, sizeof *to);
        if (S_match_articles(si, old, to)) {
            S_add_taken_fields(si, old, to);
            S_take_postings(si, old, to);
        }
        free(to);
    }
    size_t missing = 0;
    for (size_t i = 0; i < si->n; i++)
        missing += !si->articles[i].has_body;
    return missing;
}
