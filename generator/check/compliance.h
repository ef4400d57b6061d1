/*
 * compliance.h: the compliance rules of content/compliance.yaml (docs/compliance.md;
 * issue 3) and the matching of their patterns against reader text.
 *
 *     rules:
 *       - id: superlative-claims          # [a-z0-9-]+, unique
 *         severity: error                 # error | warning | info
 *         kind: patterns                  # patterns | requires | metadata | media
 *         message: "ranks the clinic above all others, which cannot be proven"
 *         # or one message per language, the page's language chosen (issue 16):
 *         # message: {en: "ranks ...", ko: "표현은 ..."}
 *         # one short line: what is wrong. A patterns finding puts the phrase first
 *         # ('best' ranks ...); a message that writes {match} places it itself instead.
 *         explanation: {en: "...", ko: "..."}  # optional: why, and how to fix it
 *                                 # (suture check --explain, --verbose)
 *         reference: "Medical Service Act (Korea) art. 56(2)(8); CAP Code rule 3.7"
 *         lang: [en]                      # optional: pages in these languages only
 *         patterns: ['\bbest\b']          # PCRE2, UTF + UCP + case-insensitive
 *         exceptions: ['\bbest suited\b'] # a match in the same sentence cancels it
 *         clause-exceptions: ['...']      # a match in the same clause cancels it
 *         negation-exempts: false         # a governing negation does not cancel (default
 *                                         # true; see clause.h)
 *
 *       - kind: requires                  # an article that meets `when` must have a
 *         when: {procedures: true, topics: [thread-lift]}   # heading matching `headings`
 *                                         # (`when: {articles: true}`: every article)
 *         headings: ['side effects?']     # or a sentence matching `patterns`
 *         patterns: ['...']               # or a fenced block of one of these kinds
 *         blocks: [care]                  # (```care, care.h)
 *
 *       - kind: metadata
 *         check: reviewer                 # reviewer | reviewed-date | summary
 *         patterns: ['^(tbd|n/a)$']       # reviewer: names that are placeholders
 *         max: 200                        # summary: the longest summary, in characters
 *
 *       - kind: media
 *         check: before-after-image       # before-after-image | image-alt
 *         patterns: ['before|after']      # before-after-image: words that mark such a photo
 *
 * Every pattern is compiled once, with JIT, when the file is loaded, and once more into a
 * Vectorscan prefilter (see struct compliance); the compiled rules are
 * read-only afterwards and shared by every checking thread, each with its own
 * compliance_scanner.
 */
#ifndef SUTURE_COMPLIANCE_H
#define SUTURE_COMPLIANCE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/str.h"
#include "content/ltext.h"

typedef enum rule_kind {
    RULE_PATTERNS,
    RULE_REQUIRES,
    RULE_METADATA,
    RULE_MEDIA,
} rule_kind;

typedef enum rule_check {
    CHECK_NONE,
    CHECK_REVIEWER,           /* metadata: a reviewer who is not a placeholder */
    CHECK_REVIEWED_DATE,      /* metadata: reviewed not in the future nor too old */
    CHECK_SUMMARY,            /* metadata: a summary of at most max characters */
    CHECK_BEFORE_AFTER_IMAGE, /* media: before/after photos only in before-after blocks */
    CHECK_IMAGE_ALT,          /* media: every image has alt text */
} rule_check;

/* One compiled pattern (PCRE2, with JIT) and the pattern as written: private to
 * compliance.c. Match with compliance_match_any; read the source with rule_patterns_source. */
typedef struct rule_pattern rule_pattern;

typedef struct rule_patterns {
    rule_pattern *items;     /* len patterns, every one compiled */
    size_t len;
} rule_patterns;

typedef struct rule {
    char *id;
    diag_severity severity;
    rule_kind kind;
    rule_check check;        /* CHECK_NONE for patterns and requires */
    char *message;           /* may contain {match}: the English message (or the one
                              * message, or the first written) */
    ltext messages;          /* every message, by language (one value "" for a plain
                              * string); rule_message_in picks one */
    ltext explanations;      /* the long explanations, by language; may be empty */
    char *reference;
    strlist langs;           /* empty: every language */
    rule_patterns patterns;
    rule_patterns exceptions;
    rule_patterns clause_exceptions; /* patterns: exceptions that run over the clause */
    bool negation_exempts;   /* patterns: a negation that governs a match cancels it
                              * (clause.h); `negation-exempts: false` turns that off */
    rule_patterns headings;  /* requires */
    bool when_articles;      /* requires: applies to every article (reported at its title) */
    strlist blocks;          /* requires: fenced blocks (```care) that satisfy it, by the
                              * first word of their info string */
    bool when_procedures;    /* requires: applies to articles that list procedures */
    strlist when_topics;     /* requires: ...or that have one of these topics */
    unsigned when_line, when_column;
    long max;                /* summary: the longest summary in characters */
    unsigned line, column;   /* where the rule starts in the file */
} rule;

