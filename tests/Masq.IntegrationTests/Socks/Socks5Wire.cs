using System.Net;
using System.Text;
using Masq.IntegrationTests.DataPath;

namespace Masq.IntegrationTests.Socks;

/// <summary>SOCKS5 messages as a client sends them (RFC 1928), and a raw exchange with a Node's socks-port.</summary>
internal static class Socks5Wire
{
    public static readonly byte[] Greeting = [5, 1, 0];

    public static byte[] Connect(string host, int port) =>
        [5, 1, 0, 3, (byte)host.Length, .. Encoding.ASCII.GetBytes(host), (byte)(port >> 8), (byte)port];

    public static byte[] Connect(IPAddress address, int port, byte command = 1) =>
        [5, command, 0, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? (byte)1 : (byte)4, .. address.GetAddressBytes(), (byte)(port >> 8), (byte)port];

    /// <summary>Greets, sends <paramref name="request"/> and returns the reply code; the connection stays open for data.</summary>
    public static async Task<(byte Code, RawBrowser Connection)> RequestAsync(int socksPort, byte[] request)
    {
        var connection = await RawBrowser.ConnectAsync(socksPort);
        await connection.SendAsync(Greeting);
        Assert.Equal(new byte[] { 5, 0 }, await connection.ReadExactlyAsync(2));
        await connection.SendAsync(request);
        byte[] reply = await connection.ReadExactlyAsync(10);
        Assert.Equal(5, reply[0]);
        Assert.Equal(new byte[] { 0, 1, 0, 0, 0, 0, 0, 0 }, reply[2..]);
        return (reply[1], connection);
    }

    /// <summary>The reply code for a request that must fail; the Node must close the connection after it.</summary>
    public static async Task<byte> RefusalAsync(int socksPort, byte[] request)
    {
        var (code, connection) = await RequestAsync(socksPort, request);
        await using (connection)
        {
            Assert.Empty(await connection.ReadToEndAsync());
        }

        return code;
    }
}
