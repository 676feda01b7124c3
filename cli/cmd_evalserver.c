/* cmd_evalserver.c: `mnemo eval --server`: the held-out bAbI stories played through a
 * running mnemod's POST /v1/chat, a fresh user and conversation per story, each line one
 * message, each question's reply compared with its answer; the same table as the
 * in-process eval. Also what the personal-fact part shares: the parallel workers, one
 * chat call, and the word comparison. */
#include "cli/evalserver.h"
#include "model/data.h"
#include "model/persona.h"
#include "model/tokenizer.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- shared: workers, chat, comparison -------------------------------------------- */

typedef struct pool {
    const evs_opts_t *o;
    cli_ctx_t *ctx;
    evs_job_fn fn;
    void *arg;
    long njobs;
    atomic_long next;
    atomic_int rc;
} pool_t;

typedef struct pool_thread {
    pool_t *p;
    evs_worker_t w;
    pthread_t tid;
} pool_thread_t;

static void *pool_main(void *arg)
{
    pool_thread_t *t = arg;
    pool_t *p = t->p;
    for (;;) {
        if (atomic_load(&p->rc) != CLI_EXIT_OK)
            break;
        long job = atomic_fetch_add(&p->next, 1);
        if (job >= p->njobs)
            break;
        int rc = p->fn(&t->w, job, p->arg);
        if (rc != CLI_EXIT_OK) {
            int ok = CLI_EXIT_OK;
            atomic_compare_exchange_strong(&p->rc, &ok, rc);
        }
    }
    return NULL;
}

int evs_parallel(cli_ctx_t *ctx, const evs_opts_t *o, long njobs, evs_job_fn fn, void *arg)
{
    pool_t p = {.o = o, .ctx = ctx, .fn = fn, .arg = arg, .njobs = njobs};
    atomic_init(&p.next, 0);
    atomic_init(&p.rc, CLI_EXIT_OK);
    int n = o->jobs < 1 ? 1 : o->jobs;
    pool_thread_t *t = calloc((size_t)n, sizeof *t);
    if (!t) {
        fprintf(stderr, "mnemo: out of memory\n");
        return CLI_EXIT_SERVER;
    }
    const char *token = o->token ? o->token : getenv("MNEMO_TOKEN");
    int started = 0, rc = CLI_EXIT_OK;
    for (int i = 0; i < n; i++) {
        t[i].p = &p;
        t[i].w.id = i;
        t[i].w.ctx = *ctx;
        t[i].w.ctx.json = 0;
        t[i].w.ctx.http = cli_http_new(ctx->server, token);
        if (!t[i].w.ctx.http || pthread_create(&t[i].tid, NULL, pool_main, &t[i]) != 0) {
            fprintf(stderr, "mnemo: cannot start worker %d\n", i);
            cli_http_free(t[i].w.ctx.http);
            rc = CLI_EXIT_SERVER;
            atomic_store(&p.rc, rc);
            break;
        }
        started++;
    }
    for (int i = 0; i < started; i++) {
        pthread_join(t[i].tid, NULL);
        cli_http_free(t[i].w.ctx.http);
    }
    free(t);
    return rc != CLI_EXIT_OK ? rc : atomic_load(&p.rc);
}

int evs_chat(evs_worker_t *w, const char *user, const char *conv, const char *message,
             char **reply, int *statement)
{
    *reply = NULL;
    *statement = 0;
    json_t *body = json_pack("{s:s,s:s,s:s}", "user", user, "conversation", conv, "message",
                             message);
    if (!body) {
        fprintf(stderr, "mnemo: not valid UTF-8: %.200s\n", message);
        return CLI_EXIT_SERVER;
    }
    json_t *out = NULL;
    int rc = cli_call_json(&w->ctx, "POST", "/v1/chat", body, &out, NULL);
    json_decref(body);
    if (rc != CLI_EXIT_OK)
        return rc;
    const char *r = json_string_value(json_object_get(out, "reply"));
    const char *kind = json_string_value(json_object_get(out, "kind"));
    const char *answer = json_string_value(json_object_get(out, "answer"));
    *statement = kind && strcmp(kind, "statement") == 0;
    /* A model with a reader replies in sentences ("Your dog is called Rex.") and gives the
     * bare answer beside; it is what is scored. A turn it answered with no bare answer is
     * scored as the memory network's words for the same outcome: the acknowledgement of
     * a statement, "i don't know" for a reply saying so. */
    if (json_array_size(json_object_get(out, "clauses")) > 0 && answer) {
        if (*answer)
            r = answer;
        else if (*statement)
            r = PERSONA_ACK;
        else if (r && strstr(r, "don't know"))
            r = PERSONA_UNKNOWN;
    }
    *reply = strdup(r ? r : "");
    json_decref(out);
    if (!*reply) {
        fprintf(stderr, "mnemo: out of memory\n");
        return CLI_EXIT_SERVER;
    }
    return CLI_EXIT_OK;
}

