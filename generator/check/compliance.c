/* compliance.c: compliance rules and pattern matching (see compliance.h). */
#define _GNU_SOURCE
#include "check/compliance.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "check/clause.h"
#include "check/compliance_private.h"
#include "check/prefilter.h"
#include "content/yamldoc.h"

/* The compile options of every pattern: UTF-8, Unicode properties for \w \b \s and case,
 * case-insensitive unless the pattern says (?-i). */
#define PATTERN_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF)

static const char *const S_rule_keys[] = {"id",          "severity",          "kind",
                                          "message",     "explanation",       "reference",
                                          "lang",        "patterns",          "exceptions",
                                          "clause-exceptions", "negation-exempts", "when",
                                          "headings",    "check",             "max",
                                          "blocks",      NULL};
static const char *const S_when_keys[] = {"articles", "procedures", "topics", NULL};

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

/* One pattern of a patterns rule, as the prefilter numbers them. */
typedef struct compliance_flat {
    size_t rule, pattern;
} compliance_flat;

/* ---- loading ----------------------------------------------------------------------------- */

void compliance_patterns_free(rule_patterns *p)
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
    ltext_free(&r->messages);
    ltext_free(&r->explanations);
    free(r->reference);
    strlist_free(&r->langs);
    strlist_free(&r->when_topics);
    strlist_free(&r->blocks);
    compliance_patterns_free(&r->patterns);
    compliance_patterns_free(&r->exceptions);
    compliance_patterns_free(&r->clause_exceptions);
    compliance_patterns_free(&r->headings);
}

