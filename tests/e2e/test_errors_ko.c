/*
 * test_errors_ko.c: a mistake is told in the language of the person who wrote the file.
 * The same mistakes made in a Korean file (content/articles/ko/, content/pages/ko/,
 * content/media/diagrams/ko/) and in an English one must give the Korean message at the
 * first and the English one at the second; a mistake of site.yaml or procedures.yaml, in the
 * site's default language. Works on copies of tests/fixtures/bilingual (Korean first).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

static char *S_root; /* the repository, where the tests run from */

/* One expected error: the file it is at, and its message with its category. */
typedef struct {
    const char *file;
    const char *message;
} S_want;

/* Write text to rel under dir, making its folders. */
static void S_put(const char *dir, const char *rel, const char *text)
{
    assert_true(e2e_put(dir, rel, text));
}

/* A copy of the bilingual fixture (Korean first); its folder. */
static char *S_bilingual(void)
{
    char *dir = e2e_fixture_site(S_root, "bilingual");
    assert_non_null(dir);
    return dir;
}

static void S_done(char *dir)
{
    remove_tree(dir);
    free(dir);
}

/* Whether err has a line "<file>:...: error: <message>". */
static bool S_has(const char *err, const S_want *w)
{
    size_t n = strlen(w->file);
    for (const char *line = err; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *at = memmem(line, len, ": error: ", 9);
        if (len > n && strncmp(line, w->file, n) == 0 && (line[n] == ':') && at &&
            (size_t)(line + len - (at + 9)) == strlen(w->message) &&
            memcmp(at + 9, w->message, strlen(w->message)) == 0)
            return true;
        line = end ? end + 1 : line + len;
    }
    return false;
}

/* Run suture with args in dir; it must fail and report every one of want. */
static void S_expect(const char *dir, const char *const *args, const S_want *want, size_t n)
{
    char *err = NULL;
    assert_int_equal(e2e_run(dir, args, &err), 1);
    for (size_t i = 0; i < n; i++)
        if (!S_has(err, &want[i]))
            fail_msg("expected at %s the error\n%s\nin:\n%s", want[i].file, want[i].message,
                     err);
    free(err);
}

static const char *const S_build[] = {"build", "--content", "content", "--templates",
                                      "templates", "--out", "site", "--quiet", NULL};

/* A draft in each language, a photo, a named pipe where an image should be. */
static char *S_site(void)
{
    char *dir = S_bilingual();
    S_put(dir, "content/articles/ko/draft-note.md",
          "---\ntitle: \"초안\"\nsummary: \"아직 쓰는 중입니다.\"\ntopics: [anatomy]\n"
          "date: 2026-11-02\nreviewed: 2026-11-21\nreviewer: \"의료진 감수\"\ndraft: true\n"
          "---\n본문입니다.\n");
    S_put(dir, "content/articles/en/draft-note.md",
          "---\ntitle: \"A draft\"\nsummary: \"Still being written.\"\ntopics: [anatomy]\n"
          "date: 2026-11-02\nreviewed: 2026-11-21\nreviewer: \"Medical review team\"\n"
          "draft: true\n---\nText.\n");
    S_put(dir, "content/media/photo.png", "not really a png");
    char *pipe = path_join(dir, "content/media/pipe.png");
    assert_int_equal(mkfifo(pipe, 0644), 0);
    free(pipe);
    return dir;
}

/* Links, images, diagrams in the text, care cards: the same mistakes in both languages. */
#define MISTAKES(ALT, FIGURE_DIR)                                                             \
    "\n\n[a](qqqqqq.md) [b](smass.md) [c](notes.txt) [d](draft-note.md)\n\n"                  \
    "![](media/photo.png)\n\n"                                                                \
    "![" ALT "](https://example.com/a.png) ![" ALT "](images/a.png)\n"                        \
    "![" ALT "](media/missing.png) ![" ALT "](media/pipe.png)\n\n"                            \
    "Text ![" ALT "](media/diagrams/" FIGURE_DIR "face.svg \"C\") text.\n\n"                  \
    "![" ALT "](media/diagrams/" FIGURE_DIR "face.svg)\n\n"                                   \
    "```care\nlevel: urgent\n- " ALT "\n```\n"

