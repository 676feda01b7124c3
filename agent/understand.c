/* understand.c: a message read clause by clause (understand.h). The reader decides the
 * act, the relation and which words are holder, relation, value, old value and name;
 * this file turns those spans into keys: a holder without its possessive and with kin
 * words in one form (a capitalised name at its end set apart), the value in the writer's
 * own spelling, recovered from the clause text. Where the reader's output contradicts
 * itself or the clause's own words, it is mended first, by rules that read form, not
 * meaning: an act its words rule out (a question with no question mark nor asking word,
 * small talk whose tags tell a fact or a name after "I'm"), spans begun twice or cut
 * inside one value, a list read as one value, a date ended at its day, a place of work
 * or study ended before its noun ("a tyre shop"), how long read as how old, a job read as a
 * holder ("Yusuf's a dentist"), a nationality read as a name, a place after "from". The
 * units so read are then mended by understand_mend.c, and the forms the reader does not
 * mark at all ("married to Ines", measures) are read by forms.c. */
#include "agent/understand.h"
#include "agent/understand_internal.h"
#include "agent/plain.h"
#include "agent/understand_mend.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/roster.h"
#include "model/dialogue.h"
#include "model/model.h"
#include "model/lexical.h"
#include "model/vocab.h"

/* Words that join values and end no name ("Pixel and"). */
static const char *const conjunctions[] = {"and", "or", "&", "plus", "n", "和", "或", NULL};

/* The words of the span tagged b/i starting at or after *from: [*s, *e) (0 when none). */
static int span(const unsigned char *tags, int n, int b, int i_tag, int from, int *s, int *e)
{
    for (int k = from; k < n; k++) {
        if (tags[k] != b && tags[k] != i_tag) continue;
        *s = k;
        for (*e = k + 1; *e < n && tags[*e] == i_tag; (*e)++) {}
        return 1;
    }
    return 0;
}

/* The relation key: the class's name, or an open relation's words less the verbs: those
 * of the last relation span before the value at `at` ("live in Addis and [teach]
 * English": teach), or every relation word of the clause when that span is only glue or
 * there is no value. A favourite is a relation of its own, with one value, not one more
 * thing liked: the key is "favourite" and the words after it in its span ("my absolute
 * fave food is paella, would have it daily": "favourite food"). */
static void relation_key(int rel, const char *const *words, const unsigned char *tags, int n,
                         int at, char *key, size_t len)
{
    static const char *const glue[] = {"is", "are", "was", "'s", "s", "my", "our", "the",
                                       "called", "named", "name", "叫", "是", NULL};
    static const char *const favourite[] = {"favourite", "favorite", "fave", "fav", NULL};
    key[0] = '\0';
    int from = 0, to = n;       /* the relation words to key on (a favourite's: from it) */
    if (rel == READER_REL_LIKES) {
        for (from = 0; from < n; from++)
            if ((tags[from] == READER_B_REL || tags[from] == READER_I_REL) &&
                understand_in_list(favourite, words[from]))
                break;
        for (to = from + 1; to < n && tags[to] == READER_I_REL; to++) {}
    }
    if (rel != READER_REL_OPEN && (rel != READER_REL_LIKES || from >= n)) {
        snprintf(key, len, "%s", reader_rel_name(rel));
        return;
    }
    int last = -1;              /* the last relation span before the value */
    for (int k = 0; rel == READER_REL_OPEN && k < at && k < n; k++)
        if (tags[k] == READER_B_REL) last = k;
    for (int pass = last >= 0 ? 0 : 1; pass < 2 && !key[0]; pass++) {
        int a = from, b = to;
        if (pass == 0)
            for (a = last, b = last + 1; b < n && tags[b] == READER_I_REL; b++) {}
        size_t kat = 0;
        for (int k = a; k < b; k++) {
            if ((tags[k] != READER_B_REL && tags[k] != READER_I_REL) ||
                understand_in_list(glue, words[k]))
                continue;
            const char *word =
                understand_in_list(favourite, words[k]) ? UNDERSTAND_FAVOURITE : words[k];
            int space =
                kat && !(understand_is_cjk(word) && k > a && understand_is_cjk(words[k - 1]));
            int w = snprintf(key + kat, kat < len ? len - kat : 0, "%s%s", space ? " " : "",
                             word);
            if (w > 0) kat += (size_t)w;
            if (kat >= len) break;
        }
    }
    size_t kl = strlen(key);    /* "my favourite film [of] all time": the film's */
    if (kl > 3 && !strcmp(key + kl - 3, " of")) key[kl - 3] = '\0';
}

/* A favourite read as a like is an open relation of its own ("favourite food"). */
static void favourite_rel(understood_t *u)
{
    if (u->rel == READER_REL_LIKES && strcmp(u->relation, reader_rel_name(u->rel)) != 0)
        u->rel = READER_REL_OPEN;
}

/* 1 when value, as written in c[0, cn), is followed by punctuation ("Czech, living in
 * Vienna"). */
static int punctuated_after(const char *c, size_t cn, const char *value)
{
    long at = value[0] ? understand_text_at(c, cn, value) : -1;
    if (at < 0) return 0;
    size_t j = (size_t)at + strlen(value);
    while (j < cn && c[j] == ' ') j++;
    return j < cn && strchr(",.;:!?", c[j]) != NULL;
}

/* 1 when a bare number read as a value of rel is an age: for a name, a place, a firm, a
 * school, a job, a language, a date or a kind, written in digits or in words ("I'm 27"
 * is no birthday, "Maisie who's 12" no kind); for the other classes but an open relation (a
 * phone number, a shoe size), in digits ("my grandma Maud is 95" is no diet; "with our
 * two cats" no age). */
static int number_is_age(int rel, const char *w)
{
    switch (rel) {
    case READER_REL_NAME: case READER_REL_HOME: case READER_REL_HOMETOWN:
    case READER_REL_WORKPLACE: case READER_REL_EMPLOYER: case READER_REL_SCHOOL:
    case READER_REL_JOB: case READER_REL_LANGUAGE: case READER_REL_BIRTHDAY:
    case READER_REL_KIND:
        return 1;
    case READER_REL_AGE: case READER_REL_OPEN:
        return 0;
    default:
        return isdigit((unsigned char)w[0]);
    }
}

/* The relation most of the value words [s, e) were read as (the clause's when the
 * reader gave none). */
static int span_rel(const unsigned char *vrels, int s, int e, int rel)
{
    int count[READER_NRELS] = {0}, best = rel;
    for (int k = s; k < e; k++)
        if (vrels[k] < READER_NRELS) count[vrels[k]]++;
    for (int k = 0; k < READER_NRELS; k++)
        if (count[k] > count[best]) best = k;
    return best;
}


/* 1 when s holds punctuation or a space (ASCII, or the fullwidth and CJK marks). */
static int has_break(const char *s)
{
    static const char *const marks[] = {"，", "。", "！", "？", "、", "；", "：", NULL};
    for (const char *p = s; *p; p++)
        if (*p == ' ' || *p == ',' || *p == '.' || *p == '!' || *p == '?' || *p == ';')
            return 1;
    for (int i = 0; marks[i]; i++)
        if (strstr(s, marks[i])) return 1;
    return 0;
}

/* The end of the value [s, e) with the value spans right after it that the reader cut
 * from it inside one value ("Mr | Pickles", "Earl | Grey", 芒 | 果): of the same relation;
 * words with nothing between but a space, ideographs with nothing between at all (a
 * list mark keeps 中文、英语 two values: split_cjk_list). */
static int join_values(const char *c, size_t cn, const char *const *words,
                       const unsigned char *tags, const unsigned char *vrels, int n, int s,
                       int e)
{
    while (e < n && tags[e] == READER_B_VALUE && vrels[e] == vrels[s]) {
        int cjk = understand_is_cjk(words[e]);
        if (cjk != understand_is_cjk(words[e - 1])) break;
        int e2 = e + 1;
        while (e2 < n && tags[e2] == READER_I_VALUE) e2++;
        char joined[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, e2, joined, sizeof joined);
        size_t jl = strlen(joined), wl = strlen(words[e2 - 1]);
        if (cjk ? has_break(joined)
                : jl < wl || strncasecmp(joined + jl - wl, words[e2 - 1], wl) != 0)
            break;
        e = e2;
    }
    return e;
}

/* 1 when w is a day of a month: 1..31 in digits, with or without st/nd/rd/th. */
static int day_word(const char *w)
{
    char *end;
    long d = strtol(w, &end, 10);
    if (end == w || d < 1 || d > 31) return 0;
    return !*end || !strcasecmp(end, "st") || !strcasecmp(end, "nd") || !strcasecmp(end, "rd") ||
           !strcasecmp(end, "th");
}

int understand_date(const char *text, int *day, int *month)
{
    static const struct {
        const char *name;
        int day, month;
    } named[] = {{"christmas eve", 24, 12}, {"christmas day", 25, 12}, {"christmas", 25, 12},
                 {"boxing day", 26, 12}, {"new year's eve", 31, 12}, {"new years eve", 31, 12},
                 {"new year's day", 1, 1}, {"new years day", 1, 1},
                 {"valentine's day", 14, 2}, {"valentines day", 14, 2},
                 {"halloween", 31, 10}, {"st patrick's day", 17, 3}};
    *day = *month = 0;
    char low[128];
    size_t n = 0;
    for (; text[n] && n + 1 < sizeof low; n++) low[n] = (char)tolower((unsigned char)text[n]);
    low[n] = '\0';
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        const char *p = strstr(low, named[i].name);
        size_t k = strlen(named[i].name);
        if (p && (p == low || !isalnum((unsigned char)p[-1])) && !isalnum((unsigned char)p[k])) {
            *day = named[i].day, *month = named[i].month;
            return 1;
        }
    }
    /* a day number and a month word in either order ("March 3rd", "the 3rd of march") */
    char w[32];
    for (const char *p = low; *p;) {
        while (*p && !isalnum((unsigned char)*p)) p++;
        size_t k = 0;
        while (p[k] && isalnum((unsigned char)p[k])) k++;
        if (!k) break;
        snprintf(w, sizeof w, "%.*s", (int)(k < sizeof w ? k : sizeof w - 1), p);
        if (!*month) *month = understand_month(w);
        if (!*day && day_word(w)) *day = (int)strtol(w, NULL, 10);
        p += k;
    }
    if (*day && *month) return 1;
    *day = *month = 0;
    return 0;
}

/* The end of a date value [s, e) the reader ended after its day or its month: the
 * untagged month after a day ("the [19th] of august") or day after a month ("[august] 19"). */
static int date_end(const char *const *words, const unsigned char *tags, int n, int s, int e)
{
    int day = 0, month = 0;
    for (int k = s; k < e; k++) day |= day_word(words[k]), month |= understand_month(words[k]);
    if (day == month) return e;
    int k = e;
    if (day && k < n && tags[k] == READER_O && !strcasecmp(words[k], "of")) k++;
    if (k < n && tags[k] == READER_O && (day ? understand_month(words[k]) : day_word(words[k])))
        return k + 1;
    return e;
}

/* The holder of the words from `at`: the last holder span that starts before it, else
 * the first one; its key in key, whether it is the user's in *personal. A capitalised
 * last word after other words of the span is the holder's name, not part of the key
 * ("grandad Arthur's 91": grandfather, named Arthur; "I'm Tobi, 33": the user, named
 * Tobi), as is a capitalised word the reader left untagged right after the span ("my
 * dad Stan drives"); *name_at is its index, else -1. */
static void holder_of(const char *const *words, const unsigned char *tags,
                      const unsigned char *caps, int n, int at, int name, char *key,
                      size_t len, int *personal, int *name_at)
{
    int s = -1, e = -1, hs, he, rel_at = -1;
    for (int k = 0; k < at && rel_at < 0; k++)
        if (tags[k] == READER_B_REL) rel_at = k;
    for (int from = 0; span(tags, n, READER_B_HOLDER, READER_I_HOLDER, from, &hs, &he);
         from = he) {
        if (hs > at && s >= 0) break;   /* a holder after the value is another's */
        /* a possessive after the relation describes the value ("my favourite food is
         * [my dad's] beef stew"): the holder is the one before the relation */
        if (s >= 0 && s < rel_at && hs > rel_at && he <= at && vocab_possessive(words[he - 1]))
            break;
        /* someone "with" whom the holder does it is company ("I live with [my flatmates]
         * in Exeter": the user lives there), though the names after it are theirs */
        if (!name && s >= 0 && hs > 0 && !strcasecmp(words[hs - 1], "with")) continue;
        s = hs, e = he;
        if (hs > at) break;             /* none before: the first after ("is [H mine]") */
    }
    *personal = 0;
    *name_at = -1;
    if (s >= 0) {
        if (e - s >= 2 && caps[e - 1] && !understand_is_cjk(words[e - 1])) *name_at = --e;
        else if (e < n && tags[e] == READER_O && caps[e] && !understand_is_cjk(words[e]) &&
                 !understand_in_list(understand_personal_words, words[e]) &&
                 !understand_in_list(understand_empty_words, words[e]))
            *name_at = e;               /* "my dad Stan drives buses": Stan untagged */
        understand_holder(words + s, e - s, key, len);
        if (*name_at < 0 && e < n && !understand_kin(key) && !dialogue_pet_word(key)) {
            char longer[UNDERSTAND_KEY];  /* "my best [mate]": a kin word cut after its
                                           * first word */
            understand_holder(words + s, e - s + 1, longer, sizeof longer);
            if (understand_kin(longer)) snprintf(key, len, "%s", longer), e++;
        }
        size_t wl = e < n ? strlen(words[e]) : 0;
        static const char *const rel_nouns[] = {"name", "names", "age", "birthday", "job",
                                                "address", "surname", "nickname", "breed",
                                                "school", NULL};
        /* "whats my dogs name": a kin or pet word with an s and no apostrophe before what
         * of theirs is asked or told is the one's ("wifes" the wife's) */
        size_t kl = strlen(key);
        if (e < n && kl > 3 && kl < 32 && key[kl - 1] == 's' &&
            understand_in_list(rel_nouns, words[e])) {
            char one[32];
            const char *w1[1] = {one};
            char single[UNDERSTAND_KEY];
            snprintf(one, sizeof one, "%.*s", (int)(kl - 1), key);
            if (strchr(key, ' ')) snprintf(single, sizeof single, "%s", one);  /* "best friends" */
            else understand_holder(w1, 1, single, sizeof single);
            if (understand_kin(single) || dialogue_pet_word(single))
                snprintf(key, len, "%s", single);
        }
        if (*name_at < 0 && e + 1 < n && !caps[e] &&
            (tags[e] == READER_O ||
             (tags[e] == READER_B_REL && !understand_in_list(rel_nouns, words[e]))) &&
            (understand_kin(key) || dialogue_pet_word(key)) && isalpha((unsigned char)words[e][0]) &&
            (!strcmp(words[e + 1], "is") || !strcmp(words[e + 1], "was")) &&
            !lex_is_stopword(words[e]) && !understand_in_list(understand_empty_words, words[e]) &&
            !understand_pronoun(words[e]) && !(wl > 2 && !strcmp(words[e] + wl - 2, "ly")))
            *name_at = e;               /* "my dog scout is three": a name typed small */
        /* "my sister", "i", a holder after a first-person word ("i've got a dog"), or a
         * kin word with a name ("grandad Arthur") */
        /* ... or a kin word alone, first in the clause, that something is told of
         * ("sister's called mo"; "bro the new game is mid" calls someone bro) */
        static const char *const told_of[] = {"is", "was", "called", "named", "lives",
                                              "works", "has", "just", NULL};
        static const char *const calling[] = {"bro", "sis", "mate", "pal", "man", NULL};
        /* ... or first with a name after it ("husband Piotr runs the cafe with me") */
        int named = e < n && (tags[e] == READER_B_NAME || tags[e] == READER_B_VALUE || caps[e]) &&
                    !lex_is_stopword(words[e]) && !understand_is_cjk(words[e]);
        *personal = !strcmp(key, "self") || (*name_at >= 0 && understand_kin(key)) ||
                    (s == 0 && understand_kin(key) && !understand_in_list(calling, words[0]) &&
                     (vocab_possessive(words[e - 1]) || named ||
                      (e < n && understand_in_list(told_of, words[e]))));
        for (int k = 0; k <= s && !*personal; k++)
            *personal = understand_in_list(understand_personal_words, words[k]);
        return;
    }
    snprintf(key, len, "self");     /* no holder: the user's when they speak of themselves */
    for (int k = 0; k < n && !*personal; k++)
        *personal = understand_in_list(understand_personal_words, words[k]);
    /* else someone spoken of as he, she or they ("he works as a welder"): the pronoun is
     * the key until the message or the facts say whom it means (facts.h) */
    for (int k = 0; k < n && !*personal; k++) {
        const char *p = understand_pronoun(words[k]);
        if (p) {
            snprintf(key, len, "%s", p);
            break;
        }
    }
}

