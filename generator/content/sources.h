/*
 * sources.h: content/sources.yaml, the bibliography that articles, procedures.yaml cells and
 * glossary definitions cite (issue 18, "Sources"):
 *
 *     sources:
 *       - id: mitz1976
 *         authors: "Mitz V, Peyronie M"
 *         title: "The superficial musculo-aponeurotic system (SMAS) in the parotid and
 *                 cheek area"
 *         journal: "Plastic and Reconstructive Surgery"   # or publisher: for a book
 *         year: 1976
 *         doi: "10.1097/00006534-197607000-00013"
 *         pmid: 935283
 *
 * A source is cited as Pandoc cites it, [@mitz1976]; its id is a slug (lower-case letters,
 * digits and hyphens), as every id of the content is. Every source names its authors, its
 * title, where it appeared (journal, or publisher) and its year, and can be found by at
 * least one of doi, pmid and url:
 *   - doi: "10.", a registrant code of 4 to 9 digits, "/", and a suffix of letters, digits
 *     and - . _ ; ( ) / : (the pattern Crossref recommends, which matches all but a few of
 *     the DOIs it has registered: "DOIs and matching regular expressions", Crossref blog,
 *     2015); written without "https://doi.org/" or "doi:" in front;
 *   - pmid: PubMed's identifier, a whole number of 1 to 8 digits without leading zeros;
 *   - url: an http or https address with a host (for a guideline, a report, a web page).
 * The titles stay in the language they were published in: a source has no per-language
 * text, and says which language that is with `language` (a BCP 47 tag; en when not given),
 * so that a page in another language can mark it for screen readers.
 */
#ifndef SUTURE_SOURCES_H
#define SUTURE_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef struct source_entry {
    char *id;
    char *authors;     /* as they are to be shown: "Mitz V, Peyronie M" */
    char *title;
    char *journal;     /* where it appeared: a journal, or NULL with publisher */
    char *publisher;   /* a book's or a report's publisher, or NULL with journal */
    int year;
    char *doi;         /* NULL when not given; likewise pmid and url */
    char *pmid;
    char *url;
    char *language;    /* the language of its title (BCP 47): 'language', else "en" */
    unsigned line, column; /* of its entry in the file */
} source_entry;

/* The sources a page cites, in the order first cited: the page numbers them from 1. */
typedef struct sources_cited {
    const source_entry *const *items;
    size_t n;
} sources_cited;

typedef struct sources {
    char *file;        /* the path it was read from */
    source_entry *items;     /* in the order of the file */
    size_t n;
} sources;

/*
 * Read and check the bibliography at path. A path where nothing is gives an empty
 * bibliography: a site need not cite anything (suture check warns on an article that cites
 * nothing). Reports, at the value or the entry: unknown and missing keys ("source
 * 'mitz1976' has no 'year'; add the year it was published"), an id that is not a slug or is
 * used twice, both or neither of journal and publisher, a year outside 1800 to next year, a
 * doi, pmid or url that is not one (sources_doi_valid, sources_pmid_valid,
 * sources_url_valid, each message saying what the value should look like), a language
 * that is not a language tag, a doi written
 * as an address ("https://doi.org/10...": write the DOI alone), and a source with none of
 * the three. Returns the bibliography (free with sources_free) or NULL on errors.
 */
sources *sources_load(const char *path, diag_list *diags);
/*
 * sources_load with its mistakes told in Korean when korean: sources.yaml serves every
 * language, and is told in the site's default one. Its YAML syntax errors too.
 */
sources *sources_load_in(const char *path, bool korean, diag_list *diags);
void sources_free(sources *s);

/* The source with this id, or NULL. */
const source_entry *sources_find(const sources *s, const char *id);

/* The id closest to id (suggest.h) for a "did you mean", or NULL when none is close. */
const char *sources_suggest(const sources *s, const char *id);

/* Whether doi is a DOI as sources.yaml takes it (see above), and pmid a PubMed id. */
bool sources_doi_valid(const char *doi);
bool sources_pmid_valid(const char *pmid);
/* Whether url is an absolute http or https address with a host (libxml2's URI parser). */
bool sources_url_valid(const char *url);

#endif
