/*
 * jsonld.h: an article's structured data for search engines and assistive tools: one
 * schema.org MedicalWebPage (https://schema.org/MedicalWebPage) in JSON-LD, built with
 * jansson so that no text from an article is ever pasted into JSON by hand.
 *
 * The object, in this key order (keys whose value is missing are left out):
 *
 *   @context          "https://schema.org"
 *   @type             "MedicalWebPage"
 *   url               the page's canonical URL
 *   name              the front matter title
 *   description       the front matter summary
 *   inLanguage        the page's language (BCP 47, e.g. "en", "ko")
 *   datePublished     front matter date, "YYYY-MM-DD"
 *   lastReviewed      front matter reviewed, "YYYY-MM-DD"
 *   reviewedBy        the reviewer the front matter names: on a site that declares
 *                     reviewers, {"@type": "Person", "name": the reviewer's name,
 *                     "jobTitle": their credentials}, both in the page's language; on a
 *                     site without, {"@type": "Organization", "name": reviewer as written}
 *   medicalAudience   {"@type": "MedicalAudience", "audienceType": "Patient"}
 *   about             one {"@type": "MedicalProcedure", "name", "url"} per procedure of the
 *                     front matter found in the procedure data, in front matter order; url
 *                     is the procedure's column of the comparison page
 *   isPartOf          {"@type": "WebSite", "name": the language's site title, "url": the
 *                     language's home}
 *   publisher         the clinic, when site.yaml gives it a name: {"@type":
 *                     "MedicalClinic", "name", "url": the language's home, "address":
 *                     {"@type": "PostalAddress", "streetAddress": the address as one text},
 *                     "telephone": clinic.phone}, texts in the page's language
 *   translationOfWork {"@id": the source's absolute URL}, on a translation (issue 16)
 *   workTranslation   [{"@id": absolute URL}...], the articles that translate this one
 *
 * The text is meant to sit in <script type="application/ld+json">, whose content HTML does
 * not escape: every '<', '>' and '&' is written as \u003c, \u003e and \u0026 (JSON escapes,
 * so the data is unchanged), so no value can close the element or open a comment.
 */
#ifndef SUTURE_JSONLD_H
#define SUTURE_JSONLD_H

#include "content/article.h"
#include "content/config.h"
#include "content/procedures.h"
#include "content/sources.h"

/* An article's versions in other languages, by their absolute URLs (schema.org's
 * translationOfWork and workTranslation). */
typedef struct jsonld_versions {
    const char *translation_of;        /* the source's, or NULL */
    const char *const *translations;   /* the translations', n_translations of them */
    size_t n_translations;
} jsonld_versions;

/*
 * The MedicalWebPage JSON-LD of article a (whose fm must not be NULL), as one line of
 * compact JSON, escaped for a script element as described above. canonical is the page's
 * absolute URL; procedures may be NULL (no "about"); versions may be NULL (a site in one
 * language); cited (NULL or empty: none) becomes "citation", one ScholarlyArticle (from a
 * journal) or CreativeWork (from a publisher) per source, in the page's order, with its
 * name, author, datePublished, isPartOf or publisher, url (the DOI's address, else
 * PubMed's, else its url) and identifier (PropertyValue DOI and PMID). A string that is not valid UTF-8
 * leaves its key out rather than fail the page. Returns a string the caller frees with
 * free; never NULL (out of memory aborts).
 */
char *jsonld_article(const config *cfg, const article *a, const procedure_data *procedures,
                     const char *canonical, const jsonld_versions *versions,
                     const sources_cited *cited);

#endif
