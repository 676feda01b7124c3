/* facts.c: lookups in the user's current facts (facts.h): by holder + relation, by
 * value, by name, an open relation's stored key, and the comparisons of values as
 * people write them. The list is only read; the plan (respond.c) decides what to write. */
#include "agent/facts.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/dialogue.h"
#include "model/lex_words.h"
#include "model/reader.h"

/* Relations that hold several values at once; names too when the holder is several
 * ("my kids are Maisie and Oscar"). */
int facts_multi_valued(int rel, const char *relation, const char *holder)
{
    return rel == READER_REL_LIKES || rel == READER_REL_HOBBY || rel == READER_REL_LANGUAGE ||
           rel == READER_REL_ALLERGY || rel == READER_REL_OWNS ||
           (rel == READER_REL_OPEN && relation && (!strcmp(relation, UNDERSTAND_DISLIKES) ||
                                                   !strcmp(relation, UNDERSTAND_CONDITION))) ||
           (rel == READER_REL_NAME && realise_plural(holder));
}

/* Case-insensitive equality of two values, ignoring a leading article. */
static const char *skip_article(const char *s)
{
    if (!strncasecmp(s, "a ", 2)) return s + 2;
    if (!strncasecmp(s, "an ", 3)) return s + 3;
    if (!strncasecmp(s, "the ", 4)) return s + 4;
    return s;
}

/* The grown animal a young one's word, or a fond one's, names ("kitten": "cat",
 * "doggo": "dog"), else w. */
static const char *grown(const char *w)
{
    static const char *const young[][2] = {
        {"puppy", "dog"},  {"pup", "dog"},    {"pupper", "dog"}, {"doggo", "dog"},
        {"doggy", "dog"},  {"doggie", "dog"}, {"pooch", "dog"},  {"kitten", "cat"},
        {"kitty", "cat"},  {"moggy", "cat"},  {"moggie", "cat"}, {"pussycat", "cat"}};
    int first = tolower((unsigned char)w[0]);  /* (the words above are lower case) */
    for (size_t i = 0; i < sizeof young / sizeof young[0]; i++)
        if (young[i][0][0] == first && !strcasecmp(w, young[i][0])) return young[i][1];
    return w;
}

const char *facts_group_animal(const char *key, char *out, size_t len)
{
    size_t n = strlen(key);
    out[0] = '\0';
    if (n < 4 || n >= len || tolower((unsigned char)key[n - 1]) != 's' || strchr(key, ' '))
        return out;
    for (int y = 0; y < 2; y++) {   /* "beagles": "beagle"; "puppies": "puppy" */
        if (y && (n < 5 || strcasecmp(key + n - 3, "ies") != 0)) break;
        if (y) snprintf(out, len, "%.*sy", (int)(n - 3), key);
        else snprintf(out, len, "%.*s", (int)(n - 1), key);
        const char *one = grown(out), *kind = kinds_animal(one);
        if (kind) one = kind;
        if (dialogue_pet_word(one)) {
            if (one != out) snprintf(out, len, "%s", one);
            return out;
        }
    }
    out[0] = '\0';
    return out;
}

