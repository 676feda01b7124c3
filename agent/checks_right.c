/* checks_right.c: corrections (checks_internal.h): a value put right in words ("actually",
 * "no, X is my Y", "it's X"), after a recalled one, or as what is so now. Phases of
 * checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/compare.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/lexical.h"
#include "model/reader.h"

/* Where what a clause that opens with "it's", "its" or "it is" (past fillers) names
 * begins, else NULL: such a clause only names. */
static const char *opens_with_it(const char *text)
{
    static const char *const opens[] = {"it's ", "its ", "it is ", "it’s ", NULL};
    while (*text && !isalpha((unsigned char)*text)) text++;
    for (int i = 0; opens[i]; i++)
        if (!strncasecmp(text, opens[i], strlen(opens[i]))) return text + strlen(opens[i]);
    return NULL;
}

int checks_recalls(const char *text)
{
    static const char *const fillers[] = {"wait", "ah", "oh", "ok", "okay", "so", "hold",
                                          "hang", "on", "sorry", "hmm", "um", "umm", "no",
                                          "nope", "earlier", "before", "previously", "yeah",
                                          "right", "actually", "oops", "and", "but", "well",
                                          "btw", "correction", NULL};
    static const char *const wrote[] = {"wrote", "typed", "put", NULL};
    char buf[512], *w[12];
    int n = understand_split_words(text, " ,.;:!?-", buf, sizeof buf, (const char **)w, 12);
    int k = 0;
    while (k < n && understand_in_list(fillers, w[k])) k++;
    if (k + 1 < n && !strcmp(w[k], "i") && (understand_in_list(understand_recall_verbs, w[k + 1]) ||
                                               understand_in_list(wrote, w[k + 1]))) return 1;
    return k < n && (!strcmp(w[k], "i'd") || !strcmp(w[k], "id")) && k + 2 < n &&
           !strcmp(w[k + 1], "said");
}

/* 1 when text names, as whole words, the value of one of the user's current facts (a
 * value of three bytes or more, not a name: "Dan" asked of is a person, not a value). */
static int named_value_held(const facts_t *f, const char *text)
{
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (strlen(m->value) >= 3 && strcmp(m->value, FACTS_ENDED) != 0 &&
            facts_rel_of(m->relation) != READER_REL_NAME && facts_has_words(text, m->value))
            return 1;
    }
    return 0;
}

/* "my handicap dropped after the club cup. It's 14 now!": a clause text that says what "it"
 * is now, right after a clause (before, in msg) that names a relation of the user's
 * open facts in f ("my handicap"), tells that relation's new value: u becomes that fact. */
static void it_is_now(const facts_t *f, const char *msg, const understood_t *before,
                      const char *text, understood_t *u)
{
    static const char *const opens[] = {"it's ", "its ", "it is ", "it’s ", NULL};
    while (*text && !isalpha((unsigned char)*text)) text++;
    if (!strncasecmp(text, "so ", 3)) text += 3;        /* "so it's four now" */
    const char *v = NULL;
    for (int k = 0; opens[k] && !v; k++)
        if (!strncasecmp(text, opens[k], strlen(opens[k]))) v = text + strlen(opens[k]);
    if (!v) return;
    char value[UNDERSTAND_VALUE];
    snprintf(value, sizeof value, "%.*s", (int)strcspn(v, ",.;!?"), v);
    size_t n = strlen(value);
    if (n > 4 && !strcasecmp(value + n - 4, " now")) value[n -= 4] = '\0';
    if (!n || strchr(value, ' ') != strrchr(value, ' ')) return;    /* two words at most */
    char prev[UNDERSTAND_VALUE], mine[UNDERSTAND_KEY + 4];
    snprintf(prev, sizeof prev, "%.*s", (int)before->len, msg + before->at);
    for (size_t k = f->n; k-- > 0;) {
        const store_memory_t *m = &f->v[k];
        if (strcmp(m->holder, "self") != 0 || facts_rel_of(m->relation) != READER_REL_OPEN ||
            !m->relation[0] || strchr(m->relation, ' '))
            continue;
        snprintf(mine, sizeof mine, "my %s", m->relation);
        if (!facts_has_words(prev, mine)) continue;
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->personal = 1;
        u->rel = READER_REL_OPEN;
        snprintf(u->holder, sizeof u->holder, "self");
        snprintf(u->relation, sizeof u->relation, "%s", m->relation);
        snprintf(u->value, sizeof u->value, "%s", value);
        return;
    }
}

