/*
 * publish.h: atomic output. A build writes into a staging folder beside the output folder and
 * swaps it in only when every page was written, so a failed build leaves the previous site
 * exactly as it was (SPEC.md, "Bad input"; issue 4, "Incremental builds").
 *
 * Double buffering. After a swap, the site that was replaced is kept beside the new one as
 * "<out_dir>.previous" instead of being deleted, and the next build stages into it: a page
 * that is the same in the published site is already there (the two share the file, a hard
 * link), so an incremental build touches only the files that changed instead of making
 * 10,000 folders and links and deleting 10,000 more. Nothing in the kept folder is trusted:
 * a file is kept only when it is the very file (same device and inode) the published site
 * holds, anything written is written as a new file, and whatever the build did not produce
 * is removed before the swap. The folder can be deleted at any time; the next build is then
 * slower, not different.
 *
 * A staging folder is used by one build. publish_prepare and publish_link may be called from
 * several threads at once; the other calls from one thread.
 */
#ifndef SUTURE_PUBLISH_H
#define SUTURE_PUBLISH_H

#include <stdbool.h>

#include "base/diag.h"

/* The suffix of the kept previous site: "site" → "site.previous". */
#define PUBLISH_PREVIOUS_SUFFIX ".previous"

typedef struct publish_stage publish_stage;

/*
 * Create the staging folder "<out_dir>.tmp-<pid>-XXXXXX" beside out_dir (whose parent must
 * exist), after removing those that killed builds left (their process is gone):
 * the kept previous site renamed, when there is one (its assets/ and media/ folders, which
 * every build copies again, and anything that is not a plain file or folder, removed), else
 * an empty folder. Refuses an out_dir that is, or contains, one of the protected folders
 * (content, templates: a NULL-terminated list), or the current folder, so a mistyped --out
 * cannot replace the sources; and one inside a protected folder, where the site would be
 * read back as sources. The staging folder, which becomes the published site, is made
 * with mode 0777 less the umask (not mkdtemp's 0700), so that a web server reading it as
 * another user can serve it; every folder in it gets that mode (a kept site's folders are
 * changed to it), every file 0666 less the umask (a kept file of another mode is not kept).
 * Returns the stage (free it with publish_commit or publish_abort), or NULL after adding
 * an error to diags.
 */
publish_stage *publish_begin(const char *out_dir, const char *const *protected_dirs,
                             diag_list *diags);

/*
 * Remove the staging folders that builds of out_dir (no trailing slash) left behind when
 * they were killed (SIGKILL, a power cut): "<out_dir>.tmp-<pid>-XXXXXX" whose process no
 * longer exists. The folder of a build still running is left alone. publish_begin does
 * this first; a build that has nothing to write calls it alone.
 */
void publish_remove_abandoned(const char *out_dir);

/* The staging folder's path (owned by s). */
const char *publish_path(const publish_stage *s);

/* True when s began from the kept previous site rather than an empty folder. */
bool publish_recycled(const publish_stage *s);

/*
 * Make room for a new file at rel (a relative path, '/'-separated): its folders exist, and
 * whatever was at rel is gone (unlinked, never truncated: it may be the published site's
 * file). Returns the file's full path (the caller frees it) to create with O_CREAT, or NULL
 * with errno set (the folders cannot be made).
 */
char *publish_prepare(publish_stage *s, const char *rel);

/*
 * Take from_dir/rel unchanged into the staging folder at rel: nothing to do when the kept
 * file is that very file, else a hard link (a copy where the two folders cannot share a
 * file). Returns 0, or -1 with errno set (from_dir/rel is not a readable file, EPERM when its
 * mode is not the one this umask gives files, or it cannot be placed); the caller then makes
 * the file anew.
 */
int publish_link(publish_stage *s, const char *from_dir, const char *rel);

/*
 * Finish the staging folder and swap it in as out_dir: remove the kept files this build did
 * not produce (and folders left empty), then rename, with renameat2(RENAME_EXCHANGE) when
 * out_dir exists so that a reader sees the old site or the new one and never a mix; the old
 * site becomes "<out_dir>.previous". Frees s. Returns 0, or -1 after adding an error to diags
 * (out_dir is then untouched and the staging folder removed).
 */
int publish_commit(publish_stage *s, diag_list *diags);

/*
 * A failed build: keep the staging folder as "<out_dir>.previous" when it began as one (its
 * files are no worse for the next build than before), else remove it. Frees s; NULL is
 * allowed.
 */
void publish_abort(publish_stage *s);

#endif
