/* config.c: mnemod's configuration as one declarative table: every key with its type,
 * bounds, default, whether SIGHUP applies it, and help. The numbers the layers below
 * use are theirs (API_DEFAULT_* in api/api.h, AGENT_DEFAULT_* in agent/agent.h); the
 * table only spells them as text. Defaults, the config file and the command-line flags
 * all go through config_set, so a value is checked the same way wherever it comes from
 * and a bad one is reported with the key (and the file and line) that carried it. */
#include "daemon/config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "agent/agent.h"
#include "api/api.h"

enum config_type {
    CT_STRING,      /* char *, non-empty */
    CT_LISTEN,      /* char *, HOST:PORT */
    CT_SECRET,      /* char *, non-empty, no whitespace */
    CT_UINT,        /* unsigned, min..max */
    CT_INT,         /* int, min..max */
    CT_SIZE,        /* size_t bytes, min..max, optional K/M/G suffix (binary) */
    CT_TOKEN,       /* user:secret, appended to tokens (repeatable) */
    CT_CHOICE,      /* int, the index of the value in choices */
    CT_REAL,        /* double, min..max (whole numbers as bounds), finite */
};

static const char *const log_levels[] = {"error", "warn", "info", "debug", NULL};
static const char *const log_formats[] = {"auto", "text", "journal", NULL};

/* live: SIGHUP applies a new value to requests that begin after it; the others are
 * read at start only (a change is logged as needing a restart, and
 * config_keep_start_only keeps the running value). */
typedef struct config_key {
    const char *name;
    enum config_type type;
    size_t offset;              /* of the field in mnemod_config_t */
    long long min, max;         /* for numbers */
    const char *def;            /* NULL: unset by default */
    int live;
    const char *const *choices; /* CT_CHOICE */
    const char *help;
} config_key_t;

/* The model installed beside the binaries (meson passes the real path). */
#ifndef MNEMO_DEFAULT_MODEL
#define MNEMO_DEFAULT_MODEL "/usr/local/share/mnemo/default.mnemo"
#endif

/* The sentence encoder installed beside the binaries (meson passes the real path). */
#ifndef MNEMO_DEFAULT_ENCODER
#define MNEMO_DEFAULT_ENCODER "/usr/local/share/mnemo/senc.mnemo"
#endif

/* A default owned by another layer's header, as the text config_set reads: the macro
 * must be a plain literal (a whole number or a decimal), which the table's tests check
 * by loading every default. */
#define STR_(x) #x
#define STR(x) STR_(x)

#define F(field) offsetof(mnemod_config_t, field)
#define L(field) (offsetof(mnemod_config_t, limits) + offsetof(api_limits_t, field))

