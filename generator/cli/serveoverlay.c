/* serveoverlay.c: the preview's compliance overlay (see serveoverlay.h). */
#define _GNU_SOURCE
#include "cli/serveoverlay.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"

const char serve_overlay_css[] =
    "/* suture serve: compliance findings, in the preview only. */\n"
    ".suture-findings{border:3px solid #8a1c1c;background:#fff4f4;color:#1b1b1b;"
    "padding:1rem;margin:0 0 1.5rem;border-radius:.5rem;font:1rem/1.5 system-ui,sans-serif}\n"
    ".suture-findings h2{margin:0 0 .5rem;font-size:1.15rem;line-height:1.3;color:#8a1c1c}\n"
    ".suture-findings p{margin:0 0 .5rem}\n"
    ".suture-findings ol{margin:.5rem 0 0;padding-left:1.5rem}\n"
    ".suture-findings li{margin:.6rem 0;overflow-wrap:anywhere}\n"
    ".suture-findings .suture-place{font-family:ui-monospace,monospace;font-size:.9em}\n"
    ".suture-findings .suture-rule{font-family:ui-monospace,monospace;font-size:.9em}\n"
    ".suture-findings .suture-error{color:#8a1c1c;font-weight:bold}\n"
    ".suture-findings .suture-warning{color:#6b5400;font-weight:bold}\n"
    "mark.suture-mark{background:#ffd6d6;color:inherit;box-shadow:0 0 0 2px #8a1c1c;"
    "border-radius:.15rem}\n"
    "mark.suture-mark.suture-mark-warning{background:#fff1b8;box-shadow:0 0 0 2px #8a6d00}\n"
    "mark.suture-mark:target{box-shadow:0 0 0 4px #8a1c1c}\n"
    "a.suture-mark-ref{font:bold .75rem/1 ui-monospace,monospace;vertical-align:super;"
    "margin-left:.2em;color:#8a1c1c;overflow-wrap:anywhere}\n"
    ".suture-findings a:focus,a.suture-mark-ref:focus{outline:3px solid #1b1b1b;"
    "outline-offset:2px}\n";

struct serve_overlay {
    atomic_uint refs;
    check_mark *items;
    size_t len;
    char **urls;     /* per item: its article's page URL; NULL for a data file's */
};

serve_overlay *serve_overlay_new(check_marks *marks, const strlist *article_pages)
{
    if (!marks->len)
        return NULL;
    serve_overlay *ov = xcalloc(1, sizeof *ov);
    atomic_init(&ov->refs, 1);
    ov->items = marks->items;
    ov->len = marks->len;
    ov->urls = xcalloc(ov->len + 1, sizeof *ov->urls);
    for (size_t i = 0; i < ov->len; i++)
        for (size_t k = 0; article_pages && k + 1 < article_pages->len; k += 2)
            if (strcmp(article_pages->items[k], ov->items[i].file) == 0) {
                ov->urls[i] = xstrdup(article_pages->items[k + 1]);
                break;
            }
    marks->items = NULL;
    marks->len = 0;
    return ov;
}

serve_overlay *serve_overlay_hold(serve_overlay *ov)
{
    if (ov)
        atomic_fetch_add(&ov->refs, 1);
    return ov;
}

void serve_overlay_release(serve_overlay *ov)
{
    if (!ov || atomic_fetch_sub(&ov->refs, 1) != 1)
        return;
    check_marks all = {ov->items, ov->len};
    check_marks_free(&all);
    for (size_t i = 0; i < ov->len; i++)
        free(ov->urls[i]);
    free(ov->urls);
    free(ov);
}

/* Whether item i is shown on the page at url (its index.html or its folder). */
static bool S_on_page(const serve_overlay *ov, size_t i, const char *url)
{
    const char *page = ov->urls[i];
    if (!page)
        return strstr(ov->items[i].file, "/articles/") == NULL;
    size_t n = strlen(page);
    return strncmp(url, page, n) == 0 && (!url[n] || strcmp(url + n, "index.html") == 0);
}

