/* checks_relations.c: relations by their words (checks_internal.h): numbers of years,
 * allergies, diets, marrying, teams, former jobs, phones, studies, things had. Phases of
 * checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

int checks_asks_amount(const char *text)
{
    static const char *const how[] = {"how many", "how much", "how long", "how far",
                                      "how often", "how tall", "how big", "how heavy", NULL};
    for (int i = 0; how[i]; i++)
        if (facts_has_words(text, how[i])) return 1;
    return 0;
}

/* 1 when a clause opens (past "I'm", "I am", "now") with "retired from" and names the
 * place (with a capital, or a business word: "the post office"): into out, up to a word
 * of when or a bracket. */
static int retired_from(const char *text, char *out, size_t cap)
{
    static const char *const opens[] = {"i'm ", "im ", "i am ", "am ", "now ", "and ", NULL};
    const char *t = text;
    while (*t == ' ') t++;
    for (int k = 0; opens[k]; k++)
        if (!strncasecmp(t, opens[k], strlen(opens[k]))) t += strlen(opens[k]);
    if (strncasecmp(t, "retired from ", 13) != 0) return 0;
    t += 13;
    if (!strncasecmp(t, "the ", 4)) t += 4;
    static const char *const ends[] = {" since", " in ", " after", " back", " last", " a ",
                                       " about", " for ", " when", " (", ",", NULL};
    size_t n = strlen(t);
    for (int k = 0; ends[k]; k++) {
        const char *e = strstr(t, ends[k]);
        if (e && (size_t)(e - t) < n) n = (size_t)(e - t);
    }
    while (n > 0 && !isalnum((unsigned char)t[n - 1])) n--;
    int words = 1;
    for (size_t k = 0; k < n; k++) words += t[k] == ' ';
    const char *last = t + n;
    while (last > t && last[-1] != ' ') last--;
    char tail[32];
    snprintf(tail, sizeof tail, "%.*s", (int)(t + n - last), last);
    if (n == 0 || words > 4 || (!isupper((unsigned char)t[0]) &&
                                !understand_in_list(understand_business_words, tail) &&
                                strcmp(tail, "office") != 0 && strcmp(tail, "service") != 0))
        return 0;
    snprintf(out, cap, "%.*s", (int)n, t);
    return 1;
}

/* Relations by their words: a number of years, an allergy with "I'm", one's diet, marrying,
 * a firm's name, a team, "how old", a weekend job, a former job, retired, a time gone by, a
 * short year, an age asked yes or no, height. */
