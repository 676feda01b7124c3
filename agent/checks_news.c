/* checks_news.c: news that changes a fact (checks_internal.h): things sold, pets named or
 * lost, partners parted, homes moved, jobs made, quit, retired from or changed, children
 * had, fields studied. A phase of checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/eating.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

/* 1 when a holder of one word is a place the clause text names ("in Ghent", "at
 * Hull", "from Sligo"): a fact of it is the reader's slip. */
static int holder_is_place(const char *text, const char *holder)
{
    static const char *const before[] = {"in", "at", "from", "near", NULL};
    if (!holder[0] || strchr(holder, ' ') || !strcmp(holder, "self")) return 0;
    char place[UNDERSTAND_KEY + 8];
    for (int i = 0; before[i]; i++) {
        snprintf(place, sizeof place, "%s %s", before[i], holder);
        if (facts_has_words(text, place)) return 1;
    }
    return 0;
}

/* What a fact says is driven ("I drive a red Fiat 500", "my dad drives buses"): the
 * words after the verb and an article, to punctuation or a function word. A vehicle
 * driven for a living (a cab, buses, trams) makes the driver's job ("bus driver");
 * any other is what the holder owns, as written, where the reader marked none or a
 * value that is not among those words ("I drive a cab in Hull" is no Hull
 * owned); a job the reader read as the vehicle is the driver's. Sets u and returns 1,
 * else 0. */
static int driven(const char *text, understood_t *u)
{
    static const char *const verbs[] = {"drive", "drives", "drove", "driving", NULL};
    static const char *const leading[] = {"a", "an", "the", "my", "our", "his", "her",
                                          "their", NULL};
    static const char *const those[] = {"them", "those", "the", "these", NULL};
    static const char *const ending[] = {"for", "in", "at", "to", "with", "and", "but",
                                         "which", "that", "since", "every", "now", "so",
                                         "lol", "haha", "btw", "around", "because", "from",
                                         "on", "all", "most", "these", "this", "downtown",
                                         "round", "about", NULL};
    static const struct {
        const char *word, *one;
    } work[] = {{"taxi", "taxi"}, {"taxis", "taxi"}, {"cab", "cab"}, {"cabs", "cab"},
                {"minicab", "minicab"}, {"bus", "bus"}, {"buses", "bus"},
                {"lorry", "lorry"}, {"lorries", "lorry"}, {"trucks", "truck"},
                {"vans", "van"}, {"tram", "tram"}, {"trams", "tram"}, {"train", "train"},
                {"trains", "train"}, {"ambulance", "ambulance"},
                {"ambulances", "ambulance"}, {"forklift", "forklift"},
                {"forklifts", "forklift"}, {"coach", "coach"}, {"coaches", "coach"},
                {"hgv", "HGV"}, {"hgvs", "HGV"}, {"tractors", "tractor"}};
    /* ("I am driving a Skoda Fabia" read as chat or unsure: a make, with a capital, is
     * had) */
    int chat = u->act == READER_SMALLTALK && u->rel == READER_REL_OWNS &&
               !strcmp(u->holder, "self") && !checks_asks(text);
    if ((u->act != READER_FACT && !chat) ||
        (u->rel != READER_REL_OWNS && u->rel != READER_REL_JOB))
        return 0;               /* a job read as the vehicle ("now I drive a bus": bus) */
    /* the words of the clause, each without the punctuation after it (ends[k]: it had
     * some) */
    char buf[512], ends[64] = {0};
    char *w[64];
    int n = 0;
    snprintf(buf, sizeof buf, "%s", text);
    for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t && n < 64;
         t = strtok_r(NULL, " \t", &save)) {
        size_t len = strlen(t);
        while (len && strchr(",.;:!?()", t[len - 1])) t[--len] = '\0', ends[n] = 1;
        w[n++] = t;
    }
    int v = 0;
    while (v < n && !checks_in_words(verbs, w[v])) v++;
    int a = v + 1;
    while (a < n && !ends[a - 1] && checks_in_words(leading, w[a])) a++;
    if (a + 2 < n && !strcasecmp(w[a], "one") && !strcasecmp(w[a + 1], "of") &&
        checks_in_words(those, w[a + 2]))
        a += 3;                         /* "one of them party buses" */
    if (v >= n || ends[v] || a >= n || ends[a - 1]) return 0;
    char obj[UNDERSTAND_VALUE] = "";
    size_t at = 0;
    for (int k = a; k < n && k < a + 5 && w[k][0] && !checks_in_words(ending, w[k]); k++) {
        int wrote = snprintf(obj + at, sizeof obj - at, "%s%s", at ? " " : "", w[k]);
        if (wrote < 0 || (at += (size_t)wrote) >= sizeof obj || ends[k]) break;
    }
    if (!obj[0] || at >= sizeof obj || (chat && !isupper((unsigned char)obj[0]))) return 0;
    if (isupper((unsigned char)obj[0]) && u->rel == READER_REL_OWNS) {
        u->act = READER_FACT;           /* (a make, however unsure the reader was) */
        u->fact_min_p = 0;
        u->personal = 1;
    }
    const char *last = strrchr(obj, ' ') ? strrchr(obj, ' ') + 1 : obj;
    for (size_t k = 0; k < sizeof work / sizeof work[0]; k++)
        if (!strcasecmp(last, work[k].word)) {
            u->rel = READER_REL_JOB;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
            snprintf(u->value, sizeof u->value, "%s driver", work[k].one);
            return 1;
        }
    if (u->rel == READER_REL_JOB ||
        (u->value[0] && facts_has_words(obj, u->value) && strlen(u->value) * 2 > strlen(obj)))
        return chat;                    /* (the reader's, unless it is a scrap of it) */
    snprintf(u->value, sizeof u->value, "%s", obj);
    return 1;
}

/* 1 when text names the thing value is by one of its words of four letters or more that
 * is no vehicle word ("sold the old Berlingo" of "a 2012 Citroen Berlingo"). */
static int names_thing(const char *text, const char *value)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[16];
    int n = understand_split_words(value, " ,.-", buf, sizeof buf, w, 16);
    for (int i = 0; i < n; i++)
        if (strlen(w[i]) >= 4 && !isdigit((unsigned char)w[i][0]) && !facts_vehicle_word(w[i]) &&
            facts_has_words(text, w[i]))
            return 1;
    return 0;
}

/* The thing text says was got in its place, after a word of getting ("... and bought a
 * little Kia Picanto instead": "Kia Picanto"), into out (cap bytes): up to four words
 * after the getting, words of size, age or looks before it skipped, up to a word that
 * ends it ("instead", "on", "last" ...) or punctuation; 1 when there is one that is no
 * vehicle word alone ("got a new car" says no more than a car). */
static int got_thing(const char *text, char *out, size_t cap)
{
    static const char *const getting[] = {"got", "bought", "getting", "buying", "get", "buy",
                                          "traded", "replaced", "purchased", NULL};
    static const char *const lead[] = {"a", "an", "one", "the", "it", "for", "with", "ourselves",
                                       "myself", "us", "me", "little", "small", "tiny", "new",
                                       "old", "used", "secondhand", "second-hand", "brand",
                                       "cheap", "nice", "lovely", "shiny", "big", "bigger",
                                       "smaller", "newer", "older", "proper", NULL};
    static const char *const ends[] = {"instead", "on", "in", "at", "for", "last", "this",
                                       "from", "and", "but", "with", "which", "that",
                                       "because", "so", "to", "now", "yesterday", "today",
                                       "off", "as", "since", NULL};
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ", buf, sizeof buf, w, 96);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (!understand_in_list(getting, w[i]) || (i + 1 < n && !strcmp(w[i + 1], "rid")))
            continue;           /* ("got rid of" parts with it) */
        int j = i + 1, k = 0;
        while (j < n && understand_in_list(lead, w[j])) j++;
        size_t at = 0;
        for (; j < n && k < 4; j++, k++) {
            size_t l = strlen(w[j]), keep = l;
            while (keep && strchr(",.;:!?)", w[j][keep - 1])) keep--;
            int stop = keep < l;
            char bare[64];
            snprintf(bare, sizeof bare, "%.*s", (int)keep, w[j]);
            if (!keep || understand_in_list(ends, bare)) break;
            /* the words as typed: text at the same offset as buf */
            const char *typed = text + (w[j] - buf);
            if (at + keep + 2 >= cap) break;
            at += (size_t)snprintf(out + at, cap - at, "%s%.*s", at ? " " : "", (int)keep, typed);
            if (stop) break;
        }
        if (at && !(k == 1 && facts_vehicle_word(out))) return 1;
        out[0] = '\0';
    }
    return 0;
}

