using Masq.Cli.Localnet;

namespace Masq.Cli.Tests.Localnet;

public sealed class NodeExecutableLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "masq-localnet-locator-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_environment_override_wins_and_must_exist()
    {
        var node = Touch(Path.Combine(_root, "custom", "MASQNode"));
        var dll = Touch(Path.Combine(_root, "custom", "MASQNode.dll"));

        Assert.Equal([node], NodeExecutableLocator.Locate(node, _root));
        Assert.Equal(dll, NodeExecutableLocator.Locate(dll, _root)[^1]);
        Assert.Equal(2, NodeExecutableLocator.Locate(dll, _root).Count);
        var e = Assert.Throws<FileNotFoundException>(() => NodeExecutableLocator.Locate(Path.Combine(_root, "nowhere"), _root));
        Assert.Contains("MASQ_NODE_PATH", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MASQNode_next_to_masq_is_found_before_the_source_tree_build()
    {
        var cliBuild = Path.Combine(_root, "src", "Masq.Cli", "bin", "Debug", "net10.0");
        var nodeBuild = Touch(Path.Combine(_root, "src", "Masq.Node", "bin", "Debug", "net10.0", "MASQNode"));
        Directory.CreateDirectory(cliBuild);

        Assert.Equal([nodeBuild], NodeExecutableLocator.Locate(null, cliBuild));

        var beside = Touch(Path.Combine(cliBuild, "MASQNode"));
        Assert.Equal([beside], NodeExecutableLocator.Locate(null, cliBuild));
    }

    [Fact]
    public void Nothing_found_says_where_it_looked()
    {
        var cliBuild = Path.Combine(_root, "bin", "Debug", "net10.0");
        Directory.CreateDirectory(cliBuild);

        var e = Assert.Throws<FileNotFoundException>(() => NodeExecutableLocator.Locate(string.Empty, cliBuild));

        Assert.Contains("MASQ_NODE_PATH", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(cliBuild, "MASQNode"), e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
        return path;
    }
}
