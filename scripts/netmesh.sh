#!/usr/bin/env bash
# The multi-host test network of issue 13, for a person: the same network as the integration tests' NatMesh.
# Network namespaces only (nothing touches this machine's interfaces), addresses from the documentation ranges only:
#   - an "internet" 203.0.113.0/24: every host's veth ends in the core namespace beside a TAP of
#     scripts/netmesh-switch.py, a learning switch that delays and drops frames as netem would;
#   - PUBLIC Nodes on it at 203.0.113.10.. (--ip given);
#   - ROUTED Nodes each behind a home router at 203.0.113.20.. (nftables NAT and Debian's miniupnpd speaking UPnP IGD,
#     NAT-PMP and PCP; LAN 192.0.2.0/24, the Node at 192.0.2.10): no --ip, they map their port themselves;
#   - a web server at 203.0.113.200:8080 serving /blob (4 MB of random bytes, its SHA-256 in blob.sha256).
# The first public Node starts alone, the others debut to it, the routed Nodes debut to public ones. The first routed
# Node originates (consuming wallet, forward proxy on its namespace's 127.0.0.1:8118, min-hops 3).
#
#   sudo scripts/netmesh.sh up        builds it, starts it, prints what to run; returns (the Nodes keep running)
#   sudo scripts/netmesh.sh down      stops the Nodes (they delete their mappings) and removes every namespace
#   sudo scripts/netmesh.sh shape D L sets every host's one-way delay to D ms (RTT 2·D) and loss to L %
#   sudo scripts/netmesh.sh move I IP the ISP gives router I another public address IP (203.0.113.x): its Node notices
#                                     within POLL seconds, moves its record and gossips it
#
# Settings (environment): PUBLIC (4), ROUTED (3), DELAYS ("10 15 20 25 30 35 40 10": each host's one-way delay in ms
# in turn, so any two see 20–75 ms RTT), LOSS (1, %), POLL (10: how often, in s, the routed Nodes ask their router for
# its public address), DIR (/tmp/masq-netmesh), PREFIX (mqnet). Needs root, ip,
# nft, miniupnpd, python3, curl (scripts/install-test-deps.sh) and a built MASQNode and masq (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
action=${1:-up}
public=${PUBLIC:-4}
routed=${ROUTED:-3}
read -r -a delays <<< "${DELAYS:-10 15 20 25 30 35 40 10}"
loss=${LOSS:-1}
dir=${DIR:-/tmp/masq-netmesh}
prefix=${PREFIX:-mqnet}
port=18620
chain=base-sepolia

[ "$(id -u)" -eq 0 ] || { echo "needs root (network namespaces): sudo $0 $*" >&2; exit 1; }
[ "$public" -ge 1 ] && [ "$routed" -ge 1 ] || { echo "PUBLIC and ROUTED must be at least 1 (the originator sits behind the first router)" >&2; exit 1; }

ns() { echo "$prefix-$1"; }
in_ns() { local n=$1; shift; ip netns exec "$(ns "$n")" "$@"; }

find_binaries() {
  for config in Debug Release; do
    node_bin="$root/src/Masq.Node/bin/$config/net10.0/MASQNode"
    masq_bin="$root/src/Masq.Cli/bin/$config/net10.0/masq"
    if [ -x "$node_bin" ] && [ -x "$masq_bin" ]; then return; fi
  done
  echo "== building MASQNode and masq (dotnet build)" >&2
  dotnet build "$root/src/Masq.Node/Masq.Node.csproj" -v q -nologo >&2
  dotnet build "$root/src/Masq.Cli/Masq.Cli.csproj" -v q -nologo >&2
  node_bin="$root/src/Masq.Node/bin/Debug/net10.0/MASQNode"
  masq_bin="$root/src/Masq.Cli/bin/Debug/net10.0/masq"
}