/* "we got rid of the van in June": parting with a vehicle (or with the thing owned,
 * named by a word of it: "sold the old Berlingo") ends the thing the user owns, however
 * the reader read the clause (small talk, or a bus owned). Sets u to tell the end of the
 * newest thing owned (respond.h ends a value told with an end), or, when the clause tells
 * a new one got ("... and got a Saab"), to correct it with that, and returns 1, else 0. */
static int parted_with(const facts_t *f, const char *msg, const char *text, understood_t *u)
{
    static const char *const parting[] = {"sold", "sell", "selling", "scrapped", "crashed",
                                          "totalled", "totaled", "rid", "dead", "died",
                                          "written off", "wrote off", "kaput", "stolen",
                                          "nicked", NULL};
    int parts = 0;
    for (int k = 0; parting[k] && !parts; k++) parts = facts_has_words(text, parting[k]);
    if (!parts || checks_asks(text)) return 0;
    const store_memory_t *m = facts_find(f, "self", reader_rel_name(READER_REL_OWNS), NULL);
    /* ("a lorry clipped the van and it got written off": "it" of the message's) */
    int it = m && facts_has_words(text, "it") &&
             (facts_vehicle_word(msg) || names_thing(msg, m->value));
    if (!m || (!facts_vehicle_word(text) && !names_thing(text, m->value) && !it)) return 0;
    static const char *const getting[] = {"got a", "got an", "bought a", "bought an",
                                          "bought one", "purchased a", "purchased one",
                                          "getting a", "new car", "new one", "traded it for",
                                          "replaced it with", NULL};
    int gets = 0;
    for (int k = 0; getting[k] && !gets; k++) gets = facts_has_words(text, getting[k]);
    /* "sold the Berlingo. I'm driving a Dacia now": another thing owned, read so */
    gets |= u->rel == READER_REL_OWNS && u->value[0] && !facts_vehicle_word(u->value) &&
            !facts_same_value(u->value, m->value) && !names_thing(u->value, m->value);
    /* the reader's value, or what the words of getting name ("bought a tiny Kia") */
    char got[UNDERSTAND_VALUE] = "";
    if (gets && (!u->value[0] || facts_vehicle_word(u->value) ||
                 !facts_has_words(text, u->value) || u->act != READER_FACT))
        got_thing(text, got, sizeof got);
    if (got[0] && !facts_same_value(got, m->value)) snprintf(u->value, sizeof u->value, "%s", got);
    /* "I sold my car and got a Saab": the new one replaces it */
    int replaced = gets && u->value[0] && !facts_vehicle_word(u->value) &&
                   !facts_same_value(u->value, m->value) && facts_has_words(text, u->value);
    u->act = replaced ? READER_CORRECTION : READER_FACT;
    u->fact_min_p = 0;
    u->personal = 1;
    u->rel = READER_REL_OWNS;
    snprintf(u->holder, sizeof u->holder, "self");
    snprintf(u->relation, sizeof u->relation, "%s", m->relation);
    snprintf(replaced ? u->old : u->value, sizeof u->value, "%s", m->value);
    return 1;
}

/* "got a new kitten off my aunt, she's called Pesto": a name read as a kin word's, where
 * the user got a pet (a or an, then the pet word) from that one before "she's called",
 * "he's named" ..., is the pet's. Sets u and returns 1, else 0. */
static int pet_got_named(const char *text, understood_t *u)
{
    static const char *const got[] = {"got", "get", "getting", "adopted", "bought",
                                      "picked", "rescued", "took", NULL};
    static const char *const whose_got[] = {"i", "we", "just", "finally", "so", "and", NULL};
    static const char *const small[] = {"new", "little", "wee", "young", "tiny", "baby", NULL};
    static const char *const naming[] = {"called", "named", NULL};
    if (u->rel != READER_REL_NAME || !u->value[0] || !understand_kin(u->holder) ||
        checks_asks(text))
        return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    int pet = -1, kin = -1, named = -1;
    char key[UNDERSTAND_KEY] = "";
    for (int k = 0; k + 1 < n; k++) {
        if (pet < 0 && understand_in_list(got, w[k]) &&
            (k == 0 || understand_in_list(whose_got, w[k - 1]))) {
            int a = k + 1;
            if (a < n && !strcmp(w[a], "up")) a++;          /* "picked up a ..." */
            if (a >= n || (strcmp(w[a], "a") != 0 && strcmp(w[a], "an") != 0)) continue;
            a++;
            if (a < n && understand_in_list(small, w[a])) a++;
            if (a >= n) continue;
            understand_holder_of(w[a], key, sizeof key);
            if (dialogue_pet_word(key) || kinds_animal(w[a])) pet = a;
        }
        char of[UNDERSTAND_KEY];
        understand_holder_of(w[k], of, sizeof of);
        if (pet >= 0 && kin < 0 && k > pet && !strcmp(of, u->holder)) kin = k;
        if (kin >= 0 && named < 0 && understand_in_list(naming, w[k + 1]) &&
            (!strcmp(w[k], "she's") || !strcmp(w[k], "he's") || !strcmp(w[k], "it's") ||
             !strcmp(w[k], "is")))
            named = k;
    }
    if (pet < 0 || kin < 0 || named < 0) return 0;
    if (!dialogue_pet_word(key)) snprintf(key, sizeof key, "%s", kinds_animal(w[pet]));
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%s", u->value);
    checks_settle(u, READER_FACT, key, READER_REL_NAME, NULL, value);
    return 1;
}

/* "sadly Biscuit died on monday", "we lost old Pip": the death (or loss) of one of a
 * group of animals the user named ends that name ("your cats are called ..."), however
 * the reader read the clause; respond.h then counts the group one less. Sets u to the
 * name told with an end and returns 1, else 0. */
static int one_lost(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const lost[] = {"died", "dead", "passed", "lost", "rehomed",
                                       "put down", "put to sleep", "gave away", NULL};
    int ends = 0;
    for (int k = 0; lost[k] && !ends; k++) ends = facts_has_words(text, lost[k]);
    if (!ends || checks_asks(text)) return 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        char animal[UNDERSTAND_KEY];
        if (facts_rel_of(m->relation) != READER_REL_NAME ||
            !facts_group_animal(m->holder, animal, sizeof animal)[0] ||
            !strcmp(m->value, FACTS_ENDED) || !facts_has_words(text, m->value))
            continue;
        checks_settle(u, READER_FACT, m->holder, READER_REL_NAME, m->relation, m->value);
        return 1;
    }
    return 0;
}

int checks_says_over(const char *text)
{
    static const char *const over[] = {"we are finished", "we're finished", "we are done",
                                       "we're done", "it's over", "it is over", "its over",
                                       "and i are done", "and me are done",
                                       "and i are finished", "and me are finished", NULL};
    static const char *const closing[] = {"now", "for good", "between us", "already", NULL};
    for (int k = 0; over[k]; k++)
        for (const char *at = text; (at = facts_words_at(at, over[k])); at++) {
            const char *p = at + strlen(over[k]);
            while (*p == ' ') p++;
            for (int c = 0; closing[c]; c++)
                if (!strncasecmp(p, closing[c], strlen(closing[c])) &&
                    !isalnum((unsigned char)p[strlen(closing[c])])) {
                    p += strlen(closing[c]);
                    break;
                }
            while (*p == ' ') p++;
            if (!*p || strchr(".,;!", *p)) return 1;
        }
    return 0;
}

/* "marek and i separated", "we broke up" (msg names the partner told, or there is one
 * partner): the partner's name ends; "i'm dating someone new, ravi", "seeing Lorna now",
 * and after a parting in the message "I met Tiago", "now with Tiago": a new partner's
 * name, of the partner's holder told before (else "partner"). Sets u and returns 1, else
 * 0. */
