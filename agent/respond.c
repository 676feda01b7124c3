/* respond.c: the plan of a turn for the clauses about the user (respond.h). Facts are
 * keyed by holder + relation: a new value supersedes the current one (except for the
 * relations that hold several values at once: likes, hobbies, languages, allergies,
 * things owned), the same value only marks it used. A correction replaces the memory
 * holding its old value (or the value it spells again, or, with neither, the last fact
 * told); one without a new value ends it, as does a fact that tells an end of a value
 * the user has ("we sold our car"). Questions are answered from the current memory of
 * their frame (a list question, "which of my kids plays tennis?", by whose a value is; a
 * pet's breed by the word it is known by; ages compared by compare.h); yes/no compares
 * the value asked with it ("is Greta a plumber?" with her job); the reader's slips of
 * relation are looked past where the facts allow; forget requests delete the memories of
 * their frame or value; the summary lists every current fact. Before any of that, checks.h settles
 * each clause's act and whose it is; here a value that cannot be of its relation is not
 * written, an end must be said in words, and a message tells one value of a one-valued
 * relation. */
#include "agent/respond.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/checks.h"
#include "agent/compare.h"
#include "agent/eating.h"
#include "agent/facts.h"
#include "agent/forms.h"
#include "agent/understand_mend.h"
#include "agent/understand_words.h"
#include "agent/kinds.h"
#include "agent/of_us.h"
#include "agent/plain.h"
#include "agent/realise.h"
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/lexical.h"
#include "model/model.h"
#include "model/vocab.h"

static realise_frame_t frame_of_clause(const understood_t *u)
{
    return (realise_frame_t){u->holder, u->rel, u->rel == READER_REL_OPEN ? u->relation : NULL,
                             u->value[0] ? u->value : NULL};
}

/* ---- the plan --------------------------------------------------------------------- */

static void say(respond_t *r, const char *s)
{
    size_t at = strlen(r->reply);
    snprintf(r->reply + at, sizeof r->reply - at, "%s%s", at ? " " : "", s);
}

/* Says s for the question being planned, which the plan has no answer to (partial:
 * s tells something near it, "All I know is that ..."), and notes where it stands. */
static void say_gap(respond_t *r, const char *s, int partial)
{
    size_t at = strlen(r->reply);
    say(r, s);
    size_t end = strlen(r->reply);
    if (at && end > at) at++;       /* the space before it */
    if (end > at && r->ngap < UNDERSTAND_MAX)
        r->gap[r->ngap++] = (respond_gap_t){r->clause, at, end - at, partial, 0};
    if (partial) r->answered++;
    else r->unanswered++;
}

static int kind_rank(int kind)     /* statement > answer > other, for the turn's kind */
{
    return kind == MODEL_KIND_STATEMENT ? 2 : kind == MODEL_KIND_ANSWER ? 1 : 0;
}

static void set_kind(respond_t *r, int kind)
{
    if (kind_rank(kind) > kind_rank(r->kind)) r->kind = kind;
}

/* 1 when whole is part and more words, before or after it ("tree surgeon" of "tree",
 * "a dented 2011 Ford Ka" of "2011 Ford Ka"), without case. */
static int extends(const char *whole, const char *part)
{
    return part[0] && strlen(whole) > strlen(part) && facts_has_words(whole, part);
}

/* Adds a fact to write (deduplicated within the message); returns it or NULL. */
static respond_write_t *add_write(respond_t *r, const facts_t *f, const char *text,
                                  const char *holder, const char *relation, int rel,
                                  const char *value)
{
    for (int i = 0; i < r->nw; i++) {
        if (!facts_same_holder(r->w[i].holder, holder) ||
            !facts_same_relation(r->w[i].relation, relation))
            continue;
        if (facts_same_value(r->w[i].value, value)) return &r->w[i];
        /* one value told in part and whole ("a 2015 Honda" and "a 2015 Honda Civic",
         * "tree" and "tree surgeon"): the whole; not of one name, whose longer reading
         * is the name and a verb ("Abi" and "Abi sells") */
        if (rel == READER_REL_NAME && !facts_multi_valued(rel, relation, holder)) continue;
        if (extends(value, r->w[i].value)) {
            memmove(&r->w[i], &r->w[i + 1], (size_t)(r->nw - i - 1) * sizeof *r->w);
            r->nw--;
            break;
        }
        if (extends(r->w[i].value, value)) return &r->w[i];
    }
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
        if (!facts_same_holder(m->holder, holder) || !facts_same_relation(m->relation, relation))
            continue;
        if (facts_same_value(m->value, value) && !w->update_id)
            w->update_id = m->id;           /* told again: the same memory */
        else if ((!facts_multi_valued(rel, relation, holder) || !strcmp(value, FACTS_ENDED) ||
                  !strcmp(m->value, FACTS_ENDED)) &&
                 w->nsupersede < sizeof w->supersede / sizeof w->supersede[0])
            w->supersede[w->nsupersede++] = m->id;
    }
    if (w->update_id) w->nsupersede = 0;
    return w;
}

/* Ends the value of m: of a relation that holds several values, that one alone ("not
 * latex": peanuts stays an allergy), else the relation's current value. */
static void end_value(respond_t *r, const facts_t *f, const char *text,
                      const store_memory_t *m)
{
    int rel = facts_rel_of(m->relation), before = r->nw;
    respond_write_t *w = add_write(r, f, text, m->holder, m->relation, rel, FACTS_ENDED);
    if (!w || !facts_multi_valued(rel, m->relation, m->holder)) return;
    /* one of a group named gone ("Biscuit died"): the group told as a number is one less */
    const store_memory_t *count = rel == READER_REL_NAME
                                      ? facts_find(f, m->holder, REALISE_COUNT, NULL) : NULL;
    long was;
    if (count && understand_number(count->value, &was) && was > 0) {
        char less[24];
        snprintf(less, sizeof less, "%ld", was - 1);
        add_write(r, f, text, m->holder, count->relation, READER_REL_OPEN, less);
    }
    if (r->nw > before) w->nsupersede = 0;      /* new: only the values ended */
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *x = &f->v[i];
        int known = 0;
        for (size_t k = 0; k < w->nsupersede; k++) known |= w->supersede[k] == x->id;
        if (!known && facts_same_holder(x->holder, m->holder) &&
            facts_same_relation(x->relation, m->relation) && facts_same_value(x->value, m->value) &&
            w->nsupersede < sizeof w->supersede / sizeof w->supersede[0])
            w->supersede[w->nsupersede++] = x->id;
    }
}

/* 1 when text says "I", "I'm", "my", "we" ... (understand_personal_words): of the one
 * who speaks, as no story of others does. */
static int says_me(const char *text)
{
    for (int w = 0; understand_personal_words[w]; w++)
        if (facts_has_words(text, understand_personal_words[w])) return 1;
    return 0;
}

static int told_of_self(const facts_t *f);

/* 1 when text is a person's own words: it says "I" (says_me), speaks to the listener
 * ("you", "u", 你) or opens with a greeting. No story of others the memory network keeps
 * (bAbI's "Mary went to the office") does, and the gate finds many of those likely chat. */
static int from_a_person(const char *text)
{
    static const char *const listener[] = {"you", "u", "your", "ur", "ya", "yours", "你", "您",
                                           NULL};
    if (says_me(text)) return 1;
    for (int w = 0; listener[w]; w++)
        if (facts_has_words(text, listener[w])) return 1;
    char first[32];
    size_t n = strcspn(text, " ,.!?:;~");
    snprintf(first, sizeof first, "%.*s", (int)(n < sizeof first ? n : sizeof first - 1), text);
    for (char *c = first; *c; c++) *c = (char)tolower((unsigned char)*c);
    return understand_in_list(understand_greetings, first);
}

/* The gate's probability (understood_t.chat_p) from which a fact the reader saw but
 * found no value in is chat, not a statement the memory network keeps as told. On the
 * statements of probe-dev and 21 read probes, each told alone by a new user (926
 * remarks, 3282 facts), remarks kept went from 140 to 132 and facts acknowledged from
 * 2936 to 2932 at 0.7 (0.5: 131 and 2929). */
#define RESPOND_UNREAD_CHAT_P 0.7f

/* 1 when msg may ask though the reader read no question: a question mark, a sentence
 * that opens with a question word or a verb that opens a yes/no question, after words
 * of asking ("remind me who I'm seeing now", "wait who's my landlord again"; not the
 * "who" of "my sister, who lives in Hull"), or a Chinese word of asking (什么, 吗 ...). */
static int asks_unmarked(const char *msg)
{
    static const char *const marks[] = {"?", "\xEF\xBC\x9F", "什么", "啥", "哪", "谁", "多少",
                                        "吗", NULL};
    static const char *const lead[] = {"remind", "me", "tell", "so", "and", "ok", "okay", "oh",
                                       "hey", "um", "wait", "btw", "also", "quick", "q", "but",
                                       NULL};
    for (int i = 0; marks[i]; i++)
        if (strstr(msg, marks[i])) return 1;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(msg, " ,;:()\"", buf, sizeof buf, w, 64), open = 1;
    for (int i = 0; i < n; i++) {
        char word[32];
        size_t l = strlen(w[i]);
        int ends = l && strchr(".!", w[i][l - 1]);
        snprintf(word, sizeof word, "%.*s", (int)(ends ? l - 1 : l), w[i]);
        if (open && understand_question_word(word)) return 1;
        open = ends || (open && understand_in_list(lead, word));
    }
    return 0;
}

/* The gate's probability for a whole message (understood_t.msg_chat_p) under which a
 * person's message the reader found nothing in to keep, ask or do is a fact all the same,
 * kept as told. On the say steps of five read probes the gate never trained on, in flow,
 * 26 of the 36 facts the reader missed were under 0.02, and 6 of the 219 remarks it had
 * rightly let pass; played, facts acknowledged went from 590 to 614 of 626, remarks kept
 * from 34 to 39 of 253, and two more questions of all the read probes were right. */
#define RESPOND_GATE_FACT_P 0.02f

/* 1 when the plan already writes a value (not an end) of holder + relation class rel;
 * of an open relation, of the same relation key ("height" and "shoe size" are two). */
static int wrote(const respond_t *r, const char *holder, int rel, const char *relation)
{
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].rel == rel && facts_same_holder(r->w[i].holder, holder) &&
            (rel != READER_REL_OPEN || facts_same_relation(r->w[i].relation, relation)) &&
            strcmp(r->w[i].value, FACTS_ENDED) != 0)
            return 1;
    return 0;
}

/* 1 when value is a value r writes for holder and rel in more words ("tree surgeon"
 * after "tree"; never a name): the whole, which replaces the part (add_write). */
static int wrote_part(const respond_t *r, const char *holder, int rel, const char *value)
{
    for (int i = 0; i < r->nw; i++)
        if (r->w[i].rel == rel && rel != READER_REL_NAME &&
            facts_same_holder(r->w[i].holder, holder) && extends(value, r->w[i].value))
            return 1;
    return 0;
}

/* "3rd year physics student", "final year vet student": a job that is being a student of
 * a subject also tells what the user studies (the words before "student" less those of
 * the year), written unless a study is written already. */
static void study_of_student(respond_t *r, const facts_t *f, const char *text,
                             const char *job)
{
    static const char *const year[] = {"1st", "2nd", "3rd", "4th", "first", "second", "third",
                                       "fourth", "final", "last", "year", "a", "an", "uni",
                                       "university", "college", "phd", "mature", "full-time",
                                       "part-time", "grad", "undergrad", "postgrad", NULL};
    char buf[UNDERSTAND_VALUE];
    const char *w[8];
    int n = understand_split_words(job, " ", buf, sizeof buf, w, 8);
    if (n < 2 || strcmp(w[n - 1], "student") != 0 ||
        wrote(r, "self", READER_REL_OPEN, "study"))
        return;
    char subject[UNDERSTAND_VALUE] = "";
    size_t at = 0;
    for (int i = 0; i < n - 1; i++)
        if (!understand_in_list(year, w[i]))
            at += (size_t)snprintf(subject + at, sizeof subject - at, "%s%s", at ? " " : "",
                                   w[i]);
    if (at && at < sizeof subject)
        add_write(r, f, text, "self", "study", READER_REL_OPEN, subject);
}

/* value (len bytes) put right to now: a number alone put right in a value that holds
 * one number ("4th" in "the 3rd of June") takes that number's place, keeping the
 * rest; anything else is the value. */
static void put_number_right(char *value, size_t len, const char *now)
{
    size_t nl = strlen(now), s = 0, at = 0, count = 0;
    int number = nl && !strchr(now, ' ') && isdigit((unsigned char)now[0]);
    for (size_t k = 0; number && value[k]; k++)
        if (isdigit((unsigned char)value[k]) && (k == 0 || !isalnum((unsigned char)value[k - 1])))
            count++, at = k;
    if (!number || count != 1) {
        snprintf(value, len, "%s", now);
        return;
    }
    for (s = at; value[s] && value[s] != ' ' && value[s] != ','; s++) {}
    char rest[UNDERSTAND_VALUE];
    snprintf(rest, sizeof rest, "%s", value + s);
    snprintf(value + at, len - at, "%s%s", now, rest);
}

