/* test_tls_proxy.c: HTTPS in front of mnemod through Debian's nginx, configured by the
 * shipped dist/nginx-mnemod.conf (the block docs/OPERATIONS.md shows) with only its
 * listen port, upstream port and certificate paths replaced. Each test makes a
 * throwaway self-signed certificate with openssl, starts the real mnemod and nginx as
 * the current user on free loopback ports (pid, logs and temporary files in the test's
 * directory), and talks to it with libcurl, verifying the certificate against that one
 * file. Skipped (77) when nginx ($MNEMO_NGINX, else /usr/sbin/nginx) or openssl is
 * missing; scripts/setup.sh installs both. */
#define _GNU_SOURCE   /* memmem */
#include "tests/integration/harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>

#define SKIP 77
#define NAME "mnemo.example.com"    /* the template's server_name; the certificate's */
#define ALICE "alice-secret-0123456789abcdef"

static char nginx[512], openssl[512], template_path[512], operations_md[512];

/* ---- the proxy ------------------------------------------------------------------ */

typedef struct proxy {
    pid_t pid;
    int port;                    /* the TLS port */
    char dir[256];               /* the test daemon's directory */
    char cert[320], key[320], error_log[320];
} proxy_t;

/* A port that was free a moment ago (nginx cannot bind 0 and tell us). */
static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t n = sizeof a;
    ck_assert_msg(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
                      getsockname(fd, (struct sockaddr *)&a, &n) == 0,
                  "cannot find a free port: %s", strerror(errno));
    close(fd);
    return ntohs(a.sin_port);
}

static int can_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int ok = fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
    if (fd >= 0) close(fd);
    return ok;
}

/* Replaces the one occurrence of from in *text with to; fails the test when from is not
 * there exactly once (the template changed under the test). */
static void replace_once(char **text, const char *from, const char *to)
{
    char *at = strstr(*text, from);
    ck_assert_msg(at && !strstr(at + 1, from), "%s: '%s' must appear exactly once",
                  template_path, from);
    size_t head = (size_t)(at - *text), fl = strlen(from), tl = strlen(to);
    size_t tail = strlen(at + fl);
    char *out = malloc(head + tl + tail + 1);
    ck_assert_ptr_nonnull(out);
    memcpy(out, *text, head);
    memcpy(out + head, to, tl);
    memcpy(out + head + tl, at + fl, tail + 1);
    free(*text);
    *text = out;
}

/* A self-signed certificate for NAME in dir (cert.pem, key.pem). */
static void make_cert(proxy_t *px)
{
    snprintf(px->cert, sizeof px->cert, "%s/cert.pem", px->dir);
    snprintf(px->key, sizeof px->key, "%s/key.pem", px->dir);
    char *argv[] = {openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
                    "/CN=" NAME, "-addext", "subjectAltName=DNS:" NAME, "-keyout", px->key,
                    "-out", px->cert, NULL};
    char *out = NULL, *err = NULL;
    int st = h_run(argv, NULL, NULL, &out, &err);
    ck_assert_msg(st == 0, "openssl req exited with %d: %s%s", st, out, err);
    free(out);
    free(err);
}

static char *tail_of(const char *path)
{
    char *s = h_read_file(path, NULL);
    if (!s) return strdup("(no log)");
    size_t n = strlen(s);
    if (n > 2000) memmove(s, s + n - 2000, 2001);
    return s;
}

/* Writes the filled template and nginx's main config around it, then starts nginx in
 * the foreground; returns 0 once its port accepts, -1 when nginx exited (a port taken
 * meanwhile: the caller tries another). */
