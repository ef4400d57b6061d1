/*
 * procedures.h: content/data/procedures.yaml, the data the comparison tables are built
 * from (SPEC.md, "content/data/procedures.yaml").
 *
 *     attributes:
 *       - {id: incision, label: Incision}
 *     procedures:
 *       - id: thread-lift
 *         name: Thread lift
 *         article: thread-lift-mini-lift-facelift.md      # optional
 *         values:
 *           incision: "None: threads enter through needle points"
 *           recovery: {text: "A few days", note: "Varies with the person", source: "..."}
 *
 * A procedure may leave an attribute out; a table that compares it on that attribute is
 * then an error where the table is asked for.
 */
#ifndef SUTURE_PROCEDURES_H
#define SUTURE_PROCEDURES_H

#include <stddef.h>

#include "base/diag.h"

typedef struct proc_attribute {
    char *id;
    char *label;
} proc_attribute;

typedef struct proc_value {
    char *text;    /* NULL when the procedure has no value for this attribute */
    char *note;    /* how the value varies; may be NULL */
    char *source;  /* where the fact comes from; may be NULL */
} proc_value;

typedef struct procedure {
    char *id;
    char *name;
    char *article;       /* file name of the article that explains it, or NULL */
    proc_value *values;  /* one per attribute, in the order of procedure_data.attributes */
    unsigned line, column;
} procedure;

typedef struct procedure_data {
    char *file;
    proc_attribute *attributes;
    size_t n_attributes;
    procedure *procedures;
    size_t n_procedures;
} procedure_data;

/*
 * Read and check the data file. Reports unknown keys (with the closest known one), missing
 * ids, names or labels, duplicate ids, values for undeclared attributes, and wrong types.
 * Returns the data (free with procedures_free) or NULL on any error. A path that does not
 * exist gives empty data and no error: a site need not compare anything.
 */
procedure_data *procedures_load(const char *path, diag_list *diags);
void procedures_free(procedure_data *data);

/* Index of the procedure or attribute with that id, or -1. */
long procedures_find(const procedure_data *data, const char *id);
long procedures_find_attribute(const procedure_data *data, const char *id);
/* The closest known procedure / attribute id to a mistyped one, or NULL. */
const char *procedures_suggest(const procedure_data *data, const char *id);
const char *procedures_suggest_attribute(const procedure_data *data, const char *id);

#endif
