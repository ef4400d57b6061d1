/* beforeafter.c: before-and-after figures (see beforeafter.h). */
#define _GNU_SOURCE
#include "markdown/beforeafter.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "content/yamldoc.h"

static const char *const S_keys[] = {"before", "after", "alt", "consent", "before_alt",
                                     "after_alt", NULL};

/* What a required key that is missing needs, in English and in Korean. */
typedef struct {
    const char *en, *ko;
} S_hint;

static char *S_get(ydoc *doc, yaml_node_t *root, const char *key, const S_hint *required,
                   unsigned line, unsigned column, unsigned *at_line, unsigned *at_column)
{
    yaml_node_t *n = ydoc_map_get(doc, root, key);
    if (!n) {
        if (required && ydoc_korean(doc))
            ydoc_error_at(doc, line, column, "before-after",
                          "이 before-after 블록에 '%s'이(가) 없습니다. %s", key, required->ko);
        else if (required)
            ydoc_error_at(doc, line, column, "before-after",
                          "this before-after block has no '%s'; %s", key, required->en);
        return NULL;
    }
    char what[32];
    snprintf(what, sizeof what, "'%s'", key);
    const char *s = ydoc_expect_string(doc, n, what);
    if (at_line) {
        *at_line = ydoc_line(doc, n);
        *at_column = ydoc_column(doc, n);
    }
    return s ? xstrdup(s) : NULL;
}

static const S_hint S_before = {
    "add the 'before' photo, like 'before: media/case-01-before.jpg'",
    "'before: media/case-01-before.jpg'처럼 시술·수술 전 사진을 적어 주십시오"};
static const S_hint S_after = {
    "add the 'after' photo, like 'after: media/case-01-after.jpg'",
    "'after: media/case-01-after.jpg'처럼 시술·수술 후 사진을 적어 주십시오"};
static const S_hint S_alt = {
    "describe what the photos show for people who cannot see them",
    "사진을 볼 수 없는 분도 알 수 있도록, 사진에 무엇이 보이는지 적어 주십시오"};
static const S_hint S_consent = {
    "publish these photos only with the patient's written consent, and record it as "
    "'consent: partial' (part of the face) or 'consent: full'",
    "환자의 서면 동의를 받은 사진만 게시할 수 있습니다. 동의 범위를 'consent: partial'(얼굴 "
    "일부)이나 'consent: full'로 적어 주십시오"};

beforeafter *beforeafter_parse(const char *file, const char *text, size_t len, unsigned line,
                               unsigned column, bool korean, diag_list *diags)
{
    ydoc *doc = ydoc_load_block(file, text, len, line, column, "before-after", korean, diags);
    if (!doc)
        return NULL;
    yaml_node_t *root = ydoc_root(doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        ydoc_error_at(doc, line, column, "before-after", "%s",
                      korean ? "before-after 블록은 before, after, alt, consent를 'key: "
                               "value' 줄로 써야 합니다"
                             : "a before-after block must be 'key: value' lines: before, "
                               "after, alt and consent");
        ydoc_free(doc);
        return NULL;
    }
    ydoc_check_keys(doc, root, S_keys, korean ? "before-after 블록" : "a before-after block");
    beforeafter *ba = xcalloc(1, sizeof *ba);
    ba->before = S_get(doc, root, "before", &S_before, line, column, &ba->before_line,
                       &ba->before_column);
    ba->after = S_get(doc, root, "after", &S_after, line, column, &ba->after_line,
                      &ba->after_column);
    ba->alt = S_get(doc, root, "alt", &S_alt, line, column, NULL, NULL);
    ba->before_alt = S_get(doc, root, "before_alt", NULL, line, column, NULL, NULL);
    ba->after_alt = S_get(doc, root, "after_alt", NULL, line, column, NULL, NULL);
    unsigned cl = line, cc = column;
    ba->consent = S_get(doc, root, "consent", &S_consent, line, column, &cl, &cc);
    if (ba->consent && strcmp(ba->consent, "partial") != 0 && strcmp(ba->consent, "full") != 0)
        ydoc_error_at(doc, cl, cc, "before-after",
                      korean ? "'consent'에는 'partial'(얼굴 일부가 보임)이나 'full'만 쓸 수 "
                               "있습니다. '%s'은(는) 쓸 수 없습니다"
                             : "'consent' must be 'partial' (part of the face shown) or "
                               "'full', not '%s'",
                      ba->consent);
    bool failed = ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed) {
        beforeafter_free(ba);
        return NULL;
    }
    return ba;
}

void beforeafter_free(beforeafter *ba)
{
    if (!ba)
        return;
    free(ba->before);
    free(ba->after);
    free(ba->alt);
    free(ba->before_alt);
    free(ba->after_alt);
    free(ba->consent);
    free(ba);
}

static void S_img(xmlNodePtr parent, const char *cls, const char *src, const char *alt)
{
    xmlNodePtr img = xmlNewChild(parent, NULL, BAD_CAST "img", NULL);
    xmlNewProp(img, BAD_CAST "class", BAD_CAST cls);
    xmlNewProp(img, BAD_CAST "src", BAD_CAST src);
    xmlNewProp(img, BAD_CAST "alt", BAD_CAST alt);
    xmlNewProp(img, BAD_CAST "loading", BAD_CAST "lazy");
}

xmlNodePtr beforeafter_render(const beforeafter *ba, const char *before_src,
                              const char *after_src, const char *consent_notice)
{
    xmlNodePtr fig = xmlNewNode(NULL, BAD_CAST "figure");
    xmlNewProp(fig, BAD_CAST "class", BAD_CAST "before-after");
    xmlNewProp(fig, BAD_CAST "data-consent", BAD_CAST ba->consent);
    xmlNodePtr pair = xmlNewChild(fig, NULL, BAD_CAST "div", NULL);
    xmlNewProp(pair, BAD_CAST "class", BAD_CAST "before-after-photos");
    char *alt1 = ba->before_alt ? xstrdup(ba->before_alt) : xasprintf("%s (1/2)", ba->alt);
    char *alt2 = ba->after_alt ? xstrdup(ba->after_alt) : xasprintf("%s (2/2)", ba->alt);
    S_img(pair, "before", before_src, alt1);
    S_img(pair, "after", after_src, alt2);
    free(alt1);
    free(alt2);
    xmlNodePtr cap = xmlNewChild(fig, NULL, BAD_CAST "figcaption", NULL);
    xmlNodePtr desc = xmlNewChild(cap, NULL, BAD_CAST "span", NULL);
    xmlNewProp(desc, BAD_CAST "class", BAD_CAST "before-after-description");
    xmlAddChild(desc, xmlNewText(BAD_CAST ba->alt));
    xmlAddChild(cap, xmlNewText(BAD_CAST " "));
    xmlNodePtr notice = xmlNewChild(cap, NULL, BAD_CAST "span", NULL);
    xmlNewProp(notice, BAD_CAST "class", BAD_CAST "consent-notice");
    xmlAddChild(notice, xmlNewText(BAD_CAST consent_notice));
    return fig;
}
