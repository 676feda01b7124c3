/* cmd_eval.c: `mnemo eval`: runs a model file on the held-out 10% of bAbI files (the
 * same split the trainer held out) and prints the papers' table: per task the error %
 * and whether it failed (> 5%), then the mean error and the number of failed tasks.
 * It reads the file itself (modelfile_read), so it also measures a model mnemod would
 * refuse for lack of an acknowledgement. */
#include "cli/cli.h"
#include "cli/cmd_model.h"
#include "cli/evalserver.h"
#include "model/modelfile.h"
#include "model/persona.h"
#include "model/trainer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_DATA, O_TASKS, O_DIR, O_SETTING, O_MODEL, O_THREADS, O_TRAIN, O_PERSONA, O_ACK, O_QMARK };
/* with --server: played through the daemon's POST /v1/chat (evalserver.h) */
enum { O_ONLY = O_QMARK + 1, O_LIMIT, O_JOBS, O_KEEP, O_SEED, O_RESTART, O_TOKEN };

static const cli_opt_t eval_opts[] = {
    [O_DATA] = {"data", 0, "FILE", "a bAbI-format file (more may follow as arguments)"},
    [O_TASKS] = {"tasks", 0, "LIST", "bAbI tasks: all, none or 1,2,3 (default all)"},
    [O_DIR] = {"babi-dir", 0, "DIR", "bAbI folder (default ../shared/data/babi)"},
    [O_SETTING] = {"setting", 0, "1k|10k", "which files (default 1k)"},
    [O_MODEL] = {"model", 'm', "FILE", "the model file (default model.bin)"},
    [O_THREADS] = {"threads", 0, "N", "worker threads (default 2)"},
    [O_TRAIN] = {"on-train", 0, NULL, "measure on the training split instead"},
    [O_PERSONA] = {"persona", 0, "N", "also N held-out generated personal-fact conversations"},
    [O_ACK] = {"ack", 0, "N", "also ask for the acknowledgement of 1 in N bAbI statements"},
    [O_QMARK] = {"question-mark", 0, "0|1", "bAbI questions end with the question-mark token "
                                           "(default 1; 0: for models trained without it)"},
    [O_ONLY] = {"only", 0, "babi|persona", "--server: run one part (default both)"},
    [O_LIMIT] = {"limit-stories", 0, "N", "--server: at most N held-out stories per file"},
    [O_JOBS] = {"jobs", 'j', "N", "--server: stories played in parallel (default 2)"},
    [O_KEEP] = {"keep", 0, NULL, "--server: keep the eval users (default: deleted)"},
    [O_SEED] = {"seed", 0, "S", "--server: personal-fact stories' seed (default 1)"},
    [O_RESTART] = {"restart-cmd", 0, "CMD", "--server: sh command restarting the daemon"},
    [O_TOKEN] = {"token", 0, "T", "--server: bearer token (default $MNEMO_TOKEN)"},
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
    if (ctx->server_flag)
        return evs_main(ctx, files, nfiles, &(evs_args_t){
            .tasks = a->val[O_TASKS], .setting = a->val[O_SETTING], .dir = a->val[O_DIR],
            .only = a->val[O_ONLY], .limit_stories = a->val[O_LIMIT], .jobs = a->val[O_JOBS],
            .keep = a->val[O_KEEP], .persona = a->val[O_PERSONA], .seed = a->val[O_SEED],
            .restart_cmd = a->val[O_RESTART], .token = a->val[O_TOKEN],
            .model = a->val[O_MODEL], .on_train = a->val[O_TRAIN]});
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
    net_cfg_t cfg;
    vocab_t *v = NULL;
    float *params = NULL;
    if (modelfile_read(path, &cfg, &v, NULL, &params, NULL, err, sizeof err) < 0) {
        fprintf(stderr, "mnemo: %s\n", err);
        return rc;
    }
    const net_cfg_t *c = &cfg;
    net_params_t p;
    net_carve(&p, params, c);
    long persona = 0, ack = 0, qmark = 1;
    if ((a->val[O_PERSONA] && cli_parse_long("persona", a->val[O_PERSONA], &persona) < 0) ||
        (a->val[O_ACK] && cli_parse_long("ack", a->val[O_ACK], &ack) < 0) || persona < 0 ||
        persona > 1000000 || ack < 0 || ack > 1000000) {
        rc = cli_usage_error("eval", "--persona and --ack take a count");
        goto out;
    }
    if (a->val[O_QMARK] &&
        (cli_parse_long("question-mark", a->val[O_QMARK], &qmark) < 0 || qmark < 0 || qmark > 1)) {
        rc = cli_usage_error("eval", "--question-mark must be 0 or 1");
        goto out;
    }
    corpus = babi_corpus_new();
    if (corpus) {
        babi_corpus_set_ack(corpus, (int)ack);
        babi_corpus_set_qmark(corpus, (int)qmark);
    }
    if (!corpus || cmd_model_read(corpus, files, nfiles, a->val[O_TASKS], a->val[O_SETTING],
                                  a->val[O_DIR]) < 0)
        goto out;
    /* all held-out stories: the reader's own 10% split of them is not what is wanted */
    if (persona && cmd_model_persona(corpus, (int)persona, 1, PERSONA_HELDOUT) < 0)
        goto out;
    if (babi_set_build(&s, corpus, v, a->val[O_TRAIN] ? 0 : 1, c->Hb, c->J,
                       c->S) < 0 ||
        !(correct = malloc(sizeof(int) * (size_t)(s.n ? s.n : 1)))) {
        fprintf(stderr, "mnemo: out of memory\n");
        goto out;
    }
    if (trainer_evaluate(c, &p, &s, threads, correct) < 0) {
        fprintf(stderr, "mnemo: out of memory\n");
        goto out;
    }
    int total[21] = {0}, ok[21] = {0}; /* by task; 0 = files not named qaN_ */
    int nack = 0, okack = 0;
    for (int i = 0; i < s.n; i++) {
        int t = s.task[i] >= 0 && s.task[i] <= 20 ? s.task[i] : 0;
        if (s.ack[i]) {
            nack++;
            okack += correct[i];
            continue;
        }
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
        printf("| %s%d | %d | %.1f | %s |\n", t ? "" : "other/persona ", t, total[t], e,
               e > 5.0 ? "yes" : "");
    }
    printf("\nmean error %.2f%%, failed tasks %d of %d\n", ntasks ? sum / ntasks : 0.0, failed,
           ntasks);
    if (nack)
        printf("acknowledgements (\"%s\"): %d of %d statements (%.2f%%)\n", PERSONA_ACK, okack,
               nack, 100.0 * okack / nack);
    rc = CLI_EXIT_OK;
out:
    free(correct);
    babi_set_free(&s);
    babi_corpus_free(corpus);
    vocab_free(v);
    free(params);
    return rc;
}

const cli_cmd_t cli_cmd_eval = {
    "eval", "[FILES...]", "print a model's bAbI error table on the held-out 10%", eval_opts, 0,
    -1, run_eval,
};
