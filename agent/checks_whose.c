/* checks_whose.c: whose a clause is (checks_internal.h): the holder by name, by kin word,
 * by pronoun and by the words around it; the user's own facts in Chinese; groups and
 * lists of pieces. Phases of checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/clauses.h"
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/pieces.h"
#include "agent/quote_zh.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

/* Relations only people's facts have: bAbI's stories (what the memory network reads)
 * tell where people and things are, what they carry, what colour or kind they are, never
 * these. A question about someone by a name mnemo does not know, about one of these, is
 * still a question about the user's people ("how old is Oscar?"), answered from the
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

/* 1 when a clause says something ended: a negation or a verb of ending ("not anymore",
 * "we sold our car", "I left", 不, 没). A correction with no new value ends a fact, so it
 * must say so ("tell me if I live in Paris" read as one ended nothing). */
int checks_says_ended(const char *text)
{
    static const char *const words[] = {"not", "no", "never", "anymore", "longer", "left",
                                        "quit", "gave", "stopped", "ended", "over",
                                        "broke", "moved", "lost", "died", "passed", "gone",
                                        "retired", "ex", "resigned", "notice", "sold",
                                        "finished", "rehomed", "dead", "scrapped",
                                        "totalled", "totaled", "kaput", "write-off",
                                        "written off", "wrote off", "stolen", "nicked",
                                        "single", "split", "separated", "divorced", "dumped",
                                        /* typed without the apostrophe: "nt" alone would
                                         * end "Ghent" */
                                        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
                                        "werent", "cant", "wont", "havent", "hasnt", "hadnt",
                                        "aint", NULL};
    static const char *const parts[] = {"n't", "不", "没", "离", "卖", "搬", "分手", "分开", NULL};
    /* "don't judge", "don't laugh": asked of the listener, nothing of the user's ends */
    static const char *const asked_of_you[] = {"don't ", "dont ", "do not ", NULL};
    static const char *const bids[] = {"judge", "laugh", "worry", "ask", "mind", "panic",
                                       "bother", "stress", "mock", "tell", NULL};
    for (int i = 0; asked_of_you[i]; i++) {
        size_t al = strlen(asked_of_you[i]);
        char bid[16];
        if (strncasecmp(text, asked_of_you[i], al) != 0) continue;
        snprintf(bid, sizeof bid, "%.*s", (int)strcspn(text + al, " ,.!?"), text + al);
        for (char *p = bid; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (understand_in_list(bids, bid) && !facts_has_words(text, "anymore") &&
            !facts_has_words(text, "longer"))
            return 0;
    }
    for (int i = 0; words[i]; i++)
        if (facts_has_words(text, words[i])) return 1;
    return checks_has_part(text, parts);
}

/* u's job as the person's words before the place it was read as ("chief engineer on an
 * icebreaker", read as "icebreaker": "chief engineer"): up to three words back from a
 * person's word right before "on", "at" or "for" (and "a", "an", "the") and u's value,
 * not past "am", "I'm", "a" or "an". Leaves u as it is when the clause does not say so. */
static void job_before_place(const char *text, understood_t *u)
{
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    static const char *const places[] = {"on", "at", "for", NULL};
    static const char *const articles[] = {"a", "an", "the", NULL};
    static const char *const stops[] = {"am", "i'm", "im", "a", "an", "i", "as", "is", NULL};
    for (int k = 1; k + 1 < n; k++) {
        if (!understand_in_list(places, w[k])) continue;
        int v = k + 1;
        if (v < n && understand_in_list(articles, w[v])) v++;
        if (v >= n || strcasecmp(w[v], u->value) != 0 || !kinds_person(w[k - 1])) continue;
        int b = k - 1;
        while (b > 0 && k - b < 3 && !understand_in_list(stops, w[b - 1]) &&
               !lex_is_stopword(w[b - 1]))
            b--;
        char job[UNDERSTAND_VALUE] = "";
        for (int j = b; j < k; j++) {
            size_t at = strlen(job);
            snprintf(job + at, sizeof job - at, "%s%s", at ? " " : "", w[j]);
        }
        snprintf(u->value, sizeof u->value, "%s", job);
        return;
    }
}

/* "he" or "she" when that is the clause's subject past fillers ("now he is doing ...",
 * "and she's teaching"), and no word of the speaker ("I", "my", "me") is in it; else NULL. */
static const char *third_subject(const char *text)
{
    static const char *const fillers[] = {"now", "and", "but", "so", "then", "oh", "also",
                                          "actually", "anyway", "well", NULL};
    static const char *const he[] = {"he", "he's", "hes", NULL};
    static const char *const she[] = {"she", "she's", "shes", NULL};
    static const char *const mine[] = {"i", "i'm", "im", "my", "me", "mine", "we", "our",
                                       "i've", "ive", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64), k = 0;
    for (int j = 0; j < n; j++)
        if (understand_in_list(mine, w[j])) return NULL;
    while (k < n && understand_in_list(fillers, w[k])) k++;
    if (k >= n) return NULL;
    return understand_in_list(he, w[k]) ? "he" : understand_in_list(she, w[k]) ? "she" : NULL;
}

/* 1 when text calls the user a parent of a number of children ("41, mum of two", "I'm a
 * mum of 3") with holder the parent's word: the user, not their father or mother. */
static int parent_of(const char *text, const char *holder)
{
    static const char *const parents[] = {"dad", "mum", "mom", "mother", "father", "mam",
                                          "mama", "papa", "mummy", "daddy", NULL};
    if (strcmp(holder, "mother") != 0 && strcmp(holder, "father") != 0) return 0;
    for (int k = 0; parents[k]; k++) {
        char of[24], next[16];
        long count;
        snprintf(of, sizeof of, "%s of", parents[k]);
        const char *at = checks_word_at(text, of), *my = at;
        if (!at) continue;
        checks_word_after(at + strlen(of), next, sizeof next);
        while (my > text && my[-1] == ' ') my--;    /* (not "my dad of 70") */
        if (my - text >= 2 && !strncasecmp(my - 2, "my", 2)) continue;
        if (understand_number(next, &count) && count >= 1 && count <= 20) return 1;
    }
    return 0;
}

/* "a stray kitten followed me home, we called her Figgy": a name given to "him", "her"
 * or "it" belongs to the last animal told before the clause in msg, the user's now
 * (a dog, a kitten; dialogue_pet_word). */
static void named_before(const char *msg, understood_t *u)
{
    char buf[UNDERSTAND_VALUE], pet[UNDERSTAND_KEY] = "";
    size_t n = u->at < sizeof buf ? u->at : sizeof buf - 1;
    snprintf(buf, sizeof buf, "%.*s", (int)n, msg);
    for (char *save = NULL, *w = strtok_r(buf, " ,.;:!?()", &save); w;
         w = strtok_r(NULL, " ,.;:!?()", &save)) {
        for (char *p = w; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (dialogue_pet_word(w)) snprintf(pet, sizeof pet, "%s", w);
    }
    if (!pet[0]) return;
    snprintf(u->holder, sizeof u->holder, "%s", pet);
    u->personal = 1;
}

/* "I own a bakery in Hove, it's called Crumbs": a name given to "it" after a clause
 * that told a thing the user has is that thing's name. */
static void thing_named(const char *text, const understood_t *told, int i, understood_t *u)
{
    static const char *const opens[] = {"it's called", "its called", "it is called",
                                        "it's named", "its named", "it is named",
                                        "it's name is", "its name is", NULL};
    const char *name = u->value[0] ? u->value : u->name;
    int said = 0;
    for (int k = 0; opens[k] && !said; k++)
        said = !strncasecmp(text, opens[k], strlen(opens[k]));
    int had = i - 1;                    /* the last thing the message told the user has */
    while (had >= 0 && !(told[had].rel == READER_REL_OWNS && told[had].value[0])) had--;
    if (!said || !name[0] || u->act == READER_QUESTION || u->act == READER_YESNO || had < 0)
        return;
    char key[UNDERSTAND_KEY], value[UNDERSTAND_VALUE];
    const char *thing = strrchr(told[had].value, ' ');     /* ("nail salon": my salon) */
    understand_holder_of(thing ? thing + 1 : told[had].value, key, sizeof key);
    if (!key[0]) return;
    snprintf(value, sizeof value, "%s", name);
    snprintf(u->holder, sizeof u->holder, "%s", key);
    snprintf(u->value, sizeof u->value, "%s", value);
    u->name[0] = '\0';
    u->act = READER_FACT;
    u->fact_min_p = 0;
    u->personal = 1;
    u->rel = READER_REL_NAME;
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
}

/* "I've got three nephews. Ravi is 17, Tom is 12": a name the message tells a fact of
 * after a clause of a group of the user's (kin or pets in the plural: "nephews",
 * "grandkids", "cats") is one of them, the user's, though no fact names them yet. The name
 * is written with a capital, or in lower case its age is told ("ravi is 17"). */
static void one_of_group(const char *msg, const understood_t *told, int i, const char *text,
                         understood_t *u)
{
    if (u->personal || (u->act != READER_FACT && u->act != READER_CORRECTION) || !u->value[0] ||
        !u->holder[0] || !strcmp(u->holder, "self") || checks_someone_word(u->holder) ||
        understand_pronoun(u->holder))
        return;
    for (const char *p = u->holder; *p; p++)   /* (letters of any script: "Zoë") */
        if (!isalpha((unsigned char)*p) && (unsigned char)*p < 0x80) return;
    const char *at = facts_words_at(text, u->holder);
    if (!at || (!isupper((unsigned char)*at) && u->rel != READER_REL_AGE)) return;
    for (int j = i - 1; j >= 0 && !u->personal; j--)
        u->personal = told[j].personal && understand_group_said(told[j].holder);
    /* (or the message named the group before: "Two dogs at home: Rex ..., and Pip ...") */
    char before[512];
    const char *w[64];
    int n = understand_split_words(msg, " .,;:!?", before,     /* (msg up to the clause) */
                                   u->at + 1 < sizeof before ? u->at + 1 : sizeof before, w, 64);
    static const char *const owning[] = {"my", "our", "two", "three", "four", "five", "six",
                                         "both", NULL};
    for (int k = 1; k < n && !u->personal; k++) {
        long count;
        u->personal = understand_group_said(w[k]) &&
                      (understand_in_list(owning, w[k - 1]) ||
                       (understand_number(w[k - 1], &count) && count >= 2 && count <= 12));
    }
    if (u->personal)                    /* keyed by the name with a capital (facts.c) */
        u->holder[0] = (char)toupper((unsigned char)u->holder[0]);
}

/* "my flatmate always says Leeds is the best city", "me mate reckons Perth's the only
 * place": what one of the user's people (a word for someone) says or thinks of no one
 * (no pronoun or "my" after the verb) tells nothing of the user's, nor names the one who
 * says it: a value read after the verb of saying is chat. */
static void said_by_them(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const saying[] = {"says", "said", "reckons", "reckoned", "thinks",
                                         "swears", "claims", "insists", "keeps saying",
                                         "always says", NULL};
    if ((u->act != READER_FACT && u->act != READER_CORRECTION) || !u->value[0]) return;
    const char *verb = NULL;
    size_t vl = 0;
    for (int k = 0; saying[k] && !verb; k++)
        if ((verb = checks_word_at(text, saying[k])) != NULL) vl = strlen(saying[k]);
    if (!verb) return;
    char before[16];                    /* (not "I said", "she says") */
    checks_word_before(text, verb, before, sizeof before);
    static const char *const not_them[] = {"i", "you", "we", "u", NULL};
    if (checks_in_words(not_them, before)) return;
    const char *at = checks_word_at(verb + vl, u->value);
    if (!at) return;
    /* (what they say of someone is told: "my doctor says I'm allergic to ...", "my
     * brother says he's moving to Cork") */
    static const char *const someone[] = {"i", "i'm", "im", "he", "she", "he's", "she's",
                                          "hes", "shes", "they", "we", "my", "his", "her",
                                          "their", "our", NULL};
    if (checks_holds_any(verb + vl, someone) || checks_names_told(f, verb + vl))
        return;                         /* (nor of one of theirs: "my vet says Rolo's ...") */
    char key[UNDERSTAND_KEY];
    int whose = 0;                      /* someone of the user's says it */
    for (const char *p = text; p < verb && !whose; p++) {
        if ((p > text && isalpha((unsigned char)p[-1])) || !isalpha((unsigned char)*p)) continue;
        char w[24];
        checks_word_after(p, w, sizeof w);
        understand_holder_of(w, key, sizeof key);
        whose = understand_kin(key) || checks_someone_word(key);
    }
    if (whose) u->act = READER_SMALLTALK, u->hearsay = 1;
}

/* "My ex, Marit, still calls round", "my little brother, Arlo, ...": a name set off by
 * commas right after "my" and a word for someone of the user's (past words of size and
 * age) is that one's name told in passing, when the reader marked none (u->name). */
static void named_aside(const char *text, understood_t *u)
{
    static const char *const sizes[] = {"little", "big", "older", "younger", "baby", "eldest",
                                        "oldest", "youngest", "twin", "new", NULL};
    if (u->name[0] || u->rel == READER_REL_NAME || !u->holder[0] ||
        !strcmp(u->holder, "self"))
        return;
    const char *my = checks_word_at(text, "my");
    if (!my) return;
    const char *p = my + 2;
    char w[UNDERSTAND_KEY], key[UNDERSTAND_KEY];
    const char *end = checks_word_after(p, w, sizeof w);
    while (understand_in_list(sizes, w)) end = checks_word_after(p = end, w, sizeof w);
    understand_holder_of(w, key, sizeof key);
    if (!key[0] || strcmp(key, u->holder) != 0 ||
        !(understand_kin(key) || dialogue_pet_word(key) || checks_someone_word(key)))
        return;
    while (*end == ' ') end++;
    if (*end != ',') return;
    end++;
    while (*end == ' ') end++;
    size_t n = 0;
    while (end[n] && (isalpha((unsigned char)end[n]) || (unsigned char)end[n] >= 0x80 ||
                      end[n] == '-' || end[n] == '\''))
        n++;
    const char *after = end + n;
    while (*after == ' ') after++;
    char name[UNDERSTAND_KEY];
    snprintf(name, sizeof name, "%.*s", (int)n, end);
    if (n < 2 || *after != ',' || !isupper((unsigned char)name[0]) || lex_is_stopword(name) ||
        understand_kin(name))
        return;
    snprintf(u->name, sizeof u->name, "%s", name);
}

/* "the landlord is a guy named Olek", "my boss is this woman called Ines": a name told
 * of a word for any person ("guy", "woman") after "<someone> is a" is that someone's. */
static void one_called(const char *text, understood_t *u)
{
    static const char *const anyone[] = {"guy", "man", "woman", "girl", "lady", "bloke",
                                         "chap", "fella", "fellow", "dude", "person", "lad",
                                         "gentleman", NULL};
    if (u->rel != READER_REL_NAME || !u->value[0] || !checks_in_words(anyone, u->holder))
        return;
    char buf[256];
    const char *w[32];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 32);
    for (int k = 0; k + 3 < n; k++) {
        if (strcmp(w[k + 1], "is") != 0 || (strcmp(w[k + 2], "a") != 0 &&
                                             strcmp(w[k + 2], "this") != 0))
            continue;
        char key[UNDERSTAND_KEY];
        understand_holder_of(w[k], key, sizeof key);
        if (strcasecmp(w[k + 3], u->holder) != 0 || checks_in_words(anyone, key) ||
            !checks_someone_word(key))
            continue;
        snprintf(u->holder, sizeof u->holder, "%s", key);
        u->personal = 1;
        return;
    }
}

/* Whose a clause is by its words: the holder resolved by name, one of a group, "I work
 * ...", a job said before a place, a diet read as a job, a workplace moved, "mum of two", a
 * number of years opening a note, a Chinese yes/no of a told value, and the clause's own
 * earlier units. */
int checks_whose_by_words(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    said_by_them(f, text, u);
    facts_resolve_holder(f, text, u);
    one_of_group(msg, told, i, text, u);
    named_aside(text, u);
    one_called(text, u);
    /* "i work sundays at a food truck called Wok On" read as the truck's employer:
     * a clause that opens with the user working tells where they work */
    static const char *const i_work[] = {"i work ", "i'm working ", "im working ",
                                         "i am working ", NULL};
    int opens_working = 0;
    for (int k = 0; i_work[k] && !opens_working; k++)
        opens_working = !strncasecmp(text, i_work[k], strlen(i_work[k]));
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && opens_working &&
        (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) && u->value[0] &&
        strcmp(u->holder, "self") != 0 && !checks_someone_word(u->holder) &&
        !dialogue_pet_word(u->holder)) {
        snprintf(u->holder, sizeof u->holder, "self");
        u->personal = 1;
        if (u->act == READER_CORRECTION && !u->old[0]) u->act = READER_FACT;
    }
    /* "I'm second engineer on a dredger" read with the job "dredger": a job that
     * is no person, said after a person's word and "on", "at" or "for", is that person's
     * words ("chief engineer") */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_JOB &&
        !strcmp(u->holder, "self") && u->value[0] && !strchr(u->value, ' ') &&
        !kinds_person(u->value))
        job_before_place(text, u);
    /* "jess went full vegan" read as the job "went full vegan": a diet's word ending it
     * is a diet */
    const char *diet_w = strrchr(u->value, ' ');
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_JOB &&
        diet_w && checks_in_words(understand_diet_words, diet_w + 1)) {
        memmove(u->value, diet_w + 1, strlen(diet_w + 1) + 1);
        u->rel = READER_REL_DIET;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_DIET));
    }
    /* "we shifted the bakery to Ely": the place one works moved, not the home */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_HOME &&
        !strcmp(u->holder, "self") && u->value[0] && checks_moved_work(text)) {
        u->rel = READER_REL_WORKPLACE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
        u->settled = 1;
        u->fact_min_p = 0;
    }
    if (parent_of(text, u->holder)) {       /* "41, mum of two": the user, a mum */
        snprintf(u->holder, sizeof u->holder, "self");
        u->personal = 1;
    }
    /* "41, mum of two, ...": a number of years opening a note of the user's, read with
     * no relation, is their age */
    long opening_years;
    if (u->act == READER_FACT && !strcmp(u->holder, "self") && !u->relation[0] &&
        u->value[0] && !strncmp(text, u->value, strlen(u->value)) &&
        text[strlen(u->value)] == ',' && understand_number(u->value, &opening_years) &&
        opening_years >= CHECKS_MIN_USER_AGE && opening_years <= CHECKS_MAX_AGE) {
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
    }
    /* 我是在温州开面馆吗: a Chinese yes or no that holds a value told of its holder and
     * relation (开面馆), and no word its sentence did not say (台州), asks of that value,
     * whatever characters the reader cut */
    quote_zh_t asked;
    if (u->act == READER_YESNO && checks_chinese(text))
        quote_zh_asked(&asked, text, strlen(text), NULL);
    for (size_t m = 0; u->act == READER_YESNO && checks_chinese(text) && m < f->n; m++)
        if (facts_same_holder(f->v[m].holder, u->holder) &&
            facts_same_relation(f->v[m].relation, u->relation) &&
            strcmp(f->v[m].value, FACTS_ENDED) != 0 && strlen(f->v[m].value) >= 6 &&
            strstr(text, f->v[m].value) && f->v[m].text &&
            quote_zh_held(&asked, f->v[m].text, strlen(f->v[m].text)) == asked.nch)
            snprintf(u->value, sizeof u->value, "%s", f->v[m].value);
    facts_resolve_told(told, i, text, u);
    return 0;
}

