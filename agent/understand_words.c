/* understand_words.c: the words a clause is read with, shared by understand.c and
 * forms.c (understand_internal.h) and the agent's other files (understand.h): the word
 * lists of a holder span (whose, kin words in one form), a holder's key, a pronoun's
 * base, numbers, a span of words as the clause spells it, and the words that tell a
 * message is of the weather or of the day. */
#include "agent/understand_words.h"
#include "agent/understand_internal.h"
#include "agent/understood.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/reader.h"
#include "model/vocab.h"

/* Words of a holder span that say whose it is, how old, how many or how much, or how
 * one feels of them, not who (dropped from the key: "my big brother" is "brother", "my
 * two sisters" "sisters", "my late wife" "wife", "my absolute favourite" the user's). */
static const char *const owner_words[] = {
    "my", "our", "the", "a", "an", "i", "me", "mine", "i'm", "im", "i've", "ive", "i'd",
    "we", "we're", "we've", "us", "'s", "s", "of", "big", "little", "wee", "older", "younger",
    "elder", "baby", "lil", "absolute", "all-time", "very", "two", "three", "four", "five",
    "2", "3", "4", "5", "both", "late", "dear", "beloved", "lovely", "darling", "我", "的",
    "我们", NULL};
/* Words that make a holder the user's own (the first of a personal holder span). */
const char *const understand_kin_sizes[] = {"only", "little", "big", "baby", "eldest",
                                           "youngest", "older", "younger", "oldest", "dear",
                                           "best", "twin", "elder", NULL};
const char *const understand_personal_words[] = {
    "my", "our", "i", "me", "mine", "i'm", "im", "i've", "ive", "i'd", "we", "we're",
    "we've", "us", "我", "我们", NULL};
/* Words that say one works (a job, a workplace, a firm follow them). */
const char *const understand_work_words[] = {"work", "works", "working", "worked", "wrk",
                                             "job", "jobs", NULL};
/* Places one works at or runs as a business (the last word of "a tiny nail bar"). */
const char *const understand_business_words[] = {
    "salon", "shop", "store", "cafe", "café", "bakery", "restaurant", "bar", "pub", "stall",
    "kiosk", "studio", "garage", "workshop", "lab", "factory", "business", "company", "firm",
    "agency", "clinic", "boutique", "deli", "diner", "guesthouse", "hostel", "hotel", "farm",
    "market", NULL};
const char *const understand_person_verbs[] = {
    "works", "lives", "runs", "owns", "manages", "teaches", "coaches", "trains", "drives",
    "fixes", "builds", "cleans", "cooks", "bakes", "sells", "designs", "writes", "plays",
    "sings", "studies", "loves", "likes", "hates", "has", "does", "makes", "speaks", "goes",
    "moved", "lived", "worked", "started", "joined", "just", "still", "barrack", "barracks",
    NULL};
const char *const understand_people_groups[] = {
    "kids", "children", "boys", "girls", "sons", "daughters", "cousins", "siblings",
    "grandkids", "grandchildren", "brothers", "sisters", "twins", "nieces", "nephews", NULL};
const char *const understand_group_words[] = {"band", "bands", "choir", "orchestra", "ensemble",
                                              "quartet", "trio", "club", "team", "squad",
                                              "league", "group", "crew", "troupe", NULL};
const char *const understand_vehicle_words[] = {"car", "bike", "motorbike", "motorcycle",
                                               "van", "vehicle", "truck", "scooter", "moto",
                                               "ute", "pickup", NULL};
/* Fields one studies or works in, each with where it is one (a subject of study, a
 * sector of work, or both: "law", "engineering"). */
static const struct {
    const char *word;
    int of;                             /* UNDERSTAND_FIELD_STUDY | _WORK */
} fields[] = {
    {"medicine", 1}, {"law", 3}, {"engineering", 3}, {"nursing", 1}, {"architecture", 1},
    {"dentistry", 1}, {"pharmacy", 1}, {"physics", 1}, {"chemistry", 1}, {"biology", 1},
    {"maths", 1}, {"math", 1}, {"mathematics", 1}, {"economics", 1}, {"history", 1},
    {"philosophy", 1}, {"psychology", 1}, {"accounting", 3}, {"accountancy", 1},
    {"music", 1}, {"geology", 1}, {"agriculture", 1}, {"journalism", 1}, {"linguistics", 1},
    {"sociology", 1}, {"anthropology", 1}, {"science", 1}, {"sciences", 1},
    {"literature", 1}, {"midwifery", 1}, {"physiotherapy", 1}, {"optometry", 1},
    {"theology", 1}, {"statistics", 1}, {"geography", 1}, {"politics", 1}, {"astronomy", 1},
    {"zoology", 1}, {"botany", 1}, {"forestry", 1}, {"fisheries", 1}, {"finance", 3},
    {"marketing", 3}, {"design", 3}, {"english", 1}, {"french", 1}, {"spanish", 1},
    {"german", 1}, {"chinese", 1}, {"japanese", 1}, {"arabic", 1}, {"russian", 1},
    {"italian", 1}, {"korean", 1}, {"art", 1}, {"arts", 1}, {"drama", 1}, {"dance", 1},
    {"veterinary", 1}, {"sales", 2}, {"it", 2}, {"hr", 2}, {"retail", 2},
    {"hospitality", 2}, {"healthcare", 2}, {"education", 2}, {"construction", 2},
    {"insurance", 2}, {"banking", 2}, {"tech", 2}, {"publishing", 2}, {"advertising", 2},
    {"recruitment", 2}, {"logistics", 2}, {"media", 2}, {"pr", 2}, {"research", 2},
    {"consulting", 2}, {"fashion", 2}, {"tourism", 2}};

int understand_field(const char *word, int of)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if ((fields[i].of & of) && !strcasecmp(fields[i].word, word)) return 1;
    return 0;
}

