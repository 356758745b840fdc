using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Infrastructure;
using Masq.IntegrationTests.Money;
using Masq.IntegrationTests.Neighborhood;
using Masq.Lib.Ui.Messages;
using Xunit.Abstractions;

namespace Masq.IntegrationTests.MoneyMesh;

/// <summary>
/// Money end to end with real processes: ganache with the test token at the <c>dev</c> chain's contract
/// address, seven real Nodes on the <c>dev</c> chain (each with its own earning wallet; the originator's consuming
/// wallet is ganache's account 0, which holds the tokens and ether), real traffic over a gossip-chosen 3-hop route,
/// and then the money: the originator's payables equal the serving Nodes' receivables to the wei, a payable scan pays
/// exactly those amounts on chain, the pending-payable scan confirms them, and the serving Nodes' receivable scans
/// find the Transfer logs and clear their receivables. <c>financials</c> is checked through the UI and through the
/// real <c>masq</c> binary.
/// </summary>
/// <remarks>
/// The Nodes are members of a <see cref="RealMesh"/> on the dev chain, with scans on and explicit addresses, earning
/// wallets and (for the originator) consuming key.
/// The Nodes, the destination and the DNS server live on 127.0.3.x (the neighborhood mesh uses 127.0.1.x), and the
/// thresholds make any debt older than a second payable in full, with bans out of reach (grace period 10^6 s).
/// The originator's scans run when the test asks (UI <c>scan payables</c>, <c>masq scan pendingpayables</c>); its
/// intervals are an hour so that no scan pays half of the traffic while the download runs. The serving Nodes scan for
/// receivables every 5 s by themselves; the test also asks them once before and once after the payments.
/// </remarks>
[Collection(IntegrationCollection.Name)]
public sealed class MoneyMeshTests(ITestOutputHelper output)
{
    private const string Host = "files.money.masq.test";
    private const long BlobLength = 5 * 1024 * 1024;
    private const int BlobSeed = 55;
    private const int RelayCount = 6;
    private const int OriginatorAccount = 0;

    /// <summary>debt 1,000 gwei | maturity 0 s | grace 10^6 s | permanent 0 gwei | interval 1 s | unban below 0 gwei.</summary>
    private const string PaymentThresholds = "1000|0|1000000|0|1|0";

    /// <summary>pending payable | payable | receivable, in seconds: the serving Nodes' receivable scans run by themselves.</summary>
    private const string RelayScanIntervals = "3600|3600|5";

    /// <summary>The originator's scans run when the test asks (the first ones, with nothing to do, when it finds a route).</summary>
    private const string OriginatorScanIntervals = "3600|3600|3600";

    private static readonly IPAddress DestinationAddress = IPAddress.Parse("127.0.3.200");
    private static readonly IPAddress DnsAddress = IPAddress.Parse("127.0.3.153");
    private static readonly BigInteger WeiPerGwei = 1_000_000_000;

