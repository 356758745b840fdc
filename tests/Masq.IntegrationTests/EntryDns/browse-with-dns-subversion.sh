#!/usr/bin/env bash
# The whole of DNS subversion with real parts, inside private namespaces: dns_utility subvert; a 6-Node localnet whose
# first Node holds 127.0.0.1:53/80/443 (entry DNS and the transparent listeners); getent; curl with no proxy options
# to http://site.test/ and https://site.test/ (a real web server, reached through a 3-hop route, TLS end to end) and
# Debian's Chromium with no proxy settings; then revert. Once for a plain /etc/resolv.conf and once for
# systemd-resolved's symlink. Results go to $OUT for the test to compare; figures (time to first byte) to
# $OUT/figures.txt.
# Env: WORK, OUT, DNS_UTILITY, MASQ (the masq CLI), MASQ_NODE_PATH.
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=ns-common.sh
. "$here/ns-common.sh"
: "${MASQ:?}" "${MASQ_NODE_PATH:?}"
SERVER_IP=127.0.0.100
EXIT_DNS_IP=127.0.0.153
deadline=$((SECONDS + ${ROUTE_SECONDS:-240}))

log() { echo "== $*" >&2; }

# The real web server the exit reaches: site.test -> $SERVER_IP (port 80, and 443 with a certificate for site.test).
mkdir -p "$WORK/www"
head -c 1500000 /dev/urandom >"$WORK/www/blob"
printf '<html><head><title>site.test</title></head><body><p id="marker">served by the real site.test</p></body></html>\n' >"$WORK/www/index.html"
sha256sum <"$WORK/www/blob" | cut -d' ' -f1 >"$OUT/served.sha256"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=site.test -addext subjectAltName=DNS:site.test \
  -keyout "$WORK/site.key" -out "$WORK/site.pem" 2>/dev/null
