/* config.h: mnemod's configuration: one declarative table (config.c) of every key with
 * its type, bounds, default, whether SIGHUP applies it, and help; read from `key = value`
 * files, then MNEMO_<KEY> environment variables, then the command-line flags, each
 * overriding the one before. Errors name the file, line and key. */
#ifndef MNEMO_DAEMON_CONFIG_H
#define MNEMO_DAEMON_CONFIG_H

#include <stddef.h>
#include <stdio.h>
#include "api/api.h"

enum config_log_level { CONFIG_LOG_ERROR, CONFIG_LOG_WARN, CONFIG_LOG_INFO, CONFIG_LOG_DEBUG };
enum config_log_format { CONFIG_LOG_AUTO, CONFIG_LOG_TEXT, CONFIG_LOG_JOURNAL };

typedef struct mnemod_config {
    char *listen;               /* "HOST:PORT" (IPv6 as "[::1]:8420") */
    char *db;
    unsigned threads;
    api_token_t *tokens;        /* user tokens, then the admin token when set */
    size_t n_tokens;
    char *admin_token;
    api_limits_t limits;
    int log_level;              /* enum config_log_level */
    int log_format;             /* enum config_log_format */
    unsigned shutdown_timeout;  /* seconds */
    unsigned idle_timeout;      /* seconds a connection may stay silent */
    unsigned header_timeout;    /* seconds a request's line and headers may take */
    size_t min_body_rate;       /* bytes a second a request body must average */
    unsigned max_connections_per_address;
    char *model;                /* model file path, or "none" */
    char *encoder;              /* sentence encoder file path, or "none" */
    int chat_turns;             /* W: exchanges in a conversation's working memory */
    int chat_memories;          /* K: long-term memories retrieved per turn */
    double chat_duplicate;      /* cosine from which a statement updates a memory */
    double lexical_weight;      /* share of the lexical cosine in a memory's score */
    double encoder_lexical_weight;  /* the same beside the sentence encoder */
    size_t working_memory_bytes;        /* all conversations' working memories */
    unsigned max_memories_per_user;     /* 0 = no quota */
    unsigned max_conversations_per_user;/* 0 = no quota */
} mnemod_config_t;

/* Fills c with every key's default. Returns 0, or -1 when out of memory. */
int config_init(mnemod_config_t *c);
void config_free(mnemod_config_t *c);

/* Sets key to value (a repeatable key appends). Returns 0, or -1 with err saying what
 * is wrong: "unknown key 'x'", "max_k: 0 is out of range 1..1000", ... */
int config_set(mnemod_config_t *c, const char *key, const char *value, char *err,
               size_t errlen);

/* Parses `key = value` lines of text: blank lines and lines starting with '#' are
 * skipped; whitespace around key and value is trimmed. name prefixes messages
 * ("mnemo.conf:12: unknown key 'x'"). Returns 0 or -1 with err filled. */
int config_parse(mnemod_config_t *c, const char *name, const char *text, char *err,
                 size_t errlen);
/* Reads and parses the file at path. */
int config_load(mnemod_config_t *c, const char *path, char *err, size_t errlen);

/* Checks what no single key can: the same secret given twice. 0 or -1 with err.
 * (A secret shorter than API_MIN_SECRET_BYTES is refused by config_set itself.) */
int config_check(const mnemod_config_t *c, char *err, size_t errlen);

/* Splits "HOST:PORT" or "[V6]:PORT". Returns 0, or -1 when malformed. */
int config_split_listen(const char *listen, char *host, size_t hostlen, int *port);

/* Applies MNEMO_<KEY> variables (MNEMO_ and the key in upper case) found by get
 * (getenv): MNEMO_TOKENS (not MNEMO_TOKEN, the client's) holds space-separated
 * USER:SECRET tokens that replace the file's. Returns 0 or -1 with err naming the variable. */
int config_env(mnemod_config_t *c, const char *(*get)(const char *name), char *err,
               size_t errlen);

/* Calls fn for each key whose value differs between a and b (secrets are not shown:
 * "(set)"); live says whether a reload applies it. Returns how many differ. */
typedef void (*config_change_fn)(const char *key, int live, const char *was, const char *now,
                                 void *ctx);
int config_changes(const mnemod_config_t *a, const mnemod_config_t *b, config_change_fn fn,
                   void *ctx);

/* For a reload: every key the table marks as read at start only (not live) takes its
 * value in running back into next, so next can replace running whole. The two swap
 * values, so running is left holding next's start-only values: config_free both. */
void config_keep_start_only(mnemod_config_t *next, mnemod_config_t *running);

/* The table, for --help, tests and the docs' checks: the number of keys, and key i's
 * name, whether SIGHUP applies it, and its default as --help and the docs write it
 * (filled into buf; a size with its binary suffix) or NULL when it has none. */
size_t config_key_count(void);
const char *config_key_name(size_t i);
int config_key_live(size_t i);
const char *config_key_default(size_t i, char *buf, size_t cap);

/* Prints every key with its default and help, for --help. */
void config_usage(FILE *f);
/* The installed sentence encoder's path, the encoder key's default: mnemod runs without
 * an encoder when the key keeps this default and no file is there. */
const char *config_default_encoder(void);

#endif
