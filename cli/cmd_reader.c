/* cmd_reader.c: `mnemo reader`: trains the reader (model/reader.h) on clauses from the
 * dialogue generator (model/dialogue.h) and writes it into a copy of a model file as its
 * reader section (`train`), joins the readers of several model files into one ensemble
 * (`ensemble`), measures a model's reader on held-out clauses (`eval`), and shows what
 * it makes of one clause (`read`). No server is involved. */
#include "cli/cli.h"
#include "model/dialogue.h"
#include "model/model.h"
#include "model/modelfile.h"
#include "model/reader_internal.h"
#include "model/tokenizer.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x)

enum {
    O_MODEL, O_OUT, O_CLAUSES, O_VALID, O_EPOCHS, O_HIDDEN, O_EMBED, O_BUCKETS, O_BATCH,
    O_SEED, O_THREADS, O_LR, O_WORD_DROPOUT, O_NGRAM_DROPOUT, O_WORDNET, O_BABI, O_BABI_EVERY,
    O_NOTES, O_NOPTS
};

static const cli_opt_t reader_opts[] = {
    [O_MODEL] = {"model", 'm', "FILE", "the model file to read (train: the memory model)"},
    [O_OUT] = {"out", 'o', "FILE", "train: the model file to write, with the reader"},
    [O_CLAUSES] = {"clauses", 0, "N", "train: generated training clauses (default "
                   STR(READER_DEF_CLAUSES) "); eval: held-out clauses (default "
                   STR(READER_DEF_VALID) ")"},
    [O_VALID] = {"valid", 0, "N", "train: held-out validation clauses (default "
                 STR(READER_DEF_VALID) ")"},
    [O_EPOCHS] = {"epochs", 0, "E", "train: at most E epochs (default " STR(READER_DEF_EPOCHS) ")"},
    [O_HIDDEN] = {"hidden", 0, "H", "train: GRU size per direction (default "
                  STR(READER_DEF_HIDDEN) ")"},
    [O_EMBED] = {"embed", 0, "E", "train: word feature size (default " STR(READER_DEF_EMBED) ")"},
    [O_BUCKETS] = {"buckets", 0, "B", "train: character n-gram buckets (default "
                   STR(READER_DEF_BUCKETS) ")"},
    [O_BATCH] = {"batch", 0, "B", "train: clauses per step (default " STR(READER_DEF_BATCH) ")"},
    [O_SEED] = {"seed", 0, "S", "generator and initialization seed (default 1; eval: 2)"},
    [O_THREADS] = {"threads", 0, "N", "worker threads (default 2)"},
    [O_LR] = {"lr", 0, "X", "train: Adam learning rate (default 0.002)"},
    [O_WORD_DROPOUT] = {"word-dropout", 0, "P", "train: chance a known word is read as unknown "
                        "(default " STR(READER_DEF_WORD_DROPOUT) "; values and names more often)"},
    [O_NGRAM_DROPOUT] = {"ngram-dropout", 0, "P", "train: chance a value or name word read as "
                         "unknown also reads none of its character n-grams (default "
                         STR(READER_DEF_NGRAM_DROPOUT) ")"},
    [O_WORDNET] = {"wordnet", 0, "DIR", "WordNet folder (default /usr/share/wordnet)"},
    [O_NOTES] = {"notes", 0, NULL, "the generator also writes notes (\"job: welder\", "
                                   "\"dog name?\"; train, eval, ensemble)"},
    [O_BABI] = {"babi-dir", 0, "DIR", "train: also the qaN_*_train.txt stories in DIR, as "
                                      "clauses about others (the memory network's)"},
    [O_BABI_EVERY] = {"babi-every", 0, "N", "train: 1 in N of their lines (default 4)"},
    [O_NOPTS] = {0},
};

/* a->val[i] as an integer in [lo, hi] into *out (unchanged when absent). 0 or -1. */
static int opt_long(const cli_args_t *a, int i, long lo, long hi, long *out)
{
    if (!a->val[i])
        return 0;
    long x;
    if (cli_parse_long(reader_opts[i].name, a->val[i], &x) < 0)
        return -1;
    if (x < lo || x > hi) {
        cli_usage_error("reader", "--%s %ld is out of range %ld..%ld", reader_opts[i].name, x,
                        lo, hi);
        return -1;
    }
    *out = x;
    return 0;
}

/* Option i as a fraction in [lo, hi] into *out (left as it is when not given): 0 or -1
 * after a usage error. */
