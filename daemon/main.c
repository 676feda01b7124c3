/* main.c: mnemod's life: flags and config file, the database directory, the agent and
 * the HTTP server, the port file, systemd notification, and a clean stop. SIGTERM and
 * SIGINT are blocked in every thread and taken here by sigwait, so nothing runs in a
 * signal handler. Exit status: 0 after a clean stop, 1 when start-up fails, 2 for a bad
 * flag or config. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "api/api.h"
#include "daemon/agent.h"
#include "daemon/config.h"
#ifdef MNEMO_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#ifndef MNEMO_VERSION
#define MNEMO_VERSION "dev"
#endif

static int log_level = CONFIG_LOG_INFO;     /* set once, before any thread starts */

static void say(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(int level, const char *fmt, ...)
{
    char msg[1024], when[32];
    va_list ap;
    if (level > log_level) return;
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s.%03ldZ mnemod: %s\n", when, ts.tv_nsec / 1000000, msg);
}

static void notify(const char *state)
{
#ifdef MNEMO_HAVE_SYSTEMD
    sd_notify(0, state);
#else
    (void)state;
#endif
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: mnemod [options]\n"
            "mnemo's daemon: a conversational memory served over HTTP (docs/API.md).\n\n"
            "  --listen HOST:PORT   address to serve on (default 127.0.0.1:8420; port 0: any)\n"
            "  --db PATH            database file (default ./var/mnemo.db)\n"
            "  --config FILE        read `key = value` settings from FILE\n"
            "  --threads N          HTTP worker threads (default 2)\n"
            "  --port-file FILE     after listening, write the port to FILE (atomically)\n"
            "  --help, --version\n\n"
            "Flags override the config file.\n");
    config_usage(f);
}

/* Creates the directories above path (like mkdir -p of its dirname). 0 or -1. */
static int make_parents(const char *path, char *err, size_t errlen)
{
    char *dir = strdup(path);
    int rc = 0;
    if (!dir) return -1;
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        for (char *p = dir + 1; !rc; p++) {
            if (*p != '/' && *p != '\0') continue;
            char c = *p;
            *p = '\0';
            if (mkdir(dir, 0755) && errno != EEXIST) {
                snprintf(err, errlen, "cannot create directory %s: %s", dir, strerror(errno));
                rc = -1;
            }
            *p = c;
            if (!c) break;
        }
        struct stat st;
        if (!rc && (stat(dir, &st) || !S_ISDIR(st.st_mode))) {
            snprintf(err, errlen, "%s is not a directory", dir);
            rc = -1;
        }
    }
    free(dir);
    return rc;
}

/* Writes "port\n" to path atomically: a temporary file beside it, then rename. */
static int write_port_file(const char *path, int port, char *err, size_t errlen)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid()) >= (int)sizeof tmp) {
        snprintf(err, errlen, "port file path is too long");
        return -1;
    }
    FILE *f = fopen(tmp, "w");
    if (!f || fprintf(f, "%d\n", port) < 0 || fflush(f) || fsync(fileno(f))) {
        snprintf(err, errlen, "cannot write %.300s: %s", tmp, strerror(errno));
        if (f) fclose(f);
        unlink(tmp);
        return -1;
    }
    if (fclose(f) || rename(tmp, path)) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* Flag values wait until the config file is read, then override it. */
typedef struct flags {
    const char *config, *port_file;
    const char *key[8], *value[8];
    int n;
} flags_t;

