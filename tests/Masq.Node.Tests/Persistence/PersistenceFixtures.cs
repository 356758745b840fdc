using Masq.Node.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Node.Tests.Persistence;

/// <summary>Shared construction for the persistence tests.</summary>
internal static class PersistenceFixtures
{
    public const string Chain = "base-sepolia";

    /// <summary>The minimum Argon2id cost Sodium.Core accepts (3 passes over 8 KiB): fast enough for unit tests.</summary>
    public static readonly KdfCost CheapKdf = new(3, 8 * 1024);

    public static DatabaseInitializer Initializer() =>
        new(new ClandestinePortPicker(), NullLogger<DatabaseInitializer>.Instance);

    public static NodeDatabaseFactory CreateDatabase(TempDirectory directory, string chain = Chain) =>
        Initializer().OpenOrCreate(directory.Path, chain);

    public static PersistentConfiguration Configuration(NodeDatabaseFactory factory, PasswordKeyDerivation? derivation = null) =>
        new(factory, derivation ?? new PasswordKeyDerivation(CheapKdf));
}
