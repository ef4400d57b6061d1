/* yamldoc.c: YAML documents with file positions (see yamldoc.h). */
#define _GNU_SOURCE
#include "content/yamldoc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"

struct ydoc {
    yaml_document_t document;
    char *file;
    unsigned line_offset;
    unsigned column_offset;
    diag_list *diags;
    size_t errors; /* reported through this document (ydoc_error_count) */
    bool korean;   /* ydoc_set_korean: the generic messages are told in Korean */
};

/*
 * libyaml's problems in words a clinic editor can act on. The original wording follows in
 * parentheses for whoever knows YAML.
 */
static const struct {
    const char *problem;
    const char *plain;
    const char *plain_ko; /* the same for a file in Korean */
    bool at_context; /* point at where the construct began, not where libyaml gave up */
} S_plain_problems[] = {
    {"could not find expected ':'",
     "this line is not 'key: value'; add the ':' after the key, or join it to the line above",
     "이 줄은 'key: value' 형식이 아닙니다. 키 뒤에 ':'를 넣거나, 윗줄에 이어지는 내용이면 "
     "윗줄에 붙여 주십시오",
     true},
    {"found character that cannot start any token",
     "this character cannot start a value (a tab, or a symbol such as @ or `); indent with "
     "spaces and put such text in quotes",
     "이 문자(탭이나 @, ` 같은 기호)로는 값을 시작할 수 없습니다. 들여쓰기는 스페이스로 "
     "하고, 이런 문자로 시작하는 글은 따옴표로 감싸 주십시오",
     false},
    {"mapping values are not allowed in this context",
     "a ': ' appears where it cannot; put text that contains ': ' in quotes, or fix the "
     "indentation",
     "': '가 올 수 없는 자리에 있습니다. ': '가 들어간 글은 따옴표로 감싸거나 들여쓰기를 "
     "고쳐 주십시오",
     false},
    {"did not find expected key",
     "this line does not fit here; check its indentation and that every quote is closed",
     "이 줄이 앞뒤 줄과 맞지 않습니다. 들여쓰기와, 따옴표가 모두 닫혔는지 확인해 주십시오",
     false},
    {"found unexpected end of stream", "the text ends inside quotes or brackets; close them",
     "따옴표나 괄호가 닫히지 않은 채 글이 끝났습니다. 닫아 주십시오", true},
    {"did not find expected node content", "a value is missing here",
     "여기에 있어야 할 값이 없습니다", false},
    {"found undefined tag handle", "a '!' cannot start a value; put the text in quotes",
     "'!'로는 값을 시작할 수 없습니다. 글을 따옴표로 감싸 주십시오", false},
    {"did not find expected ',' or ']'",
     "a list in [ ] is not closed, or a comma is missing between its items; close it with "
     "']' and separate the items with commas",
     "[ ]로 쓴 목록이 닫히지 않았거나 항목 사이에 쉼표가 빠졌습니다. ']'로 닫고 항목은 "
     "쉼표로 구분해 주십시오",
     true},
    {"did not find expected ',' or '}'",
     "a mapping in { } is not closed, or a comma is missing between its entries; close it "
     "with '}' and separate the entries with commas",
     "{ }로 쓴 값이 닫히지 않았거나 항목 사이에 쉼표가 빠졌습니다. '}'로 닫고 항목은 "
     "쉼표로 구분해 주십시오",
     true},
    {"found a tab character that violates indentation",
     "a tab indents this line; YAML indents with spaces only, so replace the tab with spaces",
     "이 줄이 탭으로 들여쓰여 있습니다. YAML은 스페이스로만 들여쓰니 탭을 스페이스로 바꿔 "
     "주십시오",
     false},
    {"found duplicate anchor", "'&' cannot start a value here; put the text in quotes",
     "여기서는 '&'로 값을 시작할 수 없습니다. 글을 따옴표로 감싸 주십시오", false},
};

