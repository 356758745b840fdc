using System.Buffers;
using System.Text;
using Masq.Node.Networking;

namespace Masq.Node.Tests.Networking;

public sealed class HttpRequestParserTests
{
    [Fact]
    public void An_origin_form_request_takes_its_host_and_port_from_the_Host_header()
    {
        var head = Parse("GET /index.html HTTP/1.1\r\nHost: example.com:8080\r\nAccept: */*\r\n\r\nrest", out long length);
        Assert.Equal("GET", head.Method);
        Assert.Equal("example.com", head.Host);
        Assert.Equal(8080, head.Port);
        Assert.Equal(HttpBodyKind.None, head.BodyKind);
        Assert.Equal(length, head.Raw.Length);
        Assert.Equal(head.Raw.ToArray(), head.ToForwardBytes().ToArray());
    }

    [Fact]
    public void An_absolute_form_request_is_rewritten_to_origin_form_for_the_server()
    {
        var head = Parse("POST http://Example.COM:81/a/b?c=d HTTP/1.1\r\nContent-Length: 12\r\nProxy-Connection: keep-alive\r\n\r\n", out _);
        Assert.Equal("Example.COM", head.Host);
        Assert.Equal(81, head.Port);
        Assert.Equal(HttpBodyKind.ContentLength, head.BodyKind);
        Assert.Equal(12, head.ContentLength);
        Assert.Equal(
            "POST /a/b?c=d HTTP/1.1\r\nHost: Example.COM:81\r\nContent-Length: 12\r\nProxy-Connection: keep-alive\r\n\r\n",
            Encoding.ASCII.GetString(head.ToForwardBytes().Span));
    }

    [Fact]
    public void Connect_names_host_and_port()
    {
        var head = Parse("CONNECT secure.example:443 HTTP/1.1\r\nHost: secure.example:443\r\n\r\n", out _);
        Assert.True(head.IsConnect);
        Assert.Equal("secure.example", head.Host);
        Assert.Equal(443, head.Port);
    }

    [Fact]
    public void A_chunked_request_is_framed_as_chunked()
    {
        var head = Parse("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 5\r\n\r\n", out _);
        Assert.Equal(HttpBodyKind.Chunked, head.BodyKind);
    }

    [Fact]
    public void A_request_without_any_host_parses_with_no_host()
    {
        var head = Parse("GET / HTTP/1.0\r\nAccept: */*\r\n\r\n", out _);
        Assert.Null(head.Host);
    }

    [Theory]
    [InlineData("BREW /pot HTTP/1.1\r\nHost: h\r\n\r\n")]
    [InlineData("GET / HTTP/2.0\r\nHost: h\r\n\r\n")]
    [InlineData("GET /\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a:b:c\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n")]
    [InlineData("GET https://h/ HTTP/1.1\r\n\r\n")]
    [InlineData("CONNECT nohost HTTP/1.1\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\n Host: folded\r\n\r\n")]
    public void Unframeable_requests_are_invalid(string text)
    {
        var status = new HttpRequestParser(4096).TryParse(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text)), 80, out _, out var problem);
        Assert.Equal(HttpParseStatus.Invalid, status);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void A_ten_megabyte_header_line_is_refused_as_too_large_without_waiting_for_its_end()
    {
        var parser = new HttpRequestParser(HttpRequestParser.DefaultMaxHeadLength);
        byte[] start = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nX-Big: ");
        byte[] huge = [.. start, .. Enumerable.Repeat((byte)'a', 10 * 1024 * 1024)];
        var status = HttpParseStatus.Incomplete;
        for (int end = 1000; end <= huge.Length && status == HttpParseStatus.Incomplete; end += 16 * 1024)
        {
            status = parser.TryParse(new ReadOnlySequence<byte>(huge, 0, end), 80, out _, out _);
        }

        Assert.Equal(HttpParseStatus.TooLarge, status);
    }

    [Fact]
    public void A_head_that_trickles_in_is_found_once_complete()
    {
        byte[] request = Encoding.ASCII.GetBytes("GET /x HTTP/1.1\r\nHost: trickle.test\r\n\r\n");
        var parser = new HttpRequestParser(4096);
        for (int end = 1; end < request.Length; end++)
        {
            Assert.Equal(HttpParseStatus.Incomplete, parser.TryParse(new ReadOnlySequence<byte>(request, 0, end), 80, out _, out _));
        }

        Assert.Equal(HttpParseStatus.Complete, parser.TryParse(ParserFuzz.Segmented(request, new Random(3)), 80, out var head, out _));
        Assert.Equal("trickle.test", head!.Host);
    }

    [Theory]
    [InlineData("example.com", 80, "example.com", 80)]
    [InlineData("example.com:8443", 80, "example.com", 8443)]
    [InlineData("[::1]:8080", 80, "::1", 8080)]
    [InlineData("[2001:db8::1]", 443, "2001:db8::1", 443)]
    public void Host_and_port_split(string text, int defaultPort, string host, int port)
    {
        Assert.True(HttpRequestParser.TryParseHostPort(text, defaultPort, out var parsedHost, out var parsedPort));
        Assert.Equal(host, parsedHost);
        Assert.Equal(port, parsedPort);
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("ho st")]
    [InlineData("[::1")]
    [InlineData("[1.2.3.4]:80")]
    public void Unusable_hosts_are_refused(string text) => Assert.False(HttpRequestParser.TryParseHostPort(text, 80, out _, out _));

    [Fact]
    public void Fuzzed_heads_never_throw()
    {
        byte[][] seeds =
        [
            Encoding.ASCII.GetBytes("GET http://a.b:81/c HTTP/1.1\r\nHost: a.b\r\nContent-Length: 3\r\n\r\nabc"),
            Encoding.ASCII.GetBytes("CONNECT s.t:443 HTTP/1.1\r\n\r\n"),
            Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: [::1]:9\r\nTransfer-Encoding: chunked\r\n\r\n"),
        ];
        var random = new Random(5);
        ParserFuzz.Run("HTTP head parser", seeds, 13, input =>
        {
            var status = new HttpRequestParser(2048).TryParse(ParserFuzz.Segmented(input, random), 80, out var head, out _);
            if (status == HttpParseStatus.Complete)
            {
                Assert.NotNull(head);
                Assert.True(head.ToForwardBytes().Length > 0);
            }
        });
    }

    private static HttpRequestHead Parse(string text, out long headLength)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        var status = new HttpRequestParser(4096).TryParse(new ReadOnlySequence<byte>(bytes), 80, out var head, out var problem);
        Assert.True(status == HttpParseStatus.Complete, problem);
        headLength = head!.Raw.Length;
        return head;
    }
}
