/*
 * articles.c: loading the articles, and running work on every article on threads
 * (build_private.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/permalink.h"
#include "base/slug.h"
#include "base/str.h"
#include "base/suggest.h"
#include "base/utf8.h"
#include "build/build_private.h"
#include "build/manifest.h"
#include "content/articlefiles.h"
#include "content/frontmatter.h"
#include "markdown/mdarena.h"

typedef struct {
    size_t lang;
    const char *file_name;
} S_key;

static int S_by_key(const void *key, const void *item)
{
    const S_key *k = key;
    const article *a = item;
    if (k->lang != a->language)
        return k->lang < a->language ? -1 : 1;
    return strcmp(k->file_name, a->file_name);
}

/* b->articles is sorted by language, then file name (build_load_articles). */
const article *build_find_article(const build *b, size_t lang, const char *file_name)
{
    S_key key = {lang, file_name};
    return bsearch(&key, b->articles, b->n_articles, sizeof *b->articles, S_by_key);
}

const article *build_resolve_article(const build *b, size_t lang, const char *file_name)
{
    const article *a = build_find_article(b, lang, file_name);
    for (size_t l = 0; !a && l < b->n_langs; l++)
        if (l != lang)
            a = build_find_article(b, l, file_name);
    return a;
}

const article *build_article_at(const build *b, const char *path)
{
    for (size_t l = 0; l < b->n_langs; l++) {
        const article *a = build_find_article(b, l, path_basename(path));
        if (a && strcmp(a->path, path) == 0)
            return a;
    }
    return NULL;
}

const article *build_version(const build *b, const article *a, size_t lang)
{
    return b->versions[(size_t)(a - b->articles) * b->n_langs + lang];
}

bool build_has_version(const build *b, const article *a, size_t lang)
{
    const article *v = build_version(b, a, lang);
    return v && build_has_page(v);
}

const article *build_source_of(const build *b, const article *a)
{
    if (!a->fm || !a->fm->translation_of)
        return NULL;
    const config_language *L = config_find_language(b->cfg, a->fm->translation_of);
    if (!L || !b->cfg->multilingual)
        return NULL;
    return build_version(b, a, (size_t)(L - b->cfg->languages));
}

bool build_is_stale(const build *b, const article *a)
{
    const article *src = build_source_of(b, a);
    return src && src->fm &&
           translation_staleness(a->fm, src->fm, &b->today, b->cfg->translation_max_lag_days,
                                 NULL) != TRANSLATION_CURRENT;
}

build_lang *build_lang_of(const build *b, const article *a)
{
    return &b->langs[a->language];
}

const char *build_suggest_article(const build *b, const char *file_name)
{
    return suggest_closest_in(file_name, b->articles, b->n_articles, sizeof *b->articles,
                              offsetof(article, file_name));
}

static const char *S_suggest_topic(const config *cfg, const char *id)
{
    return suggest_closest_in(id, cfg->topics, cfg->n_topics, sizeof *cfg->topics,
                              offsetof(config_topic, id));
}


/*
 * An unknown topic, in the article's language (Korean for ko, English otherwise): the
 * closest id when one is close, and every topic site.yaml declares, so that the writer
 * picks one without opening it.
 */
static void S_unknown_topic(build *b, const article *a, const fm_ref *r)
{
    const char *near = S_suggest_topic(b->cfg, r->id);
    char *topics = config_topic_list(b->cfg, a->lang);
    const char *file = b->cfg->file;
    bool ko = slug_language_in(a->lang, "ko");
    if (ko && near)
        diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                   "'%s'(이)라는 주제가 없습니다. '%s'을(를) 쓰려던 것인가요? %s에 있는 주제: %s",
                   r->id, near, file, topics);
    else if (ko)
        diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                   "'%s'(이)라는 주제가 없습니다. %s에 있는 주제 가운데 하나를 쓰세요: %s",
                   r->id, file, topics);
    else if (near)
        diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                   "unknown topic '%s'; did you mean '%s'? The topics in %s are: %s", r->id,
                   near, file, topics);
    else
        diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                   "unknown topic '%s'; use one of the topics in %s: %s", r->id, file, topics);
    free(topics);
}

/*
 * An article's reviewer on a site that declares reviewers: it must be one of their ids.
 * Reported at the value, in the article's language, with the closest id when one is close
 * and every reviewer site.yaml declares. (Without `reviewers:` the value is a name as
 * written, SPEC.md "Article".)
 */
