/* glossary_link.c: the matcher of each language's terms, and first-use links (see
 * glossary.h). */
#define _GNU_SOURCE
#include "content/glossary_private.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/str.h"

/* Append phrase to a PCRE2 pattern as a literal, safe against "\E" inside it. */
static void S_append_literal(strbuf *b, const char *phrase)
{
    strbuf_puts(b, "\\Q");
    for (const char *p = phrase; *p; p++) {
        if (p[0] == '\\' && p[1] == 'E') {
            strbuf_puts(b, "\\E\\\\E\\Q");
            p++;
        } else if (*p == ' ') {
            /* A space in a term matches any run of white space, as text wraps. */
            strbuf_puts(b, "\\E\\s+\\Q");
        } else {
            strbuf_putc(b, *p);
        }
    }
    strbuf_puts(b, "\\E");
}

typedef struct {
    const char *phrase;
    size_t term;
} S_phrase;

static int S_by_length_desc(const void *a, const void *b)
{
    size_t la = strlen(((const S_phrase *)a)->phrase), lb = strlen(((const S_phrase *)b)->phrase);
    return la < lb ? 1 : la > lb ? -1 : 0;
}

/* The first character of phrase, case-folded as caseless matching compares it (ICU's simple
 * case folding, which PCRE2's caseless sets also follow), and its length in bytes in *len;
 * a negative value when phrase does not start with valid UTF-8. */
static UChar32 S_lead(const char *phrase, int32_t *len)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT((const uint8_t *)phrase, i, -1, c);
    *len = i;
    return c <= 0 ? -1 : u_foldCase(c, U_FOLD_CASE_DEFAULT);
}

/*
 * Write into pat one PCRE2 pattern that matches any of the n phrases (sorted longest
 * first), then calls callout 1 (S_at_word_edges) to check the characters around the match,
 * and into order (room for n) the phrase of each capture group, in the order of the groups.
 *
 * PCRE2 tries alternatives left to right, so with every phrase listed longest first the
 * longest phrase wins at any position, and when the callout turns it down the next longest
 * is tried at the same position. Phrases that begin with the same character (caselessly,
 * in any script: "S", "s"; "실") are grouped behind it, "s(?:(mas)|(kin))", so that at each
 * position of the text PCRE2 tests one first character per group instead of every phrase:
 * linking terms had cost a tenth of a build. Groups never match at the same position, as
 * their first characters differ caselessly. Each phrase has its own capture group.
 */
static void S_build_pattern(const S_phrase *phrases, size_t n, size_t *order, strbuf *pat)
{
    size_t n_order = 0;
    bool *placed = xcalloc(n + 1, sizeof *placed);
    /* An ASCII letter, digit or '_' before a phrase is a word character for the callout
     * too; rejecting those places first spares PCRE2 trying phrases inside English words,
     * which the callout alone made a third slower. */
    strbuf_puts(pat, "(?<![A-Za-z0-9_])(?:");
    bool first_branch = true;
    for (size_t i = 0; i < n; i++) {
        int32_t lead_len;
        UChar32 lead = S_lead(phrases[i].phrase, &lead_len);
        if (placed[i] || lead < 0)
            continue;
        char *first = xstrndup(phrases[i].phrase, (size_t)lead_len);
        strbuf_puts(pat, first_branch ? "" : "|");
        first_branch = false;
        S_append_literal(pat, first);
        free(first);
        strbuf_puts(pat, "(?:");
        bool first_in_group = true;
        for (size_t j = i; j < n; j++) {
            int32_t len;
            if (placed[j] || S_lead(phrases[j].phrase, &len) != lead)
                continue;
            placed[j] = true;
            order[n_order++] = j;
            strbuf_puts(pat, first_in_group ? "(" : "|(");
            first_in_group = false;
            S_append_literal(pat, phrases[j].phrase + len);
            strbuf_putc(pat, ')');
        }
        strbuf_putc(pat, ')');
    }
    for (size_t i = 0; i < n; i++) {
        if (placed[i])
            continue;
        order[n_order++] = i;
        strbuf_puts(pat, first_branch ? "(" : "|(");
        first_branch = false;
        S_append_literal(pat, phrases[i].phrase);
        strbuf_putc(pat, ')');
    }
    strbuf_puts(pat, ")(?C1)");
    free(placed);
}

/* The phrases of v: the term and aliases, in v's language, of each of its terms. */
static S_phrase *S_phrases(const glossary_view *v, size_t *n)
{
    const glossary *g = v->g;
    size_t cap = 0;
    for (size_t i = 0; i < v->n_sorted; i++) {
        size_t n_aliases;
        glossary_term_aliases(&g->terms[v->sorted[i]], v->lang, &n_aliases);
        cap += 1 + n_aliases;
    }
    S_phrase *phrases = xcalloc(cap + 1, sizeof *phrases);
    *n = 0;
    for (size_t i = 0; i < v->n_sorted; i++) {
        const glossary_term *t = &g->terms[v->sorted[i]];
        size_t n_aliases;
        const char *const *aliases = glossary_term_aliases(t, v->lang, &n_aliases);
        phrases[(*n)++] = (S_phrase){ltext_get(&t->term, v->lang), v->sorted[i]};
        for (size_t a = 0; a < n_aliases; a++)
            phrases[(*n)++] = (S_phrase){aliases[a], v->sorted[i]};
    }
    return phrases;
}

