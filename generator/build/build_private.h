/*
 * build_private.h: what the files of the build stage share, and nothing outside build/
 * includes (like cmark's private node.h and parser.h). site.c runs the flow; each file
 * does one part of it:
 *
 *   articles.c      loading the articles, each in its folder's language, their versions
 *                   in the other languages, and running work on every article on threads
 *   links.c         the Markdown hooks: internal links (in the text's language first),
 *                   #anchors, media, compare and before-after blocks; their mistakes told
 *                   in the text's language
 *   media.c         the diagrams of content/media/, read once and checked before they are
 *                   published
 *   articlepage.c   an article's page, its fingerprint and whether it is unchanged
 *   listpages.c     the pages that are not an article's: home, topics, compare,
 *                   glossary (each language's), 404 (one for all)
 *   search.c        each language's search page and search index
 *   sitefeeds.c     the sitemap with every language's pages, each language's Atom feed,
 *                   robots.txt
 *
 * A site with `languages:` (issue 16) is built as one build_lang per language: every page
 * kind is made for each, under its prefix (/ for the default, /en/ ...), from that
 * language's articles; a site in one language has one build_lang holding every article.
 *   output.c        writing files into the staging folder, taking unchanged pages
 *   fingerprints.c  the fingerprints of what every page depends on
 */
#ifndef SUTURE_BUILD_PRIVATE_H
#define SUTURE_BUILD_PRIVATE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "base/fingerprint.h"
#include "base/permalink.h"
#include "base/str.h"
#include "build/incremental.h"
#include "build/publish.h"
#include "build/site.h"
#include "content/article.h"
#include "content/config.h"
#include "content/glossary.h"
#include "content/procedures.h"
#include "content/sitepages.h"
#include "content/sources.h"
#include "markdown/markdown.h"
#include "render/page.h"
#include "render/related.h"
#include "render/searchindex.h"

/*
 * One language of the site, and what the build makes of it (issue 16, "Pages"): each
 * language has its own home, article lists, topics, compare, glossary, search page,
 * search index and feed, under its prefix. A site in one language has one, holding every
 * article whatever its front matter's lang.
 */
typedef struct build_lang {
    const config_language *L;
    size_t index;             /* in cfg->languages */
    const article **listed;   /* its published articles, newest first */
    size_t n_listed;
    related_index *related;   /* over listed */
    size_t *topic_counts;     /* its published articles per topic */
    char **procedure_hrefs;   /* per procedure: its article's URL in this language, or NULL */
    xmlNodePtr disclaimer;    /* the aside, in this language, shared read-only by its pages */
    /* The search index (searchindex.h): listed, numbered as there. */
    searchindex *search;
    char *search_url;         /* the language's /search/ page */
    /* Per glossary term (glossary_get's index): its definition in this language as an
     * article's popover shows it (build_render_term_popovers), a <definition> element
     * shared read-only by the article pages; NULL for a term without one. */
    xmlNodePtr *term_definitions;
    /* Topic pages to render: per topic its published articles, newest first. */
    const article ***in_topic;
    size_t *n_in_topic;
} build_lang;

/* A link to a #heading of an article, checked once every article has rendered. */
typedef struct build_fragment_link {
    const char *file;         /* the text's file (an article, site.yaml) */
    const article *target;
    char *fragment;           /* the id, without '#' */
    unsigned line, column;
    bool korean;              /* the text is Korean: so is the message */
} build_fragment_link;

/* The links to #headings one article's text makes (build.fragment_links). */
typedef struct build_fragment_links {
    build_fragment_link *items;
    size_t n, cap;
} build_fragment_links;

/* A diagram of content/media/ as the articles that show it use it (build_diagram). */
typedef struct build_diagram_file {
    char *path;
    xmlDocPtr doc;            /* checked (svgcheck.h), read-only once cached; NULL: refused */
    int err;                  /* the errno of reading it, or 0 */
} build_diagram_file;

