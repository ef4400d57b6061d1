/* scaffold_translation.c: a new translation of an article, for `suture new translation`
 * (see scaffold.h). */
#define _GNU_SOURCE
#include "cli/scaffold.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/suggest.h"
#include "cli/scaffold_private.h"
#include "content/frontmatter.h"
#include "content/yamldoc.h"

/* The source article, once found. */
typedef struct S_source {
    const config_language *lang; /* its folder's language */
    char *name;                  /* its file name: "dimpling.md" */
    char *path;                  /* <content_dir>/articles/<code>/<name> */
} S_source;

/*
 * source relative to the articles folder: taken from the real paths when source is a
 * file seen from the current folder, else with a leading "<articles>/" (or "./") taken
 * off. NULL after an error when source is a file outside the articles folder. The caller
 * frees it.
 */
static char *S_relative(const char *articles, const char *source, diag_list *diags)
{
    if (path_exists(source)) {
        char *dir = xstrdup(source);
        char *slash = strrchr(dir, '/');
        const char *base = strrchr(source, '/') ? strrchr(source, '/') + 1 : source;
        if (slash)
            slash[1] = '\0';
        char *real_dir = realpath(slash ? dir : ".", NULL);
        char *real_articles = realpath(articles, NULL);
        size_t n = real_articles ? strlen(real_articles) : 0;
        char *rel = NULL;
        if (real_dir && real_articles && strncmp(real_dir, real_articles, n) == 0 &&
            (real_dir[n] == '/' || real_dir[n] == '\0'))
            rel = xasprintf("%s%s%s", real_dir[n] ? real_dir + n + 1 : "",
                            real_dir[n] ? "/" : "", base);
        else
            diag_error(diags, source, 0, 0, NULL,
                       "this file is not in %s; name an article in the folder of its "
                       "language, for example en/%s",
                       articles, base);
        free(real_articles);
        free(real_dir);
        free(dir);
        return rel;
    }
    while (str_starts_with(source, "./"))
        source += 2;
    size_t n = strlen(articles);
    if (strncmp(source, articles, n) == 0 && source[n] == '/')
        source += n + 1;
    return xstrdup(source);
}

/* Every article of every language, "<code>/<name>", for "did you mean". */
static void S_all_articles(const char *content_dir, const config *cfg, strlist *out)
{
    for (size_t i = 0; i < cfg->n_languages; i++) {
        char *dir = scaffold_folder(content_dir, cfg, &cfg->languages[i]);
        strlist names = STRLIST_INIT;
        if (dir_list(dir, ".md", &names) == 0)
            for (size_t j = 0; j < names.len; j++)
                strlist_push_owned(out,
                                   xasprintf("%s/%s", cfg->languages[i].code, names.items[j]));
        strlist_free(&names);
        free(dir);
    }
}

/* The first language but avoid (may be NULL) whose folder holds the file name, or NULL. */
static const config_language *S_folder_of(const char *content_dir, const config *cfg,
                                          const char *name, const config_language *avoid)
{
    for (size_t i = 0; i < cfg->n_languages; i++) {
        if (&cfg->languages[i] == avoid)
            continue;
        char *dir = scaffold_folder(content_dir, cfg, &cfg->languages[i]);
        char *path = path_join(dir, name);
        bool there = path_is_file(path);
        free(path);
        free(dir);
        if (there)
            return &cfg->languages[i];
    }
    return NULL;
}

/* Report that path, rel in the articles folder, in the folder of lang, is no article;
 * with the closest article of any language when there is one. */
static void S_report_missing(const char *content_dir, const config *cfg, const char *path,
                             const char *rel, const config_language *lang, diag_list *diags)
{
    strlist all = STRLIST_INIT;
    S_all_articles(content_dir, cfg, &all);
    char *md = xasprintf("%s.md", rel);
    const char *near = strlist_contains(&all, md)
                           ? md
                           : suggest_closest_n(rel, (const char *const *)all.items, all.len);
    char *folder = scaffold_folder(content_dir, cfg, lang);
    if (path_exists(path))
        diag_error(diags, path, 0, 0, NULL,
                   "this is %s, not an article; name an article, a file ending in .md",
                   path_kind(path));
    else if (near)
        diag_error(diags, path, 0, 0, NULL, "there is no such article; did you mean '%s'?",
                   near);
    else
        diag_error(diags, path, 0, 0, NULL,
                   "there is no such article; name one of the files in %s, as %s/<file>.md",
                   folder, lang->code);
    free(folder);
    free(md);
    strlist_free(&all);
}

