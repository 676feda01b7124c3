/* checks_ages.c: ages and numbers (checks_internal.h): ages told and asked, numbers put
 * right, turned, "make that". Phases of checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/clauses.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

/* The number the words w[..end) end with, of one word or two ("6", "six", "twenty
 * one"), into num (cap bytes); returns how many words it takes (0: none). */
static int number_ending(const char *const *w, int end, char *num, size_t cap)
{
    char span[32];
    long v;
    for (int k = 2; k >= 1; k--) {
        if (end - k < 0) continue;
        snprintf(span, sizeof span, "%s%s%s", w[end - k], k == 2 ? " " : "",
                 k == 2 ? w[end - 1] : "");
        if (understand_number(span, &v)) {
            snprintf(num, cap, "%s", span);
            return k;
        }
    }
    return 0;
}

/* 1 when the yes/no question text asks an age: a number before "year(s) old" ("is Kit
 * twenty-one years old?") or as its last word right after whom it asks of ("is Kit
 * six?", "is my son 7?", not "is Kit in year 7?"), with that number into num (cap bytes;
 * "" when it names none). holder: the question's holder key. */
static int age_asked(const facts_t *f, const char *text, const char *holder, char *num,
                     size_t cap)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[32];
    int n = understand_split_words(text, " ,.?!", buf, sizeof buf, w, 32);
    num[0] = '\0';
    int end = n;                                /* the number ends before w[end] */
    for (int i = 1; i + 1 < n; i++)
        if ((!strcmp(w[i], "years") || !strcmp(w[i], "year") || !strcmp(w[i], "yrs")) &&
            !strcmp(w[i + 1], "old"))
            end = i;
    int k = end > 1 ? number_ending(w + 1, end - 1, num, cap) : 0;     /* (not w[0]) */
    if (k && end == n) {                        /* its last word: whom it asks of before it */
        const char *before = w[end - k - 1];
        const char *last = strrchr(holder, ' ');
        int whom = !strcasecmp(before, last ? last + 1 : holder) || !strcmp(before, "i");
        for (size_t j = 0; j < f->n && !whom; j++)
            whom = facts_rel_of(f->v[j].relation) == READER_REL_NAME &&
                   !strcasecmp(f->v[j].value, before);
        if (!whom) num[0] = '\0';
        return whom;
    }
    return k || end < n;
}

/* 1 when the clause text ends by telling an age ("my son is six", "Kit's twenty-one
 * years old"): a number (1-120) after "is", "'s", "are" or "'re", with it into num (cap
 * bytes); 2 when it tells one before a word that goes on ("he's 11 and loves it"); 0
 * when none. */
static int age_told(const char *text, char *num, size_t cap)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[32];
    int n = understand_split_words(text, " ,.!", buf, sizeof buf, w, 32);
    if (n > 2 && !strcmp(w[n - 1], "old") &&
        (!strcmp(w[n - 2], "years") || !strcmp(w[n - 2], "yrs")))
        n -= 2;
    /* a number right after "is", "'s", "are" or "'re", last in the clause or before a word
     * that goes on to something else ("he's 11 and not afraid of wasps", "they're 7 now") */
    static const char *const then[] = {"and", "but", "so", "now", "already", "tho", "though",
                                       "years", "yrs", "yo", "lol", "haha", "na", "btw", NULL};
    for (int k = 1; k < n; k++) {
        const char *be = w[k - 1];
        size_t bl = strlen(be);
        long v;
        int is = !strcmp(be, "is") || !strcmp(be, "are") ||
                 (bl > 2 && (!strcmp(be + bl - 2, "'s") || !strcmp(be + bl - 3, "'re")));
        int at = k == n - 1 || understand_in_list(then, w[k + 1]);
        int k2 = k + 1 < n && !at ? number_ending(w + k, 2, num, cap) : 0;  /* "twenty one" */
        if (k2 == 2 && (k + 2 == n || understand_in_list(then, w[k + 2]))) at = 1;
        else {
            k2 = 1;
            snprintf(num, cap, "%s", w[k]);
        }
        if (is && at && understand_number(num, &v) && v >= 1 && v <= 120)
            return k + k2 == n ? 1 : 2;
    }
    return 0;
}

