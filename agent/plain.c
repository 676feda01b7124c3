/* plain.c: a message's shorthand written out (plain.h) before the agent reads it. Whole
 * phrases are said again first (restate.h: corrections in passing, ages before a kind of
 * person, groups and pets named after them, verbs left out after a comma); then, word by
 * word, people type "u", "r", "w/", "n" for "and", "4yo", "bc", "dont" and 啥; the reader
 * (model/reader.h) and the forms learnt English written out, so the agent reads the
 * words those stand for; a space between Chinese characters, or a comma of ASCII after
 * one, is the comma it stands for; "drivin'" is "driving" and "working like a" is
 * "working as a"; "so what ...", "ok and where ..." are "what ...", "where ...";
 * "t'dog" is "the dog"; "we've a goat" is "we have a goat"; "sixty-two" is "62"; "name of
 * X", "goes by X" and "answers to X" are "called X" ("me llamo X" "my name is X");
 * "Myself X" opening a sentence is "I am X" and "name's X" (or after a greeting alone) "my
 * name's X"; a tag ", did I say?"
 * ends the sentence it follows; "the wife" is "my wife" and "the fella next door" "my
 * neighbour"; "it's not X, it's Y" is "it's Y, not X"; a question asked as A-not-A
 * (是不是, 有没有) is the one with 吗 it stands for; a course said without "studying"
 * ("2nd year law at Leiden") is "I'm studying law at Leiden"; a tag alone after a
 * statement ("... Pip. right?") asks with it; 什么 after a word of not means "any" (任何).
 * Only those phrases, whole words, spaces and commas change; everything else is copied
 * byte for byte. */
#include "agent/plain.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/kinds.h"
#include "agent/plain_scan.h"
#include "agent/restate.h"
#include "agent/understand_words.h"
#include "agent/understood.h"
#include "model/dialogue.h"
#include "model/lexical.h"

/* Whole words (any case) and what they stand for; "n" (and) and "w" (with) only
 * between words, "n" also opening a question (plain_text). */
static const char *const spelled[][2] = {
    {"u", "you"}, {"ur", "your"}, {"r", "are"}, {"w/", "with"}, {"w/o", "without"},
    {"bc", "because"}, {"cuz", "because"}, {"coz", "because"}, {"abt", "about"},
    {"wat", "what"}, {"wot", "what"}, {"wht", "what"}, {"wher", "where"},
    {"whr", "where"}, {"waht", "what"}, {"whta", "what"}, {"wehre", "where"}, {"hw", "how"}, {"what've", "what have"},
    {"where've", "where have"}, {"who've", "who have"}, {"whatcha", "what do you"},
    {"where'm", "where am"}, {"whatre", "what are"}, {"what're", "what are"},
    {"what'd", "what did"}, {"where'd", "where did"},
    {"who'd", "who did"}, {"how'd", "how did"}, {"whereabouts", "where"}, {"an'", "and"},
    {"o'", "of"},
    /* Scots */
    {"whit", "what"}, {"whit's", "what's"}, {"whaur", "where"}, {"dae", "do"}, {"wis", "was"},
    {"noo", "now"},
    {"hoose", "house"}, {"fae", "from"}, {"wi'", "with"}, {"a'm", "I'm"}, {"auld", "old"},
    {"auld's", "old is"}, {"didnae", "didn't"}, {"canna", "can't"}, {"dinnae", "don't"},
    {"cannae", "can't"}, {"isnae", "isn't"}, {"wasnae", "wasn't"}, {"disnae", "doesn't"},
    /* West African and Caribbean English */
    {"wetin", "what"}, {"mih", "my"}, {"yuh", "you"}, {"everyting", "everything"},
    {"anyting", "anything"}, {"someting", "something"}, {"nuttin", "nothing"}, {"inna", "in"},
    {"dawg", "dog"}, {"bwoy", "boy"}, {"gyal", "girl"},
    {"actualy", "actually"}, {"acutally", "actually"}, {"actully", "actually"},
    {"outta", "out of"}, {"rn", "right now"}, {"atm", "at the moment"}, {"tho", "though"},
    {"ppl", "people"}, {"majorin", "majoring"},
    {"gonna", "going to"}, {"wanna", "want to"}, {"gotta", "got to"}, {"bday", "birthday"},
    {"dont", "don't"}, {"doesnt", "doesn't"}, {"didnt", "didn't"}, {"cant", "can't"},
    {"isnt", "isn't"}, {"wasnt", "wasn't"}, {"arent", "aren't"}, {"havent", "haven't"},
    {"ive", "i've"}, {"shes", "she's"}, {"hes", "he's"}, {"thats", "that's"},
    {"theyre", "they're"}, {"bfs", "bf's"}, {"gfs", "gf's"}, {"wifes", "wife's"}, {"exs", "ex's"},
    {"hubbys", "hubby's"}, {"youngests", "youngest's"}, {"eldests", "eldest's"},
    {"yrs", "years"}, {"yr", "year"},
    {"mths", "months"}, {"wks", "weeks"}, {"alergic", "allergic"}, {"alergy", "allergy"},
    {"alergies", "allergies"}, {"roomate", "roommate"}, {"roomates", "roommates"},
    {"&", "and"}, {"workin", "working"}, {"studyin", "studying"},
    {"livin", "living"}, {"doin", "doing"}, {"goin", "going"}, {"playin", "playing"},
    {"tryin", "trying"}, {"teachin", "teaching"}, {"runnin", "running"},
    {"movin", "moving"}, {"startin", "starting"}, {"old's", "old is"},
    /* kin said in Spanish among English words ("my novio is ...") */
    {"novio", "boyfriend"}, {"novia", "girlfriend"}, {"esposo", "husband"}, {"esposa", "wife"},
    {"gp", "doctor"},
    {NULL, NULL}};

const char *plain_word(const char *w)
{
    if (!strcasecmp(w, "w")) return "with";
    for (int s = 0; spelled[s][0]; s++)
        if (!strcasecmp(w, spelled[s][0])) return spelled[s][1];
    return NULL;
}

const char *plain_word_before(const char *w, const char *next)
{
    /* a GP is one's doctor, but a "GP surgery" is where one works */
    static const char *const gp_place[] = {"surgery", "practice", "clinic", "office",
                                           "receptionist", "trainee", NULL};
    const char *p = plain_word(w);
    for (int k = 0; p && next && !strcasecmp(w, "gp") && gp_place[k]; k++)
        if (!strcasecmp(next, gp_place[k])) p = NULL;
    /* "my moms down in Macon", "mums moving up here": the 's of "is" typed without its
     * apostrophe (not "my moms are", "two mums live") */
    static const char *const parents[][2] = {{"moms", "mom's"}, {"mums", "mum's"},
                                            {"dads", "dad's"}, {NULL, NULL}};
    static const char *const being[] = {"down", "up", "in", "at", "from", "back", "still",
                                        "moving", "coming", "going", "gonna", "visiting",
                                        "staying", "flying", "here", "there", "home", "not",
                                        "just", "over", "out", "been", "retired", "finally",
                                        NULL};
    for (int k = 0; !p && next && parents[k][0]; k++)
        if (!strcasecmp(w, parents[k][0]) && understand_in_list(being, next))
            p = parents[k][1];
    /* "found a gig as tiler": a job */
    if (!p && next && !strcasecmp(next, "as") && !strcasecmp(w, "gig")) p = "job";
    return p;
}

/* Written anywhere: Chinese characters of everyday speech and the ones the reader knows
 * (啥 is 什么, 俺 is 我; Cantonese 咩嘢 is 什么, 喺 is 在, 边度 is 哪里), an asking tag after a comma (，记得不) dropped, and kin
 * words with accents the word lists spell without. */
static const char *const zh[][2] = {{"啥子", "什么"}, {"啥", "什么"}, {"俺", "我"},
                                    /* where one's home is: 家住在苏州 is 住在苏州 */
                                    {"家住在", "住在"},
                                    /* an asking tag after a comma asks nothing more */
                                    {"，你还记得不", ""}, {"，你还记得吗", ""},
                                    {"，你记得不", ""}, {"，你知道不", ""},
                                    {"，记得不", ""},
                                    /* Cantonese words in Mandarin's */
                                    {"咩嘢", "什么"}, {"乜嘢", "什么"}, {"咩", "什么"},
                                    {"几多岁", "几岁"}, {"几多", "多少"}, {"边度", "哪里"},
                                    {"边个", "谁"}, {"喺", "在"}, {"嘅", "的"}, {"咗", "了"},
                                    {"冇", "没"}, {"而家", "现在"}, {"钟意", "喜欢"},
                                    {"唔系", "不是"}, {"唔", "不"}, {"佢", "他"},
                                    /* kin said in the north, the south-west and the
                                     * north-west, and "how old" said in Sichuan */
                                    {"媳妇儿", "老婆"}, {"媳妇", "老婆"},
                                    {"我家那口子", "我老伴"}, {"我屋头那个", "我老伴"},
                                    {"我男人", "我老公"}, {"我对象", "我老伴"},
                                    /* (爱人 read with 爱, love: the spouse by 老伴) */
                                    {"我爱人", "我老伴"},
                                    {"幺儿", "儿子"}, {"好大了", "多大了"},
                                    /* a parting ends its sentence (跟阿梅分了，现在的 ...),
                                     * and the partner "now" is the partner */
                                    {"分了……", "分手了。"}, {"分了，", "分手了。"},
                                    {"分手了，", "分手了。"}, {"分手了……", "分手了。"},
                                    {"我现在的女朋友", "我女朋友"}, {"我现在女朋友", "我女朋友"},
                                    {"我现在的男朋友", "我男朋友"}, {"我现在男朋友", "我男朋友"},
                                    /* what one likes most is what one likes */
                                    {"爱吃的是", "爱吃"}, {"喜欢吃的是", "喜欢吃"},
                                    {"爱喝的是", "爱喝"}, {"喜欢喝的是", "喜欢喝"},
                                    /* a trade one retired from is a former job */
                                    {"是一名退休的", "以前是"}, {"是一个退休的", "以前是"},
                                    {"是退休的", "以前是"},
                                    {"念大学", "读大学"}, {"念书", "读书"},
                                    {"fiancée", "fiancee"},
                                    {"fiancé", "fiance"}, {"Fiancée", "fiancee"},
                                    {"Fiancé", "fiance"}, {NULL, NULL}};

