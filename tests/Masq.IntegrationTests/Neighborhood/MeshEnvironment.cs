using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using Masq.IntegrationTests.DataPath;
using Masq.IntegrationTests.DataPath.Harness;

namespace Masq.IntegrationTests.Neighborhood;

/// <summary>
/// What a class of mesh tests shares: the destination (plain HTTP serving <see cref="Blob"/>s of known SHA-256) at
/// 127.0.1.200, a dnsmasq at 127.0.1.153 that resolves <see cref="Host"/> to it (the Nodes' <c>--dns-servers</c>), and a
/// <see cref="RealMesh"/>. Subclasses start the Nodes their tests share in <see cref="StartNodesAsync"/>.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit disposes the mesh in IAsyncLifetime.DisposeAsync.")]
public class MeshEnvironment : IAsyncLifetime
{
    public const string Host = "files.mesh.masq.test";

    public static readonly IPAddress DestinationAddress = IPAddress.Parse("127.0.1.200");
    public static readonly IPAddress DnsAddress = IPAddress.Parse("127.0.1.153");

    /// <summary>How long an originator may take to find a route (a failure guard, not a measurement).</summary>
    public static readonly TimeSpan RouteTimeout = TimeSpan.FromSeconds(60);

    private readonly List<IAsyncDisposable> _extras = [];
    private Destination? _destination;
    private Dnsmasq? _dns;
    private RealMesh? _mesh;

    internal RealMesh Mesh => _mesh ?? throw new InvalidOperationException("The mesh environment is not initialized");

    internal Destination Destination => _destination ?? throw new InvalidOperationException("The mesh environment is not initialized");

    public async Task InitializeAsync()
    {
        _destination = await Destination.StartAsync(DestinationAddress, FreePorts.On(DestinationAddress), FreePorts.On(DestinationAddress), [Host]);
        _dns = await Dnsmasq.StartAsync(DnsAddress, new Dictionary<string, IPAddress> { [Host] = DestinationAddress });
        _mesh = new RealMesh(DnsAddress);
        await StartNodesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_mesh is not null)
        {
            await _mesh.DisposeAsync();
        }

        // After the Nodes: they may still use an extra DNS server or address while they stop. Every one is released
        // even when an earlier one fails (a loopback address left behind would outlive the test run).
        var failures = new List<Exception>();
        for (int i = _extras.Count - 1; i >= 0; i--)
        {
            try
            {
                await _extras[i].DisposeAsync();
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e);
            }
        }

        if (_dns is not null)
        {
            await _dns.DisposeAsync();
        }

        if (_destination is not null)
        {
            await _destination.DisposeAsync();
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Releasing the mesh environment's extras failed", failures);
        }
    }

    /// <summary>A blob's URL at <paramref name="host"/> (default <see cref="Host"/>); the destination serves any host name.</summary>
    public string BlobUrl(long length, int seed, string host = Host) => $"http://{host}:{Destination.HttpPort}/blob/{length}/{seed}";

    /// <summary>Downloads a blob with curl through <paramref name="member"/>'s forward proxy and checks it byte for byte.</summary>
    internal async Task AssertDownloadsIntactAsync(MeshMember member, long length, int seed, string host = Host)
    {
        var result = await Curl.DownloadAsync(member.ProxyUri, BlobUrl(length, seed, host));
        Assert.True(
            result.ExitCode == 0 && result.Length == length && result.Sha256 == Blob.Sha256(length, seed),
            $"curl through {member} from {host} got exit {result.ExitCode}, {result.Length} of {length} bytes, sha256 {result.Sha256} (want {Blob.Sha256(length, seed)}): {result.Error}\n{Mesh.Report()}");
    }

    /// <summary>One GET through <paramref name="member"/>'s proxy on a new connection (a new stream, so a new route query).</summary>
    internal static async Task<(HttpStatusCode Status, string Body)> GetOnceAsync(MeshMember member, string url)
    {
        using var handler = new SocketsHttpHandler { Proxy = new WebProxy(member.ProxyUri), UseProxy = true, PooledConnectionLifetime = TimeSpan.Zero };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, WebUtility.HtmlDecode(body));
    }

    /// <summary>Another dnsmasq on <paramref name="address"/> (port 53) that knows only <paramref name="hosts"/>; stopped with the environment.</summary>
    internal async Task<Dnsmasq> StartDnsAsync(IPAddress address, IReadOnlyDictionary<string, IPAddress> hosts)
    {
        var dns = await Dnsmasq.StartAsync(address, hosts);
        _extras.Add(dns);
        return dns;
    }

    /// <summary>Adds <paramref name="address"/> to the loopback device (see <see cref="LoopbackAddress"/>); removed with the environment.</summary>
    internal async Task<LoopbackAddress> AddLoopbackAddressAsync(IPAddress address)
    {
        var added = await LoopbackAddress.AddAsync(address);
        _extras.Add(added);
        return added;
    }

    internal static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    protected virtual Task StartNodesAsync() => Task.CompletedTask;
}
