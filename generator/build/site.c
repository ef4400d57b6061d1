/*
 * site.c: the build, from content files to a published folder (see site.h). site_build is
 * the flow; the files of build/ do its parts (build_private.h).
 */
#define _GNU_SOURCE
#include "build/site.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "build/build_private.h"
#include "build/manifest.h"
#include "render/disclaimer.h"

/*
 * True when the published site is exactly what this build would make, so that there is
 * nothing to write and nothing to swap: no diagnostics; every article page unchanged (its
 * fingerprint covers its text and front matter, the build's inputs and what it shows of
 * other articles); every list page recorded; and the old manifest recorded no other page
 * (none was removed). The list pages, the feed and the sitemap are made from the inputs and
 * the articles' front matter and addresses alone, so they are unchanged too.
 */
static bool S_nothing_changed(const build *b)
{
    return diag_count(b->diags) == 0 && path_is_dir(b->opt->out_dir) &&
           incremental_nothing_changed(b->inc);
}

static void S_free_lang(build *b, build_lang *bl)
{
    related_index_free(bl->related);
    free(bl->listed);
    free(bl->topic_counts);
    searchindex_free(bl->search);
    free(bl->search_url);
    if (bl->procedure_hrefs && b->procedures)
        for (size_t i = 0; i < b->procedures->n_procedures; i++)
            free(bl->procedure_hrefs[i]);
    free(bl->procedure_hrefs);
    if (bl->disclaimer)
        xmlFreeNode(bl->disclaimer);
    for (size_t i = 0; bl->term_definitions && i < glossary_count(b->glossary); i++)
        if (bl->term_definitions[i])
            xmlFreeNode(bl->term_definitions[i]);
    free(bl->term_definitions);
}

static void S_free_build(build *b)
{
    incremental_free(b->inc);
    for (size_t i = 0; i < b->n_articles; i++) {
        article *a = &b->articles[i];
        free(a->path);
        free(a->slug);
        free(a->url);
        frontmatter_free(a->fm);
        free(a->heading_ids);
    }
    free(b->articles);
    free(b->versions);
    for (size_t l = 0; l < b->n_langs; l++)
        S_free_lang(b, &b->langs[l]);
    free(b->langs);
    free(b->search_at);
    if (b->not_found_disclaimer)
        xmlFreeNode(b->not_found_disclaimer);
    page_templates_free(b->templates);
    strlist_free(&b->asset_files);
    glossary_free(b->glossary);
    sources_free(b->sources);
    /* page_urls is made once the articles are loaded: a build may stop before. */
    for (size_t i = 0; b->page_urls && i < b->site_pages->n; i++)
        free(b->page_urls[i]);
    free(b->page_urls);
    sitepages_free(b->site_pages);
    for (size_t i = 0; i < b->n_diagrams; i++) {
        free(b->diagrams[i].path);
        xmlFreeDoc(b->diagrams[i].doc);
    }
    free(b->diagrams);
    pthread_mutex_destroy(&b->diagram_lock);
    procedures_free(b->procedures);
    config_free(b->cfg);
    free(b->articles_dir);
    free(b->media_dir);
}

/*
 * Keep in the new manifest only pages that are made again exactly as they were: an
 * article that had anything to say in this build (a warning, a note) is made again next
 * time so that it says it again, and a note from a template drops every page.
 */
static void S_keep_clean_pages(build *b)
{
    size_t tlen = strlen(b->opt->templates_dir);
    for (size_t i = 0; i < diag_count(b->diags); i++) {
        const diag *d = diag_get(b->diags, i);
        if (!d->file)
            continue;
        if (strncmp(d->file, b->opt->templates_dir, tlen) == 0) {
            incremental_forget_pages(b->inc, true);
            return;
        }
        const article *a = build_article_at(b, d->file);
        if (a) {
            char *rel = build_page_file(b, a->url);
            incremental_forget(b->inc, rel);
            free(rel);
        } else {
            /* From the settings, data or glossary: any list page may have said it. */
            incremental_forget_pages(b->inc, false);
        }
    }
}

