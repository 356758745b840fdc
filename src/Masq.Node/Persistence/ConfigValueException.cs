namespace Masq.Node.Persistence;

/// <summary>
/// A config row is missing, holds a value that cannot be parsed or decrypted, or is being set to an invalid value.
/// <see cref="Name"/> is the row name (the UI reports it as CONFIGURATOR_READ / CONFIGURATOR_WRITE).
/// </summary>
internal sealed class ConfigValueException(string name, string reason)
    : PersistenceException($"Config value '{name}': {reason}")
{
    public string Name { get; } = name;

    public string Reason { get; } = reason;
}
