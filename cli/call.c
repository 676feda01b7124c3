/* call.c: the helpers every subcommand uses: one request with its error reply turned
 * into a message on stderr and an exit code, query building, number parsing for
 * options, and the human-readable printing of memories. */
#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints an error reply: "mnemo: 404 not_found: memory 17 does not exist". */
static void report_error(const cli_http_reply_t *r)
{
    json_t *j = json_loadb(r->body, r->len, 0, NULL);
    json_t *e = j ? json_object_get(j, "error") : NULL;
    const char *code = json_string_value(json_object_get(e, "code"));
    const char *msg = json_string_value(json_object_get(e, "message"));
    if (code)
        fprintf(stderr, "mnemo: %ld %s: %s\n", r->status, code, msg ? msg : "");
    else
        fprintf(stderr, "mnemo: HTTP %ld: %.200s\n", r->status, r->body);
    json_decref(j);
}

int cli_call(cli_ctx_t *ctx, const cli_http_request_t *req, json_t **out, char **raw)
{
    cli_http_reply_t r;
    char err[256];
    if (out)
        *out = NULL;
    if (raw)
        *raw = NULL;
    int rc = cli_http_send(ctx->http, req, &r, err, sizeof err);
    if (rc == CLI_HTTP_ECONNECT) {
        fprintf(stderr, "mnemo: %s\n", err);
        return CLI_EXIT_CONNECT;
    }
    if (rc != CLI_HTTP_OK) {
        fprintf(stderr, "mnemo: %s\n", err);
        return CLI_EXIT_SERVER;
    }
    if (r.status < 200 || r.status >= 300) {
        report_error(&r);
        cli_http_reply_clear(&r);
        return CLI_EXIT_SERVER;
    }
    if (out && !req->sink) {
        json_error_t je;
        *out = json_loadb(r.body, r.len, 0, &je);
        if (!*out) {
            fprintf(stderr, "mnemo: the server's reply is not JSON (%s)\n", je.text);
            cli_http_reply_clear(&r);
            return CLI_EXIT_SERVER;
        }
    }
    if (raw) {
        *raw = r.body;
        r.body = NULL;
    }
    cli_http_reply_clear(&r);
    return CLI_EXIT_OK;
}

int cli_call_json(cli_ctx_t *ctx, const char *method, const char *path, json_t *body,
                  json_t **out, char **raw)
{
    char *text = NULL;
    if (body) {
        text = json_dumps(body, JSON_COMPACT);
        if (!text) {
            fprintf(stderr, "mnemo: out of memory\n");
            return CLI_EXIT_SERVER;
        }
    }
    cli_http_request_t req = {
        .method = method,
        .path = path,
        .content_type = text ? "application/json" : NULL,
        .body = text,
        .body_len = text ? strlen(text) : 0,
    };
    int rc = cli_call(ctx, &req, out, raw);
    free(text);
    return rc;
}

int cli_query_add(cli_ctx_t *ctx, char **path, const char *key, const char *value)
{
    char *esc = cli_http_escape(ctx->http, value);
    if (!esc)
        return -1;
    size_t n = strlen(*path) + strlen(key) + strlen(esc) + 3;
    char *p = malloc(n);
    if (!p) {
        free(esc);
        return -1;
    }
    snprintf(p, n, "%s%c%s=%s", *path, strchr(*path, '?') ? '&' : '?', key, esc);
    free(esc);
    free(*path);
    *path = p;
    return 0;
}

int cli_parse_long(const char *opt, const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end) {
        fprintf(stderr, "mnemo: %s wants an integer, not '%s'\n", opt, s);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse_double(const char *opt, const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v)) {
        fprintf(stderr, "mnemo: %s wants a number, not '%s'\n", opt, s);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse_id(const char *s, long long *out)
{
    char *end;
    errno = 0;
    if (*s < '0' || *s > '9')
        return -1;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v <= 0)
        return -1;
    *out = v;
    return 0;
}

void cli_print_raw(const char *raw)
{
    size_t n = strlen(raw);
    fputs(raw, stdout);
    if (n == 0 || raw[n - 1] != '\n')
        putchar('\n');
}

void cli_print_line(const char *s)
{
    for (; s && *s; s++)
        putchar((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

static void print_field(const json_t *m, const char *key)
{
    const json_t *v = json_object_get(m, key);
    if (!v)
        return;
    printf("%-13s ", key);
    if (json_is_string(v))
        cli_print_line(json_string_value(v));
    else if (json_is_integer(v))
        printf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        printf("%g", json_real_value(v));
    else if (json_is_null(v))
        printf("-");
    else {
        char *d = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        cli_print_line(d);
        free(d);
    }
    putchar('\n');
}

void cli_print_memory(const json_t *m)
{
    static const char *const keys[] = {"id", "user", "conversation", "text", "importance",
                                       "created_at", "updated_at", "last_used_at",
                                       "use_count", "superseded_by"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        print_field(m, keys[i]);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "mnemo%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see 'mnemo help%s%s')\n", cmd ? " " : "", cmd ? cmd : "");
    return CLI_EXIT_USAGE;
}
