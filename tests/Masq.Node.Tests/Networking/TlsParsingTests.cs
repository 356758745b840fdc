using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Masq.Node.Networking;

namespace Masq.Node.Tests.Networking;

public sealed class TlsParsingTests
{
    [Fact]
    public async Task The_server_name_comes_out_of_a_real_ClientHello()
    {
        byte[] hello = await CaptureClientHelloAsync("Secure.Example.test");
        Assert.Equal(ClientHelloStatus.ServerNameFound, TlsClientHelloParser.TryGetServerName(new ReadOnlySequence<byte>(hello), out var name));
        Assert.Equal("secure.example.test", name);
        Assert.Equal(ClientHelloStatus.ServerNameFound, TlsClientHelloParser.TryGetServerName(ParserFuzz.Segmented(hello, new Random(1)), out _));
        for (int end = 0; end < hello.Length; end += 7)
        {
            Assert.Equal(ClientHelloStatus.Incomplete, TlsClientHelloParser.TryGetServerName(new ReadOnlySequence<byte>(hello, 0, end), out _));
        }
    }

    [Fact]
    public async Task A_ClientHello_for_an_address_has_no_server_name()
    {
        byte[] hello = await CaptureClientHelloAsync("127.0.0.1");
        Assert.Equal(ClientHelloStatus.NoServerName, TlsClientHelloParser.TryGetServerName(new ReadOnlySequence<byte>(hello), out var name));
        Assert.Null(name);
    }

    [Fact]
    public void Plain_text_is_not_a_ClientHello()
    {
        Assert.Equal(ClientHelloStatus.NotClientHello, TlsClientHelloParser.TryGetServerName(new ReadOnlySequence<byte>("GET / HTTP/1.1\r\n"u8.ToArray()), out _));
        Assert.Equal(TlsRecordStatus.Invalid, TlsRecordFramer.TryReadRecord(new ReadOnlySequence<byte>("GET"u8.ToArray()), out _, out _));
    }

    [Fact]
    public void Whole_records_are_cut_at_record_boundaries()
    {
        byte[] records = [0x17, 0x03, 0x03, 0x00, 0x02, 0xaa, 0xbb, 0x17, 0x03, 0x03, 0x00, 0x03, 1, 2, 3, 0x17, 0x03, 0x03, 0x00, 0x05, 1];
        Assert.Equal(15, TlsRecordFramer.WholeRecords(new ReadOnlySequence<byte>(records), 1000));
        Assert.Equal(7, TlsRecordFramer.WholeRecords(new ReadOnlySequence<byte>(records), 8));
        Assert.Equal(-1, TlsRecordFramer.WholeRecords(new ReadOnlySequence<byte>([0x17, 0x09, 0x03, 0, 1, 0]), 1000));
    }

    [Fact]
    public async Task Fuzzed_records_and_hellos_never_throw()
    {
        byte[] hello = await CaptureClientHelloAsync("fuzz.example");
        var random = new Random(8);
        ParserFuzz.Run("TLS ClientHello", [hello], 19, input =>
        {
            var sequence = ParserFuzz.Segmented(input, random);
            var status = TlsClientHelloParser.TryGetServerName(sequence, out var name);
            Assert.Equal(status == ClientHelloStatus.ServerNameFound, name is not null);
            Assert.InRange(TlsRecordFramer.WholeRecords(sequence, 4096), -1, sequence.Length);
        });
    }

    /// <summary>The first flight of a real .NET TLS client, as a server would receive it.</summary>
    internal static async Task<byte[]> CaptureClientHelloAsync(string targetHost)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        var handshake = tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = targetHost, RemoteCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None });
        var stream = server.GetStream();
        var received = new List<byte>();
        byte[] buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (TlsClientHelloParser.TryGetServerName(new ReadOnlySequence<byte>(received.ToArray()), out _) == ClientHelloStatus.Incomplete)
        {
            int read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0);
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        server.Close();
        await Assert.ThrowsAnyAsync<Exception>(() => handshake);
        return [.. received];
    }
}
