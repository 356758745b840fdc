using System.Runtime.InteropServices;

namespace Masq.DnsUtility;

/// <summary>
/// The system calls atomic replacement needs and .NET does not expose as such: rename(2) of the name itself (a
/// symbolic link moves as a link), fsync(2) of a directory so a rename survives a power cut, and the effective uid.
/// </summary>
internal static partial class NativeFiles
{
    private const int ReadOnly = 0;
    private const int DirectoryOnly = 0x10000;

    public static bool IsRoot => NativeMethods.geteuid() == 0;

    /// <summary>Replaces <paramref name="destination"/> by <paramref name="source"/> in one step.</summary>
    public static void Rename(string source, string destination)
    {
        if (NativeMethods.rename(source, destination) != 0)
        {
            throw new IOException($"rename {source} to {destination}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    /// <summary>Makes the directory's entries (the renames into it) durable.</summary>
    public static void SyncDirectory(string directory)
    {
        int fd = NativeMethods.open(directory, ReadOnly | DirectoryOnly);
        if (fd < 0)
        {
            throw new IOException($"open {directory}: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        try
        {
            if (NativeMethods.fsync(fd) != 0)
            {
                throw new IOException($"fsync {directory}: {Marshal.GetLastPInvokeErrorMessage()}");
            }
        }
        finally
        {
            _ = NativeMethods.close(fd);
        }
    }

    /// <summary>A second name for the file <paramref name="existing"/>: the backup is the original itself.</summary>
    public static void HardLink(string existing, string newPath)
    {
        if (NativeMethods.link(existing, newPath) != 0)
        {
            throw new IOException($"link {existing} to {newPath}: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", SetLastError = true)]
        internal static partial uint geteuid();

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int rename(string oldPath, string newPath);

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int open(string path, int flags);

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int fsync(int fd);

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int close(int fd);

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int link(string oldPath, string newPath);
    }
}
