using Masq.Node.Crypto;

namespace Masq.Node.Cells;

/// <summary>One Node of a route being built, and the opaque ticket (payer and proof) its entry carries.</summary>
internal sealed record RouteHop(PublicKey Node, ReadOnlyMemory<byte> Ticket);
