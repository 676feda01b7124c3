/* turn.c: the chat turn (agent_chat, docs/API.md "The chat turn") and the conversation
 * calls. A turn reads the conversation's working memory (wm.h, restored from the turns
 * table when it is not in RAM), retrieves the user's closest memories, lets the model
 * answer from [retrieved memories oldest first ; working-memory statements in order],
 * stores both turns and, when the model acknowledged a fact, writes it to long-term
 * memory: a near-duplicate updates the memory it repeats, and a memory with the same
 * "frame" (frame_replaces) is superseded by it. With a reader, the message's clauses
 * are planned against the user's facts (respond.h), and a question no fact answers may
 * be answered with the user's own words (quote.h). */
#include "agent/agent_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "agent/asking.h"
#include "agent/facts.h"
#include "agent/forget.h"
#include "agent/respond.h"
#include "agent/plain.h"
#include "agent/terse.h"
#include "agent/quote.h"
#include "agent/realise.h"
#include "agent/understand.h"
#include "agent/write.h"
#include "model/lexical.h"
#include "model/persona.h"
#include "model/reader.h"
#include "model/tokenizer.h"

/* Memories searched for the write decisions (duplicate, supersession) even when fewer
 * are retrieved for the model. */
#define WRITE_K 8

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- model sessions: one per concurrent turn, kept for the next ------------------- */

static model_session_t *session_get(agent_t *a)
{
    model_session_t *s = NULL;
    pthread_mutex_lock(&a->sess_mu);
    if (a->nidle) s = a->idle[--a->nidle];
    pthread_mutex_unlock(&a->sess_mu);
    return s ? s : model_session_new(a->model);
}

static void session_put(agent_t *a, model_session_t *s)
{
    if (!s) return;
    pthread_mutex_lock(&a->sess_mu);
    if (a->nidle == a->capidle) {
        size_t cap = a->capidle ? a->capidle * 2 : 4;
        model_session_t **v = realloc(a->idle, cap * sizeof *v);
        if (v) {
            a->idle = v;
            a->capidle = cap;
        }
    }
    if (a->nidle < a->capidle) {
        a->idle[a->nidle++] = s;
        s = NULL;
    }
    pthread_mutex_unlock(&a->sess_mu);
    model_session_free(s);
}

/* ---- the working memory of a conversation ------------------------------------------ */

/* Makes c reflect the turns table: restores its ring when it is not loaded (or loaded
 * before a user was deleted). */
static int conv_load(agent_t *a, wm_conv_t *c)
{
    uint64_t gen = atomic_load(&a->gen);
    if (!c->loaded || c->gen != gen) {
        store_turn_t *t = NULL;
        size_t n = 0;
        int rc = store_turns_last(a->st, c->user, c->id, 2 * a->turns, &t, &n);
        if (rc != STORE_OK && rc != STORE_ENOTFOUND) return agent_from_store(rc);
        rc = wm_ring_restore(&c->ring, t, n, model_kind_name(MODEL_KIND_STATEMENT));
        store_turns_free(t, n);
        if (rc) return AGENT_ENOMEM;
        c->loaded = 1;
        c->gen = gen;
    }
    return AGENT_OK;
}

/* AGENT_EQUOTA (err filled) when c is a conversation the turns table does not have yet
 * and user has as many as the quota allows: refused before the model runs. The store
 * refuses it anyway (a race between two new conversations is settled there); this only
 * saves the model's work. A ring with exchanges is a conversation that exists. */
static int conv_quota(agent_t *a, wm_conv_t *c, char *err, size_t errlen)
{
    store_usage_t u;
    store_turn_t *t = NULL;
    size_t n = 0;
    if (c->ring.n || store_usage_get(a->st, c->user, &u) != STORE_OK ||
        !u.max_conversations || u.conversations < u.max_conversations)
        return AGENT_OK;
    int rc = store_turns_last(a->st, c->user, c->id, 1, &t, &n);
    store_turns_free(t, n);
    if (rc != STORE_ENOTFOUND) return AGENT_OK;
    return agent_quota_message(a, c->user, "a new conversation would pass the conversation "
                               "quota", err, errlen);
}

/* Forgets what c holds: the next turn restores it from the turns table. */
static void conv_reset(wm_conv_t *c)
{
    wm_ring_clear(&c->ring);
    c->loaded = 0;
}

