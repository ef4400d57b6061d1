/*
 * hosting.h: the response headers the published site is served with (issue 20,
 * "Publishing"), written once and turned into the two forms a web host reads:
 *
 *   - an nginx server block (`suture server-config nginx`, hosting_nginx);
 *   - _headers, the file Netlify and Cloudflare Pages read at the root of the published
 *     folder (written by `suture build`, hosting_headers_file).
 *
 * The policy has two parts. The security headers (hosting_security_headers) go with every
 * response: the pages' Content-Security-Policy (render/page.h, also a <meta> in every page)
 * with frame-ancestors 'none', which a <meta> cannot carry; HSTS; nosniff; the referrer
 * policy; a Permissions-Policy that turns off what the site never uses; X-Frame-Options for
 * browsers older than frame-ancestors. The cache rules (hosting_cache_rules) say how long a
 * browser may keep each kind of file; HTML pages, and every file no rule names, are
 * revalidated on each visit (HOSTING_PAGES_CACHE_CONTROL).
 *
 * Paths are those of the site's addresses: base_path (site.yaml's base_url) first, so a
 * site published at https://clinic.example/kb/ gets rules for /kb/assets/..., and each
 * language's files below its own prefix (/kb/en/feed.xml).
 */
#ifndef SUTURE_HOSTING_H
#define SUTURE_HOSTING_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"
#include "content/config.h"

/* One response header: its name and value. */
typedef struct hosting_header {
    const char *name;
    const char *value;
} hosting_header;

/* The security headers every response carries, in the order both outputs write them. */
extern const hosting_header hosting_security_headers[];
extern const size_t hosting_n_security_headers;

/* The Cache-Control of HTML pages and of every file no cache rule names. */
#define HOSTING_PAGES_CACHE_CONTROL "no-cache"

/*
 * A cache rule: which files, described as both outputs need them, and their Cache-Control.
 * A rule names its files by one of: fingerprinted (assets/<name>.<12 hex digits>.css|js,
 * render/assetnames.h), a folder below the base path (every file in it), files at the top
 * of the site, or files at the top of every language's folder.
 */
typedef struct hosting_cache_rule {
    const char *files;            /* what the rule is for, in words, for the comments */
    bool fingerprinted;           /* the style sheets and scripts with a hash in the name */
    const char *folder;           /* "media/": every file below it; or NULL */
    const char *const *top_files; /* file names at the base path; NULL-terminated, or NULL */
    const char *const *language_files; /* below each language's prefix; or NULL */
    const char *cache_control;
    const char *why;              /* the reason, a comment in both outputs */
} hosting_cache_rule;

extern const hosting_cache_rule hosting_cache_rules[];
extern const size_t hosting_n_cache_rules;

/* How the nginx server block is made. */
typedef struct hosting_nginx_options {
    const char *root;   /* the absolute path of the published folder on the server */
    const char *listen; /* the listen directive's value: "80", "127.0.0.1:8080" */
    bool brotli;        /* write brotli_static on (needs the nginx brotli module) */
    const char *command; /* the command that regenerates it, for the header comment */
} hosting_nginx_options;

/*
 * Why value cannot be written into an nginx configuration as a quoted string (it holds a
 * double quote, a backslash, a '$' that nginx would read as a variable, or a control
 * character), for the user; NULL when it can.
 */
const char *hosting_nginx_unquotable(const char *value);

/*
 * The nginx server block for the site of cfg (base_url, languages), served from opt->root:
 * listen, root (alias below a base path), index, charset, gzip_static and brotli_static,
 * error_page 404, try_files, the security headers and the cache rules as nested locations,
 * each repeating the security headers (an add_header in a location replaces every one it
 * would inherit). opt->root must pass hosting_nginx_unquotable. Returns a malloc'd string.
 */
char *hosting_nginx(const config *cfg, const hosting_nginx_options *opt);

/*
 * The _headers file for the site of cfg: the security headers for every address below the
 * base path, then each cache rule's paths. fingerprinted lists the fingerprinted files the
 * build published, as paths in the site ("assets/site.3f9a0c12d4e5.css"); each gets its own
 * line, since the format cannot match "12 hexadecimal digits". HTML pages get no rule: both
 * hosts revalidate every file no rule names (see the file's comment). Returns a malloc'd
 * string, its length in *len.
 */
char *hosting_headers_file(const config *cfg, const char *const *fingerprinted, size_t n,
                           size_t *len);

#endif
