/* understand_mend.c: the units understand.c read from a clause (and a message's, once
 * every clause is read), mended where their words say otherwise, by rules that read form
 * (understand_mend.h): whose a unit is (a kind inside a holder, "who is", "she's", a
 * pronoun), which names are names, what a question asks, and values the clause rules
 * out (a home not lived in, a month that is no birthday, jobs of no kind of person). */
#include "agent/understand_mend.h"
#include "agent/understand.h"
#include "agent/understand_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/lexical.h"
#include "model/reader.h"
#include "model/vocab.h"


/* *to: the unit of a kind told of u's holder in u's clause, value its kind. */
static void kind_unit(const understood_t *u, const char *kind, understood_t *to)
{
    *to = *u;
    to->rel = READER_REL_KIND;
    snprintf(to->relation, sizeof to->relation, "%s", reader_rel_name(READER_REL_KIND));
    snprintf(to->value, sizeof to->value, "%s", kind);
    to->name[0] = to->old[0] = '\0';
}

/* "a sphynx cat named Pixie", "a rescue whippet", "a covers band": a holder of several
 * words that end in an animal kept ("a persian cat" too), a kind of one (and are no kind
 * as a whole: "golden retriever") or a group one is in is that last word; before an animal ("cat"), the words before it tell
 * its kind in a fact (once). Returns the units. */
int understand_mend_kind_in_holder(int act, understood_t *out, int k, int max)
{
    for (int i = 0, k0 = k; i < k0; i++) {
        char *sp = strrchr(out[i].holder, ' ');
        /* "covers band": a group one is in, whatever its kind */
        int group = sp && understand_in_list(understand_group_words, sp + 1);
        if (!sp || sp == out[i].holder || strchr(out[i].holder, ':') ||
            (!group && kinds_animal(out[i].holder) && !dialogue_pet_word(sp + 1)) ||
            !(group || dialogue_pet_word(sp + 1) || kinds_animal(sp + 1)))
            continue;           /* "golden retriever" is one kind; "persian cat" a cat */
        int pet = dialogue_pet_word(sp + 1);
        char kind[UNDERSTAND_KEY], holder[UNDERSTAND_KEY];
        snprintf(kind, sizeof kind, "%.*s", (int)(sp - out[i].holder), out[i].holder);
        snprintf(holder, sizeof holder, "%s", sp + 1);
        for (int j = 0; j < k; j++)     /* every unit of that holder, i's last */
            if (j != i && !strcmp(out[j].holder, out[i].holder))
                snprintf(out[j].holder, sizeof out[j].holder, "%s", holder);
        snprintf(out[i].holder, sizeof out[i].holder, "%s", holder);
        int told = 0;
        for (int j = 0; j < k && !told; j++)
            told = out[j].rel == READER_REL_KIND && !strcmp(out[j].holder, holder);
        /* words of age, size or temper say no kind ("an old cat", "a grumpy little dog") */
        static const char *const no_kind[] = {"old", "young", "little", "tiny", "big", "small",
                                              "new", "cute", "fat", "lazy", "grumpy", "sweet",
                                              "naughty", "crazy", "senior", "elderly", "baby",
                                              "adorable", "fluffy", "rescue", "rescued",
                                              "lovely", "beautiful", "gorgeous", "daft",
                                              "silly", "mad", "massive", "huge", NULL};
        char first[UNDERSTAND_KEY];
        snprintf(first, sizeof first, "%.*s", (int)strcspn(kind, " "), kind);
        if (understand_in_list(no_kind, first) && !strchr(kind, ' ')) continue;
        if (act != READER_FACT || told || !pet || k >= max) continue;
        kind_unit(&out[i], kind, &out[k++]);
    }
    return k;
}

/* "my gf Kamila and I have been together 2 years, she's a pharmacist": a value of the
 * user's that comes after "she's" or "he's" (nearer it than any "I") is that pronoun's
 * (understand_mend_pronoun_holders finds whom it means), and a kind of person said so
 * is a job. */
void understand_mend_pronoun_before_value(const char *const *words, int n, understood_t *out,
                                          int k)
{
    static const char *const mine[] = {"i", "i'm", "im", "i've", "ive", "my", NULL};
    for (int i = 0; i < k; i++) {
        if (strcmp(out[i].holder, "self") || !out[i].value[0]) continue;
        char first[UNDERSTAND_KEY];     /* the value's first word ("sound" of "sound engineer") */
        snprintf(first, sizeof first, "%.*s", (int)strcspn(out[i].value, " "), out[i].value);
        int v = 0;
        while (v < n && strcasecmp(words[v], first)) v++;
        const char *who = NULL;
        for (int w = v - 1; w >= 0 && !who; w--) {
            if (understand_in_list(mine, words[w])) break;
            size_t l = strlen(words[w]);
            if (l > 2 && !strcmp(words[w] + l - 2, "'s")) who = understand_pronoun(words[w]);
        }
        if (!who || v >= n) continue;
        snprintf(out[i].holder, sizeof out[i].holder, "%s", who);
        const char *last = strrchr(out[i].value, ' ');
        if (out[i].rel == READER_REL_KIND && kinds_person(last ? last + 1 : out[i].value)) {
            out[i].rel = READER_REL_JOB;
            snprintf(out[i].relation, sizeof out[i].relation, "%s", reader_rel_name(READER_REL_JOB));
        }
    }
}

/* "married to Jonas, who is a dentist": what a clause says after "who" behind a name of
 * someone's is theirs, not the user's (units of "self" there go to the name's holder). */
void understand_mend_who_is(const char *const *words, int n, understood_t *out, int k)
{
    int who = 1;
    while (who < n && strcmp(words[who], "who") && strcmp(words[who], "who's")) who++;
    if (who >= n) return;
    const char *holder = NULL;
    for (int i = 0; i < k && !holder; i++)
        if (out[i].rel == READER_REL_NAME && out[i].value[0] &&
            !strcasecmp(out[i].value, words[who - 1]) && strcmp(out[i].holder, "self"))
            holder = out[i].holder;
    for (int i = 0; i < k && holder; i++)
        if (!strcmp(out[i].holder, "self") && out[i].rel != READER_REL_NAME)
            snprintf(out[i].holder, sizeof out[i].holder, "%s", holder);
}

/* "a cat called Pixie, she's shy and fussy": beside a capitalised name of a holder, a
 * name of it written all in lower case is a word said of it, not a second name, and so
 * is a kind said without an article. Returns the units left. */
int understand_mend_names_in_capitals(const char *const *words, int n, understood_t *out,
                                      int k)
{
    static const char *const article[] = {"a", "an", NULL};
    int kept = 0;
    for (int i = 0; i < k; i++) {
        const char *v = out[i].value;
        /* "she's shy" is no kind as "she's a sphynx" is: a kind of one word unknown as
         * one and said without an article beside a name */
        int w = 1;
        while (w < n && strcasecmp(words[w], v)) w++;
        if (out[i].rel == READER_REL_KIND && w < n && !understand_in_list(article, words[w - 1]) &&
            !kinds_animal(v) && !strchr(v, ' ') && islower((unsigned char)v[0])) {
            int named = 0;
            for (int j = 0; j < k && !named; j++)
                named = out[j].rel == READER_REL_NAME && !strcmp(out[j].holder, out[i].holder);
            if (named) continue;
        }
        int small = out[i].rel == READER_REL_NAME && v[0] && isalpha((unsigned char)v[0]);
        for (const char *p = v; small && *p; p++) small = !isupper((unsigned char)*p);
        int capital = 0;
        for (int j = 0; j < k && small && !capital; j++)
            capital = j != i && out[j].rel == READER_REL_NAME &&
                      isupper((unsigned char)out[j].value[0]) &&
                      !strcmp(out[j].holder, out[i].holder);
        if (!capital) out[kept++] = out[i];
    }
    return kept;
}

/* "two kids, Tom and Wren": a name of a holder followed by "and" and a capitalised word
 * that no unit holds is a second name of that holder (a name the reader did not know
 * is left unmarked). Returns the units. */
int understand_mend_names_listed(const char *c, size_t cn, const char *const *words,
                                 const unsigned char *caps, int n, understood_t *out, int k,
                                 int max)
{
    for (int i = 0, k0 = k; i < k0 && k < max; i++) {
        if (out[i].rel != READER_REL_NAME || !out[i].value[0] || strchr(out[i].value, ' '))
            continue;
        int w = 0;
        while (w + 2 < n && strcasecmp(words[w], out[i].value)) w++;
        if (w + 2 >= n || strcmp(words[w + 1], "and") || !caps[w + 2] ||
            understand_is_cjk(words[w + 2]) || lex_is_stopword(words[w + 2]) ||
            understand_pronoun(words[w + 2]) ||
            understand_in_list(understand_personal_words, words[w + 2]) ||
            (w + 3 < n && isalpha((unsigned char)words[w + 3][0])))
            continue;           /* "Tom and Wren" ends the clause or a part of it */
        int held = 0;
        for (int j = 0; j < k && !held; j++)
            held = !strcasecmp(out[j].value, words[w + 2]) || !strcasecmp(out[j].holder, words[w + 2]);
        if (held) continue;
        out[k] = out[i];
        understand_as_written(c, cn, words, w + 2, w + 3, out[k].value, sizeof out[k].value);
        k++;
    }
    return k;
}

/* "an African grey parrot called Zuzu": of two names of one holder, the one after
 * "called" or "named" is the name; a word before it the reader also took for one describes
 * the holder. Returns the units left. */
int understand_mend_name_after_calling(const char *c, size_t cn, understood_t *out, int k)
{
    char text[1024];
    snprintf(text, sizeof text, "%.*s", (int)cn, c);
    int kept = 0;
    for (int i = 0; i < k; i++) {
        int drop = 0;
        const char *vi = out[i].rel == READER_REL_NAME && out[i].value[0]
                             ? strstr(text, out[i].value) : NULL;
        for (int j = 0; j < k && vi && !drop; j++) {
            if (j == i || out[j].rel != READER_REL_NAME || !out[j].value[0] ||
                strcmp(out[j].holder, out[i].holder) != 0)
                continue;
            const char *vj = strstr(vi + strlen(out[i].value), out[j].value);
            if (!vj) continue;
            char between[512];
            snprintf(between, sizeof between, " %.*s ", (int)(vj - vi), vi);
            drop = strstr(between, " called ") || strstr(between, " named ");
        }
        if (!drop) out[kept++] = out[i];
    }
    return kept;
}

/* "I'm Aoife, 38, baker in Sligo", "my grandson Alfie, he's 5": a name after "I'm" (or
 * after the word of kin or pet that holds the unit) the reader took for an open relation
 * of the number after it is the holder's name, and the number their age. Returns the
 * units. */
int understand_mend_name_read_as_relation(const char *c, size_t cn, const char *const *words,
                                          const unsigned char *caps, int n, understood_t *out,
                                          int k, int max)
{
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel != READER_REL_OPEN || !u->relation[0] || strchr(u->relation, ' ') ||
            !understand_number_only(u->value))
            continue;
        int at = -1;            /* the name's word, right after "I'm" or "I am", or
                                 * after the holder's word ("my grandson Alfie, he's 5") */
        for (int w = 1; w < n && at < 0; w++)
            if (caps[w] && !strcasecmp(words[w], u->relation) &&
                (!strcmp(words[w - 1], "i'm") || !strcmp(words[w - 1], "im") ||
                 (w >= 2 && !strcmp(words[w - 2], "i") && !strcmp(words[w - 1], "am")) ||
                 (strcmp(u->holder, "self") != 0 && !strcasecmp(words[w - 1], u->holder) &&
                  (understand_kin(u->holder) || dialogue_pet_word(u->holder)))))
                at = w;
        if (at < 0) continue;
        u->rel = READER_REL_AGE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        if (k >= max) return k;
        out[k] = *u;
        out[k].rel = READER_REL_NAME;
        snprintf(out[k].relation, sizeof out[k].relation, "%s",
                 reader_rel_name(READER_REL_NAME));
        understand_as_written(c, cn, words, at, at + 1, out[k].value, sizeof out[k].value);
        return k + 1;
    }
    return k;
}

/* "quick intro: Joanne, 33, from Cork": the message's first clause begun (after a few
 * words of greeting) by a capitalised name and a comma, whose units the reader gave
 * that name or no one as holder, with no word of the user's or of kin in it, is the
 * user telling who they are: the units are the user's, a number alone their age, and
 * the name theirs. Returns the units. */
int understand_mend_intro_by_name(const char *c, size_t cn, const char *const *words,
                                  const unsigned char *caps, int n, understood_t *out, int k,
                                  int max)
{
    static const char *const before[] = {"quick", "intro", "so", "ok", "okay", "well", "right",
                                         "basically", "anyway", "um", "erm", NULL};
    int w = 0;
    while (w < n && (understand_in_list(before, words[w]) ||
                     understand_in_list(understand_greetings, words[w]) ||
                     !strncmp(words[w], "hey", 3)))
        w++;
    if (k < 1 || out[0].at != 0 || w >= n || !caps[w] || understand_is_cjk(words[w]))
        return k;
    for (int v = 0; v < n; v++)
        if (understand_in_list(understand_personal_words, words[v]) || understand_kin(words[v]))
            return k;
    for (int i = 0; i < k; i++)     /* the name's, or the user's said of no one */
        if ((strcasecmp(out[i].holder, words[w]) && strcmp(out[i].holder, "self")) ||
            out[i].personal)
            return k;
    char name[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, w, w + 1, name, sizeof name);
    long at = understand_text_at(c, cn, name);
    if (at < 0 || (size_t)at + strlen(name) >= cn || c[at + (long)strlen(name)] != ',') return k;
    for (int i = 0; i < k; i++) {
        snprintf(out[i].holder, sizeof out[i].holder, "self");
        out[i].personal = 1;
        if (out[i].rel == READER_REL_OPEN && understand_number_only(out[i].value)) {
            out[i].rel = READER_REL_AGE;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_AGE));
        }
    }
    if (k >= max) return k;
    out[k] = out[0];
    out[k].rel = READER_REL_NAME;
    snprintf(out[k].relation, sizeof out[k].relation, "%s", reader_rel_name(READER_REL_NAME));
    snprintf(out[k].value, sizeof out[k].value, "%s", name);
    out[k].name[0] = out[k].old[0] = '\0';
    return k + 1;
}

/* "who am I dating?", "who am I seeing now?" (which the reader may take for "who am
 * I?"): a question of the partner's name. */
void understand_mend_dating_asked(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const dating[] = {"dating", "seeing", NULL};
    int who = n > 0 && (!strcmp(words[0], "who") || !strcmp(words[0], "who's")), date = 0;
    for (int w = 1; w < n && who && !date; w++) date = understand_in_list(dating, words[w]);
    for (int i = 0; i < k && date; i++) {
        out[i].act = READER_QUESTION;
        out[i].personal = 1;
        snprintf(out[i].holder, sizeof out[i].holder, "partner");
        out[i].rel = READER_REL_NAME;
        snprintf(out[i].relation, sizeof out[i].relation, "%s", reader_rel_name(READER_REL_NAME));
        out[i].value[0] = '\0';
    }
}

/* "how many children have I got", "which car did we buy": a question whose holder comes
 * before its subject asks of the user's when that subject is "I" or "we" after an
 * auxiliary (the holder's own words have no "my"). */
void understand_mend_line_of_work(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const of[] = {"work", "business", "trade", NULL};
    int line = -1;
    for (int w = 0; w + 2 < n && line < 0; w++)
        if (!strcmp(words[w], "line") && !strcmp(words[w + 1], "of") &&
            understand_in_list(of, words[w + 2]))
            line = w;
    for (int i = 0; i < k && line >= 0; i++) {
        if (strcmp(out[i].holder, "line") != 0 && strcmp(out[i].holder, "self") != 0) continue;
        if (line > 0 && strcmp(words[line - 1], "my") != 0) continue;   /* (not "her line") */
        snprintf(out[i].holder, sizeof out[i].holder, "self");
        out[i].rel = READER_REL_JOB;
        snprintf(out[i].relation, sizeof out[i].relation, "%s", reader_rel_name(READER_REL_JOB));
        out[i].value[0] = '\0';
        out[i].personal = 1;
    }
}

void understand_mend_asked_of_mine(const char *const *words, int n, understood_t *out, int k)
{

    static const char *const aux[] = {"have", "has", "do", "does", "did", "am", "was",
                                      "were", "can", "should", "will", NULL};
    static const char *const we[] = {"i", "we", NULL};
    int mine = 0;
    for (int w = 1; w < n && !mine; w++)
        mine = understand_in_list(we, words[w]) && understand_in_list(aux, words[w - 1]);
    for (int i = 0; i < k && mine; i++) out[i].personal = 1;
}

/* "do I have a daughter?", "do I have any kids?", "have I got a brother?": whether the
 * user has someone (a kin word) or an animal, asked as one yes/no question of what they
 * have, whatever the reader made of it. Returns the units. */
int understand_mend_have_asked(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k)
{
    static const char *const some[] = {"a", "an", "any", NULL};
    int w = -1;
    for (int i = 0; i + 3 < n && w < 0; i++) {
        if (!strcmp(words[i], "do") && !strcmp(words[i + 1], "i") &&
            !strcmp(words[i + 2], "have"))
            w = i + 3;
        else if (!strcmp(words[i], "have") && !strcmp(words[i + 1], "i") &&
                 !strcmp(words[i + 2], "got"))
            w = i + 3;
    }
    if (w < 0 || k < 1) return k;
    if (w < n && understand_in_list(some, words[w])) w++;
    if (w >= n || w + 1 < n) return k;        /* one word, the clause's last */
    char key[UNDERSTAND_KEY];
    understand_holder(words + w, 1, key, sizeof key);
    if (!understand_kin(key) && !dialogue_pet_word(key) && strcmp(key, "children") != 0)
        return k;
    understood_t u = out[0];
    u.act = READER_YESNO;
    u.rel = READER_REL_OWNS;
    u.personal = 1;
    snprintf(u.holder, sizeof u.holder, "self");
    snprintf(u.relation, sizeof u.relation, "%s", reader_rel_name(READER_REL_OWNS));
    understand_as_written(c, cn, words, w, w + 1, u.value, sizeof u.value);
    u.old[0] = u.name[0] = '\0';
    out[0] = u;
    return 1;
}

