/* forms_zh.c: Chinese forms the reader reads short, read by their characters (forms.h,
 * forms_zh): whose a name is in 我的丈夫叫… (the reader may take one character of the
 * kin word, 女 of 女儿, or none), a favourite in 我最喜欢的水果是芒果 and 我最喜欢什么
 * 水果, and a school in 在南京大学读书 and 我在哪所大学上学. Each mends the units of one
 * clause (understand.h); the reader still decides the clause's act. */
#include "agent/forms.h"
#include "agent/understand_internal.h"
#include "agent/understand_words.h"

#include <stdio.h>
#include <string.h>
#include "model/reader.h"

/* Kin words of one meaning in English whose first character alone is no kin word (女 of
 * 女儿), as the holder keys the English forms use. */
static const struct {
    const char *word, *key;
} kin[] = {{"男朋友", "boyfriend"}, {"女朋友", "girlfriend"}, {"丈夫", "husband"},
           {"老公", "husband"}, {"妻子", "wife"}, {"老婆", "wife"}, {"太太", "wife"},
           {"女儿", "daughter"}, {"儿子", "son"}};

/* Where the characters end a value: punctuation, a particle, or the clause's end. */
static size_t value_len(const char *s, size_t n)
{
    static const char *const stops[] = {"，", "。", "！", "？", "、", "；", "吗", "呢", "吧",
                                        "啊", "呀", "哦", "了", "的", ",", ".", "!", "?",
                                        " ", NULL};
    size_t i = 0;
    while (i < n) {
        int stop = 0;
        for (int k = 0; stops[k] && !stop; k++)
            stop = !strncmp(s + i, stops[k], strlen(stops[k])) &&
                   i + strlen(stops[k]) <= n;
        if (stop) break;
        i += ((unsigned char)s[i] >= 0xE0) ? 3 : 1;
    }
    return i < n ? i : n;
}

/* One unit of the clause (the first one's spans as a start) of the user's, in out[0]. */
static void only_unit(understood_t *out, int act, int rel, const char *relation,
                      const char *value, size_t vlen)
{
    understood_t u = out[0];
    u.act = act;
    u.rel = rel;
    u.clause_rel = rel;
    u.personal = 1;
    u.bare = 0;
    snprintf(u.holder, sizeof u.holder, "self");
    snprintf(u.relation, sizeof u.relation, "%s", relation);
    snprintf(u.value, sizeof u.value, "%.*s", (int)vlen, value);
    u.old[0] = u.name[0] = '\0';
    if (act == READER_FACT && u.act_p < u.fact_min_p) u.act_p = u.fact_min_p;
    out[0] = u;
}

int forms_zh(const char *c, size_t cn, int act, understood_t *out, int k, int max)
{
    if (k < 1 || (act != READER_FACT && act != READER_QUESTION && act != READER_YESNO))
        return k;
    int asks = act != READER_FACT;
    /* 我最喜欢的X是Y, 我最喜欢的X是什么, 我最喜欢什么X */
    long at = understand_text_at(c, cn, "最喜欢的");
    if (at >= 0) {
        const char *x = c + at + strlen("最喜欢的");
        long is = understand_text_at(x, cn - (size_t)(x - c), "是");
        if (is > 0) {
            const char *y = x + is + strlen("是");
            size_t yl = value_len(y, cn - (size_t)(y - c));
            int what = yl == strlen("什么") && !strncmp(y, "什么", yl);
            if (yl > 0 && what == asks) {
                char rel[UNDERSTAND_KEY];
                snprintf(rel, sizeof rel, "%s %.*s", UNDERSTAND_FAVOURITE, (int)is, x);
                only_unit(out, act, READER_REL_OPEN, rel, asks ? "" : y, asks ? 0 : yl);
                return 1;
            }
        }
    }
    at = understand_text_at(c, cn, "最喜欢什么");
    if (at >= 0 && asks) {
        const char *x = c + at + strlen("最喜欢什么");
        size_t xl = value_len(x, cn - (size_t)(x - c));
        if (xl > 0) {
            char rel[UNDERSTAND_KEY];
            snprintf(rel, sizeof rel, "%s %.*s", UNDERSTAND_FAVOURITE, (int)xl, x);
            only_unit(out, act, READER_REL_OPEN, rel, "", 0);
            return 1;
        }
    }
    /* 在X读书 / 上学 / 念书: X the school, or a question word asking for it */
    static const char *const studying[] = {"读书", "上学", "念书", "读大学", NULL};
    for (int v = 0; studying[v]; v++) {
        long sv = understand_text_at(c, cn, studying[v]);
        long in = understand_text_at(c, cn, "在");
        if (sv < 0 || in < 0 || in >= sv) continue;
        const char *x = c + in + strlen("在");
        size_t xl = (size_t)(c + sv - x);
        int which = understand_text_at(x, xl, "哪") >= 0 ||
                    understand_text_at(x, xl, "什么") >= 0;
        if (xl == 0 || which != asks) continue;
        /* a job told before it in the clause (我是学生，在南京大学读书) stays, after it */
        int job = -1;
        for (int i = 0; i < k && job < 0; i++)
            if (out[i].rel == READER_REL_JOB && out[i].value[0] &&
                understand_text_at(c, (size_t)in, out[i].value) >= 0)
                job = i;
        understood_t told = job >= 0 ? out[job] : out[0];
        only_unit(out, act, READER_REL_SCHOOL, reader_rel_name(READER_REL_SCHOOL),
                  asks ? "" : x, asks ? 0 : xl);
        if (job < 0 || max < 2) return 1;
        out[1] = told;
        return 2;
    }
    /* 我(的)KIN…: the units the clause gives the speaker, or the first character of the
     * kin word, are the kin's */
    long me = understand_text_at(c, cn, "我");
    if (me < 0) return k;
    const char *p = c + me + strlen("我");
    if (!strncmp(p, "的", strlen("的"))) p += strlen("的");
    for (size_t i = 0; i < sizeof kin / sizeof kin[0]; i++) {
        size_t wl = strlen(kin[i].word);
        if ((size_t)(p - c) + wl > cn || strncmp(p, kin[i].word, wl)) continue;
        for (int j = 0; j < k; j++) {
            size_t hl = strlen(out[j].holder);
            int part = hl > 0 && hl < wl && !strncmp(out[j].holder, kin[i].word, hl);
            if (!strcmp(out[j].holder, "self") || !strcmp(out[j].holder, kin[i].word) || part) {
                snprintf(out[j].holder, sizeof out[j].holder, "%s", kin[i].key);
                out[j].personal = 1;
            }
        }
        /* 叫X told: the kin's name, when the reader marked none */
        const char *x = p + wl;
        if (act != READER_FACT || strncmp(x, "叫", strlen("叫"))) break;
        x += strlen("叫");
        size_t xl = value_len(x, cn - (size_t)(x - c));
        int named = xl == 0 || (xl == strlen("什么") && !strncmp(x, "什么", xl));
        for (int j = 0; j < k && !named; j++)
            named = out[j].rel == READER_REL_NAME && !strcmp(out[j].holder, kin[i].key);
        if (named || k >= max) break;
        out[k] = out[0];
        only_unit(&out[k], READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), x,
                  xl);
        snprintf(out[k].holder, sizeof out[k].holder, "%s", kin[i].key);
        k++;
        break;
    }
    return k;
}