/* The bytes of 什么, 啥子 or 啥 at msg[i] when it means "any", not "what": in a sentence
 * that asks nothing (no question mark, no 吗 or 呢 ending it) after a word of not or of
 * bidding not to (别, 不要, 莫, 没, 不): "别给我推荐什么花生的菜" is "... any peanut dish",
 * written 任何 by the caller; else 0. */
static size_t any_what(const char *msg, size_t len, size_t i)
{
    static const char *const whats[] = {"什么", "啥子", "啥", NULL};
    static const char *const nots[] = {"别", "不要", "莫", "没", "不", NULL};
    static const char *const asks[] = {"?", "？", "吗", "呢", NULL};
    size_t l = 0;
    for (int k = 0; whats[k] && !l; k++)
        if (!strncmp(msg + i, whats[k], strlen(whats[k]))) l = strlen(whats[k]);
    if (!l) return 0;
    size_t b = i, e = i + l;            /* the sentence around it */
    while (b > 0 && !strchr(".!?\n", msg[b - 1]) &&
           (b < 3 || (strncmp(msg + b - 3, "。", 3) && strncmp(msg + b - 3, "！", 3) &&
                      strncmp(msg + b - 3, "？", 3))))
        b--;
    while (e < len && strncmp(msg + e, "。", 3) && strncmp(msg + e, "！", 3) &&
           !strchr(".!\n", msg[e]))
        e++;
    for (size_t j = i + l; j < e; j++)
        for (int k = 0; asks[k]; k++)
            if (!strncmp(msg + j, asks[k], strlen(asks[k]))) return 0;
    static const char *const knows[] = {"知道", "记得", "说", "告诉", "问", "叫", "是",
                                        NULL};    /* ("我不知道你叫什么": what) */
    size_t c = i;                       /* the clause before it, back to a comma */
    while (c > b && msg[c - 1] != ',' && (c < b + 3 || strncmp(msg + c - 3, "，", 3))) c--;
    int not = 0;
    for (size_t j = c; j < i; j++) {
        for (int k = 0; knows[k] && not; k++)
            if (!strncmp(msg + j, knows[k], strlen(knows[k]))) return 0;
        for (int k = 0; nots[k] && !not; k++)
            not = !strncmp(msg + j, nots[k], strlen(nots[k]));
    }
    return not ? l : 0;
}

/* 1 when a CJK ideograph (U+3400..U+9FFF, three bytes) starts at msg[i]. */
static int cjk_at(const char *msg, size_t len, size_t i)
{
    if (i + 3 > len) return 0;
    unsigned char a = (unsigned char)msg[i], b = (unsigned char)msg[i + 1];
    unsigned cp = ((unsigned)(a & 0x0F) << 12) | ((unsigned)(b & 0x3F) << 6) |
                  ((unsigned char)msg[i + 2] & 0x3F);
    return (a & 0xF0) == 0xE0 && cp >= 0x3400 && cp <= 0x9FFF;
}

/* Two words that name what comes next ("name of", "goes by", "answers to"; "me llamo",
 * "married with", "everybody say" as learners write them) at msg[i], before a word with a
 * capital: the words of naming the reader knows ("called", "is called", "my name is",
 * "married to", "everybody calls me"), with *end where the two end; else NULL. */
static const char *naming_phrase(const char *msg, size_t len, size_t i, size_t *end)
{
    /* "a likkle dog name Tiny": "name" right after a pet word */
    if (i >= 2 && i + 5 < len && !strncasecmp(msg + i, "name ", 5) &&
        isupper((unsigned char)msg[i + 5])) {
        size_t b = i - 1, a;
        while (b > 0 && msg[b - 1] == ' ') b--;
        for (a = b; a > 0 && isalpha((unsigned char)msg[a - 1]); a--) {}
        char pet[16];
        if (b > a && b - a < sizeof pet) {
            snprintf(pet, sizeof pet, "%.*s", (int)(b - a), msg + a);
            for (char *c = pet; *c; c++) *c = (char)tolower((unsigned char)*c);
            const char *spelt = plain_word(pet);
            if (dialogue_pet_word(spelt ? spelt : pet)) {
                *end = i + 4;
                return "called";
            }
        }
    }
    static const char *const phrases[][2] = {{"name of ", "called"},
                                             {"goes by ", "is called"},
                                             {"answers to ", "is called"},
                                             {"go by ", "are called"},
                                             {"me llamo ", "my name is"},
                                             {"married with ", "married to"},
                                             {"everybody say ", "everybody calls me"},
                                             {"everyone say ", "everyone calls me"}};
    for (size_t p = 0; p < sizeof phrases / sizeof phrases[0]; p++) {
        size_t l = strlen(phrases[p][0]);
        if (i + l < len && !strncasecmp(msg + i, phrases[p][0], l) &&
            isupper((unsigned char)msg[i + l])) {
            *end = i + l - 1;
            return phrases[p][1];
        }
    }
    return NULL;
}

/* Words people use for their own people and places the reader learnt otherwise, at
 * msg[i] (a word's start): "the wife", "the missus", "the hubby" (not "the wife of ...")
 * are "my wife", "my husband"; "the fella next door", "the lady next door" "my
 * neighbour", "the family next door" "my neighbours"; "hail from" is "come from" ("do I
 * hail from" "am I from"); "renting in" is "living in"; "X, that's the wife, ..." is
 * "X, my wife, ...". The words
 * they stand for (mine when they are made), with *end where the phrase ends; else NULL. */
static const char *own_phrase(const char *msg, size_t len, size_t i, size_t *end,
                              char mine[32])
{
    /* "Greta, that's the wife, ...", "Ivo, that's my brother, ...": the one named, set off */
    if (i >= 2 && msg[i - 2] == ',' && msg[i - 1] == ' ' && i + 7 < len &&
        !strncasecmp(msg + i, "that's ", 7)) {
        size_t k = i + 7, ke;
        if (!strncasecmp(msg + k, "the ", 4)) k += 4;
        else if (!strncasecmp(msg + k, "my ", 3)) k += 3;
        else return NULL;
        for (ke = k; ke < len && isalpha((unsigned char)msg[ke]); ke++) {}
        char word[24], key[UNDERSTAND_KEY];
        if (ke == k || ke - k >= sizeof word || ke >= len || msg[ke] != ',') return NULL;
        snprintf(word, sizeof word, "%.*s", (int)(ke - k), msg + k);
        for (char *c = word; *c; c++) *c = (char)tolower((unsigned char)*c);
        understand_holder_of(word, key, sizeof key);
        if (!strcmp(key, "self") || !understand_kin(key)) return NULL;
        snprintf(mine, 32, "my %s", word);
        *end = ke;
        return mine;
    }
    static const char *const whose[][2] = {{"the wife", "my wife"}, {"the missus", "my wife"},
                                           {"the missis", "my wife"}, {"the hubby", "my husband"},
                                           {"the husband", "my husband"},
                                           {"the other half", "my partner"},
                                           {"my other half", "my partner"},
                                           {"my better half", "my partner"},
                                           {"do i come from", "am I from"},
                                           {"do i hail from", "am I from"},
                                           {"hail from", "come from"},
                                           {"hails from", "comes from"},
                                           {"renting in", "living in"},
                                           {"rent a room in", "live in"},
                                           {"rent a flat in", "live in"},
                                           {"rent a place in", "live in"}};
    for (size_t p = 0; p < sizeof whose / sizeof whose[0]; p++) {
        size_t l = strlen(whose[p][0]);
        if (i + l > len || strncasecmp(msg + i, whose[p][0], l) ||
            (i + l < len && (isalnum((unsigned char)msg[i + l]) || msg[i + l] == '-')) ||
            (i + l + 3 < len && !strncasecmp(msg + i + l, " of ", 4)))
            continue;
        /* (a word of kin only before "'s", "is" or a mark: "the missus already said"
         * stays, its "already" no name) */
        const char *after = msg + i + l;
        if (!strncmp(whose[p][0], "the ", 4) && *after && !strchr(",.!?;:", *after) &&
            strncmp(after, "'s", 2) &&
            strncasecmp(after, " is ", 4) && strncasecmp(after, " was ", 5))
            continue;
        *end = i + l;
        return whose[p][1];
    }
    /* "the youngest, Tolu, is at uni": one of the user's children by their place among
     * them, named after a comma */
    static const char *const placed[][2] = {{"the eldest", "my eldest"},
                                            {"the youngest", "my youngest"},
                                            {"the oldest", "my oldest"}};
    for (size_t p = 0; p < sizeof placed / sizeof placed[0]; p++) {
        size_t l = strlen(placed[p][0]);
        if (i + l + 3 <= len && !strncasecmp(msg + i, placed[p][0], l) && msg[i + l] == ',' &&
            msg[i + l + 1] == ' ' && isupper((unsigned char)msg[i + l + 2])) {
            *end = i + l;
            return placed[p][1];
        }
    }
    static const char *const next_door[][2] = {
        {"fella", "my neighbour"}, {"fellow", "my neighbour"}, {"guy", "my neighbour"},
        {"lady", "my neighbour"}, {"woman", "my neighbour"}, {"man", "my neighbour"},
        {"bloke", "my neighbour"}, {"chap", "my neighbour"}, {"girl", "my neighbour"},
        {"couple", "my neighbours"}, {"family", "my neighbours"}, {"folks", "my neighbours"}};
    size_t at = i;
    if (at + 4 <= len && !strncasecmp(msg + at, "the ", 4)) at += 4;
    for (size_t p = 0; p < sizeof next_door / sizeof next_door[0]; p++) {
        size_t l = strlen(next_door[p][0]);
        if (at + l + 10 > len || strncasecmp(msg + at, next_door[p][0], l) ||
            strncasecmp(msg + at + l, " next door", 10) ||
            (at + l + 10 < len && isalnum((unsigned char)msg[at + l + 10])))
            continue;
        *end = at + l + 10;
        return next_door[p][1];
    }
    return NULL;
}

/* 1 when w (lower case) names a trade as trades are named: a kind of person (kinds.h)
 * ending as agents do ("plumber", "surveyor", "florist", "technician", "engineer",
 * "attendant"), or one of the few that do not ("nurse", "chef"); not a kind of person
 * that is a state ("paranoid", "married"). */
static int trade(const char *w)
{
    static const char *const ends[] = {"er", "or", "ist", "ian", "ant", "ent", "eer", "man",
                                       "woman", "ess", NULL};
    static const char *const others[] = {"nurse", "chef", "cook", "clerk", "nanny", "vet",
                                         "medic", "pilot", "guard", "surgeon", "midwife",
                                         "barista", "carpenter", "mechanic", "judge",
                                         "paramedic", "cashier", "courier", "analyst", NULL};
    size_t n = strlen(w);
    if (!kinds_person(w)) return 0;
    if (understand_in_list(others, w)) return 1;
    for (int k = 0; ends[k]; k++) {
        size_t l = strlen(ends[k]);
        if (n > l + 2 && !strcmp(w + n - l, ends[k])) return 1;
    }
    return 0;
}

