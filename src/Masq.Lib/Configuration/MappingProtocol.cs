namespace Masq.Lib.Configuration;

/// <summary>The router port-mapping protocol to try first (<c>--mapping-protocol</c>).</summary>
public enum MappingProtocol
{
    Pcp,
    Pmp,
    Igdp,
}
