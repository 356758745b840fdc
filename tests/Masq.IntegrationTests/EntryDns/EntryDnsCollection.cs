using System.Diagnostics.CodeAnalysis;

namespace Masq.IntegrationTests.EntryDns;

/// <summary>The DNS subversion scenarios run one at a time: each starts a 6-Node localnet of its own.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit names collection definitions ...Collection.")]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EntryDnsCollection
{
    public const string Name = "EntryDns";
}
