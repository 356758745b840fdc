using System.Diagnostics.CodeAnalysis;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>Tests that start real Daemons and Nodes run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit names collection definitions ...Collection.")]
public sealed class IntegrationCollection
{
    public const string Name = "Real processes";
}
