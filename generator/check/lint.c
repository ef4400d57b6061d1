/* lint.c: the compliance check of one content file (see lint.h). */
#define _GNU_SOURCE
#include "check/lint.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/utf8.h"
#include "check/lint_private.h"
#include "check/readertext.h"
#include "content/yamldoc.h"
#include "markdown/beforeafter.h"
#include "markdown/citation.h"
#include "markdown/markdown.h"
#include "markdown/mdarena.h"

/* The longest matched text quoted in a message, in bytes. */
#define MATCH_QUOTE_MAX 60


/* ---- findings --------------------------------------------------------------------------- */

static void S_add_finding(lt_lint *L, const rule *r, size_t offset, const char *match,
                          size_t match_len)
{
    if (L->n_findings == L->cap_findings) {
        L->cap_findings = L->cap_findings ? L->cap_findings * 2 : 16;
        L->findings = xreallocarray(L->findings, L->cap_findings, sizeof *L->findings);
    }
    char *m = NULL;
    if (match) {
        while (match_len && (*match == ' ' || *match == '\t')) {
            match++;
            match_len--;
        }
        if (match_len > MATCH_QUOTE_MAX) {
            match_len = MATCH_QUOTE_MAX;
            while (match_len && ((unsigned char)match[match_len] & 0xC0) == 0x80)
                match_len--;
        }
        m = xstrndup(match, match_len);
    }
    L->findings[L->n_findings++] = (lt_finding){r, offset, m, L->lang ? xstrdup(L->lang) : NULL};
}

/* The segment matched r at seg[start, end). */
static void S_found(void *p, const rule *r, size_t start, size_t end)
{
    lt_lint *L = p;
    S_add_finding(L, r, L->seg.src[start], L->seg.text + start, end - start);
}

/* Scan the current segment (heading tells whether it is a heading) with every rule. */
/* A source offset mapped into the file. */
static size_t S_file_offset(const lt_source *src, size_t off)
{
    if (!src->remap)
        return off;
    return src->remap[off < src->remap_len ? off : src->remap_len - 1];
}

/* Make a segment collected from src point into the file, then normalise it. */
static void S_finish_segment(const lt_source *src, reader_text *seg)
{
    if (src->remap)
        for (size_t i = 0; i < seg->len; i++)
            seg->src[i] = (uint32_t)S_file_offset(src, seg->src[i]);
    rtext_normalize(seg);
}

/* The ids seg cites, into L->cited (each once); what is malformed the build reports. */
static void S_citations(lt_lint *L, const reader_text *seg)
{
    citation_group g;
    for (size_t at = 0; L->cited && citation_next(seg->text, seg->len, at, &g); at = g.end)
        for (size_t i = 0; i < g.n_ids; i++) {
            char *id = xstrndup(seg->text + g.ids[i].at, g.ids[i].len);
            if (!strlist_contains(L->cited, id))
                strlist_push(L->cited, id);
            free(id);
        }
}

static void S_scan(lt_lint *L, const lt_source *src, bool heading)
{
    reader_text *seg = &L->seg;
    if (seg->len == 0)
        return;
    S_finish_segment(src, seg);
    if (L->cited && memchr(seg->text, '@', seg->len))
        S_citations(L, seg);
    compliance_scan(L->ctx->rules, L->s, L->lang, seg->text, seg->len, S_found, L);
    if (!L->req_active)
        return;
    for (size_t i = 0; i < L->ctx->rules->n_rules; i++) {
        if (!L->req_active[i] || L->req_done[i])
            continue;
        const rule *r = &L->ctx->rules->rules[i];
        if ((heading && compliance_match_any(&r->headings, L->s, seg->text, seg->len)) ||
            compliance_match_any(&r->patterns, L->s, seg->text, seg->len))
            L->req_done[i] = true;
    }
}

/* ---- Markdown --------------------------------------------------------------------------- */

size_t lt_node_offset(const lt_source *src, cmark_node *n)
{
    int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
    return source_offset(&src->lines, (unsigned)(line > 0 ? line : 1) + src->line_offset,
                         (unsigned)(col > 0 ? col : 1));
}