static int try_start(proxy_t *px, int upstream_port)
{
    char path[320], buf[512];
    size_t len;
    char *conf = h_read_file(template_path, &len);
    ck_assert_msg(conf != NULL, "cannot read %s", template_path);
    px->port = free_port();
    snprintf(buf, sizeof buf, "listen 127.0.0.1:%d ssl;", px->port);
    replace_once(&conf, "listen 443 ssl;", buf);
    snprintf(buf, sizeof buf, "server 127.0.0.1:%d;", upstream_port);
    replace_once(&conf, "server 127.0.0.1:8420;", buf);
    replace_once(&conf, "/etc/ssl/mnemo/fullchain.pem", px->cert);
    replace_once(&conf, "/etc/ssl/mnemo/privkey.pem", px->key);
    snprintf(path, sizeof path, "%s/mnemod-site.conf", px->dir);
    ck_assert_int_eq(h_write_file(path, conf, strlen(conf)), 0);
    free(conf);

    /* Debian's nginx.conf gives the http block; these are the parts a user's run needs:
     * everything nginx writes stays in the test's directory. Workers of a root master
     * would run as nobody and could not write there. */
    const char *d = px->dir;
    char main_conf[4096];
    snprintf(main_conf, sizeof main_conf,
             "%s"
             "worker_processes 1;\n"
             "daemon off;\n"
             "pid %s/nginx.pid;\n"
             "error_log %s/nginx-error.log notice;\n"
             "events { worker_connections 128; }\n"
             "http {\n"
             "    access_log %s/nginx-access.log;\n"
             "    client_body_temp_path %s/nginx-body;\n"
             "    proxy_temp_path %s/nginx-proxy;\n"
             "    fastcgi_temp_path %s/nginx-fastcgi;\n"
             "    uwsgi_temp_path %s/nginx-uwsgi;\n"
             "    scgi_temp_path %s/nginx-scgi;\n"
             "    include %s;\n"
             "}\n",
             geteuid() == 0 ? "user root;\n" : "", d, d, d, d, d, d, d, d, path);
    char main_path[320];
    snprintf(main_path, sizeof main_path, "%s/nginx.conf", d);
    ck_assert_int_eq(h_write_file(main_path, main_conf, strlen(main_conf)), 0);
    snprintf(px->error_log, sizeof px->error_log, "%s/nginx-error.log", d);

    pid_t parent = getpid();
    pid_t pid = fork();
    ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);   /* nginx's master dies with the test */
        if (getppid() != parent) _exit(126);
        int fd = open(px->error_log, O_WRONLY | O_CREAT | O_APPEND, 0644);
        int in = open("/dev/null", O_RDONLY);
        if (fd < 0 || in < 0) _exit(126);
        dup2(in, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        execl(nginx, nginx, "-p", d, "-c", main_path, "-e", px->error_log, (char *)NULL);
        _exit(127);
    }
    px->pid = pid;
    for (int i = 0; i < 1000; i++) {                 /* 10 s */
        int ws;
        if (waitpid(pid, &ws, WNOHANG) == pid) {
            px->pid = 0;
            char *log = tail_of(px->error_log);
            int taken = strstr(log, "Address already in use") != NULL;
            if (!taken) ck_abort_msg("nginx exited at start:\n%s", log);
            free(log);
            return -1;
        }
        if (can_connect(px->port)) return 0;
        struct timespec ts = {0, 10000000L};
        nanosleep(&ts, NULL);
    }
    char *log = tail_of(px->error_log);
    ck_abort_msg("nginx did not listen on port %d within 10 s:\n%s", px->port, log);
    return -1;
}

/* nginx in front of 127.0.0.1:upstream_port, its files in dir. */
static void proxy_start(proxy_t *px, const char *dir, int upstream_port)
{
    memset(px, 0, sizeof *px);
    snprintf(px->dir, sizeof px->dir, "%s", dir);
    make_cert(px);
    for (int tries = 0; tries < 5; tries++)
        if (try_start(px, upstream_port) == 0) return;
    ck_abort_msg("nginx found no free port in 5 tries");
}

/* Fast shutdown (SIGTERM), and reap. */
static void proxy_stop(proxy_t *px)
{
    if (px->pid <= 0) return;
    kill(px->pid, SIGTERM);
    waitpid(px->pid, NULL, 0);
    px->pid = 0;
}

/* mnemod (with the shipped model when model is set, tokens when config says so) and
 * nginx in front of it. */
