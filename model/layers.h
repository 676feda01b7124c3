/* layers.h: the layers of mnemo's memory model, each a forward/backward pair over cblas,
 * with a naive loop reference (`*_ref`) beside the optimized kernels for the tests.
 *
 * Layout. Everything is float32, row-major, batch first: B examples, S memory slots,
 * J words per slot, D hidden size, T decoder steps, V output vocabulary, R = V + Hb
 * embedding rows (Hb hashed buckets for unknown words; row 0 is the pad row, id 0 = pad).
 * Shapes are written [B,S,D] etc. in the comment of every kernel. Masks are float 0/1.
 *
 * Conventions (llm.c). forward(out, cache, in, params, dims) fills out and whatever
 * backward needs in cache; backward(din, dparams, dout, in, cache, params, dims) ADDS
 * into din and dparams, so a step zeroes all gradients with one memset. Parameters live
 * in one contiguous buffer carved into named pointers by a size table (net_param_table);
 * gradients and the two Adam moments are buffers of the same size carved the same way,
 * so saving the model is one write and Adam runs over one flat array.
 *
 * Parameter size table (layers_net.c, net_param_table, in this order; D hidden, A gate
 * hidden, P = 1 or hops):
 *   emb      [R, D]        word embeddings, shared by encoder, decoder input and copy keys
 *   time     [S, D]        temporal-order embedding, indexed by slot age (0 = newest)
 *   fus_fwd  GRU(D,D)      input fusion, forward in time     (gru_nparams(D,D))
 *   fus_bwd  GRU(D,D)      input fusion, backward in time
 *   epi      P x gate (w1 [4D,A], b1 [A], w2 [A]); wm [P,3D,D]; bm [P,D]
 *   dec      wi [2D,D], bi [D], GRU(D,D), wq [D,D], wv [D,V], bv [V], wg [2D], bg [1],
 *            pk [J,D] (copy-key position)
 *
 * A batch, forward: story ids [B,S,J] and question ids [B,J] -> PE sentence vectors
 * F0 [B,S,D] + time[age] and q [B,D] -> residual bidirectional fusion F = F0 + Ff + Fb [B,S,D]
 * -> episodic memory m [B,D] (H hops of gate attention, weighted-sum read, tanh update)
 * -> decoder (teacher forced; copy pointer through the last hop attention) mixed
 * distribution P [B,T,R] -> cross-entropy.
 * Backward runs the same chain in reverse, each layer adding into the shared gradient
 * buffer (the embedding gradient collects from the encoder, decoder inputs and copy keys).
 * Activations, caches and scratch for batches of up to Bmax examples are one float
 * buffer in a net_work_t (one per worker thread; parameters are shared read-only).
 * A training step: memset(grads, 0); net_forward; net_backward; adam_update over the
 * whole flat buffer. Initialization, data, the trainer and the model file are not here.
 */
#ifndef MNEMO_MODEL_LAYERS_H
#define MNEMO_MODEL_LAYERS_H

#include <stddef.h>

/* Special ids every vocabulary reserves. */
enum { LAYERS_PAD = 0, LAYERS_EOS = 1, LAYERS_GO = 2 };

/* ---- embed.c: embeddings with hashed buckets, position-encoded sentences ---------- */

/* The row of an unknown word: V + (FNV-1a of the bytes) % Hb. Requires Hb > 0. */
int emb_bucket(const char *word, size_t len, int V, int Hb);

/* ids [N] -> out [N,D] = table[ids]; id 0 (pad) reads zeros. table [R,D]. */
void emb_forward(float *out, const int *ids, const float *table, int N, int D);
void emb_forward_ref(float *out, const int *ids, const float *table, int N, int D);
/* out [N,D] += table[ids] (the temporal features are added this way; id 0 is a row). */
void emb_add_forward(float *out, const int *ids, const float *table, int N, int D);
/* dtable [R,D] += scatter of dout [N,D]; skip_pad: id 0 receives nothing. */
void emb_backward(float *dtable, const float *dout, const int *ids, int N, int D, int skip_pad);
void emb_backward_ref(float *dtable, const float *dout, const int *ids, int N, int D,
                      int skip_pad);

