/* checks_first.c: the first phase of checks_clause (checks.c; checks_internal.h): what the
 * reader most often mixes up in people's own words, mended before anything reads whose a
 * clause is: a name said as an age, "<name> here", where one does a thing, a year of study,
 * kin asked with "who is", a job taken at a place, "he's a ...", a partner asked, where one
 * grew up, a vehicle's year, a pet's kind and a pet of someone's. */
#include "agent/checks_internal.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

/* "Zac is 3", "Ana's 12.", "Bo turned 7", "Jo is the eldest, she's 60", "Rex is the old
 * boy, 13", "Pip is the puppy, about 4 months": a clause of a name (one word with a
 * capital, no word for someone), "is"/"'s"/"turned", a few words of who they are among
 * the rest, and an age (a number, "years old", "months" or "weeks" after it), and nothing
 * else, tells that one's age, however the reader read it. A note's key before a colon
 * may lead ("Two dogs at home: ..."): a group of the user's named there makes the name
 * theirs. Whose the name is is settled after (facts_resolve_holder, one_of_group). One
 * unit of the clause (told[0..i) the units before u) tells it (1 returned); the reader's
 * other units of it tell nothing (-1: no check reads them again); else 0. */
static int name_is_age(const understood_t *told, int i, const char *text, understood_t *u)
{
    if (u->act == READER_QUESTION || u->act == READER_YESNO || u->act == READER_FORGET)
        return 0;
    const char *colon = strchr(text, ':');
    int group = 0;                      /* "Two dogs at home:" */
    if (colon) {
        char key[UNDERSTAND_VALUE];
        const char *kw[8];
        int kn = understand_split_words(text, " :", key, sizeof key, kw, 8);
        for (int k = 0; k < kn && kw[k] < key + (colon - text) && !group; k++)
            group = understand_group_said(kw[k]);
        text = colon + 1;
        while (*text == ' ') text++;
    }
    char buf[UNDERSTAND_VALUE];
    const char *w[12];
    int n = understand_split_words(text, " .!,", buf, sizeof buf, w, 12);
    if (n < 2 || n > 10 || !isupper((unsigned char)text[0])) return 0;
    char name[UNDERSTAND_KEY];
    snprintf(name, sizeof name, "%s", w[0]);
    size_t nl = strlen(name);
    int at = 1;
    if (nl > 2 && !strcmp(name + nl - 2, "'s")) name[nl - 2] = '\0';  /* "Ana's 12" */
    else if (!strcmp(w[1], "is") || !strcmp(w[1], "turned")) at = 2;
    else if (n > 2 && !strcmp(w[1], "just") && !strcmp(w[2], "turned")) at = 3;
    else return 0;
    for (const char *p = name; *p; p++)         /* (letters of any script: "Zoë") */
        if (!isalpha((unsigned char)*p) && (unsigned char)*p < 0x80) return 0;
    /* who they are among the rest ("the eldest", "older", "the old boy", "the puppy") */
    static const char *const places[] = {"eldest", "oldest", "youngest", "older", "younger",
                                         "middle", "baby", NULL};
    long age;
    if (at < n && (!strcmp(w[at], "the") || understand_in_list(places, w[at]))) {
        int p = at + !strcmp(w[at], "the"), e = p;
        while (e < n && e - p < 3 && !understand_number(w[e], &age) &&
               !understand_pronoun(w[e]))
            e++;
        if (e == p) return 0;
        at = e;
    }
    static const char *const they[] = {"she's", "he's", "shes", "hes", NULL};
    static const char *const about[] = {"about", "nearly", "almost", "aged", "just", NULL};
    if (at < n && understand_in_list(they, w[at])) at++;
    else if (at + 1 < n && (!strcmp(w[at], "she") || !strcmp(w[at], "he")) &&
             !strcmp(w[at + 1], "is"))
        at += 2;
    if (at < n && understand_in_list(about, w[at])) at++;
    int rest = n - at - 1;      /* "years old", "months" or "now" may follow the number */
    static const char *const spans[] = {"months", "month", "weeks", "week", NULL};
    int span = rest >= 1 && understand_in_list(spans, w[at + 1]);
    if (at >= n || !understand_number(w[at], &age) || age < 0 || age > 120 || rest > 2 ||
        (rest == 1 && strcmp(w[at + 1], "now") != 0 && !span) ||
        (rest == 2 && !(span && (!strcmp(w[at + 2], "old") || !strcmp(w[at + 2], "now"))) &&
         (strcmp(w[at + 1], "years") != 0 || strcmp(w[at + 2], "old") != 0)) ||
        checks_someone_word(name) || understand_pronoun(name) || lex_is_stopword(name))
        return 0;
    /* the reader's units of the name or the age ("children age 12", "kids employer Mia");
     * another ("two brothers": the count) is left as read */
    name[0] = (char)toupper((unsigned char)name[0]);
    if (u->value[0] && !facts_same_value(u->value, w[at]) && !facts_same_value(u->value, name) &&
        u->rel != READER_REL_AGE && u->rel != READER_REL_NAME)
        return 0;
    for (int j = 0; j < i; j++)
        if (told[j].at == u->at && told[j].rel == READER_REL_AGE &&
            !strcmp(told[j].holder, name)) {        /* told by the clause's first such */
            u->act = READER_SMALLTALK;
            u->value[0] = u->old[0] = '\0';
            return -1;
        }
    snprintf(u->holder, sizeof u->holder, "%s", name);
    u->rel = u->clause_rel = READER_REL_AGE;
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
    if (span) snprintf(u->value, sizeof u->value, "%s %s", w[at], w[at + 1]);
    else snprintf(u->value, sizeof u->value, "%s", w[at]);
    if (u->act != READER_CORRECTION) u->act = READER_FACT;
    u->personal = group;
    u->settled = 1;
    return 1;
}

