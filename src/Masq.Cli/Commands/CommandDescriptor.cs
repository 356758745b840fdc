using Masq.Cli.Commands.Parsing;

namespace Masq.Cli.Commands;

/// <summary>A subcommand's name, its help and its parser.</summary>
/// <param name="Name">The subcommand's name, e.g. <c>set-configuration</c>.</param>
/// <param name="Summary">One line for the command list.</param>
/// <param name="Usage">The synopsis, e.g. <c>check-password [DB-PASSWORD]</c>.</param>
/// <param name="Details">Arguments and notes, shown by <c>&lt;command&gt; --help</c>.</param>
/// <param name="Parse">Builds the command from its arguments; throws <see cref="CommandSyntaxException"/>.</param>
/// <param name="MoreDetails">Help text computed only when asked for (it may load more code than a one-shot command needs).</param>
internal sealed record CommandDescriptor(
    string Name,
    string Summary,
    string Usage,
    string Details,
    Func<IReadOnlyList<string>, ParserOptions, ICommand> Parse,
    Func<string>? MoreDetails = null)
{
    public string Help
    {
        get
        {
            var details = (Details + MoreDetails?.Invoke()).TrimEnd('\n');
            return $"{Name}: {Summary}\n\nUsage: {Usage}\n" + (details.Length > 0 ? "\n" + details + "\n" : string.Empty);
        }
    }
}
