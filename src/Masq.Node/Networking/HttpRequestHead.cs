using System.Text;

namespace Masq.Node.Networking;

/// <summary>
/// One parsed HTTP/1.x request head: enough to find the target and to frame the body, plus the raw bytes to forward.
/// </summary>
/// <param name="Method">The method token (GET, CONNECT, …).</param>
/// <param name="Target">The request-target as sent.</param>
/// <param name="Version">HTTP/1.0 or HTTP/1.1.</param>
/// <param name="Host">The target host (from an absolute URL, a CONNECT authority or the Host header); null when none.</param>
/// <param name="Port">The target port (80 by default, as the transparent port expects).</param>
/// <param name="OriginTarget">For an absolute-form target, the path and query to send the server instead; else null.</param>
/// <param name="HasHostHeader">Whether the head carries a Host header.</param>
/// <param name="Raw">The head as received, request line to the blank line inclusive.</param>
internal sealed record HttpRequestHead(
    string Method,
    string Target,
    string Version,
    string? Host,
    int Port,
    string? OriginTarget,
    bool HasHostHeader,
    HttpBodyKind BodyKind,
    long ContentLength,
    ReadOnlyMemory<byte> Raw)
{
    public bool IsConnect => Method == "CONNECT";

    /// <summary>The authority as a Host header would carry it.</summary>
    public string? Authority => Host is null ? null : Port == 80 ? FormatHost(Host) : $"{FormatHost(Host)}:{Port}";

    /// <summary>
    /// The bytes to send the server. A forward proxy receives <c>GET http://host/path HTTP/1.1</c>; origin servers
    /// expect <c>GET /path</c> with a Host header, so an absolute-form request line is rewritten (and a Host header
    /// added when the client sent none). Every other head goes out exactly as received.
    /// </summary>
    public ReadOnlyMemory<byte> ToForwardBytes()
    {
        if (OriginTarget is null)
        {
            return Raw;
        }

        var span = Raw.Span;
        int lineEnd = span.IndexOf("\r\n"u8);
        var builder = new StringBuilder(Method.Length + OriginTarget.Length + 64);
        builder.Append(Method).Append(' ').Append(OriginTarget).Append(' ').Append(Version).Append("\r\n");
        if (!HasHostHeader && Authority is { } authority)
        {
            builder.Append("Host: ").Append(authority).Append("\r\n");
        }

        byte[] line = Encoding.ASCII.GetBytes(builder.ToString());
        var rest = span[(lineEnd + 2)..];
        var result = new byte[line.Length + rest.Length];
        line.CopyTo(result, 0);
        rest.CopyTo(result.AsSpan(line.Length));
        return result;
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}
