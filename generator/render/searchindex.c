/* searchindex.c: the search index of /search/ (see searchindex.h). */
#define _GNU_SOURCE
#include "render/searchindex.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/hash.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* No article: an entry of the map from an old index's articles to a new one's. */
#define S_NONE UINT32_MAX

/*
 * The articles that hold one word. While few, their numbers (unsorted, as the threads add
 * them); once the numbers would take more room than one bit per article, a bit set.
 */
typedef struct {
    uint32_t *ids;
    uint32_t n, cap;
    unsigned char *bits; /* bit i % 8 of byte i / 8: article i */
} S_postings;

typedef struct {
    char *url, *title, *summary, *lang;
    char *headings; /* packed: text '\0' id '\0', n_headings times */
    uint32_t n_headings;
    bool has_body;
} S_article;

typedef struct {
    char *term, *definition, *url;
    char **aliases;
    size_t n_aliases;
} S_term;

struct searchindex {
    size_t n;
    S_article *articles;
    S_term *terms;
    size_t n_terms, cap_terms;
    /* The vocabulary: word → its number + 1 (a pointer-sized integer), words[], postings[]. */
    pthread_mutex_t lock;
    xmlHashTablePtr vocab;
    char **words;
    S_postings *postings; /* the articles whose bodies hold the word */
    S_postings *fields;   /* the articles whose title, summary or headings hold it */
    size_t n_words, cap_words;
    /* An index read back (searchindex_read): address → article number + 1. */
    xmlHashTablePtr by_url;
};

/* ---- UTF-16 and normalisation (ICU) ---- */

/* len bytes of UTF-8 as UTF-16 (malloc'd; invalid bytes become U+FFFD); *out_len its length. */
static UChar *S_utf16(const char *s, size_t len, int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strFromUTF8WithSub(NULL, 0, &need, s, (int32_t)len, 0xFFFD, NULL, &err);
    UChar *u = xcalloc((size_t)need + 1, sizeof *u);
    err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, need + 1, out_len, s, (int32_t)len, 0xFFFD, NULL, &err);
    if (U_FAILURE(err))
        *out_len = 0;
    return u;
}

/* u (len units) in the normal form of norm, as a new buffer; *out_len its length. */
static UChar *S_normalize(const UNormalizer2 *norm, const UChar *u, int32_t len,
                          int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    if (unorm2_quickCheck(norm, u, len, &err) == UNORM_YES && U_SUCCESS(err)) {
        UChar *copy = xcalloc((size_t)len + 1, sizeof *copy);
        memcpy(copy, u, (size_t)len * sizeof *u);
        *out_len = len;
        return copy;
    }
    /* NFKC expands a character at most 18 times (U+FDFA); retry with the size ICU asks. */
    int32_t cap = len * 3 + 16;
    for (;;) {
        UChar *out = xcalloc((size_t)cap + 1, sizeof *out);
        err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(norm, u, len, out, cap, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR && n > cap) {
            free(out);
            cap = n;
            continue;
        }
        *out_len = U_SUCCESS(err) ? n : 0;
        return out;
    }
}

/* Steps 1 and 2 of searchindex.h over UTF-16: NFKC, then lower case (root locale). */
static UChar *S_fold(const UChar *u, int32_t len, int32_t *out_len)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    int32_t n = 0;
    UChar *nf = S_normalize(nfkc, u, len, &n);
    int32_t cap = n + 16;
    for (;;) {
        UChar *low = xcalloc((size_t)cap + 1, sizeof *low);
        err = U_ZERO_ERROR;
        int32_t m = u_strToLower(low, cap, nf, n, "", &err);
        if (err == U_BUFFER_OVERFLOW_ERROR && m > cap) {
            free(low);
            cap = m;
            continue;
        }
        free(nf);
        *out_len = U_SUCCESS(err) ? m : 0;
        return low;
    }
}

/* Whether c belongs in a word: a letter, a mark or a digit (general category L, M or N). */
static bool S_word_char(UChar32 c)
{
    return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

char *searchindex_normalise(const char *text, size_t len)
{
    int32_t n16 = 0, nf = 0;
    UChar *u = S_utf16(text, len, &n16);
    UChar *folded = S_fold(u, n16, &nf);
    free(u);
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, folded, nf, &err);
    char *out = xmalloc((size_t)need + 1);
    err = U_ZERO_ERROR;
    u_strToUTF8(out, need + 1, NULL, folded, nf, &err);
    out[U_SUCCESS(err) ? need : 0] = '\0';
    free(folded);
    return out;
}

/*
 * The words of a text: packed one after another in text, each ending in '\0'; an entry
 * says where one starts and whether it is a field word (title, summary, headings) or a
 * body word.
 */
typedef struct {
    size_t at;
    bool field;
} S_entry;

typedef struct {
    strbuf text;
    S_entry *entries;
    size_t n, cap;
} S_wordbuf;

static void S_wordbuf_free(S_wordbuf *wb)
{
    strbuf_free(&wb->text);
    free(wb->entries);
}

