/* page.c: page XML through XSLT to HTML5 (see page.h). */
#define _GNU_SOURCE
#include "render/page.h"
#include "render/assetnames.h"

#include <libexslt/exslt.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "base/utf8.h"
#include "render/datetext.h"
#include "render/disclaimer.h"
#include "render/page_private.h"
#include "render/xmlmsg.h"

static const struct {
    const char *name;
    const char *stylesheet;
} S_kinds[PAGE_KIND_COUNT] = {
    [PAGE_HOME] = {"home", "home.xsl"},
    [PAGE_ARTICLE] = {"article", "article.xsl"},
    [PAGE_TOPIC] = {"topic", "topic.xsl"},
    [PAGE_COMPARE] = {"compare", "compare.xsl"},
    [PAGE_GLOSSARY] = {"glossary", "glossary.xsl"},
    [PAGE_NOT_FOUND] = {"not-found", "404.xsl"},
    [PAGE_SEARCH] = {"search", "search.xsl"},
    [PAGE_SITE] = {"site-page", "page.xsl"},
};

struct page_templates {
    xsltStylesheetPtr sheets[PAGE_KIND_COUNT];
    char *paths[PAGE_KIND_COUNT];
    int root_lines[PAGE_KIND_COUNT];
    xsltSecurityPrefsPtr security;
    char *root; /* the templates folder, resolved: document() may read below it only */
    /*
     * Documents the stylesheets read with document() (strings.xml), each parsed once more
     * the first time a page reads it, then lent read-only to every later transformation,
     * so that no page parses them again. Guarded by docs_lock: pages render on several
     * threads.
     */
    pthread_mutex_t docs_lock;
    xmlDocPtr *docs;
    size_t n_docs, cap_docs;
    /* The style sheets' and scripts' URLs and their fingerprinted ones, in pairs
     * (page_templates_set_asset_urls, assetnames.h). */
    strlist asset_urls;
    /* The errors met while pages render, said once each (page_templates_report). */
    pg_errors *errors;
};

/* libxslt's own loader, which S_loader wraps. */
static xsltDocLoaderFunc S_default_loader;

/* The stylesheets reported as not well-formed while the templates load (page_templates_load):
 * S_loader does not load them again for the stylesheets that import them. */
static __thread const strlist *S_broken;

/* Keep a private copy of the document at URI for t's later transformations. */
static void S_share_document(page_templates *t, const xmlChar *uri, int options)
{
    pthread_mutex_lock(&t->docs_lock);
    bool known = false;
    for (size_t i = 0; i < t->n_docs && !known; i++)
        known = xmlStrEqual(t->docs[i]->URL, uri);
    if (!known) {
        xmlDocPtr doc = xmlReadFile((const char *)uri, NULL, options);
        if (doc && doc->URL) {
            if (t->n_docs == t->cap_docs) {
                t->cap_docs = t->cap_docs ? 2 * t->cap_docs : 4;
                t->docs = xreallocarray(t->docs, t->cap_docs, sizeof *t->docs);
            }
            t->docs[t->n_docs++] = doc;
        } else {
            xmlFreeDoc(doc);
        }
    }
    pthread_mutex_unlock(&t->docs_lock);
}

/*
 * Whether the file uri names (a path, or a file: URI) may be read: refused, with a message
 * in the thread's captured output, when it is something other than a regular file (a named
 * pipe would block the build for ever; it is never opened) or FILE_MAX_BYTES or larger.
 * What cannot be found is left to libxml2, which says so.
 */
static bool S_loadable(const xmlChar *uri, xsltLoadType type)
{
    const char *s = (const char *)uri;
    if (strncmp(s, "file://", 7) == 0)
        s += 7;
    else if (strstr(s, "://"))
        return true; /* the network: refused by the security preferences */
    char *path = xmlURIUnescapeString(s, 0, NULL);
    struct stat st;
    bool ok = !path || stat(path, &st) != 0 ||
              (S_ISREG(st.st_mode) && (uint64_t)st.st_size < FILE_MAX_BYTES);
    strbuf *captured = pg_capture_buffer();
    if (!ok && captured) {
        int err = S_ISREG(st.st_mode) ? EFBIG : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        char *why = file_problem(path, err, type == XSLT_LOAD_DOCUMENT
                                                ? "the document the template reads"
                                                : "the stylesheet");
        strbuf_printf(captured, "%s:0:0: %s\n", path, why);
        free(why);
    }
    xmlFree(path);
    return ok;
}

