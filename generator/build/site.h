/*
 * site.h: the build. Knows the flow and nothing else (STYLE.md): content files → parsed
 * model (site.yaml, procedures, glossary, front matter) → page XML → templates → HTML
 * written into a staging folder → swapped in as the output folder (SPEC.md, "Output").
 */
#ifndef SUTURE_SITE_H
#define SUTURE_SITE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/fingerprint.h"
#include "base/str.h"
#include "content/frontmatter.h"

#include <libxml/tree.h>

/*
 * What was read of an article before the build (by suture's lint, which has read and parsed
 * every article the build publishes), for the build to take instead of reading and parsing
 * it again (site_options.read_before).
 */
typedef struct site_read {
    frontmatter *fm;             /* parsed without error; the build takes it */
    unsigned body_line;          /* the line the body starts on, 0: none */
    strlist heading_ids;         /* the ids its headings get (markdown_heading_ids_of), the
                                  * build takes them; meaningful when heading_ids_known */
    bool heading_ids_known;
    fingerprint_digest source;   /* fingerprint_digest_bytes of the file's bytes */
} site_read;

/*
 * How far a build has come, for a progress line: read from another thread while the build
 * runs. total is 0 until the build knows how many pages it will make.
 */
typedef struct site_progress {
    atomic_size_t done;  /* pages made or taken from the old site so far */
    atomic_size_t total; /* pages this build makes */
} site_progress;

typedef struct site_options {
    const char *content_dir;    /* "content" */
    const char *templates_dir;  /* "templates" */
    const char *out_dir;        /* "site" */
    unsigned jobs;              /* threads rendering pages, at least 1 */
    bool drafts;                /* build articles marked draft: true */
    /* A release build, the one that publishes (suture build --release): site.yaml's
     * identity values must all be given and none an example (config_check_release), or
     * nothing is written and the output folder stays as it was. */
    bool release;
    /* Write a .gz and a .br copy beside every text file (build/precompress.h): suture
     * build does, for a server to send; suture serve's preview does not need them. */
    bool precompress;
    site_progress *progress;    /* updated as pages are done; NULL: none */
    /* When not NULL, site_build appends, for every article that has a page in this build,
     * its file (content/articles/x.md) then its page's URL (/kb/articles/x/): a preview
     * that shows an article's findings on its page (suture serve). */
    strlist *article_pages;
    /*
     * NULL for none: fills *out with what was read of the article at path (its front
     * matter, the ids of its headings, the digest of its bytes) and returns true, or
     * returns false when the build must read the article itself. site_build takes it only
     * when the ids are known (it needs them before rendering); site_validate learns them
     * from rendering. May be called from several threads, each for another path.
     */
    bool (*read_before)(void *ctx, const char *path, site_read *out);
    void *read_before_ctx;
    /*
     * suture page-xml: when not NULL, no template runs and nothing is published. Each page's
     * XML document, exactly as build_render_page would give it to its template (the footer's
     * links put in), is handed to page_xml with the page's URL instead, possibly from several
     * threads at once; the document is freed after the call. The feeds, search index, assets
     * and media are not made, and out_dir is left as it was: it must name a folder that
     * holds no site (a page the old site has unchanged would not be made again).
     */
    void (*page_xml)(void *ctx, const char *url, xmlDocPtr doc);
    void *page_xml_ctx;
} site_options;

typedef struct site_stats {
    size_t articles;   /* article pages written */
    size_t pages;      /* HTML pages written */
    size_t files;      /* every file written, copies included */
    size_t reused;     /* pages taken unchanged from the site being replaced */
} site_stats;

/* Exit statuses of SPEC.md, "Command line". */
enum {
    SITE_OK = 0,
    SITE_INPUT_ERRORS = 1,
    SITE_ENVIRONMENT_ERROR = 2,
};

/*
 * Build the site. Every mistake found in the content, data or templates is added to diags
 * (one build reports all of them). The output folder is replaced only when there was no
 * error; otherwise it is left exactly as it was. Returns SITE_OK, SITE_INPUT_ERRORS, or
 * SITE_ENVIRONMENT_ERROR (a folder that cannot be read, an output that cannot be
 * written). With opt->release, an identity value of site.yaml that is missing or an
 * example (config_check_release) is an error too: the rest of the content is then checked
 * as site_validate checks it, and nothing is written. page_init must have been called.
 * stats may be NULL.
 */
int site_build(const site_options *opt, diag_list *diags, site_stats *stats);

/*
 * What site_build would refuse in the content, found without making a page: site.yaml,
 * the procedure data and the glossary; every article's front matter (topics, procedures,
 * languages, slugs); every link, #anchor, image and compare or before-after block of the
 * articles' bodies and the disclaimers, with the same code and messages as site_build
 * (the bodies are read into trees by the Markdown stage, but no page is rendered, no
 * template is read and nothing is written). Drafts are read as site_build reads them
 * (opt->drafts). opt->templates_dir and opt->out_dir are not used. With opt->release, the release
 * check of site.yaml (config_check_release) is made too. Each article's body is
 * parsed once, to render it: the ids of its headings come from that rendering, and the
 * links to #headings are checked once every article has rendered. An article whose front
 * matter opt->read_before gives is not read until it renders. Every mistake is added
 * to diags. Returns SITE_OK, SITE_INPUT_ERRORS, or SITE_ENVIRONMENT_ERROR when the content
 * folder does not exist (reported). page_init must have been called.
 */
int site_validate(const site_options *opt, diag_list *diags);

#endif
