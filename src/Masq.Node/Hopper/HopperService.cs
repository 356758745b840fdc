using System.Buffers;
using System.Net;
using System.Runtime.InteropServices;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.Protocol;
using Microsoft.Extensions.Logging;
using Masq.Lib.Blockchains;

using Masq.Node.DataPath;
using Masq.Node.Routing;
using Masq.Node.Links;

namespace Masq.Node.Hopper;

/// <summary>
/// The Hopper (data-path.md §1–2): its ConsumingService sends this Node's own packages (shift its hop, seal for the next
/// Node, hand to the pool, or loop back when the next Node is itself); its RoutingService takes clandestine packages
/// and relays them (payer proof, banned wallet, routing report, shift, re-seal) or expires them to the ProxyClient,
/// the ProxyServer or the Neighborhood. Stateless per package apart from its caches, so it runs on the caller's task:
/// packages from different links are handled in parallel, packages of one link in order.
/// </summary>
internal sealed partial class HopperService : IClandestineInbound, ICrashable
{
    private readonly ICryptDE _main;
    private readonly ICryptDE _alias;
    private readonly NodeSettings _settings;
    private readonly ClandestinePool _sender;
    private readonly IAccountant _accountant;
    private readonly TrafficCounters _traffic;
    private readonly IBannedWallets _banned;
    private readonly InboundSlot<IGossipSink> _gossip = new("The Hopper");
    private readonly PeerConduct _conduct;
    private readonly InboundSlot<IExitInbound> _exit = new("The Hopper");
    private readonly InboundSlot<IOriginInbound> _origin = new("The Hopper");
    private readonly CrashHook _crashHook;
    private readonly ILogger<HopperService> _logger;
    private readonly HopCache _hops;
    private readonly ReplayGuard _replays = new();
    private readonly bool _decentralized;

    public HopperService(
        NodeIdentity identity,
        NodeSettings settings,
        ClandestinePool sender,
        IAccountant accountant,
        TrafficCounters traffic,
        IBannedWallets banned,
        CrashHook crashHook,
        PeerConduct conduct,
        ILogger<HopperService> logger)
    {
        _main = identity.Main;
        _alias = identity.Alias;
        _settings = settings;
        _sender = sender;
        _accountant = accountant;
        _traffic = traffic;
        _banned = banned;
        _crashHook = crashHook;
        _conduct = conduct;
        _logger = logger;
        _hops = new HopCache(_main);
        _decentralized = settings.NeighborhoodMode != NeighborhoodMode.ZeroHop;
        sender.AttachInbound(this);
    }

    public string Key => "HOPPER";

    // The ProxyClient, the ProxyServer and the Neighborhood send through the Hopper, so each attaches itself as the
    // taker of what the Hopper expires for it when it is built.
    public void AttachExit(IExitInbound exit) => _exit.Attach(exit);

    public void AttachOrigin(IOriginInbound origin) => _origin.Attach(origin);

    public void AttachGossip(IGossipSink gossip) => _gossip.Attach(gossip);

    /// <exception cref="InvalidOperationException">Something the Hopper expires packages to was not composed in.</exception>
    public void EnsureAttached()
    {
        _exit.EnsureAttached();
        _origin.EnsureAttached();
        _gossip.EnsureAttached();
    }

    public void Crash(string panicMessage) => _crashHook.Crash(Key, panicMessage);

    /// <summary>Shifts this Node's own top hop off <paramref name="route"/> once, for all the packages of a stream.</summary>
    /// <exception cref="CoresDecodeException">The top hop is not this Node's.</exception>
    public PreparedRoute Prepare(Route route)
    {
        var (entry, remaining) = _hops.Shift(route);
        return new PreparedRoute(remaining, entry.Hop.PublicKey);
    }

