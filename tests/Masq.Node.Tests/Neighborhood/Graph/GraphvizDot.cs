namespace Masq.Node.Tests.Neighborhood.Graph;

/// <summary>Graphviz's <c>dot</c>, which scripts/install-test-deps.sh installs; a clear failure where it is missing.</summary>
internal static class GraphvizDot
{
    public static string Path =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator)
            .Where(directory => directory.Length > 0)
            .Select(directory => System.IO.Path.Combine(directory, "dot"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Graphviz 'dot' is not on the PATH: run scripts/install-test-deps.sh");
}
