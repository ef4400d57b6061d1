/*
 * test_ci_examples.c: the example CI files for a clinic's content repository
 * (docs/ci/github-actions.yml, docs/ci/gitlab-ci.yml), loaded with libyaml. Their
 * structure is what GitHub Actions and GitLab CI need: jobs with runners and steps, a
 * SARIF upload that runs when the check has failed and reads the file the check wrote,
 * stages that exist, scripts that are lists; publication on the main branch only. Every
 * command line in them that starts with "suture " is one README.md gives under
 * "Publishing the site", word for word, and runs with the built suture in a copy of
 * tests/fixtures/good without a usage error: a misspelt command or option fails here.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "e2e.h"
#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"
#include "content/yamldoc.h"

static char *S_root; /* the repository */

/* A CI file of the repository, loaded; the test fails when it is not valid YAML. */
typedef struct {
    ydoc *doc;
    yaml_node_t *root;
    diag_list *diags;
} S_yaml;

static S_yaml S_load(const char *rel)
{
    char *path = path_join(S_root, rel);
    size_t len;
    char *text = file_read(path, &len);
    if (!text)
        fail_msg("cannot read %s", path);
    S_yaml y = {.diags = diag_list_new()};
    y.doc = ydoc_load(rel, text, len, 0, 0, y.diags);
    if (!y.doc || ydoc_error_count(y.doc) > 0)
        fail_msg("%s is not one valid YAML document", rel);
    y.root = ydoc_root(y.doc);
    assert_non_null(y.root);
    assert_int_equal(y.root->type, YAML_MAPPING_NODE);
    free(text);
    free(path);
    return y;
}

static void S_unload(S_yaml *y)
{
    ydoc_free(y->doc);
    diag_list_free(y->diags);
}

/* The value of key in map, which must be there. */
static yaml_node_t *S_need(S_yaml *y, yaml_node_t *map, const char *key, const char *where)
{
    yaml_node_t *v = map && map->type == YAML_MAPPING_NODE ? ydoc_map_get(y->doc, map, key)
                                                           : NULL;
    if (!v)
        fail_msg("%s has no '%s'", where, key);
    return v;
}

/* s, or "" for NULL. */
static const char *S_or_empty(const char *s)
{
    return s ? s : "";
}

/* The scalar value of key in map, or "" when there is none. */
static const char *S_text(S_yaml *y, yaml_node_t *map, const char *key)
{
    yaml_node_t *v = map && map->type == YAML_MAPPING_NODE ? ydoc_map_get(y->doc, map, key)
                                                           : NULL;
    return S_or_empty(v ? ydoc_scalar(v) : NULL);
}

/* Each line of script that starts with "suture " (after its indentation), trimmed. */
static void S_suture_lines(const char *script, strlist *out)
{
    for (const char *p = script; *p;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        while (n && (*p == ' ' || *p == '\t'))
            p++, n--;
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
            n--;
        if (n > 7 && !strncmp(p, "suture ", 7)) {
            char *line = xstrndup(p, n);
            strlist_push_owned(out, line);
        }
        p = end ? end + 1 : p + n;
    }
}

/* The README's "Publishing the site" section, up to the next "## " heading. */
static char *S_readme_section(void)
{
    char *path = path_join(S_root, "README.md");
    size_t len;
    char *text = file_read(path, &len);
    assert_non_null(text);
    const char *start = strstr(text, "\n## Publishing the site\n");
    if (!start)
        fail_msg("README.md has no section '## Publishing the site'");
    const char *end = strstr(start + 1, "\n## ");
    char *section = end ? xstrndup(start, (size_t)(end - start)) : xstrdup(start);
    free(text);
    free(path);
    return section;
}

/* Every command line the CI files give is in the README's publishing section, verbatim. */
static void S_expect_in_readme(const strlist *commands)
{
    char *section = S_readme_section();
    for (size_t i = 0; i < commands->len; i++)
        if (!strstr(section, commands->items[i]))
            fail_msg("'%s' is not in README.md's section 'Publishing the site'",
                     commands->items[i]);
    free(section);
}

