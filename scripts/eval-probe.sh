#!/usr/bin/env bash
# eval-probe.sh: plays a hand-written probe (../shared/data/probe-dev by default: facts
# in everyday phrasing, corrections, forget requests, small talk, questions in the same
# conversation, another one and after restarts) through POST /v1/chat of a real mnemod
# with a model, on a new database, restarting the daemon where the probe says, and
# prints its table of accuracy by kind. The probe is for measuring only: never train on
# it. A probe folder holds probe.jsonl and may hold its own run_probe.py; without one the
# repo's scripts/probe_run.py plays it (the same options).
# Usage: scripts/eval-probe.sh [MODEL] [run_probe.py options...]
#   scripts/eval-probe.sh                                   # model/default.mnemo
#   scripts/eval-probe.sh /tmp/x.mnemo -v --json-out /tmp/probe.json
#   PROBE=/path/to/other-probe scripts/eval-probe.sh        # another probe folder
#   PROBE=tests/probe-team scripts/eval-probe.sh            # the team's own set
set -euo pipefail
cd "$(dirname "$0")/.."

MODEL=model/default.mnemo
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
    MODEL=$1
    shift
fi
[ -f "$MODEL" ] || { echo "eval-probe: no model file $MODEL (give one as the first argument)" >&2; exit 2; }
MODEL=$(cd "$(dirname "$MODEL")" && pwd)/$(basename "$MODEL")
PROBE=${PROBE:-../shared/data/probe-dev}
[ -f "$PROBE/probe.jsonl" ] || { echo "eval-probe: no probe in $PROBE (probe.jsonl)" >&2; exit 2; }
RUNNER=scripts/probe_run.py
[ -f "$PROBE/run_probe.py" ] && RUNNER=$PROBE/run_probe.py

. scripts/lib-daemon.sh
daemon_up eval-probe "$MODEL"

rc=0
python3 "$RUNNER" "http://127.0.0.1:$PORT" "$PROBE/probe.jsonl" \
    --restart-cmd "sh $TMP/restart.sh" "$@" || rc=$?
[ $rc -eq 0 ] || FAILED=1
exit $rc
