/* checks_asked.c: whether and what a clause asks (checks_internal.h): questions by form
 * and by words, what relation and whose, summaries, questions in Chinese. Phases of
 * checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

/* 1 when text asks mnemo to tell ("do you remember my name?", "can you recall ..."): a
 * verb and "you" open it; it asks what, not yes or no. */
static int asks_you(const char *text)
{
    char buf[256];
    const char *w[8];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 8);
    return n >= 2 && (!strcasecmp(w[1], "you") || !strcasecmp(w[1], "u"));
}

/* 1 when any word of text is a question word ("what", "where's", "how"). */
static int asks_which(const char *text)
{
    char buf[512];
    const char *w[96];
    int n = understand_split_words(text, " ,.;:!?()\"", buf, sizeof buf, w, 96);
    for (int i = 0; i < n; i++) {
        char low[16];
        size_t k = 0;
        for (; w[i][k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)w[i][k]);
        low[k] = '\0';
        if (understand_question_word(low) == 2) return 1;
    }
    return 0;
}

/* A question asked in one to three words, without a question word: "dog name", "my
 * wife's birthday", "son age", "pip breed" (someone of the user's, by a kin or pet word
 * or by a name f holds, and a word of a relation, understand_rel_word), or a word of a
 * relation alone, the user's, with a question mark
 * in the message (marked: "my job?", "city?"; not "..., my hometown"): 1 with u made that
 * question (its holder, relation class and word; no value), else 0. */
static int terse_ask(const facts_t *f, const char *text, int marked, understood_t *u)
{
    char buf[64], key[UNDERSTAND_KEY];
    const char *w[4];
    int n = understand_split_words(text, " .!?", buf, sizeof buf, w, 4);
    int h = n > 0 && (!strcasecmp(w[0], "my") || !strcasecmp(w[0], "our"));
    if (strlen(text) >= sizeof buf) return 0;
    if (n - h == 1 && marked && understand_rel_word(w[h]) != READER_REL_OPEN) {
        snprintf(key, sizeof key, "self");
    } else if (n - h != 2) {
        return 0;
    } else {
        char one[32];                   /* "wife's", "dogs" */
        snprintf(one, sizeof one, "%s", w[h]);
        size_t l = strlen(one);
        if (l > 2 && !strcmp(one + l - 2, "'s")) one[l - 2] = '\0';
        understand_holder_of(one, key, sizeof key);
        const store_memory_t *named = NULL;     /* "pip breed": one told by name */
        for (size_t i = f->n; !named && i-- > 0;)
            if ((facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
                 !strcasecmp(f->v[i].value, one) && strcmp(f->v[i].holder, "self") != 0) ||
                !strcasecmp(f->v[i].holder, one))
                named = &f->v[i];
        if (named && !understand_kin(key) && !dialogue_pet_word(key)) {
            snprintf(key, sizeof key, "%s", named->holder);
        } else if (!understand_kin(key) && !dialogue_pet_word(key)) {
            if (l > 1 && one[l - 1] == 's') one[l - 1] = '\0';
            understand_holder_of(one, key, sizeof key);
            if (!understand_kin(key) && !dialogue_pet_word(key)) return 0;
        }
    }
    int rel = understand_rel_word(w[n - 1]);
    if (rel == READER_REL_OPEN) return 0;
    u->act = READER_QUESTION;
    u->personal = 1;
    u->rel = rel;
    snprintf(u->holder, sizeof u->holder, "%s", key);
    snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(rel));
    u->value[0] = u->old[0] = u->name[0] = '\0';
    return 1;
}

/* "Bergen, correct?", "the red one, right?": a value alone before a tag (text[0, said)
 * one to three words) asks yes or no of the newest fact of f that holds it, whoever
 * holds it. 1 with u made that yes/no question, else 0 (none holds it). */
static int value_tagged(const facts_t *f, const char *text, size_t said, understood_t *u)
{
    while (said > 0 && (text[said - 1] == ' ' || text[said - 1] == ',')) said--;
    if (said == 0 || said >= UNDERSTAND_VALUE) return 0;
    int words = 1;
    for (size_t i = 0; i < said; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ') words++;
        else if (!isalnum(c) && c < 0x80 && c != '-' && c != '\'') return 0;
    }
    if (words > 3) return 0;
    char bare[UNDERSTAND_VALUE];
    snprintf(bare, sizeof bare, "%.*s", (int)said, text);
    for (size_t k = f->n; k-- > 0;) {
        const store_memory_t *m = &f->v[k];
        if (!strcmp(m->value, FACTS_ENDED) || !facts_same_value(m->value, bare)) continue;
        checks_settle(u, READER_YESNO, m->holder, facts_rel_of(m->relation), m->relation,
                      m->value);
        return 1;
    }
    return 0;
}

/* 1 when the message is text alone and opens with "my" ("my job"): a note asked. */
static int mine_alone(const char *msg, const char *text)
{
    while (*msg == ' ') msg++;
    size_t n = strlen(text);
    return !strncasecmp(msg, "my ", 3) && !strncmp(msg, text, n) &&
           strspn(msg + n, " .") == strlen(msg + n);
}

/* 1 when "my work" ends the clause, or only "again", "now", "then" or "these days" come
 * after it ("what's my work again?"; not "what's my work truck?"). */
static int ends_my_work(const char *text)
{
    const char *at = checks_word_at(text, "my work");
    if (!at) return 0;
    static const char *const after[] = {"again", "now", "then", "these", "days", "exactly",
                                        "lol", NULL};
    char buf[256];
    const char *w[16];
    int n = understand_split_words(at + 7, " ,.;:!?()", buf, sizeof buf, w, 16);
    for (int k = 0; k < n; k++)
        if (!understand_in_list(after, w[k])) return 0;
    return 1;
}

/* 1 when holder (a key of one word) is no one but a thing of the user's: said after
 * "my" in text, in lower case (not a name), no kin, group, pet or kind of person, no
 * holder of a fact in f and no name told. */
static int no_one(const facts_t *f, const char *text, const char *holder)
{
    if (!holder[0] || strchr(holder, ' ') || !strcmp(holder, "self") ||
        checks_someone_word(holder) || facts_find(f, holder, NULL, NULL) ||
        (unsigned char)holder[0] >= 0x80)
        return 0;
    for (size_t i = 0; i < f->n; i++)         /* a name told of someone ("Viggo, 11") */
        if (facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
            facts_same_name(f->v[i].value, holder))
            return 0;
    char mine[UNDERSTAND_KEY + 4];              /* said as the user's: "my handicap" */
    snprintf(mine, sizeof mine, "my %s", holder);
    const char *at = checks_word_at(text, holder);
    return at && !isupper((unsigned char)at[0]) && facts_has_words(text, mine);
}

/* 1 when text says "my <holder> is" or "my <holder>'s" ("my handicap is 18"). */
static int my_x_is(const char *text, const char *holder)
{
    char is[UNDERSTAND_KEY + 8];
    snprintf(is, sizeof is, "my %s is", holder);
    if (facts_has_words(text, is)) return 1;
    snprintf(is, sizeof is, "my %s's", holder);
    return facts_has_words(text, is);
}

