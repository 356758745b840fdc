using Masq.Node.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Persistence;

public sealed class ReceivableDaoTests : IDisposable
{
    private const string Debtor = "0xcccccccccccccccccccccccccccccccccccccccc";
    private const string Stranger = "0xdddddddddddddddddddddddddddddddddddddddd";

    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly NodeDatabaseFactory factory;
    private readonly ReceivableDao receivables;

    public ReceivableDaoTests()
    {
        factory = PersistenceFixtures.CreateDatabase(directory);
        receivables = new ReceivableDao(factory, time);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Debts_accumulate_exactly_and_keep_the_first_debt_time()
    {
        receivables.AddDebt(Debtor, long.MaxValue);
        time.Advance(TimeSpan.FromHours(1));
        receivables.AddDebt(Debtor, long.MaxValue);

        var account = receivables.Get(Debtor)!;
        Assert.Equal((Int128)long.MaxValue * 2, account.BalanceWei);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), account.LastReceivedTimestamp);
    }

    [Fact]
    public void A_batch_of_debts_that_would_leave_the_storable_range_writes_nothing()
    {
        receivables.AddDebt(Debtor, 10);
        receivables.AddDebt(Stranger, WeiAmount.MaxValue - 1);

        // Debtor comes first and is updated inside the transaction before Stranger leaves the storable range: both
        // must roll back.
        Assert.Throws<ArgumentOutOfRangeException>(() => receivables.AddDebts([new WalletAmount(Debtor, 5), new WalletAmount(Stranger, 2)]));

        Assert.Equal((Int128)10, receivables.Get(Debtor)!.BalanceWei);
        Assert.Equal(WeiAmount.MaxValue - 1, receivables.Get(Stranger)!.BalanceWei);
    }

    [Fact]
    public void The_same_debtor_twice_in_a_batch_gets_both_amounts()
    {
        receivables.AddDebts([new WalletAmount(Debtor, 5), new WalletAmount(Debtor.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), 7)]);

        Assert.Equal((Int128)12, receivables.Get(Debtor)!.BalanceWei);
    }

    [Fact]
    public void Payments_reduce_balances_below_zero_move_the_start_block_and_report_unknown_debtors()
    {
        receivables.AddDebt(Debtor, 100);
        time.Advance(TimeSpan.FromMinutes(10));
        var configuration = PersistenceFixtures.Configuration(factory);

        var unknown = receivables.ApplyPayments([new WalletAmount(Debtor, 250), new WalletAmount(Stranger, 5)], 4242);

        var account = receivables.Get(Debtor)!;
        Assert.Equal((Int128)(-150), account.BalanceWei);
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), account.LastReceivedTimestamp.ToUnixTimeSeconds());
        Assert.Equal([new WalletAmount(Stranger, 5)], unknown);
        Assert.Null(receivables.Get(Stranger));
        Assert.Equal(4242UL, configuration.GetStartBlock());
        var stored = SqliteInspection.Query(factory.DatabasePath, "SELECT balance_high_b, balance_low_b FROM receivable").Single();
        Assert.Equal(-1L, (long)stored[0]!);
        Assert.Equal(long.MaxValue - 149, (long)stored[1]!);
    }

    [Fact]
    public void With_no_payments_only_the_start_block_moves()
    {
        receivables.AddDebt(Debtor, 100);

        receivables.ApplyPayments([], 17);

        Assert.Equal((Int128)100, receivables.Get(Debtor)!.BalanceWei);
        Assert.Equal(17UL, PersistenceFixtures.Configuration(factory).GetStartBlock());
    }

    [Fact]
    public void A_bad_payment_rolls_back_the_whole_batch()
    {
        receivables.AddDebt(Debtor, 100);

        Assert.Throws<ArgumentOutOfRangeException>(() => receivables.ApplyPayments([new WalletAmount(Debtor, 50), new WalletAmount(Debtor, -1)], 99));

        Assert.Equal((Int128)100, receivables.Get(Debtor)!.BalanceWei);
        Assert.Null(PersistenceFixtures.Configuration(factory).GetStartBlock());
    }

    [Fact]
    public void List_returns_every_debtor()
    {
        receivables.AddDebt(Stranger, 1);
        receivables.AddDebt(Debtor, 2);

        Assert.Equal([Debtor, Stranger], receivables.List().Select(account => account.WalletAddress));
    }
}
