namespace Masq.Node.Tests.Crypto;

/// <summary>Chain contract addresses from neighborhood.md §1, as raw bytes.</summary>
internal static class TestChains
{
    public static byte[] BaseSepolia { get; } = Convert.FromHexString("898e1ce720084a902bc37dd822ed6d6a5f027e10");

    public static byte[] BaseMainnet { get; } = Convert.FromHexString("45d9c101a3870ca5024582fd788f4e1e8f7971c3");

    public static byte[] Dev { get; } = Convert.FromHexString("59882e4a8f5d24643d4dda422922a870f1b3e664");
}
