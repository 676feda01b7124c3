/* store_internal.h: private to store/. The index's layout (shared by index.c and
 * index_search.c) and the store's state, prepared statements and helpers (shared by
 * store.c, schema.c, memories.c, query.c, fts.c, frames.c, forget.c and turns.c). Nothing
 * outside store/ (the store's own tests aside) includes this file. */
#ifndef MNEMO_STORE_INTERNAL_H
#define MNEMO_STORE_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "store/index.h"
#include "store/store.h"

/* ---- the index (index.c, index_search.c) ---------------------------------------- */

/* A block of up to ix->brows rows of one partition. Row r of every array describes the
 * same memory. Blocks are allocated separately, so growing a partition never copies or
 * doubles its big arrays: only the last block grows (geometrically, up to brows).
 * The float rows are not kept: SQLite holds them, and a search reads back the few it
 * re-ranks (index_fetch_fn). What stays in RAM is two compact copies of each row x
 * (L2-normalized): int8 codes with a rigorous error bound, and a 2-bit sketch of x
 * turned by a fixed orthogonal mixing (index_rotate), scanned first in big partitions. */
typedef struct index_block {
    size_t cap;             /* rows allocated in each array below */
    int64_t *ids;           /* [cap] */
    int64_t *created;       /* [cap] created_ms */
    uint64_t *conv;         /* [cap] index_hash(conversation), 0 = none */
    /* row r ~= qscale[r] * codes[r], and qerr[r] bounds the L2 norm of the difference,
     * so a dot product through it comes with an error bound. A code is nonzero exactly
     * where the row is (the df counts are kept from the codes). */
    int8_t *codes;          /* [cap][dpad] in [-127, 127], zero past dim */
    float *qscale;          /* [cap] */
    float *qerr;            /* [cap] */
    /* The sketch of y = index_rotate x (dpad values) on a 4-level grid: level v[j] in
     * 0..3 stands for (v - 1.5) delta, kept as two bit planes of dpad bits (hi = the
     * sign of y). With q' the mixed query, the estimate is
     *   q.x ~= sfac (2 v - 3) . q'      sfac = 1 / sum (2 v - 3) y,
     * unbiased when the mixing spreads x evenly. */
    uint64_t *sk_hi;        /* [cap][swords] the high bits of v */
    uint64_t *sk_lo;        /* [cap][swords] the low bits */
    float *sfac;            /* [cap] */
} index_block_t;

/* The rows of a partition whose code is nonzero in one lexical dimension, with that
 * code, in no particular order (index_post.c). */
typedef struct index_post {
    uint32_t *row;          /* [cap] */
    int8_t *code;           /* [cap] */
    uint32_t n, cap;
} index_post_t;

/* One user's rows: row r lives in blocks[r >> bshift] at r & bmask; rows 0..n-1 are in
 * use, removal moves the last row into the hole so the rows stay dense. Every block but
 * the last holds exactly brows rows of capacity. */
typedef struct index_part {
    char *user;             /* owned */
    uint64_t hash;          /* index_hash(user) */
    size_t n, cap;          /* rows in use / allocated (the sum of the blocks' caps) */
    index_block_t *blocks;  /* [capblocks], zeroed past nblocks */
    size_t nblocks, capblocks;
    uint32_t *df;           /* [dim] rows with a nonzero value in each dimension */
    index_post_t *post;     /* [npost] postings of the lexical dims (index_post.c), or NULL */
    int npost;
    int8_t *dense;          /* [dense_cap][dpad - npost] the codes past them, with post */
    size_t dense_cap;
} index_part_t;

/* id -> (partition, row); id 0 marks an empty slot (ids are never 0). */
typedef struct index_slot {
    int64_t id;
    uint32_t part, row;
} index_slot_t;

struct index {
    int dim;
    size_t dpad;            /* dim rounded up to a multiple of 64: a code row's bytes */
    size_t swords;          /* dpad / 64: a sketch plane's 64-bit words */
    size_t sketch_min_rows; /* partitions this big are scanned through the sketch first */
    size_t sketch_cands;    /* rows the sketch scan keeps for the int8 stage */
    int lexical_dims;       /* query idf applies to [0, lexical_dims); dim = all */
    int post_dims;          /* dims with postings: lexical_dims when set apart, else 0 */
    float *rot_sign;        /* [dpad] index_rotate's signs and scales, 0 past dim */
    void *scratch;          /* index_put's: index_encode_scratch bytes, then a record */
    index_part_t **parts;   /* [capparts]; NULL = free slot, listed in free_parts */
    uint32_t nparts, capparts;
    uint32_t *free_parts;   /* [capparts] stack of free slots */
    uint32_t nfree;
    uint32_t *umap;         /* [umap_cap] user hash table: part slot + 1, 0 = empty */
    size_t umap_cap, nusers;
    index_slot_t *idmap;    /* [idmap_cap] linear probing, backward-shift deletion */
    size_t idmap_cap, nrows;
    unsigned bshift;        /* rows per block = brows = 1 << bshift */
    size_t brows, bmask;
};

