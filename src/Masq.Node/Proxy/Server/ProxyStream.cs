using Masq.Node.Crypto;
using Masq.Node.Hopper;
using Masq.Node.Networking;
using Masq.Node.Protocol;
using Masq.Node.Routing;

namespace Masq.Node.Proxy.Server;

/// <summary>
/// One browser stream at the originator: its key, target, route and the state of both directions. The sending side
/// (the browser connection's task, and a DNS retry) works under <see cref="SendGate"/>; responses are put in order
/// under <see cref="ReceiveGate"/>.
/// </summary>
internal sealed class ProxyStream(StreamKey key, IBrowserSink sink, string? host, int port, ProxyProtocol protocol, long now, int maxPendingResponses)
{
    private int _finished;
    private long _lastActivity = now;
    private long _clientClosedAt = -1;

    public StreamKey Key { get; } = key;

    public IBrowserSink Sink { get; } = sink;

    public string? Host { get; } = host;

    public int Port { get; } = port;

    public ProxyProtocol Protocol { get; } = protocol;

    public SemaphoreSlim SendGate { get; } = new(1, 1);

    public SemaphoreSlim ReceiveGate { get; } = new(1, 1);

    // Sending side, under SendGate.
    public RoundTripPlan? Plan { get; set; }

    public PreparedRoute? Prepared { get; set; }

    public ulong NextRequestSequence { get; set; }

    /// <summary>Requests kept for resending through another exit after a DNS failure; null once that is impossible.</summary>
    public List<SequencedPacket>? Retained { get; set; }

    public int RetainedBytes { get; set; }

    public int DnsRetriesLeft { get; set; }

    public int ExitsTried { get; set; } = 1;

    /// <summary>The distinct exits that could not resolve the host (a retry may land on one of them again).</summary>
    public HashSet<PublicKey> ExitsFailed { get; } = [];

    // Receiving side, under ReceiveGate.
    public SequenceBuffer<SequencedPacket> Responses { get; } = new(maxPendingResponses);

    /// <summary>Set once a response arrived: the exit resolved the host, so DNS retries are over.</summary>
    public bool ResponseSeen
    {
        get => Volatile.Read(ref _responseSeen);
        set => Volatile.Write(ref _responseSeen, value);
    }

    /// <summary>Set when the exit reported that the server failed mid-answer; under ReceiveGate.</summary>
    public ServerFailureKind? ServerFailure { get; set; }

    public bool IsFinished => Volatile.Read(ref _finished) != 0;

    public long LastActivity => Interlocked.Read(ref _lastActivity);

    /// <summary>When the browser closed its side, in TimeProvider timestamps; -1 while it is open.</summary>
    public long ClientClosedAt => Interlocked.Read(ref _clientClosedAt);

    private bool _responseSeen;

    public void Touch(long now) => Interlocked.Exchange(ref _lastActivity, now);

    public void MarkClientClosed(long now) => Interlocked.CompareExchange(ref _clientClosedAt, now, -1);

    /// <summary>True for the one caller that ends the stream.</summary>
    public bool TryFinish() => Interlocked.Exchange(ref _finished, 1) == 0;
}
