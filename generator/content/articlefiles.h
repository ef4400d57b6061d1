/*
 * articlefiles.h: the article files of content/articles, as `suture build` and `suture check`
 * both find them (SPEC.md, "Layout"): the listing and the one refusal they share. Here, not
 * in the build, so that the checker needs nothing of the build (issue 15).
 */
#ifndef SUTURE_ARTICLEFILES_H
#define SUTURE_ARTICLEFILES_H

#include "base/diag.h"
#include "base/str.h"

/*
 * Report (error, category "link", no line) that the article at path is a symbolic link out
 * of the content folder or to nothing (path_link_outside): `suture build` and `suture check`
 * both refuse such an article, with this one message naming articles_dir as the place to
 * copy it to. Issue 6, "symlinks pointing out of content/".
 */
void articlefiles_report_link_outside(diag_list *diags, const char *path,
                                      const char *articles_dir);

/*
 * The file names of the articles in articles_dir (content/articles): its names that end in
 * ".md", sorted bytewise, hidden names skipped (dir_list), appended to names (the caller
 * frees it with strlist_free). Returns 0; or -1 after adding an error on articles_dir to
 * diags when the folder is missing, is something else (a file, a symbolic link to nothing,
 * a named pipe) or cannot be read (dir_problem says which and what to do). `suture build`
 * and `suture check` both list the articles through it: a site has articles.
 */
int articlefiles_list(const char *articles_dir, strlist *names, diag_list *diags);

#endif