/* Holders that are no one: a word of an address, of chat, of which one, a verb in -ed, whom
 * a greeting calls, "will" before "I"; "my husband's switched" is the husband's. */
int checks_holder_no_one(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    /* "delete my postal address": a word of the address is no one's, the user's home;
     * nor is a word of chat ("news, ok: they moved me ..."), a word that says which of
     * a thing ("what is my present car?") or a verb read as a holder ("I swapped the
     * Corolla and leased a Kuga": told with no word of whose before it) */
    static const char *const of_address[] = {"street", "home", "postal", "mailing", "house",
                                             "full", "physical", "billing", NULL};
    static const char *const none_held[] = {"eh", "update", "news", "ok", "okay", "so", "well",
                                         "anyway", "lol", "haha", "oh", "um", "hmm", "yeah",
                                         "yes", "no", "right", "btw", "current", "present",
                                         "new", "old", "former", "previous", "usual", NULL};
    static const char *const whose[] = {"my", "our", "his", "her", "their", "the", "a", "an",
                                        "your", NULL};
    size_t hl = strlen(u->holder);
    char before_holder[UNDERSTAND_KEY] = "";
    const char *held = hl > 2 && !strchr(u->holder, ' ') ? checks_word_at(text, u->holder) : NULL;
    if (held) checks_word_before(text, held, before_holder, sizeof before_holder);
    /* "heyy babe, barber in leith": whom a greeting calls is the listener, the
     * facts the speaker's */
    char greeted[UNDERSTAND_KEY];
    snprintf(greeted, sizeof greeted, "%.*s", (int)strcspn(u->holder, " "), u->holder);
    int hailed = strchr(u->holder, ' ') && understand_in_list(understand_greetings, greeted);
    /* "how long will I have lived here by June?": "will" before "I" is no one (Will is) */
    static const char *const aux_words[] = {"will", "would", "can", "could", "shall", "should",
                                           "must", "might", NULL};
    char aux_i[UNDERSTAND_KEY + 4];
    snprintf(aux_i, sizeof aux_i, "%s i", u->holder);
    int aux_held = checks_in_words(aux_words, u->holder) && facts_has_words(text, aux_i);
    if ((u->rel == READER_REL_HOME && understand_in_list(of_address, u->holder)) ||
        understand_in_list(none_held, u->holder) || aux_held || hailed ||
        (held && !strcmp(u->holder + hl - 2, "ed") && !checks_someone_word(u->holder) &&
         !kinds_animal(u->holder) && !checks_in_words(whose, before_holder) &&
         !isupper((unsigned char)u->holder[0]))) {     /* (a name keyed so: "Ned") */
        snprintf(u->holder, sizeof u->holder, "self");
        if (hailed) u->personal = 1;
    }
    /* "my husband's switched careers" read with the holder "husband switched": "'s"
     * before a verb of the past is "has", and the holder is the one before it */
    const char *sp = strrchr(u->holder, ' ');
    size_t tail = sp ? strlen(sp + 1) : 0;
    if (sp && tail > 3 && !strcmp(sp + 1 + tail - 2, "ed") && !strchr(sp + 1, '\'')) {
        char first[UNDERSTAND_KEY];
        snprintf(first, sizeof first, "%.*s", (int)(sp - u->holder), u->holder);
        if (checks_someone_word(first) || dialogue_pet_word(first)) {
            snprintf(u->holder, sizeof u->holder, "%s", first);
            u->personal = 1;
        }
    }
    return 0;
}