/* Kin and pet words brought to one form (a normalisation of spelling, not a meaning). */
static const struct {
    const char *word, *key;
} canon[] = {
    {"mum", "mother"}, {"mom", "mother"}, {"mam", "mother"}, {"mama", "mother"},
    {"mommy", "mother"}, {"mummy", "mother"}, {"ma", "mother"}, {"dad", "father"},
    {"daddy", "father"}, {"papa", "father"}, {"pa", "father"}, {"pop", "father"},
    {"hubby", "husband"}, {"missus", "wife"}, {"misses", "wife"}, {"missis", "wife"},
    {"bf", "boyfriend"}, {"gf", "girlfriend"}, {"wifey", "wife"},
    {"grandma", "grandmother"}, {"granny", "grandmother"}, {"nan", "grandmother"},
    {"nana", "grandmother"}, {"gran", "grandmother"}, {"grandpa", "grandfather"},
    {"grandad", "grandfather"}, {"granddad", "grandfather"}, {"gramps", "grandfather"},
    {"bro", "brother"}, {"sis", "sister"}, {"kids", "children"}, {"kid", "child"},
    {"neighbor", "neighbour"}, {"roommate", "flatmate"}, {"roomie", "flatmate"},
    {"roomy", "flatmate"}, {"housemate", "flatmate"}, {"coworker", "colleague"},
    {"mate", "friend"}, {"pal", "friend"}, {"bestie", "best friend"}, {"bff", "best friend"},
    {"mil", "mother in law"}, {"fil", "father in law"}, {"sil", "sister in law"},
    {"bil", "brother in law"}, {"lad", "son"}, {"boy", "son"}, {"girl", "daughter"},
    {"hubs", "husband"},
    {"grandkids", "grandchildren"}, {"grandkid", "grandchild"},
    {"grandbabies", "grandchildren"}, {"grandbaby", "grandchild"},
    {"kiddos", "children"}, {"kiddo", "child"}, {"young'uns", "children"},
    {"younguns", "children"}, {"little'uns", "children"}, {"littluns", "children"}, {"youngsters", "children"}, {"weans", "children"},
    {"wean", "child"}, {"bairns", "children"}, {"bairn", "child"}, {"lass", "girlfriend"},
    {"laaities", "children"},
    {"laaitie", "child"}, {"firstborn", "eldest child"},
    {"first-born", "eldest child"}, {"lastborn", "youngest child"},
    {"last-born", "youngest child"}, {"keiki", "children"}, {"stepdad", "stepfather"},
    {"stepmum", "stepmother"}, {"stepmom", "stepmother"},
    /* and kin as people call them at home in other tongues, where the word is no
     * English word or common name ("my abuela", "my noona", "my oma") */
    {"auntie", "aunt"}, {"aunty", "aunt"}, {"nanna", "grandmother"},
    {"grandmom", "grandmother"}, {"grammy", "grandmother"}, {"gramma", "grandmother"},
    {"granma", "grandmother"}, {"grandmama", "grandmother"}, {"granda", "grandfather"},
    {"grandpop", "grandfather"}, {"momma", "mother"}, {"mumma", "mother"},
    {"mammy", "mother"}, {"maman", "mother"}, {"pops", "father"},
    {"tío", "uncle"}, {"tio", "uncle"}, {"tía", "aunt"}, {"abuela", "grandmother"},
    {"abuelita", "grandmother"}, {"abuelo", "grandfather"}, {"abuelito", "grandfather"},
    {"hermano", "brother"}, {"hermana", "sister"}, {"hijo", "son"}, {"hija", "daughter"}, {"suegra", "mother in law"},
    {"suegro", "father in law"}, {"nonna", "grandmother"}, {"nonno", "grandfather"},
    {"zio", "uncle"}, {"oma", "grandmother"}, {"opa", "grandfather"},
    {"ouma", "grandmother"}, {"oupa", "grandfather"}, {"yiayia", "grandmother"},
    {"papou", "grandfather"}, {"pappou", "grandfather"}, {"noona", "sister"},
    {"nuna", "sister"}, {"unnie", "sister"}, {"eonni", "sister"}, {"hyung", "brother"},
    {"oppa", "brother"}, {"halmeoni", "grandmother"}, {"harabeoji", "grandfather"},
    {"eomma", "mother"}, {"appa", "father"}, {"nani", "grandmother"},
    {"dadi", "grandmother"}, {"bhai", "brother"}, {"bhaiya", "brother"},
    {"chachi", "aunt"}, {"masi", "aunt"}, {"mausi", "aunt"}, {"kuya", "brother"},
    {"tita", "aunt"}, {"bubbe", "grandmother"}, {"bubby", "grandmother"},
    {"zayde", "grandfather"}, {"zeyde", "grandfather"}, {"mamie", "grandmother"},
    {"mémé", "grandmother"}, {"pépé", "grandfather"}, {"tonton", "uncle"},
    {"tatie", "aunt"}, {"babcia", "grandmother"}, {"dziadek", "grandfather"},
    {"babushka", "grandmother"}, {"dedushka", "grandfather"}, {"teta", "grandmother"},
    {"sitti", "grandmother"}, {"jiddo", "grandfather"}, {"nain", "grandmother"},
    {"taid", "grandfather"}, {"kuia", "grandmother"}, {"koro", "grandfather"},
    {"boet", "brother"}, {"nainai", "grandmother"}, {"laolao", "grandmother"},
    {"yeye", "grandfather"}, {"obaachan", "grandmother"}, {"ojiichan", "grandfather"},
    {"妈妈", "mother"}, {"妈", "mother"}, {"爸爸", "father"}, {"爸", "father"},
    {"猫", "cat"}, {"狗", "dog"},
};

int understand_group_member(const char *group, const char *one)
{
    static const char *const groups[][3] = {
        {"parents", "mother", "father"},       {"grandparents", "grandmother", "grandfather"},
        {"siblings", "brother", "sister"},     {"children", "son", "daughter"},
        {"grandchildren", "grandson", "granddaughter"},
    };
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (!strcmp(group, groups[i][0]) &&
            (!one || !strcmp(one, groups[i][1]) || !strcmp(one, groups[i][2])))
            return 1;
    return 0;
}