/* ---- the turn --------------------------------------------------------------------- */

static int by_created(const void *x, const void *y)
{
    const store_hit_t *a = *(const store_hit_t *const *)x, *b = *(const store_hit_t *const *)y;
    if (a->mem.created_ms != b->mem.created_ms)
        return a->mem.created_ms < b->mem.created_ms ? -1 : 1;
    return (a->mem.id > b->mem.id) - (a->mem.id < b->mem.id);
}

/* The memories written (with their frames) and superseded, into out. */
static int report_writes(const turn_writes_t *tw, const respond_t *plan, agent_turn_t *out)
{
    size_t nsup = 0;
    for (size_t i = 0; i < tw->n; i++) nsup += tw->w[i].nsuperseded;
    out->written = calloc(tw->n + 1, sizeof *out->written);
    out->superseded = calloc(nsup + 1, sizeof *out->superseded);
    if (!out->written || !out->superseded) return AGENT_ENOMEM;
    for (size_t i = 0; i < tw->n; i++) {
        agent_written_t *w = &out->written[out->nwritten++];
        w->id = tw->w[i].mem_id;
        if (plan) {
            snprintf(w->holder, sizeof w->holder, "%s", plan->w[i].holder);
            snprintf(w->relation, sizeof w->relation, "%s", plan->w[i].relation);
            snprintf(w->value, sizeof w->value, "%s", plan->w[i].value);
        }
        for (size_t j = 0; j < tw->w[i].nsuperseded; j++)
            out->superseded[out->nsuperseded++] = tw->w[i].superseded[j];
    }
    return AGENT_OK;
}

/* What msg's clauses were taken for (the reader's reading as the plan's checks settled
 * it) into out->clauses, and the plan for its personal clauses into *plan (malloc'd; the
 * caller frees it), a question no fact answers answered with the user's own words when
 * they told some (quote.h, out->quoted). smalltalk: the memory network's reply when it
 * took msg for small talk, else NULL. */
static int read_message(agent_t *a, const char *user, const char *msg, const char *smalltalk,
                        agent_turn_t *out, respond_t **plan, char *err, size_t errlen)
{
    understood_t u[UNDERSTAND_MAX];
    int n = understand(model_reader(a->model), msg, u, err, errlen);
    if (n < 0) return agent_from_model(n);
    if (!(*plan = malloc(sizeof **plan)) || !(out->clauses = calloc((size_t)n + 1,
                                                                    sizeof *out->clauses)))
        return AGENT_ENOMEM;
    /* the plan settles each clause (checks.c) before it is reported as acted on */
    const facts_t *facts;
    known_list_t *held;
    int rc = known_get(a->known, a->st, user, &facts, &held);
    if (rc != STORE_OK) {
        snprintf(err, errlen, "reading the user's facts failed");
        return agent_from_store(rc);
    }
    respond_plan(facts, msg, u, n, smalltalk, *plan);
    /* a question no fact answers may be answered with the user's own words */
    rc = quote_told(a->st, user, msg, u, n, facts, *plan, &out->quoted);
    /* a request to forget that matched no fact forgets the sentences it names */
    if (rc == STORE_OK) rc = quote_forget_said(a->st, user, msg, *plan);
    known_put(a->known, held);
    if (rc != STORE_OK) {
        snprintf(err, errlen, "reading what the user told failed");
        return agent_from_store(rc);
    }
    for (int i = 0; i < n; i++) {
        agent_clause_t *c = &out->clauses[out->nclauses++];
        snprintf(c->text, sizeof c->text, "%.*s", (int)u[i].len, msg + u[i].at);
        c->act = reader_act_name(u[i].act);
        c->act_p = u[i].act_p;
        c->relation_class = reader_rel_name(u[i].rel);
        snprintf(c->holder, sizeof c->holder, "%s", u[i].holder);
        snprintf(c->relation, sizeof c->relation, "%s", u[i].relation);
        snprintf(c->value, sizeof c->value, "%s", u[i].value);
    }
    return AGENT_OK;
}

/* A hit's search score and its rank in each fused list, into r. */
static void recall_ranks(agent_recall_t *r, const store_hit_t *h)
{
    r->score = h->score;
    r->rank_bm25 = h->rank_bm25;
    r->rank_dense = h->rank_dense;
    r->rank_recency = h->rank_recency;
    r->context = h->context;
}