/* "my flatmate's dog is called Biscuit", "whats my sisters cat called": a pet after a
 * word of kin with "'s" (or an s) is that one's, keyed "flatmate dog" as kin of kin are
 * ("sister husband"); the kin word read as the pet's kind is none. After "his" or "her",
 * the kin an earlier clause of the message (told[0..i)) told of. */
/* u's holder becomes kin's pet ("flatmate dog"), personal; a question keeps the pet it
 * asks of when nothing is told of kin's pet (the pet may have been told of without whose
 * it is: "flatmate's dog" asked of a "dog" told). */
static void pet_is_of(const facts_t *f, understood_t *u, const char *kin, const char *pet)
{
    char key[2 * UNDERSTAND_KEY];
    if (snprintf(key, sizeof key, "%s %s", kin, pet) >= (int)sizeof u->holder) return;
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !facts_find(f, key, NULL, NULL))
        return;
    memcpy(u->holder, key, strlen(key) + 1);
    u->personal = 1;
}

static void pet_of_kin(const facts_t *f, const understood_t *told, int i, const char *text,
                       understood_t *u)
{
    /* (the reader may hold the whole: "kofis dogs") */
    const char *sp = strrchr(u->holder, ' ');
    char held[UNDERSTAND_KEY];
    snprintf(held, sizeof held, "%s", sp ? sp + 1 : u->holder);
    size_t hl = strlen(held);
    if (sp && hl > 3 && held[hl - 1] == 's') held[hl - 1] = '\0';
    if (!dialogue_pet_word(held) || (sp && strchr(u->holder, ' ') != sp)) return;
    if (facts_has_words(u->value, "mine") || facts_has_words(u->value, "mine's"))
        return;                         /* "Pip's my aunt's gerbil, mine's Dot" */
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 64);
    for (int k = 1; k < n; k++) {
        char one[UNDERSTAND_KEY], pet[UNDERSTAND_KEY];
        understand_holder_of(w[k], pet, sizeof pet);
        size_t pl = strlen(pet);
        if (sp && pl > 3 && pet[pl - 1] == 's') pet[pl - 1] = '\0';
        if (!facts_same_holder(pet, held)) continue;
        /* "my flatmate Kofi ..., his dog is called Biscuit": the kin told before; "my
         * brother Tom ... and has a cat called Mittens": the kin the clause is of */
        const char *whose = !strcmp(w[k - 1], "his") || !strcmp(w[k - 1], "her") ? w[k - 1] : NULL;
        int has = k >= 2 && (!strcmp(w[k - 1], "a") || !strcmp(w[k - 1], "an")) &&
                  (!strcmp(w[k - 2], "has") || !strcmp(w[k - 2], "got"));
        for (int j = 0; has && j < k - 2; j++)      /* (the speaker's: "I have ...") */
            has = strcmp(w[j], "i") != 0 && strcmp(w[j], "we") != 0 && strcmp(w[j], "i've") &&
                  strcmp(w[j], "ive");
        for (int j = i - 1; (whose || has) && j >= 0; j--)
            if ((whose ? told[j].at != u->at : told[j].at == u->at) && told[j].personal &&
                understand_kin(told[j].holder) && !strchr(told[j].holder, ' ')) {
                pet_is_of(f, u, told[j].holder, pet);
                return;
            }
        /* "my mum has a dog called Sid": the kin the clause opens with */
        for (int j = 0; has && j + 1 < k - 2; j++) {
            char kin[UNDERSTAND_KEY];
            understand_holder_of(w[j + 1], kin, sizeof kin);
            if ((!strcmp(w[j], "my") || !strcmp(w[j], "our")) && understand_kin(kin) &&
                !strchr(kin, ' ')) {
                pet_is_of(f, u, kin, pet);
                return;
            }
        }
        size_t l = strlen(w[k - 1]);
        if (l < 3 || l >= sizeof one) continue;
        snprintf(one, sizeof one, "%s", w[k - 1]);
        int apostrophe = l > 2 && !strcmp(one + l - 2, "'s");
        if (apostrophe) one[l - 2] = '\0';
        else if (one[l - 1] == 's') one[l - 1] = '\0';
        else continue;
        char kin[UNDERSTAND_KEY];
        understand_holder_of(one, kin, sizeof kin);
        const store_memory_t *named = NULL;     /* "kofi's dog": whose name Kofi is */
        for (size_t j = f->n; !understand_kin(kin) && j-- > 0 && !named;)
            if (facts_rel_of(f->v[j].relation) == READER_REL_NAME &&
                facts_same_name(f->v[j].value, one) && understand_kin(f->v[j].holder))
                named = &f->v[j];
        if (named) snprintf(kin, sizeof kin, "%s", named->holder);
        else if (!(understand_kin(kin) || kinds_person(kin)) || strchr(kin, ' ') ||
                 (k >= 2 && !apostrophe && strcmp(w[k - 2], "my") != 0 &&
                  strcmp(w[k - 2], "our") != 0))
            continue;               /* ("whats mum's dog called"; "the vets cat" is none) */
        if (u->rel == READER_REL_KIND && facts_same_holder(u->value, kin)) {
            u->act = READER_SMALLTALK;      /* ("[flatmate]" read as the dog's kind) */
            u->value[0] = '\0';
        }
        pet_is_of(f, u, kin, pet);
        return;
    }
}