/* End the word that starts at byte start of wb's text: keep it, or drop it when too long. */
static void S_end_word(S_wordbuf *wb, size_t start, bool field)
{
    if (wb->text.len - start > SEARCHINDEX_WORD_MAX) {
        wb->text.len = start;
        wb->text.data[start] = '\0';
        return;
    }
    strbuf_putc(&wb->text, '\0');
    if (wb->n == wb->cap) {
        wb->cap = wb->cap ? 2 * wb->cap : 64;
        wb->entries = xreallocarray(wb->entries, wb->cap, sizeof *wb->entries);
    }
    wb->entries[wb->n++] = (S_entry){start, field};
}

/* Append the UTF-8 bytes of c to wb's text. */
static void S_put_char(S_wordbuf *wb, UChar32 c)
{
    uint8_t bytes[U8_MAX_LENGTH];
    int32_t k = 0;
    U8_APPEND_UNSAFE(bytes, k, c);
    strbuf_append(&wb->text, (const char *)bytes, (size_t)k);
}

/* The words of len bytes of UTF-8 through ICU (steps 1 to 3 of searchindex.h). */
static void S_collect_unicode(S_wordbuf *wb, const char *text, size_t len, bool field)
{
    int32_t n16 = 0, nf = 0;
    UChar *u = S_utf16(text, len, &n16);
    UChar *folded = S_fold(u, n16, &nf);
    free(u);
    size_t start = 0;
    bool in_word = false;
    for (int32_t i = 0; i < nf;) {
        UChar32 c;
        U16_NEXT(folded, i, nf, c);
        if (S_word_char(c)) {
            if (!in_word)
                start = wb->text.len;
            in_word = true;
            S_put_char(wb, c);
        } else if (in_word) {
            S_end_word(wb, start, field);
            in_word = false;
        }
    }
    if (in_word)
        S_end_word(wb, start, field);
    free(folded);
}

/* The same for ASCII text, without ICU: NFKC leaves ASCII as it is, its lower case is
 * A-Z to a-z, and its letters and digits are the ASCII ones. */
static bool S_ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static void S_collect_ascii(S_wordbuf *wb, const char *text, size_t len, bool field)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && !S_ascii_alnum(text[i]))
            i++;
        size_t from = i;
        while (i < len && S_ascii_alnum(text[i]))
            i++;
        if (i == from)
            break;
        size_t start = wb->text.len;
        strbuf_append(&wb->text, text + from, i - from);
        for (size_t k = start; k < wb->text.len; k++)
            if (wb->text.data[k] >= 'A' && wb->text.data[k] <= 'Z')
                wb->text.data[k] = (char)(wb->text.data[k] - 'A' + 'a');
        S_end_word(wb, start, field);
    }
}

static bool S_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Add the words of len bytes of UTF-8 to wb (steps 1 to 3 of searchindex.h). The text is
 * cut at ASCII white space into runs that are all ASCII, done without ICU, and runs that
 * are not. The words are the same as ICU's over the whole text: no word spans white
 * space, NFKC composes nothing with a space, and a space is not case-ignorable, so lower
 * case (the final sigma) sees the same context.
 */
static void S_collect(S_wordbuf *wb, const char *text, size_t len, bool field)
{
    size_t i = 0;
    while (i < len) {
        /* A run of one kind: whole space-separated pieces, all ASCII or each not. */
        size_t from = i;
        bool ascii = true, first = true;
        while (i < len) {
            size_t piece = i;
            bool piece_ascii = true;
            while (i < len && S_space(text[i]))
                i++;
            while (i < len && !S_space(text[i]))
                piece_ascii &= (unsigned char)text[i++] < 0x80;
            if (first) {
                ascii = piece_ascii;
                first = false;
            } else if (piece_ascii != ascii) {
                i = piece;
                break;
            }
        }
        if (ascii)
            S_collect_ascii(wb, text + from, i - from, field);
        else
            S_collect_unicode(wb, text + from, i - from, field);
    }
}

void searchindex_words(const char *text, size_t len, strlist *out)
{
    S_wordbuf wb = {STRBUF_INIT, NULL, 0, 0};
    S_collect(&wb, text, len, false);
    for (size_t i = 0; i < wb.n; i++)
        strlist_push(out, wb.text.data + wb.entries[i].at);
    S_wordbuf_free(&wb);
}

char *searchindex_sort_key(const char *title)
{
    int32_t n16 = 0, nf = 0, nd = 0;
    UChar *u = S_utf16(title, strlen(title), &n16);
    UChar *folded = S_fold(u, n16, &nf);
    free(u);
    UErrorCode err = U_ZERO_ERROR;
    UChar *nfd = S_normalize(unorm2_getNFDInstance(&err), folded, nf, &nd);
    free(folded);
    /* Letters and digits only, one space between words: accents and punctuation do not
     * change the order. */
    strbuf key = STRBUF_INIT;
    bool pending_space = false;
    for (int32_t i = 0; i < nd;) {
        UChar32 c;
        U16_NEXT(nfd, i, nd, c);
        if (!S_word_char(c)) {
            pending_space = key.len > 0;
            continue;
        }
        if (U_GET_GC_MASK(c) & U_GC_M_MASK)
            continue;
        if (pending_space)
            strbuf_putc(&key, ' ');
        pending_space = false;
        uint8_t bytes[U8_MAX_LENGTH];
        int32_t k = 0;
        U8_APPEND_UNSAFE(bytes, k, c);
        strbuf_append(&key, (const char *)bytes, (size_t)k);
    }
    free(nfd);
    return strbuf_detach(&key);
}

