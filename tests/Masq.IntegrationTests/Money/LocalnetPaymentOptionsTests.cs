using System.Globalization;
using System.Text.Json;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// Money on a localnet, with the real <c>masq</c> and MASQNode on the shared ganache: <c>localnet up</c>'s
/// payment options reach the Node (its <c>configuration</c> shows them), <c>up</c> prints the wallets the Node reports,
/// <c>wallet-addresses</c> shows them with where they come from, <c>scan payables</c> says what it did and
/// <c>financials --wei</c> shows the totals in wei.
/// </summary>
[Collection(MoneyChainCollection.Name)]
public sealed class LocalnetPaymentOptionsTests(GanacheChain chain, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Thresholds = "1000|0|1000000|0|1|0";
    private const string Intervals = "3600|3601|3602";
    private const string RatePack = "11|12|13|14";

    private readonly TestDirectory _directory = new();
    private string _snapshot = string.Empty;

    public async Task InitializeAsync() => _snapshot = await chain.SnapshotAsync();

    public async Task DisposeAsync()
    {
        await MasqAsync("localnet", "down", "--data-directory", _directory.Path);
        await chain.RevertAsync(_snapshot);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Localnet_payment_options_reach_the_Node_and_scan_financials_and_wallets_say_what_they_know()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // An address block and port range of this run's own, away from other tests that run Nodes at the same time.
        var block = Random.Shared.Next(1, 250).ToString(CultureInfo.InvariantCulture);
        var firstPort = (23000 + Random.Shared.Next(0, 9000)).ToString(CultureInfo.InvariantCulture);
        var up = await MasqAsync(
            "localnet", "up", "1", "--data-directory", _directory.Path, "--base-ip", $"127.94.{block}.2", "--first-port", firstPort,
            "--min-hops", "1", "--blockchain-service-url", chain.Url.ToString(),
            "--payment-thresholds", Thresholds, "--scan-intervals", Intervals, "--rate-pack", RatePack);
        output.WriteLine(up.ToString());
        Assert.True(up.ExitCode == 0, up.ToString());

        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.Path, "localnet.json")));
        var node = state.RootElement.GetProperty("nodes")[0];
        var uiPort = node.GetProperty("uiPort").GetInt32();
        var password = node.GetProperty("dbPassword").GetString()!;
        var consuming = node.GetProperty("consumingWallet").GetString()!;
        var earning = node.GetProperty("earningWallet").GetString()!;
        Assert.Matches("^0x[0-9a-f]{40}$", consuming);
        Assert.Matches("^0x[0-9a-f]{40}$", earning);
        Assert.Contains($"  consuming wallet: {consuming}", up.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"  earning wallet:   {earning}", up.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Note: payment thresholds {Thresholds}; scan intervals {Intervals} s.", up.StandardOutput, StringComparison.Ordinal);

        // The options reached the Node: its configuration holds them.
        var client = await UiClient.ConnectAsync(uiPort, TimeSpan.FromSeconds(5));
        await using (client)
        {
            var configuration = await client.TransactAsync<UiConfigurationRequest, UiConfigurationResponse>(new UiConfigurationRequest(null), TimeSpan.FromSeconds(10));
            Assert.Equal(new UiPaymentThresholds(ThresholdIntervalSec: 1, DebtThresholdGwei: 1000, PaymentGracePeriodSec: 1_000_000, MaturityThresholdSec: 0, PermanentDebtAllowedGwei: 0, UnbanBelowGwei: 0), configuration.PaymentThresholds);
            Assert.Equal(new UiScanIntervals(3600, 3601, 3602), configuration.ScanIntervals);
            Assert.Equal(new UiRatePack(11, 12, 13, 14), configuration.RatePack);
        }

        // wallet-addresses: the key it pays with and the earning wallet it was started with, though nothing is stored.
        var wallets = await MasqAsync("--ui-port", Port(uiPort), "wallet-addresses", password);
        output.WriteLine(wallets.ToString());
        Assert.True(wallets.ExitCode == 0, wallets.ToString());
        Assert.Contains($"Your consuming wallet address: {consuming}", wallets.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Your   earning wallet address: {earning}", wallets.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("derived from the consuming private key the Node was started with", wallets.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("not derived from a mnemonic phrase", wallets.StandardOutput, StringComparison.Ordinal);

        // scan payables says what it did: there is nothing to pay yet.
        var scan = await MasqAsync("--ui-port", Port(uiPort), "scan", "payables");
        output.WriteLine(scan.ToString());
        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.Equal("Payables scan: Found no payables; nothing to pay", scan.StandardOutput.Trim());

        var receivables = await MasqAsync("--ui-port", Port(uiPort), "scan", "receivables");
        Assert.True(receivables.ExitCode == 0, receivables.ToString());
        Assert.StartsWith("Receivables scan: ", receivables.StandardOutput, StringComparison.Ordinal);

        // financials --wei: the totals in wei.
        var financials = await MasqAsync("--ui-port", Port(uiPort), "financials", "--wei");
        output.WriteLine(financials.ToString());
        Assert.True(financials.ExitCode == 0, financials.ToString());
        Assert.Contains("Financial status totals in wei", financials.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"Paid payable:\s+0\n", financials.StandardOutput);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static Task<ProcessResult> MasqAsync(params string[] args) =>
        ProcessRunner.RunAsync(MasqBinaries.Cli, args, new Dictionary<string, string> { ["MASQ_NODE_PATH"] = MasqBinaries.Node }, timeout: TimeSpan.FromSeconds(180));
}