/* "from Kraków, Poland": a place and the country after it, read as two values of one
 * relation, are one value ("Kraków, Poland"), so "am I from Poland?" finds it. Returns
 * the units left. */
int understand_mend_place_and_country(const char *c, size_t cn, understood_t *out, int k)
{
    char text[1024], both[2 * UNDERSTAND_VALUE + 4];
    snprintf(text, sizeof text, "%.*s", (int)cn, c);
    for (int i = 0; i + 1 < k; i++) {
        understood_t *a = &out[i], *b = &out[i + 1];
        int place = a->rel == READER_REL_HOME || a->rel == READER_REL_HOMETOWN ||
                    a->rel == READER_REL_WORKPLACE;
        if (!place || b->rel != a->rel || strcmp(a->holder, b->holder) != 0 ||
            !a->value[0] || !forms_is_country(b->value) || forms_is_country(a->value))
            continue;
        snprintf(both, sizeof both, "%s, %s", a->value, b->value);
        size_t bl = strlen(both);
        if (!strstr(text, both) || bl >= sizeof a->value) continue;
        memcpy(a->value, both, bl + 1);
        memmove(out + i + 1, out + i + 2, (size_t)(k - i - 2) * sizeof *out);
        k--;
    }
    return k;
}

int understand_mend_place_named(understood_t *out, int k)
{
    static const char *const kinds[] = {"village", "town", "city", "suburb", "place", "area",
                                        "farm", "island", "hamlet", "countryside", NULL};
    for (int i = 0; i < k; i++) {
        const understood_t *a = &out[i];
        if ((a->rel != READER_REL_HOME && a->rel != READER_REL_HOMETOWN &&
             a->rel != READER_REL_WORKPLACE) ||
            !understand_in_list(kinds, a->value))
            continue;
        int named = -1;                 /* ("grew up in a village near Evora": the kind
                                         * read as where one grew up, the name as another
                                         * place: the name is where one grew up) */
        for (int j = 0; j < k && named < 0; j++)
            if (j != i && !strcmp(out[j].holder, a->holder) && out[j].value[0] &&
                !understand_in_list(kinds, out[j].value) &&
                (out[j].rel == a->rel ||
                 (a->rel == READER_REL_HOMETOWN && (out[j].rel == READER_REL_HOME ||
                                                    out[j].rel == READER_REL_WORKPLACE))))
                named = j;
        if (named < 0) continue;
        if (out[named].rel != a->rel) {
            out[named].rel = READER_REL_HOMETOWN;
            snprintf(out[named].relation, sizeof out[named].relation, "%s",
                     reader_rel_name(READER_REL_HOMETOWN));
        }
        memmove(out + i, out + i + 1, (size_t)(k - i - 1) * sizeof *out);
        k--;
        i--;
    }
    return k;
}

int understand_mend_place_near(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k)
{
    static const char *const kinds[] = {"village", "town", "city", "suburb", "place", "area",
                                        "farm", "island", "hamlet", "countryside", NULL};
    static const char *const near[] = {"near", "outside", "by", "of", "close", NULL};
    int place = -1, w = -1;
    for (int i = 0; i < k && place < 0; i++)
        if ((out[i].rel == READER_REL_HOME || out[i].rel == READER_REL_HOMETOWN) &&
            understand_in_list(kinds, out[i].value))
            place = i;
    for (int j = 0; place >= 0 && j + 2 < n && w < 0; j++)
        if (!strcasecmp(words[j], out[place].value) && understand_in_list(near, words[j + 1]))
            w = j + 2 + (!strcmp(words[j + 1], "close") && j + 3 < n &&
                         !strcmp(words[j + 2], "to"));
    if (w < 0 || w >= n) return k;
    int e = w;
    while (e < n && e - w < 3 && isalpha((unsigned char)words[e][0]) && !lex_is_stopword(words[e]))
        e++;
    char name[UNDERSTAND_VALUE];
    if (e == w) return k;
    understand_as_written(c, cn, words, w, e, name, sizeof name);
    if (!isupper((unsigned char)name[0])) return k;         /* (a name, with its capital) */
    snprintf(out[place].value, sizeof out[place].value, "%s", name);
    int kept = 0;               /* ("village near Tartu" read as a job too: none) */
    for (int i = 0; i < k; i++) {
        const char *v = out[i].value, *sp = strchr(v, ' ');
        char first[16];
        snprintf(first, sizeof first, "%.*s", sp ? (int)(sp - v) : 0, v);
        if (i != place && out[i].rel == READER_REL_JOB && sp && understand_in_list(kinds, first))
            continue;
        out[kept++] = out[i];
    }
    return kept;
}

/* A unit of the user's (or holder's) value told by a form's own words, into *to: as
 * forms_told_unit does from base, with the act a fact and no reader's doubt left. */
static void settled_unit(const understood_t *base, int rel, const char *holder,
                         const char *value, understood_t *to)
{
    forms_told_unit(base, rel, holder, reader_rel_name(rel), value, to);
    to->act = READER_FACT;
    to->personal = 1;
    to->settled = 1;
    to->fact_min_p = 0;
}

int understand_mend_years_doing(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k, int max)
{
    static const char *const others[] = {"he", "she", "they", "he's", "she's", "they've",
                                         "my", "his", "her", "their", "our", "you", NULL};
    static const char *const spans[] = {"years", "year", "yrs", "decades", "ages", NULL};
    for (int w = 0; w + 4 < n; w++) {
        if (strcmp(words[w], "been") != 0) continue;
        for (int b = 0; b < w; b++)
            if (understand_in_list(others, words[b])) return k;
        size_t vl = strlen(words[w + 1]);
        if (vl < 5 || strcmp(words[w + 1] + vl - 3, "ing") != 0) return k;
        int e = w + 2;          /* what one does: the -ing word and one or two words */
        while (e < n && e - w - 2 < 2 && strcmp(words[e], "for") != 0 &&
               isalpha((unsigned char)words[e][0]) && !lex_is_stopword(words[e]))
            e++;
        if (e == w + 2 || e + 1 >= n || strcmp(words[e], "for") != 0) return k;
        int span = 0;           /* "for 30 years", "for thirty-odd years", "for ages" */
        for (int x = e + 1; x < n && x <= e + 4 && !span; x++)
            span = understand_in_list(spans, words[x]);
        if (!span || k < 1 || k >= max) return k;
        char job[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, w + 1, e, job, sizeof job);
        understood_t base = out[0];
        int kept = 0;           /* (units read off its words go) */
        for (int i = 0; i < k; i++)
            if (!out[i].value[0] || !understand_holds_text(job, strlen(job), out[i].value))
                out[kept++] = out[i];
        settled_unit(&base, READER_REL_JOB, "self", job, &out[kept]);
        return kept + 1;
    }
    return k;
}

int understand_mend_intro_place(const char *c, size_t cn, understood_t *out, int k, int max)
{
    int self = 0, commas = 0;
    for (int i = 0; i < k; i++) {
        if (strcmp(out[i].holder, "self") != 0) continue;
        if (out[i].rel == READER_REL_HOME || out[i].rel == READER_REL_WORKPLACE ||
            out[i].rel == READER_REL_HOMETOWN)
            return k;
        const char *at = out[i].value[0] && (out[i].rel == READER_REL_NAME ||
                                             out[i].rel == READER_REL_AGE)
                             ? strstr(c, out[i].value)
                             : NULL;    /* (an item of the list: "ines, 30, ...") */
        self |= at && at + strlen(out[i].value) < c + cn && at[strlen(out[i].value)] == ',';
    }
    const char *last = NULL;
    for (size_t i = 0; i < cn; i++)
        if (c[i] == ',') commas++, last = c + i + 1;
    if (!self || commas < 2 || k >= max) return k;
    while (*last == ' ') last++;
    size_t n = 0;
    int words = 1;
    while (last + n < c + cn && (isalpha((unsigned char)last[n]) || last[n] == ' ' ||
                                 last[n] == '-'))
        words += last[n++] == ' ';
    while (n && last[n - 1] == ' ') n--, words--;
    char place[UNDERSTAND_VALUE];
    snprintf(place, sizeof place, "%.*s", (int)n, last);
    for (size_t i = n; last + i < c + cn; i++)     /* (to the clause's end: marks, emoji) */
        if (isalnum((unsigned char)last[i])) return k;
    const char *sp = strrchr(place, ' ');
    if (n < 3 || words > 2 || lex_is_stopword(place) || kinds_person(sp ? sp + 1 : place) ||
        understand_in_list(understand_greetings, place))
        return k;
    for (int i = 0; i < k; i++)
        if (out[i].value[0] && (understand_holds_text(place, n, out[i].value) ||
                                understand_holds_text(out[i].value, strlen(out[i].value), place)))
            return k;
    settled_unit(&out[0], READER_REL_HOME, "self", place, &out[k]);
    return k + 1;
}

int understand_mend_name_then_whose(const char *c, size_t cn, const char *const *words, int n,
                                    understood_t *out, int k)
{
    size_t fl = strlen(words[0] ? words[0] : "");
    if (n < 3 || !isupper((unsigned char)c[0]) || fl >= cn || c[fl] != ',' ||
        strcmp(words[1], "my") != 0)
        return k;
    int w = 2;
    while (w < n && w < 5 && understand_in_list(understand_kin_sizes, words[w])) w++;
    char key[UNDERSTAND_KEY];
    if (w >= n) return k;
    understand_holder_of(words[w], key, sizeof key);
    if (!understand_kin(key)) return k;
    char name[UNDERSTAND_VALUE];
    snprintf(name, sizeof name, "%.*s", (int)fl, c);
    int kept = 0;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (!strcmp(u->holder, "self") && u->rel == READER_REL_JOB &&
            understand_holds_text(u->value, strlen(u->value), words[w]))
            continue;                   /* ("grandson" read as the user's job) */
        if (!strcmp(u->holder, "self") || !strcasecmp(u->holder, name)) {
            snprintf(u->holder, sizeof u->holder, "%s", key);
            u->personal = 1;
        }
        out[kept++] = *u;
    }
    int named = 0;                      /* (the reader read no name: the one it is) */
    for (int i = 0; i < kept && !named; i++) named = out[i].rel == READER_REL_NAME;
    for (int i = 0; i < kept && !named; i++)
        if (!out[i].value[0] && out[i].act == READER_FACT) {
            understood_t base = out[i];
            forms_told_unit(&base, READER_REL_NAME, key, reader_rel_name(READER_REL_NAME), name,
                            &out[i]);
            named = 1;
        }
    return kept ? kept : k;
}

int understand_mend_work_town(const char *c, size_t cn, const char *const *words,
                              const unsigned char *caps, int n, understood_t *out, int k,
                              int max)
{
    static const char *const working[] = {"work", "works", "working", "drive", "drives",
                                          "driving", "teach", "teaches", "teaching", NULL};
    int job = -1, firm = 0, town = 0;
    for (int i = 0; i < k; i++) {
        if (strcmp(out[i].holder, "self") != 0) continue;
        firm |= out[i].rel == READER_REL_EMPLOYER;
        town |= out[i].rel == READER_REL_WORKPLACE || out[i].rel == READER_REL_HOME;
        if (out[i].rel == READER_REL_JOB && out[i].value[0] && out[i].act == READER_FACT)
            job = i;
    }
    int works = 0;                      /* (a verb of work says it too: "I drive a cab") */
    for (int w = 0; w < n && !works; w++) works = understand_in_list(working, words[w]);
    if ((job < 0 && !works) || k < 1 || k >= max) return k;
    if (job < 0) job = 0;
    static const char *const named[] = {"called", "named", NULL};
    for (int w = 1; w < n; w++) {
        /* "a tiny café called Grindhouse": the place's name, to "in", "on" or the end */
        int is_name = understand_in_list(named, words[w - 1]) && w >= 3 &&
                      (!strcmp(words[w - 2], "place") || !strcmp(words[w - 2], "shop") ||
                       understand_in_list(understand_business_words, words[w - 2]));
        int is_town = !strcmp(words[w - 1], "in") && w == n - 1;    /* "... in Leeds" */
        if ((!is_name && !is_town) || !caps[w] || (is_name && firm) || (is_town && town))
            continue;
        int e = w + 1;
        while (is_name && e < n && e - w < 3 && caps[e]) e++;
        char place[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, w, e, place, sizeof place);
        if (forms_language(place)) return k;
        int rel = is_name ? READER_REL_EMPLOYER : READER_REL_WORKPLACE;
        for (int i = 0; i < k; i++)     /* (read as a place already; "a taxi in Leeds"
                                         * read as having Leeds is no place) */
            if (out[i].value[0] && out[i].rel != READER_REL_OWNS &&
                out[i].rel != READER_REL_KIND &&
                understand_holds_text(out[i].value, strlen(out[i].value), place))
                return k;
        settled_unit(&out[job], rel, "self", place, &out[k]);
        return k + 1;
    }
    return k;
}

int understand_mend_pet_years_old(const char *const *words, int n, understood_t *out, int k,
                                  int max)
{
    int pet = -1;
    for (int i = 0; i < k; i++) {
        if (out[i].rel == READER_REL_AGE && out[i].value[0]) return k;
        if (out[i].rel == READER_REL_NAME && out[i].value[0] && out[i].act == READER_FACT &&
            (dialogue_pet_word(out[i].holder) || kinds_animal(out[i].holder)))
            pet = i;
    }
    if (pet < 0 || k >= max) return k;
    for (int w = 0; w + 2 < n; w++) {
        long v;
        if ((strcmp(words[w + 1], "years") && strcmp(words[w + 1], "yrs")) ||
            strcmp(words[w + 2], "old") != 0 || !understand_number(words[w], &v) || v <= 0 ||
            v > 60)
            continue;
        forms_told_unit(&out[pet], READER_REL_AGE, out[pet].holder,
                        reader_rel_name(READER_REL_AGE), words[w], &out[k]);
        out[k].settled = 1;
        out[k].fact_min_p = 0;
        return k + 1;
    }
    return k;
}

void understand_mend_baby_named(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const not_named[] = {"girl", "boy", "brother", "sister", "son",
                                            "daughter", "is", "was", "has", NULL};
    if (n < 4 || (strcmp(words[0], "my") && strcmp(words[0], "our")) ||
        strcmp(words[1], "baby") != 0 || lex_is_stopword(words[2]) ||
        understand_in_list(not_named, words[2]) || !isalpha((unsigned char)words[2][0]))
        return;
    for (int i = 0; i < k; i++)
        if (!strcmp(out[i].holder, "self")) {
            snprintf(out[i].holder, sizeof out[i].holder, "youngest child");
            out[i].personal = 1;
        }
}

int understand_mend_kind_and_name(understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        understood_t *a = &out[i];
        if (a->rel != READER_REL_KIND || !a->value[0] || strchr(a->value, ' ') ||
            !dialogue_pet_word(a->holder) || kinds_animal(a->value))
            continue;
        int kind = 0;                   /* another of its kinds, a known one */
        for (int j = 0; j < k && !kind; j++)
            kind = j != i && out[j].rel == READER_REL_KIND && !strcmp(out[j].holder, a->holder) &&
                   kinds_animal(out[j].value) != NULL;
        int unknown = 0;                /* ("cat: tansy, calico": of two kinds no kind
                                         * known, the first is the name) */
        for (int j = i + 1; j < k && !kind && !unknown; j++)
            unknown = out[j].rel == READER_REL_KIND && !strcmp(out[j].holder, a->holder) &&
                      out[j].value[0] && !kinds_animal(out[j].value);
        int named = 0;                  /* (a name told already stands) */
        for (int j = 0; j < k && !named; j++)
            named = out[j].rel == READER_REL_NAME && !strcmp(out[j].holder, a->holder);
        if ((!kind && !unknown) || named) continue;
        a->rel = READER_REL_NAME;
        snprintf(a->relation, sizeof a->relation, "%s", reader_rel_name(READER_REL_NAME));
    }
    return k;
}

/* A clause whose units were all dropped as no facts: one unit of small talk (the
 * first's spans), or none when there were none. */
static int said_nothing(understood_t *out, int k)
{
    if (k < 1) return 0;
    out[0].act = READER_SMALLTALK;
    out[0].value[0] = out[0].name[0] = out[0].old[0] = '\0';
    out[0].personal = 0;
    return 1;
}

int understand_mend_name_and_age(understood_t *out, int k, int max)
{
    for (int i = 0, k0 = k; i < k0 && k < max; i++) {
        understood_t *u = &out[i];
        char *sp = strrchr(u->value, ' ');
        if (u->rel != READER_REL_NAME || !sp || !understand_number_only(sp + 1) ||
            strlen(sp + 1) > 2)
            continue;
        out[k] = *u;
        out[k].rel = READER_REL_AGE;
        snprintf(out[k].relation, sizeof out[k].relation, "%s", reader_rel_name(READER_REL_AGE));
        snprintf(out[k].value, sizeof out[k].value, "%s", sp + 1);
        *sp = '\0';
        k++;
    }
    return k;
}

