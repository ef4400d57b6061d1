/* config.c: content/site.yaml (see config.h). */
#define _GNU_SOURCE
#include "content/config.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/slug.h"
#include "base/str.h"
#include "content/yamldoc.h"

/* Split base_url into the normalised URL and its path; reports what is wrong. */
static bool S_base_url(ydoc *doc, yaml_node_t *node, const char *url, config *cfg)
{
    xmlURIPtr uri = xmlParseURI(url);
    if (!uri || !uri->scheme || !uri->server ||
        (strcmp(uri->scheme, "http") != 0 && strcmp(uri->scheme, "https") != 0) ||
        uri->query || uri->fragment) {
        ydoc_error(doc, node,
                   "'base_url' must be the site's absolute address, like "
                   "\"https://example.org/\", not '%s'", url);
        xmlFreeURI(uri);
        return false;
    }
    /* xmlParseURI decodes %-escapes in uri->path; the base path goes into every link, so
     * take it from the URL as written, after "scheme://host[:port]". */
    const char *after_scheme = strstr(url, "://");
    const char *path = after_scheme ? strchr(after_scheme + 3, '/') : NULL;
    if (!path)
        path = "/";
    strbuf p = STRBUF_INIT;
    if (path[0] != '/')
        strbuf_putc(&p, '/');
    strbuf_puts(&p, path);
    if (p.data[p.len - 1] != '/')
        strbuf_putc(&p, '/');
    cfg->base_path = strbuf_detach(&p);
    size_t n = strlen(url);
    cfg->base_url = n && url[n - 1] == '/' ? xstrdup(url) : xasprintf("%s/", url);
    xmlFreeURI(uri);
    return true;
}

/* The largest reading_grade_max: beyond a university graduate's grade, no limit at all. */
#define READING_GRADE_LIMIT 20

/*
 * reading_grade_max: a plain decimal number ("9", "8.5") from 1 to READING_GRADE_LIMIT,
 * read without strtod so that no locale can make "8.5" mean something else. A sign is
 * read so that "-3" is out of range rather than not a number.
 */
static void S_reading_grade_max(ydoc *doc, yaml_node_t *node, config *cfg)
{
    const char *v = ydoc_scalar(node);
    const char *what = "'reading_grade_max'";
    if (!v || ydoc_is_null(node) || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
        if (v && !ydoc_is_null(node))
            ydoc_error(doc, node, "%s must be a number such as 9 or 8.5, but it is '%s'", what, v);
        else
            ydoc_error(doc, node, "%s must be a number such as 9 or 8.5, but it is %s", what,
                       v ? "nothing"
                         : node->type == YAML_SEQUENCE_NODE ? "a list"
                                                            : "a mapping (key: value lines)");
        return;
    }
    double value = 0, scale = 1;
    bool point = false, digits = false, ok = true;
    bool negative = *v == '-';
    for (const char *p = v + (*v == '-' || *v == '+'); *p && ok; p++) {
        if (*p >= '0' && *p <= '9') {
            digits = true;
            if (point)
                value += (scale /= 10) * (*p - '0');
            else if (value < 1e6)
                value = value * 10 + (*p - '0');
        } else if (*p == '.' && !point && digits && p[1]) {
            point = true;
        } else {
            ok = false;
        }
    }
    if (!ok || !digits) {
        ydoc_error(doc, node, "%s must be a number such as 9 or 8.5, but it is '%s'", what, v);
        return;
    }
    if (negative || value < 1 || value > READING_GRADE_LIMIT) {
        ydoc_error(doc, node, "%s must be between 1 and %d (a school grade), not %s", what,
                   READING_GRADE_LIMIT, v);
        return;
    }
    cfg->reading_grade_max = value;
}

static void S_load_topics(ydoc *doc, yaml_node_t *node, config *cfg)
{
    static const char *const keys[] = {"id", "title", "description", NULL};
    if (!ydoc_expect_seq(doc, node, "'topics'"))
        return;
    size_t n = ydoc_len(node);
    if (n == 0) {
        ydoc_error(doc, node, "'topics' is empty; declare at least one topic");
        return;
    }
    cfg->topics = xcalloc(n, sizeof *cfg->topics);
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *t = ydoc_seq_item(doc, node, i);
        if (!ydoc_expect_entry(doc, t, "each topic", keys, "a topic"))
            continue;
        yaml_node_t *idn;
        const char *id = ydoc_expect_id(doc, t, "a topic's 'id'",
                                        "this topic has no 'id'; add one, like 'id: anatomy'",
                                        "topic", &idn);
        yaml_node_t *tn = ydoc_map_get(doc, t, "title");
        const char *title = tn ? ydoc_expect_string(doc, tn, "a topic's 'title'") : NULL;
        if (!tn)
            ydoc_error(doc, t, "this topic has no 'title'; add the name readers will see");
        yaml_node_t *dn = ydoc_map_get(doc, t, "description");
        const char *desc = dn ? ydoc_expect_string(doc, dn, "a topic's 'description'") : NULL;
        if (!dn)
            ydoc_error(doc, t, "this topic has no 'description'; add one plain sentence");
        if (id && config_find_topic(cfg, id)) {
            ydoc_error(doc, idn, "topic '%s' is declared twice; keep one", id);
            id = NULL;
        }
        if (!id || !title || !desc)
            continue;
        config_topic *topic = &cfg->topics[cfg->n_topics++];
        topic->id = xstrdup(id);
        topic->title = xstrdup(title);
        topic->description = xstrdup(desc);
    }
}

