/* servegate.c: the preview's listening socket and first-request screen (see servegate.h). */
#define _GNU_SOURCE
#include "cli/servegate.h"

#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"

/* Connections whose first head is being read at once; more wait in the listen backlog. */
#define S_MAX_PENDING 64
/* How long a refused connection is given to read its answer before it is closed, in ms. */
#define S_LINGER_MS 1000

/* ---- the screen: RFC 9112 sections 3 and 5 ---- */

/* A token character (RFC 9110 section 5.6.2). */
static bool S_tchar(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* More bytes are needed (serve_gate_screen turns this into TOO_LARGE past the limit). */
static serve_head_state S_more(size_t len)
{
    (void)len;
    return SERVE_HEAD_INCOMPLETE;
}

/* True when the request target [from, to) holds a percent-encoded NUL. */
static bool S_has_nul(const char *b, size_t from, size_t to)
{
    for (size_t i = from; i + 2 < to; i++)
        if (b[i] == '%' && b[i + 1] == '0' && b[i + 2] == '0')
            return true;
    return false;
}

/* A line end at b[i]: its length (1 or 2), 0 when more bytes are needed, -1 when none. */
static int S_line_end(const char *b, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    if (b[i] == '\n')
        return 1;
    if (b[i] != '\r')
        return -1;
    if (i + 1 >= len)
        return 0;
    return b[i + 1] == '\n' ? 2 : -1;
}

/*
 * The field lines from i to the empty line that ends the head. HTTP/1.1 needs exactly one
 * Host (RFC 9112 section 3.2).
 */
static serve_head_state S_screen_fields(const char *b, size_t len, size_t i, bool http11)
{
    unsigned hosts = 0;
    for (;;) {
        int end = S_line_end(b, len, i);
        if (end > 0) {
            if (http11 && hosts != 1)
                return SERVE_HEAD_NO_HOST;
            return hosts > 1 ? SERVE_HEAD_MALFORMED : SERVE_HEAD_COMPLETE;
        }
        if (i >= len || (end == 0 && b[i] == '\r'))
            return S_more(len);
        size_t name = i;
        while (i < len && S_tchar((unsigned char)b[i]))
            i++;
        if (i >= len)
            return S_more(len);
        /* No name, a space before the colon, or a folded line: not a field. */
        if (i == name || b[i] != ':')
            return SERVE_HEAD_MALFORMED;
        if (i - name == 4 && strncasecmp(b + name, "host", 4) == 0)
            hosts++;
        for (i++; i < len; i++) {
            unsigned char c = (unsigned char)b[i];
            if (c == '\n' || c == '\r')
                break;
            if (c != '\t' && (c < 0x20 || c == 0x7f))
                return SERVE_HEAD_MALFORMED;
        }
        end = S_line_end(b, len, i);
        if (end == 0)
            return S_more(len);
        if (end < 0)
            return SERVE_HEAD_MALFORMED;
        i += (size_t)end;
    }
}

/* The screen of the first len bytes (at most SERVE_GATE_HEAD_MAX). */
static serve_head_state S_screen(const char *b, size_t len);

serve_head_state serve_gate_screen(const char *b, size_t len)
{
    /* Only the first SERVE_GATE_HEAD_MAX bytes count: a head that ends after them is too
     * large, however it ends, so a verdict never changes as more bytes come. */
    if (len <= SERVE_GATE_HEAD_MAX)
        return S_screen(b, len);
    serve_head_state state = S_screen(b, SERVE_GATE_HEAD_MAX);
    return state == SERVE_HEAD_INCOMPLETE ? SERVE_HEAD_TOO_LARGE : state;
}

static serve_head_state S_screen(const char *b, size_t len)
{
    size_t i = 0;
    /* method SP: every method HTTP defines is upper-case letters (RFC 9110 section 9), so
     * anything else is noise, known from its first byte */
    while (i < len && b[i] >= 'A' && b[i] <= 'Z' && i < 32)
        i++;
    if (i == len)
        return S_more(len);
    if (i == 0 || b[i] != ' ')
        return SERVE_HEAD_MALFORMED;
    /* request-target SP: visible ASCII only */
    size_t target = ++i;
    while (i < len && (unsigned char)b[i] > 0x20 && (unsigned char)b[i] < 0x7f)
        i++;
    if (S_has_nul(b, target, i))
        return SERVE_HEAD_NUL;
    if (i == len)
        return S_more(len);
    if (i == target || b[i] != ' ')
        return SERVE_HEAD_MALFORMED;
    i++;
    /* HTTP-version = "HTTP/" DIGIT "." DIGIT */
    static const char name[] = "HTTP/";
    for (size_t k = 0; k < 5; k++, i++) {
        if (i == len)
            return S_more(len);
        if (b[i] != name[k])
            return SERVE_HEAD_MALFORMED;
    }
    char version[3];
    for (size_t k = 0; k < 3; k++, i++) {
        if (i == len)
            return S_more(len);
        bool ok = k == 1 ? b[i] == '.' : (b[i] >= '0' && b[i] <= '9');
        if (!ok)
            return SERVE_HEAD_MALFORMED;
        version[k] = b[i];
    }
    int end = S_line_end(b, len, i);
    if (end == 0)
        return S_more(len);
    if (end < 0)
        return SERVE_HEAD_MALFORMED;
    if (version[0] != '1' || (version[2] != '0' && version[2] != '1'))
        return SERVE_HEAD_VERSION;
    return S_screen_fields(b, len, i + (size_t)end, version[2] == '1');
}

/* ---- the gate ---- */

typedef struct {
    int fd;
    double deadline; /* CLOCK_MONOTONIC seconds: give up on the head, or stop lingering */
    bool closing;    /* answered and refused: read what comes until the client closes */
    bool low_water;  /* SO_RCVLOWAT raised above 1 */
    struct sockaddr_storage addr;
    socklen_t addr_len;
} S_conn;

struct serve_gate {
    int listen_fd;
    unsigned port;
    int stop_pipe[2];
    pthread_t thread;
    bool started;
    struct MHD_Daemon *daemon;
    S_conn conns[S_MAX_PENDING];
    size_t n_conns;
};

static double S_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

serve_gate *serve_gate_bind(const char *address, unsigned port, char **error)
{
    *error = NULL;
    struct addrinfo hints = {.ai_flags = AI_NUMERICHOST | AI_PASSIVE, .ai_socktype = SOCK_STREAM};
    struct addrinfo *ai = NULL;
    char service[16];
    snprintf(service, sizeof service, "%u", port);
    if (getaddrinfo(address, service, &hints, &ai) != 0 || !ai) {
        *error = xasprintf("--bind needs an IP address such as 127.0.0.1 or ::1, not '%s'",
                           address);
        return NULL;
    }
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    int one = 1;
    if (fd >= 0) {
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (ai->ai_family == AF_INET6)
            setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    }
    if (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 128) < 0) {
        int e = errno;
        const char *why = e == EADDRINUSE      ? "the port is in use (another suture serve?)"
                          : e == EADDRNOTAVAIL ? "it is not an address of this computer"
                          : e == EACCES        ? "ports below 1024 need administrator rights"
                                               : strerror(e);
        bool v6 = ai->ai_family == AF_INET6;
        *error = xasprintf("cannot listen on %s%s%s port %u: %s; try another --port", v6 ? "[" : "",
                           address, v6 ? "]" : "", port, why);
        if (fd >= 0)
            close(fd);
        freeaddrinfo(ai);
        return NULL;
    }
    freeaddrinfo(ai);
    serve_gate *g = xcalloc(1, sizeof *g);
    g->listen_fd = fd;
    g->stop_pipe[0] = g->stop_pipe[1] = -1;
    struct sockaddr_storage bound;
    socklen_t bound_len = sizeof bound;
    g->port = port;
    if (getsockname(fd, (struct sockaddr *)&bound, &bound_len) == 0)
        g->port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
                                                    : ((struct sockaddr_in *)&bound)->sin_port);
    return g;
}

