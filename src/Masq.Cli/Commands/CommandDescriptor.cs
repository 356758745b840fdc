using Masq.Cli.Commands.Parsing;

namespace Masq.Cli.Commands;

/// <summary>A subcommand's name, its help and its parser.</summary>
/// <param name="Name">The subcommand's name, e.g. <c>set-configuration</c>.</param>
/// <param name="Summary">One line for the command list.</param>
/// <param name="Usage">The synopsis, e.g. <c>check-password [DB-PASSWORD]</c>.</param>
/// <param name="Details">Arguments and notes, shown by <c>&lt;command&gt; --help</c>.</param>
/// <param name="Parse">Builds the command from its arguments; throws <see cref="CommandSyntaxException"/>.</param>
internal sealed record CommandDescriptor(
    string Name,
    string Summary,
    string Usage,
    string Details,
    Func<IReadOnlyList<string>, ParserOptions, ICommand> Parse)
{
    public string Help => $"{Name}: {Summary}\n\nUsage: {Usage}\n" + (Details.Length > 0 ? "\n" + Details.TrimEnd('\n') + "\n" : string.Empty);
}
