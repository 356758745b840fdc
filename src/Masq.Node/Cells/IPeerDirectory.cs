using Masq.Node.Crypto;

namespace Masq.Node.Cells;

/// <summary>
/// Numbers the Nodes this Node has links with, so the cell layer keys routes by a small number instead of a 64-byte
/// key. Links are authenticated to Node keys, so a number names a peer Node, whichever side opened its link.
/// </summary>
internal interface IPeerDirectory
{
    /// <summary>
    /// The number of <paramref name="node"/> if a setup cell may be forwarded to it (a Node this one knows and would
    /// link to); false for strangers, so setup cells cannot make the Node dial arbitrary keys.
    /// </summary>
    bool TryGetPeer(PublicKey node, out long peer);
}
