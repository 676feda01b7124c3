/* asking.c: requests to be told a name written as questions (asking.h). A sentence
 * opens (after words of politeness: "please", "kindly", "can you" ...) with "remind me"
 * or "tell me" and then "the name(s) of", with "name" and then a word that opens what
 * is named ("all", "my", "the" ...), or with "list" or "give me" and two of the user's
 * ("list my aunt and my godson by name"); it becomes "what is the name of ...?" or "what
 * are the names of ...?", its closing "." or "!" a question mark, words of politeness
 * after the names gone ("..., please"). Two words of kin or pets and then "Both names."
 * ask the two names. A question of the kind of
 * an animal kept asked as what one has ("what kind of rabbit do I have?") becomes "what
 * breed is my dog?"; "who am I married to?" is "who is my spouse?"; "what did I say I
 * brew?" is "what do I brew?". A question that opens with a question word loses an
 * aside after its last comma that asks and names nothing of the user's ("what's the
 * gecko called, did I mention?"). A list of things asked of one or two holders ("my
 * goat's name and colour, quick") is one question each, and so is a Chinese question of
 * two things of one person ("我舅舅叫什么，在哪儿干活？"). A bid to be reminded of a thing
 * of one's own ("remind me of my trade") asks what it is, a name asked in a note ("vet
 * name?") is "what is my vet's name?", and the name of where one works asked by its
 * kind ("the name of the depot where I was foreman") is "which depot do I work at?".
 * Sentences end at . ! ? and line ends. */
#include "agent/asking.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/forms.h"
#include "agent/realise.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lexical.h"

/* How a request asks (put_names words the question so): a name ("... the name of X"),
 * names ("... the names of X"), X called ("what are my aunt and godson called?"), X's
 * names ("what are my aunt's and godson's names?"). */
enum { FORM_NAME, FORM_NAMES, FORM_CALLED, FORM_OWN_NAMES };

/* Words of politeness (and asides: "sorry", "wait") a request or a question may open
 * with, before its verb. */
static const char *const polite[] = {
    "please", "pls", "plz", "kindly", "ok", "okay", "so", "and", "now", "hey", "oh",
    "sorry", "wait", "hmm", "um", "also", "btw",
    "can you", "could you", "would you", "will you", "can u", "could u", NULL,
};

/* What follows "name" in a bid to be told names ("name all four of my goats"). */
static const char *const named[] = {"all", "my", "our", "the", "both", "each", "every",
                                    "his", "her", "their", NULL};

/* The length of word w when text at i opens with it as a whole word (any case, then a
 * space, a comma or the end), else 0. */
static size_t opens(const char *text, size_t n, size_t i, const char *w)
{
    size_t l = strlen(w);
    if (i + l > n || strncasecmp(text + i, w, l)) return 0;
    if (i + l < n && (isalnum((unsigned char)text[i + l]) || text[i + l] == '\'')) return 0;
    return l;
}

/* i past spaces and commas. */
static size_t skip(const char *text, size_t n, size_t i)
{
    while (i < n && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) i++;
    return i;
}

/* i past spaces, commas and the words of politeness ("please, could you ..."). */
static size_t past_polite(const char *text, size_t n, size_t i)
{
    size_t l;
    i = skip(text, n, i);
    for (int k = 0; polite[k]; k++)
        if ((l = opens(text, n, i, polite[k]))) {
            i = skip(text, n, i + l);
            k = -1;
        }
    return i;
}

static size_t two_of(const char *obj, size_t n, size_t *second, size_t *borrow);
static size_t whose_at(const char *text, size_t n, size_t i);
static int listed(const char *const *list, const char *w);

/* Words a bid for names may close with, last first ("..., please", "by name"). */
static const char *const bid_close[] = {"please", "pls", "plz", "thanks", "thank you", "thx",
                                        "by name", "by their names", "by names", "for me",
                                        "again", NULL};

/* The end of text[b, e) without the words of bid_close it closes with and the spaces
 * and commas before them ("my aunt and my godson by name, please": the end of "godson"). */
static size_t tail_by_name(const char *text, size_t b, size_t e)
{
    for (int k = 0; bid_close[k]; k++) {
        size_t l = strlen(bid_close[k]);
        if (e < b + l + 1 || strncasecmp(text + e - l, bid_close[k], l) ||
            (text[e - l - 1] != ' ' && text[e - l - 1] != ','))
            continue;
        e -= l;
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == ',')) e--;
        k = -1;
    }
    return e;
}

/* Where the request's object starts in the sentence text[b, e) and how it asks (a FORM_)
 * into *many, its end into *oend when a word follows it ("called", "names"; else *oend
 * is left as it is): the index, or 0 when the sentence is no such request. */
static size_t request(const char *text, size_t b, size_t e, int *many, size_t *oend)
{
    size_t i = past_polite(text, e, b), l;
    if ((l = opens(text, e, i, "remind")) || (l = opens(text, e, i, "tell"))) {
        i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "me"))) return 0;
        i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "again"))) i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "of"))) i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "the"))) i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "names"))) *many = FORM_NAMES;
        else if ((l = opens(text, e, i, "name"))) *many = FORM_NAME;
        else return 0;
        i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "of"))) return 0;
        i = skip(text, e, i + l);
        return i < e ? i : 0;
    }
    if ((l = opens(text, e, i, "what")) || (l = opens(text, e, i, "whats")) ||
        (l = opens(text, e, i, "what's")) || (l = opens(text, e, i, "what're"))) {
        i = skip(text, e, i + l);       /* of two: "what are the names of ...", "what is
                                         * name of my aunt and of my godson" */
        if ((l = opens(text, e, i, "are")) || (l = opens(text, e, i, "is")) ||
            (l = opens(text, e, i, "were")) || (l = opens(text, e, i, "was")))
            i = skip(text, e, i + l);
        size_t end = e, second, borrow;
        while (end > i && isspace((unsigned char)text[end - 1])) end--;
        if (whose_at(text, e, i)) {     /* "what are my aunt and godson called?", "what
                                         * are my aunt's and godson's names?" */
            size_t w = end;
            while (w > i && text[w - 1] != ' ') w--;
            int called = end - w == 6 && !strncasecmp(text + w, "called", 6);
            int names = end - w == 5 && !strncasecmp(text + w, "names", 5) && w > i + 2 &&
                        (text[w - 2] == 's' || text[w - 2] == '\'');
            if ((called || names) && two_of(text + i, w - 1 - i, &second, &borrow)) {
                *many = called ? FORM_CALLED : FORM_OWN_NAMES;
                *oend = w - 1;
                return i;
            }
        }
        if ((l = opens(text, e, i, "the"))) i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "names")) && !(l = opens(text, e, i, "name"))) return 0;
        i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "of"))) return 0;
        i = skip(text, e, i + l);
        *many = FORM_NAMES;
        size_t to = e;                  /* ("... and godson, please?") */
        while (to > i && isspace((unsigned char)text[to - 1])) to--;
        to = tail_by_name(text, i, to);
        return i < to && two_of(text + i, to - i, &second, &borrow) ? i : 0;
    }
    if ((l = opens(text, e, i, "list")) || (l = opens(text, e, i, "give"))) {
        size_t j = skip(text, e, i + l), o;     /* "list my aunt and my godson by name",
                                                 * "give me the names of ..." */
        if ((o = opens(text, e, j, "me"))) j = skip(text, e, j + o);
        if ((o = opens(text, e, j, "the"))) j = skip(text, e, j + o);
        int names = (o = opens(text, e, j, "names")) != 0;
        if (names) {
            j = skip(text, e, j + o);
            if (!(o = opens(text, e, j, "of"))) return 0;
            j = skip(text, e, j + o);
        }
        size_t end = e, second, borrow;
        while (end > j && isspace((unsigned char)text[end - 1])) end--;
        size_t by = tail_by_name(text, j, end);
        if ((names || by < end) && whose_at(text, e, j) &&
            two_of(text + j, by - j, &second, &borrow)) {
            *many = FORM_NAMES;
            *oend = by;
            return j;
        }
        return 0;
    }
    if ((l = opens(text, e, i, "names")) || (l = opens(text, e, i, "name"))) {
        size_t j = skip(text, e, i + l), o;
        if ((o = opens(text, e, j, "of"))) j = skip(text, e, j + o);    /* ("names of my
                                                                         * dad and niece?") */
        for (int k = 0; named[k]; k++)
            if (opens(text, e, j, named[k])) {
                *many = FORM_NAMES;
                return j;
            }
    }
    return 0;
}

