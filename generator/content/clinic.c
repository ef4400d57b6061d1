/*
 * clinic.c: the site's identity in site.yaml: `clinic:`, the medical reviewers articles
 * name, and the check `suture build --release` makes before it publishes (config.h).
 */
#define _GNU_SOURCE
#include "content/config_private.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/str.h"
#include "base/suggest.h"
#include "content/identity.h"

/* Whether phone is a telephone number as people write it: digits, with spaces, hyphens,
 * dots and brackets between them and an optional '+' in front; at least 3 digits. */
static bool S_phone_valid(const char *phone)
{
    size_t digits = 0;
    for (const char *p = phone; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (!(*p == '+' && p == phone) && !strchr(" -.()", *p))
            return false;
    }
    return digits >= 3 && digits <= 15; /* E.164: at most 15 digits */
}

/* Keep one identity value (value NULL: missing) at node's position; field is taken. */
static void S_record(ydoc *doc, config *cfg, const yaml_node_t *at, char *field,
                     const char *real, const char *value, config_identity_kind kind)
{
    cfg->identity = xreallocarray(cfg->identity, cfg->n_identity + 1, sizeof *cfg->identity);
    cfg->identity[cfg->n_identity++] = (config_identity){
        .field = field,
        .real = real,
        .value = value ? xstrdup(value) : NULL,
        .kind = kind,
        .line = at ? ydoc_line(doc, at) : 1,
        .column = at ? ydoc_column(doc, at) : 1,
    };
}

/* Keep each language's text of node, a per-language text read without error, as
 * "<field>.<lang>" (or as field, a plain string on a site in one language). */
static void S_record_ltext(ydoc *doc, config *cfg, yaml_node_t *node, const char *field,
                           const char *real)
{
    if (node->type == YAML_SCALAR_NODE) {
        S_record(doc, cfg, node, xstrdup(field), real, ydoc_scalar(node), CONFIG_ID_TEXT);
        return;
    }
    for (size_t i = 0; i < ydoc_len(node); i++) {
        const char *lang = ydoc_scalar(ydoc_map_key(doc, node, i));
        yaml_node_t *v = ydoc_map_value(doc, node, i);
        S_record(doc, cfg, v, xasprintf("%s.%s", field, lang ? lang : "?"), real,
                 ydoc_scalar(v), CONFIG_ID_TEXT);
    }
}

/* A per-language text of an entry (what: "'name'"), read into *out and recorded as
 * field; a missing one is an error when required, and recorded as missing otherwise.
 * False after an error. */
static bool S_identity_text(ydoc *doc, config *cfg, yaml_node_t *map, const char *key,
                            const char *entry, const char *field, const char *real,
                            const char *missing, ltext *out)
{
    ltext_langs langs = config_ltext_langs(cfg);
    yaml_node_t *n = ydoc_map_get(doc, map, key);
    char what[32];
    snprintf(what, sizeof what, "'%s'", key);
    if (!n) {
        if (missing) {
            ydoc_error(doc, map, "%s", missing);
            return false;
        }
        S_record(doc, cfg, map, xstrdup(field), real, NULL, CONFIG_ID_TEXT);
        return true;
    }
    if (!ltext_read(doc, n, what, entry, &langs, out))
        return false;
    S_record_ltext(doc, cfg, n, field, real);
    return true;
}