void understand_unaccented(const char *s, char *out, size_t n)
{
    static const char base[] =
        "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty"
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOo"
        "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 1 < n;) {
        unsigned cp = p[0] >= 0xC3 && p[0] <= 0xC5 && (p[1] & 0xC0) == 0x80
                          ? ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F) : 0;
        if (cp >= 0xC0 && cp < 0x180) {
            out[o++] = base[cp - 0xC0];
            p += 2;
        } else {
            out[o++] = (char)*p++;
        }
    }
    out[o] = '\0';
}

/* 1 when key is one of the kin forms of the canon table ("grandfather", "sister"), not an
 * animal. */
int understand_kin(const char *key)
{
    static const char *const more[] = {"brother", "sister", "son", "daughter", "uncle",
                                       "aunt", "cousin", "niece", "nephew", "partner", "spouse",
                                       "fiance", "fiancee", "stepson", "stepdaughter",
                                       "grandson", "granddaughter", "ex", NULL};
    if (dialogue_pet_word(key)) return 0;      /* 猫 and 狗 are in the canon table too */
    /* (first letters compared before strcmp: the quote asks this of every word it reads
     * of what the user said) */
    for (size_t c = 0; c < sizeof canon / sizeof canon[0]; c++)
        if (canon[c].key[0] == key[0] && !strcmp(canon[c].key, key)) return 1;
    for (int i = 0; more[i]; i++)
        if (more[i][0] == key[0] && !strcmp(more[i], key)) return 1;
    return 0;
}

const char *const understand_no_trade_words[] = {
    "girl", "boy", "baby", "kid", "child", "man", "woman", "guy", "lady", "person", "adult",
    "teenager", "teen", "toddler", "twins", "girls", "boys", "babies", "fan", "supporter",
    "lover", "married", "single", "divorced", "engaged", "widowed", "separated", "mind", "party", "guest", "winner", "legend", "star",
    "angel", "champ",
    /* what one exclaims or calls oneself in passing ("Lovely.", "I'm a zombie") */
    "lovely", "crazy", "classic", "zombie", "tourist", "lord", "beggar", "genius", "idiot",
    "hero", "saint", "wreck", "mess", "nightmare", "muppet", "numpty", "eejit", "professional",
    "pro", "natural", "sucker", "disaster", NULL};

const char *const understand_no_job_words[] = {
    "vegetarian", "vegan", "pescatarian", "teetotaler", "teetotaller", "smoker", "nonsmoker",
    "runner", "member", "beginner", "introvert", "extrovert", "leftie", "lefty", "twin",
    "widow", "widower", "bachelor", "newbie", "fanatic", "addict", "believer", "celiac",
    "coeliac", "diabetic", NULL};

const char *const understand_partner_words[] = {"boyfriend", "girlfriend", "partner",
                                                "husband", "wife", "fiance", "fiancee",
                                                "spouse", NULL};

const char *const understand_diet_words[] = {
    "vegan", "vegetarian", "veggie", "pescatarian", "pescetarian", "coeliac", "celiac",
    "diabetic", "halal", "kosher", "keto", "teetotal", "lactose intolerant", "jain", "paleo",
    "flexitarian", "dairy-free", "gluten-free", "plant-based", NULL};

const char *const understand_states[] = {
    "deaf", "blind", "disabled", "pregnant", "single", "married", "engaged", "divorced",
    "separated", "widowed", "retired", "unemployed", "vegan", "vegetarian", "diabetic",
    "autistic", "dyslexic", "epileptic", "sober", "sick", "ill", "tired", "exhausted",
    "bored", "back", "home", "fine", "good", "ok", "okay", "sorry", "late", "free",
    "busy", "done", "away", "new", "lost", "stuck", "stressed", "nervous", "excited",
    "happy", "sad", "gay", "straight", "trans", "bi", "nonbinary", "catholic", "muslim",
    "jewish", "christian", "hindu", "buddhist", "atheist", "shy", "broke", "old",
    "young", "colourblind", "colorblind", "left-handed", "lefthanded", "starving",
    "knackered", "shattered", "skint", "dying", "dead", "gutted", "buzzing", "obsessed",
    "sick", "proud", "hungry", "cold", "hot", "freezing", "sorted", "screaming", NULL};

const char *const understand_manner_words[] = {
    "simply", "really", "basically", "literally", "totally", "honestly", "actually",
    "seriously", "truly", "completely", "absolutely", "just", "utterly", "officially",
    "practically", "barely", "clearly", NULL};

const char *const understand_greetings[] = {
    "hi", "hii", "hiii", "hiiii", "hey", "heya", "heyy", "heyyy", "heyyyy", "hiya", "hiyaa",
    "heyo", "helloo", "hellooo", "hello", "hallo", "howdy", "yo", "sup",
    "morning", "evening", "afternoon", "hola", "holaa", "bonjour", "bonsoir", "ciao", "salut",
    "merhaba", "namaste", "salaam", "salam", "shalom", "hej", "hei", "moin", "servus",
    "aloha", "jambo", "habari", "heita", "eae", "oi", "ola", "olá", "ahoj", "konnichiwa",
    "annyeong", "privet", "mabuhay", "sawubona", "howzit", "g'day", "gday", "kia", "ora",
    "namaskar", "vanakkam", "salve", "buongiorno", "buenas", "wagwan", "wha", "gwaan",
    "assalamualaikum", "salamat", "halo", "yassou", "yasou", "geia", "kumusta", "selam",
    "sveiki", "labas", "zdravo", "hoi", "tere", "szia", "czesc", "dag", "tag", "sri", "akal",
    "gamarjoba", "marhaba", "ahlan", "saluton", "nihao", "sawasdee", "xin", "chao",
    "bonjou", "hallå", "moien", "bongu", "kamusta", "dobrý", "ahoy",
    /* and the words one calls the listener by ("mate", "alright la") */
    "mate", "bro", "bruv", "bru", "fam", "dude", "oi", "ey", "alright", "wagwan", NULL};