static int partner_changed(const facts_t *f, const char *msg, const char *text,
                           understood_t *u)
{
    static const char *const parting[] = {"split", "split up", "broke up", "separated",
                                          "divorced", "dumped", "called it quits",
                                          "and me are done", "and i are done", "single now",
                                          "called it off", "broke it off", "ended things",
                                          "not together", "no longer together",
                                          "aren't together", "arent together",
                                          "not a couple", "we're over", "we are over",
                                          "分手", "离婚", "分开了", NULL};
    static const char *const seeing[] = {"seeing someone new", "seeing someone",
                                         "dating someone new", "dating", "seeing", NULL};
    static const char *const no_name[] = {"someone", "a", "an", "the", "my", "things", "you",
                                          "it", "that", "them", "him", "her", "new", "each",
                                          "other", "anyone", "nobody", "no", "if", "how",
                                          "what", "double", "stars", "red", NULL};
    if (checks_asks(text)) return 0;
    const store_memory_t *who = NULL;   /* the newest partner named, and how many */
    int npartners = 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_NAME ||
            !understand_in_list(understand_partner_words, m->holder))
            continue;
        if (strcmp(m->value, FACTS_ENDED) != 0) npartners++;
        if (!who) who = m;
    }
    int parts = (facts_has_words(text, "not with") || facts_has_words(text, "no longer with")) &&
                (facts_has_words(text, "anymore") || facts_has_words(text, "any more") ||
                 facts_has_words(text, "no longer"));   /* "not with Rosalind anymore" */
    for (int k = 0; parting[k] && !parts; k++) parts = facts_has_words(text, parting[k]);
    parts = parts || checks_says_over(text);
    if (parts && who && strcmp(who->value, FACTS_ENDED) != 0 &&
        (facts_has_words(msg, who->value) ||
         ((facts_has_words(text, "we") || facts_has_words(text, "us")) && npartners == 1))) {
        u->act = READER_CORRECTION;
        u->fact_min_p = 0;
        u->personal = 1;
        u->rel = READER_REL_NAME;
        snprintf(u->holder, sizeof u->holder, "%s", who->holder);
        snprintf(u->relation, sizeof u->relation, "%s", who->relation);
        snprintf(u->old, sizeof u->old, "%s", who->value);
        u->value[0] = '\0';
        return 1;
    }
    /* after a parting told in the message, one met or now with is the new partner
     * ("Rui and I are done. ... I met Tiago at a gig") */
    static const char *const met[] = {"i met", "now with", "together with", "going out with",
                                      "fell for", NULL};
    int parted = checks_says_over(msg), nw = 0;
    for (int k = 0; parting[k] && !parted; k++) parted = facts_has_words(msg, parting[k]);
    const char *news[sizeof seeing / sizeof *seeing + sizeof met / sizeof *met];
    for (int k = 0; seeing[k]; k++) news[nw++] = seeing[k];
    for (int k = 0; parted && met[k]; k++) news[nw++] = met[k];
    news[nw] = NULL;
    for (int k = 0; news[k]; k++) {
        const char *word = news[k];
        const char *at = checks_word_at(text, word);
        if (!at) continue;
        if (u->rel != READER_REL_NAME && u->value[0] &&
            (understand_pronoun(u->holder) ||
             understand_in_list(understand_partner_words, u->holder))) {
            /* "..., ravi, he's a plumber": the rest of the clause is of the new partner
             * (the pronoun may be found already: understand_mend_pronoun_holders) */
            if (understand_pronoun(u->holder))
                snprintf(u->holder, sizeof u->holder, "%s", who ? who->holder : "partner");
            u->personal = 1;
            return 1;
        }
        at += strlen(word);
        while (*at == ' ' || *at == ',') at++;
        static const char *const lately[] = {"now", "recently", "finally", NULL};
        char next[16];              /* "I met now Tiago" */
        const char *after = checks_word_after(at, next, sizeof next);
        if (understand_in_list(lately, next))
            for (at = after; *at == ' ' || *at == ','; at++) {}
        const char *called = checks_word_at(at, "called");     /* "dating a guy called Emrys" */
        if (!called) called = checks_word_at(at, "named");
        if (called && (!strncasecmp(at, "a ", 2) || !strncasecmp(at, "an ", 3)))
            for (at = called + 6; *at == ' '; at++) {}
        static const char *const one[] = {"this", "a", "some", NULL};
        static const char *const person[] = {"girl", "guy", "woman", "man", "lad", "lass",
                                             "boy", "bloke", "chick", "dude", NULL};
        char w1[16], w2[16];                /* "been seeing this girl Ines" */
        const char *a2 = checks_word_after(at, w1, sizeof w1);
        const char *a3 = a2 ? checks_word_after(a2, w2, sizeof w2) : NULL;
        if (a3 && understand_in_list(one, w1) && understand_in_list(person, w2))
            for (at = a3; *at == ' '; at++) {}
        char name[UNDERSTAND_VALUE];
        size_t n = 0;
        while (n + 1 < sizeof name && (isalpha((unsigned char)at[n]) || at[n] == '-' ||
                                       (unsigned char)at[n] >= 0x80))
            name[n] = at[n], n++;
        name[n] = '\0';
        if (n < 2 || understand_in_list(no_name, name) || lex_is_stopword(name)) return 0;
        checks_settle(u, READER_FACT, who ? who->holder : "partner", READER_REL_NAME, NULL, name);
        return 1;
    }
    return 0;
}

/* "signed for a flat in Ostrava", "moved into my gran's old house in Tiree", "we bought
 * a cottage in Leek": a home found, bought or moved into, said with no one else before
 * the verb (only "I", "we" and words of news), is the user's home now, the place read
 * after it. Sets u and returns 1, else 0. */
static int moved_into(const char *text, understood_t *u)
{
    static const char *const verbs[] = {"found", "bought", "rented", "moved", "moving",
                                        "signed", NULL};
    static const char *const homes[] = {"flat", "house", "place", "apartment", "home",
                                        "condo", "cottage", "bungalow", "studio", "into",
                                        NULL};
    static const char *const lead[] = {"i", "we", "i've", "we've", "ive", "weve", "just",
                                       "finally", "and", "so", "also", "have", "we're",
                                       "i'm", "im", "are", "am", "update", "life", "news",
                                       "big", "well", "oh", "ok", "okay", "anyway", "we'd",
                                       "actually", "today", "guess", "what", "ps", NULL};
    if ((u->act != READER_SMALLTALK && u->act != READER_FACT &&
         u->act != READER_CORRECTION) || checks_asks(text))
        return 0;
    char buf[512], vbuf[UNDERSTAND_VALUE], place[UNDERSTAND_VALUE];
    const char *w[64], *vw[8];
    /* the place after "a flat in" as written, the first told (not "... out of the old
     * flat in Leith"), else the value read */
    const char *first = NULL;
    size_t fl = 0;
    for (int k = 0; homes[k]; k++) {
        char in[32];
        snprintf(in, sizeof in, "%s in", homes[k]);
        const char *at = checks_word_at(text, in);
        if (!at || at[strlen(in)] != ' ' || (first && at + strlen(in) + 1 > first)) continue;
        const char *b = at + strlen(in) + 1, *end = b;
        while (*end && (isalpha((unsigned char)*end) || (unsigned char)*end >= 0x80 ||
                        (*end == ' ' && isupper((unsigned char)end[1]))))
            end++;
        if (end > b && isupper((unsigned char)*b)) first = b, fl = (size_t)(end - b);
    }
    if (!first && u->rel != READER_REL_HOME) return 0;  /* (however the reader read it) */
    snprintf(place, sizeof place, "%.*s", first ? (int)fl : (int)strlen(u->value),
             first ? first : u->value);
    if (!place[0]) return 0;
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    int nv = understand_split_words(place, " ,", vbuf, sizeof vbuf, vw, 8);
    int v = 0;
    while (v < n && understand_in_list(lead, w[v])) v++;
    if (v >= n || !understand_in_list(verbs, w[v]) || nv < 1) return 0;
    int home = 0, at = -1;
    for (int j = v + 1; j < n && at < 0; j++) {
        home |= understand_in_list(homes, w[j]);
        if (!strcmp(w[j], vw[0]) && j > 0 && !strcmp(w[j - 1], "in")) at = j;
    }
    if (at < 0 || !home) return 0;
    checks_settle(u, READER_FACT, "self", READER_REL_HOME, NULL, place);
    return 1;
}

/* "moved flats in march, we're in portree now": where the user now is, said
 * "we're in" or "I'm in" with "now" or in a message of moving ("now in X" opening a clause
 * of one), is their home; "I'm in
 * hospital", "we're in Rome this week" are where one is for now, no home. Sets u and
 * returns 1, else 0. */
