/*
 * compare.h: the comparison-table engine. Reads the body of a ```compare block and renders
 * procedures side by side from the procedure data as an accessible table (SPEC.md,
 * "Comparison tables"):
 *
 *     procedures: thread-lift, mini-lift, facelift      (or a YAML list)
 *     attributes: incision, recovery, longevity         (optional: all attributes)
 *     caption: Thread lift, mini lift and facelift side by side
 *
 * The table has a <caption>, a <th scope="col"> per procedure and a <th scope="row"> per
 * attribute, and each value's note and source become numbered footnotes below it. Each cell
 * carries data-label (its procedure's name) so a phone layout can show the header beside
 * the value. The engine knows nothing about files or pages.
 */
#ifndef SUTURE_COMPARE_H
#define SUTURE_COMPARE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "content/procedures.h"
#include "markdown/markdown.h"

typedef struct compare_spec {
    size_t *procedures;   /* indices into procedure_data.procedures */
    size_t n_procedures;
    size_t *attributes;   /* indices into procedure_data.attributes */
    size_t n_attributes;
    char *caption;
} compare_spec;

/*
 * Parse a compare block's body (text, len bytes) that starts at line/column of file.
 * Reports, at the offending line: YAML that is not 'key: value' lines, unknown keys, an
 * unknown procedure or attribute id (with the closest known id), a procedure listed twice,
 * a missing caption or procedure list, and a compared procedure that has no value for a
 * compared attribute; in Korean when korean (a block in a Korean article). Returns the spec
 * (free with compare_spec_free) or NULL on errors.
 */
compare_spec *compare_parse(const char *file, const char *text, size_t len, unsigned line,
                            unsigned column, const procedure_data *data, bool korean,
                            diag_list *diags);

/* A spec of every procedure on every attribute, with the given caption. */
compare_spec *compare_spec_all(const procedure_data *data, const char *caption);
void compare_spec_free(compare_spec *spec);

/*
 * Render the table as a new, unlinked <div class="comparison-wrap"> element (the caller
 * links it into a tree or frees it with xmlFreeNode). lang is the page's language (a BCP 47
 * tag): the labels, names, cells and notes are the data's texts in it (procedures_text:
 * else in the data's default language); the caption is the spec's, as written. table_id ("cmp-1") prefixes every
 * id in the table, so several tables can share a page. With procedure_anchors, each column
 * header gets id "procedure-<id>" for links from elsewhere (use it once per page).
 * procedure_hrefs, when not NULL, holds for each procedure of data a URL its column header
 * links to, or NULL. Missing values render as an em dash (compare_parse reports them).
 * A value's source written as citations ("[@bertossi2019]", citation.h) renders as the
 * page's numbered links to its list of sources, numbered by hooks->cite (with the source's
 * line and column in the data file) like the text around the table; without hooks, or
 * where the hook gives 0, the source is shown as written.
 */
xmlNodePtr compare_render(const procedure_data *data, const compare_spec *spec,
                          const char *lang, const char *table_id, bool procedure_anchors,
                          const char *const *procedure_hrefs, const markdown_hooks *hooks);

#endif
