/* jsonld.c: an article's schema.org MedicalWebPage in JSON-LD (see jsonld.h). */
#define _GNU_SOURCE
#include "render/jsonld.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/permalink.h"
#include "base/str.h"

/* Set key to the string s, when s is there and is valid UTF-8 (jansson checks). */
static void S_set_text(json_t *obj, const char *key, const char *s)
{
    if (!s || !*s)
        return;
    json_t *v = json_string(s);
    if (v)
        json_object_set_new(obj, key, v);
}

static void S_set_date(json_t *obj, const char *key, const date_ymd *d)
{
    char iso[16];
    date_format(d, iso, sizeof iso);
    json_object_set_new(obj, key, json_string(iso));
}

/* The absolute URL of a page of kind in lang: the base URL, then lang's prefix below the
 * base path. */
static char *S_in_language(const config *cfg, const config_language *lang, permalink_kind kind,
                           const char *id)
{
    size_t base_len = strlen(cfg->base_path);
    const char *rest = strncmp(lang->prefix, cfg->base_path, base_len) == 0
                           ? lang->prefix + base_len
                           : "";
    char *root = xasprintf("%s%s", cfg->base_url, rest);
    char *url = permalink(root, kind, id, 0);
    free(root);
    return url;
}

/* {"@type": type} with name (and url) set, or NULL when name is missing or not UTF-8. */
static json_t *S_thing(const char *type, const char *name, const char *url)
{
    json_t *name_v = name && *name ? json_string(name) : NULL;
    if (!name_v)
        return NULL;
    json_t *o = json_object();
    json_object_set_new(o, "@type", json_string(type));
    json_object_set_new(o, "name", name_v);
    S_set_text(o, "url", url);
    return o;
}

static void S_set_thing(json_t *obj, const char *key, json_t *thing)
{
    if (thing)
        json_object_set_new(obj, key, thing);
}

/* json with '<', '>' and '&' written as JSON \u escapes (they occur only inside strings). */
static char *S_script_safe(const char *json)
{
    strbuf b = STRBUF_INIT;
    for (const char *c = json; *c; c++) {
        switch (*c) {
        case '<':
            strbuf_puts(&b, "\\u003c");
            break;
        case '>':
            strbuf_puts(&b, "\\u003e");
            break;
        case '&':
            strbuf_puts(&b, "\\u0026");
            break;
        default:
            strbuf_putc(&b, *c);
        }
    }
    return strbuf_detach(&b);
}

/* {"@id": url}, or NULL when url is not UTF-8. */
static json_t *S_ref(const char *url)
{
    json_t *id = json_string(url);
    if (!id)
        return NULL;
    json_t *o = json_object();
    json_object_set_new(o, "@id", id);
    return o;
}

/* translationOfWork and workTranslation (versions may be NULL). */
static void S_set_versions(json_t *page, const jsonld_versions *v)
{
    if (!v)
        return;
    if (v->translation_of)
        S_set_thing(page, "translationOfWork", S_ref(v->translation_of));
    if (!v->n_translations)
        return;
    json_t *list = json_array();
    for (size_t i = 0; i < v->n_translations; i++) {
        json_t *ref = S_ref(v->translations[i]);
        if (ref)
            json_array_append_new(list, ref);
    }
    json_object_set_new(page, "workTranslation", list);
}

/* A PropertyValue identifier (schema.org's way to give a DOI or a PMID). */
static json_t *S_identifier(const char *property, const char *value)
{
    json_t *id = json_object();
    json_object_set_new(id, "@type", json_string("PropertyValue"));
    json_object_set_new(id, "propertyID", json_string(property));
    S_set_text(id, "value", value);
    return id;
}

/* One cited source as schema.org sees it (jsonld.h, "citation"). */
static json_t *S_citation(const source_entry *s)
{
    json_t *work = json_object();
    json_object_set_new(work, "@type",
                        json_string(s->journal ? "ScholarlyArticle" : "CreativeWork"));
    S_set_text(work, "name", s->title);
    S_set_text(work, "author", s->authors);
    json_object_set_new(work, "datePublished", json_sprintf("%d", s->year));
    S_set_text(work, "inLanguage", s->language);
    if (s->journal)
        S_set_thing(work, "isPartOf", S_thing("Periodical", s->journal, NULL));
    else
        S_set_thing(work, "publisher", S_thing("Organization", s->publisher, NULL));
    char *url = s->doi    ? xasprintf("https://doi.org/%s", s->doi)
                : s->pmid ? xasprintf("https://pubmed.ncbi.nlm.nih.gov/%s/", s->pmid)
                          : xstrdup(s->url);
    S_set_text(work, "url", url);
    free(url);
    json_t *ids = json_array();
    if (s->doi)
        json_array_append_new(ids, S_identifier("DOI", s->doi));
    if (s->pmid)
        json_array_append_new(ids, S_identifier("PMID", s->pmid));
    if (json_array_size(ids))
        json_object_set_new(work, "identifier", ids);
    else
        json_decref(ids);
    return work;
}

