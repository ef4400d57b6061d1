/*
 * test_scaffold.c: unit tests for scaffold.h's scaffold_article (`suture new article`);
 * test_scaffold_translation.c has `suture new translation`.
 *
 * Each test makes its own content folder under a temporary directory, with a site.yaml in
 * one language or two, writes an article into it and reads it back: as exact text, and
 * through frontmatter_parse, the parser every build uses.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, seteuid */
#endif
#include "testutil.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/files.h"
#include "base/str.h"
#include "cli/scaffold.h"
#include "content/frontmatter.h"

#define TODAY "2026-11-20"

static char *S_root; /* the temporary folder of these tests; each has its own folder in it */

static int S_setup(void **state)
{
    (void)state;
    S_root = tu_tmpdir("scaffold");
    return 0;
}

static int S_teardown(void **state)
{
    (void)state;
    return tu_tmpdir_remove(S_root);
}

/* A site.yaml in one language, English unless the test changes 'language: en'. */
static const char S_site_one[] =
    "title: \"Facial Lifting Explained\"\n"
    "base_url: \"https://example.org/\"\n"
    "language: en\n"
    "review_max_age_days: 365\n"
    "topics:\n"
    "  - id: thread-lift\n"
    "    title: \"Thread lifts\"\n"
    "    description: \"Lifting with threads.\"\n"
    "disclaimer: |\n"
    "  General information only.\n"
    "notices:\n"
    "  before_after: \"Shown with consent.\"\n";

/* A site.yaml in Korean (the default) and English. */
static const char S_site_two[] =
    "base_url: \"https://example.org/\"\n"
    "languages:\n"
    "  - code: ko\n"
    "    title: \"얼굴 리프팅 안내\"\n"
    "    disclaimer: |\n"
    "      일반적인 정보입니다.\n"
    "    notices:\n"
    "      before_after: \"동의를 받아 싣습니다.\"\n"
    "  - code: en\n"
    "    title: \"Facial Lifting Explained\"\n"
    "    disclaimer: |\n"
    "      General information only.\n"
    "    notices:\n"
    "      before_after: \"Shown with consent.\"\n"
    "review_max_age_days: 365\n"
    "translation_max_lag_days: 90\n"
    "topics:\n"
    "  - id: thread-lift\n"
    "    title: {ko: \"실리프팅\", en: \"Thread lifts\"}\n"
    "    description: {ko: \"실로 당기는 시술\", en: \"Lifting with threads.\"}\n";

/* A new content folder S_root/name holding site (a site.yaml) and an empty articles
 * folder; the caller frees it. */
static char *S_content_with(const char *name, const char *site)
{
    char *content = tu_subdir(S_root, name);
    free(tu_subdir(content, "articles"));
    tu_put_file(content, "site.yaml", site);
    return content;
}

/* S_content_with a site in English only. */
static char *S_content(const char *name)
{
    return S_content_with(name, S_site_one);
}

/* The file's contents, or "(missing)"; the caller frees it. */
static char *S_read(const char *path)
{
    size_t len;
    char *text = file_read(path, &len);
    return text ? text : xstrdup("(missing)");
}

/* The names in content/articles joined by spaces; the caller frees it. */
static char *S_articles(const char *content)
{
    char *dir = path_join(content, "articles");
    strlist names = STRLIST_INIT;
    strbuf b = STRBUF_INIT;
    assert_int_equal(dir_list(dir, NULL, &names), 0);
    for (size_t i = 0; i < names.len; i++)
        strbuf_printf(&b, "%s%s", i ? " " : "", names.items[i]);
    strlist_free(&names);
    free(dir);
    strbuf_puts(&b, "");
    return strbuf_detach(&b);
}

/* Nothing was written: content/articles is still empty (no language folder made). */
static void S_expect_no_articles(const char *content)
{
    char *names = S_articles(content);
    assert_string_equal(names, "");
    free(names);
}

/* Expect scaffold_article in lang to fail with exactly one diagnostic, formatted as
 * expected. */
