/* quote_trim.c: a quoted sentence without what it says was left (quote_trim.h). The
 * sentence is cut into words (with their bytes) and parts: at punctuation (, ; : ! ?
 * brackets, dashes, a full stop that ends a sentence: clauses_full_stop) and before a
 * joining word ("so", "but", "and" ...). A part that holds a word of leaving ("skipping",
 * "sold", "quit", "anymore") or of negation is dropped whole, unless a word of change
 * comes before its negation in the part ("in on weekends now, not weekdays": only "not
 * weekdays" goes); "from X" goes before "to Y" in a part that says it changed, and
 * "instead of X" or "rather than X" to the part's end after what replaced it; a part
 * that says one "changed my mind" about something left it, and one that recalls what the
 * user said ("I said 3 kids") when a part follows it that puts it right. What
 * remains is written back with the text between its words as it was; a joining word
 * that opened a dropped part's follower goes too. */
#include "agent/quote_trim.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "agent/clauses.h"
#include "agent/understand_words.h"

enum { TRIM_WORDS = 96, TRIM_WORD = 32 };

typedef struct trim_word {
    size_t b, e;                /* its bytes in the text */
    char low[TRIM_WORD];        /* lower case, the apostrophe as typed ("can't", "can’t") */
    int part;                   /* which part it is in */
    int starts;                 /* 1 when a part starts at it */
    int keep;
} trim_word_t;

/* Words that leave something behind: the part they are in told what was. */
static const char *const leaving[] = {
    "skip", "skipping", "skipped", "sold", "selling", "cancelled", "canceled", "cancel",
    "quit", "quitting", "retiring", "left", "leaving", "anymore", "dropped", "ditched",
    "former", "formerly", "previously", "died", "rehomed", "longer", "stole", "stolen",
    "crashed", "totalled", "totaled", "scrapped", "notice", "resigned", "resigning",
    "retired", NULL,
};
/* Words of negation (and any word ending in "n't"). */
static const char *const negation[] = {"not", "no", "never", "cannot", "cant", "dont",
                                       "wont", "isnt", "arent", "wasnt", "didnt", "doesnt",
                                       NULL};
/* Words that tell the new: a change or what holds now. */
static const char *const news[] = {
    "instead", "now", "switched", "switching", "moved", "moving", "changed", "changing",
    "joined", "joining", "started", "starting", "new", "nowadays", "currently", "next",
    "got", "getting", "bought", "doing", "officially", "replaced", "became", "become",
    "upgraded", "swapped", "change", "pushed", "postponed", "rescheduled", "meant",
    "transferred", "decided", NULL,
};
/* Words that join a part to the one before: a part starts at them. */
static const char *const joining[] = {"so", "but", "and", "then", "because", "cause", "cos",
                                      "though", "although", "while", "since", "anyway",
                                      "anyways", NULL};
/* Words of a change a "from ... to ..." follows. */
static const char *const changing[] = {"changed", "switched", "moved", "went", "upgraded",
                                       "swapped", "switching", "moving", "changing", NULL};

static int is_negation(const char *w)
{
    size_t l = strlen(w);
    return understand_in_list(negation, w) || (l > 3 && !strcmp(w + l - 3, "n't"));
}

/* A byte that ends a part where it stands (outside a word or at its end). */
static int breaks(unsigned char c)
{
    return c && strchr(",;:.!?()[]", c) != NULL;
}

/* The words of text[0..n) into w (at most max), parts numbered; returns how many. */
static int words_of(const char *text, size_t n, trim_word_t *w, int max)
{
    int k = 0, part = 0, cut = 1;
    size_t i = 0;
    while (i < n && k < max) {
        unsigned char c = (unsigned char)text[i];
        if (isspace(c)) {
            i++;
            continue;
        }
        /* a dash between spaces, or an em/en dash (UTF-8 E2 80 93/94), ends a part */
        if ((c == '-' && (i + 1 == n || isspace((unsigned char)text[i + 1]))) ||
            (c == 0xE2 && i + 2 < n && (unsigned char)text[i + 1] == 0x80 &&
             ((unsigned char)text[i + 2] == 0x93 || (unsigned char)text[i + 2] == 0x94))) {
            cut = 1;
            i += c == '-' ? 1 : 3;
            continue;
        }
        if (breaks(c)) {
            cut |= c != '.' || clauses_full_stop(text, n, i, 0);   /* ("Dr. Ruiz" stays) */
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && !isspace((unsigned char)text[i]) &&
               !(breaks((unsigned char)text[i]) &&
                 (i + 1 == n || isspace((unsigned char)text[i + 1]) ||
                  breaks((unsigned char)text[i + 1]) || text[i] == ',' || text[i] == ';')))
            i++;
        trim_word_t *x = &w[k];
        x->b = b, x->e = i;
        size_t l = 0;
        for (size_t j = b; j < i && l + 1 < TRIM_WORD; j++) {
            if ((unsigned char)text[j] == 0xE2 && j + 2 < i &&
                (unsigned char)text[j + 1] == 0x80 && (unsigned char)text[j + 2] == 0x99) {
                x->low[l++] = '\'';            /* a curly apostrophe as a straight one */
                j += 2;
            } else {
                x->low[l++] = (char)tolower((unsigned char)text[j]);
            }
        }
        x->low[l] = '\0';
        /* an apostrophe kept only in an "n't" ending: "i'm" reads "im", "can't" stays */
        char *ap = strchr(x->low, '\'');
        if (ap && strcmp(ap, "'t") != 0) memmove(ap, ap + 1, strlen(ap));
        if (!cut && understand_in_list(joining, x->low)) cut = 1;
        part += cut && k > 0;
        x->part = part, x->starts = cut, x->keep = 1;
        cut = 0;
        k++;
    }
    return k;
}

