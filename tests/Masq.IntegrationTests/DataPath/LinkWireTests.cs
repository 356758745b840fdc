using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Node.Cells;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// What an observer of the links between Nodes sees during a real 3-hop download (full Nodes in this process, each on
/// its own address, real TLS links and sockets): every Node reaches the two relays only through recording TCP relays,
/// so the links O→R1, R2→R1 and R1→R2 are recorded byte for byte. Each is TLS 1.3 only, carries nothing of the JSON
/// mask, and from its first cell on carries only application-data records of the two cell sizes; no 32-byte sequence
/// of one relay's links appears on the other's.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class LinkWireTests(DataPathFixture fixture)
{
    private const int Handshake = TlsRecords.Handshake;
    private const int ApplicationData = TlsRecords.ApplicationData;
    private static readonly int[] CellRecords = TlsRecords.CellRecordLengths;

    [Fact]
    public async Task Links_of_a_3_hop_download_carry_only_TLS_1_3_records_of_the_cell_sizes()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: false);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with { DnsServers = [DataPathFixture.GoodDnsAddress] });
        using var toR1 = RecordingRelay.Start(mesh.Nodes[1].Spec.ClandestineEndpoint);
        using var toR2 = RecordingRelay.Start(mesh.Nodes[2].Spec.ClandestineEndpoint);
        mesh.Directory.Add(mesh.Nodes[1].Describe() with { Endpoint = toR1.EndPoint });
        mesh.Directory.Add(mesh.Nodes[2].Describe() with { Endpoint = toR2.EndPoint });

        using (var client = fixture.ClientThrough(mesh.Originator.ProxyUri))
        {
            byte[] body = await client.GetByteArrayAsync(fixture.HttpUrl("/blob/1500000/71"));
            Assert.Equal(Blob.Sha256(1_500_000, 71), Convert.ToHexStringLower(SHA256.HashData(body)));
        }

        var r1Links = toR1.Connections();
        var r2Links = toR2.Connections();
        Assert.NotEmpty(r1Links);
        Assert.NotEmpty(r2Links);
        long cells = 0;
        foreach (var (link, name) in r1Links.Select((l, i) => (l, $"to R1 #{i}")).Concat(r2Links.Select((l, i) => (l, $"to R2 #{i}"))))
        {
            cells += CheckLink(link.Upstream(), link.Downstream(), name);
        }

        // A download of 1.5 MB crossed them: at least ~90 large cells on each relay's links.
        Assert.True(cells > 180, $"only {cells} cell records on the recorded links");

        // No 32-byte sequence of R1's links (either direction, from the first cell) appears on R2's.
        foreach (var link in r2Links)
        {
            var (shared, _) = TlsRecords.SharedSequences(
                r1Links.SelectMany(l => new[] { TlsRecords.CellPhase(l.Upstream()), TlsRecords.CellPhase(l.Downstream()) }),
                [TlsRecords.CellPhase(link.Upstream()), TlsRecords.CellPhase(link.Downstream())]);
            Assert.Equal(0, shared);
        }

        Assert.All(mesh.Nodes, n => Assert.Null(n.Failure.Reason));
    }

    /// <summary>Checks one recorded link; returns its cell records.</summary>
    private static int CheckLink(byte[] up, byte[] down, string name)
    {
        Assert.True(up.AsSpan().IndexOf("bodyData"u8) < 0 && down.AsSpan().IndexOf("bodyData"u8) < 0, $"the JSON mask on the link {name}");
        var upRecords = Records(up, name);
        var downRecords = Records(down, name);
        Assert.True(upRecords.Count > 0 && upRecords[0].Type == Handshake && up[5] == 1, $"the link {name} does not open with a ClientHello");
        Assert.True(downRecords.Count > 0 && downRecords[0].Type == Handshake && down[5] == 2, $"the link {name} is not answered with a ServerHello");

        // The ServerHello selects TLS 1.3 (supported_versions = 0x0304); everything after the hellos is encrypted.
        Assert.True(down.AsSpan(5, downRecords[0].Length).IndexOf(new byte[] { 0x00, 0x2b, 0x00, 0x02, 0x03, 0x04 }) >= 0, $"the link {name} did not negotiate TLS 1.3");
        int cells = 0;
        foreach (var (records, direction) in new[] { (upRecords, "dialler to acceptor"), (downRecords, "acceptor to dialler") })
        {
            Assert.All(records.Skip(1), r => Assert.True(r.Version == 0x0303 && r.Type is 20 or ApplicationData, $"record {r.Type}/{r.Version:x4} {direction} on {name}"));
            int first = records.FindIndex(r => r.Type == ApplicationData && CellRecords.Contains(r.Length));
            Assert.True(first >= 0 && first <= 12, $"{direction} on {name}: first cell record at {first}");
            Assert.All(records.Skip(first), r => Assert.True(r.Type == ApplicationData && CellRecords.Contains(r.Length), $"record {r.Type}/{r.Length} {direction} on {name}"));
            cells += records.Count - first;
        }

        return cells;
    }

    private static List<(int Type, int Version, int Length)> Records(byte[] bytes, string name)
    {
        var records = TlsRecords.Parse(bytes, out int end);

        // A link still open when recorded may end in the middle of a record.
        Assert.True(end >= bytes.Length || records.Count > 0, $"unparsable bytes on {name}");
        return records;
    }

    /// <summary>A TCP relay to one Node that forwards every connection both ways and keeps every byte it forwards.</summary>
    private sealed class RecordingRelay : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<RecordedConnection> _connections = [];
        private readonly List<TcpClient> _sockets = [];
        private readonly CancellationTokenSource _stopping = new();

        public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

        public static RecordingRelay Start(IPEndPoint target)
        {
            var relay = new RecordingRelay();
            relay._listener.Start();
            _ = relay.AcceptLoopAsync(target);
            return relay;
        }

        public IReadOnlyList<RecordedConnection> Connections()
        {
            lock (_connections)
            {
                return [.. _connections];
            }
        }

        public void Dispose()
        {
            _stopping.Cancel();
            _listener.Stop();
            _listener.Dispose();
            lock (_connections)
            {
                foreach (var socket in _sockets)
                {
                    socket.Dispose();
                }
            }

            _stopping.Dispose();
        }

        private async Task AcceptLoopAsync(IPEndPoint target)
        {
            try
            {
                for (int i = 0; i < 1000; i++)
                {
                    var inbound = await _listener.AcceptTcpClientAsync(_stopping.Token);
                    var outbound = new TcpClient();
                    await outbound.ConnectAsync(target, _stopping.Token);
                    inbound.NoDelay = outbound.NoDelay = true;
                    var connection = new RecordedConnection();
                    lock (_connections)
                    {
                        _sockets.Add(inbound);
                        _sockets.Add(outbound);
                        _connections.Add(connection);
                    }

                    _ = PumpAsync(inbound.GetStream(), outbound.GetStream(), connection.Up);
                    _ = PumpAsync(outbound.GetStream(), inbound.GetStream(), connection.Down);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }

        private static async Task PumpAsync(Stream from, Stream to, MemoryStream record)
        {
            var buffer = new byte[65536];
            try
            {
                int read;
                while ((read = await from.ReadAsync(buffer)) > 0)
                {
                    lock (record)
                    {
                        record.Write(buffer, 0, read);
                    }

                    await to.WriteAsync(buffer.AsMemory(0, read));
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
            {
            }
            finally
            {
                to.Close();
            }
        }
    }

    private sealed class RecordedConnection
    {
        public MemoryStream Up { get; } = new();

        public MemoryStream Down { get; } = new();

        public byte[] Upstream()
        {
            lock (Up)
            {
                return Up.ToArray();
            }
        }

        public byte[] Downstream()
        {
            lock (Down)
            {
                return Down.ToArray();
            }
        }
    }
}