/* Rows per block by default: 64k rows = 128 MiB of floats at dim 512, so growth copies
 * at most one block and a scan's chunks stay long. */
#define INDEX_BLOCK_SHIFT 16
/* Sets the rows per block (a power of two >= 16) of an empty index; for tests.
 * Returns 0, or -1 when the index has rows or rows is not such a power. */
int index_set_block_rows(index_t *ix, size_t rows);

/* splitmix64's finalizer: a 64-bit mix for the id table's slots and the sketch's fixed
 * signs. */
static inline uint64_t index_mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static inline const index_block_t *index_blk(const index_t *ix, const index_part_t *p,
                                             size_t r)
{
    return &p->blocks[r >> ix->bshift];
}

/* The per-row work of a put is also compiled for AVX2 and AVX-512 and chosen at load
 * time (an ifunc): the same operations in the same order, so the same results, with
 * wider vectors than -O2's baseline SSE2. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__GLIBC__)
#define INDEX_ROW_CLONES                                                                 \
    __attribute__((target_clones("avx512f", "avx2", "default"),                            \
                   optimize("vect-cost-model=dynamic")))
#else
#define INDEX_ROW_CLONES
#endif

/* Arrays at least this big are advised onto transparent huge pages and prefaulted. */
#define HUGE_MIN_BYTES ((size_t)4 << 20)

/* A query quantized for index_dots_i8 (index_kernel.c). */
enum index_kernel { INDEX_KERNEL_AUTO, INDEX_KERNEL_AVX2, INDEX_KERNEL_C };
typedef struct index_q8 {
    size_t dpad;
    int kernel;             /* enum index_kernel: AUTO = the best this CPU has */
    int8_t *q;              /* [dpad] codes in [-127, 127], zero past dim */
    int16_t *q16;           /* [dpad] the same widened, 32-byte aligned */
    uint8_t *qu;            /* [dpad] q + 128 */
} index_q8_t;
/* Fills q8->q16 and q8->qu from q8->q. */
void index_q8_prepare(index_q8_t *q8);
/* out[i] = codes[i * dpad ..] . q for n rows, exact int32. */
void index_dots_i8(const int8_t *codes, size_t n, const index_q8_t *q8, int32_t *out);
/* For n sketch plane rows bits[n][words] and a 4-bit query q4[j] in [-8, 7] given as
 * the bit planes of q4 + 8 (planes[b * words + w] holds bit b of dimensions 64 w ..
 * 64 w + 63): out[i] = the sum of q4[j] over the bits j set in row i, exact. kernel is
 * an enum index_kernel (AUTO: the best this CPU has; the others for the tests). */
void index_dots_sign4(const uint64_t *bits, size_t n, size_t words, const uint64_t *planes,
                      int kernel, int32_t *out);
/* Quantizes x[dim] into codes[dpad]; returns the scale, *err the L2 error bound. A code
 * is 0 exactly where x is. */
float index_quantize(const float *x, int dim, size_t dpad, int8_t *codes, float *err);
/* index_sketch.c: fills ix->rot_sign (index_new calls it). */
void index_rotate_init(index_t *ix);
/* out[dpad] = the fixed orthogonal mixing of x[dim] (zero padded) the sketch is made
 * in: per-dimension signs, then Hadamard butterflies across the 8 rows of stride 8 in
 * each 64-dimension group and across the groups (the first power of two of them), scaled
 * so that dot products are kept: rotate(a) . rotate(b) = a . b (up to rounding). */
void index_rotate(const index_t *ix, const float *x, float *out);
/* The sketch of a mixed row y[dpad] (index_block_t): its two bit planes into hi and lo
 * (dpad / 64 words each), returning sfac. kernel: AUTO = AVX-512 where the CPU has it
 * (the same bits as the plain loop, C; the factor summed in another order). */
