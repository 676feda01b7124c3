/* respond.h: what a turn does with a message the reader understood (understand.h), for
 * the clauses about the user and the people and things of theirs: which facts it writes
 * and what each supersedes (keyed by holder + relation), what a correction replaces or
 * ends, which memories a forget request deletes, what a question's answer is (looked up
 * by its frame among the user's current memories), and the reply in sentences
 * (realise.h). It reads the store and plans; the turn writes the plan in one
 * transaction. Clauses about others ("Mary went to the kitchen", "where is Mary?") are
 * left to the memory network: a plan that handles nothing says so. */
#ifndef MNEMO_AGENT_RESPOND_H
#define MNEMO_AGENT_RESPOND_H

#include <stddef.h>
#include <stdint.h>
#include "agent/facts.h"
#include "agent/understand.h"

/* A fact to write: a memory with its frame, and the memories it supersedes. */
typedef struct respond_write {
    char text[512];                 /* the clause as told */
    char holder[UNDERSTAND_KEY], relation[UNDERSTAND_KEY], value[UNDERSTAND_VALUE];
    int rel;                        /* enum reader_rel, for the reply */
    int64_t update_id;              /* the same fact already stored: only mark it used */
    int64_t supersede[8];
    size_t nsupersede;
} respond_write_t;

/* A question the plan found no answer to: its clause (an index into the plan's
 * understood_t) and where what it said instead stands in reply, so the user's own words
 * may take its place (quote.h). */
typedef struct respond_gap {
    int clause;
    size_t from, len;
    int partial;    /* said something near what was asked ("All I know is that ...") */
    int chat;       /* a question the reader took for small talk ("which evening is darts?"),
                     * or for nobody's but asking when ("when's darts again?"): answered as
                     * chat, or by the memory network, unless the user's own words answer it */
} respond_gap_t;

typedef struct respond {
    int handled;                    /* 0: nothing personal, the memory network answers
                                     * (unless a quote fills a gap: quote.h) */
    int kind;                       /* enum model_kind of the turn */
    char reply[1024];
    char answer[UNDERSTAND_VALUE];  /* the bare answer ("yes", "Odile"), "" when none */
    respond_write_t w[UNDERSTAND_MAX];
    int nw;
    int64_t forget[64];             /* memories to forget */
    size_t nforget;
    char forget_text[8][UNDERSTAND_VALUE]; /* values whose turns and working-memory copies go */
    int nforget_text;
    int64_t used[UNDERSTAND_MAX];    /* memories an answer came from */
    int nused;
    /* What the reader could not pin down, for the memory network to take over: a fact
     * it saw without finding its value, questions with no fact to answer them. */
    int fact_unread;
    int fact_by_gate;               /* the reader read no fact, nor anything else to do,
                                     * in a message the gate is sure is one: it is kept as
                                     * told, unframed (respond.c, RESPOND_GATE_FACT_P) */
    int unanswered, answered;
    respond_gap_t gap[UNDERSTAND_MAX];  /* the questions left open, in reply's order */
    int ngap;
    int clause;                     /* the clause being planned */
    int summarised;                 /* the reply lists what is known ("what do you know
                                     * about me?"): the user's own words may add to it */
    int forget_said;                /* 1 + the clause of a request to forget that matched
                                     * no fact (0: none): its sentences may (quote.h) */
} respond_t;

/* Plans the turn of the user's message msg, read as u[0..n), against f, the user's
 * current facts (known.h). smalltalk is the memory network's reply when it took the
 * message for small talk (else NULL): a small-talk clause is answered with it. */
void respond_plan(const facts_t *f, const char *msg, understood_t *u, int n,
                  const char *smalltalk, respond_t *out);

/* When the memory network took a question the user asked of their own as chat for a
 * statement (kind, enum model_kind: "how many kids" after "3 kids"), or answered it with
 * words none of what it read holds (grounded 0: "nothing" of bAbI's stories for "which
 * coworker brings cake?"; a "yes" or "no" reply to msg asked as yes or no stands), and
 * nothing the user said answered it: p says it does not know and handles the turn, so
 * the question is never kept as a memory nor answered with a made-up word; returns 1,
 * else 0 (p as it was). */
int respond_asked_not_told(respond_t *p, int kind, const char *msg, const char *reply,
                           int grounded);

/* One yes/no question answered "Yes" in one part and "No" in another ("I'm a baker in
 * Ayr, right?" of one who bakes in Troon) is answered no: the "Yes, ..." sentences leave
 * r->reply (the gaps after them move back) and a bare "yes" answer is "no". A message
 * that asks twice ("is she 30 and is she a nurse?") or holds two questions is left. */
void respond_one_verdict(respond_t *r, const char *msg);

/* A yes or no to a question asked in Chinese said in Chinese first ("是的。Yes, you work
 * in Hangzhou."; "不是。No, ..."), and an age or a count with the question's measure word
 * ("26岁。You are 26.", "3只。..."), in place in r->reply; anything else is left. */
void respond_verdict_zh(respond_t *r, const char *msg);

#endif
