/*
 * serve.h: `suture serve`, the live preview for the people who write the articles (issue 5).
 *
 * It builds the site as `suture build` does (same folder, same incremental builds, same
 * atomic swap), serves it over HTTP with libmicrohttpd, watches content/ and templates/ with
 * inotify, builds again after each save, and tells open pages to reload through
 * Server-Sent Events. While the last build failed, every page is an error page listing each
 * diagnostic; the next good build brings the pages back by themselves.
 *
 * The reload script is added only to the pages as they are served, never to the files the
 * build writes: the site folder stays exactly what `suture build` makes.
 */
#ifndef SUTURE_SERVE_H
#define SUTURE_SERVE_H

#include <stdbool.h>

#include "site.h"

/* Where the preview's own resources live on the server (no site page may use it). */
#define SERVE_PREFIX "/__suture/"

typedef struct serve_options {
    site_options build; /* what to build and where, as for `suture build` */
    const char *bind;   /* the address to listen on: "127.0.0.1" unless told otherwise */
    unsigned port;      /* 0: any free port (the address is printed) */
    unsigned debounce_ms; /* quiet time after the last change before a build */
    bool quiet;         /* print only errors and the address */
} serve_options;

/*
 * Build, serve and rebuild until SIGINT or SIGTERM; a build under way then finishes (the
 * site folder is never half written) and the server stops. Prints on stderr the address,
 * one line per build (pages and time, or the diagnostics) and nothing else. Returns 0
 * after a clean stop, or 2 (SITE_ENVIRONMENT_ERROR) when the server cannot start: the
 * address cannot be bound (in use, not local), or the folders cannot be watched; the
 * reason is printed. page_init must have been called.
 */
int serve_run(const serve_options *opt);

/*
 * The file below root that serves the request path url (already percent-decoded), or NULL
 * when none may: a ".." or "." segment, a backslash, a path that leads outside root
 * through a symbolic link, or nothing there. A folder gives its index.html; *redirect is
 * set (to url with a '/' added) when a folder is asked for without its trailing slash.
 * Returns a malloc'd path. Exposed for tests.
 */
char *serve_resolve(const char *root, const char *url, bool *redirect);

#endif
