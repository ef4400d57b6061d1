/* articlefiles.c: the article files of content/articles (see articlefiles.h). */
#define _GNU_SOURCE
#include "content/articlefiles.h"
#include "base/files.h"
#include "base/str.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/slug.h"

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

static int S_cmp_rel(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Report an entry of articles_dir that is not where articles go on a multilingual site. */
static void S_report_stray(const char *articles_dir, const char *name, const config *cfg,
                           diag_list *diags)
{
    char *path = path_join(articles_dir, name);
    if (str_ends_with(name, ".md") && !path_is_dir(path)) {
        diag_error(diags, path, 0, 0, NULL, "this article is in no language folder; move it "
                   "into %s/%s/, or the folder of its language", articles_dir,
                   config_default_language(cfg)->code);
    } else if (path_is_dir(path) && slug_is_language_tag(name) && slug_is_known_language(name)) {
        diag_error(diags, path, 0, 0, NULL, "this is a folder of articles in '%s', a language "
                   "site.yaml does not declare; declare it under 'languages' in site.yaml, or "
                   "move its articles into a declared language's folder", name);
    } else if (path_is_dir(path)) {
        strbuf list = STRBUF_INIT;
        for (size_t i = 0; i < cfg->n_languages; i++)
            strbuf_printf(&list, "%s%s", i ? ", " : "", cfg->languages[i].code);
        diag_error(diags, path, 0, 0, NULL, "this folder is not a language's; articles go in "
                   "one folder per language of site.yaml: %s", strbuf_str(&list));
        strbuf_free(&list);
    }
    free(path);
}

int articlefiles_list_site(const char *articles_dir, const config *cfg, strlist *rels,
                           diag_list *diags)
{
    if (!cfg->multilingual)
        return articlefiles_list(articles_dir, rels, diags);
    strlist entries = {0};
    if (articlefiles_list(articles_dir, &entries, diags) < 0)
        return -1;
    strlist_free(&entries);
    if (dir_list(articles_dir, NULL, &entries) < 0)
        return -1;
    int status = 0;
    for (size_t i = 0; i < entries.len; i++) {
        const char *name = entries.items[i];
        const config_language *lang = NULL;
        for (size_t l = 0; l < cfg->n_languages && !lang; l++)
            if (strcmp(cfg->languages[l].code, name) == 0)
                lang = &cfg->languages[l];
        if (!lang) {
            S_report_stray(articles_dir, name, cfg, diags);
            continue;
        }
        char *dir = path_join(articles_dir, name);
        strlist names = {0};
        /* A language without a folder has no articles yet; anything else there that is
         * not a readable folder is reported as the articles folder itself would be. */
        if (path_exists(dir) && articlefiles_list(dir, &names, diags) < 0)
            status = -1;
        for (size_t k = 0; k < names.len; k++) {
            char *rel = xasprintf("%s/%s", lang->code, names.items[k]);
            strlist_push(rels, rel);
            free(rel);
        }
        strlist_free(&names);
        free(dir);
    }
    strlist_free(&entries);
    if (rels->len)
        qsort(rels->items, rels->len, sizeof *rels->items, S_cmp_rel);
    return status;
}

const char *articlefiles_name(const char *rel)
{
    const char *slash = strrchr(rel, '/');
    return slash ? slash + 1 : rel;
}

const config_language *articlefiles_language(const config *cfg, const char *rel)
{
    const char *slash = strchr(rel, '/');
    if (!cfg->multilingual || !slash)
        return config_default_language(cfg);
    for (size_t i = 0; i < cfg->n_languages; i++) {
        size_t n = strlen(cfg->languages[i].code);
        if (n == (size_t)(slash - rel) && strncmp(rel, cfg->languages[i].code, n) == 0)
            return &cfg->languages[i];
    }
    return config_default_language(cfg);
}

const char *articlefiles_in_language(const strlist *rels, const char *rel, const char *code)
{
    char *want = xasprintf("%s/%s", code, articlefiles_name(rel));
    const char *key = want;
    char **hit = rels->len ? bsearch(&key, rels->items, rels->len, sizeof *rels->items,
                                     S_cmp_rel)
                           : NULL;
    free(want);
    return hit ? *hit : NULL;
}

const char *articlefiles_source(const strlist *rels, const char *rel, const char *source_lang)
{
    return articlefiles_in_language(rels, rel, source_lang);
}

/* The translation_of checks of articlefiles_check; true when nothing was reported. */
static bool S_check_translation(const config *cfg, const char *path, const char *rel,
                                const frontmatter *fm, const strlist *rels, diag_list *diags)
{
    const fm_pos at = fm->translation_of_at;
    const config_language *own = articlefiles_language(cfg, rel);
    if (!cfg->multilingual) {
        diag_error(diags, path, at.line, at.column, NULL, "this site is in one language, so "
                   "an article cannot be a translation; declare 'languages:' in site.yaml "
                   "and put each language's articles in its folder");
        return false;
    }
    const config_language *source = config_find_language(cfg, fm->translation_of);
    if (!source || strcmp(source->code, fm->translation_of) != 0) {
        diag_error(diags, path, at.line, at.column, NULL, "'translation_of: %s' names a "
                   "language site.yaml does not declare; name the language of the source, "
                   "one of its 'languages'", fm->translation_of);
        return false;
    }
    if (source == own) {
        diag_error(diags, path, at.line, at.column, NULL, "an article cannot translate its "
                   "own language, %s; name the language of its source", own->code);
        return false;
    }
    if (!articlefiles_source(rels, rel, source->code)) {
        diag_error(diags, path, at.line, at.column, NULL, "this translation's source, "
                   "%s/%s, does not exist; a translation has the same file name as its "
                   "source, in the source language's folder", source->code,
                   articlefiles_name(rel));
        return false;
    }
    return true;
}

bool articlefiles_check(const config *cfg, const char *path, const char *rel,
                        const frontmatter *fm, const strlist *rels, diag_list *diags)
{
    bool ok = true;
    const config_language *own = articlefiles_language(cfg, rel);
    if (cfg->multilingual && fm->lang && strcasecmp(fm->lang, own->code) != 0) {
        diag_error(diags, path, fm->lang_at.line, fm->lang_at.column, NULL,
                   "'lang: %s' disagrees with this article's folder, %.*s: its language is "
                   "%s; remove 'lang', or move the article into the folder of its language",
                   fm->lang, (int)(strlen(path) - strlen(articlefiles_name(path))), path,
                   own->code);
        ok = false;
    }
    if (fm->translation_of)
        ok = S_check_translation(cfg, path, rel, fm, rels, diags) && ok;
    return ok;
}

translation_state translation_staleness(const frontmatter *translation,
                                        const frontmatter *source, const date_ymd *today,
                                        long max_lag_days, long *lag_days)
{
    long lag = 0;
    translation_state state = TRANSLATION_CURRENT;
    if (date_compare(&source->reviewed, &translation->source_reviewed) > 0) {
        lag = date_days(today) - date_days(&source->reviewed);
        if (lag < 0)
            lag = 0;
        state = lag > max_lag_days ? TRANSLATION_OVERDUE : TRANSLATION_STALE;
    }
    if (lag_days)
        *lag_days = lag;
    return state;
}
