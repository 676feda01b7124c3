/* compare.c: age comparisons over the user's people and animals (compare.h). One is a
 * holder with a current name fact (or a holder that is itself the name of one of a
 * group: "two kids, Ana who's 12", or a name written so where its age was told) and a
 * current age fact whose value holds digits or a number in words (Chinese ones too:
 * "十岁"); the word of comparison says which end is asked (in English or Chinese), the
 * group the question names narrows who is compared (people unless it names animals),
 * the names in it narrow further, and where they stand in it orders a yes/no question. */
#include "agent/compare.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/realise.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/reader.h"

enum { COMPARE_MAX = 16 };

typedef struct person {
    const char *name;
    long age;           /* in months, to compare ("4 months" beside "13") */
    const char *said;   /* the age as told ("13", "4 months") */
    int64_t id;
    const char *at;     /* where the question names them, NULL when it does not */
    int in_group;       /* one of the group the question names (in_group) */
    int elder;          /* a partner, a parent or a grandparent: never one of the young */
    int animal;         /* an animal of the user's (animal) */
} person_t;

/* COMPARE_OLDER, COMPARE_YOUNGER, COMPARE_MIDDLE ("the middle one", "the middle child"),
 * or -1 when text compares no ages (in English, or in Chinese: 哪个大？). */
static int asked_end(const char *text)
{
    static const char *const middle[] = {"middle one", "middle child", "middle kid",
                                         "the middle", "is middle", "middle son",
                                         "middle daughter", "middle grandchild", NULL};
    for (int i = 0; middle[i]; i++)
        if (facts_has_words(text, middle[i])) return COMPARE_MIDDLE;
    /* (of people, the small one is the young one: "which of the triplets is the smallest?") */
    static const char *const older[] = {"older", "oldest", "eldest", "elder", "firstborn",
                                        "first born", "first-born", "biggest", "the big one",
                                        NULL};
    static const char *const younger[] = {"younger", "youngest", "is the baby",
                                          "the baby of", "lastborn", "last born",
                                          "last-born", "smallest", "littlest", "the small one",
                                          "the little one", "is small", NULL};
    for (int i = 0; older[i]; i++)
        if (facts_has_words(text, older[i])) return 1;
    for (int i = 0; younger[i]; i++)
        if (facts_has_words(text, younger[i])) return 0;
    /* 两只狗谁大？, 哪个外孙岁数小？: after 哪 or 谁, 小 or 年轻 asks the young one, 大
     * or 老 the old one */
    const char *which = strstr(text, "哪");
    if (!which) which = strstr(text, "谁");
    if (!which) return -1;
    which += 3;
    if (strstr(which, "小") || strstr(which, "年轻")) return 0;
    if (strstr(which, "大") || strstr(which, "老")) return 1;
    return -1;
}

/* Where name first stands in text as whole words, without case, or NULL. */
static const char *named_at(const char *text, const char *name)
{
    return facts_words_at(text, name);
}

/* The name of holder: its current name fact, else the holder itself when it is a name
 * told of one of a group ("two kids, Ana who's 12": the age is Ana's, the name a value
 * of the children's), else NULL. */
static const char *name_of(const facts_t *f, const char *holder)
{
    const char *name = facts_name_of(f, holder);
    const char *name_key = reader_rel_name(READER_REL_NAME);
    for (size_t i = 0; !name && i < f->n; i++)
        if (facts_same_relation(f->v[i].relation, name_key) &&
            facts_same_value(f->v[i].value, holder) && strcmp(f->v[i].holder, holder) != 0)
            name = f->v[i].value;
    return name;
}

/* 1 when the holder of m is itself a name: one word of letters, no word of kin, pet or
 * trade, written with a capital in the sentence that told m ("Mirela's 10 and Jonah's
 * 6") or keyed with one by the agent (facts.c). */
