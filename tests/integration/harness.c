/* harness.c: spawning, waiting for, stopping and killing a real mnemod, and the
 * libcurl request helper the integration tests talk through. Every daemon's directory
 * lives under one per-executable root that the runner removes at the end, so a failed
 * assertion (which ends the test process at once) leaves nothing behind. */
#define _XOPEN_SOURCE 700   /* nftw, strptime */
#include "tests/integration/harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>

/* ---- the directory every daemon of this test executable lives under ------------ */

/* Set once by h_run_suite before any test forks, so every test process inherits it.
 * Check ends a failed test with _exit(), skipping teardown and atexit handlers, so the
 * runner removes this whole tree at the end instead (after printing the logs left in
 * it when a test failed); the daemons die with their test process (PR_SET_PDEATHSIG). */
static char root_dir[256];   /* test-only state, see above */

static void dump_log(const char *path, const char *why)
{
    char *log = h_read_file(path, NULL);
    fprintf(stderr, "---- mnemod log (%s) %s ----\n%s---- end of log ----\n", path, why,
            log ? log : "(none)\n");
    free(log);
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

static void rm_rf(const char *dir)
{
    if (dir[0])
        nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int dump_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    size_t n = strlen(path);
    if (flag == FTW_F && n > 11 && strcmp(path + n - 11, "/mnemod.log") == 0)
        dump_log(path, "left by a failed test");
    return 0;
}

/* ---- files ------------------------------------------------------------------- */

char *h_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *b = realloc(buf, cap * 2);
        if (!b) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = b;
        cap *= 2;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

int h_write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    return fclose(f) == 0 && w == len ? 0 : -1;
}

/* ---- lifecycle --------------------------------------------------------------- */

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void h_init(h_daemon_t *d, const char *config_text)
{
    memset(d, 0, sizeof *d);
    const char *tmp = getenv("TMPDIR");
    if (root_dir[0])
        snprintf(d->dir, sizeof d->dir, "%.200s/d-XXXXXX", root_dir);
    else
        snprintf(d->dir, sizeof d->dir, "%s/mnemo-it-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_msg(mkdtemp(d->dir) != NULL, "mkdtemp: %s", strerror(errno));
    snprintf(d->db, sizeof d->db, "%s/mnemo.db", d->dir);
    snprintf(d->config, sizeof d->config, "%s/mnemod.conf", d->dir);
    snprintf(d->port_file, sizeof d->port_file, "%s/port", d->dir);
    snprintf(d->log, sizeof d->log, "%s/mnemod.log", d->dir);
    if (config_text)
        h_write_config(d, config_text);
}

/* The secret of the config's admin_token, else of its first user token: the start-up
 * probe sends it, since with tokens configured every route asks for one. */
static void find_probe_token(h_daemon_t *d, const char *config_text)
{
    d->probe_token[0] = '\0';
    for (const char *line = config_text; line && *line;) {
        const char *nl = strchr(line, '\n');
        int n = nl ? (int)(nl - line) : (int)strlen(line);
        char key[32], val[160];
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", n, line);
        if (sscanf(buf, " %31[a-z_] = %159s", key, val) == 2) {
            if (strcmp(key, "admin_token") == 0) {
                snprintf(d->probe_token, sizeof d->probe_token, "%s", val);
                return;
            }
            const char *colon = strchr(val, ':');
            if (strcmp(key, "token") == 0 && colon && !d->probe_token[0])
                snprintf(d->probe_token, sizeof d->probe_token, "%s", colon + 1);
        }
        line = nl ? nl + 1 : NULL;
    }
}

void h_write_config(h_daemon_t *d, const char *config_text)
{
    ck_assert_msg(h_write_file(d->config, config_text, strlen(config_text)) == 0,
                  "cannot write %s", d->config);
    d->has_config = 1;
    find_probe_token(d, config_text);
}

void h_spawn(h_daemon_t *d, const char *listen)
{
    const char *exe = getenv("MNEMOD");
    ck_assert_msg(exe && *exe, "MNEMOD is not set (meson passes the mnemod path)");
    ck_assert_msg(d->pid == 0, "mnemod is already running");
    unlink(d->port_file);
    char *argv[16];
    int n = 0;
    argv[n++] = (char *)exe;
    argv[n++] = "--listen";
    argv[n++] = (char *)listen;
    argv[n++] = "--db";
    argv[n++] = d->db;
    argv[n++] = "--port-file";
    argv[n++] = d->port_file;
    if (d->has_config) {
        argv[n++] = "--config";
        argv[n++] = d->config;
    }
    /* No model unless the test gives one: the shipped default may not exist. */
    argv[n++] = "--model";
    argv[n++] = d->model[0] ? d->model : "none";
    /* Nor a sentence encoder: an installed one would change every test's vectors. */
    argv[n++] = "--encoder";
    argv[n++] = d->encoder[0] ? d->encoder : "none";
    argv[n] = NULL;

    pid_t parent = getpid();
    pid_t pid = fork();
    ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        /* The daemon dies with the test process, whatever way that ends. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(126);
        int fd = open(d->log, O_WRONLY | O_CREAT | O_APPEND, 0644);
        int in = open("/dev/null", O_RDONLY);
        if (fd < 0 || in < 0)
            _exit(126);
        dup2(in, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        signal(SIGPIPE, SIG_DFL);
        if (d->fsize_limit > 0) {
            struct rlimit rl = {(rlim_t)d->fsize_limit, (rlim_t)d->fsize_limit};
            if (setrlimit(RLIMIT_FSIZE, &rl))
                _exit(126);
        }
        if (d->run_as) {
            if (setgroups(0, NULL) || setgid(d->run_as) || setuid(d->run_as))
                _exit(126);
            prctl(PR_SET_PDEATHSIG, SIGKILL);   /* a change of uid cleared it */
        }
        execv(exe, argv);
        dprintf(2, "harness: cannot exec %s: %s\n", exe, strerror(errno));
        _exit(127);
    }
    d->pid = pid;
    d->port = 0;
}

