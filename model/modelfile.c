/* modelfile.c: the model file and checkpoints. Little-endian layout:
 *   "MNEMOMDL" | u32 version | u32 kind (0 model, 1 checkpoint) | u64 file size
 *   | u32 V, Hb, D, A, S, J, T, hops, tied | u32 ntensors, per tensor u8 name length,
 *   name, u64 floats | u32 vocabulary count (= V), per word u16 length, bytes
 *   | version 3: u32 phrase count, per phrase u8 kind, u8 length, bytes
 *   | checkpoint only: u32 epoch, u32 step, u64 rng, f32 lr, f32 best acc, u32 bad
 *   | u64 nparams | f32 params [nparams] | checkpoint only: f32 adam m, v [nparams]
 *   | version 4: u32 sections, per section 4-byte tag, u64 length, bytes (the reader)
 *   | u32 CRC-32 of every byte before it.
 * A file without sections is written as version 3.
 * Reading checks the header, the size, the checksum, then every field against the
 * bounds of modelfile_check.c and the size table the hyper-parameters give, so a bad
 * file is a message, not a crash. */
#include "model/bytes.h"
#include "model/modelfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HEADER_BYTES = 24, NHP = MODELFILE_NFIELDS };

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

uint32_t modelfile_crc32(uint32_t crc, const void *buf, size_t len)
{
    static uint32_t table[256];
    static int ready; /* benign: every thread computes the same table */
    if (!ready) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        ready = 1;
    }
    const unsigned char *p = buf;
    crc = ~crc;
    for (size_t i = 0; i < len; i++)
        crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

static int little_endian(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1;
}

/* ---- writing, into bytes.h's growing buffer --------------------------------------- */

static void put_u8(bytes_out_t *b, uint8_t x) { bytes_put(b, &x, 1); }
static void put_u16(bytes_out_t *b, uint16_t x) { bytes_put(b, &x, 2); }
static void put_f32(bytes_out_t *b, float x) { bytes_put(b, &x, 4); }

int modelfile_write(const char *path, const net_cfg_t *c, const vocab_t *v,
                    const modelfile_phrases_t *ph, const float *params,
                    const modelfile_state_t *st, char *err, size_t errlen)
{
    return modelfile_write_reader(path, c, v, ph, params, st, NULL, 0, err, errlen);
}

