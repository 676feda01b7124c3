/* roster.c: the items of a list of the user's people or animals with their ages
 * (roster.h). An item is an optional "my", a word of size ("little", "eldest"), an
 * optional kin word, a name and its age: "Pip who's 2", "Dot who is 1", "Ola's 9", "Ben
 * is 6", "Kit 1" (a name with a capital, or after a kin word: "bro jonas 27"), "Kit (1)".
 * A name is a word of letters that is no word of chat, kin, pets, numbers or days; an age
 * a number from 0 to 120 in digits or words, not one of a count ("Ben 2 goals"). */
#include "agent/roster.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/lexical.h"

enum { ROSTER_WORDS = 96, ROSTER_WORD = 32 };

typedef struct word {
    size_t b, e;                /* msg[b, e) */
    char low[ROSTER_WORD];      /* lower case, "" when too long */
} word_t;


static int letter(unsigned char c) { return isalpha(c) || (c >= 0xC0 && c < 0xE0) ||
                                            (c & 0xC0) == 0x80; }

/* The words of msg (letters, digits and apostrophes; no ideographs) into w; how many. */
static int words_of(const char *msg, word_t *w, int max)
{
    int n = 0;
    size_t i = 0, len = strlen(msg);
    while (i < len && n < max) {
        unsigned char c = (unsigned char)msg[i];
        if (!(isalnum(c) || (c >= 0xC0 && c < 0xE0))) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < len && (letter((unsigned char)msg[i]) || isdigit((unsigned char)msg[i]) ||
                           msg[i] == '\''))
            i++;
        w[n].b = b;
        w[n].e = i;
        w[n].low[0] = '\0';
        if (i - b < ROSTER_WORD) {
            for (size_t k = 0; k < i - b; k++)
                w[n].low[k] = (char)tolower((unsigned char)msg[b + k]);
            w[n].low[i - b] = '\0';
        }
        n++;
    }
    return n;
}

static const char *const sizes[] = {"little", "baby", "big", "older", "younger", "eldest",
                                    "oldest", "youngest", "middle", "lil", "young", NULL};

/* Words that stand for the one after a word of size ("the middle one Ines", "the young
 * fella Roo"). */
static const char *const ones[] = {"one", "fella", "fellow", "lad", "lass", "guy", NULL};

/* Words between "is" and an age that leave it an age ("is only 1", "is about 60"). */
static const char *const about[] = {"only", "barely", "about", "nearly", "almost", "just",
                                    "around", "roughly", "now", "already", NULL};

/* The holder key a kin word stands for ("bro": "brother"), "" when it is none. */
static void kin_of(const char *low, char *key, size_t cap)
{
    key[0] = '\0';
    if (!low[0] || understand_in_list(sizes, low)) return;
    understand_holder_of(low, key, cap);
    if (!understand_kin(key) || understand_group_said(key)) key[0] = '\0';   /* ("grandkids") */
}

/* The animal that a kind or pet word names ("beagle", "tabby": "dog", "cat"; "kitten":
 * "kitten"), NULL when it names none. */
static const char *animal_of(const char *low)
{
    const char *a = kinds_animal(low);
    return a ? a : dialogue_pet_word(low) ? low : NULL;
}

/* After "the" at word k: the words of an aside that names the one before it ("Rex the
 * beagle", "Jock the sheep dog", "Mop the grey one"), at most three words of
 * letters up to a verb that goes on to the age; into *kb, *ke the bytes of an animal
 * kind it ends with ("sheep dog" in full, "jack russell"; *kb == *ke when none). The
 * index of the word after it, or -1 when there is none; *owns is 1 when its last word
 * ends in "'s" that says "is" ("the beagle's 10"). */
