/* staleness.c: translations behind their source (see staleness.h). */
#define _GNU_SOURCE
#include "check/staleness.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"

/* The name of language code in language in ("영어" for en in ko, "English" in en), or
 * code itself when ICU has none. The caller frees it. */
static char *S_name_in(const char *code, const char *in)
{
    char *name = slug_language_name(code, in);
    return name ? name : xstrdup(code);
}

/*
 * The particle "to" after a date in Korean: 으로 after a final consonant other than ㄹ, 로
 * after a vowel or ㄹ. A date is read with its last digit in Sino-Korean: 영 (0), 삼 (3)
 * and 육 (6) end in ㅇ, ㅁ and ㄱ; 일, 칠 and 팔 in ㄹ; the others in a vowel. So
 * 2026-12-06으로, 2026-12-01로.
 */
static const char *S_ro_after(const char *date)
{
    size_t n = strlen(date);
    char last = n ? date[n - 1] : '1';
    return last == '0' || last == '3' || last == '6' ? "으로" : "로";
}

/* The message, in Korean for a Korean page and in English otherwise (caller frees). */
static char *S_message(const staleness_input *in, translation_state state, long lag,
                       long max_lag)
{
    bool ko = slug_language_in(in->lang, "ko");
    char *source_name = S_name_in(in->source_lang, ko ? "ko" : "en");
    char follows[16], newer[16];
    date_format(&in->translation->source_reviewed, follows, sizeof follows);
    date_format(&in->source->reviewed, newer, sizeof newer);
    char *msg;
    if (ko && state == TRANSLATION_OVERDUE)
        msg = xasprintf("이 번역은 %s에 검토된 %s 원문(%s)을 옮긴 것인데, 원문이 %s에 다시 "
                        "검토된 뒤 %ld일이 지나도록 번역이 갱신되지 않아 허용 기간"
                        "(translation_max_lag_days, %ld일)을 넘었습니다. 원문에서 바뀐 내용을 "
                        "번역에 반영하고 source_reviewed 값을 %s%s 고치세요.",
                        follows, source_name, in->source_path, newer, lag, max_lag, newer,
                        S_ro_after(newer));
    else if (ko)
        msg = xasprintf("이 번역은 %s에 검토된 %s 원문(%s)을 옮긴 것인데, 원문이 %s에 다시 "
                        "검토된 뒤로 번역이 갱신되지 않았습니다(%ld일 지남, 허용 기간 %ld일). "
                        "원문에서 바뀐 내용을 번역에 반영하고 source_reviewed 값을 %s%s "
                        "고치세요.",
                        follows, source_name, in->source_path, newer, lag,
                        max_lag, newer, S_ro_after(newer));
    else if (state == TRANSLATION_OVERDUE)
        msg = xasprintf("this translation follows the %s source, %s, as reviewed on %s, but the "
                        "source was reviewed again on %s, %ld days ago: more than the %ld days "
                        "translation_max_lag_days allows; bring the source's changes into the "
                        "translation and set source_reviewed to %s",
                        source_name, in->source_path, follows, newer, lag, max_lag, newer);
    else
        msg = xasprintf("this translation follows the %s source, %s, as reviewed on %s, but the "
                        "source was reviewed again on %s, %ld day%s ago "
                        "(translation_max_lag_days allows %ld); bring the source's changes into "
                        "the translation and set source_reviewed to %s",
                        source_name, in->source_path, follows, newer, lag, lag == 1 ? "" : "s",
                        max_lag, newer);
    free(source_name);
    return msg;
}

translation_state staleness_check(const config *cfg, const staleness_input *in,
                                  const date_ymd *today, diag_list *diags)
{
    long lag = 0;
    long max_lag = cfg->translation_max_lag_days;
    translation_state state =
        translation_staleness(in->translation, in->source, today, max_lag, &lag);
    if (state == TRANSLATION_CURRENT)
        return state;
    char *msg = S_message(in, state, lag, max_lag);
    fm_pos at = in->translation->source_reviewed_at;
    /* In the page's language, which --verbose and the JSON report name too. */
    diag_add_lang(diags, state == TRANSLATION_OVERDUE ? DIAG_ERROR : DIAG_WARNING, in->path,
                  at.line, at.column,
                  state == TRANSLATION_OVERDUE ? STALENESS_RULE_OVERDUE : STALENESS_RULE_STALE,
                  STALENESS_REFERENCE, in->lang, "%s", msg);
    free(msg);
    return state;
}
