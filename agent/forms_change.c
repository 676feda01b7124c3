/* forms_change.c: forms of a change or a correction the reader reads only in part, read
 * by their words into the units of one clause (forms.h). "she's a whippet not a
 * greyhound" with no comma: the reader finds the old value and the act, and now and then
 * not the new value, which stands right before "not". Rules that read form, as forms.c's;
 * the reader still decides the act. */
#include "agent/forms.h"
#include "agent/understand_internal.h"
#include "agent/understand_words.h"

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