/* 1 when text asks whether someone is one of a kind: "is Ferdi a vet?", "was Ines an
 * only child?" (a story's yes/no asks where one is, or compares). */
static int is_one_a(const char *text)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[4];
    int n = understand_split_words(text, " ,?!", buf, sizeof buf, w, 4);
    return n >= 4 && (!strcmp(w[0], "is") || !strcmp(w[0], "was")) &&
           (!strcmp(w[2], "a") || !strcmp(w[2], "an"));
}

/* 1 when text opens as a yes/no question of the user's own, with or without a mark:
 * "is my visa still valid", "do i still owe tom money" (a verb that asks, then
 * "i", "my", "we" or "our"). */
static int opens_asking_me(const char *text)
{
    static const char *const whose[] = {"i", "my", "we", "our", NULL};
    char buf[UNDERSTAND_VALUE];
    const char *w[3];
    int n = understand_split_words(text, " ,?!", buf, sizeof buf, w, 3);
    return n >= 3 && understand_question_word(w[0]) == 1 && understand_in_list(whose, w[1]);
}

/* "still at kingsmead? 🤔", "so still in mildura?": a place after "still" and "at"
 * or "in" (or "living in", "working at" ...), asked, asks whether the user's place of
 * that relation is it: the relation of a value of theirs it names, else a home after
 * "in" and a place of work after "at"; a thing after "still driving the" (having, riding
 * ...), whether the user has it. 1 with u made that yes/no question, else 0. */
static int still_there(const facts_t *f, const char *text, int marked, understood_t *u)
{
    static const char *const fillers[] = {"so", "and", "oh", "ok", "okay", "wait", "but",
                                          NULL};
    static const char *const doing[] = {"living", "working", "based", "staying", "live",
                                        "work", NULL};
    char buf[256];
    const char *w[16];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 16), s = 0;
    while (s < n && understand_in_list(fillers, w[s])) s++;
    if (!marked || s + 2 >= n || strcmp(w[s], "still") != 0) return 0;
    /* "still riding the vespa?": a thing had, after "the", "my" or "a" */
    static const char *const having[] = {"driving", "drive", "riding", "ride", "have", "got",
                                         "own", NULL};
    static const char *const the[] = {"the", "my", "a", "an", "that", "our", NULL};
    int had = understand_in_list(having, w[s + 1]) && understand_in_list(the, w[s + 2]);
    int p = s + 1 + understand_in_list(doing, w[s + 1]) + had;
    if (p + 1 >= n || (!had && strcmp(w[p], "at") && strcmp(w[p], "in"))) return 0;
    static const char *const no_place[] = {"work", "home", "it", "this", "that", "the", "all",
                                           "school", "least", NULL};
    static const char *const tags[] = {"right", "eh", "yeah", "yes", "innit", "correct", "ya",
                                       "aye", "ok", "no", "lol", NULL};
    char place[UNDERSTAND_VALUE] = "";
    int words = 0;          /* the place: one to three words, all that are left but emoji */
    for (int e = p + 1; e < n; e++) {
        unsigned char c = (unsigned char)w[e][0];
        if (!isalpha(c) && !(c >= 0xC0 && c < 0xE0)) continue;
        if (words && understand_in_list(tags, w[e])) break;     /* ("..., yeah?") */
        if (++words > 3 || understand_in_list(no_place, w[e])) return 0;
        size_t l = strlen(place);
        snprintf(place + l, sizeof place - l, "%s%s", l ? " " : "", w[e]);
    }
    if (!place[0]) return 0;
    if (had) {
        checks_settle(u, READER_YESNO, "self", READER_REL_OWNS, NULL, place);
        return 1;
    }
    int rel = !strcmp(w[p], "in") ? READER_REL_HOME : READER_REL_EMPLOYER;
    for (size_t k = f->n; k-- > 0;)
        if (!strcmp(f->v[k].holder, "self") && facts_same_value(f->v[k].value, place)) {
            rel = facts_rel_of(f->v[k].relation);
            break;
        }
    checks_settle(u, READER_YESNO, "self", rel, NULL, place);
    return 1;
}

/* Whether and what a clause asks: sets c->q; questions are never facts, terse questions,
 * "where's X", tag questions, yes/no by form, questions read as chat, time words, relations
 * of no one, words for work, counts, breeds of "it", "where" with a trade verb. */
/* "am I still seeing Bruna?", "still with Tom?": a yes or no of the name of the
 * partner told by that name (even one since parted with: then the name the reader marked,
 * capitalised), whatever else the reader took it for. Sets u and returns 1, else 0. */
static int still_together(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const together[] = {"going out with", "dating", "seeing", "still with",
                                           "together with", "married to", "engaged to", NULL};
    int asks = u->act == READER_YESNO ||
               ((u->act == READER_QUESTION || u->act == READER_SMALLTALK) &&
                checks_opens_question(text) == 1);
    if (!asks) return 0;
    /* "am I seeing anyone?", "am I in a relationship?", "do I have a partner?": of the
     * newest partner told, named or not ("No, not anymore." after a break-up) */
    static const char *const anyone[] = {"seeing anyone", "seeing someone", "dating anyone",
                                         "dating someone", "in a relationship",
                                         "with anyone", "with someone", NULL};
    static const char *const have[] = {"have a", "got a", NULL};
    int named = checks_holds_any(text, together);
    int any = checks_holds_any(text, anyone) && facts_has_words(text, "i");
    int had = checks_holds_any(text, have) && facts_has_words(text, "i");
    for (size_t i = f->n; i-- > 0 && (named || any || had);) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_NAME ||
            !understand_in_list(understand_partner_words, m->holder))
            continue;
        const char *name = strcmp(m->value, FACTS_ENDED) ? m->value : NULL;
        for (size_t j = i; !name && j-- > 0;)   /* an end: the name it ended */
            if (!strcmp(f->v[j].holder, m->holder) &&
                facts_rel_of(f->v[j].relation) == READER_REL_NAME &&
                strcmp(f->v[j].value, FACTS_ENDED))
                name = f->v[j].value;
        if (!name && u->value[0] && isupper((unsigned char)u->value[0]))
            name = u->value;            /* (the name an end superseded is no fact now) */
        if (!name && (any || had)) name = m->holder;    /* (ended: "No, not anymore.") */
        if (!name || !((named && facts_has_words(text, name)) || any ||
                       (had && facts_has_words(text, m->holder))))
            continue;
        checks_settle(u, READER_YESNO, m->holder, READER_REL_NAME, m->relation, name);
        return 1;
    }
    return 0;
}

/* "what is my restaurant called?", "my company's name again?": the name of a place
 * of business of the user's no fact is of asks the name told of another such place of
 * theirs ("a bistro called Chez Remy"), else whom they work for when that was told by
 * name ("I work at Pixelia"). Sets u and returns 1, else 0. */