static void S_expect_lang_error(const char *content, const char *lang, const char *title,
                                const char *slug, const char *today, const char *expected)
{
    diag_list *diags = diag_list_new();
    char untouched[] = "untouched";
    char *path = untouched;
    assert_int_equal(scaffold_article(content, lang, title, slug, today, diags, &path), -1);
    assert_ptr_equal(path, untouched);
    assert_int_equal(diag_count(diags), 1);
    tu_expect_diag(diags, 0, expected);
    diag_list_free(diags);
}

/* S_expect_lang_error in the default language. */
static void S_expect_error(const char *content, const char *title, const char *slug,
                           const char *today, const char *expected)
{
    S_expect_lang_error(content, NULL, title, slug, today, expected);
}

/* Write an article in lang that must succeed; returns its path (the caller frees it). */
static char *S_new_lang(const char *content, const char *lang, const char *title,
                        const char *slug)
{
    diag_list *diags = diag_list_new();
    char *path = NULL;
    assert_int_equal(scaffold_article(content, lang, title, slug, TODAY, diags, &path), 0);
    assert_int_equal(diag_count(diags), 0);
    assert_non_null(path);
    diag_list_free(diags);
    return path;
}

/* S_new_lang, which must write content/articles/<rel>: the file's text (the caller frees
 * it). */
static char *S_new_at(const char *content, const char *lang, const char *title,
                      const char *rel)
{
    char *path = S_new_lang(content, lang, title, NULL);
    char *want = xasprintf("%s/articles/%s", content, rel);
    assert_string_equal(path, want);
    char *text = S_read(path);
    free(want);
    free(path);
    return text;
}

/* S_new_lang in the default language. */
static char *S_new(const char *content, const char *title, const char *slug)
{
    return S_new_lang(content, NULL, title, slug);
}

/* ---- slugs ---- */

/* The slug comes from slug_from_title (test_slug.c has its cases): a Korean title is
 * written in Latin letters, and the title stays in Hangul in the front matter. */
static void test_korean_title_gets_romanised_slug(void **state)
{
    (void)state;
    char *content = S_content("romanised");
    char *path = S_new(content, "실리프팅 후 회복", NULL);
    char *want = xasprintf("%s/articles/sillipeuting-hu-hoebog.md", content);
    assert_string_equal(path, want);
    char *text = S_read(path);
    assert_true(str_starts_with(text, "---\ntitle: \"실리프팅 후 회복\"\n"));
    free(text);
    free(want);
    free(path);
    free(content);
}

/* ---- the written file ---- */

static void test_writes_front_matter_and_outline(void **state)
{
    (void)state;
    char *content = S_content("outline");
    char *path = S_new(content, "Thread lift: what to expect", NULL);
    char *want = xasprintf("%s/articles/thread-lift-what-to-expect.md", content);
    assert_string_equal(path, want);
    char *text = S_read(path);
    assert_string_equal(
        text,
        "---\n"
        "title: \"Thread lift: what to expect\"\n"
        "summary: \"\"\n"
        "topics: []\n"
        "date: 2026-11-20\n"
        "reviewed: 2026-11-20\n"
        "reviewer: \"\"\n"
        "---\n"
        "Write two or three plain sentences: what this article explains and who it is for.\n"
        "\n"
        "## What it is\n"
        "\n"
        "Explain what the procedure is and how it works, in everyday words. Explain each "
        "medical term the first time you use it.\n"
        "\n"
        "## Who it may suit\n"
        "\n"
        "Describe who may be suited to it, who should not have it, and why.\n"
        "\n"
        "## Side effects and risks\n"
        "\n"
        "List the common side effects and the rarer, serious complications, how often they "
        "happen where that is known, and what can be done about them.\n"
        "\n"
        "## Recovery\n"
        "\n"
        "Describe what the first days and weeks are usually like and which signs mean a "
        "patient should contact the clinic.\n"
        "\n"
        "Results and recovery vary from person to person.\n"
        "\n"
        "## When to get help\n"
        "\n"
        "```care\n"
        "level: urgent\n"
        "- List the signs that mean a patient should contact the clinic at once, one line "
        "each: for example sudden swelling or pain on one side of the face in the first day, a "
        "fever, or weakness of part of the face.\n"
        "```\n"
        "\n"
        "## Questions to ask at your consultation\n"
        "\n"
        "List questions a patient can ask, such as what the procedure can and cannot change "
        "for them and what the risks are in their case.\n");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    free(text);
    free(want);
    free(path);
    free(content);
}

