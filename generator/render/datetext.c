/* datetext.c: dates in a language's words, with ICU (see datetext.h). */
#define _GNU_SOURCE
#include "render/datetext.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "base/alloc.h"

/* Texts remembered per formatter: a site's dates are a few hundred distinct days, and a
 * list page shows the same ones on every page. Direct-mapped by day. */
#define CACHE_SLOTS 512
#define TEXT_MAX 96

typedef struct S_formatter {
    struct S_formatter *next;
    char *code;
    char *pattern; /* NULL: the long date */
    UDateFormat *fmt; /* NULL when ICU could not make it */
    long days[CACHE_SLOTS];
    char text[CACHE_SLOTS][TEXT_MAX];
} S_formatter;

static pthread_mutex_t S_lock = PTHREAD_MUTEX_INITIALIZER;
static S_formatter *S_formatters;

static bool S_same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The formatter of code and pattern, made on first use; S_lock is held. */
static S_formatter *S_find(const char *code, const char *pattern)
{
    for (S_formatter *f = S_formatters; f; f = f->next)
        if (strcmp(f->code, code) == 0 && S_same(f->pattern, pattern))
            return f;
    S_formatter *f = xcalloc(1, sizeof *f);
    f->code = xstrdup(code);
    f->pattern = pattern ? xstrdup(pattern) : NULL;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        f->days[i] = -1;
    UErrorCode status = U_ZERO_ERROR;
    UChar upat[256];
    int32_t n = 0;
    if (pattern)
        u_strFromUTF8(upat, 256, &n, pattern, -1, &status);
    if (U_SUCCESS(status))
        f->fmt = pattern ? udat_open(UDAT_PATTERN, UDAT_PATTERN, code, u"UTC", -1, upat, n,
                                     &status)
                         : udat_open(UDAT_NONE, UDAT_LONG, code, u"UTC", -1, NULL, -1, &status);
    if (U_FAILURE(status) && f->fmt) {
        udat_close(f->fmt);
        f->fmt = NULL;
    }
    f->next = S_formatters;
    S_formatters = f;
    return f;
}

/* Format d with fmt into out (TEXT_MAX bytes); false when ICU fails. */
static bool S_format(UDateFormat *fmt, const date_ymd *d, char *out)
{
    UErrorCode status = U_ZERO_ERROR;
    UChar text[TEXT_MAX];
    UDate when = (UDate)date_days(d) * 86400000.0;
    int32_t n = udat_format(fmt, when, text, TEXT_MAX, NULL, &status);
    if (U_FAILURE(status) || n >= TEXT_MAX)
        return false;
    u_strToUTF8(out, TEXT_MAX, NULL, text, n, &status);
    return U_SUCCESS(status);
}

/* Copy s into buf of size bytes, cut at a UTF-8 character boundary. */
static void S_copy(char *buf, size_t size, const char *s)
{
    size_t n = strlen(s);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
}

const char *datetext_format(const char *code, const char *pattern, const date_ymd *d,
                            char *buf, size_t size)
{
    if (size == 0)
        return buf;
    long days = date_days(d);
    size_t slot = (size_t)(days >= 0 ? days : -days) % CACHE_SLOTS;
    char text[TEXT_MAX];
    pthread_mutex_lock(&S_lock);
    S_formatter *f = S_find(code, pattern);
    bool ok = f->days[slot] == days;
    if (ok) {
        memcpy(text, f->text[slot], TEXT_MAX);
    } else if (f->fmt && S_format(f->fmt, d, text)) {
        ok = true;
        f->days[slot] = days;
        memcpy(f->text[slot], text, TEXT_MAX);
    }
    pthread_mutex_unlock(&S_lock);
    if (!ok)
        date_format(d, text, sizeof text);
    S_copy(buf, size, text);
    return buf;
}

void datetext_cleanup(void)
{
    pthread_mutex_lock(&S_lock);
    while (S_formatters) {
        S_formatter *f = S_formatters;
        S_formatters = f->next;
        if (f->fmt)
            udat_close(f->fmt);
        free(f->code);
        free(f->pattern);
        free(f);
    }
    pthread_mutex_unlock(&S_lock);
}
