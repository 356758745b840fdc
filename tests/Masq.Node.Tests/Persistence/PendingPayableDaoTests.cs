using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class PendingPayableDaoTests : IDisposable
{
    private const string HashA = "0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string HashB = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private readonly TempDirectory directory = new();
    private readonly NodeDatabaseFactory factory;
    private readonly PendingPayableDao pending;

    public PendingPayableDaoTests()
    {
        factory = PersistenceFixtures.CreateDatabase(directory);
        pending = new PendingPayableDao(factory);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_fingerprint_is_stored_with_attempt_one_and_found_by_hash()
    {
        var amount = WeiAmount.MaxValue;
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(1_650_000_000);

        var rowid = pending.Insert(HashA, amount, sentAt);

        var expected = new PendingPayableFingerprint(rowid, HashA.ToLowerInvariant(), amount, sentAt, 1, null);
        Assert.Equal(expected, pending.Get(rowid));
        Assert.Equal(expected, pending.FindByHash(HashA.ToLowerInvariant()));
    }

    [Fact]
    public void A_duplicate_hash_is_a_typed_error_and_adds_nothing()
    {
        pending.Insert(HashA, 1, DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<DuplicateTransactionHashException>(() => pending.Insert(HashA.ToLowerInvariant(), 2, DateTimeOffset.UnixEpoch));

        Assert.Equal(HashA.ToLowerInvariant(), error.TransactionHash);
        Assert.Single(pending.ListUnresolved());
    }

    [Fact]
    public void Attempts_failures_and_deletion()
    {
        var a = pending.Insert(HashA, 10, DateTimeOffset.UnixEpoch);
        var b = pending.Insert(HashB, 20, DateTimeOffset.UnixEpoch);

        pending.IncrementAttempt(a);
        pending.IncrementAttempt(a);
        pending.MarkFailure(b);

        Assert.Equal(3, pending.Get(a)!.Attempt);
        Assert.Equal("ERROR", pending.Get(b)!.ProcessError);
        Assert.Equal([a], pending.ListUnresolved().Select(fingerprint => fingerprint.Rowid));
        Assert.True(pending.Delete(a));
        Assert.False(pending.Delete(a));
        Assert.Null(pending.Get(a));
        Assert.Throws<RowNotFoundException>(() => pending.IncrementAttempt(a));
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("1111111111111111111111111111111111111111111111111111111111111111aa")]
    public void Malformed_hashes_are_refused(string hash)
    {
        Assert.Throws<ArgumentException>(() => pending.Insert(hash, 1, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Non_positive_amounts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => pending.Insert(HashA, 0, DateTimeOffset.UnixEpoch));
        Assert.Empty(pending.ListUnresolved());
    }
}
