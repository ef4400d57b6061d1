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

/* How the messages name an entry of 'attributes' or of 'procedures', in one language. */
typedef struct {
    const char *each, *noun; /* ydoc_expect_entry's what and entry */
    /* ydoc_expect_id's what, missing and kind; "<kind> '<id>'" names the entry */
    const char *id, *missing, *kind;
    const char *unnamed; /* the entry without an id */
} S_words;

/* [0] English, [1] Korean. */
static const S_words S_attribute_words[2] = {
    {"each attribute", "an attribute", "an attribute's 'id'",
     "this attribute has no 'id'; add one, like 'id: recovery'", "attribute", "this attribute"},
    {"'attributes'의 각 항목", "비교 항목", "비교 항목의 'id'",
     "이 비교 항목에 'id'가 없습니다. 'id: recovery'처럼 추가해 주십시오", "비교 항목",
     "이 비교 항목"},
};
static const S_words S_procedure_words[2] = {
    {"each procedure", "a procedure", "a procedure's 'id'",
     "this procedure has no 'id'; add one, like 'id: thread-lift'", "procedure",
     "this procedure"},
    {"'procedures'의 각 항목", "시술·수술 항목", "시술·수술의 'id'",
     "이 시술·수술에 'id'가 없습니다. 'id: thread-lift'처럼 추가해 주십시오", "시술·수술",
     "이 시술·수술"},
};

/*
 * Check entry node's keys and read its id (NULL when it has none or a wrong one) into *id,
 * its node into *idn and how messages name it into *entry (to free); false, with nothing
 * set, when node is not an entry at all.
 */
static bool S_entry_id(ydoc *doc, yaml_node_t *node, const char *const *keys,
                       const S_words *words, const char **id, yaml_node_t **idn, char **entry)
{
    const S_words *w = &words[ydoc_korean(doc)];
    if (!ydoc_expect_entry(doc, node, w->each, keys, w->noun))
        return false;
    *id = ydoc_expect_id(doc, node, w->id, w->missing, w->kind, idn);
    *entry = *id ? xasprintf("%s '%s'", w->kind, *id) : xstrdup(w->unnamed);
    return true;
}

/* An id of an attribute or procedure (words) declared before, at idn. */
static void S_report_twice(ydoc *doc, yaml_node_t *idn, const S_words *words, const char *id)
{
    bool ko = ydoc_korean(doc);
    ydoc_error(doc, idn,
               ko ? "%s '%s'이(가) 두 번 선언되었습니다. 하나만 남겨 주십시오"
                  : "%s '%s' is declared twice; keep one",
               words[ko].kind, id);
}

