using System.Buffers.Binary;

namespace Masq.Node.Neighborhood.Countries;

/// <summary>Reads the primitives of the IP-country table format (see <c>tools/ip-country/generate.mjs</c>).</summary>
internal ref struct IpCountryTableReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position == _data.Length;

    public byte Byte()
    {
        Need(1);
        return _data[_position++];
    }

    public ReadOnlySpan<byte> Bytes(int length)
    {
        Need(length);
        ReadOnlySpan<byte> slice = _data.Slice(_position, length);
        _position += length;
        return slice;
    }

    public int Count()
    {
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));
        // Each entry takes at least two more bytes (a varint and a country index).
        if (count > (uint)(_data.Length - _position) / 2)
        {
            throw new InvalidDataException("IP-country table: bad range count.");
        }

        return (int)count;
    }

    public ulong VarUInt64()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("IP-country table: varint too long.");
    }

    private readonly void Need(int length)
    {
        if (length < 0 || _data.Length - _position < length)
        {
            throw new InvalidDataException("IP-country table is truncated.");
        }
    }
}