int checks_relations_by_words(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    int q = c->q;
    /* "keto since march" read as chat: a diet word of the user's, asked of no one, is
     * their diet */
    if (u->act == READER_SMALLTALK && u->rel == READER_REL_DIET && !strcmp(u->holder, "self") &&
        checks_in_words(understand_diet_words, u->value) && !checks_asks(text)) {
        checks_settle(u, READER_FACT, "self", READER_REL_DIET, NULL, u->value);
        return 1;
    }
    /* "my stepson Oren is nineteen" read as his name: a number of years is his age */
    long number_told;
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_NAME &&
        strcmp(u->holder, "self") != 0 && understand_number(u->value, &number_told) &&
        number_told >= 1 && number_told <= 120) {
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
    }
    /* "his rabbit sheds, a nightmare as im allergic to rabbits": an allergy said with
     * "I'm" is the user's, whoever the clause spoke of before */
    static const char *const me_allergic[] = {"i'm allergic", "im allergic", "i am allergic",
                                              NULL};
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) &&
        u->rel == READER_REL_ALLERGY && strcmp(u->holder, "self") != 0 &&
        checks_holds_any(text, me_allergic))
        snprintf(u->holder, sizeof u->holder, "self");
    /* "my diet" read as the diet's own diet: the user's */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel != READER_REL_OPEN &&
        !strcmp(u->holder, reader_rel_name(u->rel)))
        snprintf(u->holder, sizeof u->holder, "self");
    /* "my first name", "my real name, not the one my mates use" read as of "first": the user's */
    static const char *const of_name[] = {"first", "proper", "real", "full", "actual", "given",
                                          "legal", "christian", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_NAME &&
        checks_in_words(of_name, u->holder))
        snprintf(u->holder, sizeof u->holder, "self");
    /* "I'm marrying Tariq", "engaged to Tariq": the one the user is to marry, not their
     * name; asked of as the one one marries */
    static const char *const marrying[] = {"marrying ", "engaged to ", "getting married to ",
                                           NULL};
    for (int i = 0; marrying[i]; i++) {
        size_t ml = strlen(marrying[i]);
        if (u->rel == READER_REL_NAME && !strcmp(u->holder, "self") &&
            (u->act == READER_FACT || u->act == READER_CORRECTION) &&
            !strncasecmp(u->value, marrying[i], ml) && u->value[ml]) {
            memmove(u->value, u->value + ml, strlen(u->value + ml) + 1);
            snprintf(u->holder, sizeof u->holder, "fiance");
        }
    }
    /* "I'm getting married to Sami" read as a spouse's name: the one the user is to marry */
    static const char *const spouses[] = {"spouse", "husband", "wife", "partner", NULL};
    static const char *const to_marry[] = {"getting married to", "marrying", "engaged to",
                                           "marry", NULL};
    if (u->rel == READER_REL_NAME && u->act == READER_FACT && u->value[0] &&
        checks_in_words(spouses, u->holder) && checks_holds_any(text, to_marry))
        snprintf(u->holder, sizeof u->holder, "fiance");
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !strcmp(u->holder, "self") &&
        (facts_has_words(text, "marrying") || facts_has_words(text, "engaged to"))) {
        snprintf(u->holder, sizeof u->holder, "fiance");
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
        if (u->act == READER_QUESTION) u->value[0] = '\0';
    }
    /* "name of the firm where I work" asks the firm */
    static const char *const firms[] = {"company", "firm", "hospital", "school", "shop",
                                        "store", "restaurant", "cafe", "bar", "business",
                                        "practice", "clinic", "office", "agency", "place", NULL};
    int firm = 0;
    for (int i = 0; firms[i] && !firm; i++) firm = facts_has_words(text, firms[i]);
    if (u->act == READER_QUESTION && facts_has_words(text, "name of") && firm &&
        (facts_has_words(text, "work") || facts_has_words(text, "works"))) {
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_EMPLOYER;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_EMPLOYER));
        u->value[0] = '\0';
    }
    /* a team asked of by a word of cheering ("which team do I back?") or as a fan of it
     * in a yes/no question: the team the user supports */
    static const char *const cheering[] = {"follow", "support", "cheer", "cheering", "root",
                                           "rooting", "barrack", "like", "back", NULL};
    int cheers = 0;
    for (int i = 0; cheering[i]; i++) cheers |= facts_has_words(text, cheering[i]);
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !strcmp(u->holder, "self") &&
        ((facts_has_words(text, "team") && cheers) ||
         (u->act == READER_YESNO && facts_has_words(text, "fan")))) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "support");
        if (u->act == READER_QUESTION) u->value[0] = '\0';
    }
    /* "how old are the two of them?" read as asking names: "how old" asks an age */
    if (u->act == READER_QUESTION && u->rel != READER_REL_AGE &&
        !strncasecmp(text, "how old ", 8) && strncasecmp(text, "how old are you", 15) != 0 &&
        strncasecmp(text, "how old are u", 13) != 0 && strncasecmp(text, "how old r u", 11) != 0) {
        /* (not mnemo's age; "how old am I, can you remind me?" asks the user's) */
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        u->value[0] = '\0';
    }
    /* "what's my weekend job?": a job, whatever kind of one the reader left open */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_OPEN &&
        !u->relation[0] && !strcmp(u->holder, "self") && facts_has_words(text, "job")) {
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
    }
    /* "what did I use to do?", "what was my previous job?" ask for the job told as past */
    static const char *const before[] = {"previous", "former", "old", "last", NULL};
    int was_holder = 0;     /* "my previous job": the reader may take the word for a holder */
    for (int i = 0; before[i] && !was_holder; i++) was_holder = !strcmp(u->holder, before[i]);
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
        (!strcmp(u->holder, "self") || was_holder) &&
        (u->rel == READER_REL_JOB || facts_has_words(text, "job") ||
         facts_has_words(text, "for a living") || facts_has_words(text, "used to do") ||
         facts_has_words(text, "retired")) &&
        (facts_has_words(text, "used to") || facts_has_words(text, "use to") ||
         facts_has_words(text, "before") || facts_has_words(text, "previously") ||
         facts_has_words(text, "previous") || facts_has_words(text, "former") ||
         facts_has_words(text, "old job"))) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "%s", UNDERSTAND_FORMER_JOB);
        snprintf(u->holder, sizeof u->holder, "self");
    }
    /* "retired from the Met Office in 2012", "I'm retired from the railways": where one
     * worked before, the job told as past */
    char retired_at[UNDERSTAND_VALUE];
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && q < 0 &&
        !strcmp(u->holder, "self") && retired_from(text, retired_at, sizeof retired_at))
        checks_settle(u, READER_FACT, "self", READER_REL_OPEN, UNDERSTAND_FORMER_JOB, retired_at);
    /* "I've been on the coast about twelve years", "for 22 years", "6 years ago": a time
     * gone by, no age (not "I'm 40 years old", "turned 7") */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_AGE &&
        u->value[0] && !facts_has_words(text, "old") && !facts_has_words(text, "aged") &&
        !facts_has_words(text, "age") && !facts_has_words(text, "turned") &&
        !facts_has_words(text, "turns") && !facts_has_words(text, "birthday")) {
        char span[UNDERSTAND_VALUE + 16];
        snprintf(span, sizeof span, "%s years", u->value);
        int years = facts_has_words(text, span);
        snprintf(span, sizeof span, "%s yrs", u->value);
        years |= facts_has_words(text, span);
        const char *at = checks_word_at(text, u->value);
        char before[256];
        snprintf(before, sizeof before, "%.*s", at ? (int)(at - text) : 0, text);
        if (years && at && (facts_has_words(before, "been") || facts_has_words(before, "for") ||
                            facts_has_words(at, "ago")))
            u->act = READER_SMALLTALK;
    }
    /* "since the pit closed in '86": a year written short is no age */
    char short_year[UNDERSTAND_VALUE + 4], curly_year[UNDERSTAND_VALUE + 4];
    snprintf(short_year, sizeof short_year, "'%s", u->value);
    snprintf(curly_year, sizeof curly_year, "\xE2\x80\x99%s", u->value);
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_AGE &&
        u->value[0] && (strstr(text, short_year) || strstr(text, curly_year)))
        u->act = READER_SMALLTALK;
    /* "flat 9", "room 12", "bus 38": a number that numbers a thing is no age */
    static const char *const numbered[] = {"flat", "apartment", "apt", "unit", "number", "no",
                                           "house", "room", "floor", "bus", "route", "gate",
                                           "platform", "level", "block", "door", "suite",
                                           "ward", "bay", "table", NULL};
    const char *num_at = (u->act == READER_FACT || u->act == READER_CORRECTION) &&
                                 u->rel == READER_REL_AGE && u->value[0]
                             ? checks_word_at(text, u->value)
                             : NULL;
    char num_before[16] = "";
    if (num_at) checks_word_before(text, num_at, num_before, sizeof num_before);
    if (num_at && checks_in_words(numbered, num_before)) u->act = READER_SMALLTALK;
    /* "i live on quarry road in tromso": the place after the street is the home */
    const char *street = u->act == READER_FACT && u->rel == READER_REL_HOME && u->value[0]
                             ? checks_word_at(text, u->value)
                             : NULL;
    char on[8] = "", in[8] = "";
    if (street) checks_word_before(text, street, on, sizeof on);
    const char *after = street ? checks_word_after(street + strlen(u->value), in, sizeof in)
                               : NULL;
    if (street && !strcmp(on, "on") && !strcmp(in, "in")) {
        while (*after == ' ') after++;
        size_t n = 0;       /* one word, or words with capitals ("New York") */
        for (int caps = isupper((unsigned char)*after);;) {
            size_t w = n;
            while (after[w] && (isalpha((unsigned char)after[w]) || after[w] == '-' ||
                                (unsigned char)after[w] >= 0x80))
                w++;
            if (w == n) break;
            n = w;
            if (!caps || after[n] != ' ' || !isupper((unsigned char)after[n + 1])) break;
            n++;
        }
        char town[UNDERSTAND_VALUE];
        snprintf(town, sizeof town, "%.*s", (int)n, after);
        if (n >= 2 && !lex_is_stopword(town)) snprintf(u->value, sizeof u->value, "%s", town);
    }
    /* "is Rosie still 8?", "is my gran 85 now?": a number alone asked yes or no of one of
     * the user's is their age */
    long years;
    if (u->act == READER_YESNO && u->rel == READER_REL_OPEN && !u->relation[0] &&
        understand_number(u->value, &years) && !strchr(u->value, ' ') &&
        years > 0 && years <= 120 && !checks_asks_amount(text)) {
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
    }
    /* "how tall am I?" asks for no age but the height */
    if (u->act == READER_QUESTION && u->rel == READER_REL_AGE && !facts_has_words(text, "old") &&
        !facts_has_words(text, "age") && !facts_has_words(text, "born") &&
        checks_asks_amount(text)) {
        u->rel = READER_REL_OPEN;    /* "how tall": the height told ("I'm 5 foot 9") */
        snprintf(u->relation, sizeof u->relation, "%s",
                 facts_has_words(text, "tall") ? "height" : "");
    }
    return 0;
}

