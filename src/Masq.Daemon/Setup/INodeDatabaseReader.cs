namespace Masq.Daemon.Setup;

/// <summary>
/// The Daemon's only view of a Node database: read-only, supplied by <c>Masq.Node</c> (the Daemon never
/// creates, migrates or writes the database).
/// </summary>
public interface INodeDatabaseReader
{
    /// <summary>
    /// Reads the database in <paramref name="chainDataDirectory"/> (the directory that holds
    /// <c>node-data.db</c>). Returns <c>null</c> when there is no database there, or it cannot be read
    /// (wrong schema version, locked, corrupt); the Daemon then uses null computed defaults.
    /// </summary>
    /// <param name="dbPassword">When given and correct, <see cref="NodeDatabaseSnapshot.PastNeighbors"/> is filled.</param>
    NodeDatabaseSnapshot? TryRead(string chainDataDirectory, string? dbPassword);
}
