/* test_permalink.c: the address of every kind of page (permalink.h). */
#include "testutil.h"

#include "base/permalink.h"

/* Assert that permalink(base, kind, id, page) is want. */
static void S_expect(const char *base, permalink_kind kind, const char *id, size_t page,
                     const char *want)
{
    char *got = permalink(base, kind, id, page);
    assert_string_equal(got, want);
    free(got);
}

static void test_every_kind(void **state)
{
    (void)state;
    S_expect("/kb/", PERMALINK_HOME, NULL, 0, "/kb/");
    S_expect("/kb/", PERMALINK_ARTICLE, "dimpling-after-thread-lift", 0,
             "/kb/articles/dimpling-after-thread-lift/");
    S_expect("/kb/", PERMALINK_TOPIC, "anatomy", 1, "/kb/topics/anatomy/");
    S_expect("/kb/", PERMALINK_TOPIC, "anatomy", 0, "/kb/topics/anatomy/");
    S_expect("/kb/", PERMALINK_TOPIC, "anatomy", 2, "/kb/topics/anatomy/page/2/");
    S_expect("/kb/", PERMALINK_COMPARE, NULL, 0, "/kb/compare/");
    S_expect("/kb/", PERMALINK_COMPARE, "thread-lift", 0, "/kb/compare/#procedure-thread-lift");
    S_expect("/kb/", PERMALINK_GLOSSARY, NULL, 0, "/kb/glossary/");
    S_expect("/kb/", PERMALINK_SEARCH, NULL, 0, "/kb/search/");
    S_expect("/kb/", PERMALINK_NOT_FOUND, NULL, 0, "/kb/404.html");
    S_expect("/kb/", PERMALINK_FEED, NULL, 0, "/kb/feed.xml");
    S_expect("/kb/", PERMALINK_ASSETS, NULL, 0, "/kb/assets/");
}

static void test_base_url(void **state)
{
    (void)state;
    /* The same parts after a whole base URL, as feeds and JSON-LD use it. */
    S_expect("https://clinic.example/", PERMALINK_FEED, NULL, 0, "https://clinic.example/feed.xml");
    S_expect("https://clinic.example/kb/", PERMALINK_COMPARE, "mini-lift", 0,
             "https://clinic.example/kb/compare/#procedure-mini-lift");
    S_expect("/", PERMALINK_HOME, NULL, 0, "/");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind),
        cmocka_unit_test(test_base_url),
    };
    return cmocka_run_group_tests_name("permalink", tests, NULL, NULL);
}
