/* forms_zh.c: Chinese forms the reader reads short, read by their characters (forms.h,
 * forms_zh): whose a name is in 我的丈夫叫… (the reader may take one character of the
 * kin word, 女 of 女儿, or none), a favourite in 我最喜欢的水果是芒果 and 我最喜欢什么
 * 水果, a school in 在南京大学读书 and 我在哪所大学上学, a home town in 老家在西安, a like in
 * 周末喜欢去游泳, an animal kept in 我有一只英短叫团子 and its kind asked by 什么品种; and
 * a reading's Chinese values as the clause writes them (9月3号, not 9 月 3 号), a kin
 * named without 我 (老公叫大伟). Each mends the units of one clause
 * (understand.h); the reader still decides the clause's act. */
#include "agent/forms.h"
#include "agent/realise.h"
#include "agent/understand_internal.h"
#include "agent/understand_words.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "model/dialogue.h"
#include "model/reader.h"

/* Kin words of one meaning in English whose first character alone is no kin word (女 of
 * 女儿), as the holder keys the English forms use; an older and a younger brother (哥哥,
 * 弟弟) are two people, so their keys say which. */
static const struct {
    const char *word, *key;
} kin[] = {{"男朋友", "boyfriend"}, {"女朋友", "girlfriend"}, {"丈夫", "husband"},
           {"老公", "husband"}, {"妻子", "wife"}, {"老婆", "wife"}, {"太太", "wife"},
           {"女儿", "daughter"}, {"儿子", "son"}, {"闺女", "daughter"}, {"孙子", "grandson"},
           {"孙女", "granddaughter"}, {"外孙女", "granddaughter"}, {"外孙", "grandson"},
           {"妈妈", "mother"}, {"爸爸", "father"}, {"哥哥", "older brother"},
           {"弟弟", "younger brother"}, {"姐姐", "older sister"}, {"妹妹", "younger sister"},
           {"老伴", "spouse"}, {"爱人", "spouse"}, {"对象", "spouse"},
           {"前男友", "ex-boyfriend"},
           {"前女友", "ex-girlfriend"}, {"前夫", "ex-husband"}, {"前妻", "ex-wife"},
           {"妈", "mother"}, {"爸", "father"}, {"妹", "younger sister"},
           {"姐", "older sister"}, {"弟", "younger brother"}};

/* Where a kin word of the table begins the clause or follows 我, 我的 (any of them:
 * 我们分手了，删掉我男朋友的名字), the measure word 个 (我有一个弟弟) or 现在的, a twin's 双胞胎
 * between (一个双胞胎姐姐): its start, with *which its entry; NULL when none does. */
static const char *kin_at(const char *c, size_t cn, size_t *which)
{
    for (const char *p = c; p && p < c + cn;) {
        for (size_t i = 0; i < sizeof kin / sizeof kin[0]; i++) {
            size_t wl = strlen(kin[i].word);
            if ((size_t)(p - c) + wl <= cn && !strncmp(p, kin[i].word, wl)) {
                *which = i;
                return p;
            }
        }
        /* the next 我 (我的), measure word 个 (我有一个弟弟), or 现在的 (现在的男朋友叫阿峰:
         * the one now, after a parting) */
        static const char *const leads[] = {"我", "个", "现在的", NULL};
        long first = -1;
        size_t fl = 0;
        for (int l = 0; leads[l]; l++) {
            long at = understand_text_at(p, cn - (size_t)(p - c), leads[l]);
            if (at >= 0 && (first < 0 || at < first)) first = at, fl = strlen(leads[l]);
        }
        if (first < 0) return NULL;
        p += first + (long)fl;
        if ((size_t)(p - c) + strlen("的") <= cn && !strncmp(p, "的", strlen("的")))
            p += strlen("的");
        /* a twin is the kin word after it (一个双胞胎姐姐) */
        if ((size_t)(p - c) + strlen("双胞胎") <= cn && !strncmp(p, "双胞胎", strlen("双胞胎")))
            p += strlen("双胞胎");
    }
    return NULL;
}

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

/* How long the name that starts at x is: value_len's end, or where the next one of a
 * list begins (一只叫芝士一只叫奶盖, 一个叫阿福一个叫阿贵). */
