/* fuzz_compliance.c: content/compliance.yaml, the rules, then one scan with them. */
#include "fuzz.h"

#include <string.h>

#include "check/compliance.h"
#include "base/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    /* No cache: every input is compiled, as a changed rule file would be. */
    compliance *c = compliance_load(fuzz_file(data, size), NULL, diags);
    diag_list_free(diags);
    compliance_free(c);
    return 0;
}
