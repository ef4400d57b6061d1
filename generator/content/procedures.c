/* procedures.c: the comparison data (see procedures.h). */
#define _GNU_SOURCE
#include "content/procedures.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "content/yamldoc.h"

/* What the loading of one file shares. */
typedef struct {
    ydoc *doc;
    const ltext_langs *langs;
    procedure_data *data;
} S_loader;

static void S_load_attributes(S_loader *ld, yaml_node_t *node)
{
    static const char *const keys[] = {"id", "label", NULL};
    ydoc *doc = ld->doc;
    procedure_data *data = ld->data;
    size_t n = ydoc_len(node);
    data->attributes = xcalloc(n + 1, sizeof *data->attributes);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *a = ydoc_seq_item(doc, node, i);
        if (!ydoc_expect_entry(doc, a, "each attribute", keys, "an attribute"))
            continue;
        yaml_node_t *idn;
        const char *id = ydoc_expect_id(
            doc, a, "an attribute's 'id'",
            "this attribute has no 'id'; add one, like 'id: recovery'", "attribute", &idn);
        char *entry = id ? xasprintf("attribute '%s'", id) : xstrdup("this attribute");
        yaml_node_t *ln = ydoc_map_get(doc, a, "label");
        ltext label = {0};
        bool ok = ln && ltext_read_or_plain(doc, ln, "an attribute's 'label'", "'label'",
                                            entry, ld->langs, &label);
        free(entry);
        if (!ln)
            ydoc_error(doc, a, "this attribute has no 'label'; add the row title readers see");
        if (id && procedures_find_attribute(data, id) >= 0) {
            ydoc_error(doc, idn, "attribute '%s' is declared twice; keep one", id);
            id = NULL;
        }
        if (!id || !ok) {
            ltext_free(&label);
            continue;
        }
        data->attributes[data->n_attributes].id = xstrdup(id);
        data->attributes[data->n_attributes].label = label;
        data->n_attributes++;
    }
}

/*
 * Whether node, a value written as a mapping, is a text per language ({ko: …, en: …})
 * rather than {text, note, source}: it has none of those keys, and some key is a language
 * the site declares (any BCP 47 tag when the languages are unknown).
 */
static bool S_per_language(ydoc *doc, yaml_node_t *node, const ltext_langs *langs)
{
    bool language = false;
    for (size_t i = 0; i < ydoc_len(node); i++) {
        const char *key = ydoc_scalar(ydoc_map_key(doc, node, i));
        if (!key)
            continue;
        if (strcmp(key, "text") == 0 || strcmp(key, "note") == 0 ||
            strcmp(key, "source") == 0 || strcmp(key, "basis") == 0)
            return false;
        if (langs->codes) {
            for (size_t c = 0; langs->codes[c]; c++)
                language |= strcmp(langs->codes[c], key) == 0;
        } else {
            language |= slug_is_language_tag(key);
        }
    }
    return language;
}

/* A value's 'source': a citation, one plain string on any site, or a text per language. */
static void S_load_source(S_loader *ld, yaml_node_t *sn, const char *entry, ltext *out)
{
    if (sn->type != YAML_MAPPING_NODE) {
        const char *source = ydoc_expect_string(ld->doc, sn, "a 'source'");
        if (source)
            ltext_set1(out, "", source);
        return;
    }
    ltext_read(ld->doc, sn, "'source'", entry, ld->langs, out);
}