/* Chinese has no spaces to end a value: a CJK value the reader ended early takes the
 * untagged ideographs after it, up to a sentence particle or a conjunction
 * ("我的猫叫小白吗": 小白; "法语和一点德语": 法语). */
static const char *const cjk_particles[] = {"吗", "呢", "了", "吧", "啊", "的", "呀", "哦",
                                           "和", "与", "跟", "或", "及", "还", "也", NULL};

/* The end of a Chinese value [s, e) that goes on through untagged ideographs into the
 * next value of its relation the reader began (工 | 程 | 师: one word, 工程师), with no
 * particle or punctuation between;
 * the ideographs taken are tagged inside the value. */
static int cjk_word_end(const char *c, size_t cn, const char *const *words, unsigned char *tags,
                        const unsigned char *vrels, int n, int e)
{
    while (e > 0 && e < n && understand_is_cjk(words[e - 1])) {
        int k = e;
        while (k < n && tags[k] == READER_O && understand_is_cjk(words[k]) &&
               !understand_in_list(cjk_particles, words[k]))
            k++;
        if (k >= n || tags[k] != READER_B_VALUE || !understand_is_cjk(words[k]) ||
            understand_in_list(cjk_particles, words[k]) || vrels[k] != vrels[e - 1] || k == e)
            break;
        char gap[UNDERSTAND_VALUE];     /* never across punctuation: "王小明，今年三十" */
        understand_as_written(c, cn, words, e - 1, k + 1, gap, sizeof gap);
        if (has_break(gap)) break;
        for (k++; k < n && tags[k] == READER_I_VALUE; k++) {}
        for (int w = e; w < k; w++) tags[w] = READER_I_VALUE;
        e = k;
    }
    return e;
}

static int cjk_value_end(const char *const *words, const unsigned char *tags, int n, int e)
{
    const char *const *particles = cjk_particles;
    if (e <= 0 || !understand_is_cjk(words[e - 1])) return e;
    while (e < n && tags[e] == READER_O && understand_is_cjk(words[e]) &&
           !understand_in_list(particles, words[e]))
        e++;
    return e;
}

/* A Chinese fact with no value marked whose relation words stand right before untagged
 * ideographs ("我的猫叫花花": 叫, then nothing marked): those ideographs, to a particle,
 * are its value, of the clause's relation. A lone ideograph marked as a value before the
 * relation words is no value (checks_fits: 狗 of "我有一只狗，叫旺财"). */
static void cjk_unmarked_value(const char *const *words, unsigned char *tags,
                               unsigned char *vrels, int n, int rel)
{
    int r = -1;
    for (int k = 0; k < n; k++)
        if (tags[k] == READER_B_REL || tags[k] == READER_I_REL) r = k;
    for (int k = 0; k < n; k++)     /* a value after it, or of two ideographs before it */
        if ((tags[k] == READER_B_VALUE || tags[k] == READER_I_VALUE) &&
            (k > r || (k + 1 < n && tags[k + 1] == READER_I_VALUE) || !understand_is_cjk(words[k])))
            return;
    if (rel == READER_REL_OPEN || r < 0 || r + 1 >= n || !understand_is_cjk(words[r]) ||
        !understand_is_cjk(words[r + 1]) || tags[r + 1] != READER_O)
        return;
    int e = cjk_value_end(words, tags, n, r + 1);
    for (int k = r + 1; k < e; k++) {
        tags[k] = k == r + 1 ? READER_B_VALUE : READER_I_VALUE;
        vrels[k] = (unsigned char)rel;
    }
}


/* The end of the CJK value [s, e) at the first list mark inside it, where the next
 * value then begins (a B tag): "中文、英语" read as one value are two. */
static int split_cjk_list(const char *c, size_t cn, const char *const *words,
                          unsigned char *tags, int s, int e)
{
    if (!understand_is_cjk(words[s])) return e;
    char written[UNDERSTAND_VALUE];
    for (int k = s + 1; k < e; k++) {
        understand_as_written(c, cn, words, s, k + 1, written, sizeof written);
        if (has_break(written)) {
            tags[k] = READER_B_VALUE;
            return k;
        }
    }
    return e;
}

/* One fact of a clause: the value span [s, e) (s < 0: none) and the name told in passing
 * in [ns, ne) (ns < 0: none), about the holder before `at`. */