/* Pronouns and names: "he/she" subjects, pronouns of earlier clauses, news of work with
 * "now", a told name opening the clause, "forget her", named before, things named, an
 * animal's "job" that is its name, relation words, living, kinds, a value holding its
 * holder's own name, a name said with a word of kin after it. */
int checks_whose_by_pronoun(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    /* "now he is doing an MBA" read as the user's: a clause whose subject is "he" or "she"
     * (past fillers) and that says nothing of the speaker is theirs */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && !strcmp(u->holder, "self") &&
        u->value[0]) {
        const char *third = third_subject(text);
        if (third) snprintf(u->holder, sizeof u->holder, "%s", third);
    }
    /* "my aunt is 70, they both still farm near Tulsa": a fact of the user's whose
     * value's own part of the clause (back to a comma) opens with "they" is of others
     * the clause cannot say which of: chat; with "he" or "she", theirs */
    const char *val = (u->act == READER_FACT || u->act == READER_CORRECTION) &&
                              !strcmp(u->holder, "self") && u->value[0]
                          ? checks_word_at(text, u->value)
                          : NULL;
    if (val) {
        const char *part = val;
        while (part > text && !strchr(",;", part[-1])) part--;
        char lead[512];
        snprintf(lead, sizeof lead, "%.*s", (int)(val - part), part);
        const char *who = third_subject(lead);
        static const char *const they[] = {"they", "they're", "theyre", NULL};
        char first[UNDERSTAND_KEY] = "";
        sscanf(lead, "%63s", first);
        for (char *q = first; *q; q++) *q = (char)tolower((unsigned char)*q);
        int where = u->rel == READER_REL_HOME || u->rel == READER_REL_WORKPLACE ||
                    u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_JOB ||
                    u->rel == READER_REL_SCHOOL;   /* (not "they call me Bo") */
        if (understand_in_list(they, first) && where)
            u->act = READER_SMALLTALK;
        else if (who && part > text)
            snprintf(u->holder, sizeof u->holder, "%s", who);
    }
    if (understand_pronoun(u->holder)) facts_resolve_holder(f, msg, u);
    /* "Mia's got into the orchestra, she plays the violin": a pronoun still left is the
     * one (by name or kin) an earlier clause of the message told of, known now as the
     * user's (the units are settled in order) */
    for (int j = i - 1; j >= 0 && understand_pronoun(u->holder) && !u->personal; j--)
        if (told[j].at != u->at && told[j].personal &&
            (told[j].act == READER_FACT || told[j].act == READER_CORRECTION) &&
            (isupper((unsigned char)told[j].holder[0]) || understand_kin(told[j].holder))) {
            memcpy(u->holder, told[j].holder, sizeof u->holder);
            u->personal = 1;
        }
    facts_resolve_pronoun(f, u);
    /* "he's at Tesco now" of a boyfriend who works at Greggs: a new place of work of one
     * whose work is told, said with "now", is news, not chat */
    if ((u->act == READER_SMALLTALK || u->act == READER_FACT) && u->value[0] &&
        (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
        facts_has_words(text, "now") && u->personal &&
        (facts_find(f, u->holder, reader_rel_name(READER_REL_EMPLOYER), NULL) ||
         facts_find(f, u->holder, reader_rel_name(READER_REL_WORKPLACE), NULL))) {
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->settled = 1;
    }
    /* "ah hang on, Ingrid moved to Porto" read as the user's: a fact of the user's whose
     * clause opens (past chat) with the told name of someone of theirs and a verb, no
     * word of the user's before it, is that one's */
    const char *whose_name = (u->act == READER_FACT || u->act == READER_CORRECTION) &&
                                     !strcmp(u->holder, "self")
                                 ? checks_told_name_opens(f, text)
                                 : NULL;
    if (whose_name) snprintf(u->holder, sizeof u->holder, "%s", whose_name);
    /* "About Ines. Forget her.": a request to forget someone by a pronoun is of the
     * person of the user's the message names first */
    static const char *const them[] = {"her", "him", "them", "她", "他", "它", NULL};
    if (u->act == READER_FORGET && checks_holds_any(text, them)) {
        const char *whose = NULL, *first = NULL;
        for (size_t m = 0; m < f->n; m++) {
            const char *at = facts_rel_of(f->v[m].relation) == READER_REL_NAME &&
                                     strcmp(f->v[m].holder, "self") != 0 &&
                                     strcmp(f->v[m].value, FACTS_ENDED) != 0
                                 ? checks_word_at(msg, f->v[m].value) : NULL;
            if (at && (!first || at < first)) first = at, whose = f->v[m].holder;
        }
        if (whose) snprintf(u->holder, sizeof u->holder, "%s", whose);
        if (whose && checks_in_words(them, u->value)) u->value[0] = u->relation[0] = '\0';
    }
    if (understand_pronoun(u->holder) && u->act == READER_FACT && u->rel == READER_REL_NAME)
        named_before(msg, u);
    thing_named(text, told, i, u);
    /* "I have a gecko, Sir Wobble" read as the gecko's job: an animal's "job" with a
     * capital is its name */
    if (u->act == READER_FACT && u->rel == READER_REL_JOB && isupper((unsigned char)u->value[0]) &&
        (dialogue_pet_word(u->holder) || kinds_animal(u->holder))) {
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    facts_resolve_relation_words(f, u);
    /* "live in North Shields with my nana" read with the open relation "live": a home */
    static const char *const living_rel[] = {"live", "lives", "living", "lived", NULL};
    if (u->rel == READER_REL_OPEN && understand_in_list(living_rel, u->relation) &&
        isupper((unsigned char)u->value[0])) {      /* (not "living inside the fan") */
        u->rel = READER_REL_HOME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOME));
    }
    facts_resolve_kind(f, u);
    if (u->act == READER_QUESTION || u->act == READER_YESNO) {
        facts_resolve_kin_of_kind(f, u);
        facts_resolve_by_kind_said(f, text, u);     /* "is my whippet 6?" */
    }
    /* "Piotr changed his mind, he'll study history": a value that holds its holder's own
     * name is the reader's slip ("Piotr changed"), not a value */
    const char *own_name = strcmp(u->holder, "self") ? facts_name_of(f, u->holder) : NULL;
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel != READER_REL_NAME &&
        own_name && u->value[0] && strchr(u->value, ' ') && facts_has_words(u->value, own_name)) {
        u->value[0] = '\0';
        if (u->act == READER_FACT) u->act = READER_SMALLTALK;
    }
    /* "Keisha cousin gone Brooklyn" read as the partner Keisha's name "Brooklyn": a new
     * name of one whose told name the clause says with a word of kin after it ("Keisha
     * cousin", "Keisha's cousin") is another's, not theirs */
    const char *name_said_at = own_name && u->act == READER_FACT && u->rel == READER_REL_NAME &&
                                   u->value[0] && !facts_same_value(own_name, u->value) &&
                                   !facts_has_words(u->value, own_name)
                               ? checks_word_at(text, own_name)
                               : NULL;
    if (name_said_at) {
        char kin[UNDERSTAND_KEY];
        const char *after = name_said_at + strlen(own_name);
        if (!strncmp(after, "'s", 2)) after += 2;
        checks_word_after(after, kin, sizeof kin);
        if (checks_someone_word(kin)) u->act = READER_SMALLTALK;
    }
    return 0;
}

