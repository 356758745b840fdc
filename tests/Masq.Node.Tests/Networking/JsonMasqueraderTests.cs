using System.Buffers;
using System.Text;
using Masq.Node.Networking;

namespace Masq.Node.Tests.Networking;

public sealed class JsonMasqueraderTests
{
    private readonly JsonMasquerader _masquerader = new();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(200_000)]
    public void Masked_frames_unmask_to_the_same_bytes_whole_and_in_pieces(int length)
    {
        var random = new Random(length);
        byte[] data = new byte[length];
        random.NextBytes(data);
        byte[] frame = Mask(data);
        Assert.StartsWith("{\"bodyData\":\"", Encoding.ASCII.GetString(frame, 0, Math.Min(frame.Length, 13)), StringComparison.Ordinal);

        Assert.Equal(data, UnmaskOne(new ReadOnlySequence<byte>(frame), out long consumed));
        Assert.Equal(frame.Length, consumed);
        Assert.Equal(data, UnmaskOne(ParserFuzz.Segmented(frame, random), out _));
    }

    [Fact]
    public void Back_to_back_frames_arriving_a_byte_at_a_time_come_out_in_order()
    {
        byte[][] packages = [[1, 2, 3], [], Encoding.UTF8.GetBytes("{not json}\"'\\"), new byte[5000]];
        byte[] stream = [.. packages.SelectMany(Mask)];
        var unmasker = _masquerader.CreateUnmasker();
        var output = new ArrayBufferWriter<byte>();
        var received = new List<byte[]>();
        int start = 0;
        for (int end = 1; end <= stream.Length; end++)
        {
            output.ResetWrittenCount();
            var status = unmasker.TryUnmask(new ReadOnlySequence<byte>(stream, start, end - start), output, out long consumed);
            Assert.NotEqual(UnmaskStatus.Malformed, status);
            if (status == UnmaskStatus.Frame)
            {
                received.Add(output.WrittenSpan.ToArray());
                start += (int)consumed;
            }
        }

        Assert.Equal(packages, received);
    }

    [Theory]
    [InlineData("{\"bodyData\":\"QUJD\"}", "ABC")]
    [InlineData("{\"bodyData\":\"QUI=\"}", "AB")]
    [InlineData("{\"bodyData\":\"QQ==\"}", "A")]
    [InlineData("{\"bodyData\":\"\"}", "")]
    [InlineData("{ \"bodyData\" : \"QUJD\" }", "ABC")]
    [InlineData("{\"bodyData\":\"QU\\/D\"}", "AO\u00c3")]
    public void Frames_in_other_spellings_than_ours_still_unmask(string text, string expected)
    {
        Assert.Equal(Encoding.Latin1.GetBytes(expected), UnmaskOne(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)), out _));
    }

    [Theory]
    [InlineData("{\"bodyData\":\"QUJ=RA==\"}")]
    [InlineData("{\"bodyData\":\"====\"}")]
    [InlineData("{\"bodyData\":\"QUJD\u0001\"}")]
    public void Our_spelling_with_bad_base64_is_still_malformed(string text)
    {
        var status = _masquerader.CreateUnmasker().TryUnmask(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)), new ArrayBufferWriter<byte>(), out _);
        Assert.Equal(UnmaskStatus.Malformed, status);
    }

    [Fact]
    public void The_reference_bodyText_form_and_escapes_are_accepted()
    {
        byte[] frame = Encoding.UTF8.GetBytes("  {\"other\":{\"x\":\"}\"},\"bodyText\":\"h\\u00e9llo \\\"}\\\" {\"}");
        Assert.Equal(Encoding.UTF8.GetBytes("héllo \"}\" {"), UnmaskOne(new ReadOnlySequence<byte>(frame), out _));
    }

    [Theory]
    [InlineData("garbage{")]
    [InlineData("{\"bodyData\":\"not base64!\"}")]
    [InlineData("{\"bodyData\":12}")]
    [InlineData("{\"nothing\":\"here\"}")]
    [InlineData("{\"bodyData\":\"AAAA\",\"bodyText\":\"x\"}")]
    [InlineData("{]}")]
    public void Bytes_that_are_no_frame_are_malformed(string text)
    {
        var status = _masquerader.CreateUnmasker().TryUnmask(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)), new ArrayBufferWriter<byte>(), out _);
        Assert.Equal(UnmaskStatus.Malformed, status);
    }

    [Fact]
    public void An_endless_frame_is_cut_off_at_the_limit_instead_of_buffered()
    {
        var unmasker = new JsonUnmasker(maxFrameLength: 1000);
        byte[] endless = [.. "{\"bodyData\":\""u8, .. Enumerable.Repeat((byte)'A', 2000)];
        Assert.Equal(UnmaskStatus.Malformed, unmasker.TryUnmask(new ReadOnlySequence<byte>(endless), new ArrayBufferWriter<byte>(), out _));
    }

    [Fact]
    public void Fuzzed_input_never_throws()
    {
        byte[][] seeds = [Mask([1, 2, 3]), Mask(new byte[300]), Encoding.UTF8.GetBytes("{\"bodyText\":\"a\\\\b\\\"c\"}{\"bodyData\":\"\"}")];
        var random = new Random(11);
        ParserFuzz.Run("JSON unmasker", seeds, 7, input =>
        {
            var unmasker = _masquerader.CreateUnmasker();
            var sequence = ParserFuzz.Segmented(input, random);
            var output = new ArrayBufferWriter<byte>();
            while (!sequence.IsEmpty)
            {
                output.ResetWrittenCount();
                var status = unmasker.TryUnmask(sequence, output, out long consumed);
                if (status != UnmaskStatus.Frame)
                {
                    break;
                }

                Assert.InRange(consumed, 1, sequence.Length);
                sequence = sequence.Slice(consumed);
            }
        });
    }

    private byte[] Mask(byte[] data)
    {
        byte[] frame = new byte[_masquerader.GetMaxMaskedLength(data.Length)];
        return frame[.._masquerader.Mask(data, frame)];
    }

    private byte[] UnmaskOne(ReadOnlySequence<byte> input, out long consumed)
    {
        var output = new ArrayBufferWriter<byte>();
        Assert.Equal(UnmaskStatus.Frame, _masquerader.CreateUnmasker().TryUnmask(input, output, out consumed));
        return output.WrittenSpan.ToArray();
    }
}
