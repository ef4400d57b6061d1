/* ltext.c: text with a value per language (see ltext.h). */
#define _GNU_SOURCE
#include "content/ltext.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"

static void S_add(ltext *t, const char *lang, const char *text)
{
    t->values = xreallocarray(t->values, t->n + 1, sizeof *t->values);
    t->values[t->n].lang = xstrdup(lang);
    t->values[t->n].text = xstrdup(text);
    t->n++;
}

void ltext_set1(ltext *t, const char *lang, const char *text)
{
    ltext_free(t);
    S_add(t, lang, text);
}

void ltext_free(ltext *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->values[i].lang);
        free(t->values[i].text);
    }
    free(t->values);
    t->values = NULL;
    t->n = 0;
}

/* The index of code in codes, or -1. */
static long S_index(const char *const *codes, const char *code)
{
    for (long i = 0; codes && codes[i]; i++)
        if (strcmp(codes[i], code) == 0)
            return i;
    return -1;
}

/* "<what> of <entry>" (in Korean "<entry>의 <what>") or "<what>", for messages; the caller
 * frees it. */
static char *S_subject(const ydoc *doc, const char *what, const char *entry)
{
    if (!entry)
        return xstrdup(what);
    return ydoc_korean(doc) ? xasprintf("%s의 %s", entry, what)
                            : xasprintf("%s of %s", what, entry);
}

char *ltext_language_list(const ltext_langs *langs)
{
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; langs->codes && langs->codes[i]; i++)
        strbuf_printf(&b, "%s%s", i ? ", " : "", langs->codes[i]);
    return strbuf_detach(&b);
}

bool ltext_check_key(ydoc *doc, yaml_node_t *key, const char *subject, const char *noun,
                     const ltext_langs *langs)
{
    const char *code = ydoc_scalar(key);
    bool ko = ydoc_korean(doc);
    if (!code || !slug_is_language_tag(code)) {
        if (ko)
            ydoc_error(doc, key, "%s: '%s'은(는) 언어 코드가 아닙니다. {ko: …, en: …}처럼 "
                       "언어마다 하나씩 써 주십시오", subject, code ? code : "?");
        else
            ydoc_error(doc, key, "%s: '%s' is not a language code; write one %s per language, "
                       "like {ko: …, en: …}", subject, code ? code : "?", noun);
        return false;
    }
    if (langs->codes && S_index(langs->codes, code) < 0) {
        const char *near = suggest_closest(code, langs->codes);
        if (ko && near)
            ydoc_error(doc, key, "%s에 site.yaml이 선언하지 않은 언어 '%s'이(가) 있습니다. "
                       "'%s'을(를) 쓰려던 것인지 확인해 주십시오", subject, code, near);
        else if (ko)
            ydoc_error(doc, key, "%s에 site.yaml이 선언하지 않은 언어 '%s'이(가) 있습니다. "
                       "site.yaml의 'languages' 아래에 그 언어를 선언하거나 지워 주십시오",
                       subject, code);
        else if (near)
            ydoc_error(doc, key, "%s has a %s in '%s', a language site.yaml does not "
                       "declare; did you mean '%s'?", subject, noun, code, near);
        else
            ydoc_error(doc, key, "%s has a %s in '%s', a language site.yaml does not "
                       "declare; declare it under 'languages' in site.yaml, or remove it",
                       subject, noun, code);
        return false;
    }
    return true;
}

void ltext_report_twice(ydoc *doc, yaml_node_t *key, const char *subject)
{
    const char *code = ydoc_scalar(key);
    if (ydoc_korean(doc))
        ydoc_error(doc, key, "%s에 언어 '%s'이(가) 두 번 있습니다. 하나만 남겨 주십시오",
                   subject, code);
    else
        ydoc_error(doc, key, "language '%s' is given twice in %s; keep one", code, subject);
}

