/* quote_newer.c: what the user said later that changes what a quote or a fact would
 * answer (quote_internal.h). A question answered from a sentence or a fact looks through
 * the newer messages for one that says the value changed ("we have 26 hens, not 30",
 * "update: Remi got promoted to depot manager") and quotes that instead; a question of
 * one's work that nothing answered finds a sentence that tells the work by what one
 * does ("I mend fishing nets for a living"). */
#include "agent/quote_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/quote_span.h"
#include "agent/quote_trim.h"
#include "agent/understand_words.h"
#include "model/model.h"
#include "model/reader.h"

/* What a question asks for as quote_newer_said looks for it: quote_span_asks, and a number
 * for one of how long, how old, how far, how often or what year, which quote_span does
 * not point at. */
int quote_asks_for_value(const char *question)
{
    static const char *const number[] = {"how long", "how old", "how far", "how often",
                                         "what year", "which year", NULL};
    int asks = quote_span_asks(question);
    for (int k = 0; number[k] && !asks; k++)
        if (facts_has_words(question, number[k])) asks = QUOTE_ASKS_AMOUNT;
    return asks;
}

/* 1 when a question asks what holds now ("which gym do I use nowadays?"). */
int quote_asks_now(const char *question)
{
    static const char *const now[] = {"now", "currently", "these days", "nowadays", "rn",
                                      "at the moment", "atm", "still", "anymore", "any more",
                                      "right now", "at present", "presently", NULL};
    for (int k = 0; now[k]; k++)
        if (facts_has_words(question, now[k])) return 1;
    return 0;
}

/* A value of no shape of quote_value_shape's: any content word, which a question of
 * what holds now looks for in newer messages by itself ("chess" of "chess is my game at
 * the club"), never as another value of its kind. */
enum { SHAPE_WORD = 4 };

/* The values the sentence s[0..ns) tells within four words of one of a's content words
 * ("about 30 hens", "race in Ghent"), not a's own, and of the kind the question
 * asks (asks: quote_span_asks); with now (the question asks what holds now), also
 * any content word in the part of one of a's (SHAPE_WORD): up to max into old (their
 * shapes into shape); how many. */
static int values_near(const asked_t *a, int asks, int now, const word_t *s, int ns,
                       const word_t **old, int *shape, int max)
{
    int n = 0;
    for (int i = 0; i < ns && n < max; i++) {
        int sh = quote_value_shape(&s[i], i == 0), near = 0, own = 0;
        if ((asks == QUOTE_ASKS_AMOUNT && sh != 1) || (asks == QUOTE_ASKS_WHEN && sh == 3))
            sh = 0;                     /* ("how long ...?": a place it named is kept) */
        if (!sh && now && !asks && quote_content_word(&s[i]) && !quote_kin_word(&s[i]))
            for (int j = 0; j < ns && !sh; j++)
                for (int k = 0; k < a->nk && !sh; k++)
                    sh = j != i && s[j].part == s[i].part && quote_same_word(&s[j], &a->k[k])
                             ? SHAPE_WORD
                             : 0;
        for (int k = 0; k < a->nk && sh; k++) {
            own |= quote_same_word(&s[i], &a->k[k]);
            for (int j = i - 4; j <= i + 4 && !near; j++)
                near = j >= 0 && j < ns && j != i && quote_same_word(&s[j], &a->k[k]);
        }
        near |= sh == SHAPE_WORD;
        if (sh && near && !own) old[n] = &s[i], shape[n++] = sh;
    }
    return n;
}

/* A newer message that changes what the sentence find_said chose tells (turn *bt, from
 * *bfrom, *blen bytes) for a wh-question a: one that names a value the chosen sentence
 * told beside the question's words and says it changed ("we have 26 hens, not 30";
 * "we're skipping Ghent, we ride in Bruges next"), or one that holds a question's word
 * and, in a sentence that says it changed, another value of the same shape ("ran it
 * again! now 12 times" after "11 times round the island race"). The newest such message's
 * sentences from the first that does so to the one that says it changed become the
 * quote: 1, with *bt, *bfrom and *blen moved; else 0. asks_for is what the question
 * asks (quote_span_asks), now whether it asks what holds now (quote_asks_now): another value
 * only answers one of these; s and o are scratch (QUOTE_WORDS words each). */
