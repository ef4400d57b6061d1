/*
 * scaffold.h: a new article from a title, for `suture new article "Title"`.
 *
 * The new file, content/articles/<slug>.md, has the complete front matter of SPEC.md
 * ("Article") and an outline of the usual sections. The fields only the author can fill
 * in are left empty on purpose (summary: "", topics: [], reviewer: ""), so that `suture
 * build` and `suture check` name each of them until the author has written them.
 */
#ifndef SUTURE_SCAFFOLD_H
#define SUTURE_SCAFFOLD_H

#include "base/diag.h"

/*
 * Write a new article, <content_dir>/articles/<slug>.md, for title.
 *
 * content_dir is the content folder ("content"). title is the article's title in UTF-8;
 * leading and trailing whitespace is trimmed, and it is written double-quoted by libyaml's
 * emitter, so quotes, colons, '#', backslashes and non-ASCII text stay as typed. slug
 * names the file (without ".md"); NULL derives it from the title with slug_from_title
 * (base/slug.h), which writes a Korean title in Latin letters.
 * today_iso is today's date as YYYY-MM-DD, written as both date and reviewed. No
 * argument but slug may be NULL.
 *
 * The file is created with O_EXCL: an existing article is never overwritten.
 *
 * On success returns 0 and sets *path_out to the new file's path, which the caller frees
 * with free. Otherwise returns -1, leaves *path_out alone, writes nothing, and adds one
 * error to diags for each of these mistakes it finds:
 *   - "suture: error: the title is empty; ..." (title is blank);
 *   - "suture: error: the title is not valid UTF-8 text; ..." ;
 *   - "suture: error: the title '<title>' has no letters a-z or digits to make a file
 *     name from; ..." (slug is NULL and slug_from_title found nothing:
 *     a title of only punctuation, emoji or Hanja);
 *   - "suture: error: '<slug>' cannot be used as a slug; ..." (slug fails slug_is_valid);
 *   - "suture: error: '<today_iso>' is not a valid date written as YYYY-MM-DD";
 *   - "<content_dir>/articles: error: there is no articles folder here; ..." ;
 * and then, when there was none of those, at most one of:
 *   - "<path>: error: this article already exists; ..." ;
 *   - "<content_dir>/articles: error: cannot create a file in this folder: <reason>; ..."
 *     (no permission, or a read-only file system);
 *   - "<path>: error: cannot create the article: <reason>" (any other failure to create
 *     or write the file; a partly written file is removed).
 */
int scaffold_article(const char *content_dir, const char *title, const char *slug,
                     const char *today_iso, diag_list *diags, char **path_out);

#endif
