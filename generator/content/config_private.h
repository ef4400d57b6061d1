/*
 * config_private.h: what config.c and clinic.c share, and nobody else uses: the reading of
 * the site's identity in site.yaml (base_url as an identity value, `clinic:`,
 * `reviewers:`).
 */
#ifndef SUTURE_CONFIG_PRIVATE_H
#define SUTURE_CONFIG_PRIVATE_H

#include "content/config.h"
#include "content/yamldoc.h"

/*
 * Read `clinic:` and `reviewers:` of root (site.yaml's mapping) into cfg, reporting their
 * mistakes through doc (config_load lists them), and record every identity value
 * (config_identity), base_url's included, with its position; and, for the release check,
 * each one a release needs that is not there. cfg->languages must be read already (the
 * per-language texts need them).
 */
void config_load_identity(ydoc *doc, yaml_node_t *root, config *cfg);

/* Free what config_load_identity put into cfg. */
void config_free_identity(config *cfg);

#endif
