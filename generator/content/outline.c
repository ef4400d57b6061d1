/* outline.c: the words `suture new` writes into new articles (see outline.h). */
#define _GNU_SOURCE /* memmem */
#include "content/outline.h"

#include <string.h>

#include "base/slug.h"

/* The English outline's guidance, one paragraph each, for the author to replace. */
#define S_EN_INTRO "Write two or three plain sentences: what this article explains and who it is for."
#define S_EN_WHAT                                                                          \
    "Explain what the procedure is and how it works, in everyday words. Explain each "      \
    "medical term the first time you use it."
#define S_EN_SUIT "Describe who may be suited to it, who should not have it, and why."
#define S_EN_RISKS                                                                         \
    "List the common side effects and the rarer, serious complications, how often they "    \
    "happen where that is known, and what can be done about them."
#define S_EN_RECOVERY                                                                      \
    "Describe what the first days and weeks are usually like and which signs mean a "       \
    "patient should contact the clinic."
#define S_EN_URGENT                                                                        \
    "List the signs that mean a patient should contact the clinic at once, one line each: "  \
    "for example sudden swelling or pain on one side of the face in the first day, a fever, " \
    "or weakness of part of the face."
#define S_EN_QUESTIONS                                                                     \
    "List questions a patient can ask, such as what the procedure can and cannot change "   \
    "for them and what the risks are in their case."

/*
 * The English outline. It must pass content/compliance.yaml itself: the "Side effects and
 * risks" heading meets side-effects-omitted, the sentence on results varying (which stays)
 * results-vary-missing, and the ```care block (its signs for the author to write)
 * care-card-missing.
 */
static const char S_outline_en[] = S_EN_INTRO "\n\n## What it is\n\n" S_EN_WHAT
    "\n\n## Who it may suit\n\n" S_EN_SUIT "\n\n## Side effects and risks\n\n" S_EN_RISKS
    "\n\n## Recovery\n\n" S_EN_RECOVERY "\n\nResults and recovery vary from person to person.\n"
    "\n## When to get help\n\n```care\nlevel: urgent\n- " S_EN_URGENT "\n```\n"
    "\n## Questions to ask at your consultation\n\n" S_EN_QUESTIONS "\n";

/* The Korean outline's guidance, in 합니다체 as the clinic's Korean articles are written. */
#define S_KO_INTRO                                                                         \
    "이 글에서 무엇을 설명하는지, 어떤 분께 도움이 되는지 쉬운 문장 두세 개로 적어 주십시오."
#define S_KO_WHAT                                                                          \
    "어떤 시술인지, 어떤 원리로 작용하는지 일상적인 말로 설명해 주십시오. 의학 용어는 처음 " \
    "나올 때 뜻을 함께 풀어 주십시오."
#define S_KO_SUIT                                                                          \
    "어떤 분께 맞을 수 있는지, 어떤 분은 받지 않는 것이 좋은지와 그 이유를 적어 주십시오."
#define S_KO_STEPS                                                                         \
    "상담부터 마취, 시술, 귀가까지 어떤 순서로 진행되는지, 시간이 대략 얼마나 걸리는지 적어 " \
    "주십시오."
#define S_KO_RECOVERY                                                                      \
    "시술 후 처음 며칠과 몇 주 동안 보통 어떤지, 일상생활로 언제 돌아갈 수 있는지 적어 "    \
    "주십시오."
#define S_KO_RISKS                                                                         \
    "흔한 부작용과 드물지만 심각한 합병증을 적어 주십시오. 알려진 경우에는 얼마나 자주 "     \
    "생기는지, 생겼을 때 어떻게 대처하는지도 함께 적어 주십시오."
#define S_KO_URGENT                                                                        \
    "곧바로 병원에 연락해야 하는 증상과 연락할 곳을 적어 주십시오. 예를 들어 첫날 한쪽 "    \
    "얼굴이 갑자기 붓고 아픈 경우, 열이 나거나 고름이 나오는 경우, 얼굴에 힘이 빠지는 "     \
    "경우입니다. 응급 상황에서는 119에 전화하도록 안내해 주십시오."
