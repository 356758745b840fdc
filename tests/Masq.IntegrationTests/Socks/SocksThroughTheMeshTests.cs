using System.Net;
using System.Text;
using Masq.IntegrationTests.DataPath;
using Masq.IntegrationTests.DataPath.Harness;

namespace Masq.IntegrationTests.Socks;

/// <summary>
/// SOCKS5 through a 3-hop route of real Nodes: curl with --socks5-hostname (the exit resolves the name) fetches HTTP and
/// HTTPS byte for byte, TLS end to end; IPv4 literals work the same way.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class SocksThroughTheMeshTests(DataPathFixture fixture)
{
    [Fact]
    public async Task Curl_socks5_hostname_fetches_http_and_https_through_three_hops_intact()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], WithSocks(DataPathFixture.GoodDnsAddress));
        string[] socks = ["--socks5-hostname", $"127.0.0.1:{mesh.Originator.Spec.SocksPort}"];

        var http = await Curl.DownloadAsync(socks, fixture.HttpUrl("/blob/1300000/31"));
        Assert.True(http.ExitCode == 0, http.Error);
        Assert.Equal(Blob.Sha256(1_300_000, 31), http.Sha256);

        var https = await Curl.DownloadAsync(socks, DataPathFixture.HttpsUrl("/blob/900001/32"), fixture.CertificateFile);
        Assert.True(https.ExitCode == 0, https.Error);
        Assert.Equal(Blob.Sha256(900_001, 32), https.Sha256);

        // The exit resolved the names: this machine's resolver does not know *.masq.test, and the originator has no DNS servers.
        Assert.Empty(mesh.Originator.Spec.DnsServers);
        Assert.Empty(await Dns.GetHostAddressesAsync(DataPathFixture.FilesHost).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : []));
        foreach (var node in mesh.Nodes)
        {
            Assert.Null(node.Failure.Reason);
        }
    }

    [Fact]
    public async Task An_ipv4_literal_connects_and_the_reply_comes_before_any_data()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: false);
        await using var mesh = await TestMesh.StartAsync(count, [route], WithSocks(DataPathFixture.GoodDnsAddress));

        var (code, connection) = await Socks5Wire.RequestAsync(mesh.Originator.Spec.SocksPort, Socks5Wire.Connect(DataPathFixture.DestinationAddress, fixture.HttpPort));
        await using (connection)
        {
            Assert.Equal(0x00, code);
            await connection.SendAsync($"GET /hello HTTP/1.1\r\nHost: {DataPathFixture.FilesHost}\r\nConnection: close\r\n\r\n");
            string answer = Encoding.ASCII.GetString(await connection.ReadToEndAsync());
            Assert.StartsWith("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
            Assert.EndsWith("<html><body>hello through MASQ</body></html>", answer, StringComparison.Ordinal);
        }
    }

    /// <summary>Every Node resolves with <paramref name="dns"/> except the originator, which must not need to; it listens for SOCKS5.</summary>
    internal static Func<int, MeshNodeSpec, MeshNodeSpec> WithSocks(IPAddress dns, Func<MeshNodeSpec, MeshNodeSpec>? originator = null) =>
        (i, spec) => i == 0
            ? (originator ?? (s => s))(spec with { SocksPort = FreePorts.On(IPAddress.Loopback) })
            : spec with { DnsServers = [dns] };
}
