/* checks_fit.c: whether a value can be of a relation at all (checks_fits, checks.h): the
 * forms names, ages, places, jobs and languages take in English and Chinese. */
#include "agent/checks_internal.h"
#include "agent/forms.h"
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
    /* "I live with 3 flatmates": people lived with are no home */
    const char *with = strrchr(value, ' ');
    if ((rel == READER_REL_HOME || rel == READER_REL_WORKPLACE) && with &&
        isdigit((unsigned char)value[0]) && checks_someone_word(with + 1))
        return 0;
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
        checks_in_words(counted, space + 1) &&
        !(strcmp(space + 1, "weeks") == 0 && strcmp(holder, "self") != 0))
        return 0;                       /* (a baby's "7 weeks" is an age) */
    /* "I've got an hour free before lunch": a while is no thing had */
    static const char *const whiles[] = {"second", "seconds", "minute", "minutes", "mins",
                                         "hour", "hours", "hrs", "moment", "sec", "secs",
                                         "days", "weeks", "months", NULL};
    const char *last_word = space ? space + 1 : value;
    if ((rel == READER_REL_OWNS && checks_in_words(whiles, last_word)) ||
        checks_in_words(whiles, holder))
        return 0;                       /* (nor are "20 minutes" a count of things had) */
    /* "it's a habit at this point": "point" alone is no value */
    if (!strcasecmp(value, "point")) return 0;
    /* "I play the oboe with a quartet on Fridays": a day (or days) is no pastime */
    char day[16];
    snprintf(day, sizeof day, "%s", value);
    for (char *c = day; *c; c++) *c = (char)tolower((unsigned char)*c);
    size_t dl = strlen(day);
    int weekday = understand_weekday(day);
    if (dl > 1 && day[dl - 1] == 's') day[dl - 1] = '\0', weekday |= understand_weekday(day);
    if (rel == READER_REL_HOBBY && weekday) return 0;
    /* "a masters in Utrecht, last year": a time is no place ("last year", "this week",
     * "next spring", "final year") */
    static const char *const when_first[] = {"last", "this", "next", "final", "first",
                                             "every", NULL};
    static const char *const when_last[] = {"year", "week", "month", "term", "semester",
                                            "summer", "winter", "spring", "autumn", "fall",
                                            "weekend", "night", "time", NULL};
    int place = rel == READER_REL_HOME || rel == READER_REL_HOMETOWN ||
                rel == READER_REL_WORKPLACE || rel == READER_REL_SCHOOL ||
                rel == READER_REL_EMPLOYER;
    const char *sp = strchr(value, ' ');
    if (place && sp && !strchr(sp + 1, ' ')) {
        char first[16];
        snprintf(first, sizeof first, "%.*s", (int)(sp - value), value);
        for (char *q = first; *q; q++) *q = (char)tolower((unsigned char)*q);
        if (checks_in_words(when_first, first) && checks_in_words(when_last, sp + 1)) return 0;
    }
    /* "Back again": a word of where or which way that WordNet also has for a person
     * (a back, a forward) is no job alone */
    static const char *const ways[] = {"back", "forward", "home", "right", "left", "out",
                                       "inside", "outside", NULL};
    if (rel == READER_REL_JOB && checks_in_words(ways, value)) return 0;
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
    if (rel == READER_REL_JOB && checks_in_words(did, opening)) return 0;  /* "went full vegan" */
    /* "Sorry cat.": an animal is no job ("dog walker" is one); nor are people of a
     * kind the user is one of ("a joke not about bartenders") */
    const char *job_last = sort ? sort + 1 : value;
    char one[32];
    size_t jl = strlen(job_last);
    snprintf(one, sizeof one, "%.*s", (int)(jl > 1 && jl < sizeof one ? jl - 1 : 0), job_last);
    if (rel == READER_REL_JOB && (dialogue_pet_word(job_last) ||     /* (a "walker" is a
                                                                       * breed too) */
                                  (!strcmp(holder, "self") && job_last[jl - 1] == 's' &&
                                   one[0] && kinds_person(one) && !kinds_person(job_last))))
        return 0;
    /* "the oud, an Arabic lute": a musical instrument is no job */
    if (rel == READER_REL_JOB && kinds_instrument(sort ? sort + 1 : value)) return 0;
    /* "student life", "glamorous life": a way of living, no job */
    if (rel == READER_REL_JOB && sort && !strcasecmp(sort + 1, "life")) return 0;
    /* "Simply wasting life.": words opened by a word of manner ("simply", "really") are no
     * job unless they end in a kind of person ("really good nurse") */
    char manner[32];
    snprintf(manner, sizeof manner, "%s", opening);
    for (char *q = manner; *q; q++) *q = (char)tolower((unsigned char)*q);
    if (rel == READER_REL_JOB && sort && understand_in_list(understand_manner_words, manner) &&
        !kinds_person(sort + 1))
        return 0;
    if (rel == READER_REL_JOB && sort &&
        (checks_in_words(sizes, opening) ||
         (checks_in_words(sorts, sort + 1) &&
          (isupper((unsigned char)value[0]) || checks_in_words(likings, opening) ||
           kinds_animal(opening)))))
        return 0;
    /* "we moved house": a word for a home is no place one lives in */
    static const char *const homes[] = {"house", "home", "flat", "flats", "apartment",
                                        "place", "houses", "base", "bases", NULL};
    if ((rel == READER_REL_HOME || rel == READER_REL_HOMETOWN) && checks_in_words(homes, value))
        return 0;
    /* nor a feature of the land said small ("across the river") */
    static const char *const land[] = {"river", "road", "street", "lake", "sea", "coast",
                                       "hill", "hills", "mountains", "woods", "forest",
                                       "field", "fields", "park", "bridge", "corner", "block",
                                       "border", "water", "bay", "beach", "valley", "port",
                                       "harbour", "harbor", NULL};
    if ((rel == READER_REL_HOME || rel == READER_REL_HOMETOWN) && checks_in_words(land, value))
        return 0;
    /* nor is a state one is in ("I'm in heaven", "in bits"; "Finished." alone) */
    static const char *const states[] = {"heaven", "hell", "love", "shock", "pain", "bed",
                                         "trouble", "tears", "bits", "pieces", "awe",
                                         "denial", "limbo", "paradise", "agony", "stitches",
                                         "finished", "done", "exhausted", "knackered",
                                         "shattered", "wrecked", "stuffed", "tired", NULL};
    if ((rel == READER_REL_HOME || rel == READER_REL_WORKPLACE) && checks_in_words(states, value))
        return 0;
    /* no one is called a word of time or place ("stays with my aunt right now"), of how
     * often ("my flatmate always says ..."), nor a number ("Aaliyah is sixteen") */
    static const char *const no_name[] = {"right", "now", "then", "there", "here", "today",
                                          "single", "engaged", "married", "divorced",
                                          "widowed", "separated", "pregnant", "retired",
                                          "unemployed", "skint", "always", "never", "usually",
                                          "often", "sometimes", "still", "also", "gone",
                                          "away", "back", "done", "new", NULL};
    long number;
    if (rel == READER_REL_NAME &&
        (checks_in_words(no_name, value) || understand_number(value, &number)))
        return 0;
    /* nor a word of how one is, written small ("thinks I'm ridiculous", "so hopeless") */
    static const char *const moods[] = {"ous", "ful", "less", "ible", "able", NULL};
    for (int k = 0; rel == READER_REL_NAME && strlen(value) >= 7 && moods[k]; k++) {
        size_t ml = strlen(moods[k]);
        if (islower((unsigned char)value[0]) && !strchr(value, ' ') &&
            !strcmp(value + strlen(value) - ml, moods[k]))
            return 0;
    }
    /* nor a count in Chinese (三个 of 家里三个外孙) */
    static const char *const zh_counts[] = {"一", "两", "二", "三", "四", "五", "几", "俩", NULL};
    for (int k = 0; rel == READER_REL_NAME && zh_counts[k]; k++)
        if (!strncmp(value, zh_counts[k], strlen(zh_counts[k])) &&
            (strstr(value, "个") || strstr(value, "只") || !strcmp(value, "俩")))
            return 0;
    /* nor, written small, a kind of animal, words of how many ("two rescue dogs, both
     * kelpie crosses, both ratbags") or of what may be ("my husband will work at ...") */
    static const char *const how_many[] = {"both", "all", "each", "every", "some", "any",
                                           "will", "would", "can", "could", "should",
                                           "must", "might", "may", NULL};
    char lead_word[16];
    snprintf(lead_word, sizeof lead_word, "%.*s", (int)strcspn(value, " "), value);
    if (rel == READER_REL_NAME && islower((unsigned char)value[0]) &&
        ((kinds_animal(value) && !understand_kin(holder)) || checks_in_words(how_many, lead_word)))
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
    if (rel == READER_REL_JOB && checks_in_words(work_words, value)) return 0;
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
                  checks_in_words(feasts, w[i]) || strstr(w[i], "teen") || strstr(w[i], "first") ||
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
        if (!*w || (islower((unsigned char)*w) && (checks_in_words(units, w) ||
                                                    understand_in_list(understand_time_units, w))))
            return 0;           /* (not "3M") */
    }
    /* nor says how (条路都熟, 累得很) */
    static const char *const how[] = {"都", "也", "很", "太", "得", NULL};
    for (int i = 0; rel == READER_REL_JOB && (unsigned char)value[0] >= 0xE0 && how[i]; i++)
        if (strstr(value, how[i])) return 0;
    /* nor is a place of work (一家物流公司, 银行), unless one runs it (开火锅店) */
    static const char *const places[] = {"公司", "店", "厂", "银行", "医院", "学校", "餐厅",
                                         "超市", NULL};
    size_t vl = strlen(value);
    int runs = !strncmp(value, "开", 3) || !strncmp(value, "经营", 6);
    for (int i = 0; rel == READER_REL_JOB && (unsigned char)value[0] >= 0xE0 && !runs &&
                    places[i]; i++)
        if (vl >= strlen(places[i]) && !strcmp(value + vl - strlen(places[i]), places[i]))
            return 0;
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
        if (understand_weekday(value) || checks_in_words(days, value)) return 0;
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
