using System.Buffers.Binary;
using Masq.Node.EntryDns;
using Masq.Node.Proxy.Client;

namespace Masq.Fuzz.Targets;

/// <summary>The entry DNS's reader of queries from local clients (untrusted UDP and TCP on 127.0.0.1:53).</summary>
internal sealed class EntryDnsQueryTarget : FuzzTarget
{
    public override string Name => "entry-dns-query";

    public override string Description => "EntryDnsAnswer.Write over a query datagram";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        Span<byte> answer = stackalloc byte[EntryDnsAnswer.MaxAnswerLength];
        int length = EntryDnsAnswer.Write(input, answer, out var problem);
        FuzzFinding.Check(length >= 0 && length <= EntryDnsAnswer.MaxAnswerLength, $"an answer of {length} bytes");
        if (length == 0)
        {
            FuzzFinding.Check(problem is EntryDnsProblem.TooShort or EntryDnsProblem.NotAQuery, $"no answer, yet the problem was {problem}");
            return;
        }

        FuzzFinding.Check(answer[0] == input[0] && answer[1] == input[1], "the answer does not carry the query's id");
        FuzzFinding.Check((answer[2] & 0x80) != 0, "the answer is not marked as a response");
        int code = answer[3] & 0xf;
        FuzzFinding.Check(problem == EntryDnsProblem.None ? code is 0 or 4 : code == 1, $"code {code} for problem {problem}");
        if (problem == EntryDnsProblem.None && code == 0)
        {
            // An ordinary answer echoes the question byte for byte.
            int questionLength = length - 12 - (BinaryPrimitives.ReadUInt16BigEndian(answer[6..]) == 1 ? 16 : 0);
            FuzzFinding.Check(input.Slice(12, questionLength).SequenceEqual(answer.Slice(12, questionLength)), "the question was not echoed");
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("a", Query(0x1234, "site.test", DnsMessage.TypeA));
        yield return ("aaaa", Query(0x4321, "www.example.com", DnsMessage.TypeAaaa));
        yield return ("https-type", Query(0x0042, "example.org", 65));
        yield return ("a-with-edns", [.. Query(0x0101, "edns.test", DnsMessage.TypeA, additional: 1), 0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0]);
        yield return ("pointer-loop", [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]);
        yield return ("huge-counts", [0, 1, 1, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, (byte)'a', 0, 0, 1, 0, 1]);
    }

    private static byte[] Query(ushort id, string host, ushort type, int additional = 0)
    {
        var query = new byte[512];
        if (!DnsMessage.TryBuildQuery(id, host, type, query, out int length))
        {
            throw new InvalidOperationException($"no query for {host}");
        }

        query[11] = (byte)additional;
        return query[..length];
    }
}
