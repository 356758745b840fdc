using System.Globalization;
using System.Net;

namespace Masq.Cli.Localnet;

/// <summary>
/// Lays out a localnet without starting anything: one loopback address per Node (base, base+1, …), free ports for
/// each, a data directory each, and the earlier Nodes each later Node debuts to (the first and the previous one).
/// </summary>
internal static class LocalnetPlanner
{
    public const string NodeLogFileName = "node.log";

    /// <summary>How many ports past <see cref="LocalnetUpOptions.FirstPort"/> the search for free ones may go.</summary>
    public const int PortSearchSpan = 2000;

    /// <param name="isPortFree">Whether a TCP port can be listened on at an address (<see cref="LocalnetPortProbe"/> in production).</param>
    /// <exception cref="InvalidOperationException">Not enough free ports.</exception>
    public static IReadOnlyList<LocalnetNodePlan> Plan(LocalnetUpOptions options, Func<IPAddress, int, bool> isPortFree)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(isPortFree);
        var nextPort = options.FirstPort;
        var lastPort = Math.Min(65535, options.FirstPort + PortSearchSpan);
        int TakePort(IPAddress address)
        {
            while (nextPort <= lastPort)
            {
                var port = nextPort++;
                if (isPortFree(address, port))
                {
                    return port;
                }
            }
            throw new InvalidOperationException(
                $"Not enough free ports from {options.FirstPort} to {lastPort}; choose another range with --first-port");
        }

        var nodes = new List<LocalnetNodePlan>(options.Count);
        for (var index = 1; index <= options.Count; index++)
        {
            var ip = LocalnetAddresses.Offset(options.BaseIp, index - 1);
            var clandestine = TakePort(ip);
            var ui = TakePort(IPAddress.Loopback);
            var proxy = TakePort(IPAddress.Loopback);
            nodes.Add(new LocalnetNodePlan(index, ip, clandestine, ui, proxy, NodeDirectory(options.DataDirectory, index), NeighborsOf(index)));
        }
        return nodes;
    }

    /// <summary>The earlier Nodes Node <paramref name="index"/> debuts to: none for the first, then the first and the previous.</summary>
    public static IReadOnlyList<int> NeighborsOf(int index) => index switch
    {
        <= 1 => [],
        2 => [1],
        _ => [1, index - 1],
    };

    public static string NodeDirectory(string dataDirectory, int index) =>
        Path.Combine(dataDirectory, "node-" + index.ToString(CultureInfo.InvariantCulture));

    public static string ProxyAddress(int proxyPort) => "http://127.0.0.1:" + proxyPort.ToString(CultureInfo.InvariantCulture);
}
