/*
 * listpages.c: the pages that are not an article's: home, topic lists, compare, glossary, 404
 * (build_private.h).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/permalink.h"
#include "base/str.h"
#include "build/build_private.h"
#include "markdown/compare.h"
#include "render/pagexml.h"
#include "render/searchindex.h"

/* How many articles a topic's list shows on one page (build_render_topics). */
#define TOPIC_PAGE_SIZE 50
/* How many of the newest articles the home page lists. */
#define HOME_NEWEST_MAX 10

void build_list_languages(const build *b, xmlDocPtr doc, const build_lang *bl,
                          permalink_kind kind, const char *id, size_t page)
{
    if (!b->cfg->multilingual)
        return;
    char **hrefs = xcalloc(b->n_langs + 1, sizeof *hrefs);
    for (size_t l = 0; l < b->n_langs; l++)
        hrefs[l] = permalink(b->langs[l].L->prefix, kind, id, page);
    pagexml_languages(xmlDocGetRootElement(doc), b->cfg, bl->index, (const char *const *)hrefs);
    for (size_t l = 0; l < b->n_langs; l++)
        free(hrefs[l]);
    free(hrefs);
}

void build_render_home(build *b, build_lang *bl)
{
    const config_language *lang = bl->L;
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_HOME, lang->code, lang->prefix, lang->title,
                                lang->description, bl->topic_counts);
    build_list_languages(b, doc, bl, PERMALINK_HOME, NULL, 0);
    xmlNodePtr list = xmlNewChild(xmlDocGetRootElement(doc), NULL, BAD_CAST "articles", NULL);
    for (size_t i = 0; i < bl->n_listed && i < HOME_NEWEST_MAX; i++)
        pagexml_article_ref(list, b->cfg, bl->listed[i]);
    build_render_page(b, bl, PAGE_HOME, doc, lang->prefix);
    xmlFreeDoc(doc);
}

char *build_topic_page_url(const build_lang *bl, const char *id, size_t n)
{
    return permalink(bl->L->prefix, PERMALINK_TOPIC, id, n);
}

size_t build_topic_pages(size_t n)
{
    return n == 0 ? 1 : (n + TOPIC_PAGE_SIZE - 1) / TOPIC_PAGE_SIZE;
}

