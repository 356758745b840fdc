namespace Masq.Lib.Configuration;

/// <summary>The values one source supplied (name → non-empty text) and the problems found reading it.</summary>
public sealed record ConfigurationSourceResult(IReadOnlyDictionary<string, string> Values, IReadOnlyList<ConfigurationError> Errors)
{
    public static ConfigurationSourceResult Empty { get; } =
        new(new Dictionary<string, string>(StringComparer.Ordinal), []);
}
