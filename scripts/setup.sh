#!/usr/bin/env bash
# Installs what the extension, the CLI and the test suite need. Idempotent: every step is
# skipped when its result is already there, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
step() { echo "[setup +$((SECONDS - t0))s] $*"; }

# Debian packages: Java runs the broker; kcat and confluent-kafka are independent
# peer clients for the tests; chromium drives the real VS Code; docker.io the Docker engine.
packages=(openjdk-17-jre-headless kcat python3-confluent-kafka chromium ripgrep libkrb5-dev docker.io)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "build"
node scripts/build.mjs

# Apache Kafka jars for the test brokers: fetched over HTTPS from Maven Central as pinned in
# src/core/broker/manifests (SHA-256 checked, no Maven), cached per version; seconds when cached.
step "Kafka jars"
node dist/cli.js broker fetch --tested

# Two VS Codes for the editor tests: the oldest we support (code-server 4.100.3, VS Code 1.100, on
# this Node 20) and today's (4.139.1, VS Code 1.139, on a Node 24 from the npm registry).
step "code-server (oldest supported VS Code)"
bash scripts/install-code-server.sh min
step "code-server (current VS Code)"
bash scripts/install-code-server.sh current

# Docker engine tests: a Docker daemon (started here when none answers) and the local Kafka
# image they run, since no registry is reachable. Neither may fail setup: without them the
# Docker tests print SKIPPED with the reason.
step "dockerd"
if bash scripts/docker/start-dockerd.sh start; then
  step "local Kafka image"
  bash scripts/docker/build-local-kafka-image.sh || echo "[setup] no local Kafka image: the Docker tests will be SKIPPED"
else
  echo "[setup] no Docker daemon: the Docker tests will be SKIPPED"
fi
step "done"