/*
 * libxslt's loader for stylesheets and documents. A stylesheet reported as not well-formed
 * is not loaded again (S_broken). What is not a regular file is refused
 * (S_loadable), and a transformation that asked for it stopped, so that the page fails
 * rather than being published without the document's text. A document loaded by document()
 * during a page's transformation is also copied into the templates' shared documents,
 * unless the stylesheet would change it once loaded (xsl:strip-space, XInclude).
 */
static xmlDocPtr S_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
                          xsltLoadType type)
{
    /* Reported: importing it fails with "unable to load", which is not reported again
     * (pg_flush), instead of what libxslt makes of a broken file, in each importer. */
    if (uri && type == XSLT_LOAD_STYLESHEET && S_broken &&
        strlist_contains(S_broken, strncmp((const char *)uri, "file://", 7) == 0
                                       ? (const char *)uri + 7
                                       : (const char *)uri))
        return NULL;
    if (uri && !S_loadable(uri, type)) {
        if (type == XSLT_LOAD_DOCUMENT && ctxt)
            ((xsltTransformContextPtr)ctxt)->state = XSLT_STATE_STOPPED;
        return NULL;
    }
    xmlDocPtr doc = S_default_loader(uri, dict, options, ctxt, type);
    if (doc && type == XSLT_LOAD_DOCUMENT && ctxt) {
        xsltTransformContextPtr tc = ctxt;
        page_templates *t = tc->_private;
        if (t && !xsltNeedElemSpaceHandling(tc) && !tc->xinclude)
            S_share_document(t, uri, options);
    }
    return doc;
}

/*
 * Lend t's shared documents to a transformation: libxslt finds a document in the
 * context's list by its URL before it loads one, and does not free one marked main.
 */
static void S_lend_documents(page_templates *t, xsltTransformContextPtr ctx)
{
    ctx->_private = t;
    pthread_mutex_lock(&t->docs_lock);
    for (size_t i = 0; i < t->n_docs; i++) {
        xsltDocumentPtr d = xsltNewDocument(ctx, t->docs[i]);
        if (d)
            d->main = 1;
    }
    pthread_mutex_unlock(&t->docs_lock);
}

const char *page_kind_name(page_kind kind)
{
    return S_kinds[kind].name;
}

const char *page_kind_stylesheet(page_kind kind)
{
    return S_kinds[kind].stylesheet;
}