/* A command line split into words; *out_file gets the target of a '>' (or NULL). The
 * test fails on anything but plain words and one '>' at the end: the CI files' suture
 * commands are meant to be copied by people, and run here as they are written. */
static void S_words(const char *command, strlist *words, char **out_file)
{
    if (strpbrk(command, "'\"`$|&;<\\(){}*?"))
        fail_msg("'%s': a suture command in a CI file should be plain words", command);
    char *copy = xstrdup(command), *save = NULL;
    *out_file = NULL;
    for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        if (!strcmp(w, ">")) {
            char *target = strtok_r(NULL, " \t", &save);
            if (!target || strtok_r(NULL, " \t", &save))
                fail_msg("'%s': '>' must be followed by one file name, at the end", command);
            *out_file = xstrdup(target);
            break;
        }
        strlist_push(words, w);
    }
    free(copy);
    assert_true(words->len >= 2);
    assert_string_equal(words->items[0], "suture");
}

/*
 * Run command (a line starting "suture ") with the built suture in a fresh copy of
 * tests/fixtures/good and the templates, its '>' file written in that folder. Returns the
 * exit status; *err gets stderr, *dir_out the folder (the caller removes it).
 */
static int S_run(const char *command, char **err, char **dir_out)
{
    strlist words = STRLIST_INIT;
    char *out_file = NULL;
    S_words(command, &words, &out_file);
    char *dir = e2e_fixture_site(S_root, "good");
    assert_non_null(dir);
    const char *args[32];
    size_t n = 0;
    for (size_t i = 1; i < words.len && n + 1 < 32; i++)
        args[n++] = words.items[i];
    args[n] = NULL;
    char *out = out_file ? path_join(dir, out_file) : NULL;
    int status = e2e_run_to(dir, args, out, err);
    free(out);
    free(out_file);
    strlist_free(&words);
    *dir_out = dir;
    return status;
}

/* The report a check command wrote with --format json or sarif is that format. */
static void S_expect_report(const char *dir, const char *command)
{
    const char *gt = strstr(command, " > ");
    if (!gt)
        return;
    char *path = path_join(dir, gt + 3);
    json_error_t jerr;
    json_t *report = json_load_file(path, 0, &jerr);
    if (!report)
        fail_msg("'%s' wrote no JSON: %s", command, jerr.text);
    if (strstr(command, "--format sarif"))
        assert_string_equal(json_string_value(json_object_get(report, "version")), "2.1.0");
    else
        assert_non_null(json_object_get(report, "summary"));
    json_decref(report);
    free(path);
}

/*
 * What each command does on the fixture, which is correct content with example identity
 * values: a check passes (0, and its report is written); a release build refuses the
 * examples (1, naming them with [release]) and writes no site/. Never 2, a usage error.
 */
static void S_expect_runs(const strlist *commands)
{
    setenv("SUTURE_TODAY", "2026-12-07", 1);
    for (size_t i = 0; i < commands->len; i++) {
        const char *command = commands->items[i];
        char *err = NULL, *dir = NULL;
        int status = S_run(command, &err, &dir);
        if (status == 2)
            fail_msg("'%s' is a usage error:\n%s", command, err);
        if (strstr(command, "--release")) {
            if (status != 1 || !strstr(err, "[release]"))
                fail_msg("'%s' exited %d, expected 1 with [release] errors:\n%s", command,
                         status, err);
            char *site = path_join(dir, "site");
            assert_false(path_exists(site));
            free(site);
        } else {
            if (status != 0)
                fail_msg("'%s' exited %d on the good fixture:\n%s", command, status, err);
            S_expect_report(dir, command);
        }
        free(err);
        remove_tree(dir);
        free(dir);
    }
    unsetenv("SUTURE_TODAY");
}

