using System.Net;
using System.Net.Sockets;
using Masq.Node.DataPath;
using Masq.Node.Cells;
using Masq.Node.Crypto;
using Masq.Node.Links;
using Masq.Node.Networking;
using Masq.Node.Tests.Cells;
using Masq.Node.Tests.Crypto;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using PublicKey = Masq.Node.Crypto.PublicKey;

namespace Masq.Node.Tests.Links;

/// <summary>
/// Cells of a 2-hop route over real TLS links on loopback, each link through a recording TCP relay: what an
/// observer of the two links sees.
/// </summary>
public sealed class LinkWireTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_links_of_a_route_carry_only_TLS_records_of_the_cell_sizes_and_share_no_32_byte_sequence()
    {
        var identities = Enumerable.Range(0, 3).Select(_ => (ICryptDE)CryptDeReal.Generate(TestChains.BaseSepolia)).ToArray();
        var handshakes = identities.Select(i => new LinkHandshake(
            i, new LinkOptions(), TimeProvider.System, new PeerConduct(new DataPathOptions(), TimeProvider.System, NullLogger<PeerConduct>.Instance), NullLogger<LinkHandshake>.Instance)).ToArray();
        var directory = new FixedPeerDirectory(identities);
        var relays = identities.Select(i =>
        {
            var counters = new CellCounters();
            return new CellRelay(i, directory, new RouteTable(counters), counters, TimeProvider.System, TimeSpan.FromHours(1));
        }).ToArray();

        await using var first = await RecordedLinkAsync(handshakes[0], handshakes[1], identities[1].PublicKey);
        await using var second = await RecordedLinkAsync(handshakes[1], handshakes[2], identities[2].PublicKey);
        var (originatorEnd, relayIn) = (first.Client, first.Server);
        var (relayOut, exitEnd) = (second.Client, second.Server);

        var route = OriginRoute.Create(identities[0], [new RouteHop(identities[1].PublicKey, new byte[85]), new RouteHop(identities[2].PublicKey, new byte[85])], DateTimeOffset.UtcNow.AddMinutes(10));
        var sizes = new[] { CellFormat.LargeLength, CellFormat.SmallLength, CellFormat.LargeLength, CellFormat.SmallLength, CellFormat.SmallLength };
        foreach (int length in sizes)
        {
            // Zero bodies: the worst case for bytes that could survive from one link to the next.
            var cell = new byte[length];
            route.SealForward(cell);
            await WriteCellAsync(originatorEnd.Stream, cell);

            var atRelay = await ReadCellAsync(relayIn.Stream);
            var relayed = relays[1].Process(0, atRelay);
            Assert.Equal(CellAction.Send, relayed.Action);
            Assert.Equal(2, relayed.Peer);
            await WriteCellAsync(relayOut.Stream, atRelay);

            var atExit = await ReadCellAsync(exitEnd.Stream);
            var delivered = relays[2].Process(1, atExit);
            Assert.Equal(CellAction.Deliver, delivered.Action);

            var reply = new byte[length];
            Assert.Equal(1, CellRelay.SealBackward(delivered.Route!, reply));
            await WriteCellAsync(exitEnd.Stream, reply);
            var back = await ReadCellAsync(relayOut.Stream);
            Assert.Equal(CellAction.Send, relays[1].Process(2, back).Action);
            await WriteCellAsync(relayIn.Stream, back);
            var home = await ReadCellAsync(originatorEnd.Stream);
            Assert.True(route.TryOpenBackward(home, out _, out _));
        }

        var recordings = new[] { first.Recording, second.Recording };
        var cellRecordLengths = TlsRecords.CellRecordLengths;
        foreach (var (recording, link) in recordings.Select((r, i) => (r, i)))
        {
            foreach (var (bytes, direction) in new[] { (recording.Upstream(), "dialler to acceptor"), (recording.Downstream(), "acceptor to dialler") })
            {
                var records = TlsRecords.Parse(bytes, out int end);
                Assert.Equal(bytes.Length, end);
                Assert.True(records.Count > 0 && records[0].Type == 22, $"link {link} {direction} does not open with a TLS handshake record");
                // The ClientHello's record may carry the legacy 0x0301; every later record says 0x0303, as TLS 1.3 requires.
                Assert.All(records.Skip(1), r => Assert.Equal(0x0303, r.Version));
                Assert.True(records[0].Version is 0x0301 or 0x0303, $"link {link} {direction} opens with record version {records[0].Version:x4}");
                // The first cell record is the link's challenge (dialler) or its answer (acceptor); the route's cells follow.
                int firstCell = records.FindIndex(r => r.Type == TlsRecords.ApplicationData && cellRecordLengths.Contains(r.Length));
                Assert.Equal(CellFormat.SmallLength + TlsRecords.CellOverhead, records[firstCell].Length);
                var afterHandshake = records.Skip(firstCell + 1).ToArray();
                output.WriteLine($"link {link}, {direction}: {records.Count} records, {firstCell} before the first cell: {string.Join(", ", records.Take(firstCell).Select(r => $"{r.Type}/{r.Length}"))}");
                Assert.Equal(sizes.Length, afterHandshake.Length);
                Assert.All(afterHandshake, r => Assert.True(r.Type == TlsRecords.ApplicationData && cellRecordLengths.Contains(r.Length), $"record {r.Type}/{r.Length} on link {link}"));
            }
        }

        // No 32-byte sequence of the cells on one link (either direction) appears on the other. The handshakes are left
        // out: every ClientHello of this TLS stack lists the same cipher suites, whoever sends it.
        var (shared, firstWindows) = TlsRecords.SharedSequences(
            new[] { first.Recording.Upstream(), first.Recording.Downstream() }.Select(TlsRecords.CellPhase),
            new[] { second.Recording.Upstream(), second.Recording.Downstream() }.Select(TlsRecords.CellPhase));
        Assert.True(firstWindows > 2 * CellFormat.LargeLength);
        Assert.Equal(0, shared);
    }

    private static async Task WriteCellAsync(Stream link, byte[] cell)
    {
        await link.WriteAsync(cell);
        await link.FlushAsync();
    }

    private static async Task<byte[]> ReadCellAsync(Stream link)
    {
        var header = new byte[CellFormat.HeaderLength];
        await link.ReadExactlyAsync(header).AsTask().WaitAsync(Deadline);
        var cell = new byte[CellFormat.ReadLength(header)];
        header.CopyTo(cell, 0);
        await link.ReadExactlyAsync(cell.AsMemory(CellFormat.HeaderLength)).AsTask().WaitAsync(Deadline);
        return cell;
    }

    private static async Task<RecordedLink> RecordedLinkAsync(LinkHandshake dialler, LinkHandshake acceptor, PublicKey acceptorKey)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var recording = await Recording.StartAsync((IPEndPoint)listener.LocalEndpoint);
        var client = new TcpClient();
        var accepted = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(recording.EndPoint);
        var serverSocket = await accepted.WaitAsync(Deadline);
        var accepting = acceptor.AcceptAsync(serverSocket.GetStream(), (IPEndPoint)serverSocket.Client.RemoteEndPoint!, CancellationToken.None);
        var dialled = await dialler.ConnectAsync(client.GetStream(), recording.EndPoint, acceptorKey, CancellationToken.None).WaitAsync(Deadline);
        return new RecordedLink(dialled, await accepting.WaitAsync(Deadline), recording);
    }

    private sealed record RecordedLink(TlsLink Client, TlsLink Server, Recording Recording) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
            Recording.Dispose();
        }
    }
}