int facts_same_holder(const char *a, const char *b)
{
    if (!a || !b) return 0;
    char ga[UNDERSTAND_KEY], gb[UNDERSTAND_KEY];
    if (facts_group_animal(a, ga, sizeof ga)[0] &&
        !strcasecmp(ga, facts_group_animal(b, gb, sizeof gb)))
        return 1;                   /* "my beagles" is asked of as "my dogs" */
    a = grown(a), b = grown(b);     /* "my kitten" is asked of as "my cat" */
    char ca[UNDERSTAND_KEY], cb[UNDERSTAND_KEY];     /* "grandbabies" as "grandkids" */
    /* (the user is no kin word: a key of "self" never counts, so neither is looked up) */
    if (!strchr(a, ' ') && !strchr(b, ' ') && strcasecmp(a, b) != 0 && strcmp(a, "self") != 0 &&
        strcmp(b, "self") != 0) {
        understand_holder_of(a, ca, sizeof ca);
        understand_holder_of(b, cb, sizeof cb);
        if (ca[0] && strcmp(ca, "self") != 0 && !strcmp(ca, cb)) return 1;
    }
    /* one to be married, however spelt ("fiance" is asked of as "who am I marrying?") */
    if ((!strcmp(a, "fiance") || !strcmp(a, "fiancee")) &&
        (!strcmp(b, "fiance") || !strcmp(b, "fiancee")))
        return 1;
    /* "my eldest" is the eldest child told ("eldest kid?") */
    size_t la = strlen(a), lb = strlen(b);
    if ((la == lb + 6 && !strncasecmp(a, b, lb) && !strcmp(a + lb, " child")) ||
        (lb == la + 6 && !strncasecmp(a, b, la) && !strcmp(b + la, " child")))
        return 1;
    /* "my twin" is the twin brother or sister told */
    if ((!strcmp(a, "twin") && !strncmp(b, "twin ", 5)) ||
        (!strcmp(b, "twin") && !strncmp(a, "twin ", 5)))
        return 1;
    for (;; a++, b++) {     /* spaces skipped: keys written before 2026-12 spelt "弟 弟" */
        while (*a == ' ') a++;
        while (*b == ' ') b++;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
        if (!*a) return 1;
    }
}

/* The next word of *s (spaces skipped), in one form and stemmed, into out; 0 at the
 * end. */
static int next_stem(const char **s, char *out, size_t len)
{
    char word[64];
    size_t n = 0;
    while (**s == ' ') (*s)++;
    if (!**s) return 0;
    for (; **s && **s != ' '; (*s)++)
        if (n + 1 < sizeof word) word[n++] = (char)tolower((unsigned char)**s);
    word[n] = '\0';
    /* words of one meaning in one form ("favourite movie" is "favourite film") */
    static const struct {
        const char *word, *as;
    } same[] = {{"movie", "film"}, {"movies", "films"}, {"flick", "film"},
                {"color", "colour"}, {"colors", "colours"}, {"favorite", "favourite"}};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        if (!strcmp(word, same[i].word)) snprintf(word, sizeof word, "%s", same[i].as);
    lex_stem(word, out, len);
    return 1;
}

int facts_same_relation(const char *a, const char *b)
{
    if (!a || !b) return 0;
    if (!strcasecmp(a, b)) return 1;    /* the common case, without stemming */
    char sa[64], sb[64];
    for (;;) {
        int ha = next_stem(&a, sa, sizeof sa), hb = next_stem(&b, sb, sizeof sb);
        if (ha != hb) return 0;
        if (!ha) return 1;
        if (strcmp(sa, sb) != 0) return 0;
    }
}

int facts_same_value(const char *a, const char *b)
{
    if (!a || !b) return 0;
    if (strcasecmp(skip_article(a), skip_article(b)) == 0) return 1;
    char fa[256], fb[256];      /* the same letters with or without accents */
    understand_unaccented(skip_article(a), fa, sizeof fa);
    understand_unaccented(skip_article(b), fb, sizeof fb);
    if (strcasecmp(fa, fb) == 0) return 1;
    long na, nb;            /* a number in words or digits: "six", "6" */
    if (understand_number(a, &na) && understand_number(b, &nb)) return na == nb;
    int da, ma, db, mb;     /* a date in other words: "the 7th of April", "Halloween" */
    return understand_date(a, &da, &ma) && understand_date(b, &db, &mb) && da == db &&
           ma == mb;
}

/* Case-insensitive equality of two names, either possibly with a possessive ("Rory's"
 * as older databases stored it). */
int facts_same_name(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 2 && !strcmp(a + la - 2, "'s")) la -= 2;
    if (lb > 2 && !strcmp(b + lb - 2, "'s")) lb -= 2;
    return la == lb && strncasecmp(a, b, la) == 0;
}