/* Appends s[0, n) to out at *at; 0 when it does not fit (room for the NUL kept). */
static int put(char *out, size_t cap, size_t *at, const char *s, size_t n)
{
    if (*at + n + 1 > cap) return 0;
    memcpy(out + *at, s, n);
    *at += n;
    return 1;
}

/* Words whose a name asked is ("my wife"). */
static const char *const whose[] = {"my", "our", "his", "her", "their", "the", NULL};

/* The length of the word of whose the text at i opens with, else 0. */
static size_t whose_at(const char *text, size_t n, size_t i)
{
    size_t l = 0;
    for (int k = 0; whose[k] && !l; k++) l = opens(text, n, i, whose[k]);
    return l;
}

/* Where " and " parts the names asked of obj[0, n) in two, each of someone ("my wife and
 * my nephew", "my wife and of my nephew", "my wife and nephew"): the index of the second
 * one's first word into *second (its word of whose, when it has none, is the first's:
 * *borrow its length); the index of " and ", or 0. */
static size_t two_of(const char *obj, size_t n, size_t *second, size_t *borrow)
{
    size_t lw = whose_at(obj, n, 0);
    if (!lw) return 0;
    for (size_t i = lw; i + 5 < n; i++) {
        if (strncasecmp(obj + i, " and ", 5)) continue;
        size_t j = i + 5, l;
        if ((l = opens(obj, n, j, "of"))) j = skip(obj, n, j + l);
        *borrow = whose_at(obj, n, j) ? 0 : lw;
        size_t w = j;                   /* without its own, one word ("and nephew") */
        while (w < n && (isalnum((unsigned char)obj[w]) || obj[w] == '-' || obj[w] == '\''))
            w++;
        if (*borrow && w < n) return 0;
        *second = j;
        return j < n ? i : 0;
    }
    return 0;
}

/* Writes the question for the names asked of obj[0, n) to out: one question for each
 * of two ("what is the name of my aunt and what is the name of my godson?"), else
 * q and obj. 0 when it does not fit. */
static int put_names(char *out, size_t cap, size_t *at, int form, const char *obj, size_t n)
{
    static const char *const head[] = {"what is the name of ", "what are the names of ",
                                       "what is ", "what is "};
    static const char *const tail[] = {"", "", " called", " name"};
    const char *one = form == FORM_NAMES ? head[FORM_NAME] : head[form];
    size_t second, borrow, and = two_of(obj, n, &second, &borrow);
    if (!and)
        return put(out, cap, at, head[form], strlen(head[form])) && put(out, cap, at, obj, n) &&
               put(out, cap, at, tail[form], strlen(tail[form])) && put(out, cap, at, "?", 1);
    return put(out, cap, at, one, strlen(one)) && put(out, cap, at, obj, and) &&
           put(out, cap, at, tail[form], strlen(tail[form])) && put(out, cap, at, " and ", 5) &&
           put(out, cap, at, one, strlen(one)) && put(out, cap, at, obj, borrow) &&
           put(out, cap, at, borrow ? " " : "", !!borrow) &&
           put(out, cap, at, obj + second, n - second) &&
           put(out, cap, at, tail[form], strlen(tail[form])) && put(out, cap, at, "?", 1);
}

/* A question of the kind of an animal the user keeps, asked as what they have ("what
 * kind of rabbit do I have?", "which breed of cat do we own"): its animal word into animal
 * (cap bytes), where its question word is into *from (after words of politeness, which
 * stay), and 1 for "we", 0 for "I"; -1 when the sentence text[b, e) is none. */
static int kind_kept(const char *text, size_t b, size_t e, char *animal, size_t cap,
                     size_t *from)
{
    static const char *const kinds[] = {"kind", "type", "sort", "breed", NULL};
    static const char *const has[] = {"have", "own", "keep", "got", "have got", NULL};
    size_t i = past_polite(text, e, b), l = 0;
    *from = i;
    if (!(l = opens(text, e, i, "what")) && !(l = opens(text, e, i, "which"))) return -1;
    i = skip(text, e, i + l);
    int k = 0;
    while (kinds[k] && !(l = opens(text, e, i, kinds[k]))) k++;
    if (!kinds[k]) return -1;
    i = skip(text, e, i + l);
    if (!(l = opens(text, e, i, "of"))) return -1;
    i = skip(text, e, i + l);
    size_t w = i;
    while (i < e && isalpha((unsigned char)text[i])) i++;
    if (i == w || i - w >= cap) return -1;
    for (size_t c = w; c < i; c++) animal[c - w] = (char)tolower((unsigned char)text[c]);
    animal[i - w] = '\0';
    if (!dialogue_pet_word(animal)) return -1;
    i = skip(text, e, i);
    if (!(l = opens(text, e, i, "do"))) return -1;
    i = skip(text, e, i + l);
    int we = (l = opens(text, e, i, "we")) != 0;
    if (!we && !(l = opens(text, e, i, "i"))) return -1;
    i = skip(text, e, i + l);
    for (k = 0; has[k]; k++)
        if (opens(text, e, i, has[k])) return we;
    return -1;
}

/* Where the aside a question ends with begins: the last comma of text[b, e) when the
 * sentence opens (after words of politeness, "sorry", "wait", and "remind me", "do you
 * know") with a question word and what follows the comma asks nothing and names nothing
 * of the user's ("what's the gecko called, did I mention?", "whats my shift pattern
 * again, head is mush", "who's my dentist, just checking you listen?"), or opens with
 * "my" or "our" in four words or fewer and the aside, asked, speaks to "you" ("my town,
 * you still know it?"); else 0. */
static size_t aside_at(const char *text, size_t b, size_t e)
{
    static const char *const wh[] = {"what", "what's", "whats", "who", "who's", "whos",
                                     "whose", "where", "where's", "wheres", "when",
                                     "when's", "which", "how", "how's", "hows", NULL};
    static const char *const mine[] = {"my", "our", "me", "mine", "us", "and", "or", "what",
                                       "who", "where", "when", "which", "how", "whats",
                                       "whose", NULL};
    size_t i = past_polite(text, e, b);
    static const char *const bid[] = {"remind me", "tell me", "do you remember",
                                      "do you know", "you know", NULL};
    for (int k = 0; bid[k]; k++) {      /* "remind me who my landlord is, before I ..." */
        size_t l = opens(text, e, i, bid[k]);
        if (l) {
            i = skip(text, e, i + l);
            break;
        }
    }
    int asks = 0;
    for (int k = 0; wh[k] && !asks; k++) asks = opens(text, e, i, wh[k]) != 0;
    /* "my town, you still know it?", "my shoe size, got that?": a thing of one's own of a few
     * words asked with a question mark, the aside speaking to "you" */
    int noted = !asks && e < strlen(text) && text[e] == '?' &&
                (opens(text, e, i, "my") || opens(text, e, i, "our"));
    if (!asks && !noted) return 0;
    size_t w = opens(text, e, i, "what");   /* "you know what, scrap that ...": no question */
    if (w && i > b && skip(text, e, i + w) > i + w && text[i + w] == ',') return 0;
    size_t comma = 0;
    for (size_t j = i; j < e; j++)
        if (text[j] == ',') comma = j;
    if (!comma) return 0;
    int you = 0, words = 0;
    for (size_t j = i; j < comma; j++)
        words += isalnum((unsigned char)text[j]) && (j == i || text[j - 1] == ' ');
    for (size_t j = comma + 1; j < e && noted; j++)
        you |= !isalnum((unsigned char)text[j - 1]) &&
               (opens(text, e, j, "you") || opens(text, e, j, "u"));
    if (noted && (!you || words > 4)) return 0;
    for (size_t j = comma + 1; j < e; j++) {        /* the aside's words */
        if (j > comma + 1 && isalnum((unsigned char)text[j - 1])) continue;
        for (int k = 0; mine[k]; k++)
            if (opens(text, e, j, mine[k])) return 0;
    }
    return comma;
}

