/* test_mcp_clients.c: the official MCP TypeScript SDK's client (tests/node, pinned by its
 * lockfile) against the real mnemod with the shipped model: tests/node/mcp_http.mjs over
 * Streamable HTTP and tests/node/mcp_stdio.mjs over stdio through `mnemo mcp`, each run
 * as `node SCRIPT BASE_URL MNEMO` with a user token in $MNEMO_TOKEN; a script that exits
 * non-zero fails the test. Skipped (77) only when node or tests/node/node_modules is
 * missing ($MNEMO_NODE empty, or no SDK where $MNEMO_NODE_DIR says). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/integration/harness.h"

#define ALICE "alice-secret-0123456789abcdef"
#define TOKENS "token = alice:" ALICE "\n"

static h_daemon_t D;

static void setup(void)
{
    const char *model = getenv("MNEMO_SHIPPED_MODEL");
    ck_assert_msg(model && access(model, R_OK) == 0, "MNEMO_SHIPPED_MODEL is not readable");
    h_init(&D, TOKENS);
    snprintf(D.probe_token, sizeof D.probe_token, "%s", ALICE);
    snprintf(D.model, sizeof D.model, "%s", model);
    h_start(&D);
}

static void teardown(void) { h_cleanup(&D); }

/* Runs node SCRIPT BASE_URL MNEMO in tests/node; fails with its output unless it exits 0. */
static void run_script(const char *script)
{
    char path[512], *out = NULL, *err = NULL;
    const char *dir = getenv("MNEMO_NODE_DIR"), *cli = getenv("MNEMO_CLI");
    snprintf(path, sizeof path, "%s/%s", dir, script);
    char *const argv[] = {(char *)getenv("MNEMO_NODE"), path, D.base, (char *)cli, NULL};
    char *const env[] = {"MNEMO_TOKEN=" ALICE, NULL};
    int rc = h_run(argv, env, NULL, &out, &err);
    ck_assert_msg(rc == 0, "%s exited %d\n---- stdout ----\n%s---- stderr ----\n%s", script, rc,
                  out ? out : "", err ? err : "");
    free(out);
    free(err);
}

START_TEST(test_the_sdk_client_over_streamable_http)
{
    run_script("mcp_http.mjs");
}
END_TEST

START_TEST(test_the_sdk_client_over_stdio_through_mnemo_mcp)
{
    run_script("mcp_stdio.mjs");
}
END_TEST

int main(void)
{
    char node[512], dir[512];
    int rc = h_node_client("test_mcp_clients", "@modelcontextprotocol/sdk", node, sizeof node,
                           dir, sizeof dir);
    if (rc) return rc;
    Suite *s = suite_create("mcp_clients");
    TCase *tc = tcase_create("sdk");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_the_sdk_client_over_streamable_http);
    tcase_add_test(tc, test_the_sdk_client_over_stdio_through_mnemo_mcp);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
