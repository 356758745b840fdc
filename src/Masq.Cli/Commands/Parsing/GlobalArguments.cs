namespace Masq.Cli.Commands.Parsing;

/// <summary>masq's own options, and the subcommand's words (null: interactive mode).</summary>
internal sealed record GlobalArguments(int UiPort, bool Help, bool Version, IReadOnlyList<string>? CommandWords);