int evs_delete_user(evs_worker_t *w, const char *user)
{
    char *esc = cli_http_escape(w->ctx.http, user);
    if (!esc)
        return CLI_EXIT_SERVER;
    char path[512];
    snprintf(path, sizeof path, "/v1/users/%s", esc);
    free(esc);
    return cli_call_json(&w->ctx, "DELETE", path, NULL, NULL, NULL);
}

/* The words of s as the model's tokenizer cuts them (CJK bigrams left out, as the bAbI
 * reader does). 0 or -1. */
static int words_of(const char *s, tok_list_t *tl)
{
    memset(tl, 0, sizeof *tl);
    return tok_split(s, strlen(s), tl, NULL, 0) == TOK_OK ? 0 : -1;
}

int evs_same_words(const char *reply, const char *expected)
{
    tok_list_t a, b;
    if (words_of(reply, &a) < 0)
        return 0;
    if (words_of(expected, &b) < 0) {
        tok_list_free(&a);
        return 0;
    }
    int i = 0, j = 0, same = 1;
    for (;;) {
        while (i < a.n && a.kind[i] == TOK_CJK_BIGRAM)
            i++;
        while (j < b.n && b.kind[j] == TOK_CJK_BIGRAM)
            j++;
        if (i == a.n || j == b.n) {
            same = i == a.n && j == b.n;
            break;
        }
        if (strcmp(a.v[i++], b.v[j++]) != 0) {
            same = 0;
            break;
        }
    }
    tok_list_free(&a);
    tok_list_free(&b);
    return same;
}

/* ---- bAbI files: the reader's split, kept as text --------------------------------- */

typedef struct bline {
    char *text;          /* the line after its number, trimmed */
    char *answer;        /* a question's answer ("n,w"); NULL for a statement */
} bline_t;

typedef struct bstory {
    bline_t *l;
    int n, task;
} bstory_t;

typedef struct bset {
    bstory_t *s;         /* the held-out stories of every file, file by file */
    long n, cap;
    int questions;
} bset_t;

static char *trimmed(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    return strndup(s, (size_t)(e - s));
}

static void story_free(bstory_t *s)
{
    for (int i = 0; i < s->n; i++) {
        free(s->l[i].text);
        free(s->l[i].answer);
    }
    free(s->l);
}

static void bset_free(bset_t *b)
{
    for (long i = 0; i < b->n; i++)
        story_free(&b->s[i]);
    free(b->s);
}

/* Splits text into stories with the reader's own line parser (model/data.h): a story
 * restarts when a line number does not grow; a line with a tab is a question, its answer
 * up to the next tab. Keeps the reader's held-out stories (babi_heldout: the last ones),
 * the first `limit` of them when limit > 0. Returns 0, or -1 with the reason printed. */
