/*
 * pagexml.h: builds the page XML that templates receive (the format is documented in
 * templates/README.md). Knows the site's data model, nothing about XSLT or files.
 */
#ifndef SUTURE_PAGEXML_H
#define SUTURE_PAGEXML_H

#include <libxml/tree.h>
#include <stddef.h>

#include "content/article.h"
#include "content/config.h"
#include "content/frontmatter.h"
#include "markdown/markdown.h"
#include "render/page.h"
#include "content/procedures.h"
#include "content/sources.h"

/*
 * A new page document: <page kind lang dir generator> with <site>, <url>, <canonical>,
 * <title> and <description> filled in. url is the page's site path (base path included).
 * topic_counts holds the number of published articles per topic of cfg, or NULL. The caller
 * frees the document with xmlFreeDoc.
 */
xmlDocPtr pagexml_new(const config *cfg, page_kind kind, const char *lang,
                      const char *url, const char *title, const char *description,
                      const size_t *topic_counts);

/* Append <name>text</name> to parent and return it. */
xmlNodePtr pagexml_text(xmlNodePtr parent, const char *name, const char *text);
/*
 * Append <name iso year month day text/> for a date; text is the date as lang writes it
 * with its date_format (datetext.h). Without lang (NULL) or a date_format, no text: the
 * templates then write the date their own way for the page's language (strings.xml).
 */
xmlNodePtr pagexml_date(xmlNodePtr parent, const char *name, const date_ymd *date,
                        const config_language *lang);
/* Append an <article-ref href lang> with title, summary, date and reviewed, the dates'
 * texts in the article's language. */
xmlNodePtr pagexml_article_ref(xmlNodePtr parent, const config *cfg, const article *a);
/*
 * Append the slimmer <article-ref href lang> of the /search/ page, which lists every
 * article: title and summary only.
 */
xmlNodePtr pagexml_search_ref(xmlNodePtr parent, const article *a);

/* The absolute URL of the site path url (base path included): cfg's base URL and the rest. */
char *pagexml_absolute(const config *cfg, const char *url);

/*
 * On a site with languages (cfg->multilingual; nothing otherwise), put after the page's
 * <site>: <languages> with one <language code name og-locale href absolute translated>
 * for each declared language in site.yaml's order, current="yes" on the page's own
 * (index current) and default="yes" on the first; and <x-default href absolute>.
 * hrefs[i] is this page's site path in language i, or NULL where it has none: that
 * language's entry then leads to its home, translated="no". x-default is the default
 * language's version, else the page itself (hrefs[current], which must not be NULL).
 */
void pagexml_languages(xmlNodePtr page, const config *cfg, size_t current,
                       const char *const *hrefs);

/* What an article page shows of its versions in other languages (issue 16). */
typedef struct pagexml_versions {
    const article *source; /* a translation's source with a page, or NULL */
    bool stale;            /* the source was reviewed after the translation's source_reviewed */
    const article *const *translations; /* articles that translate this one, with pages */
    size_t n_translations;
} pagexml_versions;

/*
 * Append the <article> element of an article page. body is the rendered body element,
 * which the page takes over (the caller must not free it). related holds n_related
 * articles to list. procedure_data is used for the names of the article's procedures.
 * Besides the front matter it adds <next-review> (reviewed plus cfg's review_max_age_days)
 * and <structured-data type="application/ld+json"> with the page's schema.org
 * MedicalWebPage (jsonld.h), using the <canonical> that pagexml_new put in page. versions
 * (NULL on a site in one language) adds, on a stale translation, <stale source-lang
 * source-name source-href> holding the source's <reviewed> date, and the JSON-LD's
 * translationOfWork and workTranslation. cited (NULL or empty: none) adds, after the body,
 * <sources> with a <source n lang> per source in the page's order (n is the number its
 * citations show; lang the language of its title), holding <authors>, <title>, <journal>
 * or <publisher>, <year>, and those it has of <doi href>, <pmid href> and <url href>
 * (doi.org's and PubMed's addresses), and the JSON-LD's "citation".
 */
xmlNodePtr pagexml_article(xmlNodePtr page, const config *cfg, const article *a,
                           xmlNodePtr body, const markdown_heading *headings,
                           size_t n_headings, const article *const *related, size_t n_related,
                           const procedure_data *procedures, const pagexml_versions *versions,
                           const sources_cited *cited);

/*
 * <sources> into parent (an <article>, or the root of the glossary or the comparison page,
 * whose texts cite too), as pagexml_article describes it; nothing when cited is NULL or
 * empty.
 */
void pagexml_sources(xmlNodePtr parent, const sources_cited *cited);

/* A link of the footer to a site page (content/pages/): its address and its title. */
typedef struct pagexml_link {
    const char *href;
    const char *title;
} pagexml_link;

/*
 * <pages><page href>title</page>...</pages> into the <site> of page (templates/README.md):
 * the site pages site.yaml's footer_pages names, in its order, in the page's language. No
 * element when n is 0.
 */
void pagexml_footer_pages(xmlNodePtr page, const pagexml_link *links, size_t n);

/*
 * <site-page name> of a site page (content/pages/, issue 18) into page: its <title>,
 * <summary>, <reviewed> (dates as pagexml_date writes them, in lang), <clinic> with the clinic's <name>, <address>, <phone> and
 * <registration> in lang (those site.yaml gives) when the front matter sets
 * clinic_details, and body (taken: the caller no longer owns it) renamed <body>. Returns
 * the element.
 */
xmlNodePtr pagexml_site_page(xmlNodePtr page, const config *cfg, const char *name,
                             const frontmatter *fm, const config_language *lang,
                             xmlNodePtr body);

/* The text direction for a language: "rtl" for Arabic, Hebrew, Persian and Urdu, else "ltr". */
const char *pagexml_direction(const char *lang);

#endif
