/* markdown.c: CommonMark to libxml2 elements (see markdown.h). */
#define _GNU_SOURCE
#include "markdown/markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/sourcelines.h"
#include "base/str.h"
#include "base/url.h"
#include "markdown/citation.h"
#include "markdown/mdarena.h"

/* Ids the page layout uses itself; a heading never takes them. */
static const char *const S_reserved_ids[] = {
    "main",           "medical-disclaimer",     "toc",
    "toc-heading",    "top",                    "content",
    "related",        "related-heading",        "topics-heading",
    "newest-heading", "topic-articles-heading", "other-topics-heading",
    "not-found-topics-heading", "sources", "clinic-details", NULL};

/* Whether id is one the generator numbers (cite-N and source-N: markdown_hooks.cite;
 * care-N: care cards, care.h; diagram-N and diagram-N-..., the ids of a diagram's drawing,
 * diagram.h) or names (def-..., a glossary term's popover on an article page,
 * glossary_link_terms_popover), which a heading's id must not be; S_reserved_ids lists
 * the rest. */
static bool S_generated_id(const char *id)
{
    if (strncmp(id, "def-", 4) == 0 && id[4])
        return true;
    bool diagram = strncmp(id, "diagram-", 8) == 0;
    const char *rest = strncmp(id, "cite-", 5) == 0     ? id + 5
                       : strncmp(id, "source-", 7) == 0 ? id + 7
                       : strncmp(id, "care-", 5) == 0   ? id + 5
                       : diagram                        ? id + 8
                                                        : NULL;
    if (!rest || !*rest)
        return false;
    for (; *rest; rest++)
        if (*rest < '0' || *rest > '9')
            return diagram && *rest == '-' && rest > id + 8;
    return true;
}

/* The id of a heading whose text gives slug, not yet in taken (which receives it). */
static const char *S_heading_id(strlist *taken, const char *slug)
{
    if (!S_generated_id(slug))
        return slug_unique(taken, slug);
    char *other = xasprintf("%s-heading", slug);
    const char *id = slug_unique(taken, other);
    free(other);
    return id;
}

bool markdown_url_is_unsafe(const char *url, bool image)
{
    /* The scheme as a browser reads it (base/url.h): "java\tscript:" is still javascript:.
     * Any other control character makes the URL unsafe outright: the HTML serialiser would
     * drop it and could reveal a scheme. */
    for (const unsigned char *q = (const unsigned char *)url_browser_start(url); *q; q++)
        if (*q < ' ' && *q != '\t' && *q != '\n' && *q != '\r')
            return true;
    char scheme[16];
    const char *rest;
    if (!url_browser_scheme(url, scheme, sizeof scheme, &rest))
        return false; /* no scheme: a relative URL */
    if (strcmp(scheme, "javascript") == 0 || strcmp(scheme, "vbscript") == 0 ||
        strcmp(scheme, "file") == 0)
        return true;
    if (strcmp(scheme, "data") == 0) {
        static const char *const ok[] = {"image/png", "image/gif", "image/jpeg", "image/webp",
                                         NULL};
        if (!image)
            return true;
        for (size_t i = 0; ok[i]; i++)
            if (strncasecmp(rest, ok[i], strlen(ok[i])) == 0)
                return false;
        return true;
    }
    return false;
}

