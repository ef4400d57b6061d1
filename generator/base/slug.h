/*
 * slug.h: identifiers that end up in URLs and fragment ids.
 *
 * A slug is the part of a permalink that names a page (/articles/<slug>/) or a heading
 * (#<id>). Article and topic slugs are ASCII: lower-case letters, digits and inner
 * hyphens. Heading ids keep non-ASCII letters as they are (UTF-8), so a Korean heading
 * gets a readable Korean fragment, as GitHub and Hugo do.
 */
#ifndef SUTURE_SLUG_H
#define SUTURE_SLUG_H

#include <stdbool.h>

#include "base/str.h"

/* True when id is [a-z0-9] with inner single hyphens allowed ("thread-lift"). */
bool slug_is_valid(const char *id);

/*
 * True when tag looks like a BCP 47 language tag (RFC 5646): a 2-3 letter primary
 * language subtag in lower case, then optional subtags of 1-8 letters or digits ("en",
 * "ko", "en-GB").
 */
bool slug_is_language_tag(const char *tag);

/*
 * The heading id for a heading's plain text: ASCII letters lower-cased, digits, '-' and
 * '_' and every non-ASCII byte kept, whitespace turned into '-', other ASCII punctuation
 * dropped, runs of '-' collapsed and trimmed. Text with nothing left gives "section".
 * The caller frees the result.
 */
char *slug_from_text(const char *text);

/*
 * Make id unique among taken: if it is already there, append "-1", "-2", ... until it is
 * not. Adds the result to taken and returns it (owned by taken).
 */
const char *slug_unique(strlist *taken, const char *id);

#endif
