/* test_known.c: the facts kept between turns (agent/known.h) over a real store: a second
 * get with nothing written hands out the same list; a write of any user gives a new one
 * with the change; a list still held stays readable after it was replaced; more users
 * than slots drop the least recently used one; errors of the store come back. Run under
 * the sanitizers, every list is freed once. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent/known.h"

enum { DIM = 8 };

static char dir[64];
static char path[96];
static store_t *st;
static char err[256];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/mnemo-test-known-XXXXXX");  /* mkdtemp fills the Xs */
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/m.db", dir);
    st = store_open(path, DIM, "test", err, sizeof err);
    ck_assert_msg(st != NULL, "store_open: %s", err);
}

static void teardown(void)
{
    store_close(st);
    char f[128];
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof f, "%s%s", path, ext[i]);
        unlink(f);
    }
    rmdir(dir);
}

static int64_t tell(const char *user, const char *holder, const char *relation,
                    const char *value)
{
    float v[DIM] = {1, 0.5f, 0.25f, 0, 0, 0, 0, 1};
    char text[128];
    snprintf(text, sizeof text, "%s %s %s", holder, relation, value);
    store_new_memory_t m = {.user = user, .text = text, .vec = v, .dim = DIM,
                            .importance = -1, .holder = holder, .relation = relation,
                            .value = value};
    int64_t id = 0;
    ck_assert_int_eq(store_memory_add(st, &m, 1, &id, err, sizeof err), STORE_OK);
    return id;
}

START_TEST(test_kept_until_a_write)
{
    known_t *k = known_new();
    const facts_t *f1, *f2, *f3;
    known_list_t *h1, *h2, *h3;
    tell("ines", "self", "home", "Porto");
    ck_assert_int_eq(known_get(k, st, "ines", &f1, &h1), STORE_OK);
    ck_assert_uint_eq(f1->n, 1);
    ck_assert_int_eq(known_get(k, st, "ines", &f2, &h2), STORE_OK);
    ck_assert_ptr_eq(f1, f2);                  /* nothing written: the same list */
    known_put(k, h2);

    tell("otto", "dog", "name", "Fips");       /* another user's write */
    ck_assert_int_eq(known_get(k, st, "ines", &f3, &h3), STORE_OK);
    ck_assert_ptr_ne(f1, f3);
    ck_assert_uint_eq(f3->n, 1);
    known_put(k, h3);

    int64_t id = tell("ines", "sister", "name", "Rui");
    ck_assert_int_eq(known_get(k, st, "ines", &f3, &h3), STORE_OK);
    ck_assert_uint_eq(f3->n, 2);
    ck_assert_int_eq(f3->v[1].id, id);
    ck_assert_str_eq(f3->v[1].value, "Rui");
    known_put(k, h3);

    ck_assert_int_eq(store_memory_delete(st, id), STORE_OK);
    ck_assert_int_eq(known_get(k, st, "ines", &f3, &h3), STORE_OK);
    ck_assert_uint_eq(f3->n, 1);               /* a delete is seen at once */
    known_put(k, h3);

    /* the first list, replaced three times, is still whole for its holder */
    ck_assert_uint_eq(f1->n, 1);
    ck_assert_str_eq(f1->v[0].value, "Porto");
    known_put(k, h1);
    known_free(k);
}
END_TEST

START_TEST(test_more_users_than_slots)
{
    known_t *k = known_new();
    char user[16];
    const facts_t *f, *again;
    known_list_t *h;
    for (int i = 0; i < 12; i++) {
        snprintf(user, sizeof user, "u%d", i);
        tell(user, "self", "name", user);
    }
    for (int i = 0; i < 12; i++) {             /* each its own list, of its own facts */
        snprintf(user, sizeof user, "u%d", i);
        ck_assert_int_eq(known_get(k, st, user, &f, &h), STORE_OK);
        ck_assert_uint_eq(f->n, 1);
        ck_assert_str_eq(f->v[0].value, user);
        known_put(k, h);
    }
    ck_assert_int_eq(known_get(k, st, "u11", &f, &h), STORE_OK);   /* recent: kept */
    known_put(k, h);
    ck_assert_int_eq(known_get(k, st, "u11", &again, &h), STORE_OK);
    ck_assert_ptr_eq(f, again);
    known_put(k, h);
    ck_assert_int_eq(known_get(k, st, "u0", &f, &h), STORE_OK);    /* dropped: read again */
    ck_assert_str_eq(f->v[0].value, "u0");
    known_put(k, h);
    ck_assert_int_eq(known_get(k, st, "nobody", &f, &h), STORE_OK);
    ck_assert_uint_eq(f->n, 0);
    known_put(k, h);
    ck_assert_int_eq(known_get(k, st, "", &f, &h), STORE_EINVAL);
    ck_assert_ptr_null(h);
    known_put(k, h);                           /* nothing held: nothing to give back */
    known_free(k);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("known");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_kept_until_a_write);
    tcase_add_test(tc, test_more_users_than_slots);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
