using Masq.Dashboard.State;

namespace Masq.Dashboard.Tests.State;

public sealed class RingBufferTests
{
    [Fact]
    public void Keeps_items_in_order_until_full()
    {
        var buffer = new RingBuffer<int>(3);
        buffer.Add(1);
        buffer.Add(2);

        Assert.Equal([1, 2], buffer.ToArray());
        Assert.Equal(2, buffer.Count);
        Assert.Equal(2, buffer.Last);
    }

    [Fact]
    public void Drops_the_oldest_when_full_and_counts_every_add()
    {
        var buffer = new RingBuffer<int>(3);
        for (var i = 1; i <= 10; i++)
        {
            buffer.Add(i);
        }

        Assert.Equal([8, 9, 10], buffer.ToArray());
        Assert.Equal(3, buffer.Count);
        Assert.Equal(10, buffer.TotalAdded);
        Assert.Equal(10, buffer.Last);
    }

    [Fact]
    public void Clear_empties_and_keeps_capacity()
    {
        var buffer = new RingBuffer<string>(2);
        buffer.Add("a");
        buffer.Add("b");
        buffer.Add("c");
        buffer.Clear();
        buffer.Add("d");

        Assert.Equal(["d"], buffer.ToArray());
        Assert.Equal(2, buffer.Capacity);
    }

    [Fact]
    public void Empty_buffer_has_no_last_item()
    {
        Assert.Null(new RingBuffer<string>(1).Last);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<int>(0));
    }
}
