/* test_slug.c: slugs, language tags, heading ids and slugs from titles (slug.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/slug.h"
#include "base/str.h"

#include <stdlib.h>
#include <string.h>

static void test_slug_is_valid(void **state)
{
    (void)state;
    assert_true(slug_is_valid("thread-lift"));
    assert_true(slug_is_valid("a"));
    assert_true(slug_is_valid("smas"));
    assert_true(slug_is_valid("side-effects-2026"));
    assert_true(slug_is_valid("2026"));
    assert_true(slug_is_valid("a-b-c"));

    assert_false(slug_is_valid(""));
    assert_false(slug_is_valid("-thread"));
    assert_false(slug_is_valid("thread-"));
    assert_false(slug_is_valid("-"));
    assert_false(slug_is_valid("thread--lift"));
    assert_false(slug_is_valid("Thread-lift"));
    assert_false(slug_is_valid("thread_lift"));
    assert_false(slug_is_valid("thread lift"));
    assert_false(slug_is_valid("thread.lift"));
    assert_false(slug_is_valid("thread/lift"));
    assert_false(slug_is_valid("../etc"));
    assert_false(slug_is_valid("\xEB\xB6\x80\xEC\x9E\x91\xEC\x9A\xA9")); /* 부작용 */
}

static void test_slug_is_language_tag(void **state)
{
    (void)state;
    assert_true(slug_is_language_tag("en"));
    assert_true(slug_is_language_tag("ko"));
    assert_true(slug_is_language_tag("haw"));
    assert_true(slug_is_language_tag("en-GB"));
    assert_true(slug_is_language_tag("ko-KR"));
    assert_true(slug_is_language_tag("zh-Hant-TW"));
    assert_true(slug_is_language_tag("es-419"));
    assert_true(slug_is_language_tag("de-CH-1901"));
    assert_true(slug_is_language_tag("en-a"));
    assert_true(slug_is_language_tag("en-abcdefgh"));

    assert_false(slug_is_language_tag(""));
    assert_false(slug_is_language_tag("e"));
    assert_false(slug_is_language_tag("engl"));
    assert_false(slug_is_language_tag("english"));
    assert_false(slug_is_language_tag("EN"));
    assert_false(slug_is_language_tag("En"));
    assert_false(slug_is_language_tag("en-"));
    assert_false(slug_is_language_tag("en--GB"));
    assert_false(slug_is_language_tag("en_GB"));
    assert_false(slug_is_language_tag("en GB"));
    assert_false(slug_is_language_tag("en-abcdefghi"));
    assert_false(slug_is_language_tag("-en"));
    assert_false(slug_is_language_tag("en-GB!"));
    assert_false(slug_is_language_tag("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4")); /* 한국어 */
}

