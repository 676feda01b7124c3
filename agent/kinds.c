/* kinds.c: a kind of kept animal looked up in the generated table (kinds.h): the word
 * lower-cased, then a binary search. */
#include "agent/kinds.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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