static void start_both(h_daemon_t *d, proxy_t *px, const char *config, int model)
{
    h_init(d, config);
    if (model) {
        const char *m = getenv("MNEMO_SHIPPED_MODEL");
        ck_assert_msg(m && access(m, R_OK) == 0, "MNEMO_SHIPPED_MODEL is not readable");
        snprintf(d->model, sizeof d->model, "%s", m);
    }
    h_start(d);
    proxy_start(px, d->dir, d->port);
}

static void stop_both(h_daemon_t *d, proxy_t *px)
{
    proxy_stop(px);
    ck_assert_int_eq(h_stop(d), 0);
    h_cleanup(d);
}

/* ---- HTTPS through libcurl ------------------------------------------------------ */

typedef struct tls_resp {
    long status;
    char *body;                  /* malloc'd, NUL-terminated */
    size_t len, cap;
    json_t *json;
    char content_type[128];
    CURLcode rc;
    char error[CURL_ERROR_SIZE];
    /* set by the caller: called after each piece of body arrives */
    void (*on_piece)(struct tls_resp *r, void *arg);
    void *arg;
} tls_resp_t;

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    tls_resp_t *r = userp;
    size_t n = size * nmemb;
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 4096;
        while (cap < r->len + n + 1) cap *= 2;
        char *p = realloc(r->body, cap);
        if (!p) return 0;
        r->body = p;
        r->cap = cap;
    }
    memcpy(r->body + r->len, data, n);
    r->len += n;
    r->body[r->len] = '\0';
    if (r->on_piece) r->on_piece(r, r->arg);
    return n;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userp)
{
    tls_resp_t *r = userp;
    size_t n = size * nmemb;
    if (n > 13 && !strncasecmp(data, "Content-Type:", 13)) {
        size_t v = 13;
        while (v < n && data[v] == ' ') v++;
        size_t e = n;
        while (e > v && (data[e - 1] == '\r' || data[e - 1] == '\n')) e--;
        snprintf(r->content_type, sizeof r->content_type, "%.*s", (int)(e - v), data + v);
    }
    return n;
}

/* One request to scheme://NAME:port/path (NAME resolved to 127.0.0.1). ca: the file the
 * server's certificate must chain to (NULL: libcurl's default, the system's CAs).
 * header may be NULL. r->on_piece and r->arg are kept; the rest is filled. */
static void tls_request(const proxy_t *px, const char *scheme, const char *ca,
                        const char *method, const char *path, const char *header,
                        const char *body, size_t len, tls_resp_t *r)
{
    void (*piece)(tls_resp_t *, void *) = r->on_piece;
    void *arg = r->arg;
    memset(r, 0, sizeof *r);
    r->on_piece = piece;
    r->arg = arg;
    char url[512], resolve[128];
    snprintf(url, sizeof url, "%s://" NAME ":%d%s", scheme, px->port, path);
    snprintf(resolve, sizeof resolve, NAME ":%d:127.0.0.1", px->port);
    struct curl_slist *rs = curl_slist_append(NULL, resolve), *hdr = NULL;
    hdr = curl_slist_append(hdr, "Expect:");
    if (body) hdr = curl_slist_append(hdr, "Content-Type: application/json");
    if (header) hdr = curl_slist_append(hdr, header);
    CURL *c = curl_easy_init();
    ck_assert_ptr_nonnull(c);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_RESOLVE, rs);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, r->error);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (ca) curl_easy_setopt(c, CURLOPT_CAINFO, ca);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    }
    r->rc = curl_easy_perform(c);
    if (r->rc == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
    curl_easy_cleanup(c);
    curl_slist_free_all(rs);
    curl_slist_free_all(hdr);
    if (!r->body) r->body = strdup("");
    if (r->status && r->len) r->json = json_loadb(r->body, r->len, 0, NULL);
}

static void https(const proxy_t *px, const char *method, const char *path, const char *header,
                  const char *body, tls_resp_t *r)
{
    tls_request(px, "https", px->cert, method, path, header, body, body ? strlen(body) : 0, r);
    ck_assert_msg(r->rc == CURLE_OK, "%s %s over TLS: %s (%s)", method, path,
                  curl_easy_strerror(r->rc), r->error);
}

