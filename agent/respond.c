/* respond.c: the plan of a turn for the clauses about the user (respond.h). Facts are
 * keyed by holder + relation: a new value supersedes the current one (except for the
 * relations that hold several values at once: likes, hobbies, languages, allergies,
 * things owned), the same value only marks it used. A correction replaces the memory
 * holding its old value (or, with no old value, the last fact told); one without a new
 * value ends it. Questions are answered from the current memory of their frame; yes/no
 * compares the value asked with it; forget requests delete the memories of their frame
 * or value; the summary lists every current fact. Before any of that, the reader's act
 * is checked against the clause's form: a clause that asks is never written or executed
 * as a forget request, a forget request and an end must be said in words, a value that
 * cannot be of its relation is not written, and a message tells one value of a
 * one-valued relation. */
#include "agent/respond.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "agent/facts.h"
#include "agent/realise.h"
#include "model/lexical.h"
#include "model/model.h"
#include "model/vocab.h"

static realise_frame_t frame_of_clause(const understood_t *u)
{
    return (realise_frame_t){u->holder, u->rel, u->rel == READER_REL_OPEN ? u->relation : NULL,
                             u->value[0] ? u->value : NULL};
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

/* 1 when a clause ends with a question mark: the ASCII one as the model's tokenizer
 * reads it (vocab_question_mark), or the fullwidth ？ of Chinese. */
static int asks(const char *text)
{
    size_t n = strlen(text);
    if (vocab_question_mark(text, n)) return 1;
    while (n && strchr(" \t\r\n", text[n - 1])) n--;
    return n >= 3 && !memcmp(text + n - 3, "\xEF\xBC\x9F", 3);
}

/* How a clause opens: 2 with a question word ("what", "who's"), 1 with a verb that
 * starts a yes/no question ("is", "does"), else 0. A clause that opens so and ends with a
 * question mark asks; it is never a forget request or a task refused ("what hobby have I
 * taken up?" must not delete the hobby). */
static int opens_question(const char *text)
{
    static const char *const wh[] = {"what", "what's", "whats", "wat", "which", "who", "who's",
                                     "whos", "whose", "where", "where's", "wheres", "when",
                                     "when's", "how", "how's", "hows", NULL};
    static const char *const aux[] = {"is", "isn't", "are", "aren't", "am", "do", "does",
                                      "doesn't", "did", "didn't", "was", "were", "has",
                                      "have", "had", NULL};
    while (*text && !isalpha((unsigned char)*text)) text++;
    char w[16];
    size_t n = 0;
    while (n + 1 < sizeof w && (isalpha((unsigned char)text[n]) || text[n] == '\''))
        w[n] = (char)tolower((unsigned char)text[n]), n++;
    w[n] = '\0';
    for (int i = 0; wh[i]; i++)
        if (!strcmp(w, wh[i])) return 2;
    for (int i = 0; aux[i]; i++)
        if (!strcmp(w, aux[i])) return 1;
    return 0;
}

/* 1 when the clause, lower-cased and with a space after it, holds one of parts
 * anywhere ("forget" in "forgetting", "n't" in "don't", 没). */
static int has_part(const char *text, const char *const *parts)
{
    char low[512];
    size_t n = 0;
    for (; text[n] && n + 2 < sizeof low; n++) low[n] = (char)tolower((unsigned char)text[n]);
    low[n++] = ' ';
    low[n] = '\0';
    for (int i = 0; parts[i]; i++)
        if (strstr(low, parts[i])) return 1;
    return 0;
}

/* 1 when a clause says to forget, delete or not remember: a forget request deletes, so
 * it must say so ("she's chewing everything in sight" read as one deletes nothing). */
static int says_forget(const char *text)
{
    static const char *const stems[] = {"forget", "delete", "remove", "erase", "wipe",
                                        "remember", "unlearn", "忘", "删", "清除", NULL};
    return has_part(text, stems);
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
        if (facts_same_holder(r->w[i].holder, holder) && !strcmp(r->w[i].relation, relation) &&
            facts_same_value(r->w[i].value, value))
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
        if (!facts_same_holder(m->holder, holder) || strcmp(m->relation, relation)) continue;
        if (facts_same_value(m->value, value) && !w->update_id)
            w->update_id = m->id;           /* told again: the same memory */
        else if ((!facts_multi_valued(rel, holder) || !strcmp(value, FACTS_ENDED) ||
                  !strcmp(m->value, FACTS_ENDED)) &&
                 w->nsupersede < sizeof w->supersede / sizeof w->supersede[0])
            w->supersede[w->nsupersede++] = m->id;
    }
    if (w->update_id) w->nsupersede = 0;
    return w;
}

