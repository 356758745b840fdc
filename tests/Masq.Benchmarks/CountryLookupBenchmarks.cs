using System.Diagnostics.CodeAnalysis;
using System.Net;
using BenchmarkDotNet.Attributes;
using Masq.Node.Neighborhood.Countries;

namespace Masq.Benchmarks;

/// <summary>
/// The built-in IP-to-country table (neighborhood.md §2): decoding the embedded DB-IP Lite table (what
/// <see cref="IpCountryTable.Load"/> does once per process) and looking up a country, IPv4 and IPv6, over a fixed set
/// of public addresses spread over the table.
/// </summary>
[MemoryDiagnoser]
public class CountryLookupBenchmarks
{
    private const int AddressCount = 1024;

    private IpCountryTable _table = null!;
    private IPAddress[] _ipv4 = null!;
    private IPAddress[] _ipv6 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _table = IpCountryTable.Load();
        var random = new Random(20261125);
        _ipv4 = new IPAddress[AddressCount];
        for (int i = 0; i < AddressCount; i++)
        {
            // 1.0.0.0 – 223.255.255.255: the unicast space, most of it public.
            _ipv4[i] = new IPAddress([(byte)random.Next(1, 224), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)]);
        }

        _ipv6 = new IPAddress[AddressCount];
        var bytes = new byte[16];
        for (int i = 0; i < AddressCount; i++)
        {
            // 2000::/4 – 2fff::, where the table has its ranges.
            random.NextBytes(bytes);
            bytes[0] = (byte)(0x20 | (bytes[0] & 0x0F));
            _ipv6[i] = new IPAddress(bytes);
        }
    }

    [Benchmark(Description = "decode the embedded table (Load, uncached)")]
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods only.")]
    public int LoadTable() => IpCountryTable.ReadEmbedded().Ipv4RangeCount;

    [Benchmark(Description = "IPv4 lookup (per address)", OperationsPerInvoke = AddressCount)]
    public int LookupIpv4()
    {
        int found = 0;
        foreach (IPAddress address in _ipv4)
        {
            if (_table.CountryOf(address) is not null)
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(Description = "IPv6 lookup (per address)", OperationsPerInvoke = AddressCount)]
    public int LookupIpv6()
    {
        int found = 0;
        foreach (IPAddress address in _ipv6)
        {
            if (_table.CountryOf(address) is not null)
            {
                found++;
            }
        }

        return found;
    }
}