    /// <summary>Failure guards only (a Node's start is guarded by <see cref="RealMesh.StartTimeout"/>).</summary>
    private static readonly TimeSpan RouteTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ScanTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Traffic_through_a_real_mesh_is_paid_on_chain_exactly_as_recorded_and_financials_show_it()
    {
        var clock = Stopwatch.StartNew();
        var chain = new GanacheChain();
        RealMesh? mesh = null;
        Destination? destination = null;
        Dnsmasq? dns = null;
        try
        {
            await chain.InitializeAsync();
            mesh = new RealMesh(DnsAddress, chain: "dev");
            destination = await Destination.StartAsync(DestinationAddress, FreePorts.On(DestinationAddress), FreePorts.On(DestinationAddress), [Host]);
            dns = await Dnsmasq.StartAsync(DnsAddress, new Dictionary<string, IPAddress> { [Host] = DestinationAddress });
            Log(clock, $"ganache at {chain.Url}, destination and dns up");

            // Relays earn into ganache accounts 1–6 (no tokens yet) and have random consuming keys (they never pay); the
            // originator pays from account 0 and earns into 7.
            RealMesh members = mesh;
            string Report() => members.Report();

            // The neighborhood tests' topology: relay-0 alone, the other relays debut to it, the originator to the last.
            var first = await mesh.StartNodeAsync(RelayOptions(chain, 0, []), "relay-0");
            var others = new MeshMember[RelayCount - 1];
            using (var slots = new SemaphoreSlim(2))
            {
                await Task.WhenAll(Enumerable.Range(1, RelayCount - 1).Select(async i =>
                {
                    await slots.WaitAsync();
                    try
                    {
                        others[i - 1] = await mesh.StartNodeAsync(RelayOptions(chain, i, [first.Descriptor]), $"relay-{i}");
                    }
                    finally
                    {
                        slots.Release();
                    }
                }));
            }

            List<MeshMember> relays = [first, .. others];
            var originator = await mesh.StartNodeAsync(
                Options(chain, [relays[^1].Descriptor], OriginatorScanIntervals) with
                {
                    Ip = IPAddress.Parse("127.0.3.7"),
                    EarningWallet = GanacheChain.Account(7).ToString(),
                    ConsumingPrivateKey = GanacheChain.AccountKeys[OriginatorAccount],
                },
                "originator");
            Assert.StartsWith("masq://dev:", originator.Descriptor, StringComparison.Ordinal);
            await mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, RouteTimeout);
            Log(clock, "originator found a route");

            // Every serving Node scans once before the money moves, so its log scan starts below the payments' blocks.
            foreach (var relay in relays)
            {
                await relay.ScanAsync(UiScanType.Receivables, ScanTimeout);
            }

            foreach (var relay in relays)
            {
                Assert.Equal(BigInteger.Zero, await chain.TokenBalanceAsync(Wallet(relay)));
            }

            var originatorTokensBefore = await chain.TokenBalanceAsync(GanacheChain.Account(OriginatorAccount));

            // Real traffic: a 5 MB blob through the originator's forward proxy, checked byte for byte.
            var download = await DownloadAsync(originator.ProxyUri, $"http://{Host}:{destination.HttpPort.ToString(CultureInfo.InvariantCulture)}/blob/{BlobLength}/{BlobSeed}");
            Assert.True(
                download.ExitCode == 0 && download.Length == BlobLength && download.Sha256 == Blob.Sha256(BlobLength, BlobSeed),
                $"curl through {originator} got exit {download.ExitCode}, {download.Length} of {BlobLength} bytes, sha256 {download.Sha256}: {download.Error}\n{Report()}");
            Log(clock, "5 MB downloaded intact");

            // The charges are recorded by the Accountants as the data passes; wait (guard only) until both sides agree.
            var payer = GanacheChain.Account(OriginatorAccount).ToString();
            var byWallet = relays.ToDictionary(EarningWallet, StringComparer.OrdinalIgnoreCase);
            IReadOnlyDictionary<string, LedgerPayable> payables = new Dictionary<string, LedgerPayable>();
            Dictionary<string, BigInteger> receivables = [];
            var settleDeadline = DateTime.UtcNow + SettleTimeout;
            while (true)
            {
                payables = NodeLedger.Payables(originator.DatabaseFile);
                receivables = relays
                    .Select(r => (Wallet: EarningWallet(r), Rows: NodeLedger.Receivables(r.DatabaseFile)))
                    .Where(r => r.Rows.Count > 0)
                    .ToDictionary(r => r.Wallet, r => r.Rows.TryGetValue(payer, out var wei) ? wei : BigInteger.MinusOne, StringComparer.OrdinalIgnoreCase);
                if ((payables.Count > 0 && Agree(payables, receivables)) || DateTime.UtcNow > settleDeadline)
                {
                    break;
                }

                await Task.Delay(500);
            }

            // A disagreement is reported at the end: the money is still followed to see where the difference goes.
            var disagreements = new List<string>();
            if (!Agree(payables, receivables))
            {
                disagreements.Add($"after {SettleTimeout.TotalSeconds:0} s the originator's payables differ from the serving Nodes' receivables against {payer}:\n"
                    + string.Join('\n', payables.Keys.Union(receivables.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Select(w =>
                    {
                        var owed = payables.TryGetValue(w, out var p) ? p.BalanceWei : BigInteger.Zero;
                        var earned = receivables.TryGetValue(w, out var r) ? r : BigInteger.Zero;
                        return $"  {w} ({(byWallet.TryGetValue(w, out var n) ? n.Name : "?")}): payable {owed} wei, receivable {earned} wei, payable − receivable = {owed - earned} wei";
                    })));
            }

            output.WriteLine($"payables (wei): {Describe(payables.ToDictionary(p => p.Key, p => p.Value.BalanceWei))}");
            output.WriteLine($"receivables (wei): {Describe(receivables)}");
            // A 3-hop route: two relays and an exit Node at least, all of them ours, nobody else charged.
            Assert.True(payables.Count >= 3, $"only {payables.Count} creditors for a 3-hop route: {Describe(payables.ToDictionary(p => p.Key, p => p.Value.BalanceWei))}");
            Assert.All(payables.Keys, wallet => Assert.True(byWallet.ContainsKey(wallet), $"{wallet} is no relay's earning wallet"));
            Assert.All(payables.Values, p => Assert.True(p.BalanceWei > 0 && p.PendingPayableRowid is null, $"{p}"));
            foreach (var relay in relays)
            {
                var rows = NodeLedger.Receivables(relay.DatabaseFile);
                Assert.True(rows.Keys.All(w => string.Equals(w, payer, StringComparison.OrdinalIgnoreCase)), $"{relay.Name} charged someone else: {Describe(rows.ToDictionary())}");
            }

            // financials through the UI: payables per wallet (gwei) equal the serving Nodes' receivables against the payer.
            var originatorFinancials = await originator.FinancialsAsync();
            var payableRows = originatorFinancials.QueryResultsOpt!.PayableOpt!;
            BigInteger owedWei = payables.Values.Aggregate(BigInteger.Zero, (sum, p) => sum + p.BalanceWei);
            Assert.Equal((ulong)(owedWei / WeiPerGwei), originatorFinancials.StatsOpt!.TotalUnpaidAndPendingPayableGwei);
            Assert.Equal(0UL, originatorFinancials.StatsOpt.TotalPaidPayableGwei);
            foreach (var payable in payables.Values.Where(p => p.BalanceWei >= WeiPerGwei))
            {
                var row = Assert.Single(payableRows, r => string.Equals(r.Wallet, payable.Wallet, StringComparison.OrdinalIgnoreCase));
                Assert.Equal((ulong)(payable.BalanceWei / WeiPerGwei), row.BalanceGwei);
                Assert.Null(row.PendingPayableHashOpt);
                var serverFinancials = await byWallet[payable.Wallet].FinancialsAsync();
                var receivableRow = Assert.Single(serverFinancials.QueryResultsOpt!.ReceivableOpt!);
                Assert.Equal(payer, receivableRow.Wallet, ignoreCase: true);
                Assert.Equal((long)(Earned(receivables, payable.Wallet) / WeiPerGwei), receivableRow.BalanceGwei);
                Assert.Equal(receivableRow.BalanceGwei, serverFinancials.StatsOpt!.TotalUnpaidReceivableGwei);
                if ((long)row.BalanceGwei != receivableRow.BalanceGwei)
                {
                    disagreements.Add($"financials: the originator owes {payable.Wallet} {row.BalanceGwei} gwei, its Node's receivable is {receivableRow.BalanceGwei} gwei");
                }
            }

            // The same through the real masq binary.
            var cli = await originator.MasqAsync("financials", "--gwei", "--top", "20");
            Assert.True(cli.ExitCode == 0, $"masq financials: {cli.StandardOutput}{cli.StandardError}");
            output.WriteLine("masq financials --gwei --top 20 (originator, before paying):\n" + cli.StandardOutput);
            AssertStatsLine(cli.StandardOutput, "Unpaid and pending payable:", (owedWei / WeiPerGwei).ToString("N0", CultureInfo.InvariantCulture));
            foreach (var payable in payables.Values.Where(p => p.BalanceWei >= WeiPerGwei))
            {
                var line = cli.StandardOutput.Split('\n').SingleOrDefault(l => l.Contains(payable.Wallet, StringComparison.OrdinalIgnoreCase));
                Assert.True(line is not null, $"masq financials lists no payable row for {payable.Wallet}:\n{cli.StandardOutput}");
                var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal((payable.BalanceWei / WeiPerGwei).ToString("N0", CultureInfo.InvariantCulture), cells[3]);
                Assert.Equal("None", cells[4]);
            }

            // Paying: one payable scan sends a transfer per creditor of exactly the recorded amount.
            var etherBefore = await chain.EtherBalanceAsync(GanacheChain.Account(OriginatorAccount));
            await originator.ScanAsync(UiScanType.Payables, ScanTimeout);
            Log(clock, "payable scan done");
            var afterPaying = NodeLedger.Payables(originator.DatabaseFile);
            foreach (var payable in payables.Values)
            {
                Assert.Equal(payable.BalanceWei, await chain.TokenBalanceAsync(Wallet(byWallet[payable.Wallet])));
            }

            foreach (var relay in relays.Where(r => !payables.ContainsKey(EarningWallet(r))))
            {
                Assert.Equal(BigInteger.Zero, await chain.TokenBalanceAsync(Wallet(relay)));
            }

            Assert.Equal(originatorTokensBefore - owedWei, await chain.TokenBalanceAsync(GanacheChain.Account(OriginatorAccount)));
            var fingerprints = NodeLedger.PendingPayables(originator.DatabaseFile);
            BigInteger gasWei = BigInteger.Zero;
            foreach (var fingerprint in fingerprints)
            {
                var receipt = await chain.ReceiptAsync(fingerprint.Hash);
                Assert.True(receipt is not null, $"no receipt for {fingerprint.Hash}");
                Assert.Equal("0x1", receipt["status"]!.GetValue<string>());
                gasWei += GanacheChain.Quantity(receipt["gasUsed"]!.GetValue<string>()) * GanacheChain.Quantity(receipt["effectiveGasPrice"]?.GetValue<string>() ?? "0x4a817c800");
            }

            Assert.Equal(BigInteger.Zero, etherBefore - gasWei - await chain.EtherBalanceAsync(GanacheChain.Account(OriginatorAccount)));
            // Each creditor has its payment in flight, and financials shows its transaction.
            Assert.Equal(payables.Count, fingerprints.Count);
            Assert.Equal(owedWei, fingerprints.Aggregate(BigInteger.Zero, (sum, f) => sum + f.AmountWei));
            Assert.All(afterPaying.Values, p => Assert.Contains(fingerprints, f => f.Rowid == p.PendingPayableRowid && f.Error is null));
            var pendingRows = (await originator.FinancialsAsync()).QueryResultsOpt!.PayableOpt!;
            foreach (var row in pendingRows)
            {
                var fingerprint = fingerprints.Single(f => f.Rowid == afterPaying[row.Wallet].PendingPayableRowid);
                Assert.Equal(fingerprint.Hash, row.PendingPayableHashOpt, ignoreCase: true);
            }

            // Confirming: masq scan pendingpayables fetches the receipts.
            var confirm = await originator.MasqAsync("scan", "pendingpayables");
            Assert.True(confirm.ExitCode == 0, $"masq scan pendingpayables: {confirm.StandardOutput}{confirm.StandardError}");
            var settled = NodeLedger.Payables(originator.DatabaseFile);
            Assert.All(settled.Values, p => Assert.True(p.BalanceWei == 0 && p.PendingPayableRowid is null, $"after confirmation: {p}"));
            Assert.Empty(NodeLedger.PendingPayables(originator.DatabaseFile));
            var paidFinancials = await originator.FinancialsAsync();
            Assert.Equal(0UL, paidFinancials.StatsOpt!.TotalUnpaidAndPendingPayableGwei);
            Assert.Equal((ulong)(owedWei / WeiPerGwei), paidFinancials.StatsOpt.TotalPaidPayableGwei);
            var paidCli = await originator.MasqAsync("financials", "--gwei");
            Assert.True(paidCli.ExitCode == 0, $"masq financials: {paidCli.StandardOutput}{paidCli.StandardError}");
            output.WriteLine("masq financials --gwei (originator, paid):\n" + paidCli.StandardOutput);
            AssertStatsLine(paidCli.StandardOutput, "Unpaid and pending payable:", "0");
            AssertStatsLine(paidCli.StandardOutput, "Paid payable:", (owedWei / WeiPerGwei).ToString("N0", CultureInfo.InvariantCulture));
            Log(clock, "payments confirmed");

            // Receiving: each serving Node's receivable scan finds its Transfer log and clears the payer's debt to the wei.
            foreach (var payable in payables.Values)
            {
                var server = byWallet[payable.Wallet];
                await server.ScanAsync(UiScanType.Receivables, ScanTimeout);
                var rows = NodeLedger.Receivables(server.DatabaseFile);
                var expectedLeft = Earned(receivables, payable.Wallet) - payable.BalanceWei;
                Assert.True(rows.TryGetValue(payer, out var left) && left == expectedLeft, $"{server.Name} has {Describe(rows.ToDictionary())} after its receivable scan, want {expectedLeft} wei left\n{server.Tail(60)}");
                var stats = (await server.FinancialsAsync()).StatsOpt!;
                output.WriteLine($"{server.Name}: receivable {Earned(receivables, payable.Wallet)} wei, paid {payable.BalanceWei} wei, left {left} wei; financials unpaid {stats.TotalUnpaidReceivableGwei} gwei, paid {stats.TotalPaidReceivableGwei} gwei");
                Assert.Equal((ulong)(payable.BalanceWei / WeiPerGwei), stats.TotalPaidReceivableGwei);
                if (left == 0)
                {
                    Assert.Equal(0L, stats.TotalUnpaidReceivableGwei);
                }
                else
                {
                    disagreements.Add($"{server.Name} was paid {payable.BalanceWei} wei for a receivable of {Earned(receivables, payable.Wallet)} wei: {left} wei left after its receivable scan");
                }
            }

            // masq financials on a serving Node that was paid exactly what it had recorded (the biggest such one).
            var exitOrRelay = byWallet[payables.Values.Where(p => Earned(receivables, p.Wallet) == p.BalanceWei).DefaultIfEmpty(payables.Values.First()).MaxBy(p => p.BalanceWei)!.Wallet];
            var serverCli = await exitOrRelay.MasqAsync("financials", "--gwei");
            Assert.True(serverCli.ExitCode == 0, $"masq financials: {serverCli.StandardOutput}{serverCli.StandardError}");
            output.WriteLine($"masq financials --gwei ({exitOrRelay.Name}, paid):\n" + serverCli.StandardOutput);
            if (Earned(receivables, EarningWallet(exitOrRelay)) == payables[EarningWallet(exitOrRelay)].BalanceWei)
            {
                AssertStatsLine(serverCli.StandardOutput, "Unpaid receivable:", "0");
            }

            AssertStatsLine(serverCli.StandardOutput, "Paid receivable:", (payables[EarningWallet(exitOrRelay)].BalanceWei / WeiPerGwei).ToString("N0", CultureInfo.InvariantCulture));
            Log(clock, "receivables cleared");
            Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
        }
        catch
        {
            output.WriteLine(mesh?.Report(lines: 80));
            throw;
        }
        finally
        {
            // The test's own database connections go before the mesh deletes the Nodes' directories.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (mesh is not null)
            {
                await mesh.DisposeAsync();
            }

            if (dns is not null)
            {
                await dns.DisposeAsync();
            }

            if (destination is not null)
            {
                await destination.DisposeAsync();
            }

            await chain.DisposeAsync();
            Log(clock, "torn down");
        }
    }

