/*
 * alloc.h: allocation that cannot fail.
 *
 * Out of memory is not an error a user can fix: the x* allocators print one line and
 * abort, so the rest of suture never checks for NULL from them (as cmark's xcalloc in
 * src/cmark.c).
 */
#ifndef SUTURE_ALLOC_H
#define SUTURE_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Print "suture: out of memory" and abort: the one place every module stops when an
 * allocation, its own or a library's (libxml2, jansson, PCRE2, libyaml), fails. */
void out_of_memory(void) __attribute__((noreturn));

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Reallocate an array of count elements of size bytes, aborting on overflow. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it with free. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* xasprintf with a va_list (the caller calls va_start and va_end). */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