/* The plain text of a cmark subtree: text and code literals, breaks as spaces. */
static void S_plain_text(cmark_node *node, strbuf *out)
{
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *n = cmark_iter_get_node(it);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: {
            const char *lit = cmark_node_get_literal(n);
            if (lit)
                strbuf_puts(out, lit);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            strbuf_putc(out, ' ');
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
}

/* Parse into the calling thread's arena (mdarena.h): release with mdarena_end. */
static cmark_node *S_parse(const char *text, size_t len)
{
    /* CMARK_OPT_VALIDATE_UTF8 replaces invalid bytes with U+FFFD, so libxml2 always gets
     * valid UTF-8. */
    return mdarena_parse(text, len, CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
}

static void S_seed_ids(strlist *taken)
{
    for (size_t i = 0; S_reserved_ids[i]; i++)
        strlist_push(taken, S_reserved_ids[i]);
}

void markdown_heading_ids(const char *text, size_t len, strlist *ids)
{
    mdarena_mark tree = mdarena_begin();
    markdown_heading_ids_of(S_parse(text, len), ids);
    mdarena_end(tree);
}

void markdown_heading_ids_of(cmark_node *doc, strlist *ids)
{
    strlist taken = STRLIST_INIT;
    S_seed_ids(&taken);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_HEADING)
            continue;
        strbuf t = STRBUF_INIT;
        S_plain_text(n, &t);
        char *slug = slug_from_text(strbuf_str(&t));
        strlist_push(ids, S_heading_id(&taken, slug));
        free(slug);
        strbuf_free(&t);
    }
    cmark_iter_free(it);
    strlist_free(&taken);
}

typedef struct {
    const char *file;
    unsigned line_offset;
    int options;
    const markdown_hooks *hooks;
    diag_list *diags;
    strlist taken_ids;
    markdown_result *result;
    bool skipped;           /* S_enter made a whole container into a figure: no EXIT */
    source_lines lines;     /* of what is rendered, for columns in characters */
} S_render;

/* Whether the text is Korean (MARKDOWN_KOREAN): its mistakes are told in Korean. */
static bool S_korean(const S_render *r)
{
    return (r->options & MARKDOWN_KOREAN) != 0;
}

static unsigned S_line(const S_render *r, cmark_node *n)
{
    int l = cmark_node_get_start_line(n);
    return (unsigned)(l > 0 ? l : 1) + r->line_offset;
}

/*
 * The column, in characters as editors count them (and the lint), of the byte `bytes` after
 * where n starts: cmark counts its columns in bytes, which differ from characters in Korean
 * text.
 */
static unsigned S_col_after(const S_render *r, cmark_node *n, size_t bytes)
{
    int l = cmark_node_get_start_line(n), c = cmark_node_get_start_column(n);
    size_t at = source_offset(&r->lines, (unsigned)(l > 0 ? l : 1),
                              (unsigned)((size_t)(c > 0 ? c : 1) + bytes));
    unsigned line, column;
    source_position(&r->lines, at, &line, &column);
    return column;
}

static unsigned S_col(const S_render *r, cmark_node *n)
{
    return S_col_after(r, n, 0);
}

static xmlNodePtr S_child(xmlNodePtr parent, const char *name)
{
    xmlNodePtr n = xmlNewNode(NULL, BAD_CAST name);
    xmlAddChild(parent, n);
    return n;
}

/* True when a paragraph is rendered without <p>: inside an item of a tight list. */
static bool S_tight_paragraph(cmark_node *n)
{
    cmark_node *item = cmark_node_parent(n);
    if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM)
        return false;
    cmark_node *list = cmark_node_parent(item);
    return list && cmark_node_get_list_tight(list);
}

static bool S_is_comment(const char *html)
{
    while (*html == ' ' || *html == '\t' || *html == '\n')
        html++;
    return strncmp(html, "<!--", 4) == 0;
}

static void S_code_block(S_render *r, cmark_node *n, xmlNodePtr parent)
{
    const char *info = cmark_node_get_fence_info(n);
    const char *literal = cmark_node_get_literal(n);
    if (!literal)
        literal = "";
    char *word = NULL;
    if (info && *info) {
        size_t w = strcspn(info, " \t");
        word = xstrndup(info, w);
    }
    if (word && r->hooks && r->hooks->fenced &&
        r->hooks->fenced(r->hooks->ctx, word, literal, strlen(literal), S_line(r, n) + 1,
                         S_col(r, n), parent)) {
        free(word);
        return;
    }
    xmlNodePtr pre = S_child(parent, "pre");
    xmlNodePtr code = S_child(pre, "code");
    if (word) {
        char *cls = xasprintf("language-%s", word);
        xmlNewProp(code, BAD_CAST "class", BAD_CAST cls);
        free(cls);
    }
    if (!(r->options & MARKDOWN_NO_TEXT))
        xmlAddChild(code, xmlNewText(BAD_CAST literal));
    free(word);
}