#define KO "content/articles/ko/smas.md"
#define EN "content/articles/en/smas.md"
/* Their last lines, which the mistakes follow. */
#define KO_LAST "결합 조직으로 된 얇은 막입니다.\n"
#define EN_LAST "It is a sheet of connective tissue.\n"

static const S_want S_text_ko[] = {
    {KO, "'qqqqqq.md'(이)라는 글이 content/articles에 없습니다. 파일 이름을 확인해 주십시오 "
         "[link]"},
    {KO, "'smass.md'(이)라는 글이 없습니다. 'smas.md'을(를) 쓰려던 것인지 확인해 주십시오 "
         "[link]"},
    {KO, "링크 'notes.txt'은(는) suture가 게시하지 않는 파일을 가리킵니다. 글은 파일 "
         "이름('dimpling.md'처럼)으로, 다른 곳은 전체 웹 주소로 링크해 주십시오 [link]"},
    {KO, "'draft-note.md'은(는) 초안이라 게시되지 않으므로 이 링크는 끊어진 링크가 됩니다. "
         "링크를 지우거나 글을 게시해 주십시오 [link]"},
    {KO, "dimpling.md에 id가 '#원이'인 제목이 없습니다. '#원인'을(를) 쓰려던 것인지 확인해 "
         "주십시오 [link]"},
    {KO, "dimpling.md에 id가 '#zzzzzzzzzzzz'인 제목이 없습니다. 그 글의 제목 가운데 하나나 글 "
         "자체에 링크해 주십시오 [link]"},
    {KO, "이 이미지에 대체 텍스트가 없습니다. 대괄호 안에 이미지가 보여 주는 것을 써 "
         "주십시오: ![이미지가 보여 주는 것](media/photo.png) [media]"},
    {KO, "이미지 'https://example.com/a.png'은(는) 다른 사이트에 있습니다. 페이지는 다른 "
         "호스트에서 아무것도 불러오면 안 되므로, 이미지를 content/media/에 복사하고 "
         "'media/<name>'으로 써 주십시오 [media]"},
    {KO, "이미지 'images/a.png'이(가) content/media/에 있지 않습니다. 이미지를 그 폴더에 넣고 "
         "'media/<name>'으로 써 주십시오 [media]"},
    {KO, "이미지 'media/missing.png'이(가) 없습니다. content/media/missing.png 파일이 없으니 "
         "이름을 확인하거나 파일을 추가해 주십시오 [media]"},
    {KO, "이미지 'media/pipe.png'은(는) 파일이 아니라 이름 있는 파이프(FIFO)입니다: "
         "content/media/pipe.png. suture는 일반 파일만 게시하므로 이미지 파일로 바꿔 주십시오 "
         "[media]"},
    {KO, "다이어그램 'media/diagrams/ko/face.svg'은(는) 페이지에 그림으로 들어가므로 문단 "
         "하나를 혼자 차지해야 합니다. ![보여 주는 것](media/diagrams/ko/face.svg \"캡션\")을 "
         "따로 한 줄에 쓰고, 그 앞뒤에 빈 줄을 넣어 주십시오 [media]"},
    {KO, "다이어그램 'media/diagrams/ko/face.svg'에 캡션이 없습니다. 파일 이름 뒤에 따옴표로 "
         "감싸 써 주십시오: ![보여 주는 것](media/diagrams/ko/face.svg \"캡션\") [media]"},
    {KO, "site.yaml의 ko 언어에 care 카드가 보여 주는 'care_urgent' 안내문이 없습니다. 그 "
         "언어의 notices 아래에 추가해 주십시오(README.md의 'Care cards') [care]"},
    {KO, "care 카드에는 병원 전화번호와 응급 전화번호가 들어가는데 site.yaml에 둘 다 "
         "없습니다. 'phone'과 'emergency_number'가 있는 'clinic:'을 추가해 주십시오 [care]"},
    {KO, "1단계 제목('# ...')은 페이지 제목과 겹칩니다. 절은 '## '로 시작해 주십시오 "
         "[heading]"},
    {KO, "'[참고 @mitz1976, 80쪽]'은(는) suture가 읽을 수 있는 인용이 아닙니다. "
         "content/sources.yaml의 id로, 출처 하나는 [@id], 여럿은 [@id1; @id2]처럼 써 "
         "주십시오 [citation]"},
};

