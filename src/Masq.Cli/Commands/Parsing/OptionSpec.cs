namespace Masq.Cli.Commands.Parsing;

/// <summary>One option a subcommand accepts: <c>--long</c>, optionally <c>-s</c>, with or without a value.</summary>
internal sealed record OptionSpec(string Long, char? Short, bool TakesValue)
{
    public static OptionSpec Flag(string name, char? shortName = null) => new(name, shortName, false);

    public static OptionSpec Value(string name, char? shortName = null) => new(name, shortName, true);
}
