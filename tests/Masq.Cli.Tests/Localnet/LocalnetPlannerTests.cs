using System.Net;
using Masq.Cli.Localnet;

namespace Masq.Cli.Tests.Localnet;

public sealed class LocalnetPlannerTests
{
    [Fact]
    public void Each_Node_gets_the_next_address_its_own_ports_and_directory()
    {
        var plan = LocalnetPlanner.Plan(Options(4), (_, _) => true);

        Assert.Equal(["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"], plan.Select(n => n.Ip.ToString()));
        Assert.Equal([1, 2, 3, 4], plan.Select(n => n.Index));
        Assert.Equal([20000, 20003, 20006, 20009], plan.Select(n => n.ClandestinePort));
        Assert.Equal([20001, 20004, 20007, 20010], plan.Select(n => n.UiPort));
        Assert.Equal([20002, 20005, 20008, 20011], plan.Select(n => n.ProxyPort));
        Assert.Equal(["/tmp/ln/node-1", "/tmp/ln/node-2", "/tmp/ln/node-3", "/tmp/ln/node-4"], plan.Select(n => n.DataDirectory));
        Assert.Equal("/tmp/ln/node-2/node.log", plan[1].LogFile);
        Assert.Equal("http://127.0.0.1:20005", plan[1].ProxyAddress);
    }

    [Fact]
    public void The_first_Node_has_no_neighbors_and_later_ones_debut_to_the_first_and_the_previous()
    {
        var plan = LocalnetPlanner.Plan(Options(5), (_, _) => true);

        Assert.Empty(plan[0].Neighbors);
        Assert.Equal([1], plan[1].Neighbors);
        Assert.Equal([1, 2], plan[2].Neighbors);
        Assert.Equal([1, 3], plan[3].Neighbors);
        Assert.Equal([1, 4], plan[4].Neighbors);
    }

    [Fact]
    public void Addresses_carry_over_octets()
    {
        var plan = LocalnetPlanner.Plan(Options(3) with { BaseIp = IPAddress.Parse("127.0.0.254") }, (_, _) => true);

        Assert.Equal(["127.0.0.254", "127.0.0.255", "127.0.1.0"], plan.Select(n => n.Ip.ToString()));
    }

    [Fact]
    public void Taken_ports_are_skipped_and_clandestine_ports_are_checked_at_the_Node_address()
    {
        var asked = new List<(IPAddress Address, int Port)>();
        bool IsFree(IPAddress address, int port)
        {
            asked.Add((address, port));
            return port is not (30000 or 30002);
        }

        var plan = LocalnetPlanner.Plan(Options(2) with { FirstPort = 30000 }, IsFree);

        Assert.Equal((30001, 30003, 30004), (plan[0].ClandestinePort, plan[0].UiPort, plan[0].ProxyPort));
        Assert.Equal((30005, 30006, 30007), (plan[1].ClandestinePort, plan[1].UiPort, plan[1].ProxyPort));
        Assert.Contains((IPAddress.Parse("127.0.0.2"), 30001), asked);
        Assert.Contains((IPAddress.Parse("127.0.0.3"), 30005), asked);
        Assert.Contains((IPAddress.Loopback, 30006), asked);
    }

    [Fact]
    public void Running_out_of_free_ports_is_an_error_that_suggests_first_port()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LocalnetPlanner.Plan(Options(2), (_, _) => false));

        Assert.Contains("--first-port", e.Message, StringComparison.Ordinal);
    }

    internal static LocalnetUpOptions Options(int count) =>
        new(count, IPAddress.Parse("127.0.0.2"), 3, "/tmp/ln", "dev", null, "standard", false, 20000, "info", null);
}
