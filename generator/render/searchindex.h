/*
 * searchindex.h: the search index, /search-index.json, that the script of the /search/ page
 * (templates/assets/search.js) loads to find articles and glossary terms in the browser
 * (issue "Patient experience", search). The format is documented in templates/README.md,
 * "The search index".
 *
 * Normalisation, the same here and in search.js, so that what a patient types matches what
 * the index holds whatever the script, width or case:
 *   1. NFKC (Unicode Standard Annex #15): full-width "ＳＭＡＳ" becomes "SMAS", compatibility
 *      jamo become conjoining ones;
 *   2. lower case, the Unicode default mapping without a locale (ICU u_strToLower with the
 *      root locale; JavaScript's String.prototype.toLowerCase);
 *   3. words are the maximal runs of letters, marks and digits (general categories L, M, N;
 *      JavaScript /[\p{L}\p{M}\p{N}]+/u). Korean words keep their particles ("실리프팅은"):
 *      search.js finds a Hangul query anywhere inside a word, a Latin one at its start.
 *
 * An article's body is kept as its distinct words only, without those that are the start
 * of another word of the same article (its title, summary and headings included): a query
 * that finds "lift" at the start of a word finds it in "lifting" as well, so the shorter
 * word adds nothing. The words of every article are stored once, in one sorted vocabulary,
 * each with the list of the articles that hold it ("postings"): a gap list, or a bit set
 * where that is shorter.
 *
 * Each article also keeps an excerpt, a few of its sentences (searchindex_excerpt.c), that
 * search.js shows, its matched words marked, when a query matches in the body. A word whose
 * postings are the same as an earlier word's names that word instead (format 2).
 *
 * An article's headings, excerpt and words depend on its file alone, so a build that takes an
 * unchanged article's page from the old site also takes its entry from the old site's
 * index (searchindex_read, searchindex_take_from) instead of rendering it again; the bytes
 * written are the same as a full build's.
 */
#ifndef SUTURE_SEARCHINDEX_H
#define SUTURE_SEARCHINDEX_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/str.h"
#include "markdown/markdown.h"

/* The format version written in the file ("format"); search.js refuses another. */
#define SEARCHINDEX_FORMAT 2
/* Where the index is written in the site. */
#define SEARCHINDEX_FILE "search-index.json"
/* Longer words (in bytes, after normalisation) are left out: a pasted address or code. */
#define SEARCHINDEX_WORD_MAX 64
/* Room for searchindex_initial's answer, its '\0' included. */
#define SEARCHINDEX_INITIAL_SIZE 8

typedef struct searchindex searchindex;

/* ---- normalisation ---- */

/*
 * The normal form of len bytes of UTF-8 text (steps 1 and 2 above), as a new
 * NUL-terminated UTF-8 string the caller frees. Invalid UTF-8 becomes U+FFFD.
 */
char *searchindex_normalise(const char *text, size_t len);

/*
 * Append to out the words of len bytes of text (steps 1 to 3 above), in order, repeats
 * included, each at most SEARCHINDEX_WORD_MAX bytes (longer ones are left out).
 */
void searchindex_words(const char *text, size_t len, strlist *out);

/*
 * The key the /search/ page sorts titles by (the caller frees it): the title's words
 * decomposed (NFD) without their marks, joined by single spaces. Compared bytewise, it puts
 * English titles in alphabetical order whatever their case and accents, and Korean ones in
 * dictionary (가나다) order, after the Latin ones.
 */
char *searchindex_sort_key(const char *title);

/*
 * The group a title is listed under on the /search/ page, written into out as UTF-8: the
 * first letter of its sort key in upper case ("É" and "e" give "E"), the initial consonant
 * of a Korean syllable as a letter of its own ("리프팅" gives "ㄹ"), "0–9" for a digit, and
 * "#" for a title without letters or digits.
 */
void searchindex_initial(const char *title, char out[SEARCHINDEX_INITIAL_SIZE]);

/* ---- building an index ---- */

/*
 * A new index for n_articles articles, numbered 0 to n_articles - 1 in the order they are
 * written (the build's: newest first). Free it with searchindex_free (NULL is allowed).
 */
searchindex *searchindex_new(size_t n_articles);
void searchindex_free(searchindex *si);

/* How many articles the index holds. */
size_t searchindex_count(const searchindex *si);

/*
 * Set article i's address (a site path: /kb/articles/x/), title, summary and language
 * (copied). Call for every article before its body is added.
 */
void searchindex_set_article(searchindex *si, size_t i, const char *url, const char *title,
                             const char *summary, const char *lang);

/*
 * Add article i's body: its headings (text and id, in order; markdown_render's) and the
 * words of the text of body (the element markdown_render made, not modified), without the
 * headings themselves, the comparison tables (div.comparison-wrap: the procedures' data,
 * the same in every article) and the consent notices of before-and-after photos. Once per
 * article. May be called from several threads at once for different articles.
 */
void searchindex_add_body(searchindex *si, size_t i, const xmlNode *body,
                          const markdown_heading *headings, size_t n_headings);

/* Whether article i has its body (searchindex_add_body or searchindex_take_from). */
bool searchindex_has_body(const searchindex *si, size_t i);

/*
 * Add a glossary term, in the order they are to be listed: the term as shown, its aliases,
 * the text of its rendered definition (an element; its text is taken, white space
 * collapsed) and the address of its entry on the glossary page (/kb/glossary/#term-smas).
 */
void searchindex_add_term(searchindex *si, const char *term, const char *const *aliases,
                          size_t n_aliases, const xmlNode *definition, const char *url);

/* ---- the file ---- */

/*
 * Write the index to out as compact JSON (UTF-8, one line, no final newline), a value at a
 * time (never the whole file in memory). The same index always gives the same bytes.
 * Returns 0, or -1 when out has an error (errno tells which).
 */
int searchindex_write(const searchindex *si, FILE *out);

/* The same as a string, the caller frees it; *len is its length. */
char *searchindex_json(const searchindex *si, size_t *len);

/*
 * Read back an index that searchindex_json wrote, to take entries from with
 * searchindex_take_from (its terms are not read). NULL when the file is missing, is not
 * JSON, is of another format version or is damaged: nothing can be taken from it then.
 */
searchindex *searchindex_read(const char *path);

/*
 * For every article of si that has no body yet, take its headings and words from the
 * article with the same address in old, if old has one. Call from one thread, after the
 * bodies are added. Returns how many articles of si still have no body.
 */
size_t searchindex_take_from(searchindex *si, const searchindex *old);

#endif
