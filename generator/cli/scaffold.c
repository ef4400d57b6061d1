/* scaffold.c: a new article from a title, and what `suture new` shares (see scaffold.h,
 * scaffold_private.h). */
#define _GNU_SOURCE
#include "cli/scaffold.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "cli/scaffold_private.h"
#include "content/frontmatter.h"

static bool S_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int S_emit_to_strbuf(void *data, unsigned char *buffer, size_t size)
{
    strbuf_append(data, (const char *)buffer, size);
    return 1;
}

/* Emit one scalar; false when libyaml refuses it (the text is not valid UTF-8). */
static bool S_scalar(yaml_emitter_t *e, const char *text, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    bool plain = style == YAML_PLAIN_SCALAR_STYLE;
    size_t len = strlen(text);
    if (len > INT_MAX ||
        !yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)text, (int)len,
                                      plain, !plain, style))
        return false;
    return yaml_emitter_emit(e, &ev);
}

/* Emit one event made by init's caller; false when libyaml refuses it. */
static bool S_emit(yaml_emitter_t *e, yaml_event_t *ev, bool made)
{
    return made && yaml_emitter_emit(e, ev);
}

/*
 * One front matter line, "key: value\n", as libyaml writes a mapping of one entry: value
 * a scalar in style, or (ids not NULL) a flow list of the n ids. Appended to out unless
 * libyaml refuses a text (not valid UTF-8): then false.
 */
static bool S_fm_line(strbuf *out, const char *key, const char *value, yaml_scalar_style_t style,
                      const char *const *ids, size_t n)
{
    strbuf line = STRBUF_INIT;
    yaml_emitter_t e;
    yaml_event_t ev;
    yaml_emitter_initialize(&e);
    yaml_emitter_set_output(&e, S_emit_to_strbuf, &line);
    yaml_emitter_set_unicode(&e, 1); /* Korean stays Korean, not \uXXXX */
    yaml_emitter_set_width(&e, -1);  /* a long title stays on one line */
    bool ok = S_emit(&e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING)) &&
              S_emit(&e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1)) &&
              S_emit(&e, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                                                 YAML_BLOCK_MAPPING_STYLE)) &&
              S_scalar(&e, key, YAML_PLAIN_SCALAR_STYLE);
    if (ids) {
        ok = ok && S_emit(&e, &ev, yaml_sequence_start_event_initialize(
                                       &ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE));
        for (size_t i = 0; ok && i < n; i++)
            ok = S_scalar(&e, ids[i], YAML_PLAIN_SCALAR_STYLE);
        ok = ok && S_emit(&e, &ev, yaml_sequence_end_event_initialize(&ev));
    } else {
        ok = ok && S_scalar(&e, value, style);
    }
    ok = ok && S_emit(&e, &ev, yaml_mapping_end_event_initialize(&ev)) &&
         S_emit(&e, &ev, yaml_document_end_event_initialize(&ev, 1)) &&
         S_emit(&e, &ev, yaml_stream_end_event_initialize(&ev));
    yaml_emitter_delete(&e);
    if (ok)
        strbuf_puts(out, strbuf_str(&line));
    strbuf_free(&line);
    return ok;
}

bool scaffold_fm_quoted(strbuf *out, const char *key, const char *value)
{
    return S_fm_line(out, key, value, YAML_DOUBLE_QUOTED_SCALAR_STYLE, NULL, 0);
}

bool scaffold_fm_plain(strbuf *out, const char *key, const char *value)
{
    return S_fm_line(out, key, value, YAML_PLAIN_SCALAR_STYLE, NULL, 0);
}

bool scaffold_fm_list(strbuf *out, const char *key, const char *const *ids, size_t n)
{
    static const char *const none[] = {NULL};
    return S_fm_line(out, key, NULL, YAML_PLAIN_SCALAR_STYLE, ids ? ids : none, n);
}

int scaffold_create(const char *path, const char *text)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    int made = slash && !path_is_dir(dir) ? mkdir_p(dir) : 0;
    free(dir);
    if (made < 0)
        return -1;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    size_t len = strlen(text), done = 0;
    while (done < len) {
        ssize_t n = write(fd, text + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            unlink(path);
            errno = e;
            return -1;
        }
        done += (size_t)n;
    }
    if (close(fd) < 0) {
        int e = errno;
        unlink(path);
        errno = e;
        return -1;
    }
    return 0;
}

