/* checks_forget.c: forget requests (checks_internal.h): said in words, what they name,
 * "forget it" of the clause before; tasks refused only when asked. Phases of
 * checks_clause (checks.c). */
#include "agent/checks_internal.h"
#include "agent/forms.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lexical.h"
#include "model/reader.h"

/* 1 when a clause says to forget, delete or not remember: a forget request deletes, so
 * it must say so ("she's destroying everything in the garden" read as one deletes
 * nothing). */
static int says_forget(const char *text)
{
    static const char *const stems[] = {"forget", "delete", "remove", "erase", "wipe",
                                        "remember", "unlearn", "scratch", "memory", "drop", "忘",
                                        "删", "清除", NULL};
    return checks_has_part(text, stems) || forms_zh_forgets(text, strlen(text));
}

/* 1 when the whole word w (lower case) is in text other than right after a verb in the
 * past or in -ing, or such a verb and a word of where: "sent me", "told you", "picked me
 * up", "sat on me", "keeps texting me" tell what happened, they ask nothing. */
static int asked_word(const char *text, const char *w)
{
    static const char *const past[] = {"sent", "told", "gave", "got", "made", "took", "brought",
                                       "left", "let", "showed", "drove", "taught", "kept",
                                       "met", "saw", "bought", "caught", "paid", "found",
                                       "lent", "rang", "woke", "threw", "put", "sat", "fell",
                                       "bit", "hit", "ran", "spat", "stood", "came", "said",
                                       NULL};
    static const char *const where[] = {"on", "at", "to", "with", "into", "onto", "over",
                                        "behind", NULL};
    size_t n = strlen(w);
    for (const char *p = text; *p; p++) {
        if (strncasecmp(p, w, n) != 0 || (p > text && isalnum((unsigned char)p[-1])) ||
            isalnum((unsigned char)p[n]))
            continue;
        const char *e = p;      /* the word before */
        while (e > text && e[-1] == ' ') e--;
        const char *b = e;
        while (b > text && isalpha((unsigned char)b[-1])) b--;
        char prev[16];
        size_t k = (size_t)(e - b);
        if (k == 0 || k >= sizeof prev) return 1;
        for (size_t j = 0; j < k; j++) prev[j] = (char)tolower((unsigned char)b[j]);
        prev[k] = '\0';
        if (checks_in_words(where, prev)) {        /* the verb before "on me" */
            e = b;
            while (e > text && e[-1] == ' ') e--;
            b = e;
            while (b > text && isalpha((unsigned char)b[-1])) b--;
            k = (size_t)(e - b);
            if (k == 0 || k >= sizeof prev) return 1;
            for (size_t j = 0; j < k; j++) prev[j] = (char)tolower((unsigned char)b[j]);
            prev[k] = '\0';
        }
        int told = (k > 3 && !strcmp(prev + k - 2, "ed")) ||
                   (k > 4 && !strcmp(prev + k - 3, "ing"));     /* "keeps texting me" */
        for (int i = 0; past[i] && !told; i++) told = !strcmp(prev, past[i]);
        if (!told) return 1;
    }
    return 0;
}

/* 1 when a clause only names a thing of the user's, with no verb: "my girlfriend's name",
 * "and our address" (up to six words). */
static int thing_alone(const char *text)
{
    static const char *const owners[] = {"my", "our", "and", NULL};
    static const char *const verbs[] = {"is", "are", "was", "were", "am", "has", "have",
                                        "had", "do", "does", "did", "i'm", "im", "we're",
                                        "i've", "ive", "it's", "its", "be", NULL};
    char w[16];
    int n = 0, first = 1;
    for (const char *p = text; *p;) {
        while (*p && !isalpha((unsigned char)*p)) p++;
        if (!*p) break;
        size_t k = 0;
        while ((isalpha((unsigned char)*p) || *p == '\'') && k + 1 < sizeof w)
            w[k++] = (char)tolower((unsigned char)*p++);
        while (isalpha((unsigned char)*p) || *p == '\'') p++;
        w[k] = '\0';
        if (first && !checks_in_words(owners, w)) return 0;
        if (checks_in_words(verbs, w) || ++n > 6) return 0;
        first = 0;
    }
    return n >= 2;
}

/* 1 when a clause asks something of mnemo: a question, a word of asking ("can you",
 * "me", "please"; not "sent me") or a verb of bidding first ("book a table", "turn on the
 * lights"). "big news", "the twins are here" ask nothing, so nothing is refused. */
