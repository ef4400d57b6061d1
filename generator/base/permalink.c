/* permalink.c: page addresses (see permalink.h). */
#include "base/permalink.h"

#include "base/alloc.h"

char *permalink(const char *base, permalink_kind kind, const char *id, size_t page)
{
    switch (kind) {
    case PERMALINK_ARTICLE:
        return xasprintf("%sarticles/%s/", base, id);
    case PERMALINK_TOPIC:
        if (page > 1)
            return xasprintf("%stopics/%s/page/%zu/", base, id, page);
        return xasprintf("%stopics/%s/", base, id);
    case PERMALINK_COMPARE:
        if (id)
            return xasprintf("%scompare/#procedure-%s", base, id);
        return xasprintf("%scompare/", base);
    case PERMALINK_GLOSSARY:
        return xasprintf("%sglossary/", base);
    case PERMALINK_SEARCH:
        return xasprintf("%ssearch/", base);
    case PERMALINK_NOT_FOUND:
        return xasprintf("%s404.html", base);
    case PERMALINK_FEED:
        return xasprintf("%sfeed.xml", base);
    case PERMALINK_ASSETS:
        return xasprintf("%sassets/", base);
    case PERMALINK_PAGE:
        return xasprintf("%s%s/", base, id);
    case PERMALINK_HOME:
        break;
    }
    return xstrdup(base);
}
