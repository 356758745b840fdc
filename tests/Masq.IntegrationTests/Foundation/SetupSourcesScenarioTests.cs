using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.Foundation;

/// <summary>
/// masq setup against the real Daemon names where each value came from (the variable, the file and line, the default),
/// and a bad value in config.toml is an error that names the file and line, is not shown as current, and fails masq.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SetupSourcesScenarioTests
{
    [Fact]
    public async Task Setup_names_the_environment_variable_the_file_and_line_and_the_default()
    {
        await using var daemon = await DaemonProcess.StartAsync(new Dictionary<string, string> { ["MASQ_GAS_PRICE"] = "7" });
        WriteConfig(daemon, "# written by hand\n\nlog-level = \"debug\"\n");

        var setup = await daemon.MasqAsync("setup", "--neighborhood-mode", "zero-hop");

        Assert.True(setup.ExitCode == 0, setup.ToString());
        Assert.Matches(@"\nNAME\s+VALUE\s+STATUS\s+SOURCE\n|^NAME\s+VALUE\s+STATUS\s+SOURCE\n", setup.StandardOutput);
        Assert.Matches(@"\ngas-price\s+7\s+Configured\s+MASQ_GAS_PRICE\n", setup.StandardOutput);
        Assert.Matches(@"\nlog-level\s+debug\s+Configured\s+config\.toml:3\n", setup.StandardOutput);
        Assert.Matches(@"\nchain\s+base-mainnet\s+Default\s+default\n", setup.StandardOutput);
        Assert.Matches(@"\nneighborhood-mode\s+zero-hop\s+Set\s+setup\n", setup.StandardOutput);
        // Zero-hop needs no clandestine port, and the data directory did not move: no note about it.
        Assert.Matches(@"\nclandestine-port\s+Blank\n", setup.StandardOutput);
        Assert.DoesNotContain("data directory was modified", setup.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gas-price", "\"abc\"", "abc")]
    [InlineData("log-level", "\"loud\"", "loud")]
    public async Task A_bad_value_in_config_toml_names_the_file_and_line_and_masq_exits_non_zero(string name, string tomlValue, string shown)
    {
        await using var daemon = await DaemonProcess.StartAsync();
        var file = WriteConfig(daemon, $"scans = \"on\"\n{name} = {tomlValue}\n");

        var setup = await daemon.MasqAsync("setup");

        Assert.NotEqual(0, setup.ExitCode);
        Assert.Contains("ERRORS:", setup.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Configuration file \"{file}\", line 2: ", setup.StandardOutput, StringComparison.Ordinal);
        var row = setup.StandardOutput.Split('\n').First(l => l.StartsWith(name + " ", StringComparison.Ordinal)); // the table row; the ERRORS section comes after
        Assert.DoesNotContain(shown, row, StringComparison.Ordinal);
        Assert.DoesNotContain("Configured", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MASQNode_help_and_version_exit_0()
    {
        var help = await ProcessRunner.RunAsync(MasqBinaries.Node, ["--help"]);
        var version = await ProcessRunner.RunAsync(MasqBinaries.Node, ["--version"]);

        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.DoesNotContain("Unknown parameter", help.StandardOutput + help.StandardError, StringComparison.Ordinal);
        Assert.Contains("MASQNode --initialization", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--clandestine-port", help.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--neighborhood-mode", help.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("--crash-point", help.StandardOutput, StringComparison.Ordinal);
        Assert.Equal((0, "MASQNode 1.0.0"), (version.ExitCode, version.StandardOutput.Trim()));
    }

    private static string WriteConfig(DaemonProcess daemon, string text)
    {
        var directory = daemon.Home.Combine(".local", "share", "MASQ", "base-mainnet");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "config.toml");
        File.WriteAllText(file, text);
        return file;
    }
}
