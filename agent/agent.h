/* agent.h: the C interface the HTTP layer calls. The agent owns the store, the model
 * and the working memories; it turns text into memory vectors (the lexical sketch,
 * joined by the model's sentence encoding when a model is loaded), runs the chat turn,
 * and enforces nothing about authentication: api/ decides which user a request may act
 * for and passes it here. Its types are its own: a caller sees neither the store nor the
 * model behind it. */
#ifndef MNEMO_AGENT_AGENT_H
#define MNEMO_AGENT_AGENT_H

#include <stddef.h>
#include <stdint.h>

typedef struct agent agent_t;

/* The agent's defaults, owned here (mnemod's config table reads them). W: exchanges a
 * conversation's working memory keeps; K: long-term memories retrieved per turn; the
 * cosine from which a statement updates the memory it repeats; the share of the lexical
 * cosine in a memory's similarity. The learned half alone ranks LoCoMo's memories close
 * to randomly and at 0.5 it cost 0.25 recall@10; from 0.9 up recall is the lexical
 * sketch's (docs/RETRIEVAL.md), and the learned half still orders memories the sketch
 * cannot tell apart. With the sentence encoder (senc.h) as the learned half, its own
 * share: chosen with the fused search on LoCoMo's tuning conversation (docs/RETRIEVAL.md,
 * "Score fusion"). */
#define AGENT_DEFAULT_TURNS 64
#define AGENT_DEFAULT_MEMORIES 16
#define AGENT_DEFAULT_DUPLICATE 0.92
#define AGENT_LEXICAL_WEIGHT 0.9
#define AGENT_ENCODER_LEXICAL_WEIGHT 0.5
/* The limits (agent_limits_t), plain decimal literals for the same reason: the bytes
 * the working memories of all conversations may hold (64 MiB: 256 conversations at the
 * worst case of W = 64 statements of 4 KiB, thousands of ordinary ones), and the most
 * memories and conversations one user may have (0 would be none). */
#define AGENT_DEFAULT_WORKING_MEMORY_BYTES 67108864
#define AGENT_DEFAULT_MAX_MEMORIES_PER_USER 1000000
#define AGENT_DEFAULT_MAX_CONVERSATIONS_PER_USER 10000
typedef struct model model_t;   /* model/model.h */
typedef struct senc senc_t;     /* model/senc.h */

enum agent_err {
    AGENT_OK = 0,
    AGENT_ENOTFOUND = -1,
    AGENT_EINVAL = -2,      /* invalid input (err says which) */
    AGENT_EIO = -3,
    AGENT_ENOMEM = -4,
    AGENT_ECONFLICT = -5,
    AGENT_EFORBIDDEN = -6,  /* the row exists but belongs to another user */
    AGENT_ENOMODEL = -7,    /* chat without a loaded model */
    AGENT_EQUOTA = -8,      /* the write would pass the user's quota of memories or
                               conversations (agent_limits_t); nothing was written, err
                               says which and the user's counts */
};

/* Largest k of a search: the store's own limit (agent.c checks that they agree). */
#define AGENT_MAX_K 1000
/* The largest id an import may keep: the store's own bound (STORE_ID_MAX, memories.c
 * checks that they agree). Ids the daemon assigns follow the largest in use. */
#define AGENT_ID_MAX ((int64_t)1 << 40)

/* A memory as callers see it: owned strings, released by agent_memory_clear. */
typedef struct agent_memory {
    int64_t id;
    char *user;
    char *conversation;     /* may be NULL */
    char *text;
    int64_t created_ms, updated_ms, last_used_ms;   /* ms since the epoch, UTC */
    int64_t use_count;
    double importance;      /* 0..1 */
    int64_t superseded_by;  /* 0 when current */
} agent_memory_t;
void agent_memory_clear(agent_memory_t *m);
void agent_memories_free(agent_memory_t *v, size_t n);   /* clears each, frees v */

/* One earlier version of a memory: its text and when it stopped being current. */
typedef struct agent_version {
    char *text;             /* owned */
    int64_t valid_until_ms;
    int64_t superseded_by;  /* nonzero when this version ended by supersession */
} agent_version_t;
void agent_history_free(agent_version_t *v, size_t n);

typedef struct agent_hit {
    agent_memory_t mem;
    float score;            /* the search score, best first */
    /* Its rank in each list the search fused (store_hit_t): 1 = first, 0 = absent;
     * and what its neighbours lent to score. */
    int rank_bm25, rank_dense, rank_recency;
    float context;
} agent_hit_t;
void agent_hits_clear(agent_hit_t *hits, int n);          /* clears each, not hits */

/* A search of user's current memories: k best (1..AGENT_MAX_K), within [since, until]
 * (0 = open) and conversation (NULL = any). */
