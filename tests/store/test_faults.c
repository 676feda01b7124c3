/* test_faults.c: the store under I/O faults, SQLite's way (its test VFSes and
 * "persistent" faults): a VFS shim (faultvfs.c) fails the Nth read, write or sync, for
 * every N from 1 to the number a sequence of store operations makes (add, a batch,
 * update, supersede, delete, forget, an import with ids, a turn, an exchange, a chat turn
 * with its memory, deleting a user, touch, search, list). Each operation must succeed or
 * fail cleanly (STORE_EIO with a message; no crash, no leak under ASan); once the fault
 * is lifted the store takes writes again and its in-RAM index agrees with the database;
 * reopened, every acknowledged write is there, every failed one is all there or not at
 * all, and PRAGMA integrity_check says ok. */
#include <check.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultvfs.h"
#include "helpers.h"

/* The operations, in the order they run. */
enum op {
    OP_ADD, OP_BATCH, OP_UPDATE_TEXT, OP_UPDATE_IMPORTANCE, OP_SUPERSEDE, OP_DELETE,
    OP_FORGET, OP_IMPORT, OP_TURN, OP_EXCHANGE, OP_CHAT, OP_USER_DELETE, OP_TOUCH,
    OP_SEARCH, OP_LIST, NOPS
};
static const char *const op_name[NOPS] = {
    "add", "batch", "update text", "update importance", "supersede", "delete", "forget",
    "import", "turn", "exchange", "chat", "user delete", "touch", "search", "list",
};

/* One kind of fault. */
typedef struct scenario {
    const char *name;
    int mask, code, persist;
} scenario_t;
static const scenario_t scenarios[] = {
    {"a full disk (every write from the Nth)", FV_WRITE, SQLITE_FULL, 1},
    {"the Nth write fails", FV_WRITE, SQLITE_IOERR_WRITE, 0},
    {"the Nth sync fails", FV_SYNC, SQLITE_IOERR_FSYNC, 0},
    {"the Nth read fails", FV_READ, SQLITE_IOERR_READ, 0},
    {"every read from the Nth fails", FV_READ, SQLITE_IOERR_READ, 1},
};
/* At most this many values of N per scenario (evenly spread when there are more calls). */
#define MAX_N 200

#define IMPORT_ID 1000

/* The world the operations start from: alice's four memories and bob's one. */
typedef struct world {
    char *dir;
    store_t *st;
    int64_t a1, a2, a3, a4, b1;
    int rc[NOPS];
    int64_t added;          /* OP_ADD's id, when it succeeded */
    char ctx[160];          /* which scenario and N, for messages */
} world_t;

static store_t *open_store(world_t *w)
{
    char err[256] = "";
    store_t *st = store_open(th_path(w->dir, "db"), TH_DIM, TH_ENCODER, err, sizeof err);
    ck_assert_msg(st != NULL, "%s: store_open: %s", w->ctx, err);
    return st;
}

static void world_new(world_t *w)
{
    memset(w, 0, sizeof *w);
    w->dir = th_dir_new();
    ck_assert_ptr_nonnull(w->dir);
    w->st = open_store(w);
    w->a1 = th_add(w->st, "alice", "base one", 1);
    w->a2 = th_add(w->st, "alice", "base two", 2);
    w->a3 = th_add(w->st, "alice", "base three", 3);
    w->a4 = th_add(w->st, "alice", "base four", 4);
    w->b1 = th_add(w->st, "bob", "bob one", 5);
}

static void world_free(world_t *w)
{
    store_close(w->st);
    th_dir_remove(w->dir);
    w->st = NULL;
    w->dir = NULL;
}

/* Checks one operation's result: STORE_OK, or STORE_EIO with a message. */
static void expect_clean(world_t *w, int op, int rc, const char *err)
{
    ck_assert_msg(rc == STORE_OK || rc == STORE_EIO, "%s: %s returned %d (%s)", w->ctx,
                  op_name[op], rc, err ? err : "");
    if (rc != STORE_OK && err)
        ck_assert_msg(err[0], "%s: %s failed without a message", w->ctx, op_name[op]);
    w->rc[op] = rc;
    if (getenv("MNEMO_FAULTS_VERBOSE") && rc)
        fprintf(stderr, "%s: %s: %d %s\n", w->ctx, op_name[op], rc, err ? err : "");
}