/* 1 when the plan already writes a value (not an end) of holder + relation class rel. */
static int wrote(const respond_t *r, const char *holder, int rel)
{
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].rel == rel && facts_same_holder(r->w[i].holder, holder) &&
            strcmp(r->w[i].value, FACTS_ENDED) != 0)
            return 1;
    return 0;
}

/* 1 when a value can be of relation class rel of holder: a kind or breed is an animal's
 * or a thing's, never the user's ("I'm an accountant at [Deloitte]"); a value is not its
 * holder; a name or a job has no digits ("a size [9 shoe]"); a person, place or job is
 * more than one CJK character, and a CJK value does not start with a function character.
 * The reader's misreads, not facts. */
static int fits(int rel, const char *holder, const char *value)
{
    if (rel == READER_REL_KIND && !strcmp(holder, "self")) return 0;
    if (facts_same_value(value, holder)) return 0;  /* "[my sister] is [sister]" */
    /* one CJK character names no person, place or job (家 of 搬家), and no value starts
     * with a function character (们 of 我们) */
    if ((unsigned char)value[0] >= 0xE0 && strlen(value) == 3 && rel != READER_REL_AGE &&
        rel != READER_REL_OPEN)
        return 0;
    char first[4] = "";
    if ((unsigned char)value[0] >= 0xE0 && strlen(value) >= 3) {
        memcpy(first, value, 3);
        first[3] = '\0';
        if (lex_cjk_stop(first)) return 0;
    }
    if (rel == READER_REL_NAME || rel == READER_REL_JOB)
        for (const char *p = value; *p; p++)
            if (isdigit((unsigned char)*p)) return 0;
    return 1;
}

static void fact(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    /* one value of a relation that holds one per holder, per message: the first ("I'm
     * Rosa, a nurse at St Thomas'" names the user once) */
    if (u->value[0] && fits(u->rel, u->holder, u->value) &&
        (facts_multi_valued(u->rel, u->holder) || !wrote(r, u->holder, u->rel)))
        add_write(r, f, text, u->holder, facts_open_key(f, u), u->rel, u->value);
    else if (!u->name[0])
        r->fact_unread = 1;
    /* "my brother Tom ...", "I'm Femi, 27" (the user's name once per message) */
    int self = !strcmp(u->holder, "self");
    if (u->name[0] && (!self || !wrote(r, "self", READER_REL_NAME)))
        add_write(r, f, text, u->holder, reader_rel_name(READER_REL_NAME), READER_REL_NAME,
                  u->name);
}

/* 1 when a clause says something ended: a negation or a verb of ending ("not anymore",
 * "we sold the car", "I left", 不, 没). A correction with no new value ends a fact, so it
 * must say so ("tell me if I live in Paris" read as one ended nothing). */
static int says_ended(const char *text)
{
    static const char *const words[] = {"not", "no", "never", "anymore", "longer", "left",
                                        "quit", "sold", "gave", "stopped", "ended", "over",
                                        "broke", "moved", "lost", "died", "passed", "gone",
                                        "retired", "ex", NULL};
    static const char *const parts[] = {"n't", "nt ", "不", "没", "离", "卖", "搬", NULL};
    for (int i = 0; words[i]; i++)
        if (facts_has_words(text, words[i])) return 1;
    return has_part(text, parts);
}