static int aside_at(const char *msg, const word_t *w, int n, int k, size_t *kb, size_t *ke,
                    int *owns)
{
    *kb = *ke = 0;
    *owns = 0;
    if (k + 1 >= n || strcmp(w[k].low, "the") != 0 || understand_in_list(sizes, w[k + 1].low))
        return -1;                      /* ("chess, the middle one Ines is 11": an item) */
    for (int e = k + 2; e <= k + 4 && e < n; e++) {
        const char *x = w[e - 1].low;
        size_t xl = strlen(x);
        int owned = xl > 2 && !strcmp(x + xl - 2, "'s");   /* "the beagle's 10" */
        if (!x[0] || lex_is_stopword(x) || (!owned && !isalpha((unsigned char)x[xl - 1])))
            return -1;
        for (int i = k + 1; i < e; i++)                 /* within one stretch of words */
            if (strchr(".;:!?", msg[w[i].b - 1]) || (i > k + 1 && msg[w[i].b - 1] == ','))
                return -1;
        if (!owned && strcmp(w[e].low, "is") != 0 && strcmp(w[e].low, "who's") != 0 &&
            strcmp(w[e].low, "turned") != 0)
            continue;
        char last[ROSTER_WORD], two[2 * ROSTER_WORD];
        snprintf(last, sizeof last, "%.*s", (int)(owned ? xl - 2 : xl), x);
        snprintf(two, sizeof two, "%s %s", e - 2 > k ? w[e - 2].low : "", last);
        if (e - 2 > k && kinds_animal(two)) *kb = w[e - 2].b;      /* "jack russell" */
        else if (animal_of(last)) *kb = w[e - 1].b;
        if (*kb) *ke = w[e - 1].e - (owned ? 2 : 0);
        if (*kb && e - 2 > k && *kb == w[e - 1].b)             /* "sheep dog" */
            *kb = w[e - 2].b;
        *owns = owned;
        return e;
    }
    return -1;
}

/* 1 when w (lower case, its "'s" dropped) may be a name. */
static int may_name(const char *w)
{
    char key[ROSTER_WORD];
    long v;
    static const char *const verbs[] = {"turned", "turns", "just", "has", "aged", NULL};
    if (strlen(w) < 2 || lex_is_stopword(w) || understand_number(w, &v) ||
        understand_in_list(verbs, w) ||
        understand_weekday(w) || understand_month(w) || understand_in_list(sizes, w) ||
        dialogue_pet_word(w) || understand_group_said(w) ||
        understand_in_list(understand_people_groups, w))
        return 0;
    for (const char *p = w; *p; p++)
        if (!letter((unsigned char)*p)) return 0;
    kin_of(w, key, sizeof key);
    return !key[0];
}

/* 1 when w[k] of msg is an age: a number from 0 to 120 not followed (after a space) by a
 * plural that counts ("2 goals"; "3 years", "4 months" are ages; "12, Lewis" no count). */
static int age_at(const char *msg, const word_t *w, int n, int k)
{
    long v;
    if (k >= n || !w[k].low[0] || !understand_number(w[k].low, &v) || v > 120) return 0;
    static const char *const units[] = {"years", "yrs", "months", "weeks", "yo", NULL};
    return !(k + 1 < n && w[k + 1].b == w[k].e + 1 && msg[w[k].e] == ' ' &&
             understand_plural(w[k + 1].low) && !understand_in_list(units, w[k + 1].low));
}

/* The item that begins at word s, into *it (listed: an item came before it); the index of
 * the word after its age, or -1 when none begins there. */