static void unit(const char *c, size_t cn, const char *const *words, const unsigned char *tags,
                 const unsigned char *caps, const unsigned char *vrels, int n, int at, int s,
                 int e, int ns, int ne, const understood_t *clause, understood_t *u)
{
    *u = *clause;
    u->value[0] = u->old[0] = u->name[0] = '\0';
    int hn, past = 0;       /* told as past: "used to" with no turn after it */
    int naming = s < 0 || vrels[s] == READER_REL_NAME;   /* a name told, or a name's span */
    holder_of(words, tags, caps, n, at, naming, u->holder, sizeof u->holder, &u->personal, &hn);
    if (ns < 0 && hn >= 0) ns = hn, ne = hn + 1;
    if (s >= 0) {
        int read_end = e;
        e = cjk_value_end(words, tags, n, e);
        char span[UNDERSTAND_VALUE];        /* never across punctuation: "王小明，今年" */
        while (e > read_end) {
            understand_as_written(c, cn, words, s, e, span, sizeof span);
            if (!has_break(span)) break;
            e--;
        }
        int date = date_end(words, tags, n, s, e);
        if (date > e) {                     /* nor a date: "the 14th, of all days" */
            understand_as_written(c, cn, words, e - 1, date, span, sizeof span);
            if (!strpbrk(span, ",.!?;")) e = date;
        }
        /* a value ends before a word of the speaker or of a change ("in June [I]
         * celebrate", "softball [instead]") */
        static const char *const trailing[] = {"i", "instead", "anymore", "nowadays", NULL};
        while (e - s > 1 && understand_in_list(trailing, words[e - 1])) e--;
        if (e - s > 1 && e < n && understand_number_only(words[e - 1]) &&
            understand_in_list(understand_time_units, words[e]))
            e--;                        /* "a paramedic [two] years ago" */
        u->rel = span_rel(vrels, s, e, clause->rel);
        /* "I have been a therapist for years": being is no having */
        if (u->rel == READER_REL_OWNS && s >= 2 && !strcmp(words[s - 2], "been") &&
            (!strcmp(words[s - 1], "a") || !strcmp(words[s - 1], "an")))
            u->rel = READER_REL_JOB;
        /* "I have played squash for years": a game played is no thing owned */
        static const char *const playing[] = {"play", "plays", "played", "playing", NULL};
        for (int w = s - 1; u->rel == READER_REL_OWNS && w >= 0 && w >= s - 3; w--)
            if (understand_in_list(playing, words[w])) u->rel = READER_REL_HOBBY;
        /* a place told after "live" is where one lives, whatever else the value read as
         * ("I live with my flatmates in [Exeter]") */
        static const char *const living[] = {"live", "lives", "living", "住", NULL};
        if (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_HOMETOWN) {
            int r = s - 1;
            while (r >= 0 && tags[r] != READER_B_REL && tags[r] != READER_I_REL) r--;
            while (r >= 0 && (tags[r] == READER_B_REL || tags[r] == READER_I_REL) &&
                   !understand_in_list(living, words[r]))
                r = tags[r] == READER_B_REL ? -1 : r - 1;
            if (r >= 0 && understand_in_list(living, words[r])) u->rel = READER_REL_HOME;
        }
        if (u->rel == READER_REL_KIND && understand_kin(u->holder) && !understand_has_digit(words + s, e - s))
            u->rel = READER_REL_NAME;   /* "my dad is Bernard": a person has no breed */
        /* "my city is Tbilisi": the user's town is where they live, named, not someone
         * called so ("my hometown is Cork": where they are from) */
        static const char *const towns[] = {"city", "town", "village", "hometown", NULL};
        if ((u->rel == READER_REL_NAME || u->rel == READER_REL_LIKES || u->rel == READER_REL_KIND ||
             u->rel == READER_REL_OPEN || u->rel == READER_REL_HOME) &&
            caps[s] && u->personal && understand_in_list(towns, u->holder)) {
            u->rel = strcmp(u->holder, "hometown") ? READER_REL_HOME : READER_REL_HOMETOWN;
            snprintf(u->holder, sizeof u->holder, "self");
        }
        /* "I walk my dog [Zorba]": a capitalised word right after an animal, and no
         * kind known (kinds.h), is its name */
        if ((u->rel == READER_REL_KIND || u->rel == READER_REL_LIKES ||   /* [Taco] */
             (u->rel == READER_REL_OPEN && !clause->relation[0])) &&
            dialogue_pet_word(u->holder) && caps[s] && e - s == 1 &&
            s > 0 && (tags[s - 1] == READER_B_HOLDER || tags[s - 1] == READER_I_HOLDER) &&
            !kinds_animal_near(words[s]))
            u->rel = READER_REL_NAME;
        if ((u->rel == READER_REL_HOMETOWN || u->rel == READER_REL_HOME ||
             u->rel == READER_REL_WORKPLACE || clause->rel == READER_REL_BIRTHDAY) &&
            e - s == 1 && understand_month(words[s]))
            u->rel = READER_REL_BIRTHDAY;   /* "born in April", "in May I celebrate my
                                             * birthday": a month is no place */
        if (u->rel == READER_REL_AGE && !understand_has_digit(words + s, e - s))
            u->rel = READER_REL_NAME;   /* "my mum is Ann": an age is a number, this a name */
        else if (e - s == 1 && understand_has_digit(words + s, 1) && understand_number_only(words[s]) &&
                 number_is_age(u->rel, words[s]))
            u->rel = READER_REL_AGE;    /* "i'm 28", "he's 15": a name, a place, a school
                                         * or a job is not a bare number */
        understand_as_written(c, cn, words, s, e, u->value, sizeof u->value);
        if (u->rel == READER_REL_NAME) understand_drop_possessive(u->value);
        /* "I speak Dutch at home and [Spanish] at work": a language read as a place,
         * a firm or a nationality, in a clause of speaking, is a language spoken */
        static const char *const speaking[] = {"speak", "speaks", "spoke", "speaking",
                                               "fluent", "language", "languages", NULL};
        int speaks = 0;
        for (int w = 0; w < n && !speaks; w++) speaks = understand_in_list(speaking, words[w]);
        /* "my mum is Portuguese", "I'm Irish": where they are from, not a name; but
         * "a little spanish place" says what kind of place, and is no name either */
        const char *country = (u->rel == READER_REL_NAME || u->rel == READER_REL_KIND) &&
                                      !(speaks && forms_language(u->value)) &&
                                      !dialogue_pet_word(u->holder) &&
                                      !kinds_animal_near(u->holder)     /* "a cockatiel" */
                                  ? forms_country(u->value)
                                  : NULL;
        size_t el = e < n ? strlen(words[e]) : 0;
        int before_noun = e < n && isalpha((unsigned char)words[e][0]) &&
                          !understand_in_list(conjunctions, words[e]) &&
                          !understand_in_list(understand_empty_words, words[e]) &&
                          !lex_is_stopword(words[e]) &&
                          !(el > 4 && !strcmp(words[e] + el - 3, "ing")) &&  /* "living" */
                          !punctuated_after(c, cn, u->value);       /* "I'm Czech, ..." */
        if (country && before_noun)
            u->value[0] = '\0';
        else if (country) {
            u->rel = READER_REL_HOMETOWN;
            snprintf(u->value, sizeof u->value, "%s", country);
        }
        /* "we named her Lotte": the name is hers, not the speaker's; whom "her" means
         * is settled as for any pronoun (understand_mend_pronoun_holders, facts.h) */
        static const char *const naming[] = {"called", "named", "call", "name", NULL};
        if (u->rel == READER_REL_NAME && s >= 2 && !strcmp(u->holder, "self") &&
            understand_in_list(naming, words[s - 2]) && understand_pronoun(words[s - 1])) {
            snprintf(u->holder, sizeof u->holder, "%s", understand_pronoun(words[s - 1]));
            u->personal = 0;
        }
        /* "her name's Odile", "his name is Bram": the name is of the one the pronoun
         * means, never the speaker's */
        static const char *const their[] = {"his", "her", "their", NULL};
        int nm = s >= 1 && (!strcmp(words[s - 1], "name's") || !strcmp(words[s - 1], "names"))
                     ? 1
                 : s >= 2 && (!strcmp(words[s - 1], "is") || !strcmp(words[s - 1], "was")) &&
                         !strcmp(words[s - 2], "name")
                     ? 2
                     : 0;
        if (u->rel == READER_REL_NAME && nm && s >= nm + 1 && !strcmp(u->holder, "self") &&
            understand_in_list(their, words[s - nm - 1])) {
            snprintf(u->holder, sizeof u->holder, "%s", understand_pronoun(words[s - nm - 1]));
            u->personal = 0;
        }
        if (speaks && u->rel != READER_REL_LANGUAGE &&
            (u->rel != READER_REL_NAME || strcmp(u->holder, "self") == 0) &&
            forms_language(u->value))
            u->rel = READER_REL_LANGUAGE;
        /* "我是护士": after 是, a word that ends as jobs do (护士, 老师, 程序员, 医生) is a
         * job, not a name (我叫小红 names) */
        static const char *const job_ends[] = {"师", "员", "生", "家", "士", "工", "官",
                                               "者", "匠", "手", "机", NULL};
        size_t vl = strlen(u->value);
        if (u->rel == READER_REL_NAME && understand_is_cjk(words[s]) && vl >= 6 && vl <= 12 &&
            s > 0 && (!strcmp(words[s - 1], "是") || !strcmp(words[s - 1], "名") ||
                      !strcmp(words[s - 1], "个") || !strcmp(words[s - 1], "位")) &&
            understand_in_list(job_ends, u->value + vl - 3))
            u->rel = READER_REL_JOB;
        /* "I'm coeliac": a diet, not a name */
        char low[UNDERSTAND_KEY];
        understand_holder_of(u->value, low, sizeof low);
        if ((u->rel == READER_REL_NAME || u->rel == READER_REL_WORKPLACE ||
             u->rel == READER_REL_HOME || u->rel == READER_REL_HOMETOWN ||
             u->rel == READER_REL_JOB || u->rel == READER_REL_KIND) &&
            u->rel != READER_REL_DIET && understand_in_list(understand_diet_words, low))
            u->rel = READER_REL_DIET;   /* "..., nurse in Cork, vegan": no place */
        /* "I used to live in Riga": a home told as past is where one was before */
        static const char *const turning[] = {"but", "now", "moved", "then", "and", "nowadays",
                                              "currently", "days", "however", NULL};
        int used = 0;
        for (int w = 0; w + 1 < s; w++)     /* "used to" with no turn after it ("but moved
                                             * to Uppsala", "these days" are now) */
            if (!strcmp(words[w], "used") && !strcmp(words[w + 1], "to")) used = 1;
            else if (understand_in_list(turning, words[w])) used = 0;
        if (u->rel == READER_REL_HOME && used) u->rel = READER_REL_HOMETOWN;
        past = used;
        /* "recently retired tram driver", "ex-teacher": a job told as left */
        static const char *const left[] = {"retired", "ex", "former", NULL};
        for (int w = s - 1; w >= 0 && w >= s - 2 && !past && u->rel == READER_REL_JOB; w--)
            past = understand_in_list(left, words[w]);
        for (int i = 0; left[i] && !past && u->rel == READER_REL_JOB; i++) {
            size_t l = strlen(left[i]);     /* (the value with it: "retired teacher") */
            if (!strncasecmp(u->value, left[i], l) && (u->value[l] == ' ' || u->value[l] == '-') &&
                u->value[l + 1]) {
                memmove(u->value, u->value + l + 1, strlen(u->value + l + 1) + 1);
                past = 1;
            }
        }
        /* "moved up from Lille": a place after "from" is where one came from */
        if ((u->rel == READER_REL_HOME || u->rel == READER_REL_WORKPLACE) && s > 0 &&
            !strcmp(words[s - 1], "from") && caps[s])
            u->rel = READER_REL_HOMETOWN;
        /* a Chinese value ends before 的 ("苏州的一家医院": 苏州) */
        char *de = (unsigned char)u->value[0] >= 0xE0 ? strstr(u->value, "的") : NULL;
        if (de && de - u->value >= 6) *de = '\0';
    }
    int verb = ns >= 0 && ne - ns == 1 && !caps[ns] &&
               understand_in_list(understand_person_verbs, words[ns]);
    if (ns >= 0 && !verb) {     /* (not "runs" of "my brother runs a ...") */
        understand_as_written(c, cn, words, ns, ne, u->name, sizeof u->name);
        understand_drop_possessive(u->name);
    }
    relation_key(u->rel, words, tags, n, s >= 0 ? s : n, u->relation, sizeof u->relation);
    if (verb && u->rel == READER_REL_OPEN && !u->relation[0])   /* "my mum coaches netball" */
        snprintf(u->relation, sizeof u->relation, "%s", words[ns]);
    favourite_rel(u);
    /* "I used to be a pharmacist": no job now, a former one */
    if (past && !strcmp(u->holder, "self") &&
        (u->rel == READER_REL_JOB ||
         (u->rel == READER_REL_OPEN && u->value[0] && kinds_person(u->value)))) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "%s", UNDERSTAND_FORMER_JOB);
    }
    /* "my sport is polo" read as a kind, a like or a hobby: the user has no kind, and
     * "my [sport]" names the relation, so the value is of the relation its words name
     * ("sport"; "my hobby is knitting" stays a hobby) */
    int my_rel = 0;
    for (int w = 1; w < n && !my_rel; w++)
        my_rel = tags[w] == READER_B_REL && (!strcmp(words[w - 1], "my") || !strcmp(words[w - 1], "our"));
    if ((u->rel == READER_REL_KIND || u->rel == READER_REL_LIKES || u->rel == READER_REL_HOBBY) &&
        my_rel && !strcmp(u->holder, "self")) {
        int was = u->rel;
        relation_key(READER_REL_OPEN, words, tags, n, s >= 0 ? s : n, u->relation,
                     sizeof u->relation);
        if (u->relation[0] && strcmp(u->relation, reader_rel_name(READER_REL_KIND)) != 0 &&
            strcmp(u->relation, reader_rel_name(was)) != 0)
            u->rel = READER_REL_OPEN;
        else
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(was));
    }
    /* "our anniversary is on the 2nd of May": an event's date is the user's, under the
     * event's word, not its birthday */
    static const char *const events[] = {"anniversary", "wedding", "party", "exam",
                                         "exams", "holiday", "trip", "appointment",
                                         "interview", "graduation", "due date", NULL};
    if (u->rel == READER_REL_BIRTHDAY && understand_in_list(events, u->holder)) {
        snprintf(u->relation, sizeof u->relation, "%s", u->holder);
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_OPEN;
        u->personal = 1;
    }
    /* "my dentist appointment is on the 14th", "when's my dentist appointment?", "when
     * is my interview?": an event's date is the user's, the word before the event says
     * which one, and neither is a holder of a birthday */
    static const char *const owning[] = {"my", "our", "the", "a", "an", "his", "her",
                                         "their", "next", NULL};
    for (int w = 1; w < n && (u->rel == READER_REL_BIRTHDAY ||
                              (u->rel == READER_REL_OPEN && !u->relation[0])); w++)
        if (understand_in_list(events, words[w]) &&
            (!strcmp(u->holder, "self") || !strcasecmp(u->holder, words[w - 1]) ||
             !strcasecmp(u->holder, words[w]))) {
            if (understand_in_list(owning, words[w - 1]) ||
                understand_in_list(understand_personal_words, words[w - 1]))
                snprintf(u->relation, sizeof u->relation, "%s", words[w]);
            else
                snprintf(u->relation, sizeof u->relation, "%s %s", words[w - 1], words[w]);
            snprintf(u->holder, sizeof u->holder, "self");
            u->rel = READER_REL_OPEN;
            u->personal = 1;
        }
}

/* 1 when a clause the reader took for a question tells instead: no question mark, no
 * word that asks, and, after the fillers, it opens with neither a verb that starts a
 * yes/no question nor a word of asking or bidding ("right, I've got two daughters, Maisie
 * who's 12"; "it's my birthday on the 22nd of october, make sure you remember"). A Chinese
 * question needs no question mark (我的狗叫什么), so a Chinese clause must hold no word or
 * particle of asking and open with the speaker ("我最喜欢吃火锅。"). */
static int tells(const char *c, size_t cn, const char *const *words, int n)
{
    static const char *const fillers[] = {"so", "and", "oh", "well", "btw", "ok", "okay",
                                          "hey", "um", "also", "but", "anyway", "yeah",
                                          "honestly", "hmm", "and", NULL};
    if (vocab_question_mark(c, cn) || memchr(c, '?', cn)) return 0;
    /* Chinese asks with a word or a particle wherever the clause ends: without one,
     * and without ？, it tells ("我最喜欢吃火锅。") */
    static const char *const cjk_asking[] = {"什么", "哪", "谁", "几", "多少",
                                             "怎么", "吗", "呢", "？", NULL};
    if (n > 0 && understand_is_cjk(words[0])) {
        for (int i = 0; cjk_asking[i]; i++)
            for (size_t k = 0, l = strlen(cjk_asking[i]); k + l <= cn; k++)
                if (!memcmp(c + k, cjk_asking[i], l)) return 0;
        return understand_in_list(understand_personal_words, words[0]);
    }
    /* question words ask wherever they stand ("my dog is called what again"), but "who"
     * is also a relative pronoun ("Maisie who's 12"); a clause may open with one, with a verb
     * of a yes/no question, or ask or bid ("can you ...", "tell me ...": requests, which
     * understand_question_word leaves out so that "can you delete my address?" deletes) */
    static const char *const bidding[] = {"can", "could", "will", "would", "should", "shall",
                                          "tell", "remind", "say", "guess", "name", "list",
                                          "give", "any", NULL};
    static const char *const someone[] = {"i", "we", "he", "she", "they", "i'm", "im", NULL};
    for (int k = 0; k < n; k++)
        if (understand_question_word(words[k]) == 2 && strncmp(words[k], "who", 3) != 0 &&
            !(k > 0 && !strcmp(words[k - 1], "for") && k + 1 < n &&
              (!strcmp(words[k + 1], "it's") || !strcmp(words[k + 1], "its"))) &&
            !(k > 0 && (!strcmp(words[k], "when") || !strcmp(words[k], "where")) && k + 1 < n &&
              understand_in_list(someone, words[k + 1])))
            return 0;           /* "for what it's worth", "moved here when I was nine" ask
                                 * nothing */
    int w = 0;
    while (w < n && understand_in_list(fillers, words[w])) w++;
    return w < n && !understand_is_cjk(words[w]) && (unsigned char)words[w][0] < 0x80 &&
           !understand_question_word(words[w]) && !understand_in_list(bidding, words[w]);
}

/* The speaker saying who they are: the index of a name written with a capital right
 * after "I'm" (or "I am") that ends the clause but for fillers ("I'm Ines btw"), even
 * one the reader took for a relation word; -1 when there is none. */
static int im_name_at(const char *const *words, const unsigned char *tags,
                      const unsigned char *caps, int n)
{
    static const char *const after_name[] = {"btw", "by", "the", "way", "haha", "lol",
                                             "hi", "hello", "hey", "again", NULL};
    for (int w = 0; w < n; w++) {
        int name = w + 1;               /* the word after "I'm", or after "I am" */
        if (!strcmp(words[w], "i") && name < n && !strcmp(words[name], "am")) name++;
        else if (strcmp(words[w], "i'm") && strcmp(words[w], "im")) name = n;
        int end = name + 1;             /* then nothing but fillers ("I'm Ines btw") */
        while (end < n && (understand_in_list(after_name, words[end]) ||
                           understand_in_list(understand_empty_words, words[end])))
            end++;
        if (name < n && end == n &&
            (tags[name] == READER_B_NAME || tags[name] == READER_O || tags[name] == READER_B_REL) &&
            caps[name] && !understand_is_cjk(words[name]) &&
            !understand_in_list(understand_empty_words, words[name]))
            return name;
    }
    return -1;
}

/* 1 when the reader's own tags tell a fact of a clause it took for small talk or read as
 * an unsure fact: a subject (a holder, the speaker or he/she/they) before a relation
 * word, or a relation word the clause opens with, and a value after it with a word that
 * is more than an article ("he works as [a welder]", "it's my birthday on [the 22nd of
 * october]"); or the speaker saying who they are: im_name_at; or a name told of
 * someone of theirs ("My cat Frodo is five"). The caller asks for no question mark too.
 * 2 when only a name typed small tells it ("wife marta"). */
static int tags_a_fact(const char *const *words, const unsigned char *tags,
                       const unsigned char *vrels, const unsigned char *caps, int n)
{
    if (im_name_at(words, tags, caps, n) >= 0) return 1;
    int hs, he;                 /* "My cat Frodo is five": a name told of a kin or a pet, */
    for (int f = 0; span(tags, n, READER_B_HOLDER, READER_I_HOLDER, f, &hs, &he); f = he) {
        char key[UNDERSTAND_KEY];
        understand_holder(words + hs, he - hs, key, sizeof key);
        if (he >= n || understand_is_cjk(words[he]) ||
            understand_in_list(understand_empty_words, words[he]) ||
            !(understand_kin(key) || dialogue_pet_word(key) || kinds_animal(key)))
            continue;
        /* ... or typed small, one word the reader read as a name ("wife marta", "my
         * collie nessa is sulking") */
        int small = (tags[he] == READER_B_NAME ||
                     (tags[he] == READER_B_VALUE && vrels[he] == READER_REL_NAME)) &&
                    (he + 1 >= n || (tags[he + 1] != READER_I_VALUE &&
                                     tags[he + 1] != READER_I_NAME)) &&
                    !lex_is_stopword(words[he]) && !understand_pronoun(words[he]);
        if (caps[he] && (tags[he] == READER_O || tags[he] == READER_B_NAME)) return 1;
        if (small) return 2;
    }
    int subject = -1, rel = -1, value = -1;
    for (int w = 0; w < n; w++) {
        if (subject < 0 && (tags[w] == READER_B_HOLDER ||
                            understand_in_list(understand_personal_words, words[w]) ||
                            understand_pronoun(words[w])))
            subject = w;
        /* a relation the clause opens with has the speaker as its subject, as a fact told
         * without one is the user's ("[birthday's] the 3rd of june") */
        if ((subject >= 0 || w == 0) && rel < 0 && tags[w] == READER_B_REL) rel = w;
        if (rel >= 0 && value < 0 && (tags[w] == READER_B_VALUE || tags[w] == READER_I_VALUE) &&
            !understand_in_list(understand_empty_words, words[w]))
            value = w;                  /* its first word that says something ("[the 4th] ...") */
    }
    return value > 0;
}

