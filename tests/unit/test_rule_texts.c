/*
 * test_rule_texts.c: no text a reader of suture's findings sees names a file that is not
 * in the repository: every message, explanation and reference of content/compliance.yaml
 * and every text of the built-in rules (explain.h). A file is a word ending in .md, .yaml,
 * .yml, .xsl, .json, .txt, .c or .h; it is found at the repository's root or in content/,
 * content/data/, docs/ or templates/ (site.yaml names content/site.yaml). Every rule of
 * content/compliance.yaml also has its message and explanation in English and Korean, the
 * message one line of at most 100 characters.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "check/compliance.h"
#include "check/explain.h"

static const char *const S_exts[] = {".md", ".yaml", ".yml", ".xsl", ".json", ".txt", ".c",
                                     ".h", NULL};
static const char *const S_dirs[] = {"", "content/", "content/data/", "docs/", "templates/",
                                     NULL};

static char *S_root(const char *rel)
{
    const char *root = getenv("SUTURE_ROOT");
    return path_join(root && *root ? root : ".", rel);
}

static bool S_path_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.' || c == '/';
}

/* Whether the file name (or path) exists in one of S_dirs. */
static bool S_exists(const char *name)
{
    for (size_t d = 0; S_dirs[d]; d++) {
        char *rel = xasprintf("%s%s", S_dirs[d], name);
        char *path = S_root(rel);
        bool found = path_exists(path);
        free(path);
        free(rel);
        if (found)
            return true;
    }
    return false;
}

/* The first file text names that is not in the repository (malloc'd), or NULL. */
static char *S_missing(const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < n; i++) {
        if (!S_path_char(text[i]) || (i && S_path_char(text[i - 1])))
            continue;
        size_t end = i;
        while (end < n && S_path_char(text[end]))
            end++;
        while (end > i && text[end - 1] == '.') /* a full stop after the name */
            end--;
        char *word = xstrndup(text + i, end - i);
        bool file = false;
        for (size_t e = 0; S_exts[e] && !file; e++)
            file = str_ends_with(word, S_exts[e]) && strlen(word) > strlen(S_exts[e]);
        if (file && !S_exists(word))
            return word;
        free(word);
        i = end;
    }
    return NULL;
}

/* The characters of s (UTF-8). */
static size_t S_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void S_expect_none(const char *where, const char *text)
{
    if (!text)
        return;
    char *missing = S_missing(text);
    if (missing)
        fail_msg("%s names %s, which is not in the repository: \"%s\"", where, missing, text);
}

static void test_the_check_itself(void **state)
{
    (void)state;
    char *m = S_missing("see SPEC.md, Output");
    assert_string_equal(m, "SPEC.md");
    free(m);
    m = S_missing("(see docs/nothing-here.yaml).");
    assert_string_equal(m, "docs/nothing-here.yaml");
    free(m);
    assert_null(S_missing("README.md, 'Two languages'; docs/compliance.md. site.yaml"));
    assert_null(S_missing("![what it shows](media/file.jpg) at 3.5 mm, no.1 e.g."));
}

static void test_compliance_rules(void **state)
{
    (void)state;
    char *path = S_root("content/compliance.yaml");
    diag_list *diags = diag_list_new();
    compliance *c = compliance_load(path, NULL, diags);
    assert_non_null(c);
    for (size_t i = 0; i < c->n_rules; i++) {
        const rule *r = &c->rules[i];
        for (size_t k = 0; k < r->messages.n; k++)
            S_expect_none(r->id, r->messages.values[k].text);
        for (size_t k = 0; k < r->explanations.n; k++)
            S_expect_none(r->id, r->explanations.values[k].text);
        S_expect_none(r->id, r->reference);
        static const char *const langs[] = {"en", "ko"};
        for (size_t l = 0; l < 2; l++) {
            const char *msg = ltext_get(&r->messages, langs[l]);
            if (!msg || !ltext_get(&r->explanations, langs[l]))
                fail_msg("rule %s has no message or explanation in %s", r->id, langs[l]);
            if (strchr(msg, '\n') || S_chars(msg) > 100)
                fail_msg("rule %s: the %s message is not one short line: %s", r->id, langs[l],
                         msg);
        }
    }
    compliance_free(c);
    diag_list_free(diags);
    free(path);
}

static void test_builtin_rules(void **state)
{
    (void)state;
    const explain_rule *r;
    for (size_t i = 0; (r = explain_builtin_at(i)); i++) {
        S_expect_none(r->id, r->summary);
        S_expect_none(r->id, r->detail);
        S_expect_none(r->id, r->reference);
        S_expect_none(r->id, r->ko);
    }
    assert_null(explain_builtin_at(1000));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_check_itself),
        cmocka_unit_test(test_compliance_rules),
        cmocka_unit_test(test_builtin_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
