/* store.h: mnemo's long-term memory. SQLite (WAL, synchronous=FULL, foreign keys,
 * busy_timeout, schema versioned by PRAGMA user_version) is the source of truth for
 * memories, their history, conversations and turns; an in-RAM index (index.h) mirrors
 * the memory vectors for top-k search. Every public call is one transaction and is
 * thread-safe: writes are serialized, searches take a read lock on the index.
 * Times are milliseconds since the Unix epoch, UTC.
 * Privacy: the database and its -wal/-shm files are created 0600, the connection runs
 * with secure_delete on (deleted rows are overwritten with zeros, whatever SQLite's
 * build default), and forgetting (store_memory_forget) and deleting a user checkpoint
 * and truncate the WAL, so deleted text is gone from every file of the database.
 * Errors: every int-returning call below returns STORE_OK or one of enum store_err, and
 * lists which. A call that takes (err, errlen) fills err with the reason on every
 * failure (err NULL or errlen 0: no message); SQLite's own failures keep their meaning:
 * out of memory is STORE_ENOMEM, a full disk, a read-only or busy database, corruption
 * or an I/O error is STORE_EIO with SQLite's message. */
#ifndef MNEMO_STORE_STORE_H
#define MNEMO_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>

#define STORE_SCHEMA_VERSION 12

enum store_err {
    STORE_OK = 0,
    STORE_ENOTFOUND = -1,   /* no such row (or it belongs to another user) */
    STORE_EINVAL = -2,      /* bad argument: dimension mismatch, empty text, a text over
                               SQLite's length limit ... */
    STORE_EIO = -3,         /* SQLite failed (disk full, read-only, busy, corrupt, I/O) */
    STORE_ENOMEM = -4,      /* out of memory, ours or SQLite's */
    STORE_ECONFLICT = -5,   /* e.g. importing an id that exists for another user */
    STORE_EQUOTA = -6,      /* the write would pass the user's quota of memories or of
                               conversations (store_set_quotas); nothing was written */
};

typedef struct store store_t;

typedef struct store_memory {
    int64_t id;
    char *user;             /* owned strings (store_memory_clear frees them) */
    char *conversation;     /* may be NULL */
    char *text;
    int64_t created_ms, updated_ms, last_used_ms;
    int64_t use_count;
    double importance;      /* 0..1, default 0.5 */
    int64_t superseded_by;  /* 0 when current */
    int dim;                /* vector dimension, 0 when vec is NULL */
    float *vec;             /* owned, may be NULL when not requested */
    char *encoder;          /* encoder id of vec */
    /* The frame (see store_new_memory_t), owned; all three NULL when the memory has
     * none, as every memory written before schema version 4 has none. */
    char *holder, *relation, *value;
} store_memory_t;

/* What a caller hands to store_memory_add: borrowed pointers. */
typedef struct store_new_memory {
    const char *user;
    const char *conversation;   /* may be NULL */
    const char *text;
    const float *vec;           /* dim floats */
    int dim;
    const char *encoder;
    double importance;          /* < 0 means default 0.5 */
    int64_t created_ms;         /* 0 means now */
    int64_t id;                 /* 0 means assign; else 1..STORE_ID_MAX (import) */
    /* The frame: whom the fact is about (holder, normalized by the agent: "self",
     * "sister", "brother:tom"), the relation key ("name", "home", "favourite colour")
     * and the value's text as told ("New York"). All three set, each 1..STORE_FRAME_MAX
     * bytes, or all NULL (no frame); anything else is STORE_EINVAL. The store compares
     * them byte for byte and does not check their UTF-8. */
    const char *holder, *relation, *value;
} store_new_memory_t;

#define STORE_FRAME_MAX 256     /* bytes of each of holder, relation and value */