static int opt_fraction(const cli_args_t *a, int i, double lo, double hi, double *out)
{
    if (!a->val[i])
        return 0;
    double x;
    if (cli_parse_double(reader_opts[i].name, a->val[i], &x) < 0)
        return -1;
    if (x < lo || x > hi) {
        cli_usage_error("reader", "--%s %g is out of range %g..%g", reader_opts[i].name, x, lo,
                        hi);
        return -1;
    }
    *out = x;
    return 0;
}

static void print_metrics(const char *what, const reader_metrics_t *m)
{
    printf("%s: %d clauses, %d words\n", what, m->n, m->ntok);
    printf("  act accuracy       %6.2f%%\n", 100 * m->act_acc);
    printf("  relation accuracy  %6.2f%%\n", 100 * m->rel_acc);
    printf("  tag accuracy       %6.2f%%\n", 100 * m->tag_acc);
    printf("  value relation     %6.2f%%\n", 100 * m->vrel_acc);
    for (int k = 0; k < READER_NSPANS; k++)
        printf("  span F1 %-10s %6.3f\n", reader_span_name(k), m->span_f1[k]);
    printf("  facts read as facts %d; 1st percentile of their act probability %.3f\n",
           m->nfact, m->fact_p1);
}

/* 1 in every lines of each bAbI training file of dir (qa1_ .. qa20_) into s. 0, or -1
 * with the reason printed. */
static int add_babi(const char *dir, int every, reader_set_t *s)
{
    long total = 0;
    for (int task = 1; task <= 20; task++) {
        char pat[64], path[4096] = "", err[512];
        snprintf(pat, sizeof pat, "qa%d_", task);
        DIR *d = opendir(dir);
        if (!d) {
            fprintf(stderr, "mnemo reader: cannot open %s\n", dir);
            return -1;
        }
        for (struct dirent *e; (e = readdir(d));)
            if (!strncmp(e->d_name, pat, strlen(pat)) && strstr(e->d_name, "_train.txt"))
                snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        closedir(d);
        long n = 0;
        if (path[0] && reader_set_add_babi(s, path, every, &n, err, sizeof err) < 0) {
            fprintf(stderr, "mnemo reader: %s\n", err);
            return -1;
        }
        total += n;
    }
    printf("bAbI: %ld clauses about others from %s\n", total, dir);
    return 0;
}

/* n clauses of (seed, pool) into s, with the notes when notes is set. 0, or -1 with the
 * reason printed. */
static int gen_set(const char *wordnet, int notes, uint64_t seed, int pool, long n,
                   reader_set_t *s)
{
    reader_set_init(s);
    char err[512];
    dialogue_t *d = dialogue_new(wordnet, err, sizeof err);
    if (!d) {
        fprintf(stderr, "mnemo reader: %s\n", err);
        return -1;
    }
    if (notes)
        dialogue_use_notes(d);
    dialogue_clause_t *cl = malloc(sizeof *cl);
    int rc = cl ? 0 : -1;
    for (long i = 0; rc == 0 && i < n; i++) {
        if (dialogue_clause(d, seed, (uint64_t)i, pool, cl) < 0)
            continue;
        rc = reader_set_add(s, cl);
    }
    if (rc < 0)
        fprintf(stderr, "mnemo reader: out of memory generating clauses\n");
    free(cl);
    dialogue_free(d);
    return rc;
}

/* Writes the memory network (c, v, ph, params) with r's section to out. 0, or -1 with
 * the reason printed. */
static int write_with_reader(const char *out, const net_cfg_t *c, const vocab_t *v,
                             const modelfile_phrases_t *ph, const float *params,
                             const reader_t *r)
{
    char err[512];
    size_t len = 0;
    unsigned char *sec = reader_serialize(r, &len);
    int rc = -1;
    if (!sec)
        fprintf(stderr, "mnemo reader: out of memory\n");
    else if (modelfile_write_reader(out, c, v, ph, params, NULL, sec, len, err, sizeof err) < 0)
        fprintf(stderr, "mnemo reader: %s\n", err);
    else
        rc = 0;
    free(sec);
    return rc;
}