static void S_report_parse_error(const yaml_parser_t *parser, const char *text, size_t len,
                                 const char *file, unsigned line_offset,
                                 unsigned column_offset, bool korean, diag_list *diags)
{
    const char *problem = parser->problem ? parser->problem : "syntax error";
    yaml_mark_t mark = parser->problem_mark;
    if (parser->error == YAML_READER_ERROR) {
        /* Encoding errors come with a byte offset only: count lines up to it. */
        size_t off = parser->problem_offset < len ? parser->problem_offset : len;
        unsigned line = 1, col = 1;
        for (size_t i = 0; i < off; i++) {
            if (text[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        diag_error(diags, file, line + line_offset, col + column_offset, "yaml",
                   korean ? "YAML 형식 오류: 이 부분의 글자가 UTF-8이 아닙니다(%s). 파일을 "
                            "UTF-8로 저장해 주십시오"
                          : "invalid YAML: the text is not valid UTF-8 here (%s); save the "
                            "file as UTF-8",
                   problem);
        return;
    }
    const char *plain = NULL;
    for (size_t i = 0; i < sizeof S_plain_problems / sizeof S_plain_problems[0]; i++) {
        if (strcmp(problem, S_plain_problems[i].problem) != 0)
            continue;
        plain = korean ? S_plain_problems[i].plain_ko : S_plain_problems[i].plain;
        if (S_plain_problems[i].at_context && parser->context)
            mark = parser->context_mark;
        break;
    }
    unsigned line = (unsigned)mark.line + 1 + line_offset;
    unsigned col = (unsigned)mark.column + 1 + column_offset;
    const char *sp = parser->context ? " " : "", *context = parser->context ? parser->context : "";
    if (plain)
        diag_error(diags, file, line, col, "yaml",
                   korean ? "YAML 형식 오류: %s(%s%s%s)" : "invalid YAML: %s (%s%s%s)", plain,
                   problem, sp, context);
    else
        diag_error(diags, file, line, col, "yaml",
                   korean ? "YAML 형식 오류(%s%s%s). 들여쓰기(탭이 아닌 스페이스), 콜론, "
                            "따옴표를 확인해 주십시오"
                          : "invalid YAML: %s%s%s; check the indentation (spaces, not tabs), "
                            "colons and quotes",
                   problem, sp, context);
}

ydoc *ydoc_load(const char *file, const char *text, size_t len, unsigned line_offset,
                unsigned column_offset, diag_list *diags)
{
    return ydoc_load_in(file, text, len, line_offset, column_offset, false, diags);
}

ydoc *ydoc_load_in(const char *file, const char *text, size_t len, unsigned line_offset,
                   unsigned column_offset, bool korean, diag_list *diags)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        out_of_memory();
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    ydoc *doc = xcalloc(1, sizeof *doc);
    doc->file = xstrdup(file);
    doc->line_offset = line_offset;
    doc->column_offset = column_offset;
    doc->diags = diags;
    doc->korean = korean;
    if (!yaml_parser_load(&parser, &doc->document)) {
        S_report_parse_error(&parser, text, len, file, line_offset, column_offset, korean,
                             diags);
        yaml_parser_delete(&parser);
        free(doc->file);
        free(doc);
        return NULL;
    }
    /* A second document ("---" and more) would be ignored silently: refuse it. */
    yaml_document_t extra;
    if (yaml_parser_load(&parser, &extra)) {
        yaml_node_t *root = yaml_document_get_root_node(&extra);
        if (root)
            ydoc_error_at(doc, (unsigned)extra.start_mark.line + 1 + line_offset,
                          (unsigned)extra.start_mark.column + 1 + column_offset, "yaml", "%s",
                          korean ? "이 파일에는 두 번째 YAML 문서가 있는데, suture는 그 "
                                   "부분을 읽지 않습니다. 그 위의 '---' 줄을 지워 주십시오"
                                 : "this file holds a second YAML document, which suture "
                                   "would ignore; remove the '---' line above it");
        yaml_document_delete(&extra);
    }
    yaml_parser_delete(&parser);
    return doc;
}

ydoc *ydoc_load_file(const char *path, const char *category, const char *what, bool *absent,
                     diag_list *diags)
{
    return ydoc_load_file_in(path, category, what, absent, false, diags);
}

ydoc *ydoc_load_file_in(const char *path, const char *category, const char *what,
                        bool *absent, bool korean, diag_list *diags)
{
    if (absent)
        *absent = false;
    size_t len;
    char *text = file_read(path, &len);
    if (!text) {
        /* Nothing there may be fine; a symbolic link to nothing is a mistake. */
        if (absent && errno == ENOENT && !path_exists(path)) {
            *absent = true;
            return NULL;
        }
        diag_file_problem(diags, path, errno, category, what);
        return NULL;
    }
    ydoc *doc = ydoc_load_in(path, text, len, 0, 0, korean, diags);
    free(text);
    return doc;
}

/* Report each line of a block body that is not 'key: value' (ydoc_load_block). */
static bool S_check_lines(const char *file, const char *text, size_t len, unsigned line,
                          unsigned column, const char *category, bool korean,
                          diag_list *diags)
{
    bool ok = true;
    const char *end = text + len;
    for (const char *p = text; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *q = p;
        bool skip = q == eol || *q == ' ' || *q == '\t' || *q == '#' || *q == '\r' ||
                    (*q == '-' && (q + 1 == eol || q[1] == ' '));
        if (!skip && !memchr(p, ':', (size_t)(eol - p))) {
            diag_error(diags, file, line, column, category, "%s",
                       korean ? "이 줄은 'key: value' 형식이 아닙니다. 키 뒤에 ':'를 넣어 "
                                "주십시오"
                              : "this line is not 'key: value'; add the ':' after the key");
            ok = false;
        }
        p = nl ? nl + 1 : end;
    }
    return ok;
}

ydoc *ydoc_load_block(const char *file, const char *text, size_t len, unsigned line,
                      unsigned column, const char *category, bool korean, diag_list *diags)
{
    if (!S_check_lines(file, text, len, line, column, category, korean, diags))
        return NULL;
    return ydoc_load_in(file, text, len, line - 1, column - 1, korean, diags);
}

void ydoc_free(ydoc *doc)
{
    if (!doc)
        return;
    yaml_document_delete(&doc->document);
    free(doc->file);
    free(doc);
}

yaml_node_t *ydoc_root(ydoc *doc)
{
    return yaml_document_get_root_node(&doc->document);
}

const char *ydoc_file(const ydoc *doc)
{
    return doc->file;
}

unsigned ydoc_line(const ydoc *doc, const yaml_node_t *node)
{
    return node ? (unsigned)node->start_mark.line + 1 + doc->line_offset : 1;
}

unsigned ydoc_column(const ydoc *doc, const yaml_node_t *node)
{
    return node ? (unsigned)node->start_mark.column + 1 + doc->column_offset : 1;
}

/* The one place a document's errors are added, and counted. */
static void S_verror(ydoc *doc, unsigned line, unsigned column, const char *category,
                     const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
static void S_verror(ydoc *doc, unsigned line, unsigned column, const char *category,
                     const char *fmt, va_list ap)
{
    char *msg = xvasprintf(fmt, ap);
    diag_error(doc->diags, doc->file, line, column, category, "%s", msg);
    free(msg);
    doc->errors++;
}

void ydoc_error(ydoc *doc, const yaml_node_t *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_verror(doc, node ? ydoc_line(doc, node) : 1, node ? ydoc_column(doc, node) : 1, NULL,
             fmt, ap);
    va_end(ap);
}

void ydoc_error_at(ydoc *doc, unsigned line, unsigned column, const char *category,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_verror(doc, line, column, category, fmt, ap);
    va_end(ap);
}

size_t ydoc_error_count(const ydoc *doc)
{
    return doc->errors;
}

size_t ydoc_len(const yaml_node_t *node)
{
    if (!node)
        return 0;
    if (node->type == YAML_MAPPING_NODE)
        return (size_t)(node->data.mapping.pairs.top - node->data.mapping.pairs.start);
    if (node->type == YAML_SEQUENCE_NODE)
        return (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    return 0;
}

yaml_node_t *ydoc_map_key(ydoc *doc, yaml_node_t *map, size_t i)
{
    if (i >= ydoc_len(map) || map->type != YAML_MAPPING_NODE)
        return NULL;
    return yaml_document_get_node(&doc->document, map->data.mapping.pairs.start[i].key);
}

yaml_node_t *ydoc_map_value(ydoc *doc, yaml_node_t *map, size_t i)
{
    if (i >= ydoc_len(map) || map->type != YAML_MAPPING_NODE)
        return NULL;
    return yaml_document_get_node(&doc->document, map->data.mapping.pairs.start[i].value);
}

yaml_node_t *ydoc_map_get(ydoc *doc, yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    size_t n = ydoc_len(map);
    for (size_t i = 0; i < n; i++) {
        const char *k = ydoc_scalar(ydoc_map_key(doc, map, i));
        if (k && strcmp(k, key) == 0)
            return ydoc_map_value(doc, map, i);
    }
    return NULL;
}

yaml_node_t *ydoc_seq_item(ydoc *doc, yaml_node_t *seq, size_t i)
{
    if (i >= ydoc_len(seq) || seq->type != YAML_SEQUENCE_NODE)
        return NULL;
    return yaml_document_get_node(&doc->document, seq->data.sequence.items.start[i]);
}

const char *ydoc_scalar(const yaml_node_t *node)
{
    if (!node || node->type != YAML_SCALAR_NODE)
        return NULL;
    return (const char *)node->data.scalar.value;
}

bool ydoc_is_null(const yaml_node_t *node)
{
    if (!node)
        return true;
    if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *v = (const char *)node->data.scalar.value;
    return v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
           strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

bool ydoc_korean(const ydoc *doc)
{
    return doc->korean;
}

void ydoc_set_korean(ydoc *doc, bool korean)
{
    doc->korean = korean;
}

/* What node is, in words, in doc's language. */
static const char *S_type_name(const ydoc *doc, const yaml_node_t *node)
{
    const char *nothing = doc->korean ? "빈 값" : "nothing";
    if (!node)
        return nothing;
    switch (node->type) {
    case YAML_MAPPING_NODE:
        return doc->korean ? "매핑('key: value' 줄)" : "a mapping (key: value lines)";
    case YAML_SEQUENCE_NODE:
        return doc->korean ? "목록" : "a list";
    case YAML_SCALAR_NODE:
        return ydoc_is_null(node) ? nothing : doc->korean ? "값 하나" : "a single value";
    default:
        return nothing;
    }
}

bool ydoc_expect_map(ydoc *doc, yaml_node_t *node, const char *what)
{
    if (node && node->type == YAML_MAPPING_NODE)
        return true;
    ydoc_error(doc, node,
               doc->korean ? "%s은(는) 'key: value' 줄로 된 매핑이어야 하는데 %s입니다"
                           : "%s must be a mapping of 'key: value' lines, but it is %s",
               what, S_type_name(doc, node));
    return false;
}

bool ydoc_expect_seq(ydoc *doc, yaml_node_t *node, const char *what)
{
    if (node && node->type == YAML_SEQUENCE_NODE)
        return true;
    ydoc_error(doc, node,
               doc->korean ? "%s은(는) [a, b]나 '- '로 시작하는 줄로 된 목록이어야 하는데 "
                             "%s입니다"
                           : "%s must be a list, like [a, b] or lines starting with '- ', but "
                             "it is %s",
               what, S_type_name(doc, node));
    return false;
}

const char *ydoc_expect_string(ydoc *doc, yaml_node_t *node, const char *what)
{
    if (!node || node->type != YAML_SCALAR_NODE || ydoc_is_null(node)) {
        ydoc_error(doc, node,
                   doc->korean ? "%s에는 글자로 된 값을 써야 하는데 %s입니다"
                               : "%s must be a text value, but it is %s",
                   what, S_type_name(doc, node));
        return NULL;
    }
    const char *v = ydoc_scalar(node);
    if (strlen(v) != node->data.scalar.length) {
        ydoc_error(doc, node,
                   doc->korean ? "%s에 NUL 문자가 있습니다. 지워 주십시오"
                               : "%s contains a NUL character; remove it",
                   what);
        return NULL;
    }
    const char *p = v;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p == '\0') {
        ydoc_error(doc, node,
                   doc->korean ? "%s이(가) 비어 있습니다. 내용을 써 주십시오"
                               : "%s is empty; write some text",
                   what);
        return NULL;
    }
    return v;
}

bool ydoc_expect_int(ydoc *doc, yaml_node_t *node, const char *what, long min, long max,
                     long *out)
{
    const char *v = ydoc_scalar(node);
    if (v && !ydoc_is_null(node) && node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
        errno = 0;
        char *end;
        long n = strtol(v, &end, 10);
        if (errno == 0 && end != v && *end == '\0') {
            if (n >= min && n <= max) {
                *out = n;
                return true;
            }
            ydoc_error(doc, node,
                       doc->korean ? "%s은(는) %ld에서 %ld 사이여야 합니다. %ld은(는) 쓸 수 "
                                     "없습니다"
                                   : "%s must be between %ld and %ld, not %ld",
                       what, min, max, n);
            return false;
        }
    }
    bool shown = v && !ydoc_is_null(node);
    ydoc_error(doc, node,
               doc->korean ? "%s은(는) 정수여야 하는데 %s%s%s입니다"
                           : "%s must be a whole number, but it is %s%s%s",
               what, shown ? "'" : S_type_name(doc, node), shown ? v : "", shown ? "'" : "");
    return false;
}

bool ydoc_expect_bool(ydoc *doc, yaml_node_t *node, const char *what, bool *out)
{
    const char *v = ydoc_scalar(node);
    if (v && node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
        if (!strcmp(v, "true") || !strcmp(v, "True") || !strcmp(v, "yes")) {
            *out = true;
            return true;
        }
        if (!strcmp(v, "false") || !strcmp(v, "False") || !strcmp(v, "no")) {
            *out = false;
            return true;
        }
    }
    ydoc_error(doc, node,
               doc->korean ? "%s에는 true나 false를 써 주십시오" : "%s must be true or false",
               what);
    return false;
}

bool ydoc_check_keys(ydoc *doc, yaml_node_t *map, const char *const *allowed,
                     const char *context)
{
    bool ok = true;
    size_t n = ydoc_len(map);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *knode = ydoc_map_key(doc, map, i);
        const char *k = ydoc_scalar(knode);
        if (!k) {
            ydoc_error(doc, knode,
                       doc->korean ? "%s의 키는 평범한 낱말이어야 합니다"
                                   : "a key in %s must be a plain word",
                       context);
            ok = false;
            continue;
        }
        bool known = false;
        for (size_t a = 0; allowed[a]; a++)
            if (strcmp(allowed[a], k) == 0)
                known = true;
        if (!known) {
            const char *near = suggest_closest(k, allowed);
            strbuf list = STRBUF_INIT;
            for (size_t a = 0; allowed[a]; a++)
                strbuf_printf(&list, "%s%s", a ? ", " : "", allowed[a]);
            if (near)
                ydoc_error(doc, knode,
                           doc->korean ? "'%s'은(는) %s에 쓸 수 있는 키가 아닙니다. '%s'을(를) "
                                         "쓰려던 것인지 확인해 주십시오"
                                       : "unknown key '%s' in %s; did you mean '%s'?",
                           k, context, near);
            else
                ydoc_error(doc, knode,
                           doc->korean ? "'%s'은(는) %s에 쓸 수 있는 키가 아닙니다. 쓸 수 있는 "
                                         "키: %s"
                                       : "unknown key '%s' in %s; the keys allowed are: %s",
                           k, context, strbuf_str(&list));
            strbuf_free(&list);
            ok = false;
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            const char *prev = ydoc_scalar(ydoc_map_key(doc, map, j));
            if (prev && strcmp(prev, k) == 0) {
                ydoc_error(doc, knode,
                           doc->korean ? "키 '%s'이(가) %s에 두 번 있습니다. 하나만 남겨 "
                                         "주십시오"
                                       : "duplicate key '%s' in %s; keep only one",
                           k, context);
                ok = false;
                break;
            }
        }
    }
    return ok;
}

yaml_node_t *ydoc_root_map(ydoc *doc, const char *const *keys, const char *context,
                           const char *not_map, bool empty_ok)
{
    yaml_node_t *root = ydoc_root(doc);
    if (!root && empty_ok)
        return NULL;
    if (!root || root->type != YAML_MAPPING_NODE) {
        if (not_map)
            ydoc_error(doc, root, "%s", not_map);
        else
            ydoc_expect_map(doc, root, context);
        return NULL;
    }
    ydoc_check_keys(doc, root, keys, context);
    return root;
}

yaml_node_t *ydoc_require_seq(ydoc *doc, yaml_node_t *map, const char *key,
                              const char *missing)
{
    yaml_node_t *n = ydoc_map_get(doc, map, key);
    if (!n) {
        ydoc_error(doc, map, "%s", missing);
        return NULL;
    }
    char what[48];
    snprintf(what, sizeof what, "'%s'", key);
    return ydoc_expect_seq(doc, n, what) ? n : NULL;
}

bool ydoc_expect_entry(ydoc *doc, yaml_node_t *node, const char *what,
                       const char *const *keys, const char *context)
{
    if (!ydoc_expect_map(doc, node, what))
        return false;
    ydoc_check_keys(doc, node, keys, context);
    return true;
}

const char *ydoc_expect_id(ydoc *doc, yaml_node_t *entry, const char *what,
                           const char *missing, const char *kind, yaml_node_t **at)
{
    yaml_node_t *n = ydoc_map_get(doc, entry, "id");
    if (at)
        *at = n;
    if (!n) {
        ydoc_error(doc, entry, "%s", missing);
        return NULL;
    }
    const char *id = ydoc_expect_string(doc, n, what);
    if (id && !slug_is_valid(id)) {
        ydoc_error(doc, n,
                   doc->korean ? "%s id '%s'에는 영문 소문자, 숫자, 하이픈만 쓸 수 있습니다"
                               : "%s id '%s' may use only lower-case letters, digits and hyphens",
                   kind, id);
        return NULL;
    }
    return id;
}
