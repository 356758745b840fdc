using System.Buffers;
using System.Text;
using Masq.Node.Networking;

namespace Masq.Fuzz.Targets;

/// <summary>
/// The browser-side HTTP request head parser as the proxy runs it on a connection (one parser across reads), then the
/// chunked body scanner on whatever follows a head that declares a chunked body.
/// </summary>
internal sealed class HttpHeadTarget : FuzzTarget
{
    public override string Name => "http-head";

    public override string Description => "HttpRequestParser.TryParse (incremental), TryParseHostPort, then ChunkedBodyScanner";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        var parser = new HttpRequestParser(HttpRequestParser.DefaultMaxHeadLength);
        foreach (int arrived in Segments.Arrivals(bytes.Length))
        {
            var buffer = Segments.Split(bytes.AsMemory(0, arrived));
            var status = parser.TryParse(buffer, 80, out var head, out string? problem);
            FuzzFinding.Check((status == HttpParseStatus.Complete) == (head is not null), $"status {status} with head {head is not null}");
            FuzzFinding.Check(status is HttpParseStatus.Complete or HttpParseStatus.Incomplete || problem is not null, $"status {status} without a problem");
            if (status != HttpParseStatus.Incomplete)
            {
                if (head is not null)
                {
                    FuzzFinding.Check(head.Raw.Length <= arrived, "the head is longer than the input");
                    FuzzFinding.Check(head.Port is >= 0 and <= 65535, $"port {head.Port}");
                    if (head.BodyKind == HttpBodyKind.Chunked)
                    {
                        var body = new ReadOnlySequence<byte>(bytes.AsMemory(head.Raw.Length));
                        long taken = new ChunkedBodyScanner().Advance(body);
                        FuzzFinding.Check(taken >= -1 && taken <= body.Length, $"the chunked scanner took {taken} of {body.Length} bytes");
                    }
                }

                break;
            }
        }

        HttpRequestParser.TryParseHostPort(Encoding.Latin1.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 300))), 80, out _, out _);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("get-origin-form", "GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: fuzz\r\n\r\n"u8.ToArray());
        yield return ("get-absolute-form", "GET http://example.com:8080/a?b=c HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"u8.ToArray());
        yield return ("connect", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"u8.ToArray());
        yield return ("post-content-length", "POST /form HTTP/1.1\r\nHost: [::1]:81\r\nContent-Length: 5\r\n\r\nhello"u8.ToArray());
        yield return ("post-chunked", "POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\nTrailer: x\r\n\r\nGET / HTTP/1.0\r\n\r\n"u8.ToArray());
        yield return ("http10-no-host", "HEAD / HTTP/1.0\r\n\r\n"u8.ToArray());
    }
}
