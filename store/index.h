/* index.h: the in-RAM vector index. Rows are partitioned by user; each partition keeps
 * compact copies of its vectors (L2-normalized) in fixed-size blocks: int8 codes with an
 * error bound and a 2-bit sketch. A search scans the codes (big partitions: the sketch
 * first, keeping the rows it ranks best for the codes), and re-ranks the rows still
 * in reach exactly from their float vectors, which it reads back through the caller
 * (index_fetch_fn): the index does not hold them.
 * SQLite stays the source of truth: the store rebuilds the index at start-up and keeps
 * it in step with every write.
 * Not thread-safe by itself: the store wraps it in a read/write lock. */
#ifndef MNEMO_STORE_INDEX_H
#define MNEMO_STORE_INDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct index index_t;

/* Optional filters applied while scanning; zero/NULL fields mean "no filter". */
typedef struct index_filter {
    int64_t since_ms;      /* created_ms >= since_ms when since_ms > 0 */
    int64_t until_ms;      /* created_ms <  until_ms when until_ms > 0 */
    uint64_t conv_hash;    /* index_hash(conversation) when nonzero */
} index_filter_t;

typedef struct index_hit {
    int64_t id;
    float score;           /* cosine similarity in [-1, 1] with the query as searched
                              (idf-weighted when asked): the ranking */
    float cosine;          /* plain cosine of the query and the row in [-1, 1], no idf
                              weighting; 0 when either is all zero */
} index_hit_t;

/* A new empty index for vectors of dim floats. NULL on allocation failure. */
index_t *index_new(int dim);
void index_free(index_t *ix);
int index_dim(const index_t *ix);

/* Inserts or replaces memory id (nonzero) for user. vec has dim floats and is
 * normalized here (an all-zero vector stays zero and scores 0). Returns 0, or -1 on
 * allocation failure, id 0 or a non-finite vec (the index is unchanged then). */
int index_put(index_t *ix, const char *user, int64_t id, const float *vec,
              int64_t created_ms, uint64_t conv_hash);
/* A row's compact copy as one record of index_code_bytes bytes: what index_put keeps of
 * a vector, computed once (index_encode) and put back later as it is (index_put_code),
 * which is how the store loads the index without its float vectors
 * (memory_codes.code, store/schema.c). The layout: the int8 codes' scale and error bound
 * and the sketch's factor (three float32), the int8 codes [dpad], the sketch's high and
 * low bit planes [dpad / 64] uint64 each; in the host's byte order (little-endian on
 * every machine mnemo is built for). A record depends only on the vector and dim: a
 * change of what index_encode computes changes the format, and the stored records must
 * then be computed again (a migration sets them NULL). */
size_t index_code_bytes(const index_t *ix);
/* Computes the record of vec[dim] (normalized here, as index_put does) into
 * code[index_code_bytes]. scratch is the caller's, index_encode_scratch bytes aligned
 * as malloc aligns, so that any number of threads may encode at once with one index.
 * Returns 0, or -1 when vec is not finite (code untouched). */
int index_encode(const index_t *ix, const float *vec, void *code, void *scratch);
size_t index_encode_scratch(const index_t *ix);
/* index_put with the row's record instead of its vector (code as index_encode made it
 * for an index of the same dim). The same results as index_put of the vector. Returns
 * 0, or -1 on allocation failure or id 0. */
int index_put_code(index_t *ix, const char *user, int64_t id, const void *code,
                   int64_t created_ms, uint64_t conv_hash);

/* Starts bringing id's place in the id table into the cache, for a caller about to put
 * id: a load putting a stream of rows hides each one's cache miss behind the puts before
 * it. Changes nothing. */
void index_prefetch(const index_t *ix, int64_t id);

/* Makes sure the next extra puts of new ids for user cannot fail for lack of memory
 * (user NULL: only the id map). The store calls it before COMMIT so that the index
 * update after COMMIT cannot fail. Returns 0 or -1. */
int index_reserve(index_t *ix, const char *user, size_t extra);

/* Removes id (no-op when absent). Returns 1 when removed, 0 when absent. */
int index_remove(index_t *ix, int64_t id);
/* Removes every row of user. Returns the number removed. */
size_t index_remove_user(index_t *ix, const char *user);

