/* test_chat.c: the chat turn against the real mnemod with a small model trained here,
 * in-process, on generated personal-fact conversations (model/persona.h). The tests rely
 * only on what such a model learns reliably, and what main checks before any test runs:
 * a statement is acknowledged ("got it", said "Got it.") and a question is not. Covered: statements
 * written and readable, questions not stored, attention per earlier exchange (and kept
 * with the turns, read back later), working memory restored after a restart, the fused
 * search's score_breakdown on retrieved memories, supersession with history,
 * near-duplicates updating, the conversation routes and their users (each user's "main"
 * is their own), the list of a user's conversations, the OpenAI-compatible route running the same turn, bad bodies,
 * a corrupt or missing model file stopping mnemod, and chat without a model. */
#include "tests/integration/harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "model/data.h"
#include "model/model.h"
#include "model/persona.h"
#include "model/trainer.h"

#define ALICE "alice-secret-0123456789"
#define BOB "bob-secret-9876543210"
#define ADMIN "admin-secret-abcdefabcdef"
#define TOKENS "token = alice:" ALICE "\ntoken = bob:" BOB "\nadmin_token = " ADMIN "\n"

static char model_dir[256], model_path[320];   /* set by main before any test */
static h_daemon_t D;

/* ---- the model ------------------------------------------------------------------- */

/* Statements every test sends, and questions: main checks the model acknowledges the
 * first and not the second, alone and after the others. */
static const char *const probe_statements[] = {
    "My dog is called Rex.", "My dog is called Max.", "I live in Paris.",
    "I live in Berlin.", "My cat is called Tom.", "My sister is called Anna.",
};
static const char *const probe_questions[] = {
    "What is my dog called?", "Where do I live?", "What is my cat called?",
};
#define NPROBE_S (sizeof probe_statements / sizeof *probe_statements)
#define NPROBE_Q (sizeof probe_questions / sizeof *probe_questions)

/* Trains a small model on stories generated with seed into path. 0 or -1. */
static int train_model(const char *path, uint64_t seed, int stories, int epochs)
{
    char err[512], data[400];
    snprintf(data, sizeof data, "%s/persona.txt", model_dir);
    FILE *f = fopen(data, "w");
    if (!f) return -1;
    for (int i = 0; i < stories; i++) {
        persona_story_t st;
        if (persona_story_make(&st, seed, i, PERSONA_TRAIN) || persona_render(&st, f)) {
            fclose(f);
            return -1;
        }
        persona_story_free(&st);
    }
    fclose(f);

    int rc = -1;
    babi_corpus_t *c = babi_corpus_new();
    vocab_t *v = vocab_new();
    babi_set_t tr = {0}, va = {0};
    if (!c || !v) goto out;
    babi_corpus_set_ack(c, 1);      /* every statement is taught the acknowledgement */
    if (babi_read_file(c, data, err, sizeof err) || babi_vocab_build(c, v) < 0) {
        fprintf(stderr, "test_chat: %s\n", err);
        goto out;
    }
    net_cfg_t cfg = {.V = vocab_size(v), .Hb = 32, .D = 16, .A = 16, .S = 16, .J = 12,
                     .T = 6, .hops = 2, .tied = 0};
    if (babi_set_build(&tr, c, v, 0, cfg.Hb, cfg.J, cfg.S) ||
        babi_set_build(&va, c, v, 1, cfg.Hb, cfg.J, cfg.S))
        goto out;
    for (int i = 0; i < tr.n; i++)
        if (tr.nans[i] + 1 > cfg.T) cfg.T = tr.nans[i] + 1;
    trainer_opts_t o;
    trainer_opts_default(&o);
    o.epochs = epochs;
    o.seed = seed;
    o.lr = 0.005f;
    o.warmup = 20;
    o.patience = 0;
    o.progress_s = 0;
    o.out = path;
    trainer_result_t res;
    if (trainer_run(&o, &cfg, v, &tr, &va, NULL, NULL, &res, err, sizeof err)) {
        fprintf(stderr, "test_chat: training: %s\n", err);
        goto out;
    }
    fprintf(stderr, "test_chat: model of %d stories (seed %llu): %d epochs, %.1f s, "
            "validation accuracy %.1f%%\n", stories, (unsigned long long)seed, res.epochs,
            res.seconds, 100.0 * res.best_acc);
    rc = 0;
out:
    babi_set_free(&tr);
    babi_set_free(&va);
    babi_corpus_free(c);
    vocab_free(v);
    unlink(data);
    return rc;
}

/* 1 when the model at path acknowledges every probe statement and no probe question,
 * with the statements before it as slots (as the daemon's working memory gives them). */
static int model_acks_reliably(const char *path)
{
    char err[256], ans[256];
    model_t *m = model_load(path, err, sizeof err);
    if (!m) {
        fprintf(stderr, "test_chat: %s\n", err);
        return 0;
    }
    model_session_t *s = model_session_new(m);
    int ok = s != NULL;
    for (size_t i = 0; ok && i < NPROBE_S; i++) {
        model_answer(s, probe_statements, (int)i, probe_statements[i], NULL, ans, sizeof ans,
                     NULL, NULL, err, sizeof err);
        if (strcmp(ans, PERSONA_ACK) != 0) {
            fprintf(stderr, "test_chat: '%s' -> '%s'\n", probe_statements[i], ans);
            ok = 0;
        }
    }
    for (size_t i = 0; ok && i < NPROBE_Q; i++) {
        model_answer(s, probe_statements, (int)NPROBE_S, probe_questions[i], NULL, ans,
                     sizeof ans, NULL, NULL, err, sizeof err);
        if (strcmp(ans, PERSONA_ACK) == 0) {
            fprintf(stderr, "test_chat: '%s' -> '%s'\n", probe_questions[i], ans);
            ok = 0;
        }
    }
    model_session_free(s);
    model_free(m);
    return ok;
}