static void fact(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    /* a value the user has, told with an end ("we sold our car", "I left Aviva"),
     * ends it */
    for (size_t i = f->n; u->value[0] && i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (!facts_same_holder(m->holder, u->holder) || !strcmp(m->value, FACTS_ENDED) ||
            !(facts_same_value(m->value, u->value) || facts_has_words(m->value, u->value)))
            continue;
        char gone_to[UNDERSTAND_VALUE + 8];     /* "moved to London" tells the new one */
        snprintf(gone_to, sizeof gone_to, "to %s", u->value);
        if (!checks_says_ended(text) || facts_has_words(text, gone_to)) break;
        /* "现在住在重庆，不住成都了": the message's new value already replaces it */
        int rel = facts_rel_of(m->relation);
        if (facts_multi_valued(rel, m->relation, m->holder) || !wrote(r, m->holder, rel, m->relation))
            end_value(r, f, text, m);
        return;
    }
    /* "her birthday is the 3rd. Oops, 4th!": a fact put right in the message that told
     * it (checks_put_right_after: u->old) is written in its place */
    for (int i = 0; u->old[0] && u->value[0] && i < r->nw; i++)
        if (facts_same_holder(r->w[i].holder, u->holder) && r->w[i].rel == u->rel &&
            facts_same_value(r->w[i].value, u->old) && checks_fits(u->rel, u->holder, u->value)) {
            put_number_right(r->w[i].value, sizeof r->w[i].value, u->value);
            return;
        }
    /* one value of a relation that holds one per holder, per message: the first ("I'm
     * Ines, a midwife at St Mary's" names the user once), or the whole of it told later */
    if (u->value[0] && checks_fits(u->rel, u->holder, u->value) &&
        (u->settled || checks_cued(u->rel, u->holder, u->value, text)) &&
        (facts_multi_valued(u->rel, u->relation, u->holder) ||
         !wrote(r, u->holder, u->rel, facts_open_key(f, u)) ||
         wrote_part(r, u->holder, u->rel, u->value))) {
        respond_write_t *w = add_write(r, f, text, u->holder, facts_open_key(f, u), u->rel,
                                       u->value);
        /* "my brother lives with me in Kendal": where one lives with the user is the
         * user's home too */
        if (u->rel == READER_REL_HOME && strcmp(u->holder, "self") != 0 &&
            (facts_has_words(text, "with us") || facts_has_words(text, "with me")) &&
            !wrote(r, "self", READER_REL_HOME, NULL))
            add_write(r, f, text, "self", reader_rel_name(READER_REL_HOME), READER_REL_HOME,
                      u->value);
        /* "my wife and I run a bakery in Hexham": where one of theirs and the user live or
         * work together is the user's too */
        static const char *const living[] = {"live", "living", "moved", "based", "work",
                                             "working", "run", "own", "stay", "staying",
                                             NULL};
        int lives = 0;          /* (said in words of living or working, not "visit") */
        for (int k = 0; living[k] && !lives; k++) lives = facts_has_words(text, living[k]);
        int together = lives && (facts_has_words(text, "and i") ||
                                 facts_has_words(text, "and me") ||
                                 facts_has_words(text, "me and my"));
        if ((u->rel == READER_REL_HOME || u->rel == READER_REL_WORKPLACE ||
             u->rel == READER_REL_EMPLOYER) &&
            strcmp(u->holder, "self") != 0 && understand_kin(u->holder) && together &&
            !wrote(r, "self", u->rel, NULL))
            add_write(r, f, text, "self", reader_rel_name(u->rel), u->rel, u->value);
        /* "a third year law student": what the user studies is told too */
        if (w && u->rel == READER_REL_JOB && !strcmp(u->holder, "self"))
            study_of_student(r, f, text, u->value);
        /* "landed a job at the museum": a new place of work of the user's ends the place
         * of the other kind (employer, workplace) told before, when that is a shop, an
         * office or the like, not a town ("a card shop") */
        if (w && !strcmp(u->holder, "self") &&
            (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
            understand_new_work(text))
            for (size_t i = 0; i < f->n; i++) {
                const store_memory_t *m = &f->v[i];
                int rel = facts_rel_of(m->relation);
                char place[UNDERSTAND_VALUE];   /* "bank" of "bank in Fes" */
                snprintf(place, sizeof place, "%s", m->value);
                char *in = strstr(place, " in ");
                if (in) *in = '\0';
                const char *last = strrchr(place, ' ') ? strrchr(place, ' ') + 1 : place;
                if (strcmp(m->holder, "self") != 0 || rel == u->rel ||
                    (rel != READER_REL_EMPLOYER && rel != READER_REL_WORKPLACE) ||
                    !strcmp(m->value, FACTS_ENDED) || facts_same_value(m->value, u->value) ||
                    !realise_place_noun(last) || wrote(r, "self", rel, m->relation))
                    continue;
                end_value(r, f, text, m);
                break;
            }
        /* "now I play softball instead", "I took up golf and dropped my old sport": of a
         * relation that holds several values, the newest other one is replaced */
        int replaces = facts_has_words(text, "instead") || facts_has_words(text, "dropped") ||
                       facts_has_words(text, "gave up") || facts_has_words(text, "switched");
        for (size_t i = f->n; w && !w->update_id && facts_multi_valued(u->rel, u->relation, u->holder) &&
                              replaces && i-- > 0;) {
            const store_memory_t *m = &f->v[i];
            if (facts_same_holder(m->holder, u->holder) &&
                facts_same_relation(m->relation, w->relation) &&
                strcmp(m->value, FACTS_ENDED) != 0 && !facts_same_value(m->value, u->value)) {
                if (w->nsupersede < sizeof w->supersede / sizeof w->supersede[0])
                    w->supersede[w->nsupersede++] = m->id;
                break;
            }
        }
    } else if (!u->name[0] && !(understand_of_the_day(text) && says_me(text)) &&
               !(u->chat_p >= RESPOND_UNREAD_CHAT_P && (from_a_person(text) || told_of_self(f))))
        r->fact_unread = 1;     /* (what the user did today is chat, not kept as told, nor
                                 * is what the gate finds likely chat from one who tells of
                                 * themselves; a story's "Bill went to the park yesterday"
                                 * is kept) */
    /* "my brother Tom ...", "I'm Tobi, 33" (the user's name once per message) */
    int self = !strcmp(u->holder, "self");
    int held = 0;           /* ("my husband Jun Hao" also read with the name "Hao") */
    for (int i = 0; i < r->nw && u->name[0] && !held; i++)
        held = r->w[i].rel == READER_REL_NAME && !strcmp(r->w[i].holder, u->holder) &&
               strchr(r->w[i].value, ' ') && facts_has_words(r->w[i].value, u->name);
    if (u->name[0] && !held && checks_fits(READER_REL_NAME, u->holder, u->name) &&
        (!self || (!wrote(r, "self", READER_REL_NAME, NULL) &&
                   checks_cued(READER_REL_NAME, "self", u->name, text))))
        add_write(r, f, text, u->holder, reader_rel_name(READER_REL_NAME), READER_REL_NAME,
                  u->name);
}

/* What kind of thing a like is, by the words it is told or asked with ("I love eating
 * gnocchi", "what food do I like best?": food), or -1 when none says. */
static const char *const like_cues[][8] = {
    {"food", "eat", "eating", "ate", "dish", "meal", "cook", NULL},
    {"colour", "color", "colours", "colors", NULL},
    {"film", "films", "movie", "movies", "watch", "watching", NULL},
    {"book", "books", "read", "reading", "author", NULL},
    {"music", "song", "songs", "band", "listen", "listening", "instrument", NULL},
    {"drink", "drinks", "drinking", NULL},
    {"sport", "sports", "team", NULL},      /* (one plays an instrument too) */
};

static int like_kind(const char *text)
{
    for (size_t c = 0; text && c < sizeof like_cues / sizeof like_cues[0]; c++)
        for (int k = 0; like_cues[c][k]; k++)
            if (facts_has_words(text, like_cues[c][k])) return (int)c;
    return -1;
}

/* The kind of thing a fact of liking is of: by its relation for a favourite ("favourite
 * food"), else by the words it was told with; -1 when they do not say. */
static int kind_of_like(const store_memory_t *m)
{
    return facts_is_favourite(m->relation) ? like_kind(m->relation) : like_kind(m->text);
}

/* For a question that asks a kind of thing liked (text: "what food do I like best?"):
 * the newest of holder's current favourites of that kind; else m, the fact of liking
 * found, when it is of that kind; else the newest of their likes and hobbies of that
 * kind; else m when it says no kind; else NULL (a favourite colour is no answer to
 * it). m when the question names no kind or m is no fact of liking; m may be NULL (none
 * found yet). */
static const store_memory_t *like_of_kind(const facts_t *f, const char *text,
                                          const char *holder, const store_memory_t *m)
{
    int kind = like_kind(text), rel = m ? facts_rel_of(m->relation) : READER_REL_LIKES;
    if (kind < 0 || (rel != READER_REL_LIKES && rel != READER_REL_HOBBY &&
                     !facts_is_favourite(m->relation)))
        return m;
    for (int pass = 0; pass < 2; pass++) {  /* a favourite first, then a like */
        if (pass == 1 && m && kind_of_like(m) == kind) return m;
        for (size_t i = f->n; i-- > 0;) {
            const store_memory_t *x = &f->v[i];
            int xr = facts_rel_of(x->relation);
            if (facts_same_holder(x->holder, holder) &&
                (pass == 0 ? facts_is_favourite(x->relation)
                           : xr == READER_REL_LIKES || xr == READER_REL_HOBBY) &&
                strcmp(x->value, FACTS_ENDED) != 0 && kind_of_like(x) == kind)
                return x;
        }
    }
    return m && kind_of_like(m) < 0 ? m : NULL;
}

/* The relation of the other place of one's life: where one works for where one lives,
 * and the other way round; -1 for any other relation. */
static int other_place_rel(int rel)
{
    return rel == READER_REL_HOME ? READER_REL_WORKPLACE
           : rel == READER_REL_WORKPLACE || rel == READER_REL_EMPLOYER ? READER_REL_HOME
                                                                        : -1;
}

/* 1 when text ends something by name that value is not ("no more kingsmead" of the
 * home "Glenroy"): the word after "no more" or "no longer at". */
static int no_more_other(const char *text, const char *value)
{
    static const char *const ends[] = {"no more ", "no longer at ", "no longer in ", NULL};
    char low[512];
    size_t l = 0;
    for (; text[l] && l + 1 < sizeof low; l++) low[l] = (char)tolower((unsigned char)text[l]);
    low[l] = '\0';
    for (int k = 0; ends[k]; k++) {
        const char *at = strstr(low, ends[k]);
        if (!at) continue;
        at += strlen(ends[k]);
        char w[64];
        size_t n = 0;
        while ((isalpha((unsigned char)at[n]) || (unsigned char)at[n] >= 0x80) && n + 1 < sizeof w)
            w[n] = at[n], n++;
        w[n] = '\0';
        if (n > 2 && !facts_has_words(value, w)) return 1;
    }
    return 0;
}

/* 1 when value stands in text right after "not" (and an article: "it's not a secret",
 * "isn't the point"): what something is not, no new value. */
static int said_not(const char *text, const char *value)
{
    const char *at = value[0] ? facts_words_at(text, value) : NULL;
    if (!at) return 0;
    static const char *const before[] = {"not a ", "not an ", "not the ", "not ", "n't a ",
                                         "n't an ", "n't the ", NULL};
    for (int i = 0; before[i]; i++) {
        size_t bl = strlen(before[i]);
        if ((size_t)(at - text) >= bl && !strncasecmp(at - bl, before[i], bl)) return 1;
    }
    return 0;
}

static void correction(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    /* (an end said in other words ends a value told: "Rui and I are done") */
    int told_old = u->old[0] && facts_by_value(f, u->old);
    if (!u->value[0] && !told_old && !checks_says_ended(text)) return;
    const store_memory_t *target = u->old[0] ? facts_by_value(f, u->old) : NULL;
    for (size_t i = f->n; u->old[0] && !target && i-- > 0;)   /* "not the 2nd" of "the 2nd
                                                              * of May" */
        if (strcmp(f->v[i].value, FACTS_ENDED) != 0 && facts_has_words(f->v[i].value, u->old))
            target = &f->v[i];
    /* "left the bakery last week": the value of the holder's (no name) the clause names */
    for (size_t i = f->n; !target && !u->value[0] && i-- > 0;)
        if (facts_same_holder(f->v[i].holder, u->holder) &&
            strcmp(f->v[i].value, FACTS_ENDED) != 0 &&
            facts_rel_of(f->v[i].relation) != READER_REL_NAME &&
            facts_has_words(text, f->v[i].value))
            target = &f->v[i];
    if (!target && u->relation[0] && u->rel != READER_REL_OPEN)
        target = facts_find(f, u->holder, u->relation, NULL);
    if (!target && u->relation[0] && u->rel == READER_REL_OPEN)
        target = facts_find(f, u->holder, facts_open_key(f, u), NULL);
    if (!target && facts_is_favourite(u->relation)) {
        /* "actually my favourite colour is orange" of "I love the colour grey": the like
         * of that kind, else it is told anew (never the last fact told) */
        target = like_of_kind(f, u->relation, u->holder, NULL);
        if (!target) {
            fact(r, f, text, u);
            return;
        }
    }
    if (!target && u->value[0])                 /* "sorry it's Zac, no h": the value it
                                                 * spells again */
        target = facts_by_spelling(f, u->value);
    if (!target && !u->old[0] && f->n &&        /* "sorry, I meant Lena": the last fact; */
        !said_not(text, u->value) &&            /* (not "it's not a secret") */
        (u->value[0] || facts_same_holder(f->v[f->n - 1].holder, u->holder)) &&
        (u->rel == READER_REL_OPEN || facts_rel_of(f->v[f->n - 1].relation) == u->rel) &&
        (u->value[0] || !no_more_other(text, f->v[f->n - 1].value)))
        target = &f->v[f->n - 1];               /* an end of someone else's ends nothing
                                                 * of it ("my grandma passed away"), a
                                                 * value of a relation told of nothing
                                                 * else ("bought a Saab, no more buses")
                                                 * is told anew */
    /* "sold the flat in Aarhus and bought a cottage in Ribe" of one told to work in
     * Aarhus: a new home, the work stays */
    if (!target && !u->personal) return;   /* (of no one of the user's: nothing told) */
    if (!target || (u->rel == READER_REL_HOME && u->value[0] &&
                    facts_rel_of(target->relation) == other_place_rel(u->rel))) {
        fact(r, f, text, u);
        return;
    }
    /* "moved out of Carlton": the value told again with an end ends it */
    static const char *const out_of[] = {"moved out", "moved away", "left", "quit",
                                         "no longer", "anymore", NULL};
    int again = 0;
    for (int k = 0; out_of[k] && u->value[0] && facts_same_value(u->value, target->value); k++)
        again |= facts_has_words(text, out_of[k]);
    const char *value = u->value[0] && !again ? u->value : FACTS_ENDED;
    int rel = facts_rel_of(target->relation);
    if (u->value[0] && !checks_fits(rel, target->holder, value))
        return;             /* "oops, I'm waffling" corrects no name */
    if (!u->value[0] && !facts_multi_valued(rel, target->relation, target->holder) &&
        wrote(r, target->holder, rel, target->relation))
        return;             /* "I moved to Bern, I don't live in Lyon anymore" */
    static const char *const gone[] = {"anymore", "longer", "left", "died", "passed", "broke",
                                       "split", "divorced", "ex", "gone", "lost", "rehomed",
                                       "sold", "separated", "dumped", "over", "single",
                                       "any more", "not together", NULL};
    int gone_said = 0;
    static const char *const gone_zh[] = {"分手", "离婚", "分开", "去世", "走了", NULL};
    for (int i = 0; gone[i] && !gone_said; i++) gone_said = facts_has_words(text, gone[i]);
    for (int i = 0; gone_zh[i] && !gone_said; i++) gone_said = strstr(text, gone_zh[i]) != NULL;
    gone_said = gone_said || checks_says_over(text);     /* "Tomas and I are done" */
    if (!u->value[0] && rel == READER_REL_NAME && !gone_said)
        return;             /* "Tobias is not amused" ends no one's name */
    if (!u->value[0]) {
        end_value(r, f, text, target);
        /* a partner's name ended ("marek and i separated") ends all that was told of them */
        for (size_t i = 0; rel == READER_REL_NAME && i < f->n &&
                           understand_in_list(understand_partner_words, target->holder); i++)
            if (&f->v[i] != target && !strcmp(f->v[i].holder, target->holder) &&
                strcmp(f->v[i].value, FACTS_ENDED) != 0 &&
                !wrote(r, f->v[i].holder, facts_rel_of(f->v[i].relation), f->v[i].relation))
                end_value(r, f, text, &f->v[i]);
        return;
    }
    respond_write_t *w = add_write(r, f, text, target->holder, target->relation, rel, value);
    /* of a relation that holds several values, the one corrected is replaced ("I sold
     * my car and got a Saab", "not latex, it's amoxicillin") */
    if (w && !w->update_id && facts_multi_valued(rel, target->relation, target->holder) &&
        !facts_same_value(target->value, value) &&
        w->nsupersede < sizeof w->supersede / sizeof w->supersede[0])
        w->supersede[w->nsupersede++] = target->id;
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

/* "Which of my kids does judo?", "who lives in Hull?": the question names a value
 * and asks whose it is. Answers with the names (or the holders) of every current fact of
 * someone of the user's with that value; 0 when none has it. */
static int whose(respond_t *r, const facts_t *f, const char *value)
{
    char list[sizeof r->answer] = "";
    size_t at = 0;
    int n = 0;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (!facts_holds(m, value)) continue;
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

/* "What breed is Toffee?" of a pet the user keyed by its breed ("my spaniel Toffee"):
 * the holder's word is its kind unless it is only the animal ("my dog Rex"), or the
 * question asks which animal it is ("what kind of animal is Sheldon?" of "my tortoise
 * Sheldon"). Answers (yes/no too) and returns 1, or 0 when that is not the case. */
static int kind_by_holder(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    const char *name = facts_name_of(f, u->holder);
    int animal = facts_has_words(text, "animal") || facts_has_words(text, "pet");
    int asked_as_is = u->act == READER_YESNO && facts_same_value(u->holder, u->value);
    if (u->rel != READER_REL_KIND || !strcmp(u->holder, "self") || !name ||
        (dialogue_pet_word(u->holder) && !animal) ||
        (facts_has_words(text, u->holder) && !asked_as_is))   /* "is Rolo a spaniel?" */
        return 0;
    char buf[512];
    realise_frame_t known = {name, READER_REL_KIND, NULL, u->holder};
    if (u->act == READER_YESNO) {
        if (!u->value[0]) return 0;
        int yes = facts_same_value(u->holder, u->value);
        say(r, realise_yesno(buf, sizeof buf, yes, &known, &known));
        snprintf(r->answer, sizeof r->answer, "%s", yes ? "yes" : "no");
    } else {
        say(r, realise_fact(buf, sizeof buf, &known, 1));
        snprintf(r->answer, sizeof r->answer, "%s", u->holder);
    }
    const store_memory_t *m = facts_find(f, u->holder, reader_rel_name(READER_REL_NAME), NULL);
    if (m && r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* "can I eat butter?" of one who told they are vegan (eating.h): "No, you are vegan,
 * and butter is dairy." Answers and returns 1, or 0 when no diet or allergy told keeps
 * the user from what is asked. */
static int kept_from(respond_t *r, const facts_t *f, const char *text)
{
    eating_t e;
    if (!eating_kept_from(f, text, &e)) return 0;
    realise_frame_t why = {"self", facts_rel_of(e.why->relation), NULL, e.why->value};
    char fact[256], buf[512];
    realise_fact(fact, sizeof fact, &why, 1);
    size_t n = strlen(fact);
    if (n && fact[n - 1] == '.') fact[--n] = '\0';
    if (n) fact[0] = (char)tolower((unsigned char)fact[0]);
    /* "bread has gluten", "a walnut is a nut", "walnuts are nuts", "cheese is dairy" */
    int in = !strcmp(e.group, "gluten") || !strcmp(e.group, "egg");
    int nut = !strcmp(e.group, "nut"), many = realise_plural_s(e.food);
    if (e.group[0] && strcasecmp(e.food, e.group) != 0)     /* (not "fish is fish") */
        snprintf(buf, sizeof buf, "No, %s, and %s%s %s %s%s%s.", fact,
                 nut && !many ? "a " : "", e.food,
                 in ? (many ? "have" : "has") : (many ? "are" : "is"), nut && !many ? "a " : "",
                 e.group, nut && many ? "s" : "");
    else
        snprintf(buf, sizeof buf, "No, %s.", fact);
    say(r, buf);
    snprintf(r->answer, sizeof r->answer, "no");
    if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = e.why->id;
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* A vehicle asked of in other words than it was told: "what is my car?" or "what kind
 * of car do I have?" (its kind) after "I drive a Dacia" (what the user owns), and "what
 * car do I drive?" after "my car is a Saab"; NULL when the question names no vehicle or
 * nothing was told. */
static const store_memory_t *vehicle(const facts_t *f, const char *text, const understood_t *u)
{
    const char *asked = facts_vehicle_word(text);
    if (!asked) return NULL;
    if (u->rel == READER_REL_KIND) {    /* or "my car is an Opel": the car's kind */
        const store_memory_t *m = facts_find(f, "self", reader_rel_name(READER_REL_OWNS), NULL);
        return m ? m : facts_find(f, asked, reader_rel_name(READER_REL_KIND), NULL);
    }
    if (u->rel != READER_REL_OWNS) return NULL;
    char key[UNDERSTAND_KEY + 16];  /* "my brother's car" is keyed "brother car" */
    if (strcmp(u->holder, "self") != 0)
        snprintf(key, sizeof key, "%s %s", u->holder, asked);
    else
        snprintf(key, sizeof key, "%s", asked);
    return facts_find(f, key, reader_rel_name(READER_REL_KIND), NULL);
}

/* The newest current thing holder owns that is a vehicle: told with a vehicle word or a
 * word of driving ("I drive a Jeep", "a new car, a Lexus"), or written with a capital (a
 * make); not the vehicle word itself ("a new car"). NULL when none. */
static const store_memory_t *newest_vehicle(const facts_t *f, const char *holder)
{
    static const char *const driving[] = {"drive", "drives", "driving", "drove", NULL};
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (!facts_same_holder(m->holder, holder) || !strcmp(m->value, FACTS_ENDED) ||
            facts_rel_of(m->relation) != READER_REL_OWNS || facts_vehicle_word(m->value))
            continue;
        int told = isupper((unsigned char)m->value[0]) || (m->text && facts_vehicle_word(m->text));
        for (int k = 0; driving[k] && !told; k++) told = m->text && facts_has_words(m->text, driving[k]);
        if (told) return m;
    }
    return NULL;
}

/* A list question the reader marked no value in ("which of my daughters is a vet?"):
 * the value of someone of the user's that its own words name, or NULL. */
static const char *named_value(const facts_t *f, const char *text)
{
    static const char *const asks[] = {"which", "who", "who's", "whos", "whose", NULL};
    int list = 0;
    for (int i = 0; asks[i] && !list; i++) list = facts_has_words(text, asks[i]);
    for (size_t i = f->n; list && i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (strcmp(m->holder, "self") != 0 && strcmp(m->value, FACTS_ENDED) != 0 &&
            strcmp(m->relation, reader_rel_name(READER_REL_NAME)) != 0 &&
            facts_has_words(text, m->value))
            return m->value;
    }
    return NULL;
}

/* A yes/no question about someone whose relation the reader misread ("is rosa a vet?"
 * read as a kind): a current fact of the holder with the value asked, or whose value
 * the question's words hold; NULL when none. */
static const store_memory_t *any_fact_asked(const facts_t *f, const char *text,
                                            const understood_t *u)
{
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (!facts_same_holder(m->holder, u->holder) || !strcmp(m->value, FACTS_ENDED) ||
            !strcmp(m->relation, reader_rel_name(READER_REL_NAME)))
            continue;
        if (u->value[0] ? facts_same_value(m->value, u->value) : facts_has_words(text, m->value))
            return m;
    }
    return NULL;
}

static const char *const children_words[] = {"child", "children", "kid", "kids", "son", "sons",
                                             "daughter", "daughters", "boys", "girls",
                                             "twins", "triplets", NULL};

/* 1 when w is one of children_words. */
static int child_word(const char *w)
{
    for (int i = 0; children_words[i]; i++)
        if (!strcmp(children_words[i], w)) return 1;
    return 0;
}

/* 1 when holder is one of the user's children: its last word is a child's ("son",
 * "daughters", "older son", "youngest daughter"), or a child spoken of by their place
 * among them ("my eldest", "my older one"). */
static int child_holder(const char *holder)
{
    static const char *const places[] = {"eldest", "youngest", "oldest", "middle", "one",
                                         "baby", NULL};
    const char *last = strrchr(holder, ' ');
    last = last ? last + 1 : holder;
    for (int i = 0; places[i]; i++)
        if (!strcmp(places[i], last)) return 1;
    return child_word(last);
}

/* 1 when holder is one of the children the plural group names ("my kids": "eldest",
 * "youngest son", "daughter"). */
static int kids_one(const char *group, const char *holder)
{
    return child_word(group) && realise_plural(group) && strcmp(group, holder) != 0 &&
           child_holder(holder);
}

/* "Do I have a dog?", "do I have kids?" asked of what the user never said they own: they
 * have it when someone or something of theirs is keyed by what is asked ("my dog Juno",
 * "my son"; "kids" of a son or a daughter, "pets" of any animal), by a kind of it ("a
 * beagle called Pretzel": kinds.h) or is of that kind ("my dog is a dachshund"). The
 * newest current fact that shows it, or NULL. */
static const store_memory_t *has_holder(const facts_t *f, const char *value)
{
    char key[UNDERSTAND_KEY];
    understand_holder_of(value, key, sizeof key);
    if (!strcmp(key, "self")) return NULL;
    /* any child for "a child" or "kids"; a son only for "a son" */
    int kids = !strcmp(key, "child") || !strcmp(key, "children"),
        pets = !strcmp(key, "pet") || !strcmp(key, "pets");
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (!strcmp(m->holder, "self") || !strcmp(m->value, FACTS_ENDED)) continue;
        int kid = child_holder(m->holder);
        const char *animal = kinds_animal_near(m->holder);     /* "a beagle called ..." */
        if (facts_same_relation(m->holder, key) || facts_same_holder(m->holder, key) ||
            (kids && kid) ||
            (pets && (dialogue_pet_word(m->holder) || animal)) ||
            (animal && facts_same_holder(animal, key)) ||
            (facts_rel_of(m->relation) == READER_REL_KIND && facts_same_value(m->value, key)))
            return m;
    }
    return NULL;
}

/* "have I got any intolerances?": asks the relation of the user's newest current
 * fact that tells one ("lactose intolerant", of their diet or their allergies), else
 * their allergies when one is told, u's value then none (every value of it is asked);
 * u is left as it is when neither is told. */
static void intolerance_asked(const facts_t *f, understood_t *u)
{
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (strcmp(m->holder, "self") != 0 || !strstr(m->value, "intoleran") ||
            facts_find(f, "self", m->relation, NULL) != m)
            continue;
        u->rel = facts_rel_of(m->relation);
        snprintf(u->relation, sizeof u->relation, "%s", m->relation);
        u->value[0] = '\0';
        return;
    }
    if (facts_find(f, "self", reader_rel_name(READER_REL_ALLERGY), NULL)) {
        u->rel = READER_REL_ALLERGY;    /* ("I'm intolerant to gluten": an allergy) */
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_ALLERGY));
        u->value[0] = '\0';
    }
}

/* 1 when a yes/no question asks whether any value is told ("am I allergic to
 * anything?", "do I have any siblings?"). */
static int asks_any(const char *text)
{
    static const char *const any[] = {"anything", "any", "something", "anyone", "anybody",
                                      "someone", NULL};
    for (int i = 0; any[i]; i++)
        if (facts_has_words(text, any[i])) return 1;
    return 0;
}

/* "do I have a cat?" of a user who told of a dog and a tortoise and of no cat, "do I
 * have a daughter?" of one who told of sons: the newest fact of an animal of theirs when
 * value names an animal (a pet word or a kind), of a child of theirs when it names a
 * child, and none of theirs is one (has_holder found none); else NULL. */
