using System.Reflection;
using Masq.Tests.Shared;

namespace Masq.Node.Tests.Logging;

public sealed class EventIdTableTests
{
    [Fact]
    public void The_Node_and_the_Daemon_it_hosts_log_with_ids_from_their_tables_each_used_once()
    {
        // The Node process hosts the Daemon, so their ids share one space.
        EventIdTables.AssertConsistent(Assembly.Load("MASQNode"), Assembly.Load("Masq.Daemon"));
    }
}
