/* quote_which.c: which one of the user's people or pets a quoted sentence picks out for a
 * question of "which of my ... is ...", "which dog is ..." or "who ... " (quote_internal.h):
 * the sentence is cut into parts at commas, semicolons and the words that join clauses
 * ("and", "but", "while", "whereas"); the one part that holds the most of the question's
 * own words (not the group asked over, not "one", not a place of the user's: "on my team")
 * gives the name it opens with (a word
 * with a capital, or any word before "is", "who", "has" ...: "kes is a grey"), or
 * the part before it gives it when it opens with "who" ("Gus, who's our designer"). A
 * sentence that names only one, a question that compares ("which is older") or a tie
 * gives none, and the whole sentence is quoted as before. */
#include "agent/quote_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/understand_words.h"
#include "model/lex_words.h"

enum { WHICH_PARTS = 16 };

/* Words that open a question before what it asks ("so", "remind me"). */
static int opener(const char *w)
{
    static const char *const o[] = {"and", "so", "ok", "okay", "oh", "remind", "me", "tell",
                                    "quick", "q", "hey", NULL};
    return understand_in_list(o, w);
}

/* Words of a question that compare or count: left to the rest of the quote. */
static int compares(const char *w)
{
    static const char *const c[] = {"older", "oldest", "younger", "youngest", "elder",
                                    "eldest", "taller", "tallest", "bigger", "biggest",
                                    "smaller", "smallest", "more", "most", "less", "many",
                                    "much", NULL};
    return understand_in_list(c, w);
}

/* The question's own words into mine[0..) (indexes of q), after its group; -1 when it
 * asks no such thing. */
static int asked_words(const word_t *q, int nq, int *mine, int max)
{
    static const char *const not_asked[] = {"one", "ones", "my", "our", "of", "the", "is",
                                            "are", "was", "which", "who", "whos", NULL};
    int w = 0;
    while (w < nq && opener(q[w].low)) w++;
    if (w >= nq) return -1;
    int group = -1;
    if (!strcmp(q[w].low, "which")) {
        int g = w + 1;
        if (g < nq && !strcmp(q[g].low, "one")) g++;
        if (g < nq && !strcmp(q[g].low, "of")) g++;
        while (g < nq && (!strcmp(q[g].low, "my") || !strcmp(q[g].low, "our") ||
                          !strcmp(q[g].low, "the")))
            g++;
        if (g >= nq || !quote_kin_word(&q[g])) return -1;  /* which of my dogs, which cat */
        group = g;
    } else if (!strcmp(q[w].low, "who") || !strcmp(q[w].low, "whos")) {
        int v = w + 1;
        if (v < nq && !strcmp(q[w].low, "who") && (!strcmp(q[v].low, "is") ||
                                                    !strcmp(q[v].low, "s")))
            v++;
        /* "who is my sister?", "who do I ...": asked of a kin word or of the user */
        if (v < nq && (!strcmp(q[v].low, "my") || !strcmp(q[v].low, "our") ||
                       !strcmp(q[v].low, "i") || !strcmp(q[v].low, "we") ||
                       !strcmp(q[v].low, "you")))
            return -1;
        if (v + 1 < nq && (!strcmp(q[v].low, "do") || !strcmp(q[v].low, "did")) &&
            (!strcmp(q[v + 1].low, "i") || !strcmp(q[v + 1].low, "we")))
            return -1;
    } else {
        return -1;
    }
    int n = 0;
    for (int j = w + 1; j < nq && n < max; j++) {
        if (compares(q[j].low)) return -1;
        static const char *const at[] = {"on", "in", "at", "for", "of", "with", "from",
                                         "to", NULL};
        int ours = (!strcmp(q[j - 1].low, "my") || !strcmp(q[j - 1].low, "our")) && j >= 2 &&
                   understand_in_list(at, q[j - 2].low);
        if (j == group || ours || !quote_content_word(&q[j]) ||
            understand_in_list(not_asked, q[j].low) ||
            (group >= 0 && quote_same_word(&q[j], &q[group])))
            continue;
        mine[n++] = j;
    }
    return n ? n : -1;
}

/* 1 when part word p holds question word a: the same word, or alike at their start in
 * all but their last three letters, four at least ("designer" and "design", "tester"
 * and "testing"). */
static int holds(const word_t *p, const word_t *a)
{
    size_t lp = strlen(p->low), la = strlen(a->low), k = (lp < la ? lp : la);
    k = k > 7 ? k - 3 : 4;
    return quote_same_word(p, a) || (lp >= 5 && la >= 5 && !strncmp(p->low, a->low, k));
}

