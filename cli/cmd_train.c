/* cmd_train.c: `mnemo train`: reads bAbI files (explicit ones, or tasks of a setting
 * under the bAbI folder), builds the vocabulary from the training split, trains the
 * memory model on both cores with checkpoints every epoch, and writes the best model.
 * Its defaults make a model mnemod can chat with (it acknowledges statements). The
 * shape options are bounded by the model file's table (modelfile_limits).
 * `--bench-peak` only measures cblas_sgemm's peak. Also the bAbI file lookup that
 * `mnemo eval` shares (cmd_model.h). */
#include "cli/cli.h"
#include "cli/cmd_model.h"
#include "model/modelfile.h"
#include "model/persona.h"
#include "model/trainer.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Finds "qaN_*_train.txt" in dir; 0 with path filled, or -1. */
static int find_task(const char *dir, int task, char *path, size_t n)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char prefix[16];
    snprintf(prefix, sizeof prefix, "qa%d_", task);
    struct dirent *e;
    int rc = -1;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && l > 10 &&
            strcmp(e->d_name + l - 10, "_train.txt") == 0) {
            int w = snprintf(path, n, "%s/%s", dir, e->d_name);
            rc = w > 0 && (size_t)w < n ? 0 : -1;
            break;
        }
    }
    closedir(d);
    return rc;
}

int cmd_model_read(babi_corpus_t *c, const char *const *files, int nfiles,
                   const char *tasks, const char *setting, const char *dir)
{
    char err[512], path[4096];
    for (int i = 0; i < nfiles; i++) {
        if (babi_read_file(c, files[i], err, sizeof err) < 0) {
            fprintf(stderr, "mnemo: %s\n", err);
            return -1;
        }
    }
    if (nfiles > 0)
        goto done;
    if (!dir)
        dir = getenv("MNEMO_BABI_DIR");
    if (!dir)
        dir = is_dir("../shared/data/babi") ? "../shared/data/babi" : "../../shared/data/babi";
    if (!setting)
        setting = "1k";
    if (strcmp(setting, "1k") != 0 && strcmp(setting, "10k") != 0) {
        fprintf(stderr, "mnemo: --setting is 1k or 10k, not '%s'\n", setting);
        return -1;
    }
    char sub[4096];
    int w = snprintf(sub, sizeof sub, "%s/%s", dir, strcmp(setting, "1k") == 0 ? "en" : "en-10k");
    if (w < 0 || (size_t)w >= sizeof sub || !is_dir(sub)) {
        fprintf(stderr, "mnemo: no bAbI folder %s (give --babi-dir or data files)\n", sub);
        return -1;
    }
    int want[21] = {0};
    if (tasks && strcmp(tasks, "none") == 0)
        goto done;
    if (!tasks || strcmp(tasks, "all") == 0) {
        for (int t = 1; t <= 20; t++)
            want[t] = 1;
    } else {
        for (const char *s = tasks; *s;) {
            char *end;
            long t = strtol(s, &end, 10);
            if (end == s || t < 1 || t > 20 || (*end && *end != ',')) {
                fprintf(stderr, "mnemo: --tasks is 'all' or numbers 1-20 with commas: '%s'\n",
                        tasks);
                return -1;
            }
            want[t] = 1;
            s = *end ? end + 1 : end;
        }
    }
    for (int t = 1; t <= 20; t++) {
        if (!want[t])
            continue;
        if (find_task(sub, t, path, sizeof path) < 0) {
            fprintf(stderr, "mnemo: task %d not found in %s\n", t, sub);
            return -1;
        }
        if (babi_read_file(c, path, err, sizeof err) < 0) {
            fprintf(stderr, "mnemo: %s\n", err);
            return -1;
        }
    }
done:
    fprintf(stderr, "read %d stories, %d questions (%d training, %d validation)\n",
            babi_corpus_stories(c), babi_corpus_questions(c, -1), babi_corpus_questions(c, 0),
            babi_corpus_questions(c, 1));
    return 0;
}

