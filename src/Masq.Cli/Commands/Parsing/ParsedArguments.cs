namespace Masq.Cli.Commands.Parsing;

/// <summary>A subcommand's options (by long name, without dashes) and positional arguments.</summary>
internal sealed class ParsedArguments(IReadOnlyDictionary<string, string?> options, IReadOnlyList<string> positionals)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string name) => options.ContainsKey(name);

    /// <summary>The value of an option that takes one, or null when it was not given.</summary>
    public string? Value(string name) => options.TryGetValue(name, out var value) ? value : null;

    public string? Positional(int index) => index < Positionals.Count ? Positionals[index] : null;
}