static int run_train(const cli_args_t *a)
{
    const char *in = a->val[O_MODEL], *out = a->val[O_OUT];
    if (!in || !out)
        return cli_usage_error("reader", "train needs --model IN and -o OUT");
    reader_train_opts_t o;
    reader_train_opts_default(&o);
    long nclauses = READER_DEF_CLAUSES, nvalid = READER_DEF_VALID, seed = 1, ep = o.epochs,
         h = o.hidden, e = o.embed, nb = o.buckets, batch = o.batch, th = o.threads, every = 4;
    double lr = o.lr;
    if (opt_long(a, O_CLAUSES, 1, 100000000, &nclauses) < 0 ||
        opt_long(a, O_VALID, 0, 10000000, &nvalid) < 0 ||
        opt_long(a, O_EPOCHS, 1, 1000, &ep) < 0 ||
        opt_long(a, O_HIDDEN, reader_limits[READER_F_H].min, reader_limits[READER_F_H].max,
                 &h) < 0 ||
        opt_long(a, O_EMBED, reader_limits[READER_F_E].min, reader_limits[READER_F_E].max,
                 &e) < 0 ||
        opt_long(a, O_BUCKETS, reader_limits[READER_F_NB].min, reader_limits[READER_F_NB].max,
                 &nb) < 0 ||
        opt_long(a, O_BATCH, 1, 4096, &batch) < 0 || opt_long(a, O_SEED, 0, 1L << 62, &seed) < 0 ||
        opt_long(a, O_THREADS, 1, 8, &th) < 0 || opt_long(a, O_BABI_EVERY, 1, 1000, &every) < 0)
        return CLI_EXIT_USAGE;
    if (a->val[O_LR] && cli_parse_double("lr", a->val[O_LR], &lr) < 0)
        return CLI_EXIT_USAGE;
    double drop = o.word_dropout, ngdrop = o.ngram_dropout;
    if (opt_fraction(a, O_WORD_DROPOUT, 0, 0.9, &drop) < 0 ||
        opt_fraction(a, O_NGRAM_DROPOUT, 0, 1, &ngdrop) < 0)
        return CLI_EXIT_USAGE;
    o.epochs = (int)ep;
    o.hidden = (int)h;
    o.embed = (int)e;
    o.buckets = (int)nb;
    o.batch = (int)batch;
    o.threads = (int)th;
    o.seed = (uint64_t)seed;
    o.lr = (float)lr;
    o.word_dropout = (float)drop;
    o.ngram_dropout = (float)ngdrop;
    o.log = stdout;

    char err[512];
    net_cfg_t c;
    vocab_t *v = NULL;
    float *params = NULL;
    modelfile_phrases_t ph;
    unsigned char *old = NULL;
    size_t oldlen = 0;
    reader_set_t tr, va;
    reader_set_init(&tr);
    reader_set_init(&va);
    reader_t *r = NULL;
    int rc = CLI_EXIT_SERVER;
    if (modelfile_read_reader(in, &c, &v, &ph, &params, NULL, &old, &oldlen, err,
                              sizeof err) < 0) {
        fprintf(stderr, "mnemo reader: %s\n", err);
        goto done;
    }
    if (old)
        printf("%s has a reader already; it is replaced\n", in);
    if (gen_set(a->val[O_WORDNET], a->val[O_NOTES] != NULL, o.seed, DIALOGUE_TRAIN, nclauses, &tr) < 0 ||
        gen_set(a->val[O_WORDNET], a->val[O_NOTES] != NULL, o.seed, DIALOGUE_HELDOUT, nvalid, &va) < 0 ||
        (a->val[O_BABI] && add_babi(a->val[O_BABI], (int)every, &tr) < 0))
        goto done;
    reader_train_result_t res;
    if (!(r = reader_train(&o, &tr, &va, &res, err, sizeof err))) {
        fprintf(stderr, "mnemo reader: %s\n", err);
        goto done;
    }
    printf("trained %d epochs in %.1f s (%.1f s an epoch); best epoch %d\n", res.epochs,
           res.seconds, res.sec_per_epoch, res.best_epoch);
    print_metrics("held-out validation", &res.best);
    if (write_with_reader(out, &c, v, &ph, params, r) < 0)
        goto done;
    printf("wrote %s (reader: %zu parameters; facts below act probability %.3f are taken "
           "as small talk)\n", out, reader_nparams(&r->c), (double)reader_fact_min_p(r));
    rc = CLI_EXIT_OK;
done:
    reader_free(r);
    reader_set_free(&tr);
    reader_set_free(&va);
    free(old);
    free(params);
    vocab_free(v);
    return rc;
}