static void S_check_reviewer(build *b, const article *a)
{
    const frontmatter *fm = a->fm;
    if (!b->cfg->n_reviewers || !fm->reviewer || config_find_reviewer(b->cfg, fm->reviewer))
        return;
    const char *near = config_suggest_reviewer(b->cfg, fm->reviewer);
    char *list = config_reviewer_list(b->cfg, a->lang);
    const char *file = b->cfg->file;
    unsigned line = fm->reviewer_at.line, column = fm->reviewer_at.column;
    if (slug_language_in(a->lang, "ko") && near)
        diag_error(b->diags, a->path, line, column, "front-matter",
                   "'%s'(이)라는 검토자가 없습니다. '%s'을(를) 쓰려던 것인가요? %s에 있는 "
                   "검토자: %s", fm->reviewer, near, file, list);
    else if (slug_language_in(a->lang, "ko"))
        diag_error(b->diags, a->path, line, column, "front-matter",
                   "'%s'(이)라는 검토자가 없습니다. 'reviewer:'에는 %s에 있는 검토자의 id를 "
                   "쓰세요: %s", fm->reviewer, file, list);
    else if (near)
        diag_error(b->diags, a->path, line, column, "front-matter",
                   "unknown reviewer '%s'; did you mean '%s'? The reviewers in %s are: %s",
                   fm->reviewer, near, file, list);
    else
        diag_error(b->diags, a->path, line, column, "front-matter",
                   "unknown reviewer '%s'; 'reviewer:' takes the id of one of the reviewers "
                   "in %s: %s", fm->reviewer, file, list);
    free(list);
}

/* Check the ids an article's front matter names against site.yaml and the data. */
static void S_check_refs(build *b, article *a)
{
    const frontmatter *fm = a->fm;
    bool ko = slug_language_in(a->lang, "ko");
    S_check_reviewer(b, a);
    for (size_t i = 0; i < fm->n_topics; i++)
        if (!config_find_topic(b->cfg, fm->topics[i].id))
            S_unknown_topic(b, a, &fm->topics[i]);
    for (size_t i = 0; i < fm->n_procedures; i++) {
        const fm_ref *r = &fm->procedures[i];
        if (procedures_find(b->procedures, r->id) >= 0)
            continue;
        const char *near = procedures_suggest(b->procedures, r->id);
        if (near)
            diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                       ko ? "'%s'(이)라는 시술이 없습니다. '%s'을(를) 쓰려던 것인지 확인해 "
                            "주십시오"
                          : "unknown procedure '%s'; did you mean '%s'?",
                       r->id, near);
        else
            diag_error(b->diags, a->path, r->line, r->column, "front-matter",
                       ko ? "'%s'(이)라는 시술이 없습니다. %s에 선언된 시술을 써 주십시오"
                          : "unknown procedure '%s'; use a procedure declared in %s",
                       r->id, b->procedures->file);
    }
}

char *build_read_article(build *b, const article *a, size_t *len)
{
    char *text = file_read(a->path, len);
    if (!text) {
        diag_file_problem(b->diags, a->path, errno, NULL, "the article");
    }
    return text;
}

/* Keep the ids in ids as a's packed heading ids (article.h), and empty ids. */
static void S_keep_heading_ids(article *a, strlist *ids)
{
    a->heading_ids = manifest_pack(ids);
    a->n_heading_ids = (uint32_t)ids->len;
    strlist_free(ids);
}

/* a's slug and URL: its front matter's slug, else its file name (checked). */
static void S_name(build *b, article *a)
{
    if (a->fm && a->fm->slug) {
        a->slug = xstrdup(a->fm->slug);
    } else {
        a->slug = xstrndup(a->file_name, strlen(a->file_name) - 3);
        if (!slug_is_valid(a->slug))
            diag_error(b->diags, a->path, 1, 1, "slug",
                       slug_language_in(a->lang, "ko")
                           ? "파일 이름 '%s'은(는) 웹 주소로 쓸 수 없습니다. 영문 소문자, "
                             "숫자, 하이픈만으로 파일 이름을 바꾸거나, 프런트 매터에 'slug:'를 "
                             "써 주십시오"
                           : "the file name '%s' cannot be used as a web address; rename the "
                             "file with lower-case letters, digits and hyphens, or set 'slug:' "
                             "in the front matter",
                       a->file_name);
    }
    a->url = permalink(build_lang_of(b, a)->L->prefix, PERMALINK_ARTICLE, a->slug, 0);
}

/* What a's front matter says once it is read: its language, whether it is published, and
 * whether its topics, procedures and language folder are right (reported). */
