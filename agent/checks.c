/* checks.c: the reader's reading of a clause checked against the clause's form and the
 * user's facts before the plan (respond.c) acts on it (checks.h). The reader decides;
 * these are the few things its output cannot mean: a clause that asks is not written or
 * executed, deleting and ending must be said in words, a value must be able to be of its
 * relation, and whose a clause is follows from who it names. */
#include "agent/checks.h"
#include "agent/compare.h"
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/pieces.h"
#include "agent/realise.h"
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
#include "model/vocab.h"

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
 * question mark asks; it is never a forget request or a task refused ("what sport have I
 * taken up?" must not delete the sport). */
static int opens_question(const char *text)
{
    while (*text && !isalpha((unsigned char)*text)) text++;
    char w[16];
    size_t n = 0;
    while (n + 1 < sizeof w && (isalpha((unsigned char)text[n]) || text[n] == '\''))
        w[n] = (char)tolower((unsigned char)text[n]), n++;
    w[n] = '\0';
    return understand_question_word(w);
}

/* 1 when text asks mnemo to tell ("do you remember my name?", "can you recall ..."): a
 * verb and "you" open it; it asks what, not yes or no. */
static int asks_you(const char *text)
{
    char buf[256];
    const char *w[8];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 8);
    return n >= 2 && (!strcasecmp(w[1], "you") || !strcasecmp(w[1], "u"));
}

/* Words for one's work, asked as a relation or a holder ("my occupation?", "what is my
 * craft?"): the user's job. */
static const char *const posts[] = {"job", "role", "position", "occupation", "profession",
                                    "career", "post", "title", "business", "craft", "trade",
                                    "work", NULL};

/* 1 when any word of text is a question word ("what", "where's", "how"). */
static int asks_which(const char *text)
{
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 96);
    for (int i = 0; i < n; i++) {
        char low[16];
        size_t k = 0;
        for (; w[i][k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)w[i][k]);
        low[k] = '\0';
        if (understand_question_word(low) == 2) return 1;
    }
    return 0;
}

/* 1 when w is one of list, without case. */
static int in_words(const char *const *list, const char *w)
{
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(list[i], w)) return 1;
    return 0;
}

/* Where what a clause that opens with "it's", "its" or "it is" (past fillers) names
 * begins, else NULL: such a clause only names. */
static const char *opens_with_it(const char *text)
{
    static const char *const opens[] = {"it's ", "its ", "it is ", "it’s ", NULL};
    while (*text && !isalpha((unsigned char)*text)) text++;
    for (int i = 0; opens[i]; i++)
        if (!strncasecmp(text, opens[i], strlen(opens[i]))) return text + strlen(opens[i]);
    return NULL;
}

int checks_recalls(const char *text)
{
    static const char *const fillers[] = {"wait", "ah", "oh", "ok", "okay", "so", "hold",
                                          "hang", "on", "sorry", "hmm", "um", "umm", "no",
                                          "nope", "earlier", "before", "previously", "yeah",
                                          "right", "actually", "oops", "and", "but", "well",
                                          "btw", "correction", NULL};
    static const char *const wrote[] = {"wrote", "typed", "put", NULL};
    char buf[512], *w[12];
    int n = understand_split_words(text, " ,.;:!?-", buf, sizeof buf, (const char **)w, 12);
    int k = 0;
    while (k < n && understand_in_list(fillers, w[k])) k++;
    if (k + 1 < n && !strcmp(w[k], "i") && (understand_in_list(understand_recall_verbs, w[k + 1]) ||
                                               understand_in_list(wrote, w[k + 1]))) return 1;
    return k < n && (!strcmp(w[k], "i'd") || !strcmp(w[k], "id")) && k + 2 < n &&
           !strcmp(w[k + 1], "said");
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
 * it must say so ("she's destroying everything in the garden" read as one deletes
 * nothing). */
static int says_forget(const char *text)
{
    static const char *const stems[] = {"forget", "delete", "remove", "erase", "wipe",
                                        "remember", "unlearn", "scratch", "memory", "drop", "忘",
                                        "删", "清除", NULL};
    return has_part(text, stems) || forms_zh_forgets(text, strlen(text));
}

/* 1 when a value can be of relation class rel of holder: a kind or breed is an animal's
 * or a thing's, never the user's ("I'm an actuary at [Aviva]"); a value is not its
 * holder; a name or a job has no digits ("a size [11 shoe]"); a person, place or job is
 * more than one CJK character, and a CJK value does not start with a function character;
 * the user's own age in digits is from CHECKS_MIN_USER_AGE to CHECKS_MAX_AGE; a place,
 * firm or job is no month, day, animal or kin word, a home no kind of person typed small
 * ("student"), a job no word for one ("jobs"); no
 * value ends with a word that leads into another ("a lot of"). The reader's misreads,
 * not facts. */
int checks_fits(int rel, const char *holder, const char *value)
{
    if (rel == READER_REL_KIND && !strcmp(holder, "self")) return 0;
    /* no one is a function character (们 of 我们打算) */
    if ((unsigned char)holder[0] >= 0xE0 && strlen(holder) == 3 &&
        (lex_cjk_stop(holder) || !strcmp(holder, "们")))
        return 0;
    if (facts_same_value(value, holder)) return 0;  /* "[my sister] is [sister]" */
    /* one keyed by their name ("Daniela", facts.c) is named already: "Daniela's party is
     * in June" names no one June */
    if (rel == READER_REL_NAME && isupper((unsigned char)holder[0]) && !strchr(holder, ' ') &&
        !understand_kin(holder) && !understand_group_key(holder) &&
        !dialogue_pet_word(holder) && !kinds_person(holder))
        return 0;
    /* "we had 30 people at the party": a number of things or people is no age */
    static const char *const counted[] = {"people", "guests", "kids", "children", "times",
                                          "hours", "minutes", "days", "weeks", "percent",
                                          "miles", "km", "head", "sheep", "cows", NULL};
    const char *space = strrchr(value, ' ');
    if (rel == READER_REL_AGE && isdigit((unsigned char)value[0]) && space &&
        in_words(counted, space + 1))
        return 0;
    /* "Back again": a word of where or which way that WordNet also has for a person
     * (a back, a forward) is no job alone */
    static const char *const ways[] = {"back", "forward", "home", "right", "left", "out",
                                       "inside", "outside", NULL};
    if (rel == READER_REL_JOB && in_words(ways, value)) return 0;
    /* "large regular" (a coffee), "a Dunkin' guy", "a morning person": no job is told
     * by its size, nor is one by a name, an animal or a time of day and "guy" or
     * "person" (a delivery guy is one) */
    static const char *const sizes[] = {"large", "small", "medium", "big", "little", "huge",
                                        "tiny", NULL};
    static const char *const sorts[] = {"guy", "gal", "person", "type", NULL};
    static const char *const likings[] = {"morning", "night", "coffee", "tea", "beer", "wine",
                                          "people", "outdoors", "beach", "mountain", "city",
                                          "dog", "cat", "horse", NULL};
    char opening[32];
    snprintf(opening, sizeof opening, "%.*s", (int)strcspn(value, " "), value);
    const char *sort = strrchr(value, ' ');
    static const char *const did[] = {"went", "got", "made", "took", "came", "gone", "been",
                                      "was", "has", "had", "did", "does", "said", "says",
                                      NULL};
    if (rel == READER_REL_JOB && in_words(did, opening)) return 0;  /* "went full vegan" */
    if (rel == READER_REL_JOB && sort &&
        (in_words(sizes, opening) ||
         (in_words(sorts, sort + 1) && (isupper((unsigned char)value[0]) ||
                                        in_words(likings, opening) || kinds_animal(opening)))))
        return 0;
    /* "we moved house": a word for a home is no place one lives in */
    static const char *const homes[] = {"house", "home", "flat", "flats", "apartment",
                                        "place", "houses", "base", "bases", NULL};
    if ((rel == READER_REL_HOME || rel == READER_REL_HOMETOWN) && in_words(homes, value))
        return 0;
    /* nor a feature of the land said small ("across the river") */
    static const char *const land[] = {"river", "road", "street", "lake", "sea", "coast",
                                       "hill", "hills", "mountains", "woods", "forest",
                                       "field", "fields", "park", "bridge", "corner", "block",
                                       "border", "water", "bay", "beach", "valley", "port",
                                       "harbour", "harbor", NULL};
    if ((rel == READER_REL_HOME || rel == READER_REL_HOMETOWN) && in_words(land, value))
        return 0;
    /* nor is a state one is in ("I'm in heaven", "in bits") */
    static const char *const states[] = {"heaven", "hell", "love", "shock", "pain", "bed",
                                         "trouble", "tears", "bits", "pieces", "awe",
                                         "denial", "limbo", "paradise", "agony", "stitches",
                                         NULL};
    if ((rel == READER_REL_HOME || rel == READER_REL_WORKPLACE) && in_words(states, value))
        return 0;
    /* no one is called a word of time or place ("stays with my aunt right now"), nor a
     * number ("Aaliyah is sixteen") */
    static const char *const no_name[] = {"right", "now", "then", "there", "here", "today",
                                          "single", "engaged", "married", "divorced",
                                          "widowed", "separated", "pregnant", "retired",
                                          "unemployed", "skint", NULL};
    long number;
    if (rel == READER_REL_NAME && (in_words(no_name, value) || understand_number(value, &number)))
        return 0;
    /* nor, written small, a kind of animal or words of how many ("two rescue dogs, both
     * kelpie crosses, both ratbags") */
    static const char *const how_many[] = {"both", "all", "each", "every", "some", "any",
                                           NULL};
    char lead_word[16];
    snprintf(lead_word, sizeof lead_word, "%.*s", (int)strcspn(value, " "), value);
    if (rel == READER_REL_NAME && islower((unsigned char)value[0]) &&
        ((kinds_animal(value) && !understand_kin(holder)) || in_words(how_many, lead_word)))
        return 0;                       /* (a person's may: "my husband colt") */
    /* nor a measure of one word ("in a 10kg sack", "in 3rd place") */
    int digits = 0, letters = 0;
    for (const char *p = value; *p; p++)
        digits += isdigit((unsigned char)*p) != 0, letters += isalpha((unsigned char)*p) != 0;
    if ((rel == READER_REL_HOME || rel == READER_REL_HOMETOWN ||
         rel == READER_REL_WORKPLACE) && digits && letters && !strchr(value, ' '))
        return 0;
    /* one CJK character names no person, place or job (家 of 搬家), and no value starts
     * with a function character (们 of 我们) */
    if ((unsigned char)value[0] >= 0xE0 && strlen(value) == 3 && rel != READER_REL_AGE &&
        rel != READER_REL_OPEN)
        return 0;
    char first[4] = "";
    if ((unsigned char)value[0] >= 0xE0 && strlen(value) >= 3) {
        /* nor with a word that joins or places (跟中秋节), nor is it only a measure of
         * degree (一点 of 一点法语) */
        static const char *const joins[] = {"跟", "和", "与", "在", "把", "被", "从", NULL};
        static const char *const degrees[] = {"一点", "一些", "有点", "很多", "一点点", NULL};
        memcpy(first, value, 3);
        first[3] = '\0';
        if (lex_cjk_stop(first)) return 0;
        for (int i = 0; joins[i]; i++)
            if (!strcmp(first, joins[i])) return 0;
        for (int i = 0; degrees[i]; i++)
            if (!strcmp(value, degrees[i])) return 0;
    }
    if (rel == READER_REL_NAME || rel == READER_REL_JOB)
        for (const char *p = value; *p; p++)
            if (isdigit((unsigned char)*p)) return 0;
    /* a job is no word for a job ("he changed [jobs]") */
    static const char *const work_words[] = {"job", "jobs", "work", "career", "careers",
                                             "role", "roles", "position", "shift", "shifts",
                                             NULL};
    if (rel == READER_REL_JOB && in_words(work_words, value)) return 0;
    const char *tail = strrchr(value, ' ');     /* nor someone who is no trade ("huge fan";
                                                 * a "launch man" is one) */
    if (rel == READER_REL_JOB &&
        understand_in_list(understand_no_trade_words, tail ? tail + 1 : value) &&
        !(tail && (!strcmp(tail + 1, "man") || !strcmp(tail + 1, "woman") ||
                   !strcmp(tail + 1, "lady") || !strcmp(tail + 1, "guy"))))
        return 0;                       /* (a "dinner lady", a "lollipop lady" is one) */
    if (rel == READER_REL_JOB && !strcmp(value, "双胞胎")) return 0;   /* a twin is no job */
    /* a birthday says a day: a number, a month or a feast ("Deaf since childhood" says none) */
    if (rel == READER_REL_BIRTHDAY && (unsigned char)value[0] < 0x80) {
        static const char *const feasts[] = {"christmas", "xmas", "halloween", "easter",
                                             "valentine's", "valentines", "new", "today",
                                             "tomorrow", "yesterday", NULL};
        char buf[UNDERSTAND_VALUE];
        const char *w[16];
        int nw = understand_split_words(value, " ,.-/", buf, sizeof buf, w, 16), day = 0;
        for (int i = 0; i < nw && !day; i++)
            day = isdigit((unsigned char)w[i][0]) || understand_month(w[i]) ||
                  in_words(feasts, w[i]) || strstr(w[i], "teen") || strstr(w[i], "first") ||
                  strstr(w[i], "second") || strstr(w[i], "third") || strstr(w[i], "th");
        if (!day) return 0;
    }
    if (rel == READER_REL_LIKES && value[0] && strspn(value, "0123456789,.") == strlen(value))
        return 0;               /* "[like] 800 beside the kiln": no thing liked */
    /* a firm or a place is no measure ("for 9 km", "at 6am") */
    if ((rel == READER_REL_EMPLOYER || rel == READER_REL_WORKPLACE) &&
        isdigit((unsigned char)value[0])) {
        static const char *const units[] = {"km", "k", "miles", "mi", "kg", "kilos", "lbs",
                                            "metres", "meters", "m", "degrees", "am", "pm",
                                            "hrs", "mins", NULL};
        const char *w = value;
        while (isdigit((unsigned char)*w)) w++;
        while (*w == ' ') w++;
        if (!*w || (islower((unsigned char)*w) && (in_words(units, w) ||
                                                    understand_in_list(understand_time_units, w))))
            return 0;           /* (not "3M") */
    }
    /* nor says how (条路都熟, 累得很) */
    static const char *const how[] = {"都", "也", "很", "太", "得", NULL};
    for (int i = 0; rel == READER_REL_JOB && (unsigned char)value[0] >= 0xE0 && how[i]; i++)
        if (strstr(value, how[i])) return 0;
    if (rel == READER_REL_NAME && (unsigned char)value[0] < 0x80) {
        char key[UNDERSTAND_KEY];       /* "3 brothers and no [sisters]" names no one */
        understand_holder_of(value, key, sizeof key);
        if (understand_kin(key) || dialogue_pet_word(key)) return 0;
    }
    /* an age says a number ("34", "forty", "4 months", "mid-thirties", 三十) */
    if (rel == READER_REL_AGE && (unsigned char)value[0] < 0x80) {
        static const char *const stems[] = {"one", "two", "three", "four", "five", "six",
                                            "seven", "eight", "nine", "ten", "eleven",
                                            "twelve", "teen", "twent", "thirt", "fort",
                                            "fift", "sixt", "sevent", "eight", "ninet",
                                            "hundred", NULL};
        int number = 0;
        for (const char *p = value; *p && !number; p++) number = isdigit((unsigned char)*p);
        char low[UNDERSTAND_VALUE];
        size_t k = 0;
        for (; value[k] && k + 1 < sizeof low; k++)
            low[k] = (char)tolower((unsigned char)value[k]);
        low[k] = '\0';
        for (int i = 0; stems[i] && !number; i++) number = strstr(low, stems[i]) != NULL;
        if (!number) return 0;
        for (const char *p = value + 1; *p; p++)     /* a code ("C22", "P14") is no age */
            if (isdigit((unsigned char)*p) && isalpha((unsigned char)p[-1])) return 0;
        /* a measure is no age: "38 degrees", "30 km", "2 hours" ("4 months" is one) */
        char buf[UNDERSTAND_VALUE];
        const char *w[8];
        int nw = understand_split_words(low, " ,.-", buf, sizeof buf, w, 8);
        for (int i = 0; i < nw; i++)
            if (forms_unit(w[i]) == FORMS_UNIT_MEASURE) return 0;
        /* the user's own age, in digits, is a grown or teenage person's: "been there
         * about [5] years" is how long, not how old */
        const char *d = value;
        while (*d && !isdigit((unsigned char)*d)) d++;
        long years = *d ? strtol(d, NULL, 10) : -1;
        if (!strcmp(holder, "self") && years >= 0 && (years < CHECKS_MIN_USER_AGE ||
                                                      years > CHECKS_MAX_AGE))
            return 0;
    }
    /* a place, a firm or a job is no month or day ("moved to Derby back in March") */
    static const char *const days[] = {"today", "tomorrow", "yesterday", "tonight",
                                       "weekend", "weekends", NULL};
    if (rel == READER_REL_HOME || rel == READER_REL_HOMETOWN || rel == READER_REL_WORKPLACE ||
        rel == READER_REL_EMPLOYER || rel == READER_REL_JOB || rel == READER_REL_SCHOOL) {
        if (understand_month(value)) return 0;
        if (strspn(value, "0123456789") == strlen(value)) return 0;    /* "in 2019" */
        /* nor an animal or a kin word ("from dog", "works as a sister") */
        char key[UNDERSTAND_KEY];
        understand_holder_of(value, key, sizeof key);
        if (dialogue_pet_word(key) || understand_kin(key)) return 0;
        if (forms_language(value)) return 0;   /* "a bit of swahili" is no firm */
        /* nor is a home a kind of person typed small ("paying off my [student] loans") */
        if ((rel == READER_REL_HOME || rel == READER_REL_HOMETOWN) &&
            islower((unsigned char)value[0]) && !strchr(value, ' ') && kinds_person(value))
            return 0;
        if (understand_weekday(value) || in_words(days, value)) return 0;
    }
    /* no value ends with a word that leads into another ("an awful lot of", "the best
     * at"): the reader stopped short of the thing itself */
    static const char *const leads[] = {"of", "the", "a", "an", "to", "for", "with", "and",
                                         "or", "at", "in", "on", "my", "your", "our", "his",
                                         "her", "their", "from", "by", NULL};
    const char *last = strrchr(value, ' ');
    if (last && (unsigned char)value[0] < 0x80)
        for (int i = 0; leads[i]; i++)
            if (!strcasecmp(last + 1, leads[i])) return 0;
    /* a language spoken is a language: named with a capital, in Chinese, or one known
     * (understand_language: "french"), not "issues" of "trust issues" */
    const char *word = strrchr(value, ' ') ? strrchr(value, ' ') + 1 : value;
    if (rel == READER_REL_LANGUAGE && (unsigned char)value[0] < 0x80 &&
        !isupper((unsigned char)word[0]) && !forms_language(word))
        return 0;                       /* ("a bit of korean": korean) */
    /* a name or a home is no lower-case word of doing ("oops, I'm waffling", "she's
     * bringing cake"; a field one works in may be: "marketing") */
    size_t n = strlen(value), w1 = strcspn(value, " ");
    if ((rel == READER_REL_NAME || rel == READER_REL_HOME) && w1 >= 6 &&
        !strncmp(value + w1 - 3, "ing", 3) && islower((unsigned char)value[0]) &&
        (w1 == n || rel == READER_REL_NAME))
        return 0;                       /* (nor opens with one: "missing Oslo") */
    return 1;
}

/* Where value starts in text as whole words (without case), or NULL. */
static const char *word_at(const char *text, const char *value)
{
    return facts_words_at(text, value);
}

/* The word of text right before at (spaces skipped; letters, digits and apostrophes),
 * lower-cased into out ("" at the start). */
static void word_before(const char *text, const char *at, char *out, size_t cap)
{
    const char *e = at;
    while (e > text && e[-1] == ' ') e--;
    const char *b = e;
    while (b > text && (isalnum((unsigned char)b[-1]) || b[-1] == '\'')) b--;
    snprintf(out, cap, "%.*s", (int)(e - b), b);
    for (char *c = out; *c; c++) *c = (char)tolower((unsigned char)*c);
}

/* The word of letters at p (spaces skipped), lower-cased into out; returns where it
 * ends. */
static const char *word_after(const char *p, char *out, size_t cap)
{
    while (*p == ' ') p++;
    size_t n = 0;
    for (; isalpha((unsigned char)p[n]); n++)
        if (n + 1 < cap) out[n] = (char)tolower((unsigned char)p[n]);
    out[n + 1 < cap ? n : cap - 1] = '\0';
    return p + n;
}

/* How the job value is told in text (last: its last word): 1 as one is, by the words
 * right before it ("I'm a nurse", "she's a retired vet", "job is welder", "I am trek
 * guide"; "as a welder" after a word of work: "I work for Acme as a welder") or first in its sentence or after a comma as a kind of
 * person ("Dairy farmer in Sneek.", "Elif, freelance translator"); 0 as something else
 * ("not much of a cook", "snores like a train", "called a guy", "quick as a fox", "a
 * desk in the back office"); -1 when text does not hold the value as written. */
static int job_told_as_one(const char *text, const char *value, const char *last)
{
    static const char *const be[] = {"i'm", "im", "am", "is", "was", "are", "were", "be",
                                     "been", "being", "become", "became", "becomes",
                                     "becoming", "she's", "he's", "shes", "hes", NULL};
    static const char *const working[] = {"work", "works", "working", "worked", "job",
                                          "employed", "hired", "started", "starting", "start",
                                          "trained", "training", "qualified", "retired",
                                          "serve", "serves", "serving", "volunteer",
                                          "volunteers", "volunteering", "living", "joined",
                                          "promoted", "years", "decades", "career", NULL};
    /* words of now and also between a form of be and the job ("I'm now a winemaker") */
    static const char *const now[] = {"now", "also", "still", "currently", "just", "actually",
                                      "already", "officially", "finally", "only", NULL};
    /* words of a change before "to" ("promoted to head baker", "moved from sales to
     * buyer") */
    static const char *const changed[] = {"promoted", "moved", "switched", "changed",
                                          "retrained", "transferred", "demoted", NULL};
    static const char *const articles[] = {"a", "an", "the", NULL};
    const char *at = word_at(text, value);
    if (!at) return -1;
    size_t vl = strlen(value);
    if (at[vl] == '-' && isalnum((unsigned char)at[vl + 1])) return 0;  /* "third-year" */
    char before[512];           /* "I work for Vattenfall as a welder": of work before "as" */
    snprintf(before, sizeof before, "%.*s", (int)(at - text), text);
    int worked = 0;
    for (int i = 0; working[i] && !worked; i++) worked = facts_has_words(before, working[i]);
    for (int i = 0; understand_work_words[i] && !worked; i++)
        worked = facts_has_words(before, understand_work_words[i]);
    static const char *const me[] = {"i", "im", "i'm", NULL};  /* ("i wurk as a ...") */
    for (int i = 0; me[i] && !worked; i++) worked = facts_has_words(before, me[i]);
    enum { BACK = 5 };
    char w[BACK][24];           /* the words before the value, nearest first; "" after a */
    int n = 0;                  /* comma or the start of the sentence */
    const char *p = at;
    while (n < BACK) {
        while (p > text && p[-1] == ' ') p--;
        if (p == text || strchr(",;:.!?(-", p[-1])) break;
        const char *e = p;
        while (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '\'' ||
                            (unsigned char)p[-1] >= 0x80))
            p--;
        /* an emoji or a dash ("ana here 🙋 dog groomer", "Tomas here — roofer")
         * parts as a comma does: no ASCII letter, and no letter of two bytes */
        int letter = 0;
        for (const char *c = p; c < e && !letter; c++)
            letter = isalnum((unsigned char)*c) || ((unsigned char)*c >= 0xC0 &&
                                                   (unsigned char)*c < 0xE0);
        if (p == e || !letter) break;
        size_t k = 0;
        for (const char *c = p; c < e && k + 1 < sizeof w[n]; c++)
            w[n][k++] = (char)tolower((unsigned char)*c);
        w[n++][k] = '\0';
    }
    /* a kind of person doing something ("the tram driver today was singing ...") is
     * someone else, not a job told in note form */
    static const char *const when[] = {"today", "yesterday", "tonight", "just", "then",
                                       "again", NULL};
    static const char *const doing[] = {"was", "is", "were", "has", "had", "did", "got",
                                        "kept", "said", "told", "says", "tells", "give",
                                        "gives", "gave", "wants", "thinks", "put", "puts",
                                        "prescribed", NULL};
    char next[24];
    const char *q = word_after(at + vl, next, sizeof next);
    if (in_words(when, next)) word_after(q, next, sizeof next);
    int someone = in_words(doing, next);
    for (int i = 0; i <= n && i < BACK; i++) {
        if (i == n) return i < BACK && kinds_person(last) && !someone;  /* "Dairy farmer
                                                                          * in ..." */
        size_t l;
        /* right after a form of be, a kind of person ("I am nurse"; not "is starting"),
         * not of a thing ("which is criminal", "it's a joke") */
        static const char *const things[] = {"which", "that", "it", "this", "there", "what",
                                             NULL};
        if (i + 1 == n && strlen(w[i]) <= 2 && strspn(w[i], "0123456789") == strlen(w[i]))
            return kinds_person(last) && !someone;      /* "41 plasterer in Truro" */
        if (in_words(be, w[i]))
            return kinds_person(last) && !(i + 1 < n && in_words(things, w[i + 1]));
        if (!strcmp(w[i], "to")) {
            int change = 0;
            for (int c = 0; changed[c] && !change; c++) change = facts_has_words(before, changed[c]);
            return change;
        }
        if (!strcmp(w[i], "as"))
            return worked || i + 1 == n || in_words(be, w[i + 1]);
        if (!strcmp(w[i], "like") && i + 1 < n && in_words(working, w[i + 1]))
            return 1;                           /* "I work like bus driver" */
        if (in_words(articles, w[i])) {
            if (i + 1 == n) return strcmp(w[i], "the") != 0;    /* "Ana, a midwife" */
            int j = i + 1;
            while (j + 1 < n && in_words(now, w[j])) j++;
            if (j > i + 1) i = j - 1;
            l = strlen(w[i + 1]);
            if (in_words(be, w[i + 1]) || (l > 2 && !strcmp(w[i + 1] + l - 2, "'s")))
                return !(i + 2 < n && in_words(things, w[i + 2])) &&  /* "my dad's a plumber" */
                       strcmp(w[i + 1], "it's") != 0 && strcmp(w[i + 1], "that's") != 0;
            if (!strcmp(w[i + 1], "as"))
                return worked || i + 2 >= n || in_words(be, w[i + 2]);
            return 0;
        }
        /* a word that tells what kind ("retired", "senior") or when ("I'm now nurse"),
         * no other word of function or number ("of", "like", "40") */
        if (in_words(now, w[i])) continue;
        if (lex_is_stopword(w[i]) || isdigit((unsigned char)w[i][0])) return 0;
        size_t ll = strlen(last);       /* ("I'm a chef innit": a word after the job) */
        if (!kinds_person(last) &&
            !(ll > 4 && (!strcasecmp(last + ll - 2, "er") || !strcasecmp(last + ll - 2, "or"))))
            return 0;
    }
    return 0;
}

