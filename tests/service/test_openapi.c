/* test_openapi.c: the routes mnemod serves (api_route_list, from api/routes.c's table)
 * and the paths and methods api/openapi.yaml lists are the same set, both ways. The
 * spec is read by lines: a path is "  /..." under "paths:", a method "    get:". */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/api.h"

#define MAX_OPS 64

typedef struct op {
    char path[128], method[16];
} op_t;

static size_t spec_ops(op_t *ops)
{
    const char *file = getenv("OPENAPI");
    ck_assert_msg(file != NULL, "OPENAPI is not set (meson passes api/openapi.yaml)");
    FILE *f = fopen(file, "r");
    ck_assert_msg(f != NULL, "cannot read %s", file);
    static const char *const methods[] = {"get", "put", "post", "delete", "patch", "head",
                                          "options", "trace"};
    char line[512], path[128] = "";
    int in_paths = 0;
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] && line[0] != ' ' && line[0] != '#') {
            in_paths = !strcmp(line, "paths:");
            continue;
        }
        if (!in_paths) continue;
        if (!strncmp(line, "  /", 3) && line[strlen(line) - 1] == ':') {
            snprintf(path, sizeof path, "%.*s", (int)strlen(line) - 3, line + 2);
            continue;
        }
        if (strncmp(line, "    ", 4) || line[4] == ' ') continue;
        for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
            size_t m = strlen(methods[i]);
            if (!strncmp(line + 4, methods[i], m) && line[4 + m] == ':' && path[0]) {
                ck_assert(n < MAX_OPS);
                snprintf(ops[n].path, sizeof ops[n].path, "%s", path);
                for (size_t j = 0; j <= m; j++)
                    ops[n].method[j] = (char)(methods[i][j] ? methods[i][j] - 32 : 0);
                n++;
            }
        }
    }
    fclose(f);
    return n;
}

static int has(const op_t *ops, size_t n, const char *path, const char *method)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ops[i].path, path) && !strcmp(ops[i].method, method)) return 1;
    return 0;
}

START_TEST(test_the_spec_and_the_route_table_list_the_same_operations)
{
    op_t spec[MAX_OPS], served[MAX_OPS];
    const char *pat[MAX_OPS], *meth[MAX_OPS];
    size_t ns = spec_ops(spec), nr = api_route_list(pat, meth, MAX_OPS);
    ck_assert_uint_le(nr, MAX_OPS);
    ck_assert_uint_gt(nr, 0);
    for (size_t i = 0; i < nr; i++) {
        snprintf(served[i].path, sizeof served[i].path, "%s", pat[i]);
        snprintf(served[i].method, sizeof served[i].method, "%s", meth[i]);
        ck_assert_msg(has(spec, ns, pat[i], meth[i]), "%s %s is served but not in openapi.yaml",
                      meth[i], pat[i]);
    }
    for (size_t i = 0; i < ns; i++)
        ck_assert_msg(has(served, nr, spec[i].path, spec[i].method),
                      "%s %s is in openapi.yaml but not served", spec[i].method, spec[i].path);
    ck_assert_uint_eq(ns, nr);
}
END_TEST

START_TEST(test_metrics_is_a_route)
{
    const char *pat[MAX_OPS], *meth[MAX_OPS];
    size_t n = api_route_list(pat, meth, MAX_OPS);
    int found = 0;
    for (size_t i = 0; i < n && i < MAX_OPS; i++)
        found |= !strcmp(pat[i], "/metrics") && !strcmp(meth[i], "GET");
    ck_assert(found);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("openapi");
    TCase *tc = tcase_create("openapi");
    tcase_add_test(tc, test_the_spec_and_the_route_table_list_the_same_operations);
    tcase_add_test(tc, test_metrics_is_a_route);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
