using System.Text;

namespace Masq.Cli.Output;

/// <summary>
/// The account tables of <c>financials</c>: left-aligned columns separated by three spaces; every cell (the last
/// one too) is padded to its column's width. The wallet column is at least 42 wide (an address).
/// </summary>
internal static class AccountTableFormatter
{
    public const int WalletWidth = 42;

    private const string Gap = "   ";

    public static string Render(IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headings.Select(h => h.Length).ToArray();
        widths[1] = Math.Max(widths[1], WalletWidth);
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        var text = new StringBuilder();
        AppendRow(text, headings, widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }
        return text.ToString();
    }

    /// <summary>The headings (wallet column 42 wide), a blank line and <c>No records found</c>.</summary>
    public static string RenderEmpty(IReadOnlyList<string> headings)
    {
        var widths = headings.Select(h => h.Length).ToArray();
        widths[1] = Math.Max(widths[1], WalletWidth);
        var text = new StringBuilder();
        AppendRow(text, headings, widths);
        text.Append("\nNo records found\n");
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (var i = 0; i < widths.Length; i++)
        {
            text.Append(cells[i].PadRight(widths[i]));
            if (i + 1 < widths.Length)
            {
                text.Append(Gap);
            }
        }
        text.Append('\n');
    }
}