/* The memories an answer came from first (weight 1), then the slots the model read. */
static int report_memories(agent_t *a, const respond_t *p, store_hit_t *hits, int nh,
                           const int *slot_of, const float *attn, agent_turn_t *out)
{
    int nused = p ? p->nused : 0;
    if (!(out->memories = calloc((size_t)(nh + nused) + 1, sizeof *out->memories)))
        return AGENT_ENOMEM;
    for (int u = 0; u < nused; u++) {
        agent_recall_t *r = &out->memories[out->nmemories];
        store_memory_t m = {0};
        if (store_memory_get(a->st, p->used[u], 0, &m) != STORE_OK) continue;
        for (int i = 0; i < nh; i++)
            if (hits[i].mem.id == m.id) recall_ranks(r, &hits[i]);
        agent_memory_from_store(&r->mem, &m);
        r->weight = 1.0f;
        out->nmemories++;
    }
    for (int i = 0; i < nh; i++) {
        int dup = 0;
        for (int u = 0; u < nused; u++) dup |= hits[i].mem.id == p->used[u];
        if (slot_of[i] < 0 || dup) continue;
        agent_recall_t *r = &out->memories[out->nmemories++];
        agent_memory_from_store(&r->mem, &hits[i].mem);
        recall_ranks(r, &hits[i]);
        r->weight = attn[slot_of[i]];
    }
    return AGENT_OK;
}

/* 1 when msg holds a question mark (or the full-width one) and the reader read a clause
 * of it as a question. */
static int read_as_question(const agent_turn_t *out, const char *msg)
{
    int asked = 0;
    for (size_t i = 0; i < out->nclauses; i++)
        asked |= !strcmp(out->clauses[i].act, reader_act_name(READER_QUESTION)) ||
                 !strcmp(out->clauses[i].act, reader_act_name(READER_YESNO));
    return asked && (strchr(msg, '?') || strstr(msg, "\xEF\xBC\x9F"));
}

/* 1 when the memory network's turn is better than the plan's: the reader saw a fact but
 * found no value in it (and nothing else to do), and the network took the message for a
 * statement, or the gate is sure the message is a fact (respond_t.fact_by_gate): it is
 * kept as told, unframed. (Letting the network also answer the questions the plan found
 * nothing for helped generated facts and hurt the hand-written probe's forgotten and
 * never-told questions, so it does not.) */
static int network_takes_over(const respond_t *p, int kind)
{
    return !p->nw && !p->nforget && !p->answered && !p->unanswered &&
           ((p->fact_unread && kind == MODEL_KIND_STATEMENT) || p->fact_by_gate);
}

/* 1 when every word of reply (letters and digits, any case) is a word of one of the
 * n slots the network read, or reply is one of its fixed phrases: an answer it copied,
 * not one of its own words. */
static int said_in(const char *reply, const char *const *slots, int n)
{
    if (!strcmp(reply, PERSONA_UNKNOWN) || !strcmp(reply, PERSONA_ACK)) return 1;
    for (const char *p = reply; *p;) {
        while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80) p++;
        const char *e = p;
        while (*e && (isalnum((unsigned char)*e) || (unsigned char)*e >= 0x80)) e++;
        if (e == p) break;
        char word[64];
        snprintf(word, sizeof word, "%.*s", (int)(e - p < 63 ? e - p : 63), p);
        int found = 0;
        for (int i = 0; i < n && !found; i++) found = facts_has_words(slots[i], word);
        if (!found) return 0;
        p = e;
    }
    return 1;
}

/* The turn with c held and loaded: retrieve, let the memory network answer, read the
 * message (when the model has a reader) and plan its personal clauses, write both turns
 * and the facts in one transaction, forget what was asked, report. */
