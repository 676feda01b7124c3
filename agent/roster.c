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
                                    "oldest", "youngest", "middle", "lil", NULL};

/* The holder key a kin word stands for ("bro": "brother"), "" when it is none. */
static void kin_of(const char *low, char *key, size_t cap)
{
    key[0] = '\0';
    if (!low[0] || understand_in_list(sizes, low)) return;
    understand_holder_of(low, key, cap);
    if (!understand_kin(key) || understand_group_key(key)) key[0] = '\0';
}

/* 1 when w (lower case, its "'s" dropped) may be a name. */
static int may_name(const char *w)
{
    char key[ROSTER_WORD];
    long v;
    if (strlen(w) < 2 || lex_is_stopword(w) || understand_number(w, &v) ||
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
    if (j < n && !strcmp(w[j].low, "my")) j++;
    if (j < n && understand_in_list(sizes, w[j].low)) j++;
    char key[ROSTER_WORD];
    kin_of(j < n ? w[j].low : "", key, sizeof key);
    if (key[0]) {
        it->kin_b = w[j].b;
        it->kin_e = w[j].e;
        j++;
    }
    if (j >= n) return -1;
    char name[ROSTER_WORD];
    snprintf(name, sizeof name, "%s", w[j].low);
    size_t nl = strlen(name);
    int owned = nl > 2 && !strcmp(name + nl - 2, "'s");
    if (owned) name[nl - 2] = '\0';
    if (!may_name(name)) return -1;
    it->name_b = w[j].b;
    it->name_e = w[j].e - (owned ? 2 : 0);
    int k = j + 1;
    if (!owned && k + 1 < n && !strcmp(w[k].low, "who") &&
        (!strcmp(w[k + 1].low, "is") || !strcmp(w[k + 1].low, "turned")))
        k += 2;
    else if (!owned && k < n && (!strcmp(w[k].low, "who's") || !strcmp(w[k].low, "whos") ||
                                 !strcmp(w[k].low, "is") || !strcmp(w[k].low, "aged")))
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
    for (int s = 0; s < n && k < ROSTER_MAX;) {
        int next = item_at(msg, w, n, s, k > 0, &it[k]);
        if (next < 0) {
            s++;
            continue;
        }
        if (first < 0) first = s;
        kin += it[k].kin_b != it[k].kin_e;
        bare += it[k].bare;
        k++;
        s = next;
    }
    group[0] = '\0';
    if (k < 2) return 0;
    size_t sb, se;
    clauses_sentence(msg, it[0].start, 0, &sb, &se);
    if (kin == k && same_kin(msg, it, k, group, cap)) {
        for (int i = 0; i < k; i++) it[i].kin_b = it[i].kin_e;  /* keyed by their names */
        return k;
    }
    if (kin == k) return k;
    /* (after a count and a plural that is no word of kin or pets, not every age right
     * after its name: "three goats, Bramble who's 6, Fig 2", not "two teams, Hawks 12
     * and Owls 10") */
    int said = group_before(w, first, sb, group, cap);
    if (said == 1 || (said == 2 && bare < k)) return k;
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
                                    "collects", "supports", "started", "just", "still",
                                    NULL};

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
        if (x->kin_b != x->kin_e) {
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
        if (!understand_in_list(doing, verb)) rn = 0;   /* ", lazy old boy": an aside */
        snprintf(out->name, sizeof out->name, "%.*s", (int)(x->name_e - x->name_b),
                 msg + x->name_b);
        snprintf(out->age, sizeof out->age, "%.*s", (int)(x->age_e - x->age_b), msg + x->age_b);
        snprintf(out->group, sizeof out->group, "%s", group);
        if (rn > 0 && snprintf(out->sentence, sizeof out->sentence, "%s %.*s", out->name, rn,
                               rest) >= (int)sizeof out->sentence)
            out->sentence[0] = '\0';
        return 1;
    }
    return 0;
}