/* 1 when needle occurs in hay as whole words, without case. */
const char *facts_words_at(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n) return NULL;
    int first = tolower((unsigned char)needle[0]);  /* (a cheap look before strncasecmp) */
    for (const char *p = hay; *p; p++) {
        if (tolower((unsigned char)*p) != first || strncasecmp(p, needle, n) != 0) continue;
        int before = p == hay || !isalnum((unsigned char)p[-1]);
        int after = !isalnum((unsigned char)p[n]);
        if (before && after) return p;
    }
    return NULL;
}

int facts_has_words(const char *hay, const char *needle)
{
    return facts_words_at(hay, needle) != NULL;
}

/* The relation class of a stored relation key (the open class when it is not a name). */
int facts_rel_of(const char *key)
{
    int r = key ? reader_rel_parse(key) : -1;
    return r < 0 ? READER_REL_OPEN : r;
}

realise_frame_t facts_frame(const store_memory_t *m)
{
    int rel = facts_rel_of(m->relation);
    return (realise_frame_t){m->holder, rel, rel == READER_REL_OPEN ? m->relation : NULL,
                             m->value};
}

/* The newest current fact of holder + relation whose value still holds (not ended), or
 * NULL; *ended says whether the newest one is an ended fact. */
const store_memory_t *facts_find(const facts_t *f, const char *holder,
                                       const char *relation, int *ended)
{
    if (ended) *ended = 0;
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (!facts_same_holder(m->holder, holder)) continue;
        if (relation && !facts_same_relation(m->relation, relation)) continue;
        if (strcmp(m->value, FACTS_ENDED) == 0) {
            if (ended) *ended = 1;
            /* of a relation that holds several values an end ends one ("not latex"):
             * the others still hold */
            if (!facts_multi_valued(facts_rel_of(m->relation), m->relation, m->holder)) return NULL;
            continue;
        }
        return m;
    }
    return NULL;
}

/* The newest current fact whose value is v. */
const store_memory_t *facts_by_value(const facts_t *f, const char *v)
{
    for (size_t i = f->n; i-- > 0;)
        if (facts_same_value(f->v[i].value, v)) return &f->v[i];
    return NULL;
}

/* Edit distance of a and b without case, or limit + 1 once it is over limit (a row's
 * minimum over limit ends the count). Words of up to 63 bytes. */
static int spelling_distance(const char *a, const char *b, int limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) return limit + 1;
    int row[64];
    for (size_t j = 0; j <= lb; j++) row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0], low = row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            int best = diag + !same;
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
            if (best < low) low = best;
        }
        if (low > limit) return limit + 1;
    }
    return row[lb];
}

int facts_spelt_nearly(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), l = la < lb ? la : lb;
    if (l < 6 || strpbrk(a, "0123456789") || strpbrk(b, "0123456789") ||
        tolower((unsigned char)a[0]) != tolower((unsigned char)b[0]))
        return 0;
    int limit = l >= 10 ? 2 : 1;
    return spelling_distance(a, b, limit) <= limit;
}

const store_memory_t *facts_by_spelling(const facts_t *f, const char *v)
{
    size_t n = strlen(v);
    int limit = n < 4 ? 1 : n < 7 ? 2 : 3;
    for (size_t i = f->n; i-- > 0;) {
        const char *w = f->v[i].value;
        if (!strcmp(w, FACTS_ENDED) || facts_same_value(w, v)) continue;
        /* both say a number or neither ("the 19th" and "the 9th" are a slip of a key;
         * "52" and "Ida" are not) */
        if (!strpbrk(w, "0123456789") != !strpbrk(v, "0123456789")) continue;
        /* a name written with a capital is not spelt again in small letters ("no cola"
         * of a diet puts no daughter's Ela right) */
        if (facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
            isupper((unsigned char)w[0]) && islower((unsigned char)v[0]))
            continue;
        if (spelling_distance(w, v, limit) <= limit) return &f->v[i];
    }
    return NULL;
}

/* u becomes the someone called name, whose holder key is holder: one of several people
 * told at once ("my brothers are Kwame and Tunde", then "Kwame's a pilot") is a holder
 * of their own, keyed by their name with a capital ("Kwame": realise.h says it as a
 * name), so each keeps their own facts; a name told again for the group stays the
 * group's. */