    /// <summary>How every Node of this mesh starts: the dev chain against ganache, scans on, the test's thresholds.</summary>
    private static MeshNodeOptions Options(GanacheChain chain, IReadOnlyList<string> neighbors, string scanIntervals) => new()
    {
        Neighbors = neighbors,
        MinHops = 3,
        LogLevel = "info",
        DnsServer = DnsAddress,
        BlockchainServiceUrl = chain.Url.ToString(),
        Scans = true,
        ExtraArguments = ["--scan-intervals", scanIntervals, "--payment-thresholds", PaymentThresholds],
    };

    /// <summary>Relay <paramref name="index"/>: 127.0.3.(index + 1), earning into ganache account index + 1.</summary>
    private static MeshNodeOptions RelayOptions(GanacheChain chain, int index, IReadOnlyList<string> neighbors) =>
        Options(chain, neighbors, RelayScanIntervals) with
        {
            Ip = IPAddress.Parse($"127.0.3.{(index + 1).ToString(CultureInfo.InvariantCulture)}"),
            EarningWallet = GanacheChain.Account(index + 1).ToString(),
        };

    private static string EarningWallet(MeshMember member) =>
        member.Options.EarningWallet ?? throw new InvalidOperationException($"{member.Name} was started without an earning wallet");

    private static Masq.Lib.Blockchains.WalletAddress Wallet(MeshMember node) => Masq.Lib.Blockchains.WalletAddress.Parse(EarningWallet(node));

