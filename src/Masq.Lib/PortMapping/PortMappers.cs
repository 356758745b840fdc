using Masq.Lib.Configuration;
using Microsoft.Extensions.Logging;

namespace Masq.Lib.PortMapping;

/// <summary>The protocols in the order they are tried: the reference's order, with a preferred one moved first.</summary>
public static class PortMappers
{
    /// <summary>PCP, then NAT-PMP, then UPnP IGD: the newest first, as the reference's automap does.</summary>
    public static readonly IReadOnlyList<MappingProtocol> DefaultOrder = [MappingProtocol.Pcp, MappingProtocol.Pmp, MappingProtocol.Igdp];

    public static IReadOnlyList<MappingProtocol> Order(MappingProtocol? preferred) =>
        preferred is { } first ? [first, .. DefaultOrder.Where(p => p != first)] : DefaultOrder;

    public static IPortMapper Create(MappingProtocol protocol, PortMappingOptions options, ILogger logger) => protocol switch
    {
        MappingProtocol.Pcp => new PcpMapper(options),
        MappingProtocol.Pmp => new PmpMapper(options),
        _ => new IgdMapper(options, logger),
    };

    /// <summary>How a protocol is named to a user.</summary>
    public static string DisplayName(this MappingProtocol protocol) => protocol switch
    {
        MappingProtocol.Pcp => "PCP",
        MappingProtocol.Pmp => "NAT-PMP",
        _ => "UPnP IGD",
    };
}
