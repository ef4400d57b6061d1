/* xmlmsg.c: one plain message per XML file that is not well-formed (see xmlmsg.h). */
#define _GNU_SOURCE /* memmem */
#include "render/xmlmsg.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/utf8.h"

/* What xmlmsg keeps of one xmlError. */
typedef struct {
    char *file;
    int code;
    bool fatal;
    unsigned line, column;
    int int1;              /* a line libxml2 mentions: where a tag was opened */
    char *str1, *str2, *str3; /* names libxml2 mentions, without their prefixes */
    char *message;         /* libxml2's words, first line only */
} S_error;

struct xmlmsg_log {
    S_error *errors;
    size_t len, cap;
};

xmlmsg_log *xmlmsg_log_new(void)
{
    return xcalloc(1, sizeof(xmlmsg_log));
}

static void S_clear(xmlmsg_log *log)
{
    for (size_t i = 0; i < log->len; i++) {
        S_error *e = &log->errors[i];
        free(e->file);
        free(e->str1);
        free(e->str2);
        free(e->str3);
        free(e->message);
    }
    log->len = 0;
}

void xmlmsg_log_free(xmlmsg_log *log)
{
    if (!log)
        return;
    S_clear(log);
    free(log->errors);
    free(log);
}

bool xmlmsg_log_add(xmlmsg_log *log, const xmlError *err)
{
    /* An entity not declared in a file with an external DTD is only a warning, which
     * libxml2 raises as an error: libxslt reads that DTD. */
    if (!log || !err || !err->file || err->level < XML_ERR_ERROR ||
        err->code == XML_WAR_UNDECLARED_ENTITY ||
        (err->domain != XML_FROM_PARSER && err->domain != XML_FROM_NAMESPACE))
        return false;
    if (log->len == log->cap) {
        log->cap = log->cap ? 2 * log->cap : 8;
        log->errors = xreallocarray(log->errors, log->cap, sizeof *log->errors);
    }
    const char *said = err->message ? err->message : "";
    S_error *e = &log->errors[log->len++];
    *e = (S_error){
        .file = xstrdup(err->file),
        .code = err->code,
        .fatal = err->level == XML_ERR_FATAL,
        .line = err->line > 0 ? (unsigned)err->line : 1,
        .column = err->int2 > 0 ? (unsigned)err->int2 : 1,
        .int1 = err->int1,
        .str1 = err->str1 ? xstrdup(err->str1) : NULL,
        .str2 = err->str2 ? xstrdup(err->str2) : NULL,
        .str3 = err->str3 ? xstrdup(err->str3) : NULL,
        .message = xstrndup(said, strcspn(said, "\n")),
    };
    return true;
}

/* ---- the file's text: lines, columns and names ---- */

/* The text of the file whose tags the message names (may be NULL: names as libxml2 said). */
typedef struct {
    const char *text;
    size_t len;
} S_source;

/* The offset of the first byte of line (from 1), or len when the text is shorter. */
static size_t S_line_start(const S_source *s, unsigned line)
{
    size_t i = 0;
    for (unsigned l = 1; l < line && i < s->len; l++) {
        const char *nl = memchr(s->text + i, '\n', s->len - i);
        i = nl ? (size_t)(nl - s->text) + 1 : s->len;
    }
    return i;
}

