/* test_trainer.c: the bAbI reader, the trainer and the model file, on fixtures this test
 * writes itself: a generated single-supporting-fact task with four people and four
 * places. Training runs are a few hundred steps of a small model (seconds). */
#include "model/data.h"
#include "model/model.h"
#include "model/modelfile.h"
#include "model/persona.h"
#include "model/trainer.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[256];

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/mnemo-trainer-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void path_in(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", tmpdir, name);
}

/* A bAbI-format task: stories of `per` moves and one question each, about a person
 * who moved in that story; deterministic for a seed. */
static char *gen_task(int stories, int per, unsigned seed)
{
    static const char *people[] = {"Mary", "John", "Sandra", "Daniel"};
    static const char *places[] = {"kitchen", "garden", "office", "hallway"};
    size_t cap = (size_t)stories * (per + 1) * 64 + 1, at = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    srand(seed);
    for (int s = 0; s < stories; s++) {
        int where[4] = {-1, -1, -1, -1}, moved[8], line = 1;
        for (int k = 0; k < per; k++) {
            int p = rand() % 4, l = rand() % 4;
            where[p] = l;
            moved[k] = p;
            at += (size_t)snprintf(buf + at, cap - at, "%d %s went to the %s.\n", line++,
                                   people[p], places[l]);
        }
        int p = moved[rand() % per];
        at += (size_t)snprintf(buf + at, cap - at, "%d Where is %s?\t%s\t1\n", line++,
                               people[p], places[where[p]]);
    }
    return buf;
}

/* The corpus of text, 1 in ack statements also an acknowledgement example (0: none). */
/* gen_task with small talk: "Hello there.", answered "good morning", opens each story
 * and comes again before its question. */
static char *gen_chat_task(int stories, int per, unsigned seed)
{
    char *task = gen_task(stories, per, seed);
    size_t cap = strlen(task) + (size_t)stories * 80 + 1, at = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    long shift = 0;
    for (const char *line = task; *line;) {
        const char *eol = strchr(line, '\n');
        char *num;
        long no = strtol(line, &num, 10);
        shift = no == 1 ? 0 : shift;
        if (no == 1 || memchr(num, '\t', (size_t)(eol - num)))
            at += (size_t)snprintf(buf + at, cap - at, "%ld Hello there.\tgood morning\n",
                                   no + shift++);
        at += (size_t)snprintf(buf + at, cap - at, "%ld%.*s\n", no + shift, (int)(eol - num),
                               num);
        line = eol + 1;
    }
    free(task);
    return buf;
}

static babi_corpus_t *corpus_of_ack(const char *text, int ack)
{
    babi_corpus_t *c = babi_corpus_new();
    char err[256];
    ck_assert_ptr_nonnull(c);
    babi_corpus_set_ack(c, ack);
    ck_assert_msg(babi_read_buffer(c, "qa1_gen_train.txt", text, strlen(text), err,
                                   sizeof err) == 0, "%s", err);
    return c;
}

static babi_corpus_t *corpus_of(const char *text) { return corpus_of_ack(text, 0); }

