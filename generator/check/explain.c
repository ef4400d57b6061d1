/* explain.c: `suture check --explain RULE-ID` (see explain.h). */
#include "check/explain.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "base/suggest.h"
#include "check/report.h"

/* The checks built into suture that count rather than match: how they measure, their
 * source, their setting and what to do. Other built-in categories have one sentence
 * (report_category_text). */
static const struct {
    const char *id;
    const char *text;
} S_measures[] = {
    {"reading-grade",
     "What it measures: the Flesch-Kincaid grade level of an English article's body (its\n"
     "paragraphs, list items and quotes; not its title, headings, code, compare or\n"
     "before-after blocks): 0.39 x words/sentences + 11.8 x syllables/words - 15.59, roughly\n"
     "the years of US schooling a reader needs.\n"
     "Source: J. P. Kincaid, R. P. Fishburne, R. L. Rogers and B. S. Chissom, \"Derivation of\n"
     "new readability formulas (Automated Readability Index, Fog Count and Flesch Reading\n"
     "Ease Formula) for Navy enlisted personnel\", Research Branch Report 8-75, Naval\n"
     "Technical Training Command, 1975; words and syllables counted as R. Flesch, \"How to\n"
     "Write Plain English\", 1979, counts them.\n"
     "Setting: reading_grade_max in site.yaml (1 to 20; without it grades are listed, never\n"
     "warned about). English pages only: never on Korean text (see reading-grade-ko).\n"
     "What to do: split the longest sentences the warning names, one idea each; prefer\n"
     "short everyday words; explain a medical term once.\n"},
    {"reading-grade-ko",
     "What it measures: a Korean article's mean sentence length in 어절 (eojeol: the units\n"
     "Korean spacing separates; \"SMAS층은\" is one, \"3 mm\" two), over its body's\n"
     "paragraphs, list items and quotes (not its title, headings, code, compare or\n"
     "before-after blocks); also listed: its mean paragraph length in sentences, its\n"
     "longest sentence and paragraph. Sentences: ICU's sentence rules for Korean, and the\n"
     "end of every paragraph, list item or quote; a stop without a space after it ends none.\n"
     "Source: Jungha Hong, Jae-Woong Choe and Seok-Hoon You, \"텍스트 수준과 가독성: 한국어\n"
     "학습 교재를 이용한 검증과 응용\" (A Verification and Application of a Correlation between\n"
     "Text Levels and Readability Using Korean Learning Materials), 언어정보 (Language\n"
     "Information) 12, 111-148, 2011: over graded Korean learning materials, paragraph length\n"
     "and sentence length rise steadily with a text's level. Only its abstract was read: its\n"
     "own units and level boundaries are unverified, and it sets no limit for a page; no\n"
     "source we found gives one in 어절, so the limit is the site's choice.\n"
     "Setting: reading_eojeol_max in site.yaml (a whole number from 5 to 50; 15 suggested;\n"
     "without it lengths are listed, never warned about). The mean, rounded to one decimal,\n"
     "must not be above it. Never Flesch-Kincaid on Hangul.\n"
     "What to do: split the longest sentences the warning names (긴 문장부터 둘 이상으로\n"
     "나누기), one fact each; end a sentence where a connective ending (-고, -며, -는데,\n"
     "-지만) joins two; turn a list written into a sentence into a bulleted list.\n"},
};

/* A rule of content/compliance.yaml. */
static int S_rule(const compliance *c, const rule *r, FILE *out)
{
    static const char *const kinds[] = {"patterns", "requires", "metadata", "media"};
    strbuf langs = STRBUF_INIT;
    for (size_t i = 0; i < r->langs.len; i++)
        strbuf_printf(&langs, "%s%s", i ? ", " : "", r->langs.items[i]);
    char *message = rule_message(r, NULL);
    int rc = fprintf(out, "%s (%s; %s:%u:%u)\n\nkind: %s\nlanguages: %s\nmessage: %s\n"
                          "reference: %s\n",
                     r->id, diag_severity_name(r->severity), c->file, r->line, r->column,
                     kinds[r->kind], r->langs.len ? strbuf_str(&langs) : "every language",
                     message, r->reference);
    free(message);
    strbuf_free(&langs);
    return rc;
}

/* The closest known id to a mistyped one, or NULL. */
static const char *S_suggest(const char *id, const compliance *rules)
{
    strlist known = STRLIST_INIT;
    for (size_t i = 0; report_category_id(i); i++)
        strlist_push(&known, report_category_id(i));
    for (size_t i = 0; rules && i < rules->n_rules; i++)
        strlist_push(&known, rules->rules[i].id);
    const char *best = suggest_closest_n(id, (const char *const *)known.items, known.len);
    /* The candidates belong to the list: find the same name among the originals. */
    const char *found = NULL;
    for (size_t i = 0; best && !found && report_category_id(i); i++)
        if (!strcmp(report_category_id(i), best))
            found = report_category_id(i);
    for (size_t i = 0; best && !found && rules && i < rules->n_rules; i++)
        if (!strcmp(rules->rules[i].id, best))
            found = rules->rules[i].id;
    strlist_free(&known);
    return found;
}

int explain_rule(const char *id, const compliance *rules, FILE *out, FILE *err)
{
    long ci = rules ? compliance_find(rules, id) : -1;
    const char *text = report_category_text(id);
    int rc = 0;
    if (ci >= 0) {
        rc = S_rule(rules, &rules->rules[ci], out);
    } else if (text) {
        rc = fprintf(out, "%s (built into suture check)\n\n%s\n", id, text);
        for (size_t i = 0; rc >= 0 && i < sizeof S_measures / sizeof *S_measures; i++)
            if (!strcmp(S_measures[i].id, id))
                rc = fprintf(out, "\n%s", S_measures[i].text);
    } else {
        const char *close = S_suggest(id, rules);
        fprintf(err, "suture: there is no rule '%s' in suture check or in the compliance "
                     "rules%s%s%s\n",
                id, close ? "; did you mean '" : "; the rule id is the name in [brackets] "
                                                 "at the end of a finding",
                close ? close : "", close ? "'?" : "");
        return 2;
    }
    if (rc < 0 || fflush(out) != 0) {
        fprintf(err, "suture: cannot write the explanation: %s\n", strerror(errno));
        return 2;
    }
    return 0;
}
