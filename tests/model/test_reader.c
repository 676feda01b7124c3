/* test_reader.c: the reader as a whole, read as the specification: the names of acts,
 * relations and tags; a tiny reader trained in seconds on a few hundred clauses from a
 * small generator written here learns them; it travels in the model file (version 4)
 * and reads the same after loading; a version-3 file loads without a reader; a bad
 * reader section is refused with a message that says so. */
#include "model/model.h"
#include "model/modelfile.h"
#include "model/reader_internal.h"
#include "model/trainer.h"

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a small generator of labelled clauses ------------------------------------------- */

static const char *const holders[] = {"sister", "brother", "dog", "cat", "mother", "boss"};
static const char *const names[] = {"odile", "tom", "lena", "marta", "oskar", "bruno",
                                    "ann",   "rob", "aria", "li",    "pia",   "nils"};
static const char *const cities[] = {"lyon", "turin", "bergen", "oslo", "york", "porto"};
static const char *const jobs[] = {"dentist", "baker", "pilot", "nurse", "teacher", "chef"};
#define PICK(a, k) (a[(k) % (sizeof a / sizeof a[0])])

/* Adds a word with its tag to cl. */
static void w(dialogue_clause_t *cl, const char *word, int tag)
{
    snprintf(cl->word[cl->n], DIALOGUE_WORD_BYTES, "%s", word);
    cl->tag[cl->n++] = (unsigned char)tag;
}

/* Clause i: one of eight shapes, its words drawn by i. */
static void make_clause(int i, dialogue_clause_t *cl)
{
    memset(cl, 0, sizeof *cl);
    unsigned k = (unsigned)i * 2654435761u >> 8;
    const char *h = PICK(holders, k), *nm = PICK(names, k / 7), *old = PICK(names, k / 7 + 3);
    switch (i % 8) {
    case 0: /* my sister is called odile */
        w(cl, "my", READER_B_HOLDER), w(cl, h, READER_I_HOLDER), w(cl, "is", READER_B_REL);
        w(cl, "called", READER_I_REL), w(cl, nm, READER_B_VALUE);
        cl->act = READER_FACT, cl->rel = READER_REL_NAME;
        break;
    case 1: /* i live in lyon */
        w(cl, "i", READER_B_HOLDER), w(cl, "live", READER_B_REL), w(cl, "in", READER_I_REL);
        w(cl, PICK(cities, k / 3), READER_B_VALUE);
        cl->act = READER_FACT, cl->rel = READER_REL_HOME;
        break;
    case 2: /* i work as a dentist */
        w(cl, "i", READER_B_HOLDER), w(cl, "work", READER_B_REL), w(cl, "as", READER_I_REL);
        w(cl, "a", READER_O), w(cl, PICK(jobs, k / 5), READER_B_VALUE);
        cl->act = READER_FACT, cl->rel = READER_REL_JOB;
        break;
    case 3: /* what is my sister called */
        w(cl, "what", READER_O), w(cl, "is", READER_O), w(cl, "my", READER_B_HOLDER);
        w(cl, h, READER_I_HOLDER), w(cl, "called", READER_B_REL);
        cl->act = READER_QUESTION, cl->rel = READER_REL_NAME;
        break;
    case 4: /* where do i live */
        w(cl, "where", READER_O), w(cl, "do", READER_O), w(cl, "i", READER_B_HOLDER);
        w(cl, "live", READER_B_REL);
        cl->act = READER_QUESTION, cl->rel = READER_REL_HOME;
        break;
    case 5: /* hello there / thanks a lot */
        if (k % 2) {
            w(cl, "hello", READER_O), w(cl, "there", READER_O);
        } else {
            w(cl, "thanks", READER_O), w(cl, "a", READER_O), w(cl, "lot", READER_O);
        }
        cl->act = READER_SMALLTALK, cl->rel = READER_REL_OPEN;
        break;
    case 6: /* please forget my address */
        w(cl, "please", READER_O), w(cl, "forget", READER_O), w(cl, "my", READER_B_HOLDER);
        w(cl, "address", READER_B_REL);
        cl->act = READER_FORGET, cl->rel = READER_REL_HOME;
        break;
    default: /* sorry i meant odile not lena */
        w(cl, "sorry", READER_O), w(cl, "i", READER_O), w(cl, "meant", READER_O);
        w(cl, nm, READER_B_VALUE), w(cl, "not", READER_O);
        w(cl, strcmp(old, nm) ? old : "pia", READER_B_OLD);
        cl->act = READER_CORRECTION, cl->rel = READER_REL_NAME;
        break;
    }
}

