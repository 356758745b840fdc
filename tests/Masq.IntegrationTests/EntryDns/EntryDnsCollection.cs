namespace Masq.IntegrationTests.EntryDns;

/// <summary>The DNS subversion scenarios run one at a time: each starts a 6-Node localnet of its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EntryDnsCollection
{
    public const string Name = "EntryDns";
}
