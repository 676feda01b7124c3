#!/usr/bin/env bash
# run.sh: sets everything up and runs mnemod on 127.0.0.1:8420 with its database
# under ./var/, the shipped model (model/default.mnemo) and the shipped sentence encoder
# of the dense search leg (model/senc.mnemo). Extra arguments go to mnemod
# (e.g. --listen 127.0.0.1:9000, --model other.mnemo).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
ninja -C build >/dev/null
mkdir -p var
exec build/daemon/mnemod --listen 127.0.0.1:8420 --db var/mnemo.db --model model/default.mnemo \
    --encoder model/senc.mnemo "$@"
