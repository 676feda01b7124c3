/* kinds.c: a kind of kept animal or of person looked up in the generated tables
 * (kinds.h): the word lower-cased, then a binary search; an animal's kind spelt nearly,
 * a scan with a bounded edit distance. */
#include "agent/kinds.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct kinds_entry {
    const char *kind, *animal;      /* lower case: "border collie", "dog" */
} kinds_entry_t;

/* Sorted by kind (strcmp), as scripts/gen-kinds.sh writes it. */
static const kinds_entry_t kinds_table[] = {
#include "agent/kinds_table.inc"
};
static const size_t kinds_count = sizeof kinds_table / sizeof kinds_table[0];

static int cmp_kind(const void *key, const void *entry)
{
    return strcmp((const char *)key, ((const kinds_entry_t *)entry)->kind);
}

const char *kinds_animal(const char *word)
{
    char low[64];
    size_t n = 0;
    if (!word) return NULL;
    for (; word[n]; n++) {
        if (n + 1 >= sizeof low) return NULL;       /* longer than any kind */
        low[n] = (char)tolower((unsigned char)word[n]);
    }
    low[n] = '\0';
    const kinds_entry_t *e = bsearch(low, kinds_table, kinds_count, sizeof *kinds_table, cmp_kind);
    return e ? e->animal : NULL;
}

/* Sorted (strcmp), as scripts/gen-kinds.sh writes it. */
static const char *const people_table[] = {
#include "agent/people_table.inc"
};

static int cmp_person(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

int kinds_person(const char *word)
{
    /* endings of trades newer than WordNet's words ("sonographer", "barista") */
    static const char *const endings[] = {"ographer", "ologist", "ista", "ician", "ist",
                                          "dev", NULL};
    /* trades said short ("HVAC tech", "web dev") or newer than WordNet ("pet groomer") */
    static const char *const short_for[] = {"tech", "dev", "groomer", "influencer",
                                            "streamer", "vlogger", "blogger", "youtuber",
                                            "physio", "postie", "brickie", "gamedev",
                                            "barista", "sparky", NULL};
    char low[64];
    size_t n = 0;
    if (!word) return 0;
    for (; word[n]; n++) {
        if (n + 1 >= sizeof low) return 0;
        low[n] = (char)tolower((unsigned char)word[n]);
    }
    low[n] = '\0';
    for (int i = 0; short_for[i]; i++)
        if (!strcmp(low, short_for[i])) return 1;
    if (bsearch(low, people_table, sizeof people_table / sizeof *people_table,
                sizeof *people_table, cmp_person))
        return 1;
    for (int i = 0; endings[i]; i++) {
        size_t el = strlen(endings[i]);
        if (n > el + 2 && !strcmp(low + n - el, endings[i])) return 1;
    }
    return 0;
}

/* 1 when a and b (lengths an, bn) are at most max edits apart (insert, delete,
 * substitute), max <= 2. */
static int near(const char *a, size_t an, const char *b, size_t bn, int max)
{
    if (an > bn + (size_t)max || bn > an + (size_t)max || an >= 64 || bn >= 64) return 0;
    int row[64], prev[64];
    for (size_t j = 0; j <= bn; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= an; i++) {
        row[0] = (int)i;
        int best = row[0];
        for (size_t j = 1; j <= bn; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            if (row[j] < best) best = row[j];
        }
        if (best > max) return 0;
        memcpy(prev, row, (bn + 1) * sizeof *row);
    }
    return prev[bn] <= max;
}

const char *kinds_animal_near(const char *word)
{
    const char *exact = kinds_animal(word);
    if (exact || !word) return exact;
    char low[64];
    size_t n = 0;
    for (; word[n]; n++) {
        if (n + 1 >= sizeof low) return NULL;
        low[n] = (char)tolower((unsigned char)word[n]);
    }
    low[n] = '\0';
    int max = n >= 10 ? 2 : n >= 6 ? 1 : 0;
    for (size_t i = 0; max && i < kinds_count; i++)     /* a slip keeps the first letter */
        if (kinds_table[i].kind[0] == low[0] &&
            near(low, n, kinds_table[i].kind, strlen(kinds_table[i].kind), max))
            return kinds_table[i].animal;
    return NULL;
}

/* Sorted (strcmp), as scripts/gen-kinds.sh writes it. */
static const char *const sports_table[] = {
#include "agent/sports_table.inc"
};

/* 1 when word (any case) is one of the sorted table[0..n). */
static int in_table(const char *word, const char *const *table, size_t n)
{
    char low[64];
    size_t l = 0;
    if (!word) return 0;
    for (; word[l]; l++) {
        if (l + 1 >= sizeof low) return 0;          /* longer than any row */
        low[l] = (char)tolower((unsigned char)word[l]);
    }
    low[l] = '\0';
    return bsearch(low, table, n, sizeof *table, cmp_person) != NULL;
}

int kinds_sport(const char *word)
{
    return in_table(word, sports_table, sizeof sports_table / sizeof sports_table[0]);
}

int kinds_pastime_fellow(const char *first, const char *fellow)
{
    static const char *const fellows[] = {"partner", "buddy", "mate", "pal", NULL};
    static const char *const doing[] = {"dance", "business", "study", "lab", "gym", "work",
                                        "bridge", "chess", "duet", "debate", NULL};
    int is_fellow = 0, shared = 0;
    for (int i = 0; fellows[i]; i++) is_fellow |= !strcasecmp(fellows[i], fellow);
    for (int i = 0; doing[i]; i++) shared |= !strcasecmp(doing[i], first);
    size_t l = strlen(first);
    return is_fellow && ((l > 4 && !strcasecmp(first + l - 3, "ing")) || shared ||
                         kinds_sport(first));
}

/* Sorted (strcmp), as scripts/gen-kinds.sh writes it. */
static const char *const instruments_table[] = {
#include "agent/instruments_table.inc"
};

int kinds_instrument(const char *word)
{
    return in_table(word, instruments_table,
                    sizeof instruments_table / sizeof instruments_table[0]);
}
