/*
 * scaffold.h: `suture new`: a new article from a title (issue 5), in a language of the
 * site (issue 16).
 *
 * A new article, <folder>/<slug>.md, has the complete front matter of SPEC.md ("Article")
 * and an outline of the usual sections in its language (Korean for ko, English for every
 * other). The fields only the author can fill in are left empty on purpose (summary: "",
 * topics: [], reviewer: ""), so that `suture build` and `suture check` name each of them
 * until the author has written them. <folder> is content/articles/<code>/ on a site whose
 * site.yaml declares `languages:`, content/articles/ on a one-language site.
 *
 * It loads <content_dir>/site.yaml, and reports its errors when it has any. It creates
 * the file with O_EXCL: an existing file is never overwritten, and makes the language's
 * folder when it does not exist yet (its first article).
 */
#ifndef SUTURE_SCAFFOLD_H
#define SUTURE_SCAFFOLD_H

#include "base/diag.h"

/*
 * Write a new article for title in language lang.
 *
 * content_dir is the content folder ("content"). lang is a language code site.yaml
 * declares (ASCII case ignored), or NULL for the default language (the first one, or the
 * `language:` of a one-language site). title is the article's title in UTF-8; leading and
 * trailing whitespace is trimmed, and it is written double-quoted by libyaml's emitter, so
 * quotes, colons, '#', backslashes and non-ASCII text stay as typed. slug names the file
 * (without ".md"); NULL derives it from the title with slug_from_title (base/slug.h),
 * which writes a Korean title in Latin letters (실리프팅 후 회복: sillipeuting-hu-hoebog).
 * today_iso is today's date as YYYY-MM-DD, written as both date and reviewed. No argument
 * but lang and slug may be NULL.
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
 * then, when the date and the folder are right, site.yaml's own errors, or one of:
 *   - "suture: error: --lang '<lang>' is not a language of this site; [did you mean
 *     '<code>'? ]<site.yaml> declares <codes>: ..." ;
 *   - "suture: error: --lang '<lang>': this site is in one language, <code> ...; leave
 *     out --lang, ..." (a one-language site and lang not its language);
 * and then, when there was none of those, at most one of:
 *   - "<content_dir>/articles/<other>/<slug>.md: error: an article with this file name is
 *     already in '<other>', ...; to translate it, ..." (one file name in two language
 *     folders is one article: a new one may not take it);
 *   - "<path>: error: this article already exists; ..." ;
 *   - "<folder>: error: cannot create a file in this folder: <reason>; ..."
 *     (no permission, or a read-only file system);
 *   - "<path>: error: cannot create the article: <reason>" (any other failure to create
 *     or write the file; a partly written file is removed).
 */
int scaffold_article(const char *content_dir, const char *lang, const char *title,
                     const char *slug, const char *today_iso, diag_list *diags,
                     char **path_out);

#endif
