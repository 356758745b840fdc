using System.Diagnostics;
using Masq.Lib.Configuration;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Masq.Daemon.Launcher;

/// <summary>
/// Starts the Node from the Daemon's own binary with a free UI port, then verifies the launch by connecting to the
/// Node's UI hub, as the reference does: died at once, unresponsive (killed), or running.
/// </summary>
internal sealed partial class NodeLauncher(IOptions<NodeLauncherOptions> options, TimeProvider time, ILogger<NodeLauncher> logger) : INodeLauncher
{
    private readonly NodeLauncherOptions _options = options.Value;

    public async Task<NodeLaunchResult> LaunchAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, Action<NodeExit> onExit, CancellationToken cancellationToken)
    {
        int uiPort;
        try
        {
            uiPort = FreePorts.FindFrom(_options.FirstUiPort);
        }
        catch (InvalidOperationException e)
        {
            return NodeLaunchResult.Failed(e.Message);
        }
        var startInfo = new ProcessStartInfo(_options.NodeCommand[0])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
        };
        foreach (var argument in _options.NodeCommand.Skip(1).Concat(arguments).Concat(["--ui-port", uiPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        if (_options.CookiePath is { } cookiePath)
        {
            startInfo.Environment[UiCookie.EnvironmentVariable] = cookiePath;
        }
        if (_options.AllowRoot)
        {
            startInfo.Environment[RootPolicy.AllowRootVariable] = "1";
        }
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var tail = new StderrTail();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            tail.Append(e.Data);
            Console.Error.WriteLine(e.Data);
        };
        try
        {
            if (!process.Start())
            {
                process.Dispose();
                return NodeLaunchResult.Failed("Cannot execute command: the process did not start");
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            process.Dispose();
            return NodeLaunchResult.Failed($"Cannot execute command: {e.Message}");
        }
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        var pid = process.Id;
        LogSpawned(pid, uiPort);

        var verified = await VerifyAsync(process, uiPort, tail, cancellationToken).ConfigureAwait(false);
        if (verified is not null)
        {
            process.Dispose();
            return NodeLaunchResult.Failed(verified);
        }
        _ = WatchAsync(process, tail, onExit);
        return NodeLaunchResult.Success(new LaunchedNode(pid, uiPort, () => IsAlive(pid)));
    }

    private async Task<string?> VerifyAsync(Process process, int uiPort, StderrTail tail, CancellationToken cancellationToken)
    {
        var pid = process.Id;
        string DiedImmediately()
        {
            process.WaitForExit(); // lets stderr reach its end, so the tail says why
            var why = tail.ToString();
            return why.Length == 0
                ? $"Node started in process {pid}, but died immediately."
                : $"Node started in process {pid}, but died immediately:\n{why}";
        }

        var deadline = time.GetTimestamp() + (long)(_options.VerificationTimeout.TotalSeconds * time.TimestampFrequency);
        while (time.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                return DiedImmediately();
            }
            if (await UiClient.ProbeAsync(uiPort, _options.ProbeInterval, _options.CookieSecret, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            if (process.HasExited)
            {
                return DiedImmediately();
            }
            await Task.Delay(_options.ProbeInterval, time, cancellationToken).ConfigureAwait(false);
        }
        LogUnresponsive(pid, uiPort);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited on its own meanwhile.
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return $"Node started in process {pid}, but was unresponsive and was successfully killed.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Node started in process {pid}, but was unresponsive and could not be killed. Manual intervention is required.";
        }
    }

    private async Task WatchAsync(Process process, StderrTail tail, Action<NodeExit> onExit)
    {
        using (process)
        {
            await process.WaitForExitAsync().ConfigureAwait(false);
            // WaitForExitAsync returns after stderr reached EOF, so the tail is complete.
            var exit = new NodeExit(process.Id, process.ExitCode, tail.ToString());
            LogExited(exit.ProcessId, exit.ExitCode);
            onExit(exit);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = DaemonEventIds.NodeStarted, Level = LogLevel.Information, Message = "Started Node in process {ProcessId} with UI port {UiPort}")]
    private partial void LogSpawned(int processId, int uiPort);

    [LoggerMessage(EventId = DaemonEventIds.NodeUiPortTimedOut, Level = LogLevel.Warning, Message = "Node in process {ProcessId} did not open UI port {UiPort} in time; killing it")]
    private partial void LogUnresponsive(int processId, int uiPort);

    [LoggerMessage(EventId = DaemonEventIds.NodeExited, Level = LogLevel.Information, Message = "Node in process {ProcessId} exited with code {ExitCode}")]
    private partial void LogExited(int processId, int exitCode);
}
