using System.Globalization;

namespace Masq.Lib.Configuration;

/// <summary>A parameter value and the source it won from.</summary>
/// <param name="Detail">The environment variable's name (<c>MASQ_GAS_PRICE</c>) for <see cref="ValueSource.Environment"/>;
/// the file's full path for <see cref="ValueSource.ConfigFile"/>; otherwise null.</param>
/// <param name="Line">The 1-based line in the configuration file, or 0.</param>
public sealed record ResolvedValue(string Value, ValueSource Source, string? Detail = null, int Line = 0)
{
    /// <summary>Whether the user gave it (any source other than a default or the database).</summary>
    public bool IsGiven => Source is not (ValueSource.Default or ValueSource.Database);

    /// <summary>Where the value came from, briefly: <c>MASQ_GAS_PRICE</c>, <c>config.toml:3</c>, <c>database</c>,
    /// <c>command line</c> or <c>default</c>.</summary>
    public string Origin => Describe(Source, Detail, Line);

    /// <summary>The prefix an error about this value carries so that the user can find it: the file and line, or the
    /// variable; null for the other sources (the parameter's name says enough there).</summary>
    public string? ErrorLocation => Source switch
    {
        ValueSource.ConfigFile when Detail is not null => TomlConfigFile.Where(Detail, Line),
        ValueSource.Environment when Detail is not null => "Environment variable " + Detail,
        _ => null,
    };

    /// <summary>See <see cref="Origin"/>.</summary>
    public static string Describe(ValueSource source, string? detail, int line) => source switch
    {
        ValueSource.Environment => detail ?? "environment",
        ValueSource.ConfigFile when detail is not null && line > 0 =>
            string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(detail)}:{line}"),
        ValueSource.ConfigFile => detail is null ? "config file" : Path.GetFileName(detail),
        ValueSource.Database => "database",
        ValueSource.CommandLine => "command line",
        _ => "default",
    };
}
