using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Masq.Benchmarks.Mesh;

/// <summary>The benchmark's Node processes (<c>mesh-node</c>), started from one config and stopped together.</summary>
internal sealed class MeshProcesses : IAsyncDisposable
{
    private readonly List<Process> _processes;
    private readonly string _configFile;

    private MeshProcesses(List<Process> processes, string configFile, Uri proxyUri)
    {
        _processes = processes;
        _configFile = configFile;
        ProxyUri = proxyUri;
    }

    public Uri ProxyUri { get; }

    public static async Task<MeshProcesses> StartAsync(MeshConfig config)
    {
        string file = Path.Combine(Path.GetTempPath(), $"masq-mesh-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(config));
        var processes = new List<Process>();
        for (int i = config.Nodes.Count - 1; i >= 0; i--)
        {
            var info = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("mesh-node");
            info.ArgumentList.Add(file);
            info.ArgumentList.Add(i.ToString(CultureInfo.InvariantCulture));
            var process = Process.Start(info)!;
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line != "READY")
            {
                throw new InvalidOperationException($"Node {i} did not start: {line}");
            }

            processes.Add(process);
        }

        return new MeshProcesses(processes, file, new Uri($"http://127.0.0.1:{config.Nodes[0].ProxyPort}"));
    }

    /// <summary>Each Node's peak resident set (VmHWM) in MB, in Node order (originator first).</summary>
    public IEnumerable<double> PeakRssMegabytes() =>
        _processes.AsEnumerable().Reverse().Select(p =>
        {
            string line = File.ReadLines($"/proc/{p.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024 / 1e6;
        });

    /// <summary>Each Node's CPU time so far (user + system, seconds), in Node order.</summary>
    public IEnumerable<double> CpuSeconds() =>
        _processes.AsEnumerable().Reverse().Select(p =>
        {
            p.Refresh();
            return p.TotalProcessorTime.TotalSeconds;
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.StandardInput.Close();
        }

        foreach (var process in _processes)
        {
            if (!await WaitAsync(process))
            {
                process.Kill();
            }

            process.Dispose();
        }

        File.Delete(_configFile);
    }

    private static async Task<bool> WaitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
