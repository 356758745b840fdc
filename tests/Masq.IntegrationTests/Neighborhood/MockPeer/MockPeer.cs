using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.IntegrationTests.Links;
using Masq.Lib.Neighborhood;
using Masq.Node.Crypto;
using Masq.Node.Links;
using Masq.Node.Neighborhood.Gossip;
using Masq.Node.Neighborhood.Records;
using Masq.Node.Protocol;
using NodeGossip = Masq.Node.Neighborhood.Gossip.Gossip;

namespace Masq.IntegrationTests.Neighborhood.MockPeers;

/// <summary>
/// A hand-driven peer for real Nodes (the reference's "mock Node" of the multinode tests, neighborhood.md §9), built
/// from the Node's own parts: a real key pair (<see cref="CryptDeReal"/>) on the mesh's chain, its record signed with
/// <see cref="SignedNodeRecord"/>, gossip encoded by the Node's codec and carried as no-lookup CORES packages in direct
/// cells on TLS links proven to its key (<see cref="LinkClient"/>). It listens on its own loopback address (so a Node can answer it) and sends from that address on one
/// link per target, kept open: a Node drops a neighbor whose link closes. It never answers on its own; every message it
/// receives is opened, decoded, verified, classified and queued for the test.
/// </summary>
internal sealed class MockPeer : IAsyncDisposable
{
    private readonly CryptDeReal _cryptDe;
    private readonly LinkHandshake _handshake;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<IPEndPoint, LinkClient> _links = new();
    private readonly ConcurrentBag<LinkClient> _accepted = [];
    private readonly ConcurrentBag<Task> _readers = [];
    private readonly Channel<ReceivedGossip> _inbox = Channel.CreateUnbounded<ReceivedGossip>();
    private readonly List<ReceivedGossip> _received = [];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Task _accepting;

