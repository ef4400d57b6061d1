/* serve.c: the live preview server (see serve.h). */
#define _GNU_SOURCE
#include "cli/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libxml/HTMLtree.h>
#include <limits.h>
#include <microhttpd.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/str.h"
#include "cli/lintbuild.h"
#include "cli/servegate.h"
#include "cli/serveoverlay.h"
#include "cli/servewatch.h"
#include "content/config.h"

/* How long an idle event stream waits before a keep-alive comment, in seconds. */
#define SSE_KEEPALIVE_S 15
/* How often an event stream looks whether its page has gone away, in milliseconds. */
#define SSE_HANGUP_CHECK_MS 250
/* How long a kept-alive connection may sit idle, in seconds (an event stream never does). */
#define IDLE_TIMEOUT_S 30
/* Connections served at once, each on its own thread; more are closed as they come. */
#define MAX_CONNECTIONS 256

/* The script added to every served page: reload when the server says the site changed. */
static const char S_reload_js[] =
    "// suture serve: reload this page when the site has been built again.\n"
    "new EventSource('" SERVE_PREFIX "events').onmessage = function () {\n"
    "  location.reload();\n"
    "};\n";

static const char S_script_tag[] = "<script src=\"" SERVE_PREFIX "reload.js\"></script>";

/* What the server threads share with the thread that builds. */
typedef struct {
    const serve_options *opt;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    uint64_t generation; /* counts builds; event streams wait for it to move */
    bool stopping;
    char *base_path;     /* the site's base path, "/" or "/kb/" (site.yaml base_url) */
    char *root;          /* the output folder, resolved */
    strlist errors;      /* the failed build's diagnostics, formatted; empty after a good one */
    serve_overlay *overlay; /* the last build's compliance findings, shown on their pages */
    unsigned port;       /* the port listened on */
} S_state;

/* ---- files ---- */