/* Reaps d->pid when it has exited: returns 1 and fills *status, else 0. */
static int reap(h_daemon_t *d, int *status)
{
    int ws;
    pid_t r = waitpid(d->pid, &ws, WNOHANG);
    if (r != d->pid)
        return 0;
    *status = WIFEXITED(ws) ? WEXITSTATUS(ws) : WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : -1;
    d->pid = 0;
    return 1;
}

static void fail_with_log(h_daemon_t *d, const char *what)
{
    ck_abort_msg("%s (its log %s is printed at the end)", what, d->log);
}

void h_start(h_daemon_t *d)
{
    h_start_on(d, "127.0.0.1:0");
}

void h_start_on(h_daemon_t *d, const char *listen)
{
    int status;
    h_spawn(d, listen);
    double deadline = now_ms() + 60000;   /* sanitizer builds start slowly */
    while (d->port == 0) {
        if (reap(d, &status)) {
            char what[96];
            snprintf(what, sizeof what, "mnemod exited with %d before listening", status);
            fail_with_log(d, what);
        }
        char *txt = h_read_file(d->port_file, NULL);
        if (txt) {
            int port = atoi(txt);
            if (port > 0 && port < 65536 && strchr(txt, '\n'))
                d->port = port;
            free(txt);
        }
        if (d->port == 0) {
            if (now_ms() > deadline)
                fail_with_log(d, "mnemod wrote no port file within 60 s");
            sleep_ms(10);
        }
    }
    snprintf(d->base, sizeof d->base, "http://127.0.0.1:%d", d->port);
    for (;;) {
        h_resp_t r;
        h_get(d, d->probe_token[0] ? d->probe_token : NULL, "/healthz", &r);
        long st = r.status;
        h_resp_clear(&r);
        if (st == 200)
            return;
        if (reap(d, &status))
            fail_with_log(d, "mnemod exited before /healthz answered");
        if (now_ms() > deadline)
            fail_with_log(d, "mnemod never answered GET /healthz with 200");
        sleep_ms(20);
    }
}

int h_wait_exit(h_daemon_t *d, int timeout_ms)
{
    int status;
    double deadline = now_ms() + timeout_ms;
    while (d->pid > 0) {
        if (reap(d, &status))
            return status;
        if (now_ms() > deadline) {
            h_kill9(d);
            return -1;
        }
        sleep_ms(5);
    }
    return -1;
}

int h_stop(h_daemon_t *d)
{
    if (d->pid <= 0)
        return -1;
    kill(d->pid, SIGTERM);
    return h_wait_exit(d, 20000);
}

void h_kill9(h_daemon_t *d)
{
    if (d->pid <= 0)
        return;
    kill(d->pid, SIGKILL);
    waitpid(d->pid, NULL, 0);
    d->pid = 0;
}

void h_cleanup(h_daemon_t *d)
{
    h_kill9(d);
    rm_rf(d->dir);
}

char *h_log(const h_daemon_t *d)
{
    char *s = h_read_file(d->log, NULL);
    return s ? s : strdup("");
}

/* ---- HTTP -------------------------------------------------------------------- */