static int holder_is_name(const store_memory_t *m)
{
    for (const char *p = m->holder; *p; p++)
        if (!isalpha((unsigned char)*p)) return 0;
    const char *at = m->text ? named_at(m->text, m->holder) : NULL;
    /* (or keyed with a capital by the agent: "minh is 30" after "got 2 brothers") */
    return (isupper((unsigned char)m->holder[0]) || (at && isupper((unsigned char)*at))) &&
           !understand_kin(m->holder) && !dialogue_pet_word(m->holder) &&
           !kinds_person(m->holder);
}

/* The English key of the next Chinese kin or animal word in text at or after *at (兔子:
 * "rabbit"), with *at moved past it; NULL when there is none. */
static const char *zh_key(const char *text, size_t *at)
{
    size_t len = strlen(text);
    for (size_t i = *at; i + 3 <= len; i++) {
        size_t l = 0;
        const char *key = (unsigned char)text[i] >= 0xE0 ? forms_zh_who_key(text + i, len - i, &l)
                                                         : NULL;
        if (key && l) {
            *at = i + l;
            return key;
        }
    }
    *at = len;
    return NULL;
}

/* 1 when word (lower case), or it with an s, names the group key ("which aunt" of the
 * aunts). */
static int names_group(char *word, size_t cap, const char *key)
{
    if (facts_same_holder(word, key)) return 1;
    size_t n = strlen(word), kn = strlen(key);
    if (!n || word[n - 1] == 's' || n + 2 > cap || kn < 2 || kn >= UNDERSTAND_KEY) return 0;
    char one[UNDERSTAND_KEY], a[UNDERSTAND_KEY], b[UNDERSTAND_KEY];
    snprintf(one, sizeof one, "%.*s", (int)(kn - 1), key);
    understand_holder_of(one, a, sizeof a);     /* "aunt" of the "aunties" */
    understand_holder_of(word, b, sizeof b);
    if (key[kn - 1] == 's' && a[0] && strcmp(a, "self") != 0 && !strcmp(a, b)) return 1;
    word[n] = 's', word[n + 1] = '\0';
    return facts_same_holder(word, key);
}

/* 1 when holder is one of the group the question names ("which of my nephews", "which
 * aunt is older?"): a name told of that group (a name fact of its holder), or someone
 * keyed by their name whose facts follow a fact of the group in the user's list with only
 * such people's between ("three nephews. Ravi is 17, Tom is 12": a message's facts are
 * written in order, one after another). */
static int in_group(const facts_t *f, const char *text, const char *holder)
{
    const char *name_key = reader_rel_name(READER_REL_NAME);
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *g = &f->v[i];
        if (!understand_group_said(g->holder)) continue;
        char buf[512];
        const char *w[64];
        int n = understand_split_words(text, " ,.;:!?'", buf, sizeof buf, w, 64), named = 0;
        for (int k = 0; k < n && !named; k++) {
            char word[UNDERSTAND_KEY];
            if (strlen(w[k]) + 2 > sizeof word) continue;
            snprintf(word, sizeof word, "%s", w[k]);
            named = names_group(word, sizeof word, g->holder);
        }
        size_t at = 0;                  /* (哪只兔子大？: the rabbits) */
        for (const char *key; !named && (key = zh_key(text, &at)) != NULL;) {
            char word[UNDERSTAND_KEY];
            if (strlen(key) + 2 > sizeof word) continue;
            snprintf(word, sizeof word, "%s", key);
            named = names_group(word, sizeof word, g->holder);
        }
        if (!named) continue;
        if (facts_same_relation(g->relation, name_key) && facts_same_value(g->value, holder))
            return 1;
        for (size_t j = i + 1; j < f->n; j++) {
            const char *h = f->v[j].holder;
            if (!strcmp(h, holder)) return 1;
            if (strcmp(h, g->holder) != 0 && (!isupper((unsigned char)h[0]) || strchr(h, ' ')))
                break;
        }
    }
    return 0;
}