/* "i am dive guide in Hobart" read as the name "dive": a name of the user's in lower
 * case right before a word for a kind of person (kinds_person: "guide") is the first
 * word of their job, which u becomes; one of two words or more that ends in such a word
 * ("ski guide") is the job itself. */
static void name_before_person(const char *text, understood_t *u)
{
    const char *at = checks_word_at(text, u->value);
    if (!at || !islower((unsigned char)u->value[0])) return;
    const char *last = strrchr(u->value, ' ');
    if (last && kinds_person(last + 1)) {
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
        return;
    }
    const char *w = at + strlen(u->value);
    while (*w == ' ') w++;
    char next[32];
    size_t n = 0;
    while (isalpha((unsigned char)w[n]) && n + 1 < sizeof next)
        next[n] = (char)tolower((unsigned char)w[n]), n++;
    next[n] = '\0';
    if (!n || !kinds_person(next)) return;
    char job[UNDERSTAND_VALUE];
    snprintf(job, sizeof job, "%.*s", (int)(w + n - at), at);
    snprintf(u->value, sizeof u->value, "%s", job);
    u->rel = READER_REL_JOB;
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
}

int checks_asks_driven(const char *text)
{
    return (facts_has_words(text, "what") || facts_has_words(text, "what's") ||
            facts_has_words(text, "which")) &&
           (facts_has_words(text, "driving") || facts_has_words(text, "drive")) &&
           !facts_has_words(text, "where") && !facts_has_words(text, "far") &&
           !facts_has_words(text, "for");
}

/* A slip put right without the reader seeing a correction ("no wait, it's Harrowgate"
 * after "Harrogate"): in a clause that says it corrects (a word of correcting), a word of
 * five letters or more spelt almost as a value the user told. Fills u as the correction
 * of that value and returns 1, else 0. */
static int slip_put_right(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const cues[] = {"wait", "no", "sorry", "actually", "meant", "oops",
                                       "typo", "mean", "correction", "not", NULL};
    int cue = 0;
    for (int i = 0; cues[i] && !cue; i++) cue = facts_has_words(text, cues[i]);
    if (!cue) return 0;
    for (const char *p = text; *p;) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        const char *w = p;
        while (isalpha((unsigned char)*p)) p++;
        char word[UNDERSTAND_VALUE];
        if (p - w < 5 || (size_t)(p - w) >= sizeof word) continue;
        snprintf(word, sizeof word, "%.*s", (int)(p - w), w);
        const store_memory_t *m = facts_by_spelling(f, word);
        if (!m || strchr(m->value, ' ')) continue;
        u->act = READER_CORRECTION;
        u->personal = 1;
        u->rel = facts_rel_of(m->relation);
        snprintf(u->holder, sizeof u->holder, "%s", m->holder);
        snprintf(u->relation, sizeof u->relation, "%s", m->relation);
        snprintf(u->value, sizeof u->value, "%s", word);
        snprintf(u->old, sizeof u->old, "%s", m->value);
        return 1;
    }
    return 0;
}

/* "Jun Hao already 14 lah, his birthday was Tuesday", "Nana turn 90 Saturday gone", "I
 * turned thirty-four the day": a number of years (1-120, in digits or words; not
 * of hours, people or things) with a word of turning, a birthday or "now", in a clause
 * whose sentence names one whose age was told (by name or word of kin in any form, or by
 * the pronoun the clause's holder was found for; the user by "my birthday", "I'm" or "I
 * turned"), is that one's age now, if a year to ten more than told. Sets u and returns
 * 1, else 0. */
