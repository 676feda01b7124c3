/* harness.h: what the integration tests share. Each test starts the real mnemod
 * (path in $MNEMOD) on 127.0.0.1:0 in its own mkdtemp directory, reads the port back
 * from --port-file, waits for /healthz, talks HTTP with libcurl and stops it with
 * SIGTERM (or kill -9). A daemon left running when a test process ends (a failed
 * assertion) dies with it; its log is printed and its directory removed by the runner. */
#ifndef MNEMO_TESTS_INTEGRATION_HARNESS_H
#define MNEMO_TESTS_INTEGRATION_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <check.h>
#include <jansson.h>

typedef struct h_daemon {
    pid_t pid;                /* 0 when not running */
    int port;
    char dir[256];            /* the temporary directory, removed by h_cleanup */
    char db[320], config[320], port_file[320], log[320];
    char base[64];            /* "http://127.0.0.1:PORT" */
    int has_config;
    char probe_token[192];    /* a token from the config for /healthz, "" when none */
    char model[320];          /* passed as --model; "" (h_init's) passes --model none */
    char encoder[320];        /* passed as --encoder; "" passes --encoder none */
    uid_t run_as;             /* nonzero: the daemon runs as this uid (and gid) */
    long long fsize_limit;    /* nonzero: the daemon's RLIMIT_FSIZE (`ulimit -f`), bytes */
} h_daemon_t;

/* Creates the temporary directory and writes config_text (may be NULL: no --config)
 * to its config file. Fails the test on error. */
void h_init(h_daemon_t *d, const char *config_text);
/* Rewrites the config file (takes effect at the next start). */
void h_write_config(h_daemon_t *d, const char *config_text);

/* Starts mnemod on 127.0.0.1:0 with d's db, config, model and port file; returns once it
 * answers GET /healthz with 200. Fails the test (with the daemon's log) otherwise. */
void h_start(h_daemon_t *d);
/* The same on another address (the tests still connect to 127.0.0.1:PORT). */
void h_start_on(h_daemon_t *d, const char *listen);
/* Spawns mnemod with --listen listen and does not wait for it. */
void h_spawn(h_daemon_t *d, const char *listen);
/* Waits up to timeout_ms for the spawned daemon to exit by itself. Returns its exit
 * status (0..255), 128+signal when killed, or -1 when it was still running (it is
 * then killed with SIGKILL). */
int h_wait_exit(h_daemon_t *d, int timeout_ms);

/* SIGTERM, then waits (up to 20 s): returns the exit status as h_wait_exit does. */
int h_stop(h_daemon_t *d);
/* SIGKILL and reap. */
void h_kill9(h_daemon_t *d);
/* Kills the daemon if it is running and removes the directory. */
void h_cleanup(h_daemon_t *d);
/* The daemon's log so far (malloc'd, never NULL). */
char *h_log(const h_daemon_t *d);

typedef struct h_resp {
    long status;              /* 0 when no reply came (error holds why) */
    json_t *json;             /* the body parsed as JSON, or NULL */
    char *body;               /* malloc'd, NUL-terminated */
    size_t len;
    char content_type[128];
    char allow[128];          /* the Allow header, "" when absent */
    char retry_after[32];     /* the Retry-After header, "" when absent */
    char error[256];          /* libcurl's message when status is 0 */
} h_resp_t;

/* One request. token may be NULL (no Authorization header); ctype NULL sends no
 * Content-Type; body NULL sends none. Returns 0 when a reply came, else -1. */
int h_request(const h_daemon_t *d, const char *method, const char *path, const char *token,
              const char *ctype, const char *body, size_t len, h_resp_t *r);
/* A request without a body and with one raw header line ("Authorization: Basic x"). */
int h_request_header(const h_daemon_t *d, const char *method, const char *path,
                     const char *header, h_resp_t *r);
/* GET path. */
int h_get(const h_daemon_t *d, const char *token, const char *path, h_resp_t *r);
/* Sends body as application/json (body may be NULL; the reference is stolen). */
int h_send(const h_daemon_t *d, const char *method, const char *token, const char *path,
           json_t *body, h_resp_t *r);
void h_resp_clear(h_resp_t *r);
/* error.code of an error reply, or "" when the body is not one. */
const char *h_error_code(const h_resp_t *r);

