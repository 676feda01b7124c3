/* forms_change.c: forms of a change or a correction the reader reads only in part, read
 * by their words into the units of one clause (forms.h). "she's a whippet not a
 * greyhound" with no comma: the reader finds the old value and the act, and now and then
 * not the new value, which stands right before "not". Rules that read form, as forms.c's;
 * the reader still decides the act. */
#include "agent/forms.h"
#include "agent/kinds.h"
#include "agent/understand_internal.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "model/reader.h"

/* Words that end the new value on its left: what comes before it is no part of it. */
static const char *const value_starts[] = {"is", "are", "was", "a", "an", "the", "meant",
                                           "it's", "its", "she's", "shes", "he's", "hes",
                                           "they're", "theyre", "that's", "thats", "actually",
                                           "sorry", "oops", "no", "now", NULL};
/* The pronouns a new value may be told of ("she's a ..."), as the holder then. */
static const char *const pronoun_is[] = {"she's", "shes", "she", "he's", "hes", "he",
                                         "it's", "its", "it", NULL};

int forms_not_old(const char *c, size_t cn, const char *const *words, int n,
                  understood_t *out, int k)
{
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        /* a value the reader took from the lead-in ("scratch that, ...") is none */
        int lead = n > 0 && u->value[0] && (!strcasecmp(u->value, words[0]) ||
                                            (n > 1 && !strcasecmp(u->value, words[1])));
        if (u->act != READER_CORRECTION || !u->old[0] || (u->value[0] && !lead)) continue;
        for (int w = 1; w + 1 < n; w++) {
            if (strcmp(words[w], "not") != 0) continue;
            int o = w + 1;              /* "not a greyhound": the old value after it */
            if (o < n && (!strcmp(words[o], "a") || !strcmp(words[o], "an") ||
                          !strcmp(words[o], "the")))
                o++;
            char after[UNDERSTAND_VALUE];
            understand_as_written(c, cn, words, o, n, after, sizeof after);
            if (o >= n || strncasecmp(after, u->old, strlen(u->old)) != 0) continue;
            int b = w;                  /* the new value: up to three words before "not" */
            while (b > 0 && w - b < 3 && !understand_in_list(value_starts, words[b - 1]))
                b--;
            if (b == w || (b > 0 && !understand_in_list(value_starts, words[b - 1])))
                break;                  /* nothing, or more words than a value's */
            understand_as_written(c, cn, words, b, w, u->value, sizeof u->value);
            char said[UNDERSTAND_KEY];
            understand_holder_of(u->value, said, sizeof said);
            for (int p = b - 1; p >= 0 && p >= b - 3; p--)
                if (understand_in_list(pronoun_is, words[p]) &&
                    (!u->holder[0] || !strcasecmp(u->holder, said))) {
                    /* "she's", "it's": the pronoun, whom pronoun_holders finds */
                    snprintf(u->holder, sizeof u->holder, "%.*s",
                             (int)strcspn(words[p], "'"), words[p]);
                    if (!strcmp(u->holder, "shes") || !strcmp(u->holder, "hes") ||
                        !strcmp(u->holder, "its"))
                        u->holder[strlen(u->holder) - 1] = '\0';
                    break;
                }
            break;
        }
    }
    return k;
}

