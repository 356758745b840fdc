#!/usr/bin/env bash
# Accounting overhead: 3-hop downloads through one real localnet of published Nodes, alternately with the
# Accountant's database writes on (as users run it) and off. The Nodes run with
# MASQ_BENCHMARK_ACCOUNTING_WRITES=off-while:FILE, so creating FILE switches the writes off within a flush interval
# and removing it switches them on again: both halves of each round use the same Nodes and the same route, and which
# half goes first alternates per round, so machine noise hits both alike. Reports the median MB/s of each, the
# median of the per-round cost, and a direct download from the same server for scale. Measures only; asserts nothing.
#
# Options: --nodes N (7), --size-mib N (256), --rounds N (7), --no-publish (reuse artifacts/publish).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

nodes=7
size_mib=256
rounds=7
publish=1
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes=$2; shift 2 ;;
    --size-mib) size_mib=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --no-publish) publish=0; shift ;;
    *) echo "unknown option '$1' (options: --nodes N, --size-mib N, --rounds N, --no-publish)" >&2; exit 2 ;;
  esac
done

if [ "$publish" -eq 1 ] || [ ! -x artifacts/publish/Masq.Cli/masq ]; then
  echo "== publishing (Release, ReadyToRun)"
  bash scripts/publish.sh || exit 1
fi
masq="$root/artifacts/publish/Masq.Cli/masq"
export MASQ_NODE_PATH="$root/artifacts/publish/Masq.Node/MASQNode"

work=$(mktemp -d /tmp/masq-bench-accounting.XXXXXX)
chmod 755 "$work"   # the Nodes look for the switch file here, whatever user they run as
server_ip=127.0.6.200
server_pid=
cleanup() {
  "$masq" localnet down --data-directory "$work/net" >/dev/null 2>&1
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The destination: a plain HTTP server on its own loopback address serving one file of random bytes from memory.
mkdir -p "$work/www"
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/www/blob"
head -c $((1024 * 1024)) /dev/urandom >"$work/www/warm"
expected=$(sha256sum "$work/www/blob" | cut -d' ' -f1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("'$server_ip'", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind "$server_ip" --directory "$work/www" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://$server_ip:$port/warm" && break; sleep 0.1; done

marker="$work/writes-off"
echo "== a localnet of $nodes Nodes (min-hops 3), accounting writes switched by $marker"
MASQ_BENCHMARK_ACCOUNTING_WRITES="off-while:$marker" "$masq" localnet up "$nodes" --data-directory "$work/net" --base-ip 127.0.4.2 --allow-loopback-targets >"$work/up.txt" || { cat "$work/up.txt"; exit 1; }

field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["nodes"][0][sys.argv[2]])' "$work/net/localnet.json" "$1"; }
ui=$(field uiPort); proxy=$(field proxyPort)
for _ in $(seq 120); do
  "$masq" --ui-port "$ui" connection-status 2>/dev/null | grep -q RouteFound && break
  sleep 1
done
"$masq" --ui-port "$ui" connection-status 2>/dev/null | grep -q RouteFound || { echo "no route found on the originator (UI port $ui)"; exit 1; }

# Prints MB/s, or FAILED when the bytes are not all there and intact.
download() {
  local proxy=$1 out="$work/got"
  local stats
  stats=$(curl -s -o "$out" -w '%{size_download} %{time_total}' ${proxy:+-x "http://127.0.0.1:$proxy"} "http://$server_ip:$port/blob")
  local bytes=${stats% *} seconds=${stats#* }
  if [ "$bytes" != $((size_mib * 1024 * 1024)) ] || [ "$(sha256sum "$out" | cut -d' ' -f1)" != "$expected" ]; then
    echo FAILED
  else
    python3 -c "print(f'{$bytes / 1e6 / $seconds:.1f}')"
  fi
  rm -f "$out"
}

# Switches the writes and waits out a flush interval (1 s), so the next download is all in the new state.
writes() {
  if [ "$1" = on ]; then rm -f "$marker"; else touch "$marker"; fi
  sleep 1.5
}

# Warm-up, not measured: one full download with the writes on, then a flush interval, so neither the runtime's
# re-compilation of the hot paths nor each Node's first database write (EF Core builds its model and compiles its
# queries once per process) falls inside round 1, which would always count against the writes.
curl -s -o /dev/null -x "http://127.0.0.1:$proxy" "http://$server_ip:$port/blob"
sleep 1.5

echo "== $rounds rounds of $size_mib MiB (3 hops out, 3 back), writes on and off in turn"
direct=$(download "")
on=()
off=()
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    writes on; a=$(download "$proxy"); writes off; b=$(download "$proxy")
  else
    writes off; b=$(download "$proxy"); writes on; a=$(download "$proxy")
  fi
  on+=("$a"); off+=("$b")
  echo "  round $round: writes on $a MB/s, writes off $b MB/s"
done
writes on

"$masq" --ui-port "$ui" financials --gwei --top 5 >"$work/financials.txt" 2>&1
echo "== what the originator recorded while the writes were on (masq financials --gwei --top 5)"
sed 's/^/  /' "$work/financials.txt"

python3 - "$direct" "${on[*]}" "${off[*]}" "$size_mib" <<'PY'
import statistics, sys
direct = sys.argv[1]
on = [float(v) for v in sys.argv[2].split() if v != "FAILED"]
off = [float(v) for v in sys.argv[3].split() if v != "FAILED"]
failed = len(sys.argv[2].split()) - len(on) + len(sys.argv[3].split()) - len(off)
if not on or not off:
    print("no intact downloads to compare"); sys.exit(1)
m_on, m_off = statistics.median(on), statistics.median(off)
pairs = [1 - a / b for a, b in zip([float(v) for v in sys.argv[2].split()], [float(v) for v in sys.argv[3].split()])] if not failed else []
print(f"== result ({sys.argv[4]} MiB, 3 hops)")
print(f"  direct (no Node): {direct} MB/s")
print(f"  accounting writes on:  median {m_on:.1f} MB/s (min {min(on):.1f}, max {max(on):.1f})")
print(f"  accounting writes off: median {m_off:.1f} MB/s (min {min(off):.1f}, max {max(off):.1f})")
print(f"  cost of the writes: {(1 - m_on / m_off) * 100:.1f}% of throughput by the medians"
      + (f", {statistics.median(pairs) * 100:.1f}% by the median of the rounds" if pairs else "") + " (aim: under 5%)")
if failed:
    print(f"  {failed} download(s) not intact")
PY