static int item_at(const char *msg, const word_t *w, int n, int s, int listed, roster_span_t *it)
{
    int j = s;
    memset(it, 0, sizeof *it);
    it->start = w[s].b;
    int the = j < n && !strcmp(w[j].low, "the");
    if (j < n && (!strcmp(w[j].low, "my") || the)) j++;
    if (j < n && understand_in_list(sizes, w[j].low)) {
        j++;
        it->sized = 1;
        if (j + 1 < n && understand_in_list(ones, w[j].low)) j++;  /* "the middle one Ana" */
    }
    /* "the kitten Fig": an animal's word after "the" (after "my" the reader reads it) */
    if (the && j + 1 < n && w[j].low[0] && animal_of(w[j].low)) {
        it->kind_b = w[j].b;
        it->kind_e = w[j].e;
        j++;
    }
    char key[ROSTER_WORD];
    kin_of(j < n ? w[j].low : "", key, sizeof key);
    if (key[0]) {
        it->kin_b = w[j].b;
        it->kin_e = w[j].e;
        j++;
    }
    if (j >= n || (the && j == s + 1)) return -1;       /* (not "the Ford is 12") */
    char name[ROSTER_WORD];
    snprintf(name, sizeof name, "%s", w[j].low);
    size_t nl = strlen(name);
    int owned = nl > 2 && !strcmp(name + nl - 2, "'s");
    if (owned) name[nl - 2] = '\0';
    if (!may_name(name)) return -1;
    it->name_b = w[j].b;
    it->name_e = w[j].e - (owned ? 2 : 0);
    int k = j + 1;
    if (!owned && k < n && !strcmp(w[k].low, "the") && it->kind_b == it->kind_e) {
        int owns;                       /* "Rex the beagle is 10", "Jock the sheepdog's 8" */
        int e = aside_at(msg, w, n, k, &it->kind_b, &it->kind_e, &owns);
        if (e < 0) return -1;
        k = e;
        owned = owns;
    }
    if (!owned && k + 1 < n && !strcmp(w[k].low, "who") &&
        (!strcmp(w[k + 1].low, "is") || !strcmp(w[k + 1].low, "turned")))
        k += 2;
    else if (!owned && k + 2 < n && !strcmp(w[k].low, "has") && !strcmp(w[k + 1].low, "just") &&
             !strcmp(w[k + 2].low, "turned"))
        k += 3;                         /* "Lev has just turned 6" */
    else if (!owned && k + 1 < n && (!strcmp(w[k].low, "just") || !strcmp(w[k].low, "has")) &&
             !strcmp(w[k + 1].low, "turned"))
        k += 2;
    else if (!owned && k < n && (!strcmp(w[k].low, "who's") || !strcmp(w[k].low, "whos") ||
                                 !strcmp(w[k].low, "is") || !strcmp(w[k].low, "aged") ||
                                 !strcmp(w[k].low, "turned")))
        k++;
    else if (!owned) {
        /* "Kit 1", "Kit, 1", "Kit (1)": only spaces, a comma or a bracket between */
        for (size_t p = w[j].e; k < n && p < w[k].b; p++)
            if (msg[p] != ' ' && msg[p] != ',' && msg[p] != '(') return -1;
        it->bare = 1;
    }
    if (!it->bare && k + 1 < n && !strcmp(w[k].low, "the") &&
        understand_in_list(sizes, w[k + 1].low)) {
        k += 2;                         /* "Oisin's the eldest at 12" */
        if (k < n && !strcmp(w[k].low, "one")) k++;
        if (k < n && !strcmp(w[k].low, "at")) k++;
    }
    if (!it->bare && k + 1 < n && understand_in_list(about, w[k].low)) k++;   /* "is only 1" */
    /* (a bare age of a name in lower case only after a kin word, or in a list begun: "noor
     * is 10, sami 7") */
    if (it->bare && it->kin_b == it->kin_e && !listed && !isupper((unsigned char)msg[it->name_b]))
        return -1;
    if (!age_at(msg, w, n, k) || (it->bare && !isdigit((unsigned char)w[k].low[0])))
        return -1;                      /* (a bare age in digits: not "brought one") */
    it->age_b = w[k].b;
    it->age_e = w[k].e;
    return k + 1;
}

/* Whether the words before word s (from the sentence's start, at sb) tell of a group of
 * the user's, with its holder key into group (cap bytes): 1 for a group word ("kids",
 * "cats", "grandchildren"), 2 for a count or "both" before another plural ("three
 * goats", "got 3 weans"; "my three" alone: children), else 0. */
