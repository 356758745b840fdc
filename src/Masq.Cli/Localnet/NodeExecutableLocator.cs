namespace Masq.Cli.Localnet;

/// <summary>
/// Finds the MASQNode program to launch: <c>MASQ_NODE_PATH</c>, else next to masq, else (in a source checkout) the
/// Node project's build output of the same configuration.
/// </summary>
internal static class NodeExecutableLocator
{
    private static readonly string[] Names = OperatingSystem.IsWindows() ? ["MASQNode.exe", "MASQNode.dll"] : ["MASQNode", "MASQNode.dll"];

    /// <returns>The program and leading arguments that start a Node, e.g. <c>[.../MASQNode]</c> or <c>[dotnet, .../MASQNode.dll]</c>.</returns>
    /// <exception cref="FileNotFoundException">No MASQNode anywhere; the message says where it looked.</exception>
    public static IReadOnlyList<string> Locate(string? environmentOverride, string baseDirectory)
    {
        if (!string.IsNullOrEmpty(environmentOverride))
        {
            var overridden = Path.GetFullPath(environmentOverride);
            return File.Exists(overridden)
                ? CommandFor(overridden)
                : throw new FileNotFoundException($"{LocalnetDefaults.NodePathVariable} names '{overridden}', which does not exist", overridden);
        }
        var looked = new List<string>();
        foreach (var directory in CandidateDirectories(baseDirectory))
        {
            foreach (var name in Names)
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    return CommandFor(path);
                }
                looked.Add(path);
            }
        }
        throw new FileNotFoundException(
            $"Cannot find the MASQNode executable; set {LocalnetDefaults.NodePathVariable} to its path or put it next to masq. Looked for: {string.Join(", ", looked)}");
    }

    /// <summary>masq's own directory, a sibling <c>Masq.Node</c> folder (the published layout), then <c>src/Masq.Node/bin/&lt;configuration&gt;/&lt;framework&gt;</c> above it in a source checkout.</summary>
    public static IEnumerable<string> CandidateDirectories(string baseDirectory)
    {
        var own = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory));
        yield return own;
        // scripts/publish.sh puts each program in its own folder: artifacts/publish/Masq.Cli and …/Masq.Node.
        if (Path.GetDirectoryName(own) is { } publishRoot && Directory.Exists(Path.Combine(publishRoot, "Masq.Node")))
        {
            yield return Path.Combine(publishRoot, "Masq.Node");
        }

        var framework = Path.GetFileName(own);
        var configuration = Path.GetFileName(Path.GetDirectoryName(own) ?? string.Empty);
        if (framework.Length == 0 || configuration.Length == 0)
        {
            yield break;
        }
        for (var directory = new DirectoryInfo(own).Parent; directory is not null; directory = directory.Parent)
        {
            var nodeBuild = Path.Combine(directory.FullName, "src", "Masq.Node", "bin", configuration, framework);
            if (Directory.Exists(nodeBuild))
            {
                yield return nodeBuild;
                yield break;
            }
        }
    }

    private static IReadOnlyList<string> CommandFor(string path)
    {
        if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return [path];
        }
        var host = Environment.ProcessPath;
        var dotnet = host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? host : "dotnet";
        return [dotnet, path];
    }
}
