#!/usr/bin/env bash
# Hardening figures: runs the flood tests against real Node processes and prints what they measured —
# the Node's RSS before, at its peak and after 400 connections each holding an unfinished 1.5 MiB frame (against a
# 64 MiB buffer budget), how fast slowloris heads and silent CONNECT tunnels are closed (2 s head timeout), and how
# many log lines 10,000 garbage frames cost.
#   scripts/bench-flood.sh            # builds the Node and the integration tests first
#   scripts/bench-flood.sh --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  dotnet build tests/Masq.IntegrationTests/Masq.IntegrationTests.csproj -v q -nologo
fi
figures=$(mktemp /tmp/masq-flood-figures.XXXXXX)
trap 'rm -f "$figures"' EXIT
MASQ_FLOOD_FIGURES="$figures" dotnet test tests/Masq.IntegrationTests/Masq.IntegrationTests.csproj --no-build \
  --filter "FullyQualifiedName~Masq.IntegrationTests.Neighborhood.HardeningTests" | grep -E "Passed!|Failed!|Failed |Error Message" || true
echo "== figures"
cat "$figures"