/* The runner above does catch a misspelt option or command: suture says it is a usage
 * error (2). */
static void test_misspelling_is_caught(void **state)
{
    (void)state;
    static const char *const wrong[] = {"suture check --formt sarif > suture.sarif",
                                        "suture biuld --release", "suture build --relase"};
    for (size_t i = 0; i < sizeof wrong / sizeof *wrong; i++) {
        char *err = NULL, *dir = NULL;
        assert_int_equal(S_run(wrong[i], &err, &dir), 2);
        free(err);
        remove_tree(dir);
        free(dir);
    }
}

/* ---- GitHub Actions ---- */

/* The step of job's steps whose 'id' is id, or NULL. */
static yaml_node_t *S_step_by_id(S_yaml *y, yaml_node_t *steps, const char *id)
{
    for (size_t i = 0; i < ydoc_len(steps); i++) {
        yaml_node_t *step = ydoc_seq_item(y->doc, steps, i);
        if (!strcmp(S_text(y, step, "id"), id))
            return step;
    }
    return NULL;
}

/* Each job has a runner and a list of steps, each of which uses an action or runs a
 * script; the suture command lines of the scripts go to commands. */
static void S_github_jobs(S_yaml *y, yaml_node_t *jobs, strlist *commands)
{
    assert_int_equal(jobs->type, YAML_MAPPING_NODE);
    assert_true(ydoc_len(jobs) >= 1);
    for (size_t j = 0; j < ydoc_len(jobs); j++) {
        const char *name = ydoc_scalar(ydoc_map_key(y->doc, jobs, j));
        yaml_node_t *job = ydoc_map_value(y->doc, jobs, j);
        assert_non_null(ydoc_scalar(S_need(y, job, "runs-on", name)));
        yaml_node_t *steps = S_need(y, job, "steps", name);
        assert_int_equal(steps->type, YAML_SEQUENCE_NODE);
        assert_true(ydoc_len(steps) >= 1);
        for (size_t i = 0; i < ydoc_len(steps); i++) {
            yaml_node_t *step = ydoc_seq_item(y->doc, steps, i);
            assert_int_equal(step->type, YAML_MAPPING_NODE);
            const char *run = S_text(y, step, "run"), *uses = S_text(y, step, "uses");
            if (!*run == !*uses)
                fail_msg("a step of job '%s' must have either 'run' or 'uses'", name);
            S_suture_lines(run, commands);
        }
    }
}

/*
 * In job: the upload-sarif step, pinned to a major version, with a category, reads the
 * file that the step it names by id wrote with suture check --format sarif, and runs when
 * that step has failed. Returns whether the job has such a step.
 */
static bool S_github_sarif_upload(S_yaml *y, yaml_node_t *job)
{
    yaml_node_t *steps = S_need(y, job, "steps", "a job");
    for (size_t i = 0; i < ydoc_len(steps); i++) {
        yaml_node_t *step = ydoc_seq_item(y->doc, steps, i);
        const char *uses = S_text(y, step, "uses");
        const char *prefix = "github/codeql-action/upload-sarif@v";
        if (strncmp(uses, prefix, strlen(prefix)) != 0)
            continue;
        const char *major = uses + strlen(prefix);
        assert_true(*major && strspn(major, "0123456789") == strlen(major));
        yaml_node_t *with = S_need(y, step, "with", "the upload-sarif step");
        assert_true(*S_text(y, with, "category"));
        const char *file = S_text(y, with, "sarif_file");
        /* It runs even when the check failed: not under the default success(). */
        const char *cond = S_text(y, step, "if");
        assert_true(strstr(cond, "always()") || strstr(cond, "!cancelled()"));
        const char *ref = strstr(cond, "steps.");
        assert_non_null(ref);
        char *id = xstrndup(ref + 6, strcspn(ref + 6, "."));
        yaml_node_t *check = S_step_by_id(y, steps, id);
        if (!check)
            fail_msg("the upload-sarif step names step '%s', which the job does not have", id);
        char *writes = xasprintf("suture check --format sarif > %s", file);
        if (!strstr(S_text(y, check, "run"), writes))
            fail_msg("the upload-sarif step reads %s, but step '%s' does not run '%s'", file,
                     id, writes);
        /* The job still fails with the check: its failure is not turned into success. */
        assert_string_not_equal(S_text(y, check, "continue-on-error"), "true");
        free(writes);
        free(id);
        return true;
    }
    return false;
}

