using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Masq.Lib.Configuration;

/// <summary>
/// What a Node charges, in wei: routing = <see cref="RoutingServiceRate"/> + <see cref="RoutingByteRate"/> × bytes,
/// exit = <see cref="ExitServiceRate"/> + <see cref="ExitByteRate"/> × bytes. Text form
/// <c>routingByte|routingService|exitByte|exitService</c>.
/// </summary>
public sealed record RatePack(ulong RoutingByteRate, ulong RoutingServiceRate, ulong ExitByteRate, ulong ExitServiceRate)
{
    private static readonly string[] FieldNames = ["routingByte", "routingService", "exitByte", "exitService"];

    public static RatePack Default { get; } = new(53_844, 53_844, 107_688, 107_688);

    /// <summary>What consume-only and zero-hop Nodes charge.</summary>
    public static RatePack Zero { get; } = new(0, 0, 0, 0);

    public static bool TryParse(string? text, [NotNullWhen(true)] out RatePack? ratePack, [NotNullWhen(false)] out string? error)
    {
        ratePack = null;
        if (!PipeSeparatedNumbers.TryParse(text, FieldNames, out var v, out error))
        {
            return false;
        }

        ratePack = new RatePack(v[0], v[1], v[2], v[3]);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RoutingByteRate}|{RoutingServiceRate}|{ExitByteRate}|{ExitServiceRate}");
}
