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
            AppendStats(text, stats, layout.InGwei);
        }
        if (response.QueryResultsOpt is { } results)
        {
            text.Append(response.StatsOpt is null ? "\n" : ThreeBlankLines);
            AppendQueryResults(text, results, layout);
        }
        return text.ToString();
    }

    private static void AppendStats(StringBuilder text, UiFinancialStatistics stats, bool inGwei)
    {
        text.Append("\nFinancial status totals in ").Append(inGwei ? "gwei" : "MASQ").Append("\n\n");
        StatsLine(text, "Unpaid and pending payable:", MasqAmountFormatter.Format(stats.TotalUnpaidAndPendingPayableGwei, inGwei));
        StatsLine(text, "Paid payable:", MasqAmountFormatter.Format(stats.TotalPaidPayableGwei, inGwei));
        StatsLine(text, "Unpaid receivable:", MasqAmountFormatter.Format(stats.TotalUnpaidReceivableGwei, inGwei));
        StatsLine(text, "Paid receivable:", MasqAmountFormatter.Format(stats.TotalPaidReceivableGwei, inGwei));
    }

    private static void StatsLine(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(LabelWidth)).Append(' ').Append(value).Append('\n');

    private static void AppendQueryResults(StringBuilder text, UiQueryResults results, FinancialsLayout layout)
    {
        var balance = layout.InGwei ? "Balance [gwei]" : "Balance [MASQ]";
        string[] payableHeadings = ["#", "Wallet", "Age [s]", balance, "Pending tx"];
        string[] receivableHeadings = ["#", "Wallet", "Age [s]", balance];
        var payableRows = results.PayableOpt?.Select((a, i) => PayableRow(a, i, layout.InGwei)).ToList();
        var receivableRows = results.ReceivableOpt?.Select((a, i) => ReceivableRow(a, i, layout.InGwei)).ToList();

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

    private static IReadOnlyList<string> PayableRow(UiPayableAccount account, int index, bool inGwei) =>
    [
        (index + 1).ToString(CultureInfo.InvariantCulture),
        account.Wallet,
        NumberFormat.WithCommas(account.AgeS),
        MasqAmountFormatter.Format(account.BalanceGwei, inGwei),
        account.PendingPayableHashOpt ?? "None",
    ];

    private static IReadOnlyList<string> ReceivableRow(UiReceivableAccount account, int index, bool inGwei) =>
    [
        (index + 1).ToString(CultureInfo.InvariantCulture),
        account.Wallet,
        NumberFormat.WithCommas(account.AgeS),
        MasqAmountFormatter.Format(account.BalanceGwei, inGwei),
    ];
}
