using System.Diagnostics;
using System.Globalization;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Ui;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Foundation;

/// <summary>The Node process on its own: privilege drop, log broadcasts, its log file.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class NodeProcessTests
{
    // Real, effective, saved and filesystem ids in /proc/<pid>/status: all of them the nobody user or group.
    private static readonly string[] Nobody = ["65534", "65534", "65534", "65534"];

    [Fact]
    public async Task A_root_Node_becomes_the_real_user_before_it_opens_the_database()
    {
        using var directory = new TestDirectory();
        var dataDirectory = directory.Combine("data");
        var isRoot = File.ReadAllText("/proc/self/status").Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";
        // "nobody" (65534) must be able to pass through the test directory to its data directory.
        File.SetUnixFileMode(directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        await using var node = await NodeProcess.StartAsync(["--neighborhood-mode", "zero-hop", "--data-directory", dataDirectory, "--real-user", $"65534:65534:{directory.Path}", "--proxy-port", "0"]);

        var uid = node.EffectiveUid();
        if (isRoot)
        {
            Assert.Equal(65534u, uid);
            Assert.Equal(65534u, FileOwner(Path.Combine(dataDirectory, "node-data.db")));
            // setgroups came first: none of root's supplementary groups survive, and every uid/gid is the user's.
            Assert.Equal(Nobody, node.Status("Uid").Split('\t', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(Nobody, node.Status("Gid").Split('\t', StringSplitOptions.RemoveEmptyEntries));
            Assert.All(node.Status("Groups").Split(' ', StringSplitOptions.RemoveEmptyEntries), g => Assert.NotEqual("0", g));
        }
        else
        {
            Assert.Equal(FileOwner("/proc/self"), uid);
        }
    }

    [Fact]
    public async Task A_root_Node_with_no_one_to_become_refuses_to_start_unless_root_is_allowed()
    {
        if (!IsRoot())
        {
            return;
        }
        using var directory = new TestDirectory();
        var result = await ProcessRunner.RunAsync(
            MasqBinaries.Node,
            ["--neighborhood-mode", "zero-hop", "--data-directory", directory.Path, "--real-user", "0:0:/root", "--proxy-port", "0", "--ui-port", Ports.Free().ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["MASQ_ALLOW_ROOT"] = "0" });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The Node is running as root and has no unprivileged user to become", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("MASQ_ALLOW_ROOT=1", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "node-data.db")));

        // The documented switch lets it run as root.
        await using var node = await NodeProcess.StartAsync(
            ["--neighborhood-mode", "zero-hop", "--data-directory", directory.Path, "--real-user", "0:0:/root", "--proxy-port", "0"],
            new Dictionary<string, string> { ["MASQ_ALLOW_ROOT"] = "1" });
        Assert.Equal(0u, node.EffectiveUid());
    }

    private static bool IsRoot() =>
        File.ReadAllText("/proc/self/status").Split('\n').First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";

    [Fact]
    public async Task Node_warnings_reach_every_UI_client_as_log_broadcasts_and_the_log_file()
    {
        using var directory = new TestDirectory();
        await using var node = await NodeProcess.StartAsync(["--neighborhood-mode", "zero-hop", "--data-directory", directory.Path, "--log-level", "info", "--proxy-port", "0"]);
        await using var asker = await RawHubConnection.ConnectAsync(node.UiPort);
        await using var listener = await RawHubConnection.ConnectAsync(node.UiPort);

        await asker.SendAsync("""{"opcode":"booga","contextId":5,"payload":{}}""");
        var reply = await asker.ReceiveAsync("booga");
        Assert.Equal(UiErrorCodes.Unmarshal, reply.Error!.Code);

        var broadcast = (await listener.ReceiveAsync(Opcodes.LogBroadcast)).GetPayload<UiLogBroadcast>();
        Assert.Equal(UiLogLevel.Warn, broadcast.LogLevel);
        Assert.Contains("unrecognized opcode 'booga'", broadcast.Msg, StringComparison.Ordinal);

        var log = await ReadSharedAsync(Path.Combine(directory.Path, "MASQNode_rCURRENT.log"));
        Assert.Contains("MASQ Node local descriptor: masq://base-mainnet:", log, StringComparison.Ordinal);
        Assert.Contains("unrecognized opcode 'booga'", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_names_each_parameter_and_starts_nothing()
    {
        using var directory = new TestDirectory();
        var result = await ProcessRunner.RunAsync(MasqBinaries.Node, ["--data-directory", directory.Path, "--neighborhood-mode", "zero-hop", "--min-hops", "9", "--gas-price", "cheap", "--booga", "1"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Configuration error", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("min-hops - ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("gas-price - ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("booga", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "node-data.db")));
    }

    [Fact]
    public async Task A_bad_config_toml_is_reported_with_its_path_and_line()
    {
        using var directory = new TestDirectory();
        var file = Path.Combine(directory.Path, "config.toml");
        await File.WriteAllTextAsync(file, "log-level = \"info\"\nneighbors = [\"a\", \"b\"]\n");
        var result = await ProcessRunner.RunAsync(MasqBinaries.Node, ["--data-directory", directory.Path, "--neighborhood-mode", "zero-hop"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(file, result.StandardError, StringComparison.Ordinal);
        Assert.Contains("2", result.StandardError, StringComparison.Ordinal);
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static uint FileOwner(string path)
    {
        var result = Process.Start(new ProcessStartInfo("stat", ["-c", "%u", path]) { RedirectStandardOutput = true })!;
        var text = result.StandardOutput.ReadToEnd().Trim();
        result.WaitForExit();
        return uint.Parse(text, CultureInfo.InvariantCulture);
    }
}
