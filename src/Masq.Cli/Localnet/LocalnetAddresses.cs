using System.Buffers.Binary;
using System.Net;

namespace Masq.Cli.Localnet;

/// <summary>Arithmetic on IPv4 loopback addresses (127.0.0.0/8).</summary>
internal static class LocalnetAddresses
{
    private const uint LoopbackNetwork = 0x7F00_0000;

    private const uint LoopbackMask = 0xFF00_0000;

    public static uint ToNumber(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[4];
        return address.TryWriteBytes(bytes, out var written) && written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : throw new ArgumentException("Not an IPv4 address", nameof(address));
    }

    public static IPAddress FromNumber(uint number)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, number);
        return new IPAddress(bytes);
    }

    /// <summary>In 127.0.0.0/8, and neither its network (127.0.0.0) nor its broadcast (127.255.255.255) address.</summary>
    public static bool IsUsableLoopback(uint number) =>
        (number & LoopbackMask) == LoopbackNetwork && number != LoopbackNetwork && number != (LoopbackNetwork | ~LoopbackMask);

    /// <summary>The address <paramref name="offset"/> places after <paramref name="first"/>.</summary>
    public static IPAddress Offset(IPAddress first, int offset) => FromNumber(ToNumber(first) + (uint)offset);
}
