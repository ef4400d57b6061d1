/* fuzz_request_head.c: the preview's screen of a connection's first request head. */
#include "fuzz.h"

#include "cli/servegate.h"

/*
 * Any bytes a client may send. Besides memory errors, one property is checked, since the
 * gate acts on a verdict as soon as it has one: a verdict other than INCOMPLETE given for
 * the first k bytes stays the same for every longer input that starts with them.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    serve_head_state whole = serve_gate_screen(bytes, size);
    if (whole > SERVE_HEAD_TOO_LARGE)
        abort();
    size_t step = size > 512 ? size / 64 : 1;
    for (size_t k = 0; k < size; k += step) {
        serve_head_state early = serve_gate_screen(bytes, k);
        if (early != SERVE_HEAD_INCOMPLETE && early != whole) {
            fprintf(stderr, "the first %zu bytes gave %d, all %zu gave %d\n", k, (int)early,
                    size, (int)whole);
            abort();
        }
    }
    return 0;
}