/* `clinic:`: its name, address, telephone number, registration and the emergency number. */
static void S_load_clinic(ydoc *doc, yaml_node_t *node, config *cfg)
{
    static const char *const keys[] = {"name",         "address",          "phone",
                                       "registration", "emergency_number", NULL};
    if (!ydoc_expect_map(doc, node, "'clinic'"))
        return;
    bool ko = ydoc_korean(doc);
    const char *clinic = ko ? "병원" : "the clinic";
    ydoc_check_keys(doc, node, keys, "'clinic'");
    S_identity_text(doc, cfg, node, "name", clinic, "clinic.name", "the clinic's real name",
                    NULL, &cfg->clinic_name);
    S_identity_text(doc, cfg, node, "address", clinic, "clinic.address",
                    "the clinic's real address", NULL, &cfg->clinic_address);
    yaml_node_t *n;
    const char *s;
    if (!(n = ydoc_map_get(doc, node, "phone")))
        ydoc_error(doc, node,
                   ko ? "'clinic'에 'phone'이 없습니다. 환자가 거는 번호를 \"+82 2-000-0000\"처럼 "
                        "추가해 주십시오"
                      : "'clinic' has no 'phone'; add the number patients call, like "
                        "\"+82 2-000-0000\"");
    else if ((s = ydoc_expect_string(doc, n, "'clinic: phone'"))) {
        if (S_phone_valid(s)) {
            cfg->clinic_phone = xstrdup(s);
            S_record(doc, cfg, n, xstrdup("clinic.phone"), "the clinic's real number", s,
                     CONFIG_ID_PHONE);
        } else {
            ydoc_error(doc, n,
                       ko ? "'%s'은(는) 전화번호가 아닙니다. 숫자 사이에 스페이스나 하이픈을 "
                            "넣고 맨 앞에 '+'와 국가 번호를 붙여 \"+82 2-000-0000\"처럼 써 "
                            "주십시오"
                          : "'%s' is not a telephone number; write digits, with spaces or "
                            "hyphens between them and '+' and the country code in front, "
                            "like \"+82 2-000-0000\"",
                       s);
        }
    }
    static const char *const registration_real =
        "the clinic's real registration number (의료기관 개설 신고·허가 번호)";
    if (!(n = ydoc_map_get(doc, node, "registration")))
        S_record(doc, cfg, node, xstrdup("clinic.registration"), registration_real, NULL,
                 CONFIG_ID_TEXT);
    else if ((s = ydoc_expect_string(doc, n, "'clinic: registration'"))) {
        cfg->clinic_registration = xstrdup(s);
        S_record(doc, cfg, n, xstrdup("clinic.registration"), registration_real, s,
                 CONFIG_ID_TEXT);
    }
    if (!(n = ydoc_map_get(doc, node, "emergency_number")))
        ydoc_error(doc, node,
                   ko ? "'clinic'에 'emergency_number'가 없습니다. 병원이 있는 곳의 응급 "
                        "전화번호를 한국의 \"119\"처럼 추가해 주십시오"
                      : "'clinic' has no 'emergency_number'; add the number to call in "
                        "an emergency where the clinic is, like \"119\" in Korea");
    else if ((s = ydoc_expect_string(doc, n, "'clinic: emergency_number'"))) {
        size_t len = strlen(s), digits = strspn(s, "0123456789");
        if (len >= 2 && len <= 4 && digits == len)
            cfg->emergency_number = xstrdup(s);
        else
            ydoc_error(doc, n,
                       ko ? "'%s'은(는) 응급 전화번호가 아닙니다. 한국의 \"119\"나 유럽의 "
                            "\"112\"처럼 2~4자리 숫자로 써 주십시오"
                          : "'%s' is not an emergency number; write its 2 to 4 digits, like "
                            "\"119\" in Korea or \"112\" in Europe",
                       s);
    }
}

/* Whether an entry of `reviewers:` before the i-th has the id id (also one that was not
 * usable, so that a second use of its id is still named). */
static bool S_id_before(ydoc *doc, yaml_node_t *list, size_t i, const char *id)
{
    for (size_t j = 0; j < i; j++) {
        yaml_node_t *e = ydoc_seq_item(doc, list, j);
        const char *other = e && e->type == YAML_MAPPING_NODE
                                ? ydoc_scalar(ydoc_map_get(doc, e, "id"))
                                : NULL;
        if (other && strcmp(other, id) == 0)
            return true;
    }
    return false;
}

