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

MODEL=model/default.mnemo
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    MODEL=$1
    shift
fi
[ -f "$MODEL" ] || { echo "eval-chat: no model file $MODEL (give one as the first argument)" >&2; exit 2; }
MODEL=$(cd "$(dirname "$MODEL")" && pwd)/$(basename "$MODEL")

. scripts/lib-daemon.sh
daemon_up eval-chat "$MODEL"

rc=0
MNEMO_TOKEN= build/cli/mnemo --server "http://127.0.0.1:$PORT" eval \
    --restart-cmd "sh $TMP/restart.sh" "$@" || rc=$?
[ $rc -eq 0 ] || FAILED=1
exit $rc
