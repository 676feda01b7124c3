/* quote.c: the user's own words for a question their facts do not answer (quote.h).
 * A question's content words are its words less the function words of the lexical
 * index (lex_is_stopword), the words every question about a person uses, kin and pet
 * words and names; each is compared on its stem (lex_stem). What the user told is read
 * as quote_words.c cuts it (sentences, parts, words); what they told later that changes
 * an answer is quote_newer.c's. This file chooses the sentence for each question, says
 * yes or no from it, adds to summaries and forgets what a request names. */
#include "agent/quote.h"
#include "agent/quote_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/quote_span.h"
#include "agent/quote_trim.h"
#include "agent/quote_zh.h"
#include "agent/realise.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/model.h"
#include "model/reader.h"

/* A summary adds at most SUMMARY_ADDS of the user's sentences, chosen among the newest
 * SUMMARY_SEEN they told. */
enum { SUMMARY_ADDS = 5, SUMMARY_SEEN = 256 };

/* 1 when the kin word at j of w names whom its part is about: it opens the part or
 * follows a word of whose ("my sister", "the kids", "Kit's dad"), not a word it is
 * counted or told by ("took on two more lads"). */
static int whose(const word_t *w, int j)
{
    static const char *const of[] = {"my", "our", "his", "her", "their", "your", "the",
                                     "ma", "mah", "me", NULL};
    if (!j || w[j - 1].part != w[j].part) return 1;
    size_t n = strlen(w[j - 1].low);
    return understand_in_list(of, w[j - 1].low) ||
           (n > 2 && !strcmp(w[j - 1].low + n - 2, "'s"));
}

/* 1 when the word at i of w has a kin word of whose (whose) or a name before it in its
 * part (as written or as its stem: "sister's"), or with pronouns a pronoun of someone
 * else ("she lives in Pune"), with no word for the user between ("his mum and I split
 * up" is the user's). */
static int someone_before(const word_t *w, int i, const char *const *names, int pronouns)
{
    static const char *const user[] = {"i", "me", "we", "us", "i'm", "i've", "im", NULL};
    static const char *const other[] = {"he", "she", "his", "her", "he's", "she's", "hes",
                                        "shes", NULL};
    for (int j = i - 1; j >= 0 && w[j].part == w[i].part; j--) {
        if (understand_in_list(user, w[j].low)) return 0;
        if ((quote_kin_word(&w[j]) && whose(w, j)) || quote_is_name(names, w[j].low) ||
            quote_is_name(names, w[j].stem) || (pronouns && understand_in_list(other, w[j].low)))
            return 1;
    }
    return 0;
}

/* Words a fact answers without saying them: what kind of value a question asks for
 * ("what breed is my rabbit?" is answered by "she's a whippet"), not what it is
 * about. */
static const char *const asks_for[] = {
    "job", "jobs", "living", "profession", "occupation", "career", "city", "town",
    "country", "place", "breed", "age", "birthday", "bday", "born", "colour", "color",
    "food", "dish", "meal", "sport", "sports", "team", "instrument", "language", "languages",
    "speak", "allergic", "allergy", "allergies", "diet", "eat", "car", "vehicle", "drive",
    "hobby", "hobbies", "fun", "subject", "study", "studying", "school", "university", "uni",
    "college", "company", "employer", "firm", "address", "home", "hometown", "pet", "pets",
    "animal", "film", "movie", "book", "song", "band", "music", "drink", "size", "sign",
    "surname", "nickname", "middle", "full", "spell", "much", "many", "often", "which",
    "sort", "breeds", "grow", "grew", "raised", "moved", "own", "play", "plays", "does",
    "truck", "van", "bike", "motorbike", "ride", "model", "make", "brand", "genre", "dog",
    "cat", "kid", "child", "children", "kids", "title", "role", "position", "date",
    "day", "month", "when", "where", "who", "what", "old", "live", "based", "from",
    "older", "younger", "oldest", "youngest", "eldest", "hate", "dislike", "stand",
    "originally", "employ", "employs", "employed", "lives", "works", "working", "little",
    "big", "wee", "lil", NULL,
};

/* The words that tell a relation, when a question has no content word of its own
 * ("where does my aunt live?": the sentence that names her and says where she lives;
 * "where am I from?"); NULL-terminated rows, the relation first. */
static const struct {
    int rel;
    const char *wh;         /* the question word that asks for it */
    const char *cue[6];
} cues[] = {
    {READER_REL_HOME, "where", {"live", "stay", "moved", "based", NULL}},
    {READER_REL_HOMETOWN, "where", {"from", "grew", "born", NULL}},
    {READER_REL_JOB, "what", {"work", "job", NULL}},
    {READER_REL_EMPLOYER, "where", {"work", "job", NULL}},
    {READER_REL_WORKPLACE, "where", {"work", "job", NULL}},
};

/* 1 when the holder h[0..nh) of question q[0..nq) is someone: a kin or pet word, a
 * pronoun (a function word alone), a name of the user's people or a word the question writes with a capital
 * ("Kemal"); 0 for a thing of the user's ("my church", "my due date"), which a
 * question asks about as it asks about the user. */
static int someone(const word_t *h, int nh, const word_t *q, int nq, const char *const *names)
{
    for (int i = 0; i < nh; i++) {
        if (quote_kin_word(&h[i]) || quote_is_name(names, h[i].low) ||
            quote_is_name(names, h[i].stem) ||
            (lex_is_stopword(h[i].low) && (nh == 1 || understand_pronoun(h[i].low))))
            return 1;       /* ("he"; not the "in" of a reading "bakery in") */
        for (int j = 0; j < nq; j++)
            if (q[j].cap && !strcmp(q[j].low, h[i].low)) return 1;
    }
    /* one word asked of right after a verb or a question word, with no word of whose
     * ("what does wren do?", "whats tobis job?"): a name typed small */
    static const char *const does[] = {"does", "did", NULL};
    static const char *const whats[] = {"what's", "whats", "where's", "wheres", "is", "was",
                                        NULL};
    size_t l = strlen(h[0].low);
    for (int j = 1; nh == 1 && j < nq; j++) {
        int whose = !strcmp(q[j].low + l, "'s") || !strcmp(q[j].low + l, "s") ||
                    (!q[j].low[l] && l > 2 && h[0].low[l - 1] == 's');  /* ("annas job") */
        if (!strncmp(q[j].low, h[0].low, l) &&
            ((!q[j].low[l] && understand_in_list(does, q[j - 1].low)) ||
             (whose && understand_in_list(whats, q[j - 1].low))) &&
            !kinds_animal(h[0].low) && !dialogue_pet_word(h[0].key) &&
            !lex_is_stopword(h[0].low))
            return 1;
    }
    return 0;
}

static void add_key(asked_t *a, const char *w)
{
    if (a->nk >= QUOTE_WORDS) return;
    word_t *k = &a->k[a->nk++];
    memset(k, 0, sizeof *k);
    snprintf(k->low, sizeof k->low, "%s", w);
    lex_stem(w, k->stem, sizeof k->stem);
    snprintf(k->key, sizeof k->key, "%s", w);
}

/* 1 when every content word of a says only what kind of value it asks for (asks_for:
 * "which town is home for me?"), so the words of its relation may find what it asks. */
static int kinds_only(const asked_t *a)
{
    for (int k = 0; k < a->nk; k++)
        if (!understand_in_list(asks_for, a->k[k].low)) return 0;
    return a->nk > 0;
}

/* a for question about holder (quote_score's arguments); with cued, by the words of
 * its relation alone ("where's my aunt driving up from?": "from"), when its own words
 * found nothing. */
static void asked_of(asked_t *a, const char *question, const char *holder, int rel,
                     const char *const *names, int cued)
{
    word_t q[QUOTE_WORDS];
    int nq = quote_words(question, strlen(question), q, QUOTE_WORDS);
    a->self = !holder || !*holder || !strcmp(holder, "self");
    a->nh = a->self ? 0 : quote_words(holder, strlen(holder), a->h, 8);
    /* a thing of the user's ("my church") is asked about as the user is, unless its
     * name is asked ("what's my café called?": a name told beside the word for it) */
    a->thing = !a->self && !someone(a->h, a->nh, q, nq, names);
    if (a->thing && rel != READER_REL_NAME) a->self = 1, a->nh = 0;
    a->nk = 0;
    a->cued = 0;
    a->past = 0;
    a->zh = 0;
    a->placed = 0;
    a->amount = quote_span_asks(question) == QUOTE_ASKS_AMOUNT;
    long v;
    a->numbers = a->amount || (nq && understand_question_word(q[0].low) == 1);
    for (int i = 0; i < nq && !a->numbers; i++) a->numbers = understand_number(q[i].low, &v);
    a->counted[0] = '\0';      /* "how many years ...": years */
    for (int i = 0; a->amount && i + 2 < nq && !a->counted[0]; i++)
        if (!strcmp(q[i].low, "how") && (!strcmp(q[i + 1].low, "many") ||
                                         !strcmp(q[i + 1].low, "much")))
            snprintf(a->counted, sizeof a->counted, "%s", q[i + 2].stem);
    for (int i = 0; i + 1 < nq && !a->counted[0]; i++)     /* "how long": a time */
        if (!strcmp(q[i].low, "how") && !strcmp(q[i + 1].low, "long"))
            snprintf(a->counted, sizeof a->counted, "%s", QUOTE_COUNTED_TIME);
    /* "how many donkeys do we have?" read as of the donkeys: what the user has is counted */
    if (a->amount && !a->self && a->nh == 1 && !strcmp(a->h[0].stem, a->counted))
        a->self = 1, a->nh = 0;
    static const char *const user[] = {"i", "my", "me", "we", "our", "us", "mine", "i'm",
                                       "im", "i've", "ive", NULL};
    a->anyone = a->self;
    for (int i = 0; i < nq && a->anyone; i++) a->anyone = !understand_in_list(user, q[i].low);
    /* "who helps at my stall?" asks for someone of theirs: what is told of them answers */
    for (int i = 0; i < nq && i < 3 && a->self && !a->anyone; i++)
        a->anyone = !strcmp(q[i].low, "who") && i + 1 < nq &&
                    strcmp(q[i + 1].low, "am") != 0 && strcmp(q[i + 1].low, "i") != 0;
    for (int i = 0; i < nq; i++) {
        int dup = !quote_content_word(&q[i]) || quote_kin_word(&q[i]) || quote_is_name(names, q[i].low) ||
                  quote_is_name(names, q[i].stem);
        for (int j = 0; j < a->nk && !dup; j++) dup = !strcmp(a->k[j].stem, q[i].stem);
        for (int j = 0; j < a->nh && !dup; j++) dup = quote_same_word(&q[i], &a->h[j]);
        if (!dup) a->k[a->nk++] = q[i];
    }
    /* "how many nephews have I got?": the kin asked about are what is looked for */
    for (int i = 0, none = !a->nk; a->self && none && i < nq; i++) {
        int dup = !quote_kin_word(&q[i]) || a->nk >= QUOTE_WORDS;
        for (int j = 0; j < a->nk && !dup; j++) dup = !strcmp(a->k[j].stem, q[i].stem);
        if (!dup) a->k[a->nk++] = q[i];
    }
    a->age = !a->nk && rel == READER_REL_AGE;
    /* a name, not a part of one ("what's her last name?") */
    static const char *const part[] = {"last", "surname", "middle", "full", "maiden",
                                       "nickname", "second", "family", NULL};
    int part_asked = 0;
    for (int i = 0; i < nq && !part_asked; i++) part_asked = understand_in_list(part, q[i].low);
    a->naming = !a->self && rel == READER_REL_NAME && (a->thing || !a->nk) && !part_asked;
    a->breed[0] = '\0';
    int named = 0;                      /* (a name no fact holds: "what breed is Mungo?") */
    for (int i = 0; i < nq && a->nh == 1 && !named; i++)
        named = q[i].cap && i > 0 && !strcmp(q[i].low, a->h[0].low);
    if (rel == READER_REL_KIND && a->nh == 1 && !cued && !a->amount &&   /* ("how many
                                                                            * donkeys?") */
        (dialogue_pet_word(a->h[0].key) || named)) {
        snprintf(a->breed, sizeof a->breed, "%s", named ? "pet" : a->h[0].key);
        a->nk = 0;                      /* ("breed", "kind": said by the kind itself) */
    }
    a->job = 0;
    for (int i = 1; i < nq && rel == READER_REL_JOB && !a->self && !cued && !a->job; i++)
        a->job = q[i].cap && !understand_question_word(q[i].low);  /* by name */
    if (rel == READER_REL_JOB && !a->self && !cued && a->nh == 1 && !quote_kin_word(&a->h[0]) &&
        !dialogue_pet_word(a->h[0].key))
        a->job = 1;                     /* (by a name typed small: "what does wren do?") */
    /* the words of a relation, when the question asks for it with its own question word
     * or as yes or no ("where do I work?", "does she live with me?", not "who do I work
     * with?") */
    const char *wh = NULL;
    for (int i = 0; i < nq && !wh; i++)
        if (understand_question_word(q[i].low) == 2) wh = q[i].low;
    /* "which town is home for me?" asks where, in the words of a kind of value */
    if (wh && (!strcmp(wh, "what") || !strcmp(wh, "which")) && kinds_only(a)) wh = NULL;
    for (size_t c = 0; (!a->nk || cued) && !a->age && c < sizeof cues / sizeof cues[0]; c++)
        if (cues[c].rel == rel && (!wh || !strncmp(wh, cues[c].wh, strlen(cues[c].wh)))) {
            if (!a->cued) a->nk = 0, a->naming = 0;
            for (const char *const *w = cues[c].cue; *w; w++) add_key(a, *w);
            a->cued = 1;
        }
}

/* 1 when w is one of the group g ("grandad" of "grandparents"). */
static int member_of(const word_t *w, const word_t *g)
{
    return understand_group_member(g->key, w->key) || understand_group_member(g->low, w->key);
}