size_t lt_node_end(const lt_source *src, cmark_node *n)
{
    int line = cmark_node_get_end_line(n), col = cmark_node_get_end_column(n);
    return source_offset(&src->lines, (unsigned)(line > 0 ? line : 1) + src->line_offset,
                         (unsigned)(col > 0 ? col : 1)) + 1;
}


static void S_collect(lt_lint *L, const lt_source *src, cmark_node *parent, reader_text *seg);

/* The next rule from *i on with this media check that applies to the page's language. */
static const rule *S_next_check(const lt_lint *L, rule_check check, size_t *i)
{
    const compliance *c = L->ctx->rules;
    for (; *i < c->n_rules; (*i)++)
        if (c->rules[*i].check == check && rule_applies_to_lang(&c->rules[*i], L->lang))
            return &c->rules[(*i)++];
    return NULL;
}

/* An image: its alt text is a segment of its own; media rules look at it. */
static void S_image(lt_lint *L, const lt_source *src, cmark_node *img)
{
    size_t at = S_file_offset(src, lt_node_offset(src, img));
    reader_text alt;
    rtext_init(&alt);
    S_collect(L, src, img, &alt);
    S_finish_segment(src, &alt);
    bool blank = true;
    for (size_t i = 0; i < alt.len && blank; i++)
        blank = alt.text[i] == ' ' || alt.text[i] == '\t';
    const compliance *c = L->ctx->rules;
    const rule *r;
    size_t i = 0;
    while (blank && (r = S_next_check(L, CHECK_IMAGE_ALT, &i)))
        S_add_finding(L, r, at, NULL, 0);
    const char *url = cmark_node_get_url(img);
    const char *title = cmark_node_get_title(img);
    /* File names join words with - _ and .: make them words. */
    char *name = xstrdup(path_basename(url ? url : ""));
    for (char *p = name; *p; p++)
        if (*p == '-' || *p == '_' || *p == '.' || *p == '+')
            *p = ' ';
    i = 0;
    while ((r = S_next_check(L, CHECK_BEFORE_AFTER_IMAGE, &i))) {
        const rule_patterns *p = &r->patterns;
        if (compliance_match_any(p, L->s, name, strlen(name)) ||
            compliance_match_any(p, L->s, alt.text, alt.len) ||
            (title && compliance_match_any(p, L->s, title, strlen(title))))
            S_add_finding(L, r, at, url, url ? strlen(url) : 0);
    }
    free(name);
    /* The alt text is scanned like any text: a screen reader reads it aloud. */
    reader_text keep = L->seg;
    L->seg = alt;
    compliance_scan(c, L->s, L->lang, L->seg.text, L->seg.len, S_found, L);
    alt = L->seg;
    L->seg = keep;
    rtext_free(&alt);
}

/*
 * The reader's text of parent's inlines into seg. Walked with cmark's iterator, not by
 * recursion: cmark sets no limit on how deep emphasis and links nest, and a hostile
 * paragraph of 50,000 nested emphases would exhaust a linting thread's stack. An image's
 * alt text is its own segment (S_image), read no deeper than MARKDOWN_MAX_NESTING images in
 * images.
 */
static void S_collect(lt_lint *L, const lt_source *src, cmark_node *parent, reader_text *seg)
{
    cmark_iter *it = cmark_iter_new(parent);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || n == parent)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: {
            const char *lit = cmark_node_get_literal(n);
            rtext_append_aligned(seg, lit, strlen(lit), src->text, src->len,
                                 lt_node_offset(src, n));
            break;
        }
        case CMARK_NODE_CODE:
            rtext_append_at(seg, RTEXT_OBJECT, strlen(RTEXT_OBJECT), lt_node_offset(src, n));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            rtext_append_at(seg, " ", 1,
                            seg->len ? seg->src[seg->len - 1] + 1
                                     : lt_node_offset(src, cmark_node_parent(n)));
            break;
        case CMARK_NODE_IMAGE:
            rtext_append_at(seg, RTEXT_OBJECT, strlen(RTEXT_OBJECT), lt_node_offset(src, n));
            if (L->image_depth < MARKDOWN_MAX_NESTING) {
                L->image_depth++;
                S_image(L, src, n);
                L->image_depth--;
            }
            /* Its alt text is not this segment's: go on after it. */
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            break;
        default: /* emphasis, links, inline HTML: their text is read as it comes */
            break;
        }
    }
    cmark_iter_free(it);
}

