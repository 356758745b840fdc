using System.Globalization;
using Masq.Lib.Ui.Client;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>A real Node process started directly (without a Daemon) on a free UI port.</summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly ProductProcess _process;

    private NodeProcess(ProductProcess process, int uiPort)
    {
        _process = process;
        UiPort = uiPort;
    }

    public int UiPort { get; }

    public string Output => _process.Output;

    public static async Task<NodeProcess> StartAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = Ports.Free();
        var process = new ProductProcess(ProcessRunner.StartInfo(MasqBinaries.Node, [.. args, "--ui-port", port.ToString(CultureInfo.InvariantCulture)], environment));
        try
        {
            await process.WaitUntilAsync(() => UiClient.ProbeAsync(port, TimeSpan.FromMilliseconds(500)), TimeSpan.FromSeconds(30), "The Node");
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new NodeProcess(process, port);
    }

    /// <summary>
    /// Creates the Node database in <paramref name="dataDirectory"/> by running a zero-hop Node there once: creating it
    /// can take longer on a loaded machine than a Daemon waits for the Node it launches to open its UI port.
    /// </summary>
    public static async Task CreateDatabaseAsync(string dataDirectory)
    {
        await using var node = await StartAsync(["--neighborhood-mode", "zero-hop", "--data-directory", dataDirectory, "--proxy-port", "0"]);
    }

    /// <summary>The effective uid of the process, from /proc.</summary>
    public uint EffectiveUid()
    {
        var line = File.ReadAllLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
    }

    /// <summary>A line of /proc/PID/status (Uid, Gid, Groups), without its name.</summary>
    public string Status(string field) => ProcStatus(_process.Id, field);

    public static string ProcStatus(int pid, string field) =>
        File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Trim();

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
