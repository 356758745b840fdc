using System.Diagnostics.CodeAnalysis;

namespace Masq.IntegrationTests.DataPath;

/// <summary>The data-path tests share one destination and DNS servers, and run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit names collection definitions ...Collection.")]
public sealed class DataPathCollection : ICollectionFixture<DataPathFixture>
{
    public const string Name = "DataPath";
}
