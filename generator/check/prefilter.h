/*
 * prefilter.h: one Vectorscan (Hyperscan) pass over a text that tells which of many PCRE2
 * patterns may match it, so that PCRE2 runs only those (issue 3, "Speed").
 *
 * The patterns are compiled together into one database in prefilter mode
 * (HS_FLAG_PREFILTER), which may report a pattern that does not match and never misses
 * one that does. Compiling takes about a second for the shipped rule set, so the compiled
 * database is kept in a cache folder (prefilter_cache_dir) and read back, in about a
 * millisecond, by every later run with the same patterns and the same Vectorscan.
 *
 * A prefilter is read-only once built and may be shared by threads, each with its own
 * prefilter_scratch.
 */
#ifndef SUTURE_PREFILTER_H
#define SUTURE_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct prefilter prefilter;
typedef struct prefilter_scratch prefilter_scratch;

/*
 * Build the prefilter over patterns[0..n) (PCRE2 sources, compiled by the caller with
 * UTF, UCP and CASELESS, to be run over normalised reader text, see readertext.h).
 * Patterns are numbered by their index. A pattern the prefilter cannot screen (one
 * Vectorscan rejects, or one whose match may be a single byte, see prefilter.c) is
 * "always": prefilter_screen reports it for every text.
 *
 * cache_dir: a folder for compiled databases, created when missing, or NULL for none. A
 * cache file is used only when it was written for exactly these patterns by this
 * Vectorscan version; one that cannot be read, is damaged or is stale is ignored and
 * written anew, and a folder that cannot be written is not an error: the database is then
 * compiled on every run.
 *
 * Returns the prefilter (free with prefilter_free); never NULL. When Vectorscan can build
 * nothing, every pattern is "always".
 */
prefilter *prefilter_build(const char *const *patterns, size_t n, const char *cache_dir);
void prefilter_free(prefilter *p);

/* True when the compiled database was read from the cache rather than compiled. */
bool prefilter_from_cache(const prefilter *p);

/* True when pattern k is always reported (the prefilter cannot screen it). */
bool prefilter_always(const prefilter *p, size_t k);

/*
 * The cache folder for compiled databases: $SUTURE_CACHE_DIR when set (empty: no cache,
 * NULL is returned), else $XDG_CACHE_HOME/suture, else $HOME/.cache/suture (the XDG Base
 * Directory Specification's default), else NULL. Returns a malloc'd path; the caller
 * frees it.
 */
char *prefilter_cache_dir(void);

/* Per-thread scanning state. */
prefilter_scratch *prefilter_scratch_new(void);
void prefilter_scratch_free(prefilter_scratch *s);

/*
 * Screen text (len bytes of normalised reader text, see rtext_normalize). Sets *ids to the
 * numbers of the patterns that may match it, ascending and each once, "always" patterns
 * included, and returns how many there are. The array belongs to s and is valid until its
 * next use. Returns SIZE_MAX when the text could not be screened (its white space is not
 * normalised, Vectorscan failed, or the text is 4 GiB or longer): every pattern must then
 * run.
 */
size_t prefilter_screen(const prefilter *p, prefilter_scratch *s, const char *text, size_t len,
                        const size_t **ids);

/*
 * The looser pattern the prefilter compiles in place of pattern (malloc'd), or NULL when
 * it compiles the pattern itself with Unicode properties. Exposed for tests; prefilter.c
 * explains the rewriting.
 */
char *prefilter_source(const char *pattern);

/*
 * Exact search for a fixed set of strings, all at once: Vectorscan's literal mode
 * (hs_compile_lit_multi), one pass over the text however many strings there are. For the
 * texts that must be found byte for byte, such as the guidance `suture new` writes into a
 * new article (outline.h), which lint_scaffold.c looks for in every article.
 */
typedef struct prefilter_literals prefilter_literals;

/*
 * Compile literals[0..n) (each a NUL-terminated, non-empty string of bytes, compared
 * exactly: case and Unicode forms matter) into one database, numbered by index. Takes a few
 * milliseconds. Returns it (free with prefilter_literals_free), or NULL when n is 0, a
 * literal is empty, or Vectorscan cannot build it: the caller then searches another way.
 */
prefilter_literals *prefilter_literals_build(const char *const *literals, size_t n);
void prefilter_literals_free(prefilter_literals *p);

/* Called for each occurrence of literal k at text[start, start + its length). */
typedef void (*prefilter_literal_fn)(void *ctx, size_t k, size_t start);

/*
 * Report every occurrence of every literal in text (len bytes, any bytes), overlapping ones
 * included, ordered by where each ends (ties in no set order), to fn. s is the calling
 * thread's scratch; it keeps one for this search beside prefilter_screen's. Returns false
 * when the text could not be searched (Vectorscan failed, or it is 4 GiB or longer); fn may
 * then have been called for part of it, and the caller must search another way.
 */
bool prefilter_literals_find(const prefilter_literals *p, prefilter_scratch *s, const char *text,
                             size_t len, prefilter_literal_fn fn, void *ctx);

#endif