int quote_newer_said(const asked_t *a, int asks_for, int now, const said_t *said,
                      const hidden_t *hid, word_t *s, word_t *o, size_t *bt, size_t *bfrom,
                      size_t *blen)
{
    enum { OLD = 8, SENTENCES = 16 };
    const store_turn_t *t = said->t;
    const word_t *old[OLD];
    int shape[OLD];
    int no = quote_words(t[*bt].text + *bfrom, *blen, o, QUOTE_WORDS);
    int nold = values_near(a, asks_for, now, o, no, old, shape, OLD);
    if (!nold || a->zh) return 0;
    for (size_t i = 0; i < *bt; i++) {          /* newest first */
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        if (asked || !strcmp(t[i].text, STORE_REDACTED)) continue;
        size_t at = 0, from[SENTENCES], len[SENTENCES];
        int ns = 0, names[SENTENCES], holds[SENTENCES], other[SENTENCES], chg[SENTENCES];
        int asks;
        while (ns < SENTENCES && quote_next_sentence(t[i].text, &at, &from[ns], &len[ns], &asks)) {
            int nw = quote_words(t[i].text + from[ns], len[ns], s, QUOTE_WORDS);
            if (asks || quote_asks_to_forget(s, nw) || quote_is_hidden(hid, s, nw)) break;
            names[ns] = holds[ns] = other[ns] = 0;
            for (int j = 0; j < nw; j++) {
                int sh = quote_value_shape(&s[j], j == 0), same = 0, kind = 0;
                for (int k = 0; k < nold; k++) {
                    same |= !strcmp(s[j].low, old[k]->low);
                    kind |= sh && sh == shape[k];      /* (never SHAPE_WORD) */
                }
                names[ns] |= same;
                other[ns] |= kind && !same;
                for (int k = 0; k < a->nk && !holds[ns]; k++) holds[ns] = quote_same_word(&s[j], &a->k[k]);
            }
            chg[ns] = quote_called_off(s, nw);
            ns++;
        }
        for (int j1 = 0; j1 < ns; j1++) {
            if (!names[j1] && !holds[j1]) continue;
            int j2 = j1;
            while (j2 < ns && !chg[j2]) j2++;
            if (j2 == ns || j2 > j1 + 1) continue;
            int news = 0;
            for (int j = j1; j <= j2; j++) news |= other[j];
            if (!news && j2 + 1 < ns && other[j2 + 1] && chg[j2 + 1])
                news = 1, j2++;             /* "... skipping Ghent. Switched to Bruges" */
            if (!names[j1] && (!news || !(asks_for || now))) continue;
            if (from[j2] + len[j2] - from[j1] >= QUOTE_SENTENCE) continue;
            *bt = i, *bfrom = from[j1], *blen = from[j2] + len[j2] - from[j1];
            return 1;
        }
    }
    return 0;
}

/* 1 when the question's content words are all words of work ("what do I do for a
 * living?", "where's my job?"), none of another thing ("what medicine do I take?"). s is
 * scratch (QUOTE_WORDS words). */
int quote_asks_work_only(const char *question, word_t *s)
{
    static const char *const work[] = {"job", "jobs", "work", "working", "works", "living",
                                       "profession", "occupation", "career", "trade", "based",
                                       "employed", "employer", NULL};
    int n = quote_words(question, strlen(question), s, QUOTE_WORDS);
    for (int i = 0; i < n; i++)
        if (quote_content_word(&s[i]) && !understand_in_list(work, s[i].low)) return 0;
    return 1;
}

/* The user's newest sentence that tells their work by what they do: a verb of a trade
 * right after "I" (or opening the sentence: "mend nets for a living"), or "for a
 * living" ("I mend fishing nets in Peel", "i inspect bridges for the council"), and no word of
 * leisure ("hobby", "for fun", "weekends"), for a question
 * of their job or where they work that nothing else answered. 1 with *bt, *bfrom and
 * *blen set, else 0. s is scratch (QUOTE_WORDS words). */