/* The end of the value the reader began at s and ended at e, mended (names are never
 * joined by "and", spans the reader cut are joined, a Chinese list is split), or 0 when
 * it is no value: only function words, or how long something lasted. */
static int value_end(const char *c, size_t cn, const char *const *words, unsigned char *tags,
                     const unsigned char *vrels, const unsigned char *caps, int n, int s,
                     int e)
{
    /* a name goes on through the small words inside it to its next capitalised word
     * ("[Bank] of England", "[Universidad] de los Andes", "Newcastle upon Tyne") */
    static const char *const inside[] = {"of", "de", "del", "la", "los", "las", "le", "von",
                                         "van", "der", "den", "du", "des", "di", "da", "y",
                                         "upon", "the", NULL};
    for (;;) {
        int k = e;          /* the small words, the value's own last ones ("[University
                             * of] [the Arts]") or after it */
        while (k - 1 > s && understand_in_list(inside, words[k - 1])) k--;
        if (!caps[k - 1] || understand_is_cjk(words[k - 1])) break;
        static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", "i", "i'm", NULL};
        int j = k;
        while (j < n && j - k < 3 && understand_in_list(inside, words[j])) j++;
        /* or a capitalised word the reader left untagged right after it ("the [Red]
         * Cross") */
        int next = j == k && k == e && k < n && tags[k] == READER_O;
        if ((j == k && !next) || j >= n || !caps[j] || understand_is_cjk(words[j]) ||
            understand_month(words[j]) || understand_in_list(days, words[j]))
            break;
        char upto[UNDERSTAND_VALUE], with[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, k, upto, sizeof upto);
        understand_as_written(c, cn, words, s, j + 1, with, sizeof with);
        if (strpbrk(with + strlen(upto), ",.;:!?()")) break;    /* not across punctuation */
        for (int w = k; w <= j; w++) tags[w] = READER_I_VALUE;
        e = j + 1;
        while (e < n && tags[e] == READER_I_VALUE) e++;         /* the rest of its span */
    }
    /* names are never joined by "and" ("[Pixel and] [Mango]": two cats), other
     * values may be ("salt and vinegar crisps") */
    while (e - s > 1 && vrels[s] == READER_REL_NAME &&
           understand_in_list(conjunctions, words[e - 1]))
        tags[--e] = READER_O;
    /* nor does any value end in a word of why ("called [Nori because]") */
    static const char *const why[] = {"because", "cos", "coz", "cuz", "since", NULL};
    while (e - s > 1 && understand_in_list(why, words[e - 1])) tags[--e] = READER_O;
    e = cjk_word_end(c, cn, words, tags, vrels, n,
                     join_values(c, cn, words, tags, vrels, n, s, e));
    e = split_cjk_list(c, cn, words, tags, s, e);
    /* punctuation inside a value read as one is a list ("[italian, german] and
     * english"): the value as written ends there (as_written), and the words after it
     * are the next value, not lost */
    for (int k = s + 1; k < e && !understand_is_cjk(words[k]); k++) {
        char upto[UNDERSTAND_VALUE], with[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, k, upto, sizeof upto);
        understand_as_written(c, cn, words, s, k + 1, with, sizeof with);
        if (!strcmp(upto, with)) {      /* word k is past the punctuation */
            tags[k] = READER_B_VALUE;
            e = k;
        }
    }
    /* a place of work or study goes on to the noun it is the kind of ("a [bike] shop",
     * "the [Tesco] depot", "[Orchard High] School"): the reader ended it at its first word */
    if ((vrels[s] == READER_REL_WORKPLACE || vrels[s] == READER_REL_EMPLOYER ||
         vrels[s] == READER_REL_SCHOOL) && e < n &&
        tags[e] == READER_O && realise_place_noun(words[e]) && !understand_is_cjk(words[e - 1])) {
        char upto[UNDERSTAND_VALUE], with[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, e, upto, sizeof upto);
        understand_as_written(c, cn, words, s, e + 1, with, sizeof with);
        if (strlen(with) > strlen(upto) + 1 && with[strlen(upto)] == ' ')
            tags[e++] = READER_I_VALUE;
    }
    int empty = 1;
    for (int w = s; w < e && empty; w++)   /* "because", "each": no value; "May" is */
        empty = understand_in_list(understand_empty_words, words[w]) ||
                (lex_is_stopword(words[w]) && !understand_month(words[w]));
    if (empty) return 0;
    if (e - s == 1 && e < n && understand_number_only(words[s]) &&
        !isdigit((unsigned char)words[s][0]) &&
        (tags[e] == READER_B_HOLDER || tags[e] == READER_I_HOLDER ||
         (tags[e] == READER_O && realise_plural_s(words[e]))))
        return 0;                       /* "our [two] cats": how many, not a value */
    /* "for 30 years", "since 2019", "15 years now", "together 4 years": how long, not how
     * old */
    static const char *const lasting[] = {"now", "ago", "already", "there", "running",
                                          "in", "at", "of", "with", NULL};
    size_t l0 = strlen(words[s]);
    if (e - s == 1 && s > 0 && !strcasecmp(words[s - 1], "since") && l0 == 4 &&
        strspn(words[s], "0123456789") == l0)
        return 0;                       /* "since 2021": when it began, no value */
    if (e - s == 1 && s >= 3 && understand_number_only(words[s]) &&
        (!strcasecmp(words[s - 1], "was") || !strcasecmp(words[s - 1], "were")) &&
        (!strcasecmp(words[s - 3], "since") || !strcasecmp(words[s - 3], "when")))
        return 0;                       /* "since I was 9": an age once, not now */
    if (s >= 4 && (!strcasecmp(words[s - 1], "a") || !strcasecmp(words[s - 1], "an")) &&
        !strcasecmp(words[s - 2], "was") && !strcasecmp(words[s - 3], "i") &&
        (!strcasecmp(words[s - 4], "since") || !strcasecmp(words[s - 4], "when")))
        return 0;                       /* "since I was a kid": what one was once */
    if ((vrels[s] == READER_REL_AGE || (e - s == 1 && understand_number_only(words[s]))) &&
        ((s > 0 && (!strcasecmp(words[s - 1], "for") || !strcasecmp(words[s - 1], "since") ||
                    !strcasecmp(words[s - 1], "together"))) ||   /* "together 4 years" */
         (e + 1 < n && (!strcasecmp(words[e], "years") || !strcasecmp(words[e], "yrs")) &&
          understand_in_list(lasting, words[e + 1]))))
        return 0;
    return e;
}

/* 1 when a clause names a subject before its value; without one a fact is told without
 * it ("moved to Leeds", "got a whippet called Pip", "birthday's the 3rd, remember it"). A
 * holder brought in by "a" or a number is the verb's object, not its subject; two
 * capitalised words joined by "and" first are two people (caps: written so). */
static int has_subject(const char *const *words, const unsigned char *tags,
                       const unsigned char *caps, int n)
{
    /* "Priya and Sam work at ...", "John and Mary moved to ...": two people named first */
    if (n >= 3 && caps[0] && caps[2] && !strcmp(words[1], "and") &&
        !understand_is_cjk(words[0]) && !understand_is_cjk(words[2]) &&
        !understand_in_list(understand_personal_words, words[0]) &&
        !understand_in_list(understand_personal_words, words[2]))
        return 1;
    static const char *const pronouns[] = {"he", "she", "they", "it", "he's", "she's",
                                           "they're", "it's", "hes", "shes", "theyre", "its",
                                           "there's", "this", "that", NULL};
    static const char *const introducing[] = {"a", "an", "two", "three", "four", "another",
                                              "some", "2", "3", "4", NULL};
    int subject = 0, first_value = n;
    for (int w = 0; w < n && first_value == n; w++)
        if (tags[w] == READER_B_VALUE) first_value = w;
    for (int w = 0; w < n && !subject; w++)
        subject =
            (tags[w] == READER_B_HOLDER &&
             !(w > 0 && understand_in_list(introducing, words[w - 1])) &&
             !(w > 1 && understand_in_list(introducing, words[w - 2]))) || /* "a new kitten" */
            understand_in_list(understand_personal_words, words[w]) ||
            (w < first_value && understand_in_list(pronouns, words[w]));
    return subject;
}

/* The reader's tags of one clause mended where they contradict themselves or the words:
 * a holder begun twice is one; of two old values in a correction, one is new; in a
 * fact, a Chinese value left unmarked after its relation word is marked, a relation
 * word inside a value joins it, and an old value is the value. */
static void mend_tags(const char *const *words, unsigned char *tags, unsigned char *vrels,
                      int n, int act, int rel)
{
    int s, e;
    /* a holder the reader began twice is one ("[grandad] [Arthur's]", "[golden]
     * [retriever]") */
    for (int w = 1; w < n; w++)
        if (tags[w] == READER_B_HOLDER &&
            (tags[w - 1] == READER_B_HOLDER || tags[w - 1] == READER_I_HOLDER))
            tags[w] = READER_I_HOLDER;
    /* "Yusuf's a dentist", "she's a sphynx named Pip": a holder after "X's a" or "she's
     * a" is what X or she is, not someone of theirs: a job, or a kind when a name
     * follows (an animal or a kin word stays: "Bo's a beagle" is told as a kind) */
    static const char *const is_a[] = {"she's", "he's", "it's", "shes", "hes", NULL};
    int naming = 0;
    for (int w = 0; w < n; w++) naming |= !strcmp(words[w], "called") || !strcmp(words[w], "named");
    for (int w = 2; w < n; w++)
        if (tags[w] == READER_B_HOLDER &&
            (!strcmp(words[w - 1], "a") || !strcmp(words[w - 1], "an")) &&
            tags[w - 1] == READER_O &&
            (((tags[w - 2] == READER_B_HOLDER || tags[w - 2] == READER_I_HOLDER) &&
              vocab_possessive(words[w - 2])) ||
             understand_in_list(is_a, words[w - 2])) &&
            !dialogue_pet_word(words[w]) && !understand_kin(words[w])) {
            unsigned char rel = naming ? READER_REL_KIND : READER_REL_JOB;
            tags[w] = READER_B_VALUE;
            vrels[w] = rel;
            for (int k = w + 1; k < n && tags[k] == READER_I_HOLDER; k++) {
                tags[k] = READER_I_VALUE;
                vrels[k] = rel;
            }
        }
    /* "software engineer at Revolut": a holder right before a job, with no one's word in
     * it, is the job's first word ("[software] [engineer]"), told of the speaker */
    for (int w = 0; w < n; w++) {
        if (tags[w] != READER_B_HOLDER) continue;
        int e = w + 1;
        while (e < n && tags[e] == READER_I_HOLDER) e++;
        int anyone = 0;
        for (int k = w; k < e; k++) {
            char key[UNDERSTAND_KEY];
            understand_holder(&words[k], 1, key, sizeof key);
            anyone |= understand_in_list(understand_personal_words, words[k]) ||
                      !strcmp(key, "self") || understand_kin(key) || dialogue_pet_word(key) ||
                      vocab_possessive(words[k]) || understand_is_cjk(words[k]);
        }
        if (anyone || e >= n || tags[e] != READER_B_VALUE || vrels[e] != READER_REL_JOB) continue;
        for (int k = w; k < e; k++) {
            tags[k] = k == w ? READER_B_VALUE : READER_I_VALUE;
            vrels[k] = READER_REL_JOB;
        }
        tags[e] = READER_I_VALUE;
    }
    if (act == READER_CORRECTION) {
        /* "the 12th, not the 2nd" read as two old values and no new one: the first is
         * the new value, unless a word of leaving comes before it ("we left
         * [Coventry], living in [Derby] now": the last) */
        static const char *const leaving[] = {"left", "leave", "from", "not", "no", "quit",
                                              "sold", "ex", "before", "used", NULL};
        int has_value = 0, olds = 0, os = -1, oe = -1, ls = -1, le = -1;
        for (int w = 0; w < n; w++) has_value |= tags[w] == READER_B_VALUE;
        for (int f = 0; span(tags, n, READER_B_OLD, READER_I_OLD, f, &s, &e); f = e) {
            if (olds++ == 0) os = s, oe = e;
            ls = s, le = e;
        }
        int left = 0;
        for (int w = 0; w < os && !left; w++) left = understand_in_list(leaving, words[w]);
        if (left) os = ls, oe = le;
        if (!has_value && olds >= 2)
            for (int w = os; w < oe; w++)
                tags[w] = (unsigned char)(tags[w] - READER_B_OLD + READER_B_VALUE);
    }
    if (act != READER_FACT) return;
    cjk_unmarked_value(words, tags, vrels, n, rel);
    /* a second relation word right before a value, after the clause's relation and
     * a possessive or an article, begins the value ("favourite food is my dad's
     * [beef] [stew]"; not "live in Addis and [teach] [English]") */
    static const char *const articles[] = {"a", "an", "the", NULL};
    for (int w = 1; w + 1 < n; w++) {
        if (tags[w] != READER_B_REL || tags[w + 1] != READER_B_VALUE || understand_is_cjk(words[w]))
            continue;
        if (!(((tags[w - 1] == READER_B_HOLDER || tags[w - 1] == READER_I_HOLDER) &&
               vocab_possessive(words[w - 1])) ||
              understand_in_list(articles, words[w - 1])))
            continue;
        int earlier = 0;
        for (int k = 0; k + 1 < w && !earlier; k++)
            earlier = (tags[k] == READER_B_REL || tags[k] == READER_I_REL) &&
                      tags[k + 1] != READER_I_REL && tags[w - 1] != READER_I_REL &&
                      tags[w - 1] != READER_B_REL;
        if (!earlier) continue;
        tags[w] = READER_B_VALUE;
        tags[w + 1] = READER_I_VALUE;
        vrels[w] = vrels[w + 1];
    }
    /* a fact replaces nothing: an old value the reader marked in one is its value
     * ("we moved to [OLD Melbourne]") */
    for (int w = 0; w < n; w++)
        if (tags[w] == READER_B_OLD || tags[w] == READER_I_OLD)
            tags[w] = (unsigned char)(tags[w] - READER_B_OLD + READER_B_VALUE);
}

