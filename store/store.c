/* store.c: opening and closing the store (a private database file, connection, schema,
 * prepared statements, the index loaded from every current memory), the helpers the
 * other store files share, and the observability counters. */
#define _GNU_SOURCE     /* pthread_rwlockattr_setkind_np, below */
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store_internal.h"

/* The prepared statements, in enum store_stmt order. */
static const char *const stmt_sql[S_COUNT] = {
    [S_BEGIN] = "BEGIN IMMEDIATE",
    [S_BEGIN_READ] = "BEGIN",
    [S_COMMIT] = "COMMIT",
    [S_ROLLBACK] = "ROLLBACK",
    [S_MEM_INSERT] =
        "INSERT INTO memories (id, user, conversation, text, vec, dim, encoder, created_ms,"
        " updated_ms, use_count, importance, holder, relation, value) VALUES ("
        " coalesce(?1, (SELECT max(v, coalesce((SELECT max(id) FROM memories), 0)) + 1"
        "  FROM memory_id_floor)), ?2, ?3,"
        " ?4, ?5, ?6, ?7, ?8, ?8, 0, ?9, ?10, ?11, ?12)",
    [S_MEM_GET] = "SELECT " STORE_MEM_COLS " FROM memories WHERE id = ?1",
    [S_MEM_VEC] = "SELECT dim, vec FROM memories WHERE id = ?1",
    [S_MEM_EXISTS] = "SELECT 1 FROM memories WHERE id = ?1",
    [S_MEM_UPDATE] =
        "UPDATE memories SET text = coalesce(?2, text), vec = coalesce(?3, vec),"
        " dim = coalesce(?4, dim), encoder = coalesce(?5, encoder),"
        " importance = coalesce(?6, importance), updated_ms = ?7 WHERE id = ?1",
    [S_MEM_SUPERSEDE] =
        "UPDATE memories SET superseded_by = ?2, updated_ms = ?3 WHERE id = ?1",
    [S_MEM_DELETE] = "DELETE FROM memories WHERE id = ?1",
    [S_MEM_TOUCH] =
        "UPDATE memories SET use_count = use_count + 1, last_used_ms = ?2 WHERE id = ?1",
    [S_MEM_LIST] =
        "SELECT " STORE_MEM_COLS " FROM memories WHERE user = ?1 AND id < ?2"
        " AND (?3 = 0 OR created_ms >= ?3) AND (?4 = 0 OR created_ms < ?4)"
        " AND (?5 IS NULL OR conversation = ?5) ORDER BY id DESC LIMIT ?6",
    [S_MEM_EACH] =
        "SELECT " STORE_MEM_COLS " FROM memories WHERE user = ?1 AND id > ?2"
        " ORDER BY id LIMIT ?3",
    [S_MEM_USER_DELETE] = "DELETE FROM memories WHERE user = ?1",
    [S_MEM_USER_STALE] =
        "SELECT count(*) FROM memories WHERE user = ?1 AND (dim <> ?2 OR encoder <> ?3)",
    [S_MEM_STALE_BATCH] =
        "SELECT id, text FROM memories WHERE id > ?1 AND (dim <> ?2 OR encoder <> ?3)"
        " ORDER BY id LIMIT ?4",
    [S_MEM_REENCODE] =
        "UPDATE memories SET vec = ?2, dim = ?3, encoder = ?4 WHERE id = ?1 AND text = ?5"
        " AND (dim <> ?3 OR encoder <> ?4)",
    [S_MEM_SET_FRAME] =
        "UPDATE memories SET holder = ?2, relation = ?3, value = ?4 WHERE id = ?1",
    /* The frame queries name memories_frame: left to itself the planner prefers
     * memories_user_id, which saves the sort but walks every memory of the user. */
    [S_MEM_FRAME_FIND] =
        "SELECT " STORE_MEM_COLS " FROM memories INDEXED BY memories_frame"
        " WHERE user = ?1 AND holder = ?2"
        " AND (?3 IS NULL OR relation = ?3) AND superseded_by IS NULL"
        " ORDER BY id DESC LIMIT ?4",
    /* only what memories_frame covers: no row is read (schema.c, 9 -> 10) */
    [S_MEM_FRAMES_LIST] =
        "SELECT id, holder, relation, value, text FROM memories INDEXED BY memories_frame"
        " WHERE user = ?1 AND holder IS NOT NULL AND superseded_by IS NULL"
        " ORDER BY id LIMIT ?2",
    [S_MEM_FRAMES_PAST] =
        "SELECT id, holder, relation, value, text FROM memories"
        " WHERE user = ?1 AND holder IS NOT NULL AND superseded_by IS NOT NULL"
        " ORDER BY id DESC LIMIT ?2",
    [S_MEM_SUPERSEDED_OF] =
        "SELECT " STORE_MEM_COLS " FROM memories WHERE superseded_by = ?1 ORDER BY id",
    [S_MEM_UNSUPERSEDE] =
        "UPDATE memories SET superseded_by = NULL, updated_ms = ?2 WHERE superseded_by = ?1",
    /* ?1 and every memory it superseded, transitively (UNION ends a cycle). */
    [S_MEM_FORGET_CHAIN] =
        "WITH RECURSIVE chain(id) AS (SELECT id FROM memories WHERE id = ?1"
        " UNION SELECT m.id FROM memories AS m JOIN chain ON m.superseded_by = chain.id)"
        " SELECT m.id, m.dim, m.encoder FROM memories AS m JOIN chain ON m.id = chain.id",
    [S_VER_INSERT] =
        "INSERT INTO memory_versions (memory_id, text, valid_until_ms, superseded_by)"
        " VALUES (?1, ?2, ?3, ?4)",
    [S_VER_LIST] =
        "SELECT text, valid_until_ms, superseded_by FROM memory_versions"
        " WHERE memory_id = ?1 ORDER BY id",
    [S_CONV_ENSURE] =
        "INSERT INTO conversations (id, user, created_ms) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (user, id) DO NOTHING",
    [S_CONV_FIND] = "SELECT 1 FROM conversations WHERE user = ?1 AND id = ?2",
    /* A page of ?1's conversations, newest first, with their turns' count and last time. */
    [S_CONV_LIST] =
        "SELECT c.seq, c.id, c.created_ms,"
        " (SELECT count(*) FROM turns AS t WHERE t.user = c.user AND t.conversation = c.id),"
        " (SELECT max(t.created_ms) FROM turns AS t"
        "   WHERE t.user = c.user AND t.conversation = c.id)"
        " FROM conversations AS c WHERE c.user = ?1 AND c.seq < ?2 ORDER BY c.seq DESC"
        " LIMIT ?3",
    [S_MEM_WITH_TEXT] = "SELECT id FROM memories WHERE user = ?1 "
                        "AND (instr(lower(text), lower(?2)) > 0 OR (length(text) >= 12 "
                        "AND instr(lower(?2), lower(text)) > 0)) ORDER BY id LIMIT ?3",
    [S_TURN_REDACT] = "UPDATE turns SET text = ?3 WHERE user = ?1 "
                      "AND instr(lower(text), lower(?2)) > 0",
    [S_TURN_REDACT_PART] = "UPDATE turns SET text = replace(text, ?2, ?3) WHERE user = ?1 "
                           "AND instr(text, ?2) > 0",
    [S_CONV_DELETE] = "DELETE FROM conversations WHERE user = ?1 AND id = ?2",
    [S_CONV_USER_DELETE] = "DELETE FROM conversations WHERE user = ?1",
    [S_TURN_INSERT] =
        "INSERT INTO turns (conversation, role, text, created_ms, kind, user, attention)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_TURN_LAST] =
        "SELECT id, role, text, created_ms, kind, attention FROM turns WHERE user = ?3"
        " AND conversation = ?1 ORDER BY id DESC LIMIT ?2",
    [S_TURN_SAID] =
        "SELECT id, conversation, text, created_ms, kind FROM turns WHERE user = ?1"
        " AND role = 'user' ORDER BY id DESC LIMIT ?2",
    /* The bm25 leg (fts.c): ?1 the MATCH expression, ?2 the user, ?3/?4 the store's dim
     * and encoder (stale rows are not searched), ?5/?6 since/until (0 = open), ?7 the
     * conversation (NULL = any), ?8 how many; rank (bm25) is lower for better matches.
     * ?10 is the first key of the user's range (STORE_FTS_KEY_BITS), so the index ranks
     * the user's matches alone, first, on their own, to their best ?9 (-1 = all):
     * joining every match to its row (whose vector comes before dim and encoder) costs
     * far more. */
#define FTS_LEG_SQL(tab) \
        "SELECT m.id, -f.s FROM (SELECT rowid - ?10 AS r, rank AS s FROM " tab " WHERE " \
        tab " MATCH ?1 AND rowid BETWEEN ?10 AND " STORE_FTS_KEY_LAST("?10") \
        " ORDER BY rank LIMIT ?9) AS f JOIN memories AS m ON m.id = f.r" \
        " WHERE m.user = ?2 AND m.superseded_by IS NULL" \
        " AND m.dim = ?3 AND m.encoder = ?4 AND (?5 = 0 OR m.created_ms >= ?5)" \
        " AND (?6 = 0 OR m.created_ms < ?6) AND (?7 IS NULL OR m.conversation = ?7)" \
        " ORDER BY f.s, m.id DESC LIMIT ?8"
    [S_CJK_SEARCH] = FTS_LEG_SQL("memories_cjk"),
    [S_FTS_OPTIMIZE] = "INSERT INTO memories_fts (memories_fts) VALUES ('optimize')",
    [S_CJK_OPTIMIZE] = "INSERT INTO memories_cjk (memories_cjk) VALUES ('optimize')",
    /* fts.c: the first key of the user's range and how many memories the user holds
     * (usage.c's count; each has a row in memories_fts); no row = the user has none. */
    [S_FTS_USER] = "SELECT k.n << " STORE_STR(STORE_FTS_KEY_BITS) ", coalesce(u.memories, 0)"
                   " FROM memory_users AS k LEFT JOIN temp.mnemo_usage AS u"
                   " ON u.user = k.user WHERE k.user = ?1",
    /* fts_words.c: how many of the user's memories (keys from ?2) hold the phrase ?1; the
     * newest ?2 of them (keys from ?3; no ranking, so no row is read) as memory ids;
     * FTS5's averages record (rows, tokens: everyone's); a memory's text to score. */
    [S_FTS_TERM_DOCS] = "SELECT count(*) FROM memories_fts WHERE memories_fts MATCH ?1"
                        " AND rowid BETWEEN ?2 AND " STORE_FTS_KEY_LAST("?2"),
    [S_FTS_TERM_IDS] = "SELECT rowid - ?3 FROM memories_fts WHERE memories_fts MATCH ?1"
                       " AND rowid BETWEEN ?3 AND " STORE_FTS_KEY_LAST("?3")
                       " ORDER BY rowid DESC LIMIT ?2",
    [S_FTS_TOTALS] = "SELECT block FROM memories_fts_data WHERE id = 1",
    [S_FTS_TEXT] = "SELECT text FROM memories WHERE id = ?1",
    /* codes.c: a memory's code, for the vector of ?3 floats it was computed from; the
     * codes still to compute (memory_codes_missing holds just those). */
    [S_CODE_SET] = "UPDATE memory_codes SET code = ?2 WHERE id = ?1 AND dim = ?3",
    [S_CODE_MISSING] = "SELECT id FROM memory_codes WHERE code IS NULL AND id > ?1"
                    " ORDER BY id LIMIT ?2",
    [S_PAGE_COUNT] = "PRAGMA page_count",
    [S_PAGE_SIZE] = "PRAGMA page_size",
    /* usage.c's temp tables: the quota row always exists, the user's row may not. */
    [S_USAGE_GET] =
        "SELECT coalesce(u.memories, 0), coalesce(u.conversations, 0), q.memories,"
        " q.conversations FROM temp.mnemo_quota AS q"
        " LEFT JOIN temp.mnemo_usage AS u ON u.user = ?1",
    [S_QUOTA_SET] = "UPDATE temp.mnemo_quota SET memories = ?1, conversations = ?2",
};