int understand_mend_greeting(const char *const *words, int n, understood_t *out, int k)
{
    /* words said with a greeting ("good morning", "god dag", "sat sri akal", "hi all") */
    static const char *const with[] = {"good", "god", "guten", "sat", "all", "everyone",
                                       "guys", "folks", "there", "dear", "mate", "again",
                                       "yall", "y'all", "friend", "friends", "team",
                                       /* and what one calls the listener fondly ("morning
                                        * love", "hiya duck") */
                                       "love", "pet", "duck", "hun", "hon", "babe", "darling",
                                       "darlin", "sweetie", "sweetheart", "petal", "flower",
                                       "chuck", "pal", "lovely", "dearie", "buddy", "my",
                                       NULL};
    /* "bro i'm a tiler": a word one calls the listener ("bro", "sis") first,
     * before "I", is no one of the user's */
    static const char *const calling[] = {"bro", "sis", "dude", "bruh", "fam", "mate", NULL};
    static const char *const me[] = {"i", "i'm", "im", "my", "i've", "ive", NULL};
    char called[UNDERSTAND_KEY] = "";
    if (n > 1 && understand_in_list(calling, words[0]) && understand_in_list(me, words[1]))
        understand_holder_of(words[0], called, sizeof called);
    for (int i = 0; i < k; i++) {   /* "bonjour, odile here": no one is a greeting, */
        if (understand_in_list(understand_greetings, out[i].holder) ||
            (called[0] && !strcmp(out[i].holder, called))) {
            snprintf(out[i].holder, sizeof out[i].holder, "self");
            out[i].personal = 1;
        }
        char first[UNDERSTAND_KEY];     /* nor is it in a name ("[hola marta]") */
        size_t fl = strcspn(out[i].value, " ");
        snprintf(first, sizeof first, "%.*s", (int)fl, out[i].value);
        for (char *p = first; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (out[i].rel == READER_REL_NAME && out[i].value[fl] == ' ' &&
            understand_in_list(understand_greetings, first))
            memmove(out[i].value, out[i].value + fl + 1, strlen(out[i].value + fl + 1) + 1);
        /* nor in any other value that opens the clause ("[holaa 💕 tattoo artist]"), and
         * one of greetings alone ("kia ora" read as a firm, "gamarjoba" as one's name; not
         * "two girls, [Hoi] and Lan") goes */
        char *v = out[i].value;
        int cut = 0;
        size_t vl = strcspn(v, " ");
        int opens = n > 0 && strlen(words[0]) == vl && !strncasecmp(words[0], v, vl);
        while (v[0] && opens && (out[i].rel != READER_REL_NAME || !strchr(v, ' '))) {
            size_t l = strcspn(v, " ");
            snprintf(first, sizeof first, "%.*s", (int)l, v);
            for (char *p = first; *p; p++) *p = (char)tolower((unsigned char)*p);
            int emoji = (unsigned char)v[0] >= 0xF0;
            if (!emoji && !understand_in_list(understand_greetings, first)) break;
            v += l;
            while (*v == ' ') v++;
            cut = 1;
        }
        if (cut) memmove(out[i].value, v, strlen(v) + 1);
        if (cut && !out[i].value[0]) {
            if (k == 1) return said_nothing(out, k);
            memmove(&out[i], &out[i + 1], (size_t)(k - i - 1) * sizeof *out);
            k--, i--;
        }
    }
    int greeted = 0;
    for (int w = 0; w < n; w++) {
        if (!isalnum((unsigned char)words[w][0]) && (unsigned char)words[w][0] < 0x80) continue;
        if (understand_in_list(understand_greetings, words[w])) greeted = 1;
        else if (!understand_in_list(with, words[w])) return k;
    }
    return greeted ? said_nothing(out, k) : k;
}

/* "the best pho I've had outside Vietnam": a place after "outside", "than" or "like" in a
 * clause with no word of living is no home. Returns the units left. */
int understand_mend_home_of_us(const char *const *words, int n, understood_t *out, int k,
                               int max)
{
    int us = n > 2 && ((!strcmp(words[0], "me") && !strcmp(words[1], "and")) ||
                       (!strcmp(words[0], "home") &&
                        (!strcmp(words[1], "is") || !strcmp(words[1], "'s"))));
    for (int i = 0, n0 = k; i < n0 && us; i++) {
        if (out[i].rel != READER_REL_HOME || !out[i].value[0] || !strcmp(out[i].holder, "self"))
            continue;
        understood_t *u = &out[i];
        if (u->name[0]) {       /* (the name told in passing stays the kin's: a home of
                                 * the user's beside it) */
            if (k >= max) continue;
            out[k] = *u;
            out[k].name[0] = '\0';
            u = &out[k++];
        }
        snprintf(u->holder, sizeof u->holder, "self");
        u->personal = 1;
    }
    return k;
}

void understand_mend_place_before_comma(const char *c, size_t cn, const char *const *words,
                                        int n, understood_t *out, int k)
{
    static const char *const living[] = {"live", "lives", "living", "work", "works",
                                         "working", "based", "from", NULL};
    static const char *const prep[] = {"in", "at", "near", "from", NULL};
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if ((u->rel != READER_REL_HOME && u->rel != READER_REL_WORKPLACE &&
             u->rel != READER_REL_HOMETOWN) || !u->value[0])
            continue;
        for (int w = 1; w + 1 < n; w++) {
            if (!understand_in_list(living, words[w - 1]) || !understand_in_list(prep, words[w]))
                continue;
            /* (the verb of the unit's relation: "live in Graz, moved here from Leeds"
             * keeps Leeds the hometown) */
            int from = !strcmp(words[w - 1], "from") || !strcmp(words[w], "from");
            int works = !strncmp(words[w - 1], "work", 4);
            if (!works && !from && strcmp(words[w], "in") != 0) continue;  /* ("live at
                                                * Sunnyview House in Toledo, Ohio") */
            if ((u->rel == READER_REL_HOMETOWN) != from ||
                (u->rel == READER_REL_WORKPLACE && !works && strcmp(words[w - 1], "based")) ||
                (u->rel == READER_REL_HOME && works))
                continue;
            static const char *const aside[] = {"though", "tho", "now", "too", "lol", "btw",
                                                "atm", "anyway", "haha", "still", "actually",
                                                "currently", "these", NULL};
            int s = w + 1, e = s;
            while (e < n && e - s < 3 && isalpha((unsigned char)words[e][0]) &&
                   !lex_is_stopword(words[e]) && !understand_in_list(aside, words[e]))
                e++;
            if (e == s || e >= n) break;
            char place[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, s, e, place, sizeof place);
            /* the reader's value comes after a comma that follows them */
            long p = understand_text_at(c, cn, place), v = understand_text_at(c, cn, u->value);
            if (p < 0 || v <= p || !strncasecmp(place, u->value, strlen(place))) break;
            size_t pe = (size_t)p + strlen(place);
            if (!memchr(c + pe, ',', (size_t)v - pe)) break;
            snprintf(u->value, sizeof u->value, "%s", place);
            break;
        }
    }
}

void understand_mend_hometown_from(const char *c, size_t cn, const char *const *words, int n,
                                   understood_t *out, int k)
{
    static const char *const aside[] = {"originally", "though", "tho", "now", "lol", "btw",
                                        "haha", "but", "and", NULL};
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel != READER_REL_HOMETOWN || !u->value[0]) continue;
        int said = 0, s = -1;   /* the value said after "from", or where "from" is */
        size_t fl = strcspn(u->value, " ");
        for (int w = 1; w < n && !said; w++) {
            if (strcmp(words[w - 1], "from") != 0) continue;
            said = strlen(words[w]) == fl && !strncasecmp(words[w], u->value, fl);
            if (s < 0 && isalpha((unsigned char)words[w][0]) && !lex_is_stopword(words[w]) &&
                !understand_in_list(aside, words[w]))
                s = w;
        }
        int placed = 0;         /* (a value read where one lives or works: "in dubai") */
        for (int w = 1; w < n && !placed; w++)
            placed = strlen(words[w]) == fl && !strncasecmp(words[w], u->value, fl) &&
                     (!strcmp(words[w - 1], "in") || !strcmp(words[w - 1], "at"));
        if (said || s < 0 || !placed) continue;
        int e = s;
        while (e < n && e - s < 3 && isalpha((unsigned char)words[e][0]) &&
               !lex_is_stopword(words[e]) && !understand_in_list(aside, words[e]))
            e++;
        understand_as_written(c, cn, words, s, e, u->value, sizeof u->value);
    }
}

int understand_mend_moved_from(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k, int max)
{
    static const char *const moving[] = {"moved", "move", "relocated", "came", "emigrated",
                                         "immigrated", NULL};
    static const char *const no_place[] = {"home", "work", "school", "scratch", "abroad",
                                           "overseas", "there", "here", "ago", "years",
                                           "year", "last", "back", "recently", "originally",
                                           "months", "weeks", "lol", NULL};
    int home = -1, moved = -1;
    for (int i = 0; i < k; i++) {
        if (strcmp(out[i].holder, "self") != 0) continue;
        if (out[i].rel == READER_REL_HOMETOWN) return k;
        if (out[i].rel == READER_REL_HOME && out[i].value[0] && home < 0 &&
            (out[i].act == READER_FACT || out[i].act == READER_CORRECTION))
            home = i;
    }
    for (int w = 0; w < n && moved < 0; w++)
        if (understand_in_list(moving, words[w])) moved = w;
    if (home < 0 || moved < 0 || k >= max) return k;
    for (int w = moved + 1; w + 1 < n; w++) {
        if (strcmp(words[w], "from") != 0) continue;
        int e = w + 1;
        while (e < n && e - w <= 3 && isalpha((unsigned char)words[e][0]) &&
               !lex_is_stopword(words[e]) && !understand_in_list(no_place, words[e]))
            e++;
        if (e == w + 1) return k;
        char place[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, w + 1, e, place, sizeof place);
        int small = islower((unsigned char)out[home].value[0]);    /* (types places small) */
        if (!(isupper((unsigned char)place[0]) || (small && islower((unsigned char)place[0]))) ||
            understand_holds_text(place, strlen(place), out[home].value) ||
            understand_holds_text(out[home].value, strlen(out[home].value), place))
            return k;
        forms_told_unit(&out[home], READER_REL_HOMETOWN, "self",
                        reader_rel_name(READER_REL_HOMETOWN), place, &out[k]);
        out[k].settled = 1;             /* (its words cue it: moved, from) */
        out[k].fact_min_p = 0;
        return k + 1;
    }
    return k;
}

int understand_mend_home_not_lived(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const living[] = {"live", "lives", "living", "lived", "moved",
                                         "move", "moving", "based", "home", "house", "flat",
                                         "from", "born", NULL};
    static const char *const besides[] = {"outside", "than", "like", "besides", "except",
                                          NULL};
    int like = 0;       /* "it was like living in a film": a likeness, no home */
    for (int w = 0; w < n; w++) {
        if (!understand_in_list(living, words[w])) continue;
        if (w > 0 && !strcmp(words[w - 1], "like")) like = 1;
        else return k;
    }
    int kept = 0;
    for (int i = 0; i < k; i++) {
        int away = like && (out[i].rel == READER_REL_HOME ||
                            (out[i].rel == READER_REL_OPEN &&
                             (understand_in_list(living, out[i].relation) ||
                              !strncmp(out[i].relation, "living", 6))));
        for (int w = 1; w < n && out[i].rel == READER_REL_HOME && !away; w++)
            away = !strcasecmp(words[w], out[i].value) && understand_in_list(besides, words[w - 1]);
        if (!away) out[kept++] = out[i];
    }
    return kept ? kept : said_nothing(out, k);
}

/* "I'm a welder, trying to save for a van": the reader reads jobs in words near a job
 * ("trying", "van"). When one job of a holder in the clause ends in a kind of person
 * (kinds_person: "welder", "quantity surveyor"), that holder's jobs ending in no kind of
 * person go. Returns the units left. */
int understand_mend_jobs_of_people(understood_t *out, int k)
{
    int person[UNDERSTAND_MAX] = {0};
    for (int i = 0; i < k && i < UNDERSTAND_MAX; i++) {
        const char *v = out[i].value, *last = strrchr(v, ' ');
        person[i] = out[i].rel == READER_REL_JOB && v[0] && kinds_person(last ? last + 1 : v);
    }
    int kept = 0;
    for (int i = 0; i < k; i++) {
        int other = 0;      /* a job of a kind of person beside it, of the same holder */
        for (int j = 0; j < k && j < UNDERSTAND_MAX && !other; j++)
            other = person[j] && !strcmp(out[j].holder, out[i].holder);
        int drop = i < UNDERSTAND_MAX && out[i].rel == READER_REL_JOB && out[i].value[0] &&
                   !person[i] && other;
        if (!drop) out[kept++] = out[i];
    }
    return kept;
}

/* A clause of studying ("I did my degree in history at the University of Leeds", "I
 * studied chemistry at Durham"): what one studies read as a job, a workplace or a pastime
 * is what one studies (the open relation "study", as "I study law" reads), and a firm or
 * a place after "at" is the school. A question of which school one went to ("what uni
 * did I go to?") asks for the school. */
void understand_mend_studies(const char *const *words, int n, int act, understood_t *out,
                             int k)
{
    static const char *const studying[] = {"study", "studies", "studied", "studying",
                                           "degree", "major", "majored", "majoring",
                                           "masters", "phd", NULL};
    static const char *const schools[] = {"uni", "university", "college", "school", NULL};
    static const char *const going[] = {"go", "goes", "went", "going", "attend", "attended",
                                        "attending", NULL};
    /* a degree or course by its name ("an MSc", "a PGCE"; "MA" and "BA" after "an" or
     * "a", where "ma" is no mother) */
    static const char *const degrees[] = {"msc", "bsc", "mba", "mphil", "pgce", "llb", "llm",
                                          "diploma", "btec", "hnd", "nvq", "apprenticeship",
                                          "a-levels", "gcses", "dphil", NULL};
    static const char *const short_degrees[] = {"ma", "ba", "md", NULL};
    int study = 0, school = 0, work = 0;
    for (int w = 0; w < n; w++) {
        int degree = understand_in_list(degrees, words[w]) ||
                     (w > 0 && understand_in_list(short_degrees, words[w]) &&
                      (!strcmp(words[w - 1], "an") || !strcmp(words[w - 1], "a")));
        study |= understand_in_list(studying, words[w]) || degree;
        school |= understand_in_list(schools, words[w]);
        work |= understand_in_list(understand_work_words, words[w]);
    }
    if (work) return;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        char first[16];
        snprintf(first, sizeof first, "%.*s", (int)strcspn(u->relation, " "), u->relation);
        if (act == READER_QUESTION && school && u->rel == READER_REL_OPEN &&
            understand_in_list(going, first)) {
            u->rel = READER_REL_SCHOOL;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
            continue;
        }
        if (act != READER_FACT || !study || !u->value[0] ||
            (!u->personal && strcmp(u->holder, "self") != 0))
            continue;
        if (understand_in_list(studying, u->holder))   /* "my [degree] in geology" */
            snprintf(u->holder, sizeof u->holder, "self");
        char low[16];                   /* "doing [an MSc]" read as a thing one has */
        snprintf(low, sizeof low, "%.15s", u->value);
        for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (u->rel == READER_REL_OWNS &&
            (understand_in_list(degrees, low) || understand_in_list(short_degrees, low))) {
            u->act = READER_SMALLTALK;
            u->value[0] = '\0';
            continue;
        }
        int at = -1;            /* the word before the value */
        for (int w = 1; w < n && at < 0; w++)
            if (!strcasecmp(words[w], u->value) ||
                (!strncasecmp(u->value, words[w], strlen(words[w])) &&
                 u->value[strlen(words[w])] == ' '))
                at = w - 1;
        if (at < 0) continue;
        int subject = 0;        /* what is studied told in the clause ("nursing in Leeds") */
        for (int j = 0; j < k && !subject; j++)
            subject = j != i && out[j].value[0] && (!strcmp(out[j].relation, "study") ||
                                                    !strcmp(out[j].relation, "studying"));
        if ((u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
            (!strcmp(words[at], "at") || (!strcmp(words[at], "the") && at > 0 &&
                                          !strcmp(words[at - 1], "at")) ||
             (!strcmp(words[at], "in") && subject && isupper((unsigned char)u->value[0])))) {
            u->rel = READER_REL_SCHOOL;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
        } else if ((u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_EMPLOYER ||
                    u->rel == READER_REL_JOB || u->rel == READER_REL_HOBBY) &&
                   !strcmp(words[at], "in") && subject && at > 0 &&
                   (!strcmp(words[at - 1], "down") || !strcmp(words[at - 1], "up") ||
                    !strcmp(words[at - 1], "over") || !strcmp(words[at - 1], "out"))) {
            u->rel = READER_REL_HOME;   /* "doing law at Otago down in dunedin": what is
                                         * studied told, "down in" a place is where one lives */
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOME));
            u->settled = 1;
        } else if ((u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_EMPLOYER ||
                    u->rel == READER_REL_JOB || u->rel == READER_REL_HOBBY) &&
                   (!strcmp(words[at], "in") || understand_in_list(studying, words[at]))) {
            u->rel = READER_REL_OPEN;
            snprintf(u->relation, sizeof u->relation, "study");
        }
    }
}

/* "we moved to Hull in May", "I started at Google in March": a month alone is when, not
 * a birthday, in a clause with no word of birth. Returns the units left. */
