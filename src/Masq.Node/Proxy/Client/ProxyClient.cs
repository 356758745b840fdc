using System.Collections.Concurrent;
using System.Net;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Crypto;
using Masq.Node.Hopper;
using Masq.Node.Networking;
using Masq.Node.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Masq.Lib.Blockchains;

using Masq.Node.DataPath;

namespace Masq.Node.Proxy.Client;

/// <summary>
/// The exit (data-path.md §2.2 step 7–8, §2.3): keeps one <see cref="ExitStream"/> per stream key with the way back to
/// its originator and who pays, hands each request packet to it, and ends streams that outlive their bounds. Request
/// packets are queued on the caller's task (the link that delivered them); each stream has its own tasks.
/// </summary>
internal sealed partial class ProxyClient : BackgroundService, IExitInbound, ICrashable
{
    /// <summary>A stream that failed to open is remembered this long, so its later packets do not start it again.</summary>
    private static readonly TimeSpan TombstoneLife = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<StreamKey, ExitStream> _streams = new();
    private readonly StreamTombstones _tombstones;
    private readonly HopperService _hopper;
    private readonly ICryptDE _main;
    private readonly BufferBudget _budget;
    private readonly ExitResolver _resolver;
    private readonly IAccountant _accountant;
    private readonly TrafficCounters _traffic;
    private readonly RatePack _rates;
    private readonly bool _decentralized;
    private readonly DataPathOptions _options;
    private readonly TimeProvider _time;
    private readonly CrashHook _crashHook;
    private readonly ILogger<ProxyClient> _logger;
    private readonly LocalReplyPath _localReply;
    private CancellationToken _stopping;

    public ProxyClient(
        HopperService hopper,
        NodeIdentity identity,
        NodeSettings settings,
        ExitResolver resolver,
        IAccountant accountant,
        TrafficCounters traffic,
        DataPathOptions options,
        TimeProvider time,
        CrashHook crashHook,
        ILogger<ProxyClient> logger,
        BufferBudget budget)
    {
        _hopper = hopper;
        _main = identity.Main;
        _resolver = resolver;
        _accountant = accountant;
        _traffic = traffic;
        _rates = settings.EffectiveRatePack;
        _decentralized = settings.NeighborhoodMode != NeighborhoodMode.ZeroHop;
        _options = options;
        _time = time;
        _crashHook = crashHook;
        _logger = logger;
        _budget = budget;
        _localReply = new LocalReplyPath(hopper);
        _tombstones = new StreamTombstones(TombstoneLife, time);
        hopper.AttachExit(this);
    }

    public string Key => "PROXYCLIENT";

    public int StreamCount => _streams.Count;

    public void Crash(string panicMessage) => _crashHook.Crash(Key, panicMessage);