float index_sketch_row(const float *y, size_t dpad, uint64_t *hi, uint64_t *lo, int kernel);
/* Normalizes vec[dim] into out[dim] exactly as index_put does (the float row the index
 * ranks by). Returns 0, or -1 when vec is not finite. */
int index_normalize(const float *vec, int dim, float *out);

/* The partition of user, or NULL. */
index_part_t *index_find_part(const index_t *ix, const char *user);
/* The partition and (into *row) the row of id, or NULL when id is not indexed. */
const index_part_t *index_row_part(const index_t *ix, int64_t id, size_t *row);
/* The created_ms of id, 0 when id is not indexed. */
int64_t index_row_created(const index_t *ix, int64_t id);
/* The memories written just before and just after id by its user in its conversation
 * (the same index_hash; memories without one are one conversation): the nearest indexed
 * ids of both within span ids either side, into *prev and *next, 0 where there is none
 * so near (ids count every user's writes, so a user's next memory can lie further off
 * when others wrote between). Returns 0, or -1 (both 0) when id is not indexed. */
int index_row_neighbours(const index_t *ix, int64_t id, int span, int64_t *prev,
                         int64_t *next);
/* The plain cosine of a[dim] and b[dim] in double, in [-1, 1]; 0 when either is zero. */
float index_cosine(const float *a, const float *b, int dim);
/* Rescales hits[0..n)'s scores by their rows' length, sqrt(nnz / (nnz + pivot)) with nnz
 * the row's nonzero lexical dimensions, and sorts them again, best first
 * (index_search.c; STORE_LENGTH_PIVOT says why). Under the index's read lock. */
void index_pivot(const index_t *ix, index_hit_t *hits, int n, float pivot);

/* index_post.c. Partitions of at least this many rows keep postings (when
 * ix->post_dims, and below ix->sketch_min_rows): smaller ones are scanned in a few
 * microseconds anyway. */
#define INDEX_POST_MIN_ROWS 1024
/* Adds row r (its codes written, p->n counting it) to p's postings, building them for
 * every row when p has just reached INDEX_POST_MIN_ROWS, dropping them when it has
 * reached the sketch's size. */
void index_post_add(const index_t *ix, index_part_t *p, size_t r);
/* Removes row r's entries (its codes still in place). */
void index_post_del(const index_t *ix, index_part_t *p, size_t r);
/* Renames row from's entries to row to (from's codes still in place). */
void index_post_move(const index_t *ix, index_part_t *p, size_t from, size_t to);
/* Drops p's postings and builds them again for ix->post_dims. */
void index_post_rebuild(const index_t *ix, index_part_t *p);
void index_post_free(index_part_t *p);
/* For the query q8: dots[n] (malloc'd, the caller frees) with dots[r] = codes[r] . q
 * over all dpad dims, exact, as index_dots_i8 gives them; NULL when p has no postings,
 * when reading them would cost more than the scan, or out of memory (then scan the
 * codes). */
int32_t *index_post_dots(const index_t *ix, const index_part_t *p, const index_q8_t *q8);
size_t index_post_bytes(const index_t *ix, const index_part_t *p);

/* Start-up only: populates the memory of every reserved array on a helper thread while
 * the caller fills them. Between start and join the caller may only put rows into room
 * already reserved (no growth, no new users). start returns NULL when there is nothing
 * to do or no thread; join accepts NULL. */
typedef struct index_prefault index_prefault_t;
index_prefault_t *index_prefault_start(index_t *ix);
void index_prefault_join(index_prefault_t *pf);

/* ---- the store ------------------------------------------------------------------- */

/* Prepared once at open, used under st->mu, reset after each use (stmt_done). */
enum store_stmt {
    S_BEGIN, S_BEGIN_READ, S_COMMIT, S_ROLLBACK,
    S_MEM_INSERT, S_MEM_GET, S_MEM_VEC, S_MEM_EXISTS, S_MEM_UPDATE, S_MEM_SUPERSEDE, S_MEM_DELETE, S_MEM_TOUCH,
    S_MEM_LIST, S_MEM_EACH, S_MEM_USER_DELETE, S_MEM_USER_STALE, S_MEM_STALE_BATCH,
    S_MEM_REENCODE, S_MEM_SET_FRAME, S_MEM_FRAME_FIND, S_MEM_FRAMES_LIST, S_MEM_FRAMES_PAST,
    S_MEM_SUPERSEDED_OF, S_MEM_UNSUPERSEDE, S_MEM_FORGET_CHAIN,
    S_VER_INSERT, S_VER_LIST,
    S_CONV_ENSURE, S_CONV_FIND, S_CONV_LIST, S_CONV_DELETE, S_CONV_USER_DELETE,
    S_TURN_INSERT, S_TURN_LAST, S_TURN_SAID, S_TURN_REDACT, S_TURN_REDACT_PART, S_MEM_WITH_TEXT,
    S_PAGE_COUNT, S_PAGE_SIZE, S_USAGE_GET, S_QUOTA_SET,
    S_CJK_SEARCH, S_FTS_OPTIMIZE, S_CJK_OPTIMIZE, S_FTS_USER, S_FTS_TERM_DOCS, S_FTS_TERM_IDS,
    S_FTS_TOTALS, S_FTS_TEXT, S_CODE_SET, S_CODE_MISSING,
    S_COUNT
};

