using System.Net;
using Masq.Node.Crypto;

namespace Masq.Node.Networking;

/// <summary>Sends sealed packages to other Nodes (the StreamHandlerPool's TransmitDataMsg).</summary>
internal interface IClandestineSender
{
    /// <summary>
    /// Queues <paramref name="package"/> for the Node with <paramref name="nextKey"/>, connecting first if needed.
    /// Waits while that link's queue is full. False when the Node's address is unknown or its link has failed.
    /// </summary>
    ValueTask<bool> SendAsync(PublicKey nextKey, byte[] package, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync"/>, to an address given directly (no key lookup; gossip Debuts and replies). The link
    /// there must prove to be the Node <paramref name="expected"/> (a first-contact key for a Debut to a descriptor).
    /// </summary>
    ValueTask<bool> SendToAsync(IPEndPoint address, PublicKey expected, byte[] package, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SendAsync(PublicKey, byte[], CancellationToken)"/> for a package that may sit in a pooled buffer:
    /// the sender takes it over in every case (queued, or released when it cannot be sent).
    /// </summary>
    ValueTask<bool> SendAsync(PublicKey nextKey, OutboundPackage package, CancellationToken cancellationToken);
}