/* MemN2N position encoding. x [N,J] word ids (0 = pad, skipped; the n words that are
 * not pad are numbered j = 1..n in order) -> out [N,D],
 * out[k] = sum_j l_kj table[x_j][k], l_kj = (1 - j/n) - (k/D)(1 - 2j/n), k = 1..D. */
void pe_forward(float *out, const int *x, const float *table, int N, int J, int D);
void pe_forward_ref(float *out, const int *x, const float *table, int N, int J, int D);
void pe_backward(float *dtable, const float *dout, const int *x, int N, int J, int D);
void pe_backward_ref(float *dtable, const float *dout, const int *x, int N, int J, int D);

/* ---- gru.c: GRU cell and sequence ------------------------------------------------ */

/* r = sig(x Wr + h Ur + br), z = sig(x Wz + h Uz + bz),
 * n = tanh(x Wn + bn + r * (h Un)), h' = (1 - z) * n + z * h.
 * Column blocks of wx, uh, b are [r | z | n]. */
typedef struct gru_params {
    float *wx; /* [In, 3H] */
    float *uh; /* [H, 3H] */
    float *b;  /* [3H] */
} gru_params_t;

size_t gru_nparams(int In, int H);
/* Points p into buf; returns buf + gru_nparams(In, H). */
float *gru_carve(gru_params_t *p, float *buf, int In, int H);

/* One step. x [B,In], hprev [B,H] -> h [B,H]; cache [B,4H] = r, z, n, hn (= hprev Un).
 * scratch: gru_cell_scratch floats. */
size_t gru_cell_scratch(int B, int H);
void gru_cell_forward(float *h, float *cache, const float *x, const float *hprev,
                      const gru_params_t *p, int B, int In, int H, float *scratch);
void gru_cell_forward_ref(float *h, float *cache, const float *x, const float *hprev,
                          const gru_params_t *p, int B, int In, int H);
/* dx [B,In] (or NULL), dhprev [B,H] (or NULL) and dp are added to. */
void gru_cell_backward(float *dx, float *dhprev, gru_params_t *dp, const float *dh,
                       const float *x, const float *hprev, const float *cache,
                       const gru_params_t *p, int B, int In, int H, float *scratch);
void gru_cell_backward_ref(float *dx, float *dhprev, gru_params_t *dp, const float *dh,
                           const float *x, const float *hprev, const float *cache,
                           const gru_params_t *p, int B, int In, int H);

/* A sequence. x [B,T,In] -> hs [B,T,H]; h0 [B,H] or NULL (zeros); mask [B,T] or NULL
 * (all valid): a masked step carries h through unchanged and ignores its input.
 * reverse runs t = T-1 .. 0 (hs stays indexed by t). cache [B,T,4H].
 * scratch: gru_seq_scratch floats (forward and backward). */
size_t gru_seq_scratch(int B, int T, int H);
void gru_seq_forward(float *hs, float *cache, const float *x, const float *h0,
                     const float *mask, const gru_params_t *p, int B, int T, int In, int H,
                     int reverse, float *scratch);
void gru_seq_forward_ref(float *hs, float *cache, const float *x, const float *h0,
                         const float *mask, const gru_params_t *p, int B, int T, int In,
                         int H, int reverse);
/* dhs [B,T,H] -> dx [B,T,In] (or NULL), dh0 [B,H] (or NULL), dp; all added to. */
void gru_seq_backward(float *dx, float *dh0, gru_params_t *dp, const float *dhs,
                      const float *x, const float *h0, const float *mask, const float *hs,
                      const float *cache, const gru_params_t *p, int B, int T, int In,
                      int H, int reverse, float *scratch);