/* 1 when word (any case; a plural too: "dogs") names a kind of animal. */
static int animal_word(const char *word)
{
    char one[UNDERSTAND_KEY];
    size_t n = strlen(word);
    if (dialogue_pet_word(word) || kinds_animal(word)) return 1;
    if (n < 2 || n >= sizeof one || tolower((unsigned char)word[n - 1]) != 's') return 0;
    snprintf(one, sizeof one, "%.*s", (int)(n - 1), word);
    return dialogue_pet_word(one) || kinds_animal(one);
}

/* 1 when holder is an animal of the user's: its key names one ("dog"), or a name fact of
 * an animal's key or group names it ("dogs": Bess). */
static int animal(const facts_t *f, const char *holder)
{
    if (animal_word(holder)) return 1;
    const char *name_key = reader_rel_name(READER_REL_NAME);
    for (size_t i = 0; i < f->n; i++)
        if (facts_same_relation(f->v[i].relation, name_key) &&
            facts_same_value(f->v[i].value, holder) && animal_word(f->v[i].holder))
            return 1;
    return 0;
}

/* 1 when text asks of animals: a word of one ("dog", "tabby", "cats", 兔子), "pet" or
 * "animal". */
static int asks_animals(const char *text)
{
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?'", buf, sizeof buf, w, 64);
    static const char *const any[] = {"pet", "pets", "animal", "animals", NULL};
    for (int k = 0; k < n; k++)
        if (understand_in_list(any, w[k]) || animal_word(w[k])) return 1;
    size_t at = 0;                      /* (哪只兔子大？: an animal's word in Chinese) */
    for (const char *key; (key = zh_key(text, &at)) != NULL;)
        if (animal_word(key)) return 1;
    return 0;
}

/* The number of Chinese numerals at the start of v ("十", "四", "十二", "三十五", "两"),
 * or -1 when it opens with none. */
static long zh_number(const char *v)
{
    static const char *const digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八",
                                         "九", NULL};
    long n = -1, ones = -1;
    for (const char *p = v; *p;) {
        int d = -1;
        for (int k = 0; digits[k] && d < 0; k++)
            if (!strncmp(p, digits[k], 3)) d = k;
        if (d < 0 && !strncmp(p, "两", 3)) d = 2;
        if (d >= 0) {
            ones = d;
            p += 3;
        } else if (!strncmp(p, "十", 3)) {
            n = (n < 0 ? 0 : n) + (ones < 0 ? 1 : ones) * 10;
            ones = -1;
            p += 3;
        } else {
            break;
        }
    }
    if (ones >= 0) n = (n < 0 ? 0 : n) + ones;
    return n;
}

/* An age as told in months ("14", "aged 14", "fourteen", "十四岁": 168; "4 months", "四个月":
 * 4, "6 weeks": 1), or -1 when it holds no number. */
static long months(const char *value)
{
    const char *d = value;
    while (*d && (*d < '0' || *d > '9')) d++;
    long n = 0;
    if (*d) n = strtol(d, NULL, 10);
    else if ((n = zh_number(value)) < 0 && !understand_number(value, &n)) return -1;
    if (strstr(value, "个月")) return n;       /* (三个月: three months) */
    if (strstr(value, "week")) return n / 4;
    return strstr(value, "month") ? n : n * 12;
}

