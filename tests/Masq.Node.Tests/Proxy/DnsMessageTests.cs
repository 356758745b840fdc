using System.Net;
using Masq.Node.Proxy.Client;
using Masq.Node.Tests.Networking;

namespace Masq.Node.Tests.Proxy;

public sealed class DnsMessageTests
{
    [Fact]
    public void A_query_is_a_recursive_question_for_the_name()
    {
        byte[] buffer = new byte[512];
        Assert.True(DnsMessage.TryBuildQuery(0xbeef, "files.masq.test.", DnsMessage.TypeA, buffer, out int length));
        Assert.Equal(
            "BEEF01000001000000000000" + "0566696C6573" + "046D617371" + "0474657374" + "00" + "00010001",
            Convert.ToHexString(buffer, 0, length));
        Assert.False(DnsMessage.TryBuildQuery(1, "bad..name", DnsMessage.TypeA, buffer, out _));
        Assert.False(DnsMessage.TryBuildQuery(1, new string('a', 64) + ".x", DnsMessage.TypeA, buffer, out _));
    }

    [Fact]
    public void Addresses_are_read_from_an_answer_with_a_cname_and_compression()
    {
        // dnsmasq-style answer: question, a CNAME, then the A record of the target, names compressed.
        byte[] answer = Convert.FromHexString(
            "123481800001000200000000" + "0566696C6573046D6173710474657374" + "0000010001"
            + "C00C000500010000003C0006" + "03777777C012"
            + "C02C00010001000000000004" + "7F0000C8");
        var found = new List<IPAddress>();
        Assert.True(DnsMessage.TryReadAnswer(answer, 0x1234, DnsMessage.TypeA, found, out var code));
        Assert.Equal(DnsResponseCode.NoError, code);
        Assert.Equal([IPAddress.Parse("127.0.0.200")], found);
    }

    [Fact]
    public void An_answer_to_another_query_or_not_an_answer_is_refused()
    {
        byte[] answer = Convert.FromHexString("1234818300010000000000000566696C6573046D617371047465737400" + "00010001");
        var found = new List<IPAddress>();
        Assert.True(DnsMessage.TryReadAnswer(answer, 0x1234, DnsMessage.TypeA, found, out var code));
        Assert.Equal(DnsResponseCode.NameError, code);
        Assert.False(DnsMessage.TryReadAnswer(answer, 0x4321, DnsMessage.TypeA, found, out _));
        answer[2] = 0x01;
        Assert.False(DnsMessage.TryReadAnswer(answer, 0x1234, DnsMessage.TypeA, found, out _));
        Assert.Empty(found);
    }

    [Fact]
    public void Fuzzed_answers_never_throw()
    {
        byte[] seed = Convert.FromHexString(
            "123481800001000200000000" + "0566696C6573046D6173710474657374" + "0000010001"
            + "C00C000500010000003C0006" + "03777777C012"
            + "C02C00010001000000000004" + "7F0000C8");
        ParserFuzz.Run("DNS answer", [seed], 23, input =>
        {
            var found = new List<IPAddress>();
            DnsMessage.TryReadAnswer(input, 0x1234, DnsMessage.TypeA, found, out _);
            Assert.All(found, a => Assert.Equal(4, a.GetAddressBytes().Length));
        });
    }
}
