/* checks_smalltalk.c: small talk (checks_internal.h): what another says or thinks,
 * opinions, the weather, the day's events and trips keep nothing but what lasts; a
 * Chinese remark read as a correction with no word of putting right is chat. Two phases
 * of checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/clauses.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/reader.h"

/* 1 when a clause gives an opinion or a mood, not a fact: a chat marker ("lol",
 * "ugh") or a word of judging ("the worst", "brutal"). (Not "tired", "hungry" and the
 * like: a bAbI story's "Sumit is tired" is why he goes to the bedroom.) */
static int opinion(const char *text)
{
    static const char *const words[] = {
        "lol", "lmao", "haha", "hahaha", "omg", "ugh", "tbh", "worst", "best", "brutal",
        "awful", "terrible", "horrible", "amazing", "great", "lovely", "grim", "nightmare",
        "insane", "mad", "crazy", "boring", "exhausting", "chaos", "ridiculous", "annoying",
        "hilarious", "gorgeous", "stunning", "rubbish", "pain", "killing", "unreal",
        "unbelievable", "incredible", "beautiful", "epic", "wild", "surreal", "fab",
        "magic", "dreadful", "miserable", "exhausted", "dead", "paining", "sad",
        "wonderful", "bliss", "shocking", "mid", "robbed", "smh", "ngl",
        "hahaha", "jaja", "jajaja", "long day", "hurts", "ugh", "ufff", "sigh", NULL};
    for (int i = 0; words[i]; i++)
        if (facts_has_words(text, words[i])) return 1;
    return 0;
}

/* 1 when text has someone say or think what follows ("my aunt keeps saying ...", "the
 * missus reckons ...", "Ana thinks ..."; one named or a word for someone right before a
 * verb in the present, not "I think" nor "he said he's 74"), and value is not said
 * before it: empty, the verb itself, or within nine words after it and no comma. */
static int hearsay(const char *text, const char *value)
{
    static const char *const now[] = {"says", "reckons", "thinks", "swears", "claims",
                                      "insists", "believes", "keeps saying", "keep saying",
                                      "keeps telling", "is convinced", "always says", NULL};
    const char *verb = NULL;
    for (int k = 0; now[k] && !verb; k++) verb = checks_word_at(text, now[k]);
    if (!verb || verb == text) return 0;
    char before[24];
    checks_word_before(text, verb, before, sizeof before);
    const char *b = verb;               /* (where the word before starts, for its capital) */
    while (b > text && b[-1] == ' ') b--;
    while (b > text && b[-1] != ' ') b--;
    if (!checks_someone_word(before) && !understand_pronoun(before) &&
        !(isupper((unsigned char)*b) && strcmp(before, "i") != 0))
        return 0;
    static const char *const mine[] = {"i", "we", "you", NULL};
    if (understand_in_list(mine, before)) return 0;
    /* "my GP says I'm allergic to kiwi", "the vet says my dog has ...": what is said of
     * the user is theirs (not "says I should ...") */
    static const char *const of_me[] = {"i'm", "im", "i am", "i have", "i've", "ive", "my",
                                        "that i'm", "that i have", "that my", NULL};
    const char *after = verb;
    while (*after && *after != ' ') after++;
    if (!strncmp(verb, "keeps ", 6) || !strncmp(verb, "keep ", 5) || !strncmp(verb, "is ", 3) ||
        !strncmp(verb, "always ", 7))
        for (after++; *after && *after != ' '; after++) {}
    while (*after == ' ') after++;
    for (int k = 0; of_me[k]; k++) {
        size_t l = strlen(of_me[k]);
        if (!strncasecmp(after, of_me[k], l) && (!after[l] || after[l] == ' ')) return 0;
    }
    if (!value[0]) return 1;
    const char *at = checks_word_at(text, value);
    if (at && at < verb) return 0;
    int words = 0;                      /* (words from the verb to the value, in its
                                         * clause: "he thinks he's a striker, anyway I
                                         * was a nurse" tells the user's job) */
    for (const char *p = verb; at && p < at; p++) {
        if (strchr(",;:.!?", *p)) return 0;
        words += *p == ' ';
    }
    return !at || words <= 9;
}