int forms_turned(const char *c, size_t cn, const char *const *words, const unsigned char *caps,
                 int n, understood_t *out, int k, int max)
{
    static const char *const between[] = {"actually", "just", "now", "finally", "has",
                                          "recently", "already", "only", NULL};
    for (int t = 1; t + 1 < n; t++) {
        if (strcmp(words[t], "turned") != 0 || !understand_number_only(words[t + 1])) continue;
        int h = t - 1;
        while (h > 0 && understand_in_list(between, words[h])) h--;
        char kin[UNDERSTAND_KEY] = "";  /* "our son emil turned 5": a name in lower
                                         * case after a kin word is the kin's */
        if (h > 0 && !caps[h]) understand_holder_of(words[h - 1], kin, sizeof kin);
        if (kin[0] && understand_kin(kin) && !understand_pronoun(words[h]) &&
            !understand_in_list(understand_personal_words, words[h]) && k < max) {
            understood_t *u = &out[k];
            *u = out[0];
            u->rel = READER_REL_AGE;
            u->personal = 1;
            snprintf(u->holder, sizeof u->holder, "%s", kin);
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
            understand_as_written(c, cn, words, t + 1, t + 2, u->value, sizeof u->value);
            u->old[0] = u->name[0] = '\0';
            for (int i = 0; i < k; i++)         /* (an age the reader read elsewhere goes) */
                if (out[i].rel == READER_REL_AGE && !strcmp(out[i].holder, kin)) {
                    out[i] = *u;
                    return k;
                }
            return k + 1;
        }
        if (!caps[h] || understand_in_list(understand_personal_words, words[h]) ||
            understand_pronoun(words[h]))
            return k;           /* "my son turned 10" is read as it is */
        char name[UNDERSTAND_KEY], age[UNDERSTAND_VALUE];
        understand_as_written(c, cn, words, h, h + 1, name, sizeof name);
        understand_as_written(c, cn, words, t + 1, t + 2, age, sizeof age);
        int kept = 0, gone = -1;    /* the reader's units of the name or of no value
                                     * give way to the age */
        understood_t base = out[0];
        for (int i = 0; i < k; i++) {
            if (out[i].value[0] && strcasecmp(out[i].value, name) != 0 &&
                strcasecmp(out[i].holder, name) != 0 &&
                strcasecmp(out[i].relation, name) != 0)     /* ("nicky" = "turned 7") */
                out[kept++] = out[i];
            else if (gone < 0)
                gone = i, base = out[i];
        }
        if (gone < 0) return k;
        understood_t *u = &out[kept];
        *u = base;
        u->rel = READER_REL_AGE;
        u->personal = 1;
        understand_holder_of(name, u->holder, sizeof u->holder);
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_AGE));
        snprintf(u->value, sizeof u->value, "%s", age);
        u->old[0] = u->name[0] = '\0';
        return kept + 1;
    }
    return k;
}

/* Whose a promotion is ("Kim got promoted to ...", "my brother was promoted to ..."),
 * from the words before "promoted" at p, into holder (cap bytes): a name written with a
 * capital, or a kin word after "my" or "our"; "self" when none or "I" ("promoted to shift
 * lead", "guess who has been promoted"); 0 when it is someone it cannot tell, a pronoun among
 * them (whom "he" is, the reader's units tell). */
static int promoted_whose(const char *c, size_t cn, const char *const *words,
                          const unsigned char *caps, int p, char *holder, size_t cap)
{
    static const char *const between[] = {"got", "get", "gets", "getting", "was", "were",
                                          "has", "have", "had", "been", "being", "is", "just",
                                          "finally", "officially", "actually", "already",
                                          "recently", "now", "she's", "he's", "they've",
                                          "she", "he", "they", "i've", "i", "im", "i'm", NULL};
    static const char *const pronoun[] = {"she's", "she", "he's", "he", "they", "they've",
                                          NULL};
    static const char *const me[] = {"i", "i've", "im", "i'm", "who", NULL};   /* ("guess
                                                                  * who got promoted") */
    int h = p - 1;
    for (; h >= 0 && understand_in_list(between, words[h]); h--) {
        if (understand_in_list(me, words[h])) break;
        if (understand_in_list(pronoun, words[h])) return 0;   /* the reader's reading */
    }
    if (h < 0 || understand_in_list(me, words[h])) {
        snprintf(holder, cap, "self");
        return 1;
    }
    if (understand_kin(words[h]) && h > 0 &&
        (!strcmp(words[h - 1], "my") || !strcmp(words[h - 1], "our"))) {
        understand_holder_of(words[h], holder, cap);
        return 1;
    }
    if (caps[h] && !understand_in_list(understand_personal_words, words[h]) &&
        !understand_pronoun(words[h])) {
        char name[UNDERSTAND_KEY];
        understand_as_written(c, cn, words, h, h + 1, name, sizeof name);
        understand_holder_of(name, holder, cap);
        return 1;
    }
    return 0;
}

