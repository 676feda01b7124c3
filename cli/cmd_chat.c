/* cmd_chat.c: `mnemo chat`: an interactive client of POST /v1/chat. Each line read from
 * stdin is one message; the reply is printed as "mnemo> <reply>". On request it also
 * shows what the agent looked at: the attention over the working-memory turns (with
 * their text when this session saw them) and the long-term memories it retrieved. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { CH_USER, CH_CONV, CH_TOKEN, CH_SHOW };
static const cli_opt_t chat_opts[] = {
    [CH_USER] = {"user", 'u', "U", "who is talking (default: the token's user)"},
    [CH_CONV] = {"conversation", 'c', "C", "the conversation (default: a new cli-<time>-<pid>)"},
    [CH_TOKEN] = {"token", 0, "T", "bearer token (default $MNEMO_TOKEN)"},
    [CH_SHOW] = {"show", 0, "LIST", "after each reply show attention,memories (or all)"},
    {0},
};

enum { SHOW_ATTENTION = 1, SHOW_MEMORIES = 2 };

/* The turns this session has seen: id -> text, so attention can name them. */
typedef struct seen {
    long long *id;
    char **text;
    size_t n, cap;
} seen_t;

static void seen_add(seen_t *s, long long id, const char *text)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        long long *ids = realloc(s->id, cap * sizeof *ids);
        if (ids)
            s->id = ids;
        char **texts = realloc(s->text, cap * sizeof *texts);
        if (texts)
            s->text = texts;
        if (!ids || !texts)
            return; /* only the display loses the text */
        s->cap = cap;
    }
    char *copy = strdup(text ? text : "");
    if (!copy)
        return;
    s->id[s->n] = id;
    s->text[s->n++] = copy;
}

static const char *seen_find(const seen_t *s, long long id)
{
    for (size_t i = s->n; i-- > 0;)
        if (s->id[i] == id)
            return s->text[i];
    return NULL;
}

static void seen_free(seen_t *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->text[i]);
    free(s->id);
    free(s->text);
}

/* "attention,memories" / "all" / "none" -> SHOW_* bits; -1 when a word is unknown. */
static int parse_show(const char *s)
{
    int bits = 0;
    while (*s) {
        size_t n = strcspn(s, ",");
        if (n == 9 && strncmp(s, "attention", n) == 0)
            bits |= SHOW_ATTENTION;
        else if (n == 8 && strncmp(s, "memories", n) == 0)
            bits |= SHOW_MEMORIES;
        else if (n == 3 && strncmp(s, "all", n) == 0)
            bits |= SHOW_ATTENTION | SHOW_MEMORIES;
        else if (!(n == 4 && strncmp(s, "none", n) == 0) && n > 0)
            return -1;
        s += n + (s[n] == ',');
    }
    return bits;
}

static void print_ids(const char *label, const json_t *arr)
{
    if (json_array_size(arr) == 0)
        return;
    printf("  %s:", label);
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
        printf(" %" JSON_INTEGER_FORMAT, json_integer_value(v));
    putchar('\n');
}

/* Attention over the working memory, one line per turn: id, weight, text if seen. */
static void print_attention(const json_t *turn, const seen_t *seen)
{
    const json_t *att = json_object_get(turn, "attention");
    printf("  attention over %zu working-memory turns:\n", json_array_size(att));
    size_t i;
    json_t *a;
    json_array_foreach(att, i, a) {
        long long id = (long long)json_integer_value(json_object_get(a, "turn"));
        const char *text = seen_find(seen, id);
        printf("    turn %-6lld %.3f  ", id, json_number_value(json_object_get(a, "weight")));
        cli_print_line(text ? text : "-");
        putchar('\n');
    }
}

static void print_memories(const json_t *turn)
{
    const json_t *mem = json_object_get(turn, "memories");
    printf("  memories used: %zu\n", json_array_size(mem));
    size_t i;
    json_t *m;
    json_array_foreach(mem, i, m) {
        printf("    #%-6" JSON_INTEGER_FORMAT " score %.3f weight %.3f  ",
               json_integer_value(json_object_get(m, "id")),
               json_number_value(json_object_get(m, "score")),
               json_number_value(json_object_get(m, "weight")));
        cli_print_line(json_string_value(json_object_get(m, "text")));
        putchar('\n');
    }
    print_ids("written", json_object_get(turn, "written"));
    print_ids("superseded", json_object_get(turn, "superseded"));
}

/* One turn: posts message, prints the reply (or the raw JSON) and remembers the texts.
 * *last takes the reply object (the previous one is released). Returns a CLI_EXIT_*. */
