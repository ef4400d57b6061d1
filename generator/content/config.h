/*
 * config.h: content/site.yaml, the site's settings (SPEC.md, "content/site.yaml"; issue 16).
 *
 * A site in several languages declares them in order; the first is the default, whose pages
 * sit at the site's root, every other under /<code>/:
 *
 *     base_url: "https://example.org/"
 *     languages:
 *       - code: ko                       # BCP 47, a language ICU knows
 *         name: 한국어                    # optional: ICU's name of the language in itself
 *         title: "..."
 *         description: "..."             # optional: the title
 *         date_format: "y년 M월 d일"      # optional: an ICU date pattern (UTS #35)
 *         disclaimer: |                  # Markdown
 *           ...
 *         notices: {before_after: "..."} # before_after required
 *       - code: en
 *         ...
 *     review_max_age_days: 365
 *     translation_max_lag_days: 90
 *     reading_grade_max: 9                # optional
 *     reading_eojeol_max: 15              # optional
 *     topics: [{id: anatomy, title: {ko: ..., en: ...}, description: {ko: ..., en: ...}}]
 *     clinic:                             # optional outside a release build
 *       name: {ko: ..., en: ...}          # optional, but a release build needs it
 *       address: {ko: ..., en: ...}       # optional, but a release build needs it
 *       phone: "+82 2-0000-0000"           # required
 *       registration: "..."               # optional, but a release build needs it: the
 *                                         # number of the clinic's 의료기관 개설 신고·허가
 *       emergency_number: "119"            # required
 *     reviewers:                          # optional, but a release build needs one
 *       - id: example-reviewer            # what articles write as 'reviewer:'
 *         name: {ko: ..., en: ...}
 *         credentials: {ko: 성형외과 전문의, en: Board-certified plastic surgeon}
 *         licence: "..."                  # the doctor's licence number (의사 면허번호)
 *     footer_pages: [about, contact]      # optional: site pages (content/pages/) every
 *                                         # page's footer links to
 *
 * A site in one language may keep the older form: title, description, language,
 * disclaimer and notices at the top, and plain strings for topics. Its articles sit
 * directly in content/articles/; a site with `languages:` has one folder per language.
 */
#ifndef SUTURE_CONFIG_H
#define SUTURE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "content/ltext.h"

typedef struct config_topic {
    char *id;          /* [a-z0-9-]+, used in URLs */
    ltext title;       /* one value per language (ltext_get) */
    ltext description;
} config_topic;

/* A medical reviewer whom articles name by id (`reviewer: <id>`). */
typedef struct config_reviewer {
    char *id;          /* [a-z0-9-]+ */
    ltext name;        /* one value per language */
    ltext credentials; /* one value per language: the specialty and board title */
    char *licence;     /* the licence number as written */
} config_reviewer;

/*
 * One value of the site's identity (base_url, the clinic's name, address, phone and
 * registration, each reviewer's name, credentials and licence), kept with where site.yaml
 * writes it, for the release check (config_check_release); or a value a release build
 * needs and site.yaml does not give (value NULL, at the mapping that should hold it).
 */
typedef enum { CONFIG_ID_TEXT, CONFIG_ID_PHONE, CONFIG_ID_URL } config_identity_kind;
typedef struct config_identity {
    char *field;       /* as messages name it: "clinic.name.ko", "reviewer 'x' licence" */
    const char *real;  /* what to put instead, static: "the clinic's real name" */
    char *value;       /* as written, or NULL: missing */
    config_identity_kind kind;
    unsigned line, column;
} config_identity;

typedef struct config_notice {
    char *id;   /* the key under notices:, e.g. before_after */
    char *text;
} config_notice;

/* One language of the site, with the texts that are its own. */
typedef struct config_language {
    char *code;            /* BCP 47 tag as written, e.g. "ko", "en-GB" */
    char *name;            /* the language's name in itself: "한국어", "English" */
    char *og_locale;       /* its Open Graph locale: "ko_KR", "en_US" (slug_og_locale) */
    char *prefix;          /* its pages' site path: base_path, or base_path + lower-cased code + "/" */
    char *title;
    char *description;     /* the title when not given */
    char *date_format;     /* an ICU date pattern (UTS #35), or NULL: the templates' own format */
    char *disclaimer;      /* Markdown */
    unsigned disclaimer_line; /* where the disclaimer starts in site.yaml */
    config_notice *notices;
    size_t n_notices;
} config_language;

/* A page of content/pages/ that site.yaml names, and where. */
typedef struct config_page_ref {
    char *name;            /* its file name without '.md' ("about") */
    unsigned line, column;
} config_page_ref;

