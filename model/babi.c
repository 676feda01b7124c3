/* babi.c: the bAbI-format reader. Words are interned once per corpus (in a vocab_t,
 * read with the model's one text-to-words rule, vocab_words); statements live in one
 * pool per corpus so every question refers to the range of its story's statements so
 * far instead of copying them. Stories restart when a line number does not grow; the
 * last ceil(10%) of each file's stories are held out. */
#include "model/data.h"
#include "model/persona.h"
#include "model/tokenizer.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- corpus ----------------------------------------------------------------------- */

/* A growable int array. */
typedef struct ivec {
    int *v;
    size_t n, cap;
} ivec_t;

static int ivec_push(ivec_t *a, int x)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 1024;
        int *v = realloc(a->v, sizeof *v * cap);
        if (!v)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

/* One question: its words, its answer's words, and its story's statements so far. */
typedef struct babi_qrec {
    int w0, nw;     /* in words */
    int a0, na;     /* in words */
    int s0, ns;     /* statements */
    int task, split;
    int ack;        /* 1: an acknowledgement example (the statement itself asked) */
} babi_qrec_t;

struct babi_corpus {
    vocab_t *words;             /* interned words (ids 0..2 are the reserved ones) */
    ivec_t words_pool;          /* word indices of statements, questions and answers */
    ivec_t stmt_w0, stmt_nw;    /* per statement: range in words_pool */
    ivec_t stmt_split;          /* per statement: its story's split */
    babi_qrec_t *qs;
    int nq, capq;
    int nstories;
    int ack_every;              /* statements read get an ack example, 1 in ack_every */
    uint64_t ack_seen;          /* statements read while ack_every > 0 */
    int force_split;            /* 0: hold out the last 10%; 1: all train; 2: all validation */
    int no_qmark;               /* 1: questions read without VOCAB_QMARK */
};

void babi_corpus_set_split(babi_corpus_t *c, int split)
{
    c->force_split = split == 0 || split == 1 ? split + 1 : 0;
}

void babi_corpus_set_qmark(babi_corpus_t *c, int on) { c->no_qmark = !on; }

void babi_corpus_set_ack(babi_corpus_t *c, int every) { c->ack_every = every > 0 ? every : 0; }

babi_corpus_t *babi_corpus_new(void)
{
    babi_corpus_t *c = calloc(1, sizeof(babi_corpus_t));
    if (c && !(c->words = vocab_new())) {
        free(c);
        c = NULL;
    }
    return c;
}

void babi_corpus_free(babi_corpus_t *c)
{
    if (!c)
        return;
    vocab_free(c->words);
    free(c->words_pool.v);
    free(c->stmt_w0.v);
    free(c->stmt_nw.v);
    free(c->stmt_split.v);
    free(c->qs);
    free(c);
}

int babi_corpus_questions(const babi_corpus_t *c, int split)
{
    int n = 0;
    for (int i = 0; i < c->nq; i++)
        n += split < 0 || c->qs[i].split == split;
    return n;
}

int babi_corpus_stories(const babi_corpus_t *c) { return c->nstories; }

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* Tokenizes text[0..len) and appends the interned words the model reads of it
 * (vocab_words; VOCAB_QMARK last when qmark is set and the text asks); *nw gets their
 * count. Returns 0, -1 (memory) or -2 (invalid UTF-8). */
static int push_words_q(babi_corpus_t *c, const char *text, size_t len, int *nw, int qmark)
{
    tok_list_t tl = {0};
    vocab_span_t *w = NULL;
    int rc = tok_split(text, len, &tl, NULL, 0);
    if (rc != TOK_OK)
        return rc == TOK_EINVAL ? -2 : -1;
    int n = vocab_words(text, len, &tl, qmark, NULL, 0);
    if (!(w = malloc(sizeof *w * (size_t)(n ? n : 1)))) {
        rc = -1;
        goto out;
    }
    vocab_words(text, len, &tl, qmark, w, n);
    *nw = 0;
    for (int i = 0; i < n; i++) {
        int id = vocab_add_n(c->words, w[i].s, w[i].len);
        if (id < 0 || ivec_push(&c->words_pool, id) < 0) {
            rc = -1;
            goto out;
        }
        (*nw)++;
    }
out:
    free(w);
    tok_list_free(&tl);
    return rc;
}

static int push_words(babi_corpus_t *c, const char *text, size_t len, int *nw)
{
    return push_words_q(c, text, len, nw, 0);
}

int babi_task_of(const char *name)
{
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    if (strncmp(b, "qa", 2) != 0 || !isdigit((unsigned char)b[2]))
        return 0;
    return atoi(b + 2);
}

int babi_heldout(int nstories)
{
    int nvalid = (nstories + 9) / 10;
    if (nvalid >= nstories)
        nvalid = nstories > 1 ? 1 : 0;
    return nvalid;
}