typedef struct store_hit {
    store_memory_t mem;         /* vec not loaded */
    float score;                /* the ranking score: without text, the cosine with the
                                   query as searched (idf-weighted when store_search's
                                   idf is set); with text, the fused score
                                   (store_query_t) */
    float cosine;               /* the plain cosine of the query vector and the memory's
                                   vector, in [-1, 1]: no idf weighting, no recency; 0
                                   when either is all zero. Without idf it is score, up
                                   to rounding. */
    /* Where the hit stood in each ranked list of a search with text (store_query_t),
     * 1 = first, 0 = not among that list's candidates: bm25 (store/fts.c), the vector
     * index (dense) and recency (newest first among all candidates). Without text only
     * rank_dense is set (the hit's place). */
    int rank_bm25, rank_dense, rank_recency;
    /* What its neighbours lent to score (store_set_context_weight), 0 when nothing. */
    float context;
} store_hit_t;

typedef struct store_query {
    const char *user;           /* required */
    const float *vec;           /* required for search, dim floats */
    int k;                      /* 1..STORE_MAX_K */
    int64_t since_ms, until_ms; /* 0 = open */
    const char *conversation;   /* NULL = any */
    /* The query's text, for the bm25 leg: NULL = the vector index alone, scored by
     * cosine (as before schema version 6). With text, each leg in legs (0 = both) gives
     * its best STORE_FUSE_DEPTH (at least k) candidates (the vector ones rescored by
     * their length, store_set_length_pivot), a vector candidate only when its score is
     * above 0, a bm25 one when it shares a word with text, and they are merged by their
     * scores, each list's min-max normalized over its candidates: score = the sum over
     * the lists a memory is in of (s - the list's last) / (its first - its last), 1 for
     * every candidate of a list whose scores are all equal; so in [0, 2], and the last
     * candidate of a list in no other scores 0 (every hit is still a candidate). With
     * both legs, store_set_context_weight adds a share of the neighbours' sum, and
     * prefer_recent adds recency as a third list (the creation time among all the
     * candidates). Ties go to the newer memory. docs/RETRIEVAL.md has the measurements.
     * The text is read as it is (the agent blanks its stopwords: lex_query_text). */
    const char *text;
    int legs;                   /* STORE_LEG_* bits, 0 = both */
    int prefer_recent;
    /* With text: the candidates each leg gives, 0 = STORE_FUSE_DEPTH; never fewer than
     * k. A caller that wants only the first few (the chat turn) saves most of the bm25
     * leg's reading of rows with a small depth. */
    int depth;
} store_query_t;

#define STORE_LEG_BM25 1
#define STORE_LEG_DENSE 2
#define STORE_FUSE_DEPTH 100
/* The length pivot for vectors whose lexical part is a hashed sketch (the agent's; see
 * store_set_length_pivot), measured on LoCoMo (docs/RETRIEVAL.md). */
#define STORE_LENGTH_PIVOT 50
/* bm25's k1 and b: FTS5's own (a store's default, so its word list ranks as FTS5 does)
 * and the agent's for chat turns (store_set_bm25). A turn's length says little about
 * what it holds, so its b is lower: a long turn that names the asked thing once is not
 * pushed below a short one that names it once. 0.9 / 0.4 are Anserini's defaults, and
 * chosen on half of LoCoMo dev (docs/RETRIEVAL.md). */
#define STORE_FTS5_K1 1.2
#define STORE_FTS5_B 0.75
#define STORE_BM25_K1 0.9
#define STORE_BM25_B 0.4
/* The agent's neighbour weight (store_set_context_weight): a chat turn is often the
 * answer to the turn before it, or the question the next one answers. Chosen on half of
 * LoCoMo dev (docs/RETRIEVAL.md). */
#define STORE_CONTEXT_WEIGHT 0.5

typedef struct store_page {
    const char *user;
    int64_t since_ms, until_ms;
    const char *conversation;
    int64_t cursor;             /* 0 = first page; else ids < cursor (newest first) */
    int limit;
} store_page_t;

#define STORE_MAX_K 1000
#define STORE_LIST_MAX 10000    /* the largest page store_memory_list returns */