typedef struct config {
    char *file;            /* the path site.yaml was read from */
    char *base_url;        /* absolute http(s) URL ending with '/' */
    char *base_path;       /* base_url's path, starting and ending with '/' */
    config_language *languages; /* at least one; languages[0] is the default */
    size_t n_languages;
    const char **language_codes; /* the codes, NULL-terminated, for ltext_langs */
    bool multilingual;     /* declared with `languages:`: articles in content/articles/<code>/ */
    config_topic *topics;
    size_t n_topics;
    long review_max_age_days;
    /* How many days a translation may follow an older review of its source before `suture
     * check` errors (it warns from the first day); 0 on a site in one language. */
    long translation_max_lag_days;
    /* The highest Flesch–Kincaid reading grade an English article may have before
     * `suture check` warns (readability.h); 1 to 20, with decimals (8.5); 0 when site.yaml
     * sets none: grades are then reported, never warned about. */
    double reading_grade_max;
    /* The most 어절 a Korean article's sentences may have on average before `suture check`
     * warns (readability_ko.h: the mean over its body, rounded to one decimal, above this);
     * a whole number from 5 to 50; 0 when site.yaml sets none: the lengths are then
     * reported, never warned about. No source we found gives a cut-off in 어절; 15 is the
     * value README.md suggests. */
    long reading_eojeol_max;
    /* `clinic:` in site.yaml: the clinic's telephone number as written ("+82 2-000-0000")
     * and the emergency number where it is ("119"), which care cards give (care.h); NULL
     * when site.yaml has no `clinic:`. */
    char *clinic_phone;
    char *emergency_number;
    /* `footer_pages: [about, editorial-policy, ...]`: the site pages (content/pages/,
     * issue 18) every page's footer links to, in this order, each in the page's language;
     * the build checks that each exists. */
    config_page_ref *footer_pages;
    size_t n_footer_pages;
    /* The rest of `clinic:`: its name and address per language (empty ltexts when not
     * given) and its registration number (NULL when not given). */
    ltext clinic_name;
    ltext clinic_address;
    char *clinic_registration;
    /* `reviewers:` in site.yaml's order; none when site.yaml declares none, and then an
     * article's `reviewer:` is the free text it was before reviewers were declared. */
    config_reviewer *reviewers;
    size_t n_reviewers;
    /* Every identity value, in site.yaml's order (config_identity). */
    config_identity *identity;
    size_t n_identity;
} config;

/*
 * Read and check site.yaml at path. Every mistake is added to diags at its line and column:
 * a missing or unknown key, a wrong type; a base_url that is not absolute http(s); a
 * language code that is not BCP 47 or names no language ICU knows ("'kr' is a country
 * code; Korean is 'ko'"); a language given twice, or two that would publish under one URL
 * prefix (en-GB and en-gb); a language without title, disclaimer or notices, or notices
 * without before_after; 'languages' together with the one-language keys; a date_format
 * ICU cannot read; duplicate topic ids, a topic without a text in a declared language
 * (ltext_read); a reading_grade_max that is not a number from 1 to 20, a
 * reading_eojeol_max that is not a whole number from 5 to 50; a `clinic:` without phone
 * or emergency_number, or with a phone that is not a telephone number (digits with spaces,
 * hyphens, dots or brackets, '+' in front, 3 to 15 digits) or an emergency number that is
 * not 2 to 4 digits, a clinic name or address without a text in a declared language
 * (ltext_read); an empty `reviewers:` list, a reviewer without id, name, credentials or
 * licence, a reviewer id given twice. Example values (identity.h) are no error here: only
 * config_check_release refuses them. Returns the
 * configuration (free with config_free) when usable, or NULL when the file cannot be read
 * or has errors.
 */
config *config_load(const char *path, diag_list *diags);
void config_free(config *cfg);

/* The topic with that id, or NULL. */
const config_topic *config_find_topic(const config *cfg, const char *id);
/*
 * The topics site.yaml declares, for a message in lang (a BCP 47 tag): "id (title), ...",
 * each title in lang (ltext_get), in the order of site.yaml; "" when there is none.
 * malloc'd: the caller frees it.
 */
char *config_topic_list(const config *cfg, const char *lang);
/* The declared language whose code is code (ASCII case ignored), or NULL. */
const config_language *config_find_language(const config *cfg, const char *code);
/*
 * The language a page in code is shown with: the declared language with that code, else
 * the one of its primary subtag ("ko" for "ko-KR"), else the default language (a page in
 * a language the site does not declare, possible only on a one-language site).
 */
const config_language *config_language_for(const config *cfg, const char *code);
/* The default language: languages[0]. */
const config_language *config_default_language(const config *cfg);
/*
 * A per-language text of the site (a topic's title) for a page in lang: its value in lang
 * (ltext_get), else in the default language; NULL when neither has one. Belongs to t.
 */
const char *config_text(const config *cfg, const ltext *t, const char *lang);
/* The text of a notice of lang, or NULL. */
const char *config_find_notice(const config_language *lang, const char *id);
/* The reviewer whose id is id, or NULL (also when site.yaml declares none). */
const config_reviewer *config_find_reviewer(const config *cfg, const char *id);
/* The declared reviewer id closest to id (suggest.h), or NULL. */
const char *config_suggest_reviewer(const config *cfg, const char *id);
/*
 * The reviewers site.yaml declares, for a message in lang: "id (name), ...", each name in
 * lang (config_text), in site.yaml's order; "" when there is none. The caller frees it.
 */
char *config_reviewer_list(const config *cfg, const char *lang);

/*
 * What `suture build --release` checks before it publishes: that every identity value of
 * site.yaml (config_identity) is given and is not an example (identity.h). Adds one error
 * per value to diags, at the value's line and column in cfg->file, category "release":
 *   "clinic.name.en is still the example value 'Example Plastic Surgery Clinic'; put the
 *    clinic's real name before a release build"
 *   "base_url 'https://clinic.test/' is a name reserved for examples and tests (RFC 2606),
 *    which no public site can have; put the site's real address before a release build"
 *   "clinic.phone is still the example value '+82 2-0000-0000' (a subscriber number of only
 *    0s can ring nobody); put the clinic's real number before a release build"
 *   "site.yaml has no clinic.registration; a release build needs the clinic's real
 *    registration number: add it" (at the clinic: mapping, or the file's start)
 * Returns how many errors it added (0: ready to publish).
 */
size_t config_check_release(const config *cfg, diag_list *diags);

/* The ltext_langs of the site's per-language texts (procedures.yaml, glossary.yaml). */
ltext_langs config_ltext_langs(const config *cfg);

#endif
