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

/* A site in English, as site.yaml's old one-language form declares it. */
static const char *const S_en_codes[] = {"en", NULL};
static const ltext_langs S_english = {S_en_codes, false};

/* The English text of t, or NULL. */
static const char *S_en(const ltext *t)
{
    return ltext_get(t, "en");
}

static int S_setup(void **state)
{
    return tu_fixture_setup(state, "procedures", "procedures.yaml");
}

static procedure_data *S_load(tu_fixture *f, const char *text)
{
    tu_fixture_write(f, text);
    return procedures_load(f->path, &S_english, f->diags);
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
    assert_string_equal(S_en(&data->attributes[0].label), "Incision");
    assert_string_equal(data->attributes[1].id, "recovery");
    assert_string_equal(S_en(&data->attributes[1].label), "Typical return to daily life");
    assert_string_equal(data->attributes[2].id, "longevity");

    assert_int_equal(data->n_procedures, 2);
    const procedure *t = &data->procedures[0];
    assert_string_equal(t->id, "thread-lift");
    assert_string_equal(S_en(&t->name), "Thread lift");
    assert_string_equal(t->article, "thread-lift-vs-mini-lift.md");
    assert_int_equal(t->line, 9);
    assert_int_equal(t->column, 5);
    assert_string_equal(S_en(&t->values[0].text),
                        "None: threads enter through small needle points");
    assert_null(S_en(&t->values[0].note));
    assert_null(S_en(&t->values[0].source));
    assert_string_equal(S_en(&t->values[1].text), "A few days");
    assert_string_equal(S_en(&t->values[1].note), "Varies with the person");
    assert_string_equal(S_en(&t->values[1].source), "Clinic audit 2025");
    /* Where each value and its source are, for the messages about them. */
    assert_int_equal(t->values[0].line, 13);
    assert_int_equal(t->values[0].column, 17);
    assert_int_equal(t->values[1].line, 14);
    assert_int_equal(t->values[1].source_line, 14);
    assert_int_equal(t->values[1].source_column, 78);
    assert_false(t->values[1].clinic_experience);
    /* Left out: no value, which is an error only where a table asks for it. */
    assert_null(S_en(&t->values[2].text));
    assert_null(S_en(&t->values[2].note));

    const procedure *m = &data->procedures[1];
    assert_string_equal(m->id, "mini-lift");
    assert_string_equal(S_en(&m->name), "Mini lift");
    assert_null(m->article);
    assert_int_equal(m->line, 15);
    assert_int_equal(m->column, 5);
    assert_string_equal(S_en(&m->values[0].text), "Short cuts in front of the ear");
    assert_null(S_en(&m->values[1].text));
    assert_string_equal(S_en(&m->values[2].text), "Several years");
    assert_null(S_en(&m->values[2].note));
    assert_null(S_en(&m->values[2].source));
    assert_false(m->values[2].clinic_experience);
    procedures_free(data);
    procedures_free(NULL);
}