unsigned serve_gate_port(const serve_gate *g)
{
    return g->port;
}

/* The answer to a refused head: status line, plain-text reason, and nothing kept alive. */
static void S_refuse(S_conn *c, serve_head_state state)
{
    const char *status, *reason;
    switch (state) {
    case SERVE_HEAD_NUL:
        status = "400 Bad Request";
        reason = "A path cannot contain a NUL character (%00).";
        break;
    case SERVE_HEAD_NO_HOST:
        status = "400 Bad Request";
        reason = "An HTTP/1.1 request needs exactly one Host header.";
        break;
    case SERVE_HEAD_VERSION:
        status = "505 HTTP Version Not Supported";
        reason = "This preview speaks HTTP/1.0 and HTTP/1.1.";
        break;
    case SERVE_HEAD_TOO_LARGE:
        status = "431 Request Header Fields Too Large";
        reason = "The request's headers are too large.";
        break;
    case SERVE_HEAD_INCOMPLETE:
        status = "408 Request Timeout";
        reason = "The request did not arrive in time.";
        break;
    default:
        status = "400 Bad Request";
        reason = "This is not an HTTP request. Open the preview with http://, not https://.";
        break;
    }
    char *res = xasprintf("HTTP/1.1 %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
                          "Content-Length: %zu\r\nCache-Control: no-store\r\n"
                          "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n%s\n",
                          status, strlen(reason) + 1, reason);
    ssize_t n = send(c->fd, res, strlen(res), MSG_NOSIGNAL | MSG_DONTWAIT);
    (void)n;
    free(res);
    /* Closing with unread bytes would reset the connection and may lose the answer: end
     * our side, then read until the client closes, for a short while. */
    shutdown(c->fd, SHUT_WR);
    int one = 1;
    setsockopt(c->fd, SOL_SOCKET, SO_RCVLOWAT, &one, sizeof one);
    c->closing = true;
    c->deadline = S_now() + S_LINGER_MS / 1e3;
}

