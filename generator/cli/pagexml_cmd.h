/*
 * pagexml_cmd.h: suture page-xml PAGE, which prints the XML document a template receives
 * for one page (templates/README.md, "The page XML"), so that whoever writes the templates
 * sees what they can select. The document is the build's own: site_build makes every page's
 * XML as for a build (site_options.page_xml), and the one asked for is printed.
 */
#ifndef SUTURE_PAGEXML_CMD_H
#define SUTURE_PAGEXML_CMD_H

#include <stdio.h>

#include "build/site.h"

/* Exit statuses of pagexml_cmd_run. */
enum {
    PAGEXML_CMD_OK = 0,
    PAGEXML_CMD_ERRORS = 1,  /* the content or templates have errors; the page may be missing */
    PAGEXML_CMD_UNKNOWN = 2, /* no such page, or the site could not be read */
};

/*
 * Build the site of opt (its content and templates; out_dir, page_xml and article_pages are
 * set here, and nothing is published) and write the XML of page to out, indented two spaces
 * a level as xmlSaveFormatFile indents it. page is a URL path as published ("/kb/articles/x/",
 * "/kb/404.html"; a missing final slash is added), else the same below the site's base path
 * ("/articles/x/" for "/kb/articles/x/"), or an article's Markdown file
 * (content/articles/x.md), compared as the same file. The build's messages go to err. A
 * page the site does not have is reported on err with the pages whose address or file is
 * closest (suggest.h, and those holding its last word), PAGEXML_CMD_UNKNOWN. Returns a
 * PAGEXML_CMD_ status; the XML is printed whenever the page was made.
 */
int pagexml_cmd_run(const site_options *opt, const char *page, FILE *out, FILE *err);

#endif
