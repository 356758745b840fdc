using System.Collections.Concurrent;
using Masq.Node.Protocol;

namespace Masq.Node.Proxy.Client;

/// <summary>
/// Streams that failed to open at this exit (no usable DNS answer, or no connection), remembered for a while so that
/// later packets of the same request do not open them again halfway through it. A packet at or before the sequence
/// number that opened the failed stream is the originator's DNS retry (data-path.md "DNS failure": it resends the
/// stream's first payload over a new route, which leads back to this exit once every exit has failed the host): it lifts
/// the tombstone and is served afresh, so this exit answers with a DNS failure again instead of dropping it and leaving
/// the browser without an answer.
/// </summary>
internal sealed class StreamTombstones(TimeSpan life, TimeProvider time)
{
    private readonly ConcurrentDictionary<StreamKey, Tombstone> _tombstones = new();

    public int Count => _tombstones.Count;

    /// <summary>Remembers that <paramref name="key"/> failed to open on the packet numbered <paramref name="openingSequence"/>.</summary>
    public void Add(StreamKey key, ulong openingSequence) => _tombstones[key] = new Tombstone(time.GetTimestamp(), openingSequence);

    /// <summary>
    /// Whether a packet numbered <paramref name="sequenceNumber"/> belongs to a stream that failed to open and must be
    /// dropped. A packet that starts the stream again is not refused, and the tombstone goes.
    /// </summary>
    public bool Refuses(StreamKey key, ulong sequenceNumber)
    {
        if (!_tombstones.TryGetValue(key, out var tombstone))
        {
            return false;
        }

        if (sequenceNumber <= tombstone.OpeningSequence)
        {
            _tombstones.TryRemove(new KeyValuePair<StreamKey, Tombstone>(key, tombstone));
            return false;
        }

        return true;
    }

    /// <summary>Forgets the tombstones older than their life.</summary>
    public void Sweep()
    {
        long now = time.GetTimestamp();
        foreach (var (key, tombstone) in _tombstones)
        {
            if (time.GetElapsedTime(tombstone.Since, now) > life)
            {
                _tombstones.TryRemove(new KeyValuePair<StreamKey, Tombstone>(key, tombstone));
            }
        }
    }

    private readonly record struct Tombstone(long Since, ulong OpeningSequence);
}
