/*
 * glossary.h: content/glossary.yaml, the terms patients may not know, and the linking of
 * each term's first use in an article to its definition (SPEC.md, "Glossary terms").
 *
 *     reviewed: 2026-12-07                                # optional
 *     terms:
 *       - id: smas
 *         term: SMAS
 *         aliases: [superficial musculoaponeurotic system]   # optional
 *         definition: "A layer of ... (inline Markdown)"
 *
 * Terms and aliases match case-insensitively, and where several match at one place the
 * longest wins ("fixed SMAS" before "SMAS", 실리프팅 before 리프팅). A match starts a word:
 * the character before it is no letter, digit, combining mark or '_' of any script (ICU's
 * character properties), so 리프팅 inside 실리프팅 and SMAS inside xSMAS are not terms. It
 * ends a word, or is followed by Hangul: Korean writes particles and endings onto the noun
 * (한글 맞춤법 제41항: 조사는 그 앞말에 붙여 쓴다), so SMAS층은, 실리프팅을 and SMAS는 hold
 * the terms SMAS층, 실리프팅 and SMAS, and the link wraps the term without its particle.
 *
 * On a site in several languages (issue 16) the term, its aliases and its definition are
 * given per declared language (content/ltext.h); the id stays one:
 *
 *     terms:
 *       - id: smas
 *         term: {ko: 스마스, en: SMAS}
 *         aliases: {ko: [스마스층, 표재성 근건막층], en: [superficial musculoaponeurotic system]}
 *         definition: {ko: "...", en: "..."}
 *
 * Each language has its own terms: a page in a language links only that language's terms
 * and aliases, to that language's glossary page. A term or alias may be given to one entry
 * per language; the same words may name an entry in two languages (SMAS).
 */
#ifndef SUTURE_GLOSSARY_H
#define SUTURE_GLOSSARY_H

#include <libxml/tree.h>
#include <stddef.h>

#include "base/date.h"
#include "base/diag.h"
#include "content/ltext.h"

/* The aliases of a term in one language. */
typedef struct glossary_aliases {
    char *lang;        /* as the key was written ("ko"); a plain list is the site's language,
                        * or "" (any) when the languages are unknown */
    char **items;
    size_t n;
} glossary_aliases;

typedef struct glossary_term {
    char *id;          /* slug, used as the anchor "term-<id>" on the glossary page */
    ltext term;        /* as shown, per language */
    glossary_aliases *aliases; /* one list per language given, in the order written */
    size_t n_alias_langs;
    ltext definition;  /* inline Markdown, per language */
    unsigned line, column;
} glossary_term;

typedef struct glossary glossary;

/* The terms of one language, with their matcher compiled once (glossary_for_language). */
typedef struct glossary_view glossary_view;

/*
 * Read and check the glossary. langs are the site's languages (config_ltext_langs), or NULL
 * when site.yaml was unusable: any language is then accepted and none required. Reports
 * unknown keys, missing fields, duplicate ids, and a term or alias given to two entries in
 * one language ("'smas' is already defined by glossary entry 'smas'"); every error of
 * ltext_read for 'term' and 'definition', naming the entry ("'term' of glossary entry
 * 'smas' has no 'en' text; add 'en: …'"); and for 'aliases' on a site in several languages:
 *   - "'aliases' of glossary entry 'smas' must give a list per language, like {ko: […],
 *     en: […]}: site.yaml declares ko, en" for a plain list or a single value;
 *   - "'aliases' of glossary entry 'smas' has no 'en' list; add 'en: […]', or 'en: []' when
 *     it has none" for each declared language left out;
 *   - "'aliases' of glossary entry 'smas' has a list in 'fr', a language site.yaml does not
 *     declare; ..." and "language 'ko' is given twice in 'aliases' of ...", at the key;
 *   - "the 'en' aliases of glossary entry 'smas' must be a list, ..." and "each alias must
 *     be a text value, ..." (ydoc_expect_seq, ydoc_expect_string).
 * On a site in one language, plain strings and a plain list keep the messages they always
 * had ("'term' must be a text value, but it is a list"). glossary.yaml serves every
 * language: when the site's default language (langs->codes[0]) is Korean, every mistake,
 * its YAML syntax included, is told in Korean. A path that does not exist gives
 * an empty glossary. Returns the glossary (free with glossary_free) or NULL on errors.
 */