static size_t name_len(const char *x, size_t n)
{
    static const char *const next[] = {"一只", "一个", "一条", "一位", "另一", "叫", NULL};
    size_t l = value_len(x, n);
    for (int i = 0; next[i]; i++) {
        long at = understand_text_at(x, l, next[i]);
        if (at > 0 && (size_t)at < l) l = (size_t)at;
    }
    return l;
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

/* A value as the clause has it: the reader's words joined with no space beside an
 * ideograph (9 月 3 号 is 9月3号), cut where the clause's text stops matching (a comma
 * the words skipped and what came after it). */
static void value_as_written(const char *c, size_t cn, char *v, size_t vn)
{
    char t[UNDERSTAND_VALUE];
    size_t o = 0, n = strlen(v);
    for (size_t i = 0; i < n && o + 1 < sizeof t; i++) {
        if (v[i] == ' ' && i > 0 && i + 1 < n &&
            ((unsigned char)v[i - 1] >= 0xE0 || (unsigned char)v[i + 1] >= 0xE0 ||
             ((unsigned char)v[i - 1] & 0xC0) == 0x80))
            continue;
        t[o++] = v[i];
    }
    t[o] = '\0';
    /* the longest prefix found in the clause, cut at a character's start */
    while (o > 0 && understand_text_at(c, cn, t) < 0) {
        do o--;
        while (o > 0 && ((unsigned char)t[o] & 0xC0) == 0x80);
        t[o] = '\0';
    }
    if (o > 0) snprintf(v, vn, "%s", t);
}

/* The units of out[0, k) but out[skip] that tell a value of the user's own of one of rels
 * (ended by -1), copied into kept (up to cap): what a form that reads its clause as one
 * unit keeps beside it (我叫X，今年五十二，在东北老家种地: the name and the age beside the
 * home town). Returns how many. */
static int told_beside(const understood_t *out, int k, const int *rels, int skip,
                       understood_t *kept, int cap)
{
    int n = 0;
    for (int i = 0; i < k && n < cap; i++) {
        int of = 0;
        for (int r = 0; rels[r] >= 0 && !of; r++) of = out[i].rel == rels[r];
        if (of && i != skip && out[i].act == READER_FACT && out[i].value[0] &&
            !strcmp(out[i].holder, "self"))
            kept[n++] = out[i];
    }
    return n;
}

/* Where one comes from told by 老家 (one's home town): 老家在西安, 老家是X, 老家X的, 在X老家,
 * and asked by 老家 with 哪 (哪里, 哪儿). 1 when the clause is one of them (out[0] set). */
static int home_town(const char *c, size_t cn, int act, understood_t *out)
{
    long at = understand_text_at(c, cn, "老家");
    if (at < 0) return 0;
    /* 在东北老家种地: the place right before 老家 (two to four characters after 在) */
    long in = understand_text_at(c, (size_t)at, "在");
    size_t before = in >= 0 ? (size_t)(at - in) - 3 : 0;
    if (act == READER_FACT && in >= 0 && before >= 6 && before <= 12 &&
        (unsigned char)c[in + 3] >= 0xE0) {
        only_unit(out, act, READER_REL_HOMETOWN, reader_rel_name(READER_REL_HOMETOWN),
                  c + in + 3, before);
        return 1;
    }
    const char *x = c + at + strlen("老家");
    size_t left = cn - (size_t)(x - c);
    for (const char *const *w = (const char *const[]){"在", "是", NULL}; *w; w++)
        if (!strncmp(x, *w, strlen(*w)) && strlen(*w) <= left) {
            x += strlen(*w);
            left -= strlen(*w);
            break;
        }
    size_t xl = value_len(x, left);
    int asks = understand_text_at(x, left, "哪") >= 0 ||
               understand_text_at(x, left, "什么地方") >= 0;
    if (asks ? act == READER_FACT : (act != READER_FACT || xl == 0)) return 0;
    only_unit(out, act, READER_REL_HOMETOWN, reader_rel_name(READER_REL_HOMETOWN),
              asks ? "" : x, asks ? 0 : xl);
    return 1;
}

/* One's people said alone as a clause (苏州人, 湖南人, 我是湖南人): two or three
 * characters and 人, not a word of a kind of person (家人, 男人, 工人), tell where the user
 * is from. 1 when the clause is one (out[0] set, when out is not NULL). */
static int people_of(const char *c, size_t cn, understood_t *out)
{
    static const char *const persons[] = {"家", "男", "女", "好", "坏", "大", "老", "病",
                                          "客", "工", "情", "爱", "别", "个", "有", "没",
                                          "外", "夫", "主", "仆", "商", "军", "诗", "名",
                                          "路", "亲", "恋", "熟", "生", "穷", "富", "懒",
                                          "新", "年轻", "中国", "普通", NULL};
    size_t s = 0;
    if (forms_zh_asks(c, cn)) return 0;
    if (cn >= 6 && !memcmp(c, "我是", 6)) s = 6;
    size_t n = cn - s;
    if (n < 9 || n > 12 || n % 3 || memcmp(c + cn - 3, "人", 3) != 0) return 0;
    for (size_t i = s; i < cn; i++)
        if ((unsigned char)c[i] < 0x80) return 0;
    char place[16];
    snprintf(place, sizeof place, "%.*s", (int)(n - 3), c + s);
    for (int k = 0; persons[k]; k++)
        if (strstr(place, persons[k]) == place + strlen(place) - strlen(persons[k])) return 0;
    if (out)
        only_unit(out, READER_FACT, READER_REL_HOMETOWN, reader_rel_name(READER_REL_HOMETOWN),
                  place, strlen(place));
    return 1;
}

/* A move told by 搬到, 搬去 or 搬来 and a place ("我们搬到无锡了", "下个月搬去成都"), of the
 * user (no kin word before it): their home, whatever the reader read the clause as. 1
 * when the clause is one (out[0] set), else 0. */
static int moved_to(const char *c, size_t cn, understood_t *out)
{
    static const char *const moves[] = {"搬到", "搬去", "搬来", "搬回", NULL};
    for (int i = 0; moves[i]; i++) {
        long at = understand_text_at(c, cn, moves[i]);
        if (at < 0) continue;
        size_t which;
        const char *kin_word = kin_at(c, (size_t)at, &which);
        if (kin_word || forms_zh_asks(c, cn)) return 0;
        const char *x = c + at + strlen(moves[i]);
        size_t xl = value_len(x, cn - (size_t)(x - c));
        if (xl < 6) return 0;           /* two characters at least: a place's name */
        only_unit(out, READER_FACT, READER_REL_HOME, reader_rel_name(READER_REL_HOME), x, xl);
        out[0].fact_min_p = 0;
        return 1;
    }
    return 0;
}

/* 在南宁开了…, 在桂林开了… read as the place 宁 or 桂: a place of one character said
 * between 在 and the verb at c[verb] is all that is said there (two to four
 * characters), made whole in u. */
static void place_whole(const char *c, size_t cn, long verb, understood_t *u)
{
    long at = (u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_HOME) &&
                      strlen(u->value) == 3
                  ? understand_text_at(c, cn, u->value)
                  : -1;
    for (long b = at - 3; at >= 3 && b >= 0 && b >= verb - 15; b -= 3)
        if (!strncmp(c + b, "在", 3)) {
            long n = verb - b - 3;
            if (at < verb && n >= 6 && n <= 12)
                snprintf(u->value, sizeof u->value, "%.*s", (int)n, c + b + 3);
            return;
        }
}

/* A trade told by 开 and what one runs (在青岛开面馆的, 天津开出租的, 开了家书店): the
 * user's job, 开 and all, whatever the reader read the clause as, when nothing is asked
 * and no kin word comes before it; a place of two to four characters right before it
 * (在 before that at most) is where they work. What else the reader read in the clause
 * (its k units) stays, the job added to it. Returns the units (max at most), 0 when the
 * clause is none. */
static int runs_a_trade(const char *c, size_t cn, understood_t *out, int k, int max)
{
    static const char *const runs[] = {"店", "馆", "厂", "公司", "的", "出租", "民宿", "工作室",
                                       NULL};
    long at = understand_text_at(c, cn, "开");
    size_t which;
    if (at < 0 || forms_zh_asks(c, cn)) return 0;
    /* 我爸爸是开货车的: a kin word before it, and 是 right before 开, makes it theirs */
    const char *kin_word = kin_at(c, (size_t)at, &which);
    if (kin_word && (at < 3 || strncmp(c + at - 3, "是", 3) != 0)) return 0;
    const char *x = c + at;
    size_t left = cn - (size_t)at;
    /* 开了五年了: how long, not what; but 开了家面包店 is what (开面包店) */
    static const char *const one[] = {"了一家", "了一个", "了一间", "了家", "了个", "了间", NULL};
    size_t skip = 0;
    for (int o = 0; one[o] && !skip; o++)
        if (!strncmp(x + 3, one[o], strlen(one[o]))) skip = strlen(one[o]);
    /* (开了八年出租: how long, then what) */
    if (!skip && !strncmp(x + 3, "了", 3)) {
        size_t y0 = 6;
        while (y0 + 3 <= left && y0 <= 24 && strncmp(x + y0, "年", 3) != 0) y0 += 3;
        if (y0 + 6 > left || y0 > 24) return 0;
        skip = y0;                      /* past 年: what one runs right after it */
        if (!strncmp(x + 3 + skip, "的", 3)) skip += 3;
        int runs_next = 0;
        for (int r = 0; runs[r] && !runs_next; r++)
            runs_next = strcmp(runs[r], "的") != 0 &&
                        !strncmp(x + 3 + skip, runs[r], strlen(runs[r]));
        if (!runs_next) return 0;
    }
    const char *y = x + 3 + skip;               /* what one runs, after 开 */
    size_t yl = 0;                              /* up to the word of what one runs */
    for (size_t i = 0; i + 3 + 3 + skip <= left && i <= 21 && !yl; i += 3)
        for (int r = 0; runs[r] && !yl; r++)
            if (!strncmp(y + i, runs[r], strlen(runs[r])))
                yl = !strcmp(runs[r], "的") ? i : i + strlen(runs[r]);
    if (yl < 3) return 0;                       /* a character at least after 开 */
    char trade[UNDERSTAND_VALUE];
    snprintf(trade, sizeof trade, "开%.*s", (int)yl, y);
    if (kin_word) {             /* (what the reader read of theirs in it goes) */
        only_unit(out, READER_FACT, READER_REL_JOB, reader_rel_name(READER_REL_JOB), trade,
                  strlen(trade));
        snprintf(out[0].holder, sizeof out[0].holder, "%s", kin[which].key);
        out[0].fact_min_p = 0;
        return 1;
    }
    int kept = 0;               /* what else the reader read in the clause stays (我叫李大山，
                                 * ...，开挖掘机的): the trade is added to it */
    for (int i = 0; i < k; i++) {
        char *into = strstr(out[i].value, "开");  /* (苏州开面 of 在苏州开面馆: 苏州) */
        if (into) *into = '\0';
        place_whole(c, cn, at, &out[i]);
        long v = out[i].value[0] ? understand_text_at(c, cn, out[i].value) : -1;
        int inside = v >= 0 && c + v < y + yl && c + v + (long)strlen(out[i].value) > x;
        if (out[i].value[0] && out[i].rel != READER_REL_JOB && !inside) out[kept++] = out[i];
    }
    if (kept) {
        if (kept >= max) return 0;
        out[kept] = out[0];
        only_unit(out + kept, READER_FACT, READER_REL_JOB, reader_rel_name(READER_REL_JOB),
                  trade, strlen(trade));
        out[kept].fact_min_p = 0;
        return kept + 1;
    }
    only_unit(out, READER_FACT, READER_REL_JOB, reader_rel_name(READER_REL_JOB), trade,
              strlen(trade));
    out[0].fact_min_p = 0;
    const char *p = c;                          /* (我在, 在 before the place) */
    for (const char *const *w = (const char *const[]){"我", "在", NULL}; *w; w++)
        if (p + strlen(*w) <= x && !strncmp(p, *w, strlen(*w))) p += strlen(*w);
    size_t pl = (size_t)(x - p);
    if (max < 2 || pl < 6 || pl > 12 || pl % 3) return 1;
    out[1] = out[0];
    out[1].rel = out[1].clause_rel = READER_REL_WORKPLACE;
    snprintf(out[1].relation, sizeof out[1].relation, "%s",
             reader_rel_name(READER_REL_WORKPLACE));
    snprintf(out[1].value, sizeof out[1].value, "%.*s", (int)pl, p);
    return 2;
}

/* The user's car told by 车是 or 开的是 (我的车是丰田卡罗拉, 车是大众朗逸, 我现在开的是
 * 比亚迪) as the English "my car is a ..." is kept (the car's kind), or asked
 * (我开的什么车？, 我的车是什么？) as "what car do I drive?" is (what the user owns). The
 * words before 车 or 开 are the user's alone (我, 我的, 我家, 现在), so 我哥的车是 ... is
 * not. 1 when the clause is one (out[0] set), else 0. */
static int car_told(const char *c, size_t cn, int act, understood_t *out)
{
    static const char *const mine[] = {"", "我", "我的", "我家", "我家的", "现在", "我现在",
                                       "我现在的", "现在的", NULL};
    static const char *const tells[] = {"车是", "开的是", "开的", NULL};
    for (int t = 0; tells[t]; t++) {
        long at = understand_text_at(c, cn, tells[t]);
        if (at < 0) continue;
        int own = 0;
        for (int m = 0; mine[m] && !own; m++)
            own = strlen(mine[m]) == (size_t)at && !strncmp(c, mine[m], (size_t)at);
        if (!own) return 0;
        const char *x = c + at + strlen(tells[t]);
        size_t xl = value_len(x, cn - (size_t)(x - c));
        int asks = forms_zh_asks(c, cn) || act == READER_QUESTION;
        if (asks) {                     /* (开的 asks only of a car: 我开的什么车) */
            if (t == 2 && understand_text_at(c, cn, "车") < 0) return 0;
            only_unit(out, READER_QUESTION, READER_REL_OWNS, reader_rel_name(READER_REL_OWNS),
                      "", 0);
            return 1;
        }
        if (t == 2 || xl < 6 || act == READER_FORGET) return 0;  /* a make: two characters */
        only_unit(out, READER_FACT, READER_REL_KIND, reader_rel_name(READER_REL_KIND), x, xl);
        snprintf(out[0].holder, sizeof out[0].holder, "car");
        out[0].fact_min_p = 0;
        return 1;
    }
    return 0;
}

/* out[0] as a like of value[0..vlen) (none asked), of the kin the reader read
 * (妈妈 is mother) or else of the user. */
static void like_unit(understood_t *out, int act, const char *value, size_t vlen)
{
    char holder[UNDERSTAND_KEY];
    snprintf(holder, sizeof holder, "%s", out[0].holder);
    only_unit(out, act, READER_REL_LIKES, reader_rel_name(READER_REL_LIKES), value, vlen);
    if (holder[0] && strcmp(holder, "self") && (unsigned char)holder[0] < 0x80)
        snprintf(out[0].holder, sizeof out[0].holder, "%s", holder);
}

/* What one likes doing or eating, told as 喜欢去游泳, 最爱吃X, 爱看X (去 and 吃 dropped,
 * other verbs kept, as the English "likes fishing" keeps its -ing), and asked as 喜欢干什么,
 * 一般干嘛, 喜欢吃什么, 喜欢什么运动. 1 when the clause is one of them (out[0] set). */
static int likes(const char *c, size_t cn, int act, understood_t *out)
{
    static const char *const asked[] = {"干什么", "干嘛", "做什么", "玩什么", "吃什么",
                                        "喜欢什么", NULL};
    int asks = act != READER_FACT;
    if (asks) {
        for (int i = 0; asked[i]; i++)
            if (understand_text_at(c, cn, asked[i]) >= 0 &&
                (understand_text_at(c, cn, "喜欢") >= 0 || understand_text_at(c, cn, "爱") >= 0 ||
                 understand_text_at(c, cn, "一般") >= 0 || understand_text_at(c, cn, "周末") >= 0) &&
                understand_text_at(c, cn, "工作") < 0) {
                like_unit(out, act, "", 0);
                return 1;
            }
        return 0;
    }
    long at = understand_text_at(c, cn, "喜欢");
    size_t wl = strlen("喜欢");
    if (at < 0) {
        at = understand_text_at(c, cn, "爱");
        wl = strlen("爱");
    }
    if (at < 0 || understand_text_at(c, cn, "不喜欢") >= 0 || understand_text_at(c, cn, "不爱") >= 0)
        return 0;
    const char *x = c + at + wl;
    if (!strncmp(x, "去", strlen("去")) || !strncmp(x, "吃", strlen("吃"))) x += strlen("去");
    size_t xl = value_len(x, cn - (size_t)(x - c));
    if (xl == 0 || !strncmp(x, "你", strlen("你"))) return 0;   /* 喜欢你: small talk */
    like_unit(out, act, x, xl);
    return 1;
}

/* The units of a clause about a kin of the table (kin_at): those the reader gave the
 * speaker, or a character of the kin word, are the kin's; and 叫X tells the kin's name
 * when the reader marked none. Returns the units. */
static int kin_units(const char *c, size_t cn, int act, understood_t *out, int k, int max)
{
    size_t i;
    const char *p = kin_at(c, cn, &i);
    if (!p) return k;
    size_t wl = strlen(kin[i].word);
    int outside = 0;    /* values read out of the kin word itself (两个儿|子) go, while
                         * another is left */
    for (int pass = 0; pass < 2; pass++) {
        int kept = 0;
        for (int j = 0; j < k; j++) {
            long at = out[j].value[0] ? understand_text_at(c, cn, out[j].value) : -1;
            int inside = at >= 0 && c + at < p + wl && c + at + (long)strlen(out[j].value) > p;
            if (pass == 0) outside += !inside;
            else if (!inside) out[kept++] = out[j];
        }
        if (pass == 1) k = kept;
        else if (!outside) break;
    }
    for (int j = 0; j < k; j++) {
        size_t hl = strlen(out[j].holder);
        int part = hl > 0 && hl < wl && strstr(kin[i].word, out[j].holder);
        int more = hl > wl && !strncmp(out[j].holder, kin[i].word, wl);    /* 孙女丫 */
        if (!strcmp(out[j].holder, "self") || !strcmp(out[j].holder, kin[i].word) || part ||
            more || !strcmp(out[j].holder, kin[i].key)) {
            snprintf(out[j].holder, sizeof out[j].holder, "%s", kin[i].key);
            out[j].personal = 1;
        }
    }
    /* 叫X told, or X right after the kin word before what is said of them (女儿甜甜今年
     * 七岁): the kin's name, when the reader marked none */
    const char *x = p + wl;
    if (act != READER_FACT) return k;
    size_t xl = 0;
    if (!strncmp(x, "，叫", strlen("，叫"))) x += strlen("，");     /* 我有一个弟弟，叫… */
    if (!strncmp(x, "叫", strlen("叫"))) {
        x += strlen("叫");
        xl = value_len(x, cn - (size_t)(x - c));
    } else {
        static const char *const then[] = {"今年", "已经", "在", "是", "住", "上", "读", "跟",
                                           NULL};
        static const char *const verbs[] = {"有", "喜", "爱", "做", "当", "叫", "去", "今",
                                            "已", "也", "很", "的", NULL};
        for (int t = 0; then[t]; t++)           /* 住在北京: no name, what is said */
            if (!strncmp(x, then[t], strlen(then[t]))) return k;
        for (int t = 0; verbs[t]; t++)
            if (!strncmp(x, verbs[t], strlen(verbs[t]))) return k;
        static const char *const numerals[] = {"一", "二", "两", "三", "四", "五", "六",
                                               "七", "八", "九", "十", NULL};
        for (size_t l = 3; !xl && l <= 9 && (size_t)(x - c) + l < cn; l += 3) {
            for (int t = 0; then[t] && !xl; t++)
                if (!strncmp(x + l, then[t], strlen(then[t])) && (unsigned char)x[0] >= 0xE0)
                    xl = l;
            /* an age right after it (孙子乐乐8岁, 女儿朵朵三岁) */
            int age = isdigit((unsigned char)x[l]);
            for (int t = 0; numerals[t] && !age; t++)
                age = !strncmp(x + l, numerals[t], strlen(numerals[t])) &&
                      strstr(x + l, "岁") && strstr(x + l, "岁") <= x + l + 9;
            if (!xl && age && (unsigned char)x[0] >= 0xE0) xl = l;
        }
        /* a name said twice over (乐乐, 豆豆) is one wherever it ends */
        if (!xl && (size_t)(x - c) + 6 <= cn && (unsigned char)x[0] >= 0xE0 &&
            !strncmp(x, x + 3, 3))
            xl = 6;
        if (!xl) return k;
        if (value_len(x, cn - (size_t)(x - c)) < xl) xl = value_len(x, cn - (size_t)(x - c));
        int kept = 0;       /* the reader's values that run on from the name (甜甜今年),
                             * and other names it gave them (壮壮4岁，最近爱上…: 爱上) */
        for (int j = 0; j < k; j++)
            if ((strncmp(out[j].value, x, xl) || strlen(out[j].value) == xl) &&
                !(out[j].rel == READER_REL_NAME && !strcmp(out[j].holder, kin[i].key) &&
                  (strlen(out[j].value) != xl || strncmp(out[j].value, x, xl))))
                out[kept++] = out[j];
        k = kept ? kept : k;
    }
    int named = xl == 0 || (xl == strlen("什么") && !strncmp(x, "什么", xl));
    for (int j = 0; j < k && !named; j++)
        named = out[j].rel == READER_REL_NAME && !strcmp(out[j].holder, kin[i].key);
    if (named || k >= max) return k;
    out[k] = out[0];
    only_unit(&out[k], READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), x, xl);
    snprintf(out[k].holder, sizeof out[k].holder, "%s", kin[i].key);
    return k + 1;
}

/* 1 when c[0, cn) holds s, and the text before it ends with none of before nor the text
 * after it begins with one of after (NULL: none). */
static int holds_alone(const char *c, size_t cn, const char *s, const char *const *before,
                       const char *const *after)
{
    size_t sl = strlen(s);
    for (size_t at = 0; at + sl <= cn; at++) {
        if (memcmp(c + at, s, sl) != 0) continue;
        int bound = 0;
        for (int b = 0; before && before[b] && !bound; b++) {
            size_t bl = strlen(before[b]);
            bound = at >= bl && !memcmp(c + at - bl, before[b], bl);
        }
        for (int a = 0; after && after[a] && !bound; a++) {
            size_t al = strlen(after[a]);
            bound = at + sl + al <= cn && !memcmp(c + at + sl, after[a], al);
        }
        if (!bound) return 1;
    }
    return 0;
}

int forms_zh_asks(const char *c, size_t cn)
{
    /* 什么 but 没什么 ("nothing much") and 那个什么 ("um"), 几 but 几年前 and 好几 ("a few") */
    static const char *const none_of[] = {"没", "不", "那个", NULL};
    static const char *const a_few_before[] = {"好", "这", "前", "十", NULL};
    static const char *const a_few_after[] = {"年前", "天前", "个月前", "周前", "十", NULL};
    static const char *const wh[] = {"哪", "谁", "啥", "干嘛", "多少", "多久", "多大", NULL};
    /* each part between commas on its own: one that asks with 都 or 也 after its question
     * word says "every" (哪条路都熟, 什么都吃), and 谁懂 ("who gets it") asks no one */
    for (size_t s = 0; s < cn;) {
        long comma = understand_text_at(c + s, cn - s, "，");
        size_t e = comma >= 0 ? s + (size_t)comma : cn, pl = e - s;
        const char *p = c + s;
        long at = -1;
        if (holds_alone(p, pl, "什么", none_of, NULL)) at = understand_text_at(p, pl, "什么");
        if (at < 0 && holds_alone(p, pl, "几", a_few_before, a_few_after))
            at = understand_text_at(p, pl, "几");
        for (int i = 0; wh[i] && at < 0; i++) at = understand_text_at(p, pl, wh[i]);
        int every = at >= 0 && (understand_text_at(p + at, pl - (size_t)at, "都") >= 0 ||
                                understand_text_at(p + at, pl - (size_t)at, "也") >= 0);
        if (at >= 0 && !every && understand_text_at(p, pl, "谁懂") < 0) return 2;
        s = comma >= 0 ? e + strlen("，") : cn;
    }
    /* 吗 or 么 last (before 呀, 啊, a mark or a space), or a choice offered (是不是, 有没有) */
    static const char *const choice[] = {"是不是", "有没有", "是否", "对不对", "对吧", "是吧",
                                         "会不会", "能不能", "没错吧", "，对吗", "，是吗",
                                         NULL};
    for (int i = 0; choice[i]; i++) {
        long at = understand_text_at(c, cn, choice[i]);
        /* (one told as asked of the user by someone: 总问我能不能…) */
        int told = at >= 0 && ((at >= 3 && !memcmp(c + at - 3, "问", 3)) ||
                               (at >= 6 && !memcmp(c + at - 6, "问", 3)));
        if (at >= 0 && !told) return 1;
    }
    static const char *const trailing[] = {"？", "?", "！", "!", "。", "呀", "啊", "呢", " ",
                                           NULL};
    size_t e = cn;
    for (int again = 1; again;) {
        again = 0;
        for (int t = 0; trailing[t] && !again; t++) {
            size_t tl = strlen(trailing[t]);
            if (e >= tl && !memcmp(c + e - tl, trailing[t], tl)) e -= tl, again = 1;
        }
    }
    /* (the last part's own: "我有哮喘，医生让我少跑步，那能行吗" asks nothing of anyone) */
    size_t last = 0;
    for (long at; (at = understand_text_at(c + last, e - last, "，")) >= 0;)
        last += (size_t)at + strlen("，");
    size_t which;
    int of_someone = last == 0 || understand_text_at(c + last, e - last, "我") >= 0 ||
                     understand_text_at(c + last, e - last, "你") >= 0 ||
                     kin_at(c + last, e - last, &which) != NULL;
    if (e >= 3 && (!memcmp(c + e - 3, "吗", 3) || !memcmp(c + e - 3, "么", 3)))
        return of_someone;
    /* 吧 last after 叫 or 是 asks to confirm (我叫林雪吧), not 我们走吧 */
    if (e >= 3 && !memcmp(c + e - 3, "吧", 3) &&
        (understand_text_at(c, e, "叫") >= 0 || understand_text_at(c, e, "是") >= 0))
        return of_someone;
    return understand_text_at(c, cn, "？") >= 0 || understand_text_at(c, cn, "?") >= 0;
}

