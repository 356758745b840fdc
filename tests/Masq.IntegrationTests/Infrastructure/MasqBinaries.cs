using Masq.IntegrationTests.Architecture;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>Where the built apphosts of the product live (the same configuration as this test assembly).</summary>
internal static class MasqBinaries
{
    private static readonly string Configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Node => Binary("Masq.Node", "MASQNode");

    public static string Cli => Binary("Masq.Cli", "masq");

    public static string Dashboard => Binary("Masq.Dashboard", "Masq.Dashboard");

    public static string Automap => Binary("Masq.Automap", "automap");

    public static string DnsUtility => Binary("Masq.DnsUtility", "dns_utility");

    /// <summary>The crash tests' build of dns_utility, which can pause between its steps (this project builds it).</summary>
    public static string DnsUtilityWithStepHooks => Binary("Masq.DnsUtility", "dns_utility", Path.Combine("bin", "step-hooks"));

    private static string Binary(string project, string name, string bin = "bin")
    {
        var path = Path.Combine(DependencyRuleTests.RepositoryRoot(), "src", project, bin, Configuration, "net10.0", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first: {path} is missing", path);
    }
}
