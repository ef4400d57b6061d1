/* test_procedures.c: content/data/procedures.yaml (procedures.h). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#endif
#include "testutil.h"

#include "content/procedures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/files.h"

/* A valid data file; the tests below change one piece of it at a time. */
static const char S_data[] =
    "attributes:\n"                                                        /* 1 */
    "  - id: incision\n"                                                   /* 2 */
    "    label: Incision\n"                                                /* 3 */
    "  - id: recovery\n"                                                   /* 4 */
    "    label: Typical return to daily life\n"                            /* 5 */
    "  - id: longevity\n"                                                  /* 6 */
    "    label: How long the result lasts\n"                               /* 7 */
    "procedures:\n"                                                        /* 8 */
    "  - id: thread-lift\n"                                                /* 9 */
    "    name: Thread lift\n"                                              /* 10 */
    "    article: thread-lift-vs-mini-lift.md\n"                           /* 11 */
    "    values:\n"                                                        /* 12 */
    "      incision: \"None: threads enter through small needle points\"\n" /* 13 */
    "      recovery: {text: \"A few days\", note: \"Varies with the person\", "
    "source: \"Clinic audit 2025\"}\n"                                     /* 14 */
    "  - id: mini-lift\n"                                                  /* 15 */
    "    name: Mini lift\n"                                                /* 16 */
    "    values:\n"                                                        /* 17 */
    "      incision: Short cuts in front of the ear\n"                     /* 18 */
    "      longevity:\n"                                                   /* 19 */
    "        text: Several years\n";                                       /* 20 */

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "procedures", "procedures.yaml");
}

static procedure_data *S_load(tu_fixture *f, const char *text)
{
    tu_fixture_write(f, text);
    return procedures_load(f->path, f->diags);
}

/* Load S_data with one replacement; the load must fail. */
static void S_load_bad(tu_fixture *f, const char *find, const char *repl)
{
    char *text = tu_replace(S_data, find, repl);
    procedure_data *data = S_load(f, text);
    free(text);
    assert_null(data);
    assert_true(diag_error_count(f->diags) > 0);
}

static void test_valid(void **state)
{
    tu_fixture *f = *state;
    procedure_data *data = S_load(f, S_data);
    assert_non_null(data);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(data->file, f->path);

    assert_int_equal(data->n_attributes, 3);
    assert_string_equal(data->attributes[0].id, "incision");
    assert_string_equal(data->attributes[0].label, "Incision");
    assert_string_equal(data->attributes[1].id, "recovery");
    assert_string_equal(data->attributes[1].label, "Typical return to daily life");
    assert_string_equal(data->attributes[2].id, "longevity");

    assert_int_equal(data->n_procedures, 2);
    const procedure *t = &data->procedures[0];
    assert_string_equal(t->id, "thread-lift");
    assert_string_equal(t->name, "Thread lift");
    assert_string_equal(t->article, "thread-lift-vs-mini-lift.md");
    assert_int_equal(t->line, 9);
    assert_int_equal(t->column, 5);
    assert_string_equal(t->values[0].text, "None: threads enter through small needle points");
    assert_null(t->values[0].note);
    assert_null(t->values[0].source);
    assert_string_equal(t->values[1].text, "A few days");
    assert_string_equal(t->values[1].note, "Varies with the person");
    assert_string_equal(t->values[1].source, "Clinic audit 2025");
    /* Left out: no value, which is an error only where a table asks for it. */
    assert_null(t->values[2].text);
    assert_null(t->values[2].note);

    const procedure *m = &data->procedures[1];
    assert_string_equal(m->id, "mini-lift");
    assert_string_equal(m->name, "Mini lift");
    assert_null(m->article);
    assert_int_equal(m->line, 15);
    assert_int_equal(m->column, 5);
    assert_string_equal(m->values[0].text, "Short cuts in front of the ear");
    assert_null(m->values[1].text);
    assert_string_equal(m->values[2].text, "Several years");
    assert_null(m->values[2].note);
    assert_null(m->values[2].source);
    procedures_free(data);
    procedures_free(NULL);
}