int forms_zh_asks_all(const char *c, size_t cn)
{
    static const char *const all_of_me[] = {"关于我", "哪些", "所有", "一切", "什么都", NULL};
    for (int i = 0; all_of_me[i]; i++)
        if (understand_text_at(c, cn, all_of_me[i]) >= 0) return 1;
    return 0;
}

/* Animals people keep, by the characters their name ends with (黑猫 is a cat) or by a
 * breed told alone (金毛 is a dog), with the English key the other forms use. */
static const struct {
    const char *word, *key;
    int ends;           /* 1: any word ending so (黑猫, 牧羊犬); 0: the word itself */
} animals[] = {{"猫", "cat", 1},      {"狗", "dog", 1},      {"犬", "dog", 1},
               {"兔", "rabbit", 1},   {"兔子", "rabbit", 1}, {"鹦鹉", "parrot", 1},
               {"仓鼠", "hamster", 1}, {"乌龟", "tortoise", 1}, {"龟", "tortoise", 1},
               {"金鱼", "goldfish", 1}, {"柯基", "dog", 0},   {"金毛", "dog", 0},
               {"泰迪", "dog", 0},    {"哈士奇", "dog", 0},  {"柴犬", "dog", 0},
               {"拉布拉多", "dog", 0}, {"边牧", "dog", 0},    {"萨摩耶", "dog", 0},
               {"比熊", "dog", 0},    {"博美", "dog", 0},    {"英短", "cat", 0},
               {"美短", "cat", 0},    {"布偶", "cat", 0},    {"暹罗", "cat", 0},
               {"狸花", "cat", 0},    {"加菲", "cat", 0},    {"德牧", "dog", 0},
               {"腊肠", "dog", 0},    {"法斗", "dog", 0},    {"阿拉斯加", "dog", 0},
               {"八哥", "mynah", 1},  {"鸟", "bird", 1},     {"刺猬", "hedgehog", 1},
               {"蜥蜴", "lizard", 1}, {"蛇", "snake", 1},    {"松鼠", "squirrel", 1},
               {"貂", "ferret", 1},   {"山羊", "goat", 1},   {"蜘蛛", "spider", 1}};

/* The key of the kin or animal word p[0, n) begins with, the longest (breeds too with
 * breeds: 柯基), its length into *len; NULL and 0 when none. */
static const char *who_at(const char *p, size_t n, int breeds, size_t *len)
{
    const char *key = NULL;
    *len = 0;
    for (size_t i = 0; i < sizeof kin / sizeof kin[0]; i++) {
        size_t wl = strlen(kin[i].word);
        if (wl <= n && wl > *len && !strncmp(p, kin[i].word, wl)) *len = wl, key = kin[i].key;
    }
    for (size_t i = 0; i < sizeof animals / sizeof animals[0]; i++) {
        size_t wl = strlen(animals[i].word);
        if ((breeds || animals[i].ends) && wl <= n && wl > *len &&
            !strncmp(p, animals[i].word, wl))
            *len = wl, key = animals[i].key;
    }
    return key;
}

const char *forms_zh_who_key(const char *p, size_t n, size_t *len)
{
    return who_at(p, n, 1, len);
}

size_t forms_zh_who_len(const char *p, size_t n)
{
    size_t len;
    who_at(p, n, 1, &len);
    return len;
}

/* The key of the animal word w[0, n), or NULL. */
static const char *animal_key(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof animals / sizeof animals[0]; i++) {
        size_t l = strlen(animals[i].word);
        if (animals[i].ends ? n >= l && !memcmp(w + n - l, animals[i].word, l)
                            : n == l && !memcmp(w, animals[i].word, l))
            return animals[i].key;
    }
    return NULL;
}

/* 1 when the animal word w[0, n) says more than the animal: a breed (柯基, 英短) or a
 * kind (狸花猫), not 猫, 刺猬 nor 八哥, each an animal itself. */
static int is_breed(const char *w, size_t n)
{
    if (!animal_key(w, n) || n <= strlen("猫")) return 0;
    for (size_t i = 0; i < sizeof animals / sizeof animals[0]; i++)
        if (strlen(animals[i].word) == n && !memcmp(w, animals[i].word, n))
            return !strcmp(animals[i].key, "dog") || !strcmp(animals[i].key, "cat");
    return 1;
}

/* The key of the animal word that ends right before c + at (那只画眉鸟叫: bird), the
 * longest of up to four characters, or NULL. */
static const char *animal_before(const char *c, size_t at)
{
    for (size_t l = 12; l >= 3; l -= 3) {
        const char *key = l <= at ? animal_key(c + at - l, l) : NULL;
        if (key) return key;
    }
    return NULL;
}

/* The key of the animal named right after 我的 (我的兔子几岁了: rabbit), or NULL. */
static const char *my_animal(const char *c, size_t cn)
{
    long at = understand_text_at(c, cn, "我的");
    if (at < 0) return NULL;
    const char *x = c + at + strlen("我的");
    size_t left = cn - (size_t)(x - c);
    for (size_t l = 12; l >= 3; l -= 3) {      /* the longest word of up to 4 characters */
        const char *key = l <= left ? animal_key(x, l) : NULL;
        if (key) return key;
    }
    return NULL;
}

/* "我有一只英短叫团子，它两岁了", "我们养了条金毛，叫旺旺": an animal kept (after 只 or
 * 条), its name after 叫, its kind when the word says more than the animal (英短, 金毛),
 * and an age told with it, as units of the animal's key. 1 when the clause is one (out
 * holds the units, *k their count). */
static int pet_told(const char *c, size_t cn, understood_t *out, int *k, int max)
{
    long at = understand_text_at(c, cn, "只");
    if (at < 0) at = understand_text_at(c, cn, "条");
    if (at < 0 || max < 3) return 0;
    const char *x = c + at + strlen("只");
    long call = understand_text_at(x, cn - (size_t)(x - c), "叫");
    if (call <= 0) return 0;
    size_t xl = (size_t)call;
    if (xl >= strlen("，") && !memcmp(x + xl - strlen("，"), "，", strlen("，")))
        xl -= strlen("，");
    const char *key = animal_key(x, xl);
    const char *y = x + call + strlen("叫");
    size_t yl = value_len(y, cn - (size_t)(y - c));
    if (!key || !yl || (yl == strlen("什么") && !memcmp(y, "什么", yl))) return 0;
    /* the age: the numerals right before 岁 (它两岁了) */
    static const char numerals[] = "零一二两三四五六七八九十百半";
    long sui = understand_text_at(c, cn, "岁");
    const char *a = sui > 0 ? c + sui : NULL;
    while (a && a > c) {
        if (isdigit((unsigned char)a[-1])) {
            a--;
            continue;
        }
        char ch[4] = {0};   /* the ideograph before (3 bytes; all numerals are) */
        if (a - c < 3) break;
        memcpy(ch, a - 3, 3);
        if (understand_text_at(numerals, sizeof numerals - 1, ch) < 0) break;
        a -= 3;
    }
    size_t al = a ? (size_t)(c + sui - a) : 0;
    understood_t base = out[0];
    int n = 0;
    out[n] = base;
    only_unit(&out[n], READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), y, yl);
    snprintf(out[n++].holder, sizeof out[0].holder, "%s", key);
    if (xl > strlen("猫")) {  /* 英短, 鹦鹉: more than 猫 or 狗, its kind (我家宠物是什么) */
        out[n] = base;
        only_unit(&out[n], READER_FACT, READER_REL_KIND, reader_rel_name(READER_REL_KIND), x, xl);
        snprintf(out[n++].holder, sizeof out[0].holder, "%s", key);
    }
    if (al) {
        out[n] = base;
        only_unit(&out[n], READER_FACT, READER_REL_AGE, reader_rel_name(READER_REL_AGE), a, al);
        snprintf(out[n++].holder, sizeof out[0].holder, "%s", key);
    }
    *k = n;
    return 1;
}

/* 布偶猫叫奶盖，柯基叫薯条: each animal named right before 叫, its name after it, as
 * units of the animal's key, with its kind when the word says more (布偶猫, 柯基); the
 * reader's units of other words stay. Returns the units, or k when there are none. */
static int animals_named(const char *c, size_t cn, understood_t *out, int k, int max)
{
    static const char *const stops[] = {"，", "：", "、", "的", "是", "只", "条", "了", "个",
                                        "一", "两", "俩", "有", "我", NULL};
    understood_t told[UNDERSTAND_MAX];
    int n = 0;
    for (size_t at = 3; at + 3 <= cn && n + 2 <= (int)(sizeof told / sizeof told[0]); at += 3) {
        if (strncmp(c + at, "叫", 3) != 0) continue;
        size_t s = at;          /* the animal word: back to a stop, four characters at most */
        for (int stop = 0; s >= 3 && at - s < 12 && (unsigned char)c[s - 3] >= 0xE0 && !stop;) {
            for (int i = 0; stops[i] && !stop; i++) stop = !strncmp(c + s - 3, stops[i], 3);
            if (!stop) s -= 3;
        }
        const char *key = s < at ? animal_key(c + s, at - s) : NULL;
        const char *y = c + at + 3;
        size_t yl = key ? name_len(y, cn - (size_t)(y - c)) : 0;
        if (!yl || (yl == strlen("什么") && !memcmp(y, "什么", yl))) continue;
        told[n] = out[0];
        only_unit(&told[n], READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), y, yl);
        snprintf(told[n++].holder, sizeof told[0].holder, "%s", key);
        if (at - s > strlen("猫")) {
            told[n] = out[0];
            only_unit(&told[n], READER_FACT, READER_REL_KIND, reader_rel_name(READER_REL_KIND),
                      c + s, at - s);
            snprintf(told[n++].holder, sizeof told[0].holder, "%s", key);
        }
    }
    if (n == 0) return k;
    int kept = 0;               /* the reader's units of other words, not names */
    for (int i = 0; i < k; i++) {
        int inside = out[i].rel == READER_REL_NAME || out[i].rel == READER_REL_KIND;
        for (int j = 0; j < n && !inside; j++)
            inside = out[i].value[0] && (strstr(told[j].value, out[i].value) ||
                                         strstr(out[i].value, told[j].value));
        if (!inside && kept < max) out[kept++] = out[i];
    }
    for (int j = 0; j < n && kept < max; j++) out[kept++] = told[j];
    return kept;
}

/* 现在改送快递了, 改做会计了: a job switched to (改, a verb of work and what one does:
 * 送快递, 会计 after 做 or 当) is the user's job, what one teaches after 教 (改教历史)
 * what one teaches, the clause's one unit; of a clause that tells (asks 0). Returns the
 * units. */
static int switched_job(const char *c, size_t cn, int asks, understood_t *out, int k)
{
    static const char *const doing[] = {"开", "做", "当", "干", "送", "卖", "教", "写", "跑",
                                        NULL};
    long at = asks || k < 1 ? -1 : understand_text_at(c, cn, "改");
    if (at < 0) return k;
    const char *p = c + at + 3;
    for (int d = 0; doing[d]; d++) {
        if ((size_t)(p - c) + 3 > cn || strncmp(p, doing[d], 3) != 0) continue;
        int teach = !strcmp(doing[d], "教");     /* (改教历史: what one teaches, 历史) */
        const char *x = (d < 4 && strcmp(doing[d], "开") != 0) || teach ? p + 3 : p;
        size_t xl = value_len(x, cn - (size_t)(x - c));   /* (做会计: 会计) */
        if (xl < (teach ? 3u : 6u) || xl > 18) return k;
        if (teach)
            only_unit(out, READER_FACT, READER_REL_OPEN, "teach", x, xl);
        else
            only_unit(out, READER_FACT, READER_REL_JOB, reader_rel_name(READER_REL_JOB), x, xl);
        return 1;
    }
    return k;
}

/* 在南宁送快递, 在大连一家小学当老师: a place read on into what one does there (or read
 * as a name after 在) ends where that starts (南宁), and what one does is a job (送快递);
 * of a clause that tells (asks 0). Returns the units. */
