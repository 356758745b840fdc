#!/usr/bin/env bash
# Failover: on a real localnet, SIGKILLs a Node in the middle of a download's route and measures how long
# the browser (curl) waits before its download ends, and how long until a new request succeeds again. Two rounds, each
# on a fresh mesh (at min-hops 3 a 7-Node localnet has few spare exits): a relay (the Node the exit sends its answers
# to), then the exit itself (found by its connection to the server). Measures only; asserts nothing.
#
# The measured download is rate-limited (like a browser on a slower line) so that it is still running when the Node dies.
#
# Options: --nodes N (7), --size-mib N (256), --rate R (curl --limit-rate, 8M), --min-hops N (3), --originator N (1),
#          --only relay|exit (one round), --no-publish (reuse the binaries), --debug (use the Debug build in src/*/bin
#          instead of publishing).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

nodes=7
size_mib=256
min_hops=3
rate=8M
only=
originator=1
publish=1
debug=0
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=$2; shift 2 ;;
    --size-mib) size_mib=$2; shift 2 ;;
    --min-hops) min_hops=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --originator) originator=$2; shift 2 ;;
    --no-publish) publish=0; shift ;;
    --debug) debug=1; publish=0; shift ;;
    *) echo "unknown option '$1'" >&2; exit 2 ;;
  esac
done

if [ "$debug" -eq 1 ]; then
  masq="$root/src/Masq.Cli/bin/Debug/net10.0/masq"
  export MASQ_NODE_PATH="$root/src/Masq.Node/bin/Debug/net10.0/MASQNode"
else
  if [ "$publish" -eq 1 ] || [ ! -x artifacts/publish/Masq.Cli/masq ]; then
    echo "== publishing (Release, ReadyToRun)"
    bash scripts/publish.sh || exit 1
  fi
  masq="$root/artifacts/publish/Masq.Cli/masq"
  export MASQ_NODE_PATH="$root/artifacts/publish/Masq.Node/MASQNode"
fi

work=$(mktemp -d /tmp/masq-bench-failover.XXXXXX)
chmod 755 "$work"
server_ip=127.0.8.200
server_pid=
cleanup() {
  "$masq" localnet down --data-directory "$work/net" >/dev/null 2>&1
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/www"
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/www/blob"
head -c $((1024 * 1024)) /dev/urandom >"$work/www/small"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("'$server_ip'", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind "$server_ip" --directory "$work/www" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://$server_ip:$port/small" && break; sleep 0.1; done

state="$work/net/localnet.json"
field() { python3 -c 'import json,sys; n=[n for n in json.load(open(sys.argv[1]))["nodes"] if n["index"]==int(sys.argv[2])][0]; print(n[sys.argv[3]])' "$state" "$1" "$2"; }
pid_of_ip() { python3 -c 'import json,sys; print(next((n["processId"] for n in json.load(open(sys.argv[1]))["nodes"] if n["ip"]==sys.argv[2]), ""))' "$state" "$1"; }
index_of_pid() { python3 -c 'import json,sys; print(next((n["index"] for n in json.load(open(sys.argv[1]))["nodes"] if n["processId"]==int(sys.argv[2])), "?"))' "$state" "$1"; }
route_found() { "$masq" --ui-port "$ui" connection-status 2>/dev/null | grep -q RouteFound; }

mesh_up() {
  echo "== a fresh localnet of $nodes Nodes (min-hops $min_hops), originator Node $originator"
  "$masq" localnet down --data-directory "$work/net" >/dev/null 2>&1
  rm -rf "$work/net"
  "$masq" localnet up "$nodes" --data-directory "$work/net" --base-ip 127.0.8.2 --min-hops "$min_hops" --allow-loopback-targets >"$work/up.txt" || { cat "$work/up.txt"; exit 1; }
  ui=$(field "$originator" uiPort); proxy=$(field "$originator" proxyPort)
  for _ in $(seq 180); do route_found && break; sleep 1; done
  route_found || { echo "no route found on the originator (UI port $ui)"; exit 1; }
  for _ in $(seq 60); do curl -fs -o /dev/null --max-time 30 -x "http://127.0.0.1:$proxy" "http://$server_ip:$port/small" && break; sleep 1; done
}

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

# The exit's pid: the MASQNode with a connection to the server.
exit_pid() { ss -tnpH state established | awk -v peer="$server_ip:$port" '$4 == peer' | grep -o 'MASQNode",pid=[0-9]*' | head -1 | grep -o '[0-9]*$'; }
# The Node the exit sends the most to (its next hop on the way back), by bytes acknowledged per socket.
relay_pid() {
  local exit=$1
  ss -tnpiH state established | awk -v pid="pid=$exit," '
    /^[ \t]/ { if (mine && match($0, /bytes_acked:[0-9]+/)) { n = substr($0, RSTART + 12, RLENGTH - 12) + 0; if (n > best) { best = n; peer = p } } next }
    { mine = index($0, pid) > 0; split($4, a, ":"); p = a[1]; if (p == "'"$server_ip"'") mine = 0 }
    END { print peer }' | while read -r ip; do pid_of_ip "$ip"; done
}

results=()
round() {
  local what=$1
  local out="$work/curl-$what.txt"
  curl -s -o /dev/null -w '%{http_code} %{size_download} %{exitcode}' --limit-rate "$rate" --max-time 600 -x "http://127.0.0.1:$proxy" "http://$server_ip:$port/blob" >"$out" 2>/dev/null &
  local curl_pid=$!
  local target=
  for _ in $(seq 100); do
    sleep 0.2
    local e; e=$(exit_pid)
    [ -n "$e" ] || continue
    if [ "$what" = exit ]; then target=$e; else target=$(relay_pid "$e"); fi
    [ -n "$target" ] && break
  done
  sleep 2
  if [ -z "$target" ] || ! kill -0 "$curl_pid" 2>/dev/null; then
    echo "  $what: the download did not run long enough to kill a Node ($(cat "$out" 2>/dev/null))"
    wait "$curl_pid"; return
  fi
  echo "  $what: $size_mib MiB download at $rate/s; SIGKILL of Node $(index_of_pid "$target") (pid $target) during the download"
  local killed; killed=$(now)
  kill -9 "$target"
  wait "$curl_pid"
  local ended; ended=$(now)
  local good=
  local give_up=$(( $(date +%s) + 300 ))
  while [ "$(date +%s)" -lt "$give_up" ]; do
    if curl -fs -o /dev/null --max-time 20 -x "http://127.0.0.1:$proxy" "http://$server_ip:$port/small"; then good=$(now); break; fi
    sleep 0.5
  done
  local to_end; to_end=$(secs "$killed" "$ended")
  local to_good="never (gave up after 300 s)"; [ -n "$good" ] && to_good="$(secs "$killed" "$good") s"
  echo "  $what: curl ended $to_end s after the kill (status, bytes, exit: $(cat "$out")); next good request after $to_good"
  results+=("$what: download ended after $to_end s, next good request after $to_good")
}

for what in relay exit; do
  if [ -z "$only" ] || [ "$only" = "$what" ]; then
    mesh_up
    round "$what"
  fi
done
echo "== result"
for r in "${results[@]}"; do echo "  $r"; done