static int home_now(const char *msg, const char *text, understood_t *u)
{
    static const char *const in[] = {"we're in", "we are in", "i'm in", "im in", "i am in",
                                     "we're now in", "i'm now in", "now in", NULL};
    static const char *const moving[] = {"moved", "moving", "relocated", "new place",
                                         "new house", "new flat", NULL};
    static const char *const no_place[] = {"hospital", "bed", "work", "class", "school",
                                           "traffic", "love", "trouble", "charge", "line",
                                           "shock", "pain", "heaven", "luck", "labour",
                                           "labor", "shape", "bits", "tears", "pieces", "debt",
                                           "touch", "contact", "town", "the", "a", "my",
                                           "our", "now", "lockdown", "quarantine", NULL};
    int opening = !strncasecmp(text, "now in ", 7);     /* (read as any place) */
    if ((u->rel != READER_REL_HOME && (u->act != READER_SMALLTALK || u->value[0]) &&
         !(opening && (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_OPEN ||
                       !u->value[0]))) ||
        checks_asks(text))
        return 0;
    int moved = 0;
    for (int k = 0; moving[k] && !moved; k++) moved = facts_has_words(msg, moving[k]);
    int away = understand_lately(text) || facts_has_words(text, "holiday") ||
               facts_has_words(text, "vacation") || facts_has_words(text, "visiting");
    for (int k = 0; in[k]; k++) {
        const char *at = checks_word_at(text, in[k]);
        if (!at || (!strcmp(in[k], "now in") && (at != text || !moved)))
            continue;           /* ("moved out of Carlton!! now in Coburg": opening it) */
        char buf[256];
        const char *w[8];
        int n = understand_split_words(at + strlen(in[k]), " ,.;:!?()", buf, sizeof buf, w, 8);
        int e = 0;
        while (e < n && e < 3 && isalpha((unsigned char)w[e][0]) && !lex_is_stopword(w[e]) &&
               !understand_in_list(no_place, w[e]))
            e++;
        int for_now = away || (n && understand_in_list(no_place, w[0]) &&
                               !lex_is_stopword(w[0]));
        if (for_now || !e || (!moved && !facts_has_words(text, "now"))) {
            /* "I'm in hospital now", "we're in Rome this week": where one is for now */
            if (u->act != READER_FACT || u->rel != READER_REL_HOME || !for_now) return 0;
            u->act = READER_SMALLTALK;
            return 1;
        }
        /* the place as written ("Potsdam"), its first word to its last */
        const char *b = at + strlen(in[k]), *last = NULL;
        size_t ll = strlen(w[e - 1]);
        for (int j = 0; j < e && b; j++) {
            for (b = b + (j > 0); *b && strncasecmp(b, w[j], strlen(w[j])) != 0; b++) {}
            if (!*b) b = NULL;
            if (b && j == 0) last = b;
        }
        if (!b || !last) return 0;
        char place[UNDERSTAND_VALUE];
        snprintf(place, sizeof place, "%.*s", (int)(b + ll - last), last);
        checks_settle(u, READER_FACT, "self", READER_REL_HOME, NULL, place);
        return 1;
    }
    return 0;
}

/* "doing upholstery full time now", "I do bike repairs full-time": what one does full time
 * is one's work. Sets u to that job and returns 1, else 0. */
static int full_time(const char *text, understood_t *u)
{
    static const char *const doing[] = {"doing", "do", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int i = 1; i < n; i++) {
        int two = i + 1 < n && !strcasecmp(w[i], "full") && !strcasecmp(w[i + 1], "time");
        if (!two && strcasecmp(w[i], "full-time") != 0 && strcasecmp(w[i], "fulltime") != 0)
            continue;
        int b = i;
        while (b > 0 && i - b < 3 && !understand_in_list(doing, w[b - 1]) &&
               isalpha((unsigned char)w[b - 1][0]))
            b--;
        if (b == 0 || b == i || !understand_in_list(doing, w[b - 1])) return 0;
        char job[UNDERSTAND_VALUE] = "";
        for (int j = b; j < i; j++) {
            if (lex_is_stopword(w[j]) && j == b) return 0;  /* ("doing it full time") */
            size_t l = strlen(job);
            snprintf(job + l, sizeof job - l, "%s%s", j > b ? " " : "", w[j]);
        }
        checks_settle(u, READER_FACT, "self", READER_REL_JOB, NULL, job);
        return 1;
    }
    return 0;
}

/* The words of text from at, past the words of skip (an article), up to most of them and
 * up to punctuation or a word of ends, into job (cap bytes): 1 when they end in a kind of
 * person ("head cooper at the brewery": "head cooper"), else 0. */
static int job_after(const char *at, const char *const *skip, const char *const *ends,
                     int most, char *job, size_t cap)
{
    char buf[512];
    const char *w[16];
    int n = understand_split_words(at, " ", buf, sizeof buf, w, 16), b = 0;
    while (b < n && understand_in_list(skip, w[b])) b++;
    char last[64] = "";
    job[0] = '\0';
    for (int e = b; e < n && e < b + most; e++) {
        size_t l = strlen(w[e]), keep = l;
        while (keep && strchr(",.;:!?)", w[e][keep - 1])) keep--;
        snprintf(last, sizeof last, "%.*s", (int)keep, w[e]);
        if (!keep || understand_in_list(ends, last)) break;
        size_t jl = strlen(job);
        snprintf(job + jl, cap - jl, "%s%s", jl ? " " : "", last);
        if (keep < l) break;
    }
    const char *end = strrchr(job, ' ') ? strrchr(job, ' ') + 1 : job;
    return job[0] && kinds_person(end);
}

/* "our party is pushed back to June", "the move is put off till May": a plan of
 * the user's told with a key of one word ("wedding", "move") named before a verb of
 * moving it in time is that time now (up to four words after it, past "the"). Sets u
 * and returns 1, else 0. */
static int plan_moved(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const moved[] = {"pushed back to", "pushed back till", "postponed to",
                                        "postponed till", "postponed until", "moved to",
                                        "brought forward to", "rescheduled to",
                                        "rescheduled for", "put off till", "put off until",
                                        "delayed to", "delayed till", "delayed until", NULL};
    if (checks_asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    const char *at = NULL;
    for (int k = 0; moved[k] && !at; k++)
        if ((at = checks_word_at(text, moved[k])) != NULL) at += strlen(moved[k]);
    if (!at) return 0;
    while (*at == ' ') at++;
    if (!strncasecmp(at, "the ", 4)) at += 4;
    char when[UNDERSTAND_VALUE] = "";
    for (int w = 0; w < 4 && *at && !strchr(",.;:!?", *at); w++) {
        size_t l = strcspn(at, " ,.;:!?");
        size_t wl = strlen(when);
        snprintf(when + wl, sizeof when - wl, "%s%.*s", wl ? " " : "", (int)l, at);
        for (at += l; *at == ' '; at++) {}
    }
    if (!when[0]) return 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        const char *named = facts_words_at(text, m->relation);
        if (strcmp(m->holder, "self") != 0 || facts_rel_of(m->relation) != READER_REL_OPEN ||
            strchr(m->relation, ' ') || strlen(m->relation) < 3 || !named ||
            named >= at || !strcmp(m->value, FACTS_ENDED) || facts_same_value(m->value, when))
            continue;
        checks_settle(u, READER_FACT, "self", READER_REL_OPEN, m->relation, when);
        return 1;
    }
    return 0;
}

/* "from May I will teach at Nacka Music School", "I'll be working at Aldi from Monday",
 * "I've been transferred to Ridgeway Primary", "I'm now with Tesco": the place named with
 * capitals after a verb of work to come or of being moved (past "the"), or one of a kind
 * after "I'm now with a" ("a tea exporter"), is where the user works now (the
 * employer), a new work (understand_new_work ends the place told before). Sets u and returns 1, else
 * 0. */