/* ---- YAML values -------------------------------------------------------------------------- */

static void S_blocks(lt_lint *L, const lt_source *src, cmark_node *parent, unsigned depth);

/* Lint a string value that starts at byte at of the file, read as Markdown. */
static void S_value(lt_lint *L, const char *value, size_t at)
{
    size_t n = strlen(value);
    if (n == 0)
        return;
    reader_text map;
    rtext_init(&map);
    rtext_append_aligned(&map, value, n, L->text, L->len, at);
    /* Released with the arena at the end of lint_article or lint_yaml. */
    cmark_node *doc = mdarena_parse(value, n, CMARK_OPT_SOURCEPOS);
    lt_source src = {.text = value, .len = n, .remap = map.src, .remap_len = map.len};
    source_lines_init(&src.lines, value, n);
    S_blocks(L, &src, doc, 0);
    source_lines_free(&src.lines);
    rtext_free(&map);
}

static bool S_in(const char *key, const char *const *list)
{
    for (size_t i = 0; list && list[i]; i++)
        if (strcmp(key, list[i]) == 0)
            return true;
    return false;
}

/* The language of the values under key: key itself when it is a language the site
 * declares ("en:" in name: {ko: …, en: …}), else lang. */
static const char *S_key_lang(const lt_lint *L, const char *key, const char *lang)
{
    const char *const *codes = L->ctx->cfg ? L->ctx->cfg->language_codes : NULL;
    for (size_t i = 0; codes && codes[i]; i++)
        if (strcmp(codes[i], key) == 0)
            return codes[i];
    return lang;
}

/* The language of an entry of site.yaml's `languages:` list: its `code:`, else lang. */
static const char *S_entry_lang(ydoc *doc, yaml_node_t *entry, const char *lang)
{
    yaml_node_t *code =
        entry->type == YAML_MAPPING_NODE ? ydoc_map_get(doc, entry, "code") : NULL;
    const char *c = code ? ydoc_scalar(code) : NULL;
    return c && *c ? c : lang;
}

/*
 * Lint the string values under node, in language lang, except values of keys in skip (or,
 * with only, only values of keys in only). A value under a declared language's key is in
 * that language, and so is every value of an entry of a `languages:` list with its code.
 */
static void S_yaml_node(lt_lint *L, ydoc *doc, yaml_node_t *node, const char *lang,
                        const char *const *skip, const char *const *only)
{
    if (!node)
        return;
    /* Each node once: what an alias repeats is linted where it was written. */
    size_t at_node = (size_t)(node - (const yaml_node_t *)L->yaml_base);
    if (at_node >= L->yaml_seen_cap) {
        size_t cap = (at_node + 1) * 2;
        L->yaml_seen = xreallocarray(L->yaml_seen, cap, 1);
        memset(L->yaml_seen + L->yaml_seen_cap, 0, cap - L->yaml_seen_cap);
        L->yaml_seen_cap = cap;
    }
    if (L->yaml_seen[at_node])
        return;
    L->yaml_seen[at_node] = 1;
    if (node->type == YAML_MAPPING_NODE) {
        for (size_t i = 0; i < ydoc_len(node); i++) {
            const char *key = ydoc_scalar(ydoc_map_key(doc, node, i));
            if (!key || S_in(key, skip) || (only && !S_in(key, only)))
                continue;
            yaml_node_t *value = ydoc_map_value(doc, node, i);
            if (strcmp(key, "languages") == 0 && value->type == YAML_SEQUENCE_NODE) {
                for (size_t k = 0; k < ydoc_len(value); k++) {
                    yaml_node_t *entry = ydoc_seq_item(doc, value, k);
                    S_yaml_node(L, doc, entry, S_entry_lang(doc, entry, lang), skip, NULL);
                }
                continue;
            }
            S_yaml_node(L, doc, value, S_key_lang(L, key, lang), skip, NULL);
        }
    } else if (node->type == YAML_SEQUENCE_NODE) {
        for (size_t i = 0; i < ydoc_len(node); i++)
            S_yaml_node(L, doc, ydoc_seq_item(doc, node, i), lang, skip, only);
    } else if (node->type == YAML_SCALAR_NODE && !ydoc_is_null(node)) {
        size_t at = source_offset_chars(&L->lines, ydoc_line(doc, node), ydoc_column(doc, node));
        const char *keep = L->lang;
        L->lang = lang;
        S_value(L, ydoc_scalar(node), at);
        L->lang = keep;
    }
}