static const S_want S_text_en[] = {
    {EN, "there is no article 'qqqqqq.md' in content/articles; check the file name [link]"},
    {EN, "there is no article 'smass.md'; did you mean 'smas.md'? [link]"},
    {EN, "the link 'notes.txt' points at a file suture does not publish; link to an article "
         "by its file name (like 'dimpling.md') or to a full web address [link]"},
    {EN, "'draft-note.md' is a draft and will not be published, so this link would be "
         "broken; remove the link or publish the article [link]"},
    {EN, "dimpling.md has no heading with the id '#causess'; did you mean '#causes'? [link]"},
    {EN, "this image has no alt text; describe what it shows inside the brackets: ![what the "
         "image shows](media/photo.png) [media]"},
    {EN, "the image 'media/pipe.png' is a named pipe (FIFO), not a file: "
         "content/media/pipe.png; suture publishes only regular files: replace it with the "
         "image [media]"},
    {EN, "the diagram 'media/diagrams/face.svg' has no caption; write it in quotes after the "
         "file name: ![what it shows](media/diagrams/face.svg \"Caption\") [media]"},
    {EN, "site.yaml gives en no 'care_urgent' notice, which care cards show; add it under "
         "that language's notices (README.md, 'Care cards') [care]"},
};

static void test_text_mistakes(void **state)
{
    (void)state;
    char *dir = S_site();
    assert_true(e2e_edit(dir, KO, KO_LAST,
                         KO_LAST MISTAKES("그림", "ko/")
                         "\n[e](dimpling.md#원이) [f](dimpling.md#zzzzzzzzzzzz)\n"
                         "\n# 큰 제목\n\n출처 [참고 @mitz1976, 80쪽].\n"));
    assert_true(e2e_edit(dir, EN, EN_LAST,
                         EN_LAST MISTAKES("A picture", "") "\n[e](dimpling.md#causess)\n"));
    S_expect(dir, S_build, S_text_ko, sizeof S_text_ko / sizeof *S_text_ko);
    S_expect(dir, S_build, S_text_en, sizeof S_text_en / sizeof *S_text_en);
    /* suture check checks links to headings once every article has rendered: still in the
     * text's language. */
    const char *check[] = {"check", "--content", "content", NULL};
    S_expect(dir, check, &S_text_ko[4], 1);
    S_expect(dir, check, &S_text_en[4], 1);
    S_done(dir);
}

/* Comparison tables and before-and-after figures (fenced blocks): the same mistakes in a
 * Korean article and in an English one; and YAML that does not load, in a block and in a
 * Korean article's front matter. */
#define TWO_PROCEDURES                                                                        \
    "attributes:\n  - id: incision\n    label: { ko: 절개, en: Incision }\n"                    \
    "procedures:\n  - id: thread-lift\n    name: { ko: 실리프팅, en: Thread lift }\n"            \
    "    values:\n      incision: { ko: 없음, en: None }\n"                                       \
    "  - id: mini-lift\n    name: { ko: 미니 리프팅, en: Mini lift }\n    values: {}\n"
#define BLOCKS(CAPTION, ALT)                                                                  \
    "\n```compare\nprocedures: thread-lift, minilift\ncaption: " CAPTION "\n```\n"           \
    "\n```compare\nprocedures: thread-lift, mini-lift\nattributes: incision\n```\n"          \
    "\n```before-after\nbefore: media/a.png\nafter: media/b.png\nalt: " ALT "\n"            \
    "consent: yes\n```\n"                                                                     \
    "\n```before-after\nbefore: media/a.png\n```\n"                                          \
    "\n```compare\nprocedures: [thread-lift\n```\n"