/* Opens (creating when absent) the database at path, migrates it forward to
 * STORE_SCHEMA_VERSION and loads the index for vectors of dim floats and encoder id.
 * Returns the store (store_close frees it), or NULL with err filled on failure
 * (including a database newer than this code). */
store_t *store_open(const char *path, int dim, const char *encoder, char *err, size_t errlen);
void store_close(store_t *st);

/* The largest id a caller may give store_memory_add. The store assigns the largest id
 * in use + 1 (SQLite's rowid), so one imported id near INT64_MAX would make every later
 * id huge; under this bound ids stay exact in a JSON number (2^53) for good. */
#define STORE_ID_MAX ((int64_t)1 << 40)

/* Inserts n memories in one transaction; ids[i] receives each new id (ids may be NULL).
 * All or nothing. Each item needs a user, a non-empty text and a finite vector of the
 * store's dim from the store's encoder (encoder NULL = the store's), and a frame or
 * none. Returns STORE_OK; STORE_EINVAL for a bad item (err names it, e.g. importance
 * above 1, an id above STORE_ID_MAX or half a frame); STORE_ECONFLICT for an id that
 * exists, whoever owns it (err: "id N already exists"); STORE_ENOMEM; STORE_EIO. */
int store_memory_add(store_t *st, const store_new_memory_t *m, size_t n, int64_t *ids,
                     char *err, size_t errlen);

/* Whether any of ids[0..n) is a memory, whoever owns it: STORE_OK with *taken the first
 * such id in ids' order, or 0 when none is. One lock for the n lookups (callers pass a
 * few hundred at a time). STORE_EINVAL (ids NULL with n > 0) or STORE_EIO. */
int store_memory_ids_taken(store_t *st, const int64_t *ids, size_t n, int64_t *taken);

/* Loads memory id into out (which the caller clears with store_memory_clear; it is
 * zeroed on failure). with_vec loads the vector too.
 * Returns STORE_OK, STORE_ENOTFOUND when absent, STORE_ENOMEM or STORE_EIO. */
int store_memory_get(store_t *st, int64_t id, int with_vec, store_memory_t *out);

/* Changes text (and vector) and/or importance of id; the previous text is kept in the
 * memory's history. text NULL = unchanged; importance < 0 = unchanged; vec (the store's
 * dim floats) is required with a new text and may also come alone (re-encoding). The
 * frame stays as it is (store_chat_commit's update is the one that replaces it).
 * Returns STORE_OK; STORE_EINVAL (empty text, a text without vector, a non-finite
 * vector, importance above 1); STORE_ENOTFOUND; STORE_ENOMEM; STORE_EIO. */
int store_memory_update(store_t *st, int64_t id, const char *text, const float *vec,
                        double importance, char *err, size_t errlen);

/* Marks old_id superseded by new_id (both of the same user) and records it in old_id's
 * history. old_id stays readable (get, list, history, export) but leaves the search
 * index. Returns STORE_OK; STORE_EINVAL for different users or old_id == new_id;
 * STORE_ENOTFOUND when either is absent; STORE_ECONFLICT when old_id is already
 * superseded; STORE_ENOMEM; STORE_EIO. */
int store_memory_supersede(store_t *st, int64_t old_id, int64_t new_id, char *err,
                           size_t errlen);

/* History of id, oldest first: each entry's text and the time it stopped being
 * current. *out is malloc'd (free with store_history_free); NULL and *n 0 on failure.
 * Returns STORE_OK, STORE_ENOTFOUND when id is absent, STORE_ENOMEM or STORE_EIO. */
typedef struct store_version {
    char *text;
    int64_t valid_until_ms;
    int64_t superseded_by;      /* nonzero when this version ended by supersession */
} store_version_t;
int store_memory_history(store_t *st, int64_t id, store_version_t **out, size_t *n);
void store_history_free(store_version_t *v, size_t n);