/* <pagination current count first prev next last> of page p of pages of a topic's list. */
static void S_pagination(xmlNodePtr page, const build_lang *bl, const char *id, size_t p,
                         size_t pages)
{
    if (pages <= 1)
        return;
    xmlNodePtr nav = xmlNewChild(page, NULL, BAD_CAST "pagination", NULL);
    char num[32];
    snprintf(num, sizeof num, "%zu", p);
    xmlNewProp(nav, BAD_CAST "current", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", pages);
    xmlNewProp(nav, BAD_CAST "count", BAD_CAST num);
    const struct {
        const char *name;
        size_t page;
        bool show;
    } links[] = {{"first", 1, p > 1},
                 {"prev", p - 1, p > 1},
                 {"next", p + 1, p < pages},
                 {"last", pages, p < pages}};
    for (size_t k = 0; k < sizeof links / sizeof *links; k++) {
        if (!links[k].show)
            continue;
        char *href = build_topic_page_url(bl, id, links[k].page);
        xmlNewProp(nav, BAD_CAST links[k].name, BAD_CAST href);
        free(href);
    }
}

/* The newest `reviewed` of the n articles in list (NULL when n is 0), for the <reviewed> of
 * a page that shows no text of its own reviewed (templates/README.md, "Page XML"). */
static const date_ymd *S_newest_review(const article *const *list, size_t n)
{
    const date_ymd *newest = NULL;
    for (size_t i = 0; i < n; i++)
        if (!newest || date_compare(&list[i]->fm->reviewed, newest) > 0)
            newest = &list[i]->fm->reviewed;
    return newest;
}

/* Page p (from 1) of topic t's list in language bl. */
static void S_render_topic_page(build *b, build_lang *bl, size_t t, size_t p)
{
    const config_topic *topic = &b->cfg->topics[t];
    const article **in_topic = bl->in_topic[t];
    size_t n = bl->n_in_topic[t];
    char *first = build_topic_page_url(bl, topic->id, 1);
    char *url = build_topic_page_url(bl, topic->id, p);
    const char *lang = bl->L->code;
    const char *title = config_text(b->cfg, &topic->title, lang);
    const char *description = config_text(b->cfg, &topic->description, lang);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_TOPIC, lang, url, title, description,
                                bl->topic_counts);
    build_list_languages(b, doc, bl, PERMALINK_TOPIC, topic->id, p);
    xmlNodePtr page = xmlDocGetRootElement(doc);
    xmlNodePtr el = xmlNewChild(page, NULL, BAD_CAST "topic", NULL);
    xmlNewProp(el, BAD_CAST "id", BAD_CAST topic->id);
    xmlNewProp(el, BAD_CAST "href", BAD_CAST first);
    pagexml_text(el, "title", title);
    pagexml_text(el, "description", description);
    /* when its articles, on every page of its list, were last reviewed: the newest */
    const date_ymd *reviewed = S_newest_review(in_topic, n);
    if (reviewed)
        pagexml_date(el, "reviewed", reviewed, bl->L);
    S_pagination(page, bl, topic->id, p, build_topic_pages(n));
    xmlNodePtr list = xmlNewChild(page, NULL, BAD_CAST "articles", NULL);
    for (size_t i = (p - 1) * TOPIC_PAGE_SIZE; i < n && i < p * TOPIC_PAGE_SIZE; i++)
        pagexml_article_ref(list, b->cfg, in_topic[i]);
    build_render_page(b, bl, PAGE_TOPIC, doc, url);
    xmlFreeDoc(doc);
    free(url);
    free(first);
}

/* Render topic pages of every language, taking the next one not yet taken, until none is
 * left. The topic pages of a site with languages are pages of a language, then a topic. */
static void *S_topic_worker(void *arg)
{
    build *b = arg;
    while (b->cfg->n_topics > 0) {
        size_t k = atomic_fetch_add(&b->next_topic_page, 1);
        /* Page k of all: find its language and topic. */
        size_t l = 0, t = 0;
        while (l < b->n_langs && k >= build_topic_pages(b->langs[l].n_in_topic[t])) {
            k -= build_topic_pages(b->langs[l].n_in_topic[t]);
            if (++t == b->cfg->n_topics) {
                t = 0;
                l++;
            }
        }
        if (l == b->n_langs)
            break;
        S_render_topic_page(b, &b->langs[l], t, k + 1);
    }
    return NULL;
}

/* bl->in_topic: each topic's published articles of bl, newest first. */
static void S_plan_topics(build *b, build_lang *bl)
{
    size_t n_topics = b->cfg->n_topics;
    bl->in_topic = xcalloc(n_topics + 1, sizeof *bl->in_topic);
    bl->n_in_topic = xcalloc(n_topics + 1, sizeof *bl->n_in_topic);
    for (size_t t = 0; t < n_topics; t++)
        bl->in_topic[t] = xcalloc(bl->topic_counts[t] + 1, sizeof **bl->in_topic);
    for (size_t i = 0; i < bl->n_listed; i++)
        for (size_t t = 0; t < n_topics; t++)
            for (size_t k = 0; k < bl->listed[i]->fm->n_topics; k++)
                if (strcmp(bl->listed[i]->fm->topics[k].id, b->cfg->topics[t].id) == 0) {
                    bl->in_topic[t][bl->n_in_topic[t]++] = bl->listed[i];
                    break;
                }
}

/*
 * Each topic's articles, newest first, TOPIC_PAGE_SIZE to a page: a long list is slow to
 * load on a phone and hard to move through with a screen reader, and one page holding
 * every article of a large site would hold them all in memory at once. The pages are
 * rendered on --jobs threads.
 */
