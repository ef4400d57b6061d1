/*
 * config.h: content/site.yaml, the site's settings (SPEC.md, "content/site.yaml").
 *
 *     title: "Facial lifting explained"
 *     description: "One sentence for the home page."      # optional
 *     base_url: "https://example.org/"
 *     language: en
 *     review_max_age_days: 365
 *     reading_grade_max: 9                                  # optional
 *     reading_eojeol_max: 15                                # optional
 *     topics: [{id: anatomy, title: ..., description: ...}, ...]
 *     disclaimer: |                                         # Markdown
 *       ...
 *     notices: {before_after: "..."}                        # before_after required
 */
#ifndef SUTURE_CONFIG_H
#define SUTURE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef struct config_topic {
    char *id;          /* [a-z0-9-]+, used in URLs */
    char *title;
    char *description;
} config_topic;

typedef struct config_notice {
    char *id;   /* the key under notices:, e.g. before_after */
    char *text;
} config_notice;

typedef struct config {
    char *file;            /* the path site.yaml was read from */
    char *title;
    char *description;     /* the site title when not given */
    char *base_url;        /* absolute http(s) URL ending with '/' */
    char *base_path;       /* base_url's path, starting and ending with '/' */
    char *language;        /* BCP 47 tag, e.g. "en" or "ko" */
    config_topic *topics;
    size_t n_topics;
    char *disclaimer;      /* Markdown */
    unsigned disclaimer_line; /* where the disclaimer starts in site.yaml */
    config_notice *notices;
    size_t n_notices;
    long review_max_age_days;
    /* The highest Flesch–Kincaid reading grade an English article may have before
     * `suture check` warns (readability.h); 1 to 20, with decimals (8.5); 0 when site.yaml
     * sets none: grades are then reported, never warned about. */
    double reading_grade_max;
    /* The most 어절 a Korean article's sentences may have on average before `suture check`
     * warns (readability_ko.h: the mean over its body, rounded to one decimal, above this);
     * a whole number from 5 to 50; 0 when site.yaml sets none: the lengths are then
     * reported, never warned about. No source we found gives a cut-off in 어절; 15 is the
     * value README.md suggests. */
    long reading_eojeol_max;
} config;

/*
 * Read and check site.yaml at path. Every mistake (missing or unknown key, wrong type, a
 * base_url that is not absolute http(s), a bad language tag, duplicate topic ids, a missing
 * before_after notice, a reading_grade_max that is not a number from 1 to 20, a
 * reading_eojeol_max that is not a whole number from 5 to 50) is added to
 * diags. Returns the configuration (free with
 * config_free) when usable, or NULL when the file cannot be read or has errors.
 */
config *config_load(const char *path, diag_list *diags);
void config_free(config *cfg);

/* The topic with that id, or NULL. */
const config_topic *config_find_topic(const config *cfg, const char *id);
/* The text of a notice, or NULL. */
const char *config_find_notice(const config *cfg, const char *id);

#endif
