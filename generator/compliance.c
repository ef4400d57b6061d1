/* compliance.c: compliance rules and pattern matching (see compliance.h). */
#define _GNU_SOURCE
#include "compliance.h"

#include <errno.h>
#include <hs.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "slug.h"
#include "yamldoc.h"

/* The compile options of every pattern: UTF-8, Unicode properties for \w \b \s and case,
 * case-insensitive unless the pattern says (?-i). */
#define PATTERN_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF)

static const char *const S_rule_keys[] = {"id",       "severity", "kind",     "message",
                                          "reference", "lang",     "patterns", "exceptions",
                                          "when",     "headings", "check",    "max",
                                          NULL};
static const char *const S_when_keys[] = {"procedures", "topics", NULL};

typedef struct {
    const char *name;
    rule_kind kind;
    rule_check check;
} S_check_name;

static const S_check_name S_checks[] = {
    {"reviewer", RULE_METADATA, CHECK_REVIEWER},
    {"reviewed-date", RULE_METADATA, CHECK_REVIEWED_DATE},
    {"summary", RULE_METADATA, CHECK_SUMMARY},
    {"before-after-image", RULE_MEDIA, CHECK_BEFORE_AFTER_IMAGE},
    {"image-alt", RULE_MEDIA, CHECK_IMAGE_ALT},
};

/* ---- loading ----------------------------------------------------------------------------- */

static void S_patterns_free(rule_patterns *p)
{
    for (size_t i = 0; i < p->len; i++) {
        pcre2_code_free(p->items[i].code);
        free(p->items[i].source);
    }
    free(p->items);
    p->items = NULL;
    p->len = 0;
}

static void S_rule_free(rule *r)
{
    free(r->id);
    free(r->message);
    free(r->reference);
    strlist_free(&r->langs);
    strlist_free(&r->when_topics);
    S_patterns_free(&r->patterns);
    S_patterns_free(&r->exceptions);
    S_patterns_free(&r->headings);
}

void compliance_free(compliance *c)
{
    if (!c)
        return;
    hs_free_database(c->prefilter);
    free(c->flat);
    for (size_t i = 0; i < c->n_rules; i++)
        S_rule_free(&c->rules[i]);
    free(c->rules);
    free(c->file);
    free(c);
}

/* Compile one pattern written at node; reports why it cannot be used. */
static pcre2_code *S_compile(ydoc *doc, yaml_node_t *node, const char *pattern)
{
    int err = 0;
    PCRE2_SIZE at = 0;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PATTERN_OPTIONS, &err, &at, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        /* Point at the character PCRE2 stopped at (exact unless the YAML has escapes). */
        unsigned chars = 0;
        for (size_t i = 0; i < at && pattern[i]; i++)
            chars += ((unsigned char)pattern[i] & 0xC0) != 0x80;
        bool quoted = node->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                      node->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        diag_error(ydoc_diags(doc), ydoc_file(doc), ydoc_line(doc, node),
                   ydoc_column(doc, node) + quoted + chars, NULL,
                   "the pattern '%s' does not compile: %s, at character %zu of the pattern; "
                   "see the PCRE2 pattern syntax",
                   pattern, (const char *)msg, (size_t)chars + 1);
        return NULL;
    }
    uint32_t min_length = 0;
    pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &min_length);
    if (min_length == 0) {
        ydoc_error(doc, node,
                   "the pattern '%s' can match empty text, so it would match everywhere; make "
                   "at least one part of it required",
                   pattern);
        pcre2_code_free(code);
        return NULL;
    }
    /* JIT is an optimisation: where it is unavailable the interpreter gives the same result. */
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    return code;
}

