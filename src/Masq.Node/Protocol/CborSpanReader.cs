using System.Buffers.Binary;

namespace Masq.Node.Protocol;

/// <summary>
/// A minimal forward-only CBOR reader for the two outer levels of a <see cref="MessageType"/> (the variant map and
/// <see cref="VersionedData"/>), so that the bulky array-of-uints <c>bytes</c> field can be read in one tight loop
/// (see <see cref="RawCbor"/>). It understands exactly what those levels contain: maps (definite or indefinite),
/// text keys, uints, null, and byte strings or uint arrays; anything else is a typed error. Zero-copy for byte strings.
/// </summary>
internal ref struct CborSpanReader
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly string _what;
    private int _position;

    public CborSpanReader(ReadOnlyMemory<byte> buffer, string what)
    {
        _buffer = buffer;
        _what = what;
        _position = 0;
    }

    public readonly int BytesRemaining => _buffer.Length - _position;

    private readonly ReadOnlySpan<byte> Span => _buffer.Span;

    /// <summary>Starts a map: its entry count, or null for an indefinite map (ended by a break).</summary>
    public int? ReadStartMap()
    {
        var (major, value, indefinite) = ReadHead();
        if (major != RawCbor.MajorMap)
        {
            throw WrongType("a map");
        }

        if (indefinite)
        {
            return null;
        }

        return value <= CoresLimits.MaxMapEntries ? (int)value : throw CoresCbor.TooLarge(_what, "map entries");
    }

    /// <summary>
    /// Moves to the next key of a map started by <see cref="ReadStartMap"/>: false at its end (consuming the break of
    /// an indefinite map). Keys must be definite text; they are returned as UTF-8 bytes.
    /// </summary>
    public bool MoveNextKey(int? count, ref int seen, out ReadOnlySpan<byte> key)
    {
        key = default;
        if (count is { } definite)
        {
            if (seen == definite)
            {
                return false;
            }
        }
        else
        {
            if (BytesRemaining > 0 && Span[_position] == RawCbor.Break)
            {
                _position++;
                return false;
            }

            if (seen == CoresLimits.MaxMapEntries)
            {
                throw CoresCbor.TooLarge(_what, "map entries");
            }
        }

        seen++;
        var (major, length, indefinite) = ReadHead();
        if (major != RawCbor.MajorText || indefinite)
        {
            throw WrongType("a text key");
        }

        key = Span.Slice(_position, Take(length));
        _position += key.Length;
        return true;
    }

    public ulong ReadUInt(ulong max)
    {
        var (major, value, indefinite) = ReadHead();
        if (major != RawCbor.MajorUInt || indefinite)
        {
            throw WrongType("an unsigned integer");
        }

        return value <= max ? value : throw CoresCbor.Invalid(_what, $"{value} is above {max}");
    }

    public bool TryReadNull()
    {
        if (BytesRemaining > 0 && Span[_position] == RawCbor.Null)
        {
            _position++;
            return true;
        }

        return false;
    }

    /// <summary>A serde <c>Vec&lt;u8&gt;</c>: an array of uints below 256, or (accepted too) a byte string.</summary>
    public ReadOnlyMemory<byte> ReadByteArray(int maxLength)
    {
        var (major, value, indefinite) = ReadHead();
        if (major == RawCbor.MajorBytes)
        {
            return indefinite ? ReadIndefiniteBytes(maxLength) : ReadDefiniteBytes(value, maxLength);
        }

        if (major != RawCbor.MajorArray)
        {
            throw WrongType("an array of bytes");
        }

        if (indefinite)
        {
            var list = new List<byte>();
            while (true)
            {
                if (BytesRemaining == 0)
                {
                    throw Truncated();
                }

                if (Span[_position] == RawCbor.Break)
                {
                    _position++;
                    return list.ToArray();
                }

                if (list.Count == maxLength)
                {
                    throw CoresCbor.TooLarge(_what, "array elements");
                }

                list.Add(ReadArrayByte());
            }
        }

        // Each element takes at least one byte: a count beyond what is left is a lie, caught before allocating.
        if (value > (ulong)maxLength || value > (ulong)BytesRemaining)
        {
            throw CoresCbor.TooLarge(_what, "array elements");
        }

        var result = new byte[(int)value];
        ReadOnlySpan<byte> span = Span;
        int p = _position;
        for (int i = 0; i < result.Length; i++)
        {
            if (p >= span.Length)
            {
                _position = p;
                throw Truncated();
            }

            byte head = span[p];
            if (head < 24)
            {
                result[i] = head;
                p++;
            }
            else if (head == 24 && p + 1 < span.Length)
            {
                result[i] = span[p + 1];
                p += 2;
            }
            else
            {
                // Rare longer encodings of small values, and every error, take the general path.
                _position = p;
                result[i] = ReadArrayByte();
                p = _position;
            }
        }

        _position = p;
        return result;
    }

    /// <summary>Fails unless the whole buffer has been read.</summary>
    public readonly void ExpectEnd()
    {
        if (BytesRemaining != 0)
        {
            throw new CoresDecodeException(CoresDecodeError.TrailingBytes, $"{BytesRemaining} bytes follow the {_what}.");
        }
    }

    private byte ReadArrayByte()
    {
        var (major, value, indefinite) = ReadHead();
        if (major != RawCbor.MajorUInt || indefinite)
        {
            throw WrongType("a byte");
        }

        return value <= byte.MaxValue ? (byte)value : throw CoresCbor.Invalid(_what, "an array element is not a byte");
    }

    private ReadOnlyMemory<byte> ReadDefiniteBytes(ulong length, int maxLength)
    {
        if (length > (ulong)maxLength)
        {
            throw CoresCbor.TooLarge(_what, "bytes");
        }

        var slice = _buffer.Slice(_position, Take(length));
        _position += slice.Length;
        return slice;
    }

    private ReadOnlyMemory<byte> ReadIndefiniteBytes(int maxLength)
    {
        var chunks = new List<ReadOnlyMemory<byte>>();
        int total = 0;
        while (true)
        {
            if (BytesRemaining == 0)
            {
                throw Truncated();
            }

            if (Span[_position] == RawCbor.Break)
            {
                _position++;
                break;
            }

            var (major, value, indefinite) = ReadHead();
            if (major != RawCbor.MajorBytes || indefinite)
            {
                throw new CoresDecodeException(CoresDecodeError.Malformed, $"{_what} has a bad byte string chunk.");
            }

            var chunk = ReadDefiniteBytes(value, maxLength - total);
            total += chunk.Length;
            chunks.Add(chunk);
        }

        var result = new byte[total];
        int offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.Span.CopyTo(result.AsSpan(offset));
            offset += chunk.Length;
        }

        return result;
    }

    private (int Major, ulong Value, bool Indefinite) ReadHead()
    {
        ReadOnlySpan<byte> span = Span;
        if (_position >= span.Length)
        {
            throw Truncated();
        }

        byte initial = span[_position++];
        int major = initial >> 5;
        int info = initial & 0x1f;
        if (info < 24)
        {
            return (major, (ulong)info, false);
        }

        switch (info)
        {
            case 24:
                return (major, _position < span.Length ? span[_position++] : throw Truncated(), false);
            case 25:
                return (major, ReadBigEndian(2), false);
            case 26:
                return (major, ReadBigEndian(4), false);
            case 27:
                return (major, ReadBigEndian(8), false);
            case 31 when major is RawCbor.MajorBytes or RawCbor.MajorText or RawCbor.MajorArray or RawCbor.MajorMap:
                return (major, 0, true);
            default:
                throw new CoresDecodeException(CoresDecodeError.Malformed, $"{_what} is not well-formed CBOR.");
        }
    }

    private ulong ReadBigEndian(int length)
    {
        if (BytesRemaining < length)
        {
            throw Truncated();
        }

        var bytes = Span.Slice(_position, length);
        _position += length;
        return length switch
        {
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        };
    }

    private readonly int Take(ulong length) =>
        length <= (ulong)BytesRemaining ? (int)length : throw Truncated();

    private readonly CoresDecodeException Truncated() =>
        new(CoresDecodeError.Malformed, $"{_what} is truncated.");

    private readonly CoresDecodeException WrongType(string expected) =>
        new(CoresDecodeError.WrongType, $"{_what} has an item that is not {expected}.");
}