/* Partitions of min_rows rows or more are scanned through their 2-bit sketches first
 * (128 bytes a row at dim 512, a quarter of the int8 codes): the best rows by the
 * sketch's estimate, candidates of them or INDEX_SKETCH_PER_HIT per hit asked if that is
 * more, go on to the int8 scan and the exact re-ranking. The sketch estimate can
 * misorder rows, so this stage can miss a true top-k row; the counts are chosen so that
 * it does not in practice (recall@10 and @100 measured by bench-search,
 * docs/PERFORMANCE.md). min_rows SIZE_MAX = never (every search exact), 0 = always.
 * Not to be called while searches run. */
#define INDEX_SKETCH_MIN_ROWS 262144
#define INDEX_SKETCH_CANDIDATES 1024
#define INDEX_SKETCH_PER_HIT 40
void index_set_sketch(index_t *ix, size_t min_rows, size_t candidates);

/* Vectors whose first n dimensions are a lexical sketch and the rest another encoding
 * (a learned sentence vector): query IDF weighting (index_search) applies to [0, n)
 * only, and that part of the query keeps its norm, so the score stays the same mix of
 * the two cosines. 0 (the default) or dim = every dimension is lexical. Not to be
 * called while searches run. Returns 0, or -1 when n is outside 0..dim. */
int index_set_lexical_dims(index_t *ix, int n);

/* Reads back the vectors of ids[0..n) as given to index_put (not normalized) into
 * vecs[n][dim], with found[i] = 1, or found[i] = 0 for an id whose vector is gone (or
 * not of dim floats). Returns 0, or -1 on failure (the search fails). */
typedef int (*index_fetch_fn)(void *ctx, const int64_t *ids, int n, float *vecs,
                              unsigned char *found);

/* Top-k by cosine over user's rows only, exact but for the sketch stage of big
 * partitions (index_set_sketch). hits must hold k entries; they come back best first.
 * When idf is nonzero the query is first weighted per dimension by
 * log((N + 1) / (df + 0.5)) over the user's rows (df = rows with a nonzero value in
 * that dimension), BM25-style: the lexical dimensions only when index_set_lexical_dims
 * set fewer than dim, the weighted part rescaled to its norm before weighting. Each
 * hit's cosine is then computed for the returned hits only, from q as given. The rows
 * re-ranked are read through fetch (a row it no longer finds is left out).
 * Returns the number of hits (<= k), or -1 on error.
 * It is index_search_scan, then index_search_rank. */
int index_search(const index_t *ix, const char *user, const float *q, int k,
                 const index_filter_t *filter, int idf, index_fetch_fn fetch, void *ctx,
                 index_hit_t *hits);

/* The two halves of index_search, for a caller whose fetch must not run under the lock
 * that guards the index: the scan reads the index and returns the rows still in reach
 * (with the prepared query; owned by the caller, index_cands_free), the ranking reads
 * only them and fetch. The scan returns NULL with *rc = 0 when user has no rows (the
 * ranking then gives 0 hits), or with *rc = -1 on error. */
typedef struct index_cands index_cands_t;
index_cands_t *index_search_scan(const index_t *ix, const char *user, const float *q,
                                 int k, const index_filter_t *filter, int idf, int *rc);
int index_search_rank(const index_cands_t *c, index_fetch_fn fetch, void *ctx,
                      index_hit_t *hits);
/* Rows the ranking may read (at most; it stops once the rest cannot reach the top k). */
size_t index_cands_count(const index_cands_t *c);
void index_cands_free(index_cands_t *c);

size_t index_count(const index_t *ix);              /* rows in all partitions */
size_t index_user_count(const index_t *ix, const char *user);
size_t index_users(const index_t *ix);              /* users with at least one row */
size_t index_bytes(const index_t *ix);              /* bytes the index holds: codes,
                                                       sketches, ids, times, maps (by
                                                       capacity) */

/* 64-bit FNV-1a of a string, never 0 (used for conversation filters). */
uint64_t index_hash(const char *s);

#endif