static int age_now(const facts_t *f, const char *msg, const char *text, understood_t *u)
{
    static const char *const turning[] = {"turn", "turns", "turned", "birthday", "bday",
                                          "already", "now", "today", NULL};
    static const char *const measures[] = {
        "hours", "hour", "minutes", "mins", "people", "percent", "kids", "children", "times",
        "days", "weeks", "months", "miles", "km", "quid", "dollars", "pounds", "euros",
        "head", "sheep", "cows", "rooms", "grandchildren", "grandkids", "degrees", "ago",
        "pm", "am", "k", "things", "of", "more", "less", NULL};
    static const char *const mine[] = {"my birthday", "i'm", "im", "i turned", "i turn",
                                       "i am", NULL};
    if (checks_asks(text) || !checks_holds_any(text, turning) || u->act == READER_QUESTION ||
        u->act == READER_YESNO || u->act == READER_FORGET)
        return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    long years = -1;
    char said[UNDERSTAND_VALUE] = "";
    for (int j = 0; j < n && years < 0; j++) {
        long v;
        char two[64];                   /* "twenty-eight", "twenty eight" */
        snprintf(two, sizeof two, "%s %s", w[j], j + 1 < n ? w[j + 1] : "");
        int pair = j + 1 < n && understand_number(two, &v) && v > 20;
        if (!pair && !understand_number(w[j], &v)) continue;
        const char *next = j + 1 + pair < n ? w[j + 1 + pair] : "";
        if (v < 1 || v > 120 || understand_in_list(measures, next)) continue;
        years = v;
        snprintf(said, sizeof said, "%s", pair ? two : w[j]);
    }
    if (years < 0) return 0;
    char sentence[512], sbuf[512];       /* the clause's sentence in msg */
    size_t sb, se;
    clauses_sentence(msg, u->at, u->len, &sb, &se);
    snprintf(sentence, sizeof sentence, "%.*s", (int)(se - sb), msg + sb);
    const char *sw[64];
    int ns = understand_split_words(sentence, " ,.;:!?()", sbuf, sizeof sbuf, sw, 64);
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        long was;
        if (facts_rel_of(m->relation) != READER_REL_AGE || !strcmp(m->value, FACTS_ENDED) ||
            !understand_number(m->value, &was) || was == years || years < was ||
            years > was + 10)
            continue;
        /* named in the clause's sentence: by name, by a word of kin in any form
         * ("granny"), or by a pronoun the clause's holder was found for */
        const char *name = facts_name_of(f, m->holder);
        int named = !strcmp(m->holder, "self")
                        ? checks_holds_any(text, mine)
                        : (name && facts_has_words(sentence, name)) ||
                              (strcmp(u->holder, "self") != 0 &&
                               facts_same_holder(u->holder, m->holder));
        for (int j = 0; j < ns && !named && strcmp(m->holder, "self") != 0; j++) {
            char key[UNDERSTAND_KEY];
            understand_holder_of(sw[j], key, sizeof key);
            named = facts_same_holder(key, m->holder);
        }
        if (!named) continue;
        checks_settle(u, READER_FACT, m->holder, READER_REL_AGE, m->relation, said);
        return 1;
    }
    return 0;
}

/* "My favourite snack? Churros, no contest.": a question of the user's own with no
 * question word ("my X?", "cat's name?"), answered in the clause after it by a bare value
 * the reader did not read so, tells that fact; its value the words before the first
 * comma (one to four, past "it's", "definitely" ...). Sets u and
 * returns 1, else 0; the question is left to the plan (respond.c: a question the
 * message answers is not asked). */