static int firm_named(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const firms[] = {"company", "firm", "employer", "workplace",
                                        "startup", NULL};
    static const char *const eating[] = {"restaurant", "bistro", "pizzeria", "trattoria",
                                         NULL};
    if (u->act != READER_QUESTION || !(facts_has_words(text, "name") ||
                                       facts_has_words(text, "called")))
        return 0;
    char key[UNDERSTAND_KEY] = "";
    for (const char *my = checks_word_at(text, "my"); my && !key[0];
         my = checks_word_at(my + 2, "my")) {
        char w[24];
        checks_word_after(my + 2, w, sizeof w);
        if (understand_in_list(understand_business_words, w) || understand_in_list(firms, w) ||
            understand_in_list(eating, w))
            snprintf(key, sizeof key, "%s", w);
    }
    if (!key[0] || facts_find(f, key, reader_rel_name(READER_REL_NAME), NULL)) return 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) == READER_REL_NAME && strcmp(m->value, FACTS_ENDED) &&
            (understand_in_list(understand_business_words, m->holder) ||
             understand_in_list(firms, m->holder) || understand_in_list(eating, m->holder)) &&
            facts_find(f, m->holder, m->relation, NULL) == m) {
            checks_settle(u, READER_QUESTION, m->holder, READER_REL_NAME, m->relation, "");
            return 1;
        }
    }
    /* (a town told as where one works names no bakery; a clause that asks for more
     * than the name is left as read: "my trade and what my studio is called"; "my firm"
     * read as the user's own name asks the employer however it was told) */
    const store_memory_t *m = facts_find(f, "self", reader_rel_name(READER_REL_EMPLOYER), NULL);
    int own_name = !strcmp(u->holder, "self") && u->rel == READER_REL_NAME &&
                   understand_in_list(firms, key);
    if (!own_name && (!m || !isupper((unsigned char)m->value[0]) ||
                      facts_has_words(text, "and")))
        return 0;
    checks_settle(u, READER_QUESTION, "self", READER_REL_EMPLOYER, NULL, "");
    return 1;
}

/* "so where's the trip?", "and the allotment, where is it?" read as chat: a question with
 * its mark and a word of asking, that names a relation of the user's own facts after
 * "the", "my" or "our" and a word at most (a key of one word the reader made of what they
 * told: "trip", "allotment"), asks that. Sets u and returns 1, else 0. */
static int told_relation_asked(const facts_t *f, const char *text, understood_t *u)
{
    static const char *const whose[] = {"the", "my", "our", NULL};
    static const char *const asking[] = {"where", "where's", "wheres", "what", "what's",
                                         "whats", "when", "when's", "whens", "which", "who",
                                         "who's", NULL};
    static const char *const you[] = {"you", "u", "your", "ya", NULL};  /* ("what do you
                                                                         * think of the trip?") */
    if (u->act != READER_SMALLTALK || !strchr(text, '?') || checks_holds_any(text, you) ||
        !checks_holds_any(text, asking))
        return 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (strcmp(m->holder, "self") != 0 || facts_rel_of(m->relation) != READER_REL_OPEN ||
            strchr(m->relation, ' ') || strlen(m->relation) < 3 ||
            !strcmp(m->value, FACTS_ENDED) || facts_find(f, "self", m->relation, NULL) != m)
            continue;
        const char *at = facts_words_at(text, m->relation);
        char before[2][16];             /* "the trip", "the anniversary trip" */
        if (!at) continue;
        checks_word_before(text, at, before[0], sizeof before[0]);
        const char *b = at;
        while (b > text && b[-1] == ' ') b--;
        while (b > text && b[-1] != ' ') b--;
        checks_word_before(text, b, before[1], sizeof before[1]);
        if (!understand_in_list(whose, before[0]) &&
            !(understand_in_list(whose, before[1]) && !lex_is_stopword(before[0])))
            continue;
        checks_settle(u, READER_QUESTION, "self", READER_REL_OPEN, m->relation, "");
        return 1;
    }
    return 0;
}

