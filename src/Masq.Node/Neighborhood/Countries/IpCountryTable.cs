using System.Buffers.Binary;
using System.Collections.Frozen;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;

namespace Masq.Node.Neighborhood.Countries;

/// <summary>
/// The built-in IP-to-country table (neighborhood.md §2 "Country code"): DB-IP Lite ranges for IPv4 and IPv6, shipped
/// inside the assembly as <c>ip-country.bin.br</c> and never downloaded at run time. Regenerate it with
/// <c>tools/ip-country/generate.sh</c>, which also documents the file format and the data's licence (CC BY 4.0,
/// attribution to DB-IP: see <see cref="Attribution"/>).
/// </summary>
/// <remarks>
/// The table tiles each address space with sorted range starts; a lookup is one binary search. Unknown addresses,
/// and private, loopback, link-local, multicast and other non-public ones, have no country (<c>null</c>; the spec's
/// "ZZ").
/// </remarks>
internal sealed class IpCountryTable
{
    /// <summary>The attribution the DB-IP Lite licence asks for, to show wherever the data is used.</summary>
    public const string Attribution = "IP Geolocation by DB-IP (https://db-ip.com), licensed under CC BY 4.0";

    internal const string ResourceName = "Masq.Node.Neighborhood.Countries.ip-country.bin.br";

    private const byte FormatVersion = 1;
    private const int HeaderLength = 9;
    private const int MaxPayloadLength = 256 * 1024 * 1024;