/* The name the words w[0..n) of one part open with, into out (cap bytes); 1 when found. */
static int part_name(const word_t *w, int n, char *out, size_t cap)
{
    static const char *const before[] = {"is", "who", "whos", "was", "has", "does", "works",
                                         "plays", "runs", "handles", "looks", "s", NULL};
    static const char *const none[] = {"there", "theres", "there's", "it", "its", "it's",
                                       "that", "thats", "that's", "he", "she", "they",
                                       "hes", "shes", "he's", "she's", "we", "i", "got",
                                       "have", "also", "and", "but", "so", "plus", "both",
                                       "one", "other", "another", "oh", "well", "ok", NULL};
    for (int j = 0; j < n; j++) {
        char base[LEX_WORD_MAX];
        size_t l = strlen(w[j].low);
        if (l >= sizeof base) continue;
        memcpy(base, w[j].low, l + 1);
        int poss = l > 2 && !strcmp(base + l - 2, "'s");
        if (poss) base[l - 2] = '\0';
        if (understand_in_list(none, base) || understand_in_list(none, w[j].low) ||
            lex_is_stopword(base) || quote_kin_word(&w[j]) || quote_number_word(&w[j]))
            continue;
        int next = j + 1 < n && understand_in_list(before, w[j + 1].low);
        if (quote_name_like(&w[j]) || next || (poss && l > 3)) {
            snprintf(out, cap, "%s", base);
            if (out[0]) out[0] = (char)toupper((unsigned char)out[0]);
            return 1;
        }
    }
    return 0;
}

/* The parts of text[0..n): byte ranges into from/len; returns how many. */
static int parts_of(const char *text, size_t n, size_t *from, size_t *len, int max)
{
    static const char *const joins[] = {" and ", " but ", " while ", " whereas ", NULL};
    int k = 0;
    size_t b = 0;
    for (size_t i = 0; i <= n && k < max; i++) {
        size_t cut = 0;     /* bytes of the mark that ends a part here */
        if (i == n) cut = 1;
        else if (text[i] == ',' || text[i] == ';') cut = 1;
        else
            for (int j = 0; joins[j] && !cut; j++) {
                size_t l = strlen(joins[j]);
                if (i + l <= n && !strncasecmp(text + i, joins[j], l)) cut = l - 1;
            }
        if (!cut) continue;
        size_t s = b, e = i;
        while (s < e && isspace((unsigned char)text[s])) s++;
        while (e > s && isspace((unsigned char)text[e - 1])) e--;
        if (e > s) from[k] = s, len[k++] = e - s;
        b = i + cut;
        i = b - 1;
    }
    return k;
}

int quote_which(const char *question, const char *text, size_t n, char *name, size_t cap,
                char *part, size_t pcap)
{
    word_t q[QUOTE_WORDS], w[QUOTE_WORDS];
    int mine[16];
    if (!cap || !pcap) return 0;
    name[0] = '\0';
    int nq = quote_words(question, strlen(question), q, QUOTE_WORDS);
    int nm = asked_words(q, nq, mine, 16);
    if (nm < 0) return 0;
    size_t from[WHICH_PARTS], len[WHICH_PARTS];
    int np = parts_of(text, n, from, len, WHICH_PARTS);
    char names[WHICH_PARTS][LEX_WORD_MAX];
    int named = 0, best = -1, most = 0, tie = 0;
    for (int k = 0; k < np; k++) {
        int nw = quote_words(text + from[k], len[k], w, QUOTE_WORDS);
        names[k][0] = '\0';
        if (part_name(w, nw, names[k], sizeof names[k])) {
            int again = 0;
            for (int j = 0; j < k && !again; j++) again = !strcasecmp(names[j], names[k]);
            named += !again;
        }
        int held = 0;
        for (int a = 0; a < nm; a++)
            for (int x = 0; x < nw; x++)
                if (holds(&w[x], &q[mine[a]])) {
                    held++;
                    break;
                }
        if (held > most) most = held, best = k, tie = 0;
        else if (held && held == most) tie = 1;
    }
    if (named < 2 || best < 0 || tie) return 0;
    int at = best;
    if (!names[best][0]) {      /* "Gus, who's our designer": the part before names him */
        int nw = quote_words(text + from[best], len[best], w, QUOTE_WORDS);
        if (best == 0 || nw == 0 || (strcmp(w[0].low, "who") && strcmp(w[0].low, "whos") &&
                                     strcmp(w[0].low, "who's")) || !names[best - 1][0])
            return 0;
        at = best - 1;
    }
    snprintf(name, cap, "%s", names[at]);
    snprintf(part, pcap, "%.*s", (int)(from[best] + len[best] - from[at]), text + from[at]);
    return 1;
}
