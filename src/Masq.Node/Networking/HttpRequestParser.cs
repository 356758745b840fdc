using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Masq.Node.DataPath;

namespace Masq.Node.Networking;

/// <summary>
/// Finds and parses HTTP/1.x request heads in a browser's byte stream. Stateful per connection: the search for the
/// blank line resumes where it stopped, so a head that trickles in costs linear time. Never throws for bad input.
/// </summary>
internal sealed class HttpRequestParser(int maxHeadLength)
{
    /// <summary>The methods the reference recognises (data-path.md §3).</summary>
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

    private static readonly SearchValues<char> HostCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:");

    private long _scanned;

    /// <summary>Default limit for a request head: far above what browsers send, far below a memory problem.</summary>
    public const int DefaultMaxHeadLength = DataPathOptions.DefaultMaxRequestHeadLength;

    /// <param name="defaultPort">The port a Host header without one means (80 for plain HTTP).</param>
    public HttpParseStatus TryParse(in ReadOnlySequence<byte> buffer, int defaultPort, out HttpRequestHead? head, out string? problem)
    {
        head = null;
        problem = null;
        long start = Math.Max(0, _scanned - 3);
        var searchArea = buffer.Slice(start);
        var position = FindBlankLine(searchArea);
        if (position < 0)
        {
            _scanned = buffer.Length;
            if (buffer.Length > maxHeadLength)
            {
                problem = $"the request head is longer than {maxHeadLength} bytes";
                _scanned = 0;
                return HttpParseStatus.TooLarge;
            }

            return HttpParseStatus.Incomplete;
        }

        _scanned = 0;
        long headLength = start + position + 4;
        if (headLength > maxHeadLength)
        {
            problem = $"the request head is longer than {maxHeadLength} bytes";
            return HttpParseStatus.TooLarge;
        }

        byte[] raw = buffer.Slice(0, headLength).ToArray();
        head = Parse(raw, defaultPort, out problem);
        return head is null ? HttpParseStatus.Invalid : HttpParseStatus.Complete;
    }

    /// <summary>Splits <c>host[:port]</c> (or <c>[v6]:port</c>); false for anything that is not a plausible host.</summary>
    public static bool TryParseHostPort(ReadOnlySpan<char> text, int defaultPort, out string host, out int port)
    {
        host = string.Empty;
        port = defaultPort;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<char> name;
        bool hasPort;
        ReadOnlySpan<char> portText;
        if (text[0] == '[')
        {
            int close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            name = text[1..close];
            var after = text[(close + 1)..];
            hasPort = !after.IsEmpty;
            if (hasPort && after[0] != ':')
            {
                return false;
            }

            portText = hasPort ? after[1..] : default;
            if (!System.Net.IPAddress.TryParse(name, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else
        {
            int colon = text.IndexOf(':');
            if (colon >= 0 && text[(colon + 1)..].Contains(':'))
            {
                // More than one colon without brackets: the reference refuses it too.
                return false;
            }

            hasPort = colon >= 0;
            name = hasPort ? text[..colon] : text;
            portText = hasPort ? text[(colon + 1)..] : default;
            if (name.ContainsAnyExcept(HostCharacters) || name.Contains(':'))
            {
                return false;
            }
        }

        if (name.IsEmpty || name.Length > 253 || (hasPort && !TryParsePort(portText, out port)))
        {
            return false;
        }

        host = name.ToString();
        return true;
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.IsEmpty || text.Length > 5)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port is > 0 and <= 65535;
    }

    private static long FindBlankLine(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            return buffer.FirstSpan.IndexOf("\r\n\r\n"u8);
        }

        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryAdvanceTo((byte)'\r', advancePastDelimiter: false))
        {
            if (reader.IsNext("\r\n\r\n"u8))
            {
                return reader.Consumed;
            }

            reader.Advance(1);
        }

        return -1;
    }