/* Write this build's manifest into the staging folder, pages in order of their paths. */
static void S_write_manifest(build *b)
{
    char *path = publish_prepare(b->stage, MANIFEST_PATH);
    FILE *out = path ? fopen(path, "w") : NULL;
    if (!path)
        path = path_join(publish_path(b->stage), MANIFEST_PATH);
    if (out)
        incremental_write(b->inc, out);
    if (!out || ferror(out) | (fclose(out) != 0)) {
        if (!build_out_of_space(b, errno))
            diag_error(b->diags, path, 0, 0, NULL, "cannot write: %s", strerror(errno));
        atomic_store(&b->write_failed, true);
    } else {
        atomic_fetch_add(&b->files, 1);
    }
    free(path);
}

/* The content and templates folders are there; false after reporting the one that is not. */
static bool S_folders_exist(const site_options *opt, diag_list *diags)
{
    if (!path_is_dir(opt->content_dir)) {
        diag_error(diags, opt->content_dir, 0, 0, NULL,
                   "the content folder does not exist; run suture where content/ is, or pass "
                   "--content DIR");
        return false;
    }
    if (!path_is_dir(opt->templates_dir)) {
        diag_error(diags, opt->templates_dir, 0, 0, NULL,
                   "the templates folder does not exist; pass --templates DIR");
        return false;
    }
    return true;
}

/* Read site.yaml, the procedure data, the glossary and the sources; false when one of them
 * could not be read (reported). */
static bool S_load_data(build *b)
{
    const site_options *opt = b->opt;
    pthread_mutex_init(&b->diagram_lock, NULL);
    b->articles_dir = path_join(opt->content_dir, "articles");
    b->media_dir = path_join(opt->content_dir, "media");
    char *site_yaml = path_join(opt->content_dir, "site.yaml");
    char *data_yaml = path_join(opt->content_dir, "data/procedures.yaml");
    char *glossary_yaml = path_join(opt->content_dir, "glossary.yaml");
    char *sources_yaml = path_join(opt->content_dir, "sources.yaml");
    b->cfg = config_load(site_yaml, b->diags);
    if (b->cfg && opt->release)
        b->release_errors = config_check_release(b->cfg, b->diags);
    /* Without usable settings the data is still read, for its own mistakes. */
    ltext_langs langs = b->cfg ? config_ltext_langs(b->cfg) : (ltext_langs){0};
    b->procedures = procedures_load(data_yaml, b->cfg ? &langs : NULL, b->diags);
    b->glossary = glossary_load(glossary_yaml, b->cfg ? &langs : NULL, b->diags);
    /* sources.yaml serves every language: told in the site's default one. */
    b->sources = sources_load_in(
        sources_yaml, b->cfg && slug_language_in(config_default_language(b->cfg)->code, "ko"),
        b->diags);
    if (b->cfg) {
        char *pages_dir = path_join(opt->content_dir, "pages");
        b->site_pages = sitepages_load(pages_dir, b->cfg, b->diags);
        free(pages_dir);
    }
    free(site_yaml);
    free(data_yaml);
    free(glossary_yaml);
    free(sources_yaml);
    return b->cfg && b->procedures && b->glossary && b->sources;
}

/* S_load_data, and the templates; false when one of them could not be read (reported). */
static bool S_load_settings(build *b)
{
    bool data = S_load_data(b);
    b->templates = page_templates_load(b->opt->templates_dir, b->diags);
    if (data && b->templates)
        build_fingerprint_assets(b);
    return data && b->templates;
}

/*
 * Each language's disclaimer aside, from its own Markdown; and /404.html's, which holds
 * every language's, each in a <div lang>. A disclaimer may link to articles like any text;
 * its links are checked the same way, in its language.
 */
