/* forms.c: forms of everyday speech the reader does not mark, read by their words
 * (forms.h): "married to Ines", "work from home", how many of a group, measures, a
 * team by "fan", a first language, a nationality, and a value or a name the reader left
 * unmarked because it has not seen the word. Each adds or fills units of one clause
 * (understand.h) the way understand.c's mends do: rules that read form; the reader
 * still decides the acts and the rest of the frames. */
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/understand.h"
#include "agent/understand_internal.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"
#include "model/vocab.h"

/* Nationalities and their countries (one table: forms_country, forms_is_country). */
static const struct {
    const char *nationality, *country;
} nations[] = {
    {"polish", "Poland"}, {"irish", "Ireland"}, {"scottish", "Scotland"},
    {"welsh", "Wales"}, {"english", "England"}, {"british", "Britain"},
    {"french", "France"}, {"german", "Germany"}, {"italian", "Italy"},
    {"spanish", "Spain"}, {"portuguese", "Portugal"}, {"dutch", "the Netherlands"},
    {"belgian", "Belgium"}, {"swiss", "Switzerland"}, {"austrian", "Austria"},
    {"danish", "Denmark"}, {"swedish", "Sweden"}, {"norwegian", "Norway"},
    {"finnish", "Finland"}, {"icelandic", "Iceland"}, {"greek", "Greece"},
    {"turkish", "Turkey"}, {"russian", "Russia"}, {"ukrainian", "Ukraine"},
    {"czech", "Czechia"}, {"slovak", "Slovakia"}, {"hungarian", "Hungary"},
    {"romanian", "Romania"}, {"bulgarian", "Bulgaria"}, {"serbian", "Serbia"},
    {"croatian", "Croatia"}, {"lithuanian", "Lithuania"}, {"latvian", "Latvia"},
    {"estonian", "Estonia"}, {"american", "America"}, {"canadian", "Canada"},
    {"mexican", "Mexico"}, {"brazilian", "Brazil"}, {"argentinian", "Argentina"},
    {"colombian", "Colombia"}, {"chilean", "Chile"}, {"peruvian", "Peru"},
    {"jamaican", "Jamaica"}, {"australian", "Australia"},
    {"chinese", "China"}, {"japanese", "Japan"},
    {"korean", "Korea"}, {"vietnamese", "Vietnam"}, {"thai", "Thailand"},
    {"filipino", "the Philippines"}, {"indonesian", "Indonesia"},
    {"malaysian", "Malaysia"}, {"indian", "India"}, {"pakistani", "Pakistan"},
    {"bangladeshi", "Bangladesh"}, {"iranian", "Iran"}, {"iraqi", "Iraq"},
    {"syrian", "Syria"}, {"lebanese", "Lebanon"}, {"israeli", "Israel"},
    {"egyptian", "Egypt"}, {"moroccan", "Morocco"}, {"nigerian", "Nigeria"},
    {"ghanaian", "Ghana"}, {"kenyan", "Kenya"}, {"ethiopian", "Ethiopia"},
    {"somali", "Somalia"}, {"south african", "South Africa"},
    {"taiwanese", "Taiwan"},
};

const char *forms_country(const char *w)
{
    for (size_t i = 0; i < sizeof nations / sizeof nations[0]; i++)
        if (!strcasecmp(w, nations[i].nationality)) return nations[i].country;
    return NULL;
}

int forms_is_country(const char *w)
{
    static const char *const more[] = {"Netherlands", "Philippines", "USA", "US", "UK",
                                       "United States", "United Kingdom", "New Zealand",
                                       "Czech Republic", NULL};
    for (size_t i = 0; i < sizeof nations / sizeof nations[0]; i++)
        if (!strcasecmp(w, nations[i].country)) return 1;
    for (int i = 0; more[i]; i++)
        if (!strcasecmp(w, more[i])) return 1;
    return 0;
}

int forms_language(const char *w)
{
    static const char *const only_languages[] = {
        "mandarin", "cantonese", "hindi", "urdu", "punjabi", "bengali", "tamil", "telugu",
        "gujarati", "arabic", "hebrew", "farsi", "persian", "swahili", "yoruba", "igbo",
        "hausa", "amharic", "latin", "esperanto", "catalan", "basque", "galician", "gaelic",
        "tagalog", "malay", "sign language", "bsl", "asl", NULL};
    char low[32];
    size_t n = 0;
    for (; w[n] && n + 1 < sizeof low; n++) low[n] = (char)tolower((unsigned char)w[n]);
    low[n] = '\0';
    return forms_country(w) != NULL || understand_in_list(only_languages, low);
}

int forms_married_to(const char *c, size_t cn, const char *const *words,
                     const unsigned char *caps, int n, understood_t *out, int k, int max)
{
    /* the words before the name, and whom they name: a spouse ("married to") by the
     * pronoun the clause speaks of them with, else a partner */
    static const struct {
        const char *words[5];
        int spouse;
    } forms[] = {{{"married", "to", NULL}, 1},
                 {{"share", "my", "life", "with", NULL}, 0},
                 {{"in", "a", "relationship", "with", NULL}, 0},
                 {{"living", "together", "with", NULL}, 0},
                 {{"been", "with", NULL}, 0}};
    int at = -1, len = 0, spouse = 0;
    for (size_t f = 0; f < sizeof forms / sizeof forms[0] && at < 0; f++)
        for (int w = 0; w < n && at < 0; w++) {
            int l = 0;
            while (forms[f].words[l] && w + l < n && !strcmp(words[w + l], forms[f].words[l]))
                l++;
            if (!forms[f].words[l]) at = w, len = l, spouse = forms[f].spouse;
        }
    /* a name typed small is one when how long or a comma comes after it ("been with
     * rebecca for three years", "married to nico, ...") */
    long tp = at >= 0 && at + len < n ? understand_text_at(c, cn, words[at + len]) : -1;
    int comma = tp >= 0 && (size_t)tp + strlen(words[at + len]) < cn &&
                c[tp + (long)strlen(words[at + len])] == ',';     /* "married to nico, he's" */
    int small = at >= 0 && at + len + 1 <= n &&
                (at + len + 1 == n || !strcmp(words[at + len + 1], "for") ||
                 !strcmp(words[at + len + 1], "since") || comma) &&
                at + len < n && isalpha((unsigned char)words[at + len][0]) &&
                !lex_is_stopword(words[at + len]) && !understand_kin(words[at + len]);
    if (at < 0 || at + len >= n || (!caps[at + len] && !small) ||
        understand_is_cjk(words[at + len]) ||
        understand_in_list(understand_empty_words, words[at + len]))
        return k;
    at += len - 2;              /* the name is at at + 2, as after "married to" */
    const char *key = spouse ? "spouse" : "partner";   /* "married to": a spouse */
    for (int w = 0; spouse && w < n && !strcmp(key, "spouse"); w++) {
        const char *p = understand_pronoun(words[w]);
        if (p && !strcmp(p, "he")) key = "husband";
        if (p && !strcmp(p, "she")) key = "wife";
    }
    char name[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, at + 2, at + 3, name, sizeof name);
    understand_drop_possessive(name);
    /* "I'm married to Femi, he's a baker": what follows the pronoun after the name is
     * the spouse's, not the speaker's */
    int after = n;
    for (int w = at + 3; w < n && after == n; w++)
        if (understand_pronoun(words[w])) after = w + 1;
    int kept = 0;
    for (int i = 0; i < k; i++) {
        if (!strcmp(out[i].value, name) || !strcmp(out[i].name, name)) continue;
        int of_form = 0;                /* "in a [relationship] with Kai" owns nothing */
        for (int w = at + 2 - len; w < at + 2 && !of_form; w++)
            of_form = !strcasecmp(out[i].value, words[w]);
        if (of_form) continue;
        if (out[i].rel == READER_REL_AGE &&
            (understand_holds_text(c, cn, "years") || understand_holds_text(c, cn, "yrs")))
            continue;                   /* "married to Ed for 9 years": how long, no age */
        int theirs = 0;     /* a value told after the pronoun */
        for (int w = after; w < n && !theirs && !strcmp(out[i].holder, "self"); w++)
            theirs = !strcasecmp(out[i].value, words[w]) ||
                     (!strncasecmp(out[i].value, words[w], strlen(words[w])) &&
                      out[i].value[strlen(words[w])] == ' ');
        if (!strcmp(out[i].holder, "married") || !strcmp(out[i].holder, "self")) {
            if (!strcmp(out[i].holder, "married") || theirs)
                snprintf(out[i].holder, sizeof out[i].holder, "%s", key);
            out[i].personal = 1;
        }
        if (out[i].rel == READER_REL_NAME && !strcmp(out[i].holder, key))
            continue;                   /* another name of theirs ("he's [french ...]") */
        out[kept++] = out[i];
    }
    if (kept >= max) return kept;
    understood_t *u = &out[kept];
    *u = out[0];
    u->act = READER_FACT;
    u->fact_min_p = 0;
    u->rel = READER_REL_NAME;
    u->personal = 1;
    snprintf(u->holder, sizeof u->holder, "%s", key);
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    snprintf(u->value, sizeof u->value, "%s", name);
    u->name[0] = u->old[0] = '\0';
    return kept + 1;
}

int forms_works_from_home(const char *const *words, int n, understood_t *out, int k, int max)
{
    static const char *const working[] = {"work", "works", "working", "worked", NULL};
    int at = 0;
    while (at + 2 < n && !(understand_in_list(working, words[at]) &&
                           !strcmp(words[at + 1], "from") && !strcmp(words[at + 2], "home")))
        at++;
    if (at + 2 >= n) return k;
    int empty = -1;             /* a unit the reader left without its value fills */
    for (int i = 0; i < k; i++) {
        if (out[i].rel == READER_REL_WORKPLACE && out[i].value[0]) return k;
        if (!out[i].value[0] && !out[i].name[0] && empty < 0) empty = i;
    }
    if (empty < 0 && k >= max) return k;
    understood_t *u = &out[empty >= 0 ? empty : k];
    if (empty < 0 && k > 0) *u = out[0];
    u->rel = READER_REL_WORKPLACE;
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
    snprintf(u->value, sizeof u->value, "home");
    u->name[0] = u->old[0] = '\0';
    return empty >= 0 ? k : k + 1;
}

/* 1 when word is one of the words of text, whatever the case ("City" of "New York
 * City"). */
static int word_of(const char *text, const char *word)
{
    size_t l = strlen(word);
    for (const char *p = text; l && *p; p++)
        if ((p == text || p[-1] == ' ') && !strncasecmp(p, word, l) && (!p[l] || p[l] == ' '))
            return 1;
    return 0;
}

int forms_lives_with(const char *c, size_t cn, const char *const *words, int n,
                     understood_t *out, int k, int max)
{
    static const char *const living[] = {"live", "lives", "living", "lived", NULL};
    static const char *const mine[] = {"my", "our", NULL};
    for (int w = 0; w + 3 < n; w++) {
        if (!understand_in_list(living, words[w]) || strcmp(words[w + 1], "with") ||
            !understand_in_list(mine, words[w + 2]))
            continue;
        char key[UNDERSTAND_KEY];
        int h = w + 3, nm = -1;
        for (int l = 1; l <= 2 && h + l < n && nm < 0; l++) {   /* "sister", "best friend" */
            understand_holder(words + h, l, key, sizeof key);
            if (understand_kin(key) || dialogue_pet_word(key)) nm = h + l;
        }
        if (nm < 0 || nm >= n || !isalpha((unsigned char)words[nm][0]) ||
            lex_is_stopword(words[nm]) || understand_in_list(understand_empty_words, words[nm]))
            return k;
        char name[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, nm, nm + 1, name, sizeof name);
        if (k < 1) return k;
        understood_t first = out[0];    /* the clause's spans and act, for a new unit */
        int kept = 0, told = 0;
        for (int i = 0; i < k; i++) {
            understood_t *u = &out[i];
            if (u->rel == READER_REL_HOME && (word_of(u->value, name) || !u->value[0]))
                continue;               /* "live with my boyfriend [Jon]": no place */
            if (u->rel == READER_REL_NAME && !strcmp(u->value, name)) {
                told = 1;
                snprintf(u->holder, sizeof u->holder, "%s", key);
                u->personal = 1;
            }
            if (!strcmp(u->name, name) && !strcmp(u->holder, "self")) u->name[0] = '\0';
            out[kept++] = *u;
        }
        k = kept;
        if (told || k >= max) return k;
        understood_t *u = &out[k];
        *u = first;
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->rel = READER_REL_NAME;
        u->personal = 1;
        u->old[0] = u->name[0] = '\0';
        snprintf(u->holder, sizeof u->holder, "%s", key);
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
        snprintf(u->value, sizeof u->value, "%s", name);
        return k + 1;
    }
    return k;
}

void forms_told_unit(const understood_t *clause, int rel, const char *holder,
                     const char *relation, const char *value, understood_t *u)
{
    *u = *clause;
    u->act = READER_FACT;
    u->fact_min_p = 0;
    u->personal = 1;
    u->rel = rel;
    snprintf(u->holder, sizeof u->holder, "%s", holder);
    snprintf(u->relation, sizeof u->relation, "%s", relation);
    snprintf(u->value, sizeof u->value, "%s", value);
    u->name[0] = u->old[0] = '\0';
}