/*
 * Find source: its language and file. True with *src filled in; false after saying why
 * not. target, the translation's language (NULL when --lang was wrong), is the folder a
 * source named without one is not looked for in.
 */
static bool S_find_source(const char *content_dir, const config *cfg, const char *source,
                          const config_language *target, S_source *src, diag_list *diags)
{
    char *articles = path_join(content_dir, "articles");
    char *rel = S_relative(articles, source, diags);
    bool ok = false;
    char *slash = rel ? strchr(rel, '/') : NULL;
    if (rel && !slash) {
        const config_language *where = S_folder_of(content_dir, cfg, rel, target);
        diag_error(diags, NULL, 0, 0, NULL,
                   "'%s' names no language folder; name the article with its language's "
                   "folder, %s %s/%s (relative to %s)",
                   source, where ? "as" : "for example",
                   (where ? where : config_default_language(cfg))->code, rel, articles);
    } else if (rel) {
        *slash = '\0';
        const config_language *lang = config_find_language(cfg, rel);
        char *codes = NULL;
        if (!lang) {
            codes = scaffold_codes(cfg, NULL);
            diag_error(diags, NULL, 0, 0, NULL,
                       "'%s' in '%s' is not a language of this site; %s declares %s: name "
                       "the article in one of their folders",
                       rel, source, cfg->file, codes);
        }
        *slash = '/';
        free(codes);
        char *path = path_join(articles, rel);
        if (lang && !strchr(slash + 1, '/') && path_is_file(path)) {
            *src = (S_source){lang, xstrdup(slash + 1), path};
            path = NULL;
            ok = true;
        } else if (lang) {
            S_report_missing(content_dir, cfg, path, rel, lang, diags);
        }
        free(path);
    }
    free(rel);
    free(articles);
    return ok;
}

/*
 * The front matter's YAML text in an article (between the opening "---" line, after a
 * byte order mark, and the next "---" or "..." line): false when there is none.
 */
static bool S_yaml_part(const char *text, size_t len, const char **yaml, size_t *yaml_len)
{
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    if (end - p < 4 || memcmp(p, "---", 3) != 0 || (p[3] != '\n' && p[3] != '\r'))
        return false;
    const char *start = memchr(p, '\n', (size_t)(end - p));
    if (!start)
        return false;
    start++;
    for (const char *line = start; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        while (stop > line && (stop[-1] == '\r' || stop[-1] == ' ' || stop[-1] == '\t'))
            stop--;
        if (stop - line == 3 && (memcmp(line, "---", 3) == 0 || memcmp(line, "...", 3) == 0)) {
            *yaml = start;
            *yaml_len = (size_t)(line - start);
            return true;
        }
        line = nl ? nl + 1 : end;
    }
    return false;
}

/*
 * Whether the source is itself a translation: its front matter has translation_of (read
 * from the YAML itself, so that any front matter parser's fields do). True after an error
 * at the value naming the original to translate from.
 */
static bool S_is_translation(const char *content_dir, const config *cfg, const S_source *src,
                             const char *text, size_t len, const char *target,
                             diag_list *diags)
{
    const char *yaml;
    size_t yaml_len;
    if (!S_yaml_part(text, len, &yaml, &yaml_len))
        return false;
    diag_list *scratch = diag_list_new(); /* frontmatter_parse reports bad YAML itself */
    ydoc *doc = ydoc_load(src->path, yaml, yaml_len, 1, 0, scratch);
    yaml_node_t *root = doc ? ydoc_root(doc) : NULL;
    yaml_node_t *of = root && root->type == YAML_MAPPING_NODE
                          ? ydoc_map_get(doc, root, "translation_of")
                          : NULL;
    const char *code = of ? ydoc_scalar(of) : NULL;
    if (of) {
        const config_language *original = code ? config_find_language(cfg, code) : NULL;
        char *folder = original ? scaffold_folder(content_dir, cfg, original) : NULL;
        char *hint =
            !original ? xstrdup("the article it was translated from")
            : strcasecmp(original->code, target) == 0
                ? xasprintf("%s/%s, which is already in %s", folder, src->name, target)
                : xasprintf("%s/%s, with suture new translation %s/%s --lang %s", folder,
                            src->name, original->code, src->name, target);
        diag_error(diags, src->path, ydoc_line(doc, of), ydoc_column(doc, of), NULL,
                   "this article is itself a translation (translation_of: %s); translate "
                   "from the original: %s",
                   code ? code : "?", hint);
        free(hint);
        free(folder);
    }
    ydoc_free(doc);
    diag_list_free(scratch);
    return of != NULL;
}