static void run_ops(world_t *w)
{
    store_t *st = w->st;
    char err[256];
    float v[TH_DIM], vb[3][TH_DIM], vi[2][TH_DIM];
    int rc;

    err[0] = 0;
    store_new_memory_t m = th_mem("alice", "added", v, 10);
    rc = store_memory_add(st, &m, 1, &w->added, err, sizeof err);
    expect_clean(w, OP_ADD, rc, err);

    err[0] = 0;
    store_new_memory_t b[3] = {th_mem("alice", "batch item a", vb[0], 11),
                               th_mem("alice", "batch item b", vb[1], 12),
                               th_mem("bob", "batch item c", vb[2], 13)};
    rc = store_memory_add(st, b, 3, NULL, err, sizeof err);
    expect_clean(w, OP_BATCH, rc, err);

    err[0] = 0;
    th_mem("alice", "", v, 101);
    rc = store_memory_update(st, w->a1, "base one, updated", v, -1, err, sizeof err);
    expect_clean(w, OP_UPDATE_TEXT, rc, err);

    err[0] = 0;
    rc = store_memory_update(st, w->a2, NULL, NULL, 0.9, err, sizeof err);
    expect_clean(w, OP_UPDATE_IMPORTANCE, rc, err);

    err[0] = 0;
    rc = store_memory_supersede(st, w->a3, w->a4, err, sizeof err);
    expect_clean(w, OP_SUPERSEDE, rc, err);

    rc = store_memory_delete(st, w->a2);
    expect_clean(w, OP_DELETE, rc, NULL);

    err[0] = 0;
    rc = store_memory_forget(st, &w->a4, 1, err, sizeof err);
    expect_clean(w, OP_FORGET, rc, err);

    err[0] = 0;
    store_new_memory_t im[2] = {th_mem("alice", "imported one", vi[0], 21),
                                th_mem("alice", "imported two", vi[1], 22)};
    im[0].id = IMPORT_ID;
    im[1].id = IMPORT_ID + 1;
    im[0].created_ms = 1700000000000;
    rc = store_memory_add(st, im, 2, NULL, err, sizeof err);
    expect_clean(w, OP_IMPORT, rc, err);

    rc = store_turn_add(st, "alice", "c1", "user", "hello", NULL, NULL);
    expect_clean(w, OP_TURN, rc, NULL);

    rc = store_exchange_add(st, "alice", "c1", "how are you", "fine", "other", NULL, NULL);
    expect_clean(w, OP_EXCHANGE, rc, NULL);

    err[0] = 0;
    store_new_memory_t cm = th_mem("alice", "my dog is Rex", v, 31);
    cm.conversation = "c2";
    cm.holder = "self";
    cm.relation = "dog";
    cm.value = "Rex";
    store_chat_write_t cw = {.mem = &cm};
    rc = store_chat_commit(st, "alice", "c2", "my dog is Rex", "Got it.", "statement", NULL,
                           NULL, &cw, err, sizeof err);
    expect_clean(w, OP_CHAT, rc, err);

    int64_t removed = -1;
    rc = store_user_delete(st, "bob", &removed);
    expect_clean(w, OP_USER_DELETE, rc, NULL);

    rc = store_memory_touch(st, &w->a1, 1);
    expect_clean(w, OP_TOUCH, rc, NULL);

    err[0] = 0;
    store_hit_t hits[4];
    int n = 0;
    th_mem("alice", "", v, 1);
    store_query_t q = {.user = "alice", .vec = v, .k = 4, .text = "base"};
    rc = store_search(st, &q, 0, hits, &n, err, sizeof err);
    expect_clean(w, OP_SEARCH, rc, err);
    store_hits_clear(hits, n);

    store_memory_t *page = NULL;
    size_t np = 0;
    int64_t next = 0;
    store_page_t p = {.user = "alice", .limit = 10};
    rc = store_memory_list(st, &p, &page, &np, &next);
    expect_clean(w, OP_LIST, rc, NULL);
    store_memories_free(page, np);
}