int forms_bought(const char *c, size_t cn, const char *const *words, const unsigned char *caps,
                 int n, const understood_t *clause, understood_t *out, int k, int max)
{
    static const char *const getting[] = {"bought", "buying", "got", "getting", NULL};
    static const char *const fillers[] = {"me", "myself", "us", "ourselves", "just", "finally",
                                          NULL};
    static const char *const plain[] = {"used", "new", "old", "second-hand", "secondhand",
                                        "brand", "little", "tiny", "big", "shiny", "cheap",
                                        "another", "nice", NULL};
    static const char *const ends[] = {"from", "for", "off", "with", "and", "but", "so",
                                       "because", "last", "yesterday", "today", "this",
                                       "which", "that", "in", "at", "on", "near", "called",
                                       "named", "a", "an", "the", NULL};
    static const char *const someone[] = {"my", "his", "her", "their", "he", "she", "they",
                                          "someone", "somebody", NULL};
    for (int v = 0; v + 2 < n; v++) {
        if (!understand_in_list(getting, words[v])) continue;
        int other = 0;          /* ("my sister bought a Mini") */
        for (int w = 0; w < v && !other; w++)
            other = understand_in_list(someone, words[w]) || understand_kin(words[w]);
        int s = v + 1;
        while (s < n && understand_in_list(fillers, words[s])) s++;
        if (s >= n || (strcmp(words[s], "a") != 0 && strcmp(words[s], "an") != 0)) continue;
        s++;
        while (s < n && (understand_in_list(plain, words[s]) || understand_colour(words[s])))
            s++;
        int e = s, thing = 0, animal = 0;
        while (e < n && e - s < 4 && isalnum((unsigned char)words[e][0]) &&
               !understand_in_list(ends, words[e])) {
            /* a make, a model's number or a vehicle word tells a thing one keeps */
            thing |= caps[e] || isdigit((unsigned char)words[e][0]) ||
                     understand_in_list(understand_vehicle_words, words[e]);
            animal |= kinds_animal(words[e]) != NULL || dialogue_pet_word(words[e]);
            e++;
        }
        /* (an animal is named by the pet forms; "a new car, a Skoda" by the reader) */
        int vehicle_only = e == s + 1 && understand_in_list(understand_vehicle_words, words[s]);
        if (other || !thing || animal || vehicle_only || e == s ||
            (e < n && isalnum((unsigned char)words[e][0]) && !understand_in_list(ends, words[e])))
            continue;
        char value[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, e, value, sizeof value);
        int kept = 0;           /* the reader's units of the thing's words, or a colour, go */
        for (int i = 0; i < k; i++)
            if (!(out[i].value[0] && (understand_text_at(value, strlen(value), out[i].value) >= 0 ||
                                      understand_colour(out[i].value) ||
                                      out[i].rel == READER_REL_OWNS)))
                out[kept++] = out[i];
        if (kept >= max) return k;
        forms_told_unit(clause, READER_REL_OWNS, "self", reader_rel_name(READER_REL_OWNS), value,
                        &out[kept]);
        return kept + 1;
    }
    return k;
}

int forms_moved_to(const char *c, size_t cn, const char *const *words,
                   const unsigned char *caps, int n, const understood_t *clause,
                   understood_t *out, int k, int max)
{
    static const char *const moving[] = {"moved", "move", "moving", "movd", "relocated",
                                         "relocating", NULL};
    static const char *const ways[] = {"north", "south", "east", "west", "out", "back",
                                       "abroad", "away", "over", "up", "down", "here",
                                       "there", "home", "house", "town", NULL};
    static const char *const stops[] = {"last", "this", "next", "in", "for", "with", "a",
                                        "an", "and", "but", "so", "because", "since", "after",
                                        "before", "when", "now", "recently", "yesterday",
                                        "lol", "ago", NULL};
    static const char *const movers[] = {"i", "we", "i've", "we've", "ive", "weve", "have",
                                         "just", "finally", "recently", "actually", "also",
                                         "then", NULL};
    int home = -1;              /* the reader's unit of where one lives */
    for (int i = 0; i < k && home < 0; i++)
        if (out[i].rel == READER_REL_HOME) home = i;
    static const char *const dwellings[] = {"house", "flat", "condo", "apartment", "cottage",
                                            "bungalow", "place", "home", "townhouse", NULL};
    static const char *const someone[] = {"my", "his", "her", "their", "he", "she", "they",
                                          NULL};
    int v = 0;
    while (v < n && !understand_in_list(moving, words[v])) v++;
    int to = v + 1;             /* "moved [out east] to", "moved from Leeds to" */
    while (to < n && to - v <= 4 && strcmp(words[to], "to") != 0) to++;
    /* "moved in together in Salford": where the two moved in */
    int together = v + 3 < n && !strcmp(words[v + 1], "in") &&
                   !strcmp(words[v + 2], "together") &&
                   (!strcmp(words[v + 3], "in") || !strcmp(words[v + 3], "to"));
    if (together) to = v + 3;
    int bought = 0;             /* "... and bought a bungalow in Rye": a home got */
    for (int b = 0; (v >= n || to >= n || to - v > 4) && b + 2 < n && !bought; b++) {
        if (strcmp(words[b], "bought") != 0 && strcmp(words[b], "buying") != 0) continue;
        int d = b + 1;
        while (d < n && d - b <= 3 && !understand_in_list(dwellings, words[d])) d++;
        if (d + 1 >= n || d - b > 3 || strcmp(words[d + 1], "in") != 0) continue;
        int other = 0;
        for (int w = 0; w < b && !other; w++)
            other = understand_in_list(someone, words[w]) ||
                    (understand_kin(words[w]) && strcmp(words[w], "we") != 0);
        if (other) continue;
        v = 0, to = d + 1, bought = 1;
    }
    if (v >= n || to >= n || (to - v > 4 && !bought)) return k;
    int s = to + 1, e = s;
    if (s < n && !strcmp(words[s], "the")) s = e = s + 1;
    if (e < n && caps[e]) {
        while (e < n && e - s < 3 && caps[e] && !understand_is_cjk(words[e])) e++;
    } else if (e < n && isalpha((unsigned char)words[e][0]) &&
               !understand_in_list(stops, words[e]) && !understand_in_list(ways, words[e]) &&
               !understand_in_list(understand_empty_words, words[e]) &&
               !lex_is_stopword(words[e])) {
        e++;
    }
    if (e == s) return k;
    char place[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, s, e, place, sizeof place);
    int mine = 1;               /* the user moved: the verb first, or only "I", "we" ... */
    for (int w = 0; w < v && mine; w++) mine = understand_in_list(movers, words[w]);
    for (int w = 0; w < v && together && !mine; w++)   /* ("me and my bf", "X and I") */
        mine = !strcmp(words[w], "me") || !strcmp(words[w], "i");
    if (home < 0) {
        /* no unit of living read ("we moved back to Tralee in May" read as chat, or as a
         * birthday of "in May"): a capitalised place the user moved to, or bought a home
         * in */
        if (!(mine || bought) || (!caps[s] && !(together && e == n)) || k >= max) return k;
        int kept = 0;       /* the reader's units that hold a value, but a birthday's date */
        for (int i = 0; i < k; i++)
            if (out[i].value[0] && out[i].rel != READER_REL_BIRTHDAY) out[kept++] = out[i];
        forms_told_unit(clause, READER_REL_HOME, "self", reader_rel_name(READER_REL_HOME), place,
                  &out[kept]);
        return kept + 1;
    }
    /* the reader's value where it read none, or a way it read for the place ("[east]") */
    int kept = 0, filled = 0;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel == READER_REL_HOME && !strcasecmp(u->value, place)) {
            if (filled) continue;           /* told once */
            filled = 1;
        }
        /* a way, or a word of the place ("[City]" of "New York City") */
        int way = u->rel == READER_REL_HOME && u->value[0] && strcasecmp(u->value, place) &&
                  (understand_in_list(ways, u->value) || word_of(place, u->value));
        if (way && !filled) {
            snprintf(u->value, sizeof u->value, "%s", place);
            u->fact_min_p = 0;      /* the words say it: a fact however sure the reader */
            filled = 1;
        } else if (way) {
            continue;
        }
        out[kept++] = *u;
    }
    k = kept;
    for (int i = 0; i < k && !filled; i++)
        if (out[i].rel == READER_REL_HOME && !out[i].value[0]) {
            snprintf(out[i].value, sizeof out[i].value, "%s", place);
            out[i].fact_min_p = 0;
            filled = 1;
        }
    /* "we moved to Tamale, closer to my in-laws": the place is the user's, not theirs,
     * told for sure, and the one home the clause tells */
    if (!mine && !bought) return k;
    kept = 0;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel == READER_REL_HOME && !strcasecmp(u->value, place)) {
            snprintf(u->holder, sizeof u->holder, "self");
            u->fact_min_p = 0;
            u->personal = 1;
        } else if (u->rel == READER_REL_HOME && u->value[0]) {
            continue;
        }
        out[kept++] = *u;
    }
    return kept;
}

const char *const forms_having[] = {"have", "has", "got", "keep", "own", "raise", "breed",
                                    "run", "after", "with", NULL};

/* "I keep 40 beehives", "we have 12 goats and 3 pigs": how many of a thing the user
 * keeps, told by a number and a plural right after a verb of having (with "about" or
 * the like between) or after an "and" that follows such a count: a unit of the
 * plural's key (REALISE_COUNT), in place of the reader's units that hold the number
 * ("[12 goats]" read as a name) or are the plural alone. w is the number's
 * word. Returns the units. */
static int counted_things(const char *c, size_t cn, const char *const *words, int w,
                          const understood_t *clause, understood_t *out, int k, int max)
{
    static const char *const roughly[] = {"about", "around", "over", "nearly", "almost",
                                          "roughly", "some", "like", "exactly", "just", NULL};
    /* what is measured, not kept ("about 20 years", "around 40 people") */
    static const char *const measures[] = {"years", "months", "weeks", "days", "hours",
                                           "minutes", "seconds", "times", "miles", "kilometres",
                                           "kilometers", "metres", "meters", "pounds", "euros",
                                           "dollars", "quid", "percent", "points", "people",
                                           "guests", "hectares", "acres", "kilos", "grams",
                                           "litres", "liters", "yrs", "mins", "hrs", NULL};
    int v = w - 1;
    while (v >= 0 && understand_in_list(roughly, words[v])) v--;
    const char *thing = words[w + 1];
    int more = 0;       /* "... 12 goats and 3 pigs": a count after one */
    for (int i = 0; i < k && !more; i++) more = !strcmp(out[i].relation, REALISE_COUNT);
    /* or with "about" and no verb ("..., about 120 cows") */
    int about = v < w - 1 && !understand_in_list(measures, thing);
    int had = v >= 0 && (understand_in_list(forms_having, words[v]) ||
                         (more && !strcmp(words[v], "and")));
    if (!(had || about) || !understand_plural(thing)) return k;
    char value[UNDERSTAND_VALUE], key[UNDERSTAND_KEY];
    understand_as_written(c, cn, words, w, w + 1, value, sizeof value);
    snprintf(key, sizeof key, "%s", thing);
    for (char *q = key; *q; q++) *q = (char)tolower((unsigned char)*q);
    int kept = 0;
    for (int i = 0; i < k; i++)         /* the reader's units of the number or thing go */
        if (!out[i].value[0] ||
            (!word_of(out[i].value, value) && strcasecmp(out[i].value, thing)))
            out[kept++] = out[i];
    k = kept;
    if (k >= max) return k;
    forms_told_unit(clause, READER_REL_OPEN, key, REALISE_COUNT, value, &out[k]);
    return k + 1;
}