/* "heyyy wren here", "ok so marek here": a clause that is only a greeting or fillers,
 * one word and "here" tells the user's name (one the reader left without a value, or
 * read as another relation's).
 * Sets u and returns 1, else 0. */
static int name_here(const char *text, understood_t *u)
{
    static const char *const fillers[] = {"ok", "okay", "so", "well", "right", "hi", "and",
                                          "it's", "its", NULL};
    if ((u->act != READER_FACT && u->act != READER_SMALLTALK) || strcmp(u->holder, "self") != 0)
        return 0;
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.;:!", buf, sizeof buf, w, 16), s = 0;
    while (s < n && (understand_in_list(understand_greetings, w[s]) ||
                     understand_in_list(fillers, w[s])))
        s++;
    if (n - s != 2 || strcmp(w[n - 1], "here") != 0) return 0;
    const char *name = w[s];
    if (u->value[0] && strcasecmp(u->value, name) != 0) return 0;
    static const char *const not_names[] = {"winter", "summer", "spring", "autumn", "fall",
                                            "christmas", "snow", "rain", "sun", "sunshine",
                                            "help", "nobody", "everyone", "someone", "back",
                                            "home", "work", "finally", "still", "weekend",
                                            "friday", "payday", "weather", "wifi",
                                            "internet", "signal", "traffic", "food", "life",
                                            "everything", "nothing", "it", "spring", NULL};
    if (strlen(name) < 2 || !isalpha((unsigned char)name[0]) || lex_is_stopword(name) ||
        understand_kin(name) || dialogue_pet_word(name) || understand_in_list(not_names, name) ||
        understand_month(name))
        return 0;
    const char *at = checks_word_at(text, name);       /* as written */
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strlen(name), at ? at : name);
    checks_settle(u, READER_FACT, "self", READER_REL_NAME, NULL, value);
    return 1;
}

/* "my roots are in Tromso where I grew up", "based in Bath, from Galway originally": a
 * place of the user's said with where they grew up or were born, or after "from" with
 * "originally" (or after "originally from", to "in"), is their home town; a home town
 * read from a nationality ("Norwegian") beside such a place in the message msg is not
 * told. Sets u when so. */
static void grew_up_there(const char *msg, const char *text, understood_t *u)
{
    static const char *const grew[] = {"where i grew up", "where i was born",
                                       "where i was raised", "where im from", "where i'm from",
                                       NULL};
    if (u->act != READER_FACT || !u->value[0] || (unsigned char)u->value[0] >= 0x80) return;
    char from[UNDERSTAND_VALUE + 8], said[2 * UNDERSTAND_VALUE];
    snprintf(from, sizeof from, "from %s", u->value);
    int origin = facts_has_words(text, from) && facts_has_words(text, "originally");
    for (int k = 0; grew[k] && !origin; k++) {
        snprintf(said, sizeof said, "%s %s", u->value, grew[k]);
        origin = facts_has_words(text, said);
    }
    if (origin && u->rel != READER_REL_HOMETOWN) {
        checks_settle(u, READER_FACT, "self", READER_REL_HOMETOWN, NULL, u->value);
        return;
    }
    /* "originally from Kisumu in Kenya" read as a workplace of the country: the place
     * after "originally from", to "in" or a comma */
    const char *of = checks_word_at(text, "originally from");
    const char *at = checks_word_at(text, u->value);
    if (of && at && at > of && u->rel != READER_REL_HOMETOWN &&
        !memchr(of, ',', (size_t)(at - of))) {
        const char *p = of + strlen("originally from");
        while (*p == ' ') p++;
        size_t l = 0;
        while (p[l] && p[l] != ',' && p[l] != '.' && p[l] != '!' &&
               strncasecmp(p + l, " in ", 4) != 0 && l + 1 < sizeof said)
            l++;
        size_t in = l;          /* the value right after "in": the country of it */
        while (l && p[l - 1] == ' ') l--;
        int plain = l >= 2;     /* (a place's words: not "Oaxaca but living") */
        for (size_t c = 0; c < l && plain; c++)
            plain = isalpha((unsigned char)p[c]) || p[c] == ' ' || p[c] == '-' ||
                    (unsigned char)p[c] >= 0x80;
        char one[UNDERSTAND_VALUE];
        snprintf(one, sizeof one, "%.*s", (int)l, p);
        const char *wd[8];
        char wbuf[UNDERSTAND_VALUE];
        int nwd = plain ? understand_split_words(one, " ", wbuf, sizeof wbuf, wd, 8) : 0;
        for (int k = 0; k < nwd && plain; k++)
            plain = !lex_is_stopword(wd[k]) && strcmp(wd[k], "living") != 0 &&
                    strcmp(wd[k], "based") != 0;
        if (plain && nwd <= 3 && !strncasecmp(p + in, " in ", 4) && at == p + in + 4) {
            snprintf(said, sizeof said, "%.*s", (int)l, p);
            checks_settle(u, READER_FACT, "self", READER_REL_HOMETOWN, NULL, said);
            return;
        }
    }
    /* a nationality's country beside a place told as the origin (in the message: "irish
     * but living in Derry, originally from Cobh") */
    if (u->rel == READER_REL_HOMETOWN && !checks_word_at(msg, u->value) &&
        (checks_word_at(msg, "originally") || checks_word_at(msg, "where i grew up")))
        u->act = READER_SMALLTALK;
}

