/*
 * ltext.h: text with a value per language, as site.yaml, procedures.yaml and glossary.yaml
 * write it (issue 16; SPEC.md, "content/site.yaml"):
 *
 *     name: {ko: 실리프팅, en: Thread lift}
 *     name:
 *       ko: 실리프팅
 *       en: Thread lift
 *
 * On a site in several languages every declared language must have its value: a text
 * missing in one language would otherwise appear in another language on its pages, or
 * not at all. On a site in one language a plain string is that language's value.
 */
#ifndef SUTURE_LTEXT_H
#define SUTURE_LTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "content/yamldoc.h"

typedef struct ltext_value {
    char *lang; /* a BCP 47 tag as written in the key, e.g. "ko" */
    char *text;
} ltext_value;

typedef struct ltext {
    ltext_value *values; /* in the order written */
    size_t n;
} ltext;

/*
 * The languages a document's per-language texts must cover: codes, a NULL-terminated
 * array of BCP 47 tags in site.yaml's order (the first is the default language), and
 * whether the site declares them with `languages:` (several languages, or one written
 * the multilingual way). The arrays belong to the caller (config_language_codes).
 */
typedef struct ltext_langs {
    const char *const *codes; /* NULL: site.yaml is unusable; any language is accepted */
    bool multilingual;
} ltext_langs;

/*
 * Read node, the value of key what (e.g. "'name'", for messages) of entry (e.g.
 * "procedure 'thread-lift'", may be NULL), into *out (which the caller has zeroed or
 * freed). Accepts:
 *   - a mapping from language code to a non-empty string;
 *   - a plain string, only when the site is not multilingual: the value of its language
 *     (codes[0]), or of "" when codes is NULL.
 * Reports at the node (ydoc_error) and returns false after:
 *   - "<what> of <entry> must give one text per language, like {ko: …, en: …}: site.yaml
 *     declares ko, en" for a plain string on a multilingual site;
 *   - "<what> of <entry> has no 'en' text; add 'en: …'" for each declared language
 *     without a value (one message per language);
 *   - "<what> of <entry> has a text in 'fr', a language site.yaml does not declare; did
 *     you mean 'en'?" (or "...; declare it under 'languages' in site.yaml"), at the key;
 *   - "language 'ko' is given twice in <what> of <entry>; keep one", at the key;
 *   - ydoc_expect_string's errors for a value that is not a non-empty string, and for
 *     node not being a string or a mapping.
 * When doc's messages are Korean (ydoc_korean), so are these ("<entry>의 <what>에 'en'
 * 텍스트가 없습니다. ..."), and what and entry must then be Korean too ("주제 'anatomy'").
 * What was read is kept in *out even on errors; free it with ltext_free.
 */
bool ltext_read(ydoc *doc, yaml_node_t *node, const char *what, const char *entry,
                const ltext_langs *langs, ltext *out);

/* "ko, en": the declared languages, for messages ("" without codes); the caller frees it. */
char *ltext_language_list(const ltext_langs *langs);

/*
 * Check key, a language code written as a key of subject's mapping (subject as in
 * messages: "'aliases' of glossary entry 'smas'"), whose values are each a noun ("text",
 * "list"). Returns false after reporting, at the key, as ltext_read reports them: a key
 * that is no BCP 47 tag ("...: 'x y' is not a language code; write one list per language,
 * like {ko: …, en: …}"), or a language langs does not declare ("... has a list in 'fr', a
 * language site.yaml does not declare; did you mean 'en'?"). Does not look for a language
 * given twice: the caller knows what it has read. In Korean when doc's messages are, without
 * the noun.
 */
bool ltext_check_key(ydoc *doc, yaml_node_t *key, const char *subject, const char *noun,
                     const ltext_langs *langs);

/*
 * Report at key, a language code written as a key of subject's mapping, that its language
 * is given twice there: "language 'ko' is given twice in <subject>; keep one" (in Korean
 * when doc's messages are).
 */
void ltext_report_twice(ydoc *doc, yaml_node_t *key, const char *subject);

/*
 * ltext_read for the data files that were written in one language before sites declared
 * languages (procedures.yaml, glossary.yaml): on a site that is not multilingual, a value
 * that is not a mapping is read with ydoc_expect_string(doc, node, plain_what), so that its
 * mistakes keep the messages they always had ("a procedure's 'name' must be a text value,
 * but it is a list"), and kept as the value of the site's language (codes[0], or "" without
 * codes). Otherwise, and for every mapping, exactly ltext_read(doc, node, what, entry,
 * langs, out).
 */
bool ltext_read_or_plain(ydoc *doc, yaml_node_t *node, const char *plain_what,
                         const char *what, const char *entry, const ltext_langs *langs,
                         ltext *out);

/*
 * The text for language lang: the value whose tag equals lang (ASCII case ignored), else
 * the value for lang's primary subtag ("ko" for "ko-KR"), else the value written for ""
 * (a plain string read without languages), else NULL. The string belongs to t.
 */
const char *ltext_get(const ltext *t, const char *lang);

/*
 * ltext_get's choice among other tables per language: the index of the element for a page
 * in lang among n elements of size bytes from base, each with its language tag as a char *
 * at offset: the tag equal to lang (ASCII case ignored), else lang's primary subtag, else
 * "" (any), else -1.
 */
long ltext_find_language(const void *base, size_t n, size_t size, size_t offset,
                         const char *lang);

/* Set t to the single value text for lang ("" for any); copies both. */
void ltext_set1(ltext *t, const char *lang, const char *text);

/* Free the values and zero t. Accepts a zeroed ltext. */
void ltext_free(ltext *t);

#endif