void gru_seq_backward_ref(float *dx, float *dh0, gru_params_t *dp, const float *dhs,
                          const float *x, const float *h0, const float *mask,
                          const float *hs, const float *cache, const gru_params_t *p,
                          int B, int T, int In, int H, int reverse);

/* ---- attn.c: scaled dot-product attention, the DMN+ gate, weighted-sum read ------ */

/* Softmaxes over slots skip masked entries (probability 0); a fully masked row gives
 * all zeros, so an empty memory reads a zero context. */

/* Scaled dot-product attention, Tq queries per example over S keys.
 * q [B,Tq,D], k [B,S,D], v [B,S,Dv], mask [B,S] (or NULL) ->
 * a [B,Tq,S] = softmax(q k^T / sqrt(D)), out [B,Tq,Dv] = a v. */
void attn_dot_forward(float *out, float *a, const float *q, const float *k, const float *v,
                      const float *mask, int B, int Tq, int S, int D, int Dv);
void attn_dot_forward_ref(float *out, float *a, const float *q, const float *k,
                          const float *v, const float *mask, int B, int Tq, int S, int D,
                          int Dv);
/* dout [B,Tq,Dv] and/or da [B,Tq,S] (either NULL) -> dq, dk, dv (each may be NULL; dk and
 * dv may alias when k == v). scratch: attn_dot_scratch floats. */
size_t attn_dot_scratch(int Tq, int S);
void attn_dot_backward(float *dq, float *dk, float *dv, const float *dout, const float *da,
                       const float *a, const float *q, const float *k, const float *v,
                       int B, int Tq, int S, int D, int Dv, float *scratch);
void attn_dot_backward_ref(float *dq, float *dk, float *dv, const float *dout,
                           const float *da, const float *a, const float *q, const float *k,
                           const float *v, int B, int Tq, int S, int D, int Dv);

/* Pointer attention over the tokens of S slots of J tokens (L = S J): q [B,Tq,D],
 * token keys k [B,L,D], kmask [B,L], slot weights g [B,S] ->
 * w [B,Tq,L] = softmax of q k^T / sqrt(D) over the unmasked tokens of each slot (a slot
 * without tokens: 0), a [B,Tq,L] = g_slot(l) w, out [B,Tq,D] = a k. With g a distribution
 * over slots, a is one over tokens: the decoder's copy pointer through the memory. */
void attn_ptr_forward(float *out, float *a, float *w, const float *q, const float *k,
                      const float *kmask, const float *g, int B, int Tq, int S, int J, int D);
void attn_ptr_forward_ref(float *out, float *a, float *w, const float *q, const float *k,
                          const float *kmask, const float *g, int B, int Tq, int S, int J,
                          int D);
/* dout [B,Tq,D] and/or da [B,Tq,L] (either NULL) -> dq, dk, dg (each may be NULL, +=).
 * scratch: attn_ptr_scratch floats. The reference needs J <= 64. */
size_t attn_ptr_scratch(int Tq, int S, int J);
void attn_ptr_backward(float *dq, float *dk, float *dg, const float *dout, const float *da,
                       const float *a, const float *w, const float *q, const float *k,
                       const float *g, int B, int Tq, int S, int J, int D, float *scratch);
void attn_ptr_backward_ref(float *dq, float *dk, float *dg, const float *dout,
                           const float *da, const float *a, const float *w, const float *q,
                           const float *k, const float *g, int B, int Tq, int S, int J, int D);

/* DMN+ gate: z = [f*q, f*m, |f-q|, |f-m|] [B,S,4D] -> h1 = tanh(z w1 + b1) [B,S,A]
 * -> e = h1 w2 [B,S] -> g = masked softmax over slots [B,S]. */
typedef struct attn_gate_params {
    float *w1; /* [4D, A] */
    float *b1; /* [A] */
    float *w2; /* [A] */
} attn_gate_params_t;