int forms_job_from_to(const char *c, size_t cn, const char *const *words,
                      const unsigned char *caps, int n, const understood_t *clause,
                      understood_t *out, int k)
{
    static const char *const changing[] = {"moved", "switched", "changed", "went", "gone",
                                           "promoted", "moving", "switching", "retrained",
                                           "career", "job", NULL};
    static const char *const ends[] = {"at", "in", "for", "with", "same", "and", "but", "now",
                                       "lol", "last", "this", "next", "yesterday", "recently",
                                       "today", "no", "so", "which", "because", "after",
                                       "from", "starting", "since", "yay", NULL};
    int f = 0;
    while (f < n && strcmp(words[f], "from") != 0) f++;
    int t = f + 1;
    while (t < n && t - f <= 4 && strcmp(words[t], "to") != 0) t++;
    int p = 0;                  /* or "promoted to shift lead" */
    while (p + 2 < n && !(!strcmp(words[p], "promoted") && !strcmp(words[p + 1], "to"))) p++;
    char holder[UNDERSTAND_KEY] = "self";
    if (p + 2 < n) {
        f = p, t = p + 1;
        if (!promoted_whose(c, cn, words, caps, p, holder, sizeof holder)) return k;
    } else if (f == 0 || t >= n - 1 || t - f > 4 || !understand_in_list(changing, words[f - 1])) {
        return k;
    } else {
        static const char *const someone[] = {"my", "his", "her", "their", "he", "she",
                                              "they", "he's", "she's", "our", NULL};
        for (int w = 0; w < f; w++)     /* the user's change, not "my sister went ..." */
            if (understand_in_list(someone, words[w])) return k;
    }
    int s = t + 1;
    if (!strcmp(words[s], "a") || !strcmp(words[s], "an") || !strcmp(words[s], "be")) s++;
    int e = s;
    while (e < n && e - s < 3 && isalpha((unsigned char)words[e][0]) &&
           !understand_in_list(ends, words[e]))
        e++;
    while (e > s && !kinds_person(words[e - 1])) e--;  /* ("... baker finally") */
    if (e == s || understand_kin(words[e - 1])) return k;
    char job[UNDERSTAND_VALUE];
    understand_as_written(c, cn, words, s, e, job, sizeof job);
    understood_t base = k > 0 ? out[0] : *clause;
    forms_told_unit(&base, READER_REL_JOB, holder, reader_rel_name(READER_REL_JOB), job, &out[0]);
    return 1;
}

int forms_placement(const understood_t *clause, const char *const *words, int n,
                    understood_t *out, int k)
{
    static const char *const got[] = {"got", "get", "landed", "started", "starting", "start",
                                      "began", "begin", "accepted", "doing", "offered", NULL};
    static const char *const placed[][2] = {
        {"internship", "intern"}, {"internships", "intern"}, {"apprenticeship", "apprentice"},
        {"traineeship", "trainee"}, {"residency", "resident"}, {NULL, NULL}};
    static const char *const someone[] = {"my", "his", "her", "their", "he", "she", "they",
                                          "he's", "she's", "our", "you", NULL};
    for (int w = 1; w + 1 < n; w++) {
        if (!understand_in_list(got, words[w - 1]) && !(w > 1 && understand_in_list(got, words[w - 2])))
            continue;
        if (strcmp(words[w], "an") != 0 && strcmp(words[w], "a") != 0 &&
            strcmp(words[w], "my") != 0 && strcmp(words[w], "the") != 0)
            continue;
        for (int p = 0; placed[p][0]; p++) {
            if (strcmp(words[w + 1], placed[p][0]) != 0) continue;
            for (int b = 0; b < w; b++)     /* the user's, not "my son got an internship" */
                if (understand_in_list(someone, words[b])) return k;
            understood_t base = k > 0 ? out[0] : *clause;
            forms_told_unit(&base, READER_REL_JOB, "self", reader_rel_name(READER_REL_JOB),
                            placed[p][1], &out[0]);
            return 1;
        }
    }
    return k;
}
