/* test_articlefiles.c: the article files of content/articles (articlefiles.h). */
#include "testutil.h"

#include "base/str.h"
#include "content/articlefiles.h"

static void test_list(void **state)
{
    (void)state;
    char *dir = tu_tmpdir("articles");
    free(tu_write_file(dir, "thread-lift.md", "x"));
    free(tu_write_file(dir, "dimpling.md", "x"));
    free(tu_write_file(dir, ".dimpling.md.swp", "x"));
    free(tu_write_file(dir, "notes.txt", "x"));
    diag_list *diags = diag_list_new();
    strlist names = STRLIST_INIT;
    assert_int_equal(articlefiles_list(dir, &names, diags), 0);
    assert_int_equal(names.len, 2);
    assert_string_equal(names.items[0], "dimpling.md");
    assert_string_equal(names.items[1], "thread-lift.md");
    assert_int_equal(diag_count(diags), 0);
    strlist_free(&names);
    diag_list_free(diags);
    assert_int_equal(tu_tmpdir_remove(dir), 0);
}

static void test_missing_folder_and_link_out(void **state)
{
    (void)state;
    diag_list *diags = diag_list_new();
    strlist names = STRLIST_INIT;
    assert_int_equal(articlefiles_list("/nonexistent/content/articles", &names, diags), -1);
    assert_int_equal(names.len, 0);
    tu_expect_diag(diags, 0, "/nonexistent/content/articles: error: the folder does not exist; "
                             "create it and put the articles (one Markdown file each) in it");
    articlefiles_report_link_outside(diags, "content/articles/leak.md", "content/articles");
    tu_expect_diag(diags, 1, "content/articles/leak.md: error: this article is a symbolic link "
                             "to a file outside the content folder (or to nothing); suture "
                             "publishes only files inside it: copy the article into "
                             "content/articles instead [link]");
    strlist_free(&names);
    diag_list_free(diags);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_missing_folder_and_link_out),
    };
    return cmocka_run_group_tests_name("articlefiles", tests, NULL, NULL);
}
