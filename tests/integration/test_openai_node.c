/* test_openai_node.c: runs tests/node/openai_client.mjs (the official openai npm client)
 * against the real mnemod with the shipped model (model/default.mnemo) and no tokens,
 * and fails when the script exits non-zero, printing what it wrote. Skipped (exit 77)
 * only when node ($MNEMO_NODE, found by meson) or the client's package
 * ($MNEMO_NODE_DIR/node_modules/openai, installed by scripts/setup.sh) is absent. */
#include "tests/integration/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char node[512], script[600];

START_TEST(test_the_openai_client_talks_to_mnemod)
{
    const char *model = getenv("MNEMO_SHIPPED_MODEL");
    ck_assert_msg(model && access(model, R_OK) == 0, "MNEMO_SHIPPED_MODEL is not readable");
    h_daemon_t d;
    h_init(&d, "");
    snprintf(d.model, sizeof d.model, "%s", model);
    h_start(&d);
    char *argv[] = {node, script, d.base, NULL};
    char *out = NULL, *err = NULL;
    int status = h_run(argv, NULL, NULL, &out, &err);
    fprintf(stderr, "%s%s", out ? out : "", err ? err : "");
    ck_assert_msg(status == 0, "node %s %s exited with %d:\n%s%s", script, d.base, status,
                  out ? out : "", err ? err : "");
    free(out);
    free(err);
    ck_assert_int_eq(h_stop(&d), 0);
    h_cleanup(&d);
}
END_TEST

int main(void)
{
    char dir[512];
    int rc = h_node_client("test_openai_node", "openai", node, sizeof node, dir, sizeof dir);
    if (rc) return rc;
    snprintf(script, sizeof script, "%s/openai_client.mjs", dir);
    Suite *s = suite_create("openai_node");
    TCase *tc = tcase_create("client");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_the_openai_client_talks_to_mnemod);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
