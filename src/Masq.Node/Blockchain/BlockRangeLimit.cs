using System.Globalization;
using System.Text.RegularExpressions;

namespace Masq.Node.Blockchain;

/// <summary>
/// Reads the block-range limit out of a provider's <c>eth_getLogs</c> error (spec §3.4), so the next receivable
/// scan asks for a window the provider accepts.
/// </summary>
internal static partial class BlockRangeLimit
{
    /// <summary>The window used when a provider answers a batch-style call with "Expected batch, got single."</summary>
    public const ulong AfterBatchRefusal = 1000;

    public static bool TryParse(string message, out ulong maxBlockCount)
    {
        maxBlockCount = 0;
        if (message.Contains("Expected batch, got single", StringComparison.OrdinalIgnoreCase))
        {
            maxBlockCount = AfterBatchRefusal;
            return true;
        }

        var match = Pattern().Match(message);
        return match.Success
            && ulong.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out maxBlockCount)
            && maxBlockCount > 0;
    }

    [GeneratedRegex(@"(?:max:|allowed for your plan:|is limited to|block range limit \(|exceeds max block range|maximum allowed is)\s*(?<n>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
