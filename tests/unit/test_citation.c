/*
 * test_citation.c: unit tests for citation.h, [@id] citations in Markdown text (Pandoc's
 * form without prefixes, locators and suffixes).
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

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

/* citation_numbers_fn for the tests: "known" is source 1, "other" source 2; anything
 * else, and a malformed bracket, is declined. */
static bool S_number(void *ctx, const char *text, const citation_group *g, citation_mark *marks)
{
    (void)ctx;
    if (g->malformed)
        return false;
    for (size_t i = 0; i < g->n_ids; i++) {
        const char *id = text + g->ids[i].at;
        size_t len = g->ids[i].len;
        marks[i].first = true;
        if (len == 5 && strncmp(id, "known", 5) == 0)
            marks[i].number = 1;
        else if (len == 5 && strncmp(id, "other", 5) == 0)
            marks[i].number = 2;
        else
            return false;
    }
    return true;
}

/* The markup citation_append_text makes of text, serialised, inside a <p>. */
static char *S_appended(const char *text, size_t len, citation_numbers_fn numbers)
{
    xmlNodePtr p = xmlNewNode(NULL, BAD_CAST "p");
    citation_append_text(p, text, len, numbers, NULL);
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, NULL, p, 0, 0);
    char *out = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    xmlFreeNode(p);
    return out;
}

static void test_append_text(void **state)
{
    (void)state;
    /* Rendered: the spaces and tab before it go; the text after it stays. */
    const char *text = "SMAS \t[@other; @known] lies deep.";
    char *got = S_appended(text, strlen(text), S_number);
    assert_string_equal(got, "<p>SMAS<sup class=\"citation\"><a href=\"#source-1\" id=\"cite-1\" "
                             "aria-describedby=\"sources\">1</a>,<a href=\"#source-2\" "
                             "id=\"cite-2\" aria-describedby=\"sources\">2</a></sup> lies deep."
                             "</p>");
    free(got);
    /* Declined (an unknown id, a malformed bracket): kept as written, spaces too. */
    got = S_appended("A [@unknown] and [@ bad] end", 28, S_number);
    assert_string_equal(got, "<p>A [@unknown] and [@ bad] end</p>");
    free(got);
    /* Only len bytes are read, and without numbers() the text is appended as it is. */
    got = S_appended("fat [@known] and more", 12, NULL);
    assert_string_equal(got, "<p>fat [@known]</p>");
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_and_several),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_at_most_sixteen),
        cmocka_unit_test(test_append_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
