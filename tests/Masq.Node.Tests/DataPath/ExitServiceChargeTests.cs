using Masq.Lib.Configuration;
using Masq.Node.Accounting;
using Masq.Node.Crypto;
using Masq.Node.DataPath;
using Masq.Node.Protocol;
using Masq.Node.Tests.Protocol;

namespace Masq.Node.Tests.DataPath;

/// <summary>
/// The originator and the exit charge the same packages as exit service, to the wei (ExitServiceCharge): every package of
/// a stream but a credit update. Each side applies the rule to its own copy of the package, the one it built or the one
/// it decoded, so the test sends each kind through the wire encoding.
/// </summary>
public sealed class ExitServiceChargeTests
{
    private static readonly PublicKey Originator = new(Enumerable.Repeat((byte)0x44, 64).ToArray());
    private static readonly SequencedPacket Empty = new(ReadOnlyMemory<byte>.Empty, 0, LastData: false);

    public static TheoryData<string> RequestKinds => ["data", "probe", "close", "credit", "data with credit", "close with credit"];

    public static TheoryData<string> ResponseKinds => ["data", "echo", "last data", "credit", "data with credit", "last data with credit"];

    [Theory]
    [MemberData(nameof(RequestKinds))]
    public void A_request_costs_the_originator_what_it_earns_the_exit(string kind)
    {
        var sent = Request(kind);
        var received = Assert.IsType<ClientRequestMessage>(MessageType.Decode(new ClientRequestMessage(sent).Encode())).Payload;

        Assert.Equal(Wei(ExitServiceCharge.Of(sent)), Wei(ExitServiceCharge.Of(received)));
        Assert.Equal(kind == "credit" ? null : sent.SequencedPacket.Data.Length, ExitServiceCharge.Of(sent));
    }

    [Theory]
    [MemberData(nameof(ResponseKinds))]
    public void A_response_earns_the_exit_what_it_costs_the_originator(string kind)
    {
        var sent = Response(kind);
        var received = Assert.IsType<ClientResponseMessage>(MessageType.Decode(new ClientResponseMessage(sent).Encode())).Payload;

        Assert.Equal(Wei(ExitServiceCharge.Of(sent)), Wei(ExitServiceCharge.Of(received)));
        Assert.Equal(kind == "credit" ? null : sent.SequencedPacket.Data.Length, ExitServiceCharge.Of(sent));
    }

    [Fact]
    public void A_stream_with_credit_updates_both_ways_balances_to_the_wei()
    {
        // One stream as both ends see it: the originator pays for what it sends and receives, the exit charges what it
        // receives and sends, each by its own copy of every package.
        ClientRequestPayload[] requests = [Request("data"), Request("credit"), Request("data"), Request("credit"), Request("probe"), Request("close")];
        ClientResponsePayload[] responses = [Response("data"), Response("credit"), Response("echo"), Response("data"), Response("credit"), Response("last data")];

        Int128 owed = Total(requests.Select(r => ExitServiceCharge.Of(r))) + Total(responses.Select(r => ExitServiceCharge.Of(r)));
        Int128 earned =
            Total(requests.Select(r => ExitServiceCharge.Of(Assert.IsType<ClientRequestMessage>(MessageType.Decode(new ClientRequestMessage(r).Encode())).Payload)))
            + Total(responses.Select(r => ExitServiceCharge.Of(Assert.IsType<ClientResponseMessage>(MessageType.Decode(new ClientResponseMessage(r).Encode())).Payload)));

        Assert.Equal(owed, earned);

        // Four credit updates are not charged: eight packages of the stream are, each a service event plus its bytes.
        var rates = RatePack.Default;
        Assert.Equal((8 * (Int128)rates.ExitServiceRate) + ((Int128)rates.ExitByteRate * ((2 * 1000) + (2 * 300))), owed);
    }

    private static Int128 Total(IEnumerable<long?> exitSizes) => exitSizes.Aggregate(Int128.Zero, (sum, size) => sum + Wei(size));

    private static Int128 Wei(long? exitSize) =>
        exitSize is { } size ? ServiceCharge.Of(RatePack.Default.ExitServiceRate, RatePack.Default.ExitByteRate, size) : Int128.Zero;

    private static ClientRequestPayload Request(string kind)
    {
        var data = new SequencedPacket(new byte[1000], 4, LastData: false);
        var close = new SequencedPacket(ReadOnlyMemory<byte>.Empty, 5, LastData: true);
        var probe = new SequencedPacket(ReadOnlyMemory<byte>.Empty, 5, LastData: false);
        var request = ProtocolSamples.Request(Originator);
        return kind switch
        {
            "data" => request with { SequencedPacket = data },
            "probe" => request with { SequencedPacket = probe },
            "close" => request with { SequencedPacket = close },
            "credit" => request with { SequencedPacket = Empty, ResponseCredit = 3_145_728 },
            "data with credit" => request with { SequencedPacket = data, ResponseCredit = 3_145_728 },
            "close with credit" => request with { SequencedPacket = close, ResponseCredit = 3_145_728 },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static ClientResponsePayload Response(string kind)
    {
        var data = new SequencedPacket(new byte[300], 7, LastData: false);
        var last = new SequencedPacket(ReadOnlyMemory<byte>.Empty, 8, LastData: true);
        var echo = new SequencedPacket(ReadOnlyMemory<byte>.Empty, 8, LastData: false);
        return kind switch
        {
            "data" => new ClientResponsePayload(ProtocolSamples.StreamKey, data),
            "echo" => new ClientResponsePayload(ProtocolSamples.StreamKey, echo),
            "last data" => new ClientResponsePayload(ProtocolSamples.StreamKey, last),
            "credit" => new ClientResponsePayload(ProtocolSamples.StreamKey, Empty, RequestCredit: 3_145_728),
            "data with credit" => new ClientResponsePayload(ProtocolSamples.StreamKey, data, RequestCredit: 3_145_728),
            "last data with credit" => new ClientResponsePayload(ProtocolSamples.StreamKey, last, RequestCredit: 3_145_728),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