/* ---- helpers --------------------------------------------------------------------- */

static void start_with_model(const char *config)
{
    h_init(&D, config);
    snprintf(D.model, sizeof D.model, "%s", model_path);
    h_start(&D);
}

static void setup_open(void) { start_with_model(NULL); }
static void setup_tokens(void) { start_with_model(TOKENS); }

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

/* POST /v1/chat; asserts 200 and returns the reply (caller frees with json_decref). */
static json_t *chat_as(const char *token, const char *user, const char *conv, const char *msg)
{
    h_resp_t r;
    json_t *body = json_pack("{s:s,s:s}", "conversation", conv, "message", msg);
    if (user) json_object_set_new(body, "user", json_string(user));
    h_send(&D, "POST", token, "/v1/chat", body, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *j = json_incref(r.json);
    h_resp_clear(&r);
    return j;
}

static json_t *chat(const char *conv, const char *msg)
{
    return chat_as(NULL, "u1", conv, msg);
}

static const char *str(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static int64_t num(const json_t *o, const char *key)
{
    return json_integer_value(json_object_get(o, key));
}

/* 1 when a reply is the model's acknowledgement, as the agent says it ("Got it." for the
 * network's "got it"). */
static int acked(const char *reply)
{
    size_t n = strlen(PERSONA_ACK);
    return !strncasecmp(reply, PERSONA_ACK, n) && (!reply[n] || !strcmp(reply + n, "."));
}

/* The single id of a reply's "written" (asserting there is one). */
static int64_t written(const json_t *turn)
{
    json_t *w = json_object_get(turn, "written");
    ck_assert_msg(json_array_size(w) == 1, "want one written id: %s",
                  json_dumps(turn, JSON_COMPACT));
    return json_integer_value(json_array_get(w, 0));
}

static json_t *statement(const char *conv, const char *msg)
{
    json_t *t = chat(conv, msg);
    ck_assert_msg(!strcmp(str(t, "kind"), "statement") && acked(str(t, "reply")),
                  "'%s' was not taken as a statement: %s", msg, json_dumps(t, JSON_COMPACT));
    return t;
}

/* Tells a statement; returns the id of the memory it wrote. */
static int64_t stated(const char *conv, const char *msg)
{
    json_t *t = statement(conv, msg);
    int64_t id = written(t);
    json_decref(t);
    return id;
}

static json_t *get_memory(int64_t id, const char *suffix)
{
    char path[96];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories/%lld%s", (long long)id, suffix);
    h_get(&D, NULL, path, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *j = json_incref(r.json);
    h_resp_clear(&r);
    return j;
}

static size_t memory_count(const char *user)
{
    char q[64];
    snprintf(q, sizeof q, "user=%s&limit=500", user);
    json_t *all = h_list_all(&D, NULL, q);
    size_t n = json_array_size(all);
    json_decref(all);
    return n;
}

/* ---- statements and questions --------------------------------------------------- */

START_TEST(test_a_statement_is_acknowledged_and_written)
{
    json_t *t = statement("c1", "My dog is called Rex.");
    ck_assert_str_eq(str(t, "conversation"), "c1");
    ck_assert_int_gt(num(t, "turn"), 0);
    ck_assert_uint_eq(json_array_size(json_object_get(t, "attention")), 0);
    ck_assert_uint_eq(json_array_size(json_object_get(t, "superseded")), 0);
    json_t *m = get_memory(written(t), "");
    ck_assert_str_eq(str(m, "text"), "My dog is called Rex.");
    ck_assert_str_eq(str(m, "user"), "u1");
    ck_assert_str_eq(str(m, "conversation"), "c1");
    json_decref(m);
    json_decref(t);
}
END_TEST

START_TEST(test_a_question_is_answered_but_not_stored)
{
    json_decref(statement("c1", "My dog is called Rex."));
    json_t *t = chat("c1", "What is my dog called?");
    ck_assert_str_eq(str(t, "kind"), "answer");
    ck_assert_msg(!acked(str(t, "reply")), "%s", str(t, "reply"));
    ck_assert_uint_eq(json_array_size(json_object_get(t, "written")), 0);
    ck_assert_uint_eq(memory_count("u1"), 1);
    json_decref(t);
    /* Both turns of both exchanges are in the log. */
    h_resp_t r;
    h_get(&D, NULL, "/v1/conversations/c1?user=u1", &r);
    h_assert_reply(&r, 200, NULL);
    json_t *turns = json_object_get(r.json, "turns");
    ck_assert_uint_eq(json_array_size(turns), 4);
    ck_assert_str_eq(str(json_array_get(turns, 2), "text"), "What is my dog called?");
    ck_assert_str_eq(str(json_array_get(turns, 3), "role"), "assistant");
    h_resp_clear(&r);
}
END_TEST

/* ---- attention and the working memory -------------------------------------------- */

/* Asserts that attention lists the user turns in ids[0..n), with weight 0 where the
 * exchange was not a statement, and returns it. */
static json_t *check_attention(const json_t *t, const int64_t *ids, const int *stmt, size_t n)
{
    json_t *att = json_object_get(t, "attention");
    ck_assert_msg(json_array_size(att) == n, "want %zu attention entries: %s", n,
                  json_dumps(t, JSON_COMPACT));
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(att, i);
        double w = json_number_value(json_object_get(e, "weight"));
        ck_assert_int_eq(num(e, "turn"), ids[i]);
        ck_assert(w >= 0 && w <= 1.0001);
        if (!stmt[i]) ck_assert_double_eq(w, 0);
        sum += w;
    }
    ck_assert(sum <= 1.0001);
    return att;
}

static const char *const conversation[] = {
    "My dog is called Rex.", "What is my dog called?", "I live in Paris.",
    "My sister is called Anna.",
};

START_TEST(test_attention_has_one_entry_per_earlier_exchange)
{
    int64_t ids[8];
    int stmt[8];
    for (size_t i = 0; i < 4; i++) {
        json_t *t = chat("c1", conversation[i]);
        check_attention(t, ids, stmt, i);
        ids[i] = num(t, "turn");
        stmt[i] = !strcmp(str(t, "kind"), "statement");
        json_decref(t);
    }
    ck_assert(stmt[0] && !stmt[1] && stmt[2] && stmt[3]);
    json_t *t = chat("c1", "Where do I live?");
    check_attention(t, ids, stmt, 4);
    /* The statements were the slots: their weights take all the attention. */
    json_t *att = json_object_get(t, "attention");
    double sum = 0;
    for (size_t i = 0; i < 4; i++)
        sum += json_number_value(json_object_get(json_array_get(att, i), "weight"));
    ck_assert_double_eq_tol(sum, 1.0, 1e-3);
    /* Another conversation starts empty. */
    json_t *other = chat("c2", "Where do I live?");
    ck_assert_uint_eq(json_array_size(json_object_get(other, "attention")), 0);
    json_decref(other);
    json_decref(t);
}
END_TEST

START_TEST(test_working_memory_is_restored_after_a_restart)
{
    int64_t ids[8];
    int stmt[8];
    for (size_t i = 0; i < 4; i++) {
        json_t *t = chat("c1", conversation[i]);
        ids[i] = num(t, "turn");
        stmt[i] = !strcmp(str(t, "kind"), "statement");
        json_decref(t);
    }
    json_t *before = chat("c1", "Where do I live?");
    json_t *att_before = check_attention(before, ids, stmt, 4);
    ids[4] = num(before, "turn");
    stmt[4] = 0;

    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    json_t *after = chat("c1", "Where do I live?");
    json_t *att_after = check_attention(after, ids, stmt, 5);
    for (size_t i = 0; i < 4; i++)
        ck_assert_double_eq_tol(
            json_number_value(json_object_get(json_array_get(att_after, i), "weight")),
            json_number_value(json_object_get(json_array_get(att_before, i), "weight")), 1e-5);
    ck_assert_str_eq(str(after, "reply"), str(before, "reply"));
    json_decref(before);
    json_decref(after);
}
END_TEST

/* Each user turn of the conversation, read back later (after a restart too), carries
 * the attention its reply reported, entry for entry; replies carry none (null). */
START_TEST(test_a_conversation_read_later_has_each_turns_attention)
{
    json_t *replies[5];
    for (size_t i = 0; i < 4; i++) replies[i] = chat("c1", conversation[i]);
    replies[4] = chat("c1", "Where do I live?");
    ck_assert_int_eq(h_stop(&D), 0);
    h_start(&D);
    h_resp_t r;
    h_get(&D, NULL, "/v1/conversations/c1?user=u1", &r);
    h_assert_reply(&r, 200, NULL);
    json_t *turns = json_object_get(r.json, "turns");
    ck_assert_uint_eq(json_array_size(turns), 10);
    for (size_t i = 0; i < 5; i++) {
        json_t *mine = json_array_get(turns, 2 * i), *reply = json_array_get(turns, 2 * i + 1);
        json_t *want = json_object_get(replies[i], "attention");
        json_t *got = json_object_get(mine, "attention");
        ck_assert_int_eq(num(mine, "id"), num(replies[i], "turn"));
        ck_assert_msg(json_is_array(got) && json_array_size(got) == i,
                      "turn %zu: want %zu entries: %s", i, i, json_dumps(mine, JSON_COMPACT));
        for (size_t j = 0; j < i; j++) {
            json_t *g = json_array_get(got, j), *w = json_array_get(want, j);
            ck_assert_int_eq(num(g, "turn"), num(w, "turn"));
            ck_assert_double_eq_tol(json_number_value(json_object_get(g, "weight")),
                                    json_number_value(json_object_get(w, "weight")), 1e-6);
        }
        ck_assert(json_is_null(json_object_get(reply, "attention")));
        json_decref(replies[i]);
    }
    h_resp_clear(&r);
}
END_TEST

/* ---- long-term memory: retrieval, supersession, duplicates ---------------------- */

START_TEST(test_memories_are_retrieved_in_another_conversation)
{
    int64_t id = stated("c1", "I live in Paris.");
    json_t *t = chat("c2", "Where do I live?");
    json_t *mems = json_object_get(t, "memories");
    ck_assert_uint_ge(json_array_size(mems), 1);
    json_t *m = json_array_get(mems, 0);
    ck_assert_int_eq(num(m, "id"), id);
    ck_assert_str_eq(str(m, "text"), "I live in Paris.");
    ck_assert(json_number_value(json_object_get(m, "score")) > 0);
    ck_assert(json_number_value(json_object_get(m, "weight")) > 0.5);
    json_decref(t);
}
END_TEST

/* The chat turn retrieves by the fused search of GET /v1/memories?q=: the message's words
 * rank the memory in the bm25 list, its vector in the dense one, and the score is the sum
 * of its normalized scores in them plus what its neighbours lent (the breakdown's
 * context; the two memories were told one after the other: docs/RETRIEVAL.md); a memory
 * that shares no word with the message is no bm25 candidate. */
START_TEST(test_a_chat_memory_has_the_score_breakdown_of_a_search_hit)
{
    int64_t paris = stated("c1", "I live in Paris.");
    int64_t tom = stated("c1", "My cat is called Tom.");
    json_t *t = chat("c2", "Where do I live?");
    json_t *mems = json_object_get(t, "memories"), *m;
    size_t i;
    int seen = 0;
    json_array_foreach(mems, i, m) {
        json_t *b = json_object_get(m, "score_breakdown");
        ck_assert_msg(json_is_object(b), "no score_breakdown: %s", json_dumps(t, JSON_COMPACT));
        json_t *bm25 = json_object_get(b, "bm25"), *dense = json_object_get(b, "dense");
        if (json_is_null(json_object_get(b, "recency")))
            continue;                               /* told in this answer, not retrieved */
        if (num(m, "id") == tom) ck_assert(json_is_null(bm25));
        if (num(m, "id") != paris) continue;
        seen = 1;
        ck_assert_msg(json_is_integer(bm25) && json_integer_value(bm25) >= 1 &&
                      json_is_integer(dense) && json_integer_value(dense) >= 1,
                      "Paris is ranked by both legs: %s", json_dumps(m, JSON_COMPACT));
        /* the sum of its normalized scores in the two lists (1 for the first of each) and
         * its neighbours' share (at most half their sum of 2) */
        json_t *ctx = json_object_get(b, "context");
        ck_assert_msg(json_is_number(ctx), "no context: %s", json_dumps(m, JSON_COMPACT));
        double score = json_number_value(json_object_get(m, "score"));
        double lent = json_number_value(ctx);
        ck_assert_msg(lent >= 0 && lent <= 1 + 1e-5, "context %g", lent);
        ck_assert_msg(score - lent >= -1e-5 && score - lent <= 2 + 1e-5, "score %g", score);
        if (json_integer_value(bm25) == 1 && json_integer_value(dense) == 1)
            ck_assert_double_eq_tol(score - lent, 2.0, 1e-5);
    }
    ck_assert_msg(seen, "Paris was retrieved: %s", json_dumps(t, JSON_COMPACT));
    json_decref(t);
}
END_TEST

START_TEST(test_a_changed_fact_supersedes_the_old_one)
{
    int64_t rex = stated("c1", "My dog is called Rex.");
    int64_t paris = stated("c1", "I live in Paris.");
    json_t *t = statement("c2", "My dog is called Max.");
    int64_t max = written(t);
    ck_assert_int_ne(max, rex);
    json_t *sup = json_object_get(t, "superseded");
    ck_assert_msg(json_array_size(sup) == 1 && json_integer_value(json_array_get(sup, 0)) == rex,
                  "want superseded [%lld]: %s", (long long)rex, json_dumps(t, JSON_COMPACT));
    json_decref(t);
    /* The old memory keeps its text and says what replaced it. */
    json_t *h = get_memory(rex, "/history");
    ck_assert_int_eq(num(h, "superseded_by"), max);
    json_t *v = json_object_get(h, "versions");
    ck_assert_uint_eq(json_array_size(v), 1);
    ck_assert_str_eq(str(json_array_get(v, 0), "text"), "My dog is called Rex.");
    ck_assert_int_eq(num(json_array_get(v, 0), "superseded_by"), max);
    json_decref(h);
    json_t *m = get_memory(rex, "");
    ck_assert_str_eq(str(m, "text"), "My dog is called Rex.");
    json_decref(m);
    /* Search finds the new one, never the old one; Paris is untouched. */
    json_t *res = h_search(&D, NULL, "user=u1&q=dog%20called&k=10");
    size_t i;
    json_t *r;
    int found = 0;
    json_array_foreach(res, i, r) {
        ck_assert_int_ne(h_id(r), rex);
        found |= h_id(r) == max;
    }
    ck_assert(found);
    json_decref(res);
    m = get_memory(paris, "");
    ck_assert(json_is_null(json_object_get(m, "superseded_by")));
    json_decref(m);
    /* Another animal is another fact. */
    t = statement("c2", "My cat is called Tom.");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "superseded")), 0);
    json_decref(t);
}
END_TEST