/* The i-th entry of `reviewers:` (list); false after reporting what makes it unusable. */
static bool S_load_reviewer(ydoc *doc, yaml_node_t *list, size_t i, config *cfg)
{
    yaml_node_t *entry = ydoc_seq_item(doc, list, i);
    static const char *const keys[] = {"id", "name", "credentials", "licence", NULL};
    bool ko = ydoc_korean(doc);
    if (!ydoc_expect_entry(doc, entry, ko ? "'reviewers'의 각 항목" : "each reviewer", keys,
                           ko ? "감수자 항목" : "a reviewer"))
        return false;
    yaml_node_t *idn;
    const char *id = ydoc_expect_id(doc, entry, ko ? "감수자의 'id'" : "a reviewer's 'id'",
                                    ko ? "이 감수자 항목에 'id'가 없습니다. 글의 'reviewer:'에 "
                                         "쓸 id를 'id: kim-seoyeon'처럼 추가해 주십시오"
                                       : "this reviewer has no 'id'; add the one articles "
                                         "will name in 'reviewer:', like 'id: kim-seoyeon'",
                                    ko ? "감수자" : "reviewer", &idn);
    if (id && S_id_before(doc, list, i, id)) {
        ydoc_error(doc, idn,
                   ko ? "감수자 '%s'이(가) 두 번 선언되어 있습니다. 하나만 남겨 주십시오"
                      : "reviewer '%s' is declared twice; keep one",
                   id);
        return false;
    }
    char *entry_name = xasprintf(ko ? "감수자 '%s'" : "reviewer '%s'", id ? id : "?");
    config_reviewer r = {0};
    char *name_field = xasprintf("reviewer '%s' name", id ? id : "?");
    char *cred_field = xasprintf("reviewer '%s' credentials", id ? id : "?");
    bool ok = id != NULL;
    ok = S_identity_text(doc, cfg, entry, "name", entry_name, name_field,
                         "the reviewer's real name",
                         ko ? "이 감수자 항목에 'name'이 없습니다. {ko: …, en: …}처럼 모든 "
                              "언어로 추가해 주십시오"
                            : "this reviewer has no 'name'; add it in every language, like "
                              "{ko: …, en: …}",
                         &r.name) && ok;
    ok = S_identity_text(doc, cfg, entry, "credentials", entry_name, cred_field,
                         "the reviewer's real credentials",
                         ko ? "이 감수자 항목에 'credentials'가 없습니다. 이름 옆에 보이는 전문 "
                              "분야와 직함을 {ko: 성형외과 전문의, en: Board-certified plastic "
                              "surgeon}처럼 추가해 주십시오"
                            : "this reviewer has no 'credentials'; add the specialty and title "
                              "readers see beside the name, like {ko: 성형외과 전문의, en: "
                              "Board-certified plastic surgeon}",
                         &r.credentials) && ok;
    free(name_field);
    free(cred_field);
    free(entry_name);
    yaml_node_t *ln = ydoc_map_get(doc, entry, "licence");
    const char *licence = NULL;
    if (!ln)
        ydoc_error(doc, entry, ko ? "이 감수자 항목에 'licence'가 없습니다. 의사 면허번호를 "
                                    "추가해 주십시오"
                                  : "this reviewer has no 'licence'; add the doctor's licence "
                                    "number (의사 면허번호)");
    else if ((licence = ydoc_expect_string(doc, ln,
                                           ko ? "감수자의 'licence'" : "a reviewer's 'licence'")))
        S_record(doc, cfg, ln, xasprintf("reviewer '%s' licence", id ? id : "?"),
                 "the reviewer's real licence number", licence, CONFIG_ID_TEXT);
    if (!ok || !licence) {
        ltext_free(&r.name);
        ltext_free(&r.credentials);
        return false;
    }
    r.id = xstrdup(id);
    r.licence = xstrdup(licence);
    cfg->reviewers[cfg->n_reviewers++] = r;
    return true;
}

static void S_load_reviewers(ydoc *doc, yaml_node_t *node, config *cfg)
{
    if (!ydoc_expect_seq(doc, node, "'reviewers'"))
        return;
    size_t n = ydoc_len(node);
    if (n == 0) {
        ydoc_error(doc, node,
                   ydoc_korean(doc)
                       ? "'reviewers'이(가) 비어 있습니다. 글을 감수하는 의사를 id, name, "
                         "credentials, licence와 함께 써 주십시오"
                       : "'reviewers' is empty; declare the doctors who review articles, "
                         "each with id, name, credentials and licence");
        return;
    }
    cfg->reviewers = xcalloc(n, sizeof *cfg->reviewers);
    for (size_t i = 0; i < n; i++)
        S_load_reviewer(doc, node, i, cfg);
}

