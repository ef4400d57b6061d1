/* explain.c: what each rule id of `suture check` means (see explain.h). */
#define _GNU_SOURCE
#include "check/explain.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "check/compliance.h"
#include "check/staleness.h"

static const explain_rule S_builtin[] = {
    {"front-matter", "error", "The article's front matter is incomplete or malformed.", NULL,
     "README.md, 'Writing an article'",
     "글 머리말(front matter)에 빠진 항목이 있거나 형식이 맞지 않습니다. 머리말은 글 맨 "
     "앞의 --- 두 줄 사이에 title, summary, topics, date, reviewed 같은 항목을 적는 "
     "부분입니다. 메시지가 가리키는 줄의 항목을 고치시기 바랍니다. 주제나 시술 이름이 "
     "틀렸다면 메시지가 site.yaml과 procedures.yaml에 있는 이름을 알려 줍니다."},
    {"yaml", "error", "The file is not valid YAML.", NULL, NULL,
     "YAML 문법에 맞지 않는 파일입니다. 들여쓰기는 탭이 아닌 공백으로 맞추고, 콜론(:) "
     "뒤에는 공백을 한 칸 두며, 따옴표는 짝을 맞추어야 합니다. 메시지가 가리키는 줄이나 "
     "그 바로 앞 줄에 원인이 있는 경우가 많습니다."},
    {"suppression", "error or warning",
     "A suture-ignore comment is malformed or suppresses nothing.",
     "A suppression needs a rule id and a reason (<!-- suture-ignore RULE-ID: reason -->); "
     "an unknown id or a missing reason is an error, one that suppresses nothing a warning.",
     NULL,
     "suture-ignore 주석의 형식이 잘못되었거나, 주석이 막는 결과가 없습니다. 검사 결과를 "
     "예외로 둘 때는 <!-- suture-ignore 규칙-ID: 이유 -->처럼 규칙 ID와 이유를 함께 "
     "적어야 합니다. 없는 규칙 ID를 쓰거나 이유를 빠뜨리면 오류이고, 아무 결과도 막지 "
     "않는 주석은 경고입니다. 필요 없어진 주석은 지우시기 바랍니다."},
    {"rules", "error", "The compliance rules cannot be read.", NULL, NULL, NULL},
    {"scaffold-placeholder", "error",
     "The article still holds guidance that suture new wrote for its author to replace.",
     "suture new article writes an outline: a section heading and, under it, a sentence "
     "saying what to write there (\"Explain what the procedure is and how it works, in "
     "everyday words.\"). suture new translation writes notes to the translator (\"# "
     "translate: ...\", \"<!-- translate: ... -->\"). Such guidance must not be published: "
     "replace each with the article's own text, or delete it. The error points at its first "
     "character. The sentence on results varying and the headings are the article's own and "
     "may stay.",
     "README.md, 'Editing articles' (suture new)",
     "suture new article이 만든 개요에는 각 항목 아래에 무엇을 쓸지 알려 주는 안내 문장이 "
     "있고(\"어떤 시술인지, 어떤 원리로 작용하는지 일상적인 말로 설명해 주십시오.\"), "
     "suture new translation은 번역자에게 남기는 주석(\"# translate: ...\", \"<!-- "
     "translate: ... -->\")을 넣습니다. 이런 안내 문구가 그대로 게시되어서는 안 됩니다. "
     "각 문구를 글의 내용으로 바꾸거나 지우시기 바랍니다. 개인차에 관한 문장과 항목 "
     "제목은 글의 일부이므로 그대로 두어도 됩니다."},
    {"title-quoted", "warning",
     "The whole title is wrapped in quotation marks.",
     "A title such as \"“Thread lift”\" or '「실 리프팅」' shows its quotation marks on the "
     "page, in lists, in the browser tab and in search results, where they read as irony or "
     "as a quotation from someone else. Write the title without them: title: \"Thread "
     "lift\". A title that quotes part of itself (What does “downtime” mean?) is not "
     "flagged.",
     NULL,
     "\"“실 리프팅”\"처럼 제목 전체를 따옴표로 감싸면 페이지, 글 목록, 브라우저 탭, 검색 "
     "결과에 따옴표가 그대로 보이고, 다른 사람의 말을 인용한 것처럼 읽힙니다. title: \"실 "
     "리프팅\"처럼 따옴표 없이 쓰시기 바랍니다. 제목의 일부만 인용한 경우('다운타임'이란 "
     "무엇인가요?)는 해당하지 않습니다."},
    {"citation", "error", "A citation names no source, or is not written as suture reads it.",
     "Cite a source of content/sources.yaml by its id in square brackets, after the claim it "
     "supports: [@mitz1976]; several at once with semicolons: [@mitz1976; @stuzin1992]. "
     "Pandoc's page numbers and prefixes ([see @mitz1976, p. 80]) are not taken. An id that "
     "is not in sources.yaml is an error, with the closest id that is; add the source there, "
     "or correct the id. Citations belong in articles, glossary definitions and the 'source' of "
     "a value in procedures.yaml; each page lists the sources it cites at its end.",
     "README.md, 'Citing sources'",
     "참고 문헌은 content/sources.yaml에 있는 id를 대괄호 안에 적어 근거가 되는 문장 바로 "
     "뒤에 인용합니다. 예: [@mitz1976]. 여러 출처는 세미콜론으로 나눕니다: [@mitz1976; "
     "@stuzin1992]. 쪽수나 앞말을 붙인 형식([see @mitz1976, p. 80])은 쓸 수 없습니다. "
     "sources.yaml에 없는 id는 오류이며, 가장 비슷한 id를 함께 알려 줍니다. 출처를 그 "
     "파일에 추가하거나 id를 바로잡으시기 바랍니다. 인용은 글(article), 용어 설명, "
     "procedures.yaml 값의 source에 쓸 수 있고, 각 페이지 끝에 그 페이지가 인용한 참고 "
     "문헌 목록이 붙습니다."},
    {"source-never-cited", "warning", "A source in content/sources.yaml is cited by no article.",
     "A bibliography lists what the articles rely on. A source nobody cites is either a "
     "citation that was forgotten or one that is no longer needed: cite it where the article "
     "uses it ([@id]), or remove it from sources.yaml.",
     "README.md, 'Citing sources'",
     "sources.yaml의 참고 문헌은 글이 근거로 삼은 자료의 목록입니다. 어느 글에서도 인용하지 "
     "않는 출처는 인용을 빠뜨렸거나 더는 필요 없는 것입니다. 그 출처를 쓰는 글에 [@id]로 "
     "인용하거나 sources.yaml에서 지우시기 바랍니다."},
    {"figure-unsourced", "warning",
     "A figure in procedures.yaml has neither a source nor a basis.",
     "A comparison table's figures (a length, a time, a duration) read as facts to a patient. "
     "Say where each comes from: a published source, as source: \"[@id]\" with an id of "
     "content/sources.yaml, or basis: clinic-experience when it is the clinic's own "
     "experience, and a note that says so. The Medical Service Act (Korea) art. 56(2)(8) "
     "forbids exaggerating objective facts, and CAP Code rule 3.7 asks for evidence of any "
     "claim a reader takes as objective.",
     "README.md, 'Citing sources'",
     "비교표의 수치(길이, 시간, 기간)는 환자에게 사실로 읽힙니다. 발표된 문헌이 근거라면 "
     "source: \"[@id]\"로 content/sources.yaml의 문헌을 밝히고, 병원의 경험이라면 basis: "
     "clinic-experience라고 적고 그 사실을 설명(note)에도 밝히시기 바랍니다. 의료법 제56조 "
     "제2항 제8호는 객관적인 사실을 과장하는 광고를 금지합니다."},
    {"before-after", "error", "A before-after block is incomplete (consent, alt text, images).",
     NULL, NULL,
     "시술 전후 사진 블록(before-after)에 필요한 항목이 빠졌거나 잘못되었습니다. before와 "
     "after에 사진 파일을, alt에 사진이 보여 주는 내용을 글로 적고, consent에는 환자의 "
     "서면 동의를 받은 범위를 partial(얼굴 일부) 또는 full로 적어야 합니다. 동의 없이 "
     "환자 사진을 게시해서는 안 됩니다."},
    {STALENESS_RULE_STALE, "warning",
     "A translation's source has been reviewed again since the version it translates.",
     "A translation says which version of its source it follows: 'translation_of' names the "
     "source's language and 'source_reviewed' the source's 'reviewed' date when it was "
     "translated. When the source's 'reviewed' date is later, the translation may say what "
     "the source no longer says. Bring the source's changes into the translation and set "
     "'source_reviewed' to the source's 'reviewed' date. The warning becomes the error "
     "translation-overdue once the source's newer review is more than "
     "translation_max_lag_days (site.yaml) before today (SUTURE_TODAY when set).",
     STALENESS_REFERENCE,
     "번역한 뒤에 원문이 다시 검토되었습니다. 번역 글의 translation_of에는 원문의 언어를, "
     "source_reviewed에는 번역할 당시 원문의 reviewed 날짜를 적습니다. 원문의 reviewed "
     "날짜가 이보다 늦으면 원문에서 이미 고친 내용이 번역에는 그대로 남아 있을 수 "
     "있습니다. 원문에서 바뀐 내용을 번역에 반영한 뒤 source_reviewed를 원문의 reviewed "
     "날짜로 고치시기 바랍니다. 원문이 다시 검토된 지 translation_max_lag_days(site.yaml)가 "
     "지나면 이 경고는 translation-overdue 오류가 됩니다."},
    {STALENESS_RULE_OVERDUE, "error",
     "A translation has not followed its source's newer review for longer than "
     "translation_max_lag_days allows.",
     "As translation-stale, and the source was reviewed again more than "
     "translation_max_lag_days (site.yaml) before today (SUTURE_TODAY when set): an outdated "
     "translation of medical information is a safety problem, so the check fails until the "
     "translation is brought up to date and its 'source_reviewed' set to the source's "
     "'reviewed' date.",
     STALENESS_REFERENCE,
     "원문이 다시 검토된 뒤 translation_max_lag_days(site.yaml)에 정한 기간이 지나도록 "
     "번역이 갱신되지 않았습니다. 의료 정보의 번역이 원문보다 뒤처지면 환자가 이미 "
     "바뀐 내용을 읽게 되므로, 번역을 원문에 맞게 고치고 source_reviewed를 원문의 "
     "reviewed 날짜로 바꿀 때까지 검사가 실패합니다."},
    {"site-disclaimer", "error",
     "A page lacks the medical disclaimer, has two, or its text differs.",
     "Every page has exactly one <aside class=\"medical-disclaimer\">, whose text is the "
     "disclaimer of the page's language in site.yaml (white space aside).",
     "README.md, 'Two languages'", NULL},
    {"site-disclaimer-language", "error",
     "A page carries the medical disclaimer of another language than its own.",
     "The disclaimer of a page is the one of its language (<html lang>) in site.yaml: a "
     "Korean page carries the Korean disclaimer. /404.html, which a static host serves for "
     "every language, may instead hold every language's disclaimer in one aside, each in a "
     "<div lang=\"...\">.",
     "README.md, 'Two languages'", NULL},
    {"site-lang", "error",
     "A page does not declare its language, or declares it with an invalid tag.",
     "<html lang> must be a BCP 47 language tag (ko, en, en-GB): screen readers pick their "
     "voice from it, and the disclaimer and hreflang checks read the page's language there. "
     "With site.yaml's languages, it must be one of them.",
     "WCAG 2.2 SC 3.1.1", NULL},
    {"site-hreflang", "error",
     "A page's hreflang alternates are invalid, missing, point at no page, or are not "
     "reciprocal.",
     "Each <link rel=\"alternate\" hreflang=\"...\" href=\"...\"> names a BCP 47 language "
     "(or x-default) and a page of the site that exists; a page with alternates lists "
     "itself; and when page A lists page B, B lists A back with A's language, as search "
     "engines ignore alternates that are not reciprocal.",
     "Google Search Central, Localized versions of your pages (hreflang)", NULL},
    {"site-title", "error", "A page has no title.", NULL, "WCAG 2.2 SC 2.4.2", NULL},
    {"site-description", "error", "A page has no meta description.", NULL, "README.md, 'Where the output goes'", NULL},
    {"site-h1", "error", "A page does not have exactly one level-1 heading.", NULL,
     "README.md, 'Where the output goes'", NULL},
    {"site-link", "error", "An internal link points at a file that does not exist.", NULL,
     "README.md, 'Where the output goes'", NULL},
    {"site-anchor", "error", "A link points at an anchor that does not exist.", NULL,
     "WCAG 2.2 SC 2.4.4", NULL},
    {"site-image", "error", "An image is missing or has no alt attribute.", NULL,
     "WCAG 2.2 SC 1.1.1", NULL},
    {"site-external", "error", "A page loads a resource from another host.", NULL,
     "README.md, 'Compliance checks'", NULL},
    {"site-html", "error", "A file does not parse as HTML without errors.", NULL,
     "README.md, 'Where the output goes'", NULL},
    {"site-csp", "error", "A page has no Content-Security-Policy, or one looser than 'self'.",
     NULL, "Content Security Policy Level 3 (W3C)", NULL},
    {"site-referrer", "error", "A page has no referrer policy, or one that leaks its address.",
     NULL, "Referrer Policy (W3C)", NULL},
    {"site-script", "error",
     "A page runs script written into it: inline code, handlers, script links.", NULL,
     "Content Security Policy Level 3 (W3C)", NULL},
    {"site-file", "error or warning",
     "An entry of the site folder is not a file inside it: a symbolic link out of the "
     "folder, to nothing or in a loop, a link to a folder, a named pipe, a socket or a "
     "device.",
     NULL, "README.md, 'Where the output goes'", NULL},
    {"reading-grade", "warning",
     "An English article's Flesch–Kincaid reading grade (Kincaid et al. 1975) is above "
     "reading_grade_max in site.yaml: shorten its longest sentences and prefer shorter "
     "words.",
     "What it measures: the Flesch–Kincaid grade level of an English article's body (its "
     "paragraphs, list items and quotes; not its title, headings, code, compare or "
     "before-after blocks): 0.39 x words/sentences + 11.8 x syllables/words - 15.59, roughly "
     "the years of US schooling a reader needs. Setting: reading_grade_max in site.yaml (1 "
     "to 20; without it grades are listed, never warned about). English pages only: never "
     "on Korean text (see reading-grade-ko). What to do: split the longest sentences the "
     "warning names, one idea each; prefer short everyday words; explain a medical term "
     "once.",
     "J. P. Kincaid, R. P. Fishburne, R. L. Rogers and B. S. Chissom, \"Derivation of new "
     "readability formulas (Automated Readability Index, Fog Count and Flesch Reading Ease "
     "Formula) for Navy enlisted personnel\", Research Branch Report 8-75, Naval Technical "
     "Training Command, 1975", NULL},
    {"reading-grade-ko", "warning",
     "A Korean article's sentences are longer on average than reading_eojeol_max 어절 in "
     "site.yaml (sentence and paragraph length relate to a Korean text's level: Hong, Choe "
     "& You 2011): split its longest sentences.",
     "What it measures: a Korean article's mean sentence length in 어절 (eojeol: the units "
     "Korean spacing separates; \"SMAS층은\" is one, \"3 mm\" two), over its body's "
     "paragraphs, list items and quotes (not its title, headings, code, compare or "
     "before-after blocks); also listed: its mean paragraph length in sentences, its longest "
     "sentence and paragraph. Sentences: ICU's sentence rules for Korean, and the end of "
     "every paragraph, list item or quote. The source found that paragraph length and "
     "sentence length rise steadily with a Korean text's level; only its abstract was read: "
     "its own units and level boundaries are unverified, and it sets no limit for a page, so "
     "the limit is the site's choice. Setting: reading_eojeol_max in site.yaml (a whole "
     "number from 5 to 50; 15 suggested; without it lengths are listed, never warned about); "
     "the mean, rounded to one decimal, must not be above it. Never Flesch–Kincaid on Hangul. "
     "What to do: split the longest sentences the warning names (긴 문장부터 둘 이상으로 "
     "나누기), one fact each; end a sentence where a connective ending (-고, -며, -는데, "
     "-지만) joins two; turn a list written into a sentence into a bulleted list.",
     "Jungha Hong, Jae-Woong Choe and Seok-Hoon You, \"텍스트 수준과 가독성: 한국어 학습 "
     "교재를 이용한 검증과 응용\" (A Verification and Application of a Correlation between "
     "Text Levels and Readability Using Korean Learning Materials), 언어정보 (Language "
     "Information) 12, 111-148, 2011",
     "한국어 글의 문장이 평균적으로 site.yaml의 reading_eojeol_max 어절보다 깁니다. 본문의 "
     "문단, 목록 항목, 인용문(제목, 소제목, 코드, 비교표, 전후 사진 블록은 빼고)에서 "
     "문장 하나에 평균 몇 어절이 들어 있는지 셉니다. 문단의 평균 문장 수와 가장 긴 "
     "문장, 가장 긴 문단도 함께 보여 줍니다. 경고가 알려 주는 긴 문장부터, 한 문장에 "
     "한 가지 사실만 담기도록 둘 이상으로 나누시기 바랍니다. -고, -며, -는데, -지만 같은 "
     "연결 어미로 이어지는 곳에서 끊으면 자연스럽고, 문장 안에 나열한 항목은 글머리 "
     "기호 목록으로 바꾸면 읽기 쉽습니다. 이 값으로 글의 수준을 판정하는 공인 기준은 "
     "없으므로 상한은 사이트가 정합니다."},
};