static void become(understood_t *u, const char *holder, const char *name)
{
    if (realise_plural(holder) && u->rel != READER_REL_NAME) {
        snprintf(u->holder, sizeof u->holder, "%s", name);   /* as told: "Kwame" */
        if (islower((unsigned char)u->holder[0]))
            u->holder[0] = (char)toupper((unsigned char)u->holder[0]);
    } else {
        snprintf(u->holder, sizeof u->holder, "%s", holder);
    }
    u->personal = 1;
    /* "Gavin is a joiner" read as a kind, as of a pet's breed: a person's is their job */
    if (u->rel == READER_REL_KIND && understand_kin(u->holder) &&
        islower((unsigned char)u->value[0])) {
        u->rel = READER_REL_JOB;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_JOB));
    }
    /* "how old is [grandma maud]?": the name read as the value asked is whom it asks
     * about, and the clause's relation what it asks */
    if ((u->act == READER_QUESTION || u->act == READER_YESNO) &&
        u->clause_rel != READER_REL_NAME && u->clause_rel != READER_REL_OPEN &&
        facts_same_name(u->value, name)) {
        u->value[0] = '\0';
        u->rel = u->clause_rel;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(u->rel));
    }
}

/* 1 when u's clause speaks of the someone called name: as its holder (pass 0), or
 * anywhere in its text (pass 1, when no name is its holder). */
static int names(const understood_t *u, const char *text, const char *name, int pass)
{
    return name[0] && (pass ? facts_has_words(text, name) : facts_same_name(name, u->holder));
}

/* 1 when the text of a fact of holder names name right after a word for holder ("my lad
 * jurgis is 9 and allergic to nuts" of the son: "jurgis"). */
static int named_in_text(const store_memory_t *m, const char *name)
{
    size_t nl = strlen(name);
    if (!m->text || nl < 2) return 0;
    for (const char *p = m->text; *p; p++) {
        if (strncasecmp(p, name, nl) != 0 || (p > m->text && isalnum((unsigned char)p[-1])) ||
            isalnum((unsigned char)p[nl]))
            continue;
        const char *e = p;              /* the word before */
        while (e > m->text && e[-1] == ' ') e--;
        const char *b = e;
        while (b > m->text && (isalpha((unsigned char)b[-1]) || b[-1] == '\'')) b--;
        char word[UNDERSTAND_KEY], key[UNDERSTAND_KEY];
        snprintf(word, sizeof word, "%.*s", (int)(e - b), b);
        understand_holder_of(word, key, sizeof key);
        if (word[0] && facts_same_holder(key, m->holder)) return 1;
    }
    return 0;
}

/* A question of a name ("whats bex's dad called", "the name of otis's school") after
 * the reader kept only whose it is: whom or what of theirs "name's" names is asked (the
 * holder "wife father", "son school"), not the name itself ("otis's full name" is). */
static void name_owns(understood_t *u, const char *text, const char *name)
{
    if ((u->act != READER_QUESTION && u->act != READER_YESNO) || u->rel != READER_REL_NAME ||
        !(facts_has_words(text, "name") || facts_has_words(text, "called") ||
          facts_has_words(text, "named") || facts_has_words(text, "who") ||
          facts_has_words(text, "who's")))
        return;                         /* ("when is Marta's recital?" asks no name) */
    char said[UNDERSTAND_KEY + 3], low[512];
    snprintf(said, sizeof said, "%s's ", name);
    snprintf(low, sizeof low, "%s", text);
    for (char *p = said; *p; p++) *p = (char)tolower((unsigned char)*p);
    for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
    const char *at = NULL;
    for (const char *p = low; (p = strstr(p, said)); p++)
        if (p == low || !isalnum((unsigned char)p[-1])) {
            at = p + strlen(said);
            break;
        }
    if (!at) return;
    char word[UNDERSTAND_KEY], key[UNDERSTAND_KEY], of[UNDERSTAND_KEY];
    size_t n = 0;
    while (n + 1 < sizeof word && (isalpha((unsigned char)at[n]) || at[n] == '\''))
        word[n] = (char)tolower((unsigned char)at[n]), n++;
    word[n] = '\0';
    if (n > 2 && !strcmp(word + n - 2, "'s")) word[n - 2] = '\0';   /* "mum's name" */
    static const char *const naming[] = {"name", "names", "full", "real", "middle", "last",
                                         "first", "nick", "nickname", "surname", "maiden",
                                         "proper", "given", "called", "own", NULL};
    if (!word[0] || understand_in_list(naming, word)) return;
    understand_holder_of(word, key, sizeof key);
    if (snprintf(of, sizeof of, "%s %s", u->holder, key) < (int)sizeof of)
        snprintf(u->holder, sizeof u->holder, "%s", of);
}

