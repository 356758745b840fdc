namespace Masq.Node.Persistence;

/// <summary>Why a database cannot be used as it is.</summary>
internal enum DatabaseSchemaProblem
{
    /// <summary>Older than this code: it must be migrated (only a read-write open does that).</summary>
    NeedsMigration,

    /// <summary>Newer than this code.</summary>
    TooNew,

    /// <summary>Not a SQLite database, or not one created by this implementation's migrations.</summary>
    NotANodeDatabase,
}
