/*
 * test_compare.c: unit tests for compare.h (the comparison-table engine).
 *
 * The procedure data is built in memory, so these tests depend on compare.c alone. Each
 * block body starts at line 20, column 1 of an article (the line after its ``` fence),
 * unless a test says otherwise.
 */
#include "testutil.h"

#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/str.h"
#include "content/procedures.h"
#include "markdown/compare.h"

#define ARTICLE "content/articles/layers.md"
#define LINE 20

/* An ltext with the value text in any language, or none for NULL. */
static ltext S_any(const char *text)
{
    ltext t = {0};
    if (text)
        ltext_set1(&t, "", text);
    return t;
}

static proc_value S_value(const char *text, const char *note, const char *source)
{
    proc_value v = {.text = S_any(text), .note = S_any(note), .source = S_any(source)};
    return v;
}

/*
 * attributes: incision, lifting-mechanism, recovery, longevity
 * procedures: thread-lift (all values, notes on recovery and longevity),
 *             mini-lift (no longevity), facelift (all values, no notes)
 */
static procedure_data *S_data_new(void)
{
    procedure_data *d = xcalloc(1, sizeof *d);
    d->file = xstrdup("content/data/procedures.yaml");
    static const char *const attrs[][2] = {{"incision", "Incision"},
                                           {"lifting-mechanism", "How it lifts"},
                                           {"recovery", "Typical return to daily life"},
                                           {"longevity", "How long it lasts"}};
    d->n_attributes = 4;
    d->attributes = xcalloc(4, sizeof *d->attributes);
    for (size_t i = 0; i < 4; i++) {
        d->attributes[i].id = xstrdup(attrs[i][0]);
        d->attributes[i].label = S_any(attrs[i][1]);
    }
    d->n_procedures = 3;
    d->procedures = xcalloc(3, sizeof *d->procedures);
    procedure *p = &d->procedures[0];
    p->id = xstrdup("thread-lift");
    p->name = S_any("Thread lift");
    p->values = xcalloc(4, sizeof *p->values);
    p->values[0] = S_value("None: needle points", NULL, NULL);
    p->values[1] = S_value("Barbed threads", NULL, NULL);
    p->values[2] = S_value("A few days", "Varies with the person", NULL);
    p->values[3] = S_value("1-2 years", NULL, "Journal of Aesthetic Surgery, 2020");
    p = &d->procedures[1];
    p->id = xstrdup("mini-lift");
    p->name = S_any("Mini lift");
    p->values = xcalloc(4, sizeof *p->values);
    p->values[0] = S_value("Short, in front of the ear", NULL, NULL);
    p->values[1] = S_value("SMAS plication", NULL, NULL);
    p->values[2] = S_value("1-2 weeks", "Swelling & bruising", "Clinic records");
    p = &d->procedures[2];
    p->id = xstrdup("facelift");
    p->name = S_any("Facelift");
    p->values = xcalloc(4, sizeof *p->values);
    p->values[0] = S_value("Around the ear", NULL, NULL);
    p->values[1] = S_value("SMAS repositioning", NULL, NULL);
    p->values[2] = S_value("2-3 weeks", NULL, NULL);
    p->values[3] = S_value("10 years", NULL, NULL);
    return d;
}

static void S_data_free(procedure_data *d)
{
    for (size_t i = 0; i < d->n_procedures; i++) {
        procedure *p = &d->procedures[i];
        for (size_t a = 0; a < d->n_attributes; a++) {
            ltext_free(&p->values[a].text);
            ltext_free(&p->values[a].note);
            ltext_free(&p->values[a].source);
        }
        free(p->values);
        free(p->id);
        ltext_free(&p->name);
        free(p->article);
    }
    free(d->procedures);
    for (size_t a = 0; a < d->n_attributes; a++) {
        free(d->attributes[a].id);
        ltext_free(&d->attributes[a].label);
    }
    free(d->attributes);
    free(d->file);
    free(d);
}

static int S_setup(void **state)
{
    *state = S_data_new();
    return 0;
}

static int S_teardown(void **state)
{
    S_data_free(*state);
    return 0;
}

