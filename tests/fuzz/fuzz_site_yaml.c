/* fuzz_site_yaml.c: content/site.yaml. */
#include "fuzz.h"

#include "content/config.h"
#include "base/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    config_free(config_load(fuzz_file(data, size), diags));
    diag_list_free(diags);
    return 0;
}