/* Things by their words: a phone number, a field of study, "at", what one has, what works
 * or broke, a vehicle asked, a place of business, a hospital, "named him", a job after
 * naming someone, "never mind", "scratch that", a summary of one thing. */
/* "my dog is called Scout, he's a whippet": "he's a" or "she's a" and one or two words
 * that are a kind of the pet the clause is of (kinds.h), or that the reader read as its
 * kind, is that pet's kind, however the reader took the clause. Sets u and returns 1,
 * else 0. */
static int pet_is_a(const char *text, understood_t *u)
{
    static const char *const is_a[] = {"he's a ", "she's a ", "he is a ", "she is a ", "it's a ",
                                       "hes a ", "shes a ", NULL};
    if (u->act == READER_QUESTION || u->act == READER_YESNO || u->act == READER_CORRECTION ||
        !dialogue_pet_word(u->holder))
        return 0;                       /* (a kind put right stands) */
    size_t l = 0;
    for (int k = 0; is_a[k] && !l; k++)
        if (!strncasecmp(text, is_a[k], strlen(is_a[k]))) l = strlen(is_a[k]);
    if (!l) return 0;
    char kind[UNDERSTAND_VALUE];
    size_t n = 0;
    while (text[l + n] && (isalpha((unsigned char)text[l + n]) || text[l + n] == ' ' ||
                           text[l + n] == '-') && n + 1 < sizeof kind)
        n++;
    while (n && text[l + n - 1] == ' ') n--;
    snprintf(kind, sizeof kind, "%.*s", (int)n, text + l);
    const char *animal = kinds_animal(kind);
    int read = u->rel == READER_REL_KIND && !strcasecmp(u->value, kind);   /* (a kelpie) */
    if (strchr(kind, ' ') != strrchr(kind, ' ') ||
        (!read && (!animal || !facts_same_holder(animal, u->holder))))
        return 0;
    checks_settle(u, READER_FACT, u->holder, READER_REL_KIND, NULL, kind);
    return 1;
}