#define S_N_BUILTIN (sizeof S_builtin / sizeof *S_builtin)

const explain_rule *explain_builtin(const char *id)
{
    for (size_t i = 0; i < S_N_BUILTIN; i++)
        if (strcmp(S_builtin[i].id, id) == 0)
            return &S_builtin[i];
    return NULL;
}

const explain_rule *explain_builtin_at(size_t i)
{
    return i < S_N_BUILTIN ? &S_builtin[i] : NULL;
}

/* The widest line of an explanation, in terminal columns. */
#define S_WIDTH 88

/* The columns a terminal gives the character at s + *i (two for Hangul and other wide
 * characters, UAX #11), stepping *i past it. */
static size_t S_columns(const char *s, size_t *i)
{
    UChar32 c;
    int32_t at = (int32_t)*i;
    U8_NEXT(s, at, -1, c);
    *i = (size_t)at;
    if (c < 0)
        return 1;
    int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
}

void explain_wrapped(FILE *out, const char *prefix, const char *text)
{
    strbuf b = STRBUF_INIT;
    strbuf_printf(&b, "  %s%s", prefix, text);
    const char *s = strbuf_str(&b);
    size_t width = S_WIDTH; /* the first line holds its indent already */
    while (*s) {
        size_t chars = 0, cut = 0, i = 0;
        while (s[i] && chars <= width) {
            if (s[i] == ' ' && i > 2)
                cut = i;
            chars += S_columns(s, &i);
        }
        if (!s[i] && chars <= width)
            cut = i;
        else if (!cut) /* a word longer than the line: it stays whole */
            for (cut = i; s[cut] && s[cut] != ' ';)
                cut++;
        fprintf(out, "%.*s\n", (int)cut, s);
        s += cut;
        while (*s == ' ')
            s++;
        if (*s)
            fputs("    ", out);
        width = S_WIDTH - 4;
    }
    strbuf_free(&b);
}