static void make_set(reader_set_t *s, int from, int n)
{
    reader_set_init(s);
    dialogue_clause_t cl;
    for (int i = from; i < from + n; i++) {
        make_clause(i, &cl);
        ck_assert_int_eq(reader_set_add(s, &cl), 0);
    }
}

static reader_t *tiny_reader(reader_train_result_t *res)
{
    reader_set_t tr, va;
    make_set(&tr, 0, 400);
    make_set(&va, 10000, 80);
    reader_train_opts_t o;
    reader_train_opts_default(&o);
    o.epochs = 12;
    o.batch = 16;
    o.hidden = 16;
    o.embed = 16;
    o.buckets = 1024;
    o.min_count = 1;
    o.lr = 0.01f;
    o.patience = 0;
    o.threads = 2;
    char err[256] = "";
    reader_t *r = reader_train(&o, &tr, &va, res, err, sizeof err);
    ck_assert_msg(r != NULL, "%s", err);
    reader_set_free(&tr);
    reader_set_free(&va);
    return r;
}

/* ---- names ------------------------------------------------------------------------- */

START_TEST(test_every_name_parses_back_to_its_value)
{
    for (int a = 0; a < READER_NACTS; a++)
        ck_assert_int_eq(reader_act_parse(reader_act_name(a)), a);
    for (int r = 0; r < READER_NRELS; r++)
        ck_assert_int_eq(reader_rel_parse(reader_rel_name(r)), r);
    for (int t = 0; t < READER_NTAGS; t++)
        ck_assert_int_eq(reader_tag_parse(reader_tag_name(t)), t);
    ck_assert_str_eq(reader_act_name(READER_UNABLE), "unable");
    ck_assert_str_eq(reader_rel_name(READER_REL_OWNS), "owns");
    ck_assert_str_eq(reader_tag_name(READER_I_NAME), "I-NAME");
    ck_assert_ptr_null(reader_act_name(READER_NACTS));
    ck_assert_ptr_null(reader_tag_name(-1));
    ck_assert_int_eq(reader_rel_parse("colour"), -1);
    ck_assert_int_eq(reader_act_parse(NULL), -1);
}
END_TEST

/* ---- learning ------------------------------------------------------------------------ */

START_TEST(test_tiny_reader_learns_its_clauses)
{
    reader_train_result_t res;
    reader_t *r = tiny_reader(&res);
    reader_set_t tr;
    make_set(&tr, 0, 400);
    reader_metrics_t m;
    ck_assert_int_eq(reader_evaluate(r, &tr, 2, &m), 0);
    ck_assert_int_eq(m.n, 400);
    ck_assert_double_ge(m.act_acc, 0.97);
    ck_assert_double_ge(m.rel_acc, 0.97);
    ck_assert_double_ge(m.tag_acc, 0.95);
    ck_assert_double_ge(m.span_f1[2], 0.9); /* VALUE */
    /* and one clause through reader_read, a name it may never have seen */
    const char *words[] = {"my", "brother", "is", "called", "zebulon"};
    unsigned char tags[5];
    reader_out_t out = {.tags = tags};
    char err[128];
    ck_assert_int_eq(reader_read(r, words, NULL, 5, &out, err, sizeof err), 0);
    ck_assert_str_eq(reader_act_name(out.act), "fact");
    ck_assert_str_eq(reader_rel_name(out.rel), "name");
    ck_assert_int_eq(tags[0], READER_B_HOLDER);
    ck_assert_int_eq(tags[4], READER_B_VALUE);
    ck_assert_float_gt(out.act_p, 0.5f);
    reader_set_free(&tr);
    reader_free(r);
}
END_TEST

