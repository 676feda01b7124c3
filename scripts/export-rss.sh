#!/usr/bin/env bash
# export-rss.sh: what one export costs a daemon in peak memory. Starts MNEMOD (default
# build/daemon/mnemod) with --model none on DB, exports user USER (default u) to a scratch
# file with curl, and prints VmHWM/VmRSS of the daemon before and after, the export's
# bytes, lines, seconds, framing header and md5 (docs/PERFORMANCE.md, "Export").
#   scripts/export-rss.sh DB [USER] [MNEMOD]
set -euo pipefail
db=$1; user=${2:-u}; exe=${3:-build/daemon/mnemod}
d=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$d"' EXIT
: > "$d/conf"
"$exe" --listen 127.0.0.1:0 --db "$db" --port-file "$d/port" --config "$d/conf" \
    --model none --threads 2 > "$d/log" 2>&1 &
pid=$!
for _ in $(seq 600); do [ -s "$d/port" ] && break; sleep 0.1; done
port=$(cat "$d/port")
until curl -sf "http://127.0.0.1:$port/readyz" > /dev/null; do sleep 0.1; done
mem() { grep -E 'VmHWM|VmRSS' "/proc/$pid/status" | tr -s ' \t\n' ' '; }
echo "before: $(mem)"
t0=$(date +%s.%N)
curl -s -o "$d/out" -D "$d/hdr" "http://127.0.0.1:$port/v1/users/$user/export"
t1=$(date +%s.%N)
echo "after:  $(mem)"
echo "bytes $(stat -c %s "$d/out") lines $(wc -l < "$d/out") seconds $(echo "$t1 - $t0" | bc)" \
     "$(grep -i -E '^(transfer-encoding|content-length):' "$d/hdr" | tr -d '\r' | tr '\n' ' ')"
echo "md5 $(md5sum < "$d/out" | cut -d' ' -f1)"
kill "$pid"
wait "$pid" || true