/* Where the word one calls the listener by ends a question without a comma ("how old am
 * i bro", "whats my job mate?"): the space before it, when the question opens with a
 * question word and the word before it ends the question ("i", "me", "again", or a
 * thing after "my": "where's my mate?" asks of a mate); else 0. */
static size_t vocative_at(const char *text, size_t b, size_t e)
{
    static const char *const calls[] = {"bro", "mate", "dude", "pal", "buddy", "hun", "babe",
                                         "fam", "bruv", "darling", "sweetie", NULL};
    static const char *const ends[] = {"i", "me", "you", "u", "again", "now", "please",
                                       "pls", NULL};
    static const char *const friends[] = {"mate", "pal", "buddy", NULL};
    static const char *const fond[] = {"best", "old", "good", "close", "oldest", "work",
                                       NULL};
    static const char *const wh[] = {"what", "what's", "whats", "who", "who's", "whos",
                                     "whose", "where", "where's", "wheres", "when", "which",
                                     "how", "how's", "hows", NULL};
    size_t i = past_polite(text, e, b), last = e;
    int asks = 0;
    for (int k = 0; wh[k] && !asks; k++) asks = opens(text, e, i, wh[k]) != 0;
    while (last > i && !isalnum((unsigned char)text[last - 1])) last--;
    size_t w = last;
    while (w > i && isalpha((unsigned char)text[w - 1])) w--;
    if (!asks || w <= i || text[w - 1] != ' ') return 0;
    int called = 0;
    for (int k = 0; calls[k] && !called; k++) called = opens(text, last, w, calls[k]) != 0;
    size_t p = w - 1;
    while (p > i && text[p - 1] == ' ') p--;
    size_t pw = p;
    while (pw > i && isalpha((unsigned char)text[pw - 1])) pw--;
    int ended = 0;                      /* "... am i bro", "... my job mate" */
    for (int k = 0; ends[k] && !ended; k++) ended = opens(text, p, pw, ends[k]) != 0;
    size_t q = pw;
    while (q > i && text[q - 1] == ' ') q--;
    size_t qw = q;
    while (qw > i && isalpha((unsigned char)text[qw - 1])) qw--;
    ended |= qw < q && (opens(text, q, qw, "my") || opens(text, q, qw, "our"));
    /* ("whos my best mate", "who's my buddy": a friend asked after) */
    for (int k = 0; fond[k] && ended; k++)
        if (opens(text, p, pw, fond[k])) ended = 0;
    for (int k = 0; friends[k] && ended && opens(text, e, i, "who"); k++)
        if (opens(text, last, w, friends[k])) ended = 0;
    return called && ended && pw < p ? p : 0;
}

/* Where the question tag a statement ends with begins, when the statement is the whole
 * message and carries no question mark ("rolo's a beagle eh", "he's seven isn't he",
 * "my flat's in Govan right", "you started in May, yes"): the space before the tag, else
 * 0. A statement of three to ten words that opens with no question word; "that's right"
 * and "turn right" are no tags, and "yes", "no", "true" only after a comma (the tags are
 * understand_tags, those not only asked with a question mark). */
static size_t tag_at(const char *text, size_t b, size_t e, size_t n)
{
    static const char *const not_after[] = {"that's", "thats", "is", "all", "you're",
                                            "youre", "exactly", "just", "quite", "turn",
                                            "left", "to", "on", "the", "it's", "its",
                                            "alright", "be", NULL};
    static const char *const opening[] = {"what", "what's", "whats", "who", "who's",
                                          "whos", "whose", "where", "where's", "wheres",
                                          "when", "which", "how", "why", "do", "does", "did",
                                          "is", "are", "am", "was", "were", "have", "has",
                                          "can", "could", "will", "would", "should", NULL};
    for (size_t j = e; j < n; j++)      /* nothing after it but marks and emoji */
        if (isalnum((unsigned char)text[j]) || text[j] == '?') return 0;
    for (size_t j = 0; j < b; j++)
        if (!isspace((unsigned char)text[j])) return 0;
    size_t i = past_polite(text, e, b);
    for (int k = 0; opening[k]; k++)
        if (opens(text, e, i, opening[k])) return 0;
    size_t words = 0, last = e;
    while (last > i && !isalnum((unsigned char)text[last - 1])) last--;
    for (size_t j = i; j < last; j++)
        words += isalnum((unsigned char)text[j]) && (j == i || text[j - 1] == ' ');
    if (words < 3 || words > 10) return 0;
    for (const understand_tag_t *t = understand_tags; t->words; t++) {
        size_t l = strlen(t->words);
        if (t->where & UNDERSTAND_TAG_MARKED) continue;
        if (last < i + l + 1 || !opens(text, last, last - l, t->words)) continue;
        size_t at = last - l;
        if (text[at - 1] != ' ' && text[at - 1] != ',') continue;
        size_t before = at - 1;
        while (before > i && text[before] == ' ') before--;
        int comma = t->where & (UNDERSTAND_TAG_COMMA | UNDERSTAND_TAG_COMMA_BARE);
        if (comma && text[before] != ',') continue;
        size_t w = before;              /* the word before the tag */
        while (w > i && text[w - 1] != ' ' && text[w - 1] != ',') w--;
        for (int x = 0; !comma && not_after[x]; x++)
            if (opens(text, before + 1, w, not_after[x])) return 0;
        return at - 1;
    }
    return 0;
}

/* 1 when the aside after a question's comma at text[comma] (to e) is a guess at the
 * place asked where ("where do I teach, Coimbra?"): one to three words of letters, the
 * first no word of chat ("again", "lol", "remind me"). */
static int guesses_place(const char *text, size_t comma, size_t e)
{
    static const char *const chat[] = {"again", "lol", "haha", "remind", "sorry", "btw",
                                       "just", "please", "pls", "mate", "bro", "dude", "man",
                                       "now", "right", "yeah", "yes", "no", "ok", "okay",
                                       "hmm", "um", "i", "tho", "though", "then", "anyway",
                                       "already", "honestly", "remember", "again", "love",
                                       "hun", "babe", "buddy", "pal", "friend", "exactly",
                                       "there", "here", "today", "currently", "these",
                                       "nowadays", "rn", "atm", "you", "u", "dear",
                                       "darling", "sweetheart", "sweetie", "honey", "hon",
                                       "luv", "pet", "mijo", "mija", "sir", "madam", "son",
                                       "chief", "boss", "dearie", "my", NULL};
    size_t i = skip(text, e, comma + 1), words = 0;
    for (int k = 0; chat[k]; k++)
        if (opens(text, e, i, chat[k])) return 0;
    for (size_t j = i; j < e; j++) {
        unsigned char ch = (unsigned char)text[j];
        if (ch == ' ') continue;
        if (!isalpha(ch) && ch < 0x80 && ch != '-' && ch != '\'') return 0;
        words += j == i || text[j - 1] == ' ';
    }
    return words >= 1 && words <= 3;
}

/* One past where "who" is in text[b, e) when the sentence asks whom the user is married to ("who
 * am I married to?", "who did I marry?"): it opens
 * (after words of politeness) with "who", says "married" or "marry", and names no one
 * else's ("my", "her" ...); else 0. */
