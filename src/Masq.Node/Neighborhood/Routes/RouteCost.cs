namespace Masq.Node.Neighborhood.Routes;

/// <summary>
/// Route undesirability arithmetic (neighborhood.md §5): non-negative longs that saturate instead of overflowing, no
/// floating point. <see cref="Impossible"/> marks "cannot complete"; real costs stop at <see cref="Saturated"/>.
/// </summary>
internal static class RouteCost
{
    /// <summary>Added to an exit's cost when it has already failed to resolve the requested hostname.</summary>
    public const long UnreachableHostPenalty = 100_000_000;

    /// <summary>The size of the response the return leg is costed for: the request size times this.</summary>
    public const long ResponseSizeFactor = 1_000;

    /// <summary>"No route": larger than any real cost.</summary>
    public const long Impossible = long.MaxValue;

    /// <summary>The largest real cost; sums beyond it stick here.</summary>
    public const long Saturated = long.MaxValue - 1;

    /// <summary><paramref name="serviceRate"/> + <paramref name="byteRate"/> × <paramref name="bytes"/>, saturated.</summary>
    public static long Charge(ulong serviceRate, ulong byteRate, long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var total = ((UInt128)byteRate * (ulong)bytes) + serviceRate;
        return total >= Saturated ? Saturated : (long)total;
    }

    /// <summary>The sum of two costs; <see cref="Impossible"/> if either is, otherwise at most <see cref="Saturated"/>.</summary>
    public static long Add(long a, long b)
    {
        if (a == Impossible || b == Impossible)
        {
            return Impossible;
        }

        return a >= Saturated - b ? Saturated : a + b;
    }
}