/* The model at a->val[O_MODEL] and its reader; NULL with the reason printed. */
static model_t *load(const cli_args_t *a, const reader_t **r)
{
    char err[512];
    if (!a->val[O_MODEL]) {
        cli_usage_error("reader", "--model FILE is needed");
        return NULL;
    }
    model_t *m = model_load(a->val[O_MODEL], err, sizeof err);
    if (!m) {
        fprintf(stderr, "mnemo reader: %s\n", err);
        return NULL;
    }
    if (!(*r = model_reader(m))) {
        fprintf(stderr, "mnemo reader: %s has no reader (train one with `mnemo reader "
                        "train`)\n", a->val[O_MODEL]);
        model_free(m);
        return NULL;
    }
    return m;
}

static int run_eval(const cli_args_t *a)
{
    long n = READER_DEF_VALID, seed = 2, th = 2;
    if (opt_long(a, O_CLAUSES, 1, 10000000, &n) < 0 || opt_long(a, O_SEED, 0, 1L << 62, &seed) < 0 ||
        opt_long(a, O_THREADS, 1, 8, &th) < 0)
        return CLI_EXIT_USAGE;
    const reader_t *r;
    model_t *m = load(a, &r);
    if (!m)
        return CLI_EXIT_SERVER;
    reader_set_t s;
    reader_metrics_t mt;
    int rc = CLI_EXIT_SERVER;
    if (gen_set(a->val[O_WORDNET], a->val[O_NOTES] != NULL, (uint64_t)seed, DIALOGUE_HELDOUT, n, &s) == 0) {
        if (reader_evaluate(r, &s, (int)th, &mt) == 0) {
            print_metrics("held-out", &mt);
            rc = CLI_EXIT_OK;
        } else {
            fprintf(stderr, "mnemo reader: out of memory\n");
        }
    }
    reader_set_free(&s);
    model_free(m);
    return rc;
}

static int run_read(const cli_args_t *a)
{
    if (a->npos < 2)
        return cli_usage_error("reader", "read needs the text of a clause");
    const reader_t *r;
    model_t *m = load(a, &r);
    if (!m)
        return CLI_EXIT_SERVER;
    /* the text: the positional words after "read", joined by spaces */
    size_t len = 0;
    for (int i = 1; i < a->npos; i++)
        len += strlen(a->pos[i]) + 1;
    char *text = malloc(len + 1), err[256];
    tok_list_t tl = {0};
    const char **words = NULL;
    unsigned char *tags = NULL, *vrels = NULL, *caps = NULL;
    int rc = CLI_EXIT_SERVER;
    if (!text)
        goto done;
    text[0] = '\0';
    for (int i = 1; i < a->npos; i++) {
        strcat(text, a->pos[i]);
        if (i + 1 < a->npos)
            strcat(text, " ");
    }
    if (tok_split(text, strlen(text), &tl, err, sizeof err) != TOK_OK) {
        fprintf(stderr, "mnemo reader: %s\n", err);
        goto done;
    }
    words = malloc(sizeof *words * (size_t)(tl.n ? tl.n : 1));
    tags = malloc((size_t)(tl.n ? tl.n : 1));
    vrels = malloc((size_t)(tl.n ? tl.n : 1));
    caps = malloc((size_t)(tl.n ? tl.n : 1));
    if (!words || !tags || !vrels || !caps)
        goto done;
    int n = 0;
    for (int i = 0; i < tl.n; i++) /* the words the generator labels: no CJK bigrams */
        if (tl.kind[i] != TOK_CJK_BIGRAM) {
            caps[n] = tl.cap[i];
            words[n++] = tl.v[i];
        }
    reader_out_t out = {.tags = tags, .vrels = vrels};
    if (reader_read(r, words, caps, n, &out, err, sizeof err) != MODEL_OK) {
        fprintf(stderr, "mnemo reader: %s\n", err);
        goto done;
    }
    printf("act  %s (%.2f)\nrel  %s (%.2f)\ntags", reader_act_name(out.act), out.act_p,
           reader_rel_name(out.rel), out.rel_p);
    for (int i = 0; i < n; i++) {
        int valued = tags[i] == READER_B_VALUE || tags[i] == READER_I_VALUE ||
                     tags[i] == READER_B_OLD || tags[i] == READER_I_OLD;
        printf(" %s/%s%s%s", words[i], reader_tag_name(tags[i]), valued ? ":" : "",
               valued ? reader_rel_name(vrels[i]) : "");
    }
    printf("\n");
    rc = CLI_EXIT_OK;
done:
    free(text);
    free(words);
    free(tags);
    free(vrels);
    free(caps);
    tok_list_free(&tl);
    model_free(m);
    return rc;
}