static const S_want S_blocks_ko[] = {
    {KO ":19:26", "'minilift'(이)라는 시술·수술이 없습니다. 'mini-lift'을(를) 쓰려던 것인지 "
                  "확인해 주십시오 [compare]"},
    {KO ":24:1", "이 compare 블록에 'caption' 줄이 없습니다. 화면 낭독기가 읽어 주는 짧은 표 "
                 "제목을 적어 주십시오 [compare]"},
    {KO ":24:26", "content/data/procedures.yaml에 'mini-lift'의 'incision' 값이 없습니다. "
                  "그곳에 값을 넣거나 이 표에서 'incision'을(를) 빼 주십시오 [compare]"},
    {KO ":32:10", "'consent'에는 'partial'(얼굴 일부가 보임)이나 'full'만 쓸 수 있습니다. "
                  "'yes'은(는) 쓸 수 없습니다 [before-after]"},
    {KO ":36:1", "이 before-after 블록에 'after'이(가) 없습니다. 'after: "
                 "media/case-01-after.jpg'처럼 시술·수술 후 사진을 적어 주십시오 [before-after]"},
    {KO ":36:1", "이 before-after 블록에 'alt'이(가) 없습니다. 사진을 볼 수 없는 분도 알 수 "
                 "있도록, 사진에 무엇이 보이는지 적어 주십시오 [before-after]"},
    {KO ":36:1", "이 before-after 블록에 'consent'이(가) 없습니다. 환자의 서면 동의를 받은 "
                 "사진만 게시할 수 있습니다. 동의 범위를 'consent: partial'(얼굴 일부)이나 "
                 "'consent: full'로 적어 주십시오 [before-after]"},
    {KO ":40:13", "YAML 형식 오류: [ ]로 쓴 목록이 닫히지 않았거나 항목 사이에 쉼표가 "
                  "빠졌습니다. ']'로 닫고 항목은 쉼표로 구분해 주십시오(did not find expected "
                  "',' or ']' while parsing a flow sequence) [yaml]"},
    {"content/articles/ko/korean-only.md:2:10",
     "YAML 형식 오류: 이 줄이 앞뒤 줄과 맞지 않습니다. 들여쓰기와, 따옴표가 모두 닫혔는지 "
     "확인해 주십시오(did not find expected key while parsing a block mapping) [yaml]"},
};
static const S_want S_blocks_en[] = {
    {EN ":17:26", "unknown procedure 'minilift'; did you mean 'mini-lift'? [compare]"},
    {EN ":22:1", "this compare block has no 'caption' line; add a short title for the table, "
                 "which screen readers announce [compare]"},
    {EN ":30:10", "'consent' must be 'partial' (part of the face shown) or 'full', not 'yes' "
                  "[before-after]"},
    {EN ":34:1", "this before-after block has no 'alt'; describe what the photos show for "
                 "people who cannot see them [before-after]"},
    {EN ":38:13", "invalid YAML: a list in [ ] is not closed, or a comma is missing between its "
                  "items; close it with ']' and separate the items with commas (did not find "
                  "expected ',' or ']' while parsing a flow sequence) [yaml]"},
};

static void test_block_mistakes(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    S_put(dir, "content/data/procedures.yaml", TWO_PROCEDURES);
    S_put(dir, "content/media/a.png", "a");
    S_put(dir, "content/media/b.png", "b");
    assert_true(e2e_edit(dir, KO, KO_LAST, KO_LAST BLOCKS("비교", "사진")));
    assert_true(e2e_edit(dir, EN, EN_LAST, EN_LAST BLOCKS("Compared", "Photos")));
    assert_true(e2e_edit(dir, "content/articles/ko/korean-only.md", "title: \"", "title: \"\"\""));
    S_expect(dir, S_build, S_blocks_ko, sizeof S_blocks_ko / sizeof *S_blocks_ko);
    S_expect(dir, S_build, S_blocks_en, sizeof S_blocks_en / sizeof *S_blocks_en);
    /* suture check, whose lint reads the before-after blocks too: the same words. */
    const char *check[] = {"check", "--content", "content", NULL};
    S_expect(dir, check, &S_blocks_ko[3], 5);
    S_expect(dir, check, &S_blocks_en[2], 3);
    S_done(dir);
}

/* A drawing with a <script>, one without a viewBox, a compressed one: in
 * content/media/diagrams/ko/ told in Korean, in content/media/diagrams/ in English. */
#define SVG_HEAD "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 200\">\n"
#define SVG_TITLE "<title>T</title>\n<desc>D</desc>\n"

