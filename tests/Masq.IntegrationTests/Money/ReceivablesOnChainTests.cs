using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// Incoming payments, bans and the block window on a real ganache (spec §5.4, §5.5): known debtors credited,
/// unknown ones ignored with start_block advanced, delinquent debtors banned and unbanned, and a provider's
/// range-limit error shrinking the window (through a fault-injecting JSON-RPC proxy in front of ganache).
/// </summary>
[Collection(MoneyChainCollection.Name)]
public sealed class ReceivablesOnChainTests(GanacheChain chain) : IAsyncLifetime
{
    private static readonly BigInteger Token = BigInteger.Pow(10, 18);
    private string _snapshot = string.Empty;

    public async Task InitializeAsync()
    {
        _snapshot = await chain.SnapshotAsync();
        // Give the paying accounts some tokens from the deployer.
        foreach (var account in new[] { 4, 5, 7 })
        {
            await chain.TransferTokensAsync(0, GanacheChain.Account(account), 10 * Token);
        }
    }

    public async Task DisposeAsync() => await chain.RevertAsync(_snapshot);

    [Fact]
    public async Task Payments_from_debtors_are_credited_and_unknown_senders_ignored_with_start_block_advanced()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, null, GanacheChain.Account(3));
        node.Receivables.AddDebt(GanacheChain.Account(4).ToString(), (Int128)Token);
        node.Receivables.AddDebt("0x3333333333333333333333333333333333333333", 9_000_000_000);
        node.Configuration.SetStartBlock(0);
        await chain.TransferTokensAsync(4, GanacheChain.Account(3), 4 * Token / 10);
        await chain.TransferTokensAsync(5, GanacheChain.Account(3), Token);
        await chain.TransferTokensAsync(4, GanacheChain.Account(2), Token);
        var latest = await chain.BlockNumberAsync();

        var reply = await node.ScanAsync(UiScanType.Receivables);

        Assert.Null(reply.Error);
        Assert.Equal((Int128)(6 * Token / 10), node.Receivables.Get(GanacheChain.Account(4).ToString())!.BalanceWei);
        Assert.Equal(9_000_000_000, (long)node.Receivables.Get("0x3333333333333333333333333333333333333333")!.BalanceWei);
        Assert.Null(node.Receivables.Get(GanacheChain.Account(5).ToString()));
        Assert.Equal(latest + 1, node.Configuration.GetStartBlock());
        Assert.Equal((Int128)(4 * Token / 10), node.Totals.PaidReceivableWei);

        // Nothing new: a second scan finds nothing and credits nothing twice.
        Assert.Null((await node.ScanAsync(UiScanType.Receivables)).Error);
        Assert.Equal((Int128)(6 * Token / 10), node.Receivables.Get(GanacheChain.Account(4).ToString())!.BalanceWei);
    }

    [Fact]
    public async Task A_delinquent_debtor_is_banned_and_unbanned_once_it_pays()
    {
        await using var node = await MoneyNode.StartAsync(chain.Url, null, GanacheChain.Account(3));
        var debtor = GanacheChain.Account(7);
        node.Receivables.AddDebt(debtor.ToString(), (Int128)Token);
        node.Configuration.SetStartBlock(await chain.BlockNumberAsync() + 1);
        Assert.Null((await node.ScanAsync(UiScanType.Receivables)).Error);
        Assert.False(node.Bans.IsBanned(debtor));

        // Past maturity + grace + the whole interval, 1 token is far above the line: banned.
        node.Clock.Advance(TimeSpan.FromSeconds(86_400 + 86_400 + 2_592_000 + 1));
        Assert.Null((await node.ScanAsync(UiScanType.Receivables)).Error);
        Assert.True(node.Bans.IsBanned(debtor));

        // It pays all but 0.005 token (5e6 gwei, below the 1e7 gwei unban level).
        await chain.TransferTokensAsync(7, GanacheChain.Account(3), Token - (5 * Token / 1000));
        Assert.Null((await node.ScanAsync(UiScanType.Receivables)).Error);
        Assert.Equal((Int128)(5 * Token / 1000), node.Receivables.Get(debtor.ToString())!.BalanceWei);
        Assert.True(node.Bans.IsBanned(debtor));

        Assert.Null((await node.ScanAsync(UiScanType.Receivables)).Error);
        Assert.False(node.Bans.IsBanned(debtor));
    }

    [Fact]
    public async Task A_range_limit_error_shrinks_the_block_window_and_the_next_scan_succeeds()
    {
        await chain.MineAsync(700);
        await using var proxy = await FaultyRpcProxy.StartAsync(chain.Url, maxLogRange: 500);
        await using var node = await MoneyNode.StartAsync(proxy.Url, null, GanacheChain.Account(3));
        node.Receivables.AddDebt(GanacheChain.Account(4).ToString(), (Int128)Token);
        node.Configuration.SetStartBlock(0);
        await chain.TransferTokensAsync(4, GanacheChain.Account(3), Token / 10);

        var failed = await node.ScanAsync(UiScanType.Receivables);

        Assert.Equal(UiErrorCodes.Scan, failed.Error!.Code);
        Assert.Contains("max: 500", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(500UL, node.Configuration.GetMaxBlockCount());
        Assert.Equal(0UL, node.Configuration.GetStartBlock());

        var latest = await chain.BlockNumberAsync();
        var scans = 0;
        while (node.Configuration.GetStartBlock() <= latest && scans++ < 10)
        {
            Assert.Null((await node.ScanAsync(UiScanType.Receivables)).Error);
        }

        Assert.Equal(latest + 1, node.Configuration.GetStartBlock());
        Assert.True(scans >= 2);
        Assert.All(proxy.LogRanges, range => Assert.True(range <= 500, $"asked for {range} blocks"));
        Assert.Equal((Int128)(9 * Token / 10), node.Receivables.Get(GanacheChain.Account(4).ToString())!.BalanceWei);
    }

    [Fact]
    public async Task A_service_that_is_down_rate_limits_or_answers_garbage_fails_the_scan_and_changes_nothing()
    {
        await using var down = await MoneyNode.StartAsync(new Uri($"http://127.0.0.1:{Infrastructure.Ports.Free()}/"), null, GanacheChain.Account(3));
        down.Configuration.SetStartBlock(5);
        var unreachable = await down.ScanAsync(UiScanType.Receivables);
        Assert.Equal(UiErrorCodes.Scan, unreachable.Error!.Code);
        Assert.Contains("cannot be reached", unreachable.Error.Message, StringComparison.Ordinal);
        Assert.Equal(5UL, down.Configuration.GetStartBlock());

        await using var limited = await FaultyRpcProxy.StartAsync(chain.Url, fault: FaultyRpcProxy.Fault.RateLimit);
        await using var rateLimited = await MoneyNode.StartAsync(limited.Url, null, GanacheChain.Account(3));
        var refused = await rateLimited.ScanAsync(UiScanType.Receivables);
        Assert.Contains("rate-limiting", refused.Error!.Message, StringComparison.Ordinal);

        await using var garbage = await FaultyRpcProxy.StartAsync(chain.Url, fault: FaultyRpcProxy.Fault.Garbage);
        await using var confused = await MoneyNode.StartAsync(garbage.Url, GanacheChain.AccountKey(0), GanacheChain.Account(3));
        confused.Payables.AddDebt(GanacheChain.Account(1).ToString(), (Int128)Token);
        confused.Clock.Advance(TimeSpan.FromDays(40));
        var nonsense = await confused.ScanAsync(UiScanType.Payables);
        Assert.Equal(UiErrorCodes.Scan, nonsense.Error!.Code);
        Assert.Contains("not JSON", nonsense.Error.Message, StringComparison.Ordinal);
        Assert.Empty(confused.PendingPayables.ListUnresolved());
        Assert.Null(confused.Payables.Get(GanacheChain.Account(1).ToString())!.PendingPayableRowid);

        await using var none = await MoneyNode.StartAsync(null, null, GanacheChain.Account(3));
        var uninitialized = await none.ScanAsync(UiScanType.Receivables);
        Assert.Contains("blockchain-service-url", uninitialized.Error!.Message, StringComparison.Ordinal);
    }
}