/* S_yaml_node over the whole of doc, each node once. */
static void S_yaml_doc(lt_lint *L, ydoc *doc, const char *lang, const char *const *skip,
                       const char *const *only)
{
    yaml_node_t *root = ydoc_root(doc);
    /* libyaml keeps a document's nodes in one array, the root first. */
    L->yaml_base = root;
    L->yaml_seen_cap = 0;
    free(L->yaml_seen);
    L->yaml_seen = NULL;
    S_yaml_node(L, doc, root, lang, skip, only);
    free(L->yaml_seen);
    L->yaml_seen = NULL;
    L->yaml_seen_cap = 0;
}

/* ---- blocks -------------------------------------------------------------------------------- */

static void S_blocks(lt_lint *L, const lt_source *src, cmark_node *parent, unsigned depth);

/*
 * A care block's Markdown, after its level line (care.h): read as the article's own text,
 * which it is, with its lines as they are in the file (line: the block's first). A block
 * indented in a list is read with the columns of the unindented text.
 */
static void S_care_body(lt_lint *L, const lt_source *src, const char *content, size_t len,
                        unsigned line, unsigned depth)
{
    const char *nl = memchr(content, '\n', len);
    if (!nl)
        return;
    size_t at = (size_t)(nl - content) + 1;
    cmark_node *doc = mdarena_parse(content + at, len - at, CMARK_OPT_SOURCEPOS);
    lt_source body = {.text = src->text, .len = src->len, .lines = src->lines,
                      .line_offset = line};
    S_blocks(L, &body, doc, depth + 1);
}

static void S_fenced(lt_lint *L, const lt_source *src, cmark_node *n, unsigned depth)
{
    const char *info = cmark_node_get_fence_info(n);
    if (!info || src->remap)
        return;
    size_t wlen = strcspn(info, " \t");
    /* A requires rule that a block of this kind satisfies (blocks: [care]). */
    for (size_t i = 0; L->req_active && i < L->ctx->rules->n_rules; i++) {
        const strlist *kinds = &L->ctx->rules->rules[i].blocks;
        for (size_t k = 0; L->req_active[i] && k < kinds->len; k++)
            if (strlen(kinds->items[k]) == wlen && strncmp(info, kinds->items[k], wlen) == 0)
                L->req_done[i] = true;
    }
    bool compare = wlen == 7 && strncmp(info, "compare", 7) == 0;
    bool ba = wlen == 12 && strncmp(info, "before-after", 12) == 0;
    bool care = wlen == 4 && strncmp(info, "care", 4) == 0;
    if (!compare && !ba && !care)
        return;
    const char *content = cmark_node_get_literal(n);
    size_t len = strlen(content);
    int l = cmark_node_get_start_line(n), c = cmark_node_get_start_column(n);
    unsigned line = (unsigned)(l > 0 ? l : 1) + src->line_offset + 1;
    unsigned column = (unsigned)(c > 0 ? c : 1);
    if (care) {
        S_care_body(L, src, content, len, line, depth);
        return;
    }
    if (ba) {
        /* Consent and alt text are checked as the build checks them. */
        beforeafter *b =
            beforeafter_parse(L->path, content, len, line, column, lt_korean(L), L->ctx->diags);
        beforeafter_free(b);
    }
    diag_list *quiet = diag_list_new();
    ydoc *doc = ydoc_load(L->path, content, len, line - 1, column - 1, quiet);
    diag_list_free(quiet);
    if (!doc)
        return; /* the build reports it */
    static const char *const compare_keys[] = {"caption", NULL};
    static const char *const ba_keys[] = {"alt", "before_alt", "after_alt", NULL};
    S_yaml_doc(L, doc, L->lang, NULL, compare ? compare_keys : ba_keys);
    ydoc_free(doc);
}

