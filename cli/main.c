/* main.c: the mnemo command line. Global options (--server, --json, --help) may stand
 * anywhere; the first other word names a subcommand from the table below, whose own
 * options are parsed from its table of cli_opt_t. Later issues add chat, train, eval
 * and bench as rows of the same table. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>

#define DEFAULT_SERVER "http://127.0.0.1:8420"

extern const cli_cmd_t cli_cmd_reader; /* cmd_reader.c */
extern const cli_cmd_t cli_cmd_gate;   /* cmd_gate.c */
extern const cli_cmd_t cli_cmd_dialogue; /* cmd_dialogue.c */
extern const cli_cmd_t cli_cmd_kinds; /* cmd_kinds.c */
extern const cli_cmd_t cli_cmd_senc; /* cmd_senc.c */

static const cli_cmd_t *const commands[] = {
    &cli_cmd_remember, &cli_cmd_search, &cli_cmd_list,   &cli_cmd_get,
    &cli_cmd_edit,     &cli_cmd_forget, &cli_cmd_export, &cli_cmd_import,
    &cli_cmd_forget_user, &cli_cmd_train, &cli_cmd_eval, &cli_cmd_chat,
    &cli_cmd_persona, &cli_cmd_reader, &cli_cmd_gate, &cli_cmd_dialogue, &cli_cmd_kinds, &cli_cmd_senc, &cli_cmd_mcp,
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const cli_cmd_t *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static void print_usage(FILE *f)
{
    fprintf(f, "usage: mnemo [--server URL] [--json] COMMAND [ARGS]\n\n"
               "Talks to a mnemod over its HTTP API (docs/API.md).\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(f, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(f, "  %-12s %s\n", "help", "help CMD: the options of one command");
    fprintf(f, "\nglobal options:\n"
               "  --server URL  the daemon (default $MNEMO_SERVER, else " DEFAULT_SERVER ")\n"
               "  --json        print the server's JSON replies as they come\n"
               "  -h, --help    this text\n"
               "\nThe bearer token comes from $MNEMO_TOKEN.\n"
               "Exit status: 0 ok, 1 the server refused (code and message on stderr),\n"
               "2 usage error, 3 cannot reach the server.\n");
}

static void print_command_help(FILE *f, const cli_cmd_t *c)
{
    fprintf(f, "usage: mnemo %s %s%s\n\n%s\n", c->name, c->args, c->opts ? " [OPTIONS]" : "",
            c->summary);
    if (!c->opts)
        return;
    fprintf(f, "\noptions:\n");
    for (const cli_opt_t *o = c->opts; o->name; o++) {
        char left[48];
        if (o->short_name && strlen(o->name) == 1)
            snprintf(left, sizeof left, "-%c%s%s", o->short_name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        else if (o->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        fprintf(f, "  %-24s %s\n", left, o->help);
    }
}

/* Does s look like an option rather than a value ("-", "-0.5" and "-3" are values)? */
static int is_option(const char *s)
{
    return s[0] == '-' && s[1] != '\0' && !(s[1] >= '0' && s[1] <= '9') && s[1] != '.';
}

/* Parses argv (the command's words after its name) against c's option table. Returns
 * 0, or CLI_EXIT_USAGE with the reason printed. */
static int parse_args(const cli_cmd_t *c, int argc, char **argv, cli_args_t *a)
{
    memset(a, 0, sizeof *a);
    int only_pos = 0;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (only_pos || !is_option(s)) {
            if (a->npos == CLI_MAX_ARGS)
                return cli_usage_error(c->name, "too many arguments");
            a->pos[a->npos++] = s;
            continue;
        }
        if (strcmp(s, "--") == 0) {
            only_pos = 1;
            continue;
        }
        const cli_opt_t *o = NULL;
        const char *inline_val = NULL;
        for (int j = 0; c->opts && c->opts[j].name; j++) {
            const cli_opt_t *cand = &c->opts[j];
            size_t n = strlen(cand->name);
            if (s[1] == '-' && strncmp(s + 2, cand->name, n) == 0 &&
                (s[2 + n] == '\0' || (s[2 + n] == '=' && cand->arg))) {
                o = cand;
                inline_val = s[2 + n] == '=' ? s + 3 + n : NULL;
            } else if (s[1] != '-' && cand->short_name && s[1] == cand->short_name &&
                       (s[2] == '\0' || cand->arg)) {
                o = cand;
                inline_val = s[2] ? s + 2 : NULL;
            }
            if (o)
                break;
        }
        if (!o)
            return cli_usage_error(c->name, "unknown option %s", s);
        int idx = (int)(o - c->opts);
        if (!o->arg) {
            a->val[idx] = "";
        } else if (inline_val) {
            a->val[idx] = inline_val;
        } else if (i + 1 < argc) {
            a->val[idx] = argv[++i];
        } else {
            return cli_usage_error(c->name, "%s needs a value (%s)", s, o->arg);
        }
    }
    if (a->npos < c->min_pos)
        return cli_usage_error(c->name, "missing %s", c->args);
    if (c->max_pos >= 0 && a->npos > c->max_pos)
        return cli_usage_error(c->name, "too many arguments (expected %s)",
                               *c->args ? c->args : "none");
    return 0;
}

int main(int argc, char **argv)
{
    const char *server = getenv("MNEMO_SERVER");
    int json = 0, help = 0, only_pos = 0, rest = 0, server_flag = 0;
    char **words = calloc((size_t)argc + 1, sizeof *words);
    if (!words)
        return CLI_EXIT_SERVER;

    /* Pass 1: take the global options out, wherever they are (not after "--"). */
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!only_pos && strcmp(s, "--json") == 0) {
            json = 1;
        } else if (!only_pos && (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0)) {
            help = 1;
        } else if (!only_pos && strcmp(s, "--server") == 0) {
            if (i + 1 >= argc) {
                free(words);
                return cli_usage_error(NULL, "--server needs a URL");
            }
            server = argv[++i];
            server_flag = 1;
        } else if (!only_pos && strncmp(s, "--server=", 9) == 0) {
            server = s + 9;
            server_flag = 1;
        } else {
            if (strcmp(s, "--") == 0)
                only_pos = 1;
            words[rest++] = argv[i];
        }
    }

    int rc;
    const cli_cmd_t *cmd = rest > 0 ? find_command(words[0]) : NULL;
    if (rest == 0) {
        print_usage(help ? stdout : stderr);
        rc = help ? CLI_EXIT_OK : CLI_EXIT_USAGE;
    } else if (strcmp(words[0], "help") == 0) {
        const cli_cmd_t *c = rest > 1 ? find_command(words[1]) : NULL;
        if (rest > 1 && !c) {
            rc = cli_usage_error(NULL, "no command '%s'", words[1]);
        } else {
            if (c)
                print_command_help(stdout, c);
            else
                print_usage(stdout);
            rc = CLI_EXIT_OK;
        }
    } else if (!cmd) {
        rc = cli_usage_error(NULL, "no command '%s'", words[0]);
    } else if (help) {
        print_command_help(stdout, cmd);
        rc = CLI_EXIT_OK;
    } else {
        cli_args_t args;
        rc = parse_args(cmd, rest - 1, words + 1, &args);
        if (rc == 0) {
            if (!server || !*server)
                server = DEFAULT_SERVER;
            curl_global_init(CURL_GLOBAL_DEFAULT);
            cli_ctx_t ctx = {
                .http = cli_http_new(server, getenv("MNEMO_TOKEN")),
                .json = json,
                .server = server,
                .server_flag = server_flag,
            };
            if (!ctx.http) {
                fprintf(stderr, "mnemo: cannot set up the HTTP client\n");
                rc = CLI_EXIT_SERVER;
            } else {
                rc = cmd->run(&ctx, &args);
            }
            cli_http_free(ctx.http);
            curl_global_cleanup();
        }
    }
    free(words);
    return rc;
}