static int read_heldout(bset_t *b, const char *path, const char *text, size_t len, long limit)
{
    bstory_t *all = NULL;
    long n = 0, cap = 0;
    int prev = 0, lineno = 0, rc = 0, nq = 0, task = babi_task_of(path), got;
    size_t at = 0;
    babi_line_t ln;
    while (rc == 0 && (got = babi_next_line(text, len, &at, &lineno, &ln)) != 0) {
        if (got < 0) {
            fprintf(stderr, "mnemo: %s:%d: a line must start with its number\n", path, lineno);
            rc = -1;
            break;
        }
        long no = ln.no;
        const char *num = ln.body, *lend = ln.end, *tab = ln.tab;
        if (n == 0 || no <= prev) {
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                bstory_t *g = realloc(all, (size_t)cap * sizeof *g);
                if (!g)
                    goto oom;
                all = g;
            }
            all[n++] = (bstory_t){.task = task};
        }
        prev = (int)no;
        bstory_t *s = &all[n - 1];
        bline_t *g = realloc(s->l, (size_t)(s->n + 1) * sizeof *g);
        if (!g)
            goto oom;
        s->l = g;
        bline_t *l = &s->l[s->n];
        *l = (bline_t){0};
        l->text = trimmed(num, tab ? tab : lend);
        if (tab) {
            const char *tab2 = memchr(tab + 1, '\t', (size_t)(lend - tab - 1));
            l->answer = trimmed(tab + 1, tab2 ? tab2 : lend);
            if (l->answer && !*l->answer) {
                fprintf(stderr, "mnemo: %s:%d: a question without an answer\n", path, lineno);
                rc = -1;
            }
            nq++;
        }
        s->n++;
        if (!l->text || (tab && !l->answer))
            goto oom;
    }
    if (rc == 0 && nq == 0) {
        fprintf(stderr, "mnemo: %s: no questions\n", path);
        rc = -1;
    }
    long nvalid = babi_heldout((int)n);
    long first = n - nvalid, last = limit > 0 && limit < nvalid ? first + limit : n;
    for (long i = 0; i < n; i++) {
        if (rc == 0 && i >= first && i < last) {
            if (b->n == b->cap) {
                long c = b->cap ? b->cap * 2 : 256;
                bstory_t *g = realloc(b->s, (size_t)c * sizeof *g);
                if (!g)
                    goto oom;
                b->s = g;
                b->cap = c;
            }
            for (int k = 0; k < all[i].n; k++)
                b->questions += all[i].l[k].answer != NULL;
            b->s[b->n++] = all[i];
            all[i] = (bstory_t){0};
        }
        story_free(&all[i]);
    }
    free(all);
    return rc;
oom:
    fprintf(stderr, "mnemo: out of memory reading %s\n", path);
    for (long i = 0; i < n; i++)
        story_free(&all[i]);
    free(all);
    return -1;
}

static int read_file(bset_t *b, const char *path, long limit)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "mnemo: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = 0;
    for (;;) {
        if (len + 65536 > cap) {
            cap = cap ? cap * 2 : 1 << 20;
            char *g = realloc(buf, cap);
            if (!g) {
                fprintf(stderr, "mnemo: %s: out of memory\n", path);
                rc = -1;
                break;
            }
            buf = g;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "mnemo: %s: read error\n", path);
        rc = -1;
    }
    fclose(f);
    if (rc == 0)
        rc = read_heldout(b, path, buf, len, limit);
    free(buf);
    return rc;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The bAbI files of o: the explicit ones, else "qaN_*_train.txt" of each task under
 * the setting's folder, found as cmd_model_read finds them. Reads each into b. */
static int read_babi(bset_t *b, const evs_opts_t *o)
{
    for (int i = 0; i < o->nfiles; i++)
        if (read_file(b, o->files[i], o->limit_stories) < 0)
            return -1;
    if (o->nfiles > 0)
        return 0;
    const char *dir = o->dir ? o->dir : getenv("MNEMO_BABI_DIR");
    if (!dir)
        dir = is_dir("../shared/data/babi") ? "../shared/data/babi" : "../../shared/data/babi";
    const char *setting = o->setting ? o->setting : "1k";
    if (strcmp(setting, "1k") != 0 && strcmp(setting, "10k") != 0) {
        fprintf(stderr, "mnemo: --setting is 1k or 10k, not '%s'\n", setting);
        return -1;
    }
    char sub[4096], path[4400];
    snprintf(sub, sizeof sub, "%s/%s", dir, strcmp(setting, "1k") == 0 ? "en" : "en-10k");
    if (!is_dir(sub)) {
        fprintf(stderr, "mnemo: no bAbI folder %s (give --babi-dir or data files)\n", sub);
        return -1;
    }
    int want[21] = {0};
    const char *t = o->tasks && strcmp(o->tasks, "all") != 0 ? o->tasks : NULL;
    for (int k = 1; k <= 20; k++)
        want[k] = !t;
    while (t && *t) {
        char *e;
        long k = strtol(t, &e, 10);
        if (e == t || k < 1 || k > 20 || (*e && *e != ',')) {
            fprintf(stderr, "mnemo: --tasks is 'all' or numbers 1-20 with commas: '%s'\n",
                    o->tasks);
            return -1;
        }
        want[k] = 1;
        t = *e ? e + 1 : e;
    }
    for (int k = 1; k <= 20; k++) {
        if (!want[k])
            continue;
        char prefix[16];
        snprintf(prefix, sizeof prefix, "qa%d_", k);
        DIR *d = opendir(sub);
        struct dirent *e;
        path[0] = '\0';
        while (d && (e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 && l > 10 &&
                strcmp(e->d_name + l - 10, "_train.txt") == 0) {
                snprintf(path, sizeof path, "%s/%s", sub, e->d_name);
                break;
            }
        }
        if (d)
            closedir(d);
        if (!path[0]) {
            fprintf(stderr, "mnemo: task %d not found in %s\n", k, sub);
            return -1;
        }
        if (read_file(b, path, o->limit_stories) < 0)
            return -1;
    }
    return 0;
}

