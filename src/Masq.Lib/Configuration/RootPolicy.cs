using System.Globalization;
using System.Runtime.InteropServices;

namespace Masq.Lib.Configuration;

/// <summary>
/// Who a Node may run as. A Node never runs as root, nor with root's group, unless whoever started it (the Daemon's
/// or the Node's own launcher, i.e. root) set <c>MASQ_ALLOW_ROOT=1</c> (the Daemon's <c>--allow-root</c> sets it
/// for its Nodes). It is deliberately not a setup parameter: a UI client can never turn it on.
/// </summary>
public static class RootPolicy
{
    public const string AllowRootVariable = "MASQ_ALLOW_ROOT";

    public static bool IsRootAllowed(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.TryGetValue(AllowRootVariable, out var value)
            && (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "yes", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The user a Daemon serves: the one who ran <c>sudo</c> (<c>SUDO_UID</c>) when it runs as root, else the
    /// Daemon's own user. Its UI cookie belongs to this user, so every authenticated client is this user or root.
    /// </summary>
    public static uint EntitledUid(uint effectiveUid, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (effectiveUid == 0
            && environment.TryGetValue("SUDO_UID", out var text)
            && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sudoUid))
        {
            return sudoUid;
        }
        return effectiveUid;
    }

    /// <summary>
    /// Why a Daemon serving <paramref name="entitledUid"/> must not start a Node as <paramref name="user"/>, or null.
    /// Root (uid or gid 0) needs <paramref name="allowRoot"/>; when the entitled user is not root, the Node may only
    /// be that user, with one of that user's groups.
    /// </summary>
    public static string? RefuseRealUser(RealUser user, uint entitledUid, bool allowRoot, Func<uint, IReadOnlyCollection<uint>?> groupsOf)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(groupsOf);
        if (user.Uid is null || user.Gid is null)
        {
            return null; // Windows: nothing to drop to.
        }
        if ((user.Uid == 0 || user.Gid == 0) && !allowRoot)
        {
            return $"real-user {user.Uid}:{user.Gid} would run the Node as root; the Daemon runs Nodes as root only when started with --allow-root (or {AllowRootVariable}=1)";
        }
        if (entitledUid == 0 || (user.Uid == 0 && allowRoot))
        {
            return null;
        }
        if (user.Uid != entitledUid)
        {
            return $"real-user may only name the user this Daemon serves (uid {entitledUid}), not uid {user.Uid}";
        }
        if (user.Gid != 0 && groupsOf(entitledUid) is { } groups && !groups.Contains(user.Gid.Value))
        {
            return $"real-user gid {user.Gid} is not one of uid {entitledUid}'s groups";
        }
        return null;
    }
}

/// <summary>The account database (<c>getpwuid</c>, <c>getgrouplist</c>), for names and groups of a uid.</summary>
public static class UnixAccounts
{
    /// <summary>The user name and primary gid of <paramref name="uid"/>, or null when it has no account.</summary>
    public static (string Name, uint Gid)? Lookup(uint uid)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        var entry = NativeMethods.getpwuid(uid);
        if (entry == IntPtr.Zero)
        {
            return null;
        }
        // struct passwd { char *pw_name; char *pw_passwd; uid_t pw_uid; gid_t pw_gid; ... } on Linux and macOS.
        var name = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(entry));
        var gid = unchecked((uint)Marshal.ReadInt32(entry, (2 * IntPtr.Size) + 4));
        return name is null ? null : (name, gid);
    }

    /// <summary>Every group of <paramref name="uid"/> (primary and supplementary), or null when it has no account.</summary>
    public static IReadOnlyCollection<uint>? GroupsOf(uint uid)
    {
        if (Lookup(uid) is not { } account)
        {
            return null;
        }
        var count = 64;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var groups = new uint[count];
            var n = count;
            if (NativeMethods.getgrouplist(account.Name, account.Gid, groups, ref n) >= 0)
            {
                return [.. groups.Take(n)];
            }
            count = Math.Max(n, count * 2);
        }
        return [account.Gid];
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe blocks in this otherwise safe library.
        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern IntPtr getpwuid(uint uid);

        [DllImport("libc", ExactSpelling = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int getgrouplist(string user, uint group, [In, Out] uint[] groups, ref int ngroups);
#pragma warning restore SYSLIB1054
    }
}