/* Assert slug_from_text(text) == want. */
static void S_assert_slug(const char *text, const char *want)
{
    char *got = slug_from_text(text);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_slug_from_text_ascii(void **state)
{
    (void)state;
    S_assert_slug("Causes", "causes");
    S_assert_slug("How the SMAS layer guides a thread lift",
                  "how-the-smas-layer-guides-a-thread-lift");
    S_assert_slug("Step 2: recovery", "step-2-recovery");
    S_assert_slug("snake_case stays", "snake_case-stays");
    S_assert_slug("Thread-lift vs. mini-lift", "thread-lift-vs-mini-lift");
}

static void test_slug_from_text_punctuation(void **state)
{
    (void)state;
    S_assert_slug("Hello, World!", "hello-world");
    S_assert_slug("What's a glide plane?", "whats-a-glide-plane");
    S_assert_slug("SMAS (superficial musculo-aponeurotic system)",
                  "smas-superficial-musculo-aponeurotic-system");
    S_assert_slug("Risks & side effects", "risks-side-effects");
    S_assert_slug("a.b/c", "abc");
    S_assert_slug("\"Quoted\" <tag> `code` #hash", "quoted-tag-code-hash");
    S_assert_slug("100% natural", "100-natural");
}

static void test_slug_from_text_whitespace_and_hyphens(void **state)
{
    (void)state;
    S_assert_slug("  leading and trailing  ", "leading-and-trailing");
    S_assert_slug("a -- b", "a-b");
    S_assert_slug("a---b", "a-b");
    S_assert_slug("-dash-", "dash");
    S_assert_slug("tab\tand\nnewline\r\nend", "tab-and-newline-end");
    S_assert_slug("word -", "word");
    S_assert_slug("word !", "word");
}

static void test_slug_from_text_korean(void **state)
{
    (void)state;
    /* 부작용 관리 → 부작용-관리, the UTF-8 bytes unchanged */
    S_assert_slug("\xEB\xB6\x80\xEC\x9E\x91\xEC\x9A\xA9 \xEA\xB4\x80\xEB\xA6\xAC",
                  "\xEB\xB6\x80\xEC\x9E\x91\xEC\x9A\xA9-\xEA\xB4\x80\xEB\xA6\xAC");
    /* 실 리프팅 (Thread lift)? → 실-리프팅-thread-lift */
    S_assert_slug("\xEC\x8B\xA4 \xEB\xA6\xAC\xED\x94\x84\xED\x8C\x85 (Thread lift)?",
                  "\xEC\x8B\xA4-\xEB\xA6\xAC\xED\x94\x84\xED\x8C\x85-thread-lift");
    /* Other non-ASCII letters are kept too: Café */
    S_assert_slug("Caf\xC3\xA9 Cr\xC3\xA8me", "caf\xC3\xA9-cr\xC3\xA8me");
}

static void test_slug_from_text_empty(void **state)
{
    (void)state;
    S_assert_slug("", "section");
    S_assert_slug("   ", "section");
    S_assert_slug("---", "section");
    S_assert_slug("!?.,", "section");
    S_assert_slug("- - -", "section");
}

/* Assert slug_from_title(title) == want, or NULL when want is NULL. */
static void S_assert_title(const char *title, const char *want)
{
    char *got = slug_from_title(title);
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_true(slug_is_valid(got));
    free(got);
}

/* ASCII titles give what they gave before titles went through ICU. */
static void test_slug_from_title_ascii(void **state)
{
    (void)state;
    S_assert_title("Thread lift: what to expect", "thread-lift-what-to-expect");
    S_assert_title("What's next?", "whats-next");
    S_assert_title("  --Face_lift -- vs. Mini-Lift!  ", "face-lift-vs-mini-lift");
    S_assert_title("SMAS & the glide plane", "smas-the-glide-plane");
    S_assert_title("\"Quoted\" #1 \\ back", "quoted-1-back");
    S_assert_title("Step 2: recovery in 10-14 days", "step-2-recovery-in-10-14-days");
}

/* Hangul is written in Latin letters by ICU's Hangul-Latin. */
static void test_slug_from_title_hangul(void **state)
{
    (void)state;
    S_assert_title("실리프팅 후 회복", "sillipeuting-hu-hoebog");
    S_assert_title("안면거상술", "anmyeongeosangsul");
    /* A transliteration, letter for letter: 치료 is "chilyo", not "chiryo" (RR). */
    S_assert_title("치료", "chilyo");
    /* ICU's '-' where two syllables could be read another way separates words too. */
    S_assert_title("꽃잎", "kkoch-ip");
    S_assert_title("볼 처짐, 턱선?", "bol-cheojim-teogseon");
    /* Long enough to outgrow the first buffer: each 쐛 becomes seven letters. */
    S_assert_title("쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛쐛",
                   "sswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelb"
                   "sswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelbsswaelb"
                   "sswaelbsswaelb");
}

/* Hangul beside ASCII letters, digits and punctuation. */
static void test_slug_from_title_mixed(void **state)
{
    (void)state;
    S_assert_title("SMAS 층의 구조", "smas-cheung-ui-gujo");
    S_assert_title("실리프팅 vs 미니리프팅", "sillipeuting-vs-minilipeuting");
    S_assert_title("실리프팅 3개월 후: 2026년", "sillipeuting-3gaewol-hu-2026nyeon");
    S_assert_title("Thread lift (실 리프팅) in 2026", "thread-lift-sil-lipeuting-in-2026");
    S_assert_title("실리프팅_후--회복!", "sillipeuting-hu-hoebog");
}

/* Other scripts and accents through Any-Latin and Latin-ASCII; Hanja and emoji are left
 * as they are and separate words. */
static void test_slug_from_title_other_scripts(void **state)
{
    (void)state;
    S_assert_title("Café crème", "cafe-creme");
    S_assert_title("Straße", "strasse");
    S_assert_title("α-blocker", "a-blocker");
    S_assert_title("Привет", "privet");
    S_assert_title("韓方 치료", "chilyo");
    S_assert_title("Botox 😀 FAQ", "botox-faq");
    /* Bytes that are not UTF-8 are read as U+FFFD, which separates words. */
    S_assert_title("thread\xff lift 실", "thread-lift-sil");
}

/* Nothing left to make a slug from: NULL. */
static void test_slug_from_title_nothing_left(void **state)
{
    (void)state;
    S_assert_title("", NULL);
    S_assert_title("?! -- ...", NULL);
    S_assert_title("😀 !!", NULL);
    S_assert_title("東京", NULL);
    S_assert_title("__ \xff", NULL);
}

static void test_slug_unique(void **state)
{
    (void)state;
    strlist taken = STRLIST_INIT;
    const char *a = slug_unique(&taken, "causes");
    assert_string_equal(a, "causes");
    const char *b = slug_unique(&taken, "causes");
    assert_string_equal(b, "causes-1");
    const char *c = slug_unique(&taken, "causes");
    assert_string_equal(c, "causes-2");
    const char *d = slug_unique(&taken, "treatment");
    assert_string_equal(d, "treatment");
    assert_int_equal(taken.len, 4);
    assert_string_equal(taken.items[0], "causes");
    assert_string_equal(taken.items[1], "causes-1");
    assert_string_equal(taken.items[2], "causes-2");
    assert_string_equal(taken.items[3], "treatment");
    /* The result is owned by the list. */
    assert_ptr_equal(c, taken.items[2]);
    assert_ptr_equal(d, taken.items[3]);
    strlist_free(&taken);
}

static void test_slug_unique_skips_taken_suffixes(void **state)
{
    (void)state;
    strlist taken = STRLIST_INIT;
    /* A heading "Step 1" came first and already owns "step-1". */
    assert_string_equal(slug_unique(&taken, "step-1"), "step-1");
    assert_string_equal(slug_unique(&taken, "step"), "step");
    assert_string_equal(slug_unique(&taken, "step"), "step-2");
    assert_string_equal(slug_unique(&taken, "step-1"), "step-1-1");
    assert_int_equal(taken.len, 4);
    strlist_free(&taken);
}

/* Languages named by ICU in a language of the reader's; none for a code ICU does not know. */
static void test_language_name(void **state)
{
    (void)state;
    static const struct {
        const char *code, *locale, *name;
    } cases[] = {{"ko", "ko", "한국어"}, {"en", "ko", "영어"}, {"en", "en", "English"},
                 {"ko", "en", "Korean"}, {"en-GB", "en", "English"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *name = slug_language_name(cases[i].code, cases[i].locale);
        assert_non_null(name);
        assert_string_equal(name, cases[i].name);
        free(name);
    }
    assert_null(slug_language_name("zz", "en"));
}

/* A tag within a language range, as rules, measures and outlines choose by language. */
static void test_language_in(void **state)
{
    (void)state;
    assert_true(slug_language_in("ko", "ko"));
    assert_true(slug_language_in("ko-KR", "ko"));
    assert_true(slug_language_in("KO_kr", "ko"));
    assert_true(slug_language_in("en-GB", "en-gb"));
    assert_false(slug_language_in("kok", "ko"));
    assert_false(slug_language_in("k", "ko"));
    assert_false(slug_language_in("en", "en-GB"));
    assert_false(slug_language_in(NULL, "ko"));
}

/* The Open Graph locale: the language and ICU's likely region (CLDR). */
static void test_og_locale(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"ko", "ko_KR"}, {"en", "en_US"}, {"en-GB", "en_GB"}, {"zh-Hant", "zh_TW"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *locale = slug_og_locale(cases[i][0]);
        assert_string_equal(locale, cases[i][1]);
        free(locale);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_language_name),
        cmocka_unit_test(test_language_in),
        cmocka_unit_test(test_og_locale),
        cmocka_unit_test(test_slug_is_valid),
        cmocka_unit_test(test_slug_is_language_tag),
        cmocka_unit_test(test_slug_from_text_ascii),
        cmocka_unit_test(test_slug_from_text_punctuation),
        cmocka_unit_test(test_slug_from_text_whitespace_and_hyphens),
        cmocka_unit_test(test_slug_from_text_korean),
        cmocka_unit_test(test_slug_from_text_empty),
        cmocka_unit_test(test_slug_from_title_ascii),
        cmocka_unit_test(test_slug_from_title_hangul),
        cmocka_unit_test(test_slug_from_title_mixed),
        cmocka_unit_test(test_slug_from_title_other_scripts),
        cmocka_unit_test(test_slug_from_title_nothing_left),
        cmocka_unit_test(test_slug_unique),
        cmocka_unit_test(test_slug_unique_skips_taken_suffixes),
    };
    return cmocka_run_group_tests_name("slug", tests, NULL, NULL);
}
