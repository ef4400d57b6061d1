/*
 * diagram.h: an SVG diagram drawn inline in an article, as a figure. Written in Markdown
 * as an image alone in its paragraph, with a caption as its title:
 *
 *     ![What the diagram shows, for those who cannot see it](media/diagrams/en/face-layers.svg "Caption")
 *
 * the diagram becomes part of the page, not an <img>: its labels are text in the page's
 * language and font, which a reader can enlarge, select, translate and have read aloud, and
 * its lines and labels take the page's colours (currentColor and the site stylesheet's
 * custom properties), so dark mode, forced colours and print work. The caller has checked
 * the file (content/svgcheck.h); this module knows nothing of files or pages.
 */
#ifndef SUTURE_DIAGRAM_H
#define SUTURE_DIAGRAM_H

#include <libxml/tree.h>

/*
 * The figure of the checked <svg> element svg (copied; the caller keeps it), as a new
 * unlinked element:
 *
 *   <figure class="diagram">
 *     <svg viewBox="…" role="img" aria-labelledby="ID-title" aria-describedby="ID-desc">
 *       <title id="ID-title">…</title><desc id="ID-desc">…</desc> …the drawing…
 *     </svg>
 *     <figcaption><p class="diagram-caption">caption</p>
 *       <p class="diagram-text">alt</p></figcaption>
 *   </figure>
 *
 * id ("diagram-1") must be unique on the page: every id of the drawing becomes
 * "ID-<its id>", and the references to it (href="#…", url(#…)) follow, so that two diagrams,
 * or a diagram and a heading, never share an id. The <svg>'s width and height are dropped
 * (the stylesheet fits the drawing to the column by its viewBox). alt is the text
 * alternative, shown under the caption to every reader; caption and alt are plain text.
 */
/* The caller owns the returned <figure>: it links it into a tree or frees it with
 * xmlFreeNode. */
xmlNodePtr diagram_render(const xmlNode *svg, const char *id, const char *alt,
                          const char *caption);

#endif
