using System.Collections;
using System.Net;
using System.Net.NetworkInformation;
using System.Runtime.InteropServices;

namespace Masq.Lib.Configuration;

/// <summary>
/// What configuration needs to know about the machine and the running process. <see cref="Capture"/> reads the real
/// values; tests construct their own so that defaults are deterministic.
/// </summary>
/// <param name="Platform">The operating-system family.</param>
/// <param name="CurrentDirectory">Base for <c>./</c> and <c>../</c> paths.</param>
/// <param name="ProcessHome">Home directory of the (usually privileged) running user.</param>
/// <param name="LocalDataRelativePath">The local-data folder relative to a home directory: <c>.local/share</c>,
/// <c>Library/Application Support</c> or <c>AppData\Local</c>.</param>
/// <param name="ProcessUid">The running user's id; null on Windows.</param>
/// <param name="ProcessGid">The running user's group id; null on Windows.</param>
/// <param name="SystemDnsServers">The operating system's resolvers.</param>
public sealed record HostFacts(
    HostPlatform Platform,
    string CurrentDirectory,
    string ProcessHome,
    string LocalDataRelativePath,
    uint? ProcessUid,
    uint? ProcessGid,
    IReadOnlyList<IPAddress> SystemDnsServers)
{
    public static HostFacts Capture()
    {
        var platform = OperatingSystem.IsWindows() ? HostPlatform.Windows
            : OperatingSystem.IsMacOS() ? HostPlatform.MacOs
            : HostPlatform.Linux;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var localData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        var relative = localData.Length > 0 && home.Length > 0 ? Path.GetRelativePath(home, localData) : string.Empty;
        if (relative.Length == 0 || relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            relative = DefaultLocalDataRelativePath(platform);
        }

        uint? uid = null;
        uint? gid = null;
        if (platform != HostPlatform.Windows)
        {
            uid = NativeMethods.getuid();
            gid = NativeMethods.getgid();
        }

        return new HostFacts(platform, Environment.CurrentDirectory, home, relative, uid, gid, ReadSystemDnsServers());
    }

    /// <summary>The running process's environment variables as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> CaptureEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }

    public static string DefaultLocalDataRelativePath(HostPlatform platform) => platform switch
    {
        HostPlatform.MacOs => Path.Combine("Library", "Application Support"),
        HostPlatform.Windows => Path.Combine("AppData", "Local"),
        _ => Path.Combine(".local", "share"),
    };

    private static List<IPAddress> ReadSystemDnsServers()
    {
        var servers = new List<IPAddress>();
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                foreach (var address in nic.GetIPProperties().DnsAddresses)
                {
                    if (!servers.Contains(address))
                    {
                        servers.Add(address);
                    }
                }
            }
        }
        catch (NetworkInformationException)
        {
            // No resolvers known: the Node falls back to its built-in resolver.
        }
        catch (PlatformNotSupportedException)
        {
        }

        return servers;
    }

    private static class NativeMethods
    {
        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe blocks in this otherwise safe library.
        internal static extern uint getuid();

        [DllImport("libc", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern uint getgid();
#pragma warning restore SYSLIB1054
    }
}
