#!/usr/bin/env bash
# Publishes the product ahead-of-time compiled (ReadyToRun) into artifacts/publish/: about half the start-up time
# of a plain build, which matters for the Daemon, the Node and every one-shot masq command.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
# automap (Masq.Automap) ships beside MASQNode, as in the reference, to check a router's port mapping.
for project in Masq.Node Masq.Cli Masq.Dashboard Masq.DnsUtility Masq.Automap; do
  dotnet publish "src/$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    --nologo -v quiet -clp:ErrorsOnly -o "artifacts/publish/$project"
done
# dns_utility ships beside MASQNode (the seed README: "sudo ./dns_utility subvert"), so a user finds it there.
ln -sf ../Masq.DnsUtility/dns_utility artifacts/publish/Masq.Node/dns_utility