void facts_resolve_holder(const facts_t *f, const char *text, understood_t *u)
{
    /* a name a form told a fact of ("Kim turned 6", "Kim got promoted to head chef") is
     * the kin or pet a fact named so */
    if (u->personal && (u->act == READER_FACT || u->act == READER_CORRECTION) &&
        u->holder[0] && strcmp(u->holder, "self") != 0 && !strchr(u->holder, ' ') &&
        !understand_kin(u->holder) && !dialogue_pet_word(u->holder) &&
        !understand_pronoun(u->holder))
        for (size_t i = f->n; i-- > 0;) {
            const store_memory_t *m = &f->v[i];
            if (m->relation && !strcmp(m->relation, reader_rel_name(READER_REL_NAME)) &&
                strcmp(m->holder, "self") != 0 && facts_same_name(m->value, u->holder)) {
                become(u, m->holder, m->value);
                break;
            }
        }
    for (int pass = 0; pass < 2 && !u->personal; pass++)
        for (size_t i = f->n; i-- > 0 && !u->personal;) {
            const store_memory_t *m = &f->v[i];
            if (!m->relation || strcmp(m->relation, reader_rel_name(READER_REL_NAME)) != 0 ||
                !strcmp(m->holder, "self") || !names(u, text, m->value, pass))
                continue;
            /* "what's pavel's wife called?" (held "pavel wife", said "pavel's wife"): the
             * wife of the brother named so, not the brother */
            size_t nl = strlen(m->value);
            char of[UNDERSTAND_KEY], said[2 * UNDERSTAND_KEY];
            snprintf(said, sizeof said, "%s's %s", m->value,
                     u->holder + (nl < strlen(u->holder) ? nl + 1 : 0));
            if (!strncasecmp(u->holder, m->value, nl) && u->holder[nl] == ' ' &&
                !strchr(u->holder + nl + 1, ' ') && facts_has_words(text, said) &&
                snprintf(of, sizeof of, "%s %s", m->holder, u->holder + nl + 1) <
                    (int)sizeof of) {
                snprintf(u->holder, sizeof u->holder, "%s", of);
                u->personal = 1;
            } else {
                become(u, m->holder, m->value);
                name_owns(u, text, m->value);
            }
        }
    /* a question of a name no fact holds, said right beside whom a fact is of ("what
     * is jurgis allergic to?" after "my lad jurgis is 9 and allergic to nuts") */
    if (u->personal || (u->act != READER_QUESTION && u->act != READER_YESNO) ||
        !u->holder[0] || strchr(u->holder, ' ') || !strcmp(u->holder, "self") ||
        understand_kin(u->holder))
        return;
    for (size_t i = f->n; i-- > 0 && !u->personal;) {
        const store_memory_t *m = &f->v[i];
        if (!understand_kin(m->holder) && isupper((unsigned char)m->holder[0]) &&
            facts_same_name(m->holder, u->holder)) {
            /* "how old is Vesna?" of a fact keyed by her name (a group's member, or one
             * told without a word of kin) */
            snprintf(u->holder, sizeof u->holder, "%s", m->holder);
            u->personal = 1;
        } else if (strcmp(m->holder, "self") != 0 && understand_kin(m->holder) &&
                   named_in_text(m, u->holder)) {
            char name[UNDERSTAND_KEY];
            snprintf(name, sizeof name, "%s", u->holder);
            become(u, m->holder, name);
            snprintf(u->name, sizeof u->name, "%s", name);  /* as the question says it */
        }
    }
}