void scaffold_report_create(diag_list *diags, const char *path, const char *dir,
                            const char *what, const char *exists_hint, int err)
{
    if (err == EEXIST)
        diag_error(diags, path, 0, 0, NULL, "this %s already exists; %s", what, exists_hint);
    else if (err == EACCES || err == EPERM || err == EROFS)
        diag_error(diags, dir, 0, 0, NULL,
                   "cannot create a file in this folder: %s; check that you may write "
                   "to it, or pass --content with a content folder you can write to",
                   strerror(err));
    else
        diag_error(diags, path, 0, 0, NULL, "cannot create the %s: %s", what, strerror(err));
}

char *scaffold_codes(const config *cfg, const config_language *except)
{
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < cfg->n_languages; i++)
        if (&cfg->languages[i] != except)
            strbuf_printf(&b, "%s%s", b.len ? ", " : "", cfg->languages[i].code);
    return strbuf_detach(&b);
}

const config_language *scaffold_language(const config *cfg, const char *code,
                                         diag_list *diags)
{
    if (!code)
        return config_default_language(cfg);
    const config_language *lang = config_find_language(cfg, code);
    if (lang)
        return lang;
    if (!cfg->multilingual) {
        diag_error(diags, NULL, 0, 0, NULL,
                   "--lang '%s': this site is in one language, %s (%s has 'language: %s' and "
                   "no 'languages:'); leave out --lang, or declare the site's languages under "
                   "'languages:' in %s",
                   code, cfg->languages[0].code, cfg->file, cfg->languages[0].code, cfg->file);
        return NULL;
    }
    char *codes = scaffold_codes(cfg, NULL);
    const char *near = suggest_closest_in(code, cfg->languages, cfg->n_languages,
                                          sizeof *cfg->languages,
                                          offsetof(config_language, code));
    char *hint = near ? xasprintf("did you mean '%s'? ", near) : xstrdup("");
    diag_error(diags, NULL, 0, 0, NULL,
               "--lang '%s' is not a language of this site; %s%s declares %s: use one of "
               "them, or add '%s' under 'languages:' in %s",
               code, hint, cfg->file, codes, code, cfg->file);
    free(hint);
    free(codes);
    return NULL;
}

char *scaffold_folder(const char *content_dir, const config *cfg, const config_language *lang)
{
    char *articles = path_join(content_dir, "articles");
    if (!cfg->multilingual)
        return articles;
    char *dir = path_join(articles, lang->code);
    free(articles);
    return dir;
}

/*
 * The front matter of a new article: the title, an empty summary, topics and reviewer for
 * the author, today as date and reviewed. NULL when the title is not valid UTF-8; else the
 * caller frees it.
 */
static char *S_front_matter(const char *title, const char *today_iso)
{
    strbuf out = STRBUF_INIT;
    bool ok = scaffold_fm_quoted(&out, "title", title) &&
              scaffold_fm_quoted(&out, "summary", "") &&
              scaffold_fm_list(&out, "topics", NULL, 0) &&
              scaffold_fm_plain(&out, "date", today_iso) &&
              scaffold_fm_plain(&out, "reviewed", today_iso) &&
              scaffold_fm_quoted(&out, "reviewer", "");
    if (!ok) {
        strbuf_free(&out);
        return NULL;
    }
    return strbuf_detach(&out);
}

/* Report each problem with the title and the slug: whether there was none. *fm and *slug
 * are set to the front matter and the slug (*own_slug, to free, when it comes from the
 * title). */
static bool S_check_title(const char *clean_title, const char **slug, char **own_slug,
                          const char *today_iso, char **fm, diag_list *diags)
{
    bool ok = true;
    if (!*clean_title) {
        diag_error(diags, NULL, 0, 0, NULL,
                   "the title is empty; write it in quotes after 'article', for example: "
                   "suture new article \"Thread lift: what to expect\"");
        ok = false;
    } else {
        if (!(*fm = S_front_matter(clean_title, today_iso))) {
            diag_error(diags, NULL, 0, 0, NULL,
                       "the title is not valid UTF-8 text; type it again, or set your "
                       "terminal to UTF-8");
            ok = false;
        }
        if (!*slug && !(*slug = *own_slug = slug_from_title(clean_title))) {
            diag_error(diags, NULL, 0, 0, NULL,
                       "the title '%s' has no letters a-z or digits to make a file name from; "
                       "give the file name with --slug, for example --slug thread-lift-recovery",
                       clean_title);
            ok = false;
        }
    }
    if (*slug && !slug_is_valid(*slug)) {
        diag_error(diags, NULL, 0, 0, NULL,
                   "'%s' cannot be used as a slug; use lower-case letters a-z, digits and "
                   "single hyphens between words, for example --slug thread-lift-recovery",
                   *slug);
        ok = false;
    }
    return ok;
}