glossary *glossary_load(const char *path, const ltext_langs *langs, diag_list *diags);
void glossary_free(glossary *g);

/*
 * A text of the glossary (a term or definition) for a page in lang: its value in lang
 * (ltext_get), else in the glossary's default language (the site's first), else NULL.
 * Belongs to t.
 */
const char *glossary_text(const glossary *g, const ltext *t, const char *lang);

/*
 * The aliases of t in lang: the list whose language is lang (ASCII case ignored), else the
 * one of lang's primary subtag, else the one written for "" (any), else none. Sets *n;
 * the array belongs to t.
 */
const char *const *glossary_term_aliases(const glossary_term *t, const char *lang, size_t *n);

/*
 * The terms of language lang: the view of the language whose tag is lang (ASCII case
 * ignored), else of its primary subtag, else of "" (any), else the default language's (a
 * page in a language a one-language site does not declare is linked with the site's
 * terms, as it always was). Never NULL; it belongs to g. A view is made for each declared
 * language when the glossary is loaded (for each language written, when the languages are
 * unknown), with its matcher compiled once, so linking a page compiles nothing.
 */
const glossary_view *glossary_for_language(const glossary *g, const char *lang);

/* The language of the view, as declared ("ko"), or "" (any). Belongs to the glossary. */
const char *glossary_view_language(const glossary_view *v);

/*
 * Indices (for glossary_get) of the terms that have a text in the view's language, sorted
 * by that text case-insensitively (ASCII); *n is set to how many. The array belongs to the
 * glossary.
 */
const size_t *glossary_view_sorted(const glossary_view *v, size_t *n);

/* The path the glossary was read from. */
const char *glossary_file_name(const glossary *g);
/*
 * The date glossary.yaml's optional top-level `reviewed: 2026-12-07` gives, when the
 * glossary's definitions were last checked (shown on the glossary page), or NULL. A value
 * that is not a YYYY-MM-DD date is an error of glossary_load.
 */
const date_ymd *glossary_reviewed(const glossary *g);
size_t glossary_count(const glossary *g);
const glossary_term *glossary_get(const glossary *g, size_t i);

/*
 * In the element tree under root, turn the first use of each term of v (by its term or any
 * alias in v's language, matched as said at the top) into
 * <a class="glossary-term" href="<glossary_href>#term-<id>">…</a>, the link holding the
 * matched text only ("<a …>실리프팅</a>을"). Text inside links, headings, code, pre, tables
 * and figures is left alone; the edge of an element counts as the edge of a word. Each term
 * is linked at most once per call. v is the glossary of the page's language
 * (glossary_for_language with the language of the text), and glossary_href that language's
 * glossary page ("/en/glossary/"). The tree is changed
 * in place (its text nodes split around the links); nothing is allocated for the caller,
 * and nothing is reported. Returns the number of links made.
 */
size_t glossary_link_terms(const glossary_view *v, xmlNodePtr root, const char *glossary_href);

/*
 * glossary_link_terms, with each link followed by the button that opens the term's
 * definition in place, on a page that holds it in <div popover id="def-<id>"> (issue 19;
 * templates/README.md, "Glossary popovers"):
 * <button type="button" class="glossary-term" popovertarget="def-<id>" hidden>…</button>,
 * the matched text as its name. It is hidden: where popovers work, site.css shows it
 * and hides the link, so a reader has one of the two. linked (room for glossary_count
 * entries) receives the index (glossary_get) of each term linked, in the order linked,
 * each once: the definitions the page must hold. Returns how many.
 */
size_t glossary_link_terms_popover(const glossary_view *v, xmlNodePtr root,
                                   const char *glossary_href, size_t *linked);

#endif