const understand_tag_t understand_tags[] = {
    {"right", 0}, {"innit", 0}, {"eh", 0}, {"aye", 0}, {"abi", 0}, {"correct", 0},
    {"isn't it", 0}, {"isn't he", 0}, {"isn't she", 0}, {"aren't they", 0},
    {"aren't we", 0}, {"don't i", 0}, {"didn't i", 0}, {"haven't i", 0}, {"wasn't it", 0},
    {"wasn't he", 0}, {"wasn't she", 0}, {"doesn't he", 0}, {"doesn't she", 0},
    {"don't they", 0}, {"ain't she", 0}, {"ain't he", 0}, {"ain't it", 0}, {"ain't i", 0},
    {"aint she", 0}, {"aint he", 0}, {"aint it", 0},
    {"yes", UNDERSTAND_TAG_COMMA_BARE}, {"yeah", UNDERSTAND_TAG_COMMA_BARE},
    {"no", UNDERSTAND_TAG_COMMA}, {"true", UNDERSTAND_TAG_COMMA},
    {"me", UNDERSTAND_TAG_COMMA | UNDERSTAND_TAG_MARKED},
    {"yea", UNDERSTAND_TAG_MARKED}, {"na", UNDERSTAND_TAG_MARKED},
    {"ne", UNDERSTAND_TAG_MARKED}, {"lah", UNDERSTAND_TAG_MARKED},
    {"ya", UNDERSTAND_TAG_MARKED}, {"ah", UNDERSTAND_TAG_MARKED},
    {"hor", UNDERSTAND_TAG_MARKED}, {"ja", UNDERSTAND_TAG_MARKED},
    {"nah", UNDERSTAND_TAG_MARKED}, {"is it", UNDERSTAND_TAG_MARKED},
    {"ok", UNDERSTAND_TAG_MARKED}, {NULL, 0}};

/* Words that cannot be a value on their own ("of her", "us"): a span of only these and
 * the lexical stopwords ("because", "each": lex_is_stopword) is not a fact's value. */
const char *const understand_empty_words[] = {
    "u", "us", "me", "him", "her", "them", "it", "its", "of", "that", "this", "there", "here",
    "a", "an", "the", "you", "we", "they", "i", "he", "she", "so", "too", "and", "or", "to",
    "for", "with", "at", "in", "on", "by", "now", "then", "lol", "haha", "together", "alone",
    "nearby", "somewhere", "else", "pls", "plz", "please", "thanks", "thx", "ty", "btw", "tbh",
    "rn", "lmao", "omg", "instead", "anymore", "nowadays", "eh", "innit", "tho", "though",
    "yeah", "yep", "nope", "abi", "lah", NULL};

const char *const understand_forget_verbs[] = {"forget", "delete", "remove", "erase", "wipe",
                                               "drop", "disregard", NULL};
const char *const understand_recall_verbs[] = {"said", "told", "tol'", "tol", "mentioned",
                                               NULL};

int understand_asks_forget_phrase(const char *low)
{
    static const char *const anywhere[] = {"off your list", "off your notes", "from your notes",
                                           "from your list", "out of your notes", "unlearn",
                                           "strike that", NULL};
    static const char *const opening[] = {"ignore what i", "ignore the", "ignore that",
                                          "ignore everything", "strike the", "strike my",
                                          "get rid of the", "get rid of my", "get rid of that",
                                          "bin the", "bin that", "bin my", "bin what i",
                                          "scrap what i", "scrap the", "scrap that",
                                          "scrap my", "scrap everything", "scrap all",
                                          "disregard what i", "disregard the",
                                          "disregard my", "disregard everything",
                                          "take back what i", "cross out", "cross off",
                                          "never mind what i", "nevermind what i",
                                          "never mind the bit", NULL};
    static const char *const fillers[] = {"so", "and", "just", "please", "pls", "oh", "ok",
                                          "okay", "actually", "also", "then", "now", "but",
                                          NULL};
    for (int i = 0; anywhere[i]; i++) {
        const char *at = strstr(low, anywhere[i]);
        if (at && (at == low || at[-1] == ' ')) return 1;
    }
    const char *p = low;
    for (;;) {
        while (*p == ' ' || *p == ',') p++;
        size_t n = strcspn(p, " ,");
        char w[16];
        if (n == 0 || n >= sizeof w) break;
        snprintf(w, sizeof w, "%.*s", (int)n, p);
        if (!understand_in_list(fillers, w)) break;
        p += n;
    }
    for (int i = 0; opening[i]; i++) {
        size_t n = strlen(opening[i]);
        if (!strncmp(p, opening[i], n) && (p[n] == '\0' || p[n] == ' ')) return 1;
    }
    return 0;
}

/* The topics a request to forget may name, each by its words (first row, up to the
 * empty string) and the words that tell of it (the rest). */
static const char *const topics[][40] = {
    {"pay", "salary", "salaries", "wage", "wages", "income", "earnings", "money", "finances",
     "paycheck", "paycheque", "",
     "earn", "earns", "earning", "earned", "salary", "wage", "wages", "paid", "income",
     "#an hour", "#per hour", "#a month", "#per month", "#a year", "#per year", "#a week",
     "#grand", NULL},
    {"medication", "medications", "medicine", "medicines", "meds", "pills", "tablets",
     "prescription", "prescriptions", "medical", "health", "diagnosis", "",
     "pill", "pills", "tablet", "tablets", "mg", "prescribed", "prescription", "dose",
     "medication", "medications", "meds", "medicine", "inhaler", "insulin", "diagnosed",
     "diagnosis", "blood pressure", "cholesterol", "diabetes", "asthma", "therapy",
     "surgery", "allergic", "allergy", "allergies", NULL},
    {"diabetes", "diabetic", "asthma", "asthmatic", "epilepsy", "epileptic", "condition",
     "conditions", "illness", "",
     "diabetes", "diabetic", "type 1", "type 2", "insulin", "blood sugar", "asthma",
     "asthmatic", "inhaler", "epilepsy", "epileptic", "seizures", "condition", "illness",
     NULL},
    {"sobriety", "sober", "drinking", "alcohol", "recovery", "",
     "sober", "sobriety", "drinking", "drink", "alcohol", "alcoholic", "aa", "relapse",
     "relapsed", NULL},
    {"debt", "debts", "loan", "loans", "",
     "debt", "debts", "owe", "owes", "loan", "loans", "overdraft", "credit card", NULL},
    {"eviction", "court", "lawsuit", "legal", "case", "",
     "evict", "evicted", "evicting", "eviction", "court", "lawyer", "solicitor", "lawsuit",
     "sued", "suing", "hearing", NULL},
    {"interview", "interviews", "interviewing", "",
     "interview", "interviews", "interviewing", "interviewed", NULL},
};

