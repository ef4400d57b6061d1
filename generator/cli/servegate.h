/*
 * servegate.h: the preview's front door (issue 14).
 *
 * `suture serve` binds its address before it builds anything, so that a port in use is
 * reported at once. It then accepts connections itself and reads (without consuming them)
 * the first request's head before libmicrohttpd sees the connection: a head that cannot be
 * HTTP/1.x is answered 400 at once (a TLS handshake sent to the http:// port, binary noise,
 * a request line without a version), a NUL in the path (%00) is 400, a version other than
 * HTTP/1.0 or 1.1 is 505, HTTP/1.1 without Host is 400, a head over SERVE_GATE_HEAD_MAX
 * bytes is 431, and a head not complete within SERVE_GATE_HEAD_DEADLINE_S seconds of the
 * connection is 408: each with a Content-Type and a plain-text reason. A good head is
 * handed, still unread, to libmicrohttpd (MHD_add_connection), which answers it and any
 * further request on the kept-alive connection.
 *
 * The grammar is RFC 9112 section 3 (request line) and section 5 (field lines), read
 * strictly: no obsolete line folding, no whitespace before a field's colon.
 */
#ifndef SUTURE_SERVEGATE_H
#define SUTURE_SERVEGATE_H

#include <stddef.h>

struct MHD_Daemon;

/* The longest request head the gate reads, in bytes. */
#define SERVE_GATE_HEAD_MAX 16384
/* How long a new connection has to send its whole first request head, in seconds. */
#define SERVE_GATE_HEAD_DEADLINE_S 10

/* What the bytes at the start of a connection are (serve_gate_screen). */
typedef enum {
    SERVE_HEAD_INCOMPLETE, /* a well-formed beginning: wait for more */
    SERVE_HEAD_COMPLETE,   /* a whole, well-formed head: hand it on */
    SERVE_HEAD_MALFORMED,  /* 400: not an HTTP/1.x request head */
    SERVE_HEAD_NUL,        /* 400: the request target holds %00 */
    SERVE_HEAD_NO_HOST,    /* 400: HTTP/1.1 without a Host field */
    SERVE_HEAD_VERSION,    /* 505: not HTTP/1.0 or HTTP/1.1 */
    SERVE_HEAD_TOO_LARGE,  /* 431: no end within SERVE_GATE_HEAD_MAX bytes */
} serve_head_state;

/*
 * Screen the first len bytes received on a connection (not NUL-terminated; any bytes). A
 * mistake is reported as soon as the bytes show it, even before the head is complete: a
 * first byte that cannot begin a method is MALFORMED at once. Any verdict but INCOMPLETE
 * is final: more bytes after the same ones never change it.
 */
serve_head_state serve_gate_screen(const char *bytes, size_t len);

typedef struct serve_gate serve_gate;

/*
 * Listen on address (a numeric IPv4 or IPv6 address) and port (0: any free port). Returns
 * the gate, or NULL with *error set to a sentence for the user (the caller frees it): the
 * address is not numeric, or it cannot be bound (the port is in use, the address is not
 * one of this computer's). Free with serve_gate_free.
 */
serve_gate *serve_gate_bind(const char *address, unsigned port, char **error);

/* The port the gate listens on (the one chosen when 0 was asked for). */
unsigned serve_gate_port(const serve_gate *g);

/*
 * Start the thread that accepts connections, screens each first request head and hands
 * the good ones to daemon, which must have been started with MHD_USE_NO_LISTEN_SOCKET and
 * MHD_USE_ITC. Returns 0, or -1 with errno when the thread cannot be started.
 */
int serve_gate_start(serve_gate *g, struct MHD_Daemon *daemon);

/*
 * Stop the thread (if started), close the listening socket and every connection not yet
 * handed on, and free g (NULL is fine). Call before stopping the daemon.
 */
void serve_gate_free(serve_gate *g);

#endif
