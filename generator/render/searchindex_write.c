/* searchindex_write.c: the search index written as JSON (see searchindex.h). */
#define _GNU_SOURCE
#include "render/searchindex.h"

#include <jansson.h>
#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "render/searchindex_private.h"

/* ---- JSON ---- */

/* A JSON string; text that is not UTF-8 (which suture's readers never let through) is
 * written empty rather than stopping the build. */
static json_t *S_string(const char *s)
{
    json_t *v = json_string(s ? s : "");
    return v ? v : json_string("");
}

static int S_by_id(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The articles p holds, sorted, each once, into ids (room for p->n or n entries). */
size_t si_postings_list(const si_postings *p, size_t n, uint32_t *ids)
{
    size_t count = 0;
    if (p->bits) {
        for (size_t j = 0; j < (n + 7) / 8; j++)
            for (unsigned k = 0; p->bits[j] && k < 8; k++)
                if (p->bits[j] & (1u << k))
                    ids[count++] = (uint32_t)(8 * j + k);
        return count;
    }
    if (p->n)
        memcpy(ids, p->ids, p->n * sizeof *ids);
    count = p->n;
    /* Threads add in any order. */
    qsort(ids, count, sizeof *ids, S_by_id);
    size_t out = 0;
    for (size_t i = 0; i < count; i++)
        if (out == 0 || ids[out - 1] != ids[i])
            ids[out++] = ids[i];
    return out;
}

/* v in base 36, digits then lower-case letters, appended to b. */
static void S_base36(strbuf *b, uint32_t v)
{
    char digits[8];
    int k = 0;
    do {
        digits[k++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
        v /= 36;
    } while (v);
    while (k > 0)
        strbuf_putc(b, digits[--k]);
}

/*
 * The postings string of a word held by the n sorted articles ids: either the gaps between
 * them (the first number itself, then each one's distance from the one before) in base 36,
 * separated by spaces ("0 3 a"), or "#" and a bit set in hex, two digits a byte, bit k of
 * byte j (from the least significant) for article 8j + k, trailing zero bytes left out
 * ("#0d"), whichever is shorter (the gaps when equal).
 */
static char *S_encode_postings(const uint32_t *ids, size_t n)
{
    size_t bytes = n ? ids[n - 1] / 8 + 1 : 0, gaps_len = n ? n - 1 : 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t v = i ? ids[i] - ids[i - 1] : ids[i]; gaps_len++, v >= 36;)
            v /= 36;
    if (n == 0 || gaps_len <= 1 + 2 * bytes) {
        strbuf gaps = STRBUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (i)
                strbuf_putc(&gaps, ' ');
            S_base36(&gaps, i ? ids[i] - ids[i - 1] : ids[i]);
        }
        return strbuf_detach(&gaps);
    }
    unsigned char *set = xcalloc(bytes + 1, 1);
    for (size_t i = 0; i < n; i++)
        set[ids[i] / 8] |= (unsigned char)(1u << (ids[i] % 8));
    char *hex = xmalloc(2 * bytes + 2);
    hex[0] = '#';
    for (size_t j = 0; j < bytes; j++) {
        hex[1 + 2 * j] = "0123456789abcdef"[set[j] >> 4];
        hex[2 + 2 * j] = "0123456789abcdef"[set[j] & 15];
    }
    hex[1 + 2 * bytes] = '\0';
    free(set);
    return hex;
}

/* Set covered[a] to stamp for every article a that p holds, in an index of n articles. */
static void S_mark(const si_postings *p, size_t n, uint32_t *covered, uint32_t stamp)
{
    if (p->bits) {
        for (size_t j = 0; j < (n + 7) / 8; j++)
            for (unsigned k = 0; p->bits[j] && k < 8; k++)
                if (p->bits[j] & (1u << k))
                    covered[8 * j + k] = stamp;
        return;
    }
    for (uint32_t m = 0; m < p->n; m++)
        covered[p->ids[m]] = stamp;
}

static int S_by_word(const void *x, const void *y, void *words)
{
    char **w = words;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return strcmp(w[a], w[b]);
}

/* Write the compact JSON of v to out (jansson encodes it), and release v. */
static void S_emit(FILE *out, json_t *v)
{
    json_dumpf(v, out, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(v);
}

/*
 * The headings of the index, each (text, id) once, numbered in the order the articles
 * first have them: many articles share headings ("Risks", "Recovery").
 */
typedef struct {
    xmlHashTablePtr seen; /* text, id → number + 1 */
    json_t *list;         /* [[text, id], ...] */
} S_headings;

/* Article a as JSON, its headings as numbers into hs. */
static json_t *S_article_json(const si_article *a, S_headings *hs)
{
    json_t *o = json_object();
    json_object_set_new(o, "url", S_string(a->url));
    json_object_set_new(o, "title", S_string(a->title));
    json_object_set_new(o, "summary", S_string(a->summary));
    json_object_set_new(o, "lang", S_string(a->lang));
    json_t *numbers = json_array();
    const char *p = a->headings;
    for (uint32_t h = 0; h < a->n_headings; h++) {
        const char *id = p + strlen(p) + 1;
        void *found = xmlHashLookup2(hs->seen, BAD_CAST p, BAD_CAST id);
        size_t number = found ? (size_t)(uintptr_t)found - 1 : json_array_size(hs->list);
        if (!found) {
            json_t *pair = json_array();
            json_array_append_new(pair, S_string(p));
            json_array_append_new(pair, S_string(id));
            json_array_append_new(hs->list, pair);
            xmlHashAddEntry2(hs->seen, BAD_CAST p, BAD_CAST id, (void *)(uintptr_t)(number + 1));
        }
        json_array_append_new(numbers, json_integer((json_int_t)number));
        p = id + strlen(id) + 1;
    }
    json_object_set_new(o, "headings", numbers);
    json_t *text = json_array();
    p = a->text;
    for (uint32_t k = 0; p && k < a->n_text; k++) {
        json_array_append_new(text, S_string(p));
        p += strlen(p) + 1;
    }
    json_object_set_new(o, "text", text);
    return o;
}

static json_t *S_term_json(const si_term *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "term", S_string(t->term));
    json_t *aliases = json_array();
    for (size_t k = 0; k < t->n_aliases; k++)
        json_array_append_new(aliases, S_string(t->aliases[k]));
    json_object_set_new(o, "aliases", aliases);
    json_object_set_new(o, "definition", S_string(t->definition));
    json_object_set_new(o, "url", S_string(t->url));
    return o;
}

