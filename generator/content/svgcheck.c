/* svgcheck.c: SVG diagrams checked as untrusted input (see svgcheck.h). */
#define _GNU_SOURCE
#include "content/svgcheck.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/sourcelines.h"
#include "base/str.h"

#define XLINK_NS "http://www.w3.org/1999/xlink"

#define REF_XML "XML 1.0 (W3C), well-formedness"
#define REF_XXE "OWASP XML External Entity Prevention Cheat Sheet"
#define REF_STRUCTURE "SVG 2 (W3C), 'Document structure'"
#define REF_SCRIPT "SVG 2 (W3C), 'Scripting and interactivity'"
#define REF_EMBEDDED "SVG 2 (W3C), 'Embedded content'"
#define REF_CSP "Content Security Policy Level 3 (W3C), style-src"
#define REF_XSS "OWASP Cross Site Scripting Prevention Cheat Sheet"
#define REF_ANIMATION "SVG 2 (W3C), 'Animation'; WCAG 2.2 SC 2.3.3"
#define REF_TITLE "SVG 2 (W3C), 'The desc and title elements'; WCAG 2.2 SC 1.1.1"

const char *const svgcheck_elements[] = {
    "svg",      "g",        "defs",           "title",          "desc",     "symbol",
    "use",      "path",     "rect",           "circle",         "ellipse",  "line",
    "polyline", "polygon",  "text",           "tspan",          "textPath", "marker",
    "linearGradient",       "radialGradient", "stop",           "clipPath", "mask",
    "pattern",  NULL};

static const char *const S_animation[] = {"animate", "set", "animateMotion", "animateTransform",
                                          "discard", NULL};

/* One check: where it reports, and the source's start tags for columns. */
typedef struct {
    const char *file;
    const char *category;
    diag_list *diags;
    unsigned flags;
    bool ko;            /* SVGCHECK_KOREAN: the refusals are told in Korean */
    size_t errors;
    source_lines lines; /* of the text, when there is one */
    bool have_text;
    size_t *tags;       /* the offset of each start tag's '<', in document order */
    size_t n_tags;
    size_t element;     /* the number of the element being checked, in document order */
} S_check;

/* ---- positions ---- */

/* The offset just past the end of what starts at text[i] and ends with end, or len. */
static size_t S_skip_to(const char *text, size_t len, size_t i, const char *end)
{
    const char *at = memmem(text + i, len - i, end, strlen(end));
    return at ? (size_t)(at - text) + strlen(end) : len;
}

/* The offset just past the '>' of the tag starting at text[i], quoted values skipped. */
static size_t S_tag_end(const char *text, size_t len, size_t i)
{
    char quote = 0;
    for (; i < len; i++) {
        if (quote) {
            if (text[i] == quote)
                quote = 0;
        } else if (text[i] == '"' || text[i] == '\'') {
            quote = text[i];
        } else if (text[i] == '>') {
            return i + 1;
        }
    }
    return len;
}

/* Record the offset of every start tag of text, in document order: in well-formed XML the
 * k-th start tag is the k-th element of the tree (no entity can add elements: a DTD is
 * refused before any is declared). */
static void S_index_tags(S_check *c, const char *text, size_t len)
{
    size_t cap = 0;
    size_t i = 0;
    while (i < len) {
        if (text[i] != '<') {
            i++;
        } else if (len - i >= 4 && memcmp(text + i, "<!--", 4) == 0) {
            i = S_skip_to(text, len, i + 4, "-->");
        } else if (len - i >= 9 && memcmp(text + i, "<![CDATA[", 9) == 0) {
            i = S_skip_to(text, len, i + 9, "]]>");
        } else if (len - i >= 2 && text[i + 1] == '?') {
            i = S_skip_to(text, len, i + 2, "?>");
        } else if (len - i >= 2 && (text[i + 1] == '!' || text[i + 1] == '/')) {
            i = S_tag_end(text, len, i + 2);
        } else {
            if (c->n_tags == cap) {
                cap = cap ? cap * 2 : 64;
                c->tags = xreallocarray(c->tags, cap, sizeof *c->tags);
            }
            c->tags[c->n_tags++] = i;
            i = S_tag_end(text, len, i + 1);
        }
    }
}

