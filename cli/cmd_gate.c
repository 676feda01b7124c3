/* cmd_gate.c: `mnemo gate`: trains the small-talk gate (model/gate.h) on generated
 * clauses and writes it into a copy of a model file beside its reader (`train`),
 * measures a model's gate on a file of labelled clauses (`eval`), shows the gate's
 * probability for one clause (`p`), and prints generated remarks (`sample`). No server is
 * involved. */
#include "cli/cli.h"
#include "model/dialogue.h"
#include "model/gate_train.h"
#include "model/model.h"
#include "model/modelfile.h"
#include "model/reader_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x)

enum { O_MODEL, O_OUT, O_SEED, O_EXAMPLES, O_THRESHOLD, O_WORDNET, O_COUNT, O_NOPTS };

static const cli_opt_t gate_opts[] = {
    [O_MODEL] = {"model", 'm', "FILE", "the model file to read (it must have a reader)"},
    [O_OUT] = {"out", 'o', "FILE", "train: the model file to write, with the gate"},
    [O_SEED] = {"seed", 0, "S", "train, sample: the generator's seed (default 7)"},
    [O_EXAMPLES] = {"examples", 0, "N", "train: generated training clauses (default "
                    STR(GATE_DEF_EXAMPLES) ")"},
    [O_THRESHOLD] = {"threshold", 0, "P", "train: the probability from which a clause read "
                     "as a fact is taken for small talk (default " STR(GATE_THRESHOLD) ")"},
    [O_WORDNET] = {"wordnet", 0, "DIR", "WordNet folder (default /usr/share/wordnet)"},
    [O_COUNT] = {"count", 'n', "N", "sample: remarks to print (default 20)"},
    [O_NOPTS] = {0},
};

static int opt_num(const cli_args_t *a, int i, double lo, double hi, double *out)
{
    if (!a->val[i]) return 0;
    double x;
    if (cli_parse_double(gate_opts[i].name, a->val[i], &x) < 0) return -1;
    if (x < lo || x > hi) {
        cli_usage_error("gate", "--%s %g is out of range %g..%g", gate_opts[i].name, x, lo, hi);
        return -1;
    }
    *out = x;
    return 0;
}

static int run_train(const cli_args_t *a)
{
    const char *in = a->val[O_MODEL], *out = a->val[O_OUT];
    if (!in || !out) return cli_usage_error("gate", "train needs --model IN and -o OUT");
    gate_train_opts_t o = GATE_TRAIN_DEFAULTS;
    double seed = (double)o.seed, n = (double)o.examples, th = o.threshold;
    if (opt_num(a, O_SEED, 0, 1e15, &seed) < 0 || opt_num(a, O_EXAMPLES, 1000, 1e7, &n) < 0 ||
        opt_num(a, O_THRESHOLD, 0, 1, &th) < 0)
        return CLI_EXIT_USAGE;
    o.seed = (uint64_t)seed;
    o.examples = (long)n;
    o.threshold = (float)th;
    char err[512];
    net_cfg_t c;
    vocab_t *v = NULL;
    float *params = NULL;
    modelfile_phrases_t ph;
    unsigned char *rd = NULL, *sec = NULL;
    size_t rdlen = 0, len = 0;
    reader_t *r = NULL;
    gate_t *g = NULL;
    dialogue_t *d = NULL;
    int rc = CLI_EXIT_SERVER;
    if (modelfile_read_reader(in, &c, &v, &ph, &params, NULL, &rd, &rdlen, err, sizeof err) < 0) {
        fprintf(stderr, "mnemo gate: %s\n", err);
        goto done;
    }
    if (!rd) {
        fprintf(stderr, "mnemo gate: %s has no reader (mnemo reader train)\n", in);
        goto done;
    }
    if (!(r = reader_parse(rd, rdlen, err, sizeof err))) {
        fprintf(stderr, "mnemo gate: %s: %s\n", in, err);
        goto done;
    }
    if ((d = dialogue_new(a->val[O_WORDNET], err, sizeof err)))
        dialogue_use_notes(d);      /* terse facts ("roofer in tartu") are facts too */
    if (!d || !(g = gate_new())) {
        fprintf(stderr, "mnemo gate: %s\n", d ? "out of memory" : err);
        goto done;
    }
    gate_report_t rep;
    if (gate_train(g, d, &o, &rep, err, sizeof err) < 0) {
        fprintf(stderr, "mnemo gate: %s\n", err);
        goto done;
    }
    printf("trained on %ld small talk and %ld fact clauses; held-out %ld and %ld\n",
           rep.train_chat, rep.train_fact, rep.held_chat, rep.held_fact);
    printf("threshold %.4f: held-out small talk caught %.1f%%, facts taken %.1f%% (remarks "
           "alone: %.1f%% caught, %.1f%% of their news taken); held-out facts' 99th "
           "percentile %.4f\n", (double)g->threshold, 100.0 * rep.chat_caught,
           100.0 * rep.fact_lost, 100.0 * rep.remark_chat_caught, 100.0 * rep.remark_fact_lost,
           (double)rep.fact_p99);
    reader_set_gate(r, g);
    g = NULL;
    if (!(sec = reader_serialize(r, &len))) {
        fprintf(stderr, "mnemo gate: out of memory\n");
        goto done;
    }
    if (modelfile_write_reader(out, &c, v, &ph, params, NULL, sec, len, err, sizeof err) < 0) {
        fprintf(stderr, "mnemo gate: %s\n", err);
        goto done;
    }
    printf("wrote %s\n", out);
    rc = CLI_EXIT_OK;
done:
    free(sec);
    gate_free(g);
    dialogue_free(d);
    reader_free(r);
    free(rd);
    free(params);
    vocab_free(v);
    return rc;
}