/* Read a list of patterns (a single string is a list of one) under key. */
static void S_read_patterns(ydoc *doc, yaml_node_t *map, const char *key, rule_patterns *out)
{
    yaml_node_t *n = ydoc_map_get(doc, map, key);
    if (!n)
        return;
    char what[48];
    snprintf(what, sizeof what, "'%s'", key);
    size_t count = n->type == YAML_SEQUENCE_NODE ? ydoc_len(n) : 1;
    if (n->type != YAML_SEQUENCE_NODE && n->type != YAML_SCALAR_NODE) {
        ydoc_error(doc, n, "'%s' must be a list of patterns, one per line starting with '- '",
                   key);
        return;
    }
    out->items = xcalloc(count + 1, sizeof *out->items);
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = n->type == YAML_SEQUENCE_NODE ? ydoc_seq_item(doc, n, i) : n;
        const char *s = ydoc_expect_string(doc, item, what);
        if (!s)
            continue;
        pcre2_code *code = S_compile(doc, item, s);
        if (!code)
            continue;
        out->items[out->len].code = code;
        out->items[out->len].source = xstrdup(s);
        out->len++;
    }
    if (count == 0)
        ydoc_error(doc, n, "'%s' is empty; give at least one pattern", key);
}

static void S_read_ids(ydoc *doc, yaml_node_t *n, const char *what, bool language,
                       strlist *out)
{
    size_t count = n->type == YAML_SEQUENCE_NODE ? ydoc_len(n) : 1;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = n->type == YAML_SEQUENCE_NODE ? ydoc_seq_item(doc, n, i) : n;
        const char *s = ydoc_expect_string(doc, item, what);
        if (!s)
            continue;
        if (language ? !slug_is_language_tag(s) : !slug_is_valid(s))
            ydoc_error(doc, item, "%s: '%s' is not %s", what, s,
                       language ? "a language code such as en or ko" : "a valid id");
        else
            strlist_push(out, s);
    }
}

static bool S_read_enum(ydoc *doc, yaml_node_t *map, const char *key, const char *const *names,
                        int *out)
{
    yaml_node_t *n = ydoc_map_get(doc, map, key);
    if (!n)
        return false;
    char what[32];
    snprintf(what, sizeof what, "'%s'", key);
    const char *s = ydoc_expect_string(doc, n, what);
    if (!s)
        return false;
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = i;
            return true;
        }
    strbuf list = STRBUF_INIT;
    for (int i = 0; names[i]; i++)
        strbuf_printf(&list, "%s%s", i ? ", " : "", names[i]);
    const char *near = suggest_closest(s, names);
    if (near)
        ydoc_error(doc, n, "'%s' cannot be '%s'; did you mean '%s'? (one of: %s)", key, s, near,
                   strbuf_str(&list));
    else
        ydoc_error(doc, n, "'%s' cannot be '%s'; use one of: %s", key, s, strbuf_str(&list));
    strbuf_free(&list);
    return false;
}

static bool S_is_rule_key(const char *key)
{
    for (size_t i = 0; S_rule_keys[i]; i++)
        if (strcmp(key, S_rule_keys[i]) == 0)
            return true;
    return false;
}

/* The keys a kind may use besides the common ones, for "does not apply" errors. */
static bool S_key_allowed(rule_kind kind, rule_check check, const char *key)
{
    static const char *const common[] = {"id", "severity", "kind", "message", "reference",
                                         "lang", NULL};
    for (size_t i = 0; common[i]; i++)
        if (strcmp(key, common[i]) == 0)
            return true;
    switch (kind) {
    case RULE_PATTERNS:
        return strcmp(key, "patterns") == 0 || strcmp(key, "exceptions") == 0;
    case RULE_REQUIRES:
        return strcmp(key, "when") == 0 || strcmp(key, "headings") == 0 ||
               strcmp(key, "patterns") == 0;
    case RULE_METADATA:
        return strcmp(key, "check") == 0 ||
               (check == CHECK_SUMMARY && strcmp(key, "max") == 0) ||
               (check == CHECK_REVIEWER && strcmp(key, "patterns") == 0);
    case RULE_MEDIA:
        return strcmp(key, "check") == 0 ||
               (check == CHECK_BEFORE_AFTER_IMAGE && strcmp(key, "patterns") == 0);
    }
    return false;
}

