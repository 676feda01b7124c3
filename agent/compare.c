/* compare.c: age comparisons over the user's people (compare.h). A person is a holder
 * with a current name fact (or a holder that is itself the name of one of a group:
 * "two kids, Ana who's 12", or a name written so where its age was told) and a current
 * age fact whose value holds digits or a number in words; the word of
 * comparison says which end is asked, the names in the question narrow who is compared,
 * and where they stand in it orders a yes/no question. */
#include "agent/compare.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "agent/kinds.h"
#include "agent/understand_words.h"
#include "model/dialogue.h"
#include "model/reader.h"

enum { COMPARE_MAX = 16 };

typedef struct person {
    const char *name;
    long age;
    int64_t id;
    const char *at;     /* where the question names them, NULL when it does not */
} person_t;

/* 1 older, 0 younger, -1 when text compares no ages. */
static int asked_end(const char *text)
{
    static const char *const older[] = {"older", "oldest", "eldest", "elder", "firstborn",
                                        "first born", "first-born", NULL};
    static const char *const younger[] = {"younger", "youngest", "is the baby",
                                          "the baby of", "lastborn", "last born",
                                          "last-born", NULL};
    for (int i = 0; older[i]; i++)
        if (facts_has_words(text, older[i])) return 1;
    for (int i = 0; younger[i]; i++)
        if (facts_has_words(text, younger[i])) return 0;
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
 * 6"). */
static int holder_is_name(const store_memory_t *m)
{
    for (const char *p = m->holder; *p; p++)
        if (!isalpha((unsigned char)*p)) return 0;
    const char *at = m->text ? named_at(m->text, m->holder) : NULL;
    return at && isupper((unsigned char)*at) && !understand_kin(m->holder) &&
           !dialogue_pet_word(m->holder) && !kinds_person(m->holder);
}

/* The user's people with a name and an age in digits, into v; returns how many. */
static int people(const facts_t *f, const char *text, person_t *v)
{
    int people_asked = 0;               /* "which of my nephews ...": no pet is compared */
    for (int k = 0; understand_people_groups[k] && !people_asked; k++)
        people_asked = facts_has_words(text, understand_people_groups[k]);
    int n = 0;
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
        const char *d = m->value;     /* "14", "aged 14", "fourteen" */
        while (*d && (*d < '0' || *d > '9')) d++;
        long age = 0;
        if (*d) age = strtol(d, NULL, 10);
        else if (!understand_number(m->value, &age)) continue;
        v[n++] = (person_t){name, age, m->id, named_at(text, name)};
    }
    /* the user, when the question names them among the others ("me or Joost", "am I
     * older than Ana?") and their age is told */
    const store_memory_t *own = facts_find(f, "self", age_key, NULL);
    const char *me = named_at(text, "me");
    if (!me) me = named_at(text, "i");
    long age = 0;
    if (own && me && n > 0 && n < COMPARE_MAX && strcmp(own->value, FACTS_ENDED) != 0 &&
        (isdigit((unsigned char)own->value[0]) ? (age = strtol(own->value, NULL, 10)) > 0
                                               : understand_number(own->value, &age)))
        v[n++] = (person_t){REALISE_YOU, age, own->id, me};
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
    if (yesno) {
        if (k != 2) return 0;
        int first = named[0].at < named[1].at ? 0 : 1;
        const person_t *a = &named[first], *b = &named[1 - first];
        *out = (compare_t){a->name, b->name, a->age, b->age,
                           end ? a->age > b->age : a->age < b->age, end, 2, {a->id, b->id}};
        return 1;
    }
    const person_t *from = k >= 2 ? named : all;
    int m = k >= 2 ? k : n;
    if (m < 2) return 0;
    const person_t *best = &from[0];
    for (int i = 1; i < m; i++)
        if (end ? from[i].age > best->age : from[i].age < best->age) best = &from[i];
    out->of = m;
    out->name = best->name;
    out->age = best->age;
    out->ids[0] = best->id;
    return 1;
}
