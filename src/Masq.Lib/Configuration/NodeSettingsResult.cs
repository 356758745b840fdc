namespace Masq.Lib.Configuration;

/// <summary>Either settings, or every problem found (never both).</summary>
public sealed record NodeSettingsResult(NodeSettings? Settings, IReadOnlyList<ConfigurationError> Errors)
{
    public bool IsValid => Settings is not null;
}
