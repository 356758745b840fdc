using Masq.Cli.Localnet;

namespace Masq.Cli.Tests.Localnet;

public sealed class LocalnetStateStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "masq-localnet-state-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_record_round_trips_and_only_its_owner_may_read_it()
    {
        var state = new LocalnetState(LocalnetState.CurrentVersion, "dev", 3, ["/opt/MASQNode"], DateTimeOffset.UnixEpoch,
        [
            new LocalnetNodeState(1, "127.0.0.2", 20000, 20001, 20002, "/tmp/ln/node-1", "/tmp/ln/node-1/node.log", [], "masq://dev:AAA@127.0.0.2:20000", 1234, 5678, "pw", new string('b', 64)),
        ]);

        LocalnetStateStore.Write(_directory, state);
        var read = LocalnetStateStore.Read(_directory);

        Assert.NotNull(read);
        Assert.Equal(state.Chain, read.Chain);
        Assert.Equal(state.NodeCommand, read.NodeCommand);
        var node = Assert.Single(read.Nodes);
        Assert.Equal(state.Nodes[0] with { Neighbors = node.Neighbors }, node);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LocalnetStateStore.PathIn(_directory)));
        }
        Assert.Contains("\"dbPassword\": \"pw\"", File.ReadAllText(LocalnetStateStore.PathIn(_directory)), StringComparison.Ordinal);
    }

    [Fact]
    public void No_record_reads_as_null_and_a_broken_one_is_invalid_data()
    {
        Assert.Null(LocalnetStateStore.Read(_directory));

        Directory.CreateDirectory(_directory);
        File.WriteAllText(LocalnetStateStore.PathIn(_directory), "{ not json");

        Assert.Throws<InvalidDataException>(() => LocalnetStateStore.Read(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
