/* url.c: reading the scheme of an address as a browser does (see url.h for why). */
#include "base/url.h"

#include <stdbool.h>

/* The bytes a browser removes from an address wherever they are (WHATWG URL). */
static bool S_tab_or_newline(unsigned char c)
{
    return c == '\t' || c == '\n' || c == '\r';
}

static bool S_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

const char *url_browser_start(const char *address)
{
    const unsigned char *p = (const unsigned char *)address;
    while (*p && *p <= ' ')
        p++;
    return (const char *)p;
}

size_t url_browser_scheme(const char *address, char *scheme, size_t size, const char **rest)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)url_browser_start(address);
    if (rest)
        *rest = NULL;
    scheme[0] = '\0';
    for (; *p; p++) {
        if (S_tab_or_newline(*p))
            continue;
        if (*p == ':')
            break;
        bool ok = S_alpha(*p) ||
                  (n > 0 && ((*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.'));
        if (!ok || n + 1 >= size)
            break;
        scheme[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    }
    if (*p != ':' || n == 0) {
        scheme[0] = '\0';
        return 0;
    }
    scheme[n] = '\0';
    if (rest)
        *rest = (const char *)p + 1;
    return n;
}