typedef struct compliance {
    char *file;
    rule *rules;
    size_t n_rules;
    /*
     * The prefilter: every pattern of every patterns rule compiled into one Vectorscan
     * (Hyperscan) database in prefilter mode, so one pass over a text tells which patterns
     * may match; PCRE2 then runs only those, and gives the exact matches. Prefilter mode
     * may report a pattern that does not match, never miss one that does (prefilter.h).
     * Patterns are numbered rule by rule (flat, private to compliance.c: the rule and the
     * pattern of each number). NULL: every pattern runs on every text.
     */
    struct prefilter *prefilter;
    struct clause_data *clauses; /* the `clauses:` section (clause.h), or NULL */
    struct compliance_flat *flat;
    size_t n_flat;
} compliance;

/*
 * Load and compile the rules at path, and the `clauses:` section (clause_data_read). Every
 * mistake is reported with its position: YAML
 * errors, unknown or missing keys (with the closest known key), an id that is not
 * [a-z0-9-]+ or is used twice, an unknown severity, kind or check, a missing message or
 * reference, a pattern PCRE2 cannot compile (with PCRE2's reason and where in the pattern)
 * or one that matches empty text, a kind without the patterns it needs. Returns the rules
 * (free with compliance_free), or NULL when the file cannot be read or has any error.
 * cache_dir: where the compiled prefilter is cached (prefilter_build), or NULL for none.
 */
compliance *compliance_load(const char *path, const char *cache_dir, diag_list *diags);
void compliance_free(compliance *c);

/* The index of the rule with that id, or -1; the closest id to a mistyped one, or NULL. */
long compliance_find(const compliance *c, const char *id);
const char *compliance_suggest(const compliance *c, const char *id);

/*
 * True when the rule applies to a page in language lang: it names no language, or one
 * that equals lang or is its primary subtag ("ko" applies to "ko-KR").
 */
bool rule_applies_to_lang(const rule *r, const char *lang);

/*
 * The rule's message for a finding of the phrase match (malloc'd; the caller frees it):
 * the message with each {match} replaced by match; a patterns rule's message that does
 * not write {match} gets "'match' " put first. (A metadata or media rule's match is the
 * value it checks: the reviewer, the review date, the summary, the image's address.) With match NULL or "" (describing the rule itself,
 * or a finding without a phrase) nothing is put first, and "'{match}'" reads "<phrase>".
 * rule_message gives r->message; rule_message_in the message for a page in lang (its value
 * for lang or lang's primary subtag, ltext_get), else r->message: a Korean page gets the
 * Korean message when the rule has one, and the English one otherwise.
 */
char *rule_message(const rule *r, const char *match);
char *rule_message_in(const rule *r, const char *lang, const char *match);

/*
 * The rule's explanation for a reader of lang (why it matters, how to fix it): its value
 * for lang (ltext_get), else the English one, else the first written; NULL when the rule
 * has none. The string belongs to the rules.
 */
const char *rule_explanation_in(const rule *r, const char *lang);

/* Per-thread matching state (PCRE2 match data, an ICU sentence iterator). */
typedef struct compliance_scanner compliance_scanner;
compliance_scanner *compliance_scanner_new(void);
void compliance_scanner_free(compliance_scanner *s);

/* The Vectorscan scratch of s, for another search on the same thread
 * (prefilter_literals_find); it belongs to s. */
struct prefilter_scratch *compliance_scanner_scratch(compliance_scanner *s);

/* Called for each finding: text[start, end) matched rule r. */
typedef void (*compliance_found_fn)(void *ctx, const rule *r, size_t start, size_t end);

/*
 * Run every patterns rule that applies to lang over text (len bytes of normalised reader
 * text, valid UTF-8). A match is cancelled when one of the rule's exceptions matches in
 * the sentence around it (Unicode sentence boundaries, UAX #29, as ICU finds them), one of
 * its clause exceptions in the clause around it, or, unless the rule says
 * `negation-exempts: false`, a negation cue governs it in that clause (clause_around and
 * clause_negated, with the file's `clauses:` lists; without them there are no clauses and
 * no negation). Clauses are worked out only around a match. For each rule, matches that
 * overlap an earlier one are dropped. Calls found in order of rule, then position.
 */
void compliance_scan(const compliance *c, compliance_scanner *s, const char *lang,
                     const char *text, size_t len, compliance_found_fn found, void *ctx);

/* The i-th pattern of p as written in the rules file (i < p->len); it belongs to the rules. */
const char *rule_patterns_source(const rule_patterns *p, size_t i);

/* True when one of the patterns matches somewhere in text. */
bool compliance_match_any(const rule_patterns *p, compliance_scanner *s, const char *text,
                          size_t len);

#endif