/* The model's gate, or NULL after saying why; *m to free. */
static const gate_t *load(const cli_args_t *a, model_t **m)
{
    char err[512];
    if (!a->val[O_MODEL]) {
        cli_usage_error("gate", "--model FILE is needed");
        return NULL;
    }
    if (!(*m = model_load(a->val[O_MODEL], err, sizeof err))) {
        fprintf(stderr, "mnemo gate: %s\n", err);
        return NULL;
    }
    const gate_t *g = reader_gate(model_reader(*m));
    if (!g) fprintf(stderr, "mnemo gate: %s has no gate (mnemo gate train)\n", a->val[O_MODEL]);
    return g;
}

/* eval FILE: lines {"text": "...", "chat": true|false}; the share caught and taken at the
 * gate's threshold and at others. */
static int run_eval(const cli_args_t *a)
{
    if (a->npos != 2) return cli_usage_error("gate", "eval needs one file of labelled clauses");
    model_t *m = NULL;
    const gate_t *g = load(a, &m);
    FILE *f = g ? fopen(a->pos[1], "r") : NULL;
    if (g && !f) perror(a->pos[1]);
    static const float th[] = {0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 0.95f, 0.98f, -1.0f};
    enum { NTH = sizeof th / sizeof th[0] };
    long nchat = 0, nfact = 0, caught[NTH] = {0}, taken[NTH] = {0};
    char line[8192];
    int rc = f ? CLI_EXIT_OK : CLI_EXIT_SERVER;
    for (long ln = 1; f && fgets(line, sizeof line, f); ln++) {
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        const char *text = json_string_value(json_object_get(o, "text"));
        json_t *chat = json_object_get(o, "chat");
        if (!text || !json_is_boolean(chat)) {
            fprintf(stderr, "mnemo gate: %s:%ld: want {\"text\": ..., \"chat\": true|false}\n",
                    a->pos[1], ln);
            json_decref(o);
            rc = CLI_EXIT_USAGE;
            break;
        }
        float p = gate_chat_p(g, text, strlen(text));
        int y = json_is_true(chat);
        y ? nchat++ : nfact++;
        for (int i = 0; i < NTH; i++) {
            float t = th[i] < 0 ? g->threshold : th[i];
            if (p >= t) y ? caught[i]++ : taken[i]++;
        }
        json_decref(o);
    }
    if (rc == CLI_EXIT_OK) {
        printf("%ld small talk, %ld facts\n", nchat, nfact);
        for (int i = 0; i < NTH; i++)
            printf("threshold %.4f%s: small talk caught %ld (%.1f%%), facts taken %ld (%.1f%%)\n",
                   (double)(th[i] < 0 ? g->threshold : th[i]), th[i] < 0 ? " (the gate's)" : "",
                   caught[i], nchat ? 100.0 * caught[i] / nchat : 0.0, taken[i],
                   nfact ? 100.0 * taken[i] / nfact : 0.0);
    }
    if (f) fclose(f);
    model_free(m);
    return rc;
}

static void print_p(const gate_t *g, const char *text)
{
    float p = gate_chat_p(g, text, strlen(text));
    if (p < 0)
        printf("-      invalid UTF-8\n");
    else
        printf("%.4f %s  %s\n", (double)p, p >= g->threshold ? "chat" : "keep", text);
}

/* p TEXT...: each text's probability; without a text, each line of stdin's. */
static int run_p(const cli_args_t *a)
{
    model_t *m = NULL;
    const gate_t *g = load(a, &m);
    int rc = g ? CLI_EXIT_OK : CLI_EXIT_SERVER;
    for (int i = 1; g && i < a->npos; i++) print_p(g, a->pos[i]);
    char line[8192];
    while (g && a->npos == 1 && fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        print_p(g, line);
    }
    model_free(m);
    return rc;
}

static int run_sample(const cli_args_t *a)
{
    double seed = 7, n = 20;
    if (opt_num(a, O_SEED, 0, 1e15, &seed) < 0 || opt_num(a, O_COUNT, 1, 1e6, &n) < 0)
        return CLI_EXIT_USAGE;
    char err[512];
    dialogue_t *d = dialogue_new(a->val[O_WORDNET], err, sizeof err);
    if (!d) {
        fprintf(stderr, "mnemo gate: %s\n", err);
        return CLI_EXIT_SERVER;
    }
    dialogue_clause_t c;
    for (long i = 0; i < (long)n; i++)
        if (dialogue_remark(d, (uint64_t)seed, (uint64_t)i, DIALOGUE_TRAIN, &c) == 0)
            printf("%s\t%s\n", c.act == READER_SMALLTALK ? "chat" : "fact", c.text);
    dialogue_free(d);
    return CLI_EXIT_OK;
}

static int run_gate(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    const char *what = a->pos[0];
    if (strcmp(what, "train") == 0)
        return a->npos == 1 ? run_train(a) : cli_usage_error("gate", "train takes no text");
    if (strcmp(what, "eval") == 0) return run_eval(a);
    if (strcmp(what, "p") == 0) return run_p(a);
    if (strcmp(what, "sample") == 0) return run_sample(a);
    return cli_usage_error("gate", "no gate command '%s' (train, eval, p or sample)", what);
}

const cli_cmd_t cli_cmd_gate = {
    "gate", "train|eval FILE|p [TEXT...]|sample",
    "train the small-talk gate on generated clauses into a model file, measure it on "
    "labelled clauses, or show its probability for a clause",
    gate_opts, 1, -1, run_gate,
};
