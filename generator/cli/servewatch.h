/*
 * servewatch.h: what `suture serve` watches for changes (issue 5, issue 14).
 *
 * The preview builds again when a file in content/ or templates/ changes. It watches every
 * folder of both trees with inotify(7), and the folder that holds each of them, so that it
 * notices when a tree itself is removed, moved away or replaced by another folder of the
 * same name (as `git checkout`, a sync tool or an editor's safe-save may do): the watches
 * then follow the folder now at that path, not the one moved away. When the kernel's queue
 * of events overflows (IN_Q_OVERFLOW) some changes are unknown, so everything is watched
 * anew and the site built again.
 *
 * Saves are gathered: a build starts after a quiet time (the debounce), but never later
 * than SERVE_WATCH_MAX_WAIT_MS after the first change it gathers, so that a stream of saves
 * cannot starve the preview.
 */
#ifndef SUTURE_SERVEWATCH_H
#define SUTURE_SERVEWATCH_H

#include <stdbool.h>
#include <stdint.h>

/* The longest a change waits for its build while changes keep coming, in milliseconds. */
#define SERVE_WATCH_MAX_WAIT_MS 500

/* What one inotify event asks of the preview (serve_watch_classify). */
typedef enum {
    SERVE_WATCH_IGNORE = 0,   /* nothing that changes the site (an editor's scratch file) */
    SERVE_WATCH_BUILD = 1,    /* build again */
    SERVE_WATCH_REWATCH = 3,  /* the watched folders changed shape: watch anew, then build */
    SERVE_WATCH_OVERFLOW = 7, /* events were lost (IN_Q_OVERFLOW): watch anew, then build */
} serve_watch_action;

/*
 * What an event asks for. mask is the event's inotify mask; name the file name it carries
 * (NULL or "" when none); on_parent is true when the event came from the watch on the
 * folder that holds a tree, and root_name then is the matching tree's last path component
 * (the event matters only when name equals it).
 *
 * IN_Q_OVERFLOW gives SERVE_WATCH_OVERFLOW. A watched folder removed, moved or unwatched (IN_DELETE_SELF,
 * IN_MOVE_SELF, IN_IGNORED), a new folder in a tree, and a tree's own name created, moved
 * or removed in its parent give SERVE_WATCH_REWATCH. Other changes give SERVE_WATCH_BUILD,
 * except for names an editor uses for scratch files (hidden names, "~" and ".swp"/".swx"
 * endings, vim's "4913"), which give SERVE_WATCH_IGNORE.
 */
serve_watch_action serve_watch_classify(uint32_t mask, const char *name, bool on_parent,
                                        const char *root_name);

typedef struct serve_watch serve_watch;

/*
 * Watch the trees at roots (a NULL-terminated list of folder paths; at most 4; the strings
 * are copied), and each one's parent folder. A root that does not exist now is watched for
 * through its parent. Returns NULL with errno set when inotify cannot be used at all
 * (inotify_init1 fails); a folder that cannot be watched (too many watches) is reported by
 * serve_watch_missing. The caller frees the watcher with serve_watch_free.
 */
serve_watch *serve_watch_new(const char *const *roots);

/* The descriptor to poll for POLLIN; it changes after a rewatch, so ask after each read. */
int serve_watch_fd(const serve_watch *w);

/*
 * Read every pending event and act on it: a rewatch (the folders are watched anew) when an
 * event asks for one. Returns SERVE_WATCH_IGNORE when nothing that matters changed,
 * SERVE_WATCH_BUILD when the site must be built again, SERVE_WATCH_REWATCH when in
 * addition the folders were watched anew, SERVE_WATCH_OVERFLOW when events were lost and
 * the folders were watched anew. Never blocks.
 */
serve_watch_action serve_watch_read(serve_watch *w);

/*
 * The number of roots whose tree is not (or not wholly) watched after the last (re)watch:
 * missing, not a folder, or past the system's limit of watches (fs.inotify.max_user_watches).
 * 0 when all are watched. A root given as a symbolic link to a folder is watched where it
 * leads, and watched anew when the link is replaced.
 */
unsigned serve_watch_missing(const serve_watch *w);

/* Stop watching and free w (NULL is fine). */
void serve_watch_free(serve_watch *w);

/*
 * When to build, given the time in milliseconds (any monotonic clock) of the first change
 * not yet built (first_ms) and of the last (last_ms), now, and the debounce: the number of
 * milliseconds to wait before the build (0: build now). A build waits for debounce_ms of
 * quiet, but no longer than SERVE_WATCH_MAX_WAIT_MS after the first change.
 */
int serve_watch_wait_ms(uint64_t first_ms, uint64_t last_ms, uint64_t now_ms,
                        unsigned debounce_ms);

#endif