/* 1 when the writer of text writes "I" with a capital ("who thinks I'm ridiculous"): a
 * name such a writer writes small is no name. */
static int capital_i(const char *text)
{
    for (const char *c = text; *c; c++)
        if (*c == 'I' && (c == text || !isalpha((unsigned char)c[-1])) &&
            (c[1] == ' ' || c[1] == '\'' || !c[1]))
            return 1;
    return 0;
}

/* 1 when the user's own name value is said as a name in text: right after "I'm", "I
 * am", "name is", "names", "this is", "it's", "called", "named", "call me" or "here", right
 * before "here" or before a comma and a number ("maeve, 29, ..."), or first in the message
 * with a capital (after a greeting at most: "hi! Nadia, 34, nurse"). "the hall is this old mill", "a kettle I call Bertha" name no one, nor a
 * state one is in typed small after "I'm" ("im blind", "i'm pregnant"). */
static int self_name_said(const char *text, const char *value)
{
    static const char *const naming[] = {"i'm", "im", "am", "names", "name's", "name",
                                         "called", "named", "it's", "its", "here", NULL};
    /* a greeting's words besides understand_greetings */
    static const char *const greeting[] = {"so", "ok", "okay", "all", "everyone", "folks",
                                           "guys", NULL};
    size_t chars = 0;                   /* (one letter, of a kaomoji, is no name) */
    for (const unsigned char *c = (const unsigned char *)value; *c; c++) chars += (*c & 0xC0) != 0x80;
    if (chars < 2) return 0;
    const char *at = word_at(text, value);
    if (!at) return 1;                  /* not as written here: not this check's to judge */
    if (capital_i(text) && islower((unsigned char)at[0])) return 0;
    const char *after = at + strlen(value);
    while (*after == ' ' || *after == ',') after++;
    if (!strncasecmp(after, "here", 4) && !isalpha((unsigned char)after[4])) return 1;
    const char *lead = text;
    while (*lead && !isalnum((unsigned char)*lead)) lead++;
    if (at[strlen(value)] == ',' && isdigit((unsigned char)*after) &&
        (at == lead || isupper((unsigned char)at[0])))
        return 1;                       /* "maeve, 29, physio": an introduction's list (not
                                         * "was pure chaos, 3 hours") */
    /* the words before it, nearest first */
    char before[3][16] = {"", "", ""};
    int nb = 0;
    const char *p = at;
    while (nb < 3) {
        while (p > text && !isalnum((unsigned char)p[-1]) && p[-1] != '\'') p--;
        if (p == text) break;
        const char *e = p;
        while (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '\'')) p--;
        snprintf(before[nb], sizeof before[nb], "%.*s", (int)(e - p), p);
        for (char *c = before[nb]; *c; c++) *c = (char)tolower((unsigned char)*c);
        nb++;
    }
    /* "we're called The Lanterns", "they're called": a group's name, not the user's */
    static const char *const others[] = {"we're", "were", "we", "they're", "theyre", "they",
                                         "are", NULL};
    if (nb >= 2 && !strcmp(before[0], "called") && in_words(others, before[1])) return 0;
    /* "a narrowboat called Heron": "called" names the user only after "I'm", "am" ... */
    static const char *const me[] = {"i'm", "im", "am", "i", "be", "get", "usually", "also",
                                     "just", "was", "were", "everyone", "people", "friends",
                                     NULL};
    if (nb >= 2 && (!strcmp(before[0], "called") || !strcmp(before[0], "named")) &&
        !in_words(me, before[1]))
        return 0;
    /* "im blind", "I'm pregnant": a state one is in, typed small, is no name */
    if (nb >= 1 && in_words(naming, before[0]) && !isupper((unsigned char)value[0]) &&
        understand_in_list(understand_states, value))
        return 0;
    if (nb >= 1 && in_words(naming, before[0])) return 1;
    if (nb >= 2 && !strcmp(before[0], "is") &&
        (!strcmp(before[1], "name") || !strcmp(before[1], "this")))
        return 1;                       /* "my name is", "this is" */
    if (nb >= 2 && !strcmp(before[0], "me") && !strcmp(before[1], "call")) return 1;
    /* first in the message, but for a greeting, with a capital, and no more than a
     * name: not a word of its sentence ("Bura wind today", "Ha, you are polite",
     * "Anyway, never mind") */
    if (!isupper((unsigned char)at[0])) return 0;
    static const char *const asides[] = {"anyway", "ha", "hah", "haha", "oh", "ok", "okay",
                                         "well", "yes", "yeah", "no", "nope", "sorry",
                                         "thanks", "wow", "hmm", "hey", "so", "right",
                                         "alright", "sure", "actually", "honestly", "also",
                                         "btw", "today", "yesterday", "tomorrow", "now",
                                         "then", "again", "still", "maybe", "please", NULL};
    char low[UNDERSTAND_VALUE];
    size_t k = 0;
    for (; value[k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)value[k]);
    low[k] = '\0';
    const char *next = at + strlen(value);
    if (in_words(asides, low) ||
        (*next == ' ' && islower((unsigned char)next[1]) && strncmp(next, " from ", 6) != 0))
        return 0;                       /* ("Bogdan from Brasov" names) */
    if (*next == ',' && (facts_has_words(next, "you") || facts_has_words(next, "u")) &&
        strncasecmp(after, "you", 3) == 0)
        return 0;
    /* "Ugh, the Jets lost", "Lawd, di rain come": a word that opens a sentence of small
     * letters is a call, not a name told (an introduction lists a number or a trade:
     * "Nadia, 34", "Tomasz, welder") */
    char called[24];
    word_after(after, called, sizeof called);
    if (*next == ',' && islower((unsigned char)*after) && nb == 0 && !kinds_person(called))
        return 0;
    for (int i = 0; i < nb; i++)
        if (!in_words(greeting, before[i]) && !in_words(understand_greetings, before[i]))
            return 0;
    return 1;
}

/* 1 when text holds one of the words or phrases of list as whole words. */
static int holds_any(const char *text, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (facts_has_words(text, list[i])) return 1;
    return 0;
}

/* 1 when text tells a liking or a pastime in words: "like" after one who likes or a word
 * that leads to it ("I like", "we really like"; not "like a sardine", "taste like paste"),
 * "loves", "enjoy", "into", "favourite", "hobby", "play", "every", "on sundays" ... */
static int liking_said(const char *text, const char *value)
{
    static const char *const liking[] = {
        "likes", "liked", "liking", "love", "loves", "loved", "loving", "luv", "adore",
        "adores", "enjoy", "enjoys", "enjoyed", "enjoying", "into", "fan", "fond",
        "favourite", "favorite", "fave", "fav", "hobby", "hobbies", "passion", "keen",
        "obsessed", "addicted", "hooked", "big on", "mad about", "crazy about", "play",
        "plays", "played", "playing", "practise", "practice", "practises", "practices",
        "practising", "practicing", "took up", "take up", "taken up", "taking up", "learn",
        "learning", "train", "trains", "training", "do", "does", "go", "goes", "every",
        "weekend", "weekends", "spare time", "free time", "club", "team", "lessons",
        "pastime", "collect", "collects", "collecting", "mondays", "tuesdays", "wednesdays",
        "thursdays", "fridays", "saturdays", "sundays", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "nights", "mornings", "evenings",
        "started", "start", "starting", "began", "taking", "instrument", "since", "a week",
        "times a", "prefer", "prefers", "preferred", "beats", "best", "sport", NULL};
    static const char *const liker[] = {
        "i", "we", "you", "they", "he", "she", "u", "really", "also", "still", "do", "does",
        "don't", "dont", "didn't", "didnt", "doesn't", "doesnt", "would", "i'd", "we'd",
        "kinda", "totally", "actually", "both", "mostly", "quite", "always", "all", "too",
        "and", "def", "definitely", NULL};
    if (holds_any(text, liking)) return 1;
    /* "i whittle most evenings", "we sail": a pastime told by its verb, right after whose it is */
    static const char *const subject[] = {"i", "we", "he", "she", "they", NULL};
    char first[UNDERSTAND_VALUE];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(value, " "), value);
    const char *at = word_at(text, first);
    char who[8];
    if (at && (word_before(text, at, who, sizeof who), in_words(subject, who))) return 1;
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 96);
    for (int k = 1; k < n; k++)
        if (!strcmp(w[k], "like") && understand_in_list(liker, w[k - 1])) return 1;
    return 0;
}

/* 0 when text tells a "from" of a thing, not of whose origin it is: after a plural of
 * no kin ("dust", "walkers from a coach", "three hours from Ely", "apples from the
 * orchard"); else 1. */
static int from_said(const char *text)
{
    static const char *const things[] = {"dust", "sand", "smoke", "air", "wind", "rain",
                                         "hand", "way", "far", "away", "miles", "km", NULL};
    char low[512];
    size_t k = 0;
    for (; text[k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)text[k]);
    low[k] = '\0';
    int froms = 0, of_things = 0;
    for (const char *at = strstr(low, "from"); at; at = strstr(at + 4, "from")) {
        if ((at > low && isalpha((unsigned char)at[-1])) || isalpha((unsigned char)at[4]))
            continue;
        froms++;
        const char *e = at;
        while (e > low && e[-1] == ' ') e--;
        const char *b = e;
        while (b > low && isalpha((unsigned char)b[-1])) b--;
        char w[24];
        snprintf(w, sizeof w, "%.*s", (int)(e - b), b);
        size_t wl = strlen(w);
        char key[UNDERSTAND_KEY];
        understand_holder_of(w, key, sizeof key);
        if (in_words(things, w) ||
            (wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's' && !understand_kin(key) &&
             !understand_group_key(key) && !lex_is_stopword(w)))
            of_things++;
    }
    return !froms || of_things < froms;
}

/* 1 when text tells a having: a verb of having not leading into another verb ("I have a
 * Vespa", "we've got a van", "I drive a Golf"; not "I have been reading", "had to"). */
static int having_said(const char *text)
{
    static const char *const having[] = {"have", "has", "had", "got", "get", "own", "owns",
                                         "owned", "bought", "buy", "buying", "drive",
                                         "drives", "driving", "ride", "rides", "riding",
                                         "adopted", "rescued", "keep", "keeps", "raise",
                                         "breed", "run", "runs", "i've", "ive", "we've",
                                         "weve", "mine", "ours", "use", "uses",
                                         "using", "getting", "gets", "switched", "swapped", "doing",
                                         "new", "rent", "rents", "renting", "lease",
                                         NULL};
    static const char *const auxiliary[] = {"have", "has", "had", "got", "get", NULL};
    static const char *const onward[] = {"been", "to", "got", "gotten", "no", "any", NULL};
    static const char *const phrases[] = {"i'm on a", "im on a", "i am on a", "we're on a",
                                          "now on a", "my old", "my trusty", "my new",
                                          "my battered", "my beloved", NULL};
                                        /* "I'm on a kayak now", "on my old vespa" */
    if (holds_any(text, phrases)) return 1;
    for (int k = 0; understand_vehicle_words[k]; k++) {     /* "my car is a Golf" */
        char mine[48];
        snprintf(mine, sizeof mine, "my %s", understand_vehicle_words[k]);
        if (facts_has_words(text, mine)) return 1;
    }
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 96);
    for (int k = 0; k < n; k++)
        if (understand_in_list(having, w[k]) &&
            !(understand_in_list(auxiliary, w[k]) && k + 1 < n &&
              (understand_in_list(onward, w[k + 1]) ||   /* ("got soaked", "had rained") */
               (strlen(w[k + 1]) > 4 && !strcmp(w[k + 1] + strlen(w[k + 1]) - 2, "ed")))))
            return 1;
    return 0;
}

/* 1 when text tells of work or study in words: a word of working ("work", "job",
 * "office", "joined", "hired", "shift", "I'm at"), of studying ("uni", "studying"), or a
 * kind of person ("a vet at the zoo"). */
static int work_said(const char *text)
{
    static const char *const working[] = {
        "employed", "employer", "employs", "employee", "hired", "joined", "join", "joining",
        "office", "company", "firm", "boss", "colleague", "colleagues", "shift", "shifts",
        "intern", "internship", "contract", "placement", "teach", "teaches", "teaching",
        "volunteer", "volunteers", "volunteering", "study", "studies", "studying",
        "student", "school", "uni", "university", "college", "career", "staff", "started at",
        "start at", "starting at", "left", "quit", "transferred", "promoted", "switched",
        "i'm at", "im at", "am at", "i'm with", "im with", "based", "for a living",
        "profession", "trade", "retired", "manager", "owner", "run", "runs", "own",
        "owns", "as a", "as an", "was a", "was an", "i'm a", "im a", "am a", "offer", "phd",
        "degree", "masters", "course", "taught", "teacher", "coach", "coaches", "coaching",
        "manage", "manages", "shop", "store", "restaurant", "cafe", "clinic", "hospital",
        "factory", "farm", "studio", "workshop", "lab", "site", "business", "garage", "stall",
        "premises", "warehouse", "make", "makes",
        "build", "builds", "sell", "sells", "grow", "grows", "doing", "for a", "for an",
        "for the", NULL};
    if (holds_any(text, understand_work_words) || holds_any(text, working)) return 1;
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 96);
    static const char *const where[] = {"at", "in", "for", "with", "on", NULL};
    for (int k = 0; k + 1 < n; k++)     /* ("a vet at ...", "a vet down in ...",
                                         * not "like a monk") */
        if (strlen(w[k]) > 2 && !lex_is_stopword(w[k]) && kinds_person(w[k]) &&
            (understand_in_list(where, w[k + 1]) ||
             (k + 2 < n && understand_in_list(where, w[k + 2]))))
            return 1;
    return 0;
}

/* 1 when text tells a diet in words ("vegetarian", "keto", "I don't eat meat"). */
static int diet_said(const char *text)
{
    static const char *const stems[] = {"veg", "pesc", "keto", "halal", "kosher", "gluten",
                                        "lactose", "dairy", "paleo", "diet", "celiac",
                                        "coeliac", "diabet", "allerg", "intoleran",
                                        "teetotal", "-free", NULL};
    static const char *const words[] = {"eat", "eats", "eating", "meat", "fish", "pork",
                                        "beef", "food", "drink", "drinks", "alcohol", "sober",
                                        "fast", "fasting", "sugar", "carbs", "nuts", "raw",
                                        "plant", "free", NULL};
    return has_part(text, stems) || holds_any(text, words);
}

/* 1 when a name typed small of someone's is said as one: not right before "my" ("bruh
 * my teacher", "stole my chips": a word of the sentence before whose it is) nor after a
 * word of degree ("you are very kind to my cat"). */
static int other_name_said(const char *text, const char *value)
{
    static const char *const whose[] = {"my", "our", "his", "her", "their", "your", NULL};
    static const char *const degree[] = {"very", "so", "too", "really", "quite", "pretty",
                                         "super", "extremely", "rather", NULL};
    const char *at = word_at(text, value);
    if (!at) return 1;
    const char *end = at + strlen(value);
    char w[16], holder[16];
    const char *x = word_after(end, w, sizeof w);
    if (*end == ' ' && in_words(whose, w)) {
        /* "ruth my aunt bakes": first in its clause, before whose it is, a name;
         * not "miss my mum's cooking" */
        x = word_after(x, holder, sizeof holder);
        if (at > text || *x == '\'') return 0;
    }
    word_before(text, at, w, sizeof w);
    size_t wl = strlen(w);
    if (wl > 2 && !strcmp(w + wl - 2, "'s")) return 0;     /* "my mum's adobo": hers */
    /* "Mei is cabin crew": after a name with a capital and "is", what she is */
    if (!strcmp(w, "is")) {
        const char *b = at;
        for (int k = 0; k < 2; k++) {    /* back to the start of the word before "is" */
            while (b > text && b[-1] == ' ') b--;
            while (b > text && (isalnum((unsigned char)b[-1]) || b[-1] == '\'')) b--;
        }
        if (isupper((unsigned char)*b)) return 0;
    }
    return !in_words(degree, w);
}

static int ideographs(const char *text);

/* checks_cued for a Chinese value or clause: the words that tell relation class rel,
 * which the clause must hold (a language's name ends as languages do: 英语, 粤语, 普通话);
 * 1 for a class that needs none. */
static int cued_zh(int rel, const char *value, const char *text)
{
    static const struct {
        int rel;
        const char *cue[20];
    } cues[] = {
        {READER_REL_ALLERGY, {"过敏", NULL}},
        {READER_REL_HOME, {"住", "家", "搬", "定居", "落户", NULL}},
        {READER_REL_EMPLOYER, {"上班", "工作", "做", "当", "打工", "教", "干", "实习", "开",
                               "送", "卖", "跑", "公司", "单位", "厂", "店", "医院", NULL}},
        {READER_REL_WORKPLACE, {"上班", "工作", "做", "当", "打工", "教", "干", "实习", "开",
                                "送", "卖", "跑", "公司", "单位", "厂", "店", "医院", NULL}},
        {READER_REL_BIRTHDAY, {"生日", "出生", "生的", NULL}},
        {READER_REL_HOMETOWN, {"来自", "老家", "出生", "长大", "人", "家乡", "籍贯", NULL}},
        {READER_REL_DIET, {"吃", "素", "忌", "戒", "不碰", "饮食", NULL}},
    };
    size_t chars = 0;               /* the value's characters, a CJK one as one */
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) chars += (*p & 0xC0) != 0x80;
    if (rel == READER_REL_NAME) {       /* 叫, 姓, 名字, or a short name beside whom it is
                                         * (儿子浩浩), not 车四十分钟去单位 */
        static const char *const naming[] = {"叫", "姓", "名", "喊", NULL};
        for (int i = 0; naming[i] && chars <= 6; i++)
            if (strstr(text, naming[i])) return 1;
        char is[UNDERSTAND_VALUE + 4];  /* 是 right before it (not 我舅舅是个厨师，周末也上班) */
        snprintf(is, sizeof is, "是%s", value);
        if (chars <= 6 && strstr(text, is)) return 1;
        return chars <= 3 && !strstr(text, "是个") && !strstr(text, "是一");
    }
    if (rel == READER_REL_JOB) {        /* 是, 当, 做 ... a job, of eight characters at most */
        static const char *const working[] = {"是", "当", "做", "干", "职业", "工作", "上班",
                                              "开", "教", "送", "卖", "跑", NULL};
        for (int i = 0; working[i] && chars <= 8; i++)
            if (strstr(text, working[i])) return 1;
        return 0;
    }
    if (rel == READER_REL_AGE) {        /* a number (三十五, 35岁), not 读高二 */
        for (const char *p = value; *p;) {
            if (isdigit((unsigned char)*p) || *p == ' ') {
                p++;
                continue;
            }
            if (strlen(p) < 3 || !strstr("零一二两三四五六七八九十百岁", (char[4]){p[0], p[1], p[2], 0}))
                return 0;
            p += 3;
        }
        /* nor a piece of a bigger number or a sum (两万五, 五千块, 三百斤), nor a count */
        const char *at = strstr(text, value);
        static const char bigger[] = "零一二两三四五六七八九十百千万亿块元斤";
        size_t vl = strlen(value);
        if (at && at - text >= 3 && strstr(bigger, (char[4]){at[-3], at[-2], at[-1], 0}))
            return 0;
        static const char counted[] = "只条个位次";     /* (两只: how many, not how old) */
        if (at && strlen(at + vl) >= 3 &&
            (strstr(bigger, (char[4]){at[vl], at[vl + 1], at[vl + 2], 0}) ||
             strstr(counted, (char[4]){at[vl], at[vl + 1], at[vl + 2], 0})))
            return 0;
        return 1;
    }
    if (rel == READER_REL_LANGUAGE) {
        static const char *const ends[] = {"语", "话", "文", NULL};
        size_t vl = strlen(value);
        if ((unsigned char)value[0] < 0x80) return 1;
        for (int i = 0; ends[i]; i++)
            if (vl >= 3 && !strcmp(value + vl - 3, ends[i])) return 1;
        return 0;
    }
    if (rel == READER_REL_HOMETOWN) {   /* "，长春的，": a place said alone, one's own */
        char alone[UNDERSTAND_VALUE + 16];
        snprintf(alone, sizeof alone, "，%s的，", value);
        if (strstr(text, alone)) return 1;
    }
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        if (cues[c].rel != rel) continue;
        for (int i = 0; cues[c].cue[i]; i++)
            if (strstr(text, cues[c].cue[i])) return 1;
        return 0;
    }
    return 1;
}