/* permissions: security-events: write, on job or on the whole workflow. */
static void S_github_can_upload(S_yaml *y, yaml_node_t *job)
{
    yaml_node_t *perms = ydoc_map_get(y->doc, job, "permissions");
    if (!perms)
        perms = S_need(y, y->root, "permissions", "docs/ci/github-actions.yml");
    assert_string_equal(S_text(y, perms, "security-events"), "write");
}

/* A job that runs suture build --release runs on a push to main only. */
static void S_github_release_on_main(S_yaml *y, yaml_node_t *jobs)
{
    bool found = false;
    for (size_t j = 0; j < ydoc_len(jobs); j++) {
        yaml_node_t *job = ydoc_map_value(y->doc, jobs, j);
        strlist lines = STRLIST_INIT;
        yaml_node_t *steps = S_need(y, job, "steps", "a job");
        for (size_t i = 0; i < ydoc_len(steps); i++)
            S_suture_lines(S_text(y, ydoc_seq_item(y->doc, steps, i), "run"), &lines);
        for (size_t i = 0; i < lines.len; i++)
            if (strstr(lines.items[i], "--release")) {
                assert_non_null(strstr(S_text(y, job, "if"), "refs/heads/main"));
                assert_non_null(ydoc_map_get(y->doc, job, "needs"));
                found = true;
            }
        strlist_free(&lines);
    }
    assert_true(found);
}

static void test_github_actions(void **state)
{
    (void)state;
    S_yaml y = S_load("docs/ci/github-actions.yml");
    S_need(&y, y.root, "on", "docs/ci/github-actions.yml");
    yaml_node_t *jobs = S_need(&y, y.root, "jobs", "docs/ci/github-actions.yml");
    strlist commands = STRLIST_INIT;
    S_github_jobs(&y, jobs, &commands);
    bool uploads = false;
    for (size_t j = 0; j < ydoc_len(jobs); j++) {
        yaml_node_t *job = ydoc_map_value(y.doc, jobs, j);
        if (S_github_sarif_upload(&y, job)) {
            S_github_can_upload(&y, job);
            uploads = true;
        }
    }
    assert_true(uploads);
    S_github_release_on_main(&y, jobs);
    assert_true(commands.len >= 2);
    S_expect_in_readme(&commands);
    S_expect_runs(&commands);
    strlist_free(&commands);
    S_unload(&y);
}

/* ---- GitLab CI ---- */

/* Whether a top-level key of .gitlab-ci.yml is a keyword, not a job. */
static bool S_gitlab_keyword(const char *key)
{
    static const char *const words[] = {"stages", "variables", "default", "workflow",
                                        "include", "image", "services", "cache",
                                        "before_script", "after_script"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(key, words[i]))
            return true;
    return false;
}

/* A script keyword of job, when there: a list of lines, whose suture lines go to
 * commands. Returns whether it was there. */
static bool S_gitlab_script(S_yaml *y, yaml_node_t *job, const char *key, strlist *commands)
{
    yaml_node_t *script = ydoc_map_get(y->doc, job, key);
    if (!script)
        return false;
    if (script->type != YAML_SEQUENCE_NODE)
        fail_msg("'%s' must be a list of command lines", key);
    for (size_t i = 0; i < ydoc_len(script); i++) {
        const char *line = ydoc_scalar(ydoc_seq_item(y->doc, script, i));
        assert_non_null(line);
        S_suture_lines(line, commands);
    }
    return true;
}

