using System.Threading.Channels;
using Masq.Node.Cells;

namespace Masq.Node.Tests.Cells;

/// <summary>Per-stream credit windows: a stalled stream stops at its window, the others keep going.</summary>
public sealed class CreditTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_receiver_grants_more_once_half_its_window_is_taken_and_refuses_bytes_past_its_credit()
    {
        var receive = new ReceiveCredit(window: 1000);

        Assert.True(receive.TryReceive(1000));
        Assert.False(receive.TryReceive(1));
        Assert.Null(receive.Consume(400));
        Assert.Equal(1500, receive.Consume(100));
        Assert.Equal(500, receive.Buffered);
        Assert.True(receive.TryReceive(500));
        Assert.False(receive.TryReceive(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => receive.Consume(2000));
    }

    [Fact]
    public async Task The_sender_waits_at_its_limit_until_a_grant_and_ignores_stale_grants()
    {
        var send = new SendCredit(initialWindow: 100);

        Assert.Equal(60, send.TryTake(60));
        Assert.Equal(40, send.TryTake(60));
        Assert.Equal(0, send.TryTake(1));
        var waiting = send.TakeAsync(50, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        send.Grant(90);
        Assert.False(waiting.IsCompleted);
        send.Grant(130);
        Assert.Equal(30, await waiting.WaitAsync(Deadline));
        Assert.Equal(130, send.Sent);

        var closing = send.TakeAsync(1, CancellationToken.None).AsTask();
        send.Close();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => closing.WaitAsync(Deadline));
    }

    [Fact]
    public async Task A_stream_whose_reader_never_reads_does_not_hold_up_another_stream_on_the_same_link()
    {
        const int window = 64 * 1024;
        const long wanted = 40L * window;
        // One shared link with a small queue, like a TCP connection between two Nodes; its reader never waits on a stream.
        var link = Channel.CreateBounded<(int Stream, int Length)>(4);
        var senders = new[] { new SendCredit(window), new SendCredit(window) };
        var receivers = new[] { new ReceiveCredit(window), new ReceiveCredit(window) };
        var inboxes = new[] { Channel.CreateUnbounded<int>(), Channel.CreateUnbounded<int>() };
        using var stop = new CancellationTokenSource();

        async Task SendAsync(int stream)
        {
            long sent = 0;
            while (sent < wanted)
            {
                int granted = await senders[stream].TakeAsync((int)Math.Min(CellFormat.BodyLength(CellFormat.LargeLength), wanted - sent), stop.Token);
                await link.Writer.WriteAsync((stream, granted), stop.Token);
                sent += granted;
            }
        }

        async Task DemultiplexAsync()
        {
            await foreach (var (stream, length) in link.Reader.ReadAllAsync(stop.Token))
            {
                Assert.True(receivers[stream].TryReceive(length), "a sender went past its credit");
                inboxes[stream].Writer.TryWrite(length);
            }
        }

        async Task<long> ReadAsync(int stream)
        {
            long read = 0;
            while (read < wanted)
            {
                int length = await inboxes[stream].Reader.ReadAsync(stop.Token);
                read += length;
                // The credit update travels back to the sender (on the route, in a small cell).
                if (receivers[stream].Consume(length) is { } limit)
                {
                    senders[stream].Grant(limit);
                }
            }

            return read;
        }

        var stalled = SendAsync(0);
        var moving = SendAsync(1);
        var demultiplexer = DemultiplexAsync();
        long movingRead = await ReadAsync(1).WaitAsync(Deadline);
        await moving.WaitAsync(Deadline);

        Assert.Equal(wanted, movingRead);
        // The stalled stream sent its window and waits; all it parks at the receiver is that window.
        Assert.False(stalled.IsCompleted);
        Assert.Equal(window, senders[0].Sent);
        Assert.Equal(0, senders[0].Available);
        Assert.Equal(window, receivers[0].Buffered);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stalled.WaitAsync(Deadline));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => demultiplexer.WaitAsync(Deadline));
    }

    [Fact]
    public void Cell_sizes_are_chosen_by_how_many_bytes_are_waiting()
    {
        Assert.Equal(CellFormat.SmallLength, CellFormat.ChooseLength(1));
        Assert.Equal(CellFormat.SmallLength, CellFormat.ChooseLength(CellFormat.BodyLength(CellFormat.LargeLength) / 2));
        Assert.Equal(CellFormat.LargeLength, CellFormat.ChooseLength((CellFormat.BodyLength(CellFormat.LargeLength) / 2) + 1));
        Assert.Equal(CellFormat.LargeLength, CellFormat.ChooseLength(1 << 20));
    }
}
