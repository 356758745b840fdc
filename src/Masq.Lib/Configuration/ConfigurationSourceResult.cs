namespace Masq.Lib.Configuration;

/// <summary>The values one source supplied (name → non-empty text) and the problems found reading it.</summary>
/// <param name="Lines">For a configuration file: name → the 1-based line the value is on.</param>
public sealed record ConfigurationSourceResult(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<ConfigurationError> Errors,
    IReadOnlyDictionary<string, int>? Lines = null)
{
    public static ConfigurationSourceResult Empty { get; } =
        new(new Dictionary<string, string>(StringComparer.Ordinal), []);

    /// <summary>The line <paramref name="name"/> is on, or 0.</summary>
    public int LineOf(string name) => Lines?.GetValueOrDefault(name) ?? 0;
}