static const S_want S_drawings[] = {
    {"content/media/diagrams/ko/bad.svg",
     "다이어그램에는 <script>를 쓸 수 없습니다. 파일을 열거나 페이지를 읽을 때 사이트의 "
     "권한으로 실행되기 때문입니다. 지워 주십시오(다이어그램에는 스크립트가 필요 없습니다) [svg]"},
    {"content/media/diagrams/ko/wide.svg",
     "다이어그램에 viewBox가 없어 휴대폰 화면 너비에 맞게 줄어들지 못합니다. <svg>에 "
     "viewBox=\"0 0 WIDTH HEIGHT\"를 추가해 주십시오(그림의 크기입니다. 너비를 360에서 640 "
     "사이로 하면 휴대폰에서도 글자를 읽을 수 있습니다) [svg]"},
    {"content/media/diagrams/ko/old.svgz",
     "압축된 SVG(.svgz)는 게시하기 전에 검사할 수 없습니다. 그림을 일반 .svg 파일로 저장해 "
     "주십시오 [svg]"},
    {"content/media/diagrams/bad.svg",
     "<script> is not allowed in a diagram: it runs with the site's rights when the file is "
     "opened or the page is read; delete it (a diagram needs no script) [svg]"},
    {"content/media/diagrams/old.svgz",
     "a compressed SVG cannot be checked before it is published; save the drawing as plain "
     ".svg [svg]"},
};

static void test_drawing_mistakes(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    static const char bad[] = SVG_HEAD SVG_TITLE "<script/>\n</svg>\n";
    static const char wide[] =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\">\n" SVG_TITLE "</svg>\n";
    S_put(dir, "content/media/diagrams/ko/bad.svg", bad);
    S_put(dir, "content/media/diagrams/ko/wide.svg", wide);
    S_put(dir, "content/media/diagrams/ko/old.svgz", "compressed");
    S_put(dir, "content/media/diagrams/bad.svg", bad);
    S_put(dir, "content/media/diagrams/old.svgz", "compressed");
    S_expect(dir, S_build, S_drawings, sizeof S_drawings / sizeof *S_drawings);
    S_done(dir);
}

/* content/data/procedures.yaml whose one procedure names an article no language has. */
#define PROCEDURES                                                                           \
    "attributes:\n  - {id: incision, label: {ko: 절개, en: Incision}}\n"                       \
    "procedures:\n  - id: thread-lift\n    name: {ko: 실리프팅, en: Thread lift}\n"           \
    "    article: smass.md\n"                                                                \
    "    values:\n      incision: {text: {ko: 없음, en: None}, basis: clinic-experience}\n"

/* An article's front matter and name: told in its folder's language; procedures.yaml's
 * mistake, in the site's default one (Korean). */
static void test_article_mistakes(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    S_put(dir, "content/data/procedures.yaml", PROCEDURES);
    assert_true(e2e_edit(dir, KO, "topics: [anatomy]",
                         "topics: [anatomy]\nprocedures: [thread-lfit]"));
    assert_true(e2e_edit(dir, EN, "topics: [anatomy]", "topics: [anatomy]\nprocedures: [zzzz]"));
    assert_true(e2e_edit(dir, "content/articles/ko/korean-only.md", "---\ntitle",
                         "---\nslug: dimpling\ntitle"));
    S_put(dir, "content/articles/ko/Face Lift.md",
          "---\ntitle: \"T\"\nsummary: \"S.\"\ntopics: [anatomy]\ndate: 2026-11-02\n"
          "reviewed: 2026-11-21\nreviewer: \"의료진 감수\"\n---\n본문입니다.\n");
    static const S_want want[] = {
        {KO, "'thread-lfit'(이)라는 시술이 없습니다. 'thread-lift'을(를) 쓰려던 것인지 확인해 "
             "주십시오 [front-matter]"},
        {EN, "unknown procedure 'zzzz'; use a procedure declared in "
             "content/data/procedures.yaml [front-matter]"},
        {"content/articles/ko/Face Lift.md",
         "파일 이름 'Face Lift.md'은(는) 웹 주소로 쓸 수 없습니다. 영문 소문자, 숫자, "
         "하이픈만으로 파일 이름을 바꾸거나, 프런트 매터에 'slug:'를 써 주십시오 [slug]"},
        {"content/articles/ko/dimpling.md",
         "이 글의 slug 'dimpling'은(는) content/articles/ko/korean-only.md의 것과 같습니다. 두 "
         "페이지가 주소 하나를 같이 쓸 수는 없으니, 둘 중 하나에 다른 'slug:'를 붙여 주십시오 "
         "[slug]"},
    };
    S_expect(dir, S_build, want, sizeof want / sizeof *want);
    /* A front matter's mistake, once the slugs no longer clash. */
    assert_true(e2e_edit(dir, "content/articles/ko/korean-only.md", "slug: dimpling\n", ""));
    assert_true(e2e_edit(dir, "content/articles/ko/korean-only.md", "date: 20",
                         "date: 2026-13-01 # 20"));
    static const S_want later[] = {
        {"content/articles/ko/korean-only.md",
         "'date'의 '2026-13-01'은(는) 올바른 날짜가 아닙니다. 2026-11-20처럼 YYYY-MM-DD "
         "형식으로 써 주십시오"},
        {"content/data/procedures.yaml",
         "시술 'thread-lift'이(가) 가리키는 글 'smass.md'이(가) 없습니다. 'smas.md'을(를) "
         "쓰려던 것인지 확인해 주십시오 [procedures]"},
    };
    S_expect(dir, S_build, later, sizeof later / sizeof *later);
    S_done(dir);
}