static int requests(const char *text)
{
    static const char *const asking[] = {"you", "u", "me", "please", "pls", "can", "could",
                                         "would", "will", "need", "want", "help", NULL};
    static const char *const bidding[] = {"write", "book", "order", "buy", "call", "text",
                                          "email", "translate", "set", "make", "play", "put",
                                          "solve", "calculate", "turn", "switch", "drive",
                                          "pick", "find", "recommend", "draw", "paint", "sing",
                                          "tell", "send", "remind", "schedule", "check",
                                          "look", "get", "show", "read", "open", NULL};
    static const char *const polite[] = {"please", "pls", "plz", NULL};
    char w[8];
    size_t n = 0;
    while (n + 1 < sizeof w && isalpha((unsigned char)text[n]))
        w[n] = (char)tolower((unsigned char)text[n]), n++;
    w[n] = '\0';
    if (!isalpha((unsigned char)text[n]) && !strpbrk(text + n, "abcdefghijklmnopqrstuvwxyz") &&
        checks_in_words(polite, w))
        return 0;                       /* "please" alone, after a comma ("..., please?") */
    if (checks_asks(text) || checks_opens_question(text) || (unsigned char)text[0] >= 0x80)
        return 1;
    static const char *const whose[] = {"my", "our", NULL};
    static const char *const bid[] = {"you", "u", "please", "pls", "plz", NULL};
    if (checks_in_words(whose, w) && !checks_holds_any(text, bid))
        return 0;                       /* "my niece fixed the boiler for us" tells */
    for (int i = 0; asking[i]; i++)
        if (asked_word(text, asking[i])) return 1;
    while (*text && !isalpha((unsigned char)*text)) text++;
    for (int i = 0; bidding[i]; i++) {
        size_t n = strlen(bidding[i]);
        if (!strncasecmp(text, bidding[i], n) && !isalpha((unsigned char)text[n])) return 1;
    }
    return 0;
}

/* 1 when a word of value names a topic a request to forget may name ("medical",
 * "money": understand_topic_tells). */
static int names_topic(const char *value)
{
    char buf[UNDERSTAND_VALUE];
    const char *w[16];
    int n = understand_split_words(value, " ", buf, sizeof buf, w, 16);
    for (int i = 0; i < n; i++)
        if (understand_topic_tells(w[i])) return 1;
    return 0;
}

/* 1 when a clause bids mnemo drop something ("scrap the address", "don't keep my
 * address", "I'd rather you didn't store that"): a verb of keeping denied with no one but
 * mnemo before it, then what it holds ("my", "it", "that" ...), or "scrap", "scrub" or
 * "ditch" opening the clause before one; not "I don't keep chickens", "we don't keep my
 * bike in the shed", "I scrub the floors", which tell. */
static int bids_to_drop(const char *text)
{
    static const char *const no[] = {"don't", "dont", "didn't", "didnt", "not", NULL};
    static const char *const keep[] = {"keep", "store", "save", NULL};
    static const char *const what[] = {"my", "it", "that", "this", "those", "any", "our",
                                       "the", "anything", "everything", NULL};
    static const char *const who[] = {"i", "we", "they", "he", "she", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int i = 0; i + 1 < n; i++) {
        static const char *const lead[] = {"so", "and", "just", "please", "pls", "ok", "oh",
                                           "actually", "also", "now", NULL};
        static const char *const scrap[] = {"scrap", "scrub", "ditch", NULL};
        if (understand_in_list(scrap, w[i]) && understand_in_list(what, w[i + 1]) &&
            (i == 0 || understand_in_list(lead, w[i - 1])))  /* (not "I scrub the floors") */
            return 1;
        /* "you can drop the phone number": leave to forget given to the listener */
        if (i + 2 < n && !strcmp(w[i], "you") && !strcmp(w[i + 1], "can") &&
            understand_in_list(understand_forget_verbs, w[i + 2]) && i + 3 < n &&
            understand_in_list(what, w[i + 3]))
            return 1;
        size_t l2 = i + 2 < n ? strlen(w[i + 2]) : 0;  /* (or whose: "Mirela's birthday") */
        static const char *const stuff[] = {"things", "stuff", "info", "information",
                                            "details", "data", "bits", NULL};
        if (!understand_in_list(no, w[i]) || !understand_in_list(keep, w[i + 1]) || i + 2 >= n ||
            !(understand_in_list(what, w[i + 2]) || (l2 > 2 && !strcmp(w[i + 2] + l2 - 2, "'s")) ||
              (i + 3 < n && understand_in_list(stuff, w[i + 3]))))   /* ("health things") */
            continue;
        int at = i > 0 && !strcmp(w[i], "not") ? i - 1 : i;  /* ("do not keep") */
        if (at > 0 && understand_in_list(who, w[at - 1]))
            continue;           /* "I don't keep my bike ..." tells */
        return 1;
    }
    return 0;
}

