using System.IO.Compression;
using System.Net;
using Masq.Node.Neighborhood.Countries;

namespace Masq.Node.Tests.Neighborhood.Countries;

public sealed class IpCountryTableTests
{
    private static readonly IpCountryTable Table = IpCountryTable.Load();

    [Theory]
    [InlineData("8.8.8.8", "US")]
    [InlineData("8.8.4.4", "US")]
    [InlineData("9.9.9.9", "US")]
    [InlineData("1.1.1.1", "AU")]
    [InlineData("5.9.0.1", "DE")]
    [InlineData("62.4.0.1", "FR")]
    [InlineData("133.0.0.1", "JP")]
    [InlineData("193.0.0.1", "NL")]
    [InlineData("223.255.255.255", "AU")]
    public void Maps_well_known_IPv4_addresses(string address, string country)
    {
        Assert.Equal(country, Table.CountryOf(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("1.0.15.255", "CN")]
    [InlineData("1.0.16.0", "JP")]
    [InlineData("1.0.31.255", "JP")]
    [InlineData("62.4.31.255", "FR")]
    [InlineData("62.4.32.0", "ME")]
    [InlineData("1.0.0.0", "AU")]
    [InlineData("1.0.0.255", "AU")]
    [InlineData("1.0.1.0", "CN")]
    public void Range_boundaries_belong_to_the_right_range(string address, string country)
    {
        Assert.Equal(country, Table.CountryOf(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.1.1")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("192.0.2.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("3000::1")]
    [InlineData("::ffff:192.168.0.1")]
    public void Private_loopback_and_unknown_addresses_have_no_country(string address)
    {
        Assert.Null(Table.CountryOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void Neighbours_of_private_ranges_are_still_mapped()
    {
        Assert.Equal("US", Table.CountryOf(IPAddress.Parse("172.32.0.0")));
        Assert.Equal("US", Table.CountryOf(IPAddress.Parse("11.0.0.0")));
        Assert.Equal("CA", Table.CountryOf(IPAddress.Parse("9.255.255.255")));
    }

    [Theory]
    [InlineData("2001:200::1", "JP")]
    [InlineData("2001:200:134:ffff:ffff:ffff:ffff:ffff", "JP")]
    [InlineData("2001:200:135::", "US")]
    [InlineData("2001:200:135:ffff:ffff:ffff:ffff:ffff", "US")]
    [InlineData("2001:200:136::", "JP")]
    [InlineData("2a01:4f8::1", "DE")]
    [InlineData("2a01:4f8:c0c:2a4c::1", "FI")]
    [InlineData("2000::", "CH")]
    [InlineData("2fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "CA")]
    public void Maps_IPv6_addresses(string address, string country)
    {
        Assert.Equal(country, Table.CountryOf(IPAddress.Parse(address)));
    }

    [Fact]
    public void IPv4_mapped_IPv6_is_looked_up_as_IPv4()
    {
        Assert.Equal("DE", Table.CountryOf(IPAddress.Parse("5.9.0.1").MapToIPv6()));
        Assert.Equal("US", Table.CountryOf(IPAddress.Parse("::ffff:8.8.8.8")));
    }

    [Fact]
    public void Load_returns_one_shared_table()
    {
        Assert.Same(IpCountryTable.Load(), IpCountryTable.Load());
    }

    [Fact]
    public void Holds_both_address_families_and_names_its_source()
    {
        Assert.True(Table.Ipv4RangeCount > 100_000);
        Assert.True(Table.Ipv6RangeCount > 100_000);
        Assert.StartsWith("@ip-location-db/dbip-country@", Table.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Knows_country_names_and_which_countries_the_table_has()
    {
        Assert.Equal("United States", Table.CountryNames["US"]);
        Assert.Equal("Germany", Table.CountryNames["DE"]);
        Assert.Equal("Czechia", Table.CountryNames["CZ"]);
        Assert.Equal("Japan", Table.CountryNames["JP"]);
        Assert.Contains("US", Table.CountriesInTable);
        Assert.Contains("XK", Table.CountriesInTable);
        Assert.DoesNotContain("ZZ", Table.CountriesInTable);
        Assert.True(Table.CountriesInTable.Count > 240);
        Assert.All(Table.CountriesInTable, code => Assert.True(Table.CountryNames.ContainsKey(code), code));
        Assert.All(Table.KnownCountryCodes, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Equal(Table.CountryNames.Count, Table.KnownCountryCodes.Count);
    }

    [Fact]
    public void A_fresh_decode_agrees_with_the_shared_table()
    {
        var fresh = IpCountryTable.ReadEmbedded();

        Assert.NotSame(Table, fresh);
        Assert.Equal(Table.Ipv4RangeCount, fresh.Ipv4RangeCount);
        Assert.Equal(Table.Ipv6RangeCount, fresh.Ipv6RangeCount);
        Assert.Equal("US", fresh.CountryOf(IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public void Rejects_data_that_is_not_a_table()
    {
        Assert.Throws<InvalidDataException>(() => IpCountryTable.Read(new MemoryStream(File([1, 2, 3], magic: "NOPE"))));
        Assert.Throws<InvalidDataException>(() => IpCountryTable.Read(new MemoryStream(File([1, 2, 3], version: 9))));
        Assert.Throws<InvalidDataException>(() => IpCountryTable.Read(new MemoryStream(File([5, (byte)'a', (byte)'b']))));
        Assert.Throws<InvalidDataException>(() => IpCountryTable.Read(new MemoryStream(File([1, (byte)'a', 0], lengthDelta: 1))));
        Assert.Throws<InvalidDataException>(() => IpCountryTable.Read(new MemoryStream([(byte)'M', (byte)'I', (byte)'P', (byte)'C', 1, 0, 0, 0, 0, 0x42])));
    }

    [Fact]
    public void Reads_a_small_hand_made_table()
    {
        // Countries AA(1) and BB(2); IPv4: 0 → none, 1.0.0.0 → AA, 2.0.0.0 → BB; IPv6: 0 → none, 2000:: → BB, 2000::1:0 → AA.
        var data = new List<byte>();
        data.Add(4);
        data.AddRange("test"u8.ToArray());
        data.Add(2);
        data.AddRange("AA"u8.ToArray());
        data.Add(1);
        data.Add((byte)'A');
        data.AddRange("BB"u8.ToArray());
        data.Add(1);
        data.Add((byte)'B');
        data.AddRange(BitConverter.GetBytes(3u));
        data.Add(0);
        data.AddRange(Varint(0x0100_0000));
        data.AddRange(Varint(0x0100_0000));
        data.AddRange([0, 1, 2]);
        data.AddRange(BitConverter.GetBytes(3u));
        data.AddRange([0, 0]);
        data.AddRange(Varint(0x2000_0000_0000_0000));
        data.Add(0);
        data.Add(0);
        data.AddRange(Varint(0x1_0000));
        data.AddRange([0, 2, 1]);

        var table = IpCountryTable.Read(new MemoryStream(File([.. data])));

        Assert.Equal("test", table.Source);
        Assert.Null(table.CountryOf(IPAddress.Parse("0.255.255.255")));
        Assert.Equal("AA", table.CountryOf(IPAddress.Parse("1.0.0.0")));
        Assert.Equal("AA", table.CountryOf(IPAddress.Parse("1.255.255.255")));
        Assert.Equal("BB", table.CountryOf(IPAddress.Parse("2.0.0.0")));
        Assert.Equal("BB", table.CountryOf(IPAddress.Parse("223.1.2.3")));
        Assert.Null(table.CountryOf(IPAddress.Parse("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        Assert.Equal("BB", table.CountryOf(IPAddress.Parse("2000::")));
        Assert.Equal("BB", table.CountryOf(IPAddress.Parse("2000::ffff")));
        Assert.Equal("AA", table.CountryOf(IPAddress.Parse("2000::1:0")));
        Assert.Equal("AA", table.CountryOf(IPAddress.Parse("2fff::")));
        Assert.Equal(["AA", "BB"], table.CountriesInTable.Order().ToArray());
        Assert.Equal("A", table.CountryNames["AA"]);
    }

    private static byte[] File(byte[] payload, string magic = "MIPC", byte version = 1, int lengthDelta = 0)
    {
        using var output = new MemoryStream();
        output.Write(System.Text.Encoding.ASCII.GetBytes(magic));
        output.WriteByte(version);
        output.Write(BitConverter.GetBytes((uint)(payload.Length + lengthDelta)));
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(payload);
        }

        return output.ToArray();
    }

    private static List<byte> Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0)
            {
                b |= 0x80;
            }

            bytes.Add(b);
        }
        while (value != 0);
        return bytes;
    }
}
