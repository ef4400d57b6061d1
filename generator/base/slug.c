/* slug.c: slugs and heading ids (see slug.h). */
#define _GNU_SOURCE
#include "base/slug.h"
#include "base/alloc.h"
#include "base/str.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

bool slug_is_valid(const char *id)
{
    if (!id[0] || id[0] == '-')
        return false;
    char prev = 0;
    for (size_t i = 0; id[i]; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
        if (c == '-' && prev == '-')
            return false;
        prev = c;
    }
    return prev != '-';
}

bool slug_is_language_tag(const char *tag)
{
    size_t i = 0;
    while (tag[i] >= 'a' && tag[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    while (tag[i] == '-') {
        size_t n = 0;
        i++;
        while ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z') ||
               (tag[i] >= '0' && tag[i] <= '9')) {
            i++;
            n++;
        }
        if (n < 1 || n > 8)
            return false;
    }
    return tag[i] == '\0';
}

/*
 * Append text to b as a slug: ASCII letters lower-cased and digits kept, runs of
 * separators (whitespace and '-') written as one '-' between two kept characters, other
 * ASCII punctuation dropped. For a heading (heading true) '_' and every byte from 0x80 are
 * kept; for a title they separate words.
 */
static void S_slugify(strbuf *b, const char *text, bool heading)
{
    bool pending_hyphen = false;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned char c = *p;
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        bool other = c >= 0x80 || c == '_';
        if (alnum || (heading && other)) {
            if (pending_hyphen && b->len)
                strbuf_putc(b, '-');
            pending_hyphen = false;
            strbuf_putc(b, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || other) {
            pending_hyphen = true;
        }
    }
}

char *slug_from_text(const char *text)
{
    strbuf b = STRBUF_INIT;
    S_slugify(&b, text, true);
    if (b.len == 0)
        strbuf_puts(&b, "section");
    return strbuf_detach(&b);
}

/* ---- titles: ICU's transliteration, then the slug rules ---- */

/*
 * The ICU transform a title goes through (ICU User Guide, "General Transforms"): every
 * script ICU can write in Latin letters (Hangul by Hangul-Latin, Greek, Cyrillic, kana...)
 * into Latin, then accents and ligatures into ASCII (Latin-ASCII). The global filter
 * [:^Han:] leaves Han characters alone: Any-Latin reads them in Mandarin pinyin, which is
 * not how a Korean reader says Hanja (韓方 would become "han fang", not "hanbang").
 */
#define S_TRANSFORM "[:^Han:]; Any-Latin; Latin-ASCII"

/* Stop on ICU's out-of-memory, the one failure it shares with malloc. */
static void S_icu_memory(UErrorCode err)
{
    if (err == U_MEMORY_ALLOCATION_ERROR)
        out_of_memory();
}

/* text (UTF-8; invalid bytes become U+FFFD) as UTF-16 in a buffer of at least cap units
 * (the caller frees it); *len its length; NULL when ICU cannot convert it. */
static UChar *S_utf16(const char *text, int32_t cap, int32_t *len)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar *u = xcalloc((size_t)cap, sizeof *u);
    u_strFromUTF8WithSub(u, cap, len, text, -1, 0xFFFD, NULL, &err);
    S_icu_memory(err);
    if (U_FAILURE(err)) {
        free(u);
        return NULL;
    }
    return u;
}

/* u (len units) as UTF-8 (the caller frees it); NULL when ICU cannot convert it. */
static char *S_utf8(const UChar *u, int32_t len)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, u, len, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        return NULL;
    char *s = xmalloc((size_t)need + 1);
    err = U_ZERO_ERROR;
    u_strToUTF8(s, need + 1, NULL, u, len, &err);
    if (U_FAILURE(err)) {
        free(s);
        return NULL;
    }
    return s;
}

/* title through S_TRANSFORM, as UTF-8 (the caller frees it); NULL when ICU cannot open the
 * transform or fails on the text. */
