/* care.c: ```care blocks, when to get help (see care.h). */
#include "markdown/care.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "base/suggest.h"

static const char *const S_levels[] = {"see-doctor", "urgent", "emergency", NULL};

const char *care_level_name(care_level level)
{
    return S_levels[level];
}

bool care_parse(const char *file, const char *text, size_t len, unsigned line, unsigned column,
                bool korean, care_block *out, diag_list *diags)
{
    (void)column;
    const char *nl = memchr(text, '\n', len);
    size_t first = nl ? (size_t)(nl - text) : len;
    size_t at = 0;
    while (at < first && (text[at] == ' ' || text[at] == '\t'))
        at++;
    if (first - at < 6 || strncmp(text + at, "level:", 6) != 0) {
        diag_error(diags, file, line, 1, "care", "%s",
                   korean ? "care 블록은 수준으로 시작합니다. 'level: see-doctor', 'level: "
                            "urgent', 'level: emergency' 가운데 하나를 쓰고, 그 아래에 증상을 "
                            "적어 주십시오"
                          : "a care block starts with its level, 'level: see-doctor', 'level: "
                            "urgent' or 'level: emergency', then lists the signs");
        return false;
    }
    size_t v = at + 6, end = first;
    while (v < end && (text[v] == ' ' || text[v] == '\t'))
        v++;
    while (end > v && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
        end--;
    char *level = xstrndup(text + v, end - v);
    bool ok = false;
    for (size_t i = 0; S_levels[i] && !ok; i++)
        if (strcmp(level, S_levels[i]) == 0) {
            out->level = (care_level)i;
            ok = true;
        }
    if (!ok) {
        const char *near = suggest_closest_n(level, S_levels, 3);
        diag_error(diags, file, line, (unsigned)v + 1, "care",
                   korean ? "'%s'은(는) care 카드의 수준이 아닙니다%s%s%s. see-doctor(곧 진료를 "
                            "받음), urgent(그날 병원에 연락함), emergency(바로 응급 전화를 함) "
                            "가운데 하나를 써 주십시오"
                          : "'%s' is not a care level%s%s%s; use see-doctor (see a doctor "
                            "soon), urgent (contact the clinic the same day) or emergency (call "
                            "the emergency number now)",
                   level, !near ? "" : korean ? "('" : "; did you mean '", near ? near : "",
                   !near ? "" : korean ? "'을(를) 쓰려던 것인가요?)" : "'?");
    }
    free(level);
    if (!ok)
        return false;
    out->body_at = nl ? first + 1 : len;
    out->body_line = line + 1;
    bool empty = true;
    for (size_t i = out->body_at; i < len && empty; i++)
        empty = text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r';
    if (empty) {
        diag_error(diags, file, line, 1, "care", "%s",
                   korean ? "이 care 블록에는 수준 다음에 아무것도 없습니다. 도움을 받아야 하는 "
                            "증상을 한 줄에 하나씩 '- '로 시작해 적어 주십시오"
                          : "this care block says nothing after its level; list the signs that "
                            "mean the reader should get help, one '- ' line each");
        return false;
    }
    return true;
}

/* A tel: link to number as written, with its text. */
static void S_tel(xmlNodePtr parent, const char *number)
{
    strbuf href = STRBUF_INIT;
    strbuf_puts(&href, "tel:");
    /* Digits and '+'; each run of separators one '-', RFC 3966's visual separator. */
    for (const char *p = number; *p; p++) {
        if ((*p >= '0' && *p <= '9') || *p == '+')
            strbuf_putc(&href, *p);
        else if (href.len > 4 && href.data[href.len - 1] >= '0' &&
                 href.data[href.len - 1] <= '9' && p[1])
            strbuf_putc(&href, '-');
    }
    while (href.len > 4 && href.data[href.len - 1] == '-')
        href.data[--href.len] = '\0';
    xmlNodePtr a = xmlNewChild(parent, NULL, BAD_CAST "a", BAD_CAST number);
    xmlNewProp(a, BAD_CAST "href", BAD_CAST strbuf_str(&href));
    strbuf_free(&href);
}

/* "<label> <number>" as one line of the contact paragraph. */
static void S_call(xmlNodePtr p, const char *cls, const char *label, const char *number)
{
    xmlNodePtr span = xmlNewChild(p, NULL, BAD_CAST "span", NULL);
    xmlNewProp(span, BAD_CAST "class", BAD_CAST cls);
    xmlAddChild(span, xmlNewText(BAD_CAST label));
    xmlAddChild(span, xmlNewText(BAD_CAST " "));
    S_tel(span, number);
}

xmlNodePtr care_render(care_level level, const char *id, const care_texts *t, xmlNodePtr body)
{
    xmlNodePtr card = xmlNewNode(NULL, BAD_CAST "section");
    char *cls = xasprintf("care-card care-%s", S_levels[level]);
    xmlNewProp(card, BAD_CAST "class", BAD_CAST cls);
    free(cls);
    xmlNewProp(card, BAD_CAST "aria-labelledby", BAD_CAST id);
    xmlNodePtr h = xmlNewChild(card, NULL, BAD_CAST "h3", NULL);
    xmlNewProp(h, BAD_CAST "class", BAD_CAST "care-heading");
    xmlNewProp(h, BAD_CAST "id", BAD_CAST id);
    xmlAddChild(h, xmlNewText(BAD_CAST t->heading));
    xmlNodePtr inner = xmlNewChild(card, NULL, BAD_CAST "div", NULL);
    xmlNewProp(inner, BAD_CAST "class", BAD_CAST "care-body");
    while (body && body->children) {
        xmlNodePtr c = body->children;
        xmlUnlinkNode(c);
        xmlAddChild(inner, c);
    }
    if (body)
        xmlFreeNode(body);
    xmlNodePtr p = xmlNewChild(inner, NULL, BAD_CAST "p", NULL);
    xmlNewProp(p, BAD_CAST "class", BAD_CAST "care-contact");
    if (level == CARE_EMERGENCY) {
        S_call(p, "care-call-emergency", t->call_emergency, t->emergency);
        xmlAddChild(p, xmlNewText(BAD_CAST " "));
        S_call(p, "care-call-clinic", t->call_clinic, t->phone);
    } else {
        S_call(p, "care-call-clinic", t->call_clinic, t->phone);
        xmlAddChild(p, xmlNewText(BAD_CAST " "));
        S_call(p, "care-call-emergency", t->call_emergency, t->emergency);
    }
    return card;
}
