namespace Masq.Node.Cells;

/// <summary>
/// One route's state at a relay or the exit, made from its setup entry: where cells come from and go, the labels and
/// counter offsets of both links, the layer keys, the replay windows. Windows and the exit's sequence are changed
/// under the route's own lock (cells of one route may arrive on two link tasks at once, one per direction).
/// </summary>
internal sealed class RelayRoute
{
    private readonly Lock _lock = new();
    private ReplayWindow _forwardWindow;
    private ReplayWindow _backwardWindow;
    private ulong _nextBackward;

    public RelayRoute(long inPeer, long outPeer, RouteSetupEntry entry, LayerKeys keys, long expiresUnixSeconds)
    {
        InPeer = inPeer;
        OutPeer = outPeer;
        IsExit = entry.IsExit;
        InLabel = entry.InLabel;
        OutLabel = entry.OutLabel;
        InOffset = entry.InOffset;
        OutOffset = entry.OutOffset;
        Keys = keys;
        Ticket = entry.Ticket.ToArray();
        ExpiresUnixSeconds = expiresUnixSeconds;
        LruNode = new LinkedListNode<RelayRoute>(this);
    }

    /// <summary>The peer towards the originator.</summary>
    public long InPeer { get; }

    /// <summary>The peer towards the exit; unused at the exit.</summary>
    public long OutPeer { get; }

    public bool IsExit { get; }

    public ulong InLabel { get; }

    public ulong OutLabel { get; }

    public ulong InOffset { get; }

    public ulong OutOffset { get; }

    public LayerKeys Keys { get; }

    /// <summary>The opaque ticket from the hop entry (payer and proof, for the Hopper to check once).</summary>
    public byte[] Ticket { get; }

    public long ExpiresUnixSeconds { get; }

    internal LinkedListNode<RelayRoute> LruNode { get; }

    public bool TryAcceptForward(ulong sequence)
    {
        lock (_lock)
        {
            return _forwardWindow.TryAccept(sequence);
        }
    }

    public bool TryAcceptBackward(ulong sequence)
    {
        lock (_lock)
        {
            return _backwardWindow.TryAccept(sequence);
        }
    }

    /// <summary>The exit's next sequence number towards the originator.</summary>
    public ulong NextBackwardSequence()
    {
        lock (_lock)
        {
            return _nextBackward++;
        }
    }
}
