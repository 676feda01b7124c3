/* respond.c: the plan of a turn for the clauses about the user (respond.h). Facts are
 * keyed by holder + relation: a new value supersedes the current one (except for the
 * relations that hold several values at once: likes, hobbies, languages, allergies,
 * things owned), the same value only marks it used. A correction replaces the memory
 * holding its old value (or, with no old value, the last fact told); one without a new
 * value ends it. Questions are answered from the current memory of their frame; yes/no
 * compares the value asked with it; forget requests delete the memories of their frame
 * or value; the summary lists every current fact. */
#include "agent/respond.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "agent/realise.h"
#include "model/model.h"

/* 1 when holder names several people or animals ("kids", "brothers", "cats"). */
static int plural(const char *holder)
{
    static const char *const words[] = {"children", "kids", "parents", "grandparents",
                                        "family", "people", NULL};
    size_t n = holder ? strlen(holder) : 0;
    for (int i = 0; words[i]; i++)
        if (n && !strcmp(holder, words[i])) return 1;
    return n > 3 && holder[n - 1] == 's' && holder[n - 2] != 's' && holder[n - 2] != 'u';
}

/* Relations that hold several values at once; names too when the holder is several
 * ("my kids are Ella and Jack"). */
static int multi_valued(int rel, const char *holder)
{
    return rel == READER_REL_LIKES || rel == READER_REL_HOBBY || rel == READER_REL_LANGUAGE ||
           rel == READER_REL_ALLERGY || rel == READER_REL_OWNS ||
           (rel == READER_REL_NAME && plural(holder));
}

/* Case-insensitive equality of two values, ignoring a leading article. */
static const char *skip_article(const char *s)
{
    if (!strncasecmp(s, "a ", 2)) return s + 2;
    if (!strncasecmp(s, "an ", 3)) return s + 3;
    if (!strncasecmp(s, "the ", 4)) return s + 4;
    return s;
}

static int same_value(const char *a, const char *b)
{
    return a && b && strcasecmp(skip_article(a), skip_article(b)) == 0;
}

/* Case-insensitive equality of two names, either possibly with a possessive ("Owen's"
 * as older databases stored it). */
static int same_name(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 2 && !strcmp(a + la - 2, "'s")) la -= 2;
    if (lb > 2 && !strcmp(b + lb - 2, "'s")) lb -= 2;
    return la == lb && strncasecmp(a, b, la) == 0;
}

/* 1 when needle occurs in hay as whole words, without case. */
static int has_words(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n) return 0;
    for (const char *p = hay; *p; p++) {
        if (strncasecmp(p, needle, n) != 0) continue;
        int before = p == hay || !isalnum((unsigned char)p[-1]);
        int after = !isalnum((unsigned char)p[n]);
        if (before && after) return 1;
    }
    return 0;
}

/* The relation class of a stored relation key (the open class when it is not a name). */
static int rel_of(const char *key)
{
    int r = key ? reader_rel_parse(key) : -1;
    return r < 0 ? READER_REL_OPEN : r;
}

static realise_frame_t frame_of_memory(const store_memory_t *m)
{
    int rel = rel_of(m->relation);
    return (realise_frame_t){m->holder, rel, rel == READER_REL_OPEN ? m->relation : NULL,
                             m->value};
}

static realise_frame_t frame_of_clause(const understood_t *u)
{
    return (realise_frame_t){u->holder, u->rel, u->rel == READER_REL_OPEN ? u->relation : NULL,
                             u->value[0] ? u->value : NULL};
}

/* ---- reading the store ------------------------------------------------------------ */

/* The user's current facts (frames_list), kept for the whole plan. */
typedef struct facts {
    store_memory_t *v;
    size_t n;
} facts_t;

/* The newest current fact of holder + relation whose value still holds (not ended), or
 * NULL; *ended says whether the newest one is an ended fact. */
static const store_memory_t *fact_find(const facts_t *f, const char *holder,
                                       const char *relation, int *ended)
{
    if (ended) *ended = 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (!m->holder || strcmp(m->holder, holder) != 0) continue;
        if (relation && strcmp(m->relation, relation) != 0) continue;
        if (strcmp(m->value, RESPOND_ENDED) == 0) {
            if (ended) *ended = 1;
            return NULL;
        }
        return m;
    }
    return NULL;
}