int quote_work_said(const said_t *said, const hidden_t *hid, word_t *s, size_t *bt,
                     size_t *bfrom, size_t *blen)
{
    static const char *const trade[] = {
        "tune", "prepare", "guide", "operate", "build", "fix", "repair", "teach", "design",
        "translate", "interpret", "sew", "breed", "farm", "manage", "shoe", "deliver",
        "install", "inspect", "coach", "nurse", "restore", "mend", "carve", "brew", "shear",
        "weld", "plumb", "program", "edit", "host", "present", "produce", "research",
        "raise", "lecture", "tutor", "fish", "weave", "roast", "distil", "distill", "knit",
        "upholster", "embroider", "tattoo", "groom", "sculpt", "forge", "tailor", NULL};
    /* verbs of everyday life too: a trade only with a word of work in the sentence, or,
     * for driving, vehicles in the plural ("I drive a Ford" tells no job; "I drive ice
     * buses" does) */
    static const char *const also[] = {"drive", "run", "own", "make", "grow", "cook", "clean",
                                       "sell", "train", "paint", "bake", "code", "care", NULL};
    static const char *const working[] = {"living", "work", "job", "shifts", "clients",
                                          "customers", "boss", "trade", NULL};
    static const char *const me[] = {"i", "we", NULL};
    static const char *const leisure[] = {"hobby", "hobbies", "fun", "spare", "free",
                                          "weekend", "weekends", "pastime", "sideline", NULL};
    const store_turn_t *t = said->t;
    for (size_t i = 0; i < said->nt; i++) {             /* newest first */
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        if (asked || !strcmp(t[i].text, STORE_REDACTED)) continue;
        size_t at = 0, from, len;
        int asks;
        while (quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            int nw = quote_words(t[i].text + from, len, s, QUOTE_WORDS), found = 0;
            if (asks || quote_asks_to_forget(s, nw) || quote_is_hidden(hid, s, nw)) continue;
            int idle = 0, work = 0, fleet = 0;  /* ("my hobby is orchids, I grow ...") */
            for (int j = 0; j < nw; j++) {
                idle |= understand_in_list(leisure, s[j].low);
                work |= understand_in_list(working, s[j].low) ||
                        understand_in_list(understand_business_words, s[j].low);
                size_t l = strlen(s[j].low);
                char one[LEX_WORD_MAX];
                snprintf(one, sizeof one, "%.*s", l > 1 ? (int)(l - 1) : 0, s[j].low);
                fleet |= l > 1 && s[j].low[l - 1] == 's' &&
                         understand_in_list(understand_vehicle_words, one);
            }
            for (int j = 0; j < nw && !found && !idle; j++) {
                int verb = understand_in_list(trade, s[j].low) ||
                           (understand_in_list(also, s[j].low) &&
                            (work || (fleet && !strcmp(s[j].low, "drive"))));
                found = verb && (j == 0 || understand_in_list(me, s[j - 1].low));
                found |= j + 2 < nw && !strcmp(s[j].low, "for") && !strcmp(s[j + 1].low, "a") &&
                         !strcmp(s[j + 2].low, "living");
            }
            if (found && len < QUOTE_SENTENCE) {
                *bt = i, *bfrom = from, *blen = len;
                return 1;
            }
        }
    }
    return 0;
}

int quote_fact_since(const said_t *said, const store_memory_t *fact, int64_t *since)
{
    const store_turn_t *t = said->t;
    size_t at = 0;
    while (at < said->nt && !(fact->text && strstr(t[at].text, fact->text))) at++;
    if (at < said->nt) *since = t[at].created_ms;
    else if (said->nt >= QUOTE_NEWER_TURNS)     /* told before every turn read: */
        *since = t[said->nt - 1].created_ms - 1; /* each of them is newer */
    else return 0;
    return 1;
}

/* Words before a number that make it a count of what came or went, not of what is had
 * ("sold 15 cows", "hired 2 more"), and after it ("4 more pens", "3 new calves", "3 of
 * them"). */
static const char *const came_or_went[] = {"sold", "lost", "bought", "adopted", "gave",
                                           "hired", "split", "added", "got", "another",
                                           "buried", "rehomed", "culled", "bred", "took",
                                           "killed", "taken", NULL};
