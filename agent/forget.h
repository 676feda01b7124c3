/* forget.h: what a forget request does once its turn is committed (respond.h plans it):
 * the memories of the facts it names go for good, with the turns and working-memory
 * copies that quoted their values; a memory that only quoted a value beside a fact of
 * its own ("I work at Tesco as a baker" when the job is forgotten) keeps that fact under
 * a text with the value blotted out. */
#ifndef MNEMO_AGENT_FORGET_H
#define MNEMO_AGENT_FORGET_H

#include <stddef.h>
#include "agent/agent_internal.h"
#include "agent/respond.h"

/* Carries out plan p's forgetting for user in conversation c: redacts the values from
 * the user's turns (a value the sentences of the user's messages that hold it, then any
 * turn that still does, whole) and from c's ring (every working memory restores itself
 * from the turns at its next turn), forgets the facts' memories and every memory that
 * holds a value as told (store_memory_forget: the text gone from the database files),
 * after writing each such memory that holds another fact again with the value redacted.
 * out->forgotten receives the ids gone (malloc'd) and out->written the copies written
 * (appended). AGENT_OK, AGENT_ENOMEM or the store's error with err. */
int forget_apply(agent_t *a, wm_conv_t *c, const char *user, const respond_t *p,
                 agent_turn_t *out, char *err, size_t errlen);

#endif
