using Masq.Node.Protocol;

namespace Masq.Node.Hopper;

/// <summary>Where the Hopper expires ClientRequest packages: the exit's ProxyClient.</summary>
internal interface IExitInbound
{
    /// <summary>
    /// A request that came over a route. Its <see cref="ExpiredCoresPackage{T}.RemainingRoute"/> (top hop still on) is
    /// the way back; responses are sealed for <see cref="ClientRequestPayload.OriginatorPublicKey"/>.
    /// </summary>
    ValueTask HandleRoutedAsync(ExpiredCoresPackage<ClientRequestPayload> package, CancellationToken cancellationToken);

    /// <summary>Zero-hop: a request from this Node's own ProxyServer, answered straight back through the Hopper.</summary>
    ValueTask HandleLocalAsync(ClientRequestPayload payload, CancellationToken cancellationToken);
}
