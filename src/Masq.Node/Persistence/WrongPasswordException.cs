namespace Masq.Node.Persistence;

/// <summary>The given database password does not match the one set (or one was given where none is set).</summary>
internal sealed class WrongPasswordException(string message = "The database password does not match")
    : PasswordException(message);
