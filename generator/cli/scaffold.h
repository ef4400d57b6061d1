/*
 * scaffold.h: `suture new`: a new article from a title, and a new translation of an
 * article (issue 16).
 *
 * A new article, <folder>/<slug>.md, has the complete front matter of SPEC.md ("Article")
 * and an outline of the usual sections in its language (Korean for ko, English for every
 * other). The fields only the author can fill in are left empty on purpose (summary: "",
 * topics: [], reviewer: ""), so that `suture build` and `suture check` name each of them
 * until the author has written them. <folder> is content/articles/<code>/ on a site whose
 * site.yaml declares `languages:`, content/articles/ on a one-language site.
 *
 * A new translation is a copy of its source that cannot be published by accident: the same
 * file name in the target language's folder, the source's facts (topics, procedures, slug,
 * reviewer), `translation_of` and `source_reviewed` saying which version of the source it
 * follows, `draft: true`, and notes (a YAML comment, an HTML comment that the page leaves
 * out) telling the translator what to translate and to remove `draft: true` afterwards.
 *
 * Both load <content_dir>/site.yaml, and report its errors when it has any. Both create
 * their file with O_EXCL: an existing file is never overwritten. Both make the language's
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
 *     already in '<other>', ...; to translate it, run suture new translation ..." (one
 *     file name in two language folders is one article: a new one may not take it);
 *   - "<path>: error: this article already exists; ..." ;
 *   - "<folder>: error: cannot create a file in this folder: <reason>; ..."
 *     (no permission, or a read-only file system);
 *   - "<path>: error: cannot create the article: <reason>" (any other failure to create
 *     or write the file; a partly written file is removed).
 */
int scaffold_article(const char *content_dir, const char *lang, const char *title,
                     const char *slug, const char *today_iso, diag_list *diags,
                     char **path_out);

/*
 * Start the translation into lang of the article source, on a site with `languages:`.
 *
 * source names the article relative to <content_dir>/articles ("en/dimpling.md"), or is a
 * path to it from the current folder ("content/articles/en/dimpling.md"); either way it
 * must be in the folder of a declared language, which is the source's language. lang is
 * a declared language code (ASCII case ignored); today_iso today's date as YYYY-MM-DD. No
 * argument may be NULL.
 *
 * Writes <content_dir>/articles/<lang>/<the source's file name> with this front matter:
 * a "# translate:" comment line asking for the title and summary to be translated, the
 * source's title and summary, topics, procedures (when it has some) and slug (when it has
 * one), date and reviewed today_iso, the source's reviewer, translation_of the source's
 * language, source_reviewed the source's reviewed date, and draft: true; then the body: an
 * HTML comment asking for the text to be translated and draft: true removed, a blank line,
 * and the source's body as it is. The notes are in lang's words (scaffold_texts_for).
 *
 * On success returns 0 and sets *path_out to the new file's path (the caller frees it);
 * otherwise returns -1, writes nothing, leaves *path_out alone, and adds errors to diags:
 * those of the date and the articles folder and site.yaml's own (as scaffold_article), or
 *   - "<site.yaml>: error: this site is in one language: ..." (no `languages:`);
 * else one for each of these it finds:
 *   - "suture: error: --lang '<lang>' is not a language of this site; ..." ;
 *   - "<source>: error: this file is not in <content_dir>/articles; ..." ;
 *   - "suture: error: '<source>' names no language folder; ..." (a file directly in
 *     content/articles);
 *   - "suture: error: '<code>' in '<source>' is not a language of this site; ..." ;
 *   - "<content_dir>/articles/<code>/<name>: error: there is no such article; [did you
 *     mean '<code>/<name>'? ]..." (the closest file name over every language's folder);
 *   - "<file>: error: cannot read the article: ..." (file_problem: a folder, a FIFO);
 * then, when those are right:
 *   - "<file>: error: this article is already in <lang>; ..." (lang is the source's own);
 *   - "<file>:<line>:<column>: error: this article is itself a translation
 *     (translation_of: <code>); translate from the original: ..." ;
 *   - the errors of the source's front matter (frontmatter_parse);
 * and last, at most one of scaffold_article's three errors on creating the file, with
 * "this translation already exists; ..." for an existing one.
 */
int scaffold_translation(const char *content_dir, const char *source, const char *lang,
                         const char *today_iso, diag_list *diags, char **path_out);

#endif
