#!/usr/bin/env bash
# Installs what the tests use from the machine's registries (Debian packages, npm). Idempotent.
set -euo pipefail
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
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
