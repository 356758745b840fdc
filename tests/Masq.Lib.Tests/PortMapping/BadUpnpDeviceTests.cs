using System.Net;
using System.Text;
using Masq.Lib.PortMapping;
using Microsoft.Extensions.Logging.Abstractions;

namespace Masq.Lib.Tests.PortMapping;

/// <summary>
/// UPnP IGD against a fake device on loopback: its SSDP answer, description and SOAP control are real UDP and HTTP,
/// scripted to be well-behaved, huge, hostile, refusing or not the gateway.
/// </summary>
public sealed class BadUpnpDeviceTests
{
    private const string Service = "urn:schemas-upnp-org:service:WANIPConnection:1";

    private static readonly IPAddress Gateway = IPAddress.Loopback;

    [Fact]
    public async Task A_well_behaved_device_maps_reports_the_public_IP_and_deletes()
    {
        await using var device = new FakeHttpDevice(Gateway, (line, action, _) => Answer(line, action));
        await using var ssdp = SsdpResponder(Gateway, device.Endpoint);
        using var mapper = new IgdMapper(Options(ssdp.Endpoint), NullLogger.Instance);

        var mapping = await mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None);
        await mapper.DeleteAsync(18500, CancellationToken.None);

        Assert.Equal(IPAddress.Parse("203.0.113.9"), mapping.PublicAddress);
        Assert.Equal(["GetExternalIPAddress", "AddPortMapping", "DeletePortMapping"], device.Actions);
    }

    [Fact]
    public async Task A_huge_description_is_refused_at_the_cap()
    {
        var huge = "<root>" + new string('x', 200_000) + "</root>";
        await using var device = new FakeHttpDevice(Gateway, (_, _, _) => FakeHttpDevice.Response("200 OK", huge));
        await using var ssdp = SsdpResponder(Gateway, device.Endpoint);
        using var mapper = new IgdMapper(Options(ssdp.Endpoint), NullLogger.Instance);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("more than the 65536 accepted", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_description_without_a_length_is_refused_while_it_streams()
    {
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n<root>");
        byte[] body = [.. head, .. Encoding.ASCII.GetBytes(new string('x', 300_000))];
        await using var device = new FakeHttpDevice(Gateway, (_, _, _) => body);
        await using var ssdp = SsdpResponder(Gateway, device.Endpoint);
        using var mapper = new IgdMapper(Options(ssdp.Endpoint), NullLogger.Instance);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("more than the 65536 bytes accepted", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><root><URLBase>&xxe;</URLBase></root>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><root>&lol2;</root>""")]
    public async Task A_description_with_a_DTD_is_refused_before_any_entity_is_read(string hostile)
    {
        await using var device = new FakeHttpDevice(Gateway, (_, _, _) => FakeHttpDevice.Response("200 OK", hostile));
        await using var ssdp = SsdpResponder(Gateway, device.Endpoint);
        using var mapper = new IgdMapper(Options(ssdp.Endpoint), NullLogger.Instance);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("not acceptable XML", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_SSDP_reply_from_another_host_than_the_gateway_is_ignored()
    {
        await using var device = new FakeHttpDevice(Gateway, (line, action, _) => Answer(line, action));
        var impostor = IPAddress.Parse("127.0.0.2");
        await using var ssdp = SsdpResponder(impostor, device.Endpoint);
        var logger = new CollectingLogger();
        using var mapper = new IgdMapper(Options(ssdp.Endpoint), logger);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("only 127.0.0.2", e.Message, StringComparison.Ordinal);
        Assert.Empty(device.Actions);
        Assert.Single(logger.Lines, l => l.Contains("not the gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_SOAP_fault_is_a_refusal_naming_the_UPnP_error()
    {
        await using var device = new FakeHttpDevice(Gateway, (line, action, _) => action?.EndsWith("#AddPortMapping", StringComparison.Ordinal) == true
            ? FakeHttpDevice.Response("500 Internal Server Error", Fault(718, "ConflictInMappingEntry"))
            : Answer(line, action));
        await using var ssdp = SsdpResponder(Gateway, device.Endpoint);
        using var mapper = new IgdMapper(Options(ssdp.Endpoint), NullLogger.Instance);

        var e = await Assert.ThrowsAnyAsync<PortMappingException>(() => mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("refused AddPortMapping", e.Message, StringComparison.Ordinal);
        Assert.Contains("718 ConflictInMappingEntry", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_router_that_only_takes_permanent_leases_gets_one()
    {
        await using var device = new FakeHttpDevice(Gateway, (line, action, body) =>
            action?.EndsWith("#AddPortMapping", StringComparison.Ordinal) == true && !body.Contains("<NewLeaseDuration>0<", StringComparison.Ordinal)
                ? FakeHttpDevice.Response("500 Internal Server Error", Fault(725, "OnlyPermanentLeasesSupported"))
                : Answer(line, action));
        await using var ssdp = SsdpResponder(Gateway, device.Endpoint);
        using var mapper = new IgdMapper(Options(ssdp.Endpoint), NullLogger.Instance);

        var mapping = await mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal(Timeout.InfiniteTimeSpan, mapping.Lifetime);
    }

    [Fact]
    public async Task A_device_that_never_answers_SOAP_times_out()
    {
        await using var device = new FakeHttpDevice(Gateway, (line, action, _) =>
        {
            if (action is not null)
            {
                Thread.Sleep(TimeSpan.FromSeconds(2));
            }
            return Answer(line, action);
        });
        await using var ssdp = SsdpResponder(Gateway, device.Endpoint);
        using var mapper = new IgdMapper(Options(ssdp.Endpoint) with { HttpTimeout = TimeSpan.FromMilliseconds(300) }, NullLogger.Instance);

        var e = await Assert.ThrowsAsync<PortMappingException>(() => mapper.AddAsync(18500, TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Contains("no answer in", e.Message, StringComparison.Ordinal);
    }

    private static PortMappingOptions Options(IPEndPoint ssdp) => new()
    {
        Gateway = Gateway,
        LocalAddress = IPAddress.Loopback,
        SsdpEndpoint = ssdp,
        // Discovery returns at the gateway's first reply, so the window costs time only where no gateway answers (the
        // impostor test); it is wide enough for the fake responder to answer inside a loaded suite (800 ms was not).
        SsdpWait = TimeSpan.FromSeconds(3),
    };

    private static FakeUdpRouter SsdpResponder(IPAddress address, IPEndPoint description) => new(
        _ => [(TimeSpan.Zero, Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nLOCATION: http://{description}/rootDesc.xml\r\n\r\n"))],
        address);

    private static byte[] Answer(string requestLine, string? action)
    {
        if (action is null)
        {
            return FakeHttpDevice.Response("200 OK", $"""
                <?xml version="1.0"?>
                <root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceList><device><deviceList><device>
                <serviceList><service><serviceType>urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1</serviceType><controlURL>/ctl/CmnIfCfg</controlURL></service>
                <service><serviceType>{Service}</serviceType><controlURL>/ctl/IPConn</controlURL></service></serviceList>
                </device></deviceList></device></deviceList></device></root>
                """);
        }
        var name = action[(action.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var inner = name == "GetExternalIPAddress" ? "<NewExternalIPAddress>203.0.113.9</NewExternalIPAddress>" : string.Empty;
        _ = requestLine;
        return FakeHttpDevice.Response("200 OK", $"""<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><u:{name}Response xmlns:u="{Service}">{inner}</u:{name}Response></s:Body></s:Envelope>""");
    }

    private static string Fault(int code, string description) =>
        $"""<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail><UPnPError xmlns="urn:schemas-upnp-org:control-1-0"><errorCode>{code}</errorCode><errorDescription>{description}</errorDescription></UPnPError></detail></s:Fault></s:Body></s:Envelope>""";
}
