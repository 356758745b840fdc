using System.Globalization;
using System.Numerics;
using Masq.Lib.Ui.Messages;
using Masq.Node.Persistence;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// A UI <c>scan</c> answers with what it did (debts found, payments sent with their transactions, or why
/// nothing), and <c>financials</c> carries every amount in wei as well, on a real ganache with the test token.
/// </summary>
[Collection(MoneyChainCollection.Name)]
public sealed class ScanSummaryAndWeiTests(GanacheChain chain) : IAsyncLifetime
{
    /// <summary>Not a whole number of gwei, so a gwei figure cannot agree with it to the wei.</summary>
    private static readonly BigInteger OddAmount = BigInteger.Parse("100000000000000007", CultureInfo.InvariantCulture);
    private static readonly TimeSpan PastTheCurve = TimeSpan.FromSeconds(86_400 + 2_592_000 + 1);

    private string _snapshot = string.Empty;

    public async Task InitializeAsync() => _snapshot = await chain.SnapshotAsync();

    public async Task DisposeAsync() => await chain.RevertAsync(_snapshot);

    [Fact]
    public async Task A_payable_scan_says_what_it_found_and_sent_and_financials_agree_to_the_wei()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, GanacheChain.AccountKey(0), GanacheChain.Account(0));

        var empty = (await node.ScanAsync(UiScanType.Payables)).GetPayload<UiScanResponse>();
        Assert.Equal("Payables scan: Found no payables; nothing to pay", empty.SummaryOpt);

        node.Payables.AddDebt(GanacheChain.Account(1).ToString(), (Int128)OddAmount);
        var young = (await node.ScanAsync(UiScanType.Payables)).GetPayload<UiScanResponse>();
        Assert.StartsWith("Payables scan: Found 1 payable, none qualifies for payment; the largest unpaid debt is 100000000000000007 wei, 0 s old, under the payment thresholds", young.SummaryOpt, StringComparison.Ordinal);

        node.Clock.Advance(PastTheCurve);
        var paid = (await node.ScanAsync(UiScanType.Payables)).GetPayload<UiScanResponse>();
        var hash = Assert.Single(node.PendingPayables.ListUnresolved()).TransactionHash;
        Assert.Equal($"Payables scan: Found 1 payable, 1 qualified for payment (100000000000000007 wei); sent 1 of 1 transaction at 20 gwei: {hash}", paid.SummaryOpt);
        Assert.Equal(OddAmount, await chain.TokenBalanceAsync(GanacheChain.Account(1)));

        var inFlight = (await node.ScanAsync(UiScanType.Payables)).GetPayload<UiScanResponse>();
        Assert.Equal("Payables scan: Found 1 payable, none qualifies for payment; 1 already has a payment in flight (scan pendingpayables confirms it)", inFlight.SummaryOpt);
        var beforeConfirming = (await node.FinancialsAsync(new UiFinancialsRequest(true, new UiTopRecordsConfig(10, UiTopRecordsOrdering.Balance)))).GetPayload<UiFinancialsResponse>();
        Assert.Equal("100000000000000007", Assert.Single(beforeConfirming.QueryResultsOpt!.PayableOpt!).BalanceWeiOpt);
        Assert.Equal("100000000000000007", beforeConfirming.StatsOpt!.TotalUnpaidAndPendingPayableWeiOpt);
        Assert.Equal(100_000_000UL, beforeConfirming.StatsOpt.TotalUnpaidAndPendingPayableGwei);

        var confirmed = (await node.ScanAsync(UiScanType.PendingPayables)).GetPayload<UiScanResponse>();
        Assert.Equal("PendingPayables scan: Scan results: Successful: 1, Pending: 0, Failed: 0", confirmed.SummaryOpt);
        var stats = (await node.FinancialsAsync(new UiFinancialsRequest(true))).GetPayload<UiFinancialsResponse>().StatsOpt!;
        Assert.Equal("100000000000000007", stats.TotalPaidPayableWeiOpt);
        Assert.Equal("0", stats.TotalUnpaidAndPendingPayableWeiOpt);
        Assert.Equal(OddAmount.ToString(CultureInfo.InvariantCulture), stats.TotalPaidPayableWeiOpt);
    }

    [Fact]
    public async Task A_scan_without_a_consuming_wallet_says_why_it_did_nothing()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, null, GanacheChain.Account(0));

        var reply = await node.ScanAsync(UiScanType.Payables);

        Assert.NotNull(reply.Error);
        Assert.Contains("No consuming wallet is configured", reply.Error.Message, StringComparison.Ordinal);
    }
}