static const store_memory_t *other_of_kind(const facts_t *f, const char *value)
{
    char key[UNDERSTAND_KEY];
    understand_holder_of(value, key, sizeof key);
    int animal = dialogue_pet_word(key) || kinds_animal(key), child = child_holder(key);
    if (!animal && !child) return NULL;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (!strcmp(m->value, FACTS_ENDED)) continue;
        if (animal && (dialogue_pet_word(m->holder) || kinds_animal_near(m->holder))) return m;
        if (child && child_holder(m->holder)) return m;
    }
    return NULL;
}

/* 1 when the yes/no question text asks, by the verb of m's job and what it works on,
 * whether the user does that job ("do I repair clocks?" of "clock repairer",
 * "do I paint boats?" of "boat painter"): the doer's verb said, and each word of value
 * (a plural as one) in the job. */
static int done_for_work(const store_memory_t *m, const char *value, const char *text)
{
    if (facts_rel_of(m->relation) != READER_REL_JOB) return 0;
    const char *last = strrchr(m->value, ' ');
    char doer[64], buf[UNDERSTAND_VALUE];
    snprintf(doer, sizeof doer, "%s", last ? last + 1 : m->value);
    for (char *c = doer; *c; c++) *c = (char)tolower((unsigned char)*c);
    const char *w[32];
    int n = understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 32), said = 0;
    for (int i = 0; i < n && !said; i++) said = understand_doer_of(w[i], doer);
    if (!said) return 0;
    n = understand_split_words(value, " ", buf, sizeof buf, w, 8);
    for (int i = 0; i < n; i++) {
        char one[64];
        size_t wl = strlen(w[i]);
        snprintf(one, sizeof one, "%.*s", (int)(wl > 3 && w[i][wl - 1] == 's' ? wl - 1 : wl), w[i]);
        if (!facts_has_words(m->value, w[i]) && !facts_has_words(m->value, one)) return 0;
    }
    return n > 0;
}

/* "Who's older, Maud or Cyril?", "is Oscar older than Finn?": answers and returns 1, or 0
 * when the question compares no ages the facts hold. */
static int ages(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    compare_t c;
    char buf[256];
    /* (a question of something else of a sibling told by their age, "what is my
     * younger sibling studying?", is no comparison: whose it is was found already) */
    if ((!strcmp(u->holder, "brother") || !strcmp(u->holder, "sister")) &&
        facts_has_words(text, "sibling") && u->rel != READER_REL_NAME &&
        u->rel != READER_REL_AGE)
        return 0;
    if (compare_told(f, text, u->act == READER_YESNO, &c)) {
        /* "which one of the nieces is eldest?" of "Ana is my eldest niece" */
        say(r, realise_placed(buf, sizeof buf, c.name, c.age, c.yes));
        snprintf(r->answer, sizeof r->answer, "%s", c.yes >= 0 ? (c.yes ? "yes" : "no") : c.name);
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = c.ids[0];
        set_kind(r, MODEL_KIND_ANSWER);
        r->answered++;
        return 1;
    }
    if (!compare_ages(f, text, u->act == READER_YESNO, &c)) {
        if (!compare_asks(text) || u->act == READER_YESNO || !facts_has_words(text, "or"))
            return 0;
        /* "who's older, Fenwick or Ada?" with an age missing: not known (the user's own
         * words may say) rather than another answer */
        realise_frame_t asked = frame_of_clause(u);
        asked.rel = READER_REL_AGE;
        asked.relation = reader_rel_name(READER_REL_AGE);
        say_gap(r, realise_unknown(buf, sizeof buf, &asked), 0);
        return 1;
    }
    say(r, realise_ages(buf, sizeof buf, c.name, c.age, c.older, c.of, c.yes, c.other,
                        c.other_age));
    snprintf(r->answer, sizeof r->answer, "%s",
             c.other || c.yes >= 0 ? (c.yes ? "yes" : "no") : c.name);
    for (int i = 0; i < COMPARE_IDS && c.ids[i] && r->nused < UNDERSTAND_MAX; i++)
        r->used[r->nused++] = c.ids[i];
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* 1 when holder is one of the group keyed by word or its singular one, with kids any
 * child (child_holder), with pets any pet. */
static int of_group(const char *holder, const char *word, const char *one, int kids, int pets)
{
    return facts_same_holder(holder, word) || facts_same_holder(holder, one) ||
           (pets && dialogue_pet_word(holder)) || (kids && child_holder(holder)) ||
           understand_group_member(word, holder);      /* "mother" of "parents" */
}

/* 1 when holder is a name told of one of the group (of_group): "Maya" of "my kids are Maya
 * and Eli", whose age is held by the name. */
static int named_in_group(const facts_t *f, const char *holder, const char *word,
                          const char *one, int kids, int pets)
{
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) == READER_REL_NAME && facts_same_value(m->value, holder) &&
            of_group(m->holder, word, one, kids, pets))
            return 1;
    }
    return 0;
}

/* 1 when u asks of a group (rel of a plural holder: children, pets or a plural word of
 * kin or pets) and no fact of the group's own answers; its singular into one[0..n),
 * whether it is children and whether pets into *kids and *pets. */
static int group_asked(const facts_t *f, const understood_t *u, int rel, char *one, size_t n,
                       int *kids, int *pets)
{
    if (u->act != READER_QUESTION || u->rel != rel || !realise_plural(u->holder) ||
        facts_find(f, u->holder, u->relation, NULL))
        return 0;
    size_t hl = strlen(u->holder);
    snprintf(one, n, "%.*s", (int)(hl > 0 ? hl - 1 : 0), u->holder);
    *kids = child_word(u->holder);
    *pets = !strcmp(u->holder, "pets");
    return *kids || *pets || understand_kin(one) || dialogue_pet_word(one) ||
           understand_group_member(u->holder, NULL);        /* "parents" */
}

/* The names told of a group of the user's, each once, oldest first, into names[0..max)
 * and their memories' ids: of the holders keyed by word or its singular one, with kids
 * any child (child_holder), with pets any pet. Returns how many. */
static int group_names(const facts_t *f, const char *word, const char *one, int kids,
                       int pets, const char **names, int64_t *ids, int max)
{
    int k = 0;
    for (size_t i = 0; i < f->n && k < max; i++) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_NAME || !strcmp(m->value, FACTS_ENDED))
            continue;
        int of = of_group(m->holder, word, one, kids, pets);
        for (int j = 0; of && j < k; j++) of = !facts_same_value(names[j], m->value);
        if (of && facts_find(f, m->holder, m->relation, NULL) != NULL) {
            ids[k] = m->id;
            names[k++] = m->value;
        }
    }
    return k;
}

/* Answers with the names[0..k) of a group (what: its word), their memories ids[0..k)
 * used: "Your children are called Ana and Luis."; the bare answer lists them. Returns 1. */
static int say_names(respond_t *r, const char *what, const char *const *names,
                     const int64_t *ids, int k)
{
    char buf[512];
    say(r, realise_names(buf, sizeof buf, what, names, k));
    snprintf(r->answer, sizeof r->answer, "%s", names[0]);
    for (int i = 1; i < k; i++) {
        size_t l = strlen(r->answer);
        snprintf(r->answer + l, sizeof r->answer - l, ", %s", names[i]);
    }
    for (int i = 0; i < k && r->nused < UNDERSTAND_MAX; i++) r->used[r->nused++] = ids[i];
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* "what are my kids' names?", "what are my children called?": the names of the group
 * asked (group_names), when it is one of children or of a plural word of kin or pets
 * and no fact of the group's own answers. 1 when answered, else 0. */
static int names_of_group(respond_t *r, const facts_t *f, const understood_t *u)
{
    char one[UNDERSTAND_KEY];
    int kids, pets;
    if (!group_asked(f, u, READER_REL_NAME, one, sizeof one, &kids, &pets)) return 0;
    const char *names[16];
    int64_t ids[16];
    int k = group_names(f, u->holder, one, kids, pets, names, ids, 16);
    if (k < 2) return 0;        /* one name: the holder's own answer says it */
    return say_names(r, kids ? "children" : u->holder, names, ids, k);
}

/* "what's my boy called?" of one who told only their children's names ("my kids are Ana
 * and Luis"): which is the son is not known, so the children's names answer ("Your
 * children are called Ana and Luis."); not when any son or daughter was told of as one.
 * 1 when answered, else 0. */
static int child_among_children(respond_t *r, const facts_t *f, const char *text,
                                const understood_t *u)
{
    static const char *const sexed[] = {"son", "sons", "daughter", "daughters", "boys",
                                        "girls", NULL};
    if (u->act != READER_QUESTION || u->rel != READER_REL_NAME ||
        (strcmp(u->holder, "son") && strcmp(u->holder, "daughter")) ||
        facts_has_words(text, "girl") ||            /* ("my girl" may be a girlfriend) */
        facts_find(f, u->holder, u->relation, NULL))
        return 0;
    const char *names[8];
    int64_t ids[8];
    int k = 0;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        const char *last = strrchr(m->holder, ' ');
        if (understand_in_list(sexed, last ? last + 1 : m->holder)) return 0;
        if (facts_rel_of(m->relation) != READER_REL_NAME || !strcmp(m->value, FACTS_ENDED) ||
            (!facts_same_holder(m->holder, "children") && !facts_same_holder(m->holder, "child")) ||
            child_word(m->value) || understand_has_number(m->value))
            continue;                   /* (not "two boys" read as their name) */
        int fresh = k < 8;
        for (int j = 0; fresh && j < k; j++) fresh = !facts_same_value(names[j], m->value);
        if (fresh) ids[k] = m->id, names[k++] = m->value;
    }
    if (!k) return 0;
    return say_names(r, "children", names, ids, k);
}

/* "how old are my kids?": the newest age of each one of the group asked (as
 * names_of_group finds its names, or held by a name told of it), when no fact of the
 * group's own answers and two or more were told; not when the question names an age
 * ("which of my kids is 6?" asks whose it is). "how old are ruth and esme?" asks only
 * of those it names. 1 when answered, else 0. */
static int ages_of_group(respond_t *r, const facts_t *f, const char *text,
                         const understood_t *u)
{
    char one[UNDERSTAND_KEY];
    int kids, pets;
    if (u->value[0] || !group_asked(f, u, READER_REL_AGE, one, sizeof one, &kids, &pets))
        return 0;
    realise_frame_t v[8];
    int64_t ids[8];
    int k = 0;
    for (size_t i = f->n; i-- > 0 && k < 8;) {     /* newest first, one age a holder */
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_AGE || !strcmp(m->value, FACTS_ENDED))
            continue;
        int of = of_group(m->holder, u->holder, one, kids, pets) ||
                 named_in_group(f, m->holder, u->holder, one, kids, pets);
        for (int j = 0; of && j < k; j++) of = strcmp(v[j].holder, m->holder) != 0;
        if (!of) continue;
        v[k] = (realise_frame_t){m->holder, READER_REL_AGE, m->relation, m->value};
        ids[k++] = m->id;
    }
    int named[8] = {0}, nnamed = 0;
    for (int j = 0; j < k; j++) {
        const char *name = facts_name_of(f, v[j].holder);
        named[j] = facts_has_words(text, v[j].holder) || (name && facts_has_words(text, name));
        nnamed += named[j];
    }
    if (nnamed) {                       /* only those named, in their order */
        int kept = 0;
        for (int j = 0; j < k; j++)
            if (named[j]) v[kept] = v[j], ids[kept++] = ids[j];
        k = kept;
    } else if (k < 2 && !(k == 1 && realise_plural(v[0].holder))) {
        return 0;                       /* (one age of the group: "my girls, they're eleven") */
    }
    char buf[512];
    say(r, realise_fact(buf, sizeof buf, v, k));
    snprintf(r->answer, sizeof r->answer, "%s", v[0].value);
    for (int i = 1; i < k; i++) {
        size_t l = strlen(r->answer);
        snprintf(r->answer + l, sizeof r->answer - l, ", %s", v[i].value);
    }
    for (int i = 0; i < k && r->nused < UNDERSTAND_MAX; i++) r->used[r->nused++] = ids[i];
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* "How many languages can I speak?": the user's current languages, counted ("You speak 3
 * languages: ..."). 1 when answered, 0 when none was told. */
static int languages_counted(respond_t *r, const facts_t *f)
{
    const char *names[16];
    int64_t ids[16];
    int k = 0;
    for (size_t i = 0; i < f->n && k < 16; i++) {
        const store_memory_t *m = &f->v[i];
        if (!strcmp(m->holder, "self") && facts_rel_of(m->relation) == READER_REL_LANGUAGE &&
            strcmp(m->value, FACTS_ENDED) != 0) {
            ids[k] = m->id;
            names[k++] = m->value;
        }
    }
    if (!k) return 0;
    char buf[512];
    say(r, realise_count(buf, sizeof buf, "speak", "languages", names, k));
    snprintf(r->answer, sizeof r->answer, "%d", k);
    for (int i = 0; i < k && r->nused < UNDERSTAND_MAX; i++) r->used[r->nused++] = ids[i];
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* "How many children have I got?": how many the user said they have, when said after every
 * name told ("You have 3 children."), else the names told of that group, counted ("You
 * have 2 children: Ana and Luis."): the holders keyed by the word asked or its
 * singular, and for children any son or daughter, each name once. 1 when answered; 0
 * when the question counts nothing of the user's or nothing was told (the plan then
 * says it does not know). */
static int how_many(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    char low[512];
    size_t at = 0;
    for (; text[at] && at + 1 < sizeof low; at++)
        low[at] = (char)tolower((unsigned char)text[at]);
    low[at] = '\0';
    const char *p = strstr(low, "how many ");
    int mine = facts_has_words(text, "i") || facts_has_words(text, "we");
    if (!p || u->act != READER_QUESTION) return 0;
    char word[UNDERSTAND_KEY];      /* the word counted, and its singular */
    size_t n = 0;
    p += 9;
    if (!strncmp(p, "head of ", 8)) p += 8;     /* ("... head of cattle": "cattle") */
    for (; n + 1 < sizeof word && (isalpha((unsigned char)*p) || *p == '-' ||
                                   (*p == '\'' && isalpha((unsigned char)p[1])));
         p++)
        word[n++] = (char)tolower((unsigned char)*p);
    word[n] = '\0';
    char key[UNDERSTAND_KEY];       /* "young'uns", "grandkids": the word of kin they are */
    understand_holder_of(word, key, sizeof key);
    if ((!strcmp(key, "children") || !strcmp(key, "grandchildren")) && strcmp(word, key)) {
        snprintf(word, sizeof word, "%s", key);
        n = strlen(word);
    }
    if (!strcmp(word, "grand") && (facts_has_words(p, "kids") || facts_has_words(p, "children")))
        snprintf(word, sizeof word, "grandchildren");   /* "grand" "kids" as two words */
    if (!strcmp(word, "languages"))
        return languages_counted(r, f);
    int kids = child_word(word), pets = !strcmp(word, "pets");
    if (n < 3 || !(kids || understand_plural(word))) return 0;   /* "children" too */
    char one[UNDERSTAND_KEY];
    snprintf(one, sizeof one, "%.*s", (int)(n - 1), word);
    /* how many was told ("so that's four kids now", "we keep 12 goats"): said so when
     * told after every name, or as many as the names told or more */
    const store_memory_t *told = facts_find(f, kids ? "children" : word, REALISE_COUNT, NULL);
    /* ("we're raising four girls", asked "how many kids?": the newest count of sons or
     * daughters told as a group) */
    for (int g = 0; kids && !strcmp(word, "children") && children_words[g]; g++) {
        const char *group = children_words[g];      /* (the plural words) */
        size_t gl = strlen(group);
        if (group[gl - 1] != 's' || !strcmp(group, "children")) continue;
        const store_memory_t *c = facts_find(f, group, REALISE_COUNT, NULL);
        if (c && (!told || c->id > told->id)) told = c;
    }
    if (!told && (!mine || (!kids && !pets && !understand_kin(one) && !dialogue_pet_word(one))))
        return 0;               /* (a count told is asked of without "I": "how many goats
                                 * on the croft?") */
    const char *names[16];
    int64_t ids[16];
    int k = kids || pets || understand_kin(one) || dialogue_pet_word(one)
                ? group_names(f, word, one, kids, pets, names, ids, 16)
                : 0;
    long count = -1;        /* (more than the names told: "that's three kids now", then
                             * "we named her Wren" names one of them) */
    if (told && !understand_number(told->value, &count)) count = strtol(told->value, NULL, 10);
    for (int i = 0; told && i < k && count < k; i++)   /* (as many as told: the count) */
        if (ids[i] > told->id) told = NULL;
    char buf[512];
    if (told) {
        realise_frame_t said = facts_frame(told);
        say(r, realise_fact(buf, sizeof buf, &said, 1));
        snprintf(r->answer, sizeof r->answer, "%s", told->value);
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = told->id;
        set_kind(r, MODEL_KIND_ANSWER);
        r->answered++;
        return 1;
    }
    if (!k) return 0;
    say(r, realise_count(buf, sizeof buf, "have", kids ? "children" : word, names, k));
    snprintf(r->answer, sizeof r->answer, "%d", k);
    for (int i = 0; i < k && r->nused < UNDERSTAND_MAX; i++) r->used[r->nused++] = ids[i];
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* "Am I a teacher?" after "I teach yoga": a current fact of the holder whose relation is
 * the verb the job asked is named for (teach: teacher, paint: painter, write: writer,
 * run: runner), or NULL. */
static const store_memory_t *doer(const facts_t *f, const understood_t *u)
{
    char job[UNDERSTAND_VALUE];
    size_t n = 0;
    for (; u->value[n] && n + 1 < sizeof job; n++)
        job[n] = (char)tolower((unsigned char)u->value[n]);
    job[n] = '\0';
    if (n < 5 || strchr(job, ' ') || (strcmp(job + n - 2, "er") && strcmp(job + n - 2, "or")))
        return NULL;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        const char *verb = m->relation;
        size_t vn = strlen(verb);
        if (!facts_same_holder(m->holder, u->holder) || !strcmp(m->value, FACTS_ENDED) ||
            facts_rel_of(verb) != READER_REL_OPEN || vn < 3 || strchr(verb, ' '))
            continue;
        /* the job less its ending is the verb, the verb less its final e, or the verb
         * with its last consonant doubled */
        if ((n - 2 == vn && !strncasecmp(job, verb, vn)) ||
            (n - 1 == vn && verb[vn - 1] == 'e' && !strncasecmp(job, verb, vn)) ||
            (n - 3 == vn && !strncasecmp(job, verb, vn) && job[vn] == job[vn - 1]))
            return m;
    }
    return NULL;
}

/* 1 when text opens with a form of "be" ("is", "am", "are", "was", "were"). */
static int opens_with_be(const char *text)
{
    static const char *const be[] = {"is", "am", "are", "was", "were", NULL};
    while (*text == ' ') text++;
    for (int i = 0; be[i]; i++) {
        size_t n = strlen(be[i]);
        if (!strncasecmp(text, be[i], n) && text[n] == ' ') return 1;
    }
    return 0;
}

/* 1 when a yes/no question asks what someone is ("is greta a plumber?", "am i a
 * nurse?"): it opens with a form of "be" and holds "a" or "an"; with no value read, it
 * is checked against their job. */
static int is_a_question(const char *text)
{
    return opens_with_be(text) && (facts_has_words(text, "a") || facts_has_words(text, "an"));
}

/* A part of a name asked ("what's my surname?", "Bronwen's first name"): the part of the
 * holder's name as told ("Ruth Abara": Abara), or that it is not known (a name of
 * one word tells no surname). 1 when the question was one. */
static int name_part(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    static const struct {
        const char *words, *key;
        int part;                   /* 0 first, 1 middle, 2 last */
    } parts[] = {
        {"surname", "surname", 2},         {"last name", "surname", 2},
        {"family name", "surname", 2},     {"middle name", "middle name", 1},
        {"first name", "first name", 0},   {"given name", "first name", 0},
        {"forename", "first name", 0},
    };
    if (u->act != READER_QUESTION) return 0;
    int p = -1;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && p < 0; i++)
        if (facts_has_words(text, parts[i].words)) p = (int)i;
    if (p < 0) return 0;
    const store_memory_t *m = facts_find(f, u->holder, reader_rel_name(READER_REL_NAME), NULL);
    /* the name's words: [first, last) */
    char value[UNDERSTAND_VALUE] = "";
    const char *w[UNDERSTAND_VALUE / 2];
    char copy[UNDERSTAND_VALUE];
    int nw = 0;
    if (m) {
        snprintf(copy, sizeof copy, "%s", m->value);
        for (char *save = NULL, *t = strtok_r(copy, " ", &save);
             t && nw < (int)(sizeof w / sizeof w[0]); t = strtok_r(NULL, " ", &save))
            w[nw++] = t;
    }
    int from = -1, to = -1;
    switch (parts[p].part) {
    case 0: if (nw >= 1) from = 0, to = 1; break;
    case 1: if (nw >= 3) from = 1, to = nw - 1; break;
    default: if (nw >= 2) from = nw - 1, to = nw; break;
    }
    for (int i = from; i >= 0 && i < to; i++) {
        size_t at = strlen(value);
        snprintf(value + at, sizeof value - at, "%s%s", i > from ? " " : "", w[i]);
    }
    char buf[512];
    realise_frame_t fr = {m ? m->holder : u->holder, READER_REL_OPEN, parts[p].key,
                          value[0] ? value : NULL};
    set_kind(r, MODEL_KIND_ANSWER);
    if (!value[0]) {
        say_gap(r, realise_unknown(buf, sizeof buf, &fr), 0);
        return 1;
    }
    say(r, realise_fact(buf, sizeof buf, &fr, 1));
    snprintf(r->answer, sizeof r->answer, "%s", value);
    r->answered++;
    if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
    return 1;
}

