using System.Net;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Lib.Configuration;
using Masq.Node.Crypto;

namespace Masq.IntegrationTests.DataPath;

/// <summary>A zero-hop Node carries HTTP and HTTPS through its forward proxy by itself (data-path.md §2.5).</summary>
[Collection(DataPathCollection.Name)]
public sealed class ZeroHopTests(DataPathFixture fixture) : IAsyncLifetime
{
    private MeshNode? _node;

    private MeshNode Node => _node!;

    public async Task InitializeAsync()
    {
        var ip = IPAddress.Loopback;
        var main = CryptDeReal.Generate(Masq.Lib.Blockchains.Chain.BaseSepolia.ContractAddress.Bytes);
        _node = await MeshNode.StartAsync(new MeshNodeSpec(ip, 0, FreePorts.On(ip), main)
        {
            Mode = NeighborhoodMode.ZeroHop,
            DnsServers = [DataPathFixture.GoodDnsAddress],
        });
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(70_000)]
    [InlineData(5 * 1024 * 1024 + 17)]
    public async Task HttpClient_gets_http_bytes_intact(int length)
    {
        using var client = fixture.ClientThrough(Node.ProxyUri);
        byte[] body = await client.GetByteArrayAsync(fixture.HttpUrl($"/blob/{length}/{length % 97}"));
        Assert.Equal(Blob.Sha256(length, length % 97), Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    [Fact]
    public async Task HttpClient_gets_https_bytes_intact_through_CONNECT()
    {
        using var client = fixture.ClientThrough(Node.ProxyUri);
        byte[] body = await client.GetByteArrayAsync(DataPathFixture.HttpsUrl("/blob/3000000/5"));
        Assert.Equal(Blob.Sha256(3_000_000, 5), Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    [Fact]
    public async Task HttpClient_posts_a_body_and_reuses_the_connection()
    {
        using var client = fixture.ClientThrough(Node.ProxyUri);
        byte[] upload = Blob.Bytes(1_500_000, 9);
        for (int i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync(fixture.HttpUrl("/sha256"), new ByteArrayContent(upload));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"{upload.Length} {Convert.ToHexStringLower(SHA256.HashData(upload))}", await response.Content.ReadAsStringAsync());
        }
    }
}