static const char *const came_after[] = {"more", "extra", "new", "fewer", "less", "of", NULL};
/* Of those, the words of what went ("sold 15 cows"), and after the number ("3 carp died"). */
static const char *const went[] = {"sold", "lost", "gave", "buried", "rehomed", "culled",
                                   "took", "killed", "taken", NULL};
static const char *const went_after[] = {"died", "die", "dead", "gone", NULL};
/* Words a bare number of how many are had is told with ("down to 19 now", "so 45
 * left", "now we have 27", "that makes 5"), and forms of be that make it an age ("I'm
 * 35 now", "she turned 7"). */
static const char *const result[] = {"now", "left", "total", "down", "up", "makes", "make",
                                     "remaining", "altogether", NULL};
static const char *const aged[] = {"i'm", "im", "am", "he's", "hes", "she's", "shes", "is",
                                   "turned", "turns", "turning", "aged", "age", "was", "be",
                                   NULL};
/* Words before a number that name something by it ("on the 15 now", "size 9", "in
 * grade 4") rather than count. */
static const char *const named_by[] = {"the", "on", "in", "of", "for", "from", "by", "with",
                                       "no", "number", "route", "line", "bus", "platform",
                                       "room", "gate", "level", "grade", "year", "page",
                                       "size", "than", "over", "under", NULL};
/* What in a message that names no more than a number of what is counted tells that the
 * count changed by one come ("two foals were born in May! Now we have 27."). */
static const char *const events[] = {"born", "birth", "baby", "arrived", "welcomed",
                                     "adopted", "twins", "kittens", "puppies", "litter", NULL};
/* What in such a message tells that the count changed by one gone or bought ("lost 3
 * birds ... down to 19 now"), unless the message counts something else the user keeps
 * (other_count). */
static const char *const changes[] = {"sold", "lost", "died", "die", "dead", "gave",
                                      "rehomed", "culled", "moved", "split", "hired",
                                      "bought", "more", "another", "added", NULL};

/* The ordinals that number the newest of what is counted ("our third baby", "kid
 * number four" says four), from second. */
static const char *const ordinals[] = {"second", "third", "fourth", "fifth", "sixth",
                                       "seventh", "eighth", "ninth", "tenth", "eleventh",
                                       "twelfth", NULL};

/* The number s[j] says (digits, a number word, "a"/"one" before "more"), or -1. */
static long number_at(const word_t *s, int j)
{
    long v;
    if (strspn(s[j].low, "0123456789") == strlen(s[j].low) && strlen(s[j].low) <= 6)
        return strtol(s[j].low, NULL, 10);
    return understand_number(s[j].low, &v) ? v : -1;
}

/* 1 when s[k] is what the question a counts (counted, or another of its content words:
 * "tree" of "how many pear trees"). */
static int counts(const asked_t *a, const word_t *counted, const word_t *w)
{
    if (quote_same_word(w, counted)) return 1;
    for (int k = 0; k < a->nk; k++)
        if (quote_same_word(w, &a->k[k]) && !lex_is_stopword(w->low)) return 1;
    return 0;
}

/* 1 when the message t[i] of said tells a number of a thing (the word after it) that
 * another of the user's messages told a number of too, other than what is counted:
 * a count of something else they keep ("3 carp died" of a user with 12 carp), whose
 * change a bare number in the message tells ("only 9 left now" is the carp). s is
 * scratch. */
static int other_count(const asked_t *a, const said_t *said, size_t i, const word_t *counted,
                       word_t *s)
{
    const store_turn_t *t = said->t;
    size_t at = 0, from, len;
    int asks;
    while (quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
        int nw = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
        for (int j = 0; j + 1 < nw; j++) {
            if (number_at(s, j) < 0 || counts(a, counted, &s[j + 1]) ||
                !quote_content_word(&s[j + 1]))
                continue;
            for (size_t k = 0; k < said->nt; k++) {
                if (k == i) continue;
                size_t l = strlen(s[j + 1].low);
                for (const char *p = t[k].text; *p; p++) {
                    if (strncasecmp(p, s[j + 1].low, l) != 0 ||
                        (p > t[k].text && isalnum((unsigned char)p[-1])) ||
                        isalnum((unsigned char)p[l]))
                        continue;
                    const char *e = p;
                    while (e > t[k].text && e[-1] == ' ') e--;
                    const char *b = e;
                    while (b > t[k].text && isalnum((unsigned char)b[-1])) b--;
                    char w[16];
                    long v;
                    snprintf(w, sizeof w, "%.*s", (int)(e - b), b);
                    if (b < e && (understand_number(w, &v) || strspn(w, "0123456789") == strlen(w)))
                        return 1;
                }
            }
        }
    }
    return 0;
}