/* Whose a Chinese fact is: the speaker's by 我 or by words said of oneself, where one is and
 * does or lives. */
/* The bytes of an age in Chinese numerals and its comma that open a note's clause
 * (三十一，在温州…), else 0. */
static size_t note_age(const char *text)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九",
                                          "十", NULL};
    size_t n = 0;
    for (int more = 1; more && n < 9;) {
        more = 0;
        for (int k = 0; digits[k] && !more; k++) more = !strncmp(text + n, digits[k], 3);
        if (more) n += 3;
    }
    return n && !strncmp(text + n, "，", 3) ? n + 3 : 0;
}

int checks_chinese_own(checks_clause_t *c, understood_t *u)
{
    const char *msg = c->msg;
    const char *text = c->text;
    /* a Chinese fact names whose it is: the speaker (我) or someone, or a word that is
     * said of oneself without 我 (老家在西安, 周末喜欢去游泳); "新年快乐" wishes a good
     * weekend */
    static const char *const of_oneself[] = {"老家", "喜欢", "最爱", "爱吃", "生日", "过敏",
                                             "住在", "上班", "岁", NULL};
    int oneself = 0;
    for (int i = 0; of_oneself[i] && !oneself; i++) oneself = strstr(text, of_oneself[i]) != NULL;
    /* "在昆明送外卖": a clause that opens with where one is and what one does there tells
     * the speaker's work, however the reader read its act */
    static const char *const here_opens[] = {"在", "现在在", "目前在", "以前在", "之前在",
                                             "退休前在", NULL};
    int here_doing = 0;         /* (and where one worked before retiring: ...干了二十来年) */
    const char *from = text + note_age(text);  /* (三十一，在温州一家厂里当焊工) */
    for (int k = 0; here_opens[k] && checks_chinese(text) && !here_doing; k++)
        here_doing = !strncmp(from, here_opens[k], strlen(here_opens[k]));
    int here_living = checks_chinese(text) && (!strncmp(text, "住", 3) || !strncmp(text, "现在住", 9) ||
                                        !strncmp(text, "目前住", 9));  /* 现在住江宁 */
    if (((here_doing && (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_JOB)) ||
         (here_living && u->rel == READER_REL_HOME)) &&
        u->act == READER_SMALLTALK && !strcmp(u->holder, "self") && u->value[0] &&
        checks_fits(u->rel, u->holder, u->value)) {
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->personal = 1;
    }
    oneself |= (u->rel == READER_REL_AGE && note_age(text)) ||
               (here_doing && (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_JOB)) ||
               (here_living && u->rel == READER_REL_HOME);
    oneself |= u->rel == READER_REL_HOMETOWN && checks_chinese(text) &&   /* "，苏州人，" */
               forms_zh_people_of(text, strlen(text));
    /* "我叫周涛，…，开了八年货车", "现在改开面馆了": a trade run (forms_zh.c) in the
     * message of one who names themselves, or changed to with no one else named, is their
     * own work */
    oneself |= u->rel == READER_REL_JOB && !strncmp(u->value, "开", strlen("开")) &&
               (strstr(msg, "我叫") || strstr(msg, "我是") ||      /* (not 赵斌's) */
                ((strstr(text, "改") || strstr(text, "现在")) && !strstr(msg, "他") &&
                 !strstr(msg, "她")));

    if (u->act == READER_FACT && checks_chinese(text) && !strcmp(u->holder, "self") &&
        !strstr(text, "我") && !oneself && !forms_zh_goes_on(msg, u->at))
        u->act = READER_SMALLTALK;
    return 0;
}

