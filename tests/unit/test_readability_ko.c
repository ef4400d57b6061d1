/*
 * test_readability_ko.c: the Korean measure (readability_ko.h): sentences and 어절 counted
 * by hand in Korean text with Latin words, numbers, quotes, code spans and addresses;
 * blocks, list items and paragraphs; offsets; the longest sentences; and that the English
 * formula is never applied to Korean.
 */
#include "testutil.h"

#include "check/readability.h"
#include "check/readability_ko.h"

#include <math.h>
#include <string.h>

/* Assert that got is want, to within rounding. */
static void S_near(double got, double want)
{
    double d = got - want;
    if (!(d < 1e-9 && d > -1e-9))
        fail_msg("got %.17g, expected %.17g", got, want);
}

/* Assert the sentences and 어절 of one paragraph, and each sentence's 어절 (want_each: a
 * list of sentences' counts, sentences long). */
static void S_expect(const char *text, size_t sentences, size_t eojeol,
                     const size_t *want_each)
{
    readability_ko *r = readability_ko_new();
    readability_ko_add_block(r, text, strlen(text), NULL, true);
    readability_ko_counts c = readability_ko_totals(r);
    if (c.sentences != sentences || c.eojeol != eojeol)
        fail_msg("'%s': %zu sentences, %zu 어절; expected %zu, %zu", text, c.sentences,
                 c.eojeol, sentences, eojeol);
    size_t n;
    const readability_sentence *s = readability_ko_sentences(r, &n);
    assert_int_equal(n, sentences);
    for (size_t i = 0; want_each && i < n; i++) {
        if (s[i].words != want_each[i])
            fail_msg("'%s': sentence %zu has %zu 어절, expected %zu", text, i + 1, s[i].words,
                     want_each[i]);
        assert_int_equal(s[i].syllables, 0);
    }
    readability_ko_free(r);
}

/* Plain Korean prose, counted by hand. */
static void test_hand_counted(void **state)
{
    (void)state;
    /* 실리프팅은(1) 얼굴의(2) 처진(3) 조직을(4) 실로(5) 당겨(6) 올리는(7) 시술입니다.(8)
     * 회복에는(1) 보통(2) 며칠이(3) 걸립니다.(4) */
    const char *text = "실리프팅은 얼굴의 처진 조직을 실로 당겨 올리는 시술입니다. "
                       "회복에는 보통 며칠이 걸립니다.";
    S_expect(text, 2, 12, (const size_t[]){8, 4});
    /* Questions and exclamations end sentences too; 해요체 as 합니다체. */
    S_expect("아픈가요? 조금 아파요! 하지만 곧 나아요.", 3, 6, (const size_t[]){1, 2, 3});
    /* One 어절 without an end mark is one sentence (the block's end). */
    S_expect("붓기", 1, 1, (const size_t[]){1});
}

/* Latin words and numbers inside Korean text. */
static void test_latin_and_numbers(void **state)
{
    (void)state;
    /* SMAS층은(1) 피부에서(2) 약(3) 3(4) mm(5) 아래에(6) 있습니다.(7): a Latin word with a
     * particle is one 어절; a number and its unit written apart are two. */
    S_expect("SMAS층은 피부에서 약 3 mm 아래에 있습니다.", 1, 7, NULL);
    /* A decimal point ends no sentence: 실은(1) 2.5(2) cm(3) 간격으로(4) 넣습니다.(5) */
    S_expect("실은 2.5 cm 간격으로 넣습니다. 그다음 당깁니다.", 2, 7, (const size_t[]){5, 2});
    /* Ranges and dates are one 어절 each: 3~5일(1) 뒤(2) 2026.11.20.에(3) 봅니다.(4) */
    S_expect("3~5일 뒤 2026.11.20.에 봅니다.", 1, 4, NULL);
    /* English sentences in a Korean page are measured the same way. */
    S_expect("The thread is absorbed. 실은 흡수됩니다.", 2, 6, (const size_t[]){4, 2});
}

/* What is not an 어절, and breaks ICU finds that are not taken. */
static void test_not_eojeol(void **state)
{
    (void)state;
    /* A dash, a middle dot and a lone code span (U+FFFC) are read, not counted. */
    S_expect("붓기 — 보통 사흘 · 길면 \xEF\xBF\xBC 일주일", 1, 5, NULL);
    /* An address is no 어절, and its '?' ends nothing: 자세한(1) 내용은(2) 에서(3)
     * 보세요.(4) */
    S_expect("자세한 내용은 https://example.org/a?b=1 에서 보세요.", 1, 4, NULL);
    S_expect("문의는 clinic@example.org 로 보내 주세요.", 1, 4, NULL);
    /* No space after the full stop: one sentence, as a reader would still read it. */
    S_expect("붓기가 빠졌다.그리고 멍도 사라졌다.", 1, 4, NULL);
    /* A quotation closed before its particle: 의사는(1) "괜찮습니다."라고(2) 말했습니다.(3) */
    S_expect("의사는 \"괜찮습니다.\"라고 말했습니다.", 1, 3, NULL);
    /* Only marks or white space: no sentence. */
    S_expect("— · \xEF\xBF\xBC", 0, 0, NULL);
    S_expect("   ", 0, 0, NULL);
    S_expect("", 0, 0, NULL);
    /* A stray byte is neither space nor letter: part of its 어절. */
    S_expect("피부\xFF 아래", 1, 2, NULL);
    /* Full-width space (U+3000) separates 어절. */
    S_expect("피부\xE3\x80\x80아래", 1, 2, NULL);
}

