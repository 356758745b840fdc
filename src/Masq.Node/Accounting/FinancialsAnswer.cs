using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Persistence;

namespace Masq.Node.Accounting;

/// <summary>
/// Answers the UI <c>financials</c> message (spec §2.8) from the ledger's rows: totals in gwei (wei truncated), top
/// records by balance or age, or custom ranges. Only rows with |balance| ≥ 1 gwei are listed.
/// </summary>
internal static class FinancialsAnswer
{
    private const long WeiPerGwei = 1_000_000_000;

    /// <summary>Checks a request before any row is read.</summary>
    public static FinancialsRefusal? Validate(UiFinancialsRequest request)
    {
        var custom = request.CustomQueriesOpt;
        var hasCustom = custom is not null && (custom.PayableOpt is not null || custom.ReceivableOpt is not null);
        if (request.TopRecordsOpt is not null && custom is not null)
        {
            return new FinancialsRefusal(UiErrorCodes.RequestWithMutuallyExclusiveParams, "Requesting top records and specific queries at once is not allowed");
        }

        if (!request.StatsRequired && request.TopRecordsOpt is null && !hasCustom)
        {
            return new FinancialsRefusal(UiErrorCodes.RequestWithNoValues, "Empty requests with missing queries not to be processed");
        }

        if (custom?.PayableOpt is { } payable)
        {
            foreach (var (name, value) in new[] { ("minAgeS", payable.MinAgeS), ("maxAgeS", payable.MaxAgeS), ("minAmountGwei", payable.MinAmountGwei), ("maxAmountGwei", payable.MaxAmountGwei) })
            {
                if (value > long.MaxValue)
                {
                    return new FinancialsRefusal(UiErrorCodes.ValueExceedsAllowedLimit, $"Payable query: {name} {value} exceeds the allowed limit {long.MaxValue}");
                }
            }
        }

        if (custom?.ReceivableOpt is { } receivable)
        {
            foreach (var (name, value) in new[] { ("minAgeS", receivable.MinAgeS), ("maxAgeS", receivable.MaxAgeS) })
            {
                if (value > long.MaxValue)
                {
                    return new FinancialsRefusal(UiErrorCodes.ValueExceedsAllowedLimit, $"Receivable query: {name} {value} exceeds the allowed limit {long.MaxValue}");
                }
            }
        }

        return null;
    }

