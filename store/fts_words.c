/* fts_words.c: the word list of the bm25 leg (fts.c), ranked by FTS5's own bm25 without
 * letting FTS5 rank every match. FTS5 ranks a match in about 2 us (it seeks the row's
 * length and decodes positions) and reads a posting in about 0.05 us, so a query holding
 * a word of a few thousand memories cost tens of milliseconds. Here the leg reads
 * postings only, the rarest words' first and within a budget; sums, for each of the
 * user's memories met, the idf of the query's words it holds; and scores only the best
 * few of those by full bm25 over all the query's words, from the memory's text. A word
 * too common to read is still scored on them; a query of only common words reads the
 * newest memories of its least common one. Everything is read in the searching user's
 * range of keys (STORE_FTS_KEY_BITS): the postings, and the document counts behind the
 * idf, which are the user's own, out of the user's memories; only the mean memory length
 * is everyone's (FTS5's averages record). In a store of one user that is FTS5's bm25.
 * docs/RETRIEVAL.md and docs/PERFORMANCE.md have the measurements. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Postings read at most per query (unless st->fts_budget says otherwise), about half a
 * millisecond. Words are read rarest first while the total stays within it. On LoCoMo
 * even 200 (a seventh of the rows) left recall@10 as it was (docs/RETRIEVAL.md). */
#define FTS_READ_BUDGET 10000
/* ... and no more than this many per id wanted (a chat turn wants a few dozen). */
#define FTS_READ_PER_ID 50
/* A word held by half the rows or more weighs nothing in bm25 (its idf is floored to
 * 1e-6), and one held by a third weighs 0.7 against 7 to 11 for a rare one: once the
 * words read give enough memories to score, such words are only scored, not read. */
#define FTS_READ_MIN_IDF 0.7
/* Memories scored by full bm25 per id wanted, the best by the sum of their words' idf:
 * scoring one reads its row, about 5 us. 1 lost 0.004 of LoCoMo's fused recall@25. */
#define FTS_RESCORE 2
/* A user's document counts of words in at least FTS_DF_CACHE_MIN of the user's memories
 * are kept (reading one costs a pass over its postings) in a direct-mapped table, each
 * valid while the user holds within a sixteenth of the memories held then. */
#define FTS_DF_SLOTS 1024
#define FTS_DF_CACHE_MIN 256

struct fts_df {
    char term[64];
    int64_t lo;             /* the user's range */
    int64_t df, nrow;
};

typedef struct term {
    char tok[64];           /* as the porter tokenizer reads it */
    int start, end;         /* its span in the query's text */
    int64_t df;
    double idf;
    int64_t *ids;           /* postings read, newest first (malloc'd) */
    int nids, pos;
    int tf;                 /* in the memory being scored */
} term_t;

typedef struct terms {
    term_t t[STORE_FTS_MAX_TERMS];
    int n;
    int dl;                 /* tokens of the memory being scored */
} terms_t;

typedef struct cand {
    int64_t id;
    double score;
} cand_t;

/* Collects each distinct token of the query once, with its span. */
static int on_query_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    terms_t *q = ctx;
    (void)flags;
    if (ntok <= 0 || ntok >= (int)sizeof q->t[0].tok || q->n == STORE_FTS_MAX_TERMS)
        return SQLITE_OK;
    for (int i = 0; i < q->n; i++)
        if ((int)strlen(q->t[i].tok) == ntok && memcmp(q->t[i].tok, tok, (size_t)ntok) == 0)
            return SQLITE_OK;
    term_t *t = &q->t[q->n++];
    memcpy(t->tok, tok, (size_t)ntok);
    t->tok[ntok] = 0;
    t->start = start;
    t->end = end;
    return SQLITE_OK;
}

/* Counts a memory's tokens and the query's words among them. */
static int on_doc_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    terms_t *q = ctx;
    (void)start, (void)end;
    if (flags & FTS5_TOKEN_COLOCATED)
        return SQLITE_OK;
    q->dl++;
    for (int i = 0; i < q->n && ntok < (int)sizeof q->t[i].tok; i++)
        if (q->t[i].tok[ntok] == 0 && memcmp(q->t[i].tok, tok, (size_t)ntok) == 0) {
            q->t[i].tf++;
            break;
        }
    return SQLITE_OK;
}