char *serve_resolve(const char *root, const char *url, bool *redirect)
{
    *redirect = false;
    if (url[0] != '/' || strchr(url, '\\'))
        return NULL;
    /* No "." or ".." segment, before anything touches the file system. */
    for (const char *seg = url + 1; *seg;) {
        size_t n = strcspn(seg, "/");
        if ((n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
            return NULL;
        seg += n;
        if (*seg == '/')
            seg++;
    }
    char *path = path_join(root, url + 1);
    char real_root[PATH_MAX], real[PATH_MAX];
    if (!realpath(root, real_root) || !realpath(path, real)) {
        free(path);
        return NULL;
    }
    size_t rl = strlen(real_root);
    /* Inside the root, even through symbolic links. */
    if (strncmp(real, real_root, rl) != 0 || (real[rl] != '\0' && real[rl] != '/')) {
        free(path);
        return NULL;
    }
    struct stat st;
    if (stat(real, &st) < 0) {
        free(path);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        free(path);
        if (!str_ends_with(url, "/")) {
            *redirect = true;
            return NULL;
        }
        char *index = path_join(real, "index.html");
        if (!path_is_file(index)) {
            free(index);
            return NULL;
        }
        return index;
    }
    free(path);
    return S_ISREG(st.st_mode) ? xstrdup(real) : NULL;
}

/* The Content-Type for a file name. */
static const char *S_content_type(const char *path)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"}, {".json", "application/json"},
        {".jsonl", "text/plain; charset=utf-8"}, {".svg", "image/svg+xml"},
        {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
        {".webp", "image/webp"}, {".gif", "image/gif"}, {".avif", "image/avif"},
        {".ico", "image/x-icon"}, {".woff2", "font/woff2"}, {".pdf", "application/pdf"},
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (str_ends_with(path, types[i][0]))
            return types[i][1];
    return "application/octet-stream";
}

/* ---- responses ---- */

static enum MHD_Result S_send(struct MHD_Connection *c, unsigned status,
                              struct MHD_Response *r, const char *type)
{
    if (!r)
        return MHD_NO;
    if (type)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    /* A preview is always fresh. */
    MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result S_send_text(struct MHD_Connection *c, unsigned status, const char *text)
{
    struct MHD_Response *r =
        MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY);
    return S_send(c, status, r, "text/plain; charset=utf-8");
}

/*
 * A page as served: the file's bytes with the reload script before its last </body>; with
 * the compliance findings of the page at url marked, when it has any (serveoverlay.h).
 */
static enum MHD_Result S_send_page(struct MHD_Connection *c, unsigned status, const char *path,
                                   const serve_overlay *ov, const char *url)
{
    size_t len;
    char *html = file_read(path, &len);
    if (!html)
        return S_send_text(c, MHD_HTTP_NOT_FOUND, "Not found\n");
    size_t marked_len;
    char *marked = serve_overlay_page(ov, url, html, len, SERVE_PREFIX "reload.js", &marked_len);
    if (marked) {
        free(html);
        return S_send(c, status,
                      MHD_create_response_from_buffer(marked_len, marked, MHD_RESPMEM_MUST_FREE),
                      "text/html; charset=utf-8");
    }
    char *at = NULL;
    for (char *p = strstr(html, "</body>"); p; p = strstr(p + 1, "</body>"))
        at = p;
    size_t cut = at ? (size_t)(at - html) : len;
    strbuf b = STRBUF_INIT;
    strbuf_append(&b, html, cut);
    strbuf_puts(&b, S_script_tag);
    strbuf_append(&b, html + cut, len - cut);
    free(html);
    size_t out_len = b.len;
    char *out = strbuf_detach(&b);
    struct MHD_Response *r = MHD_create_response_from_buffer(out_len, out, MHD_RESPMEM_MUST_FREE);
    return S_send(c, status, r, "text/html; charset=utf-8");
}

/* The error page of a failed build: every diagnostic, built as an HTML tree. */
static char *S_error_page(const strlist *errors, size_t *len)
{
    htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
    xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
    xmlDocSetRootElement(doc, html);
    xmlNewProp(html, BAD_CAST "lang", BAD_CAST "en");
    xmlNodePtr head = xmlNewChild(html, NULL, BAD_CAST "head", NULL);
    xmlNewProp(xmlNewChild(head, NULL, BAD_CAST "meta", NULL), BAD_CAST "charset", BAD_CAST "utf-8");
    xmlNodePtr viewport = xmlNewChild(head, NULL, BAD_CAST "meta", NULL);
    xmlNewProp(viewport, BAD_CAST "name", BAD_CAST "viewport");
    xmlNewProp(viewport, BAD_CAST "content", BAD_CAST "width=device-width, initial-scale=1");
    xmlNewTextChild(head, NULL, BAD_CAST "title", BAD_CAST "The site could not be built");
    xmlNewTextChild(head, NULL, BAD_CAST "style",
                    BAD_CAST "body{font:1rem/1.5 system-ui,sans-serif;margin:1rem auto;"
                             "max-width:50rem;padding:0 1rem;color:#1b1b1b}"
                             "h1{color:#8a1c1c}li{margin:.75rem 0}"
                             "code{display:block;font-weight:bold;overflow-wrap:anywhere}");
    xmlNodePtr body = xmlNewChild(html, NULL, BAD_CAST "body", NULL);
    xmlNodePtr main_el = xmlNewChild(body, NULL, BAD_CAST "main", NULL);
    xmlNewTextChild(main_el, NULL, BAD_CAST "h1", BAD_CAST "The site could not be built");
    xmlNewTextChild(main_el, NULL, BAD_CAST "p",
                    BAD_CAST "Fix what is listed below and save the file. This page reloads "
                             "by itself when the site builds again.");
    xmlNodePtr list = xmlNewChild(main_el, NULL, BAD_CAST "ol", NULL);
    for (size_t i = 0; i < errors->len; i++) {
        const char *line = errors->items[i];
        xmlNodePtr li = xmlNewChild(list, NULL, BAD_CAST "li", NULL);
        /* "file:line:column: severity: message [rule]": the place apart from the words. */
        const char *sep = strstr(line, ": error: ");
        if (!sep)
            sep = strstr(line, ": warning: ");
        if (sep) {
            char *where = xstrndup(line, (size_t)(sep - line));
            xmlNewTextChild(li, NULL, BAD_CAST "code", BAD_CAST where);
            free(where);
            xmlAddChild(li, xmlNewText(BAD_CAST(sep + 2)));
        } else {
            xmlAddChild(li, xmlNewText(BAD_CAST line));
        }
    }
    xmlNodePtr script = xmlNewChild(body, NULL, BAD_CAST "script", NULL);
    xmlNewProp(script, BAD_CAST "src", BAD_CAST SERVE_PREFIX "reload.js");
    xmlChar *out = NULL;
    int n = 0;
    htmlDocDumpMemoryFormat(doc, &out, &n, 0);
    xmlFreeDoc(doc);
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "<!DOCTYPE html>\n");
    if (out) {
        strbuf_append(&b, (const char *)out, (size_t)n);
        xmlFree(out);
    }
    *len = b.len;
    return strbuf_detach(&b);
}

/* The event stream of one open page: a "reload" message after each build. */
typedef struct {
    S_state *s;
    uint64_t seen;
    int fd; /* the connection's socket, to see the page go away; -1 when unknown */
} S_stream;

/* True when the peer of fd has closed its side or the connection failed. */
static bool S_hung_up(int fd)
{
    if (fd < 0)
        return false;
    struct pollfd p = {.fd = fd, .events = POLLRDHUP};
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL));
}

