/* faultvfs.h: for the store's tests only. An SQLite VFS shim over the default VFS that
 * counts the reads, writes and syncs of every file SQLite opens through it (database,
 * WAL, journals) and fails the Nth of the kinds armed, with the code given (SQLITE_FULL,
 * SQLITE_IOERR_WRITE ...): once, or on every call from the Nth on (a disk that stays
 * full) until disarmed. Registered as the default VFS, so store_open uses it without a
 * hook. One process, one shim: the state is global, as in SQLite's own test VFSes. */
#ifndef MNEMO_TESTS_STORE_FAULTVFS_H
#define MNEMO_TESTS_STORE_FAULTVFS_H

enum fv_kind { FV_READ = 1, FV_WRITE = 2, FV_SYNC = 4 };

/* Registers the shim as the default VFS (idempotent). 0, or an SQLite error code. */
int fv_install(void);
/* From now on, the nth call (1 = the next) of the kinds in mask fails with code; with
 * persist every later call of those kinds fails too. Counters restart at 0. */
void fv_arm(int mask, long nth, int code, int persist);
/* Stops failing; returns how many calls failed since fv_arm. */
long fv_disarm(void);
/* Calls of the armed kinds since fv_arm (or of every kind when nothing is armed). */
long fv_calls(void);

#endif