int understand_mend_age_not_measure(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const span[] = {"in", "for", "over", "within", "last", "past", NULL};
    static const char *const aged[] = {"years", "yrs", "months", "weeks", "days", NULL};
    static const char *const numbered[] = {"the", "route", "bus", "number", "no", "platform",
                                           "gate", "room", "flat", "page", "level", "floor",
                                           "channel", "highway", "station", NULL};
    static const char *const per[] = {"m/s", "km/h", "kmh", "mph", "degrees", "hrs", "hr",
                                      "mins", "bus", "tram", "percent", "%", NULL};
    for (int i = 0; i < k; i++) {
        if (out[i].rel != READER_REL_AGE || !out[i].value[0] || strchr(out[i].value, ' '))
            continue;
        int measure = 0, counted = -1;  /* (counted: the word of the things counted) */
        for (int w = 0; w + 1 < n && !measure && counted < 0; w++) {
            if (strcasecmp(words[w], out[i].value) != 0) continue;
            measure = forms_unit(words[w + 1]) == FORMS_UNIT_MEASURE ||
                      /* "in 20 years": how long, not how old */
                      (w > 0 && understand_in_list(span, words[w - 1]) &&
                       understand_in_list(aged, words[w + 1])) ||
                      /* "keeps the goats, 17 of them": how many */
                      (w + 2 < n && !strcmp(words[w + 1], "of") &&
                       (!strcmp(words[w + 2], "them") || !strcmp(words[w + 2], "em") ||
                        !strcmp(words[w + 2], "us"))) ||
                      /* "in Form 4", "grade 3": a year at school */
                      (w > 0 && (!strcasecmp(words[w - 1], "year") ||
                                 !strcasecmp(words[w - 1], "grade") ||
                                 !strcasecmp(words[w - 1], "yr") ||
                                 !strcasecmp(words[w - 1], "form"))) ||
                      /* "the 40 bus", "route 9", "30 km/h": a number of a thing */
                      (w > 0 && understand_in_list(numbered, words[w - 1])) ||
                      understand_in_list(per, words[w + 1]);
            /* "40 words", "60 french verbs", "5 nephews now": a count */
            for (int x = w + 1; x <= w + 2 && x < n && counted < 0 && !measure; x++) {
                size_t l = strlen(words[x]);
                if (x == w + 2 && words[w + 1][strlen(words[w + 1]) - 1] == 's') break;
                if (l > 3 && words[x][l - 1] == 's' && isalpha((unsigned char)words[x][0]) &&
                    !understand_in_list(aged, words[x]) && !lex_is_stopword(words[x]) &&
                    (x == w + 1 || !lex_is_stopword(words[w + 1])) &&
                    !(x + 1 < n && !strcmp(words[x + 1], "old")))
                    counted = x;
            }
        }
        char key[UNDERSTAND_KEY] = "";
        if (counted >= 0) understand_holder_of(words[counted], key, sizeof key);
        if (key[0] && (understand_kin(key) || dialogue_pet_word(key))) {
            /* "so that's 5 nephews now": how many of them there are */
            snprintf(out[i].holder, sizeof out[i].holder, "%s", key);
            out[i].rel = READER_REL_OPEN;
            snprintf(out[i].relation, sizeof out[i].relation, "%s", REALISE_COUNT);
            out[i].personal = 1;
            continue;
        }
        if (!measure && counted < 0) continue;
        if (k == 1) return said_nothing(out, k);    /* (nothing told is small talk) */
        memmove(&out[i], &out[i + 1], (size_t)(k - i - 1) * sizeof *out);
        k--, i--;
    }
    return k;
}

int understand_mend_no_value(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const where[] = {"the", "on", "in", "at", "out", "into", NULL};
    for (int i = 0; i < k; i++) {
        int none = out[i].rel != READER_REL_OPEN && out[i].value[0] &&
                   !strcasecmp(out[i].value, reader_rel_name(out[i].rel));
        size_t fl = strcspn(out[i].value, " ");
        for (int w = 1; w < n && !none && out[i].rel == READER_REL_KIND && out[i].value[0]; w++)
            none = strlen(words[w]) == fl && !strncasecmp(words[w], out[i].value, fl) &&
                   understand_in_list(where, words[w - 1]);
        if (!none) continue;
        if (k == 1) return said_nothing(out, k);
        memmove(&out[i], &out[i + 1], (size_t)(k - i - 1) * sizeof *out);
        k--, i--;
    }
    return k;
}

int understand_mend_month_not_birthday(const char *const *words, int n, understood_t *out,
                                       int k)
{
    static const char *const birth[] = {"birthday", "birthdays", "bday", "b-day", "born",
                                        "birth", "turn", "turns", "turning", "celebrate",
                                        "celebrates", "celebrating", "生日", "生", NULL};
    for (int w = 0; w < n; w++)
        if (understand_in_list(birth, words[w])) return k;
    int kept = 0;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel == READER_REL_BIRTHDAY && understand_month(u->value)) {
            if (!u->name[0]) continue;
            /* the name told in passing stays ("my brother Tariq is getting married in
             * july": Tariq) */
            u->rel = READER_REL_NAME;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
            snprintf(u->value, sizeof u->value, "%s", u->name);
            u->name[0] = '\0';
        }
        out[kept++] = *u;
    }
    return kept ? kept : said_nothing(out, k);
}

/* "daylight robbery by the referee": a clause that names no one and no work (no subject,
 * no "work", "job" or "as") tells no job unless its value is a kind of person not
 * brought in by "by" (a job told bare, "nurse at the Royal", still is). Returns the
 * units left. */
int understand_mend_bare_jobs(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const work[] = {"as", "trade", "profession", "career", NULL};
    for (int w = 0; w < n; w++)
        if (understand_in_list(understand_work_words, words[w]) ||
            understand_in_list(work, words[w]))
            return k;
    int kept = 0;
    for (int i = 0; i < k; i++) {
        const char *v = out[i].value, *last = strrchr(v, ' ');
        int job = out[i].rel == READER_REL_JOB && v[0] && (unsigned char)v[0] < 0x80;
        int by = 0;         /* "by the referee": who did it, not what one does */
        for (int w = 1; w < n && job && !by; w++)
            by = !strcasecmp(words[w], last ? last + 1 : v) &&
                 (!strcmp(words[w - 1], "by") ||
                  (w >= 2 && !strcmp(words[w - 1], "the") && !strcmp(words[w - 2], "by")));
        if (!job || (kinds_person(last ? last + 1 : v) && !by)) out[kept++] = out[i];
    }
    return kept || !k ? kept : said_nothing(out, k);
}

/* Puts the job words[from..to) of the user first among out[0..k) (at most max units),
 * dropping a unit read off the few words after it that is no place or work ("on the
 * stromness ferry" read as a diet); returns the units. */
static int put_job(const char *c, size_t cn, const char *const *words, int n, int from, int to,
                   understood_t *out, int k, int max)
{
    for (int i = 0; i < k; i++)
        if (out[i].rel == READER_REL_JOB && out[i].value[0]) return k;
    understood_t job = out[0];
    job.act = READER_FACT;
    job.personal = 1;
    job.rel = READER_REL_JOB;
    snprintf(job.holder, sizeof job.holder, "self");
    snprintf(job.relation, sizeof job.relation, "%s", reader_rel_name(READER_REL_JOB));
    understand_as_written(c, cn, words, from, to, job.value, sizeof job.value);
    job.old[0] = job.name[0] = '\0';
    int kept = 0;
    for (int i = 0; i < k; i++) {
        int off = 0;
        for (int j = from; j < n && j <= to + 3 && !off; j++)
            off = !strcasecmp(out[i].value, words[j]) ||
                  (j + 1 < to && strstr(out[i].value, words[j]) == out[i].value);
        if (!off || out[i].rel == READER_REL_HOME || out[i].rel == READER_REL_WORKPLACE ||
            out[i].rel == READER_REL_EMPLOYER || out[i].rel == READER_REL_NAME)
            out[kept++] = out[i];
    }
    if (kept >= max) kept = max - 1;
    memmove(out + 1, out, (size_t)kept * sizeof *out);
    out[0] = job;
    return kept + 1;
}

/* 1 when w is a kind of person that may be a job: four letters or more, no kin, not
 * "vegan" or "girl". */
static int job_word(const char *w)
{
    return strlen(w) >= 4 && kinds_person(w) && !lex_is_stopword(w) && !understand_kin(w) &&
           !understand_in_list(understand_no_trade_words, w) &&
           !understand_in_list(understand_no_job_words, w);
}

static const char *const job_after[] = {"at", "on", "in", "for", "with", "from", "by", "up",
                                        "out", "near", NULL};

int understand_mend_job_opening(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k, int max)
{
    int w = 0;
    while (w < n && understand_in_list(understand_greetings, words[w])) w++;
    if (!k || w + 1 >= n || !understand_in_list(job_after, words[w + 1]) || !job_word(words[w]))
        return k;
    return put_job(c, cn, words, n, w, w + 1, out, k, max);
}

int understand_mend_job_after_name(const char *c, size_t cn, const char *const *words,
                                   const unsigned char *caps, int n, understood_t *out, int k,
                                   int max)
{
    static const char *const a[] = {"a", "an", NULL};
    for (int w = 1; k && w + 1 < n; w++) {
        int intro = (!strcmp(words[w - 1], "i'm") || !strcmp(words[w - 1], "im") ||
                     (w >= 2 && !strcmp(words[w - 2], "i") && !strcmp(words[w - 1], "am")));
        if (!intro || !caps[w] || understand_is_cjk(words[w])) continue;
        /* a comma right after the name ("I'm Tom, tree surgeon up Leeds way") */
        const char *at = NULL;
        for (const char *p = c; p + strlen(words[w]) <= c + cn && !at; p++)
            if (!strncasecmp(p, words[w], strlen(words[w]))) at = p + strlen(words[w]);
        if (!at || *at != ',') return k;
        int from = w + 1;
        if (from < n && understand_in_list(a, words[from])) from++;
        for (int p = from; p < n && p < from + 3; p++) {
            if (caps[p] || !isalpha((unsigned char)words[p][0]) || lex_is_stopword(words[p]))
                return k;
            if (job_word(words[p]) &&
                (p + 1 == n || understand_in_list(job_after, words[p + 1])))
                return put_job(c, cn, words, n, from, p + 1, out, k, max);
        }
        return k;
    }
    return k;
}

/* A holder that is only a third-person pronoun ("he's 15", "she's a nurse") is the
 * holder of the nearest unit before it in the same message about someone of the user's
 * ("our son Rory's at uni, he's 19"), or the animal the user was told to have there
 * ("we got a whippet, his name is Bo": the whippet). */
/* The holder key of the last "my X" or "our X" (one word or two: "our baby girl") of
 * kin or pet before msg[end] ("with my lodger Pia, she's a baker": lodger) into key,
 * and where it is into *at; 0 when there is none. */
static int kin_said_before(const char *msg, size_t end, char *key, size_t cap, size_t *at)
{
    /* one the speaker is seeing ("dating someone now, her name's Wren") is their
     * partner */
    static const char *const seeing[] = {"seeing someone", "dating someone", "seeing a guy",
                                         "seeing a girl", "seeing this guy",
                                         "seeing this girl", "dating a guy", "dating a girl",
                                         "met someone", "met a guy", "met a girl", NULL};
    int found = 0;
    for (size_t i = 0; i + 3 < end; i++) {
        if (i > 0 && isalnum((unsigned char)msg[i - 1])) continue;
        for (int s = 0; seeing[s]; s++) {
            size_t sl = strlen(seeing[s]);
            if (i + sl <= end && !strncasecmp(msg + i, seeing[s], sl) &&
                (i + sl == end || !isalnum((unsigned char)msg[i + sl]))) {
                snprintf(key, cap, "partner");
                *at = i;
                found = 1;
            }
        }
        size_t w = !strncasecmp(msg + i, "my ", 3) ? i + 3 : !strncasecmp(msg + i, "our ", 4) ? i + 4 : 0;
        if (!w) continue;
        char word[2][UNDERSTAND_KEY];
        const char *two[2] = {word[0], word[1]};
        size_t b = w;
        int nw = 0;
        for (; nw < 2 && b < end; nw++) {
            size_t e = b;
            while (e < end && (isalpha((unsigned char)msg[e]) || msg[e] == '-')) e++;
            if (e == b) break;
            snprintf(word[nw], sizeof word[nw], "%.*s", (int)(e - b), msg + b);
            for (char *p = word[nw]; *p; p++) *p = (char)tolower((unsigned char)*p);
            b = e;
            if (b < end && msg[b] == ' ') b++;
            else {
                nw++;
                break;
            }
        }
        for (int l = nw; l >= 1; l--) {         /* the longer first: "baby girl" */
            char k[UNDERSTAND_KEY];
            understand_holder(two, l, k, sizeof k);
            if (understand_kin(k) || dialogue_pet_word(k)) {
                snprintf(key, cap, "%s", k);
                *at = i;
                found = 1;
                break;
            }
        }
    }
    return found;
}

void understand_mend_pronoun_holders(const char *msg, understood_t *u, int n)
{
    for (int i = 0; i < n; i++) {
        if (!understand_pronoun(u[i].holder)) continue;
        int found = 0;
        /* the kin said last before it: "Ana gave birth to our baby boy! His name is Teo" is
         * the boy's, not Ana's */
        char key[UNDERSTAND_KEY];
        size_t at = 0;
        int kin = kin_said_before(msg, u[i].at + u[i].len, key, sizeof key, &at);
        for (int j = i - 1; j >= 0 && !found; j--) {
            if (kin && at > u[j].at) break;
            /* "we got a whippet, her name is Bo": an animal the user has is the one */
            const char *v = u[j].value, *last = strrchr(v, ' ');
            last = last ? last + 1 : v;
            int animal = u[j].rel == READER_REL_OWNS && v[0] &&
                         (kinds_animal(v) || kinds_animal(last) || dialogue_pet_word(last));
            if (animal) {
                const char *kind = kinds_animal(v) ? v : last;  /* a kind is a short word */
                snprintf(u[i].holder, sizeof u[i].holder, "%.*s",
                         (int)strnlen(kind, sizeof u[i].holder - 1), kind);
                for (char *p = u[i].holder; *p; p++) *p = (char)tolower((unsigned char)*p);
                u[i].personal = found = 1;
            } else if (u[j].personal && strcmp(u[j].holder, "self") != 0 &&
                       !understand_pronoun(u[j].holder)) {
                memcpy(u[i].holder, u[j].holder, sizeof u[i].holder);
                u[i].personal = found = 1;
            }
        }
        /* no unit's: the kin said before it ("with my lodger Pia, she's a baker"); one
         * the speaker is seeing, by the pronoun ("his name's Ade": the boyfriend) */
        if (!found && kin) {
            const char *p = understand_pronoun(u[i].holder);
            if (!strcmp(key, "partner") && p && strcmp(p, "they") != 0)
                snprintf(key, sizeof key, "%s", !strcmp(p, "he") ? "boyfriend" : "girlfriend");
            snprintf(u[i].holder, sizeof u[i].holder, "%s", key);
            u[i].personal = 1;
        }
    }
}

int understand_mend_self_named(understood_t *u, int n)
{
    const char *name = NULL;
    for (int i = 0; i < n && !name; i++)
        if (u[i].rel == READER_REL_NAME && !strcmp(u[i].holder, "self") && u[i].value[0] &&
            (u[i].act == READER_FACT || u[i].act == READER_CORRECTION))
            name = u[i].value;
    if (!name) return n;
    char own[UNDERSTAND_VALUE];
    snprintf(own, sizeof own, "%s", name);
    int kept = 0;
    for (int i = 0; i < n; i++) {
        if (strcasecmp(u[i].holder, own) != 0 ||
            (u[i].act != READER_FACT && u[i].act != READER_CORRECTION)) {
            u[kept++] = u[i];
            continue;
        }
        int told = 0;           /* the same told of the user: a copy */
        for (int j = 0; j < n && !told; j++)
            told = j != i && !strcmp(u[j].holder, "self") && u[j].rel == u[i].rel &&
                   !strcasecmp(u[j].value, u[i].value);
        if (told) continue;
        snprintf(u[i].holder, sizeof u[i].holder, "self");
        u[kept++] = u[i];
    }
    return kept;
}

/* "I'm married to Leo, he is a baker": a clause the reader left as small talk (it is
 * unsure of a pronoun's clause) that gives someone of the user's, told of before in
 * the message, a job that is a kind of person (kinds_person) is a fact. */
void understand_mend_jobs_said_of_them(understood_t *u, int n)
{
    for (int i = 1; i < n; i++) {
        const char *v = u[i].value, *last = strrchr(v, ' ');
        if (u[i].act != READER_SMALLTALK ||
            (u[i].rel != READER_REL_JOB && u[i].rel != READER_REL_KIND) || !v[0] ||
            !u[i].personal || !strcmp(u[i].holder, "self") || !kinds_person(last ? last + 1 : v))
            continue;
        u[i].act = READER_FACT;
        u[i].fact_min_p = 0;
        u[i].rel = READER_REL_JOB;      /* "he is a chef" may be read as what he is */
        snprintf(u[i].relation, sizeof u[i].relation, "%s", reader_rel_name(READER_REL_JOB));
        u[i].fact_min_p = 0;        /* settled by its words */
    }
}

void understand_mend_place_not_work(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const working[] = {"office", "shift", "shifts", "employed", "company",
                                          "firm", "based", NULL};
    /* where one is now, said against where one is from or since when */
    static const char *const contrast[] = {"from", "originally", "grew", "born", "since",
                                           "now", "nowadays", "years", NULL};
    int against = 0;
    for (int w = 0; w < n; w++) {
        if (understand_in_list(understand_work_words, words[w]) ||
            understand_in_list(working, words[w]))
            return;
        against |= understand_in_list(contrast, words[w]);
    }
    if (!against) return;
    for (int i = 0; i < k; i++)
        if ((out[i].rel == READER_REL_JOB || out[i].rel == READER_REL_EMPLOYER) &&
            !strcmp(out[i].holder, "self"))
            return;
    for (int i = 0; i < k; i++)
        if (out[i].rel == READER_REL_WORKPLACE && !strcmp(out[i].holder, "self") &&
            out[i].value[0] && (unsigned char)out[i].value[0] < 0x80) {
            out[i].rel = READER_REL_HOME;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_HOME));
        }
}

/* The name words [h, a) are key's (a kin word): the units that took the name for another
 * value of key's are dropped, a name told in passing of another cleared, the reader's
 * reading of it as key's name made sure, and a unit of it put first (made from first)
 * unless one tells it. Returns the units (at most max). */
static int name_of_kin(const char *c, size_t cn, const char *const *words, int h, int a,
                       const char *key, const understood_t *first, understood_t *out, int k,
                       int max)
{
    char name[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, h, a, name, sizeof name);
    int kept = 0, has = 0;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        int theirs = !strcmp(u->holder, key);
        if (!theirs && !strcasecmp(u->name, name)) u->name[0] = '\0';  /* not the speaker's */
        if (!strcasecmp(u->value, name) && (u->rel != READER_REL_NAME || !theirs))
            continue;           /* "my wife [Ines] and I": no firm of hers */
        if (theirs && u->rel == READER_REL_NAME && !strcasecmp(u->value, name))
            u->act = READER_FACT, u->fact_min_p = 0, u->personal = 1;
        /* (a name of theirs read with another name, "my husband Tobiah ... is Noor": the
         * other is someone else's, the name theirs; not a number, which is their age, "our
         * daughter Aaliyah is sixteen", nor a word in small letters the reader took for a
         * name, "my cousin Ana herds reindeer") */
        long years;
        int other_value = theirs && u->rel == READER_REL_NAME && u->value[0] &&
                          strcasecmp(u->value, name) != 0 &&
                          !understand_number(u->value, &years) &&
                          !islower((unsigned char)u->value[0]);
        if (other_value && !strcasecmp(u->name, name)) u->name[0] = '\0';
        has |= theirs && ((u->rel == READER_REL_NAME && !strcasecmp(u->value, name)) ||
                          (!other_value && !strcasecmp(u->name, name)));
        if (theirs && u->rel == READER_REL_NAME && !u->value[0]) continue;     /* none read */
        out[kept++] = *u;
    }
    k = kept;
    if (!has && k < max) {     /* first, as told */
        memmove(&out[1], &out[0], (size_t)k * sizeof *out);
        k++;
        forms_told_unit(first, READER_REL_NAME, key, reader_rel_name(READER_REL_NAME), name,
                        &out[0]);
    }
    return k;
}

