namespace Masq.IntegrationTests.Infrastructure;

/// <summary>Tests that start real Daemons and Nodes run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationCollection
{
    public const string Name = "Real processes";
}
