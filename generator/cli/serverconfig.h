/*
 * serverconfig.h: `suture server-config KIND`, the web server's configuration for the
 * built site, made from site.yaml and the response-header policy (render/hosting.h).
 * The one kind today is nginx.
 */
#ifndef SUTURE_SERVERCONFIG_H
#define SUTURE_SERVERCONFIG_H

#include <stdbool.h>
#include <stdio.h>

/* What the command line asked for. */
typedef struct serverconfig_options {
    const char *kind;        /* "nginx"; NULL when none was given */
    const char *content_dir; /* the folder of site.yaml */
    const char *root;        /* the published folder on the server; NULL: ./site, absolute */
    const char *listen;      /* a port, or ADDRESS:PORT */
    bool brotli;             /* with brotli_static */
} serverconfig_options;

/*
 * Write the configuration of opt->kind to out, or say on err what is wrong: an unknown or
 * missing kind (naming the kinds known), a content folder that does not exist, a --listen
 * that is not a port or ADDRESS:PORT, a root that is not absolute or cannot be written
 * into nginx's syntax, site.yaml's errors.
 * Returns the exit status: 0 written, 1 site.yaml has errors or out cannot be written,
 * 2 usage error.
 */
int serverconfig_run(const serverconfig_options *opt, FILE *out, FILE *err);

#endif
