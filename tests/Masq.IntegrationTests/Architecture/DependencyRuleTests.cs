using System.Reflection;

namespace Masq.IntegrationTests.Architecture;

/// <summary>Enforces DESIGN.md's dependency rule: Lib ← everything; Daemon ← Node; Cli and Dashboard see only Lib.</summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] MasqAssemblies = ["Masq.Lib", "Masq.Daemon", "MASQNode", "masq", "Masq.Dashboard", "automap"];

    [Theory]
    [InlineData("Masq.Lib", new string[0])]
    [InlineData("Masq.Daemon", new[] { "Masq.Lib" })]
    [InlineData("MASQNode", new[] { "Masq.Lib", "Masq.Daemon" })]
    [InlineData("masq", new[] { "Masq.Lib" })]
    [InlineData("Masq.Dashboard", new[] { "Masq.Lib" })]
    [InlineData("automap", new[] { "Masq.Lib" })]
    public void Assembly_references_only_what_the_design_allows(string assemblyName, string[] allowed)
    {
        var assembly = Assembly.Load(assemblyName);
        var masqReferences = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => MasqAssemblies.Contains(n, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.All(masqReferences, r => Assert.Contains(r, allowed));
    }

    [Theory]
    [InlineData("Masq.Lib")]
    [InlineData("masq")]
    [InlineData("Masq.Dashboard")]
    [InlineData("Masq.Daemon")]
    public void Only_the_Node_touches_the_database_the_chain_or_the_crypto_library(string assemblyName)
    {
        var forbidden = new[] { "Microsoft.EntityFrameworkCore", "Nethereum.", "NBitcoin", "Sodium.Core", "Microsoft.Data.Sqlite" };
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Protocol")]
    [InlineData("Crypto")]
    public void Node_Protocol_and_Crypto_are_pure(string folder)
    {
        var directory = Path.Combine(RepositoryRoot(), "src", "Masq.Node", folder);
        var impure = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "System.Net.Sockets", "Masq.Node.Persistence", "Masq.Node.Actors", "Masq.Node.Hosting" };
        var offenders = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadLines(file).Any(line => line.StartsWith("using ", StringComparison.Ordinal) && impure.Any(i => line.Contains(i, StringComparison.Ordinal))))
            .ToArray();
        Assert.Empty(offenders);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Masq.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Masq.sln not found above the test directory");
    }
}