static int work_ahead(const char *text, understood_t *u)
{
    static const char *const ahead[] = {"will work at", "will teach at", "will be working at",
                                        "will be teaching at", "'ll work at", "'ll teach at",
                                        "'ll be working at", "'ll be teaching at",
                                        "going to work at", "going to teach at",
                                        "transferred to", "been moved to", "posted to", NULL};
    static const char *const small[] = {"of", "de", "du", "des", "la", "le", "and", "&",
                                        NULL};
    static const char *const me[] = {"i", "i'll", "ill", "i've", "ive", "i'm", "im", NULL};
    static const char *const others[] = {"he", "she", "they", "his", "her", "their", "my",
                                         "our", "he's", "she's", NULL};
    if (checks_asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET || understand_kin(u->holder) || dialogue_pet_word(u->holder) ||
        !(checks_holds_any(text, me) || !checks_holds_any(text, others)))
        return 0;                       /* (said of the user: "I'll ...", "transferred to
                                         * ..." with no one else named) */
    const char *at = NULL;
    for (int k = 0; ahead[k] && !at; k++) {
        const char *p = strstr(text, ahead[k]);
        if (p && (ahead[k][0] == '\'' || p == text || !isalnum((unsigned char)p[-1])))
            at = p + strlen(ahead[k]);
    }
    /* "I'm now with an olive exporter in Jaén": one of a kind, in small letters too */
    static const char *const now_with[] = {"i'm now with", "im now with", "i am now with",
                                           "i'm now working for", "i am now working for", NULL};
    const char *with = NULL;
    for (int k = 0; now_with[k] && !at && !with; k++) {
        const char *p = checks_word_at(text, now_with[k]);
        if (p) with = p + strlen(now_with[k]);
    }
    if (with) {
        while (*with == ' ') with++;
        size_t skip = !strncasecmp(with, "a ", 2) ? 2 : !strncasecmp(with, "an ", 3) ? 3 : 0;
        if (!skip) {
            at = with;          /* (a name with capitals, as above) */
        } else {
            char firm[UNDERSTAND_VALUE] = "";
            const char *w = with + skip;
            for (int k = 0; k < 4 && *w; k++) {     /* to "in", "as" or a mark */
                size_t l = strcspn(w, " ,.;:!?");
                char word[24];
                snprintf(word, sizeof word, "%.*s", (int)(l < sizeof word ? l : 0), w);
                if (!l || !strcasecmp(word, "in") || !strcasecmp(word, "as") ||
                    !strcasecmp(word, "at") || !strcasecmp(word, "since"))
                    break;
                size_t fl = strlen(firm);
                snprintf(firm + fl, sizeof firm - fl, "%s%.*s", fl ? " " : "", (int)l, w);
                if (strchr(",.;:!?", w[l])) break;
                for (w += l; *w == ' '; w++) {}
            }
            const char *last = strrchr(firm, ' ');
            static const char *const firms[] = {"company", "firm", "startup", "agency",
                                                "business", "group", "studio", "chain", NULL};
            if (!last || !(kinds_person(last + 1) || realise_place_noun(last + 1) ||
                           understand_in_list(firms, last + 1)))
                return 0;       /* ("a lot of work": no firm) */
            checks_settle(u, READER_FACT, "self", READER_REL_EMPLOYER, NULL, firm);
            return 1;
        }
    }
    if (!at) return 0;
    while (*at == ' ') at++;
    if (!strncasecmp(at, "the ", 4)) at += 4;
    char place[UNDERSTAND_VALUE] = "";
    for (int k = 0; k < 6 && *at; k++) {        /* words as written, capitals kept */
        size_t l = strcspn(at, " "), keep = l;
        while (keep && strchr(",.;:!?)", at[keep - 1])) keep--;
        char w[24];
        snprintf(w, sizeof w, "%.*s", (int)(keep < sizeof w ? keep : 0), at);
        int small_word = k > 0 && understand_in_list(small, w) && keep == l;
        if (!keep || (!isupper((unsigned char)at[0]) && !small_word)) break;
        size_t pl = strlen(place);
        snprintf(place + pl, sizeof place - pl, "%s%.*s", pl ? " " : "", (int)keep, at);
        if (keep < l) break;
        for (at += l; *at == ' '; at++) {}
    }
    char *sp = strrchr(place, ' ');     /* (not ending in "of") */
    if (sp && islower((unsigned char)sp[1])) *sp = '\0';
    if (!place[0]) return 0;
    checks_settle(u, READER_FACT, "self", READER_REL_EMPLOYER, NULL, place);
    return 1;
}

/* "they made me depot supervisor", "I've been promoted to head chef": the words after
 * being made or promoted (past an article, up to punctuation or a word that ends them:
 * "at", "in", "last" ...), one to four that end in a kind of person, are the user's job
 * now, replacing the one told; "Priya just made sergeant" tells the job of the one of
 * the user's the clause is of. Sets u and returns 1, else 0. */
static int made_job(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const made[] = {"made me", "promoted to", "promoted me to",
                                       "bumped me up to", "bumped up to", "upgraded to", NULL};
    static const char *const ends[] = {"at", "in", "on", "for", "with", "and", "but", "now",
                                       "last", "this", "today", "yesterday", "so", "of", NULL};
    if (checks_asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    static const char *const i[] = {"i", "i've", "ive", "i'm", "im", "i'd", NULL};
    /* of someone of the user's the clause is of: "Priya just made sergeant" */
    static const char *const made_them[] = {"promoted to", "made", NULL};
    const char *at = NULL, *whose = "self";
    int k = 0;
    for (; made[k] && !at; k++)
        if ((at = checks_word_at(text, made[k])) != NULL) at += strlen(made[k]);
    char next[8] = "";
    if (at) sscanf(at, " %7s", next);
    if (at && !strcmp(made[k - 1], "made me") &&
        (!strcasecmp(next, "a") || !strcasecmp(next, "an")))
        return 0;                       /* ("made me a curry last night": a thing made) */
    if (at && !strstr(made[k - 1], "me") && !checks_holds_any(text, i))
        at = NULL;                      /* (not "my uncle was promoted to ...") */
    for (k = 0; !at && made_them[k] && strcmp(u->holder, "self") != 0 &&
                checks_someone_word(u->holder) && !checks_holds_any(text, i);
         k++)
        if ((at = checks_word_at(text, made_them[k])) != NULL) {
            at += strlen(made_them[k]);
            whose = u->holder;
        }
    if (!at) return 0;
    static const char *const articles[] = {"a", "an", "the", NULL};
    char job[UNDERSTAND_VALUE];
    if (!job_after(at, articles, ends, 4, job, sizeof job)) return 0;
    char holder[UNDERSTAND_KEY];
    snprintf(holder, sizeof holder, "%s", whose);
    const store_memory_t *was = facts_find(f, holder, reader_rel_name(READER_REL_JOB), NULL);
    if (was && facts_same_value(was->value, job)) return 0;
    checks_settle(u, was ? READER_CORRECTION : READER_FACT, holder, READER_REL_JOB, NULL, job);
    if (was) snprintf(u->old, sizeof u->old, "%s", was->value);
    return 1;
}

/* "Anselm wants to be an electrician", "he hopes to become a plumber": the kind of person
 * after wanting to be one (past an article; one to three words that end in a kind of
 * person) is what the clause's holder wants to become, a fact of its own; "what does my
 * niece want to be?" asks it. Sets u and returns 1, else 0. */
static int wants_to_be(const char *text, understood_t *u)
{
    static const char *const wanting[] = {"wants to be", "want to be", "wants to become",
                                          "want to become", "dreams of being",
                                          "dreams of becoming", "hopes to be",
                                          "hopes to become", "wanna be", NULL};
    const char *at = NULL;
    int k = 0;
    for (; wanting[k] && !at; k++)
        if ((at = checks_word_at(text, wanting[k])) != NULL) at += strlen(wanting[k]);
    if (!at || u->act == READER_FORGET || !u->holder[0] || !checks_of_someone(text, u->holder))
        return 0;
    static const char *const i[] = {"i", "i'd", NULL};      /* ("I want to be a nurse") */
    int mine = strncmp(wanting[k - 1], "wants", 5) != 0 && checks_holds_any(text, i);
    if (u->act == READER_QUESTION) {
        if (checks_opens_question(text) != 2) return 0;
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "%s", REALISE_WANTS_TO_BE);
        u->value[0] = '\0';
        return 1;
    }
    if (checks_asks(text) || u->act == READER_YESNO) return 0;
    char buf[256];
    const char *w[8];
    int n = understand_split_words(at, " ,.;:!?()", buf, sizeof buf, w, 8), b = 0;
    if (b < n && (!strcmp(w[b], "a") || !strcmp(w[b], "an"))) b++;
    for (int e = b; e < n && e < b + 3; e++) {
        if (!kinds_person(w[e])) continue;
        char job[UNDERSTAND_VALUE] = "";
        for (int j = b; j <= e; j++) {
            size_t jl = strlen(job);
            snprintf(job + jl, sizeof job - jl, "%s%s", jl ? " " : "", w[j]);
        }
        if (u->value[0] && !facts_has_words(job, u->value) && !facts_has_words(u->value, w[e]))
            return 0;                       /* (another value told beside it stays) */
        char value[UNDERSTAND_VALUE];
        snprintf(value, sizeof value, "%s %.*s", b > 0 ? w[b - 1] : "a",
                 (int)(sizeof value - 8), job);
        checks_settle(u, READER_FACT, mine ? "self" : u->holder, READER_REL_OPEN,
                      REALISE_WANTS_TO_BE, value);
        return 1;
    }
    return 0;
}