/* ---- bAbI through the API ---------------------------------------------------------- */

typedef struct babi_run {
    const evs_opts_t *o;
    const bset_t *b;
    atomic_int total[21], ok[21];
    atomic_long turns;
} babi_run_t;

/* Plays story `job` as its own user in its own conversation. */
static int babi_story(evs_worker_t *w, long job, void *arg)
{
    babi_run_t *r = arg;
    const bstory_t *s = &r->b->s[job];
    char user[128];
    snprintf(user, sizeof user, "eval-%s-b%ld", r->o->run, job);
    int rc = CLI_EXIT_OK, t = s->task >= 0 && s->task <= 20 ? s->task : 0;
    for (int i = 0; i < s->n && rc == CLI_EXIT_OK; i++) {
        char *reply;
        int statement;
        rc = evs_chat(w, user, user, s->l[i].text, &reply, &statement);
        if (rc != CLI_EXIT_OK)
            break;
        atomic_fetch_add(&r->turns, 1);
        if (s->l[i].answer) {
            atomic_fetch_add(&r->total[t], 1);
            atomic_fetch_add(&r->ok[t], evs_same_words(reply, s->l[i].answer));
        }
        free(reply);
    }
    if (!r->o->keep) {
        int d = evs_delete_user(w, user);
        if (rc == CLI_EXIT_OK)
            rc = d;
    }
    return rc;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Prints the table as the in-process eval does; adds it to out when not NULL. */
static void babi_table(cli_ctx_t *ctx, babi_run_t *r, long stories, double secs, json_t *out)
{
    json_t *rows = json_array();
    if (!ctx->json)
        printf("%s (POST /v1/chat) on the held-out 10%% split: %ld stories, %ld chat turns in "
               "%.1f s (%.0f turns/s, %d connections)\n\n"
               "| task | questions | error %% | failed (> 5%%) |\n|---:|---:|---:|:---:|\n",
               ctx->server, stories, atomic_load(&r->turns), secs,
               secs > 0 ? (double)atomic_load(&r->turns) / secs : 0.0, r->o->jobs);
    int ntasks = 0, failed = 0;
    double sum = 0;
    for (int t = 0; t <= 20; t++) {
        int total = atomic_load(&r->total[t]), ok = atomic_load(&r->ok[t]);
        if (!total)
            continue;
        double e = 100.0 * (total - ok) / total;
        ntasks++;
        sum += e;
        failed += e > 5.0;
        if (!ctx->json)
            printf("| %s%d | %d | %.1f | %s |\n", t ? "" : "other ", t, total, e,
                   e > 5.0 ? "yes" : "");
        json_array_append_new(rows, json_pack("{s:i,s:i,s:i,s:f,s:b}", "task", t, "questions",
                                              total, "correct", ok, "error", e, "failed",
                                              e > 5.0));
    }
    double mean = ntasks ? sum / ntasks : 0.0;
    if (!ctx->json)
        printf("\nmean error %.2f%%, failed tasks %d of %d\n", mean, failed, ntasks);
    json_object_set_new(out, "babi",
                        json_pack("{s:o,s:f,s:i,s:i,s:I,s:I,s:f}", "tasks", rows, "mean_error",
                                  mean, "failed", failed, "ntasks", ntasks, "stories",
                                  (json_int_t)stories, "turns",
                                  (json_int_t)atomic_load(&r->turns), "seconds", secs));
}

static int eval_babi(cli_ctx_t *ctx, const evs_opts_t *o, json_t *out)
{
    bset_t b = {0};
    int rc = CLI_EXIT_SERVER;
    babi_run_t *r = calloc(1, sizeof *r);
    if (!r || read_babi(&b, o) < 0)
        goto done;
    fprintf(stderr, "bAbI: %ld held-out stories, %d questions, %d connections\n", b.n,
            b.questions, o->jobs);
    r->o = o;
    r->b = &b;
    double t0 = now_s();
    rc = evs_parallel(ctx, o, b.n, babi_story, r);
    if (rc == CLI_EXIT_OK)
        babi_table(ctx, r, b.n, now_s() - t0, out);
done:
    free(r);
    bset_free(&b);
    return rc;
}

int evs_run(cli_ctx_t *ctx, const evs_opts_t *o)
{
    json_t *out = json_object();
    int rc = out ? CLI_EXIT_OK : CLI_EXIT_SERVER;
    if (rc == CLI_EXIT_OK && o->babi)
        rc = eval_babi(ctx, o, out);
    if (rc == CLI_EXIT_OK && o->persona) {
        if (o->babi && !ctx->json)
            putchar('\n');
        json_t *p = NULL;
        rc = evs_persona(ctx, o, &p);
        if (p)
            json_object_set_new(out, "persona", p);
    }
    if (rc == CLI_EXIT_OK && ctx->json) {
        json_object_set_new(out, "server", json_string(ctx->server));
        json_object_set_new(out, "run", json_string(o->run));
        char *d = json_dumps(out, JSON_COMPACT);
        if (d)
            cli_print_raw(d);
        free(d);
    }
    json_decref(out);
    return rc;
}

int evs_main(cli_ctx_t *ctx, const char *const *files, int nfiles, const evs_args_t *a)
{
    evs_opts_t o = {.files = files, .nfiles = nfiles, .tasks = a->tasks, .setting = a->setting,
                    .dir = a->dir, .babi = 1, .persona = 1, .persona_n = 200, .seed = 1,
                    .restart_cmd = a->restart_cmd, .jobs = 2, .keep = a->keep != NULL,
                    .token = a->token};
    long v;
    if (a->model || a->on_train)
        return cli_usage_error("eval", "--server plays through the daemon and its model: "
                                       "--model and --on-train are for the in-process eval");
    if (a->only && strcmp(a->only, "babi") == 0)
        o.persona = 0;
    else if (a->only && strcmp(a->only, "persona") == 0)
        o.babi = 0;
    else if (a->only)
        return cli_usage_error("eval", "--only is babi or persona, not '%s'", a->only);
    if (o.tasks && strcmp(o.tasks, "none") == 0 && !nfiles)
        o.babi = 0;
    if (a->jobs) {
        if (cli_parse_long("--jobs", a->jobs, &v) < 0 || v < 1 || v > 64)
            return cli_usage_error("eval", "--jobs must be in 1..64");
        o.jobs = (int)v;
    }
    if (a->limit_stories) {
        if (cli_parse_long("--limit-stories", a->limit_stories, &v) < 0 || v < 1)
            return cli_usage_error("eval", "--limit-stories must be a positive count");
        o.limit_stories = v;
    }
    if (a->persona) {
        if (cli_parse_long("--persona", a->persona, &v) < 0 || v < 0 || v > 1000000)
            return cli_usage_error("eval", "--persona takes a count of stories (0..1000000)");
        o.persona_n = v;
        if (v == 0)
            o.persona = 0;
    }
    if (a->seed) {
        if (cli_parse_long("--seed", a->seed, &v) < 0 || v < 0)
            return cli_usage_error("eval", "--seed must be a non-negative integer");
        o.seed = (uint64_t)v;
    }
    if (o.restart_cmd && !*o.restart_cmd)
        return cli_usage_error("eval", "--restart-cmd needs a command");
    if (!o.babi && !o.persona)
        return cli_usage_error("eval", "nothing to run (--only, --tasks none, --persona 0)");
    snprintf(o.run, sizeof o.run, "%lld-%ld", (long long)time(NULL), (long)getpid());
    return evs_run(ctx, &o);
}
