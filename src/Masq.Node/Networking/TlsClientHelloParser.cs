using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Masq.Node.Networking;

/// <summary>
/// Reads the server name (SNI) from the ClientHello at the start of a TLS stream, as the transparent port 443 needs
/// to know where the browser is going (data-path.md §2.4). It walks the structure by its own length fields instead of
/// the reference's fixed offsets, and gathers a ClientHello that spans several records. Never throws.
/// </summary>
internal static class TlsClientHelloParser
{
    /// <summary>Big enough for post-quantum key shares, small enough not to matter.</summary>
    public const int MaxClientHelloLength = 64 * 1024;

    private const byte HandshakeClientHello = 1;
    private const ushort ExtensionServerName = 0;
    private const byte NameTypeHostName = 0;

    /// <summary>The bytes a host name may hold (also what a SOCKS5 request's domain name may).</summary>
    internal static readonly SearchValues<byte> HostBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._"u8);

    public static ClientHelloStatus TryGetServerName(in ReadOnlySequence<byte> buffer, out string? serverName)
    {
        serverName = null;
        byte[] handshake = ArrayPool<byte>.Shared.Rent(MaxClientHelloLength);
        try
        {
            int gathered = 0;
            var rest = buffer;
            while (true)
            {
                var status = TlsRecordFramer.TryReadRecord(rest, out int recordLength, out byte type);
                if (status == TlsRecordStatus.Invalid || (status == TlsRecordStatus.Complete && type != TlsRecordFramer.ContentTypeHandshake)
                    || (rest.Length >= 1 && rest.FirstSpan[0] != TlsRecordFramer.ContentTypeHandshake))
                {
                    return ClientHelloStatus.NotClientHello;
                }

                if (status == TlsRecordStatus.Incomplete)
                {
                    return ClientHelloStatus.Incomplete;
                }

                int fragment = recordLength - TlsRecordFramer.HeaderLength;
                if (gathered + fragment > MaxClientHelloLength)
                {
                    return ClientHelloStatus.NotClientHello;
                }

                rest.Slice(TlsRecordFramer.HeaderLength, fragment).CopyTo(handshake.AsSpan(gathered));
                gathered += fragment;
                rest = rest.Slice(recordLength);
                if (gathered >= 4)
                {
                    if (handshake[0] != HandshakeClientHello)
                    {
                        return ClientHelloStatus.NotClientHello;
                    }

                    int bodyLength = (handshake[1] << 16) | (handshake[2] << 8) | handshake[3];
                    if (4 + bodyLength > MaxClientHelloLength)
                    {
                        return ClientHelloStatus.NotClientHello;
                    }

                    if (gathered >= 4 + bodyLength)
                    {
                        return ParseBody(handshake.AsSpan(4, bodyLength), out serverName);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(handshake);
        }
    }

    private static ClientHelloStatus ParseBody(ReadOnlySpan<byte> body, out string? serverName)
    {
        serverName = null;
        // legacy_version (2), random (32)
        if (!Skip(ref body, 34) || !SkipVector8(ref body) || !SkipVector16(ref body) || !SkipVector8(ref body))
        {
            return ClientHelloStatus.NotClientHello;
        }

        if (body.IsEmpty)
        {
            return ClientHelloStatus.NoServerName;
        }

        if (!TryReadVector16(ref body, out var extensions))
        {
            return ClientHelloStatus.NotClientHello;
        }

        while (extensions.Length >= 4)
        {
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(extensions);
            extensions = extensions[2..];
            if (!TryReadVector16(ref extensions, out var data))
            {
                return ClientHelloStatus.NotClientHello;
            }

            if (type != ExtensionServerName)
            {
                continue;
            }

            if (!TryReadVector16(ref data, out var list))
            {
                return ClientHelloStatus.NotClientHello;
            }

            while (list.Length >= 3)
            {
                byte nameType = list[0];
                list = list[1..];
                if (!TryReadVector16(ref list, out var name))
                {
                    return ClientHelloStatus.NotClientHello;
                }

                if (nameType == NameTypeHostName)
                {
                    if (name.IsEmpty || name.Length > 253 || name.ContainsAnyExcept(HostBytes))
                    {
                        return ClientHelloStatus.NoServerName;
                    }

                    serverName = Encoding.ASCII.GetString(name).ToLowerInvariant();
                    return ClientHelloStatus.ServerNameFound;
                }
            }

            return ClientHelloStatus.NoServerName;
        }

        return ClientHelloStatus.NoServerName;
    }

    private static bool Skip(ref ReadOnlySpan<byte> span, int count)
    {
        if (span.Length < count)
        {
            return false;
        }

        span = span[count..];
        return true;
    }

    private static bool SkipVector8(ref ReadOnlySpan<byte> span) => span.Length >= 1 && Skip(ref span, 1 + span[0]);

    private static bool SkipVector16(ref ReadOnlySpan<byte> span) => TryReadVector16(ref span, out _);

    private static bool TryReadVector16(ref ReadOnlySpan<byte> span, out ReadOnlySpan<byte> vector)
    {
        vector = default;
        if (span.Length < 2)
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(span);
        if (span.Length < 2 + length)
        {
            return false;
        }

        vector = span.Slice(2, length);
        span = span[(2 + length)..];
        return true;
    }
}
