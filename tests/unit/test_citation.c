/*
 * test_citation.c: unit tests for citation.h, [@id] citations in Markdown text (Pandoc's
 * form without prefixes, locators and suffixes).
 */
#include "testutil.h"

#include <string.h>

#include "markdown/citation.h"

/* The groups of text as "start-end:id,id" or "start-end:malformed", space-separated. */
static void S_expect_groups(const char *text, const char *want)
{
    char got[512] = "";
    size_t at = 0, len = strlen(text);
    citation_group g;
    while (citation_next(text, len, at, &g)) {
        char one[128];
        size_t n = (size_t)snprintf(one, sizeof one, "%s%zu-%zu:", *got ? " " : "", g.start,
                                    g.end);
        if (g.malformed)
            snprintf(one + n, sizeof one - n, "malformed");
        for (size_t i = 0; !g.malformed && i < g.n_ids; i++)
            n += (size_t)snprintf(one + n, sizeof one - n, "%s%.*s", i ? "," : "",
                                  (int)g.ids[i].len, text + g.ids[i].at);
        strncat(got, one, sizeof got - strlen(got) - 1);
        assert_true(g.end > at);
        at = g.end;
    }
    assert_string_equal(got, want);
}

static void test_one_and_several(void **state)
{
    (void)state;
    S_expect_groups("The SMAS [@mitz1976].", "9-20:mitz1976");
    S_expect_groups("[@a; @b-2;@c]", "0-13:a,b-2,c");
    S_expect_groups("x [@a] y [@b]", "2-6:a 9-13:b");
    S_expect_groups("[ @a ]", "0-6:a");
    S_expect_groups("Not @a, nor [a], nor [a@b.org], nor [x] @y, nor [@] alone", "");
}

static void test_malformed(void **state)
{
    (void)state;
    /* Pandoc's locators and prefixes, empty ids, nested brackets: reported, not taken. */
    S_expect_groups("[@doe99, p. 33]", "0-15:malformed");
    S_expect_groups("[see @doe99]", "0-12:malformed");
    S_expect_groups("x [-@doe99] y", "2-11:malformed");
    S_expect_groups("[@a; see @b]", "0-12:malformed");
    S_expect_groups("[@a;]", "0-5:malformed");
    S_expect_groups("[@a [b]]", "0-7:malformed");
    S_expect_groups("[@a [b] c", "0-7:malformed");
    /* No ']' before the end of the line: the rest of the line. */
    S_expect_groups("[@a and more\nnext [@b]", "0-12:malformed 18-22:b");
    S_expect_groups("[@a", "0-3:malformed");
}

static void test_at_most_sixteen(void **state)
{
    (void)state;
    S_expect_groups("[@a;@b;@c;@d;@e;@f;@g;@h;@i;@j;@k;@l;@m;@n;@o;@p]",
                    "0-49:a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p");
    S_expect_groups("[@a;@b;@c;@d;@e;@f;@g;@h;@i;@j;@k;@l;@m;@n;@o;@p;@q]", "0-52:malformed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_and_several),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_at_most_sixteen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
