#!/usr/bin/env bash
# Installs what the real-VS-Code tests need: Debian's Chromium/ripgrep/Kerberos headers and
# code-server (VS Code server with a Node extension host) in one of two flavours:
#   min      code-server 4.100.3 (VS Code 1.100, the oldest we support) on the machine's Node 20,
#            into .tools/code-server
#   current  code-server 4.139.1 (VS Code 1.139) on Node 24 from the npm registry
#            (scripts/install-node.sh), into .tools/code-server-current
# Idempotent and offline-friendly: only the npm registry and Debian's archive are used.
# Usage (as root on Debian, Node 20): bash scripts/install-code-server.sh [min|current]
set -euo pipefail

FLAVOUR=${1:-min}
VSCODE_MODULES=code-server/lib/vscode/node_modules
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case $FLAVOUR in
  min)
    CS_VERSION=4.100.3
    DEST=$ROOT/.tools/code-server
    NODE_HOME=$(dirname "$(dirname "$(command -v node)")")
    # code-server 4.100.3 ships @vscode/ripgrep 1.15.11, whose postinstall fetches this rg build
    # from GitHub; we pre-seed its download cache with Debian's rg instead.
    RG_PKG_VERSION=1.15.11
    RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
    # Native parts an install script must have built or fetched (relative to node_modules/).
    NATIVE=(argon2/lib/binding/napi-v3/argon2.node "$VSCODE_MODULES"/node-pty/build/Release/pty.node
      "$VSCODE_MODULES"/@vscode/ripgrep/bin/rg)
    ;;
  current)
    CS_VERSION=4.139.1
    DEST=$ROOT/.tools/code-server-current
    NODE_HOME=$(bash "$ROOT/scripts/install-node.sh" 24.22.3)
    RG_PKG_VERSION=
    # 4.139 ships prebuilt argon2, node-pty and ripgrep for linux-x64.
    NATIVE=(argon2/prebuilds/linux-x64/argon2.glibc.node "$VSCODE_MODULES"/node-pty/prebuilds/linux-x64/pty.node
      "$VSCODE_MODULES"/@vscode/ripgrep-universal/bin/linux-x64/rg)
    ;;
  *) echo "usage: $0 [min|current]" >&2; exit 2 ;;
esac
BIN=$DEST/node_modules/.bin/code-server
START=$(date +%s)
say() { echo "[install-code-server $FLAVOUR +$(($(date +%s) - START))s] $*"; }
# Every npm and node below (and code-server's own scripts) runs on this flavour's Node.
export PATH=$NODE_HOME/bin:$PATH

# 1. Debian packages (chromium drives the workbench; libkrb5-dev and the compilers build kerberos/node-pty).
missing=()
for p in chromium ripgrep libkrb5-dev g++ make python3; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# Scratch HOME: code-server writes a config file with a password on any start, even --version.
SCRATCH=$(mktemp -d)
pid=
cleanup() {
  [[ -n $pid ]] && { kill -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
CS_ENV=(env HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/home/.config" XDG_DATA_HOME="$SCRATCH/home/.local/share" TMPDIR="$SCRATCH")
installed_version() { "${CS_ENV[@]}" "$BIN" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true; }

natives_present() {
  local f
  for f in "${NATIVE[@]}"; do [[ -e $DEST/node_modules/$f ]] || return 1; done
}
if [[ -x $BIN && $(installed_version) == "$CS_VERSION" ]] && natives_present; then
  say "code-server $CS_VERSION already in ${DEST#"$ROOT"/}"
  exit 0
fi

# 2. code-server itself, from a clean folder so a half-finished earlier run cannot linger.
say "installing code-server@$CS_VERSION on Node $(node --version) into ${DEST#"$ROOT"/} (native builds, minutes)"
rm -rf "$DEST"
mkdir -p "$DEST/tmp"
if [[ -n $RG_PKG_VERSION ]]; then
  mkdir -p "$DEST/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION" "$DEST/rgtar"
  cp /usr/bin/rg "$DEST/rgtar/rg"
  tar czf "$DEST/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C "$DEST/rgtar" rg
fi

# npm 11 wants install scripts allowlisted per project. code-server's postinstall runs a nested
# `npm install` in lib/vscode, whose package.json we cannot reach before extraction (and an
# allowlist passed by flag or env is refused there), so: unpack without scripts, write the
# nested allowlist, then `npm rebuild` runs every script in order. Windows-only modules stay off.
cat >"$DEST/package.json" <<JSON
{
  "name": "kll-code-server",
  "private": true,
  "dependencies": { "code-server": "$CS_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
allow_nested() {
  node -e '
    const fs = require("fs"); const f = process.argv[1]; const p = JSON.parse(fs.readFileSync(f, "utf8"));
    p.allowScripts = { "node-pty": true, "kerberos": true, "@vscode/spdlog": true, "@vscode/ripgrep": true,
      "@vscode/deviceid": true, "@parcel/watcher": true, "native-watchdog": true,
      "@vscode/windows-process-tree": false, "@vscode/windows-registry": false };
    fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$DEST/node_modules/code-server/lib/vscode/package.json"
}
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's runs `npx node-gyp`.
# TMPDIR: where @vscode/ripgrep looks for its download cache. nodedir: node-gyp builds against
# this Node's own headers instead of downloading them.
if ! (cd "$DEST" && export TMPDIR=$DEST/tmp npm_config_unsafe_perm=true npm_config_yes=true \
  npm_config_nodedir=$NODE_HOME &&
  npm install --ignore-scripts --no-audit --no-fund && allow_nested &&
  npm rebuild --foreground-scripts) >"$DEST/install.log" 2>&1; then
  tail -n 40 "$DEST/install.log"
  say "npm install failed; full log in ${DEST#"$ROOT"/}/install.log"
  exit 1
fi
rm -rf "$DEST/tmp" "$DEST/rgtar"

# 3. Prove the install is whole: version, native modules built, and the server answers.
version=$(installed_version)
[[ $version == "$CS_VERSION" ]] || { say "code-server --version says '$version', expected $CS_VERSION"; exit 1; }
for f in "${NATIVE[@]}" "$VSCODE_MODULES"/kerberos/build/Release/kerberos.node \
  "$VSCODE_MODULES"/@vscode/spdlog/build/Release/spdlog.node; do
  f=$DEST/node_modules/$f
  [[ -e $f ]] || { say "missing ${f#"$ROOT"/}: an install script did not run (see ${DEST#"$ROOT"/}/install.log)"; exit 1; }
done

LOG=$SCRATCH/serve.log
# setsid: the server forks helpers; killing the whole session leaves no orphan.
"${CS_ENV[@]}" setsid "$BIN" --auth none --bind-addr 127.0.0.1:0 --user-data-dir "$SCRATCH/user" \
  --extensions-dir "$SCRATCH/exts" --disable-telemetry --disable-update-check >"$LOG" 2>&1 &
pid=$!
port=
for _ in $(seq 1 150); do
  port=$(grep -Eo 'HTTP server listening on http://127\.0\.0\.1:[0-9]+' "$LOG" | grep -Eo '[0-9]+$' || true)
  [[ -n $port ]] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
healthy=no
[[ -n $port ]] && node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
  "http://127.0.0.1:$port/healthz" && healthy=yes
if [[ $healthy != yes ]]; then
  cat "$LOG"
  say "code-server did not start"
  exit 1
fi
say "code-server $version installed and answering (${DEST#"$ROOT"/}, $(du -sh "$DEST" | cut -f1))"
