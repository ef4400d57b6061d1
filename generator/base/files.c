/* files.c: the file-system helpers (see files.h). */
#define _GNU_SOURCE
#include "base/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/str.h"

/* Refuse what st describes unless it is a regular file: EISDIR for a folder, else EINVAL. */
static int S_must_be_regular(const struct stat *st)
{
    if (S_ISREG(st->st_mode))
        return 0;
    errno = S_ISDIR(st->st_mode) ? EISDIR : EINVAL;
    return -1;
}

/*
 * Open path for reading if it is a regular file, filling *st. Checked before the open, so
 * that a named pipe or a device is never opened, and again after it, on what was opened (it
 * may have been replaced in between; O_NONBLOCK keeps that open from blocking on a pipe).
 * Returns the descriptor, or -1 with errno set.
 */
static int S_open_regular(const char *path, struct stat *st)
{
    if (stat(path, st) < 0 || S_must_be_regular(st) < 0)
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return -1;
    if (fstat(fd, st) < 0 || S_must_be_regular(st) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    /* Reads of a regular file never block, so the flag may stay for read(2); stdio's
     * streams drop it (file_open_regular). */
    return fd;
}

char *file_read(const char *path, size_t *len)
{
    struct stat st;
    int fd = S_open_regular(path, &st);
    if (fd < 0)
        return NULL;
    if ((uint64_t)st.st_size >= FILE_MAX_BYTES) {
        close(fd);
        errno = EFBIG;
        return NULL;
    }
    /* Read straight into a buffer of the size fstat gave, with room for the NUL and to see
     * the end; it grows only when the file has grown since (a file being written). A size
     * of 0 may be a file of /proc, whose size is not known before it is read and which may
     * have to be read in one go (a sysctl reads nothing from an offset past 0): 64 KiB. */
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 65536, used = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (used == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t n = read(fd, buf + used, cap - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            free(buf);
            errno = e;
            return NULL;
        }
        if (n == 0)
            break;
        used += (size_t)n;
        if (used >= FILE_MAX_BYTES) {
            close(fd);
            free(buf);
            errno = EFBIG;
            return NULL;
        }
    }
    close(fd);
    buf[used] = '\0';
    if (len)
        *len = used;
    return buf;
}

FILE *file_open_regular(const char *path)
{
    struct stat st;
    int fd = S_open_regular(path, &st);
    if (fd < 0)
        return NULL;
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "r");
    if (!f) {
        int e = errno;
        close(fd);
        errno = e;
    }
    return f;
}

int file_write(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        done += (size_t)n;
    }
    if (close(fd) < 0)
        return -1;
    return 0;
}

int file_copy(const char *from, const char *to)
{
    size_t len;
    char *data = file_read(from, &len);
    if (!data)
        return -1;
    int rc = file_write(to, data, len);
    int e = errno;
    free(data);
    errno = e;
    return rc;
}

bool path_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool path_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool path_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static const char S_link_to_nothing[] = "a symbolic link to nothing";

const char *path_kind(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return NULL;
    if (S_ISLNK(st.st_mode) && stat(path, &st) < 0)
        return S_link_to_nothing;
    if (S_ISDIR(st.st_mode))
        return "a folder";
    if (S_ISREG(st.st_mode))
        return "a file";
    if (S_ISFIFO(st.st_mode))
        return "a named pipe (FIFO)";
    if (S_ISSOCK(st.st_mode))
        return "a socket";
    if (S_ISCHR(st.st_mode))
        return "a character device";
    if (S_ISBLK(st.st_mode))
        return "a block device";
    return "neither a file nor a folder";
}

/* The target of the symbolic link path, as written in it (the caller frees it). */
static char *S_link_target(const char *path)
{
    char target[PATH_MAX];
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0)
        return xstrdup("?");
    return xstrndup(target, (size_t)n);
}

char *file_problem(const char *path, int err, const char *what)
{
    const char *kind = path_kind(path);
    if (kind == S_link_to_nothing) {
        char *target = S_link_target(path);
        char *m = xasprintf("this is a symbolic link to '%s', which does not exist; suture "
                            "reads only regular files: remove the link or replace it with %s",
                            target, what);
        free(target);
        return m;
    }
    if (kind && strcmp(kind, "a file") != 0)
        return xasprintf("this is %s, not a file; suture reads only regular files: remove it "
                         "or replace it with %s",
                         kind, what);
    if (err == EFBIG)
        return xasprintf("this file is %u MiB or larger; suture reads only files under %u MiB: "
                         "make it smaller",
                         FILE_MAX_BYTES >> 20, FILE_MAX_BYTES >> 20);
    return xasprintf("cannot read %s: %s", what, strerror(err));
}

char *dir_problem(const char *path, int err, const char *what)
{
    const char *kind = path_kind(path);
    if (!kind)
        return xasprintf("the folder does not exist; create it and put %s in it", what);
    if (kind == S_link_to_nothing) {
        char *target = S_link_target(path);
        char *m = xasprintf("this is a symbolic link to '%s', which does not exist; suture "
                            "reads %s from a folder of this name: point the link at that "
                            "folder or replace the link with it",
                            target, what);
        free(target);
        return m;
    }
    if (strcmp(kind, "a folder") != 0)
        return xasprintf("this is %s, not a folder; suture reads %s from a folder of this "
                         "name: replace it with that folder",
                         kind, what);
    return xasprintf("cannot read %s: %s", what, strerror(err));
}

char *path_join(const char *a, const char *b)
{
    size_t la = strlen(a);
    while (la > 1 && a[la - 1] == '/')
        la--;
    while (*b == '/')
        b++;
    if (la == 0)
        return xstrdup(b);
    if (a[la - 1] == '/')
        return xasprintf("%.*s%s", (int)la, a, b);
    return xasprintf("%.*s/%s", (int)la, a, b);
}