/* a's language tag equals the len bytes of b, ASCII case and '_' against '-' ignored. */
static bool S_same_lang(const xmlChar *a, const char *b, size_t len)
{
    size_t i = 0;
    for (; i < len && a[i]; i++) {
        char x = (char)(a[i] == '_' ? '-' : a[i]), y = b[i] == '_' ? '-' : b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return i == len && !a[i];
}

/* The <t> child of str whose lang is the len bytes of lang, or NULL. */
static xmlNodePtr S_string_in(xmlNodePtr str, const char *lang, size_t len)
{
    for (xmlNodePtr t = str->children; t; t = t->next) {
        if (t->type != XML_ELEMENT_NODE || !xmlStrEqual(t->name, BAD_CAST "t"))
            continue;
        xmlChar *tl = xmlGetNoNsProp(t, BAD_CAST "lang");
        bool same = tl && S_same_lang(tl, lang, len);
        xmlFree(tl);
        if (same)
            return t;
    }
    return NULL;
}

/*
 * suture:string($strings, $id, $lang): the <t> element of <str id="$id"> under the
 * <strings> element $strings, in the language $lang, else its primary subtag ("ko" for
 * "ko-KR"), else "en"; an empty node-set when there is none. What the str template of
 * layout.xsl looked up with xsl:key before: a key table is built again for every page
 * (libxslt keeps keys per transformation), and that cost more than the rest of the
 * page's interface text; this walks 50-odd elements in C.
 */
static void S_xslt_string(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 3) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlChar *lang = xmlXPathPopString(ctxt);
    xmlChar *id = xmlXPathPopString(ctxt);
    xmlNodeSetPtr set = xmlXPathPopNodeSet(ctxt);
    xmlNodePtr found = NULL;
    if (!xmlXPathCheckError(ctxt) && id && lang && set && set->nodeNr > 0) {
        xmlNodePtr str = set->nodeTab[0]->children;
        for (; str; str = str->next) {
            if (str->type != XML_ELEMENT_NODE || !xmlStrEqual(str->name, BAD_CAST "str"))
                continue;
            xmlChar *sid = xmlGetNoNsProp(str, BAD_CAST "id");
            bool match = sid && xmlStrEqual(sid, id);
            xmlFree(sid);
            if (match)
                break;
        }
        if (str) {
            const char *l = (const char *)lang;
            size_t primary = strcspn(l, "-_");
            found = S_string_in(str, l, strlen(l));
            if (!found)
                found = S_string_in(str, l, primary);
            if (!found)
                found = S_string_in(str, "en", 2);
        }
    }
    xmlXPathFreeNodeSet(set);
    xmlFree(id);
    xmlFree(lang);
    if (!xmlXPathCheckError(ctxt))
        valuePush(ctxt, xmlXPathNewNodeSet(found));
}

void page_init(void)
{
    xmlInitParser();
    exsltRegisterAll();
    xsltInit();
    xsltRegisterExtModuleFunction(BAD_CAST "string", BAD_CAST PAGE_XSLT_NAMESPACE,
                                  S_xslt_string);
    if (!S_default_loader) {
        S_default_loader = xsltDocDefaultLoader;
        xsltSetLoaderFunc(S_loader);
    }
    xsltSetGenericErrorFunc(NULL, pg_capture_generic);
    xmlSetGenericErrorFunc(NULL, pg_capture_generic);
}

void page_cleanup(void)
{
    datetext_cleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
}

/*
 * libxslt asks before document() reads a file: only files inside the templates folder
 * (symbolic links resolved), so that a template cannot publish /etc/passwd or anything else
 * of the machine that builds the site. Returns 1 to allow, 0 to refuse.
 */
static int S_read_file_check(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
                             const char *value)
{
    (void)sec;
    const page_templates *t = ctxt ? ctxt->_private : NULL;
    if (!t || !t->root || !value)
        return 0;
    if (strncmp(value, "file://", 7) == 0)
        value += 7;
    char resolved[PATH_MAX];
    char *path = NULL;
    if (realpath(value, resolved)) {
        path = xstrdup(resolved);
    } else {
        /* A file that does not exist: judge by its folder. */
        char *dir = xstrdup(value);
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        if (slash && realpath(*dir ? dir : "/", resolved))
            path = xasprintf("%s/%s", resolved, slash + 1);
        free(dir);
    }
    size_t n = strlen(t->root);
    int ok = path && strncmp(path, t->root, n) == 0 && path[n] == '/';
    free(path);
    return ok;
}

/* Whether the XML declaration at the start of text names an encoding other than UTF-8
 * (libxml2 then converts the file, and its bytes need not be UTF-8). */
static bool S_declares_other_encoding(const char *text, size_t len)
{
    if (len < 5 || strncmp(text, "<?xml", 5) != 0)
        return false;
    const char *end = memchr(text, '>', len);
    if (!end)
        return false;
    char *decl = xstrndup(text, (size_t)(end - text));
    const char *at = strstr(decl, "encoding");
    bool other = false;
    if (at) {
        at += strcspn(at, "\"'");
        if (*at)
            at++;
        other = strncasecmp(at, "utf-8", 5) != 0 && strncasecmp(at, "utf8", 4) != 0;
    }
    free(decl);
    return other;
}