size_t attn_gate_nparams(int D, int A);
float *attn_gate_carve(attn_gate_params_t *p, float *buf, int D, int A);
/* cache: attn_gate_cache floats per call (z and h1). */
size_t attn_gate_cache(int B, int S, int D, int A);
void attn_gate_forward(float *g, float *cache, const float *f, const float *q,
                       const float *m, const float *mask, const attn_gate_params_t *p,
                       int B, int S, int D, int A);
void attn_gate_forward_ref(float *g, float *cache, const float *f, const float *q,
                           const float *m, const float *mask, const attn_gate_params_t *p,
                           int B, int S, int D, int A);
/* dg [B,S] -> df [B,S,D], dq [B,D], dm [B,D] (each may be NULL), dp. scratch:
 * attn_gate_scratch floats. */
size_t attn_gate_scratch(int B, int S, int D, int A);
void attn_gate_backward(float *df, float *dq, float *dm, attn_gate_params_t *dp,
                        const float *dg, const float *g, const float *cache, const float *f,
                        const float *q, const float *m, const attn_gate_params_t *p, int B,
                        int S, int D, int A, float *scratch);
void attn_gate_backward_ref(float *df, float *dq, float *dm, attn_gate_params_t *dp,
                            const float *dg, const float *g, const float *cache,
                            const float *f, const float *q, const float *m,
                            const attn_gate_params_t *p, int B, int S, int D, int A);

/* Weighted-sum read: g [B,S], f [B,S,D] -> c [B,D] = sum_s g_s f_s. */
void attn_wsum_forward(float *c, const float *g, const float *f, int B, int S, int D);
void attn_wsum_forward_ref(float *c, const float *g, const float *f, int B, int S, int D);
void attn_wsum_backward(float *dg, float *df, const float *dc, const float *g,
                        const float *f, int B, int S, int D);
void attn_wsum_backward_ref(float *dg, float *df, const float *dc, const float *g,
                            const float *f, int B, int S, int D);

/* ---- episodic.c: multi-hop episodic memory --------------------------------------- */

/* m_0 = q; hop h: g = gate_h(f, q, m), c = sum g f, m = tanh([m; c; q] wm_h + bm_h).
 * tied: one (gate, wm, bm) shared by all hops, else one per hop (hops <= EPI_MAX_HOPS). */
enum { EPI_MAX_HOPS = 10 };
typedef struct epi_dims { int D, A, hops, tied; } epi_dims_t;
typedef struct epi_params {
    attn_gate_params_t gate[EPI_MAX_HOPS]; /* [P] one gate per hop, P = tied ? 1 : hops */
    float *wm;                             /* [P, 3D, D] */
    float *bm;                             /* [P, D] */
} epi_params_t;

size_t epi_nparams(const epi_dims_t *dm);
float *epi_carve(epi_params_t *p, float *buf, const epi_dims_t *dm);
size_t epi_cache(int B, int S, const epi_dims_t *dm);
size_t epi_scratch(int B, int S, const epi_dims_t *dm);
/* f [B,S,D], q [B,D], mask [B,S] -> m [B,D]. */
void epi_forward(float *m, float *cache, const float *f, const float *q, const float *mask,
                 const epi_params_t *p, const epi_dims_t *dm, int B, int S);
/* The gate attention [B,S] of hop h (0-based) from a filled cache. */
const float *epi_attention(const float *cache, int hop, int B, int S, const epi_dims_t *dm);
/* dmout [B,D] and dglast [B,S] (the gradient of the last hop's attention, or NULL) ->
 * df [B,S,D], dq [B,D] (either NULL), dp. */
void epi_backward(float *df, float *dq, epi_params_t *dp, const float *dmout,
                  const float *dglast, const float *cache, const float *f, const float *q,
                  const epi_params_t *p, const epi_dims_t *dm, int B, int S, float *scratch);
