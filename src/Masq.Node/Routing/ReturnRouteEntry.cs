using Masq.Node.Routing;

namespace Masq.Node.Routing;

/// <summary>What the originator remembers about a round trip it sent (the reference's AddReturnRouteMessage).</summary>
internal sealed class ReturnRouteEntry(IReadOnlyList<ExpectedService> back, long now)
{
    private long _lastUsed = now;

    /// <summary>The back segment's services: what receiving a response by this route costs.</summary>
    public IReadOnlyList<ExpectedService> Back { get; } = back;

    public long LastUsed => Interlocked.Read(ref _lastUsed);

    public void Touch(long now) => Interlocked.Exchange(ref _lastUsed, now);
}