/*
 * The file is written a value at a time, each value encoded by jansson, with the fixed
 * frame between them: the same bytes as the whole tree dumped compactly, without ever
 * holding 10,000 articles as a tree or as one string (as feeds.c writes the sitemap).
 */
int searchindex_write(const searchindex *si, FILE *out)
{
    fputs("{\"format\":", out);
    S_emit(out, json_integer(SEARCHINDEX_FORMAT));
    fputs(",\"articles\":[", out);
    S_headings hs = {xmlHashCreate(256), json_array()};
    if (!hs.seen)
        out_of_memory();
    for (size_t i = 0; i < si->n; i++) {
        if (i)
            fputc(',', out);
        S_emit(out, S_article_json(&si->articles[i], &hs));
    }
    fputs("],\"headings\":", out);
    S_emit(out, hs.list);
    xmlHashFree(hs.seen, NULL);
    fputs(",\"terms\":[", out);
    for (size_t i = 0; i < si->n_terms; i++) {
        if (i)
            fputc(',', out);
        S_emit(out, S_term_json(&si->terms[i]));
    }
    /* The vocabulary in byte order: search.js scans it; the same words, the same file. */
    size_t *order = xcalloc(si->n_words + 1, sizeof *order);
    for (size_t k = 0; k < si->n_words; k++)
        order[k] = k;
    qsort_r(order, si->n_words, sizeof *order, S_by_word, si->words);
    strlist postings = STRLIST_INIT; /* written after the words */
    fputs("],\"words\":[", out);
    uint32_t *ids = xcalloc(si->n + 1, sizeof *ids);
    uint32_t *covered = xcalloc(si->n + 1, sizeof *covered); /* k + 1: covered for word k */
    for (size_t k = 0; k < si->n_words; k++) {
        size_t n = si_postings_list(&si->postings[order[k]], si->n, ids);
        if (n == 0)
            continue;
        /*
         * An article's body word is left out when the article has a longer word that
         * starts with it, in its body or its fields, or the same word in its fields: a
         * query that finds the one finds the other. The words that start with this one
         * follow it in byte order.
         */
        const char *w = si->words[order[k]];
        S_mark(&si->fields[order[k]], si->n, covered, (uint32_t)k + 1);
        for (size_t e = k + 1; e < si->n_words && str_starts_with(si->words[order[e]], w); e++) {
            S_mark(&si->postings[order[e]], si->n, covered, (uint32_t)k + 1);
            S_mark(&si->fields[order[e]], si->n, covered, (uint32_t)k + 1);
        }
        size_t kept = 0;
        for (size_t m = 0; m < n; m++)
            if (covered[ids[m]] != k + 1)
                ids[kept++] = ids[m];
        if (kept == 0)
            continue;
        if (postings.len)
            fputc(',', out);
        S_emit(out, S_string(w));
        strlist_push_owned(&postings, S_encode_postings(ids, kept));
    }
    free(covered);
    free(ids);
    free(order);
    /*
     * A postings string that an earlier word has already is written as that word's number
     * when that is shorter: words that come together (of one sentence, one article) have
     * the same articles.
     */
    fputs("],\"postings\":[", out);
    xmlHashTablePtr first = xmlHashCreate(1024); /* postings string → word number + 1 */
    if (!first)
        out_of_memory();
    for (size_t k = 0; k < postings.len; k++) {
        if (k)
            fputc(',', out);
        void *found = xmlHashLookup(first, BAD_CAST postings.items[k]);
        size_t earlier = found ? (size_t)(uintptr_t)found - 1 : 0;
        if (found && (size_t)snprintf(NULL, 0, "%zu", earlier) < strlen(postings.items[k]) + 2) {
            S_emit(out, json_integer((json_int_t)earlier));
            continue;
        }
        if (!found)
            xmlHashAddEntry(first, BAD_CAST postings.items[k], (void *)(uintptr_t)(k + 1));
        S_emit(out, json_string(postings.items[k]));
    }
    xmlHashFree(first, NULL);
    fputs("]}", out);
    strlist_free(&postings);
    return ferror(out) ? -1 : 0;
}

char *searchindex_json(const searchindex *si, size_t *len)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    if (!out)
        out_of_memory();
    int status = searchindex_write(si, out);
    if (fclose(out) != 0 || status != 0)
        out_of_memory();
    return text;
}