static const config_key_t keys[] = {
    {"listen", CT_LISTEN, F(listen), 0, 0, "127.0.0.1:8420", 0, NULL,
     "address and port to serve on (port 0: any free port)"},
    {"db", CT_STRING, F(db), 0, 0, "./var/mnemo.db", 0, NULL, "SQLite database file"},
    {"threads", CT_UINT, F(threads), 1, 256, STR(API_DEFAULT_THREADS), 0, NULL,
     "handler threads, and as many HTTP workers"},
    {"token", CT_TOKEN, 0, 0, 0, NULL, 1, NULL,
     "USER:SECRET, a bearer token bound to USER (repeatable)"},
    {"admin_token", CT_SECRET, F(admin_token), 0, 0, NULL, 1, NULL,
     "a bearer token that acts for any user"},
    {"max_body_bytes", CT_SIZE, L(max_body), 1024, 1LL << 30, STR(API_DEFAULT_MAX_BODY), 1,
     NULL, "largest request body"},
    {"max_import_bytes", CT_SIZE, L(max_import_body), 1024, 4LL << 30,
     STR(API_DEFAULT_MAX_IMPORT_BODY), 1, NULL, "largest import body"},
    {"max_import_items", CT_INT, L(max_import_items), 1, 10000000,
     STR(API_DEFAULT_MAX_IMPORT_ITEMS), 1, NULL, "most memories in one import"},
    {"max_text_bytes", CT_SIZE, L(max_text), 16, 1 << 20, STR(API_DEFAULT_MAX_TEXT), 1, NULL,
     "largest memory text"},
    {"max_k", CT_INT, L(max_k), 1, AGENT_MAX_K, STR(API_DEFAULT_MAX_K), 1, NULL,
     "largest k of a search"},
    {"max_page", CT_INT, L(max_page), 1, 10000, STR(API_DEFAULT_MAX_PAGE), 1, NULL,
     "largest page of a listing"},
    {"max_batch", CT_INT, L(max_batch), 1, 100000, STR(API_DEFAULT_MAX_BATCH), 1, NULL,
     "most memories in one POST"},
    {"max_message_bytes", CT_SIZE, L(max_message), 16, 1 << 20, STR(API_DEFAULT_MAX_MESSAGE), 1,
     NULL, "largest chat message"},
    {"max_connections", CT_UINT, L(max_connections), 1, 65536,
     STR(API_DEFAULT_MAX_CONNECTIONS), 1, NULL,
     "open connections served; one more closes a connection still waiting for its request "
     "headers, else gets 429 (a reload cannot raise it past start + 64)"},
    {"max_connections_per_address", CT_UINT, F(max_connections_per_address), 1, 65536,
     STR(API_DEFAULT_MAX_CONNECTIONS_PER_ADDRESS), 0, NULL,
     "open connections from one client address; more are closed as they are accepted"},
    {"idle_timeout", CT_UINT, F(idle_timeout), 1, 3600, STR(API_DEFAULT_IDLE_TIMEOUT), 0,
     NULL, "seconds a connection may send nothing (mid-request or kept alive) before it is "
     "closed"},
    {"header_timeout", CT_UINT, F(header_timeout), 1, 3600, STR(API_DEFAULT_HEADER_TIMEOUT),
     0, NULL, "seconds a request's line and headers may take, however steadily they come, "
     "from the connection's opening (kept alive: from idle_timeout after its last reply); "
     "then it is closed"},
    {"min_body_rate", CT_SIZE, F(min_body_rate), 1, 1LL << 30,
     STR(API_DEFAULT_MIN_BODY_RATE), 0, NULL, "bytes a second a request body must average: "
     "a body of N bytes may take header_timeout + N / min_body_rate seconds from its "
     "headers; then the connection is closed"},
    {"max_inflight_body_bytes", CT_SIZE, L(max_inflight_body), 64 << 10, 1LL << 40,
     STR(API_DEFAULT_MAX_INFLIGHT_BODY), 1, NULL,
     "request body bytes held by all requests together; past it 503"},
    {"log_level", CT_CHOICE, F(log_level), 0, 0, "info", 1, log_levels,
     "error, warn, info or debug (info logs one line per request)"},
    {"log_format", CT_CHOICE, F(log_format), 0, 0, "auto", 0, log_formats,
     "auto (journal when stderr is the journal), text or journal (<N> prefixes)"},
    {"shutdown_timeout", CT_UINT, F(shutdown_timeout), 1, 3600, "10", 1, NULL,
     "seconds SIGTERM waits for requests in flight"},
    {"model", CT_STRING, F(model), 0, 0, MNEMO_DEFAULT_MODEL, 0, NULL,
     "model file (mnemo train), or none: lexical memories only, no chat"},
    {"encoder", CT_STRING, F(encoder), 0, 0, MNEMO_DEFAULT_ENCODER, 0, NULL,
     "sentence encoder of the dense search leg (mnemo senc train), or none: the model's "
     "sentence vector (or the lexical sketch alone without a model)"},
    {"chat_turns", CT_INT, F(chat_turns), 1, 1024, STR(AGENT_DEFAULT_TURNS), 0, NULL,
     "exchanges a conversation's working memory keeps"},
    {"chat_memories", CT_INT, F(chat_memories), 0, 256, STR(AGENT_DEFAULT_MEMORIES), 0, NULL,
     "long-term memories retrieved for a chat turn"},
    {"chat_duplicate", CT_REAL, F(chat_duplicate), 0, 1, STR(AGENT_DEFAULT_DUPLICATE), 0, NULL,
     "cosine from which a statement updates the memory it repeats"},
    {"lexical_weight", CT_REAL, F(lexical_weight), 0, 1, STR(AGENT_LEXICAL_WEIGHT), 0, NULL,
     "share of the lexical cosine in a memory's similarity (the rest: the model's)"},
    {"encoder_lexical_weight", CT_REAL, F(encoder_lexical_weight), 0, 1,
     STR(AGENT_ENCODER_LEXICAL_WEIGHT), 0, NULL,
     "the same when the rest is the sentence encoder's (encoder)"},
    {"working_memory_bytes", CT_SIZE, F(working_memory_bytes), 16 << 10, 1LL << 40,
     STR(AGENT_DEFAULT_WORKING_MEMORY_BYTES), 1, NULL,
     "bytes the working memories of all conversations may hold; past it the least recently "
     "used conversations leave RAM (their next turn reloads them from the database)"},
    {"max_memories_per_user", CT_UINT, F(max_memories_per_user), 0, 1000000000,
     STR(AGENT_DEFAULT_MAX_MEMORIES_PER_USER), 1, NULL,
     "memories one user may have, superseded ones included; a write past it gets 429 "
     "(0: no quota)"},
    {"max_conversations_per_user", CT_UINT, F(max_conversations_per_user), 0, 1000000000,
     STR(AGENT_DEFAULT_MAX_CONVERSATIONS_PER_USER), 1, NULL,
     "conversations one user may have; a chat turn that would start one more gets 429 "
     "(0: no quota)"},
};

