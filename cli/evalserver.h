/* evalserver.h: `mnemo eval --server`: the evaluations played through a running mnemod's
 * POST /v1/chat, one message per request, as a person would: bAbI held-out stories
 * (cmd_evalserver.c) and mnemo's personal-fact conversations across a restart
 * (cmd_evalpersona.c). What both share: options, parallel story workers, one chat call,
 * and the comparison of a reply with an expected answer. */
#ifndef MNEMO_CLI_EVALSERVER_H
#define MNEMO_CLI_EVALSERVER_H

#include <stdint.h>
#include "cli/cli.h"

/* The option values of `mnemo eval` as typed (NULL = absent, "" = a flag present). */
typedef struct evs_args {
    const char *tasks, *setting, *dir, *only, *limit_stories, *jobs, *keep, *persona, *seed,
        *restart_cmd, *token, *model, *on_train;
} evs_args_t;

/* `mnemo eval --server URL [FILES...]`: checks the values and runs evs_run. Returns a
 * CLI_EXIT_* code. */
int evs_main(cli_ctx_t *ctx, const char *const *files, int nfiles, const evs_args_t *a);

typedef struct evs_opts {
    const char *const *files;    /* explicit bAbI files, else tasks/setting/dir */
    int nfiles;
    const char *tasks, *setting, *dir;
    int babi, persona;           /* which parts run (--only) */
    long limit_stories;          /* held-out bAbI stories per file (0 = all) */
    long persona_n;              /* personal-fact stories */
    uint64_t seed;               /* persona_story_make's seed */
    const char *restart_cmd;     /* NULL: no restart */
    int jobs;                    /* parallel stories (connections) */
    int keep;                    /* keep the eval users instead of deleting them */
    const char *token;           /* bearer token (NULL: $MNEMO_TOKEN) */
    char run[48];                /* run id in user and conversation names */
} evs_opts_t;

/* Runs the parts o selects against ctx->server and prints their tables (or one JSON
 * object with --json). Returns a CLI_EXIT_* code. */
int evs_run(cli_ctx_t *ctx, const evs_opts_t *o);

/* ---- shared by the two parts ------------------------------------------------------ */

/* A worker's connection: ctx->http is its own (keep-alive) libcurl handle. */
typedef struct evs_worker {
    cli_ctx_t ctx;
    int id;
} evs_worker_t;

/* Calls fn(w, job, arg) for job 0..njobs-1 on o->jobs threads, stopping early after a
 * failure. Returns CLI_EXIT_OK or the first failure's code. */
typedef int (*evs_job_fn)(evs_worker_t *w, long job, void *arg);
int evs_parallel(cli_ctx_t *ctx, const evs_opts_t *o, long njobs, evs_job_fn fn, void *arg);

/* One chat turn. *reply gets the reply (malloc'd), *statement 1 when the server said
 * kind "statement". Returns a CLI_EXIT_* code (the server's error printed). */
int evs_chat(evs_worker_t *w, const char *user, const char *conv, const char *message,
             char **reply, int *statement);

/* DELETE /v1/users/{user}; CLI_EXIT_* code. */
int evs_delete_user(evs_worker_t *w, const char *user);

/* 1 when reply and expected are the same words once tokenized (lower-cased, split on
 * spaces and punctuation, so a bAbI answer "n,w" matches the reply "n w"). */
int evs_same_words(const char *reply, const char *expected);

/* The personal-fact part (cmd_evalpersona.c): plays, restarts, prints its table.
 * out (when not NULL) receives its results as JSON. */
int evs_persona(cli_ctx_t *ctx, const evs_opts_t *o, json_t **out);

#endif