int modelfile_write_reader(const char *path, const net_cfg_t *c, const vocab_t *v,
                           const modelfile_phrases_t *ph, const float *params,
                           const modelfile_state_t *st, const void *reader, size_t rlen,
                           char *err, size_t errlen)
{
    if (!little_endian()) {
        set_err(err, errlen, "model files are little-endian; this host is not");
        return -1;
    }
    if (vocab_size(v) != c->V) {
        set_err(err, errlen, "vocabulary has %d words, the model %d", vocab_size(v), c->V);
        return -1;
    }
    if (modelfile_cfg_check(c, err, errlen) < 0)
        return -1;
    net_tensor_t t[NET_NTENSORS];
    size_t np = net_param_table(c, t);
    bytes_out_t b = {0};
    bytes_put(&b, MODELFILE_MAGIC, 8);
    bytes_put_u32(&b, reader ? MODELFILE_VERSION : MODELFILE_NOSECTIONS);
    bytes_put_u32(&b, st ? MODELFILE_CHECKPOINT : MODELFILE_MODEL);
    bytes_put_u64(&b, 0); /* file size, patched below */
    net_cfg_t cc = *c;
    for (int i = 0; i < NHP; i++)
        bytes_put_u32(&b, (uint32_t)*modelfile_field(&cc, i));
    bytes_put_u32(&b, NET_NTENSORS);
    for (int i = 0; i < NET_NTENSORS; i++) {
        size_t len = strlen(t[i].name);
        put_u8(&b, (uint8_t)len);
        bytes_put(&b, t[i].name, len);
        bytes_put_u64(&b, t[i].size);
    }
    bytes_put_u32(&b, (uint32_t)c->V);
    for (int i = 0; i < c->V; i++) {
        const char *w = vocab_word(v, i);
        size_t len = strlen(w);
        if (len > 65535)
            len = 65535;
        put_u16(&b, (uint16_t)len);
        bytes_put(&b, w, len);
    }
    bytes_put_u32(&b, ph ? (uint32_t)ph->n : 0);
    for (int i = 0; ph && i < ph->n; i++) {
        size_t len = strnlen(ph->p[i].text, MODELFILE_PHRASE_BYTES - 1);
        put_u8(&b, (uint8_t)ph->p[i].kind);
        put_u8(&b, (uint8_t)len);
        bytes_put(&b, ph->p[i].text, len);
    }
    if (st) {
        bytes_put_u32(&b, (uint32_t)st->epoch);
        bytes_put_u32(&b, (uint32_t)st->step);
        bytes_put_u64(&b, st->rng);
        put_f32(&b, st->lr);
        put_f32(&b, st->best_acc);
        bytes_put_u32(&b, (uint32_t)st->bad_epochs);
    }
    bytes_put_u64(&b, np);
    bytes_put(&b, params, np * sizeof(float)); /* the whole parameter buffer in one piece */
    if (st) {
        bytes_put(&b, st->adam_m, np * sizeof(float));
        bytes_put(&b, st->adam_v, np * sizeof(float));
    }
    if (reader) {
        bytes_put_u32(&b, 1);
        bytes_put(&b, MODELFILE_READER_TAG, 4);
        bytes_put_u64(&b, rlen);
        bytes_put(&b, reader, rlen);
    }
    bytes_put_u32(&b, 0); /* crc, patched */
    if (b.oom) {
        free(b.p);
        set_err(err, errlen, "out of memory writing %s", path);
        return -1;
    }
    uint64_t size = b.n;
    memcpy(b.p + 16, &size, 8);
    uint32_t crc = modelfile_crc32(0, b.p, b.n - 4);
    memcpy(b.p + b.n - 4, &crc, 4);

    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (!tmp) {
        free(b.p);
        set_err(err, errlen, "out of memory");
        return -1;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);
    int rc = 0;
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        set_err(err, errlen, "%s: %s", tmp, strerror(errno));
        rc = -1;
    } else {
        int bad = fwrite(b.p, 1, b.n, fp) != b.n;
        bad |= fflush(fp) != 0;
        bad |= fclose(fp) != 0;
        if (bad) {
            set_err(err, errlen, "%s: write failed (%s)", tmp, strerror(errno));
            remove(tmp);
            rc = -1;
        } else if (rename(tmp, path) != 0) {
            set_err(err, errlen, "rename %s -> %s: %s", tmp, path, strerror(errno));
            remove(tmp);
            rc = -1;
        }
    }
    free(tmp);
    free(b.p);
    return rc;
}

/* ---- reading: a bounds-checked cursor ------------------------------------------- */

/* The phrase table of a version-3 file at r, checked against v, into ph (NULL: read
 * and checked all the same). 0, or -1 with err. */
static int read_phrases(bytes_in_t *r, const vocab_t *v, modelfile_phrases_t *ph, char *err,
                        size_t errlen)
{
    modelfile_phrases_t tmp;
    if (!ph)
        ph = &tmp;
    ph->n = 0;
    uint32_t n = bytes_u32(r);
    if (!r->bad && n > MODELFILE_MAX_PHRASES) {
        set_err(err, errlen, "bad phrase table: %u phrases, at most %d", (unsigned)n,
                MODELFILE_MAX_PHRASES);
        return -1;
    }
    for (uint32_t i = 0; i < n && !r->bad; i++) {
        const unsigned char *kind = bytes_get(r, 1), *lp = bytes_get(r, 1);
        size_t l = lp ? *lp : 0;
        const char *text = bytes_get(r, l);
        if (r->bad)
            break;
        if (l >= MODELFILE_PHRASE_BYTES) {
            set_err(err, errlen, "bad phrase table: phrase %u has %zu bytes, at most %d",
                    (unsigned)i, l, MODELFILE_PHRASE_BYTES - 1);
            return -1;
        }
        char t[MODELFILE_PHRASE_BYTES], why[160];
        memcpy(t, text, l);
        t[l] = '\0';
        if (modelfile_phrases_add(ph, v, *kind, t, why, sizeof why) < 0) {
            set_err(err, errlen, "bad phrase table: phrase %u: %s", (unsigned)i, why);
            return -1;
        }
    }
    return 0;
}