typedef struct read_job {
    const reader_t *r;
    int from, ok;
} read_job_t;

/* Reads 60 clauses and compares each with a read on this thread's own first pass. */
static void *read_many(void *arg)
{
    read_job_t *j = arg;
    j->ok = 1;
    for (int i = 0; i < 60; i++) {
        dialogue_clause_t cl;
        make_clause(j->from + i % 20, &cl);
        const char *words[DIALOGUE_MAX_WORDS];
        for (int t = 0; t < cl.n; t++)
            words[t] = cl.word[t];
        unsigned char t1[DIALOGUE_MAX_WORDS], t2[DIALOGUE_MAX_WORDS];
        reader_out_t o1 = {.tags = t1}, o2 = {.tags = t2};
        j->ok &= reader_read(j->r, words, cl.cap, cl.n, &o1, NULL, 0) == 0;
        j->ok &= reader_read(j->r, words, cl.cap, cl.n, &o2, NULL, 0) == 0;
        j->ok &= o1.act == o2.act && o1.rel == o2.rel && o1.act_p == o2.act_p &&
                 memcmp(t1, t2, (size_t)cl.n) == 0;
    }
    return NULL;
}

START_TEST(test_one_reader_is_read_by_threads_at_once)
{
    reader_train_result_t res;
    reader_t *r = tiny_reader(&res);
    pthread_t th[3];
    read_job_t j[3];
    for (int i = 0; i < 3; i++) {
        j[i] = (read_job_t){r, 30000 + 100 * i, 0};
        ck_assert_int_eq(pthread_create(&th[i], NULL, read_many, &j[i]), 0);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(th[i], NULL);
        ck_assert(j[i].ok);
    }
    reader_free(r);
}
END_TEST

/* ---- the model file ----------------------------------------------------------------- */

static char tmpdir[256], path[512];

/* Writes a small memory model (it acknowledges with "got it") to path, with r's
 * section when r is set. */
static void write_model(const reader_t *r, const unsigned char *sec, size_t seclen)
{
    vocab_t *v = vocab_new();
    vocab_add(v, "got");
    vocab_add(v, "it");
    net_cfg_t c = {.V = vocab_size(v), .Hb = 4, .D = 8, .A = 4, .S = 4, .J = 5, .T = 3,
                   .hops = 1, .tied = 1};
    float *params = malloc(net_nparams(&c) * sizeof(float));
    trainer_init_params(params, &c, 3);
    modelfile_phrases_t ph = {0};
    char err[256];
    ck_assert_int_eq(modelfile_phrases_add(&ph, v, MODEL_KIND_STATEMENT, "got it", err,
                                           sizeof err), 0);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/mnemo-reader-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    snprintf(path, sizeof path, "%s/model.mnemo", tmpdir);
    size_t len = seclen;
    unsigned char *own = NULL;
    if (r && !sec)
        sec = own = reader_serialize(r, &len);
    ck_assert_msg(modelfile_write_reader(path, &c, v, &ph, params, NULL, sec, len, err,
                                         sizeof err) == 0, "%s", err);
    free(own);
    free(params);
    vocab_free(v);
}

static void cleanup(void)
{
    unlink(path);
    rmdir(tmpdir);
}

static uint32_t file_version(void)
{
    FILE *f = fopen(path, "rb");
    unsigned char b[12];
    ck_assert_uint_eq(fread(b, 1, 12, f), 12);
    fclose(f);
    uint32_t v;
    memcpy(&v, b + 8, 4);
    return v;
}

