/* compare.c: the comparison-table engine (see compare.h). */
#define _GNU_SOURCE
#include "markdown/compare.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "content/yamldoc.h"
#include "markdown/citation.h"

static const char *const S_keys[] = {"procedures", "attributes", "caption", NULL};

/* One id listed in the block, with its position for messages. */
typedef struct {
    char *id;
    unsigned line, column;
} S_item;

/*
 * Read "a, b, c" or a YAML list into items. For a comma list the column of each id is
 * computed inside the scalar, which is exact for plain one-line scalars.
 */
static S_item *S_read_list(ydoc *doc, yaml_node_t *node, const char *key, size_t *count)
{
    *count = 0;
    char what[48];
    snprintf(what, sizeof what, "'%s'", key);
    if (node->type == YAML_SEQUENCE_NODE) {
        size_t n = ydoc_len(node);
        S_item *items = xcalloc(n + 1, sizeof *items);
        for (size_t i = 0; i < n; i++) {
            yaml_node_t *it = ydoc_seq_item(doc, node, i);
            const char *s = ydoc_expect_string(doc, it, what);
            if (!s)
                continue;
            items[*count] = (S_item){xstrdup(s), ydoc_line(doc, it), ydoc_column(doc, it)};
            (*count)++;
        }
        return items;
    }
    const char *s = ydoc_expect_string(doc, node, what);
    if (!s)
        return NULL;
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        cap += *p == ',';
    S_item *items = xcalloc(cap, sizeof *items);
    bool plain = node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *start = p;
        while (*p && *p != ',')
            p++;
        const char *end = p;
        while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        unsigned col = ydoc_column(doc, node) + (plain ? (unsigned)(start - s) : 0);
        if (end == start) {
            ydoc_error_at(doc, ydoc_line(doc, node), col, "compare",
                          ydoc_korean(doc) ? "%s에 빈 항목이 있습니다. id는 쉼표 하나씩으로 "
                                             "구분해 주십시오"
                                           : "%s has an empty entry; separate ids with single "
                                             "commas",
                          what);
        } else {
            items[*count] = (S_item){xstrndup(start, (size_t)(end - start)),
                                     ydoc_line(doc, node), col};
            (*count)++;
        }
        if (*p == ',')
            p++;
    }
    return items;
}

static void S_free_items(S_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i].id);
    free(items);
}

/* What a list of ids in a compare block names: procedures or attributes of the data. */
typedef struct {
    const char *noun;    /* "procedure" */
    const char *plural;  /* "procedures" */
    const char *noun_ko; /* "시술·수술": a procedure may be either (procedures.yaml); each
                          * noun takes the particle 이 */
    long (*find)(const procedure_data *data, const char *id);
    const char *(*suggest)(const procedure_data *data, const char *id);
} S_kind;

static const S_kind S_procedure = {"procedure", "procedures", "시술·수술", procedures_find,
                                   procedures_suggest};
static const S_kind S_attribute = {"attribute", "attributes", "비교 항목",
                                   procedures_find_attribute, procedures_suggest_attribute};

/*
 * Look up each of the n ids of items in data, storing the index of each known one, once,
 * in out (room for n). Reports unknown ids (with the closest known one) and ids listed
 * twice. Returns how many were stored.
 */
/* An id of items that data does not know, reported with the closest known one. */
static void S_report_unknown(ydoc *doc, const procedure_data *data, const S_kind *kind,
                             const S_item *item)
{
    const char *near = kind->suggest(data, item->id);
    bool ko = ydoc_korean(doc);
    if (near)
        ydoc_error_at(doc, item->line, item->column, "compare",
                      ko ? "'%s'(이)라는 %s이 없습니다. '%s'을(를) 쓰려던 것인지 확인해 "
                           "주십시오"
                         : "unknown %s '%s'; did you mean '%s'?",
                      ko ? item->id : kind->noun, ko ? kind->noun_ko : item->id, near);
    else if (ko)
        ydoc_error_at(doc, item->line, item->column, "compare",
                      "'%s'(이)라는 %s이 %s에 없습니다. 그 파일에 있는 id를 써 주십시오",
                      item->id, kind->noun_ko, data->file);
    else
        ydoc_error_at(doc, item->line, item->column, "compare",
                      "unknown %s '%s'; %s are declared in %s", kind->noun, item->id,
                      kind->plural, data->file);
}

