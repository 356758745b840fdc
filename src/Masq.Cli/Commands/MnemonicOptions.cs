using System.Globalization;
using Masq.Cli.Commands.Parsing;

namespace Masq.Cli.Commands;

/// <summary>The mnemonic word counts and languages the Node's wallet code supports (spec §5).</summary>
internal static class MnemonicOptions
{
    public const int DefaultWordCount = 12;

    public const string DefaultLanguage = "English";

    public static IReadOnlyList<int> WordCounts { get; } = [12, 15, 18, 21, 24];

    public static IReadOnlyList<string> Languages { get; } =
        ["English", "Chinese", "Traditional Chinese", "French", "Italian", "Japanese", "Korean", "Spanish"];

    public static int ParseWordCount(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && WordCounts.Contains(count)
            ? count
            : throw new CommandSyntaxException($"Invalid value for '--word-count': '{text}' (use one of {string.Join(", ", WordCounts)})");

    /// <summary>The language's canonical name; matching ignores case.</summary>
    public static string ParseLanguage(string text) =>
        Languages.FirstOrDefault(l => string.Equals(l, text.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new CommandSyntaxException($"Invalid value for '--language': '{text}' (use one of {string.Join(", ", Languages)})");
}