START_TEST(test_reader_round_trips_through_the_model_file)
{
    reader_train_result_t res;
    reader_t *r = tiny_reader(&res);
    write_model(r, NULL, 0);
    ck_assert_uint_eq(file_version(), 4);
    char err[256];
    model_t *m = model_load(path, err, sizeof err);
    ck_assert_msg(m != NULL, "%s", err);
    const reader_t *r2 = model_reader(m);
    ck_assert_ptr_nonnull(r2);
    ck_assert_int_eq(memcmp(&r2->c, &r->c, sizeof r->c), 0);
    ck_assert_int_eq(memcmp(r2->buf, r->buf, reader_nparams(&r->c) * sizeof(float)), 0);
    /* the fact threshold measured on the held-out clauses travels with it */
    if (res.best.nfact > 0)
        ck_assert_float_eq(reader_fact_min_p(r),
                           fminf((float)res.best.fact_p1, READER_FACT_MIN_P_V3));
    ck_assert_float_eq(reader_fact_min_p(r2), reader_fact_min_p(r));
    for (int i = 0; i < 40; i++) {
        dialogue_clause_t cl;
        make_clause(20000 + i, &cl);
        const char *words[DIALOGUE_MAX_WORDS];
        for (int t = 0; t < cl.n; t++)
            words[t] = cl.word[t];
        unsigned char t1[DIALOGUE_MAX_WORDS], t2[DIALOGUE_MAX_WORDS];
        reader_out_t o1 = {.tags = t1}, o2 = {.tags = t2};
        ck_assert_int_eq(reader_read(r, words, cl.cap, cl.n, &o1, err, sizeof err), 0);
        ck_assert_int_eq(reader_read(r2, words, cl.cap, cl.n, &o2, err, sizeof err), 0);
        ck_assert_int_eq(o1.act, o2.act);
        ck_assert_int_eq(o1.rel, o2.rel);
        ck_assert_float_eq(o1.act_p, o2.act_p);
        ck_assert_mem_eq(t1, t2, (size_t)cl.n);
    }
    model_free(m);
    cleanup();
    reader_free(r);
}
END_TEST

START_TEST(test_version_3_file_loads_without_a_reader)
{
    write_model(NULL, NULL, 0);
    ck_assert_uint_eq(file_version(), 3); /* no sections: written as version 3 */
    char err[256];
    model_t *m = model_load(path, err, sizeof err);
    ck_assert_msg(m != NULL, "%s", err);
    ck_assert_ptr_null(model_reader(m));
    model_free(m);
    cleanup();
}
END_TEST

/* The section of a small untrained reader (*len bytes, the caller frees it). */
static unsigned char *small_section(size_t *len)
{
    reader_cfg_t c = {.V = 5, .Nb = 8, .E = 4, .H = 3};
    vocab_t *v = vocab_new();
    vocab_add(v, "hello");
    vocab_add(v, "there");
    float *buf = calloc(reader_nparams(&c), sizeof(float));
    reader_t *r = reader_wrap(&c, v, buf);
    unsigned char *sec = reader_serialize(r, len);
    ck_assert_ptr_nonnull(sec);
    reader_free(r);
    return sec;
}

/* A reader section whose u32 at `at` says x (the file's checksum made right). */
static void expect_refused(size_t at, uint32_t x, size_t cut, const char *needle)
{
    size_t len;
    unsigned char *sec = small_section(&len);
    if (at + 4 <= len)
        memcpy(sec + at, &x, 4);
    write_model(NULL, sec, len - cut);
    char err[512] = "";
    model_t *m = model_load(path, err, sizeof err);
    ck_assert_ptr_null(m);
    ck_assert_msg(strstr(err, needle) != NULL, "'%s' does not say '%s'", err, needle);
    ck_assert_msg(strstr(err, path) != NULL, "'%s' does not name the file", err);
    free(sec);
    cleanup();
}

