namespace Masq.Node.Persistence;

/// <summary>A secret was written to a database that has no password yet; set one first.</summary>
internal sealed class PasswordNotSetException()
    : PasswordException("The database has no password yet; set one before storing secrets");