/* One build: what site_build reads, plans and makes. */
typedef struct build {
    const site_options *opt;
    diag_list *diags;
    char *articles_dir;
    char *media_dir;
    config *cfg;
    procedure_data *procedures;
    glossary *glossary;
    sources *sources;         /* content/sources.yaml: what articles cite */
    site_pages *site_pages;       /* content/pages/ (sitepages.h); NULL without site.yaml */
    /* The diagrams the articles have shown so far (build_diagram), under diagram_lock. */
    build_diagram_file *diagrams;
    size_t n_diagrams;
    pthread_mutex_t diagram_lock;
    char **page_urls;         /* per page of pages: its address, or NULL when it is not
                               * published (a draft, or front matter with mistakes) */
    page_templates *templates;
    /* The style sheets and scripts of assets/ published under fingerprinted names: pairs
     * of their paths in the site ("assets/site.css", "assets/site.3f9a0c12d4e5.css"),
     * renamed once copied (build_fingerprint_assets). */
    strlist asset_files;
    article *articles;        /* sorted by language, then file name */
    size_t n_articles;
    build_lang *langs;        /* one per cfg->languages (one on a one-language site) */
    size_t n_langs;
    /* Per article (n_langs each, at its index times n_langs): its version in each
     * language with the same file name, itself at its own, NULL where there is none. */
    const article **versions;
    const strlist *rels;      /* while the articles load: every listed article, as
                               * articlefiles_list_site gives it */
    xmlNodePtr not_found_disclaimer; /* every language's disclaimer, for /404.html */
    date_ymd today;           /* UTC, for the translations' staleness */
    publish_stage *stage;
    atomic_size_t next_article;
    /* Incremental builds: the fingerprint of what every page depends on (hex). */
    char inputs[33];
    fingerprint_digest program; /* this binary's bytes */
    incremental *inc;           /* the old site's pages, and this build's */
    size_t n_list_pages;        /* pages that are not an article's (build_plan_list_pages) */
    atomic_size_t next_topic_page; /* shared by the threads that render topic pages */
    atomic_size_t reused;
    atomic_size_t pages;
    atomic_size_t files;
    atomic_bool write_failed;
    atomic_bool out_of_space; /* reported once: every later write fails the same way */
    size_t *search_at; /* per article: its number in its language's index, or SIZE_MAX */
    /*
     * site_validate: per article, its links to #headings, and last those of the texts that
     * are not articles (the disclaimers, rendered on one thread). Loading does not parse an
     * article for its heading ids there: its rendering gives them, so a link to a heading
     * can only be checked once every article has rendered (build_check_fragment_links).
     * NULL in site_build, where ids come from loading and links are checked as they render.
     */
    build_fragment_links *fragment_links;
    bool ids_from_rendering;  /* site_validate: heading ids are not parsed at load */
    size_t release_errors;    /* what the release check of site.yaml found (site_options.release) */
} build;

/* What the Markdown hooks need while one article (or glossary entry) renders. */
typedef struct render_ctx {
    build *b;
    const char *file;
    const article *self;  /* NULL outside an article */
    const site_page *page; /* the site page being rendered, or NULL */
    const build_lang *lang; /* the text's language: its links resolve in it first */
    strlist other_lang;   /* URLs links resolved to in another language, each followed by
                           * that language's code (hreflang) */
    bool quiet;           /* its mistakes are reported by another rendering of the text */
    bool check_only;      /* the tree is only checked, never published (MARKDOWN_NO_TEXT):
                           * a diagram is checked but not drawn into it */
    unsigned tables;
    unsigned cards;       /* care cards so far (care-1, care-2...) */
    unsigned diagrams;    /* diagrams so far (diagram-1, diagram-2...) */
    strlist links;        /* article file names the text links to, for the manifest */
    strlist cited;        /* the ids of the sources it cites, in the order first cited */
    bool lists_sources;   /* a page outside an article that lists the sources its texts
                           * cite too: the glossary, the comparison page */
    unsigned errors;      /* how many errors the hooks reported (links, media, blocks) */
} render_ctx;

/* ---- fingerprints.c ---- */

/*
 * b->asset_files, and the page templates told to load each by its new name: every .css and
 * .js file directly in the templates' assets/ folder, with its fingerprinted name
 * (render/assetnames.h). A file that cannot be read keeps its name (build_copy_dir says
 * why it cannot be published). Call once the templates are loaded.
 */
void build_fingerprint_assets(build *b);
/* Give the copied assets in the site being made their fingerprinted names. */
void build_rename_assets(build *b);

/* ---- articles.c ---- */

/* What build_each_article runs on every article, on several threads. */
typedef void (*build_article_fn)(build *b, article *a);

/*
 * Load every article of b->articles_dir, then what spans them: the published list, the
 * topic counts, the related index. Declares each article's page to b->inc. Without an
 * articles folder (reported) there are no articles; returns false then, true otherwise.
 */
bool build_load_articles(build *b);
/* Each procedure's `article:` must name an article (reported): b->procedure_hrefs. */
void build_link_procedures(build *b);
/* The article of language lang (an index of b->langs) whose file name is file_name, or NULL. */
const article *build_find_article(const build *b, size_t lang, const char *file_name);
/*
 * The article file_name names for a text in language lang: the one in lang when there is
 * one, else its version in the first other language that has it (site.yaml's order); NULL
 * when no language has it.
 */