static bool S_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char S_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Where phrase (what the lint read: white space folded, markup gone) occurs in text, as
 * bytes [*start, *end): a run of white space matches any run, ASCII letters either case.
 */
static bool S_find(const char *text, const char *phrase, size_t *start, size_t *end)
{
    for (size_t i = 0; text[i]; i++) {
        size_t t = i, p = 0;
        while (phrase[p]) {
            if (S_space(phrase[p])) {
                if (!S_space(text[t]))
                    break;
                while (S_space(phrase[p]))
                    p++;
                while (S_space(text[t]))
                    t++;
            } else if (text[t] && S_lower(text[t]) == S_lower(phrase[p])) {
                t++;
                p++;
            } else {
                break;
            }
        }
        if (!phrase[p]) {
            *start = i;
            *end = t;
            return true;
        }
    }
    return false;
}

/* Whether the overlay leaves n's text alone: code (never linted), scripts, marks made. */
static bool S_skipped(xmlNodePtr n)
{
    static const char *const names[] = {"script", "style", "code", "pre", "mark", "section",
                                        NULL};
    if (n->type != XML_ELEMENT_NODE)
        return false;
    for (size_t i = 0; names[i]; i++)
        if (xmlStrEqual(n->name, BAD_CAST names[i]))
            return !xmlStrEqual(n->name, BAD_CAST "section") ||
                   xmlHasProp(n, BAD_CAST "data-suture");
    return false;
}

/* The first text node under root, in document order, where phrase occurs. */
static xmlNodePtr S_text_with(xmlNodePtr root, const char *phrase, size_t *start, size_t *end)
{
    xmlNodePtr n = root->children;
    while (n && n != root) {
        if (n->type == XML_TEXT_NODE && n->content &&
            S_find((const char *)n->content, phrase, start, end))
            return n;
        if (n->children && !S_skipped(n)) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next)
            n = n->parent;
        if (n != root)
            n = n->next;
    }
    return NULL;
}

/* Wrap [start, end) of the text node t in a <mark> for item i, with its rule id after it
 * linking to its place in the list. */
static void S_wrap(xmlNodePtr t, size_t start, size_t end, size_t i, const check_mark *m)
{
    xmlDocPtr doc = t->doc;
    const char *text = (const char *)t->content;
    char id[48], note[48];
    snprintf(id, sizeof id, "suture-finding-%zu", i + 1);
    snprintf(note, sizeof note, "suture-finding-%zu-note", i + 1);
    xmlNodePtr mark = xmlNewDocNode(doc, NULL, BAD_CAST "mark", NULL);
    xmlNewProp(mark, BAD_CAST "id", BAD_CAST id);
    xmlNewProp(mark, BAD_CAST "class", BAD_CAST(m->mark.severity == DIAG_ERROR
                                                    ? "suture-mark"
                                                    : "suture-mark suture-mark-warning"));
    xmlNewProp(mark, BAD_CAST "aria-describedby", BAD_CAST note);
    xmlAddChild(mark, xmlNewDocTextLen(doc, BAD_CAST(text + start), (int)(end - start)));
    xmlNodePtr ref = xmlNewDocNode(doc, NULL, BAD_CAST "a", NULL);
    xmlNewProp(ref, BAD_CAST "class", BAD_CAST "suture-mark-ref");
    char *href = xasprintf("#%s", note);
    xmlNewProp(ref, BAD_CAST "href", BAD_CAST href);
    free(href);
    xmlAddChild(ref, xmlNewDocText(doc, BAD_CAST m->mark.rule));
    char *rest = xstrdup(text + end);
    xmlNodePtr before = start ? xmlNewDocTextLen(doc, BAD_CAST text, (int)start) : NULL;
    xmlAddPrevSibling(t, mark);
    if (before)
        xmlAddPrevSibling(mark, before);
    xmlAddNextSibling(mark, ref);
    if (*rest) {
        xmlNodeSetContent(t, NULL);
        xmlNodeAddContent(t, BAD_CAST rest);
    } else {
        xmlUnlinkNode(t);
        xmlFreeNode(t);
    }
    free(rest);
}