START_TEST(test_reader_parses_stories_questions_and_list_answers)
{
    const char *text = "1 Mary moved to the bathroom.\n"
                       "2 John went to the hallway.\n"
                       "3 Where is Mary?\tbathroom\t1\n"
                       "4 Mary picked up the apple.\n"
                       "5 What is Mary carrying?\tapple,football\t4\n"
                       "1 Sandra went to the garden.\n"
                       "2 Where is Sandra?\tgarden\t1\n";
    babi_corpus_t *c = corpus_of(text);
    ck_assert_int_eq(babi_corpus_stories(c), 2);
    ck_assert_int_eq(babi_corpus_questions(c, -1), 3);
    ck_assert_int_eq(babi_corpus_questions(c, 1), 1); /* the last story of two */
    vocab_t *v = vocab_new();
    ck_assert_int_eq(babi_vocab_build(c, v), 0);
    ck_assert_int_ge(vocab_find(v, "football"), 3);
    ck_assert_int_lt(vocab_find(v, "sandra"), 0); /* validation words are not learned */
    babi_set_t s;
    ck_assert_int_eq(babi_set_build(&s, c, v, 0, 8, 10, 50), 0);
    ck_assert_int_eq(s.n, 2);
    ck_assert_int_eq(s.ns[0], 2);
    ck_assert_int_eq(s.ns[1], 3); /* statements so far, not the question lines */
    ck_assert_int_eq(s.nans[1], 2);
    ck_assert_int_eq(s.ans[BABI_TMAX + 0], vocab_find(v, "apple"));
    ck_assert_int_eq(s.ans[BABI_TMAX + 1], vocab_find(v, "football"));
    ck_assert_int_eq(s.task[0], 1);
    /* the batch: slots oldest first, then pad; GO + answer in, answer + EOS out */
    int idx[1] = {1}, story[4 * 10], q[10], ai[4], ao[4];
    int n = babi_batch_fill(&s, idx, 1, 4, 4, story, q, ai, ao);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(story[0], vocab_find(v, "mary"));
    ck_assert_int_eq(story[2 * 10 + 1], vocab_find(v, "picked"));
    ck_assert_int_eq(story[3 * 10], LAYERS_PAD);
    ck_assert_int_eq(ai[0], LAYERS_GO);
    ck_assert_int_eq(ai[1], vocab_find(v, "apple"));
    ck_assert_int_eq(ao[1], vocab_find(v, "football"));
    ck_assert_int_eq(ao[2], LAYERS_EOS);
    ck_assert_int_eq(ao[3], -1);
    /* validation: unknown words go to buckets V.. V+Hb */
    babi_set_t va;
    ck_assert_int_eq(babi_set_build(&va, c, v, 1, 8, 10, 50), 0);
    ck_assert_int_eq(va.n, 1);
    ck_assert_int_ge(va.sent[0], vocab_size(v));
    ck_assert_int_lt(va.sent[0], vocab_size(v) + 8);
    babi_set_free(&s);
    babi_set_free(&va);
    vocab_free(v);
    babi_corpus_free(c);
}
END_TEST

START_TEST(test_reader_acknowledgements_question_mark_rare_words_and_split)
{
    const char *text = "1 Mary moved to the bathroom.\n"
                       "2 Kalrox went to the hallway.\n"
                       "3 Where is Mary?\tbathroom\t1\n"
                       "1 Mary went to the garden.\n"
                       "2 Hello there\thello\n";
    babi_corpus_t *c = babi_corpus_new();
    char err[256];
    babi_corpus_set_ack(c, 1);
    babi_corpus_set_split(c, 0);
    ck_assert_msg(babi_read_buffer(c, "persona", text, strlen(text), err, sizeof err) == 0,
                  "%s", err);
    /* three statements, each acknowledged, and two questions; all in training */
    ck_assert_int_eq(babi_corpus_questions(c, 0), 5);
    ck_assert_int_eq(babi_corpus_questions(c, 1), 0);
    vocab_t *v = vocab_new();
    ck_assert_int_eq(babi_vocab_build_min(c, v, 2), 0);
    ck_assert_int_ge(vocab_find(v, "mary"), 3);  /* 3 times */
    ck_assert_int_lt(vocab_find(v, "kalrox"), 0); /* once: a bucket */
    ck_assert_int_ge(vocab_find(v, "got"), 3);   /* the acknowledgement always */
    ck_assert_int_lt(vocab_find(v, VOCAB_QMARK), 0); /* seen once */
    babi_set_t s;
    ck_assert_int_eq(babi_set_build(&s, c, v, 0, 8, 10, 50), 0);
    ck_assert_int_eq(s.n, 5);
    int acks = 0, qmarks = 0;
    for (int i = 0; i < s.n; i++) {
        acks += s.ack[i];
        for (int j = 0; j < 10; j++)
            qmarks += s.q[i * 10 + j] == vocab_id(v, VOCAB_QMARK, 8);
    }
    ck_assert_int_eq(acks, 3);
    ck_assert_int_eq(qmarks, 1); /* "Where is Mary?" only; "Hello there" asks nothing */
    /* the second statement's ack example reads the first statement only */
    ck_assert_int_eq(s.ack[1], 1);
    ck_assert_int_eq(s.ns[1], 1);
    ck_assert_int_eq(s.nans[1], 2);
    ck_assert_int_eq(s.ans[BABI_TMAX * 1], vocab_find(v, "got"));
    ck_assert_int_eq(vocab_question_mark("Is it? ", 7), 1);
    ck_assert_int_eq(vocab_question_mark("It is.", 6), 0);
    babi_set_free(&s);
    vocab_free(v);
    babi_corpus_free(c);
}
END_TEST

