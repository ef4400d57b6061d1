/*
 * scaffold_private.h: what the files of `suture new` share, and nothing else includes.
 *
 *   scaffold.c              a new article, and what both commands share: site.yaml and
 *                           --lang, front matter lines, creating the file
 *   scaffold_texts.c        the notes to a translator filled in with language names (the
 *                           outlines and notes themselves: content/outline.h)
 *   scaffold_translation.c  a new translation of an article
 */
#ifndef SUTURE_SCAFFOLD_PRIVATE_H
#define SUTURE_SCAFFOLD_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/str.h"
#include "content/config.h"
#include "content/outline.h"

/*
 * text with each {source} and {target} replaced by ICU's names of the languages source
 * and target in t's display_locale ("영어" for en in Korean; the code itself when ICU has
 * no name). The caller frees the result.
 */
char *scaffold_fill(const outline_texts *t, const char *text, const char *source,
                    const char *target);

/*
 * Front matter lines, each "key: value\n" written by libyaml's emitter (so any text comes
 * out as valid YAML on one line, Korean as it is): a double-quoted string, a plain scalar
 * (a date, a slug, a language code, true), or a flow list of ids ("[anatomy, thread-lift]",
 * "[]" for none). Each returns false, appending nothing, when value is not valid UTF-8.
 */
bool scaffold_fm_quoted(strbuf *out, const char *key, const char *value);
bool scaffold_fm_plain(strbuf *out, const char *key, const char *value);
bool scaffold_fm_list(strbuf *out, const char *key, const char *const *ids, size_t n);

/*
 * What both commands need first: today_iso a valid YYYY-MM-DD date ("suture: error:
 * '<today_iso>' is not a valid date written as YYYY-MM-DD"), <content_dir>/articles a
 * folder ("<content_dir>/articles: error: there is no articles folder here; ..."), both
 * reported when both are wrong; then <content_dir>/site.yaml loaded with config_load (its
 * own errors). Returns the configuration (free with config_free), or NULL after those
 * errors.
 */
config *scaffold_open_site(const char *content_dir, const char *today_iso, diag_list *diags);

/*
 * The declared language --lang names (ASCII case ignored), or when code is NULL the default
 * one. NULL after one error: on a site with `languages:`, "suture: error: --lang '<code>'
 * is not a language of this site; ..." naming the declared ones (and the closest, when
 * code looks like a misspelling of one); on a one-language site, "suture: error: --lang
 * '<code>': this site is in one language, <code>; ...".
 */
const config_language *scaffold_language(const config *cfg, const char *code,
                                         diag_list *diags);

/* The codes of cfg's languages but except (may be NULL), as "ko, en"; the caller frees
 * it. */
char *scaffold_codes(const config *cfg, const config_language *except);

/*
 * The folder a new file in lang goes into: <content_dir>/articles/<code>/ on a site with
 * `languages:`, <content_dir>/articles/ on a one-language site. The caller frees it.
 */
char *scaffold_folder(const char *content_dir, const config *cfg, const config_language *lang);

/*
 * Create path holding text, never replacing a file (O_EXCL, mode 0644 less the umask),
 * after making its folder when that is missing (a language's first article). Returns 0,
 * or -1 with errno (EEXIST when something is already there); a partly written file is
 * removed.
 */
int scaffold_create(const char *path, const char *text);

/*
 * Report why scaffold_create failed for path in folder dir, naming what it is ("article",
 * "translation"): "<path>: error: this <what> already exists; <exists_hint>" (EEXIST),
 * "<dir>: error: cannot create a file in this folder: <reason>; ..." (no permission, a
 * read-only file system), else "<path>: error: cannot create the <what>: <reason>".
 * err is the errno.
 */
void scaffold_report_create(diag_list *diags, const char *path, const char *dir,
                            const char *what, const char *exists_hint, int err);

#endif