START_TEST(test_a_near_duplicate_updates_instead_of_adding)
{
    int64_t id = stated("c1", "I live in Paris.");
    /* The same text again: the same memory, used once more. */
    ck_assert_int_eq(stated("c2", "I live in Paris."), id);
    json_t *m = get_memory(id, "");
    ck_assert_int_eq(num(m, "use_count"), 1);
    json_decref(m);
    /* The same words, other punctuation: the memory takes the new text. */
    ck_assert_int_eq(stated("c3", "I live in Paris!"), id);
    ck_assert_uint_eq(memory_count("u1"), 1);
    m = get_memory(id, "");
    ck_assert_str_eq(str(m, "text"), "I live in Paris!");
    json_decref(m);
    json_t *h = get_memory(id, "/history");
    ck_assert_str_eq(str(json_array_get(json_object_get(h, "versions"), 0), "text"),
                     "I live in Paris.");
    json_decref(h);
}
END_TEST

/* ---- conversations and users ----------------------------------------------------- */

START_TEST(test_conversations_can_be_read_and_deleted)
{
    int64_t id = stated("c1", "My dog is called Rex.");
    json_decref(chat("c1", "What is my dog called?"));
    h_resp_t r;
    h_get(&D, NULL, "/v1/conversations/c1?user=u1&limit=3", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(str(r.json, "id"), "c1");
    ck_assert_str_eq(str(r.json, "user"), "u1");
    json_t *turns = json_object_get(r.json, "turns");
    ck_assert_uint_eq(json_array_size(turns), 3);
    ck_assert_str_eq(str(json_array_get(turns, 0), "role"), "assistant");
    ck_assert_msg(acked(str(json_array_get(turns, 0), "text")), "%s", r.body);
    ck_assert_str_eq(str(json_array_get(turns, 1), "text"), "What is my dog called?");
    ck_assert_int_lt(num(json_array_get(turns, 1), "id"), num(json_array_get(turns, 2), "id"));
    ck_assert(json_is_string(json_object_get(json_array_get(turns, 2), "created_at")));
    h_resp_clear(&r);
    h_get(&D, NULL, "/v1/conversations/c1?user=u1&limit=0", &r);
    h_assert_reply(&r, 400, "invalid_parameter");
    h_resp_clear(&r);
    /* A conversation is a user's: acting as admin (no tokens), the user must be named. */
    h_get(&D, NULL, "/v1/conversations/c1", &r);
    h_assert_reply(&r, 400, "invalid_parameter");
    h_resp_clear(&r);

    h_request(&D, "DELETE", "/v1/conversations/c1?user=u1", NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert(json_is_true(json_object_get(r.json, "deleted")));
    h_resp_clear(&r);
    h_get(&D, NULL, "/v1/conversations/c1?user=u1", &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    h_request(&D, "DELETE", "/v1/conversations/c1?user=u1", NULL, NULL, NULL, 0, &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    /* Its memory stays; the conversation starts again with an empty working memory. */
    json_decref(get_memory(id, ""));
    json_t *t = chat("c1", "What is my dog called?");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "attention")), 0);
    json_decref(t);
}
END_TEST

/* The turns of user's conversation conv as token sees them (asserting 200). */
static json_t *turns_of(const char *token, const char *path)
{
    h_resp_t r;
    h_get(&D, token, path, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *j = json_incref(json_object_get(r.json, "turns"));
    h_resp_clear(&r);
    return j;
}

START_TEST(test_two_users_each_have_their_own_main)
{
    json_decref(chat_as(ALICE, NULL, "main", "My dog is called Rex."));
    /* Bob's "main" is another conversation: his first turn, an empty working memory. */
    json_t *t = chat_as(BOB, NULL, "main", "My dog is called Max.");
    ck_assert_str_eq(str(t, "conversation"), "main");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "attention")), 0);
    json_decref(t);
    t = chat_as(ALICE, NULL, "main", "What is my dog called?");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "attention")), 1);
    json_decref(t);
    json_t *turns = turns_of(ALICE, "/v1/conversations/main");
    ck_assert_uint_eq(json_array_size(turns), 4);
    ck_assert_str_eq(str(json_array_get(turns, 0), "text"), "My dog is called Rex.");
    json_decref(turns);
    turns = turns_of(BOB, "/v1/conversations/main");
    ck_assert_uint_eq(json_array_size(turns), 2);
    ck_assert_str_eq(str(json_array_get(turns, 0), "text"), "My dog is called Max.");
    json_decref(turns);

    h_resp_t r;
    h_send(&D, "POST", BOB, "/v1/chat",
           json_pack("{s:s,s:s,s:s}", "user", "alice", "conversation", "main", "message",
                     "Hi"), &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
    h_get(&D, BOB, "/v1/conversations/main?user=alice", &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
    h_get(&D, BOB, "/v1/conversations/other", &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    /* The admin names whose conversation it means. */
    h_get(&D, ADMIN, "/v1/conversations/main", &r);
    h_assert_reply(&r, 400, "invalid_parameter");
    h_resp_clear(&r);
    turns = turns_of(ADMIN, "/v1/conversations/main?user=alice");
    ck_assert_uint_eq(json_array_size(turns), 4);
    json_decref(turns);
    h_get(&D, ADMIN, "/v1/conversations/main?user=carol", &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    h_send(&D, "POST", ADMIN, "/v1/chat",
           json_pack("{s:s,s:s}", "conversation", "main", "message", "Hi"), &r);
    h_assert_reply(&r, 422, "validation_failed");
    h_resp_clear(&r);

    /* Bob deleting his "main" leaves alice's. */
    h_request(&D, "DELETE", "/v1/conversations/main", BOB, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(str(r.json, "user"), "bob");
    h_resp_clear(&r);
    h_get(&D, BOB, "/v1/conversations/main", &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    turns = turns_of(ALICE, "/v1/conversations/main");
    ck_assert_uint_eq(json_array_size(turns), 4);
    json_decref(turns);
    /* Forgetting alice takes her conversations and their working memory, not bob's. */
    json_decref(chat_as(BOB, NULL, "main", "My cat is called Tom."));
    h_request(&D, "DELETE", "/v1/users/alice", ADMIN, NULL, NULL, 0, &r);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
    h_get(&D, ALICE, "/v1/conversations/main", &r);
    h_assert_reply(&r, 404, "not_found");
    h_resp_clear(&r);
    t = chat_as(ALICE, NULL, "main", "My dog is called Rex.");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "attention")), 0);
    json_decref(t);
    t = chat_as(BOB, NULL, "main", "What is my cat called?");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "attention")), 1);
    json_decref(t);
}
END_TEST

