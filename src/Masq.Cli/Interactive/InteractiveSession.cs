using Masq.Cli.Commands;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Communications;
using Masq.Cli.Output;
using Masq.Lib.Ui;

namespace Masq.Cli.Interactive;

/// <summary>
/// Interactive masq: the <c>masq&gt; </c> prompt, one command per line, broadcasts printed as they arrive. With stdin
/// not a terminal the same loop reads a script (the reference refuses to run without a terminal). Runs once.
/// </summary>
internal sealed class InteractiveSession(IMasqConsole console, IUiTransport transport, OutputSink output, ISecretReader secrets, IPortProbe portProbe)
{
    public const string Prompt = "masq> ";

    public const string TerminatedByEof = "\nTerminated\n\n";

    public const string TerminatedByInterrupt = "\n\nTerminated\n\n";

    /// <summary>How long a shutdown whose connection dropped is given to report how it went.</summary>
    private static readonly TimeSpan ShutdownOutcomeWait = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _daemonLost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _interrupted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _atPrompt;

    /// <summary>Runs until <c>exit</c>, the end of input, Ctrl-C (<paramref name="interrupt"/>) or the Daemon's death.</summary>
    /// <returns>The process exit code.</returns>
    public async Task<int> RunAsync(CancellationToken interrupt)
    {
        transport.DaemonLost += OnDaemonLost;
        transport.BroadcastReceived += OnBroadcast;
        using var interruptRegistration = interrupt.Register(() => _interrupted.TrySetResult());
        try
        {
            if (!transport.IsDaemonConnected)
            {
                _daemonLost.TrySetResult();
            }
            var context = new CommandContext(transport, output, secrets, portProbe, isInteractive: true);
            var parserOptions = new ParserOptions(secrets.CanPrompt);
            while (true)
            {
                var (line, ended) = await ReadLineAsync().ConfigureAwait(false);
                var exitCode = ended ?? await RunLineAsync(line!, context, parserOptions, interrupt).ConfigureAwait(false);
                if (exitCode is { } code)
                {
                    return code;
                }
            }
        }
        finally
        {
            transport.DaemonLost -= OnDaemonLost;
            transport.BroadcastReceived -= OnBroadcast;
        }
    }

    /// <summary>Shows the prompt and waits for a line, or for whatever ends the session (its exit code).</summary>
    private async Task<(string? Line, int? ExitCode)> ReadLineAsync()
    {
        ShowPrompt();
        var read = console.ReadLineAsync(CancellationToken.None);
        var woken = await Task.WhenAny(read, _daemonLost.Task, _interrupted.Task).ConfigureAwait(false);
        if (_interrupted.Task.IsCompleted)
        {
            return (null, Interrupted());
        }
        if (woken == _daemonLost.Task)
        {
            return (null, DaemonGone());
        }
        string? line;
        try
        {
            line = await read.ConfigureAwait(false);
        }
        catch (IOException e)
        {
            LeavePrompt();
            output.ErrorLine("\nReading from the terminal: " + e.Message);
            return (null, ExitCodes.Failure);
        }
        LeavePrompt();
        if (line is null)
        {
            output.Write(TerminatedByEof);
            return (null, ExitCodes.Success);
        }
        if (!console.IsInputTerminal)
        {
            output.Write("\n"); // a script's line is not echoed: end the prompt's line
        }
        return (line, null);
    }

    /// <summary>Runs one line; returns an exit code when the session ends with it.</summary>
    private async Task<int?> RunLineAsync(string line, CommandContext context, ParserOptions parserOptions, CancellationToken interrupt)
    {
        var split = LineSplitter.Split(line);
        if (!split.IsValid)
        {
            output.ErrorLine(split.Error!);
            return null;
        }
        if (split.Words.Count == 0)
        {
            return null;
        }
        if (split.Words is ["exit"])
        {
            return ExitCodes.Success;
        }
        var outcome = CommandParser.Parse(split.Words, parserOptions);
        switch (outcome.Kind)
        {
            case ParseOutcomeKind.Text:
                output.Write(outcome.Text);
                return null;
            case ParseOutcomeKind.Error:
                output.ErrorLine(outcome.Text);
                return null;
        }
        using var commandCancellation = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        var run = CommandRunner.RunAsync(outcome.Command!, context, commandCancellation.Token);
        var finished = await Task.WhenAny(run, _daemonLost.Task, _interrupted.Task).ConfigureAwait(false);
        // Ctrl-C cancels the command's token too, so the command may finish (cancelled) before the interrupt is seen.
        if (_interrupted.Task.IsCompleted || interrupt.IsCancellationRequested)
        {
            return Interrupted(); // the command, cancelled too, is abandoned
        }
        // A shutdown sent straight to a Node's UI port drops the only connection: the command itself says how that
        // went (its call fails as soon as the connection is gone; the wait is bounded all the same).
        if (finished == _daemonLost.Task
            && (outcome.Command is not ShutdownCommand || await Task.WhenAny(run, Task.Delay(ShutdownOutcomeWait, CancellationToken.None)).ConfigureAwait(false) != run))
        {
            return DaemonGone();
        }
        CommandResult result;
        try
        {
            result = await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Interrupted();
        }
        return result switch
        {
            CommandResult.DaemonLost => DaemonGone(),
            CommandResult.NodeShutDown => NodeGone(),
            _ => null,
        };
    }

    private void OnDaemonLost() => _daemonLost.TrySetResult();

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

    private int NodeGone()
    {
        lock (output.Gate)
        {
            _atPrompt = false;
            output.Write(ErrorText.NodeGone);
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
