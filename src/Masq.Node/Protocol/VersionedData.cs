using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>
/// A payload with the version of its schema: <c>{version: {major, minor}, bytes: [uints], phantom: null}</c>, where
/// <c>bytes</c> is the CBOR of the payload record (data-path.md §3).
/// </summary>
/// <remarks>
/// <c>bytes</c> is written as a CBOR byte string. The reference writes serde's <c>Vec&lt;u8&gt;</c> form, an array of
/// uints, which nearly doubles random payload bytes on the wire (and costs per element to read); byte-compatibility
/// with the Rust Node cannot be checked here, so we take the clean, compact form. The reader still accepts the
/// array form. This level is encoded and decoded by hand (<see cref="RawCbor"/>, <see cref="CborSpanReader"/>).
/// </remarks>
internal sealed record VersionedData(DataVersion Version, ReadOnlyMemory<byte> Bytes)
{
    private const string What = "versioned data";

    public bool Equals(VersionedData? other) =>
        other is not null && Version == other.Version && Bytes.Span.SequenceEqual(other.Bytes.Span);

    public override int GetHashCode() => HashCode.Combine(Version, Bytes.Length);

    /// <summary>Encodes a payload record at <paramref name="version"/>.</summary>
    /// <param name="capacityHint">Expected encoded size, so that a 16 KiB payload is not copied through growing buffers.</param>
    internal static VersionedData Create(DataVersion version, int capacityHint, Action<CborWriter> writePayload)
    {
        var writer = CoresCbor.NewWriter(capacityHint);
        writePayload(writer);
        return new VersionedData(version, writer.Encode());
    }

    /// <summary>
    /// Decodes the payload record, which the reader of this Node knows at <paramref name="known"/>. A newer minor
    /// version is read leniently (known fields by name, others skipped) as the reference's migrations do; another
    /// major version or an older minor one is refused.
    /// </summary>
    internal T DecodePayload<T>(DataVersion known, string what, Func<CborReader, bool, T> read)
    {
        if (Version.Major != known.Major || Version.Minor < known.Minor)
        {
            throw new CoresDecodeException(CoresDecodeError.UnsupportedVersion, $"{what} version {Version} is not readable; this Node knows {known}.");
        }

        bool lenient = Version.Minor > known.Minor;
        return CoresCbor.Decode(Bytes, CoresLimits.MaxPackageLength, what, reader => read(reader, lenient));
    }

    /// <summary>Length of <see cref="WriteTo"/>'s output.</summary>
    internal int EncodedLength =>
        1 + RawCbor.TextLength("version"u8)
        + 1 + RawCbor.TextLength("major"u8) + RawCbor.HeadLength(Version.Major) + RawCbor.TextLength("minor"u8) + RawCbor.HeadLength(Version.Minor)
        + RawCbor.TextLength("bytes"u8) + RawCbor.HeadLength((ulong)Bytes.Length) + Bytes.Length
        + RawCbor.TextLength("phantom"u8) + 1;

    /// <summary>Writes exactly <see cref="EncodedLength"/> bytes.</summary>
    internal void WriteTo(Span<byte> destination, ref int position)
    {
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 3);
        RawCbor.WriteText(destination, ref position, "version"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorMap, 2);
        RawCbor.WriteText(destination, ref position, "major"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorUInt, Version.Major);
        RawCbor.WriteText(destination, ref position, "minor"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorUInt, Version.Minor);
        RawCbor.WriteText(destination, ref position, "bytes"u8);
        RawCbor.WriteHead(destination, ref position, RawCbor.MajorBytes, (ulong)Bytes.Length);
        Bytes.Span.CopyTo(destination[position..]);
        position += Bytes.Length;
        RawCbor.WriteText(destination, ref position, "phantom"u8);
        destination[position++] = RawCbor.Null;
    }

    internal byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        int position = 0;
        WriteTo(bytes, ref position);
        return bytes;
    }

    internal static VersionedData Read(ref CborSpanReader reader)
    {
        DataVersion? version = null;
        ReadOnlyMemory<byte>? bytes = null;
        bool phantom = false;
        int? count = reader.ReadStartMap();
        int seen = 0;
        while (reader.MoveNextKey(count, ref seen, out var key))
        {
            if (key.SequenceEqual("version"u8))
            {
                version = version is null ? ReadVersion(ref reader) : throw Duplicate("version");
            }
            else if (key.SequenceEqual("bytes"u8))
            {
                bytes = bytes is null ? reader.ReadByteArray(CoresLimits.MaxPackageLength) : throw Duplicate("bytes");
            }
            else if (key.SequenceEqual("phantom"u8))
            {
                // PhantomData: serde writes null; nothing else is meaningful.
                if (phantom)
                {
                    throw Duplicate("phantom");
                }

                phantom = reader.TryReadNull() ? true : throw CoresCbor.Invalid(What, "phantom is not null");
            }
            else
            {
                throw new CoresDecodeException(CoresDecodeError.UnknownField, $"{What} has an unknown field.");
            }
        }

        // serde would also accept a missing PhantomData field; only version and bytes carry meaning.
        return new VersionedData(
            version ?? throw CoresCbor.Missing(What, "version"),
            bytes ?? throw CoresCbor.Missing(What, "bytes"));
    }

    private static DataVersion ReadVersion(ref CborSpanReader reader)
    {
        ulong? major = null;
        ulong? minor = null;
        int? count = reader.ReadStartMap();
        int seen = 0;
        while (reader.MoveNextKey(count, ref seen, out var key))
        {
            if (key.SequenceEqual("major"u8))
            {
                major = major is null ? reader.ReadUInt(DataVersion.MaxComponent) : throw Duplicate("major");
            }
            else if (key.SequenceEqual("minor"u8))
            {
                minor = minor is null ? reader.ReadUInt(DataVersion.MaxComponent) : throw Duplicate("minor");
            }
            else
            {
                throw new CoresDecodeException(CoresDecodeError.UnknownField, $"{What} version has an unknown field.");
            }
        }

        return new DataVersion(
            (ushort)(major ?? throw CoresCbor.Missing(What, "version.major")),
            (ushort)(minor ?? throw CoresCbor.Missing(What, "version.minor")));
    }

    private static CoresDecodeException Duplicate(string field) =>
        new(CoresDecodeError.DuplicateField, $"{What} has '{field}' twice.");
}