int checks_asked(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    if (still_there(f, text, strchr(msg, '?') != NULL, u))
        return 1;                       /* "still at kingsmead?" */
    if (still_together(f, text, u)) return 1;
    if (firm_named(f, text, u)) return 1;
    if (told_relation_asked(f, text, u)) return 1;
    /* "and my age is...?": a fact of no value whose clause the message ends with dots
     * and a question mark after asks it */
    size_t end = u->at + u->len;
    while (msg[end] == '.' || msg[end] == ' ' || !strncmp(msg + end, "\xE2\x80\xA6", 3))
        end += msg[end] == '.' || msg[end] == ' ' ? 1 : 3;
    if (u->act == READER_FACT && !u->value[0] && u->rel != READER_REL_OPEN &&
        end > u->at + u->len && msg[end] == '?') {
        u->act = READER_QUESTION;
        u->personal = 1;
    }
    int q = c->q = checks_asks(text) ? checks_opens_question(text) : -1;
    int marked = strchr(msg, '?') != NULL || mine_alone(msg, text);    /* ("my job") */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && q >= 0)
        u->act = READER_QUESTION;       /* a question is never written as a fact */
    else if ((u->act == READER_FACT || u->act == READER_CORRECTION ||
              u->act == READER_SMALLTALK || u->act == READER_QUESTION ||
              u->act == READER_FORGET) &&   /* ("city?" read as forget) */
             !(checks_clause_before(msg, told, i) >= 0 &&
               told[checks_clause_before(msg, told, i)].act == READER_FORGET) &&
             terse_ask(f, text, marked, u))
        return 1;                       /* "dog name", "my job?": a question without its words */
    else if ((u->act == READER_FORGET || u->act == READER_UNABLE) && q > 0)
        u->act = q == 2 ? READER_QUESTION : READER_YESNO;
    if (u->act == READER_YESNO && !checks_chinese(text) && checks_opens_question(text) == 2)
        u->act = READER_QUESTION;       /* "which evening do I row" asks which */
    /* "how many hens do we keep": a count asked in the first person is the user's */
    if (u->act == READER_QUESTION && !u->personal && !strncasecmp(text, "how many ", 9) &&
        checks_holds_any(text, understand_personal_words)) {
        u->personal = 1;
        snprintf(u->holder, sizeof u->holder, "self");
    }
    /* "Where's Declan staying now?" read as chat or a fact: a question that opens with a word of
     * asking and names one of the user's people by name right after it asks of them, with
     * its question mark or in a message that has none ("where's declan living");
     * "where" and a word of living ask their home */
    static const char *const living[] = {"live", "lives", "living", "staying", "based",
                                         NULL};
    if ((u->act == READER_SMALLTALK || u->act == READER_FACT) && checks_names_told(f, text) &&
        ((q == 2 && strchr(text, '?')) ||
         (!strchr(msg, '?') && checks_opens_question(text) == 2))) {
        u->act = READER_QUESTION;
        u->personal = 1;
        const store_memory_t *named = checks_name_told_second(f, text);
        if (named && !strcmp(u->holder, "self"))    /* ("where's ola living": ola's) */
            snprintf(u->holder, sizeof u->holder, "%s", named->holder);
        if (checks_holds_any(text, living) && (facts_has_words(text, "where") ||
                                        facts_has_words(text, "where's") ||
                                        facts_has_words(text, "wheres"))) {
            u->rel = READER_REL_HOME;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOME));
            u->value[0] = '\0';
        }
    }
    /* "my cat is a siamese, no?", "she lives in Oslo, right?", "three kids, yeah?": a
     * statement with a tag asks yes or no of its value, whatever the reader took it for;
     * "I live in Tartu?", "have I got gout?": a statement or a verb first, with a
     * question mark and no question word, asks yes or no too */
    size_t tl = strlen(text), said = 0;
    int tagged = 0;
    int plain = !checks_chinese(text) && checks_opens_question(text) == 0 && !asks_which(text);
    for (const understand_tag_t *t = understand_tags; t->words && !tagged && plain; t++) {
        size_t gl = strlen(t->words);   /* " tag?", ", tag?" where it needs a comma */
        int comma = t->where & UNDERSTAND_TAG_COMMA;
        tagged = tl > gl + 2 + comma && text[tl - 1] == '?' && text[tl - 2 - gl] == ' ' &&
                 !strncasecmp(text + tl - 1 - gl, t->words, gl) &&
                 (!comma || text[tl - 3 - gl] == ',');
        said = tagged ? tl - 2 - gl : 0;    /* (what the tag follows ends here) */
        /* the reader may take the tag for the value's end ("a beagle eh", "innit"):
         * what is asked ends before it */
        const char *tag = t->words;
        size_t vl = strlen(u->value);
        if (tagged && vl >= gl && !strcasecmp(u->value + vl - gl, tag) &&
            (vl == gl || u->value[vl - gl - 1] == ' ')) {
            for (vl -= gl; vl && u->value[vl - 1] == ' '; vl--) {}
            u->value[vl] = '\0';
        }
    }
    if (tagged && value_tagged(f, text, said, u)) return 1;
    if (tagged && (u->act == READER_QUESTION || u->act == READER_SMALLTALK ||
                   u->act == READER_FACT || u->act == READER_CORRECTION) &&
        (u->value[0] || u->act == READER_QUESTION)) {
        u->act = READER_YESNO;
        u->personal = 1;
    }
    /* "Pip is 4 right?" read as chat: a name told and a number after "is", tagged, ask
     * that one's age */
    char nb[64];
    const char *nw[5];
    int nn = tagged && !u->value[0] ? understand_split_words(text, " ?", nb, sizeof nb, nw, 5) : 0;
    if (nn == 4 && !strcmp(nw[1], "is") && strspn(nw[2], "0123456789") == strlen(nw[2]) &&
        atoi(nw[2]) > 0)
        for (size_t k = f->n; k-- > 0;) {
            const store_memory_t *m = &f->v[k];
            if (facts_rel_of(m->relation) != READER_REL_NAME || strcasecmp(m->value, nw[0]))
                continue;
            checks_settle(u, READER_YESNO, m->holder, READER_REL_AGE, NULL, nw[2]);
            return 1;
        }
    if (u->act == READER_QUESTION && !checks_chinese(text) && tl && text[tl - 1] == '?' &&
        !asks_which(text) && !asks_you(text) && (u->value[0] || checks_opens_question(text) == 1))
        u->act = READER_YESNO;
    /* "which van am I using nowadays", "what bike do I ride?" read as chat: a question word
     * and a verb that asks of the user, read as chat, with or without "?" */
    static const char *const of_me[] = {"am i", "do i", "did i", "have i", "was i", "will i",
                                        "can i", "is my", "are my", "was my", "does my",
                                        "did my", "do we", "did we", "have we", "are we",
                                        "is our", "are our", NULL};
    int asks_me = 0;
    for (int k = 0; of_me[k] && !asks_me; k++) asks_me = facts_has_words(text, of_me[k]);
    if (u->act == READER_SMALLTALK && checks_opens_question(text) == 2 && asks_me) {
        u->act = READER_QUESTION;
        u->personal = 1;
    }
    /* "is Kit six years old?", "are my piano lessons on fridays?" read as chat: a yes/no
     * question of the user's own or of someone they named, not of mnemo's ("can I ask
     * you something?") */
    /* "are my fencing classes on mondays?" read as asking the name of "fencing": a name
     * asked yes or no of what is no one and nothing told of asks of the user's words */
    if (u->act == READER_YESNO && asks_me && u->rel == READER_REL_NAME &&
        strcmp(u->holder, "self") != 0 && !checks_someone_word(u->holder) &&
        !facts_find(f, u->holder, NULL, NULL) && !checks_names_told(f, text) &&
        !facts_has_words(text, "called") && !facts_has_words(text, "named") &&
        !facts_has_words(text, "name")) {
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_OPEN;
        u->relation[0] = u->value[0] = '\0';
        u->personal = 1;
    }
    /* "eldest kid?", "the gecko's name?", "and my car, do u remember?": a question
     * mark after no question word, read as chat of someone or an animal of the user's,
     * or of "my", and what of them (no value, no "you" but to bid remembering), asks it */
    const char *last = strrchr(u->holder, ' ');
    last = last ? last + 1 : u->holder;
    int recall = facts_has_words(text, "remember") || facts_has_words(text, "remmber") ||
                 facts_has_words(text, "rember") || facts_has_words(text, "recall");
    if (u->act == READER_SMALLTALK && checks_asks(text) && checks_opens_question(text) == 0 &&
        !u->value[0] && u->rel != READER_REL_OPEN &&
        (strcmp(u->holder, "self") != 0 ? checks_someone_word(last) || kinds_animal(last)
                                       : facts_has_words(text, "my")) &&
        (recall || (!facts_has_words(text, "you") && !facts_has_words(text, "u")))) {
        u->act = READER_QUESTION;
        u->personal = 1;
    }
    if (u->act == READER_SMALLTALK && (q == 1 || opens_asking_me(text)) &&
        (asks_me || checks_names_told(f, text)) &&
        !facts_has_words(text, "you") && !facts_has_words(text, "u")) {
        u->act = READER_YESNO;
        u->personal = 1;
    }
    /* "what's my handicap now?" read as the "now" of "handicap": a time word is no
     * relation, and a holder that is no one is the user's relation */
    static const char *const times[] = {"now", "currently", "these days", "nowadays",
                                        "again", "today", "rn", "atm", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_OPEN &&
        understand_in_list(times, u->relation)) {
        u->relation[0] = '\0';
        if (!strchr(u->holder, ' ') && strcmp(u->holder, "self") != 0 &&
            !checks_someone_word(u->holder) && !facts_find(f, u->holder, NULL, NULL) &&
            !checks_names_told(f, text)) {
            snprintf(u->relation, sizeof u->relation, "%s", u->holder);
            snprintf(u->holder, sizeof u->holder, "self");
        }
    }
    /* "my handicap is 18" read as the age of "handicap", "what's my golf handicap?" as
     * the name of "golf": an age or a name (not asked with a word of naming) of what is
     * no one, nothing told of and no name is a relation of the user's, told or asked */
    if ((u->act == READER_FACT || u->act == READER_QUESTION) && !facts_has_words(text, "who") &&
        (u->rel == READER_REL_AGE ||
         (u->rel == READER_REL_NAME && u->act == READER_QUESTION &&
          !facts_has_words(text, "called") && !facts_has_words(text, "named") &&
          !facts_has_words(text, "name") && !facts_has_words(text, "names"))) &&
        no_one(f, text, u->holder) &&
        (u->act == READER_QUESTION || my_x_is(text, u->holder))) {
        const char *rel = u->act == READER_QUESTION && u->value[0] ? u->value : u->holder;
        snprintf(u->relation, sizeof u->relation, "%.*s", (int)sizeof u->relation - 1, rel);
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_OPEN;
        if (u->act == READER_QUESTION) u->value[0] = '\0';
        u->personal = 1;
    }
    /* "and my occupation?", "what's my business?": a word for one's work asked as a
     * relation of one's own */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_OPEN &&
        !strcmp(u->holder, "self") && understand_in_list(checks_posts, u->relation) &&
        !facts_has_words(text, "where") &&
        !facts_has_words(text, "play") && !facts_has_words(text, "in")) {  /* ("my role in
                                                * the choir", "which position do I field in?") */
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
    }
    /* "have I got three grandkids?": a number asked of a group whose number was told asks that
     * number */
    const store_memory_t *count = u->act == READER_YESNO && u->holder[0]
                                      ? facts_find(f, u->holder, REALISE_COUNT, NULL) : NULL;
    if (count) {
        char cbuf[256];
        const char *cw[32];
        int cn = understand_split_words(text, " ,.;:!?()", cbuf, sizeof cbuf, cw, 32);
        long v;
        for (int k = 0; k < cn; k++)          /* (not "are two of my hens ...?") */
            if (understand_number(cw[k], &v) && v > 0 && v < 100 &&
                !(k + 1 < cn && !strcmp(cw[k + 1], "of"))) {
                u->rel = READER_REL_OPEN;
                snprintf(u->relation, sizeof u->relation, "%s", REALISE_COUNT);
                snprintf(u->value, sizeof u->value, "%s", cw[k]);
                break;
            }
    }
    /* "what breed is he, remind me?" read as the user's kind: no one is a breed, so the
     * kind asked is of the newest animal or thing whose kind was told */
    static const char *const of_it[] = {"she", "he", "it", "they", "breed", NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_KIND &&
        !strcmp(u->holder, "self") && checks_holds_any(text, of_it))
        for (size_t m = f->n; m-- > 0;)
            if (facts_rel_of(f->v[m].relation) == READER_REL_KIND &&
                strcmp(f->v[m].holder, "self") != 0 && strcmp(f->v[m].value, FACTS_ENDED) != 0) {
                snprintf(u->holder, sizeof u->holder, "%s", f->v[m].holder);
                break;
            }
    /* "where am I tutoring at the moment?": "where" and the verb of one's trade read as
     * the job asks where one works */
    size_t gl = strlen(u->value);
    if (u->act == READER_QUESTION && u->rel == READER_REL_JOB && gl > 4 &&
        !strchr(u->value, ' ') && !strcmp(u->value + gl - 3, "ing") &&
        (facts_has_words(text, "where") || facts_has_words(text, "where's"))) {
        u->rel = READER_REL_WORKPLACE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
        u->value[0] = '\0';
    }
    return 0;
}

