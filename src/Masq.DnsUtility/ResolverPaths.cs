namespace Masq.DnsUtility;

/// <summary>
/// The files dns_utility touches: the resolver configuration, its backup and the temporary names the atomic writes
/// go through. All in the resolver's own directory, so every switch is a rename within one file system.
/// </summary>
internal sealed record ResolverPaths(string ResolvConf)
{
    public static ResolverPaths System { get; } = new("/etc/resolv.conf");

    public string Directory => Path.GetDirectoryName(ResolvConf)!;

    /// <summary>The original, byte for byte (or the original symbolic link itself).</summary>
    public string Backup => ResolvConf + ".masq-original";

    public string BackupInProgress => Path.Combine(Directory, ".resolv.conf.masq-original.new");

    public string SubvertedInProgress => Path.Combine(Directory, ".resolv.conf.masq-subverted.new");
}
