/* fuzz.h: what every harness of tests/fuzz shares: the entry point libFuzzer (and
 * replay.c, which runs each corpus file through it in the gcc build) calls, and CHECK,
 * a rule of the code under test that must hold for any input: when it does not, the
 * harness prints where and aborts, which both the fuzzer and the replay test report. */
#ifndef MNEMO_TESTS_FUZZ_H
#define MNEMO_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (!(cond)) {                                                                 \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond);                 \
            abort();                                                                   \
        }                                                                              \
    } while (0)

#endif