static void S_read_when(ydoc *doc, yaml_node_t *n, rule *r)
{
    r->when_line = ydoc_line(doc, n);
    r->when_column = ydoc_column(doc, n);
    if (!ydoc_expect_map(doc, n, "'when'"))
        return;
    ydoc_check_keys(doc, n, S_when_keys, "'when'");
    yaml_node_t *p = ydoc_map_get(doc, n, "procedures");
    if (p)
        ydoc_expect_bool(doc, p, "'when: procedures'", &r->when_procedures);
    yaml_node_t *t = ydoc_map_get(doc, n, "topics");
    if (t)
        S_read_ids(doc, t, "'when: topics'", false, &r->when_topics);
    if (!r->when_procedures && r->when_topics.len == 0)
        ydoc_error(doc, n,
                   "'when' selects no article; set 'procedures: true' or list 'topics'");
}

static void S_read_rule(ydoc *doc, yaml_node_t *n, rule *r)
{
    r->line = ydoc_line(doc, n);
    r->column = ydoc_column(doc, n);
    if (!ydoc_expect_map(doc, n, "a rule"))
        return;
    ydoc_check_keys(doc, n, S_rule_keys, "a rule");
    static const char *const required[] = {"id", "severity", "kind", "message", "reference",
                                           NULL};
    for (size_t i = 0; required[i]; i++)
        if (!ydoc_map_get(doc, n, required[i]))
            ydoc_error(doc, n, "this rule has no '%s'; every rule needs id, severity, kind, "
                               "message and reference",
                       required[i]);
    const char *s;
    yaml_node_t *v;
    if ((v = ydoc_map_get(doc, n, "id")) && (s = ydoc_expect_string(doc, v, "'id'"))) {
        if (slug_is_valid(s))
            r->id = xstrdup(s);
        else
            ydoc_error(doc, v, "the rule id '%s' may use only lower-case letters, digits and "
                               "hyphens",
                       s);
    }
    static const char *const severities[] = {"error", "warning", "info", NULL};
    int sev = 0;
    if (S_read_enum(doc, n, "severity", severities, &sev))
        r->severity = sev == 0 ? DIAG_ERROR : sev == 1 ? DIAG_WARNING : DIAG_INFO;
    static const char *const kinds[] = {"patterns", "requires", "metadata", "media", NULL};
    int kind = 0;
    bool have_kind = S_read_enum(doc, n, "kind", kinds, &kind);
    r->kind = (rule_kind)kind;
    if ((v = ydoc_map_get(doc, n, "message")) && (s = ydoc_expect_string(doc, v, "'message'")))
        r->message = xstrdup(s);
    if ((v = ydoc_map_get(doc, n, "reference")) &&
        (s = ydoc_expect_string(doc, v, "'reference'")))
        r->reference = xstrdup(s);
    if ((v = ydoc_map_get(doc, n, "lang")))
        S_read_ids(doc, v, "'lang'", true, &r->langs);
    if (!have_kind)
        return;

    if (r->kind == RULE_METADATA || r->kind == RULE_MEDIA) {
        yaml_node_t *c = ydoc_map_get(doc, n, "check");
        const char *name = c ? ydoc_expect_string(doc, c, "'check'") : NULL;
        if (!c)
            ydoc_error(doc, n, "a %s rule needs 'check:' (%s)", kinds[kind],
                       r->kind == RULE_METADATA ? "reviewer, reviewed-date or summary"
                                                : "before-after-image or image-alt");
        for (size_t i = 0; name && i < sizeof S_checks / sizeof *S_checks; i++)
            if (S_checks[i].kind == r->kind && strcmp(name, S_checks[i].name) == 0)
                r->check = S_checks[i].check;
        if (name && r->check == CHECK_NONE)
            ydoc_error(doc, c, "a %s rule cannot check '%s'; use %s", kinds[kind], name,
                       r->kind == RULE_METADATA ? "reviewer, reviewed-date or summary"
                                                : "before-after-image or image-alt");
    }
    for (size_t i = 0; i < ydoc_len(n); i++) {
        yaml_node_t *k = ydoc_map_key(doc, n, i);
        const char *key = ydoc_scalar(k);
        if (key && S_is_rule_key(key) && !S_key_allowed(r->kind, r->check, key))
            ydoc_error(doc, k, "'%s' does not apply to a %s rule%s; remove it", key,
                       kinds[kind], r->check != CHECK_NONE ? " with this check" : "");
    }

    switch (r->kind) {
    case RULE_PATTERNS:
        S_read_patterns(doc, n, "patterns", &r->patterns);
        S_read_patterns(doc, n, "exceptions", &r->exceptions);
        if (!ydoc_map_get(doc, n, "patterns"))
            ydoc_error(doc, n, "a patterns rule needs 'patterns:', the phrases it looks for");
        break;
    case RULE_REQUIRES:
        if ((v = ydoc_map_get(doc, n, "when")))
            S_read_when(doc, v, r);
        else
            ydoc_error(doc, n, "a requires rule needs 'when:', the articles it applies to");
        S_read_patterns(doc, n, "headings", &r->headings);
        S_read_patterns(doc, n, "patterns", &r->patterns);
        if (!ydoc_map_get(doc, n, "headings") && !ydoc_map_get(doc, n, "patterns"))
            ydoc_error(doc, n, "a requires rule needs 'headings:' or 'patterns:', what a "
                               "matching article must contain");
        break;
    case RULE_METADATA:
        if (r->check == CHECK_SUMMARY) {
            r->max = 200;
            if ((v = ydoc_map_get(doc, n, "max")))
                ydoc_expect_int(doc, v, "'max'", 1, 10000, &r->max);
        }
        if (r->check == CHECK_REVIEWER)
            S_read_patterns(doc, n, "patterns", &r->patterns);
        break;
    case RULE_MEDIA:
        if (r->check == CHECK_BEFORE_AFTER_IMAGE) {
            S_read_patterns(doc, n, "patterns", &r->patterns);
            if (!ydoc_map_get(doc, n, "patterns"))
                ydoc_error(doc, n, "a before-after-image rule needs 'patterns:', the words "
                                   "that mark a before-and-after photo");
        }
        break;
    }
}