/* The newest current fact whose value is v. */
static const store_memory_t *fact_by_value(const facts_t *f, const char *v)
{
    for (size_t i = f->n; i-- > 0;)
        if (same_value(f->v[i].value, v)) return &f->v[i];
    return NULL;
}

/* A holder that is the name of someone of the user's ("Marcus is a plumber" after "my
 * brother's called Marcus") becomes that someone: the clause is personal after all. */
static void resolve_holder(const facts_t *f, const char *text, understood_t *u)
{
    if (u->personal) return;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (m->relation && !strcmp(m->relation, reader_rel_name(READER_REL_NAME)) &&
            strcmp(m->holder, "self") != 0 &&
            (same_name(m->value, u->holder) || has_words(text, m->value))) {
            snprintf(u->holder, sizeof u->holder, "%s", m->holder);
            u->personal = 1;
            return;
        }
    }
}

/* Relations only people's facts have: bAbI's stories (what the memory network reads)
 * tell where people and things are, what they carry, what colour or kind they are, never
 * these. A question about someone by a name mnemo does not know, about one of these, is
 * still a question about the user's people ("how old is Jack?"), answered from the
 * facts or with "I don't know", never by the memory network. */
static int people_only(int rel)
{
    switch (rel) {
    case READER_REL_NAME: case READER_REL_AGE: case READER_REL_BIRTHDAY:
    case READER_REL_HOMETOWN: case READER_REL_JOB: case READER_REL_EMPLOYER:
    case READER_REL_SCHOOL: case READER_REL_HOBBY: case READER_REL_ALLERGY:
    case READER_REL_LANGUAGE: case READER_REL_DIET:
        return 1;
    default: return 0;
    }
}

/* 1 when a clause ends with a question mark (ASCII or the fullwidth ？), spaces and
 * closing quotes aside. */
static int asks(const char *text)
{
    size_t n = strlen(text);
    while (n && strchr(" \t\r\n\"'", text[n - 1])) n--;
    return (n && text[n - 1] == '?') ||
           (n >= 3 && !memcmp(text + n - 3, "\xEF\xBC\x9F", 3));
}

/* ---- the plan --------------------------------------------------------------------- */

static void say(respond_t *r, const char *s)
{
    size_t at = strlen(r->reply);
    snprintf(r->reply + at, sizeof r->reply - at, "%s%s", at ? " " : "", s);
}

static int kind_rank(int kind)     /* statement > answer > other, for the turn's kind */
{
    return kind == MODEL_KIND_STATEMENT ? 2 : kind == MODEL_KIND_ANSWER ? 1 : 0;
}

static void set_kind(respond_t *r, int kind)
{
    if (kind_rank(kind) > kind_rank(r->kind)) r->kind = kind;
}

/* Adds a fact to write (deduplicated within the message); returns it or NULL. */
static respond_write_t *add_write(respond_t *r, const facts_t *f, const char *text,
                                  const char *holder, const char *relation, int rel,
                                  const char *value)
{
    for (int i = 0; i < r->nw; i++)
        if (!strcmp(r->w[i].holder, holder) && !strcmp(r->w[i].relation, relation) &&
            same_value(r->w[i].value, value))
            return &r->w[i];
    if (r->nw == UNDERSTAND_MAX || !*relation || !*value) return NULL;
    respond_write_t *w = &r->w[r->nw++];
    memset(w, 0, sizeof *w);
    snprintf(w->text, sizeof w->text, "%s", text);
    snprintf(w->holder, sizeof w->holder, "%s", holder);
    snprintf(w->relation, sizeof w->relation, "%s", relation);
    snprintf(w->value, sizeof w->value, "%s", value);
    w->rel = rel;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (!m->holder || strcmp(m->holder, holder) || strcmp(m->relation, relation)) continue;
        if (same_value(m->value, value) && !w->update_id)
            w->update_id = m->id;           /* told again: the same memory */
        else if ((!multi_valued(rel, holder) || !strcmp(value, RESPOND_ENDED) ||
                  !strcmp(m->value, RESPOND_ENDED)) &&
                 w->nsupersede < sizeof w->supersede / sizeof w->supersede[0])
            w->supersede[w->nsupersede++] = m->id;
    }
    if (w->update_id) w->nsupersede = 0;
    return w;
}

/* 1 when the plan already writes a fact of holder + relation class rel. */
static int wrote(const respond_t *r, const char *holder, int rel)
{
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].rel == rel && !strcmp(r->w[i].holder, holder)) return 1;
    return 0;
}