int checks_cued(int rel, const char *holder, const char *value, const char *text)
{
    if (!value[0]) return 1;
    if (rel == READER_REL_AGE && isdigit((unsigned char)value[0])) {
        /* "up at 5:45 most days": a time, no age; "watching Channel 8", "on Route 66": a
         * number a word names */
        static const char *const numbered[] = {"channel", "line", "route", "bus", "platform",
                                               "gate", "room", "flat", "apartment", "unit",
                                               "level", "floor", "terminal", "number", "no",
                                               "chapter", "season", "episode", "ward", "bed",
                                               "highway", "road", "pier", "bay", NULL};
        size_t vl = strlen(value);
        for (const char *p = strstr(text, value); p; p = strstr(p + 1, value)) {
            if ((p > text && p[-1] == ':' && p - 1 > text && isdigit((unsigned char)p[-2])) ||
                (p[vl] == ':' && isdigit((unsigned char)p[vl + 1])))
                return 0;
            char w[16];
            word_before(text, p, w, sizeof w);
            if (p > text && p[-1] == ' ' && in_words(numbered, w)) return 0;
        }
    }
    if ((unsigned char)value[0] >= 0x80 || ideographs(text))    /* (not an emoji first) */
        return ideographs(text) ? cued_zh(rel, value, text) : 1;
    if (rel == READER_REL_NAME) {       /* "cooks for the band Carnival Monday": a day's */
        const char *at = word_at(text, value);
        char next[16] = "";
        if (at && at[strlen(value)] == ' ') word_after(at + strlen(value), next, sizeof next);
        if (understand_weekday(next)) return 0;
    }
    if (rel == READER_REL_NAME && !strcmp(holder, "self"))
        return self_name_said(text, value);
    if (rel == READER_REL_NAME && islower((unsigned char)value[0]))
        return other_name_said(text, value);
    if (rel == READER_REL_ALLERGY) {
        static const char *const allergic[] = {"allerg", "intoleran", "react", "anaphyla",
                                               "epipen", "sensitiv", "hives", "can't eat",
                                               "cant eat", "cannot eat", "can not eat",
                                               "can't have", "cant have", NULL};
        return has_part(text, allergic);
    }
    if (rel == READER_REL_LANGUAGE) {
        /* "my eldest Ikenna is a doctor" tells no language: one named as languages are
         * ("Welsh", "Bengali", "Estonian") or said with a word of speaking */
        static const char *const speaking[] = {"speak", "spoke", "fluent", "language",
                                               "tongue", "bilingual", "learn", "studying",
                                               "lesson", "class", "course", "native",
                                               "accent", "translat", "interpret", NULL};
        static const char *const ends[] = {"ish", "ese", "ian", "ic", "ch", "ali", "ili",
                                           "ti", "hi", "di", "ew", "wi", "ai", "an", NULL};
        const char *last = strrchr(value, ' ') ? strrchr(value, ' ') + 1 : value;
        size_t ll = strlen(last);
        if (forms_language(value) || forms_language(last) || has_part(text, speaking))
            return 1;
        for (int i = 0; ends[i]; i++) {
            size_t el = strlen(ends[i]);
            if (ll > el && !strcasecmp(last + ll - el, ends[i])) return 1;
        }
        return 0;
    }
    size_t vl = strlen(value);
    if ((rel == READER_REL_EMPLOYER || rel == READER_REL_WORKPLACE) && vl >= 6 &&
        !strcmp(value + vl - 3, "ing") && !strchr(value, ' ') &&
        islower((unsigned char)value[0])) {
        /* "she's bringing cake": a verb after a form of be, not a firm ("in marketing") */
        static const char *const be[] = {"is", "are", "am", "was", "were", "she's", "he's",
                                         "shes", "hes", "i'm", "im", "we're", "they're",
                                         "it's", "its", "been", NULL};
        const char *at = word_at(text, value);
        char w[16];
        if (at && (word_before(text, at, w, sizeof w), in_words(be, w))) return 0;
    }
    if (rel == READER_REL_HOME && !strcmp(holder, "self")) {
        /* "we live on pasta": what one lives on is no place */
        static const char *const on[] = {"live on", "lives on", "living on", "lived on", NULL};
        char on_value[UNDERSTAND_VALUE + 4];
        snprintf(on_value, sizeof on_value, "on %s", value);
        for (int i = 0; on[i] && !isupper((unsigned char)value[0]); i++) {  /* ("on Arran") */
            if (facts_has_words(text, on[i]) && facts_has_words(text, on_value)) return 0;
            const char *lives = word_at(text, on[i]), *at = word_at(text, value);
            if (!lives || at <= lives) continue;
            char between[256];
            snprintf(between, sizeof between, "%.*s", (int)(at - lives), lives);
            const char *what = lives + strlen(on[i]);
            while (*what == ' ') what++;
            if (!strchr(between, ',') && !facts_has_words(between, "in") &&
                !facts_has_words(between, "at") && !facts_has_words(between, "near") &&
                strncasecmp(what, "a ", 2) != 0 && strncasecmp(what, "an ", 3) != 0 &&
                strncasecmp(what, "the ", 4) != 0 && !isupper((unsigned char)*what))
                return 0;               /* "living on toast and jam" ("I live
                                         * on a boat", "on Arran", "on a boat in Ghent"
                                         * are homes) */
        }
        static const char *const living[] = {"live", "lives", "living", "lived", "livin",
                                             "move", "moved", "moving", "based", "stay",
                                             "staying", "home", "reside", "settled",
                                             "relocated", "house", "flat", "apartment",
                                             "address", "city", "town", "village",
                                             "been in", "i'm in", "im in", "i am in",
                                             "we're in", "were in", "we are in", "now in",
                                             "out in", "back in", "here in", NULL};
        for (int i = 0; living[i]; i++)
            if (facts_has_words(text, living[i])) return 1;
        static const char *const stems[] = {"liv", "mov", "stay", "resid", "relocat", NULL};
        for (const char *w = text; *w; w++)     /* typed otherwise: "we movd", "livin" */
            if (isalpha((unsigned char)*w) && (w == text || !isalpha((unsigned char)w[-1])))
                for (int i = 0; stems[i]; i++)
                    if (!strncasecmp(w, stems[i], strlen(stems[i]))) return 1;
        /* "from Leeds but in Bristol now", "in Leith since 2019"; "now" in the part of
         * the sentence that says "in" it ("teaching in X for years, my pupils are now
         * ..." tells no home) */
        static const char *const lately[] = {"currently", "these days", "since", NULL};
        char in_value[UNDERSTAND_VALUE + 4];
        snprintf(in_value, sizeof in_value, "in %s", value);
        const char *at = word_at(text, in_value);
        if (!at) return 0;
        for (int i = 0; lately[i]; i++)
            if (facts_has_words(text, lately[i])) return 1;
        const char *b = at, *e = at;
        while (b > text && !strchr(",.;!?", b[-1])) b--;
        while (*e && !strchr(",.;!?", *e)) e++;
        char part[512];
        snprintf(part, sizeof part, "%.*s", (int)(e - b), b);
        return facts_has_words(part, "now");
    }
    if (rel == READER_REL_AGE && strspn(value, "0123456789") == strlen(value)) {
        /* "30 ewes this year": a number before a word of many counts them, no age
         * ("5 months" and "40 years" are ages) */
        const char *at = word_at(text, value);
        if (at) {
            /* "-8 at 6am", "the I-20": a number after a minus or a hyphen is no age */
            if (at > text && (at[-1] == '-' || at[-1] == '+')) return 0;
            if (at[strlen(value)] == ',' && isdigit((unsigned char)at[strlen(value) + 1]))
                return 0;               /* "30,000 bottles" */
            char w[24], v[16], before[8];
            const char *p = word_after(at + strlen(value), w, sizeof w);
            size_t n = strlen(w);
            /* "16 years together", "20 years ago": how long, not how old */
            static const char *const since[] = {"together", "ago", "later", "married", "since",
                                                "running", "straight", "of", "in", "now",
                                                "already", NULL};
            if (understand_in_list(understand_time_units, w) &&
                (word_after(p, v, sizeof v), understand_in_list(since, v)))
                return 0;
            if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && !lex_is_stopword(w) &&
                !understand_in_list(understand_time_units, w))
                return 0;
            /* "we have 9 now": a number had is a count too; "minus 28" a temperature */
            word_before(text, at, before, sizeof before);
            if (in_words(forms_having, before) || !strcasecmp(before, "minus")) return 0;
            /* "down to 15 now", "up to 40": what is left or reached, counted */
            char moved[UNDERSTAND_VALUE + 8];
            snprintf(moved, sizeof moved, "down to %s", value);
            if (facts_has_words(text, moved)) return 0;
            snprintf(moved, sizeof moved, "up to %s", value);
            if (facts_has_words(text, moved)) return 0;
        }
        return 1;
    }
    if (rel == READER_REL_LIKES || rel == READER_REL_HOBBY) return liking_said(text, value);
    if (rel == READER_REL_HOMETOWN) return from_said(text);
    if (rel == READER_REL_OWNS) return having_said(text);
    if (rel == READER_REL_EMPLOYER || rel == READER_REL_WORKPLACE)
        return !islower((unsigned char)value[0]) || work_said(text);   /* ("at Bosch") */
    if (rel == READER_REL_DIET) return diet_said(text);
    if (rel == READER_REL_JOB) {
        const char *last = strrchr(value, ' ') ? strrchr(value, ' ') + 1 : value;
        static const char *const working[] = {"profession", "career", "trade", "retired",
                                              "employed", "became", "qualified", "as a",
                                              "as an", "is a", "is an", "i'm a", "im a",
                                              "i'm an", "im an", "am a", "am an", "was a",
                                              "was an", "she's a", "he's a", "shes a",
                                              "hes a", "she's an", "he's an", "for a living",
                                              NULL};
        static const char *const hours[] = {"full time", "full-time", "fulltime",
                                            "part time", "part-time", NULL};
        static const char *const posts[] = {"apprenticeship", "internship", "placement",
                                            "residency", "traineeship", NULL};
        for (int i = 0; hours[i]; i++) {   /* "doing upholstery full time" (not
                                             * "training part-time at a college") */
            char done[UNDERSTAND_VALUE + 24];
            snprintf(done, sizeof done, "%s %s", value, hours[i]);
            if (facts_has_words(text, done)) return 1;
        }
        /* "chemistry was NOT it", "welding wasn't for me": a value said not to be */
        const char *said_at = word_at(text, value);
        if (said_at) {
            char after[3][16];
            const char *p = said_at + strlen(value);
            for (int k = 0; k < 3; k++) p = word_after(p, after[k], sizeof after[k]);
            for (int k = 0; k < 2; k++)
                if ((!strcmp(after[k], "was") || !strcmp(after[k], "is")) &&
                    !strcmp(after[k + 1], "not"))
                    return 0;
            for (int k = 0; k < 3; k++)
                if (!strcmp(after[k], "wasn") || !strcmp(after[k], "isn")) return 0;
        }
        int as_one = (unsigned char)value[0] < 0x80 ? job_told_as_one(text, value, last) : -1;
        if (as_one >= 0) return as_one || in_words(posts, last);
        if (kinds_person(last) || in_words(posts, last)) return 1;
        for (int i = 0; understand_work_words[i]; i++)
            if (facts_has_words(text, understand_work_words[i])) return 1;
        for (int i = 0; working[i]; i++)
            if (facts_has_words(text, working[i])) return 1;
        return 0;
    }
    return 1;
}

int checks_asks_amount(const char *text)
{
    static const char *const how[] = {"how many", "how much", "how long", "how far",
                                      "how often", "how tall", "how big", "how heavy", NULL};
    for (int i = 0; how[i]; i++)
        if (facts_has_words(text, how[i])) return 1;
    return 0;
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
                                        /* typed without the apostrophe: "nt" alone would
                                         * end "Ghent" */
                                        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
                                        "werent", "cant", "wont", "havent", "hasnt", "hadnt",
                                        "aint", NULL};
    static const char *const parts[] = {"n't", "不", "没", "离", "卖", "搬", NULL};
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
    return has_part(text, parts);
}

/* 1 when the whole word w (lower case) is in text other than right after a verb in the
 * past or in -ing, or such a verb and a word of where: "sent me", "told you", "picked me
 * up", "sat on me", "keeps texting me" tell what happened, they ask nothing. */
static int asked_word(const char *text, const char *w)
{
    static const char *const past[] = {"sent", "told", "gave", "got", "made", "took", "brought",
                                       "left", "let", "showed", "drove", "taught", "kept",
                                       "met", "saw", "bought", "caught", "paid", "found",
                                       "lent", "rang", "woke", "threw", "put", "sat", "fell",
                                       "bit", "hit", "ran", "spat", "stood", "came", "said",
                                       NULL};
    static const char *const where[] = {"on", "at", "to", "with", "into", "onto", "over",
                                        "behind", NULL};
    size_t n = strlen(w);
    for (const char *p = text; *p; p++) {
        if (strncasecmp(p, w, n) != 0 || (p > text && isalnum((unsigned char)p[-1])) ||
            isalnum((unsigned char)p[n]))
            continue;
        const char *e = p;      /* the word before */
        while (e > text && e[-1] == ' ') e--;
        const char *b = e;
        while (b > text && isalpha((unsigned char)b[-1])) b--;
        char prev[16];
        size_t k = (size_t)(e - b);
        if (k == 0 || k >= sizeof prev) return 1;
        for (size_t j = 0; j < k; j++) prev[j] = (char)tolower((unsigned char)b[j]);
        prev[k] = '\0';
        if (in_words(where, prev)) {        /* the verb before "on me" */
            e = b;
            while (e > text && e[-1] == ' ') e--;
            b = e;
            while (b > text && isalpha((unsigned char)b[-1])) b--;
            k = (size_t)(e - b);
            if (k == 0 || k >= sizeof prev) return 1;
            for (size_t j = 0; j < k; j++) prev[j] = (char)tolower((unsigned char)b[j]);
            prev[k] = '\0';
        }
        int told = (k > 3 && !strcmp(prev + k - 2, "ed")) ||
                   (k > 4 && !strcmp(prev + k - 3, "ing"));     /* "keeps texting me" */
        for (int i = 0; past[i] && !told; i++) told = !strcmp(prev, past[i]);
        if (!told) return 1;
    }
    return 0;
}

/* 1 when a clause only names a thing of the user's, with no verb: "my girlfriend's name",
 * "and our address" (up to six words). */
static int thing_alone(const char *text)
{
    static const char *const owners[] = {"my", "our", "and", NULL};
    static const char *const verbs[] = {"is", "are", "was", "were", "am", "has", "have",
                                        "had", "do", "does", "did", "i'm", "im", "we're",
                                        "i've", "ive", "it's", "its", "be", NULL};
    char w[16];
    int n = 0, first = 1;
    for (const char *p = text; *p;) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        if (!*p) break;
        size_t k = 0;
        while ((isalpha((unsigned char)*p) || *p == '\'') && k + 1 < sizeof w)
            w[k++] = (char)tolower((unsigned char)*p++);
        while (isalpha((unsigned char)*p) || *p == '\'') p++;
        w[k] = '\0';
        if (first && !in_words(owners, w)) return 0;
        if (in_words(verbs, w) || ++n > 6) return 0;
        first = 0;
    }
    return n >= 2;
}

/* 1 when a clause asks something of mnemo: a question, a word of asking ("can you",
 * "me", "please"; not "sent me") or a verb of bidding first ("book a table", "turn on the
 * lights"). "big news", "the twins are here" ask nothing, so nothing is refused. */
static int requests(const char *text)
{
    static const char *const asking[] = {"you", "u", "me", "please", "pls", "can", "could",
                                         "would", "will", "need", "want", "help", NULL};
    static const char *const bidding[] = {"write", "book", "order", "buy", "call", "text",
                                          "email", "translate", "set", "make", "play", "put",
                                          "solve", "calculate", "turn", "switch", "drive",
                                          "pick", "find", "recommend", "draw", "paint", "sing",
                                          "tell", "send", "remind", "schedule", "check",
                                          "look", "get", "show", "read", "open", NULL};
    if (asks(text) || opens_question(text) || (unsigned char)text[0] >= 0x80) return 1;
    static const char *const polite[] = {"please", "pls", "plz", NULL};
    char w[8];
    size_t n = 0;
    while (n + 1 < sizeof w && isalpha((unsigned char)text[n]))
        w[n] = (char)tolower((unsigned char)text[n]), n++;
    w[n] = '\0';
    if (!isalpha((unsigned char)text[n]) && !strpbrk(text + n, "abcdefghijklmnopqrstuvwxyz") &&
        in_words(polite, w))
        return 0;                       /* "please" alone, after a comma */
    static const char *const whose[] = {"my", "our", NULL};
    static const char *const bid[] = {"you", "u", "please", "pls", "plz", NULL};
    if (in_words(whose, w) && !holds_any(text, bid))
        return 0;                       /* "my niece fixed the boiler for us" tells */
    for (int i = 0; asking[i]; i++)
        if (asked_word(text, asking[i])) return 1;
    while (*text && !isalpha((unsigned char)*text)) text++;
    for (int i = 0; bidding[i]; i++) {
        size_t n = strlen(bidding[i]);
        if (!strncasecmp(text, bidding[i], n) && !isalpha((unsigned char)text[n])) return 1;
    }
    return 0;
}

/* A question asked in one to three words, without a question word: "dog name", "my
 * wife's birthday", "son age" (someone of the user's and a word of a relation,
 * understand_rel_word), or a word of a relation alone, the user's, with a question mark
 * in the message (marked: "my job?", "city?"; not "..., my hometown"): 1 with u made that
 * question (its holder, relation class and word; no value), else 0. */
static int terse_ask(const char *text, int marked, understood_t *u)
{
    char buf[64], key[UNDERSTAND_KEY];
    const char *w[4];
    int n = understand_split_words(text, " .!?", buf, sizeof buf, w, 4);
    int h = n > 0 && (!strcasecmp(w[0], "my") || !strcasecmp(w[0], "our"));
    if (strlen(text) >= sizeof buf) return 0;
    if (n - h == 1 && marked && understand_rel_word(w[h]) != READER_REL_OPEN) {
        snprintf(key, sizeof key, "self");
    } else if (n - h != 2) {
        return 0;
    } else {
        char one[32];                   /* "wife's", "dogs" */
        snprintf(one, sizeof one, "%s", w[h]);
        size_t l = strlen(one);
        if (l > 2 && !strcmp(one + l - 2, "'s")) one[l - 2] = '\0';
        understand_holder_of(one, key, sizeof key);
        if (!understand_kin(key) && !dialogue_pet_word(key)) {
            if (l > 1 && one[l - 1] == 's') one[l - 1] = '\0';
            understand_holder_of(one, key, sizeof key);
            if (!understand_kin(key) && !dialogue_pet_word(key)) return 0;
        }
    }
    int rel = understand_rel_word(w[n - 1]);
    if (rel == READER_REL_OPEN) return 0;
    u->act = READER_QUESTION;
    u->personal = 1;
    u->rel = rel;
    snprintf(u->holder, sizeof u->holder, "%s", key);
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(rel));
    u->value[0] = u->old[0] = u->name[0] = '\0';
    return 1;
}

/* 1 when a word of value names a topic a request to forget may name ("medical",
 * "money": understand_topic_tells). */
static int names_topic(const char *value)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[16];
    int n = understand_split_words(value, " ", buf, sizeof buf, w, 16);
    for (int i = 0; i < n; i++)
        if (understand_topic_tells(w[i])) return 1;
    return 0;
}

/* 1 when a clause bids mnemo drop something ("scrap the address", "don't keep my
 * address", "I'd rather you didn't store that"): a verb of keeping denied with no one but
 * mnemo before it, then what it holds ("my", "it", "that" ...), or "scrap" before
 * one; not "I don't keep chickens", "we don't keep my bike in the shed", which tell. */
static int bids_to_drop(const char *text)
{
    static const char *const no[] = {"don't", "dont", "didn't", "didnt", "not", NULL};
    static const char *const keep[] = {"keep", "store", "save", NULL};
    static const char *const what[] = {"my", "it", "that", "this", "those", "any", "our",
                                       "the", "anything", "everything", NULL};
    static const char *const who[] = {"i", "we", "they", "he", "she", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int i = 0; i + 1 < n; i++) {
        if (!strcmp(w[i], "scrap") && understand_in_list(what, w[i + 1])) return 1;
        size_t l2 = i + 2 < n ? strlen(w[i + 2]) : 0;  /* (or whose: "Mirela's birthday") */
        static const char *const stuff[] = {"things", "stuff", "info", "information",
                                            "details", "data", "bits", NULL};
        if (!understand_in_list(no, w[i]) || !understand_in_list(keep, w[i + 1]) || i + 2 >= n ||
            !(understand_in_list(what, w[i + 2]) || (l2 > 2 && !strcmp(w[i + 2] + l2 - 2, "'s")) ||
              (i + 3 < n && understand_in_list(stuff, w[i + 3]))))   /* ("health things") */
            continue;
        int at = i > 0 && !strcmp(w[i], "not") ? i - 1 : i;  /* ("do not keep") */
        if (at > 0 && understand_in_list(who, w[at - 1]))
            continue;           /* "I don't keep my bike ..." tells */
        return 1;
    }
    return 0;
}

/* 1 when a clause asks mnemo to forget ("can you forget what age I am?", "please just
 * forget him", "scratch the bit about my ex from your memory"), not whether it did
 * ("did you forget it?") nor that the user forgets ("I always forget my keys"). */
static int asks_to_forget(const char *text)
{
    static const char *const asks[] = {"can you forget", "could you forget", "can u forget",
                                       "would you forget", "will you forget", "could u forget",
                                       "please forget", "pls forget", "forget about",
                                       "just forget", "forget what i", "drop what i",
                                       "delete what i", "remove what i", "erase what i",
                                       "wipe what i", "scratch what", "scratch the",
                                       "scratch my", "scratch all", "scratch everything",
                                       "from your memory", "out of your memory",
                                       "no need to keep", "no need to store",
                                       "no need to remember", "stop remembering",
                                       "forget i mentioned", "forget i said", "forget i told",
                                       "forget i ever", "forget that i",
                                       "rather you forgot", "rather you forget",
                                       "rather you didn't keep", "prefer you forgot",
                                       "prefer you forget", "prefer you didn't keep",
                                       "wish you'd forget", "want you to forget",
                                       "like you to forget", "need you to forget", NULL};
    char low[512];
    size_t k = 0;
    for (; text[k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)text[k]);
    low[k] = '\0';
    for (int i = 0; asks[i]; i++)
        if (strstr(low, asks[i])) return 1;
    if (understand_asks_forget_phrase(low)) return 1;   /* "ignore what I said about ..." */
    /* "so forget him", "Disregard my pin code", "Erase it.": a verb of
     * forgetting that opens the clause (or follows "so", "and", "just" ...) before what
     * it drops; not "I forget my keys", "don't forget", "delete the app" */
    static const char *const lead[] = {"so", "and", "just", "please", "pls", "then", "ok",
                                       "okay", "now", "also", "oh", "actually", NULL};
    static const char *const what[] = {"him", "her", "them", "it", "that", "this", "those",
                                       "my", "our", "about", "what", "where", "everything",
                                       "all", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    static const char *const doers[] = {"i", "we", "you", "they", "he", "she", NULL};
    for (int j = 0; j + 1 < n; j++)
        if (understand_in_list(understand_forget_verbs, w[j]) && strcmp(w[j], "drop") &&
            (j == 0 || understand_in_list(lead, w[j - 1]) ||
             (!strcmp(w[j - 1], "do") &&        /* "and do forget my age" (not "I do") */
              (j == 1 || !understand_in_list(doers, w[j - 2])))) &&
            (understand_in_list(what, w[j + 1]) ||
             (!strcmp(w[j + 1], "the") && (!strcmp(w[j], "forget") || !strcmp(w[j], "disregard")))))
            return 1;
    return bids_to_drop(text);
}

/* 1 when text tells of the user's own forgetting ("in case I forget", "before I forget",
 * "don't forget", "I keep forgetting") and not a request ("forget ...", "can you
 * forget ..."), unless a request to forget opens it. */
static int forgetting_told(const char *text)
{
    static const char *const told[] = {"i forget", "i'll forget", "i might forget",
                                       "i always forget", "i keep forgetting", "i forgot",
                                       "don't forget", "dont forget", "i'd forget",
                                       "we forget", "i am forgetting", "i'm forgetting",
                                       "im forgetting", "i do forget", NULL};
    for (int i = 0; told[i]; i++)
        if (facts_has_words(text, told[i])) return strncasecmp(text, "forget", 6) != 0;
    /* "everyone forgets their umbrella", "I'm starting to forget what a lie-in feels
     * like", "he never lets me forget it": a forgetting of someone's, one that comes on
     * or one denied, never a request */
    static const char *const whose[] = {"everybody", "everyone", "people", "nobody",
                                        "somebody", "someone", "he", "she", "they", "always",
                                        "often", "sometimes", "never", "usually", "me",
                                        "us", "won't", "wont", "can't", "cant", "didn't",
                                        "didnt", "not", NULL};
    static const char *const coming[] = {"beginning", "starting", "begin", "start", "tend",
                                         "tends", "going", "easy", "hard", "used", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k < n; k++) {
        if (strcmp(w[k], "forget") && strcmp(w[k], "forgets") && strcmp(w[k], "forgetting"))
            continue;
        if (!strcmp(w[k], "forgets") || (k > 0 && understand_in_list(whose, w[k - 1])) ||
            (k > 1 && !strcmp(w[k - 1], "to") && understand_in_list(coming, w[k - 2])))
            return 1;
    }
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

/* 1 when "my work" ends the clause, or only "again", "now", "then" or "these days" come
 * after it ("what's my work again?"; not "what's my work truck?"). */
static int ends_my_work(const char *text)
{
    const char *at = word_at(text, "my work");
    if (!at) return 0;
    static const char *const after[] = {"again", "now", "then", "these", "days", "exactly",
                                        "lol", NULL};
    char buf[256];
    const char *w[16];
    int n = understand_split_words(at + 7, " ,.;:!?()", buf, sizeof buf, w, 16);
    for (int k = 0; k < n; k++)
        if (!understand_in_list(after, w[k])) return 0;
    return 1;
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

/* 1 when a clause says a place of work was moved ("we took the salon over to Hove",
 * "relocated my studio to Leith"): a verb of moving, then "the", "my" or "our" and a word
 * of a business or an office. */
static int moved_work(const char *text)
{
    static const char *const moving[] = {"moved", "move", "moving", "relocated", "relocating",
                                         "shifted", NULL};
    static const char *const whose[] = {"the", "my", "our", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k + 2 < n; k++)
        if (understand_in_list(moving, w[k]) && understand_in_list(whose, w[k + 1]) &&
            (understand_in_list(understand_business_words, w[k + 2]) ||
             !strcmp(w[k + 2], "office") || !strcmp(w[k + 2], "practice")))
            return 1;
    return 0;
}

/* 1 when a clause tells where one works or studies in words that say so ("I work at
 * ...", "started at ...", "a nurse at ...", "I'm at uni in ..."): the reader reads many an
 * "at X" or "in X" as a workplace ("go easy on the dessert ideas", "scans at the hospital
 * on Fridays"), which without such a word, or a job told before in the clause, is no fact. */
static int says_work_or_study(const char *clause, const understood_t *told, int i,
                              const understood_t *u)
{
    static const char *const words[] = {
        "work", "works", "working", "worked", "job", "jobs", "employed", "employer", "shift",
        "shifts", "office", "intern", "internship", "career", "boss", "colleague",
        "colleagues", "staff", "hired", "joined", "join", "start", "started", "starting",
        "starts", "teach", "teaches", "teaching", "taught", "run", "runs", "own", "owns",
        "manage", "manages", "managing", "based", "position", "role", "contract", "company",
        "firm", "business", "workplace", "employ", "employs", "hire", "hires",
        "volunteer", "volunteers", "volunteering", "trainee", "apprentice", "retired",
        "study", "studies", "studying", "studied", "student", "school", "uni", "university",
        "college", "course", "degree", "phd", "masters", "class", "classes", "grade",
        "semester", "enrolled", "attend", "attends", "attending", "pupil", "major",
        "majoring", "graduate", "graduated", "lecturer", "professor", "doing", "drives for",
        "drive for", "driving for", "delivers for", "deliver for", "delivering for",
        "rides for", "writes for", "freelance", "freelances", "freelancing", NULL};
    if (u->settled) return 1;           /* ("she's cooking at The Ivy now", forms.h) */
    for (int k = 0; words[k]; k++)
        if (facts_has_words(clause, words[k])) return 1;
    if (moved_work(clause)) return 1;   /* "we shifted the bakery to Ely" */
    for (int k = 0; k < i; k++)         /* "a welder at the shipyard" */
        if (told[k].at == u->at && told[k].rel == READER_REL_JOB) return 1;
    return 0;
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
        const char *at = word_at(text, of), *my = at;
        if (!at) continue;
        word_after(at + strlen(of), next, sizeof next);
        while (my > text && my[-1] == ' ') my--;    /* (not "my dad of 70") */
        if (my - text >= 2 && !strncasecmp(my - 2, "my", 2)) continue;
        if (understand_number(next, &count) && count >= 1 && count <= 20) return 1;
    }
    return 0;
}

/* 1 when u's holder (one of the user's, not their name) is named only after "with my",
 * "with me" or "with our", after u's value, in a clause the user tells of themself ("I
 * drive a tram, live in Hull with my boyfriend Dario"): the value is the user's, the
 * one after "with" only lives or works beside them. */
static int lives_beside(const char *text, const understood_t *u)
{
    static const char *const whose_with[] = {"with my", "with me", "with our", NULL};
    if (!u->value[0] || u->rel == READER_REL_NAME || !understand_kin(u->holder) ||
        !(facts_has_words(text, "i") || facts_has_words(text, "i'm") ||
          facts_has_words(text, "im")))
        return 0;
    char first[UNDERSTAND_VALUE];       /* (or its first word: "drive a tram" of "tram
                                         * driver") */
    snprintf(first, sizeof first, "%s", u->value);
    first[strcspn(first, " ")] = '\0';
    const char *value = word_at(text, u->value), *holder = word_at(text, u->holder);
    if (!value) value = word_at(text, first);
    if (!value || !holder || holder < value) return 0;
    for (int k = 0; whose_with[k]; k++) {
        char phrase[UNDERSTAND_KEY + 16];
        snprintf(phrase, sizeof phrase, "%s %s", whose_with[k], u->holder);
        const char *at = word_at(text, phrase);
        if (at && at + strlen(whose_with[k]) + 1 == holder) return 1;
    }
    return 0;
}

/* 1 when a clause only wishes or wonders before its value ("we might move to Seville
 * some year", "I'd love to live in Rome"): a plan or a hope is not yet a fact ("birthday's
 * the 8th, if you wanna write it down" is one). */
static int hypothetical(const char *clause, const char *value)
{
    char text[512];
    snprintf(text, sizeof text, "%s", clause);
    size_t vn = strlen(value);
    for (char *p = text; vn && *p; p++)
        if (!strncasecmp(p, value, vn)) {
            *p = '\0';             /* only what comes before the value */
            break;
        }
    static const char *const words[] = {"might", "maybe", "perhaps", "someday", "wish",
                                        "hopefully", "if", "would", "i'd", "id", NULL};
    static const char *const phrases[] = {"one day", "thinking of", "thinking about",
                                          "hope to", "hopes to", "want to", "wants to",
                                          "wanted to", "wanna", "planning to",
                                          "could be", "sometimes i think", "dream of",
                                          "dreaming of", "when i retire", NULL};
    for (int i = 0; words[i]; i++)
        if (facts_has_words(text, words[i])) return 1;
    for (int i = 0; phrases[i]; i++)
        if (facts_has_words(text, phrases[i])) return 1;
    return 0;
}

/* 1 when text names, as whole words, the value of one of the user's current facts (a
 * value of three bytes or more, not a name: "Dan" asked of is a person, not a value). */
static int named_value_held(const facts_t *f, const char *text)
{
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (strlen(m->value) >= 3 && strcmp(m->value, FACTS_ENDED) != 0 &&
            facts_rel_of(m->relation) != READER_REL_NAME && facts_has_words(text, m->value))
            return 1;
    }
    return 0;
}

/* The number the words w[..end) end with, of one word or two ("6", "six", "twenty
 * one"), into num (cap bytes); returns how many words it takes (0: none). */
static int number_ending(const char *const *w, int end, char *num, size_t cap)
{
    char span[32];
    long v;
    for (int k = 2; k >= 1; k--) {
        if (end - k < 0) continue;
        snprintf(span, sizeof span, "%s%s%s", w[end - k], k == 2 ? " " : "",
                 k == 2 ? w[end - 1] : "");
        if (understand_number(span, &v)) {
            snprintf(num, cap, "%s", span);
            return k;
        }
    }
    return 0;
}

/* 1 when the yes/no question text asks an age: a number before "year(s) old" ("is Kit
 * twenty-one years old?") or as its last word right after whom it asks of ("is Kit
 * six?", "is my son 7?", not "is Kit in year 7?"), with that number into num (cap bytes;
 * "" when it names none). holder: the question's holder key. */
static int age_asked(const facts_t *f, const char *text, const char *holder, char *num,
                     size_t cap)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[32];
    int n = understand_split_words(text, " ,.?!", buf, sizeof buf, w, 32);
    num[0] = '\0';
    int end = n;                                /* the number ends before w[end] */
    for (int i = 1; i + 1 < n; i++)
        if ((!strcmp(w[i], "years") || !strcmp(w[i], "year") || !strcmp(w[i], "yrs")) &&
            !strcmp(w[i + 1], "old"))
            end = i;
    int k = end > 1 ? number_ending(w + 1, end - 1, num, cap) : 0;     /* (not w[0]) */
    if (k && end == n) {                        /* its last word: whom it asks of before it */
        const char *before = w[end - k - 1];
        const char *last = strrchr(holder, ' ');
        int whom = !strcasecmp(before, last ? last + 1 : holder) || !strcmp(before, "i");
        for (size_t j = 0; j < f->n && !whom; j++)
            whom = facts_rel_of(f->v[j].relation) == READER_REL_NAME &&
                   !strcasecmp(f->v[j].value, before);
        if (!whom) num[0] = '\0';
        return whom;
    }
    return k || end < n;
}

