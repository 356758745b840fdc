using System.Diagnostics.CodeAnalysis;
using Masq.Lib.Blockchains;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;
using Masq.Node.Accounting;
using Masq.Node.Actors;
using Masq.Node.Persistence;
using Masq.Node.Tests.Persistence;
using Masq.Node.Tests.Wallets;
using Masq.Node.Ui;
using Masq.Node.Wallets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Accounting;

/// <summary>The Accountant on a real database: charges, own wallets, batching, and financials.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit disposes them in IAsyncLifetime.DisposeAsync.")]
public sealed class AccountantTests : IAsyncLifetime
{
    private const long Gwei = 1_000_000_000;
    private static readonly WalletAddress Exit = WalletAddress.Parse("0x1111111111111111111111111111111111111111");
    private static readonly WalletAddress Relay = WalletAddress.Parse("0x2222222222222222222222222222222222222222");
    private static readonly WalletAddress Payer = WalletAddress.Parse("0x3333333333333333333333333333333333333333");
    private static readonly WalletAddress OurEarning = WalletAddress.Parse("0x4444444444444444444444444444444444444444");

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly RecordingOutbound _outbound = new();
    private readonly PayableDao _payables;
    private readonly ReceivableDao _receivables;
    private readonly PaymentDao _payments;
    private readonly FinancialTotals _totals = new();
    private readonly AccountantActor _accountant;
    private ulong _contextId;

    public AccountantTests()
    {
        var database = PersistenceFixtures.CreateDatabase(_directory, "dev");
        _payables = new PayableDao(database, _time);
        _receivables = new ReceivableDao(database, _time);
        _payments = new PaymentDao(database);
        // The consuming wallet is ganache's account 0.
        var wallets = new NodeWallets(Convert.FromHexString("d4670b314ecb5e6b44b7fbe625ed746522c906316e66df31be64194ee6189188"), OurEarning);
        _accountant = new AccountantActor(_payables, _receivables, _payments, wallets, _totals, new AccountantOptions { FlushInterval = TimeSpan.FromSeconds(1) }, _outbound, _time, new NodeFailure(), NullLogger<AccountantActor>.Instance);
    }

    public async Task InitializeAsync() => await _accountant.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _accountant.StopAsync(CancellationToken.None);
        _accountant.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Consumed_services_become_payables_at_each_providers_rates()
    {
        await _accountant.ReportAsync(new ServicesConsumed(new ConsumedService(Exit, 107_688, 107_688, 1_000), [new ConsumedService(Relay, 53_844, 53_844, 1_200)]));
        await _accountant.ReportAsync(new ServicesConsumed(new ConsumedService(Exit, 107_688, 107_688, 0), [new ConsumedService(Relay, 53_844, 53_844, 64)]));

        await FlushAsync();

        Assert.Equal((Int128)(107_688 + (107_688L * 1_000) + 107_688), _payables.Get(Exit.ToString())!.BalanceWei);
        Assert.Equal((Int128)(53_844 + (53_844L * 1_200) + 53_844 + (53_844L * 64)), _payables.Get(Relay.ToString())!.BalanceWei);
        Assert.Empty(_receivables.List());
    }

    [Fact]
    public async Task Provided_services_become_receivables_against_the_payer()
    {
        await _accountant.ReportAsync(new RoutingServiceProvided(Payer, 10, 2, 500));
        await _accountant.ReportAsync(new ExitServiceProvided(Payer, 100, 3, 1_000));

        await FlushAsync();

        Assert.Equal((Int128)(10 + 1_000 + 100 + 3_000), _receivables.Get(Payer.ToString())!.BalanceWei);
        Assert.Empty(_payables.List());
    }

    [Fact]
    public async Task Our_own_wallets_are_never_charged()
    {
        var ourConsuming = WalletAddress.Parse("0x5a4d5df91d0124dec73dbd112f82d6077ccab47d");
        await _accountant.ReportAsync(new RoutingServiceProvided(ourConsuming, 10, 2, 500));
        await _accountant.ReportAsync(new ExitServiceProvided(OurEarning, 10, 2, 500));
        await _accountant.ReportAsync(new ServicesConsumed(new ConsumedService(OurEarning, 1, 1, 1), [new ConsumedService(Relay, 1, 1, 1)]));

        await FlushAsync();

        Assert.Empty(_receivables.List());
        Assert.Equal([Relay.ToString()], _payables.List().Select(p => p.WalletAddress));
    }

    [Fact]
    public async Task Charges_are_written_in_batches_after_the_flush_interval()
    {
        for (var i = 0; i < 200; i++)
        {
            await _accountant.ReportAsync(new RoutingServiceProvided(Payer, 1, 1, 1));
        }

        await WaitUntilAsync(() => _accountant.ReportsHandled == 200);
        Assert.Empty(_receivables.List());

        _time.Advance(TimeSpan.FromSeconds(1));

        await WaitUntilAsync(() => _receivables.Get(Payer.ToString()) is not null);
        Assert.Equal((Int128)400, _receivables.Get(Payer.ToString())!.BalanceWei);
    }

    [Fact]
    public async Task Financials_reports_totals_in_gwei_truncated()
    {
        await _accountant.ReportAsync(new ServicesConsumed(new ConsumedService(Exit, (ulong)(3 * Gwei) + 999, 0, 0), []));
        await _accountant.ReportAsync(new RoutingServiceProvided(Payer, (ulong)(5 * Gwei) + 1, 0, 0));
        _totals.AddPaidPayable((7 * Gwei) + 5);

        var stats = (await AskAsync(new UiFinancialsRequest(true))).GetPayload<UiFinancialsResponse>().StatsOpt!;

        Assert.Equal(3UL, stats.TotalUnpaidAndPendingPayableGwei);
        Assert.Equal(5L, stats.TotalUnpaidReceivableGwei);
        Assert.Equal(7UL, stats.TotalPaidPayableGwei);
        Assert.Equal(0UL, stats.TotalPaidReceivableGwei);
    }

