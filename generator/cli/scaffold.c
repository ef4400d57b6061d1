/* scaffold.c: a new article from a title (see scaffold.h). */
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
#include "content/frontmatter.h"

/*
 * The outline under the front matter: one line of guidance per section, for the author
 * to replace. It must pass content/compliance.yaml itself: the "Side effects and risks"
 * heading meets side-effects-omitted, and the sentence on results varying (which stays)
 * meets results-vary-missing.
 */
static const char S_outline[] =
    "Write two or three plain sentences: what this article explains and who it is for.\n"
    "\n"
    "## What it is\n"
    "\n"
    "Explain what the procedure is and how it works, in everyday words. Explain each "
    "medical term the first time you use it.\n"
    "\n"
    "## Who it may suit\n"
    "\n"
    "Describe who may be suited to it, who should not have it, and why.\n"
    "\n"
    "## Side effects and risks\n"
    "\n"
    "List the common side effects and the rarer, serious complications, how often they "
    "happen where that is known, and what can be done about them.\n"
    "\n"
    "## Recovery\n"
    "\n"
    "Describe what the first days and weeks are usually like and which signs mean a "
    "patient should contact the clinic.\n"
    "\n"
    "Results and recovery vary from person to person.\n"
    "\n"
    "## Questions to ask at your consultation\n"
    "\n"
    "List questions a patient can ask, such as what the procedure can and cannot change "
    "for them and what the risks are in their case.\n";

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

/*
 * The front matter's fields, one per line, emitted by libyaml so that any title comes out
 * as valid YAML. Returns the text (the caller frees it) or NULL when the title is not
 * valid UTF-8.
 */
static char *S_front_matter(const char *title, const char *today_iso)
{
    strbuf out = STRBUF_INIT;
    yaml_emitter_t e;
    yaml_event_t ev;
    yaml_emitter_initialize(&e);
    yaml_emitter_set_output(&e, S_emit_to_strbuf, &out);
    yaml_emitter_set_unicode(&e, 1); /* Korean stays Korean, not \uXXXX */
    yaml_emitter_set_width(&e, -1);  /* a long title stays on one line */
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    bool ok = yaml_emitter_emit(&e, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    ok = ok && yaml_emitter_emit(&e, &ev);
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    ok = ok && yaml_emitter_emit(&e, &ev);
    ok = ok && S_scalar(&e, "title", YAML_PLAIN_SCALAR_STYLE) &&
         S_scalar(&e, title, YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
         S_scalar(&e, "summary", YAML_PLAIN_SCALAR_STYLE) &&
         S_scalar(&e, "", YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
         S_scalar(&e, "topics", YAML_PLAIN_SCALAR_STYLE);
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE);
    ok = ok && yaml_emitter_emit(&e, &ev);
    yaml_sequence_end_event_initialize(&ev);
    ok = ok && yaml_emitter_emit(&e, &ev);
    ok = ok && S_scalar(&e, "date", YAML_PLAIN_SCALAR_STYLE) &&
         S_scalar(&e, today_iso, YAML_PLAIN_SCALAR_STYLE) &&
         S_scalar(&e, "reviewed", YAML_PLAIN_SCALAR_STYLE) &&
         S_scalar(&e, today_iso, YAML_PLAIN_SCALAR_STYLE) &&
         S_scalar(&e, "reviewer", YAML_PLAIN_SCALAR_STYLE) &&
         S_scalar(&e, "", YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    yaml_mapping_end_event_initialize(&ev);
    ok = ok && yaml_emitter_emit(&e, &ev);
    yaml_document_end_event_initialize(&ev, 1);
    ok = ok && yaml_emitter_emit(&e, &ev);
    yaml_stream_end_event_initialize(&ev);
    ok = ok && yaml_emitter_emit(&e, &ev);
    yaml_emitter_delete(&e);
    if (!ok) {
        strbuf_free(&out);
        return NULL;
    }
    return strbuf_detach(&out);
}

/* Create path (never replacing a file) holding text. Returns 0, or -1 with errno. */
static int S_create(const char *path, const char *text)
{
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

/* Report each problem with the title, the slug, the date and the folder: whether there was
 * none. *fm and *slug are set to the front matter and the slug (*own_slug, to free, when it
 * comes from the title). */
static bool S_check_inputs(const char *content_dir, const char *clean_title, const char **slug,
                           char **own_slug, const char *today_iso, char **fm, diag_list *diags)
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
    date_ymd today;
    if (!date_parse(today_iso, &today)) {
        diag_error(diags, NULL, 0, 0, NULL, "'%s' is not a valid date written as YYYY-MM-DD",
                   today_iso);
        ok = false;
    }
    char *dir = path_join(content_dir, "articles");
    if (!path_is_dir(dir)) {
        diag_error(diags, dir, 0, 0, NULL,
                   "there is no articles folder here; run suture in the project folder (the "
                   "one that holds content/), or pass --content with the content folder");
        ok = false;
    }
    free(dir);
    return ok;
}

/* Write the new article at content_dir/articles/<slug>.md: its path, or NULL after saying
 * why not. */
static char *S_write_article(const char *content_dir, const char *slug, const char *fm,
                             diag_list *diags)
{
    char *dir = path_join(content_dir, "articles");
    char *name = xasprintf("%s.md", slug);
    char *path = path_join(dir, name);
    free(name);
    char *text = xasprintf("---\n%s---\n%s", fm, S_outline);
    if (S_create(path, text) < 0) {
        if (errno == EEXIST)
            diag_error(diags, path, 0, 0, NULL,
                       "this article already exists; choose another title or --slug, "
                       "or edit the existing file");
        else if (errno == EACCES || errno == EPERM || errno == EROFS)
            diag_error(diags, dir, 0, 0, NULL,
                       "cannot create a file in this folder: %s; check that you may write "
                       "to it, or pass --content with a content folder you can write to",
                       strerror(errno));
        else
            diag_error(diags, path, 0, 0, NULL, "cannot create the article: %s",
                       strerror(errno));
        free(path);
        path = NULL;
    }
    free(text);
    free(dir);
    return path;
}

int scaffold_article(const char *content_dir, const char *title, const char *slug,
                     const char *today_iso, diag_list *diags, char **path_out)
{
    while (S_is_space(*title))
        title++;
    size_t len = strlen(title);
    while (len && S_is_space(title[len - 1]))
        len--;
    char *clean_title = xstrndup(title, len);
    char *fm = NULL, *own_slug = NULL, *path = NULL;
    if (S_check_inputs(content_dir, clean_title, &slug, &own_slug, today_iso, &fm, diags))
        path = S_write_article(content_dir, slug, fm, diags);
    free(fm);
    free(own_slug);
    free(clean_title);
    if (!path)
        return -1;
    *path_out = path;
    return 0;
}
