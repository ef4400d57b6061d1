/*
 * links.c: the Markdown hooks of the build: internal links between articles, #anchors, media,
 * diagrams, compare, before-after and care blocks, citations; and the check of content/media's
 * diagrams (build_private.h).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "build/build_private.h"
#include "markdown/beforeafter.h"
#include "markdown/care.h"
#include "markdown/citation.h"
#include "markdown/compare.h"
#include "markdown/diagram.h"
#include "render/pagexml.h"


/* Report an error in the text being rendered, at line and column, and count it: the
 * caller learns from c->errors whether the text had any. */
static void S_error(render_ctx *c, unsigned line, unsigned column, const char *category,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void S_error(render_ctx *c, unsigned line, unsigned column, const char *category,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = xvasprintf(fmt, ap);
    va_end(ap);
    if (!c->quiet)
        diag_error(c->b->diags, c->file, line, column, category, "%s", message);
    free(message);
    c->errors++;
}

/* Whether c's text is in Korean, so that its mistakes are told in Korean. */
static bool S_korean(const render_ctx *c)
{
    return c->lang && slug_language_in(c->lang->L->code, "ko");
}

int build_markdown_language(const render_ctx *c)
{
    return S_korean(c) ? MARKDOWN_KOREAN : 0;
}

/*
 * Whether url starts with a scheme ("https:", "javascript:"): letters, digits, '+', '-' and
 * '.' before the first ':'. Read as a browser reads it, not with RFC 3986's parser
 * (xmlParseURI): that one refuses an address which is not a valid URI (a space, a bare '%',
 * raw UTF-8) and returns no scheme, where a browser still follows it; the rule that pages
 * load nothing from other hosts must see the scheme the browser sees.
 */
static bool S_has_scheme(const char *url)
{
    const char *p = url;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return p != url && *p == ':';
}

/* Report a #fragment that names no heading of target, with the closest id, as an error
 * of file at line and column (in Korean when korean); true when it names one. */
static bool S_fragment_found(diag_list *diags, bool quiet, bool korean, const char *file,
                             const article *target, const char *fragment, unsigned line,
                             unsigned column)
{
    const char *p = target->heading_ids;
    for (size_t i = 0; i < target->n_heading_ids; i++, p += strlen(p) + 1)
        if (strcmp(p, fragment) == 0)
            return true;
    if (quiet)
        return false;
    /* Not found: the ids as a list, for the closest one. */
    const char **ids = xcalloc(target->n_heading_ids + 1, sizeof *ids);
    p = target->heading_ids;
    for (size_t i = 0; i < target->n_heading_ids; i++, p += strlen(p) + 1)
        ids[i] = p;
    const char *near = suggest_closest_n(fragment, ids, target->n_heading_ids);
    free(ids);
    if (near)
        diag_error(diags, file, line, column, "link",
                   korean ? "%s에 id가 '#%s'인 제목이 없습니다. '#%s'을(를) 쓰려던 것인지 "
                            "확인해 주십시오"
                          : "%s has no heading with the id '#%s'; did you mean '#%s'?",
                   target->file_name, fragment, near);
    else
        diag_error(diags, file, line, column, "link",
                   korean ? "%s에 id가 '#%s'인 제목이 없습니다. 그 글의 제목 가운데 하나나 "
                            "글 자체에 링크해 주십시오"
                          : "%s has no heading with the id '#%s'; link to one of its headings "
                            "or to the article alone",
                   target->file_name, fragment);
    return false;
}

/* Check a link of c's text to the heading fragment of target, now or, validating, once
 * every article has rendered (build_check_fragment_links). */
static void S_check_fragment(render_ctx *c, const article *target, const char *fragment,
                             unsigned line, unsigned column)
{
    build *b = c->b;
    if (b->fragment_links) {
        if (c->quiet)
            return; /* another rendering of the text reports it */
        build_fragment_links *l =
            &b->fragment_links[c->self ? (size_t)(c->self - b->articles) : b->n_articles];
        if (l->n == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 4;
            l->items = xreallocarray(l->items, l->cap, sizeof *l->items);
        }
        l->items[l->n++] = (build_fragment_link){c->file, target, xstrdup(fragment), line,
                                                 column, S_korean(c)};
        return;
    }
    if (!S_fragment_found(b->diags, c->quiet, S_korean(c), c->file, target, fragment, line,
                          column))
        c->errors++;
}

void build_check_fragment_links(build *b)
{
    if (!b->fragment_links)
        return;
    for (size_t i = 0; i <= b->n_articles; i++) {
        build_fragment_links *l = &b->fragment_links[i];
        for (size_t k = 0; k < l->n; k++) {
            const build_fragment_link *f = &l->items[k];
            S_fragment_found(b->diags, false, f->korean, f->file, f->target, f->fragment,
                             f->line, f->column);
            free(f->fragment);
        }
        free(l->items);
    }
    free(b->fragment_links);
    b->fragment_links = NULL;
}

/* Whether the body of site page p gives a heading the id id (markdown_heading_ids_of). */
static bool S_page_has_heading(const site_page *p, const char *id)
{
    if (!p->body)
        return false;
    cmark_node *doc = cmark_parse_document(p->body, p->len - (size_t)(p->body - p->text),
                                           CMARK_OPT_DEFAULT);
    strlist ids = STRLIST_INIT;
    markdown_heading_ids_of(doc, &ids);
    bool found = strlist_contains(&ids, id);
    strlist_free(&ids);
    cmark_node_free(doc);
    return found;
}

/*
 * A link to name ("about.md") that no article answers, to a site page (content/pages/):
 * the page in the text's language, else in the first other language that has one (its
 * link marked with that language, as for articles). Returns false when no language has
 * such a page. A fragment must be one of the page's heading ids.
 */
static bool S_site_page_link(render_ctx *c, const char *name, const char *hash, unsigned line,
                             unsigned column, char **result)
{
    const build *b = c->b;
    size_t len = strlen(name);
    if (!b->site_pages || len <= 3)
        return false;
    char *stem = xstrndup(name, len - 3);
    long i = build_find_site_page(b, c->lang->index, stem);
    for (size_t l = 0; i < 0 && l < b->n_langs; l++)
        i = build_find_site_page(b, l, stem);
    free(stem);
    if (i < 0)
        return false;
    const site_page *p = &b->site_pages->items[i];
    if (hash && hash[1] && !S_page_has_heading(p, hash + 1)) {
        S_error(c, line, column, "link",
                S_korean(c) ? "%s에 id가 '%s'인 제목이 없습니다. 페이지 자체나 그 페이지에 "
                              "있는 제목의 id에 링크해 주십시오"
                            : "%s has no heading with the id '%s'; link to the page, or to one "
                              "of its headings' ids",
                p->path, hash);
        return true;
    }
    *result = hash && hash[1] ? xasprintf("%s%s", b->page_urls[i], hash)
                              : xstrdup(b->page_urls[i]);
    if (p->lang != c->lang->L) {
        strlist_push(&c->other_lang, *result);
        strlist_push(&c->other_lang, p->lang->code);
    }
    return true;
}

/*
 * A link in c's text: another article or a site page by its file name ("dimpling.md#risks",
 * "about.md") becomes its URL (the text's own language first, an article before a page,
 * then the other languages), and is recorded in c->links; a #fragment alone is checked
 * against the headings of the article or site page it is in; a full address or a path
 * from the site's root is left as it is (NULL); anything else is reported.
 */
static char *S_hook_link(void *ctx, const char *url, unsigned line, unsigned column)
{
    render_ctx *c = ctx;
    if (url[0] == '#') {
        if (c->self && url[1])
            S_check_fragment(c, c->self, url + 1, line, column);
        else if (c->page && url[1] && !S_page_has_heading(c->page, url + 1))
            S_error(c, line, column, "link",
                    S_korean(c) ? "이 페이지에 id가 '%s'인 제목이 없습니다. 이 페이지에 있는 "
                                  "제목의 id에 링크해 주십시오"
                                : "this page has no heading with the id '%s'; link to one of "
                                  "its headings' ids",
                    url);
        return NULL;
    }
    if (S_has_scheme(url) || url[0] == '/' || url[0] == '\0')
        return NULL;
    const char *hash = strchr(url, '#');
    size_t path_len = hash ? (size_t)(hash - url) : strlen(url);
    if (path_len < 3 || strncmp(url + path_len - 3, ".md", 3) != 0) {
        S_error(c, line, column, "link",
                S_korean(c) ? "링크 '%s'은(는) suture가 게시하지 않는 파일을 가리킵니다. 글은 "
                              "파일 이름('dimpling.md'처럼)으로, 다른 곳은 전체 웹 주소로 "
                              "링크해 주십시오"
                            : "the link '%s' points at a file suture does not publish; link to "
                              "an article by its file name (like 'dimpling.md') or to a full "
                              "web address",
                url);
        return NULL;
    }
    char *path = xstrndup(url, path_len);
    const char *name = path_basename(path);
    if (!strlist_contains(&c->links, name))
        strlist_push(&c->links, name);
    /* The text's own language first, an article before a page; then the other languages. */
    const article *target = build_find_article(c->b, c->lang->index, name);
    char *stem = xstrndup(name, strlen(name) > 3 ? strlen(name) - 3 : 0);
    if (!target && build_find_site_page(c->b, c->lang->index, stem) < 0)
        target = build_resolve_article(c->b, c->lang->index, name);
    free(stem);
    char *result = NULL;
    if (!target && S_site_page_link(c, name, hash, line, column, &result)) {
        /* A site page's (content/pages/): resolved, or reported. */
    } else if (!target) {
        const char *near = build_suggest_article(c->b, name);
        if (!near && c->b->site_pages)
            near = suggest_closest_in(name, c->b->site_pages->items, c->b->site_pages->n,
                                      sizeof *c->b->site_pages->items,
                                      offsetof(site_page, file_name));
        if (near)
            S_error(c, line, column, "link",
                    S_korean(c) ? "'%s'(이)라는 글이 없습니다. '%s'을(를) 쓰려던 것인지 확인해 "
                                  "주십시오"
                                : "there is no article '%s'; did you mean '%s'?",
                    name, near);
        else
            S_error(c, line, column, "link",
                    S_korean(c) ? "'%s'(이)라는 글이 %s에 없습니다. 파일 이름을 확인해 주십시오"
                                : "there is no article '%s' in %s; check the file name",
                    name, c->b->articles_dir);
    } else if (!target->fm) {
        /* Its own errors are reported already. */
    } else if (!target->published) {
        S_error(c, line, column, "link",
                S_korean(c) ? "'%s'은(는) 초안이라 게시되지 않으므로 이 링크는 끊어진 링크가 "
                              "됩니다. 링크를 지우거나 글을 게시해 주십시오"
                            : "'%s' is a draft and will not be published, so this link would "
                              "be broken; remove the link or publish the article",
                name);
    } else {
        if (hash && hash[1])
            S_check_fragment(c, target, hash + 1, line, column);
        result = hash && hash[1] ? xasprintf("%s%s", target->url, hash) : xstrdup(target->url);
        if (target->language != c->lang->index) {
            /* No version in the text's language: the reader is told where the link goes. */
            strlist_push(&c->other_lang, result);
            strlist_push(&c->other_lang, target->lang);
        }
    }
    free(path);
    return result;
}

/* What path_kind says a path is, in Korean. */
static const char *S_kind_ko(const char *kind)
{
    static const char *const names[][2] = {
        {"a folder", "폴더"},
        {"a named pipe (FIFO)", "이름 있는 파이프(FIFO)"},
        {"a socket", "소켓"},
        {"a character device", "문자 장치"},
        {"a block device", "블록 장치"},
        {"a symbolic link to nothing", "가리키는 대상이 없는 심볼릭 링크"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(kind, names[i][0]) == 0)
            return names[i][1];
    return "파일도 폴더도 아닌 것";
}

/*
 * The site URL of an image in content/media/, written as media/x.jpg, ./media/x.jpg,
 * ../media/x.jpg or /media/x.jpg, and (file not NULL) the file's path in *file, which the
 * caller frees. Reports images on other hosts, paths outside media/ and missing files;
 * returns NULL then (and for an inline data: image, which has no file).
 */
static char *S_media_path(render_ctx *c, const char *src, unsigned line, unsigned column,
                          char **file_out)
{
    build *b = c->b;
    if (file_out)
        *file_out = NULL;
    if (strncmp(src, "data:", 5) == 0)
        return NULL; /* an inline image: no request anywhere */
    if (S_has_scheme(src) || strncmp(src, "//", 2) == 0) {
        S_error(c, line, column, "media",
                S_korean(c) ? "이미지 '%s'은(는) 다른 사이트에 있습니다. 페이지는 다른 "
                              "호스트에서 아무것도 불러오면 안 되므로, 이미지를 "
                              "content/media/에 복사하고 'media/<name>'으로 써 주십시오"
                            : "the image '%s' is on another site; pages must not load anything "
                              "from other hosts, so copy the image into content/media/ and "
                              "write 'media/<name>'",
                src);
        return NULL;
    }
    const char *p = src;
    while (strncmp(p, "./", 2) == 0)
        p += 2;
    if (strncmp(p, "../", 3) == 0)
        p += 3;
    while (*p == '/')
        p++;
    char *clean = xstrndup(p, strcspn(p, "?#"));
    bool inside = strncmp(clean, "media/", 6) == 0 && !strstr(clean, "/../") &&
                  !str_ends_with(clean, "/..") && clean[6] != '\0';
    if (!inside) {
        S_error(c, line, column, "media",
                S_korean(c) ? "이미지 '%s'이(가) content/media/에 있지 않습니다. 이미지를 그 "
                              "폴더에 넣고 'media/<name>'으로 써 주십시오"
                            : "the image '%s' is not in content/media/; put it there and write "
                              "'media/<name>'",
                src);
        free(clean);
        return NULL;
    }
    char *file = path_join(b->media_dir, clean + 6);
    const char *kind = path_is_file(file) ? NULL : path_kind(file);
    if (kind && strcmp(kind, "a folder") != 0) {
        /* Something is there, but not an image file: say what it is. */
        S_error(c, line, column, "media",
                S_korean(c) ? "이미지 '%s'은(는) 파일이 아니라 %s입니다: %s. suture는 일반 "
                              "파일만 게시하므로 이미지 파일로 바꿔 주십시오"
                            : "the image '%s' is %s, not a file: %s; suture publishes only "
                              "regular files: replace it with the image",
                src, S_korean(c) ? S_kind_ko(kind) : kind, file);
        free(file);
        free(clean);
        return NULL;
    }
    if (!path_is_file(file)) {
        S_error(c, line, column, "media",
                S_korean(c) ? "이미지 '%s'이(가) 없습니다. %s 파일이 없으니 이름을 확인하거나 "
                              "파일을 추가해 주십시오"
                            : "the image '%s' does not exist: there is no file %s; check the "
                              "name or add the file",
                src, file);
        free(file);
        free(clean);
        return NULL;
    }
    if (file_out)
        *file_out = file;
    else
        free(file);
    char *url = xasprintf("%s%s", b->cfg->base_path, clean);
    free(clean);
    return url;
}

static char *S_media_url(render_ctx *c, const char *src, unsigned line, unsigned column)
{
    return S_media_path(c, src, line, column, NULL);
}

/* Whether an image's address names an SVG file (before any ?query or #fragment). */
static bool S_is_svg(const char *src)
{
    size_t n = strcspn(src, "?#");
    return n >= 4 && strncasecmp(src + n - 4, ".svg", 4) == 0;
}

/* Report an image without alt text; true when it has some. */
static bool S_has_alt(render_ctx *c, const char *url, const char *alt, unsigned line,
                      unsigned column)
{
    const char *p = alt;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (!*p)
        S_error(c, line, column, "media",
                S_korean(c) ? "이 이미지에 대체 텍스트가 없습니다. 대괄호 안에 이미지가 보여 "
                              "주는 것을 써 주십시오: ![이미지가 보여 주는 것](%s)"
                            : "this image has no alt text; describe what it shows inside the "
                              "brackets: ![what the image shows](%s)",
                url);
    return *p != '\0';
}

static char *S_hook_image(void *ctx, const char *url, const char *alt, unsigned line,
                          unsigned column)
{
    render_ctx *c = ctx;
    if (S_is_svg(url) && !S_has_scheme(url) && strncmp(url, "//", 2) != 0) {
        S_error(c, line, column, "media",
                S_korean(c) ? "다이어그램 '%s'은(는) 페이지에 그림으로 들어가므로 문단 하나를 "
                              "혼자 차지해야 합니다. ![보여 주는 것](%s \"캡션\")을 따로 한 "
                              "줄에 쓰고, 그 앞뒤에 빈 줄을 넣어 주십시오"
                            : "the diagram '%s' is drawn into the page as a figure, so it "
                              "stands in a paragraph of its own: put ![what it shows](%s "
                              "\"Caption\") on its own line, with an empty line before and "
                              "after it",
                url, url);
        return NULL;
    }
    S_has_alt(c, url, alt, line, column);
    return S_media_url(c, url, line, column);
}

/*
 * markdown_hooks.figure: an image of content/media/ that is an .svg, alone in its
 * paragraph, becomes its diagram's figure (markdown/diagram.h), with the drawing's ids
 * numbered on the page (diagram-1, diagram-2...). It needs alt text and a caption; a
 * diagram that svgcheck refuses is counted here and reported by build_check_media, at its
 * own lines, once however many articles show it.
 */
static bool S_hook_figure(void *ctx, const char *url, const char *alt, const char *title,
                          unsigned line, unsigned column, xmlNodePtr parent)
{
    render_ctx *c = ctx;
    if (!S_is_svg(url))
        return false;
    bool ok = S_has_alt(c, url, alt, line, column);
    if (!*title) {
        S_error(c, line, column, "media",
                S_korean(c) ? "다이어그램 '%s'에 캡션이 없습니다. 파일 이름 뒤에 따옴표로 "
                              "감싸 써 주십시오: ![보여 주는 것](%s \"캡션\")"
                            : "the diagram '%s' has no caption; write it in quotes after the "
                              "file name: ![what it shows](%s \"Caption\")",
                url, url);
        ok = false;
    }
    char *file = NULL;
    char *src = S_media_path(c, url, line, column, &file);
    free(src);
    if (!file)
        return true;
    int err = 0;
    const xmlDoc *doc = build_diagram(c->b, file, &err);
    if (err)
        S_error(c, line, column, "media",
                S_korean(c) ? "다이어그램 %s을(를) 읽을 수 없습니다: %s"
                            : "cannot read the diagram %s: %s",
                file, strerror(err));
    else if (!doc)
        c->errors++; /* build_check_media reports why */
    else if (ok && c->check_only)
        ++c->diagrams; /* checked above; a copy of the drawing would be thrown away unread */
    else if (ok) {
        char id[32];
        snprintf(id, sizeof id, "diagram-%u", ++c->diagrams);
        xmlAddChild(parent, diagram_render(xmlDocGetRootElement(doc), id, alt, title));
    }
    free(file);
    return true;
}

/* The site.yaml notice id of a care card's text, in the page's language, or NULL with an
 * error naming what to add. */
static const char *S_care_text(render_ctx *c, const char *id, unsigned line, unsigned column)
{
    const char *text = config_find_notice(c->lang->L, id);
    if (!text)
        S_error(c, line, column, "care",
                S_korean(c) ? "site.yaml의 %s 언어에 care 카드가 보여 주는 '%s' 안내문이 "
                              "없습니다. 그 언어의 notices 아래에 추가해 주십시오(README.md의 "
                              "'Care cards')"
                            : "site.yaml gives %s no '%s' notice, which care cards show; add it "
                              "under that language's notices (README.md, 'Care cards')",
                c->lang->L->code, id);
    return text;
}

/* A ```care block: the card, with its texts from site.yaml (care.h). */
static void S_care(render_ctx *c, const char *content, size_t len, unsigned line,
                   unsigned column, xmlNodePtr parent)
{
    build *b = c->b;
    care_block blk;
    if (!care_parse(c->file, content, len, line, column, S_korean(c), &blk, b->diags)) {
        c->errors++; /* care_parse reported it */
        return;
    }
    char *heading_id = xasprintf("care_%s", care_level_name(blk.level));
    for (char *p = heading_id; *p; p++)
        if (*p == '-')
            *p = '_';
    care_texts t = {
        .heading = S_care_text(c, heading_id, line, column),
        .call_clinic = S_care_text(c, "care_call_clinic", line, column),
        .call_emergency = S_care_text(c, "care_call_emergency", line, column),
        .phone = b->cfg->clinic_phone,
        .emergency = b->cfg->emergency_number,
    };
    free(heading_id);
    if (!t.phone || !t.emergency)
        S_error(c, line, column, "care", "%s",
                S_korean(c) ? "care 카드에는 병원 전화번호와 응급 전화번호가 들어가는데 "
                              "site.yaml에 둘 다 없습니다. 'phone'과 'emergency_number'가 있는 "
                              "'clinic:'을 추가해 주십시오"
                            : "a care card gives the clinic's number and the emergency number, "
                              "and site.yaml has neither: add 'clinic:' with 'phone' and "
                              "'emergency_number'");
    markdown_hooks hooks = build_hooks(c);
    markdown_result *md = markdown_render(c->file, content + blk.body_at, len - blk.body_at,
                                          blk.body_line,
                                          MARKDOWN_NO_H1 | build_markdown_language(c), &hooks,
                                          b->diags);
    c->errors += (unsigned)md->errors;
    if (t.heading && t.call_clinic && t.call_emergency && t.phone && t.emergency) {
        char id[32];
        snprintf(id, sizeof id, "care-%u", ++c->cards);
        xmlAddChild(parent, care_render(blk.level, id, &t, md->body));
        md->body = NULL; /* the card took it */
    }
    markdown_result_free(md);
}

static unsigned S_hook_cite_data(void *ctx, const char *id, unsigned line, unsigned column,
                                 bool *first);

static bool S_hook_fenced(void *ctx, const char *info, const char *content, size_t len,
                          unsigned line, unsigned column, xmlNodePtr parent)
{
    render_ctx *c = ctx;
    build *b = c->b;
    if (strcmp(info, "compare") == 0) {
        compare_spec *spec =
            compare_parse(c->file, content, len, line, column, b->procedures, S_korean(c),
                          b->diags);
        if (!spec) {
            c->errors++; /* compare_parse reported them */
            return true;
        }
        char id[32];
        snprintf(id, sizeof id, "cmp-%u", ++c->tables);
        /* Column headers link to articles only on /compare/: here the reader is in one.
         * The table is in the language of the text it stands in. */
        const char *lang = c->self ? c->self->lang : config_default_language(b->cfg)->code;
        markdown_hooks hooks = build_hooks(c);
        hooks.cite = S_hook_cite_data;
        xmlAddChild(parent, compare_render(b->procedures, spec, lang, id, false, NULL, &hooks));
        compare_spec_free(spec);
        return true;
    }
    if (strcmp(info, "care") == 0) {
        S_care(c, content, len, line, column, parent);
        return true;
    }
    if (strcmp(info, "before-after") == 0) {
        beforeafter *ba =
            beforeafter_parse(c->file, content, len, line, column, S_korean(c), b->diags);
        if (!ba) {
            c->errors++; /* beforeafter_parse reported them */
            return true;
        }
        char *before = S_media_url(c, ba->before, ba->before_line, ba->before_column);
        char *after = S_media_url(c, ba->after, ba->after_line, ba->after_column);
        if (before && after)
            xmlAddChild(parent, beforeafter_render(ba, before, after,
                                                   config_find_notice(
                                                       config_language_for(
                                                           b->cfg, c->self ? c->self->lang
                                                                           : c->lang->L->code),
                                                       "before_after")));
        free(before);
        free(after);
        beforeafter_free(ba);
        return true;
    }
    return false;
}

/*
 * markdown_hooks.cite: the number of source id on the page being rendered, by the order
 * its sources are first cited (c->cited), and whether this is its first citation there; 0
 * with an error when content/sources.yaml has no such source, or when the text's page has
 * no list of sources to point into (a disclaimer).
 */
static unsigned S_hook_cite(void *ctx, const char *id, unsigned line, unsigned column,
                            bool *first)
{
    render_ctx *c = ctx;
    const sources *all = c->b->sources;
    bool korean = c->lang && slug_language_in(c->lang->L->code, "ko");
    if (!all || !sources_find(all, id)) {
        const char *near = all ? sources_suggest(all, id) : NULL;
        if (near && korean)
            S_error(c, line, column, "citation",
                    "content/sources.yaml에 '%s'(이)라는 출처가 없습니다. '%s'을(를) 쓰려던 것인지 "
                    "확인해 주십시오",
                    id, near);
        else if (near)
            S_error(c, line, column, "citation",
                    "there is no source '%s' in content/sources.yaml; did you mean '%s'?", id,
                    near);
        else if (korean)
            S_error(c, line, column, "citation",
                    "content/sources.yaml에 '%s'(이)라는 출처가 없습니다. 출처를 그 파일에 추가하거나 "
                    "id를 바로잡아 주십시오",
                    id);
        else
            S_error(c, line, column, "citation",
                    "there is no source '%s' in content/sources.yaml; add it there, or correct "
                    "the id",
                    id);
        return 0;
    }
    if (!c->self && !c->lists_sources) {
        S_error(c, line, column, "citation", "%s",
                korean ? "이곳의 인용에는 가리킬 출처 목록이 없습니다. 출처는 글, 용어 사전의 "
                         "정의, procedures.yaml에서 인용해 주십시오"
                       : "a citation here has no list of sources to point into: cite sources "
                         "in articles, glossary definitions or procedures.yaml");
        return 0;
    }
    for (size_t i = 0; i < c->cited.len; i++)
        if (strcmp(c->cited.items[i], id) == 0)
            return (unsigned)i + 1;
    strlist_push(&c->cited, id);
    *first = true;
    return (unsigned)c->cited.len;
}

/*
 * markdown_hooks.cite for a comparison table's notes: their ids are procedures.yaml's, whose
 * mistakes build_check_data_citations reports at that file; here an unknown id gives 0 and
 * no second message at the article that shows the table.
 */
static unsigned S_hook_cite_data(void *ctx, const char *id, unsigned line, unsigned column,
                                 bool *first)
{
    render_ctx *c = ctx;
    if (!c->b->sources || !sources_find(c->b->sources, id))
        return 0;
    return S_hook_cite(ctx, id, line, column, first);
}

void build_add_sources(const build *b, xmlNodePtr parent, const render_ctx *c)
{
    const source_entry **items = xcalloc(c->cited.len + 1, sizeof *items);
    for (size_t i = 0; i < c->cited.len; i++)
        items[i] = sources_find(b->sources, c->cited.items[i]);
    pagexml_sources(parent, &(sources_cited){items, c->cited.len});
    free(items);
}

void build_check_data_citations(build *b)
{
    const procedure_data *data = b->procedures;
    if (!data || !b->n_langs)
        return;
    /* The data serves every language: its mistakes are told in the site's first. */
    render_ctx c = {.b = b, .file = data->file, .lang = &b->langs[0], .lists_sources = true};
    for (size_t p = 0; p < data->n_procedures; p++)
        for (size_t a = 0; a < data->n_attributes; a++) {
            const proc_value *v = &data->procedures[p].values[a];
            for (size_t k = 0; k < v->source.n; k++) {
                const char *text = v->source.values[k].text;
                size_t len = strlen(text), at = 0;
                citation_group g;
                while (citation_next(text, len, at, &g)) {
                    if (g.malformed) {
                        citation_report_malformed(b->diags, c.file, v->source_line,
                                                  v->source_column, S_korean(&c), text, &g);
                        c.errors++;
                    }
                    for (size_t i = 0; i < g.n_ids; i++) {
                        char *id = xstrndup(text + g.ids[i].at, g.ids[i].len);
                        bool first = false;
                        S_hook_cite(&c, id, v->source_line, v->source_column, &first);
                        free(id);
                    }
                    at = g.end;
                }
            }
        }
    build_ctx_free(&c);
}

markdown_hooks build_hooks(render_ctx *c)
{
    return (markdown_hooks){
        .ctx = c,
        .link = S_hook_link,
        .image = S_hook_image,
        .fenced = S_hook_fenced,
        .cite = S_hook_cite,
        .figure = S_hook_figure,
    };
}

/* Set hreflang and lang on the links of body that c's text resolved in another language. */
void build_mark_other_languages(render_ctx *c, xmlNodePtr body)
{
    if (!c->other_lang.len || !body)
        return;
    xmlNodePtr n = body;
    while (n) {
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "a")) {
            xmlChar *href = xmlGetProp(n, BAD_CAST "href");
            for (size_t i = 0; href && i + 1 < c->other_lang.len; i += 2)
                if (strcmp((const char *)href, c->other_lang.items[i]) == 0) {
                    xmlSetProp(n, BAD_CAST "hreflang", BAD_CAST c->other_lang.items[i + 1]);
                    xmlSetProp(n, BAD_CAST "lang", BAD_CAST c->other_lang.items[i + 1]);
                    break;
                }
            xmlFree(href);
        }
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != body && !n->next)
            n = n->parent;
        n = n && n != body ? n->next : NULL;
    }
}

void build_ctx_free(render_ctx *c)
{
    strlist_free(&c->cited);
    strlist_free(&c->links);
    strlist_free(&c->other_lang);
}
