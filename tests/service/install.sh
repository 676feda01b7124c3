#!/bin/sh
# install.sh: `meson install --destdir` of the build into a temporary folder must give
# the binaries, the systemd unit, the default config, the shipped model, the nginx site
# and the man pages; the unit must pass `systemd-analyze verify` (with ExecStart pointed
# at the built mnemod, since the installed path does not exist here).
# Usage: install.sh BUILD_ROOT
set -eu
build="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; echo "FAIL: meson install"; exit 1; }

want() {
    found=$(find "$tmp/root" -path "*$1" | head -n 1)
    [ -n "$found" ] || { echo "FAIL: nothing installed at */$1"; find "$tmp/root"; exit 1; }
    echo "ok: ${found#"$tmp/root"}"
}
want /bin/mnemod
want /bin/mnemo
want /mnemo/mnemod.conf
want /systemd/system/mnemod.service
want /man8/mnemod.8
want /man1/mnemo.1
want /man5/mnemod.conf.5
want /share/mnemo/default.mnemo
want /share/doc/mnemo/examples/nginx-mnemod.conf
model=$(find "$tmp/root" -path '*/share/mnemo/default.mnemo' | head -n 1)
[ "$(head -c 8 "$model")" = MNEMOMDL ] || { echo "FAIL: the installed model is not a model file"; exit 1; }
[ -x "$(find "$tmp/root" -path '*/bin/mnemod' | head -n 1)" ] || { echo "FAIL: mnemod not executable"; exit 1; }

# The installed default config is valid and changes nothing (every key commented out).
conf=$(find "$tmp/root" -path '*/mnemo/mnemod.conf' | head -n 1)
"$build/daemon/mnemod" --check-config --config "$conf" || { echo "FAIL: default config"; exit 1; }

unit=$(find "$tmp/root" -path '*/systemd/system/mnemod.service' | head -n 1)
grep -q '^Type=notify$' "$unit" || { echo "FAIL: Type=notify"; exit 1; }
grep -q '^StateDirectory=mnemo$' "$unit" || { echo "FAIL: StateDirectory"; exit 1; }
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "SKIP: systemd-analyze is not installed; the unit was not verified"
    exit 0
fi
mkdir "$tmp/unit"
sed "s|^ExecStart=[^ ]*|ExecStart=$(cd "$build" && pwd)/daemon/mnemod|" "$unit" >"$tmp/unit/mnemod.service"
systemd-analyze verify --man=no "$tmp/unit/mnemod.service" ||
    { echo "FAIL: systemd-analyze verify"; cat "$tmp/unit/mnemod.service"; exit 1; }
echo "ok: systemd-analyze verify"