/*
 * The next bytes of an event stream: waits for a build, a keep-alive time, the server's
 * stop, or the page going away (looked at every SSE_HANGUP_CHECK_MS, so that a closed tab
 * frees its thread and socket at once rather than at the next write).
 */
static ssize_t S_stream_next(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    S_stream *st = cls;
    S_state *s = st->s;
    struct timespec now, keepalive;
    clock_gettime(CLOCK_REALTIME, &keepalive);
    keepalive.tv_sec += SSE_KEEPALIVE_S;
    bool hung_up = false;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        if (s->stopping || s->generation != st->seen)
            break;
        clock_gettime(CLOCK_REALTIME, &now);
        if (now.tv_sec > keepalive.tv_sec ||
            (now.tv_sec == keepalive.tv_sec && now.tv_nsec >= keepalive.tv_nsec))
            break;
        struct timespec slice = now;
        slice.tv_nsec += SSE_HANGUP_CHECK_MS * 1000000L;
        if (slice.tv_nsec >= 1000000000L) {
            slice.tv_sec++;
            slice.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&s->changed, &s->lock, &slice);
        if (s->stopping || s->generation != st->seen)
            break;
        pthread_mutex_unlock(&s->lock);
        hung_up = S_hung_up(st->fd);
        pthread_mutex_lock(&s->lock);
        if (hung_up)
            break;
    }
    bool stopping = s->stopping, changed = s->generation != st->seen;
    st->seen = s->generation;
    pthread_mutex_unlock(&s->lock);
    if (hung_up)
        return MHD_CONTENT_READER_END_WITH_ERROR;
    if (stopping)
        return MHD_CONTENT_READER_END_OF_STREAM;
    const char *msg = changed ? "data: reload\n\n" : ": still here\n\n";
    size_t n = strlen(msg);
    if (n > max)
        return 0;
    memcpy(buf, msg, n);
    return (ssize_t)n;
}

static enum MHD_Result S_send_events(struct MHD_Connection *c, S_state *s, bool head)
{
    /* HEAD: the headers alone; a stream that never ends has no body to leave out. */
    if (head)
        return S_send(c, MHD_HTTP_OK,
                      MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT),
                      "text/event-stream");
    S_stream *st = xcalloc(1, sizeof *st);
    st->s = s;
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    st->fd = info ? info->connect_fd : -1;
    pthread_mutex_lock(&s->lock);
    st->seen = s->generation;
    pthread_mutex_unlock(&s->lock);
    struct MHD_Response *r =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256, S_stream_next, st, free);
    return S_send(c, MHD_HTTP_OK, r, "text/event-stream");
}