void build_render_topics(build *b)
{
    for (size_t l = 0; l < b->n_langs; l++)
        S_plan_topics(b, &b->langs[l]);
    atomic_store(&b->next_topic_page, 0);
    build_on_threads(b->opt->jobs ? b->opt->jobs : 1, S_topic_worker, b);
    for (size_t l = 0; l < b->n_langs; l++) {
        build_lang *bl = &b->langs[l];
        for (size_t t = 0; t < b->cfg->n_topics; t++)
            free(bl->in_topic[t]);
        free(bl->in_topic);
        free(bl->n_in_topic);
        bl->in_topic = NULL;
        bl->n_in_topic = NULL;
    }
}

void build_render_compare(build *b, build_lang *bl)
{
    const procedure_data *data = b->procedures;
    /* /compare/ shows every procedure on every attribute: each needs every value. */
    for (size_t p = 0; bl->index == 0 && p < data->n_procedures; p++)
        for (size_t a = 0; a < data->n_attributes; a++)
            if (!data->procedures[p].values[a].text.n)
                diag_error(b->diags, data->file, data->procedures[p].line,
                           data->procedures[p].column, "procedures",
                           "procedure '%s' has no value for '%s'; the comparison page shows "
                           "every attribute, so add one",
                           data->procedures[p].id, data->attributes[a].id);
    /* The caption names what is compared, in the data's own words. */
    const char *lang = bl->L->code;
    strbuf caption = STRBUF_INIT;
    for (size_t p = 0; p < data->n_procedures; p++)
        strbuf_printf(&caption, "%s%s", p ? ", " : "",
                      procedures_text(data, &data->procedures[p].name, lang));
    char *url = permalink(bl->L->prefix, PERMALINK_COMPARE, NULL, 0);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_COMPARE, bl->L->code, url, "", bl->L->description,
                                bl->topic_counts);
    build_list_languages(b, doc, bl, PERMALINK_COMPARE, NULL, 0);
    xmlNodePtr cmp = xmlNewChild(xmlDocGetRootElement(doc), NULL, BAD_CAST "comparison", NULL);
    /* procedures.yaml has no review date: the table's date is the newest review of the
     * articles its procedures name (their columns' links), in this language */
    const article **named = xcalloc(bl->n_listed + 1, sizeof *named);
    size_t n_named = 0;
    for (size_t i = 0; i < bl->n_listed; i++)
        for (size_t p = 0; p < data->n_procedures; p++)
            if (bl->procedure_hrefs[p] && strcmp(bl->procedure_hrefs[p], bl->listed[i]->url) == 0) {
                named[n_named++] = bl->listed[i];
                break;
            }
    const date_ymd *reviewed = S_newest_review(named, n_named);
    if (reviewed)
        pagexml_date(xmlDocGetRootElement(doc), "reviewed", reviewed, bl->L);
    free(named);
    /* Its notes' citations number into a list of sources of its own; their ids were
     * checked when the data was read (build_check_data_citations). */
    render_ctx c = {.b = b, .file = data->file, .lang = bl, .quiet = true,
                    .lists_sources = true};
    markdown_hooks hooks = build_hooks(&c);
    if (data->n_procedures) {
        compare_spec *spec = compare_spec_all(data, strbuf_str(&caption));
        xmlAddChild(cmp, compare_render(data, spec, lang, "cmp-all", true,
                                        (const char *const *)bl->procedure_hrefs, &hooks));
        compare_spec_free(spec);
    }
    build_add_sources(b, xmlDocGetRootElement(doc), &c);
    build_ctx_free(&c);
    build_render_page(b, bl, PAGE_COMPARE, doc, url);
    xmlFreeDoc(doc);
    free(url);
    strbuf_free(&caption);
}