/* One 'code: text' entry of the mapping; false after reporting it. */
static bool S_read_entry(ydoc *doc, yaml_node_t *key, yaml_node_t *value, const char *subject,
                         const ltext_langs *langs, ltext *out)
{
    if (!ltext_check_key(doc, key, subject, "text", langs))
        return false;
    const char *code = ydoc_scalar(key);
    bool ko = ydoc_korean(doc);
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->values[i].lang, code) == 0) {
            ltext_report_twice(doc, key, subject);
            return false;
        }
    char *what = ko ? xasprintf("%s의 '%s' 텍스트", subject, code)
                    : xasprintf("the '%s' text of %s", code, subject);
    const char *text = ydoc_expect_string(doc, value, what);
    free(what);
    if (!text)
        return false;
    S_add(out, code, text);
    return true;
}

bool ltext_read(ydoc *doc, yaml_node_t *node, const char *what, const char *entry,
                const ltext_langs *langs, ltext *out)
{
    char *subject = S_subject(doc, what, entry);
    bool ko = ydoc_korean(doc);
    bool ok = true;
    if (node->type == YAML_MAPPING_NODE) {
        for (size_t i = 0; i < ydoc_len(node); i++)
            ok &= S_read_entry(doc, ydoc_map_key(doc, node, i), ydoc_map_value(doc, node, i),
                               subject, langs, out);
        for (size_t i = 0; langs->codes && langs->codes[i]; i++) {
            bool written = false;
            for (size_t v = 0; v < out->n; v++)
                written |= strcmp(out->values[v].lang, langs->codes[i]) == 0;
            if (!written) {
                ydoc_error(doc, node,
                           ko ? "%s에 '%s' 텍스트가 없습니다. '%s: …'을(를) 추가해 주십시오"
                              : "%s has no '%s' text; add '%s: …'",
                           subject, langs->codes[i], langs->codes[i]);
                ok = false;
            }
        }
    } else if (node->type == YAML_SCALAR_NODE && langs->multilingual && !ydoc_is_null(node)) {
        char *list = ltext_language_list(langs);
        ydoc_error(doc, node,
                   ko ? "%s은(는) {ko: …, en: …}처럼 언어마다 텍스트를 하나씩 써야 합니다. "
                        "site.yaml에 선언된 언어: %s"
                      : "%s must give one text per language, like {ko: …, en: …}: "
                        "site.yaml declares %s",
                   subject, list);
        free(list);
        ok = false;
    } else {
        const char *text = ydoc_expect_string(doc, node, subject);
        if (text)
            S_add(out, langs->codes && langs->codes[0] ? langs->codes[0] : "", text);
        ok = text != NULL;
    }
    free(subject);
    return ok;
}

bool ltext_read_or_plain(ydoc *doc, yaml_node_t *node, const char *plain_what,
                         const char *what, const char *entry, const ltext_langs *langs,
                         ltext *out)
{
    if (node->type == YAML_MAPPING_NODE || langs->multilingual)
        return ltext_read(doc, node, what, entry, langs, out);
    const char *text = ydoc_expect_string(doc, node, plain_what);
    if (text)
        S_add(out, langs->codes && langs->codes[0] ? langs->codes[0] : "", text);
    return text != NULL;
}

long ltext_find_language(const void *base, size_t n, size_t size, size_t offset,
                         const char *lang)
{
    size_t primary = strcspn(lang ? lang : "", "-_");
    long by_primary = -1, any = -1;
    for (size_t i = 0; i < n; i++) {
        const char *l = *(char *const *)((const char *)base + i * size + offset);
        if (lang && strcasecmp(l, lang) == 0)
            return (long)i;
        if (lang && strlen(l) == primary && strncasecmp(l, lang, primary) == 0)
            by_primary = (long)i;
        if (l[0] == '\0')
            any = (long)i;
    }
    return by_primary >= 0 ? by_primary : any;
}

const char *ltext_get(const ltext *t, const char *lang)
{
    if (!t)
        return NULL;
    long i = ltext_find_language(t->values, t->n, sizeof *t->values,
                                 offsetof(ltext_value, lang), lang);
    return i >= 0 ? t->values[i].text : NULL;
}
