/*
 * readability_ko.h: how long the sentences and paragraphs of Korean text are, the measure
 * `suture check` gives a Korean page in place of the Flesch–Kincaid grade (readability.h),
 * which was fitted to English words and syllables and means nothing on Hangul.
 *
 * Source. Jungha Hong, Jae-Woong Choe and Seok-Hoon You, "텍스트 수준과 가독성: 한국어
 * 학습 교재를 이용한 검증과 응용" (A Verification and Application of a Correlation between
 * Text Levels and Readability Using Korean Learning Materials), 언어정보 (Language
 * Information) 12, 111–148, 2011. Over the texts of graded Korean learning materials they
 * found that paragraph length and sentence length rise steadily with the text's level,
 * while word length does so only at the elementary level. That is what is measured here:
 * the mean length of a sentence, in 어절, and of a paragraph, in sentences. Only the paper's
 * abstract could be read: its own units, coefficients and level boundaries are unverified,
 * the units here are our choice, and the paper gives no limit for a page. Nor does the
 * plain-language guidance we found: the National Institute of Korean Language's diagnosis
 * of government press releases (2019년 중앙행정기관 공공언어 진단 최종 보고서) rates
 * "문장 길이의 적절성" without a number. The limit a page is held to (reading_eojeol_max in
 * site.yaml, content/config.h) is the site's choice.
 *
 * The text is given block by block, as to readability.h: a paragraph, or a list item's
 * paragraph, as a reader sees it (markup removed, a code span as U+FFFC). Headings are not
 * given (they are titles, not sentences), nor code, compare or before-after blocks.
 *
 * Sentences: ICU's sentence break iterator (UAX #29) for the locale "ko", block by block;
 * the end of a block always ends a sentence, so a list of short items without full stops
 * is several short sentences. A break ICU finds inside a white-space-separated token (the
 * '?' of "example.org/a?b", a '.' written without a space after it, "했다.그리고") is not
 * taken: Korean puts a space after a sentence's full stop. A sentence without an 어절 (a
 * lone code span, a dash) is not counted.
 *
 * 어절 (eojeol): the units Korean spacing (띄어쓰기) separates: runs of characters between
 * white space (any: U+3000 too) that hold at least one letter or digit. "SMAS층은",
 * "실리프팅을", "2.5", "3~5일", "(1)" are one 어절 each; "3 mm" is two; "—", "·" and a lone
 * code span are none. Addresses (containing "://", starting with "www.", e-mail) are not
 * read as 어절, as readability.h does not read them as words. ICU's word breaks were not
 * taken: they cut "SMAS층은" into "SMAS" and "층은", and an 어절 is by definition what the
 * writer's spaces delimit.
 *
 * Paragraphs: a block given as a paragraph (running text, also inside a quote) with at
 * least one sentence; a list item's text counts for the sentences but not as a paragraph,
 * as the items of a list are not the paragraphs Hong et al. measured.
 *
 * Thread safety: a counter belongs to one thread at a time.
 */
#ifndef SUTURE_READABILITY_KO_H
#define SUTURE_READABILITY_KO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check/readability.h"

/* The totals of a Korean text. */
typedef struct readability_ko_counts {
    size_t sentences;            /* sentences with at least one 어절 */
    size_t eojeol;               /* 어절 in all */
    size_t paragraphs;           /* paragraph blocks with at least one sentence */
    size_t paragraph_sentences;  /* the sentences of those paragraphs */
    size_t longest_paragraph;    /* the most sentences of one paragraph */
    size_t longest_paragraph_offset; /* where that paragraph's first 어절 starts */
} readability_ko_counts;

/* A counter: blocks go in, counts and sentences come out. */
typedef struct readability_ko readability_ko;

/* A new, empty counter; free it with readability_ko_free. Never NULL (out of memory aborts;
 * if ICU cannot open its sentence iterator, each block is one sentence). */
readability_ko *readability_ko_new(void);
/* Free the counter. Accepts NULL. */
void readability_ko_free(readability_ko *r);

/*
 * Count one block of text: len bytes of UTF-8 (an invalid byte is read as U+FFFD) as a
 * reader sees it. offsets, when not NULL, holds len entries: the position of each byte of
 * text (usually a byte offset in the source file), and a sentence's offset is that of its
 * first 어절's first byte; with NULL the offset is the byte index in this block. paragraph:
 * the block is a paragraph of running text (counted in the paragraph lengths), not a list
 * item's text. The block's end ends its last sentence.
 */
void readability_ko_add_block(readability_ko *r, const char *text, size_t len,
                              const uint32_t *offsets, bool paragraph);

/* The totals of every block added so far. */
readability_ko_counts readability_ko_totals(const readability_ko *r);

/* The mean 어절 per sentence of every block added so far, or a NaN without a sentence. */
double readability_ko_mean_eojeol(const readability_ko *r);

/* The mean sentences per paragraph, or a NaN without a paragraph. */
double readability_ko_mean_paragraph(const readability_ko *r);

/*
 * The counted sentences, in the order added, *n of them: each sentence's words are its
 * 어절 (syllables is 0). Valid until the next readability_ko_add_block or
 * readability_ko_free.
 */
const readability_sentence *readability_ko_sentences(const readability_ko *r, size_t *n);

/*
 * The indexes (into readability_ko_sentences) of the longest sentences, at most max of
 * them, longest first (most 어절; of equal ones the earlier first), written to index (room
 * for max entries). Returns how many were written.
 */
size_t readability_ko_longest(const readability_ko *r, size_t max, size_t *index);

/*
 * True when a page in language lang (a BCP 47 tag: "ko", "ko-KR", "KO") is measured as
 * Korean: its primary language subtag is ko. NULL is not Korean.
 */
bool readability_ko_applies(const char *lang);

#endif
