/*
 * articlefiles.h: the article files of content/articles, as `suture build` and `suture check`
 * both find them (SPEC.md, "Layout"): the listing and the one refusal they share. Here, not
 * in the build, so that the checker needs nothing of the build (issue 15).
 */
#ifndef SUTURE_ARTICLEFILES_H
#define SUTURE_ARTICLEFILES_H

#include "base/diag.h"
#include "base/str.h"
#include "content/config.h"
#include "content/frontmatter.h"

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

/*
 * The article files of a site, as paths relative to articles_dir, appended to rels (the
 * caller frees it), sorted bytewise:
 *   - on a site in one language (cfg->multilingual false): the ".md" names of articles_dir,
 *     as articlefiles_list gives them ("dimpling.md");
 *   - on a site with `languages:` (issue 16): "<code>/<name>.md" for every ".md" file in
 *     the folder of each declared language, articles_dir/<code>/ ("ko/dimpling.md"). A
 *     language may have no folder yet: it then has no articles.
 * On a site with languages, reports (error, no line) and leaves out:
 *   - an article directly in articles_dir: "this article is in no language folder; move
 *     it into content/articles/<default code>/, or the folder of its language";
 *   - a folder named for a language site.yaml does not declare: "this is a folder of
 *     articles in 'fr', a language site.yaml does not declare; declare it under
 *     'languages' in site.yaml, or move its articles into a declared language's folder";
 *   - any other folder: "this folder is not a language's; articles go in one folder per
 *     language of site.yaml: ko, en".
 * Returns 0; or -1 after articlefiles_list's error when articles_dir cannot be listed (a
 * declared language's folder that cannot be read is reported the same way).
 */
int articlefiles_list_site(const char *articles_dir, const config *cfg, strlist *rels,
                           diag_list *diags);

/*
 * The language of the article at rel (as articlefiles_list_site gives it): its folder's on
 * a site with languages, else the site's one language. Never NULL for a listed rel.
 */
const config_language *articlefiles_language(const config *cfg, const char *rel);

/* The file name of rel: what follows its last '/' ("dimpling.md" for "ko/dimpling.md"). */
const char *articlefiles_name(const char *rel);

/*
 * Check what an article's front matter says of languages against where it is. path names
 * the article in diagnostics, rel is as listed, fm its front matter, rels every listed
 * article (sorted bytewise, as articlefiles_list_site gives them). Reports, at the value's
 * line and column:
 *   - on a site with languages, a `lang:` other than the folder's language: "'lang: en'
 *     disagrees with this article's folder, content/articles/ko/: its language is ko;
 *     remove 'lang', or move the article into the folder of its language";
 *   - `translation_of` on a site in one language ("... declare 'languages:' in
 *     site.yaml"), naming a language site.yaml does not declare, or the article's own
 *     language ("an article cannot translate its own language, ko; name the language of
 *     its source");
 *   - `translation_of` naming a source that does not exist: "this translation's source,
 *     content/articles/en/x.md, does not exist; a translation has the same file name as
 *     its source, in the source language's folder".
 * Returns true when it reported nothing.
 */
bool articlefiles_check(const config *cfg, const char *path, const char *rel,
                        const frontmatter *fm, const strlist *rels, diag_list *diags);

/*
 * The rel of the source of a translation at rel whose front matter names source_lang
 * ("en/x.md" for "ko/x.md"), or NULL when rels has no such article. Points into rels.
 */
const char *articlefiles_source(const strlist *rels, const char *rel, const char *source_lang);

/*
 * The rel of the article at rel in language code ("en/x.md" for "ko/x.md" and "en"), or
 * NULL when rels has none. Points into rels.
 */
const char *articlefiles_in_language(const strlist *rels, const char *rel, const char *code);

/* How a translation stands against its source (issue 16, "translations that cannot silently
 * go stale"). */
typedef enum translation_state {
    TRANSLATION_CURRENT,  /* the source's `reviewed` is not after the translation's source_reviewed */
    TRANSLATION_STALE,    /* the source has been reviewed since: `suture check` warns */
    TRANSLATION_OVERDUE,  /* ... more than translation_max_lag_days ago: an error */
} translation_state;

/*
 * The state of translation (front matter with translation_of) against source (the
 * source's front matter), on day today, with max_lag_days from site.yaml. *lag_days, when
 * not NULL, is set to the days since the source's newer review (0 when current).
 */
translation_state translation_staleness(const frontmatter *translation,
                                        const frontmatter *source, const date_ymd *today,
                                        long max_lag_days, long *lag_days);

#endif
