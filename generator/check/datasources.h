/*
 * datasources.h: what `suture check` asks of the sources behind content/data/procedures.yaml
 * and content/glossary.yaml (issue 18, "Sources"): which sources of content/sources.yaml
 * they cite, and which figures of the comparison data say neither where they come from nor
 * that they are the clinic's own experience.
 */
#ifndef SUTURE_DATASOURCES_H
#define SUTURE_DATASOURCES_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/str.h"
#include "content/config.h"

/*
 * Push onto ids (each once) the source ids cited ("[@id]", markdown/citation.h) by the
 * 'source' of every value of content_dir/data/procedures.yaml and by every definition of
 * content_dir/glossary.yaml, in every language. A file that is missing or cannot be read
 * adds nothing: its mistakes are the build's to report (site_validate).
 */
void datasources_cited(const char *content_dir, const config *cfg, strlist *ids);

/*
 * Whether text (UTF-8) states a figure: a number with a unit of length or time ("2-3 cm",
 * "two weeks", "a few days", "1~2주", "며칠", "몇 mm", "한 달"), which a patient reads as a
 * fact to rely on. *at and *len, when not NULL, receive the first such figure's offset and
 * length in bytes.
 */
bool datasources_has_figure(const char *text, size_t *at, size_t *len);

/*
 * A warning (category "figure-unsourced") at each value of content_dir/data/procedures.yaml
 * whose text states a figure (datasources_has_figure, in any language) and that has neither
 * a 'source' nor 'basis: clinic-experience': the patient cannot tell a published figure
 * from the clinic's impression. Medical Service Act (Korea) art. 56(2)(8) forbids
 * exaggerating objective facts, and CAP Code rule 3.7 asks for documentary evidence of any
 * claim a reader takes as objective; a figure either cites it or says it is experience. Told in the site's first language; returns how many it reported.
 */
unsigned datasources_check_figures(const char *content_dir, const config *cfg,
                                   diag_list *diags);

#endif
