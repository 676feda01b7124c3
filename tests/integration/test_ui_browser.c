/* test_ui_browser.c: the inspector (/ui) in Debian's chromium, headless, driven by
 * puppeteer-core (tests/node/ui_browser.mjs, pinned by tests/node's lockfile) against two
 * real mnemods: one with the shipped model and no tokens (chat, memories, conversations,
 * health), one with tokens (a wrong token is a clear message; /metrics wants the admin's).
 * The script checks DOM text, not pixels, and leaves a screenshot of each panel in
 * $MNEMO_UI_SHOTS (the build directory). Skipped (77) only when node, tests/node's
 * puppeteer-core or chromium ($MNEMO_CHROMIUM, else /usr/bin/chromium) is missing. */
#include "tests/integration/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALICE "alice-secret-0123456789abcdef"
#define ADMIN "admin-secret-0123456789abcdef"
static char node[512], script[600], chromium[512];

START_TEST(test_the_inspector_works_in_a_browser)
{
    const char *model = getenv("MNEMO_SHIPPED_MODEL"), *shots = getenv("MNEMO_UI_SHOTS");
    ck_assert_msg(model && access(model, R_OK) == 0, "MNEMO_SHIPPED_MODEL is not readable");
    h_daemon_t plain, tokens;
    h_init(&plain, "");
    snprintf(plain.model, sizeof plain.model, "%s", model);
    h_start(&plain);
    h_init(&tokens, "token = alice:" ALICE "\nadmin_token = " ADMIN "\n");
    snprintf(tokens.probe_token, sizeof tokens.probe_token, "%s", ALICE);
    h_start(&tokens);

    char *argv[] = {node, script, plain.base, tokens.base,
                    (char *)(shots && *shots ? shots : "ui-screenshots"), NULL};
    char chrome_env[600];
    snprintf(chrome_env, sizeof chrome_env, "MNEMO_CHROMIUM=%s", chromium);
    char *env[] = {"MNEMO_TOKEN=" ALICE, "MNEMO_ADMIN_TOKEN=" ADMIN, chrome_env, NULL};
    char *out = NULL, *err = NULL;
    int status = h_run(argv, env, NULL, &out, &err);
    fprintf(stderr, "%s%s", out ? out : "", err ? err : "");
    ck_assert_msg(status == 0, "node %s exited with %d:\n%s%s", script, status, out ? out : "",
                  err ? err : "");
    free(out);
    free(err);
    ck_assert_int_eq(h_stop(&plain), 0);
    ck_assert_int_eq(h_stop(&tokens), 0);
    h_cleanup(&plain);
    h_cleanup(&tokens);
}
END_TEST

int main(void)
{
    char dir[512];
    int rc = h_node_client("test_ui_browser", "puppeteer-core", node, sizeof node, dir,
                           sizeof dir);
    if (rc) return rc;
    const char *c = getenv("MNEMO_CHROMIUM");
    snprintf(chromium, sizeof chromium, "%s", c && *c ? c : "/usr/bin/chromium");
    if (access(chromium, X_OK)) {
        fprintf(stderr, "test_ui_browser: skipped: no %s (Debian's chromium; scripts/setup.sh "
                "installs it)\n", chromium);
        return H_SKIP;
    }
    snprintf(script, sizeof script, "%s/ui_browser.mjs", dir);
    Suite *s = suite_create("ui_browser");
    TCase *tc = tcase_create("browser");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, test_the_inspector_works_in_a_browser);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
