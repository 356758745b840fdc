using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Masq.Lib.Ui;

/// <summary>
/// The UI credential (Tor-style cookie authentication): 32 random bytes, hex-encoded, in a file only the entitled
/// user can read (mode 0600, owned by that user; root reads it too). The Daemon and a Node write
/// <c>ui-&lt;port&gt;.cookie</c> when they start; <c>masq</c>, the dashboard and the Daemon's launch probe read it and
/// present it as <c>Authorization: MasqCookie &lt;hex&gt;</c> on the hub's WebSocket request.
/// </summary>
/// <remarks>
/// A process running as root keeps its cookies in <see cref="SystemDirectory"/> (<c>/run/masq</c>, root's, 0755): no
/// other user can plant or replace a file there. Any other process uses <c>$XDG_RUNTIME_DIR/masq</c>, else
/// <c>/tmp/masq-&lt;uid&gt;</c> (0700, its own). A client uses <c>$MASQ_UI_COOKIE</c> when set, else the first of
/// the system and its own user's file that exists.
/// </remarks>
public static class UiCookie
{
    /// <summary>The environment variable naming a cookie file (a client's override; the Daemon sets it for its Node).</summary>
    public const string EnvironmentVariable = "MASQ_UI_COOKIE";

    /// <summary>The authorization scheme of the hub request.</summary>
    public const string Scheme = "MasqCookie";

    public const string SystemDirectory = "/run/masq";

    public const int SecretLength = 32;

