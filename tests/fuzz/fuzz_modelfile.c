/* fuzz_modelfile.c: libFuzzer harness for the model file loader (model/modelfile.c and
 * the reader's section, model/reader.c), taken the way model_load takes a file: the
 * frame, the reader section, the phrase table, the parameters carved. A corrupted file
 * must give an error message, never a crash. Each input is tried twice: as it is (the
 * header, size and checksum checks) and with its size field and CRC-32 made right, so
 * the fuzzer's mutations reach the fields behind the checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/layers.h"
#include "model/modelfile.h"
#include "model/reader_internal.h"
#include "fuzz.h"

/* What model_load does with a buffer (model/infer.c), plus the checkpoint state. */
static void load(const unsigned char *buf, size_t len, int checkpoint)
{
    net_cfg_t c;
    vocab_t *v = NULL;
    modelfile_phrases_t ph;
    modelfile_state_t st = {0};
    float *params = NULL;
    unsigned char *rd = NULL;
    size_t rdlen = 0;
    char err[256] = "";
    if (modelfile_parse_reader(buf, len, &c, &v, &ph, &params, checkpoint ? &st : NULL, &rd,
                               &rdlen, err, sizeof err) < 0) {
        CHECK(err[0] && !v && !params && !rd);
        return;
    }
    CHECK(v && params && modelfile_cfg_check(&c, err, sizeof err) == 0);
    CHECK(vocab_size(v) == c.V);
    if (rd) {
        reader_t *r = reader_parse(rd, rdlen, err, sizeof err);
        if (r) reader_free(r);
        else CHECK(err[0]);
    }
    if (modelfile_phrases_ack(&ph) >= 0) {
        for (int i = 0; i < ph.n; i++) {
            int ids[MODELFILE_PHRASE_WORDS];
            int n = modelfile_phrase_ids(v, ph.p[i].text, ids, MODELFILE_PHRASE_WORDS, err,
                                         sizeof err);
            CHECK(n >= 1); /* the reader checked the table */
            for (int k = 0; k < n; k++) CHECK(ids[k] >= 0 && ids[k] < c.V);
        }
    }
    net_params_t p;
    net_carve(&p, params, &c);
    free(rd);
    free(st.adam_m);
    free(st.adam_v);
    free(params);
    vocab_free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load(data, size, 0);
    load(data, size, 1);
    if (size < 28) return 0;
    unsigned char *fixed = malloc(size);
    if (!fixed) return 0;
    memcpy(fixed, data, size);
    uint64_t n = size;
    memcpy(fixed + 16, &n, 8);
    uint32_t crc = modelfile_crc32(0, fixed, size - 4);
    memcpy(fixed + size - 4, &crc, 4);
    load(fixed, size, 0);
    load(fixed, size, 1);
    free(fixed);
    return 0;
}