/* "where do I work?" asks for the firm and the town: the other of the two beside m, when
 * both are known ("You work at Tesco, and you work in Corby."), else NULL. */
static const store_memory_t *where_work(const facts_t *f, const char *text,
                                        const store_memory_t *m)
{
    int rel = facts_rel_of(m->relation);
    if ((rel != READER_REL_WORKPLACE && rel != READER_REL_EMPLOYER) ||
        !facts_has_words(text, "where"))
        return NULL;
    return facts_find(f, m->holder, reader_rel_name(kin_rel(rel)), NULL);
}

/* 1 when text holds each word of words as a whole word, in any order. */
static int holds_each_word(const char *text, const char *words)
{
    char copy[UNDERSTAND_KEY];
    snprintf(copy, sizeof copy, "%s", words);
    int any = 0;
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (!facts_has_words(text, w)) return 0;
        any = 1;
    }
    return any;
}

/* Where someone lives, asked when only where they work is known, or the other way round
 * ("where does Ines live?" after "Ines is a pharmacist in Tallinn"): that other place, said as all
 * that is known, never as the answer asked for (text the question); else NULL, and when
 * the question names a kind of place no town is ("which hospital ...?"). */
static const store_memory_t *other_place(const facts_t *f, const understood_t *u,
                                         const char *text)
{
    int rel = other_place_rel(u->rel);
    if (rel < 0 || u->act != READER_QUESTION) return NULL;
    /* (not when the question names a kind of place no town is: "which hospital do I
     * work at?", "the airline I fly for") */
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?'", buf, sizeof buf, w, 64);
    static const char *const firms[] = {"airline", "employer", "business", "organisation",
                                        "organization", "university", "uni", NULL};
    for (int k = 0; k < n; k++)
        if (realise_place_noun(w[k]) || understand_in_list(firms, w[k])) return NULL;
    const store_memory_t *m = facts_find(f, u->holder, reader_rel_name(rel), NULL);
    /* (where one lives, when only where one is from was told: "from Hoboken") */
    if (!m && u->rel == READER_REL_HOME)
        m = facts_find(f, u->holder, reader_rel_name(READER_REL_HOMETOWN), NULL);
    return m;
}

/* "what's my wife's job?" of a user who said "married to Ines" (a spouse), "who is my
 * partner?" of one who told of a boyfriend, "what's my pet called?" of one who told of a
 * rabbit: when no fact of holder was told, the holder of the newest fact of whom it may
 * mean: "partner", "spouse", "my man" and "my other half" any partner, "husband" and
 * "wife" a spouse (a girlfriend asked of is never a partner told of as one, nor a
 * partner a wife), a pet or an animal any animal of theirs,
 * one of a group ("son") the group told ("sons", "boys"), a child the one son or daughter
 * told, a twin the twin brother or sister, a bird or a parrot the kind of it told
 * ("budgie"), a bunny a rabbit; else holder itself. (Children asked of are all of them:
 * names_of_group.) */
static const char *holder_as_told(const facts_t *f, const char *holder)
{
    static const char *const any[] = {"partner", "spouse", "boyfriend", "girlfriend",
                                      "husband", "wife", "fiance", "fiancee", NULL};
    static const char *const married[] = {"spouse", NULL};
    static const char *const loved[] = {"man", "woman", "other half", "better half", "lady",
                                        "fella", "bae", NULL};
    static const char *const pets[] = {"pet", "pets", "animal", "animals", NULL};
    const char *const *may = NULL;
    int animal = 0;
    for (int i = 0; pets[i] && !animal; i++) animal = !strcmp(pets[i], holder);
    if (!strcasecmp(holder, "partner") || !strcasecmp(holder, "spouse") ||
        understand_in_list(loved, holder))
        may = any;
    if (!strcasecmp(holder, "husband") || !strcasecmp(holder, "wife")) may = married;
    for (size_t i = 0; i < f->n; i++)
        if (facts_same_holder(f->v[i].holder, holder)) return holder;
    /* "what are my sons' names?" reads "son": the plural told, or the word parents say
     * as often ("our boys are ...") */
    static const struct {
        const char *asked, *told;
    } also[] = {{"son", "sons"}, {"son", "boys"}, {"sons", "boys"}, {"boys", "sons"},
                {"daughter", "daughters"}, {"daughter", "girls"}, {"daughters", "girls"},
                {"girls", "daughters"}, {"child", "daughter"}, {"child", "son"},
                {"twin", "twin brother"}, {"twin", "twin sister"}, {"bunny", "rabbit"},
                {"bunnies", "rabbits"}, {"bird", "parrot"}, {"birds", "parrots"}};
    char plural[UNDERSTAND_KEY + 1];
    snprintf(plural, sizeof plural, "%ss", holder);
    for (size_t i = f->n; strcmp(holder, "self") != 0 && i-- > 0;) {
        if (facts_same_holder(f->v[i].holder, plural)) return f->v[i].holder;
        for (size_t k = 0; k < sizeof also / sizeof also[0]; k++)
            if (!strcmp(holder, also[k].asked) &&
                (facts_same_holder(f->v[i].holder, also[k].told) ||
                 (kinds_animal(f->v[i].holder) &&    /* "budgie" of a bird */
                  !strcmp(kinds_animal(f->v[i].holder), also[k].told))))
                return f->v[i].holder;
        if (kinds_animal(f->v[i].holder) && !strcmp(kinds_animal(f->v[i].holder), holder))
            return f->v[i].holder;      /* "my parrot" of an African grey told */
    }
    if (!may && !animal) return holder;
    for (size_t i = f->n; i-- > 0;) {
        const char *h = f->v[i].holder;
        if (!strcmp(f->v[i].value, FACTS_ENDED) || !strcmp(h, "self")) continue;
        if (animal && (dialogue_pet_word(h) || kinds_animal_near(h))) return h;
        for (int w = 0; may && may[w]; w++)
            if (facts_same_holder(h, may[w])) return h;
    }
    return holder;
}

/* "what pets do I have?", "what pet do we have?" (a question of the user's own, naming
 * a pet or an animal): each animal of theirs told of, newest first, by its name when
 * one was told. Answers and returns 1, or 0 when the question is not such or no animal
 * was told of. */
static int pets_told(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    static const char *const pets[] = {"pet", "pets", "animal", "animals", NULL};
    /* 我养的是什么宠物？, 我养了什么？ */
    static const char *const pets_zh[] = {"宠物", "养的是什么", "养的什么", "养了什么", NULL};
    int asks = 0, zh = understand_chinese(text, strlen(text));
    for (int i = 0; pets[i] && !asks; i++) asks = facts_has_words(text, pets[i]);
    for (int i = 0; zh && pets_zh[i] && !asks; i++) asks = strstr(text, pets_zh[i]) != NULL;
    if (!asks || u->act != READER_QUESTION || strcmp(u->holder, "self") != 0) return 0;
    realise_frame_t v[4];
    const char *seen[4];
    int n = 0;
    for (size_t i = f->n; i-- > 0 && n < 4;) {
        const store_memory_t *m = &f->v[i];
        if (!strcmp(m->value, FACTS_ENDED) || !strcmp(m->holder, "self") ||
            (!dialogue_pet_word(m->holder) && !kinds_animal_near(m->holder)))
            continue;
        int dup = 0;
        for (int k = 0; k < n && !dup; k++) dup = facts_same_holder(seen[k], m->holder);
        if (dup) continue;
        const store_memory_t *name = facts_find(f, m->holder, "name", NULL);
        if (name) m = name;
        /* asked in Chinese, the kind as told (仓鼠), not the English word for it */
        const store_memory_t *kind = zh ? facts_find(f, m->holder,
                                                     reader_rel_name(READER_REL_KIND), NULL)
                                        : NULL;
        if (kind && (unsigned char)kind->value[0] >= 0xE0) m = kind;
        seen[n] = m->holder;
        v[n++] = facts_frame(m);
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
    }
    if (!n) return 0;
    char buf[512];
    say(r, realise_fact(buf, sizeof buf, v, n));
    snprintf(r->answer, sizeof r->answer, "%s", v[0].value);
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* 1 when the sentence that told m says "in <value>" ("a print shop in Tartu": one
 * works in Tartu too). */
static int in_told(const store_memory_t *m, const char *value)
{
    char in[UNDERSTAND_VALUE + 4];
    snprintf(in, sizeof in, "in %s", value);
    return m->text && facts_has_words(m->text, in);
}

/* 1 when every word of the name asked is a name told of holder ("Kai Ming" of a son told
 * as "Kai" and "Ming"), two words at least. */
static int names_all(const facts_t *f, const char *holder, const char *asked)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[8];
    int n = understand_split_words(asked, " ", buf, sizeof buf, w, 8);
    for (int i = 0; i < n; i++) {
        int held = 0;
        for (size_t k = 0; k < f->n && !held; k++)
            held = facts_rel_of(f->v[k].relation) == READER_REL_NAME &&
                   facts_same_holder(f->v[k].holder, holder) &&
                   facts_has_words(f->v[k].value, w[i]);
        if (!held) return 0;
    }
    return n >= 2;
}

/* 1 when p starts with a numeral: a digit or one of 零一二两三四五六七八九十百. */
static int numeral_at(const char *p)
{
    static const char *const digits[] = {"零", "一", "二", "两", "三", "四", "五", "六", "七",
                                          "八", "九", "十", "百", NULL};
    if (isdigit((unsigned char)*p)) return 1;
    for (int i = 0; digits[i]; i++)
        if (!strncmp(p, digits[i], 3)) return 1;
    return 0;
}

/* Where part is in held as a whole number's part, or NULL: not within a bigger number
 * (四十 is not in 四十五岁, nor 十三 in 二十三). */
static const char *zh_part(const char *held, const char *part)
{
    const char *at = strstr(held, part);
    size_t n = strlen(part);
    if (at && n >= 3 && numeral_at(part + n - 3) && numeral_at(at + n)) return NULL;
    if (at && numeral_at(part) && at >= held + 3 && numeral_at(at - 3)) return NULL;
    return at;
}

/* 1 when a Chinese value asked (two characters at least) is within the value held, or
 * is with one character more at its end (在厦门开的: 厦门开 of 厦门中山路); a number is
 * within only as the whole of it (四十 is not within 四十五岁). */
static int zh_within(const char *held, const char *asked)
{
    size_t n = strlen(asked);
    if ((unsigned char)asked[0] < 0xE0 || n < 6) return 0;
    if (zh_part(held, asked)) return 1;
    char less[UNDERSTAND_VALUE];
    snprintf(less, sizeof less, "%.*s", (int)(n - 3), asked);
    return n >= 9 && zh_part(held, less) != NULL;
}

/* 1 when m is of a place and the sentence that told it names the asked one right after
 * it ("Galway, Ireland", "Ely Nevada"): the place lies in the one asked of. */
static int in_region(const store_memory_t *m, const char *asked)
{
    int rel = facts_rel_of(m->relation);
    if ((rel != READER_REL_HOME && rel != READER_REL_WORKPLACE && rel != READER_REL_HOMETOWN) ||
        !m->text || !asked[0])
        return 0;
    char at[2 * UNDERSTAND_VALUE + 4];
    snprintf(at, sizeof at, "%s, %s", m->value, asked);
    if (facts_has_words(m->text, at)) return 1;
    snprintf(at, sizeof at, "%s %s", m->value, asked);
    return facts_has_words(m->text, at);
}

/* "who do I live with?" of "I live in Lombok with my girlfriend Saskia": each one of
 * the user's (kin or pet) whom a sentence of living told names after "with my", "with
 * me" or "with our", or whom a sentence of the household names ("at home there's me, my
 * wife Jo and a dog", "my husband and I have a cat"), with their name when told. Answers
 * and returns 1, else 0. */
