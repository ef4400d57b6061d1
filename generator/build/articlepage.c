/*
 * articlepage.c: an article's page: its fingerprint, whether the old site has it, and
 * rendering it (build_private.h).
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/permalink.h"
#include "base/str.h"
#include "build/build_private.h"
#include "build/manifest.h"
#include "render/pagexml.h"

/* How many related articles an article page lists. */
#define RELATED_MAX 4

/*
 * What an article's page shows of its versions in other languages: which exist and their
 * URLs (<languages>, JSON-LD), and for a translation its source's reviewed date (<stale>).
 */
static void S_fingerprint_versions(fingerprint *f, const build *b, const article *a)
{
    if (!b->cfg->multilingual)
        return;
    for (size_t l = 0; l < b->n_langs; l++) {
        const article *v = build_has_version(b, a, l) ? build_version(b, a, l) : NULL;
        fingerprint_str(f, v ? v->url : "-");
        fingerprint_str(f, v && v->fm->translation_of ? v->fm->translation_of : "-");
    }
    const article *src = build_source_of(b, a);
    char reviewed[16] = "-";
    if (src && src->fm)
        date_format(&src->fm->reviewed, reviewed, sizeof reviewed);
    fingerprint_str(f, reviewed);
}

/*
 * The fingerprint of an article's page (manifest.h): everything the page is made from.
 * The build's inputs (templates, settings, data, glossary, media, the disclaimer, the
 * topic counts in the navigation, this binary: b->inputs); the article's file name and
 * text (a->source); its related articles as listed; and, for each article it links to, what the link
 * needs: whether it exists and is published, its language, URL and heading ids; its
 * versions in other languages (S_fingerprint_versions).
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
        const article *t = build_resolve_article(b, a->language, name);
        fingerprint_str(f, name);
        fingerprint_u64(f, !t ? 0 : !t->fm ? 1 : !t->published ? 2 : 3);
        if (t && t->fm && t->published) {
            fingerprint_str(f, t->lang);
            fingerprint_str(f, t->url);
            fingerprint_u64(f, t->n_heading_ids);
            const char *p = t->heading_ids;
            for (size_t k = 0; k < t->n_heading_ids; k++, p += strlen(p) + 1)
                fingerprint_str(f, p);
        }
    }
    S_fingerprint_versions(f, b, a);
    fingerprint_digest d = fingerprint_digest_of(f);
    fingerprint_free(f);
    return d;
}

/* The page XML of a's article: <languages>, <article> with what it shows of its versions;
 * returns the <article>. */
static xmlNodePtr S_article_xml(build *b, const article *a, xmlDocPtr doc, markdown_result *md,
                          const article *const *related, size_t n_related,
                          const sources_cited *cited)
{
    xmlNodePtr page = xmlDocGetRootElement(doc);
    if (!b->cfg->multilingual)
        return pagexml_article(page, b->cfg, a, md->body, md->headings, md->n_headings,
                               related, n_related, b->procedures, NULL, cited);
    const char **hrefs = xcalloc(b->n_langs + 1, sizeof *hrefs);
    const article **translations = xcalloc(b->n_langs + 1, sizeof *translations);
    pagexml_versions v = {.source = build_source_of(b, a), .translations = translations};
    for (size_t l = 0; l < b->n_langs; l++) {
        if (!build_has_version(b, a, l))
            continue;
        const article *t = build_version(b, a, l);
        hrefs[l] = t->url;
        if (t != a && t->fm->translation_of && strcmp(t->fm->translation_of, a->lang) == 0)
            translations[v.n_translations++] = t;
    }
    if (v.source && !build_has_page(v.source))
        v.source = NULL;
    v.stale = v.source && build_is_stale(b, a);
    pagexml_languages(page, b->cfg, a->language, hrefs);
    xmlNodePtr el = pagexml_article(page, b->cfg, a, md->body, md->headings,
                                         md->n_headings, related, n_related, b->procedures,
                                         &v, cited);
    free(translations);
    free(hrefs);
    return el;
}

/*
 * <glossary-terms> into parent (the <article>): for each of the n terms linked (glossary indices, in the
 * order first used) <term id popover href><name/><definition/></term>, the definition
 * bl's (build_render_term_popovers), for the popovers the body's buttons open.
 */