void searchindex_initial(const char *title, char out[SEARCHINDEX_INITIAL_SIZE])
{
    /* The 19 initial consonants (U+1100..U+1112) as the letters Korean lists are grouped
     * under (Hangul Compatibility Jamo). */
    static const UChar32 jamo[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                     0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                     0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
    char *key = searchindex_sort_key(title);
    int32_t i = 0, len = (int32_t)strlen(key);
    UChar32 c = -1;
    if (len > 0)
        U8_NEXT(key, i, len, c);
    free(key);
    if (c < 0) {
        snprintf(out, SEARCHINDEX_INITIAL_SIZE, "#");
        return;
    }
    if (U_GET_GC_MASK(c) & U_GC_N_MASK) {
        snprintf(out, SEARCHINDEX_INITIAL_SIZE, "0\u20139");
        return;
    }
    if (c >= 0x1100 && c <= 0x1112)
        c = jamo[c - 0x1100];
    else
        c = u_toupper(c);
    int32_t k = 0;
    U8_APPEND_UNSAFE((uint8_t *)out, k, c);
    out[k] = '\0';
}

/* ---- the index in memory ---- */

searchindex *searchindex_new(size_t n_articles)
{
    searchindex *si = xcalloc(1, sizeof *si);
    si->n = n_articles;
    si->articles = xcalloc(n_articles + 1, sizeof *si->articles);
    si->vocab = xmlHashCreate(1024);
    if (!si->vocab)
        out_of_memory();
    pthread_mutex_init(&si->lock, NULL);
    return si;
}

void searchindex_free(searchindex *si)
{
    if (!si)
        return;
    for (size_t i = 0; i < si->n; i++) {
        S_article *a = &si->articles[i];
        free(a->url);
        free(a->title);
        free(a->summary);
        free(a->lang);
        free(a->headings);
    }
    free(si->articles);
    for (size_t i = 0; i < si->n_terms; i++) {
        S_term *t = &si->terms[i];
        free(t->term);
        free(t->definition);
        free(t->url);
        for (size_t k = 0; k < t->n_aliases; k++)
            free(t->aliases[k]);
        free(t->aliases);
    }
    free(si->terms);
    for (size_t i = 0; i < si->n_words; i++) {
        free(si->words[i]);
        free(si->postings[i].ids);
        free(si->postings[i].bits);
        free(si->fields[i].ids);
        free(si->fields[i].bits);
    }
    free(si->words);
    free(si->postings);
    free(si->fields);
    xmlHashFree(si->vocab, NULL);
    if (si->by_url)
        xmlHashFree(si->by_url, NULL);
    pthread_mutex_destroy(&si->lock);
    free(si);
}

size_t searchindex_count(const searchindex *si)
{
    return si->n;
}

void searchindex_set_article(searchindex *si, size_t i, const char *url, const char *title,
                             const char *summary, const char *lang)
{
    S_article *a = &si->articles[i];
    free(a->url);
    free(a->title);
    free(a->summary);
    free(a->lang);
    a->url = xstrdup(url ? url : "");
    a->title = xstrdup(title ? title : "");
    a->summary = xstrdup(summary ? summary : "");
    a->lang = xstrdup(lang ? lang : "");
}

bool searchindex_has_body(const searchindex *si, size_t i)
{
    return si->articles[i].has_body;
}

/*
 * Add article i to p, in an index of n articles. The words of one article are added
 * together (under si->lock), so a repeat is the last number added.
 */
static void S_postings_add(S_postings *p, uint32_t i, size_t n)
{
    size_t bytes = (n + 7) / 8;
    if (p->n && p->ids[p->n - 1] == i)
        return;
    if (p->bits) {
        p->bits[i / 8] |= (unsigned char)(1u << (i % 8));
        return;
    }
    if ((size_t)(p->n + 1) * sizeof *p->ids > bytes) {
        p->bits = xcalloc(bytes + 1, 1);
        for (uint32_t k = 0; k < p->n; k++)
            p->bits[p->ids[k] / 8] |= (unsigned char)(1u << (p->ids[k] % 8));
        p->bits[i / 8] |= (unsigned char)(1u << (i % 8));
        free(p->ids);
        p->ids = NULL;
        p->n = p->cap = 0;
        return;
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 4;
        p->ids = xreallocarray(p->ids, p->cap, sizeof *p->ids);
    }
    p->ids[p->n++] = i;
}

/* The number of word in si's vocabulary, added when new. The caller holds si->lock or is
 * the only thread. */
static size_t S_word_id(searchindex *si, const char *word)
{
    void *found = xmlHashLookup(si->vocab, BAD_CAST word);
    if (found)
        return (size_t)(uintptr_t)found - 1;
    if (si->n_words == si->cap_words) {
        si->cap_words = si->cap_words ? 2 * si->cap_words : 256;
        si->words = xreallocarray(si->words, si->cap_words, sizeof *si->words);
        si->postings = xreallocarray(si->postings, si->cap_words, sizeof *si->postings);
        si->fields = xreallocarray(si->fields, si->cap_words, sizeof *si->fields);
    }
    size_t id = si->n_words++;
    si->words[id] = xstrdup(word);
    si->postings[id] = (S_postings){0};
    si->fields[id] = (S_postings){0};
    if (xmlHashAddEntry(si->vocab, BAD_CAST word, (void *)(uintptr_t)(id + 1)) != 0)
        out_of_memory();
    return id;
}

/* Copy text (the caller's) into out, white space collapsed to single spaces and trimmed. */
static char *S_collapse(const char *text)
{
    strbuf out = STRBUF_INIT;
    bool space = false;
    for (const char *p = text; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
            space = out.len > 0;
            continue;
        }
        if (space)
            strbuf_putc(&out, ' ');
        space = false;
        strbuf_putc(&out, *p);
    }
    return strbuf_detach(&out);
}

