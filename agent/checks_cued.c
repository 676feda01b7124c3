/* checks_cued.c: whether a clause says a value in words that can tell its relation
 * (checks_cued, checks.h): a name said as one, a like, a home, a job, a thing had, a diet,
 * in English and in Chinese. */
#include "agent/checks_internal.h"
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/lexical.h"
#include "model/reader.h"

/* How the job value is told in text (last: its last word): 1 as one is, by the words
 * right before it ("I'm a nurse", "she's a retired vet", "job is welder", "I am trek
 * guide"; "as a welder" after a word of work: "I work for Acme as a welder") or first in its
 * sentence or after a comma as a kind of person ("Dairy farmer in Sneek.", "Elif, freelance
 * translator"); 0 as something else
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
    const char *at = checks_word_at(text, value);
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
    const char *q = checks_word_after(at + vl, next, sizeof next);
    if (checks_in_words(when, next)) checks_word_after(q, next, sizeof next);
    int someone = checks_in_words(doing, next);
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
        if (checks_in_words(be, w[i]))
            return kinds_person(last) && !(i + 1 < n && checks_in_words(things, w[i + 1]));
        if (!strcmp(w[i], "to")) {
            int change = 0;
            for (int c = 0; changed[c] && !change; c++)
                change = facts_has_words(before, changed[c]);
            return change;
        }
        if (!strcmp(w[i], "as"))
            return worked || i + 1 == n || checks_in_words(be, w[i + 1]);
        if (!strcmp(w[i], "like") && i + 1 < n && checks_in_words(working, w[i + 1]))
            return 1;                         /* "I work like bus driver" */
        if (checks_in_words(articles, w[i])) {
            if (i + 1 == n) return strcmp(w[i], "the") != 0;    /* "Ana, a midwife" */
            int j = i + 1;
            while (j + 1 < n && checks_in_words(now, w[j])) j++;
            if (j > i + 1) i = j - 1;
            l = strlen(w[i + 1]);
            if (checks_in_words(be, w[i + 1]) || (l > 2 && !strcmp(w[i + 1] + l - 2, "'s")))
                return !(i + 2 < n &&
                         checks_in_words(things, w[i + 2])) && /* "my dad's a plumber" */
                       strcmp(w[i + 1], "it's") != 0 &&
                       strcmp(w[i + 1], "that's") != 0;
            if (!strcmp(w[i + 1], "as"))
                return worked || i + 2 >= n || checks_in_words(be, w[i + 2]);
            return 0;
        }
        /* a word that tells what kind ("retired", "senior") or when ("I'm now nurse"),
         * no other word of function or number ("of", "like", "40") */
        if (checks_in_words(now, w[i])) continue;
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
 * before "here" or before a comma and a number ("maeve, 29, ..."), in a note of the
 * user's ("me: ada, 30"), or first in the message with a capital (after a greeting at
 * most: "hi! Nadia, 34, nurse"). "the hall is this old mill",
 * "a kettle I call Bertha" name no one, nor a state one is in typed small after "I'm" ("im blind",
 * "i'm pregnant"). */