/* The ids of n refs, for scaffold_fm_list; the caller frees the array (not the ids). */
static const char **S_ids(const fm_ref *refs, size_t n)
{
    const char **ids = xcalloc(n + 1, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = refs[i].id;
    return ids;
}

/* The translation's text: front matter from the source's fm, then the note and body. */
static char *S_translation_text(const frontmatter *fm, const char *body, const char *source,
                                const config_language *target, const char *today_iso)
{
    const outline_texts *t = outline_texts_for(target->code);
    char *fields = scaffold_fill(t, t->translate_fields, source, target->code);
    char *note = scaffold_fill(t, t->translate_body, source, target->code);
    char reviewed[16];
    date_format(&fm->reviewed, reviewed, sizeof reviewed);
    const char **topics = S_ids(fm->topics, fm->n_topics);
    const char **procedures = S_ids(fm->procedures, fm->n_procedures);
    strbuf out = STRBUF_INIT;
    strbuf_printf(&out, "---\n%s\n", fields);
    /* The source's texts were read as UTF-8 YAML, so libyaml writes them back. */
    scaffold_fm_quoted(&out, "title", fm->title);
    scaffold_fm_quoted(&out, "summary", fm->summary);
    scaffold_fm_list(&out, "topics", topics, fm->n_topics);
    if (fm->n_procedures)
        scaffold_fm_list(&out, "procedures", procedures, fm->n_procedures);
    if (fm->slug)
        scaffold_fm_plain(&out, "slug", fm->slug);
    scaffold_fm_plain(&out, "date", today_iso);
    scaffold_fm_plain(&out, "reviewed", today_iso);
    scaffold_fm_quoted(&out, "reviewer", fm->reviewer);
    scaffold_fm_plain(&out, "translation_of", source);
    scaffold_fm_plain(&out, "source_reviewed", reviewed);
    scaffold_fm_plain(&out, "draft", "true");
    strbuf_printf(&out, "---\n%s\n\n%s", note, body);
    free(procedures);
    free(topics);
    free(note);
    free(fields);
    return strbuf_detach(&out);
}

/*
 * Read the source and write the translation into target's folder: its path, or NULL
 * after saying why not.
 */
static char *S_write_translation(const char *content_dir, const config *cfg,
                                 const S_source *src, const config_language *target,
                                 const char *today_iso, diag_list *diags)
{
    size_t len;
    char *text = file_read(src->path, &len);
    if (!text) {
        diag_file_problem(diags, src->path, errno, NULL, "the article");
        return NULL;
    }
    char *path = NULL;
    const char *body;
    unsigned body_line;
    frontmatter *fm = NULL;
    if (!S_is_translation(content_dir, cfg, src, text, len, target->code, diags) &&
        (fm = frontmatter_parse(src->path, text, len, diags, &body, &body_line))) {
        char *dir = scaffold_folder(content_dir, cfg, target);
        path = path_join(dir, src->name);
        char *out = S_translation_text(fm, body, src->lang->code, target, today_iso);
        if (scaffold_create(path, out) < 0) {
            scaffold_report_create(diags, path, dir, "translation",
                                   "edit it, or delete it first to start again from the "
                                   "source",
                                   errno);
            free(path);
            path = NULL;
        }
        free(out);
        free(dir);
    }
    frontmatter_free(fm);
    free(text);
    return path;
}

int scaffold_translation(const char *content_dir, const char *source, const char *lang,
                         const char *today_iso, diag_list *diags, char **path_out)
{
    config *cfg = scaffold_open_site(content_dir, today_iso, diags);
    if (!cfg)
        return -1;
    char *path = NULL;
    S_source src = {0};
    if (!cfg->multilingual) {
        diag_error(diags, cfg->file, 0, 0, NULL,
                   "this site is in one language: it declares no 'languages:', so there is "
                   "no other language to translate into; to translate articles, declare the "
                   "site's languages under 'languages:' (the first is the default)");
    } else {
        const config_language *target = scaffold_language(cfg, lang, diags);
        bool found = S_find_source(content_dir, cfg, source, target, &src, diags);
        if (found && target == src.lang) {
            char *others = scaffold_codes(cfg, target);
            diag_error(diags, src.path, 0, 0, NULL,
                       "this article is already in %s; give --lang the language to translate "
                       "it into: %s",
                       target->code, others);
            free(others);
        } else if (found && target)
            path = S_write_translation(content_dir, cfg, &src, target, today_iso, diags);
    }
    free(src.name);
    free(src.path);
    config_free(cfg);
    if (!path)
        return -1;
    *path_out = path;
    return 0;
}
