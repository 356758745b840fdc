using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>
/// A home router in a <see cref="NetnsNetwork"/>: a namespace between a WAN host and a LAN host that forwards, NATs
/// the LAN behind its WAN address with nftables, and runs Debian's miniupnpd speaking UPnP IGD, NAT-PMP and PCP. The
/// LAN host's only way out is through it; nothing outside reaches the LAN except through a mapping miniupnpd adds.
/// </summary>
internal sealed class HomeRouter
{
    public const string Miniupnpd = "/usr/sbin/miniupnpd";
    public const string Upnpc = "/usr/bin/upnpc";
    public const string Nft = "/usr/sbin/nft";
    public const int HttpPort = 5000;
    private const string Table = "masqrouter";

    private readonly NetnsNetwork _network;
    private ProductProcess? _daemon;

    private HomeRouter(NetnsNetwork network, string host, string lanHost, string wanInterface, string wanPeerInterface, IPAddress wanAddress, IPAddress lanAddress, IPAddress lanHostAddress)
    {
        _network = network;
        WanPeerInterface = wanPeerInterface;
        Host = host;
        LanHost = lanHost;
        WanInterface = wanInterface;
        WanAddress = wanAddress;
        LanAddress = lanAddress;
        LanHostAddress = lanHostAddress;
    }

    /// <summary>The router's namespace.</summary>
    public string Host { get; }

    /// <summary>The namespace of the one machine on the router's LAN.</summary>
    public string LanHost { get; }

    public string WanInterface { get; }

    /// <summary>The WAN host's end of the router's WAN link (empty when the WAN is a bridge port).</summary>
    public string WanPeerInterface { get; }

    /// <summary>The router's public address (what a mapping gives the LAN host).</summary>
    public IPAddress WanAddress { get; private set; }

    public IPAddress LanAddress { get; }

    public IPAddress LanHostAddress { get; }

    /// <summary>Where the IGD description is (for <c>upnpc -u</c>).</summary>
    public string DescriptionUrl => $"http://{LanAddress}:{HttpPort}/rootDesc.xml";

    /// <summary>
    /// Builds the router on <paramref name="wanHost"/>'s /24 at <paramref name="wanAddress"/>, with a LAN host behind it
    /// on 192.0.2.0/24 (router .1, host .10), and starts miniupnpd.
    /// </summary>
    /// <param name="natPmp">false: miniupnpd answers neither NAT-PMP nor PCP (they share its switch), only UPnP IGD.</param>
    public static async Task<HomeRouter> CreateAsync(NetnsNetwork network, string role, string wanHost, IPAddress wanAddress, IPAddress wanPeer, bool natPmp = true)
    {
        NetnsNetwork.RequireTools(Miniupnpd, Upnpc, Nft);
        var router = await network.AddHostAsync(role);
        var (wanPeerInterface, wanInterface) = await network.LinkAsync(wanHost, $"{wanPeer}/24", router, $"{wanAddress}/24");
        return await CompleteAsync(network, role, router, wanInterface, wanPeerInterface, wanAddress, natPmp);
    }

    /// <summary>
    /// Builds the router with its WAN on a port of <paramref name="bridge"/> in <paramref name="bridgeHost"/> (the
    /// 203.0.113.0/24 "internet" of a mesh) at <paramref name="wanAddress"/>, the rest as the other overload.
    /// </summary>
    public static async Task<HomeRouter> CreateOnBridgeAsync(NetnsNetwork network, string role, string bridgeHost, string bridge, IPAddress wanAddress)
    {
        NetnsNetwork.RequireTools(Miniupnpd, Upnpc, Nft);
        var router = await network.AddHostAsync(role);
        var wanInterface = await network.JoinBridgeAsync(bridgeHost, bridge, router, $"{wanAddress}/24");
        return await CompleteAsync(network, role, router, wanInterface, string.Empty, wanAddress, natPmp: true);
    }

