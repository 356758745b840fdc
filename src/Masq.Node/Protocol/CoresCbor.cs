using System.Formats.Cbor;
using System.Text;

namespace Masq.Node.Protocol;

/// <summary>
/// Shared CBOR plumbing for the wire records. Encoding follows serde_cbor 0.11 defaults as data-path.md §3 describes
/// them (structs as maps with text keys in declaration order, None as null, shortest integers). Decoding is by
/// field name in any order, and every failure, whatever raised it, leaves as a <see cref="CoresDecodeException"/>.
/// </summary>
internal static class CoresCbor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CborWriter NewWriter(int initialCapacity = 256) =>
        new(CborConformanceMode.Strict, convertIndefiniteLengthEncodings: false, allowMultipleRootLevelValues: false, initialCapacity);

    /// <summary>
    /// Runs <paramref name="read"/> over exactly one top-level item filling all of <paramref name="encoded"/>.
    /// Decoded byte fields may be slices of <paramref name="encoded"/>, which the caller must not change afterwards.
    /// </summary>
    public static T Decode<T>(ReadOnlyMemory<byte> encoded, int maxLength, string what, Func<CborReader, T> read)
    {
        if (encoded.Length > maxLength)
        {
            throw new CoresDecodeException(CoresDecodeError.TooLarge, $"{what} is {encoded.Length} bytes; the limit is {maxLength}.");
        }

        try
        {
            // Strict: well-formed, valid UTF-8, no duplicate map keys. Indefinite lengths are allowed (serde writes them).
            var reader = new CborReader(encoded, CborConformanceMode.Strict, allowMultipleRootLevelValues: false);
            T value = read(reader);
            if (reader.BytesRemaining != 0)
            {
                throw new CoresDecodeException(CoresDecodeError.TrailingBytes, $"{reader.BytesRemaining} bytes follow the {what}.");
            }

            return value;
        }
        catch (CborContentException e)
        {
            throw new CoresDecodeException(CoresDecodeError.Malformed, $"{what} is not well-formed CBOR.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new CoresDecodeException(CoresDecodeError.WrongType, $"{what} has an item of the wrong type.", e);
        }
        catch (OverflowException e)
        {
            throw new CoresDecodeException(CoresDecodeError.InvalidValue, $"{what} has a number out of range.", e);
        }
        catch (FormatException e)
        {
            throw new CoresDecodeException(CoresDecodeError.Malformed, $"{what} is malformed.", e);
        }
        catch (ArgumentException e)
        {
            // Includes DecoderFallbackException for text the reader could not transcode.
            throw new CoresDecodeException(CoresDecodeError.Malformed, $"{what} is malformed.", e);
        }
    }

    /// <summary>Starts reading a map (definite or indefinite); the returned cursor walks its keys.</summary>
    public static MapCursor ReadStartMap(CborReader reader, string what)
    {
        int? count = reader.ReadStartMap();
        if (count > CoresLimits.MaxMapEntries)
        {
            throw TooLarge(what, "map entries");
        }

        return new MapCursor(reader, what);
    }

    /// <summary>A definite or indefinite byte string; zero-copy when definite.</summary>
    public static ReadOnlyMemory<byte> ReadBytes(CborReader reader, int maxLength, string what)
    {
        ReadOnlyMemory<byte> bytes = reader.PeekState() == CborReaderState.StartIndefiniteLengthByteString
            ? reader.ReadByteString()
            : reader.ReadDefiniteLengthByteString();
        return bytes.Length <= maxLength ? bytes : throw TooLarge(what, "bytes");
    }

    public static ulong ReadUInt(CborReader reader, ulong max, string what)
    {
        ulong value = reader.ReadUInt64();
        return value <= max ? value : throw Invalid(what, $"{value} is above {max}");
    }

    public static bool ReadBool(CborReader reader) => reader.ReadBoolean();

    public static bool TryReadNull(CborReader reader)
    {
        if (reader.PeekState() != CborReaderState.Null)
        {
            return false;
        }

        reader.ReadNull();
        return true;
    }

    public static string ReadText(CborReader reader, int maxLength, string what)
    {
        ReadOnlyMemory<byte> utf8 = reader.PeekState() == CborReaderState.StartIndefiniteLengthTextString
            ? Encoding.UTF8.GetBytes(reader.ReadTextString())
            : reader.ReadDefiniteLengthTextStringBytes();
        if (utf8.Length > maxLength)
        {
            throw TooLarge(what, "text");
        }

        // Strict mode has validated the UTF-8 already; a throwing decoder makes sure of it.
        return StrictUtf8.GetString(utf8.Span);
    }

    /// <summary>
    /// A serde <c>Vec&lt;u8&gt;</c>/<c>[u8; N]</c>: an array of small uints. A byte string is accepted too, so that
    /// a future encoder may switch to the compact form without a flag day.
    /// </summary>
    public static ReadOnlyMemory<byte> ReadByteArray(CborReader reader, int maxLength, string what)
    {
        if (reader.PeekState() is CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString)
        {
            return ReadBytes(reader, maxLength, what);
        }

        int? count = reader.ReadStartArray();
        if (count is { } definite)
        {
            // Each element takes at least one byte, so a claimed count beyond what is left is a lie; check before allocating.
            if (definite > maxLength || definite > reader.BytesRemaining)
            {
                throw TooLarge(what, "array elements");
            }

            var result = new byte[definite];
            for (int i = 0; i < definite; i++)
            {
                result[i] = ReadByte(reader, what);
            }

            reader.ReadEndArray();
            return result;
        }

        var buffer = new List<byte>();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (buffer.Count == maxLength)
            {
                throw TooLarge(what, "array elements");
            }

            buffer.Add(ReadByte(reader, what));
        }

        reader.ReadEndArray();
        return buffer.ToArray();
    }

    /// <summary>Writes bytes the way serde_cbor writes a <c>Vec&lt;u8&gt;</c>: an array of uints.</summary>
    public static void WriteByteArray(CborWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.WriteStartArray(bytes.Length);
        foreach (byte b in bytes)
        {
            writer.WriteUInt32(b);
        }

        writer.WriteEndArray();
    }

    /// <summary>Skips one item of any type, refusing nesting deeper than <see cref="CoresLimits.MaxNestingDepth"/>.</summary>
    public static void SkipValue(CborReader reader, string what)
    {
        int depth = 0;
        while (true)
        {
            switch (reader.PeekState())
            {
                case CborReaderState.StartArray:
                    reader.ReadStartArray();
                    depth++;
                    break;
                case CborReaderState.StartMap:
                    reader.ReadStartMap();
                    depth++;
                    break;
                case CborReaderState.EndArray:
                    reader.ReadEndArray();
                    depth--;
                    break;
                case CborReaderState.EndMap:
                    reader.ReadEndMap();
                    depth--;
                    break;
                case CborReaderState.Tag:
                    // A tag prefixes the next item; that item still has to be skipped at this depth.
                    reader.ReadTag();
                    continue;
                default:
                    // Scalars and (possibly indefinite) strings: no nesting.
                    reader.SkipValue();
                    break;
            }

            if (depth > CoresLimits.MaxNestingDepth)
            {
                throw new CoresDecodeException(CoresDecodeError.TooDeep, $"{what} nests deeper than {CoresLimits.MaxNestingDepth}.");
            }

            if (depth == 0)
            {
                return;
            }
        }
    }

    public static CoresDecodeException Missing(string what, string field) =>
        new(CoresDecodeError.MissingField, $"{what} has no '{field}'.");

    public static CoresDecodeException Invalid(string what, string reason) =>
        new(CoresDecodeError.InvalidValue, $"{what}: {reason}.");

    public static CoresDecodeException TooLarge(string what, string part) =>
        new(CoresDecodeError.TooLarge, $"{what} has too many {part}.");

    private static byte ReadByte(CborReader reader, string what)
    {
        uint value = reader.ReadUInt32();
        return value <= byte.MaxValue ? (byte)value : throw Invalid(what, "an array element is not a byte");
    }
}