static size_t S_resolve(ydoc *doc, const procedure_data *data, const S_kind *kind,
                        const S_item *items, size_t n, size_t *out)
{
    size_t stored = 0;
    for (size_t i = 0; i < n; i++) {
        long idx = kind->find(data, items[i].id);
        if (idx < 0) {
            S_report_unknown(doc, data, kind, &items[i]);
            continue;
        }
        bool dup = false;
        for (size_t j = 0; j < stored; j++)
            dup |= out[j] == (size_t)idx;
        if (dup) {
            if (ydoc_korean(doc))
                ydoc_error_at(doc, items[i].line, items[i].column, "compare",
                              "%s '%s'이(가) 두 번 들어 있습니다. 하나만 남겨 주십시오",
                              kind->noun_ko, items[i].id);
            else
                ydoc_error_at(doc, items[i].line, items[i].column, "compare",
                              "%s '%s' is listed twice; keep one", kind->noun, items[i].id);
            continue;
        }
        out[stored++] = (size_t)idx;
    }
    return stored;
}

/* The attributes to compare: those listed under an, or every attribute without an. */
static void S_read_attributes(ydoc *doc, yaml_node_t *an, const procedure_data *data,
                              compare_spec *spec)
{
    if (!an) {
        spec->attributes = xcalloc(data->n_attributes + 1, sizeof *spec->attributes);
        for (size_t i = 0; i < data->n_attributes; i++)
            spec->attributes[spec->n_attributes++] = i;
        return;
    }
    size_t n_attrs = 0;
    S_item *attrs = S_read_list(doc, an, "attributes", &n_attrs);
    spec->attributes = xcalloc(n_attrs + 1, sizeof *spec->attributes);
    spec->n_attributes = S_resolve(doc, data, &S_attribute, attrs, n_attrs, spec->attributes);
    if (n_attrs == 0 && ydoc_error_count(doc) == 0)
        ydoc_error_at(doc, ydoc_line(doc, an), ydoc_column(doc, an), "compare", "%s",
                      ydoc_korean(doc)
                          ? "'attributes'가 비어 있습니다. 비교할 항목을 적거나, 모든 항목을 "
                            "비교하려면 이 줄을 지워 주십시오"
                          : "'attributes' is empty; list what to compare, or leave the line "
                            "out to compare on every attribute");
    S_free_items(attrs, n_attrs);
}

/*
 * Every compared procedure needs a value for every compared attribute: report each that
 * has none where the procedure is listed (items), or at line/column of the block.
 */
static void S_check_values(ydoc *doc, const procedure_data *data, const compare_spec *spec,
                           const S_item *items, size_t n_items, unsigned line, unsigned column)
{
    for (size_t p = 0; p < spec->n_procedures; p++) {
        const procedure *proc = &data->procedures[spec->procedures[p]];
        for (size_t a = 0; a < spec->n_attributes; a++) {
            if (proc->values[spec->attributes[a]].text.n)
                continue;
            unsigned l = line, c = column;
            for (size_t i = 0; i < n_items; i++)
                if (strcmp(items[i].id, proc->id) == 0) {
                    l = items[i].line;
                    c = items[i].column;
                }
            const char *attr = data->attributes[spec->attributes[a]].id;
            if (ydoc_korean(doc))
                ydoc_error_at(doc, l, c, "compare",
                              "%s에 '%s'의 '%s' 값이 없습니다. 그곳에 값을 넣거나 이 표에서 "
                              "'%s'을(를) 빼 주십시오",
                              data->file, proc->id, attr, attr);
            else
                ydoc_error_at(doc, l, c, "compare",
                              "procedure '%s' has no value for '%s' in %s; add one there or "
                              "leave '%s' out of this table",
                              proc->id, attr, data->file, attr);
        }
    }
}