#define N_KEYS (sizeof keys / sizeof keys[0])

static const config_key_t *find_key(const char *name)
{
    for (size_t i = 0; i < N_KEYS; i++)
        if (!strcmp(keys[i].name, name)) return &keys[i];
    return NULL;
}

int config_split_listen(const char *listen, char *host, size_t hostlen, int *port)
{
    const char *colon, *h = listen;
    size_t n;
    if (listen[0] == '[') {
        const char *close = strchr(listen, ']');
        if (!close || close[1] != ':') return -1;
        h = listen + 1;
        n = (size_t)(close - h);
        colon = close + 1;
    } else {
        colon = strrchr(listen, ':');
        if (!colon || memchr(listen, ':', (size_t)(colon - listen))) return -1;
        n = (size_t)(colon - listen);
    }
    if (n == 0 || n >= hostlen) return -1;
    const char *p = colon + 1;
    long v = 0;
    if (!*p || strlen(p) > 5) return -1;
    for (; *p; p++) {
        if (!isdigit((unsigned char)*p)) return -1;
        v = v * 10 + (*p - '0');
    }
    if (v > 65535) return -1;
    memcpy(host, h, n);
    host[n] = '\0';
    *port = (int)v;
    return 0;
}

/* A whole number with an optional binary suffix (K, M, G, optionally followed by "iB"
 * or "B") when sizes is set. 0 or -1. */
static int parse_number(const char *s, int sizes, unsigned long long *out)
{
    unsigned long long v = 0;
    const char *p = s;
    if (!isdigit((unsigned char)*p)) return -1;
    for (; isdigit((unsigned char)*p); p++) {
        if (v > (ULLONG_MAX - 9) / 10) return -1;
        v = v * 10 + (unsigned long long)(*p - '0');
    }
    if (*p && sizes) {
        int shift = 0;
        switch (*p) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        default: return -1;
        }
        p++;
        if (!strcmp(p, "iB") || !strcmp(p, "B")) p += strlen(p);
        if (v > (ULLONG_MAX >> shift)) return -1;
        v <<= shift;
    }
    if (*p) return -1;
    *out = v;
    return 0;
}

/* v in bytes as --help, the docs and the reload log write it: with the largest binary
 * suffix that divides it exactly (3145728 -> "3M", 1536 -> "1536"). */
