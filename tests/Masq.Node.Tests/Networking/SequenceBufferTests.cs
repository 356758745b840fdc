using Masq.Node.Networking;
using Masq.Node.DataPath;

namespace Masq.Node.Tests.Networking;

public sealed class SequenceBufferTests
{
    [Fact]
    public void Packets_come_out_in_order_whatever_order_they_arrive_in()
    {
        var buffer = new SequenceBuffer<string>(8);
        var delivered = new List<string>();
        foreach (ulong n in new ulong[] { 2, 0, 3, 1, 5, 4 })
        {
            Assert.Equal(SequenceAddResult.Accepted, buffer.Add(n, $"p{n}"));
            while (buffer.TryTakeNext(out var item))
            {
                delivered.Add(item);
            }
        }

        Assert.Equal(["p0", "p1", "p2", "p3", "p4", "p5"], delivered);
    }

    [Fact]
    public void Duplicates_and_passed_numbers_are_dropped_and_a_gap_too_wide_is_refused()
    {
        var buffer = new SequenceBuffer<int>(4);
        Assert.Equal(SequenceAddResult.Accepted, buffer.Add(0, 0));
        Assert.True(buffer.TryTakeNext(out _));
        Assert.Equal(SequenceAddResult.Duplicate, buffer.Add(0, 0));
        Assert.Equal(SequenceAddResult.Accepted, buffer.Add(3, 3));
        Assert.Equal(SequenceAddResult.Duplicate, buffer.Add(3, 3));
        Assert.Equal(SequenceAddResult.TooFarAhead, buffer.Add(6, 6));
        Assert.False(buffer.TryTakeNext(out _));
    }
}
