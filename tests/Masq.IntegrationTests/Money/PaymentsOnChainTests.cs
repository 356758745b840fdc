using System.Globalization;
using System.Numerics;
using Masq.Lib.Blockchains;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Blockchain;
using Masq.Node.Persistence;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// The reference's bill-payment scenarios (spec §5.3, §5.5) on a real ganache with the test token: qualifying debts
/// paid on chain, pending payables confirmed by receipts, a failed transaction marked, a payment pending too long
/// replaced with a higher gas price.
/// </summary>
[Collection(MoneyChainCollection.Name)]
public sealed class PaymentsOnChainTests(GanacheChain chain) : IAsyncLifetime
{
    private static readonly BigInteger TenthOfAToken = BigInteger.Pow(10, 17);
    private static readonly TimeSpan PastTheCurve = TimeSpan.FromSeconds(86_400 + 2_592_000 + 1);

    private string _snapshot = string.Empty;

    public async Task InitializeAsync() => _snapshot = await chain.SnapshotAsync();

    public async Task DisposeAsync() => await chain.RevertAsync(_snapshot);

    [Fact]
    public async Task Qualifying_debts_are_paid_on_chain_and_confirmed_by_their_receipts()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, GanacheChain.AccountKey(0), GanacheChain.Account(0));
        var creditors = new[] { GanacheChain.Account(1), GanacheChain.Account(2), GanacheChain.Account(3) };
        node.Payables.AddDebts(creditors.Select(c => new WalletAmount(c.ToString(), (Int128)TenthOfAToken)).ToList());
        node.Payables.AddDebt(GanacheChain.Account(4).ToString(), (Int128)TenthOfAToken);
        node.Clock.Advance(PastTheCurve);
        // A fresh debt is too young to pay, however big.
        node.Payables.AddDebt(GanacheChain.Account(5).ToString(), (Int128)(TenthOfAToken * 10));
        var etherBefore = await chain.EtherBalanceAsync(GanacheChain.Account(0));

        var payReply = await node.ScanAsync(UiScanType.Payables);

        Assert.Null(payReply.Error);
        var fingerprints = node.PendingPayables.ListUnresolved();
        Assert.Equal(4, fingerprints.Count);
        Assert.All(node.Payables.List().Where(p => p.WalletAddress != GanacheChain.Account(5).ToString()), p => Assert.NotNull(p.PendingPayableRowid));
        Assert.Null(node.Payables.Get(GanacheChain.Account(5).ToString())!.PendingPayableRowid);
        foreach (var creditor in creditors.Append(GanacheChain.Account(4)))
        {
            Assert.Equal(TenthOfAToken, await chain.TokenBalanceAsync(creditor));
        }
        Assert.Equal(GanacheChain.TokenSupplyWei - (4 * TenthOfAToken), await chain.TokenBalanceAsync(GanacheChain.Account(0)));
        var gasUsed = BigInteger.Zero;
        var nonces = new List<BigInteger>();
        foreach (var fingerprint in fingerprints)
        {
            var transaction = await chain.TransactionAsync(fingerprint.TransactionHash);
            // The chain's gas price (20 gwei) is used, since it is under the 100 gwei ceiling.
            Assert.Equal(GanacheChain.GasPriceWei, GanacheChain.Quantity(transaction["gasPrice"]!.GetValue<string>()));
            Assert.Equal(Chain.Dev.ContractAddress.ToString(), transaction["to"]!.GetValue<string>(), ignoreCase: true);
            nonces.Add(GanacheChain.Quantity(transaction["nonce"]!.GetValue<string>()));
            var receipt = await chain.ReceiptAsync(fingerprint.TransactionHash);
            gasUsed += GanacheChain.Quantity(receipt!["gasUsed"]!.GetValue<string>());
        }
        Assert.Equal(nonces.Order().ToList(), nonces);
        Assert.Equal(nonces.Count, nonces.Distinct().Count());
        Assert.Equal(etherBefore - (gasUsed * GanacheChain.GasPriceWei), await chain.EtherBalanceAsync(GanacheChain.Account(0)));

        var confirmReply = await node.ScanAsync(UiScanType.PendingPayables);

        Assert.Null(confirmReply.Error);
        Assert.Empty(node.PendingPayables.ListUnresolved());
        foreach (var creditor in creditors.Append(GanacheChain.Account(4)))
        {
            var payable = node.Payables.Get(creditor.ToString())!;
            Assert.Equal(Int128.Zero, payable.BalanceWei);
            Assert.Null(payable.PendingPayableRowid);
        }
        Assert.Equal((Int128)(4 * TenthOfAToken), node.Totals.PaidPayableWei);
        var stats = (await node.FinancialsAsync(new UiFinancialsRequest(true))).GetPayload<UiFinancialsResponse>().StatsOpt!;
        Assert.Equal(400_000_000UL, stats.TotalPaidPayableGwei);
        Assert.Equal(1_000_000_000UL, stats.TotalUnpaidAndPendingPayableGwei);
    }

    [Fact]
    public async Task A_payment_the_chain_reverts_is_marked_failed_and_never_paid_again()
    {
        // Account 6 has ether for gas but no tokens: its transfer reverts on chain (receipt status 0).
        await using var node = await MoneyNode.StartAsync(chain.Url, GanacheChain.AccountKey(6), GanacheChain.Account(6));
        node.Payables.AddDebt(GanacheChain.Account(7).ToString(), (Int128)TenthOfAToken);
        node.Clock.Advance(PastTheCurve);

        Assert.Null((await node.ScanAsync(UiScanType.Payables)).Error);
        var fingerprint = Assert.Single(node.PendingPayables.ListUnresolved());
        Assert.Equal("0x0", (await chain.ReceiptAsync(fingerprint.TransactionHash))!["status"]!.GetValue<string>());

        Assert.Null((await node.ScanAsync(UiScanType.PendingPayables)).Error);

        Assert.Equal(PendingPayableDao.FailureMark, node.PendingPayables.Get(fingerprint.Rowid)!.ProcessError);
        Assert.Empty(node.PendingPayables.ListUnresolved());
        var payable = node.Payables.Get(GanacheChain.Account(7).ToString())!;
        Assert.Equal((Int128)TenthOfAToken, payable.BalanceWei);
        Assert.Equal(fingerprint.Rowid, payable.PendingPayableRowid);
        Assert.Equal(BigInteger.Zero, await chain.TokenBalanceAsync(GanacheChain.Account(7)));

        Assert.Null((await node.ScanAsync(UiScanType.Payables)).Error);
        Assert.Empty(node.PendingPayables.ListUnresolved());
        Assert.Equal(BigInteger.Zero, await chain.TokenBalanceAsync(GanacheChain.Account(7)));
    }

    [Fact]
    public async Task A_payment_pending_too_long_is_replaced_with_a_higher_gas_price_and_then_confirmed()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, GanacheChain.AccountKey(0), GanacheChain.Account(0));
        node.Payables.AddDebt(GanacheChain.Account(8).ToString(), (Int128)TenthOfAToken);
        node.Clock.Advance(PastTheCurve);
        await chain.CallAsync("miner_stop");
        try
        {
            Assert.Null((await node.ScanAsync(UiScanType.Payables)).Error);
            var original = Assert.Single(node.PendingPayables.ListUnresolved());
            var originalNonce = (await chain.TransactionAsync(original.TransactionHash))["nonce"]!.GetValue<string>();

            Assert.Null((await node.ScanAsync(UiScanType.PendingPayables)).Error);
            Assert.Equal(2, node.PendingPayables.Get(original.Rowid)!.Attempt);
            Assert.Equal(original.TransactionHash, node.PendingPayables.Get(original.Rowid)!.TransactionHash);

            node.Clock.Advance(TimeSpan.FromHours(6));
            Assert.Null((await node.ScanAsync(UiScanType.PendingPayables)).Error);

            var replaced = node.PendingPayables.Get(original.Rowid)!;
            Assert.NotEqual(original.TransactionHash, replaced.TransactionHash);
            Assert.Equal(3, replaced.Attempt);
            var replacement = await chain.TransactionAsync(replaced.TransactionHash);
            Assert.Equal(originalNonce, replacement["nonce"]!.GetValue<string>());
            Assert.Equal((GanacheChain.GasPriceWei * 120 / 100) + 1, GanacheChain.Quantity(replacement["gasPrice"]!.GetValue<string>()));
        }
        finally
        {
            await chain.CallAsync("miner_start");
        }

        await chain.MineAsync(1);
        Assert.Null((await node.ScanAsync(UiScanType.PendingPayables)).Error);

        Assert.Empty(node.PendingPayables.ListUnresolved());
        Assert.Equal(Int128.Zero, node.Payables.Get(GanacheChain.Account(8).ToString())!.BalanceWei);
        Assert.Equal(TenthOfAToken, await chain.TokenBalanceAsync(GanacheChain.Account(8)));
    }

    [Fact]
    public async Task The_gas_price_ceiling_caps_what_the_chain_asks()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, GanacheChain.AccountKey(0), GanacheChain.Account(0), gasPriceCeilingGwei: 15);
        node.Payables.AddDebt(GanacheChain.Account(9).ToString(), (Int128)TenthOfAToken);
        node.Clock.Advance(PastTheCurve);

        Assert.Null((await node.ScanAsync(UiScanType.Payables)).Error);

        var fingerprint = Assert.Single(node.PendingPayables.ListUnresolved());
        var transaction = await chain.TransactionAsync(fingerprint.TransactionHash);
        Assert.Equal(BigInteger.Parse("15000000000", CultureInfo.InvariantCulture), GanacheChain.Quantity(transaction["gasPrice"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Without_a_consuming_wallet_a_payable_scan_fails_and_changes_nothing()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, null, GanacheChain.Account(0));
        node.Payables.AddDebt(GanacheChain.Account(1).ToString(), (Int128)TenthOfAToken);
        node.Clock.Advance(PastTheCurve);

        var reply = await node.ScanAsync(UiScanType.Payables);

        Assert.Equal(UiErrorCodes.Scan, reply.Error!.Code);
        Assert.StartsWith("Payables scan failed: 'No consuming wallet", reply.Error.Message, StringComparison.Ordinal);
        Assert.Empty(node.PendingPayables.ListUnresolved());
        Assert.Null(node.Payables.Get(GanacheChain.Account(1).ToString())!.PendingPayableRowid);
    }
}