static size_t asks_spouse(const char *text, size_t b, size_t e)
{
    static const char *const other[] = {"my", "our", "his", "her", "their", "your", "he",
                                        "she", "they", NULL};
    size_t i = past_polite(text, e, b);
    if (!opens(text, e, i, "who")) return 0;
    size_t who = i;
    int married = 0;
    for (size_t j = i; j < e; j++) {
        if (j > i && (isalnum((unsigned char)text[j - 1]) || text[j - 1] == '\'')) continue;
        married |= opens(text, e, j, "married") || opens(text, e, j, "marry");
        for (int k = 0; other[k]; k++)
            if (opens(text, e, j, other[k])) return 0;
    }
    return married ? who + 1 : 0;
}

/* The length of "did I say " (or "did I mention ", "did I tell you ") at text[i] when
 * the user's own words follow ("I brew", not "I was" or "I'm"), else 0: "what did I say
 * I brew?" asks "what do I brew?". */
static size_t said_i(const char *text, size_t n, size_t i)
{
    static const char *const verbs[] = {"say", "mention", "tell you", "tell u", "said",
                                        NULL};
    static const char *const not[] = {"was", "am", "i'm", "im", "had", "would", "will",
                                      "did", "could", NULL};
    size_t l = opens(text, n, i, "did");
    if (!l) return 0;
    size_t j = skip(text, n, i + l), li = opens(text, n, j, "i");
    if (!li) return 0;
    j = skip(text, n, j + li);
    for (int v = 0; verbs[v]; v++) {
        size_t lv = opens(text, n, j, verbs[v]);
        if (!lv) continue;
        size_t k = skip(text, n, j + lv);
        size_t lt = opens(text, n, k, "that");
        if (lt) k = skip(text, n, k + lt);
        if (!opens(text, n, k, "i")) return 0;
        size_t w = skip(text, n, k + 1);
        for (int x = 0; not[x]; x++)
            if (opens(text, n, w, not[x])) return 0;
        return k - i;
    }
    return 0;
}

/* The length of a phrase of the present time at text[i] ("at the moment", "these days")
 * that a question of who or of an age reads better as "now" ("who's my girlfriend these
 * days?" was read as asking where she works), else 0. (Only there: a quote finds "what am I making
 * at the moment?" by the user's own "at the moment".) */
static size_t time_now(const char *text, size_t n, size_t i)
{
    static const char *const now[] = {"at the moment", "these days", "at present",
                                      "nowadays", "at this point", NULL};
    if (i && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '\'')) return 0;
    for (int k = 0; now[k]; k++) {
        size_t l = opens(text, n, i, now[k]);
        if (l && (i + l == n || !isalnum((unsigned char)text[i + l]))) return l;
    }
    return 0;
}

/* 1 when text[b, e) asks the age the user gave ("what age did I mention?", "so what
 * age did u say"): it opens (after words of politeness) with "what age did I" and one
 * of give, gave, tell, say, mention. */
static int asks_age_given(const char *text, size_t b, size_t e)
{
    static const char *const verbs[] = {"give", "gave", "tell", "say", "said", "mention",
                                        NULL};
    size_t i = past_polite(text, e, b), l;
    if (!(l = opens(text, e, i, "what age"))) return 0;
    i = skip(text, e, i + l);
    if (!(l = opens(text, e, i, "did"))) return 0;
    i = skip(text, e, i + l);
    if (!(l = opens(text, e, i, "i")) && !(l = opens(text, e, i, "u"))) return 0;
    i = skip(text, e, i + l);
    for (int k = 0; verbs[k]; k++)
        if (opens(text, e, i, verbs[k])) return 1;
    return 0;
}

/* "how many years do I have?" (as Spanish and Italian ask an age) asks "how old am I?";
 * "what is my doctorate in?", "what am I doing my masters in?", "what's my major?" ask
 * "what do I study?";
 * "the name of my village?" asks "which city do I live in?" and
 * "where is my province?" "where am I from?", "who lives next door?" "who is my
 * neighbour?", "what am I intolerant of?" asks the allergies, "where will I work from
 * June?" where one works now: the question [b, e) stands for, or NULL. */
static const char *asked_plainly(const char *text, size_t b, size_t e)
{
    static const char *const courses[] = {"phd", "degree", "masters", "master's", "course",
                                          "msc", "bsc", "doctorate", NULL};
    static const char *const of[] = {"in", NULL};   /* ("about": a topic, told in a quote) */
    size_t i = past_polite(text, e, b), l, aside = aside_at(text, b, e), end = aside ? aside : e;
    while (end > i && !isalnum((unsigned char)text[end - 1])) end--;   /* (an aside goes) */
    if (asks_age_given(text, b, e)) return "how old am I?";
    if ((l = opens(text, e, i, "how many years"))) {
        i = skip(text, e, i + l);
        if ((l = opens(text, e, i, "do"))) i = skip(text, e, i + l);
        if (!(l = opens(text, e, i, "i"))) return NULL;
        i = skip(text, e, i + l);
        return (l = opens(text, e, i, "have")) && i + l == end ? "how old am I?" : NULL;
    }
    static const char *const towns[] = {"city", "town", "village", NULL};
    static const char *const origins[] = {"province", "hometown", "home town", "region",
                                          "home country", "native place", NULL};
    /* "remind me who I'm dating now lol": who the partner is */
    static const char *const dating[] = {"who am i dating", "who im dating", "who i'm dating",
                                         "who i am dating", "who am i seeing", "who im seeing",
                                         "who i'm seeing", "who i am seeing", NULL};
    static const char *const lately[] = {"now", "right now", "these days", "at the moment",
                                         "atm", "lol", "again", NULL};
    size_t j = i;
    if ((l = opens(text, e, j, "remind me")) || (l = opens(text, e, j, "tell me")))
        j = skip(text, e, j + l);
    for (int k = 0; dating[k]; k++)
        if ((l = opens(text, e, j, dating[k]))) {
            j = skip(text, e, j + l);
            for (int w = 0; lately[w] && j < end; w++)
                if ((l = opens(text, e, j, lately[w]))) j = skip(text, e, j + l), w = -1;
            if (j >= end) return "who is my partner?";
        }
    static const char *const work_from[] = {"where do i work from", "where will i work from",
                                            "where am i working from",
                                            "where will i be working from", NULL};
    for (int k = 0; work_from[k]; k++)      /* "... from Monday?": when, not whence */
        if ((l = opens(text, e, i, work_from[k]))) {
            char when[16];
            size_t w = skip(text, e, i + l), we = w;
            while (we < end && isalpha((unsigned char)text[we])) we++;
            snprintf(when, sizeof when, "%.*s", (int)(we - w < 15 ? we - w : 15), text + w);
            for (char *c = when; *c; c++) *c = (char)tolower((unsigned char)*c);
            static const char *const soon[] = {"next", "tomorrow", "today", "now", NULL};
            if (understand_weekday(when) || understand_month(when) ||
                understand_in_list(soon, when))
                return "where do I work?";
        }
    static const char *const major[] = {"what am i majoring in", "what am i majoring",
                                        "what do i major in", "what's my major",
                                        "whats my major", "what is my major", NULL};
    for (int k = 0; major[k]; k++)          /* a course of study, in American words */
        if ((l = opens(text, e, j, major[k]))) {
            size_t w = skip(text, e, j + l);
            for (int x = 0; lately[x] && w < end; x++)
                if ((l = opens(text, e, w, lately[x]))) w = skip(text, e, w + l), x = -1;
            if (w >= end) return "what do I study?";
        }
    static const char *const intolerant[] = {"what do i have an intolerance to",
                                             "what am i intolerant to",
                                             "what am i intolerant of", NULL};
    for (int k = 0; intolerant[k]; k++)     /* (told as an allergy: restate.c) */
        if ((l = opens(text, e, i, intolerant[k])) && skip(text, e, i + l) >= end)
            return "what am I allergic to?";
    if ((l = opens(text, e, i, "who lives next door")) &&      /* (to me) */
        (skip(text, e, i + l) >= end || opens(text, e, skip(text, e, i + l), "to me")))
        return "who is my neighbour?";
    if ((l = opens(text, e, i, "where is my")) || (l = opens(text, e, i, "where's my"))) {
        i = skip(text, e, i + l);       /* "where is my province?" */
        for (int k = 0; origins[k]; k++)
            if ((l = opens(text, e, i, origins[k])) && skip(text, e, i + l) >= end)
                return "where am I from?";
        return NULL;
    }
    if (!(l = opens(text, e, i, "what's")) && !(l = opens(text, e, i, "whats")) &&
        !(l = opens(text, e, i, "what is")) && !(l = opens(text, e, i, "what am i doing")))
        return NULL;
    i = skip(text, e, i + l);
    if ((l = opens(text, e, i, "the name of the"))) {  /* (town I live in?) */
        static const char *const places[] = {"place", "town", "city", "village", NULL};
        size_t j = skip(text, e, i + l);
        for (int k = 0; places[k]; k++)
            if ((l = opens(text, e, j, places[k]))) {
                j = skip(text, e, j + l);
                if ((l = opens(text, e, j, "where"))) j = skip(text, e, j + l);
                if (!(l = opens(text, e, j, "i live"))) return NULL;
                j = skip(text, e, j + l);
                if ((l = opens(text, e, j, "in"))) j = skip(text, e, j + l);
                if ((l = opens(text, e, j, "dear"))) j = skip(text, e, j + l);
                return j >= end ? "which city do I live in?" : NULL;
            }
        return NULL;
    }
    if ((l = opens(text, e, i, "the name of my"))) {   /* (of my village?) */
        i = skip(text, e, i + l);
        for (int k = 0; towns[k]; k++)
            if ((l = opens(text, e, i, towns[k])) && skip(text, e, i + l) >= end)
                return "which city do I live in?";
        return NULL;
    }
    if (!(l = opens(text, e, i, "my"))) return NULL;
    i = skip(text, e, i + l);
    for (int k = 0; courses[k]; k++)
        if ((l = opens(text, e, i, courses[k]))) {
            i = skip(text, e, i + l);
            for (int o = 0; of[o] && i < end; o++)
                if ((l = opens(text, e, i, of[o]))) i = skip(text, e, i + l);
            return i >= end ? "what do I study?" : NULL;
        }
    return NULL;
}