/* 1 when value is only a word for a kind of vehicle ("car", "a new car"). */
static int vehicle_class(const char *value)
{
    char low[UNDERSTAND_KEY];
    understand_holder_of(value, low, sizeof low);
    return understand_in_list(understand_vehicle_words,
                              strncmp(low, "new ", 4) ? low : low + 4);
}

/* The clause's word count without an aside it ends with ("... as you may know", "...
 * for what it's worth", "... just so you know", "... tho"): words that tell nothing,
 * which the reader was not trained to see there. */
static int without_trailing_aside(const char *const *words, int n)
{
    static const char *const asides[][6] = {
        {"as", "you", "may", "know", NULL}, {"as", "you", "know", NULL},
        {"for", "what", "it's", "worth", NULL}, {"for", "what", "its", "worth", NULL},
        {"just", "so", "you", "know", NULL}, {"so", "you", "know", NULL},
        {"by", "the", "way", NULL}, {"for", "the", "record", NULL},
        {"if", "you", "must", "know", NULL}, {"and", "i", "am", "happy", "about", "it"},
        {"nice", "to", "meet", "you", NULL}, {"no", "contest", NULL}, {"hands", "down", NULL},
        {"by", "far", NULL}, {"tho", NULL}, {"though", NULL}, {"ngl", NULL}, {"tbh", NULL},
        {"imo", NULL}, {"fr", NULL}, {"btw", NULL}, {"obviously", NULL}, {"of", "course", NULL},
        {"always", "will", NULL}, {"always", "have", NULL}, {"till", "i", "die", NULL},
        {"til", "i", "die", NULL}, {"for", "life", NULL}, {"forever", NULL}, {"again", NULL}};
    for (int again = 1; again;) {
        again = 0;
        for (size_t a = 0; a < sizeof asides / sizeof asides[0]; a++) {
            int l = 0;
            while (l < 6 && asides[a][l]) l++;
            if (l >= n) continue;
            int k = 0;
            while (k < l && !strcmp(words[n - l + k], asides[a][k])) k++;
            if (k == l) {
                n -= l;
                again = 1;
            }
        }
    }
    return n;
}

/* Where the words after a cry or a herald a clause opens with begin ("omg", "big news,
 * ...", "guess what"), leaving three words at least; 0 when it opens with none. The reader
 * was trained on facts told plainly and reads them worse with a cry before them. */
static int opener_end(const char *const *words, int n)
{
    static const char *const cries[][3] = {
        {"omg", NULL}, {"oh", "my", "god"}, {"wow", NULL}, {"yay", NULL}, {"woo", NULL},
        {"woohoo", NULL}, {"yess", NULL}, {"big", "news", NULL}, {"good", "news", NULL},
        {"great", "news", NULL}, {"some", "news", NULL}, {"guess", "what", NULL},
        {"news", NULL}, {"update", NULL}, {"omfg", NULL}, {"woop", NULL}, {"yippee", NULL}};
    int at = 0;
    for (int again = 1; again;) {
        again = 0;
        for (size_t a = 0; a < sizeof cries / sizeof cries[0] && !again; a++) {
            int l = 0;
            while (l < 3 && cries[a][l] && at + l < n && !strcmp(words[at + l], cries[a][l]))
                l++;
            if ((l == 3 || !cries[a][l]) && at + l + 3 <= n) {
                at += l;
                again = 1;
            }
        }
    }
    return at;
}

/* Where a reason or a farewell the clause ends with begins ("settled in Derby in May
 * for the new post", "... because of the commute", "..., bye old job"), after three words
 * at least: the words before it
 * may tell a fact the reader, trained on facts told plainly, did not see with the reason
 * after it. 0 when there is none. */
static int reason_at(const char *const *words, int n)
{
    static const char *const because[] = {"because", "cos", "coz", "cuz", "bc", "bye",
                                          "goodbye", NULL};
    static const char *const whose[] = {"the", "a", "work", "uni", "school", NULL};
    for (int k = 3; k < n; k++)
        if (understand_in_list(because, words[k]) ||
            (!strcmp(words[k], "for") && k + 1 < n && understand_in_list(whose, words[k + 1])))
            return k;
    return 0;
}

/* 1 when the one character ch (a kin word: 妈, 妹) is said of someone in c[0, cn): first
 * in it, or after 我, 的, 咱 or 俺 (我妹; not the 弟 of 兄弟, "bro"). */
static int kin_char_said(const char *c, size_t cn, const char *ch)
{
    static const char *const whose[] = {"我", "的", "咱", "俺", NULL};
    if (cn >= 3 && !strncmp(c, ch, 3)) return 1;
    for (int i = 0; whose[i]; i++) {
        char two[8];
        snprintf(two, sizeof two, "%s%s", whose[i], ch);
        if (understand_text_at(c, cn, two) >= 0) return 1;
    }
    return 0;
}

/* 1 when the word w has letters and all of them are capitals ("SET" of a message typed
 * in capitals names no one). */
static int all_capitals(const char *w)
{
    int letters = 0;
    for (const char *p = w; *p; p++) {
        if (islower((unsigned char)*p)) return 0;
        letters += isupper((unsigned char)*p) != 0;
    }
    return letters > 1;
}

/* 1 when w holds a Latin letter of U+00C0..U+017F (a lead byte 0xC3..0xC5). */
static int accented(const char *w)
{
    for (const unsigned char *p = (const unsigned char *)w; *p; p++)
        if (*p >= 0xC3 && *p <= 0xC5) return 1;
    return 0;
}

/* words[0..n), some accented, as the reader reads them: those without their accents
 * ("júlia": "julia"), into *buf (malloc'd, the caller frees it); the others as they are.
 * NULL when out of memory. */
static const char **unaccented_words(const char *const *words, int n, char **buf)
{
    size_t need = 1;
    for (int k = 0; k < n; k++) need += strlen(words[k]) + 1;
    const char **seen = calloc((size_t)n + 1, sizeof *seen);
    char *at = *buf = malloc(need);
    if (!seen || !at) {
        free(seen);
        return NULL;
    }
    for (int k = 0; k < n; k++) {
        seen[k] = words[k];
        if (!accented(words[k])) continue;
        understand_unaccented(words[k], at, strlen(words[k]) + 1);
        seen[k] = at;
        at += strlen(at) + 1;
    }
    return seen;
}

/* Reads one clause [c, c + cn) into out[0..max): one unit per fact it tells (a value and
 * its holder, or a name told in passing), one for any other act. Returns how many. */
