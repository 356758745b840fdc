using Masq.Lib.Blockchains;
using Masq.Lib.Configuration;
using Masq.Lib.Tests.TestSupport;

namespace Masq.Lib.Tests.Configuration;

public sealed class ConfigurationPathsTests
{
    [Fact]
    public void The_default_data_directory_is_home_local_data_MASQ_chain()
    {
        Assert.Equal("/home/booga/.local/share/MASQ/base-mainnet",
            ConfigurationPaths.DefaultDataDirectory("/home/booga", TestHosts.Linux(), Chain.BaseMainnet));
        var mac = TestHosts.Linux() with { Platform = HostPlatform.MacOs, LocalDataRelativePath = "Library/Application Support" };
        Assert.Equal("/Users/booga/Library/Application Support/MASQ/polygon-amoy",
            ConfigurationPaths.DefaultDataDirectory("/Users/booga", mac, Chain.PolygonAmoy));
    }

    [Theory]
    [InlineData("~", "/home/booga")]
    [InlineData("~/masq", "/home/booga/masq")]
    [InlineData("~booga/masq", "~booga/masq")]
    [InlineData("/abs/~/x", "/abs/~/x")]
    public void Tilde_expands_to_the_home_directory(string path, string expected) =>
        Assert.Equal(expected, ConfigurationPaths.ExpandHome(path, "/home/booga"));

    [Theory]
    [InlineData("/etc/masq.toml", "/etc/masq.toml")]
    [InlineData("~/masq.toml", "/home/booga/masq.toml")]
    [InlineData("./masq.toml", "/cwd/masq.toml")]
    [InlineData("../masq.toml", "/masq.toml")]
    [InlineData("masq.toml", "/data/base-mainnet/masq.toml")]
    [InlineData("sub/masq.toml", "/data/base-mainnet/sub/masq.toml")]
    public void Config_file_paths(string value, string expected) =>
        Assert.Equal(expected, ConfigurationPaths.ResolveConfigFile(value, "/data/base-mainnet", "/home/booga", "/cwd"));

    [Theory]
    [InlineData("/x/y", "/x/y")]
    [InlineData("/x/base-mainnet", "/x/base-mainnet")]
    [InlineData("~/masq", "/home/booga/masq")]
    [InlineData("rel", "/cwd/rel")]
    public void Data_directories_from_the_node_command_line_or_environment_are_used_as_given(string value, string expected) =>
        Assert.Equal(expected, ConfigurationPaths.ResolveDataDirectory(value, "/home/booga", "/cwd"));

    [Theory]
    [InlineData("/home/booga/masqhome", "/home/booga/masqhome/base-mainnet")]
    [InlineData("/home/booga/masqhome/", "/home/booga/masqhome/base-mainnet")]
    [InlineData("/home/booga/masqhome/base-mainnet", "/home/booga/masqhome/base-mainnet")]
    [InlineData("/home/booga/masqhome/polygon-amoy", "/home/booga/masqhome/polygon-amoy/base-mainnet")]
    public void Setup_appends_the_chain_folder_unless_present(string path, string expected) =>
        Assert.Equal(expected, ConfigurationPaths.WithChainFolder(path, Chain.BaseMainnet));

    [Theory]
    [InlineData("/m/base-mainnet", "/m/polygon-amoy")]
    [InlineData("/m/base-mainnet/", "/m/polygon-amoy")]
    [InlineData("/m/other", "/m/other/polygon-amoy")]
    public void A_chain_change_swaps_the_chain_folder(string path, string expected) =>
        Assert.Equal(expected, ConfigurationPaths.SwapChainFolder(path, Chain.BaseMainnet, Chain.PolygonAmoy));
}
