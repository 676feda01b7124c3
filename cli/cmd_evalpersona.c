/* cmd_evalpersona.c: the personal-fact part of `mnemo eval --server`: held-out stories
 * of model/persona.h played through POST /v1/chat, one user per story and one
 * conversation per conversation index. Every story's turns before its restart point are
 * played first, then --restart-cmd restarts the daemon (and /readyz is awaited), then the
 * rest. Prints the accuracy by kind of turn and by where a question is asked. */
#include "cli/evalserver.h"
#include "model/persona.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

/* The rows of the table, in print order. */
enum {
    R_ALLQ, R_FACT, R_SAME, R_OTHER, R_RESTART, R_UPDATED, R_UNKNOWN, R_ACK, R_STMT_KIND,
    R_SMALLTALK, R_N
};

static const char *const row_name[R_N] = {
    [R_ALLQ] = "questions, all",
    [R_FACT] = "fact questions",
    [R_SAME] = "  same conversation",
    [R_OTHER] = "  other conversation",
    [R_RESTART] = "  after restart",
    [R_UPDATED] = "  about an updated fact",
    [R_UNKNOWN] = "never told (reply \"" PERSONA_UNKNOWN "\")",
    [R_ACK] = "statements acknowledged (\"" PERSONA_ACK "\")",
    [R_STMT_KIND] = "statements the server kept (kind statement)",
    [R_SMALLTALK] = "small talk",
};

static const char *const row_key[R_N] = {
    "questions", "fact_questions", "same_conversation", "other_conversation",
    "after_restart", "updated", "unknown", "statements_acknowledged", "statements_kept",
    "small_talk",
};

typedef struct persona_run {
    const evs_opts_t *o;
    persona_story_t *s;       /* [o->persona_n] */
    int phase;                /* 0: turns before restart_at, 1: from restart_at on */
    atomic_long n[R_N], ok[R_N];
    atomic_long turns;
} persona_run_t;

static void count(persona_run_t *r, int row, int ok)
{
    atomic_fetch_add(&r->n[row], 1);
    atomic_fetch_add(&r->ok[row], ok != 0);
}

/* Scores one turn's reply. */
static void score(persona_run_t *r, const persona_turn_t *t, const char *reply, int statement)
{
    int ok = evs_same_words(reply, t->reply);
    switch (t->kind) {
    case PERSONA_STATEMENT:
        count(r, R_ACK, evs_same_words(reply, PERSONA_ACK));
        count(r, R_STMT_KIND, statement);
        break;
    case PERSONA_SMALLTALK:
        count(r, R_SMALLTALK, ok);
        break;
    case PERSONA_QUESTION:
        count(r, R_ALLQ, ok);
        count(r, R_FACT, ok);
        count(r, t->where == PERSONA_SAME ? R_SAME : t->where == PERSONA_OTHER ? R_OTHER
                                                                               : R_RESTART,
              ok);
        if (t->updated)
            count(r, R_UPDATED, ok);
        break;
    default: /* PERSONA_UNKNOWN_Q */
        count(r, R_ALLQ, ok);
        count(r, R_UNKNOWN, evs_same_words(reply, PERSONA_UNKNOWN));
        break;
    }
}