const article *build_resolve_article(const build *b, size_t lang, const char *file_name);
/* The article whose file is path (as in a diagnostic), or NULL. */
const article *build_article_at(const build *b, const char *path);
/* a's version in language lang (itself at its own), or NULL. */
const article *build_version(const build *b, const article *a, size_t lang);
/* Whether a has a page in this build and so do its version in lang. */
bool build_has_version(const build *b, const article *a, size_t lang);
/* The source of the translation a (its front matter's translation_of), or NULL. */
const article *build_source_of(const build *b, const article *a);
/* Whether a is a translation whose source has been reviewed since it was translated. */
bool build_is_stale(const build *b, const article *a);
/* The language a belongs to in this build. */
build_lang *build_lang_of(const build *b, const article *a);
/* The article file name closest to file_name, for "did you mean"; NULL when none is. */
const char *build_suggest_article(const build *b, const char *file_name);
/* The article's text (the caller frees it), or NULL after reporting why it is unreadable. */
char *build_read_article(build *b, const article *a, size_t *len);
/* Where a's body starts in its text (len bytes): at a->body_line, or at the end. */
const char *build_article_body(const article *a, const char *text, size_t len);
/* Whether the article has a page in this build. */
bool build_has_page(const article *a);
/* Run fn on every article, on --jobs threads (the calling thread among them). */
void build_each_article(build *b, build_article_fn fn);
/*
 * Run worker(arg) on up to jobs threads, the calling thread among them, and wait for all;
 * the workers share out the work themselves. Fewer threads when they cannot be started.
 */
void build_on_threads(unsigned jobs, void *(*worker)(void *), void *arg);

/* ---- links.c ---- */

/* The hooks that check and resolve links, images and fenced blocks for c's text. */
markdown_hooks build_hooks(render_ctx *c);
/* markdown_render's option for the language of c's text: MARKDOWN_KOREAN for a Korean
 * text (its mistakes are told in Korean), else 0. */
int build_markdown_language(const render_ctx *c);
/*
 * <sources> into parent (pagexml_sources) for the ids c's texts cited, in their order
 * (ids content/sources.yaml has, as the cite hook only numbers those).
 */
void build_add_sources(const build *b, xmlNodePtr parent, const render_ctx *c);
/*
 * The citations of procedures.yaml's sources ("[@id]", markdown/citation.h), checked as
 * the tables that show them will number them: a malformed bracket and an unknown id (with
 * the closest one) are errors at the source's line and column, in the site's first
 * language. Reports nothing when the data could not be read.
 */
void build_check_data_citations(build *b);
/*
 * Set hreflang and lang on the links of body (a rendered text of c) that lead to an article
 * in another language, because the text's language has no version of it.
 */
void build_mark_other_languages(render_ctx *c, xmlNodePtr body);
/* Free what c collected (its links). */
void build_ctx_free(render_ctx *c);
/*
 * site_validate: check the links to #headings each article made (b->fragment_links)
 * against the ids its target's rendering gave, in article order, and free them.
 */
void build_check_fragment_links(build *b);

/* ---- media.c ---- */

/*
 * The diagram at path (content/media/..., an .svg), read and checked with svgcheck_parse the
 * first time any thread asks and kept for the build: the document (read-only, owned by b:
 * copy what you need), or NULL when svgcheck refused it (build_check_media reports why) or it
 * could not be read (*err is then its errno, else 0). Thread-safe.
 */
const xmlDoc *build_diagram(build *b, const char *path, int *err);
/*
 * Check every SVG of content/media/ (b->media_dir, with its sub-folders; hidden files and
 * links to files included, as build_copy_dir publishes them) before it is published:
 * content/svgcheck.h's refusals, each at its file, line and column, a drawing without a
 * viewBox, and a compressed .svgz, which cannot be checked. Other files are left to
 * build_copy_dir. A drawing in a Korean folder (build_media_korean) is told its mistakes
 * in Korean, any other in English.
 */
void build_check_media(build *b);
/*
 * Whether path, a file under b->media_dir, is a Korean one: a folder between content/media/
 * and its name is named for Korean (content/media/diagrams/ko/face.svg), as each
 * language's drawings are kept.
 */
bool build_media_korean(const build *b, const char *path);

/* ---- sitepages.c ---- */

/*
 * The site pages' addresses (b->page_urls), once the articles are loaded, and what must hold
 * of them: a page may not share its file name with an article (a link to the name would
 * mean either), and each of site.yaml's footer_pages must exist, and be published, in every
 * language (reported at its place in site.yaml).
 */
void build_link_site_pages(build *b);
/* The published site page name of language lang (an index of b->langs), or -1. */
long build_find_site_page(const build *b, size_t lang, const char *name);
/* The footer's links of language bl (site.yaml's footer_pages) into page's <site>. */
void build_add_footer_pages(const build *b, const build_lang *bl, xmlDocPtr doc);
/* The addresses of every published site page, appended to urls (build_plan_list_pages). */
void build_site_page_urls(const build *b, strlist *urls);
/*
 * Render every site page: with its page written (site_build), or only for its messages
 * (site_validate, write false).
 */
void build_render_site_pages(build *b, bool write);

