using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>
/// Walks the keys of a CBOR map opened by <see cref="CoresCbor.ReadStartMap"/>. Keys must be text; they are
/// compared as UTF-8 bytes so that decoding a hop allocates no strings.
/// </summary>
internal ref struct MapCursor
{
    private readonly CborReader _reader;
    private readonly string _what;
    private int _entries;

    public MapCursor(CborReader reader, string what)
    {
        _reader = reader;
        _what = what;
    }

    /// <summary>Reads the next key, or consumes the end of the map and returns false.</summary>
    public bool MoveNext(out ReadOnlySpan<byte> key)
    {
        if (_reader.PeekState() == CborReaderState.EndMap)
        {
            _reader.ReadEndMap();
            key = default;
            return false;
        }

        if (++_entries > CoresLimits.MaxMapEntries)
        {
            throw CoresCbor.TooLarge(_what, "map entries");
        }

        key = _reader.ReadDefiniteLengthTextStringBytes().Span;
        return true;
    }

    /// <summary>For a key the record does not know: an error, or skipped when decoding a newer version leniently.</summary>
    public readonly void UnknownKey(bool skip)
    {
        if (!skip)
        {
            throw new CoresDecodeException(CoresDecodeError.UnknownField, $"{_what} has an unknown field.");
        }

        CoresCbor.SkipValue(_reader, _what);
    }

    public readonly CoresDecodeException Duplicate(string field) =>
        new(CoresDecodeError.DuplicateField, $"{_what} has '{field}' twice.");
}
