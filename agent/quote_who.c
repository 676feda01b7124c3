/* quote_who.c: a question of who does something ("who runs one of my food carts?", "who
 * is doing law in our family?", "who taught my son chess?", "who does the ironing?")
 * that the user's facts did not answer, answered by the sentence of theirs that does it,
 * before their words are looked through for the question's other words: a sentence that
 * holds the question's verb (any form of it: "runs", "ran"; "taught" for "teach")
 * said of someone of theirs (a word of kin or a name before the verb in its part, parts
 * ending at commas; not "I"), with the most of the question's other content words (or
 * words that hold one of five letters or more: "skateboarding" holds "boarding"); the
 * newest of the best. Who did it is the name before the verb, or the name told of the kin word
 * there ("my niece fixed the boiler": Chloe). "who do I work for?" and "who is my boss?"
 * ask something else and are left to the rest of the quote (quote_internal.h). */
#include "agent/quote_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/understand_words.h"
#include "model/lex_words.h"

/* Verbs whose past is not their stem with an ending: the past, then the verb. */
static const char *const irregular[][2] = {
    {"taught", "teach"}, {"got", "get"},     {"made", "make"},   {"ran", "run"},
    {"drove", "drive"},  {"did", "do"},      {"does", "do"},     {"doing", "do"},
    {"gave", "give"},    {"bought", "buy"},  {"brought", "bring"}, {"took", "take"},
    {"sat", "sit"},      {"went", "go"},     {"kept", "keep"},   {"built", "build"},
    {"told", "tell"},    {"found", "find"},  {"paid", "pay"},    {"chose", "choose"},
    {"picked", "pick"},  {"sold", "sell"},   {"left", "leave"},  {"met", "meet"},
    {"introduced", "introduce"}, {"helped", "help"}, {"looks", "look"},
};

/* The verb w stands for: its base from the table, else its stem. */
static const char *verb_of(const word_t *w)
{
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
        if (!strcmp(w->low, irregular[i][0]) || !strcmp(w->low, irregular[i][1]))
            return irregular[i][1];
    return w->stem;
}

/* The index of the verb a "who" question asks of in q[0..n), or -1: "who runs" (1),
 * "who is doing" (2), "who does the ironing" (1); not "who do I ...", "who is my ...". */
static int asked_verb(const word_t *q, int n)
{
    static const char *const opening[] = {"and", "so", "ok", "okay", "oh", "remind", "me",
                                          NULL};
    static const char *const being[] = {"is", "s", "'s", "was", "are", "were", NULL};
    static const char *const doing[] = {"do", "does", "did", NULL};
    static const char *const whose[] = {"i", "we", "you", "my", "me", "our", "he", "she",
                                        "they", NULL};
    int w = 0;
    while (w < n && understand_in_list(opening, q[w].low)) w++;
    if (w + 1 >= n || (strcmp(q[w].low, "who") != 0 && strcmp(q[w].low, "whos") != 0))
        return -1;
    const word_t *v = &q[w + 1];
    if (!strcmp(q[w].low, "whos") || understand_in_list(being, v->low)) {
        int at = !strcmp(q[w].low, "whos") ? w + 1 : w + 2;     /* "who's doing ..." */
        size_t l = at < n ? strlen(q[at].low) : 0;
        return l > 4 && !strcmp(q[at].low + l - 3, "ing") ? at : -1;
    }
    if (understand_in_list(doing, v->low) && w + 2 < n && understand_in_list(whose, q[w + 2].low))
        return -1;                      /* "who do I work for?" */
    return lex_is_stopword(v->low) && !understand_in_list(doing, v->low) ? -1 : w + 1;
}

int quote_who_said(const said_t *said, const hidden_t *hid, word_t *s, word_t *q,
                   const char *question, size_t *bt, size_t *bfrom, size_t *blen, char *doer,
                   size_t cap)
{
    static const char *const mine[] = {"me", "my", "i", "our", "us", "we", "mine", NULL};
    int nq = quote_words(question, strlen(question), q, QUOTE_WORDS);
    int v = asked_verb(q, nq);
    if (v < 0) return 0;
    const char *verb = verb_of(&q[v]);
    int nk = 0;                         /* the other content words */
    for (int j = v + 1; j < nq; j++)
        nk += quote_content_word(&q[j]) && !understand_in_list(mine, q[j].low);
    int best = -1;
    const store_turn_t *t = said->t;
    for (size_t i = 0; i < said->nt; i++) {             /* newest first */
        if (!strcmp(t[i].text, STORE_REDACTED)) continue;
        size_t at = 0, from, len;
        int asks;
        while (quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            if (asks || len >= QUOTE_SENTENCE) continue;
            int ns = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            if (quote_asks_to_forget(s, ns) || quote_is_hidden(hid, s, ns)) continue;
            for (int j = 1; j < ns; j++) {
                if (strcmp(verb_of(&s[j]), verb) != 0) continue;
                int who = -1;           /* someone of theirs does it, before the verb */
                for (int b = j - 1; b >= 0 && s[b].part == s[j].part && who < 0; b--) {
                    if (!strcmp(s[b].low, "i")) break;
                    if (quote_kin_word(&s[b]) || quote_name_like(&s[b]) ||
                        quote_is_name(said->names, s[b].low))
                        who = b;
                }
                if (who < 0) continue;
                int held = 0;
                for (int k = v + 1; k < nq; k++) {
                    if (!quote_content_word(&q[k]) || understand_in_list(mine, q[k].low))
                        continue;
                    for (int x = 0; x < ns; x++)
                        if (x != j &&
                            (quote_same_word(&s[x], &q[k]) ||
                             (strlen(q[k].low) >= 5 && strstr(s[x].low, q[k].low)))) {
                            held++;
                            break;
                        }
                }
                if ((nk && !held) || held <= best) continue;
                best = held;
                *bt = i, *bfrom = from, *blen = len;
                /* the doer by name: the name said, or the one told of the kin word */
                const char *name = quote_kin_word(&s[who]) ? facts_name_of(said->f, s[who].key)
                                                           : s[who].low;
                snprintf(doer, cap, "%s", name && strcmp(name, FACTS_ENDED) ? name : "");
                if (doer[0] && !quote_kin_word(&s[who]))
                    doer[0] = (char)toupper((unsigned char)doer[0]);
            }
        }
    }
    return best >= 0;
}
