using System.Buffers.Binary;
using System.Net;

namespace Masq.Node.Proxy.Client;

/// <summary>
/// Just enough of the DNS wire format (RFC 1035) for the exit to ask its configured servers for a host's addresses:
/// builds a recursive A or AAAA query and reads the addresses out of an answer. The answer is untrusted input: the
/// reader checks every length, follows no compression pointers (it only skips names) and never throws.
/// </summary>
internal static class DnsMessage
{
    public const ushort TypeA = 1;
    public const ushort TypeAaaa = 28;
    public const int MaxUdpLength = 4096;

    private const ushort ClassIn = 1;
    private const int HeaderLength = 12;

    /// <summary>The query for <paramref name="host"/>; false when the name cannot be put on the wire.</summary>
    public static bool TryBuildQuery(ushort id, string host, ushort type, Span<byte> destination, out int length)
    {
        length = 0;
        string name = host.TrimEnd('.');
        if (name.Length is 0 or > 253 || destination.Length < HeaderLength + name.Length + 2 + 4)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, id);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], 0x0100); // standard query, recursion desired
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], 1);
        destination[6..HeaderLength].Clear();
        int position = HeaderLength;
        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63)
            {
                return false;
            }

            destination[position++] = (byte)label.Length;
            foreach (char c in label)
            {
                if (c > 0x7e || c <= ' ')
                {
                    return false;
                }

                destination[position++] = (byte)c;
            }
        }

        destination[position++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[position..], type);
        BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 2)..], ClassIn);
        length = position + 4;
        return true;
    }

    /// <summary>
    /// Reads an answer to query <paramref name="id"/>. Adds every address record of <paramref name="type"/> to
    /// <paramref name="addresses"/> (CNAME chains are followed by taking the records the server included).
    /// </summary>
    /// <returns>False when the bytes are not a well-formed answer to that query.</returns>
    public static bool TryReadAnswer(ReadOnlySpan<byte> message, ushort id, ushort type, List<IPAddress> addresses, out DnsResponseCode code)
    {
        code = DnsResponseCode.ServerFailure;
        if (message.Length < HeaderLength || BinaryPrimitives.ReadUInt16BigEndian(message) != id)
        {
            return false;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if ((flags & 0x8000) == 0)
        {
            return false;
        }

        code = (DnsResponseCode)(flags & 0x000f);
        int questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        int position = HeaderLength;
        for (int q = 0; q < questions; q++)
        {
            if (!TrySkipName(message, ref position) || position + 4 > message.Length)
            {
                return false;
            }

            position += 4;
        }

        for (int a = 0; a < answers; a++)
        {
            if (!TrySkipName(message, ref position) || position + 10 > message.Length)
            {
                return false;
            }

            ushort recordType = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            ushort recordClass = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
            int dataLength = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 8)..]);
            position += 10;
            if (position + dataLength > message.Length)
            {
                return false;
            }

            var data = message.Slice(position, dataLength);
            position += dataLength;
            if (recordClass != ClassIn || recordType != type)
            {
                continue;
            }

            if ((type == TypeA && dataLength == 4) || (type == TypeAaaa && dataLength == 16))
            {
                addresses.Add(new IPAddress(data));
            }
        }

        return true;
    }

    private static bool TrySkipName(ReadOnlySpan<byte> message, ref int position)
    {
        for (int labels = 0; labels < 128; labels++)
        {
            if (position >= message.Length)
            {
                return false;
            }

            byte length = message[position];
            if ((length & 0xc0) == 0xc0)
            {
                position += 2;
                return position <= message.Length;
            }

            if ((length & 0xc0) != 0)
            {
                return false;
            }

            position += 1 + length;
            if (length == 0)
            {
                return position <= message.Length;
            }
        }

        return false;
    }
}
