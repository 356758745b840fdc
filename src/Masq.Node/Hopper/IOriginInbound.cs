using Masq.Node.Protocol;

namespace Masq.Node.Hopper;

/// <summary>Where the Hopper expires ClientResponse and DnsResolveFailed packages: the originating ProxyServer.</summary>
internal interface IOriginInbound
{
    /// <param name="returnRouteId">The ID at the end of the route (opened with the main key), or null when unreadable.</param>
    /// <param name="payloadLength">The sealed payload's length, which the back route's relays charge for.</param>
    ValueTask HandleRoutedAsync(MessageType message, uint? returnRouteId, int payloadLength, CancellationToken cancellationToken);

    /// <summary>Zero-hop: a response from this Node's own ProxyClient.</summary>
    ValueTask HandleLocalAsync(MessageType message, CancellationToken cancellationToken);
}