/* "a fox got two of the hens, so it's seven now", "gave one away, that makes three": a
 * number said as what "it" or "that" is now, in a clause that names a group whose count
 * the user told (f), is that group's count now. Sets u and returns 1, else 0. */
static int count_now(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const now_is[] = {"it is", "it's", "its", "that's", "that is",
                                         "that makes", "now have", "we have", "i have",
                                         "down to", "left with", NULL};
    if (checks_asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    for (size_t k = f->n; k-- > 0;) {
        const store_memory_t *m = &f->v[k];
        if (strcmp(m->relation, REALISE_COUNT) != 0 || !strcmp(m->holder, "self") ||
            !strcmp(m->value, FACTS_ENDED) || !facts_has_words(text, m->holder))
            continue;
        for (int i = 0; now_is[i]; i++) {
            const char *at = checks_word_at(text, now_is[i]);
            char number[16], after[16];
            long count;
            if (!at) continue;
            const char *end = checks_word_after(at + strlen(now_is[i]), number, sizeof number);
            checks_word_after(end, after, sizeof after);
            if (!understand_number(number, &count) || count < 0 || count > 1000 ||
                (after[0] && strcmp(after, "now") != 0 && strcmp(after, "left") != 0 &&
                 strcmp(after, m->holder) != 0))
                continue;
            checks_settle(u, READER_FACT, m->holder, READER_REL_OPEN, REALISE_COUNT, number);
            return 1;
        }
        return 0;
    }
    return 0;
}

/* 1 when the word w is written in text with a capital first. */
static int capital_in(const char *text, const char *w)
{
    const char *at = checks_word_at(text, w);
    return at && isupper((unsigned char)*at);
}

/* The place written from p on: up to three words that open with a capital, of letters,
 * hyphens and letters of two bytes ("Kraków"), into out. */
static void capitals_at(const char *p, char *out, size_t cap)
{
    size_t e = 0;
    for (int words = 0; words < 3 && isupper((unsigned char)p[e]); words++) {
        while (isalpha((unsigned char)p[e]) || p[e] == '-' || (unsigned char)p[e] >= 0x80)
            e++;
        if (p[e] != ' ' || !isupper((unsigned char)p[e + 1])) break;
        e++;
    }
    snprintf(out, cap, "%.*s", (int)e, p);
}

/* Sets u to place as the user's home now, replacing the home told before (a move need
 * not say "live"), and returns 1; 0, u untouched, when place is none, a month or a day,
 * or that home. One moved by others ("the council moved me to Truro", "they've posted
 * me to ...") moved their place of work. */
static int home_moved_to(const facts_t *f, const char *msg, const char *place,
                         understood_t *u)
{
    static const char *const by_others[] = {"moved me", "transferred me", "posted me",
                                            "relocated me", "sent me", NULL};
    int rel = checks_holds_any(msg, by_others) ? READER_REL_WORKPLACE : READER_REL_HOME;
    char first[UNDERSTAND_KEY];         /* ("moved to May 9th": a day) */
    size_t fl = strcspn(place, " ");
    snprintf(first, sizeof first, "%.*s", (int)fl, place);
    for (char *p = first; *p; p++) *p = (char)tolower((unsigned char)*p);
    const store_memory_t *was = facts_find(f, "self", reader_rel_name(rel), NULL);
    if (!place[0] || understand_month(first) || understand_weekday(first) ||
        (was && facts_same_value(was->value, place)))
        return 0;
    checks_settle(u, READER_FACT, "self", rel, NULL, place);
    if (was) {
        u->act = READER_CORRECTION;
        snprintf(u->old, sizeof u->old, "%s", was->value);
    }
    return 1;
}

/* "we've flitted at last, over the hill to Keswick", "signed for a three-bed in
 * Preston", "keys picked up, our flat in Tampines is done": in a message that says the user
 * moved or got a new home, a clause of no one else's (not opened by a name told, a
 * pronoun of someone else or "my" and a word of kin or pet) that says "to", "in" or "into" before a
 * place written with a capital (not a month, a day or a name told of someone) tells their home now,
 * replacing the one told before. Of a clause the reader read no other fact in. Sets u and returns
 * 1, else 0. */
static int moved_home(const facts_t *f, const char *msg, const char *text, understood_t *u)
{
    if (checks_moved_work(text)) return 0;     /* ("we shifted the bakery to Ely") */
    static const char *const moving[] = {"moved", "flitted", "flitting", "relocated",
                                         "signed for", "keys", "new place", "new flat",
                                         "new house", "new home", "bought a house",
                                         "bought a flat", "move out", "moved out",
                                         "moved in", "two-bed", "one-bed", "three-bed", NULL};
    static const char *const into[] = {"to", "in", "into", NULL};
    static const char *const no_place[] = {"january", "february", "march", "april", "may",
                                           "june", "july", "august", "september", "october",
                                           "november", "december", "i", "christmas",
                                           "easter", NULL};     /* (and weekdays) */
    if (checks_asks(text) || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET || u->act == READER_CORRECTION ||
        (u->act == READER_FACT && u->value[0] && u->rel != READER_REL_HOME &&
         u->rel != READER_REL_WORKPLACE && u->rel != READER_REL_OPEN))
        return 0;                       /* (a fact told beside it stays) */
    int moved = 0;
    for (int k = 0; moving[k] && !moved; k++) moved = facts_has_words(msg, moving[k]);
    /* (not "Declan's moved to Halifax", "my brother moved in with me in March") */
    static const char *const theirs[] = {"he", "she", "they", "he's", "she's", "they're",
                                         "hes", "shes", NULL};
    char first[UNDERSTAND_KEY] = "", second[UNDERSTAND_KEY] = "";
    sscanf(text, "%63s %63s", first, second);
    for (char *p = first; *p; p++) *p = (char)tolower((unsigned char)*p);
    char key[UNDERSTAND_KEY];
    understand_holder_of(second, key, sizeof key);
    if (!moved || checks_names_told(f, text) || understand_in_list(theirs, first) ||
        checks_told_name_opens(f, text) ||
        ((!strcmp(first, "my") || !strcmp(first, "our")) &&
         (understand_kin(key) || dialogue_pet_word(key))))
        return 0;
    /* "moved to Lisbon ..., rented a flat in Alfama": the place moved to, where the
     * message says it, is the home; no other clause's */
    static const char *const moved_to[] = {"moved to ", "moving to ", "flitted to ",
                                           "relocated to ", NULL};
    for (int k = 0; moved_to[k]; k++) {
        size_t ml = strlen(moved_to[k]);
        for (const char *at = msg; *at; at++) {
            if ((at > msg && isalpha((unsigned char)at[-1])) ||
                strncasecmp(at, moved_to[k], ml) != 0 || !isupper((unsigned char)at[ml]))
                continue;
            if (at < msg + u->at || at >= msg + u->at + u->len) return 0;  /* another's */
            char place[UNDERSTAND_VALUE];       /* this clause's */
            capitals_at(at + ml, place, sizeof place);
            return home_moved_to(f, msg, place, u);
        }
    }
    if (u->rel == READER_REL_HOME && u->value[0]) return 0;    /* the reader's own reading */
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int j = 1; j + 1 < n; j++) {
        static const char *const before[] = {"from", "used", "lived", "left", "was", "were",
                                             "visiting", "visited", NULL};
        int past = 0;           /* "used to live in Turku", "from Leeds" */
        for (int b = j - 1; b >= 0 && b >= j - 3 && !past; b--)
            past = understand_in_list(before, w[b]);
        if (!understand_in_list(into, w[j]) || !capital_in(text, w[j + 1]) ||
            understand_in_list(no_place, w[j + 1]) || understand_weekday(w[j + 1]) || past)
            continue;
        char place[UNDERSTAND_VALUE];
        capitals_at(checks_word_at(text, w[j + 1]), place, sizeof place);
        int person = 0;             /* a name told of someone is no place */
        for (size_t m = 0; m < f->n && !person; m++)
            person = facts_rel_of(f->v[m].relation) == READER_REL_NAME &&
                     facts_same_value(f->v[m].value, place);
        if (!person && home_moved_to(f, msg, place, u)) return 1;
    }
    return 0;
}

