/* quote_kin.c: a question of someone's job, age, home, work, school or name that no fact
 * and no sentence of the question's own words answered, answered by the newest sentence
 * of the user's that names whom it asks of and says a value of that kind
 * (quote_internal.h): "what does my niece do?" of "Imogen passed her boards, she's a
 * radiographer now" (the niece named Imogen), "how old is my mum?" of "Mum turned 74".
 * Whom: the user by "I", "my", "me", "we"; one of theirs by their kin word in any
 * form ("sis") or their name, said in that sentence or in the one before it of the same
 * message. The value: a kind of person in small letters said as what one is ("a
 * radiographer") for a job; a number after a word of being or before "years old" for an
 * age; a word of living before "in", "to" or "near" for a home, of work before "at", "in"
 * or "for" for a workplace, of study for a school; for a name (not the user's), a word
 * with a capital right after the holder's word, or after a word of naming said just after
 * it. */
#include "agent/quote_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/kinds.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/model.h"
#include "model/reader.h"

enum { KIN_SENTENCES = 16 };

/* 1 when s[0..n) names whom: the user (holder "self") by a word of the first person, one
 * of theirs by a word keyed as holder or by name. */
static int names_whom(const word_t *s, int n, const char *holder, const char *name)
{
    static const char *const me[] = {"i", "i'm", "im", "my", "me", "we", "i've", "ive", NULL};
    int self = !strcmp(holder, "self");
    for (int j = 0; j < n; j++) {
        if (self ? understand_in_list(me, s[j].low)
                 : (facts_same_holder(s[j].key, holder) ||
                    (name && !strcasecmp(s[j].low, name))))
            return 1;
    }
    return 0;
}

