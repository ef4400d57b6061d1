/*
 * staleness.h: `suture check`'s findings on translations that no longer follow their source
 * (issue 16, "translations that cannot silently go stale").
 *
 * A translation (front matter `translation_of: en`, `source_reviewed: <date>`) follows the
 * version of its source that was reviewed on source_reviewed. When the source's `reviewed`
 * date is later, the translation is stale (translation_staleness, content/articlefiles.h):
 *
 *   translation-stale    warning: the source was reviewed again since, at most
 *                        translation_max_lag_days (site.yaml) before today
 *   translation-overdue  error: more than translation_max_lag_days before today
 *
 * Each finding is reported at the translation's `source_reviewed` value, with the reference
 * STALENESS_REFERENCE, in the translation's language: Korean for a Korean page, English
 * for every other; it names the source file, the date the translation follows, the
 * source's newer review date, the days since then and the allowed lag, and says what to do.
 */
#ifndef SUTURE_STALENESS_H
#define SUTURE_STALENESS_H

#include "base/diag.h"
#include "content/articlefiles.h" /* translation_state */
#include "content/config.h"
#include "content/frontmatter.h"

#define STALENESS_RULE_STALE "translation-stale"
#define STALENESS_RULE_OVERDUE "translation-overdue"
#define STALENESS_REFERENCE "README.md, 'Two languages': translation_max_lag_days in content/site.yaml"

/* One translation to compare with its source. */
typedef struct staleness_input {
    const char *path;              /* the translation's file, for the diagnostic */
    const char *lang;              /* its language (BCP 47): the message's language */
    const frontmatter *translation; /* its front matter, with translation_of */
    const char *source_path;       /* the source's file, named in the message */
    const char *source_lang;       /* the source's language (BCP 47) */
    const frontmatter *source;     /* the source's front matter */
} staleness_input;

/*
 * Compare in->translation with in->source on day today (UTC; check_today), with
 * cfg->translation_max_lag_days, and add a translation-stale warning or a
 * translation-overdue error to diags when the translation is behind. Returns the state
 * (translation_staleness). For example, on day 2026-12-06, with a lag of 90 days:
 *
 *   content/articles/ko/x.md:10:18: warning: 이 번역은 2026-11-20에 검토된 영어 원문
 *   (content/articles/en/x.md)을 옮긴 것인데, 원문이 2026-12-01에 다시 검토된 뒤로 번역이
 *   갱신되지 않았습니다(5일 지남, 허용 기간 90일). 원문에서 바뀐 내용을 번역에 반영하고
 *   source_reviewed 값을 2026-12-01로 고치세요. [translation-stale]
 *
 * The particle after the date follows its last digit: 2026-12-06으로, 2026-12-01로.
 */
translation_state staleness_check(const config *cfg, const staleness_input *in,
                                  const date_ymd *today, diag_list *diags);

#endif
