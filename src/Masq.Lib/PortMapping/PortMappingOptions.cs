using System.Net;

namespace Masq.Lib.PortMapping;

/// <summary>
/// Where the router is and how long to wait for it. The RFCs retry for about a minute; a Node waits for this at start,
/// so every wait here is bounded to a few seconds per protocol.
/// </summary>
public sealed record PortMappingOptions
{
    /// <summary>The router: the default gateway.</summary>
    public required IPAddress Gateway { get; init; }

    /// <summary>This host's address on the router's side, which PCP and UPnP put in their requests.</summary>
    public required IPAddress LocalAddress { get; init; }

    /// <summary>The PCP and NAT-PMP server port (5351, RFC 6887 and RFC 6886).</summary>
    public int PcpPmpPort { get; init; } = 5351;

    /// <summary>Where SSDP M-SEARCH goes: the UPnP multicast group, unless a test points it elsewhere.</summary>
    public IPEndPoint SsdpEndpoint { get; init; } = new(IPAddress.Parse("239.255.255.250"), 1900);

    /// <summary>NAT-PMP's first wait (RFC 6886 §3.1: 250 ms, doubling); PCP starts at twice this.</summary>
    public TimeSpan InitialRetransmission { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Requests per transaction; the RFCs allow nine (NAT-PMP) or unbounded (PCP).</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>A lease shorter than this is refused as useless: the Node would spend its life renewing it.</summary>
    public TimeSpan MinimumLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long SSDP replies are collected.</summary>
    public TimeSpan SsdpWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Each HTTP exchange with the UPnP device.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A device description or SOAP answer larger than this is refused: real ones are a few kilobytes.</summary>
    public int MaxXmlBytes { get; init; } = 64 * 1024;

    /// <summary>The options for this host's default gateway, or null with the reason when it has none.</summary>
    public static PortMappingOptions? ForDefaultGateway(out string problem, string routeTable = GatewayFinder.ProcRoute)
    {
        if (GatewayFinder.FindDefaultGateway(routeTable) is not { } gateway)
        {
            problem = $"no default gateway in {routeTable}";
            return null;
        }
        if (GatewayFinder.LocalAddressTowards(gateway) is not { } local)
        {
            problem = $"no local address routes to the gateway {gateway}";
            return null;
        }
        problem = string.Empty;
        return new PortMappingOptions { Gateway = gateway, LocalAddress = local };
    }
}