static int self_name_said(const char *text, const char *value)
{
    static const char *const naming[] = {"i'm", "im", "am", "names", "name's", "name",
                                         "called", "named", "it's", "its", "here", NULL};
    /* a greeting's words besides understand_greetings */
    static const char *const greeting[] = {"so", "ok", "okay", "all", "everyone", "folks",
                                           "guys", NULL};
    size_t chars = 0;                   /* (one letter, of a kaomoji, is no name) */
    for (const unsigned char *c = (const unsigned char *)value; *c; c++)
        chars += (*c & 0xC0) != 0x80;
    if (chars < 2) return 0;
    const char *at = checks_word_at(text, value);
    if (!at) return 1;                  /* not as written here: not this check's to judge */
    if (!strncasecmp(text, "me:", 3) || !strncasecmp(text, "me -", 4)) return 1;  /* a note */
    if (capital_i(text) && islower((unsigned char)at[0])) return 0;
    const char *after = at + strlen(value);
    while (*after == ' ' || *after == ',') after++;
    if (!strncasecmp(after, "here", 4) && !isalpha((unsigned char)after[4])) return 1;
    const char *lead = text;
    while (*lead && !isalnum((unsigned char)*lead)) lead++;
    if (at[strlen(value)] == ',' && isdigit((unsigned char)*after) &&
        (at == lead || isupper((unsigned char)at[0])))
        return 1;                     /* "maeve, 29, physio": an introduction's list (not
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
    if (nb >= 2 && !strcmp(before[0], "called") && checks_in_words(others, before[1])) return 0;
    /* "a narrowboat called Heron": "called" names the user only after "I'm", "am" ... */
    static const char *const me[] = {"i'm", "im", "am", "i", "be", "get", "usually", "also",
                                     "just", "was", "were", "everyone", "people", "friends",
                                     NULL};
    if (nb >= 2 && (!strcmp(before[0], "called") || !strcmp(before[0], "named")) &&
        !checks_in_words(me, before[1]))
        return 0;
    /* "im blind", "I'm pregnant": a state one is in, typed small, is no name */
    if (nb >= 1 && checks_in_words(naming, before[0]) && !isupper((unsigned char)value[0]) &&
        understand_in_list(understand_states, value))
        return 0;
    if (nb >= 1 && checks_in_words(naming, before[0])) return 1;
    if (nb >= 2 && !strcmp(before[0], "is") &&
        (!strcmp(before[1], "name") || !strcmp(before[1], "this")))
        return 1;                     /* "my name is", "this is" */
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
    if (checks_in_words(asides, low) ||
        (*next == ' ' && islower((unsigned char)next[1]) && strncmp(next, " from ", 6) != 0))
        return 0;                       /* ("Bogdan from Brasov" names) */
    if (*next == ',' && (facts_has_words(next, "you") || facts_has_words(next, "u")) &&
        strncasecmp(after, "you", 3) == 0)
        return 0;
    /* "Ugh, the Jets lost", "Lawd, di rain come": a word that opens a sentence of small
     * letters is a call, not a name told (an introduction lists a number or a trade:
     * "Nadia, 34", "Tomasz, welder") */
    char called[24];
    checks_word_after(after, called, sizeof called);
    if (*next == ',' && islower((unsigned char)*after) && nb == 0 && !kinds_person(called))
        return 0;
    for (int i = 0; i < nb; i++)
        if (!checks_in_words(greeting, before[i]) &&
            !checks_in_words(understand_greetings, before[i]))
            return 0;
    return 1;
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
    if (checks_holds_any(text, liking)) return 1;
    /* "i whittle most evenings", "we sail": a pastime told by its verb, right after whose it is */
    static const char *const subject[] = {"i", "we", "he", "she", "they", NULL};
    char first[UNDERSTAND_VALUE];
    snprintf(first, sizeof first, "%.*s", (int)strcspn(value, " "), value);
    const char *at = checks_word_at(text, first);
    char who[8];
    if (at && (checks_word_before(text, at, who, sizeof who), checks_in_words(subject, who)))
        return 1;
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 96);
    for (int k = 1; k < n; k++)
        if (!strcmp(w[k], "like") && understand_in_list(liker, w[k - 1])) return 1;
    return 0;
}

/* 0 when text tells a "from" of a thing, not of whose origin it is: after a plural of
 * no kin and no capital ("dust", "walkers from a coach", "three hours from Ely", "apples from the
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
        int named = isupper((unsigned char)text[b - low]);     /* ("Leeds from Accra") */
        if (checks_in_words(things, w) ||
            (wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's' && !understand_kin(key) &&
             !understand_group_key(key) && !lex_is_stopword(w) && !named))
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
    if (checks_holds_any(text, phrases)) return 1;
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
    if (checks_holds_any(text, understand_work_words) || checks_holds_any(text, working)) return 1;
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
    return checks_has_part(text, stems) || checks_holds_any(text, words) ||
           checks_holds_any(text, understand_diet_words);   /* ("paleo") */
}

const char *const checks_saying[] = {"says", "said", "reckons", "reckoned", "thinks",
                                     "swears", "swear", "swore", "claims", "insists",
                                     "believes", NULL};

/* 1 when a name typed small of someone's is said as one: not right before "my" ("bruh
 * my teacher", "stole my chips": a word of the sentence before whose it is) nor after a
 * word of degree ("you are very kind to my cat"), an article or "his", "her" ("kept his
 * boat"). */
