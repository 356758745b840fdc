using Microsoft.Extensions.Time.Testing;
using Masq.Node.DataPath;
using Masq.Node.Protocol;
using Masq.Node.Tests.Protocol;

namespace Masq.Node.Tests.DataPath;

/// <summary>Per-stream credit windows (protocol.md §4): the sending and receiving halves, and their wire fields.</summary>
public sealed class StreamCreditTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_receiver_takes_a_whole_window_and_refuses_a_byte_more()
    {
        var credit = new ReceiveCredit(1000);

        Assert.True(credit.TryReceive(600));
        Assert.True(credit.TryReceive(400));
        Assert.False(credit.TryReceive(1));
        Assert.Equal(1000, credit.Buffered);
    }

    [Fact]
    public void A_receiver_grants_again_only_after_half_a_window_was_consumed()
    {
        var credit = new ReceiveCredit(1000);
        Assert.True(credit.TryReceive(1000));

        Assert.Null(credit.Consume(499));
        Assert.Equal(1500, credit.Consume(1));
        Assert.Equal(1500, credit.Limit);
        Assert.Equal(500, credit.Buffered);

        // The new limit lets exactly the consumed bytes in again.
        Assert.True(credit.TryReceive(500));
        Assert.False(credit.TryReceive(1));
    }

    [Fact]
    public void Over_a_long_round_trip_a_window_whose_reader_keeps_up_doubles_up_to_its_cap()
    {
        // The sender sends all the credit it knows of; what it sends arrives, and the reader takes it at once; the updates
        // reach the sender a round trip (100 ms) later. The window, not the reader, is the limit: it grows to the cap.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credit = new ReceiveCredit(1000, maxWindow: 8000, time);
        long known = credit.Limit;
        long sent = 0;
        for (int round = 0; round < 12; round++)
        {
            long newest = known;
            while (sent < known)
            {
                Assert.True(credit.TryReceive(100));
                sent += 100;
                newest = credit.Consume(100) ?? newest;
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            known = newest;
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), credit.RoundTrip);
        Assert.Equal(8000, credit.Window);
    }

    [Fact]
    public void A_window_whose_reader_is_the_limit_does_not_grow()
    {
        // The same round trip, but the reader takes 100 bytes a second: updates come seconds apart, far more than two
        // round trips, so the window stays as it is.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credit = new ReceiveCredit(1000, maxWindow: 8000, time);
        for (int step = 0; step < 60; step++)
        {
            while (credit.TryReceive(100))
            {
            }

            time.Advance(TimeSpan.FromMilliseconds(100));
            credit.Consume(100);
            time.Advance(TimeSpan.FromMilliseconds(900));
        }

        Assert.Equal(1000, credit.Window);
        Assert.InRange(credit.Buffered, 500, 1000);
    }

    [Fact]
    public void A_window_with_no_room_above_it_never_grows_and_a_restart_brings_back_the_first_one()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var fixedWindow = new ReceiveCredit(1000, maxWindow: null, time);
        var tuned = new ReceiveCredit(1000, maxWindow: 4000, time);
        foreach (var credit in new[] { fixedWindow, tuned })
        {
            long known = credit.Limit;
            long sent = 0;
            for (int round = 0; round < 6; round++)
            {
                long newest = known;
                while (sent < known)
                {
                    credit.TryReceive(100);
                    sent += 100;
                    newest = credit.Consume(100) ?? newest;
                }

                time.Advance(TimeSpan.FromMilliseconds(50));
                known = newest;
            }
        }

        Assert.Equal(1000, fixedWindow.Window);
        Assert.Equal(4000, tuned.Window);
        tuned.Restart();
        Assert.Equal(1000, tuned.Window);
        Assert.Equal(1000, tuned.Limit);
        Assert.Null(tuned.RoundTrip);
    }

    [Fact]
    public void A_receiver_never_counts_more_consumed_than_received()
    {
        var credit = new ReceiveCredit(1000);
        Assert.True(credit.TryReceive(10));

        Assert.Null(credit.Consume(5000));
        Assert.Equal(0, credit.Buffered);
        Assert.True(credit.TryReceive(990));
        Assert.False(credit.TryReceive(1));
    }

    [Fact]
    public void A_restarted_receiver_has_a_whole_window_again()
    {
        var credit = new ReceiveCredit(1000);
        Assert.True(credit.TryReceive(800));

        credit.Restart();

        Assert.Equal(0, credit.Buffered);
        Assert.True(credit.TryReceive(1000));
    }

    [Fact]
    public async Task A_sender_with_credit_does_not_wait()
    {
        var credit = new SendCredit(1000);

        Assert.Equal(1000, await credit.WaitAsync(1000, CancellationToken.None));
        credit.Take(700);
        Assert.Equal(300, credit.Available);
        Assert.Equal(300, await credit.WaitAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_sender_at_its_limit_waits_until_a_grant_raises_it()
    {
        var credit = new SendCredit(1000);
        credit.Take(1000);

        var waiting = credit.WaitAsync(1, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.True(credit.IsWaiting);

        Assert.True(credit.Grant(1500));
        Assert.Equal(500, await waiting.WaitAsync(Guard));
    }

    [Fact]
    public async Task A_stale_or_repeated_grant_changes_nothing_and_wakes_no_one_early()
    {
        var credit = new SendCredit(1000);
        credit.Take(1000);
        var waiting = credit.WaitAsync(200, CancellationToken.None).AsTask();

        Assert.False(credit.Grant(1000));
        Assert.False(credit.Grant(900));
        Assert.True(credit.Grant(1100));
        Assert.False(credit.Grant(1100));

        // 100 bytes of credit are not the 200 the sender waits for.
        Assert.False(waiting.IsCompleted);
        Assert.True(credit.Grant(1200));
        Assert.Equal(200, await waiting.WaitAsync(Guard));
        Assert.Equal(1200, credit.Limit);
    }

    [Fact]
    public async Task Closing_a_sender_ends_its_wait_with_nothing_to_send()
    {
        var credit = new SendCredit(10);
        credit.Take(10);
        var waiting = credit.WaitAsync(1, CancellationToken.None).AsTask();

        credit.Close();

        Assert.Equal(0, await waiting.WaitAsync(Guard));
        Assert.Equal(0, credit.Available);
        Assert.Equal(0, await credit.WaitAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_leaves_the_credit_usable()
    {
        var credit = new SendCredit(10);
        credit.Take(10);
        using var cancel = new CancellationTokenSource();
        var waiting = credit.WaitAsync(1, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        Assert.True(credit.Grant(20));
        Assert.Equal(10, await credit.WaitAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task A_restarted_sender_counts_what_it_resent_against_the_new_window()
    {
        var credit = new SendCredit(1000);
        credit.Take(1000);
        var waiting = credit.WaitAsync(1, CancellationToken.None).AsTask();

        credit.Restart(sent: 300, limit: 1000);

        Assert.Equal(700, await waiting.WaitAsync(Guard));
    }

    [Fact]
    public async Task Sender_and_receiver_move_a_large_transfer_through_a_small_window_without_overrunning_it()
    {
        const int window = 64 * 1024;
        const long total = 8L * 1024 * 1024;
        var send = new SendCredit(window);
        var receive = new ReceiveCredit(window);
        var buffer = System.Threading.Channels.Channel.CreateUnbounded<int>();
        long maxBuffered = 0;

        var consumer = Task.Run(async () =>
        {
            long consumed = 0;
            while (consumed < total)
            {
                int chunk = await buffer.Reader.ReadAsync();
                consumed += chunk;
                if (receive.Consume(chunk) is { } limit)
                {
                    send.Grant(limit);
                }
            }

            return consumed;
        });

        long sent = 0;
        while (sent < total)
        {
            long allowed = await send.WaitAsync(1, CancellationToken.None).AsTask().WaitAsync(Guard);
            int chunk = (int)Math.Min(Math.Min(allowed, 10_000), total - sent);
            send.Take(chunk);
            Assert.True(receive.TryReceive(chunk));
            maxBuffered = Math.Max(maxBuffered, receive.Buffered);
            await buffer.Writer.WriteAsync(chunk);
            sent += chunk;
        }

        Assert.Equal(total, await consumer.WaitAsync(Guard));
        Assert.InRange(maxBuffered, 1, window);
    }

    [Fact]
    public void Credits_travel_in_requests_and_responses_and_mark_credit_only_packages()
    {
        var originator = new Masq.Node.Crypto.PublicKey(Enumerable.Repeat((byte)0x33, 64).ToArray());
        var empty = new SequencedPacket(ReadOnlyMemory<byte>.Empty, 0, LastData: false);
        var request = ProtocolSamples.Request(originator) with { SequencedPacket = empty, ResponseCredit = 3_000_000 };
        var response = new ClientResponsePayload(ProtocolSamples.StreamKey, empty, RequestCredit: 5_000_000);

        var decodedRequest = Assert.IsType<ClientRequestMessage>(MessageType.Decode(new ClientRequestMessage(request).Encode())).Payload;
        var decodedResponse = Assert.IsType<ClientResponseMessage>(MessageType.Decode(new ClientResponseMessage(response).Encode())).Payload;

        Assert.Equal(3_000_000ul, decodedRequest.ResponseCredit);
        Assert.True(decodedRequest.IsCreditOnly);
        Assert.Equal(5_000_000ul, decodedResponse.RequestCredit);
        Assert.True(decodedResponse.IsCreditOnly);

        // Without a credit, or with data, a package is what it always was.
        Assert.Null(Assert.IsType<ClientRequestMessage>(MessageType.Decode(new ClientRequestMessage(ProtocolSamples.Request(originator)).Encode())).Payload.ResponseCredit);
        Assert.False((ProtocolSamples.Request(originator) with { ResponseCredit = 1 }).IsCreditOnly);
        Assert.False(new ClientResponsePayload(ProtocolSamples.StreamKey, empty).IsCreditOnly);
        Assert.False(new ClientResponsePayload(ProtocolSamples.StreamKey, empty with { LastData = true }, 1).IsCreditOnly);
    }
}