/* Whether the class attribute value cls (NULL: none) holds the class name. */
static bool S_has_class(const char *cls, const char *name)
{
    size_t len = strlen(name);
    for (const char *p = cls; p && *p;) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " ");
        if (k == len && strncmp(p, name, len) == 0)
            return true;
        p += k;
    }
    return false;
}

/* Elements whose text is not the article's own words (searchindex_add_body). */
static bool S_left_out(const xmlNode *n)
{
    static const char *const names[] = {"h1", "h2", "h3", "h4", "h5", "h6", "img",
                                        "script", "style", "template", NULL};
    for (size_t i = 0; names[i]; i++)
        if (xmlStrEqual(n->name, BAD_CAST names[i]))
            return true;
    xmlChar *cls = xmlGetNoNsProp(n, BAD_CAST "class");
    bool out = cls && (S_has_class((const char *)cls, "comparison-wrap") ||
                       S_has_class((const char *)cls, "consent-notice") ||
                       S_has_class((const char *)cls, "heading-anchor"));
    xmlFree(cls);
    return out;
}

/* Phrasing elements: their text runs on with their neighbours' ("<em>un</em>done"). */
static bool S_inline(const xmlNode *n)
{
    static const char *const names[] = {"a",   "abbr", "b",    "bdi", "bdo",  "cite", "code",
                                        "data", "del", "dfn",  "em",  "i",    "ins",  "kbd",
                                        "mark", "q",   "s",    "samp", "small", "span",
                                        "strong", "sub", "sup", "time", "u",   "var", NULL};
    for (size_t i = 0; names[i]; i++)
        if (xmlStrEqual(n->name, BAD_CAST names[i]))
            return true;
    return false;
}

/* The text under root as a reader sees it, blocks apart, into out; without recursion. */
static void S_text_of(const xmlNode *root, strbuf *out)
{
    const xmlNode *n = root->children;
    while (n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                strbuf_puts(out, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !S_left_out(n)) {
            if (!S_inline(n))
                strbuf_putc(out, ' ');
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n != root && n->type == XML_ELEMENT_NODE && !S_inline(n))
                strbuf_putc(out, ' ');
        }
        n = n == root ? NULL : n->next;
    }
}

/* Add the words of wb to the postings of article i: all of them at once, under the lock
 * (S_postings_add). */
static void S_add_words(searchindex *si, size_t i, const S_wordbuf *wb)
{
    pthread_mutex_lock(&si->lock);
    for (size_t k = 0; k < wb->n; k++) {
        size_t id = S_word_id(si, wb->text.data + wb->entries[k].at); /* may move arrays */
        S_postings *p = wb->entries[k].field ? &si->fields[id] : &si->postings[id];
        S_postings_add(p, (uint32_t)i, si->n);
    }
    pthread_mutex_unlock(&si->lock);
}

/* Add the words of article i's title, summary and headings to wb, as field words. */
static void S_collect_fields(const S_article *a, S_wordbuf *wb)
{
    if (a->title)
        S_collect(wb, a->title, strlen(a->title), true);
    if (a->summary)
        S_collect(wb, a->summary, strlen(a->summary), true);
    const char *p = a->headings;
    for (uint32_t h = 0; p && h < a->n_headings; h++) {
        S_collect(wb, p, strlen(p), true);
        p += strlen(p) + 1;
        p += strlen(p) + 1;
    }
}

