using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>
/// A package as a local component (ProxyServer, ProxyClient) hands it to its own Hopper: the whole route, top hop
/// still on, and the payload already sealed for its final destination. In-process only (data-path.md §3).
/// </summary>
internal sealed record IncipientCoresPackage(Route Route, ReadOnlyMemory<byte> Payload)
{
    /// <summary>
    /// Seals <paramref name="message"/> end to end for <paramref name="payloadDestination"/>: the exit's main key
    /// for requests, the originator's alias key for responses, the Node's own main key in zero-hop mode.
    /// </summary>
    /// <exception cref="CryptDeException"><paramref name="payloadDestination"/> is not a key this CryptDE can seal for.</exception>
    public static IncipientCoresPackage Create(ICryptDE cryptDe, Route route, MessageType message, PublicKey payloadDestination) =>
        new(route, cryptDe.Seal(payloadDestination, message.Encode()));

    public bool Equals(IncipientCoresPackage? other) =>
        other is not null && Route.Equals(other.Route) && Payload.Span.SequenceEqual(other.Payload.Span);

    public override int GetHashCode() => HashCode.Combine(Route, Payload.Length);
}
