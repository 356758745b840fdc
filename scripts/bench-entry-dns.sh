#!/usr/bin/env bash
# Entry DNS figures: (1) the answer path alone (BenchmarkDotNet: time and allocations per query); (2) answers per
# second and latency percentiles over real UDP sockets, against a server hosted by the load tool and against a real
# Node's 127.0.0.1:53 in private namespaces; (3) time to first byte through DNS subversion against the forward proxy of
# the same Node, in the same run, through a 6-Node localnet with a 3-hop route (the integration scenario's script).
#   scripts/bench-entry-dns.sh [--no-build] [--no-answer-path] [--no-ttfb]
# Needs root (port 53 and namespaces), dnsmasq, python3, openssl, curl (scripts/install-test-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=1 answer_path=1 ttfb=1
for arg in "$@"; do
  case $arg in
    --no-build) build=0 ;;
    --no-answer-path) answer_path=0 ;;
    --no-ttfb) ttfb=0 ;;
    *) echo "usage: $0 [--no-build] [--no-answer-path] [--no-ttfb]" >&2; exit 2 ;;
  esac
done
if [ "$(id -u)" -ne 0 ]; then echo "run as root: the Node binds 127.0.0.1:53 and the runs use namespaces" >&2; exit 1; fi
if [ $build = 1 ]; then
  for project in src/Masq.Node src/Masq.Cli src/Masq.DnsUtility tests/Masq.Benchmarks; do
    dotnet build "$project" -c Release -v quiet -nologo -clp:ErrorsOnly
  done
fi
bench="$root/tests/Masq.Benchmarks/bin/Release/net10.0/Masq.Benchmarks.dll"
node="$root/src/Masq.Node/bin/Release/net10.0/MASQNode"
work=$(mktemp -d /tmp/masq-bench-entry-dns.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ $answer_path = 1 ]; then
  echo "== answer path (BenchmarkDotNet)"
  (cd "$work" && dotnet "$bench" --filter '*EntryDnsAnswerBenchmarks*' --job short --memory --inProcess) | grep -E '^\|' || true
fi

echo "== real sockets: the load tool's own server"
dotnet "$bench" entry-dns-load --clients 8 --seconds 10

echo "== real sockets: a Node's 127.0.0.1:53 (zero-hop, in private namespaces)"
cat >"$work/node-load.sh" <<SH
set -euo pipefail
ip link set lo up
mount -t tmpfs tmpfs /run
MASQ_ALLOW_ROOT=1 "$node" --neighborhood-mode zero-hop --data-directory "$work/node" --ui-port 20199 --proxy-port 0 >"$work/node.out" 2>&1 &
for _ in \$(seq 1 300); do
  grep -qs "Entry DNS on 127.0.0.1:53" "$work/node/MASQNode_rCURRENT.log" && break
  sleep 0.2
done
dotnet "$bench" entry-dns-load --server 127.0.0.1:53 --clients 8 --seconds 10
SH
unshare -m -n -p --fork --mount-proc bash "$work/node-load.sh"

if [ $ttfb = 1 ]; then
  echo "== time to first byte, 1.5 MB page, 3-hop route: DNS subversion (lookup included) vs the forward proxy, alternating"
  WORK="$work/ttfb" OUT="$work/ttfb-out" DNS_UTILITY="$root/src/Masq.DnsUtility/bin/Release/net10.0/dns_utility" \
    MASQ="$root/src/Masq.Cli/bin/Release/net10.0/masq" MASQ_NODE_PATH="$node" \
    unshare -m -n -p --fork --mount-proc bash tests/Masq.IntegrationTests/EntryDns/browse-with-dns-subversion.sh 2>/dev/null
  for way in dns proxy; do
    awk -v way="$way" '$1 == way { print $3 * 1000 }' "$work/ttfb-out/figures.txt" | sort -n | awk -v way="$way" \
      '{ v[NR] = $1 } END { if (NR == 0) { print way ": no samples"; exit } printf "%-6s n=%d  median %.1f ms  p90 %.1f ms  min %.1f ms  max %.1f ms\n", way, NR, v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[1], v[NR] }'
  done
fi