/* Term t's definition (its text in c's language) rendered as the glossary shows it. */
static markdown_result *S_render_definition(render_ctx *c, const markdown_hooks *hooks,
                                            const glossary_term *t, const char *definition,
                                            diag_list *diags)
{
    markdown_result *md = markdown_render(c->file, definition, strlen(definition), t->line,
                                          MARKDOWN_NO_H1 | build_markdown_language(c), hooks,
                                          diags);
    build_mark_other_languages(c, md->body);
    return md;
}

/* Remove every <sup class="citation"> under n. */
static void S_drop_citations(xmlNodePtr n)
{
    xmlNodePtr child = n->children;
    while (child) {
        xmlNodePtr next = child->next;
        if (child->type == XML_ELEMENT_NODE) {
            xmlChar *cls = xmlGetProp(child, BAD_CAST "class");
            bool citation = cls && xmlStrcmp(child->name, BAD_CAST "sup") == 0 &&
                            xmlStrcmp(cls, BAD_CAST "citation") == 0;
            xmlFree(cls);
            if (citation) {
                xmlUnlinkNode(child);
                xmlFreeNode(child);
            } else {
                S_drop_citations(child);
            }
        }
        child = next;
    }
}

void build_render_term_popovers(build *b)
{
    const glossary *g = b->glossary;
    size_t n = glossary_count(g);
    for (size_t l = 0; l < b->n_langs; l++) {
        build_lang *bl = &b->langs[l];
        const char *lang = bl->L->code;
        bl->term_definitions = xcalloc(n + 1, sizeof *bl->term_definitions);
        size_t n_terms;
        const size_t *order = glossary_view_sorted(glossary_for_language(g, lang), &n_terms);
        /* The glossary page reports the definitions' mistakes; these are its copies. */
        render_ctx c = {.b = b, .file = glossary_file_name(g), .lang = bl, .quiet = true,
                        .lists_sources = true};
        markdown_hooks hooks = build_hooks(&c);
        diag_list *quiet = diag_list_new();
        for (size_t i = 0; i < n_terms; i++) {
            const glossary_term *t = glossary_get(g, order[i]);
            markdown_result *md = S_render_definition(
                &c, &hooks, t, glossary_text(g, &t->definition, lang), quiet);
            /* Its citations number into the glossary page's list of sources, which an
             * article page does not have: the entry the popover links to shows them. */
            S_drop_citations(md->body);
            /* Copied into every article that links the term, beside the article's own
             * ids: its ids take the popover's (def-<term>, articlepage.c) as a prefix. */
            char *prefix = xasprintf("def-%s-", t->id);
            markdown_prefix_ids(md->body, prefix);
            free(prefix);
            xmlNodeSetName(md->body, BAD_CAST "definition");
            bl->term_definitions[order[i]] = md->body;
            md->body = NULL;
            markdown_result_free(md);
        }
        diag_list_free(quiet);
        build_ctx_free(&c);
    }
}

/* A term of the glossary page: where it sorts and the letter it is listed under. */
typedef struct {
    size_t term;  /* glossary_get's index */
    char *key;    /* searchindex_sort_key of its name */
    char initial[SEARCHINDEX_INITIAL_SIZE];
} S_headword;

static int S_by_headword(const void *x, const void *y)
{
    const S_headword *p = x, *q = y;
    int c = strcmp(p->key, q->key);
    return c ? c : p->term < q->term ? -1 : p->term > q->term;
}

/*
 * The letter the glossary lists name under: the search page's (searchindex_initial: "A" to
 * "Z" for Latin, whatever its case or accent, the initial consonant for Hangul), with a
 * doubled initial consonant under its plain one (ㄲ under ㄱ, ㄸ ㄷ, ㅃ ㅂ, ㅆ ㅅ, ㅉ ㅈ), as
 * a book's index or a phone's contacts group them: a glossary's few dozen words would
 * otherwise scatter over nineteen letters, and a reader looking up 꼬리 under ㄱ finds it.
 */