/* The user's people with a name and an age in digits, into v; returns how many. */
static int people(const facts_t *f, const char *text, person_t *v)
{
    int people_asked = 0;               /* "which of my nephews ...": no pet is compared */
    for (int k = 0; understand_people_groups[k] && !people_asked; k++)
        people_asked = facts_has_words(text, understand_people_groups[k]);
    int n = 0;
    int grouped = 0;
    const char *age_key = reader_rel_name(READER_REL_AGE);
    for (size_t i = 0; i < f->n && n < COMPARE_MAX; i++) {
        const store_memory_t *m = &f->v[i];
        if (strcmp(m->holder, "self") == 0 || !facts_same_relation(m->relation, age_key) ||
            understand_group_key(m->holder) ||
            (islower((unsigned char)m->holder[0]) && understand_plural(m->holder)))
            continue;                   /* (a group's age is no one's: "the boys are 14") */
        const store_memory_t *now = facts_find(f, m->holder, age_key, NULL);
        const char *name = name_of(f, m->holder);
        if (!name && holder_is_name(m)) name = m->holder;
        if (now != m || !name) continue;            /* only the current age, of someone named */
        if (people_asked && (dialogue_pet_word(m->holder) || kinds_animal(m->holder))) continue;
        long age = months(m->value);
        if (age < 0) continue;
        static const char *const elders[] = {"mother", "father", "grandmother",
                                             "grandfather", "parents", "grandparents",
                                             NULL};
        v[n] = (person_t){name, age, m->value, m->id, named_at(text, name), 0,
                          understand_in_list(understand_partner_words, m->holder) ||
                              understand_in_list(elders, m->holder),
                          animal(f, m->holder)};
        v[n].in_group = in_group(f, text, m->holder);
        grouped += v[n++].in_group;
    }
    /* "who is my eldest?" asks of people, when two are told, not of the animals; "which
     * pet is oldest?" of the animals */
    int of_people = 0, pets = asks_animals(text);
    for (int i = 0; i < n; i++) of_people += !v[i].animal;
    if ((pets ? n - of_people : of_people) >= 2 && of_people < n && of_people > 0) {
        int k = 0;
        for (int i = 0; i < n; i++)
            if (v[i].animal == pets) v[k++] = v[i];
        n = k;
    }
    /* of the group the question names, when two of them are told of ("which of my
     * nephews": not the wife's age too) */
    if (grouped >= 2) {
        int k = 0;
        for (int i = 0; i < n; i++)
            if (v[i].in_group) v[k++] = v[i];
        n = k;
    }
    /* the user, when the question names them among the others ("me or Joost", "am I
     * older than Ana?") and their age is told */
    const store_memory_t *own = facts_find(f, "self", age_key, NULL);
    const char *me = named_at(text, "me");
    if (!me) me = named_at(text, "i");
    long age = own && strcmp(own->value, FACTS_ENDED) != 0 ? months(own->value) : -1;
    if (age > 0 && me && n > 0 && n < COMPARE_MAX)
        v[n++] = (person_t){REALISE_YOU, age, own->value, own->id, me, 0, 1, 0};
    return n;
}

int compare_asks(const char *text) { return asked_end(text) >= 0; }