    private static readonly Lazy<IpCountryTable> Shared = new(ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly uint[] _v4Starts;
    private readonly byte[] _v4Countries;
    private readonly UInt128[] _v6Starts;
    private readonly byte[] _v6Countries;

    /// <summary>Index 0 is "no country"; index k is the k-th country of the file.</summary>
    private readonly string?[] _codes;

    private IpCountryTable(
        string source,
        string?[] codes,
        FrozenDictionary<string, string> names,
        uint[] v4Starts,
        byte[] v4Countries,
        UInt128[] v6Starts,
        byte[] v6Countries)
    {
        Source = source;
        _codes = codes;
        CountryNames = names;
        KnownCountryCodes = names.Keys.ToFrozenSet(StringComparer.Ordinal);
        _v4Starts = v4Starts;
        _v4Countries = v4Countries;
        _v6Starts = v6Starts;
        _v6Countries = v6Countries;

        var used = new bool[codes.Length];
        foreach (byte index in v4Countries)
        {
            used[index] = true;
        }

        foreach (byte index in v6Countries)
        {
            used[index] = true;
        }

        var present = new List<string>();
        for (int i = 1; i < codes.Length; i++)
        {
            if (used[i])
            {
                present.Add(codes[i]!);
            }
        }

        CountriesInTable = present.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The npm package (name@version) the table was generated from.</summary>
    public string Source { get; }

    /// <summary>Every known ISO 3166-1 alpha-2 code (upper case) with its English name, for <c>--show-countries</c>.</summary>
    public IReadOnlyDictionary<string, string> CountryNames { get; }

    /// <summary>Every known ISO 3166-1 alpha-2 code (the keys of <see cref="CountryNames"/>).</summary>
    public IReadOnlySet<string> KnownCountryCodes { get; }

    /// <summary>The codes that at least one address range of the table maps to.</summary>
    public IReadOnlySet<string> CountriesInTable { get; }

    /// <summary>Number of IPv4 ranges (including the "no country" gaps).</summary>
    public int Ipv4RangeCount => _v4Starts.Length;

    /// <summary>Number of IPv6 ranges (including the "no country" gaps).</summary>
    public int Ipv6RangeCount => _v6Starts.Length;

    /// <summary>The table, decoded from the embedded resource on first use and shared afterwards.</summary>
    public static IpCountryTable Load() => Shared.Value;

    /// <summary>Decodes the embedded resource afresh (what <see cref="Load"/> does once).</summary>
    internal static IpCountryTable ReadEmbedded()
    {
        using Stream stream = typeof(IpCountryTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        return Read(stream);
    }

    /// <summary>Decodes a table file in the format written by <c>tools/ip-country/generate.mjs</c> (a seekable stream).</summary>
    internal static IpCountryTable Read(Stream file)
    {
        byte[] payload = Decompress(file);
        var reader = new IpCountryTableReader(payload);

        string source = Encoding.ASCII.GetString(reader.Bytes(reader.Byte()));

        int countryCount = reader.Byte();
        var codes = new string?[countryCount + 1];
        var names = new Dictionary<string, string>(countryCount, StringComparer.Ordinal);
        for (int i = 1; i <= countryCount; i++)
        {
            string code = Encoding.ASCII.GetString(reader.Bytes(2));
            string name = Encoding.UTF8.GetString(reader.Bytes(reader.Byte()));
            codes[i] = code;
            names[code] = name;
        }

        int v4Count = reader.Count();
        var v4Starts = new uint[v4Count];
        ulong v4Start = 0;
        for (int i = 0; i < v4Count; i++)
        {
            v4Start += reader.VarUInt64();
            if (v4Start > uint.MaxValue)
            {
                throw new InvalidDataException("IP-country table: an IPv4 range starts beyond 255.255.255.255.");
            }

            v4Starts[i] = (uint)v4Start;
        }

        byte[] v4Countries = reader.Bytes(v4Count).ToArray();

        int v6Count = reader.Count();
        var v6Starts = new UInt128[v6Count];
        ulong v6High = 0;
        for (int i = 0; i < v6Count; i++)
        {
            ulong delta = reader.VarUInt64();
            if (delta > ulong.MaxValue - v6High)
            {
                throw new InvalidDataException("IP-country table: an IPv6 range starts beyond the address space.");
            }

            v6High += delta;
            v6Starts[i] = new UInt128(v6High, reader.VarUInt64());
        }

        byte[] v6Countries = reader.Bytes(v6Count).ToArray();

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("IP-country table has trailing bytes.");
        }

        Validate<uint>(v4Starts, v4Countries, codes.Length);
        Validate<UInt128>(v6Starts, v6Countries, codes.Length);

        return new IpCountryTable(
            source, codes, names.ToFrozenDictionary(StringComparer.Ordinal), v4Starts, v4Countries, v6Starts, v6Countries);
    }

    /// <summary>
    /// The ISO 3166-1 alpha-2 code (upper case) of the country <paramref name="ip"/> is in, or <c>null</c> when it is
    /// unknown or not a public address (private, loopback, link-local, CGNAT, multicast, unspecified, reserved).
    /// IPv4-mapped IPv6 addresses are looked up as IPv4.
    /// </summary>
    public string? CountryOf(IPAddress ip)
    {
        ArgumentNullException.ThrowIfNull(ip);
        Span<byte> bytes = stackalloc byte[16];
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            ip.TryWriteBytes(bytes, out _);
            return CountryOfIpv4(BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        ip.TryWriteBytes(bytes, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        if (value >> 32 == 0xFFFF)
        {
            return CountryOfIpv4((uint)value);
        }

        return CountryOfIpv6(value);
    }

    /// <summary>The country of an IPv4 address given as a host-order number (a.b.c.d = a·2²⁴ + b·2¹⁶ + c·2⁸ + d).</summary>
    internal string? CountryOfIpv4(uint address)
    {
        if (!IsPublicIpv4(address))
        {
            return null;
        }

        return _codes[_v4Countries[LastStartAtOrBelow(_v4Starts, address)]];
    }

    /// <summary>The country of an IPv6 address given as a big-endian 128-bit number.</summary>
    internal string? CountryOfIpv6(UInt128 address)
    {
        if (!IsPublicIpv6(address))
        {
            return null;
        }

        return _codes[_v6Countries[LastStartAtOrBelow(_v6Starts, address)]];
    }

    private static bool IsPublicIpv4(uint a)
    {
        uint top = a >> 24;
        return top switch
        {
            0 => false,                                      // 0.0.0.0/8 "this network"
            10 => false,                                     // 10.0.0.0/8 private
            127 => false,                                    // 127.0.0.0/8 loopback
            >= 224 => false,                                 // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast
            100 => (a & 0xFFC0_0000) != 0x6440_0000,         // 100.64.0.0/10 carrier-grade NAT
            169 => (a & 0xFFFF_0000) != 0xA9FE_0000,         // 169.254.0.0/16 link-local
            172 => (a & 0xFFF0_0000) != 0xAC10_0000,         // 172.16.0.0/12 private
            192 => (a & 0xFFFF_0000) != 0xC0A8_0000          // 192.168.0.0/16 private
                && (a & 0xFFFF_FF00) != 0xC000_0000,         // 192.0.0.0/24 IETF protocol assignments
            198 => (a & 0xFFFE_0000) != 0xC612_0000,         // 198.18.0.0/15 benchmarking
            _ => true,
        };
    }

    private static bool IsPublicIpv6(UInt128 a)
    {
        ushort top = (ushort)(a >> 112);
        return a > UInt128.One                               // :: unspecified, ::1 loopback
            && (top & 0xFE00) != 0xFC00                      // fc00::/7 unique local
            && (top & 0xFFC0) != 0xFE80                      // fe80::/10 link-local
            && (top & 0xFF00) != 0xFF00;                     // ff00::/8 multicast
    }

    private static int LastStartAtOrBelow<T>(T[] starts, T value)
        where T : IComparisonOperators<T, T, bool>
    {
        // starts[0] is 0, so the answer always exists.
        int lo = 0;
        int hi = starts.Length - 1;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi + 1) >> 1);
            if (starts[mid] <= value)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static void Validate<T>(ReadOnlySpan<T> starts, byte[] countries, int codeCount)
        where T : INumberBase<T>, IComparisonOperators<T, T, bool>
    {
        if (starts.Length == 0 || starts[0] != T.Zero)
        {
            throw new InvalidDataException("IP-country table: a family does not start at address 0.");
        }

        for (int i = 1; i < starts.Length; i++)
        {
            if (starts[i] <= starts[i - 1])
            {
                throw new InvalidDataException("IP-country table: range starts are not strictly increasing.");
            }
        }

        foreach (byte index in countries)
        {
            if (index >= codeCount)
            {
                throw new InvalidDataException($"IP-country table: country index {index} out of range.");
            }
        }
    }

    /// <summary>Checks the uncompressed header ("MIPC", version, payload length) and decompresses the payload.</summary>
    private static byte[] Decompress(Stream file)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        file.ReadExactly(header);
        if (!header[..4].SequenceEqual("MIPC"u8))
        {
            throw new InvalidDataException("Not an IP-country table (bad magic).");
        }

        if (header[4] != FormatVersion)
        {
            throw new InvalidDataException($"IP-country table version {header[4]} is not supported (expected {FormatVersion}).");
        }

        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[5..]);
        if (length > MaxPayloadLength)
        {
            throw new InvalidDataException($"IP-country table payload of {length} bytes is implausibly large.");
        }

        byte[] compressed = new byte[checked((int)(file.Length - file.Position))];
        file.ReadExactly(compressed);
        byte[] payload = new byte[length];
        if (!BrotliDecoder.TryDecompress(compressed, payload, out int written) || written != payload.Length)
        {
            throw new InvalidDataException("IP-country table payload is corrupt or of the wrong length.");
        }

        return payload;
    }
}