/* Whom one sees or dates is one's partner; a home told after moving out is the speaker's. */
int checks_whose_by_phrase(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *text = c->text;
    /* "the lad I'm seeing, what's he called?", "what does the girl I'm dating do?":
     * whom one sees is one's boyfriend, girlfriend or partner, whichever was told */
    static const char *const seeing[] = {"i was seeing", "i'm seeing", "im seeing",
                                         "i am seeing", "i've been seeing", "i was dating",
                                         "i'm dating", "im dating", "i am dating", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && checks_holds_any(text, seeing)) {
        static const char *const partners[] = {"boyfriend", "girlfriend", "partner", NULL};
        const char *who = "partner";
        for (int k = 0; partners[k]; k++)
            if (facts_find(f, partners[k], NULL, NULL)) who = partners[k];
        snprintf(u->holder, sizeof u->holder, "%s", who);
        u->personal = 1;
        if (u->rel == READER_REL_EMPLOYER && facts_has_words(text, "for a living"))
            u->rel = READER_REL_JOB;
        if (facts_has_words(text, "name") || facts_has_words(text, "called") ||
            !strncasecmp(text, "who", 3))
            u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(u->rel));
        u->value[0] = '\0';
    }
    /* "moved out of my mum's, living in Leeds now": a home told by a clause that opens
     * with moving or living, no one named before it, is the speaker's (the one moved out
     * from is not who lives there now) */
    static const char *const moving[] = {"moved", "moving", "living", "just", "finally",
                                         "now", "so", "and", "ok", NULL};
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_HOME &&
        strcmp(u->holder, "self") != 0) {
        char buf[256];
        const char *w[8];
        int n = understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 8), k = 0;
        while (k < n && understand_in_list(moving, w[k])) k++;
        if (k > 0 && k < n && (!strcmp(w[k - 1], "moved") || !strcmp(w[k - 1], "moving")) &&
            !strcmp(w[k], "out"))
            checks_settle(u, u->act, "self", READER_REL_HOME, NULL, u->value);
    }
    return 0;
}