/* A question asked in the order of a statement ("At what gym I train?", "Which bakery
 * I am working?", "What sport I coach?", "When we move house?"), as second-language
 * English asks: written in the order the reader learnt ("At what gym do I train?", "What
 * sport do I coach?") into q (cap bytes with its NUL); its
 * length, 0 when [b, e) asks no such way (a question mark ends it; a preposition, a
 * question word and up to two words of what is asked open it, then "I" or "we" and a
 * verb). */
static size_t uninverted(const char *text, size_t b, size_t e, char *q, size_t cap)
{
    static const char *const preps[] = {"in", "at", "for", "from", "with", NULL};
    static const char *const wh[] = {"what", "which", "where", "when", "how", "who", NULL};
    static const char *const aux[] = {"am", "are", "is", "was", "were", "do", "does", "did",
                                      "have", "has", "had", "will", "would", "can", "could",
                                      "should", "shall", "may", "might", "must", "'m", "not",
                                      "don't", "dont", "never", NULL};
    size_t n = strlen(text);
    if (e >= n || text[e] != '?') return 0;
    size_t i = past_polite(text, e, b), l, wb = i;
    char w[24];
    for (int k = 0; preps[k]; k++)
        if ((l = opens(text, e, i, preps[k]))) {
            i = skip(text, e, i + l);
            break;
        }
    int asks = 0;
    for (int k = 0; wh[k] && !asks; k++)
        if ((l = opens(text, e, i, wh[k]))) asks = 1, i = skip(text, e, i + l);
    if (!asks) return 0;
    size_t subj = 0;
    for (int words = 0; words <= 2 && i < e; words++) {     /* "what city", "how many dogs" */
        size_t we = i;
        while (we < e && (isalpha((unsigned char)text[we]) || text[we] == '\'')) we++;
        if (we == i || we - i >= sizeof w) return 0;
        snprintf(w, sizeof w, "%.*s", (int)(we - i), text + i);
        for (char *c = w; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!strcmp(w, "i") || !strcmp(w, "we") || !strcmp(w, "i'm") || !strcmp(w, "im")) {
            subj = i;
            break;
        }
        if (understand_in_list(aux, w) || !strcmp(w, "my") || !strcmp(w, "you")) return 0;
        i = skip(text, e, we);
    }
    if (!subj) return 0;
    int we_ = tolower((unsigned char)text[subj]) == 'w';
    size_t after = skip(text, e, subj + (we_ ? 2 : 1));
    const char *lead = we_ ? "we" : "I";
    const char *be = NULL;
    if (!strncasecmp(text + subj, "i'm", 3) || !strncasecmp(text + subj, "im ", 3)) {
        be = "am";
        after = skip(text, e, subj + (text[subj + 1] == '\'' ? 3 : 2));
    } else if ((l = opens(text, e, after, we_ ? "are" : "am"))) {
        be = we_ ? "are" : "am";
        after = skip(text, e, after + l);
    }
    size_t ve = after;
    while (ve < e && (isalpha((unsigned char)text[ve]) || text[ve] == '\'')) ve++;
    if ((ve == after && !be) || ve - after >= sizeof w) return 0;
    snprintf(w, sizeof w, "%.*s", (int)(ve - after), text + after);
    for (char *c = w; *c; c++) *c = (char)tolower((unsigned char)*c);
    static const char *const saying[] = {"say", "said", "tell", "told", "think", "mention",
                                         "mentioned", "remember", NULL};
    if (!be && strcmp(w, "do") != 0 && (understand_in_list(aux, w) || lex_is_stopword(w) ||
                                        understand_in_list(saying, w)))
        return 0;                       /* ("what I do on Sundays?" asks what I do; "how
                                         * old I say Pip is?" asks of Pip) */
    size_t head = subj;                 /* the words before "I", without their spaces */
    while (head > wb && text[head - 1] == ' ') head--;
    int len = snprintf(q, cap, "%.*s %s %s%s%.*s?", (int)(head - b), text + b,
                       be ? be : "do", lead, e > after ? " " : "", (int)(e - after),
                       text + after);
    return len > 0 && (size_t)len < cap ? (size_t)len : 0;
}

/* "How is called my uncle?", "how is named my dog?" (as Romance languages ask a name):
 * written "what is my uncle called?" into q (cap bytes with its NUL); its length, else 0. */
