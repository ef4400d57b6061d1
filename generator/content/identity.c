/* identity.c: the rule for example values of the site's identity (see identity.h). */
#define _GNU_SOURCE
#include "content/identity.h"

#include <string.h>
#include <strings.h>

bool identity_is_example_text(const char *text)
{
    return text && (strcasestr(text, "example") || strstr(text, "예시"));
}

bool identity_is_example_phone(const char *phone)
{
    if (!phone)
        return false;
    if (identity_is_example_text(phone))
        return true;
    /* The last two runs of digits, from the end. */
    size_t digits = 0, runs = 0;
    bool in_run = false;
    for (size_t i = strlen(phone); i > 0 && runs <= 2; i--) {
        char c = phone[i - 1];
        bool digit = c >= '0' && c <= '9';
        if (digit && !in_run && ++runs > 2)
            break;
        in_run = digit;
        if (!digit)
            continue;
        if (c != '0')
            return false;
        digits++;
    }
    return digits >= 7;
}

/* Whether host (len bytes, lower-cased already) is name or ends with "." name. */
static bool S_host_in(const char *host, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (len == n)
        return memcmp(host, name, n) == 0;
    return len > n && host[len - n - 1] == '.' && memcmp(host + len - n, name, n) == 0;
}

bool identity_is_example_url(const char *url)
{
    if (!url)
        return false;
    if (identity_is_example_text(url))
        return true;
    const char *p = strstr(url, "://");
    if (!p)
        return false;
    p += 3;
    /* userinfo@ goes before the host, :port and the path after it. */
    size_t span = strcspn(p, "/?#");
    const char *at = memchr(p, '@', span);
    if (at) {
        span -= (size_t)(at + 1 - p);
        p = at + 1;
    }
    char host[256];
    size_t len = 0;
    if (*p == '[') /* an IPv6 literal is no name */
        return false;
    for (; len < span && p[len] != ':' && len + 1 < sizeof host; len++)
        host[len] = (char)(p[len] >= 'A' && p[len] <= 'Z' ? p[len] - 'A' + 'a' : p[len]);
    while (len && host[len - 1] == '.')
        len--;
    host[len] = '\0';
    /* RFC 2606 section 3 (second-level names) and section 2 (top-level names), kept by RFC
     * 6761 section 6; localhost resolves to this computer (RFC 6761 section 6.3). */
    static const char *const reserved[] = {"example.com", "example.net", "example.org",
                                           "example",     "test",        "invalid",
                                           "localhost",   NULL};
    for (size_t i = 0; reserved[i]; i++)
        if (S_host_in(host, len, reserved[i]))
            return true;
    return false;
}