/* Site pages: a page's own mistakes in its folder's language. */
#define PAGE "---\ntitle: \"T\"\nsummary: \"S.\"\nreviewed: 2026-12-01\n---\n"

static const S_want S_pages[] = {
    {"content/pages/ko/compare.md",
     "'compare'은(는) suture가 자체 페이지에 쓰는 주소입니다. 이 페이지에는 다른 파일 이름을 "
     "붙여 주십시오 [pages]"},
    {"content/pages/en/compare.md",
     "'compare' is an address suture uses for pages of its own; give this page another file "
     "name [pages]"},
    {"content/pages/ko/About Us.md",
     "페이지의 파일 이름은 그 페이지의 주소가 됩니다. 영문 소문자, 숫자, 하이픈만으로 "
     "'editorial-policy.md'처럼 이름을 바꿔 주십시오 [pages]"},
    {"content/pages/ko/smas.md",
     "같은 언어의 글에도 smas.md이(가) 있어서 'smas.md'(으)로 가는 링크가 둘 중 어느 것인지 "
     "알 수 없습니다. 페이지나 글의 이름을 바꿔 주십시오 [pages]"},
    {"content/pages/en/smas.md",
     "an article of the same language is called smas.md too, so a link to 'smas.md' could "
     "mean either; rename the page or the article [pages]"},
    {"content/pages/ko/about.md",
     "이 페이지에 id가 '#없음'인 제목이 없습니다. 이 페이지에 있는 제목의 id에 링크해 "
     "주십시오 [link]"},
    {"content/pages/ko/about.md",
     "content/pages/ko/policy.md에 id가 '#없음'인 제목이 없습니다. 페이지 자체나 그 페이지에 "
     "있는 제목의 id에 링크해 주십시오 [link]"},
    {"content/pages/ko/contact.md",
     "'reviewer'은(는) 프런트 매터에 쓸 수 있는 키가 아닙니다. 'reviewed'을(를) 쓰려던 것인지 "
     "확인해 주십시오"},
    /* The Korean disclaimer, in site.yaml, cites: there is no list of sources there. */
    {"content/site.yaml",
     "이곳의 인용에는 가리킬 출처 목록이 없습니다. 출처는 글, 용어 사전의 정의, "
     "procedures.yaml에서 인용해 주십시오 [citation]"},
};

static void test_page_mistakes(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    S_put(dir, "content/pages/ko/compare.md", PAGE "본문입니다.\n");
    S_put(dir, "content/pages/en/compare.md", PAGE "Text.\n");
    S_put(dir, "content/pages/ko/About Us.md", PAGE "본문입니다.\n");
    S_put(dir, "content/pages/ko/smas.md", PAGE "본문입니다.\n");
    S_put(dir, "content/pages/en/smas.md", PAGE "Text.\n");
    S_put(dir, "content/pages/ko/policy.md", PAGE "## 원칙\n\n본문입니다.\n");
    S_put(dir, "content/pages/ko/contact.md",
          "---\nreviewer: kim\ntitle: \"T\"\nsummary: \"S.\"\nreviewed: 2026-12-01\n---\n"
          "본문입니다.\n");
    S_put(dir, "content/pages/ko/about.md",
          PAGE "[아래](#없음)와 [원칙](policy.md#없음)을 읽어 주십시오.\n");
    S_put(dir, "content/sources.yaml",
          "sources:\n  - {id: mitz1976, authors: \"Mitz V\", title: \"The SMAS\", "
          "journal: \"PRS\", year: 1976, pmid: 935283}\n");
    assert_true(e2e_edit(dir, "content/site.yaml", "의학적 조언이 아닙니다.",
                         "의학적 조언이 아닙니다[@mitz1976]."));
    S_expect(dir, S_build, S_pages, sizeof S_pages / sizeof *S_pages);
    S_done(dir);
}