/* ---- requests ---- */

/* An IP address literal, IPv4 or IPv6 (without brackets): the bytes, or false. */
static bool S_ip(const char *text, unsigned char out[16], int *family)
{
    if (inet_pton(AF_INET, text, out) == 1) {
        *family = AF_INET;
        return true;
    }
    if (inet_pton(AF_INET6, text, out) == 1) {
        *family = AF_INET6;
        return true;
    }
    return false;
}

bool serve_host_allowed(const char *host, const char *bind, unsigned port)
{
    if (!host)
        return true; /* HTTP/1.0 without Host: no browser, so no rebinding */
    char name[256];
    const char *port_at;
    if (host[0] == '[') {
        const char *close_at = strchr(host, ']');
        if (!close_at || (size_t)(close_at - host) >= sizeof name)
            return false;
        memcpy(name, host + 1, (size_t)(close_at - host - 1));
        name[close_at - host - 1] = '\0';
        port_at = close_at + 1;
        if (!inet_pton(AF_INET6, name, (unsigned char[16]){0}))
            return false; /* only an IPv6 address goes in brackets */
    } else {
        size_t n = strcspn(host, ":");
        if (n >= sizeof name)
            return false;
        memcpy(name, host, n);
        name[n] = '\0';
        port_at = host + n;
    }
    /* The port: the one listened on; none only when that is 80, the default. */
    if (*port_at == ':') {
        char *end;
        errno = 0;
        unsigned long p = strtoul(port_at + 1, &end, 10);
        if (port_at[1] < '0' || port_at[1] > '9' || *end || errno || p != port)
            return false;
    } else if (*port_at || port != 80) {
        return false;
    }
    if (strcasecmp(name, "localhost") == 0)
        return true;
    unsigned char want[16], got[16], any[16] = {0};
    int want_family, got_family;
    if (!S_ip(name, got, &got_family))
        return false; /* a name: the way DNS rebinding comes in */
    static const unsigned char loopback6[16] = {[15] = 1};
    if ((got_family == AF_INET && got[0] == 127 && got[1] == 0 && got[2] == 0 && got[3] == 1) ||
        (got_family == AF_INET6 && memcmp(got, loopback6, 16) == 0))
        return true;
    if (!S_ip(bind, want, &want_family) || want_family != got_family)
        return false;
    size_t len = got_family == AF_INET ? 4 : 16;
    /* Bound to every address: any address of this computer may be in the Host. */
    return memcmp(want, got, len) == 0 || memcmp(want, any, len) == 0;
}

/* The marks a request carries between the calls of its handler (S_uri_seen, S_request). */
static char S_marks[4];
#define S_FRESH_OK (&S_marks[0])
#define S_FRESH_NUL (&S_marks[1])
#define S_SEEN_OK (&S_marks[2])
#define S_SEEN_NUL (&S_marks[3])

/*
 * Called with each request's target before libmicrohttpd decodes it: a %00 there would be
 * cut short by the decoding ("/index.html%00.css" served as "/index.html"), so mark the
 * request now. The mark becomes the request's *con_cls.
 */
static void *S_uri_seen(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    const char *query = strchr(uri, '?');
    size_t len = query ? (size_t)(query - uri) : strlen(uri);
    for (size_t i = 0; i + 2 < len; i++)
        if (uri[i] == '%' && uri[i + 1] == '0' && uri[i + 2] == '0')
            return S_FRESH_NUL;
    return S_FRESH_OK;
}

/* Wait until the first build has published something (requests may come during it). */
static void S_wait_first_build(S_state *s)
{
    pthread_mutex_lock(&s->lock);
    while (s->generation == 0 && !s->stopping)
        pthread_cond_wait(&s->changed, &s->lock);
    pthread_mutex_unlock(&s->lock);
}