/* ---- helpers shared by the store's files ------------------------------------------ */

void store_errf(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

int store_sqlcode(int sqlrc)
{
    switch (sqlrc) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return STORE_OK;
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
        return STORE_ECONFLICT;
    case SQLITE_CONSTRAINT_TRIGGER:
        return STORE_EQUOTA;
    }
    switch (sqlrc & 0xff) {
    case SQLITE_NOMEM:
        return STORE_ENOMEM;
    case SQLITE_TOOBIG:
        return STORE_EINVAL;
    default:
        return STORE_EIO;
    }
}

/* Why a write failed when errno no longer says (SQLite reports a short write past the
 * limit as a plain I/O error): a file of the database at the process's file size limit
 * (RLIMIT_FSIZE, `ulimit -f`, systemd's LimitFSIZE=). Fills out and returns 1 when so. */
static int at_size_limit(store_t *st, char *out, size_t n)
{
    struct rlimit rl;
    const char *db = sqlite3_db_filename(st->db, "main");
    if (!db || !*db || getrlimit(RLIMIT_FSIZE, &rl) || rl.rlim_cur == RLIM_INFINITY)
        return 0;
    for (int wal = 0; wal < 2; wal++) {
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, "%s%s", db, wal ? "-wal" : "");
        /* within the largest page SQLite writes at once */
        if (stat(path, &sb) == 0 && (unsigned long long)sb.st_size + 65536 >= rl.rlim_cur) {
            snprintf(out, n, "File too large: %.300s reached the file size limit (ulimit -f) "
                     "of %llu bytes", path, (unsigned long long)rl.rlim_cur);
            return 1;
        }
    }
    return 0;
}