/* 1 when w is one of whom a asks about, or one of them ("grandad" of "my grandparents"). */
static int of_holder(const asked_t *a, const word_t *w)
{
    const char *animal = kinds_animal(w->low);      /* "greyhound" of "my dog" */
    int words = 0;              /* (the "in" of "son in law" is none of whom: a holder of
                                 * function words alone, "will she be", keeps them) */
    for (int j = 0; j < a->nh && !words; j++) words = !lex_is_stopword(a->h[j].low);
    for (int j = 0; j < a->nh; j++)
        if (!(words && lex_is_stopword(a->h[j].low)) &&
            (quote_same_word(w, &a->h[j]) || member_of(w, &a->h[j]) ||
             (animal && (!strcmp(animal, a->h[j].key) || !strcmp(animal, a->h[j].stem)))))
            return 1;
    return 0;
}

/* 1 when s tells the age of whom a asks about: a number within three words after a
 * word for them ("Kuba is 7", "elias turned 6", "tomek (9)"), not one that counts
 * something ("has 2 kids"). */
static int tells_age(const asked_t *a, const word_t *s, int ns)
{
    static const char *const me[] = {"i'm", "im", "am", NULL};     /* "I'm 23", "I am 81" */
    static const char *const unit[] = {"years", "yrs", "yr", "year", "yo", "months", "old",
                                       "now", NULL};
    for (int i = 0; i < ns; i++) {
        int him = a->self ? understand_in_list(me, s[i].low) : of_holder(a, &s[i]);
        for (int j = i + 1; him && j < ns && j <= i + 3; j++) {
            if (!quote_number_word(&s[j])) continue;
            if (j + 1 < ns && s[j + 1].part == s[j].part && quote_content_word(&s[j + 1]) &&
                !understand_in_list(unit, s[j + 1].low))
                break;
            return 1;
        }
    }
    return 0;
}

/* 1 when w is one of link or a word in -ly ("officially"): what may stand between a
 * name and the word for whom it names. */
static int linking(const word_t *w, const char *const *link)
{
    size_t n = strlen(w->low);
    return understand_in_list(link, w->low) || (n > 4 && !strcmp(w->low + n - 2, "ly"));
}

/* 1 when s names whom a asks about: a name right after a word for them ("my partner
 * Joan", "the rats are called Salt and Pepper") or before it, then "is" or a comma
 * ("Joan is my partner", "Joan, my partner", "Reyes is officially my tutor now",
 * "a Lutheran church"), or called so later
 * ("a café in Leith called Brew Crew"); not "my sister lives in Cork". */
static int tells_name(const asked_t *a, const word_t *s, int ns)
{
    static const char *const link[] = {"is", "are", "was", "were", "called", "named", "name",
                                       "names", "s", "my", "our", "the", "now", "also", "still",
                                       "new", NULL};
    static const char *const not_names[] = {"after", "back", "off", "out", "something",
                                            "anything", "nothing", "that", "this", "it",
                                            "yet", NULL};
    for (int i = 0; i < ns; i++) {
        if (!of_holder(a, &s[i])) continue;
        int j = i + 1;
        while (j < ns && j <= i + 4 && (of_holder(a, &s[j]) || linking(&s[j], link)))
            j++;
        if (j < ns && j <= i + 4 && quote_name_like(&s[j])) return 1;
        j = i - 1;
        while (j >= 0 && j >= i - 4 && (of_holder(a, &s[j]) || linking(&s[j], link)))
            j--;
        if (j >= 0 && j < i - 1 && quote_name_like(&s[j]) &&
            (!strcmp(s[j + 1].low, "is") || s[j + 1].part != s[j].part))
            return 1;
        if (a->thing && i > 1 && quote_name_like(&s[i - 1]))
            return 1;                                   /* "a Lutheran church" */
        for (int k = i + 1; k + 1 < ns; k++) {
            /* "called Rolo", "named the Salty Biscuit", "a choir called tidewater", "her
             * name is Doughlene" (a name after these in any case) */
            int call = !strcmp(s[k].low, "called") || !strcmp(s[k].low, "named");
            if (!strcmp(s[k].low, "name") && k + 2 < ns && !strcmp(s[k + 1].low, "is"))
                call = 1, k++;
            if (!call) continue;
            const word_t *n = &s[k + 1];
            if (k + 2 < ns && !strcmp(n->low, "the")) n++;
            if (quote_name_like(n) ||
                (isalpha((unsigned char)n->low[0]) && !lex_is_stopword(n->low) &&
                 !quote_kin_word(n) && !understand_in_list(not_names, n->low)))
                return 1;
        }
    }
    return 0;
}

/* 1 when a sentence wishes or supposes rather than tells ("someday we hope to settle
 * in Tromso", "maybe we'll get a dog"): what it holds is no "yes". */
static int wishes(const word_t *w, int n)
{
    static const char *const wish[] = {"would", "i'd", "id", "we'd", "wed", "wish", "hope",
                                       "hoping", "someday", "maybe", "might", "dream",
                                       "dreaming", "want", "wanna", "if", "perhaps",
                                       "considering", "thinking", "plan", "planning",
                                       "could", NULL};
    for (int i = 0; i < n; i++)
        if (understand_in_list(wish, w[i].low)) return 1;
    return 0;
}

/* 1 when a word of a's stands in s[0..ns) within three words before "in", "at", "to",
 * "near", "from" or "outside" and a word after it ("live in Hull", "staying in hull with my
 * gran"). */
static int place_after(const asked_t *a, const word_t *s, int ns)
{
    static const char *const at[] = {"in", "at", "to", "near", "from", "outside", NULL};
    for (int i = 0; i < ns; i++) {
        int own = 0;
        for (int k = 0; k < a->nk && !own; k++) own = quote_same_word(&s[i], &a->k[k]);
        for (int j = i + 1; own && j < ns - 1 && j <= i + 3; j++)
            if (understand_in_list(at, s[j].low)) return 1;
    }
    return 0;
}

/* 1 when s[j] is a kind of person told as one's job: no kin word, right after "a",
 * "an" or "as" ("is a doctor", "works as a porter"); or what one is doing or studying
 * ("doing a masters"). */
static int job_word(const word_t *s, int j)
{
    static const char *const as[] = {"a", "an", "as", NULL};
    static const char *const doing[] = {"doing", "does", "studying", "training", NULL};
    if (j > 1 && understand_in_list(as, s[j - 1].low) && understand_in_list(doing, s[j - 2].low))
        return 1;               /* "Ola's doing a masters" */
    return j > 0 && understand_in_list(as, s[j - 1].low) && !quote_kin_word(&s[j]) &&
           kinds_person(s[j].low);
}

/* Words a question asks a kind of thing by, and the words people tell one with ("which
 * medication do I take?" of "I'm on 20mg of citalopram"): the kind first, each row
 * NULL-terminated. */
static const char *const told_as[][12] = {
    {"medication", "take", "taking", "takes", "mg", "pill", "pills", "tablet", "tablets",
     "prescribed", "dose", NULL},
    {"medicine", "take", "taking", "takes", "mg", "pill", "pills", "tablet", "tablets",
     "prescribed", "dose", NULL},
    {"meds", "take", "taking", "takes", "mg", "pill", "pills", "tablet", "tablets",
     "prescribed", "dose", NULL},
    {"translate", "translator", "translating", "translation", "interpreter", NULL},
    {"teach", "teacher", "teaching", "taught", "teaches", "lecturer", "tutor", NULL},
    {"commute", "bus", "train", "tram", "cycle", "bike", "drive", "walk", "ferry", NULL},
};

/* The row of told_as of the question's word k, or NULL. */
static const char *const *told_row(const word_t *k)
{
    for (size_t r = 0; r < sizeof told_as / sizeof told_as[0]; r++)
        if (!strcmp(k->low, told_as[r][0]) || !strcmp(k->stem, told_as[r][0])) return told_as[r];
    return NULL;
}

/* 1 when the sentence's word w tells the question's word k by another word (told_as). */
/* 1 when the question's word k asks which musical instrument ("what instrument is
 * mine?"): the sentence names one (kinds_instrument), not the word. */
static int asks_instrument(const word_t *k)
{
    return !strcmp(k->stem, "instrument");
}

static int said_as(const word_t *k, const word_t *w)
{
    /* (a sentence that only wishes for one tells none: score_words) */
    if (asks_instrument(k)) return kinds_instrument(w->low);   /* "folk cello mostly" */
    const char *const *row = told_row(k);
    for (int i = 1; row && row[i]; i++)
        if (!strcmp(w->low, row[i])) return 1;
    return 0;
}

/* 1 when a sentence that opens with "had", "have", "has", "was" or "were" tells, its
 * subject left out ("Had my appendix out in 2019", "Have two kids", "Was a nurse
 * for years"), rather than asks ("was it good", "has the vet called"). */
static int subject_dropped(const word_t *s, int ns)
{
    static const char *const tells[] = {"had", "have", "has", "was", "were", NULL};
    static const char *const asks[] = {"i", "you", "u", "he", "she", "it", "we", "they",
                                       "the", "this", "that", "there", "your", "his",
                                       "her", "their", "our", NULL};
    if (ns < 3 || !understand_in_list(tells, s[0].low) || understand_in_list(asks, s[1].low))
        return 0;
    return strcmp(s[1].low, "my") != 0 || !strcmp(s[0].low, "had");    /* "had my X done" */
}

/* 1 when the sentence s[0..ns) opens by saying "he", "she" or "they" (or "his", "her",
 * "their": understand_pronoun): of someone the sentence before it named ("my niece Maelle is 9. She lives
 * with her dad in Quimper"). */
static int refers_back(const word_t *s, int ns)
{
    for (int i = 0; i < ns && i < 2; i++)
        if (understand_pronoun(s[i].low)) return 1;
    return 0;
}

/* How many of a's content words the sentence s[0..ns) holds (for a question about the
 * user, not after a kin word or a name in its part); 0 when it does not name whom a
 * asks about (carried: the sentence before it in its message did, and this one says
 * "she" or "he" of them, refers_back), or opens as a question ("why" too). */
static int score_words(const asked_t *a, const word_t *s, int ns, const char *const *names,
                       int carried)
{
    if (!ns || (understand_question_word(s[0].low) && !subject_dropped(s, ns)) ||
        !strcmp(s[0].low, "why"))       /* ("why does anyone live here") */
        return 0;
    if (!a->self) {                         /* it names whom the question is about */
        int named = carried && refers_back(s, ns);  /* ("... Maelle. She lives ...") */
        /* (of kin of kin, "my sister's wife", the last: the sister alone is not her) */
        const word_t *last = a->nh >= 2 && quote_kin_word(&a->h[0]) &&
                                     quote_kin_word(&a->h[a->nh - 1])
                                 ? &a->h[a->nh - 1]
                                 : NULL;
        int in_law = 0;                     /* "son in law": an in-law, not the son */
        for (int j = 0; j < a->nh; j++) in_law |= !strcmp(a->h[j].low, "law");
        for (int i = 0; i < ns && !named; i++)
            named = (in_law ? strstr(s[i].low, "law") != NULL
                     : last ? quote_same_word(&s[i], last) || member_of(&s[i], last)
                            : of_holder(a, &s[i])) &&
                    !(i + 1 < ns && quote_kin_word(&s[i]) && quote_kin_word(&s[i + 1]) &&
                      strlen(s[i].low) > 2 && !strcmp(s[i].low + strlen(s[i].low) - 2, "'s"));
                    /* ("my wife's sister" is the sister) */
        if (!named) return 0;
    }
    if (a->age) return tells_age(a, s, ns);
    int number = !a->amount;                    /* "how many hives?": a number is told */
    for (int i = 0; i < ns && !number; i++) {   /* within three words of one of its words,
                                                 * when it has any ("eleven of them"), or of
                                                 * what it counts ("been 12 years") */
        if (!quote_kind_of_value(&s[i])) continue;
        number = !a->nk;
        for (int j = i - 3; j <= i + 3 && !number; j++) {
            for (int k = 0; j >= 0 && j < ns && k < a->nk && !number; k++)
                number = quote_same_word(&s[j], &a->k[k]);
            number |= j >= 0 && j < ns && a->counted[0] &&
                      (!strcmp(s[j].stem, a->counted) ||
                       (!strcmp(a->counted, QUOTE_COUNTED_TIME) && j == i + 1 &&
                        understand_in_list(understand_time_units, s[j].low)));
        }
    }
    if (!number) return 0;
    if (a->cued && quote_denies(s, ns)) return 0;    /* "I don't work in Leeds anymore" */
    if (a->placed && !place_after(a, s, ns)) return 0;     /* "Pilar and I live together" */
    int score = 0;
    for (int k = 0; k < a->nk; k++) {
        int own = 0;
        int by_name = !asks_instrument(&a->k[k]) || !wishes(s, ns);    /* ("thinking of
                                                                         * learning the oboe") */
        for (int j = 0; j < ns && !own; j++)
            own = (quote_same_word(&s[j], &a->k[k]) || (by_name && said_as(&a->k[k], &s[j]))) &&
                  (!a->self || a->anyone || !someone_before(s, j, names, a->cued)) &&
                  !(a->cued && j > 0 && !strcmp(s[j - 1].low, "like"));  /* ("felt like
                                                                           * living in ...") */
        score += own;
    }
    if (a->job) {       /* "my niece Ines is a vet": a kind of person, as told of them */
        int told = 0;
        for (int j = 0; j < ns && !told; j++) told = job_word(s, j);
        if (!told) return 0;
        int held = 0;
        for (int k = 0; k < a->nk; k++)
            for (int j = 0; j < ns; j++) held += quote_same_word(&s[j], &a->k[k]);
        return 1 + held;
    }
    if (a->breed[0]) {  /* "our dog Mungo, a whippet": a kind of the animal asked */
        for (int j = 0; j < ns; j++) {
            const char *of = kinds_animal(s[j].low);
            if (of && (!strcmp(of, a->breed) || !strcmp(a->breed, "pet"))) return 1;
        }
        return 0;
    }
    if (a->naming) {    /* "who runs my orchard?": a name beside it, or one and the words */
        int named = tells_name(a, s, ns), someone = 0;
        for (int j = 1; j < ns && !someone; j++) someone = quote_name_like(&s[j]);
        return named || someone ? named + score : 0;
    }
    return score;
}

