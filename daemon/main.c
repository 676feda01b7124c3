/* main.c: mnemod's life: flags, environment and config file, the database directory and
 * its lock (dbfile.c), the agent and the HTTP server, the port file, systemd notification
 * and watchdog, and a clean stop. SIGTERM and
 * SIGINT are blocked in every thread and taken here by sigwait, so nothing runs in a
 * signal handler; SIGHUP reloads the settings that can change live; SIGXFSZ is ignored
 * (a write past `ulimit -f` fails and is reported instead). Exit status: 0 after
 * a clean stop, 1 when start-up fails, 2 for a bad flag or config (a model file that
 * is missing or does not load included). */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "api/api.h"
#include "agent/agent.h"
#include "daemon/config.h"
#include "daemon/dbfile.h"
#include "daemon/log.h"
#ifdef MNEMO_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#ifndef MNEMO_VERSION
#define MNEMO_VERSION "dev"
#endif
#ifndef MNEMO_DEFAULT_CONFIG
#define MNEMO_DEFAULT_CONFIG "/etc/mnemo/mnemod.conf"
#endif

#define say log_say

static void notify(const char *state)
{
#ifdef MNEMO_HAVE_SYSTEMD
    sd_notify(0, state);
#else
    (void)state;
#endif
}

static void notifyf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void notifyf(const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    notify(msg);
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: mnemod [options]\n"
            "mnemo's daemon: a conversational memory served over HTTP (docs/API.md).\n\n"
            "  --listen HOST:PORT   address to serve on (port 0: any free port)\n"
            "  --db PATH            database file\n"
            "  --config FILE        read `key = value` settings from FILE (default\n"
            "                       " MNEMO_DEFAULT_CONFIG " when it exists; also $MNEMO_CONFIG)\n"
            "  --threads N          HTTP worker threads\n"
            "  --model FILE|none    model file (default: the installed default.mnemo); none:\n"
            "                       memories are lexical only and chat is 503\n"
            "  --encoder FILE|none  sentence encoder of the dense search leg (default: the\n"
            "                       installed senc.mnemo when it exists); none: the model's\n"
            "                       sentence vector, or the lexical sketch without a model\n"
            "  --port-file FILE     after listening, write the port to FILE (atomically)\n"
            "  --check-config       validate the configuration and exit (0 good, 2 bad)\n"
            "  --help, --version\n\n"
            "A flag sets the key of its name; the keys and their defaults are below.\n"
            "Precedence: defaults < config file < MNEMO_<KEY> environment < flags.\n"
            "Signals: SIGTERM/SIGINT drain and stop (exit 0); SIGHUP reloads the file.\n");
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
    int check;
} flags_t;

