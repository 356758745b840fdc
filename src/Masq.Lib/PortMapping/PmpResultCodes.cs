namespace Masq.Lib.PortMapping;

/// <summary>NAT-PMP result codes (RFC 6886 §3.5), as a user reads them.</summary>
internal static class PmpResultCodes
{
    public static string Describe(ushort code) => code switch
    {
        1 => "1 (unsupported version)",
        2 => "2 (not authorized / refused)",
        3 => "3 (network failure: the router has no public address)",
        4 => "4 (out of resources)",
        5 => "5 (unsupported opcode)",
        _ => $"{code} (unknown)",
    };
}
