using System.Diagnostics.CodeAnalysis;
using System.Net;
using Masq.Node.Crypto;

namespace Masq.Node.Routing;

/// <summary>
/// Where another Node listens for clandestine connections (the reference asks the Neighborhood for the key's
/// NodeAddr and uses its first port). The StreamHandlerPool asks this before it connects to a next hop.
/// </summary>
internal interface INodeLocator
{
    bool TryLocate(PublicKey key, [NotNullWhen(true)] out IPEndPoint? endpoint);
}