static void size_text(unsigned long long v, char *out, size_t cap)
{
    static const char suffix[] = "GMK";
    for (int i = 0; i < 3; i++) {
        int shift = 30 - 10 * i;
        if (v && v % (1ULL << shift) == 0) {
            snprintf(out, cap, "%llu%c", v >> shift, suffix[i]);
            return;
        }
    }
    snprintf(out, cap, "%llu", v);
}

static int has_space(const char *s)
{
    for (; *s; s++)
        if (isspace((unsigned char)*s)) return 1;
    return 0;
}

/* The user of a token: like an API user id, 1..128 bytes without control characters
 * or '/'. */
static int token_user_ok(const char *u, size_t n)
{
    if (n == 0 || n > 128) return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)u[i] < 0x20 || u[i] == 0x7F || u[i] == '/') return 0;
    return 1;
}

static int set_string(char **field, const char *value)
{
    char *s = strdup(value);
    if (!s) return -1;
    free(*field);
    *field = s;
    return 0;
}

static int add_token(mnemod_config_t *c, const char *value, char *err, size_t errlen)
{
    const char *colon = strchr(value, ':');
    if (!colon || !token_user_ok(value, (size_t)(colon - value)) || !colon[1] ||
        has_space(colon + 1)) {
        snprintf(err, errlen, "token: expected USER:SECRET (a user of 1-128 bytes without "
                 "control characters or '/', a secret without spaces)");
        return -1;
    }
    if (strlen(colon + 1) < API_MIN_SECRET_BYTES) {
        snprintf(err, errlen, "token: the secret of user '%.*s' is %zu bytes; use at least %d "
                 "(e.g. `openssl rand -hex 16`)", (int)(colon - value), value,
                 strlen(colon + 1), API_MIN_SECRET_BYTES);
        return -1;
    }
    api_token_t *t = realloc(c->tokens, (c->n_tokens + 1) * sizeof *t);
    if (!t) goto oom;
    c->tokens = t;
    t = &c->tokens[c->n_tokens];
    t->user = strndup(value, (size_t)(colon - value));
    t->secret = strdup(colon + 1);
    if (!t->user || !t->secret) {
        free(t->user);
        free(t->secret);
        goto oom;
    }
    c->n_tokens++;
    return 0;
oom:
    snprintf(err, errlen, "token: out of memory");
    return -1;
}

int config_set(mnemod_config_t *c, const char *key, const char *value, char *err,
               size_t errlen)
{
    const config_key_t *k = find_key(key);
    char *base = (char *)c;
    unsigned long long v;
    if (!k) {
        snprintf(err, errlen, "unknown key '%s'", key);
        return -1;
    }
    void *field = base + k->offset;
    switch (k->type) {
    case CT_STRING:
    case CT_LISTEN:
    case CT_SECRET: {
        char host[256];
        int port;
        if (!*value) {
            snprintf(err, errlen, "%s: needs a value", k->name);
            return -1;
        }
        if (k->type == CT_LISTEN && config_split_listen(value, host, sizeof host, &port)) {
            snprintf(err, errlen, "%s: '%s' is not HOST:PORT (port 0..65535; IPv6 as [::1]:8420)",
                     k->name, value);
            return -1;
        }
        if (k->type == CT_SECRET && has_space(value)) {
            snprintf(err, errlen, "%s: a secret may not contain spaces", k->name);
            return -1;
        }
        if (k->type == CT_SECRET && strlen(value) < API_MIN_SECRET_BYTES) {
            snprintf(err, errlen, "%s: the secret is %zu bytes; use at least %d (e.g. "
                     "`openssl rand -hex 16`)", k->name, strlen(value), API_MIN_SECRET_BYTES);
            return -1;
        }
        if (set_string(field, value)) {
            snprintf(err, errlen, "%s: out of memory", k->name);
            return -1;
        }
        return 0;
    }
    case CT_UINT:
    case CT_INT:
    case CT_SIZE:
        if (parse_number(value, k->type == CT_SIZE, &v)) {
            snprintf(err, errlen, "%s: '%s' is not a whole number%s", k->name, value,
                     k->type == CT_SIZE ? " of bytes (suffixes K, M, G allowed)" : "");
            return -1;
        }
        if (v < (unsigned long long)k->min || v > (unsigned long long)k->max) {
            snprintf(err, errlen, "%s: %s is out of range %lld..%lld", k->name, value, k->min,
                     k->max);
            return -1;
        }
        if (k->type == CT_UINT)
            *(unsigned *)field = (unsigned)v;
        else if (k->type == CT_INT)
            *(int *)field = (int)v;
        else
            *(size_t *)field = (size_t)v;
        return 0;
    case CT_TOKEN:
        return add_token(c, value, err, errlen);
    case CT_REAL: {
        char *end = NULL;
        errno = 0;
        double d = strtod(value, &end);
        if (!*value || isspace((unsigned char)*value) || *end || errno || d != d) {
            snprintf(err, errlen, "%s: '%s' is not a number", k->name, value);
            return -1;
        }
        if (d < (double)k->min || d > (double)k->max) {
            snprintf(err, errlen, "%s: %s is out of range %lld..%lld", k->name, value, k->min,
                     k->max);
            return -1;
        }
        *(double *)field = d;
        return 0;
    }
    case CT_CHOICE: {
        char list[128] = "";
        for (int i = 0; k->choices[i]; i++) {
            if (!strcmp(value, k->choices[i])) {
                *(int *)field = i;
                return 0;
            }
            size_t n = strlen(list);
            snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", k->choices[i]);
        }
        snprintf(err, errlen, "%s: '%s' is not one of %s", k->name, value, list);
        return -1;
    }
    }
    snprintf(err, errlen, "%s: unhandled type", k->name);
    return -1;
}