/* A question of someone told of only in passing asks of the user's people. */
int checks_people_asked(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    /* "what breed is Ferdi?", "where does ilse work?", "is Ferdi a vet?": a question of
     * someone told by name only in passing asks of the user's people, not of a story's
     * (where is, what is ... carrying, afraid of), and is answered from what the user
     * told or not known */
    static const char *const of_people[] = {"breed", "kinda", "work", "works", "job",
                                            "study", "studies", "studying", "called",
                                            "named", "age", "birthday", "married", "famous",
                                            "stationed", "live", "lives", "song", "become",
                                            "want", "wants", "teach", "teaches", "play",
                                            "plays", "support", "supports", "speak",
                                            "speaks", "drive", "drives", "like", "likes",
                                            "sell", "sells", "grow", "grows", "colour",
                                            "color", "colour's", "color's", NULL};
    int wh_chat = u->act == READER_SMALLTALK && checks_opens_question(text) == 2 &&
                  !facts_has_words(text, "you") && !facts_has_words(text, "u");
    if ((u->act == READER_QUESTION || u->act == READER_YESNO || wh_chat) && !u->personal &&
        u->holder[0] && strcmp(u->holder, "self") != 0 &&
        (checks_holds_any(text, of_people) || is_one_a(text))) {
        if (wh_chat) u->act = READER_QUESTION;      /* ("what does Ilse hope to be?") */
        u->personal = 1;
        if (!strchr(u->holder, ' ') && !checks_someone_word(u->holder) &&
            (unsigned char)u->holder[0] < 0x80)
            u->holder[0] = (char)toupper((unsigned char)u->holder[0]);     /* a name */
    }
    return 0;
}

/* A birthday needs a word of birth; "what do I do at X", "my work", "where" with no word of
 * study, a "when" with no birthday. */