/* "Marguerite has decided on geology", "Sunniva got into dentistry", "he's doing maths at
 * Bangor": a field of study (one to three words that end in one) after such words is
 * what the clause's holder studies; "what is Ilse studying?" read as asking a school
 * asks it. Sets u and returns 1, else 0. */
static int field_studied(const char *text, understood_t *u)
{
    static const char *const cues[] = {"decided on", "got into", "is doing", "she's doing",
                                       "he's doing", "accepted into", "accepted for",
                                       "going to study", "will study", "is studying",
                                       "she's studying", "he's studying", "majoring in",
                                       "major in", "major to", "major is", "major's",
                                       "degree in", "reading", "studies",
                                       "studying", "doing", NULL};
    if (u->act == READER_FORGET || !u->holder[0]) return 0;
    static const char *const majors[] = {"major", "subject", "course", "degree", NULL};
    if (u->act == READER_QUESTION && checks_opens_question(text) == 2 &&
        (understand_in_list(majors, u->holder) ||
         (!strcmp(u->holder, "self") && understand_in_list(majors, u->relation)))) {
        checks_settle(u, READER_QUESTION, "self", READER_REL_OPEN, "studies", "");
        return 1;                     /* "what's my major?" */
    }
    if (u->act == READER_QUESTION) {     /* "what's Ilse studying (in Aberdeen)?" */
        char first[16] = "";
        sscanf(text, "%15s", first);
        if ((u->rel != READER_REL_SCHOOL && (u->rel != READER_REL_OPEN || u->relation[0])) ||
            strncasecmp(first, "what", 4) != 0 || facts_has_words(text, "school") ||
            facts_has_words(text, "where") ||
            !(facts_has_words(text, "study") || facts_has_words(text, "studying") ||
              facts_has_words(text, "studies")))
            return 0;
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "%s", "studies");
        u->value[0] = '\0';
        return 1;
    }
    if (checks_asks(text) || u->act == READER_YESNO ||
        (u->rel == READER_REL_OPEN && !strncmp(u->relation, "stud", 4) && u->value[0]))
        return 0;                       /* (a study the reader read stays as read) */
    /* ("doing" of one's own: "... doing petroleum engineering", not "instead of doing
     * maths") */
    char doing[UNDERSTAND_KEY + 8];     /* (the reader may take the field for a holder) */
    snprintf(doing, sizeof doing, "doing %s", u->holder);
    int own = (!strcmp(u->holder, "self") || facts_has_words(text, doing)) &&
              !facts_has_words(text, "of doing");
    for (int k = 0; cues[k]; k++) {
        const char *cue = cues[k];
        const char *at = strcmp(cue, "doing") || own ? checks_word_at(text, cue) : NULL;
        if (!at) continue;
        char buf[256];
        const char *w[8];
        int n = understand_split_words(at + strlen(cue), " ,.;:!?()", buf, sizeof buf, w, 8);
        for (int e = 0; e < n && e < 3; e++) {
            char low[32];
            snprintf(low, sizeof low, "%s", w[e]);
            for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
            if (!understand_field(low, UNDERSTAND_FIELD_STUDY)) continue;
            char field[UNDERSTAND_VALUE] = "";
            for (int j = 0; j <= e; j++) {
                if (lex_is_stopword(w[j])) break;
                size_t fl = strlen(field);
                snprintf(field + fl, sizeof field - fl, "%s%s", fl ? " " : "", w[j]);
            }
            if (!field[0] || !facts_has_words(field, w[e]) || !checks_of_someone(text, u->holder))
                break;
            if (u->value[0] && !facts_has_words(field, u->value) &&
                !facts_has_words(u->value, w[e]))
                return 0;                   /* (the school told beside it stays) */
            checks_settle(u, READER_FACT, !strcmp(cue, "doing") ? "self" : u->holder,
                          READER_REL_OPEN, "studies", field);
            return 1;
        }
    }
    return 0;
}

/* "I am retired now!", "I retired last month" of one whose job is told: retired is their
 * job now (not "when I retire", "before I retired", nor a question). Sets u and returns 1,
 * else 0. */
static int retired_now(const facts_t *f, const char *text, understood_t *u)
{
    const store_memory_t *was = facts_find(f, "self", reader_rel_name(READER_REL_JOB), NULL);
    if (!was || strcmp(was->value, FACTS_ENDED) == 0 || facts_same_value(was->value, "retired") ||
        checks_asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    static const char *const said[] = {"i'm retired", "im retired", "i am retired",
                                       "i'm now retired", "i am now retired", "i retired",
                                       "i've retired", "i have retired", "i just retired",
                                       "i have just retired", "i've just retired",
                                       "i'm officially retired", "i am officially retired",
                                       NULL};
    static const char *const not_now[] = {"when", "before", "after", "if", "until", "once",
                                          "since", NULL};
    int says = 0;
    for (int k = 0; said[k] && !says; k++) says = facts_has_words(text, said[k]);
    for (int k = 0; not_now[k] && says; k++) says = !facts_has_words(text, not_now[k]);
    if (!says) return 0;
    char old[UNDERSTAND_VALUE];
    snprintf(old, sizeof old, "%s", was->value);
    checks_settle(u, READER_CORRECTION, "self", READER_REL_JOB, NULL, "retired");
    snprintf(u->old, sizeof u->old, "%s", old);
    return 1;
}

/* "I'm sous chef at the hotel these days, not a line cook any more": a kind of person
 * after "I'm" (past an article; one to three words, up to a word that ends them) in a
 * clause that says the user's job told is no more ("not a line cook", "no longer a line
 * cook") is their job now. Sets u and returns 1, else 0. */
static int job_not_old(const facts_t *f, const char *text, understood_t *u)
{
    const store_memory_t *was = facts_find(f, "self", reader_rel_name(READER_REL_JOB), NULL);
    if (!was || strcmp(was->value, FACTS_ENDED) == 0 || checks_asks(text) ||
        u->act == READER_QUESTION || u->act == READER_YESNO || u->act == READER_FORGET)
        return 0;
    char not_was[UNDERSTAND_VALUE + 16], no_longer[UNDERSTAND_VALUE + 24];
    snprintf(not_was, sizeof not_was, "not a %s", was->value);
    snprintf(no_longer, sizeof no_longer, "no longer a %s", was->value);
    if (!facts_has_words(text, not_was) && !facts_has_words(text, no_longer)) return 0;
    static const char *const ends[] = {"at", "in", "on", "for", "with", "and", "but", "now",
                                       "not", "no", "so", "of", NULL};
    const char *at = checks_word_at(text, "i'm");
    if (!at) at = checks_word_at(text, "im");
    if (!at) return 0;
    static const char *const articles[] = {"a", "an", "now", NULL};
    at += strcspn(at, " ");             /* (past "I'm") */
    char job[UNDERSTAND_VALUE];
    if (!job_after(at, articles, ends, 3, job, sizeof job) || facts_same_value(job, was->value))
        return 0;
    checks_settle(u, READER_CORRECTION, "self", READER_REL_JOB, NULL, job);
    snprintf(u->old, sizeof u->old, "%s", was->value);
    return 1;
}

/* "I quit the warehouse!", "left Deloitte in March", "I leave the depot" read as chat or
 * as the firm told again: leaving the place of work the user told ends it. Sets u to end
 * it and returns 1, else 0. */
static int left_work(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const leaving[] = {"resigned", "quit", "left", "retired", "sacked",
                                          "fired", "laid off", "let go", "handed in my notice",
                                          "i leave", "i'm leaving", "i am leaving", NULL};
    int work = u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE;
    if (checks_asks(text) || strcmp(u->holder, "self") != 0 || !u->value[0] ||
        (!work && u->act != READER_CORRECTION) ||   /* ("I leave the bar" read as a hobby) */
        (u->act != READER_SMALLTALK && u->act != READER_FACT && u->act != READER_CORRECTION))
        return 0;
    int leaves = 0;
    for (int k = 0; leaving[k] && !leaves; k++) leaves = facts_has_words(text, leaving[k]);
    if (!leaves) return 0;
    /* (the place told of either kind: "I left the bank" of "a developer in a bank in Fes") */
    const int rels[2] = {work ? u->rel : READER_REL_WORKPLACE,
                         u->rel == READER_REL_EMPLOYER ? READER_REL_WORKPLACE
                                                       : READER_REL_EMPLOYER};
    const store_memory_t *was = NULL;
    for (int k = 0; k < 2 && !was; k++) {
        was = facts_find(f, "self", reader_rel_name(rels[k]), NULL);
        if (was && (strcmp(was->value, FACTS_ENDED) == 0 ||
                    !(facts_same_value(was->value, u->value) ||
                      facts_has_words(u->value, was->value) ||
                      facts_has_words(was->value, u->value))))
            was = NULL;
    }
    if (!was) return 0;
    char old[UNDERSTAND_VALUE];
    snprintf(old, sizeof old, "%s", was->value);
    checks_settle(u, READER_CORRECTION, "self", facts_rel_of(was->relation), was->relation, "");
    snprintf(u->old, sizeof u->old, "%s", old);
    return 1;
}

/* Words before a kin word that make it the user's ("the puppy", "our eldest"). */
static const char *const the_ours[] = {"the", "our", "my", NULL};

/* The holder a child's place among them names ("eldest", "baby"; "firstborn", which is
 * the "eldest child" already) into out: 1, or 0 when word names no such place. */
static int child_by_place(const char *word, char *out, size_t cap)
{
    static const char *const places[] = {"youngest", "eldest", "oldest", "baby", "middle",
                                         NULL};
    char key[UNDERSTAND_KEY];
    understand_holder_of(word, key, sizeof key);
    if (understand_in_list(places, key)) {
        snprintf(out, cap, "%.15s child", key);
        return 1;
    }
    if (strcmp(key, "eldest child") != 0 && strcmp(key, "youngest child") != 0) return 0;
    snprintf(out, cap, "%s", key);
    return 1;
}

/* "..., the youngest is Noor", "my firstborn is Ilse": "the", "our" or "my" (or nothing,
 * the clause opening so), a child's place among them (or, said bare, any word of kin:
 * "fiance is Dan"), "is" and a name ending the clause name that one, when the reader
 * read that name (as whatever) or no value. Sets u and returns 1, else 0. */
static int place_named(const char *text, understood_t *u)
{
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!()", buf, sizeof buf, w, 64);
    int bare = n == 3;              /* ("eldest is Ilse": said bare) */
    if (n < 3 || strcmp(w[n - 2], "is") != 0 ||
        !(bare || (n >= 4 && understand_in_list(the_ours, w[n - 4]))) ||
        lex_is_stopword(w[n - 1]) || understand_pronoun(w[n - 1]) ||
        !isalpha((unsigned char)w[n - 1][0]) ||
        (u->value[0] && !facts_same_value(u->value, w[n - 1])))
        return 0;
    char holder[UNDERSTAND_KEY];
    if (bare && !child_by_place(w[0], holder, sizeof holder)) {
        understand_holder_of(w[0], holder, sizeof holder);     /* ("fiance is Dan") */
        if (!understand_kin(holder)) return 0;
    } else if (!child_by_place(w[n - 3], holder, sizeof holder)) {
        return 0;
    }
    const char *said = checks_word_at(text, w[n - 1]);     /* the name as written */
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strlen(w[n - 1]), said ? said : w[n - 1]);
    checks_settle(u, READER_FACT, holder, READER_REL_NAME, NULL, value);
    u->name[0] = '\0';                  /* (a name the reader gave the unit is another's) */
    return 1;
}