int forms_counted(const char *c, size_t cn, const char *const *words, int n,
                  const understood_t *clause, understood_t *out, int k, int max)
{
    static const char *const telling[] = {"that's", "thats", "now", NULL};
    int first_person = 0;
    for (int w = 0; w < n && !first_person; w++)
        first_person = understand_in_list(understand_personal_words, words[w]) ||
                       understand_in_list(telling, words[w]);
    static const char *const roughly[] = {"about", "around", "roughly", "nearly", "some", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    for (int w = 0; w + 1 < n; w++) {
        char key[UNDERSTAND_KEY];
        understand_holder(&words[w + 1], 1, key, sizeof key);
        if (!understand_number_only(words[w])) continue;
        /* no first person: only a count said as about so many of a thing */
        if (!first_person && (w == 0 || !understand_in_list(roughly, words[w - 1]) ||
                              understand_group_key(key)))
            continue;
        if (!understand_group_key(key)) {
            k = counted_things(c, cn, words, w, clause, out, k, max);
            continue;
        }
        int empty = -1;
        for (int i = 0; i < k && empty < 0; i++)
            if (!out[i].value[0] && !out[i].name[0]) empty = i;
        if (empty < 0 && k >= max) return k;
        understood_t base = empty >= 0 ? out[empty] : *clause;
        char value[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, w, w + 1, value, sizeof value);
        forms_told_unit(&base, READER_REL_OPEN, key, REALISE_COUNT, value,
                  &out[empty >= 0 ? empty : k]);
        return empty >= 0 ? k : k + 1;
    }
    return k;
}

/* 1 when w is written in digits only. */
static int digits(const char *w)
{
    return w[0] && strspn(w, "0123456789") == strlen(w);
}

/* 1 when w is a height in one word: feet and inches ("5'4", "6'11"), or digits with
 * "ft" or "cm" ("6ft", "180cm"). */
static int height_word(const char *w)
{
    size_t d = strspn(w, "0123456789");
    if (d == 0 || d > 3) return 0;
    if (d == 1 && w[1] == '\'' && (!w[2] || (isdigit((unsigned char)w[2]) &&
                                             (!w[3] || (isdigit((unsigned char)w[3]) && !w[4])))))
        return 1;
    return !strcmp(w + d, "ft") || !strcmp(w + d, "cm");
}

/* Adds the user's fact told in words [s, e) of relation class rel (READER_REL_OPEN:
 * under the key relation; the value as written)
 * to out[0..k), in place of the units the reader made of those words (of the reader's
 * out[0..*nread), which it updates): whose values
 * begin at one of them (a measure's "[6 foot]" read as an age, "[12 shoe]" as a job) or
 * hold the value ("[massive Celtic]" of "a massive Celtic fan"), or whose holder is it
 * ("[Hibs] fan"). Returns the units. */
static int add_told(const char *c, size_t cn, const char *const *words, int s, int e,
                    int rel, const char *relation, const understood_t *clause,
                    understood_t *out, int k, int *nread, int max)
{
    char value[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, s, e, value, sizeof value);
    int kept = 0;
    for (int i = 0; i < *nread; i++) {
        int inside = 0;         /* a value that begins at one of the words */
        for (int w = s; w < e && out[i].value[0] && !inside; w++) {
            char one[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, w, w + 1, one, sizeof one);
            size_t l = strlen(one);
            inside = !strncasecmp(out[i].value, one, l) &&
                     (!out[i].value[l] || out[i].value[l] == ' ');
        }
        char key[UNDERSTAND_KEY];
        understand_holder_of(value, key, sizeof key);
        size_t vl = strlen(value);
        for (const char *p = out[i].value; *p && !inside; p++)
            inside = !strncasecmp(p, value, vl) && (p == out[i].value || p[-1] == ' ') &&
                     (!p[vl] || p[vl] == ' ');
        if (!inside && !strcasecmp(out[i].holder, key)) inside = 1;
        if (!out[i].value[0] && !out[i].name[0])
            inside = 1;         /* the reader's act without a value: the clause tells this */
        if (!inside) out[kept++] = out[i];
    }
    memmove(out + kept, out + *nread, (size_t)(k - *nread) * sizeof *out);
    k -= *nread - kept;
    *nread = kept;
    if (k >= max) return k;
    forms_told_unit(clause, rel, "self", relation ? relation : reader_rel_name(rel), value, &out[k]);
    if (rel == READER_REL_LANGUAGE) understand_drop_possessive(out[k].value);  /* "Greek's" */
    return k + 1;
}

/* Drops the reader's units out[0..*nread) whose value is one of the words [s, e) or all
 * of them as written (a form's own words read as a value: "I [prefer] ...", "my [old
 * sport]"); keeps *nread their count. Returns the units left. */
static int drop_words_read(const char *c, size_t cn, const char *const *words, int s, int e,
                           understood_t *out, int k, int *nread)
{
    char all[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, s, e, all, sizeof all);
    for (int i = 0; i < *nread; i++) {
        int of_form = !strcasecmp(out[i].value, all);
        for (int w = s; w < e && !of_form; w++) of_form = !strcasecmp(out[i].value, words[w]);
        if (!of_form) continue;
        memmove(out + i, out + i + 1, (size_t)(k - i - 1) * sizeof *out);
        k--;
        (*nread)--;
        i--;
    }
    return k;
}

int forms_unit(const char *w)
{
    static const char *const spans[] = {"days", "weeks", "months", NULL};
    static const char *const units[] = {
        "minutes", "mins", "min", "hours", "hrs", "hour", "miles", "mile", "km",
        "kilometres", "kilometers", "metres", "meters", "feet", "foot", "ft", "inches",
        "cm", "kg", "kilos", "stone", "pounds", "lbs", "degree", "degrees", "celsius",
        "fahrenheit", "percent", NULL};
    return understand_in_list(units, w) ? FORMS_UNIT_MEASURE
           : understand_in_list(spans, w) ? FORMS_UNIT_SPAN : 0;
}

int forms_measures(const char *c, size_t cn, const char *const *words, int n,
                   const understood_t *clause, understood_t *out, int k, int *nread, int max)
{
    static const char *const tall[] = {"foot", "feet", "ft", "cm", "metres", "meters", NULL};
    static const char *const hedges[] = {"like", "about", "around", "roughly", "only",
                                         "just", "nearly", "almost", "over", "under", NULL};
    static const char *const being[] = {"is", "takes", "was", "are", "'s", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    for (int w = 0; w < n; w++) {
        /* "I'm 5 foot 9", "I am 170 cm" */
        int j = w + 1;
        if (!strcmp(words[w], "i") && j < n && !strcmp(words[j], "am")) j++;
        else if (strcmp(words[w], "i'm") && strcmp(words[w], "im")) j = n;
        if (j + 1 < n && digits(words[j]) && understand_in_list(tall, words[j + 1])) {
            int e = j + 2;
            if (e < n && (digits(words[e]) || understand_number_only(words[e]))) e++;
            k = add_told(c, cn, words, j, e, READER_REL_OPEN, "height", clause, out, k,
                         nread, max);
        } else if (j < n && height_word(words[j])) {      /* "I'm 5'4", "I'm 6ft 1" */
            int e = j + 1;
            if (e < n && digits(words[e]) && strlen(words[e]) <= 2) e++;
            k = add_told(c, cn, words, j, e, READER_REL_OPEN, "height", clause, out, k,
                         nread, max);
        }
        /* "a size 7 shoe", "size 9 shoes" */
        if (!strcmp(words[w], "size") && w + 1 < n && digits(words[w + 1])) {
            char relation[UNDERSTAND_KEY] = "size";
            if (w + 2 < n && isalpha((unsigned char)words[w + 2][0]) &&
                !lex_is_stopword(words[w + 2]) &&
                !understand_in_list(understand_empty_words, words[w + 2])) {
                size_t l = strlen(words[w + 2]);        /* "shoes": shoe size */
                if (words[w + 2][l - 1] == 's') l--;
                if (l > sizeof relation - 6) l = sizeof relation - 6;
                snprintf(relation, sizeof relation, "%.*s size", (int)l, words[w + 2]);
            }
            k = add_told(c, cn, words, w + 1, w + 2, READER_REL_OPEN, relation, clause, out,
                         k, nread, max);
        }
        /* "my commute is about 35 minutes", "my commute's about an hour" */
        if (!strcmp(words[w], "my") && w + 2 < n && isalpha((unsigned char)words[w + 1][0])) {
            char noun[UNDERSTAND_KEY];
            size_t pl = vocab_possessive(words[w + 1]);
            int v = w + 2;
            snprintf(noun, sizeof noun, "%.*s", (int)(pl ? pl : strlen(words[w + 1])),
                     words[w + 1]);
            if (!pl) {
                if (!understand_in_list(being, words[v])) continue;
                v++;
            }
            while (v < n && understand_in_list(hedges, words[v])) v++;
            if (v + 1 < n && (digits(words[v]) || understand_number_only(words[v])) &&
                forms_unit(words[v + 1]) && !lex_is_stopword(noun))
                k = add_told(c, cn, words, v, v + 2, READER_REL_OPEN, noun, clause, out, k,
                             nread, max);
        }
    }
    return k;
}

int forms_fan_of(const char *c, size_t cn, const char *const *words,
                 const unsigned char *caps, int n, const understood_t *clause,
                 understood_t *out, int k, int *nread, int max)
{
    static const char *const fans[] = {"fan", "supporter", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    for (int w = 1; w < n; w++) {
        if (!understand_in_list(fans, words[w])) continue;
        int s = w;
        while (s > 0 && w - s < 3 && caps[s - 1] && !understand_is_cjk(words[s - 1]) &&
               !understand_in_list(understand_personal_words, words[s - 1]) &&
               !understand_in_list(understand_empty_words, words[s - 1]))
            s--;
        /* "millwall fan", "a massive arsenal fan": one word typed small, first in the
         * clause or after words of how much */
        static const char *const keen[] = {"a", "massive", "huge", "big", "lifelong", "diehard",
                                           "proper", "mad", "an", NULL};
        if (s == w && isalpha((unsigned char)words[w - 1][0]) && !lex_is_stopword(words[w - 1]) &&
            !understand_in_list(keen, words[w - 1]) &&
            !understand_in_list(understand_empty_words, words[w - 1]) &&
            (w == 1 || understand_in_list(keen, words[w - 2])))
            s = w - 1;
        if (s < w)
            return add_told(c, cn, words, s, w, READER_REL_OPEN, "support", clause, out, k,
                            nread, max);
    }
    /* "I barrack for Hawthorn", "rooting for the Bruins", "go Leafs go": the team after a
     * verb of cheering and "for", or between the two "go"s of a chant */
    static const char *const cheering[] = {"barrack", "barracks", "root", "roots", "rooting",
                                           "cheer", "cheers", "cheering", NULL};
    for (int w = 0; w + 2 < n; w++) {
        int s = -1;
        if (understand_in_list(cheering, words[w]) && !strcmp(words[w + 1], "for")) s = w + 2;
        else if (w == 0 && !strcmp(words[0], "go") && n >= 3 && !strcmp(words[2], "go")) s = 1;
        if (s < 0) continue;
        if (s < n && !strcmp(words[s], "the")) s++;
        int e = s;
        while (e < n && e - s < 3 && caps[e] && !understand_is_cjk(words[e])) e++;
        if (e == s && s < n && isalpha((unsigned char)words[s][0]) && !lex_is_stopword(words[s]) &&
            !understand_in_list(understand_empty_words, words[s]))
            e = s + 1;          /* one word typed small */
        if (e > s)
            return add_told(c, cn, words, s, e, READER_REL_OPEN, "support", clause, out, k,
                            nread, max);
    }
    return k;
}

int forms_plays(const char *c, size_t cn, const char *const *words, const unsigned char *tags,
                int n, const understood_t *clause, understood_t *out, int k, int *nread,
                int max)
{
    static const char *const speakers[] = {"i", "i've", "ive", "we", "we've", NULL};
    static const char *const between[] = {"have", "been", "also", "still", "now", "just", "really",
                                          "recently", "always", "mostly", NULL};
    static const char *const playing[] = {"play", "played", "playing", "took", "taken",
                                          "picked", NULL};
    static const char *const stops[] = {"for", "every", "since", "on", "at", "with", "and",
                                        "in", "as", "most", "each", "twice", "once", "a",
                                        "when", "but", "instead", "now", "again", "too",
                                        "anymore", "nowadays", "lately", "last", "this",
                                        "next", "yesterday", "recently", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    for (int w = 0; w + 1 < n; w++) {
        if (!understand_in_list(speakers, words[w])) continue;
        int v = w + 1;
        while (v < n && understand_in_list(between, words[v])) v++;
        if (v >= n || !understand_in_list(playing, words[v])) continue;
        int s = v + 1;          /* "took up X", "picked up X"; "play the cello" */
        if (strncmp(words[v], "play", 4) != 0) {
            if (s >= n || strcmp(words[s], "up") != 0) continue;
            s++;
        }
        if (s < n && !strcmp(words[s], "the")) s++;
        int e = s;
        while (e < n && e - s < 2 && isalpha((unsigned char)words[e][0]) &&
               !understand_is_cjk(words[e]) && !understand_in_list(stops, words[e]) &&
               !understand_in_list(understand_empty_words, words[e]) &&
               (tags[e] == READER_O || tags[e] == READER_B_VALUE || tags[e] == READER_I_VALUE) &&
               (e == s || !lex_is_stopword(words[e])))
            e++;
        if (e == s || lex_is_stopword(words[s])) return k;
        k = drop_words_read(c, cn, words, v, s, out, k, nread);   /* "[playing] the harp" */
        /* "... and dropped my old sport": what was given up is no value of its own */
        for (int o = e; o + 1 < n; o++)
            if (!strcmp(words[o], "old"))
                k = drop_words_read(c, cn, words, o, o + 2, out, k, nread);
        return add_told(c, cn, words, s, e, READER_REL_HOBBY, NULL, clause, out, k, nread, max);
    }
    return k;
}

int forms_favourite_is(const char *c, size_t cn, const char *const *words, int n,
                       const understood_t *clause, understood_t *out, int k, int *nread,
                       int max)
{
    static const char *const openers[] = {"also", "and", "oh", "plus", "btw", "ok", "so",
                                          "my", NULL};
    static const char *const favourite[] = {"favourite", "favorite", "fave", "fav", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    int w = 0;
    while (w < n && (understand_in_list(openers, words[w]) || !isalnum((unsigned char)words[w][0])))
        w++;
    if (w >= n || !understand_in_list(favourite, words[w])) return k;
    static const char *const is[] = {"is", "'s", NULL};
    static const char *const ever[] = {"of", "all", "time", "ever", NULL};
    /* ":" or "=" (which may not be a word of its own) ends the thing, and what follows
     * the value may go on */
    const char *colon = memchr(c, ':', cn), *equals = memchr(c, '=', cn);
    const char *sep = colon && (!equals || colon < equals) ? colon : equals;
    int r = ++w;                /* the thing: one or two words up to "is" or the sign */
    size_t at = 0;              /* where the text was searched up to */
    while (w < n && w - r < 2 && !understand_in_list(is, words[w]) &&
           !understand_in_list(ever, words[w])) {
        long p = understand_text_at(c + at, cn - at, words[w]);
        if (sep && p >= 0 && c + at + p > sep) break;       /* past the sign */
        if (p >= 0) at += (size_t)p + strlen(words[w]);
        w++;
    }
    int thing = w;              /* "of all time", "ever" after it */
    while (w < n && understand_in_list(ever, words[w])) w++;
    int strong = sep != NULL;
    if (thing == r || w >= n || (!understand_in_list(is, words[w]) && !strong)) return k;
    if (!understand_in_list(is, words[w])) w--;       /* the value is right after */
    /* the value: up to three words ("The" of a title besides), then only fillers ("now",
     * "too") */
    int s = w + 1, title = s < n && !strcasecmp(words[s], "the"), b = s + title, e = b;
    while (e < n && e - b < 3 &&
           (isalnum((unsigned char)words[e][0]) || (unsigned char)words[e][0] >= 0x80) &&
           !understand_in_list(understand_empty_words, words[e]) &&
           !lex_is_stopword(words[e]))
        e++;
    int rest = e;
    while (rest < n && (understand_in_list(understand_empty_words, words[rest]) ||
                        !isalnum((unsigned char)words[rest][0])))
        rest++;
    /* an aside after a comma may follow ("is paddington 2, the bear one") */
    char told[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, b, e, told, sizeof told);
    long tp = e > b ? understand_text_at(c, cn, told) : -1;
    int aside = tp >= 0 && (size_t)tp + strlen(told) < cn && c[tp + (long)strlen(told)] == ',';
    if (e == b || (rest < n && !strong && !aside)) return k;
    char relation[UNDERSTAND_KEY];
    snprintf(relation, sizeof relation, "%s", UNDERSTAND_FAVOURITE);
    for (int t = r; t < thing; t++) {
        size_t l = strlen(relation);
        snprintf(relation + l, sizeof relation - l, " %s", words[t]);
    }
    return add_told(c, cn, words, s, e, READER_REL_OPEN, relation, clause, out, k, nread, max);
}

int forms_by_trade(const char *c, size_t cn, const char *const *words, const unsigned char *tags,
                   int n, const understood_t *clause, understood_t *out, int k, int *nread,
                   int max)
{
    static const char *const trade[] = {"profession", "trade", "occupation", NULL};
    static const char *const stops[] = {"by", "for", "at", "in", "and", "now", NULL};
    int said = 0;
    for (int w = 0; w < n && !said; w++) said = understand_in_list(trade, words[w]);
    if (!said || memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    for (int w = 0; w + 2 < n; w++) {
        int at = -1;            /* "I am a [surgeon]", "I'm an [actor]" */
        if (!strcmp(words[w], "i") && !strcmp(words[w + 1], "am")) at = w + 2;
        else if (!strcmp(words[w], "i'm") || !strcmp(words[w], "im")) at = w + 1;
        if (at < 0 || at >= n || (strcmp(words[at], "a") != 0 && strcmp(words[at], "an") != 0))
            continue;
        int s = at + 1, e = s;
        while (e < n && e - s < 2 && isalpha((unsigned char)words[e][0]) &&
               !understand_in_list(stops, words[e]) && !lex_is_stopword(words[e]) &&
               (tags[e] == READER_O || tags[e] == READER_B_VALUE || tags[e] == READER_I_VALUE))
            e++;
        if (e == s) return k;
        return add_told(c, cn, words, s, e, READER_REL_JOB, NULL, clause, out, k, nread, max);
    }
    return k;
}

int forms_prefers(const char *c, size_t cn, const char *const *words, const unsigned char *tags,
                  int n, const understood_t *clause, understood_t *out, int k, int *nread,
                  int max)
{
    /* the words before the thing liked, and the words it may end before */
    static const struct {
        const char *before[5];
    } forms[] = {{{"nothing", "beats", NULL}}, {{"prefer", NULL}}, {{"could", "eat", NULL}},
                 {{"get", "enough", "of", NULL}}, {{"love", "eating", NULL}},
                 {{"like", "eating", NULL}}, {{"enjoy", "eating", NULL}}};
    static const char *const stops[] = {"for", "to", "over", "every", "by", "as", "than",
                                        "and", "these", "at", "just", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
        for (int w = 0; w < n; w++) {
            int l = 0;
            while (forms[f].before[l] && w + l < n && !strcmp(words[w + l], forms[f].before[l]))
                l++;
            if (forms[f].before[l]) continue;
            int s = w + l, e = s;
            if (s < n && !strcmp(words[s], "the")) s = e = s + 1;
            while (e < n && e - s < 2 && isalpha((unsigned char)words[e][0]) &&
                   !understand_is_cjk(words[e]) && !understand_in_list(stops, words[e]) &&
                   !understand_in_list(understand_empty_words, words[e]) &&
                   !lex_is_stopword(words[e]) && tags[e] != READER_B_HOLDER)
                e++;
            if (e == s) return k;
            k = drop_words_read(c, cn, words, w, s, out, k, nread);    /* "I [prefer] ..."
                                                                        * read as a job */
            return add_told(c, cn, words, s, e, READER_REL_LIKES, NULL, clause, out, k, nread,
                            max);
        }
    return k;
}

int forms_degree_in(const char *c, size_t cn, const char *const *words, int n,
                    const understood_t *clause, understood_t *out, int k, int *nread, int max)
{
    static const char *const courses[] = {"phd", "ph.d", "doctorate", "masters", "master's",
                                          "degree", "bsc", "msc", "ba", "ma", "mba",
                                          "diploma", "apprenticeship", "course", NULL};
    static const char *const ends[] = {"at", "in", "since", "for", "from", "and", "but",
                                       "so", "which", "while", "because", NULL};
    for (int w = 0; w + 2 < n; w++) {
        if (!understand_in_list(courses, words[w]) || strcmp(words[w + 1], "in") != 0)
            continue;
        static const char *const me[] = {"i", "i'm", "im", "i've", "ive", "my", NULL};
        int mine = 0;       /* (the user's: "my girlfriend is doing a masters ..." is hers) */
        for (int b = 0; b < w; b++) {
            char key[UNDERSTAND_KEY];
            understand_holder_of(words[b], key, sizeof key);
            if (understand_kin(key)) return k;
            mine |= understand_in_list(me, words[b]);
        }
        int s = w + 2, e = s;
        while (e < n && e - s < 3 && isalpha((unsigned char)words[e][0]) &&
               !understand_in_list(ends, words[e]))
            e++;
        char first[UNDERSTAND_VALUE];   /* (one word with a capital is a place: "in Oslo") */
        understand_as_written(c, cn, words, s, s + 1, first, sizeof first);
        if (!mine || e == s || lex_is_stopword(words[s]) ||
            (e == s + 1 && isupper((unsigned char)first[0])))
            return k;
        for (int i = 0; i < k; i++)      /* (told so already) */
            if (!strcmp(out[i].relation, "study")) return k;
        return add_told(c, cn, words, s, e, READER_REL_OPEN, "study", clause, out, k, nread,
                        max);
    }
    return k;
}

int forms_learning(const char *c, size_t cn, const char *const *words, int n, int act,
                   const understood_t *clause, understood_t *out, int k, int *nread, int max)
{
    static const char *const learning[] = {"learn", "learning", "learnin", NULL};
    static const char *const studying[] = {"study", "studying", NULL};  /* asked: "what
                                                * language do I study?" */
    static const char *const tongues[] = {"language", "languages", NULL};
    int at = 0, lang = -1, asked = 0, asks = act == READER_QUESTION || act == READER_YESNO;
    while (at < n && !understand_in_list(learning, words[at]) &&
           !(asks && understand_in_list(studying, words[at])))
        at++;
    /* "my gran teaches me Welsh": what one is taught is learnt */
    static const char *const teaching[] = {"teach", "teaching", "teaches", NULL};
    for (int w = 0; at >= n && act == READER_FACT && w + 1 < n; w++)
        if (understand_in_list(teaching, words[w]) && !strcmp(words[w + 1], "me")) at = w + 1;
    for (int w = at + 1; w < n && w <= at + 3 && lang < 0; w++)
        if (forms_language(words[w])) lang = w;
    for (int w = 0; w < at && !asked; w++) asked = understand_in_list(tongues, words[w]);
    if (at >= n) return k;
    if (act == READER_QUESTION || act == READER_YESNO) {
        if (!asked && lang < 0) return k;
        for (int i = 0; i < k; i++) {
            out[i].rel = READER_REL_OPEN;
            snprintf(out[i].relation, sizeof out[i].relation, "%s", FORMS_LEARNING);
            if (act == READER_QUESTION) out[i].value[0] = '\0';
            else if (lang >= 0)
                understand_as_written(c, cn, words, lang, lang + 1, out[i].value,
                                      sizeof out[i].value);
        }
        return k;
    }
    if (lang < 0 || act != READER_FACT) return k;
    k = add_told(c, cn, words, lang, lang + 1, READER_REL_OPEN, FORMS_LEARNING, clause, out, k,
                 nread, max);
    for (int i = 0; i < k; i++) {  /* (nor is the language a country one is from:
                                     * "Latvian"; a name told in passing stays) */
        if (out[i].rel != READER_REL_HOMETOWN || strlen(out[i].value) < 4 ||
            strncasecmp(out[i].value, words[lang], strlen(out[i].value)) != 0)
            continue;
        out[i].rel = out[i].name[0] ? READER_REL_NAME : READER_REL_OPEN;
        snprintf(out[i].relation, sizeof out[i].relation, "%s",
                 out[i].name[0] ? reader_rel_name(READER_REL_NAME) : "");
        snprintf(out[i].value, sizeof out[i].value, "%s", out[i].name);
        out[i].name[0] = '\0';
    }
    return k;
}

/* The end of a time phrase that starts at words[s] ("in March", "next week", "at
 * Christmas", "this summer", "tomorrow"), or s when none does. */
static int time_phrase(const char *const *words, int n, int s)
{
    static const char *const alone[] = {"tomorrow", "tonight", "soon", "today", NULL};
    static const char *const leads[] = {"in", "next", "this", "at", "on", "over", "for", NULL};
    static const char *const times[] = {"week", "weekend", "month", "year", "summer",
                                        "winter", "spring", "autumn", "fall", "christmas",
                                        "easter", "holidays", "holiday", "half", "monday", "tuesday",
                                        "wednesday", "thursday", "friday", "saturday", "sunday",
                                        NULL};
    if (s >= n) return s;
    if (understand_in_list(alone, words[s])) return s + 1;
    if (!understand_in_list(leads, words[s]) || s + 1 >= n) return s;
    int t = s + 1 + (!strcmp(words[s + 1], "the") && s + 2 < n);
    if (understand_month(words[t]) || understand_in_list(times, words[t])) return t + 1;
    return s;
}

int forms_trips_and_visits(const char *c, size_t cn, const char *const *words,
                           const unsigned char *caps, int n, int act,
                           const understood_t *clause, understood_t *out, int k, int max)
{
    static const char *const going[] = {"going", "off", "heading", "travelling", "traveling",
                                        "flying", "driving", NULL};
    static const char *const we[] = {"we're", "were", "we", "i'm", "im", "i", "am", "are",
                                     NULL};
    static const char *const visiting[] = {"visiting", "visit", "coming", "stay", "staying",
                                           "over", NULL};
    /* (a question read as chat: "where are we flying?", "when is my mum coming?") */
    int chat_asks = act == READER_SMALLTALK && n > 0 && understand_question_word(words[0]) == 2;
    int asks = act == READER_QUESTION || act == READER_YESNO || chat_asks;
    /* a trip: "we're off to Crete at Easter", "where are we flying this summer?", or told
     * with the going first ("heading to Oslo at Easter") */
    static const char *const fillers[] = {"so", "and", "also", "btw", "oh", "well", NULL};
    int f0 = 0;
    while (f0 < n && understand_in_list(fillers, words[f0])) f0++;
    for (int g = 0; g < n; g++) {
        if (!understand_in_list(going, words[g]) ||
            !((g > 0 && understand_in_list(we, words[g - 1])) || (g == f0 && !asks)))
            continue;
        int to = g + 1;
        if (asks) {
            if (strcmp(words[0], "where") != 0) break;
            for (int i = 0; i < k; i++) {
                snprintf(out[i].holder, sizeof out[i].holder, "self");
                out[i].personal = 1;
                if (chat_asks) out[i].act = READER_QUESTION;
                out[i].rel = READER_REL_OPEN;
                snprintf(out[i].relation, sizeof out[i].relation, "%s", UNDERSTAND_TRIP);
                out[i].value[0] = '\0';
            }
            return k;
        }
        if (to >= n || strcmp(words[to], "to") != 0 || to + 1 >= n) break;
        int s = to + 1, e = s;
        while (e < n && e - s < 3 && !lex_is_stopword(words[e]) && time_phrase(words, n, e) == e &&
               strcmp(words[e], "for") != 0)
            e++;
        int when = 0;           /* a holiday said with it, or a place with a capital */
        for (int w = e; w < n && !when; w++) when = time_phrase(words, n, w) > w;
        if (e == s || !(caps[s] || when) || (act != READER_FACT && act != READER_SMALLTALK))
            break;
        char value[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, e, value, sizeof value);
        int kept = 0;           /* the reader's readings of the place or of nothing go */
        for (int i = 0; i < k; i++)
            if (out[i].value[0] && understand_text_at(value, strlen(value), out[i].value) < 0 &&
                out[i].rel != READER_REL_EMPLOYER && out[i].rel != READER_REL_SCHOOL)
                out[kept++] = out[i];
        k = kept;
        if (k >= max) return k;
        forms_told_unit(clause, READER_REL_OPEN, "self", UNDERSTAND_TRIP, value, &out[k]);
        return k + 1;
    }
    /* a visit: "my gran is visiting in March", "when is my brother visiting?" */
    const char *holder = NULL;
    for (int i = 0; i < k && !holder; i++)
        if (understand_kin(out[i].holder)) holder = out[i].holder;
    if (!holder) return k;
    for (int v = 1; v < n; v++) {
        if (!understand_in_list(visiting, words[v])) continue;
        if (asks) {
            if (strcmp(words[0], "when") != 0) return k;
            for (int i = 0; i < k; i++) {
                if (chat_asks) out[i].act = READER_QUESTION;
                out[i].personal = 1;
                out[i].rel = READER_REL_OPEN;
                snprintf(out[i].relation, sizeof out[i].relation, "%s", UNDERSTAND_VISIT);
                out[i].value[0] = '\0';
            }
            return k;
        }
        int s = -1, e = -1;
        for (int w = v + 1; w < n && s < 0; w++)
            if (time_phrase(words, n, w) > w) s = w, e = time_phrase(words, n, w);
        if (s < 0 || (act != READER_FACT && act != READER_SMALLTALK)) return k;
        char who[UNDERSTAND_KEY], value[UNDERSTAND_VALUE];
        snprintf(who, sizeof who, "%s", holder);
        understand_as_written(c, cn, words, s, e, value, sizeof value);
        int kept = 0;           /* a date read as a birthday, or nothing read, goes */
        for (int i = 0; i < k; i++)
            if (out[i].value[0] && out[i].rel != READER_REL_BIRTHDAY)
                out[kept++] = out[i];
        k = kept;
        if (k >= max) return k;
        forms_told_unit(clause, READER_REL_OPEN, who, UNDERSTAND_VISIT, value, &out[k]);
        return k + 1;
    }
    return k;
}

int forms_doing_for(const char *c, size_t cn, const char *const *words, int n, int act,
                    const understood_t *clause, understood_t *out, int k, int *nread, int max)
{
    static const char *const be[] = {"i'm", "im", "am", "we're", "were", "are", NULL};
    static const char *const articles[] = {"a", "an", "the", "my", "our", "some", NULL};
    /* words that end the value: when, where, why ("for a marathon [in] October") */
    static const char *const after[] = {"in", "on", "at", "next", "this", "by", "before",
                                        "so", "and", "but", "because", "which", "that",
                                        "with", "lol", "haha", "soon", "later", NULL};
    /* verbs of working towards something ("heading for bed" tells nothing lasting) */
    static const char *const aiming[] = {"training", "saving", "studying", "preparing",
                                         "revising", "practising", "practicing", "applying",
                                         "looking", "fundraising", "competing", "auditioning",
                                         "interviewing", "running", "cramming", NULL};
    int v = -1;                 /* the verb after "I'm" or "am I" */
    for (int w = 1; w + 1 < n && v < 0; w++) {
        int subject = understand_in_list(be, words[w - 1]) ||
                      (w >= 2 && (!strcmp(words[w - 1], "i") || !strcmp(words[w - 1], "we")) &&
                       understand_in_list(be, words[w - 2]));
        if (subject && understand_in_list(aiming, words[w]) &&
            (!strcmp(words[w + 1], "for") ||
             (w + 2 < n && !strcmp(words[w + 1], "up") && !strcmp(words[w + 2], "for"))))
            v = w;
    }
    if (v < 0) return k;
    char relation[UNDERSTAND_KEY];
    snprintf(relation, sizeof relation, "%s for", words[v]);
    int s = v + (strcmp(words[v + 1], "up") ? 2 : 3);
    if (act == READER_SMALLTALK && s == n && understand_question_word(words[0]) == 2) {
        for (int i = 0; i < k; i++) {   /* "what are we saving for?" read as chat */
            out[i].act = READER_QUESTION;
            out[i].personal = 1;
            snprintf(out[i].holder, sizeof out[i].holder, "self");
        }
        act = READER_QUESTION;
    }
    if (act == READER_QUESTION || act == READER_YESNO) {
        if (s < n) return k;    /* "am I saving for a house?" asks no open "for what" */
        for (int i = 0; i < k; i++)
            if (!strcmp(out[i].holder, "self")) {
                out[i].rel = READER_REL_OPEN;
                snprintf(out[i].relation, sizeof out[i].relation, "%s", relation);
                out[i].value[0] = '\0';
            }
        return k;
    }
    if (act != READER_FACT && act != READER_SMALLTALK) return k;
    while (s < n && understand_in_list(articles, words[s])) s++;
    int e = s;
    while (e < n && e - s < 3 && !understand_in_list(after, words[e])) e++;
    if (e == s) return k;
    return add_told(c, cn, words, s, e, READER_REL_OPEN, relation, clause, out, k, nread, max);
}

/* The word after which a dislike's value begins (its index), or -1: "I hate", "I can't
 * stand", "I don't like", "I'm not a fan of", after a first-person word, or after a
 * name or a word for someone ("Ilse can't stand", "my brother doesn't like"). */
static int dislike_at(const char *const *words, int n)
{
    static const char *const hating[] = {"hate", "hates", "dislike", "detest", "loathe",
                                         "despise", NULL};
    static const char *const cannot[] = {"can't", "cant", "cannot", NULL};
    static const char *const dont[] = {"don't", "dont", "doesn't", "doesnt", NULL};
    static const char *const me[] = {"i", "we", "i'm", "im", "really", "honestly",
                                     "absolutely", "just", "totally", "what", "who", "which",
                                     NULL};
    for (int w = 1; w < n; w++) {
        if (!understand_in_list(me, words[w - 1]) &&
            (lex_is_stopword(words[w - 1]) || !isalpha((unsigned char)words[w - 1][0])))
            continue;
        if (understand_in_list(hating, words[w])) return w;
        int i = w + 1 < n && !strcmp(words[w + 1], "i");   /* "what can't I stand?" */
        if (w + 1 + i >= n) continue;
        if (understand_in_list(cannot, words[w]) && !strcmp(words[w + 1 + i], "stand"))
            return w + 1 + i;
        if (understand_in_list(dont, words[w]) && !strcmp(words[w + 1 + i], "like"))
            return w + 1 + i;
        if (!strcmp(words[w], "not") && w + 3 < n && !strcmp(words[w + 1], "a") &&
            !strcmp(words[w + 2], "fan") && !strcmp(words[w + 3], "of"))
            return w + 3;
    }
    return -1;
}

int forms_dislikes(const char *c, size_t cn, const char *const *words, int n, int act,
                   const understood_t *clause, understood_t *out, int k, int *nread, int max)
{
    static const char *const articles[] = {"a", "an", "the", "any", "all", "my", NULL};
    static const char *const after[] = {"so", "and", "but", "because", "lol", "haha", "at",
                                        "in", "on", "though", "tbh", "honestly", "anymore",
                                        "either", "too", "much", "very", NULL};
    int at = dislike_at(words, n);
    if (at < 0) return k;
    if (act == READER_QUESTION || act == READER_YESNO) {
        for (int i = 0; i < k; i++)    /* "which foods do I hate?", "do I hate olives?",
                                        * "what does Ilse dislike?" */
            if (out[i].holder[0]) {
                out[i].rel = READER_REL_OPEN;
                snprintf(out[i].relation, sizeof out[i].relation, "%s", UNDERSTAND_DISLIKES);
                if (act == READER_QUESTION) out[i].value[0] = '\0';
            }
        return k;
    }
    if (act != READER_FACT && act != READER_SMALLTALK) return k;
    int s = at + 1;
    while (s < n && understand_in_list(articles, words[s])) s++;
    int e = s;
    while (e < n && e - s < 3 && !understand_in_list(after, words[e])) e++;
    /* what everyone grumbles about is small talk ("I hate Tuesdays", "can't stand the rain") */
    static const char *const grumbles[] = {"monday", "mondays", "tuesday", "tuesdays",
                                           "wednesday", "wednesdays", "thursday", "thursdays",
                                           "friday", "fridays", "sunday", "sundays",
                                           "weekends", "mornings", "morning", "traffic",
                                           "rain", "weather", "winter", "heat", "cold", "snow",
                                           "wind", "queues", "waiting", "commute", "commuting",
                                           "this", "that", "it", "when", "people", "everything",
                                           "being", "getting", "having", NULL};
    if (e == s || understand_pronoun(words[s]) || lex_is_stopword(words[s]) ||
        understand_in_list(grumbles, words[s]))
        return k;
    /* whose: the word before the words of disliking, when it is someone's name or kin
     * ("Ilse can't stand olives"), else the user's */
    static const char *const disliking[] = {"can't", "cant", "cannot", "can", "not", "stand",
                                            "don't", "dont", "do", "doesn't", "doesnt",
                                            "does", "really", "just", "like", "hate", "hates",
                                            "absolutely", "totally", "honestly", NULL};
    int b = at;
    while (b > 0 && understand_in_list(disliking, words[b])) b--;
    char whose[UNDERSTAND_KEY] = "";
    if (b < at && !understand_in_list(disliking, words[b]) && !lex_is_stopword(words[b]) &&
        !understand_pronoun(words[b]) && isalpha((unsigned char)words[b][0]))
        understand_holder_of(words[b], whose, sizeof whose);
    char kin[UNDERSTAND_KEY] = "";      /* ("my lodger, Ines, can't stand": the lodger) */
    if (whose[0] && b > 0) understand_holder_of(words[b - 1], kin, sizeof kin);
    if (kin[0] && (understand_kin(kin) || kinds_person(kin) || dialogue_pet_word(kin)) &&
        !understand_kin(whose) && !kinds_person(whose) && !dialogue_pet_word(whose))
        snprintf(whose, sizeof whose, "%s", kin);
    k = add_told(c, cn, words, s, e, READER_REL_OPEN, UNDERSTAND_DISLIKES, clause, out, k,
                 nread, max);
    if (whose[0] && k > 0 && !strcmp(out[k - 1].relation, UNDERSTAND_DISLIKES))
        snprintf(out[k - 1].holder, sizeof out[k - 1].holder, "%s", whose);
    return k;
}

int forms_first_language(const char *c, size_t cn, const char *const *words, int n,
                         const understood_t *clause, understood_t *out, int k, int *nread,
                         int max)
{
    static const char *const firsts[] = {"first", "native", "mother", "home", NULL};
    static const char *const tongues[] = {"language", "tongue", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    int at = 0;
    while (at + 1 < n && !(understand_in_list(firsts, words[at]) &&
                           understand_in_list(tongues, words[at + 1])))
        at++;
    if (at + 1 >= n) return k;
    int best = -1;
    for (int w = 0; w < n; w++) {
        char stem[UNDERSTAND_KEY];
        size_t pl = vocab_possessive(words[w]);
        snprintf(stem, sizeof stem, "%.*s", (int)(pl ? pl : strlen(words[w])), words[w]);
        if (forms_language(stem) && (best < 0 || abs(w - at) < abs(best - at))) best = w;
    }
    return best < 0 ? k
                    : add_told(c, cn, words, best, best + 1, READER_REL_LANGUAGE, NULL, clause,
                               out, k, nread, max);
}

/* Words said around a fact that tell nothing ("so", "by the way", "for what it's worth",
 * "as you may know", "these days"), before or after the forms below. */
static const char *const clause_fillers[] = {
    "so", "and", "oh", "well", "btw", "ok", "okay", "also", "by", "the", "way", "just",
    "you", "know", "for", "what", "it's", "its", "worth", "as", "may", "record", "now",
    "these", "days", "actually", NULL};

int forms_unmarked_name(const char *const *words, const unsigned char *tags,
                        const unsigned char *caps, int n, int *at)
{
    int w = 0;
    while (w < n && understand_in_list(clause_fillers, words[w])) w++;
    if (w + 2 >= n || tags[w] != READER_O || !caps[w] || understand_is_cjk(words[w]) ||
        understand_in_list(understand_personal_words, words[w]) ||
        understand_in_list(understand_empty_words, words[w]) ||
        strcmp(words[w + 1], "is") != 0 ||
        (tags[w + 2] != READER_B_HOLDER && strcmp(words[w + 2], "my") != 0))
        return 0;
    *at = w;
    return 1;
}

int forms_name_is_my(const char *const *words, unsigned char *tags, unsigned char *vrels,
                     const unsigned char *caps, int n)
{
    static const char *const favourite[] = {"favourite", "favorite", "fave", "fav", NULL};
    int w = 0;
    while (w < n && understand_in_list(clause_fillers, words[w])) w++;
    if (w + 3 >= n || understand_is_cjk(words[w]) ||
        (tags[w] != READER_O && tags[w] != READER_B_HOLDER && tags[w] != READER_B_VALUE) ||
        understand_in_list(understand_personal_words, words[w]) ||
        understand_in_list(understand_empty_words, words[w]) || understand_pronoun(words[w]) ||
        understand_kin(words[w]) || dialogue_pet_word(words[w]) || lex_is_stopword(words[w]) ||
        strcmp(words[w + 1], "is") != 0 ||
        (strcmp(words[w + 2], "my") != 0 && strcmp(words[w + 2], "our") != 0))
        return 0;
    int e = w + 3;              /* the noun: one or two words the reader left no relation */
    while (e < n && e - (w + 3) < 2 && isalpha((unsigned char)words[e][0]) &&
           tags[e] != READER_B_REL && tags[e] != READER_I_REL &&
           !understand_in_list(favourite, words[e]) && !lex_is_stopword(words[e]) &&
           !understand_in_list(clause_fillers, words[e]))
        e++;
    if (e == w + 3) return 0;
    char key[UNDERSTAND_KEY];
    understand_holder(words + w + 3, e - (w + 3), key, sizeof key);
    if (!caps[w] && !understand_kin(key) && !dialogue_pet_word(key))
        return 0;               /* a name typed small only before a kin or pet word
                                 * ("bandit is my cat") */
    /* someone or some animal of the speaker's, not a thing or a place ("Cricket is my
     * sport", "Lyon is my home" are told otherwise) */
    if (!understand_kin(key) && !dialogue_pet_word(key) && !kinds_animal_near(key) &&
        tags[w + 2] != READER_B_HOLDER && tags[w + 3] != READER_B_HOLDER &&
        !(tags[w + 3] == READER_B_VALUE &&
          (vrels[w + 3] == READER_REL_KIND || vrels[w + 3] == READER_REL_JOB)))
        return 0;
    for (int k = w + 1; k < n; k++)
        if (tags[k] != READER_O && (k < w + 2 || k >= e))
            return 0;           /* nothing else told in the clause */
    tags[w] = READER_B_VALUE;
    vrels[w] = READER_REL_NAME;
    tags[w + 2] = READER_B_HOLDER;
    for (int k = w + 3; k < e; k++) {
        tags[k] = READER_I_HOLDER;
        vrels[k] = 0;
    }
    return 1;
}

int forms_value_is_my(const char *const *words, unsigned char *tags, unsigned char *vrels,
                      const unsigned char *caps, int n, int rel)
{
    int s = 0;
    while (s < n && understand_in_list(clause_fillers, words[s])) s++;
    int e = s;                  /* the value: up to two words before "is my" */
    while (e < n && e - s < 2 && strcmp(words[e], "is") != 0 && isalnum((unsigned char)words[e][0]) &&
           !understand_is_cjk(words[e]) && (tags[e] == READER_O || tags[e] == READER_B_VALUE ||
                                            tags[e] == READER_I_VALUE))
        e++;
    if (e == s || e + 2 >= n || strcmp(words[e], "is") != 0 ||
        (strcmp(words[e + 1], "my") != 0 && strcmp(words[e + 1], "our") != 0) ||
        tags[e + 2] != READER_B_REL)
        return 0;
    if (tags[s] == READER_O && !caps[s]) return 0;  /* a value the reader did not read is
                                                     * written as a name ("Cricket") */
    for (int w = s; w < e; w++)
        if (understand_in_list(understand_personal_words, words[w]) || understand_pronoun(words[w]) ||
            understand_in_list(understand_empty_words, words[w]) || lex_is_stopword(words[w]))
            return 0;
    int r = e + 3;
    while (r < n && tags[r] == READER_I_REL) r++;
    for (; r < n; r++)
        if (tags[r] != READER_O || !understand_in_list(clause_fillers, words[r]))
            return 0;           /* nothing else told ("Lyon is my home") */
    for (int w = s; w < e; w++) {
        tags[w] = w == s ? READER_B_VALUE : READER_I_VALUE;
        vrels[w] = (unsigned char)rel;
    }
    return 1;
}

int forms_my_is_name(const char *const *words, unsigned char *tags, unsigned char *vrels,
                     const unsigned char *caps, int n)
{
    int w = 0;
    while (w < n && understand_in_list(clause_fillers, words[w])) w++;
    if (w + 2 >= n || (strcmp(words[w], "my") != 0 && strcmp(words[w], "our") != 0) ||
        tags[w] != READER_B_HOLDER)
        return 0;
    int h = w + 1;
    while (h < n && tags[h] == READER_I_HOLDER) h++;
    if (h == w + 1 || h >= n) return 0;
    int is = !strcmp(words[h], "is") && tags[h] == READER_O;
    if (!is) {                  /* "my partner Greta" said alone: a kin or pet word */
        char key[UNDERSTAND_KEY];
        understand_holder(words + w, h - w, key, sizeof key);
        if (!understand_kin(key) && !dialogue_pet_word(key)) return 0;
    }
    int s = h + is, e = s;      /* a name of one or two words the reader left unread */
    while (e < n && e - s < 2 && tags[e] == READER_O && caps[e] && !understand_is_cjk(words[e]) &&
           isalpha((unsigned char)words[e][0]) && !understand_in_list(clause_fillers, words[e]) &&
           !understand_in_list(understand_empty_words, words[e]) && !lex_is_stopword(words[e]))
        e++;
    if (e == s) return 0;
    for (int r = e; r < n; r++)
        if (tags[r] != READER_O || !understand_in_list(clause_fillers, words[r]))
            return 0;
    for (int k = s; k < e; k++) {
        tags[k] = k == s ? READER_B_VALUE : READER_I_VALUE;
        vrels[k] = READER_REL_NAME;
    }
    return 1;
}

void forms_my_thing_called(const char *const *words, const unsigned char *caps,
                           unsigned char *tags, unsigned char *vrels, int n)
{
    for (int ci = 2; ci < n; ci++) {
        if (strcmp(words[ci], "called") != 0 && strcmp(words[ci], "named") != 0) continue;
        int h = ci;             /* the holder's last word: before "is", or "band's" */
        if (!strcmp(words[ci - 1], "is") || !strcmp(words[ci - 1], "was")) h = ci - 1;
        else if (!vocab_possessive(words[ci - 1]) &&
                 !understand_in_list(understand_group_words, words[ci - 1]))
            continue;
        int m = h - 1;          /* "my" one or two words before it */
        while (m >= 0 && h - m <= 3 && strcmp(words[m], "my") != 0 && strcmp(words[m], "our") != 0)
            m--;
        int group = 0;          /* "in a (punk) band called" */
        if ((m < 0 || h - m > 3) && h >= 3 &&
            understand_in_list(understand_group_words, words[h - 1]) &&
            (!strcmp(words[h - 2], "a") || !strcmp(words[h - 3], "a"))) {
            m = !strcmp(words[h - 2], "a") ? h - 2 : h - 3;
            static const char *const in[] = {"in", "with", "for", "of", NULL};
            if (m < 1 || !understand_in_list(in, words[m - 1])) continue;
            group = 1;
        }
        if (m < 0 || h - m > 3 || m + 1 >= h) continue;
        static const char *const naming[] = {"name", "names", "nickname", "surname",
                                             "username", "favourite", "favorite", "fave",
                                             "fav", NULL};
        int unread = 1;         /* words the reader gave no part or took for a relation */
        for (int k = m; k < h && unread; k++)
            unread = (tags[k] == READER_O || tags[k] == READER_B_REL || tags[k] == READER_I_REL ||
                      (k == m && tags[k] == READER_B_HOLDER)) &&
                     !understand_in_list(naming, words[k]);
        if (!unread) continue;
        for (int k = m; k < h; k++) tags[k] = k == m ? READER_B_HOLDER : READER_I_HOLDER;
        int e = ci + 1;         /* the group's name: up to four words, capitalised ("of",
                                 * "the" inside), which the reader left or read as a value */
        while (group && e < n && e - ci <= 4 &&
               (tags[e] == READER_O || tags[e] == READER_B_VALUE || tags[e] == READER_I_VALUE) &&
               (caps[e] || ((!strcmp(words[e], "of") || !strcmp(words[e], "the")) &&
                            e + 1 < n && caps[e + 1])))
            e++;
        for (int k = ci + 1; k < e; k++) {
            tags[k] = k == ci + 1 ? READER_B_VALUE : READER_I_VALUE;
            vrels[k] = READER_REL_NAME;
        }
        return;
    }
}

int forms_unmarked_value(const char *c, size_t cn, const char *const *words,
                         const unsigned char *tags, int n, int *s, int *e)
{
    static const char *const linking[] = {"is", "are", "was", "'s", "s", "a", "an", "the",
                                          "my", "our", "called", "named", "as", NULL};
    int r = -1;
    for (int w = 0; w < n; w++)
        if (tags[w] == READER_B_REL || tags[w] == READER_I_REL) r = w;
    for (int w = 0; r < 0 && w < n; w++)    /* "a fiancee named [Greta]" */
        if (!strcmp(words[w], "named") || !strcmp(words[w], "called")) r = w;
    if (r < 0) return 0;
    int w = r + 1;
    while (w < n && tags[w] == READER_O && understand_in_list(linking, words[w])) w++;
    *s = w;
    while (w < n && w - *s < 3 && tags[w] == READER_O && !understand_is_cjk(words[w]) &&
           isalnum((unsigned char)words[w][0]) &&
           !understand_in_list(understand_empty_words, words[w]) &&
           !lex_is_stopword(words[w])) {
        char upto[UNDERSTAND_VALUE], with[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, *s, w, upto, sizeof upto);
        understand_as_written(c, cn, words, *s, w + 1, with, sizeof with);
        if (w > *s && strpbrk(with + strlen(upto), ",.;:!?()")) break;  /* not across */
        w++;
        if (w > *s && strpbrk(with, ",.;:!?()")) break;
    }
    *e = w;
    return *e > *s;
}

/* One part of an introduction list, lower case, into its words (at most 8, in buf). */
static int part_words(const char *p, size_t pn, char *buf, size_t cap, char **w)
{
    size_t l = pn < cap - 1 ? pn : cap - 1;
    for (size_t i = 0; i < l; i++) buf[i] = (char)tolower((unsigned char)p[i]);
    buf[l] = '\0';
    int n = 0;
    for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t && n < 8;
         t = strtok_r(NULL, " \t", &save))
        w[n++] = t;
    return n;
}

/* A part of an introduction list [*p, *p + *n) past its first word and the blanks after
 * it, in place. */
static void past_word(const char **p, size_t *n)
{
    size_t wl = strcspn(*p, " \t");
    if (wl > *n) wl = *n;
    *p += wl, *n -= wl;
    while (*n && (**p == ' ' || **p == '\t')) (*p)++, (*n)--;
}

/* The job of a part of an introduction list ("school nurse in leeds", "a welder"):
 * its words up to "in", "at", "from", "for" or "out", "a" dropped, when the last is a
 * kind of person (kinds_person) and they are one to three. Into job; 1 when found. */
static int part_job(char *const *w, int n, char *job, size_t len)
{
    static const char *const ends[] = {"in", "at", "from", "for", "out", "near", "with", NULL};
    int s = n > 0 && (!strcmp(w[0], "a") || !strcmp(w[0], "an")) ? 1 : 0, e = s;
    while (e < n && !understand_in_list(ends, w[e])) e++;
    if (e == s || e - s > 3 || !kinds_person(w[e - 1]) || understand_kin(w[e - 1])) return 0;
    for (int i = s; i < e; i++)
        if (lex_is_stopword(w[i]) || understand_in_list(understand_empty_words, w[i])) return 0;
    size_t at = 0;
    job[0] = '\0';
    for (int i = s; i < e && at < len; i++)
        at += (size_t)snprintf(job + at, len - at, "%s%s", i > s ? " " : "", w[i]);
    return at < len;
}

/* 1 when part occurs in value, without case. */
static int has_part(const char *value, const char *part)
{
    size_t pl = strlen(part);
    for (const char *v = value; pl && *v; v++)
        if (!strncasecmp(v, part, pl)) return 1;
    return 0;
}

int forms_intro_list(const char *c, size_t cn, const understood_t *clause, understood_t *out,
                     int k, int max)
{
    static const char *const openers[] = {"ok", "okay", "so", "well", NULL};
    const char *cuts[8];        /* the parts between commas */
    size_t lens[8];
    int np = 0;
    for (const char *p = c, *end = c + cn; p < end && np < 8;) {
        const char *q = memchr(p, ',', (size_t)(end - p));
        if (!q) q = end;
        while (p < q && (*p == ' ' || *p == '\t')) p++;
        size_t l = (size_t)(q - p);
        const char *aside = memchr(p, '(', l);     /* "nurse (nights)": up to the aside */
        if (aside) l = (size_t)(aside - p);
        while (l && (p[l - 1] == ' ' || strchr(".!", p[l - 1]))) l--;
        cuts[np] = p, lens[np++] = l;
        p = q + 1;
    }
    /* "41 plasterer in truro": an age and what follows it typed without a comma */
    size_t d0 = np == 1 ? strspn(cuts[0], "0123456789") : 0;
    int runon = 0;
    if (d0 >= 1 && d0 <= 2 && d0 + 1 < lens[0] && cuts[0][d0] == ' ' &&
        isalpha((unsigned char)cuts[0][d0 + 1])) {
        cuts[1] = cuts[0] + d0 + 1, lens[1] = lens[0] - d0 - 1;
        lens[0] = d0;
        np = 2;
        runon = 1;
    }
    char buf[128], name[UNDERSTAND_VALUE];
    char *w[8];
    int first = 0;              /* after a greeting ("hi, maeve here, 29, ...") */
    while (first < np - 1 && part_words(cuts[first], lens[first], buf, sizeof buf, w) == 1 &&
           (understand_in_list(understand_greetings, w[0]) || understand_in_list(openers, w[0])))
        first++;
    if (np - first < 2) return k;
    int nw = part_words(cuts[first], lens[first], buf, sizeof buf, w);
    while (nw >= 2 && (understand_in_list(understand_greetings, w[0]) ||
                       !isalnum((unsigned char)w[0][0]))) {     /* "hola 👋 marta" */
        past_word(&cuts[first], &lens[first]);
        nw = part_words(cuts[first], lens[first], buf, sizeof buf, w);
    }
    if (nw >= 2 && !strcmp(w[nw - 1], "here")) {    /* "<name> here": up to its last space */
        nw--;
        while (lens[first] && cuts[first][lens[first] - 1] != ' ') lens[first]--;
        while (lens[first] && cuts[first][lens[first] - 1] == ' ') lens[first]--;
    }
    /* "im tove", "i'm tove", "this is tove": the name after the words that lead to it */
    int led = 0;
    static const char *const leads[][2] = {{"im", NULL}, {"i'm", NULL}, {"i", "am"},
                                           {"this", "is"}, {"it's", NULL}, {"its", NULL}};
    for (size_t l = 0; l < sizeof leads / sizeof leads[0] && nw >= 2; l++) {
        int ll = leads[l][1] ? 2 : 1;
        if (nw <= ll || strcmp(w[0], leads[l][0]) != 0 || (ll == 2 && strcmp(w[1], leads[l][1]) != 0))
            continue;
        for (int j = 0; j < ll; j++) past_word(&cuts[first], &lens[first]);   /* the lead's */
        nw = part_words(cuts[first], lens[first], buf, sizeof buf, w);
        led = l < 3;            /* ("im tobi, ...": named by "I'm" itself) */
        break;
    }
    int age_next = first + 1 < np && isdigit((unsigned char)cuts[first + 1][0]);
    if (!age_next && first + 1 < np) {  /* ("ada lund, vet in ayr, 41"): a job next */
        char nbuf[128];
        char *nw_[8];
        char job0[UNDERSTAND_VALUE];
        int nn = part_words(cuts[first + 1], lens[first + 1], nbuf, sizeof nbuf, nw_);
        age_next = nn >= 1 && part_job(nw_, nn, job0, sizeof job0);
    }
    /* one word, or two before an age ("ravi menon, 47") */
    int fits = nw == 1 || (nw == 2 && age_next);
    for (int i = 0; i < nw && fits; i++)
        fits = isalpha((unsigned char)w[i][0]) && !lex_is_stopword(w[i]) &&
               !understand_in_list(understand_greetings, w[i]) &&
               !understand_in_list(openers, w[i]) &&
               !understand_in_list(understand_empty_words, w[i]) && !understand_kin(w[i]) &&
               !kinds_person(w[i]) && !dialogue_pet_word(w[i]) && !understand_month(w[i]);
    /* "42, pharmacist": an age and a job with no name before them */
    size_t dl0 = strspn(cuts[first], "0123456789");
    int nameless = !fits && dl0 >= 1 && dl0 <= 2 && dl0 == lens[first];
    if (!fits && !nameless) return k;
    if (nameless) first--;
    name[0] = '\0';
    if (!nameless) snprintf(name, sizeof name, "%.*s", (int)lens[first], cuts[first]);
    char age[8] = "", job[UNDERSTAND_VALUE] = "", home[UNDERSTAND_VALUE] = "";
    for (int i = first + 1; i < np; i++) {
        int n = part_words(cuts[i], lens[i], buf, sizeof buf, w);
        size_t dl = n >= 1 ? strspn(w[0], "0123456789") : 0;
        if (!age[0] && n >= 1 && dl >= 1 && dl <= 2 && !w[0][dl] &&
            (n == 1 || (n <= 3 && (!strcmp(w[1], "yo") || !strcmp(w[1], "years")))))
            snprintf(age, sizeof age, "%s", w[0]);
        else if (!job[0] && n >= 1 && part_job(w, n, job, sizeof job))
            ;
        else if (!home[0] && !nameless && n >= 1 && n <= 2 && isupper((unsigned char)cuts[i][0]) &&
                 !understand_kin(w[0]) && !kinds_person(w[n - 1]) && !lex_is_stopword(w[0]) &&
                 !understand_month(w[0]))
            snprintf(home, sizeof home, "%.*s", (int)lens[i], cuts[i]);     /* "Bergen" */
    }
    char low_name[UNDERSTAND_VALUE];
    size_t ln = 0;
    for (; name[ln] && ln + 1 < sizeof low_name; ln++)
        low_name[ln] = (char)tolower((unsigned char)name[ln]);
    low_name[ln] = '\0';
    if (!age[0] && !job[0] &&
        !(led && nw == 1 && !understand_in_list(understand_states, low_name)))
        return k;                           /* a name needs something told after it, or
                                             * "I'm" before it */
    if (nameless && !(age[0] && job[0])) return k;
    const char *rel_of[4] = {reader_rel_name(READER_REL_NAME), reader_rel_name(READER_REL_AGE),
                             reader_rel_name(READER_REL_JOB), reader_rel_name(READER_REL_HOME)};
    const int rels[4] = {READER_REL_NAME, READER_REL_AGE, READER_REL_JOB, READER_REL_HOME};
    const char *vals[4] = {name, age, job, home};
    int kept = 0;               /* the reader's units of these values under no relation */
    for (int i = 0; i < k; i++) {
        int ours = 0;
        for (int r = 0; r < 4 && !ours; r++)
            ours = vals[r][0] && (!strcasecmp(out[i].value, vals[r]) ||
                                  (runon && has_part(out[i].value, vals[r]))) &&
                   (out[i].rel == READER_REL_OPEN || out[i].rel != rels[r] ||
                    (runon && strcasecmp(out[i].value, vals[r]) != 0));  /* ("25 trainee") */
        if (!ours) out[kept++] = out[i];
    }
    k = kept;
    for (int r = 0; r < 4; r++) {
        int told = !vals[r][0];
        for (int i = 0; i < k && !told; i++)
            told = out[i].rel == rels[r] && !strcmp(out[i].holder, "self") &&
                   !strcasecmp(out[i].value, vals[r]);
        if (told || k >= max) continue;
        forms_told_unit(clause, rels[r], "self", rel_of[r], vals[r], &out[k]);
        out[k++].settled = rels[r] == READER_REL_NAME &&    /* (named by the list's form; */
                           (age[0] || job[0]);              /* not "I'm tired, ...") */
    }
    return k;
}

int forms_sport(const char *c, size_t cn, const char *const *words, int n,
                const understood_t *clause, understood_t *out, int k, int max)
{
    static const char *const teams[] = {"team", "club", "side", "squad", NULL};
    static const char *const others[] = {"he", "she", "they", "his", "her", "their", "he's",
                                         "she's", "my", "our", "you", NULL};
    static const char *const leads[] = {"oh", "also", "and", "plus", "then", "mostly", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    static const char *const play[] = {"play", "plays", "playing", NULL};
    char sport[UNDERSTAND_VALUE] = "", position[UNDERSTAND_VALUE] = "";
    int pos = -1;               /* where the words the sport replaces end */
    /* "I play wing defence for the uni hockey team", "i play keeper in hockey" */
    for (int w = 0; w + 1 < n && !sport[0]; w++) {
        if (strcmp(words[w], "for") != 0 && strcmp(words[w], "in") != 0) continue;
        int t = w + 2;          /* a team word after a sport ("the club rugby team") */
        while (t < n && t - w <= 4 &&
               !(understand_in_list(teams, words[t]) && kinds_sport(words[t - 1])))
            t++;
        int bare = 0;           /* the sport alone ends the clause ("in netball") */
        if (t >= n || t - w > 4 || t < w + 2 || !kinds_sport(words[t - 1])) {
            bare = w + 2 == n && kinds_sport(words[w + 1]);
            if (!bare) continue;
            t = w + 2;
        }
        int someone = 0;
        for (int v = 0; v < w && !someone; v++)
            someone = understand_in_list(others, words[v]) || understand_kin(words[v]);
        if (someone) return k;
        understand_as_written(c, cn, words, t - 1, t, sport, sizeof sport);
        pos = bare ? n : t + 1;
        /* the place on the side: one or two words between "play" and "for" */
        int p = w - 1;
        while (p >= 0 && w - p <= 3 && !understand_in_list(play, words[p])) p--;
        int fits = p >= 0 && w - p >= 2 && w - p <= 3;
        for (int v = p + 1; fits && v < w; v++)
            fits = isalpha((unsigned char)words[v][0]) && !lex_is_stopword(words[v]) &&
                   !kinds_sport(words[v]);
        if (fits) understand_as_written(c, cn, words, p + 1, w, position, sizeof position);
    }
    /* "squash twice a week": a sport first, no one else in the clause */
    int s = 0;
    while (s < n && understand_in_list(leads, words[s])) s++;
    for (int l = 2; l >= 1 && !sport[0] && s + l <= n; l--) {
        char two[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, s + l, two, sizeof two);
        if (!kinds_sport(two) && !(l == 2 && kinds_sport(words[s + 1]) &&
                                   !lex_is_stopword(words[s]) && isalpha((unsigned char)words[s][0])))
            continue;
        static const char *const third[] = {"he", "she", "they", "he's", "she's", "they're",
                                            "his", "her", "their", NULL};
        /* nor said of the sport itself ("rugby was on tv") or watched */
        static const char *const watched[] = {"is", "was", "were", "are", "tv", "telly",
                                              "watch", "watched", "watching", "match",
                                              "game", "final", "highlights", NULL};
        for (int v = s + l; v < n; v++)     /* (with my dad: still the user's) */
            if (understand_in_list(third, words[v]) || understand_in_list(watched, words[v]))
                return k;
        snprintf(sport, sizeof sport, "%s", two);
        pos = n;
    }
    if (!sport[0]) return k;
    int kept = 0;               /* the reader's units of those words: a position, a time */
    for (int i = 0; i < k; i++) {
        int before = 0;
        for (int w = 0; w < pos && w < n && !before && out[i].value[0]; w++)
            before = !strncasecmp(out[i].value, words[w], strlen(words[w]));
        if (!before && out[i].value[0]) out[kept++] = out[i];
    }
    k = kept;
    if (k >= max) return k;
    forms_told_unit(clause, READER_REL_HOBBY, "self", reader_rel_name(READER_REL_HOBBY), sport, &out[k]);
    k++;
    if (position[0] && k < max)
        forms_told_unit(clause, READER_REL_OPEN, "self", FORMS_POSITION, position, &out[k++]);
    return k;
}

int forms_position_asked(const char *const *words, int n, int act, understood_t *out, int k)
{
    static const char *const asked[] = {"position", "positions", NULL};
    if (act != READER_QUESTION && act != READER_YESNO) return k;
    int at = 0;
    while (at < n && !understand_in_list(asked, words[at])) at++;
    if (at >= n) return k;
    for (int i = 0; i < k; i++) {
        out[i].rel = READER_REL_OPEN;
        snprintf(out[i].relation, sizeof out[i].relation, "%s", FORMS_POSITION);
        if (act == READER_QUESTION) out[i].value[0] = '\0';
    }
    return k;
}


/* The end of a thing named from words[s]: up to three words, none a function word,
 * filler or punctuation. */
static int thing_end(const char *const *words, int n, int s)
{
    int e = s;
    while (e < n && e - s < 3 &&
           (isalnum((unsigned char)words[e][0]) || (unsigned char)words[e][0] >= 0x80) &&
           !understand_in_list(understand_empty_words, words[e]) && !lex_is_stopword(words[e]))
        e++;
    return e;
}

int forms_allergic(const char *c, size_t cn, const char *const *words, int n,
                   const understood_t *clause, understood_t *out, int k, int max)
{
    static const char *const allergic[] = {"allergic", "allergy", "intolerant", NULL};
    static const char *const article[] = {"a", "an", "the", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    int w = 0;
    while (w + 1 < n && !(understand_in_list(allergic, words[w]) && !strcmp(words[w + 1], "to")))
        w++;
    if (w + 1 >= n) return k;
    const char *holder = NULL, *named = "";     /* (and the name told in passing) */
    for (int i = 0; i < k && !holder; i++)
        if (out[i].rel == READER_REL_ALLERGY && out[i].holder[0])
            holder = out[i].holder, named = out[i].name;
    static const char *const mine[] = {"i", "i'm", "im", "me", "am", "so", "also", "and", "very",
                                       "really", "super", "badly", "severely", "mildly", NULL};
    for (int v = 0; v < w && !holder; v++)  /* no one named before the words */
        if (isalnum((unsigned char)words[v][0]) && !understand_in_list(mine, words[v]) &&
            !understand_in_list(understand_empty_words, words[v]))
            return k;
    if (!holder) holder = "self";
    char who[UNDERSTAND_KEY], name[UNDERSTAND_KEY];
    snprintf(who, sizeof who, "%s", holder);
    snprintf(name, sizeof name, "%s", named);
    int s[2], e[2], m = 0;
    for (int at = w + 2; m < 2 && at < n;) {
        if (understand_in_list(article, words[at])) at++;
        int end = thing_end(words, n, at);
        if (end == at) break;
        s[m] = at, e[m] = end, m++;
        at = end;
        if (at + 1 < n && (!strcmp(words[at], "and") || !strcmp(words[at], ","))) at++;
        else break;
    }
    if (!m) return k;
    understood_t base = *clause;
    int kept = 0;
    for (int i = 0; i < k; i++) {
        const char *last = strrchr(out[i].value, ' ');
        /* what the reader made of the words from the allergy on, typed small ("kiwi",
         * "carry my [pen]") */
        size_t fl = strcspn(out[i].value, " ");
        int after = 0;
        for (int v = s[0]; v < n && !after && islower((unsigned char)out[i].value[0]); v++)
            after = strlen(words[v]) == fl && !strncmp(words[v], out[i].value, fl);
        if (out[i].rel == READER_REL_ALLERGY || (!out[i].value[0] && !out[i].name[0]) || after ||
            (out[i].rel == READER_REL_JOB && !kinds_person(last ? last + 1 : out[i].value)))
            continue;
        out[kept++] = out[i];
    }
    for (int j = 0; j < m && kept < max; j++) {
        char value[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s[j], e[j], value, sizeof value);
        forms_told_unit(&base, READER_REL_ALLERGY, who, reader_rel_name(READER_REL_ALLERGY),
                        value, &out[kept]);
        snprintf(out[kept++].name, sizeof out[0].name, "%s", name);
    }
    return kept;
}

/* 1 when w (lower case) names a group of people or animals one names one by one ("kids",
 * "twins", "cats", "cows"): into key its holder key ("children", "cats"). */
static int group_word(const char *w, char *key, size_t len)
{
    static const char *const people[] = {"kids", "children", "twins", "sons", "daughters",
                                         "boys", "girls", "grandkids", "grandchildren",
                                         "pets", "cows", "horses", "goats", "sheep", "pigs",
                                         "chickens", "hens", "ducks", "alpacas", "llamas",
                                         "donkeys", NULL};
    size_t n = strlen(w);
    char one[UNDERSTAND_KEY];
    snprintf(one, sizeof one, "%.*s", n > 1 ? (int)n - 1 : 0, w);
    if (!understand_in_list(people, w) &&
        !(understand_plural(w) && (dialogue_pet_word(one) || kinds_animal(one))))
        return 0;
    understand_holder_of(w, key, len);
    return 1;
}

/* The number of one or two digits at words[w] (an age: "15", "(7)"), else NULL. */
static const char *age_word(const char *const *words, int n, int w)
{
    if (w >= n) return NULL;
    size_t d = strspn(words[w], "0123456789");
    return d >= 1 && d <= 2 && !words[w][d] ? words[w] : NULL;
}

int forms_group_named(const char *c, size_t cn, const char *const *words,
                      const unsigned char *caps, int n, const understood_t *clause,
                      understood_t *out, int k, int max)
{
    static const char *const lead[] = {"are", "r", "called", "named", "is", "the", "-", NULL};
    static const char *const before[] = {"little", "baby", "big", "young", "youngest",
                                         "eldest", "oldest", "middle", "then", NULL};
    static const char *const is[] = {"who", "who's", "whos", "is", "she's", "he's", "aged",
                                     NULL};
    static const char *const no_name[] = {"plus", "also", "then", "both", "all", "each",
                                          "including", "except", "besides", "others", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    char key[UNDERSTAND_KEY];
    int g = 0;
    while (g < n && !group_word(words[g], key, sizeof key)) g++;
    if (g >= n) return k;
    /* the group is the user's: "my", "our", "we", "I", "got", "have" or a number before it
     * ("3 kids"), or a colon after it ("kids: ..."); not "cats are overrated" */
    static const char *const mine[] = {"my", "our", "we", "i", "we've", "i've", "got", "have",
                                       "has", "keep", NULL};
    int ours = 0;
    for (int v = 0; v < g && !ours; v++)
        ours = understand_in_list(mine, words[v]) || understand_in_list(understand_personal_words, words[v]);
    ours |= g > 0 && understand_has_number(words[g - 1]);
    long gp = understand_text_at(c, cn, words[g]);
    ours |= gp >= 0 && (size_t)gp + strlen(words[g]) < cn && c[gp + (long)strlen(words[g])] == ':';
    /* "the hens are Dot and ...": "the" only before names with a capital */
    int capitals = !ours && g > 0 && !strcmp(words[g - 1], "the");
    if (!ours && !capitals) return k;
    int w = g + 1;
    while (w < n && (!isalnum((unsigned char)words[w][0]) || understand_in_list(lead, words[w])))
        w++;
    long pos[64];               /* where each word ends in c: commas between words */
    for (size_t at = 0, v = 0; v < (size_t)n && v < 64; v++) {
        size_t l = strlen(words[v]), p = at;
        while (p + l <= cn && strncasecmp(c + p, words[v], l) != 0) p++;
        pos[v] = p + l <= cn ? (long)(p + l) : -1;
        if (pos[v] >= 0) at = (size_t)pos[v];
    }
#define COMMA_AFTER(v) ((v) < 63 && pos[v] >= 0 && pos[(v) + 1] >= 0 && \
                        memchr(c + pos[v], ',', (size_t)(pos[(v) + 1] - pos[v])))
    int names[8], ends[8], ages[8], m = 0;
    while (w < n && m < 8 && n < 64) {
        while (w < n && understand_in_list(before, words[w])) w++;
        if (w >= n || !isalpha((unsigned char)words[w][0]) || lex_is_stopword(words[w]) ||
            understand_in_list(understand_empty_words, words[w]) || understand_kin(words[w]) ||
            understand_in_list(understand_personal_words, words[w]) ||
            understand_pronoun(words[w]) || understand_month(words[w]) ||
            understand_has_number(words[w]) || understand_in_list(no_name, words[w]) ||
            group_word(words[w], (char[UNDERSTAND_KEY]){0}, UNDERSTAND_KEY))
            break;
        int again = 0;          /* "Rolo and Bramble, bramble is the old one": of one named */
        for (int j = 0; j < m && !again; j++) again = !strcasecmp(words[names[j]], words[w]);
        if (again) break;
        if (capitals && !caps[w]) break;
        names[m] = w, ages[m] = -1;
        /* a name of two words that ends the clause or a part of it ("lady grey") */
        int rest = w + 2;       /* (fillers after it end it too: "... Tim Tam lol") */
        while (rest < n && understand_in_list(understand_empty_words, words[rest])) rest++;
        int two = w + 1 < n && isalpha((unsigned char)words[w + 1][0]) &&
                  !lex_is_stopword(words[w + 1]) && !understand_in_list(is, words[w + 1]) &&
                  !understand_in_list(understand_empty_words, words[w + 1]) &&
                  !COMMA_AFTER(w) && (rest >= n || COMMA_AFTER(w + 1));
        w += 1 + two;
        ends[m] = w;
        int a = w;              /* "15", "(7)", "who is 6" */
        while (a < n && a - w < 2 && understand_in_list(is, words[a])) a++;
        if (age_word(words, n, a)) ages[m] = a, w = a + 1;
        m++;
        if (w < n && (COMMA_AFTER(w - 1) || !strcmp(words[w], "and") || !strcmp(words[w], "&")))
            w += strcmp(words[w], "and") && strcmp(words[w], "&") ? 0 : 1;
        else
            break;
        if (w < n && !strcmp(words[w], "and")) w++;     /* ", and" */
    }
#undef COMMA_AFTER
    if (m < 2) return k;
    int kept = 0;               /* the reader's units of those names and ages go */
    for (int i = 0; i < k; i++) {
        int ours = 0;
        for (int j = 0; j < m && !ours; j++)
            ours = !strncasecmp(out[i].value, words[names[j]], strlen(words[names[j]])) ||
                   !strcasecmp(out[i].holder, words[names[j]]) ||
                   (ages[j] >= 0 && !strcmp(out[i].value, words[ages[j]]) &&
                    out[i].rel == READER_REL_AGE);
        if (!ours) out[kept++] = out[i];
    }
    k = kept;
    for (int j = 0; j < m && k < max; j++) {
        char name[UNDERSTAND_VALUE], who[UNDERSTAND_KEY];
        understand_as_written(c, cn, words, names[j], ends[j], name, sizeof name);
        forms_told_unit(clause, READER_REL_NAME, key, reader_rel_name(READER_REL_NAME), name,
                        &out[k++]);
        if (ages[j] < 0 || k >= max) continue;
        snprintf(who, sizeof who, "%.*s", (int)sizeof who - 1, name);  /* (as written, as
                                                     * the reader keys a name as a holder, */
        who[0] = (char)toupper((unsigned char)who[0]);     /* a name: "Elias is 5") */
        forms_told_unit(clause, READER_REL_AGE, who, reader_rel_name(READER_REL_AGE),
                        words[ages[j]], &out[k++]);
    }
    return k;
}

int forms_name_the_pet(const char *c, size_t cn, const char *const *words,
                       const unsigned char *caps, int n, const understood_t *clause,
                       understood_t *out, int k, int max)
{
    static const char *const says[] = {"she's", "he's", "it's", "shes", "hes", "its", NULL};
    if (memchr(c, '?', cn) || vocab_question_mark(c, cn)) return k;
    int f = 0;
    while (f < n && (understand_in_list(understand_greetings, words[f]) ||
                     !strcmp(words[f], "and") || !strcmp(words[f], "so") ||
                     !strcmp(words[f], "oh")))
        f++;
    if (f + 2 >= n || !caps[f] || !isalpha((unsigned char)words[f][0]) ||
        strcmp(words[f + 1], "the") != 0 ||
        !(dialogue_pet_word(words[f + 2]) || kinds_animal(words[f + 2])))
        return k;
    char name[UNDERSTAND_VALUE], pet[UNDERSTAND_KEY];
    understand_as_written(c, cn, words, f, f + 1, name, sizeof name);
    understand_holder_of(words[f + 2], pet, sizeof pet);
    const char *age = NULL;     /* "..., she's 14" */
    for (int w = f + 3; w + 1 < n && !age; w++)
        if (understand_in_list(says, words[w]) && age_word(words, n, w + 1)) age = words[w + 1];
    int kept = 0;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if ((u->rel == READER_REL_KIND && !strcasecmp(u->value, words[f + 2])) ||
            !strcasecmp(u->value, name) || (age && u->rel == READER_REL_AGE) ||
            (!u->value[0] && !u->name[0]))
            continue;
        if (!strcasecmp(u->holder, words[f])) snprintf(u->holder, sizeof u->holder, "%s", pet);
        out[kept++] = *u;
    }
    k = kept;
    if (k < max)
        forms_told_unit(clause, READER_REL_NAME, pet, reader_rel_name(READER_REL_NAME), name,
                        &out[k++]);
    if (age && k < max)
        forms_told_unit(clause, READER_REL_AGE, pet, reader_rel_name(READER_REL_AGE), age,
                        &out[k++]);
    return k;
}

/* The health conditions people tell of, one word or the last words of a longer name
 * ("high blood pressure" ends in "pressure" after "blood"). */
static const char *const conditions[] = {
    "asthma", "diabetes", "epilepsy", "arthritis", "dementia", "alzheimer's", "alzheimers",
    "adhd", "autism", "dyslexia", "migraines", "migraine", "anxiety", "depression", "eczema",
    "psoriasis", "cancer", "leukaemia", "leukemia", "hypertension", "insomnia", "coeliac",
    "celiac", "crohn's", "crohns", "ibs", "copd", "lupus", "sciatica", "tinnitus",
    "glaucoma", "osteoporosis", "anaemia", "anemia", "endometriosis", "pcos",
    "fibromyalgia", "cholesterol", "pressure", "attacks", "gout", "angina", "vertigo",
    "scoliosis", "parkinson's", "parkinsons", "hayfever", NULL};

/* Where the condition named at words[w] begins ("type 2 diabetes", "high blood pressure",
 * "panic attacks"), or -1 when words[w] names none. */
static int condition_start(const char *const *words, int w)
{
    if (!understand_in_list(conditions, words[w])) return -1;
    if (!strcmp(words[w], "pressure"))
        return w >= 2 && !strcmp(words[w - 1], "blood") && !strcmp(words[w - 2], "high")
                   ? w - 2 : -1;
    if (!strcmp(words[w], "attacks")) return w >= 1 && !strcmp(words[w - 1], "panic") ? w - 1 : -1;
    if (!strcmp(words[w], "cholesterol")) return w >= 1 && !strcmp(words[w - 1], "high") ? w - 1 : w;
    if (!strcmp(words[w], "diabetes") && w >= 2 && !strcmp(words[w - 2], "type")) return w - 2;
    return w;
}

int forms_condition(const char *c, size_t cn, const char *const *words, int n, int act,
                    const understood_t *clause, understood_t *out, int k, int max)
{
    static const char *const having[] = {"has", "have", "got", "diagnosed", "suffer",
                                         "suffers", "with", "had", "living", NULL};
    static const char *const asking[] = {"condition", "conditions", "health", "illness",
                                         "illnesses", "diagnosed", "medical", NULL};
    int w = 0, s = -1;
    while (w < n && (s = condition_start(words, w)) < 0) w++;
    /* (a question the reader took for a fact says so by its mark) */
    if (act == READER_QUESTION || act == READER_YESNO || memchr(c, '?', cn)) {
        int asked = s >= 0;
        for (int v = 0; v < n && !asked; v++) asked = understand_in_list(asking, words[v]);
        if (!asked) return k;
        for (int i = 0; i < k; i++) {
            out[i].rel = READER_REL_OPEN;
            snprintf(out[i].relation, sizeof out[i].relation, "%s", UNDERSTAND_CONDITION);
            if (understand_in_list(asking, out[i].holder))     /* "[health] problems" */
                snprintf(out[i].holder, sizeof out[i].holder, "self");
            if (act != READER_YESNO || s < 0) out[i].value[0] = '\0';
            else understand_as_written(c, cn, words, s, w + 1, out[i].value, sizeof out[i].value);
        }
        return k > 0 ? 1 : k;       /* (one question, however many units the reader read) */
    }
    if (s < 0) return k;
    int had = 0;
    for (int v = 0; v < s && !had; v++) had = understand_in_list(having, words[v]);
    if (!had) return k;
    char who[UNDERSTAND_KEY] = "self";
    for (int i = 0; i < k; i++)     /* whose: the reader's holder of the clause */
        if (out[i].holder[0] && strcmp(out[i].holder, "self") != 0) {
            snprintf(who, sizeof who, "%s", out[i].holder);
            break;
        }
    int starts[4], ends[4], m = 0;  /* every condition told ("eczema, also asthma") */
    for (int v = w; v < n && m < 4; v++) {
        int b = condition_start(words, v);
        if (b >= 0) starts[m] = b, ends[m++] = v + 1;
    }
    int kept = 0;               /* the reader's units of the conditions' words, of having
                                 * them ("has [a poor] ...") or of none */
    for (int i = 0; i < k; i++) {
        int inside = (!out[i].value[0] && !out[i].name[0]) || !strcmp(out[i].value, "diagnosed") ||
                     (out[i].rel == READER_REL_OWNS && !strcmp(out[i].holder, who));
        for (int j = 0; j < m && !inside; j++)
            for (int v = starts[j]; v < ends[j] && !inside; v++)
                inside = understand_text_at(out[i].value, strlen(out[i].value), words[v]) >= 0;
        if (!inside) out[kept++] = out[i];
    }
    k = kept;
    for (int j = 0; j < m && k < max; j++) {
        char value[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, starts[j], ends[j], value, sizeof value);
        forms_told_unit(clause, READER_REL_OPEN, who, UNDERSTAND_CONDITION, value, &out[k++]);
    }
    return k;
}

int forms_names_aged(const char *c, size_t cn, const char *const *words, int n,
                     const understood_t *clause, understood_t *out, int k, int max)
{
    enum { MAX_AGED = 8 };
    char names[MAX_AGED][UNDERSTAND_KEY], ages[MAX_AGED][4], group[UNDERSTAND_KEY] = "";
    int m = 0;
    for (int w = 0; w < n && !group[0]; w++) {
        understand_holder_of(words[w], group, sizeof group);
        if (!understand_group_key(group)) group[0] = '\0';
    }
    for (size_t i = 0; group[0] && i < cn && m < MAX_AGED; i++) {
        if (!isupper((unsigned char)c[i]) || (i > 0 && isalpha((unsigned char)c[i - 1])))
            continue;
        size_t e = i;
        while (e < cn && isalpha((unsigned char)c[e])) e++;
        size_t b = e;
        while (b < cn && c[b] == ' ') b++;
        size_t d = b + 1, de = d;
        while (de < cn && isdigit((unsigned char)c[de])) de++;
        if (b >= cn || c[b] != '(' || de == d || de - d > 3 || de >= cn ||
            (c[de] != ')' && c[de] != ',') || e - i >= sizeof names[0])   /* "Noah (17, ...)" */
            continue;
        snprintf(names[m], sizeof names[m], "%.*s", (int)(e - i), c + i);
        snprintf(ages[m], sizeof ages[m], "%.*s", (int)(de - d), c + d);
        m++;
        i = de;
    }
    if (m < 2) return k;
    int kept = 0;
    for (int i = 0; i < k; i++)
        if (out[i].rel != READER_REL_NAME && out[i].rel != READER_REL_AGE) out[kept++] = out[i];
    k = kept;
    const char *name_key = reader_rel_name(READER_REL_NAME),
               *age_key = reader_rel_name(READER_REL_AGE);
    for (int i = 0; i < m && k + 2 <= max; i++) {
        forms_told_unit(clause, READER_REL_NAME, group, name_key, names[i], &out[k++]);
        forms_told_unit(clause, READER_REL_AGE, names[i], age_key, ages[i], &out[k++]);
    }
    return k;
}

int forms_working_for(const char *c, size_t cn, const char *const *words,
                      const unsigned char *caps, int n, const understood_t *clause,
                      understood_t *out, int k)
{
    static const char *const leads[] = {"i'm", "im", "i", "am", "now", "currently", "still",
                                        "just", "started", "been", "i've", "ive", "he's",
                                        "hes", "she's", "shes", "he", "she", "is", "and",
                                        "so", NULL};
    /* -ing words that are no work ("playing for Leeds", "waiting for Amy") */
    static const char *const not_work[] = {"playing", "waiting", "looking", "voting",
                                           "rooting", "cheering", "shopping", "saving",
                                           "studying", "training", "learning", "staying",
                                           "living", "going", "heading", "coming", "being",
                                           "feeling", "asking", "hoping", "praying",
                                           "searching", "applying", "interviewing",
                                           "running", "standing", "sitting", "doing",
                                           "having", "getting", "eating", NULL};
    const char *who = "self";
    int w = 0;
    for (; w < n && understand_in_list(leads, words[w]); w++)
        if (understand_pronoun(words[w])) who = understand_pronoun(words[w]);
    size_t wl = w < n ? strlen(words[w]) : 0;
    if (w + 2 >= n || wl < 5 || strcmp(words[w] + wl - 3, "ing") != 0 ||
        understand_in_list(not_work, words[w]) ||
        (strcmp(words[w + 1], "for") != 0 && strcmp(words[w + 1], "at") != 0) ||
        understand_month(words[w + 2]))
        return k;
    /* a name ("for Stobart", "at The Grange"), or a place of a kind ("for a bakery"): up
     * to three words before "now", "these days" or the clause's end, told with its
     * article */
    static const char *const a[] = {"a", "an", "the", "this", "that", NULL};
    static const char *const ends[] = {"now", "these", "nowadays", "instead", "full",
                                       "part", "since", NULL};
    int at = w + 2, e;
    if (caps[at]) {
        at += !strcmp(words[at], "the") && at + 1 < n && caps[at + 1];
        if (lex_is_stopword(words[at])) return k;   /* ("The Ivy": the name) */
        for (e = at; e < n && caps[e] && !understand_is_cjk(words[e]);) e++;
    } else {
        if (!understand_in_list(a, words[at]) || at + 1 >= n) return k;
        for (e = ++at; e < n && !understand_in_list(ends, words[e]);) e++;
        if (e - at > 3) return k;
        for (int x = at; x < e; x++)
            if (lex_is_stopword(words[x]) || !isalpha((unsigned char)words[x][0])) return k;
    }
    if (e == at) return k;
    char value[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, w + 2, e, value, sizeof value);
    if (!value[0]) return k;
    forms_told_unit(clause, READER_REL_EMPLOYER, who, reader_rel_name(READER_REL_EMPLOYER),
                    value, &out[0]);
    out[0].personal = !strcmp(who, "self");     /* (a pronoun's is settled by the facts) */
    out[0].settled = 1;
    return 1;
}