const char *const *understand_topic_tells(const char *w)
{
    for (size_t t = 0; t < sizeof topics / sizeof topics[0]; t++) {
        int i = 0;
        for (; topics[t][i][0]; i++)
            if (!strcmp(topics[t][i], w)) break;
        if (!topics[t][i][0]) continue;
        while (topics[t][i][0]) i++;
        return &topics[t][i + 1];
    }
    return NULL;
}

int understand_in_list(const char *const *list, const char *w)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0) return 1;
    return 0;
}

int understand_chinese(const char *text, size_t len)
{
    int ideograph = 0;
    for (const unsigned char *p = (const unsigned char *)text; p < (const unsigned char *)text + len; p++) {
        if (isalpha(*p)) return 0;
        ideograph |= *p >= 0xE4 && *p <= 0xE9;
    }
    return ideograph;
}

/* 1 when w is one CJK ideograph (U+3400..U+9FFF, as tok_split gives them). */
int understand_is_cjk(const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    if ((u[0] & 0xF0) != 0xE0 || !u[1] || !u[2] || u[3]) return 0;
    unsigned cp =
        ((unsigned)(u[0] & 0x0F) << 12) | ((unsigned)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return cp >= 0x3400 && cp <= 0x9FFF;
}

/* 1 when a is b typed with one slip: a letter swapped for another, two side by side
 * swapped, or one left out (not one added: "brothers" is no slip of "brother"). */
static int one_slip(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i = 0;
    while (i < la && i < lb && a[i] == b[i]) i++;
    if (la == lb)
        return i < la && (!strcmp(a + i + 1, b + i + 1) ||
                          (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
                           !strcmp(a + i + 2, b + i + 2)));
    return la + 1 == lb && !strcmp(a + i, b + i + 1);
}

/* The word of kin w was typed for with one slip ("girlfrend", "daugther", "neice"), or
 * NULL: words of five letters or more that are no kin word themselves nor a function
 * word ("other" is no slip of "mother"). */
static const char *kin_typed(const char *w)
{
    static const char *const kin[] = {"girlfriend", "boyfriend", "daughter", "brother",
                                      "sister", "husband", "mother", "father", "grandmother",
                                      "grandfather", "grandson", "granddaughter", "nephew",
                                      "niece", "cousin", "partner", "roommate", "flatmate",
                                      "colleague", "neighbour", "neighbor", "fiance",
                                      "fiancee", "children", "grandchildren", NULL};
    size_t n = strlen(w);
    if (n < 5 || lex_is_stopword(w)) return NULL;
    for (int i = 0; kin[i]; i++)
        if (!strcmp(w, kin[i])) return NULL;
    for (int i = 0; kin[i]; i++) {
        size_t k = strlen(kin[i]);      /* (a slip leaves the length or one letter less) */
        if ((k == n || k == n + 1) && one_slip(w, kin[i])) return kin[i];
    }
    return NULL;
}

/* snprintf(dst, cap, "%s%s", a, b) without the formatting machinery (the two callers
 * below run for every word of every fact compared): the same bytes, the same return. */
static size_t cat2(char *dst, size_t cap, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (cap) {
        size_t ca = la < cap - 1 ? la : cap - 1, cb = lb < cap - 1 - ca ? lb : cap - 1 - ca;
        memcpy(dst, a, ca);
        memcpy(dst + ca, b, cb);
        dst[ca + cb] = '\0';
    }
    return la + lb;
}

void understand_holder(const char *const *words, int n, char *key, size_t len)
{
    size_t at = 0;
    key[0] = '\0';
    for (int i = 0; i < n; i++) {
        char stem[UNDERSTAND_KEY];
        const char *w = words[i];
        size_t sl = vocab_possessive(w);        /* "sister's" -> "sister" */
        if (sl && sl < sizeof stem) {
            memcpy(stem, w, sl);
            stem[sl] = '\0';
            w = stem;
        }
        /* (the first letters compared before strcmp: this runs for every word the quote
         * reads of what the user said, and for the holders of every fact compared) */
        int owner = 0;
        for (size_t o = 0; !owner && o < sizeof owner_words / sizeof owner_words[0] - 1; o++)
            owner = owner_words[o][0] == w[0] && strcmp(owner_words[o], w) == 0;
        if (owner) continue;
        for (size_t c = 0; c < sizeof canon / sizeof canon[0]; c++)
            if (canon[c].word[0] == w[0] && strcmp(canon[c].word, w) == 0) w = canon[c].key;
        const char *meant = kin_typed(w);       /* "girlfrend", "daugther" */
        for (size_t c = 0; meant && c < sizeof canon / sizeof canon[0]; c++)
            if (canon[c].word[0] == meant[0] && strcmp(canon[c].word, meant) == 0)
                meant = canon[c].key;
        if (meant) w = meant;
        /* words joined by a space, but CJK characters as they are written: 弟弟 */
        int join = at && !(understand_is_cjk(w) && (at < 3 || (unsigned char)key[at - 3] >= 0xE0));
        at += cat2(key + at, at < len ? len - at : 0, join ? " " : "", w);
    }
    if (at >= len) at = len - 1;
    if (!key[0]) snprintf(key, len, "self");
}

/* The span words[s..e) as the clause text [c, c + cn) spells it: from the first word's
 * start to the last word's end, every word of the clause matched in order without case;
 * the words joined when they cannot be found (letters the tokenizer folded). */
/* 1 when the n bytes at a and b are the same letters in any case: ASCII, and the
 * two-byte Latin letters (À..Þ and à..þ, "Ålesund" and the tokens' "ålesund"). */
static int same_folded(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x == y) continue;
        if (x < 0x80 && y < 0x80 && tolower(x) == tolower(y)) continue;
        int latin = i > 0 && (unsigned char)a[i - 1] == 0xC3 && (unsigned char)b[i - 1] == 0xC3;
        if (latin && x >= 0x80 && x <= 0xBE && y >= 0x80 && y <= 0xBE && (x | 0x20) == (y | 0x20) &&
            (x & 0x1F) != 0x17)         /* (× and ÷ are no letters) */
            continue;
        return 0;
    }
    return 1;
}