int checks_birthday_and_work_asked(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    const char *text = c->text;
    /* a birthday is told with a word of birth in the message ("Ona's is the 8th of June"
     * after "Jurgis's birthday is ..."), not "we tie the knot on 9 August" */
    static const char *const born[] = {"birth", "bday", "b-day", "b'day", "born", "turn",
                                       "cumple", "生日", NULL};
    /* "getting married on the 2nd of June": the day of a wedding */
    static const char *const wedding[] = {"married", "marrying", "marry", "wedding", NULL};
    int day, month;
    /* the user marries ("we're getting married", "my wedding"), not "Rosa's getting
     * married" */
    char buf[UNDERSTAND_VALUE];
    const char *w[32];
    int n = checks_holds_any(text, wedding)     /* (the words read only when it weds) */
                ? understand_split_words(text, " ,.;:!?", buf, sizeof buf, w, 32)
                : 0,
        ours = 0;
    static const char *const we[] = {"we", "we're", "i", "i'm", "im", "are", "am", NULL};
    static const char *const getting[] = {"getting", "get", "be", "being", NULL};
    for (int k = 1; k < n && !ours; k++)
        ours = (!strcmp(w[k], "married") || !strcmp(w[k], "marrying")) &&
               (understand_in_list(we, w[k - 1]) ||
                (k > 1 && understand_in_list(getting, w[k - 1]) &&
                 understand_in_list(we, w[k - 2])));
    ours |= facts_has_words(text, "my wedding") || facts_has_words(text, "our wedding");
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && !u->value[0] && ours &&
        !strcmp(u->holder, "self") && !checks_has_part(text, born) && !checks_asks(text)) {
        for (int k = 0; k < n && !u->value[0]; k++)     /* "... married next August" */
            if (understand_month(w[k]) && strlen(w[k]) > 2 &&
                (strcmp(w[k], "may") || strstr(text, "May"))) {     /* ("we may marry") */
                snprintf(u->value, sizeof u->value, "%c%s", toupper((unsigned char)w[k][0]),
                         w[k] + 1);
                u->rel = READER_REL_BIRTHDAY;
            }
    }
    if ((u->act == READER_FACT || u->act == READER_SMALLTALK) && u->value[0] &&
        (u->rel == READER_REL_BIRTHDAY || understand_date(u->value, &day, &month)) &&
        !checks_has_part(text, born) && checks_holds_any(text, wedding) && ours &&
        !strcmp(u->holder, "self")) {
        u->act = READER_FACT;
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "wedding");
        u->fact_min_p = 0;
        u->personal = 1;
    }
    if ((u->act == READER_FACT || (u->act == READER_CORRECTION && !u->old[0])) &&
        u->rel == READER_REL_BIRTHDAY && !checks_has_part(msg, born)) {
        if (u->name[0]) u->value[0] = '\0';    /* ("my nephew Mendel's confirmation ...":
                                                 * his name stays told) */
        else u->act = READER_SMALLTALK;
    }
    /* "they turn five on the 8th of July" read as chat or unsure: a day told with a word
     * of birth in its own clause, of the user or someone of theirs, is their birthday */
    if ((u->act == READER_SMALLTALK || (u->act == READER_FACT && u->act_p < u->fact_min_p)) &&
        u->rel == READER_REL_BIRTHDAY && u->value[0] &&
        understand_has_number(u->value) && checks_has_part(text, born) && !checks_asks(text) &&
        (!strcmp(u->holder, "self") || u->personal || checks_someone_word(u->holder))) {
        u->act = READER_FACT;
        u->fact_min_p = 0;
        u->personal = 1;
    }
    /* "when is my wedding?" read as of nothing: "when" and "my <word>" ask the user's
     * relation of that word, when one was told */
    char when_of[UNDERSTAND_KEY];
    const char *my_at = u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
                                u->rel == READER_REL_OPEN && !u->relation[0] &&
                                !strncasecmp(text, "when", 4)
                            ? checks_word_at(text, "my")
                            : NULL;
    if (my_at && (checks_word_after(my_at + 2, when_of, sizeof when_of), when_of[0]) &&
        facts_find(c->f, "self", when_of, NULL))
        snprintf(u->relation, sizeof u->relation, "%s", when_of);
    /* "what do i do at Lidl?": what one does at a place asks the job (not "for fun") */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && u->rel != READER_REL_JOB &&
        (!strncasecmp(text, "what do i do at ", 16) || !strncasecmp(text, "what do i work as", 17)))
        checks_settle(u, READER_QUESTION, "self", READER_REL_JOB, NULL, "");
    /* "what's my work again?" read as whom one works for: "what" and "my work" ask the
     * job */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        (u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
        !strncasecmp(text, "what", 4) && ends_my_work(text))
        checks_settle(u, READER_QUESTION, "self", READER_REL_JOB, NULL, "");
    /* "where do I sail from?" read as a school: a "where" of no word of study asks
     * where one works, or lives when no work place is told */
    static const char *const studying[] = {"school", "study", "studies", "studying", "studied",
                                           "uni", "university", "college", "class", "classes",
                                           "course", "degree", "major", "student", "learn",
                                           "learning", "enrolled", "attend", "go", NULL};
    if (u->act == READER_QUESTION && u->rel == READER_REL_SCHOOL &&
        !checks_holds_any(text, studying) && !strncasecmp(text, "where", 5)) {
        int rel = facts_find(f, u->holder, reader_rel_name(READER_REL_WORKPLACE), NULL)
                      ? READER_REL_WORKPLACE
                      : READER_REL_HOME;
        u->rel = rel;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(rel));
    }
    /* "which college am I at?" read as where one works: a place of study named asks the
     * school, when one is told */
    static const char *const schools[] = {"uni", "university", "college", "school", "campus",
                                          NULL};
    if (u->act == READER_QUESTION &&
        (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_EMPLOYER) &&
        checks_holds_any(text, schools) &&
        facts_find(f, u->holder, reader_rel_name(READER_REL_SCHOOL), NULL)) {
        u->rel = READER_REL_SCHOOL;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
    }
    /* "where am I studying?", "which town am I studying in?" read as what one studies:
     * where, of a school told */
    static const char *const of_study[] = {"study", "studying", "studies", NULL};
    static const char *const towns[] = {"city", "town", "place", "country", NULL};
    char which[16] = "";                /* the word after "which", of a question */
    const char *which_at = u->act == READER_QUESTION ? checks_word_at(text, "which") : NULL;
    if (which_at) checks_word_after(which_at + 5, which, sizeof which);
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        u->rel == READER_REL_OPEN && understand_in_list(of_study, u->relation) &&
        (!strncasecmp(text, "where", 5) || understand_in_list(towns, which)) &&
        facts_find(f, "self", reader_rel_name(READER_REL_SCHOOL), NULL)) {
        u->rel = READER_REL_SCHOOL;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
    }
    /* "which school will I teach at in autumn?", "where will I work after June?": where or at
     * which place the user works from now on (told as news: checks_news.c), whom they
     * work for when told */
    static const char *const teaching[] = {"teach", "teaching", "work", "working", NULL};
    static const char *const ahead[] = {"will", "i'll", "ill", "gonna", NULL};
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        checks_holds_any(text, teaching) && checks_holds_any(text, ahead) &&
        !checks_holds_any(text, checks_posts) &&
        (!strncasecmp(text, "where", 5) || (which[0] && realise_place_noun(which)))) {
        int rel = facts_find(f, "self", reader_rel_name(READER_REL_EMPLOYER), NULL)
                      ? READER_REL_EMPLOYER
                      : READER_REL_WORKPLACE;
        u->rel = rel;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(rel));
    }
    /* "when is the christening?", "when's my MOT?" ask no birthday: what the user
     * said of it answers, or nothing */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
        u->rel == READER_REL_BIRTHDAY && !checks_has_part(text, born)) {
        u->rel = READER_REL_OPEN;
        u->relation[0] = '\0';
        if (!u->personal && checks_opens_question(text) == 2) {
            u->personal = 1;
            snprintf(u->holder, sizeof u->holder, "self");
        }
    }
    return 0;
}

/* Summaries and the relations questions ask: about mnemo, what it knows, "who am I", a
 * birth month, where one came from, "how old", words for work, "for a living". */
