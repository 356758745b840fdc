using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Masq.Lib.PortMapping;

/// <summary>Finds the router: the IPv4 default route's gateway in the kernel's routing table.</summary>
public static class GatewayFinder
{
    public const string ProcRoute = "/proc/net/route";

    /// <summary>The gateway of the default route with the lowest metric, or null when there is none or the table is unreadable.</summary>
    public static IPAddress? FindDefaultGateway(string routeTable = ProcRoute)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(routeTable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return ParseDefaultGateway(lines);
    }

    /// <summary>
    /// Lines of /proc/net/route: "Iface Destination Gateway Flags RefCnt Use Metric Mask…", addresses in hex, host
    /// byte order. The default route has destination and mask 0 and the gateway flag (0x2).
    /// </summary>
    public static IPAddress? ParseDefaultGateway(IEnumerable<string> lines)
    {
        IPAddress? best = null;
        var bestMetric = long.MaxValue;
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8
                || !uint.TryParse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var destination)
                || !uint.TryParse(fields[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var gateway)
                || !uint.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags)
                || !long.TryParse(fields[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var metric)
                || !uint.TryParse(fields[7], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
            {
                continue;
            }
            if (destination != 0 || mask != 0 || (flags & 0x2) == 0 || gateway == 0 || metric >= bestMetric)
            {
                continue;
            }
            // The kernel prints the address's in-memory bytes as a native integer: native bytes give them back.
            best = new IPAddress(BitConverter.GetBytes(gateway));
            bestMetric = metric;
        }
        return best;
    }

    /// <summary>The local address the kernel would send from to reach <paramref name="gateway"/> (no packet is sent).</summary>
    public static IPAddress? LocalAddressTowards(IPAddress gateway)
    {
        try
        {
            using var probe = new Socket(gateway.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(new IPEndPoint(gateway, 5351));
            return (probe.LocalEndPoint as IPEndPoint)?.Address;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
