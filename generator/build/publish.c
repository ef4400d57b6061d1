/* publish.c: staging and swapping the output folder (see publish.h). */
#define _GNU_SOURCE
#include "build/publish.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

/* True when path is dir or lies inside it (both already resolved). */
static bool S_within(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (strncmp(path, dir, n) != 0)
        return false;
    return path[n] == '\0' || path[n] == '/' || (n == 1 && dir[0] == '/');
}

/* A file found in the kept previous site, and whether this build produced it. */
typedef struct {
    char *rel;
    atomic_bool produced;
} S_kept_file;

struct publish_stage {
    char *out_dir;   /* without trailing slashes */
    char *path;      /* the staging folder */
    char *previous;  /* "<out_dir>.previous" */
    bool recycled;
    mode_t dir_mode;   /* 0777 less the umask: what every folder of the site gets */
    mode_t file_mode;  /* 0666 less the umask: what every file of the site has */
    S_kept_file *kept; /* sorted by rel */
    size_t n_kept;
};

/* The path of the output folder without trailing slashes (the caller frees it). */
static char *S_trimmed(const char *out_dir)
{
    char *copy = xstrdup(out_dir);
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = '\0';
    return copy;
}

/* nftw has no user pointer: the walk's state lives here, used by one thread at a time. */
static struct {
    size_t root_len;
    mode_t dir_mode, file_mode;
    S_kept_file *files;
    size_t len, cap;
} S_walk;

static int S_walk_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)ftw;
    if (flag == FTW_D || flag == FTW_DP) {
        /* A site built under another umask: its folders are opened as this one allows. */
        if ((st->st_mode & 07777) != S_walk.dir_mode && chmod(path, S_walk.dir_mode) < 0)
            return -1;
        return 0;
    }
    /* A file of another mode is not kept: it may be the published site's own, which is not
     * changed, so the page is written anew with this umask's mode. */
    if (flag == FTW_F && S_ISREG(st->st_mode) && (st->st_mode & 07777) != S_walk.file_mode)
        return unlink(path) < 0 && errno != ENOENT ? -1 : 0;
    if (flag == FTW_F && S_ISREG(st->st_mode)) {
        if (S_walk.len == S_walk.cap) {
            S_walk.cap = S_walk.cap ? 2 * S_walk.cap : 256;
            S_walk.files = xreallocarray(S_walk.files, S_walk.cap, sizeof *S_walk.files);
        }
        S_kept_file *k = &S_walk.files[S_walk.len++];
        k->rel = xstrdup(path + S_walk.root_len + 1);
        atomic_init(&k->produced, false);
        return 0;
    }
    /* A symbolic link, a device, an unreadable folder: not ours; never follow it. */
    if (flag == FTW_DNR)
        return remove_tree(path) < 0 ? -1 : 0;
    return unlink(path) < 0 && errno != ENOENT ? -1 : 0;
}

static int S_by_rel(const void *a, const void *b)
{
    return strcmp(((const S_kept_file *)a)->rel, ((const S_kept_file *)b)->rel);
}

/*
 * List the plain files of the recycled staging folder; remove its assets/ and media/ (every
 * build copies them afresh) and anything else. Returns -1 when the folder cannot be walked.
 */
static int S_take_inventory(publish_stage *s)
{
    const char *const copied[] = {"assets", "media"};
    for (size_t i = 0; i < sizeof copied / sizeof *copied; i++) {
        char *sub = path_join(s->path, copied[i]);
        int rc = remove_tree(sub);
        free(sub);
        if (rc < 0)
            return -1;
    }
    S_walk.root_len = strlen(s->path);
    S_walk.dir_mode = s->dir_mode;
    S_walk.file_mode = s->file_mode;
    S_walk.files = NULL;
    S_walk.len = S_walk.cap = 0;
    int rc = nftw(s->path, S_walk_entry, 32, FTW_PHYS);
    s->kept = S_walk.files;
    s->n_kept = S_walk.len;
    S_walk.files = NULL;
    if (rc != 0)
        return -1;
    if (s->n_kept)
        qsort(s->kept, s->n_kept, sizeof *s->kept, S_by_rel);
    return 0;
}