/* A version-2 file's table: MODELFILE_V2_ACK when v holds its words, else nothing. */
static void v2_phrases(const vocab_t *v, modelfile_phrases_t *ph)
{
    ph->n = 0;
    if (modelfile_phrases_add(ph, v, MODEL_KIND_STATEMENT, MODELFILE_V2_ACK, NULL, 0) < 0)
        ph->n = 0;
}

int modelfile_parse(const unsigned char *buf, size_t len, net_cfg_t *c, vocab_t **vout,
                    modelfile_phrases_t *ph, float **params, modelfile_state_t *st,
                    char *err, size_t errlen)
{
    return modelfile_parse_reader(buf, len, c, vout, ph, params, st, NULL, NULL, err,
                                  errlen);
}

/* The sections of a version-4 file in r (up to its end): the reader's bytes into
 * *reader / *rlen (pointers into r's buffer; NULL / 0 when absent). 0, or -1 with err. */
static int read_sections(bytes_in_t *r, const unsigned char **reader, size_t *rlen, char *err,
                         size_t errlen)
{
    *reader = NULL;
    *rlen = 0;
    uint32_t n = bytes_u32(r);
    for (uint32_t i = 0; i < n && !r->bad; i++) {
        const char *tag = bytes_get(r, 4);
        uint64_t l = bytes_u64(r);
        if (r->bad || l > r->n - r->at) {
            set_err(err, errlen, "bad section table: section %u is cut", (unsigned)i);
            return -1;
        }
        const unsigned char *data = bytes_get(r, (size_t)l);
        if (memcmp(tag, MODELFILE_READER_TAG, 4) == 0) {
            if (*reader) {
                set_err(err, errlen, "bad section table: two reader sections");
                return -1;
            }
            *reader = data;
            *rlen = (size_t)l;
        }
    }
    if (r->bad || r->at != r->n) {
        set_err(err, errlen, "bad section table: %s",
                r->bad ? "truncated" : "bytes after the last section");
        return -1;
    }
    return 0;
}

