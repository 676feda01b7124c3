#!/usr/bin/env bash
# train-senc.sh: makes model/senc.mnemo, the sentence encoder of the dense search leg,
# from scratch with this commit's code: pairs from WordNet (Debian's wordnet-base: synonyms,
# definitions, hypernyms, usage examples with a word swapped), bAbI 10k (each question and
# a supporting fact), the project's generators (personal-fact stories, dialogue clauses)
# and crops (a few words of one of those texts beside the text), word weights from
# WordNet's cntlist.rev, then InfoNCE over in-batch negatives, one epoch. Seeded: the
# same commit and data give the same file. About two minutes of one core after the
# build (docs/RETRIEVAL.md, "The learned dense leg").
# Usage: scripts/train-senc.sh [OUT] (default: model/senc.mnemo). Needs the build
# packages (scripts/setup.sh), wordnet-base, and bAbI in ../shared/data/babi (or
# $MNEMO_BABI_DIR). LoCoMo and the probes are never read: they measure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${1:-model/senc.mnemo}
BABI=${MNEMO_BABI_DIR:-$ROOT/../shared/data/babi}
[ -d "$BABI/en-10k" ] || { echo "train-senc: no bAbI 10k in $BABI" >&2; exit 2; }
[ -x build/cli/mnemo ] || scripts/setup.sh build
ninja -C build cli/mnemo >/dev/null
time build/cli/mnemo senc train --out "$OUT" --babi "$BABI/en-10k" --seed 1 --epochs 1 \
    --dim 64 --buckets 65536 --word-slots 262144 --batch 256 --lr 0.003 --tau 0.05 \
    --sif 0.001 --crops 300000 --babi-per-file 2000 --persona 4000 --dialogue 40000