static compare_spec *S_parse_at(void **state, const char *text, unsigned line, unsigned column,
                                diag_list *diags)
{
    return compare_parse(ARTICLE, text, strlen(text), line, column, *state, false, diags);
}

static compare_spec *S_parse(void **state, const char *text, diag_list *diags)
{
    return S_parse_at(state, text, LINE, 1, diags);
}

/* Parse text, expect NULL and exactly the one diagnostic expected. */
static void S_expect_error(void **state, const char *text, const char *expected)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state, text, diags);
    assert_null(spec);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, expected);
    diag_list_free(diags);
}

/* ---- parsing: valid blocks ---- */

static void test_parse_comma_list(void **state)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state,
                                 "procedures: facelift, thread-lift\n"
                                 "attributes: recovery, incision\n"
                                 "caption: Thread lift and facelift side by side\n",
                                 diags);
    assert_int_equal(diag_count(diags), 0);
    assert_non_null(spec);
    assert_int_equal(spec->n_procedures, 2);
    assert_int_equal(spec->procedures[0], 2);
    assert_int_equal(spec->procedures[1], 0);
    assert_int_equal(spec->n_attributes, 2);
    assert_int_equal(spec->attributes[0], 2);
    assert_int_equal(spec->attributes[1], 0);
    assert_string_equal(spec->caption, "Thread lift and facelift side by side");
    compare_spec_free(spec);
    diag_list_free(diags);
}

static void test_parse_yaml_list(void **state)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state,
                                 "procedures:\n"
                                 "  - thread-lift\n"
                                 "  - mini-lift\n"
                                 "attributes: [incision, recovery]\n"
                                 "caption: \"Two lifts\"\n",
                                 diags);
    assert_int_equal(diag_count(diags), 0);
    assert_non_null(spec);
    assert_int_equal(spec->n_procedures, 2);
    assert_int_equal(spec->procedures[0], 0);
    assert_int_equal(spec->procedures[1], 1);
    assert_int_equal(spec->n_attributes, 2);
    assert_int_equal(spec->attributes[0], 0);
    assert_int_equal(spec->attributes[1], 2);
    assert_string_equal(spec->caption, "Two lifts");
    compare_spec_free(spec);
    diag_list_free(diags);
}

static void test_attributes_omitted_means_all(void **state)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state, "procedures: thread-lift, facelift\ncaption: All\n",
                                 diags);
    assert_int_equal(diag_count(diags), 0);
    assert_non_null(spec);
    assert_int_equal(spec->n_attributes, 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(spec->attributes[i], i);
    compare_spec_free(spec);
    diag_list_free(diags);
}

static void test_spec_all(void **state)
{
    compare_spec *spec = compare_spec_all(*state, "Everything");
    assert_int_equal(spec->n_procedures, 3);
    assert_int_equal(spec->n_attributes, 4);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(spec->procedures[i], i);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(spec->attributes[i], i);
    assert_string_equal(spec->caption, "Everything");
    compare_spec_free(spec);
    compare_spec_free(NULL);
}

/* ---- parsing: errors ---- */

static void test_unknown_procedure_did_you_mean(void **state)
{
    S_expect_error(state,
                   "procedures: thread-lift, mini-lfit\nattributes: incision\ncaption: C\n",
                   ARTICLE ":20:26: error: unknown procedure 'mini-lfit'; did you mean "
                   "'mini-lift'? [compare]");
}

static void test_unknown_procedure_column_offset(void **state)
{
    /* A block inside a blockquote: its body starts at column 3. */
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse_at(state, "procedures: thread-lift, mini-lfit\ncaption: C\n",
                                    31, 3, diags);
    assert_null(spec);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, ARTICLE ":31:28: error: unknown procedure 'mini-lfit'; did you mean "
                             "'mini-lift'? [compare]");
    diag_list_free(diags);
}

static void test_unknown_procedure_in_yaml_list(void **state)
{
    S_expect_error(state, "caption: C\nprocedures:\n  - thread-lift\n  - facelfit\n",
                   ARTICLE ":23:5: error: unknown procedure 'facelfit'; did you mean "
                   "'facelift'? [compare]");
}

