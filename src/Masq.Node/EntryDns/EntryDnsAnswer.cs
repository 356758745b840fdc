using System.Buffers.Binary;

namespace Masq.Node.EntryDns;

/// <summary>
/// The entry DNS's whole answer: every A question gets 127.0.0.1, where the Node's :80 and :443 listeners route by Host
/// and SNI through the mesh (the exit resolves the real name). Every other type, AAAA included, gets an empty NOERROR
/// answer: a browser given ::1 would try the Node on IPv6, where it does not listen, and an empty answer sends it
/// straight to 127.0.0.1 instead; an error code would make it fail the lookup. Other opcodes get NOTIMP.
/// </summary>
/// <remarks>
/// The query is untrusted input: every length is checked, names may not use compression pointers (a query's only name
/// has nothing earlier to point at, and this rules out pointer loops), and nothing is allocated, so a flood costs
/// only the time to read a header.
/// </remarks>
internal static class EntryDnsAnswer
{
    /// <summary>The most an answer can take: header, a 255-byte name, its type and class, and one A record.</summary>
    public const int MaxAnswerLength = HeaderLength + MaxNameLength + 4 + AnswerRecordLength;

    /// <summary>How long clients may keep the answer: long enough to spare a query per connection, short enough that a
    /// revert takes effect at once.</summary>
    public const uint TimeToLive = 1;

    private const int HeaderLength = 12;
    private const int MaxNameLength = 255;
    private const int AnswerRecordLength = 16;
    private const ushort TypeA = 1;
    private const ushort ClassIn = 1;
    private const ushort Response = 0x8000;
    private const ushort Authoritative = 0x0400;
    private const ushort RecursionDesired = 0x0100;
    private const ushort RecursionAvailable = 0x0080;
    private const ushort CheckingDisabled = 0x0010;
    private const ushort OpcodeMask = 0x7800;
    private const ushort FormatError = 1;
    private const ushort NotImplemented = 4;

    /// <summary>
    /// Writes the answer to <paramref name="query"/> into <paramref name="answer"/> (at least
    /// <see cref="MaxAnswerLength"/> bytes). Returns its length, or 0 when the datagram gets no answer at all.
    /// <paramref name="problem"/> says what was wrong with a malformed query (FORMERR or dropped).
    /// </summary>
    public static int Write(ReadOnlySpan<byte> query, Span<byte> answer, out EntryDnsProblem problem)
    {
        if (query.Length < HeaderLength)
        {
            problem = EntryDnsProblem.TooShort;
            return 0;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(query[2..]);
        if ((flags & Response) != 0)
        {
            problem = EntryDnsProblem.NotAQuery;
            return 0;
        }

        problem = EntryDnsProblem.None;
        if ((flags & OpcodeMask) != 0)
        {
            return HeaderOnly(query, flags, NotImplemented, answer);
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1
            || BinaryPrimitives.ReadUInt16BigEndian(query[6..]) != 0
            || BinaryPrimitives.ReadUInt16BigEndian(query[8..]) != 0)
        {
            problem = EntryDnsProblem.BadCounts;
            return HeaderOnly(query, flags, FormatError, answer);
        }

        problem = MeasureQuestion(query, out int questionEnd);
        if (problem != EntryDnsProblem.None)
        {
            return HeaderOnly(query, flags, FormatError, answer);
        }

        ushort type = BinaryPrimitives.ReadUInt16BigEndian(query[(questionEnd - 4)..]);
        ushort questionClass = BinaryPrimitives.ReadUInt16BigEndian(query[(questionEnd - 2)..]);
        bool address = type == TypeA && questionClass == ClassIn;
        WriteHeader(query, flags, 0, answer, questions: 1, answers: address ? (ushort)1 : (ushort)0);
        var question = query[HeaderLength..questionEnd];
        question.CopyTo(answer[HeaderLength..]);
        int length = HeaderLength + question.Length;
        if (address)
        {
            var record = answer.Slice(length, AnswerRecordLength);
            BinaryPrimitives.WriteUInt16BigEndian(record, 0xc000 | HeaderLength); // the name: a pointer to the question's
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], TypeA);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], ClassIn);
            BinaryPrimitives.WriteUInt32BigEndian(record[6..], TimeToLive);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], 4);
            record[12] = 127;
            record[13] = 0;
            record[14] = 0;
            record[15] = 1;
            length += AnswerRecordLength;
        }

        return length;
    }

    /// <summary>Finds where the single question (name, type, class) ends.</summary>
    private static EntryDnsProblem MeasureQuestion(ReadOnlySpan<byte> query, out int end)
    {
        int position = HeaderLength;
        end = 0;
        while (true)
        {
            if (position >= query.Length)
            {
                return EntryDnsProblem.Truncated;
            }

            byte label = query[position];
            if ((label & 0xc0) == 0xc0)
            {
                return EntryDnsProblem.CompressedName;
            }

            if ((label & 0xc0) != 0)
            {
                return EntryDnsProblem.BadName;
            }

            position += 1 + label;
            if (position - HeaderLength > MaxNameLength)
            {
                return EntryDnsProblem.BadName;
            }

            if (label == 0)
            {
                break;
            }
        }

        end = position + 4;
        return end <= query.Length ? EntryDnsProblem.None : EntryDnsProblem.Truncated;
    }

    private static int HeaderOnly(ReadOnlySpan<byte> query, ushort flags, ushort code, Span<byte> answer)
    {
        WriteHeader(query, flags, code, answer, questions: 0, answers: 0);
        return HeaderLength;
    }

    private static void WriteHeader(ReadOnlySpan<byte> query, ushort flags, ushort code, Span<byte> answer, ushort questions, ushort answers)
    {
        query[..2].CopyTo(answer);
        ushort echoed = (ushort)(flags & (OpcodeMask | RecursionDesired | CheckingDisabled));
        BinaryPrimitives.WriteUInt16BigEndian(answer[2..], (ushort)(Response | Authoritative | RecursionAvailable | echoed | code));
        BinaryPrimitives.WriteUInt16BigEndian(answer[4..], questions);
        BinaryPrimitives.WriteUInt16BigEndian(answer[6..], answers);
        answer[8..HeaderLength].Clear();
    }
}