/* A site file, a page, the error page or a redirect for a GET or HEAD of url. */
static enum MHD_Result S_serve_site(struct MHD_Connection *c, S_state *s, const char *url);

static enum MHD_Result S_request(void *cls, struct MHD_Connection *c, const char *url,
                                 const char *method, const char *version,
                                 const char *upload_data, size_t *upload_size, void **con_cls)
{
    (void)version;
    (void)upload_data;
    S_state *s = cls;
    /* The first call comes before the request is wholly read; a response queued then makes
     * libmicrohttpd close the connection. Answer on the next call, and keep it alive. */
    if (*con_cls == S_FRESH_OK || *con_cls == S_FRESH_NUL || !*con_cls) {
        *con_cls = *con_cls == S_FRESH_NUL ? S_SEEN_NUL : S_SEEN_OK;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0; /* a body nobody asked for: read and dropped */
        return MHD_YES;
    }
    if (*con_cls == S_SEEN_NUL)
        return S_send_text(c, MHD_HTTP_BAD_REQUEST, "A path cannot contain a NUL character "
                                                    "(%00).\n");
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    if (!serve_host_allowed(host, s->opt->bind, s->port)) {
        char *text = xasprintf("This preview answers only to localhost, 127.0.0.1 and [::1] "
                               "on port %u, so that no other web site can read it.\n",
                               s->port);
        enum MHD_Result ret = S_send_text(c, MHD_HTTP_MISDIRECTED_REQUEST, text);
        free(text);
        return ret;
    }
    bool head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    if (!head && strcmp(method, MHD_HTTP_METHOD_GET) != 0) {
        struct MHD_Response *r = MHD_create_response_from_buffer(
            strlen("Only GET and HEAD\n"), (void *)"Only GET and HEAD\n", MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
        return S_send(c, MHD_HTTP_METHOD_NOT_ALLOWED, r, "text/plain; charset=utf-8");
    }
    if (strcmp(url, SERVE_PREFIX "reload.js") == 0) {
        struct MHD_Response *r = MHD_create_response_from_buffer(
            sizeof S_reload_js - 1, (void *)S_reload_js, MHD_RESPMEM_PERSISTENT);
        return S_send(c, MHD_HTTP_OK, r, "text/javascript; charset=utf-8");
    }
    if (strcmp(url, SERVE_OVERLAY_CSS_PATH) == 0) {
        struct MHD_Response *r = MHD_create_response_from_buffer(
            strlen(serve_overlay_css), (void *)serve_overlay_css, MHD_RESPMEM_PERSISTENT);
        return S_send(c, MHD_HTTP_OK, r, "text/css; charset=utf-8");
    }
    if (strcmp(url, SERVE_PREFIX "events") == 0)
        return S_send_events(c, s, head);
    S_wait_first_build(s);
    return S_serve_site(c, s, url);
}

static enum MHD_Result S_serve_site(struct MHD_Connection *c, S_state *s, const char *url)
{
    pthread_mutex_lock(&s->lock);
    char *base = xstrdup(s->base_path);
    char *root = s->root ? xstrdup(s->root) : NULL;
    strlist errors = STRLIST_INIT;
    for (size_t i = 0; i < s->errors.len; i++)
        strlist_push(&errors, s->errors.items[i]);
    serve_overlay *overlay = serve_overlay_hold(s->overlay);
    pthread_mutex_unlock(&s->lock);

    enum MHD_Result ret;
    size_t base_len = strlen(base);
    if (strncmp(url, base, base_len) != 0 && strcmp(url, "/") == 0) {
        /* The site lives under its base path: go there. */
        struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, base);
        ret = S_send(c, MHD_HTTP_FOUND, r, NULL);
    } else if (strncmp(url, base, base_len) != 0) {
        ret = S_send_text(c, MHD_HTTP_NOT_FOUND, "Not found\n");
    } else {
        const char *rel = url + base_len - 1; /* keeps its leading '/' */
        bool redirect;
        char *path = root ? serve_resolve(root, rel, &redirect) : NULL;
        if (!root)
            redirect = false;
        if (redirect) {
            char *to = xasprintf("%s/", url);
            struct MHD_Response *r =
                MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
            MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, to);
            ret = S_send(c, MHD_HTTP_MOVED_PERMANENTLY, r, NULL);
            free(to);
        } else if (errors.len && (!path || str_ends_with(path, ".html"))) {
            /* The last build failed: say so instead of showing a stale page. */
            size_t len;
            char *page = S_error_page(&errors, &len);
            struct MHD_Response *r = MHD_create_response_from_buffer(len, page, MHD_RESPMEM_MUST_FREE);
            ret = S_send(c, MHD_HTTP_INTERNAL_SERVER_ERROR, r, "text/html; charset=utf-8");
        } else if (!path) {
            char *not_found = root ? path_join(root, "404.html") : xstrdup("");
            if (path_is_file(not_found))
                ret = S_send_page(c, MHD_HTTP_NOT_FOUND, not_found, NULL, url);
            else
                ret = S_send_text(c, MHD_HTTP_NOT_FOUND, "Not found\n");
            free(not_found);
        } else if (str_ends_with(path, ".html")) {
            ret = S_send_page(c, MHD_HTTP_OK, path, overlay, url);
        } else {
            /* O_NONBLOCK and a regular file only: a named pipe put in the site by hand must
             * not hold the connection (serve_resolve looked, but the folder may change). */
            int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
            struct stat st;
            if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
                if (fd >= 0)
                    close(fd);
                ret = S_send_text(c, MHD_HTTP_NOT_FOUND, "Not found\n");
            } else {
                struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
                ret = S_send(c, MHD_HTTP_OK, r, S_content_type(path));
            }
        }
        free(path);
    }
    strlist_free(&errors);
    serve_overlay_release(overlay);
    free(root);
    free(base);
    return ret;
}

