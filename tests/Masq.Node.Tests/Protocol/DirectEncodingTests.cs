using Masq.Node.Protocol;

namespace Masq.Node.Tests.Protocol;

/// <summary>The hand-written hot-path encoders give exactly the bytes of the record encoders.</summary>
public sealed class DirectEncodingTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(23, false)]
    [InlineData(300, false)]
    [InlineData(65_000, false)]
    [InlineData(70_000, false)]
    [InlineData(256 * 1024, true)]
    public void A_client_response_written_directly_equals_the_encoded_message(int dataLength, bool lastData)
    {
        byte[] data = Enumerable.Range(0, dataLength).Select(i => (byte)(i * 31)).ToArray();
        ulong sequence = (ulong)dataLength * 977;
        byte[] expected = new ClientResponseMessage(new ClientResponsePayload(ProtocolSamples.StreamKey, new SequencedPacket(data, sequence, lastData))).Encode();

        byte[] written = new byte[ClientResponsePayload.MessageLength(dataLength)];
        int length = ClientResponsePayload.WriteMessage(written, ProtocolSamples.StreamKey, data, sequence, lastData);

        Assert.Equal(written.Length, length);
        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100_000)]
    [InlineData(300_000)]
    public void A_package_header_followed_by_its_payload_equals_the_encoded_package(int payloadLength)
    {
        var (route, _) = ProtocolSamples.NullRoundTrip(ProtocolSamples.PayerSigner());
        byte[] payload = Enumerable.Range(0, payloadLength).Select(i => (byte)(i * 13)).ToArray();
        var package = new LiveCoresPackage(route, payload);

        int headerLength = LiveCoresPackage.HeaderLength(route, payloadLength);
        byte[] written = new byte[headerLength + payloadLength];
        Assert.Equal(headerLength, LiveCoresPackage.WriteHeader(written, route, payloadLength));
        payload.CopyTo(written, headerLength);

        Assert.Equal(package.Encode(), written);
        Assert.Equal(package, LiveCoresPackage.Decode(written));
    }
}