/* "just bought a 2009 corolla": a year a thing one has is of is said with it. Sets u when
 * so. */
static void year_of_make(const char *text, understood_t *u)
{
    size_t vl = strlen(u->value);
    if (u->act != READER_FACT || u->rel != READER_REL_OWNS || vl != 4 ||
        strspn(u->value, "0123456789") != 4 || (strncmp(u->value, "19", 2) != 0 &&
                                                 strncmp(u->value, "20", 2) != 0))
        return;
    const char *at = checks_word_at(text, u->value);
    if (!at || at[vl] != ' ') return;
    char next[UNDERSTAND_VALUE];
    checks_word_after(at + vl, next, sizeof next);
    if (strlen(next) < 2 || lex_is_stopword(next)) return;
    size_t l = strlen(u->value);
    snprintf(u->value + l, sizeof u->value - l, " %s", next);
}

/* "and there's Waffle the cat", "Juno the whippet": a name right before "the" and a
 * word of a pet is that pet's name. Sets u and returns 1, else 0. */
static int pet_the_kind(const char *text, understood_t *u)
{
    if (u->act == READER_QUESTION || u->act == READER_YESNO || checks_asks(text)) return 0;
    if (u->value[0] && u->rel == READER_REL_NAME) return 0;
    char buf[256];
    const char *w[32];
    int n = understand_split_words(text, " ,.;:!", buf, sizeof buf, w, 32);
    static const char *const there[] = {"there's", "theres", "and", "also", "plus", "meet",
                                        "then", NULL};
    for (int j = 1; j + 1 < n; j++) {
        if (strcmp(w[j], "the") != 0 || !dialogue_pet_word(w[j + 1])) continue;
        const char *name = w[j - 1];
        int opens = j == 1;
        for (int b = 0; b < j - 1 && !opens; b++) opens = understand_in_list(there, w[b]) &&
                                                          b == j - 2;
        if (!opens || strlen(name) < 2 || lex_is_stopword(name) || understand_kin(name) ||
            dialogue_pet_word(name))
            return 0;
        const char *at = checks_word_at(text, name);
        char value[UNDERSTAND_VALUE];
        snprintf(value, sizeof value, "%.*s", (int)strlen(name), at ? at : name);
        checks_settle(u, READER_FACT, w[j + 1], READER_REL_NAME, NULL, value);
        return 1;
    }
    return 0;
}

/* "My name is Solveig Brekke": a word with a capital right after the user's name said
 * as one ("name is", "I'm", "I am", "call me") is their surname: the name read keeps it,
 * and no other unit of the clause is it ("you work as a Lindqvist"). Sets u. */