typedef struct body_buf {
    char *p;
    size_t len, cap;
} body_buf_t;

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    body_buf_t *b = userp;
    size_t n = size * nmemb;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return 0;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = '\0';
    return n;
}

/* Copies the value of header name (without CRLF) to out when line is that header. */
static void take_header(const char *line, size_t n, const char *name, char *out, size_t outlen)
{
    size_t k = strlen(name);
    if (n <= k + 1 || strncasecmp(line, name, k) != 0 || line[k] != ':')
        return;
    const char *v = line + k + 1;
    size_t vn = n - k - 1;
    while (vn && (*v == ' ' || *v == '\t'))
        v++, vn--;
    while (vn && (v[vn - 1] == '\r' || v[vn - 1] == '\n' || v[vn - 1] == ' '))
        vn--;
    snprintf(out, outlen, "%.*s", (int)vn, v);
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userp)
{
    h_resp_t *r = userp;
    size_t n = size * nmemb;
    take_header(data, n, "Content-Type", r->content_type, sizeof r->content_type);
    take_header(data, n, "Allow", r->allow, sizeof r->allow);
    take_header(data, n, "Retry-After", r->retry_after, sizeof r->retry_after);
    return n;
}

static int request(const h_daemon_t *d, const char *method, const char *path,
                   const char *token, const char *extra_header, const char *ctype,
                   const char *body, size_t len, h_resp_t *r)
{
    memset(r, 0, sizeof *r);
    body_buf_t b = {0};
    char url[4096], auth[512], ct[256];
    struct curl_slist *hdr = NULL;
    CURL *c = curl_easy_init();
    if (!c) {
        snprintf(r->error, sizeof r->error, "curl_easy_init failed");
        r->body = strdup("");
        return -1;
    }
    snprintf(url, sizeof url, "%s%s", d->base, path);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    /* a guard against a hung daemon, not a measure: a request queued behind a
     * 100,000-line import under the sanitizers on a loaded machine waits minutes
     * (each test's own meson timeout bounds the whole) */
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 300L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
    /* Sends the path's bytes as given (tests put odd bytes there on purpose). */
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
    hdr = curl_slist_append(hdr, "Expect:");
    if (token) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
        hdr = curl_slist_append(hdr, auth);
    }
    if (extra_header)
        hdr = curl_slist_append(hdr, extra_header);
    if (ctype) {
        snprintf(ct, sizeof ct, "Content-Type: %s", ctype);
        hdr = curl_slist_append(hdr, ct);
    } else {
        hdr = curl_slist_append(hdr, "Content-Type:");   /* curl adds none then */
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
    int wants_body = strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0 ||
                     strcmp(method, "PATCH") == 0;
    if (strcmp(method, "GET") == 0 && !body) {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else if (strcmp(method, "HEAD") == 0) {
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    } else {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        if (body || wants_body) {
            curl_easy_setopt(c, CURLOPT_POSTFIELDS, body ? body : "");
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(body ? len : 0));
        }
    }
    CURLcode cr = curl_easy_perform(c);
    if (cr == CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    } else {
        snprintf(r->error, sizeof r->error, "%s %s: %s", method, path, curl_easy_strerror(cr));
        r->status = 0;
    }
    curl_slist_free_all(hdr);
    curl_easy_cleanup(c);
    r->body = b.p ? b.p : strdup("");
    r->len = b.len;
    if (r->status && r->len)
        r->json = json_loadb(r->body, r->len, 0, NULL);
    return r->status ? 0 : -1;
}

int h_request(const h_daemon_t *d, const char *method, const char *path, const char *token,
              const char *ctype, const char *body, size_t len, h_resp_t *r)
{
    return request(d, method, path, token, NULL, ctype, body, len, r);
}

int h_request_header(const h_daemon_t *d, const char *method, const char *path,
                     const char *header, h_resp_t *r)
{
    return request(d, method, path, NULL, header, NULL, NULL, 0, r);
}

int h_get(const h_daemon_t *d, const char *token, const char *path, h_resp_t *r)
{
    return h_request(d, "GET", path, token, NULL, NULL, 0, r);
}

int h_send(const h_daemon_t *d, const char *method, const char *token, const char *path,
           json_t *body, h_resp_t *r)
{
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    json_decref(body);
    int rc = h_request(d, method, path, token, text ? "application/json" : NULL, text,
                       text ? strlen(text) : 0, r);
    free(text);
    return rc;
}

void h_resp_clear(h_resp_t *r)
{
    json_decref(r->json);
    free(r->body);
    memset(r, 0, sizeof *r);
}

const char *h_error_code(const h_resp_t *r)
{
    const char *c = json_string_value(json_object_get(json_object_get(r->json, "error"), "code"));
    return c ? c : "";
}