static void test_find_and_suggest(void **state)
{
    tu_fixture *f = *state;
    procedure_data *data = S_load(f, S_data);
    assert_non_null(data);
    assert_int_equal(procedures_find(data, "thread-lift"), 0);
    assert_int_equal(procedures_find(data, "mini-lift"), 1);
    assert_int_equal(procedures_find(data, "facelift"), -1);
    assert_int_equal(procedures_find(data, "incision"), -1);
    assert_int_equal(procedures_find_attribute(data, "incision"), 0);
    assert_int_equal(procedures_find_attribute(data, "longevity"), 2);
    assert_int_equal(procedures_find_attribute(data, "thread-lift"), -1);
    assert_string_equal(procedures_suggest(data, "mini-lfit"), "mini-lift");
    assert_string_equal(procedures_suggest(data, "thread-lifts"), "thread-lift");
    assert_ptr_equal(procedures_suggest(data, "mini-lfit"), data->procedures[1].id);
    assert_null(procedures_suggest(data, "facelift"));
    assert_string_equal(procedures_suggest_attribute(data, "recovry"), "recovery");
    assert_string_equal(procedures_suggest_attribute(data, "incison"), "incision");
    assert_null(procedures_suggest_attribute(data, "price"));
    procedures_free(data);
}

static void test_missing_file_is_empty(void **state)
{
    tu_fixture *f = *state;
    /* Nothing written at f->path. */
    procedure_data *data = procedures_load(f->path, f->diags);
    assert_non_null(data);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(data->file, f->path);
    assert_int_equal(data->n_attributes, 0);
    assert_int_equal(data->n_procedures, 0);
    assert_int_equal(procedures_find(data, "thread-lift"), -1);
    assert_int_equal(procedures_find_attribute(data, "incision"), -1);
    assert_null(procedures_suggest(data, "thread-lift"));
    assert_null(procedures_suggest_attribute(data, "incision"));
    procedures_free(data);
}

static void test_unreadable(void **state)
{
    tu_fixture *f = *state;
    /* A directory in its place cannot be read. */
    assert_int_equal(mkdir_p(f->path), 0);
    assert_null(procedures_load(f->path, f->diags));
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ": error: this is a folder, not a file; suture reads only regular "
                          "files: remove it or replace it with the procedure data");
    /* No file means no procedures; a symbolic link to nothing is a mistake, not that. */
    assert_int_equal(remove_tree(f->path), 0);
    assert_int_equal(symlink("nowhere.yaml", f->path), 0);
    assert_null(procedures_load(f->path, f->diags));
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 1, ": error: this is a symbolic link to 'nowhere.yaml', which does not "
                          "exist; suture reads only regular files: remove the link or replace "
                          "it with the procedure data");
}

static void test_invalid_yaml(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "    label: Incision\n", "    label: Incision: cut\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":3:20: error: invalid YAML: a ': ' appears where it cannot; put text "
                          "that contains ': ' in quotes, or fix the indentation (mapping values "
                          "are not allowed in this context) [yaml]");
}

static void test_not_a_mapping(void **state)
{
    tu_fixture *f = *state;
    assert_null(S_load(f, "- thread-lift\n- mini-lift\n"));
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":1:1: error: procedures.yaml must be a mapping of 'key: value' lines, "
                          "but it is a list");
}

static void test_top_level_keys(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "procedures:\n", "procedure:\n");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":8:1: error: unknown key 'procedure' in procedures.yaml; did you mean "
                          "'procedures'?");
    tu_fixture_diag(f, 1, ":1:1: error: procedures.yaml has no 'procedures'; list the procedures");
}