/* Whose what is kept is: bAbI's stories never say where one lives, a bare fact is the
 * speaker's, a named animal is a pet, one told of before, a respelling, a break-up ends the
 * named one. */
int checks_whose_kept(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const char *text = c->text;
    if (u->act == READER_SUMMARY &&
        ((u->rel == READER_REL_OPEN && u->relation[0]) ||
         ((unsigned char)text[0] >= 0xE0 && !forms_zh_asks_all(text, strlen(text)))))
        u->act = READER_QUESTION;       /* "你还记得我的地址吗？" asks for one thing */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !u->personal &&
        (people_only(u->rel) || (u->act == READER_QUESTION && facts_held(f, u->value)) ||
         (u->rel == READER_REL_HOME && (facts_has_words(text, "live") ||
                                        facts_has_words(text, "lives")))))
        u->personal = 1;                /* bAbI's stories say where one is, never lives */
    /* a fact told without a subject is the speaker's ("got a collie called Meg"): chat
     * drops the "I", stories of others name who; a correction of a value the user told
     * is the user's ("it's the 14th, not the 4th"), and so is one that spells a value
     * of the user's again */
    if (u->act == READER_FACT && u->bare && !u->personal && !understand_pronoun(u->holder))
        u->personal = 1;
    /* an animal given a name is someone's pet ("got two goats that sleep in the barn,
     * pickle and moss"): the stories name people, not pets */
    char herd[UNDERSTAND_KEY];
    if (u->act == READER_FACT && !u->personal && u->rel == READER_REL_NAME && u->value[0] &&
        (dialogue_pet_word(u->holder) || facts_group_animal(u->holder, herd, sizeof herd)[0]))
        u->personal = 1;
    /* "new manager is Maria" after "my manager is Dave": someone the user has told of
     * before is theirs */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && !u->personal &&
        u->holder[0] && strcmp(u->holder, "self") != 0 && !understand_pronoun(u->holder))
        for (size_t j = 0; j < f->n && !u->personal; j++)
            if ((u->personal = facts_same_holder(f->v[j].holder, u->holder)) &&
                isupper((unsigned char)f->v[j].holder[0]) && !strcasecmp(f->v[j].holder, u->holder))
                memcpy(u->holder, f->v[j].holder, strlen(u->holder));  /* "Mia", keyed so */
    if (u->act == READER_CORRECTION && u->value[0] && !u->personal &&
        facts_by_spelling(f, u->value))
        u->personal = 1;                /* "sorry it's Zac, no h" of the user's Zach */
    /* "Kyle and I broke up": an end with nothing named in its clause ends the fact of
     * the one of the user's people the message names, not the last fact told; a
     * break-up is such an end however the reader read it. An animal named beside it is
     * no one parted with ("we split up, Rolo stays with me, never mention him again") */
    static const char *const parting[] = {"broke up", "broken up", "split up", "divorced",
                                          "separated", NULL};
    int split = checks_has_part(text, parting);
    if ((split || (u->act == READER_CORRECTION && checks_says_ended(text))) && !u->old[0] &&
        (split || !u->value[0]))
        for (size_t j = f->n; j-- > 0 && !u->old[0];)
            if (facts_rel_of(f->v[j].relation) == READER_REL_NAME &&
                strcmp(f->v[j].holder, "self") != 0 && strlen(f->v[j].value) >= 3 &&
                !dialogue_pet_word(f->v[j].holder) && !kinds_animal(f->v[j].holder) &&
                facts_has_words(msg, f->v[j].value)) {
                snprintf(u->old, sizeof u->old, "%s", f->v[j].value);
                u->act = READER_CORRECTION;
                u->value[0] = '\0';
                u->personal = 1;
            }
    if (u->act == READER_CORRECTION && u->old[0] && !u->personal)
        for (size_t j = 0; j < f->n && !u->personal; j++)
            u->personal = facts_same_value(f->v[j].value, u->old) ||
                          facts_has_words(f->v[j].value, u->old);
    return 0;
}