static int read_clause(const reader_t *r, const char *c, size_t cn, understood_t *out, int max,
                       char *err, size_t errlen)
{
    tok_list_t t = {0};
    const char **words = NULL, **seen = NULL;
    char *folded = NULL;
    unsigned char *tags = NULL, *vrels = NULL, *caps = NULL;
    int rc = tok_split(c, cn, &t, err, errlen), n = 0;
    if (rc != TOK_OK) {
        rc = rc == TOK_EINVAL ? MODEL_EINVAL : MODEL_ENOMEM;
        goto out;
    }
    words = calloc((size_t)t.n + 1, sizeof *words);
    tags = calloc((size_t)t.n + 1, 1);
    vrels = calloc((size_t)t.n + 1, 1);
    caps = calloc((size_t)t.n + 1, 1);
    rc = MODEL_ENOMEM;
    if (!words || !tags || !vrels || !caps) goto out;
    for (int k = 0; k < t.n; k++)
        if (t.kind[k] != TOK_CJK_BIGRAM) {
            caps[n] = t.cap[k];
            words[n] = t.v[k];
            /* shorthand read as the word it stands for ("lunch w my sister") */
            const char *plain = plain_word_before(words[n], k + 1 < t.n ? t.v[k + 1] : NULL);
            if (plain && !strchr(plain, ' ')) words[n] = plain;
            /* "my own kitten": my kitten (not "my own van": what one owns) */
            static const char *const whose[] = {"my", "our", "his", "her", "their", NULL};
            if (n > 0 && !strcmp(words[n], "own") && understand_in_list(whose, words[n - 1]) &&
                k + 1 < t.n && (understand_kin(t.v[k + 1]) || dialogue_pet_word(t.v[k + 1]) ||
                                kinds_animal(t.v[k + 1])))
                continue;
            /* "my guide dog", "our rescue cat": the dog, the cat */
            static const char *const kinds_of_pet[] = {"guide", "rescue", "service", "therapy",
                                                       "farm", "barn", "sheep", "guard",
                                                       "working", "support", "show", NULL};
            if (n > 0 && understand_in_list(kinds_of_pet, words[n]) && k + 1 < t.n &&
                dialogue_pet_word(t.v[k + 1]) && understand_in_list(whose, words[n - 1]))
                continue;
            /* "the wife", "the kids": the speaker's (not "the wife of ...") */
            static const char *const ours[] = {"wife", "husband", "missus", "hubby", "kids",
                                               "mrs", NULL};
            if (n > 0 && understand_in_list(ours, words[n]) && !strcmp(words[n - 1], "the") &&
                !(k + 1 < t.n && !strcmp(t.v[k + 1], "of")))
                words[n - 1] = "my";
            /* "me partner's Oona", "me mam", "ma weans", "ma trade": "me" or "ma" before
             * a word of kin or pet, or of a thing one has, is "my" */
            if (n > 0 && (!strcmp(words[n - 1], "me") || !strcmp(words[n - 1], "ma")) &&
                !caps[n]) {
                static const char *const owned[] = {"trade", "job", "work", "name", "house",
                                                    "home", "car", "shop", "studio", "boat",
                                                    "ain", NULL};
                char kin[UNDERSTAND_KEY];
                understand_holder_of(words[n], kin, sizeof kin);
                if (understand_kin(kin) || dialogue_pet_word(kin) ||
                    understand_in_list(owned, words[n]))
                    words[n - 1] = "my";
            }
            char key[UNDERSTAND_KEY];   /* "my FIL", "my BF": a kin word, not a name */
            if (caps[n] && !understand_is_cjk(words[n])) {
                understand_holder(&words[n], 1, key, sizeof key);
                if (understand_kin(key) && strcmp(key, words[n]) != 0) caps[n] = 0;
            }
            n++;
        }
    n = without_trailing_aside(words, n);
    int cry = opener_end(words, n);     /* read without it */
    if (cry) {
        memmove(words, words + cry, (size_t)(n - cry) * sizeof *words);
        memmove(caps, caps + cry, (size_t)(n - cry));
        n -= cry;
    }
    /* the reader learnt from words written without accents: it reads "Zoë" as "Zoe"
     * (what the clause tells keeps the accent: values are cut from words) */
    const char *const *reading = words;
    for (int k = 0; k < n && reading == words; k++)
        if (accented(words[k])) {
            rc = MODEL_ENOMEM;
            if (!(seen = unaccented_words(words, n, &folded))) goto out;
            reading = seen;
        }
    reader_out_t ro = {.tags = tags, .vrels = vrels};
    if (n > 0 && (rc = reader_read(r, reading, caps, n, &ro, err, errlen)) != 0) goto out;
    if (n == 0) ro.act = READER_SMALLTALK;
    int cut = 0;                /* small talk read once more without a closing reason,
                                 * kept if a fact */
    int valueless = ro.act == READER_FACT && !memchr(tags, READER_B_VALUE, (size_t)n);
    if ((ro.act == READER_SMALLTALK || valueless) && !memchr(c, '?', cn))
        cut = reason_at(words, n);
    if (cut) {
        reader_out_t again = {.tags = tags, .vrels = vrels};
        if ((rc = reader_read(r, reading, caps, cut, &again, err, errlen)) != 0) goto out;
        if (again.act == READER_FACT && again.act_p >= reader_fact_min_p(r) &&
            memchr(tags, READER_B_VALUE, (size_t)cut)) {
            ro = again;
            n = cut;
        } else if ((rc = reader_read(r, reading, caps, n, &ro, err, errlen)) != 0) {
            goto out;           /* (the whole clause's tags back) */
        }
    }
    understood_t clause = *out;
    clause.act = ro.act;
    clause.act_p = ro.act_p;
    clause.fact_min_p = reader_fact_min_p(r);
    const gate_t *gate = reader_gate(r);
    float chat_p = gate ? gate_chat_p(gate, c, cn) : 0.0f;
    clause.chat_p = chat_p > 0 ? chat_p : 0.0f;
    clause.gated = gate && chat_p >= gate->threshold;   /* (gate_is_chat, read once) */
    int formed = !memchr(c, '?', cn) && (forms_value_is_my(words, tags, vrels, caps, n, ro.rel) ||
                                         forms_my_is_name(words, tags, vrels, caps, n) ||
                                         forms_name_is_my(words, tags, vrels, caps, n));
    int tagged = !memchr(c, '?', cn) && !formed ? tags_a_fact(words, tags, vrels, caps, n) : 0;
    int by_tags = (ro.act == READER_SMALLTALK ||
                   (ro.act == READER_FACT && ro.act_p < clause.fact_min_p)) &&
                  !memchr(c, '?', cn) && (formed || tagged);
    if (by_tags ||
        ((ro.act == READER_QUESTION || ro.act == READER_YESNO) && tells(c, cn, words, n))) {
        clause.act = READER_FACT;       /* "he works as a welder" read as chat or as an
                                         * unsure fact, "right, I've got two daughters,
                                         * Maisie who's 12" as a question */
        clause.fact_min_p = 0;          /* settled by its words: act_p is the other act's */
    }
    clause.rel = clause.clause_rel = ro.rel;
    int s, e, ns = -1, ne = -1, k = 0;
    span(tags, n, READER_B_NAME, READER_I_NAME, 0, &ns, &ne);
    mend_tags(words, tags, vrels, n, clause.act, clause.rel);
    if (clause.act == READER_FACT || clause.act == READER_CORRECTION)
        forms_my_thing_called(words, caps, tags, vrels, n);
    if (clause.act == READER_FACT) {
        /* each value with the name told in passing after the value before it ("my mum
         * Carol is a teacher and my dad Stan drives buses"); a name after the last value
         * is someone's of its own ("... in Hull with my partner Alex") */
        int prev = 0, a, b;
        for (int from = 0;
             k < max && span(tags, n, READER_B_VALUE, READER_I_VALUE, from, &s, &e); from = e) {
            int end = value_end(c, cn, words, tags, vrels, caps, n, s, e);
            if (!end) continue;         /* no value: the loop goes on after the span */
            e = end;
            /* a capitalised word the reader left untagged right before a capitalised
             * value begins it ("in [New] York City"), not the clause's first word */
            while (s > 1 && caps[s - 1] && caps[s] && tags[s - 1] == READER_O &&
                   !understand_is_cjk(words[s - 1]) &&
                   !understand_in_list(understand_personal_words, words[s - 1]) &&
                   !lex_is_stopword(words[s - 1]) && !understand_month(words[s - 1])) {
                char upto[UNDERSTAND_VALUE], with[UNDERSTAND_VALUE];
                understand_as_written(c, cn, words, s - 1, s, upto, sizeof upto);
                understand_as_written(c, cn, words, s - 1, s + 1, with, sizeof with);
                if (strpbrk(with + strlen(upto), ",.;:!?()")) break;
                tags[s] = READER_I_VALUE;
                tags[--s] = READER_B_VALUE;
            }
            int os = -1, oe = -1;
            for (int f = prev; span(tags, n, READER_B_NAME, READER_I_NAME, f, &a, &b) && a < s;
                 f = b)
                os = a, oe = b;
            unit(c, cn, words, tags, caps, vrels, n, s, s, e, os, oe, &clause, &out[k++]);
            prev = e;
        }
        for (int f = prev; k < max && span(tags, n, READER_B_NAME, READER_I_NAME, f, &a, &b);
             f = b) {
            unit(c, cn, words, tags, caps, vrels, n, a, -1, -1, a, b, &clause, &out[k]);
            if (strcmp(out[k].holder, "self") != 0) k++;
        }
        /* a name after a pet or a kin word told as a value is theirs ("我有一只狗，叫旺财",
         * "I have a sister, called Ann"), not the speaker's */
        for (int j = 1; j < k; j++) {
            char key[UNDERSTAND_KEY];
            const char *v = out[j - 1].value;
            understand_holder(&v, 1, key, sizeof key);
            const char *h = out[j].holder;  /* the speaker, or a lone ideograph that is
                                             * no one (只, the measure word of 一只猫) */
            int nobody = !strcmp(h, "self") || ((unsigned char)h[0] >= 0xE0 && strlen(h) == 3 &&
                                                !dialogue_pet_word(h) && !understand_kin(h));
            if (out[j].rel == READER_REL_NAME && nobody &&
                (dialogue_pet_word(key) || understand_kin(key)))
                snprintf(out[j].holder, sizeof out[j].holder, "%s", key);
        }
        /* a verb said of someone is no value ("my uncle runs a chippy": no diet "runs") */
        for (int j = 0; j < k; j++)
            if (understand_in_list(understand_person_verbs, out[j].value)) {
                memmove(&out[j], &out[j + 1], (size_t)(k - j - 1) * sizeof *out);
                k--;
                j--;
            }
        /* "a new car, a Lexus": the vehicle word owned is the make's, told once */
        for (int j = 0; j + 1 < k; j++)
            if (out[j].rel == READER_REL_OWNS && out[j + 1].rel == READER_REL_OWNS &&
                !strcmp(out[j].holder, out[j + 1].holder) && vehicle_class(out[j].value)) {
                memmove(&out[j], &out[j + 1], (size_t)(k - j - 1) * sizeof *out);
                k--;
                j--;
            }
        /* a street address goes on to its town ("22 Mill Road, Ipswich" read as two
         * places): one value */
        for (int j = 1; j < k; j++) {
            understood_t *a = &out[j - 1], *b = &out[j];
            char joined[UNDERSTAND_VALUE];
            int n2 = snprintf(joined, sizeof joined, "%s, %s", a->value, b->value);
            if (a->rel != READER_REL_HOME || b->rel != READER_REL_HOME ||
                strcmp(a->holder, b->holder) != 0 || !isdigit((unsigned char)a->value[0]) ||
                !strchr(a->value, ' ') || n2 < 0 || (size_t)n2 >= sizeof joined ||
                !understand_holds_text(c, cn, joined))
                continue;
            memcpy(a->value, joined, (size_t)n2 + 1);
            memmove(b, b + 1, (size_t)(k - j - 1) * sizeof *b);
            k--;
            j--;
        }
        /* in a list of several people or animals, a value right after one's name is that
         * one's ("two kids, Ana who's 12 and Luis who's 8": Luis is 8), not the group's */
        for (int j = 1; j < k; j++)
            if (out[j].rel != READER_REL_NAME && out[j - 1].rel == READER_REL_NAME &&
                out[j - 1].value[0] && !strcmp(out[j].holder, out[j - 1].holder) &&
                understand_group_key(out[j].holder))
                snprintf(out[j].holder, sizeof out[j].holder, "%.*s",
                         (int)sizeof out[j].holder - 1, out[j - 1].value);
    }
    int us, ue;
    if (clause.act == READER_FACT && k == 0 && (us = im_name_at(words, tags, caps, n)) >= 0 &&
        tags[us] == READER_B_REL) {
        tags[us] = READER_B_VALUE;          /* "I'm Lars" with Lars read as a relation (a
                                             * word it did not read may be a mood: "I'm
                                             * Tired") */
        vrels[us] = READER_REL_NAME;
        unit(c, cn, words, tags, caps, vrels, n, us, us, us + 1, ns, ne, &clause, &out[k++]);
    }
    if (clause.act == READER_FACT && k == 0 && clause.rel == READER_REL_NAME &&
        forms_unmarked_name(words, tags, caps, n, &us)) {
        tags[us] = READER_B_VALUE;          /* "Pumpernickel is my cat" */
        vrels[us] = READER_REL_NAME;
        unit(c, cn, words, tags, caps, vrels, n, us + 1, us, us + 1, ns, ne, &clause, &out[k++]);
    }
    if (clause.act == READER_FACT && k == 0 &&
        forms_unmarked_value(c, cn, words, tags, n, &us, &ue)) {
        /* "I earn my living as a [surgeon]": what one is "as a" is a job */
        int as_a = us >= 2 && !strcmp(words[us - 2], "as") &&
                   (!strcmp(words[us - 1], "a") || !strcmp(words[us - 1], "an"));
        for (int w = us; w < ue; w++) {
            tags[w] = w == us ? READER_B_VALUE : READER_I_VALUE;
            vrels[w] = (unsigned char)(as_a ? READER_REL_JOB : clause.rel);
        }
        unit(c, cn, words, tags, caps, vrels, n, us, us, ue, ns, ne, &clause, &out[k++]);
    }
    if (k == 0) {       /* one unit: the act with its first spans */
        int vs = -1, ve = -1;   /* a fact's spans were all found empty above ("I live
                                 * [together]") */
        if (clause.act != READER_FACT && span(tags, n, READER_B_VALUE, READER_I_VALUE, 0, &s, &e))
            vs = s, ve = e;
        int empty = vs >= 0;    /* only function words or fillers ("forget where i live
                                 * [pls]"): no value */
        for (int w = vs; empty && w < ve; w++)
            empty = understand_in_list(understand_empty_words, words[w]) ||
                    (lex_is_stopword(words[w]) && !understand_month(words[w]));   /* May */
        if (empty) vs = ve = -1;
        unit(c, cn, words, tags, caps, vrels, n, vs >= 0 ? vs : n, vs, ve, ns, ne, &clause,
             &out[0]);
        if (vs < 0 && !(out[0].rel == READER_REL_OPEN && clause.rel == READER_REL_KIND)) {
            out[0].rel = clause.rel;    /* (but "what is my [sport]" asks no kind) */
            favourite_rel(&out[0]);
        }
        if (span(tags, n, READER_B_OLD, READER_I_OLD, 0, &s, &e))
            understand_as_written(c, cn, words, s, e, out[0].old, sizeof out[0].old);
        k = 1;
    }
    if (clause.act == READER_FACT || clause.act == READER_CORRECTION ||
        clause.act == READER_SMALLTALK)
        k = forms_moved_to(c, cn, words, caps, n, &clause, out, k, max);
    if (clause.act == READER_FACT || clause.act == READER_CORRECTION ||
        clause.act == READER_SMALLTALK)
        k = forms_bought(c, cn, words, caps, n, &clause, out, k, max);
    if (clause.act == READER_CORRECTION) k = forms_not_old(c, cn, words, n, out, k);
    if (clause.act == READER_FACT || clause.act == READER_CORRECTION ||
        clause.act == READER_SMALLTALK || (n > 0 && !strcmp(words[0], "guess")))
        k = forms_job_from_to(c, cn, words, caps, n, &clause, out, k);   /* ("guess who ...") */
    if (clause.act == READER_FACT || clause.act == READER_CORRECTION ||
        clause.act == READER_SMALLTALK)
        k = forms_placement(&clause, words, n, out, k);
    if (clause.act == READER_FACT || clause.act == READER_CORRECTION)
        k = forms_turned(c, cn, words, caps, n, out, k, max);
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK)
        k = forms_names_aged(c, cn, words, n, &clause, out, k, max);
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK ||
        clause.act == READER_CORRECTION)
        k = forms_working_for(c, cn, words, caps, n, &clause, out, k);
    if (clause.act == READER_FACT) k = forms_lives_with(c, cn, words, n, out, k, max);
    if (clause.act == READER_FACT) {
        k = forms_married_to(c, cn, words, caps, n, out, k, max);
        k = forms_works_from_home(words, n, out, k, max);
    }
    understand_mend_studies(words, n, clause.act, out, k);
    if (clause.act == READER_YESNO || clause.act == READER_QUESTION ||
        clause.act == READER_SUMMARY)
        understand_mend_dating_asked(words, n, out, k);
    if (clause.act == READER_YESNO || clause.act == READER_QUESTION) {
        k = understand_mend_have_asked(c, cn, words, n, out, k);
        understand_mend_asked_of_mine(words, n, out, k);
        understand_mend_line_of_work(words, n, out, k);
        int nread = k;
        k = forms_learning(c, cn, words, n, clause.act, &clause, out, k, &nread, max);
        k = forms_doing_for(c, cn, words, n, clause.act, &clause, out, k, &nread, max);
        k = forms_dislikes(c, cn, words, n, clause.act, &clause, out, k, &nread, max);
        k = forms_trips_and_visits(c, cn, words, caps, n, clause.act, &clause, out, k, max);
        k = forms_position_asked(words, n, clause.act, out, k);
    }
    if (clause.act == READER_FACT) {
        k = understand_mend_name_read_as_relation(c, cn, words, caps, n, out, k, max);
        k = understand_mend_intro_by_name(c, cn, words, caps, n, out, k, max);
        k = understand_mend_name_after_calling(c, cn, out, k);
        k = understand_mend_names_listed(c, cn, words, caps, n, out, k, max);
        k = understand_mend_names_in_capitals(words, n, out, k);
        understand_mend_who_is(words, n, out, k);
        understand_mend_pronoun_before_value(words, n, out, k);
        k = understand_mend_month_not_birthday(words, n, out, k);
        k = understand_mend_age_not_measure(words, n, out, k);
        k = understand_mend_no_value(words, n, out, k);
        k = understand_mend_place_and_country(c, cn, out, k);
        k = understand_mend_kind_and_name(out, k);
        understand_mend_place_before_comma(c, cn, words, n, out, k);
        k = understand_mend_home_of_us(words, n, out, k, max);
        understand_mend_hometown_from(c, cn, words, n, out, k);
        k = understand_mend_moved_from(c, cn, words, n, out, k, max);
        k = understand_mend_home_not_lived(words, n, out, k);
        k = understand_mend_place_named(out, k);
        k = understand_mend_place_near(c, cn, words, n, out, k);
        k = understand_mend_jobs_of_people(out, k);
        understand_mend_job_read_as_firm(out, k);
        understand_mend_job_read_as_name(words, n, out, k);
        k = understand_mend_job_as_holder(c, cn, words, n, out, k, max);
        k = understand_mend_month_not_firm(out, k);
        k = understand_mend_firm_after_job(c, cn, words, caps, n, out, k, max);
        understand_mend_place_not_work(words, n, out, k);
        k = understand_mend_group_not_place(words, n, out, k);
        understand_mend_thing_called(words, n, out, k);
        understand_mend_pastime_partner(words, n, out, k);
        k = understand_mend_firm_before_town(c, cn, words, n, out, k, max);
    }
    if (clause.act == READER_QUESTION || clause.act == READER_YESNO)
        understand_mend_pastime_partner(words, n, out, k);
    if (clause.act == READER_FACT || clause.act == READER_QUESTION)
        k = understand_mend_pastime(words, n, clause.act, out, k);
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK)
        k = understand_mend_kin_named_first(c, cn, words, caps, n, out, k, max);
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK)
        k = understand_mend_kin_named_with(c, cn, words, caps, n, out, k, max);
    k = understand_mend_kind_in_holder(clause.act, out, k, max);
    k = understand_mend_breed_as_holder(c, cn, words, n, clause.act, out, k, max);
    understand_mend_kind_whole(c, cn, words, n, out, k);
    understand_mend_name_whole(c, cn, words, n, out, k);
    understand_mend_name_of_another(c, cn, words, n, out, k);
    k = understand_mend_name_two_words(c, cn, words, n, out, k);
    understand_mend_grade(c, cn, words, n, out, k);
    understand_mend_hyphenated(c, cn, out, k);
    understand_mend_titled_name(c, cn, words, n, out, k);
    understand_mend_job_whole(c, cn, words, n, out, k);
    int cjk = 0;
    for (int w = 0; w < n && !cjk; w++) cjk = understand_is_cjk(words[w]);
    /* a Chinese clause that asks is a question, whatever the reader took it for
     * ("我表哥是干嘛的", "小林上几年级了", "你还记得我多大年纪吗" read as a summary), unless it
     * asks mnemo how it is (你好吗) or for all it knows (forms_zh_asks_all) */
    int zh_asks = cjk ? forms_zh_asks(c, cn) : 0;
    if (zh_asks && (clause.act == READER_FACT || clause.act == READER_SMALLTALK ||
                    clause.act == READER_CORRECTION || clause.act == READER_UNABLE ||
                    (clause.act == READER_SUMMARY && zh_asks == 2 &&
                     !forms_zh_asks_all(c, cn))) &&
        !(understand_text_at(c, cn, "你") >= 0 && understand_text_at(c, cn, "我") < 0)) {
        clause.act = zh_asks == 2 ? READER_QUESTION : READER_YESNO;
        for (int i = 0; i < k; i++) {
            out[i].act = clause.act;
            out[i].fact_min_p = 0;
            out[i].old[0] = '\0';
            if (zh_asks == 2) out[i].value[0] = '\0';  /* what it asks is no value */
        }
    }
    if (cjk) k = forms_zh(c, cn, clause.act, out, k, max);
    /* a holder of one Chinese character that names no one (们 of 我们, 周 of 周末, 只 of
     * 一只) is the reader's slip: a question of it asks of the user, a fact of it tells
     * nothing (small talk when it was all the clause told) */
    for (int i = 0; cjk && i < k; i++) {
        if (strlen(out[i].holder) != 3 || !understand_is_cjk(out[i].holder) ||
            (forms_zh_who_len(out[i].holder, 3) && kin_char_said(c, cn, out[i].holder)))
            continue;
        /* (a kin character of a word one calls the listener, 兄弟我在福州…: the user's) */
        int calling = forms_zh_who_len(out[i].holder, 3) && understand_text_at(c, cn, "我") >= 0;
        if (out[i].act == READER_QUESTION || out[i].act == READER_YESNO || calling) {
            snprintf(out[i].holder, sizeof out[i].holder, "self");
            out[i].personal |= calling;
            int again = 0;      /* asked once: two pieces of one misread ask the same */
            for (int j = 0; j < i && !again && !calling; j++)
                again = out[j].act == out[i].act && !strcmp(out[j].holder, "self") &&
                        out[j].rel == out[i].rel && !strcmp(out[j].relation, out[i].relation);
            if (again) {
                memmove(&out[i], &out[i + 1], (size_t)(k - i - 1) * sizeof *out);
                k--;
                i--;
            }
        } else if (k > 1) {
            memmove(&out[i], &out[i + 1], (size_t)(k - i - 1) * sizeof *out);
            k--;
            i--;
        } else {
            out[i].act = READER_SMALLTALK;
            out[i].value[0] = out[i].old[0] = '\0';
            snprintf(out[i].holder, sizeof out[i].holder, "self");
        }
    }
    int old_told = 0;       /* a correction that names no old value ("3 brothers and no
                             * sisters") may still count */
    for (int i = 0; i < k && !old_told; i++) {
        char key[UNDERSTAND_KEY];       /* (an old value of a group's word: "no sisters") */
        understand_holder_of(out[i].old, key, sizeof key);
        old_told = out[i].old[0] && !understand_group_key(key);
    }
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK ||
        clause.act == READER_UNABLE)
        k = forms_allergic(c, cn, words, n, &clause, out, k, max);
    if (clause.act == READER_CORRECTION && !old_told) {
        k = forms_counted(c, cn, words, n, &clause, out, k, max);
        int nread = k;          /* "fav film is X, yes i know ..." read as a correction */
        k = forms_favourite_is(c, cn, words, n, &clause, out, k, &nread, max);
    }
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK) {
        k = forms_group_named(c, cn, words, caps, n, &clause, out, k, max);
        k = forms_counted(c, cn, words, n, &clause, out, k, max);
        k = forms_name_the_pet(c, cn, words, caps, n, &clause, out, k, max);
        k = forms_trips_and_visits(c, cn, words, caps, n, clause.act, &clause, out, k, max);
        int nread = k;          /* the units so far, which a measure may replace */
        k = forms_measures(c, cn, words, n, &clause, out, k, &nread, max);
        k = forms_fan_of(c, cn, words, caps, n, &clause, out, k, &nread, max);
        k = forms_first_language(c, cn, words, n, &clause, out, k, &nread, max);
        k = forms_learning(c, cn, words, n, clause.act, &clause, out, k, &nread, max);
        k = forms_degree_in(c, cn, words, n, &clause, out, k, &nread, max);
        k = forms_doing_for(c, cn, words, n, clause.act, &clause, out, k, &nread, max);
        k = forms_dislikes(c, cn, words, n, clause.act, &clause, out, k, &nread, max);
        k = forms_plays(c, cn, words, tags, n, &clause, out, k, &nread, max);
        k = forms_favourite_is(c, cn, words, n, &clause, out, k, &nread, max);
        k = forms_by_trade(c, cn, words, tags, n, &clause, out, k, &nread, max);
        k = forms_intro_list(c, cn, &clause, out, k, max);
        k = forms_sport(c, cn, words, n, &clause, out, k, max);
    }
    if (clause.act != READER_FORGET && clause.act != READER_SUMMARY)   /* (told or asked,
                                                                        * whatever the act) */
        k = forms_condition(c, cn, words, n, clause.act, &clause, out, k, max);
    int asks_forget = 0;
    for (int w = 0; w < n && !asks_forget; w++)
        asks_forget = understand_in_list(understand_forget_verbs, words[w]);
    if (clause.act != READER_QUESTION && clause.act != READER_YESNO &&
        !(clause.act == READER_FORGET && asks_forget)) {
        int nread = k;          /* "Nothing beats pho" read as anything but a question or
                                 * a forget request said in words */
        k = forms_prefers(c, cn, words, tags, n, &clause, out, k, &nread, max);
    }
    k = understand_mend_job_alone(c, cn, words, n, out, k, max);
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK)
        k = understand_mend_trade_verb(c, cn, words, n, out, k, max);
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK ||
        clause.act == READER_CORRECTION)
        k = understand_mend_started_at(c, cn, words, n, out, k, max);
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK)
        k = understand_mend_job_of_pronoun(c, cn, words, n, out, k);
    if (clause.act == READER_FACT) {
        understand_mend_driven(words, n, out, k);
        understand_mend_kind_named(words, n, out, k);
        understand_mend_pet_called(c, cn, words, n, out, k);
        k = understand_mend_one_name(out, k);
        k = understand_mend_kin_aged(words, n, out, k, max);
        understand_mend_crazy_about(words, n, out, k);
        k = understand_mend_job_town(c, cn, words, n, out, k, max);
    }
    if (clause.act == READER_FACT) k = understand_mend_job_as(c, cn, words, n, out, k, max);
    k = understand_mend_greeting(words, n, out, k);
    k = understand_mend_name_and_age(out, k, max);
    /* "whats my fave sport": a favourite whose noun the reader left out of the
     * relation is of the word after the favourite's */
    static const char *const fave[] = {"favourite", "favorite", "fave", "fav", "favourit",
                                       NULL};
    for (int i = 0; i < k; i++)
        for (int w = 0; w + 1 < n && !strcmp(out[i].relation, UNDERSTAND_FAVOURITE); w++)
            if (understand_in_list(fave, words[w]) && isalpha((unsigned char)words[w + 1][0]) &&
                !lex_is_stopword(words[w + 1]) &&
                !understand_in_list(understand_empty_words, words[w + 1]))
                snprintf(out[i].relation, sizeof out[i].relation, "%s %s", UNDERSTAND_FAVOURITE,
                         words[w + 1]);
    /* a value begun with the words that lead to it ("[called Muse]", "[I'm 45] not 44")
     * is the rest */
    static const char *const leads[] = {"called ", "named ", "i'm ", "im ", "i am ", NULL};
    for (int i = 0; i < k; i++)
        for (int l = 0; leads[l]; l++) {
            size_t ll = strlen(leads[l]);
            if (!strncasecmp(out[i].value, leads[l], ll) && out[i].value[ll])
                memmove(out[i].value, out[i].value + ll, strlen(out[i].value + ll) + 1);
        }
    /* small talk or an unsure fact taken for a fact by its tags that yields no value and
     * no name ("I'm Tired lol") is what the reader read */
    int found = 0;
    for (int i = 0; i < k; i++) found |= out[i].value[0] || out[i].name[0];
    if (!found && by_tags)      /* (a question its forms found stays one: 哪家公司) */
        for (int i = 0; i < k; i++)
            if (out[i].act != READER_QUESTION && out[i].act != READER_YESNO)
                out[i].act = ro.act, out[i].fact_min_p = reader_fact_min_p(r);
    /* a name typed small told in passing ("my collie nessa is sulking", "wife gemma runs
     * the shop") settles that name only: the rest is as the reader read it */
    for (int i = 0; i < k && by_tags && tagged == 2; i++)
        if (out[i].act == READER_FACT && out[i].fact_min_p == 0 &&
            !(out[i].rel == READER_REL_NAME &&
              (understand_kin(out[i].holder) || dialogue_pet_word(out[i].holder) ||
               kinds_animal(out[i].holder))))
            out[i].act = ro.act, out[i].fact_min_p = reader_fact_min_p(r);
    /* "... home with my boyfriend oskar": a name told in passing of someone of the
     * user's is a fact, however its own unit was read */
    for (int i = 0; i < k; i++)
        if (out[i].name[0] && !out[i].value[0] && !memchr(c, '?', cn) &&
            !all_capitals(out[i].name) &&
            (out[i].act == READER_SMALLTALK || out[i].act == READER_UNABLE) &&
            (understand_kin(out[i].holder) || dialogue_pet_word(out[i].holder))) {
            out[i].act = READER_FACT;
            out[i].fact_min_p = 0;
            out[i].personal = 1;
            out[i].rel = READER_REL_NAME;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_NAME));
            snprintf(out[i].value, sizeof out[i].value, "%s", out[i].name);
            out[i].name[0] = '\0';
        }
    int bare = !has_subject(words, tags, caps, n);
    for (int i = 0; i < k; i++) out[i].bare = bare;
    if (bare && clause.act == READER_FACT) {
        k = understand_mend_bare_jobs(words, n, out, k);
        k = understand_mend_job_opening(c, cn, words, n, out, k, max);
    }
    if (clause.act == READER_FACT)
        k = understand_mend_job_after_name(c, cn, words, caps, n, out, k, max);
    /* "I'll be living in Porto, not Braga anymore", read as chat: a value of the user's
     * with the old one it replaces is a correction */
    static const char *const will[] = {"i'll", "ill", "we'll", NULL};
    int mine = 0;
    for (int w = 0; w < n && !mine; w++)
        mine = understand_in_list(understand_personal_words, words[w]) ||
               understand_in_list(will, words[w]);
    for (int i = 0; i < k && mine; i++)
        if (out[i].act == READER_SMALLTALK && out[i].value[0] && out[i].old[0] &&
            out[i].rel != READER_REL_OPEN) {
            out[i].act = READER_CORRECTION;
            out[i].personal = 1;
            out[i].fact_min_p = 0;
        }
    if (clause.act == READER_FACT || clause.act == READER_SMALLTALK)   /* (last: settled) */
        k = understand_mend_years_doing(c, cn, words, n, out, k, max);
    if (clause.act == READER_FACT) {
        k = understand_mend_intro_place(c, cn, out, k, max);
        k = understand_mend_work_town(c, cn, words, caps, n, out, k, max);
        k = understand_mend_pet_years_old(words, n, out, k, max);
    }
    understand_mend_baby_named(words, n, out, k);
    k = understand_mend_name_then_whose(c, cn, words, n, out, k);
    rc = k;