int config_init(mnemod_config_t *c)
{
    char err[256];
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < N_KEYS; i++)
        if (keys[i].def && config_set(c, keys[i].name, keys[i].def, err, sizeof err)) {
            config_free(c);
            return -1;
        }
    return 0;
}

void config_free(mnemod_config_t *c)
{
    for (size_t i = 0; i < c->n_tokens; i++) {
        free(c->tokens[i].user);
        free(c->tokens[i].secret);
    }
    free(c->tokens);
    free(c->listen);
    free(c->db);
    free(c->admin_token);
    free(c->model);
    free(c->encoder);
    memset(c, 0, sizeof *c);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
    return s;
}

int config_parse(mnemod_config_t *c, const char *name, const char *text, char *err,
                 size_t errlen)
{
    char *copy = strdup(text), *line;
    char why[256];
    int lineno = 0, rc = 0;
    if (!copy) {
        snprintf(err, errlen, "%s: out of memory", name);
        return -1;
    }
    /* strsep, not strtok: empty lines still count */
    for (char *p = copy; (line = strsep(&p, "\n")) != NULL && !rc;) {
        lineno++;
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%d: expected 'key = value', got '%s'", name, lineno, s);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = trim(s), *value = trim(eq + 1);
        size_t vn = strlen(value);
        if (vn >= 2 && value[0] == '"' && value[vn - 1] == '"') {
            value[vn - 1] = '\0';
            value++;
        }
        if (!*key) {
            snprintf(err, errlen, "%s:%d: missing key before '='", name, lineno);
            rc = -1;
        } else if (config_set(c, key, value, why, sizeof why)) {
            snprintf(err, errlen, "%s:%d: %s", name, lineno, why);
            rc = -1;
        }
    }
    free(copy);
    return rc;
}

int config_load(mnemod_config_t *c, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    char *text = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[4096];
    if (!f) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *t = realloc(text, cap);
            if (!t) {
                free(text);
                fclose(f);
                snprintf(err, errlen, "%s: out of memory", path);
                return -1;
            }
            text = t;
        }
        memcpy(text + len, chunk, n);
        len += n;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(text);
        snprintf(err, errlen, "cannot read %s", path);
        return -1;
    }
    if (memchr(text ? text : "", '\0', len)) {
        free(text);
        snprintf(err, errlen, "%s: contains a NUL byte; not a config file", path);
        return -1;
    }
    if (text) text[len] = '\0';
    int rc = config_parse(c, path, text ? text : "", err, errlen);
    free(text);
    return rc;
}

