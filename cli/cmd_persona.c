/* cmd_persona.c: `mnemo persona`: writes generated personal-fact conversations
 * (model/persona.h) in the bAbI format, to read, to train on (`mnemo train --data`) or,
 * from the held-out pool, to test on. Needs no server. */
#include "cli/cli.h"
#include "model/persona.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum { O_STORIES, O_SEED, O_HELDOUT, O_OUT };

static const cli_opt_t persona_opts[] = {
    [O_STORIES] = {"stories", 'n', "N", "stories to write (default 1000)"},
    [O_SEED] = {"seed", 0, "S", "random seed (default 1)"},
    [O_HELDOUT] = {"heldout", 0, NULL, "use the held-out value pool (names, places, jobs...)"},
    [O_OUT] = {"out", 'o', "FILE", "write to FILE (default stdout)"},
    {0},
};

/* Option i as an integer in lo..hi (def when absent). 0, or -1 with the reason printed. */
static int opt_long(const cli_args_t *a, int i, long lo, long hi, long def, long *out)
{
    *out = def;
    if (!a->val[i])
        return 0;
    if (cli_parse_long(persona_opts[i].name, a->val[i], out) < 0)
        return -1;
    if (*out < lo || *out > hi) {
        cli_usage_error("persona", "--%s must be in %ld..%ld", persona_opts[i].name, lo, hi);
        return -1;
    }
    return 0;
}

/* Writes stories 0..n of (seed, pool) to f. 0, or -1 (memory or a write error). */
static int write_stories(FILE *f, long n, unsigned long seed, int pool)
{
    for (long i = 0; i < n; i++) {
        persona_story_t s;
        if (persona_story_make(&s, seed, (int)i, pool) < 0)
            return -1;
        int rc = persona_render(&s, f);
        persona_story_free(&s);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int run_persona(cli_ctx_t *ctx, const cli_args_t *a)
{
    (void)ctx;
    long n, seed;
    if (opt_long(a, O_STORIES, 0, 10000000, 1000, &n) < 0 ||
        opt_long(a, O_SEED, 0, 2147483647, 1, &seed) < 0)
        return CLI_EXIT_USAGE;
    const char *path = a->val[O_OUT];
    FILE *f = path ? fopen(path, "w") : stdout;
    if (!f) {
        fprintf(stderr, "mnemo: %s: %s\n", path, strerror(errno));
        return CLI_EXIT_SERVER;
    }
    int pool = a->val[O_HELDOUT] ? PERSONA_HELDOUT : PERSONA_TRAIN;
    int rc = write_stories(f, n, (unsigned long)seed, pool);
    if (fflush(f) != 0 || ferror(f))
        rc = -1;
    if (f != stdout && fclose(f) != 0)
        rc = -1;
    if (rc < 0) {
        fprintf(stderr, "mnemo: persona: cannot write %s\n", path ? path : "to stdout");
        return CLI_EXIT_SERVER;
    }
    return CLI_EXIT_OK;
}

const cli_cmd_t cli_cmd_persona = {
    "persona", "", "write generated personal-fact conversations in the bAbI format",
    persona_opts, 0, 0, run_persona,
};