/* As written, the fields left to the author fail the build, each with its own message. */
static void test_unfilled_fields_are_reported(void **state)
{
    (void)state;
    char *content = S_content("unfilled");
    char *path = S_new(content, "Recovery after a mini lift", NULL);
    char *text = S_read(path);
    diag_list *diags = diag_list_new();
    const char *body;
    unsigned body_line;
    assert_null(frontmatter_parse(path, text, strlen(text), diags, &body, &body_line));
    assert_int_equal(diag_count(diags), 3);
    tu_expect_diag_prefixed(diags, 0, path, ":3:10: error: 'summary' is empty; write some text");
    tu_expect_diag_prefixed(diags, 1, path, ":7:11: error: 'reviewer' is empty; write some text");
    tu_expect_diag_prefixed(diags, 2, path,
                            ":4:9: error: 'topics' is empty; list at least one topic from "
                            "site.yaml");
    diag_list_free(diags);
    free(text);
    free(path);
    free(content);
}

/* Once the author fills in summary, topics and reviewer, the title comes back as typed. */
static void test_tricky_titles_parse_back(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        /* title, slug passed, expected file name */
        {"She said \"no\": it's fine", NULL, "she-said-no-its-fine.md"},
        {"Thread lift: what to expect # not a comment", NULL,
         "thread-lift-what-to-expect-not-a-comment.md"},
        {"Back\\slash and \\n", NULL, "backslash-and-n.md"},
        {"- leading dash", NULL, "leading-dash.md"},
        {"yes", NULL, "yes.md"},
        {"[1] {a: b} *star* &anchor !tag %pct @at `tick` | > ?", NULL,
         "1-a-b-star-anchor-tag-pct-at-tick.md"},
        {"실 리프팅: 무엇을 기대할 수 있나요?", "sil-lifting", "sil-lifting.md"},
        {"Café crème, naïve ½", "cafe", "cafe.md"},
    };
    char *content = S_content("tricky");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *path = S_new(content, cases[i][0], cases[i][1]);
        assert_string_equal(path_basename(path), cases[i][2]);
        char *text = S_read(path);
        char *a = tu_replace(text, "summary: \"\"", "summary: \"A plain summary.\"");
        char *b = tu_replace(a, "topics: []", "topics: [thread-lift]");
        char *filled = tu_replace(b, "reviewer: \"\"", "reviewer: \"Medical review team\"");
        diag_list *diags = diag_list_new();
        const char *body;
        unsigned body_line;
        frontmatter *fm =
            frontmatter_parse(path, filled, strlen(filled), diags, &body, &body_line);
        assert_int_equal(diag_count(diags), 0);
        assert_non_null(fm);
        assert_string_equal(fm->title, cases[i][0]);
        assert_string_equal(fm->summary, "A plain summary.");
        assert_string_equal(fm->reviewer, "Medical review team");
        assert_int_equal(fm->n_topics, 1);
        assert_string_equal(fm->topics[0].id, "thread-lift");
        char date[11], reviewed[11];
        date_format(&fm->date, date, sizeof date);
        date_format(&fm->reviewed, reviewed, sizeof reviewed);
        assert_string_equal(date, TODAY);
        assert_string_equal(reviewed, TODAY);
        assert_null(fm->slug);
        assert_int_equal(body_line, 9);
        assert_true(str_starts_with(body, "Write two or three plain sentences"));
        frontmatter_free(fm);
        diag_list_free(diags);
        free(filled);
        free(b);
        free(a);
        free(text);
        free(path);
    }
    free(content);
}

static void test_title_is_trimmed(void **state)
{
    (void)state;
    char *content = S_content("trimmed");
    char *path = S_new(content, " \t Recovery after a mini lift \n", NULL);
    assert_string_equal(path_basename(path), "recovery-after-a-mini-lift.md");
    char *text = S_read(path);
    assert_true(str_starts_with(text, "---\ntitle: \"Recovery after a mini lift\"\n"));
    free(text);
    free(path);
    free(content);
}

/* ---- errors ---- */

