namespace Masq.Node.Persistence;

/// <summary>Base of the typed errors of the persistence layer.</summary>
internal abstract class PersistenceException : Exception
{
    protected PersistenceException(string message)
        : base(message)
    {
    }

    protected PersistenceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