/* 1 when the words [h, a) may be a name: one or two words, letters first, none a
 * function word, a verb said of someone, a word of telling or a kin word. */
static int name_words(const char *const *words, int h, int a, const char *const *told)
{
    /* what is told of them ("my dad's [age] is ...") */
    static const char *const theirs[] = {"name", "names", "age", "birthday", "job", "surname",
                                         "nickname", "address", "number", "phone", "email",
                                         "favourite", "favorite", "fave", "fav", "new", "old",
                                         NULL};
    if (a <= h || a - h > 2) return 0;
    for (int w = h; w < a; w++)
        if (!isalpha((unsigned char)words[w][0]) || lex_is_stopword(words[w]) ||
            understand_in_list(theirs, words[w]) || vocab_possessive(words[w]) ||
            understand_in_list(understand_empty_words, words[w]) ||
            understand_in_list(understand_person_verbs, words[w]) ||
            understand_in_list(told, words[w]) || understand_kin(words[w]))
            return 0;
    return 1;
}

int understand_mend_kin_named_first(const char *c, size_t cn, const char *const *words,
                                     const unsigned char *caps, int n, understood_t *out, int k,
                                     int max)
{
    static const char *const told[] = {"is", "was", "says", "said", "has", "and", "called",
                                       "named", "'s", NULL};
    if (k < 1 || n < 3) return k;
    const understood_t first = out[0];      /* the clause's, for a unit of the name */
    /* "Anneke (my wife) says hi", "..., ravi (my partner) was ...": a name
     * (one word, or two capitalised), then "(my" and kin word(s) */
    const char *paren = memchr(c, '(', cn);
    int a = -1;                 /* "my" of the brackets: "(my", "(our" or "(the" written
                                 * right before the kin word ("the wife" reads as "my") */
    for (int w = 1; paren && w + 1 < n && a < 0; w++) {
        if (strcmp(words[w], "my") != 0 && strcmp(words[w], "our") != 0) continue;
        static const char *const opens[] = {"my ", "our ", "the ", NULL};
        for (const char *p = memchr(c, '(', cn); p && a < 0;
             p = memchr(p + 1, '(', cn - (size_t)(p + 1 - c))) {
            const char *q = p + 1;
            while (q < c + cn && *q == ' ') q++;
            for (int o = 0; opens[o] && a < 0; o++) {
                size_t ol = strlen(opens[o]), kl = strlen(words[w + 1]);
                if (q + ol + kl <= c + cn && !strncasecmp(q, opens[o], ol) &&
                    !strncasecmp(q + ol, words[w + 1], kl))
                    a = w;
            }
        }
    }
    int bare = 0;               /* "tomek (hubby) is a roofer": the kin word alone */
    for (int w = 1; paren && a < 0 && w < n; w++) {
        size_t kl = strlen(words[w]);
        for (const char *p = paren; p && a < 0; p = memchr(p + 1, '(', cn - (size_t)(p + 1 - c))) {
            const char *q = p + 1;
            while (q < c + cn && *q == ' ') q++;
            if (q + kl <= c + cn && !strncasecmp(q, words[w], kl) &&
                (q + kl == c + cn || !isalpha((unsigned char)q[kl])))
                a = w - 1, bare = 1;     /* (a: the word before the kin word's) */
        }
    }
    /* "dara my sister lives ...": a name first, then "my" and kin word(s) */
    static const char *const chat[] = {"brb", "ugh", "oh", "ok", "okay", "well", "also", "plus",
                                       "but", "yeah", "yes", "no", "hmm", "wow", "sadly",
                                       "anyway", "fyi", "ps", "ngl", "update", "news", "sorry",
                                       "today", "tonight", "guess", "apparently", "since",
                                       "after", "before", "because", "when", "while", "until",
                                       "as", "like", "with", "without", "for", "about", "from",
                                       "to", "at", "in", "on", "by", "and", "or", "if",
                                       "unless", "though", "although", "once", "where", "then",
                                       "now", "honestly", "literally", "basically", NULL};
    int f = 0;
    while (f < n && understand_in_list(understand_greetings, words[f])) f++;
    for (int w = f + 1; a < 0 && w <= f + 2 && w + 1 < n; w++)
        if (!strcmp(words[w], "my") && !understand_in_list(understand_personal_words, words[f]) &&
            !understand_in_list(chat, words[f]) &&
            !understand_in_list(understand_empty_words, words[f]) &&
            (w == f + 1 || (caps[f] && caps[f + 1])))
            a = w;
    int s = a - 1 + bare;       /* the name's words [s, a + bare) */
    if (s > 0 && caps[s] && caps[s - 1] && !understand_is_cjk(words[s - 1])) s--;
    if (a >= 1 - bare && a + 1 < n &&
        (bare || !strcmp(words[a], "my") || !strcmp(words[a], "our")) &&
        name_words(words, s, a + bare, told))
        for (int h = a + 4 <= n ? a + 4 : n; h >= a + 2; h--) {    /* the longest */
            char key[UNDERSTAND_KEY];
            understand_holder(words + a + 1, h - a - 1, key, sizeof key);
            if (!understand_kin(key)) continue;
            /* the reader's holder of the name ("tomek", "tomek hubby") is the kin */
            char named[UNDERSTAND_KEY];
            understand_holder(words + s, a + bare - s, named, sizeof named);
            for (int i = 0; i < k; i++)
                if (!strncmp(out[i].holder, named, strlen(named)) &&
                    (!out[i].holder[strlen(named)] || out[i].holder[strlen(named)] == ' ')) {
                    snprintf(out[i].holder, sizeof out[i].holder, "%s", key);
                    out[i].personal = 1;
                }
            return name_of_kin(c, cn, words, s, a + bare, key, &first, out, k, max);
        }
    int m = !strcmp(words[0], "my") || !strcmp(words[0], "our");
    /* "me and my husband Tobiah have three kids": the two of them, then a verb of both */
    static const char *const of_both[] = {"have", "are", "were", "live", "run", "own",
                                          "got", "'ve", NULL};
    int both = n > 4 && (!strcmp(words[0], "me") || !strcmp(words[0], "i")) &&
               !strcmp(words[1], "and") && !strcmp(words[2], "my");
    if (both) m = 3;
    for (int h = m + 1; h <= m + 2 && h < n; h++) {    /* kin words [m, h) */
        char key[UNDERSTAND_KEY];
        understand_holder(words + m, h - m, key, sizeof key);
        if (!understand_kin(key)) continue;
        if (vocab_possessive(words[h - 1]) || !strcmp(words[h], "'s")) return k;   /* "mum's" */
        int a = h;              /* name words [h, a): one typed small, or two capitalised */
        while (a < n && a - h < 2 && caps[a] && !understand_is_cjk(words[a])) a++;
        if (a == h) a = h + 1;
        if (a >= n) return k;
        /* then "and I", or a verb said of them ("runs", "is", "sends": a word in -s) */
        size_t vl = strlen(words[a]);
        int next = !strcmp(words[a], "and")
                       ? a + 1 < n && (!strcmp(words[a + 1], "i") || !strcmp(words[a + 1], "me"))
                       : understand_in_list(told, words[a]) ||
                             (both && understand_in_list(of_both, words[a])) ||
                             understand_in_list(understand_person_verbs, words[a]) ||
                             (vl > 3 && words[a][vl - 1] == 's' && words[a][vl - 2] != 's' &&
                              !lex_is_stopword(words[a]));
        if (!name_words(words, h, a, told) || !next) return k;
        return name_of_kin(c, cn, words, h, a, key, &first, out, k, max);
    }
    return k;
}

int understand_mend_kin_named_with(const char *c, size_t cn, const char *const *words,
                                   const unsigned char *caps, int n, understood_t *out, int k,
                                   int max)
{
    static const char *const told[] = {"is", "was", "says", "said", "has", "and", "called",
                                       "named", "'s", NULL};
    if (k < 1) return k;
    const understood_t first = out[0];
    for (int w = 1; w + 2 < n; w++) {
        if (strcmp(words[w - 1], "with") != 0 ||
            (strcmp(words[w], "my") != 0 && strcmp(words[w], "me") != 0 &&
             strcmp(words[w], "our") != 0))
            continue;
        for (int h = w + 3 < n ? w + 3 : n - 1; h >= w + 2; h--) {  /* kin words [w+1, h) */
            char key[UNDERSTAND_KEY];
            understand_holder(words + w + 1, h - w - 1, key, sizeof key);
            if (!understand_kin(key)) continue;
            /* one name with a capital, then the clause's end or a word in small letters */
            if (!caps[h] || understand_is_cjk(words[h]) || !name_words(words, h, h + 1, told) ||
                (h + 1 < n && caps[h + 1]))
                break;
            char name[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, h, h + 1, name, sizeof name);
            for (int i = 0; i < k; i++) {
                if (!strcmp(out[i].holder, key) && out[i].rel == READER_REL_NAME &&
                    out[i].value[0])
                    return k;           /* (the reader read it) */
                if (!strcmp(out[i].holder, key) && !out[i].value[0] &&
                    !strcasecmp(out[i].name, name)) {   /* (as a name told in passing) */
                    forms_told_unit(&out[i], READER_REL_NAME, key,
                                    reader_rel_name(READER_REL_NAME), name, &out[i]);
                    return k;
                }
            }
            if (k >= max) return k;
            forms_told_unit(&first, READER_REL_NAME, key, reader_rel_name(READER_REL_NAME), name,
                            &out[k]);
            return k + 1;
        }
    }
    return k;
}

void understand_mend_thing_called(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const articles[] = {"a", "an", "the", "my", "our", NULL};
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel != READER_REL_NAME || strcmp(u->holder, "self") != 0 || !u->value[0])
            continue;
        const char *first = u->value;
        size_t fl = strcspn(first, " ");
        int v = 2;
        while (v < n && !(strlen(words[v]) == fl && !strncasecmp(words[v], first, fl))) v++;
        if (v >= n || (strcmp(words[v - 1], "called") != 0 && strcmp(words[v - 1], "named") != 0))
            continue;
        const char *noun = words[v - 2];
        int a = v - 3;          /* an article up to two words before the noun */
        while (a >= 0 && v - 3 - a < 2 && !understand_in_list(articles, words[a])) a--;
        if (a < 0 || v - 3 - a >= 2 || !isalpha((unsigned char)noun[0]) ||
            lex_is_stopword(noun) || understand_in_list(understand_empty_words, noun))
            continue;
        char key[UNDERSTAND_KEY];
        understand_holder(&noun, 1, key, sizeof key);
        snprintf(u->holder, sizeof u->holder, "%s", key);
    }
}

int understand_mend_group_not_place(const char *const *words, int n, understood_t *out, int k)
{
    int kept = 0;
    for (int i = 0; i < k; i++) {
        int place = out[i].rel == READER_REL_WORKPLACE || out[i].rel == READER_REL_HOME;
        const char *last = strrchr(out[i].value, ' ');
        last = last ? last + 1 : out[i].value;
        int w = 0;              /* the value's last word, and the word after it */
        while (place && last[0] && w + 1 < n && strcasecmp(words[w], last)) w++;
        if (place && last[0] && w + 1 < n && understand_in_list(understand_group_words, words[w + 1]))
            continue;
        out[kept++] = out[i];
    }
    return kept;
}

void understand_mend_job_read_as_firm(understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        if (out[i].rel != READER_REL_EMPLOYER || !out[i].value[0] ||
            !islower((unsigned char)out[i].value[0]))
            continue;
        const char *last = strrchr(out[i].value, ' ');
        if (!kinds_person(last ? last + 1 : out[i].value)) continue;
        int place = !strncasecmp(out[i].value, "the ", 4);  /* "the maternity ward",
                                                              * though a ward is a person */
        out[i].rel = place ? READER_REL_WORKPLACE : READER_REL_JOB;
        snprintf(out[i].relation, sizeof out[i].relation, "%s", reader_rel_name(out[i].rel));
    }
}

void understand_mend_job_read_as_name(const char *const *words, int n, understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        static const char *const being[] = {"a", "an", "am", "i'm", "im", NULL};
        understood_t *u = &out[i];
        int liked = (u->rel == READER_REL_HOBBY || u->rel == READER_REL_LIKES) &&
                    !strcmp(u->holder, "self");
        if ((u->rel != READER_REL_NAME && !liked) || !islower((unsigned char)u->value[0]))
            continue;
        const char *last = strrchr(u->value, ' ');
        if (!kinds_person(last ? last + 1 : u->value) ||
            understand_in_list(understand_no_trade_words, last ? last + 1 : u->value))
            continue;
        size_t fl = strcspn(u->value, " ");
        int nv = 1;             /* the value's words ("podiatrist here": after them) */
        for (const char *p = u->value; *p; p++) nv += *p == ' ';
        int after_a = 0;
        for (int w = 0; w < n && !after_a; w++) {
            if (strlen(words[w]) != fl || strncmp(words[w], u->value, fl) != 0) continue;
            int e = w + nv;
            after_a = (w > 0 && understand_in_list(being, words[w - 1])) ||
                      (!strcmp(u->holder, "self") && e < n && !strcmp(words[e], "here"));
        }
        if (!after_a) continue;
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
    }
}

void understand_mend_titled_name(const char *c, size_t cn, const char *const *words, int n,
                                 understood_t *out, int k)
{
    static const char *const titles[] = {"professor", "prof", "dr", "doctor", "mr", "mrs",
                                         "ms", "miss", "madam", "madame", "sir", "dame",
                                         "herr", "frau", NULL};
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel != READER_REL_JOB || !isupper((unsigned char)u->value[0])) continue;
        size_t fl = strcspn(u->value, " ");
        for (int w = 1; w < n; w++) {
            if (strlen(words[w]) != fl || strncasecmp(words[w], u->value, fl) != 0) continue;
            if (!understand_in_list(titles, words[w - 1])) break;
            char whole[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, w - 1, w + 1, whole, sizeof whole);
            whole[0] = (char)toupper((unsigned char)whole[0]);  /* "Professor Bianchi" */
            memcpy(u->value, whole, sizeof u->value);
            u->rel = READER_REL_NAME;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
            break;
        }
    }
}

/* 1 when word w of words is a time that comes round: "weekends", "saturdays", a day or
 * part of one after "every", "on", "at" or "most" ("every morning", "on sunday"), or parts
 * in the plural after those or "the" ("in the evenings"; not "ICU nights", "during the
 * day"). */
static int habitual_time(const char *const *words, int w)
{
    static const char *const always[] = {"weekends", "mondays", "tuesdays", "wednesdays",
                                         "thursdays", "fridays", "saturdays", "sundays", NULL};
    static const char *const parts[] = {"weekend", "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday", "sunday", "morning",
                                        "evening", "night", "day", "week", NULL};
    static const char *const plural[] = {"mornings", "evenings", "nights", NULL};
    static const char *const before[] = {"every", "on", "at", "most", NULL};
    if (understand_in_list(always, words[w])) return 1;
    if (w > 0 && understand_in_list(plural, words[w]))
        return understand_in_list(before, words[w - 1]) || !strcmp(words[w - 1], "the");
    return w > 0 && understand_in_list(parts, words[w]) && understand_in_list(before, words[w - 1]);
}

int understand_mend_pastime(const char *const *words, int n, int act, understood_t *out, int k)
{
    static const char *const leisure[] = {"play", "plays", "go", "goes", NULL};
    int when = 0, does = 0, goes = 0;
    for (int w = 0; w < n; w++) {
        goes |= understand_in_list(leisure, words[w]);
        if (understand_in_list(understand_work_words, words[w]) &&
            !(w > 0 && (!strcmp(words[w - 1], "before") || !strcmp(words[w - 1], "after"))))
            return k;
        when |= habitual_time(words, w);
        does |= !strcmp(words[w], "do");
    }
    if (!when) return k;
    int kept = 0;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        int mine = !strcmp(u->holder, "self");
        if (act == READER_QUESTION) {
            if (mine && does && (u->rel == READER_REL_JOB || u->rel == READER_REL_HOBBY)) {
                u->rel = READER_REL_HOBBY;      /* (the time is no value asked) */
                u->value[0] = '\0';
                snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOBBY));
            }
        } else if (mine && u->value[0]) {
            if ((u->rel == READER_REL_EMPLOYER || u->rel == READER_REL_WORKPLACE) &&
                islower((unsigned char)u->value[0]) && goes)
                continue;
            const char *last = strrchr(u->value, ' ');
            int trade = u->rel == READER_REL_JOB && kinds_person(last ? last + 1 : u->value) &&
                        !understand_in_list(understand_no_trade_words, last ? last + 1 : u->value);
            if ((u->rel == READER_REL_JOB && !trade) || (u->rel == READER_REL_SCHOOL && goes) ||
                (u->rel == READER_REL_OPEN &&
                 (!u->relation[0] || !strncmp(u->relation, "go", 2)))) {  /* "go for a swim" */
                u->rel = READER_REL_HOBBY;
                u->fact_min_p = 0;              /* settled by the time it comes round */
                snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_HOBBY));
            }
        }
        out[kept++] = *u;
    }
    return kept ? kept : said_nothing(out, k);
}

