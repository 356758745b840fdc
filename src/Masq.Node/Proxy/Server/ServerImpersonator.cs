using System.Globalization;
using System.Net;
using System.Text;
using Masq.Node.Protocol;

namespace Masq.Node.Proxy.Server;

/// <summary>
/// The counterfeit responses the ProxyServer gives the browser when it cannot carry a request
/// (data-path.md §5, seed README "Errors"): HTTP pages whose status phrase is always "Routing Error", so nobody mistakes
/// them for the server's, and the 7-byte TLS alerts <c>15 03 03 00 02 02 xx</c> for TLS streams.
/// </summary>
internal static class ServerImpersonator
{
    public const byte AlertInternalError = 0x50;
    public const byte AlertUnrecognizedName = 0x70;

    /// <summary>access_denied: the Node's policy, not a fault of the request, refuses the target.</summary>
    public const byte AlertAccessDenied = 0x31;

    /// <summary>RFC 8446's missing_extension: the ClientHello had no server name, which this proxy needs.</summary>
    public const byte AlertMissingExtension = 0x6d;

    /// <summary>
    /// The answer to a CONNECT for a port other than 443. The reference sends an empty 400; this says why. (Chromium
    /// shows ERR_TUNNEL_CONNECTION_FAILED for any refused CONNECT and never renders the body; curl and other tools do.)
    /// </summary>
    public static byte[] ConnectRefused(string host, int port) => Page(
        403,
        "Port Not Tunnelled",
        string.Create(CultureInfo.InvariantCulture, $"Your MASQ Node does not tunnel to port {port} of {host}"),
        "Your MASQ Node opens CONNECT tunnels only to port 443 (HTTPS). It never decrypts a tunnel, so it can tell what passes "
        + "through one only from its port: on 443 that is TLS, which the Node frames and every Node on the route is paid for by the byte. "
        + "Other ports could carry any protocol, which the Node could neither frame nor account for, so it refuses them. "
        + "Reach the site over HTTPS on port 443, or send plain HTTP requests (any port) to the proxy without CONNECT.");

    public static ReadOnlyMemory<byte> ConnectEstablished { get; } = "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray();

    public static byte[] TlsAlert(byte description) => [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, description];

    public static byte[] NoRoute(string? host) => Page(
        503,
        "Routing Problem",
        $"Can't find a route to {host ?? "<unknown>"}",
        "Your MASQ Node could not find a route through the MASQ Network to a Node that can reach this site. "
        + "This usually means your Node does not know enough other Nodes yet, or that min-hops asks for more hops than the Nodes it knows can provide. "
        + "Wait a minute and try again; if it keeps happening, check your Node's neighbors or choose a lower min-hops.");

    /// <summary>A Node on the stream's route stopped answering (its link closed, or a probe went unanswered).</summary>
    public static byte[] RouteFailed(string? host) => Page(
        503,
        "Routing Problem",
        $"The route to {host ?? "<unknown>"} failed",
        "A MASQ Node on the route your Node chose for this request stopped answering before the site's answer arrived. "
        + "Your Node now avoids that route: try again.");

    public static byte[] DnsFailure(string? host, int exitsTried) => Page(
        503,
        "DNS Resolution Problem",
        $"Exit Nodes couldn't resolve \"{host ?? "<unknown>"}\"",
        $"{(exitsTried == 1 ? "The exit Node" : string.Create(CultureInfo.InvariantCulture, $"{exitsTried} different exit Nodes"))} tried to look up this host name, and none of them could. "
        + "Check that the address is spelled correctly. If it is, the site may be down or its name may no longer exist; try again later.");

    public static byte[] ConsumingWalletRequired() => Page(
        402,
        "Consuming Wallet Required",
        "Can't consume without wallet to pay from",
        "Your MASQ Node is using the MASQ Network, where other Nodes are paid for carrying your traffic, but it has no consuming wallet to pay them from. "
        + "Configure a consuming wallet (for example with masq's set-configuration or the consuming-private-key setup value) and try again, "
        + "or run the Node in zero-hop mode, which uses no other Nodes.");

    public static byte[] NoHost() => Page(
        400,
        "Bad Request",
        "No host in the request",
        "This request says neither in its URL nor in a Host header which site it is for, so your MASQ Node cannot tell where to send it. "
        + "Send the full URL (http://host/path) to the proxy, or include a Host header.");

    public static byte[] UnreadableRequest(string problem) => Page(
        400,
        "Bad Request",
        "Your MASQ Node cannot read this request",
        $"The request could not be forwarded because {problem}. Check the program that sent it; browsers and curl send requests this proxy understands.");

