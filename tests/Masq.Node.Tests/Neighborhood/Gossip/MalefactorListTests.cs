using System.Net;
using Masq.Node.Neighborhood.Gossip;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Neighborhood.Gossip;

public sealed class MalefactorListTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Ban_lasts_ten_minutes_by_default()
    {
        var list = new MalefactorList(_time);
        var ip = new IPEndPoint(IPAddress.Parse("10.1.2.3"), 4321);
        var key = GossipTestNode.Create(1).Key;

        list.Ban(ip, "forged record", key);

        Assert.True(list.IsBanned(ip));
        Assert.True(list.IsBanned(key));
        Assert.True(list.IsBanned(new IPEndPoint(ip.Address.MapToIPv6(), 4321)));
        Assert.False(list.IsBanned(new IPEndPoint(IPAddress.Parse("10.1.2.4"), 4321)));
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.True(list.IsBanned(ip));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(list.IsBanned(ip));
        Assert.False(list.IsBanned(key));
    }

    [Fact]
    public void Ban_time_is_configurable_and_a_new_ban_extends_it()
    {
        var list = new MalefactorList(_time, TimeSpan.FromSeconds(30));
        var ip = new IPEndPoint(IPAddress.Parse("10.1.2.3"), 4321);
        list.Ban(ip, "first");
        _time.Advance(TimeSpan.FromSeconds(20));
        list.Ban(ip, "again");
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(list.IsBanned(ip));
    }

    [Fact]
    public void Capacity_bounds_memory_by_dropping_the_ban_closest_to_expiry()
    {
        var list = new MalefactorList(_time, capacity: 3);
        for (int i = 1; i <= 4; i++)
        {
            list.Ban(new IPEndPoint(IPAddress.Parse($"10.0.0.{i}"), 4321), "test");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, list.Count);
        Assert.False(list.IsBanned(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 4321)));
        Assert.True(list.IsBanned(new IPEndPoint(IPAddress.Parse("10.0.0.4"), 4321)));
    }

    [Fact]
    public void A_ban_covers_the_sender_not_everyone_behind_its_IP()
    {
        var list = new MalefactorList(_time);
        var ip = IPAddress.Parse("127.0.0.1");
        list.Ban(new IPEndPoint(ip, 40001), "forged record");

        Assert.True(list.IsBanned(new IPEndPoint(ip, 40001)));
        Assert.False(list.IsBanned(new IPEndPoint(ip, 40002)));
    }
}
