/* cmd_memory.c: the subcommands on single memories and searches: remember, search,
 * list, get, edit, forget. Each builds one request of docs/API.md, and prints either
 * the server's JSON (--json) or a few readable lines. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Joins positionals with single spaces ("mnemo remember My dog is Rex"). */
static char *join_args(const cli_args_t *a)
{
    size_t n = 1;
    for (int i = 0; i < a->npos; i++)
        n += strlen(a->pos[i]) + 1;
    char *s = malloc(n);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (int i = 0; i < a->npos; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, a->pos[i]);
    }
    return s;
}

/* "/v1/memories/ID" plus an optional suffix; id already validated. */
static void memory_path(char *buf, size_t len, long long id, const char *suffix)
{
    snprintf(buf, len, "/v1/memories/%lld%s", id, suffix ? suffix : "");
}

static int bad_id(const char *cmd, const char *s)
{
    return cli_usage_error(cmd, "'%s' is not a memory id (a positive integer)", s);
}

/* ---- remember ---------------------------------------------------------------- */

enum { REM_USER, REM_CONV, REM_IMPORTANCE };
static const cli_opt_t remember_opts[] = {
    [REM_USER] = {"user", 'u', "U", "the user it belongs to (default: the token's user)"},
    [REM_CONV] = {"conversation", 'c', "C", "the conversation it came from"},
    [REM_IMPORTANCE] = {"importance", 0, "X", "0..1 (default 0.5)"},
    {0},
};

static int run_remember(cli_ctx_t *ctx, const cli_args_t *a)
{
    int rc = CLI_EXIT_SERVER;
    json_t *body = json_object(), *out = NULL;
    char *text = join_args(a), *raw = NULL;
    if (!body || !text)
        goto done;
    if (a->val[REM_IMPORTANCE]) {
        double imp;
        if (cli_parse_double("--importance", a->val[REM_IMPORTANCE], &imp) < 0) {
            rc = CLI_EXIT_USAGE;
            goto done;
        }
        json_object_set_new(body, "importance", json_real(imp));
    }
    json_object_set_new(body, "text", json_string(text));
    if (a->val[REM_USER])
        json_object_set_new(body, "user", json_string(a->val[REM_USER]));
    if (a->val[REM_CONV])
        json_object_set_new(body, "conversation", json_string(a->val[REM_CONV]));
    if (!json_object_get(body, "text")) {
        rc = cli_usage_error("remember", "the text is not valid UTF-8");
        goto done;
    }
    rc = cli_call_json(ctx, "POST", "/v1/memories", body, &out, &raw);
    if (rc == CLI_EXIT_OK) {
        if (ctx->json)
            cli_print_raw(raw);
        else
            printf("remembered %" JSON_INTEGER_FORMAT "\n",
                   json_integer_value(json_object_get(out, "id")));
    }
done:
    json_decref(body);
    json_decref(out);
    free(text);
    free(raw);
    return rc;
}

const cli_cmd_t cli_cmd_remember = {
    "remember", "TEXT...", "store a memory", remember_opts, 1, -1, run_remember,
};

/* ---- search and list share their filters -------------------------------------- */

/* Adds the options present in a to *path, in the order of keys[] (NULL = skip). */
static int add_query(cli_ctx_t *ctx, char **path, const cli_args_t *a, const char *const *keys,
                     int nkeys)
{
    for (int i = 0; i < nkeys; i++)
        if (keys[i] && a->val[i] && cli_query_add(ctx, path, keys[i], a->val[i]) < 0)
            return -1;
    return 0;
}

enum { SE_USER, SE_K, SE_SINCE, SE_UNTIL, SE_CONV };
static const cli_opt_t search_opts[] = {
    [SE_USER] = {"user", 'u', "U", "whose memories (default: the token's user)"},
    [SE_K] = {"k", 'k', "N", "how many results (default 10)"},
    [SE_SINCE] = {"since", 0, "T", "created at or after T (2026-11-28T20:00:00Z)"},
    [SE_UNTIL] = {"until", 0, "T", "created before T"},
    [SE_CONV] = {"conversation", 'c', "C", "only memories from conversation C"},
    {0},
};