static void S_render_disclaimers(build *b)
{
    const config *cfg = b->cfg;
    xmlNodePtr all = xmlNewNode(NULL, BAD_CAST "div");
    for (size_t l = 0; l < b->n_langs; l++) {
        build_lang *bl = &b->langs[l];
        const config_language *lang = bl->L;
        render_ctx c = {.b = b, .file = cfg->file, .lang = bl};
        markdown_hooks hooks = build_hooks(&c);
        markdown_result *md =
            markdown_render(cfg->file, lang->disclaimer, strlen(lang->disclaimer),
                            lang->disclaimer_line + 1,
                            MARKDOWN_NO_H1 | build_markdown_language(&c), &hooks, b->diags);
        build_mark_other_languages(&c, md->body);
        build_ctx_free(&c);
        /* On every page, beside the page's own ids (and on /404.html beside the other
         * languages' disclaimers): its ids get a prefix of their own. */
        char *prefix = xasprintf("disclaimer-%s-", lang->code);
        markdown_prefix_ids(md->body, prefix);
        free(prefix);
        /* The disclaimer is in its language, whatever the page's: say so to screen readers
         * on a page in another language. */
        bl->disclaimer = disclaimer_new(md->body, lang->code);
        xmlNodePtr part = xmlNewChild(all, NULL, BAD_CAST "div", NULL);
        xmlNewProp(part, BAD_CAST "lang", BAD_CAST lang->code);
        for (xmlNodePtr n = md->body ? md->body->children : NULL; n; n = n->next)
            xmlAddChild(part, xmlCopyNode(n, 1));
        markdown_result_free(md);
    }
    /* One language: the 404 page's aside is the language's own, as on every page. */
    if (b->n_langs == 1)
        b->not_found_disclaimer = xmlCopyNode(b->langs[0].disclaimer, 1);
    else
        b->not_found_disclaimer = disclaimer_new(all, NULL);
    xmlFreeNode(all);
}

/* The progress display's total: every page this build makes. */
static void S_count_pages(build *b)
{
    if (!b->opt->progress)
        return;
    size_t pages = b->n_list_pages;
    for (size_t i = 0; i < b->n_articles; i++)
        pages += build_has_page(&b->articles[i]);
    atomic_store(&b->opt->progress->total, pages);
}

/* How many articles are published, in every language. */
static size_t S_listed(const build *b)
{
    size_t n = 0;
    for (size_t l = 0; l < b->n_langs; l++)
        n += b->langs[l].n_listed;
    return n;
}

/* The published site is this build's (S_nothing_changed): it stays; what killed builds
 * left beside it goes. */
static int S_keep_published(build *b, site_stats *stats)
{
    char *out = xstrdup(b->opt->out_dir);
    for (size_t n = strlen(out); n > 1 && out[n - 1] == '/'; n--)
        out[n - 1] = '\0';
    publish_remove_abandoned(out);
    free(out);
    if (stats) {
        stats->articles = S_listed(b);
        stats->pages = stats->reused = stats->articles + b->n_list_pages;
        stats->files = 0;
    }
    S_free_build(b);
    return SITE_OK;
}

/* Make every page and file of the site in the staging folder, and the manifest. */
static void S_make_site(build *b)
{
    const site_options *opt = b->opt;
    build_render_term_popovers(b);
    build_each_article(b, build_article_page);
    for (size_t l = 0; l < b->n_langs; l++)
        build_render_home(b, &b->langs[l]);
    build_render_topics(b);
    for (size_t l = 0; l < b->n_langs; l++) {
        build_render_compare(b, &b->langs[l]);
        build_render_glossary(b, &b->langs[l]);
        build_render_search(b, &b->langs[l]);
    }
    build_render_site_pages(b, true);
    build_render_not_found(b);
    /* A template's mistake met by many pages, said once. */
    page_templates_report(b->templates, b->diags);
    if (opt->page_xml)
        return;
    build_write_feeds(b);
    build_write_search_index(b);
    char *assets = path_join(opt->templates_dir, "assets");
    build_copy_dir(b, assets, "assets", opt->templates_dir,
                   "the templates' assets (style sheets, scripts)", "the asset");
    build_rename_assets(b);
    build_compress_tree(b, "assets");
    build_write_headers(b);
    free(assets);
    build_check_media(b);
    build_copy_dir(b, b->media_dir, "media", opt->content_dir, "the images", "the image");
    build_compress_tree(b, "media");
    if (diag_error_count(b->diags) == 0) {
        S_keep_clean_pages(b);
        S_write_manifest(b);
    }
}

/* Swap the staging folder in when the build had no error, else remove it; the status. */
static int S_publish(build *b, site_stats *stats)
{
    int status = SITE_OK;
    if (atomic_load(&b->write_failed))
        status = SITE_ENVIRONMENT_ERROR;
    else if (diag_error_count(b->diags) > 0)
        status = SITE_INPUT_ERRORS;
    if (status != SITE_OK)
        publish_abort(b->stage);
    else if (publish_commit(b->stage, b->diags) < 0)
        status = SITE_ENVIRONMENT_ERROR;
    if (stats) {
        stats->articles = S_listed(b);
        stats->pages = atomic_load(&b->pages);
        stats->files = atomic_load(&b->files);
        stats->reused = atomic_load(&b->reused);
    }
    return status;
}