/* The stored key an open relation told in fewer words means ("my favourite is ramen"
 * after "my favourite food is pad thai"): the newest current fact of the holder whose
 * relation holds the words; else the relation as told. */
static const char *open_key(const facts_t *f, const understood_t *u)
{
    if (u->rel != READER_REL_OPEN || fact_find(f, u->holder, u->relation, NULL))
        return u->relation;
    for (size_t i = f->n; i-- > 0;)
        if (f->v[i].holder && !strcmp(f->v[i].holder, u->holder) &&
            has_words(f->v[i].relation, u->relation) &&
            rel_of(f->v[i].relation) == READER_REL_OPEN)
            return f->v[i].relation;
    return u->relation;
}

static void fact(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    if (u->value[0])
        add_write(r, f, text, u->holder, open_key(f, u), u->rel, u->value);
    else if (!u->name[0])
        r->fact_unread = 1;
    /* "my brother Tom ...", "I'm Femi, 27" (the user's name once per message) */
    int self = !strcmp(u->holder, "self");
    if (u->name[0] && (!self || !wrote(r, "self", READER_REL_NAME)))
        add_write(r, f, text, u->holder, reader_rel_name(READER_REL_NAME), READER_REL_NAME,
                  u->name);
}

static void correction(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    const store_memory_t *target = u->old[0] ? fact_by_value(f, u->old) : NULL;
    if (!target && u->relation[0] && u->rel != READER_REL_OPEN)
        target = fact_find(f, u->holder, u->relation, NULL);
    if (!target && u->relation[0] && u->rel == READER_REL_OPEN)
        target = fact_find(f, u->holder, open_key(f, u), NULL);
    if (!target && !u->old[0] && f->n)          /* "sorry, I meant Lena": the last fact */
        target = &f->v[f->n - 1];
    if (!target) {
        fact(r, f, text, u);
        return;
    }
    const char *value = u->value[0] ? u->value : RESPOND_ENDED;
    add_write(r, f, text, target->holder, target->relation, rel_of(target->relation), value);
}

/* The relation a question may mean as well ("where do I work?" asks for a workplace or
 * an employer; "what do I like?" for likes or hobbies), or -1. */
static int kin_rel(int rel)
{
    switch (rel) {
    case READER_REL_WORKPLACE: return READER_REL_EMPLOYER;
    case READER_REL_EMPLOYER: return READER_REL_WORKPLACE;
    case READER_REL_LIKES: return READER_REL_HOBBY;
    case READER_REL_HOBBY: return READER_REL_LIKES;
    default: return -1;
    }
}

/* The name of holder (its NAME fact's value), else NULL. */
static const char *name_of(const facts_t *f, const char *holder)
{
    const store_memory_t *m = fact_find(f, holder, reader_rel_name(READER_REL_NAME), NULL);
    return m ? m->value : NULL;
}

/* "Which of my kids plays football?", "who lives in Leeds?": the question names a value
 * and asks whose it is. Answers with the names (or the holders) of every current fact of
 * someone of the user's with that value; 0 when none has it. */
static int whose(respond_t *r, const facts_t *f, const understood_t *u)
{
    char list[sizeof r->answer] = "";
    size_t at = 0;
    int n = 0;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (!strcmp(m->holder, "self") || !strcmp(m->value, RESPOND_ENDED) ||
            !strcmp(m->relation, reader_rel_name(READER_REL_NAME)) ||
            !(same_value(m->value, u->value) || has_words(m->value, u->value)))
            continue;
        const char *who = name_of(f, m->holder);
        char one[128];
        snprintf(one, sizeof one, "%s", who ? who : m->holder);
        if (has_words(list, one)) continue;
        int w = snprintf(list + at, sizeof list - at, "%s%s", n ? " and " : "", one);
        if (w > 0 && (size_t)w < sizeof list - at) at += (size_t)w;
        n++;
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
    }
    if (!n) return 0;
    char buf[sizeof list + 1];
    snprintf(buf, sizeof buf, "%s.", list);
    if (buf[0] >= 'a' && buf[0] <= 'z') buf[0] = (char)(buf[0] - 'a' + 'A');
    say(r, buf);
    memcpy(r->answer, list, sizeof list);
    set_kind(r, MODEL_KIND_ANSWER);
    return 1;
}

