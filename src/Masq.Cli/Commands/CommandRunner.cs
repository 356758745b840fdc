using System.Net.WebSockets;
using Masq.Cli.Output;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;

namespace Masq.Cli.Commands;

/// <summary>Runs a command and turns every failure into its stderr text.</summary>
internal static class CommandRunner
{
    public static async Task<CommandResult> RunAsync(ICommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await command.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
            return CommandResult.Success;
        }
        catch (NodeShutDownException)
        {
            return CommandResult.NodeShutDown;
        }
        catch (CommandFailedException e)
        {
            if (e.Message.Length > 0)
            {
                context.Output.ErrorLine(e.Message);
            }
            return CommandResult.Failure;
        }
        catch (UiCallException e)
        {
            context.Output.ErrorLine(ErrorText.ForCode(e.Code, e.Message));
            return CommandResult.Failure;
        }
        catch (UiConnectionLostException e) when (!e.WasNode)
        {
            return CommandResult.DaemonLost;
        }
        catch (UiConnectionLostException e)
        {
            context.Output.ErrorLine(ErrorText.ConnectionProblem(e.Message));
            return CommandResult.Failure;
        }
        catch (UiConnectException e)
        {
            context.Output.ErrorLine(ErrorText.ConnectionProblem(e.Message));
            return CommandResult.Failure;
        }
        catch (UiProtocolException e)
        {
            context.Output.ErrorLine(ErrorText.Erratic(e.Message));
            return CommandResult.Failure;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or WebSocketException)
        {
            // SignalR refuses to send on a connection that is closing: if it is the Daemon's, masq must go.
            if (!context.Transport.IsDaemonConnected)
            {
                return CommandResult.DaemonLost;
            }
            context.Output.ErrorLine(ErrorText.TransmissionProblem(e.Message));
            return CommandResult.Failure;
        }
    }
}
