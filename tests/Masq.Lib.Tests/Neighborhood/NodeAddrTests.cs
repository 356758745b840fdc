using System.Net;
using Masq.Lib.Neighborhood;

namespace Masq.Lib.Tests.Neighborhood;

public sealed class NodeAddrTests
{
    [Fact]
    public void Ports_are_sorted_and_de_duplicated()
    {
        Assert.True(NodeAddr.TryParse("150.60.42.72:6642/4789/5254/4789", out var addr, out var error));
        Assert.Null(error);
        Assert.Equal(IPAddress.Parse("150.60.42.72"), addr.Ip);
        Assert.Equal([4789, 5254, 6642], addr.Ports.ToArray());
        Assert.Equal("150.60.42.72:4789/5254/6642", addr.ToString());
    }

    [Fact]
    public void An_address_without_ports_round_trips()
    {
        Assert.True(NodeAddr.TryParse("1.2.3.4:", out var addr, out _));
        Assert.Empty(addr.Ports);
        Assert.Equal("1.2.3.4:", addr.ToString());
    }

    [Theory]
    [InlineData("1.2.3.4:1025")]
    [InlineData("1.2.3.4:65535")]
    public void The_port_range_ends_are_accepted(string text) => Assert.True(NodeAddr.TryParse(text, out _, out _));

    [Theory]
    [InlineData("1.2.3.4", "NodeAddr should be expressed as '<IP address>:<port>/<port>/...', not '1.2.3.4'")]
    [InlineData(":1234", "NodeAddr should be expressed as '<IP address>:<port>/<port>/...', not ':1234'")]
    [InlineData("1.2.3.4:1234:5678", "NodeAddr should be expressed as '<IP address>:<port>/<port>/...', not '1.2.3.4:1234:5678'")]
    [InlineData("::1:1234", "NodeAddr should be expressed as '<IP address>:<port>/<port>/...', not '::1:1234'")]
    [InlineData("1.2.3:1234", "NodeAddr must have a valid IPv4 address, not '1.2.3'")]
    [InlineData("1.2.3.256:1234", "NodeAddr must have a valid IPv4 address, not '1.2.3.256'")]
    [InlineData("01.2.3.4:1234", "NodeAddr must have a valid IPv4 address, not '01.2.3.4'")]
    [InlineData("host:1234", "NodeAddr must have a valid IPv4 address, not 'host'")]
    [InlineData("1.2.3.4:1024", "NodeAddr must have port numbers between 1025 and 65535, not '1024'")]
    [InlineData("1.2.3.4:65536", "NodeAddr must have port numbers between 1025 and 65535, not '65536'")]
    [InlineData("1.2.3.4:1234//5678", "NodeAddr must have port numbers between 1025 and 65535, not ''")]
    [InlineData("1.2.3.4:+1234", "NodeAddr must have port numbers between 1025 and 65535, not '+1234'")]
    [InlineData("1.2.3.4:12a4", "NodeAddr must have port numbers between 1025 and 65535, not '12a4'")]
    public void Each_kind_of_error_has_its_own_message(string text, string expected)
    {
        Assert.False(NodeAddr.TryParse(text, out var addr, out var error));
        Assert.Null(addr);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Equality_is_by_ip_and_port_set()
    {
        var a = new NodeAddr(IPAddress.Parse("1.2.3.4"), [2000, 1500]);
        var b = new NodeAddr(IPAddress.Parse("1.2.3.4"), [1500, 2000, 1500]);
        var c = new NodeAddr(IPAddress.Parse("1.2.3.5"), [1500, 2000]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void The_constructor_refuses_ports_outside_the_range() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodeAddr(IPAddress.Loopback, [80]));
}
