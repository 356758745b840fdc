using Masq.Lib.Blockchains;

namespace Masq.Lib.Configuration;

/// <summary>
/// Path rules of ui-daemon-cli-config §4.3: <c>~</c> expansion, the default data directory, where the configuration
/// file is looked for, and the chain folder that setup keeps at the end of a data directory.
/// </summary>
public static class ConfigurationPaths
{
    /// <summary>The folder, under the local-data directory, that holds one sub-folder per chain.</summary>
    public const string MasqFolder = "MASQ";

    /// <summary><c>~</c> or <c>~/…</c> → the given home directory; anything else unchanged.</summary>
    public static string ExpandHome(string path, string home)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~")
        {
            return home;
        }

        if (path.StartsWith("~/", StringComparison.Ordinal) || (OperatingSystem.IsWindows() && path.StartsWith("~\\", StringComparison.Ordinal)))
        {
            return Path.Join(home, path[2..]);
        }

        return path;
    }

    /// <summary>The real user's home + the local-data folder + <c>MASQ/&lt;chain&gt;</c>.</summary>
    public static string DefaultDataDirectory(string realUserHome, HostFacts host, Chain chain)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(chain);
        return Path.Join(realUserHome, host.LocalDataRelativePath, MasqFolder, chain.Id);
    }

    /// <summary>
    /// A data directory given on the Node's command line, in the environment or in the configuration file: used
    /// exactly as given, apart from <c>~</c> expansion and making a relative path absolute against
    /// <paramref name="currentDirectory"/>.
    /// </summary>
    public static string ResolveDataDirectory(string value, string home, string currentDirectory)
    {
        var expanded = ExpandHome(value, home);
        return Path.IsPathFullyQualified(expanded) ? expanded : Absolute(expanded, currentDirectory);
    }

    /// <summary>
    /// Where the configuration file is: <c>~</c> → home; <c>./</c>, <c>../</c> → relative to the current directory;
    /// any other relative path → relative to the data directory; absolute paths as they are.
    /// </summary>
    public static string ResolveConfigFile(string value, string dataDirectory, string home, string currentDirectory)
    {
        var expanded = ExpandHome(value, home);
        if (Path.IsPathFullyQualified(expanded))
        {
            return expanded;
        }

        if (IsExplicitlyRelative(expanded))
        {
            return Absolute(expanded, currentDirectory);
        }

        return Path.Join(dataDirectory, expanded);
    }

    /// <summary>The last folder of a path (trailing separators ignored).</summary>
    public static string LastFolder(string path) => Path.GetFileName(Path.TrimEndingDirectorySeparator(path));

    /// <summary>Setup's rule: append <c>/&lt;chain&gt;</c> unless the path already ends with that folder.</summary>
    public static string WithChainFolder(string path, Chain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return LastFolder(path) == chain.Id ? path : Path.Join(Path.TrimEndingDirectorySeparator(path), chain.Id);
    }

    /// <summary>
    /// Setup's rule when only the chain changes: a path that ends with the old chain's folder gets the new chain's
    /// folder in its place (…<c>/base-mainnet</c> → …<c>/polygon-amoy</c>); any other path gets it appended.
    /// </summary>
    public static string SwapChainFolder(string path, Chain oldChain, Chain newChain)
    {
        ArgumentNullException.ThrowIfNull(oldChain);
        ArgumentNullException.ThrowIfNull(newChain);
        var trimmed = Path.TrimEndingDirectorySeparator(path);
        if (LastFolder(trimmed) == oldChain.Id && !ReferenceEquals(oldChain, newChain))
        {
            var parent = Path.GetDirectoryName(trimmed);
            return parent is null ? newChain.Id : Path.Join(parent, newChain.Id);
        }

        return WithChainFolder(path, newChain);
    }

    // A path with a NUL character cannot name a file; it is left as it is for the format check to report.
    private static string Absolute(string path, string basePath) =>
        path.Contains('\0', StringComparison.Ordinal) ? path : Path.GetFullPath(path, basePath);

    private static bool IsExplicitlyRelative(string path) =>
        path is "." or ".."
        || path.StartsWith("./", StringComparison.Ordinal)
        || path.StartsWith("../", StringComparison.Ordinal)
        || (OperatingSystem.IsWindows() && (path.StartsWith(".\\", StringComparison.Ordinal) || path.StartsWith("..\\", StringComparison.Ordinal)));
}
