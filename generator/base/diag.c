/* diag.c: the diagnostics list (see diag.h). */
#define _GNU_SOURCE
#include "base/diag.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"


struct diag_list {
    diag *items;
    size_t len;
    size_t cap;
    size_t errors;
    size_t warnings;
    pthread_mutex_t lock;
};

diag_list *diag_list_new(void)
{
    diag_list *l = xcalloc(1, sizeof *l);
    pthread_mutex_init(&l->lock, NULL);
    return l;
}

void diag_list_free(diag_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->len; i++) {
        free(list->items[i].file);
        free(list->items[i].category);
        free(list->items[i].message);
        free(list->items[i].reference);
        free(list->items[i].lang);
    }
    free(list->items);
    pthread_mutex_destroy(&list->lock);
    free(list);
}

static void S_vadd(diag_list *list, diag_severity severity, const char *file, unsigned line,
                   unsigned column, const char *category, const char *reference,
                   const char *lang, const char *fmt, va_list ap)
{
    char *message = xvasprintf(fmt, ap);
    diag d = {
        .file = xstrdup(file ? file : "suture"),
        .line = line,
        .column = line ? (column ? column : 1) : 0,
        .severity = severity,
        .category = category ? xstrdup(category) : NULL,
        .message = message,
        .reference = reference ? xstrdup(reference) : NULL,
        .lang = lang ? xstrdup(lang) : NULL,
    };
    pthread_mutex_lock(&list->lock);
    if (list->len == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 16;
        list->items = xreallocarray(list->items, list->cap, sizeof *list->items);
    }
    list->items[list->len++] = d;
    if (severity == DIAG_ERROR)
        list->errors++;
    else if (severity == DIAG_WARNING)
        list->warnings++;
    pthread_mutex_unlock(&list->lock);
}

void diag_add(diag_list *list, diag_severity severity, const char *file, unsigned line,
              unsigned column, const char *category, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_vadd(list, severity, file, line, column, category, NULL, NULL, fmt, ap);
    va_end(ap);
}

void diag_add_ref(diag_list *list, diag_severity severity, const char *file, unsigned line,
                  unsigned column, const char *category, const char *reference,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_vadd(list, severity, file, line, column, category, reference, NULL, fmt, ap);
    va_end(ap);
}

void diag_add_lang(diag_list *list, diag_severity severity, const char *file, unsigned line,
                   unsigned column, const char *category, const char *reference,
                   const char *lang, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_vadd(list, severity, file, line, column, category, reference, lang, fmt, ap);
    va_end(ap);
}

void diag_error(diag_list *list, const char *file, unsigned line, unsigned column,
                const char *category, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_vadd(list, DIAG_ERROR, file, line, column, category, NULL, NULL, fmt, ap);
    va_end(ap);
}

void diag_file_problem(diag_list *list, const char *path, int err, const char *category,
                       const char *what)
{
    char *why = file_problem(path, err, what);
    diag_error(list, path, 0, 0, category, "%s", why);
    free(why);
}

size_t diag_count(const diag_list *list)
{
    return list->len;
}

size_t diag_error_count(const diag_list *list)
{
    return list->errors;
}

size_t diag_warning_count(const diag_list *list)
{
    return list->warnings;
}

const diag *diag_get(const diag_list *list, size_t i)
{
    return i < list->len ? &list->items[i] : NULL;
}

/* Sort key ties are broken by the original index, which makes the sort stable. */
typedef struct {
    diag d;
    size_t index;
} S_indexed;

static int S_cmp(const void *pa, const void *pb)
{
    const S_indexed *a = pa, *b = pb;
    int c = strcmp(a->d.file, b->d.file);
    if (c)
        return c;
    if (a->d.line != b->d.line)
        return a->d.line < b->d.line ? -1 : 1;
    if (a->d.column != b->d.column)
        return a->d.column < b->d.column ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

void diag_list_sort(diag_list *list)
{
    if (list->len < 2)
        return;
    S_indexed *tmp = xreallocarray(NULL, list->len, sizeof *tmp);
    for (size_t i = 0; i < list->len; i++) {
        tmp[i].d = list->items[i];
        tmp[i].index = i;
    }
    qsort(tmp, list->len, sizeof *tmp, S_cmp);
    for (size_t i = 0; i < list->len; i++)
        list->items[i] = tmp[i].d;
    free(tmp);
}

/* Orders diagnostics by everything diag_list_merge compares. */
static int S_cmp_same(const void *pa, const void *pb)
{
    const diag *a = *(const diag *const *)pa, *b = *(const diag *const *)pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    if (a->severity != b->severity)
        return a->severity < b->severity ? -1 : 1;
    c = strcmp(a->category ? a->category : "", b->category ? b->category : "");
    return c ? c : strcmp(a->message, b->message);
}

void diag_list_merge(diag_list *into, const diag_list *from)
{
    /* Sorted pointers into into's items: from's are looked up, not compared with each. */
    size_t n = into->len;
    const diag **held = xreallocarray(NULL, n + 1, sizeof *held);
    for (size_t i = 0; i < n; i++)
        held[i] = &into->items[i];
    qsort(held, n, sizeof *held, S_cmp_same);
    size_t m = from->len;
    const diag **add = xreallocarray(NULL, m + 1, sizeof *add);
    size_t n_add = 0;
    for (size_t i = 0; i < m; i++) {
        const diag *d = &from->items[i];
        if (!bsearch(&d, held, n, sizeof *held, S_cmp_same))
            add[n_add++] = d;
    }
    free(held); /* into's items move as it grows */
    for (size_t i = 0; i < n_add; i++) {
        const diag *d = add[i];
        diag_add_lang(into, d->severity, d->file, d->line, d->column, d->category, d->reference,
                      d->lang, "%s", d->message);
    }
    free(add);
}

const char *diag_severity_name(diag_severity s)
{
    switch (s) {
    case DIAG_ERROR:
        return "error";
    case DIAG_WARNING:
        return "warning";
    case DIAG_INFO:
        return "info";
    }
    return "error";
}

/* The line of d, with its reference or without. */
static char *S_format(const diag *d, bool reference)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, d->file);
    if (d->line)
        strbuf_printf(&b, ":%u:%u", d->line, d->column);
    strbuf_printf(&b, ": %s: %s", diag_severity_name(d->severity), d->message);
    if (reference && d->reference)
        strbuf_printf(&b, " (%s)", d->reference);
    if (d->category)
        strbuf_printf(&b, " [%s]", d->category);
    return strbuf_detach(&b);
}

char *diag_format(const diag *d)
{
    return S_format(d, true);
}

char *diag_format_brief(const diag *d)
{
    return S_format(d, false);
}

void diag_list_print(const diag_list *list, FILE *out)
{
    for (size_t i = 0; i < list->len; i++) {
        char *line = diag_format(&list->items[i]);
        fprintf(out, "%s\n", line);
        free(line);
    }
}