/* 1 when a clause asks mnemo to forget ("can you forget what age I am?", "please just
 * forget him", "scratch the bit about my ex from your memory"), not whether it did
 * ("did you forget it?") nor that the user forgets ("I always forget my keys"). */
static int asks_to_forget(const char *text)
{
    static const char *const asks[] = {"can you forget", "could you forget", "can u forget",
                                       "would you forget", "will you forget", "could u forget",
                                       "please forget", "pls forget", "forget about",
                                       "just forget", "forget what i", "drop what i",
                                       "delete what i", "remove what i", "erase what i",
                                       "wipe what i", "scratch what", "scratch the",
                                       "scratch my", "scratch all", "scratch everything",
                                       "from your memory", "out of your memory",
                                       "no need to keep", "no need to store",
                                       "no need to remember", "stop remembering",
                                       "forget i mentioned", "forget i said", "forget i told",
                                       "forget i ever", "forget that i",
                                       "rather you forgot", "rather you forget",
                                       "rather you didn't keep", "prefer you forgot",
                                       "prefer you forget", "prefer you didn't keep",
                                       "wish you'd forget", "want you to forget",
                                       "like you to forget", "need you to forget", NULL};
    char low[512];
    size_t k = 0;
    for (; text[k] && k + 1 < sizeof low; k++) low[k] = (char)tolower((unsigned char)text[k]);
    low[k] = '\0';
    for (int i = 0; asks[i]; i++)
        if (strstr(low, asks[i])) return 1;
    if (understand_asks_forget_phrase(low)) return 1;   /* "ignore what I said about ..." */
    /* "so forget him", "Disregard my pin code", "Erase it.": a verb of
     * forgetting that opens the clause (or follows "so", "and", "just" ...) before what
     * it drops; not "I forget my keys", "don't forget", "delete the app" */
    static const char *const lead[] = {"so", "and", "just", "please", "pls", "then", "ok",
                                       "okay", "now", "also", "oh", "actually", NULL};
    static const char *const what[] = {"him", "her", "them", "it", "that", "this", "those",
                                       "my", "our", "about", "what", "where", "everything",
                                       "all", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    static const char *const doers[] = {"i", "we", "you", "they", "he", "she", NULL};
    for (int j = 0; j + 1 < n; j++)
        if (understand_in_list(understand_forget_verbs, w[j]) && strcmp(w[j], "drop") &&
            (j == 0 || understand_in_list(lead, w[j - 1]) ||
             (!strcmp(w[j - 1], "do") &&        /* "and do forget my age" (not "I do") */
              (j == 1 || !understand_in_list(doers, w[j - 2])))) &&
            (understand_in_list(what, w[j + 1]) ||
             (!strcmp(w[j + 1], "the") && (!strcmp(w[j], "forget") || !strcmp(w[j], "disregard")))))
            return 1;
    return bids_to_drop(text);
}

/* 1 when text tells of the user's own forgetting ("in case I forget", "before I forget",
 * "don't forget", "I keep forgetting") and not a request ("forget ...", "can you
 * forget ..."), unless a request to forget opens it. */
static int forgetting_told(const char *text)
{
    static const char *const told[] = {"i forget", "i'll forget", "i might forget",
                                       "i always forget", "i keep forgetting", "i forgot",
                                       "don't forget", "dont forget", "i'd forget",
                                       "we forget", "i am forgetting", "i'm forgetting",
                                       "im forgetting", "i do forget", NULL};
    for (int i = 0; told[i]; i++)
        if (facts_has_words(text, told[i])) return strncasecmp(text, "forget", 6) != 0;
    /* "everyone forgets their umbrella", "I'm starting to forget what a lie-in feels
     * like", "he never lets me forget it": a forgetting of someone's, one that comes on
     * or one denied, never a request */
    static const char *const whose[] = {"everybody", "everyone", "people", "nobody",
                                        "somebody", "someone", "he", "she", "they", "always",
                                        "often", "sometimes", "never", "usually", "me",
                                        "us", "won't", "wont", "can't", "cant", "didn't",
                                        "didnt", "not", NULL};
    static const char *const coming[] = {"beginning", "starting", "begin", "start", "tend",
                                         "tends", "going", "easy", "hard", "used", NULL};
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?()", buf, sizeof buf, w, 64);
    for (int k = 0; k < n; k++) {
        if (strcmp(w[k], "forget") && strcmp(w[k], "forgets") && strcmp(w[k], "forgetting"))
            continue;
        if (!strcmp(w[k], "forgets") || (k > 0 && understand_in_list(whose, w[k - 1])) ||
            (k > 1 && !strcmp(w[k - 1], "to") && understand_in_list(coming, w[k - 2])))
            return 1;
    }
    return 0;
}

/* Refusals and forget requests: nothing is refused that was not asked; a request to forget
 * said in words. */
int checks_forget_asked(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    if (u->act == READER_UNABLE && !requests(text))
        u->act = READER_SMALLTALK;      /* nothing is refused that was not asked */
    if (((u->act == READER_QUESTION || u->act == READER_YESNO || u->act == READER_SMALLTALK ||
          u->act == READER_SUMMARY || u->act == READER_CORRECTION ||
          u->act == READER_UNABLE) && asks_to_forget(text)) ||
        (u->act == READER_FACT && bids_to_drop(text)) ||
        (u->act == READER_FACT && u->act_p < u->fact_min_p && asks_to_forget(text))) {
        if (u->act == READER_CORRECTION)    /* ("ok scrap the postcode": no value) */
            u->value[0] = u->old[0] = '\0';
        if (!u->relation[0] || !facts_has_words(text, u->relation)) {
            u->rel = READER_REL_OPEN;       /* "don't keep my health stuff" names no job */
            u->relation[0] = '\0';
        }
        u->act = READER_FORGET;     /* ("scratch what I said about my bike") */
    }
    return 0;
}

/* What a forget request names: said in words, not "in case I forget", a topic, "my" and a
 * relation word. */
int checks_forget_named(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    const facts_t *f = c->f;
    if (u->act == READER_FORGET && !says_forget(text) && !asks_to_forget(text))
        u->act = READER_SMALLTALK;      /* nothing is deleted unless asked in words */
    if (u->act == READER_FORGET && forgetting_told(text) && !asks_to_forget(text))
        u->act = READER_SMALLTALK;      /* "in case I forget by Friday" asks no one */
    if (u->act == READER_FORGET && names_topic(u->value)) {
        u->value[0] = u->relation[0] = '\0';   /* "my health stuff": a topic, no job */
        u->rel = READER_REL_OPEN;
    }
    /* "drop my boys' names, the wife would rather not": whose the request names
     * with "my" is whom it forgets, not one named after it in an aside */
    const char *mine = u->act == READER_FORGET && strcmp(u->holder, "self") != 0
                           ? checks_word_at(text, "my") : NULL;
    if (mine) {
        char who[UNDERSTAND_KEY], key[UNDERSTAND_KEY], next[16];
        const char *after = checks_word_after(mine + 2, who, sizeof who);
        size_t wl = strlen(who);
        if (wl > 2 && !strcmp(who + wl - 2, "'s")) who[wl - 2] = '\0';
        else if (wl > 1 && who[wl - 1] == '\'') who[wl - 1] = '\0';
        understand_holder_of(who, key, sizeof key);
        checks_word_after(after, next, sizeof next);
        const char *said = checks_word_at(text, u->holder);
        if (strcmp(key, "self") != 0 && strcmp(key, u->holder) != 0 &&
            (understand_kin(key) || understand_group_key(key)) && said && said >= after) {
            snprintf(u->holder, sizeof u->holder, "%s", key);
            int names = !strcmp(next, "names") || !strcmp(next, "name");
            u->rel = names ? READER_REL_NAME : READER_REL_OPEN;
            snprintf(u->relation, sizeof u->relation, "%s",
                     names ? reader_rel_name(READER_REL_NAME) : "");
            u->value[0] = '\0';
        }
    }
    /* "and please forget my age as well, no idea why": "my" and a word of a relation name what is
     * forgotten, whatever else the reader read ("idk" as a name) */
    const char *my_rel = u->act == READER_FORGET && !strcmp(u->holder, "self")
                             ? checks_word_at(text, "my") : NULL;
    if (my_rel) {
        char rel_word[UNDERSTAND_KEY];
        checks_word_after(my_rel + 2, rel_word, sizeof rel_word);
        int named_rel = rel_word[0] ? understand_rel_word(rel_word) : READER_REL_OPEN;
        if (named_rel != READER_REL_OPEN && named_rel != u->rel)
            checks_settle(u, READER_FORGET, "self", named_rel, NULL, "");
        /* "wipe everything about my ex": "my" and a word for someone, or for one the
         * user told of, with no relation read forgets that one, never all the user told */
        char key[UNDERSTAND_KEY];
        understand_holder_of(rel_word, key, sizeof key);
        if (named_rel == READER_REL_OPEN && !u->relation[0] && key[0] &&
            (understand_kin(key) || dialogue_pet_word(key) || checks_someone_word(key) ||
             facts_find(f, key, NULL, NULL))) {
            snprintf(u->holder, sizeof u->holder, "%s", key);
            u->rel = READER_REL_OPEN;
            u->value[0] = '\0';
        }
    }
    /* "把我老公的事删了": a kin word and only 那条, 的事 ... after it forgets all of
     * that one's */
    static const char *const that[] = {"", "那条", "那个", "的事", "的事情", "的信息", "那些",
                                       "的所有", NULL};
    const char *v = u->value;
    if (u->act == READER_FORGET && !strcmp(u->holder, "self") && checks_chinese(v)) {
        if (!strncmp(v, "我", strlen("我"))) v += strlen("我");
        if (!strncmp(v, "的", strlen("的"))) v += strlen("的");
        size_t kl;
        const char *key = forms_zh_who_key(v, strlen(v), &kl);
        for (int k = 0; key && understand_kin(key) && that[k]; k++)     /* (an animal's
                                                * topic is forgotten by its words) */
            if (!strcmp(v + kl, that[k])) {
                snprintf(u->holder, sizeof u->holder, "%s", key);
                u->rel = READER_REL_OPEN;
                u->relation[0] = u->value[0] = '\0';
                break;
            }
        /* "把我爸在哪上班这件事删了": a kin word and what is asked of them (or a word of
         * the relation) forgets that relation of theirs */
        static const struct {
            const char *words;
            int rel;
        } asked_zh[] = {{"住哪", READER_REL_HOME},       {"住在哪", READER_REL_HOME},
                        {"住的地方", READER_REL_HOME},   {"住址", READER_REL_HOME},
                        {"在哪上班", READER_REL_WORKPLACE}, {"在哪工作", READER_REL_WORKPLACE},
                        {"在哪儿上班", READER_REL_WORKPLACE}, {"做什么", READER_REL_JOB},
                        {"干什么", READER_REL_JOB},     {"工作", READER_REL_JOB},
                        {"叫什么", READER_REL_NAME},     {"名字", READER_REL_NAME},
                        {"多大", READER_REL_AGE},        {"几岁", READER_REL_AGE},
                        {"年龄", READER_REL_AGE},        {"年纪", READER_REL_AGE},
                        {"岁数", READER_REL_AGE},        {"地址", READER_REL_HOME},
                        {"生日", READER_REL_BIRTHDAY}};
        for (size_t k = 0; key && understand_kin(key) && u->act == READER_FORGET &&
                           k < sizeof asked_zh / sizeof asked_zh[0];
             k++)
            if (!strncmp(v + kl, asked_zh[k].words, strlen(asked_zh[k].words))) {
                checks_settle(u, READER_FORGET, key, asked_zh[k].rel, NULL, "");
                break;
            }
        /* "我的岁数别记了": 我 (的) and the same words of one's own forget it */
        for (size_t k = 0; (!key || !understand_kin(key)) && u->act == READER_FORGET &&
                           k < sizeof asked_zh / sizeof asked_zh[0];
             k++) {
            char mine[16], mine_of[16];
            snprintf(mine, sizeof mine, "我%s", asked_zh[k].words);
            snprintf(mine_of, sizeof mine_of, "我的%s", asked_zh[k].words);
            if (strstr(text, mine) || strstr(text, mine_of)) {
                checks_settle(u, READER_FORGET, "self", asked_zh[k].rel, NULL, "");
                break;
            }
        }
    }
    return 0;
}

/* A question's words name what is forgotten ("what I said about where I live"). */
int checks_forget_by_question(checks_clause_t *c, understood_t *u)
{
    const char *text = c->text;
    /* "bin what I said about where I live": a question's words name what is
     * forgotten */
    static const struct {
        const char *words;
        int rel;
    } asked_of[] = {
        {"where i live", READER_REL_HOME},           {"where we live", READER_REL_HOME},
        {"where i'm living", READER_REL_HOME},       {"where i work", READER_REL_WORKPLACE},
        {"where i'm working", READER_REL_WORKPLACE}, {"what i do for work", READER_REL_JOB},
        {"what i do for a living", READER_REL_JOB},  {"how old i am", READER_REL_AGE},
        {"where i'm from", READER_REL_HOMETOWN},     {"where i grew up", READER_REL_HOMETOWN},
        {"where i study", READER_REL_SCHOOL}};
    for (size_t k = 0; k < sizeof asked_of / sizeof asked_of[0] && u->act == READER_FORGET &&
                       !strcmp(u->holder, "self");
         k++)
        if (facts_has_words(text, asked_of[k].words)) {
            int work = u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE;
            if (asked_of[k].rel == READER_REL_WORKPLACE && work)
                u->value[0] = '\0';     /* (the reader's word of work kept: whom or where) */
            else
                checks_settle(u, READER_FORGET, "self", asked_of[k].rel, NULL, "");
            break;
        }
    return 0;
}

/* Forgetting what a clause before named: a thing alone after a request, "forget it", "about
 * X ... delete it". */
int checks_forget_it(checks_clause_t *c, understood_t *u)
{
    const char *msg = c->msg;
    const understood_t *told = c->told;
    int i = c->i;
    const char *text = c->text;
    /* "please remove my address and my husband's phone": a thing of the user's
     * named alone right after a request to forget is forgotten too */
    int forgot_at = checks_clause_before(msg, told, i);
    if (forgot_at >= 0 && told[forgot_at].act == READER_FORGET && u->act != READER_FORGET &&
        ((u->act != READER_QUESTION && u->act != READER_YESNO) || !strchr(text, '?')) &&
        thing_alone(text))
        u->act = READER_FORGET;
    /* "ditch the allergy stuff, just forget it": "it" (or "that", "this") of a
     * request to forget that names nothing is what the clause before named (its value
     * too: "the latex allergy, forget it" keeps the other allergies) */
    static const char *const it[] = {"it", "that", "this", NULL};
    if (u->act == READER_FORGET && forgot_at >= 0 && !u->value[0] && !u->relation[0] &&
        !strcmp(u->holder, "self") && checks_holds_any(text, it) &&
        told[forgot_at].act != READER_FORGET && told[forgot_at].relation[0] &&
        told[forgot_at].rel != READER_REL_OPEN) {
        snprintf(u->holder, sizeof u->holder, "%s", told[forgot_at].holder);
        snprintf(u->relation, sizeof u->relation, "%s", told[forgot_at].relation);
        snprintf(u->value, sizeof u->value, "%s", told[forgot_at].value);
        u->rel = told[forgot_at].rel;
    }
    /* "About my asthma and the inhaler. Please delete it.": "it" is the first thing
     * named after "about" in the clause before */
    char before_it[256], *about_w[8], about_buf[256];
    if (u->act == READER_FORGET && forgot_at >= 0 && !u->value[0] && !u->relation[0] &&
        checks_holds_any(text, it) && told[forgot_at].act != READER_FORGET) {
        snprintf(before_it, sizeof before_it, "%.*s", (int)told[forgot_at].len,
                 msg + told[forgot_at].at);
        int na = understand_split_words(before_it, " ,.;:!?()", about_buf, sizeof about_buf,
                                        (const char **)about_w, 8), b = 1;
        while (b < na && (!strcmp(about_w[b], "my") || !strcmp(about_w[b], "the") ||
                          !strcmp(about_w[b], "our")))
            b++;
        if (na > b && (!strcmp(about_w[0], "about") || !strcmp(about_w[0], "regarding")) &&
            !lex_is_stopword(about_w[b]))
            snprintf(u->value, sizeof u->value, "%s", about_w[b]);
    }
    return 0;
}