void searchindex_add_body(searchindex *si, size_t i, const xmlNode *body,
                          const markdown_heading *headings, size_t n_headings)
{
    S_article *a = &si->articles[i];
    S_wordbuf wb = {STRBUF_INIT, NULL, 0, 0};
    strbuf packed = STRBUF_INIT;
    for (size_t h = 0; h < n_headings; h++) {
        char *text = S_collapse(headings[h].text ? headings[h].text : "");
        strbuf_append(&packed, text, strlen(text) + 1);
        const char *id = headings[h].id ? headings[h].id : "";
        strbuf_append(&packed, id, strlen(id) + 1);
        free(text);
    }
    free(a->headings);
    a->headings = strbuf_detach(&packed);
    a->n_headings = (uint32_t)n_headings;
    S_collect_fields(a, &wb);
    strbuf text = STRBUF_INIT;
    if (body)
        S_text_of(body, &text);
    S_collect(&wb, text.data ? text.data : "", text.len, false);
    strbuf_free(&text);
    S_add_words(si, i, &wb);
    a->has_body = true;
    S_wordbuf_free(&wb);
}

void searchindex_add_term(searchindex *si, const char *term, const char *const *aliases,
                          size_t n_aliases, const xmlNode *definition, const char *url)
{
    if (si->n_terms == si->cap_terms) {
        si->cap_terms = si->cap_terms ? 2 * si->cap_terms : 16;
        si->terms = xreallocarray(si->terms, si->cap_terms, sizeof *si->terms);
    }
    S_term *t = &si->terms[si->n_terms++];
    t->term = xstrdup(term ? term : "");
    t->url = xstrdup(url ? url : "");
    t->aliases = xcalloc(n_aliases + 1, sizeof *t->aliases);
    t->n_aliases = n_aliases;
    for (size_t k = 0; k < n_aliases; k++)
        t->aliases[k] = xstrdup(aliases[k]);
    strbuf text = STRBUF_INIT;
    if (definition)
        S_text_of(definition, &text);
    t->definition = S_collapse(strbuf_str(&text));
    strbuf_free(&text);
}

/* ---- JSON ---- */

/* A JSON string; text that is not UTF-8 (which suture's readers never let through) is
 * written empty rather than stopping the build. */
static json_t *S_string(const char *s)
{
    json_t *v = json_string(s ? s : "");
    return v ? v : json_string("");
}

static int S_by_id(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* The articles p holds, sorted, each once, into ids (room for p->n or n entries). */
static size_t S_postings_list(const S_postings *p, size_t n, uint32_t *ids)
{
    size_t count = 0;
    if (p->bits) {
        for (size_t j = 0; j < (n + 7) / 8; j++)
            for (unsigned k = 0; p->bits[j] && k < 8; k++)
                if (p->bits[j] & (1u << k))
                    ids[count++] = (uint32_t)(8 * j + k);
        return count;
    }
    if (p->n)
        memcpy(ids, p->ids, p->n * sizeof *ids);
    count = p->n;
    /* Threads add in any order. */
    qsort(ids, count, sizeof *ids, S_by_id);
    size_t out = 0;
    for (size_t i = 0; i < count; i++)
        if (out == 0 || ids[out - 1] != ids[i])
            ids[out++] = ids[i];
    return out;
}

/* v in base 36, digits then lower-case letters, appended to b. */
static void S_base36(strbuf *b, uint32_t v)
{
    char digits[8];
    int k = 0;
    do {
        digits[k++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
        v /= 36;
    } while (v);
    while (k > 0)
        strbuf_putc(b, digits[--k]);
}

/*
 * The postings string of a word held by the n sorted articles ids: either the gaps between
 * them (the first number itself, then each one's distance from the one before) in base 36,
 * separated by spaces ("0 3 a"), or "#" and a bit set in hex, two digits a byte, bit k of
 * byte j (from the least significant) for article 8j + k, trailing zero bytes left out
 * ("#0d"), whichever is shorter (the gaps when equal).
 */
static char *S_encode_postings(const uint32_t *ids, size_t n)
{
    size_t bytes = n ? ids[n - 1] / 8 + 1 : 0, gaps_len = n ? n - 1 : 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t v = i ? ids[i] - ids[i - 1] : ids[i]; gaps_len++, v >= 36;)
            v /= 36;
    if (n == 0 || gaps_len <= 1 + 2 * bytes) {
        strbuf gaps = STRBUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (i)
                strbuf_putc(&gaps, ' ');
            S_base36(&gaps, i ? ids[i] - ids[i - 1] : ids[i]);
        }
        return strbuf_detach(&gaps);
    }
    unsigned char *set = xcalloc(bytes + 1, 1);
    for (size_t i = 0; i < n; i++)
        set[ids[i] / 8] |= (unsigned char)(1u << (ids[i] % 8));
    char *hex = xmalloc(2 * bytes + 2);
    hex[0] = '#';
    for (size_t j = 0; j < bytes; j++) {
        hex[1 + 2 * j] = "0123456789abcdef"[set[j] >> 4];
        hex[2 + 2 * j] = "0123456789abcdef"[set[j] & 15];
    }
    hex[1 + 2 * bytes] = '\0';
    free(set);
    return hex;
}