bool glossary_view_compile(glossary_view *v, diag_list *diags)
{
    if (v->n_sorted == 0)
        return true;
    size_t n_phrases;
    S_phrase *phrases = S_phrases(v, &n_phrases);
    qsort(phrases, n_phrases, sizeof *phrases, S_by_length_desc);
    size_t *order = xcalloc(n_phrases + 1, sizeof *order);
    strbuf pat = STRBUF_INIT;
    S_build_pattern(phrases, n_phrases, order, &pat);
    int err;
    PCRE2_SIZE erroff;
    v->pattern = pcre2_compile((PCRE2_SPTR)pat.data, pat.len,
                               PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF,
                               &err, &erroff, NULL);
    strbuf_free(&pat);
    if (!v->pattern) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        diag_error(diags, v->g->file, 1, 1, "glossary", "cannot build the term matcher: %s", msg);
        free(phrases);
        free(order);
        return false;
    }
    pcre2_jit_compile(v->pattern, PCRE2_JIT_COMPLETE);
    /* Remember which term each capture group stands for (S_link_in_text). */
    v->group_term = xcalloc(n_phrases + 1, sizeof *v->group_term);
    for (size_t i = 0; i < n_phrases; i++)
        v->group_term[i] = phrases[order[i]].term;
    free(order);
    free(phrases);
    return true;
}

void glossary_view_free_matcher(glossary_view *v)
{
    pcre2_code_free(v->pattern);
    free(v->group_term);
    v->pattern = NULL;
    v->group_term = NULL;
}

static bool S_skip_element(xmlNodePtr n)
{
    static const char *const skip[] = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5",
                                       "h6", "table", "figure", "script", "style", NULL};
    for (size_t i = 0; skip[i]; i++)
        if (xmlStrcmp(n->name, BAD_CAST skip[i]) == 0)
            return true;
    return false;
}

typedef struct {
    const glossary_view *v;
    const char *href;
    size_t *linked;               /* NULL, or where the linked terms go, in order */
    bool *used;
    size_t remaining;
    size_t links;
    pcre2_match_data *match;
    pcre2_match_context *context; /* calls S_at_word_edges with this linker */
    UChar32 before;               /* the character before the text node, or -1 */
} S_linker;

/*
 * Whether c belongs to a word for the edges of a term: a letter of any script (ICU's
 * Alphabetic property, which Hangul syllables and jamo have), a decimal digit, a combining
 * mark (it continues the character before it), or '_', as the English rule always counted
 * it.
 */