/* 1 when the clause text ends by telling an age ("my son is six", "Kit's twenty-one
 * years old"): a number (1-120) after "is", "'s", "are" or "'re", with it into num (cap
 * bytes); 2 when it tells one before a word that goes on ("he's 11 and loves it"); 0
 * when none. */
static int age_told(const char *text, char *num, size_t cap)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[32];
    int n = understand_split_words(text, " ,.!", buf, sizeof buf, w, 32);
    if (n > 2 && !strcmp(w[n - 1], "old") && (!strcmp(w[n - 2], "years") || !strcmp(w[n - 2], "yrs")))
        n -= 2;
    /* a number right after "is", "'s", "are" or "'re", last in the clause or before a word
     * that goes on to something else ("he's 11 and not afraid of wasps", "they're 7 now") */
    static const char *const then[] = {"and", "but", "so", "now", "already", "tho", "though",
                                       "years", "yrs", "yo", "lol", "haha", "na", "btw", NULL};
    for (int k = 1; k < n; k++) {
        const char *be = w[k - 1];
        size_t bl = strlen(be);
        long v;
        int is = !strcmp(be, "is") || !strcmp(be, "are") ||
                 (bl > 2 && (!strcmp(be + bl - 2, "'s") || !strcmp(be + bl - 3, "'re")));
        int at = k == n - 1 || understand_in_list(then, w[k + 1]);
        int k2 = k + 1 < n && !at ? number_ending(w + k, 2, num, cap) : 0;  /* "twenty one" */
        if (k2 == 2 && (k + 2 == n || understand_in_list(then, w[k + 2]))) at = 1;
        else {
            k2 = 1;
            snprintf(num, cap, "%s", w[k]);
        }
        if (is && at && understand_number(num, &v) && v >= 1 && v <= 120)
            return k + k2 == n ? 1 : 2;
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

/* "i am dive guide in Hobart" read as the name "dive": a name of the user's in lower
 * case right before a word for a kind of person (kinds_person: "guide") is the first
 * word of their job, which u becomes; one of two words or more that ends in such a word
 * ("ski guide") is the job itself. */
static void name_before_person(const char *text, understood_t *u)
{
    const char *at = word_at(text, u->value);
    if (!at || !islower((unsigned char)u->value[0])) return;
    const char *last = strrchr(u->value, ' ');
    if (last && kinds_person(last + 1)) {
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
        return;
    }
    const char *w = at + strlen(u->value);
    while (*w == ' ') w++;
    char next[32];
    size_t n = 0;
    while (isalpha((unsigned char)w[n]) && n + 1 < sizeof next) next[n] = (char)tolower((unsigned char)w[n]), n++;
    next[n] = '\0';
    if (!n || !kinds_person(next)) return;
    char job[UNDERSTAND_VALUE];
    snprintf(job, sizeof job, "%.*s", (int)(w + n - at), at);
    snprintf(u->value, sizeof u->value, "%s", job);
    u->rel = READER_REL_JOB;
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
}

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

int checks_asks_firm(const char *text)
{
    return facts_has_words(text, "company") || facts_has_words(text, "firm") ||
           facts_has_words(text, "employer");
}

int checks_asks_driven(const char *text)
{
    return (facts_has_words(text, "what") || facts_has_words(text, "what's") ||
            facts_has_words(text, "which")) &&
           (facts_has_words(text, "driving") || facts_has_words(text, "drive")) &&
           !facts_has_words(text, "where") && !facts_has_words(text, "far") &&
           !facts_has_words(text, "for");
}

/* 1 when a holder key is a word for someone: kin, a group, a pet or a kind of person
 * ("sister", "kids", "kitten", "plumber"). */
static int someone_word(const char *holder)
{
    return understand_kin(holder) || understand_group_key(holder) ||
           dialogue_pet_word(holder) || kinds_person(holder);
}

/* 1 when holder (a key of one word) is no one but a thing of the user's: said after
 * "my" in text, in lower case (not a name), no kin, group, pet or kind of person, no
 * holder of a fact in f and no name told. */
static int no_one(const facts_t *f, const char *text, const char *holder)
{
    if (!holder[0] || strchr(holder, ' ') || !strcmp(holder, "self") || someone_word(holder) ||
        facts_find(f, holder, NULL, NULL) || (unsigned char)holder[0] >= 0x80)
        return 0;
    for (size_t i = 0; i < f->n; i++)         /* a name told of someone ("Viggo, 11") */
        if (facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
            facts_same_name(f->v[i].value, holder))
            return 0;
    char mine[UNDERSTAND_KEY + 4];              /* said as the user's: "my handicap" */
    snprintf(mine, sizeof mine, "my %s", holder);
    const char *at = word_at(text, holder);
    return at && !isupper((unsigned char)at[0]) && facts_has_words(text, mine);
}

/* Sets u to a fact the words settle, however sure the reader was and whatever words of
 * its relation the clause holds (settled): act, the user's (personal) holder, rel with
 * relation (rel's own name when relation is NULL) and value; nothing it corrects. The
 * strings may be u's own (each is copied before u is written). */
static void settle(understood_t *u, int act, const char *holder, int rel,
                   const char *relation, const char *value)
{
    char h[sizeof u->holder], r[sizeof u->relation], v[sizeof u->value];
    snprintf(h, sizeof h, "%s", holder);
    snprintf(r, sizeof r, "%s", relation ? relation : reader_rel_name(rel));
    snprintf(v, sizeof v, "%s", value);
    u->act = act;
    u->fact_min_p = 0;
    u->personal = 1;
    u->rel = rel;
    memcpy(u->holder, h, sizeof h);
    memcpy(u->relation, r, sizeof r);
    memcpy(u->value, v, sizeof v);
    u->old[0] = '\0';
    u->settled = 1;
}

/* "my handicap dropped after the club cup. It's 14 now!": a clause text that says what "it"
 * is now, right after a clause (before, in msg) that names a relation of the user's
 * open facts in f ("my handicap"), tells that relation's new value: u becomes that fact. */
static void it_is_now(const facts_t *f, const char *msg, const understood_t *before,
                      const char *text, understood_t *u)
{
    static const char *const opens[] = {"it's ", "its ", "it is ", "it’s ", NULL};
    while (*text && !isalpha((unsigned char)*text)) text++;
    if (!strncasecmp(text, "so ", 3)) text += 3;        /* "so it's four now" */
    const char *v = NULL;
    for (int k = 0; opens[k] && !v; k++)
        if (!strncasecmp(text, opens[k], strlen(opens[k]))) v = text + strlen(opens[k]);
    if (!v) return;
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strcspn(v, ",.;!?"), v);
    size_t n = strlen(value);
    if (n > 4 && !strcasecmp(value + n - 4, " now")) value[n -= 4] = '\0';
    if (!n || strchr(value, ' ') != strrchr(value, ' ')) return;    /* two words at most */
    char prev[UNDERSTAND_VALUE], mine[UNDERSTAND_KEY + 4];
    snprintf(prev, sizeof prev, "%.*s", (int)before->len, msg + before->at);
    for (size_t k = f->n; k-- > 0;) {
        const store_memory_t *m = &f->v[k];
        if (strcmp(m->holder, "self") != 0 || facts_rel_of(m->relation) != READER_REL_OPEN ||
            !m->relation[0] || strchr(m->relation, ' '))
            continue;
        snprintf(mine, sizeof mine, "my %s", m->relation);
        if (!facts_has_words(prev, mine)) continue;
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->personal = 1;
        u->rel = READER_REL_OPEN;
        snprintf(u->holder, sizeof u->holder, "self");
        snprintf(u->relation, sizeof u->relation, "%s", m->relation);
        snprintf(u->value, sizeof u->value, "%s", value);
        return;
    }
}

/* "a fox got two of the hens, so it's seven now", "gave one away, that makes three": a
 * number said as what "it" or "that" is now, in a clause that names a group whose count
 * the user told (f), is that group's count now. Sets u and returns 1, else 0. */
static int count_now(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const now_is[] = {"it is", "it's", "its", "that's", "that is",
                                         "that makes", "now have", "we have", "i have",
                                         "down to", "left with", NULL};
    if (asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    for (size_t k = f->n; k-- > 0;) {
        const store_memory_t *m = &f->v[k];
        if (strcmp(m->relation, REALISE_COUNT) != 0 || !strcmp(m->holder, "self") ||
            !strcmp(m->value, FACTS_ENDED) || !facts_has_words(text, m->holder))
            continue;
        for (int i = 0; now_is[i]; i++) {
            const char *at = word_at(text, now_is[i]);
            char number[16], after[16];
            long count;
            if (!at) continue;
            const char *end = word_after(at + strlen(now_is[i]), number, sizeof number);
            word_after(end, after, sizeof after);
            if (!understand_number(number, &count) || count < 0 || count > 1000 ||
                (after[0] && strcmp(after, "now") != 0 && strcmp(after, "left") != 0 &&
                 strcmp(after, m->holder) != 0))
                continue;
            settle(u, READER_FACT, m->holder, READER_REL_OPEN, REALISE_COUNT, number);
            return 1;
        }
        return 0;
    }
    return 0;
}

/* 1 when text says "my <holder> is" or "my <holder>'s" ("my handicap is 18"). */
static int my_x_is(const char *text, const char *holder)
{
    char is[UNDERSTAND_KEY + 8];
    snprintf(is, sizeof is, "my %s is", holder);
    if (facts_has_words(text, is)) return 1;
    snprintf(is, sizeof is, "my %s's", holder);
    return facts_has_words(text, is);
}

/* 1 when text asks whether someone is one of a kind: "is Ferdi a vet?", "was Ines an
 * only child?" (a story's yes/no asks where one is, or compares). */
static int is_one_a(const char *text)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[4];
    int n = understand_split_words(text, " ,?!", buf, sizeof buf, w, 4);
    return n >= 4 && (!strcmp(w[0], "is") || !strcmp(w[0], "was")) &&
           (!strcmp(w[2], "a") || !strcmp(w[2], "an"));
}

/* 1 when text opens as a yes/no question of the user's own, with or without a mark:
 * "is my visa still valid", "do i still owe tom money" (a verb that asks, then
 * "i", "my", "we" or "our"). */
static int opens_asking_me(const char *text)
{
    static const char *const whose[] = {"i", "my", "we", "our", NULL};
    char buf[UNDERSTAND_VALUE];
    const char *w[3];
    int n = understand_split_words(text, " ,?!", buf, sizeof buf, w, 3);
    return n >= 3 && understand_question_word(w[0]) == 1 && understand_in_list(whose, w[1]);
}

/* The fact of f that names someone or something of the user's by the second word of
 * text ("is Kit ...?", "does Crumpet ...?"), else NULL. */
static const store_memory_t *name_told_second(const facts_t *f, const char *text)
{
    const char *w = text;
    while (*w && !isspace((unsigned char)*w)) w++;
    while (isspace((unsigned char)*w)) w++;
    size_t n = 0;
    while (isalpha((unsigned char)w[n]) || (unsigned char)w[n] >= 0x80) n++;
    for (size_t i = 0; n && i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) == READER_REL_NAME && strlen(m->value) == n &&
            !strncasecmp(m->value, w, n))
            return m;
    }
    return NULL;
}

/* 1 when the second word of text names someone or something of the user's in f. */
static int names_told(const facts_t *f, const char *text)
{
    return name_told_second(f, text) != NULL;
}

/* The holder of someone of the user's whose told name opens text (past words of chat:
 * "ah hang on, ignore that, Ingrid moved ...") before a verb of living, moving, working,
 * being or having, when no word of the user's comes before it; else NULL. */
static const char *told_name_opens(const facts_t *f, const char *text)
{
    static const char *const verbs[] = {"moved", "moves", "lives", "lived", "relocated",
                                        "works", "worked", "is", "was", "has", "got",
                                        "started", "joined", "turned", "turns", "just",
                                        "now", "quit", "left", "became", "retired",
                                        "changed", "switched", "finished", "graduated",
                                        "teaches", "studies", "does", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k + 1 < n; k++) {
        if (understand_in_list(understand_personal_words, w[k]) || !strcmp(w[k], "me"))
            return NULL;
        const char *holder = NULL;
        for (size_t i = 0; i < f->n && !holder; i++)
            if (facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
                strcmp(f->v[i].holder, "self") != 0 && strcmp(f->v[i].value, FACTS_ENDED) &&
                !strcasecmp(f->v[i].value, w[k]))
                holder = f->v[i].holder;
        if (holder) return understand_in_list(verbs, w[k + 1]) ? holder : NULL;
    }
    return NULL;
}

/* A slip put right without the reader seeing a correction ("no wait, it's Harrowgate"
 * after "Harrogate"): in a clause that says it corrects (a word of correcting), a word of
 * five letters or more spelt almost as a value the user told. Fills u as the correction
 * of that value and returns 1, else 0. */
static int slip_put_right(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const cues[] = {"wait", "no", "sorry", "actually", "meant", "oops",
                                       "typo", "mean", "correction", "not", NULL};
    int cue = 0;
    for (int i = 0; cues[i] && !cue; i++) cue = facts_has_words(text, cues[i]);
    if (!cue) return 0;
    for (const char *p = text; *p;) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        const char *w = p;
        while (isalpha((unsigned char)*p)) p++;
        char word[UNDERSTAND_VALUE];
        if (p - w < 5 || (size_t)(p - w) >= sizeof word) continue;
        snprintf(word, sizeof word, "%.*s", (int)(p - w), w);
        const store_memory_t *m = facts_by_spelling(f, word);
        if (!m || strchr(m->value, ' ')) continue;
        u->act = READER_CORRECTION;
        u->personal = 1;
        u->rel = facts_rel_of(m->relation);
        snprintf(u->holder, sizeof u->holder, "%s", m->holder);
        snprintf(u->relation, sizeof u->relation, "%s", m->relation);
        snprintf(u->value, sizeof u->value, "%s", word);
        snprintf(u->old, sizeof u->old, "%s", m->value);
        return 1;
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
               !strcmp(u->holder, "self") && !asks(text);
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
    while (v < n && !in_words(verbs, w[v])) v++;
    int a = v + 1;
    while (a < n && !ends[a - 1] && in_words(leading, w[a])) a++;
    if (a + 2 < n && !strcasecmp(w[a], "one") && !strcasecmp(w[a + 1], "of") &&
        in_words(those, w[a + 2]))
        a += 3;                         /* "one of them party buses" */
    if (v >= n || ends[v] || a >= n || ends[a - 1]) return 0;
    char obj[UNDERSTAND_VALUE] = "";
    size_t at = 0;
    for (int k = a; k < n && k < a + 5 && w[k][0] && !in_words(ending, w[k]); k++) {
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
static int parted_with(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const parting[] = {"sold", "sell", "selling", "scrapped", "crashed",
                                          "totalled", "totaled", "rid", "dead", "died",
                                          "written off", "wrote off", "kaput", NULL};
    int parts = 0;
    for (int k = 0; parting[k] && !parts; k++) parts = facts_has_words(text, parting[k]);
    if (!parts || asks(text)) return 0;
    const store_memory_t *m = facts_find(f, "self", reader_rel_name(READER_REL_OWNS), NULL);
    if (!m || (!facts_vehicle_word(text) && !names_thing(text, m->value))) return 0;
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


/* "still at kingsmead? 🤔", "so still in mildura?": a place after "still" and "at"
 * or "in" (or "living in", "working at" ...), asked, asks whether the user's place of
 * that relation is it: the relation of a value of theirs it names, else a home after
 * "in" and a place of work after "at". 1 with u made that yes/no question, else 0. */
static int still_there(const facts_t *f, const char *text, int marked, understood_t *u)
{
    static const char *const fillers[] = {"so", "and", "oh", "ok", "okay", "wait", "but",
                                          NULL};
    static const char *const doing[] = {"living", "working", "based", "staying", "live",
                                        "work", NULL};
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 16), s = 0;
    while (s < n && understand_in_list(fillers, w[s])) s++;
    if (!marked || s + 2 >= n || strcmp(w[s], "still") != 0) return 0;
    int p = s + 1 + understand_in_list(doing, w[s + 1]);
    if (p + 1 >= n || (strcmp(w[p], "at") && strcmp(w[p], "in"))) return 0;
    static const char *const no_place[] = {"work", "home", "it", "this", "that", "the", "all",
                                           "school", "least", NULL};
    static const char *const tags[] = {"right", "eh", "yeah", "yes", "innit", "correct", "ya",
                                       "aye", "ok", "no", "lol", NULL};
    char place[UNDERSTAND_VALUE] = "";
    int words = 0;          /* the place: one to three words, all that are left but emoji */
    for (int e = p + 1; e < n; e++) {
        unsigned char c = (unsigned char)w[e][0];
        if (!isalpha(c) && !(c >= 0xC0 && c < 0xE0)) continue;
        if (words && understand_in_list(tags, w[e])) break;     /* ("..., yeah?") */
        if (++words > 3 || understand_in_list(no_place, w[e])) return 0;
        size_t l = strlen(place);
        snprintf(place + l, sizeof place - l, "%s%s", l ? " " : "", w[e]);
    }
    if (!place[0]) return 0;
    int rel = !strcmp(w[p], "in") ? READER_REL_HOME : READER_REL_EMPLOYER;
    for (size_t k = f->n; k-- > 0;)
        if (!strcmp(f->v[k].holder, "self") && facts_same_value(f->v[k].value, place)) {
            rel = facts_rel_of(f->v[k].relation);
            break;
        }
    settle(u, READER_YESNO, "self", rel, NULL, place);
    return 1;
}

/* "Jun Hao already 14 lah, his birthday was Tuesday", "Nana turn 90 Saturday gone", "I
 * turned thirty-four the day": a number of years (1-120, in digits or words; not
 * of hours, people or things) with a word of turning, a birthday or "now", in a clause
 * whose sentence names one whose age was told (by name or word of kin in any form, or by
 * the pronoun the clause's holder was found for; the user by "my birthday", "I'm" or "I
 * turned"), is that one's age now, if a year to ten more than told. Sets u and returns
 * 1, else 0. */
static int age_now(const facts_t *f, const char *msg, const char *text, understood_t *u)
{
    static const char *const turning[] = {"turn", "turns", "turned", "birthday", "bday",
                                          "already", "now", "today", NULL};
    static const char *const measures[] = {
        "hours", "hour", "minutes", "mins", "people", "percent", "kids", "children", "times",
        "days", "weeks", "months", "miles", "km", "quid", "dollars", "pounds", "euros",
        "head", "sheep", "cows", "rooms", "grandchildren", "grandkids", "degrees", "ago",
        "pm", "am", "k", "things", "of", "more", "less", NULL};
    static const char *const mine[] = {"my birthday", "i'm", "im", "i turned", "i turn",
                                       "i am", NULL};
    if (asks(text) || !holds_any(text, turning) || u->act == READER_QUESTION ||
        u->act == READER_YESNO || u->act == READER_FORGET)
        return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    long years = -1;
    char said[UNDERSTAND_VALUE] = "";
    for (int j = 0; j < n && years < 0; j++) {
        long v;
        char two[64];                   /* "twenty-eight", "twenty eight" */
        snprintf(two, sizeof two, "%s %s", w[j], j + 1 < n ? w[j + 1] : "");
        int pair = j + 1 < n && understand_number(two, &v) && v > 20;
        if (!pair && !understand_number(w[j], &v)) continue;
        const char *next = j + 1 + pair < n ? w[j + 1 + pair] : "";
        if (v < 1 || v > 120 || understand_in_list(measures, next)) continue;
        years = v;
        snprintf(said, sizeof said, "%s", pair ? two : w[j]);
    }
    if (years < 0) return 0;
    char sentence[512], sbuf[512];       /* the clause's sentence in msg */
    size_t sb, se;
    clauses_sentence(msg, u->at, u->len, &sb, &se);
    snprintf(sentence, sizeof sentence, "%.*s", (int)(se - sb), msg + sb);
    const char *sw[64];
    int ns = understand_split_words(sentence, " ,.;:!?()", sbuf, sizeof sbuf, sw, 64);
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        long was;
        if (facts_rel_of(m->relation) != READER_REL_AGE || !strcmp(m->value, FACTS_ENDED) ||
            !understand_number(m->value, &was) || was == years || years < was ||
            years > was + 10)
            continue;
        /* named in the clause's sentence: by name, by a word of kin in any form
         * ("granny"), or by a pronoun the clause's holder was found for */
        const char *name = facts_name_of(f, m->holder);
        int named = !strcmp(m->holder, "self")
                        ? holds_any(text, mine)
                        : (name && facts_has_words(sentence, name)) ||
                              (strcmp(u->holder, "self") != 0 &&
                               facts_same_holder(u->holder, m->holder));
        for (int j = 0; j < ns && !named && strcmp(m->holder, "self") != 0; j++) {
            char key[UNDERSTAND_KEY];
            understand_holder_of(sw[j], key, sizeof key);
            named = facts_same_holder(key, m->holder);
        }
        if (!named) continue;
        settle(u, READER_FACT, m->holder, READER_REL_AGE, m->relation, said);
        return 1;
    }
    return 0;
}

/* "My favourite snack? Churros, no contest.": a question of the user's own with no
 * question word ("my X?", "cat's name?"), answered in the clause after it by a bare value
 * the reader did not read so, tells that fact; its value the words before the first
 * comma (one to four, past "it's", "definitely" ...). Sets u and
 * returns 1, else 0; the question is left to the plan (respond.c: a question the
 * message answers is not asked). */
static int answers_own(const char *msg, const understood_t *told, int i, const char *text,
                       understood_t *u)
{
    static const char *const lead[] = {"it's", "its", "it", "is", "has", "to", "be",
                                       "definitely", "probably", "easily", "oh", "that'd",
                                       "thatd", "hands", "down", "gotta", NULL};
    int j = i - 1;
    while (j >= 0 && told[j].at == u->at) j--;
    if (j < 0 || asks(text) || told[j].act != READER_QUESTION || !told[j].relation[0] ||
        !told[j].holder[0] || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    char asked[256], first[32] = "";
    snprintf(asked, sizeof asked, "%.*s", (int)told[j].len, msg + told[j].at);
    sscanf(asked, "%31s", first);
    for (char *c = first; *c; c++) *c = (char)tolower((unsigned char)*c);
    static const char *const mine[] = {"i", "i'm", "im", "i've", "my", "we", "our", NULL};
    char lead_word[32] = "";
    sscanf(text, "%31s", lead_word);
    for (char *c = lead_word; *c; c++) *c = (char)tolower((unsigned char)*c);
    size_t sb, se;                      /* (a short question that opens its sentence) */
    clauses_sentence(msg, told[j].at, told[j].len, &sb, &se);
    while (sb < told[j].at && msg[sb] == ' ') sb++;
    int words = 0;
    for (const char *c = asked; *c; c++) words += *c != ' ' && (c == asked || c[-1] == ' ');
    if (understand_question_word(first) || !strchr(asked, '?') || sb != told[j].at ||
        words > 4 ||
        understand_in_list(mine, lead_word) ||
        (u->act == READER_FACT && u->rel == told[j].rel && u->value[0]))
        return 0;                       /* (a question word; "I'm a glazier" is read) */
    size_t cut = strcspn(text, ",.;!");
    char buf[256];
    const char *w[8];
    char part[256];
    snprintf(part, sizeof part, "%.*s", (int)cut, text);
    int n = understand_split_words(part, " ", buf, sizeof buf, w, 8), b = 0;
    while (b < n && understand_in_list(lead, w[b])) b++;
    static const char *const unsure[] = {"dunno", "idk", "no", "not", "nothing", "none",
                                         "yes", "yeah", "lol", "haha", "hmm", "um", "maybe",
                                         "guess", "who", "what", "why", "ask", "well", "good",
                                         "question", "wait", NULL};
    unsigned char c0 = n > b ? (unsigned char)w[b][0] : 0;
    if (n - b < 1 || n - b > 4 || n == 8 || understand_in_list(unsure, w[b]) ||
        !(isalnum(c0) || (c0 >= 0xC0 && c0 < 0xE0) || (c0 >= 0xE4 && c0 <= 0xE9)) ||
        !checks_fits(told[j].rel, told[j].holder, w[b]))
        return 0;                       /* (no emoji: "so my birthday? 🙈") */
    const char *from = word_at(part, w[b]);
    if (!from) return 0;
    settle(u, READER_FACT, told[j].holder, told[j].rel, told[j].relation, from);
    return 1;
}

/* 1 when holder is someone: the user, a word of kin, pet or kind of person, or a name
 * written in text with a capital ("mateus ... in porto, studies physics": not "porto"). */
static int of_someone(const char *text, const char *holder)
{
    const char *at = word_at(text, holder);
    return !strcmp(holder, "self") || someone_word(holder) ||
           (at && isupper((unsigned char)*at));
}

/* 1 when u already holds an age, a birthday or a name ("turns 9 on june 3rd": the
 * birthday; "my son kofi just turned 16": his name), unless it is the age of someone
 * else than the user, read unsure or as chat, which turned tells again. */
static int when_read_already(const char *text, const understood_t *u)
{
    if (!u->value[0] || (u->rel != READER_REL_AGE && u->rel != READER_REL_BIRTHDAY &&
                         u->rel != READER_REL_NAME))
        return 0;
    return !(u->rel == READER_REL_AGE && strcmp(u->holder, "self") != 0 &&
             of_someone(text, u->holder));
}

/* "she just turned 4 🎈", "Omar turns 9 on Sunday": a number of years (1-120) right after
 * "turned" or "turns", said of a holder already found (a pronoun resolved, a name, a
 * word of kin or pet), is that one's age, however the reader read the clause. Sets u and
 * returns 1, else 0. */
static int turned(const char *text, understood_t *u)
{
    static const char *const turning[] = {"turned", "turns", "turning", NULL};
    static const char *const after[] = {"", "years", "yrs", "year", "today", "yesterday",
                                        "on", "last", "this", "in", "and", "so", "already",
                                        "now", "just", "lol", NULL};
    if (asks(text) || (u->act != READER_FACT && u->act != READER_SMALLTALK) ||
        !u->holder[0] || understand_pronoun(u->holder) || when_read_already(text, u))
        return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k + 1 < n; k++) {
        long v;
        const char *next = k + 2 < n ? w[k + 2] : "";
        if (!understand_in_list(turning, w[k]) || !understand_number(w[k + 1], &v) || v < 1 ||
            v > 120 || !(understand_in_list(after, next) || (unsigned char)next[0] >= 0xE0))
            continue;                   /* (emoji after it: "turned 2 🎂") */
        settle(u, READER_FACT, u->holder, READER_REL_AGE, NULL, w[k + 1]);
        return 1;
    }
    return 0;
}

/* "And Leah, my girl, turned twelve": a clause of one word with a capital (past "and",
 * "oh", "so") followed in the message by ", my <kin>," names that one of the user's.
 * Sets u to the name fact and returns 1, else 0. */
static int named_before_kin(const char *msg, const char *text, understood_t *u)
{
    static const char *const lead[] = {"and", "oh", "so", "also", "plus", NULL};
    if (u->act != READER_SMALLTALK && u->act != READER_FACT) return 0;
    char buf[128];
    const char *w[4];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 4), k = 0;
    while (k < n && understand_in_list(lead, w[k])) k++;
    if (k + 1 != n) return 0;
    const char *name = word_at(text, w[k]);
    if (!name || !isupper((unsigned char)*name) || strlen(w[k]) < 2 || lex_is_stopword(w[k]))
        return 0;
    for (const char *c = w[k]; *c; c++)
        if (!isalpha((unsigned char)*c)) return 0;
    const char *rest = msg + u->at + u->len;
    while (*rest == ' ' || *rest == ',') rest++;
    if (rest == msg + u->at + u->len || strncasecmp(rest, "my ", 3)) return 0;
    char kin[32], key[UNDERSTAND_KEY];
    size_t kl = strspn(rest + 3, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (!kl || kl >= sizeof kin || rest[3 + kl] != ',') return 0;
    snprintf(kin, sizeof kin, "%.*s", (int)kl, rest + 3);
    understand_holder_of(kin, key, sizeof key);
    if (!understand_kin(key) || understand_group_key(key)) return 0;
    char value[UNDERSTAND_KEY];
    snprintf(value, sizeof value, "%.*s", (int)strlen(w[k]), name);
    settle(u, READER_FACT, key, READER_REL_NAME, NULL, value);
    return 1;
}

/* "Bo's fourteen, Cody's eleven": a clause that opens with the name told of one of a
 * group of the user's people ("the boys are Bo, Cody and Eli"), then 's, "is" or "just
 * turned", then a number of years (1-120) ending the clause, tells that one's age, not
 * the group's. Sets u (held by the name as written) and returns 1, else 0. */
static int member_aged(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const lead[] = {"and", "oh", "so", "while", "but", "then", NULL};
    static const char *const verbs[] = {"is", "turned", "just", "turns", NULL};
    if (asks(text) || (u->act != READER_FACT && u->act != READER_SMALLTALK)) return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64), k = 0;
    while (k < n && understand_in_list(lead, w[k])) k++;
    if (k >= n) return 0;
    char name[UNDERSTAND_KEY];
    size_t len = strlen(w[k]);
    int own = len > 2 && !strcmp(w[k] + len - 2, "'s");   /* "bo's" */
    snprintf(name, sizeof name, "%.*s", (int)(own ? len - 2 : len), w[k]);
    int at = k + 1;
    while (!own && at < n && at < k + 3 && understand_in_list(verbs, w[at])) at++;
    long v;
    if ((!own && at == k + 1) || at + 1 != n || !understand_number(w[at], &v) || v < 1 ||
        v > 120)
        return 0;
    const char *as_written = word_at(text, name);
    if (!as_written || !isupper((unsigned char)*as_written)) return 0;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_NAME || strcasecmp(m->value, name) ||
            !(understand_group_key(m->holder) ||
              (islower((unsigned char)m->holder[0]) && understand_plural(m->holder))))
            continue;
        char holder[UNDERSTAND_KEY];
        snprintf(holder, sizeof holder, "%.*s", (int)strlen(name), as_written);
        settle(u, READER_FACT, holder, READER_REL_AGE, NULL, w[at]);
        return 1;
    }
    return 0;
}