static void name_with_surname(const char *text, understood_t *u)
{
    static const char *const said[] = {"name is ", "name's ", "i'm ", "i am ", "im ",
                                       "call me ", NULL};
    char low[512];
    snprintf(low, sizeof low, "%s", text);
    for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
    for (int k = 0; said[k]; k++) {
        const char *at = strstr(low, said[k]);
        if (!at || (at > low && isalpha((unsigned char)at[-1]))) continue;
        const char *first = text + (at - low) + strlen(said[k]), *e = first;
        while (*e && (isalpha((unsigned char)*e) || (unsigned char)*e >= 0x80 || *e == '-')) e++;
        if (e == first || !isupper((unsigned char)*first) || *e != ' ' ||
            !isupper((unsigned char)e[1]))
            return;
        const char *sur = e + 1, *se = sur;
        while (*se && (isalpha((unsigned char)*se) || (unsigned char)*se >= 0x80 || *se == '-'))
            se++;
        const char *next = se;          /* then the clause's end, or "and", "from" ... */
        while (*next == ' ') next++;
        static const char *const go_on[] = {"and ", "from ", "here", "but ", NULL};
        int ends = !*next || strchr(",.;!?", *next);
        for (int g = 0; go_on[g] && !ends && next > se; g++)
            ends = !strncasecmp(next, go_on[g], strlen(go_on[g]));
        if (!ends) return;
        char first_name[UNDERSTAND_VALUE], surname[UNDERSTAND_VALUE];
        snprintf(first_name, sizeof first_name, "%.*s", (int)(e - first), first);
        snprintf(surname, sizeof surname, "%.*s", (int)(se - sur), sur);
        char sl[UNDERSTAND_VALUE];      /* (a trade's "-ist" may end a surname) */
        snprintf(sl, sizeof sl, "%s", surname);
        for (char *p = sl; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (lex_is_stopword(sl) || understand_month(sl) || understand_weekday(sl)) return;
        if (!strcmp(u->holder, "self") && u->rel == READER_REL_NAME &&
            !strcmp(u->value, first_name)) {
            snprintf(u->value, sizeof u->value, "%.*s", (int)(se - first), first);
        } else if ((u->act == READER_FACT || u->act == READER_CORRECTION) &&
                   !strcmp(u->value, surname)) {
            u->act = READER_SMALLTALK;  /* (its own unit goes: the name holds it) */
            u->value[0] = '\0';
        }
        return;
    }
}

/* "Bo, who is white like snow", "my mare's grey", "two cats: Tig, who is black": a
 * colour right after "is" or "'s", said of a pet (a pet word, a name told of one, kept as
 * that pet's, or a name in a message that names an animal), is the pet's kind, as a
 * colour is asked ("what colour is Bo?"). Sets u and returns 1, else 0. */
static int pet_coloured(const facts_t *f, const char *msg, const char *text, understood_t *u)
{
    if (u->act == READER_QUESTION || u->act == READER_YESNO || checks_asks(text) ||
        u->rel == READER_REL_OWNS || (u->value[0] && understand_has_number(u->value)))
        return 0;                       /* (the count beside: "two dogs: Rex, who is ...") */
    char buf[256];
    const char *w[32];
    int n = understand_split_words(text, " ,.;:!", buf, sizeof buf, w, 32), k = 0, j = 0;
    static const char *const who[] = {"who", "she", "he", "which", "that", NULL};
    char key[UNDERSTAND_KEY];
    for (k = 0; k < n && !j; k++) {     /* the first "X is <colour>", "X, who is <colour>" */
        size_t hl = strlen(w[k]);
        int owned = hl > 2 && !strcmp(w[k] + hl - 2, "'s");     /* "my mare's grey" */
        int at = k + 1;
        if (!owned && at < n && understand_in_list(who, w[at])) at++;
        if (!owned && (at >= n || strcmp(w[at], "is") != 0)) continue;
        at += !owned;
        if (at < n && understand_colour(w[at])) {
            snprintf(key, sizeof key, "%.*s", (int)(owned ? hl - 2 : hl), w[k]);
            j = at;
        }
    }
    if (!j) return 0;
    int pet = dialogue_pet_word(key);
    const char *at = checks_word_at(text, key);
    if (!pet && (!at || !isupper((unsigned char)*at))) return 0;
    if (!pet) {                         /* a name: of a pet told, or among animals */
        const store_memory_t *m = NULL;
        for (size_t i = 0; i < f->n && !m; i++)
            if (facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
                facts_same_value(f->v[i].value, key) && dialogue_pet_word(f->v[i].holder))
                m = &f->v[i];
        char mb[512];
        const char *mw[96];
        int mn = understand_split_words(msg, " ,.;:!?()", mb, sizeof mb, mw, 96), animals = 0;
        for (int i = 0; i < mn && !animals; i++) {     /* ("two dogs": a dog) */
            char one[UNDERSTAND_KEY];
            size_t ol = strlen(mw[i]);
            snprintf(one, sizeof one, "%.*s", (int)(ol > 3 && mw[i][ol - 1] == 's' ? ol - 1 : ol),
                     mw[i]);
            animals = dialogue_pet_word(mw[i]) || dialogue_pet_word(one) ||
                      kinds_animal(mw[i]) != NULL;
        }
        if (!m && !animals) return 0;
        if (m) snprintf(key, sizeof key, "%s", m->holder);      /* (asked as "my dog") */
        else snprintf(key, sizeof key, "%.*s", (int)strlen(key), at);
    }
    checks_settle(u, READER_FACT, key, READER_REL_KIND, NULL, w[j]);
    return 1;
}

/* "she's a bus driver", "he is an electrician" read as small talk or as an unsure
 * fact: a job told of someone (the reader's holder, not the user) is a fact; "she's 9"
 * read with no relation: their age. Sets u when so. */
static void pronoun_is_a(const char *text, understood_t *u)
{
    static const char *const opens[][3] = {{"she's", "a", NULL}, {"he's", "a", NULL},
                                           {"she's", "an", NULL}, {"he's", "an", NULL},
                                           {"she", "is", "a"}, {"he", "is", "a"},
                                           {"she", "is", "an"}, {"he", "is", "an"}};
    /* "she's 9 and ...": a number said so is their age */
    static const char *const aged[] = {"she's", "he's", "shes", "hes", NULL};
    char first[16] = "", second[16] = "";
    sscanf(text, "%15s %15s", first, second);
    for (char *c = first; *c; c++) *c = (char)tolower((unsigned char)*c);
    size_t dl = strspn(second, "0123456789");
    if (u->act == READER_FACT && strcmp(u->holder, "self") != 0 &&
        understand_in_list(aged, first) &&
        dl >= 1 && dl <= 2 && (!second[dl] || second[dl] == ',') &&
        !strncmp(u->value, second, dl) && strlen(u->value) == dl &&
        (u->rel == READER_REL_OPEN || u->rel == READER_REL_AGE) && !u->relation[0]) {
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        return;
    }
    int unsure = u->act == READER_SMALLTALK ||
                 (u->act == READER_FACT && u->act_p < u->fact_min_p);
    if (!unsure || u->rel != READER_REL_JOB || !u->value[0] ||
        !strcmp(u->holder, "self"))
        return;
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.;:!", buf, sizeof buf, w, 16);
    const char *last = strrchr(u->value, ' ') ? strrchr(u->value, ' ') + 1 : u->value;
    for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++) {
        int l = opens[k][2] ? 3 : 2, j = 0;
        while (j < l && j < n && !strcmp(w[j], opens[k][j])) j++;
        if (j == l && kinds_person(last)) {
            u->act = READER_FACT;
            u->fact_min_p = 0;
            return;
        }
    }
}

