namespace Masq.Node.Persistence;

/// <summary>The database cannot be used as it is; <see cref="Problem"/> says why.</summary>
internal sealed class DatabaseSchemaException : PersistenceException
{
    public DatabaseSchemaException(DatabaseSchemaProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public DatabaseSchemaProblem Problem { get; }
}