/* A number of two words joined by a hyphen ("sixty-two": tens 20-90 and ones 1-9) in
 * w[0..n), any case, into out (3 bytes: "62"); 1 when it is one, else 0. */
static int tens_and_ones(const char *w, size_t n, char out[4])
{
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty",
                                       "seventy", "eighty", "ninety", NULL};
    static const char *const ones[] = {"one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", NULL};
    for (int t = 0; tens[t]; t++) {
        size_t tl = strlen(tens[t]);
        if (n <= tl + 1 || strncasecmp(w, tens[t], tl) || w[tl] != '-') continue;
        for (int o = 0; ones[o]; o++)
            if (strlen(ones[o]) == n - tl - 1 && !strncasecmp(w + tl + 1, ones[o], n - tl - 1)) {
                out[0] = (char)('2' + t);
                out[1] = (char)('1' + o);
                out[2] = '\0';
                return 1;
            }
    }
    return 0;
}

/* 1 when ch may be inside a word of shorthand ("w/o", "can't", "4yo"). */
static int word_char(unsigned char ch)
{
    return isalnum(ch) || ch == '\'' || ch == '/' || ch == '&';
}


/* 1 when a character of a word ends right before msg[i] (i > 0). */
static int word_before(const char *msg, size_t len, size_t i)
{
    return word_char((unsigned char)msg[i - 1]) || (i >= 2 && plain_two_byte_letter(msg, len, i - 2));
}

/* Appends s[0, n) to out at *at; 0 when it does not fit (room for the NUL kept). */
static int put(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
    if (*at + n + 1 > cap) return 0;
    memcpy(out + *at, s, n);
    *at += n;
    return 1;
}

/* 1 when the word before and the word after the one at [s, e) of msg are words of
 * letters, each one space away ("fish n chips"). */
static int between_words(const char *msg, size_t len, size_t s, size_t e)
{
    return s >= 2 && msg[s - 1] == ' ' && isalpha((unsigned char)msg[s - 2]) && e + 1 < len &&
           msg[e] == ' ' && isalpha((unsigned char)msg[e + 1]);
}

/* 1 when the word msg[s..e) opens the message and a question word follows it ("n where
 * does he work": "and where ..."). */
static int opens_question(const char *msg, size_t len, size_t s, size_t e)
{
    static const char *const wh[] = {"what", "whats", "what's", "where", "wheres", "where's",
                                     "who", "whos", "who's", "when", "how", "which", "whose",
                                     "is", "does", "do", "did", NULL};
    if (s != 0 || e + 1 >= len || msg[e] != ' ') return 0;
    size_t b = e + 1, f = b;
    while (f < len && (isalpha((unsigned char)msg[f]) || msg[f] == '\'')) f++;
    for (int i = 0; wh[i]; i++)
        if (strlen(wh[i]) == f - b && !strncasecmp(msg + b, wh[i], f - b)) return 1;
    return 0;
}

/* A question asked as A-not-A (我孙女是不是叫朵朵？, 你有没有 ...) and the yes/no
 * question with 吗 the reader knows: the first words of each, and the one it becomes. */
static const char *const a_not_a[][2] = {{"是不是", "是"}, {"有没有", "有"}, {"是否", "是"},
                                        {"系咪", "是"}, {"系唔系", "是"}};

/* Appends 吗 to out at *at unless it ends with one already; 0 when it does not fit. */
static int put_ma(char *out, size_t cap, size_t *at)
{
    return (*at >= 3 && !memcmp(out + *at - 3, "吗", 3)) || put(out, cap, at, "吗", 3);
}


/* Where msg[0, n) says "it's not almonds, it's pistachios", the correction the reader
 * knows as "it's pistachios, not almonds" (each side a few words within its sentence):
 * 1 with the phrase's start and end and each side's span set, else 0. The phrase written
 * the other way is never longer than it was. */
typedef struct not_but {
    size_t at, end, x, xl, y, yl;
} not_but_t;

static int not_this_but(const char *msg, size_t n, not_but_t *nb)
{
    static const char *const nots[] = {"it's not ", "it is not ", "its not ", "it’s not ", NULL};
    static const char *const buts[] = {", but it's ", ", it's ", ", it is ", ", its ",
                                       " but it's ", ", but ", " but ", ", it’s ", NULL};
    static const char *const ends[] = {".", ",", "!", "?", ";", " i'm ", " i ", " that ",
                                       " who ", " and ", NULL};
    size_t l, bl, el;
    long at = plain_find_any(msg, n, 0, nots, &l);
    if (at < 0 || (at > 0 && isalpha((unsigned char)msg[at - 1]))) return 0;
    size_t x = (size_t)at + l;
    long b = plain_find_any(msg, n, x, buts, &bl);
    if (b < 0 || (size_t)b == x || (size_t)b - x > 60 || memchr(msg + x, '.', (size_t)b - x) ||
        memchr(msg + x, '!', (size_t)b - x) || memchr(msg + x, '?', (size_t)b - x))
        return 0;
    size_t y = (size_t)b + bl;
    long e = plain_find_any(msg, n, y, ends, &el);
    size_t ye = e < 0 ? n : (size_t)e;
    if (ye == y || ye - y > 60) return 0;
    *nb = (not_but_t){(size_t)at, ye, x, (size_t)b - x, y, ye - y};
    return strlen("it's , not ") + nb->xl + nb->yl <= ye - (size_t)at;
}

/* The words that open a question after fillers ("so what ...", "ok and do I ..."). */
static const char *const asking[] = {"what", "whats", "what's", "where", "wheres", "where's",
                                     "who", "whos", "who's", "when", "which", "how", "hows",
                                     "how's", "do", "does", "did", "am", "is", "are", "can",
                                     "have", "has", NULL};

/* Where a question begins after the fillers that open a sentence at msg[i] ("so what am
 * I driving", "ok and when do I start", "well, do I"), or i when none are there or no
 * word of asking follows them. */
static size_t past_fillers(const char *msg, size_t len, size_t i)
{
    static const char *const fillers[] = {"so", "ok", "okay", "and", "well", "right",
                                          "anyway", "oh", "um", "uh", "erm", "hmm", "also",
                                          "but", "alright", "now", NULL};
    /* (and words of bidding set off by a comma: "remind me, who ...") */
    static const char *const bids[] = {"remind me,", "tell me,", "quick question,",
                                       "just checking,", "question,", NULL};
    size_t p = i;
    int skipped = 0;
    for (;;) {
        size_t e = p;
        while (e < len && (isalpha((unsigned char)msg[e]) || msg[e] == '\'')) e++;
        int filler = 0, asks = 0;
        for (int f = 0; bids[f] && !filler; f++)
            if (!strncasecmp(msg + p, bids[f], strlen(bids[f])))
                filler = 1, e = p + strlen(bids[f]) - 1;
        for (int f = 0; fillers[f] && !filler; f++)
            filler = strlen(fillers[f]) == e - p && !strncasecmp(msg + p, fillers[f], e - p);
        for (int q = 0; asking[q] && !asks; q++)
            asks = strlen(asking[q]) == e - p && !strncasecmp(msg + p, asking[q], e - p);
        if (asks && skipped && e < len && msg[e] == ' ') return p;
        if (!filler || e == p || skipped >= 3) return i;
        skipped++;
        p = e;
        while (p < len && (msg[p] == ' ' || msg[p] == ',')) p++;
    }
}

/* The length of a tag at msg[i] that asks only whether the user said what came before
 * (", did I say?", ", did I mention it?") or whether the listener knew it (", did you
 * know?", ", you know?"), else 0. */
static size_t said_tag(const char *msg, size_t len, size_t i)
{
    static const char *const tags[] = {", did i say?", ", did i tell you?", ", did i tell ya?",
                                       ", did i mention?", ", did i mention it?",
                                       ", did i mention that?", ", did you know?",
                                       ", did ya know?", ", you know?", ", ya know?",
                                       ", y'know?", ", know what i mean?", NULL};
    for (int t = 0; tags[t]; t++) {
        size_t tl = strlen(tags[t]);
        if (i + tl <= len && !strncasecmp(msg + i, tags[t], tl)) return tl;
    }
    return 0;
}

/* 1 when the sentence written last into out[0, at) opens with a word of asking. */
static int sentence_asks(const char *out, size_t at)
{
    size_t s = at;
    while (s > 0 && !strchr(".!?", out[s - 1])) s--;
    while (s < at && !isalpha((unsigned char)out[s])) s++;
    size_t e = s;
    while (e < at && (isalpha((unsigned char)out[e]) || out[e] == '\'')) e++;
    for (int q = 0; asking[q]; q++)
        if (strlen(asking[q]) == e - s && !strncasecmp(out + s, asking[q], e - s)) return 1;
    return 0;
}


/* 1 when the full stop at msg[i] ends a note of a count of things ("two collies", "3
 * kids") and the sentence after it only names them ("meg and tam", "Ana, Bo and Cy."):
 * one note, as if told with a comma. */
static int names_after_count(const char *msg, size_t len, size_t i)
{
    size_t s = i;
    while (s > 0 && !strchr(".!?\n", msg[s - 1])) s--;
    while (s < i && msg[s] == ' ') s++;
    size_t e = s;
    while (e < i && msg[e] != ' ') e++;
    if (!plain_number_word(msg, s, e)) return 0;
    int words = 0;              /* the counted: one or two words after the number, in -s */
    for (size_t k = e; k < i; k++) {
        if (!isalpha((unsigned char)msg[k]) && msg[k] != ' ') return 0;
        words += msg[k] != ' ' && msg[k - 1] == ' ';
    }
    if (words < 1 || words > 2 || tolower((unsigned char)msg[i - 1]) != 's') return 0;
    size_t b = i + 1;
    while (b < len && msg[b] == ' ') b++;
    int names = 0, joined = 0;
    for (size_t k = b; k < len && !strchr(".!?\n", msg[k]);) {
        size_t w = k;
        while (k < len && isalpha((unsigned char)msg[k])) k++;
        if (k == w) return 0;
        if ((k - w == 3 && !strncasecmp(msg + w, "and", 3)) || (k - w == 1 && msg[w] == '&'))
            joined = 1;
        else
            names++;
        if (k < len && msg[k] == ',') k++;
        while (k < len && msg[k] == ' ') k++;
        if (k < len && msg[k] == '&') k++, joined = 1;
        while (k < len && msg[k] == ' ') k++;
    }
    return names >= 2 && names <= 5 && joined;
}