static void S_load_notices(ydoc *doc, yaml_node_t *node, config *cfg)
{
    if (!ydoc_expect_map(doc, node, "'notices'"))
        return;
    size_t n = ydoc_len(node);
    cfg->notices = xcalloc(n, sizeof *cfg->notices);
    for (size_t i = 0; i < n; i++) {
        const char *id = ydoc_scalar(ydoc_map_key(doc, node, i));
        const char *text = ydoc_expect_string(doc, ydoc_map_value(doc, node, i), "a notice");
        if (!id || !text)
            continue;
        cfg->notices[cfg->n_notices].id = xstrdup(id);
        cfg->notices[cfg->n_notices].text = xstrdup(text);
        cfg->n_notices++;
    }
    if (!config_find_notice(cfg, "before_after"))
        ydoc_error(doc, node,
                   "'notices' has no 'before_after'; add the consent notice shown under "
                   "before-and-after photos");
}

config *config_load(const char *path, diag_list *diags)
{
    static const char *const keys[] = {"title", "description", "base_url", "language",
                                       "review_max_age_days", "reading_grade_max",
                                       "reading_eojeol_max", "topics", "disclaimer", "notices",
                                       NULL};
    /* Keys that may be left out; the others are required. */
    static const char *const optional[] = {"description", "reading_grade_max",
                                           "reading_eojeol_max", NULL};
    ydoc *doc = ydoc_load_file(path, NULL, "the site settings", NULL, diags);
    if (!doc)
        return NULL;
    yaml_node_t *root = ydoc_root_map(doc, keys, "site.yaml", NULL, false);
    if (!root) {
        ydoc_free(doc);
        return NULL;
    }
    config *cfg = xcalloc(1, sizeof *cfg);
    cfg->file = xstrdup(path);

    for (size_t k = 0; keys[k]; k++) {
        bool required = true;
        for (size_t o = 0; optional[o]; o++)
            required = required && strcmp(keys[k], optional[o]) != 0;
        if (required && !ydoc_map_get(doc, root, keys[k]))
            ydoc_error(doc, root, "site.yaml has no '%s'; add it (see SPEC.md, content/site.yaml)",
                       keys[k]);
    }
    yaml_node_t *n;
    const char *s;
    if ((n = ydoc_map_get(doc, root, "title")) && (s = ydoc_expect_string(doc, n, "'title'")))
        cfg->title = xstrdup(s);
    if ((n = ydoc_map_get(doc, root, "description")) &&
        (s = ydoc_expect_string(doc, n, "'description'")))
        cfg->description = xstrdup(s);
    if ((n = ydoc_map_get(doc, root, "base_url")) &&
        (s = ydoc_expect_string(doc, n, "'base_url'")))
        S_base_url(doc, n, s, cfg);
    if ((n = ydoc_map_get(doc, root, "language")) &&
        (s = ydoc_expect_string(doc, n, "'language'"))) {
        if (slug_is_language_tag(s))
            cfg->language = xstrdup(s);
        else
            ydoc_error(doc, n, "'language' must be a language code such as en or ko, not '%s'",
                       s);
    }
    if ((n = ydoc_map_get(doc, root, "review_max_age_days")))
        ydoc_expect_int(doc, n, "'review_max_age_days'", 1, 3650, &cfg->review_max_age_days);
    if ((n = ydoc_map_get(doc, root, "reading_grade_max")))
        S_reading_grade_max(doc, n, cfg);
    /* 5 어절 is one short clause; a mean of 50 is no limit a reader would notice. */
    if ((n = ydoc_map_get(doc, root, "reading_eojeol_max")))
        ydoc_expect_int(doc, n, "'reading_eojeol_max'", 5, 50, &cfg->reading_eojeol_max);
    if ((n = ydoc_map_get(doc, root, "topics")))
        S_load_topics(doc, n, cfg);
    if ((n = ydoc_map_get(doc, root, "disclaimer")) &&
        (s = ydoc_expect_string(doc, n, "'disclaimer'"))) {
        cfg->disclaimer = xstrdup(s);
        cfg->disclaimer_line = ydoc_line(doc, n);
    }
    if ((n = ydoc_map_get(doc, root, "notices")))
        S_load_notices(doc, n, cfg);
    if (!cfg->description && cfg->title)
        cfg->description = xstrdup(cfg->title);
    bool failed = ydoc_error_count(doc) > 0;
    ydoc_free(doc);
    if (failed) {
        config_free(cfg);
        return NULL;
    }
    return cfg;
}

void config_free(config *cfg)
{
    if (!cfg)
        return;
    free(cfg->file);
    free(cfg->title);
    free(cfg->description);
    free(cfg->base_url);
    free(cfg->base_path);
    free(cfg->language);
    for (size_t i = 0; i < cfg->n_topics; i++) {
        free(cfg->topics[i].id);
        free(cfg->topics[i].title);
        free(cfg->topics[i].description);
    }
    free(cfg->topics);
    free(cfg->disclaimer);
    for (size_t i = 0; i < cfg->n_notices; i++) {
        free(cfg->notices[i].id);
        free(cfg->notices[i].text);
    }
    free(cfg->notices);
    free(cfg);
}

const config_topic *config_find_topic(const config *cfg, const char *id)
{
    for (size_t i = 0; i < cfg->n_topics; i++)
        if (strcmp(cfg->topics[i].id, id) == 0)
            return &cfg->topics[i];
    return NULL;
}

const char *config_find_notice(const config *cfg, const char *id)
{
    for (size_t i = 0; i < cfg->n_notices; i++)
        if (strcmp(cfg->notices[i].id, id) == 0)
            return cfg->notices[i].text;
    return NULL;
}
