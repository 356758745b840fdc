namespace Masq.Cli.Commands;

/// <summary>Asks the user for a secret without echoing it.</summary>
internal interface ISecretReader
{
    /// <summary>True when stdin is a terminal, so a secret can be typed.</summary>
    bool CanPrompt { get; }

    /// <summary>Shows <paramref name="prompt"/> and reads one line without echo; null at the end of input.</summary>
    Task<string?> ReadSecretAsync(string prompt, CancellationToken cancellationToken);
}
