# lib-daemon.sh: sourced by the evaluation scripts (eval-chat.sh, eval-probe.sh). Runs
# build/daemon/mnemod with a model on a free loopback port and a new database in a
# temporary folder, with a restart command (SIGTERM, wait, start again on the same port
# and database) for evaluations that restart the daemon mid-way.
# After `daemon_up NAME MODEL`: $TMP (the folder), $PORT, and "sh $TMP/restart.sh" as
# the restart command; the EXIT trap stops the daemon and removes $TMP (KEEP_LOG=1 or a
# failure prints the daemon's log first). The sentence encoder is the shipped one,
# model/senc.mnemo, as scripts/run.sh runs it (MNEMO_ENCODER=FILE or none for another).

# stop_daemon: SIGTERM, then up to 30 s for it to exit, then SIGKILL.
stop_daemon() {
    local pid
    pid=$(cat "$TMP/mnemod.pid" 2>/dev/null) || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "$DAEMON_NAME: mnemod $pid did not stop in 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

daemon_cleanup() {
    stop_daemon
    if [ "${KEEP_LOG:-0}" = 1 ] || [ "${FAILED:-0}" = 1 ]; then
        echo "$DAEMON_NAME: daemon log:" >&2
        tail -n 40 "$TMP/mnemod.log" >&2 || true
    fi
    rm -rf "$TMP"
}

# daemon_up NAME MODEL: builds if needed, starts mnemod, waits for its port.
daemon_up() {
    DAEMON_NAME=$1
    local model=$2
    local encoder=${MNEMO_ENCODER:-model/senc.mnemo}
    [ "$encoder" = none ] || [ -f "$encoder" ] || { echo "$DAEMON_NAME: no encoder $encoder" >&2; exit 2; }
    [ "$encoder" = none ] || encoder=$(cd "$(dirname "$encoder")" && pwd)/$(basename "$encoder")
    if [ ! -x build/daemon/mnemod ] || [ ! -x build/cli/mnemo ]; then
        scripts/setup.sh build
    fi
    ninja -C build >/dev/null
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/mnemo-$DAEMON_NAME-XXXXXX")
    touch "$TMP/mnemod.conf"    # no tokens, nothing from /etc/mnemo: requests act as admin
    # the daemon of this run, copied: a rebuild while it runs does not change the restarts
    cp build/daemon/mnemod "$TMP/mnemod"
    trap daemon_cleanup EXIT
    # start.sh LISTEN: starts mnemod in the background with the pid in mnemod.pid; the
    # restart command reuses it with the port the first start was given.
    cat > "$TMP/start.sh" <<EOF
#!/bin/sh
rm -f "$TMP/port"
"$TMP/mnemod" --listen "\$1" --db "$TMP/eval.db" --config "$TMP/mnemod.conf" \\
    --model "$model" --encoder "$encoder" --port-file "$TMP/port" >>"$TMP/mnemod.log" 2>&1 </dev/null &
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
        kill -0 "$(cat "$TMP/mnemod.pid")" 2>/dev/null ||
            { FAILED=1; echo "$DAEMON_NAME: mnemod exited" >&2; exit 1; }
        sleep 0.1
    done
    [ -s "$TMP/port" ] || { FAILED=1; echo "$DAEMON_NAME: mnemod wrote no port in 60 s" >&2; exit 1; }
    cp "$TMP/port" "$TMP/port.first"
    PORT=$(cat "$TMP/port")
    echo "$DAEMON_NAME: mnemod on 127.0.0.1:$PORT, model $model, encoder $encoder, database $TMP/eval.db" >&2
}
