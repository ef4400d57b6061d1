/* publish.c: staging and swapping the output folder (see publish.h). */
#define _GNU_SOURCE
#include "publish.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* True when path is dir or lies inside it (both already resolved). */
static bool S_within(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (strncmp(path, dir, n) != 0)
        return false;
    return path[n] == '\0' || path[n] == '/' || (n == 1 && dir[0] == '/');
}

char *publish_begin(const char *out_dir, const char *const *protected_dirs, diag_list *diags)
{
    char resolved[PATH_MAX];
    char *copy = xstrdup(out_dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    const char *base = path_basename(copy);
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
        diag_error(diags, out_dir, 0, 0, NULL,
                   "the output folder must be a folder of its own, like 'site'");
        free(copy);
        return NULL;
    }
    if (realpath(copy, resolved)) {
        char cwd[PATH_MAX];
        bool bad = getcwd(cwd, sizeof cwd) && S_within(cwd, resolved);
        for (size_t i = 0; protected_dirs && protected_dirs[i] && !bad; i++) {
            char prot[PATH_MAX];
            if (realpath(protected_dirs[i], prot) && S_within(prot, resolved))
                bad = true;
        }
        if (bad) {
            diag_error(diags, out_dir, 0, 0, NULL,
                       "refusing to replace '%s': it holds the sources or the current folder; "
                       "choose another --out", out_dir);
            free(copy);
            return NULL;
        }
    }
    char *staging = xasprintf("%s.tmp-XXXXXX", copy);
    free(copy);
    if (!mkdtemp(staging)) {
        diag_error(diags, out_dir, 0, 0, NULL, "cannot create the output folder beside '%s': %s",
                   out_dir, strerror(errno));
        free(staging);
        return NULL;
    }
    return staging;
}

int publish_commit(const char *staging, const char *out_dir, diag_list *diags)
{
    if (rename(staging, out_dir) == 0)
        return 0;
    if (errno == ENOTDIR && !path_is_dir(out_dir)) {
        diag_error(diags, out_dir, 0, 0, NULL,
                   "'%s' exists and is not a folder; remove it or choose another --out",
                   out_dir);
        publish_abort(staging);
        return -1;
    }
    if (errno != EEXIST && errno != ENOTEMPTY) {
        diag_error(diags, out_dir, 0, 0, NULL, "cannot put the new site in place: %s",
                   strerror(errno));
        publish_abort(staging);
        return -1;
    }
    if (!path_is_dir(out_dir)) {
        diag_error(diags, out_dir, 0, 0, NULL,
                   "'%s' exists and is not a folder; remove it or choose another --out",
                   out_dir);
        publish_abort(staging);
        return -1;
    }
    if (renameat2(AT_FDCWD, staging, AT_FDCWD, out_dir, RENAME_EXCHANGE) != 0) {
        /* A file system without RENAME_EXCHANGE: move the old site aside, then swap. */
        char *old = xasprintf("%s.old-%ld", out_dir, (long)getpid());
        if (rename(out_dir, old) != 0 || rename(staging, out_dir) != 0) {
            diag_error(diags, out_dir, 0, 0, NULL, "cannot put the new site in place: %s",
                       strerror(errno));
            if (!path_is_dir(out_dir) && path_is_dir(old))
                rename(old, out_dir);
            publish_abort(staging);
            free(old);
            return -1;
        }
        remove_tree(old);
        free(old);
        return 0;
    }
    /* staging now holds the previous site. */
    remove_tree(staging);
    return 0;
}

void publish_abort(const char *staging)
{
    if (staging)
        remove_tree(staging);
}