/* The word of letters and ' at msg[i] (read_word). */
static size_t word_from(const char *msg, size_t len, size_t i, char *out, size_t cap)
{
    return plain_read_word(msg, len, i, out, cap, 0);
}

/* As word_from, with digits in the word too ("4th"). */
static size_t token_from(const char *msg, size_t len, size_t i, char *out, size_t cap)
{
    return plain_read_word(msg, len, i, out, cap, 1);
}

/* The word right before msg[i] (spaces skipped) into out, lower-cased ("" when none or
 * too long); a "'s" glued to it is the word "'s". */
static void word_back(const char *msg, size_t i, char *out, size_t cap)
{
    size_t e = i;
    while (e > 0 && msg[e - 1] == ' ') e--;
    if (e >= 2 && msg[e - 2] == '\'' && tolower((unsigned char)msg[e - 1]) == 's') {
        snprintf(out, cap, "'s");
        return;
    }
    size_t b = e;
    while (b > 0 && isalpha((unsigned char)msg[b - 1])) b--;
    out[0] = '\0';
    if (e - b + 1 > cap) return;
    for (size_t k = b; k < e; k++) out[k - b] = (char)tolower((unsigned char)msg[k]);
    out[e - b] = '\0';
}

/* 1 when "the" at msg[i] (3 letters) stands for "my" in a request to forget: after a verb
 * of forgetting ("forget the cat"), or after "and" in a sentence that opens with one
 * ("forget my wife and the dog"), before a word of kin or of a pet. Read as it is, the
 * reader took "forget the cat" for the cat's name. */
static int forgets_the(const char *msg, size_t len, size_t i)
{
    static const char *const verbs[] = {"forget", "delete", "erase", "remove", "wipe", NULL};
    static const char *const fillers[] = {"ok", "okay", "also", "please", "pls", "and", "oh",
                                          "so", "now", "just", "right", NULL};
    char w[32], prev[32];
    if (i + 4 > len || strncasecmp(msg + i, "the ", 4) || !word_from(msg, len, i + 4, w, sizeof w))
        return 0;
    char key[32];
    understand_holder_of(w, key, sizeof key);
    if (!understand_kin(key) && !dialogue_pet_word(key)) return 0;
    word_back(msg, i, prev, sizeof prev);
    for (int k = 0; verbs[k]; k++)
        if (!strcasecmp(prev, verbs[k])) return 1;
    if (strcasecmp(prev, "and")) return 0;
    size_t b = i;           /* the sentence's first word, past its fillers */
    while (b > 0 && !strchr(".!?\n", msg[b - 1])) b--;
    for (;;) {
        while (b < i && !isalpha((unsigned char)msg[b])) b++;
        size_t end = word_from(msg, len, b, w, sizeof w);
        if (!end) return 0;
        int filler = 0;
        for (int k = 0; fillers[k] && !filler; k++) filler = !strcasecmp(w, fillers[k]);
        if (!filler) break;
        b = end;
    }
    for (int k = 0; verbs[k]; k++)
        if (!strcasecmp(w, verbs[k])) return 1;
    return 0;
}

/* Where the number after a word of kin or a pet ends when a note's colon follows it
 * ("kid #2: Tomas, 9", "son 1: Ali", "dog no. 2: Rex"): the colon, else 0. The number
 * only counts the notes; read with it, "kid #2: Tomas" named the user Tomas. */
static size_t note_number_end(const char *msg, size_t len, size_t e)
{
    size_t j = e;
    while (j < len && msg[j] == ' ') j++;
    if (j + 3 < len && !strncasecmp(msg + j, "no.", 3)) j += 3;
    else if (j + 6 < len && !strncasecmp(msg + j, "number", 6)) j += 6;
    while (j < len && msg[j] == ' ') j++;
    if (j < len && msg[j] == '#') j++;
    size_t d = j;
    while (j < len && isdigit((unsigned char)msg[j])) j++;
    if (j == d || j - d > 2) return 0;
    while (j < len && msg[j] == ' ') j++;
    return j < len && msg[j] == ':' ? j : 0;
}

/* "jollof is life", "also dumplings are life": at msg[i], a sentence's start, what one to
 * three words say is life, said as "I love ..." (read as it is, small talk). Returns
 * where the phrase ends and the thing's bytes in *thing, *tl (fillers before it kept:
 * *lead), else 0. */
static size_t is_life(const char *msg, size_t len, size_t i, size_t *lead, size_t *thing,
                      size_t *tl)
{
    static const char *const fillers[] = {"so", "ok", "okay", "and", "also", "but", "honestly",
                                          "tbh", "btw", "plus", "oh", NULL};
    static const char *const ends[] = {" is life", " are life", NULL};
    size_t p = i;
    for (int k = 0; k < 3; k++) {           /* the fillers first */
        size_t e = p;
        while (e < len && isalpha((unsigned char)msg[e])) e++;
        int filler = 0;
        for (int f = 0; fillers[f] && !filler; f++)
            filler = strlen(fillers[f]) == e - p && !strncasecmp(msg + p, fillers[f], e - p);
        if (!filler || e == p) break;
        p = e;
        while (p < len && (msg[p] == ' ' || msg[p] == ',')) p++;
    }
    size_t e = p;
    for (int words = 0; words < 3 && e < len; words++) {
        size_t b = e;
        while (e < len && (isalpha((unsigned char)msg[e]) || msg[e] == '\'')) e++;
        if (e == b) return 0;
        for (int k = 0; ends[k]; k++) {
            size_t l = strlen(ends[k]);
            if (e + l <= len && !strncasecmp(msg + e, ends[k], l) &&
                (e + l == len || !isalpha((unsigned char)msg[e + l]))) {
                *lead = p;
                *thing = p;
                *tl = e - p;
                return e + l;
            }
        }
        if (e >= len || msg[e] != ' ') return 0;
        e++;
    }
    return 0;
}

/* 1 when the full stop at msg[i] ends a statement that a tag alone asks after it ("dog
 * is Rufus. yes?", "Bergen. right?": the tag, a question mark, nothing else): the
 * caller writes a comma, and the statement asks with its tag ("dog is Rufus, yes?"). */
static int tag_follows(const char *msg, size_t len, size_t i)
{
    size_t t = i + 1;
    while (t < len && msg[t] == ' ') t++;
    for (const understand_tag_t *g = understand_tags; g->words && t > i + 1; g++) {
        size_t l = strlen(g->words), q = t + l;
        if (strncasecmp(msg + t, g->words, l) || q >= len || msg[q] != '?') continue;
        while (++q < len && (msg[q] == ' ' || msg[q] == '\n')) {}
        if (q < len) return 0;
        size_t b = i;                   /* (the sentence before asks nothing) */
        while (b > 0 && !strchr("!?\n", msg[b - 1])) b--;
        return memchr(msg + b, '?', i - b) == NULL && b < i;
    }
    return 0;
}

/* 1 when the sentence around msg[i] speaks of another by "she", "he", "they", "her",
 * "his" or "their". */
static int of_another(const char *msg, size_t len, size_t i)
{
    static const char *const others[] = {"she", "he", "they", "her", "his", "their", "she's",
                                         "he's", "shes", "hes", NULL};
    size_t b = i, e = i;
    while (b > 0 && !strchr(".!?\n", msg[b - 1])) b--;
    while (e < len && !strchr(".!?\n", msg[e])) e++;
    for (size_t k = b; k < e; k++) {
        char w[8];
        if (k > b && isalpha((unsigned char)msg[k - 1])) continue;
        if (word_from(msg, e, k, w, sizeof w) && understand_in_list(others, w)) return 1;
    }
    return 0;
}

/* Where a course of study said without "studying" opens at msg[i]: "doing a part-time
 * masters in ..." ("doing", an article, "part time" or "full time", a word of a degree,
 * "in" or "of"), "3rd year geology ...", "in my final year of dentistry ..." (an ordinal,
 * "year", "of", then a word of the course that is no word of grammar); or where one
 * studies: "doing my 2nd year at ...", "in my final year at ..." (at "at"). Returns where
 * the course's own words open (0 when none opens here); *told set when the phrase says
 * where one is ("in my ... year": "I'm" before it is the speaker's), 3 when it says
 * where one studies. */
