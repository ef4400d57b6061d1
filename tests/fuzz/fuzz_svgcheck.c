/* fuzz_svgcheck.c: an SVG diagram checked as untrusted input (content/svgcheck.h), and, when
 * it passes, drawn into a figure as an article would show it (markdown/diagram.h). */
#include "fuzz.h"

#include <libxml/tree.h>

#include "base/diag.h"
#include "content/svgcheck.h"
#include "markdown/diagram.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_list *diags = diag_list_new();
    size_t errors = 0;
    xmlDocPtr doc = svgcheck_parse("diagram.svg", (const char *)data, size, 0, "svg", diags,
                                   &errors);
    /* A document exactly when nothing was refused, and one finding per refusal. */
    if ((doc != NULL) != (errors == 0) || diag_count(diags) != errors)
        abort();
    if (doc) {
        xmlNodePtr figure = diagram_render(xmlDocGetRootElement(doc), "diagram-1",
                                           "What it shows", "Caption");
        /* What the figure holds passes the check again, as suture check --site reads it. */
        if (svgcheck_tree("page.html", NULL, 0, figure->children, 0, "svg", NULL) != 0)
            abort();
        xmlFreeNode(figure);
    }
    xmlFreeDoc(doc);
    diag_list_free(diags);
    return 0;
}