    private MockPeer(string name, IPAddress ip, Chain chain)
    {
        Name = name;
        Ip = ip;
        _cryptDe = CryptDeReal.Generate(chain.ContractAddress.Bytes);
        _handshake = LinkClient.HandshakeFor(_cryptDe);
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(ip, 0));
        _listener.Listen(16);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptLoopAsync();
    }

    public string Name { get; }

    public IPAddress Ip { get; }

    /// <summary>The clandestine port it listens on (the only port of its NodeAddr).</summary>
    public int Port { get; }

    public PublicKey Key => _cryptDe.PublicKey;

    public NodeAddr NodeAddr => new(Ip, [Port]);

    /// <summary>The neighbors its record lists (set before signing the next record).</summary>
    public IReadOnlyList<PublicKey> Neighbors { get; set; } = [];

    /// <summary>Its record's version (raise it so a Node takes a changed record).</summary>
    public uint Version { get; set; }

    /// <summary>Whether its record says it accepts connections (a NodeAddr goes with it only then).</summary>
    public bool AcceptsConnections { get; set; } = true;

    /// <summary>Everything received so far, in order, whether or not a test has taken it from the queue.</summary>
    public IReadOnlyList<ReceivedGossip> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Starts listening on a fresh address of <see cref="MockPeerAddresses"/>.</summary>
    public static MockPeer Start(string name) => new(name, MockPeerAddresses.Next(), Chain.BaseSepolia);

    /// <summary>A Node's whole 64-byte key, read from the root of its neighborhood graph (descriptors carry only half).</summary>
    public static async Task<PublicKey> KeyOfAsync(MeshMember member)
    {
        var graph = await member.GraphAsync();
        string root = graph.Root ?? throw new InvalidOperationException($"{member.Name}'s graph shows no root:\n{graph}");
        return PublicKey.FromOwnedArray(Base64Url.DecodeFromChars(root));
    }

    /// <summary>Its current record, signed now, as it travels in gossip (with its NodeAddr when it accepts connections).</summary>
    public GossipNodeRecord OwnRecord()
    {
        var inner = new NodeRecordInner(Key, WalletAddress.DefaultEarningWallet, RatePack.Default, Neighbors, AcceptsConnections, routesData: true, Version, countryCode: null);
        return new GossipNodeRecord(SignedNodeRecord.Create(_cryptDe, inner), AcceptsConnections ? NodeAddr : null);
    }

    /// <summary>Sends its own record alone to <paramref name="target"/>: a Debut.</summary>
    public Task DebutAsync(IPEndPoint target, PublicKey targetKey) => SendGossipAsync(target, targetKey, [OwnRecord()]);

    /// <summary>Sends <paramref name="records"/> as one gossip message to <paramref name="target"/>'s Neighborhood.</summary>
    public Task SendGossipAsync(IPEndPoint target, PublicKey targetKey, IEnumerable<GossipNodeRecord> records) =>
        SendAsync(target, targetKey, new NodeGossip(records).ToMessage());

    /// <summary>
    /// Sends <paramref name="message"/>, sealed for <paramref name="targetKey"/>, as the Node's no-lookup packages are (a
    /// route [this peer, target] to the Neighborhood with this peer's own hop shifted off) and writes it on the link
    /// to <paramref name="target"/>, opening that link from this peer's address on first use.
    /// </summary>
    public async Task SendAsync(IPEndPoint target, PublicKey targetKey, MessageType message)
    {
        var route = Route.OneWay(new RouteSegment([Key, targetKey], Component.Neighborhood), _cryptDe, payer: null);
        var (_, remaining) = route.Shift(_cryptDe);
        var package = new LiveCoresPackage(remaining, _cryptDe.Seal(targetKey, message.Encode()));
        byte[] encodedPackage = package.Encode();

        await _sending.WaitAsync();
        try
        {
            var link = await LinkToAsync(target, targetKey);
            await link.SendPackageAsync(encodedPackage);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The next message not yet taken, or null when none comes within <paramref name="timeout"/>.</summary>
    public async Task<ReceivedGossip?> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            return await _inbox.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Takes messages until one matches <paramref name="wanted"/>; null when none does within <paramref name="timeout"/>.</summary>
    public async Task<ReceivedGossip?> WaitForAsync(Func<ReceivedGossip, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (deadline - DateTime.UtcNow is { Ticks: > 0 } left)
        {
            if (await NextAsync(left) is not { } next)
            {
                return null;
            }

            if (wanted(next))
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>What it received, for failure messages.</summary>
    public string Report()
    {
        var received = Received;
        var text = new StringBuilder($"--- mock peer {Name} ({Ip}:{Port}, key {Key.ToString()[..8]}) received {received.Count} messages ---\n");
        foreach (var message in received)
        {
            text.Append(message).Append('\n');
        }

        return text.ToString();
    }

    public override string ToString() => $"{Name} ({Ip}:{Port}, key {Key.ToString()[..8]})";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        foreach (var link in _links.Values.Concat(_accepted))
        {
            await link.DisposeAsync();
        }

        try
        {
            await Task.WhenAll([_accepting, .. _readers]);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
        }

        _inbox.Writer.TryComplete();
        _stopping.Dispose();
        _sending.Dispose();
    }

    private async Task<LinkClient> LinkToAsync(IPEndPoint target, PublicKey targetKey)
    {
        if (_links.TryGetValue(target, out var link))
        {
            return link;
        }

        link = await LinkClient.ConnectAsync(_handshake, target, targetKey, Ip);
        _links[target] = link;
        _readers.Add(ReadLoopAsync(link));
        return link;
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var socket = await _listener.AcceptAsync(_stopping.Token);
                _readers.Add(AcceptAsync(socket));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync(Socket socket)
    {
        LinkClient link;
        try
        {
            link = await LinkClient.AcceptAsync(_handshake, socket);
        }
        catch (Exception e) when (e is LinkRefusedException or OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            Deliver(new ReceivedGossip(new IPEndPoint(IPAddress.None, 0), ReceivedGossipKind.Unreadable, [], Problem: $"a link was refused: {e.Message}"));
            return;
        }

        _accepted.Add(link);
        await ReadLoopAsync(link);
    }

    /// <summary>Joins packages out of one link (either direction) and queues what each carries; the link stays open.</summary>
    private async Task ReadLoopAsync(LinkClient link)
    {
        await Task.Yield();
        var sender = link.Remote;
        try
        {
            while (await link.ReceivePackageAsync(_stopping.Token) is { } package)
            {
                Deliver(Open(sender, package));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
        }
    }

    private ReceivedGossip Open(IPEndPoint sender, ReadOnlyMemory<byte> encodedPackage)
    {
        MessageType message;
        try
        {
            message = LiveCoresPackage.Decode(encodedPackage.ToArray()).ToExpired(sender, _cryptDe, _cryptDe).Payload;
        }
        catch (CoresDecodeException e)
        {
            return new ReceivedGossip(sender, ReceivedGossipKind.Unreadable, [], Problem: $"package does not open: {e.Message}");
        }

        try
        {
            switch (message)
            {
                case GossipFailureMessage failure:
                    return new ReceivedGossip(sender, ReceivedGossipKind.Failure, [], GossipFailureCodec.Decode(failure));
                case GossipMessage gossip:
                    var records = new List<ReceivedRecord>();
                    foreach (var record in NodeGossip.Decode(gossip).NodeRecords)
                    {
                        if (!record.Record.TryVerify(_cryptDe, out var inner, out var rejection))
                        {
                            return new ReceivedGossip(sender, ReceivedGossipKind.Unreadable, records, Problem: $"record {records.Count} is {rejection}");
                        }

                        records.Add(new ReceivedRecord(inner, record.NodeAddr));
                    }

                    return ReceivedGossip.Classify(sender, records);
                default:
                    return new ReceivedGossip(sender, ReceivedGossipKind.Unreadable, [], Problem: $"a {message.Variant} for the Neighborhood");
            }
        }
        catch (CoresDecodeException e)
        {
            return new ReceivedGossip(sender, ReceivedGossipKind.Unreadable, [], Problem: $"{message.Variant} does not decode: {e.Message}");
        }
    }

    private void Deliver(ReceivedGossip message)
    {
        lock (_received)
        {
            _received.Add(message);
        }

        _inbox.Writer.TryWrite(message);
    }
}