/* `mnemo reader ensemble -o OUT A B ...`: the readers of model files A, B, ... (an
 * ensemble's members each) as one ensemble, in a copy of A (its memory network and
 * phrases). The ensemble's fact threshold is measured as training measures one
 * reader's: the 1st percentile of the act probability of held-out generated facts read
 * as facts (--valid clauses, --seed 2 by default), at most READER_FACT_MIN_P_V3. */
static int run_ensemble(const cli_args_t *a)
{
    const char *out = a->val[O_OUT];
    if (!out || a->npos < 3)
        return cli_usage_error("reader", "ensemble needs -o OUT and two or more model files");
    long nvalid = READER_DEF_VALID, seed = 2, th = 2;
    if (opt_long(a, O_VALID, 1, 10000000, &nvalid) < 0 ||
        opt_long(a, O_SEED, 0, 1L << 62, &seed) < 0 || opt_long(a, O_THREADS, 1, 8, &th) < 0)
        return CLI_EXIT_USAGE;
    char err[512];
    net_cfg_t c;
    vocab_t *v = NULL;
    float *params = NULL;
    modelfile_phrases_t ph;
    unsigned char *rd = NULL;
    size_t rdlen = 0;
    reader_t *head = NULL, **tail = &head;
    reader_set_t va;
    reader_set_init(&va);
    int rc = CLI_EXIT_SERVER;
    for (int i = 1; i < a->npos; i++) {
        const char *in = a->pos[i];
        int first = i == 1;
        net_cfg_t c1;
        vocab_t *v1 = NULL;
        float *p1 = NULL;
        modelfile_phrases_t ph1;
        int ok = modelfile_read_reader(in, &c1, &v1, &ph1, &p1, NULL, &rd, &rdlen, err,
                                       sizeof err) == 0;
        if (ok && first) {
            c = c1;
            v = v1;
            ph = ph1;
            params = p1;
        } else {
            vocab_free(v1);
            free(p1);
        }
        if (!ok) {
            fprintf(stderr, "mnemo reader: %s\n", err);
            goto done;
        }
        if (!rd) {
            fprintf(stderr, "mnemo reader: %s has no reader\n", in);
            goto done;
        }
        if (!(*tail = reader_parse(rd, rdlen, err, sizeof err))) {
            fprintf(stderr, "mnemo reader: %s: %s\n", in, err);
            goto done;
        }
        free(rd);
        rd = NULL;
        while (*tail)
            tail = &(*tail)->next;
        if (reader_members(head) > READER_MAX_MEMBERS) {
            fprintf(stderr, "mnemo reader: more than %d members\n", READER_MAX_MEMBERS);
            goto done;
        }
    }
    reader_metrics_t mt;
    if (gen_set(a->val[O_WORDNET], a->val[O_NOTES] != NULL, (uint64_t)seed, DIALOGUE_HELDOUT, nvalid, &va) < 0)
        goto done;
    if (reader_evaluate(head, &va, (int)th, &mt) < 0) {
        fprintf(stderr, "mnemo reader: out of memory\n");
        goto done;
    }
    print_metrics("held-out, the ensemble", &mt);
    head->fact_min_p = reader_fact_threshold(&mt);
    if (write_with_reader(out, &c, v, &ph, params, head) < 0)
        goto done;
    printf("wrote %s (a reader of %d members; facts below act probability %.3f are taken "
           "as small talk)\n", out, reader_members(head), (double)head->fact_min_p);
    rc = CLI_EXIT_OK;
done:
    reader_free(head);
    reader_set_free(&va);
    free(rd);
    free(params);
    vocab_free(v);
    return rc;
}

static int run_reader(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    const char *what = a->pos[0];
    if (strcmp(what, "train") == 0)
        return a->npos == 1 ? run_train(a) : cli_usage_error("reader", "train takes no text");
    if (strcmp(what, "eval") == 0)
        return a->npos == 1 ? run_eval(a) : cli_usage_error("reader", "eval takes no text");
    if (strcmp(what, "read") == 0)
        return run_read(a);
    if (strcmp(what, "ensemble") == 0)
        return run_ensemble(a);
    return cli_usage_error("reader", "no reader command '%s' (train, eval, read or ensemble)",
                           what);
}

const cli_cmd_t cli_cmd_reader = {
    "reader", "train|eval|read [TEXT...]|ensemble FILE...",
    "train the reader of people's clauses on generated dialogue, measure it, or read one "
    "clause",
    reader_opts, 1, -1, run_reader,
};
