#!/usr/bin/env bash
# dns_utility killed (SIGKILL) at every step of subvert and of revert, for both layouts, inside private namespaces.
# DNS_UTILITY_STEPS is the crash tests' build, which pauses at the step MASQ_DNS_UTILITY_PAUSE_AT names, so each kill
# lands exactly there. After each kill: what /etc/resolv.conf is (the old configuration or the new one, never
# anything else), then the product's revert, then the restored file. One line per case in $OUT/crashes.txt:
#   LAYOUT COMMAND STEP STATE-AFTER-KILL REVERT-RC RESTORED LEFTOVERS
# Env: WORK, OUT, DNS_UTILITY, DNS_UTILITY_STEPS.
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=ns-common.sh
. "$here/ns-common.sh"
: "${DNS_UTILITY_STEPS:?}"

# Runs the step build until it pauses at $2 (bounded), then kills it.
kill_at() {
  local command=$1 step=$2 pid
  MASQ_DNS_UTILITY_PAUSE_AT=$step "$DNS_UTILITY_STEPS" "$command" >"$WORK/steps.out" 2>"$WORK/steps.err" &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q "paused at $step" "$WORK/steps.err" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if grep -q "paused at $step" "$WORK/steps.err"; then kill -9 "$pid"; fi
  wait "$pid" 2>/dev/null || true
}

# old / new / other: what a kill left behind.
state_of() {
  local layout=$1
  if [ "$layout" = symlink ] && [ -L /etc/resolv.conf ] && [ "$(readlink /etc/resolv.conf)" = "$STUB_LINK" ]; then echo old; return; fi
  if [ "$layout" = plain ] && [ ! -L /etc/resolv.conf ] && cmp -s /etc/resolv.conf "$OUT/$layout-original"; then echo old; return; fi
  if [ ! -L /etc/resolv.conf ] && head -1 /etc/resolv.conf | grep -q '^# Subverted by MASQ dns_utility' \
    && grep -qx 'nameserver 127.0.0.1' /etc/resolv.conf && [ "$(grep -c '^nameserver' /etc/resolv.conf)" = 1 ]; then echo new; return; fi
  echo other
}

restored() {
  local layout=$1
  if [ "$layout" = symlink ]; then
    [ -L /etc/resolv.conf ] && [ "$(readlink /etc/resolv.conf)" = "$STUB_LINK" ] && cmp -s /run/systemd/resolve/stub-resolv.conf "$OUT/$layout-original" && echo yes || echo no
  else
    [ ! -L /etc/resolv.conf ] && cmp -s /etc/resolv.conf "$OUT/$layout-original" && echo yes || echo no
  fi
}

: >"$OUT/crashes.txt"
for layout in plain symlink; do
  for step in backup-made backup-placed backup-synced subverted-written switched; do
    "${layout}_layout" "$layout-original"
    kill_at subvert "$step"
    state=$(state_of "$layout")
    set +e; "$DNS_UTILITY" revert >"$WORK/revert.out" 2>&1; rc=$?; set -e
    echo "$layout subvert $step $state $rc $(restored "$layout") [$(leftovers)]" >>"$OUT/crashes.txt"
  done
  for step in revert-started restored; do
    "${layout}_layout" "$layout-original"
    "$DNS_UTILITY" subvert >/dev/null
    kill_at revert "$step"
    state=$(state_of "$layout")
    set +e; "$DNS_UTILITY" revert >"$WORK/revert.out" 2>&1; rc=$?; set -e
    echo "$layout revert $step $state $rc $(restored "$layout") [$(leftovers)]" >>"$OUT/crashes.txt"
  done
  # A subvert killed before its switch leaves a backup that a new subvert replaces; the later revert still restores.
  "${layout}_layout" "$layout-original"
  kill_at subvert backup-synced
  "$DNS_UTILITY" subvert >/dev/null
  set +e; "$DNS_UTILITY" revert >"$WORK/revert.out" 2>&1; rc=$?; set -e
  echo "$layout subvert-again backup-synced $(state_of "$layout") $rc $(restored "$layout") [$(leftovers)]" >>"$OUT/crashes.txt"
done

# Refusals: not root, and a resolv.conf that is a mount point of its own (as Docker makes it).
plain_layout refusal-original
set +e
setpriv --reuid=65534 --regid=65534 --clear-groups "$DNS_UTILITY" subvert >"$OUT/not-root.txt" 2>&1; echo $? >"$OUT/not-root.rc"
set -e
cp /etc/resolv.conf "$WORK/bind-source"
mount --bind "$WORK/bind-source" /etc/resolv.conf
set +e
"$DNS_UTILITY" subvert >"$OUT/mount-point.txt" 2>&1; echo $? >"$OUT/mount-point.rc"
set -e
umount /etc/resolv.conf
ln -sf /srv/elsewhere/resolv.conf /etc/resolv.conf
set +e
"$DNS_UTILITY" subvert >"$OUT/unknown-link.txt" 2>&1; echo $? >"$OUT/unknown-link.rc"
set -e