static char *S_transliterate(const char *title)
{
    size_t n = strlen(title);
    if (n > INT32_MAX / 8)
        return NULL;
    /* Not u_charsToUChars: '[', '^' and ']' are not among ICU's invariant characters. */
    int32_t id_len = 0;
    UChar *id = S_utf16(S_TRANSFORM, (int32_t)sizeof S_TRANSFORM, &id_len);
    if (!id)
        return NULL;
    UErrorCode err = U_ZERO_ERROR;
    UTransliterator *trans = utrans_openU(id, id_len, UTRANS_FORWARD, NULL, 0, NULL, &err);
    free(id);
    S_icu_memory(err);
    if (U_FAILURE(err))
        return NULL;
    char *out = NULL;
    /* A Hangul syllable (three bytes) becomes up to seven letters (쐛 "sswaelb"): when that
     * does not fit, ICU says how long the text has grown, and it is done again. */
    int32_t cap = (int32_t)n * 2 + 16;
    for (int tries = 0; tries < 2; tries++) {
        int32_t len = 0;
        UChar *u = S_utf16(title, cap, &len);
        if (!u)
            break;
        int32_t limit = len;
        err = U_ZERO_ERROR;
        utrans_transUChars(trans, u, &len, cap, 0, &limit, &err);
        S_icu_memory(err);
        if (U_SUCCESS(err))
            out = S_utf8(u, len);
        free(u);
        if (err != U_BUFFER_OVERFLOW_ERROR)
            break;
        cap = len + 1;
    }
    utrans_close(trans);
    return out;
}

char *slug_from_title(const char *title)
{
    bool ascii = true;
    for (const char *p = title; *p && ascii; p++)
        ascii = (unsigned char)*p < 0x80;
    char *latin = ascii ? NULL : S_transliterate(title);
    strbuf b = STRBUF_INIT;
    S_slugify(&b, latin ? latin : title, false);
    free(latin);
    if (b.len == 0) {
        strbuf_free(&b);
        return NULL;
    }
    return strbuf_detach(&b);
}

const char *slug_unique(strlist *taken, const char *id)
{
    if (!strlist_contains(taken, id)) {
        strlist_push(taken, id);
        return taken->items[taken->len - 1];
    }
    for (unsigned n = 1;; n++) {
        char *candidate = xasprintf("%s-%u", id, n);
        if (!strlist_contains(taken, candidate)) {
            strlist_push_owned(taken, candidate);
            return candidate;
        }
        free(candidate);
    }
}

bool slug_is_known_language(const char *code)
{
    char primary[16];
    size_t n = strcspn(code, "-");
    if (n >= sizeof primary)
        return false;
    memcpy(primary, code, n);
    primary[n] = '\0';
    UChar name[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = uloc_getDisplayLanguage(primary, "en", name, 128, &status);
    if (U_FAILURE(status) || len <= 0)
        return false;
    UChar same[16];
    u_charsToUChars(primary, same, (int32_t)n + 1);
    return u_strcasecmp(name, same, 0) != 0;
}

char *slug_language_name(const char *code, const char *locale)
{
    UChar name[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = uloc_getDisplayLanguage(code, locale, name, 128, &status);
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || n <= 0)
        return NULL;
    char out[512];
    int32_t len = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(out, sizeof out, &len, name, n, &status);
    if (U_FAILURE(status) || len <= 0 || (size_t)len >= sizeof out)
        return NULL;
    out[len] = '\0';
    return xstrdup(out);
}

bool slug_language_in(const char *tag, const char *range)
{
    size_t n = strlen(range);
    return tag && strncasecmp(tag, range, n) == 0 &&
           (tag[n] == '\0' || tag[n] == '-' || tag[n] == '_');
}

char *slug_og_locale(const char *code)
{
    char likely[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
    UErrorCode status = U_ZERO_ERROR;
    uloc_addLikelySubtags(code, likely, sizeof likely, &status);
    uloc_getLanguage(likely, lang, sizeof lang, &status);
    uloc_getCountry(likely, region, sizeof region, &status);
    if (U_SUCCESS(status) && lang[0] && region[0]) {
        return xasprintf("%s_%s", lang, region);
    }
    char *locale = xstrdup(code);
    for (char *p = locale; *p; p++)
        if (*p == '-')
            *p = '_';
    return locale;
}