/* Whether lang asks for Korean (ko, ko-KR). */
static bool S_korean(const char *lang)
{
    return lang && slug_language_in(lang, "ko");
}

static int S_print_builtin(const explain_rule *r, const char *lang, FILE *out)
{
    fprintf(out, "%s (%s; built into suture)\n", r->id, r->severity);
    bool ko = r->ko && S_korean(lang);
    if (!ko) {
        explain_wrapped(out, "", r->summary);
        if (r->detail)
            explain_wrapped(out, "", r->detail);
    }
    if (r->ko && (!lang || ko))
        explain_wrapped(out, lang ? "" : "(ko) ", r->ko);
    if (r->reference)
        explain_wrapped(out, "References: ", r->reference);
    return ferror(out) ? -1 : 0;
}

/* The message and explanation of r in the language of v, under a blank line. */
static void S_print_language(const rule *r, const ltext_value *v, FILE *out)
{
    const char *lang = v->lang[0] ? v->lang : NULL;
    char *text = rule_message_in(r, lang, r->kind == RULE_PATTERNS ? "<phrase>" : NULL);
    char *prefix = lang ? xasprintf("Message (%s): ", lang) : xstrdup("Message: ");
    fputc('\n', out);
    explain_wrapped(out, prefix, text);
    free(prefix);
    free(text);
    const char *why = rule_explanation_in(r, lang);
    if (why) {
        prefix = lang ? xasprintf("Explanation (%s): ", lang) : xstrdup("Explanation: ");
        explain_wrapped(out, prefix, why);
        free(prefix);
    }
}