/* How many of counted s[0..nw) says are had now (the last it tells: "a fox took 3 hens,
 * down to 11 now"), or -1: the number right before the word counted (or one word before
 * it: "45 Holstein cows"), not after a word of what came or went; with bare (the message
 * tells of a change), also one with none after it and a word of a result near it ("down
 * to 19 now"), no form of be that makes it an age before it; or an ordinal before what
 * is counted or a word of kin ("our fourth child"), or after it and "number" ("kid
 * number four"). */
static long count_told(const asked_t *a, const word_t *s, int nw, const word_t *counted,
                       int bare)
{
    long last = -1;         /* the last the sentence tells ("3 hens ..., down to 11 now") */
    for (int j = 0; j < nw; j++) {
        for (int o = 0; ordinals[o] && bare; o++) {
            if (strcmp(s[j].low, ordinals[o])) continue;
            for (int k = j + 1; k <= j + 2 && k < nw && s[k].part == s[j].part; k++)
                if (counts(a, counted, &s[k]) || quote_kin_word(&s[k]) ||
                    !strcmp(s[k].low, "one"))
                    last = o + 2;
        }
        long n = number_at(s, j);
        if (n < 0 || (j > 0 && !strcmp(s[j - 1].low, "not")))
            continue;           /* ("20 ewes now not 17": the count it replaced) */
        int said_before = 0;    /* ("I said 3 kids - we've 4 now": the count put right) */
        for (int k = j - 3; k < j && !said_before; k++)
            said_before = k >= 0 && understand_in_list(understand_recall_verbs, s[k].low);
        if (said_before) continue;
        if (bare && j >= 2 && !strcmp(s[j - 1].low, "number") && counts(a, counted, &s[j - 2])) {
            last = n;
            continue;
        }
        int moved = 0;
        for (int k = j - 2; k < j; k++)
            moved |= k >= 0 && s[k].part == s[j].part && understand_in_list(came_or_went, s[k].low);
        if (moved || (j + 1 < nw && s[j + 1].part == s[j].part &&
                      understand_in_list(came_after, s[j + 1].low)))
            continue;
        int of = 0;             /* 1 of what is counted, 2 of what went ("3 carp died") */
        for (int k = j + 1; k <= j + 2 && k < nw && s[k].part == s[j].part && !of; k++) {
            if (counts(a, counted, &s[k]))
                of = k + 1 < nw && understand_in_list(went_after, s[k + 1].low) ? 2 : 1;
            if (lex_is_stopword(s[k].low)) break;   /* ("3500 with dog box") */
        }
        if (of) {
            if (of == 1) last = n;
            continue;
        }
        if (!bare || !strcmp(s[j].low, "one") ||    /* ("the left one") */
            (j > 0 && (understand_in_list(aged, s[j - 1].low) ||
                                understand_in_list(named_by, s[j - 1].low))))
            continue;           /* (an age, or "on the 15 now": a number told by name) */
        int next_free = j + 1 >= nw || s[j + 1].part != s[j].part ||
                        understand_in_list(result, s[j + 1].low);
        int near = 0;
        for (int k = j - 3; k <= j + 2 && !near; k++)
            near = k >= 0 && k < nw && k != j && understand_in_list(result, s[k].low);
        if (next_free && near) last = n;
    }
    return last;
}

/* How many of what a counts s[0..nw) says came (more than 0) or went (less than 0), or
 * 0: "one more tree", "another calf", "2 more", "adopted 2 kittens" come; "sold 15
 * cows", "2 koi died" go. */
