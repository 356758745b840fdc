using System.Buffers;
using System.Net;
using System.Text;
using Masq.Node.Networking;

namespace Masq.Node.Proxy.Socks;

/// <summary>
/// Reads the two messages a SOCKS5 client sends before its data (RFC 1928 §3, §4): the greeting (version, methods) and
/// the request (command, address, port). Untrusted input: never throws, never reads past what the lengths allow, and
/// says "incomplete" until a whole message is there.
/// </summary>
internal static class Socks5Parser
{
    public const byte Version = 5;

    /// <summary>"No authentication required", the only method this proxy offers.</summary>
    public const byte NoAuthentication = 0x00;

    /// <summary>"No acceptable methods".</summary>
    public const byte NoAcceptableMethods = 0xFF;

    private const byte AddressIPv4 = 1;
    private const byte AddressDomain = 3;
    private const byte AddressIPv6 = 4;

    /// <param name="consumed">The greeting's length when complete.</param>
    /// <param name="offersNoAuthentication">Whether the client offers method 0x00.</param>
    public static Socks5ParseStatus TryReadGreeting(in ReadOnlySequence<byte> buffer, out int consumed, out bool offersNoAuthentication)
    {
        consumed = 0;
        offersNoAuthentication = false;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out byte version))
        {
            return Socks5ParseStatus.Incomplete;
        }

        if (version != Version)
        {
            return Socks5ParseStatus.WrongVersion;
        }

        if (!reader.TryRead(out byte count))
        {
            return Socks5ParseStatus.Incomplete;
        }

        if (count == 0)
        {
            consumed = 2;
            return Socks5ParseStatus.NoMethods;
        }

        Span<byte> methods = stackalloc byte[byte.MaxValue];
        if (!reader.TryCopyTo(methods[..count]))
        {
            return Socks5ParseStatus.Incomplete;
        }

        offersNoAuthentication = methods[..count].Contains(NoAuthentication);
        consumed = 2 + count;
        return Socks5ParseStatus.Complete;
    }

    /// <param name="consumed">The request's length when complete (also for a bad address, so a reply can follow).</param>
    public static Socks5ParseStatus TryReadRequest(in ReadOnlySequence<byte> buffer, out Socks5Request? request, out int consumed)
    {
        request = null;
        consumed = 0;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out byte version))
        {
            return Socks5ParseStatus.Incomplete;
        }

        if (version != Version)
        {
            return Socks5ParseStatus.WrongVersion;
        }

        // The reserved byte is meant to be 0; tolerated whatever it is, as it carries nothing.
        if (!reader.TryRead(out byte command) || !reader.TryRead(out byte _) || !reader.TryRead(out byte addressType))
        {
            return Socks5ParseStatus.Incomplete;
        }

        string? host;
        switch (addressType)
        {
            case AddressIPv4 or AddressIPv6:
            {
                Span<byte> address = stackalloc byte[addressType == AddressIPv4 ? 4 : 16];
                if (!reader.TryCopyTo(address))
                {
                    return Socks5ParseStatus.Incomplete;
                }

                reader.Advance(address.Length);
                host = new IPAddress(address).ToString();
                break;
            }

            case AddressDomain:
            {
                if (!reader.TryRead(out byte length))
                {
                    return Socks5ParseStatus.Incomplete;
                }

                Span<byte> name = stackalloc byte[byte.MaxValue];
                if (!reader.TryCopyTo(name[..length]))
                {
                    return Socks5ParseStatus.Incomplete;
                }

                reader.Advance(length);
                host = length > 0 && !name[..length].ContainsAnyExcept(TlsClientHelloParser.HostBytes) ? Encoding.ASCII.GetString(name[..length]) : null;
                break;
            }

            default:
                return Socks5ParseStatus.UnknownAddressType;
        }

        if (!reader.TryReadBigEndian(out short rawPort))
        {
            return Socks5ParseStatus.Incomplete;
        }

        consumed = (int)reader.Consumed;
        int port = (ushort)rawPort;
        // Port 0 is no place to connect to; BIND and UDP ASSOCIATE may send it, and are refused for what they are.
        if (host is null || (port == 0 && command == (byte)Socks5Command.Connect))
        {
            return Socks5ParseStatus.BadAddress;
        }

        request = new Socks5Request((Socks5Command)command, host, port);
        return Socks5ParseStatus.Complete;
    }

    /// <summary>A reply (RFC 1928 §6) with BND.ADDR 0.0.0.0:0: the address the exit used is nobody's business here.</summary>
    public static byte[] Reply(Socks5ReplyCode code) => [Version, (byte)code, 0, AddressIPv4, 0, 0, 0, 0, 0, 0];

    /// <summary>The method selection message.</summary>
    public static byte[] MethodSelection(byte method) => [Version, method];
}
