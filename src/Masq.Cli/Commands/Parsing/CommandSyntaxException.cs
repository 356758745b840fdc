namespace Masq.Cli.Commands.Parsing;

/// <summary>
/// A command line that cannot be accepted. Thrown only inside the parsers and always caught by
/// <see cref="CommandParser"/> / <see cref="GlobalArgumentsParser"/>, which return it as a <see cref="ParseOutcome"/>.
/// </summary>
internal sealed class CommandSyntaxException : Exception
{
    public CommandSyntaxException()
    {
    }

    public CommandSyntaxException(string message)
        : base(message)
    {
    }

    public CommandSyntaxException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