    /// <summary>Every creditor has a serving Node whose receivable against the payer is the same to the wei, and back.</summary>
    private static bool Agree(IReadOnlyDictionary<string, LedgerPayable> payables, Dictionary<string, BigInteger> receivables) =>
        payables.Count == receivables.Count
        && payables.All(p => receivables.TryGetValue(p.Key, out var wei) && wei == p.Value.BalanceWei);

    private static BigInteger Earned(Dictionary<string, BigInteger> receivables, string wallet) =>
        receivables.TryGetValue(wallet, out var wei) ? wei : BigInteger.Zero;

    private static async Task<(int ExitCode, string Sha256, long Length, string Error)> DownloadAsync(Uri proxy, string url)
    {
        string file = Path.Combine(Path.GetTempPath(), $"masq-money-curl-{Guid.NewGuid():N}");
        try
        {
            var result = await ProcessRunner.RunAsync("curl", ["-sS", "--max-time", "300", "-x", proxy.ToString(), "-o", file, url], timeout: TimeSpan.FromSeconds(330));
            if (!File.Exists(file))
            {
                return (result.ExitCode, string.Empty, 0, result.StandardError);
            }

            await using var stream = File.OpenRead(file);
            return (result.ExitCode, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)), stream.Length, result.StandardError);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertStatsLine(string text, string label, string value)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.True(line is not null && line[label.Length..].Trim() == value, $"want '{label} {value}' in:\n{text}");
    }

    private static string Describe<T>(IReadOnlyDictionary<string, T> rows) => string.Join(", ", rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));

    private void Log(Stopwatch clock, string what) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,7:0.0} s] {what}");
}
