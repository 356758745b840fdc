using Masq.Cli.Interactive;

namespace Masq.Cli.Tests.Interactive;

public sealed class CommandHistoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("masq-history-").FullName;

    private string FilePath => Path.Join(_directory, "MASQ", "masq_history");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Lines_are_kept_in_order_and_survive_a_restart()
    {
        var history = new CommandHistory(FilePath);
        history.Add("setup");
        history.Add("  start ");
        history.Add("start");
        history.Add("");

        Assert.Equal(["setup", "start"], history.Entries);
        Assert.Equal(["setup", "start"], new CommandHistory(FilePath).Entries);
    }

    [Theory]
    [InlineData("set-password --new-password hunter2")]
    [InlineData("change-password old new")]
    [InlineData("setup --db-password hunter2")]
    [InlineData("setup --consuming-private-key 0123")]
    [InlineData("recover-wallets --mnemonic-phrase \"a b c\" --passphrase x")]
    public void Lines_that_may_carry_secrets_are_never_kept(string line)
    {
        var history = new CommandHistory(FilePath);

        history.Add(line);

        Assert.Empty(history.Entries);
        Assert.False(File.Exists(FilePath) && File.ReadAllText(FilePath).Length > 0);
    }

    [Fact]
    public void The_history_file_is_only_for_its_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        new CommandHistory(FilePath).Add("setup");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
    }

    [Fact]
    public void Only_the_newest_entries_are_kept()
    {
        var history = new CommandHistory(null);
        for (var i = 0; i < CommandHistory.MaxEntries + 5; i++)
        {
            history.Add("command " + i);
        }

        Assert.Equal(CommandHistory.MaxEntries, history.Entries.Count);
        Assert.Equal("command 5", history.Entries[0]);
    }

    [Fact]
    public void An_unwritable_history_file_costs_only_the_history()
    {
        var history = new CommandHistory(Path.Join(_directory, "no-such", "\0bad"));

        history.Add("setup");

        Assert.Equal(["setup"], history.Entries);
    }
}
