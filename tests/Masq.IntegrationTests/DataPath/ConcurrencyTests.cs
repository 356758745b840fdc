using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;

namespace Masq.IntegrationTests.DataPath;

/// <summary>Many streams share the links of one 3-hop route, each arriving intact.</summary>
[Collection(DataPathCollection.Name)]
public sealed class ConcurrencyTests(DataPathFixture fixture)
{
    [Fact]
    public async Task A_hundred_concurrent_downloads_through_three_hops_all_arrive_intact()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with { DnsServers = [DataPathFixture.GoodDnsAddress] });
        using var client = fixture.ClientThrough(mesh.Originator.ProxyUri);
        var downloads = Enumerable.Range(0, 100).Select(async i =>
        {
            int length = 50_000 + (i * 7919);
            byte[] body = i % 4 == 0
                ? await client.GetByteArrayAsync(DataPathFixture.HttpsUrl($"/blob/{length}/{i}"))
                : await client.GetByteArrayAsync(fixture.HttpUrl($"/blob/{length}/{i}"));
            return Convert.ToHexStringLower(SHA256.HashData(body)) == Blob.Sha256(length, i);
        });
        bool[] intact = await Task.WhenAll(downloads);
        Assert.All(intact, Assert.True);
    }
}