static void test_unknown_procedure_without_suggestion(void **state)
{
    S_expect_error(state, "procedures: botox, facelift\ncaption: C\n",
                   ARTICLE ":20:13: error: unknown procedure 'botox'; procedures are declared "
                   "in content/data/procedures.yaml [compare]");
}

static void test_unknown_attribute(void **state)
{
    S_expect_error(state,
                   "procedures: thread-lift\nattributes: incision, recovry\ncaption: C\n",
                   ARTICLE ":21:23: error: unknown attribute 'recovry'; did you mean "
                   "'recovery'? [compare]");
    S_expect_error(state, "procedures: thread-lift\nattributes: price\ncaption: C\n",
                   ARTICLE ":21:13: error: unknown attribute 'price'; attributes are declared "
                   "in content/data/procedures.yaml [compare]");
}

static void test_duplicate_procedure(void **state)
{
    S_expect_error(state, "procedures: facelift, thread-lift, facelift\ncaption: C\n",
                   ARTICLE ":20:36: error: procedure 'facelift' is listed twice; keep one "
                   "[compare]");
}

static void test_duplicate_attribute(void **state)
{
    S_expect_error(state,
                   "procedures: facelift\nattributes: incision, incision\ncaption: C\n",
                   ARTICLE ":21:23: error: attribute 'incision' is listed twice; keep one "
                   "[compare]");
}

static void test_duplicate_key(void **state)
{
    S_expect_error(state, "procedures: facelift\ncaption: A\ncaption: B\n",
                   ARTICLE ":22:1: error: duplicate key 'caption' in a compare block; keep "
                   "only one");
}

static void test_unknown_key(void **state)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state, "procedure: facelift\ncaption: C\ncolour: red\n", diags);
    assert_null(spec);
    assert_int_equal(diag_count(diags), 3);
    tu_expect_diag(diags, 0, ARTICLE ":20:1: error: unknown key 'procedure' in a compare block; "
                             "did you mean 'procedures'?");
    tu_expect_diag(diags, 1, ARTICLE ":22:1: error: unknown key 'colour' in a compare block; "
                             "the keys allowed are: procedures, attributes, caption");
    tu_expect_diag(diags, 2, ARTICLE ":20:1: error: this compare block has no 'procedures' "
                             "line; add one, like 'procedures: thread-lift, mini-lift' [compare]");
    diag_list_free(diags);
}

static void test_missing_caption(void **state)
{
    S_expect_error(state, "procedures: thread-lift, mini-lift\nattributes: incision\n",
                   ARTICLE ":20:1: error: this compare block has no 'caption' line; add a short "
                   "title for the table, which screen readers announce [compare]");
}

static void test_empty_caption(void **state)
{
    S_expect_error(state, "procedures: facelift\ncaption: \"  \"\n",
                   ARTICLE ":21:10: error: 'caption' is empty; write some text");
}

static void test_missing_procedures(void **state)
{
    S_expect_error(state, "caption: C\n",
                   ARTICLE ":20:1: error: this compare block has no 'procedures' line; add one, "
                   "like 'procedures: thread-lift, mini-lift' [compare]");
}

static void test_empty_procedures(void **state)
{
    S_expect_error(state, "procedures: []\ncaption: C\n",
                   ARTICLE ":20:13: error: 'procedures' is empty; list the procedures to "
                   "compare [compare]");
    S_expect_error(state, "procedures:\ncaption: C\n",
                   ARTICLE ":20:12: error: 'procedures' must be a text value, but it is "
                   "nothing");
}

static void test_empty_entry(void **state)
{
    S_expect_error(state, "procedures: thread-lift, , facelift\ncaption: C\n",
                   ARTICLE ":20:26: error: 'procedures' has an empty entry; separate ids with "
                   "single commas [compare]");
}