/* 1 when t[0, n) holds only greetings and spaces ("holaa ", "hi there "). */
static int greeting_only(const char *t, size_t n)
{
    char word[32];
    int any = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && t[i] == ' ') i++;
        size_t w = 0;
        while (i < n && t[i] != ' ' && w + 1 < sizeof word)
            word[w++] = (char)tolower((unsigned char)t[i++]);
        word[w] = '\0';
        if (w && !understand_in_list(understand_greetings, word)) return 0;
        any |= w > 0;
    }
    return any;
}

void understand_as_written(const char *c, size_t cn, const char *const *words, int s, int e,
                           char *out, size_t len)
{
    size_t at = 0, first = 0, last = 0;
    int found = 1;
    /* the words before the span first, in order, so a span starts where its own first
     * word is ("not [the 4th]" after "the 14th") */
    for (int k = 0; k < e && found; k++) {
        size_t wl = strlen(words[k]);
        found = k < s;          /* a word before it that cannot be found is passed over */
        for (size_t p = at; p + wl <= cn; p++) {
            /* a whole word of the text: "o" is not the o of "blood" */
            int alnum_before = p > 0 && isalnum((unsigned char)c[p - 1]);
            int alnum_after = p + wl < cn && isalnum((unsigned char)c[p + wl]) &&
                              isalnum((unsigned char)words[k][wl - 1]);
            if (!alnum_before && !alnum_after && same_folded(c + p, words[k], wl)) {
                if (k == s) first = p;
                last = p + wl;
                at = last;
                found = 1;
                break;
            }
        }
    }
    if (found && last > first) {
        size_t end = first;     /* a value ends at punctuation: "peanuts, found out at school",
                                 * and at an emoji after more than a greeting: "forestry 🌲
                                 * chemistry was not it" (not "hiya 💕 tattoo artist") */
        while (end < last && !strchr(",;:()!?\"", c[end]) &&
               !(end > first && end + 2 < cn &&
                 (((unsigned char)c[end] == 0xF0 && (unsigned char)c[end + 1] == 0x9F) ||
                  ((unsigned char)c[end] == 0xE2 && (unsigned char)c[end + 1] >= 0x98 &&
                   (unsigned char)c[end + 1] <= 0x9E)) &&
                 !greeting_only(c + first, end - first)))
            end++;
        while (end > first && (c[end - 1] == ' ' || c[end - 1] == '.')) end--;
        snprintf(out, len, "%.*s", (int)(end - first), c + first);
        return;
    }
    size_t o = 0;
    out[0] = '\0';
    for (int k = s; k < e; k++) {
        int w = snprintf(out + o, o < len ? len - o : 0, "%s%s", k > s ? " " : "", words[k]);
        if (w > 0) o += (size_t)w;
        if (o >= len) break;
    }
}

/* 1 when words[0..n) hold a number: digits, an English number word or a Chinese
 * numeral ("三十"). */
int understand_has_digit(const char *const *words, int n)
{
    static const char *const numbers[] = {"one", "two", "three", "four", "five", "six", "seven",
                                          "eight", "nine", "ten", "eleven", "twelve", "twenty",
                                          "thirty", "forty", "fifty", "sixty", "seventy",
                                          "eighty", "ninety", "hundred", "一", "二",
                                          "两", "三", "四", "五", "六", "七", "八", "九",
                                          "十", "百", NULL};
    for (int i = 0; i < n; i++) {
        for (const char *p = words[i]; *p; p++)
            if (isdigit((unsigned char)*p)) return 1;
        if (understand_in_list(numbers, words[i])) return 1;
    }
    return 0;
}

int understand_split_words(const char *text, const char *seps, char *buf, size_t len,
                           const char **words, int max)
{
    int n = 0;
    cat2(buf, len, text, "");
    for (char *p = buf; *p; p++) *p = (char)tolower((unsigned char)*p);
    for (char *save = NULL, *w = strtok_r(buf, seps, &save); w && n < max;
         w = strtok_r(NULL, seps, &save))
        words[n++] = w;
    return n;
}

void understand_holder_of(const char *text, char *key, size_t len)
{
    char buf[UNDERSTAND_VALUE];
    const char *words[16];
    understand_holder(words, understand_split_words(text, " ", buf, sizeof buf, words, 16), key, len);
}

int understand_has_number(const char *text)
{
    char buf[UNDERSTAND_VALUE];
    const char *words[64];
    if (understand_has_digit(words, understand_split_words(text, " ,.;:!?()'-", buf, sizeof buf, words, 64)))
        return 1;
    static const char *const cjk[] = {"一", "二", "两", "三", "四", "五", "六", "七", "八",
                                      "九", "十", "百", NULL};
    for (int i = 0; cjk[i]; i++)
        if (strstr(text, cjk[i])) return 1;
    return 0;
}

int understand_number(const char *text, long *v)
{
    static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six",
                                       "seven", "eight", "nine", "ten", "eleven", "twelve",
                                       "thirteen", "fourteen", "fifteen", "sixteen",
                                       "seventeen", "eighteen", "nineteen", NULL};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty",
                                       "seventy", "eighty", "ninety", NULL};
    while (isspace((unsigned char)*text)) text++;
    size_t n = strlen(text);
    while (n && isspace((unsigned char)text[n - 1])) n--;
    if (n && n <= 3 && strspn(text, "0123456789") >= n) {
        *v = strtol(text, NULL, 10);
        return 1;
    }
    char whole[32], buf[32];
    const char *words[3];
    if (n >= sizeof whole) return 0;
    snprintf(whole, sizeof whole, "%.*s", (int)n, text);
    int nw = understand_split_words(whole, " -", buf, sizeof buf, words, 3);
    long total = -1;
    for (int i = 0; i < nw; i++) {
        int t = -1, o = -1;
        for (int k = 0; tens[k] && t < 0; k++)
            if (!strcmp(words[i], tens[k])) t = k;
        for (int k = 0; ones[k] && o < 0; k++)
            if (!strcmp(words[i], ones[k])) o = k;
        if (i == 0 && t >= 0) total = 20 + 10L * t;
        else if (i == 0 && o >= 0) total = o;
        else if (i == 1 && total >= 20 && total % 10 == 0 && o > 0 && o < 10) total += o;
        else return 0;
    }
    if (nw < 1 || total < 0) return 0;
    *v = total;
    return 1;
}

