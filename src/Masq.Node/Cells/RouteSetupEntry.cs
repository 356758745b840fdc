using System.Buffers.Binary;
using Masq.Node.Crypto;

namespace Masq.Node.Cells;

/// <summary>
/// What one hop learns from the setup cell, sealed to its Node key (one public-key operation per hop per route):
/// its labels and counter offsets on the links in and out, when the route expires, a seed for its layer keys, the
/// next Node (none for the exit) and an opaque ticket for the Hopper (payer and proof, checked once per route).
/// </summary>
internal sealed record RouteSetupEntry(
    bool IsExit,
    ulong InLabel,
    ulong OutLabel,
    ulong InOffset,
    ulong OutOffset,
    long ExpiresUnixSeconds,
    ReadOnlyMemory<byte> KeySeed,
    PublicKey NextHop,
    ReadOnlyMemory<byte> Ticket)
{
    public const int SeedLength = 32;
    public const int MaxNextHopLength = 64;
    public const int MaxTicketLength = 96;

    /// <summary>flags 1, labels 2×8, offsets 2×8, expiry 8, seed 32, next hop 1+64, ticket 1+96.</summary>
    public const int Length = 1 + 16 + 16 + 8 + SeedLength + 1 + MaxNextHopLength + 1 + MaxTicketLength;

    private const int SeedAt = 41;
    private const int NextHopAt = SeedAt + SeedLength;
    private const int TicketAt = NextHopAt + 1 + MaxNextHopLength;

    public void Write(Span<byte> destination)
    {
        if (KeySeed.Length != SeedLength || NextHop.Length > MaxNextHopLength || Ticket.Length > MaxTicketLength)
        {
            throw new ArgumentException("A hop entry holds a 32-byte seed, a key of at most 64 bytes and a ticket of at most 96.");
        }

        destination[..Length].Clear();
        destination[0] = IsExit ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64LittleEndian(destination[1..], InLabel);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[9..], OutLabel);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[17..], InOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[25..], OutOffset);
        BinaryPrimitives.WriteInt64LittleEndian(destination[33..], ExpiresUnixSeconds);
        KeySeed.Span.CopyTo(destination[SeedAt..]);
        destination[NextHopAt] = (byte)NextHop.Length;
        NextHop.Span.CopyTo(destination[(NextHopAt + 1)..]);
        destination[TicketAt] = (byte)Ticket.Length;
        Ticket.Span.CopyTo(destination[(TicketAt + 1)..]);
    }

    /// <summary>Reads an opened entry; null when a field is out of range (a sealed entry a bug or a liar made).</summary>
    public static RouteSetupEntry? TryRead(ReadOnlySpan<byte> source)
    {
        if (source.Length != Length || source[0] > 1)
        {
            return null;
        }

        int nextHopLength = source[NextHopAt];
        int ticketLength = source[TicketAt];
        bool isExit = source[0] == 1;
        if (nextHopLength > MaxNextHopLength || ticketLength > MaxTicketLength || (isExit != (nextHopLength == 0)))
        {
            return null;
        }

        return new RouteSetupEntry(
            isExit,
            BinaryPrimitives.ReadUInt64LittleEndian(source[1..]),
            BinaryPrimitives.ReadUInt64LittleEndian(source[9..]),
            BinaryPrimitives.ReadUInt64LittleEndian(source[17..]) & CellFormat.CounterMask,
            BinaryPrimitives.ReadUInt64LittleEndian(source[25..]) & CellFormat.CounterMask,
            BinaryPrimitives.ReadInt64LittleEndian(source[33..]),
            source.Slice(SeedAt, SeedLength).ToArray(),
            nextHopLength == 0 ? PublicKey.Empty : new PublicKey(source.Slice(NextHopAt + 1, nextHopLength)),
            source.Slice(TicketAt + 1, ticketLength).ToArray());
    }
}