/* Set covered[a] to stamp for every article a that p holds, in an index of n articles. */
static void S_mark(const S_postings *p, size_t n, uint32_t *covered, uint32_t stamp)
{
    if (p->bits) {
        for (size_t j = 0; j < (n + 7) / 8; j++)
            for (unsigned k = 0; p->bits[j] && k < 8; k++)
                if (p->bits[j] & (1u << k))
                    covered[8 * j + k] = stamp;
        return;
    }
    for (uint32_t m = 0; m < p->n; m++)
        covered[p->ids[m]] = stamp;
}

static int S_by_word(const void *x, const void *y, void *words)
{
    char **w = words;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return strcmp(w[a], w[b]);
}

/* Write the compact JSON of v to out (jansson encodes it), and release v. */
static void S_emit(FILE *out, json_t *v)
{
    json_dumpf(v, out, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(v);
}

/*
 * The headings of the index, each (text, id) once, numbered in the order the articles
 * first have them: many articles share headings ("Risks", "Recovery").
 */
typedef struct {
    xmlHashTablePtr seen; /* text, id → number + 1 */
    json_t *list;         /* [[text, id], ...] */
} S_headings;

/* Article a as JSON, its headings as numbers into hs. */
static json_t *S_article_json(const S_article *a, S_headings *hs)
{
    json_t *o = json_object();
    json_object_set_new(o, "url", S_string(a->url));
    json_object_set_new(o, "title", S_string(a->title));
    json_object_set_new(o, "summary", S_string(a->summary));
    json_object_set_new(o, "lang", S_string(a->lang));
    json_t *numbers = json_array();
    const char *p = a->headings;
    for (uint32_t h = 0; h < a->n_headings; h++) {
        const char *id = p + strlen(p) + 1;
        void *found = xmlHashLookup2(hs->seen, BAD_CAST p, BAD_CAST id);
        size_t number = found ? (size_t)(uintptr_t)found - 1 : json_array_size(hs->list);
        if (!found) {
            json_t *pair = json_array();
            json_array_append_new(pair, S_string(p));
            json_array_append_new(pair, S_string(id));
            json_array_append_new(hs->list, pair);
            xmlHashAddEntry2(hs->seen, BAD_CAST p, BAD_CAST id, (void *)(uintptr_t)(number + 1));
        }
        json_array_append_new(numbers, json_integer((json_int_t)number));
        p = id + strlen(id) + 1;
    }
    json_object_set_new(o, "headings", numbers);
    return o;
}

static json_t *S_term_json(const S_term *t)
{
    json_t *o = json_object();
    json_object_set_new(o, "term", S_string(t->term));
    json_t *aliases = json_array();
    for (size_t k = 0; k < t->n_aliases; k++)
        json_array_append_new(aliases, S_string(t->aliases[k]));
    json_object_set_new(o, "aliases", aliases);
    json_object_set_new(o, "definition", S_string(t->definition));
    json_object_set_new(o, "url", S_string(t->url));
    return o;
}

/*
 * The file is written a value at a time, each value encoded by jansson, with the fixed
 * frame between them: the same bytes as the whole tree dumped compactly, without ever
 * holding 10,000 articles as a tree or as one string (as feeds.c writes the sitemap).
 */
int searchindex_write(const searchindex *si, FILE *out)
{
    fputs("{\"format\":", out);
    S_emit(out, json_integer(SEARCHINDEX_FORMAT));
    fputs(",\"articles\":[", out);
    S_headings hs = {xmlHashCreate(256), json_array()};
    if (!hs.seen)
        out_of_memory();
    for (size_t i = 0; i < si->n; i++) {
        if (i)
            fputc(',', out);
        S_emit(out, S_article_json(&si->articles[i], &hs));
    }
    fputs("],\"headings\":", out);
    S_emit(out, hs.list);
    xmlHashFree(hs.seen, NULL);
    fputs(",\"terms\":[", out);
    for (size_t i = 0; i < si->n_terms; i++) {
        if (i)
            fputc(',', out);
        S_emit(out, S_term_json(&si->terms[i]));
    }
    /* The vocabulary in byte order: search.js scans it; the same words, the same file. */
    size_t *order = xcalloc(si->n_words + 1, sizeof *order);
    for (size_t k = 0; k < si->n_words; k++)
        order[k] = k;
    qsort_r(order, si->n_words, sizeof *order, S_by_word, si->words);
    strlist postings = STRLIST_INIT; /* written after the words */
    fputs("],\"words\":[", out);
    uint32_t *ids = xcalloc(si->n + 1, sizeof *ids);
    uint32_t *covered = xcalloc(si->n + 1, sizeof *covered); /* k + 1: covered for word k */
    for (size_t k = 0; k < si->n_words; k++) {
        size_t n = S_postings_list(&si->postings[order[k]], si->n, ids);
        if (n == 0)
            continue;
        /*
         * An article's body word is left out when the article has a longer word that
         * starts with it, in its body or its fields, or the same word in its fields: a
         * query that finds the one finds the other. The words that start with this one
         * follow it in byte order.
         */
        const char *w = si->words[order[k]];
        S_mark(&si->fields[order[k]], si->n, covered, (uint32_t)k + 1);
        for (size_t e = k + 1; e < si->n_words && str_starts_with(si->words[order[e]], w); e++) {
            S_mark(&si->postings[order[e]], si->n, covered, (uint32_t)k + 1);
            S_mark(&si->fields[order[e]], si->n, covered, (uint32_t)k + 1);
        }
        size_t kept = 0;
        for (size_t m = 0; m < n; m++)
            if (covered[ids[m]] != k + 1)
                ids[kept++] = ids[m];
        if (kept == 0)
            continue;
        if (postings.len)
            fputc(',', out);
        S_emit(out, S_string(w));
        strlist_push_owned(&postings, S_encode_postings(ids, kept));
    }
    free(covered);
    free(ids);
    free(order);
    fputs("],\"postings\":[", out);
    for (size_t k = 0; k < postings.len; k++) {
        if (k)
            fputc(',', out);
        S_emit(out, json_string(postings.items[k]));
    }
    fputs("]}", out);
    strlist_free(&postings);
    return ferror(out) ? -1 : 0;
}

char *searchindex_json(const searchindex *si, size_t *len)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    if (!out)
        out_of_memory();
    int status = searchindex_write(si, out);
    if (fclose(out) != 0 || status != 0)
        out_of_memory();
    return text;
}

