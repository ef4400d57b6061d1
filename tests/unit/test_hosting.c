/*
 * test_hosting.c: unit tests for hosting.h, the response-header policy and its two forms:
 * the nginx server block and the _headers file of Netlify and Cloudflare Pages.
 *
 * Two sites: one in Korean at the root with English under /en/, one in English below the
 * base path /kb/. The nginx text is read back line by line: each header line exactly,
 * every location that sets a header repeating all the security headers (nginx drops the
 * inherited ones as soon as a location adds its own), and the regular expression of the
 * immutable rule run with PCRE2 against names that are and are not fingerprinted.
 */
#include "testutil.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "content/config.h"
#include "render/hosting.h"
#include "render/page.h"

#define STR(s) ((char[]){s})

static config_language S_two[] = {
    {.code = STR("ko"), .name = STR("한국어"), .prefix = STR("/")},
    {.code = STR("en"), .name = STR("English"), .prefix = STR("/en/")},
};
static config S_bilingual = {
    .base_url = STR("https://clinic.example/"),
    .base_path = STR("/"),
    .languages = S_two,
    .n_languages = 2,
    .multilingual = true,
};

static config_language S_one[] = {{.code = STR("en"), .name = STR("English"),
                                   .prefix = STR("/kb/")}};
static config S_below = {
    .base_url = STR("https://example.org/kb/"),
    .base_path = STR("/kb/"),
    .languages = S_one,
    .n_languages = 1,
};

static const hosting_nginx_options S_opt = {
    .root = "/srv/site",
    .listen = "80",
    .brotli = true,
    .command = "suture server-config nginx --root /srv/site",
};

/* Whether text has line as one of its lines, exactly (leading spaces included). */
static bool S_has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)) != NULL; p++)
        if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
            return true;
    return false;
}

/* How many times needle occurs in text. */
static size_t S_occurrences(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void test_nginx_server_lines(void **state)
{
    (void)state;
    char *text = hosting_nginx(&S_bilingual, &S_opt);
    assert_true(S_has_line(text, "    listen 80;"));
    assert_true(S_has_line(text, "    server_name clinic.example;"));
    assert_true(S_has_line(text, "    root \"/srv/site\";"));
    assert_true(S_has_line(text, "    index index.html;"));
    assert_true(S_has_line(text, "    charset utf-8;"));
    assert_true(S_has_line(text, "    gzip_static on;"));
    assert_true(S_has_line(text, "    brotli_static on;"));
    assert_true(S_has_line(text, "    error_page 404 /404.html;"));
    assert_true(S_has_line(text, "        try_files $uri $uri/ =404;"));
    assert_true(S_has_line(text, "    location / {"));
    assert_null(strstr(text, "alias"));
    assert_null(strstr(text, "gzip on;"));
    /* The header comment names the site and how to make the file again. */
    assert_non_null(strstr(text, "https://clinic.example/"));
    assert_non_null(strstr(text, "#     suture server-config nginx --root /srv/site\n"));
    /* The comment about HSTS, its lines joined. */
    strbuf joined = STRBUF_INIT;
    for (const char *p = text; *p; p++) {
        if (p[0] == '\n' && p[1] == '#' && p[2] == ' ') {
            strbuf_putc(&joined, ' ');
            p += 2;
        } else {
            strbuf_putc(&joined, *p);
        }
    }
    assert_non_null(strstr(strbuf_str(&joined), "Strict-Transport-Security only has effect "
                                                 "over HTTPS"));
    strbuf_free(&joined);
    free(text);
}

static void test_nginx_header_values(void **state)
{
    (void)state;
    char *text = hosting_nginx(&S_bilingual, &S_opt);
    assert_true(S_has_line(text, "        add_header Content-Security-Policy \"default-src "
                                 "'self'; object-src 'none'; base-uri 'none'; form-action "
                                 "'self'; frame-ancestors 'none'\" always;"));
    assert_true(S_has_line(text, "        add_header Strict-Transport-Security "
                                 "\"max-age=31536000; includeSubDomains\" always;"));
    assert_true(S_has_line(text, "        add_header X-Content-Type-Options \"nosniff\" "
                                 "always;"));
    assert_true(S_has_line(text, "        add_header Referrer-Policy "
                                 "\"strict-origin-when-cross-origin\" always;"));
    assert_true(S_has_line(text, "        add_header X-Frame-Options \"DENY\" always;"));
    assert_true(S_has_line(text, "        add_header Cache-Control \"no-cache\" always;"));
    assert_true(S_has_line(text, "            add_header Cache-Control \"public, "
                                 "max-age=31536000, immutable\";"));
    /* The pages' own policy is where the header's comes from. */
    assert_non_null(strstr(text, PAGE_CONTENT_SECURITY_POLICY "; frame-ancestors 'none'"));
    const char *pp = strstr(text, "add_header Permissions-Policy \"");
    assert_non_null(pp);
    const char *end = strchr(pp, '\n');
    char *line = xstrndup(pp, (size_t)(end - pp));
    const char *off[] = {"camera=()", "microphone=()", "geolocation=()", "payment=()",
                         "usb=()", "browsing-topics=()"};
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++)
        assert_non_null(strstr(line, off[i]));
    free(line);
    /* Each language's feed and search index, below its folder. */
    assert_non_null(strstr(text, "/en/feed\\.xml"));
    assert_non_null(strstr(text, "/en/search-index\\.json"));
    free(text);
}