/* Who reviewed the article: the declared reviewer it names, as a Person with jobTitle, or
 * (on a site that declares no reviewers) the name it gives, as an Organization. */
static json_t *S_reviewer(const config *cfg, const article *a)
{
    const config_reviewer *r = config_find_reviewer(cfg, a->fm->reviewer);
    if (!r)
        return S_thing("Organization", a->fm->reviewer, NULL);
    json_t *person = S_thing("Person", config_text(cfg, &r->name, a->lang), NULL);
    if (person)
        S_set_text(person, "jobTitle", config_text(cfg, &r->credentials, a->lang));
    return person;
}

/* The clinic as the page's publisher: a MedicalClinic with its name, its address (one
 * text, as PostalAddress's streetAddress) and its telephone number; NULL when site.yaml
 * gives the clinic no name. */
static json_t *S_clinic(const config *cfg, const char *lang, const char *home)
{
    json_t *clinic = S_thing("MedicalClinic", config_text(cfg, &cfg->clinic_name, lang), home);
    if (!clinic)
        return NULL;
    const char *street = config_text(cfg, &cfg->clinic_address, lang);
    if (street && *street) {
        json_t *address = json_object();
        json_object_set_new(address, "@type", json_string("PostalAddress"));
        S_set_text(address, "streetAddress", street);
        json_object_set_new(clinic, "address", address);
    }
    S_set_text(clinic, "telephone", cfg->clinic_phone);
    return clinic;
}

char *jsonld_article(const config *cfg, const article *a, const procedure_data *procedures,
                     const char *canonical, const jsonld_versions *versions,
                     const sources_cited *cited)
{
    const config_language *lang = config_language_for(cfg, a->lang);
    const frontmatter *fm = a->fm;
    json_t *page = json_object();
    json_object_set_new(page, "@context", json_string("https://schema.org"));
    json_object_set_new(page, "@type", json_string("MedicalWebPage"));
    S_set_text(page, "url", canonical);
    S_set_text(page, "name", fm->title);
    S_set_text(page, "description", fm->summary);
    S_set_text(page, "inLanguage", a->lang);
    S_set_date(page, "datePublished", &fm->date);
    S_set_date(page, "lastReviewed", &fm->reviewed);
    S_set_thing(page, "reviewedBy", S_reviewer(cfg, a));
    json_t *audience = json_object();
    json_object_set_new(audience, "@type", json_string("MedicalAudience"));
    json_object_set_new(audience, "audienceType", json_string("Patient"));
    json_object_set_new(page, "medicalAudience", audience);
    json_t *about = json_array();
    for (size_t i = 0; procedures && i < fm->n_procedures; i++) {
        long idx = procedures_find(procedures, fm->procedures[i].id);
        if (idx < 0)
            continue;
        const procedure *p = &procedures->procedures[idx];
        char *url = S_in_language(cfg, lang, PERMALINK_COMPARE, p->id);
        json_t *thing = S_thing("MedicalProcedure",
                                procedures_text(procedures, &p->name, a->lang), url);
        free(url);
        if (thing)
            json_array_append_new(about, thing);
    }
    if (json_array_size(about))
        json_object_set_new(page, "about", about);
    else
        json_decref(about);
    char *home = S_in_language(cfg, lang, PERMALINK_HOME, NULL);
    S_set_thing(page, "isPartOf", S_thing("WebSite", lang->title, home));
    S_set_thing(page, "publisher", S_clinic(cfg, a->lang, home));
    free(home);
    S_set_versions(page, versions);
    if (cited && cited->n) {
        json_t *list = json_array();
        for (size_t i = 0; i < cited->n; i++)
            json_array_append_new(list, S_citation(cited->items[i]));
        json_object_set_new(page, "citation", list);
    }
    char *json = json_dumps(page, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(page);
    if (!json)
        out_of_memory();
    char *safe = S_script_safe(json);
    free(json);
    return safe;
}