void config_load_identity(ydoc *doc, yaml_node_t *root, config *cfg)
{
    yaml_node_t *n = ydoc_map_get(doc, root, "base_url");
    if (n && cfg->base_url)
        S_record(doc, cfg, n, xstrdup("base_url"), "the site's real address",
                 ydoc_scalar(n), CONFIG_ID_URL);
    if ((n = ydoc_map_get(doc, root, "clinic")))
        S_load_clinic(doc, n, cfg);
    else
        S_record(doc, cfg, root, xstrdup("clinic"),
                 "the clinic's name, address, phone and registration (README.md, 'The "
                 "clinic and its reviewers')",
                 NULL, CONFIG_ID_TEXT);
    if ((n = ydoc_map_get(doc, root, "reviewers")))
        S_load_reviewers(doc, n, cfg);
    else
        S_record(doc, cfg, root, xstrdup("reviewers"),
                 "the doctors who review the articles, each with id, name, credentials and "
                 "licence, named by every article's 'reviewer:'",
                 NULL, CONFIG_ID_TEXT);
}

void config_free_identity(config *cfg)
{
    free(cfg->clinic_phone);
    free(cfg->emergency_number);
    ltext_free(&cfg->clinic_name);
    ltext_free(&cfg->clinic_address);
    free(cfg->clinic_registration);
    for (size_t i = 0; i < cfg->n_reviewers; i++) {
        free(cfg->reviewers[i].id);
        ltext_free(&cfg->reviewers[i].name);
        ltext_free(&cfg->reviewers[i].credentials);
        free(cfg->reviewers[i].licence);
    }
    free(cfg->reviewers);
    for (size_t i = 0; i < cfg->n_identity; i++) {
        free(cfg->identity[i].field);
        free(cfg->identity[i].value);
    }
    free(cfg->identity);
}

const config_reviewer *config_find_reviewer(const config *cfg, const char *id)
{
    for (size_t i = 0; id && i < cfg->n_reviewers; i++)
        if (strcmp(cfg->reviewers[i].id, id) == 0)
            return &cfg->reviewers[i];
    return NULL;
}

const char *config_suggest_reviewer(const config *cfg, const char *id)
{
    return suggest_closest_in(id, cfg->reviewers, cfg->n_reviewers, sizeof *cfg->reviewers,
                              offsetof(config_reviewer, id));
}

char *config_reviewer_list(const config *cfg, const char *lang)
{
    strbuf b = STRBUF_INIT;
    for (size_t i = 0; i < cfg->n_reviewers; i++) {
        const config_reviewer *r = &cfg->reviewers[i];
        const char *name = config_text(cfg, &r->name, lang);
        strbuf_printf(&b, "%s%s", i ? ", " : "", r->id);
        if (name && *name)
            strbuf_printf(&b, " (%s)", name);
    }
    return strbuf_detach(&b);
}

size_t config_check_release(const config *cfg, diag_list *diags)
{
    size_t errors = 0;
    for (size_t i = 0; i < cfg->n_identity; i++) {
        const config_identity *v = &cfg->identity[i];
        const char *f = v->field;
        if (!v->value)
            diag_error(diags, cfg->file, v->line, v->column, "release",
                       "site.yaml has no %s; a release build needs %s: add it", f, v->real);
        else if (identity_is_example_text(v->value))
            diag_error(diags, cfg->file, v->line, v->column, "release",
                       "%s is still the example value '%s'; put %s before a release build",
                       f, v->value, v->real);
        else if (v->kind == CONFIG_ID_PHONE && identity_is_example_phone(v->value))
            diag_error(diags, cfg->file, v->line, v->column, "release",
                       "%s is still the example value '%s' (a subscriber number of only 0s "
                       "can ring nobody); put %s before a release build", f, v->value,
                       v->real);
        else if (v->kind == CONFIG_ID_URL && identity_is_example_url(v->value))
            diag_error(diags, cfg->file, v->line, v->column, "release",
                       "%s '%s' names a host reserved for examples and tests (RFC 2606, RFC "
                       "6761), which no public site can have; put %s before a release build",
                       f, v->value, v->real);
        else
            continue;
        errors++;
    }
    return errors;
}
