/* fuzz_procedures.c: content/data/procedures.yaml. */
#include "fuzz.h"

#include "base/diag.h"
#include "content/procedures.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    procedures_free(procedures_load(fuzz_file(data, size), diags));
    diag_list_free(diags);
    return 0;
}
