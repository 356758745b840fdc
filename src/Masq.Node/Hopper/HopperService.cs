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

        return await _sender.SendAsync(route.NextKey, SealPooled(route.Remaining, sealedPayload, route.NextKey, owned: null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// ConsumingService for a message this Node seals end to end itself (the exit's responses): the message is sealed
    /// for <paramref name="payloadRecipient"/> straight into the package's buffer, which is then sealed for the next
    /// Node, without intermediate copies. As <see cref="SendAsync(PreparedRoute, ReadOnlyMemory{byte}, CancellationToken)"/> otherwise.
    /// </summary>
    /// <exception cref="CryptDeException"><paramref name="payloadRecipient"/> or the next key is not one this Node can seal for.</exception>
    public ValueTask<bool> SendSealingAsync(PreparedRoute route, ReadOnlyMemory<byte> message, ICryptDE sealer, PublicKey payloadRecipient, CancellationToken cancellationToken)
    {
        if (route.NextKey == _main.PublicKey)
        {
            return SendAsync(route, sealer.Seal(payloadRecipient, message.Span), cancellationToken);
        }

        return _sender.SendAsync(route.NextKey, SealTwice(route, message.Span, sealer, payloadRecipient), cancellationToken);
    }

    private OutboundPackage SealTwice(PreparedRoute route, ReadOnlySpan<byte> message, ICryptDE sealer, PublicKey payloadRecipient)
    {
        int payloadLength = sealer.GetSealedLength(payloadRecipient, message.Length);
        int headerLength = LiveCoresPackage.HeaderLength(route.Remaining, payloadLength);
        int plainLength = headerLength + payloadLength;
        int sealedLength = _main.GetSealedLength(route.NextKey, plainLength);
        byte[] plain = ArrayPool<byte>.Shared.Rent(plainLength);
        byte[]? output = ArrayPool<byte>.Shared.Rent(sealedLength);
        try
        {
            LiveCoresPackage.WriteHeader(plain, route.Remaining, payloadLength);
            sealer.Seal(payloadRecipient, message, plain.AsSpan(headerLength, payloadLength));
            _main.Seal(route.NextKey, plain.AsSpan(0, plainLength), output.AsSpan(0, sealedLength));
            var result = new OutboundPackage(output, sealedLength, Pooled: true);
            output = null;
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
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
    /// A "no-lookup" package (Debuts and gossip replies, neighborhood.md §3.1): sealed for <paramref name="target"/> and
    /// sent straight to <paramref name="address"/>, to be expired at the target's Neighborhood.
    /// </summary>
    public async ValueTask<bool> SendNoLookupAsync(PublicKey target, IPEndPoint address, MessageType message, CancellationToken cancellationToken)
    {
        var route = Route.OneWay(new RouteSegment([_main.PublicKey, target], Component.Neighborhood), _main, payer: null);
        var prepared = Prepare(route);
        var package = new LiveCoresPackage(prepared.Remaining, _main.Seal(target, message.Encode()));
        return await _sender.SendToAsync(address, target, package.Seal(_main, target), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Zero-hop: a request goes straight to this Node's ProxyClient, unsealed.</summary>
    public ValueTask SendToLocalExitAsync(ClientRequestPayload payload, CancellationToken cancellationToken) =>
        _exit.Handler.HandleLocalAsync(payload, cancellationToken);

    /// <summary>Zero-hop: a response goes straight back to this Node's ProxyServer, unsealed.</summary>
    public ValueTask SendToLocalOriginAsync(MessageType message, CancellationToken cancellationToken) =>
        _origin.Handler.HandleLocalAsync(message, cancellationToken);

    /// <summary>RoutingService: one package from a clandestine link.</summary>
    public async ValueTask HandleAsync(ReadOnlyMemory<byte> sealedPackage, IPEndPoint source, CancellationToken cancellationToken)
    {
        // A peer cut off for bad packages: its link is closing; what it still sent is not looked at.
        if (_conduct.IsMalefactor(source))
        {
            return;
        }

        // Opened into a pooled buffer: a relayed package is re-sealed from it (in place when it can be), and a package
        // for this Node's ProxyServer keeps nothing of it. Anything else keeps parts of the package, so it gets a copy.
        byte[] opened;
        int length;
        try
        {
            opened = LiveCoresPackage.OpenPooled(_main, sealedPackage.Span, out length);
        }
        catch (CoresDecodeException e)
        {
            if (_conduct.Report(source))
            {
                LogPackageUnopenable(source, e.Error);
            }

            return;
        }

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

            // Checked after opening, so forged bytes cannot poison the memory of honest packages.
            if (_replays.IsReplay(sealedPackage.Span))
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

            await RouteAsync(package, source, 0, cancellationToken, owned).ConfigureAwait(false);
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

    /// <param name="owned">A buffer the package was decoded from that this call may overwrite (relays re-seal in place).</param>
    private async ValueTask RouteAsync(LiveCoresPackage package, IPEndPoint? source, int localHops, CancellationToken cancellationToken, byte[]? owned = null)
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
                    await RelayAsync(package, entry, remaining, source, owned, cancellationToken).ConfigureAwait(false);
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

    private async ValueTask RelayAsync(LiveCoresPackage package, HopEntry entry, Route remaining, IPEndPoint? source, byte[]? owned, CancellationToken cancellationToken)
    {
        if (!TryAcceptPayer(entry, source, out var payer))
        {
            return;
        }

        var nextKey = entry.Hop.PublicKey;
        OutboundPackage sealedNext;
        try
        {
            sealedNext = SealPooled(remaining, package.Payload, nextKey, owned);
        }
        catch (CryptDeException)
        {
            if (_conduct.Report(source))
            {
                LogWrongMessage(Describe(source), "a next key nobody can seal for");
            }

            return;
        }

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

    /// <summary>
    /// Encodes the package (<paramref name="route"/>, <paramref name="payload"/>) and seals it for
    /// <paramref name="recipient"/> into a pooled buffer. When the payload sits at the end of a pooled buffer at
    /// exactly the place the new encoding puts it (a relayed package: the route keeps its length through a shift),
    /// and that buffer is <paramref name="owned"/>, only the header is rewritten in front of it and the payload is not copied.
    /// </summary>
    /// <exception cref="CryptDeException"><paramref name="recipient"/> is not a key this Node can seal for.</exception>
    private OutboundPackage SealPooled(Route route, ReadOnlyMemory<byte> payload, PublicKey recipient, byte[]? owned)
    {
        int headerLength = LiveCoresPackage.HeaderLength(route, payload.Length);
        int plainLength = headerLength + payload.Length;
        int sealedLength = _main.GetSealedLength(recipient, plainLength);
        byte[] header = ArrayPool<byte>.Shared.Rent(headerLength);
        byte[]? plain = null;
        byte[] output = ArrayPool<byte>.Shared.Rent(sealedLength);
        try
        {
            LiveCoresPackage.WriteHeader(header, route, payload.Length);
            Span<byte> plaintext;
            if (owned is not null && MemoryMarshal.TryGetArray(payload, out var segment) && ReferenceEquals(segment.Array, owned)
                && segment.Offset == headerLength && owned.Length >= plainLength)
            {
                // The header's hops may be slices of this very buffer: they were copied into the header first.
                header.AsSpan(0, headerLength).CopyTo(owned);
                plaintext = owned.AsSpan(0, plainLength);
            }
            else
            {
                plain = ArrayPool<byte>.Shared.Rent(plainLength);
                header.AsSpan(0, headerLength).CopyTo(plain);
                payload.Span.CopyTo(plain.AsSpan(headerLength));
                plaintext = plain.AsSpan(0, plainLength);
            }

            _main.Seal(recipient, plaintext, output.AsSpan(0, sealedLength));
            var result = new OutboundPackage(output, sealedLength, Pooled: true);
            output = null!;
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(header);
            if (plain is not null)
            {
                ArrayPool<byte>.Shared.Return(plain);
            }

            if (output is not null)
            {
                ArrayPool<byte>.Shared.Return(output);
            }
        }
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
