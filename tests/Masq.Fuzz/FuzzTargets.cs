using Masq.Fuzz.Targets;

namespace Masq.Fuzz;

/// <summary>Every target, by name: one per parser of untrusted input.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new CoresPackageTarget(),
        new LiveHopTarget(),
        new CoresMessageTarget(),
        new GossipTarget(),
        new NodeRecordTarget(),
        new LinkFramerTarget(),
        new HttpHeadTarget(),
        new ChunkedBodyTarget(),
        new TlsClientHelloTarget(),
        new Socks5Target(),
        new DnsAnswerTarget(),
        new EntryDnsQueryTarget(),
        new NodeDescriptorTarget(),
        new TomlConfigTarget(),
        new UiEnvelopeTarget(),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