static int turn(agent_t *a, wm_conv_t *c, const char *user, const char *msg,
                agent_turn_t *out, char *err, size_t errlen)
{
    const wm_ring_t *wm = &c->ring;
    int k = a->memories > WRITE_K ? a->memories : WRITE_K, nh = 0, rc, nslots = 0;
    float *vec = malloc((size_t)a->dim * sizeof *vec);
    store_hit_t *hits = calloc((size_t)k, sizeof *hits);
    const store_hit_t **recalled = calloc((size_t)k, sizeof *recalled);
    const char **slots = calloc((size_t)(k + wm->n) + 1, sizeof *slots);
    float *attn = calloc((size_t)(k + wm->n) + 1, sizeof *attn);
    int *slot_of = calloc((size_t)k + 1, sizeof *slot_of);   /* hit -> slot, -1 = none */
    tok_list_t toks = {0};      /* the message, split once for every use below */
    char *words = NULL;         /* the bm25 leg's text: the message's stopwords blanked */
    respond_t *plan = NULL;
    turn_writes_t tw = {0};
    store_attention_t *kept = NULL;     /* out->attention, for the turns table */
    if (!vec || !hits || !recalled || !slots || !attn || !slot_of) {
        rc = AGENT_ENOMEM;
        goto out;
    }
    if ((rc = tok_split(msg, strlen(msg), &toks, err, errlen)) != TOK_OK) {
        rc = rc == TOK_EINVAL ? AGENT_EINVAL : AGENT_ENOMEM;
        goto out;
    }
    if ((rc = agent_encode_tokens(a, &toks, vec, err, errlen))) goto out;

    /* Retrieve: the user's best current memories by the fused search /v1/memories runs
     * (the message's content words for the bm25 leg, its vector for the dense one), each
     * leg as deep as the K wanted, those already in working memory (as statements) left
     * out; the first K become slots. */
    if (!(words = lex_query_text(msg))) {
        rc = AGENT_ENOMEM;
        goto out;
    }
    store_query_t q = {.user = user, .vec = vec, .k = k, .text = words, .depth = k};
    double t0 = now_s();
    rc = agent_from_store(store_search(a->st, &q, 1, hits, &nh, err, errlen));
    out->search_seconds = now_s() - t0;
    if (rc) goto out;
    int nrec = 0;
    for (int i = 0; i < nh; i++) {
        slot_of[i] = -1;
        int in_wm = 0;
        for (int j = 0; j < wm->n && !in_wm; j++) {
            const wm_exchange_t *e = wm_ring_at(wm, j);
            in_wm = e->statement && strcmp(e->text, hits[i].mem.text) == 0;
        }
        if (!in_wm && nrec < a->memories) recalled[nrec++] = &hits[i];
    }
    qsort(recalled, (size_t)nrec, sizeof *recalled, by_created);
    for (int i = 0; i < nrec; i++) {
        slot_of[recalled[i] - hits] = nslots;
        slots[nslots++] = recalled[i]->mem.text;
    }
    int first_wm = nslots;
    for (int j = 0; j < wm->n; j++)
        if (wm_ring_at(wm, j)->statement) slots[nslots++] = wm_ring_at(wm, j)->text;

    /* The memory network reads and answers. */
    model_session_t *s = session_get(a);
    if (!s) {
        rc = AGENT_ENOMEM;
        goto out;
    }
    t0 = now_s();
    int kind = MODEL_KIND_OTHER;
    int ntok = model_answer(s, slots, nslots, msg, &toks, out->reply, sizeof out->reply,
                            &kind, attn, err, errlen);
    out->model_seconds = now_s() - t0;
    session_put(a, s);
    if (ntok < 0) {
        rc = agent_from_model(ntok);
        goto out;
    }

    /* The reader: what each clause does, and the plan for those about the user. */
    if (model_reader(a->model)) {
        t0 = now_s();
        rc = read_message(a, user, msg, kind == MODEL_KIND_OTHER ? out->reply : NULL, out,
                          &plan, err, errlen);
        out->model_seconds += now_s() - t0;
        if (rc) goto out;
        respond_asked_not_told(plan, kind, msg, out->reply,
                               said_in(out->reply, slots, nslots));
        respond_one_verdict(plan, msg);
        respond_verdict_zh(plan, msg);
        if (plan->handled && !network_takes_over(plan, kind)) {
            snprintf(out->reply, sizeof out->reply, "%s", plan->reply);
            snprintf(out->answer, sizeof out->answer, "%s", plan->answer);
            kind = plan->kind;
        } else {
            if (plan->fact_by_gate) {
                kind = MODEL_KIND_STATEMENT;        /* said "Got it." below */
                snprintf(out->reply, sizeof out->reply, "%s", PERSONA_ACK);
            }
            free(plan);
            plan = NULL;
        }
    }
    if (!plan && kind == MODEL_KIND_STATEMENT && read_as_question(out, msg)) {
        /* a question the reader read as one, with its mark, that the network took for a
         * statement ("两只兔子里哪只大一点来着？") is never kept as told: not known */
        snprintf(out->reply, sizeof out->reply, "%s", PERSONA_UNKNOWN);
        kind = MODEL_KIND_ANSWER;
    }
    if (!plan && !strcmp(out->reply, PERSONA_UNKNOWN)) {   /* the network's words, said
                                                           * as sentences */
        realise_frame_t open = {"self", READER_REL_OPEN, NULL, NULL};
        realise_unknown(out->reply, sizeof out->reply, &open);
    } else if (!plan && kind == MODEL_KIND_STATEMENT && !strcmp(out->reply, PERSONA_ACK)) {
        char ack[sizeof out->reply];
        snprintf(ack, sizeof ack, "%s", out->reply);
        realise_sentence(out->reply, sizeof out->reply, ack);      /* "Got it." */
    }
    realise_once(out->reply);
    out->kind = model_kind_name(kind);
    int statement = kind == MODEL_KIND_STATEMENT;

    /* What the model read, as the reply reports it (before this exchange joins), and as
     * the message's turn keeps it. */
    if (!(out->attention = calloc((size_t)wm->n + 1, sizeof *out->attention)) ||
        !(kept = calloc((size_t)wm->n + 1, sizeof *kept))) {
        rc = AGENT_ENOMEM;
        goto out;
    }
    for (int j = 0, sl = first_wm; j < wm->n; j++) {
        const wm_exchange_t *e = wm_ring_at(wm, j);
        float w = e->statement ? attn[sl++] : 0.0f;
        out->attention[out->nattention++] = (agent_attention_t){e->turn, w};
        kept[j] = (store_attention_t){e->turn, w};
    }

    /* Write: both turns and the facts, one transaction. */
    t0 = now_s();
    if (plan)
        rc = write_facts(a, user, c->id, plan, &tw, err, errlen);
    else if (statement)
        rc = write_statement(a, user, c->id, msg, &toks, vec, hits, nh, &tw);
    if (rc) goto out;
    int64_t reply_id;
    rc = agent_from_store(store_chat_commit_n(a->st, user, c->id, msg, out->reply, out->kind,
                                              &out->turn, &reply_id, tw.w, tw.n, kept,
                                              out->nattention, err, errlen));
    out->write_seconds = now_s() - t0;
    if (rc) {
        out->turn = 0;
        if (rc == AGENT_EQUOTA) {       /* err names the quota; add the user's counts */
            char why[256];
            snprintf(why, sizeof why, "%s", err);
            agent_quota_message(a, user, why, err, errlen);
        }
        goto out;
    }
    if ((rc = report_writes(&tw, plan, out))) goto out;
    if (wm_ring_push(&c->ring, out->turn, msg, statement) != 0) conv_reset(c);
    if (plan && (rc = forget_apply(a, c, user, plan, out, err, errlen))) goto out;
    rc = report_memories(a, plan, hits, nh, slot_of, attn, out);
out:
    turn_writes_free(&tw);
    free(kept);
    free(plan);
    tok_list_free(&toks);
    free(words);
    store_hits_clear(hits, nh);
    free(hits);
    free(recalled);
    free(slots);
    free(attn);
    free(slot_of);
    free(vec);
    return rc;
}