/* ---- reading an index back ---- */

/* The value of a lower-case hex digit, or -1. */
static int S_hex(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decode a postings string (S_encode_postings) of an index of n articles into p. False
 * when it is not one. */
static bool S_decode_postings(const char *s, size_t n, S_postings *p)
{
    if (s[0] == '#') {
        size_t digits = strlen(s + 1), bytes = (n + 7) / 8;
        if (digits % 2 || digits / 2 > bytes || p->n || p->bits)
            return false;
        p->bits = xcalloc(bytes + 1, 1);
        for (size_t j = 0; j < digits / 2; j++) {
            int hi = S_hex(s[1 + 2 * j]), lo = S_hex(s[2 + 2 * j]);
            if (hi < 0 || lo < 0)
                return false;
            p->bits[j] = (unsigned char)(hi << 4 | lo);
        }
        /* No article past the last. */
        return n % 8 == 0 || digits / 2 < bytes || !(p->bits[bytes - 1] >> (n % 8));
    }
    unsigned long long at = 0;
    bool first = true;
    for (const char *q = s; *q;) {
        char *end;
        errno = 0;
        unsigned long long gap = strtoull(q, &end, 36);
        if (end == q || errno || (*end && *end != ' ') || (!first && gap == 0) || *q == '-' ||
            *q == '+' || *q == ' ')
            return false;
        at = first ? gap : at + gap;
        if (at >= n)
            return false;
        S_postings_add(p, (uint32_t)at, n);
        first = false;
        q = *end ? end + 1 : end;
    }
    return true;
}

searchindex *searchindex_read(const char *path)
{
    /* Read as every file is (file_read): a named pipe in its place cannot block the build. */
    size_t len = 0;
    char *data = file_read(path, &len);
    if (!data)
        return NULL;
    json_error_t error;
    json_t *root = json_loadb(data, len, 0, &error);
    free(data);
    if (!root)
        return NULL;
    json_t *format = json_object_get(root, "format");
    json_t *articles = json_object_get(root, "articles");
    json_t *headings = json_object_get(root, "headings");
    json_t *words = json_object_get(root, "words");
    json_t *postings = json_object_get(root, "postings");
    if (!json_is_integer(format) || json_integer_value(format) != SEARCHINDEX_FORMAT ||
        !json_is_array(articles) || !json_is_array(headings) || !json_is_array(words) ||
        !json_is_array(postings) ||
        json_array_size(words) != json_array_size(postings) ||
        json_array_size(articles) >= S_NONE) {
        json_decref(root);
        return NULL;
    }
    size_t n = json_array_size(articles);
    searchindex *si = searchindex_new(n);
    si->by_url = xmlHashCreate((int)(n < 64 ? 64 : n));
    bool ok = si->by_url != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        json_t *a = json_array_get(articles, i);
        json_t *url = json_object_get(a, "url");
        json_t *hs = json_object_get(a, "headings");
        if (!json_is_string(url) || !json_is_array(hs)) {
            ok = false;
            break;
        }
        searchindex_set_article(si, i, json_string_value(url), "", "", "");
        strbuf packed = STRBUF_INIT;
        for (size_t h = 0; ok && h < json_array_size(hs); h++) {
            json_t *number = json_array_get(hs, h);
            json_t *pair = json_is_integer(number) && json_integer_value(number) >= 0
                               ? json_array_get(headings, (size_t)json_integer_value(number))
                               : NULL;
            json_t *text = json_array_get(pair, 0), *id = json_array_get(pair, 1);
            ok = json_is_array(pair) && json_array_size(pair) == 2 && json_is_string(text) &&
                 json_is_string(id);
            if (ok) {
                strbuf_append(&packed, json_string_value(text), strlen(json_string_value(text)) + 1);
                strbuf_append(&packed, json_string_value(id), strlen(json_string_value(id)) + 1);
            }
        }
        si->articles[i].headings = strbuf_detach(&packed);
        si->articles[i].n_headings = (uint32_t)json_array_size(hs);
        si->articles[i].has_body = true;
        /* Two articles at one address: the first is taken, as in the file's order. */
        xmlHashAddEntry(si->by_url, BAD_CAST json_string_value(url), (void *)(uintptr_t)(i + 1));
    }
    for (size_t k = 0; ok && k < json_array_size(words); k++) {
        json_t *w = json_array_get(words, k), *p = json_array_get(postings, k);
        if (!json_is_string(w) || !json_is_string(p) ||
            xmlHashLookup(si->vocab, BAD_CAST json_string_value(w))) {
            ok = false;
            break;
        }
        size_t id = S_word_id(si, json_string_value(w));
        ok = S_decode_postings(json_string_value(p), n, &si->postings[id]);
    }
    json_decref(root);
    if (!ok) {
        searchindex_free(si);
        return NULL;
    }
    return si;
}

