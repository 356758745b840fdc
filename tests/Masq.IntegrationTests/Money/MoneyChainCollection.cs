using System.Diagnostics.CodeAnalysis;

namespace Masq.IntegrationTests.Money;

/// <summary>The money tests share one ganache (each test reverts the chain to a snapshot) and run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit names collection definitions ...Collection.")]
public sealed class MoneyChainCollection : ICollectionFixture<GanacheChain>
{
    public const string Name = "Money on a local chain";
}