/* "tater's five not four", "she is 7, not 6": a correction, or a clause of someone's
 * read as chat or a fact, whose words hold a number of years after "'s" or "is" and
 * "not" another, puts right that one's age, whatever value the reader marked. Sets u and
 * returns 1, else 0. */
static int age_not(const char *text, understood_t *u)
{
    if ((u->act != READER_CORRECTION && u->act != READER_SMALLTALK && u->act != READER_FACT) ||
        !u->holder[0] || understand_pronoun(u->holder) ||
        (u->act != READER_CORRECTION && !of_someone(text, u->holder)))
        return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 1; k + 2 < n; k++) {
        long now, was;
        size_t pl = strlen(w[k - 1]);
        int after_is = !strcmp(w[k - 1], "is") || (pl > 2 && !strcmp(w[k - 1] + pl - 2, "'s"));
        if (!after_is || strcmp(w[k + 1], "not") || !understand_number(w[k], &now) ||
            !understand_number(w[k + 2], &was) || now < 1 || now > 120 || was < 1 || was > 120)
            continue;
        settle(u, READER_CORRECTION, u->holder, READER_REL_AGE, NULL, w[k]);
        snprintf(u->old, sizeof u->old, "%s", w[k + 2]);
        return 1;
    }
    return 0;
}

/* "did I say four hens? make that five", "make it 35": a number after "make that" or
 * "make it" puts right the newest number told of the user's people, pets or things (a
 * count or an age), however the reader read the clause. Sets u and returns 1, else 0. */
static int make_that(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const making[] = {"make that", "make it", NULL};
    if (asks(text) || u->act == READER_FORGET) return 0;
    for (int k = 0; making[k]; k++) {
        const char *at = word_at(text, making[k]);
        if (!at) continue;
        char said[32] = "";
        sscanf(at + strlen(making[k]), " %31[A-Za-z0-9-]", said);
        long v, was;
        if (!understand_number(said, &v)) return 0;
        for (size_t m = f->n; m-- > 0;) {
            const store_memory_t *x = &f->v[m];
            if (!understand_number(x->value, &was) || !x->relation[0]) continue;
            if (was == v) return 0;
            settle(u, READER_CORRECTION, x->holder, facts_rel_of(x->relation), x->relation,
                   said);
            snprintf(u->old, sizeof u->old, "%s", x->value);
            return 1;
        }
        return 0;
    }
    return 0;
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
    if (u->rel != READER_REL_NAME || !u->value[0] || !understand_kin(u->holder) || asks(text))
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
    settle(u, READER_FACT, key, READER_REL_NAME, NULL, value);
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
    if (!ends || asks(text)) return 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        char animal[UNDERSTAND_KEY];
        if (facts_rel_of(m->relation) != READER_REL_NAME ||
            !facts_group_animal(m->holder, animal, sizeof animal)[0] ||
            !strcmp(m->value, FACTS_ENDED) || !facts_has_words(text, m->value))
            continue;
        settle(u, READER_FACT, m->holder, READER_REL_NAME, m->relation, m->value);
        return 1;
    }
    return 0;
}

/* The words of a partner's holder (boyfriend, wife ...): whom one breaks up with or
 * starts seeing. */
static const char *const partners[] = {"boyfriend", "girlfriend", "partner", "husband",
                                       "wife", "fiance", "fiancee", "spouse", NULL};

/* "marek and i separated", "we broke up" (msg names the partner told, or there is one
 * partner): the partner's name ends; "i'm dating someone new, ravi", "seeing Lorna now": a
 * new partner's name, of the partner's holder told before (else "partner"). Sets u and
 * returns 1, else 0. */
static int partner_changed(const facts_t *f, const char *msg, const char *text,
                           understood_t *u)
{
    static const char *const parting[] = {"split", "split up", "broke up", "separated",
                                          "divorced", "dumped", "called it quits", NULL};
    static const char *const seeing[] = {"seeing someone new", "seeing someone",
                                         "dating someone new", "dating", "seeing", NULL};
    static const char *const no_name[] = {"someone", "a", "an", "the", "my", "things", "you",
                                          "it", "that", "them", "him", "her", "new", "each",
                                          "other", "anyone", "nobody", "no", "if", "how",
                                          "what", "double", "stars", "red", NULL};
    if (asks(text)) return 0;
    const store_memory_t *who = NULL;   /* the newest partner named, and how many */
    int npartners = 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_NAME || !understand_in_list(partners, m->holder))
            continue;
        if (strcmp(m->value, FACTS_ENDED) != 0) npartners++;
        if (!who) who = m;
    }
    int parts = (facts_has_words(text, "not with") || facts_has_words(text, "no longer with")) &&
                (facts_has_words(text, "anymore") || facts_has_words(text, "any more") ||
                 facts_has_words(text, "no longer"));   /* "not with Rosalind anymore" */
    for (int k = 0; parting[k] && !parts; k++) parts = facts_has_words(text, parting[k]);
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
    for (int k = 0; seeing[k]; k++) {
        const char *at = word_at(text, seeing[k]);
        if (!at) continue;
        if (u->rel != READER_REL_NAME && u->value[0] &&
            (understand_pronoun(u->holder) || understand_in_list(partners, u->holder))) {
            /* "..., ravi, he's a plumber": the rest of the clause is of the new partner
             * (the pronoun may be found already: understand_mend_pronoun_holders) */
            if (understand_pronoun(u->holder))
                snprintf(u->holder, sizeof u->holder, "%s", who ? who->holder : "partner");
            u->personal = 1;
            return 1;
        }
        at += strlen(seeing[k]);
        while (*at == ' ' || *at == ',') at++;
        const char *called = word_at(at, "called");     /* "dating a guy called Emrys" */
        if (!called) called = word_at(at, "named");
        if (called && (!strncasecmp(at, "a ", 2) || !strncasecmp(at, "an ", 3)))
            for (at = called + 6; *at == ' '; at++) {}
        char name[UNDERSTAND_VALUE];
        size_t n = 0;
        while (n + 1 < sizeof name && (isalpha((unsigned char)at[n]) || at[n] == '-' ||
                                       (unsigned char)at[n] >= 0x80))
            name[n] = at[n], n++;
        name[n] = '\0';
        if (n < 2 || understand_in_list(no_name, name) || lex_is_stopword(name)) return 0;
        settle(u, READER_FACT, who ? who->holder : "partner", READER_REL_NAME, NULL, name);
        return 1;
    }
    return 0;
}

/* "moved flats in march, we're in portree now": where the user now is, said
 * "we're in" or "I'm in" with "now" or in a message of moving, is their home; "I'm in
 * hospital", "we're in Rome this week" are where one is for now, no home. Sets u and
 * returns 1, else 0. */
static int home_now(const char *msg, const char *text, understood_t *u)
{
    static const char *const in[] = {"we're in", "we are in", "i'm in", "im in", "i am in",
                                     "we're now in", "i'm now in", NULL};
    static const char *const moving[] = {"moved", "moving", "relocated", "new place",
                                         "new house", "new flat", NULL};
    static const char *const no_place[] = {"hospital", "bed", "work", "class", "school",
                                           "traffic", "love", "trouble", "charge", "line",
                                           "shock", "pain", "heaven", "luck", "labour",
                                           "labor", "shape", "bits", "tears", "pieces", "debt",
                                           "touch", "contact", "town", "the", "a", "my",
                                           "our", "now", "lockdown", "quarantine", NULL};
    if ((u->rel != READER_REL_HOME && (u->act != READER_SMALLTALK || u->value[0])) ||
        asks(text))
        return 0;
    int moved = 0;
    for (int k = 0; moving[k] && !moved; k++) moved = facts_has_words(msg, moving[k]);
    int away = understand_lately(text) || facts_has_words(text, "holiday") ||
               facts_has_words(text, "vacation") || facts_has_words(text, "visiting");
    for (int k = 0; in[k]; k++) {
        const char *at = word_at(text, in[k]);
        if (!at) continue;
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
        settle(u, READER_FACT, "self", READER_REL_HOME, NULL, place);
        return 1;
    }
    return 0;
}

/* 1 when the word w is written in text with a capital first. */
static int capital_in(const char *text, const char *w)
{
    const char *at = word_at(text, w);
    return at && isupper((unsigned char)*at);
}

/* The place written from p on: up to three words that open with a capital, of letters,
 * hyphens and letters of two bytes ("Kraków"), into out. */
static void capitals_at(const char *p, char *out, size_t cap)
{
    size_t e = 0;
    for (int words = 0; words < 3 && isupper((unsigned char)p[e]); words++) {
        while (isalpha((unsigned char)p[e]) || p[e] == '-' || (unsigned char)p[e] >= 0x80)
            e++;
        if (p[e] != ' ' || !isupper((unsigned char)p[e + 1])) break;
        e++;
    }
    snprintf(out, cap, "%.*s", (int)e, p);
}

/* Sets u to place as the user's home now, replacing the home told before (a move need
 * not say "live"), and returns 1; 0, u untouched, when place is none, a month or a day,
 * or that home. One moved by others ("the council moved me to Truro", "they've posted
 * me to ...") moved their place of work. */
static int home_moved_to(const facts_t *f, const char *msg, const char *place,
                         understood_t *u)
{
    static const char *const by_others[] = {"moved me", "transferred me", "posted me",
                                            "relocated me", "sent me", NULL};
    int rel = holds_any(msg, by_others) ? READER_REL_WORKPLACE : READER_REL_HOME;
    char first[UNDERSTAND_KEY];         /* ("moved to May 9th": a day) */
    size_t fl = strcspn(place, " ");
    snprintf(first, sizeof first, "%.*s", (int)fl, place);
    for (char *p = first; *p; p++) *p = (char)tolower((unsigned char)*p);
    const store_memory_t *was = facts_find(f, "self", reader_rel_name(rel), NULL);
    if (!place[0] || understand_month(first) || understand_weekday(first) ||
        (was && facts_same_value(was->value, place)))
        return 0;
    settle(u, READER_FACT, "self", rel, NULL, place);
    if (was) {
        u->act = READER_CORRECTION;
        snprintf(u->old, sizeof u->old, "%s", was->value);
    }
    return 1;
}

/* "we've flitted at last, over the hill to Keswick", "signed for a three-bed in
 * Preston", "keys picked up, our flat in Tampines is done": in a message that says the user
 * moved or got a new home, a clause of no one else's (not opened by a name told, a
 * pronoun of someone else or "my" and a word of kin or pet) that says "to", "in" or "into" before a place written with a capital (not a
 * month, a day or a name told of someone) tells their home now, replacing the one told
 * before. Of a clause the reader read no other fact in. Sets u and returns 1, else 0. */
static int moved_home(const facts_t *f, const char *msg, const char *text, understood_t *u)
{
    if (moved_work(text)) return 0;     /* ("we shifted the bakery to Ely") */
    static const char *const moving[] = {"moved", "flitted", "flitting", "relocated",
                                         "signed for", "keys", "new place", "new flat",
                                         "new house", "new home", "bought a house",
                                         "bought a flat", "move out", "moved out",
                                         "moved in", "two-bed", "one-bed", "three-bed", NULL};
    static const char *const into[] = {"to", "in", "into", NULL};
    static const char *const no_place[] = {"january", "february", "march", "april", "may",
                                           "june", "july", "august", "september", "october",
                                           "november", "december", "i", "christmas",
                                           "easter", NULL};     /* (and weekdays) */
    if (asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET || u->act == READER_CORRECTION ||
        (u->act == READER_FACT && u->value[0] && u->rel != READER_REL_HOME &&
         u->rel != READER_REL_WORKPLACE && u->rel != READER_REL_OPEN))
        return 0;                       /* (a fact told beside it stays) */
    int moved = 0;
    for (int k = 0; moving[k] && !moved; k++) moved = facts_has_words(msg, moving[k]);
    /* (not "Declan's moved to Halifax", "my brother moved in with me in March") */
    static const char *const theirs[] = {"he", "she", "they", "he's", "she's", "they're",
                                         "hes", "shes", NULL};
    char first[UNDERSTAND_KEY] = "", second[UNDERSTAND_KEY] = "";
    sscanf(text, "%63s %63s", first, second);
    for (char *p = first; *p; p++) *p = (char)tolower((unsigned char)*p);
    char key[UNDERSTAND_KEY];
    understand_holder_of(second, key, sizeof key);
    if (!moved || names_told(f, text) || understand_in_list(theirs, first) ||
        told_name_opens(f, text) ||
        ((!strcmp(first, "my") || !strcmp(first, "our")) &&
         (understand_kin(key) || dialogue_pet_word(key))))
        return 0;
    /* "moved to Lisbon ..., rented a flat in Alfama": the place moved to, where the
     * message says it, is the home; no other clause's */
    static const char *const moved_to[] = {"moved to ", "moving to ", "flitted to ",
                                           "relocated to ", NULL};
    for (int k = 0; moved_to[k]; k++) {
        size_t ml = strlen(moved_to[k]);
        for (const char *at = msg; *at; at++) {
            if ((at > msg && isalpha((unsigned char)at[-1])) ||
                strncasecmp(at, moved_to[k], ml) != 0 || !isupper((unsigned char)at[ml]))
                continue;
            if (at < msg + u->at || at >= msg + u->at + u->len) return 0;  /* another's */
            char place[UNDERSTAND_VALUE];       /* this clause's */
            capitals_at(at + ml, place, sizeof place);
            return home_moved_to(f, msg, place, u);
        }
    }
    if (u->rel == READER_REL_HOME && u->value[0]) return 0;    /* the reader's own reading */
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int j = 1; j + 1 < n; j++) {
        static const char *const before[] = {"from", "used", "lived", "left", "was", "were",
                                             "visiting", "visited", NULL};
        int past = 0;           /* "used to live in Turku", "from Leeds" */
        for (int b = j - 1; b >= 0 && b >= j - 3 && !past; b--)
            past = understand_in_list(before, w[b]);
        if (!understand_in_list(into, w[j]) || !capital_in(text, w[j + 1]) ||
            understand_in_list(no_place, w[j + 1]) || understand_weekday(w[j + 1]) || past)
            continue;
        char place[UNDERSTAND_VALUE];
        capitals_at(word_at(text, w[j + 1]), place, sizeof place);
        int person = 0;             /* a name told of someone is no place */
        for (size_t m = 0; m < f->n && !person; m++)
            person = facts_rel_of(f->v[m].relation) == READER_REL_NAME &&
                     facts_same_value(f->v[m].value, place);
        if (!person && home_moved_to(f, msg, place, u)) return 1;
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
        settle(u, READER_FACT, "self", READER_REL_JOB, NULL, job);
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
    if (asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    static const char *const i[] = {"i", "i've", "ive", "i'm", "im", "i'd", NULL};
    /* of someone of the user's the clause is of: "Priya just made sergeant" */
    static const char *const made_them[] = {"promoted to", "made", NULL};
    const char *at = NULL, *whose = "self";
    int k = 0;
    for (; made[k] && !at; k++)
        if ((at = word_at(text, made[k])) != NULL) at += strlen(made[k]);
    char next[8] = "";
    if (at) sscanf(at, " %7s", next);
    if (at && !strcmp(made[k - 1], "made me") && (!strcasecmp(next, "a") || !strcasecmp(next, "an")))
        return 0;                       /* ("made me a curry last night": a thing made) */
    if (at && !strstr(made[k - 1], "me") && !holds_any(text, i))
        at = NULL;                      /* (not "my uncle was promoted to ...") */
    for (k = 0; !at && made_them[k] && strcmp(u->holder, "self") != 0 &&
                someone_word(u->holder) && !holds_any(text, i);
         k++)
        if ((at = word_at(text, made_them[k])) != NULL) {
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
    settle(u, was ? READER_CORRECTION : READER_FACT, holder, READER_REL_JOB, NULL, job);
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
        if ((at = word_at(text, wanting[k])) != NULL) at += strlen(wanting[k]);
    if (!at || u->act == READER_FORGET || !u->holder[0] || !of_someone(text, u->holder))
        return 0;
    static const char *const i[] = {"i", "i'd", NULL};      /* ("I want to be a nurse") */
    int mine = strncmp(wanting[k - 1], "wants", 5) != 0 && holds_any(text, i);
    if (u->act == READER_QUESTION) {
        if (opens_question(text) != 2) return 0;
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "%s", REALISE_WANTS_TO_BE);
        u->value[0] = '\0';
        return 1;
    }
    if (asks(text) || u->act == READER_YESNO) return 0;
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
        settle(u, READER_FACT, mine ? "self" : u->holder, READER_REL_OPEN, REALISE_WANTS_TO_BE,
               value);
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
    if (u->act == READER_QUESTION && opens_question(text) == 2 &&
        (understand_in_list(majors, u->holder) ||
         (!strcmp(u->holder, "self") && understand_in_list(majors, u->relation)))) {
        settle(u, READER_QUESTION, "self", READER_REL_OPEN, "studies", "");
        return 1;                       /* "what's my major?" */
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
    if (asks(text) || u->act == READER_YESNO ||
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
        const char *at = strcmp(cue, "doing") || own ? word_at(text, cue) : NULL;
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
            if (!field[0] || !facts_has_words(field, w[e]) || !of_someone(text, u->holder))
                break;
            if (u->value[0] && !facts_has_words(field, u->value) &&
                !facts_has_words(u->value, w[e]))
                return 0;                   /* (the school told beside it stays) */
            settle(u, READER_FACT, !strcmp(cue, "doing") ? "self" : u->holder, READER_REL_OPEN,
                   "studies", field);
            return 1;
        }
    }
    return 0;
}

/* "I'm sous chef at the hotel these days, not a line cook any more": a kind of person
 * after "I'm" (past an article; one to three words, up to a word that ends them) in a
 * clause that says the user's job told is no more ("not a line cook", "no longer a line
 * cook") is their job now. Sets u and returns 1, else 0. */
static int job_not_old(const facts_t *f, const char *text, understood_t *u)
{
    const store_memory_t *was = facts_find(f, "self", reader_rel_name(READER_REL_JOB), NULL);
    if (!was || strcmp(was->value, FACTS_ENDED) == 0 || asks(text) ||
        u->act == READER_QUESTION || u->act == READER_YESNO || u->act == READER_FORGET)
        return 0;
    char not_was[UNDERSTAND_VALUE + 16], no_longer[UNDERSTAND_VALUE + 24];
    snprintf(not_was, sizeof not_was, "not a %s", was->value);
    snprintf(no_longer, sizeof no_longer, "no longer a %s", was->value);
    if (!facts_has_words(text, not_was) && !facts_has_words(text, no_longer)) return 0;
    static const char *const ends[] = {"at", "in", "on", "for", "with", "and", "but", "now",
                                       "not", "no", "so", "of", NULL};
    const char *at = word_at(text, "i'm");
    if (!at) at = word_at(text, "im");
    if (!at) return 0;
    static const char *const articles[] = {"a", "an", "now", NULL};
    at += strcspn(at, " ");             /* (past "I'm") */
    char job[UNDERSTAND_VALUE];
    if (!job_after(at, articles, ends, 3, job, sizeof job) || facts_same_value(job, was->value))
        return 0;
    settle(u, READER_CORRECTION, "self", READER_REL_JOB, NULL, job);
    snprintf(u->old, sizeof u->old, "%s", was->value);
    return 1;
}

/* "I quit the warehouse!", "left Deloitte in March" read as chat or as the firm told
 * again: leaving the place of work the user told ends it. Sets u to end it and returns
 * 1, else 0. */
static int left_work(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const leaving[] = {"resigned", "quit", "left", "retired", "sacked",
                                          "fired", "laid off", "let go", "handed in my notice",
                                          NULL};
    if (asks(text) || strcmp(u->holder, "self") != 0 || !u->value[0] ||
        (u->rel != READER_REL_EMPLOYER && u->rel != READER_REL_WORKPLACE) ||
        (u->act != READER_SMALLTALK && u->act != READER_FACT))
        return 0;
    int leaves = 0;
    for (int k = 0; leaving[k] && !leaves; k++) leaves = facts_has_words(text, leaving[k]);
    const store_memory_t *was = facts_find(f, "self", u->relation, NULL);
    if (!leaves || !was || strcmp(was->value, FACTS_ENDED) == 0 ||
        !(facts_same_value(was->value, u->value) || facts_has_words(u->value, was->value)))
        return 0;
    char old[UNDERSTAND_VALUE];
    snprintf(old, sizeof old, "%s", was->value);
    settle(u, READER_CORRECTION, "self", u->rel, was->relation, "");
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

/* "..., the youngest is Noor", "my firstborn is Ilse": "the", "our" or "my", a child's
 * place among them, "is" and a name ending the clause name that child, when the reader
 * read that name (as whatever) or no value. Sets u and returns 1, else 0. */
static int place_named(const char *text, understood_t *u)
{
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!()", buf, sizeof buf, w, 64);
    if (n < 4 || strcmp(w[n - 2], "is") != 0 || !understand_in_list(the_ours, w[n - 4]) ||
        lex_is_stopword(w[n - 1]) || understand_pronoun(w[n - 1]) ||
        !isalpha((unsigned char)w[n - 1][0]) ||
        (u->value[0] && !facts_same_value(u->value, w[n - 1])))
        return 0;
    char holder[UNDERSTAND_KEY];
    if (!child_by_place(w[n - 3], holder, sizeof holder)) return 0;
    const char *said = word_at(text, w[n - 1]);     /* the name as written */
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strlen(w[n - 1]), said ? said : w[n - 1]);
    settle(u, READER_FACT, holder, READER_REL_NAME, NULL, value);
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
    if (asks(text)) return 0;
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
    const char *said = word_at(text, name);     /* the name as written */
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strlen(name), said ? said : name);
    settle(u, READER_FACT, key, READER_REL_NAME, NULL, value);
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
    const char *at = word_at(text, u->value);
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
    settle(u, READER_FACT, key, READER_REL_NAME, NULL, name);
    return 1;
}