/* The first element named name under n, in document order, or NULL. */
static xmlNodePtr S_find_element(xmlNodePtr n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, BAD_CAST name))
            return n;
        xmlNodePtr in = S_find_element(n->children, name);
        if (in)
            return in;
    }
    return NULL;
}

/* The list's heading and its line on publishing, in the page's language. */
static void S_list_intro(xmlNodePtr section, bool ko, size_t errors)
{
    const char *title = ko ? (errors ? "준법 검토: 이 페이지는 게시할 수 없습니다"
                                     : "준법 검토: 확인할 표현이 있습니다")
                           : (errors ? "Compliance: this page cannot be published"
                                     : "Compliance: wording to review");
    xmlNodePtr h = xmlNewTextChild(section, NULL, BAD_CAST "h2", BAD_CAST title);
    xmlNewProp(h, BAD_CAST "id", BAD_CAST "suture-findings-title");
    char *line;
    if (ko)
        line = errors ? xasprintf("아래 오류 %zu개가 남아 있는 동안 suture build는 사이트를 게시하지 "
                                  "않습니다. 표시한 표현을 고치세요. 이 목록과 표시는 미리보기에만 "
                                  "나타나며 게시되는 페이지에는 없습니다.",
                                  errors)
                      : xstrdup("아래 경고는 게시를 막지 않지만 검토가 필요합니다. 이 목록과 "
                                "표시는 미리보기에만 나타납니다.");
    else
        line = errors ? xasprintf("suture build will not publish the site while %s below "
                                  "remain%s: change the marked wording. This list and the "
                                  "marks appear only in this preview, never in the published "
                                  "pages.",
                                  errors == 1 ? "the error" : "the errors",
                                  errors == 1 ? "s" : "")
                      : xstrdup("These warnings do not block publishing, but someone should "
                                "look at them. This list and the marks appear only in this "
                                "preview.");
    xmlNewTextChild(section, NULL, BAD_CAST "p", BAD_CAST line);
    free(line);
}

/* One finding's line in the list: its place (a link to its mark when marked), severity,
 * message and rule, in the message's language. */
static void S_list_item(xmlNodePtr list, size_t i, const check_mark *m, bool marked)
{
    char id[48];
    snprintf(id, sizeof id, "suture-finding-%zu-note", i + 1);
    xmlNodePtr li = xmlNewChild(list, NULL, BAD_CAST "li", NULL);
    xmlNewProp(li, BAD_CAST "id", BAD_CAST id);
    xmlNewProp(li, BAD_CAST "lang", BAD_CAST m->mark.lang);
    char *place = m->mark.line ? xasprintf("%s:%u:%u", m->file, m->mark.line, m->mark.column)
                               : xstrdup(m->file);
    xmlNodePtr where;
    if (marked) {
        where = xmlNewTextChild(li, NULL, BAD_CAST "a", BAD_CAST place);
        char *href = xasprintf("#suture-finding-%zu", i + 1);
        xmlNewProp(where, BAD_CAST "href", BAD_CAST href);
        free(href);
    } else {
        where = xmlNewTextChild(li, NULL, BAD_CAST "span", BAD_CAST place);
    }
    xmlNewProp(where, BAD_CAST "class", BAD_CAST "suture-place");
    free(place);
    bool error = m->mark.severity == DIAG_ERROR;
    /* The severity in the message's language, as the rest of the line. */
    const char *severity = diag_severity_name(m->mark.severity);
    if (slug_language_in(m->mark.lang, "ko"))
        severity = error ? "오류" : m->mark.severity == DIAG_WARNING ? "경고" : "참고";
    xmlAddChild(li, xmlNewText(BAD_CAST " "));
    xmlNodePtr sev = xmlNewTextChild(li, NULL, BAD_CAST "span", BAD_CAST severity);
    xmlNewProp(sev, BAD_CAST "class", BAD_CAST(error ? "suture-error" : "suture-warning"));
    char *text = xasprintf(": %s ", m->mark.message);
    xmlAddChild(li, xmlNewText(BAD_CAST text));
    free(text);
    char *bracketed = xasprintf("[%s]", m->mark.rule);
    xmlNodePtr r = xmlNewTextChild(li, NULL, BAD_CAST "span", BAD_CAST bracketed);
    xmlNewProp(r, BAD_CAST "class", BAD_CAST "suture-rule");
    free(bracketed);
}

