/*
 * output.c: writing the site's files into the staging folder, and taking unchanged pages from
 * the old site (build_private.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "build/build_private.h"
#include "build/precompress.h"
#include "build/publish.h"

/*
 * Whether e says there is no room left (a full disk, a used-up quota, the file-size limit
 * of ulimit -f); if so, report it once for the whole build, at the output folder the user
 * gave: the staging folder each write names is deleted when the build fails, and a full
 * disk made one message per page (issue 14, point 11).
 */
bool build_out_of_space(build *b, int e)
{
    if (e != ENOSPC && e != EDQUOT && e != EFBIG)
        return false;
    atomic_store(&b->write_failed, true);
    if (atomic_exchange(&b->out_of_space, true))
        return true;
    const char *out = b->opt->out_dir;
    if (e == ENOSPC)
        diag_error(b->diags, out, 0, 0, NULL,
                   "the disk is full: free space on the drive that holds %s and build again; "
                   "the published site was not changed",
                   out);
    else if (e == EDQUOT)
        diag_error(b->diags, out, 0, 0, NULL,
                   "your disk quota is used up: free space of yours on the drive that holds %s "
                   "(or ask for a larger quota) and build again; the published site was not "
                   "changed",
                   out);
    else
        diag_error(b->diags, out, 0, 0, NULL,
                   "cannot write: %s: a page is larger than the file-size limit allows (ulimit "
                   "-f); raise the limit and build again; the published site was not changed",
                   strerror(e));
    return true;
}

/* Report that rel_path (staged at path, or NULL when it could not be prepared) could not be
 * written, errno e: the build fails and the published site stays. */
void build_write_failed(build *b, const char *path, const char *rel_path, int e)
{
    if (build_out_of_space(b, e))
        return;
    char *joined = path ? NULL : path_join(publish_path(b->stage), rel_path);
    diag_error(b->diags, path ? path : joined, 0, 0, NULL, "cannot write: %s", strerror(e));
    atomic_store(&b->write_failed, true);
    free(joined);
}

/*
 * The .gz and .br copies of the file rel_path (its contents data, len bytes) beside it in
 * the staging folder, when the build makes them and the file is text (precompress.h).
 */
static void S_write_compressed(build *b, const char *rel_path, const char *data, size_t len)
{
    if (!b->opt->precompress || !precompress_wanted(rel_path))
        return;
    precompressed c;
    if (precompress(data, len, &c) != 0) {
        build_write_failed(b, NULL, rel_path, errno);
        return;
    }
    const struct {
        const char *suffix;
        const unsigned char *bytes;
        size_t len;
    } copies[] = {{".gz", c.gz, c.gz_len}, {".br", c.br, c.br_len}};
    for (size_t i = 0; i < 2; i++) {
        if (!copies[i].bytes)
            continue;
        char *rel = xasprintf("%s%s", rel_path, copies[i].suffix);
        char *path = publish_prepare(b->stage, rel);
        if (!path || file_write(path, (const char *)copies[i].bytes, copies[i].len) < 0)
            build_write_failed(b, path, rel, errno);
        else
            atomic_fetch_add(&b->files, 1);
        free(path);
        free(rel);
    }
    precompressed_free(&c);
}

void build_write(build *b, const char *rel_path, const char *data, size_t len)
{
    char *path = publish_prepare(b->stage, rel_path);
    if (!path || file_write(path, data, len) < 0) {
        build_write_failed(b, path, rel_path, errno);
    } else {
        atomic_fetch_add(&b->files, 1);
        S_write_compressed(b, rel_path, data, len);
    }
    free(path);
}

void build_compress_staged(build *b, const char *rel_path)
{
    char *path = path_join(publish_path(b->stage), rel_path);
    size_t len;
    char *data = file_read(path, &len);
    if (!data)
        build_write_failed(b, path, rel_path, errno);
    else
        S_write_compressed(b, rel_path, data, len);
    free(data);
    free(path);
}

/* The compressed copies of the page rel taken from the old site: taken with it, or made
 * when the old site has none (it was built without them). */
static void S_take_compressed(build *b, const char *rel)
{
    if (!b->opt->precompress || !precompress_wanted(rel))
        return;
    bool taken = true;
    for (size_t i = 0; i < 2; i++) {
        char *copy = xasprintf("%s%s", rel, i == 0 ? ".gz" : ".br");
        char *old = path_join(b->opt->out_dir, copy);
        /* A copy the old site does not have is made again: it may have been built without
         * them, and a page too small to gain has none, which costs little to find again. */
        if (path_is_file(old) ? publish_link(b->stage, b->opt->out_dir, copy) != 0 : true)
            taken = false;
        free(old);
        free(copy);
    }
    if (!taken)
        build_compress_staged(b, rel);
}

void build_compress_tree(build *b, const char *rel_dir)
{
    if (!b->opt->precompress)
        return;
    char *dir = path_join(publish_path(b->stage), rel_dir);
    strlist names = STRLIST_INIT;
    if (dir_list(dir, NULL, &names) == 0)
        for (size_t i = 0; i < names.len; i++) {
            char *rel = xasprintf("%s/%s", rel_dir, names.items[i]);
            char *full = path_join(dir, names.items[i]);
            if (path_is_dir(full))
                build_compress_tree(b, rel);
            else if (precompress_wanted(rel))
                build_compress_staged(b, rel);
            free(full);
            free(rel);
        }
    strlist_free(&names);
    free(dir);
}