static int place_then_doing(const char *c, size_t cn, int asks, understood_t *out, int k,
                            int max)
{
    static const char *const doing[] = {"一家", "一所", "一个", "送", "做", "当", "开", "教",
                                        "跑", "卖", "搞", "干", "写", "打工", "上班", "工作",
                                        NULL};
    static const char *const as_job[] = {"送", "跑", "卖", "教", "写", NULL};   /* (the verb is
                                                                             * the job) */
    /* 在福州送快递 with no place read: the two to four characters between 在 and the verb
     * are the place */
    int placed = 0;
    for (int i = 0; i < k; i++)
        placed |= out[i].rel == READER_REL_WORKPLACE || out[i].rel == READER_REL_HOME;
    long in = placed || asks || k < 1 ? -1 : understand_text_at(c, cn, "在");
    if (in >= 0 && (size_t)in + 6 <= cn && !strncmp(c + in + 3, "在", 3)) in += 3;  /* 现在在 */
    for (int d = 0; in >= 0 && doing[d] && k + 2 <= max; d++) {
        const char *p = c + in + 3;
        size_t left = cn - (size_t)(p - c);
        if (left >= 6 && (!strncmp(p, "一家", 6) || !strncmp(p, "一个", 6))) p += 6, left -= 6;
        long at = understand_text_at(p, left, doing[d]);
        /* (在宁波一家工厂当电工: the town before 一家 where a firm follows it) */
        static const char *const one_of[] = {"一家", "一所", "一个", NULL};
        long place = at;
        for (int o = 0; one_of[o] && at > 0; o++) {
            long one = understand_text_at(p, (size_t)at, one_of[o]);
            if (one >= 6 && one < place) place = one;
        }
        if (place < 6 || place > 15 || at > 30 || strlen(doing[d]) != 3) continue;
        int cjk = 1;
        for (long b = 0; b < at && cjk; b += 3) cjk = (unsigned char)p[b] >= 0xE0;
        int verb_is_job = 0;
        for (int a = 0; as_job[a]; a++) verb_is_job |= !strcmp(doing[d], as_job[a]);
        const char *x = p + at + (verb_is_job ? 0 : 3);
        size_t xl = value_len(x, cn - (size_t)(x - c));
        if (!cjk || xl < 6 || xl > 18) continue;
        out[k] = out[0];
        only_unit(&out[k], READER_FACT, READER_REL_WORKPLACE,
                  reader_rel_name(READER_REL_WORKPLACE), p, (size_t)place);
        out[k + 1] = out[k];
        only_unit(&out[k + 1], READER_FACT, READER_REL_JOB, reader_rel_name(READER_REL_JOB), x, xl);
        return k + 2;
    }
    for (int i = 0, n0 = k; i < n0; i++) {
        long in = out[i].rel == READER_REL_NAME ? understand_text_at(c, cn, out[i].value) : -1;
        int after_in = in >= 3 && !strncmp(c + in - 3, "在", 3);  /* (在南宁送快递 read as a name) */
        if ((out[i].rel != READER_REL_WORKPLACE && out[i].rel != READER_REL_HOME && !after_in) ||
            (unsigned char)out[i].value[0] < 0xE0 || asks)
            continue;
        if (after_in) {
            out[i].rel = out[i].clause_rel = READER_REL_WORKPLACE;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_WORKPLACE));
            snprintf(out[i].holder, sizeof out[i].holder, "self");
        }
        size_t vl = strlen(out[i].value), cut = 0;
        const char *verb = NULL;
        for (int d = 0; doing[d]; d++) {
            long at = understand_text_at(out[i].value + 6, vl > 6 ? vl - 6 : 0, doing[d]);
            if (vl > 6 && at >= 0 && (!cut || (size_t)at + 6 < cut)) cut = (size_t)at + 6, verb = doing[d];
        }
        if (!cut) {     /* 在大连做装修的, 在成都当老师: the place whole, the job after
                         * 做 or 当 */
            long at = understand_text_at(c, cn, out[i].value);
            const char *x = at >= 0 ? c + at + vl : NULL;
            int did = x && x + 3 <= c + cn && (!strncmp(x, "做", 3) || !strncmp(x, "当", 3));
            size_t xl = did ? value_len(x + 3, cn - (size_t)(x + 3 - c)) : 0;
            int told = 0;
            for (int j = 0; j < k && !told; j++) told = out[j].rel == READER_REL_JOB;
            if (!did || told || xl < 6 || xl > 18 || k >= max) continue;
            out[k] = out[i];
            out[k].rel = out[k].clause_rel = READER_REL_JOB;
            snprintf(out[k].relation, sizeof out[k].relation, "%s",
                     reader_rel_name(READER_REL_JOB));
            snprintf(out[k].value, sizeof out[k].value, "%.*s", (int)xl, x + 3);
            k++;
            continue;
        }
        out[i].value[cut] = '\0';
        for (int a = 0; as_job[a] && k < max; a++) {
            long at = strcmp(verb, as_job[a]) ? -1 : understand_text_at(c, cn, out[i].value);
            const char *x = at >= 0 ? c + at + cut : NULL;
            size_t xl = x ? value_len(x, cn - (size_t)(x - c)) : 0;
            int told = 0;           /* (a job read of those characters already) */
            for (int j = 0; j < k && !told && xl; j++)
                told = out[j].rel == READER_REL_JOB && strstr(out[j].value, verb);
            if (told || xl < 6 || xl > 15) continue;    /* 送快递: two to five characters */
            out[k] = out[i];
            out[k].rel = out[k].clause_rel = READER_REL_JOB;
            snprintf(out[k].relation, sizeof out[k].relation, "%s", reader_rel_name(READER_REL_JOB));
            snprintf(out[k].value, sizeof out[k].value, "%.*s", (int)xl, x);
            k++;
        }
    }
    return k;
}

/* 我有哮喘, 得了关节炎, 我身上有啥病: a condition told after a word of having, by the
 * characters illnesses end in, or asked by 什么病 (毛病), as the one unit of the clause
 * read as act (out[0]); 1 when the clause is one. */
/* 住南岸, 现在住江宁 (住 without 在): the two to five characters after 住 (to 那边)
 * are where the speaker lives, in place of the homes the reader read (天坐公 of
 * 每天坐公交); not 记住, 不住, 住院, 住址. Returns the units (at most max). */
static int lives_bare(const char *c, size_t cn, int asks, understood_t *out, int k, int max)
{
    static const char *const holding[] = {"记", "忍", "抓", "挡", "站", "撑", "顶", "盯", "稳",
                                          "不", "没", NULL};   /* (不住苏州了: no longer) */
    static const char *const not_place[] = {"院", "宿", "手", "址", "了", "的", "在", "过",
                                            "着", "得", "不", NULL};
    if (asks || k < 1 || understand_text_at(c, cn, "住在") >= 0) return k;
    for (long at = understand_text_at(c, cn, "住"); at >= 0;) {
        const char *v = c + at + 3;
        size_t left = cn - (size_t)(v - c), vl = value_len(v, left);
        static const char *const around[] = {"那边", "这边", "附近", "那儿", "这儿", "那里",
                                             "这里", NULL};
        for (int i = 0; around[i]; i++)     /* 五道口那边 */
            if (vl > 6 + strlen(around[i]) &&
                !strncmp(v + vl - strlen(around[i]), around[i], strlen(around[i])))
                vl -= strlen(around[i]);
        int held = 0, wrong = 0;
        for (int i = 0; at >= 3 && holding[i] && !held; i++)
            held = !strncmp(c + at - 3, holding[i], 3);
        for (int i = 0; not_place[i] && !wrong; i++)
            wrong = left >= 3 && !strncmp(v, not_place[i], 3);
        int cjk = vl >= 6 && vl <= 15;
        for (size_t b = 0; b < vl && cjk; b += 3) cjk = (unsigned char)v[b] >= 0xE0;
        if (!held && !wrong && cjk) {
            int home = -1, kept = 0;
            for (int i = 0; i < k; i++) {
                if (out[i].rel == READER_REL_HOME && !strcmp(out[i].holder, "self")) {
                    if (home >= 0) continue;        /* (the reader's other homes go) */
                    home = kept;
                }
                out[kept++] = out[i];
            }
            k = kept;
            if (home < 0 && k >= max) return k;
            if (home < 0) out[home = k++] = out[0];
            only_unit(&out[home], READER_FACT, READER_REL_HOME,
                      reader_rel_name(READER_REL_HOME), v, vl);
            out[home].fact_min_p = 0;
            return k;
        }
        long next = understand_text_at(v, left, "住");
        at = next < 0 ? -1 : (long)(v - c) + next;
    }
    return k;
}

/* 在洛阳轴承厂干了大半辈子, 在轴承厂上班: the characters between 在 and a verb of working
 * (干, 上班, 工作, 打工) are where the speaker works, whole; what the reader read in them and
 * after them goes (承厂干, 了大半, 辈子). Returns the units (at most max). */
static int worked_at(const char *c, size_t cn, int asks, understood_t *out, int k, int max)
{
    static const char *const working[] = {"干了", "干过", "干活", "上班", "工作", "打工", NULL};
    static const char *const adverbs[] = {"不", "现", "正", "实", NULL};
    if (asks || k < 1) return k;
    for (long in = understand_text_at(c, cn, "在"); in >= 0;) {
        const char *p = c + in + 3;
        size_t left = cn - (size_t)(p - c);
        long next = understand_text_at(p, left, "在");
        int adverb = 0;         /* (不在, 现在, 正在, 实在: no place follows; 都在 has one) */
        for (int a = 0; in >= 3 && adverbs[a] && !adverb; a++)
            adverb = !strncmp(c + in - 3, adverbs[a], 3);
        in = next < 0 ? -1 : (long)(p - c) + next;
        if (adverb) continue;
        if (left >= 6 && (!strncmp(p, "一家", 6) || !strncmp(p, "一个", 6) || !strncmp(p, "一所", 6)))
            p += 6, left -= 6;
        for (int w = 0; working[w]; w++) {
            long at = understand_text_at(p, left, working[w]);
            int cjk = at >= 6 && at <= 24;
            for (long b = 0; b < at && cjk; b += 3)
                cjk = (unsigned char)p[b] >= 0xE0 && strncmp(p + b, "，", 3) &&
                      strncmp(p + b, "。", 3);
            if (!cjk) continue;
            for (int i = 0; i < k; i++)     /* (read whole already: 在厦门工作) */
                if (out[i].rel == READER_REL_WORKPLACE && !strcmp(out[i].holder, "self") &&
                    strlen(out[i].value) == (size_t)at && !strncmp(out[i].value, p, (size_t)at))
                    return k;
            /* what the reader read in the place, the verb and the three characters after
             * it goes */
            size_t span = (size_t)at + strlen(working[w]) + 9;
            if (span > left) span = left;
            int kept = 0;
            for (int i = 0; i < k; i++)
                if (strcmp(out[i].holder, "self") != 0 || !out[i].value[0] ||
                    understand_text_at(p, span, out[i].value) < 0)
                    out[kept++] = out[i];
            k = kept;
            if (k >= max) return k;
            out[k] = out[0];
            only_unit(&out[k], READER_FACT, READER_REL_WORKPLACE,
                      reader_rel_name(READER_REL_WORKPLACE), p, (size_t)at);
            out[k].fact_min_p = 0;
            return k + 1;
        }
        break;          /* (the first place said is the one) */
    }
    return k;
}

/* 我在川大读土木工程, 我在洛阳一所中学教化学: the speaker's school (or workplace) after 在
 * and what they study (读, 学, 念) or teach (教) after it, up to a mark; the reader's
 * units inside that span go. Returns the units. */
static int studied_at(const char *c, size_t cn, int asks, understood_t *out, int k, int max)
{
    static const struct {
        const char *verb, *relation;
        int rel;
    } doing[] = {{"读", "study", READER_REL_SCHOOL}, {"学", "study", READER_REL_SCHOOL},
                 {"念", "study", READER_REL_SCHOOL}, {"教", "teach", READER_REL_WORKPLACE}};
    static const char *const marks[] = {"，", "。", "！", "？", ",", " ", "了", "已经", "的",
                                        NULL};
    long in = understand_text_at(c, cn, "在");
    if (asks || k < 1 || in < 0 || understand_text_at(c, (size_t)in, "我") < 0 ||
        k + 2 > max)
        return k;
    const char *p = c + in + 3;
    size_t left = cn - (size_t)(p - c);
    static const char *const nouns[] = {"小", "中", "大", "同", "上", "留", "放", "开", NULL};
    size_t best = sizeof doing / sizeof doing[0];
    long best_at = -1;
    for (size_t d = 0; d < sizeof doing / sizeof doing[0]; d++) {   /* the first verb said */
        for (long from = 0, at; (at = understand_text_at(p + from, left - (size_t)from,
                                                         doing[d].verb)) >= 0;) {
            at += from;
            int noun = 0;       /* (学 of 小学, 大学, 同学 is no verb) */
            for (int x = 0; nouns[x] && at >= 3 && !noun; x++) noun = !strncmp(p + at - 3, nouns[x], 3);
            if (!noun) {
                if (best_at < 0 || at < best_at) best = d, best_at = at;
                break;
            }
            from = at + 3;
        }
    }
    for (size_t d = best; d < sizeof doing / sizeof doing[0] && d == best; d++) {
        long at = best_at;
        if (at < 6 || at > 24) continue;
        int cjk = 1;
        for (long b = 0; b < at && cjk; b += 3)
            cjk = (unsigned char)p[b] >= 0xE0 && strncmp(p + b, "，", 3) && strncmp(p + b, "。", 3);
        if (!cjk) continue;
        const char *what = p + at + strlen(doing[d].verb);
        size_t wl = 0, rest = left - (size_t)at - strlen(doing[d].verb);
        while (wl < rest) {
            int stop = 0;
            for (int m = 0; marks[m] && !stop; m++)
                stop = !strncmp(what + wl, marks[m], strlen(marks[m]));
            if (stop) break;
            wl++;
        }
        if (wl < 3 || wl > 18 || !strncmp(what, "书", 3)) continue;    /* (教书: teaches) */
        const char *place = p;
        size_t pl = (size_t)at;
        if (pl >= 9 && (!strncmp(place, "一家", 6) || !strncmp(place, "一所", 6) ||
                        !strncmp(place, "一个", 6)))
            place += 6, pl -= 6;
        /* the reader's own units inside the span go */
        size_t span = (size_t)(what + wl - p);
        int kept = 0;
        for (int i = 0; i < k; i++)
            if (strcmp(out[i].holder, "self") != 0 || !out[i].value[0] ||
                understand_text_at(p, span, out[i].value) < 0)
                out[kept++] = out[i];
        understood_t base = out[0];
        k = kept;
        out[k] = base;
        only_unit(&out[k], READER_FACT, doing[d].rel, reader_rel_name(doing[d].rel), place, pl);
        out[k++].fact_min_p = 0;
        out[k] = base;
        only_unit(&out[k], READER_FACT, READER_REL_OPEN, doing[d].relation, what, wl);
        out[k++].fact_min_p = 0;
        return k;
    }
    return k;
}

/* 小丽在温州当护士 (read as a language 温州), 外孙在兰州上小学 (a workplace 兰州上小学): the
 * place after 在 of someone told of is where they work, or study when 上 and a school
 * follow it; the user's own reading of that place goes. Returns the units. */
static int others_placed(const char *c, size_t cn, int asks, understood_t *out, int k)
{
    static const char *const doing[] = {"当", "做", "开", "教", "干", "打工", "上班", "工作",
                                        NULL};
    static const char *const schools[] = {"上初中", "上高中", "上小学", "上大学", "上中学",
                                          "上学", "上幼儿园", "读书", "念书", NULL};
    if (asks) return k;
    for (int i = 0; i < k; i++) {
        understood_t *u = &out[i];
        if ((unsigned char)u->value[0] < 0xE0) continue;
        for (int s = 0; schools[s]; s++) {      /* 兰州上小学: 兰州, where they study */
            const char *at = strstr(u->value, schools[s]);
            if (!at || at == u->value || u->rel != READER_REL_WORKPLACE) continue;
            *(char *)at = '\0';
            u->rel = u->clause_rel = READER_REL_SCHOOL;
            snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_SCHOOL));
            break;
        }
        if (!strcmp(u->holder, "self")) continue;
        char in[UNDERSTAND_VALUE + 4];
        snprintf(in, sizeof in, "在%s", u->value);
        long at = understand_text_at(c, cn, in);
        if (at < 0 || u->rel == READER_REL_WORKPLACE || u->rel == READER_REL_SCHOOL ||
            u->rel == READER_REL_JOB || u->rel == READER_REL_NAME)
            continue;
        const char *after = c + at + strlen(in);
        int does = 0;
        for (int d = 0; doing[d] && !does; d++)
            does = (size_t)(after - c) + strlen(doing[d]) <= cn &&
                   !strncmp(after, doing[d], strlen(doing[d]));
        if (!does) continue;
        u->rel = u->clause_rel = READER_REL_WORKPLACE;
        snprintf(u->relation, sizeof u->relation, "%s", reader_rel_name(READER_REL_WORKPLACE));
    }
    int kept = 0;               /* (the user's reading of a place someone else's is) */
    for (int i = 0; i < k; i++) {
        int theirs = 0;
        for (int j = 0; j < k && !theirs; j++)
            theirs = j != i && !strcmp(out[i].holder, "self") && strcmp(out[j].holder, "self") &&
                     out[i].act == READER_SMALLTALK && out[i].value[0] &&
                     !strcmp(out[i].value, out[j].value);
        if (!theirs) out[kept++] = out[i];
    }
    return kept;
}

