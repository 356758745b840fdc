# Sourced by the entry DNS scenarios, which run as PID 1 of their own mount, network and PID namespaces
# (unshare -m -n -p --fork --mount-proc): every process they start dies with them, and nothing they change is seen
# outside. /etc gets a scratch overlay (its upper layer in $WORK), so dns_utility works on the real path
# /etc/resolv.conf with real renames while the machine's own file stays untouched; /run is a fresh tmpfs for the
# fake systemd-resolved stub and the Node's cookie directory.
set -euo pipefail
: "${WORK:?}" "${OUT:?}" "${DNS_UTILITY:?}"
ip link set lo up
mount --make-rprivate /
mkdir -p "$WORK/etc-upper" "$WORK/etc-work" "$OUT"
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$WORK/etc-upper,workdir=$WORK/etc-work" /etc
mount -t tmpfs tmpfs /run

ORIGINAL_PLAIN=$'# written by hand\nnameserver 192.0.2.53\nnameserver 198.51.100.53\nsearch corp.example\noptions timeout:1 attempts:1\n'
STUB_TEXT=$'# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n'
STUB_LINK=../run/systemd/resolve/stub-resolv.conf

# A plain /etc/resolv.conf with the given text; a copy is kept in $OUT/$2.
plain_layout() {
  rm -f /etc/resolv.conf
  printf '%s' "$ORIGINAL_PLAIN" >/etc/resolv.conf
  chmod 0644 /etc/resolv.conf
  cp /etc/resolv.conf "$OUT/$1"
}

# systemd-resolved's layout: /etc/resolv.conf a relative symlink to the stub file under /run.
symlink_layout() {
  mkdir -p /run/systemd/resolve
  printf '%s' "$STUB_TEXT" >/run/systemd/resolve/stub-resolv.conf
  rm -f /etc/resolv.conf
  ln -s "$STUB_LINK" /etc/resolv.conf
  cp /run/systemd/resolve/stub-resolv.conf "$OUT/$1"
}

# What /etc/resolv.conf is: "link:TARGET" or "file:SHA256".
describe_resolv_conf() {
  if [ -L /etc/resolv.conf ]; then echo "link:$(readlink /etc/resolv.conf)"; else echo "file:$(sha256sum </etc/resolv.conf | cut -d' ' -f1)"; fi
}

leftovers() { find /etc -maxdepth 1 -name '*masq*' -printf '%f\n' | sort | tr '\n' ' '; }