int store_sqlerr(store_t *st, int sqlrc, char *err, size_t errlen, const char *what)
{
    /* The connection's message when it is about this failure (it can name the file or
     * the constraint), else the code's own text. */
    const char *msg = (sqlite3_errcode(st->db) & 0xff) == (sqlrc & 0xff)
                          ? sqlite3_errmsg(st->db)
                          : sqlite3_errstr(sqlrc);
    /* SQLite's own text ("disk I/O error", "database or disk is full") does not tell a
     * file size limit from a full disk or a failing one: say which where we can. */
    int prim = sqlrc & 0xff, sys = sqlite3_system_errno(st->db);
    char limit[512];
    if ((prim == SQLITE_FULL || prim == SQLITE_IOERR) && at_size_limit(st, limit, sizeof limit)) {
        store_errf(err, errlen, "%s: %s (%s)", what, msg, limit);
    } else if (sys && (prim == SQLITE_FULL || prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN ||
                       prim == SQLITE_READONLY)) {
        store_errf(err, errlen, "%s: %s (%s)", what, msg, strerror(sys));
    } else {
        store_errf(err, errlen, "%s: %s", what, msg);
    }
    int rc = store_sqlcode(sqlrc);
    return rc == STORE_OK ? STORE_EIO : rc;
}

