using Masq.Lib.Configuration;

namespace Masq.Lib.Tests.Configuration;

/// <summary>Runs against the real machine: only properties every supported host has are checked.</summary>
public sealed class HostFactsTests
{
    [Fact]
    public void Capture_reads_this_machine()
    {
        var host = HostFacts.Capture();
        Assert.False(string.IsNullOrEmpty(host.ProcessHome));
        Assert.False(Path.IsPathRooted(host.LocalDataRelativePath));
        Assert.False(host.LocalDataRelativePath.StartsWith("..", StringComparison.Ordinal));
        Assert.Equal(Environment.CurrentDirectory, host.CurrentDirectory);
        Assert.Equal(OperatingSystem.IsWindows(), host.ProcessUid is null);
        Assert.Equal(OperatingSystem.IsWindows(), host.ProcessGid is null);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(HostPlatform.Linux, host.Platform);
            var statusUid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
            Assert.Equal(statusUid, host.ProcessUid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Capture_environment_sees_the_process_variables()
    {
        var name = "MASQ_LIB_TESTS_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "booga");
        try
        {
            Assert.Equal("booga", HostFacts.CaptureEnvironment()[name]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