int checks_things_by_words(checks_clause_t *c, understood_t *u)
{
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    if (pet_is_a(text, u)) return 1;
    /* "my number's 07700 900733", "my mobile is ...": the user's phone number; "what's my
     * mobile again?" asks it */
    static const char *const phones[] = {"number", "mobile", "cell", "phone", "mobile number",
                                         "cell number", "digits", "phone no", NULL};
    size_t digits = 0;
    for (const char *p = u->value; *p; p++) digits += isdigit((unsigned char)*p) != 0;
    int phone_holder = checks_in_words(phones, u->holder) ||
                       (!strcmp(u->holder, "self") && u->rel == READER_REL_OPEN &&
                        checks_in_words(phones, u->relation));
    /* ("my mobile is 071 555 0148" read as a name: digits mostly, after "my mobile") */
    for (int k = 0; phones[k] && !phone_holder && digits >= 6 &&
                    digits * 3 >= strlen(u->value) * 2; k++) {
        char mine[32];
        snprintf(mine, sizeof mine, "my %s", phones[k]);
        phone_holder = facts_has_words(text, mine);
    }
    if (phone_holder && (((u->act == READER_FACT || u->act == READER_SMALLTALK ||
                           u->act == READER_CORRECTION) && digits >= 6) ||
                         ((u->act == READER_QUESTION || u->act == READER_FORGET) &&
                          !u->value[0]))) {
        if (u->act == READER_SMALLTALK) u->act = READER_FACT;
        if (u->act == READER_FACT) u->fact_min_p = 0;
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "phone number");
        u->personal = 1;
    }
    /* "phd student in seismology": what one studies */
    static const char *const studied[] = {"student in", "student of", "phd in", "degree in",
                                          "masters in", "master's in", "studying", NULL};
    for (int k = 0; studied[k] && u->act == READER_FACT && u->rel == READER_REL_OPEN &&
                    !u->relation[0] && u->value[0]; k++) {
        char said[UNDERSTAND_VALUE + 24];
        snprintf(said, sizeof said, "%s %s", studied[k], u->value);
        if (facts_has_words(text, said)) snprintf(u->relation, sizeof u->relation, "study");
    }
    /* "i gaze at rocks": the word before "at" is no firm (the place comes after it) */
    char before_at[UNDERSTAND_VALUE + 4], after_at[UNDERSTAND_VALUE + 4];
    snprintf(before_at, sizeof before_at, "%s at", u->value);
    snprintf(after_at, sizeof after_at, "at %s", u->value);
    if ((u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
        u->act == READER_FACT && u->value[0] && !strchr(u->value, ' ') &&
        islower((unsigned char)u->value[0]) && facts_has_words(text, before_at) &&
        !facts_has_words(text, after_at) && !facts_has_words(text, "work") &&
        !facts_has_words(text, "works"))
        u->act = READER_SMALLTALK;
    /* "my old yamaha xt600" read with the holder "old": what the user has */
    static const char *const adjectives[] = {"old", "new", "trusty", "beloved", "battered",
                                             "little", "beat", NULL};
    if (u->act == READER_FACT && u->rel == READER_REL_KIND &&
        checks_in_words(adjectives, u->holder) && !kinds_animal(u->value) &&
        !dialogue_pet_word(u->value) &&
        !isupper((unsigned char)u->value[0])) { /* (not "our old terrier, Bublik") */
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_OWNS;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_OWNS));
        u->personal = 1;
    }
    /* "got a renault kangoo, side door works": what works, runs or broke is said of a
     * thing, not another thing had */
    static const char *const going[] = {"works", "runs", "broke", "doesn't", "won't", NULL};
    for (int k = 0; going[k] && u->act == READER_FACT && u->rel == READER_REL_OWNS &&
                    u->value[0]; k++) {
        char said[UNDERSTAND_VALUE + 16];
        snprintf(said, sizeof said, "%s %s", u->value, going[k]);
        if (facts_has_words(text, said)) u->act = READER_SMALLTALK;
    }
    /* "which truck have I got these days?" asks for the vehicle had */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_KIND &&
        !strcmp(u->holder, "self") && facts_vehicle_word(text)) {
        u->rel = READER_REL_OWNS;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_OWNS));
    }
    /* "I worked in a cheese factory" read as the job "cheese factory": a place of business is
     * where one works (a firm is whom one works for: left as read) */
    const char *tail_word = strrchr(u->value, ' ') ? strrchr(u->value, ' ') + 1 : u->value;
    static const char *const employers[] = {"company", "firm", "business", "agency", NULL};
    if (u->act == READER_FACT && u->rel == READER_REL_JOB &&
        !checks_in_words(employers, tail_word) &&
        (understand_in_list(understand_business_words, tail_word) ||
         !strcasecmp(tail_word, "brewery") || !strcasecmp(tail_word, "winery") ||
         !strcasecmp(tail_word, "hospital"))) {
        u->rel = READER_REL_WORKPLACE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
    }
    /* "a radiologist at the university hospital" read as a school: a hospital or a
     * clinic is where one works */
    static const char *const cares[] = {"hospital", "clinic", "surgery", "infirmary", "hospice",
                                        NULL};
    if (u->act == READER_FACT && u->rel == READER_REL_SCHOOL && checks_in_words(cares, tail_word)) {
        u->rel = READER_REL_WORKPLACE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
    }
    /* "spaniel, named him biscuit" read with no name: the word after "named him" */
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && u->rel == READER_REL_NAME &&
        !u->value[0] && strcmp(u->holder, "self") != 0) {
        char buf[UNDERSTAND_VALUE];
        const char *w[48];
        int nw = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 48);
        for (int k = 0; k + 2 < nw && !u->value[0]; k++)
            if ((!strcasecmp(w[k], "named") || !strcasecmp(w[k], "called")) &&
                (!strcasecmp(w[k + 1], "him") || !strcasecmp(w[k + 1], "her") ||
                 !strcasecmp(w[k + 1], "it")) &&
                isalpha((unsigned char)w[k + 2][0]) && !lex_is_stopword(w[k + 2])) {
                snprintf(u->value, sizeof u->value, "%s", w[k + 2]);
                u->act = READER_FACT;
                u->fact_min_p = 0;
                u->personal = 1;
            }
    }
    /* "boyfriend: Arvid. chemist at the refinery": a job told bare after a clause
     * that named someone of the user's, in a message that never says "I" or "my", is
     * theirs */
    int prior = i - 1;          /* (past the clause's own units, the first of which may
                                 * be theirs already) */
    while (prior >= 0 && told[prior].at == u->at && !understand_kin(told[prior].holder))
        prior--;
    if (u->act == READER_FACT && !strcmp(u->holder, "self") && prior >= 0 &&
        (u->rel == READER_REL_JOB || u->rel == READER_REL_WORKPLACE ||
         u->rel == READER_REL_EMPLOYER) && told[prior].act == READER_FACT &&
        understand_kin(told[prior].holder) &&
        (told[prior].at == u->at || told[prior].rel == READER_REL_NAME)) {
        char buf[512];
        const char *w[96];
        int nw = understand_split_words(msg, " ,.;:!?()", buf, sizeof buf, w, 96), mine = 0;
        for (int k = 0; k < nw && !mine; k++)
            mine = understand_in_list(understand_personal_words, w[k]);
        if (!mine) snprintf(u->holder, sizeof u->holder, "%s", told[prior].holder);
    }
    /* "anyway, never mind" puts nothing right */
    if ((u->act == READER_CORRECTION || u->act == READER_FACT) &&
        (facts_has_words(text, "never mind") || facts_has_words(text, "nevermind")) &&
        (facts_same_value(u->value, "never") || facts_same_value(u->value, "mind") ||
         facts_same_value(u->value, "nevermind"))) {
        u->value[0] = '\0';
        u->act = READER_SMALLTALK;
    }
    /* "scratch that" takes back what was said; "scratch" is no value */
    if (facts_has_words(text, "scratch that") && facts_same_value(u->value, "scratch")) {
        u->value[0] = '\0';
        if (u->act == READER_FACT) u->act = READER_SMALLTALK;
    }
    return 0;
}