int quote_score(const char *question, const char *holder, int rel, const char *const *names,
                const char *sentence)
{
    asked_t a;
    word_t s[QUOTE_WORDS];
    asked_of(&a, question, holder, rel, names, 0);
    int ns = quote_words(sentence, strlen(sentence), s, QUOTE_WORDS);
    return quote_asks_to_forget(s, ns) ? 0 : score_words(&a, s, ns, names, 0);
}

/* 1 when text may hold one of a's content words or holder words or a request to forget:
 * the letters a word shares with its stem, or its key ("grandchild"), occur in it, its ASCII letters folded to lower
 * case into low (cap bytes; a text longer than that is read whole) (a cheap test before
 * its sentences are read word by word). */
static int worth_reading(const char *text, const asked_t *a, char *low, size_t cap)
{
    size_t n = 0;
    if (a->age && a->self) return 1;            /* "I'm 44": any text may tell it */
    for (; text[n] && n + 1 < cap; n++) low[n] = (char)tolower((unsigned char)text[n]);
    if (text[n]) return 1;
    low[n] = '\0';
    for (int k = 0; k < a->nk + a->nh; k++) {  /* the letters word and stem share: "stud" */
        const word_t *w = k < a->nk ? &a->k[k] : &a->h[k - a->nk];  /* or whom it asks of */
        char root[LEX_WORD_MAX];
        size_t r = 0;
        for (; w->low[r] && w->low[r] == w->stem[r]; r++) root[r] = w->low[r];
        root[r] = '\0';
        if (!r || strstr(low, root) || (w->key[0] && strstr(low, w->key))) return 1;
        if (k >= a->nk && dialogue_pet_word(w->key)) return 1;  /* (by its breed, of_holder) */
        if (k < a->nk && asks_instrument(w)) return 1;          /* (by its name, said_as) */
        const char *const *row = k < a->nk ? told_row(w) : NULL;
        for (int i = 1; row && row[i]; i++)
            if (strstr(low, row[i])) return 1;
    }
    return quote_may_forget(low);
}

/* The names of the user's people and pets in f (pointers into f), NULL-terminated. */
static void names_of(const facts_t *f, const char **names, size_t max)
{
    size_t n = 0;
    const char *rel = reader_rel_name(READER_REL_NAME);
    for (size_t i = 0; i < f->n && n + 1 < max; i++) {
        const store_memory_t *m = &f->v[i];
        if (m->relation && !strcmp(m->relation, rel) && m->value && !strchr(m->value, ' '))
            names[n++] = m->value;
        else if (isupper((unsigned char)m->holder[0]) && !strchr(m->holder, ' ') &&
                 (!n || strcmp(names[n - 1], m->holder) != 0))
            names[n++] = m->holder;     /* someone keyed by their name ("Ravi", facts.c) */
    }
    names[n] = NULL;
}

static int tells_past(const char *text, size_t len, const facts_t *f, const store_memory_t *past,
                      size_t np, int numbers);

/* Reads said's replaced facts (one query over the user's memories) unless read. */
static void past_of(said_t *said)
{
    if (said->read) return;
    said->read = 1;
    said->rc = store_frames_past(said->st, said->user, SUMMARY_SEEN, &said->past,
                                 &said->npast);
}

/* 1 when a sentence of score in turn i (the turns newest first, its sentences in order)
 * beats the best so far (best, of turn bt): more words, or as many and a later sentence
 * of the same message ("The lambs came! ... so we keep 40 sheep now."), an older message
 * never winning a tie. */
static int newer_best(int score, int best, size_t i, size_t bt)
{
    return score > best || (score && score == best && i == bt);
}

/* The sentence to quote for asked a among what the user said (by the words of a
 * relation, no sentence that holds a value their facts replaced: "where do I work now?"
 * is not answered by the old firm; a question's own words may be, as a replaced value
 * is often one the reader misread from a sentence that answers them):
 * its score (0: none), turn index and place into *bt, *from and *len. s and low are
 * scratch (QUOTE_WORDS words, QUOTE_TEXT bytes). */
static int find_said(const asked_t *a, said_t *said, hidden_t *hid, word_t *s, char *low,
                     size_t *bt, size_t *bfrom, size_t *blen)
{
    const store_turn_t *t = said->t;
    size_t nt = said->nt;
    const char *const *names = said->names;
    int best = 0, stop = a->zh ? !a->z.nch
                                : !a->nk && !a->age && !a->naming && !a->breed[0] && !a->job;
                                                /* (nothing to look for) */
    memset(hid, 0, sizeof *hid);
    /* Newest first, so a tie keeps the newer. A request to forget hides what was told
     * before it that holds a word it names (and stops the search when that word is the
     * question's), whatever it found to delete: "forget about the bells". */
    for (size_t i = 0; i < nt && !stop; i++) {
        size_t at = 0, from, len;
        int asks;
        if (!strcmp(t[i].text, STORE_REDACTED)) {  /* gone: what "forget that" took */
            hid->next = 0;
            continue;
        }
        /* a message mnemo answered as a question is never quoted, but may ask to forget */
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        if (hid->next && !asked) {          /* "forget that": the last thing told */
            hid->next = 0;
            continue;
        }
        if (!a->zh && !worth_reading(t[i].text, a, low, QUOTE_TEXT)) continue;
        int named_before = 0, forgot_named = 0;     /* (of this message's sentences) */
        /* a message that asks to forget is never quoted: "About my asthma and the
         * inhaler. Please delete it." names what goes, and hides it */
        int forgets_here = 0;
        for (size_t b = 0, f0, l0; !a->zh && !forgets_here &&
                                   quote_next_sentence(t[i].text, &b, &f0, &l0, &asks);) {
            int n0 = quote_words(t[i].text + f0, l0, s, QUOTE_WORDS);
            forgets_here = quote_asks_to_forget(s, n0);
        }
        while (quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            const char *sent = t[i].text + from;
            if (a->zh) {        /* a Chinese question: by its characters */
                if (forms_zh_forgets(sent, len)) {
                    if (hid->nzh < 8) hid->zh[hid->nzh] = sent, hid->zhlen[hid->nzh++] = len;
                    stop = quote_zh_held(&a->z, sent, len) > 0;   /* it names one */
                    continue;
                }
                int hidden = 0;
                for (int h = 0; h < hid->nzh && !hidden; h++)
                    hidden = quote_zh_hides(hid->zh[h], hid->zhlen[h], sent, len);
                int score = asks || asked || hidden || len >= QUOTE_SENTENCE
                                ? 0 : quote_zh_score(&a->z, sent, len);
                if (newer_best(score, best, i, *bt))
                    best = score, *bt = i, *bfrom = from, *blen = len;
                continue;
            }
            int ns = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            int carried = named_before;
            named_before = 0;
            for (int j = 0; j < ns && !a->self && !named_before; j++)
                named_before = of_holder(a, &s[j]);
            named_before |= carried && refers_back(s, ns);
            if (quote_asks_to_forget(s, ns)) {
                named_before = 0;               /* ("forget Jo. He's shy": not his) */
                int was_next = hid->next, was_n = hid->n;
                quote_hide_words(hid, s, ns);
                if (forgot_named) hid->next = was_next;     /* "... about X. Please forget
                                                             * it.": X, not the last message */
                forgot_named |= hid->n > was_n;
                for (int k = 0; k < a->nk && !stop; k++)
                    for (int j = 0; j < ns && !stop; j++)
                        stop = !strcmp(s[j].stem, a->k[k].stem);
                hid->asked |= stop;
                continue;
            }
            if (forgets_here && ns > 1 && (!strcmp(s[0].low, "about") ||
                                           !strcmp(s[0].low, "regarding") ||
                                           !strcmp(s[0].low, "re"))) {
                quote_hide_words(hid, s, ns);   /* "About my landlord." before "forget it" */
                forgot_named = 1;
            }
            if (forgets_here || asks || asked || len >= QUOTE_SENTENCE ||
                quote_is_hidden(hid, s, ns))
                continue;
            int score = score_words(a, s, ns, names, carried);
            int better = newer_best(score, best, i, *bt);
            if (better && (a->cued || a->past)) {
                past_of(said);
                if (tells_past(t[i].text + from, len, said->f, said->past, said->npast,
                               a->age || a->numbers))
                    continue;
            }
            if (better) {
                best = score;
                *bt = i;
                *bfrom = from;
                *blen = len;
            }
        }
    }
    return best;
}

/* How many numbers the text[0..n) holds; s is scratch (QUOTE_WORDS words). */
static int values_in(const char *text, size_t n, word_t *s)
{
    int ns = quote_words(text, n, s, QUOTE_WORDS), k = 0;
    for (int i = 0; i < ns; i++) k += quote_kind_of_value(&s[i]);
    return k;
}

/* The number a question of how many finds in text[0..n) (quote_span), or -1. */
static long number_in(const char *question, const char *text, size_t n)
{
    char span[64];
    long v = -1;
    if (!quote_span(question, text, n, span, sizeof span)) return -1;
    if (strspn(span, "0123456789") == strlen(span) && strlen(span) <= 6)
        return strtol(span, NULL, 10);
    return understand_number(span, &v) ? v : -1;
}

/* The stems of the cue words of the relations f has a fact of, into stems (NULL-ended,
 * at most max - 1), for tells_listed. */
static void listed_cues(const facts_t *f, char (*stems)[LEX_WORD_MAX], size_t max)
{
    size_t n = 0;
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++) {
        int listed = 0;
        for (size_t i = 0; i < f->n && !listed; i++)
            listed = facts_rel_of(f->v[i].relation) == cues[c].rel;
        for (const char *const *w = cues[c].cue; listed && *w && n + 1 < max; w++)
            lex_stem(*w, stems[n++], LEX_WORD_MAX);
    }
    stems[n][0] = '\0';
}

/* 1 when a sentence holds a word that tells a relation of one value (cues: "live",
 * "work", "from") of which the user has a fact (stems: listed_cues): the summary says
 * the current one, and the sentence may tell one it replaced ("I live in Tampere" before
 * a move). */
static int tells_listed(char (*stems)[LEX_WORD_MAX], const word_t *s, int ns)
{
    for (int j = 0; j < ns; j++)
        for (size_t c = 0; stems[c][0]; c++)
            if (!strcmp(s[j].stem, stems[c])) return 1;
    return 0;
}

/* 1 when the sentence text[0..len) holds a value of past[0..np) (the user's replaced
 * facts) that no current fact of f has: it tells what is no longer so ("I'm an
 * accountant at Deloitte" after a move to another firm). A replaced number (an age, a
 * count) counts only with numbers (the question asks one): "Kit 5" in a sentence of home
 * still tells the home after Kit turned 6. */
static int tells_past(const char *text, size_t len, const facts_t *f, const store_memory_t *past,
                      size_t np, int numbers)
{
    char said[QUOTE_SENTENCE + 1];
    snprintf(said, sizeof said, "%.*s", (int)len, text);
    for (size_t i = 0; i < np; i++) {
        const char *v = past[i].value;
        long n;
        if (!v || !strcmp(v, FACTS_ENDED) || !facts_has_words(said, v) ||
            (!numbers && understand_number(v, &n)))
            continue;
        int current = 0;
        for (size_t j = 0; j < f->n && !current; j++)
            current = f->v[j].value && !strcasecmp(f->v[j].value, v);
        if (!current) return 1;
    }
    return 0;
}

/* How many content words of s[0..ns) text (lower case) does not hold yet. */
static int new_words(const word_t *s, int ns, const char *text)
{
    int n = 0;
    for (int j = 0; j < ns; j++)
        n += quote_content_word(&s[j]) && !strstr(text, s[j].low);
    return n;
}

/* 1 when the sentence s[0..ns) names someone of the user's by a kin or pet word and a
 * name right after it ("My husband Tobias says ...") that low (what is said so far, lower
 * case) does not hold. */
static int names_kin(const word_t *s, int ns, const char *low)
{
    for (int j = 0; j + 1 < ns; j++)
        if (quote_kin_word(&s[j]) && quote_name_like(&s[j + 1]) && !strstr(low, s[j + 1].low))
            return 1;
    return 0;
}

/* A summary's reply (p) followed by what the user told that it does not say: of the
 * newest SUMMARY_SEEN sentences they told (no question, no small talk, nothing a
 * request to forget hides, no change or denial, nothing of a relation of one value that
 * f has a fact of), up to SUMMARY_ADDS, each the one with the most content words
 * the reply and the sentences chosen before do not hold (the newer of equals): `You also
 * told me: "..."; "...".`. s and low are scratch (QUOTE_WORDS words, QUOTE_TEXT bytes);
 * the reply is left as it was when the sentences do not fit. */
