using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Crypto;
using Masq.Node.Hopper;
using Masq.Node.Networking;
using Masq.Node.Protocol;
using Masq.Node.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Masq.Node.DataPath;
using Masq.Node.Links;

namespace Masq.Node.Proxy.Server;

/// <summary>
/// The originating side (data-path.md §2.2–2.5, §5): gives each browser stream a key, asks the route source for a
/// round trip, seals each chunk for the exit and hands it to the Hopper; puts responses back in order for the
/// browser; reports what it consumed; answers failures with counterfeit pages and TLS alerts and retries DNS
/// failures through other exits. Per-stream work runs on the browser connection's task (requests) and on the link
/// task that delivers responses; the actor loop only sweeps timeouts.
/// </summary>
internal sealed partial class ProxyServer : BackgroundService, IOriginInbound, ICrashable
{
    private const int MaxPendingResponses = 64;

    private readonly ConcurrentDictionary<StreamKey, ProxyStream> _streams = new();
    private readonly ICryptDE _main;
    private readonly ICryptDE _alias;
    private readonly IRouteSource _routes;
    private readonly IPayerSource _payer;
    private readonly HopperService _hopper;
    private readonly IAccountant _accountant;
    private readonly TrafficCounters _traffic;
    private readonly DataPathOptions _options;
    private readonly TimeProvider _time;
    private readonly CrashHook _crashHook;
    private readonly ILogger<ProxyServer> _logger;
    private readonly ReturnRouteTable _returnRoutes;
    private readonly INodeLocator _locator;
    private readonly BufferBudget _budget;
    private readonly bool _decentralized;
    private volatile bool _nodeStopping;
    private readonly byte[] _salt = new byte[StreamKey.SaltLength];
    private long _streamCounter;

    public ProxyServer(
        NodeIdentity identity,
        NodeSettings settings,
        IRouteSource routes,
        IPayerSource payer,
        HopperService hopper,
        IAccountant accountant,
        TrafficCounters traffic,
        DataPathOptions options,
        TimeProvider time,
        CrashHook crashHook,
        ILogger<ProxyServer> logger,
        ClandestinePool links,
        INodeLocator locator,
        BufferBudget budget,
        IHostApplicationLifetime lifetime)
    {
        _main = identity.Main;
        _alias = identity.Alias;
        _routes = routes;
        _payer = payer;
        _hopper = hopper;
        _accountant = accountant;
        _traffic = traffic;
        _options = options;
        _time = time;
        _crashHook = crashHook;
        _logger = logger;
        _returnRoutes = new ReturnRouteTable(time, options.ReturnRouteTtl);
        _decentralized = settings.NeighborhoodMode != NeighborhoodMode.ZeroHop;
        RandomNumberGenerator.Fill(_salt);
        _locator = locator;
        _budget = budget;

        // Once the Node is stopping its links may close with packages still queued: a package this Node paid for must
        // not be thrown away unsent, so nothing more is sent (the exit charges what arrives; ExitServiceCharge).
        lifetime.ApplicationStopping.Register(() => _nodeStopping = true);
        links.LinkClosed += OnLinkLost;
        links.LinkFailed += OnLinkLost;
        hopper.AttachOrigin(this);
    }

    public string Key => "PROXYSERVER";

    /// <summary>Streams open now (for tests and diagnostics).</summary>
    public int StreamCount => _streams.Count;

    /// <summary>The streams open now (for tests and diagnostics).</summary>
    public IReadOnlyList<ProxyStream> Streams => [.. _streams.Values];

    public void Crash(string panicMessage) => _crashHook.Crash(Key, panicMessage);

