/*
 * page_check.c: mistakes in a compiled stylesheet that libxslt accepts, found before any page
 * renders and said at the file and line that hold them (see page_private.h). libxslt finds a
 * call of a template that does not exist only when a page runs it, and then names the page's
 * stylesheet, not the file that holds the call; an interface string that does not exist was
 * an xsl:message at 404.xsl:1:1, once per page; "{{ site.contact_url }}" was published as a
 * link to %7B%20site.contact_url%20%7D.
 */
#define _GNU_SOURCE
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "base/suggest.h"
#include "render/page_private.h"

/* One file of the stylesheet, and its text (to find a mistake's column). */
typedef struct {
    xmlDocPtr doc;  /* as libxslt compiled it (its <xsl:text> elements replaced by text) */
    xmlDocPtr tree; /* as written: the text parsed again, or doc when it cannot be */
    char *text;
    size_t len;
} S_file;

typedef struct {
    S_file *files;
    size_t n, cap;
    strlist names; /* the named templates of every file */
    const strlist *string_ids;
    diag_list *diags;
    strlist *reported;
    bool ok;
} S_check;

/* Add doc to the files, once. */
static void S_add_file(S_check *c, xmlDocPtr doc)
{
    if (!doc || !doc->URL)
        return;
    for (size_t i = 0; i < c->n; i++)
        if (c->files[i].doc == doc)
            return;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 4;
        c->files = xreallocarray(c->files, c->cap, sizeof *c->files);
    }
    const char *url = (const char *)doc->URL;
    if (strncmp(url, "file://", 7) == 0)
        url += 7;
    S_file *f = &c->files[c->n++];
    f->doc = doc;
    f->len = 0;
    f->text = path_is_file(url) ? file_read(url, &f->len) : NULL;
    f->tree = f->text && f->len < INT32_MAX
                  ? xmlReadMemory(f->text, (int)f->len, url, NULL, XML_PARSE_NONET)
                  : NULL;
    if (!f->tree)
        f->tree = doc;
}

/* Free what c's files hold. */
static void S_free_files(S_check *c)
{
    for (size_t i = 0; i < c->n; i++) {
        if (c->files[i].tree != c->files[i].doc)
            xmlFreeDoc(c->files[i].tree);
        free(c->files[i].text);
    }
    free(c->files);
}

/* The stylesheet's own file, the files it includes, and those of its imports. */
static void S_add_sheet(S_check *c, xsltStylesheetPtr sheet)
{
    if (!sheet)
        return;
    S_add_file(c, sheet->doc);
    for (xsltDocumentPtr d = sheet->docList; d; d = d->next)
        S_add_file(c, d->doc);
    for (xsltStylesheetPtr imp = sheet->imports; imp; imp = imp->next)
        S_add_sheet(c, imp);
}

/* Whether node is the XSLT element name. */
static bool S_xsl(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->ns &&
           xmlStrEqual(node->ns->href, XSLT_NAMESPACE) && xmlStrEqual(node->name, BAD_CAST name);
}

/* Every <xsl:template name> below node, into names. */
static void S_collect_names(xmlNodePtr node, strlist *names)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (S_xsl(n, "template")) {
            xmlChar *name = xmlGetNoNsProp(n, BAD_CAST "name");
            if (name && !strlist_contains(names, (const char *)name))
                strlist_push(names, (const char *)name);
            xmlFree(name);
        }
        S_collect_names(n->children, names);
    }
}

/*
 * Where needle is first written in f's text from the start of line on: its line and column
 * (in characters). Left as they are when the text does not show it.
 */
static void S_locate(const S_file *f, const char *needle, unsigned *line, unsigned *column)
{
    if (!f->text)
        return;
    size_t i = 0;
    for (unsigned l = 1; l < *line && i < f->len; l++) {
        const char *nl = memchr(f->text + i, '\n', f->len - i);
        i = nl ? (size_t)(nl - f->text) + 1 : f->len;
    }
    const char *at = memmem(f->text + i, f->len - i, needle, strlen(needle));
    if (!at)
        return;
    unsigned l = *line, col = 1;
    for (const char *p = f->text + i; p < at; p++) {
        if (*p == '\n') {
            l++;
            col = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            col++;
        }
    }
    *line = l;
    *column = col;
}

