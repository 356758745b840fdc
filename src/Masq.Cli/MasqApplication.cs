using Masq.Cli.Commands;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Communications;
using Masq.Cli.Interactive;
using Masq.Cli.Localnet;
using Masq.Cli.Output;
using Masq.Lib.Ui.Client;

namespace Masq.Cli;

/// <summary>
/// masq from its arguments to its exit code: parses the command line, connects to the Daemon, then runs one
/// subcommand or the interactive session.
/// </summary>
internal sealed class MasqApplication(IMasqConsole console, IUiConnector connector, IPortProbe portProbe)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var output = new OutputSink(console.Out, console.Error);
        if (!GlobalArgumentsParser.TryParse(args, out var global, out var error))
        {
            output.ErrorLine(error);
            return ExitCodes.Failure;
        }
        if (global.Help)
        {
            output.Write(CommandCatalog.MainHelp);
            return ExitCodes.Success;
        }
        if (global.Version)
        {
            output.WriteLine(CliVersion.Text);
            return ExitCodes.Success;
        }
        var secrets = new ConsoleSecretReader(console, output);
        ICommand? command = null;
        if (global.CommandWords is { } words)
        {
            var outcome = CommandParser.Parse(words, new ParserOptions(secrets.CanPrompt));
            switch (outcome.Kind)
            {
                case ParseOutcomeKind.Text:
                    output.Write(outcome.Text);
                    return ExitCodes.Success;
                case ParseOutcomeKind.Error:
                    output.ErrorLine(outcome.Text);
                    return ExitCodes.Failure;
                default:
                    command = outcome.Command;
                    break;
            }
        }

        if (command is IDaemonlessCommand)
        {
            // localnet launches Nodes itself: there is no Daemon to connect to.
            var local = new CommandContext(NoDaemonTransport.Instance, output, secrets, portProbe, isInteractive: false);
            var outcome = await CommandRunner.RunAsync(command, local, cancellationToken).ConfigureAwait(false);
            return outcome == CommandResult.Success ? ExitCodes.Success : ExitCodes.Failure;
        }

        IUiTransport transport;
        try
        {
            transport = await connector.ConnectAsync(global.UiPort, cancellationToken).ConfigureAwait(false);
        }
        catch (UiConnectException e)
        {
            output.ErrorLine(e.Refused ? e.Message : ErrorText.CannotConnect(e.Message));
            return ExitCodes.Failure;
        }
        await using (transport.ConfigureAwait(false))
        {
            if (command is not null)
            {
                var context = new CommandContext(transport, output, secrets, portProbe, isInteractive: false);
                var result = await CommandRunner.RunAsync(command, context, cancellationToken).ConfigureAwait(false);
                if (result == CommandResult.DaemonLost)
                {
                    output.Error(ErrorText.DaemonGone);
                }
                return result is CommandResult.Success or CommandResult.NodeShutDown ? ExitCodes.Success : ExitCodes.Failure;
            }
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, console.CaptureInterrupts());
            var session = new InteractiveSession(console, transport, output, secrets, portProbe);
            return await session.RunAsync(interrupt.Token).ConfigureAwait(false);
        }
    }
}