int config_check(const mnemod_config_t *c, char *err, size_t errlen)
{
    for (size_t i = 0; i < c->n_tokens; i++) {
        for (size_t j = i + 1; j < c->n_tokens; j++)
            if (!strcmp(c->tokens[i].secret, c->tokens[j].secret)) {
                snprintf(err, errlen, "token: users '%s' and '%s' have the same secret",
                         c->tokens[i].user, c->tokens[j].user);
                return -1;
            }
        if (c->admin_token && !strcmp(c->tokens[i].secret, c->admin_token)) {
            snprintf(err, errlen, "admin_token: the same secret as the token of user '%s'",
                     c->tokens[i].user);
            return -1;
        }
    }
    return 0;
}

static void clear_tokens(mnemod_config_t *c)
{
    for (size_t i = 0; i < c->n_tokens; i++) {
        free(c->tokens[i].user);
        free(c->tokens[i].secret);
    }
    free(c->tokens);
    c->tokens = NULL;
    c->n_tokens = 0;
}

/* MNEMO_ and the key in upper case: max_k -> MNEMO_MAX_K. The repeatable token is
 * MNEMO_TOKENS: MNEMO_TOKEN is the client's (mnemo(1)) bearer secret, and the two often
 * share a shell. */
static void env_name(const char *key, char *out, size_t cap)
{
    if (!strcmp(key, "token")) {
        snprintf(out, cap, "MNEMO_TOKENS");
        return;
    }
    size_t j = (size_t)snprintf(out, cap, "MNEMO_");
    for (; *key && j + 1 < cap; key++) out[j++] = (char)toupper((unsigned char)*key);
    out[j] = '\0';
}

int config_env(mnemod_config_t *c, const char *(*get)(const char *name), char *err,
               size_t errlen)
{
    char name[64], why[256];
    for (size_t i = 0; i < N_KEYS; i++) {
        env_name(keys[i].name, name, sizeof name);
        const char *v = get(name);
        if (!v) continue;
        int rc = 0;
        if (keys[i].type == CT_TOKEN) {
            /* Several tokens, separated by spaces, replace the file's. */
            char *copy = strdup(v), *save = NULL;
            if (!copy) {
                snprintf(err, errlen, "environment %s: out of memory", name);
                return -1;
            }
            clear_tokens(c);
            for (char *t = strtok_r(copy, " \t\n", &save); t && !rc;
                 t = strtok_r(NULL, " \t\n", &save))
                rc = config_set(c, keys[i].name, t, why, sizeof why);
            free(copy);
        } else {
            rc = config_set(c, keys[i].name, v, why, sizeof why);
        }
        if (rc) {
            snprintf(err, errlen, "environment %s: %s", name, why);
            return -1;
        }
    }
    return 0;
}

/* The value of key k in c as text, secrets masked; "" when unset. */
static void show(const mnemod_config_t *c, const config_key_t *k, char *out, size_t cap)
{
    const char *base = (const char *)c;
    const void *field = base + k->offset;
    switch (k->type) {
    case CT_STRING:
    case CT_LISTEN:
        snprintf(out, cap, "%s", *(char *const *)field ? *(char *const *)field : "");
        return;
    case CT_SECRET:
        snprintf(out, cap, "%s", *(char *const *)field ? "(set)" : "(unset)");
        return;
    case CT_UINT: snprintf(out, cap, "%u", *(const unsigned *)field); return;
    case CT_INT: snprintf(out, cap, "%d", *(const int *)field); return;
    case CT_SIZE: size_text(*(const size_t *)field, out, cap); return;
    case CT_CHOICE: snprintf(out, cap, "%s", k->choices[*(const int *)field]); return;
    case CT_REAL: snprintf(out, cap, "%g", *(const double *)field); return;
    case CT_TOKEN:
        snprintf(out, cap, "%zu tokens", c->n_tokens);
        return;
    }
}