/* The file for a page URL: "/kb/articles/x/" → "articles/x/index.html". */
char *build_page_file(const build *b, const char *url)
{
    size_t base_len = strlen(b->cfg->base_path);
    const char *rest = strncmp(url, b->cfg->base_path, base_len) == 0 ? url + base_len : url;
    if (!*rest || str_ends_with(rest, "/"))
        return xasprintf("%sindex.html", rest);
    return xstrdup(rest);
}

/*
 * Take the page at rel from the site being replaced, unchanged: a hard link into the
 * staging folder (a copy where the two cannot share a file). False when the old site has
 * no such file or it cannot be taken; the page is then made again.
 */
bool build_reuse(build *b, const char *rel)
{
    bool ok = incremental_take(b->inc, rel, b->stage, b->opt->out_dir);
    if (ok) {
        S_take_compressed(b, rel);
        atomic_fetch_add(&b->files, 1);
        atomic_fetch_add(&b->pages, 1);
        if (b->opt->progress)
            atomic_fetch_add(&b->opt->progress->done, 1);
        atomic_fetch_add(&b->reused, 1);
    }
    return ok;
}

/*
 * For a page that is not an article's: record its fingerprint, and take it from the old
 * site when that is the one recorded there. True when the page was taken. The fingerprint
 * is the build's inputs and the XML the template receives, which holds everything else the
 * page shows (a topic page's articles, the home page's newest...): computed before the
 * page is rendered, so that a page whose XML is unchanged is taken without running the
 * template.
 */
static bool S_reuse_list_page(build *b, page_kind kind, xmlDocPtr doc, const char *url)
{
    char *rel = build_page_file(b, url);
    xmlChar *xml = NULL;
    int len = 0;
    xmlDocDumpMemory(doc, &xml, &len);
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, "list page");
    fingerprint_str(f, b->inputs);
    fingerprint_u64(f, (uint64_t)kind);
    fingerprint_str(f, url);
    fingerprint_bytes(f, xml, len > 0 ? (size_t)len : 0);
    fingerprint_digest fp = fingerprint_digest_of(f);
    fingerprint_free(f);
    xmlFree(xml);
    bool reused = incremental_made(b->inc, rel, &fp, NULL) && build_reuse(b, rel);
    free(rel);
    return reused;
}

void build_render_page(build *b, const build_lang *bl, page_kind kind, xmlDocPtr doc,
                       const char *url)
{
    build_add_footer_pages(b, bl, doc);
    build_render_page_with(b, bl->disclaimer, kind, doc, url);
}

void build_render_page_with(build *b, const xmlNode *disclaimer, page_kind kind,
                            xmlDocPtr doc, const char *url)
{
    /* suture page-xml: the document the template would receive, and no page. */
    if (b->opt->page_xml) {
        b->opt->page_xml(b->opt->page_xml_ctx, url, doc);
        return;
    }
    if (kind != PAGE_ARTICLE && S_reuse_list_page(b, kind, doc, url))
        return;
    char *html = NULL;
    size_t len = 0;
    if (page_render(b->templates, kind, doc, disclaimer, url, b->diags, &html, &len) == 0) {
        char *file = build_page_file(b, url);
        build_write(b, file, html, len);
        atomic_fetch_add(&b->pages, 1);
        if (b->opt->progress)
            atomic_fetch_add(&b->opt->progress->done, 1);
        free(file);
        free(html);
    }
}

/*
 * Copy the folder from (media/ or assets/) into the site as to_rel; symbolic links in it may
 * lead only to files inside root, the content or templates folder. A missing folder has
 * nothing to copy; one that is something else (a file, a link to nothing) is reported, as is
 * a named pipe, socket or device inside it. what names the folder's contents for messages
 * ("the images"), a_file one of them ("the image").
 */
void build_copy_dir(build *b, const char *from, const char *to_rel, const char *root,
                       const char *what, const char *a_file)
{
    if (!path_exists(from))
        return;
    if (!path_is_dir(from)) {
        char *why = dir_problem(from, ENOTDIR, what);
        diag_error(b->diags, from, 0, 0, NULL, "%s", why);
        free(why);
        return;
    }
    char *to = path_join(publish_path(b->stage), to_rel);
    const char *failed = NULL;
    if (copy_tree(from, to, root, &failed) < 0) {
        const char *where = failed ? failed : from;
        if (errno == EXDEV) {
            diag_error(b->diags, where, 0, 0, "link",
                       "this is a symbolic link to a file outside %s (or to nothing); suture "
                       "publishes only files inside it: copy the file here instead",
                       root);
        } else if (errno == ELOOP) {
            diag_error(b->diags, where, 0, 0, "link",
                       "this is a symbolic link to a folder or to something that is not a "
                       "file; suture follows links only to files: copy what it points to here "
                       "instead");
        } else if (errno == EINVAL) {
            diag_file_problem(b->diags, where, EINVAL, NULL, a_file);
        } else if (!build_out_of_space(b, errno)) {
            diag_error(b->diags, where, 0, 0, NULL, "cannot copy: %s", strerror(errno));
            atomic_store(&b->write_failed, true);
        }
    }
    free(to);
}