static void summary_adds(respond_t *p, const facts_t *f, const store_memory_t *past,
                         size_t npast, const store_turn_t *t, size_t nt, hidden_t *hid,
                         word_t *s, char *low)
{
    struct { size_t turn, from, len; int used, most, named; } seen[SUMMARY_SEEN];
    int nseen = 0;
    char stems[32][LEX_WORD_MAX];
    listed_cues(f, stems, sizeof stems / sizeof stems[0]);
    size_t n = 0;       /* the reply and the sentences chosen, in lower case, in low */
    for (; p->reply[n] && n + 1 < QUOTE_TEXT; n++)
        low[n] = (char)tolower((unsigned char)p->reply[n]);
    low[n] = '\0';
    memset(hid, 0, sizeof *hid);
    for (size_t i = 0; i < nt && nseen < SUMMARY_SEEN; i++) {
        size_t at = 0, from, len;
        int asks;
        if (!strcmp(t[i].text, STORE_REDACTED)) continue;
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        int chat = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_OTHER));
        if (hid->next && !asked) {
            hid->next = 0;
            continue;
        }
        while (nseen < SUMMARY_SEEN && quote_next_sentence(t[i].text, &at, &from, &len, &asks)) {
            int ns = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            if (quote_asks_to_forget(s, ns)) {
                quote_hide_words(hid, s, ns);
                continue;
            }
            /* a message taken for small talk adds only a sentence that names something
             * ("hello from Tromsø!"; "dark at 3pm already" names nothing) */
            int named = 0;
            for (int j = 1; j < ns && chat && !named; j++) named = quote_name_like(&s[j]);
            if (asks || asked || (chat && !named) || len >= QUOTE_SENTENCE || ns < 3 ||
                quote_is_hidden(hid, s, ns) ||
                quote_changes(s, ns) || tells_listed(stems, s, ns) ||
                tells_past(t[i].text + from, len, f, past, npast, 1))
                continue;
            seen[nseen].turn = i, seen[nseen].from = from, seen[nseen].len = len;
            seen[nseen].used = 0;
            seen[nseen].named = names_kin(s, ns, low);
            seen[nseen++].most = new_words(s, ns, low);    /* what it adds to the reply */
        }
    }
    char adds[sizeof p->reply];
    size_t at = 0, r = strlen(p->reply);
    size_t room = sizeof p->reply > r + 24 ? sizeof p->reply - r - 24 : 0;  /* (what fits
                                                 * after the reply: the sentences end there) */
    for (int k = 0; k < SUMMARY_ADDS; k++) {
        int best = -1, most = 0;
        for (int c = 0; c < nseen; c++) {  /* what a sentence adds only falls as low grows */
            if (seen[c].used || seen[c].most <= most) continue;
            int ns = quote_words(t[seen[c].turn].text + seen[c].from, seen[c].len, s, QUOTE_WORDS);
            seen[c].most = new_words(s, ns, low);
            if (seen[c].most && seen[c].named && names_kin(s, ns, low))
                seen[c].most += 2;      /* a person named, not yet said, counts more */
            if (seen[c].most > most) most = seen[c].most, best = c;
        }
        if (best < 0) break;
        seen[best].used = 1;
        const char *said = t[seen[best].turn].text + seen[best].from;
        int w = snprintf(adds + at, sizeof adds - at, "%s\"%.*s\"", k ? "; " : "",
                         (int)seen[best].len, said);
        if (w < 0 || (size_t)w >= sizeof adds - at || at + (size_t)w >= room) {
            adds[at] = '\0';
            break;
        }
        at += (size_t)w;
        for (size_t j = 0; j < seen[best].len && n + 2 < QUOTE_TEXT; j++)
            low[n++] = (char)tolower((unsigned char)said[j]);
        low[n++] = ' ';
        low[n] = '\0';
    }
    char none[128];             /* no fact to list: the sentences are all it says */
    realise_summary(none, sizeof none, NULL, 0);
    if (at && !strcmp(p->reply, none) && at + 32 < sizeof p->reply)
        snprintf(p->reply, sizeof p->reply, "Here's what you told me: %.*s.",
                 (int)(sizeof p->reply - 32), adds);
    else if (at && r + at + 20 < sizeof p->reply)
        snprintf(p->reply + r, sizeof p->reply - r, " You also told me: %.*s.",
                 (int)(sizeof p->reply - r - 20), adds);
}

/* What quote_told found for one gap of the plan. */
typedef struct found {
    size_t turn, from, len;
    int yes, no, dup;
    char span[64];      /* the value it gives a question of when or how many (quote_span) */
    char told[QUOTE_SENTENCE + 1];  /* the sentence less what it left (quote_trim), or "" */
    int unsaid;         /* a yes/no question of a value the user never said: "No" */
} found_t;

/* What fd quotes of the turns t: the sentence found, or what quote_trim left of it. */
static const char *found_said(const found_t *fd, const store_turn_t *t, size_t *n)
{
    *n = fd->told[0] ? strlen(fd->told) : fd->len;
    return fd->told[0] ? fd->told : t[fd->turn].text + fd->from;
}

/* Cuts what the sentence fd found says was left ("skipping Ghent, we ride to Bruges
 * instead") into fd->told, for a wh-question that asks what holds, not what was. */
static void trim_found(found_t *fd, const store_turn_t *t, const char *question, int yesno)
{
    fd->told[0] = '\0';
    if (!yesno && !fd->yes && !fd->no && !quote_trim_asks_past(question))
        quote_trim(t[fd->turn].text + fd->from, fd->len, fd->told, sizeof fd->told);
}

/* The newest of the memories the plan answered from (p->used; ids grow), or NULL. */
static const store_memory_t *used_fact(const facts_t *f, const respond_t *p)
{
    const store_memory_t *newest = NULL;
    for (int i = 0; i < p->nused; i++)
        for (size_t j = 0; j < f->n; j++)
            if (f->v[j].id == p->used[i] && (!newest || f->v[j].id > newest->id))
                newest = &f->v[j];
    return newest;
}

/* The clause of the message msg's one question about the user or theirs (a wh-question,
 * or a yes/no question answered no), when the plan answered it from one fact (p->used;
 * a list of several is no one reading's slip, unless it asks when or how many) and left nothing open, wrote and forgot
 * nothing; else -1. */
static int answered_alone(const char *msg, const understood_t *u, int n, const respond_t *p)
{
    if (p->ngap || p->nw || p->nforget || p->summarised || p->answered != 1 ||
        p->unanswered || !p->nused)
        return -1;
    int q = -1;
    for (int i = 0; i < n; i++)
        if (u[i].act == READER_QUESTION || u[i].act == READER_YESNO) {
            if (q >= 0 || !u[i].personal) return -1;
            q = i;
        }
    /* a yes/no question names a value to check, which a fact of another value holds
     * not: only a "no" is doubted, and only a sentence that says yes answers instead */
    if (q < 0) return -1;
    char text[512];
    snprintf(text, sizeof text, "%.*s", (int)u[q].len, msg + u[q].at);
    if (p->nused != 1 && !quote_span_asks(text))
        return -1;      /* (a list answers a question of when or how many no better) */
    return u[q].act == READER_QUESTION || !strcasecmp(p->answer, "no") ? q : -1;
}

/* How many of a's content words the answer holds (the value, relation or holder of
 * the memories the plan answered from), into *covered; 1 when a word it does not hold
 * names what the question is about (not what kind of value it asks for, asks_for, in
 * any form): "which floor do I work on?" answered "You work in Leeds" was not answered,
 * even when the sentence that told Leeds names the floor; a place named with a capital
 * in a question of where one lives, works or comes from (rel) only narrows it. With
 * only_open, a keeps only those words (a sentence must hold one of them to answer
 * instead; *covered is 0). s is scratch (QUOTE_WORDS). */
/* 1 when the sentence that told m, a place of work or study, names it with w, a word for
 * a kind of place, right before its value or "called" it, or right after it ("a cafe
 * called Le Zinc", "the Zinc cafe": "what's my cafe called?" is answered by it). s is
 * scratch (QUOTE_WORDS). */
static int kind_told(const store_memory_t *m, const word_t *w, word_t *s)
{
    int rel = facts_rel_of(m->relation);
    if ((rel != READER_REL_EMPLOYER && rel != READER_REL_WORKPLACE &&
         rel != READER_REL_SCHOOL) || !m->text || !realise_place_noun(w->low))
        return 0;
    const char *at = facts_words_at(m->text, m->value);
    if (!at) return 0;
    size_t from = (size_t)(at - m->text), b = from;
    for (int k = 0; b > 0 && k < 2; k++) {  /* the word before, or two: "cafe called" */
        while (b > 0 && m->text[b - 1] == ' ') b--;
        size_t e = b;
        while (b > 0 && m->text[b - 1] != ' ') b--;
        int ns = quote_words(m->text + b, e - b, s, QUOTE_WORDS);
        if (ns == 1 && quote_same_word(&s[0], w)) return 1;
        if (ns != 1 || (strcmp(s[0].low, "called") != 0 && strcmp(s[0].low, "named") != 0))
            break;
    }
    size_t e = from + strlen(m->value);  /* ("the Zinc cafe") */
    while (m->text[e] == ' ') e++;
    size_t we = e;
    while (m->text[we] && isalpha((unsigned char)m->text[we])) we++;
    int ns = we > e ? quote_words(m->text + e, we - e, s, QUOTE_WORDS) : 0;
    return ns == 1 && quote_same_word(&s[0], w);
}

static int doubted(asked_t *a, const facts_t *f, const respond_t *p, int rel, word_t *s,
                   int *covered, int only_open)
{
    /* a place named in a question of where ("where in Lisbon do I live?") only narrows
     * what it asks */
    int place = rel == READER_REL_HOME || rel == READER_REL_HOMETOWN ||
                rel == READER_REL_WORKPLACE;
    int open = 0;
    *covered = 0;
    for (int k = 0, nk = a->nk; k < nk; k++) {
        int held = 0;
        for (int i = 0; i < p->nused && !held; i++)
            for (size_t j = 0; j < f->n && !held; j++) {
                const store_memory_t *m = &f->v[j];
                if (m->id != p->used[i]) continue;
                const char *told[3] = {m->value, m->relation, m->holder};
                for (int x = 0; x < 3 && !held; x++) {
                    int ns = told[x] ? quote_words(told[x], strlen(told[x]), s, QUOTE_WORDS) : 0;
                    for (int w = 0; w < ns && !held; w++) held = quote_same_word(&s[w], &a->k[k]);
                }
                if (!held && only_open) held = kind_told(m, &a->k[k], s);
            }
        *covered += held;
        int kind = 0;           /* "eating" as "eat" */
        for (const char *const *w = asks_for; *w && !kind && !held; w++) {
            char stem[LEX_WORD_MAX];
            lex_stem(*w, stem, sizeof stem);
            kind = !strcmp(*w, a->k[k].low) || !strcmp(stem, a->k[k].stem);
        }
        if (place && a->k[k].cap) kind = 1;
        if (!held && !kind) a->k[open++] = a->k[k];
    }
    if (only_open) a->nk = open, *covered = 0;
    return open > 0;
}

/* doubted for a Chinese question a (a->zh): 1 when a content character of it is in
 * none of the values of the memories the plan answered from and says more than what kind
 * of value it asks for (quote_zh_open: "我负责什么？" answered "You work as a 护士"); a
 * sentence is then looked for by all its characters. */
static int doubted_zh(const asked_t *a, const facts_t *f, const respond_t *p)
{
    const char *values[8];
    int nv = 0;
    for (int i = 0; i < p->nused; i++)
        for (size_t j = 0; j < f->n && nv < 8; j++)
            if (f->v[j].id == p->used[i] && f->v[j].value) values[nv++] = f->v[j].value;
    quote_zh_t open = a->z;
    return quote_zh_open(&open, values, nv) > 0;
}

/* The memory the plan answered from whose sentence holds best of a's words or more
 * (it told the answer with what the question names: "I drive a Corolla for the
 * taxi firm" for "what car do I drive for the taxi firm?"), or NULL. s is scratch (QUOTE_WORDS). */
static const store_memory_t *answer_told(const asked_t *a, const facts_t *f,
                                         const respond_t *p, word_t *s,
                                         const char *const *names, int best)
{
    for (int i = 0; i < p->nused; i++)
        for (size_t j = 0; j < f->n; j++) {
            const store_memory_t *m = &f->v[j];
            if (m->id != p->used[i] || !m->text) continue;
            int ns = a->zh ? 0 : quote_words(m->text, strlen(m->text), s, QUOTE_WORDS);
            if ((a->zh ? quote_zh_score(&a->z, m->text, strlen(m->text))
                       : score_words(a, s, ns, names, 0)) >= best)
                return m;
        }
    return NULL;
}

/* The question clause c of msg as text, and whom it asks about ("self", or the holder
 * key and the name the user gave them, colons as spaces), for asked_of. */
static void question_of(const understood_t *c, const char *msg, const facts_t *f,
                        char *question, size_t qcap, char *holder, size_t hcap)
{
    snprintf(question, qcap, "%.*s", (int)c->len, msg + c->at);
    const char *h = c->holder;
    const char *name = strcmp(h, "self") && h[0] ? facts_name_of(f, h) : NULL;
    if (!name && c->name[0] && strcmp(h, "self") != 0) name = c->name;  /* told in passing */
    snprintf(holder, hcap, "%s%s%s", h, name ? " " : "", name ? name : "");
    for (char *x = holder; *x; x++)
        if (*x == ':') *x = ' ';
}

/* 1 when w may be a value a yes/no question checks: a number, a content word, or a time
 * of day or week ("day shifts"), not "called" of "is the pony called Sable?". */
static int value_word(const word_t *w)
{
    static const char *const times[] = {"day", "days", "night", "nights", "morning",
                                        "mornings", "afternoon", "evening", "evenings",
                                        "weekend", "weekends", "weekday", "weekdays", NULL};
    return quote_kind_of_value(w) || quote_content_word(w) || understand_in_list(times, w->low);
}

/* 1 when the yes/no question q[0..nq) asks a job the sentence s[0..ns) does not hold,
 * where it tells another ("is Ines a dentist?" of "my niece Ines is a vet"). */
static int other_job(const word_t *q, int nq, const word_t *s, int ns)
{
    for (int i = 0; i < nq; i++) {
        if (!job_word(q, i)) continue;
        int held = 0, other = 0;
        for (int j = 0; j < ns; j++) {
            held |= quote_same_word(&s[j], &q[i]);
            other |= job_word(s, j);
        }
        return !held && other;
    }
    return 0;
}

/* 1 when the yes/no question q[0..nq) names a kind of animal or a sport that the
 * sentence s[0..ns) does not, where it names another of the same animal or another
 * sport ("is Moss a collie?" of "my dog Moss, a whippet"). */