static void S_index_letter(const char *name, char out[SEARCHINDEX_INITIAL_SIZE])
{
    searchindex_initial(name, out);
    /* Hangul Compatibility Jamo: each doubled consonant follows its plain one. */
    static const char *const doubled[][2] = {
        {"\u3132", "\u3131"}, {"\u3138", "\u3137"}, {"\u3143", "\u3142"},
        {"\u3146", "\u3145"}, {"\u3149", "\u3148"}};
    for (size_t i = 0; i < sizeof doubled / sizeof *doubled; i++)
        if (strcmp(out, doubled[i][0]) == 0)
            snprintf(out, SEARCHINDEX_INITIAL_SIZE, "%s", doubled[i][1]);
}

/*
 * The terms that have a text in lang, in the glossary page's order: by their names'
 * sort keys (searchindex_sort_key: Latin in alphabetical order, case and accents aside,
 * then Hangul in 가나다 order, as the search page lists titles). Sets *n; the caller
 * frees each key and the array.
 */
static S_headword *S_headwords(const glossary *g, const char *lang, size_t *n)
{
    const size_t *sorted = glossary_view_sorted(glossary_for_language(g, lang), n);
    S_headword *words = xcalloc(*n + 1, sizeof *words);
    for (size_t i = 0; i < *n; i++) {
        const char *name = glossary_text(g, &glossary_get(g, sorted[i])->term, lang);
        words[i].term = sorted[i];
        words[i].key = searchindex_sort_key(name);
        S_index_letter(name, words[i].initial);
    }
    qsort(words, *n, sizeof *words, S_by_headword);
    return words;
}

/*
 * /glossary/: every term of the page's language, in groups by the letter it is listed
 * under (S_index_letter), each group once, in S_headwords' order; a group that comes back
 * later (an initial the sort keys place apart) joins its first.
 */
void build_render_glossary(build *b, build_lang *bl)
{
    const glossary *g = b->glossary;
    const char *lang = bl->L->code;
    char *url = permalink(bl->L->prefix, PERMALINK_GLOSSARY, NULL, 0);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_GLOSSARY, bl->L->code, url, "",
                                bl->L->description, bl->topic_counts);
    build_list_languages(b, doc, bl, PERMALINK_GLOSSARY, NULL, 0);
    xmlNodePtr list = xmlNewChild(xmlDocGetRootElement(doc), NULL, BAD_CAST "glossary", NULL);
    /* When its definitions were last checked, as glossary.yaml says. */
    if (glossary_reviewed(g))
        pagexml_date(list, "reviewed", glossary_reviewed(g), bl->L);
    size_t n_terms;
    S_headword *words = S_headwords(g, lang, &n_terms);
    /* One context for the page: the definitions' citations share its list of sources.
     * Every language's page renders the definitions: their mistakes are reported once, by
     * the default language's. */
    render_ctx c = {.b = b, .file = glossary_file_name(g), .lang = bl, .quiet = bl->index > 0,
                    .lists_sources = true};
    markdown_hooks hooks = build_hooks(&c);
    diag_list *quiet = c.quiet ? diag_list_new() : NULL;
    bool *done = xcalloc(n_terms + 1, sizeof *done);
    for (size_t first = 0; first < n_terms; first++) {
        if (done[first])
            continue;
        xmlNodePtr group = xmlNewChild(list, NULL, BAD_CAST "group", NULL);
        xmlNewProp(group, BAD_CAST "initial", BAD_CAST words[first].initial);
        for (size_t i = first; i < n_terms; i++) {
            if (done[i] || strcmp(words[i].initial, words[first].initial) != 0)
                continue;
            done[i] = true;
            const glossary_term *t = glossary_get(g, words[i].term);
            const char *name = glossary_text(g, &t->term, lang);
            const char *definition = glossary_text(g, &t->definition, lang);
            size_t n_aliases;
            const char *const *alias = glossary_term_aliases(t, lang, &n_aliases);
            xmlNodePtr term = xmlNewChild(group, NULL, BAD_CAST "term", NULL);
            char *id = xasprintf("term-%s", t->id);
            xmlNewProp(term, BAD_CAST "id", BAD_CAST id);
            free(id);
            pagexml_text(term, "name", name);
            xmlNodePtr aliases = xmlNewChild(term, NULL, BAD_CAST "aliases", NULL);
            for (size_t k = 0; k < n_aliases; k++)
                pagexml_text(aliases, "alias", alias[k]);
            markdown_result *md = S_render_definition(&c, &hooks, t, definition,
                                                      quiet ? quiet : b->diags);
            char *href = xasprintf("%s#term-%s", url, t->id);
            searchindex_add_term(bl->search, name, alias, n_aliases, md->body, href);
            free(href);
            xmlNodeSetName(md->body, BAD_CAST "definition");
            xmlAddChild(term, md->body);
            md->body = NULL;
            markdown_result_free(md);
        }
    }
    free(done);
    for (size_t i = 0; i < n_terms; i++)
        free(words[i].key);
    free(words);
    diag_list_free(quiet);
    build_add_sources(b, xmlDocGetRootElement(doc), &c);
    build_ctx_free(&c);
    build_render_page(b, bl, PAGE_GLOSSARY, doc, url);
    xmlFreeDoc(doc);
    free(url);
}