int understand_mend_job_as_holder(const char *c, size_t cn, const char *const *words, int n,
                                  understood_t *out, int k, int max)
{
    for (int i = 0; i < k; i++) {
        const char *h = out[i].holder;
        if (!h[0] || !strcmp(h, "self") || !kinds_person(h) || understand_kin(h)) continue;
        /* "midwife at the Rosie in Cambridge": the job opens the clause (one or two words,
         * past fillers) and "at", "in", "for" or a comma follows it, no one's before it */
        int f = 0;
        while (f < n && understand_in_list(understand_empty_words, words[f])) f++;
        int first = (f < n && !strcmp(words[f], h)) || (f + 1 < n && !strcmp(words[f + 1], h) &&
                                                        !lex_is_stopword(words[f]) &&
                                                        isalpha((unsigned char)words[f][0]));
        int end = f < n && !strcmp(words[f], h) ? f + 1 : f + 2;
        static const char *const then[] = {"at", "in", "for", "with", ",", NULL};
        if (first && (end >= n || understand_in_list(then, words[end]))) {   /* not "quarter
                                                                              * end at ..." */
            char job[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, f, end, job, sizeof job);
            char was[UNDERSTAND_KEY];
            snprintf(was, sizeof was, "%s", h);
            for (int j = 0; j < k; j++)
                if (!strcmp(out[j].holder, was)) {
                    snprintf(out[j].holder, sizeof out[j].holder, "self");
                    out[j].personal = 1;
                }
            if (k >= max) return k;
            understood_t base = out[i];
            forms_told_unit(&base, READER_REL_JOB, "self", reader_rel_name(READER_REL_JOB), job,
                            &out[k]);
            return k + 1;
        }
        for (int w = 0; w + 4 < n; w++) {
            char kin[UNDERSTAND_KEY];
            understand_holder_of(words[w + 1], kin, sizeof kin);
            if (strcmp(words[w], "my") != 0 || !understand_kin(kin) ||
                strcmp(words[w + 2], "is") != 0 ||
                (strcmp(words[w + 3], "a") != 0 && strcmp(words[w + 3], "an") != 0))
                continue;
            int end = -1;
            for (int j = w + 4; j < n && j <= w + 6 && end < 0; j++)
                if (!strcmp(words[j], h)) end = j + 1;
            if (end < 0) continue;
            char job[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, w + 4, end, job, sizeof job);
            for (int j = 0; j < k; j++)
                if (!strcmp(out[j].holder, h)) snprintf(out[j].holder, sizeof out[j].holder, "%s", kin);
            int told = 0;
            for (int j = 0; j < k && !told; j++)
                told = out[j].rel == READER_REL_JOB && !strcmp(out[j].holder, kin);
            if (told || k >= max) return k;
            understood_t base = out[i];
            forms_told_unit(&base, READER_REL_JOB, kin, reader_rel_name(READER_REL_JOB), job,
                            &out[k]);
            return k + 1;
        }
    }
    return k;
}

int understand_mend_month_not_firm(understood_t *out, int k)
{
    int kept = 0;
    for (int i = 0; i < k; i++)
        if (!((out[i].rel == READER_REL_EMPLOYER || out[i].rel == READER_REL_WORKPLACE) &&
              understand_month(out[i].value)))
            out[kept++] = out[i];
    return kept ? kept : said_nothing(out, k);
}

int understand_mend_firm_after_job(const char *c, size_t cn, const char *const *words,
                                   const unsigned char *caps, int n, understood_t *out,
                                   int k, int max)
{
    int job = -1;
    for (int i = 0; i < k && job < 0; i++)
        if (out[i].rel == READER_REL_JOB && out[i].value[0]) job = i;
    if (job < 0) return k;
    for (int i = 0; i < k; i++)
        if (out[i].rel == READER_REL_EMPLOYER && !strcmp(out[i].holder, out[job].holder))
            return k;
    int s = -1, e = -1, on = 0;
    for (int w = 0; w + 1 < n && s < 0; w++) {
        /* ("with the Royal Mint", "for the Met Office"; "on the Solent hovercraft": a vessel or
         * line worked on, with its word typed small) */
        const char *last = strrchr(out[job].value, ' ');
        last = last ? last + 1 : out[job].value;
        int the = w > 0 && w + 2 < n && !strcmp(words[w + 1], "the") &&
                  !strcasecmp(words[w - 1], last) &&      /* (right after the job) */
                  (!strcmp(words[w], "with") || !strcmp(words[w], "for") ||
                   !strcmp(words[w], "on"));
        int at = the ? w + 2 : w + 1;
        if ((the || !strcmp(words[w], "at")) && caps[at] &&
            isalpha((unsigned char)words[at][0]) && !understand_month(words[at]))
            s = at, on = the && !strcmp(words[w], "on");
    }
    if (s < 0) return k;
    for (e = s; e < n && e - s < 3 && (caps[e] || !strcmp(words[e], "'s")); e++) {}
    if (on && e < n && e - s < 3 && isalpha((unsigned char)words[e][0]) &&
        !lex_is_stopword(words[e]))
        e++;
    char firm[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, s, e, firm, sizeof firm);
    for (int i = 0; i < k; i++)
        if (out[i].rel == READER_REL_WORKPLACE && !strcmp(out[i].holder, out[job].holder) &&
            !strcasecmp(out[i].value, firm)) {
            out[i].rel = READER_REL_EMPLOYER;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_EMPLOYER));
            return k;
        }
    if (k >= max) return k;
    understood_t base = out[job];
    forms_told_unit(&base, READER_REL_EMPLOYER, base.holder,
                    reader_rel_name(READER_REL_EMPLOYER), firm, &out[k]);
    return k + 1;
}

int understand_mend_firm_before_town(const char *c, size_t cn, const char *const *words,
                                     int n, understood_t *out, int k, int max)
{
    static const char *const working[] = {"work", "works", "worked", "working", NULL};
    static const char *const then[] = {"in", "on", "by", "near", "off", "downtown", NULL};
    int town = -1;
    for (int i = 0; i < k && town < 0; i++)
        if (out[i].rel == READER_REL_WORKPLACE && out[i].value[0] &&
            !strcmp(out[i].holder, "self") && out[i].act != READER_QUESTION &&
            out[i].act != READER_YESNO)
            town = i;
    if (town < 0 || k >= max) return k;
    for (int i = 0; i < k; i++)
        if (out[i].rel == READER_REL_EMPLOYER && !strcmp(out[i].holder, "self")) return k;
    const char *job = NULL;             /* "an accountant at a shipping firm in Accra" */
    for (int i = 0; i < k && !job; i++)
        if (out[i].rel == READER_REL_JOB && out[i].value[0] && !strcmp(out[i].holder, "self"))
            job = strrchr(out[i].value, ' ') ? strrchr(out[i].value, ' ') + 1 : out[i].value;
    static const char *const when[] = {"part", "time", "full", "weekends", "nights",
                                       "evenings", "mornings", "shifts", NULL};
    int s = -1;
    for (int w = 0; w + 2 < n && s < 0; w++) {
        if (!understand_in_list(working, words[w]) && !(job && !strcasecmp(words[w], job)))
            continue;
        int a = w + 1;          /* ("working weekends at a garden centre") */
        while (a < n && a - w <= 3 && understand_in_list(when, words[a])) a++;
        if (a + 1 < n && !strcmp(words[a], "at") &&
            (!strcmp(words[a + 1], "a") || !strcmp(words[a + 1], "an")))
            s = a + 1;
    }
    if (s < 0) return k;
    int e = s + 1;
    while (e < n && e - s <= 3 && isalpha((unsigned char)words[e][0]) &&
           !understand_in_list(then, words[e]))
        e++;
    if (e == s + 1 || e - s > 3 || (e < n && !understand_in_list(then, words[e]))) return k;
    char firm[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, s, e, firm, sizeof firm);
    for (int i = 0; i < k; i++)         /* (its words read as a value already) */
        if (out[i].value[0] && understand_holds_text(firm, strlen(firm), out[i].value))
            return k;
    understood_t base = out[town];
    forms_told_unit(&base, READER_REL_EMPLOYER, base.holder,
                    reader_rel_name(READER_REL_EMPLOYER), firm, &out[k]);
    return k + 1;
}

/* Words no place is ("nurse in training", "a carer at heart", "a lifeguard in summer"). */
static const char *const no_place[] = {"training", "heart", "work", "home", "night", "nights",
                                       "weekends", "general", "charge", "love", "residence",
                                       "disguise", "progress", "summer", "winter", "spring",
                                       "autumn", "fall", "mornings", "evenings", "the", "a",
                                       "an", "my", "our", "total", NULL};

void understand_mend_town_of_work(const char *msg, understood_t *out, int k)
{
    static const char *const ends[] = {"with", "and", "for", "since", "near", "but", "so",
                                       "which", "where", "from", "now", "mostly", "as",
                                       "at", "on", "in", "till", "until", "because", "town",
                                       "city", "person", "may", NULL};
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if ((u->rel != READER_REL_WORKPLACE && u->rel != READER_REL_EMPLOYER) ||
            strcmp(u->holder, "self") != 0 || !u->value[0] || strstr(u->value, " in ") ||
            u->act == READER_QUESTION || u->act == READER_YESNO)
            continue;
        const char *c = msg + u->at;
        size_t cn = u->len;
        long at = understand_text_at(c, cn, u->value);
        if (at < 0) continue;
        size_t p = (size_t)at + strlen(u->value);
        if (p + 4 > cn || strncasecmp(c + p, " in ", 4) != 0) continue;
        size_t b = p + 4, e = b;
        int words = 0;
        for (;;) {                  /* one to three words of the place, to a mark or a
                                     * word that goes on ("in Lagos with my ...") */
            size_t we = e;
            while (we < cn && (isalpha((unsigned char)c[we]) || (unsigned char)c[we] >= 0x80 ||
                               c[we] == '-'))
                we++;
            char w[32];
            snprintf(w, sizeof w, "%.*s", (int)(we - e), c + e);
            for (char *q = w; *q; q++) *q = (char)tolower((unsigned char)*q);
            if (we == e || understand_in_list(ends, w) || understand_in_list(no_place, w) ||
                understand_month(w) || understand_weekday(w) ||
                (words == 0 && lex_is_stopword(w)) || words == 3)
                break;
            words++;
            e = we;
            if (e + 1 >= cn || c[e] != ' ' || !isalpha((unsigned char)c[e + 1])) break;
            e++;
        }
        while (e > b && c[e - 1] == ' ') e--;
        if (!words || (e < cn && isalnum((unsigned char)c[e]))) continue;
        char town[UNDERSTAND_VALUE];
        snprintf(town, sizeof town, "%.*s", (int)(e - b), c + b);
        int read = 0;               /* (the town read as a value already: a home) */
        for (int j = 0; j < k && !read; j++)   /* (chat's units write nothing) */
            read = out[j].act != READER_SMALLTALK && !strcasecmp(out[j].value, town);
        if (read || strlen(u->value) + 4 + strlen(town) >= sizeof u->value) continue;
        size_t vl = strlen(u->value);
        snprintf(u->value + vl, sizeof u->value - vl, " in %s", town);
    }
}


int understand_mend_kin_aged(const char *const *words, int n, understood_t *out, int k, int max)
{
    for (int w = 1; w + 1 < n; w++) {
        if (strcmp(words[w], "is") != 0 || !understand_number_only(words[w + 1])) continue;
        long age;
        if (!understand_number(words[w + 1], &age) || age <= 0 || age > 120) continue;
        if (w + 2 < n && forms_unit(words[w + 2])) continue;     /* "is 5 km away" */
        char key[UNDERSTAND_KEY] = "";
        for (int h = w - 1; h >= 0 && h >= w - 2 && !key[0]; h--) {
            understand_holder_of(words[h], key, sizeof key);
            if (!understand_kin(key) || understand_plural(words[h])) key[0] = '\0';
        }                       /* (not of a group: "2 kids: tove is 8") */
        if (!key[0]) return k;
        for (int i = 0; i < k; i++)
            if (out[i].rel == READER_REL_AGE && !strcmp(out[i].holder, key)) return k;
        if (k < 1 || k >= max) return k;
        understood_t base = out[0];
        forms_told_unit(&base, READER_REL_AGE, key, reader_rel_name(READER_REL_AGE),
                        words[w + 1], &out[k]);
        return k + 1;
    }
    return k;
}

void understand_mend_crazy_about(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const fond[] = {"crazy", "mad", "nuts", "obsessed", "wild", "potty",
                                       NULL};
    static const char *const of[] = {"about", "with", "over", NULL};
    for (int w = 0; w + 2 < n; w++) {
        if (!understand_in_list(fond, words[w]) || !understand_in_list(of, words[w + 1])) continue;
        for (int i = 0; i < k; i++) {
            size_t fl = strcspn(out[i].value, " ");
            if (out[i].rel == READER_REL_LIKES || !out[i].value[0] ||
                strlen(words[w + 2]) != fl || strncasecmp(words[w + 2], out[i].value, fl) != 0)
                continue;
            out[i].rel = READER_REL_LIKES;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_LIKES));
        }
    }
}

void understand_mend_driven(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const drives[] = {"drive", "drives", "driving", "drove", "ride",
                                         "rides", "riding", NULL};
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (!u->value[0] || u->rel == READER_REL_OWNS || u->rel == READER_REL_NAME ||
            u->rel == READER_REL_JOB)
            continue;
        size_t fl = strcspn(u->value, " ");
        for (int w = 2; w < n; w++) {
            if (strlen(words[w]) != fl || strncasecmp(words[w], u->value, fl) != 0) continue;
            int a = w - 1;      /* "driving a (rusty little) fiat" */
            while (a > 0 && w - a <= 3 && strcmp(words[a], "a") != 0 && strcmp(words[a], "an") != 0)
                a--;
            if (a < 1 || w - a > 3 || (strcmp(words[a], "a") && strcmp(words[a], "an")) ||
                !understand_in_list(drives, words[a - 1]))
                continue;
            u->rel = READER_REL_OWNS;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_OWNS));
            break;
        }
    }
}

int understand_mend_one_name(understood_t *out, int k)
{
    int kept = 0;
    for (int i = 0; i < k; i++) {
        int again = 0;
        for (int j = 0; j < kept && !again; j++)
            again = out[i].rel == READER_REL_NAME && out[j].rel == READER_REL_NAME &&
                    out[i].act == READER_FACT && out[j].act == READER_FACT &&
                    out[i].value[0] && out[j].value[0] &&
                    !strcmp(out[i].holder, out[j].holder) &&
                    (understand_kin(out[i].holder) || dialogue_pet_word(out[i].holder)) &&
                    !understand_group_key(out[i].holder) && !understand_plural(out[i].holder) &&
                    !isupper((unsigned char)out[i].value[0]);
        if (!again) out[kept++] = out[i];
    }
    return kept;
}

void understand_mend_kind_named(const char *const *words, int n, understood_t *out, int k)
{
    static const char *const naming[] = {"named", "called", NULL};
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel != READER_REL_KIND || !u->value[0] || strchr(u->value, ' ')) continue;
        for (int w = 1; w < n; w++)
            if (!strcasecmp(words[w], u->value) && understand_in_list(naming, words[w - 1])) {
                u->rel = READER_REL_NAME;
                snprintf(u->relation, sizeof u->relation, "%s",
                         reader_rel_name(READER_REL_NAME));
                break;
            }
    }
}

int understand_mend_job_town(const char *c, size_t cn, const char *const *words, int n,
                             understood_t *out, int k, int max)
{
    int job = -1;
    for (int i = 0; i < k; i++) {
        if (strcmp(out[i].holder, "self") != 0) continue;
        if (out[i].rel == READER_REL_JOB && out[i].value[0] && out[i].act == READER_FACT) job = i;
        if ((out[i].rel == READER_REL_WORKPLACE || out[i].rel == READER_REL_HOME) &&
            out[i].value[0] && out[i].act == READER_FACT)
            return k;
    }
    if (job < 0 || k >= max) return k;
    int in = -1;
    for (int w = 1; w + 1 < n; w++)
        if (!strcmp(words[w], "in")) in = w;
    if (in < 0 || understand_in_list(no_place, words[in + 1]) || lex_is_stopword(words[in + 1]) ||
        !isalpha((unsigned char)words[in + 1][0]) || understand_month(words[in + 1]) ||
        understand_weekday(words[in + 1]))
        return k;
    char place[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, in + 1, n, place, sizeof place);
    int np = 1;
    for (const char *p = place; *p; p++) np += *p == ' ';
    if (!place[0] || np > 3 ||
        understand_text_at(out[job].value, strlen(out[job].value), place) >= 0)
        return k;
    understood_t base = out[job];
    forms_told_unit(&base, READER_REL_WORKPLACE, "self", reader_rel_name(READER_REL_WORKPLACE),
                    place, &out[k]);
    return k + 1;
}

int understand_mend_job_of_pronoun(const char *c, size_t cn, const char *const *words, int n,
                                   understood_t *out, int k)
{
    static const char *const contracted[] = {"she's", "he's", "shes", "hes", NULL};
    static const char *const pronoun[] = {"she", "he", NULL};
    int w = 0;
    if (n > 0 && understand_in_list(contracted, words[0])) w = 1;
    else if (n > 1 && understand_in_list(pronoun, words[0]) && !strcmp(words[1], "is")) w = 2;
    if (!w || w >= n || (strcmp(words[w], "a") != 0 && strcmp(words[w], "an") != 0)) return k;
    int s = w + 1, e = s;
    while (e < n && e - s < 2 && isalpha((unsigned char)words[e][0]) && !lex_is_stopword(words[e]))
        e++;
    while (e > s && !kinds_person(words[e - 1])) e--;
    if (e == s || understand_kin(words[e - 1]) || k < 1) return k;
    for (int i = 0; i < k; i++)         /* a job the reader read stays */
        if (out[i].rel == READER_REL_JOB && out[i].value[0]) return k;
    char job[UNDERSTAND_VALUE], who[8];
    understand_as_written(c, cn, words, s, e, job, sizeof job);
    snprintf(who, sizeof who, "%s", words[0][0] == 's' ? "she" : "he");
    understood_t base = out[0];
    forms_told_unit(&base, READER_REL_JOB, who, reader_rel_name(READER_REL_JOB), job, &out[0]);
    return 1;
}

