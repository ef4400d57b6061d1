/* test_yamldoc.c: YAML documents with file positions and checked reads (yamldoc.h). */
#include "testutil.h"

#include "content/yamldoc.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static ydoc *S_load(const char *text, diag_list *l)
{
    ydoc *doc = ydoc_load("f.yaml", text, strlen(text), 0, 0, l);
    assert_non_null(doc);
    return doc;
}

/* Load text (which must be invalid) and assert the one diagnostic it gives. */
static void S_assert_invalid(const char *text, unsigned line_offset, unsigned column_offset,
                             const char *want)
{
    diag_list *l = diag_list_new();
    ydoc *doc = ydoc_load("f.yaml", text, strlen(text), line_offset, column_offset, l);
    assert_null(doc);
    assert_int_equal(diag_count(l), 1);
    assert_int_equal(diag_error_count(l), 1);
    tu_expect_diag(l, 0, want);
    diag_list_free(l);
}

static void test_empty_document(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = ydoc_load("content/site.yaml", "", 0, 0, 0, l);
    assert_non_null(doc);
    assert_null(ydoc_root(doc));
    assert_string_equal(ydoc_file(doc), "content/site.yaml");
    assert_int_equal(diag_count(l), 0);
    assert_int_equal(ydoc_error_count(doc), 0);
    ydoc_free(doc);
    ydoc_free(NULL);
    /* A comment only is an empty document too. */
    doc = S_load("# nothing yet\n", l);
    assert_null(ydoc_root(doc));
    assert_int_equal(diag_count(l), 0);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_text_need_not_outlive_doc(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    char *text = xstrdup("title: Thread lift\n");
    char *file = xstrdup("a.md");
    ydoc *doc = ydoc_load(file, text, strlen(text), 0, 0, l);
    memset(text, 'x', strlen(text));
    free(text);
    free(file);
    assert_non_null(doc);
    assert_string_equal(ydoc_file(doc), "a.md");
    assert_string_equal(ydoc_scalar(ydoc_map_get(doc, ydoc_root(doc), "title")), "Thread lift");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_positions(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    const char *text = "title: Thread lift\n"
                       "topics:\n"
                       "  - anatomy\n"
                       "  - thread-lift\n"
                       "values: {incision: none}\n";
    ydoc *doc = S_load(text, l);
    yaml_node_t *root = ydoc_root(doc);
    assert_int_equal(ydoc_line(doc, root), 1);
    assert_int_equal(ydoc_column(doc, root), 1);
    yaml_node_t *k = ydoc_map_key(doc, root, 1);
    assert_string_equal(ydoc_scalar(k), "topics");
    assert_int_equal(ydoc_line(doc, k), 2);
    assert_int_equal(ydoc_column(doc, k), 1);
    yaml_node_t *topics = ydoc_map_get(doc, root, "topics");
    yaml_node_t *second = ydoc_seq_item(doc, topics, 1);
    assert_string_equal(ydoc_scalar(second), "thread-lift");
    assert_int_equal(ydoc_line(doc, second), 4);
    assert_int_equal(ydoc_column(doc, second), 5);
    yaml_node_t *title = ydoc_map_get(doc, root, "title");
    assert_int_equal(ydoc_line(doc, title), 1);
    assert_int_equal(ydoc_column(doc, title), 8);
    yaml_node_t *values = ydoc_map_get(doc, root, "values");
    assert_int_equal(ydoc_line(doc, values), 5);
    assert_int_equal(ydoc_column(doc, values), 9);
    yaml_node_t *incision = ydoc_map_get(doc, values, "incision");
    assert_int_equal(ydoc_line(doc, incision), 5);
    assert_int_equal(ydoc_column(doc, incision), 20);
    /* No node: the file's start. */
    assert_int_equal(ydoc_line(doc, NULL), 1);
    assert_int_equal(ydoc_column(doc, NULL), 1);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_positions_with_offsets(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    /* The body of a fenced block that starts on line 13, indented by 4 columns. */
    const char *text = "procedures: thread-lift, mini-lift\n"
                       "caption: Side by side\n";
    ydoc *doc = ydoc_load("content/articles/a.md", text, strlen(text), 12, 4, l);
    assert_non_null(doc);
    yaml_node_t *root = ydoc_root(doc);
    assert_int_equal(ydoc_line(doc, root), 13);
    assert_int_equal(ydoc_column(doc, root), 5);
    yaml_node_t *cap = ydoc_map_get(doc, root, "caption");
    assert_int_equal(ydoc_line(doc, cap), 14);
    assert_int_equal(ydoc_column(doc, cap), 14);
    ydoc_error(doc, cap, "caption '%s' is too short", ydoc_scalar(cap));
    tu_expect_diag(l, 0, "content/articles/a.md:14:14: error: caption 'Side by side' is too short");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_error_at_node_and_file_start(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = ydoc_load("a.md", "a: 1\nb: two\n", 12, 1, 0, l);
    assert_non_null(doc);
    yaml_node_t *b = ydoc_map_get(doc, ydoc_root(doc), "b");
    ydoc_error(doc, b, "'%s' is wrong", "b");
    ydoc_error(doc, NULL, "something is missing");
    assert_int_equal(diag_count(l), 2);
    assert_int_equal(diag_error_count(l), 2);
    tu_expect_diag(l, 0, "a.md:3:4: error: 'b' is wrong");
    tu_expect_diag(l, 1, "a.md:1:1: error: something is missing");
    assert_null(diag_get(l, 0)->category);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_error_at_position_with_category(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    /* Positions are the file's: the offsets are not added again. */
    ydoc *doc = ydoc_load("a.md", "a: 1\n", 5, 12, 4, l);
    assert_non_null(doc);
    ydoc_error_at(doc, 14, 9, "compare", "unknown procedure '%s'", "mini-lfit");
    ydoc_error_at(doc, 1, 1, NULL, "no category");
    tu_expect_diag(l, 0, "a.md:14:9: error: unknown procedure 'mini-lfit' [compare]");
    tu_expect_diag(l, 1, "a.md:1:1: error: no category");
    assert_int_equal(ydoc_error_count(doc), 2);
    ydoc_free(doc);
    diag_list_free(l);
}

/*
 * A document counts the errors reported through it, and only those: errors another
 * document or anything else adds to the same list, on the same thread, do not count.
 */
static void test_error_count_is_the_documents_own(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("title: 7\ntopics: x\ndraft: maybe\n", l);
    ydoc *other = S_load("a: 1\n", l);
    yaml_node_t *root = ydoc_root(doc);
    assert_int_equal(ydoc_error_count(doc), 0);
    diag_error(l, "elsewhere.md", 1, 1, NULL, "not the document's");
    ydoc_error(other, NULL, "the other document's");
    assert_int_equal(ydoc_error_count(doc), 0);
    assert_int_equal(ydoc_error_count(other), 1);
    /* Every way of reporting counts: checked reads, key checks, errors at nodes. */
    assert_non_null(ydoc_expect_string(doc, ydoc_map_get(doc, root, "title"), "'title'"));
    assert_int_equal(ydoc_error_count(doc), 0);
    assert_false(ydoc_expect_seq(doc, ydoc_map_get(doc, root, "topics"), "'topics'"));
    bool draft;
    assert_false(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "draft"), "'draft'", &draft));
    static const char *const keys[] = {"title", "topics", NULL};
    assert_false(ydoc_check_keys(doc, root, keys, "the front matter"));
    ydoc_error(doc, root, "one more");
    assert_int_equal(ydoc_error_count(doc), 4);
    assert_int_equal(diag_error_count(l), 6);
    ydoc_free(other);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_navigation(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("a: 1\nb: [x, y, z]\nc: {d: e}\n", l);
    yaml_node_t *root = ydoc_root(doc);
    assert_int_equal(ydoc_len(root), 3);
    assert_string_equal(ydoc_scalar(ydoc_map_key(doc, root, 0)), "a");
    assert_string_equal(ydoc_scalar(ydoc_map_value(doc, root, 0)), "1");
    assert_string_equal(ydoc_scalar(ydoc_map_key(doc, root, 2)), "c");
    assert_null(ydoc_map_key(doc, root, 3));
    assert_null(ydoc_map_value(doc, root, 3));
    assert_null(ydoc_map_get(doc, root, "missing"));
    assert_null(ydoc_map_get(doc, NULL, "a"));

    yaml_node_t *b = ydoc_map_get(doc, root, "b");
    assert_int_equal(b->type, YAML_SEQUENCE_NODE);
    assert_int_equal(ydoc_len(b), 3);
    assert_string_equal(ydoc_scalar(ydoc_seq_item(doc, b, 0)), "x");
    assert_string_equal(ydoc_scalar(ydoc_seq_item(doc, b, 2)), "z");
    assert_null(ydoc_seq_item(doc, b, 3));
    assert_null(ydoc_scalar(b));
    /* Sequence accessors on a mapping and mapping accessors on a sequence give NULL. */
    assert_null(ydoc_seq_item(doc, root, 0));
    assert_null(ydoc_map_key(doc, b, 0));
    assert_null(ydoc_map_value(doc, b, 0));
    assert_null(ydoc_map_get(doc, b, "x"));

    yaml_node_t *c = ydoc_map_get(doc, root, "c");
    assert_int_equal(ydoc_len(c), 1);
    assert_string_equal(ydoc_scalar(ydoc_map_get(doc, c, "d")), "e");
    /* Scalars and nothing have no length. */
    assert_int_equal(ydoc_len(ydoc_map_get(doc, root, "a")), 0);
    assert_int_equal(ydoc_len(NULL), 0);
    assert_null(ydoc_scalar(NULL));
    assert_int_equal(diag_count(l), 0);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_is_null(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: \"null\"\ng: ''\n"
                       "h: nil\ni: [ ]\nj: 0\nk: '~'\n",
                       l);
    yaml_node_t *root = ydoc_root(doc);
    assert_true(ydoc_is_null(NULL));
    assert_true(ydoc_is_null(ydoc_map_get(doc, root, "a")));
    assert_true(ydoc_is_null(ydoc_map_get(doc, root, "b")));
    assert_true(ydoc_is_null(ydoc_map_get(doc, root, "c")));
    assert_true(ydoc_is_null(ydoc_map_get(doc, root, "d")));
    assert_true(ydoc_is_null(ydoc_map_get(doc, root, "e")));
    assert_false(ydoc_is_null(ydoc_map_get(doc, root, "f")));
    assert_false(ydoc_is_null(ydoc_map_get(doc, root, "g")));
    assert_false(ydoc_is_null(ydoc_map_get(doc, root, "h")));
    assert_false(ydoc_is_null(ydoc_map_get(doc, root, "i")));
    assert_false(ydoc_is_null(ydoc_map_get(doc, root, "j")));
    assert_false(ydoc_is_null(ydoc_map_get(doc, root, "k")));
    assert_false(ydoc_is_null(root));
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_invalid_yaml_flow_sequence(void **state)
{
    (void)state;
    /* At the bracket left open, not where libyaml gave up. */
    S_assert_invalid("title: [unclosed\n", 0, 0,
                     "f.yaml:1:8: error: invalid YAML: a list in [ ] is not closed, or a comma "
                     "is missing between its items; close it with ']' and separate the items "
                     "with commas (did not find expected ',' or ']' while parsing a flow "
                     "sequence) [yaml]");
    S_assert_invalid("a: {b: 1\n", 0, 0,
                     "f.yaml:1:4: error: invalid YAML: a mapping in { } is not closed, or a "
                     "comma is missing between its entries; close it with '}' and separate the "
                     "entries with commas (did not find expected ',' or '}' while parsing a "
                     "flow mapping) [yaml]");
}

/* A tab that indents a line inside a value. */
static void test_invalid_yaml_tab_indent(void **state)
{
    (void)state;
    S_assert_invalid("a: b\n\tc: d\n", 0, 0,
                     "f.yaml:2:1: error: invalid YAML: a tab indents this line; YAML indents "
                     "with spaces only, so replace the tab with spaces (found a tab character "
                     "that violates indentation while scanning a plain scalar) [yaml]");
}

/* A text a Korean writer wrote: the same mistakes, told in Korean, libyaml's words kept in
 * parentheses; and the document's own messages in Korean afterwards. */
static void test_invalid_yaml_in_korean(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    static const char *const bad[] = {"title: [a\n", "a: b\n\tc: d\n", "a: 'b\n"};
    for (size_t i = 0; i < 3; i++)
        assert_null(ydoc_load_in("ko.md", bad[i], strlen(bad[i]), 1, 0, true, l));
    static const char two[] = "a: 1\n---\nb: 2\n";
    ydoc *doc = ydoc_load_in("ko.md", two, strlen(two), 1, 0, true, l);
    assert_non_null(doc);
    assert_true(ydoc_korean(doc));
    ydoc_free(doc);
    tu_expect_diag(l, 0, "ko.md:2:8: error: YAML 형식 오류: [ ]로 쓴 목록이 닫히지 않았거나 "
                         "항목 사이에 쉼표가 빠졌습니다. ']'로 닫고 항목은 쉼표로 구분해 "
                         "주십시오(did not find expected ',' or ']' while parsing a flow "
                         "sequence) [yaml]");
    tu_expect_diag(l, 1, "ko.md:3:1: error: YAML 형식 오류: 이 줄이 탭으로 들여쓰여 있습니다. "
                         "YAML은 스페이스로만 들여쓰니 탭을 스페이스로 바꿔 주십시오(found a tab "
                         "character that violates indentation while scanning a plain scalar) "
                         "[yaml]");
    tu_expect_diag(l, 3, "ko.md:3:1: error: 이 파일에는 두 번째 YAML 문서가 있는데, suture는 "
                         "그 부분을 읽지 않습니다. 그 위의 '---' 줄을 지워 주십시오 [yaml]");
    assert_int_equal(diag_count(l), 4);
    diag_list_free(l);
}

static void test_invalid_yaml_unclosed_quote(void **state)
{
    (void)state;
    /* Points at the opening quote, where the reader can fix it. */
    S_assert_invalid("a: 1\nb: \"open\n", 0, 0,
                     "f.yaml:2:4: error: invalid YAML: the text ends inside quotes or brackets; "
                     "close them (found unexpected end of stream while scanning a quoted "
                     "scalar) [yaml]");
}

static void test_invalid_yaml_tab(void **state)
{
    (void)state;
    S_assert_invalid("a:\n\tb: 1\n", 0, 0,
                     "f.yaml:2:1: error: invalid YAML: this character cannot start a value (a "
                     "tab, or a symbol such as @ or `); indent with spaces and put such text in "
                     "quotes (found character that cannot start any token while scanning for "
                     "the next token) [yaml]");
    S_assert_invalid("a: @x\n", 0, 0,
                     "f.yaml:1:4: error: invalid YAML: this character cannot start a value (a "
                     "tab, or a symbol such as @ or `); indent with spaces and put such text in "
                     "quotes (found character that cannot start any token while scanning for "
                     "the next token) [yaml]");
}

static void test_invalid_yaml_colon_in_value(void **state)
{
    (void)state;
    S_assert_invalid("title: Thread lift: how it works\n", 0, 0,
                     "f.yaml:1:19: error: invalid YAML: a ': ' appears where it cannot; put "
                     "text that contains ': ' in quotes, or fix the indentation (mapping values "
                     "are not allowed in this context) [yaml]");
    S_assert_invalid("a: 1\n  b: 2\n", 0, 0,
                     "f.yaml:2:4: error: invalid YAML: a ': ' appears where it cannot; put text "
                     "that contains ': ' in quotes, or fix the indentation (mapping values are "
                     "not allowed in this context) [yaml]");
}

static void test_invalid_yaml_missing_colon(void **state)
{
    (void)state;
    S_assert_invalid("a: 1\nb\nc: 2\n", 0, 0,
                     "f.yaml:2:1: error: invalid YAML: this line is not 'key: value'; add the "
                     "':' after the key, or join it to the line above (could not find expected "
                     "':' while scanning a simple key) [yaml]");
}

static void test_invalid_yaml_block_mapping(void **state)
{
    (void)state;
    S_assert_invalid("a: 1\n- b\n", 0, 0,
                     "f.yaml:2:1: error: invalid YAML: this line does not fit here; check its "
                     "indentation and that every quote is closed (did not find expected key "
                     "while parsing a block mapping) [yaml]");
    S_assert_invalid("- a\nb: 1\n", 0, 0,
                     "f.yaml:2:1: error: invalid YAML: did not find expected '-' indicator "
                     "while parsing a block collection; check the indentation (spaces, not "
                     "tabs), colons and quotes [yaml]");
}

static void test_invalid_yaml_undefined_alias(void **state)
{
    (void)state;
    S_assert_invalid("a: &x 1\nb: *y\n", 0, 0,
                     "f.yaml:2:4: error: invalid YAML: found undefined alias; check the "
                     "indentation (spaces, not tabs), colons and quotes [yaml]");
}

static void test_invalid_yaml_with_offsets(void **state)
{
    (void)state;
    /* Front matter starts on line 2; a fenced block may be indented. */
    S_assert_invalid("a: 1\n b: 2\n", 3, 2,
                     "f.yaml:5:5: error: invalid YAML: a ': ' appears where it cannot; put text "
                     "that contains ': ' in quotes, or fix the indentation (mapping values are "
                     "not allowed in this context) [yaml]");
    S_assert_invalid("title: x\nsummary: \"open\n", 1, 0,
                     "f.yaml:3:10: error: invalid YAML: the text ends inside quotes or "
                     "brackets; close them (found unexpected end of stream while scanning a "
                     "quoted scalar) [yaml]");
}

/* Bytes that are not UTF-8 are reported where they are, not at the start of the file. */
static void test_invalid_utf8_position(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    const char *text = "a: 1\nb: 2\nc: \xff\n";
    ydoc *doc = ydoc_load("f.yaml", text, strlen(text), 0, 0, l);
    /* Read everything out and free it first, so that a failure leaks nothing. */
    bool loaded = doc != NULL;
    ydoc_free(doc);
    size_t n = diag_count(l);
    diag copy = {0};
    if (n == 1)
        copy = *diag_get(l, 0);
    bool ok = !loaded && n == 1 && strcmp(copy.file, "f.yaml") == 0 && copy.category &&
              strcmp(copy.category, "yaml") == 0 &&
              str_starts_with(copy.message, "invalid YAML: ") && strstr(copy.message, "UTF-8");
    unsigned line = copy.line, column = copy.column;
    char *got = n == 1 ? diag_format(diag_get(l, 0)) : xstrdup("");
    diag_list_free(l);
    if (!ok || line != 3 || column != 4)
        print_error("got '%s'; wanted an invalid UTF-8 error at f.yaml:3:4\n", got);
    free(got);
    assert_true(ok);
    assert_int_equal(line, 3);
    assert_int_equal(column, 4);
}

static void test_expect_map(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("m: {a: 1}\ns: [1]\nv: text\nn: ~\n", l);
    yaml_node_t *root = ydoc_root(doc);
    assert_true(ydoc_expect_map(doc, ydoc_map_get(doc, root, "m"), "'m'"));
    assert_int_equal(diag_count(l), 0);
    assert_false(ydoc_expect_map(doc, ydoc_map_get(doc, root, "s"), "'s'"));
    assert_false(ydoc_expect_map(doc, ydoc_map_get(doc, root, "v"), "'v'"));
    assert_false(ydoc_expect_map(doc, ydoc_map_get(doc, root, "n"), "'n'"));
    assert_false(ydoc_expect_map(doc, NULL, "site.yaml"));
    assert_int_equal(diag_count(l), 4);
    tu_expect_diag(l, 0, "f.yaml:2:4: error: 's' must be a mapping of 'key: value' lines, but it "
                         "is a list");
    tu_expect_diag(l, 1, "f.yaml:3:4: error: 'v' must be a mapping of 'key: value' lines, but it "
                         "is a single value");
    tu_expect_diag(l, 2, "f.yaml:4:4: error: 'n' must be a mapping of 'key: value' lines, but it "
                         "is nothing");
    tu_expect_diag(l, 3, "f.yaml:1:1: error: site.yaml must be a mapping of 'key: value' lines, "
                         "but it is nothing");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_expect_seq(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("s: [a]\nb:\n  - x\nm: {a: 1}\nv: anatomy\nn:\n", l);
    yaml_node_t *root = ydoc_root(doc);
    assert_true(ydoc_expect_seq(doc, ydoc_map_get(doc, root, "s"), "'s'"));
    assert_true(ydoc_expect_seq(doc, ydoc_map_get(doc, root, "b"), "'b'"));
    assert_int_equal(diag_count(l), 0);
    assert_false(ydoc_expect_seq(doc, ydoc_map_get(doc, root, "m"), "'m'"));
    assert_false(ydoc_expect_seq(doc, ydoc_map_get(doc, root, "v"), "'v'"));
    assert_false(ydoc_expect_seq(doc, ydoc_map_get(doc, root, "n"), "'n'"));
    assert_int_equal(diag_count(l), 3);
    tu_expect_diag(l, 0, "f.yaml:4:4: error: 'm' must be a list, like [a, b] or lines starting "
                         "with '- ', but it is a mapping (key: value lines)");
    tu_expect_diag(l, 1, "f.yaml:5:4: error: 'v' must be a list, like [a, b] or lines starting "
                         "with '- ', but it is a single value");
    tu_expect_diag(l, 2, "f.yaml:6:3: error: 'n' must be a list, like [a, b] or lines starting "
                         "with '- ', but it is nothing");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_expect_string_ok(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("p: plain text\nq: \"quoted: yes\"\nr: |\n  line one\n  line two\n"
                       "s: 'null'\nt: 42\n",
                       l);
    yaml_node_t *root = ydoc_root(doc);
    assert_string_equal(ydoc_expect_string(doc, ydoc_map_get(doc, root, "p"), "'p'"),
                        "plain text");
    assert_string_equal(ydoc_expect_string(doc, ydoc_map_get(doc, root, "q"), "'q'"),
                        "quoted: yes");
    assert_string_equal(ydoc_expect_string(doc, ydoc_map_get(doc, root, "r"), "'r'"),
                        "line one\nline two\n");
    assert_string_equal(ydoc_expect_string(doc, ydoc_map_get(doc, root, "s"), "'s'"), "null");
    assert_string_equal(ydoc_expect_string(doc, ydoc_map_get(doc, root, "t"), "'t'"), "42");
    assert_int_equal(diag_count(l), 0);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_expect_string_errors(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("a: [x]\nb: {x: 1}\nc: ~\nd:\ne: \"\"\nf: \"  \\t \"\ng: \"x\\0y\"\n", l);
    yaml_node_t *root = ydoc_root(doc);
    const char *keys[] = {"a", "b", "c", "d", "e", "f", "g"};
    for (size_t i = 0; i < 7; i++) {
        char what[8];
        snprintf(what, sizeof what, "'%s'", keys[i]);
        assert_null(ydoc_expect_string(doc, ydoc_map_get(doc, root, keys[i]), what));
    }
    assert_null(ydoc_expect_string(doc, NULL, "'title'"));
    assert_int_equal(diag_count(l), 8);
    tu_expect_diag(l, 0, "f.yaml:1:4: error: 'a' must be a text value, but it is a list");
    tu_expect_diag(l, 1, "f.yaml:2:4: error: 'b' must be a text value, but it is a mapping (key: "
                         "value lines)");
    tu_expect_diag(l, 2, "f.yaml:3:4: error: 'c' must be a text value, but it is nothing");
    tu_expect_diag(l, 3, "f.yaml:4:3: error: 'd' must be a text value, but it is nothing");
    tu_expect_diag(l, 4, "f.yaml:5:4: error: 'e' is empty; write some text");
    tu_expect_diag(l, 5, "f.yaml:6:4: error: 'f' is empty; write some text");
    tu_expect_diag(l, 6, "f.yaml:7:4: error: 'g' contains a NUL character; remove it");
    tu_expect_diag(l, 7, "f.yaml:1:1: error: 'title' must be a text value, but it is nothing");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_expect_int(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("ok: 365\nlow: 0\nhigh: 3651\nneg: -5\nword: a year\nquoted: \"365\"\n"
                       "list: [1]\nfloat: 3.5\nnull: ~\nhuge: 99999999999999999999999\nmin: 1\n",
                       l);
    yaml_node_t *root = ydoc_root(doc);
    long v = 0;
    assert_true(ydoc_expect_int(doc, ydoc_map_get(doc, root, "ok"), "'ok'", 1, 3650, &v));
    assert_int_equal(v, 365);
    assert_true(ydoc_expect_int(doc, ydoc_map_get(doc, root, "min"), "'min'", 1, 3650, &v));
    assert_int_equal(v, 1);
    assert_int_equal(diag_count(l), 0);
    v = 77;
    assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, "low"), "'low'", 1, 3650, &v));
    assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, "high"), "'high'", 1, 3650, &v));
    assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, "neg"), "'neg'", 1, 3650, &v));
    assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, "word"), "'word'", 1, 3650, &v));
    assert_false(
        ydoc_expect_int(doc, ydoc_map_get(doc, root, "quoted"), "'quoted'", 1, 3650, &v));
    assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, "list"), "'list'", 1, 3650, &v));
    assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, "float"), "'float'", 1, 3650, &v));
    assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, "huge"), "'huge'", 1, 3650, &v));
    assert_false(ydoc_expect_int(doc, NULL, "'none'", 1, 3650, &v));
    assert_int_equal(v, 77); /* untouched on error */
    assert_int_equal(diag_count(l), 9);
    tu_expect_diag(l, 0, "f.yaml:2:6: error: 'low' must be between 1 and 3650, not 0");
    tu_expect_diag(l, 1, "f.yaml:3:7: error: 'high' must be between 1 and 3650, not 3651");
    tu_expect_diag(l, 2, "f.yaml:4:6: error: 'neg' must be between 1 and 3650, not -5");
    tu_expect_diag(l, 3, "f.yaml:5:7: error: 'word' must be a whole number, but it is 'a year'");
    tu_expect_diag(l, 4, "f.yaml:6:9: error: 'quoted' must be a whole number, but it is '365'");
    tu_expect_diag(l, 5, "f.yaml:7:7: error: 'list' must be a whole number, but it is a list");
    tu_expect_diag(l, 6, "f.yaml:8:8: error: 'float' must be a whole number, but it is '3.5'");
    tu_expect_diag(l, 7, "f.yaml:10:7: error: 'huge' must be a whole number, but it is "
                         "'99999999999999999999999'");
    tu_expect_diag(l, 8, "f.yaml:1:1: error: 'none' must be a whole number, but it is nothing");
    ydoc_free(doc);
    diag_list_free(l);
}