/* Read the block's mapping (root) into spec; every mistake is reported through doc. */
static void S_read_spec(ydoc *doc, yaml_node_t *root, const procedure_data *data,
                        unsigned line, unsigned column, compare_spec *spec)
{
    bool ko = ydoc_korean(doc);
    ydoc_check_keys(doc, root, S_keys, ko ? "compare 블록" : "a compare block");
    yaml_node_t *pn = ydoc_map_get(doc, root, "procedures");
    yaml_node_t *cn = ydoc_map_get(doc, root, "caption");
    if (!pn)
        ydoc_error_at(doc, line, column, "compare", "%s",
                      ko ? "이 compare 블록에 'procedures' 줄이 없습니다. 'procedures: "
                           "thread-lift, mini-lift'처럼 비교할 시술·수술을 적어 주십시오"
                         : "this compare block has no 'procedures' line; add one, like "
                           "'procedures: thread-lift, mini-lift'");
    if (!cn)
        ydoc_error_at(doc, line, column, "compare", "%s",
                      ko ? "이 compare 블록에 'caption' 줄이 없습니다. 화면 낭독기가 읽어 "
                           "주는 짧은 표 제목을 적어 주십시오"
                         : "this compare block has no 'caption' line; add a short title for "
                           "the table, which screen readers announce");
    else {
        const char *caption = ydoc_expect_string(doc, cn, "'caption'");
        if (caption)
            spec->caption = xstrdup(caption);
    }
    size_t n_items = 0;
    S_item *items = pn ? S_read_list(doc, pn, "procedures", &n_items) : NULL;
    spec->procedures = xcalloc(n_items + 1, sizeof *spec->procedures);
    spec->n_procedures = S_resolve(doc, data, &S_procedure, items, n_items, spec->procedures);
    if (pn && n_items == 0 && ydoc_error_count(doc) == 0)
        ydoc_error_at(doc, ydoc_line(doc, pn), ydoc_column(doc, pn), "compare", "%s",
                      ko ? "'procedures'가 비어 있습니다. 비교할 시술·수술을 적어 주십시오"
                         : "'procedures' is empty; list the procedures to compare");
    S_read_attributes(doc, ydoc_map_get(doc, root, "attributes"), data, spec);
    S_check_values(doc, data, spec, items, n_items, line, column);
    S_free_items(items, n_items);
}

compare_spec *compare_parse(const char *file, const char *text, size_t len, unsigned line,
                            unsigned column, const procedure_data *data, bool korean,
                            diag_list *diags)
{
    ydoc *doc = ydoc_load_block(file, text, len, line, column, "compare", korean, diags);
    if (!doc)
        return NULL;
    yaml_node_t *root = ydoc_root(doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        ydoc_error_at(doc, root ? ydoc_line(doc, root) : line,
                      root ? ydoc_column(doc, root) : column, "compare", "%s",
                      korean ? "compare 블록은 'key: value' 줄로 써야 합니다: 'procedures: a, "
                               "b', 'attributes: x, y', 'caption: ...'"
                             : "a compare block must be 'key: value' lines: 'procedures: a, "
                               "b', 'attributes: x, y' and 'caption: ...'");
        ydoc_free(doc);
        return NULL;
    }
    compare_spec *spec = xcalloc(1, sizeof *spec);
    S_read_spec(doc, root, data, line, column, spec);
    bool failed = ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed) {
        compare_spec_free(spec);
        return NULL;
    }
    return spec;
}

compare_spec *compare_spec_all(const procedure_data *data, const char *caption)
{
    compare_spec *spec = xcalloc(1, sizeof *spec);
    spec->procedures = xcalloc(data->n_procedures + 1, sizeof *spec->procedures);
    spec->attributes = xcalloc(data->n_attributes + 1, sizeof *spec->attributes);
    for (size_t i = 0; i < data->n_procedures; i++)
        spec->procedures[spec->n_procedures++] = i;
    for (size_t i = 0; i < data->n_attributes; i++)
        spec->attributes[spec->n_attributes++] = i;
    spec->caption = xstrdup(caption);
    return spec;
}

void compare_spec_free(compare_spec *spec)
{
    if (!spec)
        return;
    free(spec->procedures);
    free(spec->attributes);
    free(spec->caption);
    free(spec);
}