typedef struct agent_search {
    const char *user;
    int k;
    int64_t since_ms, until_ms;
    const char *conversation;
    int legs;               /* AGENT_LEG_* bits, 0 = both (fused) */
    int prefer_recent;      /* recency as a third fused list */
} agent_search_t;
#define AGENT_LEG_BM25 1    /* the store's STORE_LEG_* (checked in agent/memories.c) */
#define AGENT_LEG_DENSE 2

/* A page of user's memories, newest first: ids below cursor (0 = the first page). */
typedef struct agent_page {
    const char *user;
    int64_t since_ms, until_ms;
    const char *conversation;
    int64_t cursor;
    int limit;
} agent_page_t;

/* The last hop's attention on an earlier exchange of a conversation's working memory. */
typedef struct agent_attention {
    int64_t turn;           /* the user turn of a working-memory exchange */
    float weight;           /* the last hop's attention on it (0: not a slot) */
} agent_attention_t;

/* A logged turn of a conversation. */
typedef struct agent_turn_row {
    int64_t id;
    char *role;             /* "user" or "assistant" (owned) */
    char *text;             /* owned */
    char *kind;             /* what the exchange was (model_kind_name), NULL when unknown */
    int64_t created_ms;
    /* A user turn's attention as its reply reported it (agent_turn_t.attention), oldest
     * first; has_attention 0 for replies and for turns stored before mnemod kept it. */
    int has_attention;
    agent_attention_t *attention;   /* [nattention], owned, NULL when empty or none */
    size_t nattention;
} agent_turn_row_t;
void agent_turn_rows_free(agent_turn_row_t *v, size_t n);

/* What the agent lets its callers use; agent_set_limits changes them while it runs. */
typedef struct agent_limits {
    size_t working_memory_bytes;    /* all working memories together (wm.h's budget): past
                                       it the least recently used conversations leave RAM
                                       and their next turn restores them from the turns
                                       table; 0 = AGENT_DEFAULT_WORKING_MEMORY_BYTES */
    int64_t max_memories_per_user;  /* memory rows of one user, superseded ones included;
                                       0 = no quota */
    int64_t max_conversations_per_user;     /* 0 = no quota */
} agent_limits_t;

typedef struct agent_config {
    const char *db_path;
    model_t *model;         /* NULL: no model (lexical memories, no chat); the agent
                               owns it from agent_new on, failure included */
    senc_t *encoder;        /* the sentence encoder of the learned half of memory
                               vectors (agent_encoder_load); NULL: the model's sentence
                               vector, or none without a model. Owned as model is. */
    int chat_turns;         /* W: exchanges kept per conversation (1..1024) */
    int chat_memories;      /* K: long-term memories retrieved per turn (0..256) */
    double chat_duplicate;  /* cosine from which a statement updates the memory */
    double lexical_weight;  /* w: share of the lexical cosine (0..1) beside the model's
                               sentence vector */
    double encoder_lexical_weight;  /* w beside the sentence encoder's vector */
    agent_limits_t limits;
} agent_config_t;

/* The model an agent may be given (agent_config_t.model), loaded before the agent so a
 * bad file is told apart from a bad database: NULL with err saying why (the file and
 * what is wrong with it). agent_model_about writes "tag T, sentence vectors of D" into
 * buf and returns it. */
model_t *agent_model_load(const char *path, char *err, size_t errlen);
void agent_model_free(model_t *m);
const char *agent_model_about(const model_t *m, char *buf, size_t len);

/* The sentence encoder an agent may be given (agent_config_t.encoder), loaded the same
 * way: NULL with err starting with the path and saying what is wrong. agent_encoder_about
 * writes "tag T, vectors of D" into buf and returns it. */
senc_t *agent_encoder_load(const char *path, char *err, size_t errlen);
void agent_encoder_free(senc_t *s);
const char *agent_encoder_about(const senc_t *s, char *buf, size_t len);

/* The defaults above, and no model. */
void agent_config_default(agent_config_t *cfg);

/* Applies new limits to the calls that begin after it (a budget lower than what the
 * working memories hold evicts now; a quota lower than a user's count refuses that
 * user's next additions, it deletes nothing). AGENT_OK, AGENT_EINVAL for a negative
 * quota, or the store's failure (the limits are then unchanged but for the budget). */
int agent_set_limits(agent_t *a, const agent_limits_t *l);

/* Opens the store (migrating and indexing it, re-encoding the memories of another
 * encoder). Memory vectors are the lexical sketch (LEX_DIM floats, encoder
 * LEX_ENCODER_ID) without a learned half, else [sqrt(w) * sketch ; sqrt(1 - w) * learned]
 * (LEX_DIM + D floats, the weight always written in the id): the learned part is the
 * sentence encoder's vector when one is given (encoder "lex1-512+senc-<tag>/w=<w>", w
 * = encoder_lexical_weight), else the model's (model_encode,
 * "lex1-512+<model_tag>/w=<w>", w = lexical_weight); cosine = w * lexical cosine +
 * (1 - w) * learned cosine. NULL with err filled on failure. */
