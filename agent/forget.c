/* forget.c: a forget request carried out (forget.h). The plan (respond.c) names the
 * facts' memories and the values told; the values may also stand in other memories'
 * texts, because one clause can tell two facts ("I work at Tesco as a baker" is written
 * twice, once for the employer and once for the job). Such a memory is forgotten like
 * the rest, so the value leaves the database files, but when it holds a fact other than
 * the one forgotten, that fact is first written again, under the same frame and date,
 * with the value replaced by STORE_REDACTED in its text. */
#include "agent/forget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/facts.h"
#include "agent/quote.h"

/* Memories searched per value for the texts that hold it. */
#define FORGET_MORE 64
/* The user's newest messages whose sentences a value forgotten is taken from. */
#define FORGET_MESSAGES 512

/* text with every occurrence of needle (ASCII case ignored) replaced by STORE_REDACTED,
 * into out[n]; 0, or -1 when it does not fit. */
static int redact(const char *text, const char *needle, char *out, size_t n)
{
    size_t len = strlen(needle), o = 0;
    for (const char *s = text; *s;) {
        const char *put = s;
        size_t m = 1;
        if (!strncasecmp(s, needle, len)) {
            put = STORE_REDACTED;
            m = strlen(STORE_REDACTED);
        }
        if (o + m >= n) return -1;
        memcpy(out + o, put, m);
        o += m;
        s += put == s ? 1 : len;
    }
    out[o] = '\0';
    return 0;
}

/* Whether memory m keeps a fact of its own once the values of p are gone from it: it
 * has a frame, that is not ended and whose value is none of them, and its text is not
 * part of a sentence p forgets. */
static int keeps_a_fact(const store_memory_t *m, const respond_t *p)
{
    if (!m->relation || !m->value || !strcmp(m->value, FACTS_ENDED)) return 0;
    for (int i = 0; i < p->nforget_text; i++)   /* (its text within a sentence forgotten) */
        if (m->text && facts_has_words(p->forget_text[i], m->text)) return 0;
    for (int i = 0; i < p->nforget_text; i++)
        if (facts_same_value(m->value, p->forget_text[i]) ||
            facts_has_words(m->value, p->forget_text[i]))
            return 0;
    return 1;
}

/* Writes memory id again without the values of p, when it keeps a fact of its own,
 * and reports the copy in out->written. AGENT_OK (also when there is nothing to keep),
 * AGENT_ENOMEM or the error of encoding or writing with err. */
static int rewrite(agent_t *a, const char *user, int64_t id, const respond_t *p,
                   agent_turn_t *out, char *err, size_t errlen)
{
    store_memory_t m = {0};
    char text[2][1024];
    float *vec = NULL;
    int rc = agent_from_store(store_memory_get(a->st, id, 0, &m));
    if (rc == AGENT_ENOTFOUND) rc = AGENT_OK;   /* gone meanwhile */
    if (rc || !keeps_a_fact(&m, p)) goto done;
    snprintf(text[0], sizeof text[0], "%s", m.text);
    for (int i = 0; i < p->nforget_text; i++)
        if (redact(text[i % 2], p->forget_text[i], text[(i + 1) % 2], sizeof text[0]))
            goto done;      /* too long to redact: forgotten whole, as before */
    const char *kept = text[p->nforget_text % 2];
    agent_written_t *w = realloc(out->written, (out->nwritten + 1) * sizeof *w);
    if (!w || !(vec = malloc((size_t)a->dim * sizeof *vec))) {
        if (w) out->written = w;
        rc = AGENT_ENOMEM;
        goto done;
    }
    out->written = w;
    if ((rc = agent_encode(a, kept, vec, err, errlen))) goto done;
    store_new_memory_t nm = {.user = user, .conversation = m.conversation, .text = kept,
                             .vec = vec, .dim = a->dim, .encoder = a->encoder,
                             .importance = m.importance, .created_ms = m.created_ms,
                             .holder = m.holder, .relation = m.relation, .value = m.value};
    int64_t nid = 0;
    if ((rc = agent_from_store(store_memory_add(a->st, &nm, 1, &nid, err, errlen)))) goto done;
    w = &out->written[out->nwritten++];
    w->id = nid;
    snprintf(w->holder, sizeof w->holder, "%s", m.holder);
    snprintf(w->relation, sizeof w->relation, "%s", m.relation);
    snprintf(w->value, sizeof w->value, "%s", m.value);
done:
    free(vec);
    store_memory_clear(&m);
    return rc;
}

