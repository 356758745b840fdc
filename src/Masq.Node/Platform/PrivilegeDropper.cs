using System.Runtime.InteropServices;
using Masq.Lib.Configuration;
using Microsoft.Extensions.Logging;

namespace Masq.Node.Platform;

/// <summary>
/// When the Node starts as root it binds what needs privilege, then becomes the real user before it opens the
/// database or reads network data: chown of the data directory, setgid, setuid.
/// </summary>
internal static partial class PrivilegeDropper
{
    public static bool IsPrivileged => !OperatingSystem.IsWindows() && NativeMethods.geteuid() == 0;

    /// <summary>Drops to <paramref name="user"/> when running as root. Returns false (after logging why) when it stays root.</summary>
    public static bool DropTo(RealUser user, string dataDirectory, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsPrivileged)
        {
            return true;
        }
        if (user.Uid is null or 0 || user.Gid is null)
        {
            // The reference panics here; a container or CI runs as root with no one to become, so say so and go on.
            logger.LogWarning("Running as root with no unprivileged user to drop to; set --real-user uid:gid:home to drop privileges");
            return false;
        }
        Directory.CreateDirectory(dataDirectory);
        ChownRecursive(dataDirectory, user.Uid.Value, user.Gid.Value);
        if (NativeMethods.setgid(user.Gid.Value) != 0)
        {
            throw new InvalidOperationException($"setgid({user.Gid}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
        if (NativeMethods.setuid(user.Uid.Value) != 0)
        {
            throw new InvalidOperationException($"setuid({user.Uid}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
        if (NativeMethods.geteuid() == 0)
        {
            throw new InvalidOperationException("Still root after dropping privileges");
        }
        logger.LogInformation("Dropped privileges to uid {Uid}, gid {Gid}", user.Uid, user.Gid);
        return true;
    }

    private static void ChownRecursive(string directory, uint uid, uint gid)
    {
        _ = NativeMethods.chown(directory, uid, gid);
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
        {
            _ = NativeMethods.chown(entry, uid, gid);
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

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int chown(string path, uint owner, uint group);
    }
}
