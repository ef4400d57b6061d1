/* citation.c: [@id] citations in Markdown text (see citation.h). */
#define _GNU_SOURCE /* memmem */
#include "markdown/citation.h"

#include <stdio.h>
#include <string.h>

static bool S_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Whether c may be in an id: anything but white space and the bracket's own punctuation. */
static bool S_id_char(char c)
{
    return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ';' && c != '[' &&
           c != ']';
}

/* Read the ids of the bracket text[open, close) ('[' and ']' excluded) into g. */
static bool S_parts(const char *text, size_t open, size_t close, citation_group *g)
{
    size_t i = open;
    while (i <= close) {
        size_t part_end = i;
        while (part_end < close && text[part_end] != ';')
            part_end++;
        size_t a = i, b = part_end;
        while (a < b && S_blank(text[a]))
            a++;
        while (b > a && S_blank(text[b - 1]))
            b--;
        if (b - a < 2 || text[a] != '@' || g->n_ids == CITATION_MAX_IDS)
            return false;
        for (size_t k = a + 1; k < b; k++)
            if (!S_id_char(text[k]))
                return false;
        g->ids[g->n_ids].at = a + 1;
        g->ids[g->n_ids].len = b - a - 1;
        g->n_ids++;
        i = part_end + 1;
    }
    return true;
}

/* Whether text[open, close) (inside a bracket) cites: an '@' at the start of a word (after
 * the '[', a space, a tab, ';' or Pandoc's '-') followed by a character of an id. */
static bool S_cites(const char *text, size_t open, size_t close)
{
    for (size_t i = open; i + 1 < close; i++) {
        if (text[i] != '@' || !S_id_char(text[i + 1]))
            continue;
        char before = i == open ? '[' : text[i - 1];
        if (before == '[' || S_blank(before) || before == ';' || before == '-')
            return true;
    }
    return false;
}

bool citation_next(const char *text, size_t len, size_t from, citation_group *g)
{
    for (size_t at = from; at < len;) {
        const char *hit = memchr(text + at, '[', len - at);
        if (!hit)
            return false;
        size_t start = (size_t)(hit - text), close = start + 1;
        while (close < len && text[close] != ']' && text[close] != '\n' && text[close] != '[')
            close++;
        if (!S_cites(text, start + 1, close)) {
            at = start + 1;
            continue;
        }
        *g = (citation_group){.start = start};
        if (close >= len || text[close] != ']') {
            /* No ']' before the end of the line, or another '[' first: the rest of it. */
            if (close < len && text[close] == '[')
                while (close < len && text[close] != ']' && text[close] != '\n')
                    close++;
            g->end = close < len && text[close] == ']' ? close + 1 : close;
            g->malformed = true;
            return true;
        }
        g->end = close + 1;
        if (!S_parts(text, start + 1, close, g)) {
            g->n_ids = 0;
            g->malformed = true;
        }
        return true;
    }
    return false;
}

xmlNodePtr citation_render(citation_mark *marks, size_t n)
{
    /* Insertion sort by number; of equal numbers the first-cited one leads, so its id is
     * kept when the others are dropped. */
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && (marks[k - 1].number > marks[k].number ||
                                     (marks[k - 1].number == marks[k].number &&
                                      !marks[k - 1].first && marks[k].first));
             k--) {
            citation_mark t = marks[k];
            marks[k] = marks[k - 1];
            marks[k - 1] = t;
        }
    xmlNodePtr sup = xmlNewNode(NULL, BAD_CAST "sup");
    xmlNewProp(sup, BAD_CAST "class", BAD_CAST "citation");
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && marks[i].number == marks[i - 1].number)
            continue;
        if (sup->children)
            xmlAddChild(sup, xmlNewText(BAD_CAST ","));
        char buf[32];
        xmlNodePtr a = xmlNewChild(sup, NULL, BAD_CAST "a", NULL);
        snprintf(buf, sizeof buf, "#source-%u", marks[i].number);
        xmlNewProp(a, BAD_CAST "href", BAD_CAST buf);
        if (marks[i].first) {
            snprintf(buf, sizeof buf, "cite-%u", marks[i].number);
            xmlNewProp(a, BAD_CAST "id", BAD_CAST buf);
        }
        /* Read as "1, Sources": the number, then what it points into. */
        xmlNewProp(a, BAD_CAST "aria-describedby", BAD_CAST "sources");
        snprintf(buf, sizeof buf, "%u", marks[i].number);
        xmlAddChild(a, xmlNewText(BAD_CAST buf));
    }
    return sup;
}

void citation_append_text(xmlNodePtr parent, const char *text, size_t len,
                          citation_numbers_fn numbers, void *ctx)
{
    size_t at = 0;
    citation_group g;
    while (numbers && citation_next(text, len, at, &g)) {
        citation_mark marks[CITATION_MAX_IDS];
        bool rendered = numbers(ctx, text, &g, marks);
        size_t end = rendered ? g.start : g.end;
        while (rendered && end > at && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            end--;
        if (end > at)
            xmlAddChild(parent, xmlNewTextLen(BAD_CAST(text + at), (int)(end - at)));
        if (rendered)
            xmlAddChild(parent, citation_render(marks, g.n_ids));
        at = g.end;
    }
    if (at < len)
        xmlAddChild(parent, xmlNewTextLen(BAD_CAST(text + at), (int)(len - at)));
}

void citation_report_malformed(diag_list *diags, const char *file, unsigned line,
                               unsigned column, bool korean, const char *text,
                               const citation_group *g)
{
    diag_error(diags, file, line, column, "citation",
               korean ? "'%.*s'은(는) suture가 읽을 수 있는 인용이 아닙니다. "
                        "content/sources.yaml의 id로, 출처 하나는 [@id], 여럿은 "
                        "[@id1; @id2]처럼 써 주십시오"
                      : "'%.*s' is not a citation suture can read: write [@id] for one source, "
                        "or [@id1; @id2] for several, with the ids of content/sources.yaml",
               (int)(g->end - g->start), text + g->start);
}