int store_checkpoint_locked(store_t *st, char *err, size_t errlen)
{
    int src = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    return src == SQLITE_OK ? STORE_OK
                            : store_sqlerr(st, src, err, errlen, "checkpointing the WAL");
}

void store_bind_text(sqlite3_stmt *s, int i, const char *t, int *brc)
{
    if (*brc == SQLITE_OK)
        *brc = t ? sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC) : sqlite3_bind_null(s, i);
}

void store_bind_blob(sqlite3_stmt *s, int i, const void *p, size_t n, int *brc)
{
    if (*brc == SQLITE_OK)
        *brc = sqlite3_bind_blob64(s, i, p, (sqlite3_uint64)n, SQLITE_STATIC);
}

void store_bind_int64(sqlite3_stmt *s, int i, int64_t v, int *brc)
{
    if (*brc == SQLITE_OK)
        *brc = sqlite3_bind_int64(s, i, v);
}

void store_bind_double(sqlite3_stmt *s, int i, double v, int *brc)
{
    if (*brc == SQLITE_OK)
        *brc = sqlite3_bind_double(s, i, v);
}

int store_step(sqlite3_stmt *s, int brc)
{
    return brc == SQLITE_OK ? sqlite3_step(s) : brc;
}

/* The statements after which store_frames_list may list something else. */
static int changes_frames(enum store_stmt s)
{
    switch (s) {
    case S_MEM_INSERT: case S_MEM_UPDATE: case S_MEM_SUPERSEDE: case S_MEM_DELETE:
    case S_MEM_USER_DELETE: case S_MEM_SET_FRAME: case S_MEM_UNSUPERSEDE:
    case S_MEM_FORGET_CHAIN:
        return 1;
    default:
        return 0;
    }
}