/*
 * The prefilter's version of a pattern, or NULL to use the pattern itself with Unicode
 * properties. Vectorscan compiles Unicode \w, \s and \b and long bounded repeats into very
 * large automata (seconds for our rule set), so the prefilter gets a looser pattern that
 * matches everything the original matches in normalised reader text (where every white
 * space is ' ' and every digit ASCII, see readertext.h), and compiles in milliseconds:
 * \b and \B are dropped, \w becomes "an ASCII word character or any non-ASCII
 * character", \W "not an ASCII word character", \s, \S, \d and \D their ASCII forms, and
 * {m,n} becomes {m,}. A pattern this cannot loosen safely (Unicode property escapes,
 * class escapes inside a negated class or negated escapes inside any class, \Q, letters
 * with case outside ASCII) gets NULL.
 */
static char *S_prefilter_source(const char *p)
{
    static const char any_word[] = "[0-9A-Za-z_\\x{80}-\\x{10FFFF}]";
    strbuf b = STRBUF_INIT;
    bool in_class = false, negated = false;
    for (size_t i = 0; p[i];) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x80) {
            UChar32 cp;
            int32_t at = (int32_t)i;
            U8_NEXT(p, at, -1, cp);
            if (cp < 0 || u_hasBinaryProperty(cp, UCHAR_CASED))
                goto give_up;
            strbuf_append(&b, p + i, (size_t)at - i);
            i = (size_t)at;
            continue;
        }
        if (c == '\\' && p[i + 1]) {
            char e = p[i + 1];
            const char *rep = NULL;
            if (in_class) {
                /* [^\w] must keep the non-ASCII non-word characters: leave it to Unicode. */
                if (negated && strchr("wsd", e))
                    goto give_up;
                if (e == 'w')
                    rep = "0-9A-Za-z_\\x{80}-\\x{10FFFF}";
                else if (e == 's')
                    rep = "\\t\\n\\v\\f\\r ";
                else if (e == 'd')
                    rep = "0-9";
                else if (strchr("WSDpPQXRhHvVN", e))
                    goto give_up;
            } else {
                switch (e) {
                case 'w': rep = any_word; break;
                case 'W': rep = "[^0-9A-Za-z_]"; break;
                case 's': rep = "[\\t\\n\\v\\f\\r ]"; break;
                case 'S': rep = "[^\\t\\n\\v\\f\\r ]"; break;
                case 'd': rep = "[0-9]"; break;
                case 'D': rep = "[^0-9]"; break;
                case 'b':
                case 'B': rep = ""; break;
                default:
                    if (strchr("pPQXRhHvVNK", e))
                        goto give_up;
                }
            }
            if (rep)
                strbuf_puts(&b, rep);
            else
                strbuf_append(&b, p + i, 2);
            i += 2;
            continue;
        }
        if (c == '[' && !in_class) {
            in_class = true;
            negated = p[i + 1] == '^';
            strbuf_putc(&b, '[');
            i++;
            if (p[i] == '^')
                strbuf_putc(&b, p[i++]);
            if (p[i] == ']')
                strbuf_putc(&b, p[i++]);
            continue;
        }
        if (c == ']' && in_class)
            in_class = false;
        if (c == '{' && !in_class) {
            /* {m,n} -> {m,}: a superset, and cheap for the automaton. */
            size_t j = i + 1, m_end;
            while (p[j] >= '0' && p[j] <= '9')
                j++;
            m_end = j;
            if (m_end > i + 1 && p[j] == ',') {
                j++;
                while (p[j] >= '0' && p[j] <= '9')
                    j++;
                if (p[j] == '}') {
                    strbuf_append(&b, p + i, m_end - i);
                    strbuf_puts(&b, ",}");
                    i = j + 1;
                    continue;
                }
            }
        }
        strbuf_putc(&b, (char)c);
        i++;
    }
    return strbuf_detach(&b);