/*
 * Check every *.xsl and *.xml file directly in dir (the stylesheets, their imports and
 * strings.xml): that it is valid UTF-8, or declares another encoding (utf8.h), and that it
 * is well-formed XML (xmlmsg.h). Each file that is not is reported once, at its first
 * problem, and a file that is not well-formed is added to broken. libxml2 reported each bad
 * byte and each knock-on of a mistyped tag, for every stylesheet that imports the file, then
 * each of these failed to load, and every page that reads strings.xml missed its strings:
 * one mistake, dozens of messages. Returns false when a file is not UTF-8.
 */
static bool S_check_files(const char *dir, diag_list *diags, strlist *broken)
{
    strlist names = STRLIST_INIT;
    if (dir_list(dir, NULL, &names) < 0)
        return true; /* the stylesheets' own load reports it */
    bool ok = true;
    for (size_t i = 0; i < names.len; i++) {
        if (!str_ends_with(names.items[i], ".xsl") && !str_ends_with(names.items[i], ".xml"))
            continue;
        char *path = path_join(dir, names.items[i]);
        size_t len;
        /* path_is_file first: a named pipe would never finish reading. */
        char *text = path_is_file(path) ? file_read(path, &len) : NULL;
        if (text && !S_declares_other_encoding(text, len) &&
            !utf8_check(text, len, path, "template", diags))
            ok = false;
        else if (text && !xmlmsg_check(text, len, path, "template", diags))
            strlist_push(broken, path);
        free(text);
        free(path);
    }
    strlist_free(&names);
    return ok;
}

/* Bytes already read, handed to libxml2 as its input (xmlReadIO), so that it parses them as
 * it parses a file, an empty one included ("Document is empty"). */
typedef struct {
    const char *at;
    size_t left;
} S_memory_input;

static int S_memory_read(void *ctx, char *buf, int len)
{
    S_memory_input *in = ctx;
    size_t n = len > 0 ? (size_t)len : 0;
    if (n > in->left)
        n = in->left;
    memcpy(buf, in->at, n);
    in->at += n;
    in->left -= n;
    return (int)n;
}