START_TEST(test_reader_keeps_the_most_recent_slots)
{
    babi_corpus_t *c = corpus_of("1 a b.\n2 c d.\n3 e f.\n4 q?\tb\t1\n1 x.\n2 q?\tx\t1\n");
    vocab_t *v = vocab_new();
    babi_vocab_build(c, v);
    babi_set_t s;
    ck_assert_int_eq(babi_set_build(&s, c, v, 0, 4, 4, 2), 0);
    ck_assert_int_eq(s.ns[0], 2);
    ck_assert_int_eq(s.sent[s.s0[0] * 4], vocab_find(v, "c"));
    babi_set_free(&s);
    vocab_free(v);
    babi_corpus_free(c);
}
END_TEST

/* --question-mark 0: questions read without the token, as issue 3's models read them. */
START_TEST(test_reader_can_leave_the_question_mark_out)
{
    const char *text = "1 Mary moved to the bathroom.\n"
                       "2 Where is Mary?\tbathroom\t1\n";
    babi_corpus_t *c = babi_corpus_new();
    char err[256];
    babi_corpus_set_qmark(c, 0);
    babi_corpus_set_split(c, 0);
    ck_assert_msg(babi_read_buffer(c, "q", text, strlen(text), err, sizeof err) == 0, "%s",
                  err);
    vocab_t *v = vocab_new();
    ck_assert_int_eq(babi_vocab_build_min(c, v, 1), 0);
    ck_assert_int_lt(vocab_find(v, VOCAB_QMARK), 0);
    ck_assert_int_ge(vocab_find(v, "where"), 3);
    vocab_free(v);
    babi_corpus_free(c);
}
END_TEST

START_TEST(test_reader_rejects_malformed_files)
{
    static const char *bad[] = {
        "Mary went home.\n",                 /* no line number */
        "1 Mary went home.\n2 Where?\t\t1\n", /* empty answer */
        "1 Mary went home.\n",               /* no questions */
        "1 Mary \xff went.\n2 Where?\thome\t1\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        babi_corpus_t *c = babi_corpus_new();
        char err[256] = "";
        ck_assert_int_eq(babi_read_buffer(c, "x.txt", bad[i], strlen(bad[i]), err, sizeof err),
                         -1);
        ck_assert_msg(strlen(err) > 0, "case %zu has no message", i);
        ck_assert_int_eq(babi_corpus_questions(c, -1), 0);
        babi_corpus_free(c);
    }
}
END_TEST

/* A line's number is its leading digits, inside the line and inside the buffer given:
 * the reader read it with strtol, which skipped a form feed and the newline after it
 * into the next line, and went on past len into digits the caller never gave (found by
 * fuzz_babi under ASan: a file whose last line is a number with no newline). */
START_TEST(test_a_line_number_is_read_within_its_line_and_the_buffer)
{
    babi_line_t l;
    size_t at = 0;
    int lineno = 0;
    /* "1" of "12": the buffer is one byte long. */
    ck_assert_int_eq(babi_next_line("12", 1, &at, &lineno, &l), 1);
    ck_assert_int_eq(l.no, 1);
    ck_assert_ptr_eq(l.end, l.body);
    /* A line that does not start with a digit is refused, whatever strtol would skip. */
    static const char *const bad[] = {"\f\n7 Where is Mary?\tkitchen\t1\n", "\v7 Mary.\n",
                                      "+7 Mary.\n", "-7 Mary.\n", "10000001 Mary.\n",
                                      "99999999999999999999 Mary.\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        at = 0;
        lineno = 0;
        ck_assert_msg(babi_next_line(bad[i], strlen(bad[i]), &at, &lineno, &l) == -1,
                      "case %zu was read as line %ld", i, l.no);
    }
    at = 0;
    ck_assert_int_eq(babi_next_line("1000000 A.", 10, &at, &lineno, &l), 1);
    ck_assert_int_eq(l.no, 1000000);
}
END_TEST

/* ---- training --------------------------------------------------------------------- */

