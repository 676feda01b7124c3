/* plain.h: a message's shorthand written out before the agent reads it ("u" you, "r"
 * are, "w/" with, "n" and between words, "4yo" 4 years old, "dont" don't, 啥 什么, a space
 * between Chinese characters or an ASCII comma after one the Chinese comma, 是不是 ...？
 * ... 吗？), so that the reader and the forms see the words they know. Private to
 * agent/: turn.c's agent_chat writes every message through it before the turn reads,
 * keeps and remembers it; understand.c reads each word with plain_word. No allocation. */
#ifndef MNEMO_AGENT_PLAIN_H
#define MNEMO_AGENT_PLAIN_H

#include <stddef.h>

/* The words one word of shorthand stands for, any case ("u": "you", "w/": "with", "w":
 * "with"), or NULL: the one list of them (understand.c reads a clause's words with it). */
const char *plain_word(const char *w);
/* plain_word of w before the word next (may be NULL): NULL where next makes w mean
 * what it says ("GP" before "surgery" is no doctor). */
const char *plain_word_before(const char *w, const char *next);

/* The bytes a message of len bytes may take written out, with its NUL: the longest
 * writing out is "atm " (4 bytes) as "at the moment " (14), so four times and some. */
#define PLAIN_ROOM(len) (4 * (len) + 64)

/* What a place of study said without "student" is written as when it opens a clause
 * ("in year 9 at ...", "doing my 2nd year at ...": "I'm a student at ..."); its capitals
 * are the writer's, not the user's (respond.c reads how the user writes names). */
#define PLAIN_STUDENT "I'm a student "

/* msg (NUL-terminated UTF-8) with its shorthand written out into out (cap bytes with its
 * NUL): the length written, or -1 when it does not fit (out is then not a string; the
 * caller reads msg as it is). Anything but whole words of shorthand is copied as is. */
long plain_text(const char *msg, char *out, size_t cap);

#endif