/* The memory id's state: its text (malloc'd) or NULL when it is gone. */
static char *text_of(world_t *w, int64_t id, int64_t *superseded_by, double *importance);

/* Memory id with text prefix, or NULL when it is gone. SQLite hands out a deleted newest
 * memory's id again (INTEGER PRIMARY KEY without AUTOINCREMENT), so a memory is told by
 * its id and its text. */
static char *memory_of(world_t *w, int64_t id, const char *prefix, int64_t *superseded_by,
                       double *importance)
{
    char *t = text_of(w, id, superseded_by, importance);
    if (t && strncmp(t, prefix, strlen(prefix))) {
        free(t);
        t = NULL;
    }
    return t;
}

static char *text_of(world_t *w, int64_t id, int64_t *superseded_by, double *importance)
{
    store_memory_t m;
    int rc = store_memory_get(w->st, id, 0, &m);
    ck_assert_msg(rc == STORE_OK || rc == STORE_ENOTFOUND, "%s: get %lld: %d", w->ctx,
                  (long long)id, rc);
    if (rc != STORE_OK) return NULL;
    char *t = strdup(m.text);
    if (superseded_by) *superseded_by = m.superseded_by;
    if (importance) *importance = m.importance;
    store_memory_clear(&m);
    return t;
}

static size_t count_text(world_t *w, const char *user, const char *needle)
{
    int64_t ids[8];
    size_t n = 0;
    ck_assert_int_eq(store_memories_with_text(w->st, user, needle, ids, 8, &n), STORE_OK);
    return n;
}

/* How many of user's turns in conversation have text. */
static int turns_with(world_t *w, const char *conversation, const char *text)
{
    store_turn_t *t = NULL;
    size_t n = 0;
    int rc = store_turns_last(w->st, "alice", conversation, 100, &t, &n), found = 0;
    ck_assert_msg(rc == STORE_OK || rc == STORE_ENOTFOUND, "%s: turns: %d", w->ctx, rc);
    for (size_t i = 0; i < n; i++) found += strcmp(t[i].text, text) == 0;
    store_turns_free(t, n);
    return found;
}

static int searchable(world_t *w, const char *user, int64_t id, uint64_t seed)
{
    float v[TH_DIM];
    store_hit_t hits[16];
    int n = 0, found = 0;
    th_mem(user, "", v, seed);
    store_query_t q = {.user = user, .vec = v, .k = 16};
    ck_assert_int_eq(store_search(w->st, &q, 0, hits, &n, NULL, 0), STORE_OK);
    for (int i = 0; i < n; i++) found |= hits[i].mem.id == id;
    store_hits_clear(hits, n);
    return found;
}

/* Once the fault is lifted, before reopening: a forget or user delete that failed is
 * called again, as store.h says to (they fail after deleting when only the checkpoint
 * failed), and must succeed; the store takes writes again; what its in-RAM index holds
 * agrees with the database. */
static void check_live(world_t *w)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    int64_t id = 0, removed;
    char err[256] = "";
    float v[TH_DIM];
    int rc;
    if (w->rc[OP_FORGET]) {
        rc = store_memory_forget(w->st, &w->a4, 1, err, sizeof err);
        ck_assert_msg(rc == STORE_OK, "%s: forgetting again: %d %s", w->ctx, rc, err);
        w->rc[OP_FORGET] = STORE_OK;
    }
    if (w->rc[OP_USER_DELETE]) {
        rc = store_user_delete(w->st, "bob", &removed);
        ck_assert_msg(rc == STORE_OK, "%s: deleting bob again: %d", w->ctx, rc);
        w->rc[OP_USER_DELETE] = STORE_OK;
    }
    store_new_memory_t m = th_mem("alice", "after the fault", v, 40);
    rc = store_memory_add(w->st, &m, 1, &id, err, sizeof err);
    ck_assert_msg(rc == STORE_OK, "%s: a write after the fault: %d %s", w->ctx, rc, err);
    ck_assert_msg(searchable(w, "alice", id, 40), "%s: the new memory is not searchable",
                  w->ctx);
    ck_assert_msg(searchable(w, "alice", w->a1, w->rc[OP_UPDATE_TEXT] ? 1 : 101),
                  "%s: base one is not searchable", w->ctx);
    if (w->rc[OP_DELETE] == STORE_OK)
        ck_assert_msg(!searchable(w, "alice", w->a2, 2), "%s: a deleted memory is found",
                      w->ctx);
    /* every row, counted by another connection, is the store's count */
    ck_assert_int_eq(sqlite3_open_v2(th_path(w->dir, "db"), &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM memories", -1, &s, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_msg((size_t)sqlite3_column_int64(s, 0) == store_memory_count(w->st),
                  "%s: %lld rows, the store counts %zu", w->ctx,
                  (long long)sqlite3_column_int64(s, 0), store_memory_count(w->st));
    sqlite3_finalize(s);
    sqlite3_close(db);
}