/* ---- articlepage.c ---- */

/* Whether a's page is the one in the old site (incremental_check); any thread. */
void build_check_unchanged(build *b, article *a);
/* Render a's page, or its body alone for its messages when it has no page; any thread. */
void build_article_page(build *b, article *a);
/* Only a's body's messages (links, images, blocks: site_validate); no page; any thread. */
void build_validate_article(build *b, article *a);

/* ---- listpages.c ---- */

/* Declare to b->inc every page that is not an article's (b->n_list_pages of them). */
void build_plan_list_pages(build *b);
/*
 * Put <languages> and <x-default> into doc, a page of bl that every language has: the page
 * of kind (permalink.h) with id and page in each language (nothing on a one-language site).
 */
void build_list_languages(const build *b, xmlDocPtr doc, const build_lang *bl,
                          permalink_kind kind, const char *id, size_t page);
/* The URL of page n (from 1) of a topic's list in bl: <prefix>topics/<id>/, then
 * <prefix>topics/<id>/page/<n>/. */
char *build_topic_page_url(const build_lang *bl, const char *id, size_t n);
/* How many list pages a topic with n published articles has (one even when empty). */
size_t build_topic_pages(size_t n);
void build_render_home(build *b, build_lang *bl);
/* Every topic page of every language. */
void build_render_topics(build *b);
void build_render_compare(build *b, build_lang *bl);
/*
 * /glossary/ in bl's language: its terms in groups by initial (<glossary><group initial>
 * <term>…), the definitions' sources, and the terms of the search index.
 */
void build_render_glossary(build *b, build_lang *bl);
/*
 * Every language's term_definitions (build_lang): each definition rendered as on the
 * glossary page, reporting nothing (the glossary page does), its citations left out. Call
 * before the article pages render; S_free_lang frees them.
 */
void build_render_term_popovers(build *b);
void build_render_not_found(build *b);

/* ---- search.c ---- */

/* Each language's search, search_url, and b->search_at, before any page renders. */
void build_plan_search(build *b);
/* bl's /search/ page. */
void build_render_search(build *b, build_lang *bl);
/* Each language's search-index.json, when there were no errors. */
void build_write_search_index(build *b);

/* ---- sitefeeds.c ---- */

/* sitemap.xml (or sitemap-N.xml and an index), each language's feed.xml, and robots.txt. */
void build_write_feeds(build *b);
/* _headers, the response headers for Netlify and Cloudflare Pages (render/hosting.h), with
 * the fingerprinted names of b->asset_files: call after build_rename_assets. */
void build_write_headers(build *b);

/* ---- output.c ---- */

/*
 * Whether errno e says there is no room left; if so, reported once for the whole build
 * and the build fails.
 */
bool build_out_of_space(build *b, int e);
/* Report that rel_path (staged at path, or NULL) could not be written, errno e. */
void build_write_failed(build *b, const char *path, const char *rel_path, int e);
/*
 * The .gz and .br copies (precompress.h) of every text file under rel_dir of the staging
 * folder ("assets", "media"), which were copied there rather than written; nothing unless
 * the build makes copies (site_options.precompress).
 */
void build_compress_tree(build *b, const char *rel_dir);
/* The .gz and .br copies of rel_path, a file written into the staging folder other than by
 * build_write (streamed); nothing unless the build makes copies. */
void build_compress_staged(build *b, const char *rel_path);
/* Write len bytes of data as the staged file rel_path, and its .gz and .br copies when the
 * build makes them (build_compress_tree); failures are reported. */
void build_write(build *b, const char *rel_path, const char *data, size_t len);
/* The file for a page URL: "/kb/articles/x/" → "articles/x/index.html"; the caller frees it. */
char *build_page_file(const build *b, const char *url);
/* Take the page at rel from the old site when it is unchanged (incremental_take). */
bool build_reuse(build *b, const char *rel);
/* Render the page doc of kind at url, a page of bl with bl's disclaimer, through its
 * template and write it, or take it. */
void build_render_page(build *b, const build_lang *bl, page_kind kind, xmlDocPtr doc,
                       const char *url);
/* The same, with the disclaimer aside given. */
void build_render_page_with(build *b, const xmlNode *disclaimer, page_kind kind,
                            xmlDocPtr doc, const char *url);
/*
 * Copy the folder from into the site as to_rel; links in it may lead only to files inside
 * root. what names its contents for messages ("the images"), a_file one of them.
 */
void build_copy_dir(build *b, const char *from, const char *to_rel, const char *root,
                    const char *what, const char *a_file);

/* ---- fingerprints.c ---- */

/* b->program: this binary, by its bytes (a manifest from another suture is not read). */
void build_fingerprint_program(build *b);
/* b->inputs: the fingerprint of what every page depends on. */
void build_fingerprint_inputs(build *b);

#endif
