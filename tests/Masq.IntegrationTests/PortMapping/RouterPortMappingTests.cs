using System.Net;
using System.Text.RegularExpressions;
using Masq.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.PortMapping;

/// <summary>
/// A Node behind a real home router (namespaces, nftables NAT, Debian's miniupnpd) gets its clandestine port forwarded
/// by PCP, NAT-PMP or UPnP IGD, advertises the router's public address, is reached through the mapping by a Node on
/// the WAN side, and removes the mapping when it stops.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class RouterPortMappingTests(ITestOutputHelper output)
{
    private static readonly IPAddress Outside = IPAddress.Parse("203.0.113.1");
    private static readonly IPAddress RouterWan = IPAddress.Parse("203.0.113.2");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string> Protocols => new() { { "pcp", "PCP" }, { "pmp", "NAT-PMP" }, { "igdp", "UPnP IGD" } };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Automap_behind_the_router_maps_renews_learns_the_public_IP_and_deletes(string protocol, string name)
    {
        if (!NetnsNetwork.IsRoot)
        {
            return;
        }
        await using var network = NetnsNetwork.Create();
        var (_, router) = await BuildAsync(network);

        var result = await network.TryExecAsync(router.LanHost, MasqBinaries.Automap, "--protocol", protocol, "--port", "18601");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{name}: add succeeded", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{name}: public IP {RouterWan}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{name}: renew succeeded", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{name}: delete succeeded", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("dport 18601", await router.NatRulesAsync(), StringComparison.Ordinal);

        // The figures of issue 13: time to a working mapping (automap's own clock around each request).
        foreach (var line in result.StandardOutput.Split('\n').Where(l => l.Contains(" succeeded in ", StringComparison.Ordinal)))
        {
            output.WriteLine($"automap against miniupnpd: {line}");
        }
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task A_Node_behind_the_router_is_reached_through_its_mapping_and_removes_it_at_shutdown(string protocol, string name)
    {
        if (!NetnsNetwork.IsRoot)
        {
            return;
        }
        await using var network = NetnsNetwork.Create();
        var (wan, router) = await BuildAsync(network);
        const int port = 18602;

        var inside = NamespacedNode.Start(network, router.LanHost, "inside", port, ["--mapping-protocol", protocol]);
        await inside.WaitUntilServingAsync(Patience);

        Assert.EndsWith($"@{RouterWan}:{port}", inside.Descriptor, StringComparison.Ordinal);
        Assert.Contains($"mapped on the router {router.LanAddress} by {name}, public IP {RouterWan}", inside.Output, StringComparison.Ordinal);
        Assert.Contains($"dport {port} dnat ip to {router.LanHostAddress}:{port}", await router.NatRulesAsync(), StringComparison.Ordinal);
        var status = await inside.MasqAsync("connection-status");
        Assert.Contains($"Reachability: port {port} mapped on the router {router.LanAddress} by {name}, public IP {RouterWan}", status.StandardOutput, StringComparison.Ordinal);
        output.WriteLine($"Node behind miniupnpd, {name}: {MappingTime().Match(inside.Output).Groups[1].Value} ms from asking the router to a working mapping (the Node's log)");

        // A Node on the internet side debuts to the descriptor: a real TCP connection through the router's NAT.
        var outside = NamespacedNode.Start(network, wan, "outside", port, ["--ip", Outside.ToString(), "--neighbors", inside.Descriptor!]);
        await outside.WaitUntilServingAsync(Patience);
        await outside.WaitForMasqAsync(["connection-status"], o => !o.Contains("NotConnected", StringComparison.Ordinal), Patience, "the outside Node's neighborship with the Node behind the router");
        await inside.WaitForMasqAsync(["neighborhood-graph"], o => o.Contains(Outside.ToString(), StringComparison.Ordinal), Patience, "the Node behind the router learning its outside neighbor");

        Assert.True(await NetnsNetwork.TerminateAsync(inside.Process, TimeSpan.FromSeconds(30)), $"The Node behind the router did not stop:\n{inside.Output}");
        Assert.DoesNotContain($"dport {port}", await router.NatRulesAsync(), StringComparison.Ordinal);
        if (protocol == "igdp")
        {
            Assert.DoesNotContain($"{port}->{router.LanHostAddress}:{port}", await router.UpnpListAsync(), StringComparison.Ordinal);
        }
        Assert.Contains("no longer mapped on the router", inside.Log(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Node_notices_its_routers_new_public_IP_and_moves_its_own_record()
    {
        if (!NetnsNetwork.IsRoot)
        {
            return;
        }
        await using var network = NetnsNetwork.Create();
        var (wan, router) = await BuildAsync(network);
        const int port = 18603;
        var moved = IPAddress.Parse("203.0.113.3");

        var inside = NamespacedNode.Start(network, router.LanHost, "inside", port, [], new Dictionary<string, string> { ["MASQ_MAPPING_POLL_SECONDS"] = "2" });
        await inside.WaitUntilServingAsync(Patience);
        // Two neighbors outside: the gossip that carries the move then holds two records, which is Standard gossip
        // (a single record is a Debut or a Pass).
        var second = IPAddress.Parse("203.0.113.4");
        await network.ExecAsync(wan, "ip", "addr", "add", $"{second}/24", "dev", router.WanPeerInterface);
        var outside = NamespacedNode.Start(network, wan, "outside", port, ["--ip", Outside.ToString(), "--neighbors", inside.Descriptor!]);
        var other = NamespacedNode.Start(network, wan, "other", port, ["--ip", second.ToString(), "--neighbors", inside.Descriptor!]);
        await outside.WaitUntilServingAsync(Patience);
        await other.WaitUntilServingAsync(Patience);
        await outside.WaitForMasqAsync(["connection-status"], o => !o.Contains("NotConnected", StringComparison.Ordinal), Patience, "the first neighborship");
        await other.WaitForMasqAsync(["connection-status"], o => !o.Contains("NotConnected", StringComparison.Ordinal), Patience, "the second neighborship");

        await router.ChangeWanAddressAsync(moved);

        await inside.WaitForMasqAsync(["connection-status"], o => o.Contains($"public IP {moved}", StringComparison.Ordinal), Patience, "the Node noticing its new public IP");
        Assert.Contains($"public address moved from {RouterWan} to {moved}", inside.Log(), StringComparison.Ordinal);
        await inside.WaitForMasqAsync(["neighborhood-graph"], o => o.Contains($"{moved}:{port}", StringComparison.Ordinal), Patience, "the Node's own record at its new address");
        // Neighbors that debuted to the Node (links it only accepted) learn the new address too: from its gossip over
        // new links, or, when one dropped the Node first (its link through the old address died), because the Node
        // takes back neighbors lost just before it noticed the move and gossips to them (7047). Routes through the
        // moved Node working again: NatMeshTests.
        foreach (var neighbor in new[] { outside, other })
        {
            await neighbor.WaitForMasqAsync(["neighborhood-graph"], o => o.Contains($"{moved}:{port}", StringComparison.Ordinal), Patience, $"{neighbor.Name} learning the moved Node's new address\n{inside.Log()}");
        }

        foreach (var node in new[] { inside, outside, other })
        {
            Assert.DoesNotContain("Malefactor", node.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Node_left_to_choose_falls_back_to_UPnP_when_the_router_answers_neither_PCP_nor_NAT_PMP()
    {
        if (!NetnsNetwork.IsRoot)
        {
            return;
        }
        await using var network = NetnsNetwork.Create();
        var wan = await network.AddHostAsync("wan");
        var router = await HomeRouter.CreateAsync(network, "home", wan, RouterWan, Outside, natPmp: false);
        const int port = 18605;

        var inside = NamespacedNode.Start(network, router.LanHost, "inside", port, []);
        await inside.WaitUntilServingAsync(Patience);

        Assert.EndsWith($"@{RouterWan}:{port}", inside.Descriptor, StringComparison.Ordinal);
        Assert.Contains($"mapped on the router {router.LanAddress} by UPnP IGD, public IP {RouterWan}", inside.Output, StringComparison.Ordinal);
        Assert.Contains($"dport {port} dnat ip to {router.LanHostAddress}:{port}", await router.NatRulesAsync(), StringComparison.Ordinal);
        Assert.Contains($"{port}->{router.LanHostAddress}:{port}", await router.UpnpListAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standard_Node_with_no_ip_and_no_router_that_answers_refuses_to_start_and_says_to_forward_the_port()
    {
        if (!NetnsNetwork.IsRoot)
        {
            return;
        }
        await using var network = NetnsNetwork.Create();
        var lan = await network.AddHostAsync("lan");
        var gateway = await network.AddHostAsync("gw");
        await network.LinkAsync(lan, "192.0.2.10/24", gateway, "192.0.2.1/24");
        await network.ExecAsync(lan, "ip", "route", "add", "default", "via", "192.0.2.1");

        var node = NamespacedNode.Start(network, lan, "alone", 18604, []);

        Assert.True(await node.Process.WaitForExitAsync(Patience), $"The Node kept running with nothing to advertise:\n{node.Output}");
        Assert.Equal(1, node.Process.ExitCode);
        Assert.Contains("ip - a standard-mode Node needs an address to advertise", node.Output, StringComparison.Ordinal);
        Assert.Contains("forward port 18604 by hand", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("@:", node.Output, StringComparison.Ordinal);
    }

    private static async Task<(string Wan, HomeRouter Router)> BuildAsync(NetnsNetwork network)
    {
        var wan = await network.AddHostAsync("wan");
        var router = await HomeRouter.CreateAsync(network, "home", wan, RouterWan, Outside);
        return (wan, router);
    }

    [GeneratedRegex(@"Port mapping: port \d+ mapped on the router .*?, in (\d+) ms")]
    private static partial Regex MappingTime();
}