/* POST /v1/memories {"user"?, "text"}; returns the new id, or -1 (with the reply
 * printed) unless the status was 201. */
int64_t h_create(const h_daemon_t *d, const char *token, const char *user, const char *text);

/* Every memory of a listing, following next_cursor: GET /v1/memories?<query> pages
 * until next_cursor is null, asserting 200 on each. Returns a new array. */
json_t *h_list_all(const h_daemon_t *d, const char *token, const char *query);
/* GET /v1/memories?<query> asserting 200; returns a new reference to "results". */
json_t *h_search(const h_daemon_t *d, const char *token, const char *query);
/* GET /v1/users/{user}/export asserting 200 and JSON lines; returns a new array. */
json_t *h_export(const h_daemon_t *d, const char *token, const char *user);
/* POST /v1/users/{user}/import<query> with body as JSON lines (query may be NULL or
 * "?ids=new"); the reply in r. Returns what h_request returns. */
int h_import(const h_daemon_t *d, const char *user, const char *query, const char *body,
             size_t len, h_resp_t *r);
/* Two daemons for the tests that move memories from one to the other: h_pair_start
 * makes both (no config) and starts them; h_pair_stop stops each that runs, asserting a
 * clean exit, and removes both directories. */
void h_pair_start(h_daemon_t *a, h_daemon_t *b);
void h_pair_stop(h_daemon_t *a, h_daemon_t *b);
/* The integer "id" of a memory object (-1 when absent). */
int64_t h_id(const json_t *m);

/* Percent-encodes s for a query value (malloc'd). */
char *h_escape(const char *s);

/* The real clients of tests/node (pinned by its lockfile, installed by scripts/setup.sh):
 * 0 with node's path ($MNEMO_NODE) in node and the folder ($MNEMO_NODE_DIR) in dir when
 * node runs and dir/node_modules/<package> is installed; otherwise it prints why `who`
 * is skipped and returns H_SKIP, the exit status meson counts as skipped. */
#define H_SKIP 77
int h_node_client(const char *who, const char *package, char *node, size_t nlen, char *dir,
                  size_t dlen);

/* Runs argv[0] with args, extra environment (NULL-terminated "K=V" list, may be NULL)
 * and stdin from in_file (NULL = /dev/null); captures stdout and stderr (malloc'd).
 * Returns the exit status, or -1 when it did not exit normally. */
int h_run(char *const argv[], char *const env[], const char *in_file, char **out, char **err);

/* Reads a whole file (malloc'd, NUL-terminated) or NULL. */
char *h_read_file(const char *path, size_t *len);
int h_write_file(const char *path, const char *data, size_t len);

/* Runs the suite with curl initialized and the temporary root made (and removed
 * afterwards, with the logs of failed tests printed); returns the exit code. */
int h_run_suite(Suite *s);

/* Raw HTTP on a connected socket fd, for requests curl would not send. h_raw_send sends
 * all of s: 0, or -1 once the server has closed. h_raw_read_to_close reads until the
 * server closes: 1 when it did, 0 when the socket's receive timeout passed first (what
 * came is in buf). h_raw_read_reply reads one reply with a Content-Length body into buf
 * (a byte at a time until the head's end, so never part of the next reply): its status,
 * or 0 when the connection closed first. h_raw_status is the status of a reply's text. */
int h_raw_send(int fd, const char *s, size_t n);
int h_raw_read_to_close(int fd, char *buf, size_t cap);
int h_raw_read_reply(int fd, char *buf, size_t cap);
int h_raw_status(const char *reply);

/* Asserts that r came back with status and, when code is not NULL, that error code. */
#define h_assert_reply(r, want_status, want_code)                                         \
    do {                                                                                  \
        ck_assert_msg((r)->status == (want_status) &&                                     \
                          ((want_code) == NULL ||                                         \
                           strcmp(h_error_code(r), (want_code) ? (want_code) : "") == 0), \
                      "want %d %s, got %ld %s: %.300s", (int)(want_status),               \
                      (want_code) ? (const char *)(want_code) : "", (r)->status,          \
                      h_error_code(r), (r)->body ? (r)->body : (r)->error);              \
    } while (0)

#endif