/* The one of a thing of the plural word w into out ("trucks" truck, "ponies" pony,
 * "watches" watch); the word itself when it is no plural. */
static void one_of(const char *w, char *out, size_t cap)
{
    size_t l = strlen(w);
    if (l > 4 && !strcmp(w + l - 3, "ies") && !strchr("gkv", w[l - 4]))   /* (budgies) */
        snprintf(out, cap, "%.*sy", (int)(l - 3), w);
    else if (l > 4 && (!strcmp(w + l - 4, "ches") || !strcmp(w + l - 4, "shes") ||
                       !strcmp(w + l - 3, "xes") || !strcmp(w + l - 4, "sses")))
        snprintf(out, cap, "%.*s", (int)(l - 2), w);
    else if (l > 5 && !strcmp(w + l - 3, "oes"))        /* (tomatoes; not shoes) */
        snprintf(out, cap, "%.*s", (int)(l - 2), w);
    else if (l > 3 && w[l - 1] == 's' && w[l - 2] != 's')
        snprintf(out, cap, "%.*s", (int)(l - 1), w);
    else snprintf(out, cap, "%s", w);
}

int understand_mend_trade_verb(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k, int max)
{
    static const struct {
        const char *verb, *doer;
    } trades[] = {{"paint", "painter"}, {"fix", "fixer"}, {"repair", "repairer"},
                  {"tune", "tuner"}, {"build", "builder"}, {"make", "maker"},
                  {"bake", "baker"}, {"sell", "seller"}, {"clean", "cleaner"},
                  {"breed", "breeder"},
                  {"grow", "grower"}, {"design", "designer"}, {"restore", "restorer"},
                  {"install", "installer"}, {"translate", "translator"},
                  {"write", "writer"}, {"set", "setter"}, {"walk", "walker"},
                  {"groom", "groomer"}, {"brew", "brewer"}, {"weld", "welder"},
                  {"shear", "shearer"}, {"mend", "mender"}, {"carve", "carver"},
                  {"shoe", "shoer"}, {"deliver", "deliverer"}, {"service", "servicer"}};
    /* what one does, not for whom ("i make friends fast", "i walk places") */
    static const char *const no_trade[] = {"friends", "mistakes", "plans", "things", "excuses",
                                           "jokes", "noises", "promises", "places", "rules",
                                           "goals", "decisions", "changes", "sounds",
                                           "faces", "exceptions", "lists", "memories",
                                           "eyes", "steps", "miles", "kms", "km", "hours",
                                           "laps", "circles", NULL};
    static const char *const living[] = {"living", "work", "job", "trade", "money", NULL};
    static const char *const pastime[] = {"fun", "hobby", "weekends", "weekend", "spare",
                                          "sometimes", "occasionally", "free", NULL};
    for (int i = 0; i < k; i++) {       /* a job the reader read stays (a kind of person;
                                         * not "repair clocks") */
        const char *last = strrchr(out[i].value, ' ');
        if (out[i].rel == READER_REL_JOB && out[i].value[0] && out[i].act == READER_FACT &&
            kinds_person(last ? last + 1 : out[i].value))
            return k;
    }
    int p = 0;                          /* "i" first, past greetings and emoji */
    while (p < n && (understand_in_list(understand_greetings, words[p]) ||
                     (unsigned char)words[p][0] >= 0xF0))
        p++;
    if (p + 2 >= n || strcmp(words[p], "i") != 0 || k < 1) return k;
    int t = -1;
    for (size_t j = 0; j < sizeof trades / sizeof trades[0] && t < 0; j++)
        if (!strcmp(words[p + 1], trades[j].verb)) t = (int)j;
    if (t < 0) return k;
    int s = p + 2;
    if (!strcmp(words[s], "the")) s++;  /* "i paint (the) trucks" */
    size_t sl = strlen(words[s]);       /* "i paint (mostly) boats" */
    if (s + 1 < n && sl > 4 && !strcmp(words[s] + sl - 2, "ly")) s++;
    int e = s;
    while (e < n && e - s < 2 && isalpha((unsigned char)words[e][0]) && !lex_is_stopword(words[e]))
        e++;
    if (e == s) return k;
    int cued = 0, idle = 0;             /* "for a living", "for work"; "for fun" */
    for (int w = e; w < n; w++) {
        cued |= understand_in_list(living, words[w]) && w > 0 &&
                (!strcmp(words[w - 1], "for") || !strcmp(words[w - 1], "a") ||
                 !strcmp(words[w - 1], "my"));
        idle |= understand_in_list(pastime, words[w]);
    }
    const char *last = words[e - 1];
    size_t ll = strlen(last);
    int plural = ll > 3 && last[ll - 1] == 's' && last[ll - 2] != 's';
    if (idle || understand_in_list(no_trade, last) || (!plural && !cued)) return k;
    char thing[64], one[64], job[UNDERSTAND_VALUE], object[UNDERSTAND_VALUE];
    thing[0] = '\0';
    if (e - 1 > s) understand_as_written(c, cn, words, s, e - 1, thing, sizeof thing);
    understand_as_written(c, cn, words, s, e, object, sizeof object);
    int spaces = 0;     /* (as written stops at punctuation: "i grow kale, leeks, beans"
                         * lists what one grows, a pastime as often as a trade) */
    for (const char *q = object; *q; q++) spaces += *q == ' ';
    if (spaces < e - s - 1) return k;
    one_of(last, one, sizeof one);
    snprintf(job, sizeof job, "%s%s%s %s", thing, thing[0] ? " " : "", one, trades[t].doer);
    int at = k;                         /* in place of the reader's reading of the things
                                         * ("violins" as an allergy), or of a unit that says
                                         * nothing */
    for (int i = 0; i < k && at == k; i++)
        if (!strcasecmp(out[i].value, object) || !strcasecmp(out[i].value, last) ||
            (out[i].rel == READER_REL_JOB && out[i].value[0]))
            at = i;
    for (int i = 0; i < k && at == k; i++)
        if (!out[i].value[0] || out[i].act != READER_FACT) at = i;
    if (at == k && k >= max) return k;
    understood_t base = out[0];
    forms_told_unit(&base, READER_REL_JOB, "self", reader_rel_name(READER_REL_JOB), job,
                    &out[at]);
    return at == k ? k + 1 : k;
}

/* 1 when hay holds needle, case aside. */
static int holds_nocase(const char *hay, const char *needle)
{
    size_t l = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (!strncasecmp(p, needle, l)) return 1;
    return 0;
}

int understand_mend_started_at(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k, int max)
{
    static const char *const verbs[] = {"start", "starts", "started", "starting", "work",
                                        "works", "working", "begin", "began", "beginning",
                                        "teach", "teaches", "teaching", NULL};
    static const char *const articles[] = {"a", "an", "the", "this", "that", "my", "our",
                                           NULL};
    for (int w = 0; w + 2 < n; w++) {
        int verb = understand_in_list(verbs, words[w]);
        if (!(verb || (kinds_person(words[w]) && !understand_kin(words[w]) &&
                       !understand_in_list(understand_no_trade_words, words[w]) &&
                       !understand_learner(words[w]))) ||
            (strcmp(words[w + 1], "at") != 0 &&
             (strcmp(words[w + 1], "in") != 0 ||
              (!verb && !understand_in_list(articles, words[w + 2])))))
            continue;           /* (or a job before "at", or "in a": "cook at a tiny
                                 * diner", "inspector in a soap factory", not "vet in Cork") */
        int other = 0;          /* ("the missus starts at the dental clinic", "Priya and Sam
                                 * work at the garden centre": theirs) */
        for (int v = 0; v < w && !other; v++) {
            char key[UNDERSTAND_KEY], as[UNDERSTAND_VALUE];
            understand_holder(&words[v], 1, key, sizeof key);
            understand_as_written(c, cn, words, v, v + 1, as, sizeof as);
            other = understand_kin(key) || understand_pronoun(words[v]) ||
                    (v == w - 1 && isupper((unsigned char)as[0]) && islower((unsigned char)as[1]) &&
                     (v == 0 || !strcmp(words[v - 1], "and")));     /* ("Sam works at") */
        }
        if (other) continue;
        int s = w + 2;
        if (understand_in_list(articles, words[s])) s++;
        int e = s;
        while (e < n && e - s < 4 && isalpha((unsigned char)words[e][0]) &&
               !lex_is_stopword(words[e]))
            e++;
        /* "starting at microsoft" read as a change of employer with none named: the one
         * word after "at" */
        for (int i = 0; i < k && e - s == 1 && !strncmp(words[w], "start", 5); i++)
            if ((out[i].rel == READER_REL_EMPLOYER || out[i].rel == READER_REL_WORKPLACE) &&
                !out[i].value[0] && isalpha((unsigned char)words[s][0])) {
                understand_as_written(c, cn, words, s, e, out[i].value, sizeof out[i].value);
                return k;
            }
        /* ... to a word for a place of business ("a shoe repair shop") */
        static const char *const works[] = {"archives", "archive", "library", "museum",
                                            "gallery", "hospital", "office", "warehouse",
                                            "depot", "yard", "plant", "mill", "dairy",
                                            "brewery", "winery", "centre", "center", "school",
                                            "academy", "surgery", "pharmacy",
                                            "observatory", "station", "laboratory", "institute",
                                            "airport", "port", "mine", "ship", "site", "zoo",
                                            "aquarium", "theatre", "theater", "prison",
                                            "kitchen", "college", "university", NULL};
        while (e > s && !understand_in_list(understand_business_words, words[e - 1]) &&
               !understand_in_list(works, words[e - 1]))
            e--;
        if (e - s < 2 || (e + 1 < n && (!strcmp(words[e], "called") ||
                                        !strcmp(words[e], "named"))))
            continue;   /* (one word: the reader reads it; "a little agency called X": X) */
        char place[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, e, place, sizeof place);
        if (strpbrk(place, ",;()")) continue;
        int named = 0;  /* ("at Rosie Hospital": a name, whom one works for) */
        for (const char *q = place; *q && !named; q++) named = isupper((unsigned char)*q);
        int at = k;     /* in place of the reader's piece of it, or of a unit that says
                         * nothing */
        for (int i = 0; i < k && at == k; i++)
            if (out[i].value[0] && holds_nocase(place, out[i].value) &&
                strcmp(out[i].holder, "self") == 0)
                at = i;
        for (int i = 0; i < k && at == k; i++)
            if (!out[i].value[0] || out[i].act == READER_SMALLTALK) at = i;
        if (at == k && k >= max) return k;
        understood_t base = out[0];
        int rel = named ? READER_REL_EMPLOYER : READER_REL_WORKPLACE;
        forms_told_unit(&base, rel, "self", reader_rel_name(rel), place, &out[at]);
        return at == k ? k + 1 : k;
    }
    return k;
}

int understand_mend_job_alone(const char *c, size_t cn, const char *const *words, int n,
                              understood_t *out, int k, int max)
{
    int s = 0;          /* past greetings ("hi there, roofer in Tartu") and "a" */
    while (s < n && (understand_in_list(understand_greetings, words[s]) ||
                     !strcmp(words[s], "there") || (unsigned char)words[s][0] >= 0xF0))
        s++;            /* (an emoji with them: "hiya 👋 ferry mechanic in ...") */
    if (s < n && (!strcmp(words[s], "a") || !strcmp(words[s], "an"))) s++;
    /* "Roofer in Tartu", "nurse at St Anne's", "welder in hull, east yorkshire",
     * "dentist in graz here": where after the job, one to four words up to "here" */
    int at = -1, where = -1, pe = n;
    for (int w = s + 1; w <= s + 3 && w + 1 < n && at < 0; w++)
        if (!strcmp(words[w], "in") || !strcmp(words[w], "at")) at = w;
    for (int w = at + 1; at > 0 && w < n && pe == n; w++)
        if (!strcmp(words[w], "here")) pe = w;
    if (at > 0 && pe > at + 1) {        /* or at a comma ("in hull, east yorkshire") */
        char place[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, at + 1, pe, place, sizeof place);
        int np = place[0] != '\0';
        for (const char *q = place; *q; q++) np += *q == ' ';
        if (at + 1 + np < pe) pe = at + 1 + np;
    }
    int at0 = at;
    for (int w = at + 1; at > 0 && w < pe; w++)     /* one place ("at X in Y" is two) */
        if (!strcmp(words[w], "in") || !strcmp(words[w], "at")) at = -1;
    char read_job[UNDERSTAND_VALUE] = "";   /* (a kind of person: not "diesel engines") */
    for (int i = 0; i < k; i++) {
        const char *last = strrchr(out[i].value, ' ');
        if (out[i].rel == READER_REL_JOB && out[i].value[0] &&
            kinds_person(last ? last + 1 : out[i].value))
            snprintf(read_job, sizeof read_job, "%s", out[i].value);
    }
    if (at > 0 && read_job[0]) {        /* a job the reader read stays, unless it is the
                                         * words before the place */
        char before[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, at, before, sizeof before);
        if (strcasecmp(before, read_job) != 0) at = -1;
    }
    if (at > 0 && pe - at - 1 >= 1 && pe - at - 1 <= 4) {
        char place[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, at + 1, pe, place, sizeof place);
        int lower = isalpha((unsigned char)place[0]) && kinds_person(words[at - 1]) &&
                    !understand_in_list(no_place, words[at + 1]);
        if ((isupper((unsigned char)place[0]) || lower) && !lex_is_stopword(words[at + 1]))
            where = !strcmp(words[at], "in") ? READER_REL_WORKPLACE : READER_REL_EMPLOYER;
    }
    int e = where >= 0 ? at : n;        /* the job's words end here, or, of one word,
                                         * before "at" or "in" of a place of more words
                                         * ("lifeguard at a leisure centre in derby") */
    if (where < 0 && at0 == s + 1 && kinds_person(words[at0 - 1]) && !read_job[0]) e = at0;
    /* "glazier, own business", "Swim coach, Riga": a note's job before its
     * first comma, whatever follows it */
    const char *comma = memchr(c, ',', cn);
    int first = 0;      /* the words before the comma */
    for (int w = 0; comma && w < n; w++) {
        const char *p = words[w];
        size_t l = strlen(p), i = 0;
        for (; i + l <= (size_t)(comma - c) && strncasecmp(c + i, p, l) != 0; i++) {}
        if (i + l > (size_t)(comma - c)) break;
        first = w + 1;
    }
    int noted = where < 0 && comma && first > s && first < n && first - s <= 2;
    if (noted) e = first;
    if (e == n && e - s > 1 && (!strcmp(words[e - 1], "now") ||    /* "pet groomer now" */
                                !strcmp(words[e - 1], "currently")))
        e--;
    int read = 0;           /* (three words only when the reader read no value of them:
                             * "Oona, civil engineer" is a name and a job) */
    for (int i = 0; i < k && !read && !noted && where < 0; i++) read = out[i].value[0] != '\0';
    if (k < 1 || e - s < 1 || e - s > (read ? 2 : 3) || memchr(c, '?', cn) || memchr(c, ':', cn) ||
        memchr(c, '=', cn) || !kinds_person(words[e - 1]) ||
        understand_in_list(understand_no_trade_words, words[e - 1]) || understand_kin(words[e - 1]))
        return k;
    static const char *const thanks[] = {"thanks", "thank", "thx", "ty", "cheers", "ta",
                                         NULL};
    for (int w = s; w < e; w++)
        if (!isalpha((unsigned char)words[w][0]) || lex_is_stopword(words[w]) ||
            understand_in_list(understand_empty_words, words[w]) ||
            understand_in_list(thanks, words[w]) ||
            understand_in_list(understand_greetings, words[w]) ||
            understand_in_list(understand_manner_words, words[w]))
            return k;                   /* "thanks doctor", "cheers mate", "simply ..." */
    char job[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, s, e, job, sizeof job);
    /* "Plumber in Tartu": the capital a clause gives its first word is not the job's
     * ("IT consultant" keeps its own) */
    if (s == 0 && isupper((unsigned char)job[0]) && islower((unsigned char)job[1]))
        job[0] = (char)tolower((unsigned char)job[0]);
    understood_t base = out[0];
    /* where the reader read the user works in the places after the job ("brewer at a
     * brewery in ghent": ghent) stays, told; and what the reader read of others ("...,
     * i've also got a donkey, pepe") */
    char places[2][UNDERSTAND_VALUE];
    int wrel[2], np = 0, nr = 0;
    understood_t rest[8];
    for (int i = 0; i < k; i++) {
        if ((out[i].rel == READER_REL_WORKPLACE || out[i].rel == READER_REL_EMPLOYER) &&
            out[i].value[0] && !strcmp(out[i].holder, "self") && np < 2 && where < 0 &&
            e == at0) {
            snprintf(places[np], sizeof places[np], "%s", out[i].value);
            wrel[np++] = out[i].rel;
        }
        if (out[i].value[0] && nr < 8 &&
            (understand_kin(out[i].holder) || dialogue_pet_word(out[i].holder) ||
             kinds_animal(out[i].holder)))
            rest[nr++] = out[i];
    }
    forms_told_unit(&base, READER_REL_JOB, "self", reader_rel_name(READER_REL_JOB), job, &out[0]);
    int m = 1;
    for (int i = 0; i < np && m < max; i++)
        forms_told_unit(&base, wrel[i], "self", reader_rel_name(wrel[i]), places[i], &out[m++]);
    if (where >= 0 && m < max) {
        char place[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, at + 1, pe, place, sizeof place);
        forms_told_unit(&base, where, "self", reader_rel_name(where), place, &out[m++]);
    }
    for (int i = 0; i < nr && m < max; i++) out[m++] = rest[i];
    return m;
}