static int other_name_said(const char *text, const char *value)
{
    static const char *const whose[] = {"my", "our", "his", "her", "their", "your", NULL};
    static const char *const degree[] = {"very", "so", "too", "really", "quite", "pretty",
                                         "super", "extremely", "rather", NULL};
    const char *at = checks_word_at(text, value);
    if (!at) return 1;
    const char *end = at + strlen(value);
    char w[16], holder[16];
    const char *x = checks_word_after(end, w, sizeof w);
    if (*end == ' ' && checks_in_words(whose, w)) {
        /* "ruth my aunt bakes": first in its clause, before whose it is, a name;
         * not "miss my mum's cooking" */
        x = checks_word_after(x, holder, sizeof holder);
        if (at > text || *x == '\'') return 0;
    }
    checks_word_before(text, at, w, sizeof w);
    size_t wl = strlen(w);
    if (wl > 2 && !strcmp(w + wl - 2, "'s") && strcmp(w, "name's") != 0)
        return 0;                       /* "my mum's adobo": hers (not "her name's ada") */
    /* "the missus reckons ...", "my flatmate microwaved fish": a verb of saying, or a
     * long word in "-ed", right after whom it is names no one */
    size_t vl = strlen(value);
    if (checks_in_words(checks_saying, value) || (vl >= 6 && !strcmp(value + vl - 2, "ed")))
        return 0;
    /* "Today it poured. My neighbour wore shorts": one who opens with a capital writes
     * names so; a word in small letters right after a word of kin is what they did */
    char key[UNDERSTAND_KEY];
    understand_holder_of(w, key, sizeof key);
    const char *open = text;
    while (*open == ' ') open++;
    if (isupper((unsigned char)*open) && strcmp(key, "self") != 0 && understand_kin(key))
        return 0;

    static const char *const a_thing[] = {"his", "her", "their", "its", "the", "a", "an", NULL};
    if (checks_in_words(a_thing, w) && !checks_word_at(text, "called") &&
        !checks_word_at(text, "named"))
        return 0;                       /* "when he sold his van": a thing */
    /* "Mei is cabin crew": after a name with a capital and "is", what she is */
    if (!strcmp(w, "is")) {
        const char *b = at;
        for (int k = 0; k < 2; k++) {    /* back to the start of the word before "is" */
            while (b > text && b[-1] == ' ') b--;
            while (b > text && (isalnum((unsigned char)b[-1]) || b[-1] == '\'')) b--;
        }
        if (isupper((unsigned char)*b)) return 0;
    }
    return !checks_in_words(degree, w);
}

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
                               "送", "卖", "跑", "写", "公司", "单位", "厂", "店", "医院",
                               NULL}},
        {READER_REL_WORKPLACE, {"上班", "工作", "做", "当", "打工", "教", "干", "实习", "开",
                                "送", "卖", "跑", "写", "公司", "单位", "厂", "店", "医院",
                                NULL}},
        {READER_REL_BIRTHDAY, {"生日", "出生", "生的", NULL}},
        {READER_REL_HOMETOWN, {"来自", "老家", "出生", "长大", "人", "家乡", "籍贯", NULL}},
        {READER_REL_DIET, {"吃", "素", "忌", "戒", "不碰", "饮食", NULL}},
    };
    size_t chars = 0;               /* the value's characters, a CJK one as one */
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        chars += (*p & 0xC0) != 0x80;
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
                                              "开", "教", "送", "卖", "跑", "写", NULL};
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
        /* 人 only after one who is of the place (是四川人, 我东北人, ，湖南人), not 特别粘人 */
        static const char *const others[] = {"来自", "老家", "出生", "长大", "家乡", "籍贯",
                                             NULL};
        int other = 0;
        for (int i = 0; others[i] && !other; i++) other = strstr(text, others[i]) != NULL;
        char of[UNDERSTAND_VALUE + 8], me[UNDERSTAND_VALUE + 8], set[UNDERSTAND_VALUE + 8];
        snprintf(of, sizeof of, "是%s人", value);
        snprintf(me, sizeof me, "我%s人", value);
        snprintf(set, sizeof set, "，%s人", value);     /* (我阿明，湖南人，...) */
        if (!other)
            return strstr(text, of) || strstr(text, me) || strstr(text, set) ||
                   !strncmp(text, set + strlen("，"), strlen(set) - strlen("，"));
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
            checks_word_before(text, p, w, sizeof w);
            if (p > text && p[-1] == ' ' && checks_in_words(numbered, w)) return 0;
        }
    }
    if ((unsigned char)value[0] >= 0x80 || checks_ideographs(text))    /* (not an emoji first) */
        return checks_ideographs(text) ? cued_zh(rel, value, text) : 1;
    if (rel == READER_REL_NAME) {       /* "cooks for the band Carnival Monday": a day's */
        const char *at = checks_word_at(text, value);
        char next[16] = "", before[16] = "";
        if (at && at[strlen(value)] == ' ')
            checks_word_after(at + strlen(value), next, sizeof next);
        if (understand_weekday(next)) return 0;
        /* "my brother says Oslo is ...": what he says names no one */
        if (at) checks_word_before(text, at, before, sizeof before);
        if (checks_in_words(checks_saying, before)) return 0;
        /* "my aunt in Porto writes ...": where someone is names no one */
        static const char *const where[] = {"in", "from", "at", NULL};
        if (checks_in_words(where, before)) return 0;
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
        return checks_has_part(text, allergic);
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
        if (forms_language(value) || forms_language(last) || checks_has_part(text, speaking))
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
        const char *at = checks_word_at(text, value);
        char w[16];
        if (at && (checks_word_before(text, at, w, sizeof w), checks_in_words(be, w))) return 0;
    }
    if ((rel == READER_REL_SCHOOL || rel == READER_REL_EMPLOYER ||
         rel == READER_REL_WORKPLACE) && islower((unsigned char)value[0]) &&
        !strchr(value, ' ')) {
        /* "he starts college in May": a word right after a subject is its verb, no place */
        static const char *const subject[] = {"he", "she", "they", "i", "we", "it", "you",
                                              NULL};
        const char *at = checks_word_at(text, value);
        char w[16];
        if (at && (checks_word_before(text, at, w, sizeof w), checks_in_words(subject, w)))
            return 0;
    }
    if (rel == READER_REL_HOME && !strcmp(holder, "self")) {
        /* "we live on pasta": what one lives on is no place */
        static const char *const on[] = {"live on", "lives on", "living on", "lived on", NULL};
        char on_value[UNDERSTAND_VALUE + 4];
        snprintf(on_value, sizeof on_value, "on %s", value);
        for (int i = 0; on[i] && !isupper((unsigned char)value[0]); i++) {  /* ("on Arran") */
            if (facts_has_words(text, on[i]) && facts_has_words(text, on_value)) return 0;
            const char *lives = checks_word_at(text, on[i]), *at = checks_word_at(text, value);
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
        /* "when i'm home i knit scarves": home there is when, and what follows a verb no
         * place */
        static const char *const when_home[] = {"when i'm home", "when im home",
                                                "when i am home", "while i'm home",
                                                "at home", NULL};
        static const char *const placing[] = {"in", "at", "near", "to", "on", "is", "by",
                                              "outside", NULL};
        const char *vat = checks_word_at(text, value);
        char vbefore[16] = "";
        if (vat) checks_word_before(text, vat, vbefore, sizeof vbefore);
        if (islower((unsigned char)value[0]) && checks_holds_any(text, when_home) && vat &&
            !checks_in_words(placing, vbefore))
            return 0;
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
        const char *at = checks_word_at(text, in_value);
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
        const char *at = checks_word_at(text, value);
        if (at) {
            /* "-8 at 6am", "the I-20": a number after a minus or a hyphen is no age */
            if (at > text && (at[-1] == '-' || at[-1] == '+')) return 0;
            if (at[strlen(value)] == ',' && isdigit((unsigned char)at[strlen(value) + 1]))
                return 0;               /* "30,000 bottles" */
            char w[24], v[16], before[8];
            const char *p = checks_word_after(at + strlen(value), w, sizeof w);
            size_t n = strlen(w);
            /* "16 years together", "20 years ago": how long, not how old */
            static const char *const since[] = {"together", "ago", "later", "married", "since",
                                                "running", "straight", "of", "in", "now",
                                                "already", NULL};
            if (understand_in_list(understand_time_units, w) &&
                (checks_word_after(p, v, sizeof v), understand_in_list(since, v)))
                return 0;
            if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && !lex_is_stopword(w) &&
                !understand_in_list(understand_time_units, w))
                return 0;
            /* "we have 9 now": a number had is a count too; "minus 28" a temperature */
            checks_word_before(text, at, before, sizeof before);
            if (checks_in_words(forms_having, before) || !strcasecmp(before, "minus")) return 0;
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
        const char *said_at = checks_word_at(text, value);
        if (said_at) {
            char after[3][16];
            const char *p = said_at + strlen(value);
            for (int k = 0; k < 3; k++) p = checks_word_after(p, after[k], sizeof after[k]);
            for (int k = 0; k < 2; k++)
                if ((!strcmp(after[k], "was") || !strcmp(after[k], "is")) &&
                    !strcmp(after[k + 1], "not"))
                    return 0;
            for (int k = 0; k < 3; k++)
                if (!strcmp(after[k], "wasn") || !strcmp(after[k], "isn")) return 0;
            /* "i'm jittery about exams": a state of mind, not a trade */
            char before[16];
            checks_word_before(text, said_at, before, sizeof before);
            if (!strchr(value, ' ') && !strcmp(after[0], "about") &&
                (!strcmp(before, "i'm") || !strcmp(before, "im") || !strcmp(before, "am")))
                return 0;
        }
        int as_one = (unsigned char)value[0] < 0x80 ? job_told_as_one(text, value, last) : -1;
        if (as_one >= 0) return as_one || checks_in_words(posts, last);
        if (kinds_person(last) || checks_in_words(posts, last)) return 1;
        for (int i = 0; understand_work_words[i]; i++)
            if (facts_has_words(text, understand_work_words[i])) return 1;
        for (int i = 0; working[i]; i++)
            if (facts_has_words(text, working[i])) return 1;
        return 0;
    }
    return 1;
}