static void test_refuses_to_overwrite(void **state)
{
    (void)state;
    char *content = S_content("exists");
    char *dir = path_join(content, "articles");
    char *existing = tu_write_file(dir, "dimpling.md", "the author's work\n");
    char *want = xasprintf("%s: error: this article already exists; choose another title or "
                           "--slug, or edit the existing file",
                           existing);
    S_expect_error(content, "Dimpling", NULL, TODAY, want);
    char *text = S_read(existing);
    assert_string_equal(text, "the author's work\n");
    free(text);
    free(want);
    free(existing);
    free(dir);
    free(content);
}

static void test_missing_articles_folder(void **state)
{
    (void)state;
    char *content = tu_subdir(S_root, "no-articles");
    tu_put_file(content, "site.yaml", S_site_one);
    char *want = xasprintf("%s/articles: error: there is no articles folder here; run suture "
                           "in the project folder (the one that holds content/), or pass "
                           "--content with the content folder",
                           content);
    S_expect_error(content, "Dimpling", NULL, TODAY, want);
    free(want);
    char *missing = path_join(S_root, "no-such-folder");
    want = xasprintf("%s/articles: error: there is no articles folder here; run suture in the "
                     "project folder (the one that holds content/), or pass --content with "
                     "the content folder",
                     missing);
    S_expect_error(missing, "Dimpling", NULL, TODAY, want);
    assert_false(path_is_dir(missing));
    free(want);
    free(missing);
    free(content);
}

static void test_empty_title(void **state)
{
    (void)state;
    char *content = S_content("empty");
    static const char want[] =
        "suture: error: the title is empty; write it in quotes after 'article', for "
        "example: suture new article \"Thread lift: what to expect\"";
    S_expect_error(content, "", NULL, TODAY, want);
    S_expect_error(content, " \t\n", NULL, TODAY, want);
    S_expect_error(content, "", "dimpling", TODAY, want);
    S_expect_no_articles(content);
    free(content);
}

/* A title with nothing ICU can write in letters or digits (punctuation, emoji, Hanja). */
static void test_title_without_letters_needs_slug(void **state)
{
    (void)state;
    char *content = S_content("no-letters");
    S_expect_error(content, "東京 😀", NULL, TODAY,
                   "suture: error: the title '東京 😀' has no letters a-z or digits to make "
                   "a file name from; give the file name with --slug, for example --slug "
                   "thread-lift-recovery");
    S_expect_error(content, "?!", NULL, TODAY,
                   "suture: error: the title '?!' has no letters a-z or digits to make a file "
                   "name from; give the file name with --slug, for example --slug "
                   "thread-lift-recovery");
    S_expect_no_articles(content);
    free(content);
}

static void test_bad_slug(void **state)
{
    (void)state;
    char *content = S_content("bad-slug");
    static const char *const bad[] = {"Thread-Lift", "thread_lift", "-thread", "thread--lift",
                                      "thread-lift.md", "../escape", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *want = xasprintf("suture: error: '%s' cannot be used as a slug; use lower-case "
                               "letters a-z, digits and single hyphens between words, for "
                               "example --slug thread-lift-recovery",
                               bad[i]);
        S_expect_error(content, "Thread lift", bad[i], TODAY, want);
        free(want);
    }
    S_expect_no_articles(content);
    free(content);
}

static void test_bad_date(void **state)
{
    (void)state;
    char *content = S_content("bad-date");
    S_expect_error(content, "Thread lift", NULL, "2026-02-30",
                   "suture: error: '2026-02-30' is not a valid date written as YYYY-MM-DD");
    S_expect_error(content, "Thread lift", NULL, "20.11.2026",
                   "suture: error: '20.11.2026' is not a valid date written as YYYY-MM-DD");
    free(content);
}

static void test_title_not_utf8(void **state)
{
    (void)state;
    char *content = S_content("not-utf8");
    S_expect_error(content, "Thread lift \xff\xfe", NULL, TODAY,
                   "suture: error: the title is not valid UTF-8 text; type it again, or set "
                   "your terminal to UTF-8");
    S_expect_no_articles(content);
    free(content);
}