void facts_resolve_kind(const facts_t *f, understood_t *u)
{
    /* a breed no fact has ("what's my lurcher called?") is the animal told of as of it
     * ("a lurcher called Pepper" kept as a dog of the kind lurcher) */
    const char *animal = dialogue_pet_word(u->holder) ? NULL : kinds_animal_near(u->holder);
    for (size_t i = 0; animal && i < f->n; i++)
        if (facts_same_holder(f->v[i].holder, u->holder)) animal = NULL;
    for (size_t i = f->n; animal && i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (facts_same_holder(m->holder, animal) && facts_rel_of(m->relation) == READER_REL_KIND &&
            facts_has_words(m->value, u->holder) && strlen(animal) < sizeof u->holder) {
            memcpy(u->holder, animal, strlen(animal) + 1);
            u->personal = 1;
            return;
        }
    }
    /* a thing asked by the end of the word it was told by ("my boat" of a sailboat), when
     * no fact has it and one holder ends so */
    size_t hl = strlen(u->holder);
    const char *ending = NULL;
    int have = !strcmp(u->holder, "self") || understand_kin(u->holder) || hl < 3;
    for (size_t i = 0; !have && i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        size_t ml = strlen(m->holder);
        if (facts_same_holder(m->holder, u->holder)) have = 1;
        else if (ml > hl + 2 && !strchr(m->holder, ' ') && !understand_kin(m->holder) &&
                 !strcasecmp(m->holder + ml - hl, u->holder) && strcmp(m->value, FACTS_ENDED)) {
            if (ending && strcmp(ending, m->holder) != 0) have = 1;     /* two: which? */
            ending = m->holder;
        }
    }
    if (!have && ending && strlen(ending) < sizeof u->holder) {
        memcpy(u->holder, ending, strlen(ending) + 1);
        u->personal = 1;
        return;
    }
    if (!dialogue_pet_word(u->holder)) return;
    const char *only = NULL, *last = NULL;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (!strcmp(m->value, FACTS_ENDED)) continue;
        if (facts_same_holder(m->holder, u->holder)) return;    /* "my dog" has facts */
        if (!strcmp(m->holder, "self") || (last && !strcmp(last, m->holder)))
            continue;                   /* the user, or a holder looked up just now */
        last = m->holder;
        const char *animal = kinds_animal_near(m->holder);
        if (!animal || !facts_same_holder(animal, u->holder)) continue;
        if (only && !facts_same_holder(only, m->holder)) return;   /* two dogs: which? */
        only = m->holder;
    }
    if (only && strlen(only) < sizeof u->holder) {
        memcpy(u->holder, only, strlen(only) + 1);
        u->personal = 1;
    }
}

void facts_resolve_by_kind_said(const facts_t *f, const char *text, understood_t *u)
{
    const char *kind_key = reader_rel_name(READER_REL_KIND), *whose = NULL;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        char mine[UNDERSTAND_VALUE + 4];
        if (!facts_same_relation(m->relation, kind_key) || !strcmp(m->value, FACTS_ENDED) ||
            facts_find(f, m->holder, kind_key, NULL) != m || !strcmp(m->holder, "self"))
            continue;
        snprintf(mine, sizeof mine, "my %s", m->value);
        if (!facts_has_words(text, mine)) continue;
        if (whose && !facts_same_holder(whose, m->holder)) return;    /* (two of that kind) */
        whose = m->holder;
    }
    if (!whose || strlen(whose) >= sizeof u->holder) return;
    snprintf(u->holder, sizeof u->holder, "%s", whose);
    u->personal = 1;
}