int cmd_model_persona(babi_corpus_t *c, int n, uint64_t seed, int pool)
{
    char *buf = NULL, err[512];
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int rc = f ? 0 : -1;
    for (int i = 0; i < n && rc == 0; i++) {
        persona_story_t st;
        rc = persona_story_make(&st, seed, i, pool);
        if (rc == 0) {
            rc = persona_render(&st, f);
            persona_story_free(&st);
        }
    }
    if (f && fclose(f) != 0)
        rc = -1;
    if (rc < 0) {
        fprintf(stderr, "mnemo: out of memory generating conversations\n");
        free(buf);
        return -1;
    }
    babi_corpus_set_ack(c, 1); /* every told fact is acknowledged */
    babi_corpus_set_split(c, pool == PERSONA_HELDOUT ? 1 : -1);
    rc = babi_read_buffer(c, pool == PERSONA_HELDOUT ? "persona-heldout" : "persona", buf, len,
                          err, sizeof err);
    free(buf);
    babi_corpus_set_split(c, -1);
    if (rc < 0)
        fprintf(stderr, "mnemo: %s\n", err);
    else
        fprintf(stderr, "generated %d personal-fact conversations (%s pool, seed %llu)\n", n,
                pool == PERSONA_HELDOUT ? "held-out" : "training", (unsigned long long)seed);
    return rc;
}

/* The default of --ack: 1 in TRAIN_ACK bAbI statements teaches the acknowledgement
 * that tells mnemod a message was a statement (model_load refuses a model without). */
#define TRAIN_ACK 4
#define TRAIN_STR_(x) #x
#define TRAIN_STR(x) TRAIN_STR_(x)

enum {
    O_DATA, O_TASKS, O_DIR, O_SETTING, O_OUT, O_EPOCHS, O_BATCH, O_SEED, O_RESUME, O_HIDDEN,
    O_HOPS, O_THREADS, O_LR, O_WD, O_SLOTS, O_PATIENCE, O_PEAK, O_PERSONA, O_ACK, O_MINCOUNT,
    O_BUCKETS, O_INIT, O_PLATEAU, O_QMARK,
};

static const cli_opt_t train_opts[] = {
    [O_DATA] = {"data", 0, "FILE", "a bAbI-format file (more may follow as arguments)"},
    [O_TASKS] = {"tasks", 0, "LIST", "bAbI tasks: all, none or 1,2,3 (default all)"},
    [O_DIR] = {"babi-dir", 0, "DIR", "bAbI folder (default ../shared/data/babi)"},
    [O_SETTING] = {"setting", 0, "1k|10k", "training set size (default 1k)"},
    [O_OUT] = {"out", 'o', "FILE", "model file to write (default model.bin)"},
    [O_EPOCHS] = {"epochs", 0, "N", "at most N epochs (default 40)"},
    [O_BATCH] = {"batch", 0, "B", "examples per step (default 32)"},
    [O_SEED] = {"seed", 0, "S", "random seed (default 1)"},
    [O_RESUME] = {"resume", 0, "CKPT", "continue from a checkpoint (OUT.ckpt)"},
    [O_HIDDEN] = {"hidden", 0, "D", "hidden size (default 64)"},
    [O_HOPS] = {"hops", 0, "H", "episodic memory hops (default 3)"},
    [O_THREADS] = {"threads", 0, "N", "worker threads (default 2)"},
    [O_LR] = {"lr", 0, "X", "Adam learning rate (default 0.002)"},
    [O_WD] = {"weight-decay", 0, "X", "decoupled (AdamW) weight decay (default 0)"},
    [O_SLOTS] = {"slots", 0, "S", "memory slots: the most recent S statements (default 50)"},
    [O_PATIENCE] = {"patience", 0, "N", "stop after N epochs without gain (default 8)"},
    [O_PEAK] = {"bench-peak", 0, NULL, "only measure cblas_sgemm's peak GFLOP/s"},
    [O_PERSONA] = {"persona", 0, "N", "add N generated personal-fact conversations (default 0)"},
    [O_ACK] = {"ack", 0, "N", "teach the acknowledgement on 1 in N bAbI statements (default "
                              TRAIN_STR(TRAIN_ACK) "; 0: none, and mnemod will refuse the "
                              "model unless --persona teaches it)"},
    [O_MINCOUNT] = {"min-count", 0, "N", "words seen fewer times stay unknown (default 1)"},
    [O_BUCKETS] = {"buckets", 0, "N", "hashed buckets for unknown words (default 64)"},
    [O_INIT] = {"init", 0, "MODEL", "start from what MODEL learned (its shape; any vocabulary)"},
    [O_PLATEAU] = {"plateau", 0, "N", "halve the learning rate after N epochs without gain "
                                      "(default " TRAIN_STR(TRAINER_PLATEAU) "; 0: never)"},
    [O_QMARK] = {"question-mark", 0, "0|1", "bAbI questions end with the question-mark token "
                                           "(default 1; 0: as issue 3's models were trained)"},
    {0},
};