static int S_memory_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* New, empty templates of dir: libxslt's security preferences set, the folder resolved. */
static page_templates *S_templates_new(const char *dir)
{
    page_templates *t = xcalloc(1, sizeof *t);
    pthread_mutex_init(&t->docs_lock, NULL);
    t->errors = pg_errors_new();
    t->security = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(t->security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(t->security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(t->security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(t->security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(t->security, XSLT_SECPREF_READ_FILE, S_read_file_check);
    char resolved[PATH_MAX];
    t->root = realpath(dir, resolved) ? xstrdup(resolved) : NULL;
    return t;
}

/*
 * Read and compile the stylesheet at path; *root_line receives its root element's line.
 * Then check what libxslt accepts but is a mistake (pg_check_stylesheet, ids: the ids of
 * strings.xml). Returns the stylesheet, or NULL after reporting why to diags (through
 * pg_flush or pg_check_stylesheet, with reported).
 */
static xsltStylesheetPtr S_compile(const char *path, int *root_line, const strlist *ids,
                                   diag_list *diags, strlist *reported)
{
    /* Read as every file is (file_read): a named pipe is refused, not waited on. */
    size_t len = 0;
    char *text = file_read(path, &len);
    if (!text) {
        diag_file_problem(diags, path, errno, "template", "the stylesheet");
        return NULL;
    }
    strbuf captured = STRBUF_INIT;
    pg_begin_capture(&captured);
    /* The path as the document's URL: xsl:import and document() resolve against it. */
    S_memory_input in = {text, len};
    xmlDocPtr doc = xmlReadIO(S_memory_read, S_memory_close, &in, path, NULL,
                              XML_PARSE_NONET);
    free(text);
    xsltStylesheetPtr sheet = NULL;
    if (doc) {
        xmlNodePtr root = xmlDocGetRootElement(doc);
        *root_line = root ? (int)xmlGetLineNo(root) : 1;
        sheet = xsltParseStylesheetDoc(doc);
        if (!sheet)
            xmlFreeDoc(doc);
        else if (sheet->errors > 0) {
            xsltFreeStylesheet(sheet);
            sheet = NULL;
        }
    }
    pg_end_capture();
    if (!sheet) {
        if (!pg_flush(&captured, path, diags, "", reported))
            diag_error(diags, path, 1, 1, "template",
                       "this stylesheet could not be compiled; check it with "
                       "'xsltproc %s'", path);
        return NULL;
    }
    strbuf_free(&captured);
    if (!pg_check_stylesheet(sheet, ids, diags, reported)) {
        xsltFreeStylesheet(sheet);
        return NULL;
    }
    return sheet;
}

/* Load the stylesheet of page kind k from dir into t. Returns false after reporting a
 * problem; true also for a stylesheet in broken, reported already. */
static bool S_load_kind(page_templates *t, int k, const char *dir, const strlist *broken,
                        const strlist *ids, diag_list *diags, strlist *reported)
{
    char *path = path_join(dir, S_kinds[k].stylesheet);
    t->paths[k] = path;
    if (strlist_contains(broken, path))
        return true; /* reported */
    if (!path_exists(path)) {
        diag_error(diags, path, 0, 0, "template",
                   "the %s page template is missing; every page kind needs its stylesheet "
                   "in %s", S_kinds[k].name, dir);
        return false;
    }
    t->sheets[k] = S_compile(path, &t->root_lines[k], ids, diags, reported);
    return t->sheets[k] != NULL;
}

/* The ids of the interface strings of dir/strings.xml (<strings><str id>), into ids; none
 * when it cannot be read (its own check reports why). */
static void S_string_ids(const char *dir, strlist *ids)
{
    char *path = path_join(dir, "strings.xml");
    xmlDocPtr doc = path_is_file(path) ? xmlReadFile(path, NULL, XML_PARSE_NONET) : NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        xmlChar *id = n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "str")
                          ? xmlGetNoNsProp(n, BAD_CAST "id")
                          : NULL;
        if (id)
            strlist_push(ids, (const char *)id);
        xmlFree(id);
    }
    xmlFreeDoc(doc);
    free(path);
}

page_templates *page_templates_load(const char *dir, diag_list *diags)
{
    page_templates *t = S_templates_new(dir);
    /* A file that is not UTF-8 is reported once, and nothing is parsed. A file that is not
     * well-formed is reported once, and what follows from it is not reported. */
    strlist broken = STRLIST_INIT;
    bool encodings_ok = S_check_files(dir, diags, &broken);
    bool ok = encodings_ok && broken.len == 0;
    /* The messages of every stylesheet's load so far: a broken layout.xsl is parsed once
     * for each stylesheet that imports it, and reported once. */
    strlist reported = STRLIST_INIT;
    for (size_t i = 0; i < broken.len; i++)
        pg_reported_broken(&reported, broken.items[i]);
    strlist ids = STRLIST_INIT;
    if (ok)
        S_string_ids(dir, &ids);
    S_broken = &broken;
    for (int k = 0; encodings_ok && k < PAGE_KIND_COUNT; k++)
        if (!S_load_kind(t, k, dir, &broken, &ids, diags, &reported))
            ok = false;
    S_broken = NULL;
    strlist_free(&ids);
    strlist_free(&reported);
    strlist_free(&broken);
    if (!ok) {
        page_templates_free(t);
        return NULL;
    }
    return t;
}

void page_templates_free(page_templates *t)
{
    if (!t)
        return;
    for (int k = 0; k < PAGE_KIND_COUNT; k++) {
        if (t->sheets[k])
            xsltFreeStylesheet(t->sheets[k]);
        free(t->paths[k]);
    }
    if (t->security)
        xsltFreeSecurityPrefs(t->security);
    free(t->root);
    for (size_t i = 0; i < t->n_docs; i++)
        xmlFreeDoc(t->docs[i]);
    free(t->docs);
    pthread_mutex_destroy(&t->docs_lock);
    strlist_free(&t->asset_urls);
    pg_errors_free(t->errors);
    free(t);
}

void page_templates_set_asset_urls(page_templates *t, const strlist *urls)
{
    strlist_free(&t->asset_urls);
    for (size_t i = 0; urls && i + 1 < urls->len; i += 2) {
        strlist_push(&t->asset_urls, urls->items[i]);
        strlist_push(&t->asset_urls, urls->items[i + 1]);
    }
}

/* Serialise an HTML document as HTML5 in UTF-8. */
static char *S_serialise(xmlDocPtr doc, size_t *len)
{
    xmlDtdPtr dtd = xmlGetIntSubset(doc);
    if (dtd) {
        xmlUnlinkNode((xmlNodePtr)dtd);
        xmlFreeDtd(dtd);
    }
    xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
    /* No encoder: libxml2 holds text as UTF-8 already, and writes it as it is. */
    xmlOutputBufferPtr out = xmlAllocOutputBuffer(NULL);
    htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 0);
    xmlOutputBufferFlush(out);
    const xmlChar *content = xmlOutputBufferGetContent(out);
    size_t n = xmlOutputBufferGetSize(out);
    strbuf b = STRBUF_INIT;
    strbuf_append(&b, (const char *)content, n);
    if (n == 0 || content[n - 1] != '\n')
        strbuf_putc(&b, '\n');
    xmlOutputBufferClose(out);
    *len = b.len;
    return strbuf_detach(&b);
}

/* The first child element of parent named name (ASCII case ignored), or NULL. */
static xmlNodePtr S_child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcasecmp(c->name, BAD_CAST name) == 0)
            return c;
    return NULL;
}