/* The clinic and a reviewer, with values of the wrong type, for site.yaml's end. */
#define CLINIC                                                                                \
    "clinic:\n  name: {ko: 병원, en: Clinic}\n  phone: [\"+82 2-000-0000\"]\n"                  \
    "  emergency_number: \"119\"\n"                                                           \
    "reviewers:\n  - id: kim\n    name: {ko: 김서연, en: Kim Seoyeon}\n"                        \
    "    credentials: {ko: 전문의, en: Surgeon}\n    licence: [12345]\n"

/* On a Korean-first site, site.yaml's own mistakes are told in Korean: its unknown keys, its
 * values, its topics, its clinic and reviewers, and its YAML. */
static void test_site_mistakes(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    assert_true(e2e_edit(dir, "content/site.yaml", "base_url: \"https://clinic.example/\"",
                         "titel: x\nbase_url: 12"));
    assert_true(e2e_edit(dir, "content/site.yaml", "  - id: side-effects", "  - id: anatomy"));
    assert_true(e2e_edit(dir, "content/site.yaml", "review_max_age_days: 365\n",
                         "review_max_age_days: 365\n" CLINIC));
    static const S_want want[] = {
        {"content/site.yaml",
         "'titel'은(는) site.yaml에 쓸 수 있는 키가 아닙니다. 'title'을(를) 쓰려던 것인지 "
         "확인해 주십시오"},
        {"content/site.yaml",
         "'base_url'에는 '12'이(가) 아니라 \"https://example.org/\"처럼 사이트의 절대 주소를 "
         "써 주십시오"},
        {"content/site.yaml", "주제 'anatomy'이(가) 두 번 선언되어 있습니다. 하나만 남겨 "
                              "주십시오"},
        {"content/site.yaml", "'clinic: phone'에는 글자로 된 값을 써야 하는데 목록입니다"},
        {"content/site.yaml", "감수자의 'licence'에는 글자로 된 값을 써야 하는데 목록입니다"},
    };
    S_expect(dir, S_build, want, sizeof want / sizeof *want);
    assert_true(e2e_edit(dir, "content/site.yaml", "topics:\n", "topics: []\nold_topics:\n"));
    static const S_want empty[] = {
        {"content/site.yaml", "'topics'이(가) 비어 있습니다. 주제를 하나 이상 써 주십시오"},
    };
    S_expect(dir, S_build, empty, 1);
    assert_true(e2e_edit(dir, "content/site.yaml", "  - code: en\n", "  - code: en\n x: : [\n"));
    static const S_want syntax[] = {
        {"content/site.yaml",
         "YAML 형식 오류: 이 줄이 앞뒤 줄과 맞지 않습니다. 들여쓰기와, 따옴표가 모두 "
         "닫혔는지 확인해 주십시오(did not find expected key while parsing a block mapping) "
         "[yaml]"},
    };
    S_expect(dir, S_build, syntax, 1);
    S_done(dir);
}

/* glossary.yaml and sources.yaml serve every language too: Korean on a Korean-first site. */
static void test_data_mistakes(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    S_put(dir, "content/glossary.yaml", "terms:\n  - id: smas\n    term: {ko: 스마스, en: SMAS}\n");
    S_put(dir, "content/sources.yaml",
          "sources:\n  - {id: mitz1976, authors: \"Mitz V\", title: \"The SMAS\", "
          "journal: \"PRS\", pmid: 935283}\n");
    static const S_want want[] = {
        {"content/glossary.yaml", "이 용어 사전 항목에 'definition'이 없습니다. 용어를 쉬운 "
                                  "말로 설명해 주십시오"},
        {"content/sources.yaml", "출처 'mitz1976'에 'year'가 없습니다. 발표된 연도를 추가해 "
                                 "주십시오"},
    };
    S_expect(dir, S_build, want, sizeof want / sizeof *want);
    S_done(dir);
}

