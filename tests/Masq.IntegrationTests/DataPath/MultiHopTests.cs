using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.Node.Accounting;
using Masq.Node.Wallets;
using Masq.Lib.Blockchains;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// HTTP and HTTPS through routes of 1, 3 and 6 hops across full Nodes in this process (each on its own 127.0.0.x
/// address with its own keys), fetched by HttpClient and by curl, every byte checked; and the bookkeeping of §2.6.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class MultiHopTests(DataPathFixture fixture)
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(3, true)]
    [InlineData(6, false)]
    public async Task HttpClient_and_curl_fetch_http_and_https_intact(int hops, bool distinctBackRelays)
    {
        var (count, route) = TestMesh.Straight(hops, distinctBackRelays);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with { DnsServers = [DataPathFixture.GoodDnsAddress] });
        using var client = fixture.ClientThrough(mesh.Originator.ProxyUri);

        byte[] http = await client.GetByteArrayAsync(fixture.HttpUrl("/blob/1300000/21"));
        Assert.Equal(Blob.Sha256(1_300_000, 21), Convert.ToHexStringLower(SHA256.HashData(http)));
        byte[] https = await client.GetByteArrayAsync(DataPathFixture.HttpsUrl("/blob/900001/22"));
        Assert.Equal(Blob.Sha256(900_001, 22), Convert.ToHexStringLower(SHA256.HashData(https)));

        var curlHttp = await Curl.DownloadAsync(mesh.Originator.ProxyUri, fixture.HttpUrl("/blob/2000000/23"));
        Assert.True(curlHttp.ExitCode == 0, curlHttp.Error);
        Assert.Equal(Blob.Sha256(2_000_000, 23), curlHttp.Sha256);
        var curlHttps = await Curl.DownloadAsync(mesh.Originator.ProxyUri, DataPathFixture.HttpsUrl("/blob/777777/24"), fixture.CertificateFile);
        Assert.True(curlHttps.ExitCode == 0, curlHttps.Error);
        Assert.Equal(Blob.Sha256(777_777, 24), curlHttps.Sha256);

        foreach (var node in mesh.Nodes)
        {
            Assert.Null(node.Failure.Reason);
        }
    }

    [Fact]
    public async Task Payables_at_the_originator_equal_what_relays_and_the_exit_report_with_the_exact_sizes()
    {
        var (count, route) = TestMesh.Straight(3, distinctBackRelays: true);
        await using var mesh = await TestMesh.StartAsync(count, [route], (_, spec) => spec with { DnsServers = [DataPathFixture.GoodDnsAddress] });
        using (var client = fixture.ClientThrough(mesh.Originator.ProxyUri))
        {
            // Both more than half a stream window (protocol.md §4), so credit updates go both ways: the exit grants request
            // credit as its server takes the upload, the originator response credit as its browser takes the download.
            byte[] upload = Blob.Bytes(1_500_000, 3);
            using var response = await client.PostAsync(fixture.HttpUrl("/sha256"), new ByteArrayContent(upload));
            Assert.Equal($"1500000 {Convert.ToHexStringLower(SHA256.HashData(upload))}", await response.Content.ReadAsStringAsync());
            Assert.Equal(3_000_000, (await client.GetByteArrayAsync(fixture.HttpUrl("/blob/3000000/4"))).Length);
        }

        var payer = WalletAddress.Parse(EthereumKeys.AddressOf(Convert.FromHexString(TestMesh.ConsumingKey)));
        var exit = mesh.Nodes[3];
        await WaitUntilAsync(() => Balanced(mesh, exit));

        var consumed = mesh.Originator.Accountant.Reports.OfType<ServicesConsumed>().ToList();
        Assert.NotEmpty(consumed);
        var exitConsumed = consumed.Where(c => c.Exit is not null).Select(c => c.Exit!).ToList();
        Assert.All(exitConsumed, c => Assert.Equal(exit.Spec.EarningWallet, c.EarningWallet));
        Assert.All(exitConsumed, c => Assert.Equal(exit.Spec.RatePack.ExitByteRate, c.ByteRate));
        Assert.All(consumed, c => Assert.Equal(2, c.Routing.Count));

        // Credit updates went both ways; the relays carried them (and charged for it), the exit served nothing for them.
        Assert.True(consumed.Count(c => c.Exit is null) >= 3, $"{consumed.Count(c => c.Exit is null)} credit updates");

        // Every relay was paid by the consuming wallet at its own routing rates, for the sealed payload lengths O was charged.
        foreach (int relay in new[] { 1, 2, 4, 5 })
        {
            var node = mesh.Nodes[relay];
            var provided = node.Accountant.Reports.OfType<RoutingServiceProvided>().ToList();
            Assert.NotEmpty(provided);
            Assert.All(provided, p => Assert.Equal(payer, p.Payer));
            Assert.All(provided, p => Assert.Equal(node.Spec.RatePack.RoutingByteRate, p.ByteRate));
            var charged = consumed.SelectMany(c => c.Routing).Where(r => r.EarningWallet == node.Spec.EarningWallet).ToList();
            Assert.Equal(charged.Select(c => c.PayloadSize).Order(), provided.Select(p => p.PayloadSize).Order());
        }

        // The exit reports the client data that reached it and that it read, the same bytes O counted as exit service, upload included.
        var exitProvided = exit.Accountant.Reports.OfType<ExitServiceProvided>().ToList();
        Assert.All(exitProvided, p => Assert.Equal(payer, p.Payer));
        Assert.Equal(exitConsumed.Sum(c => c.PayloadSize), exitProvided.Sum(p => p.PayloadSize));
        Assert.True(exitProvided.Sum(p => p.PayloadSize) > 4_500_000);

        // To the wei: the same packages, at the same rates, on both sides of every service.
        Assert.Equal(exitConsumed.Count, exitProvided.Count);
        Assert.Equal(
            exitConsumed.Aggregate(Int128.Zero, (sum, c) => sum + ServiceCharge.Of(c.ServiceRate, c.ByteRate, c.PayloadSize)),
            exitProvided.Aggregate(Int128.Zero, (sum, p) => sum + ServiceCharge.Of(p.ServiceRate, p.ByteRate, p.PayloadSize)));
        var routingConsumed = consumed.SelectMany(c => c.Routing).ToList();
        var routingProvided = mesh.Nodes.SelectMany(n => n.Accountant.Reports.OfType<RoutingServiceProvided>()).ToList();
        Assert.Equal(routingConsumed.Count, routingProvided.Count);
        Assert.Equal(
            routingConsumed.Aggregate(Int128.Zero, (sum, c) => sum + ServiceCharge.Of(c.ServiceRate, c.ByteRate, c.PayloadSize)),
            routingProvided.Aggregate(Int128.Zero, (sum, p) => sum + ServiceCharge.Of(p.ServiceRate, p.ByteRate, p.PayloadSize)));
        Assert.Empty(mesh.Nodes[0].Accountant.Reports.OfType<RoutingServiceProvided>());
    }

    private static bool Balanced(TestMesh mesh, MeshNode exit)
    {
        var consumed = mesh.Originator.Accountant.Reports.OfType<ServicesConsumed>().ToList();
        long exitConsumed = consumed.Sum(c => c.Exit?.PayloadSize ?? 0);
        int exitCount = consumed.Count(c => c.Exit is not null);
        var provided = exit.Accountant.Reports.OfType<ExitServiceProvided>().ToList();
        long exitProvided = provided.Sum(p => p.PayloadSize);
        long routingConsumed = consumed.Sum(c => c.Routing.Sum(r => r.PayloadSize));
        long routingProvided = mesh.Nodes.Sum(n => n.Accountant.Reports.OfType<RoutingServiceProvided>().Sum(p => p.PayloadSize));
        return exitConsumed == exitProvided && exitCount == provided.Count && routingConsumed == routingProvided;
    }

    internal static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(condition, () => string.Empty);

    /// <summary>As above; a condition still false after the wait fails with <paramref name="describe"/>'s account of what held instead.</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        // Generous: the machine may be loaded; a condition that holds ends the wait at once.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), $"the condition did not become true within 30 s {describe()}");
    }
}