    /// <summary>The answer to a valid request.</summary>
    /// <param name="pendingHashes">Fingerprint hashes by rowid, for the payables with a payment in flight.</param>
    public static UiFinancialsResponse Answer(
        UiFinancialsRequest request,
        IReadOnlyList<PayableAccount> payables,
        IReadOnlyList<ReceivableAccount> receivables,
        IReadOnlyDictionary<long, string> pendingHashes,
        FinancialTotals totals,
        DateTimeOffset now)
    {
        var nowSec = now.ToUnixTimeSeconds();
        UiFinancialStatistics? stats = null;
        if (request.StatsRequired)
        {
            var unpaidPayable = payables.Aggregate(Int128.Zero, (sum, p) => sum + p.BalanceWei);
            var unpaidReceivable = receivables.Aggregate(Int128.Zero, (sum, r) => sum + r.BalanceWei);
            stats = new UiFinancialStatistics(
                TotalUnpaidAndPendingPayableGwei: ToUnsignedGwei(unpaidPayable),
                TotalPaidPayableGwei: ToUnsignedGwei(totals.PaidPayableWei),
                TotalUnpaidReceivableGwei: ToSignedGwei(unpaidReceivable),
                TotalPaidReceivableGwei: ToUnsignedGwei(totals.PaidReceivableWei),
                TotalUnpaidAndPendingPayableWeiOpt: Wei(unpaidPayable),
                TotalPaidPayableWeiOpt: Wei(totals.PaidPayableWei),
                TotalUnpaidReceivableWeiOpt: Wei(unpaidReceivable),
                TotalPaidReceivableWeiOpt: Wei(totals.PaidReceivableWei));
        }

        var payableRows = payables.Where(p => Int128.Abs(p.BalanceWei) >= WeiPerGwei)
            .Select(p => (Age: Age(nowSec, p.LastPaidTimestamp), p.BalanceWei, Ui: new UiPayableAccount(
                p.WalletAddress,
                Age(nowSec, p.LastPaidTimestamp),
                ToUnsignedGwei(p.BalanceWei),
                p.PendingPayableRowid is { } rowid && pendingHashes.TryGetValue(rowid, out var hash) ? hash : null,
                Wei(p.BalanceWei))))
            .ToList();
        var receivableRows = receivables.Where(r => Int128.Abs(r.BalanceWei) >= WeiPerGwei)
            .Select(r => (Age: Age(nowSec, r.LastReceivedTimestamp), r.BalanceWei, Ui: new UiReceivableAccount(
                r.WalletAddress,
                Age(nowSec, r.LastReceivedTimestamp),
                ToSignedGwei(r.BalanceWei),
                Wei(r.BalanceWei))))
            .ToList();

        UiQueryResults? results = null;
        if (request.TopRecordsOpt is { } top)
        {
            results = new UiQueryResults(
                Order(payableRows, top.OrderedBy).Take(top.Count).Select(row => row.Ui).ToList(),
                Order(receivableRows, top.OrderedBy).Take(top.Count).Select(row => row.Ui).ToList());
        }
        else if (request.CustomQueriesOpt is { } custom)
        {
            List<UiPayableAccount>? payableHits = null;
            List<UiReceivableAccount>? receivableHits = null;
            if (custom.PayableOpt is { } range)
            {
                payableHits = payableRows
                    .Where(row => row.Age >= range.MinAgeS && row.Age <= range.MaxAgeS
                        && row.Ui.BalanceGwei >= range.MinAmountGwei && row.Ui.BalanceGwei <= range.MaxAmountGwei)
                    .OrderByDescending(row => row.BalanceWei)
                    .Select(row => row.Ui)
                    .ToList();
            }

            if (custom.ReceivableOpt is { } receivableRange)
            {
                receivableHits = receivableRows
                    .Where(row => row.Age >= receivableRange.MinAgeS && row.Age <= receivableRange.MaxAgeS
                        && row.Ui.BalanceGwei >= receivableRange.MinAmountGwei && row.Ui.BalanceGwei <= receivableRange.MaxAmountGwei)
                    .OrderByDescending(row => row.BalanceWei)
                    .Select(row => row.Ui)
                    .ToList();
            }

            results = new UiQueryResults(
                payableHits is { Count: > 0 } ? payableHits : null,
                receivableHits is { Count: > 0 } ? receivableHits : null);
        }

        return new UiFinancialsResponse(stats, results);
    }

    /// <summary>Wei to gwei, truncated toward zero, clamped to what the field can hold.</summary>
    public static ulong ToUnsignedGwei(Int128 wei)
    {
        var gwei = wei / WeiPerGwei;
        return gwei <= 0 ? 0 : gwei >= ulong.MaxValue ? ulong.MaxValue : (ulong)gwei;
    }

    public static long ToSignedGwei(Int128 wei)
    {
        var gwei = wei / WeiPerGwei;
        return gwei >= long.MaxValue ? long.MaxValue : gwei <= long.MinValue ? long.MinValue : (long)gwei;
    }

    private static string Wei(Int128 wei) => wei.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ulong Age(long nowSec, DateTimeOffset since)
    {
        var age = nowSec - since.ToUnixTimeSeconds();
        return age <= 0 ? 0 : (ulong)age;
    }

    private static IEnumerable<(ulong Age, Int128 BalanceWei, T Ui)> Order<T>(IEnumerable<(ulong Age, Int128 BalanceWei, T Ui)> rows, UiTopRecordsOrdering ordering) =>
        ordering == UiTopRecordsOrdering.Age
            ? rows.OrderByDescending(row => row.Age).ThenByDescending(row => row.BalanceWei)
            : rows.OrderByDescending(row => row.BalanceWei).ThenByDescending(row => row.Age);
}