    public async ValueTask HandleRoutedAsync(ExpiredCoresPackage<ClientRequestPayload> package, CancellationToken cancellationToken)
    {
        WalletAddress? payer = package.PayingWallet;
        if (_decentralized && payer is null)
        {
            LogNoPayer(package.ImmediateNeighbor?.ToString() ?? "this Node");
            return;
        }

        // Exit service on arrival, by the rule the originator pays by (ExitServiceCharge): it paid for the package
        // reaching this exit, whatever becomes of it here (a stream that has ended, a close its server never sees), so
        // the books agree to the wei.
        if (payer is not null && ExitServiceCharge.Of(package.Payload) is { } size)
        {
            await _accountant.ReportAsync(new ExitServiceProvided(payer, _rates.ExitServiceRate, _rates.ExitByteRate, size), cancellationToken).ConfigureAwait(false);
        }

        await DispatchAsync(package.Payload, package.RemainingRoute, payer, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask HandleLocalAsync(ClientRequestPayload payload, CancellationToken cancellationToken) =>
        DispatchAsync(payload, null, null, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        using var timer = new PeriodicTimer(_options.HousekeepingInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        var running = _streams.Values.Select(s => s.Completion).ToArray();
        foreach (var stream in _streams.Values)
        {
            stream.Expire();
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    internal void Sweep()
    {
        long now = _time.GetTimestamp();
        foreach (var stream in _streams.Values)
        {
            if (stream.HasExpired(now))
            {
                LogExpired(stream.Key.ToString());
                stream.Expire();
            }
        }

        _tombstones.Sweep();
    }

    /// <param name="route">The route the request came by (null for zero-hop).</param>
    private async ValueTask DispatchAsync(ClientRequestPayload payload, Route? route, WalletAddress? payer, CancellationToken cancellationToken)
    {
        var packet = payload.SequencedPacket;
        if (payload.IsCreditOnly)
        {
            // The originator's browser took response bytes (protocol.md §4): outside the request sequence, never queued.
            if (_streams.TryGetValue(payload.StreamKey, out var granted))
            {
                granted.GrantResponseCredit(payload.ResponseCredit!.Value);
            }

            return;
        }

        if (_streams.TryGetValue(payload.StreamKey, out var stream))
        {
            if (packet.Data.IsEmpty && !packet.LastData)
            {
                // The originator's probe (ProxyServer.RouteFailure.cs): echo now, not after the server took the earlier requests.
                await stream.EchoAsync(cancellationToken).ConfigureAwait(false);
            }

            await stream.EnqueueAsync(packet, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Nothing to do for an unknown stream that carries no data (data-path.md §2.2 step 8), or one that already failed
        // (unless the packet starts it again: the originator's DNS retry). An empty first request (sequence 0, not
        // last_data) is a SOCKS5 CONNECT: connect now and say so, before the client sends anything.
        bool connectFirst = packet.Data.IsEmpty && !packet.LastData && packet.SequenceNumber == 0;
        if ((packet.Data.IsEmpty && !connectFirst) || _tombstones.Refuses(payload.StreamKey, packet.SequenceNumber))
        {
            return;
        }

        IExitReplyPath reply;
        if (route is null)
        {
            reply = _localReply;
        }
        else
        {
            try
            {
                reply = new RoutedReplyPath(_hopper, _hopper.Prepare(route), payload.OriginatorPublicKey, _main);
            }
            catch (CoresDecodeException e)
            {
                LogUnanswerable(payload.StreamKey.ToString(), e.Error);
                return;
            }
        }

        ExitStream? opened = null;
        var buffers = _budget.OpenStream(IPAddress.None, () => opened?.Expire());
        stream = opened = new ExitStream(payload.StreamKey, payload.TargetHostname, payload.TargetPort, reply, payer, _resolver, _accountant, _traffic, _rates, _options, _time, _logger)
        {
            OpeningSequence = packet.SequenceNumber,
            AnnounceConnection = connectFirst,
            Buffers = buffers,
        };
        if (!_streams.TryAdd(payload.StreamKey, stream))
        {
            buffers.Dispose();
            await DispatchAsync(payload, route, payer, cancellationToken).ConfigureAwait(false);
            return;
        }

        stream.Start(OnEnded, _stopping);
        await stream.EnqueueAsync(packet, cancellationToken).ConfigureAwait(false);
    }

    private void OnEnded(ExitStream stream)
    {
        _streams.TryRemove(new KeyValuePair<StreamKey, ExitStream>(stream.Key, stream));
        if (stream.FailedToOpen)
        {
            _tombstones.Add(stream.Key, stream.OpeningSequence);
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.ExitUnpaid, Level = LogLevel.Warning, Message = "Dropped a request from {Source}: nobody pays for the exit")]
    private partial void LogNoPayer(string source);

    [LoggerMessage(EventId = DataPathEventIds.ExitWayBackUnreadable, Level = LogLevel.Warning, Message = "Dropped a request for stream {StreamKey}: its way back is unreadable ({Reason})")]
    private partial void LogUnanswerable(string streamKey, CoresDecodeError reason);

    [LoggerMessage(EventId = DataPathEventIds.ExitStreamExpired, Level = LogLevel.Information, Message = "Ended exit stream {StreamKey}: it outlived its time")]
    private partial void LogExpired(string streamKey);
}
