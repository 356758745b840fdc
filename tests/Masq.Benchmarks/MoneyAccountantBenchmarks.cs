using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Masq.Daemon.Ui;
using Masq.Lib.Blockchains;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Persistence;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Benchmarks;

/// <summary>
/// What the Accountant costs the data path: 10,000 service reports (a 3-hop request or response each: one exit and
/// two relays) through <see cref="IAccountant.ReportAsync"/> until they are recorded, with the batched database
/// writes on and off. The difference is the database's share; reporting itself only enqueues.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet stops and disposes it in the [GlobalCleanup] method.")]
public class MoneyAccountantBenchmarks
{
    private const int Reports = 10_000;

    private readonly WalletAddress[] _providers = Enumerable.Range(1, 12).Select(i => WalletAddress.Parse("0x" + i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    private string _directory = null!;
    private AccountantActor _accountant = null!;
    private MoneyFlushProbe _probe = null!;
    private ulong _contextId;

    [Params(true, false)]
    public bool WriteCharges { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "masq-bench-" + Guid.NewGuid().ToString("N"));
        var database = new DatabaseInitializer(new ClandestinePortPicker(), NullLogger<DatabaseInitializer>.Instance).OpenOrCreate(_directory, "dev");
        _probe = new MoneyFlushProbe();
        _accountant = new AccountantActor(
            new PayableDao(database, TimeProvider.System),
            new ReceivableDao(database, TimeProvider.System),
            new PaymentDao(database),
            new NodeWallets(null, null),
            new FinancialTotals(),
            new AccountantOptions { WriteCharges = WriteCharges },
            _probe,
            TimeProvider.System,
            new NodeFailure(),
            NullLogger<AccountantActor>.Instance);
        _accountant.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _accountant.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _accountant.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "10,000 three-hop reports, recorded")]
    public async Task ReportAndRecord()
    {
        for (var i = 0; i < Reports; i++)
        {
            var exit = _providers[i % 4];
            await _accountant.ReportAsync(new ServicesConsumed(
                new ConsumedService(exit, 107_688, 107_688, 1_400),
                [new ConsumedService(_providers[4 + (i % 4)], 53_844, 53_844, 1_600), new ConsumedService(_providers[8 + (i % 4)], 53_844, 53_844, 1_600)]));
        }

        // financials writes what is pending first, so its answer means everything is recorded.
        var answered = _probe.Next();
        await _accountant.PostUiAsync(new UiRequest(1, UiEnvelope.From(new UiFinancialsRequest(true), ++_contextId)), CancellationToken.None);
        await answered;
    }
}