int64_t h_create(const h_daemon_t *d, const char *token, const char *user, const char *text)
{
    h_resp_t r;
    json_t *body = json_pack("{s:s}", "text", text);
    if (user)
        json_object_set_new(body, "user", json_string(user));
    h_send(d, "POST", token, "/v1/memories", body, &r);
    int64_t id = -1;
    if (r.status == 201 && json_is_integer(json_object_get(r.json, "id")))
        id = json_integer_value(json_object_get(r.json, "id"));
    else
        fprintf(stderr, "h_create: %ld %s%s\n", r.status, r.body, r.error);
    h_resp_clear(&r);
    return id;
}

json_t *h_list_all(const h_daemon_t *d, const char *token, const char *query)
{
    json_t *all = json_array();
    char *cursor = NULL;
    for (int page = 0; page < 100000; page++) {
        char path[1024];
        h_resp_t r;
        snprintf(path, sizeof path, "/v1/memories?%s%s%s", query, cursor ? "&cursor=" : "",
                 cursor ? cursor : "");
        free(cursor);
        cursor = NULL;
        h_get(d, token, path, &r);
        h_assert_reply(&r, 200, NULL);
        json_t *mems = json_object_get(r.json, "memories");
        ck_assert_msg(json_is_array(mems), "no \"memories\" array: %s", r.body);
        json_array_extend(all, mems);
        json_t *next = json_object_get(r.json, "next_cursor");
        ck_assert_msg(next && (json_is_null(next) || json_is_string(next)),
                      "next_cursor must be a string or null: %s", r.body);
        if (json_is_string(next))
            cursor = h_escape(json_string_value(next));
        h_resp_clear(&r);
        if (!cursor)
            return all;
    }
    ck_abort_msg("listing never ended");
    return NULL;
}

json_t *h_search(const h_daemon_t *d, const char *token, const char *query)
{
    char path[2048];
    h_resp_t r;
    snprintf(path, sizeof path, "/v1/memories?%s", query);
    h_get(d, token, path, &r);
    h_assert_reply(&r, 200, NULL);
    json_t *res = json_object_get(r.json, "results");
    ck_assert_msg(json_is_array(res), "no \"results\" array: %s", r.body);
    json_incref(res);
    h_resp_clear(&r);
    return res;
}

int h_import(const h_daemon_t *d, const char *user, const char *query, const char *body,
             size_t len, h_resp_t *r)
{
    char path[256];
    snprintf(path, sizeof path, "/v1/users/%s/import%s", user, query ? query : "");
    return h_request(d, "POST", path, NULL, "application/x-ndjson", body, len, r);
}

void h_pair_start(h_daemon_t *a, h_daemon_t *b)
{
    h_init(a, NULL);
    h_init(b, NULL);
    h_start(a);
    h_start(b);
}

void h_pair_stop(h_daemon_t *a, h_daemon_t *b)
{
    if (a->pid) ck_assert_int_eq(h_stop(a), 0);
    if (b->pid) ck_assert_int_eq(h_stop(b), 0);
    h_cleanup(a);
    h_cleanup(b);
}

json_t *h_export(const h_daemon_t *d, const char *token, const char *user)
{
    char path[512];
    h_resp_t r;
    char *u = h_escape(user);
    snprintf(path, sizeof path, "/v1/users/%s/export", u);
    free(u);
    h_get(d, token, path, &r);
    h_assert_reply(&r, 200, NULL);
    ck_assert_msg(strncmp(r.content_type, "application/x-ndjson", 20) == 0,
                  "export Content-Type is '%s'", r.content_type);
    json_t *all = json_array();
    char *line = r.body;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n > 0) {
            json_error_t je;
            json_t *m = json_loadb(line, n, 0, &je);
            ck_assert_msg(json_is_object(m), "export line is not a JSON object (%s): %.*s",
                          je.text, (int)n, line);
            json_array_append_new(all, m);
        }
        line = nl ? nl + 1 : NULL;
    }
    h_resp_clear(&r);
    return all;
}

int64_t h_id(const json_t *m)
{
    const json_t *id = json_object_get(m, "id");
    return json_is_integer(id) ? json_integer_value(id) : -1;
}

