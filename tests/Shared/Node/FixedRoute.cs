using Masq.Node.Crypto;
using Masq.Node.Routing;

namespace Masq.Tests.Shared;

/// <summary>One round trip a <see cref="FixedRouteSource"/> may hand out: over keys originator → exit, back keys exit → originator.</summary>
internal sealed record FixedRoute(IReadOnlyList<PublicKey> Over, IReadOnlyList<PublicKey> Back)
{
    public PublicKey Exit => Over[^1];
}
