using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Masq.Node.Crypto;
using Masq.Node.Routing;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Networking;

/// <summary>
/// The clandestine half of the StreamHandlerPool: one link per neighbor endpoint (data-path.md §1), opened on first
/// use and shared by every stream that goes that way; links other Nodes open to this one are kept too, so replies to
/// a Node that accepts no connections can go back the way it came. The Neighborhood can follow links through
/// <see cref="LinkFailed"/> and <see cref="LinkClosed"/>.
/// </summary>
internal sealed partial class ClandestinePool : IClandestineSender, IAsyncDisposable
{
    private readonly ConcurrentDictionary<IPEndPoint, ClandestineConnection> _links = new();
    private readonly Lock _opening = new();
    private readonly INodeLocator _locator;
    private readonly IMasquerader _masquerader;
    private readonly Lazy<IClandestineInbound> _inbound;
    private readonly DataPathOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClandestinePool> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public ClandestinePool(
        INodeLocator locator,
        IMasquerader masquerader,
        Lazy<IClandestineInbound> inbound,
        DataPathOptions options,
        TimeProvider time,
        ILogger<ClandestinePool> logger)
    {
        _locator = locator;
        _masquerader = masquerader;
        _inbound = inbound;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Connecting to a neighbor failed (the reference's TcpConnectionFailed).</summary>
    public event Action<IPEndPoint>? LinkFailed;

    /// <summary>An established link closed.</summary>
    public event Action<IPEndPoint>? LinkClosed;

    public int LinkCount => _links.Count;

    public ValueTask<bool> SendAsync(PublicKey nextKey, byte[] sealedPackage, CancellationToken cancellationToken) =>
        SendAsync(nextKey, OutboundPackage.Owned(sealedPackage), cancellationToken);

    public ValueTask<bool> SendAsync(PublicKey nextKey, OutboundPackage package, CancellationToken cancellationToken)
    {
        if (!_locator.TryLocate(nextKey, out var endpoint))
        {
            package.Release();
            LogNoAddress(nextKey.ToString());
            return ValueTask.FromResult(false);
        }

        return SendToAsync(endpoint, package, cancellationToken);
    }

    public ValueTask<bool> SendToAsync(IPEndPoint address, byte[] sealedPackage, CancellationToken cancellationToken) =>
        SendToAsync(address, OutboundPackage.Owned(sealedPackage), cancellationToken);

    private async ValueTask<bool> SendToAsync(IPEndPoint address, OutboundPackage package, CancellationToken cancellationToken)
    {
        bool queued = false;
        try
        {
            // A link found closed is replaced once: it may have died since the last package.
            for (int attempt = 0; attempt < 2; attempt++)
            {
                var link = GetOrOpen(address);
                if (link.TryEnqueue(package) || await link.EnqueueAsync(package, cancellationToken).ConfigureAwait(false))
                {
                    queued = true;
                    return true;
                }

                _links.TryRemove(new KeyValuePair<IPEndPoint, ClandestineConnection>(address, link));
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
    public void Accept(Socket socket)
    {
        var link = ClandestineConnection.Accept(socket, _masquerader, _inbound.Value, _options, OnClosed, _logger, _stopping.Token);
        _links[link.Remote] = link;
        LogAccepted(link.Remote);
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

    private ClandestineConnection GetOrOpen(IPEndPoint address)
    {
        if (_links.TryGetValue(address, out var link) && !link.IsClosed)
        {
            return link;
        }

        lock (_opening)
        {
            if (_links.TryGetValue(address, out link) && !link.IsClosed)
            {
                return link;
            }

            link = ClandestineConnection.Connect(address, _masquerader, _inbound.Value, _options, _time, OnClosed, _logger, _stopping.Token);
            _links[address] = link;
            return link;
        }
    }

    private void OnClosed(ClandestineConnection link, bool wasConnected)
    {
        _links.TryRemove(new KeyValuePair<IPEndPoint, ClandestineConnection>(link.Remote, link));
        if (wasConnected)
        {
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

    [LoggerMessage(EventId = DataPathEventIds.ClandestineAccepted, Level = LogLevel.Debug, Message = "Accepted a link from {Remote}")]
    private partial void LogAccepted(IPEndPoint remote);
}