static bool S_name_char(char ch)
{
    return ch && !strchr(" \t\r\n=/>", ch);
}

/* The offset of attribute qname in the start tag at text[at], or at when not found. */
static size_t S_attr_offset(const S_check *c, size_t at, const char *qname)
{
    const char *text = c->lines.text;
    size_t len = c->lines.len, i = at + 1;
    while (i < len && S_name_char(text[i]))
        i++;
    for (;;) {
        while (i < len && strchr(" \t\r\n", text[i]))
            i++;
        if (i >= len || text[i] == '>' || text[i] == '/')
            return at;
        size_t name = i;
        while (i < len && S_name_char(text[i]))
            i++;
        if (i - name == strlen(qname) && memcmp(text + name, qname, i - name) == 0)
            return name;
        while (i < len && strchr(" \t\r\n=", text[i]))
            i++;
        if (i < len && (text[i] == '"' || text[i] == '\'')) {
            const char *q = memchr(text + i + 1, text[i], len - i - 1);
            i = q ? (size_t)(q - text) + 1 : len;
        }
    }
}

/* An attribute's name as written: prefix:name. */
static char *S_qname(const xmlAttr *a)
{
    if (a->ns && a->ns->prefix)
        return xasprintf("%s:%s", (const char *)a->ns->prefix, (const char *)a->name);
    return xstrdup((const char *)a->name);
}

