using Masq.Cli.Commands;
using Masq.Cli.Output;

namespace Masq.Cli.Interactive;

/// <summary>
/// Prompts on stderr (still visible when stdout is redirected to a file) and reads the secret from the terminal
/// without echo.
/// </summary>
internal sealed class ConsoleSecretReader(IMasqConsole console, OutputSink output) : ISecretReader
{
    public bool CanPrompt => console.IsInputTerminal;

    public async Task<string?> ReadSecretAsync(string prompt, CancellationToken cancellationToken)
    {
        output.Error(prompt);
        var secret = await console.ReadSecretAsync(cancellationToken).ConfigureAwait(false);
        output.Error("\n"); // the Enter key is not echoed either
        return secret;
    }
}