static void test_not_a_mapping(void **state)
{
    static const char *const message =
        "error: a compare block must be 'key: value' lines: 'procedures: a, b', "
        "'attributes: x, y' and 'caption: ...' [compare]";
    char *expected = xasprintf(ARTICLE ":20:1: %s", message);
    S_expect_error(state, "- thread-lift\n- facelift\n", expected);
    S_expect_error(state, "", expected);
    free(expected);
    /* A line without a colon is reported as such, on that line. */
    S_expect_error(state, "thread-lift versus facelift\n",
                   ARTICLE ":20:1: error: this line is not 'key: value'; add the ':' after the "
                   "key [compare]");
    /* The position of the root node, when there is one, is where the block starts. */
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse_at(state, "\n\n  [a, b]\n", 40, 3, diags);
    assert_null(spec);
    assert_int_equal(diag_count(diags), 1);
    expected = xasprintf(ARTICLE ":42:5: %s", message);
    tu_expect_diag(diags, 0, expected);
    free(expected);
    diag_list_free(diags);
}

static void test_invalid_yaml(void **state)
{
    S_expect_error(state,
                   "procedures: thread-lift, mini-lift\nattributes: incision\ncaption: C\n"
                   "this line has no colon\n",
                   ARTICLE ":23:1: error: this line is not 'key: value'; add the ':' after the "
                   "key [compare]");
    S_expect_error(state, "procedures: [thread-lift, facelift\ncaption: C\n",
                   ARTICLE ":20:13: error: invalid YAML: a list in [ ] is not closed, or a "
                   "comma is missing between its items; close it with ']' and separate the "
                   "items with commas (did not find expected ',' or ']' while parsing a flow "
                   "sequence) [yaml]");
}

/*
 * SPEC.md, "Comparison tables": a malformed line is an error at that line. A first line
 * without its colon must not be reported on the (correct) line below it.
 */
static void test_malformed_first_line_reported_on_it(void **state)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state, "procedures thread-lift\ncaption: C\n", diags);
    assert_null(spec);
    assert_int_equal(diag_count(diags), 1);
    char *s = diag_format(diag_get(diags, 0));
    char *copy = xstrdup(s);
    free(s);
    diag_list_free(diags);
    assert_string_equal(copy, ARTICLE ":20:1: error: this line is not 'key: value'; add the "
                              "':' after the key [compare]");
    free(copy);
}

/* An empty attribute list would render a table with no rows. */
static void test_empty_attributes(void **state)
{
    S_expect_error(state, "procedures: thread-lift\nattributes: []\ncaption: C\n",
                   ARTICLE ":21:13: error: 'attributes' is empty; list what to compare, or "
                   "leave the line out to compare on every attribute [compare]");
}

static void test_missing_value_for_compared_attribute(void **state)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state, "procedures: thread-lift, mini-lift\ncaption: C\n", diags);
    assert_null(spec);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, ARTICLE ":20:26: error: procedure 'mini-lift' has no value for "
                             "'longevity' in content/data/procedures.yaml; add one there or "
                             "leave 'longevity' out of this table [compare]");
    diag_list_free(diags);
    /* Leaving the attribute out makes the same procedures fine. */
    diags = diag_list_new();
    spec = S_parse(state,
                   "procedures: thread-lift, mini-lift\nattributes: incision, recovery\n"
                   "caption: C\n",
                   diags);
    assert_non_null(spec);
    assert_int_equal(diag_count(diags), 0);
    compare_spec_free(spec);
    diag_list_free(diags);
}

static void test_missing_value_in_yaml_list(void **state)
{
    S_expect_error(state,
                   "caption: C\nattributes: [longevity]\nprocedures:\n  - facelift\n"
                   "  - mini-lift\n",
                   ARTICLE ":24:5: error: procedure 'mini-lift' has no value for 'longevity' in "
                   "content/data/procedures.yaml; add one there or leave 'longevity' out of "
                   "this table [compare]");
}

static void test_every_error_reported(void **state)
{
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state, "procedures: thread-lfit, botox\nattributes: incison\n",
                                 diags);
    assert_null(spec);
    assert_int_equal(diag_count(diags), 4);
    tu_expect_diag(diags, 0, ARTICLE ":20:1: error: this compare block has no 'caption' line; "
                             "add a short title for the table, which screen readers announce "
                             "[compare]");
    tu_expect_diag(diags, 1, ARTICLE ":20:13: error: unknown procedure 'thread-lfit'; did you "
                             "mean 'thread-lift'? [compare]");
    tu_expect_diag(diags, 2, ARTICLE ":20:26: error: unknown procedure 'botox'; procedures are "
                             "declared in content/data/procedures.yaml [compare]");
    tu_expect_diag(diags, 3, ARTICLE ":21:13: error: unknown attribute 'incison'; did you mean "
                             "'incision'? [compare]");
    diag_list_free(diags);
}