static void tls_clear(tls_resp_t *r)
{
    json_decref(r->json);
    free(r->body);
    memset(r, 0, sizeof *r);
}

static const char *code_of(const tls_resp_t *r)
{
    const char *c = json_string_value(json_object_get(json_object_get(r->json, "error"), "code"));
    return c ? c : "";
}

/* ---- the tests -------------------------------------------------------------------- */

/* docs/OPERATIONS.md shows the shipped file itself, line for line (indented 4). */
START_TEST(test_operations_md_shows_the_shipped_config)
{
    char *conf = h_read_file(template_path, NULL), *doc = h_read_file(operations_md, NULL);
    ck_assert_msg(conf && doc, "cannot read %s or %s", template_path, operations_md);
    size_t n = strlen(conf), k = 0;
    char *indented = malloc(n * 2 + 8);
    ck_assert_ptr_nonnull(indented);
    for (const char *line = conf; *line;) {
        const char *nl = strchr(line, '\n');
        size_t ln = nl ? (size_t)(nl - line) : strlen(line);
        if (ln) {
            memcpy(indented + k, "    ", 4);
            k += 4;
        }
        memcpy(indented + k, line, ln);
        k += ln;
        indented[k++] = '\n';
        line = nl ? nl + 1 : line + ln;
    }
    indented[k] = '\0';
    ck_assert_msg(strstr(doc, indented), "%s does not show %s as it is (indented by 4 "
                  "spaces); copy it again", operations_md, template_path);
    free(indented);
    free(conf);
    free(doc);
}
END_TEST

START_TEST(test_healthz_answers_over_a_verified_certificate)
{
    h_daemon_t d;
    proxy_t px;
    tls_resp_t r = {0};
    start_both(&d, &px, NULL, 0);
    https(&px, "GET", "/healthz", NULL, NULL, &r);
    ck_assert_msg(r.status == 200 && r.json &&
                      !strcmp(json_string_value(json_object_get(r.json, "status")), "ok"),
                  "GET /healthz through nginx: %ld %s", r.status, r.body);
    ck_assert_str_eq(r.content_type, "application/json");
    tls_clear(&r);
    /* The check is real: the system's CAs do not vouch for the throwaway certificate. */
    tls_request(&px, "https", NULL, "GET", "/healthz", NULL, NULL, 0, &r);
    ck_assert_msg(r.rc == CURLE_PEER_FAILED_VERIFICATION,
                  "an unknown certificate must be refused, got %s (%ld)",
                  curl_easy_strerror(r.rc), r.status);
    tls_clear(&r);
    stop_both(&d, &px);
}
END_TEST

/* Without tokens mnemod wants a loopback Host: the client's (mnemo.example.com) is
 * replaced by the proxy, so a turn and a recall in another conversation go through. */
START_TEST(test_a_chat_round_trip_through_the_proxy)
{
    h_daemon_t d;
    proxy_t px;
    tls_resp_t r = {0};
    start_both(&d, &px, NULL, 1);
    https(&px, "POST", "/v1/chat", NULL,
          "{\"user\": \"u1\", \"conversation\": \"c1\", \"message\": \"my dog is called Rex\"}",
          &r);
    ck_assert_msg(r.status == 200 && json_array_size(json_object_get(r.json, "written")) == 1,
                  "the statement: %ld %s", r.status, r.body);
    tls_clear(&r);
    https(&px, "POST", "/v1/chat", NULL,
          "{\"user\": \"u1\", \"conversation\": \"c2\", \"message\": \"what is my dog called?\"}",
          &r);
    const char *reply = json_string_value(json_object_get(r.json, "reply"));
    ck_assert_msg(r.status == 200 && reply && strstr(reply, "Rex"), "the question: %ld %s",
                  r.status, r.body);
    tls_clear(&r);
    stop_both(&d, &px);
}
END_TEST