static int answers_own(const char *msg, const understood_t *told, int i, const char *text,
                       understood_t *u)
{
    static const char *const lead[] = {"it's", "its", "it", "is", "has", "to", "be",
                                       "definitely", "probably", "easily", "oh", "that'd",
                                       "thatd", "hands", "down", "gotta", NULL};
    int j = i - 1;
    while (j >= 0 && told[j].at == u->at) j--;
    if (j < 0 || checks_asks(text) || told[j].act != READER_QUESTION || !told[j].relation[0] ||
        !told[j].holder[0] || u->act == READER_QUESTION || u->act == READER_YESNO ||
        u->act == READER_FORGET)
        return 0;
    char asked[256], first[32] = "";
    snprintf(asked, sizeof asked, "%.*s", (int)told[j].len, msg + told[j].at);
    sscanf(asked, "%31s", first);
    for (char *c = first; *c; c++) *c = (char)tolower((unsigned char)*c);
    static const char *const mine[] = {"i", "i'm", "im", "i've", "my", "we", "our", NULL};
    char lead_word[32] = "";
    sscanf(text, "%31s", lead_word);
    for (char *c = lead_word; *c; c++) *c = (char)tolower((unsigned char)*c);
    size_t sb, se;                      /* (a short question that opens its sentence) */
    clauses_sentence(msg, told[j].at, told[j].len, &sb, &se);
    while (sb < told[j].at && msg[sb] == ' ') sb++;
    int words = 0;
    for (const char *c = asked; *c; c++) words += *c != ' ' && (c == asked || c[-1] == ' ');
    if (understand_question_word(first) || !strchr(asked, '?') || sb != told[j].at ||
        words > 4 ||
        understand_in_list(mine, lead_word) ||
        (u->act == READER_FACT && u->rel == told[j].rel && u->value[0]))
        return 0;                       /* (a question word; "I'm a glazier" is read) */
    size_t cut = strcspn(text, ",.;!");
    char buf[256];
    const char *w[8];
    char part[256];
    snprintf(part, sizeof part, "%.*s", (int)cut, text);
    int n = understand_split_words(part, " ", buf, sizeof buf, w, 8), b = 0;
    while (b < n && understand_in_list(lead, w[b])) b++;
    static const char *const unsure[] = {"dunno", "idk", "no", "not", "nothing", "none",
                                         "yes", "yeah", "lol", "haha", "hmm", "um", "maybe",
                                         "guess", "who", "what", "why", "ask", "well", "good",
                                         "question", "wait", NULL};
    unsigned char c0 = n > b ? (unsigned char)w[b][0] : 0;
    if (n - b < 1 || n - b > 4 || n == 8 || understand_in_list(unsure, w[b]) ||
        !(isalnum(c0) || (c0 >= 0xC0 && c0 < 0xE0) || (c0 >= 0xE4 && c0 <= 0xE9)) ||
        !checks_fits(told[j].rel, told[j].holder, w[b]))
        return 0;                       /* (no emoji: "so my birthday? 🙈") */
    const char *from = checks_word_at(part, w[b]);
    if (!from) return 0;
    checks_settle(u, READER_FACT, told[j].holder, told[j].rel, told[j].relation, from);
    return 1;
}

/* 1 when u already holds an age, a birthday or a name ("turns 9 on june 3rd": the
 * birthday; "my son kofi just turned 16": his name), unless it is the age of someone
 * else than the user, read unsure or as chat, which turned tells again. */
static int when_read_already(const char *text, const understood_t *u)
{
    if (!u->value[0] || (u->rel != READER_REL_AGE && u->rel != READER_REL_BIRTHDAY &&
                         u->rel != READER_REL_NAME))
        return 0;
    return !(u->rel == READER_REL_AGE && strcmp(u->holder, "self") != 0 &&
             checks_of_someone(text, u->holder));
}

/* "she just turned 4 🎈", "Omar turns 9 on Sunday": a number of years (1-120) right after
 * "turned" or "turns", said of a holder already found (a pronoun resolved, a name, a
 * word of kin or pet), is that one's age, however the reader read the clause. Sets u and
 * returns 1, else 0. */
