/* persona.c: the personal-facts conversation generator (persona.h). A story is planned
 * first (which facts are told, in which conversation, which change later, where the
 * restart falls), then played conversation by conversation: greetings, the planned
 * statements with question slots and small talk between them, a goodbye. A question's
 * target is picked when its slot comes, so its `where` is known exactly. The words and
 * phrasings are in persona_words.c. */
#include "model/persona.h"

#include "model/persona_words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    MAX_USED = 48,      /* values in one story (at most 17 facts and changes) */
    MAX_EVENTS = 40,    /* statements and question slots in one conversation */
    NCONV = 3,
    UNKNOWN_PCT = 13,   /* a question slot asks about something never told */
    CHATTER_PCT = 20,   /* small talk after an event */
    RESTART_MID_PCT = 35, /* the restart falls inside conversation 1 */
};

typedef struct rng {
    uint64_t s;
} rng_t;

/* splitmix64: small, fast, and the same on every platform. */
static uint64_t rng_next(rng_t *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int rng_int(rng_t *r, int n)
{
    return (int)(rng_next(r) % (uint64_t)n);
}

static int rng_pct(rng_t *r, int pct)
{
    return rng_int(r, 100) < pct;
}

static void shuffle(rng_t *r, int *a, int n)
{
    for (int i = n - 1; i > 0; i--) {
        int j = rng_int(r, i + 1), t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* The story being built; s->t grows as turns are pushed. */
typedef struct build {
    persona_story_t *s;
    int cap;                        /* turns allocated in s->t */
    int oom;
    rng_t r;
    int pool, conv;
    int first_conv[PA_NATTR];       /* conversation the fact is first told in, -1 never */
    int change_conv[PA_NATTR];      /* conversation it changes in, -1 never */
    const char *val[PA_NATTR];      /* the value told last, NULL before */
    const char *rel[PA_NATTR];      /* the relation word of PA_KIN / PA_ANIMAL ("%r") */
    int last_stmt[PA_NATTR];        /* index of its latest statement */
    int nstmt[PA_NATTR];            /* statements about it so far */
    int asked[PA_NATTR];            /* questions about it since its latest statement */
    int nwhere[3];                  /* questions so far per enum persona_where */
    const char *used[MAX_USED];     /* values in the story: never two facts alike */
    int nused;
    char coined[MAX_USED][16];      /* made-up values (training pool), see coin() */
    int ncoined;
} build_t;

/* ---- turns ------------------------------------------------------------------------- */

/* Appends a zeroed turn of the current conversation. Returns it, or NULL (b->oom). */
static persona_turn_t *push(build_t *b, int kind, int attr)
{
    persona_story_t *s = b->s;
    if (s->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 48;
        persona_turn_t *t = realloc(s->t, sizeof *t * (size_t)cap);
        if (!t) {
            b->oom = 1;
            return NULL;
        }
        s->t = t;
        b->cap = cap;
    }
    persona_turn_t *t = &s->t[s->n++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->conv = b->conv;
    t->attr = attr;
    return t;
}

/* Copies src to out[*o..n), the first letter upper-cased when up is set. */
static void put(char *out, size_t n, size_t *o, const char *src, int up)
{
    for (const char *q = src; *q && *o + 1 < n; q++)
        out[(*o)++] = q == src && up ? (char)toupper((unsigned char)*q) : *q;
}

static const char *pick(rng_t *r, pw_list_t l)
{
    return l.v[rng_int(r, l.n)];
}

/* Words a phrasing may carry besides its value: distractors the model must read past. */
static const char *const numbers[] = {"two", "three", "five", "ten", "4", "7", "12"};
static const char *const times[] = {"last year", "in 2019", "two years ago", "recently",
                                    "this spring", "in 2021"};
static const char *const years[] = {"2015", "2019", "2021", "last year", "last spring"};

#define PICK(r, a) ((a)[rng_int(r, (int)(sizeof(a) / sizeof *(a)))])

/* Fills a template: "%s" is v (capitalized when cap or at the start), "%a" its article
 * (of the relation word when "%r" follows), "%r" the fact's relation word,
 * "%c" another city (a distractor), "%n" a number, "%y" a time ("last year"), "%Y" a
 * year or time after "since". */
static void expand(rng_t *r, char *out, size_t n, const char *tmpl, const char *v, int cap,
                   int pool, const char *rel)
{
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < n; p++) {
        if (p[0] != '%' || !p[1]) {
            out[o++] = *p;
            continue;
        }
        p++;
        switch (*p) {
        case 's': put(out, n, &o, v, cap || p == tmpl + 1); break;
        case 'a': {
            const char *w = p[1] == ' ' && p[2] == '%' && p[3] == 'r' && rel ? rel : v;
            put(out, n, &o, strchr("aeiou", w[0]) ? "an" : "a", p == tmpl + 1);
            break;
        }
        case 'c': put(out, n, &o, pick(r, pw_values(PW_CITY, pool)), 1); break;
        case 'n': put(out, n, &o, PICK(r, numbers), 0); break;
        case 'y': put(out, n, &o, PICK(r, times), 0); break;
        case 'Y': put(out, n, &o, PICK(r, years), 0); break;
        case 'r': put(out, n, &o, rel ? rel : "", p == tmpl + 1); break;
        default: out[o++] = '%'; if (o + 1 < n) out[o++] = *p; break;
        }
    }
    out[o] = '\0';
}

/* How people dress up what they say: a lead-in, a tail, or a casual lower-case line
 * without its final punctuation (then a question has no '?' to go by). */
static const char *const say_lead[] = {"By the way, ", "Oh, and ", "Just so you know, ",
                                       "Also, ", "For the record, ", "So, ", "Well, "};
static const char *const say_tail[] = {" by the way", " for what it's worth",
                                       " just so you know", " as you may know",
                                       " and I am happy about it"};
static const char *const ask_lead[] = {"Remind me, ", "Quick question: ", "Hey mnemo, ",
                                       "Sorry, ", "Tell me, ", "Out of curiosity, "};

/* 1 when the line starts with the pronoun I (kept upper-case after a lead-in). */
static int starts_with_i(const char *t)
{
    return t[0] == 'I' && (t[1] == ' ' || t[1] == '\'');
}

static void decorate(rng_t *r, char *t, size_t n, int question, int value_first)
{
    char tmp[sizeof ((persona_turn_t *)0)->text];
    size_t len = strlen(t);
    int roll = rng_int(r, 100);
    if (roll < 25) { /* a lead-in */
        const char *lead = question ? PICK(r, ask_lead) : PICK(r, say_lead);
        snprintf(tmp, sizeof tmp, "%s%s", lead, t);
        size_t at = strlen(lead);
        if (!value_first && !starts_with_i(t))
            tmp[at] = (char)tolower((unsigned char)tmp[at]);
        snprintf(t, n, "%s", tmp);
    } else if (roll < 40 && !question && len > 1) { /* a tail before the final stop */
        char stop = t[len - 1];
        t[len - 1] = '\0';
        snprintf(tmp, sizeof tmp, "%s%s%c", t, PICK(r, say_tail), stop);
        snprintf(t, n, "%s", tmp);
    } else if (roll < 48 && len > 1) { /* typed in a hurry */
        t[len - 1] = '\0';
        for (char *c = t; *c; c++)
            *c = (char)tolower((unsigned char)*c);
    }
}


/* 1 when w is a value of any class of the held-out pool. */
static int heldout_word(const char *w)
{
    for (int c = 0; c < PW_NCLASS; c++) {
        if (c == PW_PERSON)
            continue;
        pw_list_t l = pw_values(c, PERSONA_HELDOUT);
        for (int i = 0; i < l.n; i++)
            if (strcmp(l.v[i], w) == 0)
                return 1;
    }
    return 0;
}

/* A made-up word of 2-3 syllables ("kalo", "tivaru"). Names people tell mnemo are
 * mostly words it has never seen; a training pool of real names alone would let the
 * model learn them as vocabulary instead of copying them from memory. Each coined word
 * is rare, so `mnemo train --min-count` leaves it to the hashed buckets. */
static const char *coin(build_t *b)
{
    static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
    char *w = b->coined[b->ncoined++];
    do {
        int n = 2 + rng_int(&b->r, 2), o = 0;
        for (int i = 0; i < n; i++) {
            w[o++] = cons[rng_int(&b->r, (int)sizeof cons - 1)];
            w[o++] = vow[rng_int(&b->r, (int)sizeof vow - 1)];
        }
        w[o] = '\0';
    } while (heldout_word(w));
    return w;
}

/* A value of cls from the story's pool that the story has not used yet; in the training
 * pool, open classes are a made-up word 40% of the time. */
static const char *pick_value(build_t *b, int cls)
{
    if (cls == PW_PERSON)
        cls = rng_pct(&b->r, 50) ? PW_FEMALE : PW_MALE;
    int open = cls != PW_COLOUR && cls != PW_MONTH && cls != PW_SPORT;
    if (b->pool == PERSONA_TRAIN && open && b->ncoined < MAX_USED && rng_pct(&b->r, 40)) {
        const char *w = coin(b);
        if (b->nused < MAX_USED)
            b->used[b->nused++] = w;
        return w;
    }
    pw_list_t l = pw_values(cls, b->pool);
    const char *v = pick(&b->r, l);
    for (int tries = 0; tries < 64; tries++) {
        int seen = 0;
        for (int i = 0; i < b->nused && !seen; i++)
            seen = b->used[i] == v;
        if (!seen)
            break;
        v = pick(&b->r, l);
    }
    if (b->nused < MAX_USED)
        b->used[b->nused++] = v;
    return v;
}

/* ---- what the person says ---------------------------------------------------------- */

/* Small talk of the given enum pw_when. */
static void chat(build_t *b, int when)
{
    int ids[16], n = 0;
    for (int i = 0; i < pw_nchats && n < 16; i++)
        if (pw_chats[i].when == when)
            ids[n++] = i;
    const pw_chat_t *c = &pw_chats[ids[rng_int(&b->r, n)]];
    persona_turn_t *t = push(b, PERSONA_SMALLTALK, -1);
    if (!t)
        return;
    snprintf(t->text, sizeof t->text, "%s", pick(&b->r, c->says));
    snprintf(t->reply, sizeof t->reply, "%s", c->reply);
}

int persona_smalltalk_replies(const char **out, int max)
{
    int n = 0;
    for (int i = 0; i < pw_nchats; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(pw_chats[j].reply, pw_chats[i].reply) == 0;
        if (seen)
            continue;
        if (n < max)
            out[n] = pw_chats[i].reply;
        n++;
    }
    return n;
}

/* States fact a: its first value, or (when already told) a new one. */
static void tell(build_t *b, int a)
{
    const pw_attr_t *at = &pw_attrs[a];
    int change = b->val[a] != NULL;
    const char *v = pick_value(b, at->cls);
    persona_turn_t *t = push(b, PERSONA_STATEMENT, a);
    if (!t)
        return;
    const char *tmpl = pick(&b->r, change ? at->change : at->say);
    expand(&b->r, t->text, sizeof t->text, tmpl, v, at->cap, b->pool, b->rel[a]);
    decorate(&b->r, t->text, sizeof t->text, 0, tmpl[0] == '%');
    snprintf(t->reply, sizeof t->reply, "%s", PERSONA_ACK);
    b->val[a] = v;
    b->last_stmt[a] = b->s->n - 1;
    b->nstmt[a]++;
    b->asked[a] = 0;
}

/* Where a question about a (told) asked now stands from the statement that answers it. */
static int where_of(const build_t *b, int a)
{
    int j = b->last_stmt[a], r = b->s->restart_at;
    if (r >= 0 && j < r)
        return PERSONA_RESTART;
    return b->s->t[j].conv == b->conv ? PERSONA_SAME : PERSONA_OTHER;
}

static void question(build_t *b, int a)
{
    persona_turn_t *t = push(b, PERSONA_QUESTION, a);
    if (!t)
        return;
    expand(&b->r, t->text, sizeof t->text, pick(&b->r, pw_attrs[a].ask), "", 0, b->pool,
           b->rel[a]);
    decorate(&b->r, t->text, sizeof t->text, 1, 0);
    snprintf(t->reply, sizeof t->reply, "%s", b->val[a]);
    t->where = where_of(b, a);
    t->updated = b->nstmt[a] > 1;
    b->nwhere[t->where]++;
    b->asked[a]++;
}

/* A question about a fact never told in this story, one asked least so far; 0, or -1
 * when every fact is told. */
static int unknown_question(build_t *b)
{
    int ids[PA_NATTR], n = 0, least = 0;
    for (int a = 0; a < PA_NATTR; a++) {
        if (b->first_conv[a] >= 0)
            continue;
        if (n > 0 && b->asked[a] < least)
            n = 0;
        if (n == 0 || b->asked[a] == least) {
            least = b->asked[a];
            ids[n++] = a;
        }
    }
    if (n == 0)
        return -1;
    int a = ids[rng_int(&b->r, n)];
    persona_turn_t *t = push(b, PERSONA_UNKNOWN_Q, a);
    if (t) {
        expand(&b->r, t->text, sizeof t->text, pick(&b->r, pw_attrs[a].ask), "", 0, b->pool,
               b->rel[a]);
        decorate(&b->r, t->text, sizeof t->text, 1, 0);
        snprintf(t->reply, sizeof t->reply, "%s", PERSONA_UNKNOWN);
        b->asked[a]++;
    }
    return 0;
}

/* The fact to ask about: a changed one not asked since, else the one whose `where` is
 * rarest so far in the story and that was asked least since told. -1: none told. */
static int pick_target(build_t *b)
{
    int best = -1, best_score = 0, ties = 0;
    for (int a = 0; a < PA_NATTR; a++) {
        if (!b->val[a])
            continue;
        int score = b->nstmt[a] > 1 && b->asked[a] == 0
                        ? -1 : b->nwhere[where_of(b, a)] + 2 * b->asked[a];
        if (best < 0 || score < best_score) {
            best = a;
            best_score = score;
            ties = 1;
        } else if (score == best_score && rng_int(&b->r, ++ties) == 0) {
            best = a;
        }
    }
    return best;
}

/* A question slot: an unknown question now and then, else a question about a told fact
 * (small talk when nothing is told yet). */
static void ask(build_t *b)
{
    if (rng_pct(&b->r, UNKNOWN_PCT) && unknown_question(b) == 0)
        return;
    int a = pick_target(b);
    if (a < 0)
        chat(b, PW_MID);
    else
        question(b, a);
}

/* ---- the plan ---------------------------------------------------------------------- */

/* Tells b (with a 50% chance) when a is told and b is not: sister and brother, dog and
 * cat side by side make the model read the right one. */
static void pair(build_t *b, int a, int with)
{
    if (b->first_conv[a] >= 0 && b->first_conv[with] < 0 && rng_pct(&b->r, 50))
        b->first_conv[with] = 0;
}

/* Chooses 6 to 9 facts (plus pairs) and the conversation each is first told in: the
 * first 60% in conversation 0, the rest in 1, sometimes the last one in 2. */
static void plan_facts(build_t *b)
{
    int order[PA_NATTR], k = 6 + rng_int(&b->r, 4);
    for (int a = 0; a < PA_NATTR; a++)
        order[a] = a;
    shuffle(&b->r, order, PA_NATTR);
    for (int i = 0; i < PA_NATTR; i++)
        b->first_conv[order[i]] = i < k ? 0 : -1;
    pair(b, PA_DOG, PA_CAT);
    pair(b, PA_CAT, PA_DOG);
    pair(b, PA_SISTER, PA_BROTHER);
    pair(b, PA_BROTHER, PA_SISTER);
    int m = 0, last = -1;
    for (int i = 0; i < PA_NATTR; i++) {
        int a = order[i];
        if (b->first_conv[a] < 0)
            continue;
        b->first_conv[a] = m++ < (k * 3 + 4) / 5 ? 0 : 1;
        last = a;
    }
    if (last >= 0 && b->first_conv[last] == 1 && rng_pct(&b->r, 40))
        b->first_conv[last] = 2;
}

/* Over half the stories change a fact (some two) in a later conversation. */
static void plan_changes(build_t *b)
{
    int n = rng_pct(&b->r, 55) ? 1 + rng_pct(&b->r, 30) : 0;
    for (int c = 0; c < n; c++) {
        int ids[PA_NATTR], m = 0;
        for (int a = 0; a < PA_NATTR; a++)
            if (b->first_conv[a] >= 0 && b->first_conv[a] < NCONV - 1 &&
                pw_attrs[a].change.n > 0 && b->change_conv[a] < 0)
                ids[m++] = a;
        if (m == 0)
            return;
        int a = ids[rng_int(&b->r, m)], f = b->first_conv[a];
        b->change_conv[a] = f + 1 + rng_int(&b->r, NCONV - 1 - f);
    }
}

/* Conversation c's events in order: a fact's index for a statement, -1 for a question
 * slot (none before conversation 0's first statement). Returns their number. */
static int plan_conv(build_t *b, int c, int *ev)
{
    int n = 0;
    for (int a = 0; a < PA_NATTR; a++)
        if (b->first_conv[a] == c || b->change_conv[a] == c)
            ev[n++] = a;
    shuffle(&b->r, ev, n);
    int nq = c == 0 ? 2 + rng_int(&b->r, 2) : c == 1 ? 3 + rng_int(&b->r, 2)
                                                  : 4 + rng_int(&b->r, 3);
    int lo = c == 0 && n > 0 ? 1 : 0;
    for (int q = 0; q < nq && n < MAX_EVENTS; q++) {
        int at = lo + rng_int(&b->r, n - lo + 1);
        memmove(ev + at + 1, ev + at, sizeof *ev * (size_t)(n - at));
        ev[at] = -1;
        n++;
    }
    return n;
}

/* The event of conversation 1 the restart comes before when it falls inside it: a
 * question slot after the first event, so something is asked after the restart in the
 * same conversation. -1 when there is none. */
static int mid_restart_event(build_t *b, const int *ev, int n)
{
    int ids[MAX_EVENTS], m = 0;
    for (int i = 1; i < n; i++)
        if (ev[i] < 0)
            ids[m++] = i;
    return m ? ids[rng_int(&b->r, m)] : -1;
}

/* Plays conversation c. The restart falls at the start of conversation 2, or inside
 * conversation 1 when mid_restart is set. */
static void play_conv(build_t *b, int c, int mid_restart)
{
    int ev[MAX_EVENTS];
    b->conv = c;
    if (c == 2 && b->s->restart_at < 0)
        b->s->restart_at = b->s->n;
    if (rng_pct(&b->r, 75))
        chat(b, PW_OPEN);
    int n = plan_conv(b, c, ev);
    int restart = c == 1 && mid_restart ? mid_restart_event(b, ev, n) : -1;
    for (int i = 0; i < n; i++) {
        if (i == restart)
            b->s->restart_at = b->s->n;
        if (ev[i] >= 0)
            tell(b, ev[i]);
        else
            ask(b);
        if (rng_pct(&b->r, CHATTER_PCT))
            chat(b, PW_MID);
    }
    for (int a = 0; c == NCONV - 1 && a < PA_NATTR; a++)
        if (b->nstmt[a] > 1 && b->asked[a] == 0)
            question(b, a); /* every change is asked about at least once */
    if (rng_pct(&b->r, 60))
        chat(b, PW_CLOSE);
}

int persona_story_make(persona_story_t *s, uint64_t seed, int idx, int pool)
{
    memset(s, 0, sizeof *s);
    build_t b = { .s = s, .pool = pool, .r = { seed } };
    b.r.s = rng_next(&b.r) ^ (uint64_t)(uint32_t)idx;
    b.r.s = rng_next(&b.r) ^ (uint64_t)(uint32_t)pool;
    for (int a = 0; a < PA_NATTR; a++) {
        b.change_conv[a] = -1;
        pw_list_t rl = pw_relations(a, pool);
        b.rel[a] = rl.n ? rl.v[rng_int(&b.r, rl.n)] : NULL;
        /* as with names: a relation the model has no word for must still be matched */
        if (rl.n && pool == PERSONA_TRAIN && rng_pct(&b.r, 40))
            b.rel[a] = coin(&b);
    }
    s->restart_at = -1;
    plan_facts(&b);
    plan_changes(&b);
    int mid_restart = rng_pct(&b.r, RESTART_MID_PCT);
    for (int c = 0; c < NCONV && !b.oom; c++)
        play_conv(&b, c, mid_restart);
    if (b.oom) {
        persona_story_free(s);
        return -1;
    }
    if (s->restart_at < 0)
        s->restart_at = s->n;
    return 0;
}

void persona_story_free(persona_story_t *s)
{
    if (!s)
        return;
    free(s->t);
    s->t = NULL;
    s->n = 0;
}

int persona_render(const persona_story_t *s, FILE *f)
{
    for (int i = 0; i < s->n; i++) {
        const persona_turn_t *t = &s->t[i];
        int w = t->kind == PERSONA_STATEMENT ? fprintf(f, "%d %s\n", i + 1, t->text)
                                             : fprintf(f, "%d %s\t%s\n", i + 1, t->text,
                                                       t->reply);
        if (w < 0)
            return -1;
    }
    return 0;
}