static int group_before(const word_t *w, int s, size_t sb, char *group, size_t cap)
{
    static const char *const counts[] = {"two", "three", "four", "five", "six", "2", "3",
                                         "4", "5", "6", "both", NULL};
    group[0] = '\0';
    /* "My three: Tama's 12, ...": a count said alone after "my" or "our" is of children */
    if (s >= 2 && w[s - 2].b >= sb && understand_in_list(counts, w[s - 1].low) &&
        (!strcmp(w[s - 2].low, "my") || !strcmp(w[s - 2].low, "our"))) {
        snprintf(group, cap, "children");
        return 1;
    }
    for (int k = s - 1; k >= 0 && w[k].b >= sb; k--) {
        const char *x = w[k].low;
        understand_holder_of(x, group, cap);
        if (understand_in_list(understand_people_groups, x) || understand_group_said(group))
            return 1;
        if (k > 0 && w[k - 1].b >= sb && understand_in_list(counts, w[k - 1].low) &&
            understand_plural(x)) {
            snprintf(group, cap, "%s", x);      /* "three goats" */
            return 2;
        }
        if (k > 1 && w[k - 2].b >= sb && understand_in_list(counts, w[k - 2].low) &&
            understand_group_said(group))
            return 1;                           /* "three working dogs" */
        group[0] = '\0';
    }
    return 0;
}

/* 1 when the items it[0, k) are all led by the same kin word ("cousin Ilse 40, cousin
 * Rolf 38"), whose plural holder key goes into group (cap bytes): two of them cannot
 * both be "the cousin", they are told by name. */
static int same_kin(const char *msg, const roster_span_t *it, int k, char *group, size_t cap)
{
    char first[ROSTER_WORD] = "", key[ROSTER_WORD];
    for (int i = 0; i < k; i++) {
        char w[ROSTER_WORD];
        snprintf(w, sizeof w, "%.*s", (int)(it[i].kin_e - it[i].kin_b), msg + it[i].kin_b);
        for (char *p = w; *p; p++) *p = (char)tolower((unsigned char)*p);
        understand_holder_of(w, key, sizeof key);
        if (i == 0) snprintf(first, sizeof first, "%s", key);
        else if (strcmp(first, key) != 0) return 0;
    }
    int n = snprintf(group, cap, "%ss", first);
    if (n < 0 || (size_t)n >= cap || !understand_group_said(group)) group[0] = '\0';
    return 1;
}

/* The items of msg's list into it (at most ROSTER_MAX) and the holder key of the group
 * they belong to into group (cap bytes, "" when none is said); how many, 0 when msg
 * holds no list. */
static int items_of(const char *msg, roster_span_t *it, char *group, size_t cap)
{
    word_t w[ROSTER_WORDS];
    int n = words_of(msg, w, ROSTER_WORDS), k = 0, first = -1, kin = 0, bare = 0;
    size_t sb = 0, se = 0;
    for (int s = 0; s < n && k < ROSTER_MAX;) {
        int next = item_at(msg, w, n, s, k > 0, &it[k]);
        if (next < 0) {
            s++;
            continue;
        }
        size_t ib, ie;          /* a list is of one sentence, or of notes that each begin one */
        clauses_sentence(msg, it[k].start, 0, &ib, &ie);
        while (ib < it[k].start && isspace((unsigned char)msg[ib])) ib++;
        if (first >= 0 && it[k].start >= se && ib < it[k].start) {
            if (k >= 2) break;
            it[0] = it[k];                      /* ("I'm Nora, 80. I've two ...": begun again) */
            k = 0, first = -1, kin = bare = 0;
        }
        if (first < 0) {
            first = s;
            clauses_sentence(msg, it[k].start, 0, &sb, &se);
        }
        kin += it[k].kin_b != it[k].kin_e;
        bare += it[k].bare;
        k++;
        s = next;
    }
    group[0] = '\0';
    if (k < 2) return 0;
    if (kin == k && same_kin(msg, it, k, group, cap)) {
        for (int i = 0; i < k; i++) it[i].kin_b = it[i].kin_e;  /* keyed by their names */
        return k;
    }
    if (kin == k) return k;
    /* (after a count and a plural that is no word of kin or pets, not every age right
     * after its name: "three goats, Bramble who's 6, Fig 2", not "two teams, Hawks 12
     * and Owls 10") */
    int said = group_before(w, first, sb, group, cap), kinds = 0;
    if (said == 1 || (said == 2 && bare < k)) return k;
    for (int i = 0; i < k; i++) kinds += it[i].kind_b != it[i].kind_e;
    group[0] = '\0';
    if (kinds >= 2) return k;       /* each with its kind: "Rex the beagle is 10, Kiwi the ..." */
    int sized = 0;
    for (int i = 0; i < k; i++) sized += it[i].sized;
    if (sized >= 2 && !kinds) {     /* "my eldest Ivo is 14, the middle one Ana is 11" */
        snprintf(group, cap, "children");
        return k;
    }
    group[0] = '\0';
    return 0;
}