static int S_print_rule(const compliance *c, const rule *r, const char *lang, FILE *out)
{
    static const char *const kinds[] = {"patterns", "requires", "metadata", "media"};
    fprintf(out, "%s (%s, %s; %s:%u)\n", r->id, diag_severity_name(r->severity),
            kinds[r->kind], c->file, r->line);
    strbuf langs = STRBUF_INIT;
    for (size_t i = 0; i < r->langs.len; i++)
        strbuf_printf(&langs, "%s%s", i ? ", " : "", r->langs.items[i]);
    fprintf(out, "  Applies to pages in %s.\n", r->langs.len ? strbuf_str(&langs) : "every language");
    strbuf_free(&langs);
    /* One language: the one asked for, as a page in it gets it (else the English). */
    long pick = -1;
    if (lang) {
        const char *want = ltext_get(&r->messages, lang);
        if (!want)
            want = r->message;
        for (size_t i = 0; i < r->messages.n && pick < 0; i++)
            if (r->messages.values[i].text == want || !strcmp(r->messages.values[i].text, want))
                pick = (long)i;
    }
    for (size_t i = 0; i < r->messages.n; i++)
        if (pick < 0 || (size_t)pick == i)
            S_print_language(r, &r->messages.values[i], out);
    fputc('\n', out);
    explain_wrapped(out, "References: ", r->reference);
    return ferror(out) ? -1 : 0;
}

