using System.Collections.Immutable;
using System.Net.Sockets;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Links;
using Masq.Node.Cells;
using Masq.Node.Links;
using Masq.Node.Accounting;
using Masq.Node.Crypto;
using Masq.Node.Neighborhood;
using Masq.Node.Networking;
using Masq.Node.Protocol;
using Nethereum.Signer;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// Hostile bytes on a relay's clandestine port while a download goes through it: garbage instead of TLS, a cell that is
/// not a direct cell, a truncated cell, a replay, bytes that are no package (a package sealed for the relay, as version 1
/// sent them), a missing and a forged payer proof,
/// a route that loops back to the relay, a banned payer. The hostile links (but the first) are real TLS links proven to
/// the originator's key, as a neighbor gone bad would send them. Each is dropped and logged once; the download arrives
/// intact.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class ClandestineAbuseTests(DataPathFixture fixture)
{
    [Fact]
    public async Task Bad_packages_are_dropped_and_logged_once_while_other_streams_go_on()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: false);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with { DnsServers = [DataPathFixture.GoodDnsAddress] });
        var o = mesh.Nodes[0].Spec.Main;
        var r1 = mesh.Nodes[1];
        var r2 = mesh.Nodes[2];
        using var payer = new PayerSigner(new EthECKey(TestMesh.ConsumingKey), o.ChainContract.Span);
        using var client = fixture.ClientThrough(mesh.Originator.ProxyUri);
        var download = client.GetByteArrayAsync(fixture.HttpUrl("/blob/20000000/61"));

        byte[] valid = GossipFor(o, payer, r1.Spec.Main.PublicKey, r2.Spec.Main.PublicKey);

        var handshake = LinkClient.HandshakeFor(o);
        await SendPlainAsync(r1, "this is not a TLS handshake at all"u8.ToArray());
        await WaitForLogAsync(r1, LinkEventIds.LinkRefused);

        byte[] notDirect = new byte[CellFormat.SmallLength];
        CellFormat.WriteHeader(notDirect, 42, CellKind.Forward, 1);
        await SendAsync(r1, handshake, notDirect);
        await WaitForLogAsync(r1, DataPathEventIds.ClandestineMalformed);

        byte[] frame = Mask(valid);
        await SendAsync(r1, handshake, frame[..(frame.Length / 2)]);
        await WaitForLogAsync(r1, DataPathEventIds.ClandestineTruncated);

        long relayedBefore = r1.Accountant.Reports.OfType<RoutingServiceProvided>().Count();
        await SendAsync(r1, handshake, [.. frame, .. Mask(valid, firstCounter: 1 + (ulong)LinkCells.CellCount(valid.Length))]);
        await WaitForLogAsync(r1, DataPathEventIds.ReplayedPackage);
        // The copy that got through reaches r2's Neighborhood, which refuses the empty gossip and its sender.
        await WaitForLogAsync(r2, NeighborhoodEventIds.Malefactor);

        await SendAsync(r1, handshake, Mask(SealedAsInVersion1(o, payer, r1.Spec.Main.PublicKey, r2.Spec.Main.PublicKey)));
        await WaitForLogAsync(r1, DataPathEventIds.PackageUnopenable);

        await SendAsync(r1, handshake, Mask(Crafted(o, r1.Spec.Main.PublicKey, [new LiveHop(r2.Spec.Main.PublicKey, payer.SignFor(r2.Spec.Main.PublicKey), Component.Hopper)], r2.Spec.Main.PublicKey)));
        await WaitForLogAsync(r1, DataPathEventIds.ForgedPayerProof);

        await SendAsync(r1, handshake, Mask(Crafted(o, r1.Spec.Main.PublicKey, [new LiveHop(r2.Spec.Main.PublicKey, null, Component.Hopper)], r2.Spec.Main.PublicKey)));
        await WaitForLogAsync(r1, DataPathEventIds.RelayWithoutPayer);

        var loop = Enumerable.Repeat(new LiveHop(r1.Spec.Main.PublicKey, payer.SignFor(r1.Spec.Main.PublicKey), Component.Hopper), 20).ToArray();
        await SendAsync(r1, handshake, Mask(Crafted(o, r1.Spec.Main.PublicKey, loop, r2.Spec.Main.PublicKey)));
        await WaitForLogAsync(r1, DataPathEventIds.HopUnreadable);

        byte[] body = await download;
        Assert.Equal(Blob.Sha256(20_000_000, 61), Convert.ToHexStringLower(SHA256.HashData(body)));

        // The replayed copy was neither relayed nor charged twice.
        // A second copy would have been dropped there as coming from a banned malefactor.
        Assert.Equal(1, r2.Logs.Count(NeighborhoodEventIds.Malefactor));
        Assert.Equal(0, r2.Logs.Count(NeighborhoodEventIds.BannedSource));
        Assert.True(r1.Accountant.Reports.OfType<RoutingServiceProvided>().Count() > relayedBefore);

        // A banned payer's packages go nowhere; everything was logged exactly once.
        r1.Bans.Ban(payer.Wallet);
        await SendAsync(r1, handshake, Mask(GossipFor(o, payer, r1.Spec.Main.PublicKey, r2.Spec.Main.PublicKey)));
        await WaitForLogAsync(r1, DataPathEventIds.BannedPayer);
        foreach (int id in new[] { LinkEventIds.LinkRefused, DataPathEventIds.ClandestineMalformed, DataPathEventIds.ClandestineTruncated, DataPathEventIds.ReplayedPackage, DataPathEventIds.PackageUnopenable, DataPathEventIds.ForgedPayerProof, DataPathEventIds.RelayWithoutPayer, DataPathEventIds.HopUnreadable, DataPathEventIds.BannedPayer })
        {
            Assert.Equal(1, r1.Logs.Count(id));
        }

        Assert.All(mesh.Nodes, n => Assert.Null(n.Failure.Reason));
    }

    /// <summary>A well-formed package from O through the relay to <paramref name="target"/>'s Neighborhood, carrying gossip.</summary>
    private static byte[] GossipFor(ICryptDE o, PayerSigner payer, PublicKey relay, PublicKey target) =>
        GossipPackage(o, payer, relay, target).Encode();

    /// <summary>The package above sealed for the relay, as version 1 sent packages: to a version 2 Node, not a package.</summary>
    private static byte[] SealedAsInVersion1(ICryptDE o, PayerSigner payer, PublicKey relay, PublicKey target)
    {
        byte[] sealedBytes = GossipPackage(o, payer, relay, target).Seal(o, relay);
        sealedBytes[0] = 0xff; // a CBOR "break" where a package's map begins: never a package, whatever the seal drew
        return sealedBytes;
    }

    private static LiveCoresPackage GossipPackage(ICryptDE o, PayerSigner payer, PublicKey relay, PublicKey target)
    {
        var route = Route.OneWay(new RouteSegment([o.PublicKey, relay, target], Component.Neighborhood), o, payer);
        var incipient = new IncipientCoresPackage(route, o.Seal(target, Gossip().Encode()));
        var (live, next) = LiveCoresPackage.FromIncipient(incipient, o);
        Assert.Equal(relay, next);
        return live;
    }

    /// <summary>A package whose hops for the relay are given, followed by a terminal hop for <paramref name="target"/>.</summary>
    private static byte[] Crafted(ICryptDE o, PublicKey relay, LiveHop[] relayHops, PublicKey target)
    {
        var hops = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>();
        foreach (var hop in relayHops)
        {
            hops.Add(hop.Seal(o, relay));
        }

        hops.Add(new LiveHop(PublicKey.Empty, null, Component.Neighborhood).Seal(o, target));
        var package = new LiveCoresPackage(new Route(hops.ToImmutable()), o.Seal(target, Gossip().Encode()));
        return package.Encode();
    }

    private static GossipMessage Gossip() => new(new VersionedData(DataVersion.V0_1, new byte[] { 0xa0 }));

    /// <summary>The direct cells of <paramref name="package"/>, as the first package of a link (or a later one).</summary>
    private static byte[] Mask(byte[] package, ulong firstCounter = 1)
    {
        ulong counter = firstCounter;
        return [.. LinkClient.Cells(package, ref counter).SelectMany(cell => cell)];
    }

    /// <summary>Opens a TLS link to <paramref name="node"/> as the identity of <paramref name="handshake"/>, writes the bytes inside it and ends it.</summary>
    private static async Task SendAsync(MeshNode node, LinkHandshake handshake, byte[] bytes)
    {
        await using var link = await LinkClient.ConnectAsync(handshake, node.Spec.ClandestineEndpoint, node.Spec.Main.PublicKey);
        await link.SendRawAsync(bytes);
        await link.FinishAsync();
    }

    private static async Task SendPlainAsync(MeshNode node, byte[] bytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(node.Spec.ClandestineEndpoint);
        var stream = client.GetStream();
        byte[] sink = new byte[1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await stream.WriteAsync(bytes);
            client.Client.Shutdown(SocketShutdown.Send);
            while (await stream.ReadAsync(sink, timeout.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }

    private static async Task WaitForLogAsync(MeshNode node, int eventId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (node.Logs.Count(eventId) < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(node.Logs.Count(eventId) >= 1, $"no event {eventId} within 30 s; the Node logged:\n{string.Join('\n', node.Logs.Entries.TakeLast(30))}");
    }
}