/* 1 when text holds a CJK ideograph (the words of work and study checked are English). */
static int ideographs(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p >= 0xE4 && *p <= 0xE9) return 1;
    return 0;
}

/* 1 when a clause is written in Chinese (understand_chinese). */
static int chinese(const char *text)
{
    return understand_chinese(text, strlen(text));
}

/* 1 when a clause gives an opinion or a mood, not a fact: a chat marker ("lol",
 * "ugh") or a word of judging ("the worst", "brutal"). (Not "tired", "hungry" and the
 * like: a bAbI story's "Sumit is tired" is why he goes to the bedroom.) */
static int opinion(const char *text)
{
    static const char *const words[] = {
        "lol", "lmao", "haha", "hahaha", "omg", "ugh", "tbh", "worst", "best", "brutal",
        "awful", "terrible", "horrible", "amazing", "great", "lovely", "grim", "nightmare",
        "insane", "mad", "crazy", "boring", "exhausting", "chaos", "ridiculous", "annoying",
        "hilarious", "gorgeous", "stunning", "rubbish", "pain", "killing", "unreal",
        "unbelievable", "incredible", "beautiful", "epic", "wild", "surreal", "fab",
        "magic", "dreadful", "miserable", "exhausted", "dead", "paining", "sad",
        "wonderful", "bliss", "shocking", "mid", "robbed", "smh", "ngl",
        "hahaha", "jaja", "jajaja", "long day", "hurts", "ugh", "ufff", "sigh", NULL};
    for (int i = 0; words[i]; i++)
        if (facts_has_words(text, words[i])) return 1;
    return 0;
}

/* The clause before told[i] that is more than a word of joining ("and", "also"), or -1:
 * "forget my asthma, and also my husband's job" cuts "and" alone. */
static int clause_before(const char *msg, const understood_t *told, int i)
{
    static const char *const joins[] = {"and", "also", "plus", "or", "and also", NULL};
    int j = i - 1;
    for (; j >= 0; j--) {
        char t[16];
        if (told[j].len >= sizeof t) break;
        snprintf(t, sizeof t, "%.*s", (int)told[j].len, msg + told[j].at);
        for (char *p = t; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (!understand_in_list(joins, t)) break;
    }
    return j;
}

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
    for (const char *p = name; *p; p++)
        if (!isalpha((unsigned char)*p)) return 0;
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
        (rest == 2 && !(span && !strcmp(w[at + 2], "old")) &&
         (strcmp(w[at + 1], "years") != 0 || strcmp(w[at + 2], "old") != 0)) ||
        someone_word(name) || understand_pronoun(name) || lex_is_stopword(name))
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

/* "I've got three nephews. Ravi is 17, Tom is 12": a name the message tells a fact of
 * after a clause of a group of the user's (kin or pets in the plural: "nephews",
 * "grandkids", "cats") is one of them, the user's, though no fact names them yet. The name
 * is written with a capital, or in lower case its age is told ("ravi is 17"). */
static void one_of_group(const char *msg, const understood_t *told, int i, const char *text,
                         understood_t *u)
{
    if (u->personal || (u->act != READER_FACT && u->act != READER_CORRECTION) ||
        !u->value[0] || !u->holder[0] || !strcmp(u->holder, "self") || someone_word(u->holder) ||
        understand_pronoun(u->holder))
        return;
    for (const char *p = u->holder; *p; p++)
        if (!isalpha((unsigned char)*p)) return;
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
    const char *at = word_at(text, name);       /* as written */
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strlen(name), at ? at : name);
    settle(u, READER_FACT, "self", READER_REL_NAME, NULL, value);
    return 1;
}

/* "my roots are in Tromso where I grew up", "based in Bath, from Galway originally": a
 * place of the user's said with where they grew up or were born, or after "from" with
 * "originally" (or after "originally from", to "in"), is their home town; a home town
 * read from a nationality ("Norwegian") beside such a place is not told. Sets u when
 * so. */
static void grew_up_there(const char *text, understood_t *u)
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
        settle(u, READER_FACT, "self", READER_REL_HOMETOWN, NULL, u->value);
        return;
    }
    /* "originally from Kisumu in Kenya" read as a workplace of the country: the place
     * after "originally from", to "in" or a comma */
    const char *of = word_at(text, "originally from");
    const char *at = word_at(text, u->value);
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
            settle(u, READER_FACT, "self", READER_REL_HOMETOWN, NULL, said);
            return;
        }
    }
    /* a nationality's country beside a place told as the origin */
    if (u->rel == READER_REL_HOMETOWN && !word_at(text, u->value) &&
        (word_at(text, "originally") || word_at(text, "where i grew up")))
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
    const char *at = word_at(text, u->value);
    if (!at || at[vl] != ' ') return;
    char next[UNDERSTAND_VALUE];
    word_after(at + vl, next, sizeof next);
    if (strlen(next) < 2 || lex_is_stopword(next)) return;
    size_t l = strlen(u->value);
    snprintf(u->value + l, sizeof u->value - l, " %s", next);
}

/* "and there's Waffle the cat", "Juno the whippet": a name right before "the" and a
 * word of a pet is that pet's name. Sets u and returns 1, else 0. */
static int pet_the_kind(const char *text, understood_t *u)
{
    if (u->act == READER_QUESTION || u->act == READER_YESNO || asks(text)) return 0;
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
        const char *at = word_at(text, name);
        char value[UNDERSTAND_VALUE];
        snprintf(value, sizeof value, "%.*s", (int)strlen(name), at ? at : name);
        settle(u, READER_FACT, w[j + 1], READER_REL_NAME, NULL, value);
        return 1;
    }
    return 0;
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
    const char *at = word_at(text, u->value);
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
 * user: the name of the kin it asks who is. Sets u when so. */
static void who_is_kin(const char *text, understood_t *u)
{
    static const char *const who[] = {"who's", "whos", "who", NULL};
    static const char *const be[] = {"is", "was", NULL};
    static const char *const that[] = {"that", "the", "this", "my", NULL};
    if (u->act != READER_QUESTION || strcmp(u->holder, "self") != 0) return;
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 16), j = 0;
    if (j < n && understand_in_list(who, w[j])) j++;
    else return;
    if (j < n && !strcmp(w[j - 1], "who") && understand_in_list(be, w[j])) j++;
    if (j < n && understand_in_list(that, w[j])) j++;
    if (j >= n) return;
    char key[UNDERSTAND_KEY];
    understand_holder_of(w[j], key, sizeof key);
    if (!understand_kin(key) && strcmp(key, "ex") != 0) return;
    settle(u, READER_QUESTION, key, READER_REL_NAME, NULL, "");
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
    if (u->act != READER_FACT || u->value[0] || strcmp(u->holder, "self") != 0 || asks(text))
        return;
    const char *at = NULL;
    for (int k = 0; leads[k] && !at; k++) {
        const char *p = word_at(text, leads[k]);
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
    settle(u, READER_FACT, "self", READER_REL_EMPLOYER, NULL, value);
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
        if ((at = word_at(text, still[k]))) at += strlen(still[k]);
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
            !understand_in_list(partners, m->holder))
            continue;
        settle(u, READER_YESNO, m->holder, READER_REL_NAME, m->relation, name);
        return;
    }
}