/* With tokens (the setup for a proxy others can reach) Authorization passes through. */
START_TEST(test_tokens_pass_through_the_proxy)
{
    h_daemon_t d;
    proxy_t px;
    tls_resp_t r = {0};
    start_both(&d, &px, "token = alice:" ALICE "\n", 0);
    https(&px, "GET", "/v1/memories", NULL, NULL, &r);
    ck_assert_msg(r.status == 401 && !strcmp(code_of(&r), "unauthorized"),
                  "no token: %ld %s", r.status, r.body);
    tls_clear(&r);
    https(&px, "POST", "/v1/memories", "Authorization: Bearer " ALICE,
          "{\"text\": \"my sister lives in Lyon\"}", &r);
    ck_assert_msg(r.status == 201, "with alice's token: %ld %s", r.status, r.body);
    tls_clear(&r);
    https(&px, "GET", "/v1/memories", "Authorization: Bearer " ALICE, NULL, &r);
    ck_assert_msg(r.status == 200 && json_array_size(json_object_get(r.json, "memories")) == 1,
                  "alice's listing: %ld %s", r.status, r.body);
    tls_clear(&r);
    stop_both(&d, &px);
}
END_TEST

/* Splits an SSE body into its data: payloads (a new array of strings). */
static json_t *sse_data(const char *body)
{
    json_t *out = json_array();
    for (const char *p = body; p && *p;) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > 6 && !strncmp(p, "data: ", 6))
            json_array_append_new(out, json_stringn(p + 6, n - 6));
        p = end ? end + 2 : NULL;
    }
    return out;
}

/* stream=true through the proxy: text/event-stream, the reply in several deltas whose
 * concatenation is the turn's reply, then [DONE]. */
START_TEST(test_a_streamed_completion_arrives_as_events)
{
    h_daemon_t d;
    proxy_t px;
    tls_resp_t r = {0};
    start_both(&d, &px, NULL, 1);
    https(&px, "POST", "/v1/chat", NULL,
          "{\"user\": \"u1\", \"conversation\": \"c1\", \"message\": "
          "\"my dog is called Rex\"}", &r);
    ck_assert_int_eq(r.status, 200);
    tls_clear(&r);
    https(&px, "POST", "/v1/chat/completions", NULL,
          "{\"model\": \"mnemo\", \"user\": \"u1\", \"stream\": true, \"messages\": "
          "[{\"role\": \"user\", \"content\": \"what is my dog called?\"}]}", &r);
    ck_assert_msg(r.status == 200, "%ld %s", r.status, r.body);
    ck_assert_str_eq(r.content_type, "text/event-stream");
    json_t *ev = sse_data(r.body);
    size_t n = json_array_size(ev);
    ck_assert_msg(n >= 4, "want the role, deltas, the finish and [DONE]: %s", r.body);
    ck_assert_str_eq(json_string_value(json_array_get(ev, n - 1)), "[DONE]");
    char text[1024] = "";
    char *reply = NULL;
    int deltas = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        json_t *c = json_loads(json_string_value(json_array_get(ev, i)), 0, NULL);
        ck_assert_msg(c != NULL, "event %zu is not JSON: %s", i, r.body);
        json_t *ch = json_array_get(json_object_get(c, "choices"), 0);
        const char *piece = json_string_value(json_object_get(json_object_get(ch, "delta"),
                                                              "content"));
        if (piece && *piece) {
            strncat(text, piece, sizeof text - strlen(text) - 1);
            deltas++;
        }
        json_t *m = json_object_get(c, "mnemo");
        const char *mr = json_string_value(json_object_get(m, "reply"));
        if (mr && !reply) reply = strdup(mr);
        json_decref(c);
    }
    ck_assert_msg(deltas >= 2, "the reply should come in several deltas: %s", r.body);
    ck_assert_msg(reply && !strcmp(text, reply), "deltas '%s' != reply '%s'", text,
                  reply ? reply : "(none)");
    ck_assert_msg(strstr(reply, "Rex"), "the recall: %s", reply);
    free(reply);
    json_decref(ev);
    tls_clear(&r);
    stop_both(&d, &px);
}
END_TEST

/* ---- an upstream that holds back the end of its event stream ----------------------- */