int modelfile_parse_reader(const unsigned char *buf, size_t len, net_cfg_t *c,
                           vocab_t **vout, modelfile_phrases_t *ph, float **params,
                           modelfile_state_t *st, unsigned char **reader, size_t *rlen,
                           char *err, size_t errlen)
{
    *vout = NULL;
    *params = NULL;
    if (reader)
        *reader = NULL;
    if (rlen)
        *rlen = 0;
    if (len < HEADER_BYTES) {
        set_err(err, errlen, "truncated: %zu bytes, the header alone needs %d", len,
                HEADER_BYTES);
        return -1;
    }
    if (memcmp(buf, MODELFILE_MAGIC, 8) != 0) {
        set_err(err, errlen, "wrong magic: not a mnemo model file");
        return -1;
    }
    if (!little_endian()) {
        set_err(err, errlen, "model files are little-endian; this host is not");
        return -1;
    }
    bytes_in_t r = {buf, len, 8, 0};
    uint32_t version = bytes_u32(&r), kind = bytes_u32(&r);
    uint64_t size = bytes_u64(&r);
    if (version < MODELFILE_OLDEST || version > MODELFILE_VERSION) {
        set_err(err, errlen, "unsupported format version %u (this build reads %d..%d)",
                (unsigned)version, MODELFILE_OLDEST, MODELFILE_VERSION);
        return -1;
    }
    if (size > len) {
        set_err(err, errlen, "truncated: %zu of %llu bytes", len, (unsigned long long)size);
        return -1;
    }
    if (size < len) {
        set_err(err, errlen, "%zu bytes where the header says %llu: trailing data", len,
                (unsigned long long)size);
        return -1;
    }
    uint32_t stored, computed = modelfile_crc32(0, buf, len - 4);
    memcpy(&stored, buf + len - 4, 4);
    if (len < HEADER_BYTES + 4 || stored != computed) {
        set_err(err, errlen, "bad checksum (stored %08x, computed %08x): the file is corrupt",
                (unsigned)stored, (unsigned)computed);
        return -1;
    }
    if (kind != MODELFILE_MODEL && kind != MODELFILE_CHECKPOINT) {
        set_err(err, errlen, "unknown file kind %u", (unsigned)kind);
        return -1;
    }
    if (st && kind != MODELFILE_CHECKPOINT) {
        set_err(err, errlen, "a model file, not a checkpoint: it cannot be resumed");
        return -1;
    }
    r.n = len - 4; /* the checksum is not content */
    memset(c, 0, sizeof *c);
    for (int i = 0; i < NHP; i++) {
        uint32_t x = bytes_u32(&r);
        const modelfile_limit_t *l = &modelfile_limits[i];
        if (r.bad) {
            set_err(err, errlen, "truncated: the hyper-parameters are cut");
            return -1;
        }
        if (modelfile_limit_check(l, x, "", err, errlen) < 0)
            return -1;
        *modelfile_field(c, i) = (int)x;
    }
    net_tensor_t t[NET_NTENSORS];
    size_t np = net_param_table(c, t);
    uint32_t nt = bytes_u32(&r);
    if (nt != NET_NTENSORS) {
        set_err(err, errlen, "mismatched sizes: %u tensors, this build has %d", (unsigned)nt,
                NET_NTENSORS);
        return -1;
    }
    for (int i = 0; i < NET_NTENSORS; i++) {
        const unsigned char *nl = bytes_get(&r, 1);
        size_t l = nl ? *nl : 0;
        const char *name = bytes_get(&r, l);
        uint64_t sz = bytes_u64(&r);
        if (r.bad)
            break;
        if (l != strlen(t[i].name) || memcmp(name, t[i].name, l) != 0) {
            set_err(err, errlen, "mismatched sizes: tensor %d is '%.*s', expected '%s'", i,
                    (int)l, name, t[i].name);
            return -1;
        }
        if (sz != t[i].size) {
            set_err(err, errlen,
                    "mismatched sizes: tensor '%s' has %llu floats, the hyper-parameters "
                    "give %zu",
                    t[i].name, (unsigned long long)sz, t[i].size);
            return -1;
        }
    }
    uint32_t nv = bytes_u32(&r);
    if (!r.bad && nv != (uint32_t)c->V) {
        set_err(err, errlen, "mismatched sizes: %u vocabulary words, V is %d", (unsigned)nv,
                c->V);
        return -1;
    }
    vocab_t *v = vocab_new();
    if (!v) {
        set_err(err, errlen, "out of memory");
        return -1;
    }
    char word[65536];
    for (uint32_t i = 0; i < nv && !r.bad; i++) {
        const unsigned char *lp = bytes_get(&r, 2);
        uint16_t l = 0;
        if (lp)
            memcpy(&l, lp, 2);
        const char *w = bytes_get(&r, l);
        if (r.bad)
            break;
        memcpy(word, w, l);
        word[l] = 0;
        int id = i < 3 ? (int)i : vocab_add(v, word);
        if (i < 3 && strcmp(word, vocab_word(v, (int)i)) != 0)
            id = -2;
        if (id != (int)i) {
            set_err(err, errlen, "bad vocabulary: word %u '%s' is %s", (unsigned)i, word,
                    id == -2 ? "not the reserved one" : "a duplicate");
            vocab_free(v);
            return -1;
        }
    }
    if (!r.bad && version >= 3 && read_phrases(&r, v, ph, err, errlen) < 0) {
        vocab_free(v);
        return -1;
    }
    if (version < 3 && ph)
        v2_phrases(v, ph);
    modelfile_state_t s = {0};
    if (kind == MODELFILE_CHECKPOINT) {
        s.epoch = (int)bytes_u32(&r);
        s.step = (int)bytes_u32(&r);
        s.rng = bytes_u64(&r);
        s.lr = bytes_f32(&r);
        s.best_acc = bytes_f32(&r);
        s.bad_epochs = (int)bytes_u32(&r);
    }
    uint64_t npf = bytes_u64(&r);
    if (!r.bad && npf != np) {
        set_err(err, errlen, "mismatched sizes: %llu parameters, the hyper-parameters give %zu",
                (unsigned long long)npf, np);
        vocab_free(v);
        return -1;
    }
    size_t want = np * sizeof(float) * (kind == MODELFILE_CHECKPOINT ? 3 : 1);
    const unsigned char *sec = NULL;
    size_t seclen = 0;
    if (!r.bad && version >= 4 && r.n - r.at >= want) {
        bytes_in_t rs = {buf, r.n, r.at + want, 0};
        if (read_sections(&rs, &sec, &seclen, err, errlen) < 0) {
            vocab_free(v);
            return -1;
        }
        r.n = r.at + want; /* the parameters end where the sections begin */
    }
    if (r.bad || r.n - r.at != want) {
        set_err(err, errlen, "mismatched sizes: %zu bytes of tensors, %zu expected",
                r.bad ? 0 : r.n - r.at, want);
        vocab_free(v);
        return -1;
    }
    float *p = malloc(np * sizeof(float));
    unsigned char *rd = NULL;
    if (reader && sec && !(rd = malloc(seclen ? seclen : 1))) {
        free(p);
        p = NULL;
    }
    if (st) {
        s.adam_m = malloc(np * sizeof(float));
        s.adam_v = malloc(np * sizeof(float));
    }
    if (!p || (st && (!s.adam_m || !s.adam_v))) {
        free(p);
        free(s.adam_m);
        free(s.adam_v);
        vocab_free(v);
        set_err(err, errlen, "out of memory (%zu parameters)", np);
        return -1;
    }
    memcpy(p, bytes_get(&r, np * sizeof(float)), np * sizeof(float));
    if (rd) {
        memcpy(rd, sec, seclen);
        *reader = rd;
        *rlen = seclen;
    }
    if (st) {
        memcpy(s.adam_m, bytes_get(&r, np * sizeof(float)), np * sizeof(float));
        memcpy(s.adam_v, bytes_get(&r, np * sizeof(float)), np * sizeof(float));
        *st = s;
    }
    *vout = v;
    *params = p;
    return 0;
}