/* Deletes memory id and its history. The memories id superseded become current again
 * (superseded_by 0, searchable unless stale): deleting a correction brings back what it
 * corrected. The deleted text is overwritten in the database, but the WAL is not
 * checkpointed (store_memory_forget is the call that guarantees the text is gone). Its
 * words leave the text indexes too: delete, forget and store_user_delete merge both FTS5
 * indexes whole (FTS5 before SQLite 3.42 keeps a deleted row's terms until a merge), a
 * cost that grows with the index (docs/RETRIEVAL.md).
 * Returns STORE_OK, STORE_ENOTFOUND when absent, STORE_ENOMEM or STORE_EIO. */
int store_memory_delete(store_t *st, int64_t id);

/* Forgets ids for good, in one transaction: each memory, its history (its earlier
 * texts) and, transitively, every memory it superseded (they held earlier values of
 * the same fact, so they are forgotten with it rather than brought back as
 * store_memory_delete does). They leave the index; then the WAL is checkpointed and
 * truncated, so with secure_delete no byte of their text stays in the database's files.
 * The store cannot see other copies: turns that quoted the text stay (the caller deletes
 * them) and so do earlier backups. An id that does not exist is skipped (already gone).
 * Returns STORE_OK; STORE_EINVAL (ids NULL with n > 0); STORE_ENOMEM; STORE_EIO, with
 * err filled on every failure. A failed checkpoint (e.g. another process reading) is
 * STORE_EIO after the rows are deleted: calling again with the same ids retries it. */
int store_memory_forget(store_t *st, const int64_t *ids, size_t n, char *err,
                        size_t errlen);

/* Marks ids as used now (use_count += 1, last_used_ms = now), one transaction; an id
 * that does not exist is skipped. Returns STORE_OK, STORE_EINVAL (ids NULL with n > 0),
 * STORE_ENOMEM or STORE_EIO. */
int store_memory_touch(store_t *st, const int64_t *ids, size_t n);

/* Exact top-k search of q->user's current memories (never another user's; superseded
 * and stale memories are not searched). hits must hold q->k entries; *n receives how
 * many were filled (0 on failure); each hit's mem is owned by the caller
 * (store_hits_clear). With q->text, the bm25 leg and the vector index are fused (see
 * store_query_t) and score is the fused score. idf: BM25-style query weighting of the
 * vector index's score (see index_search);
 * each hit's cosine is the plain one either way. Returns STORE_OK; STORE_EINVAL (no
 * user, vector or hits, k outside 1..STORE_MAX_K, a non-finite vector); STORE_ENOMEM;
 * STORE_EIO. */
int store_search(store_t *st, const store_query_t *q, int idf, store_hit_t *hits, int *n,
                 char *err, size_t errlen);
void store_hits_clear(store_hit_t *hits, int n);

/* Tells the index that the first n dimensions of every vector are the lexical sketch
 * (index_set_lexical_dims): idf weighting of a search then applies to them only. 0 or
 * the store's dim (the default) = all. Call it right after store_open. Returns
 * STORE_OK, or STORE_EINVAL when n is outside 0..dim. */
int store_set_lexical_dims(store_t *st, int n);
/* With text, the dense leg's candidates are rescored by their length before they are
 * ranked: score * sqrt(nnz / (nnz + pivot)), nnz the row's nonzero lexical dimensions
 * (a chat turn of 25 words has about 50 in a sketch). A cosine divides a match by the
 * root of the row's features, so short turns ("Wow, great!") beat the long ones that
 * hold the facts; this gives some of it back, as bm25's length normalization does.
 * Only the scan's best (the leg's depth) are rescored; a row without a lexical part
 * (all zero there) keeps its score. 0 (the default): none. A search
 * without text is never rescored. Call it right after store_open. STORE_OK, or
 * STORE_EINVAL for a negative or non-finite pivot. */
int store_set_length_pivot(store_t *st, float pivot);
/* Sets the bm25 constants of the bm25 leg's word list (store/fts_words.c): k1 (term
 * frequency saturation) and b (how much a memory's length divides its score, 0 = not at
 * all). The default is FTS5's (STORE_FTS5_K1, STORE_FTS5_B). The CJK list is ranked by
 * FTS5 itself and keeps FTS5's. STORE_OK, or STORE_EINVAL for k1 outside (0, 100] or b
 * outside [0, 1]. */
