/*
 * procedures.h: content/data/procedures.yaml, the data the comparison tables are built
 * from (SPEC.md, "content/data/procedures.yaml").
 *
 *     attributes:
 *       - {id: incision, label: Incision}
 *     procedures:
 *       - id: thread-lift
 *         name: Thread lift
 *         article: thread-lift-mini-lift-facelift.md      # optional
 *         values:
 *           incision: "None: threads enter through needle points"
 *           recovery: {text: "A few days", note: "Varies with the person", source: "..."}
 *           longevity: {text: "...", source: "[@bertossi2019]"}
 *           incision: {text: "About 2-3 cm", basis: clinic-experience}
 *
 * A procedure may leave an attribute out; a table that compares it on that attribute is
 * then an error where the table is asked for.
 *
 * On a site in several languages (issue 16) every text is a mapping with a value per
 * declared language (content/ltext.h); ids and `article:` stay language-neutral:
 *
 *     attributes:
 *       - {id: incision, label: {ko: 절개, en: Incision}}
 *     procedures:
 *       - id: thread-lift
 *         name: {ko: 실리프팅, en: Thread lift}
 *         values:
 *           incision: {ko: "...", en: "..."}
 *           recovery: {text: {ko: 며칠, en: A few days}, note: {ko: "...", en: "..."}}
 *
 * A value written as a mapping is a per-language text when it has no 'text', 'note' or
 * 'source' key and some key is a language (a declared one, or any BCP 47 tag when the
 * languages are unknown); otherwise it is a {text, note, source} value. 'source', a
 * citation, may stay one plain string on any site.
 */
#ifndef SUTURE_PROCEDURES_H
#define SUTURE_PROCEDURES_H

#include <stddef.h>

#include "base/diag.h"
#include "content/ltext.h"

/* Every text below has a value per language: read one with procedures_text. */
typedef struct proc_attribute {
    char *id;
    ltext label;
} proc_attribute;

typedef struct proc_value {
    ltext text;    /* no values (n == 0) when the procedure has none for this attribute */
    ltext note;    /* how the value varies; may have no values */
    ltext source;  /* where the fact comes from; may have none; a plain string is kept
                    * under "" (any language). Citations of content/sources.yaml are
                    * written as in Markdown, "[@bertossi2019]" (markdown/citation.h) */
    bool clinic_experience; /* `basis: clinic-experience`: the figure is the clinic's own
                             * experience, not a published one */
    unsigned line, column;  /* of the value in the file (0 when it is left out) */
    unsigned source_line, source_column; /* of its 'source', when it has one */
} proc_value;

typedef struct procedure {
    char *id;
    ltext name;
    char *article;       /* file name of the article that explains it, or NULL */
    proc_value *values;  /* one per attribute, in the order of procedure_data.attributes */
    unsigned line, column;
} procedure;

typedef struct procedure_data {
    char *file;
    char *lang;          /* the default language (the first of the site's), or "" */
    proc_attribute *attributes;
    size_t n_attributes;
    procedure *procedures;
    size_t n_procedures;
} procedure_data;

/*
 * Read and check the data file. langs are the site's languages (config_ltext_langs), or
 * NULL when site.yaml was unusable: any language is then accepted and none required.
 * Reports unknown keys (with the closest known one), missing ids, names or labels,
 * duplicate ids, values for undeclared attributes, and wrong types; and every error of
 * ltext_read, naming the entry: "'name' of procedure 'thread-lift' has no 'en' text; add
 * 'en: …'", "'label' of attribute 'incision' must give one text per language, like
 * {ko: …, en: …}: site.yaml declares ko, en", "'note' of 'recovery' of procedure
 * 'thread-lift' has a text in 'fr', a language site.yaml does not declare; ...". On a site
 * in one language a plain string keeps the messages it always had ("a procedure's 'name'
 * must be a text value, but it is a list"). procedures.yaml serves every language: when the
 * site's default language (langs->codes[0]) is Korean, every mistake, its YAML syntax
 * included, is told in Korean ("'incison'(이)라는 비교 항목이 없습니다. 'incision'을(를)
 * 쓰려던 것인지 확인해 주십시오"). Returns the data (free with procedures_free)
 * or NULL on any error. A path that does not exist gives empty data and no error: a site
 * need not compare anything.
 */
procedure_data *procedures_load(const char *path, const ltext_langs *langs,
                                diag_list *diags);
void procedures_free(procedure_data *data);

/*
 * A text of the data (a label, name, cell text or note) for a page in lang: its value in
 * lang (ltext_get), else in the data's default language; NULL when it has neither (a
 * value left out). The string belongs to t.
 */
const char *procedures_text(const procedure_data *data, const ltext *t, const char *lang);

/* Index of the procedure or attribute with that id, or -1. */
long procedures_find(const procedure_data *data, const char *id);
long procedures_find_attribute(const procedure_data *data, const char *id);
/* The closest known procedure / attribute id to a mistyped one, or NULL. */
const char *procedures_suggest(const procedure_data *data, const char *id);
const char *procedures_suggest_attribute(const procedure_data *data, const char *id);

#endif