static void check_integrity(world_t *w)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open_v2(th_path(w->dir, "db"), &db, SQLITE_OPEN_READWRITE, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    ck_assert_msg(strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0,
                  "%s: integrity_check: %s", w->ctx, sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
}

/* After reopening: what each acknowledged operation wrote is there; what a failed one
 * would have written is there whole or not at all. */
static void check_durable(world_t *w)
{
    const int *rc = w->rc;
    double imp = 0;
    char *t;

    if (rc[OP_ADD] == STORE_OK) {
        t = text_of(w, w->added, NULL, NULL);
        ck_assert_msg(t && !strcmp(t, "added"), "%s: the added memory is lost", w->ctx);
        free(t);
    }
    size_t nb = count_text(w, "alice", "batch item");
    ck_assert_msg(nb == 2 || (rc[OP_BATCH] && nb == 0), "%s: batch: %zu of alice's 2 items",
                  w->ctx, nb);

    t = text_of(w, w->a1, NULL, NULL);
    ck_assert_msg(t, "%s: base one is lost", w->ctx);
    ck_assert_msg(!strcmp(t, "base one, updated") || (rc[OP_UPDATE_TEXT] && !strcmp(t, "base one")),
                  "%s: base one reads \"%s\"", w->ctx, t);
    free(t);

    t = memory_of(w, w->a2, "base two", NULL, &imp);
    if (rc[OP_DELETE] == STORE_OK)
        ck_assert_msg(!t, "%s: a deleted memory is back", w->ctx);
    else if (t && rc[OP_UPDATE_IMPORTANCE] == STORE_OK)
        ck_assert_msg(imp > 0.89, "%s: importance %g", w->ctx, imp);
    free(t);

    /* forget and user delete were called again until they succeeded (check_live) */
    t = memory_of(w, w->a4, "base four", NULL, NULL);
    ck_assert_msg(!t, "%s: a forgotten memory is back", w->ctx);
    free(t);
    t = memory_of(w, w->a3, "base three", NULL, NULL);
    if (rc[OP_SUPERSEDE] == STORE_OK)
        ck_assert_msg(!t, "%s: what the forgotten memory superseded is back", w->ctx);
    free(t);

    char *i0 = memory_of(w, IMPORT_ID, "imported one", NULL, NULL),
         *i1 = memory_of(w, IMPORT_ID + 1, "imported two", NULL, NULL);
    ck_assert_msg((i0 && i1) || (rc[OP_IMPORT] && !i0 && !i1),
                  "%s: import: one %s, two %s", w->ctx, i0 ? "there" : "gone",
                  i1 ? "there" : "gone");
    free(i0);
    free(i1);

    if (rc[OP_TURN] == STORE_OK)
        ck_assert_msg(turns_with(w, "c1", "hello") == 1, "%s: the turn is lost", w->ctx);
    int how = turns_with(w, "c1", "how are you"), fine = turns_with(w, "c1", "fine");
    ck_assert_msg(how == fine && (how == 1 || (rc[OP_EXCHANGE] && how == 0)),
                  "%s: exchange: %d messages, %d replies", w->ctx, how, fine);

    int said = turns_with(w, "c2", "my dog is Rex");
    size_t mem = count_text(w, "alice", "my dog is Rex");
    ck_assert_msg((size_t)said == mem && (said == 1 || (rc[OP_CHAT] && said == 0)),
                  "%s: chat turn: %d turns, %zu memories", w->ctx, said, mem);

    t = memory_of(w, w->b1, "bob one", NULL, NULL);
    ck_assert_msg(!t && count_text(w, "bob", "batch") == 0, "%s: bob is back", w->ctx);
    free(t);
}

/* One run: the world, the fault armed at call nth, the operations, the checks. Returns
 * how many calls failed. */
static long run_once(const scenario_t *sc, long nth)
{
    world_t w;
    world_new(&w);
    snprintf(w.ctx, sizeof w.ctx, "%s, N = %ld", sc->name, nth);
    fv_arm(sc->mask, nth, sc->code, sc->persist);
    run_ops(&w);
    long failed = fv_disarm();
    check_live(&w);
    store_close(w.st);
    check_integrity(&w);
    w.st = open_store(&w);
    check_durable(&w);
    world_free(&w);
    return failed;
}

/* How many calls of sc's kinds the operations make when nothing fails. */
static long calls_of(const scenario_t *sc)
{
    world_t w;
    world_new(&w);
    snprintf(w.ctx, sizeof w.ctx, "%s, no fault", sc->name);
    fv_arm(sc->mask, LONG_MAX, sc->code, 0);
    run_ops(&w);
    long n = fv_calls();
    fv_disarm();
    for (int i = 0; i < NOPS; i++)
        ck_assert_msg(w.rc[i] == STORE_OK, "without a fault, %s failed", op_name[i]);
    world_free(&w);
    return n;
}

static void setup(void)
{
    ck_assert_int_eq(fv_install(), SQLITE_OK);
}

START_TEST(test_every_operation_fails_cleanly_and_acknowledged_writes_survive)
{
    const scenario_t *sc = &scenarios[_i];
    long total = calls_of(sc), step = total / MAX_N + 1, fired = 0;
    ck_assert_msg(total > 0, "%s: the operations make no such call", sc->name);
    for (long nth = 1; nth <= total; nth += step)
        fired += run_once(sc, nth) > 0;
    ck_assert_msg(fired > 0, "%s: no fault fired", sc->name);
    if (getenv("MNEMO_FAULTS_VERBOSE"))
        fprintf(stderr, "%s: %ld calls, %ld runs with a fault\n", sc->name, total, fired);
}
END_TEST

/* Opening fails cleanly too: a fault while opening an existing store gives NULL and a
 * message (or a store that works), and the store opens whole once the fault is gone. */
START_TEST(test_opening_under_a_fault_fails_cleanly)
{
    const scenario_t *sc = &scenarios[_i];
    world_t w;
    world_new(&w);
    store_close(w.st);
    w.st = NULL;
    snprintf(w.ctx, sizeof w.ctx, "opening, %s", sc->name);
    fv_arm(sc->mask, LONG_MAX, sc->code, 0);
    w.st = open_store(&w);
    long total = fv_calls();
    fv_disarm();
    store_close(w.st);
    w.st = NULL;
    for (long nth = 1; nth <= total; nth++) {
        char err[256] = "";
        fv_arm(sc->mask, nth, sc->code, sc->persist);
        store_t *st = store_open(th_path(w.dir, "db"), TH_DIM, TH_ENCODER, err, sizeof err);
        fv_disarm();
        ck_assert_msg(st || err[0], "%s, N = %ld: NULL without a message", w.ctx, nth);
        store_close(st);
        check_integrity(&w);
        w.st = open_store(&w);
        char *t = text_of(&w, w.a1, NULL, NULL);
        ck_assert_msg(t && !strcmp(t, "base one"), "%s, N = %ld: base one lost", w.ctx, nth);
        free(t);
        store_close(w.st);
        w.st = NULL;
    }
    world_free(&w);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("store-faults");
    TCase *tc = tcase_create("vfs");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 900);
    int n = (int)(sizeof scenarios / sizeof scenarios[0]);
    tcase_add_loop_test(tc, test_every_operation_fails_cleanly_and_acknowledged_writes_survive,
                        0, n);
    tcase_add_loop_test(tc, test_opening_under_a_fault_fails_cleanly, 0, n);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return th_run(suite());
}