typedef struct fixture {
    babi_corpus_t *c;
    vocab_t *v;
    babi_set_t tr, va;
    net_cfg_t cfg;
} fixture_t;

/* A trained-on task of stories of per moves; 1 in ack statements is also taught the
 * acknowledgement (0: none; model_load needs one). */
static void fixture_make_ack(fixture_t *f, int stories, int per, int ack)
{
    char *text = gen_task(stories, per, 7);
    f->c = corpus_of_ack(text, ack);
    free(text);
    f->v = vocab_new();
    ck_assert_int_eq(babi_vocab_build(f->c, f->v), 0);
    f->cfg = (net_cfg_t){.V = vocab_size(f->v), .Hb = 4, .D = 16, .A = 16, .S = 8, .J = 6,
                         .T = 3, .hops = 1, .tied = 0};
    ck_assert_int_eq(babi_set_build(&f->tr, f->c, f->v, 0, f->cfg.Hb, f->cfg.J, f->cfg.S), 0);
    ck_assert_int_eq(babi_set_build(&f->va, f->c, f->v, 1, f->cfg.Hb, f->cfg.J, f->cfg.S), 0);
}

/* The same with small talk (gen_chat_task) and every statement acknowledged. */
static void fixture_make_chat(fixture_t *f, int stories, int per)
{
    char *text = gen_chat_task(stories, per, 7);
    f->c = corpus_of_ack(text, 1);
    free(text);
    f->v = vocab_new();
    ck_assert_int_eq(babi_vocab_build(f->c, f->v), 0);
    f->cfg = (net_cfg_t){.V = vocab_size(f->v), .Hb = 4, .D = 16, .A = 16, .S = 8, .J = 6,
                         .T = 3, .hops = 1, .tied = 0};
    ck_assert_int_eq(babi_set_build(&f->tr, f->c, f->v, 0, f->cfg.Hb, f->cfg.J, f->cfg.S), 0);
    ck_assert_int_eq(babi_set_build(&f->va, f->c, f->v, 1, f->cfg.Hb, f->cfg.J, f->cfg.S), 0);
}

static void fixture_make(fixture_t *f, int stories, int per)
{
    fixture_make_ack(f, stories, per, 0);
}

static void fixture_free(fixture_t *f)
{
    babi_set_free(&f->tr);
    babi_set_free(&f->va);
    vocab_free(f->v);
    babi_corpus_free(f->c);
}

static void small_opts(trainer_opts_t *o, int epochs)
{
    trainer_opts_default(o);
    o->epochs = epochs;
    o->batch = 16;
    o->threads = 2;
    o->seed = 3;
    o->lr = 0.005f;
    o->warmup = 10;
    o->patience = 0;
    o->progress_s = 0;
}

START_TEST(test_loss_falls)
{
    fixture_t f;
    fixture_make(&f, 200, 2);
    trainer_opts_t o;
    small_opts(&o, 4);
    trainer_result_t r;
    char err[256];
    ck_assert_msg(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &r, err,
                              sizeof err) == 0, "%s", err);
    ck_assert_int_eq(r.nloss, 4);
    ck_assert_msg(r.loss[3] < 0.6 * r.loss[0], "loss %g -> %g", r.loss[0], r.loss[3]);
    fixture_free(&f);
}
END_TEST

START_TEST(test_two_move_task_reaches_high_accuracy)
{
    /* two moves per story, one asked about: the memory must attend to the slot of the
     * person asked (the latest, when the same person moved twice) and the decoder copy
     * the place from it; answering the place of the story at random gets ~60% */
    fixture_t f;
    fixture_make(&f, 400, 2);
    trainer_opts_t o;
    small_opts(&o, 30);
    o.target_acc = 0.98f;
    trainer_result_t r;
    char err[256];
    ck_assert_msg(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &r, err,
                              sizeof err) == 0, "%s", err);
    ck_assert_msg(r.best_acc >= 0.95f, "validation accuracy %.2f after %d epochs",
                  r.best_acc, r.epochs);
    fixture_free(&f);
}
END_TEST