static int other_kind(const word_t *q, int nq, const word_t *s, int ns)
{
    for (int i = 0; i < nq; i++) {
        const char *animal = kinds_animal(q[i].low);
        int sport = !animal && kinds_sport(q[i].low);
        if ((!animal || !strcmp(animal, q[i].low)) && !sport) continue;
        int held = 0, other = 0;
        for (int j = 0; j < ns; j++) {
            const char *of = kinds_animal(s[j].low);
            held |= quote_same_word(&s[j], &q[i]);
            other |= animal ? of && !strcmp(of, animal) && strcmp(of, s[j].low) != 0
                            : kinds_sport(s[j].low);
        }
        if (!held && other) return 1;
    }
    return 0;
}

/* 1 when the yes/no question q[0..nq) names a day or month that the sentence s[0..ns)
 * does not, where it names another of the same kind ("is my lesson on tuesdays?" of
 * "lessons are thursday mornings"), and no span of them ("monday to friday"); not one
 * the question compares with ("after June"). */
static int other_when(const word_t *q, int nq, const word_t *s, int ns)
{
    static const char *const span[] = {"to", "till", "til", "until", "through", "thru",
                                       "and", "or", NULL};
    static const char *const since[] = {"before", "after", "since", "by", "until", "till",
                                        "from", NULL};      /* ("is it after June?") */
    for (int i = 0; i < nq; i++) {
        int wq = quote_when_word(&q[i]), other = 0;
        if (!wq || (i && understand_in_list(since, q[i - 1].low))) continue;
        for (int j = 0; j < ns; j++) {
            int ws = quote_when_word(&s[j]);
            if (!ws || (ws > 100) != (wq > 100)) continue;
            if (ws == wq) return 0;         /* it holds the one asked */
            if (j + 2 < ns && understand_in_list(span, s[j + 1].low) && quote_when_word(&s[j + 2]))
                return 0;
            other = 1;
        }
        if (other) return 1;
    }
    return 0;
}

/* 1 when the yes/no question q[0..nq) asks a word after a word of place or time ("do
 * we catch the ferry to Aalborg?") that the sentence s[0..ns) does not hold, where the
 * sentence says the word before it and, a few words on, the same small word before
 * another ("we catch the night ferry on the 2nd of June to Stavanger"). */
static int other_place(const word_t *q, int nq, const word_t *s, int ns)
{
    static const char *const at[] = {"in", "at", "to", "from", NULL};
    for (int i = 2; i < nq; i++) {
        if (!understand_in_list(at, q[i - 1].low) || !quote_content_word(&q[i]) ||
            !quote_content_word(&q[i - 2]))
            continue;
        int held = 0;
        for (int j = 0; j < ns && !held; j++) held = quote_same_word(&s[j], &q[i]);
        if (held) continue;
        for (int j = 0; j < ns; j++) {
            if (!quote_same_word(&s[j], &q[i - 2])) continue;
            for (int k = j + 1; k + 1 < ns && k <= j + 6 && s[k].part == s[j].part; k++)
                if (!strcmp(s[k].low, q[i - 1].low) && quote_content_word(&s[k + 1]) &&
                    quote_kind_of_value(&s[k + 1]) == quote_kind_of_value(&q[i]))
                    return 1;
        }
    }
    return 0;
}

/* 1 when the sentence s[0..ns) tells another value than the yes/no question q[0..nq)
 * checks: a word of the question it does not hold stands right beside one it holds
 * ("grade 5", "day shifts", "bus driver"), and the sentence has another such word of
 * the same kind (kind_of_value) on that side of it ("grade 3", "night shifts", "tram
 * driver"). A question that compares
 * ("at least two cars") checks no one value. */
static int tells_other(const word_t *q, int nq, const word_t *s, int ns)
{
    static const char *const compares[] = {"than", "least", "most", "over", "under",
                                           "before", "after", NULL};
    if (other_when(q, nq, s, ns) || other_job(q, nq, s, ns) || other_kind(q, nq, s, ns))
        return 1;
    for (int i = 0; i < nq; i++)
        if (understand_in_list(compares, q[i].low)) return 0;
    for (int i = 0; i < nq; i++) {
        int held = 0;
        for (int j = 0; j < ns && !held; j++) held = quote_same_word(&s[j], &q[i]);
        if (held || !value_word(&q[i])) continue;
        for (int side = -1; side <= 1; side += 2) {     /* the word it stands beside */
            int y = i - side;               /* side -1: q[i] before q[y]; 1: after */
            if (y < 0 || y >= nq || q[y].part != q[i].part || !quote_content_word(&q[y])) continue;
            for (int j = 0; j < ns; j++) {
                int o = j + side;           /* the sentence's word on that side */
                if (!quote_same_word(&s[j], &q[y]) || o < 0 || o >= ns || s[o].part != s[j].part)
                    continue;
                if (value_word(&s[o]) && !quote_same_word(&s[o], &q[i]) &&
                    quote_kind_of_value(&s[o]) == quote_kind_of_value(&q[i]))
                    return 1;
            }
        }
    }
    return other_place(q, nq, s, ns);
}

/* 1 when the sentence s[0..ns) says not of a word the yes/no question q[0..nq) asks
 * (a's words), a word of negation right before it or one word before ("i don't own
 * skis" of "do I own skis?"), and the question itself says no "not" (note_found asks
 * this only of a sentence that holds all of a's words). */
static int says_not(const asked_t *a, const word_t *q, int nq, const word_t *s, int ns)
{
    static const char *const not[] = {"not", "never", "cannot", "dont", "doesnt", "didnt",
                                      "cant", "wont", "isnt", "wasnt", "arent", "havent",
                                      "hasnt", NULL};
    for (int i = 0; i < nq; i++) {
        size_t l = strlen(q[i].low);
        if (understand_in_list(not, q[i].low) || (l > 3 && !strcmp(q[i].low + l - 3, "n't")))
            return 0;
    }
    for (int j = 0; j < ns; j++) {
        size_t l = strlen(s[j].low);
        if (!understand_in_list(not, s[j].low) && !(l > 3 && !strcmp(s[j].low + l - 3, "n't")))
            continue;
        for (int d = 1; d <= 2 && j + d < ns && s[j + d].part == s[j].part; d++)
            for (int k = 0; k < a->nk; k++)
                if (quote_same_word(&s[j + d], &a->k[k])) return 1;
    }
    return 0;
}

/* 1 when f holds a fact of holder of the kind rel asks, or of a kind beside it (a place
 * worked in or come from beside a home; a firm beside a job): "do I live in Quito?" of a
 * user who told where they work may be answered no, "do I climb?" of one who told no
 * pastime not. */
static int told_of_kind(const facts_t *f, const char *holder, int rel)
{
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (!facts_same_holder(m->holder, holder) || !strcmp(m->value, FACTS_ENDED)) continue;
        int r = facts_rel_of(m->relation);
        if (rel == READER_REL_OPEN || rel == READER_REL_NAME || rel == READER_REL_AGE)
            return 0;       /* (a name or an age asked is the fact's to deny) */
        if (r == rel) return 1;
        if (rel == READER_REL_HOME && (r == READER_REL_WORKPLACE || r == READER_REL_HOMETOWN))
            return 1;
        if (rel == READER_REL_JOB && (r == READER_REL_EMPLOYER || r == READER_REL_WORKPLACE))
            return 1;
    }
    return 0;
}

/* 1 when the words of value (two letters or more each, "a" and "an" aside) are all in
 * one of the user's messages t[0..nt) (those before the question's own, which is not
 * stored yet), or, for a number ("four", "4"), one holds that number in digits or in
 * words ("3 kids" of "three"). */
static int value_said(const store_turn_t *t, size_t nt, const char *value)
{
    long want, got;
    int number = understand_number(value, &want);
    for (size_t i = 0; i < nt; i++) {
        int all = 1, any = 0;
        char *save = NULL;
        char buf[UNDERSTAND_VALUE];
        snprintf(buf, sizeof buf, "%s", value);
        for (char *w = strtok_r(buf, " ", &save); w && all; w = strtok_r(NULL, " ", &save)) {
            if (strlen(w) < 2 || !strcasecmp(w, "an")) continue;
            any = 1;
            all = facts_has_words(t[i].text, w);
        }
        if (any && all) return 1;
        if (!number) continue;
        char words[2048];           /* (a number: its first 2 KB, its first 128 words) */
        const char *w[128];
        int n = understand_split_words(t[i].text, " ,.;:!?()\n\t", words, sizeof words, w, 128);
        for (int k = 0; k < n; k++)
            if (understand_number(w[k], &got) && got == want) return 1;
    }
    return 0;
}

/* The kind of animal (a breed: kinds_animal) the sentence s[0..ns) names nearest to
 * one of the words of whom a asks about ("a corgi called Bramble and a husky called
 * Sleet": corgi, of Bramble), NULL when it names none or not them. */
static const word_t *nearest_kind(const asked_t *a, const word_t *s, int ns)
{
    const word_t *best = NULL;
    int dist = ns + 1;
    for (int j = 0; j < ns; j++) {
        int whom = 0;
        for (int k = 0; k < a->nh && !whom; k++) whom = quote_same_word(&s[j], &a->h[k]);
        for (int i = 0; i < ns && whom; i++) {
            const char *of = kinds_animal(s[i].low);
            int d = i > j ? i - j : j - i;
            if (of && strcmp(of, s[i].low) != 0 && d < dist) dist = d, best = &s[i];
        }
    }
    return best;
}

/* 1 when the question q[0..nq) opens as a yes/no question ("do I have six kids?"),
 * whatever the reader took it for, unless it asks whether mnemo knows ("do you remember
 * ..."). */
static int opens_yesno(const word_t *q, int nq)
{
    return nq && understand_question_word(q[0].low) == 1 &&
           !(nq > 1 && (!strcmp(q[1].low, "you") || !strcmp(q[1].low, "u")));
}

/* The value a yes/no question c (its text question; one that opens as one too) asks about, into named (cap
 * bytes), when it is one the user would have said: the reader's value span of a
 * relation the user told something of (kind), or a value the question makes particular
 * itself: written with a capital ("do I live in Porto?"), after "a" or "an" ("is Moss
 * a collie?"), or a number before a word ("do I have seven grandkids?": the number). None (0) for a question that asks whether mnemo knows ("do you remember ...?"),
 * or of any at all ("do I have any pets?", "did I ever ..."), which no "no" answers. */
static int asks_of_one(const char *question, const understood_t *c, int kind, char *named,
                       size_t cap)
{
    static const char *const open[] = {"any", "anything", "anyone", "ever", "know", "remember",
                                       "recall", "tell", "told", "mention", "mentioned", NULL};
    word_t q[24];
    int nq = quote_words(question, strlen(question), q, 24);
    named[0] = '\0';
    if (c->act != READER_YESNO && !opens_yesno(q, nq)) return 0;
    for (int i = 0; i < nq; i++)
        if (understand_in_list(open, q[i].low)) return 0;
    if (c->value[0] && kind) {
        snprintf(named, cap, "%s", c->value);
        return 1;
    }
    for (int pass = 0; pass < 2 && !named[0]; pass++)   /* "a labrador" before "Peter" */
        for (int i = 1; i < nq && !named[0]; i++) {     /* (the first word is the verb) */
            int article = !strcmp(q[i].low, "a") || !strcmp(q[i].low, "an");
            const word_t *v = article || quote_kind_of_value(&q[i]) ? &q[i + 1] : &q[i];
            if (i + 1 >= nq && v != &q[i]) continue;
            if (pass == 0 && v == &q[i]) continue;
            if (pass == 1 && (!q[i].cap || !strcmp(q[i].low, "i"))) continue;
            if ((understand_kin(v->key) && (article || pass == 1)) || lex_is_stopword(v->low))
                continue;       /* ("four kids" is one; "a sister" needs her name) */
            snprintf(named, cap, "%s", article || pass == 1 ? v->low : q[i].low);
        }
    return named[0] != '\0';
}

/* 1 when the Chinese yes/no question c (its text question, ending in 吗) names a value
 * the user never wrote: two content characters side by side in it (a's, quote_zh.h)
 * that none of the user's messages t[0..nt) holds together, one of them in none at all
 * (我是在杭州开面馆吗？ of one who only wrote 苏州). */
static int zh_unsaid(const asked_t *a, const understood_t *c, const char *question,
                     const store_turn_t *t, size_t nt)
{
    size_t n = strlen(question);
    while (n && strchr(" ?!.", question[n - 1])) n--;
    if (n >= 3 && !strncmp(question + n - 3, "\xEF\xBC\x9F", 3)) n -= 3;     /* ？ */
    if (c->act != READER_YESNO && !(n >= 3 && !strncmp(question + n - 3, "吗", 3))) return 0;
    static const char *const which[] = {"什么", "哪", "谁", "几", "多少", "任何", "怎么", NULL};
    for (int i = 0; which[i]; i++)      /* "我有什么过敏吗？" asks which, if any */
        if (strstr(question, which[i])) return 0;
    static const char *const count[] = {"一", "两", "二", "三", "四", "五", "六", "七", "八",
                                        "九", "十", NULL};
    int counted = strpbrk(question, "0123456789") != NULL;
    for (int i = 0; count[i] && !counted; i++) counted = strstr(question, count[i]) != NULL;
    if (strstr(question, "有") && !counted) return 0;  /* "我有宠物吗？": any at all */
    char prev[4] = "";
    int prev_said = 1;
    for (size_t i = 0; i + 3 <= n; i += (unsigned char)question[i] >= 0xE0 ? 3 : 1) {
        char ch[4] = "", pair[7];
        if ((unsigned char)question[i] >= 0xE0) memcpy(ch, question + i, 3);
        int content = 0;
        for (int k = 0; ch[0] && k < a->z.nch && !content; k++) content = !strcmp(a->z.ch[k], ch);
        if (!content) {
            prev[0] = '\0';
            continue;
        }
        snprintf(pair, sizeof pair, "%s%s", prev, ch);
        int said = 0, pair_said = !prev[0];
        for (size_t j = 0; j < nt && !(said && pair_said); j++) {
            said |= strstr(t[j].text, ch) != NULL;
            pair_said |= strstr(t[j].text, pair) != NULL;
        }
        if (!pair_said && (!said || !prev_said)) return 1;  /* (a word never written) */
        memcpy(prev, ch, sizeof prev);
        prev_said = said;
    }
    return 0;
}

