/*
 * fingerprints.c: the fingerprints of what every page depends on, for incremental builds
 * (build_private.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "base/permalink.h"
#include "build/build_private.h"
#include "build/publish.h"
#include "render/assetnames.h"
#include "render/page.h"

/* Add the files under dir (sorted, recursively): each one's path below root and its content
 * (with_content) or its size and modification time (media, which may be large). */
static void S_fingerprint_tree(fingerprint *f, const char *dir, const char *rel,
                               bool with_content)
{
    strlist names = STRLIST_INIT;
    if (dir_list(dir, NULL, &names) < 0) {
        fingerprint_str(f, "-");
        return;
    }
    for (size_t i = 0; i < names.len; i++) {
        char *path = path_join(dir, names.items[i]);
        char *sub = *rel ? path_join(rel, names.items[i]) : xstrdup(names.items[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            S_fingerprint_tree(f, path, sub, with_content);
        } else {
            fingerprint_str(f, sub);
            size_t len = 0;
            char *data = with_content ? file_read(path, &len) : NULL;
            if (data)
                fingerprint_bytes(f, data, len);
            else {
                fingerprint_u64(f, (uint64_t)st.st_size);
                fingerprint_u64(f, (uint64_t)st.st_mtim.tv_sec);
                fingerprint_u64(f, (uint64_t)st.st_mtim.tv_nsec);
            }
            free(data);
        }
        free(sub);
        free(path);
    }
    strlist_free(&names);
}

static void S_fingerprint_file(fingerprint *f, const char *path)
{
    size_t len = 0;
    char *data = file_read(path, &len);
    fingerprint_str(f, path);
    if (data)
        fingerprint_bytes(f, data, len);
    else
        fingerprint_str(f, "-");
    free(data);
}

/* b->program: this binary, by its bytes (a manifest from another suture is not read). */
void build_fingerprint_program(build *b)
{
    fingerprint *f = fingerprint_new();
    S_fingerprint_file(f, "/proc/self/exe");
    b->program = fingerprint_digest_of(f);
    fingerprint_free(f);
}

/*
 * b->inputs: the fingerprint of what every page depends on. This program itself (a new
 * suture may render differently), --drafts, the templates, site.yaml, the procedure data,
 * the glossary, the sources, the media files (by size and time), the site pages, and per
 * language: the rendered
 * disclaimer, the topic counts in the navigation and the procedures' article links.
 */
void build_fingerprint_inputs(build *b)
{
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, "suture inputs 1");
    fingerprint_bytes(f, b->program.bytes, sizeof b->program.bytes);
    fingerprint_u64(f, b->opt->drafts);
    S_fingerprint_tree(f, b->opt->templates_dir, "", true);
    const char *const files[] = {"site.yaml", "data/procedures.yaml", "glossary.yaml",
                                 "sources.yaml", NULL};
    for (size_t i = 0; files[i]; i++) {
        char *path = path_join(b->opt->content_dir, files[i]);
        S_fingerprint_file(f, path);
        free(path);
    }
    S_fingerprint_tree(f, b->media_dir, "", false);
    /* The site pages: every page's footer links to some of them, by their titles. */
    if (b->site_pages)
        S_fingerprint_tree(f, b->site_pages->dir, "", true);
    for (size_t l = 0; l < b->n_langs; l++) {
        const build_lang *bl = &b->langs[l];
        xmlBufferPtr buf = xmlBufferCreate();
        xmlNodeDump(buf, NULL, bl->disclaimer, 0, 0);
        fingerprint_bytes(f, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
        xmlBufferFree(buf);
        for (size_t t = 0; t < b->cfg->n_topics; t++)
            fingerprint_u64(f, bl->topic_counts[t]);
        for (size_t i = 0; i < b->procedures->n_procedures; i++)
            fingerprint_str(f, bl->procedure_hrefs[i]);
    }
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_hex(&d, b->inputs);
    fingerprint_free(f);
}

void build_fingerprint_assets(build *b)
{
    char *dir = path_join(b->opt->templates_dir, "assets");
    strlist names = STRLIST_INIT, urls = STRLIST_INIT;
    char *base = permalink(b->cfg->base_path, PERMALINK_ASSETS, NULL, 0);
    if (dir_list(dir, NULL, &names) == 0) {
        for (size_t i = 0; i < names.len; i++) {
            const char *name = names.items[i];
            char *path = path_join(dir, name);
            size_t len;
            char *data = assetnames_fingerprinted(name) && path_is_file(path)
                             ? file_read(path, &len)
                             : NULL;
            if (data) {
                char *renamed = assetnames_name(name, data, len);
                strlist_push_owned(&b->asset_files, xasprintf("assets/%s", name));
                strlist_push_owned(&b->asset_files, xasprintf("assets/%s", renamed));
                strlist_push_owned(&urls, xasprintf("%s%s", base, name));
                strlist_push_owned(&urls, xasprintf("%s%s", base, renamed));
                free(renamed);
            }
            free(data);
            free(path);
        }
    }
    page_templates_set_asset_urls(b->templates, &urls);
    strlist_free(&urls);
    strlist_free(&names);
    free(base);
    free(dir);
}

void build_rename_assets(build *b)
{
    for (size_t i = 0; i + 1 < b->asset_files.len; i += 2) {
        char *from = path_join(publish_path(b->stage), b->asset_files.items[i]);
        char *to = path_join(publish_path(b->stage), b->asset_files.items[i + 1]);
        if (rename(from, to) != 0 && errno != ENOENT) {
            diag_error(b->diags, to, 0, 0, NULL, "cannot write: %s", strerror(errno));
            atomic_store(&b->write_failed, true);
        }
        free(from);
        free(to);
    }
}
