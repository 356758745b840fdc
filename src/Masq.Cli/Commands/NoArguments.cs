using Masq.Cli.Commands.Parsing;

namespace Masq.Cli.Commands;

internal static class NoArguments
{
    /// <summary>Rejects any argument of a command that takes none.</summary>
    public static void Check(string command, IReadOnlyList<string> args) => ArgumentReader.Read(command, args, []);
}