static long count_moved(const asked_t *a, const word_t *s, int nw, const word_t *counted)
{
    for (int j = 0; j < nw; j++) {
        if (!strcmp(s[j].low, "another") && j + 1 < nw && counts(a, counted, &s[j + 1]))
            return 1;
        long n = !strcmp(s[j].low, "a") ? 1 : number_at(s, j);
        if (n <= 0) continue;
        int x = j + 1;
        int more = x < nw && (!strcmp(s[x].low, "more") || !strcmp(s[x].low, "extra"));
        if (more) x++;
        if (x >= nw || s[x].part != s[j].part || !counts(a, counted, &s[x])) continue;
        if (more) return n;
        int go = 0, come = 0;
        for (int k = j - 2; k < j; k++)
            if (k >= 0 && s[k].part == s[j].part) {
                go |= understand_in_list(went, s[k].low);
                come |= understand_in_list(came_or_went, s[k].low);
            }
        go |= x + 1 < nw && understand_in_list(went_after, s[x + 1].low);
        if (go) return -n;
        if (come && strcmp(s[j].low, "a")) return n;
    }
    return 0;
}

int quote_newer_count(const asked_t *a, const said_t *said, const hidden_t *hid, word_t *s,
                      int64_t since, long base, size_t *bt, size_t *bfrom, size_t *blen,
                      long *now)
{
    const store_turn_t *t = said->t;
    word_t counted;
    if (!a->amount || !a->counted[0] || !strcmp(a->counted, QUOTE_COUNTED_TIME) || a->zh ||
        quote_words(a->counted, strlen(a->counted), &counted, 1) != 1 ||
        understand_in_list(understand_time_units, counted.low) ||
        understand_in_list(understand_time_units, counted.stem))
        return 0;               /* ("how many years ...?" asks how long, no count had) */
    long moved = 0;             /* what came and went since, newest first */
    size_t mt = 0, mfrom = 0, mlen = 0;
    /* (from the message of the count itself: "3 carp died. only 9 left now") */
    for (size_t i = 0; i < said->nt && i < QUOTE_NEWER_TURNS && t[i].created_ms >= since;
         i++) {
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        if (asked || !strcmp(t[i].text, STORE_REDACTED)) continue;
        int bare = 0;           /* the message tells a change, or names what is counted */
        size_t at = 0, from, len;
        int asks;
        int change = 0;
        while (!bare && quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            int nw = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            for (int j = 0; j < nw && !bare; j++) {
                bare = understand_in_list(events, s[j].low) || counts(a, &counted, &s[j]);
                change |= understand_in_list(changes, s[j].low);
            }
        }
        if (!bare && change) bare = !other_count(a, said, i, &counted, s);
        at = 0;
        long told = -1, m = 0;  /* the message's last count told, and what came or went */
        size_t tfrom = 0, tlen = 0;
        while (quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            int nw = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            if (asks || len >= QUOTE_SENTENCE || quote_asks_to_forget(s, nw) ||
                quote_is_hidden(hid, s, nw))
                continue;
            long n = count_told(a, s, nw, &counted, bare);
            if (n >= 0) told = n, tfrom = from, tlen = len;
            long d = n < 0 ? count_moved(a, s, nw, &counted) : 0;
            if (d && !moved && !m) mt = i, mfrom = from, mlen = len;
            m += d;
        }
        if (told >= 0 && told == base && !moved && t[i].created_ms == since)
            return 0;           /* the count as it was told: nothing changed */
        if (told < 0 && m == base && t[i].created_ms == since)
            break;              /* the count's own message, "we've got two cats" read as
                                 * two come: none came then */
        if (told >= 0) {        /* told again: what came and went since adds to it */
            *bt = i, *bfrom = tfrom, *blen = tlen;
            *now = told + moved;
            if (moved) *bt = mt, *bfrom = mfrom, *blen = mlen;
            return told + moved >= 0;
        }
        moved += m;
    }
    if (!moved || base < 0 || base + moved < 0) return 0;
    *bt = mt, *bfrom = mfrom, *blen = mlen;         /* the newest of what came or went */
    *now = base + moved;
    return 1;
}

/* The words that say a relation changed for quote_newer_change ("promoted" of a job, "moved"
 * of a home), NULL for a relation with none of its own. */