static bool S_word_char(UChar32 c)
{
    return c == '_' || u_hasBinaryProperty(c, UCHAR_POSIX_ALNUM) ||
           (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

/*
 * PCRE2 callout 1, at the end of a phrase the pattern matched: 0 to accept it, 1 to make
 * PCRE2 try a shorter phrase at the same place. A term starts a word: the character before
 * it is no word character (S_word_char), so 리프팅 in 실리프팅 and SMAS in xSMAS are not
 * terms. It ends a word, or is followed by Hangul: Korean writes particles and endings onto
 * the noun without a space (한글 맞춤법 제41항, "조사는 그 앞말에 붙여 쓴다"), so the term
 * is 실리프팅 in 실리프팅을 and SMAS in SMAS는. Between ASCII words this is the rule the
 * English text always had: SMASH, SMAS2 and xSMAS hold no SMAS.
 */
static int S_at_word_edges(pcre2_callout_block *cb, void *data)
{
    const S_linker *l = data;
    UChar32 c = l->before;
    if (cb->start_match > 0) {
        int32_t i = (int32_t)cb->start_match;
        U8_PREV(cb->subject, 0, i, c);
    }
    if (c >= 0 && S_word_char(c))
        return 1;
    if (cb->current_position >= cb->subject_length)
        return 0;
    int32_t i = (int32_t)cb->current_position;
    U8_NEXT(cb->subject, i, (int32_t)cb->subject_length, c);
    UErrorCode err = U_ZERO_ERROR;
    if (c >= 0 && S_word_char(c) && uscript_getScript(c, &err) != USCRIPT_HANGUL)
        return 1;
    return 0;
}

/*
 * The button that opens term id's definition in place: <button type="button"
 * class="glossary-term" popovertarget="def-<id>" hidden>text</button>, the len bytes of the
 * matched text as its name. Hidden, so that a browser without popovers (or without CSS)
 * keeps the link alone; site.css shows it, and hides the link, where popovers work.
 */
static xmlNodePtr S_popover_trigger(const char *id, const char *text, size_t len)
{
    xmlNodePtr b = xmlNewNode(NULL, BAD_CAST "button");
    xmlNewProp(b, BAD_CAST "type", BAD_CAST "button");
    xmlNewProp(b, BAD_CAST "class", BAD_CAST "glossary-term");
    char *target = xasprintf("def-%s", id);
    xmlNewProp(b, BAD_CAST "popovertarget", BAD_CAST target);
    free(target);
    xmlNewProp(b, BAD_CAST "hidden", BAD_CAST "");
    xmlAddChild(b, xmlNewTextLen(BAD_CAST text, (int)len));
    return b;
}

/*
 * Link the first unused term in one text node. Returns the node that holds the rest of
 * the text (to keep scanning, with l->before set to the last character of the link), or
 * NULL when nothing more can be linked in it.
 */
static xmlNodePtr S_link_in_text(S_linker *l, xmlNodePtr text)
{
    const char *s = (const char *)text->content;
    size_t len = strlen(s);
    const size_t *group_term = l->v->group_term;
    PCRE2_SIZE offset = 0;
    while (offset <= len) {
        int rc =
            pcre2_match(l->v->pattern, (PCRE2_SPTR)s, len, offset, 0, l->match, l->context);
        if (rc < 0)
            return NULL;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(l->match);
        size_t term = (size_t)-1;
        for (int grp = 1; grp < rc; grp++)
            if (ov[2 * grp] != PCRE2_UNSET) {
                term = group_term[grp - 1];
                break;
            }
        if (term == (size_t)-1 || l->used[term]) {
            offset = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            continue;
        }
        l->used[term] = true;
        l->remaining--;
        l->links++;
        size_t start = ov[0], end = ov[1];
        int32_t last = (int32_t)end;
        U8_PREV((const uint8_t *)s, (int32_t)start, last, l->before);
        /* libxml2 merges adjacent text nodes, so shorten this one in place, put the link
         * after it, and let the rest follow as the node scanning continues in. */
        char *copy = xstrdup(s);
        xmlNodePtr a = xmlNewNode(NULL, BAD_CAST "a");
        xmlNewProp(a, BAD_CAST "class", BAD_CAST "glossary-term");
        char *href = xasprintf("%s#term-%s", l->href, l->v->g->terms[term].id);
        xmlNewProp(a, BAD_CAST "href", BAD_CAST href);
        free(href);
        xmlAddChild(a, xmlNewTextLen(BAD_CAST copy + start, (int)(end - start)));
        if (start > 0) {
            xmlNodeSetContentLen(text, BAD_CAST copy, (int)start);
            xmlAddNextSibling(text, a);
        } else {
            xmlReplaceNode(text, a);
            xmlFreeNode(text);
        }
        xmlNodePtr last_node = a;
        if (l->linked) {
            l->linked[l->links - 1] = term;
            last_node = xmlAddNextSibling(a, S_popover_trigger(l->v->g->terms[term].id,
                                                               copy + start, end - start));
        }
        xmlNodePtr rest =
            end < len ? xmlAddNextSibling(last_node, xmlNewText(BAD_CAST copy + end)) : NULL;
        free(copy);
        return rest;
    }
    return NULL;
}

static void S_walk(S_linker *l, xmlNodePtr node)
{
    xmlNodePtr child = node->children;
    while (child && l->remaining) {
        xmlNodePtr next = child->next;
        if (child->type == XML_ELEMENT_NODE) {
            if (!S_skip_element(child))
                S_walk(l, child);
        } else if (child->type == XML_TEXT_NODE && child->content) {
            /* The edge of an element is the edge of a word, as it always was for English
             * ("<em>x</em>SMAS" links SMAS). */
            l->before = -1;
            xmlNodePtr rest = child;
            while (rest && l->remaining)
                rest = S_link_in_text(l, rest);
        }
        child = next;
    }
}

static size_t S_link_terms(const glossary_view *v, xmlNodePtr root, const char *glossary_href,
                           size_t *linked)
{
    if (!v->pattern || !root)
        return 0;
    S_linker l = {
        .v = v,
        .href = glossary_href,
        .linked = linked,
        .used = xcalloc(v->g->n_terms, sizeof(bool)),
        .remaining = v->n_sorted,
        .match = pcre2_match_data_create_from_pattern(v->pattern, NULL),
        .context = pcre2_match_context_create(NULL),
        .before = -1,
    };
    pcre2_set_callout(l.context, S_at_word_edges, &l);
    S_walk(&l, root);
    pcre2_match_context_free(l.context);
    pcre2_match_data_free(l.match);
    free(l.used);
    return l.links;
}

size_t glossary_link_terms(const glossary_view *v, xmlNodePtr root, const char *glossary_href)
{
    return S_link_terms(v, root, glossary_href, NULL);
}

size_t glossary_link_terms_popover(const glossary_view *v, xmlNodePtr root,
                                   const char *glossary_href, size_t *linked)
{
    return S_link_terms(v, root, glossary_href, linked);
}