/* The value of attribute attr of the procedure entry names ("procedure 'thread-lift'"). */
static void S_load_value(S_loader *ld, yaml_node_t *node, const char *attr, const char *entry,
                         proc_value *out)
{
    static const char *const keys[] = {"text", "note", "source", "basis", NULL};
    ydoc *doc = ld->doc;
    char what[160], lwhat[160];
    out->line = ydoc_line(doc, node);
    out->column = ydoc_column(doc, node);
    snprintf(what, sizeof what, "the value of '%s'", attr);
    snprintf(lwhat, sizeof lwhat, "'%s'", attr);
    if (node->type != YAML_MAPPING_NODE || S_per_language(doc, node, ld->langs)) {
        ltext_read_or_plain(doc, node, what, lwhat, entry, ld->langs, &out->text);
        return;
    }
    ydoc_check_keys(doc, node, keys, what);
    yaml_node_t *t = ydoc_map_get(doc, node, "text");
    if (!t) {
        ydoc_error(doc, node, "%s has no 'text'; add the words shown in the table", what);
        return;
    }
    char *sub = xasprintf("'%s' of %s", attr, entry);
    ltext_read_or_plain(doc, t, what, "'text'", sub, ld->langs, &out->text);
    yaml_node_t *nn = ydoc_map_get(doc, node, "note");
    yaml_node_t *sn = ydoc_map_get(doc, node, "source");
    if (nn)
        ltext_read_or_plain(doc, nn, "a 'note'", "'note'", sub, ld->langs, &out->note);
    if (sn) {
        S_load_source(ld, sn, sub, &out->source);
        out->source_line = ydoc_line(doc, sn);
        out->source_column = ydoc_column(doc, sn);
    }
    yaml_node_t *bn = ydoc_map_get(doc, node, "basis");
    const char *basis = bn ? ydoc_expect_string(doc, bn, "a 'basis'") : NULL;
    if (basis && strcmp(basis, "clinic-experience") == 0)
        out->clinic_experience = true;
    else if (basis)
        ydoc_error(doc, bn,
                   "the 'basis' of %s can only be 'clinic-experience' (the clinic's own "
                   "experience, not a published figure); for a published figure give its "
                   "'source' instead, like source: \"[@id]\"",
                   sub);
    free(sub);
}

static void S_free_values(proc_value *values, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ltext_free(&values[i].text);
        ltext_free(&values[i].note);
        ltext_free(&values[i].source);
    }
    free(values);
}

/* The values of a procedure (vn: its 'values' mapping), one per attribute. */
static proc_value *S_load_values(S_loader *ld, yaml_node_t *vn, const char *entry)
{
    ydoc *doc = ld->doc;
    procedure_data *data = ld->data;
    proc_value *values = xcalloc(data->n_attributes + 1, sizeof *values);
    size_t n = ydoc_len(vn);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *kn = ydoc_map_key(doc, vn, i);
        const char *attr = ydoc_scalar(kn);
        long idx = attr ? procedures_find_attribute(data, attr) : -1;
        if (idx < 0) {
            const char *near = attr ? procedures_suggest_attribute(data, attr) : NULL;
            if (near)
                ydoc_error(doc, kn, "unknown attribute '%s'; did you mean '%s'?", attr, near);
            else
                ydoc_error(doc, kn,
                           "unknown attribute '%s'; declare it under 'attributes' first",
                           attr ? attr : "?");
            continue;
        }
        if (values[idx].text.n) {
            ydoc_error(doc, kn, "'%s' has two values; keep one", attr);
            continue;
        }
        S_load_value(ld, ydoc_map_value(doc, vn, i), attr, entry, &values[idx]);
    }
    return values;
}

static void S_load_procedure(S_loader *ld, yaml_node_t *p)
{
    static const char *const keys[] = {"id", "name", "article", "values", NULL};
    ydoc *doc = ld->doc;
    procedure_data *data = ld->data;
    if (!ydoc_expect_entry(doc, p, "each procedure", keys, "a procedure"))
        return;
    yaml_node_t *idn;
    const char *id = ydoc_expect_id(
        doc, p, "a procedure's 'id'",
        "this procedure has no 'id'; add one, like 'id: thread-lift'", "procedure", &idn);
    char *entry = id ? xasprintf("procedure '%s'", id) : xstrdup("this procedure");
    yaml_node_t *nn = ydoc_map_get(doc, p, "name");
    yaml_node_t *an = ydoc_map_get(doc, p, "article");
    yaml_node_t *vn = ydoc_map_get(doc, p, "values");
    ltext name = {0};
    bool named = nn && ltext_read_or_plain(doc, nn, "a procedure's 'name'", "'name'", entry,
                                           ld->langs, &name);
    const char *article = an ? ydoc_expect_string(doc, an, "'article'") : NULL;
    if (!nn)
        ydoc_error(doc, p, "this procedure has no 'name'; add the name readers see");
    if (id && procedures_find(data, id) >= 0) {
        ydoc_error(doc, idn, "procedure '%s' is declared twice; keep one", id);
        id = NULL;
    }
    if (article && !str_ends_with(article, ".md")) {
        ydoc_error(doc, an, "'article' must name an article file, like 'dimpling.md'");
        article = NULL;
    }
    proc_value *values = NULL;
    if (vn && ydoc_expect_map(doc, vn, "'values'"))
        values = S_load_values(ld, vn, entry);
    else if (!vn)
        ydoc_error(doc, p, "this procedure has no 'values'; add one per attribute");
    free(entry);
    if (!values)
        values = xcalloc(data->n_attributes + 1, sizeof *values);
    if (!id || !named) {
        S_free_values(values, data->n_attributes);
        ltext_free(&name);
        return;
    }
    procedure *proc = &data->procedures[data->n_procedures++];
    proc->id = xstrdup(id);
    proc->name = name;
    proc->article = article ? xstrdup(article) : NULL;
    proc->values = values;
    proc->line = ydoc_line(doc, p);
    proc->column = ydoc_column(doc, p);
}

