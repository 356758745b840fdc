using System.Diagnostics;
using Masq.Lib.Ui.Client;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Commands;

/// <summary>
/// <c>shutdown</c>: tells the Node to exit. The Node sends no answer; it just exits, so the normal outcome is
/// that the Node's connection drops.
/// </summary>
internal sealed record ShutdownCommand : ICommand
{
    public const string BrokeConnection = "MASQNode was instructed to shut down and has broken its connection";

    public const string StoppedAnswering = "MASQNode was instructed to shut down and has stopped answering";

    public const string StillRunning = "MASQNode ignored the instruction to shut down and is still running";

    public const string NotRunning = "MASQNode is not running; therefore it cannot be shut down";

    /// <summary>How long a Node that answered is given to close its UI port (the reference polls for only 4 ms).</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static CommandDescriptor Descriptor { get; } = new(
        "shutdown",
        "Shuts down the running MASQNode. Only valid if the Node is already running.",
        "shutdown",
        string.Empty,
        (args, _) =>
        {
            NoArguments.Check("shutdown", args);
            return new ShutdownCommand();
        });

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        try
        {
            await NodeNotRunning.ExplainAsync(context, NotRunning, () =>
                // No shutdown response type exists because none is ever meant to come; should one arrive anyway,
                // its empty payload reads as the request type.
                context.Transport.TransactAsync<UiShutdownRequest, UiShutdownRequest>(
                    new UiShutdownRequest(), CommandTimeouts.Shutdown, cancellationToken)).ConfigureAwait(false);
        }
        catch (UiConnectionLostException e) when (!e.WasNode && context.Transport.NodePort is null)
        {
            // masq was given a Node's UI port instead of the Daemon's: the connection that dropped is the Node's own.
            context.Output.WriteLine(BrokeConnection);
            throw new NodeShutDownException();
        }
        catch (UiConnectionLostException e) when (e.WasNode)
        {
            await AwaitExitSeenByDaemonAsync(context, cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine(BrokeConnection);
            return;
        }
        await ConfirmStoppedAsync(context, context.Transport.NodePort, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The Node drops its UI connections as it starts stopping, some time before its process is gone. Until the Daemon
    /// sees the exit it still counts the Node as running, so a command typed right after this one would be sent to a
    /// Node on its way out. With a Daemon on the line, this waits (a few seconds at most) until a plain setup query says
    /// the Node is not running.
    /// </summary>
    private static async Task AwaitExitSeenByDaemonAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!context.Transport.IsDaemonConnected)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StopWait)
        {
            try
            {
                var setup = await context.Transport.TransactAsync<UiSetupRequest, UiSetupResponse>(
                    new UiSetupRequest([]), CommandTimeouts.Standard, cancellationToken).ConfigureAwait(false);
                if (!setup.Running)
                {
                    return;
                }
            }
            catch (Exception e) when (e is UiCallException or UiConnectionLostException or InvalidOperationException)
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ConfirmStoppedAsync(CommandContext context, int? nodePort, CancellationToken cancellationToken)
    {
        if (nodePort is { } port)
        {
            var started = Stopwatch.GetTimestamp();
            while (await context.PortProbe.IsListeningAsync(port, cancellationToken).ConfigureAwait(false))
            {
                if (Stopwatch.GetElapsedTime(started) >= StopWait)
                {
                    throw new CommandFailedException(StillRunning);
                }
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
            context.Output.WriteLine(StoppedAnswering);
            return;
        }
        throw new CommandFailedException(StillRunning);
    }
}
