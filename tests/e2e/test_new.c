/*
 * test_new.c: end-to-end tests of `suture new article` (issue 5; languages, issue 16): the
 * file it writes, where, what it says, and that what it writes is reported by `suture
 * check` until the author has filled it in, then builds. test_new_translation.c has
 * `suture new translation`.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "content/outline.h"

static char *S_root; /* the repository, where the tests run from */

/* A copy of the good fixture's content in a new folder; the caller removes it. */
static char *S_project(void)
{
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    /* The project's own compliance rules, which suture check needs. */
    char *rules = xasprintf("%s/content/compliance.yaml", S_root);
    char *rules_to = path_join(dir, "content/compliance.yaml");
    size_t rlen;
    char *rtext = file_read(rules, &rlen);
    assert_non_null(rtext);
    assert_int_equal(file_write(rules_to, rtext, rlen), 0);
    free(rtext);
    free(rules);
    free(rules_to);
    return dir;
}

/* Replace the first find with repl in the file rel under dir. */
static void S_edit(const char *dir, const char *rel, const char *find, const char *repl)
{
    assert_true(e2e_edit(dir, rel, find, repl));
}

/*
 * Replace every guidance paragraph suture new wrote into rel under dir
 * (outline_find_placeholder) with sentence, as an author writing the article does.
 * Returns how many were replaced.
 */
static size_t S_write_article(const char *dir, const char *rel, const char *sentence)
{
    char *path = path_join(dir, rel);
    size_t len = 0;
    char *text = file_read(path, &len);
    assert_non_null(text);
    strbuf out = STRBUF_INIT;
    size_t from = 0, n = 0, match = 0;
    for (size_t at; (at = outline_find_placeholder(text, len, from, &match)) < len; n++) {
        strbuf_append(&out, text + from, at - from);
        strbuf_puts(&out, sentence);
        from = at + match;
    }
    strbuf_append(&out, text + from, len - from);
    assert_int_equal(file_write(path, strbuf_str(&out), out.len), 0);
    strbuf_free(&out);
    free(text);
    free(path);
    return n;
}

/*
 * Run `suture new article TITLE` in dir on 2026-11-19 (SOURCE_DATE_EPOCH, left set for the
 * commands that follow; the caller unsets it): it must say it wrote content/articles/<name>,
 * and refuse to write it again. Returns the file's text (the caller frees it).
 */
static char *S_new_article(const char *dir, const char *title, const char *name)
{
    char *err = NULL;
    setenv("SOURCE_DATE_EPOCH", "1795046400", 1); /* 2026-11-19 */
    const char *args[] = {"new", "article", title, NULL};
    assert_int_equal(e2e_run(dir, args, &err), 0);
    char *want = xasprintf("suture: wrote content/articles/%s; fill in its summary, topics and "
                           "reviewer, then write the article under each heading\n",
                           name);
    assert_string_equal(err, want);
    free(want);
    free(err);
    char *rel = xasprintf("content/articles/%s", name);
    char *path = path_join(dir, rel);
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    free(path);
    assert_non_null(strstr(text, "date: 2026-11-19\nreviewed: 2026-11-19\n"));

    /* Never over an existing article. */
    assert_int_equal(e2e_run(dir, args, &err), 1);
    want = xasprintf("%s: error: this article already exists; choose another title or --slug, "
                     "or edit the existing file\n",
                     rel);
    assert_string_equal(err, want);
    free(want);
    free(err);
    free(rel);
    return text;
}

