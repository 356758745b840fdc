using System.Text;
using Masq.Lib.Ui;

namespace Masq.Cli.Commands;

/// <summary>Every subcommand masq knows, and the help texts that list them.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CommandDescriptor> All { get; } =
    [
        ChangePasswordCommand.Descriptor,
        CheckPasswordCommand.Descriptor,
        ConfigurationCommand.Descriptor,
        ConnectionStatusCommand.Descriptor,
        CrashCommand.Descriptor,
        DescriptorCommand.Descriptor,
        ExitLocationCommand.Descriptor,
        FinancialsCommand.Descriptor,
        GenerateWalletsCommand.Descriptor,
        LocalnetCommand.Descriptor,
        NeighborhoodGraphCommand.Descriptor,
        RecoverWalletsCommand.Descriptor,
        ScanCommand.Descriptor,
        SetConfigurationCommand.Descriptor,
        SetPasswordCommand.Descriptor,
        SetupCommand.Descriptor,
        ShutdownCommand.Descriptor,
        StartCommand.Descriptor,
        WalletAddressesCommand.Descriptor,
    ];

    public static CommandDescriptor? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    // Built when asked for, not on every start-up.

    /// <summary>What <c>masq --help</c> prints.</summary>
    public static string MainHelp => BuildMainHelp();

    /// <summary>What the interactive <c>help</c> prints.</summary>
    public static string InteractiveHelp => BuildInteractiveHelp();

    private static string BuildMainHelp()
    {
        var text = new StringBuilder();
        text.Append(CliVersion.Text).Append('\n');
        text.Append("The command-line user interface of the MASQ Daemon and the MASQ Node.\n\n");
        text.Append("USAGE:\n");
        text.Append("    masq [OPTIONS] [SUBCOMMAND [ARGS...]]\n\n");
        text.Append("With a subcommand, masq runs it and exits. Without one, masq is interactive: it shows a 'masq> ' prompt,\n");
        text.Append("runs the commands typed there and prints the Daemon's and Node's broadcasts as they arrive. When stdin\n");
        text.Append("is not a terminal, masq reads the commands line by line from it, as a script.\n\n");
        text.Append("OPTIONS:\n");
        text.Append($"    --ui-port <PORT>    The Daemon's UI port, {UiProtocol.MinUiPort}-65535 (default {UiProtocol.DefaultUiPort}).\n");
        text.Append("    -h, --help          Prints this help and exits.\n");
        text.Append("    -V, --version       Prints the version and exits.\n\n");
        AppendSubcommands(text);
        text.Append("\nRun 'masq <SUBCOMMAND> --help' for a subcommand's arguments.\n");
        return text.ToString();
    }

    private static string BuildInteractiveHelp()
    {
        var text = new StringBuilder();
        AppendSubcommands(text);
        text.Append('\n');
        text.Append("    help [SUBCOMMAND]     Prints this list, or a subcommand's arguments.\n");
        text.Append("    version               Prints the version of masq.\n");
        text.Append("    exit                  Leaves masq (so do Ctrl-C and Ctrl-D).\n");
        text.Append("\nWords are separated by spaces; quote ('...' or \"...\") a value that contains spaces or '|'.\n");
        return text.ToString();
    }

    private static void AppendSubcommands(StringBuilder text)
    {
        text.Append("SUBCOMMANDS:\n");
        var width = All.Max(d => d.Name.Length) + 4;
        foreach (var descriptor in All)
        {
            text.Append("    ").Append(descriptor.Name.PadRight(width)).Append(descriptor.Summary).Append('\n');
        }
    }
}