START_TEST(test_same_seed_gives_identical_loss)
{
    fixture_t f;
    fixture_make(&f, 100, 2);
    trainer_opts_t o;
    small_opts(&o, 2);
    trainer_result_t a, b;
    char err[256];
    ck_assert_int_eq(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &a, err,
                                 sizeof err), 0);
    ck_assert_int_eq(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &b, err,
                                 sizeof err), 0);
    ck_assert(a.loss[0] == b.loss[0] && a.loss[1] == b.loss[1]);
    o.seed = 4;
    ck_assert_int_eq(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &b, err,
                                 sizeof err), 0);
    ck_assert(a.loss[1] != b.loss[1]);
    fixture_free(&f);
}
END_TEST

START_TEST(test_resume_continues_where_the_checkpoint_stopped)
{
    fixture_t f;
    fixture_make_ack(&f, 100, 2, 4); /* the best model is loaded below */
    make_tmpdir();
    char ckpt[512], out[512], err[256];
    path_in(ckpt, sizeof ckpt, "m.bin.ckpt");
    path_in(out, sizeof out, "m.bin");
    trainer_opts_t o;
    small_opts(&o, 3);
    trainer_result_t full, part, rest;
    ck_assert_int_eq(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &full, err,
                                 sizeof err), 0);
    o.epochs = 2;
    o.ckpt = ckpt;
    o.out = out;
    ck_assert_int_eq(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &part, err,
                                 sizeof err), 0);
    net_cfg_t c;
    vocab_t *v;
    float *params;
    modelfile_state_t st;
    ck_assert_msg(modelfile_read(ckpt, &c, &v, NULL, &params, &st, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(st.epoch, 2);
    o.epochs = 3;
    o.ckpt = NULL;
    ck_assert_int_eq(trainer_run(&o, &c, v, &f.tr, &f.va, params, &st, &rest, err,
                                 sizeof err), 0);
    ck_assert_int_eq(rest.epochs, 3);
    ck_assert_int_eq(rest.nloss, 1);
    ck_assert_msg(rest.loss[0] == full.loss[2], "resumed %g, uninterrupted %g", rest.loss[0],
                  full.loss[2]);
    /* the best model was written and loads */
    char why[256];
    model_t *m = model_load(out, why, sizeof why);
    ck_assert_msg(m != NULL, "%s", why);
    model_free(m);
    free(params);
    free(st.adam_m);
    free(st.adam_v);
    vocab_free(v);
    unlink(ckpt);
    unlink(out);
    rmdir(tmpdir);
    fixture_free(&f);
}
END_TEST

/* ---- the model file --------------------------------------------------------------- */

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*len);
    ck_assert_uint_eq(fread(b, 1, *len, f), *len);
    fclose(f);
    return b;
}

/* Writes a small model to a temporary file; returns its bytes. */
static unsigned char *small_model_bytes(size_t *len, net_cfg_t *cfg, float **params,
                                        vocab_t **v)
{
    *v = vocab_new();
    vocab_add(*v, "mary");
    vocab_add(*v, "kitchen");
    *cfg = (net_cfg_t){.V = vocab_size(*v), .Hb = 4, .D = 8, .A = 8, .S = 4, .J = 5, .T = 3,
                       .hops = 2, .tied = 0};
    size_t n = net_nparams(cfg);
    *params = malloc(n * sizeof(float));
    trainer_init_params(*params, cfg, 9);
    make_tmpdir();
    char path[512], err[256];
    path_in(path, sizeof path, "model.bin");
    ck_assert_msg(modelfile_write(path, cfg, *v, NULL, *params, NULL, err, sizeof err) == 0, "%s",
                  err);
    unsigned char *b = slurp(path, len);
    unlink(path);
    rmdir(tmpdir);
    return b;
}

static void expect_error(const unsigned char *b, size_t len, const char *needle)
{
    net_cfg_t c;
    vocab_t *v;
    float *p;
    char err[256] = "";
    ck_assert_int_eq(modelfile_parse(b, len, &c, &v, NULL, &p, NULL, err, sizeof err), -1);
    ck_assert_ptr_null(v);
    ck_assert_ptr_null(p);
    ck_assert_msg(strstr(err, needle) != NULL, "'%s' does not say '%s'", err, needle);
}