/*
 * Every page's own security policy and referrer policy (PAGE_CONTENT_SECURITY_POLICY), put
 * by suture at the top of <head>, after the charset, whatever the template wrote: a
 * template can add a policy of its own, which browsers apply as well, so it can only make
 * the page stricter.
 */
static void S_lock_down(xmlDocPtr doc)
{
    xmlNodePtr html = xmlDocGetRootElement(doc);
    if (!html)
        return;
    xmlNodePtr head = S_child(html, "head");
    if (!head) {
        head = xmlNewDocNode(doc, NULL, BAD_CAST "head", NULL);
        if (html->children)
            xmlAddPrevSibling(html->children, head);
        else
            xmlAddChild(html, head);
    }
    xmlNodePtr csp = xmlNewDocNode(doc, NULL, BAD_CAST "meta", NULL);
    xmlNewProp(csp, BAD_CAST "http-equiv", BAD_CAST "Content-Security-Policy");
    xmlNewProp(csp, BAD_CAST "content", BAD_CAST PAGE_CONTENT_SECURITY_POLICY);
    xmlNodePtr referrer = xmlNewDocNode(doc, NULL, BAD_CAST "meta", NULL);
    xmlNewProp(referrer, BAD_CAST "name", BAD_CAST "referrer");
    xmlNewProp(referrer, BAD_CAST "content", BAD_CAST PAGE_REFERRER_POLICY);
    /* After <meta charset>, which must come first. */
    xmlNodePtr charset = NULL;
    for (xmlNodePtr c = head->children; c && !charset; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcasecmp(c->name, BAD_CAST "meta") == 0 &&
            xmlHasProp(c, BAD_CAST "charset"))
            charset = c;
    if (charset)
        xmlAddNextSibling(charset, csp);
    else if (head->children)
        xmlAddPrevSibling(head->children, csp);
    else
        xmlAddChild(head, csp);
    xmlAddNextSibling(csp, referrer);
}

/*
 * Whether the page result that kind's stylesheet rendered is well made (pg_check_page);
 * if not, the error is held in t's errors, at the stylesheet's line that wrote the element it
 * is about (else at the stylesheet's root element), naming the template.
 */
