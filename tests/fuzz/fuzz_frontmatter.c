/* fuzz_frontmatter.c: an article's front matter and the split from its body. */
#include "fuzz.h"

#include "base/diag.h"
#include "content/frontmatter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    const char *body = NULL;
    unsigned body_line = 0;
    frontmatter *fm = frontmatter_parse("article.md", (const char *)data, size, diags, &body,
                                        &body_line);
    /* The body, when found, lies inside the input. */
    if (body && (body < (const char *)data || body > (const char *)data + size))
        abort();
    frontmatter_free(fm);
    diag_list_free(diags);
    return 0;
}