static int turned(const char *text, understood_t *u)
{
    static const char *const turning[] = {"turned", "turns", "turning", NULL};
    static const char *const after[] = {"", "years", "yrs", "year", "today", "yesterday",
                                        "on", "last", "this", "in", "and", "so", "already",
                                        "now", "just", "lol", NULL};
    if (checks_asks(text) || (u->act != READER_FACT && u->act != READER_SMALLTALK) ||
        !u->holder[0] || understand_pronoun(u->holder))
        return 0;
    /* (read already: settled only when the reader read this age, "well, turned 40
     * yesterday", so that it is a fact by its words) */
    int already = when_read_already(text, u);
    if (already && u->rel != READER_REL_AGE) return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k + 1 < n; k++) {
        long v;
        const char *next = k + 2 < n ? w[k + 2] : "";
        if (!understand_in_list(turning, w[k]) || !understand_number(w[k + 1], &v) || v < 1 ||
            v > 120 || !(understand_in_list(after, next) || (unsigned char)next[0] >= 0xE0))
            continue;                   /* (emoji after it: "turned 2 🎂") */
        if (already && strcmp(u->value, w[k + 1]) != 0) return 0;
        checks_settle(u, READER_FACT, u->holder, READER_REL_AGE, NULL, w[k + 1]);
        return 1;
    }
    return 0;
}

/* "And Leah, my girl, turned twelve": a clause of one word with a capital (past "and",
 * "oh", "so") followed in the message by ", my <kin>," names that one of the user's.
 * Sets u to the name fact and returns 1, else 0. */
static int named_before_kin(const char *msg, const char *text, understood_t *u)
{
    static const char *const lead[] = {"and", "oh", "so", "also", "plus", NULL};
    if (u->act != READER_SMALLTALK && u->act != READER_FACT) return 0;
    char buf[128];
    const char *w[4];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 4), k = 0;
    while (k < n && understand_in_list(lead, w[k])) k++;
    if (k + 1 != n) return 0;
    const char *name = checks_word_at(text, w[k]);
    if (!name || !isupper((unsigned char)*name) || strlen(w[k]) < 2 || lex_is_stopword(w[k]))
        return 0;
    for (const char *c = w[k]; *c; c++)
        if (!isalpha((unsigned char)*c)) return 0;
    const char *rest = msg + u->at + u->len;
    while (*rest == ' ' || *rest == ',') rest++;
    if (rest == msg + u->at + u->len || strncasecmp(rest, "my ", 3)) return 0;
    char kin[32], key[UNDERSTAND_KEY];
    size_t kl = strspn(rest + 3, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (!kl || kl >= sizeof kin || rest[3 + kl] != ',') return 0;
    snprintf(kin, sizeof kin, "%.*s", (int)kl, rest + 3);
    understand_holder_of(kin, key, sizeof key);
    if (!understand_kin(key) || understand_group_key(key)) return 0;
    char value[UNDERSTAND_KEY];
    snprintf(value, sizeof value, "%.*s", (int)strlen(w[k]), name);
    checks_settle(u, READER_FACT, key, READER_REL_NAME, NULL, value);
    return 1;
}

/* "Bo's fourteen, Cody's eleven": a clause that opens with the name told of one of a
 * group of the user's people ("the boys are Bo, Cody and Eli"), then 's, "is" or "just
 * turned", then a number of years (1-120) ending the clause, tells that one's age, not
 * the group's. Sets u (held by the name as written) and returns 1, else 0. */