void checks_clause(const facts_t *f, const char *msg, const understood_t *told, int i,
                   const char *text, understood_t *u)
{
    /* "年糕几岁了？": a Chinese question without 我 that names someone told of is theirs,
     * though the reader took it for the user's */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && chinese(text) &&
        !strstr(text, "我") && !strcmp(u->holder, "self")) {
        u->personal = 0;
        facts_resolve_holder(f, text, u);
        if (!u->personal) u->personal = 1;
    }
    /* "我爱人叫什么" read as asking where one is from: 叫什么 asks a name (of someone
     * of the user's, not of the user when the reader took no one else) */
    if (u->act == READER_QUESTION && chinese(text) && u->rel != READER_REL_NAME &&
        strcmp(u->holder, "self") != 0 && (strstr(text, "叫什么") || strstr(text, "叫啥")) &&
        !strstr(text, "品种")) {
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    if (name_is_age(told, i, text, u) < 0) return;
    if (name_here(text, u)) return;
    where_done(text, u);
    year_of_study(text, u);
    who_is_kin(text, u);
    job_taken_at(text, u);
    pronoun_is_a(text, u);
    partner_asked(f, text, u);
    grew_up_there(text, u);
    year_of_make(text, u);
    if (pet_the_kind(text, u)) return;
    pet_of_kin(f, told, i, text, u);
    /* "what colour's Tuck?" read as the user's: a question that names one keyed by their
     * name ("Tuck", facts.c) and says nothing of the speaker asks of them */
    static const char *const speaker[] = {"i", "my", "me", "i'm", "im", "mine", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !strcmp(u->holder, "self") &&
        !holds_any(text, speaker))
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
    /* "actually im 24 lol": a value of a relation of the user's told before, said of
     * themselves after a word of putting right with a word of its relation, puts it right,
     * though the reader took the clause for chat (or was unsure of it); not "sorry,
     * queueing for chips at a kiosk in Brora" */
    static const char *const putting_right[] = {"actually", "no", "sorry", "oops",
                                                "correction", "wait", "nope", "nah", NULL};
    char opening[16];
    word_after(text, opening, sizeof opening);
    const store_memory_t *was = (u->act == READER_SMALLTALK ||
                                 (u->act == READER_FACT && u->act_p < u->fact_min_p)) &&
                                        u->value[0] &&
                                        (u->personal || !strcmp(u->holder, "self")) &&
                                        understand_in_list(putting_right, opening)
                                    ? facts_find(f, u->holder, u->relation, NULL)
                                    : NULL;
    static const char *const said_of_me[] = {"i'm", "im", "i", "my", "it's", "its", "i've", "ive",
                                        NULL};
    if (was && !facts_same_value(was->value, u->value) && checks_fits(u->rel, u->holder, u->value) &&
        checks_cued(u->rel, u->holder, u->value, text) && holds_any(text, said_of_me)) {
        u->act = READER_CORRECTION;
        u->fact_min_p = 0;
        u->personal = u->settled = 1;
    }
    /* "no, liv is my cousin", "Bella is my dog": a name, "is my" and a word of kin or a
     * pet (and nothing after) names that one, whatever the reader read (a correction
     * when something of theirs was told) */
    if (u->act == READER_FACT || u->act == READER_CORRECTION || u->act == READER_SMALLTALK) {
        static const char *const lead[] = {"no", "nope", "nah", "actually", "sorry", "oh",
                                           "and", "but", "so", "wait", "well", NULL};
        char buf[256];
        const char *w[12];
        int n = understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 12), k = 0;
        while (k < n && understand_in_list(lead, w[k])) k++;
        char key[UNDERSTAND_KEY];
        if (n == k + 4 && !strcmp(w[k + 1], "is") && !strcmp(w[k + 2], "my") &&
            (understand_holder_of(w[k + 3], key, sizeof key), understand_kin(key) ||
                                                             dialogue_pet_word(key)) &&
            !lex_is_stopword(w[k]) && !understand_pronoun(w[k]) && !someone_word(w[k]) &&
            isalpha((unsigned char)w[k][0])) {
            const char *at = word_at(text, w[k]);
            char name[UNDERSTAND_KEY];
            snprintf(name, sizeof name, "%.*s", (int)strlen(w[k]), at ? at : w[k]);
            name[0] = (char)toupper((unsigned char)name[0]);
            int had = facts_find(f, key, NULL, NULL) != NULL;
            settle(u, had && k > 0 ? READER_CORRECTION : READER_FACT, key, READER_REL_NAME,
                   NULL, name);
            u->old[0] = '\0';
        }
    }
    /* "my sister is Liv" read as a name and no value: the word with a capital after
     * "is" that ends the clause (any word, in a clause typed all small) */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_NAME &&
        !u->value[0] && (understand_kin(u->holder) || dialogue_pet_word(u->holder))) {
        const char *is = word_at(text, "is");
        char name[UNDERSTAND_KEY];
        const char *end = is ? word_after(is + 2, name, sizeof name) : NULL;
        while (end && *end == ' ') end++;
        const char *at = is ? is + 2 : NULL;
        while (at && *at == ' ') at++;
        int small = 1;          /* (or typed all in small letters: "gf is wren") */
        for (const char *c = text; *c && small; c++) small = !isupper((unsigned char)*c);
        if (end && !*end && at && (isupper((unsigned char)*at) || small) &&
            strlen(name) >= 2 && !lex_is_stopword(name) && !understand_kin(name))
            snprintf(u->value, sizeof u->value, "%.*s", (int)strlen(name), at);
    }
    facts_resolve_holder(f, text, u);
    one_of_group(msg, told, i, text, u);
    /* "i work sundays at a food truck called Wok On" read as the truck's employer:
     * a clause that opens with the user working tells where they work */
    static const char *const i_work[] = {"i work ", "i'm working ", "im working ",
                                         "i am working ", NULL};
    int opens_working = 0;
    for (int k = 0; i_work[k] && !opens_working; k++)
        opens_working = !strncasecmp(text, i_work[k], strlen(i_work[k]));
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && opens_working &&
        (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) && u->value[0] &&
        strcmp(u->holder, "self") != 0 && !someone_word(u->holder) &&
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
        diet_w && in_words(understand_diet_words, diet_w + 1)) {
        memmove(u->value, diet_w + 1, strlen(diet_w + 1) + 1);
        u->rel = READER_REL_DIET;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_DIET));
    }
    /* "we shifted the bakery to Ely": the place one works moved, not the home */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_HOME &&
        !strcmp(u->holder, "self") && u->value[0] && moved_work(text)) {
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
    if (u->act == READER_YESNO && chinese(text)) quote_zh_asked(&asked, text, strlen(text), NULL);
    for (size_t m = 0; u->act == READER_YESNO && chinese(text) && m < f->n; m++)
        if (facts_same_holder(f->v[m].holder, u->holder) &&
            facts_same_relation(f->v[m].relation, u->relation) &&
            strcmp(f->v[m].value, FACTS_ENDED) != 0 && strlen(f->v[m].value) >= 6 &&
            strstr(text, f->v[m].value) && f->v[m].text &&
            quote_zh_held(&asked, f->v[m].text, strlen(f->v[m].text)) == asked.nch)
            snprintf(u->value, sizeof u->value, "%s", f->v[m].value);
    facts_resolve_told(told, i, text, u);
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
    const char *held = hl > 2 && !strchr(u->holder, ' ') ? word_at(text, u->holder) : NULL;
    if (held) word_before(text, held, before_holder, sizeof before_holder);
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
    int aux_held = in_words(aux_words, u->holder) && facts_has_words(text, aux_i);
    if ((u->rel == READER_REL_HOME && understand_in_list(of_address, u->holder)) ||
        understand_in_list(none_held, u->holder) || aux_held || hailed ||
        (held && !strcmp(u->holder + hl - 2, "ed") && !someone_word(u->holder) &&
         !kinds_animal(u->holder) && !in_words(whose, before_holder) &&
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
        if (someone_word(first) || dialogue_pet_word(first)) {
            snprintf(u->holder, sizeof u->holder, "%s", first);
            u->personal = 1;
        }
    }
    /* "I spelled my son's name wrong", "typo in my wife's name": a fact said to be wrong
     * corrects it, its new value told next */
    static const char *const wrong[] = {"wrong", "wrongly", "typo", "misspelled", "misspelt",
                                        "mistyped", "incorrectly", NULL};
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && u->relation[0] &&
        strcmp(u->holder, "self") != 0 && holds_any(text, wrong) &&
        (!u->value[0] || in_words(wrong, u->value))) {
        u->act = READER_CORRECTION;
        u->value[0] = '\0';
    }
    /* "I typed my niece's name wrong. It's Annika.": a value said with "it's" right
     * after a correction of someone's fact that gave none is the corrected value */
    char it_is[UNDERSTAND_VALUE] = "";     /* (the word with a capital after "it's") */
    const char *x = opens_with_it(text);
    size_t xl = 0;
    while (x && (isalpha((unsigned char)x[xl]) || x[xl] == '-')) xl++;
    if (xl > 1 && isupper((unsigned char)x[0])) snprintf(it_is, sizeof it_is, "%.*s", (int)xl, x);
    if (i > 0 && told[i - 1].act == READER_CORRECTION && !told[i - 1].value[0] &&
        told[i - 1].relation[0] && told[i - 1].holder[0] && (u->value[0] || it_is[0]) &&
        (u->act == READER_SMALLTALK || u->act == READER_FACT) && opens_with_it(text)) {
        if (!u->value[0]) snprintf(u->value, sizeof u->value, "%s", it_is);
        u->act = READER_CORRECTION;
        u->rel = told[i - 1].rel;
        snprintf(u->holder, sizeof u->holder, "%s", told[i - 1].holder);
        snprintf(u->relation, sizeof u->relation, "%s", told[i - 1].relation);
        u->personal = 1;
    }
    /* "hang on, I told you Hull - we moved to York": a value told after a
     * clause that recalls an old one puts that one right, of its holder and relation
     * when it is told of the same, or opens with "it's" or a pronoun ("I said 3 - it's 4
     * now", "I said Rex is a beagle - he's a harrier") */
    for (int k = i - 1; k >= 0 && (u->act == READER_FACT || u->act == READER_CORRECTION ||
                                   u->act == READER_SMALLTALK) && u->value[0]; k--) {
        if (told[k].at == u->at || !told[k].value[0] || !told[k].relation[0]) continue;
        char recalled[512];
        snprintf(recalled, sizeof recalled, "%.*s", (int)told[k].len, msg + told[k].at);
        if (!checks_recalls(recalled)) continue;
        if (facts_same_value(told[k].value, u->value)) break;
        int same = told[k].rel == u->rel &&     /* (of the one it names: "Fudge is ...") */
                   (facts_same_holder(told[k].holder, u->holder) ||
                    understand_pronoun(u->holder) || facts_has_words(recalled, u->holder));
        if (!same && !((opens_with_it(text) || understand_pronoun(u->holder)) &&
                       told[k].rel != READER_REL_OPEN &&
                       checks_fits(told[k].rel, told[k].holder, u->value)))
            break;
        u->act = READER_CORRECTION;
        u->rel = told[k].rel;
        snprintf(u->holder, sizeof u->holder, "%s", told[k].holder);
        snprintf(u->relation, sizeof u->relation, "%s", told[k].relation);
        snprintf(u->old, sizeof u->old, "%s", told[k].value);
        u->personal = 1;
        break;
    }
    /* "now he is doing an MBA" read as the user's: a clause whose subject is "he" or "she"
     * (past fillers) and that says nothing of the speaker is theirs */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && !strcmp(u->holder, "self") &&
        u->value[0]) {
        const char *third = third_subject(text);
        if (third) snprintf(u->holder, sizeof u->holder, "%s", third);
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
                                 ? told_name_opens(f, text)
                                 : NULL;
    if (whose_name) snprintf(u->holder, sizeof u->holder, "%s", whose_name);
    /* "About Ines. Forget her.": a request to forget someone by a pronoun is of the
     * person of the user's the message names first */
    static const char *const them[] = {"her", "him", "them", "她", "他", "它", NULL};
    if (u->act == READER_FORGET && holds_any(text, them)) {
        const char *whose = NULL, *first = NULL;
        for (size_t m = 0; m < f->n; m++) {
            const char *at = facts_rel_of(f->v[m].relation) == READER_REL_NAME &&
                                     strcmp(f->v[m].holder, "self") != 0 &&
                                     strcmp(f->v[m].value, FACTS_ENDED) != 0
                                 ? word_at(msg, f->v[m].value) : NULL;
            if (at && (!first || at < first)) first = at, whose = f->v[m].holder;
        }
        if (whose) snprintf(u->holder, sizeof u->holder, "%s", whose);
        if (whose && in_words(them, u->value)) u->value[0] = u->relation[0] = '\0';
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
    if (u->act == READER_QUESTION || u->act == READER_YESNO) facts_resolve_kin_of_kind(f, u);
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
                               ? word_at(text, own_name)
                               : NULL;
    if (name_said_at) {
        char kin[UNDERSTAND_KEY];
        const char *after = name_said_at + strlen(own_name);
        if (!strncmp(after, "'s", 2)) after += 2;
        word_after(after, kin, sizeof kin);
        if (someone_word(kin)) u->act = READER_SMALLTALK;
    }
    if (still_there(f, text, strchr(msg, '?') != NULL, u))
        return;                         /* "still at kingsmead?" */
    int q = asks(text) ? opens_question(text) : -1;
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && q >= 0)
        u->act = READER_QUESTION;       /* a question is never written as a fact */
    else if ((u->act == READER_FACT || u->act == READER_CORRECTION ||
              ((u->act == READER_SMALLTALK || u->act == READER_QUESTION) && strchr(msg, '?'))) &&
             !(clause_before(msg, told, i) >= 0 &&
               told[clause_before(msg, told, i)].act == READER_FORGET) &&
             terse_ask(text, strchr(msg, '?') != NULL, u))
        return;                         /* "dog name", "my job?": a question without its words */
    else if ((u->act == READER_FORGET || u->act == READER_UNABLE) && q > 0)
        u->act = q == 2 ? READER_QUESTION : READER_YESNO;
    if (u->act == READER_YESNO && !chinese(text) && opens_question(text) == 2)
        u->act = READER_QUESTION;       /* "which evening do I row" asks which */
    /* "Where's Declan staying now?" read as chat or a fact: a question that opens with a word of
     * asking and names one of the user's people by name right after it asks of them, with
     * its question mark or in a message that has none ("where's declan living");
     * "where" and a word of living ask their home */
    static const char *const living[] = {"live", "lives", "living", "staying", "based",
                                         NULL};
    if ((u->act == READER_SMALLTALK || u->act == READER_FACT) && names_told(f, text) &&
        ((q == 2 && strchr(text, '?')) || (!strchr(msg, '?') && opens_question(text) == 2))) {
        u->act = READER_QUESTION;
        u->personal = 1;
        const store_memory_t *named = name_told_second(f, text);
        if (named && !strcmp(u->holder, "self"))    /* ("where's ola living": ola's) */
            snprintf(u->holder, sizeof u->holder, "%s", named->holder);
        if (holds_any(text, living) && (facts_has_words(text, "where") ||
                                        facts_has_words(text, "where's") ||
                                        facts_has_words(text, "wheres"))) {
            u->rel = READER_REL_HOME;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOME));
            u->value[0] = '\0';
        }
    }
    /* "my cat is a siamese, no?", "she lives in Oslo, right?", "three kids, yeah?": a
     * statement with a tag asks yes or no of its value, whatever the reader took it for;
     * "I live in Tartu?", "have I got gout?": a statement or a verb first, with a
     * question mark and no question word, asks yes or no too */
    static const char *const tags[] = {", no?", " right?", ", yeah?", ", yes?", " correct?",
                                       " innit?", " eh?", " isn't it?", " yea?", " na?",
                                       " abi?", " ne?", " lah?", " ya?", " ah?", " hor?",
                                       " ja?", " nah?", " is it?", " yes?", ", true?",
                                       " ok?", " isn't he?", " isn't she?",
                                       " aren't they?", " aren't we?", " don't i?",
                                       " didn't i?", " haven't i?", " wasn't it?",
                                       " wasn't he?", " wasn't she?", " doesn't he?",
                                       " doesn't she?", " don't they?", ", me?", NULL};
    size_t tl = strlen(text);
    int tagged = 0;
    for (int k = 0; tags[k] && !tagged && !chinese(text) && opens_question(text) == 0 &&
                    !asks_which(text); k++) {
        size_t l = strlen(tags[k]);
        tagged = tl > l && !strcasecmp(text + tl - l, tags[k]);
        /* the reader may take the tag for the value's end ("a beagle eh", "innit"):
         * what is asked ends before it */
        char tag[16];
        snprintf(tag, sizeof tag, "%s", tags[k] + (tags[k][0] == ',') + 1);
        tag[strlen(tag) - 1] = '\0';
        size_t vl = strlen(u->value), gl = strlen(tag);
        if (tagged && vl >= gl && !strcasecmp(u->value + vl - gl, tag) &&
            (vl == gl || u->value[vl - gl - 1] == ' ')) {
            for (vl -= gl; vl && u->value[vl - 1] == ' '; vl--) {}
            u->value[vl] = '\0';
        }
    }
    if (tagged && (u->act == READER_QUESTION || u->act == READER_SMALLTALK ||
                   u->act == READER_FACT || u->act == READER_CORRECTION) &&
        (u->value[0] || u->act == READER_QUESTION)) {
        u->act = READER_YESNO;
        u->personal = 1;
    }
    if (u->act == READER_QUESTION && !chinese(text) && tl && text[tl - 1] == '?' &&
        !asks_which(text) && !asks_you(text) && (u->value[0] || opens_question(text) == 1))
        u->act = READER_YESNO;
    /* "which van am I using nowadays", "what bike do I ride?" read as chat: a question word
     * and a verb that asks of the user, read as chat, with or without "?" */
    static const char *const of_me[] = {"am i", "do i", "did i", "have i", "was i", "will i",
                                        "can i", "is my", "are my", "was my", "does my",
                                        "did my", "do we", "did we", "have we", "are we",
                                        "is our", "are our", NULL};
    int asks_me = 0;
    for (int k = 0; of_me[k] && !asks_me; k++) asks_me = facts_has_words(text, of_me[k]);
    if (u->act == READER_SMALLTALK && opens_question(text) == 2 && asks_me) {
        u->act = READER_QUESTION;
        u->personal = 1;
    }
    /* "is Kit six years old?", "are my piano lessons on fridays?" read as chat: a yes/no
     * question of the user's own or of someone they named, not of mnemo's ("can I ask
     * you something?") */
    /* "are my fencing classes on mondays?" read as asking the name of "fencing": a name
     * asked yes or no of what is no one and nothing told of asks of the user's words */
    if (u->act == READER_YESNO && asks_me && u->rel == READER_REL_NAME &&
        strcmp(u->holder, "self") != 0 && !someone_word(u->holder) &&
        !facts_find(f, u->holder, NULL, NULL) && !names_told(f, text) &&
        !facts_has_words(text, "called") && !facts_has_words(text, "named") &&
        !facts_has_words(text, "name")) {
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_OPEN;
        u->relation[0] = u->value[0] = '\0';
        u->personal = 1;
    }
    /* "eldest kid?", "the gecko's name?", "and my car, do u remember?": a question
     * mark after no question word, read as chat of someone or an animal of the user's,
     * or of "my", and what of them (no value, no "you" but to bid remembering), asks it */
    const char *last = strrchr(u->holder, ' ');
    last = last ? last + 1 : u->holder;
    int recall = facts_has_words(text, "remember") || facts_has_words(text, "remmber") ||
                 facts_has_words(text, "rember") || facts_has_words(text, "recall");
    if (u->act == READER_SMALLTALK && asks(text) && opens_question(text) == 0 &&
        !u->value[0] && u->rel != READER_REL_OPEN &&
        (strcmp(u->holder, "self") != 0 ? someone_word(last) || kinds_animal(last)
                                       : facts_has_words(text, "my")) &&
        (recall || (!facts_has_words(text, "you") && !facts_has_words(text, "u")))) {
        u->act = READER_QUESTION;
        u->personal = 1;
    }
    if (u->act == READER_SMALLTALK && (q == 1 || opens_asking_me(text)) &&
        (asks_me || names_told(f, text)) &&
        !facts_has_words(text, "you") && !facts_has_words(text, "u")) {
        u->act = READER_YESNO;
        u->personal = 1;
    }
    /* "what's my handicap now?" read as the "now" of "handicap": a time word is no
     * relation, and a holder that is no one is the user's relation */
    static const char *const times[] = {"now", "currently", "these days", "nowadays",
                                        "again", "today", "rn", "atm", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_OPEN &&
        understand_in_list(times, u->relation)) {
        u->relation[0] = '\0';
        if (!strchr(u->holder, ' ') && strcmp(u->holder, "self") != 0 &&
            !someone_word(u->holder) && !facts_find(f, u->holder, NULL, NULL) &&
            !names_told(f, text)) {
            snprintf(u->relation, sizeof u->relation, "%s", u->holder);
            snprintf(u->holder, sizeof u->holder, "self");
        }
    }
    /* "my handicap is 18" read as the age of "handicap", "what's my golf handicap?" as
     * the name of "golf": an age or a name (not asked with a word of naming) of what is
     * no one, nothing told of and no name is a relation of the user's, told or asked */
    if ((u->act == READER_FACT || u->act == READER_QUESTION) && !facts_has_words(text, "who") &&
        (u->rel == READER_REL_AGE ||
         (u->rel == READER_REL_NAME && u->act == READER_QUESTION &&
          !facts_has_words(text, "called") && !facts_has_words(text, "named") &&
          !facts_has_words(text, "name") && !facts_has_words(text, "names"))) &&
        no_one(f, text, u->holder) &&
        (u->act == READER_QUESTION || my_x_is(text, u->holder))) {
        const char *rel = u->act == READER_QUESTION && u->value[0] ? u->value : u->holder;
        snprintf(u->relation, sizeof u->relation, "%.*s", (int)sizeof u->relation - 1, rel);
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_OPEN;
        if (u->act == READER_QUESTION) u->value[0] = '\0';
        u->personal = 1;
    }
    /* "and my occupation?", "what's my business?": a word for one's work asked as a
     * relation of one's own */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_OPEN &&
        !strcmp(u->holder, "self") && understand_in_list(posts, u->relation) &&
        !facts_has_words(text, "where") &&
        !facts_has_words(text, "play") && !facts_has_words(text, "in")) {  /* ("my role in
                                                * the choir", "which position do I field in?") */
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
    }
    /* "have I got three grandkids?": a number asked of a group whose number was told asks that
     * number */
    const store_memory_t *count = u->act == READER_YESNO && u->holder[0]
                                      ? facts_find(f, u->holder, REALISE_COUNT, NULL) : NULL;
    if (count) {
        char cbuf[256];
        const char *cw[32];
        int cn = understand_split_words(text, " ,.;:!?()", cbuf, sizeof cbuf, cw, 32);
        long v;
        for (int k = 0; k < cn; k++)          /* (not "are two of my hens ...?") */
            if (understand_number(cw[k], &v) && v > 0 && v < 100 &&
                !(k + 1 < cn && !strcmp(cw[k + 1], "of"))) {
                u->rel = READER_REL_OPEN;
                snprintf(u->relation, sizeof u->relation, "%s", REALISE_COUNT);
                snprintf(u->value, sizeof u->value, "%s", cw[k]);
                break;
            }
    }
    /* "what breed is he, remind me?" read as the user's kind: no one is a breed, so the
     * kind asked is of the newest animal or thing whose kind was told */
    static const char *const of_it[] = {"she", "he", "it", "they", "breed", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_KIND &&
        !strcmp(u->holder, "self") && holds_any(text, of_it))
        for (size_t m = f->n; m-- > 0;)
            if (facts_rel_of(f->v[m].relation) == READER_REL_KIND &&
                strcmp(f->v[m].holder, "self") != 0 && strcmp(f->v[m].value, FACTS_ENDED) != 0) {
                snprintf(u->holder, sizeof u->holder, "%s", f->v[m].holder);
                break;
            }
    /* "where am I tutoring at the moment?": "where" and the verb of one's trade read as
     * the job asks where one works */
    size_t gl = strlen(u->value);
    if (u->act == READER_QUESTION && u->rel == READER_REL_JOB && gl > 4 &&
        !strchr(u->value, ' ') && !strcmp(u->value + gl - 3, "ing") &&
        (facts_has_words(text, "where") || facts_has_words(text, "where's"))) {
        u->rel = READER_REL_WORKPLACE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
        u->value[0] = '\0';
    }
    /* "is Kit six years old?", "is my nephew 7?" ask an age, whatever the reader marked */
    char age[UNDERSTAND_VALUE];
    /* "my son is six" read as chat, unsure or with no value: his age */
    int aged = 0;       /* (once a message: a unit before told it) */
    for (int j = 0; j < i && !aged; j++)
        aged = told[j].act == READER_FACT && told[j].rel == READER_REL_AGE &&
               !strcmp(told[j].holder, u->holder);
    int told_age = u->holder[0] && strcmp(u->holder, "self") != 0 && q < 0 && !aged
                       ? age_told(text, age, sizeof age) : 0;
    if (told_age == 2 && !understand_kin(u->holder) && !dialogue_pet_word(u->holder) &&
        !kinds_animal(u->holder))
        told_age = 0;           /* (mid-clause, of someone's: not "[six] years old and ...") */
    if (told_age && (u->act == READER_SMALLTALK || u->act == READER_FACT) &&
        (u->act == READER_SMALLTALK || !u->value[0] || u->act_p < u->fact_min_p ||
         (!strncmp(u->value, age, strlen(age)) && u->value[strlen(age)] == ' '))) {
        /* (or its number read with the word after it: "they're 7 na" as an employer) */
        u->act = READER_FACT;
        u->fact_min_p = 0;              /* settled by its words */
        u->personal = 1;
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        snprintf(u->value, sizeof u->value, "%s", age);
    }
    if (u->act == READER_YESNO && (u->rel != READER_REL_AGE || !u->value[0]) &&
        age_asked(f, text, u->holder, age, sizeof age)) {
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        snprintf(u->value, sizeof u->value, "%s", age);
    }
    /* "which van am I using nowadays?" asks the vehicle owned, not a job */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && opens_question(text) == 2 &&
        (u->rel == READER_REL_JOB || (u->rel == READER_REL_OPEN && !u->relation[0])))
        for (int k = 0; understand_vehicle_words[k]; k++)
            if (facts_has_words(text, understand_vehicle_words[k]) ||
                (k == 0 && checks_asks_driven(text))) {    /* "what are we driving now?" */
                u->rel = READER_REL_OWNS;
                snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_OWNS));
                break;
            }
    /* "what medicine do I take?" read as a job: a question of a medicine asks no job */
    const char *const *medicine = understand_topic_tells("medication");
    for (int k = 0; medicine && u->act == READER_QUESTION && u->rel == READER_REL_JOB &&
                    medicine[k]; k++)
        if (facts_has_words(text, medicine[k])) {
            u->rel = READER_REL_OPEN;
            snprintf(u->relation, sizeof u->relation, "%s", "medication");
        }
    if (u->act == READER_FACT && u->rel == READER_REL_NAME && !strcmp(u->holder, "self"))
        name_before_person(text, u);    /* "i am dive guide in Hobart": a job */
    /* "my eldest son Ikenna is a doctor" read as a language Ikenna: a value of one word
     * with a capital right after the word for its holder, where its relation's words
     * are not said, is the holder's name */
    char kin_value[UNDERSTAND_KEY + UNDERSTAND_VALUE + 2];
    snprintf(kin_value, sizeof kin_value, "%s %s", u->holder, u->value);
    if (u->act == READER_FACT && u->rel != READER_REL_NAME && u->value[0] &&
        isupper((unsigned char)u->value[0]) && !strchr(u->value, ' ') &&
        (understand_kin(u->holder) || dialogue_pet_word(u->holder)) &&
        facts_has_words(text, kin_value) && !checks_cued(u->rel, u->holder, u->value, text)) {
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    if (u->act == READER_FACT && holder_is_place(text, u->holder))
        u->act = READER_SMALLTALK;      /* "... a coder in a lab in ghent": no one's */
    if (!parted_with(f, text, u) &&     /* "we sold the car" ends the car */
        !pet_got_named(text, u) &&      /* "a kitten off my aunt, she's called Pesto" */
        !one_lost(f, text, u) &&        /* "Biscuit died" ends one cat's name */
        !partner_changed(f, msg, text, u) &&    /* "marek and i separated" ends his */
        !home_now(msg, text, u) &&          /* "we're in portree now" */
        !full_time(text, u) &&              /* "doing upholstery full time" */
        !made_job(f, text, u) &&            /* "they made me depot supervisor" */
        !left_work(f, text, u) &&           /* "I quit the warehouse!" */
        !name_is_the(text, u) &&            /* "rusk is the puppy" */
        !child_had(text, u) &&              /* "I've a little girl, Anouk" */
        !wants_to_be(text, u) &&            /* "Anselm wants to be an electrician" */
        !job_not_old(f, text, u) &&         /* "I'm sous chef now, not a line cook" */
        !field_studied(text, u))            /* "Sunniva got into dentistry" */
        driven(text, u);                /* "my uncle drives trams": a job */
    /* "Marisol's switched jobs, she's nursing at Kingsway Clinic now" read as chat or an
     * unsure fact: in a message of a change of job, a firm or a kind of person told is
     * the new one */
    static const char *const new_job[] = {"changed jobs", "changed job", "switched jobs",
                                          "new job", "job change", NULL};
    const char *last_word = strrchr(u->value, ' ') ? strrchr(u->value, ' ') + 1 : u->value;
    if ((u->act == READER_SMALLTALK || u->act == READER_FACT) && u->value[0] && u->holder[0] &&
        holds_any(msg, new_job) &&
        ((u->rel == READER_REL_EMPLOYER && isupper((unsigned char)u->value[0])) ||
         (u->rel == READER_REL_JOB && kinds_person(last_word))) &&
        checks_fits(u->rel, u->holder, u->value)) {
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->personal = 1;
    }
    if (u->act == READER_FACT && lives_beside(text, u)) {
        /* "I fix bikes, live with my girlfriend Saskia": the bikes are not hers; what the
         * clause tells of her is her name, when one follows */
        const char *beside = strstr(text, u->holder);
        char beside_name[UNDERSTAND_VALUE] = "";
        if (beside) word_after(beside + strlen(u->holder), beside_name, sizeof beside_name);
        const char *cap = beside_name[0] ? word_at(beside, beside_name) : NULL;
        if (cap && isupper((unsigned char)*cap) && !lex_is_stopword(beside_name)) {
            char holder_copy[UNDERSTAND_KEY];
            snprintf(holder_copy, sizeof holder_copy, "%s", u->holder);
            snprintf(beside_name, sizeof beside_name, "%.*s", (int)strlen(beside_name), cap);
            settle(u, READER_FACT, holder_copy, READER_REL_NAME, NULL, beside_name);
        } else {
            u->act = READER_SMALLTALK;
        }
    }
    if (u->act == READER_FACT && hypothetical(text, u->value) &&
        strcmp(u->relation, REALISE_WANTS_TO_BE) != 0)
        u->act = READER_SMALLTALK;      /* a hope is not yet a fact */
    /* "our girl is in Grade 6 at Hazelbrook Academy" read as her home: a place that
     * ends in a word of a school is where one studies */
    static const char *const schools[] = {"school", "college", "academy", "university",
                                          "nursery", "kindergarten", "primary", "grammar",
                                          "high", "secondary", "preschool", "uni", NULL};
    const char *end_word = strrchr(u->value, ' ');
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) &&
        (u->rel == READER_REL_HOME || u->rel == READER_REL_WORKPLACE ||
         u->rel == READER_REL_EMPLOYER) && end_word &&
        in_words(schools, end_word + 1) && strcmp(u->holder, "self") != 0) {
        u->rel = READER_REL_SCHOOL;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
    }
    /* "I'm a freshman at Carleton": the place where one who studies is (told with
     * it in the same clause) is their school */
    for (int k = 0; k < i && u->act == READER_FACT &&
                    (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE); k++) {
        const char *sw = strrchr(told[k].value, ' ');
        char learner[UNDERSTAND_KEY];
        snprintf(learner, sizeof learner, "%.63s", sw ? sw + 1 : told[k].value);
        for (char *p = learner; *p; p++) *p = (char)tolower((unsigned char)*p);
        const char *place = word_at(text, u->value);
        char at_word[8] = "";           /* ("student at Carleton", not "in Lima") */
        if (place) word_before(text, place, at_word, sizeof at_word);
        if (told[k].at == u->at && told[k].rel == READER_REL_JOB && !strcmp(at_word, "at") &&
            facts_same_holder(told[k].holder, u->holder) && understand_learner(learner)) {
            u->rel = READER_REL_SCHOOL;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
        }
    }
    /* "which firm do I work at?" read as a place of work: a question of a firm
     * asks the employer */
    if (u->act == READER_QUESTION && u->rel == READER_REL_WORKPLACE && checks_asks_firm(text)) {
        u->rel = READER_REL_EMPLOYER;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_EMPLOYER));
    }
    /* "what school does my nephew go to?": a question of a school asks where one
     * studies */
    if (u->act == READER_QUESTION && u->rel != READER_REL_SCHOOL &&
        (facts_has_words(text, "which school") || facts_has_words(text, "what school") ||
         facts_has_words(text, "school does") || facts_has_words(text, "attend"))) {
        u->rel = READER_REL_SCHOOL;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
        u->value[0] = '\0';
    }
    if (u->act == READER_FACT && !ideographs(text) &&
        (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE ||
         u->rel == READER_REL_SCHOOL) &&
        !says_work_or_study(text, told, i, u))
        u->act = READER_SMALLTALK;      /* "go easy on the dessert ideas" */
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
    for (int k = 0; here_opens[k] && chinese(text) && !here_doing; k++)
        here_doing = !strncmp(text, here_opens[k], strlen(here_opens[k]));
    int here_living = chinese(text) && (!strncmp(text, "住", 3) || !strncmp(text, "现在住", 9) ||
                                        !strncmp(text, "目前住", 9));  /* 现在住江宁 */
    if (((here_doing && (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_JOB)) ||
         (here_living && u->rel == READER_REL_HOME)) &&
        u->act == READER_SMALLTALK && !strcmp(u->holder, "self") && u->value[0] &&
        checks_fits(u->rel, u->holder, u->value)) {
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->personal = 1;
    }
    oneself |= (here_doing && (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_JOB)) ||
               (here_living && u->rel == READER_REL_HOME);
    oneself |= u->rel == READER_REL_HOMETOWN && chinese(text) &&   /* "，苏州人，" */
               forms_zh_people_of(text, strlen(text));
    if (u->act == READER_FACT && chinese(text) && !strcmp(u->holder, "self") &&
        !strstr(text, "我") && !oneself && !forms_zh_goes_on(msg, u->at))
        u->act = READER_SMALLTALK;
    if (u->act == READER_UNABLE && !requests(text))
        u->act = READER_SMALLTALK;      /* nothing is refused that was not asked */
    if (((u->act == READER_QUESTION || u->act == READER_YESNO || u->act == READER_SMALLTALK ||
          u->act == READER_SUMMARY || u->act == READER_CORRECTION ||
          u->act == READER_UNABLE) && asks_to_forget(text)) ||
        (u->act == READER_FACT && bids_to_drop(text)) ||
        (u->act == READER_FACT && u->act_p < u->fact_min_p && asks_to_forget(text))) {
        if (u->act == READER_CORRECTION)    /* ("ok scrap the postcode": no value) */
            u->value[0] = u->old[0] = '\0';
        if (!u->relation[0] || !facts_has_words(text, u->relation)) {
            u->rel = READER_REL_OPEN;       /* "don't keep my health stuff" names no job */
            u->relation[0] = '\0';
        }
        u->act = READER_FORGET;     /* ("scratch what I said about my bike") */
    }
    if (((u->act == READER_SMALLTALK && q < 0) || (u->act == READER_CORRECTION && !u->value[0])) &&
        slip_put_right(f, text, u))
        return;
    if (q < 0 && u->rel != READER_REL_AGE && age_now(f, msg, text, u))
        return;                         /* "Nana turn 90 Saturday gone" */
    if (q < 0 && named_before_kin(msg, text, u))
        return;                         /* "And Leah, my girl, turned twelve" */
    if (q < 0 && age_not(text, u))
        return;                         /* "tater's five not four" */
    if (q < 0 && member_aged(f, text, u))
        return;                         /* "Bo's fourteen" of "the boys are Bo, ..." */
    if (q < 0 && turned(text, u))
        return;                         /* "she just turned 4" */
    if (q < 0 && make_that(f, text, u))
        return;                         /* "make that five" */
    if (q < 0 && answers_own(msg, told, i, text, u))
        return;                         /* "My favourite snack? Churros." */
    /* "Rosalind here, but my mates call me Roz": a name others call the user, beside
     * the name told, is their nickname; "what do my friends call me?" asks it when told */
    static const char *const calling[] = {"calls me", "call me", "calling me", "known as",
                                          "nickname", NULL};
    int called = holds_any(text, calling);
    int named_self = facts_find(f, "self", reader_rel_name(READER_REL_NAME), NULL) != NULL;
    for (int k = 0; k < i && !named_self; k++)
        named_self = told[k].rel == READER_REL_NAME && !strcmp(told[k].holder, "self") &&
                   told[k].value[0] && told[k].act == READER_FACT;
    if (called && u->act == READER_FACT && u->rel == READER_REL_NAME &&
        !strcmp(u->holder, "self") && u->value[0] && named_self && q < 0) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "nickname");
        u->fact_min_p = 0;
    }
    if (called && u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        (u->rel == READER_REL_NAME || u->rel == READER_REL_OPEN) &&
        facts_find(f, "self", "nickname", NULL)) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "nickname");
        u->value[0] = '\0';
    }
    if (q < 0 && moved_home(f, msg, text, u))
        return;                         /* "signed for a three-bed in Preston" */
    if (i > 0 && q < 0 && u->act != READER_CORRECTION && opens_with_it(text))
        it_is_now(f, msg, &told[i - 1], text, u);   /* "my handicap dropped. It's 14 now!" */
    if (q < 0) count_now(f, text, u);   /* "a fox got two hens, so it's seven now" */
    /* "not latex, it's amoxicillin": a value told right after a correction of an old one
     * is that correction's new value */
    if (u->act == READER_SMALLTALK && q < 0 && u->value[0] && i > 0 &&
        told[i - 1].act == READER_CORRECTION && told[i - 1].old[0] && opens_with_it(text)) {
        u->act = READER_CORRECTION;
        u->personal = 1;
        snprintf(u->old, sizeof u->old, "%s", told[i - 1].old);
    }
    if (u->act == READER_SMALLTALK && q == 2 && named_value_held(f, text)) {
        u->act = READER_QUESTION;       /* "who's doing an MA?" after "Kit's doing an MA" */
        u->personal = 1;
    }
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !u->personal &&
        compare_asks(text))
        u->personal = 1;                /* "who's older, Maud or Cyril?" */
    /* "what breed is Ferdi?", "where does ilse work?", "is Ferdi a vet?": a question of
     * someone told by name only in passing asks of the user's people, not of a story's
     * (where is, what is ... carrying, afraid of), and is answered from what the user
     * told or not known */
    static const char *const of_people[] = {"breed", "kinda", "work", "works", "job",
                                            "study", "studies", "studying", "called",
                                            "named", "age", "birthday", "married", "famous",
                                            "stationed", "live", "lives", "song", "become",
                                            "want", "wants", "teach", "teaches", "play",
                                            "plays", "support", "supports", "speak",
                                            "speaks", "drive", "drives", "like", "likes",
                                            "sell", "sells", "grow", "grows", "colour",
                                            "color", "colour's", "color's", NULL};
    int wh_chat = u->act == READER_SMALLTALK && opens_question(text) == 2 &&
                  !facts_has_words(text, "you") && !facts_has_words(text, "u");
    if ((u->act == READER_QUESTION || u->act == READER_YESNO || wh_chat) && !u->personal &&
        u->holder[0] && strcmp(u->holder, "self") != 0 &&
        (holds_any(text, of_people) || is_one_a(text))) {
        if (wh_chat) u->act = READER_QUESTION;      /* ("what does Ilse hope to be?") */
        u->personal = 1;
        if (!strchr(u->holder, ' ') && !someone_word(u->holder) &&
            (unsigned char)u->holder[0] < 0x80)
            u->holder[0] = (char)toupper((unsigned char)u->holder[0]);     /* a name */
    }
    if (u->act == READER_FORGET && !says_forget(text) && !asks_to_forget(text))
        u->act = READER_SMALLTALK;      /* nothing is deleted unless asked in words */
    if (u->act == READER_FORGET && forgetting_told(text) && !asks_to_forget(text))
        u->act = READER_SMALLTALK;      /* "in case I forget by Friday" asks no one */
    if (u->act == READER_FORGET && names_topic(u->value)) {
        u->value[0] = u->relation[0] = '\0';   /* "my health stuff": a topic, no job */
        u->rel = READER_REL_OPEN;
    }
    /* "and please forget my age as well, no idea why": "my" and a word of a relation name what is
     * forgotten, whatever else the reader read ("idk" as a name) */
    const char *my_rel = u->act == READER_FORGET && !strcmp(u->holder, "self")
                             ? word_at(text, "my") : NULL;
    if (my_rel) {
        char rel_word[UNDERSTAND_KEY];
        word_after(my_rel + 2, rel_word, sizeof rel_word);
        int named_rel = rel_word[0] ? understand_rel_word(rel_word) : READER_REL_OPEN;
        if (named_rel != READER_REL_OPEN && named_rel != u->rel)
            settle(u, READER_FORGET, "self", named_rel, NULL, "");
    }
    /* "the lad I'm seeing, what's he called?", "what does the girl I'm dating do?":
     * whom one sees is one's boyfriend, girlfriend or partner, whichever was told */
    static const char *const seeing[] = {"i was seeing", "i'm seeing", "im seeing",
                                         "i am seeing", "i've been seeing", "i was dating",
                                         "i'm dating", "im dating", "i am dating", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && holds_any(text, seeing)) {
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
            settle(u, u->act, "self", READER_REL_HOME, NULL, u->value);
    }
    /* "bin what I said about where I live": a question's words name what is
     * forgotten */
    static const struct {
        const char *words;
        int rel;
    } asked_of[] = {{"where i live", READER_REL_HOME},      {"where we live", READER_REL_HOME},
                    {"where i'm living", READER_REL_HOME},  {"where i work", READER_REL_WORKPLACE},
                    {"where i'm working", READER_REL_WORKPLACE},
                    {"what i do for work", READER_REL_JOB}, {"what i do for a living", READER_REL_JOB},
                    {"how old i am", READER_REL_AGE},       {"where i'm from", READER_REL_HOMETOWN},
                    {"where i grew up", READER_REL_HOMETOWN}, {"where i study", READER_REL_SCHOOL}};
    for (size_t k = 0; k < sizeof asked_of / sizeof asked_of[0] && u->act == READER_FORGET &&
                       !strcmp(u->holder, "self");
         k++)
        if (facts_has_words(text, asked_of[k].words)) {
            int work = u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE;
            if (asked_of[k].rel == READER_REL_WORKPLACE && work)
                u->value[0] = '\0';     /* (the reader's word of work kept: whom or where) */
            else
                settle(u, READER_FORGET, "self", asked_of[k].rel, NULL, "");
            break;
        }
    /* a birthday is told with a word of birth in the message ("Ona's is the 8th of June"
     * after "Jurgis's birthday is ..."), not "we tie the knot on 9 August" */
    static const char *const born[] = {"birth", "bday", "b-day", "b'day", "born", "turn",
                                       "cumple", "生日", NULL};
    if ((u->act == READER_FACT || (u->act == READER_CORRECTION && !u->old[0])) &&
        u->rel == READER_REL_BIRTHDAY && !has_part(msg, born)) {
        if (u->name[0]) u->value[0] = '\0';    /* ("my nephew Mendel's confirmation ...":
                                                 * his name stays told) */
        else u->act = READER_SMALLTALK;
    }
    /* "what do i do at Lidl?": what one does at a place asks the job (not "for fun") */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && u->rel != READER_REL_JOB &&
        (!strncasecmp(text, "what do i do at ", 16) || !strncasecmp(text, "what do i work as", 17)))
        settle(u, READER_QUESTION, "self", READER_REL_JOB, NULL, "");
    /* "what's my work again?" read as whom one works for: "what" and "my work" ask the
     * job */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
        !strncasecmp(text, "what", 4) && ends_my_work(text))
        settle(u, READER_QUESTION, "self", READER_REL_JOB, NULL, "");
    /* "where do I sail from?" read as a school: a "where" of no word of study asks
     * where one works, or lives when no work place is told */
    static const char *const studying[] = {"school", "study", "studies", "studying", "studied",
                                           "uni", "university", "college", "class", "classes",
                                           "course", "degree", "major", "student", "learn",
                                           "learning", "enrolled", "attend", "go", NULL};
    if (u->act == READER_QUESTION && u->rel == READER_REL_SCHOOL && !holds_any(text, studying) &&
        !strncasecmp(text, "where", 5)) {
        int rel = facts_find(f, u->holder, reader_rel_name(READER_REL_WORKPLACE), NULL)
                      ? READER_REL_WORKPLACE
                      : READER_REL_HOME;
        u->rel = rel;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(rel));
    }
    /* "when is the christening?", "when's my MOT?" ask no birthday: what the user
     * said of it answers, or nothing */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
        u->rel == READER_REL_BIRTHDAY && !has_part(text, born)) {
        u->rel = READER_REL_OPEN;
        u->relation[0] = '\0';
        if (!u->personal && opens_question(text) == 2) {
            u->personal = 1;
            snprintf(u->holder, sizeof u->holder, "self");
        }
    }
    /* "please remove my address and my husband's phone": a thing of the user's
     * named alone right after a request to forget is forgotten too */
    int forgot_at = clause_before(msg, told, i);
    if (forgot_at >= 0 && told[forgot_at].act == READER_FORGET && u->act != READER_FORGET &&
        ((u->act != READER_QUESTION && u->act != READER_YESNO) || !strchr(text, '?')) &&
        thing_alone(text))
        u->act = READER_FORGET;
    /* "ditch the allergy stuff, just forget it": "it" (or "that", "this") of a
     * request to forget that names nothing is what the clause before named (its value
     * too: "the latex allergy, forget it" keeps the other allergies) */
    static const char *const it[] = {"it", "that", "this", NULL};
    if (u->act == READER_FORGET && forgot_at >= 0 && !u->value[0] && !u->relation[0] &&
        !strcmp(u->holder, "self") && holds_any(text, it) &&
        told[forgot_at].act != READER_FORGET && told[forgot_at].relation[0] &&
        told[forgot_at].rel != READER_REL_OPEN) {
        snprintf(u->holder, sizeof u->holder, "%s", told[forgot_at].holder);
        snprintf(u->relation, sizeof u->relation, "%s", told[forgot_at].relation);
        snprintf(u->value, sizeof u->value, "%s", told[forgot_at].value);
        u->rel = told[forgot_at].rel;
    }
    /* "About my asthma and the inhaler. Please delete it.": "it" is the first thing
     * named after "about" in the clause before */
    char before_it[256], *about_w[8], about_buf[256];
    if (u->act == READER_FORGET && forgot_at >= 0 && !u->value[0] && !u->relation[0] &&
        holds_any(text, it) && told[forgot_at].act != READER_FORGET) {
        snprintf(before_it, sizeof before_it, "%.*s", (int)told[forgot_at].len,
                 msg + told[forgot_at].at);
        int na = understand_split_words(before_it, " ,.;:!?()", about_buf, sizeof about_buf,
                                        (const char **)about_w, 8), b = 1;
        while (b < na && (!strcmp(about_w[b], "my") || !strcmp(about_w[b], "the") ||
                          !strcmp(about_w[b], "our")))
            b++;
        if (na > b && (!strcmp(about_w[0], "about") || !strcmp(about_w[0], "regarding")) &&
            !lex_is_stopword(about_w[b]))
            snprintf(u->value, sizeof u->value, "%s", about_w[b]);
    }
    if (u->act == READER_SUMMARY &&
        (facts_has_words(text, "your") || facts_has_words(text, "yourself")))
        u->act = READER_SMALLTALK;      /* "tell me about yourself" asks about mnemo */
    /* "can you remember things for me?" asks whether mnemo can, not what it knows, and
     * "what car have I got?" asks for one thing: a summary names what it wants, or asks
     * with a question word what mnemo knows */
    static const char *const summary_words[] = {"tell", "list", "show", "give", "about me",
                                                "about myself", "about us", "everything",
                                                "all", "told", "summary", "summarise",
                                                "summarize", NULL};
    static const char *const knowing[] = {"know", "knows", "remember", "recall", "stored",
                                          "saved", "kept", "learned", "learnt", NULL};
    int names_it = (unsigned char)text[0] >= 0x80 || facts_has_words(text, "who am i");
    for (int k = 0; summary_words[k] && !names_it; k++)
        names_it = facts_has_words(text, summary_words[k]);
    for (int k = 0; knowing[k] && !names_it && opens_question(text) == 2; k++)
        names_it = facts_has_words(text, knowing[k]);
    if (!names_it && opens_question(text) == 2)     /* "what do you have on me?" */
        names_it = facts_has_words(text, "you") && facts_has_words(text, "on me");
    if (u->act == READER_SUMMARY && !names_it)
        u->act = opens_question(text) == 2 ? READER_QUESTION : READER_SMALLTALK;
    /* "what have you saved on me?", "what've u stored about me" read as chat or as a
     * question of nothing: all that is known */
    if ((u->act == READER_SMALLTALK || (u->act == READER_QUESTION && !u->relation[0] &&
                                        u->rel == READER_REL_OPEN)) &&
        asks_which(text) && (facts_has_words(text, "you") || facts_has_words(text, "u")) &&
        (facts_has_words(text, "on me") || facts_has_words(text, "about me")))
        u->act = READER_SUMMARY;
    /* "who am I?" asks for the user's name ("what do you know about me?" for the rest) */
    if (u->act == READER_SUMMARY && facts_has_words(text, "who am i")) {
        u->act = READER_QUESTION;
        u->rel = READER_REL_NAME;
        snprintf(u->holder, sizeof u->holder, "self");
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    /* "what month was I born in?" asks for the birthday, not the place */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
        u->rel == READER_REL_HOMETOWN && facts_has_words(text, "month")) {
        u->rel = READER_REL_BIRTHDAY;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_BIRTHDAY));
    }
    /* "which town did I move here from?", "where did I live before?" ask where one came
     * from, not where one lives */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_HOME &&
        (facts_has_words(text, "from") || facts_has_words(text, "before") ||
         facts_has_words(text, "previously") || facts_has_words(text, "used to"))) {
        u->rel = READER_REL_HOMETOWN;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOMETOWN));
    }
    /* "how old are the twins?" taken for "how are you?" or for no one's: an age asked of
     * someone named after it, answered or not known, never "I'm fine" */
    if ((u->act == READER_SMALLTALK || (u->act == READER_QUESTION && !u->personal)) &&
        !strncasecmp(text, "how old ", 8) &&
        !facts_has_words(text, "you") && !facts_has_words(text, "u")) {
        const char *who = text + 8;
        static const char *const be[] = {"is ", "are ", "was ", "were ", NULL};
        for (int i = 0; be[i]; i++)
            if (!strncasecmp(who, be[i], strlen(be[i]))) who += strlen(be[i]);
        char span[UNDERSTAND_KEY];
        snprintf(span, sizeof span, "%.*s", (int)strcspn(who, "?!.,"), who);
        understand_holder_of(span, u->holder, sizeof u->holder);
        u->act = READER_QUESTION;
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        u->value[0] = '\0';
        u->personal = 1;
    }
    /* "my role", "my craft" asked: the user's job */
    for (int i = 0; posts[i]; i++)
        if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
            !strcmp(u->holder, posts[i])) {
            snprintf(u->holder, sizeof u->holder, "self");
            u->rel = READER_REL_JOB;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
            if (u->act == READER_QUESTION) u->value[0] = '\0';
        }
    /* "what is it I make for a living?", "what does Tom do for work?": the job, whatever
     * relation the reader read but a place of work (asked with "where" or "who for", or
     * read so: what one does now may be where) */
    static const char *const for_living[] = {"for a living", "for a livin", "for a livin'",
                                         "for work", "for a crust", NULL};
    if (u->act == READER_QUESTION && holds_any(text, for_living) &&
        facts_has_words(text, "what") &&
        !facts_has_words(text, "where") && !facts_has_words(text, "who") &&
        u->rel != READER_REL_JOB && u->rel != READER_REL_EMPLOYER &&
        u->rel != READER_REL_WORKPLACE && (!u->holder[0] || of_someone(text, u->holder))) {
        if (!u->holder[0]) snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
        u->value[0] = '\0';
        u->personal = 1;
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
        holds_any(text, me_allergic))
        snprintf(u->holder, sizeof u->holder, "self");
    /* "my diet" read as the diet's own diet: the user's */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel != READER_REL_OPEN &&
        !strcmp(u->holder, reader_rel_name(u->rel)))
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
        settle(u, READER_FACT, "self", READER_REL_OPEN, UNDERSTAND_FORMER_JOB, retired_at);
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
        const char *at = word_at(text, u->value);
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
    /* "my number's 07700 900733", "my mobile is ...": the user's phone number; "what's my
     * mobile again?" asks it */
    static const char *const phones[] = {"number", "mobile", "cell", "phone", "mobile number",
                                         "cell number", "digits", "phone no", NULL};
    size_t digits = 0;
    for (const char *p = u->value; *p; p++) digits += isdigit((unsigned char)*p) != 0;
    int phone_holder = in_words(phones, u->holder) ||
                       (!strcmp(u->holder, "self") && u->rel == READER_REL_OPEN &&
                        in_words(phones, u->relation));
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
    if (u->act == READER_FACT && u->rel == READER_REL_KIND && in_words(adjectives, u->holder) &&
        !kinds_animal(u->value) && !dialogue_pet_word(u->value) &&
        !isupper((unsigned char)u->value[0])) {     /* (not "our old terrier, Bublik") */
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
    if (u->act == READER_FACT && u->rel == READER_REL_JOB && !in_words(employers, tail_word) &&
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
    if (u->act == READER_FACT && u->rel == READER_REL_SCHOOL && in_words(cares, tail_word)) {
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
    int split = has_part(text, parting);
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
    /* "..., me da pena" read as a correction of a name: a correction with no old value
     * is said with a word of putting right or of change somewhere in its message
     * ("actually", "I meant", "sorry", "not", "now", "moved"), else it corrects nothing
     * and is read as what it tells */
    static const char *const righting[] = {
        "actually", "meant", "mean", "sorry", "correction", "correct", "not", "no", "nope",
        "wait", "oops", "scratch", "rather", "instead", "now", "changed", "change",
        "anymore", "longer", "update", "updated", "moved", "move", "switched", "swapped",
        "wrong", "mistake", "typo", "misspoke", "spelled", "spelt", "fix", "new",
        "left", "quit", "sold", "became", "promoted", "retired", "ex", "former", "but",
        "since", "finally", "turned", "got", "ended", "over", "passed", "died", NULL};
    if (u->act == READER_CORRECTION && !u->old[0] && u->value[0] && !chinese(msg) &&
        !holds_any(msg, righting)) {
        u->act = READER_FACT;
        /* the reader was sure it tells a name or age of someone's (act_p is the
         * correction's): "wife Kasia" */
        if ((u->rel == READER_REL_NAME || u->rel == READER_REL_AGE) &&
            (understand_kin(u->holder) || dialogue_pet_word(u->holder)))
            u->fact_min_p = 0;
    }
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
                                ? word_at(text, u->value)
                                : NULL;
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && taught_at &&
        taught_at[strlen(u->value)] == ' ' &&
        islower((unsigned char)taught_at[strlen(u->value) + 1])) {
        word_after(taught_at + strlen(u->value), taught, sizeof taught);
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
            !kinds_animal(last) &&      /* ("mostly lurcher anyway": the dog's) */
            !understand_in_list(understand_no_job_words, last) &&
            !understand_in_list(understand_no_trade_words, last) && islower((unsigned char)last[0])) {
            u->rel = READER_REL_JOB;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
        }
    }
    /* an opinion with no fact of the user's in it ("rush hour traffic is the worst",
     * "quarter end at the office is brutal lol") is small talk, not a story's line either */
    if (u->act == READER_FACT && !u->name[0] && opinion(text) &&
        (!u->personal || !u->value[0] || !checks_fits(u->rel, u->holder, u->value)))
        u->act = READER_SMALLTALK;
    /* a message of the weather, or of the day told with a mood ("-14 this morning. The
     * van wouldn't start.", "long day today, my ankles are dead"), keeps nothing the
     * reader finds no value in, or one its words do not tell */
    if (u->act == READER_FACT && !u->name[0] &&
        (understand_weather(msg) || (understand_of_the_day(msg) && opinion(msg))) &&
        (!u->value[0] || !checks_fits(u->rel, u->holder, u->value) ||
         !checks_cued(u->rel, u->holder, u->value, text)))
        u->act = READER_SMALLTALK;
    /* a message of the day ("Today a cyclist crashed ...", "the ferry was late this
     * morning, I'm a commuter") tells what happened: it keeps only a name of the
     * user's people or pets, an age of theirs, and a home, a job, a place of work or a
     * thing had that it says began ("started at X today", "we moved in yesterday") */
    char sentence[512];                 /* the clause's sentence in msg */
    size_t sb, se;
    clauses_sentence(msg, u->at, u->len, &sb, &se);
    snprintf(sentence, sizeof sentence, "%.*s", (int)(se - sb), msg + sb);
    static const char *const days[] = {"today", "tonight", "this morning", "this afternoon",
                                       "this evening", "yesterday", "last night", NULL};
    int of_day = 0;
    for (int k = 0; days[k] && !of_day; k++) of_day = facts_has_words(sentence, days[k]);
    /* (a user's telling only, one who says "I" or has told of themselves or theirs: a
     * story's "Yesterday Mary went to the garden" is kept for the memory network) */
    static const char *const mine[] = {"i", "i'm", "im", "i've", "ive", "my", "me", "we",
                                       "we're", "our", "us", NULL};
    int own = 0;            /* (or has told of themselves or theirs before) */
    for (int k = 0; mine[k] && !own; k++) own = facts_has_words(msg, mine[k]);
    for (size_t k = 0; k < f->n && !own; k++)
        own = f->v[k].holder && (!strcmp(f->v[k].holder, "self") || someone_word(f->v[k].holder));
    if (u->act == READER_FACT && of_day && own && !ideographs(text) &&
        !facts_has_words(sentence, "now") && !facts_has_words(sentence, "as of today")) {
        static const char *const began[] = {"started", "starting", "start", "new", "joined",
                                            "hired", "first day", "promoted", "moved",
                                            "moving", "bought", "got", "adopted", "turned",
                                            "turns", "born", "switched", "quit", "left",
                                            NULL};
        int kin = strcmp(u->holder, "self") != 0 && (someone_word(u->holder) ||
                                                     kinds_animal(u->holder) ||
                                                     facts_find(f, u->holder, NULL, NULL));
        int begins = 0;
        for (int k = 0; began[k] && !begins; k++) begins = facts_has_words(text, began[k]);
        int keeps = ((u->rel == READER_REL_NAME || u->rel == READER_REL_AGE) && kin) ||
                    (begins && u->rel != READER_REL_OPEN) || u->name[0] ||
                    !strcmp(u->relation, "number") ||   /* ("down to six geese") */
                    !strcmp(u->relation, "studies") ||  /* ("... last night: he's decided
                                                         * on law") */
                    !strcmp(u->relation, REALISE_WANTS_TO_BE);
        if (!keeps) u->act = READER_SMALLTALK;
    }
    /* nor puts right what it does not name ("it's 31 degrees, ferns were not made for
     * this" read as a correction of nothing to 31) */
    if (u->act == READER_CORRECTION && u->rel == READER_REL_OPEN && !u->relation[0] &&
        !strcmp(u->holder, "self") && understand_weather(msg)) {
        u->act = READER_SMALLTALK;
        u->value[0] = u->old[0] = '\0';
    }
    /* "today i cooked bibimbap", "danced at a ceilidh last week": a relation of the
     * reader's own words told of a day or a week just gone is what happened, not what
     * lasts (but "... so now I have 11 alpacas" is); and a message that opens with a trip
     * ("went to oban for a funeral, ...") tells of the trip, unless it names a school or
     * one of the user's people or pets */
    int named_kin = u->rel == READER_REL_NAME &&
                    (understand_kin(u->holder) || dialogue_pet_word(u->holder));
    if (u->act == READER_FACT && !u->name[0] && own && !u->settled &&
        ((u->rel == READER_REL_OPEN && understand_lately(text) &&
          !facts_has_words(text, "now") && strcmp(u->relation, "number") != 0) ||
         (understand_trip(msg) && !named_kin && !facts_has_words(text, "school") &&
          !facts_has_words(text, "uni") && !facts_has_words(text, "university") &&
          !facts_has_words(text, "college"))))
        u->act = READER_SMALLTALK;
    /* "what do I weave?", "what do we build for a living?" read as things had or a kind,
     * of one whose job is named for that verb: that job, asked by its verb */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && u->rel != READER_REL_JOB) {
        static const char *const kept[] = {"do", "have", "like", "love", "eat", "drink", "study",
                                           "work", "live", "go", "support", "collect",
                                           "teach", "play", "drive", "own", "speak", "need",
                                           "want", "know", "think", "call", "mean", "say",
                                           "get", "got", "use", "ride", "fly", "read",
                                           "watch", "wear", NULL};
        char buf[256];
        const char *w[12];
        int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 12);
        int tail = n == 4 || (n == 5 && !strcmp(w[4], "again")) ||
                   (n == 7 && !strcmp(w[4], "for") && !strcmp(w[6], "living")) ||
                   (n == 6 && !strcmp(w[4], "at") && !strcmp(w[5], "work"));
        if (tail && !strcmp(w[0], "what") && (!strcmp(w[1], "do") || !strcmp(w[1], "did")) &&
            (!strcmp(w[2], "i") || !strcmp(w[2], "we")) && strlen(w[3]) > 2 &&
            !understand_in_list(kept, w[3]) && strcmp(u->relation, w[3]) != 0 &&
            facts_job_of_verb(f, "self", w[3])) {
            u->rel = READER_REL_OPEN;
            snprintf(u->relation, sizeof u->relation, "%s", w[3]);
            u->value[0] = '\0';
            u->personal = 1;
        }
    }
    /* "Greta finished the bridge job, she's been a welder nine years" read without a
     * value: a kind of person said after a form of be, of someone of the user's, is their
     * job */
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && u->rel == READER_REL_OPEN &&
        !u->relation[0] && strcmp(u->holder, "self") != 0 && someone_word(u->holder) &&
        !asks(text)) {
        static const char *const be[] = {"she's", "he's", "shes", "hes", "is", "been", "was",
                                         "became", "now", NULL};
        char buf[512];
        const char *w[64];
        int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
        for (int k = 1; k + 1 < n; k++) {
            if ((strcmp(w[k], "a") && strcmp(w[k], "an")) || !understand_in_list(be, w[k - 1]))
                continue;
            int e = k + 1;      /* one or two words, the last a kind of person */
            if (e + 1 < n && kinds_person(w[e + 1]) && !kinds_person(w[e])) e++;
            if (!kinds_person(w[e])) break;
            const char *from = word_at(text, w[k + 1]);
            if (!from || hypothetical(text, w[k + 1])) break;
            snprintf(u->value, sizeof u->value, "%.*s", (int)(word_at(from, w[e]) - from +
                                                              (long)strlen(w[e])), from);
            u->act = READER_FACT;
            u->rel = READER_REL_JOB;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
            u->personal = 1;
            u->fact_min_p = 0;
            break;
        }
    }
    /* "he's finally a locksmith now" read as chat, of someone of the user's: a job
     * that is a kind of person, said as what they are, is theirs */
    const char *job_last = strrchr(u->value, ' ') ? strrchr(u->value, ' ') + 1 : u->value;
    if (u->act == READER_SMALLTALK && u->rel == READER_REL_JOB && u->value[0] &&
        strcmp(u->holder, "self") != 0 && someone_word(u->holder) && kinds_person(job_last) &&
        checks_fits(u->rel, u->holder, u->value) &&
        checks_cued(u->rel, u->holder, u->value, text) && !asks(text) &&
        !hypothetical(text, u->value) && !lives_beside(text, u)) {
        u->act = READER_FACT;
        u->personal = 1;
        u->fact_min_p = 0;
    }
    /* "22, living in moseley with my parents" read as the parents': one of the user's
     * named only after "with" is whom they live or go with, not whom the clause tells of
     * (but "with my housemates Olu and Bea" names them); "58", "12 🌻" alone, read as an
     * age told in passing, is the user's age */
    const char *value_at = u->value[0] ? word_at(text, u->value) : NULL;
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
        for (int k = 0; third[k] && !of_another; k++) of_another = facts_has_words(subject, third[k]);
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
    /* 我念的专业是什么, 我现在教哪个科目: what one studies or teaches, asked */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && chinese(text) &&
        !strcmp(u->holder, "self")) {
        int study = strstr(text, "专业") || strstr(text, "读的什么") || strstr(text, "学的什么") ||
                    strstr(text, "读什么") || strstr(text, "学什么");
        int teach = strstr(text, "教什么") || strstr(text, "教的什么") || strstr(text, "科目");
        if ((study || teach) && facts_find(f, "self", teach ? "teach" : "study", NULL)) {
            u->rel = READER_REL_OPEN;       /* (else the job told answers: 初中物理老师) */
            snprintf(u->relation, sizeof u->relation, "%s", teach ? "teach" : "study");
            if (u->act == READER_QUESTION) u->value[0] = '\0';
        }
    }
    /* 邻居都叫她阿芳: what others call one of the user's people is their name */
    static const char *const called_zh[] = {"喊他", "喊她", "叫他", "叫她", NULL};
    for (int k = 0; called_zh[k] && u->act == READER_FACT && strcmp(u->holder, "self") != 0 &&
                    someone_word(u->holder); k++) {
        const char *at = strstr(u->value, called_zh[k]);
        if (!at || !at[strlen(called_zh[k])]) continue;
        memmove(u->value, at + strlen(called_zh[k]), strlen(at + strlen(called_zh[k])) + 1);
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    /* 你知道我哪些事, 你都记得我多少: what mnemo remembers of the user, nothing named
     * of them, asks for all of it */
    if (u->act == READER_QUESTION && chinese(text) && u->rel == READER_REL_OPEN &&
        !u->relation[0] && !strcmp(u->holder, "self") && strstr(text, "你") &&
        (strstr(text, "记得") || strstr(text, "知道")) &&
        (strstr(text, "我什么") || strstr(text, "我些什么") || strstr(text, "我哪些") ||
         strstr(text, "我的哪些") || strstr(text, "我多少")))
        u->act = READER_SUMMARY;        /* (not 我做什么工作的，你可记得: one thing) */
    /* "where's dmitri now", "where is my sister": where someone of the user's is asks
     * where they are, the newest of where they live and where they work */
    static const char *const where[] = {"where", "where's", "wheres", NULL};
    char first[16];
    size_t fl = 0;
    for (const char *p = text; *p && fl + 1 < sizeof first && (isalpha((unsigned char)*p) ||
                                                            *p == '\''); p++)
        first[fl++] = (char)tolower((unsigned char)*p);
    first[fl] = '\0';
    if ((u->act == READER_SMALLTALK || u->act == READER_QUESTION) && !u->value[0] &&
        u->rel == READER_REL_OPEN && !u->relation[0] && strcmp(u->holder, "self") != 0 &&
        understand_in_list(where, first) && !facts_has_words(text, "you") &&
        facts_find(f, u->holder, NULL, NULL)) {
        int rel = READER_REL_HOME;
        for (size_t k = f->n; k-- > 0;) {
            int r = facts_rel_of(f->v[k].relation);
            if (facts_same_holder(f->v[k].holder, u->holder) &&
                (r == READER_REL_HOME || r == READER_REL_WORKPLACE)) {
                rel = r;
                break;
            }
        }
        u->act = READER_QUESTION;
        u->personal = 1;
        u->rel = rel;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(rel));
    }
    /* "Got two kids, Mirela's 10 and Jonah's 6": an age or a name of one named with a
     * capital, in a sentence that tells of a group of the user's own ("my cousins", "got
     * two kids", "our boys"), is one of theirs */
    static const char *const owning[] = {"my", "our", "me", "got", "have", "two", "three",
                                         "four", "five", "2", "3", "4", "5", NULL};
    const char *named_at = (u->act == READER_FACT || u->act == READER_SMALLTALK) &&
                                   !u->personal && !strchr(u->holder, ' ') &&
                                   (u->rel == READER_REL_AGE || u->rel == READER_REL_NAME) &&
                                   u->value[0] && !someone_word(u->holder) &&
                                   strcmp(u->holder, "self") != 0
                               ? word_at(text, u->holder)
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
        settle(u, READER_FACT, piece.holder, piece.rel, NULL, piece.value);
}