static void question(respond_t *r, const facts_t *f, const understood_t *u)
{
    if (u->act == READER_QUESTION && u->value[0] && whose(r, f, u)) {
        r->answered++;
        return;
    }
    realise_frame_t asked = frame_of_clause(u);
    char buf[512];
    int ended = 0;
    const store_memory_t *m = fact_find(f, u->holder, u->relation, &ended);
    if (!m && u->rel == READER_REL_OPEN)        /* an open relation asked in other words */
        for (size_t i = f->n; !m && i-- > 0;)
            if (f->v[i].holder && !strcmp(f->v[i].holder, u->holder) &&
                (has_words(f->v[i].relation, u->relation) ||
                 has_words(u->relation, f->v[i].relation)) &&
                strcmp(f->v[i].value, RESPOND_ENDED) != 0)
                m = &f->v[i];
    if (!m && kin_rel(u->rel) >= 0)             /* "where do I work?": workplace or employer */
        m = fact_find(f, u->holder, reader_rel_name(kin_rel(u->rel)), NULL);
    if (!m && !strncmp(u->relation, "favourite", 9))   /* a favourite, told as a like */
        m = fact_find(f, u->holder, reader_rel_name(READER_REL_LIKES), NULL);
    set_kind(r, MODEL_KIND_ANSWER);
    if (u->act == READER_YESNO && m && u->value[0] && multi_valued(u->rel, m->holder))
        for (size_t i = f->n; i-- > 0;) {   /* "do I speak German?": any of the values */
            const store_memory_t *x = &f->v[i];
            if (x->holder && !strcmp(x->holder, m->holder) && !strcmp(x->relation, m->relation) &&
                (same_value(x->value, u->value) || has_words(x->value, u->value))) {
                m = x;
                break;
            }
        }
    if (u->act == READER_YESNO) {
        if (!m) {
            if (ended) {
                say(r, "No, not anymore.");
                snprintf(r->answer, sizeof r->answer, "no");
            } else {
                say(r, realise_unknown(buf, sizeof buf, &asked));
            }
            return;
        }
        realise_frame_t known = frame_of_memory(m);
        int yes = u->value[0] && (same_value(m->value, u->value) ||
                                  has_words(m->value, u->value));
        say(r, realise_yesno(buf, sizeof buf, yes, &asked, &known));
        snprintf(r->answer, sizeof r->answer, "%s", yes ? "yes" : "no");
    } else if (m) {
        realise_frame_t known = frame_of_memory(m);
        char list[sizeof r->answer];
        snprintf(list, sizeof list, "%s", m->value);
        if (multi_valued(rel_of(m->relation), m->holder)) { /* "what languages do I speak?" */
            int more = 0;
            list[0] = '\0';
            for (size_t i = 0; i < f->n; i++) {
                const store_memory_t *x = &f->v[i];
                if (!x->holder || strcmp(x->holder, m->holder) ||
                    strcmp(x->relation, m->relation) || !strcmp(x->value, RESPOND_ENDED))
                    continue;
                size_t at = strlen(list);
                snprintf(list + at, sizeof list - at, "%s%s", more++ ? " and " : "", x->value);
                if (r->nused < UNDERSTAND_MAX && x != m) r->used[r->nused++] = x->id;
            }
            known.value = list;
        }
        say(r, realise_fact(buf, sizeof buf, &known));
        snprintf(r->answer, sizeof r->answer, "%s", list);
    } else {
        say(r, realise_unknown(buf, sizeof buf, &asked));
        r->unanswered++;
        return;
    }
    r->answered++;
    if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
}

static void forget(respond_t *r, const facts_t *f, const understood_t *u)
{
    realise_frame_t told[8];
    int nt = 0;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        int hit;        /* by the value named, else by the frame, else all of a holder */
        if (u->value[0])
            hit = same_value(m->value, u->value) || has_words(m->text, u->value);
        else if (u->relation[0])
            hit = !strcmp(m->holder, u->holder) && !strcmp(m->relation, u->relation);
        else
            hit = !strcmp(m->holder, u->holder) && strcmp(u->holder, "self") != 0;
        if (!hit || r->nforget == sizeof r->forget / sizeof r->forget[0]) continue;
        r->forget[r->nforget++] = m->id;
        if (strcmp(m->value, RESPOND_ENDED) != 0 &&
            r->nforget_text < (int)(sizeof r->forget_text / sizeof r->forget_text[0]))
            snprintf(r->forget_text[r->nforget_text++], UNDERSTAND_VALUE, "%s", m->value);
        if (nt < 8) told[nt++] = frame_of_memory(m);
    }
    char buf[512];
    set_kind(r, MODEL_KIND_STATEMENT);
    say(r, nt ? realise_forgot(buf, sizeof buf, told, nt)
              : "I don't have anything about that to forget.");
}

