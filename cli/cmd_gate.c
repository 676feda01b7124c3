/* cmd_gate.c: `mnemo gate`: trains the small-talk gate (model/gate.h) on generated
 * clauses, and on people's labelled statements when given, and writes it into a copy of
 * a model file beside its reader (`train`), measures a model's gate on a file of labelled
 * clauses (`eval`), shows the gate's probability for one clause (`p`), prints generated
 * remarks (`sample`), and turns hand-written probes' say steps into labelled sentences
 * (`statements`). No server is involved. */
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

enum { O_MODEL, O_OUT, O_SEED, O_EXAMPLES, O_THRESHOLD, O_PEOPLE, O_REPEAT, O_WORDNET, O_COUNT,
       O_NOPTS };

static const cli_opt_t gate_opts[] = {
    [O_MODEL] = {"model", 'm', "FILE", "the model file to read (it must have a reader)"},
    [O_OUT] = {"out", 'o', "FILE", "train: the model file to write, with the gate"},
    [O_SEED] = {"seed", 0, "S", "train, sample: the generator's seed (default 7)"},
    [O_EXAMPLES] = {"examples", 0, "N", "train: generated training clauses (default "
                    STR(GATE_DEF_EXAMPLES) ")"},
    [O_THRESHOLD] = {"threshold", 0, "P", "train: the probability from which a clause read "
                     "as a fact is taken for small talk (default " STR(GATE_THRESHOLD) ")"},
    [O_PEOPLE] = {"people", 0, "FILE", "train: people's labelled statements to learn from "
                  "beside the generated clauses ({\"text\": ..., \"chat\": bool} per line)"},
    [O_REPEAT] = {"people-repeat", 0, "N", "train: times each of them is drawn (default "
                  STR(GATE_DEF_PEOPLE_REPEAT) ")"},
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

/* Labelled statements: texts (owned) and their labels (1 small talk). */
typedef struct labelled {
    char **text;
    unsigned char *chat;
    long n, cap;
} labelled_t;

static void labelled_free(labelled_t *l)
{
    for (long i = 0; i < l->n; i++) free(l->text[i]);
    free(l->text);
    free(l->chat);
    memset(l, 0, sizeof *l);
}

/* Reads path's lines {"text": ..., "chat": true|false} into l. 0, or -1 after saying why
 * (the file, the line and what it wants; or out of memory). */
static int labelled_read(const char *path, labelled_t *l)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[8192];
    int rc = 0;
    for (long ln = 1; rc == 0 && fgets(line, sizeof line, f); ln++) {
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        const char *text = json_string_value(json_object_get(o, "text"));
        json_t *chat = json_object_get(o, "chat");
        if (!text || !json_is_boolean(chat)) {
            fprintf(stderr, "mnemo gate: %s:%ld: want {\"text\": ..., \"chat\": true|false}\n",
                    path, ln);
            rc = -1;
        } else if (l->n == l->cap) {
            long cap = l->cap ? l->cap * 2 : 256;
            char **t = realloc(l->text, (size_t)cap * sizeof *t);
            if (t) l->text = t;
            unsigned char *c = realloc(l->chat, (size_t)cap);
            if (c) l->chat = c;
            if (!t || !c) rc = -1;
            else l->cap = cap;
        }
        if (rc == 0) {
            if (!(l->text[l->n] = strdup(text))) rc = -1;
            else l->chat[l->n++] = (unsigned char)json_is_true(chat);
        }
        if (rc < 0 && text && json_is_boolean(chat)) fprintf(stderr, "mnemo gate: out of memory\n");
        json_decref(o);
    }
    fclose(f);
    return rc;
}

