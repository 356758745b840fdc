using System.Diagnostics;
using System.Globalization;
using System.Net;
using Masq.Cli.Commands;
using Masq.Cli.Output;
using Masq.Lib.Ui.Messages;

namespace Masq.Cli.Localnet;

/// <summary>
/// Carries out <c>localnet up</c>, <c>down</c> and <c>status</c>. Failures are <see cref="CommandFailedException"/>s
/// whose message says what went wrong and what to do.
/// </summary>
/// <param name="output">Where progress and results go.</param>
/// <param name="locateNode">The program (and leading arguments) that start a Node.</param>
/// <param name="isPortFree">Whether a port can be listened on at an address.</param>
/// <param name="startTimeout">How long one Node may take to serve its UI after it was started.</param>
internal sealed class LocalnetRunner(
    OutputSink output,
    Func<IReadOnlyList<string>> locateNode,
    Func<IPAddress, int, bool> isPortFree,
    TimeSpan startTimeout)
{
    public const string DescriptorLogPrefix = "MASQ Node local descriptor: ";

    /// <summary>How long a Node is given to exit after the <c>shutdown</c> message before it is killed.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The runner of the real masq: <c>MASQ_NODE_PATH</c> or the MASQNode next to masq, real ports.</summary>
    public static LocalnetRunner ForProcess(OutputSink output) => new(
        output,
        () => NodeExecutableLocator.Locate(Environment.GetEnvironmentVariable(LocalnetDefaults.NodePathVariable), AppContext.BaseDirectory),
        LocalnetPortProbe.IsFree,
        DefaultStartTimeout);

    public Task RunAsync(LocalnetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Action switch
        {
            LocalnetAction.Up => UpAsync(request.Up ?? throw new ArgumentException("'up' without options", nameof(request)), cancellationToken),
            LocalnetAction.Down => DownAsync(request.DataDirectory, request.Purge, cancellationToken),
            _ => StatusAsync(request.DataDirectory, cancellationToken),
        };
    }

    public async Task UpAsync(LocalnetUpOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (OperatingSystem.IsWindows())
        {
            throw new CommandFailedException("masq localnet runs on Linux and macOS only");
        }
        var previous = ReadState(options.DataDirectory);
        if (previous is not null)
        {
            var stillRunning = previous.Nodes.Count(n => LocalnetProcesses.IsRunning(n.ProcessId, n.ProcessStartTicks));
            if (stillRunning > 0)
            {
                throw new CommandFailedException(
                    $"A localnet is already running in {options.DataDirectory} ({stillRunning} Node{(stillRunning == 1 ? string.Empty : "s")}); stop it first with 'masq localnet down --data-directory {options.DataDirectory}'");
            }
        }
        IReadOnlyList<string> nodeCommand;
        try
        {
            nodeCommand = locateNode();
        }
        catch (FileNotFoundException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        IReadOnlyList<LocalnetNodePlan> plan;
        try
        {
            plan = LocalnetPlanner.Plan(options, isPortFree);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Net.Sockets.SocketException)
        {
            throw new CommandFailedException(e.Message, e);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Starting {options.Count} MASQ Node{(options.Count == 1 ? string.Empty : "s")} from {nodeCommand[^1]} in {options.DataDirectory}, one at a time..."));
        var state = new LocalnetState(LocalnetState.CurrentVersion, options.Chain, options.MinHops, nodeCommand, DateTimeOffset.UtcNow, []);
        var nodes = new List<LocalnetNodeState>();
        foreach (var node in plan)
        {
            try
            {
                Directory.CreateDirectory(node.DataDirectory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await AbandonAsync(state, nodes, options.DataDirectory, cancellationToken).ConfigureAwait(false);
                throw new CommandFailedException($"Cannot create {node.DataDirectory}: {e.Message}", e);
            }
            var secrets = previous?.Nodes.FirstOrDefault(n => n.Index == node.Index)?.Secrets ?? LocalnetNodeSecrets.New();
            var neighborDescriptors = node.Neighbors.Select(i => nodes[i - 1].Descriptor!).ToList();
            var launch = LocalnetNodeLaunch.For(options, node, neighborDescriptors, secrets);
            var logOffset = File.Exists(node.LogFile) ? new FileInfo(node.LogFile).Length : 0;
            Process process;
            try
            {
                process = LocalnetProcesses.StartDetached(nodeCommand, launch, node.LogFile);
            }
            catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException)
            {
                await AbandonAsync(state, nodes, options.DataDirectory, cancellationToken).ConfigureAwait(false);
                throw new CommandFailedException($"Cannot start Node {node.Index}: {e.Message}", e);
            }
            using (process)
            {
                var nodeState = new LocalnetNodeState(
                    node.Index, node.Ip.ToString(), node.ClandestinePort, node.UiPort, node.ProxyPort, node.DataDirectory, node.LogFile,
                    node.Neighbors, null, process.Id, LocalnetProcesses.StartTicks(process), secrets.DbPassword, secrets.ConsumingPrivateKey);
                nodes.Add(nodeState);
                WriteState(options.DataDirectory, state with { Nodes = nodes });
                string descriptor;
                try
                {
                    descriptor = await WaitUntilReadyAsync(process, node, logOffset, cancellationToken).ConfigureAwait(false);
                }
                catch (CommandFailedException)
                {
                    await AbandonAsync(state, nodes, options.DataDirectory, CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
                catch (OperationCanceledException)
                {
                    await AbandonAsync(state, nodes, options.DataDirectory, CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
                var wallets = await LocalnetNodeUi.WalletAddressesAsync(node.UiPort, secrets.DbPassword, cancellationToken).ConfigureAwait(false);
                nodes[^1] = nodeState with
                {
                    Descriptor = descriptor,
                    ConsumingWallet = wallets?.ConsumingWalletAddress,
                    EarningWallet = wallets?.EarningWalletAddress ?? LocalnetNodeLaunch.EarningWallet(secrets),
                };
                WriteState(options.DataDirectory, state with { Nodes = nodes });
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  Node {node.Index} is up at {node.Ip} (pid {process.Id}): {descriptor}"));
            }
        }
        output.Write(LocalnetFormatter.Started(state with { Nodes = nodes }, options));
    }

    public async Task DownAsync(string dataDirectory, bool purge, CancellationToken cancellationToken)
    {
        var state = ReadState(dataDirectory)
            ?? throw new CommandFailedException($"No localnet in {dataDirectory} (there is no {LocalnetDefaults.StateFileName}); nothing to stop");
        var running = state.Nodes.Where(n => LocalnetProcesses.IsRunning(n.ProcessId, n.ProcessStartTicks)).ToList();
        if (running.Count == 0)
        {
            output.WriteLine($"No Node of the localnet in {dataDirectory} is running.");
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopping {running.Count} Node{(running.Count == 1 ? string.Empty : "s")}..."));
        }
        var outcomes = await Task.WhenAll(running.Select(n => StopAsync(n, cancellationToken))).ConfigureAwait(false);
        var failed = new List<LocalnetNodeState>();
        for (var i = 0; i < running.Count; i++)
        {
            var node = running[i];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Node {node.Index} ({node.Ip}, pid {node.ProcessId}): {LocalnetFormatter.Stopped(outcomes[i])}"));
            if (outcomes[i] == StopOutcome.NotStopped)
            {
                failed.Add(node);
            }
        }
        var remaining = state with
        {
            Nodes = state.Nodes.Select(n => failed.Contains(n) ? n : n with { ProcessId = null, ProcessStartTicks = null }).ToList(),
        };
        if (purge && failed.Count == 0)
        {
            foreach (var node in state.Nodes)
            {
                TryDeleteDirectory(node.DataDirectory);
            }
            LocalnetStateStore.Delete(dataDirectory);
            output.WriteLine($"Deleted the Nodes' data directories and {LocalnetStateStore.PathIn(dataDirectory)}.");
        }
        else
        {
            WriteState(dataDirectory, remaining);
        }
        if (failed.Count > 0)
        {
            throw new CommandFailedException(
                "Could not stop " + string.Join(", ", failed.Select(n => string.Create(CultureInfo.InvariantCulture, $"Node {n.Index} (pid {n.ProcessId})"))) + "; stop it by hand");
        }
    }

    public async Task StatusAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var state = ReadState(dataDirectory)
            ?? throw new CommandFailedException($"No localnet in {dataDirectory} (there is no {LocalnetDefaults.StateFileName}); start one with 'masq localnet up N'");
        var running = state.Nodes.Select(n => LocalnetProcesses.IsRunning(n.ProcessId, n.ProcessStartTicks)).ToList();
        var stages = await Task.WhenAll(state.Nodes.Select((n, i) => running[i]
            ? LocalnetNodeUi.ConnectionStageAsync(n.UiPort, cancellationToken)
            : Task.FromResult<UiConnectionStage?>(null))).ConfigureAwait(false);
        output.Write(LocalnetFormatter.Status(dataDirectory, state, running, stages));
    }

    private async Task<string> WaitUntilReadyAsync(Process process, LocalnetNodePlan node, long logOffset, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < startTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"Node {node.Index} ({node.Ip}) exited with code {process.ExitCode} while starting. The end of {node.LogFile}:\n{LogTail(node.LogFile, logOffset)}{LoopbackHint(node)}"));
            }
            if (await LocalnetNodeUi.IsServingAsync(node.UiPort, cancellationToken).ConfigureAwait(false))
            {
                var descriptor = await LocalnetNodeUi.DescriptorAsync(node.UiPort, cancellationToken).ConfigureAwait(false)
                    ?? DescriptorFromLog(node.LogFile, logOffset);
                if (descriptor is not null)
                {
                    return descriptor;
                }
            }
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
        throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture,
            $"Node {node.Index} ({node.Ip}) did not answer on UI port {node.UiPort} within {startTimeout.TotalSeconds:0} s and was killed. The end of {node.LogFile}:\n{LogTail(node.LogFile, logOffset)}"));
    }

    /// <summary>Stops the Nodes of a failed <c>up</c> and records that they are stopped.</summary>
    private async Task AbandonAsync(LocalnetState state, List<LocalnetNodeState> nodes, string dataDirectory, CancellationToken cancellationToken)
    {
        if (nodes.Count > 0)
        {
            output.WriteLine("Stopping the Nodes already started...");
        }
        await Task.WhenAll(nodes.Select(n => StopAsync(n, cancellationToken))).ConfigureAwait(false);
        WriteState(dataDirectory, state with { Nodes = nodes.Select(n => n with { ProcessId = null, ProcessStartTicks = null }).ToList() });
    }

    private static async Task<StopOutcome> StopAsync(LocalnetNodeState node, CancellationToken cancellationToken)
    {
        if (node.ProcessId is not { } pid)
        {
            return StopOutcome.ShutDown;
        }
        await LocalnetNodeUi.ShutdownAsync(node.UiPort, cancellationToken).ConfigureAwait(false);
        if (await LocalnetProcesses.WaitForExitAsync(pid, node.ProcessStartTicks, ShutdownGrace, cancellationToken).ConfigureAwait(false))
        {
            return StopOutcome.ShutDown;
        }
        LocalnetProcesses.Kill(pid, node.ProcessStartTicks);
        return await LocalnetProcesses.WaitForExitAsync(pid, node.ProcessStartTicks, TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false)
            ? StopOutcome.Killed
            : StopOutcome.NotStopped;
    }

    /// <summary>The descriptor the Node wrote to its log since <paramref name="offset"/>.</summary>
    public static string? DescriptorFromLog(string logFile, long offset)
    {
        var text = ReadLog(logFile, offset);
        var line = text.Split('\n').LastOrDefault(l => l.Contains(DescriptorLogPrefix, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }
        var descriptor = line[(line.IndexOf(DescriptorLogPrefix, StringComparison.Ordinal) + DescriptorLogPrefix.Length)..].Trim();
        return descriptor.StartsWith("masq://", StringComparison.Ordinal) ? descriptor : null;
    }

    private static string LogTail(string logFile, long offset)
    {
        var lines = ReadLog(logFile, offset).TrimEnd('\n').Split('\n');
        var tail = string.Join("\n", lines.TakeLast(20));
        return tail.Length == 0 ? "(empty)" : tail;
    }

    private static string ReadLog(string logFile, long offset)
    {
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static string LoopbackHint(LocalnetNodePlan node) =>
        OperatingSystem.IsMacOS() && !node.Ip.Equals(IPAddress.Loopback)
            ? $"\nOn macOS, loopback addresses other than 127.0.0.1 need an alias first: sudo ifconfig lo0 alias {node.Ip} up"
            : string.Empty;

    private static LocalnetState? ReadState(string dataDirectory)
    {
        try
        {
            return LocalnetStateStore.Read(dataDirectory);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot read the localnet record: {e.Message}", e);
        }
    }

    private static void WriteState(string dataDirectory, LocalnetState state)
    {
        try
        {
            LocalnetStateStore.Write(dataDirectory, state);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot write {LocalnetStateStore.PathIn(dataDirectory)}: {e.Message}", e);
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; the message below still names the record as deleted, the directory stays for the user.
        }
    }
}
