using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using Masq.Lib.Configuration;
using Microsoft.Extensions.Logging;

namespace Masq.Lib.PortMapping;

/// <summary>
/// UPnP IGD: SSDP M-SEARCH for an InternetGatewayDevice, its description (capped, no DTD), then SOAP
/// GetExternalIPAddress / AddPortMapping / DeletePortMapping on its WANIPConnection:1 or :2 service. Only the gateway
/// is believed: SSDP replies from any other host, and descriptions that point elsewhere, are ignored.
/// </summary>
public sealed class IgdMapper(PortMappingOptions options, ILogger logger) : IPortMapper, IDisposable
{
    private const string SearchTarget = "urn:schemas-upnp-org:device:InternetGatewayDevice:1";
    private const string ServicePrefix = "urn:schemas-upnp-org:service:WANIPConnection:";
    private const string Description = "MASQ Node";

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = options.HttpTimeout,
        MaxResponseContentBufferSize = options.MaxXmlBytes,
    };

    private (Uri Control, string ServiceType)? _service;

    public MappingProtocol Protocol => MappingProtocol.Igdp;

    public void Dispose() => _http.Dispose();

    public async Task<MappedPort> AddAsync(ushort port, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var publicAddress = await GetPublicAddressAsync(cancellationToken).ConfigureAwait(false);
        var arguments = new List<(string, string)>
        {
            ("NewRemoteHost", string.Empty),
            ("NewExternalPort", port.ToString(CultureInfo.InvariantCulture)),
            ("NewProtocol", "TCP"),
            ("NewInternalPort", port.ToString(CultureInfo.InvariantCulture)),
            ("NewInternalClient", options.LocalAddress.ToString()),
            ("NewEnabled", "1"),
            ("NewPortMappingDescription", Description),
            ("NewLeaseDuration", ((uint)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
        };
        try
        {
            await InvokeAsync("AddPortMapping", arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (UpnpFaultException fault) when (fault.Code == 725)
        {
            // OnlyPermanentLeasesSupported (IGD:1 routers): map for good; the Node still deletes it when it stops.
            arguments[^1] = ("NewLeaseDuration", "0");
            await InvokeAsync("AddPortMapping", arguments, cancellationToken).ConfigureAwait(false);
            return new MappedPort(Protocol, publicAddress, port, port, Timeout.InfiniteTimeSpan);
        }
        return new MappedPort(Protocol, publicAddress, port, port, lifetime);
    }

    public async Task DeleteAsync(ushort port, CancellationToken cancellationToken) =>
        await InvokeAsync("DeletePortMapping",
            [("NewRemoteHost", string.Empty), ("NewExternalPort", port.ToString(CultureInfo.InvariantCulture)), ("NewProtocol", "TCP")],
            cancellationToken).ConfigureAwait(false);

    public async Task<IPAddress> GetPublicAddressAsync(CancellationToken cancellationToken)
    {
        var answer = await InvokeAsync("GetExternalIPAddress", [], cancellationToken).ConfigureAwait(false);
        var text = answer.FirstOrDefault(e => e.Name == "NewExternalIPAddress").Text;
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork || address.Equals(IPAddress.Any))
        {
            throw new PortMappingException($"UPnP: the router at {options.Gateway} gave no usable external address ('{Truncate(text)}')");
        }
        return address;
    }

    private async Task<List<XmlElementText>> InvokeAsync(string action, IReadOnlyList<(string Name, string Value)> arguments, CancellationToken cancellationToken)
    {
        var (control, serviceType) = _service ??= await DiscoverAsync(cancellationToken).ConfigureAwait(false);
        var body = new StringBuilder()
            .Append("<?xml version=\"1.0\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"><s:Body>")
            .Append(CultureInfo.InvariantCulture, $"<u:{action} xmlns:u=\"{serviceType}\">");
        foreach (var (name, value) in arguments)
        {
            body.Append(CultureInfo.InvariantCulture, $"<{name}>{SecurityElement.Escape(value)}</{name}>");
        }
        body.Append(CultureInfo.InvariantCulture, $"</u:{action}></s:Body></s:Envelope>");
        using var request = new HttpRequestMessage(HttpMethod.Post, control)
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "text/xml"),
        };
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{serviceType}#{action}\"");
        string text;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            text = await SafeXml.ReadCappedAsync(response, options.MaxXmlBytes, $"{action} answer", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PortMappingException($"UPnP: {action} at {control} failed: {(e is TaskCanceledException ? "no answer in " + options.HttpTimeout.TotalSeconds + " s" : e.Message)}", e);
        }
        var elements = SafeXml.Elements(text, options.MaxXmlBytes, $"{action} answer");
        if (elements.Any(e => e.Name == "Fault") || status != HttpStatusCode.OK)
        {
            var code = elements.FirstOrDefault(e => e.Name == "errorCode").Text;
            var why = elements.FirstOrDefault(e => e.Name == "errorDescription").Text;
            throw new UpnpFaultException(action, int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 0, $"HTTP {(int)status}, UPnP error {Truncate(code)} {Truncate(why)}".TrimEnd());
        }
        if (!elements.Any(e => e.Name == action + "Response"))
        {
            throw new PortMappingException($"UPnP: the router's answer to {action} has no {action}Response");
        }
        return elements;
    }

    private async Task<(Uri, string)> DiscoverAsync(CancellationToken cancellationToken)
    {
        var location = await SearchAsync(cancellationToken).ConfigureAwait(false);
        string description;
        try
        {
            using var response = await _http.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new PortMappingException($"UPnP: the device description at {location} answered HTTP {(int)response.StatusCode}");
            }
            description = await SafeXml.ReadCappedAsync(response, options.MaxXmlBytes, "device description", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PortMappingException($"UPnP: cannot fetch the device description at {location}: {(e is TaskCanceledException ? "no answer in " + options.HttpTimeout.TotalSeconds + " s" : e.Message)}", e);
        }
        var elements = SafeXml.Elements(description, options.MaxXmlBytes, "device description");
        var baseUri = location;
        if (elements.FirstOrDefault(e => e.Name == "URLBase").Text is { Length: > 0 } urlBase && Uri.TryCreate(urlBase, UriKind.Absolute, out var declared))
        {
            baseUri = declared;
        }
        string? serviceType = null;
        foreach (var element in elements)
        {
            if (element.Name == "service")
            {
                serviceType = null;
            }
            else if (element.Name == "serviceType")
            {
                serviceType = element.Text;
            }
            else if (element.Name == "controlURL" && serviceType is not null && serviceType.StartsWith(ServicePrefix, StringComparison.Ordinal)
                && Uri.TryCreate(baseUri, element.Text, out var control))
            {
                if (!IsGateway(control))
                {
                    throw new PortMappingException($"UPnP: the device description sends control to {control.Host}, not to the gateway {options.Gateway}");
                }
                return (control, serviceType);
            }
        }
        throw new PortMappingException($"UPnP: the device at {location} has no WANIPConnection service");
    }

    /// <summary>M-SEARCH, then the first reply from the gateway that names a description on the gateway.</summary>
    private async Task<Uri> SearchAsync(CancellationToken cancellationToken)
    {
        var search = Encoding.ASCII.GetBytes(
            $"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: {Math.Max(1, (int)options.SsdpWait.TotalSeconds)}\r\nST: {SearchTarget}\r\n\r\n");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(options.SsdpEndpoint.Address.Equals(IPAddress.Parse("239.255.255.250")) ? options.LocalAddress : IPAddress.Any, 0));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.SsdpWait);
        var buffer = new byte[2048];
        string? ignored = null;
        try
        {
            // SSDP is UDP: the search goes out twice (UPnP Device Architecture 1.1 §1.3.2 recommends more than once).
            await socket.SendToAsync(search, SocketFlags.None, options.SsdpEndpoint, cancellationToken).ConfigureAwait(false);
            await socket.SendToAsync(search, SocketFlags.None, options.SsdpEndpoint, cancellationToken).ConfigureAwait(false);
            for (var datagram = 0; datagram < 64; datagram++)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), deadline.Token).ConfigureAwait(false);
                var from = ((IPEndPoint)received.RemoteEndPoint).Address;
                if (!from.Equals(options.Gateway))
                {
                    if (ignored is null)
                    {
                        ignored = from.ToString();
                        logger.LogWarning("UPnP: ignoring an SSDP reply from {Host}, which is not the gateway {Gateway}", from, options.Gateway);
                    }
                    continue;
                }
                if (LocationOf(Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes)) is { } location)
                {
                    if (IsGateway(location))
                    {
                        return location;
                    }
                    ignored ??= location.ToString();
                    logger.LogWarning("UPnP: ignoring an SSDP reply whose description {Location} is not on the gateway {Gateway}", location, options.Gateway);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        catch (SocketException e)
        {
            throw new PortMappingException($"UPnP: SSDP search failed: {e.SocketErrorCode}", e);
        }
        throw new PortMappingException(ignored is null
            ? $"UPnP: no Internet Gateway Device answered the SSDP search in {options.SsdpWait.TotalSeconds:0.#} s"
            : $"UPnP: no Internet Gateway Device on the gateway {options.Gateway} answered the SSDP search (only {ignored})");
    }

    internal static Uri? LocationOf(string reply)
    {
        var lines = reply.Split("\r\n");
        if (lines.Length == 0 || !lines[0].StartsWith("HTTP/1.1 200", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("LOCATION", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(line[(colon + 1)..].Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp)
            {
                return uri;
            }
        }
        return null;
    }

    private bool IsGateway(Uri uri) => IPAddress.TryParse(uri.Host, out var host) && host.Equals(options.Gateway);

    private static string Truncate(string? text) => text is null ? string.Empty : text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>A SOAP fault: the router understood and said no.</summary>
    private sealed class UpnpFaultException(string action, int code, string detail)
        : PortMappingException($"UPnP: the router refused {action}: {detail}")
    {
        public int Code { get; } = code;
    }
}
