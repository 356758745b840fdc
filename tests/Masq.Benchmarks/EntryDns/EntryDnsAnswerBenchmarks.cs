using BenchmarkDotNet.Attributes;
using Masq.Node.EntryDns;
using Masq.Node.Proxy.Client;

namespace Masq.Benchmarks.EntryDns;

/// <summary>The entry DNS's answer path alone: an A query, an AAAA query and a compression loop (FORMERR).</summary>
[MemoryDiagnoser]
public class EntryDnsAnswerBenchmarks
{
    private readonly byte[] _answer = new byte[EntryDnsAnswer.MaxAnswerLength];
    private byte[] _a = null!;
    private byte[] _aaaa = null!;
    private readonly byte[] _loop = [0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1];

    [GlobalSetup]
    public void Setup()
    {
        _a = EntryDnsLoad.Query(0x1234, "www.some-site.example.com", DnsMessage.TypeA);
        _aaaa = EntryDnsLoad.Query(0x1234, "www.some-site.example.com", DnsMessage.TypeAaaa);
    }

    [Benchmark(Baseline = true)]
    public int AQuery() => EntryDnsAnswer.Write(_a, _answer, out _);

    [Benchmark]
    public int AaaaQuery() => EntryDnsAnswer.Write(_aaaa, _answer, out _);

    [Benchmark]
    public int CompressionLoop() => EntryDnsAnswer.Write(_loop, _answer, out _);
}
