namespace Masq.Node.Persistence;

/// <summary>An update named a row that does not exist; nothing was changed.</summary>
internal sealed class RowNotFoundException(string message) : PersistenceException(message);
