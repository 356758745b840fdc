using System.Net;
using Masq.Node.Networking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Masq.Node.DataPath;

namespace Masq.Node.Tests.Networking;

/// <summary>The buffer budget closes the hungriest first; peer conduct logs once per interval and cuts off by socket address.</summary>
public sealed class HardeningUnitTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Going_over_an_address_share_closes_that_address_hungriest_connection_only()
    {
        var options = new DataPathOptions { MaxBufferedBytes = 1000, MaxBufferedBytesPerAddress = 300 };
        using var budget = new BufferBudget(options, _time, NullLogger<BufferBudget>.Instance);
        var closed = new List<string>();
        var a = IPAddress.Parse("10.0.0.1");
        var small = budget.Open(a, () => closed.Add("small"));
        var big = budget.Open(a, () => closed.Add("big"));
        var other = budget.Open(IPAddress.Parse("10.0.0.2"), () => closed.Add("other"));
        other.Add(250);
        small.Add(100);
        big.Add(150);

        big.Add(100);

        Assert.Equal(["big"], closed);
        Assert.Equal(350, budget.Total);
    }

    [Fact]
    public void Streams_count_in_the_node_budget_but_not_in_their_address_share()
    {
        var options = new DataPathOptions { MaxBufferedBytes = 1000, MaxBufferedBytesPerAddress = 300 };
        using var budget = new BufferBudget(options, _time, NullLogger<BufferBudget>.Instance);
        var closed = new List<string>();
        var loopback = IPAddress.Loopback;
        var link = budget.Open(loopback, () => closed.Add("link"));
        var slowStream = budget.OpenStream(loopback, () => closed.Add("slow stream"));
        var otherStream = budget.OpenStream(loopback, () => closed.Add("other stream"));
        link.Add(250);

        // Two streams of one browser address hold far more than the address's share: nothing is closed, the Node counts it.
        slowStream.Add(500);
        otherStream.Add(200);
        Assert.Empty(closed);
        Assert.Equal(950, budget.Total);

        // Over the Node's budget: the hungriest ends, a stream as readily as a link.
        otherStream.Add(100);
        Assert.Equal(["slow stream"], closed);
        Assert.Equal(550, budget.Total);

        // A stream's share goes when it ends.
        otherStream.Dispose();
        link.Dispose();
        slowStream.Dispose();
        Assert.Equal(0, budget.Total);
    }

    [Fact]
    public void Going_over_the_node_budget_closes_the_hungriest_anywhere()
    {
        var options = new DataPathOptions { MaxBufferedBytes = 500, MaxBufferedBytesPerAddress = 500 };
        using var budget = new BufferBudget(options, _time, NullLogger<BufferBudget>.Instance);
        var closed = new List<string>();
        var hungry = budget.Open(IPAddress.Parse("10.0.0.1"), () => closed.Add("hungry"));
        var modest = budget.Open(IPAddress.Parse("10.0.0.2"), () => closed.Add("modest"));
        hungry.Add(400);
        modest.Add(50);

        modest.Add(100);

        Assert.Equal(["hungry"], closed);
        Assert.Equal(150, budget.Total);
        hungry.Dispose();
        modest.Dispose();
        Assert.Equal(0, budget.Total);
    }

    [Fact]
    public void Link_buffers_handed_out_count_against_the_node_budget_before_their_bytes_are_charged()
    {
        // A package buffer grows by doubling: 600 KiB of a package sit in a 1 MiB array.
        var options = new DataPathOptions { MaxBufferedBytes = 1024 * 1024, MaxBufferedBytesPerAddress = 1024 * 1024 };
        using var budget = new BufferBudget(options, _time, NullLogger<BufferBudget>.Instance);
        var closed = new List<string>();
        var hungry = budget.Open(IPAddress.Parse("10.0.0.1"), () => closed.Add("hungry"));
        var modest = budget.Open(IPAddress.Parse("10.0.0.2"), () => closed.Add("modest"));
        using var big = budget.Pool.Rent(600 * 1024);
        hungry.Add(600 * 1024);
        Assert.Equal(1024 * 1024, big.Memory.Length);
        Assert.Empty(closed);

        using var small = budget.Pool.Rent(10 * 1024);
        modest.Add(10 * 1024);

        Assert.Equal(["hungry"], closed);
        Assert.Equal(10 * 1024, budget.Total);
    }

    [Fact]
    public void The_link_buffer_pool_reuses_arrays_by_size_class_and_keeps_no_more_than_the_limit_and_a_quarter()
    {
        using var pool = new LinkBufferPool(4 * LinkBufferPool.SegmentLength);
        var first = pool.Rent(LinkBufferPool.SegmentLength + 1);
        var array = first.Memory;
        first.Dispose();
        Assert.Equal(0, pool.Outstanding);
        Assert.Equal(2 * LinkBufferPool.SegmentLength, pool.RetainedBytes);

        using (var again = pool.Rent(2 * LinkBufferPool.SegmentLength))
        {
            Assert.True(again.Memory.Span == array.Span, "the kept array of the same class is handed out again");
            Assert.Equal(2 * LinkBufferPool.SegmentLength, pool.Outstanding);
        }

        var many = Enumerable.Range(0, 8).Select(_ => pool.Rent()).ToList();
        Assert.Equal(8 * LinkBufferPool.SegmentLength, pool.Outstanding);
        foreach (var owner in many)
        {
            owner.Dispose();
        }

        Assert.Equal(0, pool.Outstanding);
        Assert.True(pool.RetainedBytes <= 5 * LinkBufferPool.SegmentLength, $"kept {pool.RetainedBytes} bytes");
        Assert.True(pool.TakeIdle() is false && pool.TakeIdle(), "rents since the last look, then none");
        long kept = pool.RetainedBytes;
        Assert.Equal(kept, pool.Trim());
        Assert.Equal(0, pool.Retained);
    }

    [Fact]
    public void Misbehaviour_is_logged_once_per_interval_and_cuts_off_the_socket_address_not_the_IP()
    {
        var options = new DataPathOptions { MaxBadPackages = 5, MisbehaviourLogInterval = TimeSpan.FromSeconds(60) };
        var conduct = new PeerConduct(options, _time, NullLogger<PeerConduct>.Instance);
        var cut = new List<IPEndPoint>();
        conduct.CutOff += cut.Add;
        var bad = new IPEndPoint(IPAddress.Loopback, 4321);
        var neighbor = new IPEndPoint(IPAddress.Loopback, 4322);

        var logged = Enumerable.Range(0, 4).Select(_ => conduct.Report(bad)).ToList();
        Assert.Equal([true, false, false, false], logged);
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(conduct.Report(bad));

        Assert.Equal([bad], cut);
        Assert.True(conduct.IsMalefactor(bad));
        Assert.False(conduct.IsMalefactor(neighbor));
        Assert.True(conduct.Report(neighbor, strike: false));
        _time.Advance(options.MalefactorBanTime);
        Assert.False(conduct.IsMalefactor(bad));
    }
}