out:
    free(words);
    free(seen);
    free(folded);
    free(tags);
    free(vrels);
    free(caps);
    tok_list_free(&t);
    return rc;
}

/* What snprintf wrote (w) when it all fit in cap bytes, else 0. */
static size_t fitted(int w, size_t cap) { return w > 0 && (size_t)w < cap ? (size_t)w : 0; }

/* A note ("job: welder", "wife - Ilse", "van = 2012 Transit", "kids: Tom and Ana"): a key
 * of one or two words and a colon, an equals sign or a dash, then its value, which the
 * reader reads best as the sentence people also write: "my job is welder", "my wife is
 * Ilse", "my van is a 2012 Transit" (a thing of theirs is "a" one), "my kids are Tom and
 * Ana", "I'm allergic to sulfa"; after an aside ("update: moved to Leeds") what
 * follows; a note asked ("my job?", or a word alone of what people ask of themselves:
 * "job?", "allergies?", or of someone of theirs: "dog name?") as "what is my job?".
 * Writes that into out and returns its length, 0 when text is no note (a question, a
 * first-person key, a word such as "anyway" before a colon). */
static size_t note_as_sentence(const char *text, size_t len, char *out, size_t cap)
{
    static const char *const markers[] = {
        "note", "notes", "update", "updates", "fyi", "btw", "ps", "edit", "correction",
        "question", "reminder", "also", "oh", "ok", "okay", "so", "and", "but", "well",
        "anyway", "actually", "sorry", "hi", "hey", "hello", "yes", "no", "quick", "random",
        "fun", "fact", "news", "rip", "lol", "haha", "what", "where", "who", "when", "which",
        "how", "why", "please", "pls", "forget", "delete", "remember", "i", "my", "me",
        "we", "our", "you", "your", "it", "that", "this", "the", "a", "an", "nvm", NULL};
    static const char *const things[] = {"car", "van", "bike", "motorbike", "truck", "lorry",
                                         "ute", "boat", "ride", NULL};
    static const char *const asides[] = {"note", "update", "edit", "correction", "fyi",
                                         "btw", "ps", "reminder", NULL};
    /* what a word alone asks of the user ("job?", "allergies?") */
    static const char *const asked_alone[] = {
        "job", "work", "name", "surname", "nickname", "age", "address", "birthday", "bday",
        "hometown", "car", "van", "bike", "motorbike", "truck", "boat", "allergies",
        "allergy", "employer", "school", "uni", "university", "hobby", "hobbies",
        "languages", "diet", "meds", "medication", "medications", "email", "phone", NULL};
    char key[2][24];
    size_t i = 0, nk = 0;
    /* and of someone or something of theirs ("dog name?", "son age?") */
    static const char *const of_them[] = {"name", "age", "breed", "job", "birthday",
                                          "colour", "color", NULL};
    if (len > 1 && text[len - 1] == '?') {
        size_t n = 0, m = 0;
        while (n + 1 < len && n + 1 < sizeof key[0] && isalpha((unsigned char)text[n]))
            key[0][n] = (char)tolower((unsigned char)text[n]), n++;
        key[0][n] = '\0';
        if (n + 1 == len && understand_in_list(asked_alone, key[0]))
            return fitted(snprintf(out, cap, "what %s my %s?",
                                   understand_plural(key[0]) ? "are" : "is", key[0]),
                          cap);
        size_t o = n;       /* "dog's name?": the possessive goes */
        if (o + 2 < len && text[o] == '\'' && text[o + 1] == 's') o += 2;
        while (o + 1 + m + 1 < len && m + 1 < sizeof key[1] &&
               isalpha((unsigned char)text[o + 1 + m]))
            key[1][m] = (char)tolower((unsigned char)text[o + 1 + m]), m++;
        key[1][m] = '\0';
        char whose[UNDERSTAND_KEY];
        const char *one[1] = {key[0]};
        understand_holder(one, 1, whose, sizeof whose);
        if (n && m && text[o] == ' ' && o + 1 + m + 1 == len &&
            understand_in_list(of_them, key[1]) &&
            (dialogue_pet_word(whose) || understand_kin(whose) ||
             (understand_in_list(things, key[0]) && !strcmp(key[1], "name"))))
            return fitted(snprintf(out, cap, "what is my %s's %s?", key[0], key[1]), cap);
    }
    /* "Greta's my wife", "Pip's our dog": of the one named, "my wife is Margaret" */
    if (len > 6 && isupper((unsigned char)text[0]) && !memchr(text, '?', len)) {
        size_t n = 0;
        while (n < len && isalpha((unsigned char)text[n])) n++;
        size_t p = n + 3;       /* after "'s " */
        char first[16];
        snprintf(first, sizeof first, "%.*s", (int)(n < 15 ? n : 15), text);
        for (char *q = first; *q; q++) *q = (char)tolower((unsigned char)*q);
        if (n > 1 && p + 3 < len && text[n] == '\'' && text[n + 1] == 's' && text[n + 2] == ' ' &&
            !understand_question_word(first) && !lex_is_stopword(first) &&  /* ("What's my") */
            (!strncasecmp(text + p, "my ", 3) || !strncasecmp(text + p, "our ", 4))) {
            size_t w = text[p] == 'm' || text[p] == 'M' ? p + 3 : p + 4, e = w;
            while (e < len && (isalpha((unsigned char)text[e]) || text[e] == '-')) e++;
            char kin[UNDERSTAND_KEY], whose[UNDERSTAND_KEY];
            snprintf(kin, sizeof kin, "%.*s", (int)(e - w), text + w);
            const char *one[1] = {kin};
            understand_holder(one, 1, whose, sizeof whose);
            if (e > w && (understand_kin(whose) || dialogue_pet_word(whose)))
                return fitted(snprintf(out, cap, "%.*s is %.*s%s", (int)(e - p), text + p,
                                       (int)n, text, text + e), cap);
        }
    }
    /* "my job?", "my dog's name?": what is asked */
    if (len > 4 && !strncasecmp(text, "my ", 3) && text[len - 1] == '?') {
        int words = 1;
        for (size_t k = 3; k + 1 < len; k++) {
            if (text[k] == ' ') words++;
            else if (!isalpha((unsigned char)text[k]) && text[k] != '\'') return 0;
        }
        return words <= 3 ? fitted(snprintf(out, cap, "what is %.*s", (int)len, text), cap) : 0;
    }
    if (memchr(text, '?', len)) return 0;
    /* "me: ilse, 52, baker": the user's own, "I'm ilse, 52, baker" */
    size_t me = len > 4 && !strncasecmp(text, "me", 2) ? 2 : 0;
    while (me && me < len && text[me] == ' ') me++;
    if (me && me < len && (text[me] == ':' || text[me] == '-' || text[me] == '=')) {
        me++;
        while (me < len && text[me] == ' ') me++;
        return me < len ? fitted(snprintf(out, cap, "%s %.*s", islower((unsigned char)text[0])
                                                                   ? "i'm" : "I'm",
                                          (int)(len - me), text + me), cap)
                        : 0;        /* (in the writer's case: "me: ada" is "i'm ada") */
    }
    while (nk < 2) {
        size_t n = 0;
        while (i < len && n + 1 < sizeof key[0] && isalpha((unsigned char)text[i]))
            key[nk][n++] = (char)tolower((unsigned char)text[i++]);
        key[nk][n] = '\0';
        if (n == 0 || (i < len && isalpha((unsigned char)text[i]))) return 0;
        if (nk == 0 && i < len && text[i] == ':' && understand_in_list(asides, key[0])) {
            size_t b = i + 1;       /* "update: moved to Leeds": what follows */
            while (b < len && text[b] == ' ') b++;
            return b < len ? fitted(snprintf(out, cap, "%.*s", (int)(len - b), text + b), cap) : 0;
        }
        if (understand_in_list(markers, key[nk])) return 0;
        nk++;
        size_t sp = i;
        while (sp < len && text[sp] == ' ') sp++;
        if (sp < len && (text[sp] == ':' || text[sp] == '=' ||
                         (text[sp] == '-' && sp > i && sp + 1 < len && text[sp + 1] == ' '))) {
            i = sp + 1;
            break;
        }
        if (sp == i || nk == 2) return 0;    /* one space between two key words */
        i = sp;
    }
    while (i < len && (text[i] == ' ' || text[i] == '-' || text[i] == ':')) i++;
    if (i >= len || !isalnum((unsigned char)text[i])) return 0;
    const char *last = key[nk - 1];
    char holder[UNDERSTAND_KEY];
    const char *one[1] = {last};
    understand_holder(one, 1, holder, sizeof holder);
    int thing = nk == 1 && (dialogue_pet_word(holder) || understand_in_list(things, last));
    int many = understand_plural(last) || understand_group_key(holder);
    int article = !strncasecmp(text + i, "a ", 2) || !strncasecmp(text + i, "an ", 3) ||
                  !strncasecmp(text + i, "the ", 4);
    static const char *const allergies[] = {"allergy", "allergies", "allergic", NULL};
    if (nk == 1 && understand_in_list(allergies, last))   /* as people say it */
        return fitted(snprintf(out, cap, "I'm allergic to %.*s", (int)(len - i), text + i), cap);
    return fitted(snprintf(out, cap, "my %s%s%s %s%s%.*s", key[0], nk == 2 ? " " : "",
                           nk == 2 ? key[1] : "", many ? "are" : "is",
                           thing && !many && !article ? " a " : " ", (int)(len - i), text + i),
                  cap);
}

