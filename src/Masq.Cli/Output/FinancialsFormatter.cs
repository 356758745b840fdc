using System.Globalization;
using System.Text;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Output;

/// <summary>What <c>financials</c> prints: the totals, then top records or custom query results.</summary>
internal static class FinancialsFormatter
{
    private const int LabelWidth = 33;

    private const string ThreeBlankLines = "\n\n\n";

    public static string Format(UiFinancialsResponse response, FinancialsLayout layout)
    {
        var text = new StringBuilder();
        if (response.StatsOpt is { } stats)
        {
            AppendStats(text, stats, layout);
        }
        if (response.QueryResultsOpt is { } results)
        {
            text.Append(response.StatsOpt is null ? "\n" : ThreeBlankLines);
            AppendQueryResults(text, results, layout);
        }
        return text.ToString();
    }

    /// <summary>Whether the response carries every amount in wei (older Nodes send gwei only).</summary>
    public static bool HasWei(UiFinancialsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stats = response.StatsOpt;
        var statsOk = stats is null || (stats.TotalUnpaidAndPendingPayableWeiOpt is not null && stats.TotalPaidPayableWeiOpt is not null
            && stats.TotalUnpaidReceivableWeiOpt is not null && stats.TotalPaidReceivableWeiOpt is not null);
        var results = response.QueryResultsOpt;
        return statsOk
            && (results?.PayableOpt ?? []).All(a => a.BalanceWeiOpt is not null)
            && (results?.ReceivableOpt ?? []).All(a => a.BalanceWeiOpt is not null);
    }

    private static void AppendStats(StringBuilder text, UiFinancialStatistics stats, FinancialsLayout layout)
    {
        text.Append("\nFinancial status totals in ").Append(layout.UnitName).Append("\n\n");
        StatsLine(text, "Unpaid and pending payable:", Amount(stats.TotalUnpaidAndPendingPayableGwei, stats.TotalUnpaidAndPendingPayableWeiOpt, layout));
        StatsLine(text, "Paid payable:", Amount(stats.TotalPaidPayableGwei, stats.TotalPaidPayableWeiOpt, layout));
        StatsLine(text, "Unpaid receivable:", Amount(stats.TotalUnpaidReceivableGwei, stats.TotalUnpaidReceivableWeiOpt, layout));
        StatsLine(text, "Paid receivable:", Amount(stats.TotalPaidReceivableGwei, stats.TotalPaidReceivableWeiOpt, layout));
    }

    /// <summary>An amount in the layout's unit; in wei, the exact figure the Node sent (or "?" if it sent none).</summary>
    private static string Amount(System.Numerics.BigInteger gwei, string? weiOpt, FinancialsLayout layout)
    {
        if (!layout.InWei)
        {
            return MasqAmountFormatter.Format(gwei, layout.InGwei);
        }
        return weiOpt is not null && System.Numerics.BigInteger.TryParse(weiOpt, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wei)
            ? NumberFormat.WithCommas(wei)
            : "?";
    }

    private static void StatsLine(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(LabelWidth)).Append(' ').Append(value).Append('\n');

    private static void AppendQueryResults(StringBuilder text, UiQueryResults results, FinancialsLayout layout)
    {
        var balance = $"Balance [{layout.UnitName}]";
        string[] payableHeadings = ["#", "Wallet", "Age [s]", balance, "Pending tx"];
        string[] receivableHeadings = ["#", "Wallet", "Age [s]", balance];
        var payableRows = results.PayableOpt?.Select((a, i) => PayableRow(a, i, layout)).ToList();
        var receivableRows = results.ReceivableOpt?.Select((a, i) => ReceivableRow(a, i, layout)).ToList();

        if (layout.TopCount is { } count)
        {
            text.Append("Up to ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(" top accounts\n\n");
            text.Append("Payable\n\n");
            AppendTable(text, payableHeadings, payableRows);
            text.Append(ThreeBlankLines);
            text.Append("Receivable\n\n");
            AppendTable(text, receivableHeadings, receivableRows);
            return;
        }
        if (layout.PayableQuery is { } payableQuery)
        {
            text.Append("Specific payable query: ").Append(payableQuery).Append("\n\n");
            AppendTable(text, payableHeadings, payableRows);
        }
        if (layout.PayableQuery is not null && layout.ReceivableQuery is not null)
        {
            text.Append(ThreeBlankLines);
        }
        if (layout.ReceivableQuery is { } receivableQuery)
        {
            text.Append("Specific receivable query: ").Append(receivableQuery).Append("\n\n");
            AppendTable(text, receivableHeadings, receivableRows);
        }
    }

    private static void AppendTable(StringBuilder text, string[] headings, List<IReadOnlyList<string>>? rows) =>
        text.Append(rows is { Count: > 0 }
            ? AccountTableFormatter.Render(headings, rows)
            : AccountTableFormatter.RenderEmpty(headings));

    private static IReadOnlyList<string> PayableRow(UiPayableAccount account, int index, FinancialsLayout layout) =>
    [
        (index + 1).ToString(CultureInfo.InvariantCulture),
        account.Wallet,
        NumberFormat.WithCommas(account.AgeS),
        Amount(account.BalanceGwei, account.BalanceWeiOpt, layout),
        account.PendingPayableHashOpt ?? "None",
    ];

    private static IReadOnlyList<string> ReceivableRow(UiReceivableAccount account, int index, FinancialsLayout layout) =>
    [
        (index + 1).ToString(CultureInfo.InvariantCulture),
        account.Wallet,
        NumberFormat.WithCommas(account.AgeS),
        Amount(account.BalanceGwei, account.BalanceWeiOpt, layout),
    ];
}