/* Report a refusal at el (at its attribute attr when not NULL). */
static void S_refuse(S_check *c, const xmlNode *el, const xmlAttr *attr, const char *ref,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void S_refuse(S_check *c, const xmlNode *el, const xmlAttr *attr, const char *ref,
                     const char *fmt, ...)
{
    c->errors++;
    if (!c->diags)
        return;
    unsigned line = (unsigned)xmlGetLineNo(el), column = 1;
    if ((long)line <= 0)
        line = 1;
    /* Past SVGCHECK_MAX_REPORTED, one line says there is more: a hostile file with 200,000
     * event attributes would otherwise print 200,000 messages, each found by a scan. */
    if (c->errors > SVGCHECK_MAX_REPORTED) {
        if (c->errors == SVGCHECK_MAX_REPORTED + 1)
            diag_add_ref(c->diags, DIAG_ERROR, c->file, line, column, c->category, NULL,
                         c->ko ? "이 그림에서 받아들일 수 없는 것이 %d개를 넘습니다. 위에 "
                                 "나온 것을 고친 다음 다시 검사해 주십시오"
                               : "more than %d things in this drawing are refused; fix those "
                                 "reported above, then check it again",
                         SVGCHECK_MAX_REPORTED);
        return;
    }
    if (c->have_text && c->element < c->n_tags) {
        size_t at = c->tags[c->element];
        if (attr) {
            char *q = S_qname(attr);
            at = S_attr_offset(c, at, q);
            free(q);
        }
        source_position(&c->lines, at, &line, &column);
    }
    va_list ap;
    va_start(ap, fmt);
    char *message = xvasprintf(fmt, ap);
    va_end(ap);
    diag_add_ref(c->diags, DIAG_ERROR, c->file, line, column, c->category, ref, "%s", message);
    free(message);
}

/* ---- names ---- */

/* Whether name is one of list, with case ignored in an HTML tree. */
static bool S_in(const S_check *c, const char *name, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if ((c->flags & SVGCHECK_HTML) ? strcasecmp(name, list[i]) == 0
                                       : strcmp(name, list[i]) == 0)
            return true;
    return false;
}

static bool S_is(const S_check *c, const xmlNode *el, const char *name)
{
    const char *const one[] = {name, NULL};
    return S_in(c, (const char *)el->name, one);
}

/* Whether el is an element of SVG's namespace (in an HTML tree: has no prefix). */
static bool S_svg_ns(const S_check *c, const xmlNode *el)
{
    if (c->flags & SVGCHECK_HTML)
        return !strchr((const char *)el->name, ':');
    return el->ns && xmlStrEqual(el->ns->href, BAD_CAST SVGCHECK_NS);
}

/* ---- attribute values ---- */

/* value without spaces and control characters, in lower case: what a browser reads as a
 * scheme ("java\tscript:" is javascript:). */
static char *S_squeezed(const char *value)
{
    strbuf b = STRBUF_INIT;
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        if (*p > ' ')
            strbuf_putc(&b, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
    return strbuf_detach(&b);
}

/* The first url(...) of value that does not point at an id of this file, as a new string;
 * NULL when every one does. */
static char *S_outside_url(const char *value)
{
    const char *p = value;
    while ((p = strcasestr(p, "url("))) {
        const char *q = p + 4;
        while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '"' || *q == '\'')
            q++;
        if (*q != '#') {
            size_t n = strcspn(p, ")");
            return xstrndup(p, n + (p[n] == ')'));
        }
        p += 4;
    }
    return NULL;
}

/* The attribute's local name is href, of no namespace or XLink's (in HTML: "xlink:href"). */
static bool S_is_href(const S_check *c, const xmlAttr *a)
{
    if (c->flags & SVGCHECK_HTML)
        return strcasecmp((const char *)a->name, "href") == 0 ||
               strcasecmp((const char *)a->name, "xlink:href") == 0;
    return xmlStrEqual(a->name, BAD_CAST "href") &&
           (!a->ns || xmlStrEqual(a->ns->href, BAD_CAST XLINK_NS));
}

/* Whether attribute a is in a namespace a diagram may use (none, or XLink's href, or xml:). */
static bool S_attr_namespace_ok(const S_check *c, const xmlAttr *a)
{
    if (c->flags & SVGCHECK_HTML) {
        const char *name = (const char *)a->name;
        return !strchr(name, ':') || strcasecmp(name, "xlink:href") == 0 ||
               strcasecmp(name, "xmlns:xlink") == 0 || strcasecmp(name, "xml:space") == 0 ||
               strcasecmp(name, "xml:lang") == 0;
    }
    if (!a->ns)
        return true;
    if (xmlStrEqual(a->ns->href, BAD_CAST XLINK_NS))
        return xmlStrEqual(a->name, BAD_CAST "href");
    return xmlStrEqual(a->ns->href, XML_XML_NAMESPACE) &&
           (xmlStrEqual(a->name, BAD_CAST "space") || xmlStrEqual(a->name, BAD_CAST "lang"));
}

static void S_check_attr(S_check *c, const xmlNode *el, const xmlAttr *a)
{
    char *qname = S_qname(a);
    xmlChar *raw = xmlNodeGetContent((const xmlNode *)a);
    const char *value = raw ? (const char *)raw : "";
    char *squeezed = S_squeezed(value);
    char *outside = NULL;
    if (strncasecmp((const char *)a->name, "on", 2) == 0) {
        S_refuse(c, el, a, REF_SCRIPT,
                 c->ko ? "이벤트 속성 '%s'은(는) 독자가 다이어그램을 가리키거나 누르거나 "
                         "불러올 때 스크립트를 실행합니다. 지워 주십시오(다이어그램에는 "
                         "스크립트가 필요 없습니다)"
                       : "the event attribute '%s' runs script when the reader points at, "
                         "clicks or loads the diagram; delete it (a diagram needs no script)",
                 qname);
    } else if (strstr(squeezed, "javascript:") || strstr(squeezed, "vbscript:")) {
        S_refuse(c, el, a, REF_XSS,
                 c->ko ? "'%s'에 스크립트를 실행하는 javascript: 또는 vbscript: 주소가 "
                         "있습니다. 지워 주십시오"
                       : "'%s' holds a javascript: or vbscript: address, which runs script; "
                         "delete it",
                 qname);
    } else if (!S_attr_namespace_ok(c, a)) {
        S_refuse(c, el, a, REF_STRUCTURE,
                 c->ko ? "속성 '%s'은(는) SVG의 것이 아니라 그림 프로그램의 것입니다. 지워 "
                         "주십시오(그림을 일반 SVG로 저장하면 됩니다)"
                       : "the attribute '%s' belongs to a drawing program, not to SVG; delete "
                         "it (save the drawing as plain SVG)",
                 qname);
    } else if (strcasecmp((const char *)a->name, "style") == 0) {
        S_refuse(c, el, a, REF_CSP, "%s",
                 c->ko ? "style=\"...\"은 사이트의 페이지에서 적용되지 않습니다. 페이지의 "
                         "Content-Security-Policy가 인라인 스타일을 막기 때문입니다(url()이나 "
                         "@import로 다른 곳에서 불러올 수도 있습니다). 속성을 하나씩 따로 "
                         "쓰거나(fill=\"none\", stroke-width=\"2\"), "
                         "templates/assets/site.css에서 스타일을 정한 class를 도형에 주십시오"
                       : "style=\"...\" is not applied in the site's pages, whose "
                         "Content-Security-Policy blocks inline styles (and it could load from "
                         "elsewhere with url() or @import); write each property as an "
                         "attribute instead (fill=\"none\", stroke-width=\"2\") or give the "
                         "shape a class styled in templates/assets/site.css");
    } else if (S_is_href(c, a) && value[strspn(value, " \t\r\n")] != '#') {
        S_refuse(c, el, a, REF_XSS,
                 c->ko ? "%s=\"%s\"(<%s>에 있음)은(는) 이 파일 밖을 가리킵니다. 다이어그램은 "
                         "자기 안(href=\"#id\")만 가리킬 수 있으니, 보여 줄 것을 이 파일 "
                         "안에 그려 주십시오"
                       : "%s=\"%s\" on <%s> points outside this file; a diagram may only "
                         "point inside itself (href=\"#id\"): draw what it shows in this "
                         "file instead",
                 qname, value, (const char *)el->name);
    } else if ((outside = S_outside_url(value))) {
        S_refuse(c, el, a, REF_XSS,
                 c->ko ? "'%s'이(가) 이 파일 밖의 %s을(를) 씁니다. 다이어그램은 자기 안의 "
                         "id를 가리키는 url(#id)만 쓸 수 있습니다"
                       : "'%s' uses %s, outside this file; a diagram may only use url(#id) "
                         "with an id of its own",
                 qname, outside);
    } else if (strchr(value, '\\') && strchr(value, '(')) {
        S_refuse(c, el, a, REF_XSS,
                 c->ko ? "'%s'에는 '(' 옆에 CSS 이스케이프('\\')가 있어 눈에 띄지 않게 "
                         "url(을 만들 수 있습니다. 백슬래시 없이 값을 써 주십시오"
                       : "'%s' holds a CSS escape ('\\') beside a '(', which can spell url( "
                         "unseen; write the value without the backslash",
                 qname);
    }
    free(outside);
    free(squeezed);
    xmlFree(raw);
    free(qname);
}

/* ---- elements ---- */

/* Refuse the animation element el: an animated href is a script hazard, any other
 * animation is refused for the readers. */
static void S_refuse_animation(S_check *c, const xmlNode *el)
{
    const char *name = (const char *)el->name;
    xmlChar *target = NULL;
    for (const xmlAttr *a = el->properties; a && !target; a = a->next)
        if (strcasecmp((const char *)a->name, "attributeName") == 0)
            target = xmlNodeGetContent((const xmlNode *)a);
    bool href = target && (strcasecmp((const char *)target, "href") == 0 ||
                           strcasecmp((const char *)target, "xlink:href") == 0);
    const char *why =
        c->ko ? (href ? "검사를 마친 링크를 무엇으로든, javascript:로도 쉽게 바꾸기 "
                        "때문입니다"
                      : "사이트에는 애니메이션이 없고(독자의 몸을 불편하게 할 수 "
                        "있습니다), 애니메이션은 검사를 마친 링크를 바꿀 수 있기 "
                        "때문입니다")
              : (href ? "it changes a link after it was checked, into javascript: as "
                        "easily as into anything else"
                      : "the site has no animation (it can make readers unwell), and "
                        "animation can change links after they were checked");
    S_refuse(c, el, NULL, href ? REF_XSS : REF_ANIMATION,
             c->ko ? "다이어그램에는 <%s>을(를) 쓸 수 없습니다. %s. 움직이지 않는 그림으로 "
                     "그려 주십시오"
                   : "<%s> is not allowed in a diagram: %s; draw the diagram still",
             name, why);
    xmlFree(target);
}

/* Whether the element is refused (reported); its content is then not checked. */
static bool S_refused_element(S_check *c, const xmlNode *el)
{
    const char *name = (const char *)el->name;
    if (!S_svg_ns(c, el)) {
        S_refuse(c, el, NULL, REF_STRUCTURE,
                 c->ko ? "<%s%s%s>은(는) SVG 요소가 아닙니다(그림 프로그램의 자체 데이터나 "
                         "다른 언어의 마크업입니다). 지워 주십시오(그림을 일반 SVG로 저장하면 "
                         "됩니다)"
                       : "<%s%s%s> is not an SVG element (a drawing program's own data, or "
                         "another language's markup); delete it (save the drawing as plain "
                         "SVG)",
                 el->ns && el->ns->prefix ? (const char *)el->ns->prefix : "",
                 el->ns && el->ns->prefix ? ":" : "", name);
    } else if (S_is(c, el, "script")) {
        S_refuse(c, el, NULL, REF_SCRIPT, "%s",
                 c->ko ? "다이어그램에는 <script>를 쓸 수 없습니다. 파일을 열거나 페이지를 "
                         "읽을 때 사이트의 권한으로 실행되기 때문입니다. 지워 "
                         "주십시오(다이어그램에는 스크립트가 필요 없습니다)"
                       : "<script> is not allowed in a diagram: it runs with the site's rights "
                         "when the file is opened or the page is read; delete it (a diagram "
                         "needs no script)");
    } else if (S_is(c, el, "foreignObject")) {
        S_refuse(c, el, NULL, REF_EMBEDDED, "%s",
                 c->ko ? "다이어그램에는 <foreignObject>를 쓸 수 없습니다. 그림 안에 "
                         "HTML(링크, 양식, 스크립트)을 넣기 때문입니다. 글자는 <text>로 써 "
                         "주십시오"
                       : "<foreignObject> is not allowed in a diagram: it puts HTML (links, "
                         "forms, scripts) inside the drawing; write the labels with <text> "
                         "instead");
    } else if (S_is(c, el, "style")) {
        S_refuse(c, el, NULL, REF_CSP, "%s",
                 c->ko ? "다이어그램에는 <style>을 쓸 수 없습니다. 페이지에 그려 넣으면 그 "
                         "규칙이 페이지 전체(면책 문구까지)의 모양을 바꾸고, 사이트의 "
                         "Content-Security-Policy도 이를 막습니다. 도형에 속성(fill=, "
                         "stroke=)을 주거나 templates/assets/site.css에서 스타일을 정한 "
                         "class를 주십시오"
                       : "<style> is not allowed in a diagram: drawn inline in a page, its "
                         "rules would restyle the whole page (the disclaimer included), and "
                         "the site's Content-Security-Policy blocks it; give shapes attributes "
                         "(fill=, stroke=) or a class styled in templates/assets/site.css");
    } else if (S_is(c, el, "image")) {
        S_refuse(c, el, NULL, REF_XSS, "%s",
                 c->ko ? "다이어그램에는 <image>를 쓸 수 없습니다. 그 안의 그림은 다른 곳에서 "
                         "불러올 수 있고, 그 안의 글자는 소리 내어 읽어 주거나 확대할 수 "
                         "없습니다. 도형과 <text>로 그리고, 사진은 글에 이미지로 넣어 "
                         "주십시오"
                       : "<image> is not allowed in a diagram: a picture inside it could load "
                         "from elsewhere, and its labels could not be read aloud or enlarged; "
                         "draw with shapes and <text>, and put photos in the article as "
                         "images");
    } else if (S_in(c, name, S_animation)) {
        S_refuse_animation(c, el);
    } else if (!S_in(c, name, svgcheck_elements)) {
        S_refuse(c, el, NULL, REF_STRUCTURE,
                 c->ko ? "<%s>은(는) suture가 다이어그램에 게시하는 요소가 아닙니다. <g>, "
                         "<path>, <rect>, <circle>, <ellipse>, <line>, <polyline>, <polygon>, "
                         "<text>, <tspan>, <use>, <marker>, 그라디언트, 클립 경로, 마스크로 "
                         "그려 주십시오"
                       : "<%s> is not an element suture publishes in a diagram; draw with "
                         "<g>, <path>, <rect>, <circle>, <ellipse>, <line>, <polyline>, "
                         "<polygon>, <text>, <tspan>, <use>, <marker>, gradients, clip paths "
                         "and masks",
                 name);
    } else {
        return false;
    }
    return true;
}

/* The next element sibling from n on (n itself when it is one), or NULL. */
static const xmlNode *S_element_from(const xmlNode *n)
{
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

static bool S_has_text(const xmlNode *el)
{
    xmlChar *t = xmlNodeGetContent(el);
    bool any = false;
    for (const xmlChar *p = t; p && *p && !any; p++)
        any = *p > ' ';
    xmlFree(t);
    return any;
}

/* The root's first two elements must be a <title> and a <desc> with text. */
static void S_check_title(S_check *c, const xmlNode *svg)
{
    const xmlNode *title = S_element_from(svg->children);
    const xmlNode *desc = title ? S_element_from(title->next) : NULL;
    if (!title || !S_is(c, title, "title") || !S_has_text(title))
        S_refuse(c, svg, NULL, REF_TITLE, "%s",
                 c->ko ? "다이어그램의 <svg> 첫 요소가 글자가 있는 <title>이 아닙니다. "
                         "<title>보여 주는 것을 몇 단어로</title>과 <desc>보여 주는 것을 한두 "
                         "문장으로</desc>으로 시작해 주십시오. 화면 낭독기가 이것을 읽어 줍니다"
                       : "the diagram has no <title> with text as the first element in <svg>; "
                         "start it with <title>what it shows, in a few words</title> and "
                         "<desc>what it shows, in a sentence or two</desc>, which screen "
                         "readers read");
    else if (!desc || !S_is(c, desc, "desc") || !S_has_text(desc))
        S_refuse(c, svg, NULL, REF_TITLE, "%s",
                 c->ko ? "다이어그램의 <title> 바로 뒤에 글자가 있는 <desc>가 없습니다. "
                         "<desc>보여 주는 것을 한두 문장으로</desc>를 넣어 주십시오. 화면 "
                         "낭독기가 이것을 읽어 줍니다"
                       : "the diagram has no <desc> with text right after its <title>; add "
                         "<desc>what it shows, in a sentence or two</desc>, which screen "
                         "readers read");
}

/* Check el and what it holds; quiet inside a refused element, whose content is not
 * reported again (its elements are still counted, for the columns). */
static void S_walk(S_check *c, const xmlNode *el, bool quiet)
{
    size_t errors = c->errors;
    diag_list *diags = c->diags;
    if (quiet)
        c->diags = NULL;
    bool refused = S_refused_element(c, el);
    for (const xmlAttr *a = el->properties; a && !refused; a = a->next)
        S_check_attr(c, el, a);
    for (const xmlNode *n = el->children; n; n = n->next)
        if (n->type == XML_PI_NODE && !refused)
            S_refuse(c, el, NULL, REF_XXE,
                     c->ko ? "처리 명령 <?%s ...?>(<%s> 안)은(는) 다른 곳에서 스타일 시트를 "
                             "불러올 수 있습니다. 지워 주십시오"
                           : "the processing instruction <?%s ...?> in <%s> can load a style "
                             "sheet from elsewhere; delete it",
                     (const char *)n->name, (const char *)el->name);
    c->diags = diags;
    if (quiet)
        c->errors = errors;
    for (const xmlNode *n = el->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) {
            c->element++;
            S_walk(c, n, quiet || refused);
        }
}

static size_t S_run(S_check *c, const xmlNode *svg)
{
    c->element = 0;
    if (!S_is(c, svg, "svg") || !S_svg_ns(c, svg) ||
        (!(c->flags & SVGCHECK_HTML) && svg->ns->prefix)) {
        S_refuse(c, svg, NULL, REF_STRUCTURE,
                 c->ko ? "파일의 루트 요소가 SVG 네임스페이스의 <svg>가 아니라 <%s>입니다. "
                         "다이어그램은 <svg xmlns=\"" SVGCHECK_NS "\" viewBox=\"...\">로 "
                         "시작해야 합니다"
                       : "the file's root element is <%s>, not <svg> in the SVG namespace; a "
                         "diagram starts with <svg xmlns=\"" SVGCHECK_NS "\" viewBox=\"...\">",
                 (const char *)svg->name);
        return c->errors;
    }
    if (!(c->flags & SVGCHECK_NO_TITLE))
        S_check_title(c, svg);
    S_walk(c, svg, false);
    return c->errors;
}

size_t svgcheck_tree(const char *file, const char *text, size_t len, const xmlNode *svg,
                     unsigned flags, const char *category, diag_list *diags)
{
    S_check c = {.file = file, .category = category, .diags = diags, .flags = flags,
                 .ko = (flags & SVGCHECK_KOREAN) != 0};
    if (text) {
        source_lines_init(&c.lines, text, len);
        c.have_text = true;
        S_index_tags(&c, text, len);
    }
    size_t errors = svg ? S_run(&c, svg) : 0;
    if (text)
        source_lines_free(&c.lines);
    free(c.tags);
    return errors;
}

/* ---- parsing ---- */

typedef struct {
    S_check *check;
    bool doctype;
    bool failed;
    unsigned line, column; /* of the first parse error */
    char *message;
} S_parse_state;

/* libxml2's SAX internalSubset: a <!DOCTYPE>. Stop before its internal subset is read, so
 * that no entity is ever declared, let alone expanded. */
static void S_on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                         const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    S_parse_state *st = ctxt->_private;
    st->doctype = true;
    xmlStopParser(ctxt);
}

static void S_on_error(void *data, xmlErrorPtr err)
{
    (void)data;
    xmlParserCtxtPtr ctxt = err ? err->ctxt : NULL;
    S_parse_state *st = ctxt ? ctxt->_private : NULL;
    if (!st || st->failed || st->doctype || err->level < XML_ERR_ERROR)
        return;
    st->failed = true;
    st->line = err->line > 0 ? (unsigned)err->line : 1;
    st->column = err->int2 > 0 ? (unsigned)err->int2 : 1;
    char *m = xstrdup(err->message ? err->message : "malformed");
    size_t n = strlen(m);
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' '))
        m[--n] = '\0';
    st->message = m;
}