/* "hamster: Pip, syrian, 2" read as the pet's name and age: an item of the note that is
 * neither (one to three words of letters after the first) is its kind, added to out[0, k)
 * (at most max) when no unit read one. Returns the units. */
static int pet_note_kind(const char *text, size_t len, understood_t *out, int k, int max)
{
    const char *colon = memchr(text, ':', len);
    if (!colon || k < 1 || k >= max) return k;
    char key[UNDERSTAND_KEY], word[32];
    snprintf(word, sizeof word, "%.*s", (int)(colon - text), text);
    for (char *p = word; *p; p++) *p = (char)tolower((unsigned char)*p);
    understand_holder_of(word, key, sizeof key);
    if (!dialogue_pet_word(key)) return k;
    for (int i = 0; i < k; i++)
        if (out[i].rel == READER_REL_KIND && !strcmp(out[i].holder, key)) return k;
    const char *p = colon + 1, *end = text + len;
    for (int item = 0; p < end; item++) {
        const char *comma = memchr(p, ',', (size_t)(end - p)), *e = comma ? comma : end;
        while (p < e && *p == ' ') p++;
        const char *b = p;
        size_t n = (size_t)(e - b);
        while (n && (b[n - 1] == ' ' || b[n - 1] == '.')) n--;
        int words = n > 0, letters = 1;
        for (size_t j = 0; j < n; j++) {
            words += b[j] == ' ';
            letters &= isalpha((unsigned char)b[j]) || b[j] == ' ' || b[j] == '-';
        }
        if (item > 0 && letters && words >= 1 && words <= 3) {
            char kind[UNDERSTAND_VALUE];
            snprintf(kind, sizeof kind, "%.*s", (int)n, b);
            int read = 0;
            for (int i = 0; i < k && !read; i++) read = !strcasecmp(out[i].value, kind);
            if (!read && !lex_is_stopword(kind)) {
                understood_t base = out[0];
                forms_told_unit(&base, READER_REL_KIND, key, reader_rel_name(READER_REL_KIND),
                                kind, &out[k]);
                return k + 1;
            }
        }
        p = comma ? comma + 1 : end;
    }
    return k;
}

/* The units of an item of a list of the user's (roster.h) whose clause out[0] spans, into
 * out[0, max): a named one's age and, when the list named its group, the name as one of
 * theirs ("two hamsters, Pip who's 2": Pip is 2, the hamsters' names hold Pip); then what
 * the reader reads of the rest, the named one's facts theirs, keyed by the name with a
 * capital; an animal's kind the item said ("Rex the beagle is 10") is the named one's. A
 * kin word's item is the reader's alone. The age and the name are listed: the
 * checks leave them as they are. Returns how many units, or a MODEL_E* code. */
static int read_item(const reader_t *r, const roster_item_t *item, understood_t *out,
                     int max, char *err, size_t errlen)
{
    if (!item->name[0])
        return read_clause(r, item->sentence, strlen(item->sentence), out, max, err, errlen);
    const understood_t clause = out[0];
    understood_t one = clause;
    one.act = READER_FACT;
    one.act_p = 1.0f;
    one.personal = one.settled = one.listed = 1;
    snprintf(one.holder, sizeof one.holder, "%s", item->name);
    one.holder[0] = (char)toupper((unsigned char)one.holder[0]);
    int k = 0;
    /* (the one animal of its kind in the list is "my dog", as "my dog Rex is 10" says; the
     * one of a kin, 孙女小雨, "my granddaughter") */
    const char *kind = strcmp(item->kind, item->animal) != 0 ? item->kind : "";
    const char *of = item->group[0] && !understand_plural(item->group) ? item->group
                                                                      : one.holder;
    const struct {
        const char *holder, *value;
        int rel;
    } told[3] = {{of, item->age, READER_REL_AGE},
                 {item->group, one.holder, READER_REL_NAME},
                 {kind[0] ? of : "", kind, READER_REL_KIND}};
    for (int i = 0; i < 3 && k < max; i++) {
        if (!told[i].holder[0]) continue;
        out[k] = one;
        out[k].rel = out[k].clause_rel = told[i].rel;
        snprintf(out[k].holder, sizeof out[k].holder, "%s", told[i].holder);
        snprintf(out[k].relation, sizeof out[k].relation, "%s", reader_rel_name(told[i].rel));
        snprintf(out[k].value, sizeof out[k].value, "%s", told[i].value);
        k++;
    }
    if (!item->sentence[0] || k >= max) return k;
    out[k] = clause;
    int got = read_clause(r, item->sentence, strlen(item->sentence), &out[k], max - k, err,
                          errlen);
    if (got < 0) return got;
    for (int j = k; j < k + got; j++)
        if (!strcasecmp(out[j].holder, item->name)) {
            out[j].personal = 1;
            snprintf(out[j].holder, sizeof out[j].holder, "%s", one.holder);
        }
    return k + got;
}

int understand(const reader_t *r, const char *msg, understood_t *out, char *err,
               size_t errlen)
{
    clause_span_t c[CLAUSES_MAX];
    int n = clauses_split(msg, strlen(msg), c), k = 0;
    /* a Chinese clause of the user's own that goes on after a comma with no subject
     * (我叫王芳，在杭州读大学) is two: cut before the part that goes on */
    for (int i = 0; i < n && n < CLAUSES_MAX; i++)
        for (size_t p = c[i].at + 3; p + 3 <= c[i].at + c[i].len; p++)
            if (forms_zh_goes_on(msg, p)) {
                memmove(&c[i + 2], &c[i + 1], (size_t)(n - i - 1) * sizeof *c);
                c[i + 1] = (clause_span_t){p, c[i].at + c[i].len - p};
                c[i].len = p - 3 - c[i].at;
                n++;
                break;
            }
    roster_t list;                              /* "Pip who's 2 and Dot who is 1" */
    if (roster_read(msg, &list) || roster_zh_read(msg, &list))
        n = roster_cut(msg, &list, c, n, CLAUSES_MAX);
    for (int i = 0; i < n && k < UNDERSTAND_MAX; i++) {
        memset(&out[k], 0, sizeof out[k]);
        out[k].at = c[i].at;
        out[k].len = c[i].len;
        roster_item_t item;
        if (list.n && roster_item(msg, &list, c[i].at, c[i].len, &item)) {  /* "Dot is 1" */
            int got = read_item(r, &item, &out[k], UNDERSTAND_MAX - k, err, errlen);
            if (got < 0) return got;
            k += got;
            continue;
        }
        /* "我叫王芳，在杭州读大学": a Chinese clause after a comma that goes on without
         * a subject (在, 现在) is said by the one before it, 我 */
        char with_me[512];
        const char *text = msg + c[i].at;
        size_t len = c[i].len;
        if (forms_zh_goes_on(msg, c[i].at) && len + 4 < sizeof with_me) {
            snprintf(with_me, sizeof with_me, "我%.*s", (int)len, text);
            text = with_me;
            len += 3;
        } else {
            size_t nl = note_as_sentence(text, len, with_me, sizeof with_me);
            if (nl) text = with_me, len = nl;
        }
        int got = read_clause(r, text, len, &out[k], UNDERSTAND_MAX - k, err, errlen);
        if (got < 0) return got;
        if (text == with_me && got > 0)     /* "hamster: Pip, syrian, 2" */
            got = pet_note_kind(msg + c[i].at, c[i].len, &out[k], got, UNDERSTAND_MAX - k);
        k += got;
    }
    /* a message the gate finds chat as a whole is chat in every clause, though a clause
     * alone ("my feet are gone" after "queued four hours for the sales") reads less so */
    const gate_t *gate = reader_gate(r);
    float msg_p = gate ? gate_chat_p(gate, msg, strlen(msg)) : -1.0f;
    for (int i = 0; i < k; i++) {
        out[i].msg_chat_p = msg_p;
        if (msg_p < UNDERSTAND_MESSAGE_CHAT_P) continue;
        out[i].gated = 1;
        if (out[i].chat_p < msg_p) out[i].chat_p = msg_p;
    }
    understand_mend_pronoun_holders(msg, out, k);
    understand_mend_jobs_said_of_them(out, k);
    return understand_mend_self_named(out, k);
}