static void S_heading_exit(S_render *r, cmark_node *n, xmlNodePtr h)
{
    strbuf t = STRBUF_INIT;
    S_plain_text(n, &t);
    char *slug = slug_from_text(strbuf_str(&t));
    const char *id = S_heading_id(&r->taken_ids, slug);
    free(slug);
    xmlNewProp(h, BAD_CAST "id", BAD_CAST id);
    xmlNodePtr a = xmlNewNode(NULL, BAD_CAST "a");
    xmlNewProp(a, BAD_CAST "class", BAD_CAST "heading-anchor");
    char *href = xasprintf("#%s", id);
    xmlNewProp(a, BAD_CAST "href", BAD_CAST href);
    free(href);
    /* For the mouse only: hidden from screen readers, which would otherwise read the
     * heading with a "#" (or twice), and out of the Tab order (the contents link to every
     * section); aria-hidden on a focusable element needs tabindex="-1" (axe). */
    xmlNewProp(a, BAD_CAST "aria-hidden", BAD_CAST "true");
    xmlNewProp(a, BAD_CAST "tabindex", BAD_CAST "-1");
    xmlAddChild(a, xmlNewText(BAD_CAST "#"));
    xmlAddChild(h, xmlNewText(BAD_CAST " "));
    xmlAddChild(h, a);
    markdown_result *res = r->result;
    res->headings = xreallocarray(res->headings, res->n_headings + 1, sizeof *res->headings);
    markdown_heading *mh = &res->headings[res->n_headings++];
    mh->level = cmark_node_get_heading_level(n);
    mh->id = xstrdup(id);
    mh->text = strbuf_detach(&t);
}

static void S_link(S_render *r, cmark_node *n, xmlNodePtr a)
{
    const char *url = cmark_node_get_url(n);
    const char *title = cmark_node_get_title(n);
    if (!url)
        url = "";
    if (markdown_url_is_unsafe(url, false)) {
        diag_add(r->diags, DIAG_WARNING, r->file, S_line(r, n), S_col(r, n), "link",
                 S_korean(r) ? "'%s'(으)로 가는 링크는 안전하지 않아 뺐습니다. 웹 "
                               "페이지(https://...)나 다른 글에 링크해 주십시오"
                             : "the link to '%s' is unsafe and was left out; link to a web "
                               "page (https://...) or another article instead",
                 url);
        /* Keep the text: an <a> without href is plain text to readers. */
        return;
    }
    char *rewritten = r->hooks && r->hooks->link
                          ? r->hooks->link(r->hooks->ctx, url, S_line(r, n), S_col(r, n))
                          : NULL;
    xmlNewProp(a, BAD_CAST "href", BAD_CAST(rewritten ? rewritten : url));
    free(rewritten);
    if (title && *title)
        xmlNewProp(a, BAD_CAST "title", BAD_CAST title);
}

static void S_image(S_render *r, cmark_node *n, xmlNodePtr parent)
{
    const char *url = cmark_node_get_url(n);
    const char *title = cmark_node_get_title(n);
    if (!url)
        url = "";
    strbuf alt = STRBUF_INIT;
    S_plain_text(n, &alt);
    if (markdown_url_is_unsafe(url, true)) {
        diag_add(r->diags, DIAG_WARNING, r->file, S_line(r, n), S_col(r, n), "image",
                 S_korean(r) ? "이미지 '%s'은(는) 안전하지 않아 뺐습니다. 이미지를 "
                               "content/media/에 넣어 주십시오"
                             : "the image '%s' is unsafe and was left out; put the image in "
                               "content/media/",
                 url);
        strbuf_free(&alt);
        return;
    }
    char *rewritten = r->hooks && r->hooks->image
                          ? r->hooks->image(r->hooks->ctx, url, strbuf_str(&alt), S_line(r, n),
                                            S_col(r, n))
                          : NULL;
    xmlNodePtr img = S_child(parent, "img");
    xmlNewProp(img, BAD_CAST "src", BAD_CAST(rewritten ? rewritten : url));
    xmlNewProp(img, BAD_CAST "alt", BAD_CAST strbuf_str(&alt));
    if (title && *title)
        xmlNewProp(img, BAD_CAST "title", BAD_CAST title);
    free(rewritten);
    strbuf_free(&alt);
}

