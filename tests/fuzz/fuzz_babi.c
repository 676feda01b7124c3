/* fuzz_babi.c: libFuzzer harness for the bAbI reader (model/babi.c), taken the way the
 * trainer takes a file: the text read into a corpus (once as it is, once with questions
 * read without their question mark and every other statement made an acknowledgement
 * example), the vocabulary built and both splits encoded into sets and a batch. A text
 * the reader refuses must give a message and leave the corpus as it was; one it takes
 * must give sets whose ids, slots and answers stay inside what they index. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/data.h"
#include "model/layers.h"
#include "model/vocab.h"
#include "fuzz.h"

enum { HB = 16, J = 6, SMAX = 4, T = BABI_TMAX + 1, B = 4 };

/* Every id of ids[0..n) indexes the embedding table of V words and HB buckets. */
static void check_ids(const int *ids, size_t n, int V)
{
    for (size_t i = 0; i < n; i++)
        CHECK(ids[i] >= 0 && ids[i] < V + HB);
}

/* Builds split of c with v and checks what the trainer would index with it. */
static void check_set(const babi_corpus_t *c, const vocab_t *v, int split)
{
    babi_set_t s;
    if (babi_set_build(&s, c, v, split, HB, J, SMAX) < 0) return;     /* out of memory */
    int V = vocab_size(v);
    CHECK(s.n == babi_corpus_questions(c, split));
    check_ids(s.sent, (size_t)s.nsent * J, V);
    check_ids(s.q, (size_t)s.n * J, V);
    check_ids(s.ans, (size_t)s.n * BABI_TMAX, V);
    for (int e = 0; e < s.n; e++) {
        CHECK(s.nans[e] >= 1 && s.nans[e] <= BABI_TMAX);
        CHECK(s.ns[e] >= 0 && s.ns[e] <= SMAX);
        CHECK(s.s0[e] >= 0 && s.s0[e] + s.ns[e] <= s.nsent);
        CHECK(s.ack[e] == 0 || s.ack[e] == 1);
    }
    if (s.n > 0) {
        int idx[B], story[B * SMAX * J], question[B * J], ans_in[B * T], ans_out[B * T];
        for (int b = 0; b < B; b++)
            idx[b] = (int)((unsigned)b * 7919u % (unsigned)s.n);
        int targets = babi_batch_fill(&s, idx, B, SMAX, T, story, question, ans_in, ans_out);
        CHECK(targets >= 2 * B && targets <= B * T);
        check_ids(story, sizeof story / sizeof story[0], V);
        check_ids(question, sizeof question / sizeof question[0], V);
        for (int i = 0; i < B * T; i++)
            CHECK(ans_out[i] >= -1 && ans_out[i] < V + HB);
    }
    babi_set_free(&s);
}

static void read_as(const char *text, size_t len, int variant)
{
    char err[256] = "";
    babi_corpus_t *c = babi_corpus_new();
    if (!c) return;
    if (variant) {
        babi_corpus_set_qmark(c, 0);
        babi_corpus_set_ack(c, 2);
    }
    if (babi_read_buffer(c, "qa1_fuzz_train.txt", text, len, err, sizeof err) < 0) {
        CHECK(err[0]);
        CHECK(babi_corpus_questions(c, -1) == 0);
        babi_corpus_free(c);
        return;
    }
    int nq = babi_corpus_questions(c, -1);
    CHECK(nq >= 1 && nq == babi_corpus_questions(c, 0) + babi_corpus_questions(c, 1));
    CHECK(babi_corpus_stories(c) >= 1);
    vocab_t *v = vocab_new();
    if (v && babi_vocab_build(c, v) == 0) {
        check_set(c, v, 0);
        check_set(c, v, 1);
    }
    vocab_free(v);
    babi_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_as((const char *)data, size, 0);
    read_as((const char *)data, size, 1);
    return 0;
}