/* The list of the page's findings at the top of main, each phrase marked where found. */
static void S_overlay(const serve_overlay *ov, const char *url, xmlNodePtr main_el, bool ko)
{
    size_t errors = 0;
    for (size_t i = 0; i < ov->len; i++)
        if (S_on_page(ov, i, url) && ov->items[i].mark.severity == DIAG_ERROR)
            errors++;
    xmlNodePtr section = xmlNewNode(NULL, BAD_CAST "section");
    xmlNewProp(section, BAD_CAST "class", BAD_CAST "suture-findings");
    xmlNewProp(section, BAD_CAST "data-suture", BAD_CAST "findings");
    xmlNewProp(section, BAD_CAST "aria-labelledby", BAD_CAST "suture-findings-title");
    xmlNewProp(section, BAD_CAST "lang", BAD_CAST(ko ? "ko" : "en"));
    S_list_intro(section, ko, errors);
    xmlNodePtr list = xmlNewChild(section, NULL, BAD_CAST "ol", NULL);
    for (size_t i = 0; i < ov->len; i++) {
        if (!S_on_page(ov, i, url))
            continue;
        const check_mark *m = &ov->items[i];
        size_t start, end;
        xmlNodePtr t = m->mark.phrase && *m->mark.phrase
                           ? S_text_with(main_el, m->mark.phrase, &start, &end)
                           : NULL;
        if (t)
            S_wrap(t, start, end, i, m);
        S_list_item(list, i, m, t != NULL);
    }
    if (main_el->children)
        xmlAddPrevSibling(main_el->children, section);
    else
        xmlAddChild(main_el, section);
}

char *serve_overlay_page(const serve_overlay *ov, const char *url, const char *html, size_t len,
                         const char *script_src, size_t *out_len)
{
    size_t shown = 0;
    for (size_t i = 0; ov && i < ov->len; i++)
        shown += S_on_page(ov, i, url);
    if (!shown || len > INT32_MAX)
        return NULL;
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNodePtr body = root ? S_find_element(root, "body") : NULL;
    if (!body) {
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlNodePtr main_el = S_find_element(body, "main");
    xmlChar *lang = xmlGetProp(root, BAD_CAST "lang");
    bool ko = lang && slug_language_in((const char *)lang, "ko");
    xmlFree(lang);
    S_overlay(ov, url, main_el ? main_el : body, ko);
    xmlNodePtr head = S_find_element(root, "head");
    if (head) {
        xmlNodePtr link = xmlNewChild(head, NULL, BAD_CAST "link", NULL);
        xmlNewProp(link, BAD_CAST "rel", BAD_CAST "stylesheet");
        xmlNewProp(link, BAD_CAST "href", BAD_CAST SERVE_OVERLAY_CSS_PATH);
    }
    xmlNodePtr script = xmlNewChild(body, NULL, BAD_CAST "script", NULL);
    xmlNewProp(script, BAD_CAST "src", BAD_CAST script_src);
    /* Written as UTF-8, as read (htmlDocDumpMemory takes the encoding only from a
     * <meta http-equiv> and writes every other letter as &#...; without one). libxml2 adds
     * that <meta http-equiv> to the head, saying the same as the page's <meta charset>:
     * in the preview's copy only. */
    xmlFree((xmlChar *)doc->encoding);
    doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, NULL, XML_SAVE_AS_HTML);
    long wrote = save ? xmlSaveDoc(save, doc) : -1;
    if (save)
        xmlSaveClose(save);
    xmlFreeDoc(doc);
    if (wrote < 0) {
        xmlBufferFree(buf);
        return NULL;
    }
    size_t n = (size_t)xmlBufferLength(buf);
    char *copy = xmalloc(n + 1);
    memcpy(copy, xmlBufferContent(buf), n);
    copy[n] = '\0';
    xmlBufferFree(buf);
    *out_len = n;
    return copy;
}