/* ydoc_set_korean: the generic messages in Korean, for a Korean writer's file; the ones the
 * front matter does not reach are here (test_frontmatter.c has the others). */
static void test_korean_messages(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("low: 0\nword: a year\nlist: [1]\nmap: [1]\nnul: \"a\\0b\"\n"
                       "twice: 1\ntwice: 2\n[k]: 1\n", l);
    ydoc_set_korean(doc, true);
    yaml_node_t *root = ydoc_root(doc);
    long v = 0;
    static const char *const keys[] = {"low", "word", "list", "map", "nul", "twice", NULL};
    for (size_t i = 0; i < 3; i++) {
        char *what = xasprintf("'%s'", keys[i]);
        assert_false(ydoc_expect_int(doc, ydoc_map_get(doc, root, keys[i]), what, 1,
                                     i ? 9 : 3650, &v));
        free(what);
    }
    assert_false(ydoc_expect_map(doc, ydoc_map_get(doc, root, "map"), "'map'"));
    assert_null(ydoc_expect_string(doc, ydoc_map_get(doc, root, "nul"), "'nul'"));
    assert_false(ydoc_check_keys(doc, root, keys, "이 파일"));
    static const char *const want[] = {
        "f.yaml:1:6: error: 'low'은(는) 1에서 3650 사이여야 합니다. 0은(는) 쓸 수 없습니다",
        "f.yaml:2:7: error: 'word'은(는) 정수여야 하는데 'a year'입니다",
        "f.yaml:3:7: error: 'list'은(는) 정수여야 하는데 목록입니다",
        "f.yaml:4:6: error: 'map'은(는) 'key: value' 줄로 된 매핑이어야 하는데 목록입니다",
        "f.yaml:5:6: error: 'nul'에 NUL 문자가 있습니다. 지워 주십시오",
        "f.yaml:7:1: error: 키 'twice'이(가) 이 파일에 두 번 있습니다. 하나만 남겨 주십시오",
        "f.yaml:8:1: error: 이 파일의 키는 평범한 낱말이어야 합니다",
    };
    assert_int_equal(diag_count(l), sizeof want / sizeof *want);
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        tu_expect_diag(l, i, want[i]);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_expect_bool(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("a: true\nb: false\nc: yes\nd: no\ne: True\nf: False\n"
                       "g: maybe\nh: \"true\"\ni: [true]\nj: 1\nk: TRUE\n",
                       l);
    yaml_node_t *root = ydoc_root(doc);
    bool v = false;
    assert_true(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "a"), "'a'", &v));
    assert_true(v);
    assert_true(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "b"), "'b'", &v));
    assert_false(v);
    assert_true(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "c"), "'c'", &v));
    assert_true(v);
    assert_true(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "d"), "'d'", &v));
    assert_false(v);
    assert_true(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "e"), "'e'", &v));
    assert_true(v);
    assert_true(ydoc_expect_bool(doc, ydoc_map_get(doc, root, "f"), "'f'", &v));
    assert_false(v);
    assert_int_equal(diag_count(l), 0);
    const char *bad[] = {"g", "h", "i", "j", "k"};
    for (size_t i = 0; i < 5; i++) {
        char what[16];
        snprintf(what, sizeof what, "'draft'");
        assert_false(ydoc_expect_bool(doc, ydoc_map_get(doc, root, bad[i]), what, &v));
    }
    assert_false(ydoc_expect_bool(doc, NULL, "'draft'", &v));
    assert_int_equal(diag_count(l), 6);
    tu_expect_diag(l, 0, "f.yaml:7:4: error: 'draft' must be true or false");
    tu_expect_diag(l, 1, "f.yaml:8:4: error: 'draft' must be true or false");
    tu_expect_diag(l, 2, "f.yaml:9:4: error: 'draft' must be true or false");
    tu_expect_diag(l, 3, "f.yaml:10:4: error: 'draft' must be true or false");
    tu_expect_diag(l, 4, "f.yaml:11:4: error: 'draft' must be true or false");
    tu_expect_diag(l, 5, "f.yaml:1:1: error: 'draft' must be true or false");
    ydoc_free(doc);
    diag_list_free(l);
}