static void test_new_article_then_fill_in(void **state)
{
    (void)state;
    char *dir = S_project();
    char *err = NULL;
    char *text = S_new_article(dir, "Thread lift: what to expect", "thread-lift-what-to-expect.md");
    assert_non_null(strstr(text, "title: \"Thread lift: what to expect\"\n"));
    assert_non_null(strstr(text, "## Side effects and risks"));
    /* The signs to get help for go in a care card (care-card-missing). */
    assert_non_null(strstr(text, "## When to get help\n\n```care\nlevel: urgent\n- List the "
                                 "signs"));
    free(text);

    /* What the author must fill in is named by check, and the build fails until then. */
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    /* An empty topic list names the topics there are, so the writer need not open site.yaml. */
    assert_non_null(strstr(err, "thread-lift-what-to-expect.md:4:9: error: 'topics' is empty; "
                                "list at least one of the topics in site.yaml: anatomy (Facial "
                                "anatomy), thread-lift (Thread lifts), mini-lift (Mini lifts), "
                                "side-effects (Side effects), consultation (Consultation)\n"));
    assert_non_null(strstr(err, "thread-lift-what-to-expect.md:7:11: error: The front matter "
                                "names no medical reviewer"));
    assert_non_null(strstr(err, "thread-lift-what-to-expect.md:3:10: warning: The summary is "
                                "missing"));
    free(err);
    const char *build[] = {"build", "--quiet", NULL};
    assert_int_equal(e2e_run(dir, build, &err), 1);
    free(err);
    S_edit(dir, "content/articles/thread-lift-what-to-expect.md", "summary: \"\"",
           "summary: \"What the days after a thread lift are usually like.\"");
    S_edit(dir, "content/articles/thread-lift-what-to-expect.md", "topics: []",
           "topics: [thread-lift]");
    S_edit(dir, "content/articles/thread-lift-what-to-expect.md", "reviewer: \"\"",
           "reviewer: \"Medical review team\"");
    /* The guidance left under the headings is a compliance error, which the build refuses
     * as suture check does, until the author has written the article. */
    assert_int_equal(e2e_run(dir, build, &err), 1);
    assert_non_null(strstr(err, "[scaffold-placeholder]"));
    free(err);
    assert_int_equal(S_write_article(dir, "content/articles/thread-lift-what-to-expect.md",
                                     "Swelling and bruising usually settle within two weeks."),
                     7);
    assert_int_equal(e2e_run(dir, build, &err), 0);
    free(err);
    char *page = path_join(dir, "site/articles/thread-lift-what-to-expect/index.html");
    assert_true(path_is_file(page));
    free(page);
    unsetenv("SOURCE_DATE_EPOCH");
    remove_tree(dir);
    free(dir);
}

/* A Hangul title without --slug: ICU writes the file name in Latin letters. */
static void test_new_korean_title(void **state)
{
    (void)state;
    char *dir = S_project();
    char *text = S_new_article(dir, "실리프팅 후 회복", "sillipeuting-hu-hoebog.md");
    assert_true(str_starts_with(text, "---\ntitle: \"실리프팅 후 회복\"\n"));
    assert_non_null(strstr(text, "## Side effects and risks"));
    /* The signs to get help for go in a care card (care-card-missing). */
    assert_non_null(strstr(text, "## When to get help\n\n```care\nlevel: urgent\n- List the "
                                 "signs"));
    free(text);
    unsetenv("SOURCE_DATE_EPOCH");
    remove_tree(dir);
    free(dir);
}

static void test_new_usage_and_slug(void **state)
{
    (void)state;
    char *dir = S_project();
    char *err = NULL;
    const char *nothing[] = {"new", NULL};
    assert_int_equal(e2e_run(dir, nothing, &err), 2);
    assert_true(str_starts_with(err, "suture: say what to make: suture new article \"TITLE\", "
                                     "or suture new translation SOURCE.md --lang CODE\n"));
    free(err);
    const char *no_title[] = {"new", "article", NULL};
    assert_int_equal(e2e_run(dir, no_title, &err), 2);
    assert_string_equal(err, "suture: give the article's title in quotes: suture new article "
                             "\"How a thread lift works\"\n");
    free(err);
    const char *unquoted[] = {"new", "article", "Thread", "lift", NULL};
    assert_int_equal(e2e_run(dir, unquoted, &err), 2);
    assert_string_equal(err, "suture: unexpected argument 'lift'; put the whole title in quotes\n");
    free(err);
    const char *no_letters[] = {"new", "article", "東京 😀", NULL};
    assert_int_equal(e2e_run(dir, no_letters, &err), 1);
    assert_string_equal(err, "suture: error: the title '東京 😀' has no letters a-z or digits "
                             "to make a file name from; give the file name with --slug, for "
                             "example --slug thread-lift-recovery\n");
    free(err);
    const char *with_slug[] = {"new", "article", "실 리프팅 후 회복", "--slug",
                               "thread-lift-recovery-ko", NULL};
    assert_int_equal(e2e_run(dir, with_slug, &err), 0);
    free(err);
    char *path = path_join(dir, "content/articles/thread-lift-recovery-ko.md");
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    assert_non_null(strstr(text, "title: \"실 리프팅 후 회복\"\n"));
    free(text);
    free(path);
    const char *help[] = {"new", "--help", NULL};
    char *out = path_join(dir, "help.txt");
    assert_int_equal(e2e_run_to(dir, help, out, &err), 0);
    free(err);
    size_t hlen;
    char *help_text = file_read(out, &hlen);
    assert_non_null(help_text);
    assert_non_null(strstr(help_text, "suture new translation SOURCE.md --lang CODE: start the "
                                      "translation"));
    assert_non_null(strstr(help_text, "  --lang CODE "));
    free(help_text);
    free(out);
    remove_tree(dir);
    free(dir);
}


