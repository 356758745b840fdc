using System.Net;
using Masq.Lib.Configuration;

namespace Masq.Daemon.Tests.Setup;

/// <summary>A root Daemon on Linux started through sudo by user booga (uid/gid 1000).</summary>
internal static class DaemonTestHosts
{
    public static HostFacts Linux { get; } = new(
        HostPlatform.Linux, "/", "/root", ".local/share", 0, 0, [IPAddress.Parse("192.168.1.1")]);

    public static Dictionary<string, string> SudoEnvironment() => new(StringComparer.Ordinal)
    {
        ["SUDO_USER"] = "booga",
        ["SUDO_UID"] = "1000",
        ["SUDO_GID"] = "1000",
    };
}