/* ---- rendering ---- */

static void test_render_structure(void **state)
{
    const procedure_data *data = *state;
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state,
                                 "procedures: thread-lift, mini-lift\n"
                                 "attributes: incision, recovery\n"
                                 "caption: Thread lift & mini lift\n",
                                 diags);
    assert_non_null(spec);
    xmlNodePtr wrap = compare_render(data, spec, "en", "cmp-1", false, NULL, NULL);
    char *got = tu_dump(NULL, wrap);
    assert_string_equal(
        got,
        "<div class=\"comparison-wrap\" role=\"region\" aria-labelledby=\"cmp-1-caption\" "
        "tabindex=\"0\">"
        "<table class=\"comparison\" id=\"cmp-1\">"
        "<caption id=\"cmp-1-caption\">Thread lift &amp; mini lift</caption>"
        "<thead><tr>"
        "<td class=\"comparison-corner\"/>"
        "<th scope=\"col\">Thread lift</th>"
        "<th scope=\"col\">Mini lift</th>"
        "</tr></thead>"
        "<tbody>"
        "<tr><th scope=\"row\">Incision</th>"
        "<td data-label=\"Thread lift\">None: needle points</td>"
        "<td data-label=\"Mini lift\">Short, in front of the ear</td></tr>"
        "<tr><th scope=\"row\">Typical return to daily life</th>"
        "<td data-label=\"Thread lift\">A few days<sup>"
        "<a href=\"#cmp-1-note-1\" id=\"cmp-1-ref-1\" class=\"comparison-note-ref\">1</a>"
        "</sup></td>"
        "<td data-label=\"Mini lift\">1-2 weeks<sup>"
        "<a href=\"#cmp-1-note-2\" id=\"cmp-1-ref-2\" class=\"comparison-note-ref\">2</a>"
        "</sup></td></tr>"
        "</tbody></table>"
        "<ol class=\"comparison-notes\">"
        "<li id=\"cmp-1-note-1\">Varies with the person <a href=\"#cmp-1-ref-1\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
        "<li id=\"cmp-1-note-2\">Swelling &amp; bruising "
        "<span class=\"comparison-source\">Clinic records</span> <a href=\"#cmp-1-ref-2\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
        "</ol></div>");
    free(got);
    xmlFreeNode(wrap);
    compare_spec_free(spec);
    diag_list_free(diags);
}

static void test_render_notes_numbered_in_reading_order(void **state)
{
    const procedure_data *data = *state;
    compare_spec *spec = compare_spec_all(data, "All");
    xmlNodePtr wrap = compare_render(data, spec, "en", "cmp-2", false, NULL, NULL);
    char *got = tu_dump(NULL, wrap);
    /* Row by row, then column by column: recovery (thread-lift 1, mini-lift 2), then
     * longevity (thread-lift 3, a source without a note). */
    const char *notes = strstr(got, "<ol class=\"comparison-notes\">");
    assert_non_null(notes);
    assert_string_equal(notes,
                        "<ol class=\"comparison-notes\">"
                        "<li id=\"cmp-2-note-1\">Varies with the person <a href=\"#cmp-2-ref-1\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
                        "<li id=\"cmp-2-note-2\">Swelling &amp; bruising "
                        "<span class=\"comparison-source\">Clinic records</span> <a href=\"#cmp-2-ref-2\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
                        "<li id=\"cmp-2-note-3\"><span class=\"comparison-source\">"
                        "Journal of Aesthetic Surgery, 2020</span> <a href=\"#cmp-2-ref-3\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
                        "</ol></div>");
    assert_non_null(strstr(got, "<td data-label=\"Thread lift\">1-2 years<sup>"
                                "<a href=\"#cmp-2-note-3\" id=\"cmp-2-ref-3\" "
                                "class=\"comparison-note-ref\">3</a></sup></td>"));
    free(got);
    xmlFreeNode(wrap);
    compare_spec_free(spec);
}