int babi_next_line(const char *text, size_t len, size_t *at, int *lineno, babi_line_t *l)
{
    while (*at < len) {
        const char *p = text + *at, *end = text + len;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *line = p, *lend = eol ? eol : end;
        *at = (size_t)(lend - text) + 1;
        (*lineno)++;
        if (lend > line && lend[-1] == '\r')
            lend--;
        while (line < lend && (*line == ' ' || *line == '\t'))
            line++;
        if (line == lend)
            continue;
        /* the digits within [line, lend): text need not end with a NUL, and strtol
         * would skip other white space (a form feed, the newline) into the next line */
        const char *num = line;
        long no = 0;
        while (num < lend && *num >= '0' && *num <= '9' && no <= 1000000)
            no = no * 10 + (*num++ - '0');
        if (num == line || no < 1 || no > 1000000)
            return -1;
        *l = (babi_line_t){no, num, lend, memchr(num, '\t', (size_t)(lend - num))};
        return 1;
    }
    return 0;
}

/* Appends question q of local story `story` (its story index goes to qs). 0 or -1. */
static int q_append(babi_corpus_t *c, const babi_qrec_t *q, ivec_t *qs, int story)
{
    if (c->nq == c->capq) {
        int cap = c->capq ? c->capq * 2 : 1024;
        babi_qrec_t *n = realloc(c->qs, sizeof *n * cap);
        if (!n)
            return -1;
        c->qs = n;
        c->capq = cap;
    }
    if (ivec_push(qs, story) < 0)
        return -1;
    c->qs[c->nq++] = *q;
    return 0;
}

/* Whether statement number i (counted while acknowledgements are on) gets one: a
 * fixed hash, so the choice does not follow the stories' regular structure. */
static int ack_pick(uint64_t i, int every)
{
    uint64_t z = i + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return (z ^ (z >> 31)) % (uint64_t)every == 0;
}

int babi_read_buffer(babi_corpus_t *c, const char *name, const char *text, size_t len,
                     char *err, size_t errlen)
{
    int task = babi_task_of(name);
    int first_q = c->nq;
    size_t first_stmt = c->stmt_w0.n;
    int story = -1, prev_no = 0, story_s0 = 0, lineno = 0;
    int *stmt_story = NULL, *q_story = NULL; /* local story index, set at the end */
    ivec_t ss = {0}, qs = {0};
    size_t at = 0;
    int rc = 0, got;
    babi_line_t ln;
    while (rc == 0 && (got = babi_next_line(text, len, &at, &lineno, &ln)) != 0) {
        if (got < 0) {
            set_err(err, errlen, "%s:%d: a line must start with its number", name, lineno);
            rc = -1;
            break;
        }
        long no = ln.no;
        const char *numend = ln.body, *lend = ln.end, *tab = ln.tab;
        if (story < 0 || no <= prev_no) {
            story++;
            story_s0 = (int)c->stmt_w0.n;
        }
        prev_no = (int)no;
        int nw = 0;
        if (!tab) { /* a statement */
            int w0 = (int)c->words_pool.n;
            int r = push_words(c, numend, (size_t)(lend - numend), &nw);
            if (r == 0 && (ivec_push(&c->stmt_w0, w0) < 0 || ivec_push(&c->stmt_nw, nw) < 0 ||
                           ivec_push(&ss, story) < 0))
                r = -1;
            if (r == 0 && c->ack_every && ack_pick(c->ack_seen++, c->ack_every)) {
                babi_qrec_t q = {.task = task, .s0 = story_s0, .w0 = w0, .nw = nw, .ack = 1,
                                 .ns = (int)c->stmt_w0.n - 1 - story_s0};
                q.a0 = (int)c->words_pool.n;
                r = push_words(c, PERSONA_ACK, strlen(PERSONA_ACK), &q.na);
                if (r == 0)
                    r = q_append(c, &q, &qs, story);
            }
            if (r < 0) {
                set_err(err, errlen, "%s:%d: %s", name, lineno,
                        r == -2 ? "invalid UTF-8" : "out of memory");
                rc = -1;
            }
            continue;
        }
        const char *tab2 = memchr(tab + 1, '\t', (size_t)(lend - tab - 1));
        const char *aend = tab2 ? tab2 : lend;
        if (aend == tab + 1) {
            set_err(err, errlen, "%s:%d: a question without an answer", name, lineno);
            rc = -1;
            break;
        }
        babi_qrec_t q = {.task = task, .s0 = story_s0,
                         .ns = (int)c->stmt_w0.n - story_s0};
        q.w0 = (int)c->words_pool.n;
        int r = push_words_q(c, numend, (size_t)(tab - numend), &q.nw, !c->no_qmark);
        q.a0 = (int)c->words_pool.n;
        q.na = 0;
        /* answers: comma-separated tokens ("n,w", "apple,football") */
        for (const char *a = tab + 1; r == 0 && a < aend;) {
            const char *comma = memchr(a, ',', (size_t)(aend - a));
            const char *e = comma ? comma : aend;
            r = push_words(c, a, (size_t)(e - a), &nw);
            q.na += nw;
            a = e + 1;
        }
        if (r == 0 && q.na == 0)
            r = -3;
        if (r == 0)
            r = q_append(c, &q, &qs, story);
        if (r < 0) {
            set_err(err, errlen, "%s:%d: %s", name, lineno,
                    r == -2 ? "invalid UTF-8" : r == -3 ? "empty answer" : "out of memory");
            rc = -1;
            break;
        }
    }
    int nstories = story + 1;
    if (rc == 0 && c->nq == first_q) {
        set_err(err, errlen, "%s: no questions", name);
        rc = -1;
    }
    if (rc == 0) {
        /* hold out the last ceil(10%) of the stories (at least one when there are two) */
        int first_valid = nstories - babi_heldout(nstories);
        if (c->force_split)
            first_valid = c->force_split == 2 ? 0 : nstories;
        stmt_story = ss.v;
        q_story = qs.v;
        for (size_t i = 0; i < ss.n && rc == 0; i++)
            rc = ivec_push(&c->stmt_split, stmt_story[i] >= first_valid);
        for (int i = first_q; i < c->nq; i++)
            c->qs[i].split = q_story[i - first_q] >= first_valid;
        c->nstories += nstories;
        if (rc < 0)
            set_err(err, errlen, "%s: out of memory", name);
    }
    if (rc < 0) { /* forget the partial file */
        c->nq = first_q;
        c->stmt_w0.n = c->stmt_nw.n = first_stmt;
        if (c->stmt_split.n > first_stmt)
            c->stmt_split.n = first_stmt;
    }
    free(ss.v);
    free(qs.v);
    return rc;
}