static int condition(const char *c, size_t cn, int act, understood_t *out)
{
    int asks = act != READER_FACT;
    static const char *const having[] = {"患有", "得了", "查出", "有", NULL};
    static const char *const ills[] = {"病", "症", "炎", "压", "癌", "喘", "眠", "风", "血",
                                       "突出", "抑郁", "焦虑", NULL};
    if (asks && (understand_text_at(c, cn, "什么病") >= 0 ||
                 understand_text_at(c, cn, "什么毛病") >= 0 ||
                 understand_text_at(c, cn, "啥病") >= 0 ||
                 understand_text_at(c, cn, "健康问题") >= 0)) {  /* 我有啥健康问题吗 */
        only_unit(out, act == READER_YESNO ? READER_QUESTION : act, READER_REL_OPEN,
                  UNDERSTAND_CONDITION, "", 0);
        return 1;
    }
    for (int h = 0; having[h] && (!asks || act == READER_YESNO); h++) {
        long at = understand_text_at(c, cn, having[h]);
        if (at < 0) continue;
        const char *x = c + at + strlen(having[h]);
        if (!strncmp(x, "点", 3)) x += 3;     /* 有点: "a bit" */
        size_t xl = value_len(x, cn - (size_t)(x - c)), ill = 0;
        for (int i = 0; ills[i]; i++) {
            long e = understand_text_at(x, xl, ills[i]);
            if (e >= 0 && (size_t)e + strlen(ills[i]) > ill) ill = (size_t)e + strlen(ills[i]);
        }
        if (ill < 6 || ill > 21) break;      /* two characters at least: 哮喘, 糖尿病 */
        only_unit(out, act, READER_REL_OPEN, UNDERSTAND_CONDITION, x, ill);
        return 1;
    }
    return 0;
}

/* 团团是比熊吗, 我养的是德牧对吧: whether an animal is of a kind, as the one unit of the
 * clause (out[0]) of the animal the name is of, else of the kind's; 1 when the clause
 * asks so. */
static int kind_asked(const char *c, size_t cn, int act, understood_t *out)
{
    long shi = understand_text_at(c, cn, "是");
    const char *is_x = shi >= 0 ? c + shi + strlen("是") : NULL;
    size_t isl = is_x ? value_len(is_x, cn - (size_t)(is_x - c)) : 0;
    if (isl > 3 && !strncmp(is_x + isl - 3, "对", 3)) isl -= 3;      /* (…对吧) */
    if (is_x && isl && animal_key(is_x, isl)) {
        char holder[UNDERSTAND_KEY];    /* the animal the name is of, else the kind's */
        snprintf(holder, sizeof holder, "%s",
                 (unsigned char)out[0].holder[0] < 0x80 && strcmp(out[0].holder, "self")
                     ? out[0].holder : animal_key(is_x, isl));
        only_unit(out, act, READER_REL_KIND, reader_rel_name(READER_REL_KIND), is_x, isl);
        snprintf(out[0].holder, sizeof out[0].holder, "%s", holder);
        return 1;
    }
    return 0;
}

/* The forms of a fact or a question before kin_units: the units left. A clause the
 * reader took for a fact that asks (我星期天一般干什么) is read as a question. */
/* 他是程序员, 我哥哥是工程师, 在银行当客户经理: a job after 是 or 当 (and 一名, 个 ...)
 * that ends in a character jobs end in (师, 员, 生, 理 ...), which the reader may cut in
 * two (程序 | 员) or short (程师): one unit of that job, of the holder of the pieces, in
 * place of them and of a pronoun read as a name (他); after 以前, the former job. Returns
 * the units. */
static int job_after_is(const char *c, size_t cn, understood_t *out, int k)
{
    static const char *const ends[] = {"师", "员", "生", "家", "士", "工", "官", "者", "匠",
                                       "手", "理", "长", "机", NULL};
    static const char *const measures[] = {"一名", "一个", "一位", "名", "个", "位", NULL};
    const char *verb = "是";            /* 是, or 当 (在银行当客户经理) */
    long is = understand_text_at(c, cn, verb);
    if (is < 0) is = understand_text_at(c, cn, verb = "当");
    if (is < 0) return k;
    const char *x = c + is + strlen(verb);
    for (int m = 0; measures[m]; m++)
        if (!strncmp(x, measures[m], strlen(measures[m]))) {
            x += strlen(measures[m]);
            break;
        }
    size_t xl = value_len(x, cn - (size_t)(x - c)), job = 0;
    /* 是长沙一家银行的柜员: the job after the last 的 of its part */
    int after_de = 0;
    for (size_t at = xl; (size_t)(x - c) + at + 3 <= cn && !strncmp(x + at, "的", 3);) {
        x += at + 3;
        xl = value_len(x, cn - (size_t)(x - c));
        after_de = 1;
        at = xl;
    }
    for (size_t i = 0; i + 3 <= xl && i < 18; i += 3)
        for (int e = 0; ends[e]; e++)
            if (!strncmp(x + i, ends[e], 3)) job = i + 3;
    if (job < 6 || (after_de && job != xl)) return k;   /* two characters at least: 工程师 */
    char whole[UNDERSTAND_VALUE];
    snprintf(whole, sizeof whole, "%.*s", (int)job, x);
    /* the unit to keep: one of the whole job, else a piece read as a job or name, else
     * any piece */
    int best = -1;
    for (int pass = 0; pass < 3 && best < 0; pass++)
        for (int i = 0; i < k && best < 0; i++) {
            const char *v = out[i].value;
            if (!v[0] || (unsigned char)v[0] < 0xE0 || !strstr(whole, v)) continue;
            if (pass == 0 ? !strcmp(v, whole)
                          : pass == 1 ? out[i].rel == READER_REL_JOB || out[i].rel == READER_REL_NAME
                                      : 1)
                best = i;
        }
    for (int i = 0; i < k && best < 0 && after_de; i++)    /* (the reader read another
                                                             * piece: 医院) */
        if (out[i].rel == READER_REL_JOB) best = i;
    if (best < 0) return k;
    /* 以前是老师: a job told as past is a former one */
    long before = understand_text_at(c, cn, "以前");
    int past = before >= 0 && before < is;
    int kept = 0, at = 0;
    for (int i = 0; i < k; i++) {
        const char *v = out[i].value;
        int piece = v[0] && (unsigned char)v[0] >= 0xE0 &&
                    (strstr(whole, v) || (out[i].rel == READER_REL_NAME &&
                                          (!strcmp(v, "他") || !strcmp(v, "她"))));
        if (i == best) at = kept;
        if (i == best || !piece) out[kept++] = out[i];
    }
    understood_t *j = &out[at];
    static const char *const times[] = {"以", "以前", "之前", "现在", "目前", "曾经", NULL};
    for (int t = 0; times[t]; t++)      /* 以前 read as whose it is */
        if (!strcmp(j->holder, times[t])) snprintf(j->holder, sizeof j->holder, "self");
    j->rel = past ? READER_REL_OPEN : READER_REL_JOB;
    snprintf(j->relation, sizeof j->relation, "%s",
             past ? UNDERSTAND_FORMER_JOB : reader_rel_name(READER_REL_JOB));
    snprintf(j->value, sizeof j->value, "%s", whole);
    /* 是长沙一家银行的: the place before 一个 or 一家 is where one works (the reader's
     * piece of it, read as a name, becomes it) */
    const char *p0 = c + is + strlen(verb);
    long one = understand_text_at(p0, cn - (size_t)(p0 - c), "一个");
    if (one < 0) one = understand_text_at(p0, cn - (size_t)(p0 - c), "一家");
    for (int i = 0; after_de && one >= 6 && one <= 12 && i < kept; i++)
        if (i != at && !strncmp(out[i].value, p0, (size_t)one)) {
            out[i].rel = out[i].clause_rel = READER_REL_WORKPLACE;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_WORKPLACE));
            snprintf(out[i].value, sizeof out[i].value, "%.*s", (int)one, p0);
            snprintf(out[i].holder, sizeof out[i].holder, "self");
            break;
        }
    return kept;
}

