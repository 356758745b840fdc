using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Masq.IntegrationTests.DataPath.Harness;

/// <summary>
/// The real server at the end of the route: Kestrel on a loopback address, plain HTTP on one port and TLS with a
/// self-signed certificate on another (443 by default, the only port the proxy tunnels).
/// <c>GET /blob/{length}/{seed}</c> serves <see cref="Blob"/> content; <c>POST /sha256</c> answers the body's SHA-256;
/// <c>GET /hello</c> a short page.
/// </summary>
internal sealed class Destination : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Destination(WebApplication app, IPAddress address, int httpPort, int httpsPort, X509Certificate2 certificate)
    {
        _app = app;
        Address = address;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
        Certificate = certificate;
    }

    public IPAddress Address { get; }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public X509Certificate2 Certificate { get; }

    public static async Task<Destination> StartAsync(IPAddress address, int httpPort, int httpsPort, IReadOnlyList<string> hostNames)
    {
        var certificate = CreateCertificate(hostNames, address);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, httpPort);
            kestrel.Listen(address, httpsPort, listen => listen.UseHttps(certificate));
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.MapGet("/hello", () => Results.Text("<html><body>hello through MASQ</body></html>", "text/html"));
        app.MapGet("/blob/{length:long}/{seed:int}", async (HttpContext context, long length, int seed) =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = length;
            await Blob.WriteAsync(length, seed, block => context.Response.Body.WriteAsync(block).AsTask()).ConfigureAwait(false);
        });
        app.MapPost("/sha256", async (HttpContext context) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                total += read;
            }

            return Results.Text(string.Create(CultureInfo.InvariantCulture, $"{total} {Convert.ToHexStringLower(hash.GetHashAndReset())}"));
        });
        await app.StartAsync().ConfigureAwait(false);
        return new Destination(app, address, httpPort, httpsPort, certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    /// <summary>PEM of the certificate, for curl's --cacert.</summary>
    public string CertificatePem() => Certificate.ExportCertificatePem();

    private static X509Certificate2 CreateCertificate(IReadOnlyList<string> hostNames, IPAddress address)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=masq-test-destination", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in hostNames)
        {
            names.AddDnsName(name);
        }

        names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
    }
}
