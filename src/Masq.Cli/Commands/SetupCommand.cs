using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary><c>setup [--name [value]]…</c>: sets (a bare <c>--name</c> clears) start-up parameters and shows them all.</summary>
internal sealed record SetupCommand(IReadOnlyList<UiSetupRequestValue> Values) : ICommand
{
    public static CommandDescriptor Descriptor { get; } = new(
        "setup",
        "Establishes (if the Node is not already running) and displays the start-up parameters of MASQNode.",
        "setup [--<parameter> [<value>]]...",
        "Each '--<parameter> <value>' sets a parameter; a bare '--<parameter>' clears it. Without arguments the\n"
        + "current setup is shown. Parameters:\n    "
        + string.Join("\n    ", SetupParameterNames.Visible),
        Parse);

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Transport.TransactAsync<UiSetupRequest, UiSetupResponse>(
            new UiSetupRequest(Values), CommandTimeouts.Setup, cancellationToken).ConfigureAwait(false);
        context.Output.Write(SetupTableFormatter.Format(response));
    }

    private static SetupCommand Parse(IReadOnlyList<string> args, ParserOptions options)
    {
        var values = new List<UiSetupRequestValue>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CommandSyntaxException($"Unexpected argument '{arg}' for 'setup'; parameters are given as '--<name> <value>'");
            }
            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            if (!SetupParameterNames.IsKnown(name))
            {
                throw new CommandSyntaxException($"Unknown setup parameter '--{name}'");
            }
            if (values.Any(v => v.Name == name))
            {
                throw new CommandSyntaxException($"Setup parameter '--{name}' is given more than once");
            }
            values.Add(new UiSetupRequestValue(name, value));
        }
        values.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new SetupCommand(values);
    }
}