/*
 * The blocks under parent, depth containers deep. Deeper than MARKDOWN_MAX_NESTING nothing
 * is read: the build refuses such an article (markdown_render reports it, and suture check
 * with it), and a hostile one of 100,000 nested quotes would exhaust a thread's stack.
 */
static void S_blocks(lt_lint *L, const lt_source *src, cmark_node *parent, unsigned depth)
{
    if (depth > MARKDOWN_MAX_NESTING)
        return;
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            rtext_clear(&L->seg);
            S_collect(L, src, n, &L->seg);
            S_scan(L, src, cmark_node_get_type(n) == CMARK_NODE_HEADING);
            /* The body's paragraphs (list items and quotes hold paragraphs too) are what
             * is read; a heading is not (as Flesch tested only running text). */
            if (!src->remap && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
                lt_reading_block(L, n);
            break;
        case CMARK_NODE_CODE_BLOCK:
            S_fenced(L, src, n, depth);
            break;
        case CMARK_NODE_HTML_BLOCK:
            lt_html_block(L, src, n);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            break;
        default:
            S_blocks(L, src, n, depth + 1);
            break;
        }
    }
}

/* ---- the article ------------------------------------------------------------------------- */

static void S_init(lt_lint *L, const lint_context *ctx, compliance_scanner *s, const char *path,
                   const char *text, size_t len, const char *lang)
{
    memset(L, 0, sizeof *L);
    L->ctx = ctx;
    L->s = s;
    L->path = path;
    L->text = text;
    L->len = len;
    L->lang = lang;
    source_lines_init(&L->lines, text, len);
    rtext_init(&L->seg);
}

/* Report the findings that no suppression covers, and the suppressions; free both. */
static void S_finish(lt_lint *L, lint_result *out)
{
    for (size_t i = 0; i < L->n_findings; i++) {
        lt_finding *f = &L->findings[i];
        bool suppressed = false;
        for (size_t k = 0; k < L->n_supps && !suppressed; k++) {
            lt_suppression *sp = &L->supps[k];
            if (sp->r == f->r && f->offset >= sp->from && f->offset < sp->to) {
                sp->count++;
                suppressed = true;
            }
        }
        if (suppressed) {
            out->suppressed++;
        } else {
            unsigned line, column;
            source_position(&L->lines, f->offset, &line, &column);
            const char *lang = f->lang ? f->lang : L->lang;
            char *msg = rule_message_in(f->r, lang, f->match ? f->match : "");
            diag_add_lang(L->ctx->diags, f->r->severity, L->path, line, column, f->r->id,
                          f->r->reference, lang, "%s", msg);
            out->marks = xreallocarray(out->marks, out->n_marks + 1, sizeof *out->marks);
            out->marks[out->n_marks++] = (lint_mark){
                .line = line,
                .column = column,
                .severity = f->r->severity,
                .rule = xstrdup(f->r->id),
                .phrase = f->match,
                .message = msg,
                .lang = xstrdup(lang ? lang : "en"),
            };
            free(f->lang);
            continue;
        }
        free(f->match);
        free(f->lang);
    }
    free(L->findings);
    for (size_t k = 0; k < L->n_supps; k++) {
        lt_suppression *sp = &L->supps[k];
        if (sp->r && sp->count == 0)
            diag_add(L->ctx->diags, DIAG_WARNING, L->path, sp->line, sp->column, "suppression",
                     "this suppression of '%s' covers no finding of that rule; remove it",
                     sp->rule_id);
        if (sp->r) {
            out->suppressions = xreallocarray(out->suppressions, out->n_suppressions + 1,
                                              sizeof *out->suppressions);
            out->suppressions[out->n_suppressions++] = (lint_suppression){
                .file = xstrdup(L->path),
                .line = sp->line,
                .column = sp->column,
                .rule = sp->rule_id,
                .reason = sp->reason,
                .suppressed = sp->count,
            };
        } else {
            free(sp->rule_id);
            free(sp->reason);
        }
    }
    free(L->supps);
    free(L->req_active);
    free(L->req_done);
    rtext_free(&L->seg);
    source_lines_free(&L->lines);
}