sqlite3_stmt *stmt_get(store_t *st, enum store_stmt s)
{
    if (changes_frames(s)) {
        st->frames_dirty = 1;
        atomic_fetch_add(&st->frames_version, 1);
    } else if ((s == S_COMMIT || s == S_ROLLBACK) && st->frames_dirty) {
        st->frames_dirty = 0;   /* what a reader saw inside the transaction may be undone */
        atomic_fetch_add(&st->frames_version, 1);
    }
    return st->stmt[s];
}

uint64_t store_frames_version(store_t *st) { return atomic_load(&st->frames_version); }

void stmt_done(sqlite3_stmt *s)
{
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

static int step_one(store_t *st, enum store_stmt which, char *err, size_t errlen,
                    const char *what)
{
    sqlite3_stmt *s = st->stmt[which];
    int rc = sqlite3_step(s);
    int out = rc == SQLITE_DONE ? STORE_OK : store_sqlerr(st, rc, err, errlen, what);
    stmt_done(s);
    return out;
}

int store_begin(store_t *st, int write, char *err, size_t errlen)
{
    return step_one(st, write ? S_BEGIN : S_BEGIN_READ, err, errlen,
                    "starting a transaction");
}

int store_commit(store_t *st, char *err, size_t errlen)
{
    int rc = step_one(st, S_COMMIT, err, errlen, "committing");
    if (rc != STORE_OK)
        store_rollback(st);
    return rc;
}

void store_rollback(store_t *st)
{
    if (!sqlite3_get_autocommit(st->db))
        step_one(st, S_ROLLBACK, NULL, 0, "rolling back");
}

char *store_strdup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static char *col_strdup(sqlite3_stmt *s, int col, int *oom)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    if (!t)
        return NULL;
    char *c = strdup((const char *)t);
    if (!c)
        *oom = 1;
    return c;
}

int store_row_frame(sqlite3_stmt *s, store_memory_t *m)
{
    int oom = 0;
    memset(m, 0, sizeof(*m));
    m->id = sqlite3_column_int64(s, 0);
    m->holder = col_strdup(s, 1, &oom);
    m->relation = col_strdup(s, 2, &oom);
    m->value = col_strdup(s, 3, &oom);
    m->text = col_strdup(s, 4, &oom);
    if (oom) {
        store_memory_clear(m);
        return STORE_ENOMEM;
    }
    return STORE_OK;
}

int store_row_memory(sqlite3_stmt *s, int with_vec, store_memory_t *m)
{
    int oom = 0;
    memset(m, 0, sizeof(*m));
    m->id = sqlite3_column_int64(s, 0);
    m->user = col_strdup(s, 1, &oom);
    m->conversation = col_strdup(s, 2, &oom);
    m->text = col_strdup(s, 3, &oom);
    m->created_ms = sqlite3_column_int64(s, 4);
    m->updated_ms = sqlite3_column_int64(s, 5);
    m->last_used_ms = sqlite3_column_int64(s, 6);   /* NULL reads as 0: never used */
    m->use_count = sqlite3_column_int64(s, 7);
    m->importance = sqlite3_column_double(s, 8);
    m->superseded_by = sqlite3_column_int64(s, 9);
    m->encoder = col_strdup(s, 11, &oom);
    m->holder = col_strdup(s, 13, &oom);
    m->relation = col_strdup(s, 14, &oom);
    m->value = col_strdup(s, 15, &oom);
    if (with_vec) {
        int dim = sqlite3_column_int(s, 10);
        const void *blob = sqlite3_column_blob(s, 12);
        size_t bytes = (size_t)sqlite3_column_bytes(s, 12);
        if (dim > 0 && blob && bytes == (size_t)dim * sizeof(float)) {
            m->vec = malloc(bytes);
            if (m->vec) {
                memcpy(m->vec, blob, bytes);
                m->dim = dim;
            } else {
                oom = 1;
            }
        }
    }
    if (oom) {
        store_memory_clear(m);
        return STORE_ENOMEM;
    }
    return STORE_OK;
}

int store_is_stale(const store_t *st, int dim, const char *encoder)
{
    return dim != st->dim || !encoder || strcmp(encoder, st->encoder) != 0;
}

int store_vec_ok(const float *v, int dim)
{
    if (!v)
        return 0;
    for (int i = 0; i < dim; i++)
        if (!isfinite(v[i]))
            return 0;
    return 1;
}

