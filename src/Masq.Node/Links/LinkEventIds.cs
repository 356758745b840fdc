using Masq.Lib.Logging;

namespace Masq.Node.Links;

/// <summary>Log event ids of the version-2 links and cells (6500–6599), beside the data path's 6000–6499.</summary>
[EventIdRange(6500, 6599)]
internal static class LinkEventIds
{
    public const int LinkRefused = 6500;
    public const int LinkEstablished = 6501;
    public const int LinkServesOtherNode = 6502;
}
