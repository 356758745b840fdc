using System.Text;

namespace Masq.DnsUtility;

/// <summary>
/// What /etc/resolv.conf is now: its layout, whether dns_utility subverted it, and whether a backup of the original
/// exists. Reading it changes nothing.
/// </summary>
internal sealed record ResolverSetup(ResolverLayout Layout, bool Subverted, string? LinkTarget, bool HasBackup, ResolverLayout? OriginalLayout)
{
    /// <summary>The first line of every file dns_utility writes; how it recognises its own work.</summary>
    public const string Marker = "# Subverted by MASQ dns_utility";

    private const int MaxLength = 64 * 1024;

    public static string Describe(ResolverLayout layout) => layout switch
    {
        ResolverLayout.PlainFile => "a plain file",
        ResolverLayout.NetworkManagerFile => "a file managed by NetworkManager",
        ResolverLayout.SystemdResolvedLink => "a symbolic link to systemd-resolved's file",
        ResolverLayout.NetworkManagerLink => "a symbolic link to NetworkManager's file",
        ResolverLayout.ResolvconfLink => "a symbolic link to resolvconf's file",
        _ => layout.ToString(),
    };

    /// <summary>Reads the set-up; <paramref name="refusal"/> says why dns_utility must not touch it.</summary>
    public static ResolverSetup? Read(ResolverPaths paths, out string refusal)
    {
        refusal = string.Empty;
        var info = new FileInfo(paths.ResolvConf);
        bool hasBackup = File.Exists(paths.Backup) || new FileInfo(paths.Backup).LinkTarget is not null;
        ResolverLayout? original = hasBackup ? LayoutOfBackup(paths) : null;
        if (info.LinkTarget is { } target)
        {
            if (ClassifyLink(target) is not { } linkLayout)
            {
                refusal = $"{paths.ResolvConf} is a symbolic link to {target}, which belongs to no resolver manager dns_utility knows "
                    + "(systemd-resolved, NetworkManager, resolvconf); it is left alone.";
                return null;
            }

            return new ResolverSetup(linkLayout, false, target, hasBackup, original);
        }

        if (Directory.Exists(paths.ResolvConf))
        {
            refusal = $"{paths.ResolvConf} is a directory.";
            return null;
        }

        if (!info.Exists)
        {
            refusal = $"{paths.ResolvConf} does not exist: this system resolves names some other way, which dns_utility does not change.";
            return null;
        }

        if (info.Length > MaxLength)
        {
            refusal = $"{paths.ResolvConf} is {info.Length} bytes long, too long for a resolver configuration; it is left alone.";
            return null;
        }

        if (IsMountPoint(paths.ResolvConf))
        {
            refusal = $"{paths.ResolvConf} is a mount point of its own (as in a container): it cannot be replaced atomically, so it is left alone.";
            return null;
        }

        string head = FirstLine(paths.ResolvConf);
        if (head.StartsWith(Marker, StringComparison.Ordinal))
        {
            return new ResolverSetup(original ?? ResolverLayout.PlainFile, true, null, hasBackup, original);
        }

        var layout = head.Contains("NetworkManager", StringComparison.Ordinal) ? ResolverLayout.NetworkManagerFile : ResolverLayout.PlainFile;
        return new ResolverSetup(layout, false, null, hasBackup, original);
    }

    /// <summary>The nameserver lines of a resolver configuration, in order.</summary>
    public static IReadOnlyList<string> Nameservers(string text) =>
        [.. Lines(text).Where(l => l.StartsWith("nameserver", StringComparison.Ordinal)).Select(l => l["nameserver".Length..].Trim()).Where(s => s.Length > 0)];

    /// <summary>The lines a subverted file keeps from the original: search domains and options, not the servers.</summary>
    public static IEnumerable<string> KeptLines(string text) =>
        Lines(text).Where(l => l.StartsWith("search", StringComparison.Ordinal) || l.StartsWith("domain", StringComparison.Ordinal)
            || l.StartsWith("options", StringComparison.Ordinal));

    /// <summary>The text behind <paramref name="path"/> (through a link), or empty when there is none to read.</summary>
    public static string ReadText(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
            var buffer = new byte[Math.Min(stream.Length, MaxLength)];
            stream.ReadExactly(buffer);
            return Encoding.UTF8.GetString(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static ResolverLayout? ClassifyLink(string target)
    {
        if (target.Contains("/systemd/resolve/", StringComparison.Ordinal))
        {
            return ResolverLayout.SystemdResolvedLink;
        }

        if (target.Contains("/NetworkManager/", StringComparison.Ordinal))
        {
            return ResolverLayout.NetworkManagerLink;
        }

        if (target.Contains("/resolvconf/", StringComparison.Ordinal) || target.EndsWith("/openresolv/resolv.conf", StringComparison.Ordinal))
        {
            return ResolverLayout.ResolvconfLink;
        }

        return null;
    }

    private static ResolverLayout LayoutOfBackup(ResolverPaths paths)
    {
        if (new FileInfo(paths.Backup).LinkTarget is { } target)
        {
            return ClassifyLink(target) ?? ResolverLayout.PlainFile;
        }

        return FirstLine(paths.Backup).Contains("NetworkManager", StringComparison.Ordinal) ? ResolverLayout.NetworkManagerFile : ResolverLayout.PlainFile;
    }

    private static string FirstLine(string path) => Lines(ReadText(path)).FirstOrDefault() ?? string.Empty;

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    /// <summary>True when /proc/self/mountinfo lists <paramref name="path"/> as a mount point (a bind-mounted file).</summary>
    private static bool IsMountPoint(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            foreach (var line in File.ReadLines("/proc/self/mountinfo"))
            {
                var fields = line.Split(' ');
                if (fields.Length > 4 && Unescape(fields[4]) == full)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            // No /proc: nothing more can be known; the rename reports a busy target itself.
        }

        return false;
    }

    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);
}