int roster_read(const char *msg, roster_t *r)
{
    r->n = items_of(msg, r->items, r->group, sizeof r->group);
    return r->n;
}

int roster_cut(const char *msg, const roster_t *r, clause_span_t *c, int n, int max)
{
    const roster_span_t *it = r->items;
    int k = r->n;
    for (int i = 0; i < k; i++)
        for (int j = 0; j < n; j++) {
            size_t at = c[j].at, end = c[j].at + c[j].len;
            if (it[i].start <= at || it[i].start >= end) continue;
            if (n >= max) return n;
            size_t left = it[i].start;       /* the clause before it, ", and" trimmed */
            for (;;) {
                while (left > at && strchr(" ,;:-", msg[left - 1])) left--;
                if (left >= at + 4 && !strncasecmp(msg + left - 4, " and", 4)) left -= 4;
                else break;
            }
            static const char *const joins[] = {"and", "then", "plus", NULL};
            char piece[8];          /* (nothing left but a word that joins: "and Kit 1") */
            snprintf(piece, sizeof piece, "%.*s", (int)(left - at < 7 ? left - at : 7), msg + at);
            for (char *p = piece; *p; p++) *p = (char)tolower((unsigned char)*p);
            if (understand_in_list(joins, piece)) left = at;
            memmove(&c[j + 2], &c[j + 1], (size_t)(n - j - 1) * sizeof *c);
            c[j + 1] = (clause_span_t){it[i].start, end - it[i].start};
            n++;
            if (left > at) c[j].len = left - at;
            else {
                memmove(&c[j], &c[j + 1], (size_t)(n - j - 1) * sizeof *c);
                n--;
            }
            break;
        }
    return n;
}

/* What an item may go on to tell of the named one, by the verb after its age ("Kit 1 and
 * loves lego"); anything else after it (", lazy old boy", "and off at camp") is left. */
static const char *const doing[] = {"is", "has", "loves", "likes", "plays", "lives", "works",
                                    "studies", "goes", "hates", "attends", "does", "wants",
                                    "adores", "speaks", "teaches", "drives", "rides", "reads",
                                    "collects", "supports", "started", "just", "still", NULL};

/* Words of being keen that go on to what the named one loves ("and mad about chess":
 * "Ivo loves chess"), with the word that may join them to it. */
static const char *const keen[] = {"obsessed", "mad", "crazy", "into", "nuts", NULL};
static const char *const keen_on[] = {"with", "about", "over", "on", NULL};

/* The kind x said of its animal, lower case, into kind (cap bytes; "" when none), and
 * the animal it names ("dog" of "sheep dog"), or NULL. */
static const char *span_animal(const char *msg, const roster_span_t *x, char *kind, size_t cap)
{
    snprintf(kind, cap, "%.*s", (int)(x->kind_e - x->kind_b), msg + x->kind_b);
    for (char *p = kind; *p; p++) *p = (char)tolower((unsigned char)*p);
    if (!kind[0]) return NULL;
    const char *last = strrchr(kind, ' ');
    const char *a = kinds_animal(kind);
    return a ? a : animal_of(last ? last + 1 : kind);
}

/* The holder key of an animal of a list r of msg that named no group, into group (cap
 * bytes): its plural when another item is one too ("dogs"), else the animal ("dog"). */
