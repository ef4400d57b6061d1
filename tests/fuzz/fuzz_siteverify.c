/* fuzz_siteverify.c: `suture check --site` over one page of any HTML (and one style sheet),
 * as a site in one language and in two. */
#include "fuzz.h"

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "check/siteverify.h"

static char *S_dir, *S_page, *S_css;

/* The scratch folder goes when the process ends. */
static void S_cleanup(void)
{
    remove_tree(S_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    S_dir = xasprintf("/dev/shm/suture-fuzz-verify-%ld", (long)getpid());
    remove_tree(S_dir);
    atexit(S_cleanup);
    char *assets = path_join(S_dir, "assets");
    if (mkdir_p(assets) < 0)
        abort();
    S_page = path_join(S_dir, "index.html");
    S_css = path_join(assets, "site.css");
    free(assets);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The same bytes as a page and as a style sheet. */
    if (file_write(S_page, (const char *)data, size) < 0 ||
        file_write(S_css, (const char *)data, size) < 0)
        abort();
    siteverify_options opt = {
        .dir = S_dir,
        .disclaimer_text = "General information, not medical advice.",
        .base_url = "https://clinic.example/kb/",
    };
    diag_list *diags = diag_list_new();
    siteverify_run(&opt, diags, NULL);
    diag_list_free(diags);
    /* Again as a page of a site in two languages: its lang, disclaimers and hreflang. */
    static const siteverify_language langs[] = {{"ko", "일반 정보이며 진료를 대신하지 않습니다."},
                                                {"en", "General information, not medical advice."}};
    opt.languages = langs;
    opt.n_languages = 2;
    diags = diag_list_new();
    siteverify_run(&opt, diags, NULL);
    diag_list_free(diags);
    return 0;
}