static int forms(const char *c, size_t cn, int act, understood_t *out, int k, int max)
{
    if (act == READER_FACT && forms_zh_asks(c, cn)) act = READER_QUESTION;
    int asks = act != READER_FACT;
    for (int i = 0; i < k; i++) {
        if (out[i].value[0]) value_as_written(c, cn, out[i].value, sizeof out[i].value);
        /* an animal read in Chinese is the key the facts use (兔子: rabbit) */
        const char *animal = (unsigned char)out[i].holder[0] >= 0xE0
                                 ? animal_key(out[i].holder, strlen(out[i].holder)) : NULL;
        if (animal) snprintf(out[i].holder, sizeof out[i].holder, "%s", animal);
        /* a doubled kin word read twice (妈妈: "mother mother") is one */
        size_t hl = strlen(out[i].holder);
        if (hl > 2 && hl % 2 == 1 && out[i].holder[hl / 2] == ' ' &&
            !strncmp(out[i].holder, out[i].holder + hl / 2 + 1, hl / 2))
            out[i].holder[hl / 2] = '\0';
    }
    /* a job the reader cut at its start (雕师 of 我是青岛的木雕师): the characters
     * before it up to 的, 是, 个, 当 or 做 are its own, two at most */
    static const char *const job_starts[] = {"的", "是", "个", "名", "当", "做", "在", "我",
                                             "，", "。", NULL};
    for (int i = 0; i < k; i++) {
        if (out[i].rel != READER_REL_JOB || (unsigned char)out[i].value[0] < 0xE0) continue;
        long at = understand_text_at(c, cn, out[i].value);
        int more = 0;
        while (at >= 3 && more < 2 && (unsigned char)c[at - 3] >= 0xE0) {
            int stop = 0;
            for (int j = 0; job_starts[j] && !stop; j++) stop = !strncmp(c + at - 3, job_starts[j], 3);
            if (stop) break;
            at -= 3, more++;
        }
        if (more && at >= 3) {      /* (only when a word of its start was found before it) */
            char v[UNDERSTAND_VALUE + 8];
            int w = snprintf(v, sizeof v, "%.*s%s", 3 * more, c + at, out[i].value);
            if (w > 0 && (size_t)w < sizeof out[i].value) memcpy(out[i].value, v, (size_t)w + 1);
        }
    }
    k = switched_job(c, cn, asks, out, k);
    k = place_then_doing(c, cn, asks, out, k, max);
    k = lives_bare(c, cn, asks, out, k, max);
    k = worked_at(c, cn, asks, out, k, max);
    k = studied_at(c, cn, asks, out, k, max);
    k = others_placed(c, cn, asks, out, k);
    /* one birthday and one age a person: a second in the clause is words after it (记住) */
    for (int i = 1; i < k; i++) {
        int again = 0;
        for (int j = 0; j < i && !again; j++)
            again = (out[i].rel == READER_REL_BIRTHDAY || out[i].rel == READER_REL_AGE) &&
                    out[j].rel == out[i].rel && !strcmp(out[j].holder, out[i].holder);
        if (!again) continue;
        memmove(out + i, out + i + 1, (size_t)(k - i - 1) * sizeof *out);
        k--;
        i--;
    }
    /* 退休了 is no place nor job (the user retired), and one character read as a value
     * of a fact, but a numeral, an animal or a name after 叫, is a piece of a word (换 of
     * 换专业, 退 | 休) */
    const understood_t first = out[0];
    for (int i = 0; i < k; i++)
        if ((act == READER_FACT && strlen(out[i].value) == 3 &&
             (unsigned char)out[i].value[0] >= 0xE0 && !understand_has_number(out[i].value) &&
             !animal_key(out[i].value, 3) &&
             !(out[i].rel == READER_REL_NAME && understand_text_at(c, cn, "叫") >= 0)) ||
            (understand_text_at(c, cn, "退休") >= 0 && out[i].value[0] &&
             strstr("退休了", out[i].value))) {
            memmove(out + i, out + i + 1, (size_t)(k - i - 1) * sizeof *out);
            k--;
            i--;
        }
    if (k == 0) {               /* the clause's unit, to be read by its forms below */
        out[0] = first;
        out[0].value[0] = out[0].name[0] = '\0';
        out[0].act = READER_SMALLTALK;
        k = 1;
    }
    /* (a name and an age told in the same clause stay beside a home town) */
    static const int named_aged[] = {READER_REL_NAME, READER_REL_AGE, -1};
    understood_t told_too[2];
    int ntold = act == READER_FACT ? told_beside(out, k, named_aged, -1, told_too, 2) : 0;
    if (home_town(c, cn, act, out)) {
        int n = 1;
        for (int i = 0; i < ntold && n < max; i++) out[n++] = told_too[i];
        return n;
    }
    if (people_of(c, cn, out)) return 1;
    if (act == READER_FACT && pet_told(c, cn, out, &k, max)) return k;

    if (act == READER_FACT) k = job_after_is(c, cn, out, k);
    /* 住哪 and 家在哪 ask where one lives, whatever else the reader read (我家住哪条街？) */
    int home_asked = understand_text_at(c, cn, "哪") >= 0 &&
                     (understand_text_at(c, cn, "住") >= 0 || understand_text_at(c, cn, "家在") >= 0);
    for (int i = 0; i < k && asks && home_asked; i++)
        if (out[i].rel == READER_REL_JOB || out[i].rel == READER_REL_WORKPLACE) {
            out[i].rel = out[i].clause_rel = READER_REL_HOME;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_HOME));
        }
    /* 你还记得我叫什么吗: the user's own name */
    if (asks && understand_text_at(c, cn, "我叫什么") >= 0) {
        only_unit(out, act, READER_REL_NAME, reader_rel_name(READER_REL_NAME), "", 0);
        return 1;
    }
    /* 我那只刺猬叫啥名, 我家比熊是叫豆豆吗: the name of the animal right before 叫 (or
     * 是叫), and the name asked of it */
    long jiao_at = understand_text_at(c, cn, "叫");
    size_t before = jiao_at > 0 ? (size_t)jiao_at : 0;
    if (before >= 3 && !strncmp(c + before - 3, "是", 3)) before -= 3;
    const char *named = asks && before ? animal_before(c, before) : NULL;
    if (named) {
        const char *y = c + jiao_at + strlen("叫");
        size_t yl = act == READER_YESNO ? name_len(y, cn - (size_t)(y - c)) : 0;
        only_unit(out, act, READER_REL_NAME, reader_rel_name(READER_REL_NAME), y, yl);
        snprintf(out[0].holder, sizeof out[0].holder, "%s", named);
        return 1;
    }
    /* 它是一只比熊, 是条德牧: the kind of the animal (or pet named) the clause is about */
    static const char *const one_of[] = {"是一只", "是只", "是一条", "是条", NULL};
    for (int o = 0; one_of[o] && act == READER_FACT; o++) {
        long at = understand_text_at(c, cn, one_of[o]);
        if (at < 0) continue;
        const char *x = c + at + strlen(one_of[o]);
        size_t xl = value_len(x, cn - (size_t)(x - c));
        if (!is_breed(x, xl)) break;
        const char *key = animal_key(x, xl);
        char breed[UNDERSTAND_VALUE];
        snprintf(breed, sizeof breed, "%.*s", (int)xl, x);
        int kept = 0;       /* the reader's units that hold the breed go (name 一只比熊) */
        for (int i = 0; i < k; i++)
            if (!strstr(out[i].value, breed)) out[kept++] = out[i];
        if (kept >= max) break;
        out[kept] = out[0];
        only_unit(&out[kept], READER_FACT, READER_REL_KIND, reader_rel_name(READER_REL_KIND), x, xl);
        snprintf(out[kept].holder, sizeof out[0].holder, "%s",
                 kept && (unsigned char)out[0].holder[0] < 0x80 && strcmp(out[0].holder, "self")
                     ? out[0].holder : key);
        return kept + 1;
    }
    if (act == READER_FACT) {
        int named = animals_named(c, cn, out, k, max);
        if (named != k || (k > 0 && out[k - 1].rel == READER_REL_NAME &&
                           animal_key(out[k - 1].holder, strlen(out[k - 1].holder))))
            return named;
    }
    if (act == READER_YESNO && kind_asked(c, cn, act, out)) return 1;
    /* 什么品种, 什么狗 asks the kind */
    long what = understand_text_at(c, cn, "什么");
    const char *after_what = what >= 0 ? c + what + strlen("什么") : NULL;
    size_t awl = after_what ? value_len(after_what, cn - (size_t)(after_what - c)) : 0;
    if (asks && (understand_text_at(c, cn, "品种") >= 0 ||
                 (after_what && animal_key(after_what, awl)))) {
        char holder[UNDERSTAND_KEY];    /* the animal the reader read (狗: dog) stays */
        snprintf(holder, sizeof holder, "%s", out[0].holder);
        only_unit(out, act, READER_REL_KIND, reader_rel_name(READER_REL_KIND), "", 0);
        if (holder[0] && strcmp(holder, "self") && (unsigned char)holder[0] < 0x80)
            snprintf(out[0].holder, sizeof out[0].holder, "%s", holder);
        k = 1;
    }
    if (condition(c, cn, act, out)) return 1;
    /* 我对花生过敏, 我芒果过敏, 我对什么过敏: an allergy is what comes between 我 (对) and 过敏 */
    long al = understand_text_at(c, cn, "过敏");
    long me = understand_text_at(c, cn, "我");
    if (al > 0 && me >= 0 && me < al) {
        const char *x = c + me + strlen("我");
        static const char *const leads[] = {"对", "有点", "很", "都", "也", NULL};
        for (int l = 0; leads[l]; l++)
            if (!strncmp(x, leads[l], strlen(leads[l])) && x + strlen(leads[l]) <= c + al)
                x += strlen(leads[l]);
        size_t xl = (size_t)(c + al - x);
        int what = xl == strlen("什么") && !strncmp(x, "什么", xl);
        if (asks ? (what || xl == 0) : (xl >= 3 && xl <= 18 && !what)) {
            only_unit(out, act, READER_REL_ALLERGY, reader_rel_name(READER_REL_ALLERGY),
                      asks ? "" : x, asks ? 0 : xl);
            return 1;
        }
    }
    /* 学计算机的, 专业是新闻, 学什么专业: what one studies (the open relation "study", as
     * "I study law" reads) */
    long xue = understand_text_at(c, cn, "专业是");
    const char *sx = xue >= 0 ? c + xue + strlen("专业是") : NULL;
    /* 学 as a verb, not inside 大学, 上学, 小学, 中学, 同学, 学校, 学生, 学期, 学费 */
    static const char *const not_verb[] = {"大", "上", "小", "中", "同", "留", NULL};
    for (const char *p = c; !sx && p + 3 <= c + cn; p++) {
        if (strncmp(p, "学", 3) != 0) continue;
        int inside = !strncmp(p + 3, "校", 3) || !strncmp(p + 3, "生", 3) ||
                     !strncmp(p + 3, "期", 3) || !strncmp(p + 3, "费", 3);   /* (学期) */
        for (int b = 0; not_verb[b] && !inside && p - 3 >= c; b++)
            inside = !strncmp(p - 3, not_verb[b], 3);
        if (!inside) sx = p + 3;
    }
    if (sx && !strncmp(sx, "的", 3)) sx += 3;         /* 学的什么专业 */
    if (sx && !strncmp(sx, "是", 3)) sx += 3;         /* 学的是法律, 学的是什么 */
    size_t sl = sx ? value_len(sx, cn - (size_t)(sx - c)) : 0;
    /* told with 的 (学化学的), or now (现在学德语); 学会 is "learnt to", but 会计 a
     * subject */
    int now = understand_text_at(c, cn, "现在学") >= 0 || understand_text_at(c, cn, "在学") >= 0 ||
              understand_text_at(c, cn, "改学") >= 0 ||     /* (后来我改学法律了) */
              understand_text_at(c, cn, "开始学") >= 0;
    int subject = sl >= 3 && sl <= 18 && (strncmp(sx ? sx : "", "会", 3) != 0 ||
                                          !strncmp(sx + 3, "计", 3));
    int checked = act == READER_YESNO && subject && now;    /* (我还在学护理吗？) */
    int study = sx && (asks ? !strncmp(sx, "什么", strlen("什么")) || checked
                            : subject && (understand_text_at(c, cn, "的") >= 0 || now));
    static const char *const studying[] = {"读书", "上学", "念书", "读大学", "上大学", "读研",
                                           "读博", NULL};
    int at_school = 0;              /* 在X读书: the school form below tells both */
    for (int v = 0; studying[v] && !at_school; v++)
        at_school = understand_text_at(c, cn, studying[v]) >= 0;
    if (study && !at_school) {
        char holder[UNDERSTAND_KEY];
        snprintf(holder, sizeof holder, "%s", out[0].holder);
        int named = -1;         /* the user's name told first (我叫小林, 学化学的) stays */
        int naming = understand_text_at(c, cn, "叫") >= 0 || understand_text_at(c, cn, "姓") >= 0;
        for (int i = 0; i < k && named < 0 && !asks && naming; i++)
            if (out[i].rel == READER_REL_NAME && !strcmp(out[i].holder, "self") &&
                out[i].value[0])
                named = i;
        understood_t name = named >= 0 ? out[named] : out[0];
        /* (and what else the clause told of the user: 二十岁，在厦门读研，学护理) */
        static const int placed_aged[] = {READER_REL_AGE, READER_REL_SCHOOL, READER_REL_HOME,
                                          -1};
        understood_t kept[4];
        int nkept = asks ? 0 : told_beside(out, k, placed_aged, named, kept, 4);
        only_unit(out, act, READER_REL_OPEN, "study", asks && !checked ? "" : sx,
                  asks && !checked ? 0 : sl);
        if (holder[0] && strcmp(holder, "self") && (unsigned char)holder[0] < 0x80)
            snprintf(out[0].holder, sizeof out[0].holder, "%s", holder);
        int n = 1;
        if (named >= 0 && n < max) out[n++] = name;
        for (int i = 0; i < nkept && n < max; i++) out[n++] = kept[i];
        return n;
    }
    /* 我以前是做什么的: the former job */
    if (asks && understand_text_at(c, cn, "以前") >= 0 &&
        (understand_text_at(c, cn, "做什么") >= 0 || understand_text_at(c, cn, "干什么") >= 0)) {
        only_unit(out, act, READER_REL_OPEN, UNDERSTAND_FORMER_JOB, "", 0);
        return 1;
    }
    /* 几岁, 多大 ask an age, whatever relation the reader took the question for; of the
     * animal after 我的 (我的猫几岁了) or of the holder the reader read in English */
    if (asks && (understand_text_at(c, cn, "几岁") >= 0 || understand_text_at(c, cn, "多大") >= 0)) {
        char holder[UNDERSTAND_KEY];
        const char *animal = my_animal(c, cn);
        snprintf(holder, sizeof holder, "%s", animal ? animal : out[0].holder);
        only_unit(out, act, READER_REL_AGE, reader_rel_name(READER_REL_AGE), "", 0);
        if (holder[0] && strcmp(holder, "self") && (unsigned char)holder[0] < 0x80)
            snprintf(out[0].holder, sizeof out[0].holder, "%s", holder);
        k = 1;
    }
    /* 在一家叫星光的公司上班: the firm's name between 叫 and 的 before a word for a firm,
     * told where one works; asked as 哪家公司 */
    static const char *const firms[] = {"公司", "店", "医院", "学校", "餐厅", "饭店", "工厂",
                                        "银行", "超市", "酒店", "咖啡馆", "诊所", NULL};
    int works = understand_text_at(c, cn, "上班") >= 0 || understand_text_at(c, cn, "工作") >= 0;
    long jiao = understand_text_at(c, cn, "叫");
    if (works && !asks && jiao >= 0) {
        const char *x = c + jiao + strlen("叫");
        long de = understand_text_at(x, cn - (size_t)(x - c), "的");
        int firm = 0;
        for (int f = 0; de > 0 && firms[f] && !firm; f++)
            firm = !strncmp(x + de + strlen("的"), firms[f], strlen(firms[f]));
        if (firm) {
            only_unit(out, act, READER_REL_EMPLOYER, reader_rel_name(READER_REL_EMPLOYER), x,
                      (size_t)de);
            return 1;
        }
    }
    if (works && asks && (understand_text_at(c, cn, "哪家") >= 0 ||
                          understand_text_at(c, cn, "什么公司") >= 0)) {
        only_unit(out, act, READER_REL_EMPLOYER, reader_rel_name(READER_REL_EMPLOYER), "", 0);
        return 1;
    }
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
        int n = 1;
        if (study && !asks && max > n) {      /* 在上海读大学，学法律的: and what */
            out[n] = out[0];
            out[n].rel = READER_REL_OPEN;
            snprintf(out[n].relation, sizeof out[n].relation, "study");
            snprintf(out[n].value, sizeof out[n].value, "%.*s", (int)sl, sx);
            n++;
        }
        if (job >= 0 && max > n) out[n++] = told;
        return n;
    }
    if (likes(c, cn, act, out)) k = 1;
    return k;
}

/* The number said right before 岁 in c (8岁: "8", 三岁: "三", 十五岁: "十五") into num;
 * 1 when there is one. */
static int age_before_sui(const char *c, size_t cn, char *num, size_t len)
{
    static const char *const numerals = "一二两三四五六七八九十百";
    long at = understand_text_at(c, cn, "岁");
    if (at <= 0) return 0;
    size_t s = (size_t)at;
    while (s > 0 && isdigit((unsigned char)c[s - 1])) s--;
    while (s == (size_t)at && s >= 3) {     /* Chinese numerals, three bytes each */
        size_t b = s;
        while (b >= 3) {
            char ch[4] = {c[b - 3], c[b - 2], c[b - 1], '\0'};
            if (!strstr(numerals, ch)) break;
            b -= 3;
        }
        s = b;
        break;
    }
    if (s == (size_t)at) return 0;
    snprintf(num, len, "%.*s", (int)((size_t)at - s), c + s);
    return 1;
}

/* Numerals a count of kin or animals is told or asked with (一对 is 两). */
static const char *const counts[] = {"两", "二", "三", "四", "五", "六", "七", "八", "九",
                                     "几", NULL};

/* Where c[0, cn) counts kin or animals (两个女儿, 四只兔子, 一对双胞胎儿子, 几个孙子): the
 * index in counts into *num, the plural key into plural ("sons", "cats"); returns the
 * end of the kin or animal word, NULL when it counts none. */
static const char *counted(const char *c, size_t cn, int *num, char *plural, size_t len)
{
    static const char *const measures[] = {"个", "只", "条", "位", "对", NULL};
    for (size_t at = 3; at + 3 <= cn; at++) {
        const char *w = NULL;
        for (int m = 0; measures[m] && !w; m++) {
            if (strncmp(c + at, measures[m], 3) != 0) continue;
            int pair = !strcmp(measures[m], "对");      /* 一对: a pair */
            for (int i = 0; counts[i] && !w && !pair; i++)
                if (!strncmp(c + at - 3, counts[i], 3)) *num = i, w = c + at + 3;
            if (pair && !strncmp(c + at - 3, "一", 3)) *num = 0, w = c + at + 3;
        }
        if (!w) continue;
        if ((size_t)(w - c) + strlen("双胞胎") <= cn && !strncmp(w, "双胞胎", strlen("双胞胎")))
            w += strlen("双胞胎");
        size_t wl;
        const char *key = who_at(w, cn - (size_t)(w - c), 1, &wl);
        /* 两个孩子, 四个娃娃: children, of no one kin word */
        static const char *const young[] = {"孩子", "娃娃", "小孩", "娃", NULL};
        for (int y = 0; !key && young[y]; y++) {
            size_t yl = strlen(young[y]);
            if ((size_t)(w - c) + yl <= cn && !strncmp(w, young[y], yl)) {
                snprintf(plural, len, "children");
                return w + yl;
            }
        }
        if (!key) continue;
        snprintf(plural, len, "%ss", key);
        return w + wl;
    }
    return NULL;
}


/* 我有两个女儿，大的叫春花，小的叫秋月, 家里养了两只兔子，一只叫芝士一只叫奶盖, 我有一对双胞胎
 * 儿子，一个叫阿福一个叫阿贵，今年九岁: kin or animals counted (counted) after 有 or 养
 * and each one's name after 叫, as the English forms keep "two sons, X and Y": the
 * plural holder ("sons", "dogs") with each name, an age told of them all (今年九岁), and
 * the count (REALISE_COUNT); asked as 我有几个儿子, the count. Returns the units, or -1
 * when the clause is none (a count told with no names is count_told's). */
