namespace Masq.Cli.Commands.Parsing;

/// <summary>
/// Turns the words of a subcommand (from the process's arguments or an interactive line) into a command, a help or
/// version text, or an error naming the bad argument. Never throws for any input.
/// </summary>
internal static class CommandParser
{
    public const string HelpWord = "help";

    public const string VersionWord = "version";

    public static ParseOutcome Parse(IReadOnlyList<string> words, ParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(options);
        if (words.Count == 0)
        {
            return ParseOutcome.Fail("No command given");
        }
        var name = words[0];
        var args = words.Skip(1).ToList();
        if (name == HelpWord)
        {
            return args.Count switch
            {
                0 => ParseOutcome.Print(CommandCatalog.InteractiveHelp),
                1 when CommandCatalog.Find(args[0]) is { } described => ParseOutcome.Print(described.Help),
                1 => Unrecognized(args[0]),
                _ => ParseOutcome.Fail($"Unexpected argument '{args[1]}' for 'help'"),
            };
        }
        if (name == VersionWord)
        {
            return args.Count == 0 ? ParseOutcome.Print(CliVersion.Text + "\n") : ParseOutcome.Fail($"Unexpected argument '{args[0]}' for 'version'");
        }
        if (CommandCatalog.Find(name) is not { } descriptor)
        {
            return Unrecognized(name);
        }
        if (args.Contains("--help") || args.Contains("-h"))
        {
            return ParseOutcome.Print(descriptor.Help);
        }
        try
        {
            return ParseOutcome.Of(descriptor.Parse(args, options));
        }
        catch (CommandSyntaxException e)
        {
            return ParseOutcome.Fail($"{e.Message}\nUsage: {descriptor.Usage}");
        }
    }

    /// <summary>Every word a command line may start with, for suggestions.</summary>
    private static IEnumerable<string> CommandWords =>
        CommandCatalog.All.Select(d => d.Name).Concat([HelpWord, VersionWord, "exit"]);

    private static ParseOutcome Unrecognized(string name) =>
        CommandSuggester.Suggest(name, CommandWords) is { } suggestion
            ? ParseOutcome.Fail($"Unknown command '{name}'. Did you mean '{suggestion}'?")
            : ParseOutcome.Fail($"Unrecognized command: '{name}'\nFound argument '{name}' which wasn't expected; type 'help' or run 'masq --help' for the list of commands.");
}