static const char *const S_allowed[] = {"title", "summary", "topics", NULL};

static void test_check_keys_ok(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("title: a\nsummary: b\ntopics: [c]\n", l);
    assert_true(ydoc_check_keys(doc, ydoc_root(doc), S_allowed, "the front matter"));
    assert_int_equal(diag_count(l), 0);
    ydoc_free(doc);
    /* An empty mapping has nothing wrong. */
    doc = S_load("{}\n", l);
    assert_true(ydoc_check_keys(doc, ydoc_root(doc), S_allowed, "the front matter"));
    assert_int_equal(diag_count(l), 0);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_check_keys_unknown_with_suggestion(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("titel: a\nsummary: b\n", l);
    assert_false(ydoc_check_keys(doc, ydoc_root(doc), S_allowed, "the front matter"));
    assert_int_equal(diag_count(l), 1);
    tu_expect_diag(l, 0, "f.yaml:1:1: error: unknown key 'titel' in the front matter; did you "
                         "mean 'title'?");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_check_keys_unknown_without_suggestion(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("title: a\n  # comment\nauthor: b\n", l);
    assert_false(ydoc_check_keys(doc, ydoc_root(doc), S_allowed, "the front matter"));
    assert_int_equal(diag_count(l), 1);
    tu_expect_diag(l, 0, "f.yaml:3:1: error: unknown key 'author' in the front matter; the keys "
                         "allowed are: title, summary, topics");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_check_keys_duplicate(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("title: a\nsummary: b\ntitle: c\n", l);
    assert_false(ydoc_check_keys(doc, ydoc_root(doc), S_allowed, "site.yaml"));
    assert_int_equal(diag_count(l), 1);
    tu_expect_diag(l, 0, "f.yaml:3:1: error: duplicate key 'title' in site.yaml; keep only one");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_check_keys_not_a_word(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("title: a\n? [x, y]\n: z\n", l);
    assert_false(ydoc_check_keys(doc, ydoc_root(doc), S_allowed, "a topic"));
    assert_int_equal(diag_count(l), 1);
    tu_expect_diag(l, 0, "f.yaml:2:3: error: a key in a topic must be a plain word");
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_check_keys_reports_every_mistake(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("sumary: a\ntitle: b\ntopic: c\ntitle: d\n", l);
    assert_false(ydoc_check_keys(doc, ydoc_root(doc), S_allowed, "the front matter"));
    assert_int_equal(diag_count(l), 3);
    tu_expect_diag(l, 0, "f.yaml:1:1: error: unknown key 'sumary' in the front matter; did you "
                         "mean 'summary'?");
    tu_expect_diag(l, 1, "f.yaml:3:1: error: unknown key 'topic' in the front matter; did you "
                         "mean 'topics'?");
    tu_expect_diag(l, 2, "f.yaml:4:1: error: duplicate key 'title' in the front matter; keep only "
                         "one");
    ydoc_free(doc);
    diag_list_free(l);
}

/* A second document after '---' would be dropped silently: it is an error. */
static void test_second_document_rejected(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    const char *text = "a: 1\n---\nb: 2\n";
    ydoc *doc = ydoc_load("f.yaml", text, strlen(text), 0, 0, l);
    assert_non_null(doc);
    assert_int_equal(diag_error_count(l), 1);
    assert_int_equal(ydoc_error_count(doc), 1);
    tu_expect_diag(l, 0, "f.yaml:2:1: error: this file holds a second YAML document, which "
                         "suture would ignore; remove the '---' line above it [yaml]");
    ydoc_free(doc);
    diag_list_free(l);
}

/* ---- whole files, roots, lists of entries, ids ---- */

static void test_load_block(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    /* A block body that starts on line 13 of the article, indented by 4 columns. */
    const char *text = "procedures: thread-lift\n"
                       "# a comment\n"
                       "\n"
                       "attributes:\n"
                       "- recovery\n"
                       "caption: Side by side\n";
    ydoc *doc = ydoc_load_block("a.md", text, strlen(text), 13, 5, "compare", false, l);
    assert_non_null(doc);
    assert_int_equal(diag_count(l), 0);
    yaml_node_t *p = ydoc_map_get(doc, ydoc_root(doc), "procedures");
    assert_int_equal(ydoc_line(doc, p), 13);
    assert_int_equal(ydoc_column(doc, p), 17);
    ydoc_free(doc);
    /* Each line without a ':' is reported at its own line, and nothing is loaded. */
    text = "caption Side by side\n"
           "procedures: a\n"
           "consent full\n";
    assert_null(ydoc_load_block("a.md", text, strlen(text), 13, 5, "before-after", false, l));
    assert_int_equal(diag_count(l), 2);
    tu_expect_diag(l, 0, "a.md:13:5: error: this line is not 'key: value'; add the ':' after "
                         "the key [before-after]");
    tu_expect_diag(l, 1, "a.md:15:5: error: this line is not 'key: value'; add the ':' after "
                         "the key [before-after]");
    /* Lines that pass can still be invalid YAML: ydoc_load's error, at the file's place. */
    text = "caption: [a\n";
    assert_null(ydoc_load_block("a.md", text, strlen(text), 13, 5, "compare", false, l));
    assert_int_equal(diag_count(l), 3);
    /* At the bracket left open. */
    assert_int_equal(diag_get(l, 2)->line, 13);
    assert_int_equal(diag_get(l, 2)->column, 14);
    assert_string_equal(diag_get(l, 2)->category, "yaml");
    diag_list_free(l);
}

static int S_setup_file(void **state)
{
    return tu_fixture_setup(state, "yamldoc", "data.yaml");
}

static void test_load_file(void **state)
{
    tu_fixture *f = *state;
    tu_fixture_write(f, "title: Lifting\n");
    bool absent = true;
    ydoc *doc = ydoc_load_file(f->path, NULL, "the site settings", &absent, f->diags);
    assert_non_null(doc);
    assert_false(absent);
    assert_string_equal(ydoc_file(doc), f->path);
    assert_string_equal(ydoc_scalar(ydoc_map_get(doc, ydoc_root(doc), "title")), "Lifting");
    assert_int_equal(diag_count(f->diags), 0);
    ydoc_free(doc);
    /* Not valid YAML: ydoc_load's error, with the file's positions. */
    tu_fixture_write(f, "title: [a\n");
    assert_null(ydoc_load_file(f->path, NULL, "the site settings", &absent, f->diags));
    assert_false(absent);
    assert_int_equal(diag_error_count(f->diags), 1);
    tu_fixture_diag(f, 0, ":1:8: error: invalid YAML: a list in [ ] is not closed, or a comma "
                          "is missing between its items; close it with ']' and separate the "
                          "items with commas (did not find expected ',' or ']' while parsing a "
                          "flow sequence) [yaml]");
}

static void test_load_file_absent(void **state)
{
    tu_fixture *f = *state;
    /* May be left out: no error. */
    bool absent = false;
    assert_null(ydoc_load_file(f->path, NULL, "the glossary", &absent, f->diags));
    assert_true(absent);
    assert_int_equal(diag_count(f->diags), 0);
    /* Required: an error on the whole file, with the category given. */
    assert_null(ydoc_load_file(f->path, "rules", "the compliance rules", NULL, f->diags));
    tu_fixture_diag(f, 0, ": error: cannot read the compliance rules: No such file or "
                          "directory [rules]");
    /* A symbolic link to nothing is never "left out". */
    assert_int_equal(symlink("gone.yaml", f->path), 0);
    assert_null(ydoc_load_file(f->path, NULL, "the glossary", &absent, f->diags));
    assert_false(absent);
    tu_fixture_diag(f, 1, ": error: this is a symbolic link to 'gone.yaml', which does not "
                          "exist; suture reads only regular files: remove the link or replace "
                          "it with the glossary");
}

static void test_load_file_not_a_file(void **state)
{
    tu_fixture *f = *state;
    assert_int_equal(mkdir_p(f->path), 0);
    bool absent = true;
    assert_null(ydoc_load_file(f->path, NULL, "the procedure data", &absent, f->diags));
    assert_false(absent);
    tu_fixture_diag(f, 0, ": error: this is a folder, not a file; suture reads only regular "
                          "files: remove it or replace it with the procedure data");
}

static void test_root_map(void **state)
{
    (void)state;
    static const char *const keys[] = {"title", "topics", NULL};
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("title: a\ntitel: b\n", l);
    yaml_node_t *root = ydoc_root_map(doc, keys, "site.yaml", NULL, false);
    /* The keys are checked, and a wrong one does not lose the mapping. */
    assert_ptr_equal(root, ydoc_root(doc));
    assert_int_equal(diag_count(l), 1);
    tu_expect_diag(l, 0, "f.yaml:2:1: error: unknown key 'titel' in site.yaml; did you mean "
                         "'title'?");
    ydoc_free(doc);
    /* Not a mapping: ydoc_expect_map's words, or the caller's. */
    doc = S_load("- a\n- b\n", l);
    assert_null(ydoc_root_map(doc, keys, "site.yaml", NULL, false));
    tu_expect_diag(l, 1, "f.yaml:1:1: error: site.yaml must be a mapping of 'key: value' "
                         "lines, but it is a list");
    assert_null(ydoc_root_map(doc, keys, "the rules", "the rules must start with 'rules:'",
                              true));
    tu_expect_diag(l, 2, "f.yaml:1:1: error: the rules must start with 'rules:'");
    assert_int_equal(ydoc_error_count(doc), 2);
    ydoc_free(doc);
    /* Empty: fine when allowed, else the same mistake. */
    doc = S_load("# nothing yet\n", l);
    assert_null(ydoc_root_map(doc, keys, "glossary.yaml", NULL, true));
    assert_int_equal(ydoc_error_count(doc), 0);
    assert_null(ydoc_root_map(doc, keys, "site.yaml", NULL, false));
    tu_expect_diag(l, 3, "f.yaml:1:1: error: site.yaml must be a mapping of 'key: value' "
                         "lines, but it is nothing");
    assert_null(ydoc_root_map(doc, keys, "the front matter", "the front matter must be 'key: "
                                                             "value' lines",
                              false));
    tu_expect_diag(l, 4, "f.yaml:1:1: error: the front matter must be 'key: value' lines");
    assert_int_equal(diag_count(l), 5);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_require_seq(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("terms:\n  - a\n  - b\nnone: []\nword: x\n", l);
    yaml_node_t *root = ydoc_root(doc);
    yaml_node_t *terms = ydoc_require_seq(doc, root, "terms", "no terms");
    assert_non_null(terms);
    assert_int_equal(ydoc_len(terms), 2);
    /* An empty list is a list. */
    yaml_node_t *none = ydoc_require_seq(doc, root, "none", "no none");
    assert_non_null(none);
    assert_int_equal(ydoc_len(none), 0);
    assert_int_equal(diag_count(l), 0);
    assert_null(ydoc_require_seq(doc, root, "word", "no word"));
    tu_expect_diag(l, 0, "f.yaml:5:7: error: 'word' must be a list, like [a, b] or lines "
                         "starting with '- ', but it is a single value");
    assert_null(ydoc_require_seq(doc, root, "rules", "the file has no 'rules:' list"));
    tu_expect_diag(l, 1, "f.yaml:1:1: error: the file has no 'rules:' list");
    assert_int_equal(ydoc_error_count(doc), 2);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_expect_entry(void **state)
{
    (void)state;
    static const char *const keys[] = {"id", "title", NULL};
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("- {id: a, title: A}\n- {id: b, colour: red}\n- just text\n", l);
    yaml_node_t *list = ydoc_root(doc);
    assert_true(ydoc_expect_entry(doc, ydoc_seq_item(doc, list, 0), "each topic", keys,
                                  "a topic"));
    assert_int_equal(diag_count(l), 0);
    /* An unknown key is reported, but the entry is still a mapping to read. */
    assert_true(ydoc_expect_entry(doc, ydoc_seq_item(doc, list, 1), "each topic", keys,
                                  "a topic"));
    tu_expect_diag(l, 0, "f.yaml:2:11: error: unknown key 'colour' in a topic; the keys "
                         "allowed are: id, title");
    assert_false(ydoc_expect_entry(doc, ydoc_seq_item(doc, list, 2), "each topic", keys,
                                   "a topic"));
    tu_expect_diag(l, 1, "f.yaml:3:3: error: each topic must be a mapping of 'key: value' "
                         "lines, but it is a single value");
    assert_int_equal(ydoc_error_count(doc), 2);
    ydoc_free(doc);
    diag_list_free(l);
}

static void test_expect_id(void **state)
{
    (void)state;
    diag_list *l = diag_list_new();
    ydoc *doc = S_load("- id: thread-lift\n"
                       "- name: no id\n"
                       "- id: Thread Lift\n"
                       "- id: [a, b]\n"
                       "- id: ''\n",
                       l);
    yaml_node_t *list = ydoc_root(doc);
    yaml_node_t *at = NULL;
    const char *missing = "this procedure has no 'id'; add one, like 'id: thread-lift'";
    const char *id = ydoc_expect_id(doc, ydoc_seq_item(doc, list, 0), "a procedure's 'id'",
                                    missing, "procedure", &at);
    assert_string_equal(id, "thread-lift");
    assert_non_null(at);
    assert_int_equal(ydoc_line(doc, at), 1);
    assert_int_equal(ydoc_column(doc, at), 7);
    assert_int_equal(diag_count(l), 0);
    assert_null(ydoc_expect_id(doc, ydoc_seq_item(doc, list, 1), "a procedure's 'id'", missing,
                               "procedure", &at));
    assert_null(at);
    tu_expect_diag(l, 0, "f.yaml:2:3: error: this procedure has no 'id'; add one, like 'id: "
                         "thread-lift'");
    assert_null(ydoc_expect_id(doc, ydoc_seq_item(doc, list, 2), "a procedure's 'id'", missing,
                               "procedure", &at));
    assert_int_equal(ydoc_line(doc, at), 3);
    tu_expect_diag(l, 1, "f.yaml:3:7: error: procedure id 'Thread Lift' may use only "
                         "lower-case letters, digits and hyphens");
    assert_null(ydoc_expect_id(doc, ydoc_seq_item(doc, list, 3), "a procedure's 'id'", missing,
                               "procedure", NULL));
    tu_expect_diag(l, 2, "f.yaml:4:7: error: a procedure's 'id' must be a text value, but it "
                         "is a list");
    assert_null(ydoc_expect_id(doc, ydoc_seq_item(doc, list, 4), "'id'", missing, "the rule",
                               NULL));
    tu_expect_diag(l, 3, "f.yaml:5:7: error: 'id' is empty; write some text");
    assert_int_equal(diag_count(l), 4);
    assert_int_equal(ydoc_error_count(doc), 4);
    ydoc_free(doc);
    diag_list_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_document),
        cmocka_unit_test(test_text_need_not_outlive_doc),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_positions_with_offsets),
        cmocka_unit_test(test_error_at_node_and_file_start),
        cmocka_unit_test(test_error_at_position_with_category),
        cmocka_unit_test(test_error_count_is_the_documents_own),
        cmocka_unit_test(test_navigation),
        cmocka_unit_test(test_is_null),
        cmocka_unit_test(test_invalid_yaml_flow_sequence),
        cmocka_unit_test(test_invalid_yaml_tab_indent),
        cmocka_unit_test(test_invalid_yaml_in_korean),
        cmocka_unit_test(test_invalid_yaml_unclosed_quote),
        cmocka_unit_test(test_invalid_yaml_tab),
        cmocka_unit_test(test_invalid_yaml_colon_in_value),
        cmocka_unit_test(test_invalid_yaml_missing_colon),
        cmocka_unit_test(test_invalid_yaml_block_mapping),
        cmocka_unit_test(test_invalid_yaml_undefined_alias),
        cmocka_unit_test(test_invalid_yaml_with_offsets),
        cmocka_unit_test(test_invalid_utf8_position),
        cmocka_unit_test(test_second_document_rejected),
        cmocka_unit_test(test_expect_map),
        cmocka_unit_test(test_expect_seq),
        cmocka_unit_test(test_expect_string_ok),
        cmocka_unit_test(test_expect_string_errors),
        cmocka_unit_test(test_expect_int),
        cmocka_unit_test(test_korean_messages),
        cmocka_unit_test(test_expect_bool),
        cmocka_unit_test(test_check_keys_ok),
        cmocka_unit_test(test_check_keys_unknown_with_suggestion),
        cmocka_unit_test(test_check_keys_unknown_without_suggestion),
        cmocka_unit_test(test_check_keys_duplicate),
        cmocka_unit_test(test_check_keys_not_a_word),
        cmocka_unit_test(test_check_keys_reports_every_mistake),
        cmocka_unit_test_setup_teardown(test_load_file, S_setup_file, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_load_file_absent, S_setup_file, tu_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_load_file_not_a_file, S_setup_file, tu_fixture_teardown),
        cmocka_unit_test(test_load_block),
        cmocka_unit_test(test_root_map),
        cmocka_unit_test(test_require_seq),
        cmocka_unit_test(test_expect_entry),
        cmocka_unit_test(test_expect_id),
    };
    return cmocka_run_group_tests_name("yamldoc", tests, NULL, NULL);
}