static size_t S_utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* True when s is NULL or shows nothing: only white space (any, U+3000 too) or invisible
 * characters. */
static bool S_blank(const char *s)
{
    if (!s)
        return true;
    int32_t i = 0, n = (int32_t)strlen(s);
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0 || !(u_isUWhiteSpace(c) ||
                       u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
            return false;
    }
    return true;
}

static size_t S_pos_offset(lt_lint *L, fm_pos p)
{
    return source_offset_chars(&L->lines, p.line ? p.line : 1, p.column ? p.column : 1);
}

/* What the metadata rules look at: from the parsed front matter, or from its YAML alone
 * when the front matter had errors (an empty summary is both). */
typedef struct {
    const char *reviewer, *summary;
    const date_ymd *reviewed;     /* NULL when there is no valid date */
    fm_pos reviewer_at, summary_at, reviewed_at;
    bool no_reviewer_ok;          /* a site page: it need not name a reviewer */
} S_meta;

/* Metadata rules: reviewer, review date, summary. */
static void S_metadata(lt_lint *L, const S_meta *m)
{
    const compliance *c = L->ctx->rules;
    for (size_t i = 0; i < c->n_rules; i++) {
        const rule *r = &c->rules[i];
        if (r->kind != RULE_METADATA || !rule_applies_to_lang(r, L->lang))
            continue;
        switch (r->check) {
        case CHECK_REVIEWER:
            if (m->no_reviewer_ok && !m->reviewer)
                break;
            if (S_blank(m->reviewer) ||
                compliance_match_any(&r->patterns, L->s, m->reviewer, strlen(m->reviewer)))
                S_add_finding(L, r, S_pos_offset(L, m->reviewer_at), m->reviewer,
                              m->reviewer ? strlen(m->reviewer) : 0);
            break;
        case CHECK_REVIEWED_DATE: {
            if (!m->reviewed)
                break;
            if (!L->ctx->cfg)
                break;
            long age = date_days(&L->ctx->today) - date_days(m->reviewed);
            if (age < 0 || age > L->ctx->cfg->review_max_age_days) {
                char when[16];
                date_format(m->reviewed, when, sizeof when);
                S_add_finding(L, r, S_pos_offset(L, m->reviewed_at), when, strlen(when));
            }
            break;
        }
        case CHECK_SUMMARY:
            if (S_blank(m->summary) || (long)S_utf8_chars(m->summary) > r->max)
                S_add_finding(L, r, S_pos_offset(L, m->summary_at), m->summary,
                              m->summary ? strlen(m->summary) : 0);
            break;
        default:
            break;
        }
    }
}

/* The metadata of front matter that did not parse: read its YAML again, quietly. */
static ydoc *S_meta_from_yaml(lt_lint *L, unsigned body_line, S_meta *m)
{
    if (body_line < 3)
        return NULL;
    size_t a = source_offset(&L->lines, 2, 1), b = source_offset(&L->lines, body_line - 1, 1);
    diag_list *quiet = diag_list_new();
    ydoc *doc = ydoc_load(L->path, L->text + a, b - a, 1, 0, quiet);
    diag_list_free(quiet);
    yaml_node_t *root = doc ? ydoc_root(doc) : NULL;
    if (!root || root->type != YAML_MAPPING_NODE)
        return doc;
    static const char *const keys[] = {"reviewer", "summary"};
    const char **values[] = {&m->reviewer, &m->summary};
    fm_pos *where[] = {&m->reviewer_at, &m->summary_at};
    for (size_t k = 0; k < 2; k++) {
        yaml_node_t *n = ydoc_map_get(doc, root, keys[k]);
        if (n && n->type == YAML_SCALAR_NODE) {
            *values[k] = ydoc_is_null(n) ? "" : ydoc_scalar(n);
            *where[k] = (fm_pos){ydoc_line(doc, n), ydoc_column(doc, n)};
        }
    }
    return doc;
}

/* True when a metadata finding stands where the front-matter diagnostic d does, about the
 * same key: the rule's message, which cites its source, replaces the generic one. */
