#!/usr/bin/env bash
# test.sh: sets everything up and runs the whole test suite (unit + integration).
# Usage: scripts/test.sh [build-dir] [extra meson options...]
#   scripts/test.sh build-san -Db_sanitize=address,undefined -Db_lundef=false
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
scripts/setup.sh "$@"
ninja -C "$BUILD"
meson test -C "$BUILD" --print-errorlogs --num-processes 2
