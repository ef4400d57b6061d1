/* procedures.c: the comparison data (see procedures.h). */
#define _GNU_SOURCE
#include "content/procedures.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "base/suggest.h"
#include "content/yamldoc.h"

static void S_load_attributes(ydoc *doc, yaml_node_t *node, procedure_data *data)
{
    static const char *const keys[] = {"id", "label", NULL};
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
        yaml_node_t *ln = ydoc_map_get(doc, a, "label");
        const char *label = ln ? ydoc_expect_string(doc, ln, "an attribute's 'label'") : NULL;
        if (!ln)
            ydoc_error(doc, a, "this attribute has no 'label'; add the row title readers see");
        if (id && procedures_find_attribute(data, id) >= 0) {
            ydoc_error(doc, idn, "attribute '%s' is declared twice; keep one", id);
            id = NULL;
        }
        if (!id || !label)
            continue;
        data->attributes[data->n_attributes].id = xstrdup(id);
        data->attributes[data->n_attributes].label = xstrdup(label);
        data->n_attributes++;
    }
}

static void S_load_value(ydoc *doc, yaml_node_t *node, const char *attr, proc_value *out)
{
    static const char *const keys[] = {"text", "note", "source", NULL};
    char what[160];
    snprintf(what, sizeof what, "the value of '%s'", attr);
    if (node && node->type == YAML_MAPPING_NODE) {
        ydoc_check_keys(doc, node, keys, what);
        yaml_node_t *t = ydoc_map_get(doc, node, "text");
        if (!t) {
            ydoc_error(doc, node, "%s has no 'text'; add the words shown in the table", what);
            return;
        }
        const char *text = ydoc_expect_string(doc, t, what);
        yaml_node_t *nn = ydoc_map_get(doc, node, "note");
        yaml_node_t *sn = ydoc_map_get(doc, node, "source");
        const char *note = nn ? ydoc_expect_string(doc, nn, "a 'note'") : NULL;
        const char *source = sn ? ydoc_expect_string(doc, sn, "a 'source'") : NULL;
        if (!text)
            return;
        out->text = xstrdup(text);
        out->note = note ? xstrdup(note) : NULL;
        out->source = source ? xstrdup(source) : NULL;
        return;
    }
    const char *text = ydoc_expect_string(doc, node, what);
    if (text)
        out->text = xstrdup(text);
}

static void S_load_procedure(ydoc *doc, yaml_node_t *p, procedure_data *data)
{
    static const char *const keys[] = {"id", "name", "article", "values", NULL};
    if (!ydoc_expect_entry(doc, p, "each procedure", keys, "a procedure"))
        return;
    yaml_node_t *idn;
    const char *id = ydoc_expect_id(
        doc, p, "a procedure's 'id'",
        "this procedure has no 'id'; add one, like 'id: thread-lift'", "procedure", &idn);
    yaml_node_t *nn = ydoc_map_get(doc, p, "name");
    yaml_node_t *an = ydoc_map_get(doc, p, "article");
    yaml_node_t *vn = ydoc_map_get(doc, p, "values");
    const char *name = nn ? ydoc_expect_string(doc, nn, "a procedure's 'name'") : NULL;
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
    proc_value *values = xcalloc(data->n_attributes + 1, sizeof *values);
    if (vn && ydoc_expect_map(doc, vn, "'values'")) {
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
            if (values[idx].text) {
                ydoc_error(doc, kn, "'%s' has two values; keep one", attr);
                continue;
            }
            S_load_value(doc, ydoc_map_value(doc, vn, i), attr, &values[idx]);
        }
    } else if (!vn) {
        ydoc_error(doc, p, "this procedure has no 'values'; add one per attribute");
    }
    if (!id || !name) {
        for (size_t i = 0; i < data->n_attributes; i++) {
            free(values[i].text);
            free(values[i].note);
            free(values[i].source);
        }
        free(values);
        return;
    }
    procedure *proc = &data->procedures[data->n_procedures++];
    proc->id = xstrdup(id);
    proc->name = xstrdup(name);
    proc->article = article ? xstrdup(article) : NULL;
    proc->values = values;
    proc->line = ydoc_line(doc, p);
    proc->column = ydoc_column(doc, p);
}

procedure_data *procedures_load(const char *path, diag_list *diags)
{
    static const char *const keys[] = {"attributes", "procedures", NULL};
    procedure_data *data = xcalloc(1, sizeof *data);
    data->file = xstrdup(path);
    bool absent;
    ydoc *doc = ydoc_load_file(path, NULL, "the procedure data", &absent, diags);
    if (!doc) {
        /* No file is no procedures. */
        if (absent)
            return data;
        procedures_free(data);
        return NULL;
    }
    yaml_node_t *root = ydoc_root_map(doc, keys, "procedures.yaml", NULL, true);
    if (root) {
        S_load_attributes(doc,
                          ydoc_require_seq(doc, root, "attributes",
                                           "procedures.yaml has no 'attributes'; list what "
                                           "procedures are compared on"),
                          data);
        yaml_node_t *procs = ydoc_require_seq(
            doc, root, "procedures", "procedures.yaml has no 'procedures'; list the procedures");
        size_t n = ydoc_len(procs);
        data->procedures = xcalloc(n + 1, sizeof *data->procedures);
        for (size_t i = 0; i < n; i++)
            S_load_procedure(doc, ydoc_seq_item(doc, procs, i), data);
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
        for (size_t i = 0; i < data->n_attributes; i++) {
            free(proc->values[i].text);
            free(proc->values[i].note);
            free(proc->values[i].source);
        }
        free(proc->values);
        free(proc->id);
        free(proc->name);
        free(proc->article);
    }
    free(data->procedures);
    for (size_t i = 0; i < data->n_attributes; i++) {
        free(data->attributes[i].id);
        free(data->attributes[i].label);
    }
    free(data->attributes);
    free(data->file);
    free(data);
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