static int lives_with(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    static const char *const asking[] = {"live with", "lives with", "living with",
                                         "stay with", "staying with", NULL};
    static const char *const living[] = {"live", "lives", "living", "livin", "stay",
                                         "staying", "share", "sharing", "moved in", NULL};
    static const char *const whose_with[] = {"with my", "with me", "with our", NULL};
    static const char *const household[] = {"at home", "household", "and i have",
                                            "and i've got", "and me have", "we have",
                                            "we've got", NULL};
    int asked = 0;
    for (int k = 0; asking[k] && !asked; k++) asked = facts_has_words(text, asking[k]);
    if (!asked || u->act != READER_QUESTION || strcmp(u->holder, "self") != 0 ||
        !facts_has_words(text, "who"))
        return 0;
    const char *holders[4], *names[4];
    int n = 0;
    for (size_t i = 0; i < f->n && n < 4; i++) {
        const store_memory_t *m = &f->v[i];
        int said = 0, with = 0, again = 0;
        if (!m->text || !strcmp(m->holder, "self") || !strcmp(m->value, FACTS_ENDED) ||
            !(understand_kin(m->holder) || dialogue_pet_word(m->holder)))
            continue;
        for (int k = 0; living[k] && !said; k++) said = facts_has_words(m->text, living[k]);
        for (int k = 0; household[k] && !with; k++)
            with = facts_has_words(m->text, household[k]) && facts_has_words(m->text, m->holder);
        for (int k = 0; whose_with[k] && said && !with; k++) {
            char phrase[UNDERSTAND_KEY + 16];
            snprintf(phrase, sizeof phrase, "%s %s", whose_with[k], m->holder);
            with = facts_has_words(m->text, phrase);
        }
        for (int k = 0; k < n && !again; k++) again = facts_same_holder(holders[k], m->holder);
        if (!with || again) continue;
        holders[n] = m->holder;
        names[n] = facts_name_of(f, m->holder);
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
        n++;
    }
    if (!n) return 0;
    char buf[512];
    say(r, realise_lives_with(buf, sizeof buf, holders, names, n));
    snprintf(r->answer, sizeof r->answer, "%s", names[0] ? names[0] : holders[0]);
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* 1 when a question asks which place of a kind ("which clinic", "what school"). */
static int asks_kind_of_place(const char *text)
{
    char buf[256];
    const char *w[32];
    int n = understand_split_words(text, " ,.?!", buf, sizeof buf, w, 32);
    for (int i = 0; i + 1 < n; i++)
        if ((!strcmp(w[i], "which") || !strcmp(w[i], "what")) && realise_place_noun(w[i + 1]))
            return 1;
    return 0;
}

/* The place a yes/no question of work names after "at a", "at the", "in a", "for a" ...
 * ("am I employed at a bakery these days?": "bakery"), into out (cap bytes); "" when none. */
static void place_asked(const char *text, char *out, size_t cap)
{
    static const char *const at[] = {"at a", "at an", "at the", "in a", "in an", "in the",
                                     "for a", "for an", "for the", NULL};
    out[0] = '\0';
    for (int k = 0; at[k] && !out[0]; k++) {
        const char *p = facts_words_at(text, at[k]);
        if (!p || p[strlen(at[k])] != ' ') continue;
        p += strlen(at[k]) + 1;
        size_t n = strcspn(p, "?!.,");
        static const char *const now[] = {" now", " still", " these days", " anymore", NULL};
        for (int w = 0; now[w]; w++) {
            size_t wl = strlen(now[w]);
            if (n > wl && !strncasecmp(p + n - wl, now[w], wl)) n -= wl;
        }
        if (n && n < cap) snprintf(out, cap, "%.*s", (int)n, p);
    }
}

/* 1 when text asks what the place one works or studies at is called ("what's my firm
 * called?", "which repair firm am I with?") and m, the fact found, tells none:
 * a kind of place in small letters ("road building firm"), no name, no number, told by
 * one who writes names with capitals. */
static int no_name_told(const store_memory_t *m, const char *text)
{
    int rel = facts_rel_of(m->relation);
    const char *kind = strrchr(m->value, ' ');
    kind = kind ? kind + 1 : m->value;
    if ((rel != READER_REL_EMPLOYER && rel != READER_REL_WORKPLACE &&
         rel != READER_REL_SCHOOL) ||
        (!facts_has_words(text, "name") && !facts_has_words(text, "called") &&
         !(facts_has_words(text, "which") && facts_has_words(text, kind))))
        return 0;
    for (const unsigned char *p = (const unsigned char *)m->value; *p; p++)
        if (isupper(*p) || isdigit(*p) || *p >= 0x80) return 0;
    int capitals = 0;           /* (one who writes no capitals writes names small; the
                                 * reader's own "I'm a student at" is none: plain.c) */
    for (const char *p = m->text ? m->text : ""; *p; p++) {
        if (!strncmp(p, PLAIN_STUDENT, strlen(PLAIN_STUDENT))) p += strlen(PLAIN_STUDENT) - 1;
        else capitals += isupper((unsigned char)*p) != 0;
    }
    return capitals > 0;
}

/* 1 when m, a place of work, was told as a town ("a nurse in Lyon"), not a place named
 * ("at St Jude's") nor one of a kind ("a clinic in Lyon"). */
static int told_as_town(const store_memory_t *m)
{
    int rel = facts_rel_of(m->relation);
    if ((rel != READER_REL_WORKPLACE && rel != READER_REL_EMPLOYER) || !m->text ||
        !isupper((unsigned char)m->value[0]) || strchr(m->value, ' '))
        return 0;
    char in[UNDERSTAND_VALUE + 4], at[UNDERSTAND_VALUE + 4];
    snprintf(in, sizeof in, "in %s", m->value);
    snprintf(at, sizeof at, "at %s", m->value);
    return facts_has_words(m->text, in) && !facts_has_words(m->text, at);
}

static void question_of(respond_t *r, const facts_t *f, const char *text,
                        const understood_t *u)
{
    if (ages(r, f, text, u) || name_part(r, f, text, u) || how_many(r, f, text, u) ||
        names_of_group(r, f, u) || child_among_children(r, f, text, u) ||
        ages_of_group(r, f, text, u) || lives_with(r, f, text, u))
        return;
    const char *named = u->value[0] || u->act != READER_QUESTION ? NULL : named_value(f, text);
    /* "which fishing company does Halvard work for?" of Halvard's "a fishing company"
     * asks which one, not whose */
    const char *asked_value = u->value[0] ? u->value : named;
    int own = 0;
    for (size_t i = 0; i < f->n && !own && asked_value && strcmp(u->holder, "self") != 0; i++) {
        const store_memory_t *m = &f->v[i], *name = facts_find(f, m->holder, "name", NULL);
        /* (the one the question names by name: "which pet of mine is the greyhound?"
         * asks whose) */
        own = facts_holds(m, asked_value) && name && facts_has_words(text, name->value) &&
              (facts_same_holder(m->holder, u->holder) ||
               facts_same_value(name->value, u->holder));
    }
    if (u->act == READER_QUESTION && (u->value[0] || named) && !own &&
        whose(r, f, u->value[0] ? u->value : named)) {
        r->answered++;
        return;
    }
    realise_frame_t asked = frame_of_clause(u);
    char buf[512];
    int ended = 0;
    const store_memory_t *m = facts_find(f, u->holder, u->relation, &ended);
    /* "who am I dating now?" after a partner ended and a girlfriend told: the newest name
     * of a partner told by any word, when a partner is asked or the one asked has ended
     * (not "who is my girlfriend?" of a partner of no said sex) */
    int any_partner = !strcmp(u->holder, "partner") || ended;
    for (size_t i = f->n; !m && any_partner && u->rel == READER_REL_NAME &&
                          u->act == READER_QUESTION &&
                          understand_in_list(understand_partner_words, u->holder) && i-- > 0;)
        if (facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
            understand_in_list(understand_partner_words, f->v[i].holder) &&
            facts_find(f, f->v[i].holder, f->v[i].relation, NULL) == &f->v[i])
            m = &f->v[i];
    if (!m && u->rel == READER_REL_OPEN)        /* an open relation asked in other words */
        for (size_t i = f->n; !m && i-- > 0;)
            if (facts_same_holder(f->v[i].holder, u->holder) &&
                (facts_has_words(f->v[i].relation, u->relation) ||
                 facts_has_words(u->relation, f->v[i].relation)) &&
                strcmp(f->v[i].value, FACTS_ENDED) != 0)
                m = &f->v[i];
    if (!m && ((u->rel == READER_REL_OPEN && !u->relation[0]) || u->act == READER_QUESTION))
        for (size_t i = f->n; !m && i-- > 0;)  /* "what shoe size do I take?" read with no
                                                 * relation, "what sport do I play?" read
                                                 * as a hobby: an open relation each of
                                                 * whose words it holds ("shoe size",
                                                 * "sport") */
            if (facts_same_holder(f->v[i].holder, u->holder) &&
                facts_rel_of(f->v[i].relation) == READER_REL_OPEN &&
                holds_each_word(text, f->v[i].relation) &&
                strcmp(f->v[i].value, FACTS_ENDED) != 0)
                m = &f->v[i];
    static const char *const pastimes[] = {"sport", "sports", "game", "games", "pastime",
                                           "instrument", NULL};
    for (int k = 0; !m && pastimes[k]; k++)
        if (facts_same_relation(u->relation, pastimes[k]) ||
            (u->rel == READER_REL_JOB && k < 2 && facts_has_words(text, pastimes[k]))) {
            /* ("which sport am I into?" read as a job) */    /* "what is my sport?" of
                                                                 * "I play cricket" */
            m = facts_find(f, u->holder, reader_rel_name(READER_REL_HOBBY), NULL);
            if (!m) m = facts_find(f, u->holder, reader_rel_name(READER_REL_LIKES), NULL);
        }
    /* "where do I work?": workplace or employer; "which company?" asks the firm only */
    int firm = u->rel == READER_REL_EMPLOYER &&
               (checks_asks_firm(text) || facts_has_words(text, "who do"));
    if (!m && kin_rel(u->rel) >= 0 && !firm)
        m = facts_find(f, u->holder, reader_rel_name(kin_rel(u->rel)), NULL);
    if (!m && (u->rel == READER_REL_KIND || u->rel == READER_REL_OWNS))
        m = vehicle(f, text, u);
    if (!m && u->rel == READER_REL_JOB && u->act == READER_QUESTION)
        m = facts_find(f, u->holder, UNDERSTAND_FORMER_JOB, NULL);  /* "a retired nurse" */
    /* "what is it I can't eat?" of "I'm gluten intolerant": an intolerance told as a diet
     * keeps one from a food as an allergy does */
    static const char *const eating_words[] = {"eat", "have", "drink", "touch", NULL};
    if (!m && u->rel == READER_REL_ALLERGY && u->act == READER_QUESTION) {
        const store_memory_t *diet = facts_find(f, u->holder,
                                                reader_rel_name(READER_REL_DIET), NULL);
        int eating = 0;
        for (int k = 0; eating_words[k] && !eating; k++)
            eating = facts_has_words(text, eating_words[k]);
        if (diet && (eating || strstr(diet->value, "intoleran"))) m = diet;
    }
    /* "what did I use to do?" of "retired now, but I was a signalman": the
     * job told in the past */
    if (!m && u->rel == READER_REL_OPEN && !strcmp(u->relation, UNDERSTAND_FORMER_JOB) &&
        u->act == READER_QUESTION) {
        const store_memory_t *was = facts_find(f, u->holder, reader_rel_name(READER_REL_JOB),
                                               NULL);
        if (was && (facts_has_words(was->text, "was a") || facts_has_words(was->text, "was an") ||
                    facts_has_words(was->text, "retired") || facts_has_words(was->text, "used to")))
            m = was;
    }
    if (!m && u->rel == READER_REL_JOB && u->act == READER_QUESTION) {
        /* "what do I do?" of "I work in marketing": the field one works in */
        const store_memory_t *w = facts_find(f, u->holder,
                                             reader_rel_name(READER_REL_WORKPLACE), NULL);
        if (w && understand_field(w->value, UNDERSTAND_FIELD_WORK)) m = w;
    }
    if (!m && u->rel == READER_REL_JOB && u->act == READER_QUESTION) {
        /* "what does my wife do?" of "my wife teaches yoga": what one does for work said
         * by its verb, the newest */
        static const char *const working[] = {"teach", "teaches", "coach", "coaches", "run",
                                               "runs", "manage", "manages", "train", "trains",
                                               NULL};
        for (size_t i = f->n; !m && i-- > 0;)
            for (int k = 0; working[k] && !m; k++)
                if (facts_same_holder(f->v[i].holder, u->holder) &&
                    !strcmp(f->v[i].relation, working[k]) &&
                    strcmp(f->v[i].value, FACTS_ENDED) != 0)
                    m = &f->v[i];
    }
    if (!m && u->rel == READER_REL_JOB && u->act == READER_QUESTION) {
        /* "what's my business?" of "I run a tiny florist's shop": a business one has,
         * the newest */
        for (size_t i = f->n; !m && i-- > 0;) {
            const char *v = f->v[i].value, *last = strrchr(v, ' ') ? strrchr(v, ' ') + 1 : v;
            if (facts_same_holder(f->v[i].holder, u->holder) &&
                facts_rel_of(f->v[i].relation) == READER_REL_OWNS &&
                understand_in_list(understand_business_words, last))
                m = &f->v[i];
        }
    }
    if (!m && u->rel == READER_REL_JOB && u->act == READER_QUESTION &&
        strcmp(u->holder, "self") != 0)
        /* "what does arjun do?" of "husband arjun drives for bolt": the firm someone of
         * the user's works for says what is known of it (not a town, "works in Murano";
         * nor the user's own, whose job may have been forgotten) */
        m = facts_find(f, u->holder, reader_rel_name(READER_REL_EMPLOYER), NULL);
    if (!m && u->rel == READER_REL_OWNS && facts_vehicle_word(text))
        /* "what do I ride to work?" of "my moto is a Vespa": a vehicle told by its kind,
         * the newest */
        for (size_t i = f->n; !m && i-- > 0;)
            if (understand_in_list(understand_vehicle_words, f->v[i].holder) &&
                facts_rel_of(f->v[i].relation) == READER_REL_KIND &&
                strcmp(f->v[i].value, FACTS_ENDED) != 0)
                m = &f->v[i];
    if (!m && u->rel == READER_REL_HOME && facts_has_words(text, "based"))
        m = facts_find(f, u->holder, reader_rel_name(READER_REL_WORKPLACE), NULL);
                                                /* "based in" is where one lives or works */
    if (!m && u->rel == READER_REL_LANGUAGE && (facts_has_words(text, "learning") ||
                                                 facts_has_words(text, "learn")))
        for (size_t i = f->n; !m && i-- > 0;)   /* "which language am I learning?" of "I'm
                                                 * learning Japanese", read as a hobby */
            if (facts_same_holder(f->v[i].holder, u->holder) &&
                (facts_rel_of(f->v[i].relation) == READER_REL_HOBBY ||
                 facts_rel_of(f->v[i].relation) == READER_REL_LIKES) &&
                forms_language(f->v[i].value))
                m = &f->v[i];
    if (!m && u->rel == READER_REL_OPEN && facts_same_relation(u->relation, "study")) {
        /* "what do I study?" of a "history student": the job says it */
        const store_memory_t *job = facts_find(f, u->holder, reader_rel_name(READER_REL_JOB), NULL);
        size_t l = job ? strlen(job->value) : 0;
        if (l > 8 && !strcasecmp(job->value + l - 8, " student")) m = job;
    }
    if (!m && facts_is_favourite(u->relation))      /* a favourite, told as a like */
        m = facts_find(f, u->holder, reader_rel_name(READER_REL_LIKES), NULL);
    if (!m && u->rel == READER_REL_LIKES)           /* and a like, told as a favourite */
        m = facts_favourite(f, u->holder);
    /* "what do I love eating?": a like of the kind asked, or none ("my favourite colour
     * is black" tells no food) */
    if (m || u->rel == READER_REL_LIKES || u->rel == READER_REL_HOBBY ||
        facts_is_favourite(u->relation))
        m = like_of_kind(f, text, u->holder, m);
    if (!m && kind_by_holder(r, f, text, u)) return;
    if (!m && u->act == READER_YESNO && strcmp(u->holder, "self") != 0)
        m = any_fact_asked(f, text, u);
    if (!m && u->act == READER_YESNO && !u->value[0] && is_a_question(text))
        m = facts_find(f, u->holder, reader_rel_name(READER_REL_JOB), NULL);
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        facts_has_words(text, "who") && facts_has_words(text, "with")) {
        m = NULL;       /* "who do I live with?" asks for company: not the user's name, home
                         * or firm */
        asked.rel = READER_REL_OPEN;
        asked.relation = NULL;
    }
    if (u->act == READER_QUESTION && checks_asks_amount(text) &&
        !(m && understand_has_number(m->value))) {
        m = NULL;                               /* "how many hours?" is no town */
        asked.rel = READER_REL_OPEN;            /* nor is it where one works */
        asked.relation = NULL;
    }
    if (m && u->act == READER_QUESTION && asks_kind_of_place(text) && told_as_town(m))
        m = NULL;           /* "which clinic do I work at?" of "a nurse in Lyon": a town */
    set_kind(r, MODEL_KIND_ANSWER);
    /* "do I work in Tartu?" of a print shop there, "did I ever work at the
     * Volvo plant?": any place one works at or for, said either way */
    int worked = u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_EMPLOYER;
    for (size_t i = f->n; u->act == READER_YESNO && m && u->value[0] && worked && i-- > 0;) {
        const store_memory_t *x = &f->v[i];
        int rel = facts_rel_of(x->relation);
        if (facts_same_holder(x->holder, m->holder) &&
            (rel == READER_REL_WORKPLACE || rel == READER_REL_EMPLOYER) &&
            strcmp(x->value, FACTS_ENDED) != 0 && !x->superseded_by &&
            (facts_same_value(x->value, u->value) || facts_has_words(x->value, u->value) ||
             facts_has_words(u->value, x->value))) {
            m = x;
            break;
        }
    }
    if (u->act == READER_YESNO && m && u->value[0] && facts_multi_valued(u->rel, u->relation, m->holder))
        for (size_t i = f->n; i-- > 0;) {   /* "do I speak Welsh?": any of the values */
            const store_memory_t *x = &f->v[i];
            if (facts_same_holder(x->holder, m->holder) &&
                facts_same_relation(x->relation, m->relation) &&
                (facts_same_value(x->value, u->value) || facts_has_words(x->value, u->value))) {
                m = x;
                break;
            }
        }
    if (u->act == READER_YESNO && u->rel == READER_REL_OWNS && !strcmp(u->holder, "self") &&
        u->value[0] && !ended &&
        (!m || !(facts_same_value(m->value, u->value) || facts_has_words(m->value, u->value)))) {
        const store_memory_t *h = has_holder(f, u->value);
        if (h) {
            realise_frame_t known = {"self", READER_REL_OWNS, NULL, u->value};
            say(r, realise_yesno(buf, sizeof buf, 1, &asked, &known));
            snprintf(r->answer, sizeof r->answer, "yes");
            r->answered++;
            if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = h->id;
            return;
        }
        const store_memory_t *pet = other_of_kind(f, u->value);
        if (pet) {                          /* "No, you have a dog." */
            const char *last = child_holder(pet->holder) ? strrchr(pet->holder, ' ') : NULL;
            realise_frame_t known = {"self", READER_REL_OWNS, NULL,
                                     last ? last + 1 : pet->holder};     /* "other son" */
            say(r, realise_yesno(buf, sizeof buf, 0, &asked, &known));
            snprintf(r->answer, sizeof r->answer, "no");
            r->answered++;
            if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = pet->id;
            return;
        }
    }
    /* "do I live in Ghent?" of one who told only where they work ("glazier in
     * Ghent"): that place says it ("Yes, you work in Ghent."; "No, you work in Bruges.") */
    if (!m && u->act == READER_YESNO && u->rel == READER_REL_HOME && u->value[0] && !ended &&
        (facts_has_words(text, "live") || facts_has_words(text, "based")))
        m = facts_find(f, u->holder, reader_rel_name(other_place_rel(u->rel)), NULL);
    /* a yes told by another fact: "am I a teacher?" of one who teaches ("Yes, you teach
     * yoga."), "juno's a ferret, right?" of the ferret named Juno (the kind asked is whom
     * it asks of: "Yes, your ferret is called Juno.") */
    /* "what do I weave?" of a basket weaver, "what do I build?" of a boat builder: the job
     * named for its verb */
    const store_memory_t *by_verb = !m && u->act == READER_QUESTION &&
                                            u->rel == READER_REL_OPEN && u->relation[0]
                                        ? facts_job_of_verb(f, u->holder, u->relation)
                                        : NULL;
    if (by_verb) {
        realise_frame_t known = facts_frame(by_verb);
        say(r, realise_fact(buf, sizeof buf, &known, 1));
        snprintf(r->answer, sizeof r->answer, "%s", by_verb->value);
        r->answered++;
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = by_verb->id;
        return;
    }
    const store_memory_t *yes = NULL;
    if (!m && u->act == READER_YESNO && u->rel == READER_REL_JOB) yes = doer(f, u);
    if (!m && u->act == READER_YESNO && u->rel == READER_REL_KIND && u->value[0] &&
        facts_same_holder(u->holder, u->value))
        yes = facts_find(f, u->holder, reader_rel_name(READER_REL_NAME), NULL);
    if (yes) {
        realise_frame_t known = facts_frame(yes);
        say(r, realise_yesno(buf, sizeof buf, 1, &asked, &known));
        snprintf(r->answer, sizeof r->answer, "yes");
        r->answered++;
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = yes->id;
        return;
    }
    if (u->act == READER_YESNO) {
        if (!m) {
            if (ended) {
                say(r, "No, not anymore.");
                snprintf(r->answer, sizeof r->answer, "no");
            } else {
                say_gap(r, realise_unknown(buf, sizeof buf, &asked), 0);
            }
            return;
        }
        realise_frame_t known = facts_frame(m);
        /* the value asked, or, when the reader marked none, the question's own words
         * ("is rosa a vet?" holds "vet") */
        const char *bare = u->value;    /* "the courthouse" of "Chatham County courthouse" */
        for (int k = 0; k < 3; k++) {
            static const char *const articles[] = {"the ", "a ", "an "};
            if (!strncasecmp(bare, articles[k], strlen(articles[k])))
                bare += strlen(articles[k]);
        }
        /* (四十 asked of 四十五 is another number, not a part of it) */
        int other_number = (unsigned char)u->value[0] >= 0xE0 && numeral_at(u->value) &&
                           !zh_part(m->value, u->value) && !zh_part(u->value, m->value) &&
                           !facts_same_value(m->value, u->value);
        /* "so I'm working at a bakery?" with no value read: the words after "at a" */
        char place[UNDERSTAND_VALUE] = "";
        if (!u->value[0] && worked) place_asked(text, place, sizeof place);
        int yes = other_number ? 0
                : place[0] ? facts_has_words(m->value, place)
                : u->value[0] ? facts_same_value(m->value, u->value) ||
                                    done_for_work(m, u->value, text) ||
                                    facts_has_words(m->value, u->value) ||
                                    (*bare && facts_has_words(m->value, bare)) ||
                                    facts_spelt_nearly(m->value, u->value) ||
                                    (worked && facts_has_words(u->value, m->value)) ||
                                    (worked && in_told(m, u->value)) ||
                                    (facts_rel_of(m->relation) == READER_REL_NAME &&
                                     names_all(f, m->holder, u->value)) ||
                                    in_region(m, u->value) ||
                                    zh_within(m->value, u->value)
                              : facts_has_words(text, m->value) ||
                                    facts_same_value(text, m->value);   /* a date */
        /* a name is asked after with a word of naming or as what someone is ("is Omid
         * my manager?"), not with a verb of doing ("do I climb?") */
        int naming = facts_has_words(text, "name") || facts_has_words(text, "called") ||
                     facts_has_words(text, "named") || facts_has_words(text, "call") ||
                     opens_with_be(text);
        if (!yes && ((!u->value[0] && !is_a_question(text)) ||
                     (facts_rel_of(m->relation) == READER_REL_NAME && !naming))) {
            /* nothing asked that the fact could deny: "do I climb?" is not answered by the
             * user's name */
            asked.rel = READER_REL_OPEN;
            asked.relation = NULL;
            say_gap(r, realise_unknown(buf, sizeof buf, &asked), 0);
            return;
        }
        if (!yes && facts_rel_of(m->relation) == READER_REL_OWNS &&
            facts_vehicle_word(u->value) && !facts_vehicle_word(m->value)) {
            /* "do I have a car?" of "I drive a Ford Focus": what it is, not a "no" */
            say(r, realise_fact(buf, sizeof buf, &known, 1));
            snprintf(r->answer, sizeof r->answer, "%s", m->value);
        } else {
            say(r, realise_yesno(buf, sizeof buf, yes, &asked, &known));
            snprintf(r->answer, sizeof r->answer, "%s", yes ? "yes" : "no");
        }
    } else if (m && no_name_told(m, text)) {
        /* "I don't know its name yet. All I know is that you work at road building firm." */
        realise_frame_t known = facts_frame(m);
        char only[256];
        snprintf(buf, sizeof buf, "I don't know its name yet. %s",
                 realise_only(only, sizeof only, &known));
        say_gap(r, buf, 0);
        return;
    } else if (m) {
        realise_frame_t known = facts_frame(m);
        char list[sizeof r->answer];
        snprintf(list, sizeof list, "%s", m->value);
        /* "what languages do I speak?": every value; "what do I drive now?": the newest
         * thing owned (one replaces a car; languages and hobbies add up) */
        int newest = facts_rel_of(m->relation) == READER_REL_OWNS &&
                     (facts_has_words(text, "now") || facts_has_words(text, "currently") ||
                      facts_has_words(text, "these days") ||
                      facts_has_words(text, "at the moment"));
        /* "what car do I drive?" asks for one: the newest vehicle told ("Now I drive an
         * Opel" after "I drive a Jeep"; "cars" asks for all of them) */
        const char *one = facts_vehicle_word(text);
        if (!one && checks_asks_driven(text)) one = understand_vehicle_words[0];
        char more[32];
        snprintf(more, sizeof more, "%ss", one ? one : "");
        const store_memory_t *car = facts_rel_of(m->relation) == READER_REL_OWNS && one &&
                                            !facts_has_words(text, more)
                                        ? newest_vehicle(f, m->holder)
                                        : NULL;
        if (car) {
            m = car;
            newest = 1;
            known = facts_frame(m);
            snprintf(list, sizeof list, "%s", m->value);
        }
        if (like_kind(text) >= 0 && kind_of_like(m) == like_kind(text))
            newest = 1;         /* "what do I love eating?": the like told of eating */
        if (facts_multi_valued(facts_rel_of(m->relation), m->relation, m->holder) && !newest) {
            int more = 0, asked_kind = like_kind(text);
            const char *values[UNDERSTAND_MAX];
            for (size_t i = 0; i < f->n && more < UNDERSTAND_MAX; i++) {
                const store_memory_t *x = &f->v[i];
                if (!facts_same_holder(x->holder, m->holder) ||
                    !facts_same_relation(x->relation, m->relation) ||
                    !strcmp(x->value, FACTS_ENDED))
                    continue;
                int its_kind = asked_kind >= 0 ? kind_of_like(x) : -1;
                if (its_kind >= 0 && its_kind != asked_kind)
                    continue;           /* "what sport do I play?" lists no bass */
                values[more++] = x->value;
                if (r->nused < UNDERSTAND_MAX && x != m) r->used[r->nused++] = x->id;
            }
            /* "my instrument?" of the oboe and a quartet, "which sport is mine?" of
             * kickboxing and baking: the values of that kind, when one is */
            int (*of_kind)(const char *) = facts_has_words(text, "instrument") ? kinds_instrument
                                           : facts_has_words(text, "sport")    ? kinds_sport
                                                                                : NULL;
            int kept = 0;
            for (int v = 0; of_kind && v < more; v++) kept += of_kind(values[v]) != 0;
            for (int v = 0, k = 0; kept && v < more; v++)
                if (of_kind(values[v])) values[k++] = values[v];
            if (kept) more = kept;
            list[0] = '\0';
            for (int v = 0; v < more; v++) {        /* "chess, darts and golf" */
                size_t at = strlen(list);
                snprintf(list + at, sizeof list - at, "%s%s",
                         !v ? "" : v == more - 1 ? " and " : ", ", values[v]);
            }
            known.value = list;
        }
        realise_frame_t both[2] = {known, {0}};
        const store_memory_t *kin = where_work(f, text, m);
        if (kin && facts_rel_of(m->relation) == READER_REL_WORKPLACE)
            both[0] = facts_frame(kin), both[1] = known;    /* the firm first */
        else if (kin)
            both[1] = facts_frame(kin);
        say(r, realise_fact(buf, sizeof buf, both, kin ? 2 : 1));
        snprintf(r->answer, sizeof r->answer, "%s%s%s", both[0].value, kin ? ", " : "",
                 kin ? both[1].value : "");
        if (kin && r->nused < UNDERSTAND_MAX) r->used[r->nused++] = kin->id;
    } else if (asked.rel == u->rel && !facts_has_words(text, "address") &&
               !firm && (m = other_place(f, u, text)) != NULL) {  /* a town is no street address,
                                                              * nor a home a firm */
        realise_frame_t known = facts_frame(m);
        say_gap(r, realise_only(buf, sizeof buf, &known), 1);
        snprintf(r->answer, sizeof r->answer, "%s", m->value);
        if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
        return;
    } else if (ended) {             /* no longer so: nothing the user said before answers */
        say(r, realise_unknown(buf, sizeof buf, &asked));
        r->unanswered++;
        return;
    } else {
        say_gap(r, realise_unknown(buf, sizeof buf, &asked), 0);
        return;
    }
    r->answered++;
    if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
}