static int opt_int(const cli_args_t *a, int i, const char *name, long lo, long hi, int *out)
{
    if (!a->val[i])
        return 0;
    long x;
    if (cli_parse_long(name, a->val[i], &x) < 0)
        return -1;
    if (x < lo || x > hi) {
        cli_usage_error("train", "--%s must be in %ld..%ld", name, lo, hi);
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* opt_int bounded by the model file's row f (the one table of what a file may hold). */
static int opt_field(const cli_args_t *a, int i, const char *name, int f, int *out)
{
    return opt_int(a, i, name, modelfile_limits[f].min, modelfile_limits[f].max, out);
}

/* Fresh parameters for c carrying over what the model at path learned. 0 or -1. */
static int warm_start(const char *path, const net_cfg_t *c, const vocab_t *v, uint64_t seed,
                      float **params)
{
    char err[512];
    net_cfg_t fc;
    vocab_t *fv = NULL;
    float *from = NULL;
    if (modelfile_read(path, &fc, &fv, NULL, &from, NULL, err, sizeof err) < 0) {
        fprintf(stderr, "mnemo: --init: %s\n", err);
        return -1;
    }
    int words = -1;
    *params = malloc(sizeof(float) * net_nparams(c));
    if (!*params) {
        snprintf(err, sizeof err, "out of memory");
    } else {
        trainer_init_params(*params, c, seed);
        words = trainer_warm_start(*params, c, v, from, &fc, fv, err, sizeof err);
    }
    if (words < 0)
        fprintf(stderr, "mnemo: --init %s: %s\n", path, err);
    else
        printf("init: %s, %d of %d words carried over\n", path, words, c->V);
    vocab_free(fv);
    free(from);
    return words < 0 ? -1 : 0;
}

static int run_train(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    trainer_opts_t o;
    trainer_opts_default(&o);
    int D = 64, hops = 3, S = 50, seed = 1, persona = 0, ack = TRAIN_ACK, min_count = 1, Hb = 64,
        qmark = 1;
    if (opt_int(a, O_EPOCHS, "epochs", 1, 255, &o.epochs) < 0 ||
        opt_int(a, O_BATCH, "batch", 1, 4096, &o.batch) < 0 ||
        opt_int(a, O_SEED, "seed", 0, 2147483647, &seed) < 0 ||
        opt_field(a, O_HIDDEN, "hidden", MODELFILE_D, &D) < 0 ||
        opt_field(a, O_HOPS, "hops", MODELFILE_HOPS, &hops) < 0 ||
        opt_int(a, O_THREADS, "threads", 1, 16, &o.threads) < 0 ||
        opt_field(a, O_SLOTS, "slots", MODELFILE_S, &S) < 0 ||
        opt_int(a, O_PATIENCE, "patience", 0, 1000, &o.patience) < 0 ||
        opt_int(a, O_PLATEAU, "plateau", 0, 1000, &o.plateau) < 0 ||
        opt_int(a, O_PERSONA, "persona", 0, 1000000, &persona) < 0 ||
        opt_int(a, O_ACK, "ack", 0, 1000000, &ack) < 0 ||
        opt_int(a, O_MINCOUNT, "min-count", 1, 1000000, &min_count) < 0 ||
        opt_int(a, O_QMARK, "question-mark", 0, 1, &qmark) < 0 ||
        opt_field(a, O_BUCKETS, "buckets", MODELFILE_HB, &Hb) < 0)
        return CLI_EXIT_USAGE;
    o.seed = (uint64_t)seed;
    if (a->val[O_LR]) {
        double lr;
        if (cli_parse_double("lr", a->val[O_LR], &lr) < 0)
            return CLI_EXIT_USAGE;
        o.lr = (float)lr;
    }
    if (a->val[O_WD]) {
        double wd;
        if (cli_parse_double("weight-decay", a->val[O_WD], &wd) < 0)
            return CLI_EXIT_USAGE;
        if (wd < 0 || wd > 1) {
            cli_usage_error("train", "--weight-decay must be in 0..1");
            return CLI_EXIT_USAGE;
        }
        o.weight_decay = (float)wd;
    }
    if (a->val[O_PEAK]) {
        printf("cblas_sgemm peak (1024^3): 1 thread %.1f GFLOP/s, %d threads %.1f GFLOP/s\n",
               trainer_sgemm_peak(1024, 1), o.threads, trainer_sgemm_peak(1024, o.threads));
        return CLI_EXIT_OK;
    }
    const char *files[CMD_MODEL_MAX_FILES];
    int nfiles = 0;
    if (a->val[O_DATA])
        files[nfiles++] = a->val[O_DATA];
    for (int i = 0; i < a->npos && nfiles < CMD_MODEL_MAX_FILES; i++)
        files[nfiles++] = a->pos[i];
    const char *out = a->val[O_OUT] ? a->val[O_OUT] : "model.bin";
    char ckpt[4096], err[512];
    snprintf(ckpt, sizeof ckpt, "%s.ckpt", out);
    o.out = out;
    o.ckpt = ckpt;
    o.log = stdout;

    int rc = CLI_EXIT_SERVER;
    babi_corpus_t *corpus = babi_corpus_new();
    vocab_t *v = NULL;
    float *params = NULL;
    modelfile_state_t st = {0};
    babi_set_t tr = {0}, va = {0};
    net_cfg_t c;
    if (corpus) {
        babi_corpus_set_ack(corpus, ack);
        babi_corpus_set_qmark(corpus, qmark);
    }
    if (!corpus || cmd_model_read(corpus, files, nfiles, a->val[O_TASKS],
                                  a->val[O_SETTING], a->val[O_DIR]) < 0 ||
        (persona && cmd_model_persona(corpus, persona, (uint64_t)seed, PERSONA_TRAIN) < 0))
        goto out;
    if (babi_corpus_questions(corpus, 0) == 0) {
        fprintf(stderr, "mnemo: no training questions (give bAbI tasks, files or --persona)\n");
        goto out;
    }
    if (a->val[O_RESUME]) {
        if (modelfile_read(a->val[O_RESUME], &c, &v, NULL, &params, &st, err, sizeof err) < 0) {
            fprintf(stderr, "mnemo: %s\n", err);
            goto out;
        }
        printf("resuming %s after epoch %d (step %d)\n", a->val[O_RESUME], st.epoch, st.step);
    } else {
        v = vocab_new();
        if (!v || babi_vocab_build_min(corpus, v, min_count) < 0) {
            fprintf(stderr, "mnemo: out of memory\n");
            goto out;
        }
        c = (net_cfg_t){.V = vocab_size(v), .Hb = Hb, .D = D, .A = D, .S = S, .J = 12,
                        .T = 4, .hops = hops, .tied = 0};
        /* decoder steps: the longest training answer and its end token */
        babi_set_t probe;
        if (babi_set_build(&probe, corpus, v, 0, c.Hb, c.J, c.S) == 0) {
            for (int i = 0; i < probe.n; i++)
                if (probe.nans[i] + 1 > c.T)
                    c.T = probe.nans[i] + 1;
            babi_set_free(&probe);
        }
        if (modelfile_cfg_check(&c, err, sizeof err) < 0) {
            fprintf(stderr, "mnemo: this data gives a model out of bounds: %s\n", err);
            goto out;
        }
    }
    if (a->val[O_INIT] && !a->val[O_RESUME] && warm_start(a->val[O_INIT], &c, v, o.seed,
                                                          &params) < 0)
        goto out;
    if (babi_set_build(&tr, corpus, v, 0, c.Hb, c.J, c.S) < 0 ||
        babi_set_build(&va, corpus, v, 1, c.Hb, c.J, c.S) < 0) {
        fprintf(stderr, "mnemo: out of memory\n");
        goto out;
    }
    const char *chat[MODELFILE_MAX_PHRASES];
    if (persona) { /* the generator's small talk is in the data: the model says so */
        int n = persona_smalltalk_replies(chat, MODELFILE_MAX_PHRASES);
        o.nsmalltalk = n < MODELFILE_MAX_PHRASES ? n : MODELFILE_MAX_PHRASES;
        o.smalltalk = chat;
    }
    modelfile_phrases_t ph;
    if (trainer_phrases(&tr, v, o.smalltalk, o.nsmalltalk, &ph, stdout, err, sizeof err) < 0) {
        fprintf(stderr, "mnemo: %s\n", err);
        goto out;
    }
    int acki = modelfile_phrases_ack(&ph);
    if (acki < 0)
        fprintf(stderr, "mnemo: warning: no acknowledgement is taught (--ack 0 and no --persona):"
                " mnemo eval can measure this model but mnemod will refuse it\n");
    else
        printf("replies: acknowledgement '%s', %d small-talk\n", ph.p[acki].text, ph.n - 1);
    double peak1 = trainer_sgemm_peak(1024, 1), peakn = trainer_sgemm_peak(1024, o.threads);
    printf("model: V %d (+%d buckets) D %d A %d slots %d words %d steps %d hops %d: "
           "%zu parameters\n", c.V, c.Hb, c.D, c.A, c.S, c.J, c.T, c.hops, net_nparams(&c));
    printf("data: %d training, %d validation examples (%d words cut)\n", tr.n, va.n,
           tr.cut_words + va.cut_words);
    printf("train: batch %d, lr %g, clip %g, weight decay %g, %d threads, seed %d, up to %d "
           "epochs\n", o.batch, o.lr, o.clip, o.weight_decay, o.threads, seed, o.epochs);
    printf("cblas_sgemm peak (1024^3): 1 thread %.1f GFLOP/s, %d threads %.1f GFLOP/s\n",
           peak1, o.threads, peakn);
    fflush(stdout);
    trainer_result_t res;
    if (trainer_run(&o, &c, v, &tr, &va, params, a->val[O_RESUME] ? &st : NULL, &res, err,
                    sizeof err) < 0) {
        fprintf(stderr, "mnemo: %s\n", err);
        goto out;
    }
    printf("done: %d epochs, best validation accuracy %.2f%%, %.0fs, %.0f ex/s, "
           "%.2f GFLOP/s achieved (sgemm peak %.1f on %d threads)\nmodel: %s\n",
           res.epochs, 100.0 * res.best_acc, res.seconds, res.ex_per_s, res.gflops, peakn,
           o.threads, out);
    rc = CLI_EXIT_OK;
out:
    babi_set_free(&tr);
    babi_set_free(&va);
    babi_corpus_free(corpus);
    vocab_free(v);
    free(params);
    free(st.adam_m);
    free(st.adam_v);
    return rc;
}

const cli_cmd_t cli_cmd_train = {
    "train", "[FILES...]", "train the memory model on bAbI files (see docs/MODEL.md)",
    train_opts, 0, -1, run_train,
};