static const char *const *change_cues(int rel)
{
    static const char *const job[] = {"job", "jobs", "work", "works", "working", "promoted",
                                      "role", "position", "hired", "employed",
                                      "became", "joined", "starting", "started",
                                      "switched", "transferred", NULL};
    static const char *const home[] = {"moved", "moving", "living", "live", "lives",
                                       "relocated", "relocating", NULL};
    static const char *const owns[] = {"bought", "got", "drive", "drives", "driving", NULL};
    static const char *const study[] = {"studying", "study", "studies", "course", "degree",
                                        "transferred", "switched", NULL};
    static const char *const play[] = {"play", "plays", "playing", NULL};
    switch (rel) {
    case READER_REL_JOB: case READER_REL_EMPLOYER: case READER_REL_WORKPLACE: return job;
    case READER_REL_HOME: return home;
    case READER_REL_OWNS: return owns;
    case READER_REL_SCHOOL: return study;
    case READER_REL_HOBBY: case READER_REL_LIKES: return play;
    default: return NULL;
    }
}

/* The newest of the user's sentences told after since (ms; for a fact, after the newest
 * message that holds its sentence) that says something changed
 * (quote_called_off) of whom the question a asks about (one of a's holder words; for the user,
 * a word of their own, "I", "my", "we", and no one else's kin word or name), with one of
 * a's words (a word of the change of rel, change_cues, when it has none) or the value of
 * fact (the fact the answer came from, NULL for none): for a question
 * answered from a fact or a sentence told before it ("what does Remi do now?" after
 * "update: Remi got promoted to depot manager"). Unless the question asks what holds now
 * (now), the sentence must say so in a word of a change itself ("switched", "instead",
 * "sold"; not only "now"); a question of how many or when (asks_for, quote_asks_for_value)
 * takes only one that holds a number or a time. Never for a name (whom it is about). 1
 * with *bt, *bfrom and *blen set, else 0. s and o are scratch (QUOTE_WORDS words each). */