/* "rusk is the puppy", "Oskar's our eldest", "nutmeg is my cat": a name, "is", then "the",
 * "our" or "my" and a word of kin, a pet or an animal kind, or of a child's place among
 * them, and nothing more: that one's name. Sets u and returns 1, else 0. */
static int name_is_the(const char *text, understood_t *u)
{
    char buf[256];
    const char *w[8];
    if (checks_asks(text)) return 0;
    if (place_named(text, u)) return 1;
    int n = understand_split_words(text, " ,.;:!()", buf, sizeof buf, w, 8), at = 1;
    if (n >= 3 && (!strcmp(w[0] + strlen(w[0]) - (strlen(w[0]) > 2 ? 2 : 0), "'s"))) {
        at = 0;                         /* "oskar's our eldest" */
    } else if (n < 4 || strcmp(w[1], "is") != 0) {
        return 0;
    }
    char name[UNDERSTAND_VALUE];
    snprintf(name, sizeof name, "%.*s", (int)(strlen(w[0]) - (at ? 0 : 2)), w[0]);
    if (n != at + 3 || !understand_in_list(the_ours, w[at + 1]) || lex_is_stopword(name) ||
        understand_pronoun(name) || strlen(name) < 2 || !isalpha((unsigned char)name[0]))
        return 0;
    char key[UNDERSTAND_KEY];
    const char *x = w[at + 2];
    if (!child_by_place(x, key, sizeof key)) {  /* ("our firstborn": the eldest child) */
        understand_holder_of(x, key, sizeof key);
        if (!understand_kin(key) && !dialogue_pet_word(key) && !kinds_animal(x)) return 0;
    }
    const char *said = checks_word_at(text, name);     /* the name as written */
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strlen(name), said ? said : name);
    checks_settle(u, READER_FACT, key, READER_REL_NAME, NULL, value);
    return 1;
}

/* "I've a little girl, Anouk, she's five", "we have a son called Teodor" read as the
 * job "girl": a child had, with the name said after it (after a comma, "called" or "named"),
 * is the son's or daughter's name; with none, nothing. Sets u and returns 1, else 0. */
static int child_had(const char *text, understood_t *u)
{
    static const char *const kids[] = {"boy", "girl", "son", "daughter", "baby", NULL};
    static const char *const have[] = {"i've", "i have", "i got", "we have", "we've",
                                       "got", "have", NULL};
    if (u->act != READER_FACT || u->rel != READER_REL_JOB || strcmp(u->holder, "self") != 0 ||
        !understand_in_list(kids, u->value))
        return 0;
    int had = 0;
    for (int k = 0; have[k] && !had; k++) had = facts_has_words(text, have[k]);
    const char *at = checks_word_at(text, u->value);
    if (!had || !at) return 0;
    at += strlen(u->value);
    while (*at == ' ' || *at == ',') at++;
    if (!strncasecmp(at, "called ", 7)) at += 7;
    else if (!strncasecmp(at, "named ", 6)) at += 6;
    char name[UNDERSTAND_VALUE];
    size_t n = 0;
    while (n + 1 < sizeof name && (isalpha((unsigned char)at[n]) || (unsigned char)at[n] >= 0x80))
        name[n] = at[n], n++;
    name[n] = '\0';
    char key[UNDERSTAND_KEY];
    understand_holder_of(u->value, key, sizeof key);
    if (n < 2 || lex_is_stopword(name) || understand_pronoun(name) ||
        !strcmp(key, "self") || !strcmp(u->value, "baby")) {
        u->act = READER_SMALLTALK;
        return 1;
    }
    checks_settle(u, READER_FACT, key, READER_REL_NAME, NULL, name);
    return 1;
}

/* "my brother and his wife had a baby, a boy called Odo": a son or daughter told
 * after the birth news of the user's sibling or child in the message is that one's: a
 * niece or nephew, a grandchild (not when the clause says "my daughter"). Sets u's
 * holder. */