/* An SQLite varint at p (n bytes): its length, 0 when truncated. */
static int get_varint(const unsigned char *p, int n, uint64_t *v)
{
    uint64_t x = 0;
    for (int i = 0; i < n && i < 9; i++) {
        if (i == 8) {
            *v = (x << 8) | p[i];
            return 9;
        }
        x = (x << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *v = x;
            return i + 1;
        }
    }
    return 0;
}

/* The mean number of tokens of the index's rows (everyone's), from FTS5's averages record
 * (the figure its bm25 reads): 0 when the index is empty. */
static int mean_length(store_t *st, double *avgdl, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_FTS_TOTALS);
    int rc = STORE_OK, src = store_step(s, SQLITE_OK);
    *avgdl = 0;
    if (src == SQLITE_ROW) {
        const unsigned char *b = sqlite3_column_blob(s, 0);
        int n = sqlite3_column_bytes(s, 0), used;
        uint64_t rows = 0, tokens = 0;
        if (b && (used = get_varint(b, n, &rows)) > 0 && get_varint(b + used, n - used, &tokens) &&
            rows > 0 && rows < INT64_MAX)
            *avgdl = (double)tokens / (double)rows;
    } else if (src != SQLITE_DONE) {
        rc = store_sqlerr(st, src, err, errlen, "reading the text index's totals");
    }
    stmt_done(s);
    return rc;
}

/* t's span of text quoted, as a MATCH expression of t alone (malloc'd; NULL = no memory):
 * a token's span never holds a quote (a separator). */
static char *phrase(const term_t *t, const char *text)
{
    size_t len = (size_t)(t->end - t->start);
    char *match = malloc(len + 3);
    if (match) {
        match[0] = '"';
        memcpy(match + 1, text + t->start, len);
        memcpy(match + 1 + len, "\"", 2);
    }
    return match;
}

/* The number of the user's memories (keys from lo, nrow of them) holding t, into t->df (a
 * cached figure while still close). */
static int term_df(store_t *st, term_t *t, const char *text, int64_t lo, int64_t nrow,
                   char *err, size_t errlen)
{
    struct fts_df *c = NULL;
    if (st->fts_df || (st->fts_df = calloc(FTS_DF_SLOTS, sizeof *st->fts_df)))
        c = &st->fts_df[(index_hash(t->tok) ^ (uint64_t)lo) % FTS_DF_SLOTS];
    if (c && c->lo == lo && strcmp(c->term, t->tok) == 0 &&
        llabs(nrow - c->nrow) <= c->nrow / 16) {
        t->df = c->df;
        return STORE_OK;
    }
    char *match = phrase(t, text);
    if (!match) {
        store_errf(err, errlen, "out of memory");
        return STORE_ENOMEM;
    }
    sqlite3_stmt *s = stmt_get(st, S_FTS_TERM_DOCS);
    int b = SQLITE_OK, rc = STORE_OK;
    store_bind_text(s, 1, match, &b);
    store_bind_int64(s, 2, lo, &b);
    int src = store_step(s, b);
    t->df = src == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "reading the text index's terms");
    stmt_done(s);
    free(match);
    if (rc == STORE_OK && c && t->df >= FTS_DF_CACHE_MIN) {
        memcpy(c->term, t->tok, sizeof c->term);
        c->lo = lo;
        c->df = t->df;
        c->nrow = nrow;
    }
    return rc;
}

/* Reads the user's (keys from lo) newest lim postings of t into t->ids, as memory ids. */
static int read_postings(store_t *st, term_t *t, const char *text, int64_t lo, int64_t lim,
                         char *err, size_t errlen)
{
    char *match = phrase(t, text);
    int rc = STORE_OK, b = SQLITE_OK, src = SQLITE_DONE;
    t->ids = malloc((size_t)lim * sizeof *t->ids);
    if (!match || !t->ids) {
        free(match);
        store_errf(err, errlen, "out of memory");
        return STORE_ENOMEM;
    }
    sqlite3_stmt *s = stmt_get(st, S_FTS_TERM_IDS);
    store_bind_text(s, 1, match, &b);
    store_bind_int64(s, 2, lim, &b);
    store_bind_int64(s, 3, lo, &b);
    while (t->nids < lim && (src = store_step(s, b)) == SQLITE_ROW)
        t->ids[t->nids++] = sqlite3_column_int64(s, 0);
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        rc = store_sqlerr(st, src, err, errlen, "reading the text index");
    stmt_done(s);
    free(match);
    return rc;
}

