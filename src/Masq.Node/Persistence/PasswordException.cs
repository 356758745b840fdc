namespace Masq.Node.Persistence;

/// <summary>Base of the database-password errors; nothing in the database was changed.</summary>
internal abstract class PasswordException(string message) : PersistenceException(message);
