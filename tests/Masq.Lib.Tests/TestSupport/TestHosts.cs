using System.Net;
using Masq.Lib.Configuration;

namespace Masq.Lib.Tests.TestSupport;

/// <summary>Deterministic host facts: a root process on Linux with home /root and two resolvers.</summary>
internal static class TestHosts
{
    public static HostFacts Linux(string currentDirectory = "/work", IReadOnlyList<IPAddress>? dns = null) => new(
        HostPlatform.Linux,
        currentDirectory,
        "/root",
        ".local/share",
        0,
        0,
        dns ?? [IPAddress.Parse("192.168.1.1"), IPAddress.Parse("9.9.9.9")]);

    public static IReadOnlyDictionary<string, string> Env(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> NoValues { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