START_TEST(test_corrupt_reader_section_is_refused_with_a_clear_message)
{
    /* version, then V, Nb, E, H at 4, 8, 12, 16; then acts, relations, tags */
    expect_refused(0, 7, 0, "reader section: unsupported version 7");
    expect_refused(16, 100000, 0, "reader section: hidden 100000 is out of range");
    expect_refused(8, 0, 0, "reader section: buckets 0 is out of range");
    expect_refused(20, READER_NACTS + 1, 0, "reader section: 9 acts, this build has 8");
    expect_refused(4, 6, 0, "reader section:"); /* one more word than the table has */
    expect_refused(1u << 30, 0, 7, "reader section: truncated");
    /* the fact threshold after the tags (at 32): a NaN is no probability */
    expect_refused(32, 0x7fc00000u, 0, "reader section: fact threshold nan is not a probability");
}
END_TEST

/* A version-3 section (before the threshold was kept) reads with READER_FACT_MIN_P_V3. */
START_TEST(test_version_3_reader_section_gets_the_old_threshold)
{
    size_t len;
    unsigned char *sec = small_section(&len);
    uint32_t three = 3;
    memcpy(sec, &three, 4);
    memmove(sec + 32, sec + 36, len - 36);      /* no threshold */
    char err[256];
    reader_t *r3 = reader_parse(sec, len - 4, err, sizeof err);
    ck_assert_msg(r3 != NULL, "%s", err);
    ck_assert_float_eq(reader_fact_min_p(r3), READER_FACT_MIN_P_V3);
    reader_free(r3);
    free(sec);
}
END_TEST

START_TEST(test_flipped_byte_in_the_reader_section_fails_the_checksum)
{
    reader_train_result_t res;
    reader_t *r = tiny_reader(&res);
    write_model(r, NULL, 0);
    FILE *f = fopen(path, "r+b");
    fseek(f, -40, SEEK_END); /* inside the reader's parameters */
    int ch = fgetc(f);
    fseek(f, -40, SEEK_END);
    fputc(ch ^ 0x10, f);
    fclose(f);
    char err[512];
    ck_assert_ptr_null(model_load(path, err, sizeof err));
    ck_assert_msg(strstr(err, "bad checksum") != NULL, "%s", err);
    cleanup();
    reader_free(r);
}
END_TEST

/* ---- ensembles ----------------------------------------------------------------------- */

/* A copy of r's network (r alone) through its bytes. */
static reader_t *copy_of(const reader_t *r)
{
    size_t len;
    unsigned char *sec = reader_serialize(r, &len);
    ck_assert_ptr_nonnull(sec);
    char err[256];
    reader_t *c = reader_parse(sec, len, err, sizeof err);
    ck_assert_msg(c != NULL, "%s", err);
    free(sec);
    return c;
}

/* A reader of the trained one's sizes with every parameter 0: each of its softmaxes is
 * uniform. */
static reader_t *flat_reader(const reader_t *like)
{
    reader_t *c = copy_of(like);
    memset(c->buf, 0, reader_nparams(&c->c) * sizeof(float));
    return c;
}

/* Reads clause i with r. */
static reader_out_t read_clause(const reader_t *r, int i, unsigned char *tags)
{
    dialogue_clause_t cl;
    make_clause(i, &cl);
    const char *words[DIALOGUE_MAX_WORDS];
    for (int t = 0; t < cl.n; t++)
        words[t] = cl.word[t];
    reader_out_t o = {.tags = tags};
    char err[256];
    ck_assert_int_eq(reader_read(r, words, cl.cap, cl.n, &o, err, sizeof err), 0);
    return o;
}