static int chat_turn(cli_ctx_t *ctx, const char *user, const char *conv, const char *message,
                     int show, seen_t *seen, json_t **last)
{
    json_t *body = json_pack("{s:s,s:s}", "conversation", conv, "message", message);
    if (!body) {
        fprintf(stderr, "mnemo: the message is not valid UTF-8\n");
        return CLI_EXIT_USAGE;
    }
    if (user)
        json_object_set_new(body, "user", json_string(user));
    json_t *out = NULL;
    char *raw = NULL;
    int rc = cli_call_json(ctx, "POST", "/v1/chat", body, &out, &raw);
    json_decref(body);
    if (rc != CLI_EXIT_OK)
        return rc;
    const char *reply = json_string_value(json_object_get(out, "reply"));
    if (ctx->json) {
        cli_print_raw(raw);
    } else {
        printf("mnemo> ");
        cli_print_line(reply ? reply : "");
        putchar('\n');
        /* attention names the turns before this one: shown before this one is added */
        if (show & SHOW_ATTENTION)
            print_attention(out, seen);
        if (show & SHOW_MEMORIES)
            print_memories(out);
    }
    fflush(stdout);
    json_t *turn = json_object_get(out, "turn");
    if (json_is_integer(turn)) {
        seen_add(seen, (long long)json_integer_value(turn), message);
        seen_add(seen, (long long)json_integer_value(turn) + 1, reply);
    }
    free(raw);
    json_decref(*last);
    *last = out;
    return CLI_EXIT_OK;
}

/* Handles a ":command" line. Returns 1 to quit, else 0. */
static int chat_command(const char *line, int *show, const json_t *last, const seen_t *seen)
{
    if (strcmp(line, ":quit") == 0 || strcmp(line, ":q") == 0 || strcmp(line, ":exit") == 0)
        return 1;
    if (strcmp(line, ":attention") == 0 || strcmp(line, ":memories") == 0) {
        if (!last)
            printf("  (no reply yet)\n");
        else if (line[1] == 'a')
            print_attention(last, seen);
        else
            print_memories(last);
    } else if (strcmp(line, ":show on") == 0 || strcmp(line, ":show") == 0) {
        *show = SHOW_ATTENTION | SHOW_MEMORIES;
    } else if (strcmp(line, ":show off") == 0) {
        *show = 0;
    } else if (strncmp(line, ":show ", 6) == 0 && parse_show(line + 6) >= 0) {
        *show = parse_show(line + 6);
    } else {
        printf("  commands: :attention, :memories (of the last reply), :show on|off|LIST, "
               ":quit\n");
    }
    fflush(stdout);
    return 0;
}

static int run_chat(cli_ctx_t *ctx, const cli_args_t *a)
{
    int show = 0, interactive = isatty(0);
    if (a->val[CH_SHOW] && (show = parse_show(a->val[CH_SHOW])) < 0)
        return cli_usage_error("chat", "--show takes attention, memories, all or none, "
                                       "separated by commas, not '%s'", a->val[CH_SHOW]);
    char conv[128];
    if (a->val[CH_CONV])
        snprintf(conv, sizeof conv, "%s", a->val[CH_CONV]);
    else
        snprintf(conv, sizeof conv, "cli-%lld-%ld", (long long)time(NULL), (long)getpid());
    if (a->val[CH_CONV] && strlen(a->val[CH_CONV]) >= sizeof conv)
        return cli_usage_error("chat", "--conversation is at most 127 bytes");
    cli_ctx_t own = *ctx;
    if (a->val[CH_TOKEN]) {
        own.http = cli_http_new(ctx->server, a->val[CH_TOKEN]);
        if (!own.http) {
            fprintf(stderr, "mnemo: out of memory\n");
            return CLI_EXIT_SERVER;
        }
    }
    if (interactive && !ctx->json)
        fprintf(stderr, "conversation %s (:quit to leave, :show on for attention and "
                        "memories)\n", conv);

    int rc = CLI_EXIT_OK;
    seen_t seen = {0};
    json_t *last = NULL;
    char *line = NULL;
    size_t cap = 0;
    for (;;) {
        if (interactive) {
            fputs("you> ", stdout);
            fflush(stdout);
        }
        ssize_t n = getline(&line, &cap, stdin);
        if (n < 0)
            break;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        const char *msg = line;
        while (*msg == ' ' || *msg == '\t')
            msg++;
        if (!*msg)
            continue;
        if (msg[0] == ':' && !ctx->json) {
            if (chat_command(msg, &show, last, &seen))
                break;
            continue;
        }
        if (msg[0] == ':' && strcmp(msg, ":quit") == 0)
            break;
        int r = chat_turn(&own, a->val[CH_USER], conv, msg, show, &seen, &last);
        if (r != CLI_EXIT_OK) {
            if (rc == CLI_EXIT_OK)
                rc = r;
            /* piped input stops at the first failure; a person may fix the next line */
            if (!interactive || r == CLI_EXIT_CONNECT)
                break;
        }
    }
    if (interactive)
        putchar('\n');
    free(line);
    json_decref(last);
    seen_free(&seen);
    if (own.http != ctx->http)
        cli_http_free(own.http);
    return rc;
}

const cli_cmd_t cli_cmd_chat = {
    "chat", "", "talk to mnemo: one message per line of stdin (POST /v1/chat)", chat_opts, 0,
    0, run_chat,
};