int store_set_bm25(store_t *st, double k1, double b);
/* In a search with text by both legs, a candidate's fused score also gains w times the
 * larger of its neighbours' (the memories written just before and just after it by the
 * same user in the same conversation, when they are candidates too): the lists' sum
 * before this, without recency. A memory is read in the context of the ones around it,
 * so a reply that never names what it answers is found through the turn that asked.
 * 0 (the default): none. One list alone (legs) is never changed. Call it right after
 * store_open. STORE_OK, or STORE_EINVAL for w outside [0, 1]. */
int store_set_context_weight(store_t *st, float w);

/* A page of p->user's memories, newest first (by id). *out malloc'd array of *n
 * (store_memories_free); *next_cursor is 0 when there is no further page. Returns
 * STORE_OK; STORE_EINVAL (no user, limit outside 1..STORE_LIST_MAX, a negative cursor);
 * STORE_ENOMEM; STORE_EIO. */
int store_memory_list(store_t *st, const store_page_t *p, store_memory_t **out, size_t *n,
                      int64_t *next_cursor);
void store_memories_free(store_memory_t *v, size_t n);

/* Calls fn for every memory of user, oldest first, with vectors loaded; stops early and
 * returns fn's value when fn returns nonzero. Rows are read in batches, each its own
 * read transaction, and fn runs without the store's lock (so a slow consumer does not
 * stall the store); a memory added or deleted meanwhile may or may not be seen.
 * Returns STORE_OK, fn's nonzero value, STORE_EINVAL (no user or fn), STORE_ENOMEM or
 * STORE_EIO. */
typedef int (*store_each_fn)(const store_memory_t *m, void *ctx);
int store_memory_each(store_t *st, const char *user, store_each_fn fn, void *ctx);

/* One page of the oldest-first walk, for a caller that pulls (a streamed export): user's
 * memories with ids above after (0 = from the first), oldest first, at most limit
 * (1..STORE_LIST_MAX), without vectors. Each page is its own read transaction, so the
 * pages are not one snapshot: each memory comes at most once, in id order, as it was
 * when its page was read; one the store adds meanwhile gets an id above all before (ids
 * are never reused) and comes on a later page, one deleted before its page does not come,
 * and one imported meanwhile with a kept id below the walk's position is missed.
 * *out malloc'd array of *n (store_memories_free); fewer than limit means the walk is
 * done. Returns STORE_OK, STORE_EINVAL, STORE_ENOMEM or STORE_EIO. */
int store_memory_after(store_t *st, const char *user, int64_t after, int limit,
                       store_memory_t **out, size_t *n);

/* Deletes every memory, conversation and turn of user in one transaction, then
 * checkpoints and truncates the WAL (as store_memory_forget). *removed receives the
 * number of memories deleted (may be NULL); a user without any is STORE_OK with 0.
 * Returns STORE_OK, STORE_EINVAL (empty user), STORE_ENOMEM or STORE_EIO (also when only
 * the checkpoint failed: calling again retries it). */
int store_user_delete(store_t *st, const char *user, int64_t *removed);

/* Frames. store_frame_find: user's current (not superseded) memories whose frame has
 * holder and relation (relation NULL = any relation of holder), newest first (by id),
 * at most STORE_LIST_MAX. store_frames_list: user's current memories that have a frame,
 * oldest first, at most max (1..STORE_LIST_MAX), with only id, text, holder, relation
 * and value filled (read from the frame index alone: a chat turn lists them). Both
 * include stale memories (their facts hold, only their vectors wait for re-encoding)
 * and do not load vectors. *out is
 * a malloc'd array of *n (store_memories_free; NULL and 0 when nothing matched or on
 * failure). Return STORE_OK; STORE_EINVAL (no user or holder, max out of range);
 * STORE_ENOMEM; STORE_EIO. */
int store_frame_find(store_t *st, const char *user, const char *holder,
                     const char *relation, store_memory_t **out, size_t *n);
