namespace Masq.Lib.Configuration;

/// <summary>
/// The outcome of resolving the Node's configuration: the winning value and source of every parameter, and either
/// settings or every error found.
/// </summary>
public sealed record NodeConfigurationResult(
    NodeSettings? Settings,
    IReadOnlyDictionary<string, ResolvedValue> Values,
    IReadOnlyList<ConfigurationError> Errors)
{
    public bool IsValid => Settings is not null && Errors.Count == 0;
}
