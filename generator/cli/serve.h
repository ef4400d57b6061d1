/*
 * serve.h: `suture serve`, the live preview for the people who write the articles (issue 5).
 *
 * It builds the site as `suture build` does (same folder, same incremental builds, same
 * atomic swap), serves it over HTTP with libmicrohttpd, watches content/ and templates/ with
 * inotify, builds again after each save, and tells open pages to reload through
 * Server-Sent Events. The content is linted as `suture build` lints it (lintbuild.h); the
 * preview is built even when only the lint found errors, and each flagged phrase is marked
 * on its page (serveoverlay.h). While the last build failed, every page is an error page
 * listing each diagnostic, compliance errors among them; the next good build brings the
 * pages back by themselves.
 *
 * The reload script is added only to the pages as they are served, never to the files the
 * build writes: the site folder stays exactly what `suture build` makes.
 *
 * The address is bound before the first build (servegate.h screens each connection's first
 * request); only Host names of this computer are answered (serve_host_allowed); watches
 * follow content/ and templates/ when they are replaced (servewatch.h); connections are kept
 * alive, and an event stream whose page has closed is freed within a quarter of a second
 * (issue 14).
 */
#ifndef SUTURE_SERVE_H
#define SUTURE_SERVE_H

#include <stdbool.h>

#include "build/site.h"

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
 * Bind the address, then build, serve and rebuild until SIGINT or SIGTERM; a build under
 * way then finishes (the site folder is never half written) and the server stops. Prints
 * on stderr the address, one line per build (pages and time, or the diagnostics), a line
 * when a watched folder was replaced, and nothing else. Returns 0 after a clean stop, or 2
 * (SITE_ENVIRONMENT_ERROR) when the server cannot start: the address cannot be bound (in
 * use, not local; said before any build), or inotify cannot be used; the reason is
 * printed. page_init must have been called.
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

/*
 * Whether a request with this Host header (NULL: none, as HTTP/1.0 allows) may be answered
 * by a preview bound to the numeric address bind on port. Allowed: localhost, 127.0.0.1,
 * [::1] and the bound address itself, and, when bound to every address (0.0.0.0 or ::),
 * any IP address of the same family; each with ":port" (or no port when port is 80). Any
 * other name is refused (the server answers 421): a web page the writer visits could
 * otherwise read the preview, drafts included, by pointing its own name at 127.0.0.1 (DNS
 * rebinding), the attack webpack-dev-server's and Vite's host checks stop.
 */
bool serve_host_allowed(const char *host, const char *bind, unsigned port);

#endif