START_TEST(test_a_users_conversations_are_listed_newest_first_in_pages)
{
    static const char *const convs[] = {"c1", "c2", "c3"};
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j <= i; j++)
            json_decref(chat_as(ALICE, NULL, convs[i], "My dog is called Rex."));
    json_decref(chat_as(BOB, NULL, "b1", "Hi"));
    h_resp_t r;
    h_get(&D, ALICE, "/v1/users/alice/conversations?limit=2", &r);
    h_assert_reply(&r, 200, NULL);
    json_t *list = json_object_get(r.json, "conversations");
    ck_assert_uint_eq(json_array_size(list), 2);
    ck_assert_str_eq(str(json_array_get(list, 0), "id"), "c3");
    ck_assert_int_eq(num(json_array_get(list, 0), "turns"), 6);     /* 3 exchanges */
    ck_assert(json_is_string(json_object_get(json_array_get(list, 0), "created_at")));
    ck_assert(json_is_string(json_object_get(json_array_get(list, 0), "last_turn_at")));
    ck_assert_str_eq(str(json_array_get(list, 1), "id"), "c2");
    const char *next = str(r.json, "next_cursor");
    ck_assert_str_ne(next, "");
    char path[128];
    snprintf(path, sizeof path, "/v1/users/alice/conversations?limit=2&cursor=%s", next);
    h_resp_clear(&r);
    h_get(&D, ALICE, path, &r);
    h_assert_reply(&r, 200, NULL);
    list = json_object_get(r.json, "conversations");
    ck_assert_uint_eq(json_array_size(list), 1);
    ck_assert_str_eq(str(json_array_get(list, 0), "id"), "c1");
    ck_assert_int_eq(num(json_array_get(list, 0), "turns"), 2);
    ck_assert(json_is_null(json_object_get(r.json, "next_cursor")));
    h_resp_clear(&r);
    /* Only one's own; the admin lists anyone's; bad parameters are 400. */
    h_get(&D, BOB, "/v1/users/alice/conversations", &r);
    h_assert_reply(&r, 403, "forbidden");
    h_resp_clear(&r);
    h_get(&D, ADMIN, "/v1/users/bob/conversations", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(r.json, "conversations")), 1);
    h_resp_clear(&r);
    h_get(&D, ADMIN, "/v1/users/nobody/conversations", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(r.json, "conversations")), 0);
    h_resp_clear(&r);
    h_get(&D, ALICE, "/v1/users/alice/conversations?limit=0", &r);
    h_assert_reply(&r, 400, "invalid_parameter");
    h_resp_clear(&r);
    h_get(&D, ALICE, "/v1/users/alice/conversations?cursor=x", &r);
    h_assert_reply(&r, 400, "invalid_parameter");
    h_resp_clear(&r);
}
END_TEST