START_TEST(test_an_ensemble_reads_the_mean_of_its_members)
{
    reader_train_result_t res;
    reader_t *r = tiny_reader(&res);
    reader_t *twins = copy_of(r), *half = copy_of(r);
    twins->next = copy_of(r);
    half->next = flat_reader(r);    /* adds 1/8 to each act, 1/17 to each relation */
    ck_assert_int_eq(reader_members(r), 1);
    ck_assert_int_eq(reader_members(half), 2);
    for (int i = 0; i < 40; i++) {
        unsigned char t1[DIALOGUE_MAX_WORDS], t2[DIALOGUE_MAX_WORDS], t3[DIALOGUE_MAX_WORDS];
        reader_out_t o1 = read_clause(r, 21000 + i, t1), o2 = read_clause(twins, 21000 + i, t2);
        reader_out_t o3 = read_clause(half, 21000 + i, t3);
        dialogue_clause_t cl;
        make_clause(21000 + i, &cl);
        ck_assert_int_eq(o2.act, o1.act);
        ck_assert_int_eq(o2.rel, o1.rel);
        ck_assert_float_eq_tol(o2.act_p, o1.act_p, 1e-6);
        ck_assert_mem_eq(t2, t1, (size_t)cl.n);
        /* a uniform member moves no decision and halves the distance to uniform */
        ck_assert_int_eq(o3.act, o1.act);
        ck_assert_int_eq(o3.rel, o1.rel);
        ck_assert_float_eq_tol(o3.act_p, (o1.act_p + 1.0f / READER_NACTS) / 2, 1e-6);
        ck_assert_float_eq_tol(o3.rel_p, (o1.rel_p + 1.0f / READER_NRELS) / 2, 1e-6);
        ck_assert_mem_eq(t3, t1, (size_t)cl.n);
    }
    /* the evaluation averages the same way: twins score as one */
    reader_set_t va;
    make_set(&va, 10000, 80);
    reader_metrics_t m1, m2;
    ck_assert_int_eq(reader_evaluate(r, &va, 2, &m1), 0);
    ck_assert_int_eq(reader_evaluate(twins, &va, 2, &m2), 0);
    ck_assert_double_eq_tol(m2.score, m1.score, 1e-9);
    ck_assert_double_eq_tol(m2.span_f1[2], m1.span_f1[2], 1e-9);
    reader_set_free(&va);
    reader_free(r);
    reader_free(twins);
    reader_free(half);
}
END_TEST

/* An ensemble's confidence in its act is the median member's: one dissenter among
 * three does not make a fact doubtful. */
START_TEST(test_an_ensembles_confidence_is_its_median_members)
{
    float three[3] = {1.0f, 0.03f, 0.99f}, two[2] = {0.8f, 0.2f}, one[1] = {0.7f};
    ck_assert_float_eq(reader_median(three, 3), 0.99f);
    ck_assert_float_eq_tol(reader_median(two, 2), 0.5f, 1e-7);
    ck_assert_float_eq(reader_median(one, 1), 0.7f);
}
END_TEST

START_TEST(test_an_ensemble_round_trips_through_the_model_file)
{
    reader_train_result_t res;
    reader_t *r = tiny_reader(&res);
    reader_t *e = copy_of(r);
    e->next = flat_reader(r);
    e->next->next = copy_of(r);
    e->fact_min_p = 0.75f;
    write_model(e, NULL, 0);
    char err[256];
    model_t *m = model_load(path, err, sizeof err);
    ck_assert_msg(m != NULL, "%s", err);
    const reader_t *e2 = model_reader(m);
    ck_assert_int_eq(reader_members(e2), 3);
    ck_assert_float_eq(reader_fact_min_p(e2), 0.75f);
    for (int i = 0; i < 20; i++) {
        unsigned char t1[DIALOGUE_MAX_WORDS], t2[DIALOGUE_MAX_WORDS];
        reader_out_t o1 = read_clause(e, 22000 + i, t1), o2 = read_clause(e2, 22000 + i, t2);
        ck_assert_int_eq(o1.act, o2.act);
        ck_assert_float_eq(o1.act_p, o2.act_p);
        dialogue_clause_t cl;
        make_clause(22000 + i, &cl);
        ck_assert_mem_eq(t1, t2, (size_t)cl.n);
    }
    model_free(m);
    cleanup();
    reader_free(r);
    reader_free(e);
}
END_TEST

