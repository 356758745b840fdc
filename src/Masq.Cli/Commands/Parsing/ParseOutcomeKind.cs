namespace Masq.Cli.Commands.Parsing;

internal enum ParseOutcomeKind
{
    Command,

    /// <summary>Print <see cref="ParseOutcome.Text"/> on stdout (help or version) and succeed.</summary>
    Text,

    /// <summary>Print <see cref="ParseOutcome.Text"/> on stderr and fail.</summary>
    Error,
}
