namespace Masq.Cli.Interactive;

/// <summary>The words of an interactive line, or why it could not be split.</summary>
internal sealed record LineSplit(IReadOnlyList<string> Words, string? Error)
{
    public bool IsValid => Error is null;
}