static void S_load_attributes(S_loader *ld, yaml_node_t *node)
{
    static const char *const keys[] = {"id", "label", NULL};
    ydoc *doc = ld->doc;
    procedure_data *data = ld->data;
    bool ko = ydoc_korean(doc);
    size_t n = ydoc_len(node);
    data->attributes = xcalloc(n + 1, sizeof *data->attributes);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *a = ydoc_seq_item(doc, node, i);
        yaml_node_t *idn;
        const char *id;
        char *entry;
        if (!S_entry_id(doc, a, keys, S_attribute_words, &id, &idn, &entry))
            continue;
        yaml_node_t *ln = ydoc_map_get(doc, a, "label");
        ltext label = {0};
        bool ok = ln && ltext_read_or_plain(doc, ln, ko ? "비교 항목의 'label'"
                                                        : "an attribute's 'label'",
                                            "'label'", entry, ld->langs, &label);
        free(entry);
        if (!ln)
            ydoc_error(doc, a, ko ? "이 비교 항목에 'label'이 없습니다. 독자가 보는 행 제목을 "
                                    "추가해 주십시오"
                                  : "this attribute has no 'label'; add the row title readers "
                                    "see");
        if (id && procedures_find_attribute(data, id) >= 0) {
            S_report_twice(doc, idn, S_attribute_words, id);
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
        const char *source =
            ydoc_expect_string(ld->doc, sn, ydoc_korean(ld->doc) ? "'source'" : "a 'source'");
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
    bool ko = ydoc_korean(doc);
    char what[160], lwhat[160];
    out->line = ydoc_line(doc, node);
    out->column = ydoc_column(doc, node);
    snprintf(what, sizeof what, ko ? "'%s'의 값" : "the value of '%s'", attr);
    snprintf(lwhat, sizeof lwhat, "'%s'", attr);
    if (node->type != YAML_MAPPING_NODE || S_per_language(doc, node, ld->langs)) {
        ltext_read_or_plain(doc, node, what, lwhat, entry, ld->langs, &out->text);
        return;
    }
    ydoc_check_keys(doc, node, keys, what);
    yaml_node_t *t = ydoc_map_get(doc, node, "text");
    if (!t) {
        ydoc_error(doc, node,
                   ko ? "%s에 'text'가 없습니다. 표에 보일 글을 추가해 주십시오"
                      : "%s has no 'text'; add the words shown in the table",
                   what);
        return;
    }
    char *sub = ko ? xasprintf("%s의 '%s'", entry, attr) : xasprintf("'%s' of %s", attr, entry);
    ltext_read_or_plain(doc, t, what, "'text'", sub, ld->langs, &out->text);
    yaml_node_t *nn = ydoc_map_get(doc, node, "note");
    yaml_node_t *sn = ydoc_map_get(doc, node, "source");
    if (nn)
        ltext_read_or_plain(doc, nn, ko ? "'note'" : "a 'note'", "'note'", sub, ld->langs,
                            &out->note);
    if (sn) {
        S_load_source(ld, sn, sub, &out->source);
        out->source_line = ydoc_line(doc, sn);
        out->source_column = ydoc_column(doc, sn);
    }
    yaml_node_t *bn = ydoc_map_get(doc, node, "basis");
    const char *basis = bn ? ydoc_expect_string(doc, bn, ko ? "'basis'" : "a 'basis'") : NULL;
    if (basis && strcmp(basis, "clinic-experience") == 0)
        out->clinic_experience = true;
    else if (basis)
        ydoc_error(doc, bn,
                   ko ? "%s의 'basis'에는 'clinic-experience'(발표된 수치가 아닌 병원 자체의 "
                        "경험)만 쓸 수 있습니다. 발표된 수치라면 source: \"[@id]\"처럼 "
                        "'source'를 대신 써 주십시오"
                      : "the 'basis' of %s can only be 'clinic-experience' (the clinic's own "
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
    bool ko = ydoc_korean(doc);
    proc_value *values = xcalloc(data->n_attributes + 1, sizeof *values);
    size_t n = ydoc_len(vn);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *kn = ydoc_map_key(doc, vn, i);
        const char *attr = ydoc_scalar(kn);
        long idx = attr ? procedures_find_attribute(data, attr) : -1;
        if (idx < 0) {
            const char *near = attr ? procedures_suggest_attribute(data, attr) : NULL;
            if (near)
                ydoc_error(doc, kn,
                           ko ? "'%s'(이)라는 비교 항목이 없습니다. '%s'을(를) 쓰려던 것인지 "
                                "확인해 주십시오"
                              : "unknown attribute '%s'; did you mean '%s'?",
                           attr, near);
            else
                ydoc_error(doc, kn,
                           ko ? "'%s'(이)라는 비교 항목이 없습니다. 먼저 'attributes' 아래에 "
                                "선언해 주십시오"
                              : "unknown attribute '%s'; declare it under 'attributes' first",
                           attr ? attr : "?");
            continue;
        }
        if (values[idx].text.n) {
            ydoc_error(doc, kn,
                       ko ? "'%s'의 값이 두 개입니다. 하나만 남겨 주십시오"
                          : "'%s' has two values; keep one",
                       attr);
            continue;
        }
        S_load_value(ld, ydoc_map_value(doc, vn, i), attr, entry, &values[idx]);
    }
    return values;
}

/* The name, article and values of procedure p (named entry in messages), into proc; false
 * when its name cannot be read. */
static bool S_procedure_fields(S_loader *ld, yaml_node_t *p, const char *entry, procedure *proc)
{
    ydoc *doc = ld->doc;
    bool ko = ydoc_korean(doc);
    yaml_node_t *nn = ydoc_map_get(doc, p, "name");
    yaml_node_t *an = ydoc_map_get(doc, p, "article");
    yaml_node_t *vn = ydoc_map_get(doc, p, "values");
    bool named = nn && ltext_read_or_plain(doc, nn, ko ? "시술·수술의 'name'"
                                                       : "a procedure's 'name'",
                                           "'name'", entry, ld->langs, &proc->name);
    const char *article = an ? ydoc_expect_string(doc, an, "'article'") : NULL;
    if (!nn)
        ydoc_error(doc, p, ko ? "이 시술·수술에 'name'이 없습니다. 독자가 보는 이름을 추가해 "
                                "주십시오"
                              : "this procedure has no 'name'; add the name readers see");
    if (article && !str_ends_with(article, ".md")) {
        ydoc_error(doc, an, ko ? "'article'에는 'dimpling.md'처럼 글 파일의 이름을 써 주십시오"
                               : "'article' must name an article file, like 'dimpling.md'");
        article = NULL;
    }
    proc->article = article ? xstrdup(article) : NULL;
    if (vn && ydoc_expect_map(doc, vn, "'values'"))
        proc->values = S_load_values(ld, vn, entry);
    else if (!vn)
        ydoc_error(doc, p, ko ? "이 시술·수술에 'values'가 없습니다. 비교 항목마다 값을 하나씩 "
                                "추가해 주십시오"
                              : "this procedure has no 'values'; add one per attribute");
    if (!proc->values)
        proc->values = xcalloc(ld->data->n_attributes + 1, sizeof *proc->values);
    return named;
}

static void S_load_procedure(S_loader *ld, yaml_node_t *p)
{
    static const char *const keys[] = {"id", "name", "article", "values", NULL};
    ydoc *doc = ld->doc;
    procedure_data *data = ld->data;
    yaml_node_t *idn;
    const char *id;
    char *entry;
    if (!S_entry_id(doc, p, keys, S_procedure_words, &id, &idn, &entry))
        return;
    procedure proc = {0};
    bool named = S_procedure_fields(ld, p, entry, &proc);
    free(entry);
    if (id && procedures_find(data, id) >= 0) {
        S_report_twice(doc, idn, S_procedure_words, id);
        id = NULL;
    }
    if (!id || !named) {
        S_free_values(proc.values, data->n_attributes);
        ltext_free(&proc.name);
        free(proc.article);
        return;
    }
    proc.id = xstrdup(id);
    proc.line = ydoc_line(doc, p);
    proc.column = ydoc_column(doc, p);
    data->procedures[data->n_procedures++] = proc;
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
    /* procedures.yaml serves every language: told in the site's default one. */
    bool ko = langs->codes && langs->codes[0] && slug_language_in(langs->codes[0], "ko");
    ydoc *doc = ydoc_load_file_in(path, NULL, "the procedure data", &absent, ko, diags);
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
                                           ko ? "procedures.yaml에 'attributes'가 없습니다. "
                                                "시술·수술을 비교할 항목을 나열해 주십시오"
                                              : "procedures.yaml has no 'attributes'; list "
                                                "what procedures are compared on"));
        yaml_node_t *procs = ydoc_require_seq(
            doc, root, "procedures",
            ko ? "procedures.yaml에 'procedures'가 없습니다. 시술·수술을 나열해 주십시오"
               : "procedures.yaml has no 'procedures'; list the procedures");
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