    /// <summary>The browser asked for an address on this computer, and the Node does not allow that (data-path.md §2.2).</summary>
    public static byte[] LoopbackRefused(string host) => Page(
        403,
        "Local Address Refused",
        $"Your MASQ Node does not connect to {host}",
        $"{host} is an address on this computer itself (localhost, 127.x.x.x, ::1 or 0.0.0.0). Your MASQ Node refuses to reach such addresses: "
        + "an exit Node that did would let any stranger on the MASQ Network use the services that listen only on its own machine. "
        + "The request itself was fine; this is the Node's policy. To test with a server on this computer, start the Node with "
        + "--allow-loopback-targets on (masq localnet up --allow-loopback-targets does this for every Node of a local network), "
        + "and never on a Node that serves other people.");

    /// <summary>The counterfeit page for a failure between the exit and the server (<see cref="ServerFailure"/>).</summary>
    public static byte[] ServerFailure(ServerFailureKind kind, string? host, int port)
    {
        string target = string.Create(CultureInfo.InvariantCulture, $"{host ?? "<unknown>"}:{port}");
        const string Retry = " Check the address and port; if they are right, try again later.";
        return kind switch
        {
            ServerFailureKind.ConnectionRefused => Page(
                502,
                "Connection Refused",
                $"{target} refused the connection",
                $"The exit Node reached the computer at this address, but nothing there accepts connections on port {port.ToString(CultureInfo.InvariantCulture)}: "
                + "the server is not running, or it listens on another port." + Retry),
            ServerFailureKind.HostUnreachable => Page(
                502,
                "Server Unreachable",
                $"The exit Node can't reach {target}",
                "The network between the exit Node and this server has no path to it: the server may be off, its network down, "
                + "or the address one that only some networks can reach (a private address, for instance)." + Retry),
            ServerFailureKind.ConnectTimedOut => Page(
                504,
                "Connection Timed Out",
                $"{target} did not answer the connection",
                "The exit Node tried to connect to this server and got no answer at all before it gave up: the server may be down or overloaded, "
                + "or a firewall may silently drop connections to it." + Retry),
            ServerFailureKind.ResponseTimedOut => Page(
                504,
                "Server Not Responding",
                $"{target} accepted the connection but sent no answer",
                "The exit Node connected to this server and passed your request on, but the server sent nothing back before the exit Node gave up waiting. "
                + "The server may be overloaded or stuck. Try again later."),
            ServerFailureKind.TargetRefusedByExit => Page(
                403,
                "Local Address Refused",
                $"The exit Node does not connect to {host ?? "<unknown>"}",
                "This is an address on the exit Node's own computer (a loopback address). Exit Nodes refuse to reach such addresses, "
                + "so that strangers cannot use services that listen only on their machines. To test with local servers, start every Node with --allow-loopback-targets on."),
            _ => Page(
                502,
                "Connection Reset",
                $"{target} reset the connection",
                "The server accepted the connection and then broke it off before it answered. It may have crashed, restarted, or refused the request." + Retry),
        };
    }

    /// <summary>
    /// The TLS alert for a server failure. No alert means "the server is unreachable"; internal_error is the one that
    /// says "the other side cannot go on, through no fault of yours" (the same as for no route).
    /// </summary>
    public static byte AlertFor(ServerFailureKind kind) => kind == ServerFailureKind.TargetRefusedByExit ? AlertAccessDenied : AlertInternalError;

    public static byte[] HeadTooLarge(int limit) => Page(
        431,
        "Request Header Too Large",
        "The request's headers are too long",
        string.Create(CultureInfo.InvariantCulture, $"Your MASQ Node forwards request heads of up to {limit} bytes, and this one is longer. ")
        + "Clear the site's cookies or shorten the request, and try again.");

    private static byte[] Page(int code, string title, string subtitle, string paragraph)
    {
        string body = string.Create(
            CultureInfo.InvariantCulture,
            $"<html>\n<body>\n<h1>Error {code}</h1>\n<h2>Title: {WebUtility.HtmlEncode(title)}</h2>\n<h3>Subtitle: {WebUtility.HtmlEncode(subtitle)}</h3>\n<p>{WebUtility.HtmlEncode(paragraph)}</p>\n</body>\n</html>\n");
        byte[] bodyBytes = Encoding.UTF8.GetBytes(body);
        string head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {code} Routing Error\r\nContent-Type: text/html\r\nContent-Length: {bodyBytes.Length}\r\nConnection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head), .. bodyBytes];
    }
}