static bool S_well_made(page_templates *t, page_kind kind, xmlDocPtr result,
                        const char *page_name)
{
    xmlNodePtr where = NULL;
    char *problem = pg_check_page(result, &where);
    if (!problem)
        return true;
    char *file = NULL;
    unsigned line = 0, column = 1;
    diag_list *found = diag_list_new();
    /* At the element's own line, whichever page kind imports the file: said once. */
    if (pg_source_of(t->sheets[kind], where, &file, &line, &column))
        diag_error(found, file, line, column, "template", "the template %s", problem);
    else
        diag_error(found, t->paths[kind], (unsigned)t->root_lines[kind], 1, "template",
                   "the %s template %s", S_kinds[kind].name, problem);
    pg_errors_add(t->errors, page_name, found);
    diag_list_free(found);
    free(file);
    free(problem);
    return false;
}

void page_templates_report(page_templates *t, diag_list *diags)
{
    pg_errors_report(t->errors, diags);
}

int page_render(page_templates *t, page_kind kind, xmlDocPtr page, const xmlNode *disclaimer,
                const char *page_name, diag_list *diags, char **html, size_t *len)
{
    xsltStylesheetPtr sheet = t->sheets[kind];
    const char *path = t->paths[kind];
    strbuf captured = STRBUF_INIT;
    pg_begin_capture(&captured);
    xsltTransformContextPtr ctx = xsltNewTransformContext(sheet, page);
    xmlDocPtr result = NULL;
    if (ctx) {
        xsltSetCtxtSecurityPrefs(t->security, ctx);
        S_lend_documents(t, ctx);
        result = xsltApplyStylesheetUser(sheet, page, NULL, NULL, NULL, ctx);
        if (ctx->state != XSLT_STATE_OK && result) {
            xmlFreeDoc(result);
            result = NULL;
        }
        xsltFreeTransformContext(ctx);
    }
    pg_end_capture();
    if (!result) {
        /* Without a reported list, every message pg_flush finds becomes an error. */
        diag_list *found = diag_list_new();
        if (!pg_flush(&captured, path, found, "", NULL))
            diag_error(found, path, (unsigned)t->root_lines[kind], 1, "template",
                       "the stylesheet produced no page");
        pg_errors_add(t->errors, page_name, found);
        diag_list_free(found);
        return -1;
    }
    if (!S_well_made(t, kind, result, page_name)) {
        strbuf_free(&captured);
        xmlFreeDoc(result);
        return -1;
    }
    /* Messages from a successful run (xsl:message) are the template author's notes. */
    if (captured.len) {
        char *prefix = xasprintf("while rendering %s: ", page_name);
        diag_list *notes = diag_list_new();
        pg_flush(&captured, path, notes, prefix, NULL);
        for (size_t i = 0; i < diag_count(notes); i++) {
            const diag *d = diag_get(notes, i);
            diag_add(diags, DIAG_WARNING, d->file, d->line, d->column, d->category, "%s",
                     d->message);
        }
        diag_list_free(notes);
        free(prefix);
    }
    strbuf_free(&captured);
    /* What the templates load from assets/ has a fingerprinted name there. */
    assetnames_rewrite(xmlDocGetRootElement(result), &t->asset_urls);
    disclaimer_status st = disclaimer_inject(result, disclaimer);
    if (st == DISCLAIMER_NO_PLACE) {
        diag_error(diags, path, (unsigned)t->root_lines[kind], 1, "disclaimer",
                   "the %s template has neither <div id=\"medical-disclaimer\"/> nor a single "
                   "<main>, so the medical disclaimer has no place; add the placeholder where "
                   "it should appear",
                   S_kinds[kind].name);
        xmlFreeDoc(result);
        return -1;
    }
    if (st == DISCLAIMER_DUPLICATE || disclaimer_count(result) != 1) {
        diag_error(diags, path, (unsigned)t->root_lines[kind], 1, "disclaimer",
                   "the %s template writes its own medical-disclaimer (or two placeholders), "
                   "so %s would show it twice; leave one <div id=\"medical-disclaimer\"/> "
                   "and let suture fill it",
                   S_kinds[kind].name, page_name);
        xmlFreeDoc(result);
        return -1;
    }
    S_lock_down(result);
    *html = S_serialise(result, len);
    xmlFreeDoc(result);
    return 0;
}