/* Relation words mended: auxiliaries are no relation, what is taught, a kind of person as a
 * job. */
int checks_relation_words_mended(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    /* "I will never get the hang of it", "I got promoted": a word of will or being is no
     * relation (the open relations a fact tells are things and doings: "teach", "shoe
     * size") */
    static const char *const auxiliaries[] = {"will", "would", "can", "could", "should",
                                              "got", "have", "has", "had", "am", "is", "are",
                                              "was", "were", "be", "been", NULL};
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_OPEN &&
        understand_in_list(auxiliaries, u->relation)) {
        u->relation[0] = u->value[0] = '\0';
        if (u->act == READER_FACT && !u->name[0]) u->act = READER_SMALLTALK;
    }
    /* "I teach Irish dance" read as teaching "Irish": the lower-case word right after
     * a one-word value with a capital is what its capital word says of ("Irish dance",
     * "Thai cooking"), past words of where, when, how or whom */
    static const char *const not_taught[] = {"online", "now", "part", "full", "privately",
                                             "here", "there", "today", "too", "also", "kids",
                                             "children", "adults", "students", "teens",
                                             "people", "girls", "boys", "abroad", "locally",
                                             "again", "still", "lol", "haha", NULL};
    char taught[32];
    const char *taught_at = u->rel == READER_REL_OPEN && !strcmp(u->relation, "teach") &&
                                    isupper((unsigned char)u->value[0]) &&
                                    !strchr(u->value, ' ')
                                ? checks_word_at(text, u->value)
                                : NULL;
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && taught_at &&
        taught_at[strlen(u->value)] == ' ' &&
        islower((unsigned char)taught_at[strlen(u->value) + 1])) {
        checks_word_after(taught_at + strlen(u->value), taught, sizeof taught);
        size_t vl = strlen(u->value);
        if (strlen(taught) >= 3 && !lex_is_stopword(taught) &&
            !understand_in_list(not_taught, taught) && vl + 1 + strlen(taught) < sizeof u->value)
            snprintf(u->value + vl, sizeof u->value - vl, " %.*s", (int)strlen(taught),
                     taught_at + vl + 1);
    }
    /* "I'm Gordon, slate roofer down Borrowdale way" read as a language: a value of the
     * user's its relation's words do not tell, of at most four words that end in a kind of
     * person (no kin, no "vegan"), is their job */
    if (u->act == READER_FACT && !strcmp(u->holder, "self") && u->value[0] &&
        u->rel != READER_REL_JOB && u->rel != READER_REL_NAME && u->rel != READER_REL_AGE &&
        !checks_cued(u->rel, u->holder, u->value, text)) {
        const char *last = strrchr(u->value, ' ');
        last = last ? last + 1 : u->value;
        int words = 1;
        for (const char *p = u->value; *p; p++) words += *p == ' ';
        char key[UNDERSTAND_KEY];
        understand_holder_of(last, key, sizeof key);
        if (words <= 4 && strlen(last) > 3 && kinds_person(last) && !understand_kin(key) &&
            !kinds_animal(last) && /* ("mostly lurcher anyway": the dog's) */
            !understand_in_list(understand_no_job_words, last) &&
            !understand_in_list(understand_no_trade_words, last) &&
            islower((unsigned char)last[0])) {
            u->rel = READER_REL_JOB;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
        }
    }
    return 0;
}