int modelfile_read(const char *path, net_cfg_t *c, vocab_t **v, modelfile_phrases_t *ph,
                   float **params, modelfile_state_t *st, char *err, size_t errlen)
{
    return modelfile_read_reader(path, c, v, ph, params, st, NULL, NULL, err, errlen);
}

int modelfile_read_reader(const char *path, net_cfg_t *c, vocab_t **v,
                          modelfile_phrases_t *ph, float **params, modelfile_state_t *st,
                          unsigned char **reader, size_t *rlen, char *err, size_t errlen)
{
    *v = NULL;
    if (reader)
        *reader = NULL;
    *params = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    unsigned char *buf = NULL;
    long len = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        len = ftell(f);
    if (len < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        set_err(err, errlen, "%s: cannot size the file", path);
        return -1;
    }
    buf = malloc(len ? (size_t)len : 1);
    if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
        set_err(err, errlen, "%s: %s", path, buf ? "read error" : "out of memory");
        fclose(f);
        free(buf);
        return -1;
    }
    fclose(f);
    char why[256];
    int rc = modelfile_parse_reader(buf, (size_t)len, c, v, ph, params, st, reader, rlen,
                                    why, sizeof why);
    if (rc < 0)
        set_err(err, errlen, "%s: %s", path, why);
    free(buf);
    return rc;
}