static void S_glossary_terms(const build *b, const build_lang *bl, xmlNodePtr parent,
                             const size_t *linked, size_t n, const char *glossary_href)
{
    if (n == 0)
        return;
    xmlNodePtr list = xmlNewChild(parent, NULL, BAD_CAST "glossary-terms", NULL);
    for (size_t i = 0; i < n; i++) {
        const glossary_term *t = glossary_get(b->glossary, linked[i]);
        const xmlNode *definition = bl->term_definitions[linked[i]];
        xmlNodePtr term = xmlNewChild(list, NULL, BAD_CAST "term", NULL);
        xmlNewProp(term, BAD_CAST "id", BAD_CAST t->id);
        char *attr = xasprintf("def-%s", t->id);
        xmlNewProp(term, BAD_CAST "popover", BAD_CAST attr);
        free(attr);
        attr = xasprintf("%s#term-%s", glossary_href, t->id);
        xmlNewProp(term, BAD_CAST "href", BAD_CAST attr);
        free(attr);
        pagexml_text(term, "name", glossary_text(b->glossary, &t->term, bl->L->code));
        if (definition)
            xmlAddChild(term, xmlDocCopyNode((xmlNodePtr)definition, parent->doc, 1));
    }
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
    build_lang *bl = build_lang_of(b, a);
    size_t n_related = check_only ? 0 : related_find(bl->related, a, related, RELATED_MAX);
    size_t len;
    char *text = build_read_article(b, a, &len);
    if (!text) {
        free(rel);
        return;
    }
    const char *body = build_article_body(a, text, len);
    render_ctx c = {.b = b, .file = a->path, .self = a, .lang = bl, .check_only = check_only};
    markdown_hooks hooks = build_hooks(&c);
    /* Only checked: the tree is thrown away, so it need not hold the text. */
    int options = MARKDOWN_NO_H1 | (check_only ? MARKDOWN_NO_TEXT : 0) |
                  build_markdown_language(&c);
    markdown_result *md = markdown_render(a->path, body, len - (size_t)(body - text),
                                          a->body_line, options, &hooks, b->diags);
    build_mark_other_languages(&c, md->body);
    if (b->ids_from_rendering) {
        /* Validating: its headings' ids, for the links to them checked once every article
         * has rendered (build_check_fragment_links). Only this thread writes them. */
        strlist ids = STRLIST_INIT;
        for (size_t i = 0; i < md->n_headings; i++)
            strlist_push(&ids, md->headings[i].id);
        article *own = &b->articles[a - b->articles];
        free(own->heading_ids);
        own->heading_ids = manifest_pack(&ids);
        own->n_heading_ids = (uint32_t)ids.len;
        strlist_free(&ids);
    }
    if (rel) {
        /* Recorded now; site.c forgets it if the page had anything to say. */
        char *links = manifest_pack(&c.links);
        fingerprint_digest fp = S_article_fingerprint(b, a, incremental_source(b->inc, rel),
                                                      related, n_related, links, c.links.len);
        incremental_made(b->inc, rel, &fp, &c.links);
        free(links);
    }
    /* The sources it cites, in its order, for the list at its end. */
    const source_entry **cited_items = xcalloc(c.cited.len + 1, sizeof *cited_items);
    for (size_t i = 0; i < c.cited.len; i++)
        cited_items[i] = sources_find(b->sources, c.cited.items[i]);
    sources_cited cited = {cited_items, c.cited.len};
    build_ctx_free(&c);
    free(rel);
    free(text);
    if (check_only || md->errors > 0 || c.errors > 0) {
        free(cited_items);
        markdown_result_free(md);
        return;
    }
    /* Indexed before its terms are linked: each term's button repeats its word. */
    searchindex_add_body(bl->search, b->search_at[a - b->articles], md->body, md->headings,
                         md->n_headings);
    /* The article's language links its own terms, to its own glossary page (reporting
     * nothing: the errors are the text's and its links', found above). */
    char *glossary_href = permalink(bl->L->prefix, PERMALINK_GLOSSARY, NULL, 0);
    size_t *linked = xcalloc(glossary_count(b->glossary) + 1, sizeof *linked);
    size_t n_linked = glossary_link_terms_popover(glossary_for_language(b->glossary, a->lang),
                                                  md->body, glossary_href, linked);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_ARTICLE, a->lang, a->url, a->fm->title,
                                a->fm->summary, bl->topic_counts);
    xmlNodePtr el = S_article_xml(b, a, doc, md, related, n_related, &cited);
    S_glossary_terms(b, bl, el, linked, n_linked, glossary_href);
    free(linked);
    free(glossary_href);
    free(cited_items);
    md->body = NULL; /* the page owns it now */
    build_render_page(b, bl, PAGE_ARTICLE, doc, a->url);
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
        size_t n_related = related_find(build_lang_of(b, a)->related, a, related, RELATED_MAX);
        fingerprint_digest fp = S_article_fingerprint(b, a, incremental_source(b->inc, rel),
                                                      related, n_related, links, n_links);
        incremental_check(b->inc, rel, &fp);
    }
    free(rel);
}

void build_validate_article(build *b, article *a)
{
    if (a->body_line)
        S_render_article(b, a, true);
}

void build_article_page(build *b, article *a)
{
    if (a->body_line)
        S_render_article(b, a, !(a->fm && a->published));
}