static size_t studies_at(const char *msg, size_t len, size_t i, int *told)
{
    static const char *const degree[] = {"masters", "master's", "degree", "phd", "bachelors",
                                         "bachelor's", "ba", "bsc", "msc", "ma", "mba",
                                         "diploma", "course", "doctorate", NULL};
    static const char *const ordinal[] = {"first", "second", "third", "fourth", "fifth",
                                          "sixth", "final", "1st", "2nd", "3rd", "4th", "5th",
                                          "6th", NULL};
    static const char *const not_course[] = {"old", "student", "students", "at", "in", "was",
                                             "is", "and", "but", "now", "so", "done", NULL};
    char w[16];
    size_t e = token_from(msg, len, i, w, sizeof w), p;
    *told = 0;
    if (e && (!strcmp(w, "doing") || !strcmp(w, "doin"))) {
        p = token_from(msg, len, e, w, sizeof w);
        if (p && (!strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "my")))
            p = token_from(msg, len, p, w, sizeof w);
        if (p && understand_in_list(ordinal, w)) {  /* "doing my 2nd year at Ohio U" */
            size_t y = token_from(msg, len, p, w, sizeof w);
            if (!y || strcmp(w, "year")) return 0;
            size_t at = y;
            while (at < len && msg[at] == ' ') at++;
            *told = 3;                  /* (the speaker's, a place of study) */
            return token_from(msg, len, y, w, sizeof w) && !strcmp(w, "at") ? at : 0;
        }
        if (p && (!strcmp(w, "part") || !strcmp(w, "full"))) {     /* "part time", "part-time" */
            size_t t = p < len && msg[p] == '-' ? p + 1 : p;
            p = token_from(msg, len, t, w, sizeof w);
            if (!p || strcmp(w, "time")) return 0;
            p = token_from(msg, len, p, w, sizeof w);
        }
        if (!p || !understand_in_list(degree, w)) return 0;
        p = token_from(msg, len, p, w, sizeof w);
        if (!p || (strcmp(w, "in") && strcmp(w, "of"))) return 0;
        size_t c = p;                   /* ("a masters in Lisbon on ...": a place) */
        while (c < len && msg[c] == ' ') c++;
        if (c < len && isupper((unsigned char)msg[c])) return 0;
    } else {
        if (e && !strcmp(w, "in")) {    /* "in my 4th year of medicine" */
            size_t g = token_from(msg, len, e, w, sizeof w), y;
            static const char *const grades[] = {"year", "grade", "form", "class", NULL};
            if (g && understand_in_list(grades, w) &&   /* "in year 9 at ...": a pupil's */
                (y = token_from(msg, len, g, w, sizeof w)) && isdigit((unsigned char)w[0]) &&
                strlen(w) <= 2 && token_from(msg, len, y, w, sizeof w) && !strcmp(w, "at")) {
                size_t at = y;
                while (at < len && msg[at] == ' ') at++;
                *told = 3;
                return at;
            }
            e = token_from(msg, len, e, w, sizeof w);
            if (!e || strcmp(w, "my")) return 0;
            *told = 1;
            e = token_from(msg, len, e, w, sizeof w);
        }
        if (!e || !understand_in_list(ordinal, w)) return 0;
        p = token_from(msg, len, e, w, sizeof w);
        if (!p || strcmp(w, "year")) return 0;
        size_t q = token_from(msg, len, p, w, sizeof w);
        if (q && !strcmp(w, "of")) p = q;
        if (q && !strcmp(w, "at")) {    /* "in my final year at Leeds Uni", "2nd year at
                                         * UofM" (opening a clause: the caller's) */
            *told = 3;
            while (p < len && msg[p] == ' ') p++;
            return p;
        }
    }
    size_t q = token_from(msg, len, p, w, sizeof w);
    if (!q || !isalpha((unsigned char)w[0]) || lex_is_stopword(w) ||
        understand_in_list(not_course, w))
        return 0;
    /* (no trade nor student: "first year apprentice electrician", "final year pharmacy
     * student" tell a job) */
    static const char *const learner[] = {"student", "students", "apprentice", "trainee",
                                          "intern", NULL};
    char lastw[16] = "";
    for (size_t c = p; c && c < len && !strchr(",.;!?(", msg[c]);) {
        if (understand_in_list(learner, w)) return 0;
        snprintf(lastw, sizeof lastw, "%s", w);
        c = q;
        q = token_from(msg, len, c, w, sizeof w);
        if (!q || !strcmp(w, "at") || !strcmp(w, "in") || !strcmp(w, "from")) break;
    }
    if (kinds_person(lastw) && !understand_plural(lastw)) return 0;
    while (p < len && msg[p] == ' ') p++;
    return p;
}

/* How many question marks a run of two or more at msg[i] is when its sentence opens with
 * no word of asking and has more than four words ("my flatmate just adopted a
 * hedgehog??"): surprise, written as "!" by the caller; else 0 ("what's my job??" and
 * "and my fave colour??" ask). */
static size_t surprised(const char *msg, size_t len, size_t i)
{
    static const char *const asking[] = {
        "what", "whats", "what's", "where", "wheres", "where's", "who", "whos", "who's",
        "when", "whens", "why", "how", "hows", "how's", "which", "whose", "is", "isn't",
        "isnt", "are", "aren't", "arent", "am", "was", "were", "do", "does", "did", "don't",
        "dont", "doesn't", "doesnt", "didn't", "didnt", "can", "could", "will", "would",
        "should", "have", "has", "shall", "may", "remind", "tell", "u", "you", "any", NULL};
    static const char *const fillers[] = {"ok", "okay", "so", "and", "but", "omg", "lol",
                                          "wait", "hey", "oh", "um", "hmm", "also", NULL};
    size_t n = 0;
    while (i + n < len && msg[i + n] == '?') n++;
    if (n < 2) return 0;
    size_t b = i;
    while (b > 0 && !strchr(".!?\n", msg[b - 1])) b--;
    for (;;) {
        char w[32];
        size_t end = word_from(msg, i, b, w, sizeof w);
        if (!end) return 0;
        int filler = 0;
        for (int k = 0; fillers[k] && !filler; k++) filler = !strcmp(w, fillers[k]);
        if (filler) {
            b = end;
            while (b < i && (msg[b] == ' ' || msg[b] == ',')) b++;
            continue;
        }
        for (int k = 0; asking[k]; k++)
            if (!strcmp(w, asking[k])) return 0;
        int words = 0;      /* "and my fave colour??": a few words ask as they are */
        for (size_t j = b; j < i; j++)
            words += isalpha((unsigned char)msg[j]) && (j == b || msg[j - 1] == ' ');
        return words > 4 ? n : 0;
    }
}