int checks_summary_and_relations_asked(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *text = c->text;
    if (u->act == READER_SUMMARY &&
        (facts_has_words(text, "your") || facts_has_words(text, "yourself")))
        u->act = READER_SMALLTALK;      /* "tell me about yourself" asks about mnemo */
    /* "can you remember things for me?" asks whether mnemo can, not what it knows, and
     * "what car have I got?" asks for one thing: a summary names what it wants, or asks
     * with a question word what mnemo knows */
    static const char *const summary_words[] = {"tell", "list", "show", "give", "about me",
                                                "about myself", "about us", "everything",
                                                "all", "told", "summary", "summarise",
                                                "summarize", NULL};
    static const char *const knowing[] = {"know", "knows", "remember", "recall", "stored",
                                          "saved", "kept", "learned", "learnt", NULL};
    int names_it = (unsigned char)text[0] >= 0x80 || facts_has_words(text, "who am i");
    for (int k = 0; summary_words[k] && !names_it; k++)
        names_it = facts_has_words(text, summary_words[k]);
    for (int k = 0; knowing[k] && !names_it && checks_opens_question(text) == 2; k++)
        names_it = facts_has_words(text, knowing[k]);
    if (!names_it && checks_opens_question(text) == 2)     /* "what do you have on me?" */
        names_it = facts_has_words(text, "you") && facts_has_words(text, "on me");
    if (u->act == READER_SUMMARY && !names_it)
        u->act = checks_opens_question(text) == 2 ? READER_QUESTION : READER_SMALLTALK;
    /* "what have you saved on me?", "what've u stored about me" read as chat or as a
     * question of nothing: all that is known */
    if ((u->act == READER_SMALLTALK || (u->act == READER_QUESTION && !u->relation[0] &&
                                        u->rel == READER_REL_OPEN)) &&
        asks_which(text) && (facts_has_words(text, "you") || facts_has_words(text, "u")) &&
        (facts_has_words(text, "on me") || facts_has_words(text, "about me")))
        u->act = READER_SUMMARY;
    /* "who am I?" asks for the user's name ("what do you know about me?" for the rest) */
    if (u->act == READER_SUMMARY && facts_has_words(text, "who am i")) {
        u->act = READER_QUESTION;
        u->rel = READER_REL_NAME;
        snprintf(u->holder, sizeof u->holder, "self");
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    /* "what month was I born in?" asks for the birthday, not the place */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
        u->rel == READER_REL_HOMETOWN && facts_has_words(text, "month")) {
        u->rel = READER_REL_BIRTHDAY;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_BIRTHDAY));
    }
    /* "and what town is he in?": where someone of the user's lives, asked by the kind
     * of place with no verb of living */
    static const char *const which_place[] = {"which city", "what city", "which town",
                                              "what town", "which country", "what country",
                                              NULL};
    if (u->act == READER_QUESTION && strcmp(u->holder, "self") != 0 &&
        (u->rel == READER_REL_OPEN || u->rel == READER_REL_NAME) && !u->value[0] &&
        checks_holds_any(text, which_place) && !facts_has_words(text, "work") &&
        !facts_has_words(text, "from")) {
        u->rel = READER_REL_HOME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOME));
    }
    /* "what are my hobbies?" read as the user's name: the relation "my" names asks */
    const char *my = u->act == READER_QUESTION && u->rel == READER_REL_NAME &&
                             !strcmp(u->holder, "self") && !facts_has_words(text, "name") &&
                             !facts_has_words(text, "called") && !facts_has_words(text, "who")
                         ? checks_word_at(text, "my")
                         : NULL;
    char asked[UNDERSTAND_KEY] = "";
    if (my) checks_word_after(my + 2, asked, sizeof asked);
    int asked_rel = asked[0] ? understand_rel_word(asked) : READER_REL_OPEN;
    if (my && asked_rel != READER_REL_OPEN && asked_rel != READER_REL_NAME) {
        u->rel = asked_rel;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(asked_rel));
        u->value[0] = '\0';
    }
    /* "which day is my exam?" read as the exam's: of no one, it asks the user's
     * fact of that word */
    const store_memory_t *own = (u->act == READER_QUESTION || u->act == READER_YESNO) &&
                                        strcmp(u->holder, "self") != 0 &&
                                        !understand_kin(u->holder) &&
                                        !dialogue_pet_word(u->holder) &&
                                        !facts_find(f, u->holder, NULL, NULL)
                                    ? facts_find(f, "self", u->holder, NULL)
                                    : NULL;
    if (own) {
        snprintf(u->relation, sizeof u->relation, "%s", own->relation);
        snprintf(u->holder, sizeof u->holder, "self");
        u->rel = facts_rel_of(own->relation);
        u->personal = 1;
        if (u->act == READER_QUESTION) u->value[0] = '\0';
    }
    /* "who's my closest mate at uni?": whom, not where ("at uni" says which one) */
    static const char *const who[] = {"who's", "whos", "who is", NULL};
    static const char *const at_work[] = {"at work", "from work", "at school", "at uni", NULL};
    if (u->act == READER_QUESTION && strcmp(u->holder, "self") != 0 &&
        (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_EMPLOYER ||
         u->rel == READER_REL_SCHOOL) &&
        checks_holds_any(text, who) && checks_holds_any(text, at_work)) {
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
        u->value[0] = '\0';
    }
    /* "so how do I fill my evenings, for fun?": a pastime, not work */
    static const char *const free_time[] = {"for fun", "in my free time", "in my spare time",
                                            NULL};
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && !strcmp(u->holder, "self") &&
        (u->rel == READER_REL_JOB || u->rel == READER_REL_OPEN) &&
        checks_holds_any(text, free_time)) {
        u->rel = READER_REL_HOBBY;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOBBY));
    }
    /* "what field am I in?", "which industry do I work in?": one's job */
    static const char *const field[] = {"field", "industry", "sector", "line of work", NULL};
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && !u->value[0] &&
        checks_holds_any(text, field) && !facts_has_words(text, "study")) {
        u->rel = READER_REL_JOB;
        u->personal = 1;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
    }
    /* "where do my wife and I live?": where the user lives, with them */
    static const char *const with_me[] = {"me and", "i and", "and i", "and me", NULL};
    if (u->act == READER_QUESTION && u->rel == READER_REL_HOME && strcmp(u->holder, "self") &&
        checks_holds_any(text, with_me))
        snprintf(u->holder, sizeof u->holder, "self");
    /* "which course am I doing?", "what's my degree in?": what one studies */
    static const char *const studied[] = {"course", "degree", "major", NULL};
    static const char *const not_studied[] = {"golf", "main", NULL};    /* ("main course") */
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") &&
        checks_holds_any(text, studied) && !checks_holds_any(text, not_studied)) {
        u->rel = READER_REL_OPEN;
        snprintf(u->relation, sizeof u->relation, "study");
        u->value[0] = '\0';
    }
    /* "what's my food intolerance?": what one cannot eat, told as a diet ("I'm lactose
     * intolerant") */
    static const char *const intolerant[] = {"intolerance", "intolerances", "intolerant",
                                             NULL};
    if (u->act == READER_QUESTION && !strcmp(u->holder, "self") && u->rel != READER_REL_DIET &&
        checks_holds_any(text, intolerant)) {
        u->rel = READER_REL_DIET;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_DIET));
    }
    /* "which town did I move here from?", "where did I live before?", "what's my home
     * town?", "where is home originally?" ask where one came from, not where one lives */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && u->rel == READER_REL_HOME &&
        (facts_has_words(text, "from") || facts_has_words(text, "before") ||
         facts_has_words(text, "previously") || facts_has_words(text, "used to") ||
         facts_has_words(text, "home town") || facts_has_words(text, "hometown") ||
         facts_has_words(text, "originally"))) {
        u->rel = READER_REL_HOMETOWN;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOMETOWN));
    }
    /* "how old are the twins?" taken for "how are you?" or for no one's: an age asked of
     * someone named after it, answered or not known, never "I'm fine" */
    if ((u->act == READER_SMALLTALK || (u->act == READER_QUESTION && !u->personal)) &&
        !strncasecmp(text, "how old ", 8) &&
        !facts_has_words(text, "you") && !facts_has_words(text, "u")) {
        const char *who = text + 8;
        static const char *const be[] = {"is ", "are ", "was ", "were ", NULL};
        for (int i = 0; be[i]; i++)
            if (!strncasecmp(who, be[i], strlen(be[i]))) who += strlen(be[i]);
        char span[UNDERSTAND_KEY];
        snprintf(span, sizeof span, "%.*s", (int)strcspn(who, "?!.,"), who);
        understand_holder_of(span, u->holder, sizeof u->holder);
        u->act = READER_QUESTION;
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        u->value[0] = '\0';
        u->personal = 1;
    }
    /* "my role", "my craft" asked: the user's job */
    for (int i = 0; checks_posts[i]; i++)
        if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
            !strcmp(u->holder, checks_posts[i])) {
            snprintf(u->holder, sizeof u->holder, "self");
            u->rel = READER_REL_JOB;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
            if (u->act == READER_QUESTION) u->value[0] = '\0';
        }
    /* "what is it I make for a living?", "what does Tom do for work?": the job, whatever
     * relation the reader read but a place of work (asked with "where" or "who for", or
     * read so: what one does now may be where) */
    static const char *const for_living[] = {"for a living", "for a livin", "for a livin'",
                                         "for work", "for a crust", NULL};
    if (u->act == READER_QUESTION && checks_holds_any(text, for_living) &&
        facts_has_words(text, "what") &&
        !facts_has_words(text, "where") && !facts_has_words(text, "who") &&
        u->rel != READER_REL_JOB && u->rel != READER_REL_EMPLOYER &&
        u->rel != READER_REL_WORKPLACE && (!u->holder[0] || checks_of_someone(text, u->holder))) {
        if (!u->holder[0]) snprintf(u->holder, sizeof u->holder, "self");
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
        u->value[0] = '\0';
        u->personal = 1;
    }
    return 0;
}

