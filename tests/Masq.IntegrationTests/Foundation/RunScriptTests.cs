using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Masq.IntegrationTests.Architecture;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.Foundation;

/// <summary>
/// Ctrl-C on <c>scripts/run.sh</c> stops everything it started: the Daemon, the Node the Daemon launched
/// (which still holds the proxy port otherwise) and the dashboard. The script runs this build's apphosts
/// (<c>MASQ_RUN_BINARIES</c>) rather than publishing.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class RunScriptTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task The_signal_stops_the_Daemon_its_Node_and_the_dashboard(string signal)
    {
        using var home = new TestDirectory();
        var binaries = home.Combine("binaries");
        Directory.CreateDirectory(binaries);
        foreach (var binary in new[] { MasqBinaries.Node, MasqBinaries.Cli, MasqBinaries.Dashboard })
        {
            var project = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(binary))))!)!;
            Directory.CreateSymbolicLink(Path.Combine(binaries, project), Path.GetDirectoryName(binary)!);
        }

        await NodeProcess.CreateDatabaseAsync(home.Combine(".local", "share", "MASQ", "base-mainnet"));
        var uiPort = Ports.Free();
        var proxyPort = Ports.Free();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home.Path,
            ["XDG_DATA_HOME"] = home.Combine(".local", "share"),
            ["MASQ_RUN_BINARIES"] = binaries,
            ["MASQ_UI_PORT"] = uiPort.ToString(CultureInfo.InvariantCulture),
            ["MASQ_DASHBOARD_URL"] = $"http://127.0.0.1:{Ports.Free().ToString(CultureInfo.InvariantCulture)}",
            ["MASQ_PROXY_PORT"] = proxyPort.ToString(CultureInfo.InvariantCulture),
        };
        using var script = new ProductProcess(ProcessRunner.StartInfo("bash", [Path.Combine(DependencyRuleTests.RepositoryRoot(), "scripts", "run.sh")], environment));
        await script.WaitUntilAsync(() => Task.FromResult(script.Output.Contains("Masq is running.", StringComparison.Ordinal)), TimeSpan.FromSeconds(120), "run.sh");

        // The printed dashboard link carries this run's access token: it logs a browser in; the bare address does not.
        var link = DashboardLinkPattern().Match(script.Output);
        Assert.True(link.Success, $"run.sh printed no dashboard link with a token:\n{script.Output}");
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var bare = await browser.GetAsync(new Uri(new Uri(link.Value), "/"));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, bare.StatusCode);
            using var login = await browser.GetAsync(new Uri(link.Value));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        }

        var start = await ProcessRunner.RunAsync(MasqBinaries.Cli, ["--ui-port", uiPort.ToString(CultureInfo.InvariantCulture), "start"], environment);
        Assert.True(start.ExitCode == 0, start.ToString());
        var nodePid = int.Parse(StartedPattern().Match(start.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);
        var children = (await ProcessRunner.RunAsync("pgrep", ["-P", script.Id.ToString(CultureInfo.InvariantCulture)])).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        Assert.True(children.Count >= 2, $"run.sh's children: {string.Join(',', children)}\n{script.Output}");
        Assert.True(IsListening(proxyPort), "the Node does not serve its proxy port");

        var kill = await ProcessRunner.RunAsync("kill", ["-s", signal, script.Id.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal(0, kill.ExitCode);

        Assert.True(await script.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"run.sh still runs after SIG{signal}:\n{script.Output}");
        foreach (var pid in children.Append(nodePid))
        {
            Assert.False(IsAlive(pid), $"process {pid} survived SIG{signal} to run.sh:\n{script.Output}");
        }

        Assert.False(IsListening(proxyPort), $"port {proxyPort} is still held:\n{script.Output}");
        Assert.True(script.Output.Contains("terminated with exit code 0", StringComparison.Ordinal), $"the Node did not end with exit code 0:\n{script.Output}");
        Assert.DoesNotContain("Unhandled exception", script.Output, StringComparison.Ordinal);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && File.Exists($"/proc/{pid}/status") && !File.ReadAllText($"/proc/{pid}/status").Contains("State:\tZ", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{64}")]
    private static partial Regex DashboardLinkPattern();

    [GeneratedRegex(@"started in process (\d+)")]
    private static partial Regex StartedPattern();
}