static void group_of_animal(const char *msg, const roster_t *r, const char *animal,
                            char *group, size_t cap)
{
    int same = 0;
    for (int i = 0; i < r->n; i++) {
        char kind[ROSTER_WORD];
        const char *a = span_animal(msg, &r->items[i], kind, sizeof kind);
        same += a && !strcmp(a, animal);
    }
    int n = snprintf(group, cap, same > 1 ? "%ss" : "%s", animal);
    if (n < 0 || (size_t)n >= cap || (same > 1 && !understand_group_said(group)))
        snprintf(group, cap, "%s", animal);
}

int roster_item(const char *msg, const roster_t *r, size_t at, size_t len, roster_item_t *out)
{
    const roster_span_t *it = r->items;
    const char *group = r->group;
    for (int i = 0; i < r->n; i++) {
        const roster_span_t *x = &it[i];
        if (x->start != at || x->age_e > at + len) continue;
        memset(out, 0, sizeof *out);
        const char *rest = msg + x->age_e;
        int rn = (int)(at + len - x->age_e);
        int zh = (unsigned char)msg[x->name_b] >= 0xE0;
        if (x->kin_b != x->kin_e && !zh) {
            int got = snprintf(out->sentence, sizeof out->sentence, "my %.*s %.*s is %.*s%.*s",
                               (int)(x->kin_e - x->kin_b), msg + x->kin_b,
                               (int)(x->name_e - x->name_b), msg + x->name_b,
                               (int)(x->age_e - x->age_b), msg + x->age_b, rn, rest);
            return got > 0 && (size_t)got < sizeof out->sentence;
        }
        while (rn > 0 && strchr(" ,;:-)", *rest)) rest++, rn--;     /* ", and loves lego" */
        if (rn >= 4 && !strncasecmp(rest, "and ", 4)) rest += 4, rn -= 4;
        char verb[ROSTER_WORD];
        snprintf(verb, sizeof verb, "%.*s", (int)strcspn(rest, " ,.;:!?"), rest);
        const char *says = "";
        if (understand_in_list(keen, verb)) {
            size_t vl = strlen(verb);
            while ((int)vl < rn && rest[vl] == ' ') vl++;
            char on[ROSTER_WORD];
            snprintf(on, sizeof on, "%.*s", (int)strcspn(rest + vl, " ,.;:!?"), rest + vl);
            if (understand_in_list(keen_on, on)) vl += strlen(on);
            rest += vl, rn -= (int)vl;
            says = " loves";
        } else if (!understand_in_list(doing, verb))
            rn = 0;                                     /* ", lazy old boy": an aside */
        snprintf(out->name, sizeof out->name, "%.*s", (int)(x->name_e - x->name_b),
                 msg + x->name_b);
        snprintf(out->age, sizeof out->age, "%.*s", (int)(x->age_e - x->age_b), msg + x->age_b);
        snprintf(out->group, sizeof out->group, "%s", group);
        size_t kl = 0;              /* (孙女小雨: a granddaughter's) */
        const char *kin = zh && x->kin_b != x->kin_e
                              ? forms_zh_who_key(msg + x->kin_b, x->kin_e - x->kin_b, &kl)
                              : NULL;
        if (kin) snprintf(out->group, sizeof out->group, "%s", kin);
        if (zh) rn = 0;             /* (what a Chinese item goes on to say is not read) */
        const char *a = zh ? NULL : span_animal(msg, x, out->kind, sizeof out->kind);
        snprintf(out->animal, sizeof out->animal, "%s", a ? a : "");
        if (!group[0] && out->animal[0])    /* of a list that named no group: the animal's */
            group_of_animal(msg, r, out->animal, out->group, sizeof out->group);
        while (rn > 0 && *rest == ' ') rest++, rn--;
        if (rn > 0 && snprintf(out->sentence, sizeof out->sentence, "%s%s %.*s", out->name, says,
                               rn, rest) >= (int)sizeof out->sentence)
            out->sentence[0] = '\0';
        return 1;
    }
    return 0;
}
