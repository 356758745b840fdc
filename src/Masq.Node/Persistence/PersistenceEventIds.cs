using Masq.Lib.Logging;

namespace Masq.Node.Persistence;

/// <summary>The Node database's log event ids in one table (4000–4099).</summary>
[EventIdRange(4000, 4099)]
internal static class PersistenceEventIds
{
    public const int DatabaseCreated = 4001;
    public const int DatabaseUnreadable = 4002;
}