/* Whether memory id is one of the user's searchable memories within f: the vector index
 * holds exactly the current memories of the store's encoder, and id's row is in the
 * user's partition p. */
static int row_ok(const index_t *ix, const index_part_t *p, int64_t id, const index_filter_t *f)
{
    size_t r;
    if (!p || index_row_part(ix, id, &r) != p)
        return 0;           /* not indexed, or another user's */
    const index_block_t *b = index_blk(ix, p, r);
    size_t o = r & ix->bmask;
    return (f->since_ms <= 0 || b->created[o] >= f->since_ms) &&
           (f->until_ms <= 0 || b->created[o] < f->until_ms) &&
           (!f->conv_hash || b->conv[o] == f->conv_hash);
}

/* Better first: higher score, then the newer (larger) id. */
static int cand_better(const cand_t *a, const cand_t *b)
{
    return a->score != b->score ? a->score > b->score : a->id > b->id;
}

static int by_cand(const void *x, const void *y)
{
    const cand_t *a = x, *b = y;
    return cand_better(a, b) ? -1 : cand_better(b, a) ? 1 : 0;
}

/* Keeps the best m of the candidates offered in h[0..*n), a heap whose root is the worst. */
static void heap_offer(cand_t *h, int *n, int m, cand_t c)
{
    int i;
    if (*n == m) {
        if (!cand_better(&c, &h[0]))
            return;
        i = 0;              /* sift c down from the root */
        for (;;) {
            int w = i, l = 2 * i + 1, r = l + 1;
            const cand_t *wc = &c;
            if (l < m && cand_better(wc, &h[l]))
                w = l, wc = &h[l];
            if (r < m && cand_better(wc, &h[r]))
                w = r;
            if (w == i)
                break;
            h[i] = h[w];
            i = w;
        }
        h[i] = c;
        return;
    }
    for (i = (*n)++; i > 0 && cand_better(&h[(i - 1) / 2], &c); i = (i - 1) / 2)
        h[i] = h[(i - 1) / 2];
    h[i] = c;
}

static int by_df(const void *x, const void *y)
{
    const term_t *a = x, *b = y;
    return (a->df > b->df) - (a->df < b->df);
}

/* Scores c by bm25 over every word of q, from its text (memories.text, which the index
 * was built from). A memory gone since its posting was read scores nothing. */
static int rescore(store_t *st, terms_t *q, double avgdl, cand_t *c, char *err, size_t errlen)
{
    sqlite3_stmt *s = stmt_get(st, S_FTS_TEXT);
    int b = SQLITE_OK, rc = STORE_OK;
    store_bind_int64(s, 1, c->id, &b);
    int src = store_step(s, b);
    c->score = 0;
    if (src == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(s, 0);
        q->dl = 0;
        for (int i = 0; i < q->n; i++)
            q->t[i].tf = 0;
        if (text)
            st->fts_api.xTokenize(st->fts_tok, q, FTS5_TOKENIZE_DOCUMENT, text,
                                  sqlite3_column_bytes(s, 0), on_doc_token);
        double k1 = st->bm25_k1, bl = st->bm25_b;
        double norm = k1 * (1 - bl + bl * q->dl / (avgdl > 0 ? avgdl : 1));
        for (int i = 0; i < q->n; i++)
            if (q->t[i].tf)
                c->score += q->t[i].idf * q->t[i].tf * (k1 + 1) / (q->t[i].tf + norm);
    } else if (src != SQLITE_DONE) {
        rc = store_sqlerr(st, src, err, errlen, "reading a memory's text");
    }
    stmt_done(s);
    return rc;
}

void store_fts_set_budget(store_t *st, int64_t postings)
{
    pthread_mutex_lock(&st->mu);
    st->fts_budget = postings;
    pthread_mutex_unlock(&st->mu);
}