/* 1 when the yes/no question c (its text question, read as a) names a value the user
 * never wrote in any message t[0..nt): asks_of_one and value_said, or, in Chinese,
 * zh_unsaid. kind: the user told something of the kind asked (the reader's value
 * counts then). */
static int never_said(const asked_t *a, const understood_t *c, const char *question, int kind,
                      const store_turn_t *t, size_t nt)
{
    char named[UNDERSTAND_VALUE];
    if (a->zh) return zh_unsaid(a, c, question, t, nt);
    return !understand_chinese(question, strlen(question)) &&
           asks_of_one(question, c, kind, named, sizeof named) && !value_said(t, nt, named);
}

/* 1 when question asks for a name or a brand ("what's the mill called?", "what brand is
 * my bike?", "name of my school"), which only a sentence that names something answers. */
static int asks_a_name(const word_t *q, int nq)
{
    static const char *const naming[] = {"name", "names", "called", "named", "brand", NULL};
    for (int i = 0; i < nq; i++)
        if (understand_in_list(naming, q[i].low)) return 1;
    return 0;
}

/* Words that name what stands beside them ("a pub called X", "what's my café called
 * again?"): asked_which's noun ends before them, and unnamed's noun is named by them. */
static const char *const naming_words[] = {"called", "named", "name", "aka", "again", NULL};

/* The words of the thing question q[0..nq) asks which one of, into q's indexes at
 * (up to 3; returns how many): the words after "what" or "which" ("which bank do I
 * work for?", "what car does Ana drive?", "what's my favourite cheese?") or after "name of"
 * ("the name of the gym I go to"), past "kind of", a word of whose ("my", "Dan's")
 * and "favourite", up to the first function word. */
static int asked_which(const word_t *q, int nq, int *at)
{
    static const char *const past[] = {"my", "our", "the", "his", "her", "their", "your",
                                       "favourite", "favorite", "fav", "kind", "type",
                                       "sort", "of", "is", "'s", "was", "are", "name", NULL};
    int i = 0;
    while (i < nq && strcmp(q[i].low, "what") && strcmp(q[i].low, "which") &&
           strcmp(q[i].low, "what's") && strcmp(q[i].low, "whats"))
        i++;
    if (i >= nq) return 0;
    static const char *const whose[] = {"my", "our", "the", "his", "her", "their", "your",
                                        NULL};
    for (i++; i < nq; i++) {
        size_t l = strlen(q[i].low);
        int of = l > 2 && !strcmp(q[i].low + l - 2, "'s");
        if (of && i + 1 < nq && understand_in_list(whose, q[i + 1].low))
            return 0;           /* "what town's my office in?": "town is", asked by kind */
        if (!understand_in_list(past, q[i].low) && !of) break;
    }
    int n = 0;
    for (; i < nq && n < 3 && quote_content_word(&q[i]) && !q[i].cap &&
           !understand_in_list(naming_words, q[i].low) && !quote_kin_word(&q[i]);
         i++)
        at[n++] = i;
    return n;
}

/* 1 when the sentence's word at j tells no particular one of what it is: it follows "a",
 * "an" or "another" (a few words of its own between, "at a tiny design agency", unless
 * kind: a kind asked is what those words tell, "a pastry chef"); and no name or number
 * follows its noun ("a warehouse in the valley", not "a dog, Rex", "a parking spot,
 * C22" or "a pub called X"), nor does a word with a capital or a number later in the
 * sentence ("a band with my mates, we're called X"). */
static int unnamed(const word_t *s, int ns, int j, int kind)
{
    static const char *const one[] = {"a", "an", "another", NULL};
    int h = j;          /* the end of its noun ("a parking spot, C22") */
    while (h + 1 < ns && s[h + 1].part == s[j].part && !s[h + 1].cap &&
           !lex_is_stopword(s[h + 1].low) && !quote_number_word(&s[h + 1]) &&
           !understand_in_list(naming_words, s[h + 1].low) && h - j < 2)
        h++;
    if (h + 1 < ns && (s[h + 1].part != s[h].part || s[h + 1].cap ||
                       quote_number_word(&s[h + 1]) ||
                       understand_in_list(naming_words, s[h + 1].low)))
        return 0;       /* ("a dog, Rex"; "a pub called X") */
    static const char *const town[] = {"in", "near", "outside", "from", NULL};
    static const char *const of_town[] = {"de", "des", "del", "di", "da", "du", "la", "le",
                                          NULL};
    int in_town = 0;
    for (int i = h + 1; i < ns; i++) {      /* nor a name or a number later in it ("a
                                             * band with my mates, we're called X", "a
                                             * choir in leeds (Northern Voices)"), but a
                                             * town it is in ("a firm in Lagos", "in
                                             * Ikeja, Lagos", "near the Place du Tertre") */
        int town_word = s[i].cap && (understand_in_list(town, s[i - 1].low) ||
                                     (i >= 2 && !strcmp(s[i - 1].low, "the") &&
                                      understand_in_list(town, s[i - 2].low)) ||
                                     (in_town && (s[i - 1].cap ||
                                                  understand_in_list(of_town, s[i - 1].low))));
        if (((s[i].cap && strcmp(s[i].low, "i") != 0) || quote_number_word(&s[i])) &&
            !town_word)
            return 0;
        in_town = town_word || (in_town && understand_in_list(of_town, s[i].low));
    }
    static const char *const being[] = {"as", "is", "was", "are", "be", NULL};
    for (int i = j - 1; i >= 0 && i >= j - 3 && s[i].part == s[j].part; i--) {
        if (understand_in_list(one, s[i].low))      /* (not what a thing named is said to
                                                     * be: "I keep bees as a hobby") */
            return (!kind || i == j - 1) && !(i > 0 && understand_in_list(being, s[i - 1].low));
                                                    /* ("what kind of nurse?": "a theatre nurse") */
        if (s[i].cap || lex_is_stopword(s[i].low) || quote_number_word(&s[i])) return 0;
    }
    return 0;
}

/* 1 when the question q[0..nq) asks which one of a thing (asked_which) and the sentence
 * s[0..ns) holds its words only where they tell no particular one (unnamed): "a
 * loader for a courier firm" does not say which firm. */
static int tells_none_of(const word_t *q, int nq, const word_t *s, int ns)
{
    static const char *const kinds[] = {"kind", "type", "sort", NULL};
    int at[3], n = asked_which(q, nq, at), held = 0, kind = 0;
    for (int i = 0; i < nq; i++) kind |= understand_in_list(kinds, q[i].low);
    for (int x = 0; x < n; x++)
        for (int j = 0; j < ns; j++) {
            if (!quote_same_word(&s[j], &q[at[x]])) continue;
            if (!unnamed(s, ns, j, kind)) return 0;
            held = 1;
        }
    return held;
}

/* 1 when the sentence fd found in t holds value as whole words. */
static int found_holds(const found_t *fd, const store_turn_t *t, const char *value)
{
    char said[QUOTE_SENTENCE + 1];
    snprintf(said, sizeof said, "%.*s", (int)fd->len, t[fd->turn].text + fd->from);
    return facts_has_words(said, value);
}

/* tells_none_of of question and the sentence fd found in t (s: scratch). */
static int found_tells_none(const char *question, const found_t *fd, const store_turn_t *t,
                            word_t *s)
{
    word_t q[QUOTE_WORDS];
    int nq = quote_words(question, strlen(question), q, QUOTE_WORDS);
    int ns = quote_words(t[fd->turn].text + fd->from, fd->len, s, QUOTE_WORDS);
    return tells_none_of(q, nq, s, ns);
}

/* 1 when the sentence s[0..ns) names something: a word written with a capital that does
 * not open it (name_like), or a word of naming ("called", "named", "name"), or a word
 * in quotes: "choir was so dull tonight" names nothing. */
static int names_something(const word_t *s, int ns, const char *text, size_t n)
{
    static const char *const naming[] = {"name", "names", "called", "named", "call", "calls",
                                         "brand", NULL};
    for (int i = 0; i < ns; i++)
        if ((i > 0 && quote_name_like(&s[i])) || understand_in_list(naming, s[i].low)) return 1;
    return memchr(text, '"', n) != NULL;
}

/* 1 when the yes/no question q[0..nq) asks of the past ("did I dance at ...?", "was I a
 * nurse?"): a sentence that says it ended ("before I retired") still says yes. */
static int asks_past(const word_t *q, int nq)
{
    static const char *const was[] = {"did", "was", "were", "had", NULL};
    return nq && understand_in_list(was, q[0].low);
}

/* 1 when the sentence s[0..ns) says no or not ("never", "don't"), not only that
 * something ended. */
static int negates(const word_t *s, int ns)
{
    static const char *const no[] = {"no", "not", "never", "nor", "neither", "t", NULL};
    for (int i = 0; i < ns; i++) {
        size_t l = strlen(s[i].low);
        if (understand_in_list(no, s[i].low) || (l > 3 && !strcmp(s[i].low + l - 3, "n't")))
            return 1;
    }
    return 0;
}

/* 1 when a content word of a is a kind of animal ("is Pepa a husky?"), which the
 * animal nearest its name tells, not the sentence. */
static int asks_a_kind(const asked_t *a)
{
    for (int k = 0; k < a->nk; k++)
        if (kinds_animal(a->k[k].low)) return 1;
    return 0;
}

/* 1 when a number the yes/no question q[0..nq) names goes in the sentence s[0..ns) with
 * another name than the question's: the name with a capital nearest before it ("is Esme
 * nine?" of "Hugo's nine and Esme's five"). */
static int number_of_another(const word_t *q, int nq, const word_t *s, int ns)
{
    int names = 0;      /* (a question that names no one: nothing to check) */
    for (int x = 0; x < nq; x++)
        names += q[x].cap && strcmp(q[x].low, "i") && !lex_is_stopword(q[x].low);
    for (int i = 1; i < nq && names; i++) {
        if (!quote_number_word(&q[i])) continue;
        for (int got = 0; got < ns; got++) {
            if (strcmp(s[got].low, q[i].low) != 0) continue;
            for (int j = got - 1; j >= 0; j--) {
                if (!s[j].cap || !strcmp(s[j].low, "i") || lex_is_stopword(s[j].low)) continue;
                char name[LEX_WORD_MAX];
                snprintf(name, sizeof name, "%s", s[j].low);
                size_t nl = strlen(name);
                if (nl > 2 && !strcmp(name + nl - 2, "'s")) name[nl - 2] = '\0';
                int asked = 0;
                for (int x = 0; x < nq && !asked; x++)
                    asked = q[x].cap && !strcmp(q[x].low, name);
                if (!asked) return 1;
                break;
            }
            break;
        }
    }
    return 0;
}

/* How strongly the sentence s[0..ns) bears out the names and numbers the yes/no
 * question q[0..nq) names ("is my dog called Pilot?", "is my son 5?", "did I row 3
 * seasons?"): 0 unless it holds every one of them and a word for whom the question asks
 * about, when that is not the user ("a Malinois called Pilot" is a dog's); else one for
 * each, two for a number with the word after it ("3 seasons") or a name of two words
 * ("Tour Divide") held as the question says them. */
static int named_held(const asked_t *a, const word_t *q, int nq, const word_t *s, int ns)
{
    int names = 0, whom = !a->nh;
    for (int i = 1; i < nq; i++) {
        int number = quote_number_word(&q[i]);
        if (!(q[i].cap && strcmp(q[i].low, "i")) && !number) continue;
        int got = -1;
        for (int j = 0; j < ns && got < 0; j++)
            if (!strcmp(s[j].low, q[i].low)) got = j;
        if (got < 0) return 0;
        int next = i + 1 < nq && got + 1 < ns && (number || q[i + 1].cap) &&
                   !strcmp(s[got + 1].low, q[i + 1].low);
        names += 1 + next;
    }
    for (int j = 0; j < ns && !whom; j++) whom = of_holder(a, &s[j]);
    return whom ? names : 0;
}

/* Notes what find_said found for question clause c into fd: for a yes/no question (or
 * one that opens as one, "is my ...?", "did I ...?"), no when the
 * sentence tells another value than it checks (tells_other), else yes when it holds all
 * of a's words, two at least or a name or a number, and neither denies nor wishes. s is
 * scratch. */