static int member_aged(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const lead[] = {"and", "oh", "so", "while", "but", "then", NULL};
    static const char *const verbs[] = {"is", "turned", "just", "turns", NULL};
    if (checks_asks(text) || (u->act != READER_FACT && u->act != READER_SMALLTALK)) return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64), k = 0;
    while (k < n && understand_in_list(lead, w[k])) k++;
    if (k >= n) return 0;
    char name[UNDERSTAND_KEY];
    size_t len = strlen(w[k]);
    int own = len > 2 && !strcmp(w[k] + len - 2, "'s");   /* "bo's" */
    snprintf(name, sizeof name, "%.*s", (int)(own ? len - 2 : len), w[k]);
    int at = k + 1;
    while (!own && at < n && at < k + 3 && understand_in_list(verbs, w[at])) at++;
    long v;
    if ((!own && at == k + 1) || at + 1 != n || !understand_number(w[at], &v) || v < 1 ||
        v > 120)
        return 0;
    const char *as_written = checks_word_at(text, name);
    if (!as_written || !isupper((unsigned char)*as_written)) return 0;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_NAME || strcasecmp(m->value, name) ||
            !(understand_group_key(m->holder) ||
              (islower((unsigned char)m->holder[0]) && understand_plural(m->holder))))
            continue;
        char holder[UNDERSTAND_KEY];
        snprintf(holder, sizeof holder, "%.*s", (int)strlen(name), as_written);
        checks_settle(u, READER_FACT, holder, READER_REL_AGE, NULL, w[at]);
        return 1;
    }
    return 0;
}

/* "tater's five not four", "she is 7, not 6": a correction, or a clause of someone's
 * read as chat or a fact, whose words hold a number of years after "'s" or "is" and
 * "not" another, puts right that one's age, whatever value the reader marked. Sets u and
 * returns 1, else 0. */
static int age_not(const char *text, understood_t *u)
{
    if ((u->act != READER_CORRECTION && u->act != READER_SMALLTALK && u->act != READER_FACT) ||
        !u->holder[0] || understand_pronoun(u->holder) ||
        (u->act != READER_CORRECTION && !checks_of_someone(text, u->holder)))
        return 0;
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 1; k + 2 < n; k++) {
        long now, was;
        size_t pl = strlen(w[k - 1]);
        int after_is = !strcmp(w[k - 1], "is") || (pl > 2 && !strcmp(w[k - 1] + pl - 2, "'s"));
        if (!after_is || strcmp(w[k + 1], "not") || !understand_number(w[k], &now) ||
            !understand_number(w[k + 2], &was) || now < 1 || now > 120 || was < 1 || was > 120)
            continue;
        checks_settle(u, READER_CORRECTION, u->holder, READER_REL_AGE, NULL, w[k]);
        snprintf(u->old, sizeof u->old, "%s", w[k + 2]);
        return 1;
    }
    return 0;
}

/* "did I say four hens? make that five", "make it 35": a number after "make that" or
 * "make it" puts right the newest number told of the user's people, pets or things (a
 * count or an age), however the reader read the clause. Sets u and returns 1, else 0. */
static int make_that(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const making[] = {"make that", "make it", NULL};
    if (checks_asks(text) || u->act == READER_FORGET) return 0;
    for (int k = 0; making[k]; k++) {
        const char *at = checks_word_at(text, making[k]);
        if (!at) continue;
        char said[32] = "";
        sscanf(at + strlen(making[k]), " %31[A-Za-z0-9-]", said);
        long v, was;
        if (!understand_number(said, &v)) return 0;
        for (size_t m = f->n; m-- > 0;) {
            const store_memory_t *x = &f->v[m];
            if (!understand_number(x->value, &was) || !x->relation[0]) continue;
            if (was == v) return 0;
            checks_settle(u, READER_CORRECTION, x->holder, facts_rel_of(x->relation), x->relation,
                   said);
            snprintf(u->old, sizeof u->old, "%s", x->value);
            return 1;
        }
        return 0;
    }
    return 0;
}

/* Ages told and asked by their numbers, a vehicle or a medicine asked, "I am dive guide", a
 * name after a kin word, a holder that is a place. */