static void S_free_stage(publish_stage *s)
{
    for (size_t i = 0; i < s->n_kept; i++)
        free(s->kept[i].rel);
    free(s->kept);
    free(s->out_dir);
    free(s->path);
    free(s->previous);
    free(s);
}

void publish_remove_abandoned(const char *out_dir)
{
    char *dir = xstrdup(out_dir);
    char *slash = strrchr(dir, '/');
    const char *base = slash ? slash + 1 : dir;
    char *parent = slash ? (slash == dir ? xstrdup("/") : xstrndup(dir, (size_t)(slash - dir)))
                         : xstrdup(".");
    char *prefix = xasprintf("%s.tmp-", base);
    strlist names = STRLIST_INIT;
    if (dir_list(parent, NULL, &names) == 0) {
        for (size_t i = 0; i < names.len; i++) {
            const char *name = names.items[i];
            if (strncmp(name, prefix, strlen(prefix)) != 0)
                continue;
            char *end;
            errno = 0;
            long pid = strtol(name + strlen(prefix), &end, 10);
            if (errno || end == name + strlen(prefix) || *end != '-' || strlen(end) != 7 ||
                pid <= 0 || pid > INT_MAX)
                continue;
            if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
                continue; /* alive, or not ours to know */
            char *path = path_join(parent, name);
            remove_tree(path);
            free(path);
        }
    }
    strlist_free(&names);
    free(prefix);
    free(parent);
    free(dir);
}

/*
 * Make the staging folder "<out_dir>.tmp-<pid>-XXXXXX" (six random letters and digits) as
 * mkdtemp(3) does, but with mode 0777 less the umask, as mkdir makes folders, not mkdtemp's
 * 0700: the folder becomes the published site, which a web server reading it as another
 * user must be able to open. Returns its path (the caller frees it), or NULL with errno.
 */
static char *S_make_staging(const char *out_dir)
{
    static const char letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t x = (uint64_t)now.tv_nsec ^ ((uint64_t)now.tv_sec << 30) ^
                 ((uint64_t)getpid() << 42) ^ (uint64_t)(uintptr_t)&now;
    for (int attempt = 0; attempt < 1000; attempt++) {
        char suffix[7];
        for (int i = 0; i < 6; i++) {
            x = x * 6364136223846793005u + 1442695040888963407u; /* Knuth's MMIX LCG */
            suffix[i] = letters[(x >> 33) % (sizeof letters - 1)];
        }
        suffix[6] = '\0';
        char *path = xasprintf("%s.tmp-%ld-%s", out_dir, (long)getpid(), suffix);
        if (mkdir(path, 0777) == 0)
            return path;
        int e = errno;
        free(path);
        if (e != EEXIST) {
            errno = e;
            return NULL;
        }
    }
    errno = EEXIST;
    return NULL;
}

/*
 * The protected folder (as given) that out (without trailing slashes) would be inside, or
 * NULL. out need not exist: its parent is resolved, symbolic links and all.
 */
static const char *S_protected_holder(const char *out, const char *const *protected_dirs)
{
    char *parent_path = xstrdup(out);
    char *slash = strrchr(parent_path, '/');
    if (!slash)
        strcpy(parent_path, ".");
    else if (slash == parent_path)
        slash[1] = '\0';
    else
        *slash = '\0';
    char parent[PATH_MAX];
    const char *holder = NULL;
    if (realpath(parent_path, parent)) {
        for (size_t i = 0; protected_dirs && protected_dirs[i] && !holder; i++) {
            char prot[PATH_MAX];
            if (realpath(protected_dirs[i], prot) && S_within(parent, prot))
                holder = protected_dirs[i];
        }
    }
    free(parent_path);
    return holder;
}