char *h_escape(const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = malloc(strlen(s) * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~') {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = '\0';
    return out;
}

/* ---- child processes --------------------------------------------------------- */

/* A temporary file for a child's output: an fd already unlinked from its name. */
static int temp_fd(void)
{
    const char *tmp = getenv("TMPDIR");
    char path[256];
    snprintf(path, sizeof path, "%s/mnemo-it-out-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path);
    return fd;
}

static char *read_fd(int fd)
{
    off_t n = lseek(fd, 0, SEEK_END);
    char *buf = malloc(n > 0 ? (size_t)n + 1 : 1);
    size_t got = 0;
    if (!buf)
        return NULL;
    lseek(fd, 0, SEEK_SET);
    while (n > 0 && got < (size_t)n) {
        ssize_t k = read(fd, buf + got, (size_t)n - got);
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    buf[got] = '\0';
    return buf;
}

int h_node_client(const char *who, const char *package, char *node, size_t nlen, char *dir,
                  size_t dlen)
{
    const char *n = getenv("MNEMO_NODE"), *d = getenv("MNEMO_NODE_DIR");
    char pkg[1024];
    snprintf(pkg, sizeof pkg, "%s/node_modules/%s/package.json", d ? d : "", package);
    if (!n || !*n || access(n, X_OK) || !d || !*d || access(pkg, R_OK)) {
        fprintf(stderr, "%s: skipped: no node or no %s (scripts/setup.sh installs them)\n",
                who, pkg);
        return H_SKIP;
    }
    snprintf(node, nlen, "%s", n);
    snprintf(dir, dlen, "%s", d);
    return 0;
}

int h_run(char *const argv[], char *const env[], const char *in_file, char **out, char **err)
{
    int fo = temp_fd(), fe = temp_fd();
    ck_assert_msg(fo >= 0 && fe >= 0, "cannot create temporary files");
    pid_t pid = fork();
    ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        int in = open(in_file ? in_file : "/dev/null", O_RDONLY);
        if (in < 0)
            _exit(126);
        dup2(in, 0);
        dup2(fo, 1);
        dup2(fe, 2);
        for (size_t i = 0; env && env[i]; i++)
            putenv(env[i]);
        signal(SIGPIPE, SIG_DFL);
        execv(argv[0], argv);
        dprintf(2, "cannot exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int ws;
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
        ;
    *out = read_fd(fo);
    *err = read_fd(fe);
    close(fo);
    close(fe);
    return WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
}

int h_run_suite(Suite *s)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(root_dir, sizeof root_dir, "%s/mnemo-it-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(root_dir)) {
        fprintf(stderr, "mkdtemp %s: %s\n", root_dir, strerror(errno));
        return EXIT_FAILURE;
    }
    /* Daemons orphaned by a failed test are re-parented here and reaped below. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    signal(SIGPIPE, SIG_IGN);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    curl_global_cleanup();
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
    if (failed)
        nftw(root_dir, dump_one, 16, FTW_PHYS);
    rm_rf(root_dir);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* ---- raw HTTP on a socket --------------------------------------------------------- */

/* Sends all of s; 0, or -1 once the server has closed. */
int h_raw_send(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
        if (w <= 0) return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads until the server closes the connection: 1 when it did, 0 when 30 s passed
 * first. What came is in buf. */
int h_raw_read_to_close(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    for (;;) {
        ssize_t r = recv(fd, buf + len, cap - 1 - len, 0);
        if (r > 0) {
            len += (size_t)r;
            if (len == cap - 1) len = 0;
            continue;
        }
        buf[len] = '\0';
        if (r == 0 || errno == ECONNRESET) return 1;
        if (errno == EINTR) continue;
        return 0;
    }
}

int h_raw_status(const char *reply)
{
    int st = 0;
    sscanf(reply, "HTTP/1.%*d %d", &st);
    return st;
}

/* One reply with a Content-Length body on a kept-alive connection into buf (cut at
 * cap - 1 bytes); its status, or 0 when the connection closed first. */
int h_raw_read_reply(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    char *end = NULL;
    buf[0] = '\0';
    while (!(end = strstr(buf, "\r\n\r\n"))) {
        ssize_t r = recv(fd, buf + len, 1, 0);     /* a byte at a time: no more than one reply */
        if (r <= 0) return 0;
        len += (size_t)r;
        buf[len] = '\0';
        ck_assert_uint_lt(len, cap - 1);
    }
    size_t head = (size_t)(end + 4 - buf), body = 0;
    for (const char *p = buf; p < end; p++)     /* its Content-Length, any case */
        if (!strncasecmp(p, "\r\nContent-Length:", 17)) body = strtoul(p + 17, NULL, 10);
    size_t want = head + body < cap - 1 ? head + body : cap - 1;   /* a longer body: cut */
    while (len < want) {
        ssize_t r = recv(fd, buf + len, want - len, 0);
        if (r <= 0) return 0;
        len += (size_t)r;
    }
    buf[len] = '\0';
    return h_raw_status(buf);
}
