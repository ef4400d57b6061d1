/*
 * outline.h: the words `suture new` writes into new articles for the author to replace,
 * per language, and finding them when they are left in an article. `suture new article`
 * writes an outline (a paragraph of guidance under each section heading) and `suture new
 * translation` two notes to the translator; `suture check` reports any of that guidance
 * still in an article ([scaffold-placeholder], lint.h). Both read the texts here, so a
 * sentence changed in the outline is still found.
 */
#ifndef SUTURE_OUTLINE_H
#define SUTURE_OUTLINE_H

#include <stddef.h>

/* The words written into new files for one language. */
typedef struct outline_texts {
    const char *lang;           /* "en" or "ko": the language the texts are written in */
    const char *display_locale; /* the locale language names are written in: "ko", "en" */
    const char *outline;        /* a new article's body: a paragraph and the sections */
    /* A translation's notes, with {source} (the source's language) and {target} (the
     * translation's) named in display_locale's words: a YAML comment line above the
     * title, and an HTML comment (left out of the page) above the body. */
    const char *translate_fields;
    const char *translate_body;
} outline_texts;

/*
 * The texts for a file in language code (BCP 47): the Korean ones for ko and its regional
 * tags (ko-KR), the English ones for every other language. Static; never NULL.
 */
const outline_texts *outline_texts_for(const char *code);

/*
 * The first placeholder of any language's texts in text[from, len): each guidance
 * paragraph of an outline, as written (not the headings, nor the sentence on results
 * varying, which an article keeps), and the fixed start of each translator's note (up to
 * its first {source}). Returns its byte offset in text and sets *match_len to its length
 * in bytes, or returns len when there is none. text need not end with '\0'.
 */
size_t outline_find_placeholder(const char *text, size_t len, size_t from, size_t *match_len);

/*
 * The placeholders outline_find_placeholder looks for, as an array of *n static strings,
 * for a caller that searches for all of them in one pass (lint_scaffold.c). Never NULL.
 */
const char *const *outline_placeholders(size_t *n);

#endif