/* 1 when a Chinese clause says a word that puts right or tells news (不对, 其实, 现在,
 * 搬, 换 ...): a correction in Chinese says one. */
static int zh_righting(const char *text)
{
    static const char *const words[] = {"不对", "不是", "说错", "其实", "改", "换", "搬",
                                        "现在", "已经", "不再", "错了", "更正", "应该", "纠正",
                                        "辞职", "分手", "离开", "新", "刚", "终于", "以前",
                                        "原来", "不在", "退休", "升", NULL};
    for (int i = 0; words[i]; i++)
        if (strstr(text, words[i])) return 1;
    return 0;
}

int checks_hearsay(checks_clause_t *c, understood_t *u)
{
    if (u->name[0] && hearsay(c->text, u->name)) u->name[0] = '\0';   /* ("reckons") */
    if (u->act != READER_FACT || !hearsay(c->text, u->value)) return 0;
    u->act = READER_SMALLTALK;
    return 1;
}

/* Small talk: opinions, the weather, the day's events and trips keep nothing but what
 * lasts. */
int checks_smalltalk_of_the_day(checks_clause_t *c, understood_t *u)
{
    const facts_t *f = c->f;
    const char *msg = c->msg;
    /* "今天好冷啊，零下五度" read as a correction: one in Chinese that says no word of
     * putting right nor of news, and whose value its relation cannot hold or its words do
     * not tell, is chat */
    if (u->act == READER_CORRECTION && checks_ideographs(c->text) && !zh_righting(c->text) &&
        (!u->value[0] || !checks_fits(u->rel, u->holder, u->value) ||
         !checks_cued(u->rel, u->holder, u->value, c->text)))
        u->act = READER_SMALLTALK;
    const char *text = c->text;
    /* "sorry, I ramble": a word in lower case right after "I" is what the user does,
     * never their name (not "I'm", "I am": "i'm ola" may be typed so) */
    if ((u->act == READER_FACT || u->act == READER_CORRECTION) && u->rel == READER_REL_NAME &&
        !strcmp(u->holder, "self") && u->value[0] >= 'a' && u->value[0] <= 'z') {
        char did[sizeof u->value + 4];
        snprintf(did, sizeof did, "i %s", u->value);
        const char *at = checks_word_at(text, did);
        if (at && (at[0] == 'I' || at[0] == 'i') && at[1] == ' ') u->act = READER_SMALLTALK;
    }
    /* an opinion with no fact of the user's in it ("rush hour traffic is the worst",
     * "quarter end at the office is brutal lol") is small talk, not a story's line either */
    if (u->act == READER_FACT && !u->name[0] && opinion(text) &&
        (!u->personal || !u->value[0] || !checks_fits(u->rel, u->holder, u->value)))
        u->act = READER_SMALLTALK;
    /* a message of the weather, or of the day told with a mood ("-14 this morning. The
     * van wouldn't start.", "long day today, my ankles are dead"), keeps nothing the
     * reader finds no value in, or one its words do not tell */
    if (u->act == READER_FACT && !u->name[0] &&
        (understand_weather(msg) || (understand_of_the_day(msg) && opinion(msg))) &&
        (!u->value[0] || !checks_fits(u->rel, u->holder, u->value) ||
         !checks_cued(u->rel, u->holder, u->value, text)))
        u->act = READER_SMALLTALK;
    /* a message of the day ("Today a cyclist crashed ...", "the ferry was late this
     * morning") tells what happened: it keeps only a name of the user's people or pets, an
     * age of theirs or the user's own, the user's name or job said of themselves ("I'm
     * Rosa", "I'm a translator"), and a home, a job, a place of work or a thing had that
     * it says began ("started at X today", "we moved in yesterday") */
    char sentence[512];                 /* the clause's sentence in msg */
    size_t sb, se;
    clauses_sentence(msg, u->at, u->len, &sb, &se);
    snprintf(sentence, sizeof sentence, "%.*s", (int)(se - sb), msg + sb);
    static const char *const days[] = {"today", "tonight", "this morning", "this afternoon",
                                       "this evening", "yesterday", "last night", NULL};
    int of_day = 0;
    for (int k = 0; days[k] && !of_day; k++) of_day = facts_has_words(sentence, days[k]);
    /* (a user's telling only, one who says "I" or has told of themselves or theirs: a
     * story's "Yesterday Mary went to the garden" is kept for the memory network) */
    static const char *const mine[] = {"i", "i'm", "im", "i've", "ive", "my", "me", "we",
                                       "we're", "our", "us", NULL};
    int own = 0;            /* (or has told of themselves or theirs before) */
    for (int k = 0; mine[k] && !own; k++) own = facts_has_words(msg, mine[k]);
    for (size_t k = 0; k < f->n && !own; k++)
        own = f->v[k].holder &&
              (!strcmp(f->v[k].holder, "self") || checks_someone_word(f->v[k].holder));
    if (u->act == READER_FACT && of_day && own && !checks_ideographs(text) &&
        !facts_has_words(sentence, "now") && !facts_has_words(sentence, "as of today")) {
        static const char *const began[] = {"started", "starting", "start", "new", "joined",
                                            "hired", "first day", "promoted", "moved",
                                            "moving", "bought", "got", "adopted", "turned",
                                            "turns", "born", "switched", "quit", "left",
                                            NULL};
        static const char *const aged[] = {"i'm", "im", "i am", "i turned", "i turn",
                                           NULL};
        int kin = strcmp(u->holder, "self") != 0 && (checks_someone_word(u->holder) ||
                                                     kinds_animal(u->holder) ||
                                                     facts_find(f, u->holder, NULL, NULL));
        int begins = 0;
        for (int k = 0; began[k] && !begins; k++) begins = facts_has_words(text, began[k]);
        static const char *const named[] = {"i'm", "im", "i am", "my name", "name's",
                                            "names", "call me", NULL};
        static const char *const working[] = {"i'm a", "im a", "i am a", "i'm an", "im an",
                                              "i am an", "i work as", NULL};
        int keeps = ((u->rel == READER_REL_NAME || u->rel == READER_REL_AGE) && kin) ||
                    (u->rel == READER_REL_NAME && !strcmp(u->holder, "self") &&
                     checks_holds_any(text, named)) ||      /* ("I'm Rosa, stuck at home
                                                             * today") */
                    (u->rel == READER_REL_JOB && !strcmp(u->holder, "self") &&
                     checks_holds_any(text, working)) ||    /* ("(I'm a translator)") */
                    (u->rel == READER_REL_AGE && !strcmp(u->holder, "self") &&
                     checks_holds_any(sentence, aged)) ||   /* ("I'm 42 today!") */
                    (begins && u->rel != READER_REL_OPEN) || u->name[0] ||
                    !strcmp(u->relation, "number") ||   /* ("down to six geese") */
                    !strcmp(u->relation, "studies") ||  /* ("... last night: he's decided
                                                         * on law") */
                    !strcmp(u->relation, REALISE_WANTS_TO_BE);
        if (!keeps) u->act = READER_SMALLTALK;
    }
    /* nor puts right what it does not name ("it's 31 degrees, ferns were not made for
     * this" read as a correction of nothing to 31) */
    if (u->act == READER_CORRECTION && u->rel == READER_REL_OPEN && !u->relation[0] &&
        !strcmp(u->holder, "self") && understand_weather(msg)) {
        u->act = READER_SMALLTALK;
        u->value[0] = u->old[0] = '\0';
    }
    /* "today i cooked bibimbap", "danced at a ceilidh last week": a relation of the
     * reader's own words told of a day or a week just gone is what happened, not what
     * lasts (but "... so now I have 11 alpacas" is); and a message that opens with a trip
     * ("went to oban for a funeral, ...") tells of the trip, unless it names a school or
     * one of the user's people or pets */
    int named_kin = u->rel == READER_REL_NAME &&
                    (understand_kin(u->holder) || dialogue_pet_word(u->holder));
    if (u->act == READER_FACT && !u->name[0] && own && !u->settled &&
        ((u->rel == READER_REL_OPEN && understand_lately(text) &&
          !facts_has_words(text, "now") && strcmp(u->relation, "number") != 0) ||
         (understand_trip(msg) && !named_kin && !facts_has_words(text, "school") &&
          !facts_has_words(text, "uni") && !facts_has_words(text, "university") &&
          !facts_has_words(text, "college"))))
        u->act = READER_SMALLTALK;
    return 0;
}