const char *path_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int mkdir_p(const char *path)
{
    /* Usually only the last folder is missing: one system call. */
    if (mkdir(path, 0777) == 0)
        return 0;
    if (errno == EEXIST) {
        if (path_is_dir(path))
            return 0;
        errno = ENOTDIR;
        return -1;
    }
    if (errno != ENOENT)
        return -1;
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) < 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            errno = e;
            return -1;
        }
        *s = '/';
    }
    int rc = 0;
    if (mkdir(p, 0777) < 0) {
        if (errno != EEXIST)
            rc = -1;
        else if (!path_is_dir(p)) {
            errno = ENOTDIR;
            rc = -1;
        }
    }
    int e = errno;
    free(p);
    errno = e;
    return rc;
}

/* The tree under path, walked with fts(3) without following links or changing folder;
 * NULL with errno when path cannot be opened. */
static FTS *S_walk(const char *path)
{
    char *argv[] = {(char *)path, NULL};
    return fts_open(argv, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
}

/* End a walk: 0, or -1 with errno (saved) when the walk or fts_close failed. */
static int S_walk_end(FTS *fts, int rc)
{
    int e = errno;
    if (fts_close(fts) < 0 && rc == 0)
        return -1;
    errno = e;
    return rc;
}

int remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return errno == ENOENT ? 0 : -1;
    FTS *fts = S_walk(path);
    if (!fts)
        return -1;
    int rc = 0;
    FTSENT *e;
    errno = 0;
    while (rc == 0 && (e = fts_read(fts)) != NULL) {
        switch (e->fts_info) {
        case FTS_D: /* emptied first, removed when met again after its contents */
            break;
        case FTS_DP:
            rc = rmdir(e->fts_accpath);
            break;
        case FTS_DNR:
        case FTS_ERR:
        case FTS_NS:
            errno = e->fts_errno;
            rc = -1;
            break;
        default: /* files, links, pipes, sockets, devices */
            rc = unlink(e->fts_accpath);
            break;
        }
        if (rc == 0)
            errno = 0;
    }
    if (rc == 0 && errno != 0)
        rc = -1; /* fts_read failed */
    return S_walk_end(fts, rc);
}

bool path_link_outside(const char *path, const char *root)
{
    struct stat st;
    if (lstat(path, &st) < 0 || !S_ISLNK(st.st_mode))
        return false;
    char real_root[PATH_MAX], target[PATH_MAX];
    if (!realpath(root, real_root) || !realpath(path, target))
        return true;
    size_t n = strlen(real_root);
    if (n == 1) /* root is "/" */
        return false;
    return strncmp(target, real_root, n) != 0 || (target[n] != '/' && target[n] != '\0');
}

/* A symbolic link met by copy_tree: copied as its file, skipped without links_root, or
 * refused (errno set). */
static int S_copy_link(const char *path, const char *dest, const char *links_root)
{
    if (!links_root)
        return 0;
    if (path_link_outside(path, links_root)) {
        errno = EXDEV;
        return -1;
    }
    if (!path_is_file(path)) {
        errno = ELOOP;
        return -1;
    }
    return file_copy(path, dest);
}

/* Copy one entry of copy_tree's walk to dest: 0, or -1 with errno. */
static int S_copy_entry(FTS *fts, FTSENT *e, const char *dest, const char *links_root)
{
    if (e->fts_level > 0 && e->fts_name[0] == '.') {
        if (e->fts_info == FTS_D)
            fts_set(fts, e, FTS_SKIP);
        return 0;
    }
    switch (e->fts_info) {
    case FTS_D:
        return mkdir_p(dest);
    case FTS_DP:
        return 0;
    case FTS_F:
        return file_copy(e->fts_accpath, dest);
    case FTS_SL:
    case FTS_SLNONE:
        return S_copy_link(e->fts_accpath, dest, links_root);
    case FTS_DNR:
    case FTS_NS:
    case FTS_ERR:
    case FTS_DC:
        errno = e->fts_errno ? e->fts_errno : EACCES;
        return -1;
    default:
        /* A named pipe, a socket, a device: never opened (a pipe would block the copy). */
        errno = EINVAL;
        return -1;
    }
}

int copy_tree(const char *from, const char *to, const char *links_root,
              const char **failed_path)
{
    /* The path that failed, for the caller to name: one per thread. */
    static _Thread_local char failed[PATH_MAX];
    failed[0] = '\0';
    FTS *fts = S_walk(from);
    if (!fts) {
        if (failed_path)
            *failed_path = from;
        return -1;
    }
    size_t from_len = strlen(from);
    int rc = 0;
    FTSENT *e;
    errno = 0;
    while (rc == 0 && (e = fts_read(fts)) != NULL) {
        char *dest = path_join(to, e->fts_path + from_len);
        rc = S_copy_entry(fts, e, dest, links_root);
        free(dest);
        if (rc < 0)
            snprintf(failed, sizeof failed, "%s", e->fts_path);
        else
            errno = 0;
    }
    if (rc == 0 && errno != 0)
        rc = -1; /* fts_read failed */
    rc = S_walk_end(fts, rc);
    if (rc != 0) {
        if (failed_path)
            *failed_path = failed[0] ? failed : from;
        if (errno == 0)
            errno = EIO;
    }
    return rc;
}

static int S_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int dir_list(const char *dir, const char *suffix, strlist *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (suffix && !str_ends_with(e->d_name, suffix))
            continue;
        strlist_push(out, e->d_name);
    }
    closedir(d);
    if (out->len)
        qsort(out->items, out->len, sizeof *out->items, S_cmp_str);
    return 0;
}