/* markdown_hooks.cite for the tests: ids "a" and "b" are sources, numbered in the order
 * first cited on the page; any other id is unknown (0). */
static unsigned S_cite(void *ctx, const char *id, unsigned line, unsigned column, bool *first)
{
    strlist *order = ctx;
    assert_int_equal(line, 7); /* the source's place in the data file */
    assert_int_equal(column, 15);
    if (strcmp(id, "a") && strcmp(id, "b"))
        return 0;
    for (size_t i = 0; i < order->len; i++)
        if (strcmp(order->items[i], id) == 0)
            return (unsigned)i + 1;
    strlist_push(order, id);
    *first = true;
    return (unsigned)order->len;
}

/* A source written as citations links into the page's list of sources, numbered with the
 * text around the table (here "a" was cited before it); the first citation of a number on
 * the page takes its id; a bracket with an unknown id stays as written. */
static void test_render_source_citations(void **state)
{
    (void)state;
    procedure_data *d = S_data_new();
    proc_value *longevity = &d->procedures[0].values[3];
    ltext_free(&longevity->source);
    longevity->source = S_any("Long-term series [@b; @a]");
    proc_value *recovery = &d->procedures[1].values[2];
    ltext_free(&recovery->source);
    recovery->source = S_any("[@a] and [@zz]");
    longevity->source_line = recovery->source_line = 7;
    longevity->source_column = recovery->source_column = 15;
    strlist order = STRLIST_INIT;
    strlist_push(&order, "a");
    markdown_hooks hooks = {.ctx = &order, .cite = S_cite};
    compare_spec *spec = compare_spec_all(d, "All");
    xmlNodePtr wrap = compare_render(d, spec, "en", "t", false, NULL, &hooks);
    char *got = tu_dump(NULL, wrap);
    const char *notes = strstr(got, "<ol class=\"comparison-notes\">");
    assert_non_null(notes);
    assert_string_equal(notes,
                        "<ol class=\"comparison-notes\">"
                        "<li id=\"t-note-1\">Varies with the person <a href=\"#t-ref-1\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
                        "<li id=\"t-note-2\">Swelling &amp; bruising"
                        "<span class=\"comparison-source\"><sup class=\"citation\">"
                        "<a href=\"#source-1\" aria-describedby=\"sources\">1</a></sup>"
                        " and [@zz]</span> <a href=\"#t-ref-2\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
                        "<li id=\"t-note-3\"><span class=\"comparison-source\">Long-term "
                        "series<sup class=\"citation\"><a href=\"#source-1\" "
                        "aria-describedby=\"sources\">1</a>,<a href=\"#source-2\" "
                        "id=\"cite-2\" aria-describedby=\"sources\">2</a></sup></span> <a href=\"#t-ref-3\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>"
                        "</ol></div>");
    assert_int_equal(order.len, 2);
    free(got);
    xmlFreeNode(wrap);
    compare_spec_free(spec);
    strlist_free(&order);
    S_data_free(d);
}

static void test_render_em_dash_for_missing_value(void **state)
{
    const procedure_data *data = *state;
    compare_spec *spec = compare_spec_all(data, "All");
    xmlNodePtr wrap = compare_render(data, spec, "en", "cmp-1", false, NULL, NULL);
    char *got = tu_dump(NULL, wrap);
    assert_non_null(strstr(got, "<tr><th scope=\"row\">How long "
                                "it lasts</th>"));
    assert_non_null(strstr(got, "<td data-label=\"Mini lift\">\xE2\x80\x94</td>"
                                "<td data-label=\"Facelift\">10 years</td></tr>"));
    free(got);
    xmlFreeNode(wrap);
    compare_spec_free(spec);
}

