/*
 * care.h: ```care blocks, the cards that tell a patient when to get help and whom to call,
 * in the style of the NHS's care cards (NHS digital service manual, "Care cards"):
 *
 *     ```care
 *     level: urgent
 *     - sudden swelling or pain on one side of the face in the first day
 *     - a fever, or redness that spreads
 *     ```
 *
 * The first line gives the level: see-doctor (see a doctor or contact the clinic soon),
 * urgent (contact the clinic the same day) or emergency (call the emergency number now);
 * the rest is Markdown, usually a list of the signs. The card is a region landmark named by
 * its heading, so a screen reader finds it in the page's list of regions, and ends with the
 * clinic's telephone number and the emergency number as tel: links. The engine knows
 * nothing of files, pages or languages: the caller gives the texts (site.yaml's notices).
 */
#ifndef SUTURE_CARE_H
#define SUTURE_CARE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef enum { CARE_SEE_DOCTOR, CARE_URGENT, CARE_EMERGENCY } care_level;

/* Where a care block's Markdown starts, after its level line. */
typedef struct care_block {
    care_level level;
    size_t body_at;     /* byte offset of the body in the block's text */
    unsigned body_line; /* its line in the file */
} care_block;

/*
 * Read the level line of a block body (text, len bytes) that starts at line/column of file.
 * Reports, at that line: a block that does not start with 'level: ...', or a level that is
 * none of see-doctor, urgent and emergency (with the closest), or a block with nothing after
 * the level; in Korean when korean (the block's text is Korean). Returns false when it
 * reported.
 */
bool care_parse(const char *file, const char *text, size_t len, unsigned line, unsigned column,
                bool korean, care_block *out, diag_list *diags);

/* "see-doctor", "urgent" or "emergency". */
const char *care_level_name(care_level level);

/* What a card says besides its body, in the page's language; phone and emergency as written. */
typedef struct care_texts {
    const char *heading;         /* "Contact the clinic the same day if you have:" */
    const char *call_clinic;     /* "Call the clinic:" */
    const char *call_emergency;  /* "In an emergency, call" */
    const char *phone;           /* "+82 2-000-0000" */
    const char *emergency;       /* "119" */
} care_texts;

/*
 * The card: <section class="care-card care-LEVEL" aria-labelledby="ID"> with
 * <h3 class="care-heading" id="ID">, the children of body (moved in; body is freed), and a
 * <p class="care-contact"> with each number as a tel: link (RFC 3966: the digits and '+'
 * of the number as written, each run of spaces, hyphens, dots and brackets between them as
 * one '-'). An emergency card gives the emergency number first. The
 * caller owns the unlinked element.
 */
xmlNodePtr care_render(care_level level, const char *id, const care_texts *t, xmlNodePtr body);

#endif