static void test_missing_attributes(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f,
               "attributes:\n  - id: incision\n    label: Incision\n  - id: recovery\n"
               "    label: Typical return to daily life\n  - id: longevity\n"
               "    label: How long the result lasts\n",
               "");
    /* Every value then names an attribute nobody declared. */
    assert_int_equal(diag_count(f->diags), 5);
    tu_fixture_diag(f, 0, ":1:1: error: procedures.yaml has no 'attributes'; list what procedures "
                          "are compared on");
    tu_fixture_diag(f, 1, ":6:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 2, ":7:7: error: unknown attribute 'recovery'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 3, ":11:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 4, ":12:7: error: unknown attribute 'longevity'; declare it under "
                          "'attributes' first");
}

static void test_wrong_top_level_types(void **state)
{
    tu_fixture *f = *state;
    assert_null(S_load(f, "attributes: {id: incision}\nprocedures: thread-lift\n"));
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":1:13: error: 'attributes' must be a list, like [a, b] or lines "
                          "starting with '- ', but it is a mapping (key: value lines)");
    tu_fixture_diag(f, 1, ":2:13: error: 'procedures' must be a list, like [a, b] or lines "
                          "starting with '- ', but it is a single value");
}

static void test_attribute_errors(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "    label: Incision\n", "    lable: Incision\n");
    /* The attribute is then left out, and so are the values given for it. */
    assert_int_equal(diag_count(f->diags), 4);
    tu_fixture_diag(f, 0, ":3:5: error: unknown key 'lable' in an attribute; did you mean "
                          "'label'?");
    tu_fixture_diag(f, 1, ":2:5: error: this attribute has no 'label'; add the row title readers "
                          "see");
    tu_fixture_diag(f, 2, ":13:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 3, ":18:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
    S_load_bad(f, "    label: Typical return to daily life\n", "    label: ~\n");
    assert_int_equal(diag_count(f->diags), 6);
    tu_fixture_diag(f, 4, ":5:12: error: an attribute's 'label' must be a text value, but it is "
                          "nothing");
    tu_fixture_diag(f, 5, ":14:7: error: unknown attribute 'recovery'; declare it under "
                          "'attributes' first");
}

static void test_attribute_missing_id(void **state)
{
    tu_fixture *f = *state;
    /* The values for recovery then have no attribute either. */
    S_load_bad(f, "  - id: recovery\n    label:", "  - label:");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":4:5: error: this attribute has no 'id'; add one, like 'id: recovery'");
    tu_fixture_diag(f, 1, ":13:7: error: unknown attribute 'recovery'; declare it under "
                          "'attributes' first");
}

static void test_attribute_bad_and_duplicate_ids(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: longevity\n", "  - id: Long_Term\n");
    S_load_bad(f, "  - id: longevity\n", "  - id: incision\n");
    S_load_bad(f, "  - id: longevity\n", "  - id: \"\"\n");
    S_load_bad(f, "  - id: incision\n    label: Incision\n", "  - just-a-word\n");
    assert_int_equal(diag_count(f->diags), 9);
    tu_fixture_diag(f, 0, ":6:9: error: attribute id 'Long_Term' may use only lower-case letters, "
                          "digits and hyphens");
    tu_fixture_diag(f, 1, ":19:7: error: unknown attribute 'longevity'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 2, ":6:9: error: attribute 'incision' is declared twice; keep one");
    tu_fixture_diag(f, 3, ":19:7: error: unknown attribute 'longevity'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 4, ":6:9: error: an attribute's 'id' is empty; write some text");
    tu_fixture_diag(f, 5, ":19:7: error: unknown attribute 'longevity'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 6, ":2:5: error: each attribute must be a mapping of 'key: value' lines, "
                          "but it is a single value");
    tu_fixture_diag(f, 7, ":12:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 8, ":17:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
}

static void test_procedure_unknown_key(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "    name: Mini lift\n", "    nmae: Mini lift\n");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":16:5: error: unknown key 'nmae' in a procedure; did you mean 'name'?");
    tu_fixture_diag(f, 1, ":15:5: error: this procedure has no 'name'; add the name readers see");
}

static void test_procedure_missing_fields(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: mini-lift\n    name:", "  - name:");
    S_load_bad(f, "    values:\n      incision: Short cuts in front of the ear\n"
                  "      longevity:\n        text: Several years\n",
               "");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":15:5: error: this procedure has no 'id'; add one, like 'id: "
                          "thread-lift'");
    tu_fixture_diag(f, 1, ":15:5: error: this procedure has no 'values'; add one per attribute");
}