/* A one-connection SSE server on 127.0.0.1: it sends the head and the first event, then
 * waits (up to 10 s) for the client to say that event arrived before it sends the rest.
 * mnemod writes its whole stream at once, so this is what tells whether the proxy's
 * configuration passes each event on as it comes or holds it back. */
typedef struct trickle {
    int fd, port;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int client_has_first;        /* set by the client's write callback */
    int rest_sent;               /* set by the server once it sent the rest */
} trickle_t;

static void *trickle_serve(void *arg)
{
    trickle_t *t = arg;
    int c = accept(t->fd, NULL, NULL);
    if (c < 0) return NULL;
    char req[8192];
    size_t got = 0;
    while (got < sizeof req - 1) {           /* the head and the small JSON body */
        ssize_t k = recv(c, req + got, sizeof req - 1 - got, 0);
        if (k <= 0) break;
        got += (size_t)k;
        req[got] = '\0';
        char *end = strstr(req, "\r\n\r\n");
        char *cl = strcasestr(req, "Content-Length:");
        if (end && (!cl || got >= (size_t)(end + 4 - req) + strtoul(cl + 15, NULL, 10)))
            break;
    }
    static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                               "Cache-Control: no-cache\r\nConnection: close\r\n\r\n"
                               "data: first\n\n";
    static const char rest[] = "data: second\n\ndata: [DONE]\n\n";
    if (send(c, head, sizeof head - 1, MSG_NOSIGNAL) < 0) goto out;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 10;
    pthread_mutex_lock(&t->lock);
    while (!t->client_has_first)
        if (pthread_cond_timedwait(&t->cond, &t->lock, &until) == ETIMEDOUT) break;
    t->rest_sent = 1;
    pthread_mutex_unlock(&t->lock);
    send(c, rest, sizeof rest - 1, MSG_NOSIGNAL);
out:
    close(c);
    return NULL;
}

static void first_event_seen(tls_resp_t *r, void *arg)
{
    trickle_t *t = arg;
    if (!memmem(r->body, r->len, "data: first\n\n", 13)) return;
    pthread_mutex_lock(&t->lock);
    if (!t->client_has_first && !t->rest_sent) t->client_has_first = 1;
    pthread_cond_signal(&t->cond);
    pthread_mutex_unlock(&t->lock);
}

START_TEST(test_stream_events_pass_through_unbuffered)
{
    trickle_t t = {.lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER};
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t alen = sizeof a;
    t.fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_msg(t.fd >= 0 && bind(t.fd, (struct sockaddr *)&a, sizeof a) == 0 &&
                      listen(t.fd, 4) == 0 &&
                      getsockname(t.fd, (struct sockaddr *)&a, &alen) == 0,
                  "the test upstream: %s", strerror(errno));
    t.port = ntohs(a.sin_port);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, trickle_serve, &t), 0);

    h_daemon_t d;   /* only for its directory */
    proxy_t px;
    h_init(&d, NULL);
    proxy_start(&px, d.dir, t.port);
    tls_resp_t r = {.on_piece = first_event_seen, .arg = &t};
    https(&px, "POST", "/v1/chat/completions", NULL,
          "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", &r);
    pthread_join(th, NULL);
    close(t.fd);
    ck_assert_msg(r.status == 200 && strstr(r.body, "data: [DONE]"), "%ld %s", r.status,
                  r.body);
    ck_assert_msg(t.client_has_first, "the first event reached the client only after the "
                  "upstream sent the rest: the proxy buffers the stream");
    tls_clear(&r);
    proxy_stop(&px);
    h_cleanup(&d);
}
END_TEST

/* Over max_body_bytes: mnemod's own JSON 413 (the proxy's cap is above it); over the
 * proxy's cap: nginx's 413 in the same shape. */
