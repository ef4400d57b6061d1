/*
 * clause.h: the clause around a compliance match and whether a negation governs it, from
 * the `clauses:` section of content/compliance.yaml.
 *
 *     clauses:
 *       punctuation: [",", ";", ":", "—", "–", "(", ")"]   # each ends a clause
 *       en:
 *         starts: [and, but, while, because]     # a word that starts a new clause
 *         negation-before: ['\b(?:no|not|never)\b']   # a cue before the claim negates it
 *         negation-after: ['\G\s+(?:is|are)\s+not\b'] # ...or one right after it
 *         not-negation: ['\bnot\s+only\b']       # pseudo-negations: no cue inside these
 *       ko:
 *         ends: [고, 며, 지만]                    # an 어절 ending so closes its clause
 *         not-ends: [최고, 광고]                  # ...unless it ends so (nouns, quotatives)
 *         negation-after: ['않|아니|없']
 *         not-negation: ['틀림없']
 *         mentions: ['등|같은|표현|문구']     # words that talk about a quoted phrase
 *
 * Sentences come from ICU's sentence break iterator (compliance.c); within a sentence the
 * tokens of ICU's word break iterator (UAX #29 word boundaries, with their rule status)
 * give the clauses: a punctuation token listed under `punctuation` ends one, a word token
 * listed under some language's `starts` (compared case-insensitively, ASCII) begins the
 * next, and a word token that ends in one of a language's `ends` and in none of its
 * `not-ends` closes its clause after itself (Korean connective endings, 연결 어미: 표준국어
 * 대사전; 국립국어원 "한국어 어문 규범"). Every language's lists apply to every text: the
 * English words never occur in Hangul and the Korean endings never in Latin letters, so a
 * Korean page that quotes English is read with the English lists for those words.
 *
 * A claim is negated when, in its own clause, a cue of `negation-before` ends at or before
 * the claim's start, or one of `negation-after` starts at or after its end (PCRE2, with the
 * options of every pattern of the file; \G is the claim's end), and the cue overlaps no
 * match of that language's `not-negation` in the clause. English negation precedes what it
 * negates ("There is no guarantee", "We cannot promise"), Korean negation follows the
 * predicate ("보장하지 않습니다", "부작용이 없는 시술은 없습니다").
 *
 * A match between quotation marks (“ ” ‘ ’ 「 」 『 』, or an odd number of " before it and
 * one after it, in its sentence) in a sentence that some language's `mentions` pattern
 * matches is a phrase talked about, not used: "claims such as “the most effective”",
 * "‘최초’, ‘최고’와 같은 표현은 금지되어 있습니다". A quoted testimonial with none of those
 * words is still a claim.
 *
 * A claim reported as a belief and refuted in its own sentence is not made: in English a
 * `belief-before` cue before it and a `refutation` after it ("Many people think thread lifts
 * have no side effects, but they can"), in Korean a `belief-after` cue after it and a
 * `refutation` from that cue on ("위험이 전혀 없다고 생각하기 쉽지만, 그렇지 않습니다").
 * Without a refutation the belief is only reported speech, and the claim stands ("Our
 * patients say there is no downtime").
 *
 * The data is read-only once loaded; each thread scans with its own clause_scanner.
 */
#ifndef SUTURE_CLAUSE_H
#define SUTURE_CLAUSE_H

#include <stdbool.h>
#include <stddef.h>

#include "content/yamldoc.h"

typedef struct clause_data clause_data;
typedef struct clause_scanner clause_scanner;

/*
 * Read the `clauses:` mapping at node of doc. Reports at its position (file:line:column,
 * through doc) a section that is not a mapping, an unknown key (with the closest known
 * one), a language key that is not a language code such as en or ko, a list that is not a
 * list of non-empty strings, a pattern that does not compile or matches empty text.
 * Returns the data (free with clause_data_free), also after errors (the caller checks
 * ydoc_error_count and discards it).
 */
clause_data *clause_data_read(ydoc *doc, yaml_node_t *node);
void clause_data_free(clause_data *d);

/* Per-thread state: an ICU word break iterator and PCRE2 match data. */
clause_scanner *clause_scanner_new(void);
void clause_scanner_free(clause_scanner *s);

/*
 * The clause of text[start, end) within the sentence text[from, to) (from <= start <= end
 * <= to, byte offsets into valid UTF-8): *cfrom, *cto. A boundary that falls inside
 * [start, end) is ignored, so a claim that spans a conjunction ("no major and permanent
 * side effects") has the clauses on both sides. Without data, or when ICU cannot open a
 * word iterator, the clause is the sentence.
 */
void clause_around(const clause_data *d, clause_scanner *s, const char *text, size_t from,
                   size_t to, size_t start, size_t end, size_t *cfrom, size_t *cto);

/*
 * True when a negation cue of d governs the claim text[start, end) in its clause
 * text[cfrom, cto) (clause_around), as described above. False without data.
 */
bool clause_negated(const clause_data *d, clause_scanner *s, const char *text, size_t cfrom,
                    size_t cto, size_t start, size_t end);

/*
 * True when the match text[start, end) is a belief refuted in its sentence text[from, to)
 * (see above; the cues' positions are byte offsets). False without data, or when no
 * language has `refutation` cues.
 */
bool clause_refuted(const clause_data *d, clause_scanner *s, const char *text, size_t from,
                    size_t to, size_t start, size_t end);

/*
 * True when the match text[start, end) is quoted in its sentence text[from, to) and a
 * `mentions` pattern of d matches in that sentence (see above). False without data.
 */
bool clause_mentioned(const clause_data *d, clause_scanner *s, const char *text, size_t from,
                      size_t to, size_t start, size_t end);

#endif
