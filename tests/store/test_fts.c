/* test_fts.c: the bm25 leg and the fusion. The text indexes follow every write (add,
 * change of text, delete, forget, deleting a user) in the same transaction, and after a
 * delete, a forget or a user's deletion no byte of the memory's words is left in them;
 * the word list ranks as FTS5's bm25 does while it reads every posting (by other bm25
 * constants when it is given them), and past its budget of postings the rarest words
 * choose the memories scored (a query of only common words still finds some); each user's
 * postings and word scores are the user's own (another user's memories neither use up
 * the budget nor change the scores, and never come back); a search with text fuses the two lists by the sum of their
 * min-max normalized scores (each list as deep as the query's depth), a candidate gains
 * a share of its conversation neighbours' when asked to, and prefer_recent adds recency
 * as a third. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "store/store_internal.h"

static char err[256];

/* The ids of user's best k (at most 8) for text through legs, best first. */
static int search(const char *user, const char *text, int legs, int prefer, int64_t *ids,
                  store_hit_t *out)
{
    float q[TH_DIM] = {1};
    store_hit_t hits[8];
    store_query_t sq = {.user = user, .vec = q, .k = 8, .text = text, .legs = legs,
                        .prefer_recent = prefer};
    int n = 0;
    ck_assert_int_eq(store_search(th_st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    for (int i = 0; i < n; i++) {
        ids[i] = hits[i].mem.id;
        if (out)
            out[i] = (store_hit_t){.mem = {.id = hits[i].mem.id}, .score = hits[i].score,
                                   .cosine = hits[i].cosine, .rank_bm25 = hits[i].rank_bm25,
                                   .rank_dense = hits[i].rank_dense,
                                   .rank_recency = hits[i].rank_recency,
                                   .context = hits[i].context};
    }
    store_hits_clear(hits, n);
    return n;
}

/* Rows of the FTS shadow tables (both indexes, their data and term index) whose bytes
 * hold needle: what a reader of the database file could still find. */
static long long traces(const char *needle)
{
    static const char *const sql[] = {
        "SELECT count(*) FROM memories_fts_data WHERE instr(block, ?1) > 0",
        "SELECT count(*) FROM memories_fts_idx WHERE instr(term, ?1) > 0",
        "SELECT count(*) FROM memories_cjk_data WHERE instr(block, ?1) > 0",
        "SELECT count(*) FROM memories_cjk_idx WHERE instr(term, ?1) > 0",
    };
    sqlite3 *db;
    long long n = 0;
    ck_assert_int_eq(sqlite3_open(th_path(th_dirname, "db"), &db), SQLITE_OK);
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
        sqlite3_stmt *s;
        ck_assert_int_eq(sqlite3_prepare_v2(db, sql[i], -1, &s, NULL), SQLITE_OK);
        sqlite3_bind_blob(s, 1, needle, (int)strlen(needle), SQLITE_STATIC);
        ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
        n += sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return n;
}

START_TEST(test_bm25_leg_finds_added_words_and_follows_a_new_text)
{
    int64_t ids[8];
    int64_t a = th_add(th_st, "alice", "My dog Rex plays the xylophone", 1);
    th_add(th_st, "alice", "The weather is nice", 2);
    th_add(th_st, "bob", "Bob also has a xylophone", 3);
    ck_assert_int_eq(search("alice", "who plays xylophone?", STORE_LEG_BM25, 0, ids, NULL), 1);
    ck_assert_int_eq(ids[0], a);

    float v[TH_DIM] = {0, 1};
    ck_assert_int_eq(store_memory_update(th_st, a, "My dog Rex plays the banjo", v, -1, err,
                                         sizeof err), STORE_OK);
    ck_assert_int_eq(search("alice", "xylophone", STORE_LEG_BM25, 0, ids, NULL), 0);
    ck_assert_int_eq(search("alice", "banjo", STORE_LEG_BM25, 0, ids, NULL), 1);
    ck_assert_int_eq(ids[0], a);
}
END_TEST

START_TEST(test_bm25_leg_reads_cjk_by_three_characters)
{
    int64_t ids[8];
    int64_t a = th_add(th_st, "alice", "我的狗叫旺财", 1);
    th_add(th_st, "alice", "我住在北京", 2);
    ck_assert_int_eq(search("alice", "我的狗叫什么？", STORE_LEG_BM25, 0, ids, NULL), 1);
    ck_assert_int_eq(ids[0], a);
}
END_TEST

/* FTS5's own ranking of memories_fts for expr, best first, at most 8, as memory ids
 * (a row's key less its user's first key: the store holds one user here). */
static int fts5_rank(const char *expr, int64_t *ids)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    int n = 0;
    ck_assert_int_eq(sqlite3_open(th_path(th_dirname, "db"), &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT rowid - (SELECT n << "
                                            STORE_STR(STORE_FTS_KEY_BITS) " FROM memory_users)"
                                            " FROM memories_fts WHERE memories_fts"
                                            " MATCH ?1 ORDER BY rank, rowid DESC LIMIT 8",
                                        -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
    while (sqlite3_step(s) == SQLITE_ROW)
        ids[n++] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

START_TEST(test_word_list_ranks_as_fts5_bm25_while_it_reads_every_posting)
{
    /* Each memory a different length, so no two score alike. */
    for (int i = 0; i < 24; i++) {
        char text[512];
        int len = snprintf(text, sizeof text, "%s%s%s%s", i % 2 ? "" : "dog ",
                           i % 3 ? "" : "park ", i % 5 ? "" : "rex ", i % 7 ? "" : "dog ");
        for (int j = 0; j <= i; j++)
            len += snprintf(text + len, sizeof text - (size_t)len, "filler%dx%d ", i, j);
        th_add(th_st, "alice", text, (uint64_t)i + 1);
    }
    int64_t ours[8], ref[8];
    int n = search("alice", "Dogs in the park, Rex!", STORE_LEG_BM25, 0, ours, NULL);
    ck_assert_int_eq(n, 8);
    ck_assert_int_eq(fts5_rank("\"dog\" OR \"park\" OR \"rex\"", ref), 8);
    for (int i = 0; i < n; i++)
        ck_assert_int_eq(ours[i], ref[i]);
}
END_TEST

/* store_set_bm25: at FTS5's constants a short memory naming the word once beats a long
 * one naming it twice; with b = 0 length no longer counts and the two mentions win.
 * Constants out of range are refused and change nothing. */
START_TEST(test_bm25_b_sets_how_much_a_memorys_length_counts)
{
    char text[512];
    int len = snprintf(text, sizeof text, "dog dog");
    for (int j = 0; j < 40; j++)
        len += snprintf(text + len, sizeof text - (size_t)len, " filler%d", j);
    int64_t lng = th_add(th_st, "alice", text, 1);
    int64_t shrt = th_add(th_st, "alice", "dog", 2);
    for (int i = 0; i < 4; i++)
        th_add(th_st, "alice", "the cat sleeps", (uint64_t)i + 3);   /* dog's idf above 0 */
    int64_t ids[8];
    ck_assert_int_eq(search("alice", "dog", STORE_LEG_BM25, 0, ids, NULL), 2);
    ck_assert_int_eq(ids[0], shrt);
    ck_assert_int_eq(store_set_bm25(th_st, 0, 0.4), STORE_EINVAL);
    ck_assert_int_eq(store_set_bm25(th_st, 1.2, 1.5), STORE_EINVAL);
    ck_assert_int_eq(store_set_bm25(th_st, 1.2, -0.1), STORE_EINVAL);
    ck_assert_int_eq(search("alice", "dog", STORE_LEG_BM25, 0, ids, NULL), 2);
    ck_assert_int_eq(ids[0], shrt);
    ck_assert_int_eq(store_set_bm25(th_st, 1.2, 0), STORE_OK);
    ck_assert_int_eq(search("alice", "dog", STORE_LEG_BM25, 0, ids, NULL), 2);
    ck_assert_int_eq(ids[0], lng);
    ck_assert_int_eq(ids[1], shrt);
}
END_TEST

START_TEST(test_word_list_finds_the_users_memories_in_every_block_of_the_index)
{
    ck_assert_int_eq(index_set_block_rows(th_st->ix, 16), 0);   /* 40 rows: 3 blocks */
    int64_t mine[40];
    for (int i = 0; i < 40; i++) {
        mine[i] = th_add(th_st, "alice", i % 2 ? "a xylophone lesson" : "xylophone", 1);
        th_add(th_st, "bob", "my xylophone", 2);
    }
    float q[TH_DIM] = {1};
    store_hit_t hits[50];
    store_query_t sq = {.user = "alice", .vec = q, .k = 50, .text = "xylophone",
                        .legs = STORE_LEG_BM25};
    int n = 0, seen = 0;
    ck_assert_int_eq(store_search(th_st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 40);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 40; j++)
            seen += hits[i].mem.id == mine[j];
    ck_assert_int_eq(seen, 40);
    store_hits_clear(hits, n);
}
END_TEST

START_TEST(test_a_query_of_only_common_words_still_finds)
{
    int64_t ids[8], first = 0;
    store_fts_set_budget(th_st, 4);     /* fewer postings than any word here has */
    for (int i = 0; i < 12; i++) {
        int64_t id = th_add(th_st, "alice", i % 2 ? "my dog likes the cat" : "the cat sees my dog",
                            (uint64_t)i + 1);
        first = first ? first : id;
    }
    th_add(th_st, "alice", "the weather is nice", 99);
    int n = search("alice", "dogs, cats", STORE_LEG_BM25, 0, ids, NULL);
    ck_assert_int_eq(n, 4);             /* the newest that its least common word holds */
    for (int i = 0; i < n; i++)
        ck_assert_int_ge(ids[i], first + 8);
}
END_TEST

START_TEST(test_a_rare_word_decides_past_the_budget)
{
    int64_t ids[8];
    int64_t rex = th_add(th_st, "alice", "My dog is called Rex", 1);
    for (int i = 0; i < 12; i++)
        th_add(th_st, "alice", "my dog likes the park", (uint64_t)i + 2);
    th_add(th_st, "bob", "Rex is bob's dog too", 50);
    store_fts_set_budget(th_st, 4);
    ck_assert_int_eq(search("alice", "what is my dog called? Rex", STORE_LEG_BM25, 0, ids,
                            NULL), 1);  /* only "called" and "rex" were read */
    ck_assert_int_eq(ids[0], rex);
    store_fts_set_budget(th_st, 0);     /* the default reads every posting here */
    ck_assert_int_eq(search("alice", "what is my dog called? Rex", STORE_LEG_BM25, 0, ids,
                            NULL), 8);
    ck_assert_int_eq(ids[0], rex);
}
END_TEST

/* The budget of postings counts the user's alone: another user's newer memories holding
 * the same words no longer use it up before the user's own are read. */
START_TEST(test_other_users_postings_do_not_use_up_the_users_budget)
{
    int64_t ids[8];
    int64_t mine = th_add(th_st, "alice", "my dog likes the park", 1);
    for (int i = 0; i < 12; i++)
        th_add(th_st, "bob", "my dog likes the park too", (uint64_t)i + 2);
    store_fts_set_budget(th_st, 4);
    ck_assert_int_eq(search("alice", "dog park", STORE_LEG_BM25, 0, ids, NULL), 1);
    ck_assert_int_eq(ids[0], mine);
}
END_TEST

/* A user's word scores are the user's own: the same whatever other users hold (their
 * document counts no longer enter the idf), and the same as in a store of that user
 * alone. Mean memory length is the one figure taken over everyone, so bob's memories
 * are as long as alice's here. */
START_TEST(test_a_users_word_scores_do_not_depend_on_other_users)
{
    int64_t ids[8], again[8];
    store_hit_t hits[8], after[8];
    th_add(th_st, "alice", "my dog rex runs", 1);      /* four words each */
    th_add(th_st, "alice", "the cat sleeps today", 2);
    th_add(th_st, "alice", "rex is a beagle", 3);
    th_add(th_st, "alice", "i live in lisbon", 4);
    th_add(th_st, "alice", "we went to porto", 5);
    th_add(th_st, "alice", "coffee every single morning", 6);
    int n = search("alice", "rex the dog", STORE_LEG_BM25, 0, ids, hits);
    ck_assert_int_eq(n, 3);
    for (int i = 0; i < 40; i++)
        th_add(th_st, "bob", i % 2 ? "rex rex rex rex" : "the dog the dog", (uint64_t)i + 7);
    ck_assert_int_eq(search("alice", "rex the dog", STORE_LEG_BM25, 0, again, after), n);
    for (int i = 0; i < n; i++) {
        ck_assert_int_eq(again[i], ids[i]);
        ck_assert_double_eq(after[i].score, hits[i].score);
    }
}
END_TEST

/* Neither list returns another user's memory, though users' keys are adjacent ranges and
 * every memory here holds the words and characters asked for. */
START_TEST(test_bm25_leg_never_returns_another_users_memory)
{
    int64_t mine[3];
    for (int i = 0; i < 3; i++) {
        th_add(th_st, "bob", "xylophone 我的狗叫旺财", (uint64_t)i + 1);
        mine[i] = th_add(th_st, "alice", "xylophone 我的狗叫旺财", (uint64_t)i + 10);
        th_add(th_st, "carol", "xylophone 我的狗叫旺财", (uint64_t)i + 20);
    }
    static const char *const q[] = {"xylophone", "我的狗叫什么", "xylophone 我的狗"};
    for (size_t k = 0; k < sizeof q / sizeof *q; k++) {
        int64_t ids[8];
        int n = search("alice", q[k], STORE_LEG_BM25, 0, ids, NULL);
        ck_assert_int_eq(n, 3);
        for (int i = 0; i < n; i++)
            ck_assert(ids[i] == mine[0] || ids[i] == mine[1] || ids[i] == mine[2]);
    }
}
END_TEST

/* The text indexes' users: a user gets a number with a first memory and loses it with
 * the last, so a user deleted leaves no name there. */
static long long fts_users_named(const char *user)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_open(th_path(th_dirname, "db"), &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM memory_users WHERE user = ?1",
                                        -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_text(s, 1, user, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
    long long n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

START_TEST(test_delete_leaves_nothing_in_the_text_indexes)
{
    int64_t a = th_add(th_st, "alice", "My xylophone teacher is called Quokkaberg", 1);
    int64_t b = th_add(th_st, "alice", "我的狗叫旺财", 2);
    th_add(th_st, "alice", "Something else entirely", 3);
    ck_assert_int_gt(traces("quokkaberg"), 0);
    ck_assert_int_gt(traces("旺财"), 0);
    ck_assert_int_eq(store_memory_delete(th_st, a), STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, b), STORE_OK);
    ck_assert_int_eq(traces("quokkaberg"), 0);
    ck_assert_int_eq(traces("xylophon"), 0);
    ck_assert_int_eq(traces("旺财"), 0);
    int64_t ids[8];
    ck_assert_int_eq(search("alice", "something", STORE_LEG_BM25, 0, ids, NULL), 1);
}
END_TEST

START_TEST(test_a_new_text_then_a_delete_leaves_neither_text)
{
    int64_t a = th_add(th_st, "alice", "I collect Quokkaberg stamps", 1);
    float v[TH_DIM] = {0, 1};
    ck_assert_int_eq(store_memory_update(th_st, a, "I collect Zebrafold coins", v, -1, err,
                                         sizeof err), STORE_OK);
    ck_assert_int_eq(store_memory_delete(th_st, a), STORE_OK);
    ck_assert_int_eq(traces("quokkaberg"), 0);
    ck_assert_int_eq(traces("zebrafold"), 0);
}
END_TEST

START_TEST(test_forget_leaves_nothing_in_the_text_indexes)
{
    int64_t a = th_add(th_st, "alice", "My PIN is Quokkaberg", 1);
    int64_t b = th_add(th_st, "alice", "My PIN is Zebrafold", 2);
    ck_assert_int_eq(store_memory_supersede(th_st, a, b, err, sizeof err), STORE_OK);
    ck_assert_int_eq(store_memory_forget(th_st, &b, 1, err, sizeof err), STORE_OK);
    ck_assert_int_eq(traces("quokkaberg"), 0);
    ck_assert_int_eq(traces("zebrafold"), 0);
}
END_TEST

START_TEST(test_user_delete_leaves_nothing_in_the_text_indexes)
{
    th_add(th_st, "alice", "Alice loves Quokkaberg", 1);
    th_add(th_st, "alice", "爱丽丝住在旺财村", 2);
    int64_t b = th_add(th_st, "bob", "Bob loves Zebrafold", 3);
    int64_t removed = 0;
    ck_assert_int_eq(store_user_delete(th_st, "alice", &removed), STORE_OK);
    ck_assert_int_eq(removed, 2);
    ck_assert_int_eq(traces("quokkaberg"), 0);
    ck_assert_int_eq(traces("旺财"), 0);
    ck_assert_int_eq(fts_users_named("alice"), 0);
    ck_assert_int_eq(fts_users_named("bob"), 1);
    int64_t ids[8];
    ck_assert_int_eq(search("bob", "zebrafold", STORE_LEG_BM25, 0, ids, NULL), 1);
    ck_assert_int_eq(ids[0], b);
    th_add(th_st, "alice", "Alice is back with Quokkaberg", 4);     /* a new number */
    ck_assert_int_eq(search("alice", "quokkaberg", STORE_LEG_BM25, 0, ids, NULL), 1);
    ck_assert_int_eq(search("bob", "quokkaberg", STORE_LEG_BM25, 0, ids, NULL), 0);
}
END_TEST

/* Memories with chosen vectors and times: the query vector is e0. */
static int64_t put(const char *user, const char *text, float x, float y, int64_t created)
{
    float v[TH_DIM] = {x, y};
    store_new_memory_t m = {.user = user, .text = text, .vec = v, .dim = TH_DIM,
                            .importance = -1, .created_ms = created};
    int64_t id;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof err), STORE_OK);
    return id;
}

START_TEST(test_fusion_sums_each_lists_min_max_normalized_scores)
{
    int64_t a = put("alice", "apples and pears", 1, 0, 1000);          /* dense 1 alone */
    int64_t b = put("alice", "the beagle rex", 0.6f, 0.8f, 2000);       /* dense 2, bm25 1 */
    int64_t c = put("alice", "rex", 0.2f, 1, 3000);                     /* dense 3, bm25 2 */
    int64_t d = put("alice", "a beagle and many other friends of ours", 0, 1, 4000);
    int64_t ids[8];
    store_hit_t h[8];
    ck_assert_int_eq(search("alice", "beagle rex", 0, 0, ids, h), 4);
    /* dense cosines 1, 0.6, 0.196 span [0.196, 1]; bm25 ranks b, then c, then d (one
     * word in a long text) */
    ck_assert_int_eq(ids[0], b);
    ck_assert_int_eq(ids[1], a);
    ck_assert_int_eq(h[0].rank_bm25, 1);
    ck_assert_int_eq(h[0].rank_dense, 2);
    double lo = h[0].cosine, hi = 0;
    for (int i = 0; i < 4; i++) {
        if (ids[i] == a) hi = h[i].cosine;
        if (ids[i] == c) lo = h[i].cosine;
    }
    ck_assert_double_eq_tol(hi, 1.0, 1e-5);
    /* b: the first of bm25 (1) and 0.6 of the way down the dense span; a: the first of
     * the dense list alone, whatever its margin over the rest */
    ck_assert_double_eq_tol(h[0].score, 1 + (h[0].cosine - lo) / (hi - lo), 1e-5);
    ck_assert_double_eq_tol(h[1].score, 1.0, 1e-6);
    ck_assert_int_eq(h[1].rank_bm25, 0);
    /* d is the last of bm25 and in no other list: 0, yet still a hit */
    ck_assert_int_eq(ids[3], d);
    ck_assert_int_eq(h[3].rank_bm25, 3);
    ck_assert_int_eq(h[3].rank_dense, 0);
    ck_assert_double_eq_tol(h[3].score, 0.0, 1e-6);
    ck_assert_int_eq(ids[2], c);
    ck_assert(h[2].score > 0 && h[2].score < 1);  /* dense last (0) and between in bm25 */

    /* Each leg alone. */
    ck_assert_int_eq(search("alice", "beagle rex", STORE_LEG_DENSE, 0, ids, NULL), 3);
    ck_assert_int_eq(ids[0], a);
    ck_assert_int_eq(search("alice", "beagle rex", STORE_LEG_BM25, 0, ids, NULL), 3);
    ck_assert_int_eq(ids[0], b);
}
END_TEST

static int64_t put_in(const char *user, const char *conv, const char *text, float x, float y)
{
    float v[TH_DIM] = {x, y};
    store_new_memory_t m = {.user = user, .conversation = conv, .text = text, .vec = v,
                            .dim = TH_DIM, .importance = -1};
    int64_t id;
    ck_assert_int_eq(store_memory_add(th_st, &m, 1, &id, err, sizeof err), STORE_OK);
    return id;
}

/* store_set_context_weight: the reply written just after the turn that matches the
 * query's words overtakes a weaker candidate that has no matching neighbour, by w times
 * its neighbour's sum of lists (its context); another user's write between them does not part them;
 * one list alone is not changed; weights outside [0, 1] are refused. Dense cosines with
 * the query (1, 0): apples 1, weather 0.6, reply 0.5 (span [0.5, 1]); the question is
 * the bm25 list alone; the fillers are in neither list. */
START_TEST(test_context_lifts_a_reply_through_the_turn_before_it)
{
    int64_t weather = put_in("alice", NULL, "the weather is nice", 0.6f, 0.8f);
    put_in("alice", NULL, "filler one", 0, 1);
    int64_t question = put_in("alice", NULL, "what do you do to relax?", 0, 1);
    put_in("bob", NULL, "bob relaxes too", 0, 1);
    int64_t reply = put_in("alice", NULL, "I run far, it clears my head", 0.5f, 0.866f);
    put_in("alice", NULL, "filler two", 0, 1);
    int64_t apples = put_in("alice", NULL, "apples", 1, 0);
    int64_t ids[8];
    store_hit_t h[8];
    ck_assert_int_eq(search("alice", "relax", 0, 0, ids, h), 4);
    ck_assert_int_eq(ids[2], weather);          /* 0.2 against 0 */
    ck_assert_int_eq(ids[3], reply);
    ck_assert_int_eq(store_set_context_weight(th_st, -0.1f), STORE_EINVAL);
    ck_assert_int_eq(store_set_context_weight(th_st, 1.5f), STORE_EINVAL);
    ck_assert_int_eq(store_set_context_weight(th_st, 0.5f), STORE_OK);
    ck_assert_int_eq(search("alice", "relax", 0, 0, ids, h), 4);
    ck_assert_int_eq(ids[0], apples);           /* 1, newer than the question's 1 */
    ck_assert_int_eq(ids[1], question);
    ck_assert_int_eq(ids[2], reply);            /* 0 + 0.5 x the question's 1 */
    ck_assert_double_eq_tol(h[2].score, 0.5, 1e-3);
    ck_assert_double_eq_tol(h[2].context, 0.5, 1e-6);
    ck_assert_int_eq(ids[3], weather);          /* its neighbours are in no list */
    ck_assert_double_eq_tol(h[3].score, 0.2, 1e-3);
    ck_assert_double_eq_tol(h[3].context, 0.0, 1e-9);
    ck_assert_int_eq(search("alice", "relax", STORE_LEG_DENSE, 0, ids, NULL), 3);
    ck_assert_int_eq(ids[1], weather);
    ck_assert_int_eq(ids[2], reply);
}
END_TEST

/* A memory's neighbours are its conversation's: a matching turn written just before it
 * in another conversation lends it nothing, and a memory of another conversation written
 * between two of one conversation does not part them. */
START_TEST(test_context_stays_within_a_conversation)
{
    ck_assert_int_eq(store_set_context_weight(th_st, 0.5f), STORE_OK);
    int64_t weather = put_in("alice", "c1", "the weather is nice", 0.6f, 0.8f);
    put_in("alice", "c1", "filler one", 0, 1);
    put_in("alice", "c2", "what do you do to relax?", 0, 1);
    int64_t reply = put_in("alice", "c1", "I run far, it clears my head", 0.5f, 0.866f);
    put_in("alice", "c1", "filler two", 0, 1);
    put_in("alice", NULL, "apples", 1, 0);
    int64_t ids[8];
    ck_assert_int_eq(search("alice", "relax", 0, 0, ids, NULL), 4);
    ck_assert_int_eq(ids[2], weather);
    ck_assert_int_eq(ids[3], reply);
    int64_t question = put_in("alice", "c2", "how do you relax after work?", 0, 1);
    put_in("alice", "c1", "the weather again", 0, 1);
    int64_t reply2 = put_in("alice", "c2", "a long walk", 0.5f, 0.866f);
    ck_assert_int_eq(search("alice", "relax", 0, 0, ids, NULL), 6);
    ck_assert_int_ne(ids[0], reply2);
    int at = -1, at_weather = -1;
    for (int i = 0; i < 6; i++) {
        at = ids[i] == reply2 ? i : at;
        at_weather = ids[i] == weather ? i : at_weather;
    }
    ck_assert_int_ge(at, 0);
    ck_assert_int_lt(at, at_weather);           /* lifted by its question */
    (void)question;
}
END_TEST

/* The length pivot (store_set_length_pivot): a row with more nonzero dimensions and a
 * lower cosine overtakes a row of one dimension in a search with text, never in one
 * without, and not at all while the pivot is 0. */
START_TEST(test_the_length_pivot_lifts_longer_rows_in_searches_with_text)
{
    float vs[TH_DIM] = {1}, vl[TH_DIM] = {0.6f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f};
    store_new_memory_t m[2] = {
        {.user = "alice", .text = "wow", .vec = vs, .dim = TH_DIM, .importance = -1},
        {.user = "alice", .text = "a long turn", .vec = vl, .dim = TH_DIM, .importance = -1},
    };
    int64_t id[2];
    ck_assert_int_eq(store_memory_add(th_st, m, 2, id, err, sizeof err), STORE_OK);
    int64_t ids[8];
    ck_assert_int_eq(search("alice", "zzz", STORE_LEG_DENSE, 0, ids, NULL), 2);
    ck_assert_int_eq(ids[0], id[0]);                /* no pivot: the cosine's order */
    ck_assert_int_eq(store_set_length_pivot(th_st, -1), STORE_EINVAL);
    ck_assert_int_eq(store_set_length_pivot(th_st, 4), STORE_OK);
    /* 1 * sqrt(1 / 5) = 0.45 against 0.60 * sqrt(8 / 12) = 0.49 */
    ck_assert_int_eq(search("alice", "zzz", STORE_LEG_DENSE, 0, ids, NULL), 2);
    ck_assert_int_eq(ids[0], id[1]);
    float q[TH_DIM] = {1};
    store_hit_t hits[2];
    int n = 0;
    store_query_t sq = {.user = "alice", .vec = q, .k = 2};     /* no text: cosine */
    ck_assert_int_eq(store_search(th_st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(hits[0].mem.id, id[0]);
    store_hits_clear(hits, n);
    /* rows whose lexical part is all zero (a lexical weight of 0) keep their scores */
    ck_assert_int_eq(store_set_lexical_dims(th_st, 1), STORE_OK);
    float vz[TH_DIM] = {0, 1};
    store_new_memory_t z = {.user = "bob", .text = "no sketch", .vec = vz, .dim = TH_DIM,
                            .importance = -1};
    ck_assert_int_eq(store_memory_add(th_st, &z, 1, id, err, sizeof err), STORE_OK);
    float qz[TH_DIM] = {0, 1};
    store_query_t zq = {.user = "bob", .vec = qz, .k = 2, .text = "zzz", .legs = STORE_LEG_DENSE};
    ck_assert_int_eq(store_search(th_st, &zq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_float_eq_tol(hits[0].cosine, 1.0f, 1e-5f);
    store_hits_clear(hits, n);
}
END_TEST

/* A query of English and CJK: the bm25 list interleaves the word list and the CJK list,
 * each in its own order, and is normalized over its whole span (each score in [0, 1],
 * its best 1 and its worst 0), whichever list holds them. */
START_TEST(test_fusion_normalizes_the_bm25_list_over_words_and_cjk_alike)
{
    for (int i = 0; i < 6; i++)     /* words the query does not hold, so beagle is rare */
        put("alice", "we cooked pasta and watched a film", 0, 1, 100 + i);
    put("alice", "a beagle and many other friends of ours came to the park today", 0, 1, 1000);
    put("alice", "爱丽丝住在旺财村", 0, 1, 2000);
    put("alice", "the beagle slept while we walked along the river for an hour or two", 0, 1,
        3000);
    int64_t ids[8];
    store_hit_t h[8];
    ck_assert_int_eq(search("alice", "beagle 住在旺财", 0, 0, ids, h), 3);
    int ones = 0, zeros = 0;
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(h[i].rank_dense, 0);       /* cosine 0: bm25 alone */
        ck_assert_msg(h[i].score >= -1e-6f && h[i].score <= 1 + 1e-6f, "score %g", h[i].score);
        ones += h[i].score > 1 - 1e-6f;
        zeros += h[i].score < 1e-6f;
    }
    ck_assert_int_eq(ones, 1);
    ck_assert_int_eq(zeros, 1);
}
END_TEST

/* depth bounds what each leg offers (never below k): with one candidate each, a memory
 * the bm25 list ranks second no longer adds to its dense first place, and the tie with
 * the bm25 list's first goes to the newer memory; with two, it is in both lists again. */
START_TEST(test_depth_bounds_each_lists_candidates)
{
    int64_t a = put("alice", "the beagle is called rex", 1, 0, 1000);   /* dense 1, bm25 2 */
    put("alice", "rex likes bones", 0.9f, 0.1f, 2000);                  /* dense 2, bm25 3 */
    int64_t d = put("alice", "beagle beagle rex", 0, 1, 4000);          /* bm25 1 */
    float q[TH_DIM] = {1};
    store_hit_t hits[2];
    int n = 0;
    store_query_t sq = {.user = "alice", .vec = q, .k = 1, .text = "beagle rex"};
    ck_assert_int_eq(store_search(th_st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(hits[0].mem.id, a);
    ck_assert_int_eq(hits[0].rank_bm25, 2);
    store_hits_clear(hits, n);
    sq.depth = 1;
    ck_assert_int_eq(store_search(th_st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(hits[0].mem.id, d);
    ck_assert_int_eq(hits[0].rank_bm25, 1);
    ck_assert_int_eq(hits[0].rank_dense, 0);
    store_hits_clear(hits, n);
    sq.k = 2;                   /* a depth below k reads k */
    ck_assert_int_eq(store_search(th_st, &sq, 1, hits, &n, err, sizeof err), STORE_OK);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(hits[1].mem.id, a);    /* 1 + 0 (the last of two in bm25): d's 1 */
    ck_assert_int_eq(hits[1].rank_bm25, 2);
    ck_assert_int_eq(hits[1].rank_dense, 1);
    ck_assert_int_eq(hits[0].mem.id, d);
    store_hits_clear(hits, n);
}
END_TEST

START_TEST(test_prefer_recent_lifts_the_newer_of_two_close_memories)
{
    int64_t old = put("alice", "my car is red", 1, 0.1f, 1000);
    int64_t nu = put("alice", "my car is blue", 1, 0.2f, 2000);
    int64_t ids[8];
    ck_assert_int_eq(search("alice", "paint", STORE_LEG_DENSE, 0, ids, NULL), 2);
    ck_assert_int_eq(ids[0], old);
    ck_assert_int_eq(search("alice", "paint", STORE_LEG_DENSE, 1, ids, NULL), 2);
    ck_assert_int_eq(ids[0], nu);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fts");
    TCase *tc = tcase_create("fts");
    tcase_add_checked_fixture(tc, th_store_setup, th_store_teardown);
    tcase_add_test(tc, test_bm25_leg_finds_added_words_and_follows_a_new_text);
    tcase_add_test(tc, test_bm25_leg_reads_cjk_by_three_characters);
    tcase_add_test(tc, test_word_list_ranks_as_fts5_bm25_while_it_reads_every_posting);
    tcase_add_test(tc, test_bm25_b_sets_how_much_a_memorys_length_counts);
    tcase_add_test(tc, test_word_list_finds_the_users_memories_in_every_block_of_the_index);
    tcase_add_test(tc, test_a_query_of_only_common_words_still_finds);
    tcase_add_test(tc, test_a_rare_word_decides_past_the_budget);
    tcase_add_test(tc, test_other_users_postings_do_not_use_up_the_users_budget);
    tcase_add_test(tc, test_a_users_word_scores_do_not_depend_on_other_users);
    tcase_add_test(tc, test_bm25_leg_never_returns_another_users_memory);
    tcase_add_test(tc, test_delete_leaves_nothing_in_the_text_indexes);
    tcase_add_test(tc, test_a_new_text_then_a_delete_leaves_neither_text);
    tcase_add_test(tc, test_forget_leaves_nothing_in_the_text_indexes);
    tcase_add_test(tc, test_user_delete_leaves_nothing_in_the_text_indexes);
    tcase_add_test(tc, test_fusion_sums_each_lists_min_max_normalized_scores);
    tcase_add_test(tc, test_fusion_normalizes_the_bm25_list_over_words_and_cjk_alike);
    tcase_add_test(tc, test_depth_bounds_each_lists_candidates);
    tcase_add_test(tc, test_the_length_pivot_lifts_longer_rows_in_searches_with_text);
    tcase_add_test(tc, test_context_lifts_a_reply_through_the_turn_before_it);
    tcase_add_test(tc, test_context_stays_within_a_conversation);
    tcase_add_test(tc, test_prefer_recent_lifts_the_newer_of_two_close_memories);
    suite_add_tcase(s, tc);
    return th_run(s);
}