START_TEST(test_a_body_over_the_limit_gets_a_json_413)
{
    h_daemon_t d;
    proxy_t px;
    tls_resp_t r = {0};
    start_both(&d, &px, NULL, 0);
    size_t n = (1u << 20) + 1;   /* max_body_bytes' default, 1M, and one */
    char *big = malloc(n);
    ck_assert_ptr_nonnull(big);
    memset(big, ' ', n);
    tls_request(&px, "https", px.cert, "POST", "/v1/memories", NULL, big, n, &r);
    ck_assert_msg(r.rc == CURLE_OK, "%s", r.error);
    ck_assert_msg(r.status == 413 && !strcmp(code_of(&r), "payload_too_large") &&
                      strstr(r.body, "the limit is 1048576"),
                  "want mnemod's 413, got %ld %s", r.status, r.body);
    ck_assert_str_eq(r.content_type, "application/json");
    tls_clear(&r);
    free(big);

    n = (size_t)40 << 20;        /* past client_max_body_size (33m) */
    big = malloc(n);
    ck_assert_ptr_nonnull(big);
    memset(big, ' ', n);
    tls_request(&px, "https", px.cert, "POST", "/v1/users/u1/import", NULL, big, n, &r);
    ck_assert_msg(r.rc == CURLE_OK, "%s", r.error);
    ck_assert_msg(r.status == 413 && !strcmp(code_of(&r), "payload_too_large") &&
                      strstr(r.body, "client_max_body_size"),
                  "want the proxy's JSON 413, got %ld %s", r.status, r.body);
    tls_clear(&r);
    free(big);
    /* Both left the daemon serving. */
    https(&px, "GET", "/healthz", NULL, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    tls_clear(&r);
    stop_both(&d, &px);
}
END_TEST

/* The TLS port speaks only TLS: plain HTTP gets nginx's 400, never mnemod's answer. */
START_TEST(test_plain_http_to_the_tls_port_fails)
{
    h_daemon_t d;
    proxy_t px;
    tls_resp_t r = {0};
    start_both(&d, &px, NULL, 0);
    tls_request(&px, "http", NULL, "GET", "/healthz", NULL, NULL, 0, &r);
    ck_assert_msg(r.status != 200 && !strstr(r.body, "\"status\""),
                  "plain HTTP on the TLS port: %ld %s", r.status, r.body);
    ck_assert_msg(r.rc != CURLE_OK || r.status == 400, "want 400 or no answer, got %ld",
                  r.status);
    tls_clear(&r);
    stop_both(&d, &px);
}
END_TEST

int main(void)
{
    const char *n = getenv("MNEMO_NGINX"), *t = getenv("MNEMO_NGINX_CONF");
    const char *o = getenv("MNEMO_OPERATIONS_MD");
    snprintf(nginx, sizeof nginx, "%s", n && *n ? n : "/usr/sbin/nginx");
    snprintf(openssl, sizeof openssl, "%s", "/usr/bin/openssl");
    if (access(nginx, X_OK) || access(openssl, X_OK)) {
        fprintf(stderr, "test_tls_proxy: skipped: no %s or no %s (Debian's nginx and "
                "openssl; scripts/setup.sh installs them)\n", nginx, openssl);
        return SKIP;
    }
    if (!t || !*t || !o || !*o) {
        fprintf(stderr, "test_tls_proxy: MNEMO_NGINX_CONF and MNEMO_OPERATIONS_MD must be "
                "set (meson sets them)\n");
        return EXIT_FAILURE;
    }
    snprintf(template_path, sizeof template_path, "%s", t);
    snprintf(operations_md, sizeof operations_md, "%s", o);
    Suite *s = suite_create("tls_proxy");
    TCase *tc = tcase_create("nginx");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_operations_md_shows_the_shipped_config);
    tcase_add_test(tc, test_healthz_answers_over_a_verified_certificate);
    tcase_add_test(tc, test_a_chat_round_trip_through_the_proxy);
    tcase_add_test(tc, test_tokens_pass_through_the_proxy);
    tcase_add_test(tc, test_a_streamed_completion_arrives_as_events);
    tcase_add_test(tc, test_stream_events_pass_through_unbuffered);
    tcase_add_test(tc, test_a_body_over_the_limit_gets_a_json_413);
    tcase_add_test(tc, test_plain_http_to_the_tls_port_fails);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
