using System.Diagnostics;
using System.Numerics;
using Masq.Lib.Blockchains;
using Masq.Lib.Ui.Messages;
using Masq.Node.Persistence;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// One payable scan of 1,000 qualifying debts on ganache: every creditor paid exactly, nonces managed across the
/// whole batch. The test prints the figures (transactions sent per second, total time); it asserts only correctness.
/// </summary>
[Collection(MoneyChainCollection.Name)]
public sealed class LargePaymentBatchTests(GanacheChain chain, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Debts = 1_000;
    private static readonly BigInteger TenthOfAToken = BigInteger.Pow(10, 17);
    private string _snapshot = string.Empty;

    public async Task InitializeAsync() => _snapshot = await chain.SnapshotAsync();

    public async Task DisposeAsync() => await chain.RevertAsync(_snapshot);

    [Fact]
    public async Task A_thousand_qualifying_debts_are_paid_in_one_scan()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, GanacheChain.AccountKey(0), GanacheChain.Account(0));
        var creditors = Enumerable.Range(1, Debts).Select(i => WalletAddress.Parse("0x" + i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        node.Payables.AddDebts(creditors.Select(c => new WalletAmount(c.ToString(), (Int128)TenthOfAToken)).ToList());
        node.Clock.Advance(TimeSpan.FromDays(40));

        var watch = Stopwatch.StartNew();
        var pay = await node.ScanAsync(UiScanType.Payables);
        var sending = watch.Elapsed;
        var confirm = await node.ScanAsync(UiScanType.PendingPayables);
        var total = watch.Elapsed;

        Assert.Null(pay.Error);
        Assert.Null(confirm.Error);
        Assert.Empty(node.PendingPayables.ListUnresolved());
        Assert.All(node.Payables.List(), p => Assert.Equal(Int128.Zero, p.BalanceWei));
        foreach (var creditor in new[] { creditors[0], creditors[Debts / 2], creditors[^1] })
        {
            Assert.Equal(TenthOfAToken, await chain.TokenBalanceAsync(creditor));
        }
        Assert.Equal(GanacheChain.TokenSupplyWei - (Debts * TenthOfAToken), await chain.TokenBalanceAsync(GanacheChain.Account(0)));
        Assert.Equal((Int128)(Debts * TenthOfAToken), node.Totals.PaidPayableWei);
        output.WriteLine($"payable scan of {Debts} debts: sent in {sending.TotalSeconds:F1} s ({Debts / sending.TotalSeconds:F0} transactions/s); confirmed by receipts after {total.TotalSeconds:F1} s in all");
    }
}