static void test_duplicate_procedure_ids(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: mini-lift\n", "  - id: thread-lift\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":15:9: error: procedure 'thread-lift' is declared twice; keep one");
}

static void test_procedure_bad_values(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "  - id: mini-lift\n", "  - id: Mini_Lift\n");
    S_load_bad(f, "    article: thread-lift-vs-mini-lift.md\n",
               "    article: thread-lift-vs-mini-lift.html\n");
    S_load_bad(f, "    name: Thread lift\n", "    name: [Thread lift]\n");
    S_load_bad(f, "  - id: mini-lift\n    name: Mini lift\n", "  - mini-lift\n  - id: x\n");
    S_load_bad(f, "    article: thread-lift-vs-mini-lift.md\n", "    article: ~\n");
    S_load_bad(f, "  - id: mini-lift\n", "  - id: [mini-lift]\n");
    assert_int_equal(diag_count(f->diags), 7);
    tu_fixture_diag(f, 0, ":15:9: error: procedure id 'Mini_Lift' may use only lower-case letters, "
                          "digits and hyphens");
    tu_fixture_diag(f, 1, ":11:14: error: 'article' must name an article file, like "
                          "'dimpling.md'");
    tu_fixture_diag(f, 2, ":10:11: error: a procedure's 'name' must be a text value, but it is a "
                          "list");
    tu_fixture_diag(f, 3, ":15:5: error: each procedure must be a mapping of 'key: value' lines, "
                          "but it is a single value");
    /* The values that followed now belong to a procedure 'x' that has no name. */
    tu_fixture_diag(f, 4, ":16:5: error: this procedure has no 'name'; add the name readers see");
    tu_fixture_diag(f, 5, ":11:14: error: 'article' must be a text value, but it is nothing");
    tu_fixture_diag(f, 6, ":15:9: error: a procedure's 'id' must be a text value, but it is a "
                          "list");
}

static void test_unknown_attribute_in_values(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "      incision: Short cuts", "      incison: Short cuts");
    S_load_bad(f, "      incision: Short cuts", "      price: Short cuts");
    S_load_bad(f, "      incision: Short cuts in front of the ear\n",
               "      ? [incision]\n      : Short cuts in front of the ear\n");
    assert_int_equal(diag_count(f->diags), 3);
    tu_fixture_diag(f, 0, ":18:7: error: unknown attribute 'incison'; did you mean 'incision'?");
    tu_fixture_diag(f, 1, ":18:7: error: unknown attribute 'price'; declare it under 'attributes' "
                          "first");
    tu_fixture_diag(f, 2, ":18:9: error: unknown attribute '?'; declare it under 'attributes' "
                          "first");
}

static void test_two_values_for_one_attribute(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "      longevity:\n", "      incision: Again\n      longevity:\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":19:7: error: 'incision' has two values; keep one");
}

static void test_values_not_a_mapping(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f,
               "    values:\n      incision: Short cuts in front of the ear\n"
               "      longevity:\n        text: Several years\n",
               "    values: [incision]\n");
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":17:13: error: 'values' must be a mapping of 'key: value' lines, but it "
                          "is a list");
}