/* Every mistake is reported in one run, not only the first. */
static void test_reports_every_mistake(void **state)
{
    (void)state;
    char *missing = path_join(S_root, "nowhere");
    diag_list *diags = diag_list_new();
    char *path = NULL;
    assert_int_equal(scaffold_article(missing, NULL, "?!", NULL, "2026-13-01", diags, &path), -1);
    assert_null(path);
    assert_int_equal(diag_count(diags), 3);
    tu_expect_diag(diags, 0,
                   "suture: error: the title '?!' has no letters a-z or digits to make a file "
                   "name from; give the file name with --slug, for example --slug "
                   "thread-lift-recovery");
    tu_expect_diag(diags, 1,
                   "suture: error: '2026-13-01' is not a valid date written as YYYY-MM-DD");
    char *want = xasprintf("%s/articles: error: there is no articles folder here; run suture "
                           "in the project folder (the one that holds content/), or pass "
                           "--content with the content folder",
                           missing);
    tu_expect_diag(diags, 2, want);
    free(want);
    diag_list_free(diags);
    free(missing);
}

static void test_unwritable_folder(void **state)
{
    (void)state;
    char *content = S_content("read-only");
    char *dir = path_join(content, "articles");
    /* root may write anywhere: act as nobody, who may enter but not write in articles/. */
    bool root = geteuid() == 0;
    assert_int_equal(chmod(S_root, 0755), 0);
    assert_int_equal(chmod(content, 0755), 0);
    assert_int_equal(chmod(dir, 0555), 0);
    if (root)
        assert_int_equal(seteuid(65534), 0);
    diag_list *diags = diag_list_new();
    char *path = NULL;
    int rc = scaffold_article(content, NULL, "Thread lift", NULL, TODAY, diags, &path);
    if (root)
        assert_int_equal(seteuid(0), 0);
    assert_int_equal(chmod(dir, 0755), 0);
    assert_int_equal(chmod(S_root, 0700), 0);
    assert_int_equal(rc, -1);
    assert_null(path);
    assert_int_equal(diag_count(diags), 1);
    char *want = xasprintf("%s: error: cannot create a file in this folder: Permission denied; "
                           "check that you may write to it, or pass --content with a content "
                           "folder you can write to",
                           dir);
    tu_expect_diag(diags, 0, want);
    S_expect_no_articles(content);
    free(want);
    diag_list_free(diags);
    free(dir);
    free(content);
}

static void test_cannot_create_file(void **state)
{
    (void)state;
    char *content = S_content("too-long");
    /* A file name longer than the file system allows (255 bytes). */
    strbuf slug = STRBUF_INIT;
    for (int i = 0; i < 60; i++)
        strbuf_puts(&slug, i ? "-lift" : "lift");
    char *want = xasprintf("%s/articles/%s.md: error: cannot create the article: File name "
                           "too long",
                           content, strbuf_str(&slug));
    S_expect_error(content, "Thread lift", strbuf_str(&slug), TODAY, want);
    free(want);
    strbuf_free(&slug);
    free(content);
}


/* ---- languages ---- */

/* The Korean outline, in 합니다체, as a Korean article starts. */
static const char S_korean_outline[] =
    "이 글에서 무엇을 설명하는지, 어떤 분께 도움이 되는지 쉬운 문장 두세 개로 적어 주십시오.\n"
    "\n"
    "## 개요\n"
    "\n"
    "어떤 시술인지, 어떤 원리로 작용하는지 일상적인 말로 설명해 주십시오. 의학 용어는 처음 "
    "나올 때 뜻을 함께 풀어 주십시오.\n"
    "\n"
    "## 이런 분께 맞을 수 있습니다\n"
    "\n"
    "어떤 분께 맞을 수 있는지, 어떤 분은 받지 않는 것이 좋은지와 그 이유를 적어 주십시오.\n"
    "\n"
    "## 시술 과정\n"
    "\n"
    "상담부터 마취, 시술, 귀가까지 어떤 순서로 진행되는지, 시간이 대략 얼마나 걸리는지 적어 "
    "주십시오.\n"
    "\n"
    "## 회복\n"
    "\n"
    "시술 후 처음 며칠과 몇 주 동안 보통 어떤지, 일상생활로 언제 돌아갈 수 있는지 적어 "
    "주십시오.\n"
    "\n"
    "결과와 회복 과정은 사람마다 다릅니다.\n"
    "\n"
    "## 위험과 부작용\n"
    "\n"
    "흔한 부작용과 드물지만 심각한 합병증을 적어 주십시오. 알려진 경우에는 얼마나 자주 생기는지, "
    "생겼을 때 어떻게 대처하는지도 함께 적어 주십시오.\n"
    "\n"
    "## 바로 연락해야 하는 증상\n"
    "\n"
    "```care\n"
    "level: urgent\n"
    "- 곧바로 병원에 연락해야 하는 증상과 연락할 곳을 적어 주십시오. 예를 들어 첫날 한쪽 얼굴이 "
    "갑자기 붓고 아픈 경우, 열이 나거나 고름이 나오는 경우, 얼굴에 힘이 빠지는 경우입니다. "
    "응급 상황에서는 119에 전화하도록 안내해 주십시오.\n"
    "```\n"
    "\n"
    "## 의사와 상담할 때\n"
    "\n"
    "상담할 때 물어볼 만한 질문을 적어 주십시오. 예를 들어 이 시술로 달라질 수 있는 것과 "
    "달라지지 않는 것, 내 경우에 특히 주의해야 할 위험은 무엇인지 등입니다.\n";

