/* scaffold_texts.c: the words `suture new` writes into files, per language (see
 * scaffold_private.h). */
#include "cli/scaffold_private.h"

#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"

/*
 * The English outline: one line of guidance per section, for the author to replace. It
 * must pass content/compliance.yaml itself: the "Side effects and risks" heading meets
 * side-effects-omitted, and the sentence on results varying (which stays) meets
 * results-vary-missing.
 */
static const char S_outline_en[] =
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
    "## Questions to ask at your consultation\n"
    "\n"
    "List questions a patient can ask, such as what the procedure can and cannot change "
    "for them and what the risks are in their case.\n";

/*
 * The Korean outline, in 합니다체 as the clinic's Korean articles are written, with the
 * sections a Korean patient leaflet has (the warning signs and whom to call have their own
 * section, as issue 16 asks of every procedure article). It meets the same rules: the
 * "위험과 부작용" heading side-effects-omitted, and "결과와 회복 과정은 사람마다
 * 다릅니다." (which stays) results-vary-missing.
 */
static const char S_outline_ko[] =
    "이 글에서 무엇을 설명하는지, 어떤 분께 도움이 되는지 쉬운 문장 두세 개로 적어 "
    "주십시오.\n"
    "\n"
    "## 개요\n"
    "\n"
    "어떤 시술인지, 어떤 원리로 작용하는지 일상적인 말로 설명해 주십시오. 의학 용어는 "
    "처음 나올 때 뜻을 함께 풀어 주십시오.\n"
    "\n"
    "## 이런 분께 맞을 수 있습니다\n"
    "\n"
    "어떤 분께 맞을 수 있는지, 어떤 분은 받지 않는 것이 좋은지와 그 이유를 적어 "
    "주십시오.\n"
    "\n"
    "## 시술 과정\n"
    "\n"
    "상담부터 마취, 시술, 귀가까지 어떤 순서로 진행되는지, 시간이 대략 얼마나 걸리는지 "
    "적어 주십시오.\n"
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
    "흔한 부작용과 드물지만 심각한 합병증을 적어 주십시오. 알려진 경우에는 얼마나 자주 "
    "생기는지, 생겼을 때 어떻게 대처하는지도 함께 적어 주십시오.\n"
    "\n"
    "## 바로 연락해야 하는 증상\n"
    "\n"
    "곧바로 병원에 연락해야 하는 증상과 연락할 곳을 적어 주십시오. 예를 들어 첫날 한쪽 "
    "얼굴이 갑자기 붓고 아픈 경우, 열이 나거나 고름이 나오는 경우, 얼굴에 힘이 빠지는 "
    "경우입니다. 응급 상황에서는 119에 전화하도록 안내해 주십시오.\n"
    "\n"
    "## 의사와 상담할 때\n"
    "\n"
    "상담할 때 물어볼 만한 질문을 적어 주십시오. 예를 들어 이 시술로 달라질 수 있는 것과 "
    "달라지지 않는 것, 내 경우에 특히 주의해야 할 위험은 무엇인지 등입니다.\n";

static const scaffold_texts S_ko = {
    .display_locale = "ko",
    .outline = S_outline_ko,
    .translate_fields = "# translate: title과 summary는 {source} 원문 그대로입니다. "
                        "{target}로 옮겨 주십시오.",
    .translate_body = "<!-- translate: 아래 본문은 {source} 원문입니다. {target}로 옮긴 "
                      "다음 이 주석을 지우고, 맨 위 front matter의 'draft: true' 줄을 "
                      "지워 주십시오. 그 전까지 이 글은 사이트에 실리지 않습니다. -->",
};

static const scaffold_texts S_en = {
    .display_locale = "en",
    .outline = S_outline_en,
    .translate_fields = "# translate: the title and summary are the {source} original's; "
                        "translate them into {target}.",
    .translate_body = "<!-- translate: the text below is the {source} original. Translate "
                      "it into {target}, then delete this comment and the line 'draft: "
                      "true' at the top; until then the article is not published. -->",
};

const scaffold_texts *scaffold_texts_for(const char *code)
{
    return slug_language_in(code, "ko") ? &S_ko : &S_en;
}

/* ICU's name of the language of code in locale, appended to out (the code itself when
 * ICU has none). */
static void S_put_language_name(strbuf *out, const char *code, const char *locale)
{
    char *name = slug_language_name(code, locale);
    strbuf_puts(out, name ? name : code);
    free(name);
}

char *scaffold_fill(const scaffold_texts *t, const char *text, const char *source,
                    const char *target)
{
    strbuf out = STRBUF_INIT;
    const char *p = text;
    for (;;) {
        const char *brace = strchr(p, '{');
        if (!brace) {
            strbuf_puts(&out, p);
            break;
        }
        strbuf_append(&out, p, (size_t)(brace - p));
        if (str_starts_with(brace, "{source}")) {
            S_put_language_name(&out, source, t->display_locale);
            p = brace + strlen("{source}");
        } else if (str_starts_with(brace, "{target}")) {
            S_put_language_name(&out, target, t->display_locale);
            p = brace + strlen("{target}");
        } else {
            strbuf_putc(&out, '{');
            p = brace + 1;
        }
    }
    return strbuf_detach(&out);
}