void compliance_free(compliance *c)
{
    if (!c)
        return;
    prefilter_free(c->prefilter);
    clause_data_free(c->clauses);
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
        ydoc_error_at(doc, ydoc_line(doc, node), ydoc_column(doc, node) + quoted + chars, NULL,
                      "the pattern '%s' does not compile: %s, at character %zu of the "
                      "pattern; see the PCRE2 pattern syntax",
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

void compliance_read_patterns(ydoc *doc, yaml_node_t *map, const char *key, rule_patterns *out)
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
    static const char *const common[] = {"id",        "severity", "kind", "message",
                                         "explanation", "reference", "lang", NULL};
    for (size_t i = 0; common[i]; i++)
        if (strcmp(key, common[i]) == 0)
            return true;
    switch (kind) {
    case RULE_PATTERNS:
        return strcmp(key, "patterns") == 0 || strcmp(key, "exceptions") == 0 ||
               strcmp(key, "clause-exceptions") == 0 || strcmp(key, "negation-exempts") == 0;
    case RULE_REQUIRES:
        return strcmp(key, "when") == 0 || strcmp(key, "headings") == 0 ||
               strcmp(key, "patterns") == 0 || strcmp(key, "blocks") == 0;
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
    yaml_node_t *a = ydoc_map_get(doc, n, "articles");
    if (a)
        ydoc_expect_bool(doc, a, "'when: articles'", &r->when_articles);
    yaml_node_t *p = ydoc_map_get(doc, n, "procedures");
    if (p)
        ydoc_expect_bool(doc, p, "'when: procedures'", &r->when_procedures);
    yaml_node_t *t = ydoc_map_get(doc, n, "topics");
    if (t)
        S_read_ids(doc, t, "'when: topics'", false, &r->when_topics);
    if (!r->when_articles && !r->when_procedures && r->when_topics.len == 0)
        ydoc_error(doc, n,
                   "'when' selects no article; set 'articles: true', 'procedures: true' or "
                   "list 'topics'");
}

/*
 * A text of r under key what ("'message'", "'explanation'"): a string, or a mapping from
 * language code to string (ltext_read, any language accepted). Returns whether it was read.
 */
static bool S_read_texts(ydoc *doc, yaml_node_t *v, const rule *r, const char *what,
                         ltext *out)
{
    ltext_langs any = {NULL, false};
    char *entry = r->id ? xasprintf("rule '%s'", r->id) : NULL;
    bool ok = ltext_read(doc, v, what, entry, &any, out);
    free(entry);
    return ok && out->n > 0;
}

/* The message of r; r->message is its English value, else the first written. */
static void S_read_message(ydoc *doc, yaml_node_t *v, rule *r)
{
    if (!S_read_texts(doc, v, r, "'message'", &r->messages))
        return;
    const char *en = ltext_get(&r->messages, "en");
    r->message = xstrdup(en ? en : r->messages.values[0].text);
}

static const char *const S_kinds[] = {"patterns", "requires", "metadata", "media", NULL};

/*
 * The keys every rule has (id, severity, kind, message, reference) and lang. Returns
 * whether the kind was read, so that what depends on it can be.
 */
static bool S_read_common(ydoc *doc, yaml_node_t *n, rule *r)
{
    static const char *const required[] = {"id", "severity", "kind", "message", "reference",
                                           NULL};
#define S_NEEDS "every rule needs id, severity, kind, message and reference"
    const char *id =
        ydoc_expect_id(doc, n, "'id'", "this rule has no 'id'; " S_NEEDS, "the rule", NULL);
    for (size_t i = 1; required[i]; i++)
        if (!ydoc_map_get(doc, n, required[i]))
            ydoc_error(doc, n, "this rule has no '%s'; " S_NEEDS, required[i]);
#undef S_NEEDS
    if (id)
        r->id = xstrdup(id);
    const char *s;
    yaml_node_t *v;
    static const char *const severities[] = {"error", "warning", "info", NULL};
    int sev = 0;
    if (S_read_enum(doc, n, "severity", severities, &sev))
        r->severity = sev == 0 ? DIAG_ERROR : sev == 1 ? DIAG_WARNING : DIAG_INFO;
    int kind = 0;
    bool have_kind = S_read_enum(doc, n, "kind", S_kinds, &kind);
    r->kind = (rule_kind)kind;
    if ((v = ydoc_map_get(doc, n, "message")))
        S_read_message(doc, v, r);
    if ((v = ydoc_map_get(doc, n, "explanation")))
        S_read_texts(doc, v, r, "'explanation'", &r->explanations);
    if ((v = ydoc_map_get(doc, n, "reference")) &&
        (s = ydoc_expect_string(doc, v, "'reference'")))
        r->reference = xstrdup(s);
    if ((v = ydoc_map_get(doc, n, "lang")))
        S_read_ids(doc, v, "'lang'", true, &r->langs);
    return have_kind;
}

/* The check of a metadata or media rule; reports one that is missing or unknown. */
static void S_read_check(ydoc *doc, yaml_node_t *n, rule *r)
{
    const char *choices = r->kind == RULE_METADATA ? "reviewer, reviewed-date or summary"
                                                   : "before-after-image or image-alt";
    yaml_node_t *c = ydoc_map_get(doc, n, "check");
    const char *name = c ? ydoc_expect_string(doc, c, "'check'") : NULL;
    if (!c)
        ydoc_error(doc, n, "a %s rule needs 'check:' (%s)", S_kinds[r->kind], choices);
    for (size_t i = 0; name && i < sizeof S_checks / sizeof *S_checks; i++)
        if (S_checks[i].kind == r->kind && strcmp(name, S_checks[i].name) == 0)
            r->check = S_checks[i].check;
    if (name && r->check == CHECK_NONE)
        ydoc_error(doc, c, "a %s rule cannot check '%s'; use %s", S_kinds[r->kind], name,
                   choices);
}

/* The keys that only the rule's kind (and check) uses. */
static void S_read_kind(ydoc *doc, yaml_node_t *n, rule *r)
{
    yaml_node_t *v;
    switch (r->kind) {
    case RULE_PATTERNS:
        compliance_read_patterns(doc, n, "patterns", &r->patterns);
        compliance_read_patterns(doc, n, "exceptions", &r->exceptions);
        compliance_read_patterns(doc, n, "clause-exceptions", &r->clause_exceptions);
        r->negation_exempts = true;
        if ((v = ydoc_map_get(doc, n, "negation-exempts")))
            ydoc_expect_bool(doc, v, "'negation-exempts'", &r->negation_exempts);
        if (!ydoc_map_get(doc, n, "patterns"))
            ydoc_error(doc, n, "a patterns rule needs 'patterns:', the phrases it looks for");
        break;
    case RULE_REQUIRES:
        if ((v = ydoc_map_get(doc, n, "when")))
            S_read_when(doc, v, r);
        else
            ydoc_error(doc, n, "a requires rule needs 'when:', the articles it applies to");
        compliance_read_patterns(doc, n, "headings", &r->headings);
        compliance_read_patterns(doc, n, "patterns", &r->patterns);
        if ((v = ydoc_map_get(doc, n, "blocks")))
            S_read_ids(doc, v, "'blocks'", false, &r->blocks);
        if (!ydoc_map_get(doc, n, "headings") && !ydoc_map_get(doc, n, "patterns") &&
            !ydoc_map_get(doc, n, "blocks"))
            ydoc_error(doc, n, "a requires rule needs 'headings:', 'patterns:' or 'blocks:', "
                               "what a matching article must contain");
        break;
    case RULE_METADATA:
        if (r->check == CHECK_SUMMARY) {
            r->max = 200;
            if ((v = ydoc_map_get(doc, n, "max")))
                ydoc_expect_int(doc, v, "'max'", 1, 10000, &r->max);
        }
        if (r->check == CHECK_REVIEWER)
            compliance_read_patterns(doc, n, "patterns", &r->patterns);
        break;
    case RULE_MEDIA:
        if (r->check == CHECK_BEFORE_AFTER_IMAGE) {
            compliance_read_patterns(doc, n, "patterns", &r->patterns);
            if (!ydoc_map_get(doc, n, "patterns"))
                ydoc_error(doc, n, "a before-after-image rule needs 'patterns:', the words "
                                   "that mark a before-and-after photo");
        }
        break;
    }
}

static void S_read_rule(ydoc *doc, yaml_node_t *n, rule *r)
{
    r->line = ydoc_line(doc, n);
    r->column = ydoc_column(doc, n);
    if (!ydoc_expect_entry(doc, n, "a rule", S_rule_keys, "a rule"))
        return;
    if (!S_read_common(doc, n, r))
        return;
    if (r->kind == RULE_METADATA || r->kind == RULE_MEDIA)
        S_read_check(doc, n, r);
    for (size_t i = 0; i < ydoc_len(n); i++) {
        yaml_node_t *k = ydoc_map_key(doc, n, i);
        const char *key = ydoc_scalar(k);
        if (key && S_is_rule_key(key) && !S_key_allowed(r->kind, r->check, key))
            ydoc_error(doc, k, "'%s' does not apply to a %s rule%s; remove it", key,
                       S_kinds[r->kind], r->check != CHECK_NONE ? " with this check" : "");
    }
    S_read_kind(doc, n, r);
}

/* Build the prefilter over every pattern of every patterns rule, numbered rule by rule. */
static void S_build_prefilter(compliance *c, const char *cache_dir)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_rules; i++)
        if (c->rules[i].kind == RULE_PATTERNS)
            n += c->rules[i].patterns.len;
    c->flat = xcalloc(n + 1, sizeof *c->flat);
    const char **sources = xcalloc(n + 1, sizeof *sources);
    for (size_t i = 0; i < c->n_rules; i++)
        for (size_t p = 0; c->rules[i].kind == RULE_PATTERNS && p < c->rules[i].patterns.len; p++) {
            sources[c->n_flat] = c->rules[i].patterns.items[p].source;
            c->flat[c->n_flat++] = (compliance_flat){i, p};
        }
    c->prefilter = prefilter_build(sources, n, cache_dir);
    free(sources);
}

