/* eating.c: a question of eating something a told diet or allergy keeps the user from
 * (eating.h). The question's food is the words after "can I eat/have/drink ...", each
 * word and each two in a row looked up in the generated table of foods (plural or not);
 * the groups a diet or an allergy keeps one from are its words: a diet's name ("vegan",
 * "coeliac", "halal") or the foods it names ("no pork", "allergic to shellfish"). */
#include "agent/eating.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/understand_words.h"
#include "model/reader.h"

typedef struct food_entry {
    const char *food, *group;       /* lower case: "brioche", "gluten" */
} food_entry_t;

/* Sorted by food (strcmp), as scripts/gen-kinds.sh writes it. */
static const food_entry_t foods_table[] = {
#include "agent/foods_table.inc"
};
static const size_t foods_count = sizeof foods_table / sizeof foods_table[0];

enum { EAT_GROUPS = 10, EAT_WORDS = 24 };

/* The groups of foods, as the table names them, and their bits. */
static const char *const groups[EAT_GROUPS] = {"meat",  "pork",   "fish", "shellfish",
                                               "dairy", "egg",    "gluten", "nut",
                                               "alcohol", "honey"};
enum {
    G_MEAT = 1u << 0, G_PORK = 1u << 1, G_FISH = 1u << 2, G_SHELLFISH = 1u << 3,
    G_DAIRY = 1u << 4, G_EGG = 1u << 5, G_GLUTEN = 1u << 6, G_NUT = 1u << 7,
    G_ALCOHOL = 1u << 8, G_HONEY = 1u << 9,
    G_FLESH = G_MEAT | G_PORK | G_FISH | G_SHELLFISH,
    G_ANIMAL = G_FLESH | G_DAIRY | G_EGG | G_HONEY,
};

/* The words of diets (and of allergies to a group) and the groups they keep one from. */
static const struct {
    const char *word;
    unsigned kept;
} diets[] = {
    {"vegan", G_ANIMAL},          {"plant-based", G_ANIMAL},   {"vegetarian", G_FLESH},
    {"veggie", G_FLESH},          {"vego", G_FLESH},           {"pescatarian", G_MEAT | G_PORK},
    {"pescetarian", G_MEAT | G_PORK}, {"coeliac", G_GLUTEN},   {"celiac", G_GLUTEN},
    {"gluten", G_GLUTEN},         {"wheat", G_GLUTEN},         {"lactose", G_DAIRY},
    {"dairy", G_DAIRY},           {"halal", G_PORK | G_ALCOHOL}, {"kosher", G_PORK | G_SHELLFISH},
    {"teetotal", G_ALCOHOL},      {"teetotaler", G_ALCOHOL},   {"teetotaller", G_ALCOHOL},
    {"sober", G_ALCOHOL},         {"alcohol", G_ALCOHOL},      {"booze", G_ALCOHOL},
    {"nuts", G_NUT},              {"nut", G_NUT},              {"seafood", G_FISH | G_SHELLFISH},
};

int eating_diet_word(const char *word)
{
    static const char *const foods[] = {"gluten", "wheat", "lactose", "dairy", "alcohol",
                                        "booze", "nuts", "nut", "seafood", "sober",
                                        "coeliac", "celiac", NULL};   /* (an illness) */
    for (size_t i = 0; i < sizeof diets / sizeof diets[0]; i++)
        if (!strcasecmp(word, diets[i].word)) {
            for (int k = 0; foods[k]; k++)
                if (!strcasecmp(word, foods[k])) return 0;
            return 1;
        }
    return 0;
}

/* Words before a food that make it another ("oat milk", "vegan cheese", "gluten-free
 * bread"): the food after one is not of its usual group. */
static const char *const other_make[] = {"free", "gluten-free", "dairy-free", "vegan",
                                         "veggie", "vegetarian", "plant", "plant-based",
                                         "meatless", "meat-free", "oat", "soy", "soya",
                                         "tofu", "impossible", "beyond", "non-alcoholic",
                                         "alcohol-free", "coconut", "rice", "lactose-free",
                                         "egg-free", "nut-free", "alcoholfree", "fake",
                                         "mock", NULL};

static int cmp_food(const void *key, const void *entry)
{
    return strcmp((const char *)key, ((const food_entry_t *)entry)->food);
}

