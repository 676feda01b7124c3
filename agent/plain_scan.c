/* plain_scan.c: the scanning plain.c and restate.c share (plain_scan.h): a phrase of a
 * list found, a word read, a number word, a letter of two bytes. */
#include "agent/plain_scan.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

long plain_find_any(const char *s, size_t n, size_t from, const char *const *list, size_t *len)
{
    for (size_t i = from; i < n; i++)
        for (int k = 0; list[k]; k++) {
            size_t l = strlen(list[k]);
            if (i + l <= n && !strncasecmp(s + i, list[k], l)) {
                *len = l;
                return (long)i;
            }
        }
    return -1;
}

int plain_number_word(const char *msg, size_t s, size_t e)
{
    static const char *const tens[] = {"one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", "ten", "eleven", "twelve", "twenty",
                                       "thirty", "forty", "fifty", "sixty", "seventy",
                                       "eighty", "ninety", "hundred", NULL};
    if (e > s && isdigit((unsigned char)msg[s])) return 1;
    for (int t = 0; tens[t]; t++) {
        size_t tl = strlen(tens[t]);
        if (e - s >= tl && !strncasecmp(msg + s, tens[t], tl) &&
            (e - s == tl || msg[s + tl] == '-' || isalpha((unsigned char)msg[s + tl])))
            return 1;
    }
    return 0;
}

size_t plain_two_byte_letter(const char *msg, size_t len, size_t i)
{
    unsigned char a = (unsigned char)msg[i];
    return a >= 0xC3 && a <= 0xDF && i + 1 < len && ((unsigned char)msg[i + 1] & 0xC0) == 0x80
               ? 2
               : 0;
}

size_t plain_read_word(const char *msg, size_t len, size_t i, char *out, size_t cap,
                       int digits)
{
    while (i < len && msg[i] == ' ') i++;
    size_t n = 0;
    while (i < len && (isalpha((unsigned char)msg[i]) || msg[i] == '\'' ||
                       (digits && isdigit((unsigned char)msg[i])))) {
        if (n + 1 >= cap) return out[0] = '\0', 0;
        out[n++] = (char)tolower((unsigned char)msg[i++]);
    }
    out[n] = '\0';
    return n ? i : 0;
}