/* "which of us plays the cello, me or our lad?": the one of the two the question's words
 * fit (of_us.h), said by name. 1 when answered, else 0. */
static int one_of_us(respond_t *r, const facts_t *f, const char *text)
{
    of_us_t o;
    if (!of_us_pick(f, text, &o)) return 0;
    char buf[256];
    say(r, realise_one_of_us(buf, sizeof buf, o.self ? NULL : o.holder, o.name));
    snprintf(r->answer, sizeof r->answer, "%s", o.self ? "you" : o.name ? o.name : o.holder);
    if (o.id && r->nused < UNDERSTAND_MAX) r->used[r->nused++] = o.id;
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* "how old are Ivo and Bram?": a question that names two or more of the user's
 * people keyed by their names ("Ivo", facts.c), each with a current fact of the relation
 * asked, is answered for each. 1 when answered. */
static int each_named(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    if (u->act != READER_QUESTION || u->rel == READER_REL_OPEN || !facts_has_words(text, "and"))
        return 0;
    realise_frame_t v[4];
    const store_memory_t *m[4];
    int n = 0;
    for (size_t i = 0; i < f->n && n < 4; i++) {
        const store_memory_t *x = &f->v[i];
        if (!isupper((unsigned char)x->holder[0]) || strchr(x->holder, ' ') ||
            facts_rel_of(x->relation) != u->rel || !facts_has_words(text, x->holder) ||
            facts_find(f, x->holder, x->relation, NULL) != x)
            continue;
        int again = 0;
        for (int k = 0; k < n && !again; k++) again = !strcmp(m[k]->holder, x->holder);
        if (!again) m[n] = x, v[n] = facts_frame(x), n++;
    }
    if (n < 2) return 0;
    char buf[512];
    say(r, realise_fact(buf, sizeof buf, v, n));
    snprintf(r->answer, sizeof r->answer, "%s", m[0]->value);
    for (int k = 0; k < n && r->nused < UNDERSTAND_MAX; k++) r->used[r->nused++] = m[k]->id;
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

/* "my younger sibling", "my big sib": of a brother and a sister told with words of
 * their age ("younger sister Anu", "my big brother"), the one told with the word the
 * question says (younger, little and baby are one; older, elder and big another);
 * NULL when the question names no sibling so or none was told so. */
static const char *sibling_by_age(const facts_t *f, const char *holder, const char *text)
{
    static const char *const young[] = {"younger", "little", "baby", "youngest", NULL};
    static const char *const old[] = {"older", "elder", "big", "eldest", "oldest", NULL};
    static const char *const sibs[] = {"brother", "sister", NULL};
    if (strcmp(holder, "sibling") != 0 && strcmp(holder, "siblings") != 0) return NULL;
    const char *const *asked = NULL;
    for (int k = 0; !asked && young[k]; k++) asked = facts_has_words(text, young[k]) ? young : NULL;
    for (int k = 0; !asked && old[k]; k++) asked = facts_has_words(text, old[k]) ? old : NULL;
    const char *found = NULL;
    for (size_t i = 0; asked && i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (!m->text || !understand_in_list(sibs, m->holder)) continue;
        for (int k = 0; asked[k]; k++) {
            char said[UNDERSTAND_KEY + 16];
            snprintf(said, sizeof said, "%s %s", asked[k], m->holder);
            if (facts_has_words(m->text, said)) {
                if (found && strcmp(found, m->holder) != 0) return NULL;   /* (both so) */
                found = m->holder;
            }
        }
    }
    return found;
}

/* "who do I climb with?": the holder of a name fact held by that pastime ("climbing
 * partner", "climbing buddy": the verb's stem, lex_stem, and a word of a fellow), or NULL
 * when the question is no such one or none is told. */
static const char *pastime_fellow(const facts_t *f, const char *text)
{
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.?!", buf, sizeof buf, w, 16);
    if (n < 4 || strcmp(w[0], "who") != 0 || strcmp(w[1], "do") != 0 || strcmp(w[2], "i") != 0 ||
        strcmp(w[n - 1], "with") != 0)
        return NULL;
    char asked[LEX_WORD_MAX];
    lex_stem(w[3], asked, sizeof asked);
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        const char *sp = strchr(m->holder, ' ');
        char first[LEX_WORD_MAX], stem[LEX_WORD_MAX];
        snprintf(first, sizeof first, "%.*s",
                 (int)(sp && (size_t)(sp - m->holder) < sizeof first ? sp - m->holder : 0),
                 m->holder);
        if (facts_rel_of(m->relation) != READER_REL_NAME || !sp || strchr(sp + 1, ' ') ||
            !kinds_pastime_fellow(first, sp + 1) || !strcmp(m->value, FACTS_ENDED))
            continue;
        lex_stem(first, stem, sizeof stem);
        if (!strcmp(stem, asked)) return m->holder;
    }
    return NULL;
}

static void question(respond_t *r, const facts_t *f, const char *text, const understood_t *u)
{
    if (one_of_us(r, f, text) || each_named(r, f, text, u)) return;
    understood_t as = *u;
    const char *sib = sibling_by_age(f, u->holder, text);
    snprintf(as.holder, sizeof as.holder, "%s", sib ? sib : holder_as_told(f, u->holder));
    const char *fellow = u->act == READER_QUESTION ? pastime_fellow(f, text) : NULL;
    if (fellow) {                       /* "who do I climb with?" */
        snprintf(as.holder, sizeof as.holder, "%s", fellow);
        as.rel = READER_REL_NAME;
        snprintf(as.relation, sizeof as.relation, "%s", reader_rel_name(READER_REL_NAME));
        as.value[0] = '\0';
    }
    if (!pets_told(r, f, text, &as)) question_of(r, f, text, &as);
}

/* 1 when name is the name of m's holder (someone of the user's, not the user): "forget
 * Chantelle" forgets where she lives too. */
static int names_holder(const facts_t *f, const char *name, const store_memory_t *m)
{
    if (!strcmp(m->holder, "self")) return 0;
    const char *told = facts_name_of(f, m->holder);
    return told && facts_same_value(told, name);
}

/* The words a request to forget names after "about" ("delete the bits about radmila
 * lol": "radmila"), to the end of the clause, less "my", "the" and "that", and a word of
 * its own at the end ("lol", "pls"); into out (cap bytes). 1 when there are some. */
static int about_of(const char *text, char *out, size_t cap)
{
    static const char *const lead[] = {"my ", "the ", "that ", "our ", NULL};
    static const char *const trail[] = {" lol", " pls", " please", " thanks", " haha",
                                        " ok", " too", " either", NULL};
    const char *a = NULL;
    for (const char *p = text; (p = strstr(p, "about ")) != NULL; p++)
        if (p == text || p[-1] == ' ') a = p + 6;
    if (!a) return 0;
    for (int again = 1; again;) {
        again = 0;
        for (int i = 0; lead[i]; i++)
            if (!strncasecmp(a, lead[i], strlen(lead[i]))) a += strlen(lead[i]), again = 1;
    }
    size_t n = strcspn(a, ",.;!?");
    snprintf(out, cap, "%.*s", (int)n, a);
    for (int again = 1; again;) {
        again = 0;
        n = strlen(out);
        while (n && out[n - 1] == ' ') out[--n] = '\0';
        for (int i = 0; trail[i]; i++) {
            size_t l = strlen(trail[i]);
            if (n > l && !strcasecmp(out + n - l, trail[i])) out[n - l] = '\0', again = 1;
        }
    }
    return strlen(out) >= 3;
}

/* Words of vagueness after a thing named to forget ("the visa stuff"). */
static const char *const vague_words[] = {"thing", "things", "stuff", "bit", "bits",
                                          "business", "info", "situation", NULL};

/* The thing a request to forget names right after its verb, up to a word of vagueness
 * or of who told it ("forget the knee surgery thing i mentioned": "knee surgery"),
 * into out (cap bytes): 1 when it names one of at most four words, else 0 ("forget it",
 * "forget that"). */
static int thing_named(const char *text, char *out, size_t cap)
{
    static const char *const lead[] = {"about", "the", "my", "that", "our", "all", NULL};
    static const char *const stop[] = {"i", "you", "that", "which", "from", "please", "pls",
                                       "too", "as", "for", "lol", "and", "it", "this",
                                       "everything", "anything", NULL};
    char buf[UNDERSTAND_VALUE * 2];
    const char *w[24];
    int n = understand_split_words(text, " ", buf, sizeof buf, w, 24), k = 0, b, e;
    for (; k < n; k++) {                /* (the words are lower case, marks kept) */
        char bare[UNDERSTAND_KEY];
        snprintf(bare, sizeof bare, "%s", w[k]);
        bare[strcspn(bare, ",.;!?")] = '\0';
        if (understand_in_list(understand_forget_verbs, bare)) break;
    }
    for (b = k + 1; b < n && understand_in_list(lead, w[b]); b++) {}
    for (e = b; e < n && e - b < 4 && !understand_in_list(stop, w[e]) &&
                !understand_in_list(vague_words, w[e]);
         e++)
        if (strpbrk(w[e], ",.;!?")) {
            e++;
            break;
        }
    if (k >= n || e == b || e - b > 4) return 0;
    size_t at = 0;
    out[0] = '\0';
    for (int i = b; i < e && at < cap; i++)
        at += (size_t)snprintf(out + at, cap - at, "%s%.*s", i > b ? " " : "",
                               (int)strcspn(w[i], ",.;!?"), w[i]);
    return strlen(out) >= 3 && at < cap;
}

/* 1 when text tells of a topic by one of its words (understand_topic_tells; one that
 * opens with '#' only beside a digit). */
static int tells_topic(const char *text, const char *const *tells)
{
    int digit = strpbrk(text, "0123456789") != NULL;
    for (int i = 0; tells[i]; i++)
        if (tells[i][0] == '#' ? digit && facts_has_words(text, tells[i] + 1)
                               : facts_has_words(text, tells[i]))
            return 1;
    return 0;
}

/* The topic the request to forget text names ("drop my wages"): its words that
 * tell of it, or NULL (the first word that names one). */
static const char *const *topic_of(const char *text)
{
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?'\"()", buf, sizeof buf, w, 64);
    for (int i = 0; i < n; i++) {
        const char *const *tells = understand_topic_tells(w[i]);
        if (tells) return tells;
    }
    return NULL;
}

/* Adds m to what r forgets (its value to the texts redacted) and its frame to told
 * (8; *nt of them), while r has room. */
/* 1 when the holder key begins with the one word w that is no kin word ("ex wife" of
 * "forget about my ex"; "brother in law" is not "brother"). */
static int begins_key(const char *key, const char *w)
{
    size_t n = strlen(w);
    return n && !strchr(w, ' ') && !understand_kin(w) && !strncasecmp(key, w, n) &&
           key[n] == ' ';
}

static void forget_fact(respond_t *r, const store_memory_t *m, realise_frame_t *told, int *nt)
{
    if (r->nforget == sizeof r->forget / sizeof r->forget[0]) return;
    r->forget[r->nforget++] = m->id;
    if (strcmp(m->value, FACTS_ENDED) != 0 &&
        r->nforget_text < (int)(sizeof r->forget_text / sizeof r->forget_text[0]))
        snprintf(r->forget_text[r->nforget_text++], UNDERSTAND_VALUE, "%s", m->value);
    if (*nt < 8) told[(*nt)++] = facts_frame(m);
}

/* 1 when a home is a street address: it holds a number or a word of a street ("27
 * Mill Lane", "Flat 2", "Rue des Lilas"). */
static int street_address(const char *value)
{
    static const char *const streets[] = {"street", "st", "road", "rd", "avenue", "ave",
                                          "lane", "ln", "drive", "close", "way", "crescent",
                                          "terrace", "place", "court", "boulevard", "blvd",
                                          "flat", "apartment", "apt", "rue", "calle", "via",
                                          "strasse", "straße", NULL};
    for (const char *p = value; *p; p++)
        if (isdigit((unsigned char)*p)) return 1;
    for (int k = 0; streets[k]; k++)
        if (facts_has_words(value, streets[k])) return 1;
    return 0;
}

/* 1 when b stands in text in one sentence with a (no . ! or ? between them), or
 * anywhere when a is not written there as such ("tram driver" of "I drive a tram"). */
static int one_sentence(const char *text, const char *a, const char *b)
{
    const char *x = facts_words_at(text, a), *y = facts_words_at(text, b);
    if (!y) return 0;
    if (!x) return 1;
    if (x > y) {
        const char *t = x;
        x = y;
        y = t;
    }
    for (; x < y; x++)
        if (strchr(".!?", *x)) return 0;
    return 1;
}

/* 1 when about (the words after "about") names holder by its last word ("the neighbour"
 * of "plot neighbour"). */
static int about_holder(const char *about, const char *holder)
{
    const char *last = strrchr(holder, ' ');
    return facts_has_words(about, last ? last + 1 : holder);
}

/* 1 when text names only someone or a pet of the user's, holder ("my dog", "the
 * dog", "forget my ex"): no word of a relation, whatever relation the reader read. */
static int names_only_holder(const char *text, const char *holder)
{
    static const char *const skip[] = {"forget", "delete", "erase", "remove", "wipe", "and",
                                       "my", "the", "please", "pls", "also", "too", "about",
                                       "everything", "thanks", "thank", "you", "cheers",
                                       "ta", "now", NULL};
    char w[UNDERSTAND_KEY], key[UNDERSTAND_KEY];
    int named = 0;
    for (const char *p = text; *p;) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        size_t n = 0;
        for (; isalpha((unsigned char)*p) || *p == '\''; p++)
            if (n + 1 < sizeof w) w[n++] = (char)tolower((unsigned char)*p);
        w[n] = '\0';
        if (!n || understand_in_list(skip, w)) continue;
        understand_holder_of(w, key, sizeof key);
        if (named || strcmp(key, holder) != 0) return 0;
        named = 1;
    }
    return named;
}

/* 1 when clause i, a request to forget that names whom only by a pronoun ("delete her"),
 * follows another request to forget in the same message. */
static int said_again(const understood_t *u, int i, const char *text)
{
    static const char *const pronouns[] = {"her", "him", "them", "it", NULL};
    int before = 0, pronoun = 0;
    for (int k = 0; k < i; k++) before |= u[k].act == READER_FORGET;
    for (int k = 0; pronouns[k]; k++) pronoun |= facts_has_words(text, pronouns[k]);
    return before && pronoun && !facts_has_words(text, u[i].holder);
}