int store_ix_reserve(store_t *st, const char *user, size_t extra)
{
    pthread_rwlock_wrlock(&st->ixlock);
    int rc = index_reserve(st->ix, user, extra);
    pthread_rwlock_unlock(&st->ixlock);
    return rc == 0 ? STORE_OK : STORE_ENOMEM;
}

void store_ix_put(store_t *st, const char *user, int64_t id, const float *vec,
                  int64_t created_ms, const char *conversation)
{
    pthread_rwlock_wrlock(&st->ixlock);
    /* Cannot fail: the caller reserved room and validated vec before COMMIT. */
    index_put(st->ix, user, id, vec, created_ms, conversation ? index_hash(conversation) : 0);
    pthread_rwlock_unlock(&st->ixlock);
}

void store_ix_remove(store_t *st, int64_t id)
{
    pthread_rwlock_wrlock(&st->ixlock);
    index_remove(st->ix, id);
    pthread_rwlock_unlock(&st->ixlock);
}

int64_t store_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void store_memory_clear(store_memory_t *m)
{
    if (!m)
        return;
    free(m->user);
    free(m->conversation);
    free(m->text);
    free(m->vec);
    free(m->encoder);
    free(m->holder);
    free(m->relation);
    free(m->value);
    memset(m, 0, sizeof(*m));
}

/* ---- open / close ----------------------------------------------------------------- */

/* Creates the database file 0600 when it does not exist yet. SQLite gives the -wal,
 * -shm and journal files it creates the database file's mode, so none of them can be
 * read by others either, whatever the process umask (which is not touched: it is
 * process-wide). An existing file keeps its mode; in-memory and URI names are left to
 * SQLite, and so is every failure here (SQLite's open reports it). */
static void create_private(const char *path)
{
    if (!*path || strcmp(path, ":memory:") == 0 || strncmp(path, "file:", 5) == 0)
        return;
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    fchmod(fd, 0600);   /* exactly 0600 even under a umask such as 0277 */
    close(fd);
}

