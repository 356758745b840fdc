using System.Formats.Cbor;

namespace Masq.Node.Protocol;

/// <summary>
/// A payload with the version of its schema: <c>{version: {major, minor}, bytes: [uints], phantom: null}</c>, where
/// <c>bytes</c> is the CBOR of the payload record (data-path.md §3).
/// </summary>
/// <remarks>
/// <c>bytes</c> is written as serde writes a <c>Vec&lt;u8&gt;</c>, an array of uints, for compatibility with the
/// reference; that nearly doubles random payload bytes on the wire. The reader also takes a byte string, so a later
/// version can switch to the compact form.
/// </remarks>
internal sealed record VersionedData(DataVersion Version, ReadOnlyMemory<byte> Bytes)
{
    private const string What = "versioned data";

    public bool Equals(VersionedData? other) =>
        other is not null && Version == other.Version && Bytes.Span.SequenceEqual(other.Bytes.Span);

    public override int GetHashCode() => HashCode.Combine(Version, Bytes.Length);

    /// <summary>Encodes a payload record at <paramref name="version"/>.</summary>
    internal static VersionedData Create(DataVersion version, Action<CborWriter> writePayload)
    {
        var writer = CoresCbor.NewWriter();
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

    internal void Write(CborWriter writer)
    {
        writer.WriteStartMap(3);
        writer.WriteTextString("version");
        writer.WriteStartMap(2);
        writer.WriteTextString("major");
        writer.WriteUInt32(Version.Major);
        writer.WriteTextString("minor");
        writer.WriteUInt32(Version.Minor);
        writer.WriteEndMap();
        writer.WriteTextString("bytes");
        CoresCbor.WriteByteArray(writer, Bytes.Span);
        writer.WriteTextString("phantom");
        writer.WriteNull();
        writer.WriteEndMap();
    }

    internal static VersionedData Read(CborReader reader)
    {
        DataVersion? version = null;
        ReadOnlyMemory<byte>? bytes = null;
        bool phantom = false;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("version"u8))
            {
                version = version is null ? ReadVersion(reader) : throw map.Duplicate("version");
            }
            else if (key.SequenceEqual("bytes"u8))
            {
                bytes = bytes is null ? CoresCbor.ReadByteArray(reader, CoresLimits.MaxPackageLength, What) : throw map.Duplicate("bytes");
            }
            else if (key.SequenceEqual("phantom"u8))
            {
                // PhantomData: serde writes null; nothing else is meaningful.
                if (phantom)
                {
                    throw map.Duplicate("phantom");
                }

                phantom = CoresCbor.TryReadNull(reader) ? true : throw CoresCbor.Invalid(What, "phantom is not null");
            }
            else
            {
                map.UnknownKey(skip: false);
            }
        }

        // serde would also accept a missing PhantomData field; only version and bytes carry meaning.
        return new VersionedData(
            version ?? throw CoresCbor.Missing(What, "version"),
            bytes ?? throw CoresCbor.Missing(What, "bytes"));
    }

    private static DataVersion ReadVersion(CborReader reader)
    {
        ulong? major = null;
        ulong? minor = null;
        var map = CoresCbor.ReadStartMap(reader, What);
        while (map.MoveNext(out var key))
        {
            if (key.SequenceEqual("major"u8))
            {
                major = major is null ? CoresCbor.ReadUInt(reader, DataVersion.MaxComponent, What) : throw map.Duplicate("major");
            }
            else if (key.SequenceEqual("minor"u8))
            {
                minor = minor is null ? CoresCbor.ReadUInt(reader, DataVersion.MaxComponent, What) : throw map.Duplicate("minor");
            }
            else
            {
                map.UnknownKey(skip: false);
            }
        }

        return new DataVersion(
            (ushort)(major ?? throw CoresCbor.Missing(What, "version.major")),
            (ushort)(minor ?? throw CoresCbor.Missing(What, "version.minor")));
    }
}