static void born_to_kin(const char *msg, const char *text, understood_t *u)
{
    static const char *const births[] = {"had a baby", "had her baby", "had her first baby",
                                         "had their baby", "had their first baby",
                                         "gave birth", "had twins", NULL};
    int girl = !strcmp(u->holder, "daughter"), boy = !strcmp(u->holder, "son");
    /* ("..., her name is Esi" read as the sibling's: the baby's, by the pronoun) */
    static const char *const hers[] = {"her name", "she's called", "she is called", NULL};
    static const char *const his[] = {"his name", "he's called", "he is called", NULL};
    int pronoun = u->rel == READER_REL_NAME && !girl && !boy &&
                  (checks_holds_any(text, hers) || checks_holds_any(text, his));
    if (pronoun) girl = checks_holds_any(text, hers), boy = !girl;
    if ((u->act != READER_FACT && u->act != READER_CORRECTION) || (!girl && !boy) ||
        checks_word_at(text, "my") || checks_word_at(text, "our"))
        return;
    const char *named = u->value[0] ? checks_word_at(msg + u->at, u->value) : NULL;
    const char *born = NULL;            /* (said before the child: "had a baby, a boy ...") */
    for (int k = 0; births[k] && named; k++) {
        const char *at = checks_word_at(msg, births[k]);
        if (at && at < named && (!born || at < born)) born = at;
    }
    char key[UNDERSTAND_KEY] = "";      /* whose: the last "my X" of kin before the news */
    for (const char *my = msg; born && (my = checks_word_at(my, "my")) != NULL && my < born;
         my += 2) {
        char w[UNDERSTAND_KEY], k1[UNDERSTAND_KEY];
        const char *x = checks_word_after(my + 2, w, sizeof w);
        if (understand_in_list(understand_kin_sizes, w)) checks_word_after(x, w, sizeof w);
        understand_holder_of(w, k1, sizeof k1);
        if (understand_kin(k1)) snprintf(key, sizeof key, "%s", k1);
    }
    const char *base = strrchr(key, ' ') ? strrchr(key, ' ') + 1 : key;   /* ("twin sister") */
    const char *hb = strrchr(u->holder, ' ') ? strrchr(u->holder, ' ') + 1 : u->holder;
    if (pronoun && !facts_same_holder(u->holder, key) && strcmp(hb, base) != 0)
        return;                         /* (a name of another's, not the sibling's misread) */
    const char *of = !strcmp(base, "sister") || !strcmp(base, "brother")
                         ? (girl ? "niece" : "nephew")
                     : !strcmp(base, "son") || !strcmp(base, "daughter")
                         ? (girl ? "granddaughter" : "grandson")
                         : NULL;
    if (of) {
        snprintf(u->holder, sizeof u->holder, "%s", of);
        u->personal = 1;                /* (the user's kin, whoever the clause says) */
    }
}

/* "Rolo is a big old beagle" from one who has dogs (told now or before): a name, "is a",
 * words of size or age and a kind of the animal they keep is that pet's kind, keyed by
 * its name. Sets u and returns 1, else 0. */
static int pet_of_kind(const facts_t *f, const char *msg, const char *text, understood_t *u)
{
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 16);
    const char *first = text;
    while (*first && !isalpha((unsigned char)*first)) first++;
    if (n < 4 || strcmp(w[1], "is") != 0 || (strcmp(w[2], "a") && strcmp(w[2], "an")) ||
        !isupper((unsigned char)*first) || lex_is_stopword(w[0]) || checks_asks(text))
        return 0;
    for (size_t m = 0; m < f->n; m++)   /* (a name told already: its holder is known) */
        if (facts_rel_of(f->v[m].relation) == READER_REL_NAME &&
            facts_same_name(f->v[m].value, w[0]))
            return 0;
    for (int k = 3; k < n; k++) {
        char two[64];
        snprintf(two, sizeof two, "%s %s", w[k], k + 1 < n ? w[k + 1] : "");
        int l = k + 1 < n && kinds_animal(two) ? 2 : kinds_animal(w[k]) ? 1 : 0;
        if (!l) continue;
        const char *animal = kinds_animal(l == 2 ? two : w[k]);
        char many[32];
        snprintf(many, sizeof many, "%ss", animal);
        int kept = facts_has_words(msg, animal) || facts_has_words(msg, many) ||
                   facts_find(f, animal, NULL, NULL) || facts_find(f, many, NULL, NULL);
        if (!kept) return 0;
        char kind[64];
        snprintf(kind, sizeof kind, "%s", l == 2 ? two : w[k]);
        char name[UNDERSTAND_KEY];      /* (keyed as written, with its capital) */
        snprintf(name, sizeof name, "%.*s", (int)strlen(w[0]), first);
        checks_settle(u, READER_FACT, name, READER_REL_KIND, NULL, kind);
        return 1;
    }
    return 0;
}

/* News that changes a fact: a child born to kin, a pet of a kind by name, sold, named,
 * lost, parted, moved, full time, made, quit, "X is the puppy", a child had, wants to be,
 * not the old job, a field studied, driven. */
/* "going full vegan as of now", "from today I'm a vegan", "went pescatarian in May": a
 * diet's name in a clause of the user's (they say "I", or it has no subject: "went
 * vegan"), told as a plain fact or as news, is their diet, however the reader read the
 * clause; not a "not" or a "no longer", nor said of someone else; a hope ("might go
 * vegan") is small talk. Sets u and returns 1, else 0. */
static int diet_now(const char *text, understood_t *u)
{
    static const char *const not[] = {"not", "no", "never", "nor", "isn't", "wasn't",
                                      "aren't", "don't", "quit", "stopped", NULL};
    static const char *const mine[] = {"i", "i'm", "im", "i've", "ive", "going", "gone",
                                       "went", "became", "become", "turned", "switched",
                                       "now", "fully", NULL};
    if ((u->act != READER_FACT && u->act != READER_SMALLTALK) || checks_asks(text) ||
        (u->holder[0] && strcmp(u->holder, "self") != 0))
        return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64), diet = -1,
        me = 0;
    for (int k = 0; k < n; k++) {
        if (understand_in_list(not, w[k])) return 0;
        if (eating_diet_word(w[k])) {
            if (diet >= 0 && strcmp(w[diet], w[k]) != 0) return 0;    /* (two: unclear) */
            diet = k;
        }
        me |= understand_in_list(mine, w[k]);
    }
    for (int k = 0; k < n; k++) {       /* (someone else's: "my sis went vegan too") */
        char key[UNDERSTAND_KEY];
        understand_holder_of(w[k], key, sizeof key);
        if (understand_pronoun(w[k]) || (strcmp(key, "self") != 0 && understand_kin(key)))
            return 0;
    }
    /* (only the unit read of the diet, or of nothing: "I'm Ada, 34, vegan" keeps the rest) */
    if (diet < 0 || !me ||
        (u->value[0] && u->rel != READER_REL_DIET && !facts_has_words(u->value, w[diet])))
        return 0;
    if (checks_hypothetical(text, w[diet])) {   /* ("I might go vegan": chat) */
        if (u->act == READER_FACT && u->rel == READER_REL_DIET) u->act = READER_SMALLTALK;
        return 0;
    }
    checks_settle(u, READER_FACT, "self", READER_REL_DIET, NULL, w[diet]);
    return 1;
}

int checks_news(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const char *text = c->text;
    if (u->act == READER_FACT && holder_is_place(text, u->holder))
        u->act = READER_SMALLTALK;      /* "... a coder in a lab in ghent": no one's */
    born_to_kin(msg, text, u);          /* "my sister had a baby, a girl called Ada" */
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && pet_of_kind(f, msg, text, u))
        return 1;                       /* "Rolo is a big old beagle" */
    if (work_ahead(text, u)) return 1;  /* "from May I will teach at ..." */
    if (plan_moved(f, text, u)) return 1;       /* "the party is pushed back to ..." */
    if (!parted_with(f, msg, text, u) &&        /* "we sold the car" ends the car */
        !pet_got_named(text, u) &&      /* "a kitten off my aunt, she's called Pesto" */
        !one_lost(f, text, u) &&        /* "Biscuit died" ends one cat's name */
        !partner_changed(f, msg, text, u) &&    /* "marek and i separated" ends his */
        !home_now(msg, text, u) &&          /* "we're in portree now" */
        !moved_into(text, u) &&             /* "signed for a flat in Ostrava" */
        !full_time(text, u) &&              /* "doing upholstery full time" */
        !made_job(f, text, u) &&            /* "they made me depot supervisor" */
        !left_work(f, text, u) &&           /* "I quit the warehouse!" */
        !retired_now(f, text, u) &&         /* "I am retired now!" */
        !name_is_the(text, u) &&            /* "rusk is the puppy" */
        !child_had(text, u) &&              /* "I've a little girl, Anouk" */
        !wants_to_be(text, u) &&            /* "Anselm wants to be an electrician" */
        !job_not_old(f, text, u) &&         /* "I'm sous chef now, not a line cook" */
        !field_studied(text, u)) {          /* "Sunniva got into dentistry" */
        if (diet_now(text, u)) return 1;    /* "from today I'm vegan" (not of the day) */
        driven(text, u);                /* "my uncle drives trams": a job */
    }
    return 0;
}
