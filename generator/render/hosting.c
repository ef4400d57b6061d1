/* hosting.c: the response-header policy and its two forms, nginx and _headers (hosting.h). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "render/assetnames.h"
#include "render/hosting.h"
#include "render/page.h"

/*
 * The Permissions-Policy: every powerful feature turned off, since neither site.js nor
 * search.js uses one (they read the page and fetch the search index, nothing else), so a
 * script that found its way in could not ask for them either. interest-cohort (FLoC) is
 * left out: current browsers no longer know it, and Chrome logs every unknown feature as a
 * console error; browsing-topics is its successor.
 */
#define S_PERMISSIONS_POLICY                                                                  \
    "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "     \
    "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), "     \
    "microphone=(), midi=(), payment=(), picture-in-picture=(), "                             \
    "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "                 \
    "xr-spatial-tracking=()"

const hosting_header hosting_security_headers[] = {
    /* The pages' own policy, and frame-ancestors, which only a header can carry: no other
     * site may show our pages in a frame (clickjacking). */
    {"Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY "; frame-ancestors 'none'"},
    /* Only has effect when received over HTTPS (browsers ignore it over plain HTTP): from
     * then on, for a year, the browser goes to this host and its subdomains over HTTPS
     * only. */
    {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", PAGE_REFERRER_POLICY},
    {"Permissions-Policy", S_PERMISSIONS_POLICY},
    /* frame-ancestors for browsers that predate it. */
    {"X-Frame-Options", "DENY"},
};
const size_t hosting_n_security_headers =
    sizeof hosting_security_headers / sizeof hosting_security_headers[0];

static const char *const S_feed_top[] = {"sitemap.xml", "robots.txt", NULL};
static const char *const S_feed_lang[] = {"feed.xml", NULL};
static const char *const S_index_lang[] = {"search-index.json", NULL};

const hosting_cache_rule hosting_cache_rules[] = {
    {
        .files = "fingerprinted style sheets and scripts (assets/NAME.HASH.css, .js)",
        .fingerprinted = true,
        .cache_control = "public, max-age=31536000, immutable",
        .why = "a changed file gets a new name, so a browser may keep one for a year and "
               "never ask again, even on reload (immutable, RFC 8246)",
    },
    {
        .files = "images (media/)",
        .folder = "media/",
        .cache_control = "public, max-age=86400",
        .why = "images keep their names: a replaced image reaches readers within a day, "
               "after which the browser asks again and gets 304 Not Modified when unchanged",
    },
    {
        .files = "feeds, sitemap and robots.txt",
        .top_files = S_feed_top,
        .language_files = S_feed_lang,
        .cache_control = "public, max-age=3600",
        .why = "feed readers and crawlers poll them: an hour spares them the same bytes on "
               "every poll, and a new article still shows within the hour",
    },
    {
        .files = "the search index (search-index.json)",
        .language_files = S_index_lang,
        .cache_control = "no-cache",
        .why = "it must agree with the pages its results link to, so it is revalidated on "
               "every visit as the pages are (a 304 without the body when unchanged)",
    },
};
const size_t hosting_n_cache_rules = sizeof hosting_cache_rules / sizeof hosting_cache_rules[0];

/* Why HTML is revalidated on each visit, for both outputs' comments. */
static const char S_pages_why[] =
    "HTML pages are revalidated on every visit (the server answers 304 Not Modified, without the "
    "page, when it has not changed): a corrected page reaches every reader at once, never "
    "an outdated medical text from a browser's cache";

/* text as comment lines of at most ~90 columns, each starting with indent and "# ". */
static void S_comment(strbuf *out, const char *indent, const char *text)
{
    const size_t width = 90 - strlen(indent);
    while (*text) {
        size_t n = strlen(text);
        if (n > width) {
            n = width;
            while (n > 0 && text[n] != ' ')
                n--;
            if (n == 0)
                n = strcspn(text, " ");
        }
        strbuf_printf(out, "%s# %.*s\n", indent, (int)n, text);
        text += n;
        while (*text == ' ')
            text++;
    }
}

/* The exact paths (from the base path) a rule's top_files and language_files name. */
static void S_rule_paths(const config *cfg, const hosting_cache_rule *r, strlist *out)
{
    for (size_t i = 0; r->top_files && r->top_files[i]; i++)
        strlist_push_owned(out, xasprintf("%s%s", cfg->base_path, r->top_files[i]));
    for (size_t l = 0; r->language_files && l < cfg->n_languages; l++)
        for (size_t i = 0; r->language_files[i]; i++)
            strlist_push_owned(out, xasprintf("%s%s", cfg->languages[l].prefix,
                                              r->language_files[i]));
}

/* ---- nginx ---- */

const char *hosting_nginx_unquotable(const char *value)
{
    for (const char *p = value; *p; p++) {
        if (*p == '"' || *p == '\\')
            return "it holds a double quote or a backslash";
        if (*p == '$')
            return "it holds a '$', which nginx would read as a variable";
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return "it holds a control character";
    }
    return NULL;
}

/* s with every character a PCRE gives a meaning escaped by a backslash. */
static void S_regex_literal(strbuf *out, const char *s)
{
    for (; *s; s++) {
        if (strchr(".^$*+?()[]{}|\\", *s))
            strbuf_putc(out, '\\');
        strbuf_putc(out, *s);
    }
}

/* The regular expression of a cache rule's location, for the site of cfg. */
static char *S_rule_regex(const config *cfg, const hosting_cache_rule *r)
{
    strbuf re = STRBUF_INIT;
    strbuf_puts(&re, "^");
    if (r->fingerprinted || r->folder) {
        S_regex_literal(&re, cfg->base_path);
        if (r->fingerprinted)
            strbuf_printf(&re, "assets/[^/]+\\.[0-9a-f]{%d}\\.(?:css|js)$",
                          ASSETNAMES_HASH_DIGITS);
        else
            S_regex_literal(&re, r->folder);
        return strbuf_detach(&re);
    }
    strlist paths = STRLIST_INIT;
    S_rule_paths(cfg, r, &paths);
    strbuf_puts(&re, "(?:");
    for (size_t i = 0; i < paths.len; i++) {
        if (i)
            strbuf_putc(&re, '|');
        S_regex_literal(&re, paths.items[i]);
    }
    strbuf_puts(&re, ")$");
    strlist_free(&paths);
    return strbuf_detach(&re);
}

/* The security headers and a Cache-Control, as add_header lines at indent. Security
 * headers go with every status ("always"), 404 included; a rule's Cache-Control only with
 * success and redirects (not always), so that a 404 is never kept for a year. */
static void S_nginx_headers(strbuf *out, const char *indent, const char *cache_control,
                            bool always)
{
    for (size_t i = 0; i < hosting_n_security_headers; i++)
        strbuf_printf(out, "%sadd_header %s \"%s\" always;\n", indent,
                      hosting_security_headers[i].name, hosting_security_headers[i].value);
    strbuf_printf(out, "%sadd_header Cache-Control \"%s\"%s;\n", indent, cache_control,
                  always ? " always" : "");
}

/* The comment at the top: the site, where it came from, how to make it again. */
static void S_nginx_preamble(strbuf *out, const config *cfg, const hosting_nginx_options *opt)
{
    strbuf_printf(out, "# nginx server block for %s (base_url in site.yaml).\n", cfg->base_url);
    strbuf_puts(out, "# Generated by suture; do not edit it, make it again after changing "
                     "site.yaml or\n# upgrading suture:\n");
    strbuf_printf(out, "#     %s\n", opt->command);
    S_comment(out, "",
              "Put it in nginx's http block (Debian: a file in /etc/nginx/sites-enabled/), "
              "then run nginx -t and reload nginx. It serves plain HTTP on the listen "
              "address; for HTTPS add listen 443 ssl and the certificate lines (certbot "
              "--nginx does). Strict-Transport-Security only has effect over HTTPS: "
              "browsers ignore it on a plain HTTP response.");
}

/* The server-wide directives: listen, name, root, index, charset, compression, 404. */
static void S_nginx_server(strbuf *out, const config *cfg, const hosting_nginx_options *opt)
{
    /* base_url's host, without port: "clinic.example", "[2001:db8::1]". */
    const char *host = strstr(cfg->base_url, "://") + 3;
    size_t host_len = host[0] == '[' ? strcspn(host, "]") + 1 : strcspn(host, "/:");
    strbuf_printf(out, "server {\n    listen %s;\n    server_name %.*s;\n", opt->listen,
                  (int)host_len, host);
    if (!strcmp(cfg->base_path, "/"))
        strbuf_printf(out, "    root \"%s\";\n", opt->root);
    strbuf_puts(out, "    index index.html;\n    charset utf-8;\n"
                     "    charset_types text/css application/javascript application/json "
                     "application/xml text/xml application/atom+xml text/plain "
                     "image/svg+xml;\n    server_tokens off;\n\n");
    S_comment(out, "    ",
              "suture build writes a .gz (and a .br) beside each text file when it is "
              "smaller: nginx sends it as it is to a browser that accepts it, without "
              "compressing on every request, so gzip on is not needed. gzip_vary adds "
              "Vary: Accept-Encoding, so that caches keep both forms apart.");
    strbuf_puts(out, "    gzip_static on;\n    gzip_vary on;\n");
    if (opt->brotli) {
        S_comment(out, "    ",
                  "brotli_static needs nginx's brotli module (Debian: apt-get install "
                  "libnginx-mod-http-brotli-static). Without it nginx -t fails with "
                  "'unknown directive \"brotli_static\"': install it, or make this file "
                  "again with --no-brotli (browsers then get the .gz files).");
        strbuf_puts(out, "    brotli_static on;\n");
    }
    strbuf_puts(out, "\n");
    S_comment(out, "    ",
              "One 404 page for every language: it carries each language's text, the "
              "site's default language first (the other languages' pages are under their "
              "folders, such as /en/).");
    strbuf_printf(out, "    error_page 404 %s404.html;\n\n", cfg->base_path);
}

char *hosting_nginx(const config *cfg, const hosting_nginx_options *opt)
{
    strbuf out = STRBUF_INIT;
    S_nginx_preamble(&out, cfg, opt);
    S_nginx_server(&out, cfg, opt);
    bool at_root = !strcmp(cfg->base_path, "/");
    if (!at_root) {
        strbuf_puts(&out, "    # The site lives below its base path; nothing is served "
                          "outside it.\n    location / {\n        return 404;\n    }\n\n");
        strbuf_printf(&out, "    location ^~ %s {\n        alias \"%s%s\";\n", cfg->base_path,
                      opt->root, str_ends_with(opt->root, "/") ? "" : "/");
    } else {
        strbuf_puts(&out, "    location / {\n");
    }
    strbuf_puts(&out, "        try_files $uri $uri/ =404;\n\n");
    S_comment(&out, "        ",
              "Every response carries the security headers. An add_header in a location "
              "replaces all those it would inherit, so each location below repeats them.");
    S_comment(&out, "        ", S_pages_why);
    S_nginx_headers(&out, "        ", HOSTING_PAGES_CACHE_CONTROL, true);
    strbuf_puts(&out, "\n");
    S_comment(&out, "        ",
              "Names starting with a dot are suture's own (.suture/, the record of the last "
              "build), not the site's.");
    strbuf_puts(&out, "        location ~ \"/\\.\" {\n            return 404;\n        }\n");
    for (size_t i = 0; i < hosting_n_cache_rules; i++) {
        const hosting_cache_rule *r = &hosting_cache_rules[i];
        char *re = S_rule_regex(cfg, r);
        strbuf_puts(&out, "\n");
        S_comment(&out, "        ", r->files);
        S_comment(&out, "        ", r->why);
        strbuf_printf(&out, "        location ~ \"%s\" {\n", re);
        S_nginx_headers(&out, "            ", r->cache_control, false);
        strbuf_puts(&out, "        }\n");
        free(re);
    }
    strbuf_puts(&out, "    }\n}\n");
    return strbuf_detach(&out);
}

/* ---- _headers ---- */

char *hosting_headers_file(const config *cfg, const char *const *fingerprinted, size_t n,
                           size_t *len)
{
    strbuf out = STRBUF_INIT;
    strbuf_printf(&out, "# Response headers for %s (base_url in site.yaml),\n", cfg->base_url);
    strbuf_puts(&out, "# in the _headers format of Netlify and Cloudflare Pages. Written by "
                      "suture build\n# at each build: change site.yaml or suture, not this "
                      "file. For nginx:\n# suture server-config nginx.\n#\n");
    S_comment(&out, "", S_pages_why);
    S_comment(&out, "",
              "HTML pages, and the files no rule below names, get no Cache-Control here: "
              "both hosts then send 'public, max-age=0, must-revalidate', which has that "
              "effect. A rule for every path would not do: where several rules match one "
              "path, the hosts join their values of a header into one.");
    strbuf_printf(&out, "\n%s*\n", cfg->base_path);
    for (size_t i = 0; i < hosting_n_security_headers; i++)
        strbuf_printf(&out, "  %s: %s\n", hosting_security_headers[i].name,
                      hosting_security_headers[i].value);
    for (size_t i = 0; i < hosting_n_cache_rules; i++) {
        const hosting_cache_rule *r = &hosting_cache_rules[i];
        strlist paths = STRLIST_INIT;
        if (r->fingerprinted)
            for (size_t k = 0; k < n; k++)
                strlist_push_owned(&paths, xasprintf("%s%s", cfg->base_path,
                                                     fingerprinted[k]));
        else if (r->folder)
            strlist_push_owned(&paths, xasprintf("%s%s*", cfg->base_path, r->folder));
        else
            S_rule_paths(cfg, r, &paths);
        strbuf_puts(&out, "\n");
        S_comment(&out, "", r->files);
        S_comment(&out, "", r->why);
        for (size_t k = 0; k < paths.len; k++)
            strbuf_printf(&out, "%s\n  Cache-Control: %s\n", paths.items[k], r->cache_control);
        strlist_free(&paths);
    }
    *len = out.len;
    return strbuf_detach(&out);
}