publish_stage *publish_begin(const char *out_dir, const char *const *protected_dirs,
                             diag_list *diags)
{
    char resolved[PATH_MAX];
    char *copy = S_trimmed(out_dir);
    const char *base = path_basename(copy);
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
        diag_error(diags, out_dir, 0, 0, NULL,
                   "the output folder must be a folder of its own, like 'site'");
        free(copy);
        return NULL;
    }
    /* Inside a folder suture reads, the site would be read back as content, media or
     * templates (and `suture serve` would rebuild on its own writes, for ever). */
    const char *holder = S_protected_holder(copy, protected_dirs);
    if (holder) {
        diag_error(diags, out_dir, 0, 0, NULL,
                   "the output folder is inside %s, which suture reads; build somewhere "
                   "else, such as 'site' beside it: --out site",
                   holder);
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
    publish_remove_abandoned(copy);
    char *staging = S_make_staging(copy);
    struct stat st;
    if (!staging || stat(staging, &st) < 0) {
        diag_error(diags, out_dir, 0, 0, NULL, "cannot create the output folder beside '%s': %s",
                   out_dir, strerror(errno));
        if (staging)
            rmdir(staging);
        free(staging);
        free(copy);
        return NULL;
    }
    publish_stage *s = xcalloc(1, sizeof *s);
    s->out_dir = copy;
    s->path = staging;
    s->previous = xasprintf("%s%s", copy, PUBLISH_PREVIOUS_SUFFIX);
    /* The new folder's mode is what the umask allows; files get the same less execute. */
    s->dir_mode = st.st_mode & 0777;
    s->file_mode = s->dir_mode & 0666;
    /* The kept previous site replaces the empty folder (rename may replace an empty one). */
    if (lstat(s->previous, &st) == 0 && S_ISDIR(st.st_mode) && rename(s->previous, staging) == 0) {
        s->recycled = true;
        if (S_take_inventory(s) < 0) {
            /* Unusable: start from an empty folder after all. */
            for (size_t i = 0; i < s->n_kept; i++)
                free(s->kept[i].rel);
            free(s->kept);
            s->kept = NULL;
            s->n_kept = 0;
            s->recycled = false;
            if (remove_tree(staging) < 0 || mkdir(staging, 0777) < 0 ||
                chmod(staging, s->dir_mode) < 0) {
                diag_error(diags, out_dir, 0, 0, NULL,
                           "cannot create the output folder beside '%s': %s", out_dir,
                           strerror(errno));
                S_free_stage(s);
                return NULL;
            }
        }
    }
    return s;
}

const char *publish_path(const publish_stage *s)
{
    return s->path;
}

bool publish_recycled(const publish_stage *s)
{
    return s->recycled;
}

/* Mark rel as produced by this build, so that the sweep keeps it. */
static void S_mark(publish_stage *s, const char *rel)
{
    if (!s->n_kept)
        return;
    S_kept_file key = {.rel = (char *)rel};
    S_kept_file *hit = bsearch(&key, s->kept, s->n_kept, sizeof *s->kept, S_by_rel);
    if (hit)
        atomic_store(&hit->produced, true);
}

/*
 * The folders of path exist: make them, and where a kept file stands in the way of one,
 * remove it and try again (the file is not part of the new site; the sweep ignores it).
 */