size_t searchindex_take_from(searchindex *si, const searchindex *old)
{
    if (old && old->by_url && old->n) {
        uint32_t *to = xcalloc(old->n, sizeof *to);
        for (size_t j = 0; j < old->n; j++)
            to[j] = S_NONE;
        bool any = false;
        for (size_t i = 0; i < si->n; i++) {
            S_article *a = &si->articles[i];
            if (a->has_body || !a->url)
                continue;
            void *found = xmlHashLookup(old->by_url, BAD_CAST a->url);
            size_t j = found ? (size_t)(uintptr_t)found - 1 : SIZE_MAX;
            if (j >= old->n || to[j] != S_NONE)
                continue;
            to[j] = (uint32_t)i;
            const S_article *o = &old->articles[j];
            /* The packed headings end at their last '\0'. */
            const char *end = o->headings;
            for (uint32_t h = 0; h < 2 * o->n_headings; h++)
                end += strlen(end) + 1;
            size_t size = (size_t)(end - o->headings);
            a->headings = xmalloc(size + 1);
            if (size)
                memcpy(a->headings, o->headings, size);
            a->headings[size] = '\0';
            a->n_headings = o->n_headings;
            a->has_body = true;
            any = true;
        }
        /* The taken articles' field words, as searchindex_add_body adds them. */
        for (size_t j = 0; any && j < old->n; j++) {
            if (to[j] == S_NONE)
                continue;
            S_wordbuf wb = {STRBUF_INIT, NULL, 0, 0};
            S_collect_fields(&si->articles[to[j]], &wb);
            S_add_words(si, to[j], &wb);
            S_wordbuf_free(&wb);
        }
        /*
         * When the articles keep their numbers (an edit, the usual incremental build), a
         * bit set is taken a byte at a time, masked to the articles taken.
         */
        bool same_numbers = old->n == si->n;
        for (size_t j = 0; same_numbers && j < old->n; j++)
            same_numbers = to[j] == S_NONE || to[j] == j;
        size_t bytes = (si->n + 7) / 8;
        unsigned char *mask = same_numbers ? xcalloc(bytes + 1, 1) : NULL;
        for (size_t j = 0; mask && j < old->n; j++)
            if (to[j] != S_NONE)
                mask[j / 8] |= (unsigned char)(1u << (j % 8));
        uint32_t *ids = xcalloc(old->n + 1, sizeof *ids);
        for (size_t k = 0; any && k < old->n_words; k++) {
            if (mask && old->postings[k].bits) {
                size_t id = S_word_id(si, old->words[k]); /* may move si->postings */
                S_postings *p = &si->postings[id];
                /* Into a bit set: an article's numbers, if any, are set as bits first. */
                if (!p->bits) {
                    unsigned char *set = xcalloc(bytes + 1, 1);
                    for (uint32_t m = 0; m < p->n; m++)
                        set[p->ids[m] / 8] |= (unsigned char)(1u << (p->ids[m] % 8));
                    free(p->ids);
                    *p = (S_postings){.bits = set};
                }
                for (size_t j = 0; j < bytes; j++)
                    p->bits[j] |= old->postings[k].bits[j] & mask[j];
                continue;
            }
            size_t n = S_postings_list(&old->postings[k], old->n, ids);
            size_t id = SIZE_MAX;
            for (size_t m = 0; m < n; m++) {
                if (to[ids[m]] == S_NONE)
                    continue;
                if (id == SIZE_MAX)
                    id = S_word_id(si, old->words[k]);
                S_postings_add(&si->postings[id], to[ids[m]], si->n);
            }
        }
        free(ids);
        free(mask);
        free(to);
    }
    size_t missing = 0;
    for (size_t i = 0; i < si->n; i++)
        missing += !si->articles[i].has_body;
    return missing;
}