/*
 * A paragraph n holding only an image: given to hooks->figure. True when the hook made it
 * (into parent), and the paragraph is done.
 */
static bool S_figure(S_render *r, cmark_node *n, xmlNodePtr parent)
{
    cmark_node *img = cmark_node_first_child(n);
    if (!r->hooks || !r->hooks->figure || !img || cmark_node_next(img) ||
        cmark_node_get_type(img) != CMARK_NODE_IMAGE)
        return false;
    const char *url = cmark_node_get_url(img);
    const char *title = cmark_node_get_title(img);
    if (!url || markdown_url_is_unsafe(url, true))
        return false; /* S_image says why */
    strbuf alt = STRBUF_INIT;
    S_plain_text(img, &alt);
    bool done = r->hooks->figure(r->hooks->ctx, url, strbuf_str(&alt), title ? title : "",
                                 S_line(r, img), S_col(r, img), parent);
    strbuf_free(&alt);
    return done;
}

/* True for the node types cmark's iterator enters without a matching EXIT. */
static bool S_is_leaf(cmark_node_type type)
{
    switch (type) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
        return true;
    default:
        return false;
    }
}

/* The <ol> or <ul> of list n, with its start number when it is not 1. */
static xmlNodePtr S_list(cmark_node *n, xmlNodePtr parent)
{
    bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    xmlNodePtr list = S_child(parent, ordered ? "ol" : "ul");
    int start = cmark_node_get_list_start(n);
    if (ordered && start != 1) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", start);
        xmlNewProp(list, BAD_CAST "start", BAD_CAST buf);
    }
    return list;
}

/* The <hN> of heading n; a level-1 heading is an error with MARKDOWN_NO_H1. */
static xmlNodePtr S_heading(S_render *r, cmark_node *n, xmlNodePtr parent)
{
    int level = cmark_node_get_heading_level(n);
    if (level == 1 && (r->options & MARKDOWN_NO_H1)) {
        diag_error(r->diags, r->file, S_line(r, n), S_col(r, n), "heading", "%s",
                   S_korean(r) ? "1단계 제목('# ...')은 페이지 제목과 겹칩니다. 절은 '## '로 "
                                 "시작해 주십시오"
                               : "a level-1 heading ('# ...') repeats the page title; start "
                                 "sections with '## ' instead");
        r->result->errors++;
    }
    char name[3] = {'h', (char)('0' + level), '\0'};
    return S_child(parent, name);
}

/* Raw HTML n is left out: a warning, unless it is only a comment. */
static void S_raw_html(S_render *r, cmark_node *n)
{
    const char *html = cmark_node_get_literal(n);
    if (html && !S_is_comment(html))
        diag_add(r->diags, DIAG_WARNING, r->file, S_line(r, n), S_col(r, n), "html", "%s",
                 S_korean(r) ? "HTML은 게시되지 않아 뺐습니다. 대신 마크다운으로 써 주십시오"
                             : "raw HTML is not published and was left out; use Markdown "
                               "instead");
}

/* The text node being rendered, for S_number_citation: its renderer and node. */
typedef struct {
    S_render *r;
    cmark_node *n;
} S_cite_ctx;

/*
 * citation_numbers_fn of an article's text: a malformed bracket is an error at its place
 * (and stays as written); each id is numbered by hooks->cite, which reports an unknown one.
 */
static bool S_number_citation(void *ctx, const char *text, const citation_group *g,
                              citation_mark *marks)
{
    S_render *r = ((S_cite_ctx *)ctx)->r;
    cmark_node *n = ((S_cite_ctx *)ctx)->n;
    unsigned line = S_line(r, n);
    if (g->malformed) {
        citation_report_malformed(r->diags, r->file, line, S_col_after(r, n, g->start),
                                  S_korean(r), text, g);
        r->result->errors++;
        return false;
    }
    bool all = true;
    for (size_t i = 0; i < g->n_ids; i++) {
        char *id = xstrndup(text + g->ids[i].at, g->ids[i].len);
        marks[i].first = false;
        marks[i].number = r->hooks->cite(r->hooks->ctx, id, line,
                                         S_col_after(r, n, g->ids[i].at), &marks[i].first);
        all &= marks[i].number > 0;
        free(id);
    }
    return all;
}

