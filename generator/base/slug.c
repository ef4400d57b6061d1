/* slug.c: slugs and heading ids (see slug.h). */
#define _GNU_SOURCE
#include "base/slug.h"
#include "base/alloc.h"
#include "base/str.h"

#include <stdlib.h>
#include <string.h>

bool slug_is_valid(const char *id)
{
    if (!id[0] || id[0] == '-')
        return false;
    char prev = 0;
    for (size_t i = 0; id[i]; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
        if (c == '-' && prev == '-')
            return false;
        prev = c;
    }
    return prev != '-';
}

bool slug_is_language_tag(const char *tag)
{
    size_t i = 0;
    while (tag[i] >= 'a' && tag[i] <= 'z')
        i++;
    if (i < 2 || i > 3)
        return false;
    while (tag[i] == '-') {
        size_t n = 0;
        i++;
        while ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z') ||
               (tag[i] >= '0' && tag[i] <= '9')) {
            i++;
            n++;
        }
        if (n < 1 || n > 8)
            return false;
    }
    return tag[i] == '\0';
}

char *slug_from_text(const char *text)
{
    strbuf b = STRBUF_INIT;
    bool pending_hyphen = false;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned char c = *p;
        bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || (c >= 'A' && c <= 'Z');
        if (keep) {
            if (pending_hyphen && b.len)
                strbuf_putc(&b, '-');
            pending_hyphen = false;
            strbuf_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-') {
            pending_hyphen = true;
        }
    }
    if (b.len == 0)
        strbuf_puts(&b, "section");
    return strbuf_detach(&b);
}

const char *slug_unique(strlist *taken, const char *id)
{
    if (!strlist_contains(taken, id)) {
        strlist_push(taken, id);
        return taken->items[taken->len - 1];
    }
    for (unsigned n = 1;; n++) {
        char *candidate = xasprintf("%s-%u", id, n);
        if (!strlist_contains(taken, candidate)) {
            strlist_push_owned(taken, candidate);
            return candidate;
        }
        free(candidate);
    }
}
