using System.Buffers;
using System.Text;
using Masq.Node.Networking;

namespace Masq.Node.Tests.Networking;

public sealed class ChunkedBodyScannerTests
{
    private const string Body = "5;ext=1\r\nhello\r\n10\r\n0123456789abcdef\r\n0\r\nTrailer: x\r\n\r\n";

    [Fact]
    public void A_chunked_body_ends_exactly_after_its_trailers()
    {
        byte[] bytes = Encoding.ASCII.GetBytes(Body + "GET /next");
        var scanner = new ChunkedBodyScanner();
        Assert.Equal(Body.Length, scanner.Advance(new ReadOnlySequence<byte>(bytes)));
        Assert.True(scanner.IsComplete);
    }

    [Fact]
    public void A_body_that_arrives_a_byte_at_a_time_is_measured_the_same()
    {
        byte[] bytes = Encoding.ASCII.GetBytes(Body);
        var scanner = new ChunkedBodyScanner();
        int consumed = 0;
        for (int end = 1; end <= bytes.Length; end++)
        {
            long used = scanner.Advance(new ReadOnlySequence<byte>(bytes, consumed, end - consumed));
            Assert.True(used >= 0);
            consumed += (int)used;
        }

        Assert.Equal(bytes.Length, consumed);
        Assert.True(scanner.IsComplete);
    }

    [Theory]
    [InlineData("zz\r\n")]
    [InlineData("5\r\nhelloXX")]
    [InlineData("\r\n")]
    public void Broken_framing_is_invalid(string text) =>
        Assert.Equal(-1, new ChunkedBodyScanner().Advance(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(text))));

    [Fact]
    public void Fuzzed_bodies_never_throw_or_overrun()
    {
        var random = new Random(3);
        ParserFuzz.Run("chunked scanner", [Encoding.ASCII.GetBytes(Body)], 17, input =>
        {
            var scanner = new ChunkedBodyScanner();
            var sequence = ParserFuzz.Segmented(input, random);
            long used = scanner.Advance(sequence);
            Assert.InRange(used, -1, sequence.Length);
        });
    }
}
