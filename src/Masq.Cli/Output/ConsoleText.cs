namespace Masq.Cli.Output;

/// <summary>Text for stdout and/or stderr (null: nothing), e.g. what to print for one broadcast.</summary>
internal sealed record ConsoleText(string? Stdout, string? Stderr)
{
    public static ConsoleText None { get; } = new(null, null);

    public static ConsoleText Out(string text) => new(text, null);

    public static ConsoleText Err(string text) => new(null, text);
}