/* POST /v1/chat/completions as u1 with extra headers; asserts 200. */
static void complete(const char *conversation, const char *message, int stream, h_resp_t *r)
{
    json_t *body = json_pack("{s:s,s:s,s:[{s:s,s:s}],s:b,s:{s:b},s:{s:s}}", "model", "any",
                             "user", "u1", "messages", "role", "user", "content", message,
                             "stream", stream, "stream_options", "include_usage", 1,
                             "metadata", "conversation", conversation);
    char *s = json_dumps(body, JSON_COMPACT);
    json_decref(body);
    h_request(&D, "POST", "/v1/chat/completions", NULL, "application/json", s, strlen(s), r);
    free(s);
    h_assert_reply(r, 200, NULL);
}

START_TEST(test_chat_completions_runs_the_same_turn)
{
    h_resp_t r;
    complete("oa", "My dog is called Rex.", 0, &r);
    ck_assert_str_eq(str(r.json, "object"), "chat.completion");
    ck_assert_msg(!strncmp(str(r.json, "model"), "mnemo-", 6), "model: %s", r.body);
    json_t *choice = json_array_get(json_object_get(r.json, "choices"), 0);
    ck_assert_str_eq(str(json_object_get(choice, "message"), "role"), "assistant");
    ck_assert_msg(acked(str(json_object_get(choice, "message"), "content")), "%s", r.body);
    ck_assert_str_eq(str(choice, "finish_reason"), "stop");
    json_t *usage = json_object_get(r.json, "usage");
    ck_assert_int_eq(num(usage, "prompt_tokens"), 5);
    ck_assert_int_eq(num(usage, "total_tokens"),
                     num(usage, "prompt_tokens") + num(usage, "completion_tokens"));
    json_t *mnemo = json_object_get(r.json, "mnemo");
    ck_assert_str_eq(str(mnemo, "conversation"), "oa");
    ck_assert_str_eq(str(mnemo, "kind"), "statement");
    ck_assert_uint_eq(json_array_size(json_object_get(mnemo, "written")), 1);
    char id[48];
    snprintf(id, sizeof id, "chatcmpl-%lld", (long long)num(mnemo, "turn"));
    ck_assert_str_eq(str(r.json, "id"), id);
    h_resp_clear(&r);

    /* The same conversation as /v1/chat's, and the same turns. */
    json_t *t = chat("oa", "What is my dog called?");
    ck_assert_uint_eq(json_array_size(json_object_get(t, "attention")), 1);
    json_decref(t);

    /* Streamed: the role, the reply in deltas, the finish with the turn, the usage. */
    complete("oa", "I live in Paris.", 1, &r);
    ck_assert_str_eq(r.content_type, "text/event-stream");
    char content[256] = "";
    int chunks = 0, finished = 0, usage_seen = 0, done = 0;
    for (char *line = strtok(r.body, "\n"); line; line = strtok(NULL, "\n")) {
        ck_assert_msg(!strncmp(line, "data: ", 6), "not an event line: %s", line);
        ck_assert_msg(!done, "an event after [DONE]");
        if (!strcmp(line + 6, "[DONE]")) {
            done = 1;
            continue;
        }
        json_t *c = json_loads(line + 6, 0, NULL);
        ck_assert_ptr_nonnull(c);
        ck_assert_str_eq(str(c, "object"), "chat.completion.chunk");
        json_t *ch = json_array_get(json_object_get(c, "choices"), 0);
        if (chunks++ == 0)
            ck_assert_str_eq(str(json_object_get(ch, "delta"), "role"), "assistant");
        if (ch) {
            strncat(content, str(json_object_get(ch, "delta"), "content"),
                    sizeof content - strlen(content) - 1);
            if (!strcmp(str(ch, "finish_reason"), "stop")) {
                finished = 1;
                ck_assert_str_eq(str(json_object_get(c, "mnemo"), "kind"), "statement");
            }
        } else {
            ck_assert_msg(finished, "the usage chunk comes after the finish");
            ck_assert_int_eq(num(json_object_get(c, "usage"), "prompt_tokens"), 4);
            usage_seen = 1;
        }
        json_decref(c);
    }
    ck_assert(finished && usage_seen && done);
    ck_assert_msg(acked(content), "%s", content);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_bad_chat_bodies_are_refused)
{
    static const struct {
        const char *body;
        int status;
        const char *code, *field;
    } cases[] = {
        {"{\"user\":\"u1\",\"conversation\":\"c1\"}", 422, "validation_failed", "message"},
        {"{\"user\":\"u1\",\"conversation\":\"c1\",\"message\":7}", 422, "validation_failed",
         "message"},
        {"{\"user\":\"u1\",\"conversation\":\"c1\",\"message\":\"\"}", 422, "validation_failed",
         "message"},
        {"{\"user\":\"u1\",\"conversation\":\"c1\",\"message\":\"   \"}", 422,
         "validation_failed", "message"},
        {"{\"user\":\"u1\",\"message\":\"Hi\"}", 422, "validation_failed", "conversation"},
        {"{\"user\":\"u1\",\"conversation\":\"a/b\",\"message\":\"Hi\"}", 422,
         "validation_failed", "conversation"},
        {"{\"user\":\"u1\",\"conversation\":\"c1\",\"message\":\"\xff\"}", 400, "invalid_utf8",
         NULL},
        {"{\"user\":\"u1\",\"conversation\":", 400, "invalid_json", NULL},
        {"[\"Hi\"]", 400, "invalid_json", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        h_resp_t r;
        h_request(&D, "POST", "/v1/chat", NULL, "application/json", cases[i].body,
                  strlen(cases[i].body), &r);
        h_assert_reply(&r, cases[i].status, cases[i].code);
        const char *msg = json_string_value(
            json_object_get(json_object_get(r.json, "error"), "message"));
        if (cases[i].field)
            ck_assert_msg(msg && strstr(msg, cases[i].field), "case %zu: '%s' names no %s", i,
                          msg ? msg : "", cases[i].field);
        h_resp_clear(&r);
    }
    /* One byte past max_message_bytes (64 here). */
    char text[66];
    memset(text, 'a', 65);
    text[65] = '\0';
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/chat",
           json_pack("{s:s,s:s,s:s}", "user", "u1", "conversation", "c1", "message", text), &r);
    h_assert_reply(&r, 422, "validation_failed");
    ck_assert_ptr_nonnull(strstr(r.body, "message"));
    h_resp_clear(&r);
    text[64] = '\0';
    json_decref(chat("c1", text));
    /* Nothing refused was stored. */
    h_get(&D, NULL, "/v1/conversations/c1?user=u1", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_uint_eq(json_array_size(json_object_get(r.json, "turns")), 2);
    h_resp_clear(&r);
}
END_TEST

/* The value of NAME_sum in a /metrics body, or -1 when it is not there. */
static double metric_sum(const char *body, const char *name)
{
    char key[96];
    snprintf(key, sizeof key, "\n%s_sum ", name);
    const char *p = strstr(body, key);
    return p ? strtod(p + strlen(key), NULL) : -1;
}

START_TEST(test_chat_is_counted_in_the_metrics)
{
    json_decref(chat("c1", "My dog is called Rex."));
    h_resp_t r;
    h_get(&D, NULL, "/metrics", &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_ptr_nonnull(strstr(r.body, "\nmnemo_chat_turns_total 1\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "\nmnemo_chat_turn_seconds_count 1\n"));
    /* the turn's parts, each counted once, together no longer than the turn */
    static const char *const parts[] = {"mnemo_model_duration_seconds",
                                        "mnemo_chat_search_seconds", "mnemo_chat_write_seconds"};
    double whole = metric_sum(r.body, "mnemo_chat_turn_seconds"), sum = 0;
    for (int i = 0; i < 3; i++) {
        char count[96];
        snprintf(count, sizeof count, "\n%s_count 1\n", parts[i]);
        ck_assert_msg(strstr(r.body, count), "%s", count + 1);
        double v = metric_sum(r.body, parts[i]);
        ck_assert_double_gt(v, 0);
        sum += v;
    }
    ck_assert_double_le(sum, whole);
    ck_assert_ptr_nonnull(strstr(r.body, "\nmnemo_model_loaded 1\n"));
    ck_assert_ptr_nonnull(strstr(r.body, "\nmnemo_model_info{tag=\""));
    h_resp_clear(&r);
}
END_TEST

/* ---- without a model, or with a bad one ------------------------------------------ */

START_TEST(test_without_a_model_chat_is_503_and_memories_work)
{
    h_init(&D, NULL);          /* the harness passes --model none */
    h_start(&D);
    h_resp_t r;
    h_send(&D, "POST", NULL, "/v1/chat",
           json_pack("{s:s,s:s,s:s}", "user", "u1", "conversation", "c1", "message", "Hi"), &r);
    h_assert_reply(&r, 503, "no_model");
    h_resp_clear(&r);
    ck_assert_int_gt(h_create(&D, NULL, "u1", "My dog is called Rex."), 0);
    json_t *res = h_search(&D, NULL, "user=u1&q=dog");
    ck_assert_uint_eq(json_array_size(res), 1);
    json_decref(res);
    h_get(&D, NULL, "/metrics", &r);
    ck_assert_ptr_nonnull(strstr(r.body, "\nmnemo_model_loaded 0\n"));
    ck_assert_ptr_null(strstr(r.body, "mnemo_model_info{"));
    h_resp_clear(&r);
    ck_assert_int_eq(h_stop(&D), 0);
    /* Memories written without a model are re-encoded with one, and found. */
    snprintf(D.model, sizeof D.model, "%s", model_path);
    h_start(&D);
    res = h_search(&D, NULL, "user=u1&q=dog");
    ck_assert_uint_ge(json_array_size(res), 1);
    ck_assert_str_eq(str(json_array_get(res, 0), "text"), "My dog is called Rex.");
    json_decref(res);
    json_t *t = chat("c1", "What is my dog called?");
    ck_assert_uint_ge(json_array_size(json_object_get(t, "memories")), 1);
    json_decref(t);
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}
END_TEST

/* mnemod with model file path must exit 2 before listening, naming the file. */
static void assert_refused(const char *path, const char *why)
{
    h_init(&D, NULL);
    snprintf(D.model, sizeof D.model, "%s", path);
    h_spawn(&D, "127.0.0.1:0");
    int status = h_wait_exit(&D, 60000);
    char *log = h_log(&D);
    ck_assert_msg(status == 2, "%s: mnemod exited with %d: %s", why, status, log);
    ck_assert_msg(strstr(log, path) != NULL, "%s: the message does not name %s: %s", why, path,
                  log);
    ck_assert_msg(strstr(log, "READY") == NULL && access(D.port_file, F_OK) != 0,
                  "%s: mnemod listened", why);
    free(log);
    h_cleanup(&D);
}

START_TEST(test_a_corrupt_or_missing_model_stops_mnemod)
{
    size_t len;
    char *buf = h_read_file(model_path, &len);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_gt(len, 1024);
    char bad[400];

    snprintf(bad, sizeof bad, "%s/flipped.mnemo", model_dir);
    buf[len / 2] ^= 0x5a;
    buf[len / 2 + 1] ^= 0xa5;
    ck_assert_int_eq(h_write_file(bad, buf, len), 0);
    assert_refused(bad, "flipped bytes");
    buf[len / 2] ^= 0x5a;
    buf[len / 2 + 1] ^= 0xa5;

    snprintf(bad, sizeof bad, "%s/truncated.mnemo", model_dir);
    ck_assert_int_eq(h_write_file(bad, buf, len - 100), 0);
    assert_refused(bad, "truncated");

    snprintf(bad, sizeof bad, "%s/empty.mnemo", model_dir);
    ck_assert_int_eq(h_write_file(bad, buf, 0), 0);
    assert_refused(bad, "empty");

    snprintf(bad, sizeof bad, "%s/absent.mnemo", model_dir);
    assert_refused(bad, "missing");
    free(buf);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("chat");
    TCase *tc = tcase_create("open");
    tcase_add_checked_fixture(tc, setup_open, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_a_statement_is_acknowledged_and_written);
    tcase_add_test(tc, test_a_question_is_answered_but_not_stored);
    tcase_add_test(tc, test_attention_has_one_entry_per_earlier_exchange);
    tcase_add_test(tc, test_working_memory_is_restored_after_a_restart);
    tcase_add_test(tc, test_a_conversation_read_later_has_each_turns_attention);
    tcase_add_test(tc, test_memories_are_retrieved_in_another_conversation);
    tcase_add_test(tc, test_a_chat_memory_has_the_score_breakdown_of_a_search_hit);
    tcase_add_test(tc, test_a_changed_fact_supersedes_the_old_one);
    tcase_add_test(tc, test_a_near_duplicate_updates_instead_of_adding);
    tcase_add_test(tc, test_conversations_can_be_read_and_deleted);
    tcase_add_test(tc, test_chat_is_counted_in_the_metrics);
    tcase_add_test(tc, test_chat_completions_runs_the_same_turn);
    suite_add_tcase(s, tc);

    tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup_tokens, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_two_users_each_have_their_own_main);
    tcase_add_test(tc, test_a_users_conversations_are_listed_newest_first_in_pages);
    suite_add_tcase(s, tc);

    tc = tcase_create("models");
    tcase_set_timeout(tc, 180);
    tcase_add_test(tc, test_without_a_model_chat_is_503_and_memories_work);
    tcase_add_test(tc, test_a_corrupt_or_missing_model_stops_mnemod);
    suite_add_tcase(s, tc);
    return s;
}

static void setup_small_messages(void) { start_with_model("max_message_bytes = 64\n"); }

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(model_dir, sizeof model_dir, "%s/mnemo-chat-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(model_dir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    snprintf(model_path, sizeof model_path, "%s/tiny.mnemo", model_dir);
    /* Seed 1 unless MNEMO_TEST_SEED says otherwise (seeds 1..10 were checked); a model
     * that did not learn the acknowledgement fails here, not in a confusing test. */
    const char *env = getenv("MNEMO_TEST_SEED");
    uint64_t seed = env && *env ? strtoull(env, NULL, 10) : 1;
    int rc = EXIT_FAILURE;
    if (train_model(model_path, seed, 120, 8) != 0 || !model_acks_reliably(model_path)) {
        fprintf(stderr, "test_chat: the tiny model (seed %llu) did not learn to acknowledge "
                "statements\n", (unsigned long long)seed);
        goto out;
    }
    Suite *s = suite();
    TCase *tc = tcase_create("messages");
    tcase_add_checked_fixture(tc, setup_small_messages, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_bad_chat_bodies_are_refused);
    suite_add_tcase(s, tc);
    rc = h_run_suite(s);
out:;
    static const char *const files[] = {"tiny.mnemo", "flipped.mnemo", "truncated.mnemo",
                                        "empty.mnemo"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[400];
        snprintf(path, sizeof path, "%s/%s", model_dir, files[i]);
        unlink(path);
    }
    rmdir(model_dir);
    return rc;
}
