#!/usr/bin/env bash
# A localnet that pays, in one command: a local chain (ganache from tools/chain) with the token deployed at the dev
# chain's contract address, N Nodes (masq localnet up) with low payment thresholds and short scan intervals, every
# Node's consuming wallet funded with tokens and ether, and a small web server to fetch through the mesh.
#
#   scripts/localnet-paying.sh [up]     starts it all and prints what to run to see payments
#   scripts/localnet-paying.sh down     stops the Nodes, the web server and the chain
#
# Settings (environment): NODES (7), DIR (/tmp/masq-paying), BASE_IP (127.0.0.2), CHAIN_PORT (18545),
# WEB_PORT (18080), THRESHOLDS ('1000|0|1000000|0|1|0': any debt over 1,000 gwei is paid at the next payable scan),
# SCAN_INTERVALS ('5|10|5' s: pendingPayable|payable|receivable), MASQ (the masq binary; default: the published or
# built one of this checkout, built if there is none). Needs node and npm (scripts/install-test-deps.sh installs
# ganache in tools/chain), curl, and python3 for the web server.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
action=${1:-up}
nodes=${NODES:-7}
dir=${DIR:-/tmp/masq-paying}
base_ip=${BASE_IP:-127.0.0.2}
chain_port=${CHAIN_PORT:-18545}
web_port=${WEB_PORT:-18080}
thresholds=${THRESHOLDS:-1000|0|1000000|0|1|0}
intervals=${SCAN_INTERVALS:-5|10|5}
chain_url="http://127.0.0.1:$chain_port"
chain_js="$root/tools/chain/localnet-chain.js"
# The tests' mnemonic (tests/Masq.IntegrationTests/Money/GanacheChain.cs): account 0 deploys the token and funds the Nodes.
mnemonic="timber cage wide hawk phone shaft pattern movie army dizzy hen tackle lamp absent write kind term toddler sphere ripple idle dragon curious hold"

find_masq() {
  if [ -n "${MASQ:-}" ]; then echo "$MASQ"; return; fi
  for candidate in "$root/artifacts/publish/Masq.Cli/masq" "$root/src/Masq.Cli/bin/Debug/net10.0/masq" "$root/src/Masq.Cli/bin/Release/net10.0/masq"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "== building masq and MASQNode (dotnet build)" >&2
  dotnet build "$root/src/Masq.Node/Masq.Node.csproj" -v q -nologo >&2
  dotnet build "$root/src/Masq.Cli/Masq.Cli.csproj" -v q -nologo >&2
  echo "$root/src/Masq.Cli/bin/Debug/net10.0/masq"
}

stop_pid_file() {
  local file=$1
  if [ -f "$file" ]; then
    local pid
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
    rm -f "$file"
  fi
}

masq=$(find_masq)

if [ "$action" = down ]; then
  "$masq" localnet down --data-directory "$dir" || true
  stop_pid_file "$dir/web.pid"
  stop_pid_file "$dir/ganache.pid"
  echo "Stopped the localnet, the web server and the chain in $dir."
  exit 0
fi
if [ "$action" != up ]; then
  echo "usage: $0 [up|down]" >&2
  exit 2
fi

ganache="$root/tools/chain/node_modules/ganache/dist/node/cli.js"
if [ ! -f "$ganache" ]; then
  echo "ganache is not installed: run scripts/install-test-deps.sh (npm ci in tools/chain)" >&2
  exit 1
fi
mkdir -p "$dir"
if [ -f "$dir/ganache.pid" ] && kill -0 "$(cat "$dir/ganache.pid")" 2>/dev/null; then
  echo "A paying localnet already runs in $dir; stop it first: $0 down" >&2
  exit 1
fi

echo "== chain: ganache on $chain_url (chain id 2, log $dir/ganache.log)"
(cd "$root/tools/chain" && exec node "$ganache" --server.host 127.0.0.1 --server.port "$chain_port" \
  --chain.chainId 2 --chain.networkId 2 --wallet.mnemonic "$mnemonic" --miner.defaultGasPrice 20000000000 \
  --logging.quiet true) >"$dir/ganache.log" 2>&1 &
echo $! >"$dir/ganache.pid"
for _ in $(seq 1 150); do
  if curl -s -o /dev/null -X POST -H 'content-type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$chain_url"; then break; fi
  sleep 0.2
done
node "$chain_js" deploy "$chain_url"

echo "== $nodes Nodes: masq localnet up (thresholds $thresholds, scan intervals $intervals)"
"$masq" localnet up "$nodes" --data-directory "$dir" --base-ip "$base_ip" --chain dev --allow-loopback-targets \
  --blockchain-service-url "$chain_url" --payment-thresholds "$thresholds" --scan-intervals "$intervals" | tee "$dir/up.txt"

consuming=$(grep -o 'consuming wallet: 0x[0-9a-fA-F]*' "$dir/up.txt" | awk '{print $3}')
if [ -z "$consuming" ]; then
  echo "localnet up printed no consuming wallets; see $dir/up.txt" >&2
  exit 1
fi
echo "== funding each Node's consuming wallet with 1,000,000 tokens and 10 ETH from ganache's account 0"
# shellcheck disable=SC2086
node "$chain_js" fund "$chain_url" 1000000 10 $consuming

echo "== web server: http://127.0.0.1:$web_port/blob (5 MiB) from $dir/www"
mkdir -p "$dir/www"
head -c $((5 * 1024 * 1024)) /dev/urandom >"$dir/www/blob"
(cd "$dir/www" && exec python3 -m http.server "$web_port" --bind 127.0.0.1) >"$dir/web.log" 2>&1 &
echo $! >"$dir/web.pid"

payable_s=$(echo "$intervals" | cut -d"|" -f2)
last_ui=$(grep -o 'ui-port: *[0-9]*' "$dir/up.txt" | tail -1 | awk '{print $2}')
last_proxy=$(grep -o 'curl -x http://127.0.0.1:[0-9]*' "$dir/up.txt" | tail -1 | awk '{print $3}')
cat <<MSG

A paying localnet runs in $dir (chain $chain_url; Nodes' logs in $dir/node-K/node.log).
To see a payment land, with the last Node as the one that consumes:

  # 1. Wait for a route (RouteFound; gossip takes up to a minute), then fetch 5 MiB through the mesh:
  $masq --ui-port $last_ui connection-status
  curl -s -o /dev/null -x $last_proxy http://127.0.0.1:$web_port/blob

  # 2. What it owes, to the wei, and to whom:
  $masq --ui-port $last_ui financials --wei --top 10

  # 3. Pay now instead of waiting for the next automatic payable scan (every $payable_s s), and confirm:
  $masq --ui-port $last_ui scan payables
  $masq --ui-port $last_ui scan pendingpayables

  # 4. A serving Node's side (its UI port is in the list above): the receivable scan finds the payment on chain;
  #    its "Paid receivable" equals what the consumer paid it, to the wei.
  $masq --ui-port <UI-PORT> scan receivables
  $masq --ui-port <UI-PORT> financials --wei --top 10
  node $chain_js balance $chain_url <EARNING-WALLET>

  # Stop it all:
  DIR=$dir $0 down
MSG
