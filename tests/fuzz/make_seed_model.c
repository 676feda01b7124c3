/* make_seed_model.c: writes the seed inputs of the modelfile fuzzer: the smallest model
 * file the bounds allow, with its acknowledgement phrase and a reader section (version
 * 4), and the same without the reader (version 3). All parameters are zero: the loader
 * checks shapes, not values. Run once; its output is checked in under
 * tests/fuzz/corpus/modelfile/. Usage: make_seed_model DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/layers.h"
#include "model/model.h"
#include "model/modelfile.h"
#include "model/reader_internal.h"

static char path[4096];

int main(int argc, char **argv)
{
    char err[256];
    net_cfg_t c = {.V = 5, .Hb = 1, .D = 4, .A = 1, .S = 1, .J = 1, .T = 2, .hops = 1};
    reader_cfg_t rc = {.V = 4, .Nb = 1, .E = 2, .H = 2};
    modelfile_phrases_t ph = {0};
    vocab_t *v = vocab_new(), *rv = vocab_new();
    if (argc != 2 || !v || !rv) return 2;
    vocab_add(v, "got");
    vocab_add(v, "it");
    vocab_add(rv, "dog");
    if (modelfile_phrases_add(&ph, v, MODEL_KIND_STATEMENT, "got it", err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    float *params = calloc(net_nparams(&c), sizeof(float));
    float *rbuf = calloc(reader_nparams(&rc), sizeof(float));
    reader_t *r = reader_wrap(&rc, rv, rbuf);
    size_t rlen = 0;
    unsigned char *rbytes = r ? reader_serialize(r, &rlen) : NULL;
    if (!params || !rbytes) return 1;
    snprintf(path, sizeof path, "%s/tiny-v4-reader.mnemo", argv[1]);
    if (modelfile_write_reader(path, &c, v, &ph, params, NULL, rbytes, rlen, err,
                               sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    snprintf(path, sizeof path, "%s/tiny-v3.mnemo", argv[1]);
    if (modelfile_write(path, &c, v, &ph, params, NULL, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    free(rbytes);
    reader_free(r);
    vocab_free(v);
    free(params);
    return 0;
}
