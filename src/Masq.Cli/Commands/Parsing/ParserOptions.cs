namespace Masq.Cli.Commands.Parsing;

/// <param name="CanPromptForSecrets">
/// True when stdin is a terminal: a secret left off the command line is then asked for instead of being an error.
/// </param>
internal sealed record ParserOptions(bool CanPromptForSecrets);