/* Look at what connection c has sent; false when it is done with (handed on or closed). */
static bool S_screen_conn(serve_gate *g, S_conn *c, double now)
{
    char buf[SERVE_GATE_HEAD_MAX + 1];
    if (c->closing) {
        ssize_t n = recv(c->fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) || now >= c->deadline) {
            close(c->fd);
            return false;
        }
        return true;
    }
    ssize_t n = recv(c->fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        close(c->fd); /* gone before a whole head */
        return false;
    }
    serve_head_state state = serve_gate_screen(buf, n > 0 ? (size_t)n : 0);
    if (state == SERVE_HEAD_COMPLETE) {
        int one = 1;
        if (c->low_water)
            setsockopt(c->fd, SOL_SOCKET, SO_RCVLOWAT, &one, sizeof one);
        /* The daemon owns the socket now, and closes it if it cannot take it. */
        MHD_add_connection(g->daemon, c->fd, (const struct sockaddr *)&c->addr, c->addr_len);
        return false;
    }
    if (state == SERVE_HEAD_INCOMPLETE && now < c->deadline) {
        /* Wake only when more than what is here has come: no spinning on the same bytes. */
        int more = (int)(n > 0 ? n : 0) + 1;
        if (more > 1 || c->low_water)
            setsockopt(c->fd, SOL_SOCKET, SO_RCVLOWAT, &more, sizeof more);
        c->low_water = more > 1;
        return true;
    }
    S_refuse(c, state);
    return true;
}

/*
 * Accept what is waiting, while there is room. A client usually sends its request with
 * the connection: look at once, and hand it on without another turn of the loop.
 */
static void S_accept(serve_gate *g, double now)
{
    while (g->n_conns < S_MAX_PENDING) {
        S_conn *c = &g->conns[g->n_conns];
        c->addr_len = sizeof c->addr;
        int fd = accept4(g->listen_fd, (struct sockaddr *)&c->addr, &c->addr_len,
                         SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0)
            return;
        c->fd = fd;
        c->closing = false;
        c->low_water = false;
        c->deadline = now + SERVE_GATE_HEAD_DEADLINE_S;
        if (S_screen_conn(g, c, now))
            g->n_conns++;
    }
}

static void *S_gate_main(void *arg)
{
    serve_gate *g = arg;
    struct pollfd fds[S_MAX_PENDING + 2];
    for (;;) {
        double now = S_now();
        nfds_t n = 0;
        fds[n++] = (struct pollfd){.fd = g->stop_pipe[0], .events = POLLIN};
        fds[n++] = (struct pollfd){.fd = g->n_conns < S_MAX_PENDING ? g->listen_fd : -1,
                                   .events = POLLIN};
        double next = -1;
        for (size_t i = 0; i < g->n_conns; i++) {
            fds[n++] = (struct pollfd){.fd = g->conns[i].fd, .events = POLLIN | POLLRDHUP};
            if (next < 0 || g->conns[i].deadline < next)
                next = g->conns[i].deadline;
        }
        int timeout = next < 0 ? -1 : next <= now ? 0 : (int)((next - now) * 1e3) + 1;
        int ready = poll(fds, n, timeout);
        if (ready < 0 && errno != EINTR)
            break;
        if (fds[0].revents)
            break;
        now = S_now();
        /* The connections polled first (their places in fds are fixed), then new ones. */
        size_t polled = g->n_conns;
        for (size_t i = polled; i-- > 0;) {
            S_conn *c = &g->conns[i];
            if (!fds[2 + i].revents && now < c->deadline)
                continue;
            if (!S_screen_conn(g, c, now))
                g->conns[i] = g->conns[--g->n_conns];
        }
        if (fds[1].revents & POLLIN)
            S_accept(g, now);
    }
    return NULL;
}

int serve_gate_start(serve_gate *g, struct MHD_Daemon *daemon)
{
    g->daemon = daemon;
    if (pipe2(g->stop_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
        return -1;
    int rc = pthread_create(&g->thread, NULL, S_gate_main, g);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    g->started = true;
    return 0;
}

void serve_gate_free(serve_gate *g)
{
    if (!g)
        return;
    if (g->started) {
        ssize_t n = write(g->stop_pipe[1], "x", 1);
        (void)n;
        pthread_join(g->thread, NULL);
    }
    for (size_t i = 0; i < g->n_conns; i++)
        close(g->conns[i].fd);
    for (int i = 0; i < 2; i++)
        if (g->stop_pipe[i] >= 0)
            close(g->stop_pipe[i]);
    close(g->listen_fd);
    free(g);
}