/* The security headers one nginx block sets, found so far. */
typedef struct {
    unsigned line;
    size_t cache_control;
    size_t security[16];
} S_block;

/* Check that a block that adds any header adds every security header once, always. */
static void S_check_block(const S_block *b)
{
    size_t any = b->cache_control;
    for (size_t i = 0; i < hosting_n_security_headers; i++)
        any += b->security[i];
    if (!any)
        return;
    for (size_t i = 0; i < hosting_n_security_headers; i++)
        if (b->security[i] != 1)
            fail_msg("the block opened at line %u sets %s %zu times", b->line,
                     hosting_security_headers[i].name, b->security[i]);
    if (b->cache_control != 1)
        fail_msg("the block opened at line %u sets Cache-Control %zu times", b->line,
                 b->cache_control);
}

/* Count an add_header line into the block it is in. */
static void S_count_header(S_block *b, const char *line, unsigned no)
{
    const char *name = strstr(line, "add_header ") + strlen("add_header ");
    if (!strncmp(name, "Cache-Control ", 14)) {
        b->cache_control++;
        return;
    }
    for (size_t i = 0; i < hosting_n_security_headers; i++) {
        size_t n = strlen(hosting_security_headers[i].name);
        if (!strncmp(name, hosting_security_headers[i].name, n) && name[n] == ' ') {
            if (!strstr(line, "\" always;"))
                fail_msg("line %u: a security header without 'always' is left out of "
                         "404 responses: %s", no, line);
            b->security[i]++;
            return;
        }
    }
    fail_msg("line %u: a header of no policy: %s", no, line);
}

/* Every location of the nginx text for cfg that sets headers sets them all. */
static size_t S_check_locations(const config *cfg)
{
    char *text = hosting_nginx(cfg, &S_opt);
    S_block stack[8];
    size_t depth = 0, with_headers = 0;
    unsigned no = 0;
    for (char *save = NULL, *line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        no++;
        if (line[strspn(line, " ")] == '#')
            continue;
        size_t len = strlen(line);
        if (len && line[len - 1] == '{') {
            assert_true(depth < 8);
            stack[depth++] = (S_block){.line = no};
        } else if (!strcmp(line + strspn(line, " "), "}")) {
            assert_true(depth > 0);
            S_block *b = &stack[--depth];
            S_check_block(b);
            with_headers += b->cache_control;
        } else if (strstr(line, "add_header ")) {
            assert_true(depth > 0);
            S_count_header(&stack[depth - 1], line, no);
        }
    }
    assert_int_equal(depth, 0);
    free(text);
    return with_headers;
}

static void test_nginx_every_location_repeats_security(void **state)
{
    (void)state;
    /* The site's location and one per cache rule. */
    assert_int_equal(S_check_locations(&S_bilingual), hosting_n_cache_rules + 1);
    assert_int_equal(S_check_locations(&S_below), hosting_n_cache_rules + 1);
}

/* The regular expression of the location whose Cache-Control is immutable. */
static char *S_immutable_regex(const char *text)
{
    const char *cc = strstr(text, "immutable\";");
    assert_non_null(cc);
    const char *loc = NULL;
    for (const char *p = text; (p = strstr(p, "location ~ \"")) && p < cc; p++)
        loc = p;
    assert_non_null(loc);
    loc += strlen("location ~ \"");
    return xstrndup(loc, strcspn(loc, "\""));
}

static bool S_matches(pcre2_code *re, const char *path)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)path, strlen(path), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}

static void test_nginx_immutable_only_fingerprinted(void **state)
{
    (void)state;
    char *text = hosting_nginx(&S_below, &S_opt);
    char *pattern = S_immutable_regex(text);
    int err;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, 0, &err, &at,
                                   NULL);
    assert_non_null(re);
    assert_true(S_matches(re, "/kb/assets/site.3f9a0c12d4e5.css"));
    assert_true(S_matches(re, "/kb/assets/search.0123456789ab.js"));
    assert_false(S_matches(re, "/kb/assets/site.css"));
    assert_false(S_matches(re, "/kb/assets/search.js"));
    assert_false(S_matches(re, "/kb/assets/site.3f9a0c12d4e.css"));   /* 11 digits */
    assert_false(S_matches(re, "/kb/assets/site.3f9a0c12d4e5f.css")); /* 13 */
    assert_false(S_matches(re, "/kb/assets/site.3f9a0c12d4g5.css"));  /* not hex */
    assert_false(S_matches(re, "/kb/assets/favicon.svg"));
    assert_false(S_matches(re, "/kb/media/chart.3f9a0c12d4e5.css"));
    assert_false(S_matches(re, "/assets/site.3f9a0c12d4e5.css"));     /* outside /kb/ */
    assert_false(S_matches(re, "/kb/assets/x/site.3f9a0c12d4e5.css"));
    pcre2_code_free(re);
    free(pattern);
    free(text);
}

