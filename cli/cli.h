/* cli.h: what the mnemo subcommands share: the exit codes, the option and command
 * tables main.c dispatches through, the context handed to each command, and the
 * helpers that turn a server reply into output and an exit code. */
#ifndef MNEMO_CLI_CLI_H
#define MNEMO_CLI_CLI_H

#include <stddef.h>
#include <jansson.h>
#include "cli/http.h"

enum cli_exit {
    CLI_EXIT_OK = 0,
    CLI_EXIT_SERVER = 1,    /* the server replied with an error */
    CLI_EXIT_USAGE = 2,
    CLI_EXIT_CONNECT = 3,   /* no reply from the server */
};

#define CLI_MAX_OPTS 24
#define CLI_MAX_ARGS 64

/* One option of a subcommand: "--name" (and "-s" when short is set). */
typedef struct cli_opt {
    const char *name;
    char short_name;        /* 0 = none */
    const char *arg;        /* placeholder for help ("N"), NULL = a flag */
    const char *help;
} cli_opt_t;

/* Parsed arguments: positionals in order, and each option's value by its index in the
 * command's table (a flag present reads as ""). Values point into argv. */
typedef struct cli_args {
    const char *pos[CLI_MAX_ARGS];
    int npos;
    const char *val[CLI_MAX_OPTS];
} cli_args_t;

typedef struct cli_ctx {
    cli_http_t *http;
    int json;               /* --json: print the server's JSON as it came */
    const char *server;
    int server_flag;        /* --server was on the command line (eval: play through it) */
} cli_ctx_t;

typedef struct cli_cmd {
    const char *name;
    const char *args;       /* positional synopsis: "TEXT...", "ID" */
    const char *summary;
    const cli_opt_t *opts;  /* terminated by a zero entry, may be NULL */
    int min_pos, max_pos;   /* max_pos < 0: any number */
    int (*run)(cli_ctx_t *ctx, const cli_args_t *a);
} cli_cmd_t;

/* The commands, each defined next to its run function. */
extern const cli_cmd_t cli_cmd_remember, cli_cmd_search, cli_cmd_list, cli_cmd_get,
    cli_cmd_edit, cli_cmd_forget, cli_cmd_export, cli_cmd_import, cli_cmd_forget_user;
extern const cli_cmd_t cli_cmd_train, cli_cmd_eval; /* cmd_train.c, cmd_eval.c */
extern const cli_cmd_t cli_cmd_chat;                 /* cmd_chat.c */
extern const cli_cmd_t cli_cmd_persona;              /* cmd_persona.c */
extern const cli_cmd_t cli_cmd_mcp;                  /* cmd_mcp.c */

/* Sends a request and checks the reply: returns CLI_EXIT_OK with *out set to the parsed
 * JSON body (owned by the caller; NULL when the body is not JSON or when out is NULL),
 * or prints the reason to stderr and returns CLI_EXIT_SERVER / CLI_EXIT_CONNECT.
 * When raw is not NULL the reply body is kept there (caller frees). */
int cli_call(cli_ctx_t *ctx, const cli_http_request_t *req, json_t **out, char **raw);

/* Sends body as JSON (NULL = no body). Same result as cli_call. */
int cli_call_json(cli_ctx_t *ctx, const char *method, const char *path, json_t *body,
                  json_t **out, char **raw);

/* Appends "&key=escaped(value)" (or "?key=..." as the first) to *path, which is
 * malloc'd and replaced. Returns 0, or -1 on allocation failure. */
int cli_query_add(cli_ctx_t *ctx, char **path, const char *key, const char *value);

/* Number parsing for options: 0 or -1 with a usage message printed. */
int cli_parse_long(const char *opt, const char *s, long *out);
int cli_parse_double(const char *opt, const char *s, double *out);
/* A memory id: a positive decimal integer. */
int cli_parse_id(const char *s, long long *out);

/* Prints raw JSON exactly once with a trailing newline. */
void cli_print_raw(const char *raw);
/* Prints s on one line: control characters become spaces. */
void cli_print_line(const char *s);
/* Human-readable memory object, one "key: value" per line. */
void cli_print_memory(const json_t *m);

/* Usage error: prints "mnemo CMD: msg" and a hint; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