int store_frames_list(store_t *st, const char *user, size_t max, store_memory_t **out,
                      size_t *n);
/* store_frames_past: user's framed memories that a newer one superseded (a value
 * corrected, a move, an end), newest first, at most max (1..STORE_LIST_MAX), filled as
 * store_frames_list fills them; the same returns. */
int store_frames_past(store_t *st, const char *user, size_t max, store_memory_t **out,
                      size_t *n);
/* store_frames_list, and in *version the store's frames version the rows were read at
 * (0 on failure). store_frames_version: that version now, without a lock. Every write
 * that can change a frame, a memory's text or whether it is current (of any user)
 * moves it on, and so does the end of the transaction it ran in, so a list read at
 * version v is still what store_frames_list would list while the version is v: a
 * caller may keep it until then. */
int store_frames_current(store_t *st, const char *user, size_t max, store_memory_t **out,
                         size_t *n, uint64_t *version);
uint64_t store_frames_version(store_t *st);

/* Memories whose vector came from another encoder id or dimension than store_open's
 * stay in SQLite (readable, listed, exported) but are not searchable until re-encoded.
 * store_stale_count says how many there are (counted at open, kept up to date). */
size_t store_stale_count(store_t *st);

/* Fills out (the store's dim floats) with text's vector. Returns 0, nonzero on failure. */
typedef int (*store_encode_fn)(const char *text, float *out, void *ctx);

/* Re-encodes every stale memory with fn. Rows are read in batches, encoded without the
 * store's lock (searches and writes go on meanwhile) and rewritten one transaction per
 * batch, then indexed; a row whose text changed in between is skipped (its update
 * brought a fresh vector). *done (may be NULL) receives how many were rewritten.
 * Returns STORE_OK; STORE_EINVAL when fn is NULL, fails or gives a non-finite vector;
 * STORE_ENOMEM; STORE_EIO. Batches already written stay written. */
int store_reencode(store_t *st, store_encode_fn fn, void *ctx, size_t *done, char *err,
                   size_t errlen);

/* Conversations and turns. A conversation is keyed by (user, id): the first turn of a
 * user's conversation creates it, and another user's conversation of the same id is
 * another conversation. role must be "user" or "assistant" (else STORE_EINVAL).
 * A turn's kind is what the model layer says the exchange was ("statement", "answer",
 * "other" ...): the store keeps it as an opaque string of 1..STORE_KIND_MAX bytes of
 * [a-z_] (anything else is STORE_EINVAL), NULL = unknown. */
#define STORE_KIND_MAX 16
/* The attention a chat turn's model paid to one earlier exchange of its conversation:
 * the exchange's user turn and the weight (the store keeps both as given). A user turn
 * stored by store_chat_commit_n carries its list; no other turn has one, nor does any
 * turn stored before schema version 7. */
typedef struct store_attention {
    int64_t turn;
    float weight;
} store_attention_t;
#define STORE_ATTENTION_MAX 4096    /* entries of one turn's list */
typedef struct store_turn {
    int64_t id;
    char *role;                 /* "user" or "assistant" */
    char *text;
    int64_t created_ms;
    char *kind;                 /* NULL when unknown */
    char *conversation;         /* store_turns_said's only, else NULL */
    int has_attention;          /* 1 when the turn carries a list (maybe empty) */
    store_attention_t *attention;   /* [nattention], NULL when empty or none */
    size_t nattention;
} store_turn_t;                 /* strings and list owned (store_turns_free frees them) */
/* Adds one turn; *id_out (may be NULL) receives its id. Returns STORE_OK, STORE_EINVAL
 * (empty user or conversation, no text, a bad role or kind), STORE_ENOMEM or STORE_EIO. */
int store_turn_add(store_t *st, const char *user, const char *conversation,
                   const char *role, const char *text, const char *kind, int64_t *id_out);
/* A message (role "user") and the reply to it (role "assistant") as two turns in one
 * transaction, both of kind (may be NULL): one commit instead of two on the chat turn's
 * path. Same rules and codes as store_turn_add. */