/* 1 when w is only a number: all digits (at most three: an age, not a phone number or
 * a year), or one English number word. */
int understand_plural(const char *w)
{
    static const char *const irregular[] = {"children", "grandchildren", "sheep", "fish",
                                            "deer", "geese", "mice", "cattle", "people",
                                            "men", "women", NULL};
    size_t n = strlen(w);
    for (int i = 0; irregular[i]; i++)
        if (!strcasecmp(w, irregular[i])) return 1;
    return n >= 4 && tolower((unsigned char)w[n - 1]) == 's' &&
           tolower((unsigned char)w[n - 2]) != 's';
}

int understand_number_only(const char *w)
{
    size_t n = strlen(w);
    if (n && n <= 3 && strspn(w, "0123456789") == n) return 1;
    return strspn(w, "0123456789") == 0 && understand_has_digit(&w, 1);
}

/* 1 when the text [c, c + cn) holds s byte for byte. */
long understand_text_at(const char *c, size_t cn, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + n <= cn; i++)
        if (!memcmp(c + i, s, n)) return (long)i;
    return -1;
}

int understand_holds_text(const char *c, size_t cn, const char *s)
{
    return understand_text_at(c, cn, s) >= 0;
}

/* 1 when a holder key names several people or animals ("children", "brothers", "cats"). */
int understand_group_key(const char *key)
{
    char one[UNDERSTAND_KEY];
    size_t n = strlen(key);
    if (!strcmp(key, "children")) return 1;
    if (n < 2 || n >= sizeof one || key[n - 1] != 's') return 0;
    snprintf(one, sizeof one, "%.*s", (int)(n - 1), key);
    return understand_kin(one) || dialogue_pet_word(one);
}

int understand_group_said(const char *key)
{
    if (understand_group_key(key) || !strcmp(key, "grandchildren")) return 1;
    size_t n = strlen(key);
    if (n < 2 || n >= UNDERSTAND_KEY || key[n - 1] != 's') return 0;
    char one[UNDERSTAND_KEY];
    snprintf(one, sizeof one, "%.*s", (int)(n - 1), key);
    for (size_t c = 0; c < sizeof canon / sizeof canon[0]; c++)
        if (!strcmp(canon[c].word, one)) return understand_kin(canon[c].key);
    return 0;
}

/* A name as the possessive wrote it loses the "'s" ("Rory's 13": Rory). */
void understand_drop_possessive(char *name)
{
    size_t sl = vocab_possessive(name);
    if (sl) name[sl] = '\0';
}

int understand_rel_word(const char *word)
{
    static const struct {
        const char *word;
        int rel;
    } named[] = {{"address", READER_REL_HOME},  {"home", READER_REL_HOME},
                 {"job", READER_REL_JOB},       {"work", READER_REL_JOB},
                 {"age", READER_REL_AGE},       {"birthday", READER_REL_BIRTHDAY},
                 {"bday", READER_REL_BIRTHDAY}, {"name", READER_REL_NAME},
                 {"breed", READER_REL_KIND},    {"allergy", READER_REL_ALLERGY},
                 {"allergies", READER_REL_ALLERGY}, {"diet", READER_REL_DIET},
                 {"city", READER_REL_HOME},     {"town", READER_REL_HOME},
                 {"hometown", READER_REL_HOMETOWN}, {"employer", READER_REL_EMPLOYER},
                 {"firm", READER_REL_EMPLOYER}, {"company", READER_REL_EMPLOYER},
                 {"hobby", READER_REL_HOBBY},   {"hobbies", READER_REL_HOBBY}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (!strcasecmp(word, named[i].word)) return named[i].rel;
    return READER_REL_OPEN;
}

const char *const understand_time_units[] = {"year", "years", "yrs", "month", "months", "week",
                                             "weeks", "day", "days", "decade", "decades",
                                             "hours", NULL};

const char *understand_pronoun(const char *w)
{
    static const char *const forms[][6] = {
        {"he", "he's", "hes", "him", "his", NULL},
        {"she", "she's", "shes", "her", "hers", NULL},
        {"they", "they're", "theyre", "them", "their", NULL},
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (understand_in_list(forms[i], w)) return forms[i][0];
    return NULL;
}

static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december", "jan", "feb", "mar", "apr", "jun", "jul",
                                     "aug", "sep", "sept", "oct", "nov", "dec", NULL};

int understand_month(const char *w)
{
    static const int shorts[] = {1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12};
    for (int i = 0; months[i]; i++)     /* the twelve, then the short forms in order */
        if (!strcasecmp(w, months[i])) return i < 12 ? i + 1 : shorts[i - 12];
    return 0;
}

int understand_learner(const char *w)
{
    static const char *const learners[] = {"student", "pupil", "undergrad", "undergraduate",
                                           "postgrad", "fresher", "phd", "sophomore",
                                           "freshman", "freshmen", "grad", NULL};
    return understand_in_list(learners, w);
}

int understand_weekday(const char *w)
{
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday", NULL};
    /* (not "mon", "wed", "sat" or "sun": words of their own) */
    static const char *const shorts[] = {"", "tues", "weds", "thurs", "fri", "", "", NULL};
    size_t n = strlen(w);
    if (n > 1 && (w[n - 1] == 's' || w[n - 1] == 'S')) n--;     /* "mondays" */
    for (int i = 0; days[i]; i++)
        if ((strlen(days[i]) == n && !strncasecmp(w, days[i], n)) ||
            (shorts[i][0] && !strcasecmp(w, shorts[i])))
            return i + 1;
    return 0;
}

int understand_question_word(const char *w)
{
    static const char *const wh[] = {"what", "what's", "whats", "wat", "wats", "wot", "wots",
                                     "whit's", "whits", "which", "who", "who's",
                                     "whos", "whose", "where", "where's", "wheres", "when",
                                     "when's", "whens", "how", "how's", "hows", NULL};
    static const char *const aux[] = {"is", "isn't", "are", "aren't", "am", "do", "does",
                                      "doesn't", "did", "didn't", "was", "were", "has",
                                      "have", "had", NULL};
    return understand_in_list(wh, w) ? 2 : understand_in_list(aux, w) ? 1 : 0;
}


int understand_colour(const char *w)
{
    static const char *const colours[] = {
        "red", "blue", "green", "yellow", "orange", "purple", "pink", "black", "white", "grey",
        "gray", "brown", "silver", "gold", "golden", "navy", "maroon", "beige", "cream",
        "turquoise", "teal", "burgundy", "bronze", "dark", "light", "pale", "bright", "matte",
        NULL};
    return understand_in_list(colours, w);
}

int understand_weather(const char *text)
{
    static const char *const weather[] = {
        "weather", "rain", "raining", "rained", "rainy", "snow", "snowing", "snowed",
        "snowy", "wind", "windy", "sunny", "sunshine", "cloudy", "fog", "foggy", "mist",
        "misty", "storm", "stormy", "hail", "heat", "heatwave", "humid", "humidity",
        "freezing", "frost", "frosty", "drizzle", "thunder", "lightning", "monsoon",
        "degrees", "degree", "celsius", "fahrenheit", "minus", "chilly", "muggy",
        "scorching", "sweltering", "breezy", "gale", "blizzard", "typhoon", "hurricane",
        "tornado", "smog", "sleet", "puddles", "downpour", "lashing", "pouring", "hot",
        "cold", "sun", "sky", "skies", "harmattan", "sirocco", "mistral", "chinook",
        "polar", NULL};
    static const char *const zh[] = {"天气", "下雨", "下雪", "刮风", "好热", "热死", "好冷",
                                     "冷死", "气温", "高温", "降温", "零下", "晴天", "阴天", "台风", "雾霾", NULL};
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 96);
    for (int k = 0; k < n; k++) {
        if (understand_in_list(weather, w[k])) return 1;
        /* a temperature: "-8", "+5", "38°" */
        if ((w[k][0] == '-' || w[k][0] == '+') && isdigit((unsigned char)w[k][1])) return 1;
        if (isdigit((unsigned char)w[k][0]) && strstr(w[k], "\xC2\xB0")) return 1;
    }
    for (int i = 0; zh[i]; i++)
        if (strstr(text, zh[i])) return 1;
    return 0;
}