static void note_found(const understood_t *c, const char *question,
                       const asked_t *a, int best, const store_turn_t *t, word_t *s,
                       found_t *fd)
{
    word_t q[QUOTE_WORDS];
    int nq = quote_words(question, strlen(question), q, QUOTE_WORDS);
    int yesno = c->act == READER_YESNO || opens_yesno(q, nq);
    quote_goes_on(t[fd->turn].text, fd->from, &fd->len, yesno || a->zh ? NULL : s);
    int ns = quote_words(t[fd->turn].text + fd->from, fd->len, s, QUOTE_WORDS);
    fd->no = yesno && !a->zh &&
             (tells_other(q, nq, s, ns) || (best >= a->nk && says_not(a, q, nq, s, ns)));
    /* (one word is enough when it is a name or a number, "is the pony called Sable?", or
     * the job or the kind of animal asked of someone named: "is Ines a vet?") */
    int one = a->nk == 1 && !a->zh && (a->k[0].cap || quote_number_word(&a->k[0]) || a->job ||
                                        (!a->self && kinds_person(a->k[0].low)));
                        /* ("is my cousin a locksmith?" of "... he's a locksmith") */
    for (int i = 0; i < nq && a->breed[0] && !a->nk && !one; i++) {  /* "is Moss a whippet?" */
        const char *of = kinds_animal(q[i].low);
        if (!of || !strcmp(of, q[i].low)) continue;
        const word_t *near = nearest_kind(a, s, ns);
        one = near && !strcmp(near->low, q[i].low);
        fd->no |= near && !one;         /* "a corgi called Bramble and a husky called Sleet" */
    }
    int all = 0;        /* a question of a relation's words only: every word past its
                         * verb, two at least ("does my uncle live with us?" of "My
                         * uncle lives with us") */
    for (int i = 1; i < nq && !a->zh && yesno && !one && a->cued; i++) {
        if (lex_is_stopword(q[i].low)) continue;
        int held = 0;
        for (int j = 0; j < ns && !held; j++) held = quote_same_word(&s[j], &q[i]);
        all = held ? all + 1 : -nq;
    }
    int held = 0;       /* (the sentence's own count: best may be another's) */
    unsigned char at[QUOTE_WORDS] = {0};        /* where the sentence holds them */
    for (int k = 0; k < a->nk; k++)
        for (int j = 0, got = 0; j < ns; j++)
            if (quote_same_word(&s[j], &a->k[k]) || said_as(&a->k[k], &s[j])) {
                held += !got;
                got = at[j] = 1;
            }
    /* (the content words held too, unless the names and numbers say it well) */
    int strength = yesno && !a->zh && !asks_a_kind(a) ? named_held(a, q, nq, s, ns) : 0;
    int named = strength >= 2 || (strength && held >= a->nk);
    /* "do I still ride the Vespa?" of "the Vespa is gone": what is asked of now, ended */
    if (yesno && !a->zh && (held >= a->nk || strength) && quote_asks_now(question) &&
        quote_denies(s, ns))
        fd->no = 1;
    for (int j = 1; j < ns && yesno && a->self && a->nk == 1 && !named; j++)
        named = at[j] && (!strcmp(s[j - 1].low, "my") || !strcmp(s[j - 1].low, "our"));
                        /* "do I have asthma?" of "... my asthma" */
    fd->yes = yesno && !fd->no && !number_of_another(q, nq, s, ns) &&
              (((a->nk >= 2 || one) && best >= a->nk && held >= a->nk) || all >= 2 || named) &&
              (asks_past(q, nq) ? !negates(s, ns) : !quote_denies_held(s, ns, at)) &&
              !wishes(s, ns);
    if (fd->yes && !a->zh) {            /* "flew out to X for the harvest" lives not in X */
        char told[QUOTE_SENTENCE + 1];
        snprintf(told, sizeof told, "%.*s", (int)fd->len, t[fd->turn].text + fd->from);
        fd->yes = !understand_trip(told);
    }
    if (a->zh)          /* every character of a Chinese question, two at least, not denied */
        fd->yes = c->act == READER_YESNO && a->z.nch >= 2 && best >= a->z.nch &&
                  !quote_zh_denies(&a->z, t[fd->turn].text + fd->from, fd->len);
    fd->len += !fd->len;                /* found: never 0 below */
}

/* text[0..n) into buf (cap bytes), cut short of a character it cannot hold whole (UTF-8:
 * a reply is JSON, which takes no half character). */
