using System.Buffers.Binary;
using System.Net;
using Masq.Node.EntryDns;
using Masq.Node.Proxy.Client;

namespace Masq.Node.Tests.EntryDns;

/// <summary>The entry DNS's answers, read back with the exit's own DNS reader, and its handling of malformed queries.</summary>
public sealed class EntryDnsAnswerTests
{
    [Fact]
    public void An_A_query_gets_127_0_0_1_with_its_id_question_and_recursion_flag()
    {
        byte[] query = Query(0x1234, "Anything.Example.TEST", DnsMessage.TypeA);
        byte[] answer = Answer(query, out int length, out var problem);

        Assert.Equal(EntryDnsProblem.None, problem);
        var addresses = new List<IPAddress>();
        Assert.True(DnsMessage.TryReadAnswer(answer.AsSpan(0, length), 0x1234, DnsMessage.TypeA, addresses, out var code));
        Assert.Equal(DnsResponseCode.NoError, code);
        Assert.Equal([IPAddress.Loopback], addresses);
        Assert.Equal(0x0100, Flags(answer) & 0x0100);
        Assert.Equal(query.AsSpan(12).ToArray(), answer.AsSpan(12, query.Length - 12).ToArray());
        Assert.Equal(query.Length + 16, length);
    }

    [Fact]
    public void Recursion_desired_is_echoed_as_it_came()
    {
        byte[] query = Query(7, "a.test", DnsMessage.TypeA);
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(2), 0);

        byte[] answer = Answer(query, out _, out _);

        Assert.Equal(0, Flags(answer) & 0x0100);
        Assert.Equal(0x8000, Flags(answer) & 0x8000);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(65)]
    [InlineData(15)]
    [InlineData(255)]
    public void Other_types_get_an_empty_NOERROR_answer(ushort type)
    {
        byte[] query = Query(99, "site.test", type);

        byte[] answer = Answer(query, out int length, out var problem);

        Assert.Equal(EntryDnsProblem.None, problem);
        var addresses = new List<IPAddress>();
        Assert.True(DnsMessage.TryReadAnswer(answer.AsSpan(0, length), 99, type, addresses, out var code));
        Assert.Equal(DnsResponseCode.NoError, code);
        Assert.Empty(addresses);
        Assert.Equal(query.Length, length);
    }

    [Fact]
    public void Another_opcode_gets_NOTIMP()
    {
        byte[] query = Query(5, "site.test", DnsMessage.TypeA);
        BinaryPrimitives.WriteUInt16BigEndian(query.AsSpan(2), 0x2100); // opcode 4 (NOTIFY)

        byte[] answer = Answer(query, out int length, out var problem);

        Assert.Equal(EntryDnsProblem.None, problem);
        Assert.Equal(12, length);
        Assert.Equal(4, Flags(answer) & 0xf);
        Assert.Equal(0x2000, Flags(answer) & 0x7800);
    }

    public static TheoryData<string, byte[], string, bool> Malformed() => new()
    {
        { "too short", [0x12, 0x34, 0x01, 0x00, 0, 1], nameof(EntryDnsProblem.TooShort), false },
        { "a response", [.. Query(1, "a.test", 1)[..2], 0x81, 0x80, .. Query(1, "a.test", 1)[4..]], nameof(EntryDnsProblem.NotAQuery), false },
        { "no question", [0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], nameof(EntryDnsProblem.BadCounts), true },
        { "65535 questions", [0, 1, 1, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0, 0, 1, 0, 1], nameof(EntryDnsProblem.BadCounts), true },
        { "answers in a query", [0, 1, 1, 0, 0, 1, 0xff, 0xff, 0, 0, 0, 0, 1, (byte)'a', 0, 0, 1, 0, 1], nameof(EntryDnsProblem.BadCounts), true },
        { "pointer loop", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1], nameof(EntryDnsProblem.CompressedName), true },
        { "pointer after a label", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0xc0, 12, 0, 1, 0, 1], nameof(EntryDnsProblem.CompressedName), true },
        { "reserved label type", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x41, (byte)'a', 0, 0, 1, 0, 1], nameof(EntryDnsProblem.BadName), true },
        { "label past the end", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 63, (byte)'a'], nameof(EntryDnsProblem.Truncated), true },
        { "no type and class", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0, 0, 1], nameof(EntryDnsProblem.Truncated), true },
        { "name over 255 bytes", LongName(256), nameof(EntryDnsProblem.BadName), true },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_queries_get_FORMERR_or_nothing(string what, byte[] query, string expected, bool answered)
    {
        byte[] answer = Answer(query, out int length, out var problem);

        Assert.True(expected == problem.ToString(), what);
        if (answered)
        {
            Assert.Equal(12, length);
            Assert.Equal(query.AsSpan(0, 2).ToArray(), answer.AsSpan(0, 2).ToArray());
            Assert.Equal(1, Flags(answer) & 0xf);
            Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(4)));
        }
        else
        {
            Assert.Equal(0, length);
        }
    }

    [Fact]
    public void A_255_byte_name_is_answered_and_fits_the_largest_answer()
    {
        byte[] query = LongName(255);

        byte[] answer = Answer(query, out int length, out var problem);

        Assert.Equal(EntryDnsProblem.None, problem);
        Assert.Equal(EntryDnsAnswer.MaxAnswerLength, length);
        Assert.Equal(new byte[] { 127, 0, 0, 1 }, answer.AsSpan(length - 4).ToArray());
    }

    [Fact]
    public void Every_prefix_of_a_query_is_answered_with_FORMERR_or_dropped_and_never_throws()
    {
        byte[] query = Query(0xbeef, "www.some-site.example", DnsMessage.TypeA);
        for (int cut = 0; cut < query.Length; cut++)
        {
            Answer(query[..cut], out int length, out var problem);
            Assert.NotEqual(EntryDnsProblem.None, problem);
            Assert.True(length is 0 or 12);
        }
    }

    internal static byte[] Query(ushort id, string name, ushort type)
    {
        byte[] buffer = new byte[300];
        Assert.True(DnsMessage.TryBuildQuery(id, name, type, buffer, out int length));
        return buffer[..length];
    }

    private static byte[] LongName(int wireLength)
    {
        // Labels of 63 bytes and a last one that makes the name (with its length bytes and the root) wireLength long.
        var name = new List<byte>();
        while (wireLength - 1 - name.Count > 64)
        {
            name.Add(63);
            name.AddRange(Enumerable.Repeat((byte)'x', 63));
        }

        int last = wireLength - 1 - name.Count - 1;
        name.Add((byte)last);
        name.AddRange(Enumerable.Repeat((byte)'y', last));
        name.Add(0);
        return [0, 9, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, .. name, 0, 1, 0, 1];
    }

    private static byte[] Answer(byte[] query, out int length, out EntryDnsProblem problem)
    {
        byte[] answer = new byte[EntryDnsAnswer.MaxAnswerLength];
        length = EntryDnsAnswer.Write(query, answer, out problem);
        return answer;
    }

    private static int Flags(byte[] answer) => BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(2));
}