/* A site in Korean only (the good fixture with 'language: ko'): the outline is Korean,
 * check names the same fields as in English, and once they are filled in the outline
 * itself meets the compliance rules (side effects, results vary) and builds. */
static void test_new_korean_outline_on_korean_site(void **state)
{
    (void)state;
    char *dir = S_project();
    char *err = NULL;
    S_edit(dir, "content/site.yaml", "language: en", "language: ko");
    char *text = S_new_article(dir, "실리프팅 후 회복", "sillipeuting-hu-hoebog.md");
    assert_non_null(strstr(text, "reviewer: \"\"\n---\n이 글에서 무엇을 설명하는지"));
    static const char *const headings[] = {
        "\n## 개요\n", "\n## 이런 분께 맞을 수 있습니다\n", "\n## 시술 과정\n", "\n## 회복\n",
        "\n## 위험과 부작용\n", "\n## 바로 연락해야 하는 증상\n", "\n## 의사와 상담할 때\n"};
    const char *at = text;
    for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++) {
        at = strstr(at, headings[i]);
        assert_non_null(at); /* each, in this order */
    }
    assert_null(strstr(text, "## Side effects"));
    free(text);
    const char *check[] = {"check", NULL};
    assert_int_equal(e2e_run(dir, check, &err), 1);
    /* ...in the article's language. */
    assert_non_null(strstr(err, "sillipeuting-hu-hoebog.md:4:9: error: 'topics'가 비어 있습니다. "
                                "site.yaml에 있는 주제 가운데 하나 이상을 쓰세요: anatomy (Facial "
                                "anatomy), thread-lift (Thread lifts)"));
    /* The rules speak the page's language. */
    assert_non_null(strstr(err, "sillipeuting-hu-hoebog.md:7:11: error: 의학적 검토자가 "
                                "없습니다"));
    assert_non_null(strstr(err, "sillipeuting-hu-hoebog.md:3:10: warning: 요약(summary)이 "
                                "없거나"));
    free(err);
    const char *rel = "content/articles/sillipeuting-hu-hoebog.md";
    S_edit(dir, rel, "summary: \"\"", "summary: \"실리프팅 후 회복 과정을 설명합니다.\"");
    S_edit(dir, rel, "topics: []", "topics: [thread-lift]\nprocedures: [thread-lift]");
    S_edit(dir, rel, "reviewer: \"\"", "reviewer: \"의료진\"");
    assert_int_equal(e2e_run(dir, check, &err), 1);
    /* What is left is the outline's guidance: an error in Korean at each of its eight
     * paragraphs, and nothing else of it; it is listed with its Korean reading length. */
    assert_non_null(strstr(err, "sillipeuting-hu-hoebog.md:10:1: error: '이 글에서 무엇을 "
                                "설명하는지, 어떤 분께 도움이 되는지…' 문장은 suture new가 넣은 "
                                "안내 문구입니다. 글의 내용으로 바꾸시기 바랍니다 "
                                "[scaffold-placeholder]\n"));
    size_t findings = 0;
    for (const char *p = err; (p = strstr(p, "sillipeuting-hu-hoebog.md:")); p++) {
        const char *end = strchr(p, '\n');
        static const char tag[] = " [scaffold-placeholder]";
        findings += end && (size_t)(end - p) > sizeof tag &&
                    strncmp(end - (sizeof tag - 1), tag, sizeof tag - 1) == 0;
    }
    assert_int_equal(findings, 8);
    assert_non_null(strstr(err, "content/articles/sillipeuting-hu-hoebog.md (14 sentences"));
    free(err);
    const char *build[] = {"build", "--quiet", NULL};
    assert_int_equal(e2e_run(dir, build, &err), 1);   /* the build refuses the same errors */
    assert_non_null(strstr(err, "[scaffold-placeholder]"));
    free(err);
    assert_int_equal(S_write_article(dir, rel, "붓기와 멍은 보통 2주 안에 가라앉습니다."), 8);
    assert_int_equal(e2e_run(dir, build, &err), 0);
    free(err);
    char *page = path_join(dir, "site/articles/sillipeuting-hu-hoebog/index.html");
    assert_true(path_is_file(page));
    free(page);
    unsetenv("SOURCE_DATE_EPOCH");
    remove_tree(dir);
    free(dir);
}