/* An ensemble section of two small readers (*len bytes; the caller frees it). */
static unsigned char *ensemble_section(size_t *len)
{
    size_t len1;
    unsigned char *one = small_section(&len1);
    *len = 12 + 2 * (8 + len1);
    unsigned char *sec = malloc(*len), *q = sec;
    uint32_t ver = 5, k = 2;
    float p = 0.9f;
    uint64_t n = len1;
    memcpy(q, &ver, 4), q += 4;
    memcpy(q, &k, 4), q += 4;
    memcpy(q, &p, 4), q += 4;
    for (int i = 0; i < 2; i++) {
        memcpy(q, &n, 8), q += 8;
        memcpy(q, one, len1), q += len1;
    }
    free(one);
    return sec;
}

/* ensemble_section with its u32 at `at` set to x (unless at is past the end) and `cut`
 * bytes cut off its end is refused, saying needle. */
static void expect_ensemble_refused(size_t at, uint32_t x, size_t cut, const char *needle)
{
    size_t len;
    unsigned char *sec = ensemble_section(&len);
    if (at + 4 <= len)
        memcpy(sec + at, &x, 4);
    char err[512] = "";
    reader_t *r = reader_parse(sec, len - cut, err, sizeof err);
    ck_assert_ptr_null(r);
    ck_assert_msg(strstr(err, needle) != NULL, "'%s' does not say '%s'", err, needle);
    free(sec);
}

START_TEST(test_a_bad_ensemble_section_is_refused_with_a_clear_message)
{
    size_t len;
    unsigned char *sec = ensemble_section(&len);     /* as made, it parses ... */
    char err[512] = "";
    reader_t *r = reader_parse(sec, len, err, sizeof err);
    ck_assert_msg(r != NULL, "%s", err);
    ck_assert_int_eq(reader_members(r), 2);
    ck_assert_float_eq(reader_fact_min_p(r), 0.9f);
    reader_free(r);
    free(sec);
    /* ... so each change below is what is refused */
    expect_ensemble_refused(4, 1, 0, "an ensemble needs 2 to 8 members, this one has 1");
    expect_ensemble_refused(4, READER_MAX_MEMBERS + 1, 0, "this one has 9");
    expect_ensemble_refused(8, 0x7fc00000u, 0, "fact threshold nan is not a probability");
    expect_ensemble_refused(1u << 30, 0, 5, "member 2 truncated");
    expect_ensemble_refused(20, 7, 0, "member 1: reader section: unsupported version 7");
    expect_ensemble_refused(20, 5, 0, "member 1: reader section: unsupported version 5 (a member is of version 3 or 4)");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reader");
    TCase *names = tcase_create("names");
    tcase_add_test(names, test_every_name_parses_back_to_its_value);
    suite_add_tcase(s, names);
    TCase *learn = tcase_create("learn");
    tcase_set_timeout(learn, 60);
    tcase_add_test(learn, test_tiny_reader_learns_its_clauses);
    tcase_add_test(learn, test_one_reader_is_read_by_threads_at_once);
    tcase_add_test(learn, test_version_3_reader_section_gets_the_old_threshold);
    tcase_add_test(learn, test_an_ensemble_reads_the_mean_of_its_members);
    tcase_add_test(learn, test_an_ensembles_confidence_is_its_median_members);
    suite_add_tcase(s, learn);
    TCase *file = tcase_create("file");
    tcase_set_timeout(file, 60);
    tcase_add_test(file, test_reader_round_trips_through_the_model_file);
    tcase_add_test(file, test_version_3_file_loads_without_a_reader);
    tcase_add_test(file, test_corrupt_reader_section_is_refused_with_a_clear_message);
    tcase_add_test(file, test_flipped_byte_in_the_reader_section_fails_the_checksum);
    tcase_add_test(file, test_an_ensemble_round_trips_through_the_model_file);
    tcase_add_test(file, test_a_bad_ensemble_section_is_refused_with_a_clear_message);
    suite_add_tcase(s, file);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
