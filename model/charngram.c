/* charngram.c: the reader's subword features, fastText style: a word's character
 * n-grams (n = 3..5 code points of "<word>", with boundary marks, and the whole marked
 * word) hashed into buckets, and the mean of their embedding rows with its backward. A
 * name, a typo or a word never seen in training shares most of its n-grams with words
 * that were, so it reads a real vector instead of noise. A word written with a capital
 * ("Tom", not "tom") adds one more bucket, its case mark. */
#include "model/reader_internal.h"

#include <stdint.h>
#include <string.h>

enum { NMIN = 3, NMAX = 5, MAX_CP = 256 };

/* Length of the UTF-8 sequence starting with byte c (1 for anything malformed). */
static int cp_len(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if ((size_t)n > left)
        return 1;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

static uint32_t fnv_update(uint32_t h, const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

/* The hash of marked code points [a, b) of "<word>": cps[] are byte offsets into word
 * of the word's code points, cp 0 being '<' and cp L-1 '>'. */
static uint32_t gram_hash(const unsigned char *w, const int *cps, int L, int a, int b)
{
    static const unsigned char lt = '<', gt = '>';
    uint32_t h = 2166136261u;
    if (a == 0)
        h = fnv_update(h, &lt, 1);
    int from = a == 0 ? 1 : a, to = b == L ? L - 1 : b; /* word code points in [from, to) */
    if (to > from)
        h = fnv_update(h, w + cps[from], (size_t)(cps[to] - cps[from]));
    if (b == L)
        h = fnv_update(h, &gt, 1);
    return h;
}

int reader_ngrams(const char *word, size_t len, int Nb, int *out, int max)
{
    const unsigned char *w = (const unsigned char *)word;
    /* cps[i]: byte offset of marked code point i; the marks sit at 0 and L-1, so word
     * code point k (k = 1..L-2) starts at cps[k] and ends at cps[k+1] (cps[L-1] = len). */
    int cps[MAX_CP + 3], L = 1;
    cps[0] = 0;
    size_t at = 0;
    while (at < len && L < MAX_CP + 1) {
        cps[L++] = (int)at;
        at += (size_t)cp_len(w + at, len - at);
    }
    if (at < len)
        len = at; /* a very long word keeps its first MAX_CP code points */
    cps[L++] = (int)len;
    int n = 0;
    for (int g = NMIN; g <= NMAX; g++)
        for (int a = 0; a + g <= L && n < max; a++)
            out[n++] = (int)(gram_hash(w, cps, L, a, a + g) % (uint32_t)Nb);
    if (L > NMAX && n < max)
        out[n++] = (int)(gram_hash(w, cps, L, 0, L) % (uint32_t)Nb);
    return n;
}

int reader_features(const char *word, size_t len, int cap, int Nb, int *out, int max)
{
    int n = reader_ngrams(word, len, Nb, out, max > 0 ? max - 1 : 0);
    if (cap && n < max) {
        /* a bucket no n-gram is hashed from on purpose: the hash of a byte no word has */
        static const unsigned char mark = 0x01;
        out[n++] = (int)(fnv_update(2166136261u, &mark, 1) % (uint32_t)Nb);
    }
    return n;
}

/* out [N,E] += mean of table [Nb,E] rows idx[off[i]..off[i+1]) */
void reader_cng_forward(float *out, const int *off, const int *idx, const float *table, int N,
                        int E)
{
    for (int i = 0; i < N; i++) {
        int a = off[i], b = off[i + 1];
        if (b <= a)
            continue;
        float inv = 1.0f / (float)(b - a), *o = out + (size_t)i * E;
        for (int j = a; j < b; j++) {
            const float *row = table + (size_t)idx[j] * E;
            for (int k = 0; k < E; k++)
                o[k] += inv * row[k];
        }
    }
}

void reader_cng_forward_ref(float *out, const int *off, const int *idx, const float *table,
                            int N, int E)
{
    for (int i = 0; i < N; i++) {
        int cnt = off[i + 1] - off[i];
        for (int k = 0; k < E && cnt > 0; k++) {
            double s = 0.0;
            for (int j = off[i]; j < off[i + 1]; j++)
                s += table[idx[j] * E + k];
            out[i * E + k] += (float)(s / cnt);
        }
    }
}

/* dtable [Nb,E] += dout [N,E] / count at each n-gram row */
void reader_cng_backward(float *dtable, const float *dout, const int *off, const int *idx,
                         int N, int E)
{
    for (int i = 0; i < N; i++) {
        int a = off[i], b = off[i + 1];
        if (b <= a)
            continue;
        float inv = 1.0f / (float)(b - a);
        const float *g = dout + (size_t)i * E;
        for (int j = a; j < b; j++) {
            float *row = dtable + (size_t)idx[j] * E;
            for (int k = 0; k < E; k++)
                row[k] += inv * g[k];
        }
    }
}

void reader_cng_backward_ref(float *dtable, const float *dout, const int *off,
                             const int *idx, int N, int E)
{
    for (int i = 0; i < N; i++) {
        int cnt = off[i + 1] - off[i];
        for (int j = off[i]; j < off[i + 1]; j++)
            for (int k = 0; k < E; k++)
                dtable[idx[j] * E + k] += (float)((double)dout[i * E + k] / cnt);
    }
}
