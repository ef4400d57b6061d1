/*
 * datetext.h: a date written as readers of a language write it ("2026년 11월 20일",
 * "November 20, 2026"), for the text attribute of the dates in page XML (issue 16). ICU
 * formats it (udat.h): with the language's date_format from site.yaml, an ICU date pattern
 * (UTS #35, "Date Format Patterns"), or else the locale's long date (UDAT_LONG, from CLDR).
 */
#ifndef SUTURE_DATETEXT_H
#define SUTURE_DATETEXT_H

#include <stddef.h>

#include "base/date.h"

/*
 * Write date d as the locale code (a BCP 47 tag: "ko", "en-GB") writes it, with pattern
 * (NULL: the locale's long date), into buf of size bytes as UTF-8 with its '\0', shortened
 * at a character boundary when buf is too small. Dates are days: they are formatted in UTC.
 * One formatter per locale and pattern is made on first use and kept, with the texts it
 * made, until datetext_cleanup; any thread may call this. When ICU cannot format (a
 * pattern config_load would have refused, or one of more than 255 UTF-16 units), buf holds
 * the ISO date "2026-11-20". Returns buf.
 */
const char *datetext_format(const char *code, const char *pattern, const date_ymd *d,
                            char *buf, size_t size);

/* Release the formatters, at exit (page_cleanup calls it). */
void datetext_cleanup(void);

#endif