agent_t *agent_new(const agent_config_t *cfg, char *err, size_t errlen);
void agent_free(agent_t *a);
int agent_ready(const agent_t *a);

/* A memory to create: borrowed strings. */
typedef struct agent_memory_in {
    const char *text;
    const char *conversation;   /* may be NULL */
    double importance;          /* < 0 = default */
    int64_t created_ms;         /* 0 = now (import passes the original time) */
    int64_t id;                 /* 0 = assign; import may keep one in 1..AGENT_ID_MAX */
} agent_memory_in_t;

/* Creates n memories of user in one transaction (texts encoded before the store's lock
 * is taken); ids[n] receives their ids. AGENT_EINVAL with err for a bad item (an id
 * outside 1..AGENT_ID_MAX); AGENT_ECONFLICT with err "id N already exists" when a given
 * id exists, whoever owns it (the same words either way: nobody learns whose it is);
 * AGENT_EQUOTA when they would take user past the memory quota (none is written). */
int agent_memory_create(agent_t *a, const char *user, const agent_memory_in_t *in, size_t n,
                        int64_t *ids, char *err, size_t errlen);
/* *taken receives the first of ids[0..n) (in their order) that is a memory of anyone,
 * or 0. For an import's check before it writes; n of a few hundred per call holds the
 * store's lock for that many lookups. AGENT_OK or AGENT_EIO. */
int agent_memory_ids_taken(agent_t *a, const int64_t *ids, size_t n, int64_t *taken);
/* Forgets ids for good (store_memory_forget: their history and text index terms too),
 * one transaction: how an import takes back the batches it wrote before one failed.
 * Absent ids are skipped. AGENT_OK, AGENT_ENOMEM or AGENT_EIO with err filled. */
int agent_memory_forget_ids(agent_t *a, const int64_t *ids, size_t n, char *err,
                            size_t errlen);
/* Loads id when it belongs to user (user NULL = admin: any). AGENT_ENOTFOUND when
 * absent or another user's: a token never learns that another user's id exists. */
int agent_memory_get(agent_t *a, const char *user, int64_t id, agent_memory_t *out);
int agent_memory_update(agent_t *a, const char *user, int64_t id, const char *text,
                        double importance, agent_memory_t *out, char *err, size_t errlen);
int agent_memory_delete(agent_t *a, const char *user, int64_t id);
int agent_memory_history(agent_t *a, const char *user, int64_t id, agent_version_t **out,
                         size_t *n);
/* The memories closest to text: hits must hold q->k entries, *n receives how many
 * were filled (the caller clears them with agent_hits_clear). */
int agent_memory_search(agent_t *a, const agent_search_t *q, const char *text,
                        agent_hit_t *hits, int *n, char *err, size_t errlen);
int agent_memory_list(agent_t *a, const agent_page_t *p, agent_memory_t **out, size_t *n,
                      int64_t *next_cursor);
/* A page of user's export, oldest first: memories with ids above after (0 = from the
 * first), at most limit (1 to the store's largest page). A caller streams the whole
 * export by passing the last id of each page to the next, holding nothing in between;
 * the pages are not one snapshot (store_memory_after says what a concurrent write does).
 * *out malloc'd (agent_memories_free); fewer than limit: the last page. */
int agent_user_export_page(agent_t *a, const char *user, int64_t after, int limit,
                           agent_memory_t **out, size_t *n);
int agent_user_delete(agent_t *a, const char *user, int64_t *removed);

/* ---- the chat turn (docs/API.md, "The chat turn") ---------------------------------- */

typedef struct agent_recall {
    agent_memory_t mem;     /* a retrieved memory */
    float score;            /* its search score */
    float weight;           /* the last hop's attention on its slot (0: not read) */
    int rank_bm25, rank_dense, rank_recency;    /* as agent_hit_t's */
    float context;                              /* as agent_hit_t's */
} agent_recall_t;

/* A clause of the message as the model read it (static strings for act and relation). */
typedef struct agent_clause {
    char text[512];
    const char *act;        /* "fact", "question", "yesno", "correction", "forget",
                               "summary", "smalltalk", "unable" */
    float act_p;            /* the model's probability of that act */
    const char *relation_class;     /* "name", "home", ... or "open" */
    char holder[64], relation[64], value[256];  /* the frame ("" where none) */
} agent_clause_t;

/* A fact a turn wrote, with its frame. */
typedef struct agent_written {
    int64_t id;
    char holder[64], relation[64], value[256];
} agent_written_t;

/* A sentence of the user's that an answer quotes (agent/quote.h): the turn that holds
 * it (0 when the answer quotes none) and that turn's conversation. */
