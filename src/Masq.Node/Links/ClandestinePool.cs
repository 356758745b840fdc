using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Masq.Node.Actors;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.Routing;
using Microsoft.Extensions.Logging;
using Masq.Node.DataPath;

namespace Masq.Node.Links;

/// <summary>
/// The clandestine half of the StreamHandlerPool: one link per neighbor endpoint (data-path.md §1), opened on first
/// use and shared by every stream that goes that way; links other Nodes open to this one are kept too, so replies to
/// a Node that accepts no connections can go back the way it came. Every link is a <see cref="NodeLink"/>: TLS 1.3
/// authenticated to the Node a package is for, so a package never goes to a link whose peer proved another Node.
/// The Neighborhood can follow links through <see cref="LinkFailed"/> and <see cref="LinkClosed"/>.
/// </summary>
internal sealed partial class ClandestinePool : IClandestineSender, IAsyncDisposable
{
    private readonly ConcurrentDictionary<IPEndPoint, NodeLink> _links = new();
    private readonly ConcurrentDictionary<IPAddress, int> _acceptedPerAddress = new();
    private readonly Lock _opening = new();
    private readonly INodeLocator _locator;
    private readonly LinkHandshake _handshake;
    private readonly InboundSlot<IClandestineInbound> _inbound = new("The clandestine pool");
    private readonly DataPathOptions _options;
    private readonly TimeProvider _time;
    private readonly BufferBudget _budget;
    private readonly PeerConduct _conduct;
    private readonly ILogger<ClandestinePool> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public ClandestinePool(
        INodeLocator locator,
        LinkHandshake handshake,
        DataPathOptions options,
        TimeProvider time,
        BufferBudget budget,
        PeerConduct conduct,
        ILogger<ClandestinePool> logger)
    {
        _locator = locator;
        _handshake = handshake;
        _options = options;
        _time = time;
        _budget = budget;
        _conduct = conduct;
        _logger = logger;
        _conduct.CutOff += remote =>
        {
            if (_links.TryGetValue(remote, out var link))
            {
                link.Close();
            }
        };
    }

    /// <summary>
    /// The Hopper's RoutingService, which takes the packages the links cut out. It sends through this pool, so it
    /// attaches itself when it is built rather than being given to the pool.
    /// </summary>
    public void AttachInbound(IClandestineInbound inbound) => _inbound.Attach(inbound);

    /// <exception cref="InvalidOperationException">Nothing takes the packages the links cut out.</exception>
    public void EnsureAttached() => _inbound.EnsureAttached();

    /// <summary>Connecting to a neighbor failed (the reference's TcpConnectionFailed).</summary>
    public event Action<IPEndPoint>? LinkFailed;

    /// <summary>An established link closed.</summary>
    public event Action<IPEndPoint>? LinkClosed;

    public int LinkCount => _links.Count;

    public ValueTask<bool> SendAsync(PublicKey nextKey, byte[] package, CancellationToken cancellationToken) =>
        SendAsync(nextKey, OutboundPackage.Owned(package), cancellationToken);

    public ValueTask<bool> SendAsync(PublicKey nextKey, OutboundPackage package, CancellationToken cancellationToken)
    {
        if (!_locator.TryLocate(nextKey, out var endpoint))
        {
            package.Release();
            LogNoAddress(nextKey.ToString());
            return ValueTask.FromResult(false);
        }

        return SendToAsync(endpoint, nextKey, package, cancellationToken);
    }

    public ValueTask<bool> SendToAsync(IPEndPoint address, PublicKey expected, byte[] package, CancellationToken cancellationToken) =>
        SendToAsync(address, expected, OutboundPackage.Owned(package), cancellationToken);

    private async ValueTask<bool> SendToAsync(IPEndPoint address, PublicKey expected, OutboundPackage package, CancellationToken cancellationToken)
    {
        bool queued = false;
        try
        {
            // A link found closed is replaced once: it may have died since the last package.
            for (int attempt = 0; attempt < 2; attempt++)
            {
                if (GetOrOpen(address, expected, out _) is not { } link)
                {
                    break;
                }

                if (link.TryEnqueue(package) || await link.EnqueueAsync(package, cancellationToken).ConfigureAwait(false))
                {
                    queued = true;
                    return true;
                }

                _links.TryRemove(new KeyValuePair<IPEndPoint, NodeLink>(address, link));
            }
        }
        finally
        {
            if (!queued)
            {
                package.Release();
            }
        }

        LogLinkDropped(address);
        return false;
    }

    /// <summary>Takes a connection another Node opened to this one.</summary>
    /// <remarks>
    /// Refused: a socket address cut off as a malefactor, and links beyond
    /// <see cref="DataPathOptions.MaxConnectionsPerAddress"/> from one IP.
    /// </remarks>
    public void Accept(Socket socket)
    {
        if (socket.RemoteEndPoint is not IPEndPoint remote)
        {
            socket.Dispose();
            return;
        }

        if (_conduct.IsMalefactor(remote))
        {
            socket.Dispose();
            if (_conduct.Report(remote, strike: false))
            {
                LogMalefactorRefused(remote);
            }

            return;
        }

        var address = Normalize(remote.Address);
        if (_acceptedPerAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > _options.MaxConnectionsPerAddress)
        {
            Unaccount(address);
            socket.Dispose();
            if (_conduct.Report(new IPEndPoint(address, 0), strike: false))
            {
                LogTooManyConnections(address, _options.MaxConnectionsPerAddress);
            }

            return;
        }

        var link = NodeLink.Accept(socket, _inbound.Handler, _handshake, _options, _time, _budget, _conduct, OnClosed, _logger, _stopping.Token);
        _links[link.Remote] = link;
        LogAccepted(link.Remote);
    }

