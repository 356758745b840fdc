using Masq.Node.Neighborhood;

namespace Masq.Node.Tests.Neighborhood.Progress;

public sealed class RootVersionFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("masq-root-version-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_new_node_starts_at_zero_and_a_restarted_one_above_the_last_version_it_signed()
    {
        Assert.Equal(0u, new RootVersionFile(_directory).FirstVersion());

        var run = new RootVersionFile(_directory);
        Assert.True(run.Save(7));
        Assert.True(run.Save(5));

        Assert.Equal(8u, new RootVersionFile(_directory).FirstVersion());
    }

    [Fact]
    public void A_damaged_file_is_treated_as_no_file()
    {
        File.WriteAllText(Path.Combine(_directory, RootVersionFile.FileName), "not a number");

        Assert.Equal(0u, new RootVersionFile(_directory).FirstVersion());
    }

    [Fact]
    public void An_unwritable_directory_is_reported_not_thrown()
    {
        var missing = new RootVersionFile(Path.Combine(_directory, "gone", "deeper"));

        Assert.False(missing.Save(3));
    }
}