write_switch_config() {  # delay-override loss version
  local override=$1 loss_now=$2 version=$3 i=0 first=1
  {
    printf '{"version": %s, "loss": %s, "ports": {' "$version" "$loss_now"
    for i in $(seq 0 $((public + routed))); do
      local d=${delays[$((i % ${#delays[@]}))]}
      [ -n "$override" ] && d=$override
      [ $first -eq 1 ] || printf ', '
      first=0
      printf '"t%s": %s' "$i" "$d"
    done
    printf '}}\n'
  } > "$dir/switch.json.new"
  mv "$dir/switch.json.new" "$dir/switch.json"
}

down() {
  # The processes it started (pid files), politely first: the Nodes delete their port mappings as they stop.
  for pid_file in "$dir"/*.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid_file in "$dir"/*.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  done
  # Then anything still running inside its namespaces (a process keeps a deleted namespace alive), and the namespaces.
  local spaces
  spaces=$(ip netns list | awk '{print $1}' | grep "^$prefix-" || true)
  for n in $spaces; do
    for pid in $(ip netns pids "$n" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
  done
  for n in $spaces; do ip netns del "$n"; done
  echo "Stopped the network $prefix: its processes and namespaces are gone (logs stay in $dir)."
}

# miniupnpd refuses to forward when its WAN address is in a reserved range, as every documentation range is: a copy
# whose reserved-range table no longer lists 203.0.113.0/24 (as the tests' HomeRouter does).
patched_miniupnpd() {
  python3 - /usr/sbin/miniupnpd "$dir/miniupnpd" <<'PY'
import struct, sys, os
data = bytearray(open(sys.argv[1], 'rb').read())
entry = struct.pack('<II', 0xCB007100, 8)
at = data.find(entry)
if at < 0 or data.find(entry, at + 8) >= 0:
    sys.exit("miniupnpd: no single 203.0.113.0/24 entry in its reserved-range table; not the build this script knows")
data[at:at + 8] = struct.pack('<II', 0, 24)
open(sys.argv[2], 'wb').write(data)
os.chmod(sys.argv[2], 0o755)
PY
}

start_node() {  # name host extra-args...
  local name=$1 host=$2; shift 2
  # A new data directory each time: a database left by an earlier run has another password.
  rm -rf "${dir:?}/$name"
  mkdir -p "$dir/$name"
  local ui=$((5400 + ${#started[@]}))
  ip netns exec "$(ns "$host")" env MASQ_ALLOW_ROOT=1 ${node_env:-} "$node_bin" \
    --neighborhood-mode standard --chain "$chain" --data-directory "$dir/$name" --ui-port "$ui" \
    --clandestine-port "$port" --log-level info --blockchain-service-url http://198.51.100.250:8545 \
    --dns-servers 198.51.100.253 --scans off "$@" > "$dir/$name.out" 2>&1 &
  echo $! > "$dir/$name.pid"
  started+=("$name")
  ui_of[$name]=$ui
  host_of[$name]=$host
}

descriptor_of() {  # waits (bounded) for the Node's descriptor
  local name=$1
  for _ in $(seq 1 900); do
    local d
    d=$(grep -o 'MASQ Node local descriptor: masq://[^ ]*' "$dir/$name.out" | head -1 | sed 's/.*: //' || true)
    if [ -n "$d" ]; then echo "$d"; return; fi
    kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null || { echo "$name exited:" >&2; tail -20 "$dir/$name.out" >&2; exit 1; }
    sleep 0.2
  done
  echo "$name printed no descriptor in 180 s" >&2
  exit 1
}

case "$action" in
  down) down; exit 0 ;;
  shape)
    [ $# -eq 3 ] || { echo "usage: $0 shape DELAY_MS LOSS_PERCENT" >&2; exit 1; }
    write_switch_config "$2" "$3" "$(date +%s)"
    echo "Every host now delays by $2 ms (RTT $(( $2 * 2 )) ms) and loses $3 % of frames."
    exit 0 ;;
  move)
    [ $# -eq 3 ] && [ -f "$dir/network" ] || { echo "usage: $0 move ROUTER_INDEX NEW_PUBLIC_IP (with the network up)" >&2; exit 1; }
    # shellcheck disable=SC1091
    . "$dir/network"
    wan="${prefix}a$((public + $2))"
    old=$(in_ns "r$2" ip -4 -o addr show dev "$wan" | awk '{print $4}' | head -1)
    # The old one goes first: deleting a primary address deletes the secondaries of its subnet with it.
    in_ns "r$2" ip addr del "$old" dev "$wan"
    in_ns "r$2" ip addr add "$3/24" dev "$wan"
    echo "Router r$2's public address moved from ${old%/24} to $3; n$2 notices within ${POLL:-10} s (connection-status)."
    exit 0 ;;
  up) ;;
  *) echo "usage: $0 [up|down|shape DELAY_MS LOSS_PERCENT|move ROUTER_INDEX NEW_PUBLIC_IP]" >&2; exit 1 ;;
esac

for tool in /usr/sbin/ip /usr/sbin/nft /usr/sbin/miniupnpd /usr/bin/python3; do
  [ -x "$tool" ] || { echo "$tool is missing: run scripts/install-test-deps.sh" >&2; exit 1; }
done
if ip netns list | grep -q "^$prefix-"; then echo "the network $prefix is up already: $0 down first" >&2; exit 1; fi
find_binaries
mkdir -p "$dir"
printf 'public=%s\nrouted=%s\n' "$public" "$routed" > "$dir/network"
declare -a started=()
declare -A ui_of=() host_of=()

ip netns add "$(ns core)"
in_ns core ip link set lo up
link=0
join() {  # host cidr -> the host's interface, in a bridge s<link> of the core with the switch's TAP t<link>
  local host=$1 cidr=$2
  in_ns core ip link add "s$link" type bridge
  in_ns core ip link set "s$link" up
  ip link add "${prefix}a$link" netns "$(ns "$host")" type veth peer name "${prefix}b$link" netns "$(ns core)"
  in_ns core ip link set "${prefix}b$link" master "s$link"
  in_ns core ip link set "${prefix}b$link" up
  in_ns "$host" ip addr add "$cidr" dev "${prefix}a$link"
  in_ns "$host" ip link set "${prefix}a$link" up
  joined="${prefix}a$link"
  link=$((link + 1))
}

for i in $(seq 0 $((public - 1))); do
  ip netns add "$(ns "p$i")"; in_ns "p$i" ip link set lo up
  join "p$i" "203.0.113.$((10 + i))/24"
done

patched_miniupnpd
for i in $(seq 0 $((routed - 1))); do
  r="r$i"; lan="r${i}lan"
  ip netns add "$(ns "$r")"; in_ns "$r" ip link set lo up
  ip netns add "$(ns "$lan")"; in_ns "$lan" ip link set lo up
  join "$r" "203.0.113.$((20 + i))/24"; wan=$joined
  ip link add "${prefix}l$i" netns "$(ns "$lan")" type veth peer name "${prefix}m$i" netns "$(ns "$r")"
  in_ns "$lan" ip addr add 192.0.2.10/24 dev "${prefix}l$i"; in_ns "$lan" ip link set "${prefix}l$i" up
  in_ns "$r" ip addr add 192.0.2.1/24 dev "${prefix}m$i"; in_ns "$r" ip link set "${prefix}m$i" up
  in_ns "$lan" ip route add default via 192.0.2.1
  in_ns "$r" sysctl -qw net.ipv4.ip_forward=1
  cat > "$dir/$r.nft" <<EOF
table inet masqrouter {
  chain forward { type filter hook forward priority 0; policy drop; ct state established,related accept; iifname "${prefix}m$i" accept; jump miniupnpd; }
  chain miniupnpd { }
  chain prerouting { type nat hook prerouting priority -100; policy accept; jump prerouting_miniupnpd; }
  chain postrouting { type nat hook postrouting priority 100; policy accept; jump postrouting_miniupnpd; oifname "$wan" masquerade; }
  chain prerouting_miniupnpd { }
  chain postrouting_miniupnpd { }
}
EOF
  in_ns "$r" /usr/sbin/nft -f "$dir/$r.nft"
  cat > "$dir/$r-miniupnpd.conf" <<EOF
ext_ifname=$wan
listening_ip=${prefix}m$i
http_port=5000
enable_natpmp=yes
enable_upnp=yes
secure_mode=yes
system_uptime=yes
uuid=$(python3 -c 'import uuid; print(uuid.uuid4())')
upnp_table_name=masqrouter
upnp_nat_table_name=masqrouter
upnp_forward_chain=miniupnpd
upnp_nat_chain=prerouting_miniupnpd
upnp_nat_postrouting_chain=postrouting_miniupnpd
min_lifetime=120
max_lifetime=86400
allow 1024-65535 192.0.2.0/24 1024-65535
deny 0-65535 0.0.0.0/0 0-65535
EOF
  # Started by ip itself, not through in_ns (a subshell): $! is then miniupnpd's own pid, which down stops.
  ip netns exec "$(ns "$r")" "$dir/miniupnpd" -f "$dir/$r-miniupnpd.conf" -d -P "$dir/$r-miniupnpd.pidfile" > "$dir/$r-miniupnpd.out" 2>&1 &
  echo $! > "$dir/$r-miniupnpd.pid"
done

ip netns add "$(ns web)"; in_ns web ip link set lo up
join web 203.0.113.200/24
mkdir -p "$dir/www"
head -c 4000000 /dev/urandom > "$dir/www/blob"
sha256sum "$dir/www/blob" | cut -d' ' -f1 > "$dir/www/blob.sha256"
ip netns exec "$(ns web)" python3 -u -m http.server --bind 203.0.113.200 --directory "$dir/www" 8080 > "$dir/web.out" 2>&1 &
echo $! > "$dir/web.pid"

write_switch_config "" "$loss" 1
ip netns exec "$(ns core)" python3 -u "$root/scripts/netmesh-switch.py" "$dir/switch.json" > "$dir/switch.out" 2>&1 &
echo $! > "$dir/switch.pid"
for _ in $(seq 1 150); do grep -q ready "$dir/switch.out" 2>/dev/null && break; sleep 0.2; done
grep -q ready "$dir/switch.out" || { echo "the switch did not start:" >&2; cat "$dir/switch.out" >&2; exit 1; }
for i in $(seq 0 $((link - 1))); do
  in_ns core ip link set "t$i" master "s$i"
  in_ns core ip link set "t$i" up
done

start_node p0 p0 --ip 203.0.113.10
first=$(descriptor_of p0)
for i in $(seq 1 $((public - 1))); do start_node "p$i" "p$i" --ip "203.0.113.$((10 + i))" --neighbors "$first"; done
declare -a publics=("$first")
for i in $(seq 1 $((public - 1))); do publics+=("$(descriptor_of "p$i")"); done
for i in $(seq 0 $((routed - 1))); do
  introducer=${publics[$(( (public - 1 - i % public + public) % public ))]}
  if [ "$i" -eq 0 ]; then
    key=$(python3 -c 'import secrets; k = secrets.token_bytes(32); print(("7f" + k[1:].hex()))')
    node_env="MASQ_MAPPING_POLL_SECONDS=${POLL:-10} MASQ_CONSUMING_PRIVATE_KEY=$key MASQ_DB_PASSWORD=netmesh-$(python3 -c 'import secrets; print(secrets.token_hex(8))')" \
      start_node "n$i" "r${i}lan" --neighbors "$introducer" --min-hops 3 --proxy-port 8118
  else
    node_env="MASQ_MAPPING_POLL_SECONDS=${POLL:-10}" start_node "n$i" "r${i}lan" --neighbors "$introducer"
  fi
done
for i in $(seq 0 $((routed - 1))); do descriptor_of "n$i" > /dev/null; done

# The mesh forms by gossip: wait (bounded) until the originator has a 3-hop route, so that the curl below works at once.
echo "== waiting for the mesh to form (n0 reporting RouteFound; up to 180 s)" >&2
route=no
for _ in $(seq 1 90); do
  if in_ns r0lan "$masq_bin" --ui-port "${ui_of[n0]}" connection-status 2>/dev/null | grep -q RouteFound; then route=yes; break; fi
  sleep 2
done
[ "$route" = yes ] || echo "n0 has no 3-hop route yet: see $dir/n0.out; the mesh may still be forming" >&2

echo
echo "The network $prefix is up ($public public Nodes, $routed behind NAT routers; logs and pid files in $dir):"
for name in "${started[@]}"; do
  printf '  %-3s in %-14s ui %s  %s\n' "$name" "$(ns "${host_of[$name]}")" "${ui_of[$name]}" "$(descriptor_of "$name")"
  grep -m1 -o 'Clandestine port .*' "$dir/$name.out" | sed 's/^/        /' || true
done
cat <<EOF

Fetch through a 3-hop route from the Node behind the first router (expect $(cat "$dir/www/blob.sha256")):
  sudo ip netns exec $(ns r0lan) curl -x http://127.0.0.1:8118 http://203.0.113.200:8080/blob | sha256sum
A Node's view:    sudo ip netns exec $(ns r0lan) $masq_bin --ui-port ${ui_of[n0]} connection-status
The router's NAT: sudo ip netns exec $(ns r0) nft list chain inet masqrouter prerouting_miniupnpd
Shape the links:  sudo $0 shape 40 1      (every host delays 40 ms: RTT 80 ms; 1 % loss)
Move a Node:      sudo $0 move 0 203.0.113.30   (router r0 gets a new public IP; n0 follows it)
Stop it all:      sudo $0 down
EOF