/* SQLite's page cache for the store's connection, in KiB, set once the index is loaded
 * (the start-up stream reads every row once and gains nothing from it). SQLite's default
 * is 2 MiB; a turn re-reads the float rows of the search's candidates and the user's
 * facts, and at 10,000 memories 64 MiB keeps them in the process: a chat turn's p50 fell
 * by about a tenth (docs/PERFORMANCE.md, "Session 18's turn"). At most this much RSS. */
#define STORE_PAGE_CACHE_KIB 65536

/* The column list every memory query selects, in the order store_row_memory reads. */
#define STORE_MEM_COLS \
    "id, user, conversation, text, created_ms, updated_ms, last_used_ms, use_count, " \
    "importance, superseded_by, dim, encoder, vec, holder, relation, value"

struct store {
    sqlite3 *db;
    sqlite3_stmt *stmt[S_COUNT];
    pthread_mutex_t mu;     /* guards db, stmt, nmem, nstale and every index write */
    pthread_rwlock_t ixlock;/* searches read-lock, index writers (holding mu) write-lock */
    index_t *ix;
    int dim;
    float pivot;            /* the dense leg's length pivot (store_set_length_pivot) */
    double bm25_k1, bm25_b; /* the word list's bm25 constants (store_set_bm25) */
    float context;          /* the fusion's neighbour weight (store_set_context_weight) */
    char *encoder;          /* owned */
    size_t nmem;            /* rows in memories */
    size_t nstale;          /* rows whose vector is of another encoder or dim */
    void *code_scratch;     /* codes.c's index_encode scratch and record, under mu */
    unsigned char *code;
    /* fts.c: FTS5's porter tokenizer, made at the first search (under mu), freed by
     * store_fts_close; it reads a query's words as memories_fts reads a text. */
    fts5_tokenizer fts_api;
    Fts5Tokenizer *fts_tok;
    /* fts_words.c: the document counts of common words (a cache, NULL until the first
     * search) and the postings a search reads at most (0 = the default; tests lower it). */
    struct fts_df *fts_df;
    int64_t fts_budget;
    /* store_frames_version: moved on by stmt_get (under mu) when a statement that can
     * change a frame, a text or whether a memory is current is taken, and again when the
     * transaction it ran in ends; frames_dirty says one ran since the last end. */
    _Atomic uint64_t frames_version;
    int frames_dirty;
};

/* The CJK code points, for the trigram index (schema.c) as a GLOB over a memory's text and
 * for the query (fts.c) as the same ranges: kana, CJK ideographs and extension A, Hangul
 * syllables. A change here needs a migration that rebuilds memories_cjk. */
#define STORE_FTS_CJK_GLOB "'*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]*'"
#define STORE_FTS_IS_CJK(c) \
    (((c) >= 0x3040 && (c) <= 0x30ff) || ((c) >= 0x3400 && (c) <= 0x4dbf) || \
     ((c) >= 0x4e00 && (c) <= 0x9fff) || ((c) >= 0xac00 && (c) <= 0xd7af))

/* Each user's rows of the FTS indexes are keyed (n << STORE_FTS_KEY_BITS) + memory id,
 * n the user's number in memory_users (schema.c, version 11), so that a user's postings
 * are one rowid range and a search reads those alone. Memory ids stay below 2^41
 * (STORE_ID_MAX is 2^40, and the store assigns the largest + 1). A change here needs a
 * migration that rebuilds both indexes. */
