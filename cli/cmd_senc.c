/* cmd_senc.c: `mnemo senc`: trains the sentence encoder of the dense search leg
 * (model/senc_train.h) from WordNet, bAbI and the generators into its own file, or
 * prints the cosines of texts under a trained one. No server is involved. */
#include "cli/cli.h"
#include "model/model.h"
#include "model/senc.h"
#include "model/senc_train.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    O_OUT, O_MODEL, O_WORDNET, O_BABI, O_BABI_PER_FILE, O_PERSONA, O_DIALOGUE, O_EPOCHS,
    O_BATCH, O_LR, O_TAU, O_BUCKETS, O_DIM, O_SEED, O_COUNTS, O_SIF, O_SLOTS, O_CROPS,
};

static const cli_opt_t senc_opts[] = {
    [O_OUT] = {"out", 'o', "FILE", "train: where to write the encoder"},
    [O_MODEL] = {"model", 'm', "FILE", "similar: the encoder file"},
    [O_WORDNET] = {"wordnet", 0, "DIR", "WordNet folder (default /usr/share/wordnet)"},
    [O_BABI] = {"babi", 0, "DIR", "bAbI folder of qa*_train.txt (none: no bAbI pairs)"},
    [O_BABI_PER_FILE] = {"babi-per-file", 0, "N", "bAbI pairs per task file (default 2000)"},
    [O_PERSONA] = {"persona", 0, "N", "personal-fact stories to draw pairs from (default "
                   "4000)"},
    [O_DIALOGUE] = {"dialogue", 0, "N", "dialogue generator pairs (default 40000)"},
    [O_EPOCHS] = {"epochs", 0, "N", "passes over the pairs"},
    [O_BATCH] = {"batch", 0, "B", "pairs per batch: each text's B - 1 negatives"},
    [O_LR] = {"lr", 0, "X", "Adam's peak step"},
    [O_TAU] = {"tau", 0, "X", "the temperature of the cosines"},
    [O_BUCKETS] = {"buckets", 0, "N", "hashed rows of stems and n-grams (default 65536)"},
    [O_DIM] = {"dim", 0, "D", "embedding width and sentence vector length (default 64)"},
    [O_SEED] = {"seed", 0, "S", "seed of the pairs, the weights and the batches"},
    [O_COUNTS] = {"counts", 0, "FILE|none", "word counts for the word weights (default "
                  "WordNet's cntlist.rev); none: every word weighs the same"},
    [O_SIF] = {"sif", 0, "A", "the word weights' a / (a + p) (default 0.001)"},
    [O_SLOTS] = {"word-slots", 0, "N", "hashed slots of word weights (default 262144)"},
    [O_CROPS] = {"crops", 0, "N", "pairs of a few words and the text they come from (default "
                 "0)"},
    {0},
};

static int num(const cli_args_t *a, int o, long lo, long hi, long *out)
{
    if (!a->val[o]) return 0;
    if (cli_parse_long(senc_opts[o].name, a->val[o], out) < 0) return -1;
    if (*out < lo || *out > hi)
        return cli_usage_error("senc", "--%s wants %ld..%ld", senc_opts[o].name, lo, hi);
    return 0;
}

static int real(const cli_args_t *a, int o, double lo, double hi, float *out)
{
    double x;
    if (!a->val[o]) return 0;
    if (cli_parse_double(senc_opts[o].name, a->val[o], &x) < 0) return -1;
    if (!(x > lo && x <= hi))
        return cli_usage_error("senc", "--%s wants a number in (%g, %g]", senc_opts[o].name,
                               lo, hi);
    *out = (float)x;
    return 0;
}

