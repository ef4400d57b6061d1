/*
 * searchindex_private.h: what the files of the search index share (render/searchindex*.c);
 * no other file includes it. searchindex_words.c splits text into words,
 * searchindex.c builds the index in memory, searchindex_write.c writes it as JSON, and
 * searchindex_read.c reads an old index back and takes entries from it.
 */
#ifndef SUTURE_SEARCHINDEX_PRIVATE_H
#define SUTURE_SEARCHINDEX_PRIVATE_H

#include <libxml/hash.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"
#include "render/searchindex.h"

/* No article: an entry of the map from an old index's articles to a new one's. */
#define SI_NONE UINT32_MAX

/* The end of a block (paragraph, list item, cell) in an article's text: sentences end there. */
#define SI_BLOCK '\x1e'
/*
 * An article's excerpt (searchindex.h, "text"): at most SI_EXCERPT_CHARS characters in all,
 * of sentences of SI_SENTENCE_MIN to SI_SENTENCE_MAX characters. Chosen for the budget of
 * issue 19: the index of 10,000 articles under 1.5 MB gzipped (README.md, "Search").
 */
#define SI_EXCERPT_CHARS 200
#define SI_SENTENCE_MIN 12
#define SI_SENTENCE_MAX 160

/*
 * The articles that hold one word. While few, their numbers (unsorted, as the threads add
 * them); once the numbers would take more room than one bit per article, a bit set.
 */
typedef struct {
    uint32_t *ids;
    uint32_t n, cap;
    unsigned char *bits; /* bit i % 8 of byte i / 8: article i */
} si_postings;

typedef struct {
    char *url, *title, *summary, *lang;
    char *headings; /* packed: text '\0' id '\0', n_headings times */
    uint32_t n_headings;
    char *text; /* the excerpt, packed: sentence '\0', n_text times (NULL: none) */
    uint32_t n_text;
    bool has_body;
} si_article;

typedef struct {
    char *term, *definition, *url;
    char **aliases;
    size_t n_aliases;
} si_term;

struct searchindex {
    size_t n;
    si_article *articles;
    si_term *terms;
    size_t n_terms, cap_terms;
    /* The vocabulary: word → its number + 1 (a pointer-sized integer), words[], postings[]. */
    pthread_mutex_t lock;
    xmlHashTablePtr vocab;
    char **words;
    si_postings *postings; /* the articles whose bodies hold the word */
    si_postings *fields;   /* the articles whose title, summary or headings hold it */
    size_t n_words, cap_words;
    /* An index read back (searchindex_read): address → article number + 1. */
    xmlHashTablePtr by_url;
};

/*
 * The words of a text: packed one after another in text, each ending in '\0'; an entry
 * says where one starts and whether it is a field word (title, summary, headings) or a
 * body word.
 */
typedef struct {
    size_t at;
    bool field;
} si_entry;

typedef struct {
    strbuf text;
    si_entry *entries;
    size_t n, cap;
} si_wordbuf;


/* ---- words (searchindex_words.c) ---- */

/*
 * Add the words of len bytes of UTF-8 text to wb (normalised as searchindex_normalise
 * does), as field words when field is true.
 */
void si_collect(si_wordbuf *wb, const char *text, size_t len, bool field);

/* Free what wb holds (not wb itself). */
void si_wordbuf_free(si_wordbuf *wb);

/* ---- the excerpt (searchindex_excerpt.c) ---- */

/*
 * The sentences of an article's text (len bytes, its blocks ended by SI_BLOCK) that its
 * excerpt keeps: greedily the one with the most words that neither fields (the words of
 * its title, summary and headings) nor a sentence already taken has, while they fit in
 * SI_EXCERPT_CHARS; in the article's order, white space collapsed, each ending in '\0'
 * (the caller frees them). *n is how many.
 */
char *si_excerpt(const char *text, size_t len, const si_wordbuf *fields, uint32_t *n);

/* ---- the index in memory (searchindex.c) ---- */

/* Add article i to p, in an index of n articles (see searchindex.c). */
void si_postings_add(si_postings *p, uint32_t i, size_t n);

/* The number of word in si's vocabulary, added when new. The caller holds si->lock or is
 * the only thread. */
size_t si_word_id(searchindex *si, const char *word);

/* Add the words of wb to the postings of article i: all of them at once, under si->lock. */
void si_add_words(searchindex *si, size_t i, const si_wordbuf *wb);

/* Add the words of article a's title, summary and headings to wb, as field words. */
void si_collect_fields(const si_article *a, si_wordbuf *wb);

/* ---- JSON (searchindex_write.c) ---- */

/* The articles p holds, sorted, each once, into ids (room for p->n or n entries); returns
 * how many. */
size_t si_postings_list(const si_postings *p, size_t n, uint32_t *ids);

#endif
