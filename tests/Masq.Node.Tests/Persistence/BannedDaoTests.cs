using Masq.Node.Persistence;

namespace Masq.Node.Tests.Persistence;

public sealed class BannedDaoTests : IDisposable
{
    private const string Wallet = "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

    private readonly TempDirectory directory = new();
    private readonly BannedDao banned;

    public BannedDaoTests()
    {
        banned = new BannedDao(PersistenceFixtures.CreateDatabase(directory));
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Ban_and_unban()
    {
        Assert.False(banned.IsBanned(Wallet));

        Assert.True(banned.Ban(Wallet.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)));
        Assert.False(banned.Ban(Wallet));

        Assert.True(banned.IsBanned(Wallet));
        Assert.Equal([Wallet], banned.List());
        Assert.True(banned.Unban(Wallet));
        Assert.False(banned.Unban(Wallet));
        Assert.False(banned.IsBanned(Wallet));
        Assert.Empty(banned.List());
    }
}