    /// <summary>Starts a stream for a browser connection that is going to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public ProxyStream OpenStream(IBrowserSink sink, IPEndPoint client, string? host, int port, ProxyProtocol protocol)
    {
        // The reference derives one key per connection; a connection that changes host gets a new stream, hence the counter.
        Span<byte> salt = stackalloc byte[StreamKey.SaltLength];
        _salt.CopyTo(salt);
        long counter = Interlocked.Increment(ref _streamCounter);
        for (int i = 0; i < salt.Length; i++)
        {
            salt[i] ^= (byte)(counter >> (8 * i));
        }

        var stream = new ProxyStream(StreamKey.Derive(_main.PublicKey, client, salt), sink, host, port, protocol, _time.GetTimestamp(), MaxPendingResponses, _options.EffectiveStreamWindow, _options.EffectiveMaxStreamWindow, _time);

        // What the stream holds for its browser (its response window) and retains for another exit counts in the Node's
        // buffer budget; going over ends the hungriest streams (or links) first.
        stream.Buffers = _budget.OpenStream(client.Address, () => EndOverBudget(stream));
        _streams[stream.Key] = stream;
        return stream;
    }

    /// <summary>
    /// Sends one chunk of browser data (which the callee may keep: it must not be reused). The first chunk finds the
    /// route. False when the stream is over (an error was shown instead), so the connection stops reading.
    /// </summary>
    public async ValueTask<bool> SendAsync(ProxyStream stream, byte[] data, CancellationToken cancellationToken)
    {
        // The exit's credit for this stream (protocol.md §4): only this browser's reader waits for it, outside the gate
        // that credit updates and probes also take. Only this task sends data, so what it waits for is still there after.
        if (data.Length > 0 && await stream.RequestCredit.WaitAsync(data.Length, cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await stream.SendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (stream.IsFinished)
            {
                return false;
            }

            stream.Touch(_time.GetTimestamp());
            _traffic.AddConsumed(fromBrowser: data.Length, toBrowser: 0);
            if (stream.Plan is null && !await StartAsync(stream, data.Length, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var packet = new SequencedPacket(data, stream.NextRequestSequence++, LastData: false);
            stream.RequestCredit.Take(data.Length);
            Retain(stream, packet);
            if (await TransmitAsync(stream, packet, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await FailAsync(stream, NoRouteResponse(stream), new StreamFailure(StreamFailureKind.NoRoute), cancellationToken).ConfigureAwait(false);
            return false;
        }
        finally
        {
            stream.SendGate.Release();
        }
    }

    /// <summary>
    /// Opens a stream before its client sends anything (SOCKS5 CONNECT): the first request is empty, which asks the exit
    /// to connect and answer with an empty response once the server accepted. The sink hears
    /// <see cref="IBrowserSink.ConnectedAsync"/>, or a failure, or a <see cref="StreamFailureKind.ConnectUnanswered"/>
    /// after <see cref="DataPathOptions.ConnectAnswerTimeout"/>. False when it failed at once (no wallet, no route).
    /// </summary>
    public ValueTask<bool> ConnectAsync(ProxyStream stream, CancellationToken cancellationToken)
    {
        stream.ExpectConnect();
        return SendAsync(stream, [], cancellationToken);
    }

    /// <summary>
    /// The browser closed its side (data-path.md §5 "Client closes"): the exit gets an empty last_data request and
    /// closes its side towards the server; the stream stays a while for whatever the server still sends.
    /// </summary>
    public async ValueTask CloseFromClientAsync(ProxyStream stream, CancellationToken cancellationToken)
    {
        await stream.SendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (stream.IsFinished || stream.ClientClosedAt >= 0)
            {
                return;
            }

            stream.MarkClientClosed(_time.GetTimestamp());
            if (stream.Plan is null)
            {
                Remove(stream);
                return;
            }

            await TransmitAsync(stream, new SequencedPacket(ReadOnlyMemory<byte>.Empty, stream.NextRequestSequence++, LastData: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stream.SendGate.Release();
        }
    }

    /// <summary>The browser connection moved on to another host: end this stream at once; late responses are stragglers.</summary>
    public async ValueTask RetireAsync(ProxyStream stream, CancellationToken cancellationToken)
    {
        await stream.SendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!Remove(stream) || stream.Plan is null)
            {
                return;
            }

            await TransmitAsync(stream, new SequencedPacket(ReadOnlyMemory<byte>.Empty, stream.NextRequestSequence++, LastData: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stream.SendGate.Release();
        }
    }

    public async ValueTask HandleRoutedAsync(MessageType message, uint? returnRouteId, int payloadLength, CancellationToken cancellationToken)
    {
        if (returnRouteId is not { } id || !_returnRoutes.TryUse(id, out var entry))
        {
            LogUnknownReturnRoute(message.Variant);
            return;
        }

        switch (message)
        {
            case ClientResponseMessage response:
                await ReportConsumedAsync(entry.Back, ExitServiceCharge.Of(response.Payload), payloadLength, cancellationToken).ConfigureAwait(false);
                await DeliverAsync(response.Payload, cancellationToken).ConfigureAwait(false);
                break;
            case DnsResolveFailedMessage failure:
                await ReportConsumedAsync(entry.Back, 0, payloadLength, cancellationToken).ConfigureAwait(false);
                await HandleDnsFailureAsync(failure.Payload.StreamKey, id, cancellationToken).ConfigureAwait(false);
                break;
            case ServerFailedMessage failure:
                await ReportConsumedAsync(entry.Back, 0, payloadLength, cancellationToken).ConfigureAwait(false);
                await HandleServerFailureAsync(failure.Payload, id, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public async ValueTask HandleLocalAsync(MessageType message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case ClientResponseMessage response:
                await DeliverAsync(response.Payload, cancellationToken).ConfigureAwait(false);
                break;
            case DnsResolveFailedMessage failure:
                await HandleDnsFailureAsync(failure.Payload.StreamKey, null, cancellationToken).ConfigureAwait(false);
                break;
            case ServerFailedMessage failure:
                await HandleServerFailureAsync(failure.Payload, null, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
    }

    /// <summary>Ends streams that outlived their bounds, so every stream ends in bounded time; forgets old return routes.</summary>
    internal void Sweep()
    {
        long now = _time.GetTimestamp();
        foreach (var stream in _streams.Values)
        {
            bool lingered = stream.ClientClosedAt >= 0 && _time.GetElapsedTime(stream.ClientClosedAt, now) > _options.ClosedStreamLinger;
            bool idle = _time.GetElapsedTime(stream.LastActivity, now) > _options.StreamIdleTimeout;
            bool stalled = stream.ResponseCredit.Buffered > 0 && _time.GetElapsedTime(stream.DeliveryProgressAt, now) > _options.StreamProgressTimeout;
            if ((lingered || idle || stalled) && Remove(stream))
            {
                LogStreamExpired(
                    stream.Key.ToString(),
                    lingered ? "the browser closed it and the server did not finish in time"
                    : stalled ? $"the browser took none of its {stream.ResponseCredit.Buffered} waiting bytes for {_options.StreamProgressTimeout.TotalSeconds:0.#} s"
                    : "it was idle too long");
                stream.Sink.Abort(stream);
                if (!lingered && stream.Plan is not null)
                {
                    _ = SendLastDataQuietlyAsync(stream);
                }
            }
        }

        SweepRoutes(now);
        _returnRoutes.Purge();
    }

    private async Task SendLastDataQuietlyAsync(ProxyStream stream)
    {
        try
        {
            await stream.SendGate.WaitAsync().ConfigureAwait(false);
            try
            {
                await TransmitAsync(stream, new SequencedPacket(ReadOnlyMemory<byte>.Empty, stream.NextRequestSequence++, LastData: true), CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                stream.SendGate.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or CryptDeException or CoresDecodeException)
        {
            LogStreamExpired(stream.Key.ToString(), $"its closing request could not be sent ({e.GetType().Name})");
        }
    }

    /// <summary>First chunk of a stream: wallet check, route, return-route bookkeeping. False after showing an error.</summary>
    private async ValueTask<bool> StartAsync(ProxyStream stream, int payloadSize, CancellationToken cancellationToken)
    {
        if (_decentralized && _payer.Signer is null)
        {
            LogNoConsumingWallet(stream.Host ?? "<unknown>");
            await FailAsync(stream, stream.Protocol == ProxyProtocol.Tls ? ServerImpersonator.TlsAlert(ServerImpersonator.AlertInternalError) : ServerImpersonator.ConsumingWalletRequired(), new StreamFailure(StreamFailureKind.ConsumingWalletMissing), cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!await TryRouteAsync(stream, payloadSize, cancellationToken).ConfigureAwait(false))
        {
            LogNoRoute(stream.Host ?? "<unknown>");
            await FailAsync(stream, NoRouteResponse(stream), new StreamFailure(StreamFailureKind.NoRoute), cancellationToken).ConfigureAwait(false);
            return false;
        }

        stream.DnsRetriesLeft = _decentralized ? _options.DnsRetries : 0;
        stream.Retained = stream.DnsRetriesLeft > 0 ? [] : null;
        return true;
    }

    private async ValueTask<bool> TryRouteAsync(ProxyStream stream, int payloadSize, CancellationToken cancellationToken)
    {
        var plan = await _routes.FindRoundTripAsync(new RouteQuery(stream.Host, payloadSize), cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return false;
        }

        if (!plan.IsZeroHop)
        {
            try
            {
                stream.Prepared = _hopper.Prepare(plan.Route!);
            }
            catch (CoresDecodeException)
            {
                return false;
            }

            _returnRoutes.Add(plan.ReturnRouteId, plan.Back);
        }

        TrackRoute(stream, plan);
        stream.Plan = plan;
        return true;
    }

    private void Retain(ProxyStream stream, SequencedPacket packet)
    {
        if (stream.Retained is not { } retained)
        {
            return;
        }

        if (stream.ResponseSeen || stream.RetainedBytes + packet.Data.Length > _options.RetainedRequestLimit)
        {
            stream.Retained = null;
            stream.Buffers?.Add(-stream.RetainedBytes);
            return;
        }

        retained.Add(packet);
        stream.RetainedBytes += packet.Data.Length;
        stream.Buffers?.Add(packet.Data.Length);
    }

    /// <summary>Seals one packet for the exit and sends it by the stream's route. False when the first Node is unreachable.</summary>
    private async ValueTask<bool> TransmitAsync(ProxyStream stream, SequencedPacket packet, CancellationToken cancellationToken, ulong? responseCredit = null)
    {
        var plan = stream.Plan!;
        var payload = new ClientRequestPayload(stream.Key, packet, stream.Host, (ushort)stream.Port, stream.Protocol, _alias.PublicKey, responseCredit);
        if (plan.IsZeroHop)
        {
            await _hopper.SendToLocalExitAsync(payload, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (_nodeStopping)
        {
            return false;
        }

        byte[] sealedPayload = _main.Seal(plan.ExitKey, new ClientRequestMessage(payload).Encode());
        await ReportConsumedAsync(plan.Over, ExitServiceCharge.Of(payload), sealedPayload.Length, cancellationToken).ConfigureAwait(false);
        return await _hopper.SendAsync(stream.Prepared!, sealedPayload, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="exitSize">The exit-service payload size (<see cref="ExitServiceCharge"/>); null when the package is none.</param>
    private ValueTask ReportConsumedAsync(IReadOnlyList<ExpectedService> services, long? exitSize, long routingSize, CancellationToken cancellationToken)
    {
        if (!_decentralized)
        {
            return ValueTask.CompletedTask;
        }

        ExpectedExit? exit = null;
        var routing = new List<ConsumedService>(services.Count);
        foreach (var service in services)
        {
            switch (service)
            {
                case ExpectedExit e:
                    exit = e;
                    break;
                case ExpectedRouting r:
                    routing.Add(new ConsumedService(r.EarningWallet, r.Rates.RoutingServiceRate, r.Rates.RoutingByteRate, routingSize));
                    break;
            }
        }

        if (exit is null)
        {
            return ValueTask.CompletedTask;
        }

        var exitService = exitSize is { } size ? new ConsumedService(exit.EarningWallet, exit.Rates.ExitServiceRate, exit.Rates.ExitByteRate, size) : null;
        return _accountant.ReportAsync(new ServicesConsumed(exitService, routing), cancellationToken);
    }

    private async ValueTask DeliverAsync(ClientResponsePayload response, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(response.StreamKey, out var stream))
        {
            LogStraggler(response.StreamKey.ToString(), response.SequencedPacket.SequenceNumber);
            return;
        }

        if (response.IsCreditOnly)
        {
            // The exit's server took request bytes: this stream's browser reader may send more. Outside the sequence.
            stream.Heard(_time.GetTimestamp());
            stream.RequestCredit.Grant((long)Math.Min(response.RequestCredit!.Value, long.MaxValue));
            return;
        }

        // A probe's echo (empty, not last) proves the route alive; it is not progress, nor a sign the exit resolved the host.
        var sequenced = response.SequencedPacket;
        stream.Heard(_time.GetTimestamp());
        stream.ExitAnswered = true;
        if (!sequenced.Data.IsEmpty || sequenced.LastData)
        {
            stream.ResponseSeen = true;
            stream.Touch(_time.GetTimestamp());
        }

        await stream.ReceiveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (stream.TryConnected())
            {
                // The exit's first word on a stream opened by ConnectAsync: the server accepted. The client may send now,
                // and no other exit may be tried from here on.
                stream.ResponseSeen = true;
                stream.Touch(_time.GetTimestamp());
                await stream.Sink.ConnectedAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            switch (stream.Responses.Add(response.SequencedPacket.SequenceNumber, response.SequencedPacket))
            {
                case SequenceAddResult.Duplicate:
                    LogStraggler(stream.Key.ToString(), response.SequencedPacket.SequenceNumber);
                    return;
                case SequenceAddResult.Accepted when !ReceiveResponseBytes(stream, sequenced.Data.Length):
                    // More than the window this stream granted: its buffer stays bounded, and only this stream ends.
                    LogOverWindow(stream.Key.ToString(), stream.ResponseCredit.Limit);
                    if (Remove(stream))
                    {
                        stream.Sink.Reset(stream);
                    }

                    return;
                case SequenceAddResult.TooFarAhead:
                    LogLostPackets(stream.Key.ToString(), stream.Responses.NextExpected, response.SequencedPacket.SequenceNumber);
                    if (Remove(stream))
                    {
                        stream.Sink.Abort(stream);
                    }

                    return;
            }

            await DrainAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stream.ReceiveGate.Release();
        }
    }

    /// <summary>Counts response bytes against the stream's window; false when they go beyond it.</summary>
    private bool ReceiveResponseBytes(ProxyStream stream, int length)
    {
        if (length == 0)
        {
            return true;
        }

        if (!stream.ResponseCredit.TryReceive(length))
        {
            return false;
        }

        stream.Buffers?.Add(length);
        if (stream.ResponseCredit.Buffered == length)
        {
            // The browser had nothing waiting: its progress deadline starts now.
            stream.DeliveryProgress(_time.GetTimestamp());
        }

        return true;
    }

    /// <summary>
    /// The browser's socket took <paramref name="length"/> response bytes of <paramref name="stream"/> (from the browser
    /// connection's writer, after the write completed): once half a window has been taken, the exit hears the new limit.
    /// </summary>
    public void Consumed(ProxyStream stream, int length)
    {
        stream.DeliveryProgress(_time.GetTimestamp());
        var limit = stream.ResponseCredit.Consume(length, out long taken);
        stream.Buffers?.Add(-taken);
        if (limit is not null && !stream.IsFinished && stream.Plan is not null)
        {
            _ = SendCreditAsync(stream, limit.Value);
        }
    }

    /// <summary>A credit update (an empty request with response_credit, outside the sequence), paid for like any package.</summary>
    private async Task SendCreditAsync(ProxyStream stream, long limit)
    {
        try
        {
            await stream.SendGate.WaitAsync().ConfigureAwait(false);
            try
            {
                if (!stream.IsFinished && stream.Plan is not null)
                {
                    await TransmitAsync(stream, new SequencedPacket(ReadOnlyMemory<byte>.Empty, 0, LastData: false), CancellationToken.None, (ulong)limit).ConfigureAwait(false);
                }
            }
            finally
            {
                stream.SendGate.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or CryptDeException or CoresDecodeException)
        {
            LogStreamExpired(stream.Key.ToString(), $"its credit update could not be sent ({e.GetType().Name})");
        }
    }

    /// <summary>Hands the responses that are next in sequence to the browser's writer (which never waits: the window bounds them); under the stream's ReceiveGate.</summary>
    private async ValueTask DrainAsync(ProxyStream stream, CancellationToken cancellationToken)
    {
        while (stream.Responses.TryTakeNext(out var packet))
        {
            if (!packet.Data.IsEmpty)
            {
                await stream.Sink.WriteAsync(stream, packet.Data, cancellationToken).ConfigureAwait(false);
                _traffic.AddConsumed(fromBrowser: 0, toBrowser: packet.Data.Length);
            }

            if (packet.LastData)
            {
                if (!Remove(stream))
                {
                    return;
                }

                if (stream.ServerFailure is { } failure)
                {
                    await EndWithServerFailureAsync(stream, failure, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // The server closed: the browser hears it now, not at the next request (the reference's lag).
                    await stream.Sink.FinishAsync(stream, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
        }
    }

    /// <summary>The exit lost the server; the failure's turn in the response sequence has come.</summary>
    private async ValueTask EndWithServerFailureAsync(ProxyStream stream, ServerFailureKind failure, CancellationToken cancellationToken)
    {
        if (!stream.ResponseSeen)
        {
            // Only probe echoes came before the failure: nothing reached the browser, so it gets the page.
            LogServerFailure(stream.Host ?? "<unknown>", stream.Port, failure);
            await stream.Sink.FailAsync(
                stream,
                stream.Protocol == ProxyProtocol.Tls ? ServerImpersonator.TlsAlert(ServerImpersonator.AlertFor(failure)) : ServerImpersonator.ServerFailure(failure, stream.Host, stream.Port),
                StreamFailure.Of(failure),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The server failed after part of its answer reached the browser: no page can follow that, and a plain
            // close could pass a truncated answer off as complete, so the browser connection is reset.
            LogServerFailedMidStream(stream.Key.ToString(), stream.Host ?? "<unknown>", failure);
            stream.Sink.Reset(stream);
        }
    }

    /// <summary>
    /// The exit could not reach the server, or lost it (<see cref="ServerFailure"/>). Before any answer: another exit
    /// when where the exit is may be the cause (unreachable, no answer to the connect), else the counterfeit page or
    /// TLS alert. After part of an answer: at its place in the response sequence, a reset of the browser connection.
    /// </summary>
    private async ValueTask HandleServerFailureAsync(ServerFailure failure, uint? returnRouteId, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(failure.StreamKey, out var stream))
        {
            LogStraggler(failure.StreamKey.ToString(), failure.SequenceNumber);
            return;
        }

        // After part of an answer, the failure takes its place in the response sequence. Probe echoes (empty) also
        // take numbers, so a failure after echoes alone, all of them arrived, is still a failure before any answer.
        if (failure.SequenceNumber > 0 && (stream.ResponseSeen || stream.Responses.NextExpected < failure.SequenceNumber))
        {
            stream.Touch(_time.GetTimestamp());
            await stream.ReceiveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                stream.ServerFailure = failure.Kind;
                if (stream.Responses.Add(failure.SequenceNumber, new SequencedPacket(ReadOnlyMemory<byte>.Empty, failure.SequenceNumber, LastData: true)) == SequenceAddResult.TooFarAhead)
                {
                    if (Remove(stream))
                    {
                        stream.Sink.Reset(stream);
                    }

                    return;
                }

                await DrainAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                stream.ReceiveGate.Release();
            }

            return;
        }

        await stream.SendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var plan = stream.Plan;
            if (stream.IsFinished || plan is null || (returnRouteId is { } id && plan.ReturnRouteId != id))
            {
                return;
            }

            bool whereTheExitIs = failure.Kind is ServerFailureKind.HostUnreachable or ServerFailureKind.ConnectTimedOut;
            if (whereTheExitIs && stream.Host is { } host && plan.Exit is { } exit)
            {
                _routes.ReportUnreachableHost(exit.Key, host);
            }

            if (whereTheExitIs && await TryAnotherExitAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                LogServerFailureRetry(stream.Host ?? "<unknown>", failure.Kind, stream.ExitsTried);
                return;
            }

            LogServerFailure(stream.Host ?? "<unknown>", stream.Port, failure.Kind);
            await FailAsync(
                stream,
                stream.Protocol == ProxyProtocol.Tls ? ServerImpersonator.TlsAlert(ServerImpersonator.AlertFor(failure.Kind)) : ServerImpersonator.ServerFailure(failure.Kind, stream.Host, stream.Port),
                StreamFailure.Of(failure.Kind),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stream.SendGate.Release();
        }
    }

    /// <summary>Resends the stream's first requests through a new route, when retries remain; under SendGate.</summary>
    private async ValueTask<bool> TryAnotherExitAsync(ProxyStream stream, CancellationToken cancellationToken)
    {
        if (stream.DnsRetriesLeft <= 0 || stream.Retained is not { } retained || stream.ResponseSeen)
        {
            return false;
        }

        stream.DnsRetriesLeft--;
        if (!await TryRouteAsync(stream, stream.RetainedBytes, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // The new exit numbers its responses from 0; the old one's may have used numbers for probe echoes.
        await stream.ReceiveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            stream.Responses.Restart();
            stream.Buffers?.Add(-stream.ResponseCredit.Restart());
        }
        finally
        {
            stream.ReceiveGate.Release();
        }

        stream.ExitsTried++;

        // The new exit grants a whole window; what is resent counts against it.
        stream.RequestCredit.Restart(stream.RetainedBytes, _options.EffectiveStreamWindow);
        foreach (var packet in retained)
        {
            if (!await TransmitAsync(stream, packet, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        return true;
    }

    private async ValueTask HandleDnsFailureAsync(StreamKey key, uint? returnRouteId, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(key, out var stream))
        {
            LogStraggler(key.ToString(), 0);
            return;
        }

        await stream.SendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var plan = stream.Plan;
            if (stream.IsFinished || plan is null || (returnRouteId is { } id && plan.ReturnRouteId != id))
            {
                // A failure from an exit this stream has already left behind.
                return;
            }

            if (stream.Host is { } host && plan.Exit is { } exit)
            {
                _routes.ReportUnreachableHost(exit.Key, host);
            }

            stream.ExitsFailed.Add(plan.ExitKey);

            if (await TryAnotherExitAsync(stream, cancellationToken).ConfigureAwait(false))
            {
                LogDnsRetry(stream.Host ?? "<unknown>", stream.ExitsTried);
                return;
            }

            LogDnsFailure(stream.Host ?? "<unknown>", stream.ExitsFailed.Count);
            await FailAsync(
                stream,
                stream.Protocol == ProxyProtocol.Tls ? ServerImpersonator.TlsAlert(ServerImpersonator.AlertUnrecognizedName) : ServerImpersonator.DnsFailure(stream.Host, stream.ExitsFailed.Count),
                new StreamFailure(StreamFailureKind.DnsFailed),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            stream.SendGate.Release();
        }
    }

    private static byte[] NoRouteResponse(ProxyStream stream) =>
        stream.Protocol == ProxyProtocol.Tls ? ServerImpersonator.TlsAlert(ServerImpersonator.AlertInternalError) : ServerImpersonator.NoRoute(stream.Host);

    private async ValueTask FailAsync(ProxyStream stream, byte[] counterfeit, StreamFailure failure, CancellationToken cancellationToken)
    {
        Remove(stream);
        await stream.Sink.FailAsync(stream, counterfeit, failure, cancellationToken).ConfigureAwait(false);
    }

    private bool Remove(ProxyStream stream)
    {
        if (!stream.TryFinish())
        {
            return false;
        }

        _streams.TryRemove(new KeyValuePair<StreamKey, ProxyStream>(stream.Key, stream));
        stream.Buffers?.Dispose();
        return true;
    }

    /// <summary>The Node's buffer budget chose this stream to end (it held the most): like a browser that stopped reading.</summary>
    private void EndOverBudget(ProxyStream stream)
    {
        if (!Remove(stream))
        {
            return;
        }

        LogStreamExpired(stream.Key.ToString(), "the Node's buffer budget was exceeded and this stream held the most");
        stream.Sink.Abort(stream);
        if (stream.Plan is not null)
        {
            _ = SendLastDataQuietlyAsync(stream);
        }
    }

    [LoggerMessage(EventId = DataPathEventIds.NoRoute, Level = LogLevel.Warning, Message = "No route to {Host}: answered with a routing error")]
    private partial void LogNoRoute(string host);

    [LoggerMessage(EventId = DataPathEventIds.NoConsumingWallet, Level = LogLevel.Warning, Message = "Refused a stream to {Host}: no consuming wallet to pay the network with")]
    private partial void LogNoConsumingWallet(string host);

    [LoggerMessage(EventId = DataPathEventIds.DnsFailureRetrying, Level = LogLevel.Information, Message = "An exit could not resolve {Host}; trying exit number {Exit}")]
    private partial void LogDnsRetry(string host, int exit);

    [LoggerMessage(EventId = DataPathEventIds.DnsFailureFinal, Level = LogLevel.Warning, Message = "{Exits} exit(s) could not resolve {Host}: answered with a DNS error")]
    private partial void LogDnsFailure(string host, int exits);

    [LoggerMessage(EventId = DataPathEventIds.ServerFailureRetrying, Level = LogLevel.Information, Message = "An exit could not reach {Host} ({Failure}); trying exit number {Exit}")]
    private partial void LogServerFailureRetry(string host, ServerFailureKind failure, int exit);

    [LoggerMessage(EventId = DataPathEventIds.ServerFailureFinal, Level = LogLevel.Warning, Message = "The exit reported {Host}:{Port} failed ({Failure}): answered with an error page or TLS alert")]
    private partial void LogServerFailure(string host, int port, ServerFailureKind failure);

    [LoggerMessage(EventId = DataPathEventIds.ServerFailedMidStream, Level = LogLevel.Warning, Message = "Stream {StreamKey}: {Host} failed mid-answer ({Failure}); reset the browser connection")]
    private partial void LogServerFailedMidStream(string streamKey, string host, ServerFailureKind failure);

    [LoggerMessage(EventId = DataPathEventIds.Straggler, Level = LogLevel.Debug, Message = "Dropped a straggling response for stream {StreamKey} (sequence {Sequence})")]
    private partial void LogStraggler(string streamKey, ulong sequence);

    [LoggerMessage(EventId = DataPathEventIds.UnknownReturnRoute, Level = LogLevel.Warning, Message = "Dropped a {Variant} that came back by an unknown return route")]
    private partial void LogUnknownReturnRoute(string variant);

    [LoggerMessage(EventId = DataPathEventIds.StreamLostPackets, Level = LogLevel.Warning, Message = "Stream {StreamKey} lost responses: expected {Expected}, got {Got}; closed")]
    private partial void LogLostPackets(string streamKey, ulong expected, ulong got);

    [LoggerMessage(EventId = DataPathEventIds.StreamOverWindow, Level = LogLevel.Warning, Message = "Stream {StreamKey}: the exit sent beyond the window it was granted ({Limit} bytes); closed")]
    private partial void LogOverWindow(string streamKey, long limit);

    [LoggerMessage(EventId = DataPathEventIds.StreamExpired, Level = LogLevel.Information, Message = "Ended stream {StreamKey}: {Reason}")]
    private partial void LogStreamExpired(string streamKey, string reason);
}
