using Masq.Node.Protocol;
using Masq.Node.Proxy.Client;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Proxy;

/// <summary>
/// The exit's memory of streams that failed to open: later packets of such a stream are dropped, but the originator's
/// DNS retry, which resends the stream from its first packet, opens it afresh (data-path.md "DNS failure").
/// </summary>
public sealed class StreamTombstonesTests
{
    private static readonly TimeSpan Life = TimeSpan.FromSeconds(30);

    private static readonly StreamKey Failed = StreamKey.FromBytes(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());
    private static readonly StreamKey Other = StreamKey.FromBytes(Enumerable.Range(101, 20).Select(i => (byte)i).ToArray());

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Later_packets_of_a_failed_stream_are_refused_and_other_streams_are_not()
    {
        var tombstones = new StreamTombstones(Life, _time);
        tombstones.Add(Failed, openingSequence: 0);

        Assert.True(tombstones.Refuses(Failed, 1));
        Assert.True(tombstones.Refuses(Failed, 7));
        Assert.False(tombstones.Refuses(Other, 1));
        Assert.Equal(1, tombstones.Count);
    }

    [Fact]
    public void The_retry_from_the_opening_packet_lifts_the_tombstone()
    {
        var tombstones = new StreamTombstones(Life, _time);
        tombstones.Add(Failed, openingSequence: 0);

        // The originator resends the stream's first packet through a new route that leads back to this exit.
        Assert.False(tombstones.Refuses(Failed, 0));

        // The retried stream's own later packets go through as well.
        Assert.False(tombstones.Refuses(Failed, 1));
        Assert.Equal(0, tombstones.Count);
    }

    [Fact]
    public void A_stream_opened_by_a_later_packet_is_reopened_by_that_packet_or_an_earlier_one()
    {
        var tombstones = new StreamTombstones(Life, _time);
        tombstones.Add(Failed, openingSequence: 1);

        Assert.True(tombstones.Refuses(Failed, 2));
        Assert.False(tombstones.Refuses(Failed, 1));
        Assert.Equal(0, tombstones.Count);
    }

    [Fact]
    public void Tombstones_are_forgotten_after_their_life()
    {
        var tombstones = new StreamTombstones(Life, _time);
        tombstones.Add(Failed, openingSequence: 0);

        _time.Advance(Life);
        tombstones.Sweep();
        Assert.True(tombstones.Refuses(Failed, 3));

        _time.Advance(TimeSpan.FromSeconds(1));
        tombstones.Sweep();
        Assert.Equal(0, tombstones.Count);
        Assert.False(tombstones.Refuses(Failed, 3));
    }
}
