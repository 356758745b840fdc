using System.Globalization;
using System.Net;
using Masq.Cli.Localnet;
using Masq.Cli.Output;

namespace Masq.Cli.Tests.Localnet;

/// <summary>
/// <c>localnet up 2</c>, <c>status</c> and <c>down</c> with the real MASQNode as built in src/Masq.Node (build it
/// first: this project does not reference it).
/// </summary>
public sealed class LocalnetRealNodesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "masq-localnet-real-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Up_2_starts_two_Nodes_that_print_descriptors_and_down_stops_them()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var node = NodeBinary();
        var stdout = new StringWriter();
        var runner = new LocalnetRunner(new OutputSink(stdout, new StringWriter()), () => [node], LocalnetPortProbe.IsFree, TimeSpan.FromSeconds(120));
        // An address block and port range of this run's own, away from other tests that run Nodes at the same time.
        var block = Random.Shared.Next(1, 250);
        var baseIp = IPAddress.Parse($"127.91.{block}.2");
        var options = new LocalnetUpOptions(2, baseIp, 1, _directory, "dev", null, "standard", false, 21000 + Random.Shared.Next(0, 9000), "info", null);
        try
        {
            await runner.UpAsync(options, CancellationToken.None);

            var text = stdout.ToString();
            var state = LocalnetStateStore.Read(_directory)!;
            Assert.Equal(2, state.Nodes.Count);
            foreach (var n in state.Nodes)
            {
                Assert.StartsWith("masq://dev:", n.Descriptor, StringComparison.Ordinal);
                Assert.EndsWith($"@{n.Ip}:{n.ClandestinePort}", n.Descriptor, StringComparison.Ordinal);
                Assert.Contains($"  descriptor: {n.Descriptor}", text, StringComparison.Ordinal);
                Assert.Contains($"Node {n.Index}: {n.Ip} (running, pid {n.ProcessId})", text, StringComparison.Ordinal);
                Assert.Contains($"curl -x http://127.0.0.1:{n.ProxyPort} http://example.com/", text, StringComparison.Ordinal);
                Assert.Contains($"masq --ui-port {n.UiPort} connection-status", text, StringComparison.Ordinal);
                Assert.True(LocalnetProcesses.IsRunning(n.ProcessId, n.ProcessStartTicks));
                Assert.True(File.Exists(Path.Combine(n.DataDirectory, "node.log")));
            }
            Assert.Equal($"127.91.{block}.3", state.Nodes[1].Ip);
            // The second Node was told to debut to the first.
            var commandLine = File.ReadAllText($"/proc/{state.Nodes[1].ProcessId}/cmdline").Split('\0');
            Assert.Equal(state.Nodes[0].Descriptor, commandLine[Array.IndexOf(commandLine, "--neighbors") + 1]);
            Assert.DoesNotContain(commandLine, a => a.Contains(state.Nodes[1].DbPassword, StringComparison.Ordinal));

            stdout.GetStringBuilder().Clear();
            await runner.StatusAsync(_directory, CancellationToken.None);
            Assert.StartsWith($"Localnet in {_directory}: 2 of 2 Nodes running", stdout.ToString(), StringComparison.Ordinal);

            stdout.GetStringBuilder().Clear();
            await runner.DownAsync(_directory, purge: false, CancellationToken.None);

            Assert.Contains($"Node 1 ({state.Nodes[0].Ip}, pid {state.Nodes[0].ProcessId}): stopped", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains($"Node 2 ({state.Nodes[1].Ip}, pid {state.Nodes[1].ProcessId}): stopped", stdout.ToString(), StringComparison.Ordinal);
            foreach (var n in state.Nodes)
            {
                Assert.False(LocalnetProcesses.IsRunning(n.ProcessId, n.ProcessStartTicks));
                Assert.True(await GoneAsync(n.ProcessId!.Value), $"process {n.ProcessId} still exists");
            }
            Assert.All(LocalnetStateStore.Read(_directory)!.Nodes, n => Assert.Null(n.ProcessId));
        }
        finally
        {
            foreach (var n in LocalnetStateStore.Read(_directory)?.Nodes ?? [])
            {
                if (n.ProcessId is { } pid)
                {
                    LocalnetProcesses.Kill(pid, n.ProcessStartTicks);
                }
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<bool> GoneAsync(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            if (!Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>MASQNode as built in src/Masq.Node, in this test assembly's configuration.</summary>
    private static string NodeBinary()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Masq.sln")))
        {
            directory = directory.Parent;
        }
        Assert.True(directory is not null, "Masq.sln not found above the test directory");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(directory.FullName, "src", "Masq.Node", "bin", configuration, "net10.0", "MASQNode");
        Assert.True(File.Exists(path), $"Build src/Masq.Node first: {path} is missing");
        return path;
    }
}
