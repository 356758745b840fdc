using System.Net;

namespace Masq.Node.Networking;

/// <summary>Takes the packages cut out of clandestine connections (the Hopper's RoutingService).</summary>
internal interface IClandestineInbound
{
    /// <summary>
    /// Handles one unmasked package. <paramref name="package"/> is only valid during the call (the connection
    /// reuses its buffer); the handler must not keep it. Runs on the connection's task, so packages of one connection
    /// are handled in order and a slow handler slows the sender (backpressure).
    /// </summary>
    ValueTask HandleAsync(ReadOnlyMemory<byte> package, IPEndPoint source, CancellationToken cancellationToken);
}
