/* dbfile.c: the lock that keeps a second mnemod off a database, and the check that the
 * database file is still the one the store opened (dbfile.h). */
#include "daemon/dbfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct dbfile {
    char *path;         /* the database */
    char *lock_path;    /* path + ".lock" */
    int fd;             /* the lock file, -1 when none is taken */
    int remembered;
    dev_t dev;
    ino_t ino;
};

void dbfile_release(dbfile_t *f)
{
    if (!f) return;
    if (f->fd >= 0) close(f->fd);   /* closing drops the flock */
    free(f->path);
    free(f->lock_path);
    free(f);
}

/* The pid another mnemod wrote into the lock file, or 0. */
static long holder_pid(int fd)
{
    char buf[32] = "";
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    buf[n] = '\0';
    return strtol(buf, NULL, 10);
}

dbfile_t *dbfile_lock(const char *db, char *err, size_t errlen)
{
    dbfile_t *f = calloc(1, sizeof *f);
    if (!f) goto oom;
    f->fd = -1;
    if (!(f->path = strdup(db))) goto oom;
    if (!strcmp(db, ":memory:") || !strncmp(db, "file:", 5)) return f;
    size_t n = strlen(db) + sizeof ".lock";
    if (!(f->lock_path = malloc(n))) goto oom;
    snprintf(f->lock_path, n, "%s.lock", db);

    f->fd = open(f->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (f->fd < 0) {
        snprintf(err, errlen, "cannot open the lock file %s: %s", f->lock_path,
                 strerror(errno));
        goto fail;
    }
    if (flock(f->fd, LOCK_EX | LOCK_NB)) {
        int e = errno;
        long pid = holder_pid(f->fd);
        if (e == EWOULDBLOCK && pid > 0)
            snprintf(err, errlen, "another mnemod (pid %ld) is using the database %s (it "
                     "holds %s); stop it or give this one another --db", pid, db,
                     f->lock_path);
        else if (e == EWOULDBLOCK)
            snprintf(err, errlen, "another process is using the database %s (it holds %s); "
                     "stop it or give this one another --db", db, f->lock_path);
        else
            snprintf(err, errlen, "cannot lock %s: %s", f->lock_path, strerror(e));
        goto fail;
    }
    /* Ours now: our pid, for the message a second mnemod prints (a courtesy: the lock
     * holds without it, so a failed write is let go). */
    char pid[32];
    int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(f->fd, 0) == 0) {
        ssize_t w = pwrite(f->fd, pid, (size_t)len, 0);
        (void)w;
    }
    return f;
oom:
    snprintf(err, errlen, "out of memory");
fail:
    dbfile_release(f);
    return NULL;
}

int dbfile_remember(dbfile_t *f, char *err, size_t errlen)
{
    struct stat st;
    if (!f->lock_path) return 0;        /* in memory or a URI: nothing to watch */
    if (stat(f->path, &st)) {
        snprintf(err, errlen, "cannot stat the database %s: %s", f->path, strerror(errno));
        return -1;
    }
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->remembered = 1;
    return 0;
}

int dbfile_check(void *ctx, char *why, size_t whylen)
{
    const dbfile_t *f = ctx;
    struct stat st;
    if (!f || !f->remembered) return 0;
    if (stat(f->path, &st)) {
        if (errno != ENOENT) {
            snprintf(why, whylen, "cannot stat the database file %s: %s", f->path,
                     strerror(errno));
            return -1;
        }
        snprintf(why, whylen, "the database file %s was deleted while mnemod ran; writes are "
                 "refused (restore the file and restart mnemod)", f->path);
        return -1;
    }
    if (st.st_dev != f->dev || st.st_ino != f->ino) {
        snprintf(why, whylen, "the database file %s was replaced while mnemod ran; writes are "
                 "refused (restart mnemod to open the new file)", f->path);
        return -1;
    }
    return 0;
}