int store_exchange_add(store_t *st, const char *user, const char *conversation,
                       const char *message, const char *reply, const char *kind,
                       int64_t *message_id, int64_t *reply_id);

/* A chat turn's writes in one transaction (one commit, one sync): the message and its
 * reply as turns of kind (as store_exchange_add) and, when w is not NULL, the
 * statement's memory: w->update_id nonzero updates that memory (touch_only: only marks
 * it used; else w->mem's text, vector and frame, the old text going to its history, the
 * old frame replaced even by none), zero adds w->mem; then each of
 * w->supersede[0..nsupersede) is superseded by it (one that is gone, already superseded
 * or another user's is skipped). w->mem_id receives the memory's id and w->superseded
 * (room for nsupersede) the ids superseded, w->nsuperseded their number. All or
 * nothing. Returns STORE_OK; STORE_EINVAL (as store_exchange_add, or a statement
 * without text, with a bad frame, or with a vector not finite or not of the store's
 * dim); STORE_ENOTFOUND (update_id is gone, unless touch_only); STORE_ENOMEM;
 * STORE_EIO; err is filled on every failure. */
typedef struct store_chat_write {
    const store_new_memory_t *mem;  /* the statement: user, conversation, text, vec, dim,
                                       frame */
    int64_t update_id;              /* the memory it repeats, 0 = a new one */
    int touch_only;                 /* with update_id: the same text, only mark it used */
    const int64_t *supersede;
    size_t nsupersede;
    int64_t mem_id;                 /* out */
    int64_t *superseded;            /* out, [nsupersede] */
    size_t nsuperseded;             /* out */
} store_chat_write_t;
int store_chat_commit(store_t *st, const char *user, const char *conversation,
                      const char *message, const char *reply, const char *kind,
                      int64_t *message_id, int64_t *reply_id, store_chat_write_t *w,
                      char *err, size_t errlen);
/* The same with the memories of several statements w[0..nw) (a message that tells
 * several facts), all in the one transaction, and the attention the model paid to the
 * conversation's earlier exchanges, att[0..natt) (att NULL: none kept; natt 0 with att
 * set: an empty list), stored with the message's turn. Also STORE_EINVAL for natt over
 * STORE_ATTENTION_MAX, or att NULL with natt > 0. */
int store_chat_commit_n(store_t *st, const char *user, const char *conversation,
                        const char *message, const char *reply, const char *kind,
                        int64_t *message_id, int64_t *reply_id, store_chat_write_t *w,
                        size_t nw, const store_attention_t *att, size_t natt, char *err,
                        size_t errlen);
/* Replaces the text of every turn of user's conversations that contains needle (ASCII
 * case folded) with STORE_REDACTED, in one transaction; *n (may be NULL) receives how
 * many. When it changed any, a WAL checkpoint follows, so the old text leaves the WAL
 * too (a forget request calls it before store_memory_forget). Returns STORE_OK, STORE_EINVAL (no user or needle), STORE_ENOMEM
 * or STORE_EIO, with err. */
/* The ids of user's memories (current or not) whose text contains needle (ASCII case
 * folded), or, of 12 bytes or more, is contained in it, oldest first, at most max, into
 * ids; *n receives how many. A forget request finds with it the memories that hold a
 * value as told, without a frame, and those of a sentence it forgets. Returns
 * STORE_OK, STORE_EINVAL, STORE_ENOMEM or STORE_EIO. */
int store_memories_with_text(store_t *st, const char *user, const char *needle, int64_t *ids,
                             size_t max, size_t *n);
#define STORE_REDACTED "[forgotten]"
int store_turns_redact(store_t *st, const char *user, const char *needle, size_t *n,
                       char *err, size_t errlen);
/* The same, replacing only needle (matched exactly, case and all) within each turn's
 * text, so what else a message said stays: a sentence forgotten of a longer message. */
int store_turns_redact_part(store_t *st, const char *user, const char *needle, size_t *n,
                            char *err, size_t errlen);
