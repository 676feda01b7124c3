/* dbfile.h: mnemod's hold on its database file. One mnemod per database: an exclusive
 * flock on DB.lock beside it, taken before the store opens the file and kept until
 * exit (SQLite's own locks, which readers such as `sqlite3 DB .dump` use, are left
 * alone). And the file the store opened stays the one at the path: if it is deleted
 * or replaced while mnemod runs, writes would land in a file nobody opens again, so
 * dbfile_check says so and the API refuses writes and readiness. */
#ifndef MNEMO_DAEMON_DBFILE_H
#define MNEMO_DAEMON_DBFILE_H

#include <stddef.h>

typedef struct dbfile dbfile_t;

/* Takes the lock of the database at db (DB.lock, created 0600 and never removed: a
 * lock file unlinked while another process waits on it would let two run). Returns the
 * hold, or NULL with err naming the file (another mnemod holds it: its pid, when it
 * wrote one). db ":memory:" and "file:" URIs take no lock. */
dbfile_t *dbfile_lock(const char *db, char *err, size_t errlen);

/* Records which file is at the path now (call it once the store has opened it). 0, or
 * -1 with err. */
int dbfile_remember(dbfile_t *f, char *err, size_t errlen);

/* The API's storage check (api_config.storage_check; ctx is the dbfile_t): 0 while the
 * path still names the file remembered, else -1 with why ("the database file X was
 * deleted while mnemod ran; ..."). Thread-safe: a stat(2) per call. */
int dbfile_check(void *ctx, char *why, size_t whylen);

/* Releases the lock (at exit, after the store is closed) and frees f; NULL is fine. */
void dbfile_release(dbfile_t *f);

#endif
