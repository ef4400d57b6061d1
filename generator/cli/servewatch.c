/* servewatch.c: the preview's watches on content/ and templates/ (see servewatch.h). */
#define _GNU_SOURCE
#include "cli/servewatch.h"

#include <errno.h>
#include <fts.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/files.h"
#include "base/str.h"

#define S_MAX_ROOTS 4

/* One tree and the folder that holds it. */
typedef struct {
    char *path;   /* as given: "content" */
    char *parent; /* the folder that holds it: "." */
    char *name;   /* its last component: "content" */
    int parent_wd;
    bool watched; /* the whole tree has watches */
} S_root;

struct serve_watch {
    int fd;
    size_t n_roots;
    S_root roots[S_MAX_ROOTS];
    int *tree_wds; /* the watch of every folder of every tree */
    size_t n_tree_wds, cap_tree_wds;
};

/* What a change inside a tree must report; the same for every folder of it. */
static const uint32_t S_tree_mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                    IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB |
                                    IN_ONLYDIR;
/* What the folder holding a tree must report: the tree's name coming and going. */
static const uint32_t S_parent_mask = IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE |
                                      IN_ONLYDIR;

/* True when a change to this file name cannot change the site: an editor's scratch file. */
static bool S_is_scratch(const char *name)
{
    return name[0] == '.' || str_ends_with(name, "~") || str_ends_with(name, ".swp") ||
           str_ends_with(name, ".swx") || strcmp(name, "4913") == 0;
}

serve_watch_action serve_watch_classify(uint32_t mask, const char *name, bool on_parent,
                                        const char *root_name)
{
    if (mask & IN_Q_OVERFLOW)
        return SERVE_WATCH_OVERFLOW;
    if (on_parent)
        return name && root_name && strcmp(name, root_name) == 0 ? SERVE_WATCH_REWATCH
                                                                  : SERVE_WATCH_IGNORE;
    if (mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT))
        return SERVE_WATCH_REWATCH;
    bool named = name && *name;
    if ((mask & IN_ISDIR) && (mask & (IN_CREATE | IN_MOVED_TO)))
        return named && name[0] == '.' ? SERVE_WATCH_IGNORE : SERVE_WATCH_REWATCH;
    if (mask & IN_ISDIR)
        return named && name[0] == '.' ? SERVE_WATCH_IGNORE : SERVE_WATCH_BUILD;
    if (named && S_is_scratch(name))
        return SERVE_WATCH_IGNORE;
    return SERVE_WATCH_BUILD;
}

/* Watch folder path (one of a tree's): false when inotify refuses it. */
static bool S_watch_folder(serve_watch *w, const char *path)
{
    /* IN_MASK_ADD: a folder may also be the parent of another tree (templates/ inside
     * content/), and its watch must report both. */
    int wd = inotify_add_watch(w->fd, path, S_tree_mask | IN_MASK_ADD);
    if (wd < 0)
        return false;
    if (w->n_tree_wds == w->cap_tree_wds) {
        w->cap_tree_wds = w->cap_tree_wds ? 2 * w->cap_tree_wds : 16;
        w->tree_wds = xreallocarray(w->tree_wds, w->cap_tree_wds, sizeof *w->tree_wds);
    }
    w->tree_wds[w->n_tree_wds++] = wd;
    return true;
}