static int kin_listed(const char *c, size_t cn, int act, understood_t *out, int max)
{
    if (understand_text_at(c, cn, "有") < 0 && understand_text_at(c, cn, "养") < 0) return -1;
    int num;
    char plural[UNDERSTAND_KEY];
    const char *x = counted(c, cn, &num, plural, sizeof plural);
    if (!x) return -1;
    int asks = act != READER_FACT;
    if (asks != !strcmp(counts[num], "几")) return -1;
    const understood_t first = out[0];
    int n = 0;
    if (asks) {
        only_unit(out, act, READER_REL_OPEN, REALISE_COUNT, "", 0);
        snprintf(out[0].holder, sizeof out[0].holder, "%s", plural);
        return 1;
    }
    for (long jiao; n < max - 2 && (jiao = understand_text_at(x, cn - (size_t)(x - c), "叫")) >= 0;) {
        x += jiao + strlen("叫");
        size_t xl = name_len(x, cn - (size_t)(x - c));
        if (!xl) break;
        out[n] = first;
        only_unit(&out[n], READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), x, xl);
        snprintf(out[n].holder, sizeof out[n].holder, "%s", plural);
        n++;
        x += xl;
    }
    if (n == 0) return -1;
    char age[16];
    if (age_before_sui(c, cn, age, sizeof age)) {
        out[n] = first;
        only_unit(&out[n], READER_FACT, READER_REL_AGE, reader_rel_name(READER_REL_AGE), age,
                  strlen(age));
        snprintf(out[n++].holder, sizeof out[0].holder, "%s", plural);
    }
    out[n] = first;
    only_unit(&out[n], READER_FACT, READER_REL_OPEN, REALISE_COUNT, counts[num], 3);
    snprintf(out[n].holder, sizeof out[n].holder, "%s", plural);
    return n + 1;
}

/* 这下有四只兔子了, 我有两只狗: a count told with no names, added to the clause's k units
 * when none of them is a count. Returns the units. */
static int count_told(const char *c, size_t cn, understood_t *out, int k, int max)
{
    int num;
    char plural[UNDERSTAND_KEY];
    const char *end = k >= 1 && k < max ? counted(c, cn, &num, plural, sizeof plural) : NULL;
    if (!end || !strcmp(counts[num], "几")) return k;
    for (int i = 0; i < k; i++)
        if (!strcmp(out[i].relation, REALISE_COUNT)) return k;
    /* (not 他有三个孩子: someone else's, though 跟你说 ... is the user's; nor a name or
     * other value read inside the words of the count: 两个, 孩子) */
    for (const char *const *w = (const char *const[]){"他", "她", NULL}; *w; w++) {
        long o = understand_text_at(c, cn, *w);
        if (o >= 0 && c + o < end) return k;
    }
    int kept = 0;
    for (int i = 0; i < k; i++) {
        long v = out[i].value[0] ? understand_text_at(c, cn, out[i].value) : -1;
        const char *from = strstr(c, counts[num]);
        if (v >= 0 && from && c + v >= from && c + v < end) continue;
        out[kept++] = out[i];
    }
    if (!kept) {                                /* (the clause's own unit, for the count) */
        kept = 1;
        out[0].value[0] = '\0';
        out[0].act = READER_SMALLTALK;
    }
    k = kept;
    out[k] = out[0];
    only_unit(&out[k], READER_FACT, READER_REL_OPEN, REALISE_COUNT, counts[num], 3);
    snprintf(out[k].holder, sizeof out[k].holder, "%s", plural);
    return k + 1;
}

/* 1 when the clause only says that something said was wrong (呃不对, 我搞错了, 纠正一下):
 * a word of correcting, with nothing but sounds, 我 and particles around it. */
static int only_righting(const char *c, size_t cn)
{
    static const char *const around[] = {"哎", "哦", "啊", "呃", "嗯", "唉", "诶", "欸", "哈",
                                         "我", "了", "啦", "呀", "吧", "，", "。", "！", "…",
                                         " ", ",", ".", "!", NULL};
    static const char *const righting[] = {"不对", "说错", "记错", "搞错", "打错", "写错",
                                           "弄错", "更正一下", "更正", "纠正一下", "纠正",
                                           "不是不是", NULL};
    size_t s = 0, e = cn;
    for (int again = 1; again;) {
        again = 0;
        for (int i = 0; around[i]; i++) {
            size_t l = strlen(around[i]);
            if (s + l <= e && !memcmp(c + s, around[i], l)) s += l, again = 1;
            else if (e >= s + l && !memcmp(c + e - l, around[i], l)) e -= l, again = 1;
        }
    }
    for (int i = 0; righting[i]; i++)
        if (e - s == strlen(righting[i]) && !memcmp(c + s, righting[i], e - s)) return 1;
    return 0;
}

/* "，长春的，": a place said alone before 的 or 人 is the whole part, where the reader
 * cut it (春的), and one's home town when the reader took it for a second name of the
 * user's; of a clause that tells (asks 0). */
static void place_part(const char *c, size_t cn, int asks, understood_t *out, int k)
{
    int names = 0;              /* the user's names read: a second is a place (我叫X，长春的) */
    for (int i = 0; i < k; i++)
        names += out[i].rel == READER_REL_NAME && !strcmp(out[i].holder, "self");
    for (int i = 0; i < k && !asks; i++) {
        int named = out[i].rel == READER_REL_NAME && names > 1 && !strcmp(out[i].holder, "self");
        if ((out[i].rel != READER_REL_HOMETOWN && out[i].rel != READER_REL_HOME && !named) ||
            (unsigned char)out[i].value[0] < 0xE0)
            continue;
        long at = understand_text_at(c, cn, out[i].value);
        if (at < 0) continue;
        static const char *const stops[] = {"，", "是", "我", "在", "的", "叫", "住", "从", NULL};
        size_t s = (size_t)at, e = (size_t)at + strlen(out[i].value);
        for (int stop = 0; s >= 3 && (unsigned char)c[s - 3] >= 0xE0 && at - (long)s < 9;) {
            for (int t = 0; stops[t] && !stop; t++) stop = !strncmp(c + s - 3, stops[t], 3);
            if (stop) break;
            s -= 3;
        }
        int alone = (s == 0 || (s >= 3 && !strncmp(c + s - 3, "，", 3))) &&
                    (!strncmp(c + e, "的", 3) || !strncmp(c + e, "人", 3)) &&
                    (e + 3 == cn || !strncmp(c + e + 3, "，", 3));
        if (alone && s < (size_t)at) snprintf(out[i].value, sizeof out[i].value, "%.*s",
                                              (int)(e - s), c + s);
        if (alone && named) {
            out[i].rel = out[i].clause_rel = READER_REL_HOMETOWN;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_HOMETOWN));
        }
    }
}

int forms_zh_forgets(const char *c, size_t cn)
{
    static const char *const asks[] = {"忘掉", "忘了吧", "忘记", "删掉", "删了", "删除",
                                       "别记", "不要记", NULL};
    static const char *const not_asked[] = {"别忘", "不要忘", "忘不了", "忘了带", NULL};
    for (int i = 0; not_asked[i]; i++)
        if (understand_text_at(c, cn, not_asked[i]) >= 0) return 0;
    for (int i = 0; asks[i]; i++)
        if (understand_text_at(c, cn, asks[i]) >= 0) return 1;
    return 0;
}

int forms_zh_topic_held(const char *text, const char *topic)
{
    static const char *const ands[] = {"和", "跟", "、", "还有", "以及", NULL};
    size_t tl = strlen(topic), tn = strlen(text);
    for (size_t s = 0; s < tl;) {
        size_t e = tl;          /* one part of the topic: up to the next word of and */
        for (int i = 0; ands[i]; i++) {
            long x = understand_text_at(topic + s, tl - s, ands[i]);
            if (x >= 0 && s + (size_t)x < e) e = s + (size_t)x;
        }
        size_t pl = e - s, windows = 0, held = 0;
        if (pl == 3 && forms_zh_who_len(topic + s, 3) == 3)   /* 猫 alone: an animal */
            windows = 1, held = understand_text_at(text, tn, (char[4]){topic[s], topic[s + 1],
                                                                       topic[s + 2], 0}) >= 0;
        for (size_t w = s; w + 6 <= e; w += 3) {    /* two characters at a time */
            char two[7];
            memcpy(two, topic + w, 6);
            two[6] = '\0';
            windows++;
            held += understand_text_at(text, tn, two) >= 0;
        }
        if (windows && 2 * held > windows) return 1;
        s = e;
        for (int i = 0; ands[i]; i++)
            if (!strncmp(topic + s, ands[i], strlen(ands[i]))) {
                s += strlen(ands[i]);
                break;
            }
        if (s == e && s < tl) s++;          /* (not at a word of and: a byte on) */
    }
    return 0;
}

/* What a Chinese request to forget names (你把我龙猫的事删了吧: 龙猫, 关于我前妻的事你都
 * 忘了吧: 前妻, 做手术那个事你不要记了: 做手术, 上回说我表哥的事你删掉吧: 表哥): the
 * characters before the first word that points back at it (的事, 那个事, 那个 ...) or of
 * forgetting, after 把, 关于, 说 or 说的 and without 我, a time (上次, 刚才) or 那个 in
 * front (那个花粉的事也删掉吧: 花粉); its length, 0 when nothing is left. */
static size_t forgotten(const char *c, size_t cn, const char **at)
{
    static const char *const ends[] = {"的事", "那个事", "那事", "这事", "这个事", "的那个",
                                       "这件事", "那件事", "那个", "你", "忘", "删", "别记",
                                       "不要记", NULL};
    static const char *const starts[] = {"把", "关于", "说的", "说过的", "，", "说", "提的",
                                         NULL};
    static const char *const fronts[] = {"我的", "我", "上次", "上回", "刚才", "之前", "算了",
                                         "那个啥", "哎呀", "，", "那个", "这个", NULL};
    size_t e = cn;
    for (int i = 0; ends[i]; i++) {
        long x = understand_text_at(c, e, ends[i]);
        if (x > 0 && (size_t)x < e) e = (size_t)x;
    }
    size_t s = 0;
    for (int i = 0; starts[i]; i++) {
        long x = understand_text_at(c, e, starts[i]);
        if (x >= 0 && (size_t)x + strlen(starts[i]) > s) s = (size_t)x + strlen(starts[i]);
    }
    for (int again = 1; again;) {
        again = 0;
        for (int i = 0; fronts[i]; i++)
            if (s + strlen(fronts[i]) <= e && !strncmp(c + s, fronts[i], strlen(fronts[i])))
                s += strlen(fronts[i]), again = 1;
    }
    *at = c + s;
    return e - s;
}

/* 我家猫猫是布偶，叫团团: a pet the reader read named by its kind (after 是), and its name
 * after "，叫": the unit of the name (held by a pet word) becomes the kind and one of the
 * name follows it (at most max units). Returns the units. */
static int pet_kind_named(const char *c, size_t cn, understood_t *out, int k, int max)
{
    long call = understand_text_at(c, cn, "，叫"), is = understand_text_at(c, cn, "是");
    if (call < 0 || is < 0 || is > call || k >= max) return k;
    const char *kind = c + is + 3, *name = c + call + strlen("，叫");
    size_t kl = (size_t)(c + call - kind), nl = value_len(name, cn - (size_t)(name - c));
    long comma = understand_text_at(name, nl, "，");       /* (叫团团，特别粘人) */
    if (comma >= 0) nl = (size_t)comma;
    if (kl < 3 || nl < 3) return k;
    for (int i = 0; i < k; i++) {
        char whole[UNDERSTAND_VALUE];   /* (or a part of it: 耳兔 of 垂耳兔) */
        snprintf(whole, sizeof whole, "%.*s", (int)kl, kind);
        if (out[i].rel != READER_REL_NAME || !dialogue_pet_word(out[i].holder) ||
            !out[i].value[0] || !strstr(whole, out[i].value))
            continue;
        out[k] = out[i];
        out[i].rel = out[i].clause_rel = READER_REL_KIND;
        snprintf(out[i].relation, sizeof out[i].relation, "%s", reader_rel_name(READER_REL_KIND));
        snprintf(out[i].value, sizeof out[i].value, "%s", whole);
        snprintf(out[k].value, sizeof out[k].value, "%.*s", (int)nl, name);
        return k + 1;
    }
    return k;
}

