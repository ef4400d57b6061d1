/*
 * sitepages.c: the site's own pages of content/pages/ (content/sitepages.h) in the build:
 * their addresses, the footer's links to them, and their pages (build_private.h).
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "build/build_private.h"
#include "render/pagexml.h"

long build_find_site_page(const build *b, size_t lang, const char *name)
{
    const site_pages *pages = b->site_pages;
    for (size_t i = 0; pages && i < pages->n; i++)
        if (b->page_urls && b->page_urls[i] && (size_t)(pages->items[i].lang - b->cfg->languages) == lang &&
            strcmp(pages->items[i].name, name) == 0)
            return (long)i;
    return -1;
}

/* site.yaml's footer_pages, each published in every language (reported where it is not). */
static void S_check_footer(build *b)
{
    const config *cfg = b->cfg;
    /* A mistake of site.yaml: told in the site's default language. */
    bool ko = slug_language_in(config_default_language(cfg)->code, "ko");
    for (size_t f = 0; f < cfg->n_footer_pages; f++) {
        const config_page_ref *ref = &cfg->footer_pages[f];
        for (size_t l = 0; l < b->n_langs; l++) {
            if (build_find_site_page(b, l, ref->name) >= 0)
                continue;
            char *rel = cfg->multilingual
                            ? xasprintf("%s/%s.md", cfg->languages[l].code, ref->name)
                            : xasprintf("%s.md", ref->name);
            char *path = path_join(b->site_pages->dir, rel);
            const site_page *p = sitepages_find(b->site_pages, ref->name, cfg->languages[l].code);
            if (p && p->fm && p->fm->draft)
                diag_error(b->diags, cfg->file, ref->line, ref->column, "pages",
                           ko ? "바닥글이 '%s'에 링크하지만 %s은(는) 초안이라 게시되지 "
                                "않습니다. 그 페이지를 게시하거나 footer_pages에서 '%s'을(를) "
                                "빼 주십시오"
                              : "the footer links to '%s', but %s is a draft and will not be "
                                "published; publish it, or remove '%s' from footer_pages",
                           ref->name, path, ref->name);
            else if (!p)
                diag_error(b->diags, cfg->file, ref->line, ref->column, "pages",
                           ko ? "바닥글이 '%s'에 링크하지만 %s이(가) 없습니다. 그 페이지를 "
                                "쓰거나 footer_pages에서 '%s'을(를) 빼 주십시오"
                              : "the footer links to '%s', but there is no %s; write the "
                                "page, or remove '%s' from footer_pages",
                           ref->name, path, ref->name);
            free(path);
            free(rel);
        }
    }
}

void build_link_site_pages(build *b)
{
    if (!b->site_pages)
        return;
    const site_pages *pages = b->site_pages;
    b->page_urls = xcalloc(pages->n + 1, sizeof *b->page_urls);
    for (size_t i = 0; i < pages->n; i++) {
        const site_page *p = &pages->items[i];
        size_t l = (size_t)(p->lang - b->cfg->languages);
        char *file = xasprintf("%s.md", p->name);
        /* A link names a file: an article and a page of one name would make it mean either. */
        if (build_find_article(b, l, file))
            diag_error(b->diags, p->path, 0, 0, "pages",
                       slug_language_in(p->lang->code, "ko")
                           ? "같은 언어의 글에도 %s이(가) 있어서 '%s'(으)로 가는 링크가 둘 중 "
                             "어느 것인지 알 수 없습니다. 페이지나 글의 이름을 바꿔 주십시오"
                           : "an article of the same language is called %s too, so a link to "
                             "'%s' could mean either; rename the page or the article",
                       file, file);
        else if (p->fm && (!p->fm->draft || b->opt->drafts))
            b->page_urls[i] = permalink(b->langs[l].L->prefix, PERMALINK_PAGE, p->name, 0);
        free(file);
    }
    S_check_footer(b);
}

void build_site_page_urls(const build *b, strlist *urls)
{
    for (size_t i = 0; b->site_pages && i < b->site_pages->n; i++)
        if (b->page_urls[i])
            strlist_push(urls, b->page_urls[i]);
}

void build_add_footer_pages(const build *b, const build_lang *bl, xmlDocPtr doc)
{
    const config *cfg = b->cfg;
    if (!b->site_pages || !cfg->n_footer_pages)
        return;
    pagexml_link *links = xcalloc(cfg->n_footer_pages, sizeof *links);
    size_t n = 0;
    for (size_t f = 0; f < cfg->n_footer_pages; f++) {
        long i = build_find_site_page(b, bl->index, cfg->footer_pages[f].name);
        if (i >= 0)
            links[n++] = (pagexml_link){b->page_urls[i], b->site_pages->items[i].fm->title};
    }
    pagexml_footer_pages(xmlDocGetRootElement(doc), links, n);
    free(links);
}

/* Page i: its body rendered (its mistakes reported), and its page written when write. */
static void S_render(build *b, size_t i, bool write)
{
    const site_page *p = &b->site_pages->items[i];
    const char *url = b->page_urls[i];
    size_t l = (size_t)(p->lang - b->cfg->languages);
    build_lang *bl = &b->langs[l];
    render_ctx c = {.b = b, .file = p->path, .lang = bl, .lists_sources = true, .page = p};
    markdown_hooks hooks = build_hooks(&c);
    markdown_result *md =
        markdown_render(p->path, p->body, p->len - (size_t)(p->body - p->text), p->body_line,
                        MARKDOWN_NO_H1 | build_markdown_language(&c), &hooks, b->diags);
    build_mark_other_languages(&c, md->body);
    if (write && md->errors == 0 && c.errors == 0) {
        xmlDocPtr doc = pagexml_new(b->cfg, PAGE_SITE, p->lang->code, url, p->fm->title,
                                    p->fm->summary, bl->topic_counts);
        xmlNodePtr root = xmlDocGetRootElement(doc);
        /* Its versions: the page of the same name in each language that has one. */
        const char **hrefs = xcalloc(b->n_langs + 1, sizeof *hrefs);
        for (size_t k = 0; k < b->n_langs; k++) {
            long v = build_find_site_page(b, k, p->name);
            hrefs[k] = v >= 0 ? b->page_urls[v] : NULL;
        }
        pagexml_languages(root, b->cfg, l, hrefs);
        free(hrefs);
        pagexml_site_page(root, b->cfg, p->name, p->fm, p->lang, md->body);
        md->body = NULL; /* the page owns it now */
        build_add_sources(b, root, &c);
        build_render_page(b, bl, PAGE_SITE, doc, url);
        xmlFreeDoc(doc);
    }
    build_ctx_free(&c);
    markdown_result_free(md);
}

void build_render_site_pages(build *b, bool write)
{
    for (size_t i = 0; b->site_pages && i < b->site_pages->n; i++)
        if (b->page_urls[i])
            S_render(b, i, write);
}