/*
 * A text node holding "[@": its text, with each citation in it rendered
 * (citation_append_text). A citation that cannot be rendered keeps its brackets.
 */
static void S_text_with_citations(S_render *r, cmark_node *n, const char *lit, xmlNodePtr parent)
{
    S_cite_ctx cc = {r, n};
    citation_append_text(parent, lit, strlen(lit), S_number_citation, &cc);
}

/* Render on entering a node; returns the element its children go into, or NULL. */
static xmlNodePtr S_enter(S_render *r, cmark_node *n, xmlNodePtr parent, cmark_iter *it)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_DOCUMENT:
        return parent;
    case CMARK_NODE_BLOCK_QUOTE:
        return S_child(parent, "blockquote");
    case CMARK_NODE_LIST:
        return S_list(n, parent);
    case CMARK_NODE_ITEM:
        return S_child(parent, "li");
    case CMARK_NODE_PARAGRAPH:
        if (S_figure(r, n, parent)) {
            /* Its children are the image, made: skip them and the paragraph's EXIT. */
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            r->skipped = true;
            return NULL;
        }
        if (S_tight_paragraph(n))
            return parent;
        return S_child(parent, "p");
    case CMARK_NODE_HEADING:
        return S_heading(r, n, parent);
    case CMARK_NODE_CODE_BLOCK:
        S_code_block(r, n, parent);
        return NULL;
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
        S_raw_html(r, n);
        return NULL;
    case CMARK_NODE_THEMATIC_BREAK:
        S_child(parent, "hr");
        return NULL;
    case CMARK_NODE_TEXT: {
        const char *lit = cmark_node_get_literal(n);
        if (lit && r->hooks && r->hooks->cite && strchr(lit, '[') && strchr(lit, '@'))
            S_text_with_citations(r, n, lit, parent);
        else if (lit && !(r->options & MARKDOWN_NO_TEXT))
            xmlAddChild(parent, xmlNewText(BAD_CAST lit));
        return NULL;
    }
    case CMARK_NODE_SOFTBREAK:
        if (!(r->options & MARKDOWN_NO_TEXT))
            xmlAddChild(parent, xmlNewText(BAD_CAST "\n"));
        return NULL;
    case CMARK_NODE_LINEBREAK:
        S_child(parent, "br");
        return NULL;
    case CMARK_NODE_CODE: {
        xmlNodePtr code = S_child(parent, "code");
        const char *lit = cmark_node_get_literal(n);
        if (!(r->options & MARKDOWN_NO_TEXT))
            xmlAddChild(code, xmlNewText(BAD_CAST(lit ? lit : "")));
        return NULL;
    }
    case CMARK_NODE_EMPH:
        return S_child(parent, "em");
    case CMARK_NODE_STRONG:
        return S_child(parent, "strong");
    case CMARK_NODE_LINK: {
        xmlNodePtr a = S_child(parent, "a");
        S_link(r, n, a);
        return a;
    }
    case CMARK_NODE_IMAGE:
        S_image(r, n, parent);
        /* The image's children are its alt text, already used: skip them and the image's
         * own EXIT (the next event is the one after it). */
        cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
        return NULL;
    default:
        return NULL;
    }
}

/*
 * The first node nested more than MARKDOWN_MAX_NESTING containers deep (quotes inside
 * quotes, lists inside lists...), or NULL. Everything after cmark that walks a page (the
 * glossary links, libxslt's copies, the serialiser) may recurse once per level: a hostile
 * article of 100,000 nested quotes would exhaust the stack.
 */