/* Whether list (a sequence of scalars) has item. */
static bool S_has_item(S_yaml *y, yaml_node_t *list, const char *item)
{
    for (size_t i = 0; list && i < ydoc_len(list); i++)
        if (!strcmp(S_or_empty(ydoc_scalar(ydoc_seq_item(y->doc, list, i))), item))
            return true;
    return false;
}

/* One job (name, the mapping job): a stage of stages, a script; the template it extends
 * exists; a job that builds for release runs on the default branch only and keeps site/. */
static void S_gitlab_job(S_yaml *y, const char *name, yaml_node_t *job, yaml_node_t *stages,
                         strlist *commands)
{
    const char *stage = S_text(y, job, "stage");
    if (!S_has_item(y, stages, stage))
        fail_msg("job '%s' has stage '%s', which is not one of stages:", name, stage);
    size_t before = commands->len;
    if (!S_gitlab_script(y, job, "script", commands))
        fail_msg("job '%s' has no script", name);
    S_gitlab_script(y, job, "after_script", commands);
    const char *extends = S_text(y, job, "extends");
    if (*extends)
        assert_non_null(ydoc_map_get(y->doc, y->root, extends));
    for (size_t i = before; i < commands->len; i++)
        if (strstr(commands->items[i], "--release")) {
            yaml_node_t *rules = S_need(y, job, "rules", name);
            yaml_node_t *rule = ydoc_seq_item(y->doc, rules, 0);
            assert_non_null(strstr(S_text(y, rule, "if"), "$CI_DEFAULT_BRANCH"));
            yaml_node_t *artifacts = S_need(y, job, "artifacts", name);
            assert_true(S_has_item(y, S_need(y, artifacts, "paths", name), "site/"));
        }
    const char *json = "suture check --format json > ";
    for (size_t i = before; i < commands->len; i++)
        if (!strncmp(commands->items[i], json, strlen(json))) {
            yaml_node_t *artifacts = S_need(y, job, "artifacts", name);
            assert_string_equal(S_text(y, artifacts, "when"), "always");
            const char *file = commands->items[i] + strlen(json);
            assert_true(S_has_item(y, S_need(y, artifacts, "paths", name), file));
        }
}

static void test_gitlab_ci(void **state)
{
    (void)state;
    S_yaml y = S_load("docs/ci/gitlab-ci.yml");
    yaml_node_t *stages = S_need(&y, y.root, "stages", "docs/ci/gitlab-ci.yml");
    assert_int_equal(stages->type, YAML_SEQUENCE_NODE);
    assert_true(ydoc_len(stages) >= 1);
    strlist commands = STRLIST_INIT;
    size_t jobs = 0;
    for (size_t j = 0; j < ydoc_len(y.root); j++) {
        const char *name = ydoc_scalar(ydoc_map_key(y.doc, y.root, j));
        yaml_node_t *job = ydoc_map_value(y.doc, y.root, j);
        if (S_gitlab_keyword(name))
            continue;
        assert_int_equal(job->type, YAML_MAPPING_NODE);
        if (name[0] == '.') { /* a template that jobs extend */
            S_gitlab_script(&y, job, "before_script", &commands);
            continue;
        }
        S_gitlab_job(&y, name, job, stages, &commands);
        jobs++;
    }
    assert_true(jobs >= 2);
    assert_true(commands.len >= 2);
    S_expect_in_readme(&commands);
    S_expect_runs(&commands);
    strlist_free(&commands);
    S_unload(&y);
}

int main(void)
{
    const char *root = getenv("SUTURE_ROOT");
    S_root = root && *root ? xstrdup(root) : getcwd(NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_misspelling_is_caught),
        cmocka_unit_test(test_github_actions),
        cmocka_unit_test(test_gitlab_ci),
    };
    int rc = cmocka_run_group_tests_name("end-to-end example CI files", tests, NULL, NULL);
    free(S_root);
    return rc;
}