/* On a site with languages, an article in the default language (Korean) goes into
 * articles/ko/, made on the way, with the Korean outline; the slug is romanised. */
static void test_default_language_korean_outline(void **state)
{
    (void)state;
    char *content = S_content_with("bilingual-ko", S_site_two);
    char *text = S_new_at(content, NULL, "실리프팅 후 회복", "ko/sillipeuting-hu-hoebog.md");
    char *expected = xasprintf("---\n"
                               "title: \"실리프팅 후 회복\"\n"
                               "summary: \"\"\n"
                               "topics: []\n"
                               "date: 2026-11-20\n"
                               "reviewed: 2026-11-20\n"
                               "reviewer: \"\"\n"
                               "---\n"
                               "%s",
                               S_korean_outline);
    assert_string_equal(text, expected);
    /* The same fields are left for the author as in English. */
    diag_list *diags = diag_list_new();
    const char *body;
    unsigned body_line;
    assert_null(frontmatter_parse("ko.md", text, strlen(text), diags, &body, &body_line));
    assert_int_equal(diag_count(diags), 3);
    tu_expect_diag(diags, 0, "ko.md:3:10: error: 'summary' is empty; write some text");
    diag_list_free(diags);
    free(expected);
    free(text);
    free(content);
}

/* --lang picks the folder and the outline: English for en (any case), into articles/en/. */
static void test_lang_english_on_bilingual_site(void **state)
{
    (void)state;
    char *content = S_content_with("bilingual-en", S_site_two);
    char *text = S_new_at(content, "EN", "Thread lift: what to expect",
                          "en/thread-lift-what-to-expect.md");
    assert_non_null(strstr(text, "reviewer: \"\"\n---\nWrite two or three plain sentences"));
    assert_non_null(strstr(text, "\n## Side effects and risks\n"));
    assert_null(strstr(text, "## 개요"));
    free(text);
    /* A Korean article beside it, and a folder that exists already. */
    text = S_new_at(content, "ko", "미니 리프팅", "ko/mini-lipeuting.md");
    assert_non_null(strstr(text, S_korean_outline));
    free(text);
    free(content);
}

/* A one-language site in Korean: the article stays in articles/, in Korean. */
static void test_one_language_korean_site(void **state)
{
    (void)state;
    char *site = tu_replace(S_site_one, "language: en", "language: ko");
    char *content = S_content_with("one-ko", site);
    char *text = S_new_at(content, "ko", "실리프팅 후 회복", "sillipeuting-hu-hoebog.md");
    assert_true(str_ends_with(text, S_korean_outline));
    free(text);
    free(content);
    free(site);
}

static void test_lang_not_declared(void **state)
{
    (void)state;
    char *content = S_content_with("undeclared", S_site_two);
    char *want = xasprintf("suture: error: --lang 'fr' is not a language of this site; "
                           "%s/site.yaml declares ko, en: use one of them, or add 'fr' under "
                           "'languages:' in %s/site.yaml",
                           content, content);
    S_expect_lang_error(content, "fr", "Thread lift", NULL, TODAY, want);
    free(want);
    /* 'kr' is a country; the closest declared code is named. */
    want = xasprintf("suture: error: --lang 'kr' is not a language of this site; did you mean "
                     "'ko'? %s/site.yaml declares ko, en: use one of them, or add 'kr' under "
                     "'languages:' in %s/site.yaml",
                     content, content);
    S_expect_lang_error(content, "kr", "Thread lift", NULL, TODAY, want);
    free(want);
    S_expect_no_articles(content);
    free(content);
}