START_TEST(test_model_file_round_trip)
{
    size_t len;
    net_cfg_t cfg, c;
    float *params, *p;
    vocab_t *v, *v2;
    unsigned char *b = small_model_bytes(&len, &cfg, &params, &v);
    char err[256];
    ck_assert_msg(modelfile_parse(b, len, &c, &v2, NULL, &p, NULL, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_mem_eq(&c, &cfg, sizeof c);
    ck_assert_int_eq(vocab_size(v2), vocab_size(v));
    for (int i = 0; i < vocab_size(v); i++)
        ck_assert_str_eq(vocab_word(v2, i), vocab_word(v, i));
    ck_assert_mem_eq(p, params, net_nparams(&cfg) * sizeof(float));
    /* a model file is not a checkpoint */
    modelfile_state_t st;
    vocab_t *v3;
    float *p3;
    ck_assert_int_eq(modelfile_parse(b, len, &c, &v3, NULL, &p3, &st, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "not a checkpoint"));
    free(p);
    vocab_free(v2);
    free(params);
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_truncated_model_file_is_an_error)
{
    size_t len;
    net_cfg_t cfg;
    float *params;
    vocab_t *v;
    unsigned char *b = small_model_bytes(&len, &cfg, &params, &v);
    size_t cuts[] = {0, 5, 23, 24, 60, len / 2, len - 4, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++)
        expect_error(b, cuts[i], "truncated");
    free(params);
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_flipped_byte_is_a_bad_checksum)
{
    size_t len;
    net_cfg_t cfg;
    float *params;
    vocab_t *v;
    unsigned char *b = small_model_bytes(&len, &cfg, &params, &v);
    size_t at[] = {30, 70, len / 2, len - 8, len - 1};
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        b[at[i]] ^= 0x10;
        expect_error(b, len, "bad checksum");
        b[at[i]] ^= 0x10;
    }
    free(params);
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_wrong_magic_and_version_are_named)
{
    size_t len;
    net_cfg_t cfg;
    float *params;
    vocab_t *v;
    unsigned char *b = small_model_bytes(&len, &cfg, &params, &v);
    b[0] = 'X';
    expect_error(b, len, "wrong magic");
    b[0] = 'M';
    b[8] = 1; /* version 1: the model before the copy pointer */
    expect_error(b, len, "unsupported format version 1");
    free(params);
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_mismatched_sizes_are_named)
{
    size_t len;
    net_cfg_t cfg;
    float *params;
    vocab_t *v;
    unsigned char *b = small_model_bytes(&len, &cfg, &params, &v);
    /* D 8 -> 9 with a valid checksum: the tensor table no longer matches */
    uint32_t d = 9, crc;
    memcpy(b + 24 + 2 * 4, &d, 4);
    crc = modelfile_crc32(0, b, len - 4);
    memcpy(b + len - 4, &crc, 4);
    expect_error(b, len, "mismatched sizes");
    free(params);
    vocab_free(v);
    free(b);
}
END_TEST

START_TEST(test_missing_file_is_an_error)
{
    char err[256];
    ck_assert_ptr_null(model_load("/nonexistent/mnemo/model.bin", err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/mnemo/model.bin"));
}
END_TEST

START_TEST(test_loaded_model_encodes_and_answers)
{
    fixture_t f;
    fixture_make_ack(&f, 60, 1, 4);
    make_tmpdir();
    char out[512], err[256];
    path_in(out, sizeof out, "m.bin");
    trainer_opts_t o;
    small_opts(&o, 1);
    o.out = out;
    trainer_result_t r;
    ck_assert_int_eq(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &r, err,
                                 sizeof err), 0);
    model_t *m = model_load(out, err, sizeof err);
    ck_assert_msg(m != NULL, "%s", err);
    float vec[16];
    ck_assert_int_eq(model_dim(m), 16);
    ck_assert_int_eq(model_encode(m, "Mary went to the Zanzibar.", vec, err, sizeof err), 0);
    double n = 0;
    for (int k = 0; k < 16; k++)
        n += (double)vec[k] * vec[k];
    ck_assert(fabs(n - 1.0) < 1e-4);
    ck_assert_int_eq(model_encode(m, "bad \xff", vec, err, sizeof err), -1);
    model_session_t *s = model_session_new(m);
    const char *slots[] = {"John went to the office.", "Mary went to the kitchen."};
    char ans[64];
    float attn[2];
    int k = model_answer(s, slots, 2, "Where is Mary?", NULL, ans, sizeof ans, NULL, attn, err,
                         sizeof err);
    ck_assert_int_ge(k, 0);
    ck_assert(fabs(attn[0] + attn[1] - 1.0) < 1e-4);
    model_session_free(s);
    model_free(m);
    unlink(out);
    rmdir(tmpdir);
    fixture_free(&f);
}
END_TEST

START_TEST(test_trainer_records_the_acknowledgement_and_the_small_talk_it_knows)
{
    fixture_t f;
    fixture_make_ack(&f, 20, 1, 1);
    const char *chat[] = {"mary kitchen", "hello stranger"}; /* "hello" is no word of f */
    modelfile_phrases_t ph;
    char err[256];
    ck_assert_msg(trainer_phrases(&f.tr, f.v, chat, 2, &ph, NULL, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(ph.n, 2);
    ck_assert_int_eq(ph.p[0].kind, MODEL_KIND_STATEMENT);
    ck_assert_str_eq(ph.p[0].text, PERSONA_ACK);
    ck_assert_int_eq(ph.p[1].kind, MODEL_KIND_OTHER);
    ck_assert_str_eq(ph.p[1].text, "mary kitchen");
    fixture_free(&f);
    /* no acknowledgement examples: no acknowledgement */
    fixture_make(&f, 20, 1);
    ck_assert_int_eq(trainer_phrases(&f.tr, f.v, NULL, 0, &ph, NULL, err, sizeof err), 0);
    ck_assert_int_eq(modelfile_phrases_ack(&ph), -1);
    fixture_free(&f);
}
END_TEST

START_TEST(test_the_model_says_which_reply_acknowledges_answers_or_makes_small_talk)
{
    fixture_t f;
    fixture_make_chat(&f, 300, 2);
    make_tmpdir();
    char out[512], err[256];
    path_in(out, sizeof out, "m.bin");
    trainer_opts_t o;
    small_opts(&o, 40);
    o.target_acc = 0.995f;
    o.out = out;
    const char *chat[] = {"good morning"};
    o.smalltalk = chat;
    o.nsmalltalk = 1;
    trainer_result_t r;
    ck_assert_msg(trainer_run(&o, &f.cfg, f.v, &f.tr, &f.va, NULL, NULL, &r, err,
                              sizeof err) == 0, "%s", err);
    ck_assert_msg(r.best_acc >= 0.95f, "validation accuracy %.2f", r.best_acc);
    model_t *m = model_load(out, err, sizeof err);
    ck_assert_msg(m != NULL, "%s", err);
    model_session_t *s = model_session_new(m);
    ck_assert_ptr_nonnull(s);
    const char *slots[] = {"John went to the office.", "Mary went to the kitchen."};
    static const struct {
        const char *msg, *reply;
        int kind;
    } cases[] = {
        {"Sandra went to the garden.", "got it", MODEL_KIND_STATEMENT},
        {"Hello there.", "good morning", MODEL_KIND_OTHER},
        {"Where is Mary?", "kitchen", MODEL_KIND_ANSWER},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char ans[64];
        int kind = -1;
        ck_assert_int_ge(model_answer(s, slots, 2, cases[i].msg, NULL, ans, sizeof ans, &kind,
                                      NULL, err, sizeof err), 1);
        ck_assert_msg(strcmp(ans, cases[i].reply) == 0 && kind == cases[i].kind,
                      "'%s' -> '%s' (%s)", cases[i].msg, ans, model_kind_name(kind));
    }
    /* the message given already split: the same reply and kind */
    tok_list_t tl = {0};
    ck_assert_int_eq(tok_split("Hello there.", 12, &tl, NULL, 0), TOK_OK);
    char ans[64];
    int kind = -1;
    ck_assert_int_eq(model_answer(s, slots, 2, "Hello there.", &tl, ans, sizeof ans, &kind, NULL,
                                  err, sizeof err), 2);
    ck_assert_int_eq(kind, MODEL_KIND_OTHER);
    tok_list_free(&tl);
    /* invalid UTF-8 is the input's fault, and says so */
    ck_assert_int_eq(model_answer(s, slots, 2, "bad \xff", NULL, ans, sizeof ans, &kind, NULL,
                                  err, sizeof err), MODEL_EINVAL);
    model_session_free(s);
    model_free(m);
    unlink(out);
    rmdir(tmpdir);
    fixture_free(&f);
}
END_TEST

START_TEST(test_warm_start_carries_shared_words_and_shapes)
{
    fixture_t f;
    fixture_make(&f, 60, 1);
    size_t np = net_nparams(&f.cfg);
    float *from = malloc(np * sizeof(float)), *to = NULL;
    ck_assert_ptr_nonnull(from);
    trainer_init_params(from, &f.cfg, 11);
    /* a vocabulary that adds a word in front: every known word moves one id up */
    vocab_t *v2 = vocab_new();
    vocab_add(v2, "zebra");
    for (int w = 3; w < vocab_size(f.v); w++)
        vocab_add(v2, vocab_word(f.v, w));
    net_cfg_t c2 = f.cfg;
    c2.V = vocab_size(v2);
    size_t np2 = net_nparams(&c2);
    to = malloc(np2 * sizeof(float));
    ck_assert_ptr_nonnull(to);
    trainer_init_params(to, &c2, 12);
    char err[256];
    ck_assert_int_eq(trainer_warm_start(to, &c2, v2, from, &f.cfg, f.v, err, sizeof err),
                     vocab_size(f.v));
    net_params_t a, b;
    net_carve(&a, from, &f.cfg);
    net_carve(&b, to, &c2);
    int D = f.cfg.D, mary = vocab_find(f.v, "mary"), mary2 = vocab_find(v2, "mary");
    ck_assert_int_eq(mary2, mary + 1);
    ck_assert_mem_eq(b.emb + (size_t)mary2 * D, a.emb + (size_t)mary * D, sizeof(float) * D);
    ck_assert(b.dec.wv[(size_t)(D - 1) * c2.V + mary2] ==
              a.dec.wv[(size_t)(D - 1) * f.cfg.V + mary]);
    ck_assert_mem_eq(b.time, a.time, sizeof(float) * (size_t)f.cfg.S * D);
    ck_assert_mem_eq(b.dec.pk, a.dec.pk, sizeof(float) * (size_t)f.cfg.J * D);
    /* another shape is refused with both shapes named */
    c2.D = 8;
    ck_assert_int_eq(trainer_warm_start(to, &c2, v2, from, &f.cfg, f.v, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "D 16"));
    free(from);
    free(to);
    vocab_free(v2);
    fixture_free(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("trainer");
    TCase *data = tcase_create("data"), *train = tcase_create("train"),
          *file = tcase_create("modelfile");
    tcase_add_test(data, test_reader_parses_stories_questions_and_list_answers);
    tcase_add_test(data, test_reader_keeps_the_most_recent_slots);
    tcase_add_test(data, test_reader_acknowledgements_question_mark_rare_words_and_split);
    tcase_add_test(data, test_reader_can_leave_the_question_mark_out);
    tcase_add_test(data, test_reader_rejects_malformed_files);
    tcase_add_test(data, test_a_line_number_is_read_within_its_line_and_the_buffer);
    tcase_set_timeout(train, 100);
    tcase_add_test(train, test_loss_falls);
    tcase_add_test(train, test_two_move_task_reaches_high_accuracy);
    tcase_add_test(train, test_same_seed_gives_identical_loss);
    tcase_add_test(train, test_resume_continues_where_the_checkpoint_stopped);
    tcase_add_test(train, test_loaded_model_encodes_and_answers);
    tcase_add_test(train, test_warm_start_carries_shared_words_and_shapes);
    tcase_add_test(train, test_trainer_records_the_acknowledgement_and_the_small_talk_it_knows);
    tcase_add_test(train,
                   test_the_model_says_which_reply_acknowledges_answers_or_makes_small_talk);
    tcase_add_test(file, test_model_file_round_trip);
    tcase_add_test(file, test_truncated_model_file_is_an_error);
    tcase_add_test(file, test_flipped_byte_is_a_bad_checksum);
    tcase_add_test(file, test_wrong_magic_and_version_are_named);
    tcase_add_test(file, test_mismatched_sizes_are_named);
    tcase_add_test(file, test_missing_file_is_an_error);
    suite_add_tcase(s, data);
    suite_add_tcase(s, train);
    suite_add_tcase(s, file);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