static cmark_node *S_too_deep(cmark_node *doc)
{
    cmark_iter *it = cmark_iter_new(doc);
    size_t depth = 0;
    cmark_node *found = NULL;
    cmark_event_type ev;
    while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (S_is_leaf(cmark_node_get_type(n)))
            continue; /* no EXIT follows */
        if (ev == CMARK_EVENT_ENTER && ++depth > MARKDOWN_MAX_NESTING)
            found = n;
        else if (ev == CMARK_EVENT_EXIT)
            depth--;
    }
    cmark_iter_free(it);
    return found;
}

markdown_result *markdown_render(const char *file, const char *text, size_t len,
                                 unsigned first_line, int options,
                                 const markdown_hooks *hooks, diag_list *diags)
{
    markdown_result *res = xcalloc(1, sizeof *res);
    res->body = xmlNewNode(NULL, BAD_CAST "body");
    S_render r = {
        .file = file,
        .line_offset = first_line ? first_line - 1 : 0,
        .options = options,
        .hooks = hooks,
        .diags = diags,
        .result = res,
    };
    S_seed_ids(&r.taken_ids);
    source_lines_init(&r.lines, text, len);
    mdarena_mark tree = mdarena_begin();
    cmark_node *doc = S_parse(text, len);
    cmark_node *deep = S_too_deep(doc);
    if (deep) {
        diag_error(diags, file, S_line(&r, deep), S_col(&r, deep), "markdown",
                   S_korean(&r) ? "이곳에서 인용이나 목록이 %d단계보다 깊이 겹쳐 있습니다. 읽는 "
                                  "사람이 따라갈 수 없고 suture도 빌드하지 않으니 단계를 "
                                  "줄여 주십시오"
                                : "quotes or lists are nested more than %d levels deep here; "
                                  "no reader can follow that, and suture will not build it: "
                                  "take out levels",
                   MARKDOWN_MAX_NESTING);
        res->errors++;
        mdarena_end(tree);
        strlist_free(&r.taken_ids);
        source_lines_free(&r.lines);
        return res;
    }
    cmark_iter *it = cmark_iter_new(doc);
    /* The element each open container renders into; cmark sends EXIT for every node that
     * is not a leaf, even an empty one, so every ENTER of such a node pushes once. */
    xmlNodePtr *stack = NULL;
    size_t depth = 0, cap = 0;
    xmlNodePtr parent = res->body;
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER) {
            xmlNodePtr inner = S_enter(&r, n, parent, it);
            /* An image's EXIT is skipped by the iterator reset in S_enter, and so is a
             * figure's paragraph's. */
            if (S_is_leaf(type) || type == CMARK_NODE_IMAGE || r.skipped) {
                r.skipped = false;
                continue;
            }
            if (depth == cap) {
                cap = cap ? cap * 2 : 32;
                stack = xreallocarray(stack, cap, sizeof *stack);
            }
            stack[depth++] = parent;
            if (inner)
                parent = inner;
        } else if (ev == CMARK_EVENT_EXIT && depth > 0) {
            if (type == CMARK_NODE_HEADING)
                S_heading_exit(&r, n, parent);
            parent = stack[--depth];
        }
    }
    free(stack);
    source_lines_free(&r.lines);
    cmark_iter_free(it);
    mdarena_end(tree);
    strlist_free(&r.taken_ids);
    return res;
}

void markdown_result_free(markdown_result *r)
{
    if (!r)
        return;
    if (r->body)
        xmlFreeNode(r->body);
    for (size_t i = 0; i < r->n_headings; i++) {
        free(r->headings[i].id);
        free(r->headings[i].text);
    }
    free(r->headings);
    free(r);
}

/* ---- ids of a text placed in other pages ------------------------------------------------- */

