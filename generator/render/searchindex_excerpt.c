/* searchindex_excerpt.c: the sentences of an article the search index keeps, so that a
 * result found in an article's body can show the words that matched (see searchindex.h,
 * "text"). */
#define _GNU_SOURCE
#include "render/searchindex.h"

#include <libxml/hash.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "render/searchindex_private.h"

/* One sentence of the text: where it starts and its length in bytes, and its words. */
typedef struct {
    size_t at, len, chars;
    strlist words;
    bool taken;
} S_sentence;

/* The number of characters (code points) of len bytes of UTF-8. */
static size_t S_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static bool S_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * Cut text (white space already collapsed by the caller or not: runs are skipped) into
 * sentences: a sentence ends at SI_BLOCK (the end of a block: a paragraph, list item, cell)
 * or after '.', '?' or '!' followed by white space.
 */
static S_sentence *S_split(const char *text, size_t len, size_t *count)
{
    S_sentence *out = NULL;
    size_t n = 0, cap = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        bool end = i == len || text[i] == SI_BLOCK;
        size_t stop = i, next = i + 1;
        if (!end && (text[i] == '.' || text[i] == '?' || text[i] == '!') && i + 1 < len &&
            S_space(text[i + 1])) {
            end = true;
            stop = next = i + 1;
        }
        if (!end)
            continue;
        while (start < stop && S_space(text[start]))
            start++;
        size_t e = stop;
        while (e > start && S_space(text[e - 1]))
            e--;
        if (e > start) {
            if (n == cap) {
                cap = cap ? 2 * cap : 32;
                out = xreallocarray(out, cap, sizeof *out);
            }
            out[n++] = (S_sentence){.at = start, .len = e - start, .words = STRLIST_INIT};
        }
        start = next;
    }
    *count = n;
    return out;
}

/* Append s (len bytes) to out with its white space collapsed to single spaces. */
static void S_put_collapsed(strbuf *out, const char *s, size_t len)
{
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        if (S_space(s[i])) {
            space = true;
            continue;
        }
        if (space)
            strbuf_putc(out, ' ');
        space = false;
        strbuf_putc(out, s[i]);
    }
}

char *si_excerpt(const char *text, size_t len, const si_wordbuf *fields, uint32_t *n_out)
{
    size_t n = 0;
    S_sentence *s = S_split(text, len, &n);
    /* Words already shown without the excerpt: the title's, summary's and headings'. */
    xmlHashTablePtr seen = xmlHashCreate(256);
    if (!seen)
        out_of_memory();
    for (size_t k = 0; k < fields->n; k++)
        xmlHashAddEntry(seen, BAD_CAST(fields->text.data + fields->entries[k].at), seen);
    for (size_t i = 0; i < n; i++) {
        s[i].chars = S_chars(text + s[i].at, s[i].len);
        if (s[i].chars >= SI_SENTENCE_MIN && s[i].chars <= SI_SENTENCE_MAX)
            searchindex_words(text + s[i].at, s[i].len, &s[i].words);
    }
    /*
     * Greedily, the sentence with the most words not yet seen (the first of equals), until
     * the excerpt is full or no sentence adds a word.
     */
    size_t room = SI_EXCERPT_CHARS;
    for (;;) {
        size_t best = SIZE_MAX, best_new = 0;
        for (size_t i = 0; i < n; i++) {
            if (s[i].taken || !s[i].words.len || s[i].chars > room)
                continue;
            size_t fresh = 0;
            for (size_t w = 0; w < s[i].words.len; w++)
                if (!xmlHashLookup(seen, BAD_CAST s[i].words.items[w])) {
                    /* A word repeated in the sentence counts once. */
                    bool again = false;
                    for (size_t v = 0; v < w && !again; v++)
                        again = strcmp(s[i].words.items[v], s[i].words.items[w]) == 0;
                    fresh += !again;
                }
            if (fresh > best_new) {
                best = i;
                best_new = fresh;
            }
        }
        if (best == SIZE_MAX)
            break;
        s[best].taken = true;
        room -= s[best].chars;
        for (size_t w = 0; w < s[best].words.len; w++)
            xmlHashAddEntry(seen, BAD_CAST s[best].words.items[w], seen);
    }
    /* In the article's order. */
    strbuf packed = STRBUF_INIT;
    uint32_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].taken) {
            S_put_collapsed(&packed, text + s[i].at, s[i].len);
            strbuf_putc(&packed, '\0');
            count++;
        }
        strlist_free(&s[i].words);
    }
    free(s);
    xmlHashFree(seen, NULL);
    *n_out = count;
    if (!packed.data)
        return xcalloc(1, 1);
    return strbuf_detach(&packed);
}