    /// <summary>ConsumingService: sends a package by a prepared route. False when the next Node cannot be reached.</summary>
    public async ValueTask<bool> SendAsync(PreparedRoute route, ReadOnlyMemory<byte> sealedPayload, CancellationToken cancellationToken)
    {
        var package = new LiveCoresPackage(route.Remaining, sealedPayload);
        if (route.NextKey == _main.PublicKey)
        {
            await RouteAsync(package, null, 1, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return await _sender.SendAsync(route.NextKey, EncodePooled(route.Remaining, sealedPayload), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// ConsumingService for a message this Node seals end to end itself (the exit's responses): the message is sealed
    /// for <paramref name="payloadRecipient"/> straight into the package's buffer, without intermediate copies. As <see cref="SendAsync(PreparedRoute, ReadOnlyMemory{byte}, CancellationToken)"/> otherwise.
    /// </summary>
    /// <exception cref="CryptDeException"><paramref name="payloadRecipient"/> or the next key is not one this Node can seal for.</exception>
    public ValueTask<bool> SendSealingAsync(PreparedRoute route, ReadOnlyMemory<byte> message, ICryptDE sealer, PublicKey payloadRecipient, CancellationToken cancellationToken)
    {
        if (route.NextKey == _main.PublicKey)
        {
            return SendAsync(route, sealer.Seal(payloadRecipient, message.Span), cancellationToken);
        }

        return _sender.SendAsync(route.NextKey, EncodeSealing(route, message.Span, sealer, payloadRecipient), cancellationToken);
    }

    private static OutboundPackage EncodeSealing(PreparedRoute route, ReadOnlySpan<byte> message, ICryptDE sealer, PublicKey payloadRecipient)
    {
        int payloadLength = sealer.GetSealedLength(payloadRecipient, message.Length);
        int headerLength = LiveCoresPackage.HeaderLength(route.Remaining, payloadLength);
        int length = headerLength + payloadLength;
        byte[]? output = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            LiveCoresPackage.WriteHeader(output, route.Remaining, payloadLength);
            sealer.Seal(payloadRecipient, message, output.AsSpan(headerLength, payloadLength));
            var result = new OutboundPackage(output, length, Pooled: true);
            output = null;
            return result;
        }
        finally
        {
            if (output is not null)
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
    }

    /// <summary>ConsumingService for a one-off package (gossip, for example).</summary>
    /// <exception cref="CoresDecodeException">The route's top hop is not this Node's.</exception>
    public ValueTask<bool> SendAsync(IncipientCoresPackage package, CancellationToken cancellationToken) =>
        SendAsync(Prepare(package.Route), package.Payload, cancellationToken);

    /// <summary>
    /// A "no-lookup" package (Debuts and gossip replies, neighborhood.md §3.1): its message sealed for
    /// <paramref name="target"/> (a first-contact key for a Debut: only the Node that holds its secret reads it) and
    /// sent straight to <paramref name="address"/>, to be expired at the target's Neighborhood.
    /// </summary>
    public async ValueTask<bool> SendNoLookupAsync(PublicKey target, IPEndPoint address, MessageType message, CancellationToken cancellationToken)
    {
        var route = Route.OneWay(new RouteSegment([_main.PublicKey, target], Component.Neighborhood), _main, payer: null);
        var prepared = Prepare(route);
        var package = new LiveCoresPackage(prepared.Remaining, _main.Seal(target, message.Encode()));
        return await _sender.SendToAsync(address, target, package.Encode(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Zero-hop: a request goes straight to this Node's ProxyClient, unsealed.</summary>
    public ValueTask SendToLocalExitAsync(ClientRequestPayload payload, CancellationToken cancellationToken) =>
        _exit.Handler.HandleLocalAsync(payload, cancellationToken);

    /// <summary>Zero-hop: a response goes straight back to this Node's ProxyServer, unsealed.</summary>
    public ValueTask SendToLocalOriginAsync(MessageType message, CancellationToken cancellationToken) =>
        _origin.Handler.HandleLocalAsync(message, cancellationToken);

    /// <summary>
    /// RoutingService: one package from a clandestine link. Packages travel unsealed inside the link's TLS (protocol.md
    /// §1.1): the link already hides them from observers and proves the sending Node, so the reference's seal of each
    /// package for the next Node (three X25519 operations and two passes over the bytes per package per hop) is gone.
    /// The route's hops and the payload stay sealed for their readers.
    /// </summary>
    public async ValueTask HandleAsync(ReadOnlyMemory<byte> encodedPackage, IPEndPoint source, CancellationToken cancellationToken)
    {
        // A peer cut off for bad packages: its link is closing; what it still sent is not looked at.
        if (_conduct.IsMalefactor(source))
        {
            return;
        }

        // Copied into a pooled buffer (the link reuses its own): a relayed package is encoded afresh from it, and a
        // package for this Node's ProxyServer keeps nothing of it. Anything else keeps parts of the package, so it gets
        // a copy of its own.
        if (encodedPackage.Length > CoresLimits.MaxPackageLength)
        {
            if (_conduct.Report(source))
            {
                LogPackageUnopenable(source, CoresDecodeError.TooLarge);
            }

            return;
        }

        int length = encodedPackage.Length;
        byte[] opened = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        encodedPackage.Span.CopyTo(opened);

        try
        {
            LiveCoresPackage package;
            try
            {
                package = LiveCoresPackage.Decode(opened.AsMemory(0, length));
            }
            catch (CoresDecodeException e)
            {
                if (_conduct.Report(source))
                {
                    LogPackageUnopenable(source, e.Error);
                }

                return;
            }

            // By the payload, sealed end to end: a neighbor can only replay (or poison the memory with) payloads it carried.
            if (_replays.IsReplay(package.Payload.Span))
            {
                if (_conduct.Report(source))
                {
                    LogReplayed(source);
                }

                return;
            }

            byte[] owned = opened;
            if (!KeepsNothing(package))
            {
                owned = opened.AsSpan(0, length).ToArray();
                package = LiveCoresPackage.Decode(owned);
            }

            await RouteAsync(package, source, 0, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(opened);
        }
    }

    /// <summary>Whether handling <paramref name="package"/> keeps no reference to its bytes: a relay, or an answer for this Node's ProxyServer.</summary>
    private bool KeepsNothing(LiveCoresPackage package)
    {
        LiveHop hop;
        try
        {
            hop = _hops.Open(package.Route.Hops[0]).Hop;
        }
        catch (CoresDecodeException)
        {
            return false;
        }

        return hop.Component switch
        {
            Component.Hopper => !hop.IsTerminal && !hop.IsLoopbackFor(_main.PublicKey),
            Component.ProxyServer => true,
            _ => false,
        };
    }

    private async ValueTask RouteAsync(LiveCoresPackage package, IPEndPoint? source, int localHops, CancellationToken cancellationToken)
    {
        while (true)
        {
            HopEntry entry;
            Route remaining;
            try
            {
                (entry, remaining) = _hops.Shift(package.Route);
            }
            catch (CoresDecodeException e)
            {
                if (_conduct.Report(source))
                {
                    LogHopUnreadable(Describe(source), e.Error);
                }

                return;
            }

            var hop = entry.Hop;
            switch (hop.Component)
            {
                case Component.Hopper when hop.IsTerminal:
                    if (_conduct.Report(source))
                    {
                        LogWrongMessage(Describe(source), "a terminal hop for the Hopper");
                    }

                    return;
                case Component.Hopper when hop.IsLoopbackFor(_main.PublicKey):
                    // The route visits this Node again: shift and go on locally, within the route's own length.
                    if (++localHops > CoresLimits.MaxHops)
                    {
                        if (_conduct.Report(source))
                        {
                            LogRouteLoops(Describe(source));
                        }

                        return;
                    }

                    package = package with { Route = remaining };
                    continue;
                case Component.Hopper:
                    await RelayAsync(package, entry, remaining, source, cancellationToken).ConfigureAwait(false);
                    return;
                case Component.ProxyClient:
                    await ExpireToExitAsync(package, entry, source, cancellationToken).ConfigureAwait(false);
                    return;
                case Component.ProxyServer:
                    await ExpireToOriginAsync(package, remaining, source, cancellationToken).ConfigureAwait(false);
                    return;
                case Component.Neighborhood:
                    await ExpireToNeighborhoodAsync(package, hop, source, cancellationToken).ConfigureAwait(false);
                    return;
                default:
                    if (_conduct.Report(source))
                    {
                        LogWrongMessage(Describe(source), "an unknown component");
                    }

                    return;
            }
        }
    }

    private async ValueTask RelayAsync(LiveCoresPackage package, HopEntry entry, Route remaining, IPEndPoint? source, CancellationToken cancellationToken)
    {
        if (!TryAcceptPayer(entry, source, out var payer))
        {
            return;
        }

        var nextKey = entry.Hop.PublicKey;
        var sealedNext = EncodePooled(remaining, package.Payload);

        int sent = sealedNext.Length;
        var rates = _settings.EffectiveRatePack;
        try
        {
            await _accountant.ReportAsync(
                new RoutingServiceProvided(payer, rates.RoutingServiceRate, rates.RoutingByteRate, package.Payload.Length),
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            sealedNext.Release();
            throw;
        }

        if (!await _sender.SendAsync(nextKey, sealedNext, cancellationToken).ConfigureAwait(false))
        {
            LogNextHopUnreachable(nextKey.ToString());
            return;
        }

        _traffic.AddRouted(received: package.Payload.Length, sent: sent);
    }

    /// <summary>Encodes the package (<paramref name="route"/>, <paramref name="payload"/>) into a pooled buffer.</summary>
    private static OutboundPackage EncodePooled(Route route, ReadOnlyMemory<byte> payload)
    {
        int headerLength = LiveCoresPackage.HeaderLength(route, payload.Length);
        int length = headerLength + payload.Length;
        byte[] output = ArrayPool<byte>.Shared.Rent(length);
        LiveCoresPackage.WriteHeader(output, route, payload.Length);
        payload.Span.CopyTo(output.AsSpan(headerLength));
        return new OutboundPackage(output, length, Pooled: true);
    }

    /// <summary>A relay needs a payer whose proof was made for this Node and who is not banned; otherwise it drops the package.</summary>
    private bool TryAcceptPayer(HopEntry entry, IPEndPoint? source, out WalletAddress wallet)
    {
        wallet = null!;
        if (entry.Hop.Payer is not { } payer)
        {
            if (_conduct.Report(source))
            {
                LogNoPayer(Describe(source));
            }

            return false;
        }

        if (!entry.PayerProven)
        {
            if (_conduct.Report(source))
            {
                LogForgedProof(Describe(source), payer.Wallet.ToString());
            }

            return false;
        }

        wallet = payer.Wallet;
        if (_banned.IsBanned(wallet))
        {
            if (_conduct.Report(source, strike: false))
            {
                LogBanned(Describe(source), payer.Wallet.ToString());
            }

            return false;
        }

        return true;
    }

    private async ValueTask ExpireToExitAsync(LiveCoresPackage package, HopEntry entry, IPEndPoint? source, CancellationToken cancellationToken)
    {
        if (_settings.NeighborhoodMode == NeighborhoodMode.ConsumeOnly)
        {
            if (_conduct.Report(source, strike: false))
            {
                LogNotAnExit(Describe(source));
            }

            return;
        }

        if (_decentralized && !TryAcceptPayer(entry, source, out _))
        {
            return;
        }

        ExpiredCoresPackage<MessageType> expired;
        try
        {
            expired = package.ToExpired(entry.Hop, source, _main);
        }
        catch (CoresDecodeException e)
        {
            if (_conduct.Report(source))
            {
                LogPayloadUnopenable(Describe(source), e.Error);
            }

            return;
        }

        if (expired.Payload is not ClientRequestMessage request)
        {
            if (_conduct.Report(source))
            {
                LogWrongMessage(Describe(source), $"a {expired.Payload.Variant} for the ProxyClient");
            }

            return;
        }

        await _exit.Handler.HandleRoutedAsync(expired.WithPayload(request.Payload), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask ExpireToOriginAsync(LiveCoresPackage package, Route remaining, IPEndPoint? source, CancellationToken cancellationToken)
    {
        // Opened into a pooled chunk: the browser connection's writer gives it back once the response data is written
        // (PooledChunk), so a busy originator does not churn the large object heap with one new array per chunk.
        MessageType message;
        PooledChunk chunk;
        try
        {
            byte[] opened = SealedCbor.OpenPooled(_alias, package.Payload.Span, CoresLimits.MaxPackageLength, "payload", out int length);
#pragma warning disable CA2000 // a pooled chunk goes back to the pool through PooledChunk.TryRelease, on every path below or by the browser writer
            chunk = new PooledChunk(opened, length);
#pragma warning restore CA2000
        }
        catch (CoresDecodeException e)
        {
            if (_conduct.Report(source))
            {
                LogPayloadUnopenable(Describe(source), e.Error);
            }

            return;
        }

        try
        {
            message = MessageType.Decode(chunk.Memory);
        }
        catch (CoresDecodeException e)
        {
            PooledChunk.TryRelease(chunk.Memory);
            if (_conduct.Report(source))
            {
                LogPayloadUnopenable(Describe(source), e.Error);
            }

            return;
        }

        if (message is not (ClientResponseMessage or DnsResolveFailedMessage or ServerFailedMessage))
        {
            PooledChunk.TryRelease(chunk.Memory);
            if (_conduct.Report(source))
            {
                LogWrongMessage(Describe(source), $"a {message.Variant} for the ProxyServer");
            }

            return;
        }

        uint? returnRouteId;
        try
        {
            returnRouteId = _hops.ReadReturnRouteId(remaining);
        }
        catch (CoresDecodeException)
        {
            returnRouteId = null;
        }

        await _origin.Handler.HandleRoutedAsync(message, returnRouteId, package.Payload.Length, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask ExpireToNeighborhoodAsync(LiveCoresPackage package, LiveHop hop, IPEndPoint? source, CancellationToken cancellationToken)
    {
        ExpiredCoresPackage<MessageType> expired;
        try
        {
            expired = package.ToExpired(hop, source, _main);
        }
        catch (CoresDecodeException e)
        {
            if (_conduct.Report(source))
            {
                LogPayloadUnopenable(Describe(source), e.Error);
            }

            return;
        }

        if (expired.Payload is not (GossipMessage or GossipFailureMessage))
        {
            if (_conduct.Report(source))
            {
                LogWrongMessage(Describe(source), $"a {expired.Payload.Variant} for the Neighborhood");
            }

            return;
        }

        await _gossip.Handler.ReceiveAsync(expired, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(IPEndPoint? source) => source?.ToString() ?? "this Node";

    [LoggerMessage(EventId = DataPathEventIds.PackageUnopenable, Level = LogLevel.Warning, Message = "Dropped a package from {Source} that does not open with this Node's key ({Reason})")]
    private partial void LogPackageUnopenable(IPEndPoint source, CoresDecodeError reason);

    [LoggerMessage(EventId = DataPathEventIds.ReplayedPackage, Level = LogLevel.Warning, Message = "Dropped a replayed package from {Source}")]
    private partial void LogReplayed(IPEndPoint source);

    [LoggerMessage(EventId = DataPathEventIds.HopUnreadable, Level = LogLevel.Warning, Message = "Dropped a package from {Source} whose next hop is not this Node's ({Reason})")]
    private partial void LogHopUnreadable(string source, CoresDecodeError reason);

    [LoggerMessage(EventId = DataPathEventIds.RouteLoops, Level = LogLevel.Warning, Message = "Dropped a package from {Source} whose route keeps coming back to this Node")]
    private partial void LogRouteLoops(string source);

    [LoggerMessage(EventId = DataPathEventIds.RelayWithoutPayer, Level = LogLevel.Warning, Message = "Dropped a package from {Source}: nobody pays for its hop")]
    private partial void LogNoPayer(string source);

    [LoggerMessage(EventId = DataPathEventIds.ForgedPayerProof, Level = LogLevel.Warning, Message = "Dropped a package from {Source}: the proof of payer {Wallet} was not made for this Node")]
    private partial void LogForgedProof(string source, string wallet);

    [LoggerMessage(EventId = DataPathEventIds.BannedPayer, Level = LogLevel.Warning, Message = "Dropped a package from {Source}: payer {Wallet} is banned")]
    private partial void LogBanned(string source, string wallet);

    [LoggerMessage(EventId = DataPathEventIds.NotAnExit, Level = LogLevel.Warning, Message = "Dropped a request from {Source}: a consume-only Node is no exit")]
    private partial void LogNotAnExit(string source);

    [LoggerMessage(EventId = DataPathEventIds.PayloadUnopenable, Level = LogLevel.Warning, Message = "Dropped a package from {Source} whose payload does not open ({Reason})")]
    private partial void LogPayloadUnopenable(string source, CoresDecodeError reason);

    [LoggerMessage(EventId = DataPathEventIds.WrongMessageForComponent, Level = LogLevel.Warning, Message = "Dropped a package from {Source}: {What}")]
    private partial void LogWrongMessage(string source, string what);

    [LoggerMessage(EventId = DataPathEventIds.NextHopUnreachable, Level = LogLevel.Warning, Message = "Dropped a relayed package: the next Node {Key} cannot be reached")]
    private partial void LogNextHopUnreachable(string key);
}