int agent_chat(agent_t *a, const char *user, const char *conversation, const char *message,
               agent_turn_t *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (!a->model) {
        snprintf(err, errlen, "no model is loaded (model = none)");
        return AGENT_ENOMODEL;
    }
    if (!user || !*user || !conversation || !*conversation || !message || !*message) {
        snprintf(err, errlen, "a turn needs a user, a conversation and a message");
        return AGENT_EINVAL;
    }
    if (!tok_utf8_valid(message, strlen(message))) {
        snprintf(err, errlen, "message: is not valid UTF-8");
        return AGENT_EINVAL;
    }
    /* the words its shorthand stands for ("u", "w/", "4yo": agent/plain.h) are what the
     * turn reads, keeps and remembers, so that forgetting a value finds every copy */
    int rc = AGENT_ENOMEM;
    size_t cap = PLAIN_ROOM(strlen(message));
    char *plain = malloc(cap), *notes = NULL, *asked = NULL;
    if (!plain) goto done;
    const char *said = plain_text(message, plain, cap) >= 0 ? plain : message;
    /* notes ("Hedda. 52. welder") as the sentences they stand for (agent/terse.h) */
    size_t tcap = TERSE_ROOM(strlen(said));
    if (!(notes = malloc(tcap))) goto done;
    if (terse_text(said, notes, tcap) > 0) said = notes;
    /* and a request to be told a name as the question it is (agent/asking.h) */
    size_t acap = PLAIN_ROOM(strlen(said)) + 64;
    if (!(asked = malloc(acap))) goto done;
    if (asking_text(said, asked, acap) >= 0) said = asked;
    wm_conv_t *c = wm_acquire(a->wm, user, conversation);
    if (!c) goto done;
    rc = conv_load(a, c);
    if (!rc) rc = conv_quota(a, c, err, errlen);
    if (!rc) rc = turn(a, c, user, said, out, err, errlen);
    wm_release(a->wm, c);
done:
    free(plain);
    free(notes);
    free(asked);
    return rc;
}

