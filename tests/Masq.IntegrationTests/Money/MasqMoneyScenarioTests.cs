using System.Numerics;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Blockchains;
using Masq.Node.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// The reference's <c>verify_pending_payables</c> with real processes (spec §5.3): a Daemon, the Node it launches on
/// the dev chain (ganache) and the real <c>masq</c> binary. The Node's database holds three aged debts before it
/// starts; <c>masq recover-wallets</c> gives it a consuming wallet, <c>masq scan payables</c> pays them on chain,
/// <c>masq scan pendingpayables</c> confirms them, and <c>masq financials</c> shows the totals.
/// </summary>
[Collection(MoneyChainCollection.Name)]
public sealed class MasqMoneyScenarioTests(GanacheChain chain) : IAsyncLifetime
{
    private static readonly BigInteger TenthOfAToken = BigInteger.Pow(10, 17);
    private string _snapshot = string.Empty;

    public async Task InitializeAsync() => _snapshot = await chain.SnapshotAsync();

    public async Task DisposeAsync() => await chain.RevertAsync(_snapshot);

    [Fact]
    public async Task Masq_pays_debts_on_chain_confirms_them_and_shows_the_financials()
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var dataDirectory = daemon.Home.Combine("node", "dev");
        var creditors = new[] { GanacheChain.Account(1), GanacheChain.Account(2), GanacheChain.Account(3) };
        SeedAgedDebts(dataDirectory, creditors);

        Assert.Equal(0, (await daemon.MasqAsync(
            "setup", "--chain", "dev", "--neighborhood-mode", "zero-hop", "--scans", "off", "--log-level", "info",
            "--data-directory", dataDirectory, "--blockchain-service-url", chain.Url.ToString(), "--gas-price", "100",
            "--payment-thresholds", "1000000000|86400|86400|10000000|2592000|10000000")).ExitCode);
        Assert.Equal(0, (await daemon.MasqAsync("start")).ExitCode);
        Assert.Equal(0, (await daemon.MasqAsync("set-password", "booga")).ExitCode);

        var recover = await daemon.MasqAsync(
            "recover-wallets", "--db-password", "booga",
            "--consuming-key", GanacheChain.AccountKeys[0], "--earning-address", GanacheChain.Account(0).ToString());
        Assert.True(recover.ExitCode == 0, recover.StandardOutput + recover.StandardError);
        var addresses = await daemon.MasqAsync("wallet-addresses", "booga");
        Assert.Contains(GanacheChain.Account(0).ToString(), addresses.StandardOutput, StringComparison.OrdinalIgnoreCase);

        var pay = await daemon.MasqAsync("scan", "payables");
        Assert.True(pay.ExitCode == 0, pay.StandardOutput + pay.StandardError);
        foreach (var creditor in creditors)
        {
            Assert.Equal(TenthOfAToken, await chain.TokenBalanceAsync(creditor));
        }

        var confirm = await daemon.MasqAsync("scan", "pendingpayables");
        Assert.True(confirm.ExitCode == 0, confirm.StandardOutput + confirm.StandardError);

        var financials = await daemon.MasqAsync("financials", "--gwei");
        Assert.True(financials.ExitCode == 0, financials.StandardOutput + financials.StandardError);
        // 3 × 0.1 token paid = 300,000,000 gwei; nothing left unpaid.
        var lines = financials.StandardOutput.Split('\n').Select(line => line.Trim()).ToList();
        Assert.Contains(lines, line => line.StartsWith("Paid payable:", StringComparison.Ordinal) && line.EndsWith(" 300,000,000", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Unpaid and pending payable:", StringComparison.Ordinal) && line.EndsWith(" 0", StringComparison.Ordinal));

        var log = await File.ReadAllTextAsync(Directory.GetFiles(dataDirectory, "*.log").Single());
        Assert.Contains("Found 3 pending payables to process", log, StringComparison.Ordinal);
        Assert.Contains("Scan results: Successful: 3, Pending: 0, Failed: 0", log, StringComparison.Ordinal);
        Assert.Contains("has been added to the blockchain", log, StringComparison.Ordinal);
        Assert.Equal(0, (await daemon.MasqAsync("shutdown")).ExitCode);
    }

    /// <summary>Before the Node's first start, as the reference's test does: debts dated 40 days back.</summary>
    private static void SeedAgedDebts(string dataDirectory, IEnumerable<WalletAddress> creditors)
    {
        var databases = new DatabaseInitializer(new ClandestinePortPicker(), NullLogger<DatabaseInitializer>.Instance).OpenOrCreate(dataDirectory, Chain.Dev.Id);
        var payables = new PayableDao(databases, new ManualClock(DateTimeOffset.UtcNow - TimeSpan.FromDays(40)));
        payables.AddDebts(creditors.Select(c => new WalletAmount(c.ToString(), (Int128)TenthOfAToken)).ToList());
        databases.ReleasePooledConnections();
        SqliteConnection.ClearAllPools();
    }
}