long plain_text(const char *msg, char *out, size_t cap)
{
    char restated[RESTATE_MAX + RESTATE_GROWTH];  /* (whole phrases said again first) */
    if (restate_text(msg, restated, sizeof restated) > 0) msg = restated;
    size_t len = strlen(msg), at = 0;
    int ma = 0;                         /* 吗 owed before the next question mark */
    not_but_t nb = {0, 0, 0, 0, 0, 0};
    int swap = not_this_but(msg, len, &nb);
    for (size_t i = 0; i < len;) {
        if (swap && i == nb.at) {       /* "it's pistachios, not almonds" */
            if (!put(out, cap, &at, "it's ", 5) || !put(out, cap, &at, msg + nb.y, nb.yl) ||
                !put(out, cap, &at, ", not ", 6) || !put(out, cap, &at, msg + nb.x, nb.xl))
                return -1;
            i = nb.end;
            continue;
        }
        size_t back = at;       /* a sentence's start: the fillers before its question */
        while (back > 0 && out[back - 1] == ' ') back--;
        size_t opened, thing, tl, life = back == 0 || strchr(".!?", out[back - 1])
                                                  ? is_life(msg, len, i, &opened, &thing, &tl)
                                                  : 0;
        if (life) {                             /* "jollof is life": "I love jollof" */
            if (!put(out, cap, &at, msg + i, opened - i) || !put(out, cap, &at, "I love ", 7) ||
                !put(out, cap, &at, msg + thing, tl))
                return -1;
            i = life;
            continue;
        }
        if ((back == 0 || strchr(".!?", out[back - 1])) && isalpha((unsigned char)msg[i])) {
            /* "God, the landlord ...", "Jeez, ...": a cry that opens a sentence goes (the
             * reader took "God" for a job) */
            static const char *const cries[] = {"god", "gosh", "jeez", "geez", "lord",
                                                "christ", "blimey", "crikey", NULL};
            char cry[8];
            size_t ce = word_from(msg, len, i, cry, sizeof cry);
            if (ce && ce < len && msg[ce] == ',' && understand_in_list(cries, cry)) {
                for (i = ce + 1; i < len && msg[i] == ' ';) i++;
                continue;
            }
            size_t q = past_fillers(msg, len, i);
            if (q > i) {
                i = q;
                continue;
            }
        }
        if (msg[i] == '.' && tag_follows(msg, len, i)) {   /* "Bergen. right?" */
            if (!put(out, cap, &at, ",", 1)) return -1;
            i++;
            continue;
        }
        if (msg[i] == '.' && names_after_count(msg, len, i)) {     /* "two collies. meg
                                                                 * and tam" */
            if (!put(out, cap, &at, ",", 1)) return -1;
            i++;
            continue;
        }
        /* "I work in Penrith, did I mention?" tells; "where do I work, did I mention?" asks */
        size_t tag = said_tag(msg, len, i);
        if (tag) {
            if (!put(out, cap, &at, sentence_asks(out, at) ? "?" : ".", 1)) return -1;
            i += tag;
            continue;
        }
        int done = 0;
        for (size_t k = 0; k < sizeof a_not_a / sizeof a_not_a[0] && !done; k++) {
            size_t kl = strlen(a_not_a[k][0]);
            if (i + kl <= len && !memcmp(msg + i, a_not_a[k][0], kl)) {
                if (!put(out, cap, &at, a_not_a[k][1], strlen(a_not_a[k][1]))) return -1;
                i += kl;
                ma = done = 1;
            }
        }
        size_t wow = msg[i] == '?' ? surprised(msg, len, i) : 0;
        if (wow) {                              /* "a hedgehog??": "a hedgehog!" */
            if (!put(out, cap, &at, "!", 1)) return -1;
            i += wow;
            continue;
        }
        int mark = msg[i] == '?' ? 1 : !strncmp(msg + i, "\xEF\xBC\x9F", 3) ? 3 : 0; /* ？ */
        if (!done && ma && mark) {
            if (!put_ma(out, cap, &at)) return -1;
            ma = 0;
        }
        if (done) continue;
        /* "我叫小芳，杭州人，二十岁": a clause of a place and 人 alone, after the
         * speaker named themselves, is "我是广州人" (the clauses after it are theirs too) */
        int me_said = 0;
        for (size_t k = 0; at >= 3 && k + 3 <= at && !me_said && cjk_at(msg, len, i); k++)
            me_said = !strncmp(out + k, "我", 3);
        if (me_said && !strncmp(out + at - 3, "，", 3)) {
            size_t k = i, chars = 0;
            while (k < len && cjk_at(msg, len, k) && strncmp(msg + k, "人", 3)) k += 3, chars++;
            int ends = k + 3 <= len && !strncmp(msg + k, "人", 3) &&
                       (k + 3 == len || !strncmp(msg + k + 3, "，", 3) ||
                        !strncmp(msg + k + 3, "。", 3));
            static const char *const many[] = {"我", "好", "很", "多", "不", "几", "有", "没",
                                               "这", "那", "别", "大", "小", NULL};
            for (int m = 0; many[m] && ends; m++)   /* (好多人: many people, no place) */
                ends = strncmp(msg + i, many[m], 3) != 0;
            if (ends && chars >= 2 && chars <= 3) {
                if (!put(out, cap, &at, "我是", strlen("我是"))) return -1;
                if (!put(out, cap, &at, msg + i, k + 3 - i)) return -1;
                i = k + 3;
                continue;
            }
        }
        size_t any = (unsigned char)msg[i] >= 0xE0 ? any_what(msg, len, i) : 0;
        if (any) {                              /* "别推荐什么菜": any dish */
            if (!put(out, cap, &at, "任何", strlen("任何"))) return -1;
            i += any;
            continue;
        }
        for (int z = 0; zh[z][0] && !done; z++) {
            size_t zl = strlen(zh[z][0]);
            if (i + zl <= len && !memcmp(msg + i, zh[z][0], zl)) {
                if (!put(out, cap, &at, zh[z][1], strlen(zh[z][1]))) return -1;
                i += zl;
                done = 1;
            }
        }
        if (done) continue;
        /* "孙女五岁 上幼儿园": a space between Chinese characters parts two clauses */
        if (msg[i] == ' ' && i >= 3 && cjk_at(msg, len, i - 3)) {
            size_t e = i;
            while (e < len && msg[e] == ' ') e++;
            if (cjk_at(msg, len, e)) {
                if (!put(out, cap, &at, "\xEF\xBC\x8C", 3)) return -1;     /* ， */
                i = e;
                continue;
            }
        }
        /* "我叫小林,在青岛": a comma after a Chinese character is the Chinese comma */
        if (msg[i] == ',' && i >= 3 && cjk_at(msg, len, i - 3)) {
            if (!put(out, cap, &at, "\xEF\xBC\x8C", 3)) return -1;     /* ， */
            i++;
            continue;
        }
        unsigned char ch = (unsigned char)msg[i];
        if (!word_char(ch) || (i > 0 && word_before(msg, len, i))) {
            if (!put(out, cap, &at, msg + i, 1)) return -1;
            i++;
            continue;
        }
        size_t own_end;
        char mine[32];
        const char *plainly = own_phrase(msg, len, i, &own_end, mine);
        if (plainly) {                          /* "the wife": "my wife" */
            if (!put(out, cap, &at, plainly, strlen(plainly))) return -1;
            i = own_end;
            continue;
        }
        int told;                               /* "4th year medicine", "doing a masters
                                                 * in law": "I'm studying ..." */
        size_t course = studies_at(msg, len, i, &told);
        if (course) {
            char said[8];
            size_t lead_at = at;
            while (lead_at > 0 && out[lead_at - 1] == ' ') lead_at--;
            word_back(out, at, said, sizeof said);
            /* (a course opens a clause; none in a sentence of "she", "he" or "they":
             * "giulia called! second year of medicine, she says ...") */
            int opens = (lead_at == 0 || strchr(".!?,;\n", out[lead_at - 1])) &&
                        !of_another(msg, len, i);
            int mine = !strcmp(said, "m") || !strcmp(said, "am") || !strcmp(said, "im");
            int be = !told && (!strcmp(said, "is") || !strcmp(said, "'s") || !strcmp(said, "are"));
            /* ("I'm doing a diploma in ..." the reader reads as it is) */
            const char *as = opens ? "I'm studying " : (mine && told) || be ? "studying " : NULL;
            if (told == 3)              /* (where: "I'm a student at ...", as the reader knows) */
                as = opens ? PLAIN_STUDENT : mine ? &PLAIN_STUDENT[4] : NULL;
            if (as) {
                if (!put(out, cap, &at, as, strlen(as))) return -1;
                i = course;
                continue;
            }
        }
        if (forgets_the(msg, len, i)) {         /* "forget the cat": "forget my cat" */
            if (!put(out, cap, &at, msg[i] == 'T' ? "My" : "my", 2)) return -1;
            i += 3;
            continue;
        }
        size_t e = i;
        for (size_t l; e < len; e += l)
            if (!(l = word_char((unsigned char)msg[e]) ? 1 : plain_two_byte_letter(msg, len, e))) break;
        size_t wl = e - i;
        char kin[32], key[32];
        size_t colon = wl < sizeof kin ? note_number_end(msg, len, e) : 0;
        if (colon) {
            for (size_t k = 0; k < wl; k++) kin[k] = (char)tolower((unsigned char)msg[i + k]);
            kin[wl] = '\0';
            understand_holder_of(kin, key, sizeof key);
            if (understand_kin(key) || dialogue_pet_word(key)) {  /* "kid #2:" is "kid:" */
                if (!put(out, cap, &at, msg + i, wl)) return -1;
                i = colon;
                continue;
            }
        }
        const char *with = NULL;
        for (int s = 0; spelled[s][0] && !with; s++)
            if (strlen(spelled[s][0]) == wl && !strncasecmp(msg + i, spelled[s][0], wl))
                with = spelled[s][1];
        if (with && wl == 2 && !strncasecmp(msg + i, "gp", 2)) {     /* (a GP surgery) */
            char next[32];
            word_from(msg, len, e, next, sizeof next);
            with = plain_word_before("gp", next);
        }
        if (!with && (wl == 4 || wl == 3)) {    /* ("my moms down in Macon", "a gig as") */
            char word[5], next[32];
            snprintf(word, sizeof word, "%.*s", (int)wl, msg + i);
            word_from(msg, len, e, next, sizeof next);
            with = plain_word_before(word, next);
        }
        /* "n" and "w" only between words: "fish n chips", "lunch w my aunt" */
        if (!with && wl == 1 && (msg[i] == 'n' || msg[i] == 'N') &&
            (between_words(msg, len, i, e) || opens_question(msg, len, i, e)))
            with = "and";
        if (!with && wl == 1 && (msg[i] == 'w' || msg[i] == 'W') && between_words(msg, len, i, e))
            with = "with";
        /* "bout" before whom or what it is about ("what u remember bout me"; a boxer's bout
         * stays) */
        if (!with && wl == 4 && !strncasecmp(msg + i, "bout", 4) && e < len && msg[e] == ' ') {
            static const char *const of[] = {"me", "mi", "you", "u", "it", "that", "this", "my",
                                             "your", "them", "him", "her", "us", NULL};
            size_t b = e + 1, n = 0;
            while (b + n < len && isalpha((unsigned char)msg[b + n])) n++;
            for (int o = 0; of[o] && !with; o++)
                if (strlen(of[o]) == n && !strncasecmp(msg + b, of[o], n)) with = "about";
        }
        /* "tell mi", "bout mi", "call mi Dessie": "mi" after a verb of telling or a word
         * that leads to whom, or ending a sentence, is "me" (before a thing it is "my",
         * below) */
        if (!with && wl == 2 && !strncasecmp(msg + i, "mi", 2)) {
            static const char *const to_me[] = {"tell", "about", "bout", "to", "for", "with",
                                                "call", "give", "help", "remind", "ask",
                                                "know", "show", "from", NULL};
            char bw[16];
            word_back(msg, i, bw, sizeof bw);
            int last = e >= len || strchr(".!?,", msg[e]);
            if (last || understand_in_list(to_me, bw)) with = "me";
        }
        /* "wah mi name again?", "wah yuh do" (Jamaican): "wah" before whom it asks of is
         * "what" (elsewhere a cry: "wah, so nice", "wah my boy is tall now") */
        if (!with && wl == 3 && !strncasecmp(msg + i, "wah", 3) && e + 1 < len && msg[e] == ' ') {
            static const char *const asked[] = {"mi", "yuh", "yu", "you", "u", "is", "dem",
                                                NULL};
            char nx[8];
            if (word_from(msg, len, e, nx, sizeof nx) && understand_in_list(asked, nx))
                with = msg[i] == 'W' ? "What" : "what";
        }
        /* "hola, soy Marta": Spanish "soy" before a name with a capital is "I'm" ("soy
         * milk" stays) */
        if (!with && wl == 3 && !strncasecmp(msg + i, "soy", 3) && e + 1 < len &&
            msg[e] == ' ' && isupper((unsigned char)msg[e + 1]))
            with = msg[i] == 'S' ? "I'm" : "i'm";
        /* "Myself Lakshmi, from Pune ...": "myself" that opens a sentence before a name
         * is "I am" */
        size_t prev = at;
        while (prev > 0 && out[prev - 1] == ' ') prev--;
        if (!with && wl == 6 && !strncasecmp(msg + i, "myself", 6) && e + 1 < len &&
            msg[e] == ' ' && isupper((unsigned char)msg[e + 1]) &&
            (prev == 0 || strchr(".!?,", out[prev - 1])))
            with = "I am";
        /* "name's Ottar, 55, ...", "howdy name's Ottar": "name's" that opens a sentence, or
         * follows a greeting alone, is the speaker's */
        if (!with && wl == 6 && !strncasecmp(msg + i, "name's", 6) && e < len && msg[e] == ' ') {
            size_t pb = prev;           /* the word before it, when it is one of greeting */
            if (pb > 0 && out[pb - 1] == ',') pb--;     /* ("howdy, name's ...") */
            while (pb > 0 && out[pb - 1] == ' ') pb--;
            size_t ge = pb;
            while (pb > 0 && isalpha((unsigned char)out[pb - 1])) pb--;
            char greet[16];
            snprintf(greet, sizeof greet, "%.*s", (int)(ge - pb < 15 ? ge - pb : 15), out + pb);
            for (char *g = greet; *g; g++) *g = (char)tolower((unsigned char)*g);
            size_t gb = pb;
            while (gb > 0 && out[gb - 1] == ' ') gb--;
            if (prev == 0 || strchr(".!?", out[prev - 1]) ||       /* (not "a dog, name's
                                                                     * Bosun": the dog's) */
                (understand_in_list(understand_greetings, greet) &&
                 (gb == 0 || strchr(".!?", out[gb - 1]))))
                with = "my name's";
        }
        /* "three kids, eldest Noor is at uni, youngest Sami is 4": a word of place among
         * one's children right after a comma, before a name, is "my eldest" */
        static const char *const placed[] = {"eldest", "youngest", "oldest", NULL};
        char pw[10];
        snprintf(pw, sizeof pw, "%.*s", (int)(wl < sizeof pw ? wl : 0), msg + i);
        for (char *c = pw; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!with && prev > 0 && out[prev - 1] == ',' && understand_in_list(placed, pw) &&
            e + 1 < len && msg[e] == ' ' && isupper((unsigned char)msg[e + 1]))
            with = !strcmp(pw, "eldest") ? "my eldest" : !strcmp(pw, "youngest") ? "my youngest"
                                                                                   : "my oldest";
        /* "kids are Lior (7) and Ada (2)", "wife is Jo": a note of one's own people
         * that opens a sentence without "my" */
        static const char *const own[][2] = {{"kids", "my kids"}, {"children", "my children"},
                                              {"boys", "my boys"}, {"girls", "my girls"},
                                              {"twins", "my twins"}, {"wife", "my wife"},
                                              {"husband", "my husband"},
                                              {"partner", "my partner"}};
        for (size_t o = 0; !with && (prev == 0 || strchr(".!?", out[prev - 1])) &&
                           o < sizeof own / sizeof own[0];
             o++)
            if (wl == strlen(own[o][0]) && !strncasecmp(msg + i, own[o][0], wl) &&
                e + 4 < len && msg[e] == ' ' &&
                (!strncasecmp(msg + e + 1, "are ", 4) || !strncasecmp(msg + e + 1, "is ", 3)))
                with = own[o][1];
        /* "dog is Ferda", "son's 12": a pet or kin word that opens a sentence before "is"
         * and a name or a number is the user's own */
        if (!with && (prev == 0 || strchr(".!?", out[prev - 1])) && wl < 16 && e + 4 < len) {
            char own_w[16], key[UNDERSTAND_KEY];
            for (size_t k = 0; k < wl; k++) own_w[k] = (char)tolower((unsigned char)msg[i + k]);
            own_w[wl] = '\0';
            size_t v = !strncmp(msg + e, " is ", 4) ? e + 4 : !strncmp(msg + e, "'s ", 3) ? e + 3 : 0;
            understand_holder_of(own_w, key, sizeof key);
            if (v && v < len && (isupper((unsigned char)msg[v]) || isdigit((unsigned char)msg[v])) &&
                ((strcmp(key, "self") && understand_kin(key)) || dialogue_pet_word(own_w))) {
                if (!put(out, cap, &at, msg[i] == toupper((unsigned char)msg[i]) ? "My " : "my ", 3) ||
                    !put(out, cap, &at, own_w, wl))
                    return -1;
                i = e;
                continue;
            }
        }
        /* "the last born", "my first born": one word, the child's place among them */
        if (!with && (wl == 4 || wl == 5) && e + 5 <= len && msg[e] == ' ' &&
            !strncasecmp(msg + e + 1, "born", 4) &&
            (e + 5 == len || !word_char((unsigned char)msg[e + 5])) &&
            (!strncasecmp(msg + i, "last", 4) || !strncasecmp(msg + i, "first", 5))) {
            const char *one = wl == 4 ? "lastborn" : "firstborn";
            if (!put(out, cap, &at, one, strlen(one))) return -1;
            i = e + 5;
            continue;
        }
        /* "a spaniel, name of Bramble", "he goes by Tofu": a word of naming before a name */
        size_t named_end = 0;
        const char *naming = !with ? naming_phrase(msg, len, i, &named_end) : NULL;
        if (naming) {
            if (!put(out, cap, &at, naming, strlen(naming))) return -1;
            i = named_end;
            continue;
        }
        /* "we've a cat", "I've two sisters" (Irish, British): "have" a thing, not a
         * "have" before a verb ("we've got", "I've moved") */
        static const char *const have[][2] = {{"we've", "we have"}, {"i've", "I have"}};
        for (size_t h = 0; !with && h < sizeof have / sizeof have[0]; h++) {
            static const char *const things[] = {"a", "an", "two", "three", "four", "five",
                                                 "six", "one", NULL};
            size_t b = e + 1, n = 0;
            if (wl != strlen(have[h][0]) || strncasecmp(msg + i, have[h][0], wl) ||
                e >= len || msg[e] != ' ')
                continue;
            while (b + n < len && isalpha((unsigned char)msg[b + n])) n++;
            for (int t = 0; things[t] && !with; t++)
                if (strlen(things[t]) == n && !strncasecmp(msg + b, things[t], n))
                    with = have[h][1];
        }
        /* "sixty-two", "Twenty-one": the number in digits ("62"), which the reader reads
         * as a number where the words it may not */
        char tens_ones[4];
        size_t te = e + 1;
        while (te < len && isalpha((unsigned char)msg[te])) te++;
        if (!with && e < len && msg[e] == '-' && tens_and_ones(msg + i, te - i, tens_ones)) {
            if (!put(out, cap, &at, tens_ones, strlen(tens_ones))) return -1;
            i = te;
            continue;
        }
        /* "t'dog" (Yorkshire): "the dog" */
        char the[40];
        if (!with && wl > 2 && wl + 3 < sizeof the && (msg[i] == 't' || msg[i] == 'T') &&
            msg[i + 1] == '\'' && isalpha((unsigned char)msg[i + 2])) {
            snprintf(the, sizeof the, "the %.*s", (int)(wl - 2), msg + i + 2);
            with = the;
        }
        /* "workin'", "drivin'": the -ing the apostrophe stands for (not a name's, with a
         * capital mid-sentence: "a Dunkin' guy") */
        char ing[32];
        size_t lead = i;
        while (lead > 0 && msg[lead - 1] == ' ') lead--;
        int named = isupper((unsigned char)msg[i]) && lead > 0 && !strchr(".!?\n", msg[lead - 1]);
        if (!with && wl >= 5 && wl + 1 < sizeof ing && !strncasecmp(msg + e - 3, "in'", 3) &&
            !named) {
            snprintf(ing, sizeof ing, "%.*sg", (int)(wl - 1), msg + i);
            with = ing;
        }
        /* "she's working like a chemist", "working since 5 years like electrician" (as
         * "como" says it): "like" right after a word of working, or up to five words after
         * it before a kind of person, is "as" (not "like a dog"); "my wife name na Ngozi"
         * (Nigerian Pidgin): "is", and "him name": "his name" */
        if (!with && wl == 4 && !strncasecmp(msg + i, "like", 4)) {
            static const char *const working[] = {"work", "works", "working", "worked", NULL};
            char bw[12] = "", n1[24], n2[24];
            int worked = 0, right = 0;  /* (a verb of work up to five words before) */
            for (size_t b = i, k = 0; k < 5 && !worked; k++) {
                word_back(msg, b, bw, sizeof bw);
                while (b > 0 && msg[b - 1] == ' ') b--;
                if (!bw[0] && (b == 0 || !isdigit((unsigned char)msg[b - 1]))) break;
                worked = understand_in_list(working, bw);
                right = worked && k == 0;
                while (b > 0 && isalnum((unsigned char)msg[b - 1])) b--;   /* ("for 3 years") */
            }
            size_t a1 = word_from(msg, len, e, n1, sizeof n1);
            size_t a2 = a1 ? word_from(msg, len, a1, n2, sizeof n2) : 0;
            const char *job = !strcmp(n1, "a") || !strcmp(n1, "an") ? (a2 ? n2 : "") : n1;
            if (worked && !kinds_animal(job) && !dialogue_pet_word(job) &&
                (right || (a1 && kinds_person(job))))
                with = "as";
        }
        if (!with && wl == 2 && !strncasecmp(msg + i, "na", 2)) {
            char bw[8];
            word_back(msg, i, bw, sizeof bw);
            if (!strcmp(bw, "name")) with = "is";
        }
        if (!with && wl == 3 && !strncasecmp(msg + i, "him", 3) && e + 5 <= len &&
            !strncasecmp(msg + e, " name", 5) && (e + 5 == len || !isalpha((unsigned char)msg[e + 5])))
            with = "his";               /* ("him name na Ikenna") */
        /* "I dey work as ...", "which club I dey support?" (Nigerian Pidgin): "dey" between
         * whom it tells of and a verb marks it ongoing; the verb alone says it */
        if (!with && wl == 3 && !strncasecmp(msg + i, "dey", 3) && e + 1 < len && msg[e] == ' ' &&
            isalpha((unsigned char)msg[e + 1])) {
            static const char *const who[] = {"i", "we", "you", "u", "he", "she", "they", "still",
                                              "una", "dem", NULL};
            char bw[8];
            word_back(msg, i, bw, sizeof bw);
            if (understand_in_list(who, bw)) {
                i = e + 1;
                continue;
            }
        }
        /* Indian English: "native place" is the home town ("Native place is Madurai"
         * opening a sentence is the speaker's), "staying in" a town is living there,
         * "shifted to" is "moved to", and "only" after a town's name ("in Pune only")
         * stresses it */
        if (!with && wl == 6 && !strncasecmp(msg + i, "native", 6) && e + 6 <= len &&
            !strncasecmp(msg + e, " place", 6) && (e + 6 == len || !isalpha((unsigned char)msg[e + 6]))) {
            const char *home = prev == 0 || strchr(".!?", out[prev - 1])
                                   ? (msg[i] == 'N' ? "My hometown" : "my hometown")
                                   : "hometown";
            if (!put(out, cap, &at, home, strlen(home))) return -1;
            i = e + 6;
            continue;
        }
        if (!with && ((wl == 7 && !strncasecmp(msg + i, "staying", 7)) ||
                      (wl == 4 && !strncasecmp(msg + i, "stay", 4))) &&
            e + 4 < len && !strncmp(msg + e, " in ", 4) && isupper((unsigned char)msg[e + 4]))
            with = wl == 7 ? "living" : "live";
        if (!with && wl == 7 && !strncasecmp(msg + i, "shifted", 7) && e + 4 < len &&
            !strncmp(msg + e, " to ", 4))
            with = msg[i] == 'S' ? "Moved" : "moved";
        if (wl == 4 && !strncasecmp(msg + i, "only", 4) && i >= 2 &&
            (e == len || strchr(".,!?;", msg[e]))) {
            size_t pb = i - 1, pw;      /* the word before, with a capital */
            while (pb > 0 && msg[pb - 1] == ' ') pb--;
            for (pw = pb; pw > 0 && (isalpha((unsigned char)msg[pw - 1]) ||
                                     (unsigned char)msg[pw - 1] >= 0x80); pw--) {}
            if (pb > pw && isupper((unsigned char)msg[pw]) && pw > 0) {
                while (at > 0 && out[at - 1] == ' ') at--;
                i = e;
                continue;
            }
        }
        /* "what do I do at present?": "at present" is "now" (the reader took "at" for
         * where one works) */
        if (!with && wl == 2 && !strncasecmp(msg + i, "at", 2) && e + 8 <= len &&
            !strncasecmp(msg + e, " present", 8) &&
            (e + 8 == len || !isalpha((unsigned char)msg[e + 8]))) {
            if (!put(out, cap, &at, msg[i] == 'A' ? "Now" : "now", 3)) return -1;
            i = e + 8;
            continue;
        }
        /* "Been a plumber for 20 years.": "been a" or "been an" and a kind of person
         * opening a sentence tells of the speaker, "I've been a ..." */
        if (!with && wl == 4 && !strncasecmp(msg + i, "been", 4)) {
            static const char *const states[] = {"widower", "widow", "mum", "mom", "dad",
                                                 "parent", "member", "fan", NULL};
            char nx[8], job[24] = "";
            size_t lead_at = at, ne = word_from(msg, len, e, nx, sizeof nx);
            while (lead_at > 0 && out[lead_at - 1] == ' ') lead_at--;
            if (ne) word_from(msg, len, ne, job, sizeof job);
            if ((lead_at == 0 || strchr(".!?\n", out[lead_at - 1])) && ne &&
                (!strcmp(nx, "a") || !strcmp(nx, "an")) && kinds_person(job) &&
                !understand_in_list(states, job))   /* (a trade, not "a widower") */
                with = msg[i] == 'B' ? "I've been" : "i've been";
        }
        /* "Am a roofer in Leek.", "Am Fergus, ...": "am" opening a sentence before "a",
         * "an", "the", "from", "in" or a name with a capital (a statement: "Am Fergus?"
         * asks nothing of the speaker) tells of the speaker, "I am" */
        if (!with && wl == 2 && !strncasecmp(msg + i, "am", 2)) {
            static const char *const told[] = {"a", "an", "the", "from", "in", "now",
                                               "currently", "still", NULL};
            char nx[16];
            size_t lead_at = at;
            while (lead_at > 0 && out[lead_at - 1] == ' ') lead_at--;
            int opens = lead_at == 0 || strchr(".!?\n", out[lead_at - 1]);
            size_t nx_end = opens ? word_from(msg, len, e, nx, sizeof nx) : 0;
            for (int t = 0; nx_end && told[t] && !with; t++)
                if (!strcmp(nx, told[t])) with = msg[i] == 'A' ? "I am" : "i am";
            size_t ne = e;
            while (ne < len && !strchr(".!?\n", msg[ne])) ne++;
            if (!with && nx_end && isupper((unsigned char)msg[nx_end - strlen(nx)]) &&
                strcmp(nx, "i") && (ne == len || msg[ne] != '?'))
                with = msg[i] == 'A' ? "I am" : "i am";
        }
        /* "I have 27 years" (as Spanish, Portuguese, Italian and French say it): "I am
         * 27 years old", not years of something ("I have 20 years of experience"); "Ana
         * she has 10 years": "she is 10 years old" */
        int has = wl == 3 && !strncasecmp(msg + i, "has", 3);
        if (!with && (has || (wl == 4 && !strncasecmp(msg + i, "have", 4)))) {
            char back[8], unit[8], after[16];
            word_back(msg, i, back, sizeof back);
            size_t d = e;
            while (d < len && msg[d] == ' ') d++;
            size_t de = d;
            while (de < len && isdigit((unsigned char)msg[de])) de++;
            size_t ue = de > d && de - d <= 3 ? word_from(msg, len, de, unit, sizeof unit) : 0;
            size_t ae = ue ? word_from(msg, len, ue, after, sizeof after) : 0;
            long v = de > d ? strtol(msg + d, NULL, 10) : 0;
            if ((has ? !strcmp(back, "she") || !strcmp(back, "he") : !strcmp(back, "i")) && ue &&
                (!strcmp(unit, "years") || !strcmp(unit, "year")) && v >= 1 && v <= 120 &&
                (has || v >= 2) &&
                (!ae || !strcmp(after, "old") || !strcmp(after, "and") ||
                 !strcmp(after, "but") || !strcmp(after, "now"))) {
                if (!put(out, cap, &at, has ? "is " : "am ", 3) || !put(out, cap, &at, msg + d, de - d) ||
                    !put(out, cap, &at, " years", 6))
                    return -1;
                if (!ae || strcmp(after, "old"))
                    if (!put(out, cap, &at, " old", 4)) return -1;
                i = ue;
                continue;
            }
        }
        /* "which one of my nieces ...": "which of my nieces"; "which of my cousins is the
         * tall one?": "... is tall?" */
        char before_w[8] = "", next1[24] = "", next2[8] = "";
        size_t n1 = word_from(msg, len, e, next1, sizeof next1);
        size_t n2 = n1 ? word_from(msg, len, n1, next2, sizeof next2) : 0;
        word_back(msg, i, before_w, sizeof before_w);
        if (wl == 3 && !strncasecmp(msg + i, "one", 3) && !strcmp(before_w, "which") &&
            !strcmp(next1, "of")) {
            i = e;
            while (i < len && msg[i] == ' ') i++;
            continue;
        }
        if (wl == 3 && !strncasecmp(msg + i, "the", 3) &&
            (!strcmp(before_w, "is") || !strcmp(before_w, "'s")) && n2 && !strcmp(next2, "one") &&
            (n2 >= len || !isalnum((unsigned char)msg[n2]))) {
            size_t w1 = e;
            while (w1 < len && msg[w1] == ' ') w1++;
            if (!put(out, cap, &at, msg + w1, strlen(next1))) return -1;
            i = n2;
            continue;
        }
        /* "and little Zac is 3", "wee Cara's 4": a word of fondness, in lower case, before
         * a name a fact is told of goes (the name is whom the fact is of) */
        int fond = (wl == 6 && !strncmp(msg + i, "little", 6)) ||
                   (wl == 3 && (!strncmp(msg + i, "wee", 3) || !strncmp(msg + i, "lil", 3)));
        size_t nl1 = strlen(next1);
        if (!with && fond && n1 && isupper((unsigned char)msg[n1 - nl1]) &&
            ((nl1 > 2 && !strcmp(next1 + nl1 - 2, "'s")) || !strcmp(next2, "is") ||
             !strcmp(next2, "was") || !strcmp(next2, "turned") || !strcmp(next2, "just"))) {
            i = n1 - nl1;
            continue;
        }
        /* "its a golf": before "a" or "an", "its" is "it's" (never the possessive) */
        if (!with && wl == 3 && !strncasecmp(msg + i, "its", 3) &&
            (!strcmp(next1, "a") || !strcmp(next1, "an")))
            with = msg[i] == 'I' ? "It's" : "it's";
        /* "wi' me nana", "me mam's", "ma boy", "mi son": "me", "ma", "mi" or "mah" before a
         * word of kin or a pet is "my", and "ma", "mi" or "mah" before a thing of one's own
         * ("whit's ma name") too ("tell me name ..." keeps its "me") */
        int my_said = (wl == 2 && (!strncasecmp(msg + i, "me", 2) ||
                                   !strncasecmp(msg + i, "ma", 2) ||
                                   !strncasecmp(msg + i, "mi", 2))) ||
                      (wl == 3 && !strncasecmp(msg + i, "mah", 3));
        if (!with && my_said && e < len && msg[e] == ' ') {
            size_t k = e + 1, ke = k;
            while (ke < len && isalpha((unsigned char)msg[ke])) ke++;
            char next[24], key[UNDERSTAND_KEY];
            if (ke > k && ke - k < sizeof next) {
                snprintf(next, sizeof next, "%.*s", (int)(ke - k), msg + k);
                for (char *c = next; *c; c++) *c = (char)tolower((unsigned char)*c);
                const char *spelt = plain_word(next);       /* ("mi dawg": a dog) */
                if (spelt && strlen(spelt) < sizeof next) snprintf(next, sizeof next, "%s", spelt);
                understand_holder_of(next, key, sizeof key);
                static const char *const own[] = {"name", "job", "age", "birthday", "car",
                                                  "house", "team", "pals", "mates", "address",
                                                  "work", "school", NULL};
                int me = tolower((unsigned char)msg[i + 1]) == 'e';
                if ((strcmp(key, "self") != 0 && understand_kin(key)) ||
                    dialogue_pet_word(next) || (!me && understand_in_list(own, next)))
                    with = "my";
            }
        }
        /* "I am plumber", "I work as bus driver", "I be nurse": a kind of person right
         * after "am", "I'm" or "as" (or one word after it: "bus driver"), said without
         * its article, takes "a" ("an"), as the reader learnt jobs told */
        char said[8];
        word_back(out, at, said, sizeof said);
        char w0[24];
        snprintf(w0, sizeof w0, "%.*s", (int)(wl < sizeof w0 ? wl : sizeof w0 - 1), msg + i);
        if (!with && islower((unsigned char)msg[i]) && wl < sizeof w0 &&
            (!strcmp(said, "am") || !strcmp(said, "m") || !strcmp(said, "im") ||
             !strcmp(said, "as") || (!strcmp(said, "be") && at >= 5 &&
                                     !strncasecmp(out + at - 5, "i be ", 5)))) {
            static const char *const not_one[] = {"also", "still", "now", "just", "really",
                                                  "very", "currently", "not", "no", "so",
                                                  "the", "a", "an", "my", "your", "his", "her",
                                                  "from", "in", "at", "with", "going", "here",
                                                  "there", "well", "good", "fine", "ok", NULL};
            char nx[24] = "", after[8] = "";
            size_t ne = word_from(msg, len, e, nx, sizeof nx);
            const char *job = trade(w0) ? w0 : ne && trade(nx) ? nx : NULL;
            if (job) word_from(msg, len, job == w0 ? e : ne, after, sizeof after);
            char key[UNDERSTAND_KEY];
            if (job) understand_holder_of(job, key, sizeof key);
            if (job && !understand_in_list(not_one, w0) && !understand_plural(job) &&
                !dialogue_pet_word(job) && !understand_kin(key) &&
                (job == w0 || (ne && (ne >= len || !isalpha((unsigned char)msg[ne])))) &&
                strcmp(after, "of") != 0) {     /* ("maid of honour", "mother of two") */
                const char *art = strchr("aeiou", w0[0]) ? "an " : "a ";
                if (!put(out, cap, &at, art, strlen(art))) return -1;
            }
        }
        /* an age written short: "4yo", "4y/o", "4yrs" */
        size_t d = i;
        while (d < e && isdigit((unsigned char)msg[d])) d++;
        static const char *const old[] = {"yo", "y/o", "yro", NULL};   /* ("6yrs" may be
                                                                           * how long) */
        int age = 0, after = 0;     /* ("29 yo": the number a word before) */
        for (int o = 0; old[o] && d > i && d < e && !age; o++)
            age = strlen(old[o]) == e - d && !strncasecmp(msg + d, old[o], e - d);
        for (int o = 0; old[o] && d == i && i >= 2 && msg[i - 1] == ' ' &&
                        isdigit((unsigned char)msg[i - 2]) && !after; o++)
            after = strlen(old[o]) == wl && !strncasecmp(msg + i, old[o], wl);
        if (after) {
            if (!put(out, cap, &at, "years old", 9)) return -1;
        } else if (age) {
            if (!put(out, cap, &at, msg + i, d - i) || !put(out, cap, &at, " years old", 10))
                return -1;
        } else if (with) {
            if (!put(out, cap, &at, with, strlen(with))) return -1;
        } else if (!put(out, cap, &at, msg + i, wl)) {
            return -1;
        }
        i = e;
    }
    if (ma && !put_ma(out, cap, &at)) return -1;   /* (asked with no question mark) */
    if (at + 1 > cap) return -1;
    out[at] = '\0';
    return (long)at;
}