void agent_turn_clear(agent_turn_t *t)
{
    for (size_t i = 0; i < t->nmemories; i++) agent_memory_clear(&t->memories[i].mem);
    free(t->memories);
    free(t->attention);
    free(t->clauses);
    free(t->written);
    free(t->forgotten);
    free(t->superseded);
    memset(t, 0, sizeof *t);
}

/* ---- conversations ---------------------------------------------------------------- */

int agent_conversation_get(agent_t *a, const char *user, const char *conversation,
                           int limit, agent_turn_row_t **out, size_t *n)
{
    store_turn_t *t = NULL;
    *out = NULL;
    *n = 0;
    int rc = agent_from_store(store_turns_last(a->st, user, conversation, limit, &t, n));
    if (!rc && !(*out = calloc(*n + 1, sizeof **out))) rc = AGENT_ENOMEM;
    for (size_t i = 0; !rc && i < *n; i++) {
        agent_turn_row_t *r = &(*out)[i];
        *r = (agent_turn_row_t){.id = t[i].id, .role = t[i].role, .text = t[i].text,
                                .kind = t[i].kind, .created_ms = t[i].created_ms,
                                .has_attention = t[i].has_attention};
        t[i].role = t[i].text = t[i].kind = NULL;
        if (t[i].nattention &&
            !(r->attention = malloc(t[i].nattention * sizeof *r->attention))) {
            rc = AGENT_ENOMEM;
            break;
        }
        for (size_t j = 0; j < t[i].nattention; j++)
            r->attention[r->nattention++] =
                (agent_attention_t){t[i].attention[j].turn, t[i].attention[j].weight};
    }
    store_turns_free(t, t ? *n : 0);
    if (rc) {
        agent_turn_rows_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

void agent_turn_rows_free(agent_turn_row_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].role);
        free(v[i].text);
        free(v[i].kind);
        free(v[i].attention);
    }
    free(v);
}

int agent_conversation_delete(agent_t *a, const char *user, const char *conversation)
{
    /* Held, so that no turn of it runs meanwhile. */
    wm_conv_t *c = wm_acquire(a->wm, user, conversation);
    if (!c) return AGENT_ENOMEM;
    int rc = agent_from_store(store_conversation_delete(a->st, user, conversation));
    conv_reset(c);
    wm_release(a->wm, c);
    return rc;
}

int agent_conversations_list(agent_t *a, const char *user, int64_t cursor, int limit,
                             agent_conversation_t **out, size_t *n, int64_t *next_cursor)
{
    store_conversation_t *v = NULL;
    *out = NULL;
    int rc = agent_from_store(store_conversations_list(a->st, user, cursor, limit, &v, n,
                                                       next_cursor));
    if (rc) return rc;
    if (!(*out = calloc(*n + 1, sizeof **out))) {
        store_conversations_free(v, *n);
        *n = 0;
        return AGENT_ENOMEM;
    }
    for (size_t i = 0; i < *n; i++) {
        (*out)[i] = (agent_conversation_t){.id = v[i].id, .created_ms = v[i].created_ms,
                                           .turns = v[i].turns, .last_ms = v[i].last_ms};
        v[i].id = NULL;
    }
    store_conversations_free(v, *n);
    return AGENT_OK;
}

void agent_conversations_free(agent_conversation_t *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) free(v[i].id);
    free(v);
}
