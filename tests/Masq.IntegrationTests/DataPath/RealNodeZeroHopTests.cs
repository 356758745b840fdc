using System.Net;
using Masq.IntegrationTests.DataPath.Harness;
using Masq.IntegrationTests.Infrastructure;
using Masq.Lib.Configuration;
using Masq.Lib.Ui.Messages;

namespace Masq.IntegrationTests.DataPath;

/// <summary>
/// The real MASQNode process, set up and started by the real Daemon in zero-hop mode with a forward-proxy port, carries
/// curl's HTTP and HTTPS downloads byte for byte.
/// </summary>
[Collection(DataPathCollection.Name)]
public sealed class RealNodeZeroHopTests(DataPathFixture fixture)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Curl_downloads_through_a_zero_hop_Node_launched_by_the_Daemon()
    {
        // Loopback destinations are allowed only for tests, as MASQ_INTEGRATION_TEST does in the reference.
        await using var daemon = await DaemonProcess.StartAsync(new Dictionary<string, string> { ["MASQ_INTEGRATION_TEST"] = "true" });
        await using var client = await daemon.ConnectAsync();
        int proxyPort = FreePorts.On(IPAddress.Loopback);
        var setup = await client.TransactAsync<UiSetupRequest, UiSetupResponse>(new UiSetupRequest(
        [
            new(ParameterNames.NeighborhoodMode, "zero-hop"),
            new(ParameterNames.DataDirectory, daemon.Home.Combine("node")),
            new(ParameterNames.ProxyPort, proxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ParameterNames.DnsServers, DataPathFixture.GoodDnsAddress.ToString()),
        ]), Long);
        Assert.Empty(setup.Errors);
        await client.TransactAsync<UiStartRequest, UiStartResponse>(new UiStartRequest(), Long);
        var proxy = new Uri($"http://127.0.0.1:{proxyPort}");
        await WaitForListenerAsync(proxyPort, daemon);

        var http = await Curl.DownloadAsync(proxy, fixture.HttpUrl("/blob/4000000/31"));
        Assert.True(http.ExitCode == 0, http.Error + daemon.Output);
        Assert.Equal(Blob.Sha256(4_000_000, 31), http.Sha256);

        var https = await Curl.DownloadAsync(proxy, DataPathFixture.HttpsUrl("/blob/2500000/32"), fixture.CertificateFile);
        Assert.True(https.ExitCode == 0, https.Error + daemon.Output);
        Assert.Equal(Blob.Sha256(2_500_000, 32), https.Sha256);
    }

    private static async Task WaitForListenerAsync(int port, DaemonProcess daemon)
    {
        var deadline = DateTime.UtcNow + Long;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail($"The Node never listened on its proxy port {port}:\n{daemon.Output}");
    }
}