void facts_resolve_kin_of_kind(const facts_t *f, understood_t *u)
{
    if (!understand_kin(u->holder) || strchr(u->holder, ' ')) return;
    size_t hl = strlen(u->holder);
    const char *only = NULL;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        if (facts_same_holder(m->holder, u->holder)) return;   /* "my brother" has facts */
        size_t ml = strlen(m->holder);
        if (ml <= hl + 1 || m->holder[ml - hl - 1] != ' ' ||
            strcasecmp(m->holder + ml - hl, u->holder) != 0 || !strcmp(m->value, FACTS_ENDED))
            continue;
        /* (a "climbing partner", a "squash partner" is no partner of one's life) */
        size_t fl = ml - hl - 1;
        char first[32];
        snprintf(first, sizeof first, "%.*s", (int)(fl < sizeof first ? fl : 0), m->holder);
        if (kinds_pastime_fellow(first, u->holder)) continue;
        if (only && !facts_same_holder(only, m->holder)) return;  /* two: which? */
        only = m->holder;
    }
    if (only && strlen(only) < sizeof u->holder) {
        memcpy(u->holder, only, strlen(only) + 1);
        u->personal = 1;
    }
}

/* 1 when pronoun ("he", "she"; understand_pronoun's keys) cannot mean holder: a kin
 * word of the other sex. */
static int other_sex(const char *pronoun, const char *holder)
{
    static const char *const female[] = {"mother", "sister", "daughter", "wife", "girlfriend",
                                         "aunt", "niece", "grandmother", "granddaughter",
                                         "stepmother", "stepdaughter", "stepsister", NULL};
    static const char *const male[] = {"father", "brother", "son", "husband", "boyfriend",
                                       "uncle", "nephew", "grandfather", "grandson",
                                       "stepfather", "stepson", "stepbrother", NULL};
    const char *const *other = !strcmp(pronoun, "he") ? female : !strcmp(pronoun, "she") ? male
                                                                                       : NULL;
    for (int i = 0; other && other[i]; i++)
        if (facts_same_holder(other[i], holder)) return 1;
    return 0;
}

void facts_resolve_relation_words(const facts_t *f, understood_t *u)
{
    if (u->rel != READER_REL_OPEN || !u->relation[0] || !strcmp(u->holder, "self") ||
        understand_pronoun(u->holder))
        return;
    for (size_t i = 0; i < f->n; i++)
        if (facts_same_holder(f->v[i].holder, u->holder)) return;  /* a holder of its own */
    char joined[2 * UNDERSTAND_KEY];
    snprintf(joined, sizeof joined, "%s %s", u->holder, u->relation);
    const store_memory_t *m = facts_find(f, "self", joined, NULL);
    if (!m || strlen(m->relation) >= sizeof u->relation) return;
    snprintf(u->holder, sizeof u->holder, "self");
    memcpy(u->relation, m->relation, strlen(m->relation) + 1);
    u->personal = 1;
}

void facts_resolve_pronoun(const facts_t *f, understood_t *u)
{
    if (u->personal || !understand_pronoun(u->holder) || f->n == 0) return;
    const store_memory_t *m = &f->v[f->n - 1];
    if (!strcmp(m->holder, "self") || understand_pronoun(m->holder) ||
        other_sex(u->holder, m->holder))
        return;
    snprintf(u->holder, sizeof u->holder, "%s", m->holder);
    u->personal = 1;
}

void facts_resolve_told(const understood_t *told, int n, const char *text, understood_t *u)
{
    for (int pass = 0; pass < 2 && !u->personal; pass++)
        for (int j = n; !u->personal && j-- > 0;) {
            const understood_t *t = &told[j];
            if (t->act != READER_FACT || !t->personal || !strcmp(t->holder, "self")) continue;
            if (t->rel == READER_REL_NAME && names(u, text, t->value, pass))
                become(u, t->holder, t->value);
            else if (names(u, text, t->name, pass))
                become(u, t->holder, t->name);
        }
}

/* The stored key an open relation means: the key of the holder's current fact of the
 * same relation in another form ("studying" after "study"), or told in fewer words ("my
 * favourite is paella" after "my favourite food is risotto": the newest current fact of
 * the holder whose relation holds the words); else the relation as told. */