static void S_take_front_matter(build *b, article *a)
{
    /* On a site with languages the folder says it (a disagreeing lang: is reported). */
    if (a->fm->lang && !b->cfg->multilingual)
        a->lang = a->fm->lang;
    a->published = !a->fm->draft || b->opt->drafts;
    S_check_refs(b, a);
    const char *listed_as = a->path + strlen(b->articles_dir) + 1;
    articlefiles_check(b->cfg, a->path, listed_as, a->fm, b->rels, b->diags);
}

/*
 * What suture's lint read of the same file (site_options.read_before), taken instead of
 * reading and parsing the article again; false when there is none, or when a build would
 * still have to parse the body for its heading ids. Validating, the ids come from the
 * rendering (build.ids_from_rendering); building, from the lint's tree, and the digest of
 * the file is recorded for the next build as S_load_article records it.
 */
static bool S_load_read_before(build *b, article *a)
{
    const site_options *opt = b->opt;
    site_read r = {.heading_ids = STRLIST_INIT};
    if (!opt->read_before || !opt->read_before(opt->read_before_ctx, a->path, &r))
        return false;
    if (!r.fm || (!b->ids_from_rendering && !r.heading_ids_known)) {
        frontmatter_free(r.fm);
        strlist_free(&r.heading_ids);
        return false;
    }
    a->fm = r.fm;
    a->body_line = r.body_line;
    S_name(b, a);
    S_take_front_matter(b, a);
    if (b->ids_from_rendering) {
        strlist_free(&r.heading_ids);
        return true;
    }
    S_keep_heading_ids(a, &r.heading_ids);
    if (b->inc && build_has_page(a)) {
        char *rel = build_page_file(b, a->url);
        incremental_add_article(b->inc, rel, &r.source, a->heading_ids, a->n_heading_ids);
        free(rel);
    }
    return true;
}

static void S_load_article(build *b, article *a)
{
    if (S_load_read_before(b, a))
        return;
    size_t len;
    char *text = build_read_article(b, a, &len);
    if (!text) {
        /* Reported. It keeps the name its file gives it, so that what spans the articles
         * (slugs, links) can still sort and find it. */
        a->slug = xstrndup(a->file_name, strlen(a->file_name) - 3);
        a->url = permalink(build_lang_of(b, a)->L->prefix, PERMALINK_ARTICLE, a->slug, 0);
        strlist ids = STRLIST_INIT;
        S_keep_heading_ids(a, &ids);
        return;
    }
    const char *body = NULL;
    frontmatter_site site = {.cfg = b->cfg, .lang = a->lang};
    a->fm = frontmatter_parse_for(a->path, text, len, &site, b->diags, &body, &a->body_line);
    /* cmark would publish each bad byte of the body as U+FFFD, without a word; libyaml has
     * reported those of the front matter. A warning, once: the page is still readable. */
    if (body)
        utf8_warn_after(text, len, (size_t)(body - text), a->path, "encoding", b->diags);
    S_name(b, a);
    /* Validating alone (site_validate) there is no old site and no page to declare. */
    fingerprint_digest source = {0};
    char *rel = NULL;
    if (b->inc) {
        source = fingerprint_digest_bytes(text, len);
        /* The same bytes as the old site's page was made from have the same headings. */
        rel = build_page_file(b, a->url);
        a->heading_ids = incremental_take_heading_ids(b->inc, rel, &source, &a->n_heading_ids);
    }
    bool ids_known = a->heading_ids != NULL;
    if (a->fm)
        S_take_front_matter(b, a);
    if (!ids_known && !b->ids_from_rendering) {
        strlist ids = STRLIST_INIT;
        if (body)
            markdown_heading_ids(body, len - (size_t)(body - text), &ids);
        S_keep_heading_ids(a, &ids);
    }
    if (b->inc && build_has_page(a))
        incremental_add_article(b->inc, rel, &source, a->heading_ids, a->n_heading_ids);
    free(rel);
    free(text);
}

static int S_by_newest(const void *pa, const void *pb)
{
    const article *a = *(const article *const *)pa, *b = *(const article *const *)pb;
    int c = date_compare(&b->fm->date, &a->fm->date);
    return c ? c : strcmp(a->fm->title, b->fm->title);
}

static int S_by_slug(const void *pa, const void *pb)
{
    const article *a = *(const article *const *)pa, *b = *(const article *const *)pb;
    if (a->language != b->language)
        return a->language < b->language ? -1 : 1;
    int c = strcmp(a->slug, b->slug);
    return c ? c : (a > b) - (a < b);
}

