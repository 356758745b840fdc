using System.Buffers.Binary;
using System.Net;
using Masq.Node.Proxy.Client;

namespace Masq.Fuzz.Targets;

/// <summary>The exit resolver's reader of DNS answers from its configured servers (untrusted UDP).</summary>
internal sealed class DnsAnswerTarget : FuzzTarget
{
    public override string Name => "dns-answer";

    public override string Description => "DnsMessage.TryReadAnswer for A and AAAA";

    public override void Execute(ReadOnlySpan<byte> input)
    {
        // The id is taken from the input, so mutations get past the id check as a real answer would.
        ushort id = input.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(input) : (ushort)0;
        var addresses = new List<IPAddress>();
        foreach (ushort type in (ReadOnlySpan<ushort>)[DnsMessage.TypeA, DnsMessage.TypeAaaa])
        {
            addresses.Clear();
            if (DnsMessage.TryReadAnswer(input, id, type, addresses, out _))
            {
                FuzzFinding.Check(addresses.Count <= input.Length / 4, $"{addresses.Count} addresses from {input.Length} bytes");
            }
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        yield return ("a-two-addresses", Answer(0x1234, "example.com", DnsMessage.TypeA, [[93, 184, 216, 34], [1, 2, 3, 4]], compressed: true));
        yield return ("aaaa-one-address", Answer(0x0001, "ipv6.example.org", DnsMessage.TypeAaaa, [IPAddress.Parse("2001:db8::1").GetAddressBytes()], compressed: false));
        yield return ("cname-then-a", CnameThenA());
        yield return ("nxdomain", Answer(0xbeef, "nope.invalid", DnsMessage.TypeA, [], compressed: true, rcode: 3));
    }

    /// <summary>A server's answer to the product's own query: the question echoed, then the address records.</summary>
    private static byte[] Answer(ushort id, string host, ushort type, byte[][] addresses, bool compressed, int rcode = 0)
    {
        var query = new byte[512];
        if (!DnsMessage.TryBuildQuery(id, host, type, query, out int length))
        {
            throw new InvalidOperationException($"no query for {host}");
        }

        var message = new List<byte>(query[..length]);
        message[2] = 0x81;
        message[3] = (byte)(0x80 | rcode);
        message[7] = (byte)addresses.Length;
        byte[] name = query[12..(length - 4)];
        foreach (var address in addresses)
        {
            message.AddRange(compressed ? [0xc0, 0x0c] : name);
            message.AddRange([(byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0x0e, 0x10, 0, (byte)address.Length]);
            message.AddRange(address);
        }

        return [.. message];
    }

    private static byte[] CnameThenA()
    {
        byte[] answer = Answer(0x4242, "www.example.com", DnsMessage.TypeA, [[10, 0, 0, 1]], compressed: true);
        // Insert a CNAME record (type 5) before the address record, pointing at a name with a pointer suffix.
        byte[] cname = [0xc0, 0x0c, 0, 5, 0, 1, 0, 0, 0, 60, 0, 6, 3, (byte)'c', (byte)'d', (byte)'n', 0xc0, 0x10];
        int answersStart = answer.Length - 16;
        answer[7] = 2;
        return [.. answer[..answersStart], .. cname, .. answer[answersStart..]];
    }
}