/* ---- building ---- */

static double S_ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Build, print what the build said, and publish the outcome to the server threads. */
static void S_build(S_state *s)
{
    const serve_options *opt = s->opt;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    diag_list *diags = diag_list_new();
    site_stats stats = {0};
    /* Linted as suture build lints; compliance errors do not keep the preview from being
     * built, they are marked on their pages. */
    site_options build = opt->build;
    strlist pages = STRLIST_INIT;
    build.article_pages = &pages;
    check_marks marks = {0};
    bool built = false;
    int status = lintbuild_run(&build, true, diags, &stats, &marks, &built);
    serve_overlay *overlay = built ? serve_overlay_new(&marks, &pages) : NULL;
    check_marks_free(&marks);
    strlist_free(&pages);
    double ms = S_ms_since(&t0);
    diag_list_sort(diags);
    strlist errors = STRLIST_INIT;
    for (size_t i = 0; i < diag_count(diags); i++) {
        const diag *d = diag_get(diags, i);
        char *line = diag_format_brief(d);
        if (!opt->quiet || d->severity == DIAG_ERROR)
            fprintf(stderr, "%s\n", line);
        if (!built)
            strlist_push(&errors, line);
        free(line);
    }
    if (built) {
        if (!opt->quiet)
            fprintf(stderr, "suture: built %zu pages (%zu articles, %zu unchanged) in %.0f ms\n",
                    stats.pages, stats.articles, stats.reused, ms);
        if (status != SITE_OK)
            fprintf(stderr, "suture: %zu error%s, marked on their pages in the preview; suture "
                            "build will not publish the site until they are fixed\n",
                    diag_error_count(diags), diag_error_count(diags) == 1 ? "" : "s");
    } else {
        if (errors.len == 0)
            strlist_push(&errors, "the site could not be built; see the terminal");
        fprintf(stderr, "suture: %zu error%s; the browser shows them until they are fixed\n",
                diag_error_count(diags), diag_error_count(diags) == 1 ? "" : "s");
    }
    diag_list_free(diags);
    /* The base path may have changed with site.yaml. */
    char *site_yaml = path_join(opt->build.content_dir, "site.yaml");
    diag_list *scratch = diag_list_new();
    config *cfg = config_load(site_yaml, scratch);
    diag_list_free(scratch);
    free(site_yaml);
    char real[PATH_MAX];
    pthread_mutex_lock(&s->lock);
    if (cfg) {
        free(s->base_path);
        s->base_path = xstrdup(cfg->base_path);
    }
    if (!s->root && realpath(opt->build.out_dir, real))
        s->root = xstrdup(real);
    strlist_free(&s->errors);
    s->errors = errors;
    serve_overlay_release(s->overlay);
    s->overlay = overlay;
    s->generation++;
    pthread_cond_broadcast(&s->changed);
    pthread_mutex_unlock(&s->lock);
    config_free(cfg);
}

