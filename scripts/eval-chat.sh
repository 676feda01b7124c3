#!/usr/bin/env bash
# eval-chat.sh: the end-to-end evaluation through the daemon. Starts build/daemon/mnemod
# with a model on a free loopback port and a temporary database, runs
# `mnemo eval --server` against it (bAbI held-out stories and personal-fact conversations)
# with a --restart-cmd that stops the daemon with SIGTERM and starts it again on the same
# database and port, then stops it and removes the temporary directory.
# Usage: scripts/eval-chat.sh [MODEL] [mnemo eval options...]
#   scripts/eval-chat.sh                                 # model/default.mnemo, everything
#   scripts/eval-chat.sh /tmp/x.mnemo --only persona --persona 50
#   scripts/eval-chat.sh --tasks 1,2 --limit-stories 5 --persona 20 --jobs 4
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

MODEL=model/default.mnemo
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    MODEL=$1
    shift
fi
[ -f "$MODEL" ] || { echo "eval-chat: no model file $MODEL (give one as the first argument)" >&2; exit 2; }
MODEL=$(cd "$(dirname "$MODEL")" && pwd)/$(basename "$MODEL")

if [ ! -x build/daemon/mnemod ] || [ ! -x build/cli/mnemo ]; then
    scripts/setup.sh build
fi
ninja -C build >/dev/null

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mnemo-eval-chat-XXXXXX")
touch "$TMP/mnemod.conf"    # no tokens, nothing from /etc/mnemo: requests act as admin

stop_daemon() {
    local pid
    pid=$(cat "$TMP/mnemod.pid" 2>/dev/null) || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "eval-chat: mnemod $pid did not stop in 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    stop_daemon
    if [ "${KEEP_LOG:-0}" = 1 ] || [ "${FAILED:-0}" = 1 ]; then
        echo "eval-chat: daemon log:" >&2
        tail -n 40 "$TMP/mnemod.log" >&2 || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# start.sh LISTEN: starts mnemod in the background with the pid in mnemod.pid; the
# restart command below reuses it with the port the first start was given.
cat > "$TMP/start.sh" <<EOF
#!/bin/sh
rm -f "$TMP/port"
"$ROOT/build/daemon/mnemod" --listen "\$1" --db "$TMP/eval.db" --config "$TMP/mnemod.conf" \\
    --model "$MODEL" --port-file "$TMP/port" >>"$TMP/mnemod.log" 2>&1 </dev/null &
echo \$! > "$TMP/mnemod.pid"
EOF
cat > "$TMP/restart.sh" <<EOF
#!/bin/sh
pid=\$(cat "$TMP/mnemod.pid")
kill -TERM "\$pid" || exit 1
i=0
while kill -0 "\$pid" 2>/dev/null; do
    i=\$((i + 1)); [ \$i -gt 300 ] && { echo "mnemod \$pid did not stop" >&2; exit 1; }
    sleep 0.1
done
exec sh "$TMP/start.sh" "127.0.0.1:\$(cat "$TMP/port.first")"
EOF

sh "$TMP/start.sh" 127.0.0.1:0
for _ in $(seq 1 600); do
    [ -s "$TMP/port" ] && break
    kill -0 "$(cat "$TMP/mnemod.pid")" 2>/dev/null || { FAILED=1; echo "eval-chat: mnemod exited" >&2; exit 1; }
    sleep 0.1
done
[ -s "$TMP/port" ] || { FAILED=1; echo "eval-chat: mnemod wrote no port in 60 s" >&2; exit 1; }
cp "$TMP/port" "$TMP/port.first"
PORT=$(cat "$TMP/port")
echo "eval-chat: mnemod on 127.0.0.1:$PORT, model $MODEL, database $TMP/eval.db" >&2

rc=0
MNEMO_TOKEN= build/cli/mnemo --server "http://127.0.0.1:$PORT" eval \
    --restart-cmd "sh $TMP/restart.sh" "$@" || rc=$?
[ $rc -eq 0 ] || FAILED=1
exit $rc
