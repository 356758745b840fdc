using System.Net;
using Masq.IntegrationTests.DataPath.Harness;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// What every data-path test shares: the destination server (HTTP, and TLS on 443) at 127.0.0.200 and two dnsmasq
/// servers: one that knows the test host names, one that knows none of them (for DNS failures).
/// </summary>
public sealed class DataPathFixture : IAsyncLifetime
{
    public const string FilesHost = "files.masq.test";
    public const string SecureHost = "secure.masq.test";
    public const string MissingHost = "missing.masq.test";

    public static readonly IPAddress DestinationAddress = IPAddress.Parse("127.0.0.200");
    public static readonly IPAddress GoodDnsAddress = IPAddress.Parse("127.0.0.153");
    public static readonly IPAddress EmptyDnsAddress = IPAddress.Parse("127.0.0.154");

    private Destination? _destination;
    private Dnsmasq? _goodDns;
    private Dnsmasq? _emptyDns;

    internal Destination Destination => _destination!;

    public string CertificateFile { get; } = Path.Combine(Path.GetTempPath(), $"masq-dest-{Guid.NewGuid():N}.pem");

    public int HttpPort => Destination.HttpPort;

    public async Task InitializeAsync()
    {
        _destination = await Destination.StartAsync(DestinationAddress, FreePorts.On(DestinationAddress), 443, [FilesHost, SecureHost]);
        await File.WriteAllTextAsync(CertificateFile, _destination.CertificatePem());
        _goodDns = await Dnsmasq.StartAsync(GoodDnsAddress, new Dictionary<string, IPAddress>
        {
            [FilesHost] = DestinationAddress,
            [SecureHost] = DestinationAddress,
        });
        _emptyDns = await Dnsmasq.StartAsync(EmptyDnsAddress, new Dictionary<string, IPAddress>());
    }

    public async Task DisposeAsync()
    {
        if (_emptyDns is not null)
        {
            await _emptyDns.DisposeAsync();
        }

        if (_goodDns is not null)
        {
            await _goodDns.DisposeAsync();
        }

        if (_destination is not null)
        {
            await _destination.DisposeAsync();
        }

        File.Delete(CertificateFile);
    }

    /// <summary>An HttpClient that goes through a Node's forward proxy and trusts only the destination's certificate.</summary>
    internal HttpClient ClientThrough(Uri proxy)
    {
        string thumbprint = Destination.Certificate.Thumbprint;
        var handler = new SocketsHttpHandler
        {
            Proxy = new WebProxy(proxy),
            UseProxy = true,
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public string HttpUrl(string path) => $"http://{FilesHost}:{HttpPort}{path}";

    public static string HttpsUrl(string path) => $"https://{SecureHost}{path}";
}