/* The closest id to a mistyped one, built-in or in c (may be NULL), or NULL. */
static const char *S_suggest(const compliance *c, const char *id)
{
    const char *ids[S_N_BUILTIN + 1];
    for (size_t i = 0; i < S_N_BUILTIN; i++)
        ids[i] = S_builtin[i].id;
    ids[S_N_BUILTIN] = NULL;
    const char *near = c ? compliance_suggest(c, id) : NULL;
    return near ? near : suggest_closest(id, ids);
}

int explain_rule_to(const char *rules_path, const char *id, const char *lang, FILE *out,
                    FILE *err)
{
    const explain_rule *b = explain_builtin(id);
    if (b)
        return S_print_builtin(b, lang, out);
    diag_list *diags = diag_list_new();
    compliance *c = compliance_load(rules_path, NULL, diags);
    int status = 1;
    long i = c ? compliance_find(c, id) : -1;
    if (i >= 0) {
        status = S_print_rule(c, &c->rules[i], lang, out);
    } else if (!c) {
        for (size_t k = 0; k < diag_count(diags); k++) {
            char *line = diag_format(diag_get(diags, k));
            fprintf(err, "%s\n", line);
            free(line);
        }
        fprintf(err, "suture: '%s' is not a rule built into suture, and the compliance rules "
                     "(%s) cannot be read to look for it\n", id, rules_path);
    } else {
        const char *near = S_suggest(c, id);
        if (near)
            fprintf(err, "suture: there is no rule '%s'; did you mean '%s'?\n", id, near);
        else
            fprintf(err, "suture: there is no rule '%s' built into suture or in %s\n", id,
                    rules_path);
    }
    compliance_free(c);
    diag_list_free(diags);
    return status;
}