    private static async Task<HomeRouter> CompleteAsync(NetnsNetwork network, string role, string router, string wanInterface, string wanPeerInterface, IPAddress wanAddress, bool natPmp)
    {
        var lanHost = await network.AddHostAsync(role + "lan");
        var lanAddress = IPAddress.Parse("192.0.2.1");
        var lanHostAddress = IPAddress.Parse("192.0.2.10");
        var (_, lanInterface) = await network.LinkAsync(lanHost, $"{lanHostAddress}/24", router, $"{lanAddress}/24");
        await network.ExecAsync(lanHost, "ip", "route", "add", "default", "via", lanAddress.ToString());
        await network.ExecAsync(router, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        var rules = network.Directory.Combine($"{role}.nft");
        await File.WriteAllTextAsync(rules, Ruleset(lanInterface, wanInterface));
        await network.ExecAsync(router, Nft, "-f", rules);
        var home = new HomeRouter(network, router, lanHost, wanInterface, wanPeerInterface, wanAddress, lanAddress, lanHostAddress);
        await home.StartMiniupnpdAsync(role, lanInterface, natPmp);
        return home;
    }

    /// <summary>The DNAT rules miniupnpd has added (one line per mapping), from the router's own nftables.</summary>
    public async Task<string> NatRulesAsync() =>
        (await _network.ExecAsync(Host, Nft, "list", "chain", "inet", Table, "prerouting_miniupnpd")).StandardOutput;

    /// <summary>The router's mapping list as a UPnP client on the LAN sees it (<c>upnpc -l</c>).</summary>
    public async Task<string> UpnpListAsync() =>
        (await _network.ExecAsync(LanHost, Upnpc, "-u", DescriptionUrl, "-l")).StandardOutput;

    /// <summary>The ISP gives the router another public address; NAT and miniupnpd follow the interface.</summary>
    public async Task ChangeWanAddressAsync(IPAddress address)
    {
        // The old one goes first: deleting a primary address deletes the secondaries of its subnet with it.
        await _network.ExecAsync(Host, "ip", "addr", "del", $"{WanAddress}/24", "dev", WanInterface);
        await _network.ExecAsync(Host, "ip", "addr", "add", $"{address}/24", "dev", WanInterface);
        WanAddress = address;
    }

    public string Log => _daemon?.Output ?? string.Empty;

    private static string Ruleset(string lan, string wan) => $$"""
        table inet {{Table}} {
          chain forward {
            type filter hook forward priority 0; policy drop;
            ct state established,related accept
            iifname "{{lan}}" accept
            jump miniupnpd
          }
          chain miniupnpd {
          }
          chain prerouting {
            type nat hook prerouting priority -100; policy accept;
            jump prerouting_miniupnpd
          }
          chain postrouting {
            type nat hook postrouting priority 100; policy accept;
            jump postrouting_miniupnpd
            oifname "{{wan}}" masquerade
          }
          chain prerouting_miniupnpd {
          }
          chain postrouting_miniupnpd {
          }
        }
        """;

    private async Task StartMiniupnpdAsync(string role, string lanInterface, bool natPmp)
    {
        var config = _network.Directory.Combine($"{role}-miniupnpd.conf");
        await File.WriteAllTextAsync(config, $"""
            ext_ifname={WanInterface}
            listening_ip={lanInterface}
            http_port={HttpPort}
            enable_natpmp={(natPmp ? "yes" : "no")}
            enable_upnp=yes
            secure_mode=yes
            system_uptime=yes
            uuid={Guid.NewGuid()}
            upnp_table_name={Table}
            upnp_nat_table_name={Table}
            upnp_forward_chain=miniupnpd
            upnp_nat_chain=prerouting_miniupnpd
            upnp_nat_postrouting_chain=postrouting_miniupnpd
            min_lifetime=120
            max_lifetime=86400
            allow 1024-65535 192.0.2.0/24 1024-65535
            deny 0-65535 0.0.0.0/0 0-65535

            """);
        var binary = PatchedMiniupnpd(_network.Directory.Combine("miniupnpd"));
        _daemon = _network.Start(Host, binary, ["-f", config, "-d", "-P", _network.Directory.Combine($"{role}-miniupnpd.pid")]);
        var ready = natPmp ? "Listening for NAT-PMP/PCP traffic" : "HTTP listening on port";
        await _daemon.WaitUntilAsync(() => Task.FromResult(_daemon.Output.Contains(ready, StringComparison.Ordinal)), TimeSpan.FromSeconds(20), "miniupnpd");
    }

    /// <summary>
    /// miniupnpd refuses to forward when its WAN address is in a reserved range, and every range a test may use
    /// (RFC 5737, RFC 2544) is one. A copy whose table of reserved ranges no longer lists 203.0.113.0/24 (the entry
    /// becomes a second 0.0.0.0/8) treats that network as the public internet; nothing else in it changes.
    /// </summary>
    private static string PatchedMiniupnpd(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }
        var binary = File.ReadAllBytes(Miniupnpd);
        Span<byte> entry = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, 0xCB007100);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 8);
        var at = binary.AsSpan().IndexOf(entry);
        Assert.True(at >= 0 && binary.AsSpan(at + 8).IndexOf(entry) < 0, $"{Miniupnpd}: its reserved-range table has no single 203.0.113.0/24 entry; this miniupnpd build is not the one the test knows");
        BinaryPrimitives.WriteUInt32LittleEndian(binary.AsSpan(at), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(binary.AsSpan(at + 4), 24);
        File.WriteAllBytes(path, binary);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"router {Host} WAN {WanAddress} LAN {LanAddress}");
}
