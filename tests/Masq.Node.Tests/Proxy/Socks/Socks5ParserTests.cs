using System.Buffers;
using Masq.Node.Protocol;
using Masq.Node.Proxy.Server;
using Masq.Node.Proxy.Socks;

namespace Masq.Node.Tests.Proxy.Socks;

public sealed class Socks5ParserTests
{
    [Fact]
    public void A_greeting_that_offers_no_authentication_is_complete()
    {
        Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadGreeting(Seq(5, 2, 2, 0, 0x99), out int used, out bool noAuth));
        Assert.Equal(4, used);
        Assert.True(noAuth);
    }

    [Fact]
    public void A_greeting_with_only_username_password_does_not_offer_no_authentication()
    {
        Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadGreeting(Seq(5, 1, 2), out int used, out bool noAuth));
        Assert.Equal(3, used);
        Assert.False(noAuth);
    }

    [Theory]
    [InlineData(new byte[0], "Incomplete")]
    [InlineData(new byte[] { 5 }, "Incomplete")]
    [InlineData(new byte[] { 5, 3, 0, 1 }, "Incomplete")]
    [InlineData(new byte[] { 5, 0 }, "NoMethods")]
    [InlineData(new byte[] { 4, 1, 0, 80 }, "WrongVersion")]
    [InlineData(new byte[] { (byte)'G', (byte)'E', (byte)'T' }, "WrongVersion")]
    public void Greetings_that_are_short_empty_or_not_socks5(byte[] bytes, string expected)
    {
        Assert.Equal(Enum.Parse<Socks5ParseStatus>(expected), Socks5Parser.TryReadGreeting(new ReadOnlySequence<byte>(bytes), out _, out bool noAuth));
        Assert.False(noAuth);
    }

    [Fact]
    public void A_connect_to_a_domain_name_keeps_the_name_for_the_exit()
    {
        byte[] bytes = [5, 1, 0, 3, 15, .. "files.masq.test"u8.ToArray(), 0x1f, 0x90, 0xEE];
        Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadRequest(Seq(bytes), out var request, out int used));
        Assert.Equal(new Socks5Request(Socks5Command.Connect, "files.masq.test", 8080), request);
        Assert.Equal(bytes.Length - 1, used);
    }

    [Fact]
    public void Ipv4_and_ipv6_literals_become_text_without_brackets()
    {
        Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadRequest(Seq(5, 1, 0, 1, 192, 0, 2, 7, 1, 187), out var v4, out _));
        Assert.Equal(new Socks5Request(Socks5Command.Connect, "192.0.2.7", 443), v4);

        byte[] v6 = [5, 1, 0, 4, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 80];
        Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadRequest(Seq(v6), out var request, out int used));
        Assert.Equal(new Socks5Request(Socks5Command.Connect, "2001:db8::1", 80), request);
        Assert.Equal(v6.Length, used);
    }

    [Fact]
    public void Bind_and_udp_associate_parse_so_they_can_be_refused()
    {
        Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadRequest(Seq(5, 2, 0, 1, 0, 0, 0, 0, 0, 1), out var bind, out _));
        Assert.Equal(Socks5Command.Bind, bind!.Command);
        Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadRequest(Seq(5, 3, 0, 1, 0, 0, 0, 0, 0, 0), out var udp, out _));
        Assert.Equal(new Socks5Request(Socks5Command.UdpAssociate, "0.0.0.0", 0), udp);
    }

    [Theory]
    [InlineData(new byte[] { 5, 1, 0, 9, 1, 2, 3, 4, 0, 80 }, "UnknownAddressType")]
    [InlineData(new byte[] { 5, 1, 0, 3, 200, 97, 98 }, "Incomplete")]
    [InlineData(new byte[] { 5, 1, 0, 1, 1, 2, 3 }, "Incomplete")]
    [InlineData(new byte[] { 5, 1, 0, 3, 0, 0, 80 }, "BadAddress")]
    [InlineData(new byte[] { 5, 1, 0, 3, 3, 97, 0, 98, 0, 80 }, "BadAddress")]
    [InlineData(new byte[] { 5, 1, 0, 1, 1, 2, 3, 4, 0, 0 }, "BadAddress")]
    [InlineData(new byte[] { 4, 1, 0, 1, 1, 2, 3, 4, 0, 80 }, "WrongVersion")]
    public void Bad_requests_are_named_and_short_ones_wait(byte[] bytes, string expected)
    {
        Assert.Equal(Enum.Parse<Socks5ParseStatus>(expected), Socks5Parser.TryReadRequest(new ReadOnlySequence<byte>(bytes), out var request, out _));
        Assert.Null(request);
    }

    [Fact]
    public void A_request_split_across_segments_parses_as_one()
    {
        byte[] bytes = [5, 1, 0, 3, 15, .. "files.masq.test"u8.ToArray(), 0x1f, 0x90];
        for (int cut = 1; cut < bytes.Length; cut++)
        {
            Assert.Equal(Socks5ParseStatus.Incomplete, Socks5Parser.TryReadRequest(Seq(bytes[..cut]), out _, out _));
            Assert.Equal(Socks5ParseStatus.Complete, Socks5Parser.TryReadRequest(Split(bytes, cut), out var request, out _));
            Assert.Equal("files.masq.test", request!.Host);
        }
    }

    [Fact]
    public void Replies_carry_the_code_and_an_empty_ipv4_bound_address() =>
        Assert.Equal(new byte[] { 5, 4, 0, 1, 0, 0, 0, 0, 0, 0 }, Socks5Parser.Reply(Socks5ReplyCode.HostUnreachable));

    [Theory]
    [InlineData("ConsumingWalletMissing", null, 0x02)]
    [InlineData("NoRoute", null, 0x03)]
    [InlineData("RouteFailed", null, 0x03)]
    [InlineData("DnsFailed", null, 0x04)]
    [InlineData("ConnectUnanswered", null, 0x06)]
    [InlineData("ServerFailed", "ConnectionRefused", 0x05)]
    [InlineData("ServerFailed", "HostUnreachable", 0x04)]
    [InlineData("ServerFailed", "ConnectTimedOut", 0x06)]
    [InlineData("ServerFailed", "TargetRefusedByExit", 0x02)]
    [InlineData("ServerFailed", "ConnectionReset", 0x01)]
    public void Every_failure_has_its_reply_code(string kind, string? server, int expected)
    {
        var failure = new StreamFailure(Enum.Parse<StreamFailureKind>(kind), server is null ? null : Enum.Parse<ServerFailureKind>(server));
        Assert.Equal(expected, (int)Socks5FailureCodes.For(failure));
    }

    private static ReadOnlySequence<byte> Seq(params byte[] bytes) => new(bytes);

    private static ReadOnlySequence<byte> Split(byte[] bytes, int cut)
    {
        var first = new Segment(bytes.AsMemory(0, cut));
        var last = first.Append(bytes.AsMemory(cut));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