/* The reference composes the *_ref kernels with the same cache layout. */
void epi_forward_ref(float *m, float *cache, const float *f, const float *q,
                     const float *mask, const epi_params_t *p, const epi_dims_t *dm, int B,
                     int S);
void epi_backward_ref(float *df, float *dq, epi_params_t *dp, const float *dmout,
                      const float *dglast, const float *cache, const float *f,
                      const float *q, const epi_params_t *p, const epi_dims_t *dm, int B,
                      int S);

/* ---- decoder.c: GRU answer decoder mixing a vocabulary softmax with copying ------ */

/* h0 = tanh([m; q] wi + bi); x_t = emb[yin_t]; h_t = GRU(x_t, h_{t-1});
 * vocabulary p_v = softmax(h_t wv + bv) over V; copy pointer a_t [L] = attn_ptr of
 * h_t wq over the keys emb[tok] + pk[position in the slot] of the slot tokens tok [B,L]
 * (L = S J; 0 = pad, masked)
 * weighted by the slot attention sg [B,S] (the memory's last hop), copy context c_t;
 * gate g_t = sig([h_t; c_t] wg + bg);
 * P_t[w] = g_t p_v[w] (w < V) + (1 - g_t) sum_{l : tok_l = w} a_t[l], w in [0, R). */
typedef struct dec_dims { int D, V, R, T, L, J; } dec_dims_t;
typedef struct dec_params {
    float *wi;         /* [2D, D] */
    float *bi;         /* [D] */
    gru_params_t gru;  /* In = D, H = D */
    float *wq;         /* [D, D] copy query projection */
    float *wv;         /* [D, V] */
    float *bv;         /* [V] */
    float *wg;         /* [2D] */
    float *bg;         /* [1] */
    float *pk;         /* [J, D] position of a token in its slot, added to its copy key */
} dec_params_t;

size_t dec_nparams(const dec_dims_t *dd);
float *dec_carve(dec_params_t *p, float *buf, const dec_dims_t *dd);
size_t dec_cache(int B, const dec_dims_t *dd);
size_t dec_scratch(int B, const dec_dims_t *dd);
/* Teacher forcing. m [B,D], q [B,D], yin [B,T] input ids (GO then the previous target),
 * tok [B,L], sg [B,S], emb [R,D] -> P [B,T,R]. */
void dec_forward(float *P, float *cache, const float *m, const float *q, const int *yin,
                 const int *tok, const float *sg, const float *emb, const dec_params_t *p,
                 const dec_dims_t *dd, int B, float *scratch);
void dec_forward_ref(float *P, float *cache, const float *m, const float *q,
                     const int *yin, const int *tok, const float *sg, const float *emb,
                     const dec_params_t *p, const dec_dims_t *dd, int B);
/* dP [B,T,R] -> dm, dq [B,D], dsg [B,S] (each may be NULL), demb [R,D], dp. */
void dec_backward(float *dm, float *dq, float *dsg, float *demb, dec_params_t *dp,
                  const float *dP, const float *cache, const float *m, const float *q,
                  const int *yin, const int *tok, const float *sg, const float *emb,
                  const dec_params_t *p, const dec_dims_t *dd, int B, float *scratch);
void dec_backward_ref(float *dm, float *dq, float *dsg, float *demb, dec_params_t *dp,
                      const float *dP, const float *cache, const float *m, const float *q,
                      const int *yin, const int *tok, const float *sg, const float *emb,
                      const dec_params_t *p, const dec_dims_t *dd, int B);
/* Greedy decoding: out [B,T] ids (LAYERS_EOS ends an answer; positions after it are
 * LAYERS_PAD). Returns the number of steps run. scratch: dec_scratch floats. */
int dec_greedy(int *out, const float *m, const float *q, const int *tok, const float *sg,
               const float *emb, const dec_params_t *p, const dec_dims_t *dd, int B,
               float *scratch);

/* ---- loss.c: cross-entropy on a distribution ------------------------------------- */