/* Redacts from the user's newest messages each sentence that holds value, so what else
 * a message told stays ("... the rent goes up in May. My sister lives in Brno."): the
 * turns that hold it after that (replies, older messages, a value across sentences) are
 * redacted whole by the caller. AGENT_OK, AGENT_ENOMEM or the store's error with err. */
static int redact_sentences(agent_t *a, const char *user, const char *value, char *err,
                            size_t errlen)
{
    store_turn_t *t = NULL;
    size_t n = 0;
    int rc = agent_from_store(store_turns_said(a->st, user, FORGET_MESSAGES, &t, &n));
    for (size_t i = 0; i < n && !rc; i++) {
        size_t at = 0, from, len;
        while (!rc && t[i].text && quote_sentence_holding(t[i].text, value, &at, &from, &len)) {
            char *sentence = strndup(t[i].text + from, len);
            rc = sentence ? agent_from_store(store_turns_redact_part(a->st, user, sentence, NULL,
                                                                     err, errlen))
                          : AGENT_ENOMEM;
            free(sentence);
        }
    }
    store_turns_free(t, n);
    return rc;
}

int forget_apply(agent_t *a, wm_conv_t *c, const char *user, const respond_t *p,
                 agent_turn_t *out, char *err, size_t errlen)
{
    for (int i = 0; i < p->nforget_text; i++) {
        /* (a sentence of what was said goes alone; a value with the sentences that hold
         * it, then with whatever turns still hold it) */
        int said = p->forget_said && !p->nforget, rc = AGENT_OK;
        if (said)
            rc = agent_from_store(store_turns_redact_part(a->st, user, p->forget_text[i], NULL,
                                                          err, errlen));
        else if (!(rc = redact_sentences(a, user, p->forget_text[i], err, errlen)))
            rc = agent_from_store(store_turns_redact(a->st, user, p->forget_text[i], NULL, err,
                                                     errlen));
        if (rc) return rc;
        wm_ring_forget(&c->ring, p->forget_text[i]);
    }
    if (!p->nforget && !(p->forget_said && p->nforget_text)) return AGENT_OK;
                                                /* (sentences: quote_forget_said) */
    /* Every working memory restores itself from the redacted turns at its next turn
     * (c's too: its ring dropped whole the messages that now keep their other sentences). */
    atomic_fetch_add(&a->gen, 1);
    /* The facts' memories, and any memory that holds one of the values as told. */
    size_t cap = p->nforget + (size_t)p->nforget_text * FORGET_MORE, n = p->nforget;
    if (!(out->forgotten = calloc(cap, sizeof *out->forgotten))) return AGENT_ENOMEM;
    memcpy(out->forgotten, p->forget, p->nforget * sizeof *p->forget);
    for (int i = 0; i < p->nforget_text; i++) {
        size_t got = 0;
        int rc = agent_from_store(store_memories_with_text(a->st, user, p->forget_text[i],
                                                           out->forgotten + n, FORGET_MORE,
                                                           &got));
        if (rc) return rc;
        size_t end = n + got;
        for (size_t j = n; j < end; j++) {     /* each id once */
            int64_t id = out->forgotten[j];
            int seen = 0;
            for (size_t k = 0; k < n && !seen; k++) seen = out->forgotten[k] == id;
            if (seen) continue;
            /* not a fact forgotten: what else it holds is written again first */
            if ((rc = rewrite(a, user, id, p, out, err, errlen))) return rc;
            out->forgotten[n++] = id;
        }
    }
    out->nforgotten = n;
    return agent_from_store(store_memory_forget(a->st, out->forgotten, n, err, errlen));
}
