/* cmd_eval.c: `mnemo eval`: runs a model file on the held-out 10% of bAbI files (the
 * same split the trainer held out) and prints the papers' table: per task the error %
 * and whether it failed (> 5%), then the mean error and the number of failed tasks. */
#include "cli/cli.h"
#include "cli/cmd_model.h"
#include "model/model.h"
#include "model/trainer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_DATA, O_TASKS, O_DIR, O_SETTING, O_MODEL, O_THREADS, O_TRAIN };

static const cli_opt_t eval_opts[] = {
    [O_DATA] = {"data", 0, "FILE", "a bAbI-format file (more may follow as arguments)"},
    [O_TASKS] = {"tasks", 0, "LIST", "bAbI tasks: all or 1,2,3 (default all)"},
    [O_DIR] = {"babi-dir", 0, "DIR", "bAbI folder (default ../shared/data/babi)"},
    [O_SETTING] = {"setting", 0, "1k|10k", "which files (default 1k)"},
    [O_MODEL] = {"model", 'm', "FILE", "the model file (default model.bin)"},
    [O_THREADS] = {"threads", 0, "N", "worker threads (default 2)"},
    [O_TRAIN] = {"on-train", 0, NULL, "measure on the training split instead"},
    {0},
};

static int run_eval(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    const char *files[CMD_MODEL_MAX_FILES];
    int nfiles = 0, threads = 2;
    if (a->val[O_DATA])
        files[nfiles++] = a->val[O_DATA];
    for (int i = 0; i < a->npos && nfiles < CMD_MODEL_MAX_FILES; i++)
        files[nfiles++] = a->pos[i];
    if (a->val[O_THREADS]) {
        long t;
        if (cli_parse_long("threads", a->val[O_THREADS], &t) < 0 || t < 1 || t > 16)
            return cli_usage_error("eval", "--threads must be in 1..16");
        threads = (int)t;
    }
    const char *path = a->val[O_MODEL] ? a->val[O_MODEL] : "model.bin";
    char err[512];
    int rc = CLI_EXIT_SERVER;
    babi_set_t s = {0};
    int *correct = NULL;
    babi_corpus_t *corpus = NULL;
    model_t *m = model_load(path, err, sizeof err);
    if (!m) {
        fprintf(stderr, "mnemo: %s\n", err);
        return rc;
    }
    const net_cfg_t *c = model_cfg(m);
    corpus = babi_corpus_new();
    if (!corpus || cmd_model_read(corpus, files, nfiles, a->val[O_TASKS], a->val[O_SETTING],
                                  a->val[O_DIR]) < 0)
        goto out;
    if (babi_set_build(&s, corpus, model_vocab(m), a->val[O_TRAIN] ? 0 : 1, c->Hb, c->J,
                       c->S) < 0 ||
        !(correct = malloc(sizeof(int) * (size_t)(s.n ? s.n : 1)))) {
        fprintf(stderr, "mnemo: out of memory\n");
        goto out;
    }
    if (trainer_evaluate(c, model_params(m), &s, threads, correct) < 0) {
        fprintf(stderr, "mnemo: out of memory\n");
        goto out;
    }
    int total[21] = {0}, ok[21] = {0}; /* by task; 0 = files not named qaN_ */
    for (int i = 0; i < s.n; i++) {
        int t = s.task[i] >= 0 && s.task[i] <= 20 ? s.task[i] : 0;
        total[t]++;
        ok[t] += correct[i];
    }
    printf("%s on the %s split\n\n| task | questions | error %% | failed (> 5%%) |\n"
           "|---:|---:|---:|:---:|\n", path, a->val[O_TRAIN] ? "training" : "held-out 10%");
    int ntasks = 0, failed = 0;
    double sum = 0;
    for (int t = 0; t <= 20; t++) {
        if (!total[t])
            continue;
        double e = 100.0 * (total[t] - ok[t]) / total[t];
        ntasks++;
        sum += e;
        failed += e > 5.0;
        printf("| %s%d | %d | %.1f | %s |\n", t ? "" : "other ", t, total[t], e,
               e > 5.0 ? "yes" : "");
    }
    printf("\nmean error %.2f%%, failed tasks %d of %d\n", ntasks ? sum / ntasks : 0.0, failed,
           ntasks);
    rc = CLI_EXIT_OK;
out:
    free(correct);
    babi_set_free(&s);
    babi_corpus_free(corpus);
    model_free(m);
    return rc;
}

const cli_cmd_t cli_cmd_eval = {
    "eval", "[FILES...]", "print a model's bAbI error table on the held-out 10%", eval_opts, 0,
    -1, run_eval,
};