static void forget(respond_t *r, const facts_t *f, const char *text, const understood_t *asked)
{
    realise_frame_t told[8];
    int nt = 0;
    understood_t one = *asked;      /* "my dog" read with a relation: all of the dog's */
    if (one.relation[0] && !one.value[0] && strcmp(one.holder, "self") != 0 &&
        names_only_holder(text, one.holder)) {
        one.relation[0] = '\0';
        one.rel = READER_REL_OPEN;
    }
    /* "the blood pressure thing", "the visa stuff": the value without its word of vagueness */
    char *last = strrchr(one.value, ' ');
    if (last && understand_in_list(vague_words, last + 1)) *last = '\0';
    const understood_t *u = &one;
    /* "delete my postal address" of one who told an address and a town: the address */
    int street = 0;
    for (size_t i = 0; i < f->n && u->rel == READER_REL_HOME && !u->value[0] &&
                       (facts_has_words(text, "address") || facts_has_words(text, "street"));
         i++)
        street |= facts_same_holder(f->v[i].holder, u->holder) &&
                  facts_rel_of(f->v[i].relation) == READER_REL_HOME &&
                  street_address(f->v[i].value);
    /* by the value named; a value no fact holds ("forget Tom's job, he's changing
     * careers") by the frame; "forget where I live" with no home told forgets the place a
     * question of it is answered with (other_place): where one works */
    enum { BY_VALUE, BY_FRAME, BY_OTHER_PLACE };
    int work_asked = !u->value[0] && !strcmp(u->holder, "self") &&
                     (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
                     (facts_has_words(text, "where i work") ||
                      facts_has_words(text, "where i'm working"));
    int other = u->value[0] ? -1 : other_place_rel(u->rel), ways[3], nw = 0;
    if (u->value[0]) ways[nw++] = BY_VALUE;
    if (!u->value[0] || u->relation[0]) ways[nw++] = BY_FRAME;
    if (other >= 0) ways[nw++] = BY_OTHER_PLACE;
    /* "... about Ottilie's job" names whose and which fact, whatever the reader marked */
    char about[UNDERSTAND_VALUE], *whose = NULL;
    int told_about = about_of(text, about, sizeof about);
    if (told_about && (whose = strstr(about, "'s ")) != NULL) *whose = '\0', whose += 3;
    /* "drop Ottoline's surgery from your notes": the value read is a name with 's and a word
     * of a relation after it, that one's fact of that relation */
    char rel_word[UNDERSTAND_KEY];
    size_t vl = strlen(u->value);
    for (const char *of = text; vl && !whose && *of; of++) {
        if (strncasecmp(of, u->value, vl) || strncmp(of + vl, "'s ", 3) ||
            !isalpha((unsigned char)of[vl + 3]))
            continue;
        size_t wl = strspn(of + vl + 3, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        snprintf(rel_word, sizeof rel_word, "%.*s", (int)wl, of + vl + 3);
        snprintf(about, sizeof about, "%s", u->value);
        whose = rel_word;
        told_about = 1;
    }
    for (int w = 0; w < nw && !nt && !whose; w++) {
        for (size_t i = 0; i < f->n; i++) {
            const store_memory_t *m = &f->v[i];
            int hit;        /* by the value named, else by the frame, else all of a holder */
            if (ways[w] == BY_OTHER_PLACE)
                hit = facts_same_holder(m->holder, u->holder) &&
                      facts_same_relation(m->relation, reader_rel_name(other));
            else if (ways[w] == BY_VALUE)   /* the value, or everything of whom it names */
                hit = facts_same_value(m->value, u->value) ||
                      facts_has_words(m->text, u->value) || names_holder(f, u->value, m) ||
                      (m->text && understand_chinese(u->value, strlen(u->value)) &&
                       forms_zh_topic_held(m->text, u->value));
            else if (u->relation[0])    /* an open relation in more or fewer words: "my
                                         * phone number" forgets "phone" */
                hit = (facts_same_holder(m->holder, u->holder) || kids_one(u->holder, m->holder)) &&
                      (!street || street_address(m->value)) &&
                      (facts_same_relation(m->relation, u->relation) ||
                       (u->rel == READER_REL_OPEN && understand_rel_word(u->relation) != READER_REL_OPEN &&
                        facts_rel_of(m->relation) == understand_rel_word(u->relation)) ||
                       (u->rel == READER_REL_OPEN &&
                        facts_rel_of(m->relation) == READER_REL_OPEN &&
                        (facts_has_words(m->relation, u->relation) ||
                         facts_has_words(u->relation, m->relation))));
            else                        /* all of a holder's; "everything about me": all;
                                         * "forget about Bastien": all of the one called so */
                hit = ((facts_same_holder(m->holder, u->holder) ||
                        begins_key(m->holder, u->holder) || kids_one(u->holder, m->holder) ||
                        (facts_name_of(f, m->holder) &&
                         facts_same_name(facts_name_of(f, m->holder), u->holder))) &&
                       strcmp(u->holder, "self") != 0) ||
                      (!strcmp(u->holder, "self") && facts_has_words(text, "everything"));
            /* "forget where I work": whom and where one works, both */
            int rm = facts_rel_of(m->relation);
            hit |= ways[w] == BY_FRAME && work_asked && !strcmp(m->holder, "self") &&
                   (rm == READER_REL_EMPLOYER || rm == READER_REL_WORKPLACE);
            if (hit) forget_fact(r, m, told, &nt);
        }
    }
    if (!nt && told_about) {
        /* "delete the bits about Radmila", "the part about Ottilie's job": the facts that
         * hold the words after "about", or, of a name with 's, that person's fact of the
         * relation named after it */
        /* (the facts that hold or name it first, then those whose sentences hold it, but
         * not another one's name: "anything about Alf" of "my budgie Kiwi ... since my
         * husband Alf died" forgets the husband, not the budgie's name, whose sentence
         * only loses his name) */
        for (int by_text = 0; by_text < 2; by_text++)
            for (size_t i = 0; i < f->n && (!whose || !by_text); i++) {
                const store_memory_t *m = &f->v[i];
                int rel = facts_rel_of(m->relation);    /* (a school read as a place of
                                                         * work) */
                int hit = whose ? names_holder(f, about, m) &&
                                      (facts_same_relation(m->relation, whose) ||
                                       facts_rel_of(whose) == rel ||
                                       (facts_rel_of(whose) == READER_REL_SCHOOL &&
                                        (rel == READER_REL_EMPLOYER ||
                                         rel == READER_REL_WORKPLACE)))
                          : by_text ? one_sentence(m->text, m->value, about) &&
                                          !facts_has_words(m->value, about) &&
                                          !names_holder(f, about, m) &&
                                          !(nt && rel == READER_REL_NAME &&
                                            !about_holder(about, m->holder))
                                    : facts_has_words(m->value, about) ||
                                          names_holder(f, about, m);
                if (hit) forget_fact(r, m, told, &nt);
            }
    }
    /* "forget the knee surgery thing", "drop the visa thing": the facts that hold
     * the thing named, as told or in their value (as a value read is forgotten) */
    char thing[UNDERSTAND_VALUE];
    int named = !nt && !told_about && thing_named(text, thing, sizeof thing);
    for (size_t i = 0; named && i < f->n; i++)
        if (facts_has_words(f->v[i].value, thing) ||
            (f->v[i].text && facts_has_words(f->v[i].text, thing)))
            forget_fact(r, &f->v[i], told, &nt);
    /* "drop my wages please", "delete the health stuff": a topic named, the facts
     * whose sentences tell of it ("I earn 3100 a month") */
    const char *const *topic = nt ? NULL : topic_of(text);
    for (size_t i = 0; topic && i < f->n; i++)
        if (f->v[i].text && tells_topic(f->v[i].text, topic)) forget_fact(r, &f->v[i], told, &nt);
    char buf[512];
    set_kind(r, MODEL_KIND_STATEMENT);
    if (!nt && r->nforget) return;      /* "forget it, delete delete": done once */
    if (!nt && !r->forget_said) r->forget_said = r->clause + 1;
    say(r, nt ? realise_forgot(buf, sizeof buf, told, nt)
              : "I don't have anything about that to forget.");
}

static void summary(respond_t *r, const facts_t *f, const char *holder)
{
    if (r->summarised) return;      /* "what have you got on me? all of it": once */
    /* "tell me what you have on my niece": hers alone, when any is told */
    int of_one = 0;
    for (size_t i = 0; i < f->n && !of_one && strcmp(holder, "self") != 0; i++)
        of_one = facts_same_holder(f->v[i].holder, holder) &&
                 strcmp(f->v[i].value, FACTS_ENDED) != 0;
    realise_frame_t v[32];
    int n = 0;
    for (size_t i = 0; i < f->n && n < 32; i++)
        if (strcmp(f->v[i].value, FACTS_ENDED) != 0 &&
            (!of_one || facts_same_holder(f->v[i].holder, holder)))
            v[n++] = facts_frame(&f->v[i]);
    char buf[1024];
    set_kind(r, MODEL_KIND_ANSWER);
    say(r, realise_summary(buf, sizeof buf, v, n));
    r->summarised = 1;
}

/* 1 when a later unit of the message tells the fact u[i] asks of ("My favourite snack?
 * Churros."): the user answered it. */
/* 1 when u[i] is a correction that names no relation (it would put right the last fact
 * told, or the one whose value it says it is not) with a value in lower case, no name,
 * and a later clause of the message tells a fact of the holder and relation of that fact:
 * that one says what is put right ("correction, we left Bundaberg, we're in Mackay
 * now" corrects Bundaberg with nothing of "left"). */
static int vague_before_told(const facts_t *f, const understood_t *u, int n, int i)
{
    const store_memory_t *last = u[i].old[0] ? facts_by_value(f, u[i].old)   /* ("leave
                                                                      * Arima": Arima's) */
                                             : f->n ? &f->v[f->n - 1] : NULL;
    if (!last || u[i].act != READER_CORRECTION || u[i].rel != READER_REL_OPEN ||
        u[i].relation[0] || !islower((unsigned char)u[i].value[0]))
        return 0;               /* ("I meant Solveig, not Ingrid! Ingrid is her cousin") */
    for (int j = i + 1; j < n; j++)
        if ((u[j].act == READER_FACT || u[j].act == READER_CORRECTION) && u[j].personal &&
            u[j].value[0] && facts_same_holder(u[j].holder, last->holder) &&
            facts_same_relation(u[j].relation, last->relation))
            return 1;
    return 0;
}

static int answered_after(const understood_t *u, int n, int i)
{
    for (int j = i + 1; j < n; j++)
        if (u[j].act == READER_FACT && u[j].value[0] && facts_same_holder(u[j].holder, u[i].holder) &&
            facts_same_relation(u[j].relation, u[i].relation))
            return 1;
    return 0;
}

/* 1 when text begins as a yes/no question does ("do I ...", "am I ..."). */
/* "is Pippin our dog?", "is Pippin among my cats?", "is Ines my niece?": a yes/no
 * question that names someone or something of the user's told by name and asks whether
 * it is a kin or pet word (not a breed, not a name): yes when that is whom the name is of ("cats" of "cat",
 * "brother" of "twin brother"), else no, with whose the name is. 1 when answered. */
static int name_is_whom(respond_t *r, const facts_t *f, const char *text)
{
    const store_memory_t *m = NULL;     /* the name the question says */
    for (size_t i = f->n; !m && i-- > 0;)
        if (facts_rel_of(f->v[i].relation) == READER_REL_NAME && strcmp(f->v[i].holder, "self") &&
            strcmp(f->v[i].value, FACTS_ENDED) && strlen(f->v[i].value) >= 2 &&
            facts_has_words(text, f->v[i].value))
            m = &f->v[i];
    if (!m || facts_has_words(text, "called") || facts_has_words(text, "named") ||
        facts_has_words(text, "name"))
        return 0;                       /* "is Tom's wife called Ann?" asks a name */
    char word[UNDERSTAND_KEY] = "";     /* the kin or pet word it asks about ("a beagle"
                                         * asks a kind: not here, nor "a Dartmoor pony",
                                         * "a ginger cat") */
    static const char *const whose[] = {"a", "an", "the", "my", "our", "your", "his", "her",
                                        "their", "little", "big", "older", "younger",
                                        "eldest", "oldest", "youngest", "twin", "baby",
                                        "step", "half", "only", "other", "new", NULL};
    char before[UNDERSTAND_KEY] = "";
    for (const char *p = text; *p && !word[0];) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        const char *e = p;
        while (*e && (isalpha((unsigned char)*e) || *e == '\'')) e++;
        char w[UNDERSTAND_KEY], key[UNDERSTAND_KEY];
        snprintf(w, sizeof w, "%.*s", (int)(e - p), p);
        const char *one[1] = {w};
        understand_holder(one, 1, key, sizeof key);
        size_t kl = strlen(key);
        if (kl > 3 && key[kl - 1] == 's' && !understand_kin(key) && !dialogue_pet_word(key))
            key[kl - 1] = '\0';       /* "cats" */
        if (strcasecmp(w, m->value) != 0 && (understand_kin(key) || dialogue_pet_word(key))) {
            char low[UNDERSTAND_KEY];
            size_t n = 0;
            for (; before[n] && n + 1 < sizeof low; n++)
                low[n] = (char)tolower((unsigned char)before[n]);
            low[n] = '\0';
            if (!understand_in_list(whose, low) && strcasecmp(before, m->value) != 0)
                return 0;               /* a kind asked ("a Dartmoor pony") */
            snprintf(word, sizeof word, "%s", key);
        }
        snprintf(before, sizeof before, "%s", w);
        p = e;
    }
    if (!word[0]) return 0;
    size_t hl = strlen(m->holder), wl = strlen(word);
    int yes = facts_same_holder(m->holder, word) ||
              (hl == wl + 1 && m->holder[wl] == 's' && !strncasecmp(m->holder, word, wl)) ||
              (hl > wl && m->holder[hl - wl - 1] == ' ' && !strcasecmp(m->holder + hl - wl, word));
    realise_frame_t known = facts_frame(m);
    char buf[512];
    say(r, realise_yesno(buf, sizeof buf, yes, &known, &known));
    snprintf(r->answer, sizeof r->answer, "%s", yes ? "yes" : "no");
    if (r->nused < UNDERSTAND_MAX) r->used[r->nused++] = m->id;
    set_kind(r, MODEL_KIND_ANSWER);
    r->answered++;
    return 1;
}

static int begins_yes_no(const char *text)
{
    static const char *const aux[] = {"do", "does", "did", "am", "is", "are", "have", "has",
                                      "can", "was", "were", NULL};
    char w[16];
    size_t n = 0;
    while (*text == ' ') text++;
    for (; text[n] && isalpha((unsigned char)text[n]) && n + 1 < sizeof w; n++)
        w[n] = (char)tolower((unsigned char)text[n]);
    w[n] = '\0';
    for (int i = 0; aux[i]; i++)
        if (!strcmp(w, aux[i])) return 1;
    return 0;
}

/* "do I have any pets?", "am I allergic to anything?": asked as yes or no, answered
 * with what was told (question), after a "Yes" when anything was. */
static void question_any(respond_t *r, const facts_t *f, const char *text, understood_t *u)
{
    size_t at = strlen(r->reply), from = at + (at ? 1 : 0);
    int answered = r->answered;
    u->act = READER_QUESTION;
    question(r, f, text, u);
    size_t len = strlen(r->reply + (from < sizeof r->reply ? from : 0));
    if (r->answered == answered || from >= sizeof r->reply || from + len + 5 >= sizeof r->reply ||
        !isupper((unsigned char)r->reply[from]))
        return;
    memmove(r->reply + from + 5, r->reply + from, len + 1);
    memcpy(r->reply + from, "Yes, ", 5);
    if (!strncmp(r->reply + from + 5, "You", 3)) r->reply[from + 5] = 'y';   /* not a name */
}

/* The next word of text into w (lower case, cut to cap bytes; "" at the end); returns
 * where it ends. */
static const char *next_word(const char *text, char *w, size_t cap)
{
    size_t k = 0;
    while (*text && !isalpha((unsigned char)*text)) text++;
    for (; isalpha((unsigned char)*text) || *text == '\''; text++, k++)
        if (k + 1 < cap) w[k] = (char)tolower((unsigned char)*text);
    w[k < cap ? k : cap - 1] = '\0';
    return text;
}

/* The words by which one speaks of oneself. */
static const char *const me[] = {"i", "my", "me", "we", "our", "us", NULL};

/* 1 when text opens with a question word, or asks yes or no of the user ("is my
 * driving test on a Monday?"), and says nothing of mnemo ("which evening is the quiz?",
 * not "what are you up to?"): read as chat, it may still ask of the user. */
static int asks_as_chat(const char *text)
{
    static const char *const you[] = {"you", "your", "you're", "youre", "yours", "yourself",
                                      "u", "ur", "mnemo", NULL};
    char w[16];
    next_word(text, w, sizeof w);
    int about_me = 0;
    for (int i = 0; me[i] && !about_me; i++) about_me = facts_has_words(text, me[i]);
    int q = understand_question_word(w);
    if (q == 0 || (q == 1 && !(about_me && strchr(text, '?')))) return 0;
    for (int i = 0; you[i]; i++)
        if (facts_has_words(text, you[i])) return 0;
    return 1;
}

/* 1 when text asks when ("when's darts again?", "what night is the quiz?"): no question
 * of bAbI's stories does, so one that nobody's facts answer may be the user's. */
static int asks_when(const char *text)
{
    static const char *const when[] = {"when", "when's", "whens", NULL};
    static const char *const what[] = {"what", "what's", "whats", "which", NULL};
    static const char *const unit[] = {"time", "day", "days", "night", "nights", "evening",
                                       "evenings", "morning", "mornings", "date", "month",
                                       "week", "weekend", "year", "hour", NULL};
    char first[16], second[16];
    next_word(next_word(text, first, sizeof first), second, sizeof second);
    return understand_in_list(when, first) ||
           (understand_in_list(what, first) && understand_in_list(unit, second));
}

/* The memory network's reply to small talk when it fits what msg says (a greeting, a
 * thanks, a goodbye, "how are you", "who are you"), else "Okay.": "the fjords are
 * unbelievable" is not answered "I am fine thanks", nor "good night" "Good morning". */
static const char *chat_reply(const char *msg, const char *reply)
{
    static const struct {
        const char *reply;              /* words of the network's reply */
        const char *said[12];           /* one of which msg must hold */
    } fits[] = {
        {"morning", {"morning", "mornin", NULL}},
        {"evening", {"evening", NULL}},
        {"afternoon", {"afternoon", NULL}},
        {"night", {"night", "nite", NULL}},
        {"fine", {"how are", "how r", "how's", "hows", "how you", "you ok", "you well",
                  "how have", "how do you do", "you alright", NULL}},
        {"welcome", {"thank", "thanks", "thx", "ty", "cheers", "appreciate", "ta", NULL}},
        {"goodbye", {"bye", "goodbye", "later", "cya", "see you", "see ya", "talk to you",
                     "take care", "ttyl", "gotta go", NULL}},
        {"meet", {"meet", NULL}},
        {"mnemo", {"who are you", "your name", "what are you", "who r u", "mnemo", NULL}},
    };
    if (!reply) return "Okay.";
    if (facts_has_words(msg, "good night") || facts_has_words(msg, "goodnight") ||
        facts_has_words(msg, "nite"))
        return "Good night.";
    for (size_t i = 0; i < sizeof fits / sizeof fits[0]; i++) {
        if (!facts_has_words(reply, fits[i].reply)) continue;
        for (int k = 0; fits[i].said[k]; k++)
            if (facts_has_words(msg, fits[i].said[k])) return reply;
        return "Okay.";
    }
    if (facts_has_words(reply, "hello")) {          /* greets only a greeting */
        char buf[UNDERSTAND_VALUE];
        const char *w[32];
        int n = understand_split_words(msg, " ,.;:!?", buf, sizeof buf, w, 32);
        for (int k = 0; k < n; k++)
            if (understand_in_list(understand_greetings, w[k])) return reply;
        return "Okay.";
    }
    return reply;
}

/* 1 when a fact of f was told in a sentence that says "I", "my", "we" ..., or is of the
 * user, of an animal of theirs ("two dogs at home: ...") or of kin ("wife ilse"): the
 * user has told of themselves, as no story of others does. */
static int told_of_self(const facts_t *f)
{
    for (size_t i = 0; i < f->n; i++)
        if ((f->v[i].text && says_me(f->v[i].text)) || !strcmp(f->v[i].holder, "self") ||
            dialogue_pet_word(f->v[i].holder) || understand_kin(f->v[i].holder))
            return 1;
    return 0;
}

/* The word before the first whole-word "value" in msg, past an article, into w (cap
 * bytes, lower case; "" when none). */
static void said_after(const char *msg, const char *value, char *w, size_t cap)
{
    w[0] = '\0';
    size_t vl = strlen(value);
    for (const char *at = msg; vl && (at = strstr(at, value)) != NULL; at++) {
        if ((at > msg && isalnum((unsigned char)at[-1])) || isalnum((unsigned char)at[vl]))
            continue;
        const char *e = at, *b;
        for (int article = 1; article;) {   /* past "the", "a" ("on the Metrolink") */
            while (e > msg && e[-1] == ' ') e--;
            b = e;
            while (b > msg && isalpha((unsigned char)b[-1])) b--;
            article = (e - b == 3 && !strncasecmp(b, "the", 3)) ||
                      (e - b == 1 && tolower((unsigned char)*b) == 'a');
            if (article) e = b;
        }
        size_t n = (size_t)(e - b) < cap - 1 ? (size_t)(e - b) : cap - 1;
        for (size_t k = 0; k < n; k++) w[k] = (char)tolower((unsigned char)b[k]);
        w[n] = '\0';
        return;
    }
}

/* 1 when u[i], a home of someone's, gives way to another home of theirs the message
 * tells: one in small letters to one with a capital ("drive buses ..., living in a wee flat
 * in Rochdale" read as homes "drive" and "Rochdale"), one said after "on" to one said
 * after "in" ("on Mill Lane in Selby"), any to one said after "home is". */
static int home_beaten(const char *msg, const understood_t *u, int n, int i)
{
    if (u[i].rel != READER_REL_HOME || !u[i].value[0] ||
        (unsigned char)u[i].value[0] >= 0x80)
        return 0;
    char wi[16], wj[16];
    said_after(msg, u[i].value, wi, sizeof wi);
    for (int j = 0; j < n; j++) {
        if (j == i || u[j].act != READER_FACT || u[j].rel != READER_REL_HOME ||
            !u[j].value[0] || !facts_same_holder(u[i].holder, u[j].holder) ||
            facts_same_value(u[i].value, u[j].value))
            continue;
        if (islower((unsigned char)u[i].value[0]) && isupper((unsigned char)u[j].value[0]))
            return 1;
        said_after(msg, u[j].value, wj, sizeof wj);
        if (!strcmp(wi, "on") && !strcmp(wj, "in") &&
            !islower((unsigned char)u[j].value[0]))
            return 1;
        char home_is[UNDERSTAND_VALUE + 16];    /* "... near Tromso but home is Oslo" */
        snprintf(home_is, sizeof home_is, "home is %s", u[j].value);
        if (strcmp(wi, "is") != 0 && facts_has_words(msg, home_is)) return 1;
    }
    return 0;
}

/* A name told in passing of one (u[i].name) that the message tells as another's own
 * name ("with my wife Oona and a spaniel called Rook": the dog's unit read
 * with "Niamh") is not that one's: a name names one. */
static void names_own(understood_t *u, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n && u[i].name[0]; j++)
            if (j != i && u[j].rel == READER_REL_NAME &&
                (u[j].act == READER_FACT || u[j].act == READER_CORRECTION) &&
                !facts_same_holder(u[i].holder, u[j].holder) &&
                facts_same_value(u[j].value, u[i].name))
                u[i].name[0] = '\0';
}

/* A fact of one named by a word of a job the same clause tells ("I'm a sheep shearer"
 * also read as a sheep called "shearer") is the reader's slip: no fact. */
static void holders_in_jobs(understood_t *u, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n && u[i].act == READER_FACT; j++)
            if (j != i && u[j].at == u[i].at && u[j].rel == READER_REL_JOB &&
                u[j].act == READER_FACT && strchr(u[j].value, ' ') &&
                kinds_person(strrchr(u[j].value, ' ') + 1) &&   /* (not "two rats") */
                strcmp(u[i].holder, "self") != 0 && !strchr(u[i].holder, ' ') &&
                !facts_same_holder(u[i].holder, u[j].holder) &&
                facts_has_words(u[j].value, u[i].holder))
                u[i].act = READER_SMALLTALK;
}

/* "My daughters study at Kingsmead School" read as theirs and the user's too: a unit of
 * the user's that holds the value and relation of one of a group's of theirs in the same
 * clause is no fact, unless the clause says "I", "we" or "me". */
static void of_theirs_not_mine(const char *msg, understood_t *u, int n)
{
    static const char *const me[] = {"i", "i'm", "im", "i've", "we", "we're", "me", "us",
                                     "both", NULL};
    for (int i = 0; i < n; i++) {
        if (u[i].act != READER_FACT || strcmp(u[i].holder, "self") != 0 || !u[i].value[0])
            continue;
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)u[i].len, msg + u[i].at);
        int mine = 0;
        for (int k = 0; me[k] && !mine; k++) mine = facts_has_words(text, me[k]);
        if (mine) continue;
        for (int j = 0; j < n; j++)
            if (j != i && u[j].at == u[i].at && u[j].act == READER_FACT &&
                understand_group_said(u[j].holder) && u[j].rel == u[i].rel &&
                facts_same_value(u[j].value, u[i].value)) {
                u[i].act = READER_SMALLTALK;
                break;
            }
    }
}

/* "ok so Ana and I fell out, my new bestie is Ida": a value told again that holds now
 * (Ana) beside a new one of the same holder and relation (not of one that holds several)
 * in the same message is no fact: the new one is. */
static void told_again_beside_new(const facts_t *f, understood_t *u, int n)
{
    for (int i = 0; i < n; i++) {
        if (u[i].act != READER_FACT || !u[i].value[0] ||
            facts_multi_valued(u[i].rel, u[i].relation, u[i].holder))
            continue;
        const store_memory_t *now = facts_find(f, u[i].holder, u[i].relation, NULL);
        if (!now || !facts_same_value(now->value, u[i].value)) continue;
        for (int j = 0; j < n; j++)
            if (j != i && (u[j].act == READER_FACT || u[j].act == READER_CORRECTION) &&
                u[j].rel == u[i].rel && facts_same_holder(u[j].holder, u[i].holder) &&
                u[j].value[0] && !facts_same_value(u[j].value, u[i].value) &&
                facts_same_relation(u[j].relation, u[i].relation)) {
                u[i].act = READER_SMALLTALK;
                break;
            }
    }
}

/* "Tomo is 8 and Vesna is 5" from one who speaks of themselves: the age of someone
 * named without a word of kin (the kids of "we have two") is a fact of that one's own,
 * keyed by the name as told (the holder of a group's member, facts.h), when no fact
 * names them yet. */