give_up:
    strbuf_free(&b);
    return NULL;
}

/*
 * Build the prefilter over every pattern of every patterns rule. A pattern Vectorscan
 * rejects even in prefilter mode is marked always-run and left out, and the rest are
 * compiled again.
 */
static void S_build_prefilter(compliance *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_rules; i++)
        if (c->rules[i].kind == RULE_PATTERNS)
            n += c->rules[i].patterns.len;
    c->flat = xcalloc(n + 1, sizeof *c->flat);
    for (size_t i = 0; i < c->n_rules; i++)
        for (size_t p = 0; c->rules[i].kind == RULE_PATTERNS && p < c->rules[i].patterns.len; p++)
            c->flat[c->n_flat++] = (compliance_flat){i, p, false};
    const char **exprs = xcalloc(n + 1, sizeof *exprs);
    unsigned *flags = xcalloc(n + 1, sizeof *flags);
    unsigned *ids = xcalloc(n + 1, sizeof *ids);
    char **loose = xcalloc(n + 1, sizeof *loose);
    for (size_t k = 0; k < c->n_flat; k++) {
        const char *src = c->rules[c->flat[k].rule].patterns.items[c->flat[k].pattern].source;
        loose[k] = S_prefilter_source(src);
        /*
         * Vectorscan 5.4.9 with HS_FLAG_SINGLEMATCH misses a match of a single byte from
         * offset 64 of a text on (a pattern like '%' or '(?<=\d) ?%' once loosened), so
         * such short patterns always run in PCRE2 (tests/unit/test_compliance.c).
         */
        hs_expr_info_t *info = NULL;
        hs_compile_error_t *err = NULL;
        unsigned fl = HS_FLAG_UTF8 | (loose[k] ? 0 : HS_FLAG_UCP) | HS_FLAG_CASELESS |
                      HS_FLAG_PREFILTER | HS_FLAG_ALLOWEMPTY;
        if (hs_expression_info(loose[k] ? loose[k] : src, fl, &info, &err) == HS_SUCCESS) {
            if (info->min_width <= 1)
                c->flat[k].always = true;
            free(info);
        } else {
            hs_free_compile_error(err);
        }
    }
    for (;;) {
        unsigned m = 0;
        for (size_t k = 0; k < c->n_flat; k++) {
            if (c->flat[k].always)
                continue;
            const compliance_flat *f = &c->flat[k];
            exprs[m] = loose[k] ? loose[k] : c->rules[f->rule].patterns.items[f->pattern].source;
            flags[m] = HS_FLAG_UTF8 | (loose[k] ? 0 : HS_FLAG_UCP) | HS_FLAG_CASELESS |
                       HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
            ids[m] = (unsigned)k;
            m++;
        }
        if (m == 0)
            break;
        hs_compile_error_t *err = NULL;
        hs_database_t *db = NULL;
        if (hs_compile_multi(exprs, flags, ids, m, HS_MODE_BLOCK, NULL, &db, &err) == HS_SUCCESS) {
            c->prefilter = db;
            break;
        }
        int bad = err ? err->expression : -1;
        hs_free_compile_error(err);
        if (bad < 0 || (unsigned)bad >= m) {
            /* Not one pattern's fault: do without the prefilter. */
            for (size_t k = 0; k < c->n_flat; k++)
                c->flat[k].always = true;
            break;
        }
        c->flat[ids[bad]].always = true;
    }
    for (size_t k = 0; k < c->n_flat; k++)
        free(loose[k]);
    free(loose);
    free(exprs);
    free(flags);
    free(ids);
}