int compare_ages(const facts_t *f, const char *text, int yesno, compare_t *out)
{
    int end = asked_end(text);
    if (end < 0) return 0;
    person_t all[COMPARE_MAX], named[COMPARE_MAX];
    int n = people(f, text, all), k = 0;
    for (int i = 0; i < n; i++)
        if (all[i].at) named[k++] = all[i];
    memset(out, 0, sizeof *out);
    out->older = end;
    static const char *const most[] = {"oldest", "eldest", "youngest", "firstborn",
                                       "first born", "lastborn", "last born", "biggest",
                                       "smallest", "littlest", NULL};
    int superlative = 0;
    for (int i = 0; most[i] && !superlative; i++) superlative = facts_has_words(text, most[i]);
    /* (two told of a family said to have more, "3 kids - Ana 14, Leo 10, baby Sofi" with
     * Sofi's age not read, compares no two) */
    int young_pair = n == 2 && !all[0].elder && !all[1].elder, grouped_names = 0;
    for (size_t i = 0; i < f->n && young_pair; i++) {
        long count;
        young_pair = !(facts_same_relation(f->v[i].relation, REALISE_COUNT) &&
                       understand_number(f->v[i].value, &count) && count > 2);
        grouped_names += facts_rel_of(f->v[i].relation) == READER_REL_NAME &&
                         understand_group_key(f->v[i].holder);
    }
    young_pair &= grouped_names <= 2;   /* (nor a group of three named) */
    if (yesno && k == 1 && (superlative || young_pair) && end != COMPARE_MIDDLE &&
        (n >= 3 || young_pair)) {
        /* "is Tom my eldest grandchild?": the one at that end of all of them; of two
         * young ones, "is Lina my youngest?", "so Oskar's the elder?" */
        int pick = 0;
        for (int i = 1; i < n; i++)
            if (end ? all[i].age > all[pick].age : all[i].age < all[pick].age) pick = i;
        for (int i = 0; i < n; i++)     /* (a tie at that end: no one is the eldest) */
            if (i != pick && all[i].age == all[pick].age) return 0;
        *out = (compare_t){all[pick].name, NULL, all[pick].said, NULL,
                           all[pick].at == named[0].at, end, n, {all[pick].id}};
        if (all[pick].at != named[0].at && n < COMPARE_MAX) out->ids[1] = named[0].id;
        return 1;
    }
    if (yesno) {
        if (k != 2 || end == COMPARE_MIDDLE) return 0;
        int first = named[0].at < named[1].at ? 0 : 1;
        const person_t *a = &named[first], *b = &named[1 - first];
        *out = (compare_t){a->name, b->name, a->said, b->said,
                           end ? a->age > b->age : a->age < b->age, end, 2, {a->id, b->id}};
        return 1;
    }
    /* "who's older, Fenwick or Ada?" of a Fenwick with no age told: not the others */
    int names = 0;
    const char *name_key = reader_rel_name(READER_REL_NAME);
    for (size_t i = 0; i < f->n && names < 2 && k < 2; i++) {
        const store_memory_t *m = &f->v[i];
        const char *who = facts_same_relation(m->relation, name_key) ? m->value
                          : isupper((unsigned char)m->holder[0]) ? m->holder : NULL;
        if (!who || !named_at(text, who)) continue;
        int again = 0;
        for (size_t j = 0; j < i && !again; j++)
            again = (facts_same_relation(f->v[j].relation, name_key) &&
                     !strcasecmp(f->v[j].value, who)) || !strcasecmp(f->v[j].holder, who);
        names += !again;
    }
    if (k < 2 && (names >= 2 || facts_has_words(text, "or"))) return 0;   /* ("X or Y") */
    person_t *from = k >= 2 ? named : all;
    int m = k >= 2 ? k : n;
    if (m < 2 || (end == COMPARE_MIDDLE && m % 2 == 0)) return 0;
    for (int i = 1; i < m; i++)         /* oldest first (few: an insertion sort) */
        for (int j = i; j > 0 && from[j].age > from[j - 1].age; j--) {
            person_t t = from[j];
            from[j] = from[j - 1];
            from[j - 1] = t;
        }
    out->yes = -1;
    int pick = end == COMPARE_OLDER ? 0 : end == COMPARE_YOUNGER ? m - 1 : m / 2;
    if (end == COMPARE_MIDDLE && from[pick].age == from[pick - 1].age) return 0;
    out->of = m;
    out->name = from[pick].name;
    out->age = from[pick].said;
    out->ids[0] = from[pick].id;
    for (int i = 0, k2 = 1; i < m && k2 < COMPARE_IDS; i++)
        if (i != pick) out->ids[k2++] = from[i].id;
    return 1;
}

/* 1 when the question's text names no group of kin, or one the told holder rest (the
 * kin word after the word of place: "grandchild", "niece", "child") is of ("which of my
 * grandkids": a grandchild; a "child" told bare, "my eldest is Ana", is of any). */
