/*
 * fuzz_blocks.c: the bodies of ```compare and ```before-after blocks, checked against the
 * good fixture's procedure data, and the table rendered when the block is valid.
 */
#include "fuzz.h"

#include <libxml/tree.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "content/procedures.h"
#include "markdown/beforeafter.h"
#include "markdown/compare.h"

static procedure_data *S_data;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char *path = xasprintf("%s/tests/fixtures/good/content/data/procedures.yaml", fuzz_root());
    diag_list *diags = diag_list_new();
    S_data = procedures_load(path, NULL, diags);
    diag_list_free(diags);
    free(path);
    if (!S_data) {
        fprintf(stderr, "fuzz_blocks: cannot load the fixture's procedures (set SUTURE_ROOT)\n");
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = compare_parse("a.md", (const char *)data, size, 3, 1, S_data, size % 2 == 1, diags);
    if (spec) {
        xmlNodePtr table = compare_render(S_data, spec, "en", "cmp-1", false, NULL, NULL);
        xmlFreeNode(table);
    }
    compare_spec_free(spec);
    beforeafter_free(
        beforeafter_parse("a.md", (const char *)data, size, 3, 1, size % 2 == 1, diags));
    diag_list_free(diags);
    return 0;
}