/* Corrections said in words the reader took for chat: a value of the user's put right after
 * "actually", "no, X is my Y", and the name after "my sister is". */
int checks_said_right(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *text = c->text;
    /* "I'm not vegan anymore" read with the value "I'm": a word for the one speaking or
     * spoken to is no value; the clause ends what it names */
    static const char *const persons[] = {"i", "i'm", "im", "me", "you", "you're", "we",
                                          "we're", NULL};
    if (u->act == READER_CORRECTION && checks_in_words(persons, u->value)) u->value[0] = '\0';
    /* "from June I'll be at Pine Clinic instead of Elm": a place told instead of one the
     * user works at or for takes its place */
    const char *instead = checks_word_at(text, "instead of");
    if (instead && u->value[0] && !checks_asks(text) &&
        (u->act == READER_FACT || u->act == READER_CORRECTION || u->act == READER_SMALLTALK)) {
        char at_v[UNDERSTAND_VALUE + 4], was[UNDERSTAND_VALUE];
        snprintf(at_v, sizeof at_v, "at %s", u->value);
        checks_word_after(instead + strlen("instead of"), was, sizeof was);
        for (size_t i = f->n; was[0] && facts_has_words(text, at_v) && i-- > 0;) {
            const store_memory_t *m = &f->v[i];
            int rel = facts_rel_of(m->relation);
            if (strcmp(m->holder, "self") != 0 || strcmp(m->value, FACTS_ENDED) == 0 ||
                (rel != READER_REL_EMPLOYER && rel != READER_REL_WORKPLACE) ||
                !facts_has_words(m->value, was) || facts_find(f, "self", m->relation, NULL) != m)
                continue;
            checks_settle(u, READER_FACT, "self", rel, m->relation, u->value);
            return 1;
        }
    }
    /* "support hearts, don't judge": a correction with no word of putting right, of
     * nothing told before, is told for the first time */
    static const char *const righting[] = {"actually", "sorry", "meant", "mean", "not", "no",
                                           "anymore", "longer", "instead", "now", "correction",
                                           "oops", "wrong", "changed", "moved", "switched",
                                           "new", "update", "updated", "nope", "wait", NULL};
    static const char *const bids[] = {"judge", "laugh", "worry", "mock", "panic", "ask",
                                       "tell", NULL};     /* ("don't judge": no old value) */
    char dont[UNDERSTAND_VALUE + 8];
    snprintf(dont, sizeof dont, "don't %s", u->old);
    int bid = u->old[0] && checks_in_words(bids, u->old) && facts_has_words(text, dont);
    if (u->act == READER_CORRECTION && (!u->old[0] || bid) && u->value[0] &&
        !checks_asks(text) && !checks_chinese(text) && !checks_holds_any(text, righting) &&
        !facts_find(f, u->holder, u->relation, NULL)) {
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->old[0] = '\0';
        u->personal |= !strcmp(u->holder, "self");
    }
    /* "actually im 24 lol": a value of a relation of the user's told before, said of
     * themselves after a word of putting right with a word of its relation, puts it right,
     * though the reader took the clause for chat (or was unsure of it); not "sorry,
     * queueing for chips at a kiosk in Brora" */
    static const char *const putting_right[] = {"actually", "no", "sorry", "oops",
                                                "correction", "wait", "nope", "nah", NULL};
    char opening[16];
    checks_word_after(text, opening, sizeof opening);
    const store_memory_t *was = (u->act == READER_SMALLTALK ||
                                 (u->act == READER_FACT && u->act_p < u->fact_min_p)) &&
                                        u->value[0] &&
                                        (u->personal || !strcmp(u->holder, "self")) &&
                                        understand_in_list(putting_right, opening)
                                    ? facts_find(f, u->holder, u->relation, NULL)
                                    : NULL;
    static const char *const said_of_me[] = {"i'm", "im", "i", "my", "it's", "its", "i've", "ive",
                                        NULL};
    if (was && !facts_same_value(was->value, u->value) &&
        checks_fits(u->rel, u->holder, u->value) &&
        checks_cued(u->rel, u->holder, u->value, text) && checks_holds_any(text, said_of_me)) {
        u->act = READER_CORRECTION;
        u->fact_min_p = 0;
        u->personal = u->settled = 1;
    }
    /* "no, liv is my cousin", "Bella is my dog": a name, "is my" and a word of kin or a
     * pet (and nothing after) names that one, whatever the reader read (a correction
     * when something of theirs was told) */
    if (u->act == READER_FACT || u->act == READER_CORRECTION || u->act == READER_SMALLTALK) {
        static const char *const lead[] = {"no", "nope", "nah", "actually", "sorry", "oh",
                                           "and", "but", "so", "wait", "well", NULL};
        char buf[256];
        const char *w[12];
        int n = understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 12), k = 0;
        while (k < n && understand_in_list(lead, w[k])) k++;
        char key[UNDERSTAND_KEY];
        if (n == k + 4 && !strcmp(w[k + 1], "is") && !strcmp(w[k + 2], "my") &&
            (understand_holder_of(w[k + 3], key, sizeof key), understand_kin(key) ||
                                                             dialogue_pet_word(key)) &&
            !lex_is_stopword(w[k]) && !understand_pronoun(w[k]) && !checks_someone_word(w[k]) &&
            isalpha((unsigned char)w[k][0])) {
            const char *at = checks_word_at(text, w[k]);
            char name[UNDERSTAND_KEY];
            snprintf(name, sizeof name, "%.*s", (int)strlen(w[k]), at ? at : w[k]);
            name[0] = (char)toupper((unsigned char)name[0]);
            int had = facts_find(f, key, NULL, NULL) != NULL;
            checks_settle(u, had && k > 0 ? READER_CORRECTION : READER_FACT, key, READER_REL_NAME,
                   NULL, name);
            u->old[0] = '\0';
        }
    }
    /* "my sister is Liv" read as a name and no value: the word with a capital after
     * "is" that ends the clause (any word, in a clause typed all small) */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_NAME &&
        !u->value[0] && (understand_kin(u->holder) || dialogue_pet_word(u->holder))) {
        const char *is = checks_word_at(text, "is");
        char name[UNDERSTAND_KEY];
        const char *end = is ? checks_word_after(is + 2, name, sizeof name) : NULL;
        while (end && *end == ' ') end++;
        const char *at = is ? is + 2 : NULL;
        while (at && *at == ' ') at++;
        int small = 1;          /* (or typed all in small letters: "gf is wren") */
        for (const char *c = text; *c && small; c++) small = !isupper((unsigned char)*c);
        if (end && !*end && at && (isupper((unsigned char)*at) || small) &&
            strlen(name) >= 2 && !lex_is_stopword(name) && !understand_kin(name))
            snprintf(u->value, sizeof u->value, "%.*s", (int)strlen(name), at);
    }
    return 0;
}