int understand_mend_breed_as_holder(const char *c, size_t cn, const char *const *words, int n,
                                    int act, understood_t *out, int k, int max)
{
    for (int i = 0; i < k; i++) {
        const char *animal = kinds_animal(out[i].holder);
        if (!animal || !strcasecmp(animal, out[i].holder)) continue;
        /* "my dog", "our cat" said in the clause; or a breed of dog or cat alone ("a
         * lurcher called Pepper"), which is a dog or a cat however it is said */
        int mine = act == READER_FACT && (!strcmp(animal, "dog") || !strcmp(animal, "cat"));
        for (int j = 0; j < k && mine; j++)     /* but two breeds told apart ("a whippet
                                                 * called X and a pug called Y") */
            mine = !strcmp(out[j].holder, out[i].holder) || !kinds_animal(out[j].holder) ||
                   !strcasecmp(kinds_animal(out[j].holder), out[j].holder);
        for (int w = 1; w < n && !mine; w++)
            mine = !strcasecmp(words[w], animal) &&
                   (!strcmp(words[w - 1], "my") || !strcmp(words[w - 1], "our"));
        if (!mine) continue;
        char breed[UNDERSTAND_VALUE] = "";  /* the kind as the clause says it, longest */
        for (int w = 0; w < n && !breed[0]; w++)
            for (int l = 3; l >= 1 && !breed[0]; l--) {
                if (w + l > n || lex_is_stopword(words[w])) continue;
                char key[UNDERSTAND_KEY];
                understand_holder(words + w, l, key, sizeof key);
                const char *a = kinds_animal(key);
                if (a && !strcasecmp(a, animal) && strcasecmp(key, animal) != 0)
                    understand_as_written(c, cn, words, w, w + l, breed, sizeof breed);
            }
        char was[UNDERSTAND_KEY];
        snprintf(was, sizeof was, "%s", out[i].holder);
        int told = 0;
        for (int j = 0; j < k; j++) {
            if (!strcmp(out[j].holder, was)) snprintf(out[j].holder, sizeof out[j].holder, "%s", animal);
            told |= out[j].rel == READER_REL_KIND && !strcmp(out[j].holder, animal);
        }
        if (act == READER_FACT && !told && breed[0] && k < max) kind_unit(&out[i], breed, &out[k++]);
    }
    return k;
}

void understand_mend_kind_whole(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k)
{
    static const char *const state[] = {"used", "new", "second-hand", "secondhand", "old",
                                        "brand-new", NULL};
    for (int i = 0; i < k; i++) {
        if ((out[i].rel != READER_REL_KIND && out[i].rel != READER_REL_OWNS) ||
            !out[i].value[0] || strchr(out[i].value, ' '))
            continue;
        for (int w = 0; w + 1 < n; w++) {
            if (strcasecmp(words[w], out[i].value) != 0) continue;
            int whole = 0;
            for (int l = 3; l >= 2 && !whole; l--) {
                if (w + l > n) continue;
                char key[UNDERSTAND_KEY];
                understand_holder(words + w, l, key, sizeof key);
                if (kinds_animal(key) && strcasecmp(key, out[i].value) != 0) {
                    understand_as_written(c, cn, words, w, w + l, out[i].value,
                                          sizeof out[i].value);
                    whole = 1;
                }
            }
            /* ... or any kind after "a", through the words after it (two at most, to
             * punctuation or a small word: "pepper's a red kelpie") */
            static const char *const ending[] = {"mix", "cross", "and", "but", "lol", "haha",
                                                 "btw", "tho", "now", "called", "named",
                                                 "who", "that", "which", "today", "yesterday",
                                                 "tonight", "last", "this", "again", "too",
                                                 "finally", "next", "near", "beside",
                                                 "opposite", "behind", "across", NULL};
            int a = w - (w > 1 && understand_in_list(state, words[w - 1]));  /* ("a used") */
            int e = w + 1;
            while (!whole && a > 0 && (!strcmp(words[a - 1], "a") || !strcmp(words[a - 1], "an")) &&
                   e < n && e - w < 3 && isalpha((unsigned char)words[e][0]) &&
                   !lex_is_stopword(words[e]) && !understand_in_list(ending, words[e]) &&
                   !dialogue_pet_word(words[e]) && !understand_kin(words[e]))
                e++;
            char more[UNDERSTAND_VALUE];
            if (!whole && e > w + 1 && (unsigned char)out[i].value[0] < 0x80) {
                understand_as_written(c, cn, words, w, e, more, sizeof more);
                if (!strpbrk(more, ",.;:!?()"))
                    snprintf(out[i].value, sizeof out[i].value, "%s", more);
            }
            break;
        }
    }
}

/* 1 when words[w] may name the trade of the job after it ("taxi" driver, "QA" engineer,
 * "running" coach): no function word, number, word of being or working, or name (a
 * capital not all capitals). */
static int trade_word(const char *c, size_t cn, const char *const *words, int w)
{
    static const char *const not[] = {"became", "become", "becoming", "trained", "training",
                                      "study", "studying", "studied", "qualified", "now",
                                      "also", "still", "here", "there", "im", "i'm", "year",
                                      "years", "whole", "little", "best", NULL};
    const char *x = words[w];
    if (lex_is_stopword(x) || isdigit((unsigned char)x[0]) || !isalpha((unsigned char)x[0]) ||
        understand_in_list(not, x) || understand_in_list(understand_work_words, x) ||
        strchr(x, '\''))
        return 0;
    char as[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, w, w + 1, as, sizeof as);
    int caps = 0;
    for (const char *p = as; *p; p++) caps += isupper((unsigned char)*p) != 0;
    return !isupper((unsigned char)as[0]) || caps == (int)strlen(as);
}

void understand_mend_job_whole(const char *c, size_t cn, const char *const *words, int n,
                               understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        if (out[i].rel != READER_REL_JOB || !out[i].value[0] || strchr(out[i].value, ' ') ||
            (unsigned char)out[i].value[0] >= 0x80)
            continue;
        for (int w = 0; w < n; w++) {
            if (strcasecmp(words[w], out[i].value) != 0) continue;
            int from = w, to = w + 1;
            if (to < n && kinds_person(words[to]) && trade_word(c, cn, words, to)) to++;
            while (from > 0 && from > w - 2 && trade_word(c, cn, words, from - 1)) from--;
            char whole[UNDERSTAND_VALUE];
            if (from < w || to > w + 1)
                understand_as_written(c, cn, words, from, to, whole, sizeof whole);
            /* (none across punctuation: "by trade (electrician)") */
            size_t wl = strlen(whole), vl = strlen(out[i].value);
            int kept = from == w ? wl > vl && !strncasecmp(whole, out[i].value, vl)
                                 : wl > vl && !strcasecmp(whole + wl - vl, out[i].value);
            if ((from < w || to > w + 1) && (kept || (from < w && to > w + 1)) &&
                !strpbrk(whole, "(),;:/"))
                memcpy(out[i].value, whole, sizeof out[i].value);
            break;
        }
    }
}

int understand_mend_job_as(const char *c, size_t cn, const char *const *words, int n,
                           understood_t *out, int k, int max)
{
    int worked = 0;
    for (int i = 0; i < k; i++)         /* ("I used to work as a plumber": a former job) */
        if (!strcmp(out[i].relation, UNDERSTAND_FORMER_JOB)) return k;
    for (int w = 0; w + 2 < n; w++) {
        if (!strcmp(words[w], "used") || !strcmp(words[w], "retired")) return k;
        worked |= understand_in_list(understand_work_words, words[w]);
        if (!worked || strcmp(words[w], "as") != 0 ||
            (strcmp(words[w + 1], "a") != 0 && strcmp(words[w + 1], "an") != 0))
            continue;
        int s = w + 2, e = s;
        while (e < n && e - s < 2 && isalpha((unsigned char)words[e][0]) &&
               !lex_is_stopword(words[e]))
            e++;
        while (e > s && !kinds_person(words[e - 1])) e--;
        if (e == s || understand_kin(words[e - 1])) return k;
        char job[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, s, e, job, sizeof job);
        int at = -1;
        for (int i = 0; i < k && at < 0; i++)
            if (out[i].rel == READER_REL_JOB && !strcmp(out[i].holder, "self")) at = i;
        if (at >= 0 && !strcasecmp(out[at].value, job)) return k;
        for (int i = 0; i < k; i++)     /* ("my sister works as a nurse": hers, read so) */
            if (out[i].rel == READER_REL_JOB && strcmp(out[i].holder, "self") != 0 &&
                !strcasecmp(out[i].value, job))
                return k;
        if (k < 1 || (at < 0 && k >= max)) return k;
        understood_t base = out[0];
        if (at < 0) at = k++;
        forms_told_unit(&base, READER_REL_JOB, "self", reader_rel_name(READER_REL_JOB), job,
                        &out[at]);
        return k;
    }
    return k;
}

/* 1 when words[w], as the clause spells it, opens with a capital and is not "I". */
static int capital_word(const char *c, size_t cn, const char *const *words, int w)
{
    char as[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, w, w + 1, as, sizeof as);
    return isupper((unsigned char)as[0]) && strcasecmp(words[w], "i") != 0 &&
           strcasecmp(words[w], "i'm") != 0 && strcasecmp(words[w], "im") != 0;
}

/* u's value as the name after it ("a bakery called Crumbs": Crumbs), when one word of
 * it in lower case is followed by "called" or "named" and words with capitals. */
static void called_name(const char *c, size_t cn, const char *const *words, int n,
                        understood_t *u)
{
    if (!u->value[0] || isupper((unsigned char)u->value[0])) return;
    const char *last = strrchr(u->value, ' ');
    last = last ? last + 1 : u->value;
    for (int w = 0; w + 2 < n; w++) {
        if (strcasecmp(words[w], last) != 0 ||
            (strcmp(words[w + 1], "called") != 0 && strcmp(words[w + 1], "named") != 0) ||
            !capital_word(c, cn, words, w + 2))
            continue;
        int e = w + 3;
        while (e < n && e < w + 6 && capital_word(c, cn, words, e)) e++;
        understand_as_written(c, cn, words, w + 2, e, u->value, sizeof u->value);
        return;
    }
}

void understand_mend_name_whole(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        int rel = out[i].rel;
        if (rel != READER_REL_HOME && rel != READER_REL_HOMETOWN &&
            rel != READER_REL_WORKPLACE && rel != READER_REL_EMPLOYER &&
            rel != READER_REL_SCHOOL)
            continue;
        called_name(c, cn, words, n, &out[i]);
        if (!isupper((unsigned char)out[i].value[0]) || strchr(out[i].value, ' ')) continue;
        for (int w = 0; w + 1 < n; w++) {
            if (strcasecmp(words[w], out[i].value) != 0 || !capital_word(c, cn, words, w))
                continue;
            int e = w + 1;
            while (e < n && e < w + 3 && capital_word(c, cn, words, e)) e++;
            if (e > w + 1)
                understand_as_written(c, cn, words, w, e, out[i].value, sizeof out[i].value);
            break;
        }
    }
}

void understand_mend_name_of_another(const char *c, size_t cn, const char *const *words,
                                     int n, understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        if (out[i].rel != READER_REL_NAME || !out[i].value[0] ||
            !(understand_kin(out[i].holder) || dialogue_pet_word(out[i].holder)))
            continue;
        int v = -1, p = -1;
        for (int w = 2; w < n && v < 0; w++)
            if (!strcasecmp(words[w], out[i].value) &&
                (!strcmp(words[w - 1], "called") || !strcmp(words[w - 1], "named")))
                v = w;
        if (v < 0) continue;
        char other[UNDERSTAND_KEY];
        understand_holder_of(words[v - 2], other, sizeof other);
        if (!strcmp(other, out[i].holder) || !kinds_person(words[v - 2])) continue;
        for (int w = 0; w + 1 < v - 2 && p < 0; w++) {
            char key[UNDERSTAND_KEY];
            understand_holder_of(words[w], key, sizeof key);
            if (!strcmp(key, out[i].holder) && capital_word(c, cn, words, w + 1)) p = w + 1;
        }
        if (p < 0) continue;
        understand_as_written(c, cn, words, p, p + 1, out[i].value, sizeof out[i].value);
        understand_drop_possessive(out[i].value);
    }
}

void understand_mend_pet_called(const char *c, size_t cn, const char *const *words, int n,
                                understood_t *out, int k)
{
    int at = -1, many = 0;
    for (int w = 1; w < n; w++)
        if ((!strcmp(words[w - 1], "called") || !strcmp(words[w - 1], "named")) &&
            capital_word(c, cn, words, w))
            many += at >= 0, at = at < 0 ? w : at;
    if (at < 0 || many) return;
    int e = at + 1;
    while (e < n && e < at + 3 && capital_word(c, cn, words, e)) e++;
    char named[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, at, e, named, sizeof named);
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if (u->rel != READER_REL_NAME || !u->value[0] ||
            !(dialogue_pet_word(u->holder) || kinds_animal(u->holder)) ||
            understand_text_at(named, strlen(named), u->value) >= 0)
            continue;
        snprintf(u->value, sizeof u->value, "%s", named);
    }
}

int understand_mend_name_two_words(const char *c, size_t cn, const char *const *words, int n,
                                   understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        /* (the name read as the value, or beside another value: "my nephew [Jean] likes [Paul]") */
        char *name = out[i].rel == READER_REL_NAME ? out[i].value : out[i].name;
        if (!isupper((unsigned char)name[0]) || strchr(name, ' ') ||
            !strcmp(out[i].holder, "self"))
            continue;
        for (int w = 1; w + 1 < n; w++) {
            if (strcasecmp(words[w], name) != 0 || !capital_word(c, cn, words, w))
                continue;
            char key[UNDERSTAND_KEY];
            understand_holder_of(words[w - 1], key, sizeof key);
            const char *x = words[w + 1];
            char second[UNDERSTAND_KEY];
            snprintf(second, sizeof second, "%s", x);
            for (char *p = second; *p; p++) *p = (char)tolower((unsigned char)*p);
            if (!(understand_kin(key) || dialogue_pet_word(key)) ||
                !capital_word(c, cn, words, w + 1) || understand_month(second) ||
                understand_weekday(second) || kinds_person(second) || lex_is_stopword(second) ||
                understand_in_list(understand_person_verbs, second) ||
                understand_in_list(understand_greetings, second) ||
                (w + 2 < n && capital_word(c, cn, words, w + 2)))
                break;
            char whole[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, w, w + 2, whole, sizeof whole);
            if (strpbrk(whole, ",.;:!?()")) break;
            if (name == out[i].name && !strcasecmp(out[i].value, x)) {
                out[i].rel = READER_REL_NAME;       /* (the second word was its value) */
                snprintf(out[i].relation, sizeof out[i].relation, "%s",
                         reader_rel_name(READER_REL_NAME));
                out[i].name[0] = '\0';
                name = out[i].value;
            }
            snprintf(name, name == out[i].value ? sizeof out[i].value : sizeof out[i].name,
                     "%s", whole);
            int kept = 0;               /* (the second word read as a value of its own) */
            for (int j = 0; j < k; j++)
                if (j == i || strcasecmp(out[j].value, x) != 0) out[kept++] = out[j];
            return kept;
        }
    }
    return k;
}

void understand_mend_grade(const char *c, size_t cn, const char *const *words, int n,
                           understood_t *out, int k)
{
    static const char *const grades[] = {"grade", "graders", "form", NULL};
    static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth",
                                           "sixth", "seventh", "eighth", "ninth", "tenth",
                                           "eleventh", "twelfth", NULL};
    for (int i = 0; i < k; i++) {
        size_t vl = strlen(out[i].value);
        int th = vl >= 3 && vl <= 4 && isdigit((unsigned char)out[i].value[0]) &&
                 isalpha((unsigned char)out[i].value[vl - 1]);     /* ("4th", "12th") */
        if (!th && !understand_in_list(ordinals, out[i].value)) continue;
        for (int w = 0; w + 1 < n; w++)
            if (!strcasecmp(words[w], out[i].value) && understand_in_list(grades, words[w + 1])) {
                understand_as_written(c, cn, words, w, w + 2, out[i].value, sizeof out[i].value);
                break;
            }
    }
}

/* v (of room cap) as the whole hyphenated word of c[0, cn) it begins, when it is cut. */
static void hyphenated(const char *c, size_t cn, char *v, size_t cap)
{
    size_t vl = strlen(v);
    if (!vl || (unsigned char)v[0] >= 0x80 || !isalpha((unsigned char)v[vl - 1])) return;
    for (size_t at = 0; at + vl < cn; at++) {
        if (strncmp(c + at, v, vl) != 0 || (at > 0 && isalnum((unsigned char)c[at - 1])))
            continue;
        size_t b = at, e = at + vl;     /* "Min-jun", "Anne-Sophie": on past each hyphen */
        while (e + 1 < cn && c[e] == '-' && isalpha((unsigned char)c[e + 1])) {
            e++;
            while (e < cn && isalpha((unsigned char)c[e])) e++;
        }
        while (b >= 2 && c[b - 1] == '-' && isalpha((unsigned char)c[b - 2])) {
            b--;
            while (b > 0 && isalpha((unsigned char)c[b - 1])) b--;
        }
        if ((b < at || e > at + vl) && e - b < cap) snprintf(v, cap, "%.*s", (int)(e - b), c + b);
        return;
    }
}

void understand_mend_hyphenated(const char *c, size_t cn, understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        hyphenated(c, cn, out[i].value, sizeof out[i].value);
        hyphenated(c, cn, out[i].name, sizeof out[i].name);
    }
}

void understand_mend_pastime_partner(const char *const *words, int n, understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        /* ("who is my climbing partner?" read as the user's pastime: whose name) */
        int who = n > 0 && !strcmp(words[0], "who") && u->act == READER_QUESTION &&
                  !strcmp(u->holder, "self");
        for (int w = 1; w + 1 < n; w++) {
            if (strcmp(words[w - 1], "my") != 0 || (!who && strcmp(words[w + 1], u->holder)) ||
                !kinds_pastime_fellow(words[w], words[w + 1]))
                continue;
            char key[UNDERSTAND_KEY];
            snprintf(key, sizeof key, "%s %s", words[w], words[w + 1]);
            snprintf(u->holder, sizeof u->holder, "%s", key);
            if (who) {
                u->rel = READER_REL_NAME;
                snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_NAME));
                u->value[0] = '\0';
            }
            break;
        }
    }
}

