/* searchindex.c: the search index of /search/ (see searchindex.h): the index in memory,
 * built from the articles' text and the glossary. */
#define _GNU_SOURCE
#include "render/searchindex.h"

#include <libxml/hash.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "render/searchindex_private.h"

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
        si_article *a = &si->articles[i];
        free(a->url);
        free(a->title);
        free(a->summary);
        free(a->lang);
        free(a->headings);
        free(a->text);
    }
    free(si->articles);
    for (size_t i = 0; i < si->n_terms; i++) {
        si_term *t = &si->terms[i];
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
    si_article *a = &si->articles[i];
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
void si_postings_add(si_postings *p, uint32_t i, size_t n)
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
size_t si_word_id(searchindex *si, const char *word)
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
    si->postings[id] = (si_postings){0};
    si->fields[id] = (si_postings){0};
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

/* Elements whose text is not the article's own words (searchindex_add_body); a citation's
 * number would run on with the word it follows ("SMAS1"). */
static bool S_left_out(const xmlNode *n)
{
    /* A diagram's labels (<svg>) are words of a drawing, not sentences; its caption and
     * text alternative, in <figcaption>, are kept. */
    static const char *const names[] = {"h1", "h2", "h3", "h4", "h5", "h6", "img",
                                        "script", "style", "template", "svg", NULL};
    for (size_t i = 0; names[i]; i++)
        if (xmlStrEqual(n->name, BAD_CAST names[i]))
            return true;
    xmlChar *cls = xmlGetNoNsProp(n, BAD_CAST "class");
    bool out = cls && (S_has_class((const char *)cls, "comparison-wrap") ||
                       S_has_class((const char *)cls, "consent-notice") ||
                       S_has_class((const char *)cls, "heading-anchor") ||
                       S_has_class((const char *)cls, "citation"));
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

/* The text under root as a reader sees it, into out, each block ended by sep; without
 * recursion. */
static void S_text_of(const xmlNode *root, strbuf *out, char sep)
{
    const xmlNode *n = root->children;
    while (n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                strbuf_puts(out, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !S_left_out(n)) {
            if (!S_inline(n))
                strbuf_putc(out, sep);
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n != root && n->type == XML_ELEMENT_NODE && !S_inline(n))
                strbuf_putc(out, sep);
        }
        n = n == root ? NULL : n->next;
    }
}

/* Add the words of wb to the postings of article i: all of them at once, under the lock
 * (si_postings_add). */
void si_add_words(searchindex *si, size_t i, const si_wordbuf *wb)
{
    pthread_mutex_lock(&si->lock);
    for (size_t k = 0; k < wb->n; k++) {
        size_t id = si_word_id(si, wb->text.data + wb->entries[k].at); /* may move arrays */
        si_postings *p = wb->entries[k].field ? &si->fields[id] : &si->postings[id];
        si_postings_add(p, (uint32_t)i, si->n);
    }
    pthread_mutex_unlock(&si->lock);
}

/* Add the words of article i's title, summary and headings to wb, as field words. */
void si_collect_fields(const si_article *a, si_wordbuf *wb)
{
    if (a->title)
        si_collect(wb, a->title, strlen(a->title), true);
    if (a->summary)
        si_collect(wb, a->summary, strlen(a->summary), true);
    const char *p = a->headings;
    for (uint32_t h = 0; p && h < a->n_headings; h++) {
        si_collect(wb, p, strlen(p), true);
        p += strlen(p) + 1;
        p += strlen(p) + 1;
    }
}

void searchindex_add_body(searchindex *si, size_t i, const xmlNode *body,
                          const markdown_heading *headings, size_t n_headings)
{
    si_article *a = &si->articles[i];
    si_wordbuf wb = {STRBUF_INIT, NULL, 0, 0};
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
    si_collect_fields(a, &wb);
    strbuf text = STRBUF_INIT;
    if (body)
        S_text_of(body, &text, SI_BLOCK);
    free(a->text);
    a->text = si_excerpt(strbuf_str(&text), text.len, &wb, &a->n_text);
    si_collect(&wb, strbuf_str(&text), text.len, false);
    strbuf_free(&text);
    si_add_words(si, i, &wb);
    a->has_body = true;
    si_wordbuf_free(&wb);
}

void searchindex_add_term(searchindex *si, const char *term, const char *const *aliases,
                          size_t n_aliases, const xmlNode *definition, const char *url)
{
    if (si->n_terms == si->cap_terms) {
        si->cap_terms = si->cap_terms ? 2 * si->cap_terms : 16;
        si->terms = xreallocarray(si->terms, si->cap_terms, sizeof *si->terms);
    }
    si_term *t = &si->terms[si->n_terms++];
    t->term = xstrdup(term ? term : "");
    t->url = xstrdup(url ? url : "");
    t->aliases = xcalloc(n_aliases + 1, sizeof *t->aliases);
    t->n_aliases = n_aliases;
    for (size_t k = 0; k < n_aliases; k++)
        t->aliases[k] = xstrdup(aliases[k]);
    strbuf text = STRBUF_INIT;
    if (definition)
        S_text_of(definition, &text, ' ');
    t->definition = S_collapse(strbuf_str(&text));
    strbuf_free(&text);
}
