namespace Masq.Node.Routing;

/// <summary>The return-route ID counter: a u32 that starts at 0 and wraps (data-path.md §2.1).</summary>
internal sealed class ReturnRouteIds
{
    private int _next = -1;

    public uint Next() => unchecked((uint)Interlocked.Increment(ref _next));
}
