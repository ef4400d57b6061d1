/* articlefiles.c: the article files of content/articles (see articlefiles.h). */
#include "content/articlefiles.h"
#include "base/files.h"
#include "base/str.h"

#include <errno.h>
#include <stdlib.h>

void articlefiles_report_link_outside(diag_list *diags, const char *path,
                                      const char *articles_dir)
{
    diag_error(diags, path, 0, 0, "link",
               "this article is a symbolic link to a file outside the content folder (or to "
               "nothing); suture publishes only files inside it: copy the article into %s "
               "instead",
               articles_dir);
}

int articlefiles_list(const char *articles_dir, strlist *names, diag_list *diags)
{
    if (dir_list(articles_dir, ".md", names) == 0)
        return 0;
    char *why = dir_problem(articles_dir, errno, "the articles (one Markdown file each)");
    diag_error(diags, articles_dir, 0, 0, NULL, "%s", why);
    free(why);
    return -1;
}
