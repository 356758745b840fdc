namespace Masq.Node.DataPath;

/// <summary>
/// The data path's constants (data-path.md §6), gathered so tests can shorten the long ones. The defaults are what a
/// Node runs with.
/// </summary>
internal sealed record DataPathOptions
{
    /// <summary>The default of <see cref="MaxRequestHeadLength"/>.</summary>
    public const int DefaultMaxRequestHeadLength = 64 * 1024;

    /// <summary>
    /// The Node's own IP (<c>--ip</c>): links it opens to other Nodes leave from it, so that they see the gossip source
    /// they expect (neighborhood.md §3.1). Null or unspecified: the system picks, as for a Node behind NAT.
    /// </summary>
    public System.Net.IPAddress? LocalAddress { get; init; }

    /// <summary>Connecting to a neighbor or to a server gives up after this.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// An exit whose server has said nothing this long after the last request bytes it was given (until its first
    /// answer) gives up and the browser gets a "server did not answer" page. Browsers give up on their own after
    /// about five minutes; a Node should explain sooner.
    /// </summary>
    public TimeSpan ServerResponseTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>After the browser closes, the originator keeps the stream this long for the exit's last words.</summary>
    public TimeSpan ClosedStreamLinger { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A return-route entry lives this long after its last use (sliding).</summary>
    public TimeSpan ReturnRouteTtl { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A stream with no traffic either way for this long is ended, so every stream ends in bounded time.</summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A routed stream that has heard nothing from its exit for this long sends a probe (an empty request that is not
    /// last_data, which the exit echoes as an empty response). Quiet streams whose probes come back probe less and less
    /// often (up to <see cref="MaxProbeInterval"/>); any data either way starts again from this.
    /// </summary>
    public TimeSpan ProbeAfter { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>A probe with no answer for this long means a Node on the route is gone: the stream ends for the browser.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// <see cref="ProbeTimeout"/> for a route whose exit has not answered anything yet: its links may still be opening,
    /// so a little longer. With <see cref="ProbeAfter"/> and the sweep it keeps a browser's wait on a route that was dead
    /// from the start within 5 s (issue 14); the exit echoes a probe as soon as the stream's first request reached it,
    /// not after it connected to the server, so a slow server does not count.
    /// </summary>
    public TimeSpan FirstAnswerTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The longest a quiet stream goes between probes.</summary>
    public TimeSpan MaxProbeInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often stream and route tables are swept for the timeouts above.</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// The most client data one package carries, both ways. Each package costs the sealed-box work of every Node it
    /// crosses (two X25519 operations per seal/open pair, whatever the size), so fewer, larger packages are much
    /// cheaper than the reference's 16 KiB at the exit; 64 KiB keeps a package (which the array-of-uints payload form
    /// nearly doubles) well under the 1 MiB package limit.
    /// </summary>
    public int MaxChunkLength { get; init; } = 64 * 1024;

    /// <summary>
    /// The most server data one package carries when the exit answers by a route (not zero-hop). Every package costs
    /// three X25519 operations at each Node it crosses whatever its size, so routed data travels in larger packages;
    /// the exit still sends whatever has arrived at once, so a small answer goes out small (no added latency).
    /// </summary>
    public int MaxRoutedChunkLength { get; init; } = 256 * 1024;

    /// <summary>
    /// Each stream's credit window in each direction (protocol.md §4): the exit sends at most this many response bytes
    /// the browser has not yet taken, and the originator at most this many request bytes the server has not yet taken.
    /// What a stream holds for a slow reader stays within it, in that stream's own buffer, so a shared link never waits
    /// for one stream's reader. Large enough that one stream keeps a 3-hop loopback route busy; never below two
    /// request chunks and a head (<see cref="EffectiveStreamWindow"/>).
    /// </summary>
    public int StreamWindow { get; init; } = 2 * 1024 * 1024;

    /// <summary>The window in use: <see cref="StreamWindow"/>, but room for at least two whole request chunks and a head.</summary>
    public int EffectiveStreamWindow => Math.Max(StreamWindow, (2 * MaxChunkLength) + MaxRequestHeadLength);

    /// <summary>
    /// The largest a stream's receive window grows to by auto-tuning (<see cref="ReceiveCredit"/>, when its updates
    /// come less than two round trips apart). 2 MiB carries at most about 7 MB/s over a route whose round trip is 300 ms
    /// (three hops of 40 ms links, and the way back); 16 MiB about 55 MB/s. Equal to the window, auto-tuning is off.
    /// </summary>
    public int MaxStreamWindow { get; init; } = 16 * 1024 * 1024;

    /// <summary>The auto-tuning cap in use: never below <see cref="EffectiveStreamWindow"/>.</summary>
    public int EffectiveMaxStreamWindow => Math.Max(MaxStreamWindow, EffectiveStreamWindow);

    /// <summary>
    /// A stream whose reader has taken nothing of what the stream holds for it for this long (a browser that stopped
    /// reading, or a server that stopped taking an upload) is ended, without touching the other streams.
    /// </summary>
    public TimeSpan StreamProgressTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Packages queued for one neighbor before senders wait (backpressure on the link).</summary>
    public int LinkQueueLength { get; init; } = 32;

    /// <summary>Resending a stream's first request through another exit after a DNS failure (decentralized only).</summary>
    public int DnsRetries { get; init; } = 3;

    /// <summary>Request data kept for such a resend; a stream that sent more before its first answer is not retried.</summary>
    public int RetainedRequestLimit { get; init; } = 256 * 1024;

    /// <summary>A request head longer than this is refused with a 431 page.</summary>
    public int MaxRequestHeadLength { get; init; } = DefaultMaxRequestHeadLength;

    /// <summary>
    /// Whether browsers may ask for loopback hosts (127.0.0.1, localhost, …) and exits may connect to loopback
    /// addresses. Off in production (an exit must not serve strangers its own loopback services); on for testing
    /// against local servers (the <c>allow-loopback-targets</c> parameter, of which the reference's
    /// <c>MASQ_INTEGRATION_TEST=true</c> is an alias).
    /// </summary>
    public bool AllowLoopbackTargets { get; init; }

    /// <summary>
    /// The Node-wide budget for bytes buffered for connections (partial frames, link queues), like Tor's
    /// MaxMemInQueues: going over closes the hungriest connections first (<see cref="BufferBudget"/>).
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The share of <see cref="MaxBufferedBytes"/> one source IP may hold (room for several full frames).</summary>
    public long MaxBufferedBytesPerAddress { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Links other Nodes may hold open to this one from one IP. Generous: on a localnet every Node may share 127.x
    /// addresses, and behind NAT many Nodes share one.
    /// </summary>
    public int MaxConnectionsPerAddress { get; init; } = 64;

    /// <summary>A link another Node opened must begin its first cell within this after the handshake (no idle handshaken links).</summary>
    public TimeSpan FirstFrameTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A frame started on a link must be complete within this (a slowloris of the clandestine port).</summary>
    public TimeSpan FrameTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A browser connection must complete a request head (or, on the TLS port and after a CONNECT, its ClientHello)
    /// within this from the connection's start or the head's first byte: slowloris and silent tunnels are closed.
    /// </summary>
    public TimeSpan BrowserHeadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A SOCKS5 client must send its greeting and request within this of connecting; it is a few dozen bytes.</summary>
    public TimeSpan SocksHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>SOCKS5 connections still in their handshake at once; more are closed at once (a flood of idle connections).</summary>
    public int MaxSocksHandshakes { get; init; } = 256;

    /// <summary>
    /// How long a SOCKS5 CONNECT waits for the exit's word that the server connected (or failed), per exit tried:
    /// the route's links may be opening (<see cref="FirstAnswerTimeout"/>) and the exit may try two addresses
    /// (<see cref="ConnectTimeout"/> each).
    /// </summary>
    public TimeSpan ConnectAnswerTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Bad packages from one peer in a row before its link is closed and it is treated as a malefactor.</summary>
    public int MaxBadPackages { get; init; } = 100;

    /// <summary>Misbehaviour is logged once per peer per interval, with counts.</summary>
    public TimeSpan MisbehaviourLogInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a peer cut off for bad packages stays refused.</summary>
    public TimeSpan MalefactorBanTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the buffer budget checks whether a flood has ended and memory can go back to the system.</summary>
    public TimeSpan MemoryTrimInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The defaults for a Node with these settings: its own address, and its rule for loopback targets.</summary>
    public static DataPathOptions For(Masq.Lib.Configuration.NodeSettings settings) => new()
    {
        AllowLoopbackTargets = settings.AllowLoopbackTargets,
        LocalAddress = settings.Ip,
    };

    /// <summary>
    /// The defaults, with the limits a test or an operator sets through <c>MASQ_DATAPATH_*</c> environment variables
    /// (<c>MEMORY_BUDGET_MIB</c>, <c>ADDRESS_MEMORY_MIB</c>, <c>CONNECTIONS_PER_IP</c>, <c>FIRST_FRAME_TIMEOUT_MS</c>,
    /// <c>FRAME_TIMEOUT_MS</c>, <c>HEAD_TIMEOUT_MS</c>, <c>MAX_BAD_PACKAGES</c>, <c>SOCKS_HANDSHAKE_TIMEOUT_MS</c>,
    /// <c>STREAM_WINDOW_KIB</c>, <c>STREAM_PROGRESS_TIMEOUT_MS</c>).
    /// </summary>
    public DataPathOptions WithEnvironment(Func<string, string?> environment)
    {
        long? Number(string name) =>
            long.TryParse(environment("MASQ_DATAPATH_" + name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value) && value > 0 ? value : null;

        return this with
        {
            MaxBufferedBytes = Number("MEMORY_BUDGET_MIB") * 1024 * 1024 ?? MaxBufferedBytes,
            MaxBufferedBytesPerAddress = Number("ADDRESS_MEMORY_MIB") * 1024 * 1024 ?? MaxBufferedBytesPerAddress,
            MaxConnectionsPerAddress = (int?)Number("CONNECTIONS_PER_IP") ?? MaxConnectionsPerAddress,
            FirstFrameTimeout = Number("FIRST_FRAME_TIMEOUT_MS") is { } first ? TimeSpan.FromMilliseconds(first) : FirstFrameTimeout,
            FrameTimeout = Number("FRAME_TIMEOUT_MS") is { } frame ? TimeSpan.FromMilliseconds(frame) : FrameTimeout,
            BrowserHeadTimeout = Number("HEAD_TIMEOUT_MS") is { } head ? TimeSpan.FromMilliseconds(head) : BrowserHeadTimeout,
            MaxBadPackages = (int?)Number("MAX_BAD_PACKAGES") ?? MaxBadPackages,
            SocksHandshakeTimeout = Number("SOCKS_HANDSHAKE_TIMEOUT_MS") is { } socks ? TimeSpan.FromMilliseconds(socks) : SocksHandshakeTimeout,
            StreamWindow = Number("STREAM_WINDOW_KIB") is { } window and <= 1024 * 1024 ? (int)window * 1024 : StreamWindow,
            MaxStreamWindow = Number("STREAM_WINDOW_MAX_KIB") is { } maxWindow and <= 1024 * 1024 ? (int)maxWindow * 1024 : MaxStreamWindow,
            StreamProgressTimeout = Number("STREAM_PROGRESS_TIMEOUT_MS") is { } progress ? TimeSpan.FromMilliseconds(progress) : StreamProgressTimeout,
        };
    }
}