/* 1 when s[0..n) says a value of rel's kind for a holder (self: the user's). */
static int says_kind(const word_t *s, int n, int rel, const char *holder)
{
    static const char *const being[] = {"is", "'s", "s", "turned", "turns", "aged", "am",
                                        "i'm", "im", "just", "now", NULL};
    static const char *const years[] = {"years", "year", "yrs", "yo", NULL};
    static const char *const living[] = {"live", "lives", "living", "lived", "based", "moved",
                                         "stay", "stays", "staying", NULL};
    static const char *const working[] = {"works", "worked", "employed", "hired", "joined",
                                          "shift", "shifts", NULL};
    static const char *const studying[] = {"studying", "studies", "study", "uni", "university",
                                           "college", "school", "degree", "course", NULL};
    static const char *const naming[] = {"called", "named", "name", "name's", "names", NULL};
    for (int j = 0; j < n; j++) {
        const char *w = s[j].low;
        if (rel == READER_REL_JOB) {
            /* a kind of person in small letters, said as what one is ("a locksmith",
             * "that's ranger life"; not "speaks Tagalog") */
            static const char *const as[] = {"a", "an", "as", NULL};
            char key[UNDERSTAND_KEY];
            understand_holder_of(w, key, sizeof key);
            int said_as = 0;
            for (int b = j - 1; b >= 0 && b >= j - 2 && !said_as; b--)
                said_as = understand_in_list(as, s[b].low);
            int mine = 0;       /* ("my wife is Halina, I'm a surveyor": the user's job) */
            static const char *const me[] = {"i", "i'm", "im", NULL};
            for (int b = j - 1; b >= 0 && b >= j - 3 && strcmp(holder, "self"); b--)
                mine |= understand_in_list(me, s[b].low);
            if (strlen(w) > 3 && !s[j].cap && said_as && !mine && kinds_person(w) &&
                !understand_in_list(understand_no_job_words, w) &&
                !understand_kin(key) && !facts_same_holder(key, holder) &&
                !understand_in_list(understand_no_trade_words, w))
                return 1;
        } else if (rel == READER_REL_AGE) {
            long v = -1;
            if (!isdigit((unsigned char)w[0]) || strspn(w, "0123456789") != strlen(w)) continue;
            v = strtol(w, NULL, 10);
            int said = (j > 0 && understand_in_list(being, s[j - 1].low)) ||
                       (j + 2 < n && understand_in_list(years, s[j + 1].low) &&
                        !strcmp(s[j + 2].low, "old"));   /* (not "for 2 years") */
            if (v > 0 && v <= 110 && said) return 1;
        } else if (rel == READER_REL_HOME) {        /* "lives in", "moved to" a place */
            if (understand_in_list(living, w) && j + 1 < n &&
                (!strcmp(s[j + 1].low, "in") || !strcmp(s[j + 1].low, "to") ||
                 !strcmp(s[j + 1].low, "near")))
                return 1;
        } else if (rel == READER_REL_EMPLOYER || rel == READER_REL_WORKPLACE) {
            if ((understand_in_list(working, w) || understand_in_list(understand_work_words, w)) &&
                j + 1 < n && (!strcmp(s[j + 1].low, "at") || !strcmp(s[j + 1].low, "in") ||
                              !strcmp(s[j + 1].low, "for")))
                return 1;
        } else if (rel == READER_REL_SCHOOL) {
            if (understand_in_list(studying, w)) return 1;
        } else if (rel == READER_REL_NAME) {
            /* the holder's word right before a name ("my beagle Rolo", "our Dot"), or a
             * word of naming before one with the holder's word just before it and no one
             * else's between ("my cat, a tabby called Miso"; not "my brother's ... a
             * bearded dragon named Kip") */
            char key[UNDERSTAND_KEY];
            understand_holder_of(w, key, sizeof key);
            int before = facts_same_holder(key, holder);
            for (int b = j - 1; !before && understand_in_list(naming, w) && b >= 0 && b >= j - 4;
                 b--) {
                char bk[UNDERSTAND_KEY];
                understand_holder_of(s[b].low, bk, sizeof bk);
                if (facts_same_holder(bk, holder)) before = 1;
                else if (understand_kin(bk) || dialogue_pet_word(bk) || kinds_animal(s[b].low))
                    break;
            }
            if (before && j + 1 < n && s[j + 1].cap && s[j + 1].part == s[j].part &&
                !lex_is_stopword(s[j + 1].low) && strcmp(s[j + 1].low, "i") != 0)
                return 1;
        }
    }
    return 0;
}

int quote_kin_said(const said_t *said, const hidden_t *hid, word_t *s, const char *holder,
                   int rel, size_t *bt, size_t *bfrom, size_t *blen)
{
    if (rel != READER_REL_JOB && rel != READER_REL_AGE && rel != READER_REL_HOME &&
        rel != READER_REL_EMPLOYER && rel != READER_REL_WORKPLACE && rel != READER_REL_SCHOOL &&
        (rel != READER_REL_NAME || !strcmp(holder, "self")))
        return 0;
    const char *name = strcmp(holder, "self") ? facts_name_of(said->f, holder) : NULL;
    const store_turn_t *t = said->t;
    for (size_t i = 0; i < said->nt; i++) {             /* newest first */
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        if (asked || !strcmp(t[i].text, STORE_REDACTED)) continue;
        size_t at = 0, from, len;
        int asks, named_before = 0;
        while (quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            int nw = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            int named = names_whom(s, nw, holder, name);
            if (asks || quote_asks_to_forget(s, nw) || quote_is_hidden(hid, s, nw) ||
                len >= QUOTE_SENTENCE) {
                named_before = 0;
                continue;
            }
            int others = 0;             /* someone else of the user's named in it */
            for (int j = 0; j < nw && !others; j++)
                others = understand_kin(s[j].key) && !facts_same_holder(s[j].key, holder);
            int self = !strcmp(holder, "self");
            if ((self ? named && !others : named || (named_before && !others)) &&
                says_kind(s, nw, rel, holder)) {
                *bt = i, *bfrom = from, *blen = len;
                return 1;
            }
            named_before = named;
        }
    }
    return 0;
}