/* The offset of line:column (the column in characters), within the line. */
static size_t S_offset(const S_source *s, unsigned line, unsigned column)
{
    size_t i = S_line_start(s, line);
    for (unsigned c = 1; c < column && i < s->len && s->text[i] != '\n'; c++) {
        i++;
        while (i < s->len && ((unsigned char)s->text[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* Where offset is: its line and column (in characters), from 1. */
static void S_position(const S_source *s, size_t offset, unsigned *line, unsigned *column)
{
    unsigned l = 1, c = 1;
    for (size_t i = 0; i < offset && i < s->len; i++) {
        if (s->text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s->text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* Whether c may be part of an XML name (ASCII letters, digits, . - _ : and any non-ASCII). */
static bool S_name_char(char c)
{
    unsigned char u = (unsigned char)c;
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
           (u >= '0' && u <= '9') || u == '.' || u == '-' || u == '_' || u == ':';
}

/* Whether c is XML's white space. */
static bool S_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The name that starts at offset at (a copy), and its length in *n. */
static char *S_name_at(const S_source *s, size_t at, size_t *n)
{
    size_t end = at;
    while (end < s->len && S_name_char(s->text[end]))
        end++;
    *n = end - at;
    return xstrndup(s->text + at, end - at);
}

/*
 * The start tag, on line, of the element libxml2 names local (its name without prefix): the
 * last '<' on that line followed by local or prefix:local. Returns its full name (the caller
 * frees it) and its offset in *at, or NULL when the text does not show one.
 */
static char *S_start_tag(const S_source *s, unsigned line, const char *local, size_t *at)
{
    if (!s->text || !local)
        return NULL;
    size_t i = S_line_start(s, line);
    char *found = NULL;
    for (; i < s->len && s->text[i] != '\n'; i++) {
        if (s->text[i] != '<')
            continue;
        size_t n;
        char *name = S_name_at(s, i + 1, &n);
        const char *colon = strrchr(name, ':');
        const char *tail = colon ? colon + 1 : name;
        if (n > 0 && strcmp(tail, local) == 0) {
            free(found);
            found = name;
            *at = i;
        } else {
            free(name);
        }
    }
    return found;
}

/*
 * The end tag "</name" that ends at or just before offset (where libxml2 stops after it),
 * or that starts at offset. Returns the name (the caller frees it) and the offset of its
 * '<' in *at, or NULL.
 */
static char *S_end_tag_before(const S_source *s, size_t offset, size_t *at)
{
    if (!s->text || s->len < 2)
        return NULL;
    size_t i = offset < s->len ? offset : s->len - 1;
    if (!(s->text[i] == '<' && i + 1 < s->len && s->text[i + 1] == '/')) {
        /* Back over the end tag: at most its '>' and a line's worth of name. */
        size_t stop = i > 1024 ? i - 1024 : 0;
        while (i > stop && s->text[i] != '<')
            i--;
        if (s->text[i] != '<' || i + 1 >= s->len || s->text[i + 1] != '/')
            return NULL;
    }
    size_t n;
    char *name = S_name_at(s, i + 2, &n);
    if (n == 0) {
        free(name);
        return NULL;
    }
    *at = i;
    return name;
}

/* The offset of the attribute name written last before offset in the same tag (the text
 * back to its '<'), or SIZE_MAX. */
static size_t S_attribute_before(const S_source *s, size_t offset, const char *name)
{
    size_t n = strlen(name);
    if (!s->text || n == 0)
        return (size_t)-1;
    for (size_t p = offset < s->len ? offset : s->len; p-- > 1;) {
        if (s->text[p] == '<')
            break;
        if (p + n > s->len || memcmp(s->text + p, name, n) != 0 ||
            !S_space(s->text[p - 1]))
            continue;
        size_t j = p + n;
        while (j < s->len && S_space(s->text[j]))
            j++;
        if (j < s->len && s->text[j] == '=')
            return p;
    }
    return (size_t)-1;
}

/* The offset of the last c before offset on its line, or SIZE_MAX: where libxml2 stopped
 * just after the '&' or the '<' its message is about. */
static size_t S_back_to(const S_source *s, size_t offset, char c)
{
    if (!s->text)
        return (size_t)-1;
    for (size_t p = offset < s->len ? offset : s->len; p-- > 0 && s->text[p] != '\n';)
        if (s->text[p] == c)
            return p;
    return (size_t)-1;
}

/* The offset of the first opener (such as "<!--") before offset that has no closer after
 * it, or SIZE_MAX. */
static size_t S_unclosed(const S_source *s, size_t offset, const char *opener,
                         const char *closer)
{
    if (!s->text)
        return (size_t)-1;
    size_t end = offset < s->len ? offset : s->len;
    size_t i = 0;
    while (i < end) {
        const char *o = memmem(s->text + i, end - i, opener, strlen(opener));
        if (!o)
            break;
        size_t from = (size_t)(o - s->text) + strlen(opener);
        const char *c = memmem(s->text + from, s->len - from, closer, strlen(closer));
        if (!c)
            return (size_t)(o - s->text);
        i = (size_t)(c - s->text) + strlen(closer);
    }
    return (size_t)-1;
}

/* ---- the explanation ---- */

/* Whether e says this (a piece of libxml2's words). */
static bool S_says(const S_error *e, const char *words)
{
    return strstr(e->message, words) != NULL;
}

/*
 * libxml2's words, for an error this file does not explain: without the advice to use one
 * of its own options ("Excessive depth in document: 256 use XML_PARSE_HUGE option"), which
 * the reader cannot follow.
 */
static char *S_libxml2_words(const S_error *e)
{
    char *words = xstrdup(e->message);
    char *huge = strstr(words, "XML_PARSE_HUGE");
    if (huge) {
        /* Cut before the words that lead to it ("use", "try", a comma). */
        char *cut = huge;
        while (cut > words && cut[-1] == ' ')
            cut--;
        while (cut > words && cut[-1] >= 'a' && cut[-1] <= 'z')
            cut--;
        while (cut > words && strchr(" ,;:(", cut[-1]))
            cut--;
        *cut = '\0';
        char *said = xasprintf("%s: make this part of the file smaller or simpler", words);
        free(words);
        return said;
    }
    size_t n = strlen(words);
    while (n > 0 && (words[n - 1] == ' ' || words[n - 1] == '\n'))
        words[--n] = '\0';
    return words;
}

/* The index in errs[0..n) of the error to explain: the first problem, and of what libxml2
 * said at that same place, the most telling. */
static size_t S_pick(const S_error *const *errs, size_t n)
{
    size_t first = 0;
    /* A well-formedness error, if any, before a namespace error. */
    for (size_t i = 0; i < n; i++)
        if (errs[i]->fatal) {
            first = i;
            break;
        }
    size_t end = first + 1;
    while (end < n && errs[end]->line == errs[first]->line &&
           errs[end]->column == errs[first]->column)
        end++;
    /* A mistake in an attribute says more than "Couldn't find end of Start Tag" after it. */
    for (size_t i = first; i < end; i++)
        if (errs[i]->code >= XML_ERR_LT_IN_ATTRIBUTE &&
            errs[i]->code <= XML_ERR_ATTRIBUTE_REDEFINED)
            return i;
    for (size_t i = first; i < end; i++)
        if (errs[i]->code == XML_ERR_SPACE_REQUIRED)
            return i;
    for (size_t i = first; i < end; i++)
        if (errs[i]->code == XML_ERR_GT_REQUIRED && errs[i]->str1)
            return i;
    return first;
}

/* The character libxml2 stopped just after, for an entity ('&') or a '<' without a name,
 * or 0. */
static char S_mark(const S_error *e)
{
    if (e->code == XML_ERR_UNDECLARED_ENTITY || e->code == XML_ERR_ENTITYREF_SEMICOL_MISSING ||
        (e->code == XML_ERR_NAME_REQUIRED && S_says(e, "EntityRef")))
        return '&';
    if ((e->code == XML_ERR_NAME_REQUIRED && S_says(e, "element name")) ||
        e->code == XML_NS_ERR_UNDEFINED_NAMESPACE)
        return '<';
    return 0;
}

static char *S_explain(const S_error *e, const S_error *const *errs, size_t n,
                       const S_source *s, unsigned *line, unsigned *column);

/* The explanation of an unclosed or mismatched tag, or NULL for another error. */
static char *S_explain_tag(const S_error *e, const S_source *s, size_t here, unsigned *line,
                           unsigned *column)
{
    size_t at = 0;
    switch (e->code) {
    case XML_ERR_TAG_NAME_MISMATCH: {
        char *open = S_start_tag(s, (unsigned)e->int1, e->str1, &at);
        if (!open)
            open = xstrdup(e->str1 ? e->str1 : "?");
        char *close = S_end_tag_before(s, here, &at);
        if (close)
            S_position(s, at, line, column);
        else
            close = xstrdup(e->str2 ? e->str2 : "?");
        char *m = xasprintf("the tag <%s> opened on line %d is closed by </%s>: make the "
                            "names match, or close <%s> before this",
                            open, e->int1, close, open);
        free(open);
        free(close);
        return m;
    }
    case XML_ERR_TAG_NOT_FINISHED: {
        char *open = S_start_tag(s, (unsigned)e->int1, e->str1, &at);
        if (!open)
            open = xstrdup(e->str1 ? e->str1 : "?");
        char *m = xasprintf("the file ends before <%s> (line %d) is closed: add </%s>", open,
                            e->int1, open);
        free(open);
        return m;
    }
    case XML_ERR_GT_REQUIRED: {
        if (e->str1) {
            char *open = S_start_tag(s, (unsigned)e->int1, e->str1, &at);
            if (open)
                S_position(s, at, line, column);
            else
                open = xstrdup(e->str1);
            char *m = xasprintf("the start tag <%s> does not end with '>': close it, and "
                                "check the quotation marks of its attributes",
                                open);
            free(open);
            return m;
        }
        char *close = S_end_tag_before(s, here, &at);
        if (close) {
            S_position(s, at, line, column);
            char *m = xasprintf("the end tag </%s> does not end with '>': add it", close);
            free(close);
            return m;
        }
        return xstrdup("a tag does not end with '>' here: add it");
    }
    case XML_ERR_LTSLASH_REQUIRED:
        return xstrdup("an end tag is expected here: close the elements opened before it, "
                       "innermost first");
    default:
        break;
    }
    return NULL;
}

/* The explanation of a mistake in an attribute, or NULL for another error. */
static char *S_explain_attribute(const S_error *e, const S_error *const *errs, size_t n,
                                 const S_source *s, size_t here, unsigned *line, unsigned *column)
{
    size_t at = 0;
    switch (e->code) {
    case XML_ERR_LT_IN_ATTRIBUTE:
        return xstrdup("an attribute value holds '<': write it as &lt;, or close the value's "
                       "quotation marks before it");
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        return xstrdup("expected an attribute value in quotes: write it as name=\"value\"");
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
        return xstrdup("an attribute value's quotation marks are not closed: close them");
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
        if (e->str1)
            return xasprintf("the attribute '%s' has no value: write %s=\"value\"", e->str1,
                             e->str1);
        break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        at = e->str1 ? S_attribute_before(s, here, e->str1) : (size_t)-1;
        if (at != (size_t)-1)
            S_position(s, at, line, column);
        if (e->str1)
            return xasprintf("the attribute '%s' is given twice in this tag: keep one",
                             e->str1);
        break;
    case XML_ERR_SPACE_REQUIRED:
        /* "attributes construct error" right after a closing quote: two attributes run
         * together, as in a="1"b="2". */
        if (s->text && here > 0 && here < s->len &&
            (s->text[here - 1] == '"' || s->text[here - 1] == '\'') &&
            S_name_char(s->text[here]) && s->text[here] != ':')
            return xstrdup("two attributes are not separated: put a space between them");
        for (size_t i = 0; i < n; i++)
            if (errs[i]->code == XML_ERR_GT_REQUIRED && errs[i]->str1)
                return S_explain(errs[i], errs, 0, s, line, column);
        break;
    default:
        break;
    }
    return NULL;
}

/* The explanation of a '&' or '<' that starts no reference or tag, or NULL for another
 * error. */
static char *S_explain_reference(const S_error *e)
{
    switch (e->code) {
    case XML_ERR_UNDECLARED_ENTITY:
        if (e->str1)
            return xasprintf("'&%s;' is not defined in XML, which knows only &amp; &lt; &gt; "
                             "&quot; and &apos;: write the character itself, or its number "
                             "(such as &#160; for a no-break space)",
                             e->str1);
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        return xstrdup("a '&' starts a name that does not end with ';': add the ';', or "
                       "write a '&' of its own as &amp;");
    case XML_ERR_NAME_REQUIRED:
        if (S_says(e, "EntityRef"))
            return xstrdup("a '&' stands on its own: write it as &amp;");
        if (S_says(e, "element name"))
            return xstrdup("a '<' is not followed by a tag name: write it as &lt;, or "
                           "correct the tag");
        if (S_says(e, "attribute name"))
            return xstrdup("this tag holds something that is not an attribute: check the "
                           "quotation marks of the attributes before it");
        break;
    default:
        break;
    }
    return NULL;
}

/* The explanation of a problem with the document as a whole, a comment or a CDATA section,
 * or NULL for another error. */
static char *S_explain_document(const S_error *e, const S_source *s, size_t here,
                                unsigned *line, unsigned *column)
{
    size_t at = 0;
    switch (e->code) {
    case XML_ERR_DOCUMENT_END:
        return xstrdup("there is more after the end of the file's root element: an XML file "
                       "has one root element; remove what follows, or move it inside");
    case XML_ERR_DOCUMENT_EMPTY:
        return xstrdup("there is no XML element in this file: write its content, or remove "
                       "the file");
    case XML_ERR_COMMENT_NOT_FINISHED:
        at = S_unclosed(s, here, "<!--", "-->");
        if (at != (size_t)-1)
            S_position(s, at, line, column);
        return xstrdup("this comment is not closed: add --> where it ends");
    case XML_ERR_HYPHEN_IN_COMMENT:
        return xstrdup("a comment holds '--', which XML does not allow inside a comment: "
                       "take it out");
    case XML_ERR_CDATA_NOT_FINISHED:
        at = S_unclosed(s, here, "<![CDATA[", "]]>");
        if (at != (size_t)-1)
            S_position(s, at, line, column);
        return xstrdup("this CDATA section is not closed: add ]]> where it ends");
    case XML_ERR_RESERVED_XML_NAME:
        if (S_says(e, "XML declaration"))
            return xstrdup("the XML declaration <?xml ...?> must be the very start of the "
                           "file: remove what comes before it, blank lines and spaces too");
        break;
    default:
        break;
    }
    return NULL;
}

/* The explanation of an undeclared namespace prefix, or NULL for another error. */
static char *S_explain_namespace(const S_error *e, const S_source *s)
{
    size_t at = 0;
    switch (e->code) {
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
        /* "Namespace prefix x for b on a is not defined": an attribute's prefix. */
        if (e->str1 && e->str2 && e->str3) {
            char *tag = S_start_tag(s, e->line, e->str3, &at);
            char *m = xasprintf("the prefix '%s' of the attribute %s:%s of <%s> is not "
                                "declared: correct it, or declare it with xmlns:%s=\"...\" on "
                                "the root element",
                                e->str1, e->str1, e->str2, tag ? tag : e->str3, e->str1);
            free(tag);
            return m;
        }
        if (e->str1 && e->str2)
            return xasprintf("the prefix '%s' of <%s:%s> is not declared: correct it, or "
                             "declare it with xmlns:%s=\"...\" on the root element",
                             e->str1, e->str1, e->str2, e->str1);
        break;
    default:
        break;
    }
    return NULL;
}

/*
 * The explanation of e (one of errs[0..n), which S_pick chose) in s, as a new string; *line
 * and *column are set to where it is best shown (the tag it is about, when the text shows
 * it).
 */
static char *S_explain(const S_error *e, const S_error *const *errs, size_t n,
                       const S_source *s, unsigned *line, unsigned *column)
{
    *line = e->line;
    *column = e->column;
    size_t here = s->text ? S_offset(s, e->line, e->column) : 0;
    size_t at = 0;
    char mark = S_mark(e);
    if (mark && (at = S_back_to(s, here, mark)) != (size_t)-1)
        S_position(s, at, line, column);
    char *m = S_explain_tag(e, s, here, line, column);
    if (!m)
        m = S_explain_attribute(e, errs, n, s, here, line, column);
    if (!m)
        m = S_explain_reference(e);
    if (!m)
        m = S_explain_document(e, s, here, line, column);
    if (!m)
        m = S_explain_namespace(e, s);
    if (m)
        return m;
    if (S_says(e, "not proper UTF-8"))
        return xasprintf(UTF8_MESSAGE, e->line, e->column);
    if (S_says(e, "Excessive depth"))
        return xasprintf("the file nests elements more than %u levels deep here: take out "
                         "levels",
                         xmlParserMaxDepth);
    return S_libxml2_words(e);
}

/* The message for the errors errs[0..n) of one file, whose text is s. */
static char *S_message(const S_error *const *errs, size_t n, const S_source *s,
                       unsigned *line, unsigned *column)
{
    size_t pick = S_pick(errs, n);
    return S_explain(errs[pick], errs, n, s, line, column);
}

void xmlmsg_log_flush(xmlmsg_log *log, xmlmsg_sink sink, void *arg)
{
    if (!log)
        return;
    const S_error **errs = xcalloc(log->len + 1, sizeof *errs);
    for (size_t i = 0; i < log->len; i++) {
        const char *file = log->errors[i].file;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(log->errors[j].file, file) == 0;
        if (seen)
            continue;
        size_t n = 0;
        for (size_t j = i; j < log->len; j++)
            if (strcmp(log->errors[j].file, file) == 0)
                errs[n++] = &log->errors[j];
        /* libxslt names the files it loads by path or by file: URL. */
        const char *path = strncmp(file, "file://", 7) == 0 ? file + 7 : file;
        S_source s = {NULL, 0};
        char *text = path_is_file(path) ? file_read(path, &s.len) : NULL;
        s.text = text;
        unsigned line, column;
        char *m = S_message(errs, n, &s, &line, &column);
        sink(arg, file, line, column, m);
        free(m);
        free(text);
    }
    free(errs);
    S_clear(log);
}

static void S_keep(void *ctx, xmlErrorPtr err)
{
    xmlmsg_log_add(ctx, err);
}

bool xmlmsg_check(const char *text, size_t len, const char *path, const char *category,
                  diag_list *diags)
{
    if (len == 0) {
        /* libxml2 reads no file from no bytes, and says nothing. */
        diag_error(diags, path, 1, 1, category,
                   "there is no XML element in this file: write its content, or remove the "
                   "file");
        return false;
    }
    xmlmsg_log *log = xmlmsg_log_new();
    xmlStructuredErrorFunc old = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(log, S_keep);
    int size = len > (size_t)INT32_MAX ? INT32_MAX : (int)len;
    xmlDocPtr doc = xmlReadMemory(text, size, path, NULL, XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(old_ctx, old);
    /* A prefix that is not declared does not stop libxml2, but an element then has no
     * namespace: libxslt takes <xs:template> for something to copy into the page. */
    bool ok = doc != NULL && log->len == 0;
    xmlFreeDoc(doc);
    if (!ok) {
        const S_error **errs = xcalloc(log->len + 1, sizeof *errs);
        for (size_t i = 0; i < log->len; i++)
            errs[i] = &log->errors[i];
        S_source s = {text, len};
        unsigned line = 1, column = 1;
        char *m = log->len ? S_message(errs, log->len, &s, &line, &column)
                           : xstrdup("this file is not well-formed XML");
        diag_error(diags, path, line, column, category, "%s", m);
        free(m);
        free(errs);
    }
    xmlmsg_log_free(log);
    return ok;
}
