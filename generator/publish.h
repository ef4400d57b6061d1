/*
 * publish.h: atomic output. A build writes into a new folder beside the output folder and
 * swaps it in only when every page was written, so a failed build leaves the previous site
 * exactly as it was (SPEC.md, "Bad input").
 */
#ifndef SUTURE_PUBLISH_H
#define SUTURE_PUBLISH_H

#include "diag.h"

/*
 * Create an empty staging folder "<out_dir>.tmp-XXXXXX" beside out_dir (whose parent must
 * exist). Refuses an out_dir that is, or contains, one of the protected folders (content,
 * templates: a NULL-terminated list), or the current folder, so a mistyped --out cannot
 * replace the sources. Returns the staging path (the caller frees it), or NULL after adding
 * an error to diags.
 */
char *publish_begin(const char *out_dir, const char *const *protected_dirs, diag_list *diags);

/*
 * Swap staging in as out_dir: with renameat2(RENAME_EXCHANGE) when out_dir exists, so a
 * reader sees the old site or the new one and never a mix, then remove the old one.
 * Returns 0, or -1 after adding an error (staging is then removed and out_dir untouched).
 */
int publish_commit(const char *staging, const char *out_dir, diag_list *diags);

/* Remove the staging folder of a build that failed. */
void publish_abort(const char *staging);

#endif