config *scaffold_open_site(const char *content_dir, const char *today_iso, diag_list *diags)
{
    date_ymd today;
    bool date_ok = date_parse(today_iso, &today);
    if (!date_ok)
        diag_error(diags, NULL, 0, 0, NULL, "'%s' is not a valid date written as YYYY-MM-DD",
                   today_iso);
    char *dir = path_join(content_dir, "articles");
    bool have_dir = path_is_dir(dir);
    if (!have_dir)
        diag_error(diags, dir, 0, 0, NULL,
                   "there is no articles folder here; run suture in the project folder (the "
                   "one that holds content/), or pass --content with the content folder");
    free(dir);
    if (!date_ok || !have_dir)
        return NULL;
    char *path = path_join(content_dir, "site.yaml");
    config *cfg = config_load(path, diags);
    free(path);
    return cfg;
}

/*
 * On a site with languages: the same file name in another language's folder is that
 * article in another language (issue 16), so a new article may not take it. True when
 * name is free in every other folder; false after naming the article that has it.
 */
static bool S_name_free(const char *content_dir, const config *cfg,
                        const config_language *lang, const char *name, diag_list *diags)
{
    for (size_t i = 0; cfg->multilingual && i < cfg->n_languages; i++) {
        const config_language *other = &cfg->languages[i];
        if (other == lang)
            continue;
        char *folder = scaffold_folder(content_dir, cfg, other);
        char *path = path_join(folder, name);
        bool taken = path_exists(path);
        if (taken)
            diag_error(diags, path, 0, 0, NULL,
                       "an article with this file name is already in '%s', and one file name "
                       "in two language folders is one article in two languages; to "
                       "translate it, run suture new translation %s/%s --lang %s; for "
                       "another article, choose another title or --slug",
                       other->code, other->code, name, lang->code);
        free(path);
        free(folder);
        if (taken)
            return false;
    }
    return true;
}

/* Write the new article, <folder of lang>/<slug>.md: its path, or NULL after saying why
 * not. */
static char *S_write_article(const char *content_dir, const config *cfg,
                             const config_language *lang, const char *slug, const char *fm,
                             diag_list *diags)
{
    char *name = xasprintf("%s.md", slug);
    if (!S_name_free(content_dir, cfg, lang, name, diags)) {
        free(name);
        return NULL;
    }
    char *dir = scaffold_folder(content_dir, cfg, lang);
    char *path = path_join(dir, name);
    free(name);
    char *text = xasprintf("---\n%s---\n%s", fm, outline_texts_for(lang->code)->outline);
    if (scaffold_create(path, text) < 0) {
        scaffold_report_create(diags, path, dir, "article",
                               "choose another title or --slug, or edit the existing file",
                               errno);
        free(path);
        path = NULL;
    }
    free(text);
    free(dir);
    return path;
}

int scaffold_article(const char *content_dir, const char *lang, const char *title,
                     const char *slug, const char *today_iso, diag_list *diags,
                     char **path_out)
{
    while (S_is_space(*title))
        title++;
    size_t len = strlen(title);
    while (len && S_is_space(title[len - 1]))
        len--;
    char *clean_title = xstrndup(title, len);
    char *fm = NULL, *own_slug = NULL, *path = NULL;
    bool ok = S_check_title(clean_title, &slug, &own_slug, today_iso, &fm, diags);
    config *cfg = scaffold_open_site(content_dir, today_iso, diags);
    const config_language *language = cfg ? scaffold_language(cfg, lang, diags) : NULL;
    if (ok && language)
        path = S_write_article(content_dir, cfg, language, slug, fm, diags);
    config_free(cfg);
    free(fm);
    free(own_slug);
    free(clean_title);
    if (!path)
        return -1;
    *path_out = path;
    return 0;
}
