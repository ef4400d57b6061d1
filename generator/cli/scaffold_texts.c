/* scaffold_texts.c: the words `suture new` writes into files, filled in with language
 * names (see scaffold_private.h; the words themselves are content/outline.h's). */
#include "cli/scaffold_private.h"

#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "base/slug.h"

/* ICU's name of the language of code in locale, appended to out (the code itself when
 * ICU has none). */
static void S_put_language_name(strbuf *out, const char *code, const char *locale)
{
    char *name = slug_language_name(code, locale);
    strbuf_puts(out, name ? name : code);
    free(name);
}

char *scaffold_fill(const outline_texts *t, const char *text, const char *source,
                    const char *target)
{
    strbuf out = STRBUF_INIT;
    const char *p = text;
    for (;;) {
        const char *brace = strchr(p, '{');
        if (!brace) {
            strbuf_puts(&out, p);
            break;
        }
        strbuf_append(&out, p, (size_t)(brace - p));
        if (str_starts_with(brace, "{source}")) {
            S_put_language_name(&out, source, t->display_locale);
            p = brace + strlen("{source}");
        } else if (str_starts_with(brace, "{target}")) {
            S_put_language_name(&out, target, t->display_locale);
            p = brace + strlen("{target}");
        } else {
            strbuf_putc(&out, '{');
            p = brace + 1;
        }
    }
    return strbuf_detach(&out);
}