/* ---- the server ---- */

/*
 * Ctrl-C and SIGTERM: the handler writes a byte to a pipe that the main loop polls (any
 * thread may take the signal: libmicrohttpd's threads set their own signal masks).
 */
static int S_stop_pipe[2] = {-1, -1};

static void S_on_stop_signal(int sig)
{
    (void)sig;
    int saved = errno;
    ssize_t n = write(S_stop_pipe[1], "x", 1);
    (void)n;
    errno = saved;
}

static uint64_t S_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

/*
 * Wait for changes and build after each burst, until a stop signal. A build waits for the
 * debounce's quiet time, but no longer than SERVE_WATCH_MAX_WAIT_MS after the first change.
 */
static void S_watch_and_build(S_state *s, serve_watch *watch, int sig_fd)
{
    const serve_options *opt = s->opt;
    bool pending = false;
    uint64_t first = 0, last = 0;
    for (;;) {
        int wait = pending ? serve_watch_wait_ms(first, last, S_now_ms(), opt->debounce_ms) : -1;
        if (pending && wait == 0) {
            pending = false;
            S_build(s);
            continue;
        }
        struct pollfd fds[2] = {{.fd = sig_fd, .events = POLLIN},
                                {.fd = serve_watch_fd(watch), .events = POLLIN}};
        int n = poll(fds, 2, wait);
        if (n < 0 && errno != EINTR)
            break;
        if (fds[0].revents & POLLIN)
            break;
        if (n > 0 && (fds[1].revents & POLLIN)) {
            serve_watch_action action = serve_watch_read(watch);
            if (action == SERVE_WATCH_OVERFLOW && !opt->quiet)
                fprintf(stderr, "suture: too many changes at once to follow one by one; "
                                "building everything again\n");
            else if (action == SERVE_WATCH_REWATCH && !opt->quiet)
                fprintf(stderr, "suture: a watched folder was added, replaced, moved or "
                                "removed; watching %s and %s as they are now\n",
                        opt->build.content_dir, opt->build.templates_dir);
            if (action != SERVE_WATCH_IGNORE) {
                last = S_now_ms();
                if (!pending)
                    first = last;
                pending = true;
            }
        }
    }
}

/* Catch SIGINT and SIGTERM through S_stop_pipe, keeping the old actions in *old_int and
 * *old_term. Returns the pipe's end to poll, or -1 (nothing changed) when it cannot. */
