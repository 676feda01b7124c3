/* quote_zh.h: a Chinese question compared with the user's sentences by characters
 * (quote_zh.c), for quote_told (quote.h). Chinese is written without spaces, so a
 * question's words are its content characters: every ideograph but those any question
 * or sentence uses (我, 的, 是, 什么, 几 ...), and but those of whom it names (a kin or
 * animal word the Chinese forms know, 女朋友, 猫, or a name the user gave, 阿强), which
 * a sentence must name too. Pure functions over the given strings and the caller's struct. */
#ifndef MNEMO_AGENT_QUOTE_ZH_H
#define MNEMO_AGENT_QUOTE_ZH_H

#include <stddef.h>

enum { QUOTE_ZH_CHARS = 32, QUOTE_ZH_WHO = 4, QUOTE_ZH_WHO_LEN = 64 };

/* A Chinese question as a sentence is scored against it. */
typedef struct quote_zh {
    char ch[QUOTE_ZH_CHARS][4];                 /* content characters, each once */
    int nch;
    char who[QUOTE_ZH_WHO][QUOTE_ZH_WHO_LEN];   /* whom it names, each once */
    int nwho;
} quote_zh_t;

/* q for the question text[0, len), with names the names of the user's people
 * (NULL-terminated, may be NULL). */
void quote_zh_asked(quote_zh_t *q, const char *text, size_t len, const char *const *names);

/* How many of q's content characters text[0, len) holds. */
int quote_zh_held(const quote_zh_t *q, const char *text, size_t len);

/* How many of q's content characters the sentence text[0, len) holds; 0 when it names
 * not everyone q names (by their word or another of its kind: 柯基 for 狗), or asks (forms_zh_asks), or holds only one of them when q has
 * two or more and names no one, or three or more. */
int quote_zh_score(const quote_zh_t *q, const char *text, size_t len);

/* Keeps of q's content characters those that none of values[0..nv) holds and that do
 * not only say what kind of value is asked (叫, 名字, 工作, 住, 岁 ...); returns how
 * many. */
int quote_zh_open(quote_zh_t *q, const char *const *values, int nv);

/* 1 when the Chinese sentence text[0, len) denies what q asks: 不, 没, 别, 非 or 无 in
 * the two characters before the first of q's it holds (不在北京, 没有猫; not 我睡不好，
 * 得了偏头痛). */
int quote_zh_denies(const quote_zh_t *q, const char *text, size_t len);

/* 1 when the request to forget req[0, rlen) hides the sentence text[0, len): it holds
 * the request's content characters (two, or its one). */
int quote_zh_hides(const char *req, size_t rlen, const char *text, size_t len);

#endif
