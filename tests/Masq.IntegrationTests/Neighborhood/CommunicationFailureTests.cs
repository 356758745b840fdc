using System.Net;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// Two exits that resolve host names with different DNS servers, and an originator at min-hops 1 that debuts to both
/// (so either is a 1-hop route). The cheap exit asks the mesh's dnsmasq, which knows only <see cref="MeshEnvironment.Host"/>;
/// the expensive one asks a second dnsmasq that also knows <see cref="RetryHost"/>. Nobody knows <see cref="NowhereHost"/>.
/// </summary>
public sealed class TwoExitMeshFixture : MeshEnvironment
{
    public const string RetryHost = "retry.mesh.masq.test";
    public const string NowhereHost = "nowhere.mesh.masq.test";

    /// <summary>Beside the mesh's dnsmasq (127.0.1.153), outside the Nodes' 127.0.1.1–150.</summary>
    public static readonly IPAddress SecondDnsAddress = IPAddress.Parse("127.0.1.154");

    /// <summary>routingByte|routingService|exitByte|exitService: below the default for the cheap exit, well above for the other.</summary>
    public const string CheapRatePack = "20000|20000|50000|50000";
    public const string ExpensiveRatePack = "200000|200000|400000|400000";

    internal MeshMember Cheap { get; private set; } = null!;

    internal MeshMember Expensive { get; private set; } = null!;

    internal MeshMember Originator { get; private set; } = null!;

    protected override async Task StartNodesAsync()
    {
        await StartDnsAsync(SecondDnsAddress, new Dictionary<string, IPAddress> { [Host] = DestinationAddress, [RetryHost] = DestinationAddress });
        Cheap = await Mesh.StartNodeAsync(MeshNodeOptions.Standard with { ExtraArguments = ["--rate-pack", CheapRatePack] }, "cheap-exit");
        Expensive = await Mesh.StartNodeAsync(
            MeshNodeOptions.Standard with { DnsServer = SecondDnsAddress, ExtraArguments = ["--rate-pack", ExpensiveRatePack] }, "expensive-exit");
        Originator = await Mesh.StartNodeAsync(MeshNodeOptions.DebutTo(Cheap, Expensive) with { MinHops = 1 }, "dns-originator");
    }
}

/// <summary>
/// neighborhood.md §9 communication_failure and data-path.md "DNS failure": a DNS failure at the cheaper exit makes the
/// originator retry through the other exit, and the download succeeds; a host no exit can resolve ends in the 503
/// "DNS Resolution Problem" page; the unreachable-host penalty is per host, so yet another host still goes out through
/// the cheapest exit. Which Node was the exit shows in its trafficStats broadcasts, which exit failed in the originator's
/// log (the Neighborhood names the exit it marks).
/// </summary>
[Collection(MeshCollection.Name)]
public sealed class CommunicationFailureTests(TwoExitMeshFixture fixture) : IClassFixture<TwoExitMeshFixture>
{
    private const int BlobLength = 300_000;

    /// <summary>A failure guard for log lines the Node writes asynchronously.</summary>
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Dns_failure_is_retried_through_another_exit_and_penalizes_only_that_host()
    {
        var mesh = fixture.Mesh;
        var originator = fixture.Originator;
        await mesh.WaitForStageAsync(originator, UiConnectionStage.RouteFound, MeshEnvironment.RouteTimeout);
        await WaitForFullNeighborsAsync(originator, fixture.Cheap, fixture.Expensive);

        await using var cheap = await TrafficWatch.StartAsync(fixture.Cheap);
        await using var expensive = await TrafficWatch.StartAsync(fixture.Expensive);

        // 1. Only the expensive exit's DNS knows the host: the cheap exit is tried first, fails, and the retry succeeds.
        await TrafficWatch.AssertExitAsync(
            expensive, cheap, BlobLength, $"the retried download from {TwoExitMeshFixture.RetryHost}",
            () => fixture.AssertDownloadsIntactAsync(originator, BlobLength, 81, TwoExitMeshFixture.RetryHost), Context);
        await WaitForOutputAsync(originator, $"Exit {fixture.Cheap.Key[..8]} could not resolve {TwoExitMeshFixture.RetryHost}");
        await WaitForOutputAsync(originator, $"An exit could not resolve {TwoExitMeshFixture.RetryHost}; trying exit number 2");

        // 2. No exit resolves the host: once the retries are spent the browser gets the DNS error page.
        var (status, body) = await GetOnceAsync(originator, fixture.BlobUrl(1000, 82, TwoExitMeshFixture.NowhereHost));
        Assert.True(
            status == HttpStatusCode.ServiceUnavailable
                && body.Contains("DNS Resolution Problem", StringComparison.Ordinal)
                && body.Contains($"Exit Nodes couldn't resolve \"{TwoExitMeshFixture.NowhereHost}\"", StringComparison.Ordinal)
                && body.Contains("2 different exit Nodes", StringComparison.Ordinal),
            $"a host no exit can resolve got {(int)status}:\n{body}\n{Context()}");
        await WaitForOutputAsync(originator, $"Exit {fixture.Cheap.Key[..8]} could not resolve {TwoExitMeshFixture.NowhereHost}");
        await WaitForOutputAsync(originator, $"Exit {fixture.Expensive.Key[..8]} could not resolve {TwoExitMeshFixture.NowhereHost}");

        // 3. Both exits are marked for other hosts, not for this one: the cheapest exit carries it.
        await TrafficWatch.AssertExitAsync(
            cheap, expensive, BlobLength, $"a download from {MeshEnvironment.Host} (only other hosts failed at the cheap exit)",
            () => fixture.AssertDownloadsIntactAsync(originator, BlobLength, 83), Context);
    }

    /// <summary>Polls the originator's graph until every one of <paramref name="exits"/> is its full neighbor (a 1-hop route to each exists).</summary>
    private async Task WaitForFullNeighborsAsync(MeshMember originator, params MeshMember[] exits)
    {
        var deadline = DateTime.UtcNow + MeshEnvironment.RouteTimeout;
        while (true)
        {
            var graph = await originator.GraphAsync();
            var root = graph.Root ?? graph.IdOf(originator);
            var full = root is null ? [] : graph.FullNeighborsOf(root);
            if (exits.All(e => graph.IdOf(e) is { } id && full.Contains(id)))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(
                    $"{originator.Name} does not have {string.Join(" and ", exits.Select(e => e.Name))} as full neighbors after {MeshEnvironment.RouteTimeout.TotalSeconds:0} s:\n{graph}\n{Context()}");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>One GET through the proxy; no answer at all (the client's 60 s timeout) fails with the mesh's output.</summary>
    private async Task<(HttpStatusCode Status, string Body)> GetOnceAsync(MeshMember member, string url)
    {
        try
        {
            return await MeshEnvironment.GetOnceAsync(member, url);
        }
        catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
        {
            Assert.Fail($"GET {url} through {member} got no answer ({e.GetType().Name}: {e.Message}):\n{Context()}");
            throw;
        }
    }

    private async Task WaitForOutputAsync(MeshMember member, string text)
    {
        var deadline = DateTime.UtcNow + LogTimeout;
        while (!member.Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{member.Name} did not log \"{text}\" within {LogTimeout.TotalSeconds:0} s:\n{Context()}");
            }

            await Task.Delay(250);
        }
    }

    private string Context() => fixture.Mesh.Report();
}
