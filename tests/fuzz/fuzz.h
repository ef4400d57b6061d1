/*
 * fuzz.h: what the libFuzzer harnesses in tests/fuzz/ share (issue 6, "Fuzzing"). Each
 * harness feeds the bytes libFuzzer gives it to one of suture's readers; AddressSanitizer
 * and UndefinedBehaviorSanitizer, built in by `make fuzz`, turn any memory error or
 * undefined behaviour into a crash that libFuzzer saves and reports. A harness never
 * asserts on the diagnostics: any input may be wrong, and being told so is the point.
 */
#ifndef SUTURE_FUZZ_H
#define SUTURE_FUZZ_H

#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/*
 * A path whose file holds exactly data (size bytes): an in-memory file (memfd) reused by
 * every run of the process, named as "/proc/self/fd/N" for readers that take a path.
 * Returns a static buffer.
 */
static inline const char *fuzz_file(const uint8_t *data, size_t size)
{
    static int fd = -1;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("suture-fuzz", MFD_CLOEXEC);
        if (fd < 0) {
            perror("memfd_create");
            abort();
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) < 0 || (size && pwrite(fd, data, size, 0) != (ssize_t)size)) {
        perror("fuzz_file");
        abort();
    }
    return path;
}

/* The repository's root, where tests/ and templates/ are: $SUTURE_ROOT, else ".". */
static inline const char *fuzz_root(void)
{
    const char *r = getenv("SUTURE_ROOT");
    return r && *r ? r : ".";
}

#endif