static void correction(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    if (!u->value[0] && !says_ended(text)) return;
    const store_memory_t *target = u->old[0] ? facts_by_value(f, u->old) : NULL;
    if (!target && u->relation[0] && u->rel != READER_REL_OPEN)
        target = facts_find(f, u->holder, u->relation, NULL);
    if (!target && u->relation[0] && u->rel == READER_REL_OPEN)
        target = facts_find(f, u->holder, facts_open_key(f, u), NULL);
    if (!target && !u->old[0] && f->n)          /* "sorry, I meant Lena": the last fact */
        target = &f->v[f->n - 1];
    if (!target) {
        fact(r, f, text, u);
        return;
    }
    const char *value = u->value[0] ? u->value : FACTS_ENDED;
    add_write(r, f, text, target->holder, target->relation, facts_rel_of(target->relation), value);
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

/* 1 when m is a current fact of someone of the user's (not the user's own, not a name)
 * with value ("Leeds", or a value that holds it). */
static int holds(const store_memory_t *m, const char *value)
{
    return value[0] && strcmp(m->holder, "self") != 0 && strcmp(m->value, FACTS_ENDED) != 0 &&
           strcmp(m->relation, reader_rel_name(READER_REL_NAME)) != 0 &&
           (facts_same_value(m->value, value) || facts_has_words(m->value, value));
}

/* 1 when someone of the user's holds value: "who lives in Leeds?" is then about the
 * user's people, not a story's. */
static int held(const facts_t *f, const char *value)
{
    for (size_t i = 0; i < f->n; i++)
        if (holds(&f->v[i], value)) return 1;
    return 0;
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
        if (!holds(m, u->value)) continue;
        const char *who = facts_name_of(f, m->holder);
        char one[128];
        snprintf(one, sizeof one, "%s", who ? who : m->holder);
        if (facts_has_words(list, one)) continue;
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

static void question(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    if (u->act == READER_QUESTION && u->value[0] && whose(r, f, u)) {
        r->answered++;
        return;
    }
    realise_frame_t asked = frame_of_clause(u);
    char buf[512];
    int ended = 0;
    const store_memory_t *m = facts_find(f, u->holder, u->relation, &ended);
    if (!m && u->rel == READER_REL_OPEN)        /* an open relation asked in other words */
        for (size_t i = f->n; !m && i-- > 0;)
            if (facts_same_holder(f->v[i].holder, u->holder) &&
                (facts_has_words(f->v[i].relation, u->relation) ||
                 facts_has_words(u->relation, f->v[i].relation)) &&
                strcmp(f->v[i].value, FACTS_ENDED) != 0)
                m = &f->v[i];
    if (!m && kin_rel(u->rel) >= 0)             /* "where do I work?": workplace or employer */
        m = facts_find(f, u->holder, reader_rel_name(kin_rel(u->rel)), NULL);
    if (!m && facts_is_favourite(u->relation))      /* a favourite, told as a like */
        m = facts_find(f, u->holder, reader_rel_name(READER_REL_LIKES), NULL);
    if (!m && u->rel == READER_REL_LIKES)           /* and a like, told as a favourite */
        m = facts_favourite(f, u->holder);
    set_kind(r, MODEL_KIND_ANSWER);
    if (u->act == READER_YESNO && m && u->value[0] && facts_multi_valued(u->rel, m->holder))
        for (size_t i = f->n; i-- > 0;) {   /* "do I speak German?": any of the values */
            const store_memory_t *x = &f->v[i];
            if (facts_same_holder(x->holder, m->holder) && !strcmp(x->relation, m->relation) &&
                (facts_same_value(x->value, u->value) || facts_has_words(x->value, u->value))) {
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
        realise_frame_t known = facts_frame(m);
        /* the value asked, or, when the reader marked none, the question's own words
         * ("is rosa a vet?" holds "vet") */
        int yes = u->value[0] ? facts_same_value(m->value, u->value) ||
                                    facts_has_words(m->value, u->value)
                              : facts_has_words(text, m->value);
        say(r, realise_yesno(buf, sizeof buf, yes, &asked, &known));
        snprintf(r->answer, sizeof r->answer, "%s", yes ? "yes" : "no");
    } else if (m) {
        realise_frame_t known = facts_frame(m);
        char list[sizeof r->answer];
        snprintf(list, sizeof list, "%s", m->value);
        /* "what languages do I speak?": every value */
        if (facts_multi_valued(facts_rel_of(m->relation), m->holder)) {
            int more = 0;
            list[0] = '\0';
            for (size_t i = 0; i < f->n; i++) {
                const store_memory_t *x = &f->v[i];
                if (!facts_same_holder(x->holder, m->holder) ||
                    strcmp(x->relation, m->relation) || !strcmp(x->value, FACTS_ENDED))
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
            hit = facts_same_value(m->value, u->value) || facts_has_words(m->text, u->value);
        else if (u->relation[0])    /* an open relation in more or fewer words: "my
                                     * phone number" forgets "phone" */
            hit = facts_same_holder(m->holder, u->holder) &&
                  (!strcmp(m->relation, u->relation) ||
                   (u->rel == READER_REL_OPEN && facts_rel_of(m->relation) == READER_REL_OPEN &&
                    (facts_has_words(m->relation, u->relation) ||
                     facts_has_words(u->relation, m->relation))));
        else
            hit = facts_same_holder(m->holder, u->holder) && strcmp(u->holder, "self") != 0;
        if (!hit || r->nforget == sizeof r->forget / sizeof r->forget[0]) continue;
        r->forget[r->nforget++] = m->id;
        if (strcmp(m->value, FACTS_ENDED) != 0 &&
            r->nforget_text < (int)(sizeof r->forget_text / sizeof r->forget_text[0]))
            snprintf(r->forget_text[r->nforget_text++], UNDERSTAND_VALUE, "%s", m->value);
        if (nt < 8) told[nt++] = facts_frame(m);
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
        if (strcmp(f->v[i].value, FACTS_ENDED) != 0) v[n++] = facts_frame(&f->v[i]);
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
        facts_resolve_holder(&f, text, &u[i]);
        facts_resolve_told(u, i, text, &u[i]);
        int q = asks(text) ? opens_question(text) : -1;
        if ((u[i].act == READER_FACT || u[i].act == READER_CORRECTION) && q >= 0)
            u[i].act = READER_QUESTION;     /* a question is never written as a fact */
        else if ((u[i].act == READER_FORGET || u[i].act == READER_UNABLE) && q > 0)
            u[i].act = q == 2 ? READER_QUESTION : READER_YESNO;
        if (u[i].act == READER_FORGET && !says_forget(text))
            u[i].act = READER_SMALLTALK;    /* nothing is deleted unless asked in words */
        if (u[i].act == READER_SUMMARY && (facts_has_words(text, "your") ||
                                            facts_has_words(text, "yourself")))
            u[i].act = READER_SMALLTALK;    /* "tell me about yourself" asks about mnemo */
        if ((u[i].act == READER_QUESTION || u[i].act == READER_YESNO) && !u[i].personal &&
            (people_only(u[i].rel) || (u[i].act == READER_QUESTION && held(&f, u[i].value))))
            u[i].personal = 1;
        /* a fact told without a subject is the speaker's ("got a collie called Meg"):
         * chat drops the "I", stories of others name who; a correction of a value the
         * user told is the user's ("it's the 14th, not the 4th") */
        if (u[i].act == READER_FACT && u[i].bare && !u[i].personal)
            u[i].personal = 1;
        if (u[i].act == READER_CORRECTION && u[i].old[0] && !u[i].personal)
            for (size_t j = 0; j < f.n && !u[i].personal; j++)
                u[i].personal = facts_same_value(f.v[j].value, u[i].old) ||
                                facts_has_words(f.v[j].value, u[i].old);
        if (u[i].act == READER_FACT && u[i].act_p < RESPOND_FACT_MIN_P)
            u[i].act = READER_SMALLTALK;    /* too unsure to keep as a fact */
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
            if (u[i].personal) question(out, &f, text, &u[i]);
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
            if (strcmp(out->w[i].value, FACTS_ENDED) != 0)
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
