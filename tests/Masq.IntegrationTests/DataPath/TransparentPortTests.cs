using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;
using Masq.Node.Networking;
using Masq.Node.DataPath;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// The transparent style of the seed (ports 80/443 in production, where DNS subversion sends every browser connection
/// to the Node): the Host header or the ClientHello's server name says where to go. Here the listeners are on free
/// ports, handed to the Node as the host would hand it 80 and 443.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class TransparentPortTests(DataPathFixture fixture) : IAsyncLifetime
{
    private readonly Socket _http = Listen();
    private readonly Socket _tls = Listen();
    private MeshNode? _node;

    private int HttpPort => ((IPEndPoint)_http.LocalEndPoint!).Port;

    private int TlsPort => ((IPEndPoint)_tls.LocalEndPoint!).Port;

    public async Task InitializeAsync() =>
        _node = await MeshNode.StartAsync(new MeshNodeSpec(IPAddress.Loopback, 0, 0, CryptDeReal.Generate(Masq.Lib.Blockchains.Chain.BaseSepolia.ContractAddress.Bytes))
        {
            Mode = NeighborhoodMode.ZeroHop,
            DnsServers = [DataPathFixture.GoodDnsAddress],
            TransparentSockets = new PrivilegedBrowserSockets(_http, _tls),
        });

    public async Task DisposeAsync() => await _node!.DisposeAsync();

    [Fact]
    public async Task The_Host_header_and_the_server_name_lead_to_the_right_server()
    {
        using var httpClient = ClientConnectingTo(HttpPort);
        byte[] page = await httpClient.GetByteArrayAsync(fixture.HttpUrl("/blob/2222222/51"));
        Assert.Equal(Blob.Sha256(2_222_222, 51), Convert.ToHexStringLower(SHA256.HashData(page)));

        using var tlsClient = ClientConnectingTo(TlsPort);
        byte[] secure = await tlsClient.GetByteArrayAsync(DataPathFixture.HttpsUrl("/blob/1111111/52"));
        Assert.Equal(Blob.Sha256(1_111_111, 52), Convert.ToHexStringLower(SHA256.HashData(secure)));
    }

    [Fact]
    public async Task A_ClientHello_without_a_server_name_gets_the_missing_extension_alert()
    {
        byte[] hello = await CaptureClientHelloAsync("127.0.0.1");
        await using var browser = await RawBrowser.ConnectAsync(TlsPort);
        await browser.SendAsync(hello);
        Assert.Equal(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x6d }, await browser.ReadToEndAsync());
        Assert.Equal(1, _node!.Logs.Count(DataPathEventIds.BrowserNoServerName));

        string notTls = await RawBrowser.ExchangeAsync(TlsPort, "HELLO WORLD\r\n\r\n");
        Assert.Empty(notTls);
        Assert.Equal(1, _node.Logs.Count(DataPathEventIds.BrowserNotTls));
    }

    private HttpClient ClientConnectingTo(int port)
    {
        string thumbprint = fixture.Destination.Certificate.Thumbprint;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    private static Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(64);
        return socket;
    }

    private static async Task<byte[]> CaptureClientHelloAsync(string targetHost)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        var handshake = tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost, RemoteCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None });
        byte[] header = new byte[5];
        var stream = server.GetStream();
        await stream.ReadExactlyAsync(header);
        byte[] body = new byte[(header[3] << 8) | header[4]];
        await stream.ReadExactlyAsync(body);
        server.Close();
        await Assert.ThrowsAnyAsync<Exception>(() => handshake);
        return [.. header, .. body];
    }
}