/*
 * Two articles of one language at one address (languages have their own prefixes, so one
 * slug may serve several): each of them is reported, naming the first other article
 * (in file-name order) with that slug. Sorting finds them without comparing every pair.
 */
static void S_check_slugs(build *b)
{
    const article **by_slug = xcalloc(b->n_articles + 1, sizeof *by_slug);
    for (size_t i = 0; i < b->n_articles; i++)
        by_slug[i] = &b->articles[i];
    qsort(by_slug, b->n_articles, sizeof *by_slug, S_by_slug);
    bool *clash = xcalloc(b->n_articles + 1, sizeof *clash);
    const article **other = xcalloc(b->n_articles + 1, sizeof *other);
    for (size_t i = 0; i < b->n_articles;) {
        size_t j = i + 1;
        while (j < b->n_articles && by_slug[j]->language == by_slug[i]->language &&
               strcmp(by_slug[j]->slug, by_slug[i]->slug) == 0)
            j++;
        /* by_slug[i..j) share a slug, in file-name order (articles is sorted that way). */
        for (size_t k = i; j - i > 1 && k < j; k++) {
            size_t at = (size_t)(by_slug[k] - b->articles);
            clash[at] = true;
            other[at] = by_slug[k == i ? i + 1 : i];
        }
        i = j;
    }
    for (size_t i = 0; i < b->n_articles; i++)
        if (clash[i])
            diag_error(b->diags, b->articles[i].path, 1, 1, "slug",
                       slug_language_in(b->articles[i].lang, "ko")
                           ? "이 글의 slug '%s'은(는) %s의 것과 같습니다. 두 페이지가 주소 "
                             "하나를 같이 쓸 수는 없으니, 둘 중 하나에 다른 'slug:'를 "
                             "붙여 주십시오"
                           : "this article has the slug '%s', like %s; two pages cannot share "
                             "one address, so give one of them a different 'slug:'",
                       b->articles[i].slug, other[i]->path);
    free(other);
    free(clash);
    free(by_slug);
}

static int S_by_language(const void *pa, const void *pb)
{
    const article *a = pa, *b = pb;
    S_key key = {a->language, a->file_name};
    return S_by_key(&key, b);
}

/* b->langs: one per declared language (the one language of a site without languages:). */
static void S_make_langs(build *b)
{
    b->n_langs = b->cfg->multilingual ? b->cfg->n_languages : 1;
    b->langs = xcalloc(b->n_langs + 1, sizeof *b->langs);
    for (size_t l = 0; l < b->n_langs; l++) {
        b->langs[l].L = &b->cfg->languages[l];
        b->langs[l].index = l;
        b->langs[l].topic_counts = xcalloc(b->cfg->n_topics + 1, sizeof(size_t));
        b->langs[l].listed = xcalloc(b->n_articles + 1, sizeof(const article *));
    }
}

/* b->articles from the listed files, each with its language and its place in its folder. */
static void S_add_articles(build *b, const strlist *rels)
{
    b->articles = xcalloc(rels->len + 1, sizeof *b->articles);
    for (size_t i = 0; i < rels->len; i++) {
        char *path = path_join(b->articles_dir, rels->items[i]);
        /* A symbolic link may point anywhere: only files inside content/ are published. */
        if (path_link_outside(path, b->opt->content_dir)) {
            articlefiles_report_link_outside(b->diags, path, b->articles_dir);
            free(path);
            continue;
        }
        article *a = &b->articles[b->n_articles++];
        a->path = path;
        /* The file name is the end of the path: one allocation for both. */
        a->file_name = a->path + strlen(a->path) - strlen(articlefiles_name(rels->items[i]));
        const config_language *L = articlefiles_language(b->cfg, rels->items[i]);
        a->language = b->cfg->multilingual ? (unsigned)(L - b->cfg->languages) : 0;
        a->lang = b->cfg->multilingual ? L->code : config_default_language(b->cfg)->code;
    }
    qsort(b->articles, b->n_articles, sizeof *b->articles, S_by_language);
}

/* Each language's published list, newest first, its topic counts and related index; and
 * every article's versions in the other languages. */