int quote_trim(const char *text, size_t n, char *out, size_t cap)
{
    trim_word_t w[TRIM_WORDS];
    if (!cap) return 0;
    out[0] = '\0';
    int nw = words_of(text, n, w, TRIM_WORDS), dropped = 0;
    for (int b = 0; b < nw;) {
        int e = b;
        while (e < nw && w[e].part == w[b].part) e++;
        int neg = -1, leaves = 0, renews = -1, from = -1, to = -1, change = 0, instead = -1;
        for (int i = b; i < e; i++) {
            if (neg < 0 && is_negation(w[i].low)) neg = i;
            leaves |= understand_in_list(leaving, w[i].low);
            /* "changed our mind about the kayak": what the mind changed on was left */
            leaves |= i + 2 < e && !strcmp(w[i].low, "changed") && !strcmp(w[i + 2].low, "mind");
            if (instead < 0 && i + 1 < e &&
                ((!strcmp(w[i].low, "instead") && !strcmp(w[i + 1].low, "of")) ||
                 (!strcmp(w[i].low, "rather") && !strcmp(w[i + 1].low, "than"))))
                instead = i;
            if (renews < 0 && understand_in_list(news, w[i].low)) renews = i;
            change |= understand_in_list(changing, w[i].low);
            if (!strcmp(w[i].low, "from") && from < 0) from = i;
            if (!strcmp(w[i].low, "to") && from >= 0 && to < 0) to = i;
        }
        int recalls = 0;        /* "I said 3 kids - we've 4 now": what it puts right */
        for (int i = b; i + 1 < e && !recalls; i++)
            recalls = !strcmp(w[i].low, "i") &&
                      understand_in_list(understand_recall_verbs, w[i + 1].low);
        if (leaves || (recalls && e < nw)) {
            for (int i = b; i < e; i++) w[i].keep = 0;
        } else if (neg >= 0) {          /* "... now not weekdays": from the "not" on */
            for (int i = renews >= 0 && renews < neg ? neg : b; i < e; i++) w[i].keep = 0;
        } else if (change && from >= 0 && to > from + 1) {  /* "changed from A to B" */
            for (int i = from; i < to; i++) w[i].keep = 0;
        } else if (instead > b) {       /* "moved on to pottery instead of singing" */
            for (int i = instead; i < e; i++) w[i].keep = 0;
        }
        for (int i = b; i < e; i++) dropped += !w[i].keep;
        b = e;
    }
    if (!dropped) return 0;
    /* a joining word that opens what follows a dropped word goes with it */
    for (int i = 1; i < nw; i++)
        if (w[i].keep && !w[i - 1].keep && understand_in_list(joining, w[i].low))
            w[i].keep = 0;
    /* a word alone before what goes, opening the sentence ("ok", "well"), goes with it */
    if (nw > 1 && w[0].keep && !w[1].keep && w[1].starts) w[0].keep = 0;
    int kept = 0, renewed = 0;
    for (int i = 0; i < nw; i++)
        if (w[i].keep) kept++, renewed |= understand_in_list(news, w[i].low);
    if (kept < 2 || !renewed) return 0;
    size_t at = 0;
    int last = -1;
    for (int i = 0; i < nw; i++) {
        if (!w[i].keep) continue;
        const char *sep = "";
        size_t sl = 0;
        if (last < 0 && i == 0) sep = text, sl = w[0].b;           /* what opens it */
        else if (last >= 0 && last == i - 1) sep = text + w[last].e, sl = w[i].b - w[last].e;
        else if (last >= 0 && w[i].starts) sep = text + w[i - 1].e, sl = w[i].b - w[i - 1].e;
        else if (last >= 0) sep = " ", sl = 1;
        int wrote = snprintf(out + at, cap - at, "%.*s%.*s", (int)sl, sep,
                             (int)(w[i].e - w[i].b), text + w[i].b);
        if (wrote < 0 || (size_t)wrote >= cap - at) {
            at = cap - 1;
            break;
        }
        at += (size_t)wrote;
        last = i;
    }
    if (last == nw - 1 && at + 1 < cap)             /* what closes it */
        snprintf(out + at, cap - at, "%.*s", (int)(n - w[last].e), text + w[last].e);
    /* a leading separator left by a dropped opening ("..., I joined Lidl") goes */
    size_t lead = 0;
    while (out[lead] && (isspace((unsigned char)out[lead]) || breaks((unsigned char)out[lead])))
        lead++;
    if (lead) memmove(out, out + lead, strlen(out + lead) + 1);
    return out[0] != '\0';
}

int quote_trim_asks_past(const char *question)
{
    static const char *const past[] = {"used to", "use to", "before", "previously",
                                       "originally", "former", "formerly", "old", "ex",
                                       "last", "back then", "at first", NULL};
    char buf[512];
    const char *words[96];
    int n = understand_split_words(question, " ,.?!'\"", buf, sizeof buf, words, 96);
    for (int k = 0; past[k]; k++) {
        const char *sp = strchr(past[k], ' ');
        for (int i = 0; i < n; i++) {
            if (!sp && !strcmp(words[i], past[k])) return 1;
            if (sp && i + 1 < n && !strncmp(words[i], past[k], (size_t)(sp - past[k])) &&
                strlen(words[i]) == (size_t)(sp - past[k]) && !strcmp(words[i + 1], sp + 1))
                return 1;
        }
    }
    return 0;
}
