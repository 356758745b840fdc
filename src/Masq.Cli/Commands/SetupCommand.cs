using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;
using Masq.Lib.Configuration;
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
        + "current setup is shown. Quote values that contain spaces or '|'. The Daemon checks the values.\n"
        + "Parameters:\n",
        Parse,
        () => string.Concat(SetupParameters.SetupOnly
            .Where(p => !p.IsHidden)
            .Select(p => $"    --{p.Name,-24} {p.ValueFormat}\n")));

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        // The data directory follows the chain; to say so only when it moved, look at it before changing the chain.
        string? directoryBefore = null;
        var changesChain = Values.Any(v => v.Name == ParameterNames.Chain);
        if (changesChain)
        {
            var before = await context.Transport.TransactAsync<UiSetupRequest, UiSetupResponse>(
                new UiSetupRequest([]), CommandTimeouts.Setup, cancellationToken).ConfigureAwait(false);
            directoryBefore = DataDirectory(before);
        }
        var response = await context.Transport.TransactAsync<UiSetupRequest, UiSetupResponse>(
            new UiSetupRequest(Values), CommandTimeouts.Setup, cancellationToken).ConfigureAwait(false);
        var directoryChanged = changesChain && !response.Running && directoryBefore is not null
            && DataDirectory(response) is { } after && after != directoryBefore;
        context.Output.Write(SetupTableFormatter.Format(response, directoryChanged));
        if (response.Errors.Count > 0)
        {
            // The errors are in the table already; the exit code must still say that the setup is not right.
            throw new CommandFailedException();
        }
    }

    private static string? DataDirectory(UiSetupResponse response) =>
        response.Values.FirstOrDefault(v => v.Name == ParameterNames.DataDirectory)?.Value;

    private static SetupCommand Parse(IReadOnlyList<string> args, ParserOptions options)
    {
        var values = new List<UiSetupRequestValue>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                // A stray word after a secret is probably the rest of an unquoted secret: it is not repeated.
                var shown = values.Count > 0 && SetupParameters.Get(values[^1].Name).IsSecret ? "after a secret value" : $"'{arg}'";
                throw new CommandSyntaxException($"Unexpected argument {shown} for 'setup'; parameters are given as '--<name> <value>' (quote values with spaces)");
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
            if (!SetupParameters.TryGet(name, out var parameter) || !parameter.IsSetupParameter)
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
