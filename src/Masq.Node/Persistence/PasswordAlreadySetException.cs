namespace Masq.Node.Persistence;

/// <summary>No old password was given to a change-password request, but the database has one.</summary>
internal sealed class PasswordAlreadySetException()
    : PasswordException("The database already has a password. You may only change it");