static void test_render_procedure_anchors_and_hrefs(void **state)
{
    const procedure_data *data = *state;
    compare_spec *spec = compare_spec_all(data, "All");
    const char *const hrefs[] = {"/kb/articles/thread-lift/", NULL, "/kb/articles/facelift/"};
    xmlNodePtr wrap = compare_render(data, spec, "en", "cmp-1", true, hrefs, NULL);
    char *got = tu_dump(NULL, wrap);
    assert_non_null(strstr(got,
                           "<td class=\"comparison-corner\"/>"
                           "<th scope=\"col\" id=\"procedure-thread-lift\">"
                           "<a href=\"/kb/articles/thread-lift/\">Thread lift</a></th>"
                           "<th scope=\"col\" id=\"procedure-mini-lift\">"
                           "Mini lift</th>"
                           "<th scope=\"col\" id=\"procedure-facelift\">"
                           "<a href=\"/kb/articles/facelift/\">Facelift</a></th></tr></thead>"));
    free(got);
    xmlFreeNode(wrap);
    compare_spec_free(spec);
}

static void test_render_without_notes_has_no_list(void **state)
{
    const procedure_data *data = *state;
    diag_list *diags = diag_list_new();
    compare_spec *spec = S_parse(state, "procedures: facelift\nattributes: incision\ncaption: F\n",
                                 diags);
    assert_non_null(spec);
    xmlNodePtr wrap = compare_render(data, spec, "en", "t", false, NULL, NULL);
    char *got = tu_dump(NULL, wrap);
    assert_string_equal(
        got,
        "<div class=\"comparison-wrap\" role=\"region\" aria-labelledby=\"t-caption\" "
        "tabindex=\"0\"><table class=\"comparison\" id=\"t\">"
        "<caption id=\"t-caption\">F</caption>"
        "<thead><tr><td class=\"comparison-corner\"/>"
        "<th scope=\"col\">Facelift</th></tr></thead>"
        "<tbody><tr><th scope=\"row\">Incision"
        "</th><td data-label=\"Facelift\">Around the ear</td></tr></tbody>"
        "</table></div>");
    assert_null(wrap->parent);
    free(got);
    xmlFreeNode(wrap);
    compare_spec_free(spec);
    diag_list_free(diags);
}

/* A text in Korean and English. */
static ltext S_ko_en(const char *ko, const char *en)
{
    ltext t = {0};
    ltext_set1(&t, "ko", ko);
    t.values = xreallocarray(t.values, 2, sizeof *t.values);
    t.values[1] = (ltext_value){xstrdup("en"), xstrdup(en)};
    t.n = 2;
    return t;
}

/* One procedure on one attribute, every text in Korean and English; the source in any. */
static procedure_data *S_bilingual_new(void)
{
    procedure_data *d = xcalloc(1, sizeof *d);
    d->file = xstrdup("content/data/procedures.yaml");
    d->lang = xstrdup("ko");
    d->n_attributes = 1;
    d->attributes = xcalloc(1, sizeof *d->attributes);
    d->attributes[0].id = xstrdup("recovery");
    d->attributes[0].label = S_ko_en("일상 복귀", "Return to daily life");
    d->n_procedures = 1;
    d->procedures = xcalloc(1, sizeof *d->procedures);
    procedure *p = &d->procedures[0];
    p->id = xstrdup("thread-lift");
    p->name = S_ko_en("실리프팅", "Thread lift");
    p->values = xcalloc(1, sizeof *p->values);
    p->values[0].text = S_ko_en("며칠", "A few days");
    p->values[0].note = S_ko_en("사람마다 달라요", "Varies with the person");
    p->values[0].source = S_any("Clinic audit 2025");
    return d;
}