/* "where do I do that?" after "what's my job": where the user works is asked, not the job
 * again. Sets u when so. */
static void where_done(const char *text, understood_t *u)
{
    if (u->act != READER_QUESTION || strcmp(u->holder, "self") != 0 ||
        u->rel != READER_REL_JOB)
        return;
    if (!facts_has_words(text, "where do i do it") &&
        !facts_has_words(text, "where do i do that"))
        return;
    u->rel = READER_REL_WORKPLACE;
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
}

/* "I'm a 3rd year physics student", "a second year" of "a second year physics
 * student": a job told with the year of study is the words after "year" up to
 * "student". Sets u when so. */
static void year_of_study(const char *text, understood_t *u)
{
    static const char *const ord[] = {"1st", "2nd", "3rd", "4th", "5th", "first", "second",
                                      "third", "fourth", "fifth", "final", "last", NULL};
    if (u->rel != READER_REL_JOB || !u->value[0] || strcmp(u->holder, "self") != 0) return;
    char first[16] = "", second[16] = "";
    sscanf(u->value, "%15s %15s", first, second);
    for (char *c = first; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (!understand_in_list(ord, first) || strcasecmp(second, "year") != 0) return;
    const char *at = checks_word_at(text, u->value);
    if (!at) return;
    at += strlen(first);
    while (*at == ' ') at++;
    at += 4;                    /* past "year" */
    while (*at == ' ') at++;
    char value[UNDERSTAND_VALUE];
    size_t l = 0;
    for (int words = 0; words < 4 && at[l];) {
        size_t e = l;
        while (isalpha((unsigned char)at[e])) e++;
        if (e == l) break;
        words++;
        if (e - l == 7 && !strncasecmp(at + l, "student", 7)) {
            snprintf(value, sizeof value, "%.*s", (int)e, at);
            snprintf(u->value, sizeof u->value, "%s", value);
            u->settled = 1;     /* (told as one is: "a 2nd year ...") */
            return;
        }
        l = e;
        while (at[l] == ' ') l++;
    }
}

/* "who's that ex I moaned about?", "who was the cousin I mentioned?" read as of the
 * user, "who's my plumber?", "which one is the rabbit?" read as a job: the name of the
 * one it asks who is. Sets u when so. */
static void who_is_kin(const char *text, understood_t *u)
{
    static const char *const who[] = {"who's", "whos", "who", NULL};
    static const char *const be[] = {"is", "was", NULL};
    static const char *const that[] = {"that", "the", "this", "my", NULL};
    if (u->act != READER_QUESTION ||
        (strcmp(u->holder, "self") != 0 && u->rel != READER_REL_JOB))
        return;
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 16), j = 0;
    if (j < n && understand_in_list(who, w[j])) j++;
    else if (n > 2 && !strcmp(w[0], "which") && strcmp(u->holder, "self") != 0)
        j = 1 + !strcmp(w[1], "one");   /* "which one is the rabbit?" */
    else return;
    if (j < n && (!strcmp(w[j - 1], "who") || !strcmp(w[0], "which")) &&
        understand_in_list(be, w[j]))
        j++;
    if (j < n && understand_in_list(that, w[j])) j++;
    if (j >= n) return;
    char key[UNDERSTAND_KEY];
    understand_holder_of(w[j], key, sizeof key);
    if (strcmp(u->holder, "self") != 0 ? strcmp(key, u->holder) != 0 || j + 1 != n
                                       : !understand_kin(key))
        return;
    checks_settle(u, READER_QUESTION, key, READER_REL_NAME, NULL, "");
}

/* "just landed a job at the garden centre" read as the user's fact with no value: the
 * place after "job at" or "started at" (up to three words, to a comma or a word of time)
 * is where they work. Sets u when so. */
