/* test_blas_threads.c: an agent runs its model and index work on the request threads
 * that call it, so it leaves OpenBLAS one thread of its own: a product then never
 * starts threads that fight the daemon's handler threads for the cores (issue 11). Run
 * where OpenBLAS would start more than one (any machine of two cores or more, without
 * OPENBLAS_NUM_THREADS=1), this fails when agent_new leaves the count as it was. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "agent/agent.h"
#include "model/blas.h"

START_TEST(test_an_agent_leaves_openblas_one_thread)
{
#ifdef OPENBLAS_VERSION
    char dir[] = "/tmp/test-blas-threads-XXXXXX", db[64], err[256], cmd[80];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/m.db", dir);
    if (openblas_get_num_threads() < 2)
        fprintf(stderr, "OpenBLAS starts with one thread here: this check cannot fail\n");
    agent_config_t cfg;
    agent_config_default(&cfg);
    cfg.db_path = db;
    agent_t *a = agent_new(&cfg, err, sizeof err);
    ck_assert_msg(a != NULL, "%s", err);
    ck_assert_int_eq(openblas_get_num_threads(), 1);
    agent_free(a);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
#endif
}
END_TEST

int main(void)
{
    Suite *s = suite_create("blas_threads");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_an_agent_leaves_openblas_one_thread);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
