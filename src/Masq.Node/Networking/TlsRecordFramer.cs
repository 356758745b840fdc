using System.Buffers;

namespace Masq.Node.Networking;

/// <summary>
/// TLS record framing (data-path.md §2.4): a record starts with a content type 0x14–0x18, a version 0x03 0x00–0x04
/// and a two-byte length. The proxy never decrypts; it only cuts the stream at record boundaries.
/// </summary>
internal static class TlsRecordFramer
{
    public const int HeaderLength = 5;

    /// <summary>2^14 plaintext plus the most expansion TLS allows.</summary>
    public const int MaxRecordLength = 16384 + 2048;

    public const byte ContentTypeHandshake = 0x16;

    /// <summary>Looks at the record at the start of <paramref name="buffer"/>; never throws.</summary>
    public static TlsRecordStatus TryReadRecord(in ReadOnlySequence<byte> buffer, out int recordLength, out byte contentType)
    {
        recordLength = 0;
        contentType = 0;
        if (buffer.Length < HeaderLength)
        {
            return buffer.Length > 0 && !IsPlausibleType(buffer.FirstSpan[0]) ? TlsRecordStatus.Invalid : TlsRecordStatus.Incomplete;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        contentType = header[0];
        int length = (header[3] << 8) | header[4];
        if (!IsPlausibleType(contentType) || header[1] != 0x03 || header[2] > 0x04 || length > MaxRecordLength)
        {
            return TlsRecordStatus.Invalid;
        }

        recordLength = HeaderLength + length;
        return buffer.Length >= recordLength ? TlsRecordStatus.Complete : TlsRecordStatus.Incomplete;
    }

    /// <summary>
    /// How many bytes at the start of <paramref name="buffer"/> are whole records, up to about <paramref name="limit"/>
    /// (at least one whole record when there is one). -1 when the stream is not TLS.
    /// </summary>
    public static long WholeRecords(in ReadOnlySequence<byte> buffer, int limit)
    {
        long total = 0;
        var rest = buffer;
        while (true)
        {
            var status = TryReadRecord(rest, out int length, out _);
            if (status == TlsRecordStatus.Invalid)
            {
                return -1;
            }

            if (status == TlsRecordStatus.Incomplete || (total > 0 && total + length > limit))
            {
                return total;
            }

            total += length;
            rest = rest.Slice(length);
        }
    }

    private static bool IsPlausibleType(byte type) => type is >= 0x14 and <= 0x18;
}