typedef struct agent_quoted {
    int64_t turn;
    char conversation[256];
} agent_quoted_t;

typedef struct agent_turn {
    int64_t turn;           /* id of the user's turn (the reply is the next turn) */
    char reply[1024];       /* the reply in sentences */
    char answer[256];       /* the bare answer ("Odile", "yes"), "" when none */
    const char *kind;       /* what the model took the message for: "statement" (a fact
                               it acknowledged), "answer" or "other" (static string) */
    agent_clause_t *clauses;        /* [nclauses] in order; none without a reader */
    size_t nclauses;
    agent_attention_t *attention;   /* [nattention] oldest first */
    size_t nattention;
    agent_recall_t *memories;       /* [nmemories] best first: an answer's memory first */
    size_t nmemories;
    agent_written_t *written;       /* [nwritten] memories created or updated */
    size_t nwritten;
    int64_t *superseded;    /* [nsuperseded] memories the facts told replaced */
    size_t nsuperseded;
    int64_t *forgotten;     /* [nforgotten] memories a forget request deleted */
    size_t nforgotten;
    agent_quoted_t quoted;  /* what a question no fact answered was answered with */
    /* Where the turn's time went (the rest: working memory, the plan, reporting):
     * model_seconds the memory network's forward pass, the reader's reading and the
     * plan made of it; search_seconds the retrieval (the fused search); write_seconds the turn's
     * transaction up to its commit (the fsync included). */
    double model_seconds, search_seconds, write_seconds;
} agent_turn_t;

/* One turn of conversation for user: retrieve, answer from working memory and the
 * retrieved memories, store both turns, write a statement to long-term memory (update a
 * near-duplicate, supersede what it replaces). The message is read, stored and
 * remembered with its shorthand written out ("u": "you", "4yo": "4 years old"). out is filled on AGENT_OK and must be
 * released with agent_turn_clear whatever the result. A conversation is user's own:
 * another user's conversation of the same id is another conversation. AGENT_ENOMODEL
 * without a model, AGENT_EINVAL for an empty message or invalid UTF-8 (err says why).
 * AGENT_EQUOTA when the turn would start a conversation past user's conversation quota
 * (refused before the model runs) or write a new memory past the memory quota (after
 * it: updating a memory it repeats adds none): nothing of the turn is stored, neither
 * its turns nor its facts, and it is not answered.
 * One conversation's turns run one at a time; different conversations in parallel. */
int agent_chat(agent_t *a, const char *user, const char *conversation, const char *message,
               agent_turn_t *out, char *err, size_t errlen);
void agent_turn_clear(agent_turn_t *t);

/* The last limit turns of user's conversation, oldest first, each user turn of a chat
 * with the attention its reply reported (*out malloc'd, agent_turn_rows_free).
 * AGENT_ENOTFOUND when user has no such conversation. */
int agent_conversation_get(agent_t *a, const char *user, const char *conversation,
                           int limit, agent_turn_row_t **out, size_t *n);
/* Deletes user's conversation (its turns and working memory; the memories written from
 * it stay). AGENT_ENOTFOUND when user has no such conversation. */
int agent_conversation_delete(agent_t *a, const char *user, const char *conversation);

/* A conversation in a listing. */
typedef struct agent_conversation {
    char *id;               /* owned */
    int64_t created_ms;
    int64_t turns;          /* stored turns (a message and its reply are two) */
    int64_t last_ms;        /* the last turn's time, 0 without turns */
} agent_conversation_t;
/* A page of user's conversations, newest first (by when each began): cursor 0 for the
 * first page, then the *next_cursor of the one before (0: no further page); limit from
 * 1 to the store's largest page (as agent_memory_list). *out malloc'd
 * (agent_conversations_free). AGENT_EINVAL for a limit or cursor out of range. */
int agent_conversations_list(agent_t *a, const char *user, int64_t cursor, int limit,
                             agent_conversation_t **out, size_t *n, int64_t *next_cursor);
void agent_conversations_free(agent_conversation_t *v, size_t n);

/* The loaded model's tag (model_tag), or NULL without a model. */
const char *agent_model_tag(const agent_t *a);

/* Sizes for /metrics. */
typedef struct agent_stats {
    size_t memories;            /* rows, superseded and stale included */
    size_t users;               /* users with a searchable memory */
    size_t index_bytes;         /* the in-RAM vector index */
    int64_t db_bytes;           /* the SQLite file (pages in use and free) */
    size_t wm_conversations;    /* conversations whose working memory is in RAM */
    size_t wm_bytes;            /* the bytes they hold (wm_conv_bytes) */
    size_t wm_max_bytes;        /* the budget, limits.working_memory_bytes */
    uint64_t wm_evictions;      /* conversations evicted from RAM since the start */
} agent_stats_t;
void agent_stats(agent_t *a, agent_stats_t *out);

#endif
