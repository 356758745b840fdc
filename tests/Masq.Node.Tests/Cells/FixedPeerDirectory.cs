using Masq.Node.Cells;
using Masq.Node.Crypto;

namespace Masq.Node.Tests.Cells;

/// <summary>A fixed set of Nodes, numbered by their place in the list.</summary>
internal sealed class FixedPeerDirectory(ICryptDE[] identities) : IPeerDirectory
{
    public bool TryGetPeer(PublicKey node, out long peer)
    {
        peer = Array.FindIndex(identities, i => i.PublicKey == node);
        return peer >= 0;
    }
}
