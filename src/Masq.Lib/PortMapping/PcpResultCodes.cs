namespace Masq.Lib.PortMapping;

/// <summary>PCP result codes (RFC 6887 §7.4), as a user reads them.</summary>
internal static class PcpResultCodes
{
    public static string Describe(byte code) => code switch
    {
        1 => "1 UNSUPP_VERSION",
        2 => "2 NOT_AUTHORIZED",
        3 => "3 MALFORMED_REQUEST",
        4 => "4 UNSUPP_OPCODE",
        5 => "5 UNSUPP_OPTION",
        6 => "6 MALFORMED_OPTION",
        7 => "7 NETWORK_FAILURE",
        8 => "8 NO_RESOURCES",
        9 => "9 UNSUPP_PROTOCOL",
        10 => "10 USER_EX_QUOTA",
        11 => "11 CANNOT_PROVIDE_EXTERNAL",
        12 => "12 ADDRESS_MISMATCH",
        13 => "13 EXCESSIVE_REMOTE_PEERS",
        _ => $"{code} (unknown)",
    };
}
