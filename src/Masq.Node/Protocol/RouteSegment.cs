using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>
/// One direction of a route as the Neighborhood picks it: the Nodes' keys in travel order, starting with the Node
/// that sends, and the component that receives at the last Node.
/// </summary>
internal sealed record RouteSegment(IReadOnlyList<PublicKey> Keys, Component Recipient);