/* Report message about node of f, at the first needle from node's line (or at the line). */
static void S_report(S_check *c, const S_file *f, const xmlNode *node, const char *needle,
                     const char *message)
{
    unsigned line = (unsigned)xmlGetLineNo(node), column = 1;
    if (line == 0 || line == (unsigned)-1)
        line = 1;
    if (needle)
        S_locate(f, needle, &line, &column);
    const char *file = (const char *)f->doc->URL;
    pg_report(c->diags, c->reported, strncmp(file, "file://", 7) == 0 ? file + 7 : file, line,
              column, "", message);
    c->ok = false;
}

/* "did you mean 'a', 'b' or 'c'?" for word among names, or NULL. */
static char *S_nearest(const char *word, const strlist *names)
{
    const char *near[3];
    size_t n = suggest_nearest(word, (const char *const *)names->items, names->len, near, 3);
    if (n == 0)
        return NULL;
    if (n == 1)
        return xasprintf("did you mean '%s'?", near[0]);
    if (n == 2)
        return xasprintf("did you mean '%s' or '%s'?", near[0], near[1]);
    return xasprintf("did you mean '%s', '%s' or '%s'?", near[0], near[1], near[2]);
}

/* what, then "; did you mean ...? Otherwise <otherwise>" or ": <fix>". */
static char *S_with_nearest(const char *what, const char *near, const char *otherwise,
                            const char *fix)
{
    if (near)
        return xasprintf("%s; %s Otherwise %s", what, near, otherwise);
    return xasprintf("%s: %s", what, fix);
}

/* The literal string an XPath expression is ("'contact'"), or NULL when it is more. */
static char *S_literal(const char *select)
{
    size_t n = select ? strlen(select) : 0;
    if (n < 2 || (select[0] != '\'' && select[0] != '"') || select[n - 1] != select[0] ||
        memchr(select + 1, select[0], n - 2))
        return NULL;
    return xstrndup(select + 1, n - 2);
}

/* The literal id a <xsl:with-param name="id"> gives: its select's string, or its text when
 * it has no select and holds nothing but text ("<xsl:with-param name="id">contact</...>");
 * NULL when it is computed. */
static char *S_literal_id(xmlNodePtr param)
{
    xmlChar *select = xmlGetNoNsProp(param, BAD_CAST "select");
    char *id = NULL;
    if (select) {
        id = S_literal((const char *)select);
        xmlFree(select);
        return id;
    }
    for (xmlNodePtr t = param->children; t; t = t->next)
        if (t->type != XML_TEXT_NODE)
            return NULL;
    xmlChar *text = xmlNodeGetContent(param);
    if (text && *text)
        id = xstrdup((const char *)text);
    xmlFree(text);
    return id;
}

/* The str template's id, when call (an xsl:call-template name="str") gives it literally and
 * strings.xml has no such string. */
static void S_check_string_id(S_check *c, const S_file *f, xmlNodePtr call)
{
    for (xmlNodePtr p = call->children; p; p = p->next) {
        if (!S_xsl(p, "with-param"))
            continue;
        xmlChar *name = xmlGetNoNsProp(p, BAD_CAST "name");
        char *id = name && xmlStrEqual(name, BAD_CAST "id") ? S_literal_id(p) : NULL;
        xmlFree(name);
        if (!id || strlist_contains(c->string_ids, id)) {
            free(id);
            continue;
        }
        char *near = S_nearest(id, c->string_ids);
        char *what = xasprintf("there is no interface string with id '%s' in strings.xml", id);
        char *add = xasprintf("add <str id=\"%s\"> to strings.xml, with a <t> for each "
                              "language", id);
        char *fix = xasprintf("correct the id, or %s", add);
        char *m = S_with_nearest(what, near, add, fix);
        S_report(c, f, p, id, m);
        free(what);
        free(add);
        free(fix);
        free(m);
        free(near);
        free(id);
    }
}