int babi_read_file(babi_corpus_t *c, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = 0;
    for (;;) {
        if (len + 65536 > cap) {
            cap = cap ? cap * 2 : 1 << 20;
            char *n = realloc(buf, cap);
            if (!n) {
                rc = -1;
                set_err(err, errlen, "%s: out of memory", path);
                break;
            }
            buf = n;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (rc == 0 && ferror(f)) {
        set_err(err, errlen, "%s: read error", path);
        rc = -1;
    }
    fclose(f);
    if (rc == 0)
        rc = babi_read_buffer(c, path, buf, len, err, errlen);
    free(buf);
    return rc;
}

static int vocab_visit(const babi_corpus_t *c, vocab_t *v, int *count, int min, int w)
{
    if (!v) {
        count[w]++;
        return 0;
    }
    return count[w] >= min && vocab_add(v, vocab_word(c->words, w)) < 0 ? -1 : 0;
}

/* Visits every word of the training split in order of appearance (statements, then
 * questions and answers): counts it (v NULL) or adds it to v when count[word] >= min. */
static int vocab_walk(const babi_corpus_t *c, vocab_t *v, int *count, int min)
{
    for (size_t s = 0; s < c->stmt_w0.n; s++) {
        if (c->stmt_split.v[s])
            continue;
        for (int k = 0; k < c->stmt_nw.v[s]; k++)
            if (vocab_visit(c, v, count, min, c->words_pool.v[c->stmt_w0.v[s] + k]) < 0)
                return -1;
    }
    for (int i = 0; i < c->nq; i++) {
        const babi_qrec_t *q = &c->qs[i];
        if (q->split)
            continue;
        for (int k = 0; k < q->nw && !q->ack; k++) /* an ack repeats its statement */
            if (vocab_visit(c, v, count, min, c->words_pool.v[q->w0 + k]) < 0)
                return -1;
        for (int k = 0; k < q->na; k++)
            if (vocab_visit(c, v, count, min, c->words_pool.v[q->a0 + k]) < 0)
                return -1;
    }
    return 0;
}

int babi_vocab_build_min(const babi_corpus_t *c, vocab_t *v, int min_count)
{
    int *count = calloc((size_t)vocab_size(c->words) + 1, sizeof *count);
    if (!count)
        return -1;
    int rc = vocab_walk(c, NULL, count, 0);
    if (rc == 0) {
        /* the acknowledgement is always a word of the model, however rare */
        for (int i = 0; i < c->nq; i++)
            if (c->qs[i].ack && !c->qs[i].split)
                for (int k = 0; k < c->qs[i].na; k++)
                    count[c->words_pool.v[c->qs[i].a0 + k]] = min_count;
        rc = vocab_walk(c, v, count, min_count);
    }
    free(count);
    return rc;
}

int babi_vocab_build(const babi_corpus_t *c, vocab_t *v) { return babi_vocab_build_min(c, v, 1); }

/* ---- sets ------------------------------------------------------------------------- */

void babi_set_free(babi_set_t *s)
{
    free(s->sent);
    free(s->q);
    free(s->ans);
    free(s->nans);
    free(s->s0);
    free(s->ns);
    free(s->task);
    free(s->ack);
    memset(s, 0, sizeof *s);
}

/* Writes up to J ids of words [w0, w0+nw) into out [J]; returns the words cut. */
static int encode_words(int *out, const babi_corpus_t *c, const int *map, int w0, int nw,
                        int J)
{
    int k = 0;
    for (; k < nw && k < J; k++)
        out[k] = map[c->words_pool.v[w0 + k]];
    return nw - k;
}

int babi_set_build(babi_set_t *s, const babi_corpus_t *c, const vocab_t *v, int split,
                   int Hb, int J, int Smax)
{
    memset(s, 0, sizeof *s);
    s->J = J;
    s->Smax = Smax;
    int nwords = vocab_size(c->words);
    int *map = malloc(sizeof *map * (size_t)nwords);
    int *newidx = malloc(sizeof *newidx * (c->stmt_w0.n ? c->stmt_w0.n : 1));
    if (!map || !newidx)
        goto fail;
    for (int i = 0; i < nwords; i++)
        map[i] = vocab_id(v, vocab_word(c->words, i), Hb);
    for (size_t i = 0; i < c->stmt_w0.n; i++)
        if (c->stmt_split.v[i] == split)
            newidx[i] = s->nsent++;
    s->n = babi_corpus_questions(c, split);
    size_t n = (size_t)s->n ? (size_t)s->n : 1;
    s->sent = calloc((size_t)(s->nsent ? s->nsent : 1) * J, sizeof(int));
    s->q = calloc(n * J, sizeof(int));
    s->ans = calloc(n * BABI_TMAX, sizeof(int));
    s->nans = calloc(n, sizeof(int));
    s->s0 = calloc(n, sizeof(int));
    s->ns = calloc(n, sizeof(int));
    s->task = calloc(n, sizeof(int));
    s->ack = calloc(n, sizeof(int));
    if (!s->sent || !s->q || !s->ans || !s->nans || !s->s0 || !s->ns || !s->task || !s->ack)
        goto fail;
    for (size_t i = 0; i < c->stmt_w0.n; i++)
        if (c->stmt_split.v[i] == split)
            s->cut_words += encode_words(s->sent + (size_t)newidx[i] * J, c, map,
                                         c->stmt_w0.v[i], c->stmt_nw.v[i], J);
    int e = 0;
    for (int i = 0; i < c->nq; i++) {
        const babi_qrec_t *q = &c->qs[i];
        if (q->split != split)
            continue;
        s->cut_words += encode_words(s->q + (size_t)e * J, c, map, q->w0, q->nw, J);
        s->nans[e] = q->na < BABI_TMAX ? q->na : BABI_TMAX;
        encode_words(s->ans + (size_t)e * BABI_TMAX, c, map, q->a0, s->nans[e], BABI_TMAX);
        int ns = q->ns < Smax ? q->ns : Smax;
        s->ns[e] = ns;
        s->s0[e] = ns ? newidx[q->s0 + q->ns - ns] : 0;
        s->task[e] = q->task;
        s->ack[e] = q->ack;
        e++;
    }
    free(map);
    free(newidx);
    return 0;
fail:
    free(map);
    free(newidx);
    babi_set_free(s);
    return -1;
}

int babi_batch_fill(const babi_set_t *s, const int *idx, int B, int S, int T, int *story,
                    int *question, int *ans_in, int *ans_out)
{
    int J = s->J, targets = 0;
    memset(story, 0, sizeof(int) * (size_t)B * S * J);
    for (int b = 0; b < B; b++) {
        int e = idx[b], ns = s->ns[e] < S ? s->ns[e] : S;
        /* keep the most recent slots when S is smaller than the example */
        int first = s->s0[e] + s->ns[e] - ns;
        memcpy(story + (size_t)b * S * J, s->sent + (size_t)first * J,
               sizeof(int) * (size_t)ns * J);
        memcpy(question + (size_t)b * J, s->q + (size_t)e * J, sizeof(int) * J);
        int na = s->nans[e] < T - 1 ? s->nans[e] : T - 1;
        const int *a = s->ans + (size_t)e * BABI_TMAX;
        for (int t = 0; t < T; t++) {
            ans_in[b * T + t] = t == 0 ? LAYERS_GO : t <= na ? a[t - 1] : LAYERS_PAD;
            ans_out[b * T + t] = t < na ? a[t] : t == na ? LAYERS_EOS : -1;
        }
        targets += na + 1;
    }
    return targets;
}
