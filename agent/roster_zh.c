/* roster_zh.c: a Chinese list of the user's people or animals with their ages
 * (roster.h's roster_zh_read): "家里俩狗，旺财5岁，豆豆才2岁", "俩孙辈：外孙阿杰今年十岁，外孙女
 * 小雨才四岁". An item is an optional kin or animal word, a name of two or three
 * ideographs (after 叫, and a word of size: 大的, 老二), the animal it is (是黑猫) maybe,
 * an optional comma, an optional word of time (今年, 才, 已经, 都, 刚, 快),
 * and an age of digits or Chinese numerals before 岁 (kept with it, "十岁", as Chinese
 * ages are kept). The group is the kin or animal word after a count before the first
 * item in its sentence (俩猫, 两只猫, 三个孩子); an item led by its own kin word is of
 * that kin (its group the kin's key). Pure: text in, spans out. */
#include "agent/roster.h"

#include <stdio.h>
#include <string.h>
#include "agent/clauses.h"
#include "agent/forms.h"
#include "agent/understand_words.h"

enum { ZH = 3 };                /* bytes of an ideograph in UTF-8 */

static const char *const numerals = "零一二两三四五六七八九十";

/* 1 when p[0, 3) is an ideograph (U+4E00 to U+9FFF). */
static int ideograph(const unsigned char *p)
{
    return p[0] >= 0xE4 && p[0] <= 0xE9 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

/* 1 when p[0, 3) is a Chinese numeral. */
static int numeral(const char *p)
{
    for (const char *n = numerals; *n; n += ZH)
        if (!strncmp(p, n, ZH)) return 1;
    return 0;
}

/* The end of an age at p (digits, or numerals) followed by 岁, or 0. */
static size_t age_end(const char *msg, size_t len, size_t p)
{
    size_t e = p;
    while (e < len && msg[e] >= '0' && msg[e] <= '9' && e - p < 3) e++;
    if (e == p)
        while (e + ZH <= len && numeral(msg + e) && e - p < 3 * ZH) e += ZH;
    if (e == p || e + ZH > len || strncmp(msg + e, "岁", ZH) != 0) return 0;
    return e + ZH;
}

/* Words of time between a name and its age. */
static const char *const times[] = {"今年", "已经", "才", "都", "刚", "快", "也", NULL};

/* Ideographs that start no name (words of time, of being, of having). */
static const char *const not_names[] = {"今", "已", "才", "都", "刚", "快", "也", "是", "有",
                                        "在", "和", "跟", "的", "了", "我", "他", "她", "它",
                                        "家", "们", "俩", "个", "只", "岁", NULL};

static int starts_name(const char *p)
{
    for (int i = 0; not_names[i]; i++)
        if (!strncmp(p, not_names[i], ZH)) return 0;
    return ideograph((const unsigned char *)p) && !numeral(p);
}

/* The item at msg[s], into *it; the index after it, or 0 when none begins there. */
static size_t item_at(const char *msg, size_t len, size_t s, roster_span_t *it)
{
    memset(it, 0, sizeof *it);
    it->start = s;
    static const char *const sizes[] = {"最大的", "最小的", "大的", "小的", "老大", "老二",
                                        "老三", "老小", NULL};
    size_t p = s, kl = 0;
    for (int z = 0; sizes[z] && !it->sized; z++)      /* "大的叫明明" */
        if (!strncmp(msg + p, sizes[z], strlen(sizes[z]))) {
            p += strlen(sizes[z]);
            it->sized = 1;
        }
    if (!it->sized && forms_zh_who_key(msg + p, len - p, &kl) && kl) {
        it->kin_b = p, it->kin_e = p + kl;
        p += kl;
    }
    if (!strncmp(msg + p, "叫", ZH)) p += ZH;
    for (size_t n = 2; n <= 3; n++) {   /* a name of two or three ideographs */
        size_t ne = p + n * ZH;
        if (ne > len) break;
        int name = starts_name(msg + p);
        for (size_t b = p + ZH; b < ne && name; b += ZH)
            name = ideograph((const unsigned char *)msg + b) && !numeral(msg + b) &&
                   strncmp(msg + b, "岁", ZH) != 0;
        if (!name) break;
        size_t a = ne, e = 0;
        /* "年糕是白猫才两岁": what it is said to be, one to three ideographs, before its age */
        int is = !strncmp(msg + a, "是", ZH);
        for (size_t w = 0; w <= (is ? 3u : 0u) && !e; w++) {
            size_t b = a + (is ? ZH : 0) + w * ZH;
            if (b > len || (is && w && !ideograph((const unsigned char *)msg + b - ZH))) break;
            if (is && w) it->kind_b = a + ZH, it->kind_e = b;
            if (!strncmp(msg + b, "，", ZH) || !strncmp(msg + b, "、", ZH)) b += ZH;
            else if (msg[b] == ',' || msg[b] == ' ') b++;
            for (int t = 0; times[t]; t++)
                if (!strncmp(msg + b, times[t], strlen(times[t]))) {
                    b += strlen(times[t]);
                    break;
                }
            e = age_end(msg, len, b);
            if (e) a = b;
        }
        if (!e) continue;
        it->name_b = p, it->name_e = ne;
        it->age_b = a, it->age_e = e;
        return e;
    }
    return 0;
}

/* The group a count and a kin or animal word before at (in its sentence, from sb) tell
 * (俩猫, 两只狗, 三个孩子, 两个孙辈), its holder key (plural) into group; 1 when one. */
static int group_before(const char *msg, size_t sb, size_t at, char *group, size_t cap)
{
    static const char *const counts[] = {"俩", "两只", "两个", "三只", "三个", "四个", "四只",
                                         "两条", "三条", "二", NULL};
    static const struct {
        const char *word, *key;
    } groups[] = {{"孙辈", "grandchildren"}, {"孙子孙女", "grandchildren"},
                  {"孩子", "children"},      {"娃", "children"},
                  {"小孩", "children"},      {"外孙", "grandchildren"}};
    for (size_t b = sb; b + ZH <= at; b += ZH) {
        size_t cl = 0;
        for (int c = 0; counts[c] && !cl; c++)
            if (!strncmp(msg + b, counts[c], strlen(counts[c]))) cl = strlen(counts[c]);
        if (!cl) continue;
        size_t w = b + cl;
        for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
            if (!strncmp(msg + w, groups[g].word, strlen(groups[g].word))) {
                snprintf(group, cap, "%s", groups[g].key);
                return 1;
            }
        size_t kl = 0;
        const char *key = forms_zh_who_key(msg + w, at - w, &kl);
        if (key && kl) {
            int n = snprintf(group, cap, "%ss", key);
            if (n > 0 && (size_t)n < cap && understand_group_said(group)) return 1;
        }
    }
    group[0] = '\0';
    return 0;
}

int roster_zh_read(const char *msg, roster_t *r)
{
    size_t len = strlen(msg);
    int k = 0;
    r->n = 0;
    r->group[0] = '\0';
    for (size_t s = 0; s + 2 * ZH <= len && k < ROSTER_MAX;) {
        if (!ideograph((const unsigned char *)msg + s)) {
            s++;
            continue;
        }
        size_t next = item_at(msg, len, s, &r->items[k]);
        if (!next) {
            s += ZH;
            continue;
        }
        k++;
        s = next;
    }
    if (k < 2) return 0;
    size_t sb, se;
    clauses_sentence(msg, r->items[0].start, 0, &sb, &se);
    int kin = 0;
    for (int i = 0; i < k; i++) kin += r->items[i].kin_b != r->items[i].kin_e;
    if (!group_before(msg, sb, r->items[0].start, r->group, sizeof r->group) && kin < k)
        return 0;
    r->n = k;
    return k;
}
