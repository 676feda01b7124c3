/* fuzz_config.c: libFuzzer harness for mnemod's config file parser (daemon/config.c).
 * The input is a config file's text: config_parse must take it or refuse it with a
 * message naming the line, never crash; what it took then goes through what a reload
 * does with it (config_check, config_changes against the defaults, the start-only keys
 * swapped back) and the listen address is split, so every string it set is freed once. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/config.h"
#include "fuzz.h"

static void count_change(const char *key, int live, const char *was, const char *now,
                         void *ctx)
{
    (void)live;
    CHECK(key && was && now);
    ++*(int *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mnemod_config_t c, d;
    char err[512] = "", host[256];
    int port, n = 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (config_init(&c) != 0) {
        free(text);
        return 0;
    }
    if (config_init(&d) != 0) {
        config_free(&c);
        free(text);
        return 0;
    }
    if (config_parse(&c, "fuzz.conf", text, err, sizeof err) != 0) {
        CHECK(err[0]);
    } else {
        err[0] = '\0';
        if (config_check(&c, err, sizeof err) != 0) CHECK(err[0]);
        if (c.listen) config_split_listen(c.listen, host, sizeof host, &port);
        config_changes(&d, &c, count_change, &n);
        config_keep_start_only(&c, &d);
    }
    config_free(&c);
    config_free(&d);
    free(text);
    return 0;
}