static int S_make_dirs(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    int rc = 0;
    if (slash) {
        *slash = '\0';
        rc = mkdir_p(dir);
        if (rc < 0 && errno == ENOTDIR) {
            for (char *p = dir + 1; *p; p++) {
                if (*p != '/')
                    continue;
                *p = '\0';
                struct stat st;
                if (lstat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
                    unlink(dir);
                *p = '/';
            }
            struct stat st;
            if (lstat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
                unlink(dir);
            rc = mkdir_p(dir);
        }
    }
    int e = errno;
    free(dir);
    errno = e;
    return rc;
}

char *publish_prepare(publish_stage *s, const char *rel)
{
    char *path = path_join(s->path, rel);
    if (S_make_dirs(path) < 0) {
        int e = errno;
        free(path);
        errno = e;
        return NULL;
    }
    if (s->recycled) {
        /* Never write into the kept file: it may be the published site's own. */
        if (unlink(path) < 0 && errno == EISDIR)
            remove_tree(path);
        S_mark(s, rel);
    }
    return path;
}

int publish_link(publish_stage *s, const char *from_dir, const char *rel)
{
    char *from = path_join(from_dir, rel);
    struct stat from_st;
    int rc = -1;
    if (stat(from, &from_st) < 0 || !S_ISREG(from_st.st_mode)) {
        if (errno == 0 || S_ISDIR(from_st.st_mode))
            errno = EISDIR;
        free(from);
        return -1;
    }
    /* Written under another umask: the caller makes it anew, with this one's mode. */
    if ((from_st.st_mode & 07777) != s->file_mode) {
        free(from);
        errno = EPERM;
        return -1;
    }
    if (s->recycled) {
        char *to = path_join(s->path, rel);
        struct stat to_st;
        bool same = lstat(to, &to_st) == 0 && to_st.st_dev == from_st.st_dev &&
                    to_st.st_ino == from_st.st_ino;
        free(to);
        if (same) {
            S_mark(s, rel);
            free(from);
            return 0;
        }
    }
    char *to = publish_prepare(s, rel);
    if (to)
        rc = link(from, to) == 0 || file_copy(from, to) == 0 ? 0 : -1;
    int e = errno;
    free(to);
    free(from);
    errno = e;
    return rc;
}

/* Remove the kept files the build did not produce, then the folders that leaves empty. */
static void S_sweep(publish_stage *s)
{
    for (size_t i = 0; i < s->n_kept; i++) {
        if (atomic_load(&s->kept[i].produced))
            continue;
        char *path = path_join(s->path, s->kept[i].rel);
        unlink(path);
        /* Folders up to the staging folder, while they are empty. */
        size_t root = strlen(s->path);
        for (char *slash = strrchr(path, '/'); slash && (size_t)(slash - path) > root;
             slash = strrchr(path, '/')) {
            *slash = '\0';
            if (rmdir(path) < 0)
                break;
        }
        free(path);
    }
}

int publish_commit(publish_stage *s, diag_list *diags)
{
    const char *staging = s->path, *out_dir = s->out_dir;
    S_sweep(s);
    if (rename(staging, out_dir) == 0) {
        S_free_stage(s);
        return 0;
    }
    /* rename(2) says ENOTDIR when out_dir is a file, EEXIST or ENOTEMPTY when it is
     * there (a folder to swap with, or something else). */
    int e = errno;
    bool taken = e == ENOTDIR || e == EEXIST || e == ENOTEMPTY;
    bool not_folder = taken && !path_is_dir(out_dir);
    if (not_folder || (e != EEXIST && e != ENOTEMPTY)) {
        if (not_folder)
            diag_error(diags, out_dir, 0, 0, NULL,
                       "'%s' exists and is not a folder; remove it or choose another --out",
                       out_dir);
        else
            diag_error(diags, out_dir, 0, 0, NULL, "cannot put the new site in place: %s",
                       strerror(e));
        remove_tree(staging);
        S_free_stage(s);
        return -1;
    }
    /* Whatever stands where the old site is to be kept goes first. */
    remove_tree(s->previous);
    if (renameat2(AT_FDCWD, staging, AT_FDCWD, out_dir, RENAME_EXCHANGE) != 0) {
        /* A file system without RENAME_EXCHANGE: move the old site aside, then swap. */
        if (rename(out_dir, s->previous) != 0 || rename(staging, out_dir) != 0) {
            diag_error(diags, out_dir, 0, 0, NULL, "cannot put the new site in place: %s",
                       strerror(errno));
            if (!path_is_dir(out_dir) && path_is_dir(s->previous))
                rename(s->previous, out_dir);
            remove_tree(staging);
            S_free_stage(s);
            return -1;
        }
        S_free_stage(s);
        return 0;
    }
    /* staging now holds the previous site: keep it for the next build. */
    if (rename(staging, s->previous) != 0)
        remove_tree(staging);
    S_free_stage(s);
    return 0;
}

void publish_abort(publish_stage *s)
{
    if (!s)
        return;
    if (!s->recycled || rename(s->path, s->previous) != 0)
        remove_tree(s->path);
    S_free_stage(s);
}