/* Plays one story's turns of the current phase. */
static int persona_story(evs_worker_t *w, long job, void *arg)
{
    persona_run_t *r = arg;
    const persona_story_t *s = &r->s[job];
    int from = r->phase ? s->restart_at : 0, to = r->phase ? s->n : s->restart_at;
    char user[128], conv[160];
    snprintf(user, sizeof user, "eval-%s-p%ld", r->o->run, job);
    int rc = CLI_EXIT_OK;
    for (int i = from < 0 ? 0 : from; i < to && i < s->n && rc == CLI_EXIT_OK; i++) {
        const persona_turn_t *t = &s->t[i];
        char *reply;
        int statement;
        snprintf(conv, sizeof conv, "%s-c%d", user, t->conv);
        rc = evs_chat(w, user, conv, t->text, &reply, &statement);
        if (rc != CLI_EXIT_OK)
            break;
        atomic_fetch_add(&r->turns, 1);
        score(r, t, reply, statement);
        free(reply);
    }
    if (r->phase == 1 && !r->o->keep) {
        int d = evs_delete_user(w, user);
        if (rc == CLI_EXIT_OK)
            rc = d;
    }
    return rc;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Runs cmd through /bin/sh, then waits up to 60 s for GET /readyz to say 200. */
static int restart(cli_ctx_t *ctx, const char *cmd)
{
    fprintf(stderr, "restart: %s\n", cmd);
    fflush(NULL);
    int st = system(cmd);
    if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "mnemo: --restart-cmd failed (status %d)\n",
                st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        return CLI_EXIT_SERVER;
    }
    cli_http_request_t req = {.method = "GET", .path = "/readyz"};
    long last = 0;
    for (int i = 0; i < 600; i++) {
        cli_http_reply_t rep;
        char err[256];
        if (cli_http_send(ctx->http, &req, &rep, err, sizeof err) == CLI_HTTP_OK) {
            last = rep.status;
            cli_http_reply_clear(&rep);
            if (last == 200)
                return CLI_EXIT_OK;
        }
        sleep_ms(100);
    }
    fprintf(stderr, "mnemo: %s/readyz did not answer 200 within 60 s after the restart "
                    "(last status %ld)\n", ctx->server, last);
    return CLI_EXIT_CONNECT;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Prints the table (secs: playing time, restart_s: the restart and readyz wait) and
 * returns it as JSON. */
static json_t *table(cli_ctx_t *ctx, persona_run_t *r, double secs, double restart_s)
{
    const evs_opts_t *o = r->o;
    json_t *rows = json_object();
    long turns = atomic_load(&r->turns);
    if (!ctx->json)
        printf("personal facts (POST /v1/chat): %ld held-out stories, seed %llu, %ld chat "
               "turns in %.1f s (restart %.1f s)\n\n| turns | n | correct %% |\n"
               "|:---|---:|---:|\n",
               o->persona_n, (unsigned long long)o->seed, turns, secs, restart_s);
    for (int k = 0; k < R_N; k++) {
        long n = atomic_load(&r->n[k]), ok = atomic_load(&r->ok[k]);
        double pct = n ? 100.0 * (double)ok / (double)n : 0.0;
        int no_restart = k == R_RESTART && !o->restart_cmd;
        if (!ctx->json) {
            printf("| %s%s | %ld | ", row_name[k],
                   no_restart ? " (no restart: --restart-cmd not given)" : "", n);
            if (n)
                printf("%.1f |\n", pct);
            else
                printf("- |\n");
        }
        json_t *row = json_pack("{s:I,s:I}", "n", (json_int_t)n, "correct", (json_int_t)ok);
        if (n)
            json_object_set_new(row, "percent", json_real(pct));
        if (no_restart)
            json_object_set_new(row, "restarted", json_false());
        json_object_set_new(rows, row_key[k], row);
    }
    return json_pack("{s:o,s:I,s:I,s:I,s:b,s:f,s:f}", "rows", rows, "stories",
                     (json_int_t)o->persona_n, "seed", (json_int_t)o->seed, "turns",
                     (json_int_t)turns, "restarted", o->restart_cmd != NULL, "seconds", secs,
                     "restart_seconds", restart_s);
}

int evs_persona(cli_ctx_t *ctx, const evs_opts_t *o, json_t **out)
{
    *out = NULL;
    int rc = CLI_EXIT_SERVER;
    long made = 0, turns = 0, after = 0;
    persona_run_t *r = calloc(1, sizeof *r);
    persona_story_t *s = calloc((size_t)(o->persona_n > 0 ? o->persona_n : 1), sizeof *s);
    if (!r || !s)
        goto oom;
    for (; made < o->persona_n; made++) {
        if (persona_story_make(&s[made], o->seed, (int)made, PERSONA_HELDOUT) < 0)
            goto oom;
        turns += s[made].n;
        after += s[made].n - (s[made].restart_at < s[made].n ? s[made].restart_at : s[made].n);
    }
    fprintf(stderr, "personal facts: %ld held-out stories, %ld turns (%ld after the restart), "
                    "%d connections\n", o->persona_n, turns, after, o->jobs);
    r->o = o;
    r->s = s;
    double t0 = now_s();
    rc = evs_parallel(ctx, o, o->persona_n, persona_story, r);
    double t1 = now_s();
    if (rc == CLI_EXIT_OK && o->restart_cmd)
        rc = restart(ctx, o->restart_cmd);
    double t2 = now_s();
    r->phase = 1;
    if (rc == CLI_EXIT_OK)
        rc = evs_parallel(ctx, o, o->persona_n, persona_story, r);
    if (rc == CLI_EXIT_OK)
        *out = table(ctx, r, (t1 - t0) + (now_s() - t2), t2 - t1);
    goto done;
oom:
    fprintf(stderr, "mnemo: out of memory\n");
done:
    for (long i = 0; i < made; i++)
        persona_story_free(&s[i]);
    free(s);
    free(r);
    return rc;
}
