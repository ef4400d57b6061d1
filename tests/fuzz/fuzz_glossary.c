/* fuzz_glossary.c: content/glossary.yaml, then its terms linked in a sample paragraph. */
#include "fuzz.h"

#include <libxml/parser.h>

#include "base/diag.h"
#include "content/glossary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Read as a site without usable languages, then as a site in Korean and English. */
    static const char *const codes[] = {"ko", "en", NULL};
    static const ltext_langs bilingual = {codes, true};
    diag_list *diags = diag_list_new();
    const char *path = fuzz_file(data, size);
    glossary_free(glossary_load(path, NULL, diags));
    glossary *g = glossary_load(path, &bilingual, diags);
    if (g) {
        static const char sample[] =
            "<body><p>The SMAS and the glide plane; dimpling after a thread lift. "
            "스마스 층.</p><p><a href=\"x\">SMAS</a> <code>SMAS</code></p></body>";
        xmlDocPtr doc = xmlReadMemory(sample, (int)sizeof sample - 1, "s.xml", "UTF-8", 0);
        glossary_link_terms(glossary_for_language(g, "ko"), xmlDocGetRootElement(doc),
                            "/glossary/");
        xmlFreeDoc(doc);
    }
    glossary_free(g);
    diag_list_free(diags);
    return 0;
}