static void job_taken_at(const char *text, understood_t *u)
{
    static const char *const leads[] = {"job at", "started at", "starting at",
                                        "new job with", "job with", NULL};
    static const char *const stops[] = {"today", "yesterday", "tomorrow", "now", "next",
                                        "last", "on", "in", "and", "so", "but", "from",
                                        "starting", "bye", "lol", NULL};
    if (u->act != READER_FACT || u->value[0] || strcmp(u->holder, "self") != 0 || checks_asks(text))
        return;
    const char *at = NULL;
    for (int k = 0; leads[k] && !at; k++) {
        const char *p = checks_word_at(text, leads[k]);
        if (p) at = p + strlen(leads[k]);
    }
    if (!at) return;
    while (*at == ' ') at++;
    char value[UNDERSTAND_VALUE] = "";
    size_t vl = 0;
    for (int n = 0; n < 3;) {
        char w[32];
        const char *e = at;
        while (*e && (isalnum((unsigned char)*e) || *e == '\'' || *e == '-')) e++;
        if (e == at || (size_t)(e - at) >= sizeof w) break;
        snprintf(w, sizeof w, "%.*s", (int)(e - at), at);
        for (char *c = w; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (understand_in_list(stops, w)) break;
        vl += (size_t)snprintf(value + vl, sizeof value - vl, "%s%.*s", vl ? " " : "",
                               (int)(e - at), at);
        n++;
        if (*e != ' ' || vl + 1 >= sizeof value) break;
        at = e + 1;
    }
    if (!vl || lex_is_stopword(value)) return;
    checks_settle(u, READER_FACT, "self", READER_REL_EMPLOYER, NULL, value);
}

/* "am i still with ravi?", "still seeing Ola?": a yes/no of the partner's
 * name, of the holder of the partner told (or told gone). Sets u when so. */
static void partner_asked(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const still[] = {"still with", "still seeing", "still dating",
                                        "still together with", NULL};
    if (u->act != READER_YESNO && u->act != READER_QUESTION) return;
    const char *at = NULL;
    for (int k = 0; still[k] && !at; k++)
        if ((at = checks_word_at(text, still[k]))) at += strlen(still[k]);
    if (!at) return;
    while (*at == ' ') at++;
    char name[UNDERSTAND_VALUE];
    size_t n = 0;
    while (n + 1 < sizeof name && (isalpha((unsigned char)at[n]) || at[n] == '-'))
        name[n] = at[n], n++;
    name[n] = '\0';
    if (n < 2 || lex_is_stopword(name) || understand_kin(name)) return;
    for (size_t j = f->n; j-- > 0;) {
        const store_memory_t *m = &f->v[j];
        if (facts_rel_of(m->relation) != READER_REL_NAME ||
            !understand_in_list(understand_partner_words, m->holder))
            continue;
        checks_settle(u, READER_YESNO, m->holder, READER_REL_NAME, m->relation, name);
        return;
    }
}

/* 1 when 我家 in a Chinese text comes right before a name told of someone of the user's
 * (我家球球). */
static int zh_home_named(const facts_t *f, const char *text)
{
    const char *home = strstr(text, "我家");
    if (!home) return 0;
    home += strlen("我家");
    for (size_t m = 0; m < f->n; m++) {
        const char *v = f->v[m].value;
        if (facts_rel_of(f->v[m].relation) == READER_REL_NAME && strcmp(f->v[m].holder, "self") &&
            (unsigned char)v[0] >= 0xE0 && !strncmp(home, v, strlen(v)))
            return 1;
    }
    return 0;
}

/* "im kit, 29, i do web design ...": one word right after "I'm" and before a comma, read
 * as a job, is the user's name when the message tells their work in other words after
 * it ("i do", "I work", "as a"). Sets u when so. */
static void name_before_work(const char *msg, const char *text, understood_t *u)
{
    static const char *const im[] = {"im", "i'm", "i am", NULL};
    static const char *const work[] = {"i do", "i work", "work as", "working as", "my job",
                                       NULL};
    if (u->act != READER_FACT || u->rel != READER_REL_JOB || strcmp(u->holder, "self") != 0 ||
        !u->value[0] || strchr(u->value, ' '))
        return;
    int named = 0;
    for (int k = 0; im[k] && !named; k++) {
        char said[UNDERSTAND_VALUE + 8];
        snprintf(said, sizeof said, "%s %s", im[k], u->value);
        const char *p = facts_words_at(text, said);
        named = p && p[strlen(said)] == ',';
    }
    if (named && checks_holds_any(msg + u->at + u->len, work)) {
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
}

/* What the reader most often mixes up first: a Chinese question of someone told of, 叫什么
 * asking a name, a name that is an age, "<name> here", where one does a thing, a year of
 * study, kin asked by "who is", a job taken at a place, "he's a ...", a partner asked,
 * where one grew up, a year of make, a pet's kind, a pet of kin, a question naming one
 * keyed by name, a colour asked of an animal. */
/* "yo 😎 Dion, personal trainer, Denver": an introduction written as a note after a
 * greeting, which the reader takes for chat: a name, a kind of person, a place (each as
 * written: capitalised, a kind of person in WordNet) or an age read of the user there is
 * told. Promotes u; 0 (later phases go on). */
static int intro_note(const char *text, understood_t *u)
{
    char buf[64];
    const char *first[1];
    if ((u->act != READER_SMALLTALK && !(u->act == READER_FACT && u->act_p < u->fact_min_p)) ||
        strcmp(u->holder, "self") != 0 || !u->value[0] ||
        understand_split_words(text, " ,!.", buf, sizeof buf, first, 1) < 1 ||
        !understand_in_list(understand_greetings, first[0]))
        return 0;
    int commas = 0;
    for (const char *p = text; *p; p++) commas += *p == ',';
    const char *last = strrchr(u->value, ' ');
    last = last ? last + 1 : u->value;
    int capital = isupper((unsigned char)u->value[0]) != 0;
    int fits = (u->rel == READER_REL_NAME && capital && !strchr(u->value, ' ')) ||
               (u->rel == READER_REL_JOB && kinds_person(last)) ||
               ((u->rel == READER_REL_HOME || u->rel == READER_REL_HOMETOWN) && capital) ||
               (u->rel == READER_REL_AGE && atoi(u->value) >= 13 && atoi(u->value) <= 120);
    if (commas < 2 || !fits) return 0;
    u->act = READER_FACT;
    u->fact_min_p = 0;
    u->personal = 1;
    return 0;
}

int checks_first_readings(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    /* "在吗", "在不在？": a call to see whether one is there, asking nothing */
    static const char *const calls[] = {"在吗", "在么", "在嘛", "在不在", NULL};
    char bare[32];
    size_t bl = 0;
    for (const char *p = text; *p && bl + 1 < sizeof bare; p++)
        if (!strchr(" ?!~.,", *p) && strncmp(p, "\xEF\xBC", 2) != 0) bare[bl++] = *p;
        else if (!strncmp(p, "\xEF\xBC", 2)) p += 2;      /* (？！，: fullwidth marks) */
    bare[bl] = '\0';
    const char *rest = bare;            /* (said twice: "在吗在吗") */
    for (int k = 0, again = 1; again && *rest;)
        for (k = 0, again = 0; calls[k] && !again; k++)
            if (!strncmp(rest, calls[k], strlen(calls[k]))) rest += strlen(calls[k]), again = 1;
    if (bl && !*rest) {
        u->act = READER_SMALLTALK;
        u->personal = 0;
        return 1;
    }
    intro_note(text, u);
    /* "年糕几岁了？", "我家球球是什么品种？": a Chinese question without 我, or with 我家
     * before a name, that names someone told of is theirs, though the reader took it for
     * the user's */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && checks_chinese(text) &&
        (!strstr(text, "我") || zh_home_named(f, text)) && !strcmp(u->holder, "self")) {
        u->personal = 0;
        facts_resolve_holder(f, text, u);
        if (!u->personal) u->personal = 1;
    }
    /* "我爱人叫什么" read as asking where one is from: 叫什么 asks a name (of someone
     * of the user's, not of the user when the reader took no one else) */
    if (u->act == READER_QUESTION && checks_chinese(text) && u->rel != READER_REL_NAME &&
        strcmp(u->holder, "self") != 0 && (strstr(text, "叫什么") || strstr(text, "叫啥")) &&
        !strstr(text, "品种")) {
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    name_before_work(c->msg, text, u);
    if (name_is_age(told, i, text, u) < 0) return 1;
    if (name_here(text, u)) return 1;
    where_done(text, u);
    year_of_study(text, u);
    who_is_kin(text, u);
    job_taken_at(text, u);
    if (u->act == READER_FACT || u->act == READER_CORRECTION) name_with_surname(text, u);
    pronoun_is_a(text, u);
    partner_asked(f, text, u);
    grew_up_there(c->msg, text, u);
    year_of_make(text, u);
    if (pet_the_kind(text, u) || pet_coloured(f, c->msg, text, u)) return 1;
    pet_of_kin(f, told, i, text, u);
    /* "what colour's Tuck?" read as the user's: a question that names one keyed by their
     * name ("Tuck", facts.c) and says nothing of the speaker asks of them */
    static const char *const speaker[] = {"i", "my", "me", "i'm", "im", "mine", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !strcmp(u->holder, "self") &&
        !checks_holds_any(text, speaker))
        for (size_t j = f->n; j-- > 0;) {
            const char *h = f->v[j].holder;
            if (isupper((unsigned char)h[0]) && !strchr(h, ' ') && facts_has_words(text, h)) {
                snprintf(u->holder, sizeof u->holder, "%s", h);
                u->personal = 1;
                break;
            }
        }
    /* "what colour's Tuck?", "what colour is the mare?": an animal's colour is told as its
     * kind ("a bay", "a tabby") */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && strcmp(u->holder, "self") != 0 &&
        (u->rel == READER_REL_OPEN || u->rel == READER_REL_KIND) &&
        (facts_has_words(text, "colour") || facts_has_words(text, "color") ||
         facts_has_words(text, "colour's") || facts_has_words(text, "color's"))) {
        u->rel = READER_REL_KIND;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_KIND));
    }
    return 0;
}
