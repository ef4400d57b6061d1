/*
 * readertext.h: the text a reader sees, with the place in the source file that every byte
 * of it came from. `suture check` matches its compliance rules against this text rather
 * than against the Markdown, so that markup cannot hide a phrase: in "**most** effective",
 * "the most\neffective" and "the &#x6D;ost effective" a reader sees "most effective", and
 * so does the rule (issue 3, "Matching").
 *
 * A reader_text is built by appending pieces: text copied from the source (aligned with the
 * source so that each byte keeps its own position) or synthetic text (a space for a line
 * break, U+FFFC for a code span) that takes the position of where it stands. Then
 * rtext_normalize makes it what the reader's screen shows: NFKC (full-width "ｂｅｓｔ" is
 * "best", "①" is "1"), with invisible characters (zero-width spaces and joiners, soft
 * hyphens: Unicode's Default_Ignorable_Code_Point) removed, every run of white space
 * written as one ' ' (or one '\n' where it ends a line) and every decimal digit as its ASCII
 * digit.
 *
 * Positions are byte offsets into the source file; source_lines (base/sourcelines.h) turns
 * them into the line and column (in characters, counted from 1) that diagnostics print.
 */
#ifndef SUTURE_READERTEXT_H
#define SUTURE_READERTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The object replacement character, U+FFFC: stands for a code span or an inline image, so
 * that no pattern matches across it (it is neither a letter nor white space). */
#define RTEXT_OBJECT "\xEF\xBF\xBC"

typedef struct reader_text {
    char *text;      /* UTF-8, NUL-terminated; NULL until something is appended */
    size_t len;      /* bytes, without the NUL */
    uint32_t *src;   /* src[i]: byte offset in the source file of text[i] */
    size_t cap;
} reader_text;

/* An empty text; free with rtext_free. */
void rtext_init(reader_text *t);
void rtext_free(reader_text *t);
/* Empty the text, keeping its memory for reuse. */
void rtext_clear(reader_text *t);

/* Append n bytes of synthetic text, all placed at source offset at. */
void rtext_append_at(reader_text *t, const char *s, size_t n, size_t at);

/*
 * Append the n bytes of lit, which is how the source text starting at byte src_start of
 * src (src_len bytes in all) reads once its markup is resolved, giving each byte of lit the
 * offset of the source byte it came from. The alignment is greedy and never goes back:
 * source bytes that are not in lit (a backslash escape, an entity such as &#x6D; that
 * stands for one character, indentation and line ends of a YAML block scalar, quotes) are
 * skipped, looking at most 64 bytes ahead; a byte that cannot be found there takes the
 * position reached so far. So positions are exact for ordinary text and close for the rest.
 */
void rtext_append_aligned(reader_text *t, const char *lit, size_t n, const char *src,
                          size_t src_len, size_t src_start);

/*
 * Normalise the text to what a reader sees: NFKC, Default_Ignorable_Code_Points removed,
 * decimal digits as ASCII, and each run of white space written as one character, '\n' when
 * the run holds a line end (LF, CR, NEL, U+2028 or U+2029, so that sentence breaks stay
 * where they were), else ' '. The compliance prefilter relies on the last (prefilter.h): in
 * normalised text PCRE2's \s+ always matches exactly one byte.
 *
 * Each byte keeps its source offset: the output of a changed character, or of a run of white
 * space, takes the offset of the character (or the run's first) it came from. Pure ASCII text
 * only has its white space collapsed. The text must be valid UTF-8 (text from cmark and
 * libyaml is); an invalid sequence becomes U+FFFD.
 */
void rtext_normalize(reader_text *t);

/*
 * True when text's white space (len bytes) is as rtext_normalize leaves it: only ' ' and
 * '\n', never two in a row. Any other white space PCRE2's \s matches with Unicode (tab, CR,
 * no-break space, U+2028, the ideographic space...) makes it false.
 */
bool rtext_space_normalized(const char *text, size_t len);

#endif
