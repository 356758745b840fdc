#!/usr/bin/env bash
# Runs Masq on this machine: the Daemon (UI on 127.0.0.1:5333) and the dashboard (http://127.0.0.1:5300).
# The Daemon starts with zero-hop mode preset, so a Node started from it needs no neighbors and no chain.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
ui_port=${MASQ_UI_PORT:-5333}
dashboard_url=${MASQ_DASHBOARD_URL:-http://127.0.0.1:5300}

# MASQ_RUN_BINARIES=<dir>: run already built apphosts from <dir>/{Masq.Node,Masq.Cli,Masq.Dashboard}/ (the tests use this
# with their Debug builds) instead of publishing first.
if [ -n "${MASQ_RUN_BINARIES:-}" ]; then
  bin_dir=$MASQ_RUN_BINARIES
else
  echo "== building (Release, ReadyToRun) into artifacts/publish"
  bash scripts/publish.sh
  bin_dir="$root/artifacts/publish"
fi
node_bin="$bin_dir/Masq.Node/MASQNode"
masq_bin="$bin_dir/Masq.Cli/masq"
dashboard_bin="$bin_dir/Masq.Dashboard/Masq.Dashboard"

daemon_pid=
dashboard_pid=
# Ctrl-C and TERM stop everything this script started: the Node the Daemon launched (asked to shut down as a UI would,
# so it flushes its charges), the dashboard and the Daemon. Background jobs of a script ignore SIGINT, so the trap
# does it all; it runs once.
cleanup() {
  trap - EXIT INT TERM
  local node_pids=
  if [ -n "$daemon_pid" ]; then
    node_pids=$(pgrep -P "$daemon_pid" || true)
    if [ -n "$node_pids" ]; then
      echo "== stopping the Node (process $node_pids)"
      timeout 20 "$masq_bin" --ui-port "$ui_port" shutdown >/dev/null 2>&1 || true
      # The Node may still be closing its UI connections (the dashboard's among them): let it end while the Daemon
      # still watches, so the Daemon sees it go and says so.
      for _ in $(seq 1 100); do kill -0 $node_pids 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  local pid
  for pid in $dashboard_pid $daemon_pid $node_pids; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $dashboard_pid $daemon_pid $node_pids; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  [ -n "${token_dir:-}" ] && rm -rf "$token_dir"
  echo "== stopped"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

daemon_args=(--initialization --ui-port "$ui_port")
if [ "$(id -u)" -eq 0 ] && [ -z "${SUDO_UID:-}" ]; then
  # Logged in as root itself (a container, a fresh VM): there is no other user for the Node to become, and a Node
  # refuses to stay root unless told it may. Running this script as root is that choice; with sudo it is not needed.
  echo "== running as root with no sudo user: the Node will run as root too (--allow-root)"
  daemon_args+=(--allow-root)
fi
"$node_bin" "${daemon_args[@]}" &
daemon_pid=$!
for _ in $(seq 1 50); do
  # (masq exits 1 here, so its output is tested apart from its status: under pipefail a pipe would never match.)
  answer=$("$masq_bin" --ui-port "$ui_port" descriptor 2>&1 || true)
  case $answer in *"not running"*) break ;; esac
  sleep 0.1
done
# The embedded default: zero-hop, so the Node runs alone and needs no neighbors or chain.
"$masq_bin" --ui-port "$ui_port" setup --neighborhood-mode zero-hop >/dev/null

# The dashboard obeys only whoever holds its access token: it writes it to a file only this user can read.
token_dir=$(mktemp -d)
token_file="$token_dir/dashboard.token"
"$dashboard_bin" --daemon-ui-port "$ui_port" --urls "$dashboard_url" --access-token-file "$token_file" &
dashboard_pid=$!
for _ in $(seq 1 300); do [ -s "$token_file" ] && break; sleep 0.1; done
dashboard_link="$dashboard_url/?token=$(tr -d '[:space:]' <"$token_file" 2>/dev/null)"

cat <<MSG

Masq is running.
  Dashboard:  $dashboard_link
              (open this link: the token in it is the dashboard's password for this run)
  Daemon UI:  127.0.0.1:$ui_port
  masq CLI:   $masq_bin --ui-port $ui_port   (try: setup, start, descriptor, shutdown)
Press Ctrl-C to stop the Daemon, its Node and the dashboard.
MSG
wait