/* A fact said to be wrong, its value told next with "it's", and a value told after a clause
 * that recalls an old one: corrections. */
int checks_put_right_after(checks_clause_t *c, understood_t *u)
{
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    /* "I spelled my son's name wrong", "typo in my wife's name": a fact said to be wrong
     * corrects it, its new value told next */
    static const char *const wrong[] = {"wrong", "wrongly", "typo", "misspelled", "misspelt",
                                        "mistyped", "incorrectly", NULL};
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && u->relation[0] &&
        strcmp(u->holder, "self") != 0 && checks_holds_any(text, wrong) &&
        (!u->value[0] || checks_in_words(wrong, u->value))) {
        u->act = READER_CORRECTION;
        u->value[0] = '\0';
    }
    /* "I typed my niece's name wrong. It's Annika.": a value said with "it's" right
     * after a correction of someone's fact that gave none is the corrected value */
    char it_is[UNDERSTAND_VALUE] = "";     /* (the word with a capital after "it's") */
    const char *x = opens_with_it(text);
    size_t xl = 0;
    while (x && (isalpha((unsigned char)x[xl]) || x[xl] == '-')) xl++;
    if (xl > 1 && isupper((unsigned char)x[0])) snprintf(it_is, sizeof it_is, "%.*s", (int)xl, x);
    if (i > 0 && told[i - 1].act == READER_CORRECTION && !told[i - 1].value[0] &&
        told[i - 1].relation[0] && told[i - 1].holder[0] && (u->value[0] || it_is[0]) &&
        (u->act == READER_SMALLTALK || u->act == READER_FACT) && opens_with_it(text)) {
        if (!u->value[0]) snprintf(u->value, sizeof u->value, "%s", it_is);
        u->act = READER_CORRECTION;
        u->rel = told[i - 1].rel;
        snprintf(u->holder, sizeof u->holder, "%s", told[i - 1].holder);
        snprintf(u->relation, sizeof u->relation, "%s", told[i - 1].relation);
        u->personal = 1;
    }
    /* "hang on, I told you Hull - we moved to York": a value told after a
     * clause that recalls an old one puts that one right, of its holder and relation
     * when it is told of the same, or opens with "it's" or a pronoun ("I said 3 - it's 4
     * now", "I said Rex is a beagle - he's a harrier") */
    for (int k = i - 1; k >= 0 && (u->act == READER_FACT || u->act == READER_CORRECTION ||
                                   u->act == READER_SMALLTALK) && u->value[0]; k--) {
        if (told[k].at == u->at || !told[k].value[0] || !told[k].relation[0]) continue;
        char recalled[512];
        snprintf(recalled, sizeof recalled, "%.*s", (int)told[k].len, msg + told[k].at);
        if (!checks_recalls(recalled)) continue;
        if (facts_same_value(told[k].value, u->value)) break;
        int same = told[k].rel == u->rel &&     /* (of the one it names: "Fudge is ...") */
                   (facts_same_holder(told[k].holder, u->holder) ||
                    understand_pronoun(u->holder) || facts_has_words(recalled, u->holder));
        if (!same && !((opens_with_it(text) || understand_pronoun(u->holder)) &&
                       told[k].rel != READER_REL_OPEN &&
                       checks_fits(told[k].rel, told[k].holder, u->value)))
            break;
        u->act = READER_CORRECTION;
        u->rel = told[k].rel;
        snprintf(u->holder, sizeof u->holder, "%s", told[k].holder);
        snprintf(u->relation, sizeof u->relation, "%s", told[k].relation);
        snprintf(u->old, sizeof u->old, "%s", told[k].value);
        u->personal = 1;
        break;
    }
    /* "her birthday is the 3rd of June. Oops, 4th!": a correction said with a word of
     * putting right that says nothing of whose it is puts right the value of its relation
     * (or of a relation it can be of) told just before in the message, of whomever it was
     * told: a fact of that one with the value it replaces (u->old), which the plan writes
     * the newer value in place of */
    static const char *const whose[] = {"i", "i'm", "im", "my", "me", "mine", "i've", "ive",
                                        "he", "she", "he's", "she's", "his", "her", "they",
                                        "their", NULL};
    static const char *const oops[] = {"sorry", "oops", "actually", "no", "wait", "correction",
                                       "i mean", "i meant", "typo", "nope", "rather", NULL};
    for (int k = i - 1; k >= 0 && u->act == READER_CORRECTION && !u->old[0] && u->value[0] &&
                        !strcmp(u->holder, "self") && !checks_holds_any(text, whose) &&
                        checks_holds_any(text, oops);
         k--) {
        int unnamed = u->rel == READER_REL_OPEN && !u->relation[0] && !strchr(u->value, ' ') &&
                      (told[k].rel != READER_REL_BIRTHDAY || understand_has_number(u->value)) &&
                      checks_fits(told[k].rel, told[k].holder, u->value);  /* ("Oops, 4th!") */
        if (told[k].at == u->at || !told[k].value[0] || (told[k].rel != u->rel && !unnamed) ||
            told[k].rel == READER_REL_OPEN || told[k].act != READER_FACT)
            continue;
        u->rel = told[k].rel;
        snprintf(u->relation, sizeof u->relation, "%s", told[k].relation);
        snprintf(u->holder, sizeof u->holder, "%s", told[k].holder);
        snprintf(u->old, sizeof u->old, "%s", told[k].value);
        u->act = READER_FACT;           /* (a fact after it: the newer) */
        u->fact_min_p = 0;
        u->personal = 1;
        break;
    }
    return 0;
}