/* The line and column (characters) of the first "<!DOCTYPE" in text, or 1:1. */
static void S_doctype_position(S_check *c, const char *text, size_t len, unsigned *line,
                               unsigned *column)
{
    *line = *column = 1;
    for (size_t i = 0; i + 9 <= len; i++)
        if (strncasecmp(text + i, "<!DOCTYPE", 9) == 0) {
            source_position(&c->lines, i, line, column);
            return;
        }
}

xmlDocPtr svgcheck_parse(const char *file, const char *text, size_t len, unsigned flags,
                         const char *category, diag_list *diags, size_t *errors)
{
    S_check c = {.file = file, .category = category, .diags = diags,
                 .flags = flags & (SVGCHECK_NO_TITLE | SVGCHECK_KOREAN),
                 .ko = (flags & SVGCHECK_KOREAN) != 0};
    source_lines_init(&c.lines, text, len);
    c.have_text = true;
    S_parse_state st = {.check = &c};
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt && len <= (size_t)INT32_MAX) {
        ctxt->_private = &st;
        ctxt->sax->internalSubset = S_on_doctype;
        ctxt->sax->serror = S_on_error;
        /* Nothing fetched (NONET), nothing substituted (no NOENT), no DTD loaded or
         * validated: SVG 2 defines no DTD, and a diagram needs no entity. */
        doc = xmlCtxtReadMemory(ctxt, text, (int)len, file, "UTF-8", XML_PARSE_NONET);
    }
    if (st.doctype || (doc && doc->intSubset)) {
        unsigned line, column;
        S_doctype_position(&c, text, len, &line, &column);
        c.errors++;
        if (diags)
            diag_add_ref(diags, DIAG_ERROR, file, line, column, category, REF_XXE, "%s",
                         c.ko ? "다이어그램에는 <!DOCTYPE>(과 그 안의 <!ENTITY> 선언)을 쓸 수 "
                                "없습니다. 엔티티는 컴퓨터의 파일을 읽거나 수 기가바이트의 "
                                "글로 불어날 수 있습니다. <!DOCTYPE ...>을 지우고 글을 그대로 "
                                "써 주십시오"
                              : "a <!DOCTYPE> (and the <!ENTITY> declarations it may hold) is "
                                "not allowed in a diagram: entities can read files of the "
                                "machine or expand into gigabytes of text; delete the "
                                "<!DOCTYPE ...> and write the text out");
    } else if (st.failed || !doc || !xmlDocGetRootElement(doc)) {
        c.errors++;
        if (diags)
            diag_add_ref(diags, DIAG_ERROR, file, st.failed ? st.line : 1,
                         st.failed ? st.column : 1, category, REF_XML,
                         c.ko ? "다이어그램이 올바른 XML이 아닙니다(%s). 이 자리의 마크업을 "
                                "고쳐 주십시오"
                              : "the diagram is not well-formed XML (%s); fix the markup here",
                         st.message ? st.message : "no element");
    } else {
        for (xmlNodePtr n = doc->children; n; n = n->next)
            if (n->type == XML_PI_NODE) {
                c.errors++;
                if (diags)
                    diag_add_ref(diags, DIAG_ERROR, file, (unsigned)xmlGetLineNo(n), 1,
                                 category, REF_XXE,
                                 c.ko ? "처리 명령 <?%s ...?>은(는) 다른 곳에서 스타일 "
                                        "시트를 불러올 수 있습니다. 지워 주십시오"
                                      : "the processing instruction <?%s ...?> can load a "
                                        "style sheet from elsewhere; delete it",
                                 (const char *)n->name);
            }
        S_index_tags(&c, text, len);
        S_run(&c, xmlDocGetRootElement(doc));
    }
    free(st.message);
    if (ctxt)
        xmlFreeParserCtxt(ctxt);
    source_lines_free(&c.lines);
    free(c.tags);
    if (errors)
        *errors = c.errors;
    if (c.errors) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}