#define S_KO_QUESTIONS                                                                     \
    "상담할 때 물어볼 만한 질문을 적어 주십시오. 예를 들어 이 시술로 달라질 수 있는 것과 "  \
    "달라지지 않는 것, 내 경우에 특히 주의해야 할 위험은 무엇인지 등입니다."

/*
 * The Korean outline, with the sections a Korean patient leaflet has (the warning signs and
 * whom to call have their own section, as issue 16 asks of every procedure article). It
 * meets the same rules: the "위험과 부작용" heading side-effects-omitted, "결과와 회복
 * 과정은 사람마다 다릅니다." (which stays) results-vary-missing, and the ```care block
 * care-card-missing.
 */
static const char S_outline_ko[] = S_KO_INTRO "\n\n## 개요\n\n" S_KO_WHAT
    "\n\n## 이런 분께 맞을 수 있습니다\n\n" S_KO_SUIT "\n\n## 시술 과정\n\n" S_KO_STEPS
    "\n\n## 회복\n\n" S_KO_RECOVERY "\n\n결과와 회복 과정은 사람마다 다릅니다.\n"
    "\n## 위험과 부작용\n\n" S_KO_RISKS "\n\n## 바로 연락해야 하는 증상\n\n```care\nlevel: "
    "urgent\n- " S_KO_URGENT "\n```\n\n## 의사와 상담할 때\n\n" S_KO_QUESTIONS "\n";

/* The translator's notes, up to their first {source}, then the rest. */
#define S_KO_FIELDS "# translate: title과 summary는 "
#define S_KO_BODY "<!-- translate: 아래 본문은 "
#define S_EN_FIELDS "# translate: the title and summary are the "
#define S_EN_BODY "<!-- translate: the text below is the "

static const outline_texts S_ko = {
    .lang = "ko",
    .display_locale = "ko",
    .outline = S_outline_ko,
    .translate_fields = S_KO_FIELDS "{source} 원문 그대로입니다. {target}로 옮겨 주십시오.",
    .translate_body = S_KO_BODY "{source} 원문입니다. {target}로 옮긴 다음 이 주석을 지우고, "
                                "맨 위 front matter의 'draft: true' 줄을 지워 주십시오. 그 "
                                "전까지 이 글은 사이트에 실리지 않습니다. -->",
};

static const outline_texts S_en = {
    .lang = "en",
    .display_locale = "en",
    .outline = S_outline_en,
    .translate_fields = S_EN_FIELDS "{source} original's; translate them into {target}.",
    .translate_body = S_EN_BODY "{source} original. Translate it into {target}, then delete "
                                "this comment and the line 'draft: true' at the top; until "
                                "then the article is not published. -->",
};

static const char *const S_placeholders[] = {
    S_EN_INTRO, S_EN_WHAT,     S_EN_SUIT,   S_EN_RISKS,   S_EN_RECOVERY, S_EN_URGENT,
    S_EN_QUESTIONS,
    S_KO_INTRO, S_KO_WHAT,     S_KO_SUIT,   S_KO_STEPS,   S_KO_RECOVERY, S_KO_RISKS,
    S_KO_URGENT, S_KO_QUESTIONS, S_KO_FIELDS, S_KO_BODY,  S_EN_FIELDS,   S_EN_BODY,
};

const outline_texts *outline_texts_for(const char *code)
{
    return slug_language_in(code, "ko") ? &S_ko : &S_en;
}

const char *const *outline_placeholders(size_t *n)
{
    *n = sizeof S_placeholders / sizeof *S_placeholders;
    return S_placeholders;
}

size_t outline_find_placeholder(const char *text, size_t len, size_t from, size_t *match_len)
{
    size_t best = len;
    *match_len = 0;
    for (size_t i = 0; i < sizeof S_placeholders / sizeof *S_placeholders && from < len; i++) {
        size_t n = strlen(S_placeholders[i]);
        const char *hit = memmem(text + from, len - from, S_placeholders[i], n);
        if (hit && (size_t)(hit - text) < best) {
            best = (size_t)(hit - text);
            *match_len = n;
        }
    }
    return best;
}
