/*
 * test_precompress.c: unit tests for build/precompress.h, the .gz and .br copies beside the
 * published text files: which files get them, that each decompresses to the file byte for
 * byte, that the same bytes give the same copies, and that a copy that would not be smaller
 * is not made.
 */
#include "testutil.h"

#include <brotli/decode.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/alloc.h"
#include "base/str.h"
#include "build/precompress.h"

static void test_which_files(void **state)
{
    (void)state;
    static const char *const yes[] = {"index.html", "articles/x/index.html", "assets/site.1a.css",
                                      "assets/search.2b.js", "search-index.json", "feed.xml",
                                      "sitemap.xml", "media/layers.svg", "media/LAYERS.SVG",
                                      "robots.txt", NULL};
    static const char *const no[] = {"media/photo.png", "media/photo.jpg", "favicon-32.png",
                                     "index.html.gz", "index.html.br", ".html", "html", NULL};
    for (size_t i = 0; yes[i]; i++)
        if (!precompress_wanted(yes[i]))
            fail_msg("%s should get compressed copies", yes[i]);
    for (size_t i = 0; no[i]; i++)
        if (precompress_wanted(no[i]))
            fail_msg("%s should get no compressed copies", no[i]);
}

/* A page-like text of about 40 KB. */
static char *S_page(size_t *len)
{
    strbuf b = STRBUF_INIT;
    strbuf_puts(&b, "<!DOCTYPE html><html lang=\"ko\"><body>");
    for (int i = 0; i < 400; i++)
        strbuf_printf(&b, "<p id=\"p-%d\">실리프팅 뒤 며칠 동안은 붓기와 멍이 있을 수 있습니다. "
                          "Swelling and bruising %d.</p>\n", i, i * 7);
    strbuf_puts(&b, "</body></html>\n");
    *len = b.len;
    return strbuf_detach(&b);
}

static void test_copies_decompress_to_the_file(void **state)
{
    (void)state;
    size_t len;
    char *page = S_page(&len);
    precompressed c;
    assert_int_equal(precompress(page, len, &c), 0);
    assert_non_null(c.gz);
    assert_non_null(c.br);
    assert_true(c.gz_len < len / 4);
    assert_true(c.br_len < c.gz_len); /* Brotli, even at quality 5, beats gzip -9 here */
    /* gzip: a gzip header with no time, and the file back byte for byte. */
    assert_int_equal(c.gz[0], 0x1f);
    assert_int_equal(c.gz[1], 0x8b);
    assert_int_equal(c.gz[4] | c.gz[5] | c.gz[6] | c.gz[7], 0);
    char *back = xmalloc(len + 1);
    z_stream z = {0};
    assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
    z.next_in = c.gz;
    z.avail_in = (uInt)c.gz_len;
    z.next_out = (Bytef *)back;
    z.avail_out = (uInt)len + 1;
    assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
    assert_int_equal(z.total_out, len);
    inflateEnd(&z);
    assert_memory_equal(back, page, len);
    /* Brotli likewise. */
    size_t out = len + 1;
    assert_int_equal(BrotliDecoderDecompress(c.br_len, c.br, &out, (uint8_t *)back),
                     BROTLI_DECODER_RESULT_SUCCESS);
    assert_int_equal(out, len);
    assert_memory_equal(back, page, len);
    /* The same bytes, the same copies: full and incremental builds agree. */
    precompressed again;
    assert_int_equal(precompress(page, len, &again), 0);
    assert_int_equal(again.gz_len, c.gz_len);
    assert_memory_equal(again.gz, c.gz, c.gz_len);
    assert_int_equal(again.br_len, c.br_len);
    assert_memory_equal(again.br, c.br, c.br_len);
    precompressed_free(&again);
    precompressed_free(&c);
    assert_null(c.gz);
    free(back);
    free(page);
}

static void test_no_copy_that_is_not_smaller(void **state)
{
    (void)state;
    /* A few bytes: gzip's header and trailer alone are longer. */
    precompressed c;
    assert_int_equal(precompress("ok\n", 3, &c), 0);
    assert_null(c.gz);
    assert_int_equal(c.gz_len, 0);
    assert_null(c.br);
    precompressed_free(&c);
    /* An empty file. */
    assert_int_equal(precompress("", 0, &c), 0);
    assert_null(c.gz);
    assert_null(c.br);
    precompressed_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_which_files),
        cmocka_unit_test(test_copies_decompress_to_the_file),
        cmocka_unit_test(test_no_copy_that_is_not_smaller),
    };
    return cmocka_run_group_tests_name("precompress", tests, NULL, NULL);
}
