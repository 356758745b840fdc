using System.Globalization;
using System.Net;
using System.Text;

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

    /// <summary>RFC 8446's missing_extension: the ClientHello had no server name, which this proxy needs.</summary>
    public const byte AlertMissingExtension = 0x6d;

    /// <summary>The reference's exact answer to a CONNECT for a port other than 443.</summary>
    public static ReadOnlyMemory<byte> ConnectRefused { get; } = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray();

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
