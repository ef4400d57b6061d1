/*
 * files.h: the file system as suture uses it: reading only regular files (never blocking
 * on a named pipe), writing with the umask's modes, messages that say what is at a path
 * instead of what was expected, folder trees made, copied and removed (fts(3), without
 * following links into folders), and sorted folder listings.
 */
#ifndef SUTURE_FILES_H
#define SUTURE_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/str.h"

/* The largest file suture reads: no article, template or data file is that long. */
#define FILE_MAX_BYTES (64u * 1024u * 1024u)

/*
 * Read a whole regular file (symbolic links followed) into a NUL-terminated buffer. On
 * success returns the buffer (the caller frees it) and stores its length in *len; on
 * failure returns NULL with errno set. Anything that is not a regular file is refused
 * before it is opened for reading, so that a named pipe cannot block the build: EISDIR
 * for a folder, EINVAL for a named pipe (FIFO), a socket or a device (file_problem
 * explains either). Files of FILE_MAX_BYTES or more are refused with EFBIG.
 */
char *file_read(const char *path, size_t *len);
/*
 * Open a regular file for reading as a stdio stream, refusing anything else as file_read
 * does (EISDIR, EINVAL), without blocking on a named pipe. Returns the stream (the caller
 * closes it with fclose), or NULL with errno set.
 */
FILE *file_open_regular(const char *path);
/*
 * Write len bytes to path (created with mode 0666 less the umask, truncated). Returns 0 or
 * -1 with errno.
 */
int file_write(const char *path, const char *data, size_t len);
/* Copy a regular file (read as file_read does). Returns 0 or -1 with errno. */
int file_copy(const char *from, const char *to);
bool path_is_dir(const char *path);
bool path_is_file(const char *path);
/* Whether anything is at path, a symbolic link to nothing included (lstat(2)). */
bool path_exists(const char *path);

/*
 * What is at path, for a message, when it is not what suture wanted there: "a folder", "a
 * file", "a named pipe (FIFO)", "a socket", "a character device", "a block device", "a
 * symbolic link to nothing", or NULL when nothing is there. Links are followed; nothing is
 * opened. The result is a static string.
 */
const char *path_kind(const char *path);
/*
 * A message saying why path, which should be a regular file holding what ("the article",
 * "the site settings"), could not be read; err is the errno of file_read (or of any read).
 * A folder, a named pipe, a socket, a device or a symbolic link to nothing gives "this is a
 * named pipe (FIFO), not a file; suture reads only regular files: remove it or replace it
 * with <what>"; a file of FILE_MAX_BYTES or more says so; any other error "cannot read
 * <what>: <strerror>". The caller frees the result.
 */
char *file_problem(const char *path, int err, const char *what);
/*
 * A message saying that path, which should be a folder holding what ("the articles"), is
 * something else: "this is a file, not a folder; suture reads <what> from a folder of this
 * name: replace it with that folder" (a symbolic link to nothing names its target). For a
 * path that is missing, "the folder does not exist; create it and put <what> in it"; for a
 * folder that cannot be read (err), "cannot read <what>: <strerror>". The caller frees the
 * result.
 */
char *dir_problem(const char *path, int err, const char *what);
/* Join two path parts with one '/'; the caller frees the result. */
char *path_join(const char *a, const char *b);
/* The last component of path (a pointer into path). */
const char *path_basename(const char *path);
/*
 * Create a directory and its parents (mode 0777 less the umask, as mkdir -p). Returns 0 or
 * -1 with errno.
 */
int mkdir_p(const char *path);
/* Remove a file tree (nothing if it does not exist), links removed, never followed.
 * Returns 0 or -1 with errno. Thread-safe. */
int remove_tree(const char *path);
/*
 * Whether path is a symbolic link that leads outside the folder root, or to nothing: true
 * when path's last component is a link and its target (every link resolved, realpath(3))
 * is missing, or is not root itself nor below it, or root cannot be resolved. False for
 * anything that is not a link, and for a link to a file or folder inside root. Used so that
 * a link in content/ cannot publish a file from elsewhere on the machine (issue 6).
 */
bool path_link_outside(const char *path, const char *root);
/*
 * Copy the tree under from into to (created as needed), skipping names that start with
 * '.'. Symbolic links are never followed into folders. With links_root NULL they are
 * skipped; otherwise a link to a regular file inside links_root (see path_link_outside) is
 * copied as that file, and any other link stops the copy: errno EXDEV for a link that
 * leads outside links_root or to nothing, ELOOP for a link to a folder or to something
 * that is not a regular file. A named pipe, socket or device in the tree stops it with
 * EINVAL (it is never opened). Files are copied as file_copy does (mode 0666 less the
 * umask), folders made as mkdir_p does. Returns 0, or -1 with errno and *failed_path set to
 * the path that failed: from itself, or a copy that lives until this thread's next
 * copy_tree. Thread-safe (the walk is fts(3)'s, which keeps its state in its handle).
 */
int copy_tree(const char *from, const char *to, const char *links_root,
              const char **failed_path);

/*
 * The names in a directory that end with suffix (NULL for all), sorted bytewise, hidden
 * names skipped. Returns 0 and fills out (which the caller frees with strlist_free), or
 * -1 with errno.
 */
int dir_list(const char *dir, const char *suffix, strlist *out);

#endif
