#!/usr/bin/env bash
# Installs what the tests use from the machine's registries (Debian packages, npm). Idempotent.
set -euo pipefail
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
# The data-path tests resolve their test host names through a real DNS server on loopback.
[ -x /usr/sbin/dnsmasq ] || command -v dnsmasq >/dev/null 2>&1 || need_apt+=(dnsmasq-base)
# The neighborhood graph test checks its DOT output with Graphviz itself.
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
# The DNS subversion scenarios: namespaces and setpriv (util-linux), ip (iproute2), a web server with TLS (python3,
# openssl) and getent (libc-bin, always there).
command -v unshare >/dev/null 2>&1 && command -v setpriv >/dev/null 2>&1 || need_apt+=(util-linux)
command -v ip >/dev/null 2>&1 || need_apt+=(iproute2)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
# The port-mapping tests build a home router in network namespaces: NAT with nftables, Debian's miniupnpd (UPnP IGD,
# NAT-PMP, PCP), and miniupnpc's upnpc to list its mappings.
[ -x /usr/sbin/nft ] || command -v nft >/dev/null 2>&1 || need_apt+=(nftables)
[ -x /usr/sbin/miniupnpd ] || need_apt+=(miniupnpd-nftables)
command -v upnpc >/dev/null 2>&1 || need_apt+=(miniupnpc)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "need root (or sudo) to install: ${need_apt[*]}" >&2
    exit 1
  fi
  echo "== apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# The local chain of the money tests: ganache and solc from npm, pinned by tools/chain/package-lock.json.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "need root (or sudo) to install: nodejs npm" >&2
    exit 1
  fi
  echo "== apt-get install nodejs npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
chain_dir="$(cd "$(dirname "$0")/.." && pwd)/tools/chain"
if [ ! -f "$chain_dir/node_modules/ganache/package.json" ] || [ ! -f "$chain_dir/node_modules/solc/package.json" ] \
   || [ "$chain_dir/package-lock.json" -nt "$chain_dir/node_modules/.package-lock.json" ]; then
  echo "== npm ci (tools/chain)"
  (cd "$chain_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The Node and its tests run with ICU (BIP-39 needs Unicode NFKD); the .NET SDK normally brings it.
if ! ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so'; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "need root (or sudo) to install: libicu" >&2
    exit 1
  fi
  echo "== apt-get install libicu"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$(apt-cache search --names-only '^libicu[0-9]+$' | awk '{print $1}' | sort -V | tail -n 1)" >/dev/null
fi