/* One named after "with my" is not whom the clause tells of; a bare number is the user's
 * age. */
int checks_whose_with(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    /* "22, living in moseley with my parents" read as the parents': one of the user's
     * named only after "with" is whom they live or go with, not whom the clause tells of
     * (but "with my housemates Olu and Bea" names them); "58", "12 🌻" alone, read as an
     * age told in passing, is the user's age */
    const char *value_at = u->value[0] ? checks_word_at(text, u->value) : NULL;
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel != READER_REL_NAME &&
        !u->name[0] && value_at && strcmp(u->holder, "self") != 0 &&
        (!strchr(u->holder, ' ') || !strcmp(u->holder, "in laws"))) {
        char buf[512];
        const char *w[64];
        char told[512];         /* (only a value told before "with my X" is in question) */
        snprintf(told, sizeof told, "%s", value_at);
        char subject[512];      /* (and only of the user: "he lives in Girona with our
                                 * son" is the ex-husband's) */
        snprintf(subject, sizeof subject, "%.*s", (int)(value_at - text), text);
        static const char *const third[] = {"she", "he", "they", "she's", "he's", "shes",
                                            "hes", "they're", NULL};
        int of_another = 0;
        for (int k = 0; third[k] && !of_another; k++)
            of_another = facts_has_words(subject, third[k]);
        int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64), with = 0,
            said = 0, after = 0;
        for (int k = 0; k < n; k++) {
            char key[UNDERSTAND_KEY];
            understand_holder_of(w[k], key, sizeof key);
            if (!facts_same_holder(key, u->holder)) continue;
            said++;
            with += k >= 2 && (!strcmp(w[k - 1], "my") || !strcmp(w[k - 1], "our")) &&
                    (!strcmp(w[k - 2], "with") || !strcmp(w[k - 2], "w"));
        }
        char key[UNDERSTAND_KEY];       /* the holder's word said after the value */
        n = understand_split_words(told, " ,.;:!?()", buf, sizeof buf, w, 64);
        for (int k = 0; k < n && !after; k++) {
            understand_holder_of(w[k], key, sizeof key);
            after = facts_same_holder(key, u->holder);
        }
        if (said && with == said && after && !of_another)
            snprintf(u->holder, sizeof u->holder, "self");
    }
    if ((u->act == READER_SMALLTALK || u->act == READER_FACT) && u->rel == READER_REL_AGE &&
        !strcmp(u->holder, "self") &&
        isdigit((unsigned char)u->value[0]) && strspn(u->value, "0123456789") == strlen(u->value) &&
        atoi(u->value) >= 5 && atoi(u->value) <= 110) {
        size_t k = 0, digits = 0, other = 0;
        for (; text[k]; k++) {
            unsigned char ch = (unsigned char)text[k];
            if (isdigit(ch)) digits++;
            else if (isalpha(ch) || ch == '-' || ch == '+') other++;     /* ("-25": cold) */
        }
        if (!other && digits == strlen(u->value)) {
            u->act = READER_FACT;
            u->personal = 1;
            u->fact_min_p = 0;
        }
    }
    return 0;
}

