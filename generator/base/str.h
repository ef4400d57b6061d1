/*
 * str.h: strings: a growable byte string (strbuf), a list of owned strings (strlist), and
 * prefix and suffix tests. Every allocation is alloc.h's (out of memory aborts).
 */
#ifndef SUTURE_STR_H
#define SUTURE_STR_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A growable, always NUL-terminated byte string. Initialise with STRBUF_INIT;
 * release with strbuf_free (which accepts an empty buffer).
 */
typedef struct strbuf {
    char *data;
    size_t len;
    size_t cap;
} strbuf;
#define STRBUF_INIT {NULL, 0, 0}

void strbuf_append(strbuf *b, const char *s, size_t len);
void strbuf_puts(strbuf *b, const char *s);
void strbuf_putc(strbuf *b, char c);
void strbuf_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents, never NULL (an empty buffer gives ""). Valid until the next append. */
const char *strbuf_str(const strbuf *b);
/* Hand the contents to the caller (who frees them with free) and reset b. */
char *strbuf_detach(strbuf *b);
void strbuf_free(strbuf *b);

/* A list of owned strings. */
typedef struct strlist {
    char **items;
    size_t len;
    size_t cap;
} strlist;
#define STRLIST_INIT {NULL, 0, 0}
/* Append a copy of s. */
void strlist_push(strlist *l, const char *s);
/* Append s, taking ownership of it. */
void strlist_push_owned(strlist *l, char *s);
bool strlist_contains(const strlist *l, const char *s);
void strlist_free(strlist *l);

/* Whether s ends with suffix, or starts with prefix (bytewise; "" matches any s). */
bool str_ends_with(const char *s, const char *suffix);
bool str_starts_with(const char *s, const char *prefix);

#endif