/* Returns -1 to continue, else the exit status. */
static int parse_flags(int argc, char **argv, flags_t *fl)
{
    static const struct option opts[] = {
        {"listen", required_argument, NULL, 'l'},
        {"db", required_argument, NULL, 'd'},
        {"config", required_argument, NULL, 'c'},
        {"threads", required_argument, NULL, 't'},
        {"model", required_argument, NULL, 'm'},
        {"encoder", required_argument, NULL, 'e'},
        {"port-file", required_argument, NULL, 'p'},
        {"check-config", no_argument, NULL, 'C'},
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
        case 'm': fl->key[fl->n] = "model"; fl->value[fl->n++] = optarg; break;
        case 'e': fl->key[fl->n] = "encoder"; fl->value[fl->n++] = optarg; break;
        case 'c': fl->config = optarg; break;
        case 'p': fl->port_file = optarg; break;
        case 'C': fl->check = 1; break;
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

static const char *env_get(const char *name)
{
    return getenv(name);
}

/* The config file to read: --config, else $MNEMO_CONFIG (both must exist), else the
 * default path when it exists; NULL when there is none. */
static const char *config_path(const flags_t *fl)
{
    if (fl->config) return fl->config;
    const char *env = getenv("MNEMO_CONFIG");
    if (env && *env) return env;
    if (access(MNEMO_DEFAULT_CONFIG, F_OK) == 0) return MNEMO_DEFAULT_CONFIG;
    return NULL;
}

/* Builds the configuration: defaults < file < environment < flags. Returns 0, 1 when
 * out of memory, or 2 with err naming the file, line and key (or the variable or flag). */
static int load_config(mnemod_config_t *cfg, const flags_t *fl, char *err, size_t errlen)
{
    char why[512], host[256];
    int port;
    const char *path = config_path(fl);
    if (config_init(cfg)) {
        snprintf(err, errlen, "out of memory");
        return 1;
    }
    if (path && config_load(cfg, path, err, errlen)) return 2;
    if (config_env(cfg, env_get, err, errlen)) return 2;
    for (int i = 0; i < fl->n; i++)
        if (config_set(cfg, fl->key[i], fl->value[i], why, sizeof why)) {
            snprintf(err, errlen, "--%.400s", why);
            return 2;
        }
    if (config_check(cfg, why, sizeof why)) {
        snprintf(err, errlen, "%.200s%s%.280s", path ? path : "", path ? ": " : "", why);
        return 2;
    }
    if (config_split_listen(cfg->listen, host, sizeof host, &port)) {
        snprintf(err, errlen, "listen: '%s' is not HOST:PORT", cfg->listen);
        return 2;
    }
    return 0;
}

/* The API's view of cfg. *tokens (malloc'd, borrowing cfg's strings) holds the user
 * tokens, then the admin's; free it after api_start/api_reload, which copy it. */
static int api_config_of(const mnemod_config_t *cfg, dbfile_t *db, api_config_t *ac,
                         api_token_t **tokens)
{
    size_t n = cfg->n_tokens + (cfg->admin_token != NULL);
    *tokens = calloc(n ? n : 1, sizeof **tokens);
    if (!*tokens) return -1;
    if (cfg->n_tokens) memcpy(*tokens, cfg->tokens, cfg->n_tokens * sizeof **tokens);
    if (cfg->admin_token) (*tokens)[cfg->n_tokens] = (api_token_t){cfg->admin_token, NULL};
    *ac = (api_config_t){.threads = cfg->threads, .tokens = *tokens, .n_tokens = n,
                         .limits = cfg->limits, .log_requests = cfg->log_level >= CONFIG_LOG_INFO,
                         .stop_wait_ms = cfg->shutdown_timeout * 1000u, .log = log_line,
                         .version = MNEMO_VERSION, .idle_timeout = cfg->idle_timeout,
                         .header_timeout = cfg->header_timeout,
                         .min_body_rate = cfg->min_body_rate,
                         .max_connections_per_address = cfg->max_connections_per_address,
                         .storage_check = dbfile_check, .storage_ctx = db};
    return 0;
}

/* The agent's view of cfg's limits. */
static agent_limits_t agent_limits_of(const mnemod_config_t *cfg)
{
    return (agent_limits_t){.working_memory_bytes = cfg->working_memory_bytes,
                            .max_memories_per_user = cfg->max_memories_per_user,
                            .max_conversations_per_user = cfg->max_conversations_per_user};
}

static void log_change(const char *key, int live, const char *was, const char *now, void *ctx)
{
    (void)ctx;
    if (live)
        say(CONFIG_LOG_INFO, "reload: %s: %s -> %s", key, was, now);
    else
        say(CONFIG_LOG_WARN, "reload: %s: %s -> %s needs a restart; still %s", key, was, now,
            was);
}

/* SIGHUP: builds the configuration again and applies what can change live. A bad file
 * leaves everything as it was. */
static void reload(mnemod_config_t *cfg, const flags_t *fl, api_server_t *srv, agent_t *agent,
                   dbfile_t *db)
{
    mnemod_config_t next;
    api_config_t ac;
    api_token_t *tokens = NULL;
    char err[512];
    notify("RELOADING=1");
    if (load_config(&next, fl, err, sizeof err)) {
        say(CONFIG_LOG_ERROR, "reload failed, keeping the current settings: %s", err);
        config_free(&next);
        notify("READY=1\nSTATUS=serving; the last reload failed (see the log)");
        return;
    }
    if (config_changes(cfg, &next, NULL, NULL) == 0) {
        say(CONFIG_LOG_INFO, "reload: no changes");
        config_free(&next);
        notify("READY=1");
        return;
    }
    if (api_config_of(&next, db, &ac, &tokens) || api_reload(srv, &ac, err, sizeof err)) {
        say(CONFIG_LOG_ERROR, "reload failed, keeping the current settings: %s",
            tokens ? err : "out of memory");
        config_free(&next);
        free(tokens);
        notify("READY=1");
        return;
    }
    free(tokens);
    agent_limits_t lim = agent_limits_of(&next);
    if (agent_set_limits(agent, &lim) != AGENT_OK)
        say(CONFIG_LOG_ERROR, "reload: the quotas could not be applied (the database "
            "failed); the previous ones stay");
    config_changes(cfg, &next, log_change, NULL);
    /* The keys read only at start (the table's live flag) keep their running values. */
    config_keep_start_only(&next, cfg);
    log_set_level(next.log_level);
    config_free(cfg);
    *cfg = next;
    say(CONFIG_LOG_INFO, "reloaded the configuration");
    notify("READY=1\nSTATUS=serving; configuration reloaded");
}

/* A thread that sends one sd_notify message now and then every period, until
 * ticker_stop: the watchdog's WATCHDOG=1 at half of systemd's WatchdogSec, and, while the
 * database opens (a first start after a schema upgrade of millions of memories can
 * outlast systemd's start timeout), EXTEND_TIMEOUT_USEC. */
typedef struct ticker {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop, running;
    uint64_t period_us;
    const char *msg;
} ticker_t;

static void *ticker_main(void *arg)
{
    ticker_t *t = arg;
    pthread_mutex_lock(&t->mu);
    while (!t->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        uint64_t ns = t->period_us * 1000 + (uint64_t)until.tv_nsec;
        until.tv_sec += (time_t)(ns / 1000000000u);
        until.tv_nsec = (long)(ns % 1000000000u);
        while (!t->stop && pthread_cond_timedwait(&t->cv, &t->mu, &until) != ETIMEDOUT) {}
        if (!t->stop)
            notify(t->msg);
    }
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

/* Sends msg (a static string) now, then starts t sending it every period_us. 0, or -1
 * (no thread: only the first was sent). */
static int ticker_start(ticker_t *t, uint64_t period_us, const char *msg)
{
    *t = (ticker_t){.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER,
                    .period_us = period_us, .msg = msg};
    notify(msg);
    if (pthread_create(&t->thread, NULL, ticker_main, t) != 0) return -1;
    t->running = 1;
    return 0;
}

static void ticker_stop(ticker_t *t)
{
    if (!t->running) return;
    pthread_mutex_lock(&t->mu);
    t->stop = 1;
    pthread_cond_signal(&t->cv);
    pthread_mutex_unlock(&t->mu);
    pthread_join(t->thread, NULL);
    t->running = 0;
}

static ticker_t wd;

static void watchdog_start(void)
{
#ifdef MNEMO_HAVE_SYSTEMD
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return;
    if (ticker_start(&wd, usec / 2, "WATCHDOG=1") == 0)
        say(CONFIG_LOG_INFO, "systemd watchdog: a ping every %llu ms",
            (unsigned long long)(usec / 2000));
#endif
}

static void watchdog_stop(void) { ticker_stop(&wd); }

/* While the database opens: every OPEN_TICK_S seconds, "30 seconds more" (three ticks,
 * so one late tick does not end the start). */
enum { OPEN_TICK_S = 10 };
#define OPEN_EXTEND "EXTEND_TIMEOUT_USEC=30000000"

/* The thread that sigwaits, and the handler that runs only in threads started before
 * main (OpenBLAS's): pthread_kill is async-signal-safe. */
static pthread_t main_thread;

static void forward_to_main(int sig)
{
    pthread_kill(main_thread, sig);
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
    dbfile_t *db = NULL;

    if (rc >= 0) return rc;
    if ((rc = load_config(&cfg, &fl, err, sizeof err))) {
        fprintf(stderr, "mnemod: %s\n", err);
        config_free(&cfg);
        return rc;
    }
    if (fl.check) {
        const char *path = config_path(&fl);
        printf("mnemod: configuration OK (%s)\n", path ? path : "no config file");
        config_free(&cfg);
        return 0;
    }
    log_setup(cfg.log_level, cfg.log_format);
    config_split_listen(cfg.listen, host, sizeof host, &port);

    /* Block the signals before any thread of ours exists, so every thread inherits the
     * mask and only sigwait below sees them. OpenBLAS starts its threads before main,
     * unblocked: one of them may be handed a SIGTERM while this thread is not in sigwait
     * (which would end the process at once), so the handler there only passes it on to
     * this thread, where it waits, blocked, for sigwait. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    main_thread = pthread_self();
    struct sigaction fwd = {.sa_handler = forward_to_main};
    sigfillset(&fwd.sa_mask);
    sigaction(SIGTERM, &fwd, NULL);
    sigaction(SIGINT, &fwd, NULL);
    sigaction(SIGHUP, &fwd, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* Past `ulimit -f` a write fails with EFBIG, which the store reports (and the API
     * logs with the 500), instead of the signal ending the process without a word. */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit fsize;
    if (getrlimit(RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY)
        say(CONFIG_LOG_WARN, "the file size limit (ulimit -f) is %llu bytes: writes that "
            "would grow the database past it fail", (unsigned long long)fsize.rlim_cur);
    watchdog_start();

    /* The model first: a bad model file is a bad setting (exit 2), found before the
     * database is opened and long before READY=1. */
    model_t *model = NULL;
    if (strcmp(cfg.model, "none") != 0) {
        notifyf("STATUS=loading the model %s", cfg.model);
        if (!(model = agent_model_load(cfg.model, err, sizeof err))) {
            /* model_load's reason usually starts with the path already */
            int named = strncmp(err, cfg.model, strlen(cfg.model)) == 0;
            say(CONFIG_LOG_ERROR, "cannot load the model %s%s%s (set model = none to run "
                "without one)", named ? "" : cfg.model, named ? "" : ": ", err);
            rc = 2;
            goto out;
        }
        char about[128];
        say(CONFIG_LOG_INFO, "model %s loaded (%s)", cfg.model,
            agent_model_about(model, about, sizeof about));
    } else {
        say(CONFIG_LOG_INFO, "no model (model = none): lexical memories only, chat is off");
    }
    /* The sentence encoder: a bad file is a bad setting too. The installed default may
     * be absent (a build run from its tree): then the learned half is the model's. */
    senc_t *encoder = NULL;
    if (strcmp(cfg.encoder, "none") != 0 &&
        (strcmp(cfg.encoder, config_default_encoder()) != 0 || access(cfg.encoder, F_OK) == 0)) {
        notifyf("STATUS=loading the sentence encoder %s", cfg.encoder);
        if (!(encoder = agent_encoder_load(cfg.encoder, err, sizeof err))) {
            say(CONFIG_LOG_ERROR, "cannot load the sentence encoder: %s (set encoder = none "
                "to run without one)", err);
            agent_model_free(model);
            rc = 2;
            goto out;
        }
        char about[128];
        say(CONFIG_LOG_INFO, "sentence encoder %s loaded (%s)", cfg.encoder,
            agent_encoder_about(encoder, about, sizeof about));
    } else {
        say(CONFIG_LOG_INFO, "no sentence encoder (%s): the learned half of memory vectors "
            "is the model's", strcmp(cfg.encoder, "none") == 0 ? "encoder = none"
                                                               : "the default is not installed");
    }
    rc = 1;
    notifyf("STATUS=opening the database %s", cfg.db);
    if (make_parents(cfg.db, err, sizeof err) || !(db = dbfile_lock(cfg.db, err, sizeof err))) {
        say(CONFIG_LOG_ERROR, "%s", err);
        agent_model_free(model);
        agent_encoder_free(encoder);
        goto out;
    }
    agent_config_t agc;
    agent_config_default(&agc);
    agc.db_path = cfg.db;
    agc.model = model;          /* the agent's from here on */
    agc.encoder = encoder;      /* and so is this */
    agc.chat_turns = cfg.chat_turns;
    agc.chat_memories = cfg.chat_memories;
    agc.chat_duplicate = cfg.chat_duplicate;
    agc.lexical_weight = cfg.lexical_weight;
    agc.encoder_lexical_weight = cfg.encoder_lexical_weight;
    agc.limits = agent_limits_of(&cfg);
    /* an upgrade at the first start after a new schema may take minutes: systemd is
     * asked for more time as long as it runs */
    ticker_t opening = {0};
    if (getenv("NOTIFY_SOCKET"))
        ticker_start(&opening, (uint64_t)OPEN_TICK_S * 1000000u, OPEN_EXTEND);
    agent = agent_new(&agc, err, sizeof err);
    ticker_stop(&opening);
    if (!agent) {
        say(CONFIG_LOG_ERROR, "cannot open database %s: %s", cfg.db, err);
        goto out;
    }
    if (dbfile_remember(db, err, sizeof err)) {
        say(CONFIG_LOG_ERROR, "%s", err);
        goto out;
    }

    api_config_t apic;
    if (api_config_of(&cfg, db, &apic, &tokens)) goto out;
    apic.host = host;
    apic.port = port;
    srv = api_start(&apic, agent, err, sizeof err);
    free(tokens);
    if (!srv) {
        say(CONFIG_LOG_ERROR, "%s", err);
        goto out;
    }
    if (fl.port_file && write_port_file(fl.port_file, api_port(srv), err, sizeof err)) {
        say(CONFIG_LOG_ERROR, "%s", err);
        goto out;
    }
    size_t n_tokens = cfg.n_tokens + (cfg.admin_token != NULL);
    agent_stats_t stats;
    agent_stats(agent, &stats);
    say(CONFIG_LOG_INFO, "mnemod %s listening on %s port %d; db %s (%zu memories); %u threads; %s",
        MNEMO_VERSION, host, api_port(srv), cfg.db, stats.memories,
        cfg.threads, n_tokens ? "bearer tokens required" : "no tokens: loopback only");
    /* The database is open, migrated and indexed, and the server answers: ready. */
    notifyf("READY=1\nSTATUS=serving on %s port %d", host, api_port(srv));

    for (;;) {
        int sig = 0;
        if (sigwait(&sigs, &sig)) continue;
        if (sig == SIGHUP) {
            reload(&cfg, &fl, srv, agent, db);
            continue;
        }
        say(CONFIG_LOG_INFO, "%s: stopping (waiting up to %u s for requests in flight)",
            sig == SIGTERM ? "SIGTERM" : "SIGINT", cfg.shutdown_timeout);
        break;
    }
    notify("STOPPING=1\nSTATUS=stopping: draining requests");
    rc = 0;
out:
    api_stop(srv);          /* lets requests in flight finish */
    agent_free(agent);      /* closes the database cleanly */
    dbfile_release(db);     /* then lets another mnemod have it */
    watchdog_stop();
    if (rc == 0 && fl.port_file) unlink(fl.port_file);
    if (rc == 0) say(CONFIG_LOG_INFO, "stopped");
    config_free(&cfg);
    return rc;
}