static int run_search(cli_ctx_t *ctx, const cli_args_t *a)
{
    static const char *const keys[] = {"user", "k", "since", "until", "conversation"};
    int rc = CLI_EXIT_SERVER;
    json_t *out = NULL;
    char *q = join_args(a), *raw = NULL, *path = strdup("/v1/memories");
    long k;
    if (a->val[SE_K] && cli_parse_long("-k", a->val[SE_K], &k) < 0) {
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    if (!q || !path || cli_query_add(ctx, &path, "q", q) < 0 ||
        add_query(ctx, &path, a, keys, 5) < 0) {
        fprintf(stderr, "mnemo: out of memory\n");
        goto done;
    }
    rc = cli_call_json(ctx, "GET", path, NULL, &out, &raw);
    if (rc != CLI_EXIT_OK)
        goto done;
    if (ctx->json) {
        cli_print_raw(raw);
        goto done;
    }
    size_t i;
    json_t *hit;
    json_array_foreach(json_object_get(out, "results"), i, hit) {
        printf("%.3f  %" JSON_INTEGER_FORMAT "  ", json_number_value(json_object_get(hit, "score")),
               json_integer_value(json_object_get(hit, "id")));
        cli_print_line(json_string_value(json_object_get(hit, "text")));
        putchar('\n');
    }
done:
    json_decref(out);
    free(q);
    free(raw);
    free(path);
    return rc;
}

const cli_cmd_t cli_cmd_search = {
    "search", "QUERY...", "find the memories closest to a query, best first", search_opts, 1,
    -1, run_search,
};

enum { LI_USER, LI_LIMIT, LI_CURSOR, LI_SINCE, LI_UNTIL, LI_CONV, LI_ALL };
static const cli_opt_t list_opts[] = {
    [LI_USER] = {"user", 'u', "U", "whose memories (default: the token's user)"},
    [LI_LIMIT] = {"limit", 'n', "N", "memories per page (default 50)"},
    [LI_CURSOR] = {"cursor", 0, "C", "start at this page (printed after the previous one)"},
    [LI_SINCE] = {"since", 0, "T", "created at or after T"},
    [LI_UNTIL] = {"until", 0, "T", "created before T"},
    [LI_CONV] = {"conversation", 'c', "C", "only memories from conversation C"},
    [LI_ALL] = {"all", 'a', NULL, "follow the cursor through every page"},
    {0},
};

static void print_listed(const json_t *m)
{
    const char *created = json_string_value(json_object_get(m, "created_at"));
    printf("%" JSON_INTEGER_FORMAT "  %s  ", json_integer_value(json_object_get(m, "id")),
           created ? created : "-");
    cli_print_line(json_string_value(json_object_get(m, "text")));
    putchar('\n');
}

static int run_list(cli_ctx_t *ctx, const cli_args_t *a)
{
    static const char *const keys[] = {"user", "limit", NULL, "since", "until",
                                       "conversation", NULL};
    int rc = CLI_EXIT_SERVER;
    char *base = strdup("/v1/memories"), *cursor = NULL;
    json_t *all = json_array();
    long limit;
    if (a->val[LI_LIMIT] && cli_parse_long("--limit", a->val[LI_LIMIT], &limit) < 0) {
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    if (a->val[LI_CURSOR] && !(cursor = strdup(a->val[LI_CURSOR])))
        goto oom;
    if (!base || !all || add_query(ctx, &base, a, keys, 7) < 0)
        goto oom;
    for (;;) {
        char *path = strdup(base), *raw = NULL;
        json_t *out = NULL;
        if (!path || (cursor && cli_query_add(ctx, &path, "cursor", cursor) < 0)) {
            free(path);
            goto oom;
        }
        rc = cli_call_json(ctx, "GET", path, NULL, &out, &raw);
        free(path);
        if (rc != CLI_EXIT_OK)
            goto done;
        const char *next = json_string_value(json_object_get(out, "next_cursor"));
        free(cursor);
        cursor = next ? strdup(next) : NULL;
        int lost = next && !cursor;
        if (ctx->json && !a->val[LI_ALL]) {
            cli_print_raw(raw);
        } else {
            size_t i;
            json_t *m;
            json_array_foreach(json_object_get(out, "memories"), i, m) {
                if (ctx->json)
                    json_array_append(all, m);
                else
                    print_listed(m);
            }
        }
        json_decref(out);
        free(raw);
        if (lost)
            goto oom;
        if (!a->val[LI_ALL] || !cursor)
            break;
    }
    if (ctx->json && a->val[LI_ALL]) {
        json_t *o = json_pack("{s:O,s:n}", "memories", all, "next_cursor");
        char *d = o ? json_dumps(o, JSON_COMPACT) : NULL;
        if (d)
            cli_print_raw(d);
        free(d);
        json_decref(o);
    } else if (!ctx->json && cursor) {
        fprintf(stderr, "more: repeat with --cursor %s (or list --all)\n", cursor);
    }
    rc = CLI_EXIT_OK;
    goto done;
oom:
    fprintf(stderr, "mnemo: out of memory\n");
    rc = CLI_EXIT_SERVER;
done:
    json_decref(all);
    free(base);
    free(cursor);
    return rc;
}

const cli_cmd_t cli_cmd_list = {
    "list", "", "list memories, newest first, a page at a time", list_opts, 0, 0, run_list,
};

/* ---- get, edit, forget ---------------------------------------------------------- */

/* Prints a reply holding one memory object. */
static void print_memory_reply(cli_ctx_t *ctx, const json_t *out, const char *raw)
{
    if (ctx->json)
        cli_print_raw(raw);
    else
        cli_print_memory(out);
}

static int run_get(cli_ctx_t *ctx, const cli_args_t *a)
{
    long long id;
    char path[64], *raw = NULL;
    json_t *out = NULL;
    if (cli_parse_id(a->pos[0], &id) < 0)
        return bad_id("get", a->pos[0]);
    memory_path(path, sizeof path, id, NULL);
    int rc = cli_call_json(ctx, "GET", path, NULL, &out, &raw);
    if (rc == CLI_EXIT_OK)
        print_memory_reply(ctx, out, raw);
    json_decref(out);
    free(raw);
    return rc;
}

const cli_cmd_t cli_cmd_get = {"get", "ID", "show one memory", NULL, 1, 1, run_get};

enum { ED_TEXT, ED_IMPORTANCE };
static const cli_opt_t edit_opts[] = {
    [ED_TEXT] = {"text", 't', "T", "the new text (the old one goes to the history)"},
    [ED_IMPORTANCE] = {"importance", 0, "X", "the new importance, 0..1"},
    {0},
};

static int run_edit(cli_ctx_t *ctx, const cli_args_t *a)
{
    long long id;
    char path[64], *raw = NULL;
    json_t *out = NULL, *body = NULL;
    int rc;
    if (cli_parse_id(a->pos[0], &id) < 0)
        return bad_id("edit", a->pos[0]);
    if (!a->val[ED_TEXT] && !a->val[ED_IMPORTANCE])
        return cli_usage_error("edit", "give --text, --importance or both");
    body = json_object();
    if (!body)
        return CLI_EXIT_SERVER;
    if (a->val[ED_TEXT]) {
        json_t *t = json_string(a->val[ED_TEXT]);
        if (!t) {
            json_decref(body);
            return cli_usage_error("edit", "the text is not valid UTF-8");
        }
        json_object_set_new(body, "text", t);
    }
    if (a->val[ED_IMPORTANCE]) {
        double imp;
        if (cli_parse_double("--importance", a->val[ED_IMPORTANCE], &imp) < 0) {
            json_decref(body);
            return CLI_EXIT_USAGE;
        }
        json_object_set_new(body, "importance", json_real(imp));
    }
    memory_path(path, sizeof path, id, NULL);
    rc = cli_call_json(ctx, "PATCH", path, body, &out, &raw);
    if (rc == CLI_EXIT_OK)
        print_memory_reply(ctx, out, raw);
    json_decref(body);
    json_decref(out);
    free(raw);
    return rc;
}

const cli_cmd_t cli_cmd_edit = {
    "edit", "ID", "change a memory's text or importance", edit_opts, 1, 1, run_edit,
};

static int run_forget(cli_ctx_t *ctx, const cli_args_t *a)
{
    long long id;
    char path[64], *raw = NULL;
    if (cli_parse_id(a->pos[0], &id) < 0)
        return bad_id("forget", a->pos[0]);
    memory_path(path, sizeof path, id, NULL);
    int rc = cli_call_json(ctx, "DELETE", path, NULL, NULL, &raw);
    if (rc == CLI_EXIT_OK) {
        if (ctx->json)
            cli_print_raw(raw);
        else
            printf("forgot %lld\n", id);
    }
    free(raw);
    return rc;
}

const cli_cmd_t cli_cmd_forget = {"forget", "ID", "delete one memory", NULL, 1, 1, run_forget};
