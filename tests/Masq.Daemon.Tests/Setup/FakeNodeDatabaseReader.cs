using Masq.Daemon.Setup;

namespace Masq.Daemon.Tests.Setup;

/// <summary>
/// A hand-written database reader: one snapshot per chain data directory, an optional password, and a log of every
/// read so tests can see what the setup space asked for.
/// </summary>
internal sealed class FakeNodeDatabaseReader : INodeDatabaseReader
{
    private readonly Dictionary<string, (IReadOnlyDictionary<string, string> Stored, IReadOnlyList<string>? PastNeighbors, string? Password)> _databases =
        new(StringComparer.Ordinal);

    public List<(string Directory, string? Password)> Reads { get; } = [];

    public Exception? ThrowOnRead { get; set; }

    public FakeNodeDatabaseReader WithDatabase(
        string chainDataDirectory, IReadOnlyDictionary<string, string> stored, IReadOnlyList<string>? pastNeighbors = null, string? password = null)
    {
        _databases[chainDataDirectory] = (stored, pastNeighbors, password);
        return this;
    }

    public NodeDatabaseSnapshot? TryRead(string chainDataDirectory, string? dbPassword)
    {
        Reads.Add((chainDataDirectory, dbPassword));
        if (ThrowOnRead is not null)
        {
            throw ThrowOnRead;
        }

        if (!_databases.TryGetValue(chainDataDirectory, out var database))
        {
            return null;
        }

        var matches = database.Password is null || dbPassword == database.Password;
        var passwordKnown = dbPassword is not null && (database.Password is null || dbPassword == database.Password);
        return new NodeDatabaseSnapshot(database.Stored, passwordKnown ? database.PastNeighbors : null, matches);
    }
}