/* A name in a sentence of a group of the user's is theirs; a message of short pieces read
 * by its list. */
int checks_groups_and_pieces(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    /* "Got two kids, Mirela's 10 and Jonah's 6": an age or a name of one named with a
     * capital, in a sentence that tells of a group of the user's own ("my cousins", "got
     * two kids", "our boys"), is one of theirs */
    static const char *const owning[] = {"my", "our", "me", "got", "have", "two", "three",
                                         "four", "five", "2", "3", "4", "5", NULL};
    const char *named_at = (u->act == READER_FACT || u->act == READER_SMALLTALK) &&
                                   !u->personal && !strchr(u->holder, ' ') &&
                                   (u->rel == READER_REL_AGE || u->rel == READER_REL_NAME) &&
                                   u->value[0] && !checks_someone_word(u->holder) &&
                                   strcmp(u->holder, "self") != 0
                               ? checks_word_at(text, u->holder)
                               : NULL;
    if (named_at && isupper((unsigned char)*named_at)) {
        size_t sb, se;
        clauses_sentence(msg, u->at, u->len, &sb, &se);
        char sentence[512], sbuf[512];
        snprintf(sentence, sizeof sentence, "%.*s", (int)(se - sb), msg + sb);
        const char *sw[64];
        int ns = understand_split_words(sentence, " ,.;:!?()", sbuf, sizeof sbuf, sw, 64);
        for (int k = 1; k < ns && !u->personal; k++)
            if (understand_in_list(understand_people_groups, sw[k]) &&
                understand_in_list(owning, sw[k - 1])) {
                u->personal = 1;
                u->act = READER_FACT;
                memcpy(u->holder, named_at, strlen(u->holder));    /* as written: "Mirela" */
            }
    }
    /* "Halvard. 61. Cooper. Skien.", "got a ferret. Biscuit. 3 yrs old.": a piece of a
     * message told as a list of short pieces, read by its place in the list */
    pieces_fact_t piece;
    if (pieces_read(f, msg, told, i, u, &piece))
        checks_settle(u, READER_FACT, piece.holder, piece.rel, NULL, piece.value);
    return 0;
}