static void test_new_article_languages(void **state)
{
    (void)state;
    char *dir = e2e_bilingual_project();
    assert_non_null(dir);
    char *err = NULL;
    /* The default language's folder, made on the way; the Korean outline. */
    char *text = S_new_article(dir, "실리프팅 후 회복", "ko/sillipeuting-hu-hoebog.md");
    assert_non_null(strstr(text, "\n## 위험과 부작용\n"));
    free(text);
    const char *en[] = {"new", "article", "--lang", "en", "Recovery after a thread lift", NULL};
    assert_int_equal(e2e_run(dir, en, &err), 0);
    assert_string_equal(err, "suture: wrote content/articles/en/recovery-after-a-thread-lift.md; "
                             "fill in its summary, topics and reviewer, then write the article "
                             "under each heading\n");
    free(err);
    char *path = path_join(dir, "content/articles/en/recovery-after-a-thread-lift.md");
    size_t len;
    text = file_read(path, &len);
    assert_non_null(text);
    assert_non_null(strstr(text, "\n## Side effects and risks\n"));
    free(text);
    free(path);
    const char *fr[] = {"new", "article", "--lang", "fr", "Lifting", NULL};
    assert_int_equal(e2e_run(dir, fr, &err), 1);
    assert_string_equal(err, "suture: error: --lang 'fr' is not a language of this site; "
                             "content/site.yaml declares ko, en: use one of them, or add 'fr' "
                             "under 'languages:' in content/site.yaml\n");
    free(err);
    /* The same file name in another language is that article's translation. */
    const char *taken[] = {"new", "article", "--lang", "en", "Thread lift recovery", "--slug",
                           "sillipeuting-hu-hoebog", NULL};
    assert_int_equal(e2e_run(dir, taken, &err), 1);
    assert_string_equal(err, "content/articles/ko/sillipeuting-hu-hoebog.md: error: an article "
                             "with this file name is already in 'ko', and one file name in two "
                             "language folders is one article in two languages; to translate "
                             "it, run suture new translation ko/sillipeuting-hu-hoebog.md --lang "
                             "en; for another article, choose another title or --slug\n");
    free(err);
    unsetenv("SOURCE_DATE_EPOCH");
    remove_tree(dir);
    free(dir);
    /* A one-language site takes no other language. */
    dir = S_project();
    const char *ko[] = {"new", "article", "--lang", "ko", "실리프팅 후 회복", NULL};
    assert_int_equal(e2e_run(dir, ko, &err), 1);
    assert_string_equal(err, "suture: error: --lang 'ko': this site is in one language, en "
                             "(content/site.yaml has 'language: en' and no 'languages:'); leave "
                             "out --lang, or declare the site's languages under 'languages:' in "
                             "content/site.yaml\n");
    free(err);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_article_then_fill_in),
        cmocka_unit_test(test_new_korean_title),
        cmocka_unit_test(test_new_usage_and_slug),
        cmocka_unit_test(test_new_korean_outline_on_korean_site),
        cmocka_unit_test(test_new_article_languages),
    };
    int rc = cmocka_run_group_tests_name("new", tests, NULL, NULL);
    free(S_root);
    return rc;
}