compliance *compliance_load(const char *path, diag_list *diags)
{
    size_t len = 0;
    char *text = file_read(path, &len);
    if (!text) {
        diag_error(diags, path, 0, 0, "rules", "cannot read the compliance rules: %s",
                   strerror(errno));
        return NULL;
    }
    size_t errors_before = diag_error_count(diags);
    ydoc *doc = ydoc_load(path, text, len, 0, 0, diags);
    free(text);
    if (!doc)
        return NULL;
    compliance *c = xcalloc(1, sizeof *c);
    c->file = xstrdup(path);
    yaml_node_t *root = ydoc_root(doc);
    static const char *const top_keys[] = {"rules", NULL};
    yaml_node_t *rules = NULL;
    if (!root || root->type != YAML_MAPPING_NODE) {
        ydoc_error(doc, root, "the compliance rules must start with 'rules:' followed by a "
                              "list of rules");
    } else {
        ydoc_check_keys(doc, root, top_keys, "the compliance rules");
        rules = ydoc_map_get(doc, root, "rules");
        if (!rules)
            ydoc_error(doc, root, "the file has no 'rules:' list");
        else if (!ydoc_expect_seq(doc, rules, "'rules'"))
            rules = NULL;
    }
    size_t n = rules ? ydoc_len(rules) : 0;
    c->rules = xcalloc(n + 1, sizeof *c->rules);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item = ydoc_seq_item(doc, rules, i);
        rule *r = &c->rules[c->n_rules++];
        S_read_rule(doc, item, r);
        if (!r->id)
            continue;
        for (size_t j = 0; j + 1 < c->n_rules; j++)
            if (c->rules[j].id && strcmp(c->rules[j].id, r->id) == 0) {
                ydoc_error(doc, ydoc_map_get(doc, item, "id"),
                           "the rule id '%s' is used twice (first on line %u); give each rule "
                           "its own id",
                           r->id, c->rules[j].line);
                break;
            }
    }
    ydoc_free(doc);
    if (diag_error_count(diags) > errors_before) {
        compliance_free(c);
        return NULL;
    }
    S_build_prefilter(c);
    return c;
}

long compliance_find(const compliance *c, const char *id)
{
    for (size_t i = 0; i < c->n_rules; i++)
        if (strcmp(c->rules[i].id, id) == 0)
            return (long)i;
    return -1;
}

