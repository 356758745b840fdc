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

    /// <summary>
    /// The Node's top-level folders (its subsystems and what they share) depend on each other without a cycle, so each
    /// can be read knowing only those below it. A folder depends on another when one of its files names that folder's
    /// namespace (a using or a qualified name); <c>Hosting/</c>, the composition root, may depend on all of them and
    /// no folder may depend on it.
    /// </summary>
    [Fact]
    public void Node_folders_depend_on_each_other_without_cycles()
    {
        var nodeRoot = Path.Combine(RepositoryRoot(), "src", "Masq.Node");
        var folders = Directory.EnumerateDirectories(nodeRoot)
            .Select(d => Path.GetFileName(d))
            .Where(name => name is not ("bin" or "obj"))
            .ToHashSet(StringComparer.Ordinal);
        var reference = new System.Text.RegularExpressions.Regex(@"\bMasq\.Node\.([A-Z][A-Za-z]*)");
        var edges = folders.ToDictionary(f => f, f => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(nodeRoot, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (System.Text.RegularExpressions.Match match in reference.Matches(File.ReadAllText(file)))
                {
                    var target = match.Groups[1].Value;
                    if (target != folder && folders.Contains(target))
                    {
                        edges[folder].Add(target);
                    }
                }
            }
        }

        Assert.Empty(edges.Where(e => e.Value.Contains("Hosting")).Select(e => e.Key));
        var cycles = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        void Visit(string folder)
        {
            state[folder] = 1;
            path.Add(folder);
            foreach (var next in edges[folder])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycles.Add(string.Join(" -> ", path.Skip(path.IndexOf(next)).Append(next)));
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[folder] = 2;
        }

        foreach (var folder in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(folder) == 0)
            {
                Visit(folder);
            }
        }

        Assert.Empty(cycles);
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
