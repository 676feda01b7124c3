/* cmd_user.c: the subcommands on everything a user has: export (JSON lines to stdout,
 * streamed), import (from a file or stdin, all or nothing on the server; --new-ids for
 * fresh ids) and forget-user. */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "/v1/users/<escaped user><suffix>", malloc'd. */
static char *user_path(cli_ctx_t *ctx, const char *user, const char *suffix)
{
    char *esc = cli_http_escape(ctx->http, user);
    if (!esc)
        return NULL;
    size_t n = strlen("/v1/users/") + strlen(esc) + strlen(suffix) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "/v1/users/%s%s", esc, suffix);
    free(esc);
    return p;
}

static int run_export(cli_ctx_t *ctx, const cli_args_t *a)
{
    char *path = user_path(ctx, a->pos[0], "/export");
    if (!path) {
        fprintf(stderr, "mnemo: out of memory\n");
        return CLI_EXIT_SERVER;
    }
    cli_http_request_t req = {.method = "GET", .path = path, .sink = stdout};
    int rc = cli_call(ctx, &req, NULL, NULL);
    free(path);
    if (rc == CLI_EXIT_OK && fflush(stdout) != 0) {
        fprintf(stderr, "mnemo: cannot write the export: %s\n", strerror(errno));
        rc = CLI_EXIT_SERVER;
    }
    return rc;
}

const cli_cmd_t cli_cmd_export = {
    "export", "USER", "write all of USER's memories as JSON lines, oldest first", NULL, 1, 1,
    run_export,
};

/* Reads all of f into a malloc'd buffer. NULL on a read error or allocation failure. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *b = realloc(buf, cap * 2);
        if (!b) {
            free(buf);
            return NULL;
        }
        buf = b;
        cap *= 2;
    }
    if (!buf || ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

enum { IMP_NEW_IDS };
static const cli_opt_t import_opts[] = {
    [IMP_NEW_IDS] = {"new-ids", 0, NULL,
                     "give every memory a fresh id (ids=new); --json prints the old -> new map"},
    {0},
};

static int run_import(cli_ctx_t *ctx, const cli_args_t *a)
{
    const char *file = a->npos > 1 ? a->pos[1] : "-";
    int use_stdin = strcmp(file, "-") == 0;
    FILE *f = use_stdin ? stdin : fopen(file, "rb");
    if (!f)
        return cli_usage_error("import", "cannot open %s: %s", file, strerror(errno));
    size_t len = 0;
    char *body = slurp(f, &len);
    if (!use_stdin)
        fclose(f);
    if (!body) {
        fprintf(stderr, "mnemo: cannot read %s\n", use_stdin ? "stdin" : file);
        return CLI_EXIT_USAGE;
    }
    /* A JSON array goes as application/json, anything else as the export's lines. */
    size_t i = 0;
    while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
        i++;
    const char *ctype = i < len && body[i] == '[' ? "application/json" : "application/x-ndjson";

    int rc = CLI_EXIT_SERVER;
    char *raw = NULL;
    char *path = user_path(ctx, a->pos[0], a->val[IMP_NEW_IDS] ? "/import?ids=new" : "/import");
    json_t *out = NULL;
    if (!path) {
        fprintf(stderr, "mnemo: out of memory\n");
        goto done;
    }
    cli_http_request_t req = {
        .method = "POST", .path = path, .content_type = ctype, .body = body, .body_len = len,
    };
    rc = cli_call(ctx, &req, &out, &raw);
    if (rc == CLI_EXIT_OK) {
        if (ctx->json)
            cli_print_raw(raw);
        else
            printf("imported %" JSON_INTEGER_FORMAT " memories\n",
                   json_integer_value(json_object_get(out, "imported")));
    }
done:
    json_decref(out);
    free(raw);
    free(path);
    free(body);
    return rc;
}

const cli_cmd_t cli_cmd_import = {
    "import", "USER [FILE|-]",
    "add memories to USER from an export (JSON lines) or a JSON array; all or nothing",
    import_opts, 1, 2, run_import,
};

static int run_forget_user(cli_ctx_t *ctx, const cli_args_t *a)
{
    char *path = user_path(ctx, a->pos[0], ""), *raw = NULL;
    json_t *out = NULL;
    if (!path) {
        fprintf(stderr, "mnemo: out of memory\n");
        return CLI_EXIT_SERVER;
    }
    int rc = cli_call_json(ctx, "DELETE", path, NULL, &out, &raw);
    if (rc == CLI_EXIT_OK) {
        if (ctx->json)
            cli_print_raw(raw);
        else
            printf("forgot user %s: %" JSON_INTEGER_FORMAT " memories deleted\n", a->pos[0],
                   json_integer_value(json_object_get(out, "deleted_memories")));
    }
    json_decref(out);
    free(raw);
    free(path);
    return rc;
}

const cli_cmd_t cli_cmd_forget_user = {
    "forget-user", "USER", "delete everything mnemo knows about USER", NULL, 1, 1,
    run_forget_user,
};
