#!/usr/bin/env bash
# startup-ready.sh: how long mnemod takes from exec to ready on an existing database:
# the time until it writes its port file (done once the database is open, migrated and
# indexed and the server listens), with the process's CPU seconds and RSS at that
# moment. Stops the daemon after each run. No model (--model none), so a database written
# by `bench-search --encoder lex1-512 --dim 512` is indexed, not re-encoded; options after
# RUNS go to mnemod as they are (`--encoder model/senc.mnemo` for the dim-576 vectors of
# `bench-search --dim 576 --encoder 'lex1-512+senc-TAG/w=0.6'`).
# Usage: scripts/startup-ready.sh DB [MNEMOD (build/daemon/mnemod)] [RUNS (3)] [OPTION...]
set -u
db=${1:?usage: startup-ready.sh DB [MNEMOD] [RUNS] [OPTION...]}
bin=${2:-build/daemon/mnemod}
runs=${3:-3}
shift $(($# < 3 ? $# : 3))
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mnemo-ready-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for ((i = 0; i < runs; i++)); do
    sleep 3     # freed memory goes back to the hypervisor first, as for a real start
    pf="$tmp/port.$i"
    t0=$(date +%s.%N)
    "$bin" --listen 127.0.0.1:0 --db "$db" --model none --port-file "$pf" "$@" 2>/dev/null &
    pid=$!
    while [ ! -s "$pf" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "mnemod exited before ready" >&2; exit 1; }
        sleep 0.01
    done
    t1=$(date +%s.%N)
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat")
    printf 'ready %.2f s, CPU %s s, RSS %s MiB\n' "$(echo "$t1 - $t0" | bc)" "$cpu" "$rss"
    kill "$pid"
    wait "$pid" 2>/dev/null
done
