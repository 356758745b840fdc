using System.Net;
using Masq.Lib.Blockchains;

namespace Masq.Lib.Configuration;

/// <summary>The defaults of every parameter that has one: built-in values plus those computed from the host.</summary>
public static class ParameterDefaults
{
    /// <param name="chain">The chain in effect (the data directory ends with its folder).</param>
    /// <param name="realUser">The real user with every part filled in (<see cref="RealUser.Populate"/>).</param>
    /// <param name="mode">The neighborhood mode in effect: consume-only Nodes get no default DNS servers.</param>
    public static IReadOnlyDictionary<string, string> Compute(Chain chain, RealUser realUser, NeighborhoodMode mode, HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(realUser);
        ArgumentNullException.ThrowIfNull(host);
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in SetupParameters.All)
        {
            if (parameter.DefaultValue is { } value)
            {
                defaults[parameter.Name] = value;
            }
        }

        defaults[ParameterNames.DataDirectory] =
            ConfigurationPaths.DefaultDataDirectory(realUser.HomeDirectory ?? host.ProcessHome, host, chain);
        if (host.Platform != HostPlatform.Windows)
        {
            defaults[ParameterNames.RealUser] = realUser.ToString();
        }

        if (mode != NeighborhoodMode.ConsumeOnly && DnsServersDefault(host) is { } dns)
        {
            defaults[ParameterNames.DnsServers] = dns;
        }

        return defaults;
    }

    /// <summary>The system's resolvers as a setting, or null when there are none or any is a loopback address (a
    /// local resolver would be the Node itself once DNS is subverted).</summary>
    public static string? DnsServersDefault(HostFacts host)
    {
        ArgumentNullException.ThrowIfNull(host);
        // Link-local IPv6 resolvers need a scope id, which a setting cannot carry.
        var servers = host.SystemDnsServers.Where(s => !s.IsIPv6LinkLocal).ToList();
        if (servers.Count == 0 || servers.Any(IPAddress.IsLoopback))
        {
            return null;
        }

        return string.Join(',', servers.Select(s => s.ToString()));
    }
}