    /// <summary>Links other Nodes hold open to this one from <paramref name="address"/>.</summary>
    public int AcceptedFrom(IPAddress address) => _acceptedPerAddress.GetValueOrDefault(Normalize(address));

    private static IPAddress Normalize(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

    private void Unaccount(IPAddress address)
    {
        if (_acceptedPerAddress.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _acceptedPerAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        var closing = new List<Task>();
        foreach (var link in _links.Values)
        {
            link.Close();
            closing.Add(link.Completion);
        }

        await Task.WhenAll(closing).ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>
    /// Closes every link, each reported by <see cref="LinkClosed"/> as usual: this Node's public address moved, and
    /// links made to or from the old one go nowhere now (the router's NAT forgot them). The next package to a
    /// neighbor opens a new link, from the new address.
    /// </summary>
    public void CloseAll()
    {
        foreach (var link in _links.Values)
        {
            link.Close();
        }
    }

    /// <summary>
    /// Opens a link to the Node <paramref name="key"/> at <paramref name="address"/> unless one is open. This is how a
    /// neighbor suspected dead is found out: when it cannot be reached, <see cref="LinkFailed"/> fires as for any link
    /// that could not be opened.
    /// </summary>
    public void Probe(PublicKey key, IPEndPoint address)
    {
        if (GetOrOpen(address, key, out bool opened) is { } link && opened)
        {
            Hello(link);
        }
    }

    /// <summary>
    /// An empty package on a link just opened: the link is wanted though nothing is to be sent yet (the peer closes an
    /// accepted link that brings no cell within <see cref="DataPathOptions.FirstFrameTimeout"/>, and drops the empty
    /// package). A link already open has brought its first cell, or its opener's hello is on the way.
    /// </summary>
    private static void Hello(NodeLink link) => link.TryEnqueue(OutboundPackage.Owned([]));

    /// <summary>
    /// Whether the Node <paramref name="key"/> is at <paramref name="address"/>: a link there (open, or opened now) proved
    /// that key in its handshake. False when the link cannot be opened, proves another key, or takes longer than
    /// <paramref name="timeout"/>. This is how an address that a third party's gossip claims for a Node is checked.
    /// </summary>
    public async Task<bool> ProveAsync(PublicKey key, IPEndPoint address, TimeSpan timeout)
    {
        if (GetOrOpen(address, key, out bool opened) is not { } link)
        {
            return false;
        }

        if (opened)
        {
            Hello(link);
        }

        try
        {
            return await link.Proved.WaitAsync(timeout, _time, _stopping.Token).ConfigureAwait(false) is { } peer && LinkHandshake.Matches(peer, key);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// The link to <paramref name="address"/>, opened to prove <paramref name="expected"/> if none is open; null when the
    /// open link there serves another Node (the package must not go to it: that Node moved or the record is stale).
    /// </summary>
    private NodeLink? GetOrOpen(IPEndPoint address, PublicKey expected, out bool opened)
    {
        opened = false;
        if (_links.TryGetValue(address, out var link) && !link.IsClosed)
        {
            return Serving(link, expected);
        }

        lock (_opening)
        {
            if (_links.TryGetValue(address, out link) && !link.IsClosed)
            {
                return Serving(link, expected);
            }

            link = NodeLink.Connect(address, expected, _inbound.Handler, _handshake, _options, _time, _budget, _conduct, OnClosed, _logger, _stopping.Token);
            _links[address] = link;
            opened = true;
            return link;
        }
    }

    private NodeLink? Serving(NodeLink link, PublicKey expected)
    {
        if (link.Serves(expected))
        {
            return link;
        }

        if (_conduct.Report(link.Remote, strike: false))
        {
            LogOtherNode(link.Remote, expected.ToString());
        }

        return null;
    }

    private void OnClosed(NodeLink link, bool wasConnected)
    {
        _links.TryRemove(new KeyValuePair<IPEndPoint, NodeLink>(link.Remote, link));
        if (link.IsAccepted)
        {
            Unaccount(Normalize(link.Remote.Address));
        }

        if (wasConnected)
        {
            // A link that never came up (refused, unreachable) is not forgotten: its refusals stay logged once per interval.
            _conduct.Closed(link.Remote);
            LinkClosed?.Invoke(link.Remote);
        }
        else
        {
            LinkFailed?.Invoke(link.Remote);
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.NoAddressForKey, Level = LogLevel.Warning, Message = "Dropped a package for {Key}: this Node does not know where it listens")]
    private partial void LogNoAddress(string key);

    [LoggerMessage(EventId = DataPathEventIds.LinkDropped, Level = LogLevel.Warning, Message = "Dropped a package for {Address}: the link to it is down")]
    private partial void LogLinkDropped(IPEndPoint address);

    [LoggerMessage(EventId = DataPathEventIds.MalefactorRefused, Level = LogLevel.Warning, Message = "Refused a link from {Remote}: it was cut off as a malefactor")]
    private partial void LogMalefactorRefused(IPEndPoint remote);

    [LoggerMessage(EventId = DataPathEventIds.TooManyConnections, Level = LogLevel.Warning, Message = "Refused links from {Address} beyond {Limit} at once")]
    private partial void LogTooManyConnections(IPAddress address, int limit);

    [LoggerMessage(EventId = LinkEventIds.LinkServesOtherNode, Level = LogLevel.Warning, Message = "Dropped a package for Node {Key}: the link to {Remote} is with another Node")]
    private partial void LogOtherNode(IPEndPoint remote, string key);

    [LoggerMessage(EventId = DataPathEventIds.ClandestineAccepted, Level = LogLevel.Debug, Message = "Accepted a link from {Remote}")]
    private partial void LogAccepted(IPEndPoint remote);
}
