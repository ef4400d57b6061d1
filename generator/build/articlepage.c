/*
 * articlepage.c: an article's page: its fingerprint, whether the old site has it, and
 * rendering it (build_private.h).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "base/permalink.h"
#include "base/str.h"
#include "build/build_private.h"
#include "build/manifest.h"
#include "render/pagexml.h"

/* How many related articles an article page lists. */
#define RELATED_MAX 4

/*
 * The fingerprint of an article's page (manifest.h): everything the page is made from.
 * The build's inputs (templates, settings, data, glossary, media, the disclaimer, the
 * topic counts in the navigation, this binary: b->inputs); the article's file name and
 * text (a->source); its related articles as listed; and, for each article it links to, what the link
 * needs: whether it exists and is published, its URL and its heading ids.
 */
static fingerprint_digest S_article_fingerprint(const build *b, const article *a,
                                                const fingerprint_digest *source,
                                                const article *const *related,
                                                size_t n_related, const char *links,
                                                size_t n_links)
{
    fingerprint *f = fingerprint_new();
    fingerprint_str(f, "article page");
    fingerprint_str(f, b->inputs);
    fingerprint_str(f, a->file_name);
    fingerprint_bytes(f, source->bytes, sizeof source->bytes);
    fingerprint_u64(f, n_related);
    for (size_t i = 0; i < n_related; i++) {
        const article *r = related[i];
        char date[16], reviewed[16];
        date_format(&r->fm->date, date, sizeof date);
        date_format(&r->fm->reviewed, reviewed, sizeof reviewed);
        fingerprint_str(f, r->url);
        fingerprint_str(f, r->fm->title);
        fingerprint_str(f, r->fm->summary);
        fingerprint_str(f, date);
        fingerprint_str(f, reviewed);
    }
    fingerprint_u64(f, n_links);
    const char *name = links;
    for (size_t i = 0; i < n_links; i++, name += strlen(name) + 1) {
        const article *t = build_find_article(b, name);
        fingerprint_str(f, name);
        fingerprint_u64(f, !t ? 0 : !t->fm ? 1 : !t->published ? 2 : 3);
        if (t && t->fm && t->published) {
            fingerprint_str(f, t->url);
            fingerprint_u64(f, t->n_heading_ids);
            const char *p = t->heading_ids;
            for (size_t k = 0; k < t->n_heading_ids; k++, p += strlen(p) + 1)
                fingerprint_str(f, p);
        }
    }
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_free(f);
    return d;
}

/*
 * Render an article's page. With check_only (an article whose front matter has errors, or
 * a draft that is not built) the body is still rendered, so its mistakes are reported in
 * the same build, but no page is made.
 */
static void S_render_article(build *b, const article *a, bool check_only)
{
    char *rel = check_only ? NULL : build_page_file(b, a->url);
    if (rel && build_reuse(b, rel)) {
        /* The same inputs as the page in the old site (build_check_unchanged): taken. */
        free(rel);
        return;
    }
    /* Found once: the fingerprint and the page both list them. */
    const article *related[RELATED_MAX];
    size_t n_related = check_only ? 0 : related_find(b->related, a, related, RELATED_MAX);
    size_t len;
    char *text = build_read_article(b, a, &len);
    if (!text) {
        free(rel);
        return;
    }
    const char *body = build_article_body(a, text, len);
    render_ctx c = {.b = b, .file = a->path, .self = a};
    markdown_hooks hooks = build_hooks(&c);
    markdown_result *md = markdown_render(a->path, body, len - (size_t)(body - text),
                                          a->body_line, MARKDOWN_NO_H1, &hooks, b->diags);
    if (rel) {
        /* Recorded now; site.c forgets it if the page had anything to say. */
        char *links = manifest_pack(&c.links);
        fingerprint_digest fp = S_article_fingerprint(b, a, incremental_source(b->inc, rel),
                                                      related, n_related, links, c.links.len);
        incremental_made(b->inc, rel, &fp, &c.links);
        free(links);
    }
    strlist_free(&c.links);
    free(rel);
    free(text);
    /* The article's language links its own terms, to its own glossary page. */
    const char *prefix = config_language_for(b->cfg, a->lang)->prefix;
    char *glossary_href = permalink(prefix, PERMALINK_GLOSSARY, NULL, 0);
    glossary_link_terms(glossary_for_language(b->glossary, a->lang), md->body, glossary_href);
    free(glossary_href);
    /* glossary_link_terms reports nothing: the errors are the text's and its links'. */
    if (check_only || md->errors > 0 || c.errors > 0) {
        markdown_result_free(md);
        return;
    }
    searchindex_add_body(b->search, b->search_at[a - b->articles], md->body, md->headings,
                         md->n_headings);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_ARTICLE, a->lang, a->url, a->fm->title,
                                a->fm->summary, b->topic_counts);
    pagexml_article(xmlDocGetRootElement(doc), b->cfg, a, md->body, md->headings,
                    md->n_headings, related, n_related, b->procedures);
    md->body = NULL; /* the page owns it now */
    build_render_page(b, PAGE_ARTICLE, doc, a->url);
    xmlFreeDoc(doc);
    markdown_result_free(md);
}

/*
 * Whether the article's page has the fingerprint the old site's manifest recorded for it,
 * so that the page there is what this build would make (incremental_check remembers it).
 * The links it covers are those the old page had: the same text has the same links.
 */
void build_check_unchanged(build *b, article *a)
{
    if (!build_has_page(a))
        return;
    char *rel = build_page_file(b, a->url);
    const char *links;
    size_t n_links;
    if (incremental_old_links(b->inc, rel, &links, &n_links)) {
        const article *related[RELATED_MAX];
        size_t n_related = related_find(b->related, a, related, RELATED_MAX);
        fingerprint_digest fp = S_article_fingerprint(b, a, incremental_source(b->inc, rel),
                                                      related, n_related, links, n_links);
        incremental_check(b->inc, rel, &fp);
    }
    free(rel);
}

void build_article_page(build *b, article *a)
{
    if (a->body_line)
        S_render_article(b, a, !(a->fm && a->published));
}