compliance *compliance_load(const char *path, const char *cache_dir, diag_list *diags)
{
    ydoc *doc = ydoc_load_file(path, "rules", "the compliance rules", NULL, diags);
    if (!doc)
        return NULL;
    compliance *c = xcalloc(1, sizeof *c);
    c->file = xstrdup(path);
    static const char *const top_keys[] = {"rules", "clauses", NULL};
    yaml_node_t *root = ydoc_root_map(doc, top_keys, "the compliance rules",
                                      "the compliance rules must start with 'rules:' followed "
                                      "by a list of rules",
                                      false);
    yaml_node_t *rules =
        root ? ydoc_require_seq(doc, root, "rules", "the file has no 'rules:' list") : NULL;
    yaml_node_t *clauses = root ? ydoc_map_get(doc, root, "clauses") : NULL;
    if (clauses)
        c->clauses = clause_data_read(doc, clauses);
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
    bool failed = ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed) {
        compliance_free(c);
        return NULL;
    }
    S_build_prefilter(c, cache_dir);
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
    for (size_t i = 0; i < r->langs.len; i++)
        if (slug_language_in(lang, r->langs.items[i]))
            return true;
    return false;
}

char *rule_message(const rule *r, const char *match)
{
    return rule_message_in(r, NULL, match);
}