    private static HttpRequestHead? Parse(byte[] raw, int defaultPort, out string? problem)
    {
        problem = null;
        var span = raw.AsSpan();
        int lineEnd = span.IndexOf("\r\n"u8);
        var requestLine = span[..lineEnd];
        int firstSpace = requestLine.IndexOf((byte)' ');
        int lastSpace = requestLine.LastIndexOf((byte)' ');
        if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        {
            problem = "the request line is not 'METHOD target HTTP/1.x'";
            return null;
        }

        string method = Encoding.ASCII.GetString(requestLine[..firstSpace]);
        if (Array.IndexOf(Methods, method) < 0)
        {
            problem = "the method is not one this proxy forwards";
            return null;
        }

        var versionBytes = requestLine[(lastSpace + 1)..];
        if (!versionBytes.SequenceEqual("HTTP/1.1"u8) && !versionBytes.SequenceEqual("HTTP/1.0"u8))
        {
            problem = "the request is not HTTP/1.0 or HTTP/1.1";
            return null;
        }

        var targetBytes = requestLine[(firstSpace + 1)..lastSpace];
        if (targetBytes.IndexOfAnyInRange((byte)0, (byte)' ') >= 0 || targetBytes.IndexOfAnyInRange((byte)0x7f, (byte)0xff) >= 0)
        {
            problem = "the request target has control or non-ASCII characters";
            return null;
        }

        string target = Encoding.ASCII.GetString(targetBytes);
        string version = Encoding.ASCII.GetString(versionBytes);

        string? hostHeader = null;
        long contentLength = -1;
        bool chunked = false;
        bool transferEncoding = false;
        var headers = span[(lineEnd + 2)..^2];
        while (!headers.IsEmpty)
        {
            int end = headers.IndexOf("\r\n"u8);
            var line = headers[..end];
            headers = headers[(end + 2)..];
            int colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t' || line[..colon].IndexOfAny((byte)' ', (byte)'\t') >= 0)
            {
                problem = "a header line is malformed";
                return null;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ').Trim((byte)'\t');
            if (Ascii.EqualsIgnoreCase(name, "Host"u8))
            {
                if (hostHeader is not null)
                {
                    problem = "the request has two Host headers";
                    return null;
                }

                hostHeader = Encoding.ASCII.GetString(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out int used) || used != value.Length || length < 0
                    || (contentLength >= 0 && contentLength != length))
                {
                    problem = "the Content-Length header is not a single non-negative number";
                    return null;
                }

                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                transferEncoding = true;
                var trimmed = value;
                int lastComma = trimmed.LastIndexOf((byte)',');
                var final = (lastComma < 0 ? trimmed : trimmed[(lastComma + 1)..]).Trim((byte)' ');
                chunked = Ascii.EqualsIgnoreCase(final, "chunked"u8);
            }
        }

        if (transferEncoding && !chunked)
        {
            problem = "the request's transfer coding does not end in chunked, so its end cannot be found";
            return null;
        }

        string? host = null;
        int port = defaultPort;
        string? originTarget = null;
        if (method == "CONNECT")
        {
            if (!TryParseHostPort(target, 443, out var connectHost, out port) || !target.Contains(':', StringComparison.Ordinal))
            {
                problem = "CONNECT needs host:port";
                return null;
            }

            host = connectHost;
        }
        else if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = target.AsSpan(7);
            int pathStart = rest.IndexOfAny('/', '?');
            var authority = pathStart < 0 ? rest : rest[..pathStart];
            if (authority.Contains('@') || !TryParseHostPort(authority, 80, out var urlHost, out port))
            {
                problem = "the absolute URL has no usable host";
                return null;
            }

            host = urlHost;
            originTarget = pathStart < 0 ? "/" : rest[pathStart] == '?' ? "/" + rest[pathStart..].ToString() : rest[pathStart..].ToString();
        }
        else if (target.Contains("://", StringComparison.Ordinal))
        {
            problem = "only http:// URLs can be proxied this way; use CONNECT for https";
            return null;
        }
        else if (hostHeader is not null)
        {
            if (!TryParseHostPort(hostHeader, defaultPort, out var headerHost, out port))
            {
                problem = "the Host header is not a usable host";
                return null;
            }

            host = headerHost;
        }

        var kind = chunked ? HttpBodyKind.Chunked : contentLength > 0 ? HttpBodyKind.ContentLength : HttpBodyKind.None;
        return new HttpRequestHead(method, target, version, host, port, originTarget, hostHeader is not null, kind, Math.Max(0, contentLength), raw);
    }
}