static xmlNodePtr S_el(xmlNodePtr parent, const char *name, const char *text)
{
    xmlNodePtr n = xmlNewNode(NULL, BAD_CAST name);
    if (text)
        xmlAddChild(n, xmlNewText(BAD_CAST text));
    if (parent)
        xmlAddChild(parent, n);
    return n;
}

static void S_attr(xmlNodePtr n, const char *name, const char *value)
{
    xmlNewProp(n, BAD_CAST name, BAD_CAST value);
}

/* The header row: an empty corner, then a <th scope="col"> per compared procedure. */
static void S_render_head(xmlNodePtr table, const procedure_data *data,
                          const compare_spec *spec, const char *lang, bool procedure_anchors,
                          const char *const *procedure_hrefs)
{
    xmlNodePtr thead = S_el(table, "thead", NULL);
    xmlNodePtr hrow = S_el(thead, "tr", NULL);
    xmlNodePtr corner = S_el(hrow, "td", NULL);
    S_attr(corner, "class", "comparison-corner");
    for (size_t p = 0; p < spec->n_procedures; p++) {
        size_t pi = spec->procedures[p];
        const procedure *proc = &data->procedures[pi];
        xmlNodePtr th = S_el(hrow, "th", NULL);
        S_attr(th, "scope", "col");
        if (procedure_anchors) {
            char *id = xasprintf("procedure-%s", proc->id);
            S_attr(th, "id", id);
            free(id);
        }
        const char *href = procedure_hrefs ? procedure_hrefs[pi] : NULL;
        const char *name = procedures_text(data, &proc->name, lang);
        if (href) {
            xmlNodePtr a = S_el(th, "a", name);
            S_attr(a, "href", href);
        } else {
            xmlAddChild(th, xmlNewText(BAD_CAST name));
        }
    }
}

/* What S_render_source numbers a value's citations with: its hooks, and the value whose
 * source it is (for the line an unknown id is reported at). */
typedef struct {
    const markdown_hooks *hooks;
    const proc_value *v;
} S_source_cites;

/* citation_numbers_fn for a value's source: a malformed bracket stays as written (the
 * data's loading reports it, at its line in procedures.yaml). */
static bool S_number_source(void *ctx, const char *text, const citation_group *g,
                            citation_mark *marks)
{
    const S_source_cites *sc = ctx;
    if (g->malformed)
        return false;
    for (size_t i = 0; i < g->n_ids; i++) {
        char *id = xstrndup(text + g->ids[i].at, g->ids[i].len);
        marks[i].first = false;
        marks[i].number = sc->hooks->cite(sc->hooks->ctx, id, sc->v->source_line,
                                          sc->v->source_column, &marks[i].first);
        free(id);
        if (marks[i].number == 0)
            return false;
    }
    return true;
}

/*
 * A value's source into parent: its text, each citation in it ([@id], citation.h) as the
 * page's numbered links when hooks can number every id of the bracket, else as written.
 */
static void S_render_source(xmlNodePtr parent, const char *source, const proc_value *v,
                            const markdown_hooks *hooks)
{
    S_source_cites sc = {hooks, v};
    citation_append_text(parent, source, strlen(source),
                         hooks && hooks->cite ? S_number_source : NULL, &sc);
}

/*
 * Footnote number of value v: a superscript link in its cell td to item number of the
 * notes list, which holds the value's note and source and a link back to the superscript
 * (<a class="comparison-note-back" href="#<table>-ref-N">↑</a>).
 */
