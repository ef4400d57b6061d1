/*
 * fuzz_page.c: the whole path from an article's Markdown to its page. The input is one
 * article (front matter and body) added to a copy of the good fixture site and built with
 * the project's templates, incrementally, as `suture build` does: front matter, CommonMark,
 * links and anchors, compare and before-after blocks, glossary links, the template, the
 * disclaimer, the manifest and the atomic swap.
 */
#include "fuzz.h"

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "build/site.h"
#include "render/page.h"

static char *S_dir, *S_article;
static site_options S_opt;

/* The scratch folder goes when the process ends. */
static void S_cleanup(void)
{
    remove_tree(S_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    page_init();
    S_dir = xasprintf("/dev/shm/suture-fuzz-page-%ld", (long)getpid());
    char *content = path_join(S_dir, "content");
    char *from = xasprintf("%s/tests/fixtures/good/content", fuzz_root());
    remove_tree(S_dir);
    atexit(S_cleanup);
    if (copy_tree(from, content, NULL, NULL) < 0) {
        fprintf(stderr, "fuzz_page: cannot copy %s (set SUTURE_ROOT)\n", from);
        abort();
    }
    S_article = path_join(content, "articles/fuzzed.md");
    S_opt = (site_options){
        .content_dir = content,
        .templates_dir = xasprintf("%s/templates", fuzz_root()),
        .out_dir = path_join(S_dir, "site"),
        .jobs = 1,
    };
    free(from);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (file_write(S_article, (const char *)data, size) < 0)
        abort();
    diag_list *diags = diag_list_new();
    site_build(&S_opt, diags, NULL);
    diag_list_free(diags);
    return 0;
}
