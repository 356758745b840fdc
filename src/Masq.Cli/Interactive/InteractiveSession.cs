using Masq.Cli.Commands;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Communications;
using Masq.Cli.Output;
using Masq.Lib.Ui;

namespace Masq.Cli.Interactive;

/// <summary>
/// Interactive masq: the <c>masq&gt; </c> prompt, one command per line, broadcasts printed as they arrive. With stdin
/// not a terminal the same loop reads a script (the reference refuses to run without a terminal).
/// </summary>
internal sealed class InteractiveSession(IMasqConsole console, IUiTransport transport, OutputSink output, ISecretReader secrets, IPortProbe portProbe)
{
    public const string Prompt = "masq> ";

    public const string TerminatedByEof = "\nTerminated\n\n";

    public const string TerminatedByInterrupt = "\n\nTerminated\n\n";

    private bool _atPrompt;

    /// <summary>Runs until <c>exit</c>, the end of input, Ctrl-C (<paramref name="interrupt"/>) or the Daemon's death.</summary>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(CancellationToken interrupt)
    {
        var daemonLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDaemonLost() => daemonLost.TrySetResult();
        transport.DaemonLost += OnDaemonLost;
        transport.BroadcastReceived += OnBroadcast;
        using var interruptRegistration = interrupt.Register(() => interrupted.TrySetResult());
        try
        {
            if (!transport.IsDaemonConnected)
            {
                daemonLost.TrySetResult();
            }
            var context = new CommandContext(transport, output, secrets, portProbe, isInteractive: true);
            var parserOptions = new ParserOptions(secrets.CanPrompt);
            while (true)
            {
                ShowPrompt();
                var read = console.ReadLineAsync(CancellationToken.None);
                var woken = await Task.WhenAny(read, daemonLost.Task, interrupted.Task).ConfigureAwait(false);
                if (interrupt.IsCancellationRequested)
                {
                    return Interrupted();
                }
                if (woken == daemonLost.Task)
                {
                    return DaemonGone();
                }
                var line = await read.ConfigureAwait(false);
                LeavePrompt();
                if (line is null)
                {
                    output.Write(TerminatedByEof);
                    return ExitCodes.Success;
                }
                if (!console.IsInputTerminal)
                {
                    output.Write("\n"); // a script's line is not echoed: end the prompt's line
                }
                var split = LineSplitter.Split(line);
                if (!split.IsValid)
                {
                    output.ErrorLine(split.Error!);
                    continue;
                }
                if (split.Words.Count == 0)
                {
                    continue;
                }
                if (split.Words is ["exit"])
                {
                    return ExitCodes.Success;
                }
                var outcome = CommandParser.Parse(split.Words, parserOptions);
                if (outcome.Kind == ParseOutcomeKind.Text)
                {
                    output.Write(outcome.Text);
                    continue;
                }
                if (outcome.Kind == ParseOutcomeKind.Error)
                {
                    output.ErrorLine(outcome.Text);
                    continue;
                }
                using var commandCancellation = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
                var run = CommandRunner.RunAsync(outcome.Command!, context, commandCancellation.Token);
                var finished = await Task.WhenAny(run, daemonLost.Task, interrupted.Task).ConfigureAwait(false);
                if (interrupt.IsCancellationRequested)
                {
                    return Interrupted(); // the command, cancelled too, is abandoned
                }
                if (finished == daemonLost.Task || await run.ConfigureAwait(false) == CommandResult.DaemonLost)
                {
                    return DaemonGone();
                }
            }
        }
        finally
        {
            transport.DaemonLost -= OnDaemonLost;
            transport.BroadcastReceived -= OnBroadcast;
        }
    }

    private void OnBroadcast(UiEnvelope envelope)
    {
        if (envelope.ContextId is not null)
        {
            return; // a late answer to a conversation that already timed out
        }
        var text = BroadcastFormatter.Format(envelope);
        lock (output.Gate)
        {
            if (text.Stdout is { } stdout)
            {
                output.Write(stdout);
            }
            if (text.Stderr is { } stderr)
            {
                output.Error(stderr);
            }
            if (_atPrompt && (text.Stdout is not null || text.Stderr is not null))
            {
                output.Write(Prompt);
            }
        }
    }

    private void ShowPrompt()
    {
        lock (output.Gate)
        {
            output.Write(Prompt);
            _atPrompt = true;
        }
    }

    private void LeavePrompt()
    {
        lock (output.Gate)
        {
            _atPrompt = false;
        }
    }

    private int Interrupted()
    {
        lock (output.Gate)
        {
            _atPrompt = false;
            output.Write(TerminatedByInterrupt);
        }
        return ExitCodes.Success;
    }

    private int DaemonGone()
    {
        lock (output.Gate)
        {
            _atPrompt = false;
            output.Error(ErrorText.DaemonGone);
        }
        return ExitCodes.Failure;
    }
}