openssl x509 -in "$WORK/site.pem" -noout -fingerprint -sha256 | cut -d= -f2 >"$OUT/server-cert.sha256"
cat >"$WORK/https.py" <<PY
import http.server, ssl, sys
httpd = http.server.ThreadingHTTPServer(("$SERVER_IP", 443), http.server.SimpleHTTPRequestHandler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain("$WORK/site.pem", "$WORK/site.key")
httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
httpd.serve_forever()
PY
(cd "$WORK/www" && exec python3 -m http.server 80 --bind "$SERVER_IP") >"$WORK/http.log" 2>&1 &
(cd "$WORK/www" && exec python3 "$WORK/https.py") >"$WORK/https.log" 2>&1 &
# The exits' own DNS server (--dns-servers): the only place site.test has its real address.
dnsmasq --keep-in-foreground --no-resolv --no-hosts --bind-interfaces --listen-address="$EXIT_DNS_IP" --port 53 \
  --address=/site.test/$SERVER_IP --user=root --pid-file="$WORK/dnsmasq.pid" >"$WORK/dnsmasq.log" 2>&1 &

log "localnet: 6 Nodes, min-hops 3"
"$MASQ" localnet up 6 --data-directory "$WORK/localnet" --base-ip 127.0.0.2 --min-hops 3 --dns-servers "$EXIT_DNS_IP" \
  --allow-loopback-targets --first-port 20000 --log-level info >"$OUT/localnet-up.txt"
# Every Node of the localnet runs as root, so the first to start binds 127.0.0.1:53, :80 and :443; the others go
# without (and say so). That first Node's forward proxy is the comparison for the figures.
grep -l "Entry DNS on 127.0.0.1:53" "$WORK"/localnet/node-*/MASQNode_rCURRENT.log >"$OUT/entry-dns-nodes.txt" || true
grep -l "Browser port 127.0.0.1:80 bound" "$WORK"/localnet/node-*/MASQNode_rCURRENT.log >"$OUT/browser-port-nodes.txt" || true
entry_dir=$(head -1 "$OUT/browser-port-nodes.txt" | xargs -r dirname)
entry_index=$(basename "${entry_dir:-node-1}" | sed 's/^node-//')
proxy=$(awk -v k="Node $entry_index:" '$0 ~ "^"k {f=1} f && /proxy:/ {print $2; exit}' "$OUT/localnet-up.txt")

# Each layout: subvert, resolve, browse, revert.
scenario() {
  local layout=$1
  log "layout $layout"
  "${layout}_layout" "$layout-original"
  describe_resolv_conf >"$OUT/$layout-before.txt"
  set +e
  "$DNS_UTILITY" subvert >"$OUT/$layout-subvert.txt" 2>&1; echo $? >"$OUT/$layout-subvert.rc"
  "$DNS_UTILITY" subvert >"$OUT/$layout-subvert-again.txt" 2>&1; echo $? >"$OUT/$layout-subvert-again.rc"
  "$DNS_UTILITY" status >"$OUT/$layout-status.txt" 2>&1
  cp /etc/resolv.conf "$OUT/$layout-subverted"
  getent hosts anything.test >"$OUT/$layout-getent.txt" 2>&1
  getent ahostsv6 anything.test >"$OUT/$layout-getent-v6.txt" 2>&1; echo $? >"$OUT/$layout-getent-v6.rc"
  # A route takes gossip a while to find; then every byte must arrive.
  while [ $SECONDS -lt $deadline ]; do
    curl -s -f -o "$WORK/fetched" --max-time 30 "http://site.test/blob" && break
    sleep 2
  done
  sha256sum <"$WORK/fetched" | cut -d' ' -f1 >"$OUT/$layout-http.sha256"
  rm -f "$WORK/fetched"
  curl -s -f -o "$WORK/fetched" --max-time 60 --cacert "$WORK/site.pem" "https://site.test/blob"
  echo $? >"$OUT/$layout-https.rc"
  # The certificate the browser sees through the Node is the web server's own: the Node only relays the TLS records.
  # s_client gives up when its stdin ends before the handshake is through, which a slow route can outlast: a few tries.
  for attempt in 1 2 3 4 5; do
    timeout 30 openssl s_client -connect 127.0.0.1:443 -servername site.test </dev/null 2>/dev/null \
      | openssl x509 -noout -fingerprint -sha256 | cut -d= -f2 >"$OUT/$layout-seen-cert.sha256" || true
    [ -s "$OUT/$layout-seen-cert.sha256" ] && break
    sleep 2
  done
  sha256sum <"$WORK/fetched" | cut -d' ' -f1 >"$OUT/$layout-https.sha256"
  if [ "$layout" = plain ] && command -v chromium >/dev/null 2>&1; then
    # A browser with no proxy settings: Debian's Chromium resolves through /etc/resolv.conf with its own resolver.
    # It trusts the web server's certificate by its public key hash, as it would a real CA's; the Node never holds it.
    spki=$(openssl x509 -in "$WORK/site.pem" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)
    for scheme in http https; do
      HOME="$WORK/home" timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/chromium-$scheme" \
        --ignore-certificate-errors-spki-list="$spki" --dump-dom "$scheme://site.test/index.html" >"$OUT/chromium-$scheme.html" 2>"$WORK/chromium-$scheme.err" || true
    done
  fi
  "$DNS_UTILITY" revert >"$OUT/$layout-revert.txt" 2>&1; echo $? >"$OUT/$layout-revert.rc"
  "$DNS_UTILITY" revert >"$OUT/$layout-revert-again.txt" 2>&1; echo $? >"$OUT/$layout-revert-again.rc"
  set -e
  describe_resolv_conf >"$OUT/$layout-after.txt"
  if [ -L /etc/resolv.conf ]; then cp /run/systemd/resolve/stub-resolv.conf "$OUT/$layout-restored"; else cp /etc/resolv.conf "$OUT/$layout-restored"; fi
  leftovers >"$OUT/$layout-leftovers.txt"
}
scenario plain
scenario symlink

# Figures: time to first byte for the same page, through DNS subversion (name lookup included) and through the forward
# proxy of the same Node, alternating, 20 each.
"$DNS_UTILITY" subvert >/dev/null
: >"$OUT/figures.txt"
for _ in $(seq 1 20); do
  curl -s -o /dev/null -w 'dns %{time_namelookup} %{time_starttransfer}\n' --max-time 30 http://site.test/blob >>"$OUT/figures.txt" || true
  curl -s -o /dev/null -w 'proxy 0 %{time_starttransfer}\n' --max-time 30 -x "$proxy" http://site.test/blob >>"$OUT/figures.txt" || true
done
"$DNS_UTILITY" revert >/dev/null
"$MASQ" localnet down --data-directory "$WORK/localnet" >/dev/null 2>&1 || true
log done