/* A call of a template no file defines. */
static void S_check_call(S_check *c, const S_file *f, xmlNodePtr call)
{
    xmlChar *name = xmlGetNoNsProp(call, BAD_CAST "name");
    if (name && !strlist_contains(&c->names, (const char *)name)) {
        char *near = S_nearest((const char *)name, &c->names);
        char *what = xasprintf("xsl:call-template calls '%s', but no template has that name",
                               (const char *)name);
        char *add = xasprintf("define <xsl:template name=\"%s\">", (const char *)name);
        char *fix = xasprintf("correct the name, or %s", add);
        char *m = S_with_nearest(what, near, add, fix);
        free(what);
        free(add);
        free(fix);
        S_report(c, f, call, (const char *)name, m);
        free(m);
        free(near);
    } else if (name && xmlStrEqual(name, BAD_CAST "str") && c->string_ids->len) {
        S_check_string_id(c, f, call);
    }
    xmlFree(name);
}

/* "{{ ... }}" in value (an attribute's, named attr, or a text when attr is NULL). */
static void S_check_braces(S_check *c, const S_file *f, const xmlNode *node,
                           const char *value, const char *attr)
{
    const char *open = value ? strstr(value, "{{") : NULL;
    if (!open)
        return;
    const char *close = strstr(open, "}}");
    size_t n = close && close - open < 60 ? (size_t)(close - open) + 2 : strcspn(open, "\n");
    if (n > 60)
        n = 60;
    char *what = xstrndup(open, n);
    char *m = attr ? xasprintf("'%s' in the attribute %s is Hugo's or Jinja's syntax, which "
                               "suture does not read: its templates are XSLT. Put an XPath "
                               "expression between single braces, an attribute value template "
                               "such as %s=\"{$site/root}\"",
                               what, attr, attr)
                   : xasprintf("'%s' is Hugo's or Jinja's syntax, which suture does not read: "
                               "its templates are XSLT. Write <xsl:value-of select=\"...\"/> "
                               "with an XPath expression, such as <xsl:value-of "
                               "select=\"$site/title\"/>",
                               what);
    S_report(c, f, node, what, m);
    free(m);
    free(what);
}

/* Every mistake below node, in the file f. */
static void S_check_nodes(S_check *c, const S_file *f, xmlNodePtr node)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        /* A "{{" that is meant: in <xsl:text>, or an XSLT instruction's attribute. */
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (!n->parent || !S_xsl(n->parent, "text"))
                S_check_braces(c, f, n->parent ? n->parent : n, (const char *)n->content,
                               NULL);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (S_xsl(n, "call-template"))
            S_check_call(c, f, n);
        bool instruction = n->ns && xmlStrEqual(n->ns->href, XSLT_NAMESPACE);
        for (xmlAttrPtr a = instruction ? NULL : n->properties; a; a = a->next) {
            xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
            S_check_braces(c, f, n, (const char *)v, (const char *)a->name);
            xmlFree(v);
        }
        S_check_nodes(c, f, n->children);
    }
}

bool pg_check_stylesheet(xsltStylesheetPtr sheet, const strlist *string_ids,
                         diag_list *diags, strlist *reported)
{
    S_check c = {.names = STRLIST_INIT, .string_ids = string_ids, .diags = diags,
                 .reported = reported, .ok = true};
    S_add_sheet(&c, sheet);
    for (size_t i = 0; i < c.n; i++)
        S_collect_names(c.files[i].tree->children, &c.names);
    for (size_t i = 0; i < c.n; i++)
        S_check_nodes(&c, &c.files[i], c.files[i].tree->children);
    S_free_files(&c);
    strlist_free(&c.names);
    return c.ok;
}

/* ---- the rendered page's structure ---- */

/* Whether node is the element name, ASCII case ignored. */
static bool S_is(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, BAD_CAST name) == 0;
}

/* Whether node is text that is not only white space. */
static bool S_visible_text(const xmlNode *node)
{
    if (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE)
        return false;
    for (const xmlChar *p = node->content; p && *p; p++)
        if (!strchr(" \t\r\n", *p))
            return true;
    return false;
}

/* Whether node is a <main> that counts: HTML allows others, hidden. */
static bool S_main(const xmlNode *node)
{
    return S_is(node, "main") && !xmlHasProp(node, BAD_CAST "hidden");
}