/* Blocks end sentences; list items count as sentences, not as paragraphs. */
static void test_blocks_and_paragraphs(void **state)
{
    (void)state;
    readability_ko *r = readability_ko_new();
    /* A paragraph of two sentences, a list of three items without full stops, a paragraph
     * of one sentence. */
    const char *p1 = "시술 뒤에는 얼굴이 붓습니다. 보통 사흘이면 가라앉습니다.";
    const char *items[] = {"붓기", "멍", "당기는 느낌"};
    const char *p2 = "열이 나면 바로 병원에 연락하세요.";
    readability_ko_add_block(r, p1, strlen(p1), NULL, true);
    for (size_t i = 0; i < 3; i++)
        readability_ko_add_block(r, items[i], strlen(items[i]), NULL, false);
    readability_ko_add_block(r, p2, strlen(p2), NULL, true);
    readability_ko_counts c = readability_ko_totals(r);
    assert_int_equal(c.sentences, 6);
    assert_int_equal(c.eojeol, 4 + 3 + 1 + 1 + 2 + 5);
    assert_int_equal(c.paragraphs, 2);
    assert_int_equal(c.paragraph_sentences, 3);
    assert_int_equal(c.longest_paragraph, 2);
    assert_int_equal(c.longest_paragraph_offset, 0);
    S_near(readability_ko_mean_eojeol(r), 16.0 / 6.0);
    S_near(readability_ko_mean_paragraph(r), 1.5);
    readability_ko_free(r);

    /* Nothing counted: no mean. */
    r = readability_ko_new();
    assert_true(isnan(readability_ko_mean_eojeol(r)));
    assert_true(isnan(readability_ko_mean_paragraph(r)));
    /* List items alone: sentences, but no paragraph. */
    readability_ko_add_block(r, "붓기", strlen("붓기"), NULL, false);
    assert_int_equal(readability_ko_totals(r).sentences, 1);
    assert_true(isnan(readability_ko_mean_paragraph(r)));
    readability_ko_free(r);
}

/* A sentence's offset is its first 어절's, from the caller's offsets. */
static void test_offsets(void **state)
{
    (void)state;
    const char *text = "  \"실은\" 녹습니다. (1) 흉터는 드뭅니다.";
    size_t len = strlen(text);
    uint32_t *at = xcalloc(len, sizeof *at);
    for (size_t i = 0; i < len; i++)
        at[i] = (uint32_t)(1000 + i);
    readability_ko *r = readability_ko_new();
    readability_ko_add_block(r, text, len, at, true);
    size_t n;
    const readability_sentence *s = readability_ko_sentences(r, &n);
    assert_int_equal(n, 2);
    /* The opening quote starts the first 어절; "(1)" the second sentence. */
    assert_int_equal(s[0].offset, 1002);
    assert_int_equal(s[0].words, 2);
    size_t second = (size_t)(strstr(text, "(1)") - text);
    assert_int_equal(s[1].offset, 1000 + second);
    assert_int_equal(s[1].words, 3);
    readability_ko_free(r);
    /* Without offsets: byte indexes in the block. */
    r = readability_ko_new();
    readability_ko_add_block(r, text, len, NULL, true);
    s = readability_ko_sentences(r, &n);
    assert_int_equal(s[0].offset, 2);
    assert_int_equal(s[1].offset, second);
    assert_int_equal(readability_ko_totals(r).longest_paragraph_offset, 2);
    readability_ko_free(r);
    free(at);
}

static void test_longest(void **state)
{
    (void)state;
    readability_ko *r = readability_ko_new();
    const char *text = "짧아요. 이 문장은 조금 더 깁니다. 이 문장이 가장 길고 어절이 많습니다. "
                       "이것도 두 번째로 깁니다.";
    readability_ko_add_block(r, text, strlen(text), NULL, true);
    size_t index[3];
    assert_int_equal(readability_ko_longest(r, 3, index), 3);
    /* 6 어절, then 5, then 4; the one of 1 is left out. */
    assert_int_equal(index[0], 2);
    assert_int_equal(index[1], 1);
    assert_int_equal(index[2], 3);
    assert_int_equal(readability_ko_longest(r, 1, index), 1);
    assert_int_equal(index[0], 2);
    readability_ko_free(r);
}

/* Korean is measured with this module, never with Flesch–Kincaid. */
static void test_applies(void **state)
{
    (void)state;
    assert_true(readability_ko_applies("ko"));
    assert_true(readability_ko_applies("ko-KR"));
    assert_true(readability_ko_applies("KO"));
    assert_true(readability_ko_applies("ko_KR"));
    assert_false(readability_ko_applies("kok"));
    assert_false(readability_ko_applies("en"));
    assert_false(readability_ko_applies("k"));
    assert_false(readability_ko_applies(""));
    assert_false(readability_ko_applies(NULL));
    static const char *const tags[] = {"ko", "ko-KR", "KO", "ko_KR"};
    for (size_t i = 0; i < 4; i++)
        assert_false(readability_applies(tags[i]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_counted),
        cmocka_unit_test(test_latin_and_numbers),
        cmocka_unit_test(test_not_eojeol),
        cmocka_unit_test(test_blocks_and_paragraphs),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_longest),
        cmocka_unit_test(test_applies),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