char *rule_message_in(const rule *r, const char *lang, const char *match)
{
    static const char slot[] = "{match}";
    const char *text = lang ? ltext_get(&r->messages, lang) : NULL;
    if (!text)
        text = r->message;
    strbuf b = STRBUF_INIT;
    /* A message without {match} says what is wrong; the phrase it is about goes first. */
    if (r->kind == RULE_PATTERNS && match && *match && !strstr(text, slot))
        strbuf_printf(&b, "'%s' ", match);
    for (const char *p = text; *p;) {
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

const char *rule_explanation_in(const rule *r, const char *lang)
{
    const char *text = lang ? ltext_get(&r->explanations, lang) : NULL;
    if (!text)
        text = ltext_get(&r->explanations, "en");
    if (!text && r->explanations.n)
        text = r->explanations.values[0].text;
    return text;
}

/* ---- matching ---------------------------------------------------------------------------- */

struct compliance_scanner {
    pcre2_match_data *md;
    prefilter_scratch *screen;
    UBreakIterator *sentences;
    UText *utext;
    clause_scanner *clauses;
    const char *text;   /* the text the iterator is set to, or NULL */
};

compliance_scanner *compliance_scanner_new(void)
{
    compliance_scanner *s = xcalloc(1, sizeof *s);
    s->screen = prefilter_scratch_new();
    s->clauses = clause_scanner_new();
    s->md = pcre2_match_data_create(1, NULL);
    if (!s->md)
        out_of_memory();
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

struct prefilter_scratch *compliance_scanner_scratch(compliance_scanner *s)
{
    return s->screen;
}

void compliance_scanner_free(compliance_scanner *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    prefilter_scratch_free(s->screen);
    clause_scanner_free(s->clauses);
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

const char *rule_patterns_source(const rule_patterns *p, size_t i)
{
    return p->items[i].source;
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

/* True when one of p matches in text[from, to). */
static bool S_find_in(const rule_patterns *p, compliance_scanner *s, const char *text,
                      size_t from, size_t to)
{
    size_t a, b;
    for (size_t i = 0; i < p->len; i++)
        if (S_find(s, p->items[i].code, text, to, from, &a, &b))
            return true;
    return false;
}

/*
 * True when the match text[start, end) of r is cancelled: by an exception in its sentence,
 * a quoted mention of it (clause_mentioned), a belief its sentence refutes (clause_refuted),
 * a clause exception in its clause, or a negation that governs it there (clause.h). The
 * clause is worked out only here, for a sentence that has a match.
 */
static bool S_excepted(const compliance *c, const rule *r, compliance_scanner *s,
                       const char *text, size_t len, size_t start, size_t end)
{
    size_t from, to;
    S_sentence(s, text, len, start, end, &from, &to);
    if (S_find_in(&r->exceptions, s, text, from, to))
        return true;
    if (!c->clauses)
        return false;
    if (clause_mentioned(c->clauses, s->clauses, text, from, to, start, end))
        return true;
    if (r->negation_exempts && clause_refuted(c->clauses, s->clauses, text, from, to, start, end))
        return true;
    size_t cfrom, cto;
    clause_around(c->clauses, s->clauses, text, from, to, start, end, &cfrom, &cto);
    return S_find_in(&r->clause_exceptions, s, text, cfrom, cto) ||
           (r->negation_exempts &&
            clause_negated(c->clauses, s->clauses, text, cfrom, cto, start, end));
}

/* Collect into *spans every match of pattern p of rule r in text. */
static void S_spans(compliance_scanner *s, const rule *r, size_t p, const char *text,
                    size_t len, S_span **spans, size_t *n, size_t *cap)
{
    size_t from = 0, a, b;
    while (from < len && S_find(s, r->patterns.items[p].code, text, len, from, &a, &b)) {
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 8;
            *spans = xreallocarray(*spans, *cap, sizeof **spans);
        }
        (*spans)[(*n)++] = (S_span){a, b};
        from = b > a ? b : a + 1;
    }
}

void compliance_scan(const compliance *c, compliance_scanner *s, const char *lang,
                     const char *text, size_t len, compliance_found_fn found, void *ctx)
{
    s->text = NULL;
    /* The patterns to run: those the prefilter lets through, else all of them. */
    const size_t *ids = NULL;
    size_t n_ids = c->prefilter ? prefilter_screen(c->prefilter, s->screen, text, len, &ids)
                                : SIZE_MAX;
    if (n_ids == SIZE_MAX)
        n_ids = c->n_flat;
    S_span *spans = NULL;
    size_t n_spans = 0, cap = 0;
    /* ids ascend, and the flat numbering goes rule by rule: take each rule's run of ids. */
    for (size_t i = 0; i < n_ids;) {
        size_t k = ids ? ids[i] : i;
        const rule *r = &c->rules[c->flat[k].rule];
        bool applies = rule_applies_to_lang(r, lang);
        n_spans = 0;
        for (; i < n_ids && c->flat[ids ? ids[i] : i].rule == c->flat[k].rule; i++)
            if (applies)
                S_spans(s, r, c->flat[ids ? ids[i] : i].pattern, text, len, &spans, &n_spans,
                        &cap);
        if (n_spans == 0)
            continue;
        qsort(spans, n_spans, sizeof *spans, S_by_start);
        size_t covered = 0;
        for (size_t j = 0; j < n_spans; j++) {
            if (j > 0 && spans[j].start < covered)
                continue;
            covered = spans[j].end;
            if (!S_excepted(c, r, s, text, len, spans[j].start, spans[j].end))
                found(ctx, r, spans[j].start, spans[j].end);
        }
    }
    free(spans);
    s->text = NULL;
}