/* procedures.yaml serves every language too: Korean on a Korean-first site. */
static void test_procedures_mistakes(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    S_put(dir, "content/data/procedures.yaml",
          "attributes:\n  - id: incision\n    label: { ko: 절개, en: Incision }\n"
          "procedures:\n  - id: thread-lift\n    values:\n      incison: { ko: 없음, en: None }\n");
    static const S_want want[] = {
        {"content/data/procedures.yaml", "이 시술·수술에 'name'이 없습니다. 독자가 보는 이름을 "
                                         "추가해 주십시오"},
        {"content/data/procedures.yaml", "'incison'(이)라는 비교 항목이 없습니다. 'incision'을(를) "
                                         "쓰려던 것인지 확인해 주십시오"},
    };
    S_expect(dir, S_build, want, sizeof want / sizeof *want);
    S_done(dir);
}

/* The same mistakes on a site whose first language is English are told in English. */
static void test_site_mistakes_english_first(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    assert_true(e2e_edit(dir, "content/site.yaml", "base_url: \"https://clinic.example/\"",
                         "titel: x\nbase_url: 12"));
    assert_true(e2e_edit(dir, "content/site.yaml", "  - code: ko\n", "  - code: en-GB\n"));
    assert_true(e2e_edit(dir, "content/site.yaml", "  - code: en\n", "  - code: ko\n"));
    static const S_want want[] = {
        {"content/site.yaml", "unknown key 'titel' in site.yaml; did you mean 'title'?"},
        {"content/site.yaml",
         "'base_url' must be the site's absolute address, like \"https://example.org/\", not "
         "'12'"},
    };
    S_expect(dir, S_build, want, sizeof want / sizeof *want);
    S_done(dir);
}

/* On a site whose default language is English, site.yaml's mistakes and a page in no
 * language's folder are told in English. */
static void test_english_default(void **state)
{
    (void)state;
    char *dir = S_bilingual();
    S_put(dir, "content/site.yaml",
          "base_url: \"https://clinic.example/\"\nlanguages:\n"
          "  - {code: en, title: \"Guide\", disclaimer: \"General.\", "
          "notices: {before_after: \"OK\"}}\n"
          "  - {code: ko, title: \"안내\", disclaimer: \"일반 정보입니다.\", "
          "notices: {before_after: \"동의\"}}\n"
          "footer_pages: [contact, Contact]\nreview_max_age_days: 365\n"
          "translation_max_lag_days: 3650\n"
          "topics:\n  - {id: anatomy, title: {ko: 구조, en: Anatomy}, "
          "description: {ko: 구조., en: Structure.}}\n");
    S_put(dir, "content/pages/privacy.md", PAGE "Text.\n");
    S_put(dir, "content/data/procedures.yaml", PROCEDURES);
    static const S_want want[] = {
        {"content/site.yaml",
         "'Contact' is not a page's name: write the file name of a page in content/pages/ "
         "without '.md', like 'about'"},
    };
    S_expect(dir, S_build, want, 1);
    assert_true(e2e_edit(dir, "content/site.yaml", ", Contact]", "]"));
    static const S_want later[] = {
        {"content/site.yaml",
         "the footer links to 'contact', but there is no content/pages/en/contact.md; write "
         "the page, or remove 'contact' from footer_pages [pages]"},
        {"content/site.yaml",
         "the footer links to 'contact', but there is no content/pages/ko/contact.md; write "
         "the page, or remove 'contact' from footer_pages [pages]"},
        {"content/pages/privacy.md",
         "this page is in no language folder; move it into content/pages/en/, or the folder "
         "of its language [pages]"},
        {"content/data/procedures.yaml",
         "procedure 'thread-lift' names the article 'smass.md', which does not exist; did you "
         "mean 'smas.md'? [procedures]"},
    };
    S_expect(dir, S_build, later, sizeof later / sizeof *later);
    S_done(dir);
}

int main(void)
{
    S_root = getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_mistakes),
        cmocka_unit_test(test_block_mistakes),
        cmocka_unit_test(test_drawing_mistakes),
        cmocka_unit_test(test_article_mistakes),
        cmocka_unit_test(test_page_mistakes),
        cmocka_unit_test(test_english_default),
        cmocka_unit_test(test_site_mistakes),
        cmocka_unit_test(test_site_mistakes_english_first),
        cmocka_unit_test(test_data_mistakes),
        cmocka_unit_test(test_procedures_mistakes),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    free(S_root);
    return failed;
}
