/* sitepages.c: the site's own pages, content/pages/ (see sitepages.h). */
#include "content/sitepages.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/slug.h"

bool sitepages_reserved(const config *cfg, const char *name)
{
    /* The first part of every address suture makes itself (permalink.h). */
    static const char *const own[] = {"articles", "topics", "compare", "glossary", "search",
                                      "assets",   "media",  "404",     "feed",     "sitemap",
                                      NULL};
    for (size_t i = 0; own[i]; i++)
        if (strcmp(own[i], name) == 0)
            return true;
    for (size_t i = 0; cfg && i < cfg->n_languages; i++)
        if (strcmp(cfg->languages[i].code, name) == 0)
            return true;
    return false;
}

/* Whether the site's default language is Korean: a file in no language's folder is told
 * its mistakes in it. */
static bool S_default_korean(const config *cfg)
{
    return slug_language_in(config_default_language(cfg)->code, "ko");
}

/* The .md names of dir, the pages of language lang, as "<prefix><name>", each checked (its
 * mistakes told in lang); a missing dir has none. */
static int S_list_dir(const char *dir, const char *prefix, const config *cfg,
                      const config_language *lang, strlist *rels, diag_list *diags)
{
    bool ko = slug_language_in(lang->code, "ko");
    strlist names = STRLIST_INIT;
    if (dir_list(dir, ".md", &names) < 0) {
        int err = errno;
        if (err == ENOENT)
            return 0;
        char *why = dir_problem(dir, err, "the site's pages");
        diag_error(diags, dir, 0, 0, "pages", "%s", why);
        free(why);
        return -1;
    }
    for (size_t i = 0; i < names.len; i++) {
        const char *file = names.items[i];
        char *name = xstrndup(file, strlen(file) - 3);
        char *path = path_join(dir, file);
        if (!slug_is_valid(name))
            diag_error(diags, path, 0, 0, "pages", "%s",
                       ko ? "페이지의 파일 이름은 그 페이지의 주소가 됩니다. 영문 소문자, 숫자, "
                            "하이픈만으로 'editorial-policy.md'처럼 이름을 바꿔 주십시오"
                          : "a page's file name becomes its address: rename it with "
                            "lower-case letters, digits and hyphens only, like "
                            "'editorial-policy.md'");
        else if (sitepages_reserved(cfg, name))
            diag_error(diags, path, 0, 0, "pages",
                       ko ? "'%s'은(는) suture가 자체 페이지에 쓰는 주소입니다. 이 페이지에는 "
                            "다른 파일 이름을 붙여 주십시오"
                          : "'%s' is an address suture uses for pages of its own; give this "
                            "page another file name",
                       name);
        else
            strlist_push_owned(rels, xasprintf("%s%s", prefix, file));
        free(path);
        free(name);
    }
    strlist_free(&names);
    return 0;
}

int sitepages_list(const char *pages_dir, const config *cfg, strlist *rels, diag_list *diags)
{
    if (!cfg->multilingual)
        return S_list_dir(pages_dir, "", cfg, config_default_language(cfg), rels, diags);
    strlist all = STRLIST_INIT;
    if (dir_list(pages_dir, NULL, &all) < 0) {
        int err = errno;
        if (err == ENOENT)
            return 0;
        char *why = dir_problem(pages_dir, err, "the site's pages");
        diag_error(diags, pages_dir, 0, 0, "pages", "%s", why);
        free(why);
        return -1;
    }
    int status = 0;
    bool ko = S_default_korean(cfg);
    for (size_t i = 0; i < all.len; i++) {
        const char *entry = all.items[i];
        char *path = path_join(pages_dir, entry);
        const config_language *declared = NULL;
        for (size_t l = 0; l < cfg->n_languages && !declared; l++)
            if (strcmp(cfg->languages[l].code, entry) == 0)
                declared = &cfg->languages[l];
        if (declared && path_is_dir(path)) {
            char *prefix = xasprintf("%s/", entry);
            if (S_list_dir(path, prefix, cfg, declared, rels, diags) < 0)
                status = -1;
            free(prefix);
        } else if (!path_is_dir(path)) {
            diag_error(diags, path, 0, 0, "pages",
                       ko ? "이 페이지는 어느 언어 폴더에도 있지 않습니다. content/pages/%s/나 "
                            "그 페이지의 언어 폴더로 옮겨 주십시오"
                          : "this page is in no language folder; move it into "
                            "content/pages/%s/, or the folder of its language",
                       cfg->languages[0].code);
        } else {
            diag_error(diags, path, 0, 0, "pages",
                       ko ? "이 폴더는 어느 언어의 폴더도 아닙니다. 페이지는 site.yaml의 언어마다 "
                            "하나씩 있는 폴더(content/pages/%s/ 같은)에 넣어 주십시오"
                          : "this folder is not a language's; pages go in one folder per "
                            "language of site.yaml, like content/pages/%s/",
                       cfg->languages[0].code);
        }
        free(path);
    }
    strlist_free(&all);
    return status;
}