/* Chinese questions of what one studies or teaches, what others call someone, and what
 * mnemo knows of the user. */
int checks_chinese_asked(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *text = c->text;
    /* 我念的专业是什么, 我现在教哪个科目: what one studies or teaches, asked */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) && checks_chinese(text) &&
        !strcmp(u->holder, "self")) {
        int study = strstr(text, "专业") || strstr(text, "读的什么") || strstr(text, "学的什么") ||
                    strstr(text, "读什么") || strstr(text, "学什么");
        int teach = strstr(text, "教什么") || strstr(text, "教的什么") || strstr(text, "科目") ||
                    strstr(text, "教哪");
        if ((study || teach) && facts_find(f, "self", teach ? "teach" : "study", NULL)) {
            u->rel = READER_REL_OPEN;       /* (else the job told answers: 初中物理老师) */
            snprintf(u->relation, sizeof u->relation, "%s", teach ? "teach" : "study");
            if (u->act == READER_QUESTION) u->value[0] = '\0';
        }
    }
    /* 邻居都叫她阿芳: what others call one of the user's people is their name */
    static const char *const called_zh[] = {"喊他", "喊她", "叫他", "叫她", NULL};
    for (int k = 0; called_zh[k] && u->act == READER_FACT && strcmp(u->holder, "self") != 0 &&
                    checks_someone_word(u->holder); k++) {
        const char *at = strstr(u->value, called_zh[k]);
        if (!at || !at[strlen(called_zh[k])]) continue;
        memmove(u->value, at + strlen(called_zh[k]), strlen(at + strlen(called_zh[k])) + 1);
        u->rel = READER_REL_NAME;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    /* 你知道我哪些事, 你都记得我多少: what mnemo remembers of the user, nothing named
     * of them, asks for all of it */
    /* (记住 too, whose 住 the reader reads as a home: 你记住我什么了) */
    int kept_in_mind = strstr(text, "记住") != NULL;
    /* (and 你对我了解多少, 你对我了解些什么: how much mnemo knows of the user, however
     * the reader read what it asks) */
    int of_me = strstr(text, "你对我") && strstr(text, "了解") &&
                (strstr(text, "什么") || strstr(text, "多少") || strstr(text, "哪些"));
    if (u->act == READER_QUESTION && checks_chinese(text) &&
        ((u->rel == READER_REL_OPEN && !u->relation[0]) || kept_in_mind || of_me) &&
        (!strcmp(u->holder, "self") || of_me) && strstr(text, "你") &&
        (strstr(text, "记得") || strstr(text, "知道") || kept_in_mind || of_me) &&
        (strstr(text, "我什么") || strstr(text, "我些什么") || strstr(text, "我哪些") ||
         strstr(text, "我的哪些") || strstr(text, "我多少") || of_me)) {
        u->act = READER_SUMMARY;        /* (not 我做什么工作的，你可记得: one thing) */
        u->rel = READER_REL_OPEN;
        u->relation[0] = u->value[0] = '\0';
    }
    return 0;
}

/* "where's X" asks where someone of the user's is: home or work, the newest. */
int checks_where_asked(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *text = c->text;
    /* "where's dmitri now", "where is my sister": where someone of the user's is asks
     * where they are, the newest of where they live and where they work */
    static const char *const where[] = {"where", "where's", "wheres", NULL};
    char first[16];
    size_t fl = 0;
    for (const char *p = text; *p && fl + 1 < sizeof first && (isalpha((unsigned char)*p) ||
                                                            *p == '\''); p++)
        first[fl++] = (char)tolower((unsigned char)*p);
    first[fl] = '\0';
    if ((u->act == READER_SMALLTALK || u->act == READER_QUESTION) && !u->value[0] &&
        u->rel == READER_REL_OPEN && !u->relation[0] && strcmp(u->holder, "self") != 0 &&
        understand_in_list(where, first) && !facts_has_words(text, "you") &&
        facts_find(f, u->holder, NULL, NULL)) {
        int rel = READER_REL_HOME;
        for (size_t k = f->n; k-- > 0;) {
            int r = facts_rel_of(f->v[k].relation);
            if (facts_same_holder(f->v[k].holder, u->holder) &&
                (r == READER_REL_HOME || r == READER_REL_WORKPLACE)) {
                rel = r;
                break;
            }
        }
        u->act = READER_QUESTION;
        u->personal = 1;
        u->rel = rel;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(rel));
    }
    /* "where do I call home?" asked of the user ("I", "me", "my"): their home */
    if (u->act == READER_QUESTION && understand_in_list(where, first) &&
        facts_has_words(text, "home") && !u->value[0] && u->rel != READER_REL_HOME &&
        !facts_has_words(text, "you") && !facts_has_words(text, "originally") &&
        u->rel != READER_REL_HOMETOWN &&
        (facts_has_words(text, "me") || facts_has_words(text, "my") ||
         !strcmp(u->holder, "self"))) {
        u->personal = 1;
        u->rel = READER_REL_HOME;
        snprintf(u->holder, sizeof u->holder, "self");
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOME));
        return 0;
    }
    /* "where will I be employed after june?": a question of where one works, whatever
     * time it is said in */
    static const char *const working[] = {"work", "working", "works", "employed", NULL};
    int works = 0;
    for (int k = 0; working[k] && !works; k++) works = facts_has_words(text, working[k]);
    static const char *const also[] = {"what", "which", "who", "profession", "job", "do",
                                       "live", "you", NULL};   /* (two things asked: "where I
                                                                * work, what profession?") */
    if (u->act == READER_QUESTION && !strcmp(first, "where") && works && !u->value[0] &&
        !checks_holds_any(text, also) &&
        u->rel != READER_REL_WORKPLACE && u->rel != READER_REL_EMPLOYER) {
        u->personal = 1;
        u->rel = READER_REL_WORKPLACE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
    }
    return 0;
}
