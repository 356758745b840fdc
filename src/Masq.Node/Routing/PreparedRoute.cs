using Masq.Node.Crypto;
using Masq.Node.Protocol;

namespace Masq.Node.Routing;

/// <summary>
/// A route with this Node's own top hop already shifted off: what every package of one stream is sent by. Opening that
/// hop once per stream instead of once per package saves an X25519 operation per package.
/// </summary>
/// <param name="Remaining">The route to put in the package.</param>
/// <param name="NextKey">Who the package is sealed for and sent to (this Node's own key for a local hop).</param>
internal sealed record PreparedRoute(Route Remaining, PublicKey NextKey);