int checks_ages(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    int q = c->q;
    /* "61 years old and still dancing" read as chat: a clause that opens with a number of
     * years old tells the user's age */
    static const char *const old[] = {"years old", "yrs old", "year old", "yo", NULL};
    long years;
    size_t vl = strlen(u->value);
    if (u->act == READER_SMALLTALK && u->rel == READER_REL_AGE && !strcmp(u->holder, "self") &&
        understand_number(u->value, &years) && years > 0 && years <= 120 &&
        !strncmp(text, u->value, vl) && text[vl] == ' ' && !checks_asks(text)) {
        for (int k = 0; old[k]; k++)
            if (!strncasecmp(text + vl + 1, old[k], strlen(old[k]))) {
                checks_settle(u, READER_FACT, "self", READER_REL_AGE, NULL, u->value);
                return 1;
            }
    }
    /* "I'm Ana. 31 years old, I fix bikes": a clause of a number of years old and nothing
     * else (read as chat, or a fact the reader is unsure of), after facts of the user's
     * own only (none of anyone else's), is their age */
    int own = i > 0, n_years = 0;
    for (int j = 0; j < i && own; j++)
        own = told[j].act != READER_FACT || !strcmp(told[j].holder, "self");
    for (int j = 0; j < i && own && !n_years; j++) n_years = told[j].act == READER_FACT;
    char nb[16], ob[16];
    if (own && n_years && !checks_asks(text) &&
        (u->act == READER_SMALLTALK || (u->act == READER_FACT && u->act_p < u->fact_min_p)) &&
        sscanf(text, "%15[0-9] %15[a-z ]", nb, ob) == 2 && understand_number(nb, &years) &&
        years > 0 && years <= 120 && strlen(nb) + 1 + strlen(ob) == strlen(text) &&
        (!strcmp(ob, "years old") || !strcmp(ob, "yrs old") || !strcmp(ob, "year old"))) {
        checks_settle(u, READER_FACT, "self", READER_REL_AGE, NULL, nb);
        return 1;
    }
    /* "is Kit six years old?", "is my nephew 7?" ask an age, whatever the reader marked */
    char age[UNDERSTAND_VALUE];
    /* "my son is six" read as chat, unsure or with no value: his age */
    int aged = 0;       /* (once a message: a unit before told it) */
    for (int j = 0; j < i && !aged; j++)
        aged = told[j].act == READER_FACT && told[j].rel == READER_REL_AGE &&
               !strcmp(told[j].holder, u->holder);
    int told_age = u->holder[0] && strcmp(u->holder, "self") != 0 && q < 0 && !aged
                       ? age_told(text, age, sizeof age) : 0;
    if (told_age == 2 && !understand_kin(u->holder) && !dialogue_pet_word(u->holder) &&
        !kinds_animal(u->holder))
        told_age = 0;           /* (mid-clause, of someone's: not "[six] years old and ...") */
    if (told_age && (u->act == READER_SMALLTALK || u->act == READER_FACT) &&
        (u->act == READER_SMALLTALK || !u->value[0] || u->act_p < u->fact_min_p ||
         (!strncmp(u->value, age, strlen(age)) && u->value[strlen(age)] == ' '))) {
        /* (or its number read with the word after it: "they're 7 na" as an employer) */
        u->act = READER_FACT;
        u->fact_min_p = 0;              /* settled by its words */
        u->personal = 1;
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        snprintf(u->value, sizeof u->value, "%s", age);
    }
    if (u->act == READER_YESNO && (u->rel != READER_REL_AGE || !u->value[0]) &&
        age_asked(f, text, u->holder, age, sizeof age)) {
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        snprintf(u->value, sizeof u->value, "%s", age);
    }
    /* "which van am I using nowadays?" asks the vehicle owned, not a job */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        checks_opens_question(text) == 2 &&
        (u->rel == READER_REL_JOB || (u->rel == READER_REL_OPEN && !u->relation[0])))
        for (int k = 0; understand_vehicle_words[k]; k++)
            if (facts_has_words(text, understand_vehicle_words[k]) ||
                (k == 0 && checks_asks_driven(text))) {    /* "what are we driving now?" */
                u->rel = READER_REL_OWNS;
                snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_OWNS));
                break;
            }
    /* "what do I drive?" of "my car is a Honda Civic": no thing owned told, the kind of
     * the newest vehicle of the user's told by its word asks it */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && u->rel == READER_REL_OWNS &&
        checks_asks_driven(text) && !facts_find(f, "self", u->relation, NULL))
        for (size_t k = f->n; k-- > 0;)
            if (understand_in_list(understand_vehicle_words, f->v[k].holder) &&
                facts_rel_of(f->v[k].relation) == READER_REL_KIND &&
                strcmp(f->v[k].value, FACTS_ENDED) != 0) {
                checks_settle(u, READER_QUESTION, f->v[k].holder, READER_REL_KIND, NULL, "");
                break;
            }
    /* "what medicine do I take?" read as a job: a question of a medicine asks no job */
    const char *const *medicine = understand_topic_tells("medication");
    for (int k = 0; medicine && u->act == READER_QUESTION && u->rel == READER_REL_JOB &&
                    medicine[k]; k++)
        if (facts_has_words(text, medicine[k])) {
            u->rel = READER_REL_OPEN;
            snprintf(u->relation, sizeof u->relation, "%s", "medication");
        }
    if (u->act == READER_FACT && u->rel == READER_REL_NAME && !strcmp(u->holder, "self"))
        name_before_person(text, u);    /* "i am dive guide in Hobart": a job */
    /* "my eldest son Ikenna is a doctor" read as a language Ikenna: a value of one word
     * with a capital right after the word for its holder, where its relation's words
     * are not said, is the holder's name */
    char kin_value[UNDERSTAND_KEY + UNDERSTAND_VALUE + 2];
    snprintf(kin_value, sizeof kin_value, "%s %s", u->holder, u->value);
    if (u->act == READER_FACT && u->rel != READER_REL_NAME && u->value[0] &&
        isupper((unsigned char)u->value[0]) && !strchr(u->value, ' ') &&
        (understand_kin(u->holder) || dialogue_pet_word(u->holder)) &&
        facts_has_words(text, kin_value) && !checks_cued(u->rel, u->holder, u->value, text)) {
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    /* "my son Pim is 10 months old": a baby's age keeps its weeks or months */
    static const char *const spans[] = {"weeks", "months", NULL};
    char n_span[UNDERSTAND_VALUE + 8];
    for (int k = 0; (u->act == READER_FACT || u->act == READER_CORRECTION) &&
                    u->rel == READER_REL_AGE && understand_number(u->value, &years) &&
                    !strchr(u->value, ' ') && spans[k]; k++) {
        snprintf(n_span, sizeof n_span, "%s %s", u->value, spans[k]);
        size_t nl = strlen(n_span);
        if (facts_has_words(text, n_span) && nl < sizeof u->value) {
            memcpy(u->value, n_span, nl + 1);
            break;
        }
    }
    return 0;
}

/* Numbers put right (not in questions): a slip, an age now, a name before kin, "five not
 * four", a member's age, turned, "make that", a question answered by its asker. */
int checks_numbers_put_right(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    int q = c->q;
    if (((u->act == READER_SMALLTALK && q < 0) || (u->act == READER_CORRECTION && !u->value[0])) &&
        slip_put_right(f, text, u))
        return 1;
    if (q < 0 && u->rel != READER_REL_AGE && age_now(f, msg, text, u))
        return 1;                       /* "Nana turn 90 Saturday gone" */
    if (q < 0 && named_before_kin(msg, text, u))
        return 1;                       /* "And Leah, my girl, turned twelve" */
    if (q < 0 && age_not(text, u))
        return 1;                       /* "tater's five not four" */
    if (q < 0 && member_aged(f, text, u))
        return 1;                       /* "Bo's fourteen" of "the boys are Bo, ..." */
    if (q < 0 && turned(text, u))
        return 1;                       /* "she just turned 4" */
    if (q < 0 && make_that(f, text, u))
        return 1;                       /* "make that five" */
    if (q < 0 && answers_own(msg, told, i, text, u))
        return 1;                       /* "My favourite snack? Churros." */
    return 0;
}