/* The ids under el, into ids. */
static void S_collect_ids(xmlNodePtr el, strlist *ids)
{
    xmlChar *id = xmlGetNoNsProp(el, BAD_CAST "id");
    if (id)
        strlist_push(ids, (const char *)id);
    xmlFree(id);
    for (xmlNodePtr n = el->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            S_collect_ids(n, ids);
}

/* value (an id list separated by white space) with each id of ids prefixed; NULL when none
 * is one of them. */
static char *S_prefixed_list(const char *value, const strlist *ids, const char *prefix)
{
    strbuf b = STRBUF_INIT;
    bool changed = false;
    for (const char *p = value; *p;) {
        size_t space = strspn(p, " \t\r\n\f"), word = strcspn(p + space, " \t\r\n\f");
        strbuf_append(&b, p, space);
        char *one = xstrndup(p + space, word);
        bool ours = word > 0 && strlist_contains(ids, one);
        if (ours)
            strbuf_puts(&b, prefix);
        strbuf_puts(&b, one);
        changed |= ours;
        free(one);
        p += space + word;
    }
    if (!changed) {
        strbuf_free(&b);
        return NULL;
    }
    return strbuf_detach(&b);
}

/* value with each url(#x) whose x is one of ids made url(#PREFIXx) (quotes and white space
 * inside kept); NULL when none is. */
static char *S_prefixed_urls(const char *value, const strlist *ids, const char *prefix)
{
    strbuf b = STRBUF_INIT;
    bool changed = false;
    const char *p = value, *u;
    while ((u = strcasestr(p, "url("))) {
        const char *q = u + 4;
        q += strspn(q, " \t\n\r\"'");
        strbuf_append(&b, p, (size_t)(q - p));
        p = q;
        if (*q != '#')
            continue;
        size_t n = strcspn(q + 1, ")\"' \t\n\r");
        char *one = xstrndup(q + 1, n);
        bool ours = strlist_contains(ids, one);
        strbuf_putc(&b, '#');
        if (ours)
            strbuf_puts(&b, prefix);
        strbuf_puts(&b, one);
        changed |= ours;
        free(one);
        p = q + 1 + n;
    }
    strbuf_puts(&b, p);
    if (!changed) {
        strbuf_free(&b);
        return NULL;
    }
    return strbuf_detach(&b);
}

/* The new value of attribute a (its value value) of an element under the root that
 * markdown_prefix_ids renames, or NULL when it stays. */
static char *S_prefixed_value(xmlAttrPtr a, const char *value, const strlist *ids,
                              const char *prefix)
{
    static const char *const lists[] = {"aria-labelledby", "aria-describedby", "aria-controls",
                                        "aria-owns", "for", "headers", "popovertarget", NULL};
    if (!a->ns && xmlStrEqual(a->name, BAD_CAST "id"))
        return xasprintf("%s%s", prefix, value);
    /* href or xlink:href; browsers skip white space before the '#' */
    const char *hash = value + strspn(value, " \t\r\n");
    if (xmlStrEqual(a->name, BAD_CAST "href") && hash[0] == '#' &&
        strlist_contains(ids, hash + 1))
        return xasprintf("#%s%s", prefix, hash + 1);
    for (size_t i = 0; !a->ns && lists[i]; i++)
        if (xmlStrEqual(a->name, BAD_CAST lists[i]))
            return S_prefixed_list(value, ids, prefix);
    return strcasestr(value, "url(") ? S_prefixed_urls(value, ids, prefix) : NULL;
}

static void S_prefix_under(xmlNodePtr el, const strlist *ids, const char *prefix)
{
    for (xmlAttrPtr a = el->properties; a; a = a->next) {
        xmlChar *raw = xmlNodeGetContent((xmlNodePtr)a);
        char *changed = S_prefixed_value(a, raw ? (const char *)raw : "", ids, prefix);
        if (changed) /* as text: xmlNodeSetContent would read '&' as an entity */
            xmlSetNsProp(el, a->ns, a->name, BAD_CAST changed);
        free(changed);
        xmlFree(raw);
    }
    for (xmlNodePtr n = el->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            S_prefix_under(n, ids, prefix);
}

void markdown_prefix_ids(xmlNodePtr root, const char *prefix)
{
    if (!root || root->type != XML_ELEMENT_NODE)
        return;
    strlist ids = STRLIST_INIT;
    S_collect_ids(root, &ids);
    if (ids.len)
        S_prefix_under(root, &ids, prefix);
    strlist_free(&ids);
}
