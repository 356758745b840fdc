using Masq.Daemon.Ui;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Blockchain;
using Masq.Node.Configuration;
using Masq.Node.Hosting;
using Masq.Node.Persistence;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Masq.IntegrationTests.Money;

/// <summary>
/// A Node composed exactly as the host composes it (<see cref="NodeComposition.AddMasqNode"/>), of which only the
/// money actors run, on a real database file, talking to a real chain; its clock is moved by hand so debts can age by days.
/// </summary>
internal sealed class MoneyNode : IAsyncDisposable
{
    /// <summary>The reference's bill-payment thresholds: 1e9 gwei | 86,400 s | 86,400 s | 1e7 gwei | 2,592,000 s | 1e7 gwei.</summary>
    public static readonly PaymentThresholds BillPaymentThresholds = new(1_000_000_000, 86_400, 86_400, 10_000_000, 2_592_000, 10_000_000);

    private readonly ServiceProvider _services;
    private readonly TestDirectory _directory;
    private ulong _contextId;

    private MoneyNode(ServiceProvider services, TestDirectory directory, ManualClock clock)
    {
        _services = services;
        _directory = directory;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    public RecordingUiOutbound Outbound => (RecordingUiOutbound)_services.GetRequiredService<IUiOutbound>();

    public IPersistentConfiguration Configuration => _services.GetRequiredService<IPersistentConfiguration>();

    public PayableDao Payables => _services.GetRequiredService<PayableDao>();

    public ReceivableDao Receivables => _services.GetRequiredService<ReceivableDao>();

    public PendingPayableDao PendingPayables => _services.GetRequiredService<PendingPayableDao>();

    public IBannedWallets Bans => _services.GetRequiredService<IBannedWallets>();

    public IAccountant Accountant => _services.GetRequiredService<IAccountant>();

    public FinancialTotals Totals => _services.GetRequiredService<FinancialTotals>();

    public NodeWallets Wallets => _services.GetRequiredService<NodeWallets>();

    public static async Task<MoneyNode> StartAsync(
        Uri? blockchainServiceUrl,
        byte[]? consumingKey,
        WalletAddress? earningWallet,
        PaymentThresholds? thresholds = null,
        ulong gasPriceCeilingGwei = 100,
        BlockchainOptions? blockchainOptions = null)
    {
        var directory = new TestDirectory();
        var settings = TestNode.Settings(
            directory.Path,
            logLevel: NodeLogLevel.Info,
            thresholds: thresholds ?? BillPaymentThresholds,
            gasPriceGwei: gasPriceCeilingGwei,
            blockchainServiceUrl: blockchainServiceUrl,
            earningWallet: earningWallet,
            consumingPrivateKey: consumingKey is null ? null : Convert.ToHexString(consumingKey));
        var identity = TestNode.NewIdentity(Chain.Dev);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddTestNode(settings, identity, new RecordingUiOutbound(), options =>
        {
            if (blockchainOptions is not null)
            {
                options.Blockchain = blockchainOptions;
            }
        });
        services.Override<TimeProvider>(_ => clock);
        var provider = services.BuildServiceProvider();
        var node = new MoneyNode(provider, directory, clock);
        foreach (var actor in new Microsoft.Extensions.Hosting.IHostedService[] { provider.GetRequiredService<AccountantActor>(), provider.GetRequiredService<BlockchainBridgeActor>() })
        {
            await actor.StartAsync(CancellationToken.None);
        }

        return node;
    }

    /// <summary>Runs a scan through the UI <c>scan</c> message, as <c>masq scan</c> does, and returns the reply.</summary>
    public Task<UiEnvelope> ScanAsync(UiScanType type) => AskAsync(_services.GetRequiredService<BlockchainBridgeActor>(), new UiScanRequest(type));

    public Task<UiEnvelope> FinancialsAsync(UiFinancialsRequest request) => AskAsync(_services.GetRequiredService<AccountantActor>(), request);

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<BlockchainBridgeActor>().StopAsync(CancellationToken.None);
        await _services.GetRequiredService<AccountantActor>().StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private async Task<UiEnvelope> AskAsync<T>(IUiRequestHandler handler, T message)
        where T : IUiMessage
    {
        var envelope = UiEnvelope.From(message, Interlocked.Increment(ref _contextId));
        await handler.PostUiAsync(new UiRequest(7, envelope), CancellationToken.None);
        var reply = await Outbound.NextReplyAsync();
        Assert.Equal(envelope.ContextId, reply.ContextId);
        return reply;
    }
}
