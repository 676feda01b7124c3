/* daemon.h: what the HTTP benchmarks (bench-ingest, bench-chat, bench-load, bench-attack)
 * share: a clock, a work folder, starting build/daemon/mnemod on a free loopback port with
 * an empty config, what a started daemon holds, latency lists and their percentiles. */
#ifndef MNEMO_BENCH_DAEMON_H
#define MNEMO_BENCH_DAEMON_H

#include <stddef.h>
#include <sys/types.h>

double bench_now_s(void);               /* monotonic seconds */
void bench_sleep_ms(int ms);

/* rel resolved beside this binary (<build>/bench/x): "../daemon/mnemod" gives the built
 * daemon; rel itself when the binary's path is unknown. */
void bench_beside_self(char *buf, size_t len, const char *rel);

/* The work folder: `given` (created if absent) or a fresh one under $TMPDIR named after
 * tag (*own = 1: remove it with bench_rmtree). 0, or -1 with a message printed. */
int bench_workdir(const char *tag, const char *given, char *dir, size_t len, int *own);
void bench_rmtree(const char *dir);

/* Starts exe in dir on 127.0.0.1:0 with dir/bench.db, an empty config (no tokens, nothing
 * from /etc), 2 threads and --model model ("none" for lexical memories only), and waits
 * up to 60 s for its port. Returns the pid (port in *port) or -1 with a message printed
 * (its log is dir/mnemod.log). It dies with the benchmark. */
pid_t bench_spawn_mnemod(const char *tag, const char *exe, const char *model, const char *dir,
                         int *port);
/* The same with conf_text as its config file (mnemod.conf lines) and threads workers. */
pid_t bench_spawn_mnemod_conf(const char *tag, const char *exe, const char *model,
                              const char *dir, const char *conf_text, int threads, int *port);

/* kB of a field of /proc/<pid>/status ("VmRSS:", "VmHWM:"), -1 when unknown (pid <= 0,
 * the process gone, no such field). */
long bench_proc_kb(pid_t pid, const char *field);

/* CPU seconds pid has used so far (user + system, all its threads, from /proc/<pid>/stat
 * in clock ticks), -1 when unknown. Beside a latency it says how much of a request was
 * work and how much was waiting (for a core, for the disk), which a shared machine
 * makes noisy. */
double bench_proc_cpu_s(pid_t pid);

/* Sorts v[0..n) ascending; the p-quantile (0..1) of a sorted array, 0 when empty. */
void bench_sort(double *v, long n);
double bench_percentile(const double *sorted, long n, double p);
/* Latencies in ms as they come: bench_lat_add appends (the array doubles from 4,096; a
 * sample that cannot be kept is dropped); v is malloc'd, the caller frees it. */
typedef struct bench_lat {
    double *v;
    long n, cap;
} bench_lat_t;
void bench_lat_add(bench_lat_t *l, double ms);
/* 1 when the comma-separated list (a -k option: "chat,search") names kind. */
int bench_has_kind(const char *list, const char *kind);

#endif
