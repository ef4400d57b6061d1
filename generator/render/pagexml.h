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
#include "markdown/markdown.h"
#include "render/page.h"
#include "content/procedures.h"

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
/* Append <name iso year month day/> for a date. */
xmlNodePtr pagexml_date(xmlNodePtr parent, const char *name, const date_ymd *date);
/* Append an <article-ref href> with title, summary, date and reviewed. */
xmlNodePtr pagexml_article_ref(xmlNodePtr parent, const article *a);
/*
 * Append the slimmer <article-ref href lang> of the /search/ page, which lists every
 * article: title and summary only.
 */
xmlNodePtr pagexml_search_ref(xmlNodePtr parent, const article *a);

/*
 * Append the <article> element of an article page. body is the rendered body element,
 * which the page takes over (the caller must not free it). related holds n_related
 * articles to list. procedure_data is used for the names of the article's procedures.
 * Besides the front matter it adds <next-review> (reviewed plus cfg's review_max_age_days)
 * and <structured-data type="application/ld+json"> with the page's schema.org
 * MedicalWebPage (jsonld.h), using the <canonical> that pagexml_new put in page.
 */
xmlNodePtr pagexml_article(xmlNodePtr page, const config *cfg, const article *a,
                           xmlNodePtr body, const markdown_heading *headings,
                           size_t n_headings, const article *const *related, size_t n_related,
                           const procedure_data *procedures);

/* The text direction for a language: "rtl" for Arabic, Hebrew, Persian and Urdu, else "ltr". */
const char *pagexml_direction(const char *lang);

#endif
