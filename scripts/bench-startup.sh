#!/usr/bin/env bash
# Start-up figures, as median wall time over N runs (default 10) of the published (ReadyToRun) product:
#   Daemon start → hub ready, Node start → hub ready (existing database), one-shot `masq descriptor` round trip.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
bash scripts/publish.sh
node=artifacts/publish/Masq.Node/MASQNode
masq=artifacts/publish/Masq.Cli/masq
work=$(mktemp -d)
trap 'rm -rf "$work"; kill $(jobs -p) 2>/dev/null || true' EXIT
export HOME="$work/home"
mkdir -p "$HOME"

now() { date +%s%N; }
ready() { curl -s -o /dev/null -X POST "http://127.0.0.1:$1/MASQNode-UIv2/negotiate?negotiateVersion=1"; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f ms", m/1e6}'; }

daemon_times=()
for _ in $(seq "$runs"); do
  s=$(now); "$node" --initialization --ui-port 45333 >/dev/null 2>&1 & pid=$!
  until ready 45333; do sleep 0.005; done
  daemon_times+=($(( $(now) - s ))); kill $pid; wait $pid 2>/dev/null || true
done

node_times=()
"$node" --neighborhood-mode zero-hop --data-directory "$work/node" --ui-port 45334 >/dev/null 2>&1 & pid=$!
until ready 45334; do sleep 0.01; done; kill $pid; wait $pid 2>/dev/null || true   # creates the database once
for _ in $(seq "$runs"); do
  s=$(now); "$node" --neighborhood-mode zero-hop --data-directory "$work/node" --ui-port 45334 >/dev/null 2>&1 & pid=$!
  until ready 45334; do sleep 0.005; done
  node_times+=($(( $(now) - s ))); kill $pid; wait $pid 2>/dev/null || true
done

"$node" --initialization --ui-port 45333 >/dev/null 2>&1 & daemon=$!
until ready 45333; do sleep 0.01; done
"$masq" --ui-port 45333 setup --neighborhood-mode zero-hop --data-directory "$work/cli" >/dev/null
"$masq" --ui-port 45333 start >/dev/null
cli_times=()
for _ in $(seq "$runs"); do
  s=$(now); "$masq" --ui-port 45333 descriptor >/dev/null 2>&1 || true
  cli_times+=($(( $(now) - s )))
done
"$masq" --ui-port 45333 shutdown >/dev/null 2>&1 || true
kill $daemon; wait $daemon 2>/dev/null || true

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Daemon start to hub ready:        $(printf '%s\n' "${daemon_times[@]}" | median) (median of $runs)"
echo "Node start to hub ready:          $(printf '%s\n' "${node_times[@]}" | median) (median of $runs)"
echo "masq descriptor one-shot (redirected to the Node): $(printf '%s\n' "${cli_times[@]}" | median) (median of $runs)"