#define STORE_FTS_KEY_BITS 41
#define STORE_STR_(x) #x
#define STORE_STR(x) STORE_STR_(x)
/* SQL: the last key of the range that starts at the bound parameter lo ("?3"). */
#define STORE_FTS_KEY_LAST(lo) "(" lo " + (1 << " STORE_STR(STORE_FTS_KEY_BITS) ") - 1)"

/* fts.c: the bm25 leg. With st->mu held inside a transaction: q->user's current, fresh
 * memories (q's filters applied) that share a word (or, for CJK, three characters in a
 * row) with q->text, best bm25 first, at most max ids into ids and their bm25 scores
 * (above 0) into scores, *n their number (0 when the text has nothing to match on). purge merges both FTS indexes into one segment
 * each, which drops every trace of the rows deleted before it: FTS5 before SQLite 3.42
 * has no secure-delete, and a delete only adds a tombstone that still names the terms.
 * Store codes, err filled on failure. */
int store_fts_leg_locked(store_t *st, const store_query_t *q, int64_t *ids, double *scores,
                         int max, int *n, char *err, size_t errlen);
/* fts_words.c: the same for memories_fts alone (q's words), best bm25 first, reading the
 * postings of the keys from lo (the user's range) of a user holding nrow memories. */
int store_fts_words_locked(store_t *st, const store_query_t *q, int64_t lo, int64_t nrow,
                           int64_t *ids, double *scores, int max, int *n, char *err,
                           size_t errlen);
/* fts_words.c: the postings a search reads at most, 0 = the default (for the tests). */
void store_fts_set_budget(store_t *st, int64_t postings);
/* fts.c: makes st's porter tokenizer (as memories_fts's), once; a store code. */
int store_fts_tokenizer_locked(store_t *st, char *err, size_t errlen);
/* Terms per MATCH expression or query: a longer query keeps its first ones. */
#define STORE_FTS_MAX_TERMS 64
int store_fts_purge_locked(store_t *st, char *err, size_t errlen);
void store_fts_close(store_t *st);

/* usage.c: creates the TEMP tables and triggers that count each user's memories and
 * conversations and enforce the quotas (none until store_set_quotas), counting what the
 * database holds. Called at open, after the schema and before the statements are
 * prepared (two of them read the temp tables). */
int store_usage_open(sqlite3 *db, char *err, size_t errlen);

/* schema.c: pragmas, then migrations up to STORE_SCHEMA_VERSION. */
int store_schema_open(sqlite3 *db, char *err, size_t errlen);
int store_schema_version(sqlite3 *db, int *version, char *err, size_t errlen);

/* store.c helpers. */
void store_errf(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The store code of a SQLite result code (extended or primary): STORE_OK for SQLITE_OK,
 * ROW and DONE; STORE_ENOMEM for SQLITE_NOMEM; STORE_ECONFLICT for a primary key or
 * uniqueness violation; STORE_EQUOTA for a trigger's RAISE (only usage.c's quota
 * triggers raise); STORE_EINVAL for SQLITE_TOOBIG (a text or blob over SQLite's
 * length limit); STORE_EIO for everything else (FULL, READONLY, BUSY, CORRUPT, IOERR ...). */
int store_sqlcode(int sqlrc);
/* Fills err with "what: reason" (the connection's message when it is about sqlrc, else
 * sqlite3_errstr) and returns store_sqlcode(sqlrc), STORE_EIO for a success code. */
int store_sqlerr(store_t *st, int sqlrc, char *err, size_t errlen, const char *what);
/* Copies the WAL into the database and truncates it to zero bytes (waiting for other
 * connections up to the busy timeout), so that text deleted under secure_delete is
 * left in no file. With st->mu held, outside a transaction. STORE_OK or a store code
 * with err (may be NULL) filled. */
int store_checkpoint_locked(store_t *st, char *err, size_t errlen);
/* Binding that keeps the first failure: each call is a no-op once *brc (SQLITE_OK to
 * begin with) holds one, and store_step returns it instead of stepping, so a statement's
 * binds need one check. Texts and blobs are bound SQLITE_STATIC (they must outlive the
 * step); a NULL text binds NULL. */
void store_bind_text(sqlite3_stmt *s, int i, const char *t, int *brc);
void store_bind_blob(sqlite3_stmt *s, int i, const void *p, size_t n, int *brc);
void store_bind_int64(sqlite3_stmt *s, int i, int64_t v, int *brc);
void store_bind_double(sqlite3_stmt *s, int i, double v, int *brc);
int store_step(sqlite3_stmt *s, int brc);
sqlite3_stmt *stmt_get(store_t *st, enum store_stmt s);
void stmt_done(sqlite3_stmt *s);
/* BEGIN IMMEDIATE (write = 1) or a deferred read transaction; COMMIT; ROLLBACK. */
int store_begin(store_t *st, int write, char *err, size_t errlen);

