/* terse.c: a message written as notes ("Hedda. 52. welder, Narvik. dog Rufus, collie,
 * 9.") in the sentences it stands for (terse.h). Each sentence is split into notes at
 * commas and semicolons; each note is matched against the few shapes notes about oneself
 * take (a name, an age, a diet, a job, a pet or person of one's own, a pet's kind, a
 * place, where one is from) in that order, each after what the sentence has named ("I'm
 * Ilse" a name when notes follow it to the sentence's end); a sentence is written out
 * when the notes that open it have shapes (a greeting before them kept, the user's own
 * words after them a sentence of their own, and so are such words between two notes:
 * "..., my eyes are bad, retired tailor, ..."), and the message
 * only when two notes or more do, one of them telling an age, a job or one of the user's
 * own. */
#include "agent/terse.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/checks.h"
#include "agent/eating.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lexical.h"

/* At most this many words in a note, and bytes in a word. */
#define TERSE_WORDS 4
#define TERSE_WORD 40
/* At most this many notes in a sentence. */
#define TERSE_NOTES 12

/* The shapes of a note. */
enum { NOTE_NONE, NOTE_NAME, NOTE_AGE, NOTE_JOB, NOTE_PLACE, NOTE_FROM, NOTE_OWN, NOTE_KIND,
       NOTE_DIET };

/* Whom a sentence's notes are of: the user (name empty), or a pet or person named in it
 * ("Rufus", the dog). */
typedef struct {
    char name[TERSE_WORD];
    char word[TERSE_WORD];              /* its pet or kin word as written ("dog") */
    int pet;
} holder_t;

/* 1 when the byte opens a letter: ASCII letters and any byte of a UTF-8 sequence. */
static int letter(unsigned char c)
{
    return isalpha(c) || c >= 0x80;
}

/* 1 when word is letters only (and inner "-" or "'"). */
static int wordy(const char *w)
{
    if (!*w || !letter((unsigned char)*w)) return 0;
    for (const char *p = w; *p; p++)
        if (!letter((unsigned char)*p) && *p != '-' && *p != '\'') return 0;
    return 1;
}

/* 1 when word opens with a capital (a byte of UTF-8 is taken as one: "Ørsta"). */
static int capital(const char *w)
{
    unsigned char c = (unsigned char)*w;
    return isupper(c) || c >= 0x80;
}

/* The words of text[b, e) into w (spaces between): their count, -1 when there are more
 * than TERSE_WORDS or one is too long. */
static int words_of(const char *text, size_t b, size_t e, char w[][TERSE_WORD])
{
    int n = 0;
    for (size_t i = b; i < e;) {
        while (i < e && isspace((unsigned char)text[i])) i++;
        if (i >= e) break;
        size_t s = i;
        while (i < e && !isspace((unsigned char)text[i])) i++;
        if (n == TERSE_WORDS || i - s >= TERSE_WORD) return -1;
        memcpy(w[n], text + s, i - s);
        w[n++][i - s] = '\0';
    }
    return n;
}

/* 1 when w is a pet word ("dog") or a word of kin ("wife", "sis"). */
static int own_word(const char *w, int *pet)
{
    char key[UNDERSTAND_KEY];
    *pet = dialogue_pet_word(w);
    if (*pet) return 1;
    understand_holder_of(w, key, sizeof key);
    return strcmp(key, "self") && understand_kin(key);
}

/* 1 when w can be a name: letters with a capital, not a word of greeting or of
 * answering, a month, a day, a pet, kin or a kind of person. */