int store_fts_words_locked(store_t *st, const store_query_t *q, int64_t lo, int64_t nrow,
                           int64_t *ids, double *scores, int max, int *n, char *err,
                           size_t errlen)
{
    terms_t *w = calloc(1, sizeof *w);
    cand_t *h = NULL;
    int64_t budget = st->fts_budget > 0 ? st->fts_budget : FTS_READ_PER_ID * max;
    if (budget > FTS_READ_BUDGET && st->fts_budget <= 0)
        budget = FTS_READ_BUDGET;
    double avgdl = 0;
    int rc, m = max * FTS_RESCORE, nh = 0;
    *n = 0;
    if (!w || !(h = malloc((size_t)m * sizeof *h))) {
        rc = STORE_ENOMEM;
        store_errf(err, errlen, "out of memory");
        goto done;
    }
    if ((rc = store_fts_tokenizer_locked(st, err, errlen)) != STORE_OK ||
        (rc = mean_length(st, &avgdl, err, errlen)) != STORE_OK || nrow == 0)
        goto done;
    st->fts_api.xTokenize(st->fts_tok, w, FTS5_TOKENIZE_QUERY, q->text, (int)strlen(q->text),
                          on_query_token);
    int nt = 0;             /* the words some memory holds, rarest first */
    for (int i = 0; i < w->n && rc == STORE_OK; i++)
        if ((rc = term_df(st, &w->t[i], q->text, lo, nrow, err, errlen)) == STORE_OK &&
            w->t[i].df > 0)
            w->t[nt++] = w->t[i];
    w->n = nt;
    qsort(w->t, (size_t)w->n, sizeof *w->t, by_df);
    for (int i = 0; i < w->n; i++) {    /* FTS5's idf, floored as it floors it */
        double idf = log((nrow - w->t[i].df + 0.5) / (w->t[i].df + 0.5));
        w->t[i].idf = idf > 0 ? idf : 1e-6;
    }
    for (int i = 0, read = 0; i < w->n && rc == STORE_OK; i++) {
        if (i > 0 && (read + w->t[i].df > budget || (w->t[i].idf < FTS_READ_MIN_IDF &&
                                                      read >= m)))
            break;
        rc = read_postings(st, &w->t[i], q->text, lo,
                           w->t[i].df < budget ? w->t[i].df : budget, err, errlen);
        read += w->t[i].nids;
    }
    if (rc != STORE_OK)
        goto done;

    /* Merge the lists (each newest first): each memory met once, with the idf of the
     * words it was met in; the user's, within the filters, offered to the heap. */
    index_filter_t f = {q->since_ms, q->until_ms,
                        q->conversation ? index_hash(q->conversation) : 0};
    pthread_rwlock_rdlock(&st->ixlock);
    const index_part_t *p = index_find_part(st->ix, q->user);
    term_t *live[STORE_FTS_MAX_TERMS];  /* the lists not yet exhausted */
    int nlive = 0;
    for (int i = 0; i < w->n; i++)
        if (w->t[i].nids)
            live[nlive++] = &w->t[i];
    while (nlive) {
        int64_t id = 0;
        double pre = 0;
        for (int i = 0; i < nlive; i++)
            if (live[i]->ids[live[i]->pos] > id)
                id = live[i]->ids[live[i]->pos];
        for (int i = 0; i < nlive; i++)
            if (live[i]->ids[live[i]->pos] == id) {
                pre += live[i]->idf;
                if (++live[i]->pos == live[i]->nids)
                    live[i--] = live[--nlive];
            }
        cand_t c = {id, pre};
        if ((nh < m || cand_better(&c, &h[0])) && row_ok(st->ix, p, id, &f))
            heap_offer(h, &nh, m, c);
    }
    pthread_rwlock_unlock(&st->ixlock);

    for (int i = 0; i < nh && rc == STORE_OK; i++)
        rc = rescore(st, w, avgdl, &h[i], err, errlen);
    if (rc != STORE_OK)
        goto done;
    qsort(h, (size_t)nh, sizeof *h, by_cand);
    for (int i = 0; i < nh && *n < max; i++)
        if (h[i].score > 0) {
            scores[*n] = h[i].score;
            ids[(*n)++] = h[i].id;
        }
done:
    for (int i = 0; w && i < STORE_FTS_MAX_TERMS; i++)
        free(w->t[i].ids);
    free(w);
    free(h);
    return rc;
}