const config_language *sitepages_language(const config *cfg, const char *rel)
{
    const char *slash = strchr(rel, '/');
    for (size_t l = 0; slash && l < cfg->n_languages; l++)
        if (strlen(cfg->languages[l].code) == (size_t)(slash - rel) &&
            strncmp(cfg->languages[l].code, rel, (size_t)(slash - rel)) == 0)
            return &cfg->languages[l];
    return &cfg->languages[0];
}

site_pages *sitepages_load(const char *pages_dir, const config *cfg, diag_list *diags)
{
    site_pages *pages = xcalloc(1, sizeof *pages);
    pages->dir = xstrdup(pages_dir);
    strlist rels = STRLIST_INIT;
    sitepages_list(pages_dir, cfg, &rels, diags);
    pages->items = xcalloc(rels.len + 1, sizeof *pages->items);
    /* Language by language in site.yaml's order, as every list of the site is. */
    for (size_t l = 0; l < cfg->n_languages; l++)
        for (size_t i = 0; i < rels.len; i++) {
            const config_language *lang = sitepages_language(cfg, rels.items[i]);
            if (lang != &cfg->languages[l])
                continue;
            site_page *p = &pages->items[pages->n];
            p->path = path_join(pages_dir, rels.items[i]);
            const char *file = strrchr(rels.items[i], '/');
            file = file ? file + 1 : rels.items[i];
            p->name = xstrndup(file, strlen(file) - 3);
            p->file_name = xstrdup(file);
            p->lang = lang;
            p->text = file_read(p->path, &p->len);
            if (!p->text) {
                char *why = file_problem(p->path, errno, "the page");
                diag_error(diags, p->path, 0, 0, "pages", "%s", why);
                free(why);
                free(p->path);
                free(p->name);
                free(p->file_name);
                continue;
            }
            frontmatter_site site = {.cfg = cfg, .lang = lang->code, .page = true};
            p->fm = frontmatter_parse_for(p->path, p->text, p->len, &site, diags, &p->body,
                                          &p->body_line);
            if (!p->fm)
                p->body = NULL;
            pages->n++;
        }
    strlist_free(&rels);
    return pages;
}

const site_page *sitepages_find(const site_pages *pages, const char *name, const char *code)
{
    for (size_t i = 0; pages && i < pages->n; i++)
        if (strcmp(pages->items[i].name, name) == 0 &&
            strcmp(pages->items[i].lang->code, code) == 0)
            return &pages->items[i];
    return NULL;
}

void sitepages_free(site_pages *pages)
{
    if (!pages)
        return;
    for (size_t i = 0; i < pages->n; i++) {
        free(pages->items[i].path);
        free(pages->items[i].name);
        free(pages->items[i].file_name);
        free(pages->items[i].text);
        frontmatter_free(pages->items[i].fm);
    }
    free(pages->items);
    free(pages->dir);
    free(pages);
}