/* P [N,K] probabilities, targets [N] (-1 = ignored) -> mean of -log P[n, target],
 * accumulated in double; *count gets the number of targets (may be NULL). */
double xent_forward(const float *P, const int *targets, int N, int K, int *count);
/* dP [N,K] += dloss * d(mean)/dP: only the target entries change. */
void xent_backward(float *dP, const float *P, const int *targets, int N, int K,
                   float dloss);

/* ---- adam.c: Adam with global-norm clipping over one flat buffer ------------------ */

typedef struct adam_cfg {
    float lr, beta1, beta2, eps, weight_decay; /* decoupled (AdamW) decay when > 0 */
    float clip;                                 /* max global L2 norm; <= 0: no clip */
} adam_cfg_t;

/* The L2 norm of g [n], accumulated in double. */
double adam_grad_norm(const float *g, size_t n);
/* Scales g so that its norm is at most max_norm; returns the norm before. */
double adam_clip(float *g, size_t n, float max_norm);
/* One step t (1-based) on params [n] with grads [n] and moments m, v [n]; clips grads in
 * place first when cfg->clip > 0. Returns the pre-clip gradient norm. */
double adam_update(float *params, float *grads, float *m, float *v, size_t n,
                   const adam_cfg_t *cfg, int t);
double adam_update_ref(float *params, float *grads, float *m, float *v, size_t n,
                       const adam_cfg_t *cfg, int t);

/* ---- layers_net.c: the whole model over a batch --------------------------------- */

typedef struct net_cfg {
    int V, Hb;       /* output vocabulary (ids 0..V-1, incl. PAD/EOS/GO), hashed buckets */
    int D, A;        /* hidden size, gate hidden size */
    int S, J, T;     /* slots, words per slot (and per question), answer steps */
    int hops, tied;  /* episodic hops; one memory update shared by all hops */
} net_cfg_t;

/* One row of the parameter size table. */
typedef struct net_tensor {
    const char *name;
    size_t offset, size; /* in floats, within the parameter buffer */
} net_tensor_t;

enum { NET_NTENSORS = 6 };

typedef struct net_params {
    float *emb;              /* [R, D] */
    float *time;             /* [S, D] */
    gru_params_t fus_fwd, fus_bwd;
    epi_params_t epi;
    dec_params_t dec;
} net_params_t;

/* Fills t[NET_NTENSORS]; returns the total number of floats. */
size_t net_param_table(const net_cfg_t *c, net_tensor_t *t);
size_t net_nparams(const net_cfg_t *c);
void net_carve(net_params_t *p, float *buf, const net_cfg_t *c);

/* A batch: story [B,S,J] word ids (slots oldest first, empty slots all pad), question
 * [B,J], ans_in [B,T] (GO then the answer), ans_out [B,T] (the answer, EOS, then -1). */
typedef struct net_batch {
    int B;
    const int *story, *question, *ans_in, *ans_out;
} net_batch_t;

/* Activations, caches and scratch for batches of up to Bmax examples, carved from one
 * float buffer. One per worker thread; the parameters are shared read-only. */
typedef struct net_work net_work_t;
net_work_t *net_work_new(const net_cfg_t *c, int Bmax);
void net_work_free(net_work_t *w);

/* Forward; returns the mean cross-entropy over the answer tokens. */
double net_forward(net_work_t *w, const net_params_t *p, const net_batch_t *b);
/* Backward of the last net_forward on w; adds into g (zero it first). */
void net_backward(net_work_t *w, net_params_t *g, const net_params_t *p,
                  const net_batch_t *b);
/* Greedy answers out [B,T] (EOS-terminated, then PAD) for b (ans_in/ans_out unused). */
int net_predict(net_work_t *w, const net_params_t *p, const net_batch_t *b, int *out);
/* The slot attention [B,S] of hop h of the last forward or predict. */
const float *net_attention(const net_work_t *w, int hop, int B);

#endif