static int told_in_group(const char *text, const char *rest)
{
    char buf[512];
    const char *w[64];
    int n = understand_split_words(text, " ,.;:!?'", buf, sizeof buf, w, 64), kin = 0;
    for (int k = 0; k < n; k++) {
        char key[UNDERSTAND_KEY], word[UNDERSTAND_KEY], one[UNDERSTAND_KEY];
        understand_holder_of(w[k], key, sizeof key);
        if (!strcmp(key, "self") || !understand_kin(key)) continue;
        kin = 1;
        char group[UNDERSTAND_KEY + 4];     /* ("grandchild": of the grandchildren) */
        size_t gl = strlen(key);
        snprintf(group, sizeof group, "%s%s", key,
                 gl >= 5 && !strcmp(key + gl - 5, "child") ? "ren" : "");
        if (!strcmp(rest, "child") || facts_same_holder(rest, w[k]) ||
            understand_group_member(group, rest))
            return 1;
        if (strlen(rest) + 2 > sizeof one || strlen(w[k]) + 2 > sizeof word) continue;
        snprintf(one, sizeof one, "%s", rest);
        snprintf(word, sizeof word, "%s", w[k]);
        if (names_group(one, sizeof one, word)) return 1;
    }
    /* ("who's my eldest?": of the children) */
    return !kin && (!strcmp(rest, "child") || understand_group_member("children", rest));
}

int compare_told(const facts_t *f, const char *text, int yesno, compare_t *out)
{
    int end = asked_end(text);
    static const char *const most[] = {"oldest", "eldest", "youngest", "firstborn",
                                       "first born", "lastborn", "last born", NULL};
    int superlative = 0;
    for (int i = 0; most[i] && !superlative; i++) superlative = facts_has_words(text, most[i]);
    /* (who it is: "where does my eldest work?" asks something else of them) */
    int who = facts_has_words(text, "who") || facts_has_words(text, "who's") ||
              facts_has_words(text, "whos") || facts_has_words(text, "which of") ||
              facts_has_words(text, "which one");
    if ((end != COMPARE_OLDER && end != COMPARE_YOUNGER) || !superlative || !who ||
        facts_has_words(text, "or") || facts_has_words(text, "than"))
        return 0;
    static const char *const first[] = {"eldest", "oldest", "elder", "older", "firstborn", NULL};
    static const char *const last[] = {"youngest", "younger", "baby", "lastborn", NULL};
    const char *name_key = reader_rel_name(READER_REL_NAME);
    const store_memory_t *pick = NULL;
    for (size_t i = 0; i < f->n; i++) {
        const store_memory_t *m = &f->v[i];
        const char *sp = strchr(m->holder, ' ');
        if (!facts_same_relation(m->relation, name_key) || !strcmp(m->value, FACTS_ENDED) ||
            (sp && strchr(sp + 1, ' ')) || facts_find(f, m->holder, m->relation, NULL) != m)
            continue;
        char place[16];                 /* ("my eldest": a child) */
        size_t pl = sp ? (size_t)(sp - m->holder) : strlen(m->holder);
        snprintf(place, sizeof place, "%.*s", (int)(pl < sizeof place ? pl : 0), m->holder);
        if (!understand_in_list(end == COMPARE_OLDER ? first : last, place) ||
            !told_in_group(text, sp ? sp + 1 : "child"))
            continue;
        if (pick && !facts_same_value(pick->value, m->value)) return 0;   /* (two: no one) */
        pick = m;
    }
    if (!pick) return 0;
    memset(out, 0, sizeof *out);
    out->name = pick->value;
    out->older = end;
    out->of = 3;
    out->yes = -1;
    out->ids[0] = pick->id;
    if (yesno) {                        /* "is Tyler the oldest?": the one named */
        const char *named = NULL;
        for (size_t i = 0; i < f->n && !named; i++) {
            const store_memory_t *m = &f->v[i];
            if (facts_same_relation(m->relation, name_key) && strcmp(m->value, FACTS_ENDED) &&
                named_at(text, m->value))
                named = m->value;
        }
        if (!named) return 0;
        out->yes = facts_same_value(named, pick->value);
    }
    out->age = pick->holder;            /* (the place told, "eldest grandchild") */
    return 1;
}