/* On a one-language site --lang may only name its language. */
static void test_lang_on_one_language_site(void **state)
{
    (void)state;
    char *content = S_content("one-en");
    char *want = xasprintf("suture: error: --lang 'ko': this site is in one language, en "
                           "(%s/site.yaml has 'language: en' and no 'languages:'); leave out "
                           "--lang, or declare the site's languages under 'languages:' in "
                           "%s/site.yaml",
                           content, content);
    S_expect_lang_error(content, "ko", "실리프팅 후 회복", NULL, TODAY, want);
    free(want);
    S_expect_no_articles(content);
    free(S_new_at(content, "en", "Thread lift", "thread-lift.md"));
    free(content);
}

/* One file name in two language folders is one article: a new article may not take the
 * name of one in another language. */
static void test_name_taken_in_other_language(void **state)
{
    (void)state;
    char *content = S_content_with("taken", S_site_two);
    char *en = tu_subdir(content, "articles/en");
    char *existing = tu_write_file(en, "dimpling.md", "the English article\n");
    char *want = xasprintf("%s: error: an article with this file name is already in 'en', and "
                           "one file name in two language folders is one article in two "
                           "languages; to translate it, run suture new translation "
                           "en/dimpling.md --lang ko; for another article, choose another "
                           "title or --slug",
                           existing);
    S_expect_lang_error(content, "ko", "딤플링", "dimpling", TODAY, want);
    char *ko = path_join(content, "articles/ko");
    assert_false(path_exists(ko));
    free(ko);
    free(want);
    free(existing);
    free(en);
    free(content);
}

/* site.yaml's own mistakes stop `suture new`, with their positions. */
static void test_site_yaml_errors(void **state)
{
    (void)state;
    char *site = tu_replace(S_site_two, "review_max_age_days: 365", "review_max_age_days: a year");
    char *content = S_content_with("bad-site", site);
    diag_list *diags = diag_list_new();
    char *path = NULL;
    assert_int_equal(scaffold_article(content, NULL, "Thread lift", NULL, TODAY, diags, &path),
                     -1);
    assert_null(path);
    assert_true(diag_count(diags) >= 1);
    char *where = xasprintf("%s/site.yaml:15:22: error: ", content);
    char *got = diag_format(diag_get(diags, 0));
    assert_true(str_starts_with(got, where));
    free(got);
    free(where);
    diag_list_free(diags);
    S_expect_no_articles(content);
    free(content);
    free(site);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_korean_title_gets_romanised_slug),
        cmocka_unit_test(test_writes_front_matter_and_outline),
        cmocka_unit_test(test_unfilled_fields_are_reported),
        cmocka_unit_test(test_tricky_titles_parse_back),
        cmocka_unit_test(test_title_is_trimmed),
        cmocka_unit_test(test_refuses_to_overwrite),
        cmocka_unit_test(test_missing_articles_folder),
        cmocka_unit_test(test_empty_title),
        cmocka_unit_test(test_title_without_letters_needs_slug),
        cmocka_unit_test(test_bad_slug),
        cmocka_unit_test(test_bad_date),
        cmocka_unit_test(test_title_not_utf8),
        cmocka_unit_test(test_reports_every_mistake),
        cmocka_unit_test(test_unwritable_folder),
        cmocka_unit_test(test_cannot_create_file),
        cmocka_unit_test(test_default_language_korean_outline),
        cmocka_unit_test(test_lang_english_on_bilingual_site),
        cmocka_unit_test(test_one_language_korean_site),
        cmocka_unit_test(test_lang_not_declared),
        cmocka_unit_test(test_lang_on_one_language_site),
        cmocka_unit_test(test_name_taken_in_other_language),
        cmocka_unit_test(test_site_yaml_errors),
    };
    return cmocka_run_group_tests_name("scaffold", tests, S_setup, S_teardown);
}
