#!/usr/bin/env bash
# Regenerates src/Masq.Node/Neighborhood/Countries/ip-country.bin.br from pinned npm packages (see README.md).
# Needs node and npm with access to the npm registry; nothing is downloaded by the Node at run time.
# To move to a newer DB-IP release, change DBIP_VERSION (npm view @ip-location-db/dbip-country version).
set -euo pipefail

DBIP_VERSION="${DBIP_VERSION:-2.3.2026060120}"
COUNTRIES_LIST_VERSION="${COUNTRIES_LIST_VERSION:-3.4.1}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/src/Masq.Node/Neighborhood/Countries/ip-country.bin.br}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(
  cd "$work"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --ignore-scripts --save-exact \
    "@ip-location-db/dbip-country@$DBIP_VERSION" "countries-list@$COUNTRIES_LIST_VERSION" >/dev/null
)

node "$here/generate.mjs" "$work/node_modules" "$out"