/* Watch every folder of the tree at dir; false when it is missing or not wholly watched. */
static bool S_watch_tree(serve_watch *w, const char *dir)
{
    /* A tree given as a symbolic link (content -> content-v2) is watched where it leads;
     * below it, links are not followed, as the build does not follow them into folders. */
    char *real = realpath(dir, NULL);
    if (!real || !path_is_dir(real)) {
        free(real);
        return false;
    }
    char *argv[] = {real, NULL};
    FTS *fts = fts_open(argv, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
    bool ok = fts != NULL;
    FTSENT *e;
    errno = 0;
    while (ok && (e = fts_read(fts)) != NULL) {
        /* Hidden folders (.git, editors' own) are not content. */
        if (e->fts_level > 0 && e->fts_name[0] == '.')
            fts_set(fts, e, FTS_SKIP);
        else if (e->fts_info == FTS_D)
            ok = S_watch_folder(w, e->fts_accpath);
        errno = 0;
    }
    if (ok && errno != 0)
        ok = false; /* fts_read failed */
    if (fts)
        fts_close(fts);
    free(real);
    return ok;
}

/* A new inotify instance watching every root and its parent; the old one is closed. */
static int S_rewatch(serve_watch *w)
{
    int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (fd < 0)
        return -1;
    if (w->fd >= 0)
        close(w->fd);
    w->fd = fd;
    w->n_tree_wds = 0;
    for (size_t i = 0; i < w->n_roots; i++)
        w->roots[i].parent_wd = inotify_add_watch(fd, w->roots[i].parent,
                                                  S_parent_mask | IN_MASK_ADD);
    for (size_t i = 0; i < w->n_roots; i++)
        w->roots[i].watched = S_watch_tree(w, w->roots[i].path);
    return 0;
}

serve_watch *serve_watch_new(const char *const *roots)
{
    serve_watch *w = xcalloc(1, sizeof *w);
    w->fd = -1;
    for (size_t i = 0; roots[i] && i < S_MAX_ROOTS; i++) {
        S_root *r = &w->roots[w->n_roots++];
        r->path = xstrdup(roots[i]);
        /* "content/" and "content" name the same folder; dirname and basename may write. */
        char *trimmed = xstrdup(roots[i]);
        for (size_t n = strlen(trimmed); n > 1 && trimmed[n - 1] == '/'; n--)
            trimmed[n - 1] = '\0';
        char *copy = xstrdup(trimmed);
        r->parent = xstrdup(dirname(copy));
        free(copy);
        r->name = xstrdup(path_basename(trimmed));
        free(trimmed);
        r->parent_wd = -1;
    }
    if (S_rewatch(w) < 0) {
        int e = errno;
        serve_watch_free(w);
        errno = e;
        return NULL;
    }
    return w;
}

int serve_watch_fd(const serve_watch *w)
{
    return w->fd;
}

unsigned serve_watch_missing(const serve_watch *w)
{
    unsigned n = 0;
    for (size_t i = 0; i < w->n_roots; i++)
        n += !w->roots[i].watched;
    return n;
}

/*
 * The action of one event. Its descriptor says which watch it came from: a folder of a
 * tree, the parent of one or more trees, or both (templates/ inside content/).
 */
static serve_watch_action S_event_action(const serve_watch *w, const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW)
        return SERVE_WATCH_OVERFLOW;
    const char *name = ev->len ? ev->name : NULL;
    serve_watch_action action = SERVE_WATCH_IGNORE;
    for (size_t i = 0; i < w->n_tree_wds; i++) {
        if (w->tree_wds[i] == ev->wd) {
            action = serve_watch_classify(ev->mask, name, false, NULL);
            break;
        }
    }
    /* Two trees may share a parent (".") and so a watch descriptor: ask for each. */
    for (size_t i = 0; i < w->n_roots; i++) {
        if (ev->wd != w->roots[i].parent_wd)
            continue;
        serve_watch_action a = serve_watch_classify(ev->mask, name, true, w->roots[i].name);
        /* The parent itself gone (its watch ends): watch anew, the trees with it. */
        if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))
            a = SERVE_WATCH_REWATCH;
        if (a > action)
            action = a;
    }
    return action;
}

serve_watch_action serve_watch_read(serve_watch *w)
{
    serve_watch_action result = SERVE_WATCH_IGNORE;
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            serve_watch_action a = S_event_action(w, ev);
            if (a > result)
                result = a;
            p += sizeof *ev + ev->len;
        }
    }
    /* Watch anew once, after every pending event is read: the old descriptor's events are
     * then of no more use. If inotify cannot be had now, the old watches stay. */
    if (result >= SERVE_WATCH_REWATCH)
        S_rewatch(w);
    return result;
}

void serve_watch_free(serve_watch *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    free(w->tree_wds);
    for (size_t i = 0; i < w->n_roots; i++) {
        free(w->roots[i].path);
        free(w->roots[i].parent);
        free(w->roots[i].name);
    }
    free(w);
}

int serve_watch_wait_ms(uint64_t first_ms, uint64_t last_ms, uint64_t now_ms,
                        unsigned debounce_ms)
{
    uint64_t quiet_at = last_ms + debounce_ms;
    uint64_t latest = first_ms + SERVE_WATCH_MAX_WAIT_MS;
    uint64_t at = quiet_at < latest ? quiet_at : latest;
    return at <= now_ms ? 0 : (int)(at - now_ms);
}