/* The table is in the page's language; the caption is the block's, as written. */
static void test_render_in_the_page_language(void **state)
{
    (void)state;
    procedure_data *d = S_bilingual_new();
    compare_spec *spec = compare_spec_all(d, "Caption as written");
    static const char *const langs[][2] = {
        {"ko", "<caption id=\"t-caption\">Caption as written</caption>"
               "<thead><tr><td class=\"comparison-corner\"/>"
               "<th scope=\"col\">실리프팅</th></tr></thead>"
               "<tbody><tr><th scope=\"row\">일상 복귀</th>"
               /* tu_dump writes attributes in ASCII */
               "<td data-label=\"&#xC2E4;&#xB9AC;&#xD504;&#xD305;\">며칠"},
        {"en", "<caption id=\"t-caption\">Caption as written</caption>"
               "<thead><tr><td class=\"comparison-corner\"/>"
               "<th scope=\"col\">Thread lift</th></tr></thead>"
               "<tbody><tr><th scope=\"row\">Return to daily life</th>"
               "<td data-label=\"Thread lift\">A few days"},
        /* A language the data has no text in: the default language's. */
        {"fr", "<caption id=\"t-caption\">Caption as written</caption>"
               "<thead><tr><td class=\"comparison-corner\"/>"
               "<th scope=\"col\">실리프팅</th></tr></thead>"
               "<tbody><tr><th scope=\"row\">일상 복귀</th>"
               /* tu_dump writes attributes in ASCII */
               "<td data-label=\"&#xC2E4;&#xB9AC;&#xD504;&#xD305;\">며칠"},
    };
    static const char *const notes[] = {
        "<li id=\"t-note-1\">사람마다 달라요 <span class=\"comparison-source\">Clinic audit "
        "2025</span> <a href=\"#t-ref-1\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>",
        "<li id=\"t-note-1\">Varies with the person <span class=\"comparison-source\">Clinic "
        "audit 2025</span> <a href=\"#t-ref-1\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>",
        "<li id=\"t-note-1\">사람마다 달라요 <span class=\"comparison-source\">Clinic audit "
        "2025</span> <a href=\"#t-ref-1\" class=\"comparison-note-back\">\xE2\x86\x91</a></li>",
    };
    for (size_t i = 0; i < 3; i++) {
        xmlNodePtr wrap = compare_render(d, spec, langs[i][0], "t", false, NULL, NULL);
        char *got = tu_dump(NULL, wrap);
        if (!strstr(got, langs[i][1]) || !strstr(got, notes[i]))
            fprintf(stderr, "%s: %s\n", langs[i][0], got);
        assert_non_null(strstr(got, langs[i][1]));
        assert_non_null(strstr(got, notes[i]));
        free(got);
        xmlFreeNode(wrap);
    }
    compare_spec_free(spec);
    free(d->lang);
    S_data_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_comma_list),
        cmocka_unit_test(test_parse_yaml_list),
        cmocka_unit_test(test_attributes_omitted_means_all),
        cmocka_unit_test(test_spec_all),
        cmocka_unit_test(test_unknown_procedure_did_you_mean),
        cmocka_unit_test(test_unknown_procedure_column_offset),
        cmocka_unit_test(test_unknown_procedure_in_yaml_list),
        cmocka_unit_test(test_unknown_procedure_without_suggestion),
        cmocka_unit_test(test_unknown_attribute),
        cmocka_unit_test(test_duplicate_procedure),
        cmocka_unit_test(test_duplicate_attribute),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_unknown_key),
        cmocka_unit_test(test_missing_caption),
        cmocka_unit_test(test_empty_caption),
        cmocka_unit_test(test_missing_procedures),
        cmocka_unit_test(test_empty_procedures),
        cmocka_unit_test(test_empty_entry),
        cmocka_unit_test(test_not_a_mapping),
        cmocka_unit_test(test_invalid_yaml),
        cmocka_unit_test(test_malformed_first_line_reported_on_it),
        cmocka_unit_test(test_empty_attributes),
        cmocka_unit_test(test_missing_value_for_compared_attribute),
        cmocka_unit_test(test_missing_value_in_yaml_list),
        cmocka_unit_test(test_every_error_reported),
        cmocka_unit_test(test_render_structure),
        cmocka_unit_test(test_render_notes_numbered_in_reading_order),
        cmocka_unit_test(test_render_em_dash_for_missing_value),
        cmocka_unit_test(test_render_source_citations),
        cmocka_unit_test(test_render_procedure_anchors_and_hrefs),
        cmocka_unit_test(test_render_without_notes_has_no_list),
        cmocka_unit_test(test_render_in_the_page_language),
    };
    return cmocka_run_group_tests_name("compare", tests, S_setup, S_teardown);
}
