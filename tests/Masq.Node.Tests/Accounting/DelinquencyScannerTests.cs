using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Persistence;
using Masq.Node.Tests.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Masq.Node.Tests.Accounting;

/// <summary>Ban and unban on the clock (spec §2.4): bans survive a restart through the table and the cache.</summary>
public sealed class DelinquencyScannerTests : IDisposable
{
    private const long Gwei = 1_000_000_000;
    private static readonly WalletAddress Debtor = WalletAddress.Parse("0x6666666666666666666666666666666666666666");

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly NodeDatabaseFactory _database;
    private readonly ReceivableDao _receivables;

    public DelinquencyScannerTests()
    {
        _database = PersistenceFixtures.CreateDatabase(_directory, "dev");
        _receivables = new ReceivableDao(_database, _time);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_debt_is_banned_one_second_after_it_crosses_the_shifted_line_and_not_before()
    {
        var bans = new BannedWallets(new BannedDao(_database));
        var scanner = Scanner(bans);
        _receivables.AddDebt(Debtor.ToString(), 600_000_000 * Gwei);

        // 0.6 MASQ crosses the line once it has fallen 0.4 MASQ: 17,280 s of slope after maturity + grace.
        _time.Advance(TimeSpan.FromSeconds(1_200 + 1_200 + 17_279));
        Assert.Empty(scanner.Scan().Banned);
        Assert.False(bans.IsBanned(Debtor));

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([Debtor], scanner.Scan().Banned);
        Assert.True(bans.IsBanned(Debtor));
        Assert.True(new BannedWallets(new BannedDao(_database)).IsBanned(Debtor));
    }

    [Fact]
    public void A_banned_debtor_is_unbanned_at_the_unban_level()
    {
        var bans = new BannedWallets(new BannedDao(_database));
        _receivables.AddDebt(Debtor.ToString(), 2_000_000_000 * Gwei);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Single(Scanner(bans).Scan().Banned);

        _receivables.ApplyPayments([new WalletAmount(Debtor.ToString(), 1_500_000_000 * Gwei - 1)], 10);
        Assert.Empty(Scanner(bans).Scan().Unbanned);

        _receivables.ApplyPayments([new WalletAmount(Debtor.ToString(), 1)], 11);
        Assert.Equal([Debtor], Scanner(bans).Scan().Unbanned);
        Assert.False(bans.IsBanned(Debtor));
        Assert.Empty(new BannedDao(_database).List());
    }

    private DelinquencyScanner Scanner(BannedWallets bans) =>
        new(_receivables, bans, new PaymentCurve(PaymentThresholds.Default), _time, NullLogger<DelinquencyScanner>.Instance);
}
