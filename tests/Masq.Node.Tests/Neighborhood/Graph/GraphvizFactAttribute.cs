namespace Masq.Node.Tests.Neighborhood.Graph;

/// <summary>A fact that runs only where Graphviz's <c>dot</c> is on the PATH (nothing is installed for it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GraphvizFactAttribute : FactAttribute
{
    public GraphvizFactAttribute()
    {
        if (DotPath is null)
        {
            Skip = "Graphviz 'dot' is not installed.";
        }
    }

    public static string? DotPath { get; } = Find();

    private static string? Find()
    {
        string name = OperatingSystem.IsWindows() ? "dot.exe" : "dot";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (directory.Length > 0 && File.Exists(Path.Combine(directory, name)))
            {
                return Path.Combine(directory, name);
            }
        }

        return null;
    }
}
