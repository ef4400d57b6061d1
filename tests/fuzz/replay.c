/*
 * replay.c: a main for a fuzz harness without libFuzzer, so that `make test` (gcc, and
 * `make asan` under AddressSanitizer) runs every seed and every input that once crashed a
 * harness (tests/fuzz/regressions/NAME/), on any machine. Arguments: folders or files.
 * Prints how many inputs ran; a crash fails the test run.
 */
#include "fuzz.h"
#include "base/files.h"
#include "base/str.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

/* Weak: a harness without its own initialisation gets this one. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static size_t S_run_file(const char *path)
{
    size_t len;
    char *data = file_read(path, &len);
    if (!data) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(1);
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 1;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    size_t n = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) < 0)
            continue; /* no regressions yet for this harness */
        if (!S_ISDIR(st.st_mode)) {
            n += S_run_file(argv[i]);
            continue;
        }
        strlist names = STRLIST_INIT;
        dir_list(argv[i], NULL, &names);
        for (size_t k = 0; k < names.len; k++) {
            if (names.items[k][0] == '.')
                continue;
            char *path = path_join(argv[i], names.items[k]);
            n += S_run_file(path);
            free(path);
        }
        strlist_free(&names);
    }
    printf("replayed %zu inputs\n", n);
    printf("[  PASSED  ] %zu test(s).\n", n);
    return n ? 0 : 1;
}
