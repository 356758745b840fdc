using System.Diagnostics;
using System.Globalization;
using System.Text;
using Masq.Lib.Ui.Client;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>A real Node process started directly (without a Daemon) on a free UI port.</summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, int uiPort)
    {
        _process = process;
        UiPort = uiPort;
    }

    public int UiPort { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<NodeProcess> StartAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = Ports.Free();
        var process = new Process { StartInfo = ProcessRunner.StartInfo(MasqBinaries.Node, [.. args, "--ui-port", port.ToString(CultureInfo.InvariantCulture)], environment) };
        var node = new NodeProcess(process, port);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Node exited with {process.ExitCode}:\n{node.Output}");
            }
            if (await UiClient.ProbeAsync(port, TimeSpan.FromMilliseconds(500)))
            {
                return node;
            }
            await Task.Delay(100);
        }
        await node.DisposeAsync();
        throw new TimeoutException($"The Node did not open its UI port:\n{node.Output}");
    }

    /// <summary>The effective uid of the process, from /proc.</summary>
    public uint EffectiveUid()
    {
        var line = File.ReadAllLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}