/* site_validate's checks of the articles, once b's data is loaded (b->ids_from_rendering
 * set before the articles are loaded); frees b. */
static int S_validate_articles(build *b)
{
    if (build_load_articles(b)) {
        b->fragment_links = xcalloc(b->n_articles + 1, sizeof *b->fragment_links);
        build_link_procedures(b);
        build_check_data_citations(b);
        build_link_site_pages(b);
        S_render_disclaimers(b);
        build_each_article(b, build_validate_article);
        build_render_site_pages(b, false);
        build_check_fragment_links(b);
        build_check_media(b);
    }
    diag_list *diags = b->diags;
    S_free_build(b);
    return diag_error_count(diags) ? SITE_INPUT_ERRORS : SITE_OK;
}

int site_validate(const site_options *opt, diag_list *diags)
{
    build b = {.opt = opt, .diags = diags};
    if (!path_is_dir(opt->content_dir)) {
        diag_error(diags, opt->content_dir, 0, 0, NULL,
                   "the content folder does not exist; run suture where content/ is, or pass "
                   "--content DIR");
        return SITE_ENVIRONMENT_ERROR;
    }
    /* The same steps as site_build, in the same order, stopping where it stops; but as
     * nothing is published, an article is parsed once, to render it, and the ids of its
     * headings come from that rendering. */
    b.ids_from_rendering = true;
    if (!S_load_data(&b)) {
        S_free_build(&b);
        return SITE_INPUT_ERRORS;
    }
    return S_validate_articles(&b);
}

int site_build(const site_options *opt, diag_list *diags, site_stats *stats)
{
    build b = {.opt = opt, .diags = diags};
    if (!S_folders_exist(opt, diags))
        return SITE_ENVIRONMENT_ERROR;
    /* Without settings, data or templates no page can be made: stop at what was found. */
    if (!S_load_settings(&b)) {
        S_free_build(&b);
        return SITE_INPUT_ERRORS;
    }
    /* A release with example values publishes nothing: what else the build would refuse
     * is still said, as site_validate says it, without writing a page. */
    if (b.release_errors) {
        b.ids_from_rendering = true;
        S_validate_articles(&b);
        return SITE_INPUT_ERRORS;
    }
    /* What the site being replaced holds, for the pages whose inputs have not changed. */
    build_fingerprint_program(&b);
    b.inc = incremental_open(opt->out_dir, &b.program, opt->precompress);
    /* Without the articles folder, every link to an article would be reported missing: one
     * cause, one message, so stop at what was found. */
    if (!build_load_articles(&b)) {
        S_free_build(&b);
        return SITE_INPUT_ERRORS;
    }
    for (size_t i = 0; opt->article_pages && i < b.n_articles; i++)
        if (build_has_page(&b.articles[i])) {
            strlist_push(opt->article_pages, b.articles[i].path);
            strlist_push(opt->article_pages, b.articles[i].url);
        }
    build_link_procedures(&b);
    build_check_data_citations(&b);
    build_link_site_pages(&b);
    build_plan_search(&b);
    S_render_disclaimers(&b);
    build_plan_list_pages(&b);
    incremental_plan(b.inc);
    S_count_pages(&b);

    /* Which pages the old site has as this build would make them; maybe all of them. */
    build_fingerprint_inputs(&b);
    build_each_article(&b, build_check_unchanged);
    if (!opt->page_xml && S_nothing_changed(&b))
        return S_keep_published(&b, stats);

    const char *const protected_dirs[] = {opt->content_dir, opt->templates_dir, NULL};
    b.stage = publish_begin(opt->out_dir, protected_dirs, diags);
    if (!b.stage) {
        S_free_build(&b);
        return SITE_ENVIRONMENT_ERROR;
    }
    S_make_site(&b);
    int status;
    if (opt->page_xml) {
        /* Only the pages' XML was wanted: nothing is published. */
        publish_abort(b.stage);
        status = diag_error_count(diags) ? SITE_INPUT_ERRORS : SITE_OK;
    } else {
        status = S_publish(&b, stats);
    }
    S_free_build(&b);
    return status;
}