/* The number of <main> elements below node. */
static size_t S_count_main(const xmlNode *node)
{
    size_t n = 0;
    for (const xmlNode *c = node ? node->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            n += S_main(c) + S_count_main(c);
    return n;
}

/* The second <main> below node (seen counts those met so far), or NULL. */
static xmlNodePtr S_second_main(xmlNodePtr node, size_t *seen)
{
    for (xmlNodePtr c = node ? node->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (S_main(c) && ++*seen == 2)
            return c;
        xmlNodePtr found = S_second_main(c, seen);
        if (found)
            return found;
    }
    return NULL;
}

/* The problem with <head>'s content, or NULL. */
static char *S_check_head(xmlNodePtr head, xmlNodePtr *where)
{
    static const char *const metadata[] = {"title", "meta", "link", "script", "style",
                                           "base", "noscript", "template", NULL};
    for (xmlNodePtr c = head->children; c; c = c->next) {
        bool ok = c->type != XML_ELEMENT_NODE && !S_visible_text(c);
        for (size_t i = 0; !ok && metadata[i]; i++)
            ok = S_is(c, metadata[i]);
        if (ok)
            continue;
        *where = c->type == XML_ELEMENT_NODE ? c : head;
        if (c->type != XML_ELEMENT_NODE)
            return xstrdup("puts text into <head>, which browsers then show at the top of "
                           "<body>: move it into <body>");
        return xasprintf("puts <%s> into <head>, where only <title>, <meta>, <link>, <script>, "
                         "<style>, <base>, <noscript> and <template> belong (browsers end "
                         "<head> there): move it into <body>",
                         (const char *)c->name);
    }
    return NULL;
}

char *pg_check_page(xmlDocPtr page, xmlNodePtr *where)
{
    *where = NULL;
    xmlNodePtr html = NULL;
    for (xmlNodePtr c = page->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !html && S_is(c, "html")) {
            html = c;
        } else if (c->type == XML_ELEMENT_NODE || S_visible_text(c)) {
            *where = c->type == XML_ELEMENT_NODE ? c : NULL;
            return xstrdup("writes content outside <html>: put everything inside the one "
                           "<html> element");
        }
    }
    if (!html)
        return xstrdup("writes no <html> element: the page needs <html> with <head> and "
                       "<body>");
    xmlNodePtr head = NULL, body = NULL;
    for (xmlNodePtr c = html->children; c; c = c->next) {
        if (S_is(c, "head") && !head && !body) {
            head = c;
        } else if (S_is(c, "body") && !body) {
            body = c;
        } else if (c->type == XML_ELEMENT_NODE || S_visible_text(c)) {
            *where = c->type == XML_ELEMENT_NODE ? c : html;
            return xstrdup("writes content in <html> outside <head> and <body>: <html> holds "
                           "one <head>, then one <body>; move it into one of them");
        }
    }
    /* Without <head>, suture puts one in (for the page's policies). */
    if (!body) {
        *where = html;
        return xstrdup("writes <html> without <body>: <html> holds one <head>, then one "
                       "<body>");
    }
    char *m = head ? S_check_head(head, where) : NULL;
    if (m)
        return m;
    if (S_count_main(body) > 1) {
        size_t seen = 0;
        *where = S_second_main(body, &seen);
        return xstrdup("writes more than one <main>: a page has one main part; keep one <main> "
                       "and make the others <section> or <div>");
    }
    return NULL;
}

/* Whether an element named name is on line below node. */
static bool S_element_on_line(const xmlNode *node, const xmlChar *name, long line)
{
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, name) && xmlGetLineNo(n) == line)
            return true;
        if (S_element_on_line(n->children, name, line))
            return true;
    }
    return false;
}

bool pg_source_of(xsltStylesheetPtr sheet, const xmlNode *node, char **file, unsigned *line,
                  unsigned *column)
{
    long l = node ? xmlGetLineNo(node) : -1;
    if (l <= 0 || node->type != XML_ELEMENT_NODE)
        return false;
    S_check c = {.names = STRLIST_INIT};
    S_add_sheet(&c, sheet);
    bool found = false;
    for (size_t i = 0; i < c.n && !found; i++) {
        if (!S_element_on_line(c.files[i].tree->children, node->name, l))
            continue;
        const char *url = (const char *)c.files[i].doc->URL;
        *file = xstrdup(strncmp(url, "file://", 7) == 0 ? url + 7 : url);
        *line = (unsigned)l;
        *column = 1;
        char *tag = xasprintf("<%s", (const char *)node->name);
        S_locate(&c.files[i], tag, line, column);
        free(tag);
        found = true;
    }
    S_free_files(&c);
    return found;
}