static void test_nginx_below_base_path(void **state)
{
    (void)state;
    char *text = hosting_nginx(&S_below, &S_opt);
    assert_true(S_has_line(text, "    location ^~ /kb/ {"));
    assert_true(S_has_line(text, "        alias \"/srv/site/\";"));
    assert_true(S_has_line(text, "    error_page 404 /kb/404.html;"));
    assert_true(S_has_line(text, "        return 404;"));
    assert_null(strstr(text, "    root "));
    free(text);
}

static void test_nginx_without_brotli(void **state)
{
    (void)state;
    hosting_nginx_options o = S_opt;
    o.brotli = false;
    o.listen = "127.0.0.1:8080";
    char *text = hosting_nginx(&S_bilingual, &o);
    assert_null(strstr(text, "brotli_static"));
    assert_true(S_has_line(text, "    gzip_static on;"));
    assert_true(S_has_line(text, "    listen 127.0.0.1:8080;"));
    free(text);
}

/* The server name is base_url's host, without its port, an IPv6 address in brackets. */
static void test_nginx_server_name(void **state)
{
    (void)state;
    config cfg = S_bilingual;
    cfg.base_url = STR("https://clinic.example:8443/");
    char *text = hosting_nginx(&cfg, &S_opt);
    assert_true(S_has_line(text, "    server_name clinic.example;"));
    free(text);
    cfg.base_url = STR("https://[2001:db8::1]:8443/");
    text = hosting_nginx(&cfg, &S_opt);
    assert_true(S_has_line(text, "    server_name [2001:db8::1];"));
    free(text);
}

static void test_nginx_unquotable(void **state)
{
    (void)state;
    assert_null(hosting_nginx_unquotable("/srv/my site/kb"));
    assert_non_null(hosting_nginx_unquotable("/srv/$site"));
    assert_non_null(hosting_nginx_unquotable("/srv/\"site\""));
    assert_non_null(hosting_nginx_unquotable("/srv/a\\b"));
    assert_non_null(hosting_nginx_unquotable("/srv/a\nb"));
}

static const char *const S_assets[] = {"assets/search.0123456789ab.js",
                                       "assets/site.3f9a0c12d4e5.css"};

static void test_headers_file(void **state)
{
    (void)state;
    size_t len;
    char *text = hosting_headers_file(&S_bilingual, S_assets, 2, &len);
    assert_int_equal(len, strlen(text));
    const char *expected[] = {
        "/*",
        "  Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'",
        "  Strict-Transport-Security: max-age=31536000; includeSubDomains",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Frame-Options: DENY",
        "/assets/search.0123456789ab.js",
        "/assets/site.3f9a0c12d4e5.css",
        "  Cache-Control: public, max-age=31536000, immutable",
        "/media/*",
        "  Cache-Control: public, max-age=86400",
        "/feed.xml",
        "/en/feed.xml",
        "/sitemap.xml",
        "/robots.txt",
        "  Cache-Control: public, max-age=3600",
        "/search-index.json",
        "/en/search-index.json",
        "  Cache-Control: no-cache",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        if (!S_has_line(text, expected[i]))
            fail_msg("no line '%s' in:\n%s", expected[i], text);
    /* The immutable rule names the fingerprinted files one by one, nothing else. */
    assert_int_equal(S_occurrences(text, "Cache-Control: public, max-age=31536000, immutable"),
                     2);
    assert_null(strstr(text, "/assets/*"));
    /* Each path has its own Cache-Control line: no two rules match one path. Paths are the
     * lines starting with '/', and one of them (all paths) carries the security headers. */
    size_t paths = 0;
    for (const char *p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        paths += *p == '/';
    assert_int_equal(S_occurrences(text, "  Cache-Control: "), paths - 1);
    assert_int_equal(S_occurrences(text, "Content-Security-Policy"), 1);
    free(text);
}

static void test_headers_file_below_base_path(void **state)
{
    (void)state;
    size_t len;
    char *text = hosting_headers_file(&S_below, S_assets, 2, &len);
    assert_true(S_has_line(text, "/kb/*"));
    assert_true(S_has_line(text, "/kb/assets/site.3f9a0c12d4e5.css"));
    assert_true(S_has_line(text, "/kb/media/*"));
    assert_true(S_has_line(text, "/kb/feed.xml"));
    assert_true(S_has_line(text, "/kb/search-index.json"));
    assert_false(S_has_line(text, "/*"));
    assert_non_null(strstr(text, "https://example.org/kb/"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nginx_server_lines),
        cmocka_unit_test(test_nginx_header_values),
        cmocka_unit_test(test_nginx_every_location_repeats_security),
        cmocka_unit_test(test_nginx_immutable_only_fingerprinted),
        cmocka_unit_test(test_nginx_below_base_path),
        cmocka_unit_test(test_nginx_without_brotli),
        cmocka_unit_test(test_nginx_server_name),
        cmocka_unit_test(test_nginx_unquotable),
        cmocka_unit_test(test_headers_file),
        cmocka_unit_test(test_headers_file_below_base_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