static void whole_chars(char *buf, size_t cap, const char *text, size_t n)
{
    size_t cut = n < cap ? n : cap - 1;
    while (cut && cut < n && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;
    snprintf(buf, cap, "%.*s", (int)cut, text);
}

/* 1 when a question asks its relation plainly, as the kin quote (quote_kin.c) may
 * answer it: "what" of a job, "how old" of an age, "where" of a home, workplace or school,
 * "what"/"who" and a word of naming of a name; not "who do I stay with?", "how many hours
 * do I work?" or "what's her last name?". */
static int kin_asks(const char *question, int rel)
{
    static const char *const part[] = {"last", "surname", "middle", "full", "nickname",
                                       "maiden", "second", "first", NULL};
    switch (rel) {
    case READER_REL_JOB: return facts_has_words(question, "what") ||
                                facts_has_words(question, "what's") ||
                                facts_has_words(question, "whats");
    case READER_REL_AGE: return facts_has_words(question, "how old");
    case READER_REL_HOME: case READER_REL_WORKPLACE: case READER_REL_EMPLOYER:
    case READER_REL_SCHOOL:
        return facts_has_words(question, "where") || facts_has_words(question, "where's") ||
               facts_has_words(question, "wheres");
    case READER_REL_NAME:
        for (int i = 0; part[i]; i++)
            if (facts_has_words(question, part[i])) return 0;
        return facts_has_words(question, "name") || facts_has_words(question, "called");
    default: return 0;
    }
}

int quote_told(store_t *st, const char *user, const char *msg, const understood_t *u, int n,
               const facts_t *f, respond_t *p, agent_quoted_t *q)
{
    q->turn = 0;
    /* a question answered from facts that never said what it names may be answered
     * with the user's words instead */
    int alone = answered_alone(msg, u, n, p);
    /* a plan that handles nothing may still leave a question of when open (respond.h) */
    if (alone < 0 &&
        ((!p->handled && !p->ngap) || p->nw || p->nforget || (!p->ngap && !p->summarised)))
        return STORE_OK;
    const char *names[64];
    names_of(f, names, sizeof names / sizeof names[0]);
    store_turn_t *t = NULL;
    size_t nt = 0;
    said_t said = {NULL, 0, f, names, st, user, 0, STORE_OK, NULL, 0};
    int rc = STORE_OK;
    asked_t *a = malloc(sizeof *a);
    hidden_t *hid = malloc(sizeof *hid);
    word_t *s = malloc(QUOTE_WORDS * sizeof *s), *o = malloc(QUOTE_WORDS * sizeof *o);
    char *low = malloc(QUOTE_TEXT), *out = malloc(sizeof p->reply);
    found_t got[UNDERSTAND_MAX] = {{0}};
    int any = 0, covered = 0, when = 0;
    if (!a || !hid || !s || !o || !low || !out) {
        rc = STORE_ENOMEM;
        goto out;
    }
    char question[512], holder[2 * UNDERSTAND_KEY + 2];
    int was_alone = alone, newer_only = 0;
    if (alone >= 0) {       /* doubted only when a word it names is not in the answer */
        question_of(&u[alone], msg, f, question, sizeof question, holder, sizeof holder);
        asked_of(a, question, holder, u[alone].rel, names, 0);
        if (understand_chinese(question, strlen(question))) {  /* by its characters */
            a->zh = 1;
            quote_zh_asked(&a->z, question, strlen(question), names);
            if (u[alone].act != READER_QUESTION || !doubted_zh(a, f, p)) alone = -1;
        } else if (u[alone].act == READER_QUESTION && quote_span_asks(question) &&
                   !quote_span(question, p->answer, strlen(p->answer), got[0].span,
                               sizeof got[0].span)) {
            when = 1;       /* "what day is swimming?" answered "You like swimming" */
        } else if (!a->nk || a->age || a->cued || a->naming ||
                   !doubted(a, f, p, u[alone].rel, s, &covered,
                            u[alone].act == READER_QUESTION) ||
                   (u[alone].act == READER_YESNO && facts_has_words(question, "than"))) {
            alone = -1;     /* (words held say nothing of "is Maud older than Cyril?") */
        }
        /* a question answered from a fact may yet be answered by a newer change (only
         * that: the newest QUOTE_NEWER_TURNS of the user's turns are read for it) */
        if (alone < 0 && !a->zh && !when && u[was_alone].act == READER_QUESTION)
            alone = was_alone, newer_only = 1;
        if (alone < 0 && !p->ngap && !p->summarised) goto out;
    }
    rc = store_turns_said(st, user, newer_only && !p->ngap && !p->summarised
                                        ? QUOTE_NEWER_TURNS : QUOTE_TURNS, &t, &nt);
    if (rc != STORE_OK) goto out;
    said.t = t, said.nt = nt;
    for (int g = 0; g < p->ngap; g++) {
        if (p->gap[g].clause >= n) continue;
        const understood_t *c = &u[p->gap[g].clause];
        if (!p->gap[g].chat && (!c->personal ||
                                (c->act != READER_QUESTION && c->act != READER_YESNO)))
            continue;
        question_of(c, msg, f, question, sizeof question, holder, sizeof holder);
        asked_of(a, question, holder, c->rel, names, 0);
        if (understand_chinese(question, strlen(question))) {
            a->zh = 1;
            quote_zh_asked(&a->z, question, strlen(question), names);
        }
        /* may try the words of its relation: about someone, or with only the words of
         * a kind of value ("which town is home for me?") when nothing near it was said ("All
         * I know is that you work in Berlin" stands) */
        int kinds = a->self && kinds_only(a) && c->rel != READER_REL_JOB;  /* ("what's my
                                                  * profession?" is no firm worked at) */
        int may_cue = !a->zh && !a->cued && (!a->self || (kinds && !p->gap[g].partial));
        found_t *fd = &got[g];
        /* "who runs one of my food carts?": the sentence that does it, else the words */
        int best = find_said(a, &said, hid, s, low, &fd->turn, &fd->from, &fd->len);
        /* "who runs one of my food carts?": the sentence that does it, before any that only
         * holds the question's words (find_said read what forgetting hides); its sentence
         * stands, no newer change moves it */
        char doer[64] = "";
        size_t who_t, who_from, who_len;
        int who = !a->zh && (c->act == READER_QUESTION || p->gap[g].chat) &&
                  quote_who_said(&said, hid, s, o, question, &who_t, &who_from, &who_len, doer,
                                 sizeof doer);
        if (who) fd->turn = who_t, fd->from = who_from, fd->len = who_len, best += !best;
        if (!best && may_cue) {                 /* someone named: the words of the relation */
            asked_of(a, question, holder, c->rel, names, 1);
            a->placed = kinds;  /* (a kind of place asked: a place said after the words) */
            if (a->cued)
                best = find_said(a, &said, hid, s, low, &fd->turn, &fd->from, &fd->len);
        }
        if ((rc = said.rc) != STORE_OK) goto out;
        if (!best && a->self && !a->zh && c->act == READER_QUESTION &&
            (c->rel == READER_REL_JOB || c->rel == READER_REL_EMPLOYER ||
             c->rel == READER_REL_WORKPLACE ||
             (c->rel == READER_REL_HOME && facts_has_words(question, "based"))) &&
            quote_asks_work_only(question, s))
            best = quote_work_said(&said, hid, s, &fd->turn, &fd->from, &fd->len);  /* "I tune
                                                                  * nets for a living" */
        if (!best && !a->zh && c->act == READER_QUESTION && !a->amount &&
            kin_asks(question, c->rel))     /* "what does my cousin do?" of "... he's
                                             * finally a locksmith now" */
            best = quote_kin_said(&said, hid, s, a->self ? "self" : c->holder, c->rel,
                                  &fd->turn, &fd->from, &fd->len);
        if (!best) {
            /* "do I live in Quito?" of a user who never said Quito and told something of
             * the kind asked (told_of_kind): no; else it stays unknown ("do I climb?") */
            fd->unsaid = never_said(a, c, question, told_of_kind(f, c->holder, c->rel), t, nt);
            any |= fd->unsaid;
            continue;
        }
        if (c->act == READER_QUESTION && !a->zh) {     /* a name asked, none given; or
                                                 * which one, and none told */
            word_t q[QUOTE_WORDS];
            int nq = quote_words(question, strlen(question), q, QUOTE_WORDS);
            int ns = quote_words(t[fd->turn].text + fd->from, fd->len, s, QUOTE_WORDS);
            if ((asks_a_name(q, nq) &&
                 !names_something(s, ns, t[fd->turn].text + fd->from, fd->len)) ||
                tells_none_of(q, nq, s, ns)) {
                fd->len = 0;
                continue;
            }
        }
        note_found(c, question, a, best, t, s, fd);
        if (!fd->yes && !fd->no && never_said(a, c, question, 0, t, nt))
            fd->no = 1;                 /* "does my uncle live in Oslo?", Oslo never said */
        size_t was = fd->turn, wfrom = fd->from, wlen = fd->len;
        long count = -1;        /* how many now, by a count told or changed since */
        int moved = !who && !fd->yes && !fd->no && c->act != READER_YESNO && a->amount &&
                    quote_newer_count(a, &said, hid, s, t[fd->turn].created_ms,
                                      number_in(question, t[fd->turn].text + fd->from, fd->len),
                                      &fd->turn, &fd->from, &fd->len, &count);
        moved = moved || who || (!fd->yes && !fd->no && c->act != READER_YESNO &&
                    quote_newer_said(a, quote_asks_for_value(question), quote_asks_now(question), &said, hid,
                               s, o, &fd->turn, &fd->from, &fd->len));
        if (!moved && !fd->yes && !fd->no && c->act == READER_QUESTION && !a->zh &&
            !quote_trim_asks_past(question))    /* what holds now, changed since */
            moved = quote_newer_change(a, c->rel, quote_asks_for_value(question), &said, hid, s, o,
                                 t[fd->turn].created_ms, NULL, quote_asks_now(question), &fd->turn,
                                 &fd->from, &fd->len);
        if (!a->zh) quote_goes_back(t[fd->turn].text, &fd->from, &fd->len, s);
        if (!a->zh) trim_found(fd, t, question, c->act == READER_YESNO);
        size_t nsaid;
        const char *now_said = found_said(fd, t, &nsaid);
        if (!fd->yes && !fd->no && !a->zh)
            quote_span(question, now_said, nsaid, fd->span, sizeof fd->span);
        if (!fd->span[0] && !fd->yes && !fd->no && !a->zh && c->act == READER_QUESTION) {
            char whole[QUOTE_SENTENCE + 1], part[QUOTE_SENTENCE + 1];
            snprintf(whole, sizeof whole, "%.*s", (int)nsaid, now_said);
            if (quote_which(question, whole, strlen(whole), fd->span, sizeof fd->span, part,
                            sizeof part))   /* "Kes", of "... and Kes is a grey" */
                snprintf(fd->told, sizeof fd->told, "%s", part);
        }
        char told[QUOTE_SENTENCE + 1];
        snprintf(told, sizeof told, "%.*s", (int)wlen, t[was].text + wfrom);
        if (moved && fd->span[0] &&
            (facts_has_words(told, fd->span) || values_in(now_said, nsaid, s) > 1))
            fd->span[0] = '\0';    /* the value it replaced ("26 hens, not 30"), or one of
                                     * several ("sold 4 hens, down to 22 now") */
        if (count >= 0) snprintf(fd->span, sizeof fd->span, "%ld", count);
        if (who && doer[0]) snprintf(fd->span, sizeof fd->span, "%s", doer);
        for (int e = 0; e < g; e++)     /* one sentence answers two questions: said once */
            fd->dup |= got[e].len && got[e].turn == fd->turn && got[e].from == fd->from;
        if (!any++) {
            q->turn = t[fd->turn].id;
            snprintf(q->conversation, sizeof q->conversation, "%s", t[fd->turn].conversation);
        }
    }
    if (alone >= 0) {
        /* the one question answered from facts: when a word of its own (not the words
         * of its relation, cued) is in none of them and a sentence of the user's holds
         * more of its words, that sentence answers (the answer's own sentence when it
         * holds as many); what the plan said stands as an answer near it (partial) */
        const understood_t *c = &u[alone];    /* (a, question: read above; no gap since) */
        a->past = 1;            /* a fact stood for it: nothing it replaced is said */
        if (newer_only) memset(hid, 0, sizeof *hid);   /* (find_said fills it) */
        int best = newer_only ? 0
                              : find_said(a, &said, hid, s, low, &got[0].turn, &got[0].from,
                                          &got[0].len);
        if ((rc = said.rc) != STORE_OK) goto out;
        int yesno = c->act == READER_YESNO;
        /* a question of now answered from a fact that a newer sentence changes */
        const store_memory_t *from_fact = used_fact(f, p);
        int64_t since = 0;      /* ("how many cats now?": a count told again since) */
        long count = -1;
        int newer = !yesno && !a->zh && from_fact && !quote_trim_asks_past(question) &&
                    a->amount && quote_fact_since(&said, from_fact, &since) &&
                    quote_newer_count(a, &said, hid, s, since,
                                      number_in(question, p->answer, strlen(p->answer)),
                                      &got[0].turn, &got[0].from, &got[0].len, &count);
        newer = newer || (!yesno && !a->zh && from_fact && !quote_trim_asks_past(question) &&
                    quote_newer_change(a, c->rel, quote_asks_for_value(question), &said, hid, s, o, 0,
                                 from_fact, quote_asks_now(question), &got[0].turn, &got[0].from,
                                 &got[0].len));
        if (newer) best = covered + 1;
        else if (newer_only) best = 0;
        else if (!best && !covered && hid->asked && c->act == READER_QUESTION) {
            /* a fact that holds none of its words, of what the user asked to forget
             * ("which plot did we get?" after "forget the allotment news"): not known */
            realise_frame_t none = {c->holder, READER_REL_OPEN, "", NULL};
            realise_unknown(p->reply, sizeof p->reply, &none);
            p->answer[0] = '\0';
            p->nused = 0;
        }
        else if (best > covered && c->act == READER_QUESTION && !a->zh && from_fact &&
                 from_fact->value && found_holds(&got[0], t, from_fact->value) &&
                 found_tells_none(question, &got[0], t, s)) {
            /* the sentence with more of its words, which told the fact that answered,
             * says there is one, not which: "which firm does Ola work for?" of "Ola
             * works for a shipping firm in Gdynia" (Gdynia answered) */
            realise_frame_t none = {c->holder, c->rel, "", NULL};
            realise_unknown(p->reply, sizeof p->reply, &none);
            p->answer[0] = '\0';
            p->nused = 0;
            best = 0;
        }
        else if (best > covered) note_found(c, question, a, best, t, s, &got[0]);
        int moved = newer ||
                    (best > covered && !yesno && !got[0].yes && !got[0].no &&
                     quote_newer_said(a, quote_asks_for_value(question), quote_asks_now(question), &said, hid,
                                s, o, &got[0].turn, &got[0].from, &got[0].len));
        if (yesno && !got[0].yes) best = 0;     /* "no" stands unless the words say yes */
        if (best) trim_found(&got[0], t, question, yesno);
        size_t nsaid;
        const char *now_said = found_said(&got[0], t, &nsaid);
        if (when && (!best || !quote_span(question, now_said, nsaid, got[0].span,
                                          sizeof got[0].span)))
            best = 0;       /* the answer stands unless the words give the value asked */
        if (newer && !when) {   /* the value the newer sentence gives, not the plan's */
            got[0].span[0] = '\0';
            if (values_in(now_said, nsaid, s) <= 1)
                quote_span(question, now_said, nsaid, got[0].span, sizeof got[0].span);
            if (count >= 0) snprintf(got[0].span, sizeof got[0].span, "%ld", count);
        }
        const store_memory_t *own = best > covered && !yesno && !when && !moved
                                        ? answer_told(a, f, p, s, names, best) : NULL;
        if (own) {          /* the sentence that told the answer says it all */
            const char *ot = own->text;
            if (!quote_trim_asks_past(question) &&
                quote_trim(own->text, strlen(own->text), got[0].told, sizeof got[0].told))
                ot = got[0].told;       /* (less what it says was left) */
            realise_quote(p->reply, sizeof p->reply, ot, strlen(ot), 0);
            whole_chars(p->answer, sizeof p->answer, ot, strlen(ot));
        } else if (best > covered) {
            p->gap[0] = (respond_gap_t){alone, 0, strlen(p->reply), 1, 0};
            p->ngap = 1;
            p->nused = 0;
            any = 1;
            q->turn = t[got[0].turn].id;
            snprintf(q->conversation, sizeof q->conversation, "%s", t[got[0].turn].conversation);
        }
    }
    if (p->summarised) {
        past_of(&said);
        if ((rc = said.rc) != STORE_OK) goto out;
        summary_adds(p, f, said.past, said.npast, t, nt, hid, s, low);
    }
    /* each gap's words become the quote, the last first so the places before hold */
    for (int g = p->ngap - 1; any && g >= 0; g--) {
        const found_t *fd = &got[g];
        const respond_gap_t *gp = &p->gap[g];
        if (fd->unsaid && !fd->len && gp->from + gp->len <= strlen(p->reply)) {
            static const char no[] = "No, not as far as I know.";
            if (snprintf(out, sizeof p->reply, "%.*s%s%s", (int)gp->from, p->reply, no,
                         p->reply + gp->from + gp->len) < (int)sizeof p->reply) {
                memcpy(p->reply, out, sizeof p->reply);
                snprintf(p->answer, sizeof p->answer, "no");
                if (!gp->partial) p->unanswered--, p->answered++;
                p->kind = MODEL_KIND_ANSWER;
            }
            continue;
        }
        if (!fd->len || gp->from + gp->len > strlen(p->reply)) continue;
        size_t nsaid;
        const char *said = found_said(fd, t, &nsaid);
        char quote[sizeof p->reply];
        if (fd->dup) quote[0] = '\0';
        else if (fd->span[0]) realise_quote_value(quote, sizeof quote, fd->span, said, nsaid);
        else realise_quote(quote, sizeof quote, said, nsaid, fd->yes - fd->no);
        size_t from = gp->from, len = gp->len;
        if (!quote[0] && from && p->reply[from - 1] == ' ') from--, len++;
        if (snprintf(out, sizeof p->reply, "%.*s%s%s", (int)from, p->reply, quote,
                     p->reply + gp->from + gp->len) >= (int)sizeof p->reply)
            continue;                           /* no room: what the plan said stays */
        memcpy(p->reply, out, sizeof p->reply);
        if (!p->answer[0] || p->ngap == 1) {
            if (fd->yes || fd->no) snprintf(p->answer, sizeof p->answer, fd->yes ? "yes" : "no");
            else if (fd->span[0]) snprintf(p->answer, sizeof p->answer, "%s", fd->span);
            else whole_chars(p->answer, sizeof p->answer, said, nsaid);
        }
        if (gp->chat) p->answered++, p->handled = 1;
        else if (!gp->partial) p->unanswered--, p->answered++;
        p->kind = MODEL_KIND_ANSWER;
    }
out:
    free(a);
    free(hid);
    free(s);
    free(o);
    free(low);
    free(out);
    store_turns_free(t, nt);
    store_memories_free(said.past, said.npast);
    return rc;
}

/* Adds text[0..n) to p's texts to forget, in pieces that end before a space (or a whole
 * character) when it is longer than one holds; 0 when p has no room left for all. */
static int forget_piece(respond_t *p, const char *text, size_t n)
{
    const size_t cap = sizeof p->forget_text[0] - 1;
    while (n) {
        size_t k = n;
        if (k > cap) {
            k = cap;
            while (k > cap / 2 && text[k] != ' ') k--;
            if (text[k] != ' ')                 /* no space: a whole UTF-8 character */
                for (k = cap; k && ((unsigned char)text[k] & 0xC0) == 0x80; k--) {}
        }
        if (p->nforget_text >= (int)(sizeof p->forget_text / sizeof p->forget_text[0]))
            return 0;
        snprintf(p->forget_text[p->nforget_text++], sizeof p->forget_text[0], "%.*s", (int)k,
                 text);
        text += k, n -= k;
        while (n && *text == ' ') text++, n--;
    }
    return 1;
}

/* The parts of the sentence text[from, from + len) (between commas, colons, semicolons,
 * brackets and dashes) that hold a word hid hides, each added to p's texts to forget;
 * the request's words req[0..nreq) that one of them holds are marked in used. 1 when
 * one was found; -1 when p had no room left. s is scratch (QUOTE_WORDS words). */
static int forget_parts(const char *text, size_t from, size_t len, const hidden_t *hid,
                        const word_t *req, int nreq, int *used, word_t *s, respond_t *p)
{
    int found = 0;
    size_t b = from, end = from + len;
    for (size_t k = from; k <= end; k++) {
        int dash = k + 2 < end && !strncmp(text + k, "\xE2\x80\x94", 3);    /* — */
        if (k < end && !strchr(",:;()[]", text[k]) && !dash &&
            !(text[k] == '-' && k + 1 < end && text[k + 1] == ' '))
            continue;
        size_t pb = b, pe = k;
        b = k + (dash ? 3 : 1);
        if (dash) k += 2;
        while (pb < pe && isspace((unsigned char)text[pb])) pb++;
        while (pe > pb && isspace((unsigned char)text[pe - 1])) pe--;
        int ns = pe > pb ? quote_words(text + pb, pe - pb, s, QUOTE_WORDS) : 0;
        if (!ns || !quote_is_hidden(hid, s, ns)) continue;
        for (int r = 0; r < nreq; r++) {
            hidden_t one = {.n = 1};
            snprintf(one.stem[0], sizeof one.stem[0], "%s", req[r].stem);
            used[r] |= quote_is_hidden(&one, s, ns);
        }
        found = 1;
        if (!forget_piece(p, text + pb, pe - pb)) return -1;
    }
    return found;
}

int quote_forget_said(store_t *st, const char *user, const char *msg, respond_t *p)
{
    if (!p->forget_said || p->nforget) return STORE_OK;    /* (a fact forgotten: that) */
    enum { REQ = 16 };
    hidden_t *hid = calloc(1, sizeof *hid);
    word_t *s = malloc(QUOTE_WORDS * sizeof *s), req[REQ];
    store_turn_t *t = NULL;
    size_t nt = 0, at = 0, from, len;
    int rc = STORE_OK, asks, found = 0, nreq = 0, used[REQ] = {0}, mine[REQ] = {0};
    if (!hid || !s) {
        rc = STORE_ENOMEM;
        goto out;
    }
    /* what the request names (as find_said hides it), and those words for the reply */
    while (quote_next_sentence(msg, &at, &from, &len, &asks)) {
        int ns = quote_words(msg + from, len, s, QUOTE_WORDS);
        if (!quote_asks_to_forget(s, ns)) continue;
        int was_next = hid->next, was_n = hid->n;
        quote_hide_words(hid, s, ns);
        if (was_n) hid->next = was_next;        /* "... about X. Please forget it." */
        for (int i = 0; i < ns && nreq < REQ; i++)
            if (quote_named_word(&s[i])) {
                mine[nreq] = i > 0 && !strcmp(s[i - 1].low, "my");
                req[nreq++] = s[i];
            }
    }
    if (!hid->n && !hid->next) goto out;
    if ((rc = store_turns_said(st, user, QUOTE_TURNS, &t, &nt)) != STORE_OK) goto out;
    for (size_t i = 0; i < nt && found >= 0; i++) {     /* newest first (msg is not stored
                                                         * yet) */
        int asked = t[i].kind && !strcmp(t[i].kind, model_kind_name(MODEL_KIND_ANSWER));
        if (asked || !strcmp(t[i].text, STORE_REDACTED)) continue;
        if (hid->next && !hid->n) {         /* "forget that": the message told last */
            found = forget_piece(p, t[i].text, strlen(t[i].text));
            nreq = 0;
            break;
        }
        size_t a2 = 0;
        while (found >= 0 && quote_next_sentence_any(t[i].text, &a2, &from, &len, &asks)) {
            int ns = quote_words(t[i].text + from, len, s, QUOTE_WORDS);
            if (asks || quote_asks_to_forget(s, ns) || !quote_is_hidden(hid, s, ns)) continue;
            int got = forget_parts(t[i].text, from, len, hid, req, nreq, used, s, p);
            found = got < 0 ? -1 : found || got;
        }
    }
    if (found) {        /* "Done, I've forgotten what you told me about your knee." */
        char about[128] = "";
        size_t na = 0;
        for (int r = 0; r < nreq; r++) {
            int w = !used[r] ? 0 : snprintf(about + na, sizeof about - na, "%s%s%s",
                                            na ? " " : "", mine[r] ? "your " : "", req[r].low);
            if (w > 0 && (size_t)w < sizeof about - na) na += (size_t)w;
        }
        if (na) snprintf(p->reply, sizeof p->reply,
                         "Done, I've forgotten what you told me about %s.", about);
        else snprintf(p->reply, sizeof p->reply, "Done, I've forgotten that.");
        p->answer[0] = '\0';
    }
out:
    store_turns_free(t, nt);
    free(hid);
    free(s);
    return rc;
}
