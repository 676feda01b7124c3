/* daemon.c: the benchmarks' shared helpers (daemon.h). */
#define _XOPEN_SOURCE 700   /* nftw */
#include "bench/daemon.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

double bench_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void bench_sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

void bench_beside_self(char *buf, size_t len, const char *rel)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        snprintf(buf, len, "%s", rel);
        return;
    }
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (slash)
        *slash = '\0';
    if (snprintf(buf, len, "%s/%s", self, rel) >= (int)len)
        snprintf(buf, len, "%s", rel);
}

int bench_workdir(const char *tag, const char *given, char *dir, size_t len, int *own)
{
    *own = 0;
    if (given) {
        snprintf(dir, len, "%s", given);
        mkdir(dir, 0755);
        return 0;
    }
    const char *tmp = getenv("TMPDIR");
    /* mkdtemp's template: the Xs become a unique suffix */
    snprintf(dir, len, "%s/mnemo-%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
    if (!mkdtemp(dir)) {
        fprintf(stderr, "%s: mkdtemp: %s\n", tag, strerror(errno));
        return -1;
    }
    *own = 1;
    return 0;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    remove(path);
    return 0;
}

void bench_rmtree(const char *dir) { nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS); }

pid_t bench_spawn_mnemod(const char *tag, const char *exe, const char *model, const char *dir,
                         int *port)
{
    return bench_spawn_mnemod_conf(tag, exe, model, dir, "", 2, port);
}

pid_t bench_spawn_mnemod_conf(const char *tag, const char *exe, const char *model,
                              const char *dir, const char *conf_text, int threads, int *port)
{
    char nthreads[16];
    snprintf(nthreads, sizeof nthreads, "%d", threads);
    char db[PATH_MAX], pf[PATH_MAX], log[PATH_MAX], conf[PATH_MAX];
    snprintf(db, sizeof db, "%s/bench.db", dir);
    snprintf(pf, sizeof pf, "%s/port", dir);
    snprintf(log, sizeof log, "%s/mnemod.log", dir);
    snprintf(conf, sizeof conf, "%s/mnemod.conf", dir);
    FILE *f = fopen(conf, "w");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", tag, conf, strerror(errno));
        return -1;
    }
    fputs(conf_text, f);
    fclose(f);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        execl(exe, exe, "--listen", "127.0.0.1:0", "--db", db, "--port-file", pf, "--config",
              conf, "--model", model, "--threads", nthreads, (char *)NULL);
        dprintf(2, "cannot exec %s: %s\n", exe, strerror(errno));
        _exit(127);
    }
    for (int i = 0; i < 6000; i++) {
        if (waitpid(pid, NULL, WNOHANG) == pid) {
            fprintf(stderr, "%s: mnemod exited before listening (see %s)\n", tag, log);
            return -1;
        }
        f = fopen(pf, "r");
        if (f) {
            int ok = fscanf(f, "%d", port) == 1 && *port > 0;
            fclose(f);
            if (ok)
                return pid;
        }
        bench_sleep_ms(10);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    fprintf(stderr, "%s: mnemod wrote no port file in 60 s\n", tag);
    return -1;
}

long bench_proc_kb(pid_t pid, const char *field)
{
    char path[64], line[256];
    size_t n = strlen(field);
    long kb = -1;
    snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
    FILE *f = pid > 0 ? fopen(path, "r") : NULL;
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, field, n))
            kb = atol(line + n);
    fclose(f);
    return kb;
}

double bench_proc_cpu_s(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *f = pid > 0 ? fopen(path, "r") : NULL;
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* after the command's closing parenthesis: state is field 3, utime 14, stime 15 */
    const char *p = strrchr(buf, ')');
    unsigned long ut, st;
    if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut,
                     &st) != 2)
        return -1;
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void bench_sort(double *v, long n)
{
    if (n > 0)
        qsort(v, (size_t)n, sizeof *v, cmp_double);
}

double bench_percentile(const double *sorted, long n, double p)
{
    if (n <= 0)
        return 0.0;
    long i = (long)(p * (double)(n - 1) + 0.5);
    return sorted[i < 0 ? 0 : i >= n ? n - 1 : i];
}

void bench_lat_add(bench_lat_t *l, double ms)
{
    if (l->n == l->cap) {
        long cap = l->cap ? l->cap * 2 : 4096;
        double *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) return;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = ms;
}

int bench_has_kind(const char *list, const char *kind)
{
    size_t n = strlen(kind);
    for (const char *c = list; *c; c += strspn(c, ",")) {
        size_t len = strcspn(c, ",");
        if (len == n && !strncmp(c, kind, n)) return 1;
        c += len;
    }
    return 0;
}