/* What is so now: a nickname, a home moved, "it's X now", a count now, a value after a
 * correction, a value held asked, a comparison. */
int checks_told_now(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    int q = c->q;
    /* "Rosalind here, but my mates call me Roz": a name others call the user, beside
     * the name told, is their nickname; "what do my friends call me?" asks it when told */
    static const char *const calling[] = {"calls me", "call me", "calling me", "known as",
                                          "nickname", NULL};
    int called = checks_holds_any(text, calling);
    int named_self = facts_find(f, "self", reader_rel_name(READER_REL_NAME), NULL) != NULL;
    for (int k = 0; k < i && !named_self; k++)
        named_self = told[k].rel == READER_REL_NAME && !strcmp(told[k].holder, "self") &&
                   told[k].value[0] && told[k].act == READER_FACT;
    /* "please call me Jo", "you can call me Jo": what the user asks to be called is
     * their name now; "what do you call me?" asks it */
    static const char *const call_me[] = {"please call me ", "pls call me ", "just call me ",
                                          "you can call me ", "call me ", NULL};
    for (int k = 0; call_me[k] && q < 0; k++) {
        size_t cl = strlen(call_me[k]);
        if (strncasecmp(text, call_me[k], cl) != 0) continue;
        size_t nl = 0;
        while (isalpha((unsigned char)text[cl + nl]) || text[cl + nl] == '-') nl++;
        char name[UNDERSTAND_VALUE];
        snprintf(name, sizeof name, "%.*s", (int)nl, text + cl);
        if (nl < 2 || lex_is_stopword(name)) break;
        checks_settle(u, named_self ? READER_CORRECTION : READER_FACT, "self",
                      READER_REL_NAME, NULL, name);     /* (a name anew: "Call me Ada.") */
        return 1;
    }
    static const char *const call_asked[] = {"should you call me", "do you call me",
                                             "to call me", NULL};
    if (checks_holds_any(text, call_asked) && strchr(text, '?') &&
        !facts_find(f, "self", "nickname", NULL)) {
        checks_settle(u, READER_QUESTION, "self", READER_REL_NAME, NULL, "");
        return 1;
    }
    if (called && u->act == READER_FACT && u->rel == READER_REL_NAME &&
        !strcmp(u->holder, "self") && u->value[0] && named_self && q < 0) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "nickname");
        u->fact_min_p = 0;
    }
    if (called && u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        (u->rel == READER_REL_NAME || u->rel == READER_REL_OPEN) &&
        facts_find(f, "self", "nickname", NULL)) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "nickname");
        u->value[0] = '\0';
    }
    /* "I've switched to rowing instead" read as an allergy: a pastime taken up */
    static const char *const taken_up[] = {"switched to", "took up", "taken up", "taking up",
                                           "started", "into", NULL};
    static const char *const allergic[] = {"allergic", "allergy", "allergies", NULL};
    size_t vl = strlen(u->value);
    if (u->rel == READER_REL_ALLERGY && vl > 4 && q < 0 &&
        (!strcmp(u->value + vl - 3, "ing") || kinds_sport(u->value)) &&
        checks_holds_any(text, taken_up) && !checks_holds_any(text, allergic)) {
        u->rel = READER_REL_HOBBY;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOBBY));
    }
    if (q < 0 && moved_home(f, msg, text, u))
        return 1;                       /* "signed for a three-bed in Preston" */
    if (i > 0 && q < 0 && u->act != READER_CORRECTION && opens_with_it(text))
        it_is_now(f, msg, &told[i - 1], text, u);   /* "my handicap dropped. It's 14 now!" */
    if (q < 0) count_now(f, text, u);   /* "a fox got two hens, so it's seven now" */
    /* "not latex, it's amoxicillin": a value told right after a correction of an old one
     * is that correction's new value */
    if (u->act == READER_SMALLTALK && q < 0 && u->value[0] && i > 0 &&
        told[i - 1].act == READER_CORRECTION && told[i - 1].old[0] && opens_with_it(text)) {
        u->act = READER_CORRECTION;
        u->personal = 1;
        snprintf(u->old, sizeof u->old, "%s", told[i - 1].old);
    }
    if (u->act == READER_SMALLTALK && q == 2 && named_value_held(f, text)) {
        u->act = READER_QUESTION;       /* "who's doing an MA?" after "Kit's doing an MA" */
        u->personal = 1;
    }
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !u->personal &&
        compare_asks(text))
        u->personal = 1;                /* "who's older, Maud or Cyril?" */
    return 0;
}