static size_t how_called(const char *text, size_t b, size_t e, char *q, size_t cap)
{
    size_t i = past_polite(text, e, b), l, end = e;
    if (e >= strlen(text) || text[e] != '?' ||
        (!(l = opens(text, e, i, "how is called")) && !(l = opens(text, e, i, "how is named")) &&
         !(l = opens(text, e, i, "how's called"))))
        return 0;
    i = skip(text, e, i + l);
    while (end > i && !isalnum((unsigned char)text[end - 1])) end--;
    if (end == i) return 0;
    int n = snprintf(q, cap, "%.*swhat is %.*s called?", (int)(past_polite(text, e, b) - b),
                     text + b, (int)(end - i), text + i);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* "Age of Olga?", "age of my boss?", "what age is Olga?": how old one is asked as a note
 * or by "what age" (read as what one is), written "how old is Olga?" into q (cap bytes
 * with its NUL); its length, else 0. */
static size_t age_of_asked(const char *text, size_t b, size_t e, char *q, size_t cap)
{
    size_t i = past_polite(text, e, b), l, end = e;
    if (e >= strlen(text) || text[e] != '?' ||
        (!(l = opens(text, e, i, "age of")) && !(l = opens(text, e, i, "what age is"))))
        return 0;
    i = skip(text, e, i + l);
    while (end > i && !isalnum((unsigned char)text[end - 1])) end--;
    static const char *const lately[] = {" these days", " nowadays", " now", NULL};
    for (int k = 0; lately[k]; k++) {       /* ("what age is Ida these days?") */
        size_t ll = strlen(lately[k]);
        if (end > i + ll && !strncasecmp(text + end - ll, lately[k], ll)) end -= ll;
    }
    size_t words = 0;
    for (size_t j = i; j < end; j++) words += j == i || (text[j - 1] == ' ' && text[j] != ' ');
    if (end == i || words > 3) return 0;
    int n = snprintf(q, cap, "how old is %.*s?", (int)(end - i), text + i);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* A bid to be reminded of something of the user's, [b, e): "pls remind me of my
 * trade", "remind me again about my sister's job": the length of the question it is,
 * "what is my trade?", written into q (cap bytes with its NUL); 0 when the sentence is
 * no such bid (or it does not fit). */
static size_t remind_of(const char *text, size_t b, size_t e, char *q, size_t cap)
{
    size_t i = past_polite(text, e, b), l;
    if (!(l = opens(text, e, i, "remind"))) return 0;
    i = skip(text, e, i + l);
    if (!(l = opens(text, e, i, "me"))) return 0;
    i = skip(text, e, i + l);
    if ((l = opens(text, e, i, "again"))) i = skip(text, e, i + l);
    if (!(l = opens(text, e, i, "of")) && !(l = opens(text, e, i, "about"))) return 0;
    i = skip(text, e, i + l);
    if (!opens(text, e, i, "my")) return 0;
    for (size_t k = i; k < e; k++)      /* a thing named, no clause ("... of my aunt, who") */
        if (text[k] == ',') return 0;
    size_t end = e;
    while (end > i && (isspace((unsigned char)text[end - 1]) || text[end - 1] == '!')) end--;
    int ql = snprintf(q, cap, "what is %.*s?", (int)(end - i), text + i);
    return ql > 0 && (size_t)ql < cap ? (size_t)ql : 0;
}

/* The name of a kind of place the user works at (realise_place_noun, "airline") asked
 * with "the name of" ("... the name of the depot where I was foreman?", "... the name of
 * the dairy I work on?"), [b, e): the length of the question it is, "which depot do I
 * work at?", written into q (cap bytes with its NUL); 0 when the sentence is no such
 * question (or it does not fit). The reader reads such questions as of the job named in
 * them. */
static size_t works_at_named(const char *text, size_t b, size_t e, char *q, size_t cap)
{
    size_t i = past_polite(text, e, b), l;
    if (!(l = opens(text, e, i, "what's")) && !(l = opens(text, e, i, "whats")) &&
        !(l = opens(text, e, i, "what is")) && !(l = opens(text, e, i, "what was")))
        return 0;
    i = skip(text, e, i + l);
    if (!(l = opens(text, e, i, "the name of"))) return 0;
    i = skip(text, e, i + l);
    if ((l = opens(text, e, i, "the")) || (l = opens(text, e, i, "my"))) i = skip(text, e, i + l);
    size_t w = i, found = 0;
    for (int words = 0; words < 2 && !found; words++) {     /* ("the wine farm") */
        size_t s0 = skip(text, e, w);
        w = s0;
        while (w < e && isalpha((unsigned char)text[w])) w++;
        char noun[24];
        if (w == s0 || w - s0 >= sizeof noun) return 0;
        snprintf(noun, sizeof noun, "%.*s", (int)(w - s0), text + s0);
        found = realise_place_noun(noun) || !strcasecmp(noun, "airline");
    }
    if (!found) return 0;
    static const char *const working[] = {"work", "worked", "working", "teach", "taught",
                                          "fly", "flew", "was", "am", "run", "ran", "manage",
                                          "managed", "i'm", NULL};
    int me = 0, works = 0;
    for (size_t k = w; k < e;) {        /* then "I" and a word of working */
        while (k < e && !isalpha((unsigned char)text[k]) && text[k] != '\'') k++;
        size_t s0 = k;
        while (k < e && (isalpha((unsigned char)text[k]) || text[k] == '\'')) k++;
        char word[16];
        if (k == s0 || k - s0 >= sizeof word) continue;
        snprintf(word, sizeof word, "%.*s", (int)(k - s0), text + s0);
        for (char *c = word; *c; c++) *c = (char)tolower((unsigned char)*c);
        me |= !strcmp(word, "i") || !strcmp(word, "i'm");
        works |= me && listed(working, word);
    }
    int ql = works ? snprintf(q, cap, "which %.*s do I work at?", (int)(w - i), text + i) : 0;
    return ql > 0 && (size_t)ql < cap ? (size_t)ql : 0;
}

/* A name asked in a note, [b, e): one to three words before "name" and nothing after
 * it but a question mark, or the whole message ("ex wife name", "vet name?"): the
 * length of the question it is, "what is my ex wife's name?", written into q (cap bytes
 * with its NUL); 0 when the sentence is none (or does not fit). */
static size_t name_note(const char *text, size_t b, size_t e, char *q, size_t cap)
{
    static const char *const not_of[] = {"my", "your", "ur", "the", "a", "is", "are", "was",
                                         "what", "whats", "what's", "full", "first", "last",
                                         "middle", "nick", "sur", "real", "nice", "great",
                                         "good", "cute", "cool", "lovely", "funny", "weird",
                                         "pretty", "strange", "odd", "same", "new", "old",
                                         "user", "brand", "band", "stage", "pen", "screen",
                                         "that", "this", "his", "her", "their", "our", NULL};
    char w[4][24];
    int n = 0;
    size_t i = past_polite(text, e, b), end = e, n_all = strlen(text);  /* ("and ...") */
    if (e < n_all ? text[e] != '?' : b > 0) return 0;   /* asked, or a whole note alone */
    while (end > i && isspace((unsigned char)text[end - 1])) end--;
    end = tail_by_name(text, i, end);   /* ("wife's name please") */
    if (end < 4 || strncasecmp(text + end - 4, "name", 4) ||
        (end - 4 > i && text[end - 5] != ' '))
        return 0;
    end -= 4;
    while (i < end) {
        size_t s = i;
        while (i < end && isalpha((unsigned char)text[i])) i++;
        size_t we = i;                  /* ("wife's name": the wife's) */
        if (i + 1 < end && text[i] == '\'' && (text[i + 1] == 's' || text[i + 1] == 'S')) i += 2;
        if (we == s || we - s >= sizeof w[0] || n == 3 || (i < end && text[i] != ' ')) return 0;
        snprintf(w[n], sizeof w[0], "%.*s", (int)(we - s), text + s);
        for (char *c = w[n]; *c; c++) *c = (char)tolower((unsigned char)*c);
        n++;
        i = skip(text, end, i);
    }
    int from = n > 1 && (!strcmp(w[0], "my") ||      /* "the youngest's name?" */
                         (!strcmp(w[0], "the") && listed(understand_kin_sizes, w[1])));
    if (n - from < 1) return 0;
    for (int k = from; k < n; k++)
        if (listed(not_of, w[k])) return 0;
    char whose[80] = "";
    for (int k = from; k < n; k++) {
        size_t l = strlen(whose);
        snprintf(whose + l, sizeof whose - l, "%s%s", k > from ? " " : "", w[k]);
    }
    size_t wl = strlen(whose);          /* "dogs name": the dog's */
    if (wl > 2 && whose[wl - 1] == 's' && whose[wl - 2] != 's') whose[wl - 1] = '\0';
    int ql = snprintf(q, cap, "what is my %s's name?", whose);
    return ql > 0 && (size_t)ql < cap ? (size_t)ql : 0;
}

/* What a list of things asked of someone names ("my goat's name and colour"). */
static const char *const asked_attr[] = {"name", "age", "birthday", "job", "breed",
                                         "colour", "color", "surname", "nickname", NULL};
/* Words a list of things asked may close with ("..., both pls", "..., go"). */
static const char *const list_close[] = {"go", "please", "pls", "plz", "both", "again",
                                         "thanks", "thx", "ta", NULL};

/* 1 when w is a word of list, in any case. */
static int listed(const char *const *list, const char *w)
{
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(list[i], w)) return 1;
    return 0;
}

/* A sentence [b, e) that only lists things asked of one or two holders, written as one
 * question each into q (cap bytes with its NUL): "my goat's name and colour, quick" is
 * "what is my goat's name? what is my goat's colour?", "ferret name + age" the same of
 * "my ferret", "Odile's job and the pony's name, both" two of two holders. A part is
 * [my|our|the] word['s] then a word of asked_attr; a part with no holder takes the one before; two
 * parts or more, joined by "and", "+", "&" or a comma. Returns the length written, 0
 * when the sentence is not such a list or does not fit. */
static size_t asked_list(const char *text, size_t b, size_t e, char *q, size_t cap)
{
    char w[12][32];
    int nw = 0;
    size_t i = past_polite(text, e, b), l;
    if ((l = opens(text, e, i, "what's")) || (l = opens(text, e, i, "whats")) ||
        (l = opens(text, e, i, "what are")) || (l = opens(text, e, i, "what is")) ||
        (l = opens(text, e, i, "tell me")))
        i += l;
    while (i < e && nw < 12) {          /* words, and each joining mark as a word "and" */
        while (i < e && (text[i] == ' ' || text[i] == '\t')) i++;
        if (i >= e) break;
        if (strchr(",+&", text[i])) {
            snprintf(w[nw++], sizeof w[0], "and");
            i++;
            continue;
        }
        size_t k = 0;
        for (; i < e && !strchr(" \t,+&", text[i]); i++) {
            if (k + 1 >= sizeof w[0]) return 0;
            w[nw][k++] = text[i];
        }
        w[nw++][k] = '\0';
    }
    if (i < e) return 0;
    while (nw > 0 && (listed(list_close, w[nw - 1]) || !strcasecmp(w[nw - 1], "and"))) nw--;
    /* "my favourite song and colour": a favourite each */
    static const char *const fave[] = {"favourite", "favorite", "fave", "fav", NULL};
    if (nw == 5 && !strcasecmp(w[0], "my") && listed(fave, w[1]) && !strcasecmp(w[3], "and") &&
        isalpha((unsigned char)w[2][0]) && isalpha((unsigned char)w[4][0])) {
        size_t l4 = strcspn(w[4], "?!.");
        int ql = snprintf(q, cap, "what is my favourite %s? what is my favourite %.*s?", w[2],
                          (int)l4, w[4]);
        return ql > 0 && (size_t)ql < cap ? (size_t)ql : 0;
    }
    char holder[48] = "";
    size_t at = 0;
    int parts = 0;
    for (int k = 0; k < nw;) {
        int a = k;                      /* the part's words [k, a): its holder */
        while (a < nw && a - k < 3 && !listed(asked_attr, w[a])) a++;
        if (a >= nw || a - k > 2) return 0;
        if (a - k == 2 && strcasecmp(w[k], "my") && strcasecmp(w[k], "our") &&
            strcasecmp(w[k], "the"))
            return 0;                   /* (not "her mum's age": whose is not known here) */
        if (a - k) {                    /* "my goat's", "goat", "Odile's", "the pony's" */
            const char *word = w[a - 1];
            size_t wl = strlen(word);
            if (wl > 2 && !strcmp(word + wl - 2, "'s")) wl -= 2;
            const char *det = a - k == 2 ? w[k]         /* a name as it is, a thing "my" */
                              : isupper((unsigned char)word[0]) ? "" : "my";
            if (a - k == 1 && listed(whose, word)) {    /* "my name and age": the user's */
                if (strcasecmp(word, "my")) return 0;
                holder[0] = '\0';
            } else {
                snprintf(holder, sizeof holder, "%s%s%.*s", det, *det ? " " : "", (int)wl, word);
            }
        }
        char one[96];
        int ol;
        if (!strcasecmp(w[a], "age"))
            ol = holder[0] ? snprintf(one, sizeof one, "%show old is %s?", parts ? " " : "", holder)
                           : snprintf(one, sizeof one, "%show old am I?", parts ? " " : "");
        else
            ol = holder[0] ? snprintf(one, sizeof one, "%swhat is %s's %s?", parts ? " " : "",
                                      holder, w[a])
                           : snprintf(one, sizeof one, "%swhat is my %s?", parts ? " " : "", w[a]);
        if (ol < 0 || !put(q, cap, &at, one, (size_t)ol)) return 0;
        parts++;
        k = a + 1;
        if (k < nw && strcasecmp(w[k], "and")) return 0;
        k += k < nw;
    }
    if (parts < 2 || at + 1 > cap) return 0;
    q[at] = '\0';
    return at;
}

/* 1 when w is a word of kin or of a pet ("wife", "dog"). */
static int kin_or_pet(const char *w)
{
    char key[UNDERSTAND_KEY];
    understand_holder_of(w, key, sizeof key);
    return (strcmp(key, "self") && understand_kin(key)) || dialogue_pet_word(w);
}

/* A terse bid for two names in two sentences, "Aunt and pony. Both names?": the sentence
 * text[b, e) is two words of kin or pets joined by "and" (each may have "my"), the next,
 * which ends at *next, is "names", "both names" or "their names" (and "please"). Writes
 * "my wife and dog" into obj (cap bytes); its length, 0 when the two are no such bid. */
static size_t terse_names(const char *text, size_t n, size_t b, size_t e, size_t *next,
                          char *obj, size_t cap)
{
    char w[2][24];
    size_t i = skip(text, e, b), l;
    for (int k = 0; k < 2; k++) {
        if ((l = opens(text, e, i, "my"))) i = skip(text, e, i + l);
        size_t s = i;
        while (i < e && isalpha((unsigned char)text[i])) i++;
        if (i == s || i - s >= sizeof w[k]) return 0;
        snprintf(w[k], sizeof w[k], "%.*s", (int)(i - s), text + s);
        for (char *c = w[k]; *c; c++) *c = (char)tolower((unsigned char)*c);
        if (!kin_or_pet(w[k])) return 0;
        i = skip(text, e, i);
        if (k == 0 && !(l = opens(text, e, i, "and"))) return 0;
        if (k == 0) i = skip(text, e, i + l);
    }
    if (i < e || e >= n) return 0;
    size_t j = e + 1, f = j;
    while (f < n && !strchr(".!?\n", text[f])) f++;
    j = skip(text, f, j);
    if ((l = opens(text, f, j, "both")) || (l = opens(text, f, j, "their")))
        j = skip(text, f, j + l);
    if (!(l = opens(text, f, j, "names"))) return 0;
    j = skip(text, f, j + l);
    if ((l = opens(text, f, j, "please")) || (l = opens(text, f, j, "pls")))
        j = skip(text, f, j + l);
    while (j < f && isspace((unsigned char)text[j])) j++;
    if (j < f) return 0;
    *next = f;
    int ol = snprintf(obj, cap, "my %s and %s", w[0], w[1]);
    return ol > 0 && (size_t)ol < cap ? (size_t)ol : 0;
}

/* A Chinese question of two things of one of the user's people or of the user, the
 * second with no one named: "我舅舅叫什么，在哪儿干活？" is "我舅舅叫什么？我舅舅在哪儿干活？"
 * (the first part opens with 我 or 我的 and a kin or animal word, or 我 alone; both parts
 * ask, the second not of "你"). Into q (cap bytes with its
 * NUL): the length written, 0 when the message is not such a question or does not fit. */
static size_t zh_two_asked(const char *msg, char *q, size_t cap)
{
    static const char comma[] = "\xEF\xBC\x8C", mark[] = "\xEF\xBC\x9F";
    size_t n = strlen(msg);
    while (n && isspace((unsigned char)msg[n - 1])) n--;
    const char *c = strstr(msg, comma);
    if (!c || strstr(c + 3, comma) || strncmp(msg, "\xE6\x88\x91", 3) ||    /* 我 */
        !understand_chinese(msg, n))
        return 0;
    size_t end = n;                     /* the second part, without its mark */
    if (end >= 3 && !strncmp(msg + end - 3, mark, 3)) end -= 3;
    else if (end && msg[end - 1] == '?') end--;
    else return 0;
    size_t at = 3;
    if (!strncmp(msg + at, "\xE7\x9A\x84", 3)) at += 3;     /* 的 */
    size_t kl;                          /* (none: of the user, "我是干啥的，在哪上班？") */
    size_t who = forms_zh_who_key(msg + at, (size_t)(c - msg) - at, &kl) ? at + kl : 3;
    size_t first = (size_t)(c - msg), second = first + 3;
    if (second >= end || !forms_zh_asks(msg, first) || !forms_zh_asks(msg + second, end - second) ||
        !strncmp(msg + second, "\xE6\x88\x91", 3) ||
        forms_zh_who_key(msg + second, end - second, &kl) ||
        strstr(msg + second, "\xE4\xBD\xA0"))   /* 你 */
        return 0;                       /* (the second names someone: "他几岁" is left) */
    size_t o = 0;
    if (!put(q, cap, &o, msg, first) || !put(q, cap, &o, mark, 3) || !put(q, cap, &o, msg, who) ||
        !put(q, cap, &o, msg + second, end - second) || !put(q, cap, &o, mark, 3) || o + 1 > cap)
        return 0;
    q[o] = '\0';
    return o;
}

long asking_text(const char *msg, char *out, size_t cap)
{
    char zh[512];
    size_t zl = zh_two_asked(msg, zh, sizeof zh);
    if (zl) {
        if (zl + 1 > cap) return -1;
        memcpy(out, zh, zl + 1);
        return (long)zl;
    }
    size_t n = strlen(msg), at = 0;
    for (size_t b = 0; b < n;) {
        size_t e = b;
        while (e < n && !strchr(".!?\n", msg[e])) e++;
        char pair[64];
        size_t next, pl = terse_names(msg, n, b, e, &next, pair, sizeof pair);
        if (pl) {                       /* "Aunt and pony. Both names." */
            size_t lead = b;
            while (lead < e && isspace((unsigned char)msg[lead])) lead++;
            if (!put(out, cap, &at, msg + b, lead - b) ||
                !put_names(out, cap, &at, FORM_NAMES, pair, pl))
                return -1;
            b = next < n && msg[next] != '\n' ? next + 1 : next;
            continue;
        }
        int form = FORM_NAME;
        size_t end = e, obj = request(msg, b, e, &form, &end);
        if (obj) {
            size_t lead = b;            /* the spaces it opened with stay */
            while (lead < e && isspace((unsigned char)msg[lead])) lead++;
            while (end > obj && isspace((unsigned char)msg[end - 1])) end--;
            end = tail_by_name(msg, obj, end);
            if (!put(out, cap, &at, msg + b, lead - b) ||
                !put_names(out, cap, &at, form, msg + obj, end - obj))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;  /* its "." or "!" is the "?" */
            continue;
        }
        char animal[32], q[64];
        size_t lead;                    /* (what opened it stays: "ok, ...") */
        int we = kind_kept(msg, b, e, animal, sizeof animal, &lead);
        if (we >= 0) {                  /* "what breed is my rabbit?" */
            int ql = snprintf(q, sizeof q, "what breed is %s %s?", we ? "our" : "my", animal);
            if (!put(out, cap, &at, msg + b, lead - b) || !put(out, cap, &at, q, (size_t)ql))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;
            continue;
        }
        /* a sentence that is one question or more as a whole: "what is my goat's name? how
         * old is my goat?", "which depot do I work at?", "what is my trade?", "what is my
         * vet's name?" (its opening spaces stay) */
        char two[256];
        size_t tl = asked_list(msg, b, e, two, sizeof two);
        if (!tl) tl = works_at_named(msg, b, e, two, sizeof two);
        if (!tl) tl = remind_of(msg, b, e, two, sizeof two);
        if (!tl) tl = name_note(msg, b, e, two, sizeof two);
        if (tl) {
            size_t lead = b;
            while (lead < e && isspace((unsigned char)msg[lead])) lead++;
            if (!put(out, cap, &at, msg + b, lead - b) || !put(out, cap, &at, two, tl))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;
            continue;
        }
        size_t who = asks_spouse(msg, b, e);
        if (who) {                      /* "who is my spouse?" */
            if (!put(out, cap, &at, msg + b, who - 1 - b) ||
                !put(out, cap, &at, "who is my spouse?", 17))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;
            continue;
        }
        char ordered[256];
        size_t ol = uninverted(msg, b, e, ordered, sizeof ordered);
        if (!ol) ol = age_of_asked(msg, b, e, ordered, sizeof ordered);
        if (!ol) ol = how_called(msg, b, e, ordered, sizeof ordered);
        if (ol) {                       /* "What instrument I play?" */
            if (!put(out, cap, &at, ordered, ol)) return -1;
            b = e + 1;
            continue;
        }
        const char *plainly = asked_plainly(msg, b, e);
        if (plainly) {                  /* "how old am I?", "what do I study?" */
            size_t lead = past_polite(msg, e, b);
            if (!put(out, cap, &at, msg + b, lead - b) ||
                !put(out, cap, &at, plainly, strlen(plainly)))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;
            continue;
        }
        size_t tag = tag_at(msg, b, e, n);
        if (tag) {                      /* the statement asks: its tag ends with "?" */
            size_t end = e;
            while (end > tag && !isalnum((unsigned char)msg[end - 1])) end--;
            if (!put(out, cap, &at, msg + b, end - b) || !put(out, cap, &at, "?", 1) ||
                !put(out, cap, &at, msg + end, n - end))
                return -1;
            b = n;
            continue;
        }
        size_t called = vocative_at(msg, b, e);
        if (called) {                   /* "wheres my flat bro": "wheres my flat?" */
            if (!put(out, cap, &at, msg + b, called - b) || !put(out, cap, &at, "?", 1))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;
            continue;
        }
        size_t aside = aside_at(msg, b, e);
        size_t where = past_polite(msg, e, b), wl = opens(msg, e, where, "where");
        if (aside && wl && guesses_place(msg, aside, e)) {
            /* "where do I teach, Coimbra?" asks "do I teach in Coimbra?" */
            size_t from = skip(msg, e, where + wl), g = skip(msg, e, aside + 1), ge = e;
            while (ge > g && !isalpha((unsigned char)msg[ge - 1]) &&
                   (unsigned char)msg[ge - 1] < 0x80)
                ge--;
            if (!put(out, cap, &at, msg + b, where - b) ||
                !put(out, cap, &at, msg + from, aside - from) ||
                !put(out, cap, &at, " in ", 4) || !put(out, cap, &at, msg + g, ge - g) ||
                !put(out, cap, &at, "?", 1))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;
            continue;
        }
        if (aside) {                    /* the question without its aside */
            if (!put(out, cap, &at, msg + b, aside - b) || !put(out, cap, &at, "?", 1))
                return -1;
            b = e < n && msg[e] != '\n' ? e + 1 : e;
            continue;
        }
        if (e < n) e++;                 /* the mark that ends it */
        size_t from = b;                /* "did I say I brew" as "do I brew"; "these
                                         * days" as "now" */
        size_t wh = past_polite(msg, e, b);
        int asks_who = opens(msg, e, wh, "who's") || opens(msg, e, wh, "whos") ||
                       opens(msg, e, wh, "who") || opens(msg, e, wh, "what age") ||
                       opens(msg, e, wh, "how old");
        for (size_t i = b; i < e && memchr(msg + b, '?', e - b); i++) {
            size_t l = (i == b || !isalnum((unsigned char)msg[i - 1])) ? said_i(msg, e, i) : 0;
            size_t t = l || !asks_who ? 0 : time_now(msg, e, i);
            if (!l && !t) continue;
            if (!put(out, cap, &at, msg + from, i - from) ||
                !put(out, cap, &at, l ? "do " : "now", 3))
                return -1;
            from = i + (l ? l : t);
            i = from - 1;
        }
        if (!put(out, cap, &at, msg + from, e - from)) return -1;
        b = e;
    }
    if (at + 1 > cap) return -1;
    out[at] = '\0';
    return (long)at;
}