static void S_plan_languages(build *b)
{
    b->versions = xcalloc(b->n_articles * b->n_langs + 1, sizeof *b->versions);
    for (size_t i = 0; i < b->n_articles; i++) {
        const article *a = &b->articles[i];
        for (size_t l = 0; l < b->n_langs; l++)
            b->versions[i * b->n_langs + l] =
                l == a->language ? a : build_find_article(b, l, a->file_name);
        if (!a->fm || !a->published)
            continue;
        build_lang *bl = build_lang_of(b, a);
        bl->listed[bl->n_listed++] = a;
        for (size_t t = 0; t < b->cfg->n_topics; t++)
            for (size_t k = 0; k < a->fm->n_topics; k++)
                if (strcmp(a->fm->topics[k].id, b->cfg->topics[t].id) == 0)
                    bl->topic_counts[t]++;
    }
    for (size_t l = 0; l < b->n_langs; l++) {
        build_lang *bl = &b->langs[l];
        qsort(bl->listed, bl->n_listed, sizeof *bl->listed, S_by_newest);
        bl->related = related_index_new(bl->listed, bl->n_listed);
    }
}

bool build_load_articles(build *b)
{
    strlist rels = STRLIST_INIT;
    bool listed = articlefiles_list_site(b->articles_dir, b->cfg, &rels, b->diags) == 0;
    S_add_articles(b, &rels);
    S_make_langs(b);
    b->today = date_from_time((long long)time(NULL));
    /* Each article is read on its own; what spans articles comes after. */
    b->rels = &rels;
    build_each_article(b, S_load_article);
    b->rels = NULL;
    strlist_free(&rels);
    S_check_slugs(b);
    S_plan_languages(b);
    return listed;
}

/*
 * Each procedure's `article:` must name an article; its column header on each language's
 * /compare/ links to the article in that language (or, without one, in another).
 */
void build_link_procedures(build *b)
{
    for (size_t l = 0; l < b->n_langs; l++)
        b->langs[l].procedure_hrefs =
            xcalloc(b->procedures->n_procedures + 1, sizeof(char *));
    for (size_t i = 0; i < b->procedures->n_procedures; i++) {
        const procedure *p = &b->procedures->procedures[i];
        if (!p->article)
            continue;
        if (!build_resolve_article(b, 0, p->article)) {
            const char *near = build_suggest_article(b, p->article);
            /* procedures.yaml serves every language: told in the site's default one. */
            if (slug_language_in(config_default_language(b->cfg)->code, "ko"))
                diag_error(b->diags, b->procedures->file, p->line, p->column, "procedures",
                           "시술 '%s'이(가) 가리키는 글 '%s'이(가) 없습니다. %s%s%s", p->id,
                           p->article, near ? "'" : "", near ? near : "",
                           near ? "'을(를) 쓰려던 것인지 확인해 주십시오"
                                : "'article:'에 있는 글의 파일 이름을 확인해 주십시오");
            else
                diag_error(b->diags, b->procedures->file, p->line, p->column, "procedures",
                           "procedure '%s' names the article '%s', which does not exist%s%s%s",
                           p->id, p->article, near ? "; did you mean '" : "",
                           near ? near : "", near ? "'?" : "");
            continue;
        }
        for (size_t l = 0; l < b->n_langs; l++) {
            const article *a = build_resolve_article(b, l, p->article);
            if (a->published)
                b->langs[l].procedure_hrefs[i] = xstrdup(a->url);
        }
    }
}

typedef struct {
    build *b;
    build_article_fn fn;
} S_each;

static void *S_each_worker(void *arg)
{
    S_each *e = arg;
    build *b = e->b;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next_article, 1);
        if (i >= b->n_articles)
            break;
        e->fn(b, &b->articles[i]);
    }
    mdarena_thread_exit();
    return NULL;
}

void build_on_threads(unsigned jobs, void *(*worker)(void *), void *arg)
{
    pthread_t *threads = xcalloc(jobs + 1, sizeof *threads);
    unsigned started = 0;
    for (unsigned i = 1; i < jobs; i++)
        if (pthread_create(&threads[i], NULL, worker, arg) == 0)
            started++;
        else
            break;
    worker(arg);
    for (unsigned i = 1; i <= started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
}

void build_each_article(build *b, build_article_fn fn)
{
    unsigned jobs = b->opt->jobs ? b->opt->jobs : 1;
    if (jobs > b->n_articles)
        jobs = b->n_articles ? (unsigned)b->n_articles : 1;
    atomic_store(&b->next_article, 0);
    S_each e = {b, fn};
    build_on_threads(jobs, S_each_worker, &e);
}

bool build_has_page(const article *a)
{
    return a->body_line && a->fm && a->published;
}

/* The front matter was checked when the article was loaded; find the body again. */
const char *build_article_body(const article *a, const char *text, size_t len)
{
    const char *body = text;
    unsigned line = 1;
    while (line < a->body_line && (body = strchr(body, '\n')) != NULL) {
        body++;
        line++;
    }
    return body ? body : text + len;
}
