using Masq.Node.Crypto;
using Masq.Node.Protocol;
using Masq.Node.Routing;
using Masq.Node.DataPath;
using Masq.Node.Networking;

namespace Masq.Node.Proxy.Server;

/// <summary>
/// One browser stream at the originator: its key, target, route and the state of both directions. The sending side
/// (the browser connection's task, and a DNS retry) works under <see cref="SendGate"/>; responses are put in order
/// under <see cref="ReceiveGate"/>.
/// </summary>
internal sealed class ProxyStream(StreamKey key, IBrowserSink sink, string? host, int port, ProxyProtocol protocol, long now, int maxPendingResponses, int window, int maxWindow = 0, TimeProvider? time = null)
{
    private long _deliveryProgressAt = now;

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

    // Route liveness (ProxyServer.RouteFailure.cs): when the exit was last heard from, and the probe in flight.
    private long _heardAt = now;
    private long _probeSentAt = -1;
    private int _probing;

    /// <summary>The first Node's clandestine endpoint, whose link closing ends this stream at once; null for zero-hop.</summary>
    public System.Net.IPEndPoint? FirstHop { get; set; }

    /// <summary>When anything (data, the end, or a probe's echo) last came back from the exit.</summary>
    public long HeardAt => Interlocked.Read(ref _heardAt);

    /// <summary>When the unanswered probe went out; -1 when none is outstanding.</summary>
    public long ProbeSentAt => Interlocked.Read(ref _probeSentAt);

    /// <summary>How long the stream may be quiet before the next probe; doubles while probes find it merely idle. Sweep only.</summary>
    public TimeSpan ProbeInterval { get; set; }

    /// <summary>When the last probe went out (answered or not); sweep only.</summary>
    public long LastProbeAt { get; set; } = -1;

    /// <summary>This stream's charge in the Node's buffer budget (its response window's bytes and retained requests); released when it ends.</summary>
    public BufferAccount? Buffers { get; set; }

    /// <summary>Request bytes the exit allows (protocol.md §4); the browser's reader waits on it, for this stream only.</summary>
    public SendCredit RequestCredit { get; } = new(window);

    /// <summary>Response bytes this stream holds for its browser: at most a window (auto-tuned), granted back as the browser takes them.</summary>
    public ReceiveCredit ResponseCredit { get; } = new(window, maxWindow, time);

    /// <summary>When the browser last took response bytes, or bytes came for it while it had none waiting.</summary>
    public long DeliveryProgressAt => Interlocked.Read(ref _deliveryProgressAt);

    public void DeliveryProgress(long now) => Interlocked.Exchange(ref _deliveryProgressAt, now);

    /// <summary>Whether anything came back from this route's exit yet (until then a fresh route may still be connecting).</summary>
    public bool ExitAnswered
    {
        get => Volatile.Read(ref _exitAnswered);
        set => Volatile.Write(ref _exitAnswered, value);
    }

    private bool _exitAnswered;
    private int _awaitingConnect;

    /// <summary>
    /// Whether the stream was opened by <see cref="ProxyServer.ConnectAsync"/> and the exit has not yet said the server
    /// connected: held to a connect deadline, and probed like any stream (until it connected, the exit answers a probe
    /// with a credit update, outside the sequence, so that its answer is never taken for the connection's).
    /// </summary>
    public bool AwaitingConnect => Volatile.Read(ref _awaitingConnect) != 0;

    public void ExpectConnect() => Volatile.Write(ref _awaitingConnect, 1);

    /// <summary>When the stream's current route was taken (the connect deadline counts from it, per exit tried).</summary>
    public long RouteStartedAt
    {
        get => Interlocked.Read(ref _routeStartedAt);
        set => Interlocked.Exchange(ref _routeStartedAt, value);
    }

    private long _routeStartedAt;

    /// <summary>True for the one caller that learns the server connected.</summary>
    public bool TryConnected() => Interlocked.Exchange(ref _awaitingConnect, 0) != 0;

    public void Heard(long now)
    {
        Interlocked.Exchange(ref _heardAt, now);
        Interlocked.Exchange(ref _probeSentAt, -1);
    }

    /// <summary>Whether a probe is being handed to the first link now (its deadline starts once it is).</summary>
    public bool IsSendingProbe => Volatile.Read(ref _probing) != 0;

    /// <summary>Marks a probe outstanding before it is sent (an echo may come back before the send returns). False when one is being sent.</summary>
    public bool TryStartProbe(long now)
    {
        if (Interlocked.Exchange(ref _probing, 1) != 0)
        {
            return false;
        }

        LastProbeAt = now;
        Interlocked.Exchange(ref _probeSentAt, now);
        return true;
    }

    /// <summary>The probe is on the link: its deadline counts from now, unless its echo already came back.</summary>
    public void ProbeSent(long started, long now)
    {
        Interlocked.CompareExchange(ref _probeSentAt, now, started);
        Interlocked.Exchange(ref _probing, 0);
    }


    public void Touch(long now) => Interlocked.Exchange(ref _lastActivity, now);

    public void MarkClientClosed(long now) => Interlocked.CompareExchange(ref _clientClosedAt, now, -1);

    /// <summary>True for the one caller that ends the stream.</summary>
    public bool TryFinish()
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return false;
        }

        RequestCredit.Close();
        return true;
    }
}