static int S_catch_stop_signals(struct sigaction *old_int, struct sigaction *old_term)
{
    struct sigaction stop = {.sa_handler = S_on_stop_signal, .sa_flags = SA_RESTART};
    sigemptyset(&stop.sa_mask);
    if (pipe2(S_stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return -1;
    sigaction(SIGINT, &stop, old_int);
    sigaction(SIGTERM, &stop, old_term);
    return S_stop_pipe[0];
}

/* Undo S_catch_stop_signals. */
static void S_release_stop_signals(const struct sigaction *old_int,
                                   const struct sigaction *old_term)
{
    sigaction(SIGINT, old_int, NULL);
    sigaction(SIGTERM, old_term, NULL);
    close(S_stop_pipe[0]);
    close(S_stop_pipe[1]);
    S_stop_pipe[0] = S_stop_pipe[1] = -1;
}

/*
 * Bind the address (first: a port in use is said at once, not after a build) and start
 * libmicrohttpd behind the gate, into *gate and *daemon (which the caller frees either way).
 * Returns 0, or -1 after saying why on stderr.
 */
static int S_start_server(S_state *s, serve_gate **gate, struct MHD_Daemon **daemon)
{
    const serve_options *opt = s->opt;
    char *bind_error = NULL;
    *gate = serve_gate_bind(opt->bind, opt->port, &bind_error);
    if (!*gate) {
        fprintf(stderr, "suture: %s\n", bind_error);
        free(bind_error);
        return -1;
    }
    s->port = serve_gate_port(*gate);
    /* One thread per connection: an event stream waits for builds in its own. The gate
     * accepts and hands connections on; requests wait for the first build. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
                     MHD_USE_POLL | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC;
    *daemon = MHD_start_daemon(flags, 0, NULL, NULL, S_request, s, MHD_OPTION_URI_LOG_CALLBACK,
                               S_uri_seen, NULL, MHD_OPTION_CONNECTION_TIMEOUT,
                               (unsigned)IDLE_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT,
                               (unsigned)MAX_CONNECTIONS, MHD_OPTION_END);
    if (!*daemon || serve_gate_start(*gate, *daemon) < 0) {
        fprintf(stderr, "suture: cannot start the server: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

int serve_run(const serve_options *opt)
{
    S_state s = {.opt = opt, .base_path = xstrdup("/")};
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.changed, NULL);

    struct sigaction old_int, old_term;
    int sig_fd = S_catch_stop_signals(&old_int, &old_term);
    int status = 0;
    struct MHD_Daemon *daemon = NULL;
    serve_gate *gate = NULL;
    const char *const roots[] = {opt->build.content_dir, opt->build.templates_dir, NULL};
    serve_watch *watch = serve_watch_new(roots);
    if (sig_fd < 0 || !watch) {
        fprintf(stderr, "suture: cannot watch %s and %s for changes: %s\n",
                opt->build.content_dir, opt->build.templates_dir, strerror(errno));
        status = SITE_ENVIRONMENT_ERROR;
        goto done;
    }

    if (serve_watch_missing(watch) > 0 && path_is_dir(opt->build.content_dir) &&
        path_is_dir(opt->build.templates_dir))
        fprintf(stderr, "suture: warning: cannot watch every folder of %s and %s (the "
                        "system's limit of inotify watches?); saves there may not rebuild the "
                        "site: raise fs.inotify.max_user_watches\n",
                opt->build.content_dir, opt->build.templates_dir);
    if (S_start_server(&s, &gate, &daemon) < 0) {
        status = SITE_ENVIRONMENT_ERROR;
        goto done;
    }

    /* A first build, so that there is something to serve. */
    S_build(&s);
    bool v6 = strchr(opt->bind, ':') != NULL;
    fprintf(stderr, "suture: serving the site at http://%s%s%s:%u%s (Ctrl-C to stop)\n",
            v6 ? "[" : "", opt->bind, v6 ? "]" : "", s.port, s.base_path);
    S_watch_and_build(&s, watch, sig_fd);
    if (!opt->quiet)
        fprintf(stderr, "suture: stopped\n");

done:
    pthread_mutex_lock(&s.lock);
    s.stopping = true;
    pthread_cond_broadcast(&s.changed);
    pthread_mutex_unlock(&s.lock);
    serve_gate_free(gate);
    if (daemon)
        MHD_stop_daemon(daemon);
    serve_watch_free(watch);
    if (sig_fd >= 0)
        S_release_stop_signals(&old_int, &old_term);
    strlist_free(&s.errors);
    serve_overlay_release(s.overlay);
    free(s.base_path);
    free(s.root);
    pthread_cond_destroy(&s.changed);
    pthread_mutex_destroy(&s.lock);
    return status;
}