/* The number c[0, n) writes in Chinese numerals from 1 to 99 (七, 十三, 三十, 三十一), or -1. */
static long tens_and_ones(const char *c, size_t n)
{
    static const char *const units[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    long d[3];
    size_t nd = 0;
    for (size_t i = 0; i + 3 <= n && nd < 3; i += 3, nd++) {
        d[nd] = -1;
        if (!strncmp(c + i, "十", 3)) d[nd] = 10;
        for (long u = 0; u < 9 && d[nd] < 0; u++)
            if (!strncmp(c + i, units[u], 3)) d[nd] = u + 1;
        if (d[nd] < 0) return -1;
    }
    if (!nd || nd * 3 != n) return -1;
    if (nd == 1) return d[0];
    if (nd == 2 && d[0] == 10 && d[1] < 10) return 10 + d[1];           /* 十三 */
    if (nd == 2 && d[0] < 10 && d[1] == 10) return d[0] * 10;           /* 三十 */
    if (nd == 3 && d[0] < 10 && d[1] == 10 && d[2] < 10) return d[0] * 10 + d[2];
    return -1;
}

int forms_zh(const char *c, size_t cn, int act, understood_t *out, int k, int max)
{
    /* 你把我龙猫的事删了吧: a request to forget, whatever the reader took it for, of what it
     * names */
    static const char *const this_matter[] = {"这件事", "那件事", "这事", "那事", "的事",
                                              NULL};      /* (我爸在哪上班这件事: told, not asked) */
    int matter = 0;
    for (int i = 0; this_matter[i] && !matter; i++)
        matter = understand_text_at(c, cn, this_matter[i]) >= 0;
    if (k >= 1 && act != READER_FORGET && (matter || !forms_zh_asks(c, cn)) &&
        forms_zh_forgets(c, cn)) {
        const char *what;
        size_t wl = forgotten(c, cn, &what);
        only_unit(out, READER_FORGET, READER_REL_OPEN, "", what, wl);
        return 1;
    }
    /* 我堂哥总说西安最好: what someone of the user's says or thinks tells nothing of the
     * user; the speaker's own units after it go (small talk when nothing else is told) */
    static const char *const others[] = {"表姐", "表哥", "表妹", "表弟", "堂哥", "堂姐",
                                         "朋友", "同事", "室友", "邻居", "老板", "舅舅",
                                         "姑姑", "阿姨", "叔叔", NULL};
    static const char *const saying[] = {"说", "觉得", "认为", NULL};
    size_t who_kin;
    const char *who = kin_at(c, cn, &who_kin);
    for (int o = 0; others[o] && !who; o++) {
        long at = understand_text_at(c, cn, others[o]);
        if (at >= 0) who = c + at;
    }
    long says = -1;
    for (int w = 0; saying[w] && who && says < 0; w++) {
        long at = understand_text_at(c, cn, saying[w]);
        if (at > who - c) says = at;
    }
    if (says >= 0 && act != READER_FORGET && !forms_zh_asks(c, cn) &&
        understand_text_at(c + says, cn - (size_t)says, "我") < 0) {
        int kept = 0;
        for (int i = 0; i < k; i++)
            if (strcmp(out[i].holder, "self") != 0 || !out[i].value[0] ||
                understand_text_at(c + says, cn - (size_t)says, out[i].value) < 0) {
                out[i].hearsay = 1;
                out[kept++] = out[i];
            }
        if (!kept) {
            only_unit(out, READER_SMALLTALK, READER_REL_OPEN, "", "", 0);
            out[0].hearsay = 1;
            return 1;
        }
        k = kept;
    }
    /* 呃不对, 我搞错了: a mark of what follows, no value of its own */
    if (k >= 1 && only_righting(c, cn)) {
        only_unit(out, READER_SMALLTALK, READER_REL_OPEN, "", "", 0);
        return 1;
    }
    /* a correction the reader is unsure of, in words that change nothing (最爱吃火锅), is
     * told as a fact */
    static const char *const changes[] = {"不", "没", "改", "换", "搬", "其实", "现在",
                                          "以前", "已经", NULL};
    int change = 0;
    for (int i = 0; changes[i] && !change; i++) change = understand_text_at(c, cn, changes[i]) >= 0;
    if (k < 1) return k;
    /* 我叫阿依古丽: a clause of 我叫 and two to four characters names the user by all of
     * them, however the reader cut them */
    int ideographs = cn >= 12 && cn <= 18 && (cn - 6) % 3 == 0;   /* (我叫: 6 bytes) */
    for (size_t i = 6; ideographs && i < cn; i += 3)
        ideographs = (unsigned char)c[i] >= 0xE4 && (unsigned char)c[i] <= 0xE9;
    if (act == READER_FACT && ideographs && !strncmp(c, "我叫", 6) && !forms_zh_asks(c, cn) &&
        understand_text_at(c, cn, "他") < 0 && understand_text_at(c, cn, "她") < 0 &&
        understand_text_at(c, cn, "你") < 0 && understand_text_at(c, cn, "们") < 0) {
        only_unit(out, READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), c + 6,
                  cn - 6);
        return 1;
    }
    /* 三十一, 二十二岁: a clause of a number alone (13 to 99, 岁 after it or not) is the
     * speaker's age, told in a note (我阿强，三十一，…) */
    size_t digits = cn >= 3 && !strncmp(c + cn - 3, "岁", 3) ? cn - 3 : cn;
    long years = act != READER_FORGET && !forms_zh_asks(c, cn) ? tens_and_ones(c, digits) : -1;
    if (years >= 13 && years <= 99) {
        only_unit(out, READER_FACT, READER_REL_AGE, reader_rel_name(READER_REL_AGE), c, digits);
        out[0].fact_min_p = 0;
        return 1;
    }
    /* 我老宋，四十七，…: a name of 阿, 小 or 老 and one character after 我 that a comma
     * ends names the user, and what the clause tells of the name is theirs */
    static const char *const fond[] = {"阿", "小", "老", NULL};
    int fond_name = 0;
    for (int f = 0; cn > 15 && fond[f]; f++) fond_name |= !strncmp(c + 3, fond[f], 3);
    if (fond_name && !strncmp(c, "我", 3) && !strncmp(c + 9, "，", 3) &&
        (unsigned char)c[6] >= 0xE4 && (unsigned char)c[6] <= 0xE9 && act != READER_FORGET &&
        !forms_zh_asks(c, cn) && k < max) {
        int named = 0;
        for (int i = 0; i < k; i++) {
            if (!strncmp(out[i].holder, c + 3, 6) && !out[i].holder[6]) {
                snprintf(out[i].holder, sizeof out[i].holder, "self");
                out[i].personal = 1;
            }
            named |= out[i].rel == READER_REL_NAME && !strncmp(out[i].value, c + 3, 6) &&
                     !out[i].value[6];
        }
        if (!named) {
            out[k] = out[0];
            only_unit(&out[k], out[0].act, READER_REL_NAME, reader_rel_name(READER_REL_NAME),
                      c + 3, 6);
            k++;
        }
    }
    /* 我阿明, 我小凡: 我 and a name of 阿 or 小 and one or two characters, 是 left out */
    if ((cn == 9 || cn == 12) && !strncmp(c, "我", 3) && act != READER_FORGET &&
        (unsigned char)c[cn - 3] >= 0xE4 && (unsigned char)c[cn - 3] <= 0xE9 &&
        (!strncmp(c + 3, "阿", 3) || !strncmp(c + 3, "小", 3)) && !forms_zh_asks(c, cn)) {
        only_unit(out, READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), c + 3,
                  cn - 3);
        return 1;
    }
    /* 和男朋友阿明去看海了: one of the user's by a word of kin (or a pet's) and a name of
     * two characters before 去, 来, 一起 ... is named so, whatever else the clause is */
    static const char *const along[] = {"跟", "和", "带", "陪", NULL};
    static const char *const going[] = {"去", "来", "一起", "到", "回", NULL};
    for (size_t i = 0; act != READER_FORGET && i + 3 <= cn && !forms_zh_asks(c, cn);
         i += (unsigned char)c[i] >= 0xE0 ? 3 : 1) {
        int a = 0;
        for (int w = 0; along[w] && !a; w++) a = !strncmp(c + i, along[w], 3);
        size_t kl = 0;
        const char *key = a ? forms_zh_who_key(c + i + 3, cn - i - 3, &kl) : NULL;
        size_t nm = i + 3 + kl;         /* the name: two ideographs */
        if (!key || nm + 6 >= cn) continue;
        static const char *const not_names[] = {"一", "去", "来", "到", "回", "出", "们",
                                                "的", "说", "都", "也", "又", "还", "在",
                                                NULL};    /* (跟男朋友一起去: no name) */
        int name = 1;
        for (size_t b = nm; b < nm + 6; b += 3)
            name &= (unsigned char)c[b] >= 0xE4 && (unsigned char)c[b] <= 0xE9;
        for (int w = 0; not_names[w] && name; w++)
            name = strncmp(c + nm, not_names[w], 3) != 0 && strncmp(c + nm + 3, not_names[w], 3) != 0;
        int goes = 0;
        for (int w = 0; going[w] && !goes; w++)
            goes = !strncmp(c + nm + 6, going[w], strlen(going[w]));
        if (!name || !goes) continue;
        only_unit(out, READER_FACT, READER_REL_NAME, reader_rel_name(READER_REL_NAME), c + nm, 6);
        snprintf(out[0].holder, sizeof out[0].holder, "%s", key);
        out[0].fact_min_p = 0;
        return 1;
    }
    place_part(c, cn, act != READER_FACT, out, k);
    if (act != READER_FORGET && moved_to(c, cn, out)) return 1;    /* 我们搬到无锡了 */
    if (act != READER_FORGET && car_told(c, cn, act, out)) return 1;    /* 我的车是丰田 */
    int trade = act == READER_FORGET ? 0 : runs_a_trade(c, cn, out, k, max);
    if (trade) return trade;                                        /* 天津开出租的 */
    if (act == READER_CORRECTION && out[0].act_p < 0.5f && !change) act = READER_FACT;
    /* 快递我不送了，现在在一家书店当店员: a new job and where, told as a change */
    if (act == READER_CORRECTION && understand_text_at(c, cn, "现在在") >= 0 &&
        (understand_text_at(c, cn, "当") >= 0 || understand_text_at(c, cn, "做") >= 0)) {
        act = READER_FACT;
        for (int i = 0; i < k; i++) out[i].act = READER_FACT, out[i].fact_min_p = 0;
    }
    /* 我在杭州读大学, 我在医院当护士, 我现在学德语 read as chat: the user's study, school
     * or job said in its own words is a fact */
    static const char *const own[] = {"读大学", "读书", "上学", "念书", "上大学", "当", "学",
                                      "上班", "工作", "送外卖", "送快递", "跑滴滴", "开出租",
                                      NULL};
    /* (or said with no one: 在温州一家厂里当焊工, 三十一，在温州一家厂里当焊工, a note
     * after 我老宋) */
    long comma = understand_text_at(c, cn, "，");
    int bare = (!strncmp(c, "在", 3) || (comma > 0 && tens_and_ones(c, (size_t)comma) > 0)) &&
               understand_text_at(c, cn, "他") < 0 && understand_text_at(c, cn, "她") < 0;
    int told = ((act == READER_SMALLTALK && understand_text_at(c, cn, "我") >= 0) ||
                ((act == READER_SMALLTALK || act == READER_FACT) && bare)) &&
               !forms_zh_asks(c, cn) && understand_text_at(c, cn, "你") < 0;
    int said = 0;
    for (int i = 0; own[i] && told && !said; i++) said = understand_text_at(c, cn, own[i]) >= 0;
    /* 老家湖北宜昌的: one's home town, said with no 我 */
    said |= (act == READER_SMALLTALK || act == READER_CORRECTION || act == READER_UNABLE ||
             act == READER_QUESTION || act == READER_YESNO) &&
            !strncmp(c, "老家", strlen("老家")) && !forms_zh_asks(c, cn);
    said |= (act == READER_SMALLTALK || act == READER_QUESTION || act == READER_YESNO) &&
            !forms_zh_asks(c, cn) && people_of(c, cn, NULL);
    /* 儿子壮壮今年4岁，…: one of the user's kin, named or aged */
    size_t which;
    said |= act == READER_SMALLTALK && kin_at(c, cn, &which) != NULL && !forms_zh_asks(c, cn) &&
            understand_text_at(c, cn, "你") < 0 &&
            (understand_text_at(c, cn, "叫") >= 0 || understand_text_at(c, cn, "岁") >= 0);
    if (said) {
        act = READER_FACT;
        for (int i = 0; i < k; i++) {
            out[i].act = READER_FACT, out[i].fact_min_p = 0;
            out[i].personal |= bare && !strcmp(out[i].holder, "self");
        }
    }
    if (act == READER_FACT && forms_zh_asks(c, cn)) act = READER_QUESTION;  /* it asks */
    /* read as a question with no word of asking: told when it says 我 or names, keeps or
     * has something (我有哮喘，…，那能行吗; 家里养了只兔子叫团子), else chat (那个啥 "um",
     * 最近好累啊) */
    static const char *const telling[] = {"我", "叫", "养", "有", NULL};
    if ((act == READER_QUESTION || act == READER_YESNO) && !forms_zh_asks(c, cn) &&
        understand_text_at(c, cn, "你") < 0) {
        int told = 0;
        for (int t = 0; telling[t] && !told; t++) told = understand_text_at(c, cn, telling[t]) >= 0;
        act = told && cn > 12 ? READER_FACT : understand_text_at(c, cn, "我") >= 0 ? READER_FACT
                                                                               : READER_SMALLTALK;
        for (int i = 0; i < k && act == READER_FACT; i++)
            out[i].act = READER_FACT, out[i].fact_min_p = 0;
    }
    /* 我多大年纪, 几岁, 岁数: an age asked, of the kin it names or of the user */
    static const char *const age[] = {"多大", "几岁", "年纪", "岁数", "多少岁", NULL};
    int asks_age = 0;
    for (int i = 0; age[i] && !asks_age && act == READER_QUESTION; i++)
        asks_age = understand_text_at(c, cn, age[i]) >= 0;
    for (int i = 0; asks_age && i < k; i++)
        if (out[i].rel == READER_REL_OPEN) {
            out[i].rel = READER_REL_AGE;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_AGE));
        }
    /* 在哪上班, 在哪儿工作: where one works is asked, whatever the reader read */
    int works_where = act == READER_QUESTION && understand_text_at(c, cn, "哪") >= 0 &&
                      (understand_text_at(c, cn, "上班") >= 0 ||
                       understand_text_at(c, cn, "工作") >= 0 ||
                       understand_text_at(c, cn, "打工") >= 0);
    for (int i = 0; works_where && i < k; i++)
        if (out[i].rel != READER_REL_WORKPLACE && out[i].rel != READER_REL_EMPLOYER) {
            out[i].rel = READER_REL_WORKPLACE;
            snprintf(out[i].relation, sizeof out[i].relation, "%s",
                     reader_rel_name(READER_REL_WORKPLACE));
        }
    int listed = kin_listed(c, cn, act, out, max);
    if (listed >= 0) return listed;
    if (act == READER_FACT || act == READER_QUESTION || act == READER_YESNO)
        k = forms(c, cn, act, out, k, max);
    else if (act != READER_FORGET)
        return k;
    k = kin_units(c, cn, act, out, k, max);
    if (act == READER_FACT) k = count_told(c, cn, out, k, max);
    if (act == READER_FACT) k = pet_kind_named(c, cn, out, k, max);
    /* an age told as 8岁 or 三岁 the reader cut with words around it (朵朵三, 上二年级) */
    char num[16], only[UNDERSTAND_VALUE];
    for (int i = 0; act == READER_FACT && i < k; i++) {
        if (out[i].rel != READER_REL_AGE || !age_before_sui(c, cn, num, sizeof num)) continue;
        /* (a value that is the number alone stays) */
        if (age_before_sui(out[i].value, strlen(out[i].value), only, sizeof only) ||
            !strcmp(out[i].value, num))
            continue;
        int numeral = 1;
        for (const char *p = out[i].value; *p && numeral;)
            if (isdigit((unsigned char)*p)) p++;
            else if (strlen(p) >= 3 && strstr("一二两三四五六七八九十百", (char[4]){p[0], p[1], p[2], 0}))
                p += 3;
            else numeral = 0;
        if (!numeral) snprintf(out[i].value, sizeof out[i].value, "%s", num);
    }
    return k;
}

int forms_zh_goes_on(const char *msg, size_t at)
{
    if (at < 3 || memcmp(msg + at - 3, "，", 3) != 0) return 0;
    if (strncmp(msg + at, "在", 3) != 0 && strncmp(msg + at, "现在", 6) != 0) return 0;
    size_t s = at - 3;          /* the clause before: back to a comma or a sentence's end */
    static const char *const ends[] = {"，", "。", "！", "？", NULL};
    for (int stop = 0; s > 0 && !stop;) {
        for (int e = 0; ends[e] && !stop; e++) stop = s >= 3 && !memcmp(msg + s - 3, ends[e], 3);
        stop |= strchr(".!?,", msg[s - 1]) != NULL;
        if (!stop) s--;
    }
    while (msg[s] == ' ') s++;
    /* said by 我 itself: not 我的 X, not 我 and a kin word (我弟弟 is the brother's) */
    size_t which;
    if (strncmp(msg + s, "我", 3) != 0 || !strncmp(msg + s + 3, "的", 3)) return 0;
    return kin_at(msg + s + 3, at - 3 - s - 3, &which) != msg + s + 3;
}

int forms_zh_people_of(const char *c, size_t cn)
{
    return people_of(c, cn, NULL);
}