/* A correction with no old value needs a word of putting right in its message. */
int checks_righting(checks_clause_t *c, understood_t *u)
{
    const char *msg = c->msg;
    /* "..., me da pena" read as a correction of a name: a correction with no old value
     * is said with a word of putting right or of change somewhere in its message
     * ("actually", "I meant", "sorry", "not", "now", "moved"), else it corrects nothing
     * and is read as what it tells */
    static const char *const righting[] = {
        "actually", "meant", "mean", "sorry", "correction", "correct", "not", "no", "nope",
        "wait", "oops", "scratch", "rather", "instead", "now", "changed", "change",
        "anymore", "longer", "update", "updated", "moved", "move", "switched", "swapped",
        "wrong", "mistake", "typo", "misspoke", "spelled", "spelt", "fix", "new",
        "left", "quit", "sold", "became", "promoted", "retired", "ex", "former", "but",
        "since", "finally", "turned", "got", "ended", "over", "passed", "died", NULL};
    if (u->act == READER_CORRECTION && !u->old[0] && u->value[0] && !checks_chinese(msg) &&
        !checks_holds_any(msg, righting)) {
        u->act = READER_FACT;
        /* the reader was sure it tells a name or age of someone's (act_p is the
         * correction's): "wife Kasia" */
        if ((u->rel == READER_REL_NAME || u->rel == READER_REL_AGE) &&
            (understand_kin(u->holder) || dialogue_pet_word(u->holder)))
            u->fact_min_p = 0;
    }
    return 0;
}