    [Fact]
    public async Task Top_records_are_ordered_by_balance_or_age_and_skip_dust()
    {
        _payables.AddDebt("0x000000000000000000000000000000000000000a", 5 * Gwei);
        _time.Advance(TimeSpan.FromSeconds(100));
        _payables.AddDebt("0x000000000000000000000000000000000000000b", 9 * Gwei);
        _payables.AddDebt("0x000000000000000000000000000000000000000c", Gwei - 1);
        _time.Advance(TimeSpan.FromSeconds(10));

        var byBalance = (await AskAsync(new UiFinancialsRequest(false, new UiTopRecordsConfig(5, UiTopRecordsOrdering.Balance)))).GetPayload<UiFinancialsResponse>();
        var byAge = (await AskAsync(new UiFinancialsRequest(false, new UiTopRecordsConfig(1, UiTopRecordsOrdering.Age)))).GetPayload<UiFinancialsResponse>();

        Assert.Null(byBalance.StatsOpt);
        Assert.Equal(["0x000000000000000000000000000000000000000b", "0x000000000000000000000000000000000000000a"], byBalance.QueryResultsOpt!.PayableOpt!.Select(p => p.Wallet));
        Assert.Equal([9UL, 5UL], byBalance.QueryResultsOpt.PayableOpt!.Select(p => p.BalanceGwei));
        Assert.Equal([10UL, 110UL], byBalance.QueryResultsOpt.PayableOpt!.Select(p => p.AgeS));
        Assert.Empty(byBalance.QueryResultsOpt.ReceivableOpt!);
        Assert.Equal("0x000000000000000000000000000000000000000a", Assert.Single(byAge.QueryResultsOpt!.PayableOpt!).Wallet);
    }

    [Fact]
    public async Task Custom_ranges_filter_by_age_and_amount_and_an_empty_result_is_null()
    {
        _receivables.AddDebt("0x000000000000000000000000000000000000000d", 50 * Gwei);
        _time.Advance(TimeSpan.FromSeconds(1_000));
        _receivables.AddDebt("0x000000000000000000000000000000000000000e", 70 * Gwei);
        _time.Advance(TimeSpan.FromSeconds(1));

        var answer = (await AskAsync(new UiFinancialsRequest(false, CustomQueriesOpt: new UiCustomQueries(
            new UiRangeQuery<ulong>(0, 10, 0, 100),
            new UiRangeQuery<long>(500, 5_000, 10, 60))))).GetPayload<UiFinancialsResponse>();

        Assert.Null(answer.QueryResultsOpt!.PayableOpt);
        Assert.Equal("0x000000000000000000000000000000000000000d", Assert.Single(answer.QueryResultsOpt.ReceivableOpt!).Wallet);
    }

    [Fact]
    public async Task Bad_financials_requests_get_their_precise_errors()
    {
        var nothing = await AskAsync(new UiFinancialsRequest(false));
        var both = await AskAsync(new UiFinancialsRequest(true, new UiTopRecordsConfig(3, UiTopRecordsOrdering.Age), new UiCustomQueries(null, new UiRangeQuery<long>(0, 1, 0, 1))));
        var tooBig = await AskAsync(new UiFinancialsRequest(false, CustomQueriesOpt: new UiCustomQueries(new UiRangeQuery<ulong>(0, ulong.MaxValue, 0, 1))));
        var tooOld = await AskAsync(new UiFinancialsRequest(false, CustomQueriesOpt: new UiCustomQueries(null, new UiRangeQuery<long>((ulong)long.MaxValue + 1, ulong.MaxValue, 0, 1))));

        Assert.Equal(UiErrorCodes.RequestWithNoValues, nothing.Error!.Code);
        Assert.Equal(UiErrorCodes.RequestWithMutuallyExclusiveParams, both.Error!.Code);
        Assert.Equal(UiErrorCodes.ValueExceedsAllowedLimit, tooBig.Error!.Code);
        Assert.Equal(UiErrorCodes.ValueExceedsAllowedLimit, tooOld.Error!.Code);
    }

    [Fact]
    public async Task A_pending_payment_shows_its_transaction_hash()
    {
        _payables.AddDebt(Exit.ToString(), 2 * Gwei);
        var hash = "0x" + new string('a', 64);
        _payments.RecordSentPayments([new SentPayment(Exit.ToString(), hash, 2 * Gwei)], _time.GetUtcNow());

        var top = (await AskAsync(new UiFinancialsRequest(false, new UiTopRecordsConfig(1, UiTopRecordsOrdering.Balance)))).GetPayload<UiFinancialsResponse>();

        Assert.Equal(hash, Assert.Single(top.QueryResultsOpt!.PayableOpt!).PendingPayableHashOpt);
    }

    private async Task FlushAsync() => await AskAsync(new UiFinancialsRequest(true));

    private async Task<UiEnvelope> AskAsync<T>(T message)
        where T : IUiMessage
    {
        await _accountant.PostUiAsync(new UiRequest(3, UiEnvelope.From(message, ++_contextId)), CancellationToken.None);
        var reply = await _outbound.NextReplyAsync();
        Assert.Equal(_contextId, reply.ContextId);
        return reply;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
