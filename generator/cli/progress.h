/*
 * progress.h: the progress line of a long build on a terminal (issue 5, "Progress and
 * output"): "suture: 4200 of 10305 pages, 1850 pages/s", rewritten in place on stderr.
 */
#ifndef SUTURE_PROGRESS_H
#define SUTURE_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

#include "build/site.h"

/* Shown only once a build has run this long, in milliseconds: a quick build shows none. */
#define PROGRESS_AFTER_MS 1000
/* How often the line is rewritten, in milliseconds. */
#define PROGRESS_EVERY_MS 200

/*
 * Write the line for done of total pages after seconds into buf (size bytes, always
 * '\0'-terminated): "suture: 4200 of 10305 pages, 1850 pages/s". Before the total is known
 * (total 0): "suture: reading the articles". Returns buf.
 */
char *progress_format(char *buf, size_t size, size_t done, size_t total, double seconds);

typedef struct progress_display progress_display;

/*
 * Start showing p on out from another thread, after PROGRESS_AFTER_MS, every
 * PROGRESS_EVERY_MS, each time over the last (a carriage return and an erase to the end of
 * the line). The caller decides whether out is a terminal. Returns the display (stop it with
 * progress_stop), or NULL when no thread could be started: the build then shows no line.
 */
progress_display *progress_start(site_progress *p, FILE *out);

/* Stop the display and erase its line, so that what follows starts on a clean line. */
void progress_stop(progress_display *d);

#endif
