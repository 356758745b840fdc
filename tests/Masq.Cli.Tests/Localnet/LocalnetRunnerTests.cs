using Masq.Cli.Commands;
using Masq.Cli.Localnet;
using Masq.Cli.Output;

namespace Masq.Cli.Tests.Localnet;

/// <summary>The runner with stand-in Node programs (shell scripts): start-up failures, records, down and status without Nodes.</summary>
public sealed class LocalnetRunnerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "masq-localnet-runner-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task A_Node_that_dies_at_start_is_reported_with_the_end_of_its_log()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var script = Script("echo 'Configuration error' >&2\necho \"ip was $4\" >&2\nexit 1\n");
        var runner = Runner(script);

        var e = await Assert.ThrowsAsync<CommandFailedException>(() => runner.UpAsync(Options(2), CancellationToken.None));

        Assert.StartsWith("Node 1 (127.0.0.2) exited with code 1 while starting. The end of " + Path.Combine(_directory, "node-1", "node.log"), e.Message, StringComparison.Ordinal);
        Assert.Contains("Configuration error\nip was 127.0.0.2", e.Message, StringComparison.Ordinal);
        var state = LocalnetStateStore.Read(_directory);
        var node = Assert.Single(state!.Nodes);
        Assert.Null(node.ProcessId);
        Assert.Equal(64, node.ConsumingPrivateKey.Length);
    }

    [Fact]
    public async Task A_missing_Node_program_is_a_clear_failure()
    {
        var runner = new LocalnetRunner(new OutputSink(_stdout, _stderr), () => throw new FileNotFoundException("Cannot find the MASQNode executable"), (_, _) => true, TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<CommandFailedException>(() => runner.UpAsync(Options(1), CancellationToken.None));

        Assert.Equal("Cannot find the MASQNode executable", e.Message);
    }

    [Fact]
    public async Task Down_and_status_without_a_record_say_there_is_no_localnet()
    {
        var runner = Runner("/bin/true");

        var down = await Assert.ThrowsAsync<CommandFailedException>(() => runner.DownAsync(_directory, false, CancellationToken.None));
        var status = await Assert.ThrowsAsync<CommandFailedException>(() => runner.StatusAsync(_directory, CancellationToken.None));

        Assert.Equal($"No localnet in {_directory} (there is no localnet.json); nothing to stop", down.Message);
        Assert.StartsWith($"No localnet in {_directory}", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Down_of_a_stopped_localnet_says_so_and_purge_deletes_it()
    {
        LocalnetStateStore.Write(_directory, new LocalnetState(1, "dev", 3, ["MASQNode"], DateTimeOffset.UnixEpoch,
        [
            new LocalnetNodeState(1, "127.0.0.2", 1, 2, 3, Path.Combine(_directory, "node-1"), "log", [], null, null, null, "pw", "key"),
        ]));
        Directory.CreateDirectory(Path.Combine(_directory, "node-1"));
        var runner = Runner("/bin/true");

        await runner.DownAsync(_directory, purge: true, CancellationToken.None);

        Assert.Contains("No Node of the localnet in " + _directory + " is running.", _stdout.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(LocalnetStateStore.PathIn(_directory)));
        Assert.False(Directory.Exists(Path.Combine(_directory, "node-1")));
    }

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private LocalnetUpOptions Options(int count) =>
        LocalnetPlannerTests.Options(count) with { DataDirectory = _directory, FirstPort = 40000 + Random.Shared.Next(0, 10000) };

    private LocalnetRunner Runner(string nodeProgram) =>
        new(new OutputSink(_stdout, _stderr), () => [nodeProgram], (_, _) => true, TimeSpan.FromSeconds(20));

    private string Script(string body)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "fake-node.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }
}
