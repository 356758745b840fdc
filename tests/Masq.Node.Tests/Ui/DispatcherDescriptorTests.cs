using System.Net;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Neighborhood;
using Masq.Lib.PortMapping;
using Masq.Node.Ui;

namespace Masq.Node.Tests.Ui;

/// <summary>The descriptor the Node tells its UI clients follows its router's public IP when that changes.</summary>
public sealed class DispatcherDescriptorTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly NodeDescriptor AtStart = new(Chain.Dev, Key, new NodeAddr(IPAddress.Parse("203.0.113.2"), [18602, 18603]));

    [Fact]
    public void A_router_that_got_a_new_public_ip_moves_the_descriptor_there_with_the_same_ports()
    {
        var mapping = new MappedPort(MappingProtocol.Pcp, IPAddress.Parse("203.0.113.30"), 18602, 18602, TimeSpan.FromMinutes(10));

        var current = DispatcherActor.Current(AtStart, mapping);

        Assert.Equal(new NodeAddr(IPAddress.Parse("203.0.113.30"), [18602, 18603]), current!.NodeAddr);
        Assert.True(current.PublicKey.SequenceEqual(AtStart.PublicKey));
        Assert.Equal(AtStart.Chain, current.Chain);
        Assert.EndsWith("@203.0.113.30:18602/18603", current.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_descriptor_stays_as_it_was_without_a_mapping_or_when_the_public_ip_is_the_same()
    {
        var same = new MappedPort(MappingProtocol.Igdp, IPAddress.Parse("203.0.113.2"), 18602, 18602, TimeSpan.FromMinutes(10));

        Assert.Same(AtStart, DispatcherActor.Current(AtStart, null));
        Assert.Same(AtStart, DispatcherActor.Current(AtStart, same));
        Assert.Null(DispatcherActor.Current(null, same));
    }
}