store_t *store_open(const char *path, int dim, const char *encoder, char *err,
                    size_t errlen)
{
    if (!path || dim < 1 || dim > 65536 || !encoder || !*encoder) {
        store_errf(err, errlen, "store_open: need a path, a dimension in 1..65536 and an "
                                "encoder id");
        return NULL;
    }
    store_t *st = calloc(1, sizeof(*st));
    if (!st) {
        store_errf(err, errlen, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&st->mu, NULL);
    st->bm25_k1 = STORE_FTS5_K1;
    st->bm25_b = STORE_FTS5_B;
    /* glibc's rwlocks prefer readers: under a steady stream of searches a writer would
     * wait forever, so ask for writer preference where it exists. */
    pthread_rwlockattr_t ra;
    pthread_rwlockattr_init(&ra);
#if defined(__GLIBC__)
    pthread_rwlockattr_setkind_np(&ra, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
#endif
    pthread_rwlock_init(&st->ixlock, &ra);
    pthread_rwlockattr_destroy(&ra);
    st->dim = dim;
    st->encoder = strdup(encoder);
    st->ix = index_new(dim);
    if (st->ix) {
        st->code_scratch = malloc(index_encode_scratch(st->ix));
        st->code = malloc(index_code_bytes(st->ix));
    }
    if (!st->encoder || !st->ix || !st->code_scratch || !st->code) {
        store_errf(err, errlen, "out of memory");
        goto fail;
    }
    create_private(path);
    int rc = sqlite3_open_v2(path, &st->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                 SQLITE_OPEN_NOMUTEX,
                             NULL);
    if (rc != SQLITE_OK) {
        store_errf(err, errlen, "opening %s: %s", path,
                   st->db ? sqlite3_errmsg(st->db) : "out of memory");
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, 5000);
    /* SQLite opens a file it may not write read-only without a word, and every write
     * would fail later: refuse it now, saying why. */
    if (sqlite3_db_readonly(st->db, "main") == 1) {
        store_errf(err, errlen, "%s is read-only: mnemod must be able to write it and "
                   "create files beside it (-wal, -shm); check its owner, mode and mount",
                   path);
        goto fail;
    }
    if (store_schema_open(st->db, err, errlen) != STORE_OK ||
        store_usage_open(st->db, err, errlen) != STORE_OK)
        goto fail;
    for (int i = 0; i < S_COUNT; i++) {
        if (sqlite3_prepare_v3(st->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &st->stmt[i], NULL) != SQLITE_OK) {
            store_errf(err, errlen, "preparing \"%s\": %s", stmt_sql[i],
                       sqlite3_errmsg(st->db));
            goto fail;
        }
    }
    size_t filled;
    if (store_codes_fill(st, &filled, err, errlen) != STORE_OK ||
        store_load_index(st, err, errlen) != STORE_OK)
        goto fail;
    char cache[64];
    snprintf(cache, sizeof cache, "PRAGMA cache_size=-%d", STORE_PAGE_CACHE_KIB);
    if (sqlite3_exec(st->db, cache, NULL, NULL, NULL) != SQLITE_OK) {
        store_errf(err, errlen, "setting the page cache: %s", sqlite3_errmsg(st->db));
        goto fail;
    }
    return st;
fail:
    store_close(st);
    return NULL;
}

void store_close(store_t *st)
{
    if (!st)
        return;
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(st->stmt[i]);
    store_fts_close(st);
    sqlite3_close(st->db);
    index_free(st->ix);
    free(st->code_scratch);
    free(st->code);
    free(st->encoder);
    pthread_rwlock_destroy(&st->ixlock);
    pthread_mutex_destroy(&st->mu);
    free(st);
}

int store_set_lexical_dims(store_t *st, int n)
{
    pthread_rwlock_wrlock(&st->ixlock);
    int rc = index_set_lexical_dims(st->ix, n);
    pthread_rwlock_unlock(&st->ixlock);
    return rc == 0 ? STORE_OK : STORE_EINVAL;
}

int store_set_length_pivot(store_t *st, float pivot)
{
    if (!(pivot >= 0 && pivot < 1e30f))
        return STORE_EINVAL;
    pthread_rwlock_wrlock(&st->ixlock);
    st->pivot = pivot;
    pthread_rwlock_unlock(&st->ixlock);
    return STORE_OK;
}

int store_set_bm25(store_t *st, double k1, double b)
{
    if (!(k1 > 0 && k1 <= 100) || !(b >= 0 && b <= 1))
        return STORE_EINVAL;
    pthread_mutex_lock(&st->mu);        /* the word list reads them under st->mu */
    st->bm25_k1 = k1;
    st->bm25_b = b;
    pthread_mutex_unlock(&st->mu);
    return STORE_OK;
}

int store_set_context_weight(store_t *st, float w)
{
    if (!(w >= 0 && w <= 1))
        return STORE_EINVAL;
    pthread_rwlock_wrlock(&st->ixlock);     /* the fusion reads it under the read lock */
    st->context = w;
    pthread_rwlock_unlock(&st->ixlock);
    return STORE_OK;
}

/* ---- observability ---------------------------------------------------------------- */

size_t store_memory_count(store_t *st)
{
    pthread_mutex_lock(&st->mu);
    size_t n = st->nmem;
    pthread_mutex_unlock(&st->mu);
    return n;
}

size_t store_stale_count(store_t *st)
{
    pthread_mutex_lock(&st->mu);
    size_t n = st->nstale;
    pthread_mutex_unlock(&st->mu);
    return n;
}

size_t store_user_count(store_t *st)
{
    pthread_rwlock_rdlock(&st->ixlock);
    size_t n = index_users(st->ix);
    pthread_rwlock_unlock(&st->ixlock);
    return n;
}

size_t store_index_bytes(store_t *st)
{
    pthread_rwlock_rdlock(&st->ixlock);
    size_t n = index_bytes(st->ix);
    pthread_rwlock_unlock(&st->ixlock);
    return n;
}

int64_t store_db_bytes(store_t *st)
{
    int64_t v[2] = {0, 0};
    pthread_mutex_lock(&st->mu);
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *s = st->stmt[i ? S_PAGE_SIZE : S_PAGE_COUNT];
        if (sqlite3_step(s) == SQLITE_ROW)
            v[i] = sqlite3_column_int64(s, 0);
        stmt_done(s);
    }
    pthread_mutex_unlock(&st->mu);
    return v[0] * v[1];
}