static int run_train(const cli_args_t *a)
{
    senc_train_cfg_t tc;
    senc_train_cfg_default(&tc);
    float sif = 0.001f;
    long babi_per = 2000, persona = 4000, dialogue = 40000, buckets = 65536, dim = 64,
         slots = 262144, crops = 0,
         epochs = tc.epochs, batch = tc.batch, seed = (long)tc.seed;
    if (!a->val[O_OUT]) return cli_usage_error("senc", "train needs --out FILE");
    if (num(a, O_BABI_PER_FILE, 0, 1000000, &babi_per) || num(a, O_PERSONA, 0, 10000000, &persona) ||
        num(a, O_DIALOGUE, 0, 10000000, &dialogue) ||
        num(a, O_BUCKETS, SENC_MIN_BUCKETS, SENC_MAX_BUCKETS, &buckets) ||
        num(a, O_DIM, SENC_MIN_DIM, SENC_MAX_DIM, &dim) || num(a, O_EPOCHS, 1, 1000, &epochs) ||
        num(a, O_BATCH, 2, 4096, &batch) || num(a, O_SEED, 0, 1L << 62, &seed) ||
        num(a, O_SLOTS, SENC_MIN_BUCKETS, SENC_MAX_BUCKETS, &slots) ||
        num(a, O_CROPS, 0, 100000000, &crops) ||
        real(a, O_LR, 0, 1, &tc.lr) || real(a, O_TAU, 0, 10, &tc.tau) ||
        real(a, O_SIF, 0, 1, &sif))
        return CLI_EXIT_USAGE;
    tc.epochs = (int)epochs;
    tc.batch = (int)batch;
    tc.seed = (uint64_t)seed;
    model_blas_single();
    char err[512];
    int rc = CLI_EXIT_USAGE;
    senc_pairs_t p = {0};
    const char *counts = a->val[O_COUNTS] ? a->val[O_COUNTS] : "/usr/share/wordnet/cntlist.rev";
    int weighted = strcmp(counts, "none") != 0;
    senc_cfg_t c = {(int)buckets, (int)dim, (int)dim, weighted ? (int)slots : 0};
    senc_t *s = senc_new(&c);
    if (!s) {
        fprintf(stderr, "mnemo senc: out of memory\n");
        return CLI_EXIT_USAGE;
    }
    if (senc_pairs_wordnet(&p, a->val[O_WORDNET], tc.seed, err, sizeof err) < 0 ||
        (a->val[O_BABI] && babi_per > 0 &&
         senc_pairs_babi(&p, a->val[O_BABI], (int)babi_per, tc.seed, err, sizeof err) < 0) ||
        (dialogue > 0 && senc_pairs_dialogue(&p, a->val[O_WORDNET], (int)dialogue, tc.seed, err,
                                             sizeof err) < 0)) {
        fprintf(stderr, "mnemo senc: %s\n", err);
        goto done;
    }
    if (persona > 0 && senc_pairs_persona(&p, (int)persona, tc.seed) < 0) {
        fprintf(stderr, "mnemo senc: out of memory in the persona pairs\n");
        goto done;
    }
    if (crops > 0 && senc_pairs_crops(&p, 8, (int)crops, tc.seed) < 0) {
        fprintf(stderr, "mnemo senc: out of memory in the crops\n");
        goto done;
    }
    if (weighted) {
        int k = senc_word_weights(s, counts, sif, err, sizeof err);
        if (k < 0) {
            fprintf(stderr, "mnemo senc: %s\n", err);
            goto done;
        }
        printf("word weights: %d stems counted in %s, a = %g\n", k, counts, (double)sif);
    }
    int count[SENC_NSOURCES] = {0};
    for (int i = 0; i < p.n; i++) count[p.src[i]]++;
    printf("pairs: %d (", p.n);
    for (int k = 0; k < SENC_NSOURCES; k++)
        printf("%s%s %d", k ? ", " : "", senc_source_name(k), count[k]);
    printf(")\nencoder: %d buckets, width %d, vectors of %d, %d word slots; %d epochs of batches of %d, lr %g, "
           "tau %g, seed %llu\n", c.Nb, c.E, c.D, c.Nw, tc.epochs, tc.batch, (double)tc.lr,
           (double)tc.tau, (unsigned long long)tc.seed);
    fflush(stdout);
    senc_init(s, tc.seed, tc.init);
    if (senc_train(s, &p, &tc, stdout, err, sizeof err) < 0 ||
        senc_save(s, a->val[O_OUT], err, sizeof err) < 0) {
        fprintf(stderr, "mnemo senc: %s\n", err);
        goto done;
    }
    printf("wrote %s (tag %s)\n", a->val[O_OUT], s->tag);
    rc = CLI_EXIT_OK;
done:
    senc_pairs_free(&p);
    senc_free(s);
    return rc;
}

/* The cosine of the first text with each other one. */
static int run_similar(const cli_args_t *a)
{
    if (!a->val[O_MODEL]) return cli_usage_error("senc", "similar needs --model FILE");
    if (a->npos < 3) return cli_usage_error("senc", "similar wants two texts or more");
    char err[512];
    senc_t *s = senc_load(a->val[O_MODEL], err, sizeof err);
    if (!s) {
        fprintf(stderr, "mnemo senc: %s\n", err);
        return CLI_EXIT_USAGE;
    }
    int rc = CLI_EXIT_USAGE, D = s->cfg.D;
    float *v = malloc((size_t)D * a->npos * sizeof *v);
    if (!v) goto done;
    for (int i = 1; i < a->npos; i++)
        if (senc_encode(s, a->pos[i], strlen(a->pos[i]), v + (size_t)D * i, err,
                        sizeof err) != 0) {
            fprintf(stderr, "mnemo senc: \"%s\": %s\n", a->pos[i], err);
            goto done;
        }
    for (int i = 2; i < a->npos; i++) {
        double dot = 0;
        for (int d = 0; d < D; d++) dot += (double)v[D + d] * v[(size_t)D * i + d];
        printf("%.3f\t%s\n", dot, a->pos[i]);
    }
    rc = CLI_EXIT_OK;
done:
    free(v);
    senc_free(s);
    return rc;
}

static int run_senc(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    const char *what = a->pos[0];
    if (strcmp(what, "train") == 0) return run_train(a);
    if (strcmp(what, "similar") == 0) return run_similar(a);
    return cli_usage_error("senc", "no senc command '%s' (train or similar)", what);
}

const cli_cmd_t cli_cmd_senc = {
    "senc", "train|similar [TEXT...]",
    "train the sentence encoder of the dense search leg, or print the cosines of texts "
    "under one",
    senc_opts, 1, -1, run_senc,
};