int quote_newer_change(const asked_t *a, int rel, int asks_for, const said_t *said,
                        const hidden_t *hid, word_t *s, word_t *o, int64_t since,
                        const store_memory_t *fact, int now, size_t *bt, size_t *bfrom,
                        size_t *blen)
{
    static const char *const strong[] = {"update", "updated", "changed", "change", "switched",
                                         "moved", "transferred", "instead", "correction",
                                         "meant", "anymore", "longer", "promoted", "sold",
                                         "lost", "died", "quit", "left", "decided", "pushed",
                                         "postponed", "cancelled", "canceled", "skipping",
                                         NULL};
    static const char *const mine[] = {"i", "i'm", "im", "i've", "ive", "me", "my", "we",
                                       "we're", "were", "our", "us", NULL};
    static const char *const minded[] = {"mind", "instead", "correction", NULL};
    static const char *const leaves[] = {"left", "quit", "sold", "lost", "died", "anymore",
                                         "longer", "former", "skipping", "instead", NULL};
    const char *const *cue = change_cues(rel);
    /* words that can only say one's job changed, whatever else the question names */
    static const char *const hired[] = {"promoted", "hired", "transferred", "demoted", NULL};
    int job = rel == READER_REL_JOB || rel == READER_REL_EMPLOYER || rel == READER_REL_WORKPLACE;
    const store_turn_t *t = said->t;
    if (rel == READER_REL_NAME) return 0;       /* (a name is whom it is about) */
    word_t v[8];
    int nv = fact && fact->value ? quote_words(fact->value, strlen(fact->value), v, 8) : 0;
    if (fact && !quote_fact_since(said, fact, &since)) return 0;
    for (size_t i = 0; i < said->nt && i < QUOTE_NEWER_TURNS && t[i].created_ms > since;
         i++) {                                 /* newest first, the newest few */
        if (!strcmp(t[i].text, STORE_REDACTED)) continue;
        /* (a message with no word of a change is passed over before its words are
         * read: the turns since a fact may be many) */
        int any = now && quote_may_change(t[i].text);
        for (int k = 0; !now && strong[k] && !any; k++)
            any = facts_has_words(t[i].text, strong[k]);
        if (!any) continue;
        size_t at = 0, from, len;
        int asks;
        while (quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            int nw = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            if (asks || quote_asks_to_forget(s, nw) || quote_is_hidden(hid, s, nw) || !quote_called_off(s, nw))
                continue;
            int whom = 0, other = 0, about = 0, firm = now, by_name = 0, mind = 0;
            for (int j = 0; j < nw && !firm; j++) firm = understand_in_list(strong, s[j].low);
            if (!firm) continue;
            for (int j = 0; j < nw; j++) {
                if (a->self) {
                    whom |= understand_in_list(mine, s[j].low);
                    other |= quote_kin_word(&s[j]) || quote_is_name(said->names, s[j].low);
                }
                for (int k = 0; k < a->nh && !a->self; k++)
                    if (quote_same_word(&s[j], &a->h[k])) whom = 1, by_name |= s[j].cap || a->h[k].cap;
                for (int k = 0; k < a->nk; k++) about |= quote_same_word(&s[j], &a->k[k]);
                if (cue && (!a->nk || a->cued)) about |= understand_in_list(cue, s[j].low);
                about |= job && understand_in_list(hired, s[j].low);  /* "got promoted to
                                                                       * night manager" */
                mind |= understand_in_list(minded, s[j].low);
            }
            /* someone named who "changed her mind" or does a thing "instead": of what
             * was asked of them, as no other fact of theirs is named (below) */
            about |= by_name && mind;
            char told[QUOTE_SENTENCE + 1];
            snprintf(told, sizeof told, "%.*s", (int)len, t[i].text + from);
            if (fact && fact->value && facts_rel_of(fact->relation) != READER_REL_NAME &&
                facts_has_words(told, fact->value))
                about = 1;
            if (!whom || other || !about) continue;
            /* one that names the value of another fact of theirs tells a change of that
             * one ("I left Brightwell, starting at Ovenco" of a job told with Brightwell) */
            int other_fact = 0;
            char kept[QUOTE_SENTENCE + 1];      /* (one it left behind tells no change of
                                                 * it: "sold the van, now I cycle") */
            if (!quote_trim(told, strlen(told), kept, sizeof kept))
                snprintf(kept, sizeof kept, "%s", told);
            for (size_t j = 0; fact && j < said->f->n && !other_fact; j++) {
                const store_memory_t *x = &said->f->v[j];
                other_fact = x != fact && x->value && strlen(x->value) >= 3 &&
                             facts_same_holder(x->holder, fact->holder) &&
                             !facts_same_relation(x->relation, fact->relation) &&
                             facts_rel_of(x->relation) != READER_REL_NAME &&
                             strcmp(x->value, FACTS_ENDED) != 0 &&
                             facts_has_words(kept, x->value);
            }
            if (other_fact) continue;
            int valued = !asks_for;     /* ("how many years?": a number, or nothing) */
            int no = valued ? 0 : quote_words(told, strlen(told), o, QUOTE_WORDS);
            for (int j = 0; j < no && !valued; j++)
                valued = quote_kind_of_value(&o[j]) ||
                         (asks_for == QUOTE_ASKS_WHEN && quote_when_word(&o[j]));
            if (!valued) continue;
            /* one that says the fact's value again, leaving nothing, changes something
             * else ("moved to the night desk, I still edit ..." of an editor) */
            int again = 0;
            for (int j = 0; j < nw && !again; j++)
                for (int k = 0; k < nv && !again; k++) {   /* ("edit", "editor") */
                    size_t ls = strlen(s[j].stem), lv = strlen(v[k].stem);
                    size_t l = ls < lv ? ls : lv;
                    again = l >= 4 && !strncmp(s[j].stem, v[k].stem, l) && (ls == lv || l >= 6);
                }
            if (again && !quote_denies(s, nw)) {
                int left = 0;
                for (int j = 0; j < nw && !left; j++) left = understand_in_list(leaves, s[j].low);
                if (!left) continue;
            }
            if (whom && !other && about && len < QUOTE_SENTENCE) {
                quote_goes_on(t[i].text, from, &len, s);  /* ("I got the job! From May I ...") */
                *bt = i, *bfrom = from, *blen = len;
                return 1;
            }
        }
    }
    return 0;
}
