#!/usr/bin/env bash
# Runs Masq on this machine: the Daemon (UI on 127.0.0.1:5333) and the dashboard (http://127.0.0.1:5300).
# The Daemon starts with zero-hop mode preset, so a Node started from it needs no neighbors and no chain.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
ui_port=${MASQ_UI_PORT:-5333}
dashboard_url=${MASQ_DASHBOARD_URL:-http://127.0.0.1:5300}

echo "== building (Release, ReadyToRun) into artifacts/publish"
bash scripts/publish.sh
node_bin="$root/artifacts/publish/Masq.Node/MASQNode"
masq_bin="$root/artifacts/publish/Masq.Cli/masq"
dashboard_bin="$root/artifacts/publish/Masq.Dashboard/Masq.Dashboard"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

"$node_bin" --initialization --ui-port "$ui_port" &
pids+=($!)
for _ in $(seq 1 50); do
  if "$masq_bin" --ui-port "$ui_port" descriptor 2>&1 | grep -q "not running"; then break; fi
  sleep 0.1
done
# The embedded default: zero-hop, so the Node runs alone and needs no neighbors or chain.
"$masq_bin" --ui-port "$ui_port" setup --neighborhood-mode zero-hop >/dev/null

"$dashboard_bin" --daemon-ui-port "$ui_port" --urls "$dashboard_url" &
pids+=($!)

cat <<MSG

Masq is running.
  Dashboard:  $dashboard_url
  Daemon UI:  127.0.0.1:$ui_port
  masq CLI:   $masq_bin --ui-port $ui_port   (try: setup, start, descriptor, shutdown)
Press Ctrl-C to stop.
MSG
wait