static void summary(respond_t *r, const facts_t *f)
{
    realise_frame_t v[32];
    int n = 0;
    for (size_t i = 0; i < f->n && n < 32; i++)
        if (strcmp(f->v[i].value, RESPOND_ENDED) != 0) v[n++] = frame_of_memory(&f->v[i]);
    char buf[1024];
    set_kind(r, MODEL_KIND_ANSWER);
    say(r, realise_summary(buf, sizeof buf, v, n));
}

int respond_plan(store_t *st, const char *user, const char *msg, understood_t *u, int n,
                 const char *smalltalk, respond_t *out, char *err, size_t errlen)
{
    facts_t f = {0};
    memset(out, 0, sizeof *out);
    out->kind = MODEL_KIND_OTHER;
    int rc = store_frames_list(st, user, STORE_LIST_MAX, &f.v, &f.n);
    if (rc) {
        snprintf(err, errlen, "reading the user's facts failed");
        return rc;
    }
    int personal = 0, small = 0;
    for (int i = 0; i < n; i++) {
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)u[i].len, msg + u[i].at);
        resolve_holder(&f, text, &u[i]);
        if ((u[i].act == READER_QUESTION || u[i].act == READER_YESNO) && !u[i].personal &&
            people_only(u[i].rel))
            u[i].personal = 1;
        if (u[i].act == READER_FACT && u[i].act_p < RESPOND_FACT_MIN_P)
            u[i].act = READER_SMALLTALK;    /* too unsure to keep as a fact */
        if ((u[i].act == READER_FACT || u[i].act == READER_CORRECTION) && asks(text)) {
            u[i].act = READER_QUESTION;     /* a question is never written as a fact */
            u[i].value[0] = '\0';
        }
        int act = u[i].act;
        personal |= (act == READER_SUMMARY || act == READER_FORGET || act == READER_UNABLE ||
                     u[i].personal) && act != READER_SMALLTALK;
        small |= act == READER_SMALLTALK;
    }
    out->handled = personal;
    for (int i = 0; personal && i < n; i++) {
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)u[i].len, msg + u[i].at);
        switch (u[i].act) {
        case READER_FACT:
            if (u[i].personal) fact(out, &f, text, &u[i]);
            break;
        case READER_CORRECTION: correction(out, &f, text, &u[i]); break;
        case READER_QUESTION:
        case READER_YESNO:
            if (u[i].personal) question(out, &f, &u[i]);
            break;
        case READER_FORGET: forget(out, &f, &u[i]); break;
        case READER_SUMMARY: summary(out, &f); break;
        case READER_UNABLE: {
            char buf[256];
            say(out, realise_unable(buf, sizeof buf));
            break;
        }
        default: break;
        }
    }
    if (out->nw) {                  /* the acknowledgement of what is written goes first */
        realise_frame_t v[UNDERSTAND_MAX];
        int nv = 0;
        for (int i = 0; i < out->nw; i++)
            if (strcmp(out->w[i].value, RESPOND_ENDED) != 0)
                v[nv++] = (realise_frame_t){out->w[i].holder, out->w[i].rel,
                                            out->w[i].rel == READER_REL_OPEN ? out->w[i].relation
                                                                             : NULL,
                                            out->w[i].value};
        char rest[sizeof out->reply];
        memcpy(rest, out->reply, sizeof rest);
        if (nv)
            realise_ack(out->reply, sizeof out->reply, v, nv);
        else
            snprintf(out->reply, sizeof out->reply, "Got it, noted.");
        if (rest[0]) say(out, rest);
        set_kind(out, MODEL_KIND_STATEMENT);
    }
    if (personal && !out->reply[0]) {
        if (small && smalltalk)
            snprintf(out->reply, sizeof out->reply, "%s", smalltalk);
        else
            snprintf(out->reply, sizeof out->reply, "Okay.");
    }
    if (!personal && small && n > 0) {  /* only small talk: answered, never stored */
        out->handled = 1;
        snprintf(out->reply, sizeof out->reply, "%s", smalltalk ? smalltalk : "Okay.");
    }
    store_memories_free(f.v, f.n);
    return 0;
}
