/*
 * slug.h: identifiers that end up in URLs and fragment ids.
 *
 * A slug is the part of a permalink that names a page (/articles/<slug>/) or a heading
 * (#<id>). Article and topic slugs are ASCII: lower-case letters, digits and inner
 * hyphens; a new article's is made from its title, in any script, with ICU's
 * transliteration (slug_from_title). Heading ids keep non-ASCII letters as they are
 * (UTF-8), so a Korean heading gets a readable Korean fragment, as GitHub and Hugo do.
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
 * True when ICU knows the primary language subtag of code ("ko" in "ko-KR"): it has a
 * name for it (in English) other than the code itself, as for every ISO 639 language.
 * False for "zz" or "old-drafts".
 */
bool slug_is_known_language(const char *code);

/*
 * True when the language tag tag is range or lies within it (RFC 4647 basic filtering):
 * range equals tag, or is tag's first subtags followed by '-' (or '_', as POSIX locales
 * write it); ASCII case is ignored. ("ko-KR" is within "ko"; "kok" is not; NULL tag: false.)
 */
bool slug_language_in(const char *tag, const char *range);

/*
 * The name of the language of code written in the language of locale, from ICU's
 * display names (CLDR): "한국어" for ko in ko, "영어" for en in ko, "English" for en in
 * en. Returns a UTF-8 string the caller frees, or NULL when ICU has no name for it.
 */
char *slug_language_name(const char *code, const char *locale);

/*
 * The OpenGraph locale of a BCP 47 tag, language and region joined by '_' ("ko_KR" for
 * "ko", "en_US" for "en"): the region ICU's likely subtags give (uloc_addLikelySubtags,
 * from CLDR), when the tag has none; the tag itself with '-' made '_' when ICU knows no
 * region. Returns a string the caller frees.
 */
char *slug_og_locale(const char *code);

/*
 * The heading id for a heading's plain text: ASCII letters lower-cased, digits, '-' and
 * '_' and every non-ASCII byte kept, whitespace turned into '-', other ASCII punctuation
 * dropped, runs of '-' collapsed and trimmed. Text with nothing left gives "section".
 * The caller frees the result.
 */
char *slug_from_text(const char *text);

/*
 * The article slug for a title (UTF-8; invalid bytes are read as U+FFFD), which passes
 * slug_is_valid: the title is written in ASCII by ICU's transform
 * "[:^Han:]; Any-Latin; Latin-ASCII", and then ASCII letters are lower-cased and digits
 * kept; whitespace, '-', '_' and every character still not ASCII separate words (one '-'
 * between two words); other ASCII punctuation is dropped.
 *
 * Any-Latin writes Hangul letter for letter by ICU's Hangul-Latin (a transliteration, not
 * the Revised Romanization's spelling of the sounds: 치료 gives "chilyo", not "chiryo"),
 * with a '-' where two syllables could be read another way (층의 gives "cheung-ui"),
 * and Greek, Cyrillic, kana and the other scripts ICU knows by their own rules; Latin-ASCII
 * then takes off accents and opens ligatures. Han characters (Hanja) are left out of the
 * transform, since Any-Latin reads them in Mandarin, and so separate words.
 *   "Thread lift: what's next?"  gives "thread-lift-whats-next" (ASCII: as without ICU)
 *   "실리프팅 후 회복"           gives "sillipeuting-hu-hoebog"
 *   "SMAS 층의 구조"             gives "smas-cheung-ui-gujo"
 *   "Café crème"                 gives "cafe-creme"
 *
 * Returns the slug, which the caller frees with free, or NULL when nothing is left (a title
 * of only punctuation, emoji or Hanja). When ICU cannot open the transform (its data
 * missing), the title is used as it is: only its ASCII letters and digits count, and every
 * other character separates words. Running out of memory aborts (out_of_memory).
 *
 * Cost: an ASCII title never reaches ICU. Otherwise each call opens its own transliterator
 * and closes it: the first in a process takes about 15 ms (ICU loads its transform rules
 * and caches them), each later one about 0.2 ms, which suits one title at a time, not a
 * loop over thousands. Safe to call from several threads at once, since a UTransliterator,
 * which is not thread-safe, is never shared between calls.
 */
char *slug_from_title(const char *title);

/*
 * Make id unique among taken: if it is already there, append "-1", "-2", ... until it is
 * not. Adds the result to taken and returns it (owned by taken).
 */
const char *slug_unique(strlist *taken, const char *id);

#endif
