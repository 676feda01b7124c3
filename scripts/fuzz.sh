#!/usr/bin/env bash
# fuzz.sh: builds the libFuzzer harnesses of tests/fuzz with clang (ASan + UBSan) and runs
# each for SECONDS (default 60), one after the other, under nice. New inputs the fuzzer
# finds go to a scratch folder (build-fuzz/corpus/<target>), not into the checked-in
# seeds; a crash leaves its input in build-fuzz/crashes/ and stops the script (add it to
# tests/fuzz/corpus/<target>/ once fixed, so the suite replays it).
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: see tests/fuzz/meson.build)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(validate config tokenizer framing head chunked mcp modelfile babi plain)
BUILD=build-fuzz

command -v clang >/dev/null || { echo "fuzz: needs clang (apt-get install clang)" >&2; exit 1; }
if [ ! -f "$BUILD/build.ninja" ]; then
    CC=clang nice -n 10 meson setup "$BUILD" -Dfuzz=true -Dtests=false \
        -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
nice -n 10 ninja -C "$BUILD" "${TARGETS[@]/#/tests/fuzz/fuzz-}" >/dev/null

mkdir -p "$BUILD/crashes"
# UBSan findings are failures, not warnings; libFuzzer's own leak check stays on.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in "${TARGETS[@]}"; do
    work="$BUILD/corpus/$t"
    mkdir -p "$work"
    log="$BUILD/fuzz-$t.log"
    echo "fuzz: $t for ${SECONDS_EACH}s" >&2
    if ! nice -n 10 "$BUILD/tests/fuzz/fuzz-$t" -max_total_time="$SECONDS_EACH" \
            -rss_limit_mb=1024 -max_len=65536 -timeout=10 -print_final_stats=1 \
            -artifact_prefix="$BUILD/crashes/$t-" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
        tail -40 "$log" >&2
        echo "fuzz: $t failed; the input is in $BUILD/crashes/, the log in $log" >&2
        exit 1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    echo "fuzz: $t ok: ${runs:-?} runs, $cov" >&2
done
