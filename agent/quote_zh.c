/* quote_zh.c: a Chinese question compared with the user's sentences by characters
 * (quote_zh.h). An ideograph is three bytes of UTF-8 led by 0xE4..0xE9; the characters
 * every question or sentence uses are listed once below. */
#include "agent/quote_zh.h"

#include <string.h>
#include "agent/forms.h"

/* Characters of asking, pointing, particles and pronouns: what no question is about. */
static const char function_chars[] =
    "我你他她它俺咱们的了是吗呢啊呀吧么嘛呗哦嗯哈什哪谁几啥多少久来着还都也就那这个些"
    "在现有没不要想会能和跟给对把被让过很太又再说记得知道告诉一下请问今最儿家只条";

/* Characters that say what kind of value a question asks for (名字, 工作, 住, 多大, 哪里
 * ...), which an answer holds without saying them. */
static const char kind_chars[] = "叫名字姓岁龄大工作做干职业上班学读研校住城市生日号月年里";

/* Characters that only say a request to forget is one. */
static const char forget_chars[] = "忘掉记删除别请帮吧了";

static int ideograph(const unsigned char *p, size_t left)
{
    return left >= 3 && p[0] >= 0xE4 && p[0] <= 0xE9 && (p[1] & 0xC0) == 0x80 &&
           (p[2] & 0xC0) == 0x80;
}

/* 1 when the character at p (three bytes) is one of list. */
static int among(const char *list, const char *p)
{
    for (size_t i = 0; list[i]; i += 3)
        if (!memcmp(list + i, p, 3)) return 1;
    return 0;
}

static int holds(const char *text, size_t len, const char *s, size_t sl)
{
    for (size_t i = 0; sl && i + sl <= len; i++)
        if (!memcmp(text + i, s, sl)) return 1;
    return 0;
}

void quote_zh_asked(quote_zh_t *q, const char *text, size_t len, const char *const *names)
{
    q->nch = q->nwho = 0;
    for (size_t i = 0; i < len;) {
        size_t who = forms_zh_who_len(text + i, len - i);
        for (const char *const *n = names; n && *n && !who; n++) {
            size_t nl = strlen(*n);
            if (nl >= 3 && nl <= len - i && ideograph((const unsigned char *)*n, nl) &&
                !memcmp(text + i, *n, nl))
                who = nl;
        }
        if (who) {
            int dup = who >= QUOTE_ZH_WHO_LEN;
            for (int w = 0; w < q->nwho && !dup; w++)
                dup = strlen(q->who[w]) == who && !memcmp(q->who[w], text + i, who);
            if (!dup && q->nwho < QUOTE_ZH_WHO) {
                memcpy(q->who[q->nwho], text + i, who);
                q->who[q->nwho++][who] = '\0';
            }
            i += who;
            continue;
        }
        if (!ideograph((const unsigned char *)text + i, len - i)) {
            i++;
            continue;
        }
        int dup = among(function_chars, text + i);
        for (int c = 0; c < q->nch && !dup; c++) dup = !memcmp(q->ch[c], text + i, 3);
        if (!dup && q->nch < QUOTE_ZH_CHARS) {
            memcpy(q->ch[q->nch], text + i, 3);
            q->ch[q->nch++][3] = '\0';
        }
        i += 3;
    }
}

int quote_zh_held(const quote_zh_t *q, const char *text, size_t len)
{
    int held = 0;
    for (int c = 0; c < q->nch; c++) held += holds(text, len, q->ch[c], 3);
    return held;
}

/* 1 when text[0, len) names who: the word itself, or another word of its key (柯基 of
 * 狗, 老公 of 丈夫). */
static int names_who(const char *text, size_t len, const char *who)
{
    size_t wl = strlen(who), kl;
    if (holds(text, len, who, wl)) return 1;
    const char *key = forms_zh_who_key(who, wl, &kl);
    for (size_t i = 0; key && i < len; i++) {
        const char *k = forms_zh_who_key(text + i, len - i, &kl);
        if (k && !strcmp(k, key)) return 1;
    }
    return 0;
}

int quote_zh_score(const quote_zh_t *q, const char *text, size_t len)
{
    if (forms_zh_asks(text, len)) return 0;
    for (int w = 0; w < q->nwho; w++)
        if (!names_who(text, len, q->who[w])) return 0;
    int held = quote_zh_held(q, text, len);
    /* one character alone is chance (大 of 大学 for 多大), unless the question names
     * no more than two, and whom it asks about, which the sentence names too */
    return held >= (q->nch < 2 || (q->nwho && q->nch < 3) ? 1 : 2) ? held : 0;
}

int quote_zh_open(quote_zh_t *q, const char *const *values, int nv)
{
    int open = 0;
    for (int c = 0; c < q->nch; c++) {
        int held = among(kind_chars, q->ch[c]);
        for (int v = 0; v < nv && !held; v++)
            held = holds(values[v], strlen(values[v]), q->ch[c], 3);
        if (!held) memcpy(q->ch[open++], q->ch[c], 4);
    }
    return q->nch = open;
}

int quote_zh_denies(const quote_zh_t *q, const char *text, size_t len)
{
    static const char no[] = "不没别非无";
    size_t first = len;         /* where the first of q's characters stands */
    for (int c = 0; c < q->nch; c++)
        for (size_t i = 0; i + 3 <= len && i < first; i++)
            if (!memcmp(text + i, q->ch[c], 3)) first = i;
    for (size_t i = first >= 6 ? first - 6 : 0; i + 3 <= first; i++)
        if (ideograph((const unsigned char *)text + i, len - i) && among(no, text + i)) return 1;
    return 0;
}

int quote_zh_hides(const char *req, size_t rlen, const char *text, size_t len)
{
    int named = 0, held = 0;
    for (size_t i = 0; i + 3 <= rlen; i++) {
        if (!ideograph((const unsigned char *)req + i, rlen - i)) continue;
        if (!among(function_chars, req + i) && !among(forget_chars, req + i)) {
            named++;
            held += holds(text, len, req + i, 3);
        }
        i += 2;
    }
    return named && held >= (named < 2 ? named : 2);
}