static int name_word(const char *w)
{
    static const char *const answering[] = {"thanks", "thx", "cheers", "sure", "yes", "yeah",
                                            "yep", "no", "nope", "ok", "okay", "lol", "wow",
                                            "cool", "nice", "great", "sorry", "well", "hmm",
                                            "bye", "morning", "evening", "night", NULL};
    int pet;
    char low[TERSE_WORD];
    size_t n = strlen(w);
    if (n < 2 || !wordy(w) || !capital(w)) return 0;
    static const char *const endings[] = {"ing", "ly", "ed", NULL};    /* ("Kidding") */
    for (int k = 0; endings[k]; k++) {
        size_t el = strlen(endings[k]);
        if (n > el + 1 && !strcasecmp(w + n - el, endings[k])) return 0;
    }
    for (size_t i = 0; i <= n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    return !understand_in_list(understand_greetings, low) &&
           !understand_in_list(answering, low) && !understand_month(low) &&
           !understand_weekday(low) && !own_word(low, &pet) && !kinds_person(low);
}

/* The age a note tells ("52", "52 years", "52 years old"), or -1. */
static long age_of(char w[][TERSE_WORD], int n)
{
    long v;
    if (n < 1 || n > 3 || !isdigit((unsigned char)w[0][0]) || !understand_number(w[0], &v))
        return -1;
    for (const char *p = w[0]; *p; p++)
        if (!isdigit((unsigned char)*p)) return -1;
    if (n >= 2 && strcasecmp(w[1], "years") && strcasecmp(w[1], "yrs")) return -1;
    if (n == 3 && strcasecmp(w[2], "old")) return -1;
    return v <= CHECKS_MAX_AGE ? v : -1;
}

/* The words of a job ("welder", "bus driver", "a retired nurse in Leeds") up to where
 * "in" or "at" opens its place: that count, 0 when the note is no job. */
static int job_words(char w[][TERSE_WORD], int n)
{
    int end = n, pet;
    for (int k = 1; k < n; k++)
        if (!strcasecmp(w[k], "in") || !strcasecmp(w[k], "at")) {
            end = k;
            break;
        }
    if (end < n && (end + 1 >= n || !capital(w[end + 1]))) return 0;
    for (int k = 0; k < end; k++) {     /* (words of a trade: "retired bus driver", not
                                         * "is a firefighter" nor "my son-in-law") */
        char lw[TERSE_WORD];
        size_t kl = strlen(w[k]);
        for (size_t i = 0; i <= kl; i++) lw[i] = (char)tolower((unsigned char)w[k][i]);
        int article = k == 0 && (!strcmp(lw, "a") || !strcmp(lw, "an"));
        if (!wordy(w[k]) || (!article && (lex_is_stopword(lw) || strchr(lw, '-')))) return 0;
    }
    char low[TERSE_WORD];
    size_t l = strlen(w[end - 1]);
    for (size_t i = 0; i <= l; i++) low[i] = (char)tolower((unsigned char)w[end - 1][i]);
    static const char *const anyone[] = {"man", "woman", "guy", "lady", "person", "people",
                                         "boy", "girl", "dude", "mate", "bro", "lad", "lass",
                                         NULL};    /* ("howay man": no trade) */
    if (own_word(low, &pet) || !kinds_person(low) || understand_in_list(anyone, low)) return 0;
    return end;
}

/* The shape of note w[0, n) (the k-th of its sentence, after a note of shape before;
 * first when it opens the message), with whom it is of in h. */
static int shape(char w[][TERSE_WORD], int n, int before, int first, const holder_t *h)
{
    int pet;
    if (n == 1 && first && name_word(w[0])) return NOTE_NAME;
    if (first && ((n == 2 && (!strcasecmp(w[0], "i'm") || !strcasecmp(w[0], "im"))) ||
                  (n == 3 && !strcasecmp(w[0], "i") && !strcasecmp(w[1], "am"))) &&
        capital(w[n - 1]) && name_word(w[n - 1]))
        return NOTE_NAME;               /* "I'm Jules, 71, retired baker, Quebec" */
    if (n == 2 && ((!strcasecmp(w[0], "name") && name_word(w[1])) ||
                   (name_word(w[0]) && !strcasecmp(w[1], "here"))))
        return NOTE_NAME;
    long age = age_of(w, n);
    if (age >= 0)
        return h->name[0] || age >= CHECKS_MIN_USER_AGE ? NOTE_AGE : NOTE_NONE;
    if (n == 1 && eating_diet_word(w[0])) return NOTE_DIET;     /* (a vegan is a person) */
    if (job_words(w, n)) return NOTE_JOB;
    int own = n - 2;                    /* "dog Rufus", "my sis Maja", "Dog: Rufus" */
    char word[TERSE_WORD];
    snprintf(word, sizeof word, "%s", n >= 2 ? w[own] : "");
    size_t wl = strlen(word);
    if (wl > 1 && word[wl - 1] == ':') word[wl - 1] = '\0';
    for (char *c = word; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (n >= 2 && n <= 3 && (n == 2 || !strcasecmp(w[0], "my")) && own_word(word, &pet) &&
        name_word(w[own + 1]))
        return NOTE_OWN;
    if (h->pet && n <= 2 && wordy(w[0]) &&
        (kinds_animal(w[n - 1]) || (n == 2 && !strcasecmp(w[1], "mix") && kinds_animal(w[0]))))
        return NOTE_KIND;
    int caps = 1;                       /* (no "I'm": a place has no apostrophe) */
    for (int k = 1; k < n; k++) caps &= wordy(w[k]) && capital(w[k]) && !strchr(w[k], '\'');
    if (n >= 2 && caps && !strcasecmp(w[0], "from") && !h->pet)
        return NOTE_FROM;               /* "from Port-au-Prince" */
    caps &= n > 0 && wordy(w[0]) && capital(w[0]) && !strchr(w[0], '\'');
    if (n >= 1 && n <= 3 && caps &&
        (before == NOTE_NAME || before == NOTE_AGE || before == NOTE_JOB))
        return NOTE_PLACE;
    return NOTE_NONE;
}

/* Appends s[0, n) to out at *at; 0 when it does not fit (room for the NUL kept). */
static int put(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
    if (*at + n + 1 > cap) return 0;
    memcpy(out + *at, s, n);
    *at += n;
    return 1;
}

/* The words w[b, e) joined by spaces into s (cap bytes). */
static void join(char w[][TERSE_WORD], int b, int e, char *s, size_t cap)
{
    size_t at = 0;
    s[0] = '\0';
    for (int k = b; k < e && at < cap; k++)
        at += (size_t)snprintf(s + at, cap - at, "%s%s", k > b ? " " : "", w[k]);
}

/* The sentence note w[0, n) of shape s stands for, of holder h (updated by a note of
 * one's own), into line (cap bytes); 0 when it does not fit. */
static int written(char w[][TERSE_WORD], int n, int s, holder_t *h, char *line, size_t cap)
{
    char words[TERSE_WORDS * TERSE_WORD];
    int l = 0;
    switch (s) {
    case NOTE_NAME:
        l = snprintf(line, cap, "My name is %s.",
                     !strcasecmp(w[0], "name") ? w[1] : n > 1 && strcasecmp(w[1], "here") ? w[n - 1]
                                                                                            : w[0]);
        break;
    case NOTE_AGE:
        l = h->name[0] ? snprintf(line, cap, "%s is %s.", h->name, w[0])
                       : snprintf(line, cap, "I'm %s years old.", w[0]);
        break;
    case NOTE_JOB: {
        int a = !strcasecmp(w[0], "a") || !strcasecmp(w[0], "an"), places = 0;
        for (int k = a; k < n; k++) {   /* "Taxi driver": a capital of the note's start */
            places |= !strcasecmp(w[k], "in") || !strcasecmp(w[k], "at");
            int low = 1;
            for (const char *c = w[k] + 1; *c; c++) low &= !isupper((unsigned char)*c);
            if (!places && low) w[k][0] = (char)tolower((unsigned char)w[k][0]);
        }
        join(w, a, n, words, sizeof words);
        const char *art = strchr("aeiouAEIOU", words[0]) ? "an" : "a";
        l = h->name[0] ? snprintf(line, cap, "%s is %s %s.", h->name, art, words)
                       : snprintf(line, cap, "I'm %s %s.", art, words);
        break;
    }
    case NOTE_PLACE:
        join(w, 0, n, words, sizeof words);
        l = h->name[0] ? snprintf(line, cap, "%s lives in %s.", h->name, words)
                       : snprintf(line, cap, "I live in %s.", words);
        break;
    case NOTE_FROM:
        join(w, 1, n, words, sizeof words);
        l = h->name[0] ? snprintf(line, cap, "%s is from %s.", h->name, words)
                       : snprintf(line, cap, "I'm from %s.", words);
        break;
    case NOTE_DIET:
        l = h->name[0] ? snprintf(line, cap, "%s is %s.", h->name, w[0])
                       : snprintf(line, cap, "I'm %s.", w[0]);
        break;
    case NOTE_OWN:
        snprintf(h->word, sizeof h->word, "%s", w[n - 2]);
        h->word[strcspn(h->word, ":")] = '\0';
        for (char *c = h->word; *c; c++) *c = (char)tolower((unsigned char)*c);
        snprintf(h->name, sizeof h->name, "%s", w[n - 1]);
        own_word(h->word, &h->pet);
        l = snprintf(line, cap, "My %s is called %s.", h->word, h->name);
        break;
    case NOTE_KIND:
        join(w, 0, n, words, sizeof words);
        l = snprintf(line, cap, "My %s is %s %s.", h->word,
                     strchr("aeiouAEIOU", words[0]) ? "an" : "a", words);
        break;
    default:
        return 0;
    }
    return l > 0 && (size_t)l < cap;
}

/* Where the sentence that opens at b ends (at its mark, or at len): a full stop between
 * digits ("1.5") ends none. */
static size_t sentence_end(const char *msg, size_t len, size_t b)
{
    for (size_t i = b; i < len; i++) {
        if (msg[i] == '.' && i > b && isdigit((unsigned char)msg[i - 1]) && i + 1 < len &&
            isdigit((unsigned char)msg[i + 1]))
            continue;
        if (strchr(".!?\n", msg[i])) return i;
    }
    return len;
}

/* 1 when msg[b, e) is a sentence of one or two words (one that is no note: a message
 * with one is not written out, its bare words, "bristol", "Build boats", reading better
 * among notes than among sentences). */
static int bare(const char *msg, size_t b, size_t e)
{
    char w[TERSE_WORDS][TERSE_WORD];
    int n = words_of(msg, b, e, w);
    return n == 1 || n == 2;
}

/* 1 when the words w[0, n) are only words of greeting ("hola hola", "hi there"). */
static int greeting(char w[][TERSE_WORD], int n)
{
    static const char *const also[] = {"there", "all", "everyone", "hola", "salut", "ciao",
                                       "yo", "hiya", NULL};
    for (int k = 0; k < n; k++) {
        char low[TERSE_WORD];
        size_t l = strlen(w[k]);
        for (size_t i = 0; i <= l; i++) low[i] = (char)tolower((unsigned char)w[k][i]);
        while (l && strchr("!.", low[l - 1])) low[--l] = '\0';
        if (!understand_in_list(understand_greetings, low) && !understand_in_list(also, low))
            return 0;
    }
    return n > 0;
}

/* 1 when msg[b, e) says "I", "my", "we" ... or opens with where one is ("based in
 * Leeds"): a sentence of the user's own, not more of the note before it ("mad about
 * trains" of the child just named). */
static int of_me(const char *msg, size_t b, size_t e)
{
    static const char *const opening[] = {"based", "living", "from", "working", NULL};
    size_t first = b;
    while (first < e && msg[first] == ' ') first++;
    size_t fe = first;
    while (fe < e && isalpha((unsigned char)msg[fe])) fe++;
    char word[TERSE_WORD];
    snprintf(word, sizeof word, "%.*s", (int)(fe - first < TERSE_WORD ? fe - first : 0),
             msg + first);
    for (char *c = word; *c; c++) *c = (char)tolower((unsigned char)*c);
    if (understand_in_list(opening, word)) return 1;
    for (size_t i = b; i < e; i++) {    /* a word of the speaker's anywhere in it */
        if (i > b && isalpha((unsigned char)msg[i - 1])) continue;
        size_t j = i;
        while (j < e && (isalpha((unsigned char)msg[j]) || msg[j] == '\'')) j++;
        char one[TERSE_WORD];
        if (j == i || j - i >= sizeof one) continue;
        snprintf(one, sizeof one, "%.*s", (int)(j - i), msg + i);
        for (char *c = one; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (understand_in_list(understand_personal_words, one)) return 1;
    }
    return 0;
}

/* Sentence msg[b, e) written out into out at *at when the notes that open it have a
 * shape, two or more that tell an age, a job or one of the user's own (*before: the
 * shape of the note before it, the last of the sentence before when that was written
 * out, updated; *told set when one tells an age, a job or one of the user's own, which a
 * name and a place alone do not): a greeting before them stays, and what follows the
 * last of them ("based in Lyon but I live in airports") is a sentence of its own, as
 * written. first: it opens the message (a name may then be in lower case: "vic. 45."),
 * mark: the mark that ends it (0 at the message's end). Returns the notes written, 0
 * when it is copied as it is, -1 when out is full. */
static int sentence(const char *msg, size_t b, size_t e, int first, char mark, int *before,
                    int *told, char *out, size_t cap, size_t *at)
{
    char w[TERSE_WORDS][TERSE_WORD], lines[TERSE_NOTES][2 * TERSE_WORDS * TERSE_WORD];
    holder_t h = {"", "", 0};
    int notes = 0, lined = 0, last = *before, says = 0, said_name = 0;
    size_t rest = e;
    *before = NOTE_NONE;
    for (size_t s = b; s < e;) {
        size_t c = s;
        while (c < e && msg[c] != ',' && msg[c] != ';') c++;
        int n = words_of(msg, s, c, w);
        if (n == 0 || lined == TERSE_NOTES) return 0;
        if (n > 0 && !notes && !lined && greeting(w, n)) {  /* "hola hola, Marta, 29, ..." */
            snprintf(lines[lined++], sizeof lines[0], "%.*s.", (int)(c - s), msg + s);
            s = c < e ? c + 1 : e;
            continue;
        }
        int sh = n > 0 ? shape(w, n, last, first && !notes, &h) : NOTE_NONE;
        if (sh == NOTE_NAME && n > 1 && strcasecmp(w[0], "name") && strcasecmp(w[1], "here"))
            said_name = 1;              /* "I'm Ines" */
        if (sh == NOTE_AGE && notes && last == NOTE_JOB && n == 2)
            sh = NOTE_NONE;             /* "Glazier in Hull, 15 years": how long */
        if (sh == NOTE_NONE && notes >= 2 && says && of_me(msg, s, e)) {
            /* "..., my memory is bad, retired baker, Quebec": an aside of one's own
             * between notes is a sentence of its own, the notes after it go on */
            size_t c2 = c < e ? c + 1 : e, ce = c2;
            while (ce < e && msg[ce] != ',' && msg[ce] != ';') ce++;
            char nw[TERSE_WORDS][TERSE_WORD];
            int nn = c2 < e ? words_of(msg, c2, ce, nw) : 0;
            int next = nn > 0 ? shape(nw, nn, last, 0, &h) : NOTE_NONE;
            if (next == NOTE_JOB || next == NOTE_PLACE || next == NOTE_AGE ||
                next == NOTE_OWN || next == NOTE_DIET) {
                size_t ab = s;
                while (ab < c && msg[ab] == ' ') ab++;
                if (lined == TERSE_NOTES) return 0;
                snprintf(lines[lined++], sizeof lines[0], "%.*s.", (int)(c - ab), msg + ab);
                s = c2;
                continue;
            }
            if (said_name) return 0;    /* ("I'm Ines, 40, ..." only as notes throughout) */
            rest = s;                   /* the rest as written */
            break;
        }
        if (sh == NOTE_NONE || !written(w, n, sh, &h, lines[lined], sizeof lines[0])) return 0;
        says |= sh == NOTE_AGE || sh == NOTE_JOB || sh == NOTE_OWN;
        last = sh;
        notes++;
        lined++;
        s = c < e ? c + 1 : e;
    }
    if (!notes) return 0;
    *before = h.name[0] || rest < e ? NOTE_NONE : last;     /* (a place is the user's) */
    *told |= says;
    for (int k = 0; k < lined; k++)
        if ((k && !put(out, cap, at, " ", 1)) ||
            !put(out, cap, at, lines[k], strlen(lines[k])))
            return -1;
    if (rest < e) {
        while (rest < e && msg[rest] == ' ') rest++;
        char end = mark && mark != '\n' ? mark : '.';
        if (!put(out, cap, at, " ", 1) || !put(out, cap, at, msg + rest, e - rest) ||
            !put(out, cap, at, &end, 1))
            return -1;
    }
    return notes;
}

long terse_text(const char *msg, char *out, size_t cap)
{
    size_t len = strlen(msg), at = 0;
    int notes = 0, before = NOTE_NONE, told = 0, opening = 1;  /* (only greetings before) */
    if (understand_chinese(msg, len)) return 0;
    int lower = 0;                      /* ("HI. BRENDAN HERE. 70 YEARS OLD, RETIRED FERRYMAN":
                                         * no capital tells a name or a place) */
    for (size_t i = 0; i < len && !lower; i++) lower = islower((unsigned char)msg[i]);
    if (!lower) return 0;
    for (size_t b = 0; b < len;) {
        size_t lead = b;
        while (lead < len && isspace((unsigned char)msg[lead])) lead++;
        if (!put(out, cap, &at, msg + b, lead - b)) return -1;
        size_t e = sentence_end(msg, len, lead);
        int asks = e < len && msg[e] == '?';
        int made = e > lead && !asks ? sentence(msg, lead, e, opening, e < len ? msg[e] : 0,
                                                &before, &told, out, cap, &at)
                                     : 0;
        if (made < 0) return -1;
        char gw[TERSE_WORDS][TERSE_WORD];
        int gn = e > lead ? words_of(msg, lead, e, gw) : 0;
        int greets = gn > 0 && greeting(gw, gn);    /* "Bonjou! Jean, 39, ..." */
        if (!made && !asks && !greets && bare(msg, lead, e)) return 0;
        opening &= greets;
        notes += made;
        size_t next = e < len ? e + 1 : e;
        if (!made && !put(out, cap, &at, msg + lead, next - lead)) return -1;
        if (made && e < len && msg[e] == '\n' && !put(out, cap, &at, "\n", 1)) return -1;
        b = next;
    }
    if (notes < 2 || !told) return 0;
    out[at] = '\0';
    return (long)at;
}
