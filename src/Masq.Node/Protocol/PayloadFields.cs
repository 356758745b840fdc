using System.Buffers;
using System.Formats.Cbor;
using Masq.Node.Crypto;

namespace Masq.Node.Protocol;

/// <summary>Fields that several payload records share, with one encoding each.</summary>
internal static class PayloadFields
{
    private const int StackLimit = 512;

    public static void WriteStreamKey(CborWriter writer, StreamKey key)
    {
        Span<byte> bytes = stackalloc byte[StreamKey.Length];
        key.WriteTo(bytes);
        writer.WriteByteString(bytes);
    }

    public static StreamKey ReadStreamKey(CborReader reader, string what)
    {
        var bytes = CoresCbor.ReadBytes(reader, StreamKey.Length, what);
        return bytes.Length == StreamKey.Length
            ? StreamKey.FromBytes(bytes.Span)
            : throw CoresCbor.Invalid(what, "stream_key is not 20 bytes");
    }

    /// <summary>A SequencedPacket is a byte string on the wire (data-path.md §3).</summary>
    public static void WriteSequencedPacket(CborWriter writer, SequencedPacket packet)
    {
        int length = packet.EncodedLength;
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = (rented is null ? stackalloc byte[StackLimit] : rented)[..length];
        try
        {
            packet.WriteTo(buffer);
            writer.WriteByteString(buffer);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static SequencedPacket ReadSequencedPacket(CborReader reader, string what) =>
        SequencedPacket.Decode(CoresCbor.ReadBytes(reader, CoresLimits.MaxPackageLength, what));

    public static PublicKey ReadPublicKey(CborReader reader, string what)
    {
        var bytes = CoresCbor.ReadBytes(reader, CoresLimits.MaxPublicKeyLength, what);
        return bytes.IsEmpty ? throw CoresCbor.Invalid(what, "a public key is empty") : new PublicKey(bytes.Span);
    }
}