static void test_value_mapping_errors(void **state)
{
    tu_fixture *f = *state;
    /* A mapping without text. */
    S_load_bad(f, "        text: Several years\n", "        note: Several years\n");
    /* A misspelt key inside a value. */
    S_load_bad(f, "note: \"Varies with the person\"", "notes: \"Varies with the person\"");
    /* Wrong types inside a value. */
    S_load_bad(f, "{text: \"A few days\"", "{text: [a]");
    S_load_bad(f, "note: \"Varies with the person\"", "note: ~");
    S_load_bad(f, "source: \"Clinic audit 2025\"", "source: \"\"");
    assert_int_equal(diag_count(f->diags), 5);
    tu_fixture_diag(f, 0, ":20:9: error: the value of 'longevity' has no 'text'; add the words "
                          "shown in the table");
    tu_fixture_diag(f, 1, ":14:38: error: unknown key 'notes' in the value of 'recovery'; did you "
                          "mean 'note'?");
    tu_fixture_diag(f, 2, ":14:24: error: the value of 'recovery' must be a text value, but it is "
                          "a list");
    tu_fixture_diag(f, 3, ":14:44: error: a 'note' must be a text value, but it is nothing");
    tu_fixture_diag(f, 4, ":14:78: error: a 'source' is empty; write some text");
}

static void test_plain_value_errors(void **state)
{
    tu_fixture *f = *state;
    S_load_bad(f, "      incision: Short cuts in front of the ear\n", "      incision:\n");
    S_load_bad(f, "      incision: Short cuts in front of the ear\n", "      incision: [a, b]\n");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":18:16: error: the value of 'incision' must be a text value, but it is "
                          "nothing");
    tu_fixture_diag(f, 1, ":18:17: error: the value of 'incision' must be a text value, but it is "
                          "a list");
}

static void test_every_mistake_is_reported(void **state)
{
    tu_fixture *f = *state;
    const char *text = "attributes:\n"
                       "  - id: incision\n"
                       "    label: Incision\n"
                       "  - id: incision\n"
                       "    label: Again\n"
                       "procedures:\n"
                       "  - id: a\n"
                       "    name: A\n"
                       "    values: {incison: x}\n"
                       "  - id: a\n"
                       "    name: B\n"
                       "    values: {}\n";
    assert_null(S_load(f, text));
    assert_int_equal(diag_count(f->diags), 3);
    tu_fixture_diag(f, 0, ":4:9: error: attribute 'incision' is declared twice; keep one");
    tu_fixture_diag(f, 1, ":9:14: error: unknown attribute 'incison'; did you mean 'incision'?");
    tu_fixture_diag(f, 2, ":10:9: error: procedure 'a' is declared twice; keep one");
}

static void test_empty_file(void **state)
{
    tu_fixture *f = *state;
    procedure_data *data = S_load(f, "# no comparisons yet\n");
    assert_non_null(data);
    assert_int_equal(diag_count(f->diags), 0);
    assert_int_equal(data->n_attributes, 0);
    assert_int_equal(data->n_procedures, 0);
    procedures_free(data);
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_valid),
        T(test_find_and_suggest),
        T(test_missing_file_is_empty),
        T(test_unreadable),
        T(test_invalid_yaml),
        T(test_not_a_mapping),
        T(test_top_level_keys),
        T(test_missing_attributes),
        T(test_wrong_top_level_types),
        T(test_attribute_errors),
        T(test_attribute_missing_id),
        T(test_attribute_bad_and_duplicate_ids),
        T(test_procedure_unknown_key),
        T(test_procedure_missing_fields),
        T(test_duplicate_procedure_ids),
        T(test_procedure_bad_values),
        T(test_unknown_attribute_in_values),
        T(test_two_values_for_one_attribute),
        T(test_values_not_a_mapping),
        T(test_value_mapping_errors),
        T(test_plain_value_errors),
        T(test_every_mistake_is_reported),
        T(test_empty_file),
    };
    return cmocka_run_group_tests_name("procedures", tests, NULL, NULL);
}