static int run_train(const cli_args_t *a)
{
    const char *in = a->val[O_MODEL], *out = a->val[O_OUT];
    if (!in || !out) return cli_usage_error("gate", "train needs --model IN and -o OUT");
    gate_train_opts_t o = GATE_TRAIN_DEFAULTS;
    double seed = (double)o.seed, n = (double)o.examples, th = o.threshold,
           rep_n = o.people_repeat;
    if (opt_num(a, O_SEED, 0, 1e15, &seed) < 0 || opt_num(a, O_EXAMPLES, 1000, 1e7, &n) < 0 ||
        opt_num(a, O_THRESHOLD, 0, 1, &th) < 0 || opt_num(a, O_REPEAT, 1, 1000, &rep_n) < 0)
        return CLI_EXIT_USAGE;
    o.seed = (uint64_t)seed;
    o.examples = (long)n;
    o.threshold = (float)th;
    o.people_repeat = (int)rep_n;
    labelled_t people = {0};
    if (a->val[O_PEOPLE] && labelled_read(a->val[O_PEOPLE], &people) < 0) {
        labelled_free(&people);
        return CLI_EXIT_USAGE;
    }
    o.people = (const char *const *)people.text;
    o.people_chat = people.chat;
    o.npeople = people.n;
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
    printf("trained on %ld small talk and %ld fact clauses (people's: %ld and %ld, each "
           "%d times); held-out %ld and %ld\n", rep.train_chat, rep.train_fact,
           rep.people_chat, rep.people_fact, o.people_repeat, rep.held_chat, rep.held_fact);
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
    labelled_free(&people);
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
    labelled_t l = {0};
    int rc = !g ? CLI_EXIT_SERVER : labelled_read(a->pos[1], &l) < 0 ? CLI_EXIT_USAGE
                                                                     : CLI_EXIT_OK;
    static const float th[] = {0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 0.95f, 0.98f, -1.0f};
    enum { NTH = sizeof th / sizeof th[0] };
    long nchat = 0, nfact = 0, caught[NTH] = {0}, taken[NTH] = {0};
    for (long k = 0; rc == CLI_EXIT_OK && k < l.n; k++) {
        float p = gate_chat_p(g, l.text[k], strlen(l.text[k]));
        int y = l.chat[k];
        y ? nchat++ : nfact++;
        for (int i = 0; i < NTH; i++) {
            float t = th[i] < 0 ? g->threshold : th[i];
            if (p >= t) y ? caught[i]++ : taken[i]++;
        }
    }
    if (rc == CLI_EXIT_OK) {
        printf("%ld small talk, %ld facts\n", nchat, nfact);
        for (int i = 0; i < NTH; i++)
            printf("threshold %.4f%s: small talk caught %ld (%.1f%%), facts taken %ld (%.1f%%)\n",
                   (double)(th[i] < 0 ? g->threshold : th[i]), th[i] < 0 ? " (the gate's)" : "",
                   caught[i], nchat ? 100.0 * caught[i] / nchat : 0.0, taken[i],
                   nfact ? 100.0 * taken[i] / nfact : 0.0);
    }
    labelled_free(&l);
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

/* The length of the mark at p that ends a sentence (. ! ? or their full-width forms, or
 * a newline), 0 when none. */
static size_t sentence_end(const char *p)
{
    if (*p == '.' || *p == '!' || *p == '?' || *p == '\n') return 1;
    static const char *const wide[] = {"\u3002", "\uff01", "\uff1f", NULL};
    for (int i = 0; wide[i]; i++)
        if (strncmp(p, wide[i], strlen(wide[i])) == 0) return strlen(wide[i]);
    return 0;
}

/* 1 when text holds needle, ASCII letters in either case. */
static int holds(const char *text, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n && i + n <= len; i++)
        if (strncasecmp(text + i, needle, n) == 0) return 1;
    return 0;
}

/* One say step's sentences as labelled lines: every sentence of small talk, and the
 * sentences of a fact or an update that hold one of its values (the others may be
 * chat around the fact, so they are not labelled). */
static void print_say(const char *say, int chat, json_t *facts)
{
    const char *p = say;
    while (*p) {
        while (*p == ' ' || *p == '\n' || *p == '\t') p++;
        const char *s = p;
        size_t e = 0;
        while (*p && !(e = sentence_end(p))) p++;
        while (*p && (e = sentence_end(p))) p += e;    /* "?!", "..." */
        size_t len = (size_t)(p - s);
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\n')) len--;
        if (!len) continue;
        int keep = chat;
        const char *key;
        json_t *v;
        json_object_foreach(facts, key, v) {
            const char *val = json_string_value(v);
            char num[32];
            if (json_is_integer(v)) {
                snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
                val = num;
            }
            if (!chat && val && holds(s, len, val)) keep = 1;
        }
        if (!keep) continue;
        json_t *o = json_pack("{s:s%, s:b}", "text", s, len, "chat", chat);
        char *line = o ? json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
        if (line) printf("%s\n", line);
        free(line);
        json_decref(o);
    }
}

/* statements FILE...: each probe file's say steps (lines {"user": ..., "steps": [...]})
 * as labelled sentences on stdout, for `train --people` and `eval`. */
static int run_statements(const cli_args_t *a)
{
    if (a->npos < 2) return cli_usage_error("gate", "statements needs probe files");
    for (int i = 1; i < a->npos; i++) {
        json_error_t je;
        FILE *f = fopen(a->pos[i], "r");
        if (!f) {
            perror(a->pos[i]);
            return CLI_EXIT_USAGE;
        }
        char *line = NULL;
        size_t cap = 0;
        long ln = 0;
        int rc = CLI_EXIT_OK;
        while (rc == CLI_EXIT_OK && getline(&line, &cap, f) > 0) {
            ln++;
            if (strspn(line, " \t\r\n") == strlen(line)) continue;
            json_t *o = json_loads(line, 0, &je), *steps = json_object_get(o, "steps"), *st;
            size_t k;
            if (!json_is_array(steps)) {
                fprintf(stderr, "mnemo gate: %s:%ld: want {\"user\": ..., \"steps\": [...]}\n",
                        a->pos[i], ln);
                rc = CLI_EXIT_USAGE;
            }
            json_array_foreach(steps, k, st) {
                const char *say = json_string_value(json_object_get(st, "say"));
                const char *type = json_string_value(json_object_get(st, "type"));
                if (!say || !type) continue;
                if (!strcmp(type, "smalltalk"))
                    print_say(say, 1, NULL);
                else if (!strcmp(type, "fact") || !strcmp(type, "update"))
                    print_say(say, 0, json_object_get(st, "facts"));
            }
            json_decref(o);
        }
        free(line);
        fclose(f);
        if (rc != CLI_EXIT_OK) return rc;
    }
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
    if (strcmp(what, "statements") == 0) return run_statements(a);
    return cli_usage_error("gate", "no gate command '%s' (train, eval, p, sample or "
                           "statements)", what);
}

const cli_cmd_t cli_cmd_gate = {
    "gate", "train|eval FILE|p [TEXT...]|sample|statements PROBE...",
    "train the small-talk gate on generated clauses into a model file, measure it on "
    "labelled clauses, or show its probability for a clause",
    gate_opts, 1, -1, run_gate,
};
