using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Masq.Node.Networking;

namespace Masq.Fuzz.Targets;

/// <summary>SNI sniffing on the transparent TLS port: the record framer, then the ClientHello walk as bytes arrive.</summary>
internal sealed class TlsClientHelloTarget : FuzzTarget
{
    public override string Name => "tls-client-hello";

    public override string Description => "TlsRecordFramer.TryReadRecord and TlsClientHelloParser.TryGetServerName (incremental)";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        var whole = Segments.Split(bytes);
        var record = TlsRecordFramer.TryReadRecord(whole, out int recordLength, out _);
        FuzzFinding.Check(record != TlsRecordStatus.Complete || (recordLength >= TlsRecordFramer.HeaderLength && recordLength <= whole.Length), $"a complete record of {recordLength} bytes in {whole.Length}");
        foreach (int arrived in Segments.Arrivals(bytes.Length))
        {
            var status = TlsClientHelloParser.TryGetServerName(Segments.Split(bytes.AsMemory(0, arrived)), out string? serverName);
            FuzzFinding.Check((status == ClientHelloStatus.ServerNameFound) == !string.IsNullOrEmpty(serverName), $"status {status} with server name '{serverName}'");
            if (status != ClientHelloStatus.Incomplete)
            {
                return;
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        byte[] named = CaptureClientHello("Secure.Example.test");
        yield return ("dotnet-client-sni", named);
        yield return ("dotnet-client-ip-no-sni", CaptureClientHello("127.0.0.1"));
        yield return ("sni-over-two-records", SplitIntoTwoRecords(named));
        yield return ("application-data-records", [0x17, 0x03, 0x03, 0x00, 0x02, 0xaa, 0xbb, 0x17, 0x03, 0x03, 0x00, 0x03, 1, 2, 3]);
    }

    /// <summary>The same handshake message carried by two records, as a client may send a large hello.</summary>
    private static byte[] SplitIntoTwoRecords(byte[] hello)
    {
        int length = (hello[3] << 8) | hello[4];
        var body = hello.AsSpan(TlsRecordFramer.HeaderLength, length);
        int half = body.Length / 2;
        byte[] first = [hello[0], hello[1], hello[2], (byte)(half >> 8), (byte)half];
        int rest = body.Length - half;
        byte[] second = [hello[0], hello[1], hello[2], (byte)(rest >> 8), (byte)rest];
        return [.. first, .. body[..half], .. second, .. body[half..]];
    }

    /// <summary>The first flight of a real .NET TLS client, as a server would receive it.</summary>
    private static byte[] CaptureClientHello(string targetHost) => CaptureClientHelloAsync(targetHost).GetAwaiter().GetResult();

    private static async Task<byte[]> CaptureClientHelloAsync(string targetHost)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        var handshake = tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost });
        var stream = server.GetStream();
        var received = new List<byte>();
        byte[] buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (TlsClientHelloParser.TryGetServerName(new ReadOnlySequence<byte>(received.ToArray()), out _) == ClientHelloStatus.Incomplete)
        {
            int read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new InvalidOperationException("the TLS client closed before its ClientHello was complete");
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        server.Close();
        try
        {
            await handshake;
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            // Expected: the server side closed without answering.
        }

        return [.. received];
    }
}