static void S_render_note(xmlNodePtr td, xmlNodePtr notes, const char *table_id,
                          unsigned number, const char *note, const char *source,
                          const proc_value *v, const markdown_hooks *hooks)
{
    char *note_id = xasprintf("%s-note-%u", table_id, number);
    char *ref_id = xasprintf("%s-ref-%u", table_id, number);
    char *href = xasprintf("#%s", note_id);
    char *text = xasprintf("%u", number);
    xmlNodePtr sup = S_el(td, "sup", NULL);
    xmlNodePtr ref = S_el(sup, "a", text);
    S_attr(ref, "href", href);
    S_attr(ref, "id", ref_id);
    S_attr(ref, "class", "comparison-note-ref");
    xmlNodePtr li = S_el(notes, "li", NULL);
    S_attr(li, "id", note_id);
    if (note)
        xmlAddChild(li, xmlNewText(BAD_CAST note));
    if (source) {
        xmlNodePtr src = S_el(li, "span", NULL);
        S_attr(src, "class", "comparison-source");
        /* A source that starts with a citation sits against the note, as a citation
         * sits against the word before it in the text. */
        if (note && !(hooks && strncmp(source, "[@", 2) == 0))
            xmlAddPrevSibling(src, xmlNewText(BAD_CAST " "));
        S_render_source(src, source, v, hooks);
    }
    /* Back to the cell the reader came from; its name is the template's, in the page's
     * language (templates/README.md, "Comparison table markup"). */
    xmlAddChild(li, xmlNewText(BAD_CAST " "));
    char *back = xasprintf("#%s", ref_id);
    xmlNodePtr a = S_el(li, "a", "\xE2\x86\x91"); /* U+2191 UPWARDS ARROW */
    S_attr(a, "href", back);
    S_attr(a, "class", "comparison-note-back");
    free(back);
    free(note_id);
    free(ref_id);
    free(href);
    free(text);
}

/* The body: a row per attribute, a cell per procedure; returns the number of notes. */
static unsigned S_render_body(xmlNodePtr table, xmlNodePtr notes, const procedure_data *data,
                              const compare_spec *spec, const char *lang, const char *table_id,
                              const markdown_hooks *hooks)
{
    unsigned n_notes = 0;
    xmlNodePtr tbody = S_el(table, "tbody", NULL);
    for (size_t a = 0; a < spec->n_attributes; a++) {
        const proc_attribute *attr = &data->attributes[spec->attributes[a]];
        xmlNodePtr row = S_el(tbody, "tr", NULL);
        xmlNodePtr th = S_el(row, "th", procedures_text(data, &attr->label, lang));
        S_attr(th, "scope", "row");
        for (size_t p = 0; p < spec->n_procedures; p++) {
            const procedure *proc = &data->procedures[spec->procedures[p]];
            const proc_value *v = &proc->values[spec->attributes[a]];
            const char *text = procedures_text(data, &v->text, lang);
            const char *note = procedures_text(data, &v->note, lang);
            const char *source = procedures_text(data, &v->source, lang);
            xmlNodePtr td = S_el(row, "td", text ? text : "\xE2\x80\x94");
            S_attr(td, "data-label", procedures_text(data, &proc->name, lang));
            if (note || source)
                S_render_note(td, notes, table_id, ++n_notes, note, source, v, hooks);
        }
    }
    return n_notes;
}

xmlNodePtr compare_render(const procedure_data *data, const compare_spec *spec,
                          const char *lang, const char *table_id, bool procedure_anchors,
                          const char *const *procedure_hrefs, const markdown_hooks *hooks)
{
    char *caption_id = xasprintf("%s-caption", table_id);
    xmlNodePtr wrap = S_el(NULL, "div", NULL);
    S_attr(wrap, "class", "comparison-wrap");
    S_attr(wrap, "role", "region");
    S_attr(wrap, "aria-labelledby", caption_id);
    S_attr(wrap, "tabindex", "0");
    /* No ARIA table roles, though the phone layout restyles rows as cards: HTML does not
     * allow role on rows and cells of a plain table (the Nu HTML Checker rejects them), and
     * current browsers keep a restyled table's semantics; <th scope> names every cell. */
    xmlNodePtr table = S_el(wrap, "table", NULL);
    S_attr(table, "class", "comparison");
    S_attr(table, "id", table_id);
    xmlNodePtr caption = S_el(table, "caption", spec->caption);
    S_attr(caption, "id", caption_id);
    free(caption_id);
    S_render_head(table, data, spec, lang, procedure_anchors, procedure_hrefs);
    xmlNodePtr notes = xmlNewNode(NULL, BAD_CAST "ol");
    S_attr(notes, "class", "comparison-notes");
    if (S_render_body(table, notes, data, spec, lang, table_id, hooks))
        xmlAddChild(wrap, notes);
    else
        xmlFreeNode(notes);
    return wrap;
}
