/* fuzz_procedures.c: content/data/procedures.yaml. */
#include "fuzz.h"

#include "base/diag.h"
#include "content/procedures.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Read as a site without usable languages, then as a site in Korean and English. */
    static const char *const codes[] = {"ko", "en", NULL};
    static const ltext_langs bilingual = {codes, true};
    diag_list *diags = diag_list_new();
    const char *path = fuzz_file(data, size);
    procedures_free(procedures_load(path, NULL, diags));
    procedures_free(procedures_load(path, &bilingual, diags));
    diag_list_free(diags);
    return 0;
}