/* Returns -1 to continue, else the exit status. */
static int parse_flags(int argc, char **argv, flags_t *fl)
{
    static const struct option opts[] = {
        {"listen", required_argument, NULL, 'l'},
        {"db", required_argument, NULL, 'd'},
        {"config", required_argument, NULL, 'c'},
        {"threads", required_argument, NULL, 't'},
        {"port-file", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int ch;
    while ((ch = getopt_long(argc, argv, "l:d:c:t:p:hV", opts, NULL)) != -1) {
        switch (ch) {
        case 'l': fl->key[fl->n] = "listen"; fl->value[fl->n++] = optarg; break;
        case 'd': fl->key[fl->n] = "db"; fl->value[fl->n++] = optarg; break;
        case 't': fl->key[fl->n] = "threads"; fl->value[fl->n++] = optarg; break;
        case 'c': fl->config = optarg; break;
        case 'p': fl->port_file = optarg; break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("mnemod %s\n", MNEMO_VERSION); return 0;
        default: usage(stderr); return 2;
        }
        if (fl->n == (int)(sizeof fl->key / sizeof fl->key[0])) {
            fprintf(stderr, "mnemod: too many flags\n");
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "mnemod: unexpected argument '%s' (see --help)\n", argv[optind]);
        return 2;
    }
    return -1;
}

/* Reads the config file and applies the flags over it. 0, or 2 after a message. */
static int load_config(mnemod_config_t *cfg, const flags_t *fl)
{
    char err[512];
    if (config_init(cfg)) {
        fprintf(stderr, "mnemod: out of memory\n");
        return 1;
    }
    if (fl->config && config_load(cfg, fl->config, err, sizeof err)) {
        fprintf(stderr, "mnemod: %s\n", err);
        return 2;
    }
    for (int i = 0; i < fl->n; i++)
        if (config_set(cfg, fl->key[i], fl->value[i], err, sizeof err)) {
            fprintf(stderr, "mnemod: --%s\n", err);
            return 2;
        }
    if (config_check(cfg, err, sizeof err)) {
        fprintf(stderr, "mnemod: %s%s%s\n", fl->config ? fl->config : "", fl->config ? ": " : "",
                err);
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    flags_t fl = {0};
    mnemod_config_t cfg;
    char err[512] = "", host[256];
    int port, rc = parse_flags(argc, argv, &fl);
    agent_t *agent = NULL;
    api_server_t *srv = NULL;
    api_token_t *tokens = NULL;

    if (rc >= 0) return rc;
    if ((rc = load_config(&cfg, &fl))) {
        config_free(&cfg);
        return rc;
    }
    log_level = cfg.log_level;
    if (config_split_listen(cfg.listen, host, sizeof host, &port)) {
        fprintf(stderr, "mnemod: listen: '%s' is not HOST:PORT\n", cfg.listen);
        config_free(&cfg);
        return 2;
    }

    /* Block the stop signals before any thread exists, so every thread inherits the
     * mask and only sigwait below sees them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    rc = 1;
    if (make_parents(cfg.db, err, sizeof err)) {
        say(CONFIG_LOG_ERROR, "%s", err);
        goto out;
    }
    agent_config_t ac = {.db_path = cfg.db};
    agent = agent_new(&ac, err, sizeof err);
    if (!agent) {
        say(CONFIG_LOG_ERROR, "cannot open database %s: %s", cfg.db, err);
        goto out;
    }

    /* The API takes one token list: the user tokens, then the admin's. */
    size_t n_tokens = cfg.n_tokens + (cfg.admin_token != NULL);
    tokens = calloc(n_tokens ? n_tokens : 1, sizeof *tokens);
    if (!tokens) goto out;
    if (cfg.n_tokens) memcpy(tokens, cfg.tokens, cfg.n_tokens * sizeof *tokens);
    if (cfg.admin_token) tokens[cfg.n_tokens] = (api_token_t){cfg.admin_token, NULL};

    api_config_t apic = {.host = host, .port = port, .threads = cfg.threads, .tokens = tokens,
                         .n_tokens = n_tokens, .limits = cfg.limits,
                         .log_requests = cfg.log_level >= CONFIG_LOG_INFO};
    srv = api_start(&apic, agent, err, sizeof err);
    if (!srv) {
        say(CONFIG_LOG_ERROR, "%s", err);
        goto out;
    }
    if (fl.port_file && write_port_file(fl.port_file, api_port(srv), err, sizeof err)) {
        say(CONFIG_LOG_ERROR, "%s", err);
        goto out;
    }
    say(CONFIG_LOG_INFO, "mnemod %s listening on %s port %d; db %s (%zu memories); %u threads; %s",
        MNEMO_VERSION, host, api_port(srv), cfg.db, store_memory_count(agent_store(agent)),
        cfg.threads, n_tokens ? "bearer tokens required" : "no tokens: loopback only");
    notify("READY=1");

    for (;;) {
        int sig = 0;
        if (sigwait(&stop, &sig)) continue;
        if (sig == SIGHUP) {
            say(CONFIG_LOG_WARN, "SIGHUP: reloading is not supported; ignored");
            continue;
        }
        say(CONFIG_LOG_INFO, "%s: stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
        break;
    }
    notify("STOPPING=1");
    rc = 0;
out:
    api_stop(srv);          /* lets requests in flight finish */
    agent_free(agent);      /* closes the database cleanly */
    if (rc == 0 && fl.port_file) unlink(fl.port_file);
    if (rc == 0) say(CONFIG_LOG_INFO, "stopped");
    free(tokens);
    config_free(&cfg);
    return rc;
}
