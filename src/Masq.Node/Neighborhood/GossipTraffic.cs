namespace Masq.Node.Neighborhood;

/// <summary>
/// What this Node's Neighborhood has sent as gossip (Debuts, replies, Standard gossip and failures): messages and
/// encoded bytes, so a quiet mesh can be seen to be quiet (no periodic gossip, §3.5). Thread-safe.
/// </summary>
internal sealed class GossipTraffic
{
    private long _messages;
    private long _bytes;

    public long MessagesSent => Interlocked.Read(ref _messages);

    public long BytesSent => Interlocked.Read(ref _bytes);

    public void Sent(int encodedLength)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, encodedLength);
    }
}