static int same_tokens(const mnemod_config_t *a, const mnemod_config_t *b)
{
    if (a->n_tokens != b->n_tokens) return 0;
    for (size_t i = 0; i < a->n_tokens; i++)
        if (strcmp(a->tokens[i].user, b->tokens[i].user) ||
            strcmp(a->tokens[i].secret, b->tokens[i].secret))
            return 0;
    return 1;
}

int config_changes(const mnemod_config_t *a, const mnemod_config_t *b, config_change_fn fn,
                   void *ctx)
{
    int n = 0;
    for (size_t i = 0; i < N_KEYS; i++) {
        const config_key_t *k = &keys[i];
        char va[256], vb[256];
        show(a, k, va, sizeof va);
        show(b, k, vb, sizeof vb);
        int differ = strcmp(va, vb) != 0;
        if (k->type == CT_TOKEN) differ = !same_tokens(a, b);
        if (k->type == CT_SECRET) {
            const char *sa = *(char *const *)((const char *)a + k->offset);
            const char *sb = *(char *const *)((const char *)b + k->offset);
            differ = (sa == NULL) != (sb == NULL) || (sa && strcmp(sa, sb));
            if (differ && sa && sb) snprintf(vb, sizeof vb, "(a new secret)");
        }
        if (!differ) continue;
        n++;
        if (fn) fn(k->name, k->live, va, vb, ctx);
    }
    return n;
}

/* The bytes a key's value takes in mnemod_config_t (0 for the token list, which is two
 * fields). */
static size_t field_size(enum config_type t)
{
    switch (t) {
    case CT_STRING:
    case CT_LISTEN:
    case CT_SECRET: return sizeof(char *);
    case CT_UINT: return sizeof(unsigned);
    case CT_INT:
    case CT_CHOICE: return sizeof(int);
    case CT_SIZE: return sizeof(size_t);
    case CT_REAL: return sizeof(double);
    case CT_TOKEN: return 0;
    }
    return 0;
}

static void swap_bytes(void *a, void *b, size_t n)
{
    unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        unsigned char t = x[i];
        x[i] = y[i];
        y[i] = t;
    }
}

void config_keep_start_only(mnemod_config_t *next, mnemod_config_t *running)
{
    /* Swapped, not copied: each owned string (and the token list) stays owned by exactly
     * one of the two, so freeing both frees everything once. */
    for (size_t i = 0; i < N_KEYS; i++) {
        const config_key_t *k = &keys[i];
        if (k->live) continue;
        if (k->type == CT_TOKEN) {
            swap_bytes(&next->tokens, &running->tokens, sizeof next->tokens);
            swap_bytes(&next->n_tokens, &running->n_tokens, sizeof next->n_tokens);
            continue;
        }
        swap_bytes((char *)next + k->offset, (char *)running + k->offset, field_size(k->type));
    }
}

size_t config_key_count(void)
{
    return N_KEYS;
}

const char *config_key_name(size_t i)
{
    return i < N_KEYS ? keys[i].name : NULL;
}

int config_key_live(size_t i)
{
    return i < N_KEYS && keys[i].live;
}

const char *config_key_default(size_t i, char *buf, size_t cap)
{
    unsigned long long v;
    if (i >= N_KEYS || !keys[i].def) return NULL;
    if (keys[i].type == CT_SIZE && parse_number(keys[i].def, 1, &v) == 0)
        size_text(v, buf, cap);
    else
        snprintf(buf, cap, "%s", keys[i].def);
    return buf;
}

void config_usage(FILE *f)
{
    char name[64], def[256];
    fprintf(f, "Config file keys (`key = value` lines, '#' comments), each also read from\n"
               "the environment as MNEMO_<KEY> (e.g. MNEMO_MAX_K):\n");
    for (size_t i = 0; i < N_KEYS; i++) {
        env_name(keys[i].name, name, sizeof name);
        const char *d = config_key_default(i, def, sizeof def);
        fprintf(f, "  %-18s %-16s %s%s (%s)\n", keys[i].name, d ? d : "(unset)", keys[i].help,
                keys[i].live ? " [reloads]" : "", name);
    }
}

const char *config_default_encoder(void)
{
    return MNEMO_DEFAULT_ENCODER;
}
