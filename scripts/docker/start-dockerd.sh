#!/usr/bin/env bash
# Starts a Docker daemon when none answers, for machines where Debian's docker.io is installed
# but no service manager runs it (CI containers, dev boxes). Idempotent.
#
# Usage: start-dockerd.sh [start|stop|status]
#   start   exit 0 when a daemon answers (already, or once started: prints "started pid=N");
#           otherwise exit 1 and print why not
#   stop    stop the daemon this script started (never one it did not start)
#   status  exit 0 when a daemon answers
# KLL_DOCKERD_DATA_ROOT (default /var/lib/docker) and KLL_DOCKERD_FLAGS (extra flags) tune it.
set -uo pipefail

action=${1:-start}
state_dir=${KLL_DOCKERD_STATE:-${XDG_CACHE_HOME:-$HOME/.cache}/kafka-log-lab/dockerd}
data_root=${KLL_DOCKERD_DATA_ROOT:-/var/lib/docker}
socket=/var/run/docker.sock
pid_file=$state_dir/dockerd.pid
log_file=$state_dir/dockerd.log

say() { echo "[dockerd] $*" >&2; }
# `docker version` talks to whatever DOCKER_HOST or the current context names.
answers() { timeout 10 docker version >/dev/null 2>&1; }
our_pid() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && cat "$pid_file"; }

case $action in
  status) answers; exit ;;
  stop)
    pid=$(our_pid) || { say "no dockerd started by this script is running"; exit 0; }
    kill "$pid"
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then say "dockerd pid $pid did not stop in 30 s"; exit 1; fi
    rm -f "$pid_file"
    say "stopped dockerd pid $pid"
    exit 0 ;;
  start) ;;
  *) say "unknown action $action (start, stop or status)"; exit 2 ;;
esac

command -v docker >/dev/null || { say "the docker CLI is not installed"; exit 1; }
answers && { say "a Docker daemon already answers"; exit 0; }
if [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != "unix://$socket" ]; then
  say "DOCKER_HOST is $DOCKER_HOST and nothing answers there; not starting a local daemon"; exit 1
fi
context=$(docker context show 2>/dev/null || echo default)
if [ "$context" != default ]; then say "the docker context is '$context' and it does not answer; not starting a local daemon"; exit 1; fi
command -v dockerd >/dev/null || { say "dockerd is not installed (Debian: apt-get install docker.io)"; exit 1; }
[ "$(id -u)" = 0 ] || { say "starting dockerd needs root (run: sudo $0)"; exit 1; }

mkdir -p "$state_dir"
exec 9>"$state_dir/lock"
flock -w 120 9 || { say "another start is still running"; exit 1; }
answers && { say "a Docker daemon already answers"; exit 0; } # started while we waited

# Plain flags first; then without iptables (kernels or namespaces without netfilter), then
# also with the vfs storage driver (no overlayfs). Publishing on 127.0.0.1 works in all three.
attempts=("" "--iptables=false --ip6tables=false" "--iptables=false --ip6tables=false --storage-driver=vfs")
for flags in "${attempts[@]}"; do
  # shellcheck disable=SC2086 # flag lists
  setsid dockerd --data-root "$data_root" --host "unix://$socket" $flags ${KLL_DOCKERD_FLAGS:-} \
    >"$log_file" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
  for _ in $(seq 1 60); do
    if answers; then
      echo "started pid=$pid flags=${flags:-default}"
      say "dockerd started (pid $pid, data root $data_root, flags: ${flags:-none}; log $log_file)"
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  why=$(grep -E 'level=(error|fatal)|failed|unknown flag' "$log_file" | tail -n 1)
  why=${why:-$(tail -n 1 "$log_file")}
  say "dockerd ${flags:+with $flags }did not come up: $why"
done
rm -f "$pid_file"
say "could not start dockerd: $why (log: $log_file)"
exit 1