/* The last limit turns of user's conversation (oldest first) into *out, a malloc'd
 * array of *n (store_turns_free), with their attention. Returns STORE_OK, STORE_EINVAL (no user or
 * conversation, a negative limit), STORE_ENOTFOUND when user has no such conversation,
 * STORE_ENOMEM or STORE_EIO. */
int store_turns_last(store_t *st, const char *user, const char *conversation, int limit,
                     store_turn_t **out, size_t *n);
void store_turns_free(store_turn_t *v, size_t n);
/* What user said to mnemo: the newest limit messages of theirs (role "user") in any of
 * their conversations, newest first, into *out, a malloc'd array of *n
 * (store_turns_free), each with its kind and conversation and no attention. Redacted turns are among them, their text
 * STORE_REDACTED. Returns STORE_OK (*n 0 when there are none), STORE_EINVAL (no user,
 * a limit below 1), STORE_ENOMEM or STORE_EIO. */
int store_turns_said(store_t *st, const char *user, int limit, store_turn_t **out, size_t *n);
/* Deletes user's conversation and its turns (its memories stay). Returns STORE_OK,
 * STORE_EINVAL (NULL), STORE_ENOTFOUND, STORE_ENOMEM or STORE_EIO. */
int store_conversation_delete(store_t *st, const char *user, const char *conversation);

/* A page of user's conversations, newest first (by when each began): those whose seq is
 * below cursor (0 = the first page), at most limit (1..STORE_LIST_MAX). *out is a
 * malloc'd array of *n (store_conversations_free); *next_cursor is the seq to pass for
 * the next page, 0 when there is none. Returns STORE_OK; STORE_EINVAL (no user, a
 * negative cursor, limit out of range); STORE_ENOMEM; STORE_EIO. */
typedef struct store_conversation {
    int64_t seq;                /* the order conversations began in (the cursor) */
    char *id;                   /* owned */
    int64_t created_ms;
    int64_t turns;              /* its turns (a message and its reply are two) */
    int64_t last_ms;            /* its last turn's time, 0 without turns */
} store_conversation_t;
int store_conversations_list(store_t *st, const char *user, int64_t cursor, int limit,
                             store_conversation_t **out, size_t *n, int64_t *next_cursor);
void store_conversations_free(store_conversation_t *v, size_t n);

/* Per-user quotas and usage. A user's memories (every row: superseded ones count, their
 * earlier versions do not) and conversations are counted by the database in the writing
 * transaction, so reading them costs one lookup whatever their number. With a quota
 * set, a write that would add a memory or start a conversation past it fails whole with
 * STORE_EQUOTA (err says which quota): store_memory_add (an import too), the chat
 * commits; updates, supersessions' marks and turns of an existing conversation never do.
 * Lowering a quota below a user's count refuses only that user's next additions.
 * store_set_quotas: 0 = no quota (the default); STORE_OK, STORE_EINVAL for a negative
 * one, STORE_ENOMEM or STORE_EIO. store_usage_get: user's counts and the quotas in
 * force (a user without rows has 0 of each); STORE_OK, STORE_EINVAL (no user),
 * STORE_ENOMEM or STORE_EIO. */
typedef struct store_usage {
    int64_t memories, conversations;
    int64_t max_memories, max_conversations;    /* 0 = none */
} store_usage_t;
int store_set_quotas(store_t *st, int64_t max_memories, int64_t max_conversations);
int store_usage_get(store_t *st, const char *user, store_usage_t *out);

/* Observability; they cannot fail. */
size_t store_memory_count(store_t *st);     /* all rows, stale and superseded too */
size_t store_user_count(store_t *st);       /* users with a searchable memory */
size_t store_index_bytes(store_t *st);
int64_t store_db_bytes(store_t *st);        /* 0 when SQLite cannot say */

/* Frees m's strings and vector and zeroes it (m may be NULL). */
void store_memory_clear(store_memory_t *m);
int64_t store_now_ms(void);

#endif
