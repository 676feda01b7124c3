#!/usr/bin/env bash
# setup.sh: installs the Debian packages mnemo builds with (only those missing, quietly)
# and configures the meson build directory. Idempotent; safe to run again.
# Usage: scripts/setup.sh [build-dir] [extra meson options...]
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium, nginx and openssl are for the tests only: it_ui_browser drives the inspector
# (/ui) in chromium, headless; it_tls_proxy puts nginx with a throwaway openssl
# certificate in front of mnemod (dist/nginx-mnemod.conf), started by the test itself:
# the install asks Debian's policy-rc.d not to start any service, so nginx's default site
# does not take port 80 (and a port 80 already in use cannot fail the install). clang is
# for scripts/fuzz.sh (libFuzzer), which CI runs after the suite.
PKGS=(build-essential pkg-config meson ninja-build libmicrohttpd-dev libsqlite3-dev sqlite3
      libjansson-dev libopenblas-dev check libcurl4-openssl-dev libsystemd-dev systemd
      wordnet-base chromium nginx openssl clang)

missing=()
for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        policy=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
        $SUDO chmod 755 "$policy"
    fi
    rc=0
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null || rc=$?
    [ -n "$policy" ] && $SUDO rm -f "$policy"
    [ $rc -eq 0 ] || { echo "setup: apt-get install failed ($rc)" >&2; exit $rc; }
fi

# The real third-party clients the suite drives (MCP SDK, openai, puppeteer-core), pinned
# by tests/node/package-lock.json. Node.js and npm are the machine's; Debian's if absent.
if ! command -v npm >/dev/null 2>&1; then
    echo "setup: installing nodejs npm" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        nodejs npm >/dev/null
fi
if [ ! -f tests/node/node_modules/.package-lock.json ] ||
   [ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]; then
    echo "setup: installing the test clients (npm ci in tests/node)" >&2
    (cd tests/node && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

BUILD="${1:-build}"
shift || true
if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" "$@" >/dev/null
elif [ $# -gt 0 ]; then
    meson configure "$BUILD" "$@" >/dev/null
fi
