using System.Globalization;
using System.Net;

namespace Masq.IntegrationTests.Neighborhood.MockPeers;

/// <summary>
/// Loopback addresses for mock peers, 127.0.1.230–249 in turn: apart from the real mesh Nodes (1–150), its DNS server
/// (153), destination (200) and the garbage source (250). A fresh address per peer keeps one peer's records, links and
/// any ban a real Node holds against an IP from touching the next peer.
/// </summary>
internal static class MockPeerAddresses
{
    private const int First = 230;
    private const int Count = 20;

    private static int _next = -1;

    public static IPAddress Next()
    {
        int octet = First + (int)((uint)Interlocked.Increment(ref _next) % Count);
        return IPAddress.Parse($"127.0.1.{octet.ToString(CultureInfo.InvariantCulture)}");
    }
}