/* basis: clinic-experience marks a value as the clinic's own experience; no other basis. */
static void test_basis(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(S_data, "text: Several years\n",
                            "text: Several years\n        basis: clinic-experience\n");
    procedure_data *data = S_load(f, text);
    free(text);
    assert_non_null(data);
    assert_true(data->procedures[1].values[2].clinic_experience);
    assert_int_equal(data->procedures[1].values[2].line, 20);
    assert_int_equal(data->procedures[1].values[2].column, 9);
    procedures_free(data);
    text = tu_replace(S_data, "text: Several years\n",
                      "text: Several years\n        basis: experience\n");
    assert_null(S_load(f, text));
    free(text);
    tu_expect_diag_prefixed(f->diags, 0, f->path,
                            ":21:16: error: the 'basis' of 'longevity' of procedure "
                            "'mini-lift' can only be 'clinic-experience' (the clinic's own "
                            "experience, not a published figure); for a published figure "
                            "give its 'source' instead, like source: \"[@id]\"");
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
    procedure_data *data = procedures_load(f->path, &S_english, f->diags);
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
    assert_null(procedures_load(f->path, &S_english, f->diags));
    assert_int_equal(diag_count(f->diags), 1);
    tu_fixture_diag(f, 0, ": error: this is a folder, not a file; suture reads only regular "
                          "files: remove it or replace it with the procedure data");
    /* No file means no procedures; a symbolic link to nothing is a mistake, not that. */
    assert_int_equal(remove_tree(f->path), 0);
    assert_int_equal(symlink("nowhere.yaml", f->path), 0);
    assert_null(procedures_load(f->path, &S_english, f->diags));
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

/* ---- a site in Korean and English (issue 16) ---------------------------------------------- */

static const char *const S_ko_en_codes[] = {"ko", "en", NULL};
static const ltext_langs S_ko_en = {S_ko_en_codes, true};
/* The same languages with English first: the data's mistakes are told in English
 * (test_procedures_ko tells them on a Korean-first site). */
static const char *const S_en_ko_codes[] = {"en", "ko", NULL};
static const ltext_langs S_en_ko = {S_en_ko_codes, true};

static const char S_bilingual[] =
    "attributes:\n"                                                        /* 1 */
    "  - id: incision\n"                                                   /* 2 */
    "    label: {ko: 절개, en: Incision}\n"                                 /* 3 */
    "  - id: recovery\n"                                                   /* 4 */
    "    label:\n"                                                         /* 5 */
    "      ko: 일상 복귀\n"                                                 /* 6 */
    "      en: Return to daily life\n"                                     /* 7 */
    "procedures:\n"                                                        /* 8 */
    "  - id: thread-lift\n"                                                /* 9 */
    "    name: {ko: 실리프팅, en: Thread lift}\n"                           /* 10 */
    "    article: thread-lift.md\n"                                        /* 11 */
    "    values:\n"                                                        /* 12 */
    "      incision: {ko: 바늘 구멍, en: Needle points}\n"                  /* 13 */
    "      recovery:\n"                                                    /* 14 */
    "        text: {ko: 며칠, en: A few days}\n"                            /* 15 */
    "        note: {ko: 사람마다 달라요, en: Varies}\n"                     /* 16 */
    "        source: Clinic audit 2025\n";                                 /* 17 */

static procedure_data *S_load_bilingual(tu_fixture *f, const char *find, const char *repl)
{
    char *text = tu_replace(S_bilingual, find, repl);
    tu_fixture_write(f, text);
    free(text);
    return procedures_load(f->path, &S_en_ko, f->diags);
}

static void test_bilingual_values(void **state)
{
    tu_fixture *f = *state;
    tu_fixture_write(f, S_bilingual);
    procedure_data *data = procedures_load(f->path, &S_ko_en, f->diags);
    assert_non_null(data);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(data->lang, "ko");
    assert_string_equal(procedures_text(data, &data->attributes[0].label, "ko"), "절개");
    assert_string_equal(procedures_text(data, &data->attributes[0].label, "en"), "Incision");
    assert_string_equal(procedures_text(data, &data->attributes[1].label, "ko"), "일상 복귀");
    assert_string_equal(procedures_text(data, &data->attributes[1].label, "en-GB"),
                        "Return to daily life");
    const procedure *p = &data->procedures[0];
    assert_string_equal(p->id, "thread-lift");
    assert_string_equal(p->article, "thread-lift.md");
    assert_string_equal(procedures_text(data, &p->name, "ko"), "실리프팅");
    assert_string_equal(procedures_text(data, &p->name, "en"), "Thread lift");
    /* A language the data has no text in is shown the default language's. */
    assert_string_equal(procedures_text(data, &p->name, "ja"), "실리프팅");
    assert_string_equal(procedures_text(data, &p->values[0].text, "en"), "Needle points");
    assert_string_equal(procedures_text(data, &p->values[0].text, "ko"), "바늘 구멍");
    assert_null(procedures_text(data, &p->values[0].note, "en"));
    assert_string_equal(procedures_text(data, &p->values[1].text, "ko"), "며칠");
    assert_string_equal(procedures_text(data, &p->values[1].text, "en"), "A few days");
    assert_string_equal(procedures_text(data, &p->values[1].note, "ko"), "사람마다 달라요");
    assert_string_equal(procedures_text(data, &p->values[1].note, "en"), "Varies");
    /* A citation stays one text for every language. */
    assert_string_equal(procedures_text(data, &p->values[1].source, "ko"), "Clinic audit 2025");
    assert_string_equal(procedures_text(data, &p->values[1].source, "en"), "Clinic audit 2025");
    procedures_free(data);
}

static void test_bilingual_missing_language(void **state)
{
    tu_fixture *f = *state;
    assert_null(S_load_bilingual(f, "{ko: 실리프팅, en: Thread lift}", "{ko: 실리프팅}"));
    assert_null(S_load_bilingual(f, "      en: Return to daily life\n", ""));
    assert_null(S_load_bilingual(f, "{ko: 바늘 구멍, en: Needle points}", "{en: Needle points}"));
    assert_null(S_load_bilingual(f, "{ko: 사람마다 달라요, en: Varies}", "{ko: 사람마다 달라요}"));
    assert_null(S_load_bilingual(f, "{ko: 며칠, en: A few days}", "{}"));
    /* An attribute with a mistake is left out, so values for it are reported too. */
    assert_int_equal(diag_count(f->diags), 7);
    tu_fixture_diag(f, 0, ":10:11: error: 'name' of procedure 'thread-lift' has no 'en' text; "
                          "add 'en: …'");
    tu_fixture_diag(f, 1, ":6:7: error: 'label' of attribute 'recovery' has no 'en' text; add "
                          "'en: …'");
    tu_fixture_diag(f, 2, ":13:7: error: unknown attribute 'recovery'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 3, ":13:17: error: 'incision' of procedure 'thread-lift' has no 'ko' "
                          "text; add 'ko: …'");
    tu_fixture_diag(f, 4, ":16:15: error: 'note' of 'recovery' of procedure 'thread-lift' has "
                          "no 'en' text; add 'en: …'");
    tu_fixture_diag(f, 5, ":15:15: error: 'text' of 'recovery' of procedure 'thread-lift' has "
                          "no 'en' text; add 'en: …'");
    tu_fixture_diag(f, 6, ":15:15: error: 'text' of 'recovery' of procedure 'thread-lift' has "
                          "no 'ko' text; add 'ko: …'");
}

static void test_bilingual_undeclared_language(void **state)
{
    tu_fixture *f = *state;
    assert_null(S_load_bilingual(f, "en: Incision}", "en: Incision, eng: Incision}"));
    assert_null(S_load_bilingual(f, "en: Varies}", "en: Varies, ja: 人による}"));
    assert_null(S_load_bilingual(f, "{ko: 절개, en: Incision}", "{ko: 절개, ko: 절개2, en: x}"));
    assert_int_equal(diag_count(f->diags), 5);
    tu_fixture_diag(f, 0, ":3:35: error: 'label' of attribute 'incision' has a text in 'eng', a "
                          "language site.yaml does not declare; did you mean 'en'?");
    tu_fixture_diag(f, 1, ":13:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
    tu_fixture_diag(f, 2, ":16:42: error: 'note' of 'recovery' of procedure 'thread-lift' has a "
                          "text in 'ja', a language site.yaml does not declare; declare it under "
                          "'languages' in site.yaml, or remove it");
    tu_fixture_diag(f, 3, ":3:21: error: language 'ko' is given twice in 'label' of attribute "
                          "'incision'; keep one");
}

static void test_bilingual_plain_string(void **state)
{
    tu_fixture *f = *state;
    assert_null(S_load_bilingual(f, "{ko: 실리프팅, en: Thread lift}", "Thread lift"));
    assert_null(S_load_bilingual(f, "{ko: 바늘 구멍, en: Needle points}", "Needle points"));
    assert_null(S_load_bilingual(f, "{ko: 사람마다 달라요, en: Varies}", "Varies"));
    assert_null(S_load_bilingual(f, "{ko: 절개, en: Incision}", "[절개, Incision]"));
    assert_int_equal(diag_count(f->diags), 5);
    tu_fixture_diag(f, 0, ":10:11: error: 'name' of procedure 'thread-lift' must give one text "
                          "per language, like {ko: …, en: …}: site.yaml declares en, ko");
    tu_fixture_diag(f, 1, ":13:17: error: 'incision' of procedure 'thread-lift' must give one "
                          "text per language, like {ko: …, en: …}: site.yaml declares en, ko");
    tu_fixture_diag(f, 2, ":16:15: error: 'note' of 'recovery' of procedure 'thread-lift' must "
                          "give one text per language, like {ko: …, en: …}: site.yaml declares "
                          "en, ko");
    tu_fixture_diag(f, 3, ":3:12: error: 'label' of attribute 'incision' must be a text value, "
                          "but it is a list");
    tu_fixture_diag(f, 4, ":13:7: error: unknown attribute 'incision'; declare it under "
                          "'attributes' first");
}

/* {text, note, source} and {ko, en} are told apart by their keys. */
static void test_bilingual_value_forms(void **state)
{
    tu_fixture *f = *state;
    /* Neither a language nor text/note/source: a misspelt {text: …}. */
    assert_null(S_load_bilingual(f, "{ko: 바늘 구멍, en: Needle points}", "{txt: x}"));
    /* A language beside 'note': a {text, note} value with a stray key. */
    assert_null(S_load_bilingual(f, "{ko: 바늘 구멍, en: Needle points}",
                                 "{ko: 바늘 구멍, note: {ko: a, en: b}}"));
    /* A source given per language needs every language too. */
    assert_null(S_load_bilingual(f, "source: Clinic audit 2025", "source: {en: Audit}"));
    assert_int_equal(diag_count(f->diags), 5);
    tu_fixture_diag(f, 0, ":13:18: error: unknown key 'txt' in the value of 'incision'; did you "
                          "mean 'text'?");
    tu_fixture_diag(f, 1, ":13:17: error: the value of 'incision' has no 'text'; add the words "
                          "shown in the table");
    tu_fixture_diag(f, 2, ":13:18: error: unknown key 'ko' in the value of 'incision'; the keys "
                          "allowed are: text, note, source, basis");
    tu_fixture_diag(f, 3, ":13:17: error: the value of 'incision' has no 'text'; add the words "
                          "shown in the table");
    tu_fixture_diag(f, 4, ":17:17: error: 'source' of 'recovery' of procedure 'thread-lift' has "
                          "no 'ko' text; add 'ko: …'");
    procedure_data *data = S_load_bilingual(f, "source: Clinic audit 2025",
                                            "source: {ko: 병원 자료, en: Clinic audit}");
    assert_non_null(data);
    assert_string_equal(procedures_text(data, &data->procedures[0].values[1].source, "ko"),
                        "병원 자료");
    procedures_free(data);
}

/* Without usable settings any language is accepted, and a plain string too. */
static void test_languages_unknown(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(S_bilingual, "{ko: 실리프팅, en: Thread lift}", "Thread lift");
    char *text2 = tu_replace(text, "en: Varies}", "en: Varies, ja: 人による}");
    tu_fixture_write(f, text2);
    free(text);
    free(text2);
    procedure_data *data = procedures_load(f->path, NULL, f->diags);
    assert_non_null(data);
    assert_int_equal(diag_count(f->diags), 0);
    assert_string_equal(data->lang, "");
    assert_string_equal(procedures_text(data, &data->procedures[0].name, "ko"), "Thread lift");
    assert_string_equal(procedures_text(data, &data->procedures[0].values[1].note, "ja"),
                        "人による");
    procedures_free(data);
}

/* A site in one language may write its texts the per-language way too. */
static void test_one_language_mapping(void **state)
{
    tu_fixture *f = *state;
    char *text = tu_replace(S_data, "    name: Thread lift\n", "    name: {en: Thread lift}\n");
    procedure_data *data = S_load(f, text);
    free(text);
    assert_non_null(data);
    assert_string_equal(S_en(&data->procedures[0].name), "Thread lift");
    procedures_free(data);
    S_load_bad(f, "    name: Thread lift\n", "    name: {ko: 실리프팅}\n");
    assert_int_equal(diag_count(f->diags), 2);
    tu_fixture_diag(f, 0, ":10:12: error: 'name' of procedure 'thread-lift' has a text in 'ko', "
                          "a language site.yaml does not declare; declare it under 'languages' "
                          "in site.yaml, or remove it");
    tu_fixture_diag(f, 1, ":10:11: error: 'name' of procedure 'thread-lift' has no 'en' text; "
                          "add 'en: …'");
}

#define T(name) cmocka_unit_test_setup_teardown(name, S_setup, tu_fixture_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_valid),
        T(test_basis),
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
        T(test_bilingual_values),
        T(test_bilingual_missing_language),
        T(test_bilingual_undeclared_language),
        T(test_bilingual_plain_string),
        T(test_bilingual_value_forms),
        T(test_languages_unknown),
        T(test_one_language_mapping),
    };
    return cmocka_run_group_tests_name("procedures", tests, NULL, NULL);
}