/* 1 when one of phrases occurs in text as whole words, without case (text read up to
 * 510 bytes). */
static int holds_phrase(const char *text, const char *const *phrases)
{
    char low[512];
    size_t k = 0;
    for (; text[k] && k + 2 < sizeof low; k++) low[k] = (char)tolower((unsigned char)text[k]);
    low[k] = '\0';
    for (int i = 0; phrases[i]; i++)
        for (const char *at = strstr(low, phrases[i]); at; at = strstr(at + 1, phrases[i])) {
            size_t l = strlen(phrases[i]);
            if ((at == low || !isalnum((unsigned char)at[-1])) && !isalnum((unsigned char)at[l]))
                return 1;
        }
    return 0;
}

int understand_of_the_day(const char *text)
{
    static const char *const now[] = {"today", "tonight", "this morning", "this afternoon",
                                      "this evening", "yesterday", "last night", "right now",
                                      NULL};
    return holds_phrase(text, now);
}

int understand_lately(const char *text)
{
    static const char *const lately[] = {"last week", "last weekend", "on the weekend",
                                         "at the weekend", "this weekend", "this week",
                                         "last month", "the other day", "last monday",
                                         "last tuesday", "last wednesday", "last thursday",
                                         "last friday", "last saturday", "last sunday",
                                         "for the weekend", NULL};
    if (understand_of_the_day(text)) return 1;
    return holds_phrase(text, lately);
}

int understand_trip(const char *text)
{
    static const char *const opens[] = {"went ", "i went ", "we went ", "been to ",
                                        "i've been to ", "just got back from ",
                                        "got back from ", "we're going to ",
                                        "we are going to ", "i'm going to ", "heading to ",
                                        "off to ", "flew to ", "drove to ", NULL};
    static const char *const filler[] = {"omg", "so", "just", "ok", "okay", "lol", "well",
                                         "oh", "ah", "yesterday", "today", NULL};
    char low[512];
    size_t k = 0;
    for (; text[k] && k + 2 < sizeof low; k++) low[k] = (char)tolower((unsigned char)text[k]);
    low[k] = '\0';
    const char *p = low;
    for (int again = 1; again;) {
        again = 0;
        while (*p && !isalpha((unsigned char)*p)) p++;
        for (int i = 0; filler[i]; i++) {
            size_t l = strlen(filler[i]);
            if (!strncmp(p, filler[i], l) && !isalpha((unsigned char)p[l])) {
                p += l;
                again = 1;
                break;
            }
        }
    }
    for (int i = 0; opens[i]; i++)
        if (!strncmp(p, opens[i], strlen(opens[i]))) return 1;
    return 0;
}

int understand_new_work(const char *text)
{
    static const char *const news[] = {"got the job", "got a job", "new job", "started at",
                                       "starting at", "start at", "joined", "hired",
                                       "now working", "now work", "took a job",
                                       "offered the job", "got taken on", "moved jobs",
                                       "landed the job", "landed a job",
                                       "changed jobs", "switched jobs", "changed job",
                                       "now i work", "now i'm working", "left the",
                                       "quit the", "transferred to", "will work at",
                                       "will teach at", "be working at", "be teaching at",
                                       NULL};
    return holds_phrase(text, news);
}

int understand_doer_of(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > lb) {
        const char *t = a;
        a = b, b = t;
        size_t tl = la;
        la = lb, lb = tl;
    }
    if (la < 4 || strncmp(a, b, la) != 0) return 0;
    return (lb == la + 1 && a[la - 1] == 'e' && b[la] == 'r') ||
           (lb == la + 2 && !strcmp(b + la, "er"));
}