static bool S_covered(const lt_lint *L, const diag *d)
{
    static const char *const keys[] = {"'reviewer'", "'summary'"};
    static const rule_check checks[] = {CHECK_REVIEWER, CHECK_SUMMARY};
    for (size_t i = 0; i < L->n_findings; i++) {
        const lt_finding *f = &L->findings[i];
        unsigned line, column;
        source_position(&L->lines, f->offset, &line, &column);
        for (size_t k = 0; k < 2; k++)
            if (f->r->check == checks[k] && strstr(d->message, keys[k]) && d->line == line &&
                d->column == column)
                return true;
    }
    return false;
}

/* Which requires rules apply to the article; where each would be reported. */
static size_t *S_requires(lt_lint *L, const frontmatter *fm)
{
    const compliance *c = L->ctx->rules;
    L->req_active = xcalloc(c->n_rules + 1, sizeof *L->req_active);
    L->req_done = xcalloc(c->n_rules + 1, sizeof *L->req_done);
    size_t *at = xcalloc(c->n_rules + 1, sizeof *at);
    for (size_t i = 0; i < c->n_rules; i++) {
        const rule *r = &c->rules[i];
        if (r->kind != RULE_REQUIRES || !rule_applies_to_lang(r, L->lang))
            continue;
        if (r->when_articles) {
            L->req_active[i] = true;
            at[i] = S_pos_offset(L, fm->title_at);
            continue;
        }
        const fm_ref *why = NULL;
        if (r->when_procedures && fm->n_procedures)
            why = &fm->procedures[0];
        for (size_t t = 0; !why && t < fm->n_topics; t++)
            if (strlist_contains(&r->when_topics, fm->topics[t].id))
                why = &fm->topics[t];
        if (!why)
            continue;
        L->req_active[i] = true;
        at[i] = source_offset_chars(&L->lines, why->line, why->column);
    }
    return at;
}

bool lt_korean(const lt_lint *L)
{
    return L->lang && slug_language_in(L->lang, "ko");
}

/* lint_article, or lint_page when page. */
static void S_lint(const lint_context *ctx, compliance_scanner *s, const char *path,
                   const char *lang, const char *text, size_t len, bool page, lint_result *out)
{
    const char *body = NULL;
    unsigned body_line = 1;
    mdarena_mark trees = mdarena_begin();
    diag_list *fm_diags = diag_list_new();
    /* An empty topic list is named in the article's language when it is known before its
     * front matter is read (its folder's); else in the site's. */
    frontmatter_site site = {
        .cfg = ctx->cfg,
        .lang = lang ? lang : ctx->cfg ? config_default_language(ctx->cfg)->code : NULL,
        .page = page,
    };
    frontmatter *fm = frontmatter_parse_for(path, text, len, &site, fm_diags, &body, &body_line);
    /* The body's bad bytes, which the page would show as U+FFFD (those of the front matter
     * are libyaml's to report), as suture build says. */
    bool body_valid =
        body && utf8_warn_after(text, len, (size_t)(body - text), path, "encoding", ctx->diags);
    lt_lint L;
    if (!lang)
        lang = fm && fm->lang ? fm->lang
               : ctx->cfg     ? config_default_language(ctx->cfg)->code
                              : "en";
    S_init(&L, ctx, s, path, text, len, lang);
    /* The reading and front matter are this article's alone, even when out gathers several
     * articles. */
    frontmatter_free(out->fm);
    out->fm = NULL;
    strlist_free(&out->heading_ids);
    out->heading_ids_known = false;
    strlist_free(&out->cited);
    L.cited = &out->cited;
    if (ctx->for_build)
        out->source = fingerprint_digest_bytes(text, len);
    lt_reading_begin(&L, out, body != NULL && !ctx->skip_reading);
    lt_yaml_suppressions(&L, 1, body ? body_line - 1 : 1);
    size_t *req_at = NULL;
    lt_placeholders(&L);
    if (fm) {
        if (fm->title) {
            S_value(&L, fm->title, S_pos_offset(&L, fm->title_at));
            lt_title_quoted(&L, fm->title, S_pos_offset(&L, fm->title_at));
        }
        if (fm->summary)
            S_value(&L, fm->summary, S_pos_offset(&L, fm->summary_at));
        S_meta m = {fm->reviewer, fm->summary, &fm->reviewed, fm->reviewer_at, fm->summary_at,
                    fm->reviewed_at, .no_reviewer_ok = page};
        S_metadata(&L, &m);
        /* A site page is about the site, not a procedure: what an article must hold
         * (`requires` rules: a risks section, a care card, its sources) is not asked of it. */
        if (!page)
            req_at = S_requires(&L, fm);
    } else if (body && !page) {
        S_meta m = {0};
        ydoc *doc = S_meta_from_yaml(&L, body_line, &m);
        /* YAML that does not load (bad syntax, bytes that are not UTF-8) tells nothing of
         * the metadata: its own error is reported, and "no reviewer" would follow from it. */
        yaml_node_t *root = doc ? ydoc_root(doc) : NULL;
        if (root && root->type == YAML_MAPPING_NODE)
            S_metadata(&L, &m);
        ydoc_free(doc);
    }
    /* The front matter's own mistakes, except those a metadata rule reports in its words. */
    for (size_t i = 0; i < diag_count(fm_diags); i++) {
        const diag *d = diag_get(fm_diags, i);
        if (!S_covered(&L, d))
            diag_add_ref(ctx->diags, d->severity, d->file, d->line, d->column, d->category,
                         d->reference, "%s", d->message);
    }
    diag_list_free(fm_diags);
    if (body) {
        size_t body_len = len - (size_t)(body - text);
        cmark_node *doc = mdarena_parse(body, body_len, CMARK_OPT_SOURCEPOS);
        lt_source src = {.text = text, .len = len, .lines = L.lines,
                         .line_offset = body_line - 1};
        S_blocks(&L, &src, doc, 0);
        /* The build's ids of its headings, from this tree: suture build need not parse the
         * article again to learn them (cli/lintbuild.h). */
        if (body_valid && ctx->for_build) {
            markdown_heading_ids_of(doc, &out->heading_ids);
            out->heading_ids_known = true;
        }
    }
    for (size_t i = 0; req_at && i < ctx->rules->n_rules; i++)
        if (L.req_active[i] && !L.req_done[i])
            S_add_finding(&L, &ctx->rules->rules[i], req_at[i], NULL, 0);
    free(req_at);
    lt_reading_end(&L, out);
    S_finish(&L, out);
    out->fm = fm;
    out->body_line = body ? body_line : 0;
    mdarena_end(trees);
}

