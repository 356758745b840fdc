using Masq.Daemon;
using Masq.Tests.Shared;

namespace Masq.Daemon.Tests.Logging;

public sealed class EventIdTableTests
{
    [Fact]
    public void The_Daemon_logs_with_ids_from_its_table_each_used_once()
    {
        EventIdTables.AssertConsistent(typeof(DaemonEventIds).Assembly);
    }
}
