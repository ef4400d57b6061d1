/*
 * util.h: memory, growable strings and file-system helpers shared by every module.
 *
 * Out of memory is not an error a user can fix: the x* allocators print one line and
 * abort, so the rest of suture never checks for NULL from them (as cmark's xcalloc).
 */
#ifndef SUTURE_UTIL_H
#define SUTURE_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Print "suture: out of memory" and abort: the one place every module stops when an
 * allocation, its own or a library's (libxml2, jansson, PCRE2, libyaml), fails. */
void out_of_memory(void) __attribute__((noreturn));

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Reallocate an array of count elements of size bytes, aborting on overflow. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it with free. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* xasprintf with a va_list (the caller calls va_start and va_end). */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * A growable, always NUL-terminated byte string. Initialise with STRBUF_INIT;
 * release with strbuf_free (which accepts an empty buffer).
 */
typedef struct strbuf {
    char *data;
    size_t len;
    size_t cap;
} strbuf;
#define STRBUF_INIT {NULL, 0, 0}

void strbuf_append(strbuf *b, const char *s, size_t len);
void strbuf_puts(strbuf *b, const char *s);
void strbuf_putc(strbuf *b, char c);
void strbuf_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents, never NULL (an empty buffer gives ""). Valid until the next append. */
const char *strbuf_str(const strbuf *b);
/* Hand the contents to the caller (who frees them with free) and reset b. */
char *strbuf_detach(strbuf *b);
void strbuf_free(strbuf *b);

/* A list of owned strings. */
typedef struct strlist {
    char **items;
    size_t len;
    size_t cap;
} strlist;
#define STRLIST_INIT {NULL, 0, 0}
/* Append a copy of s. */
void strlist_push(strlist *l, const char *s);
/* Append s, taking ownership of it. */
void strlist_push_owned(strlist *l, char *s);
bool strlist_contains(const strlist *l, const char *s);
void strlist_free(strlist *l);

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

/*
 * The candidate closest to word by edit distance, if it is close enough to be a likely
 * typo (distance at most a third of the word's length, and at least 1); else NULL.
 * candidates is a NULL-terminated array, or use suggest_closest_n with a count.
 */
const char *suggest_closest(const char *word, const char *const *candidates);
const char *suggest_closest_n(const char *word, const char *const *candidates, size_t n);

/*
 * suggest_closest over an array of count structs of stride bytes, each holding at byte
 * offset a const char * naming it (e.g. the id field of an array of topics):
 * suggest_closest_in(id, topics, n, sizeof *topics, offsetof(site_topic, id)).
 */
const char *suggest_closest_in(const char *word, const void *items, size_t count,
                               size_t stride, size_t offset);

bool str_ends_with(const char *s, const char *suffix);
bool str_starts_with(const char *s, const char *prefix);

#endif
