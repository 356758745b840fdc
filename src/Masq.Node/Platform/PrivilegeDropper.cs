using System.Runtime.InteropServices;
using Masq.Lib.Configuration;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Platform;

/// <summary>
/// When the Node starts as root it binds what needs privilege, then becomes the real user before it opens its data
/// directory, log or database, or reads network data: the data directory (if it exists) is handed to the user without
/// following any symlink in it (lchown; a symlinked data directory is refused), then setgroups (the user's own groups,
/// or none), setgid, setuid. A root Node with no one to become refuses to start unless <c>MASQ_ALLOW_ROOT=1</c>.
/// </summary>
internal static partial class PrivilegeDropper
{
    public static bool IsPrivileged => !OperatingSystem.IsWindows() && NativeMethods.geteuid() == 0;

    /// <summary>
    /// Drops to <paramref name="user"/> when running as root. Returns why the Node must not start, or null (dropped, not
    /// root to begin with, or allowed to stay root).
    /// </summary>
    public static string? DropTo(RealUser user, string dataDirectory, bool allowRoot, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsPrivileged)
        {
            return null;
        }
        if (user.Uid is null or 0 || user.Gid is null or 0)
        {
            if (allowRoot)
            {
                logger.LogWarning("Running as root ({RootPolicy}=1): the Node keeps every privilege", RootPolicy.AllowRootVariable);
                return null;
            }
            return $"The Node is running as root and has no unprivileged user to become (real-user {user}). Start it with sudo from "
                + $"your own account, give --real-user uid:gid:home, or set {RootPolicy.AllowRootVariable}=1 (the Daemon's --allow-root) to run it as root.";
        }
        if (PrepareDataDirectory(dataDirectory, user.Uid.Value, user.Gid.Value, logger) is { } problem)
        {
            return problem;
        }
        var account = UnixAccounts.Lookup(user.Uid.Value);
        var groupsSet = account is { } a
            ? NativeMethods.initgroups(a.Name, user.Gid.Value)
            : NativeMethods.setgroups(0, []);
        if (groupsSet != 0)
        {
            throw new InvalidOperationException($"setgroups for uid {user.Uid} failed: errno {Marshal.GetLastPInvokeError()}");
        }
        if (NativeMethods.setgid(user.Gid.Value) != 0)
        {
            throw new InvalidOperationException($"setgid({user.Gid}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
        if (NativeMethods.setuid(user.Uid.Value) != 0)
        {
            throw new InvalidOperationException($"setuid({user.Uid}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
        if (NativeMethods.geteuid() == 0 || NativeMethods.setuid(0) == 0)
        {
            throw new InvalidOperationException("Still root after dropping privileges");
        }
        logger.LogInformation("Dropped privileges to uid {Uid}, gid {Gid}, groups of {User}", user.Uid, user.Gid, account?.Name ?? "(none)");
        return null;
    }

    /// <summary>
    /// Hands an existing data directory to the user. Never follows a symlink: a symlinked data directory is refused,
    /// a symlink inside is lchown'd itself and not entered. A missing directory is created by root only when no
    /// symlink lies on its path; otherwise the user creates it after the drop.
    /// </summary>
    private static string? PrepareDataDirectory(string dataDirectory, uint uid, uint gid, ILogger logger)
    {
        var info = new DirectoryInfo(dataDirectory);
        if (info.LinkTarget is not null)
        {
            return $"The data directory {dataDirectory} is a symbolic link; give the real directory instead.";
        }
        if (!info.Exists)
        {
            if (File.Exists(dataDirectory))
            {
                return $"The data directory {dataDirectory} is a file.";
            }
            if (!ThroughSymlink(info.FullName))
            {
                // Root creates it only where no symlink can redirect it; otherwise the user creates it after the drop.
                info.Create();
            }
            else
            {
                return null;
            }
        }
        var skipped = 0;
        LchownTree(info, uid, gid, ref skipped);
        if (skipped > 0)
        {
            logger.LogWarning("Did not enter {Count} symbolic link(s) in the data directory {DataDirectory}", skipped, dataDirectory);
        }
        return null;
    }

    /// <summary>True when an existing ancestor of <paramref name="fullPath"/> is a symbolic link.</summary>
    private static bool ThroughSymlink(string fullPath)
    {
        for (var current = Path.GetDirectoryName(fullPath); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            var ancestor = new DirectoryInfo(current);
            if (ancestor.LinkTarget is not null)
            {
                return true;
            }
        }
        return false;
    }

    private static void LchownTree(DirectoryInfo directory, uint uid, uint gid, ref int skipped)
    {
        _ = NativeMethods.lchown(directory.FullName, uid, gid);
        foreach (var entry in directory.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            if (entry.LinkTarget is not null)
            {
                // The link itself becomes the user's; what it points at is never touched.
                _ = NativeMethods.lchown(entry.FullName, uid, gid);
                skipped++;
            }
            else if (entry is DirectoryInfo subdirectory)
            {
                LchownTree(subdirectory, uid, gid, ref skipped);
            }
            else
            {
                _ = NativeMethods.lchown(entry.FullName, uid, gid);
            }
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", SetLastError = true)]
        internal static partial uint geteuid();

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int setuid(uint uid);

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int setgid(uint gid);

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int setgroups(nuint size, uint[] list);

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int initgroups(string user, uint group);

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int lchown(string path, uint owner, uint group);
    }
}