/*
 * /404.html: one page, since a static host serves one, in the default language with every
 * language's home in <languages> and every language's disclaimer in its aside.
 */
void build_render_not_found(build *b)
{
    build_lang *bl = &b->langs[0];
    char *url = permalink(b->cfg->base_path, PERMALINK_NOT_FOUND, NULL, 0);
    xmlDocPtr doc = pagexml_new(b->cfg, PAGE_NOT_FOUND, bl->L->code, url, "",
                                bl->L->description, bl->topic_counts);
    if (b->cfg->multilingual) {
        /* No version of its own in another language: every entry leads to a home. */
        const char **hrefs = xcalloc(b->n_langs + 1, sizeof *hrefs);
        hrefs[0] = bl->L->prefix;
        pagexml_languages(xmlDocGetRootElement(doc), b->cfg, 0, hrefs);
        free(hrefs);
        xmlNodePtr langs = xmlDocGetRootElement(doc)->children->next;
        for (xmlNodePtr n = langs->children; n; n = n->next)
            xmlSetProp(n, BAD_CAST "translated", BAD_CAST "no");
    }
    build_add_footer_pages(b, bl, doc);
    build_render_page_with(b, b->not_found_disclaimer, PAGE_NOT_FOUND, doc, url);
    xmlFreeDoc(doc);
    free(url);
}

/* The site paths of every page that is not an article's, in every language. */
static void S_list_page_urls(const build *b, strlist *urls)
{
    for (size_t l = 0; l < b->n_langs; l++) {
        const build_lang *bl = &b->langs[l];
        strlist_push(urls, bl->L->prefix);
        for (size_t t = 0; t < b->cfg->n_topics; t++) {
            size_t pages = build_topic_pages(bl->topic_counts[t]);
            for (size_t p = 1; p <= pages; p++)
                strlist_push_owned(urls, build_topic_page_url(bl, b->cfg->topics[t].id, p));
        }
        strlist_push_owned(urls, permalink(bl->L->prefix, PERMALINK_COMPARE, NULL, 0));
        strlist_push_owned(urls, permalink(bl->L->prefix, PERMALINK_GLOSSARY, NULL, 0));
        strlist_push(urls, bl->search_url);
    }
    build_site_page_urls(b, urls);
    strlist_push_owned(urls, permalink(b->cfg->base_path, PERMALINK_NOT_FOUND, NULL, 0));
}

/* Declare every page that is not an article's, by its file in the site. */
void build_plan_list_pages(build *b)
{
    strlist urls = STRLIST_INIT;
    S_list_page_urls(b, &urls);
    for (size_t i = 0; i < urls.len; i++) {
        char *rel = build_page_file(b, urls.items[i]);
        incremental_add_page(b->inc, rel);
        free(rel);
    }
    b->n_list_pages = urls.len;
    strlist_free(&urls);
}