procedure_data *procedures_load(const char *path, const ltext_langs *langs,
                                diag_list *diags)
{
    static const char *const keys[] = {"attributes", "procedures", NULL};
    static const ltext_langs any = {0};
    if (!langs)
        langs = &any;
    procedure_data *data = xcalloc(1, sizeof *data);
    data->file = xstrdup(path);
    data->lang = xstrdup(langs->codes && langs->codes[0] ? langs->codes[0] : "");
    bool absent;
    ydoc *doc = ydoc_load_file(path, NULL, "the procedure data", &absent, diags);
    if (!doc) {
        /* No file is no procedures. */
        if (absent)
            return data;
        procedures_free(data);
        return NULL;
    }
    S_loader ld = {.doc = doc, .langs = langs, .data = data};
    yaml_node_t *root = ydoc_root_map(doc, keys, "procedures.yaml", NULL, true);
    if (root) {
        S_load_attributes(&ld,
                          ydoc_require_seq(doc, root, "attributes",
                                           "procedures.yaml has no 'attributes'; list what "
                                           "procedures are compared on"));
        yaml_node_t *procs = ydoc_require_seq(
            doc, root, "procedures", "procedures.yaml has no 'procedures'; list the procedures");
        size_t n = ydoc_len(procs);
        data->procedures = xcalloc(n + 1, sizeof *data->procedures);
        for (size_t i = 0; i < n; i++)
            S_load_procedure(&ld, ydoc_seq_item(doc, procs, i));
    }
    bool failed = ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed) {
        procedures_free(data);
        return NULL;
    }
    return data;
}

void procedures_free(procedure_data *data)
{
    if (!data)
        return;
    for (size_t p = 0; p < data->n_procedures; p++) {
        procedure *proc = &data->procedures[p];
        S_free_values(proc->values, data->n_attributes);
        free(proc->id);
        ltext_free(&proc->name);
        free(proc->article);
    }
    free(data->procedures);
    for (size_t i = 0; i < data->n_attributes; i++) {
        free(data->attributes[i].id);
        ltext_free(&data->attributes[i].label);
    }
    free(data->attributes);
    free(data->file);
    free(data->lang);
    free(data);
}

const char *procedures_text(const procedure_data *data, const ltext *t, const char *lang)
{
    const char *text = ltext_get(t, lang);
    return text ? text : ltext_get(t, data->lang);
}

long procedures_find(const procedure_data *data, const char *id)
{
    for (size_t i = 0; i < data->n_procedures; i++)
        if (strcmp(data->procedures[i].id, id) == 0)
            return (long)i;
    return -1;
}

long procedures_find_attribute(const procedure_data *data, const char *id)
{
    for (size_t i = 0; i < data->n_attributes; i++)
        if (strcmp(data->attributes[i].id, id) == 0)
            return (long)i;
    return -1;
}

const char *procedures_suggest(const procedure_data *data, const char *id)
{
    return suggest_closest_in(id, data->procedures, data->n_procedures,
                              sizeof *data->procedures, offsetof(procedure, id));
}

const char *procedures_suggest_attribute(const procedure_data *data, const char *id)
{
    return suggest_closest_in(id, data->attributes, data->n_attributes,
                              sizeof *data->attributes, offsetof(proc_attribute, id));
}
