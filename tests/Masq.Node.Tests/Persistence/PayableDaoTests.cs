using Masq.Node.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Persistence;

public sealed class PayableDaoTests : IDisposable
{
    private const string Creditor = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Other = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Hash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly NodeDatabaseFactory factory;
    private readonly PayableDao payables;
    private readonly PendingPayableDao pending;

    public PayableDaoTests()
    {
        factory = PersistenceFixtures.CreateDatabase(directory);
        payables = new PayableDao(factory, time);
        pending = new PendingPayableDao(factory);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_first_debt_creates_the_row_with_the_current_time_and_later_ones_only_add()
    {
        payables.AddDebt(Creditor, 1000);
        time.Advance(TimeSpan.FromMinutes(5));

        payables.AddDebt(Creditor, 234);

        var account = payables.Get(Creditor)!;
        Assert.Equal((Int128)1234, account.BalanceWei);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), account.LastPaidTimestamp);
        Assert.Null(account.PendingPayableRowid);
    }

    [Fact]
    public void Balances_above_two_to_the_63_are_exact_and_stored_in_high_low_form()
    {
        var large = (Int128)long.MaxValue + 10;   // 2^63 + 9

        payables.AddDebt(Creditor, large);
        payables.AddDebt(Creditor, long.MaxValue);  // forces a carry from low to high

        var expected = large + long.MaxValue;
        Assert.Equal(expected, payables.Get(Creditor)!.BalanceWei);
        var stored = SqliteInspection.Query(factory.DatabasePath, "SELECT balance_high_b, balance_low_b FROM payable").Single();
        Assert.Equal(WeiAmount.Split(expected).High, (long)stored[0]!);
        Assert.Equal(WeiAmount.Split(expected).Low, (long)stored[1]!);
        Assert.Equal(2L, (long)stored[0]!);
    }

    [Fact]
    public void Wallets_are_stored_lower_case_and_found_in_any_case()
    {
        payables.AddDebt("0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 5);

        Assert.Equal(Creditor, payables.Get(Creditor)!.WalletAddress);
        Assert.Equal((Int128)5, payables.Get("0xAaAaAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")!.BalanceWei);
    }

    [Fact]
    public void A_batch_of_debts_is_all_or_nothing()
    {
        payables.AddDebt(Creditor, 10);

        Assert.Throws<ArgumentException>(() => payables.AddDebts([new WalletAmount(Creditor, 5), new WalletAmount("0xnotawallet", 5)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => payables.AddDebts([new WalletAmount(Other, 5), new WalletAmount(Creditor, -1)]));

        Assert.Equal((Int128)10, payables.Get(Creditor)!.BalanceWei);
        Assert.Null(payables.Get(Other));
    }

    [Fact]
    public void Zero_debts_create_no_rows()
    {
        payables.AddDebt(Creditor, 0);

        Assert.Empty(payables.List());
    }

    [Fact]
    public void A_confirmed_payment_settles_the_creditor_in_one_step()
    {
        payables.AddDebt(Creditor, 5_000_000_000_000_000_000);
        payables.AddDebt(Other, 7);
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_500);
        var rowid = pending.Insert(Hash, 3_000_000_000_000_000_000, sentAt);
        payables.MarkPending(Creditor, rowid);
        Assert.Equal(rowid, payables.Get(Creditor)!.PendingPayableRowid);

        payables.ConfirmPayment(rowid);

        var account = payables.Get(Creditor)!;
        Assert.Equal((Int128)2_000_000_000_000_000_000, account.BalanceWei);
        Assert.Equal(sentAt, account.LastPaidTimestamp);
        Assert.Null(account.PendingPayableRowid);
        Assert.Null(pending.Get(rowid));
        Assert.Equal((Int128)7, payables.Get(Other)!.BalanceWei);
    }

    [Fact]
    public void Confirming_an_unknown_payment_changes_nothing()
    {
        payables.AddDebt(Creditor, 100);
        var rowid = pending.Insert(Hash, 40, time.GetUtcNow());

        Assert.Throws<RowNotFoundException>(() => payables.ConfirmPayment(rowid + 1));
        Assert.Throws<RowNotFoundException>(() => payables.ConfirmPayment(rowid)); // no payable flagged with it

        Assert.Equal((Int128)100, payables.Get(Creditor)!.BalanceWei);
        Assert.NotNull(pending.Get(rowid));
        Assert.Throws<RowNotFoundException>(() => payables.MarkPending(Other, rowid));
    }

    [Fact]
    public void Concurrent_writers_lose_no_update()
    {
        const int perWriter = 150;

        Parallel.For(0, 4, writer =>
        {
            var dao = new PayableDao(factory, time);
            for (var i = 0; i < perWriter; i++)
            {
                dao.AddDebt(writer % 2 == 0 ? Creditor : Other, (Int128)long.MaxValue + writer);
            }
        });

        Assert.Equal(((Int128)long.MaxValue * 2 * perWriter) + (2 * perWriter), payables.Get(Creditor)!.BalanceWei);
        Assert.Equal(((Int128)long.MaxValue * 2 * perWriter) + (4 * perWriter), payables.Get(Other)!.BalanceWei);
    }

    [Fact]
    public void List_returns_every_creditor()
    {
        payables.AddDebts([new WalletAmount(Other, 2), new WalletAmount(Creditor, 1)]);

        Assert.Equal([Creditor, Other], payables.List().Select(account => account.WalletAddress));
    }
}