void lint_article(const lint_context *ctx, compliance_scanner *s, const char *path,
                  const char *lang, const char *text, size_t len, lint_result *out)
{
    S_lint(ctx, s, path, lang, text, len, false, out);
}

void lint_page(const lint_context *ctx, compliance_scanner *s, const char *path,
               const char *lang, const char *text, size_t len, lint_result *out)
{
    S_lint(ctx, s, path, lang, text, len, true, out);
}

void lint_yaml(const lint_context *ctx, compliance_scanner *s, const char *path,
               const char *text, size_t len, const char *lang, const char *const *skip,
               lint_result *out)
{
    lt_lint L;
    mdarena_mark trees = mdarena_begin();
    S_init(&L, ctx, s, path, text, len, lang);
    lt_yaml_suppressions(&L, 1, (unsigned)L.lines.n);
    ydoc *doc = ydoc_load(path, text, len, 0, 0, ctx->diags);
    if (doc) {
        S_yaml_doc(&L, doc, lang, skip, NULL);
        ydoc_free(doc);
    }
    S_finish(&L, out);
    mdarena_end(trees);
}

void lint_result_free(lint_result *r)
{
    for (size_t i = 0; i < r->n_suppressions; i++) {
        free(r->suppressions[i].file);
        free(r->suppressions[i].rule);
        free(r->suppressions[i].reason);
    }
    free(r->suppressions);
    free(r->reading.file);
    free(r->reading_ko.file);
    frontmatter_free(r->fm);
    lint_marks_free(r->marks, r->n_marks);
    strlist_free(&r->heading_ids);
    strlist_free(&r->cited);
    memset(r, 0, sizeof *r);
}

void lint_marks_free(lint_mark *marks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(marks[i].rule);
        free(marks[i].phrase);
        free(marks[i].message);
        free(marks[i].lang);
    }
    free(marks);
}
