/* progress.c: the progress line of a long build (see progress.h). */
#define _GNU_SOURCE
#include "cli/progress.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "base/alloc.h"

struct progress_display {
    site_progress *p;
    FILE *out;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    bool shown; /* a line is on the screen */
    struct timespec start;
};

char *progress_format(char *buf, size_t size, size_t done, size_t total, double seconds)
{
    if (total == 0)
        snprintf(buf, size, "suture: reading the articles");
    else
        snprintf(buf, size, "suture: %zu of %zu pages, %.0f pages/s", done, total,
                 seconds > 0 ? (double)done / seconds : 0.0);
    return buf;
}

static double S_seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* now + ms, on the clock the condition variable waits on. */
static struct timespec S_after(long ms)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

static void *S_show(void *arg)
{
    progress_display *d = arg;
    pthread_mutex_lock(&d->lock);
    long wait_ms = PROGRESS_AFTER_MS;
    while (!d->stop) {
        struct timespec until = S_after(wait_ms);
        int rc = 0;
        while (!d->stop && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&d->wake, &d->lock, &until);
        if (d->stop)
            break;
        char line[128];
        progress_format(line, sizeof line, atomic_load(&d->p->done),
                        atomic_load(&d->p->total), S_seconds_since(&d->start));
        fprintf(d->out, "\r\033[K%s", line);
        fflush(d->out);
        d->shown = true;
        wait_ms = PROGRESS_EVERY_MS;
    }
    pthread_mutex_unlock(&d->lock);
    return NULL;
}

progress_display *progress_start(site_progress *p, FILE *out)
{
    progress_display *d = xcalloc(1, sizeof *d);
    d->p = p;
    d->out = out;
    clock_gettime(CLOCK_MONOTONIC, &d->start);
    pthread_mutex_init(&d->lock, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&d->wake, &attr);
    pthread_condattr_destroy(&attr);
    if (pthread_create(&d->thread, NULL, S_show, d) != 0) {
        pthread_cond_destroy(&d->wake);
        pthread_mutex_destroy(&d->lock);
        free(d);
        return NULL;
    }
    return d;
}

void progress_stop(progress_display *d)
{
    if (!d)
        return;
    pthread_mutex_lock(&d->lock);
    d->stop = true;
    pthread_cond_signal(&d->wake);
    pthread_mutex_unlock(&d->lock);
    pthread_join(d->thread, NULL);
    if (d->shown) {
        fputs("\r\033[K", d->out);
        fflush(d->out);
    }
    pthread_cond_destroy(&d->wake);
    pthread_mutex_destroy(&d->lock);
    free(d);
}