    /// <summary>The directory this process keeps its cookies in.</summary>
    public static string OwnDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MASQ", "run");
        }
        var uid = NativeMethods.geteuid();
        if (uid == 0)
        {
            return SystemDirectory;
        }
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return !string.IsNullOrEmpty(runtime) && Path.IsPathRooted(runtime)
            ? Path.Combine(runtime, "masq")
            : Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"masq-{uid}"));
    }

    public static string FileName(int port) => string.Create(CultureInfo.InvariantCulture, $"ui-{port}.cookie");

    /// <summary>The file this process writes for a hub on <paramref name="port"/>.</summary>
    public static string OwnPath(int port) => Path.Combine(OwnDirectory(), FileName(port));

    /// <summary>Where a client looks for the cookie of the hub on <paramref name="port"/>, in order.</summary>
    public static IReadOnlyList<string> CandidatePaths(int port)
    {
        var explicitPath = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return [explicitPath];
        }
        var system = Path.Combine(SystemDirectory, FileName(port));
        var own = OwnPath(port);
        return own == system || OperatingSystem.IsWindows() ? [own] : [system, own];
    }

    /// <summary>A fresh secret.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretLength);

    /// <summary>The hex text of a secret, as the file holds it and the header carries it.</summary>
    public static string ToText(ReadOnlySpan<byte> secret) => Convert.ToHexStringLower(secret);

    /// <summary>Parses a cookie file's text (surrounding whitespace allowed).</summary>
    public static bool TryParse(string? text, out byte[] secret)
    {
        secret = [];
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length != SecretLength * 2)
        {
            return false;
        }
        try
        {
            secret = Convert.FromHexString(trimmed);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads the cookie of the hub on <paramref name="port"/>; <paramref name="problem"/> says why not.</summary>
    public static bool TryReadFor(int port, out byte[] secret, out string problem)
    {
        secret = [];
        var candidates = CandidatePaths(port);
        string? firstProblem = null;
        foreach (var path in candidates)
        {
            if (TryRead(path, out secret, out var why))
            {
                problem = string.Empty;
                return true;
            }
            // A file this user may not read says more than one that is missing.
            if (!why.EndsWith("does not exist", StringComparison.Ordinal))
            {
                firstProblem ??= why;
            }
        }
        problem = firstProblem ?? $"no UI cookie for port {port} in {string.Join(" or ", candidates)}";
        return false;
    }

    /// <summary>Reads one cookie file.</summary>
    public static bool TryRead(string path, out byte[] secret, out string problem)
    {
        secret = [];
        try
        {
            if (!File.Exists(path))
            {
                problem = $"{path} does not exist";
                return false;
            }
            if (TryParse(File.ReadAllText(path, Encoding.ASCII), out secret))
            {
                problem = string.Empty;
                return true;
            }
            problem = $"{path} does not hold a MASQ UI cookie";
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"this user ({Environment.UserName}) may not read {path}";
            return false;
        }
        catch (IOException e)
        {
            problem = $"cannot read {path}: {e.Message}";
            return false;
        }
    }

    /// <summary>The value of the Authorization header that presents <paramref name="secret"/>.</summary>
    public static string AuthorizationValue(ReadOnlySpan<byte> secret) => Scheme + " " + ToText(secret);

    /// <summary>True when <paramref name="authorization"/> presents exactly <paramref name="secret"/> (constant time).</summary>
    public static bool Matches(string? authorization, ReadOnlySpan<byte> secret)
    {
        var expected = Encoding.ASCII.GetBytes(AuthorizationValue(secret));
        var given = Encoding.ASCII.GetBytes(authorization ?? string.Empty);
        // FixedTimeEquals returns at once on a length mismatch; the length says nothing about the secret.
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>
    /// Writes <paramref name="secret"/> to <paramref name="path"/> atomically: a new file (O_CREAT|O_EXCL, which never
    /// follows a symlink) made 0600 and handed to <paramref name="ownerUid"/>:<paramref name="ownerGid"/> before it
    /// holds anything, then renamed over the old one (rename replaces a symlink, never writes through it). The
    /// directory is created 0755 for root (<see cref="SystemDirectory"/>), 0700 otherwise, and refused when it is a
    /// symlink or belongs to someone else.
    /// </summary>
    /// <exception cref="IOException">The directory or file cannot be made safely.</exception>
    public static void Write(string path, ReadOnlySpan<byte> secret, uint? ownerUid, uint? ownerGid)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? throw new IOException($"{path} has no directory");
        EnsureDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temporary, options))
            {
                if (!OperatingSystem.IsWindows() && ownerUid is { } uid && NativeMethods.geteuid() == 0)
                {
                    if (NativeMethods.fchown((int)stream.SafeFileHandle.DangerousGetHandle(), uid, ownerGid ?? uint.MaxValue) != 0)
                    {
                        throw new IOException($"cannot give {temporary} to uid {uid}: errno {Marshal.GetLastPInvokeError()}");
                    }
                }
                stream.Write(Encoding.ASCII.GetBytes(ToText(secret) + "\n"));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Removes a cookie file if it still holds <paramref name="secret"/> (a later hub on the port may own it now).</summary>
    public static void DeleteIfOwn(string path, ReadOnlySpan<byte> secret)
    {
        try
        {
            if (TryRead(path, out var current, out _) && CryptographicOperations.FixedTimeEquals(current, secret))
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void EnsureDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        var root = NativeMethods.geteuid() == 0;
        var mode = root
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, mode);
        }
        var info = new DirectoryInfo(directory);
        if (info.LinkTarget is not null)
        {
            throw new IOException($"{directory} is a symbolic link; refusing to keep the UI cookie there");
        }
        // Only the owner (or root) may chmod: this both proves the directory is ours and takes away anyone else's write.
        if (NativeMethods.chmod(directory, (uint)mode) != 0)
        {
            throw new IOException($"{directory} belongs to another user; refusing to keep the UI cookie there");
        }
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe blocks in this otherwise safe library.
        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern uint geteuid();

        [DllImport("libc", ExactSpelling = true, SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int fchown(int fd, uint owner, uint group);

        [DllImport("libc", ExactSpelling = true, SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int chmod(string path, uint mode);
#pragma warning restore SYSLIB1054
    }
}