/* The bits of the groups word (lower case) is of, as written or made singular. */
static unsigned food_groups(const char *word)
{
    char one[64];
    size_t n = strlen(word);
    unsigned bits = 0;
    for (int form = 0; form < 3 && n && n < sizeof one; form++) {
        snprintf(one, sizeof one, "%s", word);
        if (form == 1) {                        /* "scallops", "peaches" */
            if (n < 4 || word[n - 1] != 's' || word[n - 2] == 's') continue;
            one[n - 1] = '\0';
        } else if (form == 2) {                 /* "cherries" */
            if (n < 5 || strcmp(word + n - 3, "ies") != 0) continue;
            snprintf(one + n - 3, sizeof one - (n - 3), "y");
        }
        const food_entry_t *e = bsearch(one, foods_table, foods_count, sizeof *foods_table,
                                        cmp_food);
        if (!e) continue;
        while (e > foods_table && !strcmp(e[-1].food, one)) e--;   /* every group of it */
        for (; e < foods_table + foods_count && !strcmp(e->food, one); e++)
            for (int g = 0; g < EAT_GROUPS; g++)
                if (!strcmp(e->group, groups[g])) bits |= 1u << g;
        if (bits) break;
    }
    return bits;
}

/* The bits of the groups a diet or an allergy of value keeps one from. */
static unsigned kept_by(const char *value)
{
    char buf[256];
    const char *w[EAT_WORDS];
    int n = understand_split_words(value, " ,.;:!?()/&", buf, sizeof buf, w, EAT_WORDS);
    unsigned bits = 0;
    for (int i = 0; i < n; i++) {
        char low[64];
        snprintf(low, sizeof low, "%s", w[i]);
        for (char *p = low; *p; p++) *p = (char)tolower((unsigned char)*p);
        for (size_t d = 0; d < sizeof diets / sizeof diets[0]; d++)
            if (!strcmp(low, diets[d].word)) bits |= diets[d].kept;
        bits |= food_groups(low);
        if (i + 1 < n) {                        /* "tree nuts", "peanut butter" */
            char two[128];
            snprintf(two, sizeof two, "%s %s", low, w[i + 1]);
            for (char *p = two; *p; p++) *p = (char)tolower((unsigned char)*p);
            bits |= food_groups(two);
        }
    }
    return bits;
}

/* Where the food of "can I eat/have/drink ..." (or "do I eat/drink ...") begins in
 * text, or NULL. */
static const char *food_asked(const char *text)
{
    static const char *const may[] = {"can i", "could i", "may i", "should i", "am i allowed to",
                                      "is it ok if i", "is it okay if i", "can u", "do i", NULL};
    static const char *const eat[] = {"eat", "drink", "have", "try", "order", NULL};
    for (int k = 0; may[k]; k++) {
        int habit = !strcmp(may[k], "do i");   /* ("do I have a kayak?" asks no food) */
        size_t l = strlen(may[k]);
        const char *at = text;
        while (*at && !isalpha((unsigned char)*at)) at++;
        if (strncasecmp(at, may[k], l) != 0 || at[l] != ' ') continue;
        at += l + 1;
        for (int e = 0; eat[e] && !(habit && e >= 2); e++) {
            size_t el = strlen(eat[e]);
            if (!strncasecmp(at, eat[e], el) && at[el] == ' ') return at + el + 1;
        }
    }
    return NULL;
}

int eating_kept_from(const facts_t *f, const char *text, eating_t *out)
{
    const char *at = food_asked(text);
    if (!at) return 0;
    char buf[256];
    const char *w[EAT_WORDS];
    int n = understand_split_words(at, " ,.;:!?()", buf, sizeof buf, w, EAT_WORDS);
    char low[EAT_WORDS][64];
    for (int i = 0; i < n; i++) {
        snprintf(low[i], sizeof low[i], "%s", w[i]);
        for (char *p = low[i]; *p; p++) *p = (char)tolower((unsigned char)*p);
        if (understand_in_list(other_make, low[i])) return 0;   /* "oat milk" */
    }
    for (size_t k = f->n; k-- > 0;) {           /* the newest told first */
        const store_memory_t *m = &f->v[k];
        int rel = facts_rel_of(m->relation);
        if (strcmp(m->holder, "self") != 0 || (rel != READER_REL_DIET && rel != READER_REL_ALLERGY) ||
            !strcmp(m->value, FACTS_ENDED))
            continue;
        unsigned kept = kept_by(m->value);
        for (int i = 0; i < n; i++) {
            for (int two = 1; two >= 0; two--) {   /* "ice cream" before "cream" */
                char words[128];
                if (two && i + 1 >= n) continue;
                snprintf(words, sizeof words, two ? "%s %s" : "%s", low[i], two ? low[i + 1] : "");
                unsigned is = food_groups(words);
                int named = rel == READER_REL_ALLERGY && !two && strlen(words) > 3 &&
                            facts_has_words(m->value, words);   /* "allergic to kiwi" */
                if (!(is & kept) && !named) continue;
                out->why = m;
                if (two) snprintf(out->food, sizeof out->food, "%s %s", w[i], w[i + 1]);
                else snprintf(out->food, sizeof out->food, "%s", w[i]);
                out->group = "";
                for (int g = 0; g < EAT_GROUPS && !named; g++)
                    if (is & kept & 1u << g) {
                        out->group = groups[g];
                        break;
                    }
                return 1;
            }
        }
    }
    return 0;
}