const char *facts_open_key(const facts_t *f, const understood_t *u)
{
    const store_memory_t *m;
    if (u->rel != READER_REL_OPEN) return u->relation;
    if ((m = facts_find(f, u->holder, u->relation, NULL))) return m->relation;
    for (size_t i = f->n; i-- > 0;)
        if (facts_same_holder(f->v[i].holder, u->holder) &&
            facts_has_words(f->v[i].relation, u->relation) &&
            facts_rel_of(f->v[i].relation) == READER_REL_OPEN)
            return f->v[i].relation;
    return u->relation;
}

int facts_is_favourite(const char *relation)
{
    size_t n = strlen(UNDERSTAND_FAVOURITE);
    return relation && !strncmp(relation, UNDERSTAND_FAVOURITE, n) &&
           (relation[n] == '\0' || relation[n] == ' ');
}

const store_memory_t *facts_favourite(const facts_t *f, const char *holder)
{
    for (size_t i = f->n; i-- > 0;)
        if (facts_same_holder(f->v[i].holder, holder) &&
            facts_is_favourite(f->v[i].relation) && strcmp(f->v[i].value, FACTS_ENDED) != 0)
            return &f->v[i];
    return NULL;
}

/* The name of holder (its NAME fact's value), else NULL. */
const char *facts_vehicle_word(const char *text)
{
    for (int i = 0; understand_vehicle_words[i]; i++) {
        char more[32];              /* "what cars do I have?" */
        snprintf(more, sizeof more, "%ss", understand_vehicle_words[i]);
        if (facts_has_words(text, understand_vehicle_words[i]) || facts_has_words(text, more))
            return understand_vehicle_words[i];
    }
    return NULL;
}

const char *facts_name_of(const facts_t *f, const char *holder)
{
    const store_memory_t *m = facts_find(f, holder, reader_rel_name(READER_REL_NAME), NULL);
    return m ? m->value : NULL;
}

/* 1 when m is a current fact of someone of the user's (not the user's own, not a name)
 * with value ("Leeds", or a value that holds it). */
int facts_holds(const store_memory_t *m, const char *value)
{
    if (!value[0] || !strcmp(m->holder, "self") || !strcmp(m->value, FACTS_ENDED)) return 0;
    if (facts_same_holder(m->holder, value))    /* "my spaniel Toffee": the spaniel */
        return 1;
    return strcmp(m->relation, reader_rel_name(READER_REL_NAME)) != 0 &&
           (facts_same_value(m->value, value) || facts_has_words(m->value, value));
}

/* 1 when someone of the user's holds value: "who lives in Leeds?" is then about the
 * user's people, not a story's. */
int facts_held(const facts_t *f, const char *value)
{
    for (size_t i = 0; i < f->n; i++)
        if (facts_holds(&f->v[i], value)) return 1;
    return 0;
}

const store_memory_t *facts_job_of_verb(const facts_t *f, const char *holder, const char *verb)
{
    char stem[64];
    size_t n = (size_t)snprintf(stem, sizeof stem, "%s", verb);
    if (n < 3 || n >= sizeof stem || strchr(verb, ' ')) return NULL;
    if (n > 3 && stem[n - 1] == 'e') stem[--n] = '\0';     /* "weav" of "weave" */
    for (size_t i = f->n; i-- > 0;) {
        const store_memory_t *m = &f->v[i];
        if (facts_rel_of(m->relation) != READER_REL_JOB || !facts_same_holder(m->holder, holder) ||
            !strcmp(m->value, FACTS_ENDED))
            continue;
        char buf[UNDERSTAND_VALUE];
        const char *w[12];
        int nw = understand_split_words(m->value, " -", buf, sizeof buf, w, 12);
        for (int k = 0; k < nw; k++) {
            size_t l = strlen(w[k]);
            if (l > n && l <= n + 3 && !strncmp(w[k], stem, n) &&
                (!strcmp(w[k] + l - 2, "er") || !strcmp(w[k] + l - 2, "or") ||
                 !strcmp(w[k] + l - 1, "r")))
                return m;
        }
    }
    return NULL;
}
