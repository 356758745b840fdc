namespace Masq.Cli.Commands.Parsing;

/// <summary>The result of parsing one command line: a command, a text to print (help, version) or an error.</summary>
internal sealed record ParseOutcome(ParseOutcomeKind Kind, ICommand? Command, string Text)
{
    public static ParseOutcome Of(ICommand command) => new(ParseOutcomeKind.Command, command, string.Empty);

    public static ParseOutcome Print(string text) => new(ParseOutcomeKind.Text, null, text);

    public static ParseOutcome Fail(string message) => new(ParseOutcomeKind.Error, null, message);
}