const char *compliance_suggest(const compliance *c, const char *id)
{
    return suggest_closest_in(id, c->rules, c->n_rules, sizeof *c->rules, offsetof(rule, id));
}

bool rule_applies_to_lang(const rule *r, const char *lang)
{
    if (r->langs.len == 0)
        return true;
    for (size_t i = 0; i < r->langs.len; i++) {
        const char *l = r->langs.items[i];
        size_t n = strlen(l);
        if (strncasecmp(lang, l, n) == 0 && (lang[n] == '\0' || lang[n] == '-'))
            return true;
    }
    return false;
}

char *rule_message(const rule *r, const char *match)
{
    static const char slot[] = "{match}";
    strbuf b = STRBUF_INIT;
    for (const char *p = r->message; *p;) {
        const char *q = strstr(p, slot);
        if (!q) {
            strbuf_puts(&b, p);
            break;
        }
        bool quoted = !match && q > p && q[-1] == '\'' && q[sizeof slot - 1] == '\'';
        strbuf_append(&b, p, (size_t)(q - p) - quoted);
        strbuf_puts(&b, match ? match : "<phrase>");
        p = q + sizeof slot - 1 + quoted;
    }
    return strbuf_detach(&b);
}

/* ---- matching ---------------------------------------------------------------------------- */

struct compliance_scanner {
    pcre2_match_data *md;
    hs_scratch_t *scratch;        /* Vectorscan's, grown for each database it meets */
    const hs_database_t *scratch_for;
    unsigned char *maybe;         /* per flat pattern: the prefilter saw it may match */
    size_t maybe_cap;
    UBreakIterator *sentences;
    UText *utext;
    const char *text;   /* the text the iterator is set to, or NULL */
};

compliance_scanner *compliance_scanner_new(void)
{
    compliance_scanner *s = xcalloc(1, sizeof *s);
    s->md = pcre2_match_data_create(1, NULL);
    if (!s->md) {
        fputs("suture: out of memory\n", stderr);
        abort();
    }
    UErrorCode err = U_ZERO_ERROR;
    /* ss=standard: no sentence break after common abbreviations such as "Dr." or "e.g.". */
    s->sentences = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &err);
    if (U_FAILURE(err)) {
        err = U_ZERO_ERROR;
        s->sentences = ubrk_open(UBRK_SENTENCE, "", NULL, 0, &err);
    }
    if (U_FAILURE(err))
        s->sentences = NULL;
    return s;
}

void compliance_scanner_free(compliance_scanner *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    hs_free_scratch(s->scratch);
    free(s->maybe);
    if (s->sentences)
        ubrk_close(s->sentences);
    if (s->utext)
        utext_close(s->utext);
    free(s);
}

/* The sentence around text[start, end): *from, *to (byte offsets). */
static void S_sentence(compliance_scanner *s, const char *text, size_t len, size_t start,
                       size_t end, size_t *from, size_t *to)
{
    *from = 0;
    *to = len;
    if (!s->sentences)
        return;
    if (s->text != text) {
        UErrorCode err = U_ZERO_ERROR;
        s->utext = utext_openUTF8(s->utext, text, (int64_t)len, &err);
        if (U_SUCCESS(err))
            ubrk_setUText(s->sentences, s->utext, &err);
        if (U_FAILURE(err)) {
            s->text = NULL;
            return;
        }
        s->text = text;
    }
    int32_t a = ubrk_preceding(s->sentences, (int32_t)start + 1);
    int32_t b = ubrk_following(s->sentences, (int32_t)start);
    while (b != UBRK_DONE && (size_t)b < end)
        b = ubrk_following(s->sentences, b);
    *from = a == UBRK_DONE ? 0 : (size_t)a;
    *to = b == UBRK_DONE ? len : (size_t)b;
}