static void named_age(const facts_t *f, const char *msg, understood_t *u)
{
    const char *h = u->holder;
    if (u->act != READER_FACT || u->personal || u->rel != READER_REL_AGE ||
        !isdigit((unsigned char)u->value[0]) || atoi(u->value) > 120 || !h[0] ||
        strchr(h, ' ') || !strcmp(h, "self") || understand_kin(h) || dialogue_pet_word(h) ||
        understand_pronoun(h) || lex_is_stopword(h) || !(says_me(msg) || told_of_self(f)))
        return;
    const char *at = facts_words_at(msg, h);    /* a name as the user wrote it */
    if (!at || !isupper((unsigned char)*at)) return;
    /* said right after the name: "Vesna is 5", "Vesna's 5", "Vesna turned 5" (not "Boat's
     * a 12 foot dinghy with a Suzuki 40"), and no span of weeks or months after it */
    static const char *const verbs[] = {"'s ", "\u2019s ", " is ", " turned ", " just turned ",
                                        " turns ", NULL};
    const char *v = at + strlen(h);
    size_t vl = 0;
    for (int k = 0; verbs[k] && !vl; k++)
        if (!strncmp(v, verbs[k], strlen(verbs[k]))) vl = strlen(verbs[k]);
    if (!vl || strncmp(v + vl, u->value, strlen(u->value)) != 0) return;
    char unit[16];
    const char *after = v + vl + strlen(u->value);
    if (isalnum((unsigned char)*after)) return;
    while (*after == ' ') after++;
    size_t ul = strcspn(after, " ,.!?;");
    snprintf(unit, sizeof unit, "%.*s", (int)(ul < sizeof unit ? ul : 0), after);
    for (char *c = unit; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (understand_in_list(understand_time_units, unit) && strcmp(unit, "years") != 0 &&
        strcmp(unit, "year") != 0 && strcmp(unit, "yrs") != 0)
        return;
    u->personal = 1;
    u->holder[0] = (char)toupper((unsigned char)u->holder[0]);
}

/* "the library in Bruges next month": when a place of the user's starts to be theirs is
 * none of it (cut from u's value). */
static void when_is_no_place(understood_t *u)
{
    static const char *const when[] = {" next week", " next month", " next year",
                                       " this week", " this month", " this year", " tomorrow",
                                       " soon", " for now", " next", NULL};
    if (u->rel != READER_REL_HOME && u->rel != READER_REL_WORKPLACE &&
        u->rel != READER_REL_EMPLOYER && u->rel != READER_REL_SCHOOL)
        return;
    for (int k = 0; when[k]; k++) {
        size_t vl = strlen(u->value), wl = strlen(when[k]);
        if (vl > wl + 1 && !strcasecmp(u->value + vl - wl, when[k])) {
            u->value[vl - wl] = '\0';
            static const char *const from[] = {" from", " starting", " as of", NULL};
            for (int j = 0; from[j]; j++) {     /* ("Hopfenhaus from next month") */
                size_t nl = strlen(u->value), fl = strlen(from[j]);
                if (nl > fl + 1 && !strcasecmp(u->value + nl - fl, from[j]))
                    u->value[nl - fl] = '\0';
            }
            return;
        }
    }
}

/* 1 when u[i] is read from a clause that recalls what the user said before
 * (checks_recalls: "hang on, I told you Hull") and a later clause of the message puts
 * it right: what it recalls is no new fact. */
static int put_right_after(const char *msg, const understood_t *u, int n, int i)
{
    int put_right = 0;
    for (int j = i + 1; j < n && !put_right; j++)
        put_right = u[j].at > u[i].at && u[j].act == READER_CORRECTION && u[j].old[0] &&
                    facts_same_value(u[j].old, u[i].value);
    if (!put_right) return 0;
    char text[512];
    snprintf(text, sizeof text, "%.*s", (int)u[i].len, msg + u[i].at);
    return checks_recalls(text);
}

void respond_plan(const facts_t *f, const char *msg, understood_t *u, int n,
                  const char *smalltalk, respond_t *out)
{
    memset(out, 0, sizeof *out);
    out->kind = MODEL_KIND_OTHER;
    int personal = 0, small = 0;
    for (int i = 0; i < n; i++) {
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)u[i].len, msg + u[i].at);
        checks_clause(f, msg, u, i, text, &u[i]);
        named_age(f, msg, &u[i]);
        /* "how old is granny now?" read with the holder "grandmother now": a word of
         * time after the holder's is none of it */
        static const char *const of_time[] = {" now", " again", " nowadays", " today",
                                              " currently", NULL};
        for (int k = 0; of_time[k]; k++) {
            size_t hl = strlen(u[i].holder), tl = strlen(of_time[k]);
            if (hl > tl && !strcmp(u[i].holder + hl - tl, of_time[k]))
                u[i].holder[hl - tl] = '\0';
        }
        /* "accountant lah", "a plumber innit", "Bergen instead": a word that only ends
         * the sentence is none of the value */
        static const char *const ending[] = {"lah", "leh", "lor", "liao", "la", "eh", "innit",
                                             "lol", "haha", "tho", "mate", "bro", "sha", "o",
                                             "abi", "sia", "na", "instead", NULL};
        char *last = strrchr(u[i].value, ' ');
        char before[UNDERSTAND_VALUE] = "";     /* (but a "second mate" is a job) */
        if (last) {
            snprintf(before, sizeof before, "%.*s", (int)(last - u[i].value), u[i].value);
            char *sp = strrchr(before, ' ');
            if (sp) memmove(before, sp + 1, strlen(sp + 1) + 1);
        }
        int place = u[i].rel == READER_REL_HOME || u[i].rel == READER_REL_HOMETOWN ||
                    u[i].rel == READER_REL_WORKPLACE || u[i].rel == READER_REL_EMPLOYER ||
                    u[i].rel == READER_REL_SCHOOL;
        if (last && ((understand_in_list(ending, last + 1) &&
                      !(!strcmp(last + 1, "mate") && u[i].rel == READER_REL_JOB &&
                        !kinds_person(before))) ||
                     (place && islower((unsigned char)last[1]) && lex_is_stopword(last + 1))))
            *last = '\0';      /* (nor is a function word after a place: "Lerwick till") */
        /* a fact too unsure to keep as one, or read in a clause the gate takes for chat
         * from a user who says "I" or has told of themselves (but the name of someone or
         * a pet of the user's is kept: "my ex Tomasz keeps ringing me"; and the stories
         * of others the memory network keeps, bAbI's "John went to the hallway", never
         * say "I") */
        int named = u[i].rel == READER_REL_NAME &&
                    (understand_kin(u[i].holder) || dialogue_pet_word(u[i].holder));
        if (u[i].act == READER_FACT &&
            (u[i].act_p < u[i].fact_min_p ||
             (u[i].gated && (from_a_person(msg) || told_of_self(f)) && !named &&
              u[i].fact_min_p > 0)))
            u[i].act = READER_SMALLTALK;
        /* a statement of nobody's ("the hail is the size of peas", "the bus broke down
         * twice") from a user who says "I" in it or has told of themselves is their
         * chat: the stories of others the memory network keeps never say "I" */
        if (u[i].act == READER_FACT && !u[i].personal && !u[i].value[0] &&
            (says_me(msg) || told_of_self(f)))
            u[i].act = READER_SMALLTALK;
        /* and so is one whose value its relation cannot hold or its words do not tell
         * ("Dutch spelling is very hard" read as a job) */
        if (u[i].act == READER_FACT && !u[i].personal && u[i].value[0] && !u[i].settled &&
            (says_me(msg) || told_of_self(f))) {
            char text[512];
            snprintf(text, sizeof text, "%.*s", (int)u[i].len, msg + u[i].at);
            if (!checks_fits(u[i].rel, u[i].holder, u[i].value) ||
                !checks_cued(u[i].rel, u[i].holder, u[i].value, text))
                u[i].act = READER_SMALLTALK;
        }
        /* "mo, 52, work at the depot": a fact with no subject in a clause that names
         * the user or tells their age is theirs too */
        for (int j = 0; j < n && u[i].act == READER_FACT && !u[i].personal &&
                        !strcmp(u[i].holder, "self");
             j++)
            if (j != i && u[j].at == u[i].at && u[j].personal && u[j].act == READER_FACT &&
                !strcmp(u[j].holder, "self") &&
                (u[j].rel == READER_REL_NAME || u[j].rel == READER_REL_AGE))
                u[i].personal = 1;
        /* "my ex, Marit, still calls round for the post": a name told in passing of
         * someone or a pet of the user's is kept though the clause is chat */
        if (u[i].act == READER_SMALLTALK && u[i].name[0] &&
            (understand_kin(u[i].holder) || dialogue_pet_word(u[i].holder))) {
            u[i].act = READER_FACT;
            u[i].rel = READER_REL_NAME;
            snprintf(u[i].relation, sizeof u[i].relation, "%s",
                     reader_rel_name(READER_REL_NAME));
            snprintf(u[i].value, sizeof u[i].value, "%s", u[i].name);
            u[i].name[0] = '\0';
            u[i].personal = 1;
        }
        int act = u[i].act;
        personal |= (act == READER_SUMMARY || act == READER_FORGET || act == READER_UNABLE ||
                     u[i].personal) && act != READER_SMALLTALK;
        small |= act == READER_SMALLTALK;
    }
    out->handled = personal;
    understand_mend_town_of_work(msg, u, n);    /* "a dev at an agency in Lagos" */
    for (int i = 0; i < n; i++) when_is_no_place(&u[i]);   /* "... in Bruges next month" */
    names_own(u, n);        /* "with my wife Oona and a spaniel called Rook" */
    holders_in_jobs(u, n);  /* "I'm a sheep shearer" read with a sheep too */
    of_theirs_not_mine(msg, u, n);      /* "My daughters study at ..." read as mine too */
    told_again_beside_new(f, u, n);     /* "Ana and I fell out, my new bestie is Ida" */
    int summarised = 0;     /* "what do you know about my family and me?": the summary
                             * answers the question clauses beside it */
    for (int i = 0; i < n; i++) summarised |= u[i].act == READER_SUMMARY;
    for (int i = 0; personal && i < n; i++) {
        char text[512];
        snprintf(text, sizeof text, "%.*s", (int)u[i].len, msg + u[i].at);
        out->clause = i;
        switch (u[i].act) {
        case READER_FACT:
            if (home_beaten(msg, u, n, i)) break;  /* "on Mill Lane in Selby" */
            if (put_right_after(msg, u, n, i)) break;   /* "earlier I said Hull - ..." */
            /* "the latex allergy, please forget it": named to be forgotten, not told */
            if (i + 1 < n && u[i + 1].act == READER_FORGET &&
                facts_same_holder(u[i].holder, u[i + 1].holder) && u[i].rel == u[i + 1].rel &&
                facts_same_value(u[i].value, u[i + 1].value))
                break;
            if (u[i].personal) fact(out, f, text, &u[i]);
            break;
        case READER_CORRECTION:
            if (vague_before_told(f, u, n, i)) break;     /* "correction, we left Bundaberg,
                                                         * we settled in Mackay now" */
            correction(out, f, text, &u[i]);
            break;
        case READER_YESNO:
            /* "am I allergic to anything?" asks what: every value told */
            if (!u[i].value[0] && asks_any(text)) u[i].act = READER_QUESTION;
            /* fall through */
        case READER_QUESTION:
            if (!u[i].personal || summarised || answered_after(u, n, i)) break;
            if (begins_yes_no(text) && name_is_whom(out, f, text)) break;
            if (kept_from(out, f, text)) break;         /* "can I eat butter?" of a vegan */
            if (asks_any(text) && begins_yes_no(text) && facts_has_words(text, "intolerances"))
                intolerance_asked(f, &u[i]);
            if (asks_any(text) && begins_yes_no(text) &&
                (!u[i].value[0] || !strcasecmp(u[i].value, "pets") ||
                 !strcasecmp(u[i].value, "animals")))
                question_any(out, f, text, &u[i]);
            else question(out, f, text, &u[i]);
            break;
        case READER_FORGET:
            /* "forget Ivo. delete him from your memory": the second asks the first again;
             * its pronoun is not whom the user's facts last spoke of */
            if (said_again(u, i, text)) break;
            forget(out, f, text, &u[i]);
            break;
        case READER_SUMMARY: summary(out, f, u[i].holder); break;
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
        size_t all = strlen(out->reply), told = strlen(rest);  /* the gaps moved on */
        int whole = all >= told && !strcmp(out->reply + all - told, rest);
        for (int g = 0; g < out->ngap; g++) out->gap[g].from += all - told;
        if (!whole) out->ngap = 0;
        set_kind(out, MODEL_KIND_STATEMENT);
    }
    int asked = 0;
    for (int i = 0; i < n; i++)
        asked |= (u[i].act == READER_QUESTION || u[i].act == READER_YESNO) && u[i].personal;
    if (personal && !out->reply[0] && asked) {     /* a question is never answered "Okay." */
        realise_frame_t none = {"self", READER_REL_OPEN, NULL, NULL};
        char buf[256];
        say(out, realise_unknown(buf, sizeof buf, &none));
    }
    if (personal && !out->reply[0]) {
        realise_sentence(out->reply, sizeof out->reply, small ? chat_reply(msg, smalltalk) : "Okay.");
    }
    if (!personal && small && n > 0) {  /* only small talk: answered, never stored */
        out->handled = 1;
        int chat_question = n == 1 && asks_as_chat(msg);
        int about_me = 0;
        for (int i = 0; me[i] && !about_me; i++) about_me = facts_has_words(msg, me[i]);
        if (!smalltalk && about_me && strchr(msg, '?')) {
            /* a question about the user nothing answers is not "Okay." */
            realise_frame_t none = {"self", READER_REL_OPEN, NULL, NULL};
            realise_unknown(out->reply, sizeof out->reply, &none);
        } else {
            realise_sentence(out->reply, sizeof out->reply, chat_reply(msg, smalltalk));
        }
        if (chat_question)
            out->gap[out->ngap++] = (respond_gap_t){0, 0, strlen(out->reply), 0, 1};
    }
    /* a person's message the gate is sure tells a fact, in which the reader found
     * nothing to keep, ask or do ("Top mare is Juniper.", "finished my first marathon!!"):
     * kept as told, unframed; the user's words can answer later (quote.h) */
    int acted = out->nw || out->nforget || out->answered || out->unanswered || out->ngap ||
                out->summarised || asked;
    for (int i = 0; i < n; i++)     /* (nor one that tells what someone else thinks) */
        acted |= u[i].act == READER_FORGET || u[i].act == READER_SUMMARY ||
                 u[i].act == READER_UNABLE || u[i].act == READER_CORRECTION || u[i].hearsay;
    if (!acted && n > 0 && u[0].msg_chat_p >= 0 && u[0].msg_chat_p < RESPOND_GATE_FACT_P &&
        !asks_unmarked(msg) && (from_a_person(msg) || told_of_self(f)))
        out->fact_by_gate = 1;
    /* "when's darts again?" read as nobody's, or any question of a user who has told
     * of themselves (bAbI's stories never say "I" or "my"): the memory network answers
     * it unless what the user said does (the quote then handles the turn) */
    if (!out->handled && n == 1 && (u[0].act == READER_QUESTION || u[0].act == READER_YESNO) &&
        asks_as_chat(msg) && (asks_when(msg) || told_of_self(f))) {
        size_t len = 0;
        if (asks_when(msg) && told_of_self(f)) {
            /* no story is asked when: the network has no word for it, and "I don't know"
             * stands unless what the user said answers */
            realise_frame_t none = {"self", READER_REL_OPEN, NULL, NULL};
            len = strlen(realise_unknown(out->reply, sizeof out->reply, &none));
            out->handled = 1;
            set_kind(out, MODEL_KIND_ANSWER);
        }
        out->gap[out->ngap++] = (respond_gap_t){0, 0, len, 0, 1};
    }
}

int respond_asked_not_told(respond_t *p, int kind, const char *msg, const char *reply,
                           int grounded)
{
    grounded |= (!strcasecmp(reply, "yes") || !strcasecmp(reply, "no")) && begins_yes_no(msg);
    if (p->handled || !p->ngap || !p->gap[0].chat ||
        !(kind == MODEL_KIND_STATEMENT || (kind == MODEL_KIND_ANSWER && !grounded)))
        return 0;
    realise_frame_t none = {"self", READER_REL_OPEN, NULL, NULL};
    realise_unknown(p->reply, sizeof p->reply, &none);
    p->answer[0] = '\0';
    p->ngap = 0;
    p->unanswered++;
    p->handled = 1;
    set_kind(p, MODEL_KIND_ANSWER);
    return 1;
}

void respond_one_verdict(respond_t *r, const char *msg)
{
    /* one question, asked once: no second question mark, no second verb that asks
     * ("is Ana 30 and is she a nurse?" asks twice, and is answered twice) */
    const char *q = strchr(msg, '?');
    if (!q || strchr(q + 1, '?')) return;
    static const char *const again[] = {"and is", "and am", "and are", "and does", "and do",
                                        "and did", "and has", "and have", "and was", NULL};
    for (int k = 0; again[k]; k++)
        if (facts_has_words(msg, again[k])) return;
    char *rep = r->reply;
    int yes = !strncmp(rep, "Yes, ", 5) || strstr(rep, ". Yes, ") != NULL;
    int no = !strncmp(rep, "No, ", 4) || strstr(rep, ". No, ") != NULL;
    if (!yes || !no) return;
    for (size_t at = 0; rep[at];) {     /* each "Yes, ..." sentence out, to the next one */
        if (strncmp(rep + at, "Yes, ", 5) != 0 || (at && rep[at - 1] != ' ')) {
            at++;
            continue;
        }
        size_t end = at + 5;
        while (rep[end] && !(rep[end] == '.' && (!rep[end + 1] ||
                                                  (rep[end + 1] == ' ' &&
                                                   isupper((unsigned char)rep[end + 2])))))
            end++;
        end += rep[end] == '.';
        end += rep[end] == ' ';
        for (int g = 0; g < r->ngap; g++)
            if (r->gap[g].from < end && r->gap[g].from + r->gap[g].len > at) return;
        size_t cut = end - at;
        memmove(rep + at, rep + end, strlen(rep + end) + 1);
        for (int g = 0; g < r->ngap; g++)
            if (r->gap[g].from >= end) r->gap[g].from -= cut;
    }
    size_t rl = strlen(rep);
    while (rl && rep[rl - 1] == ' ') rep[--rl] = '\0';
    if (!strcasecmp(r->answer, "yes")) snprintf(r->answer, sizeof r->answer, "no");
}

/* The measure word a Chinese question counts or ages by ("几只猫": 只; "多大", "几岁":
 * 岁) into out (cap bytes), 1 when it has one. */
static int measure_asked(const char *msg, char *out, size_t cap)
{
    if (strstr(msg, "多大") || strstr(msg, "几岁") || strstr(msg, "年纪") || strstr(msg, "年龄")) {
        snprintf(out, cap, "岁");
        return 1;
    }
    const char *at = strstr(msg, "几");
    if (!at) at = strstr(msg, "多少");
    if (!at) return 0;
    at += !strncmp(at, "几", 3) ? 3 : 6;
    if ((unsigned char)at[0] < 0xE0 || !at[1] || !at[2] || !strncmp(at, "？", 3)) return 0;
    snprintf(out, cap, "%.3s", at);                     /* (one character) */
    return 1;
}

void respond_verdict_zh(respond_t *r, const char *msg)
{
    if (!understand_chinese(msg, strlen(msg))) return;
    char said[32] = "";     /* an age or count said with its measure word: "26岁。" */
    long v;
    char unit[8];
    int zh_numeral = (unsigned char)r->answer[0] >= 0xE0 && strlen(r->answer) <= 9 &&
                     understand_has_number(r->answer);      /* (三, 十五: as told) */
    if (r->answer[0] && measure_asked(msg, unit, sizeof unit)) {
        if (zh_numeral && !strstr(r->answer, unit))
            snprintf(said, sizeof said, "%.9s%s。", r->answer, unit);
        else if (!zh_numeral && understand_number(r->answer, &v) && v >= 0)
            snprintf(said, sizeof said, "%ld%s。", v, unit);
    }
    const char *zh = !strncmp(r->reply, "Yes", 3) && !isalpha((unsigned char)r->reply[3])
                         ? "是的。"
                     : !strncmp(r->reply, "No", 2) && !isalpha((unsigned char)r->reply[2])
                         ? "不是。"
                     : said[0] ? said
                               : NULL;
    size_t zl = zh ? strlen(zh) : 0, rl = strlen(r->reply);
    if (!zh || rl + zl + 1 > sizeof r->reply) return;
    memmove(r->reply + zl, r->reply, rl + 1);
    memcpy(r->reply, zh, zl);
    for (int g = 0; g < r->ngap; g++) r->gap[g].from += zl;     /* (the gaps move on) */
}