/* The writes behind store_memory_add/update/supersede/touch and store_exchange_add,
 * with st->mu held inside a write transaction (the caller commits, then updates the
 * index). update fills *old (the row before; the caller clears it) and *stale. Each
 * returns a store code and, on failure, fills err (which may be NULL). */
int store_mem_insert_locked(store_t *st, const store_new_memory_t *x, int64_t now,
                           int64_t *id, char *err, size_t errlen);
int store_mem_update_locked(store_t *st, int64_t id, const char *text, const float *vec,
                           double importance, int64_t now, store_memory_t *old, int *stale,
                           char *err, size_t errlen);
int store_mem_supersede_locked(store_t *st, int64_t old_id, int64_t new_id, int64_t now,
                              char *err, size_t errlen);
int store_mem_touch_locked(store_t *st, int64_t id, int64_t now, char *err, size_t errlen);
/* Sets memory id's frame (all NULL = none). */
int store_mem_set_frame_locked(store_t *st, int64_t id, const char *holder,
                               const char *relation, const char *value, char *err,
                               size_t errlen);
/* frames.c: why a frame is not acceptable (not all three or none, or one empty or over
 * STORE_FRAME_MAX bytes), or NULL when it is. */
const char *store_frame_bad(const char *holder, const char *relation, const char *value);
/* kind (NULL = unknown) is written on all n turns; att (NULL = none) with the first,
 * natt entries. */
int store_turns_insert(store_t *st, const char *user, const char *conversation,
                       const char *const *roles, const char *const *texts, const char *kind,
                       const store_attention_t *att, size_t natt, int n, int64_t *ids,
                       char *err, size_t errlen);
int store_commit(store_t *st, char *err, size_t errlen);
void store_rollback(store_t *st);
/* Fills m from the current row of a statement selecting STORE_MEM_COLS starting at
 * column 0. with_vec copies the vector. Returns STORE_OK or STORE_ENOMEM (m cleared). */
int store_row_memory(sqlite3_stmt *s, int with_vec, store_memory_t *m);
/* Fills m's id, holder, relation, value and text (the rest zero) from the current row of
 * a statement selecting those five, in that order (the frame index's columns). Returns
 * STORE_OK or STORE_ENOMEM (m cleared). */
int store_row_frame(sqlite3_stmt *s, store_memory_t *m);
/* What a statement given to store_collect selects: STORE_MEM_COLS without or with the
 * vector copied, or the five columns of store_row_frame. */
enum { STORE_ROWS = 0, STORE_ROWS_VEC = 1, STORE_ROWS_FRAME = 2 };
/* Runs a statement of that layout, whose binds left brc, into a new array of at most
 * max rows (grown as rows come), then resets it. With st->mu held. *out and *n are set
 * only on STORE_OK (*out NULL when no row); else STORE_ENOMEM or a SQLite failure's
 * code. */
int store_collect(sqlite3_stmt *s, int brc, int layout, size_t max, store_memory_t **out,
                  size_t *n);
int store_is_stale(const store_t *st, int dim, const char *encoder);
int store_vec_ok(const float *v, int dim);
char *store_strdup(const char *s);

/* codes.c: with st->mu held inside the write transaction that has just written vec
 * (dim floats, finite) as memory id's vector: stores its code (memory_codes). A store
 * code. */
int store_codes_set_locked(store_t *st, int64_t id, const float *vec, char *err,
                           size_t errlen);
/* codes.c: at open, before the load: computes every code still NULL from its memory's
 * vector, in write transactions of a few thousand; *filled receives how many. A store
 * code (what was committed before a failure stays). */
int store_codes_fill(store_t *st, size_t *filled, char *err, size_t errlen);

/* load.c: streams every memory into the (empty) index at open: current ones of this
 * encoder and dim are indexed, the others only counted (nmem, nstale). A store code. */
int store_load_index(store_t *st, char *err, size_t errlen);

/* Index updates, called with st->mu held; they take the index write lock. */
int store_ix_reserve(store_t *st, const char *user, size_t extra);
void store_ix_put(store_t *st, const char *user, int64_t id, const float *vec,
                  int64_t created_ms, const char *conversation);
void store_ix_remove(store_t *st, int64_t id);

#endif