/* Find the first match of code in text[from, len); true and *start, *end when found. */
static bool S_find(compliance_scanner *s, const pcre2_code *code, const char *text, size_t len,
                   size_t from, size_t *start, size_t *end)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)text, len, from, 0, s->md, NULL);
    if (rc < 0)
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    *start = ov[0];
    *end = ov[1];
    return true;
}

bool compliance_match_any(const rule_patterns *p, compliance_scanner *s, const char *text,
                          size_t len)
{
    size_t a, b;
    for (size_t i = 0; i < p->len; i++)
        if (S_find(s, p->items[i].code, text, len, 0, &a, &b))
            return true;
    return false;
}

typedef struct {
    size_t start, end;
} S_span;

static int S_by_start(const void *pa, const void *pb)
{
    const S_span *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

static bool S_excepted(const rule *r, compliance_scanner *s, const char *text, size_t len,
                       size_t start, size_t end)
{
    if (r->exceptions.len == 0)
        return false;
    size_t from, to;
    S_sentence(s, text, len, start, end, &from, &to);
    size_t a, b;
    for (size_t i = 0; i < r->exceptions.len; i++)
        if (S_find(s, r->exceptions.items[i].code, text, to, from, &a, &b))
            return true;
    return false;
}

static int S_prefilter_hit(unsigned int id, unsigned long long from, unsigned long long to,
                           unsigned int flags, void *ctx)
{
    (void)from;
    (void)to;
    (void)flags;
    ((unsigned char *)ctx)[id] = 1;
    return 0;
}

/* Mark in s->maybe the patterns that may match text; false when every one must run. */
static bool S_prefilter(const compliance *c, compliance_scanner *s, const char *text, size_t len)
{
    if (!c->prefilter || len > UINT32_MAX)
        return false;
    if (s->maybe_cap < c->n_flat) {
        s->maybe = xrealloc(s->maybe, c->n_flat);
        s->maybe_cap = c->n_flat;
    }
    if (s->scratch_for != c->prefilter) {
        if (hs_alloc_scratch(c->prefilter, &s->scratch) != HS_SUCCESS)
            return false;
        s->scratch_for = c->prefilter;
    }
    memset(s->maybe, 0, c->n_flat);
    return hs_scan(c->prefilter, text, (unsigned)len, 0, s->scratch, S_prefilter_hit,
                   s->maybe) == HS_SUCCESS;
}

void compliance_scan(const compliance *c, compliance_scanner *s, const char *lang,
                     const char *text, size_t len, compliance_found_fn found, void *ctx)
{
    s->text = NULL;
    bool screened = S_prefilter(c, s, text, len);
    size_t flat = 0;
    S_span *spans = NULL;
    size_t n_spans = 0, cap = 0;
    for (size_t i = 0; i < c->n_rules; i++) {
        const rule *r = &c->rules[i];
        if (r->kind != RULE_PATTERNS)
            continue;
        size_t first_flat = flat;
        flat += r->patterns.len;
        if (!rule_applies_to_lang(r, lang))
            continue;
        n_spans = 0;
        for (size_t p = 0; p < r->patterns.len; p++) {
            size_t k = first_flat + p;
            if (screened && !s->maybe[k] && !c->flat[k].always)
                continue;
            size_t from = 0, a, b;
            while (from < len && S_find(s, r->patterns.items[p].code, text, len, from, &a, &b)) {
                if (n_spans == cap) {
                    cap = cap ? cap * 2 : 8;
                    spans = xreallocarray(spans, cap, sizeof *spans);
                }
                spans[n_spans++] = (S_span){a, b};
                from = b > a ? b : a + 1;
            }
        }
        if (n_spans == 0)
            continue;
        qsort(spans, n_spans, sizeof *spans, S_by_start);
        size_t covered = 0;
        for (size_t k = 0; k < n_spans; k++) {
            if (k > 0 && spans[k].start < covered)
                continue;
            covered = spans[k].end;
            if (!S_excepted(r, s, text, len, spans[k].start, spans[k].end))
                found(ctx, r, spans[k].start, spans[k].end);
        }
    }
    free(spans);
    s->text = NULL;
}
