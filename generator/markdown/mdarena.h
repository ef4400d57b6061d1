/*
 * mdarena.h: cmark trees allocated from a per-thread arena instead of one malloc and free
 * per node and string.
 *
 * Linting parses every article, front-matter title and summary with cmark and throws the
 * tree away a moment later; cmark allocates each node, each literal and each growing
 * buffer with its own calloc and realloc, and freeing the tree walks it again. Here those
 * allocations come from an obstack (glibc's arena allocator, <obstack.h>) that belongs to
 * the calling thread, and everything parsed since mdarena_begin is released at once by
 * mdarena_end. On the benchmark corpus this takes 7% off the CPU time of suture check
 * (bench/run). Built with AddressSanitizer, trees are allocated and freed one by one as
 * usual, so the sanitizer still sees every allocation.
 *
 * cmark's allocator hooks carry no context, so the arena is found through thread-local
 * storage: a tree must be used, and released, on the thread that parsed it.
 */
#ifndef SUTURE_MDARENA_H
#define SUTURE_MDARENA_H

#include <cmark.h>
#include <stddef.h>

/* A point in the calling thread's arena to release back to. */
typedef struct mdarena_mark {
    void *object;    /* the arena's first object after the mark */
    size_t trees;    /* with sanitizers: how many trees were live at the mark */
} mdarena_mark;

/* Mark the calling thread's arena; marks nest, and are released in reverse order. */
mdarena_mark mdarena_begin(void);

/*
 * Parse text (len bytes of UTF-8) with cmark and options (CMARK_OPT_*) into the calling
 * thread's arena. Never NULL: cmark reports no errors, and running out of memory ends the
 * program with a message, as everywhere in suture. The tree, and every string cmark
 * returns for its nodes, stays valid until mdarena_end releases a mark taken before this
 * call; never pass it to cmark_node_free.
 */
cmark_node *mdarena_parse(const char *text, size_t len, int options);

/* Release every tree parsed on this thread since mark was taken. */
void mdarena_end(mdarena_mark mark);

/* Give the calling thread's arena back to the system; call before a thread ends. */
void mdarena_thread_exit(void);

#endif
