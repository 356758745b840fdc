namespace Masq.Node.Persistence;

/// <summary>
/// The two-column amount format of the database (spec §1.2): value = high·2^63 + low with low in [0, 2^63).
/// high is the value shifted right by 63 (arithmetic), low its lowest 63 bits. Because high is a 64-bit
/// column, the representable range is [-2^126, 2^126 - 1] wei, far beyond any real balance.
/// </summary>
internal static class WeiAmount
{
    /// <summary>The smallest storable amount, -2^126.</summary>
    public static readonly Int128 MinValue = -(Int128.One << 126);

    /// <summary>The largest storable amount, 2^126 - 1.</summary>
    public static readonly Int128 MaxValue = (Int128.One << 126) - 1;

    public static (long High, long Low) Split(Int128 value)
    {
        if (value < MinValue || value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The amount does not fit the database's high/low format.");
        }

        return ((long)(value >> 63), (long)(value & long.MaxValue));
    }

    public static Int128 Join(long high, long low)
    {
        if (low < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, "The low part of a stored amount must be in [0, 2^63).");
        }

        return ((Int128)high << 63) + low;
    }
}
